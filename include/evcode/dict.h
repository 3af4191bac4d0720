/**
 * @file evcode/dict.h
 * @brief Language packs: the dictionaries of actors, places, demonyms,
 *        metonyms and agents, compiled from the plain-text sources in
 *        data/ into one binary pack per language, memory-mapped at start.
 *
 * A pack is read-only once loaded and can be shared by any number of
 * documents and threads.
 */
#ifndef EVCODE_DICT_H
#define EVCODE_DICT_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Receives each problem found in a source: `file` and 1-based `line`
 * (0 when the problem concerns the whole file) and a static or
 * short-lived message.
 */
typedef void (*ev_dict_report_fn)(const char *file, size_t line,
                                  const char *msg, void *payload);

/**
 * Compile the sources of language `lang` into a pack.
 *
 * Sources are looked up under each directory of `dirs`, in order:
 * `common/people/\*.txt`, `common/orgs.txt`, `common/groups.txt`,
 * `common/countries.txt`, `common/places.txt`, `<lang>/demonyms.txt`,
 * `<lang>/metonyms.txt`, `<lang>/agents.txt`, `<lang>/prepositions.txt`
 * (see docs/data-format.md). Names are tokenized with evcode's own
 * tokenizer, so they match the text exactly as it is tokenized.
 *
 * @param lang     two-letter language code
 * @param dirs     source directories; `ndirs` of them
 * @param out_path where to write the pack, or NULL to only check
 * @param report   receives every problem (may be NULL)
 * @param payload  passed to `report`
 * @return EV_OK; EV_EINVAL when a source has problems (each reported;
 *         nothing is written, so a broken dictionary never half-loads);
 *         EV_EIO when a file cannot be read or written; EV_ENOMEM.
 */
int ev_dict_compile(const char *lang, const char *const *dirs, size_t ndirs,
                    const char *out_path, ev_dict_report_fn report,
                    void *payload);

typedef struct ev_dict ev_dict;

/**
 * Memory-map a pack and check its structure (every offset and index in
 * bounds), so a corrupt file fails here and never during coding.
 * @param out  receives the pack; free it with ev_dict_free()
 * @param path the pack file
 * @param err  optional detail
 * @return EV_OK, EV_EIO (cannot open or map), EV_EINVAL (not a pack, or
 *         corrupt), EV_ENOMEM.
 */
int ev_dict_load(ev_dict **out, const char *path, ev_err *err);

/**
 * Use a pack already in memory (`p[0..n)`, borrowed: keep it alive and
 * unchanged until ev_dict_free()), with the same checks as ev_dict_load().
 * `p` must be 8-byte aligned.
 * @return EV_OK, EV_EINVAL (not a pack, corrupt, misaligned), EV_ENOMEM.
 */
int ev_dict_load_buffer(ev_dict **out, const void *p, size_t n, ev_err *err);

/** Unmap and free a pack. NULL is allowed. */
void ev_dict_free(ev_dict *d);

/** The pack's language code ("fr"). */
const char *ev_dict_lang(const ev_dict *d);

/** Number of entries (people, organisations, places...) in the pack. */
size_t ev_dict_size(const ev_dict *d);

#ifdef __cplusplus
}
#endif

#endif
