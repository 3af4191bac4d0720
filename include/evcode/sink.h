/**
 * @file evcode/sink.h
 * @brief Write coded documents. Every output format is a sink behind
 *        the same interface.
 */
#ifndef EVCODE_SINK_H
#define EVCODE_SINK_H

#include "common.h"
#include "doc.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * A byte destination: write all `n` bytes of `buf`; return 0 on success
 * or a negative number on error.
 */
typedef int (*ev_write_fn)(const void *buf, size_t n, void *payload);

typedef struct ev_sink ev_sink;

/**
 * Create a sink writing one JSON object per document and line, as
 * described in SCHEMA.md. Output is buffered; ev_sink_flush() or
 * ev_sink_free() writes what is pending.
 * @param out     receives the sink; free it with ev_sink_free()
 * @param write   the byte destination
 * @param payload passed to `write`
 * @param alloc   NULL: the C library's allocator
 * @return EV_OK or EV_ENOMEM.
 */
int ev_sink_jsonl_new(ev_sink **out, ev_write_fn write, void *payload,
                      const ev_alloc *alloc);

/**
 * Create a sink writing one event per line, tab-separated, in the 61
 * columns of the GDELT 2.0 event table, filled where evcode has a value
 * (docs/internals/sinks.md gives the mapping). No header line.
 * @param out     receives the sink; free it with ev_sink_free()
 * @param write   the byte destination
 * @param payload passed to `write`
 * @param alloc   NULL: the C library's allocator
 * @return EV_OK or EV_ENOMEM.
 */
int ev_sink_tsv_new(ev_sink **out, ev_write_fn write, void *payload,
                    const ev_alloc *alloc);

/**
 * Write one coded document.
 * @return EV_OK, EV_EIO when the destination failed, EV_ENOMEM.
 */
int ev_sink_write(ev_sink *s, const ev_doc *doc, ev_err *err);

/** Write out buffered output. @return EV_OK or EV_EIO. */
int ev_sink_flush(ev_sink *s);

/** Flush and free a sink. NULL is allowed. Flush errors are lost; call
 *  ev_sink_flush() first to see them. */
void ev_sink_free(ev_sink *s);

#ifdef __cplusplus
}
#endif

#endif
