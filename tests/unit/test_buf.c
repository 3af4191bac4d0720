#include "check.h"
#include "util/arena.h"
#include "util/buf.h"

#include <stdlib.h>

int main(void)
{
    ev_buf b = EV_BUF_INIT;
    CHECK(ev_buf_puts(&b, "abc") == EV_OK);
    CHECK(ev_buf_put_u64(&b, 0) == EV_OK);
    CHECK(ev_buf_put_u64(&b, 18446744073709551615ull) == EV_OK);
    CHECK_EQ_STR(b.p, "abc018446744073709551615");
    ev_buf_clear(&b);
    /* JSON escaping: quotes, backslash, controls, line separators. */
    const char in[] = "a\"b\\c\n\t\x01\x7f \xe2\x80\xa8\xe2\x80\xa9 \xe2\x82\xac";
    CHECK(ev_buf_put_json_str(&b, in, sizeof(in) - 1) == EV_OK);
    CHECK_EQ_STR(b.p, "\"a\\\"b\\\\c\\n\\t\\u0001\\u007f \\u2028\\u2029 \xe2\x82\xac\"");
    ev_buf_free(&b);

    /* The ceiling holds. */
    ev_buf small = EV_BUF_INIT;
    small.max = 8;
    CHECK(ev_buf_puts(&small, "12345678") == EV_OK);
    CHECK(ev_buf_putc(&small, '9') == EV_ETOOBIG);
    CHECK_EQ_INT(small.n, 8);
    ev_buf_free(&small);

    /* Arena: alignment, reuse after reset, ceiling. */
    ev_arena a;
    ev_arena_init(&a, NULL, 128, 1000);
    char *p = ev_arena_alloc(&a, 3);
    char *q = ev_arena_alloc(&a, 5);
    CHECK(p && q && ((uintptr_t)q % 8) == 0);
    char *big = ev_arena_alloc(&a, 600);
    CHECK(big != NULL);
    CHECK(ev_arena_alloc(&a, 600) == NULL);  /* past the 1000-byte ceiling */
    ev_arena_reset(&a);
    CHECK_EQ_INT(a.used, 0);
    CHECK(ev_arena_alloc(&a, 600) != NULL);
    char *d = ev_arena_memdup(&a, "xyz", 3);
    CHECK_EQ_STR(d, "xyz");
    ev_arena_clear(&a);
    return CHECK_DONE();
}
