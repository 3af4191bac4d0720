#include "doc_int.h"
#include "evcode/utf8.h"
#include "evcode/dict.h"

#include <stdlib.h>
#include <string.h>

#define DEFAULT_MAX_TEXT ((size_t)64 << 20)
#define HARD_MAX_TEXT ((size_t)UINT32_MAX - 1)  /* offsets are 32-bit */

int ev_doc_new(ev_doc **out, const ev_doc_options *opts)
{
    ev_doc_options o = EV_DOC_OPTIONS_INIT;
    if (opts) {
        if (opts->version != EV_DOC_OPTIONS_VERSION)
            return EV_EINVAL;
        o = *opts;
    }
    if (!o.max_text)
        o.max_text = DEFAULT_MAX_TEXT;
    if (o.max_text > HARD_MAX_TEXT)
        o.max_text = HARD_MAX_TEXT;
    ev_doc *d = ev_mem_alloc(o.alloc, sizeof(*d));
    if (!d)
        return EV_ENOMEM;
    memset(d, 0, sizeof(*d));
    d->opts = o;
    ev_arena_init(&d->arena, o.alloc, 64 * 1024, 0);
    *out = d;
    return EV_OK;
}

void ev_doc_free(ev_doc *doc)
{
    if (!doc)
        return;
    const ev_alloc *alc = doc->opts.alloc;
    ev_arena_clear(&doc->arena);
    ev_mem_free(alc, doc->tok);
    ev_mem_free(alc, doc->sent);
    ev_mem_free(alc, doc->quote);
    ev_mem_free(alc, doc->mention);
    ev_mem_free(alc, doc->hit);
    ev_mem_free(alc, doc->event);
    ev_mem_free(alc, doc);
}

static void reset(ev_doc *doc)
{
    ev_arena_reset(&doc->arena);
    doc->text = doc->id = doc->date = (ev_slice){NULL, 0};
    doc->title = doc->source = doc->url = (ev_slice){NULL, 0};
    doc->lang[0] = '\0';
    doc->date_invalid = 0;
    doc->lex = NULL;
    doc->ntok = doc->nsent = doc->nquote = doc->nmention = 0;
    doc->nhit = doc->nevent = 0;
    doc->wclass = NULL;
}

static int digits(const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] < '0' || p[i] > '9')
            return 0;
    return 1;
}

static int num(const char *p, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++)
        v = v * 10 + (p[i] - '0');
    return v;
}

/* Is `d` an ISO 8601 date, YYYY-MM-DD, optionally followed by 'T' or a
 * space and a time of day ("2013-02-12T04:30:00-02:00")? */
static int iso_date_ok(ev_slice d)
{
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const char *p = d.p;
    if (d.n < 10 || !digits(p, 4) || p[4] != '-' || !digits(p + 5, 2) ||
        p[7] != '-' || !digits(p + 8, 2))
        return 0;
    int y = num(p, 4), m = num(p + 5, 2), day = num(p + 8, 2);
    if (m < 1 || m > 12 || day < 1 || day > mdays[m - 1])
        return 0;
    if (m == 2 && day == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
        return 0;
    if (d.n == 10)
        return 1;
    if ((p[10] != 'T' && p[10] != ' ') || d.n < 13 || !digits(p + 11, 2))
        return 0;
    for (size_t i = 13; i < d.n; i++)
        if (!strchr("0123456789:.+-Z", p[i]))
            return 0;
    return 1;
}

static int copy(ev_doc *doc, ev_slice in, ev_slice *out)
{
    if (!in.n) {
        *out = (ev_slice){"", 0};
        return EV_OK;
    }
    char *p = ev_arena_memdup(&doc->arena, in.p, in.n);
    if (!p)
        return EV_ENOMEM;
    *out = (ev_slice){p, in.n};
    return EV_OK;
}

static void set_lang(ev_doc *doc, ev_slice lang)
{
    size_t k = 0;
    /* Keep the primary subtag, lower-cased: "fr-FR" -> "fr". */
    for (size_t i = 0; i < lang.n && k + 1 < sizeof(doc->lang); i++) {
        char c = lang.p[i];
        if (c == '-' || c == '_')
            break;
        if (!((c | 32) >= 'a' && (c | 32) <= 'z'))
            break;
        doc->lang[k++] = (char)(c | 32);
    }
    doc->lang[k] = '\0';
    if (k == 0 || strcmp(doc->lang, "auto") == 0) {
        const char *d = ev_lang_detect(doc->text.p, doc->text.n);
        memcpy(doc->lang, d, strlen(d) + 1);
    }
    doc->lex = ev_lex_lang_find(doc->lang, strlen(doc->lang));
    doc->dict = NULL;
    for (size_t i = 0; i < doc->opts.ndicts; i++)
        if (doc->opts.dicts[i] &&
            strcmp(ev_dict_lang(doc->opts.dicts[i]), doc->lang) == 0)
            doc->dict = doc->opts.dicts[i];
}

static void set_err(ev_err *err, int code, const char *msg, size_t pos)
{
    if (!err)
        return;
    memset(err, 0, sizeof(*err));
    err->code = code;
    err->msg = msg;
    err->byte_pos = pos;
}

int ev_doc_code(ev_doc *doc, const ev_input *in, ev_err *err)
{
    int rc;
    size_t bad;
    reset(doc);
    if (in->text.n > doc->opts.max_text) {
        set_err(err, EV_ETOOBIG, "text exceeds the size limit", doc->opts.max_text);
        return EV_ETOOBIG;
    }
    if (ev_utf8_validate(in->text.p, in->text.n, &bad) < 0) {
        set_err(err, EV_EINVAL_UTF8, "invalid UTF-8", bad);
        return EV_EINVAL_UTF8;
    }
    doc->text = in->text.n ? in->text : (ev_slice){"", 0};
    if ((rc = copy(doc, in->id, &doc->id)) < 0 ||
        (rc = copy(doc, in->title, &doc->title)) < 0 ||
        (rc = copy(doc, in->source, &doc->source)) < 0 ||
        (rc = copy(doc, in->url, &doc->url)) < 0)
        goto out;
    if (in->date.n) {
        if (iso_date_ok(in->date)) {
            if ((rc = copy(doc, in->date, &doc->date)) < 0)
                goto out;
        } else {
            doc->date_invalid = 1;
        }
    }
    set_lang(doc, in->lang);
    if ((rc = ev_tokenize(doc)) < 0 || (rc = ev_segment(doc)) < 0 ||
        (rc = ev_extract_time(doc)) < 0 || (rc = ev_extract_qty(doc)) < 0 ||
        (rc = ev_extract_actors(doc)) < 0 ||
        (rc = ev_attribute_quotes(doc)) < 0 ||
        (rc = ev_extract_events(doc)) < 0 ||
        (rc = ev_mentions_finish(doc)) < 0)
        goto out;
    return EV_OK;
out:
    set_err(err, rc, ev_strerror(rc), 0);
    reset(doc);
    return rc;
}

ev_slice ev_doc_text(const ev_doc *doc) { return doc->text; }
ev_slice ev_doc_id(const ev_doc *doc) { return doc->id; }
const char *ev_doc_lang(const ev_doc *doc) { return doc->lang; }
ev_slice ev_doc_date(const ev_doc *doc) { return doc->date; }
int ev_doc_date_invalid(const ev_doc *doc) { return doc->date_invalid; }

ev_slice ev_doc_meta(const ev_doc *doc, const char *name)
{
    if (strcmp(name, "title") == 0)
        return doc->title;
    if (strcmp(name, "source") == 0)
        return doc->source;
    if (strcmp(name, "url") == 0)
        return doc->url;
    return (ev_slice){"", 0};
}

const ev_token *ev_doc_tokens(const ev_doc *doc, size_t *n)
{
    *n = doc->ntok;
    return doc->tok;
}

const ev_sentence *ev_doc_sentences(const ev_doc *doc, size_t *n)
{
    *n = doc->nsent;
    return doc->sent;
}

const ev_quote *ev_doc_quotes(const ev_doc *doc, size_t *n)
{
    *n = doc->nquote;
    return doc->quote;
}

const ev_mention *ev_doc_mentions(const ev_doc *doc, size_t *n)
{
    *n = doc->nmention;
    return doc->mention;
}

ev_mention *ev_doc_add_mention(ev_doc *doc, ev_mention_kind kind,
                               size_t tok_start, size_t tok_end,
                               const char *rule)
{
    if (tok_start >= tok_end || tok_end > doc->ntok ||
        ev_vec_reserve(doc->opts.alloc, (void **)&doc->mention,
                       &doc->capmention, doc->nmention + 1,
                       sizeof(ev_mention)) < 0)
        return NULL;
    ev_mention *m = &doc->mention[doc->nmention++];
    const ev_token *a = &doc->tok[tok_start], *b = &doc->tok[tok_end - 1];
    memset(m, 0, sizeof(*m));
    m->kind = (uint32_t)kind;
    m->tok_start = (uint32_t)tok_start;
    m->tok_end = (uint32_t)tok_end;
    m->start = a->start;
    m->end = b->end;
    m->cp_start = a->cp_start;
    m->cp_end = b->cp_end;
    m->sentence = a->sentence;
    m->rule = (ev_slice){rule, strlen(rule)};
    if (kind == EV_MENTION_QUANTITY)
        m->u.qty.of = -1;
    return m;
}

typedef struct {
    uint32_t start, end, index;
} mention_key;

static int cmp_mention(const void *x, const void *y)
{
    const mention_key *a = x, *b = y;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    if (a->end != b->end)
        return a->end > b->end ? -1 : 1;  /* longer first */
    return a->index < b->index ? -1 : a->index > b->index;
}

int ev_mentions_finish(ev_doc *doc)
{
    size_t n = doc->nmention;
    if (n < 2)
        return EV_OK;
    mention_key *keys = ev_arena_alloc(&doc->arena, n * sizeof(*keys));
    uint32_t *where = ev_arena_alloc(&doc->arena, n * sizeof(*where));
    ev_mention *copy = ev_arena_alloc(&doc->arena, n * sizeof(*copy));
    if (!keys || !where || !copy)
        return EV_ENOMEM;
    for (size_t i = 0; i < n; i++)
        keys[i] = (mention_key){doc->mention[i].start, doc->mention[i].end,
                                (uint32_t)i};
    qsort(keys, n, sizeof(*keys), cmp_mention);
    memcpy(copy, doc->mention, n * sizeof(*copy));
    for (size_t i = 0; i < n; i++) {
        where[keys[i].index] = (uint32_t)i;
        doc->mention[i] = copy[keys[i].index];
    }
    for (size_t i = 0; i < n; i++) {
        ev_mention *m = &doc->mention[i];
        if (m->kind == EV_MENTION_QUANTITY && m->u.qty.of >= 0 &&
            (size_t)m->u.qty.of < n)
            m->u.qty.of = (int32_t)where[m->u.qty.of];
    }
    for (size_t i = 0; i < doc->nquote; i++) {
        ev_quote *q = &doc->quote[i];
        if (q->speaker >= 0 && (size_t)q->speaker < n)
            q->speaker = (int32_t)where[q->speaker];
    }
    for (size_t i = 0; i < doc->nevent; i++) {
        ev_event *e = &doc->event[i];
        int32_t *refs[] = {&e->source, &e->target, &e->attributed_to,
                           &e->date, &e->place};
        for (size_t r = 0; r < 5; r++)
            if (*refs[r] >= 0 && (size_t)*refs[r] < n)
                *refs[r] = (int32_t)where[*refs[r]];
    }
    return EV_OK;
}

const ev_event *ev_doc_events(const ev_doc *doc, size_t *n)
{
    *n = doc->nevent;
    return doc->event;
}

int ev_doc_add_hit(ev_doc *doc, uint32_t tok, uint32_t entry, uint32_t flags)
{
    for (size_t k = doc->nhit; k-- > 0 && doc->hit[k].tok == tok;)
        if (doc->hit[k].entry == entry) {
            doc->hit[k].flags |= flags;
            return EV_OK;
        }
    if (doc->nhit == doc->caphit &&
        ev_vec_reserve(doc->opts.alloc, (void **)&doc->hit, &doc->caphit,
                       doc->nhit + 1, sizeof(ev_hit)) < 0)
        return EV_ENOMEM;
    doc->hit[doc->nhit++] = (ev_hit){tok, entry, flags};
    return EV_OK;
}

long ev_first_actor(const ev_doc *doc, uint32_t a, uint32_t b, int person_only)
{
    long best = -1;
    for (size_t k = 0; k < doc->nmention; k++) {
        const ev_mention *m = &doc->mention[k];
        if (m->kind != EV_MENTION_ACTOR || m->tok_start < a ||
            m->tok_start >= b ||
            (person_only && !(m->u.actor.flags & EV_ACTOR_PERSON)))
            continue;
        if (best < 0 || m->tok_start < doc->mention[best].tok_start)
            best = (long)k;
    }
    return best;
}
