/* evcode command-line tool: option parsing and glue over the public API.
 * It uses only include/evcode/ and src/util/. */
#include "evcode/evcode.h"
#include "../util/buf.h"
#include "peerdicts.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern const char ev_cli_help_main[];
extern const char ev_cli_help_code[];
extern const char ev_cli_help_dict[];

enum { EXIT_BAD_INPUT = 1, EXIT_USAGE = 2, EXIT_FATAL = 3 };

#ifndef EV_PACK_DIR
#define EV_PACK_DIR "build/packs"
#endif
#ifndef EV_DATA_DIR
#define EV_DATA_DIR "data"
#endif
#ifndef EV_GEN_DATA_DIR
#define EV_GEN_DATA_DIR "build/gen/data"
#endif

typedef struct {
    int jsonl, pretty, explain, tsv;
    uint32_t doc_flags;
    const char *lang, *date, *packs, *peer_dicts;
    size_t max_size;
    char **files;
    int nfiles;
} options;

typedef struct {
    options opt;
    ev_dict *dicts[8];
    size_t ndicts;
    char peer_tmp[64];  /* temporary folder of converted --dicts */
    ev_doc *doc;
    ev_sink *sink;
    size_t failed;
    int fatal;
} run;

/* ------------------------------------------------------------ output */

static int write_stdout(const void *buf, size_t n, void *payload)
{
    (void)payload;
    return fwrite(buf, 1, n, stdout) == n ? 0 : -1;
}

static long read_file(void *buf, size_t n, void *payload)
{
    FILE *f = payload;
    size_t got = fread(buf, 1, n, f);
    if (got == 0 && ferror(f))
        return -1;
    return (long)got;
}

/* One diagnostic record on stderr:
 * {"file":..,"line":N,"id":..,"error"|"warning":..}. */
static void report(const char *file, size_t line, ev_slice id,
                   const char *kind, const char *msg)
{
    ev_buf b = EV_BUF_INIT;
    int rc = ev_buf_putc(&b, '{');
    if (file && rc == 0) {
        rc = ev_buf_puts(&b, "\"file\":");
        if (rc == 0)
            rc = ev_buf_put_json_str(&b, file, strlen(file));
        if (rc == 0)
            rc = ev_buf_putc(&b, ',');
    }
    if (rc == 0)
        rc = ev_buf_puts(&b, "\"line\":");
    if (rc == 0)
        rc = ev_buf_put_u64(&b, line);
    if (rc == 0)
        rc = ev_buf_puts(&b, ",\"id\":");
    if (rc == 0)
        rc = id.p ? ev_buf_put_json_str(&b, id.p, id.n)
                  : ev_buf_puts(&b, "null");
    if (rc == 0)
        rc = ev_buf_puts(&b, ",\"");
    if (rc == 0)
        rc = ev_buf_puts(&b, kind);
    if (rc == 0)
        rc = ev_buf_puts(&b, "\":");
    if (rc == 0)
        rc = ev_buf_put_json_str(&b, msg, strlen(msg));
    if (rc == 0)
        rc = ev_buf_puts(&b, "}\n");
    if (rc == 0)
        fputs(b.p, stderr);
    else
        fprintf(stderr, "evcode: %s\n", msg);
    ev_buf_free(&b);
}

static void print_text(const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        fputc(p[i] == '\n' || p[i] == '\r' || p[i] == '\t' ? ' ' : p[i],
              stdout);
}

/* The --pretty view: a header, then each sentence numbered with the
 * quotes that open in it. */
static int write_pretty(const ev_doc *doc)
{
    ev_slice id = ev_doc_id(doc), date = ev_doc_date(doc);
    ev_slice text = ev_doc_text(doc);
    size_t ns, nq;
    const ev_sentence *s = ev_doc_sentences(doc, &ns);
    const ev_quote *q = ev_doc_quotes(doc, &nq);
    printf("# %.*s (%s, %.*s): %zu sentences, %zu quotes\n", (int)id.n,
           id.p, ev_doc_lang(doc), date.n ? (int)date.n : 7,
           date.n ? date.p : "no date", ns, nq);
    size_t k = 0;
    for (size_t i = 0; i < ns; i++) {
        printf("[%zu] ", i);
        print_text(text.p + s[i].start, s[i].end - s[i].start);
        fputc('\n', stdout);
        for (; k < nq && q[k].sentence == i; k++) {
            printf("     quote %zu%s: \"", k, q[k].depth ? " (nested)" : "");
            print_text(text.p + q[k].start, q[k].end - q[k].start);
            printf("\"\n");
        }
    }
    fputc('\n', stdout);
    return ferror(stdout) ? EV_EIO : EV_OK;
}

static void print_mention(const ev_doc *doc, const ev_mention *ms, int32_t m)
{
    ev_slice text = ev_doc_text(doc);
    if (m < 0) {
        printf("none");
        return;
    }
    printf("m%d \"", m + 1);
    print_text(text.p + ms[m].start, ms[m].end - ms[m].start);
    printf("\" %.*s", (int)ms[m].u.actor.code.n, ms[m].u.actor.code.p);
}

/* The --explain view: each sentence, its actors, and for each event the
 * pattern, why its source and target were chosen, and its flags. */
static int write_explain(const ev_doc *doc)
{
    ev_slice text = ev_doc_text(doc), id = ev_doc_id(doc);
    size_t ns, nm, ne;
    const ev_sentence *s = ev_doc_sentences(doc, &ns);
    const ev_mention *ms = ev_doc_mentions(doc, &nm);
    const ev_event *e = ev_doc_events(doc, &ne);
    printf("# %.*s (%s)\n", (int)id.n, id.p, ev_doc_lang(doc));
    for (size_t i = 0; i < ns; i++) {
        printf("[%zu] ", i);
        print_text(text.p + s[i].start, s[i].end - s[i].start);
        printf("\n    actors:");
        for (size_t k = 0; k < nm; k++)
            if (ms[k].sentence == i && ms[k].kind == EV_MENTION_ACTOR) {
                printf(" ");
                print_mention(doc, ms, (int32_t)k);
                printf(" (%.*s);", (int)ms[k].rule.n, ms[k].rule.p);
            }
        printf("\n");
        for (size_t k = 0; k < ne; k++) {
            if (e[k].sentence != i)
                continue;
            printf("    event e%zu %.*s, trigger \"", k + 1, (int)e[k].cameo.n,
                   e[k].cameo.p);
            print_text(text.p + e[k].start, e[k].end - e[k].start);
            printf("\", pattern %.*s\n      source ", (int)e[k].rule.n,
                   e[k].rule.p);
            print_mention(doc, ms, e[k].source);
            printf(": %s\n      target ", e[k].source_why);
            print_mention(doc, ms, e[k].target);
            printf("%s%s\n      claimed by ", *e[k].target_why ? ": " : "",
                   e[k].target_why);
            if (e[k].attributed_to >= 0)
                print_mention(doc, ms, e[k].attributed_to);
            else
                printf("the reporter");
            printf("; %s%s%s%s\n",
                   e[k].flags & EV_EVENT_NEGATED ? "negated; " : "",
                   e[k].modality == EV_MODALITY_POSSIBLE ? "possible; " : "",
                   e[k].flags & EV_EVENT_PASSIVE ? "passive; " : "",
                   e[k].flags & EV_EVENT_DATE_PUBLISHED
                       ? "dated by publication" : "dated in the text");
        }
    }
    fputc('\n', stdout);
    return ferror(stdout) ? EV_EIO : EV_OK;
}

/* -------------------------------------------------------------- code */

static size_t line_of(ev_slice text, size_t pos)
{
    size_t line = 1;
    for (size_t i = 0; i < pos && i < text.n; i++)
        line += text.p[i] == '\n';
    return line;
}

/* Code one document and write it. `line` is its input line (JSONL) or 0
 * for a file, where the line of a bad byte is reported instead. */
static void code_one(run *r, const ev_input *in, const char *file,
                     size_t line)
{
    ev_err err;
    int rc = ev_doc_code(r->doc, in, &err);
    if (rc < 0) {
        char msg[200];
        size_t at = line;
        if (rc == EV_EINVAL_UTF8) {
            if (!file)
                snprintf(msg, sizeof(msg), "invalid UTF-8 in \"text\" at "
                         "byte %zu", err.byte_pos);
            else
                snprintf(msg, sizeof(msg), "invalid UTF-8 at byte %zu",
                         err.byte_pos);
            if (file)
                at = line_of(in->text, err.byte_pos);
        } else {
            snprintf(msg, sizeof(msg), "%s", err.msg);
        }
        report(file, at, in->id, "error", msg);
        r->failed++;
        if (rc == EV_ENOMEM)
            r->fatal = 1;
        return;
    }
    if (ev_doc_date_invalid(r->doc)) {
        char msg[120];
        snprintf(msg, sizeof(msg), "date \"%.*s\" is not ISO 8601; ignored",
                 (int)(in->date.n < 40 ? in->date.n : 40), in->date.p);
        report(file, line, in->id, "warning", msg);
    }
    rc = r->opt.explain  ? write_explain(r->doc)
         : r->opt.pretty ? write_pretty(r->doc)
                         : ev_sink_write(r->sink, r->doc, &err);
    if (rc < 0) {
        report(NULL, line, in->id, "error", "cannot write output");
        r->fatal = 1;
    }
}

static void apply_defaults(const options *o, ev_input *in)
{
    if (!in->lang.n && o->lang)
        in->lang = (ev_slice){o->lang, strlen(o->lang)};
    if (!in->date.n && o->date)
        in->date = (ev_slice){o->date, strlen(o->date)};
}

static void code_jsonl(run *r, FILE *f, const char *name)
{
    ev_reader_options ro = EV_READER_OPTIONS_INIT;
    ro.max_line = r->opt.max_size;
    ev_reader *rd;
    if (ev_reader_new(&rd, read_file, f, &ro) < 0) {
        r->fatal = 1;
        return;
    }
    ev_input in;
    ev_err err;
    int rc;
    while (!r->fatal && (rc = ev_reader_next(rd, &in, &err)) != EV_ITEROVER) {
        const char *file = name && strcmp(name, "-") ? name : NULL;
        if (rc == EV_EIO || rc == EV_ENOMEM) {
            report(file, err.line, (ev_slice){NULL, 0}, "error",
                   rc == EV_EIO ? "cannot read input" : "out of memory");
            r->failed++;
            r->fatal = 1;
            break;
        }
        if (rc < 0) {
            report(file, err.line, in.id, "error",
                   err.detail[0] ? err.detail : err.msg);
            r->failed++;
            continue;
        }
        apply_defaults(&r->opt, &in);
        code_one(r, &in, file, ev_reader_line(rd));
    }
    ev_reader_free(rd);
}

/* Read a whole plain-text file, up to `max` bytes. */
static int slurp(FILE *f, size_t max, ev_buf *b)
{
    char tmp[1 << 16];
    size_t got;
    b->max = max;
    while ((got = fread(tmp, 1, sizeof(tmp), f)) > 0) {
        int rc = ev_buf_put(b, tmp, got);
        if (rc < 0)
            return rc;
    }
    return ferror(f) ? EV_EIO : EV_OK;
}

static void code_text(run *r, FILE *f, const char *name)
{
    ev_buf b = EV_BUF_INIT;
    ev_input in;
    memset(&in, 0, sizeof(in));
    /* The id is the file name without folders and extension. */
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    const char *dot = strchr(base, '.');
    in.id = strcmp(name, "-") == 0
                ? (ev_slice){"stdin", 5}
                : (ev_slice){base, dot && dot > base ? (size_t)(dot - base)
                                                     : strlen(base)};
    const char *file = strcmp(name, "-") ? name : NULL;
    int rc = slurp(f, r->opt.max_size, &b);
    if (rc < 0) {
        report(file, 0, in.id, "error",
               rc == EV_ETOOBIG ? "document larger than --max-doc-size"
                                : "cannot read the file");
        r->failed++;
        ev_buf_free(&b);
        return;
    }
    in.text = (ev_slice){b.p ? b.p : "", b.n};
    apply_defaults(&r->opt, &in);
    code_one(r, &in, file, 0);
    ev_buf_free(&b);
}

static int parse_size(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s)
        return -1;
    unsigned long long mul = 1;
    if (*end == 'K' || *end == 'k')
        mul = 1ull << 10;
    else if (*end == 'M' || *end == 'm')
        mul = 1ull << 20;
    else if (*end == 'G' || *end == 'g')
        mul = 1ull << 30;
    else if (*end)
        return -1;
    if (mul > 1 && end[1])
        return -1;
    if (v == 0 || v > (unsigned long long)SIZE_MAX / mul)
        return -1;
    *out = (size_t)(v * mul);
    return 0;
}

static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "evcode: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nRun 'evcode code --help' for the options.\n");
    return EXIT_USAGE;
}

/* Match `--name=value` or `--name value`; advance `*i` past a separate
 * value. Returns the value, or NULL if `argv[*i]` is not this option. */
static const char *opt_value(int argc, char **argv, int *i, const char *name,
                             int *missing)
{
    size_t n = strlen(name);
    const char *a = argv[*i];
    if (strncmp(a, name, n) != 0)
        return NULL;
    if (a[n] == '=')
        return a + n + 1;
    if (a[n] != '\0')
        return NULL;
    if (*i + 1 >= argc) {
        *missing = 1;
        return NULL;
    }
    return argv[++*i];
}

static int load_packs(run *r);
static int load_peer_dicts(run *r);
static void remove_peer_tmp(run *r);
static void report_problem(const char *file, size_t line, const char *msg,
                           void *payload);

static int cmd_code(int argc, char **argv)
{
    run r;
    memset(&r, 0, sizeof(r));
    options *o = &r.opt;
    o->max_size = (size_t)64 << 20;
    o->files = calloc((size_t)argc, sizeof(char *));
    if (!o->files)
        return EXIT_FATAL;
    int status = EXIT_USAGE, only_files = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        int missing = 0;
        if (only_files || a[0] != '-' || strcmp(a, "-") == 0) {
            o->files[o->nfiles++] = argv[i];
        } else if (strcmp(a, "--") == 0) {
            only_files = 1;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(ev_cli_help_code, stdout);
            status = 0;
            goto out;
        } else if (strcmp(a, "--jsonl") == 0) {
            o->jsonl = 1;
        } else if (strcmp(a, "--pretty") == 0) {
            o->pretty = 1;
        } else if (strcmp(a, "--explain") == 0) {
            o->explain = 1;
        } else if ((v = opt_value(argc, argv, &i, "--format", &missing))) {
            if (strcmp(v, "tsv") == 0) {
                o->tsv = 1;
            } else if (strcmp(v, "jsonl") != 0) {
                status = usage_error("unknown format '%s' (jsonl, tsv)", v);
                goto out;
            }
        } else if (strcmp(a, "--wrapped") == 0) {
            o->doc_flags |= EV_DOC_WRAPPED;
        } else if ((v = opt_value(argc, argv, &i, "--lang", &missing))) {
            o->lang = v;
        } else if ((v = opt_value(argc, argv, &i, "--packs", &missing))) {
            o->packs = v;
        } else if ((v = opt_value(argc, argv, &i, "--dicts", &missing))) {
            o->peer_dicts = v;
        } else if ((v = opt_value(argc, argv, &i, "--date", &missing))) {
            o->date = v;
        } else if ((v = opt_value(argc, argv, &i, "--max-doc-size",
                                  &missing))) {
            if (parse_size(v, &o->max_size) < 0) {
                status = usage_error("invalid size '%s'", v);
                goto out;
            }
        } else if (missing) {
            status = usage_error("option '%s' needs a value", a);
            goto out;
        } else {
            status = usage_error("unknown option '%s'", a);
            goto out;
        }
    }
    if (load_packs(&r) < 0 || (o->peer_dicts && load_peer_dicts(&r) < 0)) {
        status = EXIT_USAGE;
        goto out;
    }
    ev_doc_options dopt = EV_DOC_OPTIONS_INIT;
    dopt.flags = o->doc_flags;
    dopt.max_text = o->max_size;
    dopt.dicts = (const ev_dict *const *)r.dicts;
    dopt.ndicts = r.ndicts;
    if (ev_doc_new(&r.doc, &dopt) < 0 ||
        (o->tsv ? ev_sink_tsv_new(&r.sink, write_stdout, NULL, NULL)
                : ev_sink_jsonl_new(&r.sink, write_stdout, NULL, NULL)) < 0) {
        fprintf(stderr, "evcode: out of memory\n");
        status = EXIT_FATAL;
        goto out;
    }
    static char obuf[1 << 16];
    setvbuf(stdout, obuf, _IOFBF, sizeof(obuf));
    if (o->nfiles == 0)
        o->files[o->nfiles++] = "-";
    for (int k = 0; k < o->nfiles && !r.fatal; k++) {
        const char *name = o->files[k];
        FILE *f = strcmp(name, "-") == 0 ? stdin : fopen(name, "rb");
        if (!f) {
            char msg[300];
            snprintf(msg, sizeof(msg), "cannot open: %s", strerror(errno));
            report(name, 0, (ev_slice){NULL, 0}, "error", msg);
            r.failed++;
            continue;
        }
        if (o->jsonl)
            code_jsonl(&r, f, name);
        else
            code_text(&r, f, name);
        if (f != stdin)
            fclose(f);
    }
    if (ev_sink_flush(r.sink) < 0 || fflush(stdout) != 0) {
        fprintf(stderr, "evcode: cannot write output\n");
        r.fatal = 1;
    }
    status = r.fatal ? EXIT_FATAL : r.failed ? EXIT_BAD_INPUT : 0;
out:
    ev_sink_free(r.sink);
    ev_doc_free(r.doc);
    for (size_t k = 0; k < r.ndicts; k++)
        ev_dict_free(r.dicts[k]);
    remove_peer_tmp(&r);
    free(o->files);
    return status;
}

static void remove_peer_tmp(run *r)
{
    static const char *const files[] = {"common/orgs.txt",
                                        "common/countries.txt",
                                        "en/agents.txt", "en.pack", "common",
                                        "en"};
    if (!r->peer_tmp[0])
        return;
    for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
        char path[128];
        snprintf(path, sizeof(path), "%s/%s", r->peer_tmp, files[i]);
        remove(path);
    }
    remove(r->peer_tmp);
}

/* --dicts DIR: compile an English pack from evcode's data plus the
 * actors and agents of a TABARI/PETRARCH dictionary folder, and use it
 * instead of the English pack. */
static int load_peer_dicts(run *r)
{
    snprintf(r->peer_tmp, sizeof(r->peer_tmp), "/tmp/evcode-dicts-XXXXXX");
    if (!mkdtemp(r->peer_tmp)) {
        r->peer_tmp[0] = '\0';
        fprintf(stderr, "evcode: cannot make a temporary folder\n");
        return -1;
    }
    int nactors;
    if (peer_dicts_convert(r->opt.peer_dicts, r->peer_tmp, &nactors) < 0) {
        fprintf(stderr, "evcode: cannot read the dictionaries in %s\n",
                r->opt.peer_dicts);
        return -1;
    }
    const char *dirs[] = {EV_DATA_DIR, EV_GEN_DATA_DIR, r->peer_tmp};
    char pack[128];
    size_t problems = 0;
    snprintf(pack, sizeof(pack), "%s/en.pack", r->peer_tmp);
    if (ev_dict_compile("en", dirs, 3, pack, report_problem, &problems) < 0) {
        fprintf(stderr, "evcode: the dictionaries in %s do not compile "
                        "(%zu problems)\n", r->opt.peer_dicts, problems);
        return -1;
    }
    ev_dict *d;
    ev_err err;
    if (ev_dict_load(&d, pack, &err) < 0) {
        fprintf(stderr, "evcode: %s: %s\n", pack, err.msg);
        return -1;
    }
    size_t k = 0;
    while (k < r->ndicts && strcmp(ev_dict_lang(r->dicts[k]), "en") != 0)
        k++;
    if (k < r->ndicts)
        ev_dict_free(r->dicts[k]);
    else if (r->ndicts < 8)
        r->ndicts++;
    else {
        ev_dict_free(d);
        return -1;
    }
    r->dicts[k] = d;
    fprintf(stderr, "evcode: %d actors from %s\n", nactors, r->opt.peer_dicts);
    return 0;
}

/* Load every `*.pack` of the pack directory. With --packs, a directory
 * without packs is an error; the default one may be absent (then no
 * actors or places, with a warning). */
static int load_packs(run *r)
{
    const char *dir = r->opt.packs ? r->opt.packs : EV_PACK_DIR;
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d)) && r->ndicts < 8) {
        size_t n = strlen(e->d_name);
        if (n < 6 || strcmp(e->d_name + n - 5, ".pack") != 0)
            continue;
        char path[4096];
        ev_err err;
        snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
        if (ev_dict_load(&r->dicts[r->ndicts], path, &err) < 0) {
            fprintf(stderr, "evcode: %s: %s\n", path, err.msg);
            closedir(d);
            return -1;
        }
        r->ndicts++;
    }
    if (d)
        closedir(d);
    if (r->ndicts == 0) {
        if (r->opt.packs) {
            fprintf(stderr, "evcode: no language packs in %s\n", dir);
            return -1;
        }
        fprintf(stderr, "evcode: warning: no language packs in %s; actors "
                        "and places are off (run make)\n", dir);
    }
    return 0;
}

/* -------------------------------------------------------------- dict */

static void report_problem(const char *file, size_t line, const char *msg,
                           void *payload)
{
    size_t *count = payload;
    (*count)++;
    if (line)
        fprintf(stderr, "%s:%zu: %s\n", file, line, msg);
    else
        fprintf(stderr, "%s: %s\n", file, msg);
}

/* evcode dict check [--lang L]... [DIR...]
 * evcode dict compile --lang L -o OUT [DIR...] */
static int cmd_dict(int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "--help") == 0) {
        fputs(ev_cli_help_dict, argc < 2 ? stderr : stdout);
        return argc < 2 ? EXIT_USAGE : 0;
    }
    int compile = strcmp(argv[1], "compile") == 0;
    if (!compile && strcmp(argv[1], "check") != 0) {
        fprintf(stderr, "evcode: unknown dict command '%s'\n", argv[1]);
        return EXIT_USAGE;
    }
    const char *langs[8], *out = NULL, *dirs[16];
    size_t nlangs = 0, ndirs = 0;
    for (int i = 2; i < argc; i++) {
        const char *v;
        int missing = 0;
        if ((v = opt_value(argc, argv, &i, "--lang", &missing))) {
            if (nlangs < 8)
                langs[nlangs++] = v;
        } else if ((v = opt_value(argc, argv, &i, "-o", &missing))) {
            out = v;
        } else if (missing || argv[i][0] == '-') {
            fprintf(stderr, "evcode: bad dict option '%s'\n", argv[i]);
            return EXIT_USAGE;
        } else if (ndirs < 16) {
            dirs[ndirs++] = argv[i];
        }
    }
    if (ndirs == 0) {
        dirs[ndirs++] = "data";
        dirs[ndirs++] = "build/gen/data";
    }
    if (nlangs == 0) {
        langs[nlangs++] = "fr";
        langs[nlangs++] = "en";
    }
    if (compile && (!out || nlangs != 1)) {
        fprintf(stderr, "evcode: dict compile needs one --lang and -o OUT\n");
        return EXIT_USAGE;
    }
    int status = 0;
    for (size_t k = 0; k < nlangs; k++) {
        size_t problems = 0;
        int rc = ev_dict_compile(langs[k], dirs, ndirs, compile ? out : NULL,
                                 report_problem, &problems);
        if (rc < 0) {
            fprintf(stderr, "evcode: %s pack: %s (%zu problems)\n", langs[k],
                    ev_strerror(rc), problems);
            status = EXIT_BAD_INPUT;
        } else if (!compile) {
            printf("%s: ok\n", langs[k]);
        }
    }
    return status;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(ev_cli_help_main, stderr);
        return EXIT_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        fputs(ev_cli_help_main, stdout);
        return 0;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("evcode %s\n", EV_VERSION_STRING);
        return 0;
    }
    if (strcmp(argv[1], "code") == 0)
        return cmd_code(argc - 1, argv + 1);
    if (strcmp(argv[1], "dict") == 0)
        return cmd_dict(argc - 1, argv + 1);
    fprintf(stderr, "evcode: unknown command '%s'\n", argv[1]);
    fputs(ev_cli_help_main, stderr);
    return EXIT_USAGE;
}
