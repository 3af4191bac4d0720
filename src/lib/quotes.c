/* Quote speakers.
 *
 * For each quote, in order:
 * 1. After the quote, in its sentence: an inverted pronoun ("«...»,
 *    a-t-il déclaré") or an actor within a few words ('"...," said Putin',
 *    '"...," Putin said') is the speaker.
 * 2. Before the quote, in its sentence: the first person named, else the
 *    first actor ("Kim Jong-un a souligné que ... un « devoir fraternel »").
 * 3. A subject pronoun opening the sentence ("Il a ajouté : « ... »").
 * A singular pronoun stands for the first person named before it in its
 * sentence, else for the first person of the nearest earlier sentence
 * that names one (news refers back to the subject); it gets an actor
 * mention of its own ("coref:pronoun") and becomes the speaker.
 * Plural pronouns are left unresolved. */
#include "doc_int.h"

#include <string.h>

#define AFTER_WINDOW 6

static int pronoun_class(const ev_doc *doc, const ev_token *t)
{
    if (!doc->lex || t->kind != EV_TOK_WORD)
        return 0;
    return (int)ev_lex_find(&doc->lex->pron, t->key.p, t->key.n);
}

static int is_person(const ev_mention *m)
{
    return m->kind == EV_MENTION_ACTOR &&
           (m->u.actor.flags & EV_ACTOR_PERSON);
}

/* The person a singular pronoun at token `tok` stands for: the first
 * person named earlier in its sentence, else the first person of the
 * nearest earlier sentence that names one (news refers back to the
 * subject). Returns a mention index or -1. */
static long antecedent(const ev_doc *doc, uint32_t tok)
{
    uint32_t sent = doc->tok[tok].sentence;
    for (long s = (long)sent; s >= 0; s--) {
        long best = -1;
        for (size_t k = 0; k < doc->nmention; k++) {
            const ev_mention *m = &doc->mention[k];
            if (!is_person(m) || m->sentence != (uint32_t)s ||
                (s == (long)sent && m->tok_end > tok))
                continue;
            if (best < 0 || m->tok_start < doc->mention[best].tok_start)
                best = (long)k;
        }
        if (best >= 0)
            return best;
    }
    return -1;
}

long ev_resolve_pronoun(ev_doc *doc, uint32_t tok)
{
    long p = antecedent(doc, tok);
    if (p < 0)
        return -1;
    for (size_t k = 0; k < doc->nmention; k++)  /* already resolved */
        if (doc->mention[k].tok_start == tok &&
            doc->mention[k].kind == EV_MENTION_ACTOR)
            return (long)k;
    ev_actor a = doc->mention[p].u.actor;
    ev_mention *m = ev_doc_add_mention(doc, EV_MENTION_ACTOR, tok, tok + 1,
                                       "coref:pronoun");
    if (!m)
        return -2;
    m->u.actor = a;
    return (long)(doc->nmention - 1);
}

static long speaker_of(ev_doc *doc, const ev_quote *q)
{
    const ev_sentence *s = &doc->sent[q->sentence];
    uint32_t end = s->tok_end;
    /* 1. Just after the quote and its comma ("«...», a-t-il déclaré",
     * '"...," he said', '"...," said Putin'): the first pronoun or actor. */
    uint32_t win = q->close_tok + 1 + AFTER_WINDOW < end
                       ? q->close_tok + 1 + AFTER_WINDOW : end;
    long after = ev_first_actor(doc, q->close_tok + 1, win, 0);
    /* The quote hangs on what follows when a comma separates them, after
     * the mark (French "»,") or before it (English ',"'). */
    const ev_token *before_close = &doc->tok[q->close_tok - 1];
    int attached = (q->close_tok + 1 < end &&
                    doc->tok[q->close_tok + 1].kind == EV_TOK_PUNCT) ||
                   (before_close->kind == EV_TOK_PUNCT &&
                    before_close->end - before_close->start == 1 &&
                    doc->text.p[before_close->start] == ',');
    for (uint32_t t = q->close_tok + 1; attached && t < win; t++) {
        const ev_token *tk = &doc->tok[t];
        if ((tk->kind == EV_TOK_QUOTE && (tk->flags & EV_TOKF_OPEN)) ||
            (after >= 0 && doc->mention[after].tok_start <= t))
            break;
        if (pronoun_class(doc, tk) == EV_PRON_SINGULAR)
            return ev_resolve_pronoun(doc, t);
    }
    if (after >= 0 && attached)
        return after;
    /* 2. Before the quote, in its sentence. */
    long before = ev_first_actor(doc, s->tok_start, q->open_tok, 1);
    if (before < 0)
        before = ev_first_actor(doc, s->tok_start, q->open_tok, 0);
    if (before >= 0)
        return before;
    /* 3. A pronoun opening the sentence. */
    const ev_token *first = &doc->tok[s->tok_start];
    if (pronoun_class(doc, first) == EV_PRON_SINGULAR)
        return ev_resolve_pronoun(doc, s->tok_start);
    return after;
}

int ev_attribute_quotes(ev_doc *doc)
{
    for (size_t i = 0; i < doc->nquote; i++) {
        long sp = speaker_of(doc, &doc->quote[i]);
        if (sp == -2)
            return EV_ENOMEM;
        doc->quote[i].speaker = (int32_t)sp;
    }
    return EV_OK;
}
