/* Language tables compiled from data/<lang>/ by tools/gen_lexicon.py.
 *
 * Each table is sorted by the bytes of its keys; ev_lex_find() does a
 * binary search. Keys are NFC, case-folded, with U+2019 written as "'",
 * except abbreviations, which are kept as written, without the period. */
#ifndef EV_LEXICON_INT_H
#define EV_LEXICON_INT_H

#include <stddef.h>
#include <stdint.h>

enum { EV_ABBR_INNER = 1, EV_ABBR_FINAL = 2 };
enum { EV_PRON_SINGULAR = 1, EV_PRON_PLURAL = 2 };
enum {
    EV_CLITIC_ELISION = 1,
    EV_CLITIC_WHOLE = 2,
    EV_CLITIC_SUFFIX = 3,
    EV_CLITIC_ENCLITIC = 4
};

typedef struct ev_lex_entry {
    const char *key;
    uint32_t n;
    uint32_t cls;
} ev_lex_entry;

typedef struct ev_lex_table {
    const ev_lex_entry *e;
    size_t n;
} ev_lex_table;

typedef struct ev_lex_lang {
    const char *code;
    ev_lex_table abbr;
    ev_lex_table clitic;
    ev_lex_table stop;
    ev_lex_table pron;
} ev_lex_lang;

extern const ev_lex_lang ev_lex_langs[];
extern const size_t ev_lex_nlangs;

/* The tables of language `code` (`n` bytes), or NULL if it has none. */
const ev_lex_lang *ev_lex_lang_find(const char *code, size_t n);

/* The class of key `p[0..n)` in `t`, or 0 when absent. */
uint32_t ev_lex_find(const ev_lex_table *t, const char *p, size_t n);

#endif
