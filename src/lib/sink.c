/* Sinks: one interface, one implementation per output format. */
#include "evcode/sink.h"
#include "../util/arena.h"
#include "../util/buf.h"

#include <stdio.h>
#include <string.h>

#define FLUSH_AT ((size_t)1 << 16)

typedef struct ev_sink_vtable {
    int (*write)(ev_sink *s, const ev_doc *doc, ev_err *err);
} ev_sink_vtable;

struct ev_sink {
    const ev_sink_vtable *vt;
    ev_write_fn out;
    void *payload;
    ev_buf buf;
    const ev_alloc *alc;
    unsigned long long next_id;  /* TSV: GlobalEventID */
};

int ev_sink_flush(ev_sink *s)
{
    if (s->buf.n && s->out(s->buf.p, s->buf.n, s->payload) < 0)
        return EV_EIO;
    ev_buf_clear(&s->buf);
    return EV_OK;
}

int ev_sink_write(ev_sink *s, const ev_doc *doc, ev_err *err)
{
    int rc = s->vt->write(s, doc, err);
    if (rc == EV_OK && s->buf.n >= FLUSH_AT)
        rc = ev_sink_flush(s);
    if (rc < 0 && err) {
        memset(err, 0, sizeof(*err));
        err->code = rc;
        err->msg = ev_strerror(rc);
    }
    return rc;
}

void ev_sink_free(ev_sink *s)
{
    if (!s)
        return;
    ev_sink_flush(s);
    ev_buf_free(&s->buf);
    ev_mem_free(s->alc, s);
}

/* ------------------------------------------------------------- jsonl */

static int put_key(ev_buf *b, const char *k)
{
    return ev_buf_puts(b, k);
}

/* Write the decimal digits of `v` at `o`; return the end. */
static char *put_dec(char *o, uint32_t v)
{
    char tmp[10];
    int k = 0;
    do {
        tmp[k++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (k)
        *o++ = tmp[--k];
    return o;
}

/* `"start":S,"end":E`, written in place (the hot part of a record). */
static int put_span(ev_buf *b, uint32_t start, uint32_t end)
{
    int rc = ev_buf_grow(b, 40);
    if (rc < 0)
        return rc;
    char *o = b->p + b->n;
    memcpy(o, "\"start\":", 8);
    o = put_dec(o + 8, start);
    memcpy(o, ",\"end\":", 7);
    o = put_dec(o + 7, end);
    *o = '\0';
    b->n = (size_t)(o - b->p);
    return EV_OK;
}

/* A number as JSON: integers exactly, others with 15 significant
 * digits (the library never sets a locale; a ',' would be fixed). */
static int put_num(ev_buf *b, double v)
{
    char tmp[40];
    if (v != v || v > 1e300 || v < -1e300)
        return ev_buf_puts(b, "null");
    if (v == (double)(long long)v && v < 9e15 && v > -9e15)
        snprintf(tmp, sizeof(tmp), "%lld", (long long)v);
    else
        snprintf(tmp, sizeof(tmp), "%.15g", v);
    for (char *c = tmp; *c; c++)
        if (*c == ',')
            *c = '.';
    return ev_buf_puts(b, tmp);
}

static int put_field(ev_buf *b, const char *key, ev_slice v)
{
    int rc;
    if ((rc = ev_buf_puts(b, key)) < 0)
        return rc;
    return v.n ? ev_buf_put_json_str(b, v.p, v.n) : ev_buf_puts(b, "null");
}

static const char *const grain_names[] = {
    "none", "year", "quarter", "month", "week", "day", "hour", "minute",
    "second", "decade", "century"};

static int put_mention_body(ev_buf *b, const ev_mention *m)
{
    int rc = EV_OK;
    switch (m->kind) {
    case EV_MENTION_ACTOR: {
        const ev_actor *a = &m->u.actor;
        if ((rc = put_field(b, ",\"actor\":{\"code\":", a->code)) < 0 ||
            (rc = put_field(b, ",\"country\":", a->country)) < 0 ||
            (rc = put_field(b, ",\"role\":", a->role)) < 0 ||
            (rc = put_field(b, ",\"name\":", a->name)) < 0 ||
            (rc = put_field(b, ",\"entity\":", a->entity)) < 0)
            return rc;
        return ev_buf_putc(b, '}');
    }
    case EV_MENTION_PLACE: {
        const ev_place *p = &m->u.place;
        if ((rc = put_field(b, ",\"place\":{\"name\":", p->name)) < 0 ||
            (rc = put_field(b, ",\"country\":", p->country)) < 0 ||
            (rc = ev_buf_puts(b, ",\"lat\":")) < 0 ||
            (rc = put_num(b, p->lat)) < 0 ||
            (rc = ev_buf_puts(b, ",\"lon\":")) < 0 ||
            (rc = put_num(b, p->lon)) < 0 ||
            (rc = ev_buf_puts(b, ",\"geonames\":")) < 0 ||
            (rc = p->geonames ? ev_buf_put_u64(b, p->geonames)
                              : ev_buf_puts(b, "null")) < 0)
            return rc;
        return ev_buf_putc(b, '}');
    }
    case EV_MENTION_TIME: {
        const ev_time *t = &m->u.time;
        if ((rc = ev_buf_puts(b, ",\"time\":{\"value\":")) < 0)
            return rc;
        if (t->flags & EV_TIME_RANGE)
            rc = (rc = put_field(b, "{\"start\":", t->value)) < 0 ? rc
                 : (rc = put_field(b, ",\"end\":", t->end)) < 0 ? rc
                 : ev_buf_putc(b, '}');
        else
            rc = put_field(b, "", t->value);
        if (rc < 0 ||
            (rc = ev_buf_puts(b, ",\"grain\":\"")) < 0 ||
            (rc = ev_buf_puts(b, grain_names[t->grain <= EV_GRAIN_CENTURY
                                                  ? t->grain : 0])) < 0 ||
            (rc = ev_buf_putc(b, '"')) < 0)
            return rc;
        if (t->flags & EV_TIME_UNRESOLVED &&
            (rc = put_field(b, ",\"relative\":", t->relative)) < 0)
            return rc;
        return ev_buf_putc(b, '}');
    }
    case EV_MENTION_QUANTITY: {
        const ev_quantity *q = &m->u.qty;
        if ((rc = ev_buf_puts(b, ",\"quantity\":{")) < 0)
            return rc;
        const char *sep = "";
        if (q->flags & EV_QTY_VALUE) {
            if ((rc = ev_buf_puts(b, "\"value\":")) < 0 ||
                (rc = put_num(b, q->value)) < 0)
                return rc;
            sep = ",";
        }
        if (q->flags & EV_QTY_MIN) {
            if ((rc = ev_buf_puts(b, sep)) < 0 ||
                (rc = ev_buf_puts(b, "\"min\":")) < 0 ||
                (rc = put_num(b, q->min)) < 0)
                return rc;
            sep = ",";
        }
        if (q->flags & EV_QTY_MAX) {
            if ((rc = ev_buf_puts(b, sep)) < 0 ||
                (rc = ev_buf_puts(b, "\"max\":")) < 0 ||
                (rc = put_num(b, q->max)) < 0)
                return rc;
            sep = ",";
        }
        if ((rc = ev_buf_puts(b, sep)) < 0 ||
            (rc = ev_buf_puts(b, q->flags & EV_QTY_APPROX
                                     ? "\"approx\":true" : "\"approx\":false")) < 0)
            return rc;
        if (q->flags & EV_QTY_ORDINAL &&
            (rc = ev_buf_puts(b, ",\"ordinal\":true")) < 0)
            return rc;
        if (q->flags & EV_QTY_PERCENT &&
            (rc = ev_buf_puts(b, ",\"percent\":true")) < 0)
            return rc;
        if (q->unit.n && (rc = put_field(b, ",\"unit\":", q->unit)) < 0)
            return rc;
        if (q->currency.n &&
            (rc = put_field(b, ",\"currency\":", q->currency)) < 0)
            return rc;
        if (q->of >= 0 &&
            ((rc = ev_buf_puts(b, ",\"of\":\"m")) < 0 ||
             (rc = ev_buf_put_u64(b, (unsigned long long)q->of + 1)) < 0 ||
             (rc = ev_buf_putc(b, '"')) < 0))
            return rc;
        return ev_buf_putc(b, '}');
    }
    default:
        return EV_OK;
    }
}

static const char *const kind_names[] = {"", "actor", "place", "time",
                                         "quantity"};

/* The mentions array's items: ids are "m1", "m2"... in text order. */
static int put_mentions(ev_buf *b, const ev_doc *doc)
{
    size_t n;
    const ev_mention *m = ev_doc_mentions(doc, &n);
    ev_slice text = ev_doc_text(doc);
    int rc;
    for (size_t i = 0; i < n; i++) {
        if ((rc = ev_buf_puts(b, i ? ",{\"id\":\"m" : "{\"id\":\"m")) < 0 ||
            (rc = ev_buf_put_u64(b, i + 1)) < 0 ||
            (rc = ev_buf_puts(b, "\",\"kind\":\"")) < 0 ||
            (rc = ev_buf_puts(b, kind_names[m[i].kind <= EV_MENTION_QUANTITY
                                                ? m[i].kind : 0])) < 0 ||
            (rc = ev_buf_puts(b, "\",")) < 0 ||
            (rc = put_span(b, m[i].cp_start, m[i].cp_end)) < 0 ||
            (rc = ev_buf_puts(b, ",\"text\":")) < 0 ||
            (rc = ev_buf_put_json_str(b, text.p + m[i].start,
                                      m[i].end - m[i].start)) < 0 ||
            (rc = ev_buf_puts(b, ",\"sentence\":")) < 0 ||
            (rc = ev_buf_put_u64(b, m[i].sentence)) < 0 ||
            (rc = put_mention_body(b, &m[i])) < 0 ||
            (rc = put_field(b, ",\"rule\":", m[i].rule)) < 0 ||
            (rc = ev_buf_putc(b, '}')) < 0)
            return rc;
    }
    return EV_OK;
}

/* `"key":{"mention":"mK","code":"X"}` or `"key":null`. */
static int put_actor_ref(ev_buf *b, const char *key, const ev_mention *ms,
                         int32_t m)
{
    int rc;
    if ((rc = ev_buf_puts(b, key)) < 0)
        return rc;
    if (m < 0)
        return ev_buf_puts(b, "null");
    if ((rc = ev_buf_puts(b, "{\"mention\":\"m")) < 0 ||
        (rc = ev_buf_put_u64(b, (unsigned long long)m + 1)) < 0 ||
        (rc = put_field(b, "\",\"code\":", ms[m].u.actor.code)) < 0)
        return rc;
    return ev_buf_putc(b, '}');
}

static int put_mention_ref(ev_buf *b, const char *key, int32_t m)
{
    int rc;
    if ((rc = ev_buf_puts(b, key)) < 0)
        return rc;
    if (m < 0)
        return ev_buf_puts(b, "null");
    if ((rc = ev_buf_puts(b, "\"m")) < 0 ||
        (rc = ev_buf_put_u64(b, (unsigned long long)m + 1)) < 0)
        return rc;
    return ev_buf_putc(b, '"');
}

/* The events array's items (SCHEMA.md). */
static int put_events(ev_buf *b, const ev_doc *doc)
{
    size_t n, nm;
    const ev_event *e = ev_doc_events(doc, &n);
    const ev_mention *ms = ev_doc_mentions(doc, &nm);
    ev_slice text = ev_doc_text(doc), pub = ev_doc_date(doc);
    int rc;
    for (size_t i = 0; i < n; i++) {
        ev_slice root = {e[i].cameo.p, e[i].cameo.n >= 2 ? 2 : e[i].cameo.n};
        ev_slice date = pub.n >= 10 ? (ev_slice){pub.p, 10} : pub;
        if (e[i].date >= 0 && ms[e[i].date].u.time.value.n)
            date = ms[e[i].date].u.time.value;
        char gold[32];
        snprintf(gold, sizeof(gold), "%.1f", e[i].goldstein);
        if ((rc = ev_buf_puts(b, i ? ",{\"id\":\"e" : "{\"id\":\"e")) < 0 ||
            (rc = ev_buf_put_u64(b, i + 1)) < 0 ||
            (rc = ev_buf_puts(b, "\",\"sentence\":")) < 0 ||
            (rc = ev_buf_put_u64(b, e[i].sentence)) < 0 ||
            (rc = put_actor_ref(b, ",\"source\":", ms, e[i].source)) < 0 ||
            (rc = put_actor_ref(b, ",\"target\":", ms, e[i].target)) < 0 ||
            (rc = put_field(b, ",\"cameo\":", e[i].cameo)) < 0 ||
            (rc = put_field(b, ",\"root\":", root)) < 0 ||
            (rc = ev_buf_puts(b, ",\"quad\":")) < 0 ||
            (rc = ev_buf_put_u64(b, e[i].quad)) < 0 ||
            (rc = ev_buf_puts(b, ",\"goldstein\":")) < 0 ||
            (rc = ev_buf_puts(b, gold)) < 0 ||
            (rc = put_field(b, ",\"plover\":", e[i].plover)) < 0 ||
            (rc = put_field(b, ",\"date\":", date)) < 0 ||
            (rc = ev_buf_puts(b, (e[i].flags & EV_EVENT_DATE_PUBLISHED)
                                     ? ",\"date_from\":\"publication\""
                                     : ",\"date_from\":\"text\"")) < 0 ||
            (rc = put_mention_ref(b, ",\"place\":", e[i].place)) < 0 ||
            (rc = put_mention_ref(b, ",\"attributed_to\":", e[i].attributed_to)) < 0 ||
            (rc = ev_buf_puts(b, (e[i].flags & EV_EVENT_NEGATED)
                                     ? ",\"negated\":true" : ",\"negated\":false")) < 0 ||
            (rc = ev_buf_puts(b, e[i].modality == EV_MODALITY_POSSIBLE
                                     ? ",\"modality\":\"possible\""
                                     : ",\"modality\":\"asserted\"")) < 0 ||
            (rc = ev_buf_puts(b, (e[i].flags & EV_EVENT_SYMMETRIC)
                                     ? ",\"symmetric\":true" : ",\"symmetric\":false")) < 0 ||
            (rc = ev_buf_puts(b, (e[i].flags & EV_EVENT_PASSIVE)
                                     ? ",\"passive\":true" : ",\"passive\":false")) < 0 ||
            (rc = ev_buf_puts(b, ",\"trigger\":{")) < 0 ||
            (rc = put_span(b, e[i].cp_start, e[i].cp_end)) < 0 ||
            (rc = ev_buf_puts(b, ",\"text\":")) < 0 ||
            (rc = ev_buf_put_json_str(b, text.p + e[i].start,
                                      e[i].end - e[i].start)) < 0 ||
            (rc = put_field(b, "},\"rule\":", e[i].rule)) < 0 ||
            (rc = ev_buf_putc(b, '}')) < 0)
            return rc;
    }
    return EV_OK;
}

static int jsonl_write(ev_sink *s, const ev_doc *doc, ev_err *err)
{
    (void)err;
    ev_buf *b = &s->buf;
    size_t mark = b->n, n;
    int rc;
    ev_slice id = ev_doc_id(doc), date = ev_doc_date(doc);
    ev_slice text = ev_doc_text(doc);
    const char *lang = ev_doc_lang(doc);
    if ((rc = put_key(b, "{\"id\":")) < 0 ||
        (rc = ev_buf_put_json_str(b, id.p, id.n)) < 0 ||
        (rc = put_key(b, ",\"lang\":")) < 0 ||
        (rc = ev_buf_put_json_str(b, lang, strlen(lang))) < 0 ||
        (rc = put_key(b, ",\"date\":")) < 0)
        goto out;
    rc = date.n ? ev_buf_put_json_str(b, date.p, date.n)
                : ev_buf_puts(b, "null");
    if (rc < 0)
        goto out;
    static const char *const meta[] = {"title", "source", "url"};
    for (size_t i = 0; i < 3; i++) {
        ev_slice m = ev_doc_meta(doc, meta[i]);
        if (!m.n)
            continue;
        if ((rc = ev_buf_puts(b, ",\"")) < 0 ||
            (rc = ev_buf_puts(b, meta[i])) < 0 ||
            (rc = ev_buf_puts(b, "\":")) < 0 ||
            (rc = ev_buf_put_json_str(b, m.p, m.n)) < 0)
            goto out;
    }
    if ((rc = put_key(b, ",\"sentences\":[")) < 0)
        goto out;
    const ev_sentence *sent = ev_doc_sentences(doc, &n);
    for (size_t i = 0; i < n; i++) {
        if ((rc = ev_buf_puts(b, i ? ",{" : "{")) < 0 ||
            (rc = put_span(b, sent[i].cp_start, sent[i].cp_end)) < 0 ||
            (rc = ev_buf_putc(b, '}')) < 0)
            goto out;
    }
    if ((rc = put_key(b, "],\"mentions\":[")) < 0 ||
        (rc = put_mentions(b, doc)) < 0 ||
        (rc = put_key(b, "],\"quotes\":[")) < 0)
        goto out;
    const ev_quote *q = ev_doc_quotes(doc, &n);
    for (size_t i = 0; i < n; i++) {
        if ((rc = ev_buf_puts(b, i ? ",{" : "{")) < 0 ||
            (rc = put_span(b, q[i].cp_start, q[i].cp_end)) < 0 ||
            (rc = put_key(b, ",\"text\":")) < 0 ||
            (rc = ev_buf_put_json_str(b, text.p + q[i].start,
                                      q[i].end - q[i].start)) < 0 ||
            (rc = put_key(b, ",\"sentence\":")) < 0 ||
            (rc = ev_buf_put_u64(b, q[i].sentence)) < 0 ||
            (rc = put_key(b, ",\"speaker\":")) < 0)
            goto out;
        if (q[i].speaker >= 0)
            rc = (rc = put_key(b, "\"m")) < 0 ? rc
                 : (rc = ev_buf_put_u64(b, (unsigned long long)q[i].speaker + 1)) < 0
                     ? rc
                     : ev_buf_putc(b, '"');
        else
            rc = put_key(b, "null");
        if (rc < 0 || (rc = put_key(b, ",\"direct\":true}")) < 0)
            goto out;
    }
    if ((rc = put_key(b, "],\"events\":[")) < 0 ||
        (rc = put_events(b, doc)) < 0 ||
        (rc = put_key(b, "]}\n")) < 0)
        goto out;
    return EV_OK;
out:
    b->n = mark;  /* never leave half a record in the buffer */
    return rc;
}

static const ev_sink_vtable jsonl_vt = {jsonl_write};

int ev_sink_jsonl_new(ev_sink **out, ev_write_fn write, void *payload,
                      const ev_alloc *alloc)
{
    ev_sink *s = ev_mem_alloc(alloc, sizeof(*s));
    if (!s)
        return EV_ENOMEM;
    memset(s, 0, sizeof(*s));
    s->vt = &jsonl_vt;
    s->out = write;
    s->payload = payload;
    s->alc = alloc;
    s->buf.alc = alloc;
    *out = s;
    return EV_OK;
}

/* --------------------------------------------------------------- tsv */

/* A field: tabs and line breaks become spaces. */
static int tsv_field(ev_buf *b, const char *p, size_t n)
{
    int rc = ev_buf_grow(b, n + 1);
    if (rc < 0)
        return rc;
    for (size_t i = 0; i < n; i++) {
        char c = p[i];
        b->p[b->n++] = c == '\t' || c == '\n' || c == '\r' ? ' ' : c;
    }
    b->p[b->n++] = '\t';
    b->p[b->n] = '\0';
    return EV_OK;
}

static int tsv_str(ev_buf *b, const char *s)
{
    return tsv_field(b, s, strlen(s));
}

static int tsv_slice(ev_buf *b, ev_slice s)
{
    return tsv_field(b, s.p ? s.p : "", s.n);
}

static int tsv_empty(ev_buf *b, int n)
{
    int rc = EV_OK;
    for (int i = 0; i < n && rc == EV_OK; i++)
        rc = ev_buf_putc(b, '\t');
    return rc;
}

/* Actor columns: Code, Name, CountryCode, KnownGroupCode, EthnicCode,
 * Religion1Code, Religion2Code, Type1Code, Type2Code, Type3Code. */
static int tsv_actor(ev_buf *b, const ev_mention *ms, int32_t m,
                     ev_slice text)
{
    if (m < 0)
        return tsv_empty(b, 10);
    const ev_actor *a = &ms[m].u.actor;
    ev_slice name = a->name.n ? a->name
                              : (ev_slice){text.p + ms[m].start,
                                           ms[m].end - ms[m].start};
    int rc;
    if ((rc = tsv_slice(b, a->code)) < 0 || (rc = tsv_slice(b, name)) < 0 ||
        (rc = tsv_slice(b, a->country)) < 0 || (rc = tsv_empty(b, 4)) < 0 ||
        (rc = tsv_slice(b, a->role)) < 0 || (rc = tsv_empty(b, 2)) < 0)
        return rc;
    return EV_OK;
}

/* Digits of an ISO date "2024-06-18" (or "2024", "2024-06") into
 * `out` as YYYYMMDD, missing parts as zeros. */
static void day_of(ev_slice date, char out[9])
{
    memcpy(out, "00000000", 9);
    size_t k = 0;
    for (size_t i = 0; i < date.n && i < 10 && k < 8; i++)
        if (date.p[i] >= '0' && date.p[i] <= '9')
            out[k++] = date.p[i];
}

static int tsv_write(ev_sink *s, const ev_doc *doc, ev_err *err)
{
    (void)err;
    ev_buf *b = &s->buf;
    size_t mark = b->n, n, nm;
    const ev_event *e = ev_doc_events(doc, &n);
    const ev_mention *ms = ev_doc_mentions(doc, &nm);
    ev_slice text = ev_doc_text(doc), pub = ev_doc_date(doc);
    ev_slice url = ev_doc_meta(doc, "url");
    if (!url.n)
        url = ev_doc_id(doc);
    char pubday[9];
    day_of(pub, pubday);
    int rc = EV_OK;
    for (size_t i = 0; i < n && rc == EV_OK; i++) {
        ev_slice date = pub;
        if (e[i].date >= 0 && ms[e[i].date].u.time.value.n)
            date = ms[e[i].date].u.time.value;
        char day[9], num[64];
        day_of(date, day);
        int y = (day[0] - '0') * 1000 + (day[1] - '0') * 100 +
                (day[2] - '0') * 10 + (day[3] - '0');
        int mo = (day[4] - '0') * 10 + (day[5] - '0');
        int dd = (day[6] - '0') * 10 + (day[7] - '0');
        ev_slice code = e[i].cameo;
        if ((rc = ev_buf_put_u64(b, ++s->next_id)) < 0 ||
            (rc = ev_buf_putc(b, '\t')) < 0 || (rc = tsv_str(b, day)) < 0 ||
            (rc = tsv_field(b, day, 6)) < 0 || (rc = tsv_field(b, day, 4)) < 0)
            break;
        snprintf(num, sizeof(num), "%.4f",
                 y + ((mo ? mo - 1 : 0) * 30.4375 + (dd ? dd : 1)) / 365.25);
        if ((rc = tsv_str(b, num)) < 0 ||
            (rc = tsv_actor(b, ms, e[i].source, text)) < 0 ||
            (rc = tsv_actor(b, ms, e[i].target, text)) < 0 ||
            (rc = tsv_str(b, e[i].sentence == 0 ? "1" : "0")) < 0 ||
            (rc = tsv_slice(b, code)) < 0 ||
            (rc = tsv_field(b, code.p, code.n < 3 ? code.n : 3)) < 0 ||
            (rc = tsv_field(b, code.p, code.n < 2 ? code.n : 2)) < 0)
            break;
        snprintf(num, sizeof(num), "%u", e[i].quad);
        if ((rc = tsv_str(b, num)) < 0)
            break;
        snprintf(num, sizeof(num), "%.1f", e[i].goldstein);
        if ((rc = tsv_str(b, num)) < 0 ||
            (rc = tsv_str(b, "1")) < 0 || (rc = tsv_str(b, "1")) < 0 ||
            (rc = tsv_str(b, "1")) < 0 || (rc = tsv_empty(b, 1)) < 0 ||
            (rc = tsv_empty(b, 16)) < 0)  /* Actor1Geo_*, Actor2Geo_* */
            break;
        if (e[i].place >= 0) {  /* ActionGeo_*: a city */
            const ev_place *p = &ms[e[i].place].u.place;
            if ((rc = tsv_str(b, "4")) < 0 || (rc = tsv_slice(b, p->name)) < 0 ||
                (rc = tsv_slice(b, p->country)) < 0 || (rc = tsv_empty(b, 2)) < 0)
                break;
            snprintf(num, sizeof(num), "%.5f", p->lat);
            if ((rc = tsv_str(b, num)) < 0)
                break;
            snprintf(num, sizeof(num), "%.5f", p->lon);
            if ((rc = tsv_str(b, num)) < 0)
                break;
            snprintf(num, sizeof(num), "%u", p->geonames);
            if ((rc = tsv_str(b, num)) < 0)
                break;
        } else if ((rc = tsv_empty(b, 8)) < 0) {
            break;
        }
        if ((rc = ev_buf_puts(b, pubday)) < 0 ||
            (rc = ev_buf_puts(b, "000000\t")) < 0 ||
            (rc = tsv_slice(b, url)) < 0)
            break;
        b->p[b->n - 1] = '\n';  /* the last field ends the line */
    }
    if (rc < 0)
        b->n = mark;
    return rc;
}

static const ev_sink_vtable tsv_vt = {tsv_write};

int ev_sink_tsv_new(ev_sink **out, ev_write_fn write, void *payload,
                    const ev_alloc *alloc)
{
    int rc = ev_sink_jsonl_new(out, write, payload, alloc);
    if (rc == EV_OK)
        (*out)->vt = &tsv_vt;
    return rc;
}
