#include "lexicon_int.h"

#include <string.h>

const ev_lex_lang *ev_lex_lang_find(const char *code, size_t n)
{
    for (size_t i = 0; i < ev_lex_nlangs; i++)
        if (strlen(ev_lex_langs[i].code) == n &&
            memcmp(ev_lex_langs[i].code, code, n) == 0)
            return &ev_lex_langs[i];
    return NULL;
}

uint32_t ev_lex_find(const ev_lex_table *t, const char *p, size_t n)
{
    size_t lo = 0, hi = t->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const ev_lex_entry *e = &t->e[mid];
        size_t m = e->n < n ? e->n : n;
        int c = memcmp(e->key, p, m);
        if (c == 0)
            c = e->n < n ? -1 : e->n > n ? 1 : 0;
        if (c == 0)
            return e->cls;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}
