/**
 * @file evcode/utf8.h
 * @brief UTF-8 validation and code point counting.
 */
#ifndef EVCODE_UTF8_H
#define EVCODE_UTF8_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Check that `p[0..n)` is well-formed UTF-8 (RFC 3629: no overlong forms,
 * no surrogates, nothing above U+10FFFF).
 *
 * @param p       the bytes; may be NULL when `n` is 0
 * @param n       their number
 * @param bad_pos if not NULL, receives the byte offset of the first
 *                ill-formed sequence (or `n` when the input is valid)
 * @return EV_OK, or EV_EINVAL_UTF8. Thread-safe.
 */
int ev_utf8_validate(const char *p, size_t n, size_t *bad_pos);

/**
 * Number of code points in valid UTF-8 `p[0..n)` (bytes that are not
 * continuation bytes). Thread-safe.
 */
size_t ev_utf8_count(const char *p, size_t n);

#ifdef __cplusplus
}
#endif

#endif
