/* The document's private layout and the stage entry points.
 *
 * Stages run in order on one document; each reads what earlier stages
 * left and adds its own layer (see ../shared/DESIGN.md):
 *   ev_tokenize()  tokens with byte and code point offsets, keys
 *   ev_segment()   quotes, then sentences */
#ifndef EV_DOC_INT_H
#define EV_DOC_INT_H

#include "evcode/doc.h"
#include "lexicon_int.h"
#include "../util/arena.h"

struct ev_doc {
    ev_doc_options opts;
    ev_arena arena;            /* per-document memory */
    ev_slice text;             /* borrowed from the caller */
    ev_slice id, date, title, source, url; /* copies in the arena */
    char lang[16];
    int date_invalid;
    const ev_lex_lang *lex;    /* the language's tables, or NULL */
    const struct ev_dict *dict;/* the language's pack, or NULL */
    struct ev_tq *tq;          /* set by ev_extract_time for ev_extract_qty */

    ev_token *tok;             /* vectors reused between documents */
    size_t ntok, captok;
    ev_sentence *sent;
    size_t nsent, capsent;
    ev_quote *quote;
    size_t nquote, capquote;
    ev_mention *mention;
    size_t nmention, capmention;
    struct ev_hit *hit;        /* event triggers and speech words found */
    size_t nhit, caphit;
    ev_event *event;
    size_t nevent, capevent;
    int16_t *wclass;           /* events: word class of each token, -1 not
                                  looked up yet (arena, per document) */
};

/* A trigger or speech word of the pack found at token `tok`. */
typedef struct ev_hit {
    uint32_t tok;
    uint32_t entry;
    uint32_t flags;   /* PKF_VERB, PKF_NOUN: the forms that matched */
} ev_hit;

/* Record a hit (the actor matcher finds them in its pass); a second hit of
 * the same entry at the same token adds its flags. */
int ev_doc_add_hit(ev_doc *doc, uint32_t tok, uint32_t entry, uint32_t flags);

/* The actor mention that starts first in tokens [a, b) (only people
 * when `person_only`): its index, or -1. */
long ev_first_actor(const ev_doc *doc, uint32_t a, uint32_t b,
                    int person_only);

/* The actor mention a singular pronoun at token `tok` stands for, added
 * as a "coref:pronoun" mention: its index, -1 if none, -2 out of memory. */
long ev_resolve_pronoun(ev_doc *doc, uint32_t tok);

/* Append a zeroed mention of `kind` over tokens [tok_start, tok_end),
 * its offsets and sentence filled from the tokens, and its rule set.
 * Returns it, or NULL when out of memory. The pointer is valid until the
 * next call. Stages add mentions in any order; ev_mentions_finish()
 * sorts them and remaps the indexes that point at mentions (quantity
 * `of`, quote `speaker`, event actors, dates and places). */
ev_mention *ev_doc_add_mention(ev_doc *doc, ev_mention_kind kind,
                               size_t tok_start, size_t tok_end,
                               const char *rule);
int ev_mentions_finish(ev_doc *doc);

/* Grow the vector `*p` (element size `size`, capacity `*cap`) to hold at
 * least `need` elements. Returns EV_OK or EV_ENOMEM. */
int ev_vec_reserve(const ev_alloc *alc, void **p, size_t *cap, size_t need,
                   size_t size);

int ev_tokenize(ev_doc *doc);
int ev_segment(ev_doc *doc);
/* Time and quantity mentions (extract_time.c, extract_qty.c), from the
 * grammars in grammar_int.h; quantities skip the tokens of times. */
int ev_extract_time(ev_doc *doc);
int ev_extract_qty(ev_doc *doc);
int ev_extract_actors(ev_doc *doc);
int ev_attribute_quotes(ev_doc *doc);
int ev_extract_events(ev_doc *doc);

/* Look `p[0..n)` (a word, without its period) up in the abbreviation
 * table of the document's language; a capitalised form also matches a
 * lower-case entry. Returns EV_ABBR_* or 0. */
uint32_t ev_abbrev_class(const ev_doc *doc, const char *p, size_t n);

#endif
