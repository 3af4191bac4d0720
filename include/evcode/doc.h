/**
 * @file evcode/doc.h
 * @brief A document and the layers the pipeline adds to it: tokens,
 *        sentences and quotes.
 *
 * One `ev_doc` codes one document at a time and can be reused for the
 * next one: every layer lives in the document's arena and is released in
 * one step. A document is not shared between threads; use one per thread.
 *
 * Offsets: every layer carries byte offsets into the text (`start`,
 * `end`) and Unicode code point offsets (`cp_start`, `cp_end`), end
 * exclusive. Code point offsets are what the JSON output contains.
 */
#ifndef EVCODE_DOC_H
#define EVCODE_DOC_H

#include "common.h"
#include "mention.h"
#include "event.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Token kinds. */
typedef enum ev_token_kind {
    EV_TOK_WORD = 1,   /**< letters, possibly with digits, ' and - inside */
    EV_TOK_NUMBER,     /**< starts with a digit: 14 000, 1,5, 80e, 2024-06-18 */
    EV_TOK_PUNCT,      /**< punctuation: . , ; : ! ? … ( ) - – — */
    EV_TOK_QUOTE,      /**< a quotation mark: « » “ ” " ‘ ’ ' „ ‹ › */
    EV_TOK_SYMBOL      /**< anything else: € $ % & @ emoji ... */
} ev_token_kind;

/** Token flags (bitmask). */
enum {
    EV_TOKF_CAP = 1u << 0,       /**< first letter is upper case */
    EV_TOKF_UPPER = 1u << 1,     /**< two or more letters, all upper case */
    EV_TOKF_ELISION = 1u << 2,   /**< elided article or pronoun: l' qu' */
    EV_TOKF_CLITIC = 1u << 3,    /**< split-off ending: 's n't -t-il */
    EV_TOKF_ABBREV = 1u << 4,    /**< ends with an abbreviation period */
    EV_TOKF_SPACE = 1u << 5,     /**< whitespace precedes the token */
    EV_TOKF_NEWLINE = 1u << 6,   /**< a line break precedes the token */
    EV_TOKF_PARA = 1u << 7,      /**< a paragraph break precedes it */
    EV_TOKF_OPEN = 1u << 8,      /**< opening quote or bracket */
    EV_TOKF_CLOSE = 1u << 9,     /**< closing quote or bracket */
    EV_TOKF_HYPHEN = 1u << 10,   /**< contains an internal hyphen */
    EV_TOKF_ALPHA = 1u << 11,    /**< number with letters glued: 80e, 3bn */
    EV_TOKF_ENDER = 1u << 12     /**< sentence-final punctuation: . ! ? … */
};

/**
 * A token. For words and numbers, `key` is the NFC, case-folded form
 * used for dictionary matching (typographic apostrophes as "'", soft
 * hyphens removed, spaces removed inside numbers) and `fold` is `key`
 * without accents; punctuation, quotes and symbols are their own key. Both point
 * into the text when it is already in that form, else into the
 * document's arena.
 */
typedef struct ev_token {
    uint32_t start, end;        /**< byte offsets */
    uint32_t cp_start, cp_end;  /**< code point offsets */
    ev_slice key;
    ev_slice fold;
    uint16_t kind;              /**< ev_token_kind */
    uint16_t flags;             /**< EV_TOKF_* */
    uint32_t sentence;          /**< index of its sentence */
} ev_token;

/** A sentence: tokens `[tok_start, tok_end)` and the text they cover. */
typedef struct ev_sentence {
    uint32_t tok_start, tok_end;
    uint32_t start, end;
    uint32_t cp_start, cp_end;
} ev_sentence;

/**
 * A quotation: the text between a matched pair of quotation marks,
 * without the marks and surrounding spaces. `open_tok` and `close_tok`
 * are the marks' token indexes; `sentence` the sentence of the opening
 * mark; `depth` 0 for an outermost quote, 1 for a quote inside it...;
 * `speaker` the actor mention of who says it, when known (see
 * docs/internals/quotes.md).
 */
typedef struct ev_quote {
    uint32_t open_tok, close_tok;
    uint32_t start, end;
    uint32_t cp_start, cp_end;
    uint32_t sentence;
    uint32_t depth;
    int32_t speaker;   /**< index of the speaker's actor mention, or -1 */
    uint32_t pad;
} ev_quote;

/** What a caller knows about a document. Every slice may be empty. */
typedef struct ev_input {
    ev_slice id;
    ev_slice text;    /**< the article body, UTF-8 */
    ev_slice lang;    /**< "fr", "en"...; empty or "auto": detected */
    ev_slice date;    /**< publication date, YYYY-MM-DD or ISO 8601 */
    ev_slice title, source, url;
} ev_input;

/** Document option flags. */
enum {
    /** Single line breaks are not sentence breaks (hard-wrapped text);
     *  blank lines still are. */
    EV_DOC_WRAPPED = 1u << 0
};

struct ev_dict;

/** Options for ev_doc_new(). */
typedef struct ev_doc_options {
    int version;            /**< EV_DOC_OPTIONS_VERSION */
    const ev_alloc *alloc;  /**< NULL: the C library's allocator */
    uint32_t flags;         /**< EV_DOC_* */
    size_t max_text;        /**< largest text in bytes; 0: 64 MiB */
    /** Language packs (see dict.h), borrowed; the one whose language is
     *  the document's is used. NULL/0: no actors or places. */
    const struct ev_dict *const *dicts;
    size_t ndicts;
} ev_doc_options;

#define EV_DOC_OPTIONS_VERSION 1
#define EV_DOC_OPTIONS_INIT {EV_DOC_OPTIONS_VERSION, NULL, 0, 0, NULL, 0}

typedef struct ev_doc ev_doc;

/**
 * Create a document.
 * @param out  receives the document; free it with ev_doc_free()
 * @param opts options, or NULL for the defaults
 * @return EV_OK, EV_ENOMEM, or EV_EINVAL for an unknown options version.
 */
int ev_doc_new(ev_doc **out, const ev_doc_options *opts);

/** Free a document and everything it holds. NULL is allowed. */
void ev_doc_free(ev_doc *doc);

/**
 * Code one document: validate the text, detect its language when not
 * given, tokenise, split sentences and find quotes. Layers of a
 * previous document are released first.
 *
 * The document keeps pointers into `in->text` (token keys, slices) and
 * copies of the metadata; `in->text` must stay valid and unchanged until
 * the next call or ev_doc_free().
 *
 * @param doc the document
 * @param in  the input; `text` may be empty
 * @param err optional detail on failure (`byte_pos` of bad UTF-8)
 * @return EV_OK; EV_EINVAL_UTF8 for ill-formed UTF-8; EV_ETOOBIG when
 *         the text exceeds `max_text`; EV_ENOMEM. After a failure the
 *         document is empty and can be reused.
 */
int ev_doc_code(ev_doc *doc, const ev_input *in, ev_err *err);

/** The text of the last coded document. */
ev_slice ev_doc_text(const ev_doc *doc);
/** The document id, as given. */
ev_slice ev_doc_id(const ev_doc *doc);
/** Language code: as given, detected ("fr", "en"), or "und". */
const char *ev_doc_lang(const ev_doc *doc);
/** Publication date as given, or an empty slice if absent or invalid. */
ev_slice ev_doc_date(const ev_doc *doc);
/** The optional metadata copied through: "title", "source" or "url". */
ev_slice ev_doc_meta(const ev_doc *doc, const char *name);
/** 1 when a date was given but is not ISO 8601 (it is then ignored). */
int ev_doc_date_invalid(const ev_doc *doc);

/** Tokens of the document; `*n` receives their number. Borrowed. */
const ev_token *ev_doc_tokens(const ev_doc *doc, size_t *n);
/** Sentences of the document; `*n` receives their number. Borrowed. */
const ev_sentence *ev_doc_sentences(const ev_doc *doc, size_t *n);
/** Quotes in text order (by opening mark); `*n` their number. Borrowed. */
const ev_quote *ev_doc_quotes(const ev_doc *doc, size_t *n);
/** Mentions in text order (by start, longest first); `*n` their number.
 *  Borrowed. */
const ev_mention *ev_doc_mentions(const ev_doc *doc, size_t *n);
/** Events in text order (by trigger); `*n` their number. Borrowed. */
const ev_event *ev_doc_events(const ev_doc *doc, size_t *n);

/**
 * Detect the language of `p[0..n)` from its function words.
 * @return a static code ("fr", "en"...) or "und" when unsure. Thread-safe.
 */
const char *ev_lang_detect(const char *p, size_t n);

#ifdef __cplusplus
}
#endif

#endif
