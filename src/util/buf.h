/* A growable byte buffer with a hard ceiling.
 *
 * ev_buf_* functions return EV_OK, EV_ENOMEM, or EV_ETOOBIG once the
 * buffer would exceed `max` bytes (0 = no ceiling). The contents are
 * always NUL-terminated when `p` is not NULL. */
#ifndef EV_UTIL_BUF_H
#define EV_UTIL_BUF_H

#include <stddef.h>
#include "evcode/common.h"

typedef struct ev_buf {
    char *p;
    size_t n;
    size_t cap;
    size_t max;
    const ev_alloc *alc;
} ev_buf;

#define EV_BUF_INIT {NULL, 0, 0, 0, NULL}

/* Make room for `extra` more bytes (plus the NUL). */
int ev_buf_grow(ev_buf *b, size_t extra);
int ev_buf_put(ev_buf *b, const void *p, size_t n);
int ev_buf_puts(ev_buf *b, const char *s);
int ev_buf_putc(ev_buf *b, char c);
/* Append the decimal form of `v`. */
int ev_buf_put_u64(ev_buf *b, unsigned long long v);
/* Append `p[0..n)` as a JSON string, quotes included; `p` must be valid
 * UTF-8. Control characters, quote and backslash are escaped; U+2028
 * and U+2029 are escaped too so the output is safe in JavaScript. */
int ev_buf_put_json_str(ev_buf *b, const char *p, size_t n);
void ev_buf_clear(ev_buf *b);  /* n = 0, memory kept */
void ev_buf_free(ev_buf *b);   /* release memory */

#endif
