/* Fuzz the segmenter: sentences tile the tokens in order with no gap or
 * overlap; quotes lie inside the text, in order of their opening mark,
 * with the opening mark before the closing one. The first byte picks the
 * language and the wrapped-text flag. */
#include "evcode/evcode.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const char *lang = data[0] & 1 ? "fr" : "en";
    ev_doc_options o = EV_DOC_OPTIONS_INIT;
    o.flags = data[0] & 2 ? EV_DOC_WRAPPED : 0;
    const char *text = (const char *)data + 1;
    size_t n = size - 1;
    ev_doc *doc;
    if (ev_doc_new(&doc, &o) < 0)
        return 0;
    ev_input in;
    memset(&in, 0, sizeof(in));
    in.text = (ev_slice){text, n};
    in.lang = (ev_slice){lang, 2};
    if (ev_doc_code(doc, &in, NULL) == EV_OK) {
        size_t nt, ns, nq;
        const ev_token *t = ev_doc_tokens(doc, &nt);
        const ev_sentence *s = ev_doc_sentences(doc, &ns);
        const ev_quote *q = ev_doc_quotes(doc, &nq);
        uint32_t next = 0;
        for (size_t i = 0; i < ns; i++) {
            if (s[i].tok_start != next || s[i].tok_end <= s[i].tok_start ||
                s[i].tok_end > nt || s[i].start != t[s[i].tok_start].start ||
                s[i].end != t[s[i].tok_end - 1].end ||
                s[i].cp_end < s[i].cp_start)
                abort();
            for (uint32_t k = s[i].tok_start; k < s[i].tok_end; k++)
                if (t[k].sentence != i)
                    abort();
            next = s[i].tok_end;
        }
        if (next != nt)
            abort();
        for (size_t i = 0; i < nq; i++) {
            if (q[i].open_tok >= q[i].close_tok || q[i].close_tok >= nt ||
                q[i].start > q[i].end || q[i].end > n ||
                q[i].sentence >= ns || (i && q[i].open_tok < q[i - 1].open_tok))
                abort();
            if (q[i].cp_start != ev_utf8_count(text, q[i].start))
                abort();
        }
    }
    ev_doc_free(doc);
    return 0;
}
