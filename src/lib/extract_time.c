/* Time expressions: dates, times of day, relative dates and ranges,
 * resolved against the publication date (docs/internals/times-quantities.md).
 *
 * The stage walks each sentence's tokens and, at every token that can
 * start a time expression (ev_gram_head), tries the grammar's forms and
 * keeps the longest: a calendar date, a year with its preposition, a day
 * relative to the publication date, a shift (il y a trois jours), a
 * weekday, a season... It then attaches a time of day, reads a range
 * (du 3 au 5 juin) and resolves the result to ISO 8601 values. Words come
 * from data/<lang>/{calendar,relative,numbers,quantifiers,tense}.txt. */
#include "grammar_int.h"

#include <string.h>

#define K(x) (1u << (x))

/* Directions for what a text leaves out (the year of "18 juin", the week
 * of "mercredi"). */
enum {
    DIR_PAST = -1,    /* on or before the anchor */
    DIR_TENSE = 0,    /* from the tense of the sentence */
    DIR_FUTURE = 1,   /* on or after */
    DIR_NEAREST = 2,  /* nearest to the anchor */
    DIR_LAST = 3,     /* strictly before: mercredi dernier */
    DIR_NEXT = 4      /* strictly after: mardi prochain */
};

/* The direction when no verb tells: the nearest date. */
#define NO_TENSE_DIR DIR_NEAREST

/* Limits: years we write, and counts we shift by. */
#define MIN_YEAR 1
#define MAX_YEAR 9999
#define MAX_SHIFT 100000.0

/* ---------------------------------------------------------- calendar */

static int leap(int y)
{
    return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

static int mdays(int y, int m)
{
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : d[m - 1];
}

static int date_ok(int y, int m, int d)
{
    return y >= MIN_YEAR && y <= MAX_YEAR && m >= 1 && m <= 12 && d >= 1 &&
           d <= mdays(y, m);
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant). */
static long days_from_civil(int y, int m, int d)
{
    long yy = (long)y - (m <= 2);
    long era = (yy >= 0 ? yy : yy - 399) / 400;
    long yoe = yy - era * 400;
    long doy = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

/* ISO weekday of a day number: 1 Monday .. 7 Sunday. */
static int weekday_of(long z)
{
    long w = (z % 7 + 7 + 3) % 7;   /* 1970-01-01 was a Thursday */
    return (int)w + 1;
}

/* ------------------------------------------------------------ values */

enum {
    TV_DATE = 1,  /* calendar fields y m d wd (0 when absent) */
    TV_DAY,       /* `off` days from the anchor */
    TV_UNIT,      /* the `unit` period `off` periods from the anchor's */
    TV_SHIFT,     /* the anchor moved by `n` `unit`s */
    TV_LASTN,     /* the `n` units before (off -1) or after (+1) it */
    TV_WEEKWD,    /* weekday `wd` of the week `off` weeks from the anchor's */
    TV_SEASON,    /* from MMDD `sa` to MMDD `sb`, in year y or by dir */
    TV_DECADE,    /* years y .. y+9 */
    TV_CENTURY    /* years y .. y+99 */
};

/* How sure a bare form is: weak forms count only inside a range. */
enum {
    WEAK_NONE = 0,
    WEAK_DAY,     /* a bare day number: "3" of "du 3 au 5 juin" */
    WEAK_DETDAY,  /* "le 23", "the 18th": a date only before a pause */
    WEAK_YEAR,    /* a bare 4-digit number: "2014" of "2014 to 2022" */
    WEAK_CLOCK    /* "15 heures": a time only after à, at, vers */
};

typedef struct {
    int kind;
    int y, m, d, wd;
    int d2;                   /* 13-15 juillet: the range's last day */
    int hh, mi, ss, cgrain;   /* time of day; hh < 0: none */
    int dir;
    int off, unit;
    double n;
    int sa, sb;
    int weak;
    int pm;                   /* a daypart after the clock: 1 am, 2 pm */
    const char *rule;
} tv;

typedef struct {
    ev_doc *doc;
    const ev_gram *g;
    ev_gx x;                  /* lookups, cached per token */
    ev_tq *tq;                /* what is left for ev_extract_qty */
    size_t s0, s1;            /* the sentence's tokens */
    size_t lo;                /* the first token not yet in a mention */
    int anchor;               /* a publication date is known */
    int ay, am, ad, ahh, ami, ass;
    int asec;                 /* its seconds were given */
    long aday;                /* its day number */
    int awd;
} tctx;

static void tv_init(tv *v, int kind, const char *rule)
{
    memset(v, 0, sizeof(*v));
    v->kind = kind;
    v->hh = -1;
    v->rule = rule;
}

static const ev_token *tk(const tctx *c, size_t i)
{
    return &c->doc->tok[i];
}

static size_t m_cal(const tctx *c, size_t i, uint32_t kinds,
                    const ev_gram_entry **e)
{
    return ev_gram_match(&c->x, i, c->s1, EV_G_CAL, kinds, e);
}

static size_t m_rel(const tctx *c, size_t i, uint32_t kinds,
                    const ev_gram_entry **e)
{
    return ev_gram_match(&c->x, i, c->s1, EV_G_REL, kinds, e);
}

static size_t m_qtf(const tctx *c, size_t i, uint32_t kinds,
                    const ev_gram_entry **e)
{
    return ev_gram_match(&c->x, i, c->s1, EV_G_QTF, kinds, e);
}

static int is_punct(const tctx *c, size_t i, char ch)
{
    const ev_token *t = tk(c, i);
    return i < c->s1 && t->kind == EV_TOK_PUNCT && t->key.n == 1 &&
           t->key.p[0] == ch;
}

/* Capitalised and not the first word of its sentence: a proper name. */
static int name_like(const tctx *c, size_t i)
{
    return (tk(c, i)->flags & EV_TOKF_CAP) && i > c->s0 &&
           !(tk(c, i - 1)->kind == EV_TOK_QUOTE ||
             (tk(c, i - 1)->flags & EV_TOKF_OPEN));
}

/* Does a pause follow token `i`: the end of the sentence, punctuation, a
 * capitalised word, a number or a function word (the language's
 * stopwords)? A weak date is one only before a pause. */
static int pause_at(const tctx *c, size_t i)
{
    if (i >= c->s1)
        return 1;
    const ev_token *t = tk(c, i);
    if (t->kind != EV_TOK_WORD)
        return 1;
    if (t->flags & (EV_TOKF_CAP | EV_TOKF_UPPER))
        return 1;
    return c->doc->lex &&
           ev_lex_find(&c->doc->lex->stop, t->key.p, t->key.n) != 0;
}

/* The one group of digits of a number token at `i` with at most `maxlen`
 * digits; its suffix goes to `*sfx`. Returns 1 on success. */
static int int_tok(const tctx *c, size_t i, int maxlen, long *v,
                   ev_slice *sfx)
{
    ev_digits d;
    if (i >= c->s1 || tk(c, i)->kind != EV_TOK_NUMBER ||
        ev_digits_split(c->doc, tk(c, i), &d) != 1 || d.len[0] > maxlen)
        return 0;
    *v = (long)d.v[0];
    *sfx = d.sfx;
    return 1;
}

static const ev_gram_entry *num_suffix(const tctx *c, ev_slice s, int kind)
{
    size_t n;
    const ev_gram_entry *e = ev_gram_first(c->g, s.p, s.n, &n);
    for (size_t j = 0; j < n; j++)
        if (e[j].cls == EV_G_NUM && e[j].kind == kind && e[j].nw == 1)
            return &e[j];
    return NULL;
}

static const ev_gram_entry *cal_suffix(const tctx *c, ev_slice s, int kind)
{
    size_t n;
    const ev_gram_entry *e = ev_gram_first(c->g, s.p, s.n, &n);
    for (size_t j = 0; j < n; j++)
        if (e[j].cls == EV_G_CAL && e[j].kind == kind && e[j].nw == 1)
            return &e[j];
    return NULL;
}

/* A day of the month at `i`: 18, 1er, 31st, premier, vingt-neuf. */
static size_t p_daynum(const tctx *c, size_t i, int *d)
{
    long v;
    ev_slice sfx;
    if (i >= c->s1)
        return 0;
    if (int_tok(c, i, 2, &v, &sfx)) {
        const ev_gram_entry *cur;
        if (v < 1 || v > 31)
            return 0;
        if (i > c->s0 && !(tk(c, i)->flags & EV_TOKF_SPACE) &&
            ev_gram_match_back(&c->x, c->s0, i, EV_G_UNIT,
                               K(EV_UNIT_CURRENCY), &cur) != SIZE_MAX)
            return 0;   /* $12 */
        if (sfx.n) {
            const ev_gram_entry *e = num_suffix(c, sfx, EV_NUM_SUFFIX);
            if (!e || !(e->opt & EV_GO_ORDINAL))
                return 0;
        }
        *d = (int)v;
        return i + 1;
    }
    if (tk(c, i)->kind != EV_TOK_WORD || name_like(c, i))
        return 0;
    ev_num n;
    if (!ev_num_parse(&c->x, i, c->s1, 0, &n) ||
        (n.flags & (EV_NUMF_VAGUE | EV_NUMF_APPROX | EV_NUMF_PLURAL |
                    EV_NUMF_SCALED)) ||
        !(n.flags & EV_NUMF_INTEGER) || n.v < 1 || n.v > 31)
        return 0;
    *d = (int)n.v;
    return n.end;
}

/* A two-digit year: in the ten years after the anchor's (or 2020), else
 * the century before. */
static int pivot(const tctx *c, long yy)
{
    int ref = c->anchor ? c->ay : 2020;
    int base = ref / 100 * 100;
    int y = base + (int)yy;
    if (y > ref + 10)
        y -= 100;
    return y;
}

/* A year at `i`: four digits, or two when `two` allows. */
static size_t p_year(const tctx *c, size_t i, int two, int *y)
{
    long v;
    ev_slice sfx;
    if (!int_tok(c, i, 4, &v, &sfx) || sfx.n)
        return 0;
    ev_digits d;
    ev_digits_split(c->doc, tk(c, i), &d);
    if (d.len[0] == 4 && v >= 1000) {
        *y = (int)v;
        return i + 1;
    }
    if (two && d.len[0] == 2) {
        *y = pivot(c, v);
        return i + 1;
    }
    return 0;
}

/* May a month or weekday word stand alone (without a day or a year)? */
static int alone_ok(const tctx *c, size_t i, const ev_gram_entry *e)
{
    if (e->opt & EV_GO_ABBR)
        return 0;
    if ((e->opt & EV_GO_CAP) &&
        (!(tk(c, i)->flags & EV_TOKF_CAP) || i == c->s0))
        return 0;
    if ((e->opt & EV_GO_LOWER) && (tk(c, i)->flags & EV_TOKF_CAP))
        return 0;
    return 1;
}

/* Skip a comma at `i`. */
static size_t skip_comma(const tctx *c, size_t i)
{
    return i < c->s1 && is_punct(c, i, ',') ? i + 1 : i;
}

/* Skip a determiner at `i`. */
static size_t skip_det(const tctx *c, size_t i)
{
    const ev_gram_entry *e;
    size_t k = m_cal(c, i, K(EV_CAL_DET), &e);
    return i + k;
}

/* Skip a link word (de, of) at `i`. */
static size_t skip_link(const tctx *c, size_t i)
{
    const ev_gram_entry *e;
    size_t k = m_qtf(c, i, K(EV_QTF_LINK), &e);
    return i + k;
}

/* A year after a day and month: ", 2024", "2024", "of 1995", "98". */
static size_t p_year_after(const tctx *c, size_t i, int *y)
{
    size_t j = skip_comma(c, i), e;
    if ((e = p_year(c, j, 0, y)))
        return e;
    if ((e = p_year(c, skip_link(c, i), 0, y)) && skip_link(c, i) > i)
        return e;
    if ((e = p_year(c, j, 1, y)) && pause_at(c, e))
        return e;
    return 0;
}

static size_t p_unit(const tctx *c, size_t i, int *unit, int *mod);

/* Minutes after an hour written with a word (midi quinze, quinze heures
 * et quart, trois heures et demie, 15 heures et 15 minutes) at `j`:
 * returns the end and sets `*mi`, or returns `j`. */
static size_t clock_minutes(const tctx *c, size_t j, int *mi)
{
    const ev_gram_entry *e;
    ev_num n;
    size_t k = ev_gram_match(&c->x, j, c->s1, EV_G_NUM,
                             K(EV_NUM_JOINER), &e);
    size_t at = j + k;
    if (at >= c->s1)
        return j;
    if (k && (k = ev_gram_match(&c->x, at, c->s1, EV_G_NUM,
                                K(EV_NUM_FRACTION), &e))) {
        *mi = (int)(e->v * 60 + 0.5);   /* et quart, et demie */
        return at + k;
    }
    if (tk(c, at)->kind == EV_TOK_WORD && !name_like(c, at) &&
        ev_num_parse(&c->x, at, c->s1, 0, &n) &&
        (n.flags & EV_NUMF_INTEGER) && n.v >= 1 && n.v <= 59 &&
        !(n.flags & (EV_NUMF_ORDINAL | EV_NUMF_VAGUE | EV_NUMF_SCALED))) {
        int unit, mod;
        size_t u = p_unit(c, n.end, &unit, &mod);
        if (u && unit == EV_TU_MINUTE && mod == 99) {
            *mi = (int)n.v;     /* et quinze minutes */
            return u;
        }
        if (!k && !u) {
            *mi = (int)n.v;     /* midi quinze */
            return n.end;
        }
    }
    return j;
}

/* A time of day at `i`: 14:30, 15h, 15h30, 15 h 30, 15 heures, 3 pm,
 * 11am, midi. `strong` tells whether it can stand alone. */
static size_t p_clock(const tctx *c, size_t i, tv *o)
{
    const ev_gram_entry *e;
    ev_digits d;
    long v;
    ev_slice sfx;
    size_t j, k;
    /* A time of day is written to the minute (15h is 15:00), like ISO
     * 8601 times of day; seconds only when given. */
    int hh = -1, mi = 0, ss = 0, grain = EV_GRAIN_MINUTE, weak = WEAK_NONE;
    if (i >= c->s1)
        return 0;
    const ev_token *t = tk(c, i);
    if (t->kind == EV_TOK_NUMBER) {
        if (ev_digits_split(c->doc, t, &d) < 1)
            return 0;
        j = i + 1;
        if (d.n >= 2 && d.n <= 3 && d.sep[1] == ':' &&
            (d.n == 2 || d.sep[2] == ':') && d.len[0] <= 2 &&
            d.len[1] == 2 && (d.n == 2 || d.len[2] == 2)) {
            hh = (int)d.v[0];   /* 14:30, 08:15:30 */
            mi = (int)d.v[1];
            ss = d.n == 3 ? (int)d.v[2] : 0;
            grain = d.n == 3 ? EV_GRAIN_SECOND : EV_GRAIN_MINUTE;
            if (d.sfx.n && !(e = cal_suffix(c, d.sfx, EV_CAL_CLOCK)))
                return 0;
            if (d.sfx.n && e->a == -3 && hh < 12)
                hh += 12;
            else if (d.sfx.n && e->a == -2 && hh == 12)
                hh = 0;
        } else if (d.n == 1 && d.len[0] <= 4 && d.sfx.n) {
            /* 15h, 15h30 (two tokens), 11am, 1230pm */
            e = cal_suffix(c, d.sfx, EV_CAL_CLOCK);
            if (!e || e->a >= 0)
                return 0;
            hh = (int)d.v[0];
            if (d.len[0] >= 3) {
                if (e->a == -1)
                    return 0;
                hh = (int)(d.v[0] / 100);
                mi = (int)(d.v[0] % 100);
                grain = EV_GRAIN_MINUTE;
            }
            if (e->a == -3 && hh < 12)
                hh += 12;
            else if (e->a == -2 && hh == 12)
                hh = 0;
            if (e->a == -1 && j < c->s1 && !(tk(c, j)->flags & EV_TOKF_SPACE)
                && int_tok(c, j, 2, &v, &sfx) && v < 60 &&
                (!sfx.n || (sfx.n == 1 && sfx.p[0] == 'm'))) {
                mi = (int)v;    /* 15h30, 8h10m */
                grain = EV_GRAIN_MINUTE;
                j++;
            }
        } else if (d.n == 1 && d.len[0] <= 2 && !d.sfx.n &&
                   (k = m_cal(c, j, K(EV_CAL_CLOCK), &e)) && e->a < 0) {
            /* 15 h, 15 heures, 3 pm, 11 o'clock, 9 heures 30 */
            hh = (int)d.v[0];
            j += k;
            if (e->a == -3 && hh < 12)
                hh += 12;
            else if (e->a == -2 && hh == 12)
                hh = 0;
            if (e->a == -1) {
                weak = WEAK_CLOCK;
                size_t j3;
                if (int_tok(c, j, 2, &v, &sfx) && !sfx.n && v < 60) {
                    mi = (int)v;
                    grain = EV_GRAIN_MINUTE;
                    j++;
                    weak = WEAK_NONE;
                } else if ((j3 = clock_minutes(c, j, &mi)) > j) {
                    grain = EV_GRAIN_MINUTE;
                    j = j3;
                }
            }
        } else {
            return 0;
        }
    } else if (t->kind == EV_TOK_WORD) {
        if ((k = m_cal(c, i, K(EV_CAL_CLOCK), &e)) && e->a >= 0) {
            if (name_like(c, i))
                return 0;
            hh = e->a / 60;   /* midi, noon */
            mi = e->a % 60;
            j = clock_minutes(c, i + k, &mi);
            grain = EV_GRAIN_MINUTE;
        } else {
            ev_num n;    /* quinze heures, three pm */
            if (name_like(c, i) ||
                !ev_num_parse(&c->x, i, c->s1, 0, &n) ||
                !(n.flags & EV_NUMF_INTEGER) || n.v > 24 ||
                (n.flags & (EV_NUMF_ORDINAL | EV_NUMF_VAGUE)))
                return 0;
            j = n.end;
            if (!(k = m_cal(c, j, K(EV_CAL_CLOCK), &e)) || e->a >= 0)
                return 0;
            hh = (int)n.v;
            j += k;
            weak = e->a == -1 ? WEAK_CLOCK : WEAK_NONE;
            if (e->a == -1) {
                size_t j3 = clock_minutes(c, j, &mi);
                if (j3 > j) {
                    grain = EV_GRAIN_MINUTE;
                    j = j3;
                }
            }
            if (e->a == -3 && hh < 12)
                hh += 12;
            else if (e->a == -2 && hh == 12)
                hh = 0;
        }
    } else {
        return 0;
    }
    /* am / pm written after, or a daypart: du soir, in the morning. */
    if ((k = m_cal(c, j, K(EV_CAL_CLOCK), &e)) && (e->a == -2 || e->a == -3)) {
        if (e->a == -3 && hh < 12)
            hh += 12;
        else if (e->a == -2 && hh == 12)
            hh = 0;
        j += k;
        weak = WEAK_NONE;
    } else {
        size_t j1 = skip_link(c, j);
        if (j1 == j)
            j1 = j + m_cal(c, j, K(EV_CAL_YEARPREP), &e);
        size_t j2 = skip_det(c, j1);
        if (j2 > j && (k = m_cal(c, j2, K(EV_CAL_DAYPART), &e))) {
            if (e->a == 1 && hh < 12)
                hh += 12;
            j = j2 + k;
            weak = WEAK_NONE;
        }
    }
    if (hh < 0 || hh > 23 || mi > 59 || ss > 59)
        return 0;
    o->hh = hh;
    o->mi = mi;
    o->ss = ss;
    o->cgrain = grain;
    if (weak > o->weak)
        o->weak = weak;
    return j;
}

/* A date written with digits at `i`: 18/06/2024, 2024-06-18, 18.06.24,
 * 06/2004, 2015-3, 17/02, 2014-2022 (a range: `*y2` gets its end). */
static size_t p_numdate(const tctx *c, size_t i, tv *o, int *y2)
{
    ev_digits d;
    if (i >= c->s1 || tk(c, i)->kind != EV_TOK_NUMBER ||
        ev_digits_split(c->doc, tk(c, i), &d) < 2 || d.n > 3)
        return 0;
    char sep = d.sep[1];
    if ((sep != '/' && sep != '.' && sep != '-') ||
        (d.n == 3 && d.sep[2] != sep))
        return 0;
    int dmy = c->g->decimal == ',' || sep == '.';   /* else month first */
    int y = 0, m = 0, dd = 0;
    if (d.sfx.n && !(d.sfx.n == 1 && d.sfx.p[0] == 't'))
        return 0;
    if (d.n == 3) {
        if (d.len[0] == 4 && d.len[1] <= 2 && d.len[2] <= 2) {
            y = (int)d.v[0];
            m = (int)d.v[1];
            dd = (int)d.v[2];
        } else if (d.len[0] <= 2 && d.len[1] <= 2 &&
                   (d.len[2] == 4 || (d.len[2] == 2 && sep != '.'))) {
            y = d.len[2] == 4 ? (int)d.v[2] : pivot(c, (long)d.v[2]);
            int a = (int)d.v[0], b = (int)d.v[1];
            if (dmy ? (b <= 12 || a > 12) : (a > 12 && b <= 12)) {
                dd = a;
                m = b;
            } else {
                m = a;
                dd = b;
            }
            if (!date_ok(y, m, dd)) {   /* the other order */
                int t = m;
                m = dd;
                dd = t;
            }
        } else {
            return 0;
        }
        if (!date_ok(y, m, dd))
            return 0;
        o->y = y;
        o->m = m;
        o->d = dd;
        o->rule = "numeric";
        return i + 1;
    }
    /* Two groups. */
    if (d.len[0] == 4 && d.len[1] == 4 && sep == '-') {
        if (d.v[0] < 1000 || d.v[1] <= d.v[0] || d.v[1] > 2999)
            return 0;
        o->y = (int)d.v[0];
        *y2 = (int)d.v[1];
        o->rule = "years";
        return i + 1;
    }
    if (d.len[0] == 4 && d.len[1] <= 2 && sep != '.') {
        if (d.v[1] < 1 || d.v[1] > 12 || d.v[0] < 1000)
            return 0;
        o->y = (int)d.v[0];     /* 2015-3 */
        o->m = (int)d.v[1];
        o->rule = "numeric";
        return i + 1;
    }
    if (d.len[0] <= 2 && d.len[1] == 4 && sep != '-') {
        if (d.v[0] < 1 || d.v[0] > 12 || d.v[1] < 1000)
            return 0;
        o->y = (int)d.v[1];     /* 06/2004 */
        o->m = (int)d.v[0];
        o->rule = "numeric";
        return i + 1;
    }
    if (d.len[0] <= 2 && d.len[1] <= 2 && sep == '/') {
        /* A day and a month, only after a determiner, a weekday or a
         * range word, or written with two digits each (17/02). */
        const ev_gram_entry *e;
        int ctx = d.len[0] == 2 && d.len[1] == 2 && d.v[1] <= 12;
        if (!ctx && i > c->s0)
            ctx = m_cal(c, i - 1, K(EV_CAL_DET) | K(EV_CAL_WEEKDAY), &e) ||
                  m_qtf(c, i - 1, K(EV_QTF_FROM) | K(EV_QTF_TO), &e);
        if (!ctx)
            return 0;
        int a = (int)d.v[0], b = (int)d.v[1];
        if (dmy ? (b <= 12) : !(a <= 12)) {
            dd = a;
            m = b;
        } else {
            m = a;
            dd = b;
        }
        if (m < 1 || m > 12 || dd < 1 || dd > mdays(2000, m))
            return 0;
        o->m = m;
        o->d = dd;
        o->rule = "numeric";
        return i + 1;
    }
    return 0;
}

/* A calendar date at `i`, perhaps partial: [weekday] [le] 18 juin [2024],
 * June 18[, 2024], juin 2024, juin, and the numeric forms. */
static size_t p_date(const tctx *c, size_t i, tv *o)
{
    const ev_gram_entry *e, *em;
    size_t j = i, k, e1, e2;
    int wd = 0, dd = 0, y = 0, y2 = 0;
    tv_init(o, TV_DATE, "date");
    if ((k = m_cal(c, j, K(EV_CAL_WEEKDAY), &e))) {
        wd = e->a;
        j = skip_comma(c, j + k);
    }
    size_t jd = skip_det(c, j);
    int det = jd > j;
    /* le 2 à 5h: the determiner may also be before the head */
    int detb = det || (j == i && i > c->s0 &&
                       m_cal(c, i - 1, K(EV_CAL_DET), &e));
    /* 18 juin 2024, 18th of June, 1er mars */
    if ((e1 = p_daynum(c, jd, &dd))) {
        size_t jm = skip_link(c, e1);
        if (!(k = m_cal(c, jm, K(EV_CAL_MONTH), &em)))
            k = m_cal(c, jm = e1, K(EV_CAL_MONTH), &em);
        if (k) {
            if (!mdays(2000, em->a) || dd > mdays(2000, em->a))
                return 0;     /* 31 février */
            o->wd = wd;
            o->d = dd;
            o->m = em->a;
            if ((e2 = p_year_after(c, jm + k, &y))) {
                if (!date_ok(y, o->m, dd))
                    return 0;   /* 29 février 2014 */
                o->y = y;
                return e2;
            }
            return jm + k;
        }
        ev_digits dg;
        int digits = tk(c, jd)->kind == EV_TOK_NUMBER;
        if (digits && ev_digits_split(c->doc, tk(c, jd), &dg) != 1)
            return 0;
        o->wd = wd;
        o->d = dd;
        o->weak = wd ? WEAK_NONE : detb && digits ? WEAK_DETDAY : WEAK_DAY;
        return e1;
    }
    /* June 18, 2024 - juin 2024 - juin */
    if (!det && (k = m_cal(c, j, K(EV_CAL_MONTH), &em))) {
        long pv;
        ev_slice psfx;
        if (j > c->s0 && int_tok(c, j - 1, 2, &pv, &psfx))
            return 0;   /* 32 août 2014: the day was impossible */
        o->m = em->a;
        o->wd = wd;
        size_t jm = j + k;
        /* a period of an abbreviation that the tokenizer did not keep */
        if ((em->opt & EV_GO_ABBR) && is_punct(c, jm, '.') &&
            !(tk(c, jm)->flags & EV_TOKF_SPACE))
            jm++;
        size_t jx = skip_det(c, jm);
        if ((e1 = p_daynum(c, jx, &dd)) &&
            tk(c, jx)->kind == EV_TOK_NUMBER &&
            dd <= mdays(2000, o->m)) {
            if ((e2 = p_year_after(c, e1, &y))) {
                if (!date_ok(y, o->m, dd))
                    return 0;
                o->d = dd;
                o->y = y;
                return e2;
            }
            if (pause_at(c, e1) || is_punct(c, e1, ',')) {
                o->d = dd;
                return e1;
            }
        } else if ((e1 = p_daynum(c, jx, &dd)) && pause_at(c, e1) &&
                   dd <= mdays(2000, o->m)) {
            o->d = dd;   /* Mai vingt-neuf */
            return e1;
        }
        size_t jy = skip_link(c, skip_comma(c, jm));
        if ((e2 = p_year(c, jy, 0, &y))) {
            o->y = y;
            o->rule = "month-year";
            return e2;
        }
        if (wd || !alone_ok(c, j, em) ||
            (jm < c->s1 && tk(c, jm)->kind == EV_TOK_NUMBER))
            return 0;
        o->rule = "month";
        /* juin dernier, last June is read at the modifier */
        if ((k = m_rel(c, jm, K(EV_REL_MODIFIER), &e)) && e->a != 0) {
            o->dir = e->a < 0 ? DIR_LAST : DIR_NEXT;
            return jm + k;
        }
        return jm;
    }
    if (!det && (e1 = p_numdate(c, j, o, &y2)) && !y2) {
        o->wd = wd;
        return e1;
    }
    /* 13-15 juillet: a range of days in one month */
    ev_digits dg;
    if (jd < c->s1 && tk(c, jd)->kind == EV_TOK_NUMBER &&
        ev_digits_split(c->doc, tk(c, jd), &dg) == 2 && dg.sep[1] == '-' &&
        dg.len[0] <= 2 && dg.len[1] <= 2 && !dg.sfx.n && dg.v[0] >= 1 &&
        dg.v[0] < dg.v[1] && dg.v[1] <= 31) {
        size_t jm = skip_link(c, jd + 1);
        if ((k = m_cal(c, jm, K(EV_CAL_MONTH), &em)) &&
            (int)dg.v[1] <= mdays(2000, em->a)) {
            tv_init(o, TV_DATE, "range");
            o->d = (int)dg.v[0];
            o->d2 = (int)dg.v[1];
            o->m = em->a;
            if ((e2 = p_year_after(c, jm + k, &y))) {
                if (!date_ok(y, o->m, o->d2))
                    return 0;
                o->y = y;
                return e2;
            }
            return jm + k;
        }
    }
    return 0;
}

/* A year at a number token `i`, with what before it makes it one: a
 * preposition (en 2024, in 2024; a weak one such as "de" only before a
 * pause), or a unit (l'année 2024). Decades (1990s) and centuries (20e
 * siècle) too. `*from` gets the first token of the expression. */
static size_t p_year_ctx(const tctx *c, size_t i, tv *o, size_t *from)
{
    const ev_gram_entry *e;
    long v;
    ev_slice sfx;
    size_t k;
    *from = i;
    if (!int_tok(c, i, 4, &v, &sfx))
        return 0;
    ev_digits d;
    ev_digits_split(c->doc, tk(c, i), &d);
    if (sfx.n) {
        /* 1990s, 90s */
        if (cal_suffix(c, sfx, EV_CAL_DECADE) && v % 10 == 0 &&
            (d.len[0] == 4 || d.len[0] == 2)) {
            tv_init(o, TV_DECADE, "decade");
            o->y = d.len[0] == 4 ? (int)v : 1900 + (int)v;
            return o->y >= 1000 ? i + 1 : 0;
        }
        /* 20e siècle, 21st century */
        const ev_gram_entry *s = num_suffix(c, sfx, EV_NUM_SUFFIX);
        if (s && (s->opt & EV_GO_ORDINAL) && v >= 1 && v <= 30 &&
            (k = m_cal(c, i + 1, K(EV_CAL_CENTURY), &e))) {
            tv_init(o, TV_CENTURY, "century");
            o->y = (int)(v - 1) * 100;
            if (o->y == 0)
                o->y = 1;
            return i + 1 + k;
        }
        return 0;
    }
    if (d.len[0] != 4 || v < 1000 || v > 2199)
        return 0;
    tv_init(o, TV_DATE, "year");
    o->y = (int)v;
    if (i > c->s0) {
        /* l'année 2024, the year 2008 */
        if (m_rel(c, i - 1, K(EV_REL_UNIT), &e) && e->a == EV_TU_YEAR &&
            tk(c, i - 1)->kind == EV_TOK_WORD) {
            size_t s = ev_gram_match_back(&c->x, c->s0, i,
                                          EV_G_REL, K(EV_REL_UNIT), &e);
            if (s != SIZE_MAX) {
                *from = s;
                return i + 1;
            }
        }
        size_t s = ev_gram_match_back(&c->x, c->s0, i, EV_G_CAL,
                                      K(EV_CAL_YEARPREP), &e);
        if (s != SIZE_MAX) {
            const ev_gram_entry *q;
            int bound = s > c->s0 &&
                        ev_gram_match_back(&c->x, c->s0, s, EV_G_QTF,
                                           K(EV_QTF_APPROX) | K(EV_QTF_MIN) |
                                           K(EV_QTF_MAX), &q) != SIZE_MAX;
            if (!bound && (e->a == 1 || pause_at(c, i + 1)))
                return i + 1;
        }
    }
    o->weak = WEAK_YEAR;
    return i + 1;
}

/* "les années 90", "années 1990". */
static size_t p_decade_word(const tctx *c, size_t i, tv *o)
{
    const ev_gram_entry *e;
    size_t k = m_cal(c, i, K(EV_CAL_DECADE), &e);
    long v;
    ev_slice sfx;
    if (!k || !int_tok(c, i + k, 4, &v, &sfx) || sfx.n || v % 10 != 0)
        return 0;
    ev_digits d;
    ev_digits_split(c->doc, tk(c, i + k), &d);
    if (d.len[0] != 2 && d.len[0] != 4)
        return 0;
    tv_init(o, TV_DECADE, "decade");
    o->y = d.len[0] == 4 ? (int)v : 1900 + (int)v;
    return o->y >= 1000 ? i + k + 1 : 0;
}

/* A roman numeral with an ordinal ending (XXe, XXIème): its value. */
static int roman_ordinal(const tctx *c, size_t i)
{
    const ev_token *t = tk(c, i);
    if (t->kind != EV_TOK_WORD || !(t->flags & EV_TOKF_CAP))
        return 0;
    const char *p = t->fold.p;
    size_t n = t->fold.n, r = 0;
    while (r < n && (p[r] == 'i' || p[r] == 'v' || p[r] == 'x'))
        r++;
    if (r == 0 || r == n)
        return 0;
    const ev_gram_entry *s = num_suffix(c, (ev_slice){p + r, n - r},
                                        EV_NUM_SUFFIX);
    if (!s || !(s->opt & EV_GO_ORDINAL))
        return 0;
    int v = 0, prev = 0;
    for (size_t k = r; k-- > 0;) {
        int x = p[k] == 'i' ? 1 : p[k] == 'v' ? 5 : 10;
        v += x < prev ? -x : x;
        if (x > prev)
            prev = x;
    }
    return v;
}

/* A century read back from its word at `i` (siècle, century): the
 * ordinal before it. `*from` gets its first token. */
static size_t p_century(const tctx *c, size_t i, tv *o, size_t *from)
{
    const ev_gram_entry *e;
    size_t k = m_cal(c, i, K(EV_CAL_CENTURY), &e);
    if (!k || i <= c->s0)
        return 0;
    int n = roman_ordinal(c, i - 1);
    *from = i - 1;
    if (!n && tk(c, i - 1)->kind == EV_TOK_WORD) {
        /* twentieth century: the ordinal word may span tokens */
        for (size_t s = i - 1; s + 3 >= i && s >= c->s0; s--) {
            ev_num nm;
            if (ev_num_parse(&c->x, s, i, 0, &nm) && nm.end == i &&
                (nm.flags & EV_NUMF_ORDINAL) && nm.v >= 1 && nm.v <= 30) {
                n = (int)nm.v;
                *from = s;
                break;
            }
            if (s == 0)
                break;
        }
    }
    if (n < 1 || n > 30)
        return 0;
    tv_init(o, TV_CENTURY, "century");
    o->y = (n - 1) * 100;
    if (o->y == 0)
        o->y = 1;
    return i + k;
}

/* A count for shifts: digits or words, or an article (un an, a year). */
static size_t p_count(const tctx *c, size_t i, double *n)
{
    ev_num num;
    const ev_gram_entry *e;
    if (i >= c->s1)
        return 0;
    if (ev_num_parse(&c->x, i, c->s1, 0, &num)) {
        if (num.flags & (EV_NUMF_ORDINAL | EV_NUMF_UNITSFX | EV_NUMF_PLURAL |
                         EV_NUMF_SCALED | EV_NUMF_APPROX))
            return 0;
        if (num.v <= 0 || num.v > MAX_SHIFT)
            return 0;
        *n = num.v;
        return num.end;
    }
    size_t k = ev_gram_match(&c->x, i, c->s1, EV_G_NUM,
                             K(EV_NUM_UNIT), &e);
    if (k && (e->opt & EV_GO_ARTICLE)) {
        *n = e->v;
        return i + k;
    }
    return 0;
}

/* A calendar unit at `i`, or a hyphenated unit with a modifier
 * (mois-ci): sets `*unit` and, for the latter, `*mod`. */
static size_t p_unit(const tctx *c, size_t i, int *unit, int *mod)
{
    const ev_gram_entry *e;
    size_t k = m_rel(c, i, K(EV_REL_UNIT), &e);
    *mod = 99;
    if (k) {
        *unit = e->a;
        return i + k;
    }
    const ev_token *t = tk(c, i);
    if (i < c->s1 && t->kind == EV_TOK_WORD && (t->flags & EV_TOKF_HYPHEN)) {
        const char *h = memchr(t->fold.p, '-', t->fold.n);
        size_t n1;
        if (!h)
            return 0;
        n1 = (size_t)(h - t->fold.p);
        const ev_gram_entry *a = ev_gram_first(c->g, t->fold.p, n1, &k), *b;
        size_t nb;
        for (size_t x = 0; x < k; x++) {
            if (a[x].cls != EV_G_REL || a[x].kind != EV_REL_UNIT ||
                a[x].nw != 1)
                continue;
            b = ev_gram_first(c->g, h + 1, t->fold.n - n1 - 1, &nb);
            for (size_t y = 0; y < nb; y++)
                if (b[y].cls == EV_G_REL && b[y].kind == EV_REL_MODIFIER &&
                    b[y].nw == 1) {
                    *unit = a[x].a;
                    *mod = b[y].a;
                    return i + 1;
                }
        }
    }
    return 0;
}

/* A daypart at `i` (soir, matin, night): returns its end, or `i`, and
 * notes in `o` whether it is the morning (1) or later (2). */
static size_t skip_daypart(const tctx *c, size_t i, tv *o)
{
    const ev_gram_entry *e;
    size_t k = m_cal(c, i, K(EV_CAL_DAYPART), &e);
    if (k)
        o->pm = e->a ? 2 : 1;
    return i + k;
}

/* Does a link word and a time follow at `j` (la dernière semaine *de
 * septembre*, Tuesday *of October*, la semaine *du 6 octobre*)? Then the
 * words before are placed by that time, not by the publication date. */
static int of_time_follows(const tctx *c, size_t j)
{
    const ev_gram_entry *e;
    size_t k = m_qtf(c, j, K(EV_QTF_LINK), &e);
    if (!k)
        return 0;
    j = skip_det(c, j + k);
    if (j >= c->s1)
        return 0;
    return tk(c, j)->kind == EV_TOK_NUMBER ||
           m_cal(c, j, K(EV_CAL_MONTH) | K(EV_CAL_HOLIDAY) |
                           K(EV_CAL_SEASON) | K(EV_CAL_WEEKDAY), &e) ||
           m_rel(c, j, K(EV_REL_UNIT), &e);
}

/* A season at `i` with what makes it one (a determiner or preposition
 * before, a year or modifier after): l'été 2024, au printemps 2023. */
static size_t p_season(const tctx *c, size_t i, tv *o, int mod)
{
    const ev_gram_entry *e, *s;
    size_t k = m_cal(c, i, K(EV_CAL_SEASON), &s), j, e2;
    int y;
    if (!k || name_like(c, i))
        return 0;
    tv_init(o, TV_SEASON, "season");
    o->sa = s->a;
    o->sb = s->b;
    j = i + k;
    if ((e2 = p_year(c, skip_link(c, j), 0, &y))) {
        o->y = y;
        return e2;
    }
    if ((k = m_rel(c, j, K(EV_REL_MODIFIER), &e))) {
        o->dir = e->a < 0 ? DIR_LAST : e->a > 0 ? DIR_NEXT : DIR_NEAREST;
        return j + k;
    }
    if (mod != 99) {
        o->dir = mod < 0 ? DIR_LAST : mod > 0 ? DIR_NEXT : DIR_NEAREST;
        return j;
    }
    if (i > c->s0 &&
        (m_cal(c, i - 1, K(EV_CAL_DET) | K(EV_CAL_YEARPREP), &e) ||
         m_qtf(c, i - 1, K(EV_QTF_TO) | K(EV_QTF_FROM), &e)))
        return j;
    return 0;
}

/* What a modifier at `i` introduces: la semaine dernière is read at the
 * unit; this one handles "last week", "next Tuesday", "cette semaine",
 * "ce matin", "the past two weeks", "last June", "cet été". */
static size_t p_modifier(const tctx *c, size_t i, tv *o)
{
    const ev_gram_entry *e, *m;
    size_t k = m_rel(c, i, K(EV_REL_MODIFIER), &m), j, e2;
    int unit, mod2;
    double n;
    if (!k)
        return 0;
    j = i + k;
    int mod = m->a;
    /* the past two weeks, the next 3 days */
    if ((e2 = p_count(c, j, &n)) && mod != 0 && n <= 1000 &&
        p_unit(c, e2, &unit, &mod2)) {
        tv_init(o, TV_LASTN, "last-n");
        o->off = mod;
        o->n = n;
        o->unit = unit;
        return p_unit(c, e2, &unit, &mod2);
    }
    if ((e2 = p_unit(c, j, &unit, &mod2)) && !of_time_follows(c, e2)) {
        tv_init(o, TV_UNIT, "relative");
        o->off = mod;
        o->unit = unit;
        if (unit == EV_TU_DAY && mod == 0)
            o->kind = TV_DAY;    /* ce jour */
        return e2;
    }
    if ((k = m_cal(c, j, K(EV_CAL_WEEKDAY), &e)) && alone_ok(c, j, e) &&
        !of_time_follows(c, j + k)) {
        tv_init(o, TV_DATE, "weekday");
        o->wd = e->a;
        o->dir = mod < 0 ? DIR_LAST : mod > 0 ? DIR_NEXT : DIR_TENSE;
        return skip_daypart(c, j + k, o);
    }
    if ((k = m_cal(c, j, K(EV_CAL_MONTH), &e)) && alone_ok(c, j, e)) {
        tv_init(o, TV_DATE, "month");
        o->m = e->a;
        o->dir = mod < 0 ? DIR_LAST : mod > 0 ? DIR_NEXT : DIR_NEAREST;
        return j + k;
    }
    if ((e2 = p_season(c, j, o, mod)))
        return e2;
    if ((k = m_cal(c, j, K(EV_CAL_DAYPART), &e)) && mod <= 0 &&
        !of_time_follows(c, j + k)) {
        /* ce matin, cette nuit, this morning; last night is yesterday's */
        tv_init(o, TV_DAY, "relative-day");
        o->off = mod < 0 ? -1 : 0;
        o->pm = e->a ? 2 : 1;
        return j + k;
    }
    return 0;
}

/* A unit followed by a modifier, at the unit: la semaine dernière, le
 * mois prochain, l'an dernier, ce mois-ci (with the modifier glued). */
static size_t p_unit_mod(const tctx *c, size_t i, tv *o)
{
    const ev_gram_entry *e;
    int unit, mod;
    size_t j = p_unit(c, i, &unit, &mod), k;
    if (!j)
        return 0;
    if (mod == 99) {
        if (!(k = m_rel(c, j, K(EV_REL_MODIFIER), &e)) || e->a == 0)
            return 0;
        mod = e->a;
        j += k;
    }
    if (of_time_follows(c, j))
        return 0;
    tv_init(o, TV_UNIT, "relative");
    o->off = mod;
    o->unit = unit;
    return j;
}

/* A day word: aujourd'hui, hier, demain soir, yesterday afternoon. Not
 * when "de" follows (la veille du sommet: relative to the summit). */
static size_t p_dayword(const tctx *c, size_t i, tv *o)
{
    const ev_gram_entry *e;
    size_t k = m_rel(c, i, K(EV_REL_DAY), &e);
    if (!k || m_qtf(c, i + k, K(EV_QTF_LINK), &e) ||
        (name_like(c, i) && tk(c, i)->fold.n < 3))
        return 0;
    m_rel(c, i, K(EV_REL_DAY), &e);
    tv_init(o, TV_DAY, "relative-day");
    o->off = e->a;
    if (m_cal(c, i, K(EV_CAL_DAYPART), &e) == k)
        o->pm = e->a ? 2 : 1;      /* tonight: a day and a daypart */
    return skip_daypart(c, i + k, o);
}

/* A weekday alone or with what places it: mercredi, mardi prochain,
 * mercredi soir, mardi de la semaine prochaine, Friday of last week. */
static size_t p_weekday(const tctx *c, size_t i, tv *o)
{
    const ev_gram_entry *e, *w;
    size_t k = m_cal(c, i, K(EV_CAL_WEEKDAY), &w), j;
    int unit, mod;
    if (!k || !alone_ok(c, i, w))
        return 0;
    tv_init(o, TV_DATE, "weekday");
    o->wd = w->a;
    j = skip_daypart(c, i + k, o);
    if ((k = m_rel(c, j, K(EV_REL_MODIFIER), &e)) && e->a != 0) {
        o->dir = e->a < 0 ? DIR_LAST : DIR_NEXT;
        return skip_daypart(c, j + k, o);
    }
    /* [de|of] [la|the] semaine prochaine | next week */
    size_t j2 = skip_det(c, skip_link(c, j)), e2;
    if ((k = m_rel(c, j2, K(EV_REL_MODIFIER), &e)) &&
        (e2 = p_unit(c, j2 + k, &unit, &mod)) && unit == EV_TU_WEEK) {
        tv_init(o, TV_WEEKWD, "weekday");
        o->wd = w->a;
        o->off = e->a;
        return e2;
    }
    if ((e2 = p_unit(c, j2, &unit, &mod)) && unit == EV_TU_WEEK &&
        (k = m_rel(c, e2, K(EV_REL_MODIFIER), &e))) {
        tv_init(o, TV_WEEKWD, "weekday");
        o->wd = w->a;
        o->off = e->a;
        return e2 + k;
    }
    if (of_time_follows(c, j))
        return 0;   /* first Tuesday of October */
    return j;
}

/* A count with its unit glued: 1h, 3w, 15min, 2hrs. */
static size_t p_glued_count(const tctx *c, size_t i, double *n, int *unit)
{
    long v;
    ev_slice sfx;
    size_t cnt;
    if (!int_tok(c, i, 6, &v, &sfx) || !sfx.n || v <= 0)
        return 0;
    const ev_gram_entry *e = ev_gram_first(c->g, sfx.p, sfx.n, &cnt);
    for (size_t k = 0; k < cnt; k++)
        if (e[k].cls == EV_G_REL && e[k].kind == EV_REL_UNIT &&
            e[k].nw == 1) {
            *n = (double)v;
            *unit = e[k].a;
            return i + 1;
        }
    return 0;
}

/* A shift of the publication date: il y a trois jours, dans deux
 * semaines, two days ago, une semaine plus tard, in 5 minutes. */
static size_t p_shift(const tctx *c, size_t i, tv *o)
{
    const ev_gram_entry *e, *pre = NULL;
    size_t j = i, k, e2;
    double n;
    int unit, mod;
    if ((k = m_rel(c, i, K(EV_REL_SHIFT), &e)) && e->b == 0) {
        pre = e;
        j = i + k;
    }
    if ((e2 = p_glued_count(c, j, &n, &unit))) {
        j = e2;
    } else if (!(e2 = p_count(c, j, &n)) ||
               !(j = p_unit(c, e2, &unit, &mod)) || mod != 99) {
        return 0;
    }
    int sign;
    if ((k = m_rel(c, j, K(EV_REL_SHIFT), &e)) && e->b != 0 && !pre) {
        if (e->b == 2 && !(j + k >= c->s1 || tk(c, j + k)->kind !=
                                                  EV_TOK_WORD))
            return 0;    /* deux jours après l'attaque */
        sign = e->a;
        j += k;
    } else if (pre) {
        sign = pre->a;
    } else {
        return 0;
    }
    tv_init(o, TV_SHIFT, "shift");
    o->n = n * sign;
    o->unit = unit;
    return j;
}

/* The last or next n units, at the count: les 2 dernières semaines,
 * deux derniers jours, 3 prochaines heures, 2 semaines passées. */
static size_t p_lastn(const tctx *c, size_t i, tv *o)
{
    const ev_gram_entry *e;
    double n;
    int unit, mod;
    size_t j = p_count(c, i, &n), k, e2;
    if (!j || n > 1000)
        return 0;
    if ((k = m_rel(c, j, K(EV_REL_MODIFIER), &e)) && e->a != 0 &&
        (e2 = p_unit(c, j + k, &unit, &mod)) && mod == 99) {
        tv_init(o, TV_LASTN, "last-n");
        o->off = e->a;
        o->n = n;
        o->unit = unit;
        return e2;
    }
    if ((e2 = p_unit(c, j, &unit, &mod)) && mod == 99 &&
        (k = m_rel(c, e2, K(EV_REL_MODIFIER), &e)) && e->a != 0 &&
        tk(c, i)->kind == EV_TOK_NUMBER) {
        tv_init(o, TV_LASTN, "last-n");
        o->off = e->a;
        o->n = n;
        o->unit = unit;
        return e2 + k;
    }
    return 0;
}

/* A holiday: noël, Christmas 2024. */
static size_t p_holiday(const tctx *c, size_t i, tv *o)
{
    const ev_gram_entry *e;
    size_t k = m_cal(c, i, K(EV_CAL_HOLIDAY), &e), e2;
    int y;
    if (!k)
        return 0;
    tv_init(o, TV_DATE, "holiday");
    o->m = e->a / 100;
    o->d = e->a % 100;
    if ((e2 = p_year(c, i + k, 0, &y))) {
        if (!date_ok(y, o->m, o->d))
            return 0;
        o->y = y;
        return e2;
    }
    return i + k;
}

static size_t p_primary(const tctx *c, size_t i, tv *o, size_t *from);

/* The start, middle or end of a period: début juin, fin 2024, mi-
 * décembre, à la fin de l'année, early 2024, later this month. The value
 * is the period's. */
static size_t p_edge(const tctx *c, size_t i, tv *o)
{
    const ev_gram_entry *e;
    size_t k = m_rel(c, i, K(EV_REL_EDGE), &e), j, e2, from;
    int y, unit, mod;
    const ev_token *t = tk(c, i);
    if (!k && t->kind == EV_TOK_WORD && (t->flags & EV_TOKF_HYPHEN)) {
        /* mi-décembre, mid-2024: the parts of one token */
        const char *h = memchr(t->fold.p, '-', t->fold.n);
        size_t n, nb;
        if (!h)
            return 0;
        const ev_gram_entry *a = ev_gram_first(
            c->g, t->fold.p, (size_t)(h - t->fold.p), &n);
        int edge = 0;
        for (size_t x = 0; x < n; x++)
            edge |= a[x].cls == EV_G_REL && a[x].kind == EV_REL_EDGE &&
                    a[x].nw == 1;
        if (!edge)
            return 0;
        const char *r = h + 1, *end = t->fold.p + t->fold.n;
        const ev_gram_entry *b = ev_gram_first(c->g, r, (size_t)(end - r),
                                               &nb);
        tv_init(o, TV_DATE, "edge");
        for (size_t x = 0; x < nb; x++)
            if (b[x].cls == EV_G_CAL && b[x].kind == EV_CAL_MONTH &&
                b[x].nw == 1) {
                o->m = b[x].a;
                if ((e2 = p_year(c, i + 1, 0, &y))) {
                    o->y = y;
                    return e2;
                }
                return i + 1;
            }
        long v = 0;
        size_t nd = 0;
        for (; r < end && *r >= '0' && *r <= '9' && nd < 5; r++, nd++)
            v = v * 10 + (*r - '0');
        if (r == end && nd == 4 && v >= 1000) {
            o->y = (int)v;
            return i + 1;
        }
        return 0;
    }
    if (!k)
        return 0;
    j = skip_det(c, skip_link(c, i + k));
    int det = j > skip_link(c, i + k);
    /* the period: a unit with or without modifier, or anything else */
    if ((e2 = p_unit(c, j, &unit, &mod)) && (det || mod != 99) &&
        !m_rel(c, e2, K(EV_REL_MODIFIER), &e)) {
        tv_init(o, TV_UNIT, "edge");
        o->off = mod == 99 ? 0 : mod;
        o->unit = unit;
        return e2;
    }
    if ((e2 = p_year(c, j, 0, &y))) {
        tv_init(o, TV_DATE, "edge");
        o->y = y;
        return e2;
    }
    if ((e2 = p_primary(c, j, o, &from)) && from == j && !o->weak &&
        o->hh < 0) {
        o->rule = "edge";
        return e2;
    }
    return 0;
}

/* The longest time expression that starts at token `i`, before the
 * clock and range are read. `*from` may move before `i` (a century read
 * back from its word, a year's unit). Returns its end, or 0. */
static size_t p_primary(const tctx *c, size_t i, tv *o, size_t *from)
{
    tv best, t;
    size_t best_end = 0, e, f;
    size_t best_from = i;
    if (i >= c->s1)
        return 0;
#define TRY(call)                                                           \
    do {                                                                    \
        f = i;                                                              \
        e = (call);                                                         \
        if (e > best_end || (e == best_end && e && best.weak && !t.weak)) { \
            best_end = e;                                                   \
            best = t;                                                       \
            best_from = f;                                                  \
        }                                                                   \
    } while (0)
    memset(&best, 0, sizeof(best));
    const ev_token *tok = tk(c, i);
    if (tok->kind == EV_TOK_NUMBER) {
        /* Only the forms the digits can be. */
        ev_digits d;
        if (ev_digits_split(c->doc, tok, &d) < 1)
            return 0;
        int small = d.n == 1 && d.len[0] <= 2, year = d.n == 1 &&
                                                       d.len[0] == 4;
        if (small || d.n > 1)
            TRY(p_date(c, i, &t));
        if ((year || d.sfx.n) && d.n == 1)
            TRY(p_year_ctx(c, i, &t, &f));
        if (d.n == 1 && (small || d.sfx.n)) {
            TRY(p_shift(c, i, &t));
            TRY(p_lastn(c, i, &t));
        }
        if (small || d.n > 1 || d.sfx.n) {
            tv_init(&t, TV_DATE, "clock");
            TRY(p_clock(c, i, &t));
        }
        if (d.n == 1)
            goto done;
        int y2 = 0;
        tv_init(&t, TV_DATE, "numeric");
        if ((e = p_numdate(c, i, &t, &y2)) && y2) {
            /* 2014-2022: a range of years, kept in `off` */
            t.off = y2;
            t.rule = "years";
        }
        if (e > best_end) {
            best_end = e;
            best = t;
            best_from = i;
        }
    } else if (tok->kind == EV_TOK_WORD) {
        /* Only the forms that can start with what the word is. */
        uint32_t cal = 0, rel = 0, num = 0, qtf = 0;
        size_t n;
        const ev_gram_entry *en = ev_gram_tok(&c->x, i, &n);
        for (size_t k = 0; k < n; k++) {
            uint32_t b = K(en[k].kind);
            switch (en[k].cls) {
            case EV_G_CAL: cal |= b; break;
            case EV_G_REL: rel |= b; break;
            case EV_G_NUM: num |= b; break;
            case EV_G_QTF: qtf |= b; break;
            default: break;
            }
        }
        int hy = (tok->flags & EV_TOKF_HYPHEN) != 0;
        int isnum = (num & (K(EV_NUM_UNIT) | K(EV_NUM_TEN))) || hy;
        if (cal & (K(EV_CAL_WEEKDAY) | K(EV_CAL_MONTH) | K(EV_CAL_DET)) ||
            isnum)
            TRY(p_date(c, i, &t));
        if (rel & K(EV_REL_DAY))
            TRY(p_dayword(c, i, &t));
        if (cal & K(EV_CAL_WEEKDAY))
            TRY(p_weekday(c, i, &t));
        if (rel & K(EV_REL_MODIFIER))
            TRY(p_modifier(c, i, &t));
        if ((rel & K(EV_REL_UNIT)) || hy)
            TRY(p_unit_mod(c, i, &t));
        if ((rel & K(EV_REL_SHIFT)) || isnum ||
            (num & (K(EV_NUM_UNIT) | K(EV_NUM_SCALE))))
            TRY(p_shift(c, i, &t));
        if (isnum)
            TRY(p_lastn(c, i, &t));
        if (cal & K(EV_CAL_SEASON))
            TRY(p_season(c, i, &t, 99));
        if (cal & K(EV_CAL_HOLIDAY))
            TRY(p_holiday(c, i, &t));
        if ((rel & K(EV_REL_EDGE)) || hy)
            TRY(p_edge(c, i, &t));
        if (cal & K(EV_CAL_DECADE))
            TRY(p_decade_word(c, i, &t));
        if (cal & K(EV_CAL_CENTURY))
            TRY(p_century(c, i, &t, &f));
        if ((cal & K(EV_CAL_CLOCK)) || isnum) {
            tv_init(&t, TV_DATE, "clock");
            TRY(p_clock(c, i, &t));
        }
        (void)qtf;
    }
done:
#undef TRY
    if (!best_end)
        return 0;
    *o = best;
    *from = best_from;
    return best_end;
}

/* ------------------------------------------------------- resolution */

typedef struct {
    int y, m, d, hh, mi, ss;
    int grain;
} tpoint;

typedef struct {
    int unresolved;
    int range;
    tpoint a, b;
    char rel[40];
} tres;

static void pt_day(tpoint *p, long z, int grain)
{
    memset(p, 0, sizeof(*p));
    civil_from_days(z, &p->y, &p->m, &p->d);
    p->hh = -1;
    p->grain = grain;
}

static int pt_ok(const tpoint *p)
{
    return p->y >= MIN_YEAR && p->y <= MAX_YEAR;
}

/* Add `k` months to year/month, clamping the day. */
static void add_months(int *y, int *m, int *d, long k)
{
    long t = (long)*y * 12 + (*m - 1) + k;
    if (t < 0 || t > (long)MAX_YEAR * 12 + 11) {
        *y = 0;
        return;
    }
    *y = (int)(t / 12);
    *m = (int)(t % 12) + 1;
    if (d && *d > mdays(*y ? *y : 2000, *m))
        *d = mdays(*y ? *y : 2000, *m);
}

static void rel_append(char *r, size_t cap, const char *s)
{
    size_t n = strlen(r), k = strlen(s);
    if (n + k < cap)
        memcpy(r + n, s, k + 1);
}

static void rel_int(char *r, size_t cap, long v, int sign)
{
    char tmp[24];
    int k = 0;
    unsigned long u = v < 0 ? (unsigned long)-v : (unsigned long)v;
    do {
        tmp[k++] = (char)('0' + u % 10);
        u /= 10;
    } while (u && k < 20);
    char out[26];
    size_t o = 0;
    if (sign)
        out[o++] = v < 0 ? '-' : '+';
    else if (v < 0)
        out[o++] = '-';
    while (k)
        out[o++] = tmp[--k];
    out[o] = '\0';
    rel_append(r, cap, out);
}

static const char *unit_code(int unit)
{
    static const char *const u[] = {"", "D", "W", "WE", "M", "Q", "Y",
                                    "DEC", "H", "MIN", "S"};
    return unit >= 1 && unit <= 10 ? u[unit] : "";
}

static char dir_char(int dir)
{
    return dir == DIR_PAST ? '<' : dir == DIR_FUTURE ? '>'
         : dir == DIR_LAST ? '<' : dir == DIR_NEXT ? '>' : '~';
}

/* The relative form of an unresolved value (docs/data-format.md). */
static void make_rel(const tv *v, int dir, char *r, size_t cap)
{
    r[0] = '\0';
    char d[2] = {dir_char(dir), '\0'};
    switch (v->kind) {
    case TV_DAY:
        rel_int(r, cap, v->off, v->off != 0);
        rel_append(r, cap, "D");
        break;
    case TV_UNIT:
        rel_int(r, cap, v->off, v->off != 0);
        rel_append(r, cap, unit_code(v->unit));
        break;
    case TV_SHIFT:
        rel_int(r, cap, (long)v->n, 1);
        rel_append(r, cap, unit_code(v->unit));
        break;
    case TV_LASTN:
        rel_append(r, cap, v->off < 0 ? "-" : "+");
        rel_int(r, cap, (long)v->n, 0);
        rel_append(r, cap, unit_code(v->unit));
        rel_append(r, cap, v->off < 0 ? "..0D" : "..0D");
        break;
    case TV_WEEKWD:
        rel_int(r, cap, v->off, v->off != 0);
        rel_append(r, cap, "W");
        rel_append(r, cap, "-");
        rel_int(r, cap, v->wd, 0);
        break;
    case TV_SEASON:
        rel_append(r, cap, d);
        rel_append(r, cap, "--");
        rel_int(r, cap, v->sa / 100 / 10, 0);
        rel_int(r, cap, v->sa / 100 % 10, 0);
        rel_append(r, cap, "-");
        rel_int(r, cap, v->sa % 100 / 10, 0);
        rel_int(r, cap, v->sa % 10, 0);
        break;
    default:
        if (!v->wd && !v->m && !v->d && v->hh >= 0) {
            rel_append(r, cap, "0DT");
            rel_int(r, cap, v->hh / 10, 0);
            rel_int(r, cap, v->hh % 10, 0);
            rel_append(r, cap, ":");
            rel_int(r, cap, v->mi / 10, 0);
            rel_int(r, cap, v->mi % 10, 0);
            break;
        }
        rel_append(r, cap, d);
        if (v->wd && !v->m && !v->d) {
            rel_append(r, cap, "W");
            rel_int(r, cap, v->wd, 0);
            break;
        }
        rel_append(r, cap, v->m ? "--" : "---");
        if (v->m) {
            rel_int(r, cap, v->m / 10, 0);
            rel_int(r, cap, v->m % 10, 0);
            if (v->d)
                rel_append(r, cap, "-");
        }
        if (v->d) {
            rel_int(r, cap, v->d / 10, 0);
            rel_int(r, cap, v->d % 10, 0);
        }
        break;
    }
}

/* Pick the year of a month/day (`d` 0: the month) for direction `dir`. */
static int pick_year(const tctx *c, int m, int d, int dir)
{
    int cands[3] = {c->ay - 1, c->ay, c->ay + 1};
    int best = 0;
    long bestdist = 0;
    for (int k = 0; k < 3; k++) {
        int y = cands[k], dd = d ? d : 1;
        if (y < MIN_YEAR || y > MAX_YEAR)
            continue;
        if (dd > mdays(y, m))
            dd = mdays(y, m);   /* 29 February: placed, then checked */
        long z = days_from_civil(y, m, dd);
        long zend = d ? z : z + mdays(y, m) - 1;
        long dist;
        int ok;
        switch (dir) {
        case DIR_PAST:
            ok = z <= c->aday;
            dist = c->aday - z;
            break;
        case DIR_LAST:
            ok = zend < c->aday;
            dist = c->aday - z;
            break;
        case DIR_FUTURE:
            ok = zend >= c->aday;
            dist = z - c->aday;
            break;
        case DIR_NEXT:
            ok = z > c->aday;
            dist = z - c->aday;
            break;
        default:
            ok = 1;
            dist = z > c->aday ? z - c->aday : zend < c->aday
                                                  ? c->aday - zend : 0;
            break;
        }
        if (ok && (!best || dist < bestdist)) {
            best = y;
            bestdist = dist;
        }
    }
    return best;
}

/* Resolve a weekday: the day number for direction `dir`. */
static long pick_weekday(const tctx *c, int wd, int dir)
{
    int back = (c->awd - wd + 7) % 7, fwd = (wd - c->awd + 7) % 7;
    switch (dir) {
    case DIR_PAST:
        return c->aday - back;
    case DIR_LAST:
        return c->aday - (back ? back : 7);
    case DIR_FUTURE:
        return c->aday + fwd;
    case DIR_NEXT:
        return c->aday + (fwd ? fwd : 7);
    default:
        return fwd < back ? c->aday + fwd : c->aday - back;
    }
}

/* Resolve a season start in year y: the day numbers of its bounds. */
static void season_days(const tv *v, int y, long *za, long *zb)
{
    int ma = v->sa / 100, da = v->sa % 100, mb = v->sb / 100, db = v->sb % 100;
    if (da > mdays(y, ma))
        da = mdays(y, ma);
    int yb = v->sb < v->sa ? y + 1 : y;
    if (db > mdays(yb, mb))
        db = mdays(yb, mb);
    *za = days_from_civil(y, ma, da);
    *zb = days_from_civil(yb, mb, db);
}

/* The direction for what `v` leaves out: its own, or the tense's. */
static int direction(const tctx *c, const tv *v, size_t a, size_t b)
{
    if (v->dir != DIR_TENSE)
        return v->dir;
    int t = ev_gram_tense(&c->x, c->s0, c->s1, a, b);
    return t < 0 ? DIR_PAST : t > 0 ? DIR_FUTURE : NO_TENSE_DIR;
}

/* Shift the anchor (with its time of day) by n units into `p`. */
static int shift_point(const tctx *c, double n, int unit, tpoint *p)
{
    long z = c->aday;
    int y = c->ay, m = c->am, d = c->ad;
    memset(p, 0, sizeof(*p));
    p->hh = -1;
    switch (unit) {
    case EV_TU_DAY:
    case EV_TU_WEEK:
    case EV_TU_WEEKEND:
        z += (long)(n * (unit == EV_TU_DAY ? 1 : 7));
        pt_day(p, z, EV_GRAIN_DAY);
        return pt_ok(p);
    case EV_TU_MONTH:
    case EV_TU_QUARTER:
    case EV_TU_YEAR:
    case EV_TU_DECADE: {
        long mul = unit == EV_TU_MONTH ? 1 : unit == EV_TU_QUARTER ? 3
                 : unit == EV_TU_YEAR ? 12 : 120;
        add_months(&y, &m, &d, (long)(n * (double)mul));
        if (!y)
            return 0;
        p->y = y;
        p->m = m;
        p->d = d;
        p->grain = EV_GRAIN_DAY;
        return pt_ok(p);
    }
    default: {
        double secs = n * (unit == EV_TU_HOUR ? 3600 : unit == EV_TU_MINUTE
                                                          ? 60 : 1);
        int hh = c->ahh >= 0 ? c->ahh : 0, mi = c->ahh >= 0 ? c->ami : 0;
        int ss = c->ahh >= 0 ? c->ass : 0;
        double t = (double)z * 86400 + hh * 3600 + mi * 60 + ss + secs;
        double zz = t / 86400;
        long zd = (long)zz;
        if ((double)zd > zz)
            zd--;
        long rem = (long)(t - (double)zd * 86400);
        pt_day(p, zd, EV_GRAIN_DAY);
        if (c->ahh >= 0) {
            p->hh = (int)(rem / 3600);
            p->mi = (int)(rem % 3600 / 60);
            p->ss = (int)(rem % 60);
            p->grain = unit != EV_TU_HOUR && c->asec ? EV_GRAIN_SECOND
                                                      : EV_GRAIN_MINUTE;
        }
        return pt_ok(p);
    }
    }
}

/* Resolve `v` (tokens [a, b)) against the anchor into `r`. Returns 1, or
 * 0 when the value is impossible or out of range. */
static int resolve(const tctx *c, const tv *v, size_t a, size_t b, tres *r)
{
    memset(r, 0, sizeof(*r));
    r->a.hh = r->b.hh = -1;
    tpoint *p = &r->a;
    int dir = DIR_TENSE;
    switch (v->kind) {
    case TV_DATE: {
        int y = v->y, m = v->m, d = v->d;
        if (v->off) {     /* a range of years: 2014-2022 */
            r->range = 1;
            p->y = y;
            p->grain = EV_GRAIN_YEAR;
            r->b.y = v->off;
            r->b.grain = EV_GRAIN_YEAR;
            return 1;
        }
        if (!y && (m || d || v->wd)) {
            dir = direction(c, v, a, b);
            if (!c->anchor)
                goto unresolved;
            if (m) {
                y = pick_year(c, m, d, dir);
                if (!y)
                    return 0;
            } else if (d) {
                /* a day of a month near the anchor (with its weekday) */
                int best = 0, by = 0, bm = 0;
                long bdist = 0;
                for (int k = -13; k <= 13; k++) {
                    int yy = c->ay, mm = c->am;
                    add_months(&yy, &mm, NULL, k);
                    if (!yy || !date_ok(yy, mm, d))
                        continue;
                    long z = days_from_civil(yy, mm, d);
                    if (v->wd && weekday_of(z) != v->wd)
                        continue;
                    long dist = z - c->aday;
                    int ok = dir == DIR_PAST ? dist <= 0
                           : dir == DIR_FUTURE ? dist >= 0
                           : dir == DIR_LAST ? dist < 0
                           : dir == DIR_NEXT ? dist > 0 : 1;
                    if (dist < 0)
                        dist = -dist;
                    if (ok && (!best || dist < bdist)) {
                        best = 1;
                        bdist = dist;
                        by = yy;
                        bm = mm;
                    }
                }
                if (!best)
                    return 0;
                y = by;
                m = bm;
            } else {
                pt_day(p, pick_weekday(c, v->wd, dir), EV_GRAIN_DAY);
                goto clock;
            }
        }
        if (!y && !m && !d && v->hh >= 0) {
            /* a time of day alone: on the day of publication */
            if (!c->anchor)
                goto unresolved;
            pt_day(p, c->aday, EV_GRAIN_DAY);
            goto clock;
        }
        if (!y || (d && !m))
            return 0;
        p->y = y;
        p->m = m;
        p->d = d;
        p->hh = -1;
        p->grain = d ? EV_GRAIN_DAY : m ? EV_GRAIN_MONTH : EV_GRAIN_YEAR;
        if (m && d && !date_ok(y, m, d))
            return 0;
        break;
    }
    case TV_DAY:
        if (!c->anchor)
            goto unresolved;
        pt_day(p, c->aday + v->off, EV_GRAIN_DAY);
        break;
    case TV_UNIT: {
        if (!c->anchor)
            goto unresolved;
        int y = c->ay, m = c->am, d = c->ad;
        switch (v->unit) {
        case EV_TU_DAY:
            pt_day(p, c->aday + v->off, EV_GRAIN_DAY);
            break;
        case EV_TU_WEEK:
            pt_day(p, c->aday - (c->awd - 1) + 7L * v->off, EV_GRAIN_WEEK);
            break;
        case EV_TU_WEEKEND:
            pt_day(p, c->aday - (c->awd - 1) + 5 + 7L * v->off,
                   EV_GRAIN_DAY);
            pt_day(&r->b, c->aday - (c->awd - 1) + 6 + 7L * v->off,
                   EV_GRAIN_DAY);
            r->range = 1;
            break;
        case EV_TU_MONTH:
            add_months(&y, &m, &d, v->off);
            p->y = y;
            p->m = m;
            p->grain = EV_GRAIN_MONTH;
            break;
        case EV_TU_QUARTER:
            m = (m - 1) / 3 * 3 + 1;
            add_months(&y, &m, &d, 3L * v->off);
            p->y = y;
            p->m = m;
            p->grain = EV_GRAIN_QUARTER;
            break;
        case EV_TU_YEAR:
            p->y = y + v->off;
            p->grain = EV_GRAIN_YEAR;
            break;
        case EV_TU_DECADE:
            p->y = y / 10 * 10 + 10 * v->off;
            p->grain = EV_GRAIN_DECADE;
            r->range = 1;
            r->b.y = p->y + 9;
            r->b.grain = EV_GRAIN_DECADE;
            break;
        default:
            if (!shift_point(c, v->off, v->unit, p))
                return 0;
            if (p->hh >= 0 && p->grain != EV_GRAIN_SECOND)
                p->grain = EV_GRAIN_MINUTE;
            break;
        }
        break;
    }
    case TV_SHIFT:
        if (!c->anchor)
            goto unresolved;
        if (!shift_point(c, v->n, v->unit, p))
            return 0;
        break;
    case TV_LASTN:
        if (!c->anchor)
            goto unresolved;
        r->range = 1;
        if (v->off < 0) {
            if (!shift_point(c, -v->n, v->unit, p))
                return 0;
            pt_day(&r->b, c->aday, EV_GRAIN_DAY);
        } else {
            if (!shift_point(c, 1, v->unit == EV_TU_DAY ? EV_TU_DAY
                                                        : v->unit, p) ||
                !shift_point(c, v->n, v->unit, &r->b))
                return 0;
        }
        break;
    case TV_WEEKWD:
        if (!c->anchor)
            goto unresolved;
        pt_day(p, c->aday - (c->awd - 1) + 7L * v->off + (v->wd - 1),
               EV_GRAIN_DAY);
        break;
    case TV_SEASON: {
        long za, zb;
        int y = v->y;
        if (!y) {
            if (!c->anchor) {
                dir = v->dir == DIR_TENSE ? direction(c, v, a, b) : v->dir;
                goto unresolved;
            }
            dir = direction(c, v, a, b);
            int best = 0;
            long bdist = 0;
            for (int yy = c->ay - 2; yy <= c->ay + 1; yy++) {
                season_days(v, yy, &za, &zb);
                int ok = dir == DIR_PAST ? za <= c->aday
                       : dir == DIR_LAST ? zb < c->aday
                       : dir == DIR_FUTURE ? zb >= c->aday
                       : dir == DIR_NEXT ? za > c->aday : 1;
                long dist = za > c->aday ? za - c->aday
                          : zb < c->aday ? c->aday - zb : 0;
                if (ok && (!best || dist < bdist)) {
                    best = 1;
                    bdist = dist;
                    y = yy;
                }
            }
            if (!best)
                return 0;
        }
        if (y < MIN_YEAR || y >= MAX_YEAR)
            return 0;
        season_days(v, y, &za, &zb);
        pt_day(p, za, EV_GRAIN_DAY);
        pt_day(&r->b, zb, EV_GRAIN_DAY);
        r->range = 1;
        break;
    }
    case TV_DECADE:
    case TV_CENTURY:
        p->y = v->y;
        p->grain = v->kind == TV_DECADE ? EV_GRAIN_DECADE : EV_GRAIN_CENTURY;
        r->range = 1;
        r->b.y = v->kind == TV_DECADE ? v->y / 10 * 10 + 9
                                      : v->y / 100 * 100 + 99;
        r->b.grain = p->grain;
        break;
    default:
        return 0;
    }
clock:
    if (v->hh >= 0 && p->grain == EV_GRAIN_DAY) {
        p->hh = v->hh;
        p->mi = v->mi;
        p->ss = v->ss;
        p->grain = v->cgrain;
    }
    if (!pt_ok(p) || (r->range && !pt_ok(&r->b)))
        return 0;
    return 1;
unresolved:
    r->unresolved = 1;
    make_rel(v, dir, r->rel, sizeof(r->rel));
    return 1;
}

/* ISO 8601 of `p` truncated to its grain, in the arena. */
static ev_slice fmt_point(ev_doc *doc, const tpoint *p)
{
    char *s = ev_arena_alloc(&doc->arena, 24);
    size_t n = 0;
    if (!s)
        return (ev_slice){NULL, 0};
    int y = p->y;
    s[n++] = (char)('0' + y / 1000 % 10);
    s[n++] = (char)('0' + y / 100 % 10);
    s[n++] = (char)('0' + y / 10 % 10);
    s[n++] = (char)('0' + y % 10);
    int g = p->grain;
    int two[3] = {p->m, p->d, 0};
    if (g == EV_GRAIN_YEAR || g == EV_GRAIN_DECADE || g == EV_GRAIN_CENTURY)
        goto done;
    s[n++] = '-';
    s[n++] = (char)('0' + two[0] / 10);
    s[n++] = (char)('0' + two[0] % 10);
    if (g == EV_GRAIN_MONTH || g == EV_GRAIN_QUARTER)
        goto done;
    s[n++] = '-';
    s[n++] = (char)('0' + two[1] / 10);
    s[n++] = (char)('0' + two[1] % 10);
    if (g == EV_GRAIN_DAY || g == EV_GRAIN_WEEK || p->hh < 0)
        goto done;
    s[n++] = 'T';
    s[n++] = (char)('0' + p->hh / 10);
    s[n++] = (char)('0' + p->hh % 10);
    if (g == EV_GRAIN_HOUR)
        goto done;
    s[n++] = ':';
    s[n++] = (char)('0' + p->mi / 10);
    s[n++] = (char)('0' + p->mi % 10);
    if (g == EV_GRAIN_MINUTE)
        goto done;
    s[n++] = ':';
    s[n++] = (char)('0' + p->ss / 10);
    s[n++] = (char)('0' + p->ss % 10);
done:
    s[n] = '\0';
    return (ev_slice){s, n};
}

/* The grain a point is written at (a day with a time: its time's). */
static int grain_of(const tpoint *p)
{
    if (p->grain == EV_GRAIN_DAY && p->hh >= 0)
        return EV_GRAIN_MINUTE;
    return p->grain;
}

/* ---------------------------------------------------------- assembly */

/* Fill the fields `p` leaves out from `q` (du 3 au 5 juin: 3 takes June;
 * de mars à mai 2023: March takes 2023). */
static void inherit(tv *p, const tv *q)
{
    if (p->kind != TV_DATE || q->kind != TV_DATE)
        return;
    if (!p->m && !p->y && p->d && q->m)
        p->m = q->m;
    if (!p->y && q->y && (p->m || p->d)) {
        p->y = q->y;
        if (p->m > q->m && q->m)
            p->y = q->y - 1;     /* du 28 décembre au 3 janvier 2025 */
    }
    if (p->hh >= 0 && !p->m && !p->d && !p->wd && !p->y) {
        p->y = q->y;             /* de 9h à 11h jeudi */
        p->m = q->m;
        p->d = q->d;
        p->wd = q->wd;
        p->dir = q->dir;
    }
}

static int date_like(const tv *v)
{
    return v->kind == TV_DATE || v->kind == TV_DAY || v->kind == TV_WEEKWD;
}

/* Emit a mention for `v` over tokens [a, b), range end `q` if any. */
static int emit(tctx *c, size_t a, size_t b, const tv *v, const tv *q)
{
    tres r, rq;
    if (!resolve(c, v, a, b, &r))
        return 0;
    if (q) {
        if (!resolve(c, q, a, b, &rq) || r.unresolved != rq.unresolved)
            return 0;
        if (!r.unresolved) {
            r.b = rq.range ? rq.b : rq.a;
            r.range = 1;
        }
    }
    const char *rule = ev_gram_rule(c->doc, c->tq, "time",
                                    q ? "range" : v->rule);
    if (!rule)
        return EV_ENOMEM;
    ev_mention *m = ev_doc_add_mention(c->doc, EV_MENTION_TIME, a, b, rule);
    if (!m)
        return EV_ENOMEM;
    ev_time *t = &m->u.time;
    if (r.unresolved) {
        size_t n = strlen(r.rel);
        char *s = ev_arena_memdup(&c->doc->arena, r.rel, n);
        if (!s)
            return EV_ENOMEM;
        t->relative = (ev_slice){s, n};
        t->value = (ev_slice){"", 0};
        t->flags = EV_TIME_UNRESOLVED;
        t->grain = EV_GRAIN_NONE;
        return 1;
    }
    t->value = fmt_point(c->doc, &r.a);
    if (!t->value.p)
        return EV_ENOMEM;
    t->grain = (uint32_t)grain_of(&r.a);
    if (r.range) {
        if (r.b.grain == 0)
            r.b.grain = r.a.grain;
        t->end = fmt_point(c->doc, &r.b);
        if (!t->end.p)
            return EV_ENOMEM;
        t->flags |= EV_TIME_RANGE;
    }
    return 1;
}

/* Attach a time of day after the day `p` ending at `b` (le 2 mars à
 * 5h, demain 17:00, 2024-06-18T14:30); returns the new end. */
static size_t attach_clock(const tctx *c, tv *p, size_t b)
{
    const ev_gram_entry *e;
    size_t j = b, e2;
    if (is_punct(c, j, ','))
        j++;
    size_t k = m_cal(c, j, K(EV_CAL_CLOCKPREP), &e);
    tv t = *p;
    t.weak = WEAK_NONE;
    if ((e2 = p_clock(c, j + k, &t)) && (k || t.weak == WEAK_NONE)) {
        t.weak = WEAK_NONE;
        if (p->pm == 2 && t.hh < 12)
            t.hh += 12;    /* ce soir à 8h */
        *p = t;
        return e2;
    }
    long v;
    ev_slice sfx;
    if (k && p->pm && int_tok(c, j + k, 2, &v, &sfx) && !sfx.n && v >= 1 &&
        v <= 12 && pause_at(c, j + k + 1)) {
        /* tonight at 8, ce soir à 9: a bare hour of the daypart */
        t.hh = (int)v + (p->pm == 2 && v < 12 ? 12 : 0);
        t.mi = t.ss = 0;
        t.cgrain = EV_GRAIN_MINUTE;
        *p = t;
        return j + k + 1;
    }
    return b;
}

/* Attach a day after the time of day `p` ending at `b` (9h le mardi,
 * 9am on Tuesday, 8:23 AM, Jul 9, trois heures demain après-midi);
 * returns the new end. */
static size_t attach_date(const tctx *c, tv *p, size_t b)
{
    const ev_gram_entry *e;
    size_t j = skip_comma(c, b), e2, f2;
    j += m_cal(c, j, K(EV_CAL_CLOCKPREP) | K(EV_CAL_DET), &e);
    tv d;
    if (j < c->s1 && (e2 = p_primary(c, j, &d, &f2)) && f2 == j &&
        date_like(&d) && d.hh < 0 && !d.weak) {
        d.hh = p->hh;
        d.mi = p->mi;
        d.ss = p->ss;
        d.cgrain = p->cgrain;
        if (d.pm == 2 && d.hh < 12)
            d.hh += 12;
        *p = d;
        return e2;
    }
    return b;
}

static int clock_only(const tv *p)
{
    return p->kind == TV_DATE && p->hh >= 0 && !p->y && !p->m && !p->d &&
           !p->wd;
}

/* Is token `a` preceded by a word that makes a bare hour a time (à, at)? */
static int clockprep_before(const tctx *c, size_t a)
{
    const ev_gram_entry *e;
    size_t s = a > c->s0 ? ev_gram_match_back(&c->x, c->s0, a,
                                              EV_G_QTF, K(EV_QTF_APPROX), &e)
                         : SIZE_MAX;
    if (s != SIZE_MAX)
        a = s;      /* à environ 15 heures */
    return a > c->s0 &&
           ev_gram_match_back(&c->x, c->s0, a, EV_G_CAL,
                              K(EV_CAL_CLOCKPREP) | K(EV_CAL_YEARPREP),
                              &e) != SIZE_MAX;
}

/* Do two ends of a range say the same kind of thing? */
static int same_shape(const tv *p, const tv *q)
{
    if (p->kind != q->kind)
        return 0;
    if (p->kind != TV_DATE)
        return 1;
    if (!!p->y != !!q->y || !!p->m != !!q->m || !!p->d != !!q->d ||
        (p->hh < 0) != (q->hh < 0) || p->d2 || q->d2 || p->off || q->off)
        return 0;
    if (p->y && !p->m && !p->d && q->y <= p->y)
        return 0;
    return 1;
}

/* Could the number token `i` belong to a time expression? A cheap look
 * at the token and its neighbours, so that most numbers (counts, prices)
 * cost nothing more. */
static int num_may_be_time(const tctx *c, size_t i)
{
    ev_digits d;
    const ev_gram_entry *e;
    if (ev_digits_split(c->doc, tk(c, i), &d) < 1)
        return 0;
    if (d.n > 1 || d.sfx.n)
        return 1;    /* 18/06/2024, 14:30, 15h, 1er, 1990s, 3w */
    if (d.len[0] > 2 && d.len[0] != 4)
        return 0;
    if (i + 1 < c->s1) {
        const ev_token *t = tk(c, i + 1);
        if (d.len[0] == 2 && t->kind == EV_TOK_NUMBER)
            return 1;        /* 17 02 */
        if (t->kind == EV_TOK_WORD &&
            (ev_gram_starts(&c->x, i + 1) & (K(EV_G_CAL) | K(EV_G_REL))))
            return 1;        /* juin, heures, jours, derniers, h */
        if (m_qtf(c, i + 1, K(EV_QTF_TO), &e))
            return 1;        /* 3 au 5 juin, 2014 to 2022 */
    }
    if (d.len[0] == 4)       /* a year after what makes it one */
        return i > c->s0 &&
               (ev_gram_ends(&c->x, i - 1) &
                (K(EV_G_CAL) | K(EV_G_REL) | K(EV_G_QTF)));
    if (i > c->s0 &&
        (m_cal(c, i - 1, K(EV_CAL_DET) | K(EV_CAL_WEEKDAY) |
                             K(EV_CAL_MONTH), &e) ||
         m_qtf(c, i - 1, K(EV_QTF_FROM) | K(EV_QTF_TO), &e)))
        return 1;            /* le 23, mardi 18, June 18, du 3 */
    return 0;
}

/* Could the word head `h` belong to a time expression? Months, weekdays,
 * day words and the like may stand alone; a unit, a daypart or "am"
 * needs a neighbour that the grammar knows (la semaine *dernière*, *il y
 * a* trois jours, *ce* matin, *3* pm). A cheap look that spares most
 * "years", "second" or "night" the parse. */
static int word_may_be_time(const tctx *c, size_t h)
{
    uint32_t cal = 0, rel = 0;
    size_t n;
    const ev_gram_entry *en = ev_gram_tok(&c->x, h, &n);
    for (size_t k = 0; k < n; k++) {
        if (en[k].cls == EV_G_CAL)
            cal |= K(en[k].kind) | (en[k].kind == EV_CAL_CLOCK &&
                                    en[k].a >= 0 ? K(15) : 0);
        else if (en[k].cls == EV_G_REL)
            rel |= K(en[k].kind);
    }
    if ((cal & (K(EV_CAL_MONTH) | K(EV_CAL_WEEKDAY) | K(EV_CAL_SEASON) |
                K(EV_CAL_HOLIDAY) | K(EV_CAL_DECADE) | K(EV_CAL_CENTURY) |
                K(15))) ||
        (rel & K(EV_REL_DAY)) || (tk(c, h)->flags & EV_TOKF_HYPHEN) || !n)
        return 1;
    int pnum = h > c->lo && tk(c, h - 1)->kind == EV_TOK_NUMBER;
    int nnum = h + 1 < c->s1 && tk(c, h + 1)->kind == EV_TOK_NUMBER;
    uint32_t pe = h > c->lo ? ev_gram_ends(&c->x, h - 1) : 0;
    uint32_t ns = h + 1 < c->s1 ? ev_gram_starts(&c->x, h + 1) : 0;
    if ((rel & K(EV_REL_UNIT)) &&
        (pnum || nnum || (pe & (K(EV_G_REL) | K(EV_G_NUM) | K(EV_G_CAL) |
                                K(EV_G_QTF))) ||
         (ns & K(EV_G_REL))))
        return 1;
    if ((cal & K(EV_CAL_DAYPART)) && (pe & (K(EV_G_REL) | K(EV_G_CAL))))
        return 1;
    if ((cal & K(EV_CAL_CLOCK)) && (pnum || (pe & K(EV_G_NUM))))
        return 1;
    return 0;
}

/* The first token of a phrase that may stand before the main word of a
 * time expression and ends at token `end` (a modifier, a count, a shift,
 * a determiner, an edge, a link, a preposition, a weekday), or SIZE_MAX. */
static size_t prefix_before(const tctx *c, size_t lo, size_t end)
{
    const ev_gram_entry *e;
    const ev_token *t = tk(c, end - 1);
    size_t s;
    if (t->kind == EV_TOK_NUMBER)
        return end - 1;
    if (t->kind == EV_TOK_PUNCT && t->key.n == 1 && t->key.p[0] == ',' &&
        end - 1 > lo && m_cal(c, end - 2, K(EV_CAL_WEEKDAY), &e))
        return end - 1;      /* Tuesday, June 18 */
    if (t->kind != EV_TOK_WORD)
        return SIZE_MAX;
    /* Most words end no phrase at all: one cached lookup says so. */
    if (!(ev_gram_ends(&c->x, end - 1) &
          (K(EV_G_REL) | K(EV_G_CAL) | K(EV_G_QTF) | K(EV_G_NUM))))
        return SIZE_MAX;
    if ((s = ev_gram_match_back(&c->x, lo, end, EV_G_REL,
                                K(EV_REL_MODIFIER) | K(EV_REL_SHIFT) |
                                    K(EV_REL_EDGE) | K(EV_REL_DAY), &e)) !=
            SIZE_MAX ||
        (s = ev_gram_match_back(&c->x, lo, end, EV_G_CAL,
                                K(EV_CAL_DET) | K(EV_CAL_WEEKDAY) |
                                    K(EV_CAL_MONTH) | K(EV_CAL_YEARPREP) |
                                    K(EV_CAL_CLOCKPREP), &e)) != SIZE_MAX ||
        (s = ev_gram_match_back(&c->x, lo, end, EV_G_QTF,
                                K(EV_QTF_LINK) | K(EV_QTF_FROM), &e)) !=
            SIZE_MAX ||
        (s = ev_gram_match_back(&c->x, lo, end, EV_G_NUM, 0, &e)) !=
            SIZE_MAX)
        return s;
    return SIZE_MAX;
}

/* Can an expression start at token `i` before its head: a modifier, a
 * shift, an edge, a count in words, a weekday or month (not a
 * preposition or a link, which only stand inside; nor a number, which is
 * a head itself and was tried as one)? */
static int may_start(const tctx *c, size_t i)
{
    if (tk(c, i)->kind == EV_TOK_NUMBER)
        return 0;    /* a head itself: already tried */
    size_t n;
    const ev_gram_entry *e = ev_gram_tok(&c->x, i, &n);
    for (size_t k = 0; k < n; k++) {
        if (e[k].cls == EV_G_NUM ||
            (e[k].cls == EV_G_REL && e[k].kind != EV_REL_UNIT) ||
            (e[k].cls == EV_G_CAL && (e[k].kind == EV_CAL_WEEKDAY ||
                                      e[k].kind == EV_CAL_MONTH)))
            return 1;
    }
    return 0;
}

/* The longest expression that covers head `h`: it may start at `h` or at
 * a word before it (il y a trois *jours*, la semaine *dernière*, premier
 * *mars*, *this* week), as far back as `c->lo`. */
static size_t best_primary(const tctx *c, size_t h, tv *o, size_t *from)
{
    size_t s = h, best_end = 0;
    *from = h;
    while (s > c->lo && h - s < 6) {
        size_t p = prefix_before(c, c->lo, s);
        if (p == SIZE_MAX)
            break;
        s = p;
    }
    size_t best_len = 0;
    for (size_t st = s; st <= h; st++) {
        tv t;
        if (st < h && !may_start(c, st))
            continue;
        size_t f, e = p_primary(c, st, &t, &f);
        /* the most tokens; the earliest start on a tie */
        if (e > h && f >= c->lo && e - f > best_len) {
            best_len = e - f;
            best_end = e;
            *o = t;
            *from = f;
        }
    }
    return best_end;
}

/* Read the expression at head `i`: the primary form, a time of day
 * before or after it, a range, an apposed weekday; emit it. Returns the
 * token after it, `i` when nothing is there, or an error. */
static long expr_at(tctx *c, size_t i)
{
    tv p, q;
    size_t a, b, k, e2, f2;
    const ev_gram_entry *e;
    if (!(b = best_primary(c, i, &p, &a)))
        return (long)i;
    if (clock_only(&p)) {
        size_t b2 = attach_date(c, &p, b);
        if (b2 > b)
            b = b2;
        else if (p.weak == WEAK_CLOCK && clockprep_before(c, a))
            p.weak = WEAK_NONE;
    } else if (date_like(&p) && p.hh < 0 &&
               (!p.weak || p.weak == WEAK_DETDAY)) {
        b = attach_clock(c, &p, b);
        if (p.hh >= 0)
            p.weak = WEAK_NONE;
    }
    /* a range: du 3 au 5 juin, entre mars et mai, from 2014 to 2022 */
    size_t opener = SIZE_MAX, before = a;
    if (before > c->s0) {
        size_t s = ev_gram_match_back(&c->x, c->s0, before, EV_G_CAL,
                                      K(EV_CAL_DET), &e);
        if (s != SIZE_MAX)
            before = s;
    }
    if (before > c->s0)
        opener = ev_gram_match_back(&c->x, c->s0, before, EV_G_QTF,
                                    K(EV_QTF_FROM), &e);
    if (p.d2) {
        q = p;
        q.d = p.d2;
        p.d2 = q.d2 = 0;
        if (opener != SIZE_MAX)
            a = opener;
        int rc = emit(c, a, b, &p, &q);
        return rc < 0 ? rc : rc > 0 ? (long)b : (long)i;
    }
    if ((k = m_qtf(c, b, K(EV_QTF_TO), &e))) {
        const ev_gram_entry *jn;
        int joiner = ev_gram_match(&c->x, b, b + k, EV_G_NUM,
                                   K(EV_NUM_JOINER), &jn) == k;
        size_t j = b + k;
        if ((!joiner || opener != SIZE_MAX) && j < c->s1 &&
            (e2 = p_primary(c, j, &q, &f2)) && f2 == j) {
            if (clock_only(&q)) {
                e2 = attach_date(c, &q, e2);   /* de 9h à 11h jeudi */
                q.weak = WEAK_NONE;
            } else if (date_like(&q) && q.hh < 0 &&
                       (!q.weak || q.weak == WEAK_DETDAY)) {
                e2 = attach_clock(c, &q, e2);
                if (q.hh >= 0)
                    q.weak = WEAK_NONE;
            }
            tv p2 = p;
            inherit(&p2, &q);
            inherit(&q, &p2);
            int strong = !p.weak || !q.weak ||
                         (opener != SIZE_MAX && p.weak == WEAK_YEAR &&
                          q.weak == WEAK_YEAR);
            if (strong && same_shape(&p2, &q)) {
                p = p2;
                if (opener != SIZE_MAX)
                    a = opener;
                p.weak = q.weak = WEAK_NONE;
                int rc = emit(c, a, e2, &p, &q);
                if (rc < 0)
                    return rc;
                if (rc > 0)
                    return (long)e2;
            }
        }
    }
    if (p.weak == WEAK_DETDAY && (pause_at(c, b) || p.hh >= 0))
        p.weak = WEAK_NONE;
    if (p.weak)
        return (long)i;
    /* aujourd'hui, mercredi: a weekday naming the same day */
    if ((p.kind == TV_DAY || (p.kind == TV_DATE && p.d)) && p.hh < 0 &&
        is_punct(c, b, ',') &&
        (k = m_cal(c, b + 1, K(EV_CAL_WEEKDAY), &e))) {
        tres r;
        if (c->anchor && resolve(c, &p, a, b, &r) && !r.unresolved &&
            r.a.grain == EV_GRAIN_DAY &&
            weekday_of(days_from_civil(r.a.y, r.a.m, r.a.d)) == e->a)
            b = b + 1 + k;
    }
    /* a determiner before: la semaine dernière, le 18 juin, l'an dernier */
    if (a > c->s0 && p.kind != TV_SHIFT && p.kind != TV_CENTURY &&
        !(p.kind == TV_DATE && p.y && !p.m)) {
        size_t s = ev_gram_match_back(&c->x, c->s0, a, EV_G_CAL,
                                      K(EV_CAL_DET), &e);
        if (s != SIZE_MAX)
            a = s;
    }
    int rc = emit(c, a, b, &p, NULL);
    if (rc < 0)
        return rc;
    return rc > 0 ? (long)b : (long)i;
}

/* Parse the publication date "YYYY-MM-DD[THH:MM[:SS]...]". */
static void set_anchor(tctx *c)
{
    ev_slice d = ev_doc_date(c->doc);
    const char *p = d.p;
    c->anchor = 0;
    c->ahh = -1;
    c->ami = c->ass = 0;
    if (d.n < 10)
        return;
    c->ay = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 +
            (p[3] - '0');
    c->am = (p[5] - '0') * 10 + (p[6] - '0');
    c->ad = (p[8] - '0') * 10 + (p[9] - '0');
    if (!date_ok(c->ay, c->am, c->ad))
        return;
    c->anchor = 1;
    c->aday = days_from_civil(c->ay, c->am, c->ad);
    c->awd = weekday_of(c->aday);
    if (d.n >= 16 && p[13] == ':') {
        int hh = (p[11] - '0') * 10 + (p[12] - '0');
        int mi = (p[14] - '0') * 10 + (p[15] - '0');
        int ss = 0;
        if (d.n >= 19 && p[16] == ':' && p[17] >= '0' && p[17] <= '9' &&
            p[18] >= '0' && p[18] <= '9')
            ss = (p[17] - '0') * 10 + (p[18] - '0');
        if (hh >= 0 && hh < 24 && mi >= 0 && mi < 60 && ss < 60) {
            c->ahh = hh;
            c->ami = mi;
            c->ass = ss;
            c->asec = d.n >= 19 && p[16] == ':';
        }
    }
}

int ev_extract_time(ev_doc *doc)
{
    doc->tq = NULL;
    const ev_gram *g = ev_gram_find(doc->lang);
    if (!g || !doc->ntok)
        return EV_OK;
    ev_tq *tq = ev_arena_alloc(&doc->arena, sizeof(*tq));
    uint32_t *qh = ev_arena_alloc(&doc->arena, doc->ntok * sizeof(*qh));
    if (!tq || !qh)
        return EV_ENOMEM;
    memset(tq, 0, sizeof(*tq));
    int rc = ev_gx_init(&tq->x, doc, g);
    if (rc < 0)
        return rc;
    tq->qheads = qh;
    tctx c;
    memset(&c, 0, sizeof(c));
    c.doc = doc;
    c.g = g;
    c.x = tq->x;
    c.tq = tq;
    set_anchor(&c);
    /* One pass finds the heads of both stages: times are read here, the
     * tokens that may start a quantity are kept for ev_extract_qty. */
    for (size_t s = 0; s < doc->nsent; s++) {
        c.s0 = doc->sent[s].tok_start;
        c.s1 = doc->sent[s].tok_end;
        c.lo = c.s0;
        for (size_t i = c.s0; i < c.s1;) {
            uint32_t bits;
            i = ev_gram_next_head(&c.x, i, c.s1, &bits);
            if (i >= c.s1)
                break;
            if (bits & EV_HEAD_QTY)
                qh[tq->nq++] = (uint32_t)i;
            if (!(bits & EV_HEAD_TIME) ||
                !(doc->tok[i].kind == EV_TOK_NUMBER
                      ? num_may_be_time(&c, i)
                      : word_may_be_time(&c, i))) {
                i++;
                continue;
            }
            long r = expr_at(&c, i);
            if (r < 0)
                return (int)r;
            if ((size_t)r > i)
                c.lo = (size_t)r;
            i = (size_t)r > i ? (size_t)r : i + 1;
        }
    }
    doc->tq = tq;
    return EV_OK;
}
