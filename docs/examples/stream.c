/* docs/api.md example: read JSON Lines on stdin, code each document, and
 * print its id, language and sentences, then the JSON record. Errors go
 * to stderr with their line; the stream goes on. */
#include <evcode/evcode.h>
#include <stdio.h>

static long read_stdin(void *buf, size_t n, void *payload)
{
    (void)payload;
    size_t got = fread(buf, 1, n, stdin);
    return got == 0 && ferror(stdin) ? -1 : (long)got;
}

static int write_stdout(const void *buf, size_t n, void *payload)
{
    (void)payload;
    return fwrite(buf, 1, n, stdout) == n ? 0 : -1;
}

int main(void)
{
    ev_reader *rd = NULL;
    ev_doc *doc = NULL;
    ev_sink *sink = NULL;
    int status = 0;
    if (ev_reader_new(&rd, read_stdin, NULL, NULL) < 0 ||
        ev_doc_new(&doc, NULL) < 0 ||
        ev_sink_jsonl_new(&sink, write_stdout, NULL, NULL) < 0)
        return 3;

    ev_input in;
    ev_err err;
    int rc;
    while ((rc = ev_reader_next(rd, &in, &err)) != EV_ITEROVER) {
        if (rc == EV_EIO || rc == EV_ENOMEM) {
            status = 3;                      /* the stream cannot go on */
            break;
        }
        if (rc < 0) {                        /* a bad line: report, go on */
            fprintf(stderr, "line %zu: %s\n", err.line, err.detail);
            status = 1;
            continue;
        }
        if (ev_doc_code(doc, &in, &err) < 0) {
            fprintf(stderr, "line %zu: %s\n", ev_reader_line(rd), err.msg);
            status = 1;
            continue;
        }
        size_t n;
        const ev_sentence *s = ev_doc_sentences(doc, &n);
        ev_slice id = ev_doc_id(doc), text = ev_doc_text(doc);
        printf("%.*s (%s): %zu sentences\n", (int)id.n, id.p,
               ev_doc_lang(doc), n);
        for (size_t i = 0; i < n; i++)
            printf("  [%zu] code points %u-%u: %.*s\n", i, s[i].cp_start,
                   s[i].cp_end, (int)(s[i].end - s[i].start),
                   text.p + s[i].start);
        if (ev_sink_write(sink, doc, &err) < 0 || ev_sink_flush(sink) < 0)
            status = 3;
    }
    ev_sink_free(sink);
    ev_doc_free(doc);
    ev_reader_free(rd);
    return status;
}
