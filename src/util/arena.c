#include "arena.h"

#include <stdlib.h>
#include <string.h>

struct ev_arena_block {
    ev_arena_block *next;
    size_t size;   /* usable bytes after the header */
    size_t pos;    /* bytes used */
    /* data follows, 16-byte aligned by the header layout */
    max_align_t data[];
};

void *ev_mem_alloc(const ev_alloc *alc, size_t n)
{
    return alc ? alc->malloc(alc->ctx, n) : malloc(n);
}

void *ev_mem_realloc(const ev_alloc *alc, void *p, size_t n)
{
    return alc ? alc->realloc(alc->ctx, p, n) : realloc(p, n);
}

void ev_mem_free(const ev_alloc *alc, void *p)
{
    if (!p)
        return;
    if (alc)
        alc->free(alc->ctx, p);
    else
        free(p);
}

void ev_arena_init(ev_arena *a, const ev_alloc *alc, size_t block_size,
                   size_t max)
{
    memset(a, 0, sizeof(*a));
    a->alc = alc;
    a->block_size = block_size ? block_size : 64 * 1024;
    a->max = max;
}

static void free_chain(const ev_alloc *alc, ev_arena_block *b)
{
    while (b) {
        ev_arena_block *next = b->next;
        ev_mem_free(alc, b);
        b = next;
    }
}

#ifdef EV_DEBUG_ARENA

/* Debug build: each allocation is its own block, freed on reset. */
void *ev_arena_alloc(ev_arena *a, size_t n)
{
    if (a->max && (n > a->max || a->used > a->max - n))
        return NULL;
    ev_arena_block *b = ev_mem_alloc(a->alc, sizeof(*b) + (n ? n : 1));
    if (!b)
        return NULL;
    b->next = a->head;
    b->size = n;
    b->pos = n;
    a->head = b;
    a->used += n;
    return b->data;
}

void ev_arena_reset(ev_arena *a)
{
    free_chain(a->alc, a->head);
    a->head = NULL;
    a->used = 0;
}

#else

void *ev_arena_alloc(ev_arena *a, size_t n)
{
    size_t need = (n + 7) & ~(size_t)7;
    if (need < n || (a->max && (need > a->max || a->used > a->max - need)))
        return NULL;
    ev_arena_block *b = a->head;
    if (!b || b->size - b->pos < need) {
        /* Reuse a spare block when it fits, else allocate a new one. */
        ev_arena_block *s = a->spare;
        if (s && s->size >= need) {
            a->spare = s->next;
            b = s;
        } else {
            size_t size = need > a->block_size ? need : a->block_size;
            b = ev_mem_alloc(a->alc, sizeof(*b) + size);
            if (!b)
                return NULL;
            b->size = size;
        }
        b->pos = 0;
        b->next = a->head;
        a->head = b;
    }
    void *p = (char *)b->data + b->pos;
    b->pos += need;
    a->used += need;
    return p;
}

void ev_arena_reset(ev_arena *a)
{
    /* Move every block to the spare list; oversized one-off blocks are
     * released so one huge document does not pin its memory forever. */
    ev_arena_block *b = a->head;
    while (b) {
        ev_arena_block *next = b->next;
        if (b->size > a->block_size * 4) {
            ev_mem_free(a->alc, b);
        } else {
            b->next = a->spare;
            a->spare = b;
        }
        b = next;
    }
    a->head = NULL;
    a->used = 0;
}

#endif

char *ev_arena_memdup(ev_arena *a, const void *p, size_t n)
{
    char *d = ev_arena_alloc(a, n + 1);
    if (!d)
        return NULL;
    if (n)
        memcpy(d, p, n);
    d[n] = '\0';
    return d;
}

void ev_arena_clear(ev_arena *a)
{
    free_chain(a->alc, a->head);
    free_chain(a->alc, a->spare);
    a->head = a->spare = NULL;
    a->used = 0;
}
