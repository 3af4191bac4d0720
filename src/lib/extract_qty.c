/* Quantities: numbers in digits or words, with their scale, bounds,
 * ranges, currency or percent sign and the noun they count
 * (docs/internals/times-quantities.md).
 *
 * At every token that can start a number (ev_gram_head) outside a time
 * mention, the stage parses the number (ev_num_parse), then looks back
 * for an approximation or bound (environ, plus de, at least), a range
 * opener (entre, between) and a currency sign, and forward for the other
 * end of a range (11 à 14 000, which shares its thousands), a percent
 * sign, a currency or a counted noun (soldats, people killed). Words come
 * from data/<lang>/{numbers,quantifiers,units}.txt. */
#include "grammar_int.h"

#include <string.h>

#define K(x) (1u << (x))

typedef struct {
    ev_doc *doc;
    const ev_gram *g;
    ev_gx x;             /* lookups, cached per token */
    size_t s0, s1;       /* the sentence */
    size_t lo;           /* the first token not in a mention yet */
    size_t lim;          /* the next time mention's first token, or s1 */
} qctx;

/* A currency sign or code ending at token `end` (no earlier than `lo`):
 * its first token, or SIZE_MAX. */
static size_t currency_before(const qctx *c, size_t lo, size_t end,
                              const ev_gram_entry **e)
{
    if (end <= lo)
        return SIZE_MAX;
    return ev_gram_match_back(&c->x, lo, end, EV_G_UNIT,
                              K(EV_UNIT_CURRENCY), e);
}

/* The noun, currency or percent sign after a number at `j`, with a link
 * word before it (millions de dollars, thousands of people). Fills the
 * quantity and returns the token after it, or `j`. */
static size_t unit_after(const qctx *c, size_t j, ev_quantity *q,
                         int allow_noun)
{
    const ev_gram_entry *e;
    size_t k = ev_gram_match(&c->x, j, c->lim, EV_G_UNIT,
                             K(EV_UNIT_PERCENT), &e);
    if (k) {
        q->flags |= EV_QTY_PERCENT;
        return j + k;
    }
    size_t at = j;
    uint32_t kinds = K(EV_UNIT_CURRENCY) | (allow_noun ? K(EV_UNIT_NOUN) : 0);
    k = ev_gram_match(&c->x, at, c->lim, EV_G_UNIT, kinds, &e);
    if (!k) {
        size_t l = ev_gram_match(&c->x, j, c->lim, EV_G_QTF,
                                 K(EV_QTF_LINK), &e);
        if (!l)
            return j;
        at = j + l;
        k = ev_gram_match(&c->x, at, c->lim, EV_G_UNIT, kinds, &e);
        if (!k)
            return j;
    }
    if (e->kind == EV_UNIT_CURRENCY) {
        if (!q->currency.n && e->s && e->s[0])
            q->currency = (ev_slice){e->s, strlen(e->s)};
        else if (!q->currency.n)
            q->unit = (ev_slice){c->doc->text.p + c->doc->tok[at].start,
                                 c->doc->tok[at + k - 1].end -
                                     c->doc->tok[at].start};
    } else {
        q->unit = (ev_slice){c->doc->text.p + c->doc->tok[at].start,
                             c->doc->tok[at + k - 1].end -
                                 c->doc->tok[at].start};
    }
    return at + k;
}

/* A number at `i` for a quantity: not a vague count, not a proper name
 * (Les Quatre Cents Coups, la Seconde Guerre), no suffix we do not know. */
static int qty_num(const qctx *c, size_t i, uint32_t opts, ev_num *n)
{
    const ev_token *t = &c->doc->tok[i];
    if (i >= c->lim || !ev_num_parse(&c->x, i, c->lim, opts, n))
        return 0;
    if (t->kind == EV_TOK_WORD && (t->flags & EV_TOKF_CAP) && i > c->s0 &&
        !(c->doc->tok[i - 1].kind == EV_TOK_QUOTE ||
          (c->doc->tok[i - 1].flags & EV_TOKF_OPEN)))
        return 0;
    if ((n->flags & EV_NUMF_VAGUE) && !(n->flags & EV_NUMF_SCALED))
        return 0;
    if (n->flags & EV_NUMF_UNITSFX) {
        const ev_gram_entry *e;
        size_t cnt;
        e = ev_gram_first(c->g, n->sfx.p, n->sfx.n, &cnt);
        for (size_t k = 0; k < cnt; k++)
            if (e[k].cls == EV_G_UNIT && e[k].nw == 1 &&
                e[k].kind == EV_UNIT_NOUN)
                return 1;
        return 0;
    }
    return 1;
}

/* Two numbers of one token: 10-15 (a range), 3/4 (a fraction). Returns 1
 * and fills `q` when the token is one of those. */
static int pair_token(const qctx *c, size_t i, ev_quantity *q)
{
    ev_digits d;
    if (ev_digits_split(c->doc, &c->doc->tok[i], &d) != 2 || d.sfx.n ||
        d.len[0] > 9 || d.len[1] > 9)
        return 0;
    double a = (double)d.v[0], b = (double)d.v[1];
    if (d.sep[1] == '-' && a < b) {
        q->min = a;
        q->max = b;
        q->flags |= EV_QTY_MIN | EV_QTY_MAX;
        return 1;
    }
    if (d.sep[1] == '/' && b > 0 && a < b && d.len[0] <= 3 &&
        d.len[1] <= 3) {
        q->value = a / b;
        q->flags |= EV_QTY_VALUE;
        return 1;
    }
    return 0;
}

/* Read the quantity at head `h` and emit it. Returns the token after it,
 * `h` when there is none, or an error. */
static long qty_at(qctx *c, size_t h)
{
    const ev_gram_entry *e, *cur = NULL;
    ev_quantity q;
    ev_num n1, n2;
    size_t i = h, end, k;
    uint32_t opts = 0;
    /* un million, a dozen: the article before the head starts it */
    if (h > c->lo && h > c->s0 && c->doc->tok[h - 1].kind == EV_TOK_WORD &&
        ev_gram_match(&c->x, h - 1, h, EV_G_NUM, K(EV_NUM_UNIT), &e) &&
        (e->opt & EV_GO_ARTICLE) &&
        ev_num_parse(&c->x, h - 1, c->lim, 0, &n1) && n1.end > h)
        i = h - 1;
    size_t start = i;
    memset(&q, 0, sizeof(q));
    q.of = -1;
    /* a currency sign before: $50, €3bn */
    size_t cs = currency_before(c, c->s0, i, &cur);
    if (cs != SIZE_MAX && c->doc->tok[cs].kind != EV_TOK_WORD) {
        start = cs;
        opts |= EV_NUMP_MONEY;
        if (cur->s && cur->s[0])
            q.currency = (ev_slice){cur->s, strlen(cur->s)};
    }
    if (!qty_num(c, i, opts, &n1)) {
        if (c->doc->tok[i].kind != EV_TOK_NUMBER || !pair_token(c, i, &q))
            return (long)h;
        end = unit_after(c, i + 1, &q, 1);
        goto emit;
    }
    end = n1.end;
    double v1 = n1.v;
    /* des dizaines de milliers: a plural count of a plural scale */
    if (n1.flags & (EV_NUMF_PLURAL | EV_NUMF_APPROX)) {
        size_t l = ev_gram_match(&c->x, end, c->lim, EV_G_QTF,
                                 K(EV_QTF_LINK), &e);
        ev_num s;
        if (l && ev_num_parse(&c->x, end + l, c->lim, 0, &s) &&
            (s.flags & EV_NUMF_WORDS) && (s.flags & EV_NUMF_PLURAL) &&
            v1 * s.v <= 1e18) {
            v1 *= s.v;
            end = s.end;
        }
    }
    /* a sign: -5, moins 5, minus five (not "au moins 5") */
    if (start == i && i > c->s0 &&
        ev_gram_match_back(&c->x, c->s0, i, EV_G_QTF,
                           K(EV_QTF_APPROX) | K(EV_QTF_MIN) | K(EV_QTF_MAX),
                           &e) == SIZE_MAX) {
        const ev_token *p = &c->doc->tok[i - 1];
        if (p->kind == EV_TOK_PUNCT && p->key.n == 1 && p->key.p[0] == '-' &&
            !(c->doc->tok[i].flags & EV_TOKF_SPACE) &&
            (i - 1 == c->s0 || (p->flags & EV_TOKF_SPACE)) &&
            (n1.flags & EV_NUMF_DIGITS)) {
            v1 = -v1;
            start = i - 1;
        } else if (ev_gram_match_back(&c->x, c->s0, i, EV_G_NUM,
                                      K(EV_NUM_NEGATIVE), &e) != SIZE_MAX) {
            v1 = -v1;
            start = ev_gram_match_back(&c->x, c->s0, i, EV_G_NUM,
                                       K(EV_NUM_NEGATIVE), &e);
        }
    }
    /* bounds and approximations before: environ, plus de, at least */
    int bound = 0;
    size_t b = ev_gram_match_back(&c->x, c->s0, start, EV_G_QTF,
                                  K(EV_QTF_APPROX) | K(EV_QTF_MIN) |
                                      K(EV_QTF_MAX), &e);
    size_t opener = SIZE_MAX;
    if (b != SIZE_MAX) {
        bound = e->kind;
    } else {
        opener = ev_gram_match_back(&c->x, c->s0, start, EV_G_QTF,
                                    K(EV_QTF_FROM), &e);
        if (opener != SIZE_MAX && opener > c->s0) {
            size_t b2 = ev_gram_match_back(&c->x, c->s0, opener,
                                           EV_G_QTF, K(EV_QTF_APPROX), &e);
            if (b2 != SIZE_MAX) {
                bound = EV_QTF_APPROX;
                b = b2;
            }
        }
    }
    /* the other end of a range: 11 à 14 000, 10 to 15 million */
    int ranged = 0;
    if (!(n1.flags & EV_NUMF_ORDINAL) &&
        (k = ev_gram_match(&c->x, end, c->lim, EV_G_QTF,
                           K(EV_QTF_TO), &e))) {
        const ev_gram_entry *jn;
        int joiner = ev_gram_match(&c->x, end, end + k, EV_G_NUM,
                                   K(EV_NUM_JOINER), &jn) == k;
        size_t j = end + k;
        const ev_gram_entry *cur2;
        size_t c2 = currency_before(c, end + k, end + k + 2, &cur2);
        if (c2 == j && j + 1 < c->lim &&
            c->doc->tok[j].kind != EV_TOK_WORD)
            j = j + 1;
        if ((!joiner || opener != SIZE_MAX) && j < c->lim &&
            qty_num(c, j, opts, &n2) &&
            !(n2.flags & (EV_NUMF_ORDINAL | EV_NUMF_PLURAL))) {
            double lo = v1;
            if (n2.mag > 1 && n1.mag == 1 && !(n1.flags & EV_NUMF_SCALED) &&
                lo > 0 && lo < n2.lead)
                lo *= n2.mag;     /* shared magnitude */
            if (lo < n2.v) {
                q.min = lo;
                q.max = n2.v;
                q.flags |= EV_QTY_MIN | EV_QTY_MAX;
                end = n2.end;
                ranged = 1;
                if (opener != SIZE_MAX && b == SIZE_MAX)
                    start = opener;
            }
        }
    }
    if (!ranged) {
        if (n1.flags & EV_NUMF_PLURAL) {
            q.min = 2 * v1;       /* des milliers: several thousands */
            q.flags |= EV_QTY_MIN | EV_QTY_APPROX;
        } else if (bound == EV_QTF_MIN) {
            q.min = v1;
            q.flags |= EV_QTY_MIN;
        } else if (bound == EV_QTF_MAX) {
            q.max = v1;
            q.flags |= EV_QTY_MAX;
        } else {
            q.value = v1;
            q.flags |= EV_QTY_VALUE;
        }
    }
    if (bound == EV_QTF_APPROX || (n1.flags & EV_NUMF_APPROX))
        q.flags |= EV_QTY_APPROX;
    if (b != SIZE_MAX)
        start = b < start ? b : start;
    if (n1.flags & EV_NUMF_ORDINAL) {
        q.flags |= EV_QTY_ORDINAL;
    } else if (n1.flags & EV_NUMF_UNITSFX) {
        const ev_token *t = &c->doc->tok[i];
        const char *p = c->doc->text.p + t->end;
        size_t sn = 0;
        /* the letters glued to the digits, as written */
        while (sn < t->end - t->start && !(p[-1 - (long)sn] >= '0' &&
                                           p[-1 - (long)sn] <= '9'))
            sn++;
        q.unit = (ev_slice){p - sn, sn};
    } else {
        end = unit_after(c, end, &q, 1);
    }
    /* Alone, "one" is mostly a pronoun (one of them, no one) and a
     * number of four digits a year the time stage could not place. */
    if (!ranged && !bound && start == i && !q.unit.n && !q.currency.n &&
        !(q.flags & (EV_QTY_PERCENT | EV_QTY_ORDINAL)) &&
        !(n1.flags & (EV_NUMF_SCALED | EV_NUMF_APPROX | EV_NUMF_PLURAL))) {
        if ((n1.flags & EV_NUMF_WORDS) && v1 == 1)
            return (long)h;
        if ((n1.flags & EV_NUMF_DIGITS) && (n1.flags & EV_NUMF_INTEGER) &&
            !(n1.flags & EV_NUMF_GROUPED) && v1 >= 1900 && v1 <= 2100 &&
            c->doc->tok[i].end - c->doc->tok[i].start == 4)
            return (long)h;
    }
emit:;
    const char *rule = ev_gram_rule(c->doc, c->doc->tq, "qty",
                                    q.flags & EV_QTY_ORDINAL ? "ordinal"
                                    : (q.flags & EV_QTY_MIN) &&
                                            (q.flags & EV_QTY_MAX)
                                        ? "range"
                                    : q.currency.n ? "money"
                                    : q.flags & EV_QTY_PERCENT ? "percent"
                                    : q.flags & (EV_QTY_MIN | EV_QTY_MAX)
                                        ? "bound" : "number");
    if (!rule)
        return EV_ENOMEM;
    ev_mention *m = ev_doc_add_mention(c->doc, EV_MENTION_QUANTITY, start,
                                       end, rule);
    if (!m)
        return EV_ENOMEM;
    m->u.qty = q;
    return (long)end;
}

int ev_extract_qty(ev_doc *doc)
{
    ev_tq *tq = doc->tq;
    if (!tq)
        return EV_OK;
    /* Time mentions, in the order the time stage added them (text
     * order): their tokens are not quantities. */
    size_t nm = doc->nmention, tm = 0, next = 0;
    qctx c;
    memset(&c, 0, sizeof(c));
    c.doc = doc;
    c.g = tq->x.g;
    c.x = tq->x;
    for (size_t k = 0; k < tq->nq; k++) {
        size_t i = tq->qheads[k];
        if (i < next)
            continue;
        while (tm < nm && (doc->mention[tm].kind != EV_MENTION_TIME ||
                           doc->mention[tm].tok_end <= i))
            tm++;
        if (tm < nm && doc->mention[tm].tok_start <= i)
            continue;
        const ev_sentence *s = &doc->sent[doc->tok[i].sentence];
        c.s0 = s->tok_start;
        c.s1 = s->tok_end;
        c.lim = c.s1;
        if (tm < nm && doc->mention[tm].tok_start < c.lim)
            c.lim = doc->mention[tm].tok_start;
        c.lo = next > c.s0 ? next : c.s0;
        if (tm > 0 && doc->mention[tm - 1].kind == EV_MENTION_TIME &&
            doc->mention[tm - 1].tok_end > c.lo)
            c.lo = doc->mention[tm - 1].tok_end;
        long r = qty_at(&c, i);
        if (r < 0)
            return (int)r;
        if ((size_t)r > i)
            next = (size_t)r;
    }
    return EV_OK;
}
