/* Fuzz the pack loader: any bytes are refused or loaded; a pack that
 * loads must be safe to code a text with. */
#include "evcode/evcode.h"

#include <stdlib.h>
#include <string.h>

static const char text[] =
    "Le président russe a vu l'armée russe de la Russie à Moscou. "
    "L'ONU et Kim Jong-un. Kim aussi.";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* The loader wants 8-byte alignment: copy. */
    uint64_t *buf = malloc(size / 8 * 8 + 8);
    if (!buf)
        return 0;
    memcpy(buf, data, size);
    ev_dict *d;
    if (ev_dict_load_buffer(&d, buf, size, NULL) == EV_OK) {
        const ev_dict *dicts[] = {d};
        ev_doc_options o = EV_DOC_OPTIONS_INIT;
        o.dicts = dicts;
        o.ndicts = 1;
        ev_doc *doc;
        if (ev_doc_new(&doc, &o) == EV_OK) {
            ev_input in;
            memset(&in, 0, sizeof(in));
            in.text = (ev_slice){text, sizeof(text) - 1};
            in.lang = (ev_slice){ev_dict_lang(d), strlen(ev_dict_lang(d))};
            in.date = (ev_slice){"2025-09-03", 10};
            if (ev_doc_code(doc, &in, NULL) == EV_OK) {
                size_t n;
                const ev_mention *m = ev_doc_mentions(doc, &n);
                for (size_t i = 0; i < n; i++)
                    if (m[i].end > sizeof(text) - 1 || m[i].start >= m[i].end)
                        abort();
            }
            ev_doc_free(doc);
        }
        ev_dict_free(d);
    }
    free(buf);
    return 0;
}
