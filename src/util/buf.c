#include "buf.h"
#include "arena.h"

#include <string.h>

int ev_buf_grow(ev_buf *b, size_t extra)
{
    if (extra > SIZE_MAX - b->n - 1)
        return EV_ETOOBIG;
    size_t need = b->n + extra + 1;
    if (b->max && need > b->max + 1)
        return EV_ETOOBIG;
    if (need <= b->cap)
        return EV_OK;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    if (b->max && cap > b->max + 1)
        cap = b->max + 1;
    char *p = ev_mem_realloc(b->alc, b->p, cap);
    if (!p)
        return EV_ENOMEM;
    b->p = p;
    b->cap = cap;
    return EV_OK;
}

int ev_buf_put(ev_buf *b, const void *p, size_t n)
{
    int rc = ev_buf_grow(b, n);
    if (rc < 0)
        return rc;
    if (n)
        memcpy(b->p + b->n, p, n);
    b->n += n;
    b->p[b->n] = '\0';
    return EV_OK;
}

int ev_buf_puts(ev_buf *b, const char *s)
{
    return ev_buf_put(b, s, strlen(s));
}

int ev_buf_putc(ev_buf *b, char c)
{
    return ev_buf_put(b, &c, 1);
}

int ev_buf_put_u64(ev_buf *b, unsigned long long v)
{
    char tmp[24];
    size_t i = sizeof(tmp);
    do {
        tmp[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    return ev_buf_put(b, tmp + i, sizeof(tmp) - i);
}

/* Bytes that need escaping in a JSON string: 1 for ASCII control
 * characters, '"' and '\\'. Other bytes are copied as they are, except
 * the two line separators U+2028/U+2029 (E2 80 A8/A9), handled below. */
static const unsigned char json_esc[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
    [0x7f] = 1, [0xe2] = 2,
};

int ev_buf_put_json_str(ev_buf *b, const char *p, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    /* Worst case every byte becomes \u00XX (6 bytes). */
    if (n > (SIZE_MAX - 2) / 6)
        return EV_ETOOBIG;
    int rc = ev_buf_grow(b, n * 6 + 2);
    if (rc < 0)
        return rc;
    char *o = b->p + b->n;
    const unsigned char *s = (const unsigned char *)p;
    *o++ = '"';
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && !json_esc[s[j]])
            j++;
        memcpy(o, s + i, j - i);
        o += j - i;
        if (j == n)
            break;
        unsigned char c = s[j];
        i = j + 1;
        if (c == 0xe2) {
            if (j + 2 < n && s[j + 1] == 0x80 &&
                (s[j + 2] == 0xa8 || s[j + 2] == 0xa9)) {
                memcpy(o, s[j + 2] == 0xa8 ? "\\u2028" : "\\u2029", 6);
                o += 6;
                i = j + 3;
            } else {
                *o++ = (char)c;
            }
            continue;
        }
        *o++ = '\\';
        switch (c) {
        case '"': *o++ = '"'; break;
        case '\\': *o++ = '\\'; break;
        case '\n': *o++ = 'n'; break;
        case '\r': *o++ = 'r'; break;
        case '\t': *o++ = 't'; break;
        case '\b': *o++ = 'b'; break;
        case '\f': *o++ = 'f'; break;
        default:
            *o++ = 'u';
            *o++ = '0';
            *o++ = '0';
            *o++ = hex[c >> 4];
            *o++ = hex[c & 15];
        }
    }
    *o++ = '"';
    b->n = (size_t)(o - b->p);
    b->p[b->n] = '\0';
    return EV_OK;
}

void ev_buf_clear(ev_buf *b)
{
    b->n = 0;
    if (b->p)
        b->p[0] = '\0';
}

void ev_buf_free(ev_buf *b)
{
    ev_mem_free(b->alc, b->p);
    b->p = NULL;
    b->n = b->cap = 0;
}
