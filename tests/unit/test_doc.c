#include "check.h"
#include "helpers.h"

#include <stdlib.h>

/* A test allocator that fails the k-th allocation. */
static long alloc_count, fail_at;

static void *t_malloc(void *ctx, size_t n)
{
    (void)ctx;
    return ++alloc_count == fail_at ? NULL : malloc(n);
}

static void *t_realloc(void *ctx, void *p, size_t n)
{
    (void)ctx;
    return ++alloc_count == fail_at ? NULL : realloc(p, n);
}

static void t_free(void *ctx, void *p)
{
    (void)ctx;
    free(p);
}

static const char article[] =
    "Le Kremlin a annoncé aujourd'hui que M. Poutine a rencontré Kim "
    "Jong-un. Il a dit : « Nous n'oublierons jamais cela ». Les 11 à "
    "14\xc2\xa0" "000 soldats nord-coréens l’ont \"confirmé\".\n\nFin.";

/* Code `article` with allocation k failing; the call must fail cleanly
 * or succeed with the full result. */
static int code_with_failure(long k, size_t *nsent)
{
    ev_alloc alc = {t_malloc, t_realloc, t_free, NULL};
    ev_doc_options o = EV_DOC_OPTIONS_INIT;
    o.alloc = &alc;
    alloc_count = 0;
    fail_at = k;
    ev_doc *doc;
    int rc = ev_doc_new(&doc, &o);
    if (rc < 0)
        return rc;
    ev_input in;
    memset(&in, 0, sizeof(in));
    in.text = (ev_slice){article, sizeof(article) - 1};
    in.lang = (ev_slice){"fr", 2};
    rc = ev_doc_code(doc, &in, NULL);
    ev_doc_sentences(doc, nsent);
    ev_doc_free(doc);
    return rc;
}

int main(void)
{
    /* Language detection. */
    CHECK_EQ_STR(ev_lang_detect(article, sizeof(article) - 1), "fr");
    const char en[] = "The president said on Monday that the troops were "
                      "sent to the border, according to officials.";
    CHECK_EQ_STR(ev_lang_detect(en, sizeof(en) - 1), "en");
    CHECK_EQ_STR(ev_lang_detect("12 345", 6), "und");
    ev_doc *doc = code_str(en, "auto", 0);
    CHECK_EQ_STR(ev_doc_lang(doc), "en");
    doc = code_str(en, "EN-gb", 0);
    CHECK_EQ_STR(ev_doc_lang(doc), "en");

    /* Dates: ISO 8601 kept, anything else flagged and dropped. */
    ev_doc_options opts = EV_DOC_OPTIONS_INIT;
    CHECK(ev_doc_new(&doc, &opts) == EV_OK);
    const char *dates[] = {"2025-09-03", "2013-02-12T04:30:00-02:00",
                           "2024-02-29", "2023-02-29", "03/09/2025",
                           "2025-13-01", "2025-09-03Tnoon"};
    const int valid[] = {1, 1, 1, 0, 0, 0, 0};
    for (size_t i = 0; i < 7; i++) {
        ev_input in;
        memset(&in, 0, sizeof(in));
        in.text = (ev_slice){"x", 1};
        in.date = (ev_slice){dates[i], strlen(dates[i])};
        CHECK(ev_doc_code(doc, &in, NULL) == EV_OK);
        CHECK_EQ_INT(ev_doc_date(doc).n != 0, valid[i]);
        CHECK_EQ_INT(ev_doc_date_invalid(doc), !valid[i]);
    }
    /* Bad UTF-8 fails with its position; the document is reusable. */
    {
        ev_input in;
        ev_err err;
        memset(&in, 0, sizeof(in));
        in.text = (ev_slice){"Pékin \xff", 8};
        CHECK(ev_doc_code(doc, &in, &err) == EV_EINVAL_UTF8);
        CHECK_EQ_INT(err.byte_pos, 7);
        size_t n;
        ev_doc_tokens(doc, &n);
        CHECK_EQ_INT(n, 0);
        in.text = (ev_slice){"Bon. Oui.", 9};
        CHECK(ev_doc_code(doc, &in, NULL) == EV_OK);
        ev_doc_sentences(doc, &n);
        CHECK_EQ_INT(n, 2);
    }
    ev_doc_free(doc);
    /* Size limit. */
    opts.max_text = 4;
    CHECK(ev_doc_new(&doc, &opts) == EV_OK);
    {
        ev_input in;
        memset(&in, 0, sizeof(in));
        in.text = (ev_slice){"12345", 5};
        CHECK(ev_doc_code(doc, &in, NULL) == EV_ETOOBIG);
    }
    ev_doc_free(doc);
    ev_doc_free(NULL);
    opts.version = 42;
    CHECK(ev_doc_new(&doc, &opts) == EV_EINVAL);

    /* Allocation failures: for every k, failing the k-th allocation gives
     * EV_ENOMEM and no leak (ASan checks), never a crash. */
    size_t want;
    CHECK(code_with_failure(0, &want) == EV_OK);
    long total = alloc_count;
    CHECK(total > 2);
    int clean = 1;
    for (long k = 1; k <= total; k++) {
        size_t n;
        int rc = code_with_failure(k, &n);
        if (rc != EV_ENOMEM)
            clean = 0;
    }
    CHECK(clean);
    CHECK_EQ_INT(want, 4);
    return CHECK_DONE();
}
