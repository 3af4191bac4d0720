/* Fuzz the tokenizer: for any valid UTF-8 text, tokens are in order,
 * non-empty, inside the text, and their code point offsets agree with
 * their byte offsets. The first byte picks the language. */
#include "evcode/evcode.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    static const char *const langs[] = {"fr", "en", "auto", "xx"};
    const char *lang = langs[data[0] & 3];
    const char *text = (const char *)data + 1;
    size_t n = size - 1;
    ev_doc *doc;
    if (ev_doc_new(&doc, NULL) < 0)
        return 0;
    ev_input in;
    memset(&in, 0, sizeof(in));
    in.text = (ev_slice){text, n};
    in.lang = (ev_slice){lang, strlen(lang)};
    int rc = ev_doc_code(doc, &in, NULL);
    if (rc == EV_OK) {
        size_t nt;
        const ev_token *t = ev_doc_tokens(doc, &nt);
        uint32_t prev = 0;
        for (size_t i = 0; i < nt; i++) {
            if (t[i].start < prev || t[i].end <= t[i].start || t[i].end > n)
                abort();
            if (t[i].cp_start != ev_utf8_count(text, t[i].start) ||
                t[i].cp_end != ev_utf8_count(text, t[i].end))
                abort();
            if (ev_utf8_validate(t[i].key.p, t[i].key.n, NULL) != EV_OK ||
                ev_utf8_validate(t[i].fold.p, t[i].fold.n, NULL) != EV_OK)
                abort();
            prev = t[i].end;
        }
    } else if (rc != EV_EINVAL_UTF8) {
        abort();
    }
    ev_doc_free(doc);
    return 0;
}
