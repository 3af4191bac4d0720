/* A fast path for the common JSON Lines record: one flat object whose
 * values are strings, numbers, true, false or null.
 *
 * It accepts only what is valid JSON and gives the same fields jansson
 * would; anything else (nested values, a numeric id, a lone surrogate, a
 * control character, trailing bytes) makes it decline, and the reader
 * parses the line with jansson, which also words the error. Strings
 * without escapes point into the line itself; others are decoded into
 * `scratch`. The line is valid UTF-8 (the reader checked it). */
#include "jsonfast_int.h"
#include "utf8_int.h"

#include <stdint.h>
#include <string.h>

/* 1 for bytes that end a plain run inside a string: '"', '\\' and
 * control characters. */
static const unsigned char special[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    0, 0, 1, ['\\'] = 1,
};

/* The first byte at or after `p` that is '"', '\\' or a control
 * character, or `end`: eight bytes at a time, then byte by byte. The
 * word test may flag a byte that is none of them (a borrow), never miss
 * one; the byte loop then decides. */
static const unsigned char *skip_plain(const unsigned char *p,
                                       const unsigned char *end)
{
    while (end - p >= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        uint64_t q = w ^ 0x2222222222222222ull, b = w ^ 0x5c5c5c5c5c5c5c5cull;
        uint64_t hit = ((q - 0x0101010101010101ull) & ~q) |
                       ((b - 0x0101010101010101ull) & ~b) |
                       ((w - 0x2020202020202020ull) & ~w);
        if (hit & 0x8080808080808080ull)
            break;
        p += 8;
    }
    while (p < end && !special[*p])
        p++;
    return p;
}

static const char *ws(const char *p, const char *e)
{
    while (p < e && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
        p++;
    return p;
}

static int hexval(const char *p, unsigned *out)
{
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= (unsigned)(c - '0');
        else if ((c | 32) >= 'a' && (c | 32) <= 'f')
            v |= (unsigned)((c | 32) - 'a' + 10);
        else
            return -1;
    }
    *out = v;
    return 0;
}


/* Parse the string at `*pp` (after its opening quote). On success set
 * `*out` (a slice into the line, or an offset into scratch marked by
 * `*in_scratch`) and move `*pp` past the closing quote. */
static int string(const char **pp, const char *e, ev_buf *scratch,
                  ev_slice *out, int *in_scratch)
{
    const unsigned char *p = (const unsigned char *)*pp;
    const unsigned char *end = (const unsigned char *)e;
    const unsigned char *a = p;
    p = skip_plain(p, end);
    if (p >= end)
        return -1;
    if (*p == '"') {
        out->p = (const char *)a;
        out->n = (size_t)(p - a);
        *in_scratch = 0;
        *pp = (const char *)p + 1;
        return 0;
    }
    if (*p != '\\')
        return -1;  /* control character */
    /* Escapes: decode into scratch. Output is never longer than input. */
    size_t off = scratch->n;
    if (ev_buf_grow(scratch, (size_t)(end - a)) < 0)
        return -1;
    char *o = scratch->p + off;
    memcpy(o, a, (size_t)(p - a));
    o += p - a;
    while (p < end) {
        const unsigned char *run = p;
        p = skip_plain(p, end);
        memcpy(o, run, (size_t)(p - run));
        o += p - run;
        if (p >= end)
            break;
        unsigned char c = *p;
        if (c == '"')
            break;
        if (c < 0x20)
            return -1;
        if (p + 1 >= end)
            return -1;
        p += 2;
        switch (p[-1]) {
        case '"': *o++ = '"'; break;
        case '\\': *o++ = '\\'; break;
        case '/': *o++ = '/'; break;
        case 'b': *o++ = '\b'; break;
        case 'f': *o++ = '\f'; break;
        case 'n': *o++ = '\n'; break;
        case 'r': *o++ = '\r'; break;
        case 't': *o++ = '\t'; break;
        case 'u': {
            unsigned cp, lo;
            if (end - p < 4 || hexval((const char *)p, &cp) < 0)
                return -1;
            p += 4;
            if (cp >= 0xdc00 && cp <= 0xdfff)
                return -1;  /* lone low surrogate */
            if (cp >= 0xd800 && cp <= 0xdbff) {
                if (end - p < 6 || p[0] != '\\' || p[1] != 'u' ||
                    hexval((const char *)p + 2, &lo) < 0 || lo < 0xdc00 ||
                    lo > 0xdfff)
                    return -1;
                p += 6;
                cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
            }
            ev_utf8_put(&o, cp);
            break;
        }
        default:
            return -1;
        }
    }
    if (p >= end)
        return -1;
    out->p = NULL;  /* resolved by the caller once scratch stops moving */
    out->n = (size_t)(o - (scratch->p + off));
    scratch->n = off + out->n;
    /* Remember the offset in `p` through an integer cast. */
    out->p = (const char *)(uintptr_t)off;
    *in_scratch = 1;
    *pp = (const char *)p + 1;
    return 0;
}

/* Skip a number, true, false or null; -1 if it is none of them. */
static int scalar(const char **pp, const char *e)
{
    const char *p = *pp;
    static const char *const words[] = {"true", "false", "null"};
    for (int i = 0; i < 3; i++) {
        size_t n = strlen(words[i]);
        if ((size_t)(e - p) >= n && memcmp(p, words[i], n) == 0) {
            *pp = p + n;
            return 0;
        }
    }
    /* -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)? */
    if (p < e && *p == '-')
        p++;
    if (p >= e || *p < '0' || *p > '9')
        return -1;
    if (*p == '0')
        p++;
    else
        while (p < e && *p >= '0' && *p <= '9')
            p++;
    if (p < e && *p == '.') {
        p++;
        if (p >= e || *p < '0' || *p > '9')
            return -1;
        while (p < e && *p >= '0' && *p <= '9')
            p++;
    }
    if (p < e && (*p == 'e' || *p == 'E')) {
        p++;
        if (p < e && (*p == '+' || *p == '-'))
            p++;
        if (p >= e || *p < '0' || *p > '9')
            return -1;
        while (p < e && *p >= '0' && *p <= '9')
            p++;
    }
    *pp = p;
    return 0;
}

enum { F_ID, F_TEXT, F_LANG, F_DATE, F_TITLE, F_SOURCE, F_URL, NFIELDS };

static int field_of(const char *k, size_t n)
{
    static const char *const names[NFIELDS] = {"id", "text", "lang", "date",
                                               "title", "source", "url"};
    for (int i = 0; i < NFIELDS; i++)
        if (strlen(names[i]) == n && memcmp(names[i], k, n) == 0)
            return i;
    return -1;
}

int ev_jsonfast_parse(const char *line, size_t n, ev_buf *scratch,
                      ev_input *in)
{
    const char *p = line, *e = line + n;
    ev_slice val[NFIELDS];
    int seen[NFIELDS] = {0}, scr[NFIELDS] = {0};
    scratch->n = 0;
    p = ws(p, e);
    if (p >= e || *p++ != '{')
        return -1;
    p = ws(p, e);
    if (p < e && *p == '}') {
        return -1;  /* no id, no text: let jansson word the error */
    }
    for (;;) {
        if (p >= e || *p++ != '"')
            return -1;
        ev_slice key;
        int kscr;
        if (string(&p, e, scratch, &key, &kscr) < 0 || kscr)
            return -1;
        p = ws(p, e);
        if (p >= e || *p++ != ':')
            return -1;
        p = ws(p, e);
        if (p >= e)
            return -1;
        int f = field_of(key.p, key.n);
        if (*p == '"') {
            p++;
            ev_slice v;
            int vscr;
            if (string(&p, e, scratch, &v, &vscr) < 0)
                return -1;
            if (f >= 0) {
                val[f] = v;
                scr[f] = vscr;
                seen[f] = 1;
            }
        } else {
            if (scalar(&p, e) < 0)
                return -1;
            if (f >= 0)
                return -1;  /* a known field that is not a string */
        }
        p = ws(p, e);
        if (p < e && *p == ',') {
            p = ws(p + 1, e);
            continue;
        }
        if (p < e && *p == '}') {
            p++;
            break;
        }
        return -1;
    }
    if (ws(p, e) != e || !seen[F_ID] || !seen[F_TEXT])
        return -1;
    ev_slice *slots[NFIELDS] = {&in->id, &in->text, &in->lang, &in->date,
                                &in->title, &in->source, &in->url};
    for (int i = 0; i < NFIELDS; i++) {
        if (!seen[i])
            continue;
        if (scr[i])
            val[i].p = scratch->p + (uintptr_t)val[i].p;
        *slots[i] = val[i];
    }
    return 0;
}
