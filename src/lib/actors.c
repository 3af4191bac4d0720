/* Actors and places: match the language pack over the tokens, then
 * resolve what the matches mean.
 *
 * Matching is one left-to-right pass over the accent-folded token keys:
 * at each word, the pack's hash gives the phrases starting with it,
 * longest first; the longest phrase that matches wins (leftmost-longest),
 * and every entry with that same phrase becomes a candidate. Proper names
 * need a capitalised first token, names written in capitals need
 * capitals in the text, and no match crosses a sentence.
 *
 * Resolving, in text order:
 * - an agent next to a demonym ("l'armée nord-coréenne", "Russian
 *   troops"), or joined to a country by a genitive ("les soldats de la
 *   Corée du Nord", "Ukraine's President"), is one actor: the country's
 *   code plus the agent's role (PRKMIL);
 * - a person takes the code of the role they held on the publication date
 *   (the latest role when there is no date; COUNTRY+ELI outside their
 *   roles);
 * - a capital that is both a metonym and a city is a place after a
 *   locative preposition ("à Pékin") and its government or country
 *   otherwise ("entre Moscou et Pyongyang");
 * - a city name shared by several places goes to the one in a country the
 *   document mentions, else to the most populous;
 * - once a person is named in full, a later capitalised word of that name
 *   alone ("Kim") is the same person.
 * Lone agents and lone demonyms give no mention. */
#include "dict_int.h"
#include "doc_int.h"

#include <stdio.h>
#include <string.h>

typedef struct {
    uint32_t a, b;        /* tokens [a, b) */
    uint32_t *ent;        /* candidate entries */
    uint32_t n;
    int used;             /* consumed by a composition */
} match;


static int token_case_ok(const ev_token *t, uint32_t flags)
{
    if ((flags & PKF_CAPS) && !(t->flags & EV_TOKF_UPPER))
        return 0;
    if ((flags & PKF_PROPER) && !(t->flags & (EV_TOKF_CAP | EV_TOKF_UPPER)))
        return 0;
    return 1;
}

/* The classes (PKW_*) of the small word at token `i` (0 when none). */
static uint32_t prep_at(const ev_doc *doc, const ev_dict *d, size_t i)
{
    if (i >= doc->ntok || doc->tok[i].kind != EV_TOK_WORD)
        return 0;
    return ev_dict_word_class(d, doc->tok[i].fold.p, doc->tok[i].fold.n);
}

/* Find every match; store them in `*out` (arena). */
static int find_matches(ev_doc *doc, const ev_dict *d, match **out,
                        size_t *nout)
{
    size_t cap = 64, n = 0;
    match *m = ev_arena_alloc(&doc->arena, cap * sizeof(*m));
    uint32_t cand[64];
    if (!m)
        return EV_ENOMEM;
    for (size_t i = 0; i < doc->ntok;) {
        const ev_token *t = &doc->tok[i];
        const pk_bucket *b = t->kind == EV_TOK_WORD
                                 ? ev_dict_find(d, t->fold.p, t->fold.n)
                                 : NULL;
        if (b && !(b->len & PKB_LOWER) &&
            !(t->flags & (EV_TOKF_CAP | EV_TOKF_UPPER)))
            b = NULL;  /* only proper names start with this word */
        uint32_t best = 0, nc = 0;
        for (uint32_t k = 0; b && k < PKB_LEN(b->len); k++) {
            const pk_phrase *p = &d->phr[d->lst[b->list + k]];
            if (best && p->ntok < best)
                break;
            uint32_t kind = PKF_KIND(p->flags);
            if (kind == PK_TRIGGER || kind == PK_SPEECH) {
                /* Event triggers and speech words: recorded for the event
                 * stage (their heads are one word). */
                if (p->ntok == 1 &&
                    ev_doc_add_hit(doc, (uint32_t)i, p->entry,
                                   p->flags & (PKF_VERB | PKF_NOUN)) < 0)
                    return EV_ENOMEM;
                continue;
            }
            if (kind == PK_PREP || kind == PK_LEMMA || kind == PK_CAMEO ||
                kind == PK_CONTRACT ||
                (p->flags & PKF_COMMON) || i + p->ntok > doc->ntok ||
                !token_case_ok(t, p->flags))
                continue;
            uint32_t j = 1;
            for (; j < p->ntok; j++) {
                const ev_token *u = &doc->tok[i + j];
                const char *key = pk_str(d, d->key[p->keys + j]);
                if (u->sentence != t->sentence ||
                    !pk_key_eq(key, u->fold.p, u->fold.n))
                    break;
                if ((p->flags & PKF_CAPS) && u->kind == EV_TOK_WORD &&
                    !(u->flags & EV_TOKF_UPPER) && u->end - u->start > 1)
                    break;
                if ((p->flags & PKF_TITLED) && u->kind == EV_TOK_WORD &&
                    !(u->flags & (EV_TOKF_CAP | EV_TOKF_UPPER)))
                    break;
            }
            if (j < p->ntok)
                continue;
            best = p->ntok;
            int dup = 0;
            for (uint32_t c = 0; c < nc; c++)
                dup |= cand[c] == p->entry;
            if (!dup && nc < 64)
                cand[nc++] = p->entry;
        }
        if (!best) {
            i++;
            continue;
        }
        if (n == cap) {
            match *bigger = ev_arena_alloc(&doc->arena, 2 * cap * sizeof(*m));
            if (!bigger)
                return EV_ENOMEM;
            memcpy(bigger, m, n * sizeof(*m));
            m = bigger;
            cap *= 2;
        }
        m[n].a = (uint32_t)i;
        m[n].b = (uint32_t)(i + best);
        m[n].n = nc;
        m[n].used = 0;
        m[n].ent = ev_arena_alloc(&doc->arena, nc * sizeof(uint32_t));
        if (!m[n].ent)
            return EV_ENOMEM;
        memcpy(m[n].ent, cand, nc * sizeof(uint32_t));
        n++;
        i += best;
    }
    *out = m;
    *nout = n;
    return EV_OK;
}

/* The first candidate of `m` of kind `kind`, or NULL. */
static const pk_entry *cand(const ev_dict *d, const match *m, uint32_t kind)
{
    for (uint32_t k = 0; k < m->n; k++)
        if (d->ent[m->ent[k]].kind == kind)
            return &d->ent[m->ent[k]];
    return NULL;
}

/* Publication date as YYYYMMDD, or 0. */
static int32_t doc_day(const ev_doc *doc)
{
    const char *p = doc->date.p;
    if (doc->date.n < 10)
        return 0;
    int32_t v = 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7)
            v = v * 10 + (p[i] - '0');
    return v;
}

static ev_slice str_slice(const ev_dict *d, uint32_t off)
{
    const char *s = pk_str(d, off);
    return (ev_slice){s, strlen(s)};
}

/* Split a CAMEO code into country (first three letters) and role. */
static void set_code(ev_actor *a, ev_slice code)
{
    a->code = code;
    a->country = (ev_slice){code.p, code.n >= 3 ? 3 : code.n};
    a->role = (ev_slice){code.p + a->country.n, code.n - a->country.n};
}

/* A code made of a country and a role, in the arena. */
static ev_slice compose(ev_doc *doc, const char *country, const char *role)
{
    size_t a = strlen(country), b = strlen(role);
    char *p = ev_arena_alloc(&doc->arena, a + b + 1);
    if (!p)
        return (ev_slice){NULL, 0};
    memcpy(p, country, a);
    memcpy(p + a, role, b);
    p[a + b] = '\0';
    return (ev_slice){p, a + b};
}

/* "RULE1+RULE2" in the arena, for composed mentions. */
static const char *join_rules(ev_doc *doc, const char *x, const char *y)
{
    size_t a = strlen(x), b = strlen(y);
    char *p = ev_arena_alloc(&doc->arena, a + b + 2);
    if (!p)
        return NULL;
    memcpy(p, x, a);
    p[a] = '+';
    memcpy(p + a + 1, y, b + 1);
    return p;
}

/* The code of person `e` on day `day`. */
static ev_slice person_code(ev_doc *doc, const ev_dict *d, const pk_entry *e,
                            int32_t day)
{
    const pk_role *r = &d->role[e->roles], *pick = NULL, *latest = r;
    for (uint32_t k = 0; k < e->nroles; k++) {
        if (r[k].from > latest->from)
            latest = &r[k];
        if (day && r[k].from <= day && day <= r[k].to && !pick)
            pick = &r[k];
    }
    if (!day)
        pick = latest;
    if (pick)
        return str_slice(d, pick->code);
    /* Outside every role: an elite of the country of the nearest one. */
    char country[4] = {0};
    memcpy(country, pk_str(d, latest->code), 3);
    return compose(doc, country, "ELI");
}

static int add_actor(ev_doc *doc, uint32_t a, uint32_t b, ev_slice code,
                     ev_slice name, ev_slice entity, const char *rule)
{
    if (!code.p || !rule)
        return EV_ENOMEM;
    ev_mention *m = ev_doc_add_mention(doc, EV_MENTION_ACTOR, a, b, rule);
    if (!m)
        return EV_ENOMEM;
    set_code(&m->u.actor, code);
    m->u.actor.name = name;
    m->u.actor.entity = entity;
    return EV_OK;
}

static int add_place(ev_doc *doc, const ev_dict *d, const match *mt,
                     const pk_entry *e)
{
    ev_mention *m = ev_doc_add_mention(doc, EV_MENTION_PLACE, mt->a, mt->b,
                                       pk_str(d, e->source));
    if (!m)
        return EV_ENOMEM;
    m->u.place.name = str_slice(d, e->name);
    m->u.place.country = str_slice(d, e->country);
    m->u.place.lat = e->lat;
    m->u.place.lon = e->lon;
    m->u.place.geonames = e->geonames;
    return EV_OK;
}

/* The place among the candidates of `m`: in a country the document
 * mentions, else the most populous. */
static const pk_entry *best_place(const ev_dict *d, const match *m,
                                  const char *countries, size_t ncountries)
{
    const pk_entry *best = NULL;
    int best_known = 0;
    for (uint32_t k = 0; k < m->n; k++) {
        const pk_entry *e = &d->ent[m->ent[k]];
        if (e->kind != PK_PLACE)
            continue;
        const char *c = pk_str(d, e->country);
        int known = 0;
        for (size_t i = 0; i < ncountries; i++)
            known |= memcmp(countries + 3 * i, c, 3) == 0;
        if (!best || known > best_known ||
            (known == best_known && e->population > best->population)) {
            best = e;
            best_known = known;
        }
    }
    return best;
}

/* Index of the match starting at token `tok` (from `from` on), or -1. */
static long match_at(const match *m, size_t n, size_t from, uint32_t tok)
{
    for (size_t k = from; k < n && m[k].a <= tok; k++)
        if (m[k].a == tok)
            return (long)k;
    return -1;
}

/* Compose agent match `k` with a country on its right, or with a
 * demonym just before it. Returns 1 when a mention was made. */
static int compose_agent(ev_doc *doc, const ev_dict *d, match *m, size_t n,
                         size_t k, int *rc)
{
    const pk_entry *ag = cand(d, &m[k], PK_AGENT);
    const char *role = pk_str(d, ag->role);
    /* Right: demonym, possibly after one lower-case word
     * ("l'armée régulière russe"). */
    for (uint32_t skip = 0; skip <= 1; skip++) {
        uint32_t at = m[k].b + skip;
        if (skip && (at - 1 >= doc->ntok || doc->tok[at - 1].kind != EV_TOK_WORD ||
                     (doc->tok[at - 1].flags & EV_TOKF_CAP) ||
                     prep_at(doc, d, at - 1)))
            break;
        long j = match_at(m, n, k + 1, at);
        const pk_entry *dem = j >= 0 ? cand(d, &m[j], PK_DEMONYM) : NULL;
        if (dem) {
            m[j].used = 1;
            *rc = add_actor(doc, m[k].a, m[j].b,
                            compose(doc, pk_str(d, dem->country), role),
                            (ev_slice){"", 0}, (ev_slice){"", 0},
                            join_rules(doc, pk_str(d, ag->source),
                                       pk_str(d, dem->source)));
            return 1;
        }
    }
    /* Right: genitive and a country ("soldats de la Corée du Nord"). */
    uint32_t at = m[k].b;
    if (prep_at(doc, d, at) & PKW_GENITIVE) {
        at++;
        if (prep_at(doc, d, at) & PKW_ARTICLE)
            at++;
        long j = match_at(m, n, k + 1, at);
        const pk_entry *c = j >= 0 ? cand(d, &m[j], PK_COUNTRY) : NULL;
        if (!c && j >= 0)
            c = cand(d, &m[j], PK_METONYM);
        if (c) {
            m[j].used = 1;
            char country[4] = {0};
            memcpy(country, pk_str(d, c->country), 3);
            *rc = add_actor(doc, m[k].a, m[j].b, compose(doc, country, role),
                            (ev_slice){"", 0}, (ev_slice){"", 0},
                            join_rules(doc, pk_str(d, ag->source),
                                       pk_str(d, c->source)));
            return 1;
        }
    }
    return 0;
}

/* A demonym or country just before an agent: "Russian troops", "U.S.
 * officials", "Ukraine's President". Returns 1 when a mention was made. */
static int compose_before(ev_doc *doc, const ev_dict *d, match *m, size_t n,
                          size_t k, int *rc)
{
    const pk_entry *left = cand(d, &m[k], PK_DEMONYM);
    if (!left)
        left = cand(d, &m[k], PK_COUNTRY);
    if (!left)
        return 0;
    uint32_t at = m[k].b;
    /* "Ukraine's": the enclitic 's between country and agent. */
    if (at < doc->ntok && (doc->tok[at].flags & EV_TOKF_CLITIC) &&
        doc->tok[at].fold.n == 2 && memcmp(doc->tok[at].fold.p, "'s", 2) == 0)
        at++;
    long j = match_at(m, n, k + 1, at);
    const pk_entry *ag = j >= 0 ? cand(d, &m[j], PK_AGENT) : NULL;
    if (!ag)
        return 0;
    m[j].used = 1;
    char country[4] = {0};
    memcpy(country, pk_str(d, left->country), 3);
    *rc = add_actor(doc, m[k].a, m[j].b,
                    compose(doc, country, pk_str(d, ag->role)),
                    (ev_slice){"", 0}, (ev_slice){"", 0},
                    join_rules(doc, pk_str(d, left->source),
                               pk_str(d, ag->source)));
    return 1;
}

/* Is match `m` the first word of its sentence (or of a quote)? */
static int sentence_initial(const ev_doc *doc, const match *m)
{
    if (m->a == 0)
        return 1;
    const ev_token *prev = &doc->tok[m->a - 1];
    return prev->sentence != doc->tok[m->a].sentence ||
           (prev->kind == EV_TOK_QUOTE && (prev->flags & EV_TOKF_OPEN));
}

static int in_longer_name(const ev_doc *doc, const match *m);

/* Make the mention of a single (uncomposed) match. */
static int resolve_one(ev_doc *doc, const ev_dict *d, const match *m,
                       int32_t day, const char *countries, size_t ncountries,
                       uint32_t *people, size_t *npeople, size_t maxpeople)
{
    const pk_entry *person = cand(d, m, PK_PERSON);
    const pk_entry *org = cand(d, m, PK_ORG);
    const pk_entry *country = cand(d, m, PK_COUNTRY);
    const pk_entry *meto = cand(d, m, PK_METONYM);
    const pk_entry *agent = cand(d, m, PK_AGENT);
    const pk_entry *dem = cand(d, m, PK_DEMONYM);
    const pk_entry *place = best_place(d, m, countries, ncountries);
    /* A common noun capitalised at the start of a sentence is not a
     * proper name ("Police said..."). */
    if ((agent || dem) && sentence_initial(doc, m) && m->b - m->a == 1)
        return EV_OK;
    /* A lone demonym stands for its country ("les efforts de guerre
     * russes", "Russian interests"). */
    if (dem && !person && !org && !country && !meto)
        return add_actor(doc, m->a, m->b, str_slice(d, dem->country),
                         (ev_slice){"", 0}, str_slice(d, dem->country),
                         pk_str(d, dem->source));
    if (person) {
        int rc = add_actor(doc, m->a, m->b, person_code(doc, d, person, day),
                           str_slice(d, person->name),
                           str_slice(d, person->entity),
                           pk_str(d, person->source));
        if (rc == EV_OK)
            doc->mention[doc->nmention - 1].u.actor.flags |= EV_ACTOR_PERSON;
        /* Remember people named in two words or more, for coreference. */
        if (rc == EV_OK && m->b - m->a >= 2 && *npeople < maxpeople)
            people[(*npeople)++] = (uint32_t)(doc->nmention - 1);
        return rc;
    }
    if (org)
        return add_actor(doc, m->a, m->b, str_slice(d, org->code),
                         str_slice(d, org->name), str_slice(d, org->entity),
                         pk_str(d, org->source));
    if (country)
        return add_actor(doc, m->a, m->b, str_slice(d, country->code),
                         str_slice(d, country->name), str_slice(d, country->code),
                         pk_str(d, country->source));
    if (meto && place && m->a > 0) {
        uint32_t before = m->a - 1;
        if (before > 0 && (prep_at(doc, d, before) & PKW_ARTICLE))
            before--;
        if (prep_at(doc, d, before) & PKW_LOCATIVE)
            return add_place(doc, d, m, place);
    }
    if (meto)
        return add_actor(doc, m->a, m->b, str_slice(d, meto->code),
                         str_slice(d, meto->name), (ev_slice){"", 0},
                         pk_str(d, meto->source));
    if (place && !in_longer_name(doc, m))
        return add_place(doc, d, m, place);
    return EV_OK;
}

static int cap_word(const ev_token *t)
{
    return t->kind == EV_TOK_WORD && (t->flags & (EV_TOKF_CAP | EV_TOKF_UPPER));
}

/* Is one-word match `m` glued to another capitalised word, so that it is
 * part of a longer name ("Nancy Pelosi", "Paris Saint-Germain")? */
static int in_longer_name(const ev_doc *doc, const match *m)
{
    if (m->b - m->a != 1)
        return 0;
    const ev_token *t = &doc->tok[m->a];
    if (m->b < doc->ntok && cap_word(&doc->tok[m->b]) &&
        doc->tok[m->b].sentence == t->sentence)
        return 1;
    return !sentence_initial(doc, m) && cap_word(&doc->tok[m->a - 1]);
}

/* Does the word at token `i` start an agent or a preposition phrase of
 * one word ("Queen", "President", "The")? Such words are titles, not
 * names. */
static int title_word(const ev_dict *d, const ev_token *t)
{
    const pk_bucket *b = ev_dict_find(d, t->fold.p, t->fold.n);
    for (uint32_t k = 0; b && k < PKB_LEN(b->len); k++) {
        const pk_phrase *p = &d->phr[d->lst[b->list + k]];
        uint32_t kind = PKF_KIND(p->flags);
        if (p->ntok == 1 && (kind == PK_AGENT || kind == PK_PREP))
            return 1;
    }
    return 0;
}

/* Coreference: a capitalised word of a person named in full earlier or
 * later ("Kim" for "Kim Jong-un"), alone, is that person, unless the
 * word belongs to two different people or is a title. `people` holds the
 * indexes of person mentions of two words or more. */
static int resolve_names(ev_doc *doc, const ev_dict *d, const uint32_t *people,
                         size_t np)
{
    if (!np)
        return EV_OK;
    uint8_t *covered = ev_arena_alloc(&doc->arena, doc->ntok + 1);
    if (!covered)
        return EV_ENOMEM;
    memset(covered, 0, doc->ntok + 1);
    for (size_t k = 0; k < doc->nmention; k++)
        for (uint32_t t = doc->mention[k].tok_start; t < doc->mention[k].tok_end;
             t++)
            covered[t] = 1;
    for (size_t i = 0; i < doc->ntok; i++) {
        const ev_token *t = &doc->tok[i];
        if (covered[i] || t->kind != EV_TOK_WORD || !(t->flags & EV_TOKF_CAP) ||
            t->fold.n < 3)
            continue;
        const ev_mention *found = NULL;
        int ambiguous = 0;
        for (size_t q = 0; q < np && !ambiguous; q++) {
            const ev_mention *m = &doc->mention[people[q]];
            for (uint32_t u = m->tok_start; u < m->tok_end; u++) {
                const ev_token *w = &doc->tok[u];
                if (w->fold.n == t->fold.n &&
                    memcmp(w->fold.p, t->fold.p, t->fold.n) == 0) {
                    if (found && (found->u.actor.entity.n !=
                                      m->u.actor.entity.n ||
                                  memcmp(found->u.actor.entity.p,
                                         m->u.actor.entity.p,
                                         m->u.actor.entity.n) != 0))
                        ambiguous = 1;
                    found = m;
                    break;
                }
            }
        }
        if (!found || ambiguous || title_word(d, t))
            continue;
        ev_actor a = found->u.actor;
        ev_mention *m = ev_doc_add_mention(doc, EV_MENTION_ACTOR, i, i + 1,
                                           "coref:name");
        if (!m)
            return EV_ENOMEM;
        m->u.actor = a;
    }
    return EV_OK;
}

int ev_extract_actors(ev_doc *doc)
{
    const ev_dict *d = doc->dict;
    if (!d || !doc->ntok)
        return EV_OK;
    match *m;
    size_t n;
    int rc = find_matches(doc, d, &m, &n);
    if (rc < 0)
        return rc;
    /* Countries the document mentions, to choose among same-named places. */
    char *countries = ev_arena_alloc(&doc->arena, 3 * n + 1);
    size_t nc = 0;
    if (!countries)
        return EV_ENOMEM;
    for (size_t k = 0; k < n; k++) {
        for (uint32_t c = 0; c < m[k].n; c++) {
            const pk_entry *e = &d->ent[m[k].ent[c]];
            if (e->kind == PK_PLACE || e->kind == PK_AGENT || !e->country)
                continue;
            const char *code = pk_str(d, e->country);
            if (strlen(code) >= 3) {
                memcpy(countries + 3 * nc++, code, 3);
                break;
            }
        }
    }
    size_t npeople = 0;
    uint32_t *people = ev_arena_alloc(&doc->arena, (n + 1) * sizeof(uint32_t));
    if (!people)
        return EV_ENOMEM;
    int32_t day = doc_day(doc);
    for (size_t k = 0; k < n && rc == EV_OK; k++) {
        if (m[k].used)
            continue;
        if (cand(d, &m[k], PK_AGENT) && compose_agent(doc, d, m, n, k, &rc))
            continue;
        if (compose_before(doc, d, m, n, k, &rc))
            continue;
        if (cand(d, &m[k], PK_AGENT) && !cand(d, &m[k], PK_PERSON) &&
            !cand(d, &m[k], PK_ORG) && !cand(d, &m[k], PK_COUNTRY) &&
            !cand(d, &m[k], PK_PLACE) && !cand(d, &m[k], PK_METONYM))
            continue;  /* a lone agent */
        rc = resolve_one(doc, d, &m[k], day, countries, nc, people, &npeople,
                         n + 1);
    }
    return rc < 0 ? rc : resolve_names(doc, d, people, npeople);
}
