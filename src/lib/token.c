/* Tokenizer: one left-to-right pass over valid UTF-8.
 *
 * Words are runs of letters, marks and digits, joined by an internal
 * apostrophe (' or ’) or hyphen when a letter or digit follows. Numbers
 * start with a digit and absorb separators followed by digits ("1,5",
 * "2024-06-18", "14:30") and space-separated groups of three digits after
 * a first group of one to three ("14 000", "1 000 000"), with any space
 * character (U+0020, U+00A0, U+202F, U+2009). Letters glued to a number
 * stay in it ("80e", "1er", "3bn"). Language tables then split elisions
 * ("l'" + "armée"), enclitics ("Putin" + "'s") and inverted pronouns
 * ("a" + "-t-il"), and attach a period to known abbreviations and
 * initials. Every token gets a matching key (see ev_token). */
#include "doc_int.h"
#include "utf8_int.h"

#include <string.h>
#include <utf8proc.h>

enum {
    C_OTHER = 0, /* symbol */
    C_SPACE,     /* white space, control characters */
    C_NL,        /* line break */
    C_LETTER,
    C_MARK,      /* combining mark: continues a word */
    C_DIGIT,
    C_APOS,      /* ' and ’: apostrophe inside a word, else a quote */
    C_HYPHEN,    /* - and U+2010, U+2011 */
    C_QUOTE,     /* other quotation marks */
    C_PUNCT,
    C_IGNORE     /* format characters (soft hyphen, ZWJ): skipped */
};

typedef struct {
    int32_t cp;
    int len;
    int cls;
    int upper;
} uchar;

/* Class of each ASCII byte. */
static const unsigned char ascii_cls[128] = {
    C_SPACE, C_SPACE, C_SPACE, C_SPACE,
    C_SPACE, C_SPACE, C_SPACE, C_SPACE,
    C_SPACE, C_SPACE, C_NL, C_SPACE,
    C_SPACE, C_NL, C_SPACE, C_SPACE,
    C_SPACE, C_SPACE, C_SPACE, C_SPACE,
    C_SPACE, C_SPACE, C_SPACE, C_SPACE,
    C_SPACE, C_SPACE, C_SPACE, C_SPACE,
    C_SPACE, C_SPACE, C_SPACE, C_SPACE,
    C_SPACE, C_PUNCT, C_QUOTE, C_OTHER,
    C_OTHER, C_OTHER, C_OTHER, C_APOS,
    C_PUNCT, C_PUNCT, C_OTHER, C_OTHER,
    C_PUNCT, C_HYPHEN, C_PUNCT, C_PUNCT,
    C_DIGIT, C_DIGIT, C_DIGIT, C_DIGIT,
    C_DIGIT, C_DIGIT, C_DIGIT, C_DIGIT,
    C_DIGIT, C_DIGIT, C_PUNCT, C_PUNCT,
    C_OTHER, C_OTHER, C_OTHER, C_PUNCT,
    C_OTHER, C_LETTER, C_LETTER, C_LETTER,
    C_LETTER, C_LETTER, C_LETTER, C_LETTER,
    C_LETTER, C_LETTER, C_LETTER, C_LETTER,
    C_LETTER, C_LETTER, C_LETTER, C_LETTER,
    C_LETTER, C_LETTER, C_LETTER, C_LETTER,
    C_LETTER, C_LETTER, C_LETTER, C_LETTER,
    C_LETTER, C_LETTER, C_LETTER, C_PUNCT,
    C_PUNCT, C_PUNCT, C_OTHER, C_PUNCT,
    C_OTHER, C_LETTER, C_LETTER, C_LETTER,
    C_LETTER, C_LETTER, C_LETTER, C_LETTER,
    C_LETTER, C_LETTER, C_LETTER, C_LETTER,
    C_LETTER, C_LETTER, C_LETTER, C_LETTER,
    C_LETTER, C_LETTER, C_LETTER, C_LETTER,
    C_LETTER, C_LETTER, C_LETTER, C_LETTER,
    C_LETTER, C_LETTER, C_LETTER, C_PUNCT,
    C_OTHER, C_PUNCT, C_OTHER, C_SPACE,
};

static int unicode_class(int32_t cp, int *upper)
{
    switch (cp) {
    case 0x2019: return C_APOS;
    case 0x2010: case 0x2011: return C_HYPHEN;
    case 0x00AB: case 0x00BB: case 0x201C: case 0x201D: case 0x201E:
    case 0x201F: case 0x2018: case 0x201A: case 0x201B: case 0x2039:
    case 0x203A:
        return C_QUOTE;
    case 0x0085: case 0x2028: case 0x2029: return C_NL;
    case 0x200B: case 0xFEFF: return C_SPACE;
    default: break;
    }
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
        *upper = 1;
        return C_LETTER;
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
        return C_LETTER;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
        return C_MARK;
    case UTF8PROC_CATEGORY_ND:
        return C_DIGIT;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_CC:
        return C_SPACE;
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
        return C_NL;
    case UTF8PROC_CATEGORY_CF:
        return C_IGNORE;
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PD:
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
        return C_PUNCT;
    default:
        return C_OTHER;
    }
}

/* Decode the character at `i` (the text is valid UTF-8); past the end,
 * a space of length 0. */
static uchar dec(const unsigned char *s, size_t n, size_t i)
{
    uchar u = {0, 0, C_SPACE, 0};
    if (i >= n)
        return u;
    unsigned char c = s[i];
    if (c < 0x80) {
        u.cp = c;
        u.len = 1;
        u.cls = ascii_cls[c];
        u.upper = c >= 'A' && c <= 'Z';
        return u;
    }
    if (c < 0xe0) {
        u.cp = (c & 0x1f) << 6 | (s[i + 1] & 0x3f);
        u.len = 2;
        if (c == 0xc3 && u.cp != 0xd7 && u.cp != 0xf7) {
            /* Latin-1 letters, without a utf8proc lookup. */
            u.cls = C_LETTER;
            u.upper = u.cp < 0xdf;
            return u;
        }
    } else if (c < 0xf0) {
        u.cp = (c & 0x0f) << 12 | (s[i + 1] & 0x3f) << 6 | (s[i + 2] & 0x3f);
        u.len = 3;
    } else {
        u.cp = (c & 0x07) << 18 | (s[i + 1] & 0x3f) << 12 |
               (s[i + 2] & 0x3f) << 6 | (s[i + 3] & 0x3f);
        u.len = 4;
    }
    u.cls = unicode_class(u.cp, &u.upper);
    return u;
}

static int is_alnum(int cls)
{
    return cls == C_LETTER || cls == C_DIGIT || cls == C_MARK;
}

int ev_vec_reserve(const ev_alloc *alc, void **p, size_t *cap, size_t need,
                   size_t size)
{
    if (need <= *cap)
        return EV_OK;
    size_t c = *cap ? *cap : 64;
    while (c < need)
        c *= 2;
    if (c > SIZE_MAX / size)
        return EV_ENOMEM;
    void *q = ev_mem_realloc(alc, *p, c * size);
    if (!q)
        return EV_ENOMEM;
    *p = q;
    *cap = c;
    return EV_OK;
}

/* ------------------------------------------------------------- keys */


/* Normalise `s[0..n)` with utf8proc `opts` into a fresh arena string,
 * writing typographic apostrophes and hyphens as ASCII and dropping
 * spaces when `nospace`. Returns EV_OK or EV_ENOMEM. */
static int norm_key(ev_arena *a, const char *s, size_t n, int opts,
                    int nospace, ev_slice *out)
{
    utf8proc_int32_t stack[128];
    utf8proc_int32_t *buf = stack;
    utf8proc_ssize_t cap = 128;
    utf8proc_ssize_t len;
    for (;;) {
        len = utf8proc_decompose((const utf8proc_uint8_t *)s,
                                 (utf8proc_ssize_t)n, buf, cap,
                                 (utf8proc_option_t)opts);
        if (len < 0)
            return EV_EINVAL_UTF8;
        if (len <= cap)
            break;
        cap = len;
        buf = ev_arena_alloc(a, (size_t)cap * sizeof(*buf));
        if (!buf)
            return EV_ENOMEM;
    }
    utf8proc_ssize_t k = 0;
    for (utf8proc_ssize_t i = 0; i < len; i++) {
        int32_t c = buf[i];
        if (c == 0x2019)
            c = '\'';
        else if (c == 0x2010 || c == 0x2011)
            c = '-';
        else if (nospace && (c == ' ' || c == 0xa0 || c == 0x202f ||
                             c == 0x2009))
            continue;
        buf[k++] = c;
    }
    len = utf8proc_normalize_utf32(buf, k, (utf8proc_option_t)opts);
    if (len < 0)
        return EV_EINVAL_UTF8;
    char *o = ev_arena_alloc(a, (size_t)len * 4 + 1);
    if (!o)
        return EV_ENOMEM;
    char *p = o;
    for (utf8proc_ssize_t i = 0; i < len; i++)
        ev_utf8_put(&p, (uint32_t)buf[i]);
    *p = '\0';
    out->p = o;
    out->n = (size_t)(p - o);
    return EV_OK;
}

#define KEY_OPTS (UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | \
                  UTF8PROC_IGNORE)

/* Fill `t->key` and `t->fold`. ASCII tokens take a fast path; a token
 * already in lower case shares the text's bytes. */
/* Keys of Latin-1 letters (U+00C0..U+00FF, UTF-8 C3 80..C3 BF): their
 * NFC case fold and that fold without accents, as utf8proc computes them
 * (test_token checks every entry against utf8proc). French and most
 * Western European words need nothing else, so their keys skip utf8proc.
 * Generated with Python's unicodedata: casefold, then NFD minus marks. */
static const struct {
    unsigned char low[2];
    unsigned char nlow;
    unsigned char fold[2];
    unsigned char nfold;
} latin1[64] = {
    {{0xc3, 0xa0}, 2, {0x61}, 1}, /* U+00C0 */
    {{0xc3, 0xa1}, 2, {0x61}, 1}, /* U+00C1 */
    {{0xc3, 0xa2}, 2, {0x61}, 1}, /* U+00C2 */
    {{0xc3, 0xa3}, 2, {0x61}, 1}, /* U+00C3 */
    {{0xc3, 0xa4}, 2, {0x61}, 1}, /* U+00C4 */
    {{0xc3, 0xa5}, 2, {0x61}, 1}, /* U+00C5 */
    {{0xc3, 0xa6}, 2, {0xc3, 0xa6}, 2}, /* U+00C6 */
    {{0xc3, 0xa7}, 2, {0x63}, 1}, /* U+00C7 */
    {{0xc3, 0xa8}, 2, {0x65}, 1}, /* U+00C8 */
    {{0xc3, 0xa9}, 2, {0x65}, 1}, /* U+00C9 */
    {{0xc3, 0xaa}, 2, {0x65}, 1}, /* U+00CA */
    {{0xc3, 0xab}, 2, {0x65}, 1}, /* U+00CB */
    {{0xc3, 0xac}, 2, {0x69}, 1}, /* U+00CC */
    {{0xc3, 0xad}, 2, {0x69}, 1}, /* U+00CD */
    {{0xc3, 0xae}, 2, {0x69}, 1}, /* U+00CE */
    {{0xc3, 0xaf}, 2, {0x69}, 1}, /* U+00CF */
    {{0xc3, 0xb0}, 2, {0xc3, 0xb0}, 2}, /* U+00D0 */
    {{0xc3, 0xb1}, 2, {0x6e}, 1}, /* U+00D1 */
    {{0xc3, 0xb2}, 2, {0x6f}, 1}, /* U+00D2 */
    {{0xc3, 0xb3}, 2, {0x6f}, 1}, /* U+00D3 */
    {{0xc3, 0xb4}, 2, {0x6f}, 1}, /* U+00D4 */
    {{0xc3, 0xb5}, 2, {0x6f}, 1}, /* U+00D5 */
    {{0xc3, 0xb6}, 2, {0x6f}, 1}, /* U+00D6 */
    {{0xc3, 0x97}, 2, {0xc3, 0x97}, 2}, /* U+00D7 */
    {{0xc3, 0xb8}, 2, {0xc3, 0xb8}, 2}, /* U+00D8 */
    {{0xc3, 0xb9}, 2, {0x75}, 1}, /* U+00D9 */
    {{0xc3, 0xba}, 2, {0x75}, 1}, /* U+00DA */
    {{0xc3, 0xbb}, 2, {0x75}, 1}, /* U+00DB */
    {{0xc3, 0xbc}, 2, {0x75}, 1}, /* U+00DC */
    {{0xc3, 0xbd}, 2, {0x79}, 1}, /* U+00DD */
    {{0xc3, 0xbe}, 2, {0xc3, 0xbe}, 2}, /* U+00DE */
    {{0x73, 0x73}, 2, {0x73, 0x73}, 2}, /* U+00DF */
    {{0xc3, 0xa0}, 2, {0x61}, 1}, /* U+00E0 */
    {{0xc3, 0xa1}, 2, {0x61}, 1}, /* U+00E1 */
    {{0xc3, 0xa2}, 2, {0x61}, 1}, /* U+00E2 */
    {{0xc3, 0xa3}, 2, {0x61}, 1}, /* U+00E3 */
    {{0xc3, 0xa4}, 2, {0x61}, 1}, /* U+00E4 */
    {{0xc3, 0xa5}, 2, {0x61}, 1}, /* U+00E5 */
    {{0xc3, 0xa6}, 2, {0xc3, 0xa6}, 2}, /* U+00E6 */
    {{0xc3, 0xa7}, 2, {0x63}, 1}, /* U+00E7 */
    {{0xc3, 0xa8}, 2, {0x65}, 1}, /* U+00E8 */
    {{0xc3, 0xa9}, 2, {0x65}, 1}, /* U+00E9 */
    {{0xc3, 0xaa}, 2, {0x65}, 1}, /* U+00EA */
    {{0xc3, 0xab}, 2, {0x65}, 1}, /* U+00EB */
    {{0xc3, 0xac}, 2, {0x69}, 1}, /* U+00EC */
    {{0xc3, 0xad}, 2, {0x69}, 1}, /* U+00ED */
    {{0xc3, 0xae}, 2, {0x69}, 1}, /* U+00EE */
    {{0xc3, 0xaf}, 2, {0x69}, 1}, /* U+00EF */
    {{0xc3, 0xb0}, 2, {0xc3, 0xb0}, 2}, /* U+00F0 */
    {{0xc3, 0xb1}, 2, {0x6e}, 1}, /* U+00F1 */
    {{0xc3, 0xb2}, 2, {0x6f}, 1}, /* U+00F2 */
    {{0xc3, 0xb3}, 2, {0x6f}, 1}, /* U+00F3 */
    {{0xc3, 0xb4}, 2, {0x6f}, 1}, /* U+00F4 */
    {{0xc3, 0xb5}, 2, {0x6f}, 1}, /* U+00F5 */
    {{0xc3, 0xb6}, 2, {0x6f}, 1}, /* U+00F6 */
    {{0xc3, 0xb7}, 2, {0xc3, 0xb7}, 2}, /* U+00F7 */
    {{0xc3, 0xb8}, 2, {0xc3, 0xb8}, 2}, /* U+00F8 */
    {{0xc3, 0xb9}, 2, {0x75}, 1}, /* U+00F9 */
    {{0xc3, 0xba}, 2, {0x75}, 1}, /* U+00FA */
    {{0xc3, 0xbb}, 2, {0x75}, 1}, /* U+00FB */
    {{0xc3, 0xbc}, 2, {0x75}, 1}, /* U+00FC */
    {{0xc3, 0xbd}, 2, {0x79}, 1}, /* U+00FD */
    {{0xc3, 0xbe}, 2, {0xc3, 0xbe}, 2}, /* U+00FE */
    {{0xc3, 0xbf}, 2, {0x79}, 1}, /* U+00FF */
};

/* Fast keys for a token made only of ASCII (no space), Latin-1 letters
 * and typographic apostrophes. Returns 1 when done, 0 when the token
 * needs utf8proc, or EV_ENOMEM. */
static int latin1_key(ev_doc *doc, ev_token *t, const unsigned char *s,
                      size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] < 0x80) {
            if (s[i] == ' ')
                return 0;
        } else if (s[i] == 0xc3 && i + 1 < n) {
            i++;
        } else if (s[i] == 0xe2 && i + 2 < n && s[i + 1] == 0x80 &&
                   s[i + 2] == 0x99) {
            i += 2;
        } else {
            return 0;
        }
    }
    char *k = ev_arena_alloc(&doc->arena, 2 * n);
    if (!k)
        return EV_ENOMEM;
    char *f = k + n, *ko = k, *fo = f;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = s[i];
        if (c < 0x80) {
            c = (unsigned char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            *ko++ = (char)c;
            *fo++ = (char)c;
        } else if (c == 0xc3) {
            unsigned e = s[++i] & 0x3f;
            memcpy(ko, latin1[e].low, latin1[e].nlow);
            ko += latin1[e].nlow;
            memcpy(fo, latin1[e].fold, latin1[e].nfold);
            fo += latin1[e].nfold;
        } else {  /* U+2019 */
            *ko++ = '\'';
            *fo++ = '\'';
            i += 2;
        }
    }
    ev_slice key = {k, (size_t)(ko - k)}, fold = {f, (size_t)(fo - f)};
    if (fold.n == key.n && memcmp(f, k, key.n) == 0)
        fold = key;
    t->key = key;
    t->fold = fold;
    return 1;
}

enum { HINT_NONE, HINT_ASCII_LOWER, HINT_ASCII_UPPER };

static int make_key(ev_doc *doc, ev_token *t, int hint)
{
    const unsigned char *s = (const unsigned char *)doc->text.p + t->start;
    size_t n = t->end - t->start;
    if (t->kind != EV_TOK_WORD && t->kind != EV_TOK_NUMBER) {
        /* Punctuation, quotes, symbols: one character, its own key. */
        t->key = t->fold = (ev_slice){(const char *)s, n};
        return EV_OK;
    }
    int upper = hint == HINT_ASCII_UPPER, ascii = 1, space = 0;
    if (hint == HINT_NONE) {
        for (size_t i = 0; i < n; i++) {
            upper |= s[i] >= 'A' && s[i] <= 'Z';
            ascii &= s[i] < 0x80;
            space |= s[i] == ' ';
        }
    }
    if (ascii && !space) {
        /* Fill both slices from a local: copying t->key right after
         * writing its halves stalls on store forwarding. */
        ev_slice key = {(const char *)s, n};
        if (upper) {
            char *k = ev_arena_alloc(&doc->arena, n);
            if (!k)
                return EV_ENOMEM;
            for (size_t i = 0; i < n; i++)
                k[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
            key.p = k;
        }
        t->key = key;
        t->fold = key;
        return EV_OK;
    }
    int rc = latin1_key(doc, t, s, n);
    if (rc != 0)
        return rc < 0 ? rc : EV_OK;
    int nospace = t->kind == EV_TOK_NUMBER;
    rc = norm_key(&doc->arena, (const char *)s, n, KEY_OPTS, nospace,
                      &t->key);
    if (rc < 0)
        return rc;
    if (ascii) {
        t->fold = t->key;
        return EV_OK;
    }
    if ((rc = norm_key(&doc->arena, t->key.p, t->key.n,
                       KEY_OPTS | UTF8PROC_STRIPMARK, 0, &t->fold)) < 0)
        return rc;
    if (t->fold.n == t->key.n && memcmp(t->fold.p, t->key.p, t->key.n) == 0)
        t->fold = t->key;
    return EV_OK;
}

/* ---------------------------------------------------------- emitting */

typedef struct {
    ev_doc *doc;
    const unsigned char *s;
    size_t n;
    size_t cp_b, cp_n;   /* code point count `cp_n` at byte `cp_b` */
    uint16_t pending;    /* flags for the next token */
    size_t max_abbr;     /* longest abbreviation, without its period */
} tokenizer;

static uint32_t cp_at(tokenizer *tz, size_t b)
{
    /* Offsets only move forward, except when a word is split, where the
     * next piece starts where the previous ended. */
    size_t cp = tz->cp_n;
    const unsigned char *s = tz->s;
    for (size_t i = tz->cp_b; i < b; i++)
        cp += (s[i] & 0xc0) != 0x80;
    tz->cp_b = b;
    tz->cp_n = cp;
    return (uint32_t)cp;
}

/* Append a token for `s[a..b)`; `hint` tells make_key() what the
 * caller already knows of its bytes. */
static int emit_hint(tokenizer *tz, size_t a, size_t b, int kind,
                     uint16_t flags, int hint)
{
    ev_doc *doc = tz->doc;
    int rc;
    if (doc->ntok == doc->captok &&
        (rc = ev_vec_reserve(doc->opts.alloc, (void **)&doc->tok,
                             &doc->captok, doc->ntok + 1,
                             sizeof(ev_token))) < 0)
        return rc;
    ev_token *t = &doc->tok[doc->ntok];
    uint32_t cs = cp_at(tz, a), ce;
    if (hint == HINT_NONE) {
        ce = cp_at(tz, b);
    } else {  /* ASCII: one code point per byte */
        ce = cs + (uint32_t)(b - a);
        tz->cp_b = b;
        tz->cp_n = ce;
    }
    *t = (ev_token){.start = (uint32_t)a, .end = (uint32_t)b,
                    .cp_start = cs, .cp_end = ce, .kind = (uint16_t)kind,
                    .flags = (uint16_t)(flags | tz->pending)};
    tz->pending = 0;
    if ((rc = make_key(doc, t, hint)) < 0)
        return rc;
    doc->ntok++;
    return EV_OK;
}

static int emit(tokenizer *tz, size_t a, size_t b, int kind, uint16_t flags)
{
    return emit_hint(tz, a, b, kind, flags, HINT_NONE);
}

/* Lower-case copy of ASCII `s[0..n)` in the arena, or NULL. */
static const char *ascii_lower(ev_arena *a, const unsigned char *s, size_t n)
{
    char *k = ev_arena_alloc(a, n);
    if (k)
        for (size_t i = 0; i < n; i++)
            k[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
    return k;
}

/* Append the ASCII token `s[a..b)` (a plain word or punctuation): one
 * code point per byte, and its key is itself, lower-cased when `upper`. */
static int emit_ascii(tokenizer *tz, size_t a, size_t b, int kind,
                      uint16_t flags, int upper)
{
    ev_doc *doc = tz->doc;
    int rc;
    if (doc->ntok == doc->captok &&
        (rc = ev_vec_reserve(doc->opts.alloc, (void **)&doc->tok,
                             &doc->captok, doc->ntok + 1,
                             sizeof(ev_token))) < 0)
        return rc;
    uint32_t cs = cp_at(tz, a), ce = cs + (uint32_t)(b - a);
    tz->cp_b = b;
    tz->cp_n = ce;
    ev_slice key = {(const char *)tz->s + a, b - a};
    if (upper && !(key.p = ascii_lower(&doc->arena, tz->s + a, b - a)))
        return EV_ENOMEM;
    doc->tok[doc->ntok++] = (ev_token){
        .start = (uint32_t)a, .end = (uint32_t)b, .cp_start = cs,
        .cp_end = ce, .key = key, .fold = key, .kind = (uint16_t)kind,
        .flags = (uint16_t)(flags | tz->pending)};
    tz->pending = 0;
    return EV_OK;
}

/* Fast path for a plain ASCII word at `i`: letters and digits ending at
 * white space or punctuation that cannot join or split it. Emits it and
 * returns the byte after it, or returns `i` (nothing emitted) when the
 * general scanner must handle it. */
/* For each byte: W_DIGIT or W_LOWER or W_UPPER when it is an ASCII
 * digit or letter, else 0 (which also stops at every non-ASCII byte). */
enum { W_DIGIT = 1, W_LOWER = 2, W_UPPER = 4 };
static const unsigned char wtab[256] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1,
    ['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
    ['a'] = 2, ['b'] = 2, ['c'] = 2, ['d'] = 2, ['e'] = 2, ['f'] = 2,
    ['g'] = 2, ['h'] = 2, ['i'] = 2, ['j'] = 2, ['k'] = 2, ['l'] = 2,
    ['m'] = 2, ['n'] = 2, ['o'] = 2, ['p'] = 2, ['q'] = 2, ['r'] = 2,
    ['s'] = 2, ['t'] = 2, ['u'] = 2, ['v'] = 2, ['w'] = 2, ['x'] = 2,
    ['y'] = 2, ['z'] = 2,
    ['A'] = 4, ['B'] = 4, ['C'] = 4, ['D'] = 4, ['E'] = 4, ['F'] = 4,
    ['G'] = 4, ['H'] = 4, ['I'] = 4, ['J'] = 4, ['K'] = 4, ['L'] = 4,
    ['M'] = 4, ['N'] = 4, ['O'] = 4, ['P'] = 4, ['Q'] = 4, ['R'] = 4,
    ['S'] = 4, ['T'] = 4, ['U'] = 4, ['V'] = 4, ['W'] = 4, ['X'] = 4,
    ['Y'] = 4, ['Z'] = 4,
};

static size_t scan_ascii_word(tokenizer *tz, size_t i, int *rc)
{
    const unsigned char *s = tz->s;
    size_t n = tz->n, a = i;
    unsigned seen = 0, k;
    while (i < n && (k = wtab[s[i]]) != 0) {
        seen |= k;
        i++;
    }
    if (i < n && (s[i] >= 0x80 || s[i] == '\'' || s[i] == '-'))
        return a;  /* may continue or split */
    if (i < n && s[i] == '.' && i - a <= tz->max_abbr)
        return a;  /* may be an abbreviation or initial */
    uint16_t f = 0;
    if (wtab[s[a]] == W_UPPER)
        f |= EV_TOKF_CAP;
    if ((seen & (W_UPPER | W_LOWER)) == W_UPPER) {
        /* No lower case: all caps if two letters or more. */
        size_t letters = 0;
        for (size_t j = a; j < i; j++)
            letters += wtab[s[j]] == W_UPPER;
        if (letters >= 2)
            f |= EV_TOKF_UPPER;
    }
    *rc = emit_ascii(tz, a, i, EV_TOK_WORD, f, (seen & W_UPPER) != 0);
    return i;
}

/* Case flags of the word `s[a..b)`. */
static uint16_t case_flags(const unsigned char *s, size_t a, size_t b)
{
    int letters = 0, uppers = 0, first = -1;
    for (size_t i = a; i < b;) {
        if (s[i] < 0x80) {
            if (ascii_cls[s[i]] == C_LETTER) {
                int up = s[i] <= 'Z';
                letters++;
                uppers += up;
                if (first < 0)
                    first = up;
            }
            i++;
            continue;
        }
        uchar u = dec(s, b, i);
        if (u.cls == C_LETTER) {
            letters++;
            uppers += u.upper;
            if (first < 0)
                first = u.upper;
        }
        i += (size_t)u.len;
    }
    uint16_t f = 0;
    if (first == 1)
        f |= EV_TOKF_CAP;
    if (letters >= 2 && uppers == letters)
        f |= EV_TOKF_UPPER;
    return f;
}

/* Lower-cased key of `s[a..b)` for a table lookup, in `tmp` (ASCII
 * letters only are folded; the tables hold the rest as written).
 * Returns its length, or 0 if it does not fit. */
static size_t lookup_key(const unsigned char *s, size_t a, size_t b,
                         char *tmp, size_t cap)
{
    size_t k = 0;
    for (size_t i = a; i < b; i++) {
        if (k + 1 >= cap)
            return 0;
        unsigned char c = s[i];
        if (c == 0xe2 && i + 2 < b && s[i + 1] == 0x80 && s[i + 2] == 0x99) {
            tmp[k++] = '\'';
            i += 2;
            continue;
        }
        tmp[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    return k;
}

static int is_apos_at(const unsigned char *s, size_t i, size_t n)
{
    return (i < n && s[i] == '\'') ||
           (i + 2 < n && s[i] == 0xe2 && s[i + 1] == 0x80 && s[i + 2] == 0x99);
}

static size_t apos_len(const unsigned char *s, size_t i)
{
    return s[i] == '\'' ? 1 : 3;
}

/* Emit the word `s[a..b)`, split by the language's clitic table. */
static int emit_word(tokenizer *tz, size_t a, size_t b, uint16_t flags,
                     int has_apos, int has_hyphen)
{
    const ev_lex_lang *lex = tz->doc->lex;
    const unsigned char *s = tz->s;
    char tmp[64];
    int rc;
    size_t k;

    if (lex && has_apos) {
        /* Whole words are never split. */
        k = lookup_key(s, a, b, tmp, sizeof(tmp));
        if (k && ev_lex_find(&lex->clitic, tmp, k) == EV_CLITIC_WHOLE)
            goto whole;
        /* Elisions: l'armée, qu'il, jusqu'à, d'aujourd'hui. */
        for (;;) {
            size_t i = a;
            while (i < b && !is_apos_at(s, i, b))
                i++;
            if (i >= b)
                break;
            size_t e = i + apos_len(s, i);
            k = lookup_key(s, a, e, tmp, sizeof(tmp));
            if (!k || e >= b ||
                ev_lex_find(&lex->clitic, tmp, k) != EV_CLITIC_ELISION)
                break;
            uint16_t f = (uint16_t)(case_flags(s, a, e) | EV_TOKF_ELISION);
            if ((rc = emit(tz, a, e, EV_TOK_WORD, f)) < 0)
                return rc;
            a = e;
            flags = 0;
            k = lookup_key(s, a, b, tmp, sizeof(tmp));
            if (k && ev_lex_find(&lex->clitic, tmp, k) == EV_CLITIC_WHOLE)
                goto whole;
        }
        /* Enclitics: Putin's, don't. */
        size_t last = b;
        for (size_t i = a; i < b; i++)
            if (is_apos_at(s, i, b))
                last = i;
        if (last < b && last > a) {
            size_t cut = last;
            k = lookup_key(s, last, b, tmp, sizeof(tmp));
            uint32_t cls = k ? ev_lex_find(&lex->clitic, tmp, k) : 0;
            if (cls != EV_CLITIC_ENCLITIC && (s[last - 1] == 'n' ||
                                              s[last - 1] == 'N')) {
                cut = last - 1;
                k = lookup_key(s, cut, b, tmp, sizeof(tmp));
                cls = k ? ev_lex_find(&lex->clitic, tmp, k) : 0;
            }
            if (cls == EV_CLITIC_ENCLITIC && cut > a) {
                if ((rc = emit(tz, a, cut, EV_TOK_WORD,
                               flags | case_flags(s, a, cut))) < 0)
                    return rc;
                return emit(tz, cut, b, EV_TOK_WORD,
                            EV_TOKF_CLITIC | case_flags(s, cut, b));
            }
        }
    }
    if (lex && has_hyphen && !(case_flags(s, a, b) & EV_TOKF_CAP)) {
        /* Inverted pronouns: a-t-il, dit-elle. The leftmost hyphen that
         * starts a known suffix gives the longest suffix. */
        for (size_t i = a + 1; i < b; i++) {
            if (s[i] != '-')
                continue;
            k = lookup_key(s, i, b, tmp, sizeof(tmp));
            if (k && ev_lex_find(&lex->clitic, tmp, k) == EV_CLITIC_SUFFIX) {
                int inner = memchr(s + a, '-', i - a) != NULL;
                if ((rc = emit(tz, a, i, EV_TOK_WORD,
                               flags | (inner ? EV_TOKF_HYPHEN : 0))) < 0)
                    return rc;
                return emit(tz, i, b, EV_TOK_WORD, EV_TOKF_CLITIC);
            }
        }
    }
whole:
    return emit(tz, a, b, EV_TOK_WORD,
                flags | case_flags(s, a, b) |
                    (has_hyphen ? EV_TOKF_HYPHEN : 0));
}

uint32_t ev_abbrev_class(const ev_doc *doc, const char *p, size_t n)
{
    if (!doc->lex || n == 0)
        return 0;
    uint32_t c = ev_lex_find(&doc->lex->abbr, p, n);
    if (c || !(p[0] >= 'A' && p[0] <= 'Z') || n > 32)
        return c;
    char tmp[32];
    memcpy(tmp, p, n);
    tmp[0] = (char)(tmp[0] + 32);
    return ev_lex_find(&doc->lex->abbr, tmp, n);
}

/* Scan a word from `i`; emit it. Returns the byte after it, or an error
 * as a negative number cast through `*rc`. */
static size_t scan_word(tokenizer *tz, size_t i, int *rc)
{
    const unsigned char *s = tz->s;
    size_t n = tz->n, a = i;
    int has_apos = 0, has_hyphen = 0, ncp = 0;
    uchar u = dec(s, n, i);
    int single_upper = u.upper;
    for (;;) {
        /* ASCII letters and digits, the common case. */
        while (i < n && s[i] < 0x80 &&
               (ascii_cls[s[i]] == C_LETTER || ascii_cls[s[i]] == C_DIGIT)) {
            i++;
            ncp++;
        }
        u = dec(s, n, i);
        if (is_alnum(u.cls)) {
            i += (size_t)u.len;
            ncp++;
            continue;
        }
        uchar v = dec(s, n, i + (size_t)u.len);
        if (u.cls == C_IGNORE && is_alnum(v.cls)) {
            i += (size_t)u.len;
            continue;
        }
        if (u.cls == C_APOS && v.cls == C_LETTER) {
            has_apos = 1;
            i += (size_t)u.len;
            continue;
        }
        if (u.cls == C_HYPHEN && is_alnum(v.cls)) {
            has_hyphen = 1;
            i += (size_t)u.len;
            continue;
        }
        break;
    }
    uint16_t flags = 0;
    size_t end = i;
    if (i < n && s[i] == '.' && !(i + 1 < n && s[i + 1] == '.')) {
        /* Initialisms U.S., U.S.A.: single letters with periods. */
        if (ncp == 1 && !has_apos && !has_hyphen) {
            size_t j = i;
            while (j + 1 < n && s[j] == '.') {
                uchar w = dec(s, n, j + 1);
                size_t after = j + 1 + (size_t)w.len;
                if (w.cls != C_LETTER || after >= n || s[after] != '.')
                    break;
                j = after;
            }
            if (j > i) {
                end = j + 1;
                flags |= EV_TOKF_ABBREV;
            } else if (single_upper) {
                end = i + 1;  /* an initial: J. */
                flags |= EV_TOKF_ABBREV;
            }
        }
        if (!(flags & EV_TOKF_ABBREV) &&
            ev_abbrev_class(tz->doc, (const char *)s + a, i - a)) {
            end = i + 1;
            flags |= EV_TOKF_ABBREV;
        }
    }
    if (flags & EV_TOKF_ABBREV) {
        *rc = emit(tz, a, end, EV_TOK_WORD, flags | case_flags(s, a, end));
        return end;
    }
    *rc = emit_word(tz, a, i, 0, has_apos, has_hyphen);
    return i;
}

static int is_space_char(const unsigned char *s, size_t n, size_t i,
                         size_t *len)
{
    uchar u = dec(s, n, i);
    *len = (size_t)u.len;
    return u.cp == ' ' || u.cp == 0xa0 || u.cp == 0x202f || u.cp == 0x2009;
}

static int is_digit_at(const unsigned char *s, size_t n, size_t i)
{
    return i < n && s[i] >= '0' && s[i] <= '9';
}

/* Scan a number from `i` (at a digit); emit it. */
static size_t scan_number(tokenizer *tz, size_t i, int *rc)
{
    const unsigned char *s = tz->s;
    size_t n = tz->n, a = i;
    size_t group = 0;       /* digits in the current group */
    int grouped_ok = 1;     /* still a candidate for space grouping */
    int first_group = 1;
    uint16_t flags = 0;
    for (;;) {
        if (is_digit_at(s, n, i)) {
            i++;
            group++;
            continue;
        }
        uchar u = dec(s, n, i);
        if (u.cls == C_DIGIT) {  /* other scripts' digits */
            i += (size_t)u.len;
            group++;
            continue;
        }
        if (first_group && group > 3)
            grouped_ok = 0;
        if (i < n && strchr(".,:/", s[i]) && s[i] != '\0' &&
            is_digit_at(s, n, i + 1)) {
            i++;
            grouped_ok = 0;
            first_group = 0;
            group = 0;
            continue;
        }
        if (u.cls == C_HYPHEN && u.cp == '-' && is_digit_at(s, n, i + 1)) {
            i++;
            grouped_ok = 0;
            first_group = 0;
            group = 0;
            continue;
        }
        size_t sl;
        if (grouped_ok && (first_group || group == 3) &&
            is_space_char(s, n, i, &sl)) {
            size_t j = i + sl, d = 0;
            while (is_digit_at(s, n, j + d))
                d++;
            if (d == 3 && !is_alnum(dec(s, n, j + 3).cls)) {
                i = j;
                first_group = 0;
                group = 0;
                continue;
            }
        }
        break;
    }
    /* Letters glued to the number: 80e, 1er, 3rd, 10km, 3bn. */
    for (;;) {
        uchar u = dec(s, n, i);
        if (u.cls != C_LETTER && u.cls != C_MARK)
            break;
        i += (size_t)u.len;
        flags = EV_TOKF_ALPHA;
    }
    *rc = emit(tz, a, i, EV_TOK_NUMBER, flags);
    return i;
}

int ev_tokenize(ev_doc *doc)
{
    tokenizer tz = {doc, (const unsigned char *)doc->text.p, doc->text.n,
                    0, 0, EV_TOKF_PARA, 1};
    /* Words longer than every abbreviation skip the lookup. */
    if (doc->lex)
        for (size_t k = 0; k < doc->lex->abbr.n; k++)
            if (doc->lex->abbr.e[k].n > tz.max_abbr)
                tz.max_abbr = doc->lex->abbr.e[k].n;
    const unsigned char *s = tz.s;
    size_t n = tz.n, i = 0;
    int newlines = 0, rc = EV_OK;
    doc->ntok = 0;
    while (i < n) {
        if (s[i] == ' ') {
            tz.pending |= EV_TOKF_SPACE;
            i++;
            continue;
        }
        if (s[i] < 0x80 && ascii_cls[s[i]] == C_LETTER) {
            size_t e = scan_ascii_word(&tz, i, &rc);
            if (e > i) {
                if (rc < 0)
                    return rc;
                i = e;
                newlines = 0;
                continue;
            }
        }
        if (s[i] < 0x80 && ascii_cls[s[i]] == C_PUNCT && s[i] != '.') {
            /* ASCII punctuation other than periods: one byte each. */
            unsigned char c = s[i];
            uint16_t f = c == '!' || c == '?' ? EV_TOKF_ENDER
                       : c == '(' || c == '[' || c == '{' ? EV_TOKF_OPEN
                       : c == ')' || c == ']' || c == '}' ? EV_TOKF_CLOSE
                                                          : 0;
            if ((rc = emit_ascii(&tz, i, i + 1, EV_TOK_PUNCT, f, 0)) < 0)
                return rc;
            i++;
            newlines = 0;
            continue;
        }
        uchar u = dec(s, n, i);
        size_t a = i;
        switch (u.cls) {
        case C_SPACE:
        case C_IGNORE:
            tz.pending |= EV_TOKF_SPACE;
            i += (size_t)u.len;
            continue;
        case C_NL:
            if (!(s[i] == '\n' && i > 0 && s[i - 1] == '\r'))
                newlines++;
            tz.pending |= EV_TOKF_SPACE | EV_TOKF_NEWLINE;
            if (newlines >= 2 || u.cp == 0x2029)
                tz.pending |= EV_TOKF_PARA;
            i += (size_t)u.len;
            continue;
        case C_LETTER:
        case C_MARK:
            i = scan_word(&tz, i, &rc);
            break;
        case C_DIGIT:
            i = scan_number(&tz, i, &rc);
            break;
        case C_APOS:
        case C_QUOTE:
            i += (size_t)u.len;
            rc = emit(&tz, a, i, EV_TOK_QUOTE, 0);
            break;
        case C_HYPHEN:
            while (i < n && s[i] == '-')
                i++;
            if (i == a)
                i += (size_t)u.len;
            rc = emit(&tz, a, i, EV_TOK_PUNCT, 0);
            break;
        case C_PUNCT: {
            uint16_t f = 0;
            if (s[i] == '.') {
                while (i < n && s[i] == '.')
                    i++;
                f = EV_TOKF_ENDER;
            } else {
                i += (size_t)u.len;
                if (u.cp == '!' || u.cp == '?' || u.cp == 0x2026 ||
                    u.cp == 0x203C || u.cp == 0x2047 || u.cp == 0x2048 ||
                    u.cp == 0x2049)
                    f = EV_TOKF_ENDER;
                else if (u.cp == '(' || u.cp == '[' || u.cp == '{')
                    f = EV_TOKF_OPEN;
                else if (u.cp == ')' || u.cp == ']' || u.cp == '}')
                    f = EV_TOKF_CLOSE;
            }
            rc = emit(&tz, a, i, EV_TOK_PUNCT, f);
            break;
        }
        default:
            i += (size_t)u.len;
            rc = emit(&tz, a, i, EV_TOK_SYMBOL, 0);
            break;
        }
        if (rc < 0)
            return rc;
        newlines = 0;
    }
    return EV_OK;
}
