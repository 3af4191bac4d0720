/* Events: from the triggers the matcher found, code who did what to whom.
 *
 * For each word that heads event patterns, the most specific pattern
 * whose other words follow (within three words each) wins: "exprimer sa
 * gratitude à" beats "exprimer". Then, inside the trigger's clause (the
 * sentence, cut at clause words such as que, qui, that, who):
 *
 * - source: the actor just left of the trigger (the subject); after a
 *   relative pronoun ("les soldats qui ont combattu"), the actor before
 *   the pronoun; a subject pronoun ("il") stands for its antecedent;
 *   "X et Y" gives both actors. No source, no event.
 * - target: the pattern's target slots in order: OBJ is the first actor
 *   to the right, a preposition the first actor after it.
 * - passive ("ont été déployés", "was arrested"): when the target would
 *   be the object, the subject is the target and the actor after "par" or
 *   "by" the source.
 * - negation and modality: such words in the clause just before the
 *   trigger (and "pas", "jamais" just after it).
 * - attribution: a quote's speaker for a trigger inside the quote; else
 *   the subject of a speech verb whose "que/that" opens the clause; else
 *   the actor after "selon" or "according to" in the sentence.
 * - date: the nearest time in the sentence, else the publication date;
 *   place: the nearest place in the sentence.
 * Speech verbs themselves give no event; they only attribute. */
#include "dict_int.h"
#include "doc_int.h"

#include <string.h>

#define REST_GAP 3     /* words allowed between the words of a trigger */
#define PREP_GAP 3     /* words between a preposition and its actor */
#define MOD_WINDOW 4   /* words before the trigger for negation, modality */

enum { W_CLAUSE = PKW_CLAUSE, W_RELATIVE = PKW_RELATIVE,
       W_NEGATION = PKW_NEGATION, W_MODAL = PKW_MODAL,
       W_PASSIVE = PKW_PASSIVE, W_GENITIVE = PKW_GENITIVE,
       W_ARTICLE = PKW_ARTICLE, W_SPEECH = PKW_SPEECH, W_COORD = PKW_COORD };

static int lookup_class(const ev_doc *doc, const ev_dict *d, size_t i);

/* Classes of the word at token `i` (W_*), from the pack's small words,
 * looked up once per token and document. */
static int word_class(const ev_doc *doc, const ev_dict *d, size_t i)
{
    if (i >= doc->ntok || doc->tok[i].kind != EV_TOK_WORD)
        return 0;
    if (!doc->wclass)
        return lookup_class(doc, d, i);
    if (doc->wclass[i] < 0)
        doc->wclass[i] = (int16_t)lookup_class(doc, d, i);
    return doc->wclass[i];
}

static int lookup_class(const ev_doc *doc, const ev_dict *d, size_t i)
{
    const ev_token *t = &doc->tok[i];
    return (int)ev_dict_word_class(d, t->fold.p, t->fold.n);
}

/* Is token `i` a form of `lemma` (a word of some trigger)? */
static int is_lemma(const ev_doc *doc, const ev_dict *d, size_t i,
                    const char *lemma, size_t n)
{
    const ev_token *t = &doc->tok[i];
    if (t->kind != EV_TOK_WORD)
        return 0;
    const pk_bucket *b = ev_dict_find(d, t->fold.p, t->fold.n);
    for (uint32_t k = 0; b && k < PKB_LEN(b->len); k++) {
        const pk_phrase *p = &d->phr[d->lst[b->list + k]];
        const pk_entry *e = &d->ent[p->entry];
        if (p->ntok == 1 && e->kind == PK_LEMMA && pk_key_eq(pk_str(d, e->name),
                                                              lemma, n))
            return 1;
    }
    return 0;
}

/* Do the words after the head of trigger `e` follow token `i`? Returns
 * the token after the last one matched (i + 1 when there are none), or 0
 * when they do not all follow. */
static uint32_t rest_matches(const ev_doc *doc, const ev_dict *d,
                             const pk_entry *e, uint32_t i)
{
    const char *w = pk_str(d, e->entity);
    uint32_t pos = i + 1, sent = doc->tok[i].sentence;
    while (*w) {
        while (*w == ' ')
            w++;
        const char *end = w;
        while (*end && *end != ' ')
            end++;
        size_t n = (size_t)(end - w);
        if (n && !(n == 3 && memcmp(w, "...", 3) == 0)) {
            uint32_t found = 0;
            for (uint32_t t = pos; t < doc->ntok && t <= pos + REST_GAP &&
                                   doc->tok[t].sentence == sent;
                 t++)
                if (is_lemma(doc, d, t, w, n)) {
                    found = t + 1;
                    break;
                }
            if (!found)
                return 0;
            pos = found;
        }
        w = end;
    }
    return pos;
}

typedef struct {
    uint32_t a, b;     /* clause tokens [a, b) */
    int left_kind;     /* W_CLAUSE or W_RELATIVE when a clause word opens it */
} clause;

static clause clause_of(const ev_doc *doc, const ev_dict *d, uint32_t ts,
                        uint32_t te)
{
    const ev_sentence *s = &doc->sent[doc->tok[ts].sentence];
    clause c = {s->tok_start, s->tok_end, 0};
    for (uint32_t i = ts; i-- > s->tok_start;) {
        const ev_token *t = &doc->tok[i];
        int cls = word_class(doc, d, i);
        if (cls & (W_CLAUSE | W_RELATIVE)) {
            c.a = i + 1;
            c.left_kind = cls & W_RELATIVE ? W_RELATIVE : W_CLAUSE;
            break;
        }
        if (t->kind == EV_TOK_PUNCT && t->end - t->start == 1 &&
            (doc->text.p[t->start] == ';' || doc->text.p[t->start] == ':')) {
            c.a = i + 1;
            break;
        }
    }
    for (uint32_t i = te; i < s->tok_end; i++) {
        const ev_token *t = &doc->tok[i];
        if ((word_class(doc, d, i) & (W_CLAUSE | W_RELATIVE)) ||
            (t->kind == EV_TOK_PUNCT && t->end - t->start == 1 &&
             doc->text.p[t->start] == ';')) {
            c.b = i;
            break;
        }
    }
    return c;
}

/* The actor mention that ends last in tokens [a, b), or -1. */
static long last_actor_in(const ev_doc *doc, uint32_t a, uint32_t b)
{
    long best = -1;
    for (size_t k = 0; k < doc->nmention; k++) {
        const ev_mention *m = &doc->mention[k];
        if (m->kind != EV_MENTION_ACTOR || m->tok_start < a || m->tok_end > b)
            continue;
        if (best < 0 || m->tok_end > doc->mention[best].tok_end ||
            (m->tok_end == doc->mention[best].tok_end &&
             m->tok_start < doc->mention[best].tok_start))
            best = (long)k;
    }
    return best;
}

/* An actor coordinated before `m` ("X et Y", "X and the Y"): its index
 * or -1. */
static long coordinated(const ev_doc *doc, const ev_dict *d, long m,
                        uint32_t a)
{
    uint32_t at = doc->mention[m].tok_start;
    if (at > a && (word_class(doc, d, at - 1) & W_ARTICLE))
        at--;
    if (at <= a || !(word_class(doc, d, at - 1) & W_COORD))
        return -1;
    long other = last_actor_in(doc, a, at - 1);
    if (other < 0 || doc->mention[other].tok_end + 1 < at - 1)
        return -1;
    return other;
}

/* Is token `i` the preposition `prep`, or a contraction holding it
 * ("au" for "à")? */
static int is_prep(const ev_doc *doc, const ev_dict *d, size_t i,
                   const char *prep, size_t n)
{
    const ev_token *t = &doc->tok[i];
    if (t->kind != EV_TOK_WORD)
        return 0;
    if (t->key.n == n && memcmp(t->key.p, prep, n) == 0)
        return 1;
    const pk_bucket *b = ev_dict_find(d, t->fold.p, t->fold.n);
    for (uint32_t k = 0; b && k < PKB_LEN(b->len); k++) {
        const pk_phrase *p = &d->phr[d->lst[b->list + k]];
        const pk_entry *e = &d->ent[p->entry];
        if (p->ntok == 1 && e->kind == PK_CONTRACT &&
            pk_key_eq(pk_str(d, e->name), prep, n))
            return 1;
    }
    return 0;
}

/* The first actor after the word `prep` in tokens [a, b), or -1. */
static long actor_after_word(const ev_doc *doc, const ev_dict *d,
                             uint32_t a, uint32_t b,
                             const char *prep, size_t n)
{
    for (uint32_t i = a; i < b; i++) {
        if (!is_prep(doc, d, i, prep, n))
            continue;
        long m = ev_first_actor(doc, i + 1, i + 2 + PREP_GAP < b ? i + 2 + PREP_GAP : b, 0);
        if (m >= 0)
            return m;
    }
    return -1;
}

static int same_code(const ev_doc *doc, long x, long y)
{
    const ev_actor *a = &doc->mention[x].u.actor, *b = &doc->mention[y].u.actor;
    return a->code.n == b->code.n && memcmp(a->code.p, b->code.p, a->code.n) == 0;
}

/* The target of trigger `e` in tokens [from, to): its slots in order. */
static long find_target(const ev_doc *doc, const ev_dict *d, const pk_entry *e,
                        uint32_t from, uint32_t to, int *by_object)
{
    const char *spec = pk_str(d, e->role);
    *by_object = 0;
    while (*spec) {
        const char *end = strchr(spec, ';');
        size_t n = end ? (size_t)(end - spec) : strlen(spec);
        long m = -1;
        if (n == 3 && memcmp(spec, "OBJ", 3) == 0) {
            m = ev_first_actor(doc, from, to, 0);
            if (m >= 0)
                *by_object = 1;
        } else if (!(n == 1 && spec[0] == '-')) {
            m = actor_after_word(doc, d, from, to, spec, n);
        }
        if (m >= 0)
            return m;
        spec += n + (end != NULL);
    }
    return -1;
}

/* Is token `t` inside a quote with a speaker? Its speaker, or -1. */
static long quote_speaker(const ev_doc *doc, uint32_t t)
{
    for (size_t k = 0; k < doc->nquote; k++)
        if (doc->quote[k].open_tok < t && t < doc->quote[k].close_tok &&
            doc->quote[k].speaker >= 0)
            return doc->quote[k].speaker;
    return -1;
}

/* Who claims an event whose trigger is at `ts` in clause `c`. */
static long attribution(ev_doc *doc, const ev_dict *d, uint32_t ts,
                        const clause *c)
{
    long q = quote_speaker(doc, ts);
    if (q >= 0)
        return q;
    const ev_sentence *s = &doc->sent[doc->tok[ts].sentence];
    if (c->left_kind == W_CLAUSE && c->a >= 2) {
        /* "X a confirmé que ...": a speech verb just before the clause
         * word; its subject claims the event. */
        for (uint32_t i = c->a - 1; i-- > s->tok_start && i + 4 >= c->a;)
            if (word_class(doc, d, i) & W_SPEECH) {
                long subj = last_actor_in(doc, s->tok_start, i);
                if (subj >= 0)
                    return subj;
                /* "il a confirmé que": a pronoun just before the verb (not
                 * an impersonal "il convient de noter que"). */
                for (uint32_t p = i; p-- > s->tok_start && p + 3 > i;)
                    if (doc->lex &&
                        ev_lex_find(&doc->lex->pron, doc->tok[p].key.p,
                                    doc->tok[p].key.n) == EV_PRON_SINGULAR)
                        return ev_resolve_pronoun(doc, p);
                break;
            }
    }
    /* "selon X", "according to X". */
    for (uint32_t i = s->tok_start; i < s->tok_end; i++)
        if (word_class(doc, d, i) & W_SPEECH) {
            const pk_bucket *b = ev_dict_find(d, doc->tok[i].fold.p,
                                              doc->tok[i].fold.n);
            for (uint32_t k = 0; b && k < PKB_LEN(b->len); k++) {
                const pk_phrase *p = &d->phr[d->lst[b->list + k]];
                const pk_entry *e = &d->ent[p->entry];
                if (e->kind == PK_SPEECH && strcmp(pk_str(d, e->role), "prep") == 0 &&
                    i + p->ntok <= s->tok_end) {
                    long m = ev_first_actor(doc, i + p->ntok,
                                            i + p->ntok + 1 + PREP_GAP, 0);
                    if (m >= 0)
                        return m;
                }
            }
        }
    return -1;
}

/* The mention of `kind` in sentence `sent` nearest to token `t`, or -1. */
static long nearest(const ev_doc *doc, uint32_t kind, uint32_t sent, uint32_t t)
{
    long best = -1;
    uint32_t dist = UINT32_MAX;
    for (size_t k = 0; k < doc->nmention; k++) {
        const ev_mention *m = &doc->mention[k];
        if (m->kind != kind || m->sentence != sent)
            continue;
        uint32_t dd = m->tok_start > t ? m->tok_start - t : t - m->tok_start;
        if (dd < dist) {
            dist = dd;
            best = (long)k;
        }
    }
    return best;
}

static int covered_by_mention(const ev_doc *doc, uint32_t t)
{
    for (size_t k = 0; k < doc->nmention; k++)
        if (doc->mention[k].tok_start <= t && t < doc->mention[k].tok_end)
            return 1;
    return 0;
}

static int add_event(ev_doc *doc, const ev_dict *d, const pk_entry *trig,
                     uint32_t ts, uint32_t te, long source, long target,
                     uint32_t flags, uint32_t modality, long attributed,
                     const char *swhy, const char *twhy)
{
    uint32_t sent = doc->tok[ts].sentence;
    for (size_t k = 0; k < doc->nevent; k++) {  /* one of each */
        const ev_event *o = &doc->event[k];
        if (o->sentence == sent && o->source == source && o->target == target &&
            o->cameo.p == pk_str(d, trig->code))
            return EV_OK;
    }
    if (doc->nevent == doc->capevent &&
        ev_vec_reserve(doc->opts.alloc, (void **)&doc->event, &doc->capevent,
                       doc->nevent + 1, sizeof(ev_event)) < 0)
        return EV_ENOMEM;
    ev_event *e = &doc->event[doc->nevent++];
    memset(e, 0, sizeof(*e));
    e->sentence = sent;
    e->source = (int32_t)source;
    e->target = (int32_t)target;
    e->attributed_to = (int32_t)attributed;
    e->trig_start = ts;
    e->trig_end = te;
    e->start = doc->tok[ts].start;
    e->end = doc->tok[te - 1].end;
    e->cp_start = doc->tok[ts].cp_start;
    e->cp_end = doc->tok[te - 1].cp_end;
    const char *code = pk_str(d, trig->code);
    e->cameo = (ev_slice){code, strlen(code)};
    e->flags = flags;
    e->modality = modality;
    e->source_why = swhy;
    e->target_why = target >= 0 ? twhy : "";
    e->rule = (ev_slice){pk_str(d, trig->source), strlen(pk_str(d, trig->source))};
    const pk_bucket *b = ev_dict_find(d, code, strlen(code));
    for (uint32_t k = 0; b && k < PKB_LEN(b->len); k++) {
        const pk_entry *c = &d->ent[d->phr[d->lst[b->list + k]].entry];
        if (c->kind == PK_CAMEO) {
            e->plover = (ev_slice){pk_str(d, c->role), strlen(pk_str(d, c->role))};
            e->quad = c->population;
            e->goldstein = c->lat;
            break;
        }
    }
    e->date = (int32_t)nearest(doc, EV_MENTION_TIME, sent, ts);
    if (e->date < 0)
        e->flags |= EV_EVENT_DATE_PUBLISHED;
    e->place = (int32_t)nearest(doc, EV_MENTION_PLACE, sent, ts);
    return EV_OK;
}

static int add_event(ev_doc *doc, const ev_dict *d, const pk_entry *trig,
                     uint32_t ts, uint32_t te, long source, long target,
                     uint32_t flags, uint32_t modality, long attributed,
                     const char *swhy, const char *twhy);
static long attribution(ev_doc *doc, const ev_dict *d, uint32_t ts,
                        const clause *c);

/* A nominalisation: "la rencontre entre X et Y", "l'attaque de X contre
 * Y", "X's attack on Y". The source is the noun's complement, never the
 * clause subject; no complement, no event. */
static int code_noun(ev_doc *doc, const ev_dict *d, const pk_entry *trig,
                     uint32_t ts, uint32_t end, const clause *cl)
{
    clause cc = cl ? *cl : clause_of(doc, d, ts, end);
    const clause *c = &cc;
    long source = -1, target = -1;
    uint32_t after = end;
    /* When the pattern lists the genitive among its targets ("arrest |
     * 173 | of"), "the arrest of X" makes X the target and the source
     * comes from "X's arrest" or "by X"; otherwise "l'attaque de X" makes
     * X the source. */
    int gen_target = 0;
    if (after < c->b && (word_class(doc, d, after) & W_GENITIVE)) {
        const char *spec = pk_str(d, trig->role);
        const ev_token *g = &doc->tok[after];
        for (const char *p = spec; *p;) {
            const char *e2 = strchr(p, ';');
            size_t n = e2 ? (size_t)(e2 - p) : strlen(p);
            if (n == g->key.n && memcmp(p, g->key.p, n) == 0)
                gen_target = 1;
            p += n + (e2 != NULL);
        }
    }
    /* "entre X et Y", "between X and Y" */
    if (after < c->b && ((doc->tok[after].key.n == 5 &&
                          memcmp(doc->tok[after].key.p, "entre", 5) == 0) ||
                         (doc->tok[after].key.n == 7 &&
                          memcmp(doc->tok[after].key.p, "between", 7) == 0))) {
        long y = ev_first_actor(doc, after + 1, c->b, 0);
        if (y >= 0) {
            long x = y;
            y = -1;
            uint32_t e2 = doc->mention[x].tok_end;
            if (e2 < c->b && (word_class(doc, d, e2) & W_COORD))
                y = ev_first_actor(doc, e2 + 1, e2 + 3 < c->b ? e2 + 3 : c->b, 0);
            source = x;
            target = y;
        }
    }
    /* "de X" right after the noun */
    long genitive = -1;
    if (source < 0 && after < c->b && (word_class(doc, d, after) & W_GENITIVE)) {
        uint32_t at = after + 1;
        if (at < c->b && (word_class(doc, d, at) & W_ARTICLE))
            at++;
        genitive = ev_first_actor(doc, at, at + 1, 0);
        if (!gen_target)
            source = genitive;
    }
    /* "X's attack" (the article test saw the clitic, not an article) */
    if (source < 0 && ts >= 2 && (doc->tok[ts - 1].flags & EV_TOKF_CLITIC))
        source = last_actor_in(doc, c->a, ts - 1);
    if (source < 0) {  /* "the attack by X", "l'arrestation par X" */
        source = actor_after_word(doc, d, end, c->b, "by", 2);
        if (source < 0)
            source = actor_after_word(doc, d, end, c->b, "par", 3);
    }
    if (gen_target && genitive >= 0)
        target = genitive;
    if (source < 0 || (target >= 0 && same_code(doc, source, target)))
        return EV_OK;
    if (target < 0 && !gen_target) {
        int by_object;
        target = find_target(doc, d, trig, doc->mention[source].tok_end, c->b,
                             &by_object);
        if (by_object)
            target = -1;  /* a noun has no direct object */
        if (target >= 0 && same_code(doc, source, target))
            target = -1;
    }
    uint32_t flags = trig->flags & PKT_SYM ? EV_EVENT_SYMMETRIC : 0;
    long attributed = attribution(doc, d, ts, c);
    if (attributed == -2)
        return EV_ENOMEM;
    return add_event(doc, d, trig, ts, ts + 1, source, target, flags,
                     EV_MODALITY_ASSERTED, attributed,
                     "complement of the noun", "complement of the noun");
}

/* Code the event of trigger entry `te` at token `ts` (pattern words up to
 * `end`). */
static int code_trigger(ev_doc *doc, const ev_dict *d, const pk_entry *trig,
                        uint32_t ts, uint32_t end)
{
    clause c = clause_of(doc, d, ts, end);
    /* Passive: "été", "been", "was" just before the trigger. */
    int passive = 0;
    for (uint32_t i = ts; i-- > c.a && i + 3 > ts;)
        if (word_class(doc, d, i) & W_PASSIVE) {
            const ev_token *t = &doc->tok[ts];
            passive = !(t->fold.n > 3 &&
                        memcmp(t->fold.p + t->fold.n - 3, "ing", 3) == 0);
            break;
        }
    /* Source: the subject; for a nominalisation, its own complement
     * ("l'attaque de X", "X's attack", "la rencontre entre X et Y"). */
    long source = -1;
    const char *swhy = "subject: last actor before the verb in its clause";
    if (c.left_kind == W_RELATIVE && c.a >= 2) {
        source = last_actor_in(doc, doc->sent[doc->tok[ts].sentence].tok_start,
                               c.a - 1);
        swhy = "antecedent of the relative pronoun";
    }
    if (source < 0) {
        source = last_actor_in(doc, c.a, ts);
        swhy = "subject: last actor before the verb in its clause";
    }
    /* A subject pronoun right before the verb (auxiliaries and negation
     * between: "il a rencontré", "il n'a pas"): not an impersonal "il
     * convient", which has the verb right after and no actor before. */
    for (uint32_t i = ts; source < 0 && i-- > c.a && i + 4 > ts;)
        if (doc->lex && ev_lex_find(&doc->lex->pron, doc->tok[i].key.p,
                                    doc->tok[i].key.n) == EV_PRON_SINGULAR &&
            i + 1 < ts) {
            source = ev_resolve_pronoun(doc, i);
            swhy = "subject pronoun, resolved to its antecedent";
        }
    if (source == -2)
        return EV_ENOMEM;
    long other = source >= 0 ? coordinated(doc, d, source, c.a) : -1;
    /* Targets are looked for from the verb on: "appeler X à la
     * libération", "exprimer sa gratitude à X". */
    int by_object;
    long target = find_target(doc, d, trig, ts + 1, c.b, &by_object);
    const char *twhy = by_object ? "object: first actor after the verb"
                                 : "after the pattern's preposition";
    if (passive && (by_object || target < 0)) {
        swhy = "agent of the passive (par/by)";
        twhy = "subject of the passive";
        /* The subject underwent it; "par X" / "by X" did it. */
        long agent = actor_after_word(doc, d, end, c.b, "par", 3);
        if (agent < 0)
            agent = actor_after_word(doc, d, end, c.b, "by", 2);
        target = source;
        source = agent;
        other = -1;
    }
    if (source < 0)
        return EV_OK;
    uint32_t flags = passive ? EV_EVENT_PASSIVE : 0;
    if (trig->flags & PKT_SYM)
        flags |= EV_EVENT_SYMMETRIC;
    /* Negation and modality just before the trigger, "pas" just after. */
    uint32_t modality = EV_MODALITY_ASSERTED;
    for (uint32_t i = ts; i-- > c.a && i + MOD_WINDOW >= ts;) {
        int cls = word_class(doc, d, i);
        if (cls & W_NEGATION)
            flags |= EV_EVENT_NEGATED;
        if (cls & W_MODAL)
            modality = EV_MODALITY_POSSIBLE;
    }
    for (uint32_t i = end; i < c.b && i < end + 2; i++)
        if (word_class(doc, d, i) & W_NEGATION)
            flags |= EV_EVENT_NEGATED;
    long attributed = attribution(doc, d, ts, &c);
    if (attributed == -2)
        return EV_ENOMEM;
    int rc;
    if (other >= 0 && target < 0 && (trig->flags & PKT_SYM)) {
        /* "La Russie et la Corée du Nord ont signé": each with the other. */
        return add_event(doc, d, trig, ts, ts + 1, other, source, flags,
                         modality, attributed, "first of two coordinated subjects",
                         "second of two coordinated subjects");
    }
    if (target >= 0 && same_code(doc, source, target))
        target = -1;
    /* A bare statement ("a souligné", "said") is no event: it reports
     * others, and attribution carries it. */
    const char *code = pk_str(d, trig->code);
    if (target < 0 && code[0] == '0' && code[1] == '1')
        return EV_OK;
    /* "X et Y ont attaqué Z": both, in text order. */
    if (other >= 0 && !(target >= 0 && same_code(doc, other, target)) &&
        (rc = add_event(doc, d, trig, ts, ts + 1, other, target, flags,
                        modality, attributed, "coordinated subject", twhy)) < 0)
        return rc;
    return add_event(doc, d, trig, ts, ts + 1, source, target, flags,
                     modality, attributed, swhy, twhy);
}

int ev_extract_events(ev_doc *doc)
{
    const ev_dict *d = doc->dict;
    if (!d || !doc->nhit)
        return EV_OK;
    doc->wclass = ev_arena_alloc(&doc->arena, doc->ntok * sizeof(int16_t));
    if (!doc->wclass)
        return EV_ENOMEM;
    memset(doc->wclass, 0xff, doc->ntok * sizeof(int16_t));  /* all -1 */
    for (size_t h = 0; h < doc->nhit;) {
        uint32_t tok = doc->hit[h].tok;
        /* All patterns headed at this token: the most specific wins. */
        const pk_entry *best = NULL;
        uint32_t best_end = 0, best_len = 0;
        size_t k = h;
        /* After an article ("l'attaque", "the attack") the word is a
         * noun: only noun-flagged patterns apply, as nominalisations.
         * Otherwise it is a verb: every pattern applies, as a verb. */
        int noun = tok > 0 && (word_class(doc, d, tok - 1) & W_ARTICLE);
        /* "au grand défilé": a determiner, one word, then the noun. */
        if (!noun && tok > 1 && doc->tok[tok - 1].kind == EV_TOK_WORD &&
            !(doc->tok[tok - 1].flags & EV_TOKF_CAP) &&
            word_class(doc, d, tok - 1) == 0 &&
            (word_class(doc, d, tok - 2) & W_ARTICLE))
            noun = 1;
        /* A capitalised trigger inside a sentence is part of a name
         * ("la Seconde Guerre mondiale"). */
        int named = (doc->tok[tok].flags & EV_TOKF_CAP) && tok > 0 &&
                    doc->tok[tok - 1].sentence == doc->tok[tok].sentence;
        for (; k < doc->nhit && doc->hit[k].tok == tok; k++) {
            const pk_entry *e = &d->ent[doc->hit[k].entry];
            uint32_t hf = doc->hit[k].flags;
            /* A noun reading needs a noun form of a noun-flagged pattern,
             * a verb reading a verb form. */
            if (e->kind != PK_TRIGGER || named ||
                (noun && (!(e->flags & PKT_NOUN) || !(hf & PKF_NOUN))) ||
                (!noun && !(hf & PKF_VERB)))
                continue;
            uint32_t end = rest_matches(doc, d, e, tok);
            uint32_t len = (uint32_t)strlen(pk_str(d, e->entity));
            if (end && (!best || len > best_len)) {
                best = e;
                best_end = end;
                best_len = len;
            }
        }
        h = k;
        if (!best || covered_by_mention(doc, tok))
            continue;
        int rc = noun ? code_noun(doc, d, best, tok, best_end, NULL)
                      : code_trigger(doc, d, best, tok, best_end);
        if (rc < 0)
            return rc;
    }
    return EV_OK;
}
