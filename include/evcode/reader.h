/**
 * @file evcode/reader.h
 * @brief Read documents as JSON Lines, one object per line.
 *
 * The reader never stops at a bad line: ev_reader_next() reports it with
 * its line number and the next call reads the line after it.
 */
#ifndef EVCODE_READER_H
#define EVCODE_READER_H

#include "common.h"
#include "doc.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * A byte source: read up to `n` bytes into `buf`; return the number read,
 * 0 at end of input, or a negative number on error.
 */
typedef long (*ev_read_fn)(void *buf, size_t n, void *payload);

/** Options for ev_reader_new(). */
typedef struct ev_reader_options {
    int version;             /**< EV_READER_OPTIONS_VERSION */
    const ev_alloc *alloc;   /**< NULL: the C library's allocator */
    size_t max_line;         /**< longest line in bytes; 0: 64 MiB */
} ev_reader_options;

#define EV_READER_OPTIONS_VERSION 1
#define EV_READER_OPTIONS_INIT {EV_READER_OPTIONS_VERSION, NULL, 0}

typedef struct ev_reader ev_reader;

/**
 * Create a reader over a byte source.
 * @param out     receives the reader; free it with ev_reader_free()
 * @param read    the byte source
 * @param payload passed to `read`
 * @param opts    options, or NULL for the defaults
 * @return EV_OK, EV_ENOMEM or EV_EINVAL.
 */
int ev_reader_new(ev_reader **out, ev_read_fn read, void *payload,
                  const ev_reader_options *opts);

/** Free a reader. NULL is allowed. */
void ev_reader_free(ev_reader *r);

/**
 * Read the next document.
 *
 * Blank lines are skipped. The fields of `in` point into the reader's
 * memory and stay valid until the next call.
 *
 * @param r   the reader
 * @param in  receives the document's fields
 * @param err on failure, `line` is the 1-based line number, `msg` and
 *            `detail` the reason, `byte_pos` the offset in the line
 * @return EV_OK; EV_ITEROVER at the end of input; for a bad line, one of
 *         EV_EJSON (not JSON, or not an object), EV_ENOTFOUND (no "text"
 *         or "id" string), EV_EINVAL_UTF8, EV_ETOOBIG (line longer than
 *         `max_line`), EV_EINVAL (a field of the wrong type); then
 *         `in->id` holds the id when it could be read. EV_EIO or
 *         EV_ENOMEM are fatal: the stream cannot go on.
 */
int ev_reader_next(ev_reader *r, ev_input *in, ev_err *err);

/** Line number of the last line read (1-based). */
size_t ev_reader_line(const ev_reader *r);

#ifdef __cplusplus
}
#endif

#endif
