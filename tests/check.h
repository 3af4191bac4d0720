/* A minimal test harness: CHECK() and friends print "ok N" or
 * "FAIL file:line: expr"; CHECK_DONE() prints "N passed, N failed" and
 * returns the exit status. */
#ifndef EV_TESTS_CHECK_H
#define EV_TESTS_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_passed, check_failed;

#define CHECK(cond)                                                         \
    do {                                                                    \
        if (cond) {                                                         \
            check_passed++;                                                 \
        } else {                                                            \
            check_failed++;                                                 \
            printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);          \
        }                                                                   \
    } while (0)

#define CHECK_EQ_INT(a, b)                                                  \
    do {                                                                    \
        long long check_a_ = (long long)(a), check_b_ = (long long)(b);     \
        if (check_a_ == check_b_) {                                         \
            check_passed++;                                                 \
        } else {                                                            \
            check_failed++;                                                 \
            printf("FAIL %s:%d: %s == %s (%lld != %lld)\n", __FILE__,       \
                   __LINE__, #a, #b, check_a_, check_b_);                   \
        }                                                                   \
    } while (0)

/* Compare a (pointer, length) string with a C string. */
#define CHECK_EQ_STRN(p, n, s)                                              \
    do {                                                                    \
        const char *check_p_ = (p), *check_s_ = (s);                        \
        size_t check_n_ = (n);                                              \
        if (check_n_ == strlen(check_s_) &&                                 \
            memcmp(check_p_, check_s_, check_n_) == 0) {                    \
            check_passed++;                                                 \
        } else {                                                            \
            check_failed++;                                                 \
            printf("FAIL %s:%d: \"%.*s\" != \"%s\"\n", __FILE__, __LINE__,  \
                   (int)check_n_, check_p_, check_s_);                      \
        }                                                                   \
    } while (0)

#define CHECK_EQ_STR(a, b) CHECK_EQ_STRN((a), strlen(a), (b))

#define CHECK_DONE()                                                        \
    (printf("%d passed, %d failed\n", check_passed, check_failed),          \
     check_failed ? 1 : 0)

#endif
