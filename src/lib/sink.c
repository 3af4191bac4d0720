/* Sinks: one interface, one implementation per output format. */
#include "evcode/sink.h"
#include "../util/arena.h"
#include "../util/buf.h"

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
    if ((rc = put_key(b, "],\"mentions\":[],\"quotes\":[")) < 0)
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
            (rc = put_key(b, ",\"speaker\":null,\"direct\":true}")) < 0)
            goto out;
    }
    if ((rc = put_key(b, "],\"events\":[]}\n")) < 0)
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
