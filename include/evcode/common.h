/**
 * @file evcode/common.h
 * @brief Types shared by every evcode module: error codes, the error
 *        detail record, byte slices and the pluggable allocator.
 */
#ifndef EVCODE_COMMON_H
#define EVCODE_COMMON_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Library version, as a string and as MAJOR*10000 + MINOR*100 + PATCH. */
#define EV_VERSION_STRING "0.1.0"
#define EV_VERSION_NUMBER 100

/** Return codes. Every call that can fail returns EV_OK or one of these. */
enum {
    EV_OK = 0,
    EV_ERROR = -1,        /**< generic failure */
    EV_ENOMEM = -2,       /**< an allocation failed */
    EV_EINVAL = -3,       /**< invalid argument or malformed input */
    EV_EINVAL_UTF8 = -4,  /**< input is not valid UTF-8 */
    EV_ETOOBIG = -5,      /**< input or buffer exceeds its configured limit */
    EV_EIO = -6,          /**< reading or writing failed */
    EV_ENOTFOUND = -7,    /**< a required field or entry is missing */
    EV_EJSON = -8,        /**< input line is not valid JSON */
    EV_ITEROVER = -31     /**< an iterator has no more items (not an error) */
};

/**
 * Detail about a failure. Functions that can fail take an optional
 * `ev_err *` (NULL is allowed) and fill it on error.
 *
 * `msg` is a static string naming the reason; `detail` holds any
 * variable part (a JSON parser's own words) as a NUL-terminated string,
 * possibly empty. `byte_pos` is the byte offset of the problem inside the
 * input unit (document or line) and `line` the 1-based input line, or 0
 * when not applicable.
 */
typedef struct ev_err {
    int code;
    const char *msg;
    size_t byte_pos;
    size_t line;
    char detail[160];
} ev_err;

/** A borrowed byte string: `p` points at `n` bytes, not NUL-terminated. */
typedef struct ev_slice {
    const char *p;
    size_t n;
} ev_slice;

/**
 * A pluggable allocator. Every function receives `ctx`. `realloc` must
 * behave like C's (NULL pointer allocates). Pass NULL wherever an
 * `const ev_alloc *` is accepted to use the C library's allocator.
 */
typedef struct ev_alloc {
    void *(*malloc)(void *ctx, size_t n);
    void *(*realloc)(void *ctx, void *p, size_t n);
    void (*free)(void *ctx, void *p);
    void *ctx;
} ev_alloc;

/**
 * A static English description of a return code.
 * @param code one of the EV_* codes
 * @return a string that is never NULL; thread-safe.
 */
const char *ev_strerror(int code);

#ifdef __cplusplus
}
#endif

#endif
