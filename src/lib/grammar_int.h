/* The time and quantity grammars: word tables compiled from
 * data/<lang>/{numbers,calendar,relative,quantifiers,units,tense}.txt by
 * tools/gen_grammar.py, the lookups over them, and the number parser that
 * both extract_time.c and extract_qty.c use.
 *
 * Every entry is a phrase of one or more token keys. Matching is on the
 * token's accent-free `fold`; a token written with accents must also match
 * the entry's accented key, so "à" never matches "a" while "deuxieme"
 * still matches "deuxième". See docs/internals/times-quantities.md. */
#ifndef EV_GRAMMAR_INT_H
#define EV_GRAMMAR_INT_H

#include <stddef.h>
#include <stdint.h>

#include "doc_int.h"

/* Entry classes: the file an entry comes from. */
enum {
    EV_G_NUM = 1, EV_G_CAL, EV_G_REL, EV_G_QTF, EV_G_UNIT, EV_G_TENSE
};

/* Kinds, per class (the names of docs/data-format.md). */
enum {
    EV_NUM_UNIT = 1, EV_NUM_TEN, EV_NUM_HUNDRED, EV_NUM_SCALE,
    EV_NUM_FRACTION, EV_NUM_JOINER, EV_NUM_SUFFIX, EV_NUM_DECIMAL,
    EV_NUM_POINT, EV_NUM_NEGATIVE
};
enum {
    EV_CAL_MONTH = 1, EV_CAL_WEEKDAY, EV_CAL_SEASON, EV_CAL_HOLIDAY,
    EV_CAL_DAYPART, EV_CAL_CLOCK, EV_CAL_DECADE, EV_CAL_CENTURY,
    EV_CAL_YEARPREP, EV_CAL_DET, EV_CAL_CLOCKPREP
};
enum {
    EV_REL_DAY = 1, EV_REL_UNIT, EV_REL_MODIFIER, EV_REL_SHIFT, EV_REL_EDGE
};
enum {
    EV_QTF_APPROX = 1, EV_QTF_MIN, EV_QTF_MAX, EV_QTF_FROM, EV_QTF_TO,
    EV_QTF_LINK
};
enum { EV_UNIT_NOUN = 1, EV_UNIT_CURRENCY, EV_UNIT_PERCENT };
enum {
    EV_TENSE_PAST = 1, EV_TENSE_FUTURE, EV_TENSE_NONE,
    EV_TENSE_AUX,          /* past before a participle: est allé */
    EV_TENSE_PARTICIPLE    /* an ending of participles: -é */
};

/* Calendar units (relative.txt `unit`). */
enum {
    EV_TU_DAY = 1, EV_TU_WEEK, EV_TU_WEEKEND, EV_TU_MONTH, EV_TU_QUARTER,
    EV_TU_YEAR, EV_TU_DECADE, EV_TU_HOUR, EV_TU_MINUTE, EV_TU_SECOND
};

/* Entry options (bitmask). */
enum {
    EV_GO_ORDINAL = 1u << 0,  /* a number word that is an ordinal */
    EV_GO_APPROX = 1u << 1,   /* une dizaine: about ten */
    EV_GO_ARTICLE = 1u << 2,  /* un, a: a number only inside a larger one */
    EV_GO_VAGUE = 1u << 3,    /* quelques: counts durations, not things */
    EV_GO_PLURAL = 1u << 4,   /* des milliers: alone, several of them */
    EV_GO_MONEY = 1u << 5,    /* suffix that is a scale only after money */
    EV_GO_ABBR = 1u << 6,     /* only with a day or a year: janv 2024 */
    EV_GO_CAP = 1u << 7,      /* alone only capitalised, not first: May */
    EV_GO_LOWER = 1u << 8,    /* alone only in lower case: mars */
    EV_GO_SUFFIX = 1u << 9    /* tense.txt ending: -ed */
};

/* One phrase. `fold` and `key` hold its words separated by one space.
 * `a` and `b` carry the small values of the kind (month, weekday, MMDD of
 * a season's bounds, a clock time in minutes or -1 h, -2 am, -3 pm, an
 * offset, a unit, a shift's sign and position, a ten's `takes`); `v` a
 * number's value; `s` a currency code. */
typedef struct ev_gram_entry {
    const char *fold;
    const char *key;
    uint16_t nfold, nkey;
    uint8_t nw;
    uint8_t cls;
    uint8_t kind;
    uint16_t opt;
    int32_t a, b;
    double v;
    const char *s;
} ev_gram_entry;

/* Hash slot of a word `k`: the entries whose first word it is, [first,
 * first + count), sorted by class: those of class c are [first + off[c],
 * first + off[c + 1]); and the classes (bit 1 << class) of the entries it
 * starts and of those it ends, so that most lookups stop here. */
typedef struct ev_gram_slot {
    const char *k;
    uint32_t n;
    uint32_t first, count;
    uint8_t starts, ends;
    uint8_t off[8];
} ev_gram_slot;

/* The grammar of one language. */
typedef struct ev_gram {
    const char *lang;
    const ev_gram_entry *e;      /* sorted by first word, longest first */
    size_t ne;
    const ev_gram_slot *slot;    /* open addressing on ghash() */
    uint32_t mask;
    const uint64_t *pre_time;    /* Bloom filters (16384 bits, 2 hashes) */
    const uint64_t *pre_qty;     /* of the words expressions are found at */
    const uint64_t *shape_time;  /* the same words by first two bytes and */
    const uint64_t *shape_qty;   /* length: a cheaper first test */
    const uint64_t *shape_any;   /* either of the two */
    const ev_gram_entry *suffix; /* tense endings */
    size_t nsuffix;
    char decimal;                /* '.' or ',' */
    uint8_t maxw[7];             /* longest phrase of each class, in words */
} ev_gram;

extern const ev_gram ev_grams[];
extern const size_t ev_ngrams;

/* The grammar of language `lang` ("fr"), or NULL when it has none. */
const ev_gram *ev_gram_find(const char *lang);

/* Lookups in one document: its grammar, and for each token the hash slot
 * of its fold, looked up once (0: not yet, 1: none, k + 2: slot k). */
typedef struct ev_gx {
    const ev_gram *g;
    const ev_doc *doc;
    uint32_t *slot;
} ev_gx;

/* Set up `x` for `doc` (its tokens must be final). Returns EV_OK, or
 * EV_ENOMEM when the cache cannot be allocated in the arena. */
int ev_gx_init(ev_gx *x, ev_doc *doc, const ev_gram *g);

/* Head bits: can a token be the main word of a time expression, or start
 * a quantity? */
enum { EV_HEAD_TIME = 1, EV_HEAD_QTY = 2 };

/* The head bits of token `i`: numbers are both; words are what they (or
 * the first or last part of a hyphenated one) pass of the language's
 * filters: a cheap test with rare false positives. */
uint32_t ev_gram_head(const ev_gx *x, size_t i);

/* The first token in [i, end) with head bits, or `end`; `*bits`
 * receives them. One pass serves both stages. */
size_t ev_gram_next_head(const ev_gx *x, size_t i, size_t end,
                         uint32_t *bits);

/* What the time stage leaves for the quantity stage of the same
 * document (doc->tq): its lookups, and the tokens that may start a
 * quantity, in text order. */
typedef struct ev_tq {
    ev_gx x;
    uint32_t *qheads;
    size_t nq;
    const char *rule_name[24];   /* rule names made, by their name */
    const char *rule[24];
} ev_tq;

/* The entries whose first word is the slice `w` (a fold), or NULL;
 * `*count` receives their number. */
const ev_gram_entry *ev_gram_first(const ev_gram *g, const char *w, size_t n,
                                   size_t *count);

/* The same for the fold of token `i`, looked up once: the slow path of
 * ev_gram_tok(). */
const ev_gram_entry *ev_gram_tok_lookup(const ev_gx *x, size_t i,
                                        size_t *count);

/* The entries whose first word is the fold of token `i`, or NULL;
 * `*count` receives their number. Cached: after the first call for a
 * token, a load and a test. */
static inline const ev_gram_entry *ev_gram_tok(const ev_gx *x, size_t i,
                                               size_t *count)
{
    uint32_t s = x->slot[i];
    if (s == 1) {
        *count = 0;
        return NULL;
    }
    if (s == 0)
        return ev_gram_tok_lookup(x, i, count);
    *count = x->g->slot[s - 2].count;
    return &x->g->e[x->g->slot[s - 2].first];
}

/* The classes (bit 1 << class) of the phrases token `i` starts and ends;
 * 0 for a word in none. */
static inline uint32_t ev_gram_starts(const ev_gx *x, size_t i)
{
    size_t n;
    ev_gram_tok(x, i, &n);
    uint32_t s = x->slot[i];
    return s >= 2 ? x->g->slot[s - 2].starts : 0;
}

static inline uint32_t ev_gram_ends(const ev_gx *x, size_t i)
{
    size_t n;
    ev_gram_tok(x, i, &n);
    uint32_t s = x->slot[i];
    return s >= 2 ? x->g->slot[s - 2].ends : 0;
}

/* The longest phrase of class `cls` whose kind is in `kinds` (bit 1 << kind;
 * 0: any kind) that matches the tokens from `i`, none at or past `end`.
 * Returns its number of tokens and sets `*e`, or returns 0. */
size_t ev_gram_match(const ev_gx *x, size_t i, size_t end, unsigned cls,
                     uint32_t kinds, const ev_gram_entry **e);

/* A phrase as above that ends exactly at token `end` (exclusive) and
 * starts at or after `lo`. Returns its first token, or SIZE_MAX. */
size_t ev_gram_match_back(const ev_gx *x, size_t lo, size_t end,
                          unsigned cls, uint32_t kinds,
                          const ev_gram_entry **e);

/* The tense of the verb nearest to tokens [a, b) in the sentence [s0, s1):
 * -1 past, +1 future, 0 unknown. */
int ev_gram_tense(const ev_gx *x, size_t s0, size_t s1, size_t a, size_t b);

/* ------------------------------------------------------------ numbers */

/* Number flags. */
enum {
    EV_NUMF_DIGITS = 1u << 0,   /* written with digits */
    EV_NUMF_WORDS = 1u << 1,    /* written with words */
    EV_NUMF_ORDINAL = 1u << 2,  /* 80e, troisième */
    EV_NUMF_APPROX = 1u << 3,   /* une dizaine */
    EV_NUMF_PLURAL = 1u << 4,   /* des milliers: several thousands */
    EV_NUMF_VAGUE = 1u << 5,    /* quelques: not a quantity by itself */
    EV_NUMF_SCALED = 1u << 6,   /* ends with a scale word or suffix */
    EV_NUMF_INTEGER = 1u << 7,  /* an integer written without a fraction */
    EV_NUMF_GROUPED = 1u << 8,  /* digits in groups of three: 14 000 */
    EV_NUMF_UNITSFX = 1u << 9   /* letters glued that are not ours: 10km */
};

/* Options for ev_num_parse(). */
enum {
    EV_NUMP_MONEY = 1u << 0     /* after a currency: 3m is 3 million */
};

/* A parsed number. `lead` and `mag` describe how it was written, for
 * ranges that share a magnitude: "14 000" is lead 14, mag 1000; "15
 * millions" lead 15, mag 1e6; others lead = v, mag 1. `sfx` is an
 * unknown suffix glued to digits (the "km" of 10km). */
typedef struct ev_num {
    double v;
    double lead, mag;
    size_t end;         /* the token after the number */
    uint32_t flags;     /* EV_NUMF_* */
    ev_slice sfx;
} ev_num;

/* Parse the number that starts at token `i`, not past token `end`:
 * digits with the language's separators and glued suffixes (1,5 - 14 000
 * - 80e - 3bn), then scale words (1,5 million), or number words (quatre-
 * vingt-dix-sept, twenty-one, un million deux cent mille). Digits and
 * values are bounded: longer than 18 digits, or past 1e18, is no number.
 * Returns 1 and fills `out`, or 0. */
int ev_num_parse(const ev_gx *x, size_t i, size_t end, uint32_t opts,
                 ev_num *out);

/* The digit groups of a number token, read from its text: up to 8 groups
 * of ASCII digits, the separator before each ('.' ',' ':' '/' '-' or ' '
 * for any space; 0 for the first), and the letters glued after (as they
 * are in the token's fold). Returns the number of groups, or 0 when the
 * token is not of that shape (other scripts' digits, more groups, a group
 * longer than 18 digits). */
typedef struct ev_digits {
    int n;
    uint64_t v[8];
    uint8_t len[8];
    char sep[8];
    ev_slice sfx;
} ev_digits;
int ev_digits_split(const ev_doc *doc, const ev_token *t, ev_digits *d);

/* The rule name "<lang>/<stage>:<name>" (NUL-terminated) for a mention:
 * made once per document in its arena, then found in `tq` by the address
 * of `name` (a string literal). NULL when out of memory. */
const char *ev_gram_rule(ev_doc *doc, ev_tq *tq, const char *stage,
                         const char *name);

#endif
