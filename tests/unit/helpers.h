/* Helpers shared by the unit tests: code a string and render its tokens
 * or sentences compactly for comparison. */
#ifndef EV_TESTS_HELPERS_H
#define EV_TESTS_HELPERS_H

#include "evcode/evcode.h"
#include <stdio.h>
#include <string.h>

static inline ev_doc *code_str(const char *text, const char *lang, uint32_t flags)
{
    static ev_doc *doc;
    ev_doc_free(doc);
    ev_doc_options o = EV_DOC_OPTIONS_INIT;
    o.flags = flags;
    if (ev_doc_new(&doc, &o) < 0)
        return NULL;
    ev_input in;
    memset(&in, 0, sizeof(in));
    in.text = (ev_slice){text, strlen(text)};
    in.lang = (ev_slice){lang, strlen(lang)};
    in.id = (ev_slice){"t", 1};
    if (ev_doc_code(doc, &in, NULL) < 0)
        return NULL;
    return doc;
}

/* Tokens joined by '|', e.g. "l'|armée|." */
static inline const char *toks(const char *text, const char *lang)
{
    static char out[4096];
    ev_doc *doc = code_str(text, lang, 0);
    size_t n, k = 0;
    out[0] = '\0';
    if (!doc)
        return "(error)";
    const ev_token *t = ev_doc_tokens(doc, &n);
    for (size_t i = 0; i < n && k + 64 < sizeof(out); i++)
        k += (size_t)snprintf(out + k, sizeof(out) - k, "%s%.*s", i ? "|" : "",
                              (int)(t[i].end - t[i].start), text + t[i].start);
    return out;
}

/* Keys (or accent-folded keys) joined by '|'. */
static inline const char *keys(const char *text, const char *lang, int fold)
{
    static char out[4096];
    ev_doc *doc = code_str(text, lang, 0);
    size_t n, k = 0;
    out[0] = '\0';
    if (!doc)
        return "(error)";
    const ev_token *t = ev_doc_tokens(doc, &n);
    for (size_t i = 0; i < n && k + 64 < sizeof(out); i++) {
        ev_slice s = fold ? t[i].fold : t[i].key;
        k += (size_t)snprintf(out + k, sizeof(out) - k, "%s%.*s", i ? "|" : "",
                              (int)s.n, s.p);
    }
    return out;
}

/* Sentences joined by " || ". */
static inline const char *sents(const char *text, const char *lang, uint32_t flags)
{
    static char out[4096];
    ev_doc *doc = code_str(text, lang, flags);
    size_t n, k = 0;
    out[0] = '\0';
    if (!doc)
        return "(error)";
    const ev_sentence *s = ev_doc_sentences(doc, &n);
    for (size_t i = 0; i < n && k + 64 < sizeof(out); i++)
        k += (size_t)snprintf(out + k, sizeof(out) - k, "%s%.*s",
                              i ? " || " : "", (int)(s[i].end - s[i].start),
                              text + s[i].start);
    return out;
}

/* Quotes joined by " || ". */
static inline const char *quotes(const char *text, const char *lang)
{
    static char out[4096];
    ev_doc *doc = code_str(text, lang, 0);
    size_t n, k = 0;
    out[0] = '\0';
    if (!doc)
        return "(error)";
    const ev_quote *q = ev_doc_quotes(doc, &n);
    for (size_t i = 0; i < n && k + 64 < sizeof(out); i++)
        k += (size_t)snprintf(out + k, sizeof(out) - k, "%s%.*s",
                              i ? " || " : "", (int)(q[i].end - q[i].start),
                              text + q[i].start);
    return out;
}

#endif
