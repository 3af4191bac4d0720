/* A bump allocator for per-document memory.
 *
 * Everything a document produces (token keys, sentences, quotes, later
 * mentions and events) comes from its arena and is released in one step
 * by ev_arena_reset() or ev_arena_clear(). Blocks are kept on reset, so a
 * stream of documents reuses the same memory.
 *
 * Built with -DEV_DEBUG_ARENA, every allocation is a separate malloc()
 * so AddressSanitizer and Valgrind see each one. */
#ifndef EV_UTIL_ARENA_H
#define EV_UTIL_ARENA_H

#include <stddef.h>
#include "evcode/common.h"

typedef struct ev_arena_block ev_arena_block;

typedef struct ev_arena {
    const ev_alloc *alc;     /* NULL: libc */
    ev_arena_block *head;    /* current block (most recent) */
    ev_arena_block *spare;   /* blocks kept for reuse after a reset */
    size_t block_size;       /* default size of a new block */
    size_t used;             /* bytes handed out since the last reset */
    size_t max;              /* hard ceiling on `used`; 0 = none */
} ev_arena;

/* Initialise `a` (no allocation happens yet). `max` = 0 means no limit. */
void ev_arena_init(ev_arena *a, const ev_alloc *alc, size_t block_size,
                   size_t max);

/* Return `n` bytes aligned to 8, or NULL when out of memory or past the
 * ceiling. The memory lives until the next reset. */
void *ev_arena_alloc(ev_arena *a, size_t n);

/* Copy `n` bytes of `p` into the arena (a NUL is appended). */
char *ev_arena_memdup(ev_arena *a, const void *p, size_t n);

/* Forget every allocation but keep the blocks for reuse. */
void ev_arena_reset(ev_arena *a);

/* Release every block. `a` may be initialised again or reused. */
void ev_arena_clear(ev_arena *a);

/* Allocator helpers shared by the library (NULL `alc` = libc). */
void *ev_mem_alloc(const ev_alloc *alc, size_t n);
void *ev_mem_realloc(const ev_alloc *alc, void *p, size_t n);
void ev_mem_free(const ev_alloc *alc, void *p);

#endif
