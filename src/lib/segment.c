/* Quotes and sentences, over the tokens.
 *
 * A block is the text between two hard breaks: paragraph breaks always,
 * single line breaks too unless the document is EV_DOC_WRAPPED. Quotes
 * and sentences never cross a block.
 *
 * Quotes: typographic marks pair by style («», “”, „“, ‘’, ‹›); a
 * closing mark closes the nearest open mark of its style, dropping any
 * unclosed marks opened inside it. Straight marks (" and ') open when
 * they are glued to the word after them and close when glued to the word
 * before, like CommonMark's flanking rule; otherwise " toggles. Marks
 * still open at the end of a block are not quotes.
 *
 * Sentences end after . ! ? … (and a run of them), together with the
 * closing quotes and brackets right after, when the next token can start
 * a sentence: a capitalised word, a number, an opening quote or bracket,
 * a dash. Abbreviation periods end a sentence only for abbreviations
 * of class "final" followed by a capitalised word. */
#include "doc_int.h"

#include <stdlib.h>
#include <string.h>

enum { S_NONE, S_GUIL, S_CURLY, S_LOW, S_SINGLE, S_ANGLE, S_STRAIGHT,
       S_STRAIGHT1 };

typedef struct {
    int style;   /* the style it opens (or closes) */
    int opens;   /* 1 opens, 0 closes, -1 decided by flanking */
} qmark;

static int32_t first_cp(const ev_doc *doc, const ev_token *t)
{
    const unsigned char *s = (const unsigned char *)doc->text.p + t->start;
    if (s[0] < 0x80)
        return s[0];
    if (s[0] < 0xe0)
        return (s[0] & 0x1f) << 6 | (s[1] & 0x3f);
    return (s[0] & 0x0f) << 12 | (s[1] & 0x3f) << 6 | (s[2] & 0x3f);
}

static qmark classify(int32_t cp)
{
    switch (cp) {
    case 0x00AB: return (qmark){S_GUIL, 1};
    case 0x00BB: return (qmark){S_GUIL, 0};
    case 0x201C: return (qmark){S_CURLY, 1};
    case 0x201D: return (qmark){S_CURLY, 0};
    case 0x201E: return (qmark){S_LOW, 1};
    case 0x2018: return (qmark){S_SINGLE, 1};
    case 0x2019: return (qmark){S_SINGLE, 0};
    case 0x2039: return (qmark){S_ANGLE, 1};
    case 0x203A: return (qmark){S_ANGLE, 0};
    case '"': return (qmark){S_STRAIGHT, -1};
    case '\'': return (qmark){S_STRAIGHT1, -1};
    default: return (qmark){S_NONE, 0};
    }
}

static int hard_break(const ev_doc *doc, const ev_token *t)
{
    return (t->flags & EV_TOKF_PARA) ||
           ((t->flags & EV_TOKF_NEWLINE) && !(doc->opts.flags & EV_DOC_WRAPPED));
}

static int add_quote(ev_doc *doc, uint32_t open, uint32_t close,
                     uint32_t depth)
{
    const ev_token *o = &doc->tok[open];
    int rc = ev_vec_reserve(doc->opts.alloc, (void **)&doc->quote,
                            &doc->capquote, doc->nquote + 1, sizeof(ev_quote));
    if (rc < 0)
        return rc;
    ev_quote *q = &doc->quote[doc->nquote++];
    memset(q, 0, sizeof(*q));
    q->open_tok = open;
    q->close_tok = close;
    q->depth = depth;
    q->speaker = -1;
    /* A comma just before the closing mark belongs to the sentence, not
     * to the quote (English puts it inside: "We will win," he said). */
    if (close > open + 1 && doc->tok[close - 1].kind == EV_TOK_PUNCT &&
        doc->tok[close - 1].end - doc->tok[close - 1].start == 1 &&
        doc->text.p[doc->tok[close - 1].start] == ',')
        close--;
    if (open + 1 < close) {
        /* Content: from the first to the last token inside the marks. */
        q->start = doc->tok[open + 1].start;
        q->cp_start = doc->tok[open + 1].cp_start;
        q->end = doc->tok[close - 1].end;
        q->cp_end = doc->tok[close - 1].cp_end;
    } else {
        q->start = q->end = o->end;
        q->cp_start = q->cp_end = o->cp_end;
    }
    return EV_OK;
}

static int cmp_quote(const void *a, const void *b)
{
    const ev_quote *x = a, *y = b;
    return (x->open_tok > y->open_tok) - (x->open_tok < y->open_tok);
}

#define MAX_DEPTH 32

static int find_quotes(ev_doc *doc)
{
    uint32_t stack[MAX_DEPTH];
    int styles[MAX_DEPTH];
    int top = 0, rc;
    doc->nquote = 0;
    for (size_t i = 0; i < doc->ntok; i++) {
        ev_token *t = &doc->tok[i];
        if (hard_break(doc, t))
            top = 0;
        if (t->kind != EV_TOK_QUOTE)
            continue;
        qmark m = classify(first_cp(doc, t));
        if (m.style == S_NONE)
            continue;
        int opens = m.opens;
        if (m.style == S_CURLY && opens == 1 && top > 0 &&
            styles[top - 1] == S_LOW)
            opens = 0;  /* German „...“ */
        if (opens < 0) {
            /* Flanking: glued to the next token opens, to the previous
             * closes; both or neither toggles. */
            const ev_token *next = i + 1 < doc->ntok ? &doc->tok[i + 1] : NULL;
            int glued_next = next && !(next->flags & EV_TOKF_SPACE) &&
                             next->kind != EV_TOK_PUNCT;
            int glued_prev = i > 0 && !(t->flags & EV_TOKF_SPACE) &&
                             !(doc->tok[i - 1].flags & EV_TOKF_OPEN);
            int open_here = 0;
            for (int k = top - 1; k >= 0; k--)
                if (styles[k] == m.style)
                    open_here = 1;
            if (glued_next && !glued_prev)
                opens = 1;
            else if (glued_prev && !glued_next)
                opens = 0;
            else if (m.style == S_STRAIGHT)
                opens = !open_here;
            else
                continue;  /* a lone ' is an apostrophe, not a quote */
        }
        if (opens) {
            if (top < MAX_DEPTH) {
                stack[top] = (uint32_t)i;
                styles[top] = m.style;
                top++;
            }
            continue;
        }
        int k = top - 1;
        /* „ closes with “ or ”; “ may close „. */
        while (k >= 0 && styles[k] != m.style &&
               !(styles[k] == S_LOW && m.style == S_CURLY))
            k--;
        if (k < 0)
            continue;
        doc->tok[stack[k]].flags |= EV_TOKF_OPEN;
        t->flags |= EV_TOKF_CLOSE;
        if ((rc = add_quote(doc, stack[k], (uint32_t)i, (uint32_t)k)) < 0)
            return rc;
        top = k;
    }
    if (doc->nquote > 1)
        qsort(doc->quote, doc->nquote, sizeof(ev_quote), cmp_quote);
    return EV_OK;
}

/* Can token `t` start a sentence after a sentence-final mark? */
static int can_start(const ev_doc *doc, const ev_token *t)
{
    if (t->kind == EV_TOK_WORD)
        return (t->flags & EV_TOKF_CAP) != 0;
    if (t->kind == EV_TOK_NUMBER)
        return 1;
    if (t->flags & EV_TOKF_OPEN)
        return 1;
    if (t->kind == EV_TOK_PUNCT) {
        int32_t c = first_cp(doc, t);
        return c == '-' || c == 0x2013 || c == 0x2014 || c == 0x2022 ||
               c == 0x00BF || c == 0x00A1;
    }
    return 0;
}

static int add_sentence(ev_doc *doc, size_t a, size_t b)
{
    if (a >= b)
        return EV_OK;
    int rc = ev_vec_reserve(doc->opts.alloc, (void **)&doc->sent,
                            &doc->capsent, doc->nsent + 1, sizeof(ev_sentence));
    if (rc < 0)
        return rc;
    ev_sentence *s = &doc->sent[doc->nsent];
    s->tok_start = (uint32_t)a;
    s->tok_end = (uint32_t)b;
    s->start = doc->tok[a].start;
    s->end = doc->tok[b - 1].end;
    s->cp_start = doc->tok[a].cp_start;
    s->cp_end = doc->tok[b - 1].cp_end;
    for (size_t i = a; i < b; i++)
        doc->tok[i].sentence = (uint32_t)doc->nsent;
    doc->nsent++;
    return EV_OK;
}

static int is_ender(const ev_doc *doc, const ev_token *t)
{
    if (t->flags & EV_TOKF_ENDER)
        return 1;
    if (t->flags & EV_TOKF_ABBREV) {
        const char *p = doc->text.p + t->start;
        return ev_abbrev_class(doc, p, t->end - t->start - 1) == EV_ABBR_FINAL;
    }
    return 0;
}

static int find_sentences(ev_doc *doc)
{
    size_t start = 0, n = doc->ntok;
    int rc;
    doc->nsent = 0;
    for (size_t i = 0; i < n; i++) {
        if (i > start && hard_break(doc, &doc->tok[i])) {
            if ((rc = add_sentence(doc, start, i)) < 0)
                return rc;
            start = i;
        }
        const ev_token *t = &doc->tok[i];
        if (!is_ender(doc, t))
            continue;
        size_t j = i + 1;
        while (j < n && !hard_break(doc, &doc->tok[j]) &&
               ((doc->tok[j].flags & (EV_TOKF_ENDER | EV_TOKF_CLOSE)) ||
                (doc->tok[j].kind == EV_TOK_QUOTE &&
                 !(doc->tok[j].flags & EV_TOKF_OPEN) &&
                 !(doc->tok[j].flags & EV_TOKF_SPACE))))
            j++;
        if (j >= n || hard_break(doc, &doc->tok[j])) {
            i = j - 1;
            continue;
        }
        const ev_token *next = &doc->tok[j];
        int brk;
        if (t->flags & EV_TOKF_ABBREV)
            brk = next->kind == EV_TOK_WORD && (next->flags & EV_TOKF_CAP);
        else
            brk = can_start(doc, next);
        if (brk) {
            if ((rc = add_sentence(doc, start, j)) < 0)
                return rc;
            start = j;
        }
        i = j - 1;
    }
    return add_sentence(doc, start, n);
}

int ev_segment(ev_doc *doc)
{
    int rc = find_quotes(doc);
    if (rc < 0 || (rc = find_sentences(doc)) < 0)
        return rc;
    for (size_t k = 0; k < doc->nquote; k++)
        doc->quote[k].sentence = doc->tok[doc->quote[k].open_tok].sentence;
    return EV_OK;
}
