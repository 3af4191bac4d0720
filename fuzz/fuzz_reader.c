/* Fuzz the JSON Lines reader: any bytes give records or errors, never a
 * crash; every record's text is valid UTF-8 and error lines increase. */
#include "evcode/evcode.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    const uint8_t *p;
    size_t n, pos;
} src;

static long rd(void *buf, size_t n, void *payload)
{
    src *s = payload;
    size_t k = s->n - s->pos;
    if (k > n)
        k = n;
    if (k > 97)  /* small reads: lines cross refills */
        k = 97;
    memcpy(buf, s->p + s->pos, k);
    s->pos += k;
    return (long)k;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    src s = {data, size, 0};
    ev_reader_options o = EV_READER_OPTIONS_INIT;
    o.max_line = 512;
    ev_reader *r;
    if (ev_reader_new(&r, rd, &s, &o) < 0)
        return 0;
    ev_doc *doc;
    if (ev_doc_new(&doc, NULL) < 0) {
        ev_reader_free(r);
        return 0;
    }
    ev_input in;
    ev_err err;
    int rc;
    size_t last = 0;
    while ((rc = ev_reader_next(r, &in, &err)) != EV_ITEROVER) {
        if (rc == EV_EIO || rc == EV_ENOMEM)
            abort();
        size_t line = ev_reader_line(r);
        if (line <= last)
            abort();
        last = line;
        if (rc < 0)
            continue;
        if (ev_utf8_validate(in.text.p, in.text.n, NULL) != EV_OK)
            abort();
        ev_doc_code(doc, &in, NULL);
    }
    ev_doc_free(doc);
    ev_reader_free(r);
    return 0;
}
