#include "check.h"
#include "evcode/evcode.h"

#include <string.h>

/* A byte source over a string, handing out at most `step` bytes a call
 * so lines cross buffer refills. */
typedef struct {
    const char *p;
    size_t n, pos, step;
} src;

static long read_src(void *buf, size_t n, void *payload)
{
    src *s = payload;
    size_t k = s->n - s->pos;
    if (k > n)
        k = n;
    if (k > s->step)
        k = s->step;
    memcpy(buf, s->p + s->pos, k);
    s->pos += k;
    return (long)k;
}

static long read_fail(void *buf, size_t n, void *payload)
{
    (void)buf;
    (void)n;
    (void)payload;
    return -1;
}

/* Read all of `input`; render each result as "ok:ID:TEXT" or
 * "err@LINE:CODE:ID", joined by ' '. */
static const char *run(const char *input, size_t len, size_t max_line,
                       size_t step)
{
    static char out[2048];
    src s = {input, len, 0, step};
    ev_reader_options o = EV_READER_OPTIONS_INIT;
    o.max_line = max_line;
    ev_reader *r;
    size_t k = 0;
    out[0] = '\0';
    if (ev_reader_new(&r, read_src, &s, &o) < 0)
        return "(new failed)";
    ev_input in;
    ev_err err;
    int rc;
    while ((rc = ev_reader_next(r, &in, &err)) != EV_ITEROVER &&
           k + 100 < sizeof(out)) {
        if (rc == EV_OK)
            k += (size_t)snprintf(out + k, sizeof(out) - k, "%sok:%.*s:%.*s",
                                  k ? " " : "", (int)in.id.n, in.id.p,
                                  (int)in.text.n, in.text.p);
        else
            k += (size_t)snprintf(out + k, sizeof(out) - k, "%serr@%zu:%d:%.*s",
                                  k ? " " : "", err.line, rc, (int)in.id.n,
                                  in.id.p ? in.id.p : "");
        if (rc == EV_EIO || rc == EV_ENOMEM)
            break;
    }
    ev_reader_free(r);
    return out;
}

#define RUN(s, max, step) run((s), sizeof(s) - 1, (max), (step))

int main(void)
{
    /* Good lines, blank lines, CRLF, numeric id, a last line with no
     * newline that is complete. */
    CHECK_EQ_STR(RUN("{\"id\":\"a\",\"text\":\"x\"}\n\n  \n"
                     "{\"id\":7,\"text\":\"y\"}\r\n{\"id\":\"c\",\"text\":\"z\"}",
                     0, 3),
                 "ok:a:x ok:7:y ok:c:z");
    /* Each bad line is reported with its number; the stream goes on. */
    CHECK_EQ_STR(RUN("{\"id\":\"a\",\"text\":\"x\"}\n"
                     "not json\n"
                     "{\"id\":\"b\"}\n"
                     "{\"text\":\"no id\"}\n"
                     "{\"id\":\"d\",\"text\":5}\n"
                     "[1,2]\n"
                     "{\"id\":\"e\",\"text\":\"caf\xc3\"}\n"
                     "{\"id\":\"f\",\"text\":\"ok\",\"date\":3}\n"
                     "{\"id\":\"g\",\"text\":\"fin\"}\n",
                     0, 7),
                 "ok:a:x err@2:-8: err@3:-7:b err@4:-7: err@5:-3:d err@6:-8: "
                 "err@7:-4:e err@8:-3:f ok:g:fin");
    /* An over-long line is skipped without being buffered whole. */
    {
        char big[300000];
        size_t k = (size_t)snprintf(big, sizeof(big), "{\"id\":\"a\",\"text\":\"x\"}\n"
                                    "{\"id\":\"huge\",\"text\":\"");
        memset(big + k, 'x', 200000);
        k += 200000;
        k += (size_t)snprintf(big + k, sizeof(big) - k,
                              "\"}\n{\"id\":\"b\",\"text\":\"y\"}\n");
        CHECK_EQ_STR(run(big, k, 1000, 65536), "ok:a:x err@2:-5:huge ok:b:y");
    }
    /* A truncated last line: reported, and the lines before it come out. */
    CHECK_EQ_STR(RUN("{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"b\",\"te", 0, 5),
                 "ok:a:x err@2:-8:b");
    /* Escapes decode; an embedded NUL is kept. */
    {
        const char s[] = "{\"id\":\"n\",\"text\":\"a\\u0000b\\u00e9\\\"\"}\n";
        src in = {s, sizeof(s) - 1, 0, 100};
        ev_reader *r;
        ev_input doc;
        CHECK(ev_reader_new(&r, read_src, &in, NULL) == EV_OK);
        CHECK(ev_reader_next(r, &doc, NULL) == EV_OK);
        CHECK_EQ_INT(doc.text.n, 6);
        CHECK(memcmp(doc.text.p, "a\0b\xc3\xa9\"", 6) == 0);
        CHECK(ev_reader_next(r, &doc, NULL) == EV_ITEROVER);
        CHECK(ev_reader_next(r, &doc, NULL) == EV_ITEROVER);
        ev_reader_free(r);
    }
    /* A failing source is fatal. */
    {
        ev_reader *r;
        ev_input doc;
        ev_err err;
        CHECK(ev_reader_new(&r, read_fail, NULL, NULL) == EV_OK);
        CHECK(ev_reader_next(r, &doc, &err) == EV_EIO);
        ev_reader_free(r);
    }
    /* Options with an unknown version are refused. */
    {
        ev_reader *r;
        ev_reader_options o = EV_READER_OPTIONS_INIT;
        o.version = 99;
        CHECK(ev_reader_new(&r, read_fail, NULL, &o) == EV_EINVAL);
    }
    return CHECK_DONE();
}
