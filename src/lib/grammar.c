/* Lookups in the time and quantity grammars, the tense heuristic, and the
 * number parser shared by extract_time.c and extract_qty.c. The tables
 * come from data/<lang>/ through tools/gen_grammar.py (build/gen/grammar.c);
 * nothing here knows a word of any language. */
#include "grammar_int.h"

#include <string.h>

#define MAX_VALUE 1e18   /* larger numbers are not numbers */
#define MAX_DIGITS 18    /* nor are longer runs of digits */
#define MAX_PARTS 48     /* number words looked at, at most */

const ev_gram *ev_gram_find(const char *lang)
{
    for (size_t i = 0; i < ev_ngrams; i++)
        if (strcmp(ev_grams[i].lang, lang) == 0)
            return &ev_grams[i];
    return NULL;
}

/* Are the `n` bytes at `a` and `b` equal? Keys are short: a loop beats
 * a call to memcmp. */
static int same(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i])
            return 0;
    return 1;
}

/* The hash of a key: its first and last eight bytes and its length,
 * multiplied and mixed. Must match ghash() in tools/gen_grammar.py. */
static uint64_t ghash(const char *p, size_t n)
{
    const unsigned char *u = (const unsigned char *)p;
    uint64_t a = 0, c = 0;
    size_t k = n < 8 ? n : 8;
    for (size_t i = 0; i < k; i++)
        a |= (uint64_t)u[i] << (8 * i);
    if (n > 8)
        for (size_t i = 0; i < 8; i++)
            c |= (uint64_t)u[n - 8 + i] << (8 * i);
    uint64_t h = a * 0x9E3779B97F4A7C15u + c * 0xC2B2AE3D27D4EB4Fu + n;
    h ^= h >> 32;
    h *= 0xD6E8FEB86659FD93u;
    h ^= h >> 29;
    return h;
}

#define BLOOM_MASK 16383u

static int bloom(const uint64_t *bits, uint64_t h)
{
    uint32_t a = (uint32_t)(h >> 32) & BLOOM_MASK;
    uint32_t b = (uint32_t)(h >> 48) & BLOOM_MASK;
    return (int)(bits[a >> 6] >> (a & 63) & bits[b >> 6] >> (b & 63) & 1);
}

/* The slot of key `w` hashed `h`, or -1. */
static long slot_of(const ev_gram *g, const char *w, size_t n, uint64_t h)
{
    uint32_t i = (uint32_t)h & g->mask;
    for (;;) {
        const ev_gram_slot *s = &g->slot[i];
        if (!s->k)
            return -1;
        if (s->n == n && same(s->k, w, n))
            return (long)i;
        i = (i + 1) & g->mask;
    }
}

int ev_gx_init(ev_gx *x, ev_doc *doc, const ev_gram *g)
{
    x->g = g;
    x->doc = doc;
    x->slot = ev_arena_alloc(&doc->arena, (doc->ntok + 1) * sizeof(uint32_t));
    if (!x->slot)
        return EV_ENOMEM;
    memset(x->slot, 0, (doc->ntok + 1) * sizeof(uint32_t));
    return EV_OK;
}

/* Look token `i` up once; returns its slot + 2, or 1 for none. */
static uint32_t tok_slot(const ev_gx *x, size_t i, uint64_t h)
{
    const ev_token *t = &x->doc->tok[i];
    long s = slot_of(x->g, t->fold.p, t->fold.n, h);
    x->slot[i] = s < 0 ? 1 : (uint32_t)s + 2;
    return x->slot[i];
}

/* The bit of a word's first two bytes and length in the shape filter;
 * must match shape_bit() in tools/gen_grammar.py. */
static uint32_t shape_of(const char *p, size_t n)
{
    uint32_t b0 = (unsigned char)p[0], b1 = n > 1 ? (unsigned char)p[1] : 0;
    return (b0 & 31) << 9 | (b1 & 31) << 4 | (uint32_t)(n < 15 ? n : 15);
}

size_t ev_gram_next_head(const ev_gx *x, size_t i, size_t end,
                         uint32_t *bits)
{
    const ev_token *tok = x->doc->tok;
    const uint64_t *shape = x->g->shape_any;
    for (; i < end; i++) {
        const ev_token *t = &tok[i];
        if (t->kind == EV_TOK_NUMBER) {
            *bits = EV_HEAD_TIME | EV_HEAD_QTY;
            return i;
        }
        if (t->kind != EV_TOK_WORD || t->fold.n == 0)
            continue;
        uint32_t s = shape_of(t->fold.p, t->fold.n);
        if (!(shape[s >> 6] >> (s & 63) & 1) && !(t->flags & EV_TOKF_HYPHEN))
            continue;
        if ((*bits = ev_gram_head(x, i)) != 0)
            return i;
    }
    *bits = 0;
    return end;
}

/* The head bits of the word `p[0..n)`; `*h` receives its hash when it
 * is computed. */
static uint32_t word_bits(const ev_gram *g, const char *p, size_t n,
                          uint64_t *h)
{
    uint32_t s = shape_of(p, n), r = 0;
    int t = (int)(g->shape_time[s >> 6] >> (s & 63) & 1);
    int q = (int)(g->shape_qty[s >> 6] >> (s & 63) & 1);
    if (!t && !q)
        return 0;
    *h = ghash(p, n);
    if (t && bloom(g->pre_time, *h))
        r |= EV_HEAD_TIME;
    if (q && bloom(g->pre_qty, *h))
        r |= EV_HEAD_QTY;
    return r;
}

uint32_t ev_gram_head(const ev_gx *x, size_t i)
{
    const ev_token *t = &x->doc->tok[i];
    uint64_t h;
    if (t->kind == EV_TOK_NUMBER)
        return EV_HEAD_TIME | EV_HEAD_QTY;
    if (t->kind != EV_TOK_WORD || t->fold.n == 0)
        return 0;
    uint32_t r = word_bits(x->g, t->fold.p, t->fold.n, &h);
    if (r) {
        if (!x->slot[i])
            tok_slot(x, i, h);
        return r;
    }
    if (t->flags & EV_TOKF_HYPHEN) {
        /* quatre-vingt-dix, mi-juin: its first or last part may be it. */
        const char *p = t->fold.p, *e = p + t->fold.n;
        const char *hy = memchr(p, '-', t->fold.n), *last = e;
        while (last > p && last[-1] != '-')
            last--;
        if (hy && hy > p)
            r |= word_bits(x->g, p, (size_t)(hy - p), &h);
        if (last > p && last < e)
            r |= word_bits(x->g, last, (size_t)(e - last), &h);
    }
    return r;
}

const ev_gram_entry *ev_gram_first(const ev_gram *g, const char *w, size_t n,
                                   size_t *count)
{
    *count = 0;
    if (n == 0)
        return NULL;
    long s = slot_of(g, w, n, ghash(w, n));
    if (s < 0)
        return NULL;
    *count = g->slot[s].count;
    return &g->e[g->slot[s].first];
}

const ev_gram_entry *ev_gram_tok_lookup(const ev_gx *x, size_t i,
                                        size_t *count)
{
    const ev_token *t = &x->doc->tok[i];
    uint32_t s = x->slot[i];
    *count = 0;
    if (t->fold.n == 0) {
        x->slot[i] = 1;
        return NULL;
    }
    if (!s)
        s = tok_slot(x, i, ghash(t->fold.p, t->fold.n));
    if (s == 1)
        return NULL;
    *count = x->g->slot[s - 2].count;
    return &x->g->e[x->g->slot[s - 2].first];
}

/* Does the word (fold `tf`, key `tk`) match the entry word (`f`, `k`)?
 * The folds must be equal, and the keys too unless the word is written
 * without accents and is long enough. */
static int word_eq(ev_slice tf, ev_slice tk, const char *f, size_t nf,
                   const char *k, size_t nk)
{
    if (tf.n != nf || !same(tf.p, f, nf))
        return 0;
    if (tk.n == nk && same(tk.p, k, nk))
        return 1;
    /* Written without accents: the entry's accents may be left out in
     * words of four letters or more (deuxieme, fevrier), not in short
     * ones, where they tell words apart (a, à; ou, où; ete, été). */
    return nf >= 4 &&
           (tk.p == tf.p || (tk.n == tf.n && same(tk.p, tf.p, tf.n)));
}

/* Length of the word at `p` (up to a space or `end`). */
static size_t wlen(const char *p, const char *end)
{
    const char *q = p;
    while (q < end && *q != ' ')
        q++;
    return (size_t)(q - p);
}

/* Do the words of `e` match tokens [i, i + e->nw)? */
static int entry_matches(const ev_gram_entry *e, const ev_doc *doc, size_t i)
{
    const char *f = e->fold, *fe = e->fold + e->nfold;
    const char *k = e->key, *ke = e->key + e->nkey;
    for (size_t w = 0; w < e->nw; w++) {
        const ev_token *t = &doc->tok[i + w];
        size_t nf = wlen(f, fe), nk = wlen(k, ke);
        if (t->kind == EV_TOK_NUMBER ||
            !word_eq(t->fold, t->key, f, nf, k, nk))
            return 0;
        f += nf + 1;
        k += nk + 1;
    }
    return 1;
}

/* The longest phrase as in ev_gram_match(); with `exact` > 0 only one of
 * exactly `exact` tokens. */
static size_t match_at(const ev_gx *x, size_t i, size_t end, unsigned cls,
                       uint32_t kinds, size_t exact,
                       const ev_gram_entry **out)
{
    const ev_doc *doc = x->doc;
    if (i >= end || end > doc->ntok || doc->tok[i].kind == EV_TOK_NUMBER)
        return 0;
    if (!(ev_gram_starts(x, i) >> cls & 1u) || cls > 6)
        return 0;
    const ev_gram_slot *sl = &x->g->slot[x->slot[i] - 2];
    const ev_gram_entry *e = &x->g->e[sl->first];
    for (size_t j = sl->off[cls]; j < sl->off[cls + 1]; j++) {
        const ev_gram_entry *c = &e[j];
        if ((kinds && !(kinds >> c->kind & 1u)) ||
            i + c->nw > end || (exact && c->nw != exact))
            continue;
        if (entry_matches(c, doc, i)) {
            *out = c;
            return c->nw;
        }
    }
    return 0;
}

size_t ev_gram_match(const ev_gx *x, size_t i, size_t end, unsigned cls,
                     uint32_t kinds, const ev_gram_entry **e)
{
    return match_at(x, i, end, cls, kinds, 0, e);
}

size_t ev_gram_match_back(const ev_gx *x, size_t lo, size_t end,
                          unsigned cls, uint32_t kinds,
                          const ev_gram_entry **e)
{
    size_t w = cls < 7 ? x->g->maxw[cls] : 8;
    size_t from = end > lo + w ? end - w : lo;
    if (end <= lo || end > x->doc->ntok)
        return SIZE_MAX;
    /* The last word must end a phrase of the class. */
    if (!(ev_gram_ends(x, end - 1) >> cls & 1u))
        return SIZE_MAX;
    for (size_t s = from; s < end; s++)
        if (match_at(x, s, end, cls, kinds, end - s, e))
            return s;
    return SIZE_MAX;
}

/* The ending of kind `kind` that the lower-case word `t` has (at least
 * two letters before it), or NULL. */
static const ev_gram_entry *tense_ending(const ev_gram *g, const ev_token *t,
                                         int kind)
{
    if (t->kind != EV_TOK_WORD || (t->flags & (EV_TOKF_CAP | EV_TOKF_UPPER)))
        return NULL;
    for (size_t j = 0; j < g->nsuffix; j++) {
        const ev_gram_entry *s = &g->suffix[j];
        if ((kind ? s->kind == kind : s->kind != EV_TENSE_PARTICIPLE) &&
            t->key.n >= (size_t)s->nkey + 2 &&
            same(t->key.p + t->key.n - s->nkey, s->key, s->nkey))
            return s;
    }
    return NULL;
}

/* The tense a word marks: -1 past, +1 future, 2 "not a marker" (a listed
 * exception), 0 nothing known. An auxiliary (est, sont) marks the past
 * only before a participle (est allé, s'est terminé). */
static int word_tense(const ev_gx *x, size_t i, size_t s1)
{
    const ev_gram *g = x->g;
    const ev_token *t = &x->doc->tok[i];
    const ev_gram_entry *e;
    if (t->kind != EV_TOK_WORD)
        return 0;
    if (match_at(x, i, i + 1, EV_G_TENSE, 0, 1, &e)) {
        if (e->kind == EV_TENSE_AUX)
            return i + 1 < s1 && tense_ending(g, &x->doc->tok[i + 1],
                                              EV_TENSE_PARTICIPLE) ? -1 : 2;
        return e->kind == EV_TENSE_PAST ? -1
             : e->kind == EV_TENSE_FUTURE ? 1 : 2;
    }
    const ev_gram_entry *s = tense_ending(g, t, 0);
    return !s ? 0 : s->kind == EV_TENSE_PAST ? -1
         : s->kind == EV_TENSE_FUTURE ? 1 : 0;
}

int ev_gram_tense(const ev_gx *x, size_t s0, size_t s1, size_t a, size_t b)
{
    /* Outward from the expression, the left side first at each step. */
    for (size_t d = 1; a >= s0 + d || b - 1 + d < s1; d++) {
        if (a >= s0 + d) {
            int r = word_tense(x, a - d, s1);
            if (r == -1 || r == 1)
                return r;
        }
        if (b - 1 + d < s1) {
            int r = word_tense(x, b - 1 + d, s1);
            if (r == -1 || r == 1)
                return r;
        }
    }
    return 0;
}

/* ------------------------------------------------------------ numbers */

/* A space that the tokenizer lets into a number (U+0020, U+00A0,
 * U+202F, U+2009); returns its length in bytes, or 0. */
static size_t num_space(const unsigned char *s, size_t i, size_t n)
{
    if (s[i] == ' ')
        return 1;
    if (i + 1 < n && s[i] == 0xc2 && s[i + 1] == 0xa0)
        return 2;
    if (i + 2 < n && s[i] == 0xe2 && s[i + 1] == 0x80 &&
        (s[i + 2] == 0xaf || s[i + 2] == 0x89))
        return 3;
    return 0;
}

static int is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

/* Split the raw text `raw` of a number token into digit groups; the
 * suffix is taken from the token's fold. */
static int digits_split(ev_slice raw, ev_slice fold, ev_digits *d)
{
    const unsigned char *s = (const unsigned char *)raw.p;
    size_t i = 0, n = raw.n;
    memset(d, 0, sizeof(*d));
    if (n == 0 || !is_digit(s[0]))
        return 0;
    d->n = 1;
    for (;;) {
        int k = d->n - 1;
        while (i < n && is_digit(s[i])) {
            if (d->len[k] >= MAX_DIGITS)
                return 0;
            d->v[k] = d->v[k] * 10 + (uint64_t)(s[i] - '0');
            d->len[k]++;
            i++;
        }
        if (d->len[k] == 0)
            return 0;
        if (i >= n)
            break;
        size_t sp = num_space(s, i, n);
        char c = sp ? ' ' : (char)s[i];
        size_t j = i + (sp ? sp : 1);
        if ((sp || c == '.' || c == ',' || c == ':' || c == '/' ||
             c == '-') && j < n && is_digit(s[j])) {
            if (d->n >= 8)
                return 0;
            d->sep[d->n++] = c;
            i = j;
            continue;
        }
        break;
    }
    if (i < n) {
        /* Letters glued after the digits; anything else (other scripts'
         * digits) makes the token no number of ours. */
        for (size_t j = i; j < n; j++)
            if (is_digit(s[j]))
                return 0;
        if (s[i] < 0x80 && !((s[i] | 32) >= 'a' && (s[i] | 32) <= 'z'))
            return 0;
        size_t k = fold.n;
        while (k > 0 && !is_digit((unsigned char)fold.p[k - 1]))
            k--;
        d->sfx = (ev_slice){fold.p + k, fold.n - k};
        if (d->sfx.n == 0)
            return 0;
    }
    return d->n;
}

int ev_digits_split(const ev_doc *doc, const ev_token *t, ev_digits *d)
{
    ev_slice raw = {doc->text.p + t->start, t->end - t->start};
    return digits_split(raw, t->fold, d);
}

/* 10^k for k <= 18. */
static double pow10i(int k)
{
    double p = 1;
    while (k-- > 0)
        p *= 10;
    return p;
}

/* The single-word NUM entry of kind `kind` among `e[0..n)`, or NULL. */
static const ev_gram_entry *num_of(const ev_gram_entry *e, size_t n,
                                   int kind)
{
    for (size_t j = 0; j < n; j++)
        if (e[j].cls == EV_G_NUM && e[j].kind == kind && e[j].nw == 1)
            return &e[j];
    return NULL;
}

/* The single-word NUM entry `w` of kind `kind`, or NULL. */
static const ev_gram_entry *num_word(const ev_gram *g, ev_slice w, int kind)
{
    size_t n;
    const ev_gram_entry *e = ev_gram_first(g, w.p, w.n, &n);
    return num_of(e, n, kind);
}

/* The same for token `i`, whose accents must match too. */
static const ev_gram_entry *num_tok(const ev_gx *x, size_t i, int kind)
{
    size_t n;
    const ev_gram_entry *e = ev_gram_tok(x, i, &n);
    e = num_of(e, n, kind);
    const ev_token *t = &x->doc->tok[i];
    if (e && !word_eq(t->fold, t->key, e->fold, e->nfold, e->key, e->nkey))
        return NULL;
    return e;
}

/* The value of a number token's digits (no ':' '/' '-'), with the
 * language's decimal mark; fills v, lead, mag and flags. */
static int digits_value(const ev_gram *g, const ev_digits *d, ev_num *out)
{
    char dec = g->decimal, grp = dec == ',' ? '.' : ',';
    int n = d->n, decpos = -1, has_dot = 0, has_comma = 0, spaces = 0;
    for (int k = 1; k < n; k++) {
        if (d->sep[k] == ':' || d->sep[k] == '/' || d->sep[k] == '-')
            return 0;
        has_dot |= d->sep[k] == '.';
        has_comma |= d->sep[k] == ',';
        spaces += d->sep[k] == ' ';
    }
    /* Which separator, if any, is the decimal mark. */
    if (has_dot && has_comma) {
        decpos = n - 1;          /* 6.700,54 - 1,674,200.5 */
        if (d->sep[decpos] == ' ')
            return 0;
    } else if (has_dot || has_comma) {
        char c = has_dot ? '.' : ',';
        int count = 0, last = -1;
        for (int k = 1; k < n; k++)
            if (d->sep[k] == c) {
                count++;
                last = k;
            }
        if (count == 1 && last == n - 1) {
            int three = d->len[last] == 3 && d->len[0] <= 3 &&
                        !(d->len[0] == 1 && d->v[0] == 0);
            if (c == dec || !three)
                decpos = last;   /* 1,5 (fr) - 1.5 (en) - 1.25 (fr) */
            else
                grp = c;         /* 100.000 (fr) - 14,000 (en) */
        } else {
            grp = c;             /* 1.200.000 - 3,000,000 */
        }
    }
    /* Every group after the first, up to the decimal mark, is 3 digits
     * long, after a first group of 1 to 3 digits. */
    int intend = decpos < 0 ? n : decpos;
    for (int k = 1; k < intend; k++)
        if (d->len[k] != 3 || (d->sep[k] != ' ' && d->sep[k] != grp) ||
            d->len[0] > 3)
            return 0;
    int ndig = 0;
    double v = 0;
    for (int k = 0; k < intend; k++) {
        ndig += d->len[k];
        v = v * pow10i(d->len[k]) + (double)d->v[k];
    }
    if (ndig > MAX_DIGITS)
        return 0;
    out->lead = intend > 1 ? (double)d->v[0] : v;
    out->mag = intend > 1 ? pow10i(3 * (intend - 1)) : 1;
    if (intend > 1)
        out->flags |= EV_NUMF_GROUPED;
    if (decpos >= 0) {
        if (decpos != n - 1)
            return 0;
        v += (double)d->v[decpos] / pow10i(d->len[decpos]);
        out->lead = v;
        out->mag = 1;
    } else {
        out->flags |= EV_NUMF_INTEGER;
    }
    (void)spaces;
    out->v = v;
    return 1;
}

/* Apply scale words after a number (1,5 million, 3 milliards, 100
 * mille, 2 douzaines) from token `i`; returns the token after them. */
static size_t scale_words(const ev_gx *x, size_t i, size_t end, ev_num *out)
{
    const ev_doc *doc = x->doc;
    while (i < end && doc->tok[i].kind == EV_TOK_WORD &&
           !(doc->tok[i].flags & EV_TOKF_HYPHEN)) {
        const ev_gram_entry *e = num_tok(x, i, EV_NUM_SCALE);
        if (!e)
            e = num_tok(x, i, EV_NUM_HUNDRED);
        if (!e || (e->opt & EV_GO_ORDINAL) || out->v * e->v > MAX_VALUE)
            break;
        if (out->mag == 1 || !(out->flags & EV_NUMF_SCALED))
            out->lead = out->v;
        out->v *= e->v;
        out->mag = (out->flags & EV_NUMF_SCALED) ? out->mag * e->v : e->v;
        out->flags |= EV_NUMF_SCALED;
        if (e->opt & EV_GO_APPROX)
            out->flags |= EV_NUMF_APPROX;
        i++;
        /* 3 millions et demi, 2 million and a half */
        const ev_gram_entry *jn, *f, *ar;
        size_t k = ev_gram_match(x, i, end, EV_G_NUM, 1u << EV_NUM_JOINER,
                                 &jn);
        size_t a = i + k;
        if (k && a < end && doc->tok[a].kind == EV_TOK_WORD &&
            (ar = num_tok(x, a, EV_NUM_UNIT)) && (ar->opt & EV_GO_ARTICLE))
            a++;
        if (k && a < end && doc->tok[a].kind == EV_TOK_WORD &&
            (f = num_tok(x, a, EV_NUM_FRACTION))) {
            out->v += f->v * e->v;
            out->flags &= ~(uint32_t)EV_NUMF_INTEGER;
            i = a + 1;
            break;
        }
    }
    return i;
}

static int is_upper_ascii(const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] >= 'a' && p[i] <= 'z')
            return 0;
    return n > 0;
}

/* A number written in digits at token `i`. */
static int parse_digits(const ev_gx *x, size_t i, size_t end, uint32_t opts,
                        ev_num *out)
{
    const ev_gram *g = x->g;
    const ev_doc *doc = x->doc;
    const ev_token *t = &doc->tok[i];
    ev_slice raw = {doc->text.p + t->start, t->end - t->start};
    ev_digits d;
    if (!digits_split(raw, t->fold, &d) || !digits_value(g, &d, out))
        return 0;
    out->flags |= EV_NUMF_DIGITS;
    if (d.sfx.n) {
        const ev_gram_entry *e = num_word(g, d.sfx, EV_NUM_SUFFIX);
        if (!e && (e = num_word(g, d.sfx, EV_NUM_SCALE)) &&
            (e->opt & (EV_GO_APPROX | EV_GO_ORDINAL)))
            e = NULL;   /* 2millions, not 3dizaines */
        if (e && (e->opt & EV_GO_ORDINAL)) {
            if (!(out->flags & EV_NUMF_INTEGER) ||
                (out->flags & EV_NUMF_GROUPED))
                return 0;
            out->flags |= EV_NUMF_ORDINAL;
            out->end = i + 1;
            return 1;
        }
        const char *rs = raw.p + raw.n - d.sfx.n;
        if (e && e->v > 0 && (!(e->opt & EV_GO_MONEY) ||
                              (opts & EV_NUMP_MONEY) ||
                              (d.sfx.n == 1 && is_upper_ascii(rs, 1)))) {
            if (out->v * e->v > MAX_VALUE)
                return 0;
            out->lead = out->v;
            out->v *= e->v;
            out->mag = e->v;
            out->flags |= EV_NUMF_SCALED;
        } else {
            out->sfx = d.sfx;
            out->flags |= EV_NUMF_UNITSFX;
            out->end = i + 1;
            return 1;
        }
    }
    out->end = scale_words(x, i + 1, end, out);
    return 1;
}

/* A word of a number: a token, or a part of a hyphenated one. */
typedef struct {
    ev_slice f, k;
    const ev_gram_entry *e;  /* the entries that start with it */
    size_t ne;
    size_t tok;
    int last;                /* the last part of its token */
} part;

/* Does any NUM entry start with the part? */
static int num_start(const ev_gram_entry *e, size_t n)
{
    for (size_t j = 0; j < n; j++)
        if (e[j].cls == EV_G_NUM)
            return 1;
    return 0;
}

/* Split the words from token `i` into parts (at hyphens), up to `max`,
 * as long as each could be part of a number. */
static size_t collect_parts(const ev_gx *x, size_t i, size_t end, part *p,
                            size_t max)
{
    const ev_doc *doc = x->doc;
    size_t np = 0;
    for (; i < end && np < max; i++) {
        const ev_token *t = &doc->tok[i];
        if (t->kind != EV_TOK_WORD || t->fold.n == 0)
            break;
        if (!(t->flags & EV_TOKF_HYPHEN)) {
            size_t ne;
            const ev_gram_entry *e = ev_gram_tok(x, i, &ne);
            if (!num_start(e, ne))
                break;
            p[np++] = (part){t->fold, t->key, e, ne, i, 1};
            continue;
        }
        /* Split fold and key alike; they have the same hyphens. */
        const char *f = t->fold.p, *fe = f + t->fold.n;
        const char *k = t->key.p, *ke = k + t->key.n;
        size_t first = np;
        int ok = 1;
        while (f < fe && k < ke && np < max) {
            const char *fh = memchr(f, '-', (size_t)(fe - f));
            const char *kh = memchr(k, '-', (size_t)(ke - k));
            if (!fh)
                fh = fe;
            if (!kh)
                kh = ke;
            if (fh > f) {
                size_t ne;
                const ev_gram_entry *e =
                    ev_gram_first(x->g, f, (size_t)(fh - f), &ne);
                if (!num_start(e, ne)) {
                    ok = 0;
                    break;
                }
                p[np++] = (part){{f, (size_t)(fh - f)},
                                 {k, (size_t)(kh - k)}, e, ne, i, 0};
            }
            f = fh + 1;
            k = kh + 1;
        }
        if (!ok || np == first || f < fe || np == max) {
            np = first;   /* a token cut short: stop before it */
            break;
        }
        p[np - 1].last = 1;
    }
    return np;
}

/* The longest NUM entry matching the parts from `j`. */
static size_t match_parts(const part *p, size_t j, size_t np,
                          const ev_gram_entry **out)
{
    if (j >= np)
        return 0;
    size_t n = p[j].ne;
    const ev_gram_entry *e = p[j].e;
    for (size_t x = 0; x < n; x++) {
        const ev_gram_entry *c = &e[x];
        if (c->cls != EV_G_NUM || j + c->nw > np)
            continue;
        const char *f = c->fold, *fe = c->fold + c->nfold;
        const char *k = c->key, *ke = c->key + c->nkey;
        size_t w;
        for (w = 0; w < c->nw; w++) {
            size_t nf = wlen(f, fe), nk = wlen(k, ke);
            if (!word_eq(p[j + w].f, p[j + w].k, f, nf, k, nk))
                break;
            f += nf + 1;
            k += nk + 1;
        }
        if (w == c->nw) {
            *out = c;
            return c->nw;
        }
    }
    return 0;
}

static int is_additive(const ev_gram_entry *e)
{
    return e->kind == EV_NUM_UNIT || e->kind == EV_NUM_TEN;
}

/* A number written in words from token `i`: a small state machine over
 * the parts (see docs/internals/times-quantities.md). It keeps the
 * longest prefix, ending at a token boundary, that is a whole number. */
static int parse_words(const ev_gx *x, size_t i, size_t end, ev_num *out)
{
    part p[MAX_PARTS];
    size_t np = collect_parts(x, i, end, p, MAX_PARTS);
    double total = 0, cur = 0, last_scale = 0, limit = MAX_VALUE;
    double decimal_div = 0;
    int article = 0, any = 0, joined = 0, frac = 0, ended_scale = 0;
    int prev_kind = 0, point = 0, nparts = 0, bare = 0;
    uint32_t flags = EV_NUMF_WORDS | EV_NUMF_INTEGER;
    int found = 0;
    const ev_gram_entry *e, *e2;
    for (size_t j = 0; j < np;) {
        size_t k = match_parts(p, j, np, &e);
        if (!k)
            break;
        if (point) {
            /* After the decimal word: digits one by one. */
            if (e->kind != EV_NUM_UNIT || e->v < 0 || e->v > 9 ||
                e->v != (double)(int)e->v || e->opt)
                break;
            cur += e->v / decimal_div;
            decimal_div *= 10;
            flags &= ~(uint32_t)EV_NUMF_INTEGER;
            j += k;
            goto boundary;
        }
        if (e->kind == EV_NUM_JOINER || e->kind == EV_NUM_POINT) {
            if (!any || joined)
                break;
            size_t k2 = match_parts(p, j + k, np, &e2);
            if (!k2)
                break;
            if (article) {
                /* un et demi: the article was the numeral one */
                if (e->kind != EV_NUM_JOINER || e2->kind != EV_NUM_FRACTION)
                    break;
                article = 0;
                limit = -1;
            }
            if (e->kind == EV_NUM_POINT) {
                if (frac || last_scale > 0 || e2->kind != EV_NUM_UNIT)
                    break;
                point = 1;
                decimal_div = 10;
                j += k;
                continue;
            }
            int ok = 0;
            if (e2->kind == EV_NUM_FRACTION)
                ok = 1;
            if (!ok && is_additive(e2) && !(e2->opt & EV_GO_VAGUE))
                ok = (prev_kind == EV_NUM_TEN && e2->kind == EV_NUM_UNIT &&
                      e2->v <= limit) ||
                     ((prev_kind == EV_NUM_HUNDRED ||
                       prev_kind == EV_NUM_SCALE) && e2->v <= limit);
            if (!ok && (e2->opt & EV_GO_ARTICLE) && j + k + k2 < np) {
                const ev_gram_entry *e3;   /* one and a half */
                ok = match_parts(p, j + k + k2, np, &e3) &&
                     e3->kind == EV_NUM_FRACTION;
            }
            if (!ok)
                break;
            joined = 1;
            j += k;
            continue;
        }
        if (article && !(e->kind == EV_NUM_HUNDRED ||
                         e->kind == EV_NUM_SCALE ||
                         e->kind == EV_NUM_FRACTION ||
                         (e->opt & EV_GO_VAGUE)))
            break;
        switch (e->kind) {
        case EV_NUM_UNIT:
        case EV_NUM_TEN:
            if (joined && (e->opt & EV_GO_ARTICLE)) {
                /* "one and a half": the article before a fraction. */
                size_t k3 = match_parts(p, j + k, np, &e2);
                if (k3 && e2->kind == EV_NUM_FRACTION) {
                    j += k;
                    continue;
                }
            }
            if (!frac && any && !article && !joined && e->v > limit &&
                (e->opt & EV_GO_ORDINAL) && e->v >= 3 && total + cur > 0) {
                /* three fifths, vingt-trois cinquièmes: a fraction */
                cur = (total + cur) / e->v;
                total = 0;
                frac = 1;
                limit = -1;
                ended_scale = 0;
                flags &= ~(uint32_t)EV_NUMF_INTEGER;
                prev_kind = EV_NUM_FRACTION;
                j += k;
                goto boundary;
            }
            if (frac || (any && !article && e->v > limit))
                goto done;
            if (!any && (e->opt & EV_GO_ARTICLE)) {
                article = 1;
                cur = 1;
                any = 1;
                prev_kind = e->kind;
                j += k;
                continue;   /* never a boundary by itself */
            }
            if (article) {          /* a few, a couple */
                article = 0;
                cur = 0;
            }
            cur += e->v;
            limit = e->kind == EV_NUM_TEN ? e->b : -1;
            if (e->opt & EV_GO_VAGUE)
                flags |= EV_NUMF_VAGUE;
            ended_scale = 0;
            break;
        case EV_NUM_HUNDRED:
            if (frac || cur >= 100 || (cur > 0 && cur < 1 && !article))
                goto done;
            if (!any && !(e->opt & EV_GO_PLURAL))
                bare = 1;       /* thousand nine hundred, not "hundred" */
            if (cur == 0 && total == 0 && (e->opt & EV_GO_PLURAL))
                flags |= EV_NUMF_PLURAL;
            cur = (cur == 0 ? 1 : cur) * e->v;
            limit = 99;
            article = 0;
            ended_scale = 0;
            break;
        case EV_NUM_SCALE: {
            double s = e->v;
            if (!any && !(e->opt & (EV_GO_PLURAL | EV_GO_APPROX)))
                bare = 1;
            if ((cur == 0 && total == 0) && (e->opt & EV_GO_PLURAL))
                flags |= EV_NUMF_PLURAL;
            if (e->opt & EV_GO_APPROX)
                flags |= EV_NUMF_APPROX;
            if (last_scale > 0 && s >= last_scale)
                total = (total + (cur == 0 ? 0 : cur)) * s;
            else
                total += (cur == 0 ? 1 : cur) * s;
            if (total > MAX_VALUE)
                goto done;
            cur = 0;
            last_scale = s;
            limit = s > 1000 ? 999 : s - 1;
            article = 0;
            ended_scale = 1;
            break;
        }
        case EV_NUM_FRACTION:
            if (frac)
                goto done;
            if (joined) {
                if (cur == 0 && last_scale > 0)
                    total += e->v * last_scale;
                else
                    cur += e->v;
            } else if (any && cur > 0 && !article) {
                cur *= e->v;        /* trois quarts */
            } else {
                cur = e->v;         /* demi, un demi, a half */
            }
            article = 0;
            frac = 1;
            limit = -1;
            ended_scale = 0;
            flags &= ~(uint32_t)EV_NUMF_INTEGER;
            break;
        default:
            goto done;
        }
        any = 1;
        joined = 0;
        nparts++;
        prev_kind = e->kind;
        if (e->opt & EV_GO_ORDINAL)
            flags |= EV_NUMF_ORDINAL;
        j += k;
    boundary:
        if (p[j - 1].last && !article && !joined && !(bare && nparts < 2)) {
            double v = total + cur;
            if (v > MAX_VALUE)
                break;
            out->v = v;
            out->mag = ended_scale ? last_scale : 1;
            out->lead = ended_scale && last_scale > 0 ? v / last_scale : v;
            out->flags = flags | (ended_scale ? EV_NUMF_SCALED : 0);
            out->end = p[j - 1].tok + 1;
            found = 1;
        }
        if (flags & EV_NUMF_ORDINAL)
            break;
    }
done:
    return found;
}

int ev_num_parse(const ev_gx *x, size_t i, size_t end, uint32_t opts,
                 ev_num *out)
{
    memset(out, 0, sizeof(*out));
    if (i >= end || end > x->doc->ntok)
        return 0;
    const ev_token *t = &x->doc->tok[i];
    int ok;
    if (t->kind == EV_TOK_NUMBER)
        ok = parse_digits(x, i, end, opts, out);
    else if (t->kind == EV_TOK_WORD)
        ok = parse_words(x, i, end, out);
    else
        ok = 0;
    if (!ok || !(out->v <= MAX_VALUE && out->v >= -MAX_VALUE)) {
        memset(out, 0, sizeof(*out));
        return 0;
    }
    return 1;
}

const char *ev_gram_rule(ev_doc *doc, ev_tq *tq, const char *stage,
                         const char *name)
{
    size_t k;
    for (k = 0; k < 24 && tq->rule_name[k]; k++)
        if (tq->rule_name[k] == name)
            return tq->rule[k];
    size_t nl = strlen(doc->lang), ns = strlen(stage), nn = strlen(name);
    char *r = ev_arena_alloc(&doc->arena, nl + ns + nn + 3);
    if (!r)
        return NULL;
    memcpy(r, doc->lang, nl);
    r[nl] = '/';
    memcpy(r + nl + 1, stage, ns);
    r[nl + 1 + ns] = ':';
    memcpy(r + nl + 2 + ns, name, nn + 1);
    if (k < 24) {
        tq->rule_name[k] = name;
        tq->rule[k] = r;
    }
    return r;
}
