/* JSON Lines reader.
 *
 * Bytes come from a callback into a buffer; each complete line is checked
 * for UTF-8, parsed with jansson and its fields exposed as slices into
 * the parsed value. A line longer than `max_line` is skipped without being
 * buffered whole. A last line without a newline is read like the others;
 * if it does not parse it is reported as truncated. */
#include "evcode/reader.h"
#include "evcode/utf8.h"
#include "../util/arena.h"
#include "jsonfast_int.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

#define DEFAULT_MAX_LINE ((size_t)64 << 20)
#define CHUNK ((size_t)1 << 16)

struct ev_reader {
    ev_read_fn read;
    void *payload;
    ev_reader_options opts;
    char *buf;
    size_t cap, len, pos;
    int eof;
    size_t line;
    json_t *cur;
    ev_buf scratch;   /* decoded strings of the fast path */
    char idbuf[32];
};

int ev_reader_new(ev_reader **out, ev_read_fn read, void *payload,
                  const ev_reader_options *opts)
{
    ev_reader_options o = EV_READER_OPTIONS_INIT;
    if (opts) {
        if (opts->version != EV_READER_OPTIONS_VERSION)
            return EV_EINVAL;
        o = *opts;
    }
    if (!o.max_line)
        o.max_line = DEFAULT_MAX_LINE;
    ev_reader *r = ev_mem_alloc(o.alloc, sizeof(*r));
    if (!r)
        return EV_ENOMEM;
    memset(r, 0, sizeof(*r));
    r->read = read;
    r->payload = payload;
    r->opts = o;
    r->scratch.alc = o.alloc;
    r->cap = CHUNK * 4;
    r->buf = ev_mem_alloc(o.alloc, r->cap);
    if (!r->buf) {
        ev_mem_free(o.alloc, r);
        return EV_ENOMEM;
    }
    *out = r;
    return EV_OK;
}

void ev_reader_free(ev_reader *r)
{
    if (!r)
        return;
    if (r->cur)
        json_decref(r->cur);
    ev_buf_free(&r->scratch);
    ev_mem_free(r->opts.alloc, r->buf);
    ev_mem_free(r->opts.alloc, r);
}

size_t ev_reader_line(const ev_reader *r)
{
    return r->line;
}

static int fail(ev_err *err, int code, const char *msg, size_t line,
                size_t pos, const char *detail)
{
    if (err) {
        memset(err, 0, sizeof(*err));
        err->code = code;
        err->msg = msg;
        err->line = line;
        err->byte_pos = pos;
        if (detail) {
            size_t n = strlen(detail);
            if (n >= sizeof(err->detail))
                n = sizeof(err->detail) - 1;
            memcpy(err->detail, detail, n);
            err->detail[n] = '\0';
        }
    }
    return code;
}

/* Read more input after `len`; 0 at end, 1 if bytes came, <0 on error. */
static int fill(ev_reader *r)
{
    if (r->pos > 0) {
        memmove(r->buf, r->buf + r->pos, r->len - r->pos);
        r->len -= r->pos;
        r->pos = 0;
    }
    if (r->cap - r->len < CHUNK) {
        size_t cap = r->cap * 2;
        while (cap - r->len < CHUNK)
            cap *= 2;
        char *p = ev_mem_realloc(r->opts.alloc, r->buf, cap);
        if (!p)
            return EV_ENOMEM;
        r->buf = p;
        r->cap = cap;
    }
    long got = r->read(r->buf + r->len, r->cap - r->len, r->payload);
    if (got < 0)
        return EV_EIO;
    if (got == 0) {
        r->eof = 1;
        return 0;
    }
    r->len += (size_t)got;
    return 1;
}

/* Best effort: find a string "id" in the first bytes of a line that could
 * not be parsed, so its error record can name the document. */
static void sniff_id(ev_reader *r, const char *p, size_t n, ev_input *in)
{
    if (n > 4096)
        n = 4096;
    const char *k = NULL;
    for (size_t i = 0; i + 4 <= n; i++)
        if (memcmp(p + i, "\"id\"", 4) == 0) {
            k = p + i + 4;
            break;
        }
    if (!k)
        return;
    const char *e = p + n;
    while (k < e && (*k == ' ' || *k == '\t'))
        k++;
    if (k >= e || *k++ != ':')
        return;
    while (k < e && (*k == ' ' || *k == '\t'))
        k++;
    if (k >= e || *k++ != '"')
        return;
    size_t m = 0;
    while (k + m < e && k[m] != '"' && k[m] != '\\' && m < sizeof(r->idbuf) - 1)
        m++;
    if (k + m >= e || k[m] != '"' || ev_utf8_validate(k, m, NULL) < 0)
        return;
    memcpy(r->idbuf, k, m);
    r->idbuf[m] = '\0';
    in->id = (ev_slice){r->idbuf, m};
}

static int get_str(json_t *o, const char *key, ev_slice *out)
{
    json_t *v = json_object_get(o, key);
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_string(v))
        return -1;
    out->p = json_string_value(v);
    out->n = json_string_length(v);
    return 1;
}

static int parse(ev_reader *r, const char *p, size_t n, int complete,
                 ev_input *in, ev_err *err)
{
    size_t bad;
    char msg[200];
    if (ev_utf8_validate(p, n, &bad) < 0) {
        sniff_id(r, p, bad, in);
        snprintf(msg, sizeof(msg), "invalid UTF-8 at byte %zu of the line",
                 bad);
        return fail(err, EV_EINVAL_UTF8, "invalid UTF-8", r->line, bad, msg);
    }
    if (ev_jsonfast_parse(p, n, &r->scratch, in) == 0)
        return EV_OK;
    memset(in, 0, sizeof(*in));
    json_error_t je;
    r->cur = json_loadb(p, n, JSON_ALLOW_NUL, &je);
    if (!r->cur) {
        sniff_id(r, p, n, in);
        snprintf(msg, sizeof(msg), "%s: %.80s at byte %d",
                 complete ? "not valid JSON"
                          : "truncated last line (no newline at end of input)",
                 je.text, je.position);
        return fail(err, EV_EJSON, complete ? "not valid JSON" : "truncated line",
                    r->line, (size_t)(je.position > 0 ? je.position : 0), msg);
    }
    if (!json_is_object(r->cur))
        return fail(err, EV_EJSON, "not a JSON object", r->line, 0,
                    "the line is JSON but not an object");
    json_t *id = json_object_get(r->cur, "id");
    if (json_is_string(id)) {
        in->id.p = json_string_value(id);
        in->id.n = json_string_length(id);
    } else if (json_is_integer(id)) {
        int k = snprintf(r->idbuf, sizeof(r->idbuf), "%" JSON_INTEGER_FORMAT,
                         json_integer_value(id));
        in->id = (ev_slice){r->idbuf, (size_t)k};
    } else {
        return fail(err, EV_ENOTFOUND, "missing id", r->line, 0,
                    id ? "\"id\" is not a string" : "no \"id\" field");
    }
    int t = get_str(r->cur, "text", &in->text);
    if (t <= 0)
        return fail(err, t < 0 ? EV_EINVAL : EV_ENOTFOUND, "missing text",
                    r->line, 0,
                    t < 0 ? "\"text\" is not a string" : "no \"text\" field");
    static const char *const names[] = {"lang", "date", "title", "source",
                                        "url"};
    ev_slice *slots[] = {&in->lang, &in->date, &in->title, &in->source,
                         &in->url};
    for (size_t i = 0; i < 5; i++) {
        if (get_str(r->cur, names[i], slots[i]) < 0) {
            snprintf(msg, sizeof(msg), "\"%s\" is not a string", names[i]);
            return fail(err, EV_EINVAL, "field of the wrong type", r->line,
                        0, msg);
        }
    }
    return EV_OK;
}

static int is_blank(const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r')
            return 0;
    return 1;
}

/* Discard the rest of an over-long line. Returns EV_OK or a fatal code. */
static int skip_line(ev_reader *r)
{
    for (;;) {
        char *nl = memchr(r->buf + r->pos, '\n', r->len - r->pos);
        if (nl) {
            r->pos = (size_t)(nl - r->buf) + 1;
            return EV_OK;
        }
        r->pos = r->len = 0;
        if (r->eof)
            return EV_OK;
        int rc = fill(r);
        if (rc < 0)
            return rc;
    }
}

int ev_reader_next(ev_reader *r, ev_input *in, ev_err *err)
{
    memset(in, 0, sizeof(*in));
    if (r->cur) {
        json_decref(r->cur);
        r->cur = NULL;
    }
    for (;;) {
        char *b = r->buf + r->pos;
        size_t avail = r->len - r->pos;
        char *nl = avail ? memchr(b, '\n', avail) : NULL;
        size_t n = nl ? (size_t)(nl - b) : avail;
        if (n > r->opts.max_line) {
            r->line++;
            size_t line = r->line;
            sniff_id(r, b, n, in);
            int rc = skip_line(r);
            if (rc < 0)
                return fail(err, rc, ev_strerror(rc), line, 0, NULL);
            char msg[120];
            snprintf(msg, sizeof(msg), "line longer than the limit of %zu bytes",
                     r->opts.max_line);
            return fail(err, EV_ETOOBIG, "line too long", line,
                        r->opts.max_line, msg);
        }
        if (nl || (r->eof && avail)) {
            r->pos += n + (nl != NULL);
            r->line++;
            if (n && b[n - 1] == '\r')
                n--;
            if (is_blank(b, n))
                continue;
            return parse(r, b, n, nl != NULL, in, err);
        }
        if (r->eof)
            return EV_ITEROVER;
        int rc = fill(r);
        if (rc < 0)
            return fail(err, rc, ev_strerror(rc), r->line + 1, 0, NULL);
    }
}
