/* Fuzz the time and quantity stages: for any valid UTF-8 text, every
 * mention lies inside the text on valid tokens, every time value is a
 * well-formed ISO 8601 date of its grain (or unresolved, with a relative
 * form), and every quantity is bounded with min <= max. The first byte
 * picks the language and the publication date (none, an ordinary one,
 * one with a time, and the edges of the calendar). */
#include "evcode/evcode.h"

#include <stdlib.h>
#include <string.h>

static int dig(const char *p, size_t n)
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

/* Is `s` YYYY, YYYY-MM, YYYY-MM-DD, then THH, THH:MM or THH:MM:SS, with
 * a real month, day, hour, minute and second? */
static int iso_ok(ev_slice s)
{
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30,
                                31};
    const char *p = s.p;
    size_t n = s.n;
    if (n < 4 || !dig(p, 4) || num(p, 4) < 1)
        return 0;
    if (n == 4)
        return 1;
    if (n < 7 || p[4] != '-' || !dig(p + 5, 2))
        return 0;
    int y = num(p, 4), m = num(p + 5, 2);
    if (m < 1 || m > 12)
        return 0;
    if (n == 7)
        return 1;
    if (n < 10 || p[7] != '-' || !dig(p + 8, 2))
        return 0;
    int d = num(p + 8, 2);
    int leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    if (d < 1 || d > mdays[m - 1] || (m == 2 && d == 29 && !leap))
        return 0;
    if (n == 10)
        return 1;
    if (n < 13 || p[10] != 'T' || !dig(p + 11, 2) || num(p + 11, 2) > 23)
        return 0;
    if (n == 13)
        return 1;
    if (n < 16 || p[13] != ':' || !dig(p + 14, 2) || num(p + 14, 2) > 59)
        return 0;
    if (n == 16)
        return 1;
    return n == 19 && p[16] == ':' && dig(p + 17, 2) && num(p + 17, 2) <= 59;
}

static void check_mention(const ev_mention *m, const ev_token *t, size_t nt,
                          size_t n)
{
    if (m->tok_start >= m->tok_end || m->tok_end > nt ||
        m->start != t[m->tok_start].start || m->end != t[m->tok_end - 1].end ||
        m->end > n || m->start >= m->end ||
        m->cp_start != t[m->tok_start].cp_start ||
        m->cp_end != t[m->tok_end - 1].cp_end || m->rule.n == 0)
        abort();
    if (m->kind == EV_MENTION_TIME) {
        const ev_time *tm = &m->u.time;
        if (tm->grain > EV_GRAIN_CENTURY)
            abort();
        if (tm->flags & EV_TIME_UNRESOLVED) {
            if (tm->value.n != 0 || tm->relative.n == 0)
                abort();
        } else if (!iso_ok(tm->value) ||
                   ((tm->flags & EV_TIME_RANGE) && !iso_ok(tm->end))) {
            abort();
        }
    } else if (m->kind == EV_MENTION_QUANTITY) {
        const ev_quantity *q = &m->u.qty;
        if (!(q->flags & (EV_QTY_VALUE | EV_QTY_MIN | EV_QTY_MAX)))
            abort();
        double v[3] = {q->value, q->min, q->max};
        for (int k = 0; k < 3; k++)
            if (!(v[k] >= -1e18 && v[k] <= 1e18))   /* also NaN */
                abort();
        if ((q->flags & EV_QTY_MIN) && (q->flags & EV_QTY_MAX) &&
            q->min > q->max)
            abort();
        if (q->of != -1)
            abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    static const char *const langs[] = {"fr", "en", "auto", "fr"};
    static const char *const dates[] = {
        "", "2025-09-03", "2013-02-12T04:30:00", "0001-01-01",
        "9999-12-31", "2024-02-29", "2016-11-07T00:00:00", "1999-12-31"};
    const char *lang = langs[data[0] & 3];
    const char *date = dates[(data[0] >> 2) & 7];
    const char *text = (const char *)data + 1;
    size_t n = size - 1;
    ev_doc *doc;
    if (ev_doc_new(&doc, NULL) < 0)
        return 0;
    ev_input in;
    memset(&in, 0, sizeof(in));
    in.text = (ev_slice){text, n};
    in.lang = (ev_slice){lang, strlen(lang)};
    in.date = (ev_slice){date, strlen(date)};
    int rc = ev_doc_code(doc, &in, NULL);
    if (rc == EV_OK) {
        size_t nt, nm;
        const ev_token *t = ev_doc_tokens(doc, &nt);
        const ev_mention *m = ev_doc_mentions(doc, &nm);
        for (size_t i = 0; i < nm; i++) {
            check_mention(&m[i], t, nt, n);
            if (i > 0 && m[i].start < m[i - 1].start)
                abort();     /* mentions are in text order */
        }
    } else if (rc != EV_EINVAL_UTF8) {
        abort();
    }
    ev_doc_free(doc);
    return 0;
}
