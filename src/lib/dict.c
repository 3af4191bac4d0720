/* Language packs: compile the plain-text sources into a pack, load and
 * check a pack, look up first token keys. See dict_int.h for the layout
 * and docs/data-format.md for the sources. */
#include "dict_int.h"
#include "doc_int.h"
#include "../util/buf.h"
#include "evcode/utf8.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

uint32_t ev_dict_hash(const char *p, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)p[i];
        h *= 16777619u;
    }
    return h;
}

/* ============================================================ builder */

typedef struct {
    char *p;
    size_t n, cap;
} vec;

typedef struct {
    const char *lang;
    ev_dict_report_fn report;
    void *payload;
    int errors;
    ev_buf str;            /* string section */
    uint32_t *shash;       /* string dedupe: offsets, open addressing */
    size_t shcap, shn;
    vec ent, role, phr, key;
    ev_doc *doc;           /* tokenizes names */
    char **common;         /* common words (fold keys), open addressing */
    size_t ncommon, capcommon;
    /* Lemma table: forms of each lemma, chained from a hash of lemmas. */
    char **lem_form, **lem_lemma;
    uint8_t *lem_noun, *lem_verb;
    int32_t *lem_next;
    size_t nlem, caplem;
    int32_t *lem_head;     /* hash of lemmas -> first index, -1 empty */
    size_t caphead;
    uint32_t form_flags;   /* PKF_VERB/PKF_NOUN of the form being added */
    uint32_t *lemma_entry; /* PK_LEMMA entry of each lemma, by hash */
    char **lemma_key;
    size_t caplemma;
    const char *file;      /* current source, for messages */
    size_t line;
    char where[512];       /* "file:line" of the current entry */
} builder;

static int vec_push(vec *v, const void *x, size_t size)
{
    if (v->n + size > v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 4096;
        while (cap < v->n + size)
            cap *= 2;
        char *p = realloc(v->p, cap);
        if (!p)
            return EV_ENOMEM;
        v->p = p;
        v->cap = cap;
    }
    memcpy(v->p + v->n, x, size);
    v->n += size;
    return EV_OK;
}

static void problem(builder *b, const char *msg)
{
    b->errors++;
    if (b->report)
        b->report(b->file, b->line, msg, b->payload);
}

static void problemf(builder *b, const char *fmt, const char *arg)
{
    char msg[300];
    snprintf(msg, sizeof(msg), fmt, arg);
    problem(b, msg);
}

/* Intern `p[0..n)` in the string section; return its offset, 0 for the
 * empty string, or UINT32_MAX when out of memory. */
static uint32_t intern(builder *b, const char *p, size_t n)
{
    if (n == 0)
        return 0;
    if (b->shn * 2 >= b->shcap) {
        size_t cap = b->shcap ? b->shcap * 2 : 1 << 16;
        uint32_t *t = calloc(cap, sizeof(*t));
        if (!t)
            return UINT32_MAX;
        for (size_t i = 0; i < b->shcap; i++) {
            uint32_t off = b->shash[i];
            if (!off)
                continue;
            const char *s = b->str.p + off;
            size_t j = ev_dict_hash(s, strlen(s)) & (cap - 1);
            while (t[j])
                j = (j + 1) & (cap - 1);
            t[j] = off;
        }
        free(b->shash);
        b->shash = t;
        b->shcap = cap;
    }
    size_t j = ev_dict_hash(p, n) & (b->shcap - 1);
    while (b->shash[j]) {
        const char *s = b->str.p + b->shash[j];
        if (strlen(s) == n && memcmp(s, p, n) == 0)
            return b->shash[j];
        j = (j + 1) & (b->shcap - 1);
    }
    uint32_t off = (uint32_t)b->str.n;
    if (ev_buf_put(&b->str, p, n) < 0 || ev_buf_putc(&b->str, '\0') < 0)
        return UINT32_MAX;
    b->shash[j] = off;
    b->shn++;
    return off;
}

static uint32_t intern_s(builder *b, const char *s)
{
    return intern(b, s, strlen(s));
}

/* ------------------------------------------------------------ parsing */

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        s[--n] = '\0';
    return s;
}

/* Split `line` on " | " into at most `max` trimmed fields. Returns the
 * number of fields. */
static size_t split_fields(char *line, char **f, size_t max)
{
    size_t n = 0;
    char *p = line;
    /* A trailing " |" (the line was trimmed) is an empty last field. */
    size_t len = strlen(line);
    int trailing = len >= 2 && line[len - 1] == '|' && line[len - 2] == ' ';
    if (trailing)
        line[len - 2] = '\0';
    for (;;) {
        char *bar = strstr(p, " | ");
        if (n + 1 >= max || !bar) {
            f[n++] = trim(p);
            if (trailing && n < max)
                f[n++] = line + len;  /* the empty string at the end */
            return n;
        }
        *bar = '\0';
        f[n++] = trim(p);
        p = bar + 3;
    }
}

static int is_code(const char *s, size_t min, size_t max)
{
    size_t n = strlen(s);
    if (n < min || n > max)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] < 'A' || s[i] > 'Z')
            return 0;
    return 1;
}

static int digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

/* Parse YYYY, YYYY-MM or YYYY-MM-DD into YYYYMMDD; a missing month or
 * day is the first (`end` = 0) or the last (`end` = 1) of its period.
 * Returns -1 when malformed. */
static int32_t parse_date(const char *s, int end)
{
    size_t n = strlen(s);
    if (!(n == 4 || n == 7 || n == 10) || !digits(s, 4))
        return -1;
    int32_t y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
                (s[3] - '0');
    int32_t m = end ? 12 : 1, d = end ? 31 : 1;
    if (n >= 7) {
        if (s[4] != '-' || !digits(s + 5, 2))
            return -1;
        m = (s[5] - '0') * 10 + (s[6] - '0');
    }
    if (n == 10) {
        if (s[7] != '-' || !digits(s + 8, 2))
            return -1;
        d = (s[8] - '0') * 10 + (s[9] - '0');
    }
    if (m < 1 || m > 12 || d < 1 || d > 31)
        return -1;
    return y * 10000 + m * 100 + d;
}

static int common_has(const builder *b, const char *p, size_t n)
{
    if (!b->capcommon)
        return 0;
    size_t i = ev_dict_hash(p, n) & (b->capcommon - 1);
    while (b->common[i]) {
        if (strlen(b->common[i]) == n && memcmp(b->common[i], p, n) == 0)
            return 1;
        i = (i + 1) & (b->capcommon - 1);
    }
    return 0;
}

/* Add fold key `p[0..n)` to the common words. */
static int common_add(builder *b, const char *p, size_t n)
{
    if (common_has(b, p, n))
        return EV_OK;
    if ((b->ncommon + 1) * 2 > b->capcommon) {
        size_t cap = b->capcommon ? b->capcommon * 2 : 1 << 17;
        char **t = calloc(cap, sizeof(*t));
        if (!t)
            return EV_ENOMEM;
        for (size_t i = 0; i < b->capcommon; i++) {
            char *w = b->common[i];
            if (!w)
                continue;
            size_t j = ev_dict_hash(w, strlen(w)) & (cap - 1);
            while (t[j])
                j = (j + 1) & (cap - 1);
            t[j] = w;
        }
        free(b->common);
        b->common = t;
        b->capcommon = cap;
    }
    char *w = malloc(n + 1);
    if (!w)
        return EV_ENOMEM;
    memcpy(w, p, n);
    w[n] = '\0';
    size_t j = ev_dict_hash(p, n) & (b->capcommon - 1);
    while (b->common[j])
        j = (j + 1) & (b->capcommon - 1);
    b->common[j] = w;
    b->ncommon++;
    return EV_OK;
}

/* Tokenize `name` as the coder would and add it as a phrase of entry
 * `entry`. `proper` asks for a capitalised first token in the text. */
static int add_phrase(builder *b, uint32_t entry, const char *name,
                      int proper)
{
    ev_input in;
    memset(&in, 0, sizeof(in));
    /* An elided form alone ("l'", "qu'") is only split off in text when a
     * word follows: give it one, and keep the elided token. */
    char elided[64];
    size_t len = strlen(name);
    int elision = len > 1 && len + 2 < sizeof(elided) &&
                  (name[len - 1] == '\'' ||
                   (len > 3 && memcmp(name + len - 3, "\xe2\x80\x99", 3) == 0));
    if (elision) {
        memcpy(elided, name, len);
        memcpy(elided + len, "a", 2);
        name = elided;
        len++;
    }
    in.text = (ev_slice){name, len};
    in.lang = (ev_slice){b->lang, strlen(b->lang)};
    int rc = ev_doc_code(b->doc, &in, NULL);
    if (rc == EV_ENOMEM)
        return rc;
    if (rc < 0) {
        problemf(b, "name '%s' is not valid UTF-8", "");
        return EV_OK;
    }
    size_t nt;
    const ev_token *t = ev_doc_tokens(b->doc, &nt);
    if (elision)
        nt = nt == 2 && (t[0].flags & EV_TOKF_ELISION) ? 1 : 0;
    if (nt == 0)
        return EV_OK;
    if (nt > EV_PACK_MAX_TOKENS) {
        problemf(b, "name '%.200s' has too many words", name);
        return EV_OK;
    }
    int letters = 0, upper = 0;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z')) {
            letters++;
            upper += *p <= 'Z';
        }
    }
    const pk_entry *e = (const pk_entry *)b->ent.p + entry;
    pk_phrase ph = {entry, (uint32_t)nt, (uint32_t)(b->key.n / 4),
                    e->kind << 8};
    if (letters >= 2 && upper == letters)
        ph.flags |= PKF_CAPS;
    if (proper)
        ph.flags |= PKF_PROPER;
    ph.flags |= b->form_flags;
    int titled = nt > 1;
    for (size_t i = 0; i < nt; i++)
        if (t[i].kind == EV_TOK_WORD &&
            !(t[i].flags & (EV_TOKF_CAP | EV_TOKF_UPPER)))
            titled = 0;
    if (proper && titled)
        ph.flags |= PKF_TITLED;
    /* A small town named like a common word ("Police", "Most") is far
     * more often the word; a big city keeps its name ("Pékin", "Nice"). */
    if (e->kind == PK_PLACE && nt == 1 && e->population < EV_COMMON_MAX_POP &&
        common_has(b, t[0].fold.p, t[0].fold.n))
        ph.flags |= PKF_COMMON;
    for (size_t i = 0; i < nt; i++) {
        uint32_t k = intern(b, t[i].fold.p, t[i].fold.n);
        if (k == UINT32_MAX || (rc = vec_push(&b->key, &k, 4)) < 0)
            return EV_ENOMEM;
    }
    return vec_push(&b->phr, &ph, sizeof(ph));
}

/* Add the names of list `field` (";"-separated, items optionally tagged
 * "xx:") that apply to the pack's language. */
static int add_names(builder *b, uint32_t entry, char *field, int proper)
{
    char *save = field;
    while (save && *save) {
        char *semi = strchr(save, ';');
        if (semi)
            *semi = '\0';
        char *item = trim(save);
        save = semi ? semi + 1 : NULL;
        if (!*item || strcmp(item, "-") == 0)  /* "-": no name */
            continue;
        if (((item[0] >= 'a' && item[0] <= 'z') &&
             (item[1] >= 'a' && item[1] <= 'z') && item[2] == ':')) {
            if (memcmp(item, b->lang, 2) != 0)
                continue;
            item = trim(item + 3);
            if (!*item) {
                problem(b, "language tag without a name");
                continue;
            }
        }
        int rc = add_phrase(b, entry, item, proper);
        if (rc < 0)
            return rc;
    }
    return EV_OK;
}

static int new_entry(builder *b, uint32_t kind, uint32_t *index,
                     pk_entry *e)
{
    memset(e, 0, sizeof(*e));
    e->kind = kind;
    snprintf(b->where, sizeof(b->where), "%s:%zu", b->file, b->line);
    e->source = intern_s(b, b->where);
    *index = (uint32_t)(b->ent.n / sizeof(pk_entry));
    return e->source == UINT32_MAX ? EV_ENOMEM : EV_OK;
}

static int push_entry(builder *b, const pk_entry *e)
{
    return vec_push(&b->ent, e, sizeof(*e));
}

/* ------------------------------------------------------ source files */

static const char *const TITLES[] = {
    "head-of-state", "president", "vice-president", "monarch",
    "supreme-leader", "head-of-government", "prime-minister", "chancellor",
    "foreign-minister", "defence-minister", "leader", NULL};

static int line_people(builder *b, char **f, size_t nf)
{
    if (nf != 4) {
        problem(b, "expected 'id | name | roles | names'");
        return EV_OK;
    }
    pk_entry e;
    uint32_t idx;
    int rc = new_entry(b, PK_PERSON, &idx, &e);
    if (rc < 0)
        return rc;
    e.entity = intern_s(b, f[0]);
    e.name = intern_s(b, f[1]);
    e.roles = (uint32_t)(b->role.n / sizeof(pk_role));
    char *save = f[2];
    while (save && *save) {
        char *semi = strchr(save, ';');
        if (semi)
            *semi = '\0';
        char *r = trim(save);
        save = semi ? semi + 1 : NULL;
        char code[32], title[64], range[64];
        if (sscanf(r, "%31s %63s %63s", code, title, range) != 3) {
            problemf(b, "bad role '%.200s' (CODE title FROM..TO)", r);
            continue;
        }
        char *dots = strstr(range, "..");
        int t = 0;
        while (TITLES[t] && strcmp(TITLES[t], title) != 0)
            t++;
        if (!is_code(code, 3, 15) || !TITLES[t] || !dots) {
            problemf(b, "bad role '%.200s' (CODE title FROM..TO)", r);
            continue;
        }
        *dots = '\0';
        pk_role role = {intern_s(b, code), intern_s(b, title), 0, 99991231};
        if (!range[0] || (role.from = parse_date(range, 0)) < 0 ||
            (dots[2] && (role.to = parse_date(dots + 2, 1)) < 0)) {
            problemf(b, "bad dates in role '%.200s'", r);
            continue;
        }
        if (role.from > role.to) {
            problemf(b, "role '%.200s' ends before it starts", r);
            continue;
        }
        if ((rc = vec_push(&b->role, &role, sizeof(role))) < 0)
            return rc;
        e.nroles++;
    }
    if (!e.nroles)
        problem(b, "a person needs at least one role");
    if ((rc = push_entry(b, &e)) < 0 || (rc = add_phrase(b, idx, f[1], 1)) < 0)
        return rc;
    return add_names(b, idx, f[3], 1);
}

static int line_org(builder *b, char **f, size_t nf)
{
    if (nf != 4) {
        problem(b, "expected 'id | name | CODE | names'");
        return EV_OK;
    }
    if (!is_code(f[2], 3, 15)) {
        problemf(b, "bad actor code '%.100s'", f[2]);
        return EV_OK;
    }
    pk_entry e;
    uint32_t idx;
    int rc = new_entry(b, PK_ORG, &idx, &e);
    if (rc < 0)
        return rc;
    e.entity = intern_s(b, f[0]);
    e.name = intern_s(b, f[1]);
    e.code = intern_s(b, f[2]);
    if ((rc = push_entry(b, &e)) < 0 || (rc = add_phrase(b, idx, f[1], 1)) < 0)
        return rc;
    return add_names(b, idx, f[3], 1);
}

static int line_country(builder *b, char **f, size_t nf)
{
    if (nf != 4 || !is_code(f[0], 3, 3)) {
        problem(b, "expected 'ISO3 | ISO2 | name | names'");
        return EV_OK;
    }
    pk_entry e;
    uint32_t idx;
    int rc = new_entry(b, PK_COUNTRY, &idx, &e);
    if (rc < 0)
        return rc;
    e.code = e.country = intern_s(b, f[0]);
    e.entity = e.code;
    e.name = intern_s(b, f[2]);
    if ((rc = push_entry(b, &e)) < 0 || (rc = add_phrase(b, idx, f[2], 1)) < 0)
        return rc;
    return add_names(b, idx, f[3], 1);
}

/* data/<lang>/countries.txt: hand-written aliases of countries. */
static int line_country_alias(builder *b, char **f, size_t nf)
{
    if (nf != 2 || !is_code(f[0], 3, 3)) {
        problem(b, "expected 'ISO3 | names'");
        return EV_OK;
    }
    pk_entry e;
    uint32_t idx;
    int rc = new_entry(b, PK_COUNTRY, &idx, &e);
    if (rc < 0)
        return rc;
    e.code = e.country = e.entity = intern_s(b, f[0]);
    e.name = e.code;
    if ((rc = push_entry(b, &e)) < 0)
        return rc;
    return add_names(b, idx, f[1], 1);
}

static int line_place(builder *b, char **f, size_t nf)
{
    char *end1, *end2;
    if (nf != 8 || !is_code(f[2], 3, 3)) {
        problem(b, "expected 'id | name | ISO3 | lat | lon | population | "
                   "region | names'");
        return EV_OK;
    }
    double lat = strtod(f[3], &end1), lon = strtod(f[4], &end2);
    if (*end1 || *end2 || lat < -90 || lat > 90 || lon < -180 || lon > 180 ||
        !digits(f[0], strlen(f[0])) || !digits(f[5], strlen(f[5]))) {
        problem(b, "bad id, coordinates or population");
        return EV_OK;
    }
    pk_entry e;
    uint32_t idx;
    int rc = new_entry(b, PK_PLACE, &idx, &e);
    if (rc < 0)
        return rc;
    e.entity = intern_s(b, f[0]);
    e.name = intern_s(b, f[1]);
    e.country = intern_s(b, f[2]);
    e.lat = lat;
    e.lon = lon;
    e.geonames = (uint32_t)strtoul(f[0], NULL, 10);
    unsigned long pop = strtoul(f[5], NULL, 10);
    e.population = pop > UINT32_MAX ? UINT32_MAX : (uint32_t)pop;
    if ((rc = push_entry(b, &e)) < 0 || (rc = add_phrase(b, idx, f[1], 1)) < 0)
        return rc;
    return add_names(b, idx, f[7], 1);
}

static int line_demonym(builder *b, char **f, size_t nf)
{
    if (nf != 2 || !is_code(f[0], 3, 3)) {
        problem(b, "expected 'ISO3 | forms'");
        return EV_OK;
    }
    pk_entry e;
    uint32_t idx;
    int rc = new_entry(b, PK_DEMONYM, &idx, &e);
    if (rc < 0)
        return rc;
    e.code = e.country = intern_s(b, f[0]);
    if ((rc = push_entry(b, &e)) < 0)
        return rc;
    return add_names(b, idx, f[1], 0);
}

static int line_metonym(builder *b, char **f, size_t nf)
{
    if (nf < 2 || nf > 3 || !is_code(f[1], 3, 15)) {
        problem(b, "expected 'phrase | CODE | note'");
        return EV_OK;
    }
    pk_entry e;
    uint32_t idx;
    int rc = new_entry(b, PK_METONYM, &idx, &e);
    if (rc < 0)
        return rc;
    e.code = intern_s(b, f[1]);
    e.country = intern(b, f[1], 3);
    e.name = intern_s(b, f[0]);
    if ((rc = push_entry(b, &e)) < 0)
        return rc;
    return add_names(b, idx, f[0], 1);
}

static int line_agent(builder *b, char **f, size_t nf)
{
    if (nf < 2 || nf > 3 || !is_code(f[1], 3, 9)) {
        problem(b, "expected 'forms | ROLE | note'");
        return EV_OK;
    }
    pk_entry e;
    uint32_t idx;
    int rc = new_entry(b, PK_AGENT, &idx, &e);
    if (rc < 0)
        return rc;
    e.role = intern_s(b, f[1]);
    if ((rc = push_entry(b, &e)) < 0)
        return rc;
    return add_names(b, idx, f[0], 0);
}

static int line_prep(builder *b, char **f, size_t nf)
{
    /* In the order of the PKW_* bits. */
    static const char *const classes[] = {
        PK_PREP_LOCATIVE, PK_PREP_GENITIVE, PK_PREP_ARTICLE, PK_PREP_CLAUSE,
        PK_PREP_RELATIVE, PK_PREP_NEGATION, PK_PREP_MODAL, PK_PREP_PASSIVE,
        PK_PREP_COORD, NULL};
    uint32_t bit = 0;
    for (int i = 0; nf == 2 && classes[i]; i++)
        if (strcmp(f[1], classes[i]) == 0)
            bit = 1u << i;
    if (!bit) {
        problem(b, "expected 'forms | locative|genitive|article|clause|"
                   "relative|negation|modal|passive|coord'");
        return EV_OK;
    }
    pk_entry e;
    uint32_t idx;
    int rc = new_entry(b, PK_PREP, &idx, &e);
    if (rc < 0)
        return rc;
    e.role = intern_s(b, f[1]);
    e.flags = bit;
    if ((rc = push_entry(b, &e)) < 0)
        return rc;
    return add_names(b, idx, f[0], 0);
}

/* ------------------------------------------------------------ lemmas */

static size_t lem_slot(const builder *b, const char *lemma)
{
    size_t i = ev_dict_hash(lemma, strlen(lemma)) & (b->caphead - 1);
    while (b->lem_head[i] >= 0 &&
           strcmp(b->lem_lemma[b->lem_head[i]], lemma) != 0)
        i = (i + 1) & (b->caphead - 1);
    return i;
}

/* <lang>/lemmas.txt: form | lemma | POS. Kept in memory while compiling,
 * to expand event triggers to every form of their lemma. */
static int line_lemma(builder *b, char **f, size_t nf)
{
    if (nf != 3) {
        problem(b, "expected 'form | lemma | POS'");
        return EV_OK;
    }
    if (b->nlem == b->caplem) {
        size_t cap = b->caplem ? b->caplem * 2 : 1 << 16;
        char **fo = realloc(b->lem_form, cap * sizeof(*fo));
        if (fo)
            b->lem_form = fo;
        char **le = realloc(b->lem_lemma, cap * sizeof(*le));
        if (le)
            b->lem_lemma = le;
        uint8_t *no = realloc(b->lem_noun, cap);
        if (no)
            b->lem_noun = no;
        uint8_t *ve = realloc(b->lem_verb, cap);
        if (ve)
            b->lem_verb = ve;
        int32_t *nx = realloc(b->lem_next, cap * sizeof(*nx));
        if (nx)
            b->lem_next = nx;
        if (!fo || !le || !no || !ve || !nx)
            return EV_ENOMEM;
        b->caplem = cap;
    }
    if ((b->nlem + 1) * 2 > b->caphead) {
        size_t cap = b->caphead ? b->caphead * 2 : 1 << 17;
        int32_t *h = malloc(cap * sizeof(*h));
        if (!h)
            return EV_ENOMEM;
        for (size_t i = 0; i < cap; i++)
            h[i] = -1;
        int32_t *old = b->lem_head;
        size_t oldcap = b->caphead;
        b->lem_head = h;
        b->caphead = cap;
        /* Re-insert the chain heads; chains stay linked. */
        for (size_t i = 0; i < oldcap; i++)
            if (old[i] >= 0)
                h[lem_slot(b, b->lem_lemma[old[i]])] = old[i];
        free(old);
    }
    size_t k = b->nlem;
    if (!(b->lem_form[k] = strdup(f[0])) || !(b->lem_lemma[k] = strdup(f[1])))
        return EV_ENOMEM;
    b->lem_noun[k] = strcmp(f[2], "NOUN") == 0;
    b->lem_verb[k] = strcmp(f[2], "VERB") == 0;
    size_t slot = lem_slot(b, f[1]);
    b->lem_next[k] = b->lem_head[slot];
    b->lem_head[slot] = (int32_t)k;
    b->nlem++;
    return EV_OK;
}

/* Call `fn` on each form of `lemma` whose part of speech fits `pos`
 * (1 verb, 2 noun, 0 any), then on the lemma itself. */
static int each_form(builder *b, const char *lemma, int pos,
                     int (*fn)(builder *, uint32_t, const char *),
                     uint32_t entry)
{
    int rc, known = 0;
    if (b->caphead) {
        for (int32_t k = b->lem_head[lem_slot(b, lemma)]; k >= 0;
             k = b->lem_next[k]) {
            if ((pos == 1 && !b->lem_verb[k]) || (pos == 2 && !b->lem_noun[k]))
                continue;
            b->form_flags = (b->lem_verb[k] ? PKF_VERB : 0) |
                            (b->lem_noun[k] ? PKF_NOUN : 0);
            known |= b->form_flags != 0;
            rc = fn(b, entry, b->lem_form[k]);
            b->form_flags = 0;
            if (rc < 0)
                return rc;
        }
    }
    /* The lemma itself: a verb, a noun, or either when the table does not
     * know it. */
    b->form_flags = pos == 1 ? PKF_VERB : pos == 2 ? PKF_NOUN
                  : known ? 0 : PKF_VERB | PKF_NOUN;
    rc = fn(b, entry, lemma);
    b->form_flags = 0;
    return rc;
}

static int add_word_phrase(builder *b, uint32_t entry, const char *form)
{
    return add_phrase(b, entry, form, 0);
}

/* The PK_LEMMA entry of `lemma`, made with phrases for all its forms
 * when first asked for. */
static int lemma_entry(builder *b, const char *lemma, uint32_t *out)
{
    if (b->caplemma == 0) {
        b->caplemma = 1 << 12;
        b->lemma_key = calloc(b->caplemma, sizeof(char *));
        b->lemma_entry = calloc(b->caplemma, sizeof(uint32_t));
        if (!b->lemma_key || !b->lemma_entry)
            return EV_ENOMEM;
    }
    size_t i = ev_dict_hash(lemma, strlen(lemma)) & (b->caplemma - 1);
    while (b->lemma_key[i] && strcmp(b->lemma_key[i], lemma) != 0)
        i = (i + 1) & (b->caplemma - 1);
    if (b->lemma_key[i]) {
        *out = b->lemma_entry[i];
        return EV_OK;
    }
    if (!(b->lemma_key[i] = strdup(lemma)))
        return EV_ENOMEM;
    pk_entry e;
    uint32_t idx;
    int rc = new_entry(b, PK_LEMMA, &idx, &e);
    if (rc < 0)
        return rc;
    e.name = intern_s(b, lemma);
    if ((rc = push_entry(b, &e)) < 0)
        return rc;
    b->lemma_entry[i] = idx;
    *out = idx;
    return each_form(b, lemma, 0, add_word_phrase, idx);
}

static int is_cameo_code(const char *s)
{
    size_t n = strlen(s);
    return n >= 2 && n <= 4 && digits(s, n);
}

/* <lang>/events.txt: trigger | CAMEO | target | flags */
static int line_event(builder *b, char **f, size_t nf)
{
    if (nf < 3 || nf > 4 || !is_cameo_code(f[1])) {
        problem(b, "expected 'trigger | CAMEO | target | flags'");
        return EV_OK;
    }
    char words[512];
    snprintf(words, sizeof(words), "%s", f[0]);
    char *head = words;
    /* Reflexive verbs: the pronoun may stand anywhere before the verb. */
    if (strncmp(head, "se ", 3) == 0)
        head += 3;
    else if (strncmp(head, "s'", 2) == 0 || strncmp(head, "s\xe2\x80\x99", 4) == 0)
        head += head[1] == '\'' ? 2 : 4;
    char *rest = strchr(head, ' ');
    if (rest)
        *rest++ = '\0';
    if (!*head) {
        problem(b, "empty trigger");
        return EV_OK;
    }
    uint32_t flags = 0;
    if (nf == 4) {
        if (strstr(f[3], "noun"))
            flags |= PKT_NOUN;
        if (strstr(f[3], "sym"))
            flags |= PKT_SYM;
    }
    char target[128];
    size_t k = 0;
    for (const char *p = f[2]; *p && k + 1 < sizeof(target); p++)
        if (*p != ' ')
            target[k++] = *p;
    target[k] = '\0';
    pk_entry e;
    uint32_t idx;
    int rc = new_entry(b, PK_TRIGGER, &idx, &e);
    if (rc < 0)
        return rc;
    e.name = intern_s(b, f[0]);
    e.code = intern_s(b, f[1]);
    e.role = intern_s(b, target);
    e.entity = intern_s(b, rest ? rest : "");
    e.flags = flags;
    if ((rc = push_entry(b, &e)) < 0)
        return rc;
    /* Words after the head must be recognisable in any of their forms. */
    for (char *w = rest; w && *w;) {
        char *sp = strchr(w, ' ');
        if (sp)
            *sp = '\0';
        uint32_t le;
        if (strcmp(w, "...") != 0 && *w && (rc = lemma_entry(b, w, &le)) < 0)
            return rc;
        w = sp ? sp + 1 : NULL;
    }
    /* A noun-flagged trigger serves its verb too ("attack"): all forms. */
    return each_form(b, head, flags & PKT_NOUN ? 0 : 1, add_word_phrase, idx);
}

/* <lang>/speech.txt: word | verb|prep */
static int line_speech(builder *b, char **f, size_t nf)
{
    if (nf != 2 || (strcmp(f[1], "verb") != 0 && strcmp(f[1], "prep") != 0)) {
        problem(b, "expected 'word | verb|prep'");
        return EV_OK;
    }
    pk_entry e;
    uint32_t idx;
    int rc = new_entry(b, PK_SPEECH, &idx, &e);
    if (rc < 0)
        return rc;
    e.name = intern_s(b, f[0]);
    e.role = intern_s(b, f[1]);
    e.flags = PKW_SPEECH;
    if ((rc = push_entry(b, &e)) < 0)
        return rc;
    if (strcmp(f[1], "verb") == 0)
        return each_form(b, f[0], 1, add_word_phrase, idx);
    return add_phrase(b, idx, f[0], 0);
}

/* <lang>/contractions.txt: form | preposition */
static int line_contraction(builder *b, char **f, size_t nf)
{
    if (nf != 2 || !*f[1] || strchr(f[1], ' ')) {
        problem(b, "expected 'form | preposition'");
        return EV_OK;
    }
    pk_entry e;
    uint32_t idx;
    int rc = new_entry(b, PK_CONTRACT, &idx, &e);
    if (rc < 0)
        return rc;
    e.name = intern_s(b, f[1]);
    if ((rc = push_entry(b, &e)) < 0)
        return rc;
    return add_phrase(b, idx, f[0], 0);
}

/* common/cameo.txt: code | name | quad | goldstein | plover */
static int line_cameo(builder *b, char **f, size_t nf)
{
    char *end;
    if (nf != 5 || !is_cameo_code(f[0])) {
        problem(b, "expected 'code | name | quad | goldstein | plover'");
        return EV_OK;
    }
    double g = strtod(f[3], &end);
    if (*end || g < -10 || g > 10 || strlen(f[2]) != 1 || f[2][0] < '0' ||
        f[2][0] > '4') {
        problem(b, "bad QuadClass or Goldstein value");
        return EV_OK;
    }
    pk_entry e;
    uint32_t idx;
    int rc = new_entry(b, PK_CAMEO, &idx, &e);
    if (rc < 0)
        return rc;
    e.name = intern_s(b, f[0]);
    e.entity = intern_s(b, f[1]);
    e.role = intern_s(b, strcmp(f[4], "-") == 0 ? "" : f[4]);
    e.lat = g;
    e.population = (uint32_t)(f[2][0] - '0');
    if ((rc = push_entry(b, &e)) < 0)
        return rc;
    return add_phrase(b, idx, f[0], 0);
}

/* <lang>/common-words.txt: one word per line. */
static int line_common(builder *b, char **f, size_t nf)
{
    if (nf != 1 || strchr(f[0], ' ')) {
        problem(b, "expected one word per line");
        return EV_OK;
    }
    ev_input in;
    memset(&in, 0, sizeof(in));
    in.text = (ev_slice){f[0], strlen(f[0])};
    in.lang = (ev_slice){b->lang, strlen(b->lang)};
    if (ev_doc_code(b->doc, &in, NULL) < 0)
        return EV_OK;
    size_t nt;
    const ev_token *t = ev_doc_tokens(b->doc, &nt);
    return nt == 1 ? common_add(b, t[0].fold.p, t[0].fold.n) : EV_OK;
}

typedef int (*line_fn)(builder *b, char **f, size_t nf);

/* Read `path` and hand each entry line to `fn`. A missing file is not an
 * error when `optional`. */
static int read_source(builder *b, const char *path, const char *shown,
                       line_fn fn, int optional)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        if (optional && errno == ENOENT)
            return EV_OK;
        b->file = shown;
        b->line = 0;
        problemf(b, "cannot read: %s", strerror(errno));
        return EV_OK;
    }
    char buf[16384];
    b->file = shown;
    b->line = 0;
    int rc = EV_OK;
    while (rc == EV_OK && fgets(buf, sizeof(buf), fp)) {
        b->line++;
        size_t n = strlen(buf);
        if (n == sizeof(buf) - 1 && buf[n - 1] != '\n') {
            problem(b, "line too long");
            int c;
            while ((c = fgetc(fp)) != EOF && c != '\n')
                ;
            continue;
        }
        if (ev_utf8_validate(buf, n, NULL) < 0) {
            problem(b, "invalid UTF-8");
            continue;
        }
        char *hash = strchr(buf, '#');
        if (hash)
            *hash = '\0';
        char *line = trim(buf);
        n = strlen(line);
        if (n && line[n - 1] == '\n')
            line[--n] = '\0';
        line = trim(line);
        if (!*line)
            continue;
        char *f[10];
        size_t nf = split_fields(line, f, 10);
        rc = fn(b, f, nf);
    }
    fclose(fp);
    return rc;
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every *.txt file of `dir`, sorted, through `fn`. */
static int read_dir(builder *b, const char *root, const char *rel,
                    line_fn fn)
{
    char dir[4096];
    snprintf(dir, sizeof(dir), "%s/%s", root, rel);
    DIR *d = opendir(dir);
    if (!d)
        return EV_OK;
    char *names[512];
    size_t n = 0;
    struct dirent *de;
    while ((de = readdir(d)) && n < 512) {
        size_t l = strlen(de->d_name);
        if (l > 4 && strcmp(de->d_name + l - 4, ".txt") == 0)
            names[n++] = strdup(de->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof(*names), cmp_name);
    int rc = EV_OK;
    for (size_t i = 0; i < n; i++) {
        char path[4096 + 256], shown[512];
        snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
        snprintf(shown, sizeof(shown), "%s/%s", rel, names[i]);
        if (rc == EV_OK)
            rc = read_source(b, path, shown, fn, 0);
        free(names[i]);
    }
    return rc;
}

/* --------------------------------------------------------- finishing */

static const builder *sort_b;

static int cmp_phrase(const void *x, const void *y)
{
    const pk_phrase *a = x, *c = y;
    const uint32_t *k = (const uint32_t *)sort_b->key.p;
    uint32_t ka = k[a->keys], kc = k[c->keys];
    if (ka != kc)
        return ka < kc ? -1 : 1;
    if (a->ntok != c->ntok)
        return a->ntok > c->ntok ? -1 : 1;
    return a->entry < c->entry ? -1 : a->entry > c->entry;
}

static size_t align8(size_t n)
{
    return (n + 7) & ~(size_t)7;
}

static int write_pack(builder *b, const char *out_path)
{
    size_t nphr = b->phr.n / sizeof(pk_phrase);
    pk_phrase *phr = (pk_phrase *)b->phr.p;
    const uint32_t *keys = (const uint32_t *)b->key.p;
    sort_b = b;
    if (nphr)
        qsort(phr, nphr, sizeof(*phr), cmp_phrase);
    /* Groups of phrases sharing a first key become buckets. */
    size_t ngroups = 0;
    for (size_t i = 0; i < nphr; i++)
        ngroups += i == 0 || keys[phr[i].keys] != keys[phr[i - 1].keys];
    size_t nbkt = 16;
    while (nbkt < ngroups * 4)  /* load under 1/4: short probes */
        nbkt *= 2;
    pk_bucket *bkt = calloc(nbkt, sizeof(*bkt));
    uint16_t *tag = calloc(nbkt, sizeof(*tag));
    unsigned char *bloom = calloc(PK_BLOOM_SIZE, 1);
    uint32_t *lst = malloc((nphr ? nphr : 1) * sizeof(*lst));
    if (!bkt || !lst || !tag || !bloom) {
        free(bkt);
        free(tag);
        free(bloom);
        free(lst);
        return EV_ENOMEM;
    }
    for (size_t i = 0; i < nphr;) {
        size_t j = i;
        uint32_t lower = 0;
        while (j < nphr && keys[phr[j].keys] == keys[phr[i].keys]) {
            lst[j] = (uint32_t)j;
            if (!(phr[j].flags & PKF_PROPER) &&
                PKF_KIND(phr[j].flags) != PK_PREP)
                lower = PKB_LOWER;
            j++;
        }
        const char *k = b->str.p + keys[phr[i].keys];
        size_t h = ev_dict_hash(k, strlen(k)) & (nbkt - 1);
        while (bkt[h].key)
            h = (h + 1) & (nbkt - 1);
        bkt[h] = (pk_bucket){keys[phr[i].keys], (uint32_t)i,
                             (uint32_t)(j - i) | lower,
                             ev_dict_hash(k, strlen(k))};
        tag[h] = pk_tag(bkt[h].hash);
        pk_bloom_add(bloom, bkt[h].hash);
        i = j;
    }
    pk_header h;
    memset(&h, 0, sizeof(h));
    memcpy(h.magic, EV_PACK_MAGIC, 8);
    h.version = EV_PACK_VERSION;
    memcpy(h.lang, b->lang, strlen(b->lang) < 7 ? strlen(b->lang) : 7);
    size_t off = align8(sizeof(h));
    h.str_off = (uint32_t)off;
    h.str_size = (uint32_t)b->str.n;
    off = align8(off + b->str.n);
    h.ent_off = (uint32_t)off;
    h.nent = (uint32_t)(b->ent.n / sizeof(pk_entry));
    off = align8(off + b->ent.n);
    h.role_off = (uint32_t)off;
    h.nrole = (uint32_t)(b->role.n / sizeof(pk_role));
    off = align8(off + b->role.n);
    h.phr_off = (uint32_t)off;
    h.nphr = (uint32_t)nphr;
    off = align8(off + b->phr.n);
    h.key_off = (uint32_t)off;
    h.nkey = (uint32_t)(b->key.n / 4);
    off = align8(off + b->key.n);
    h.bkt_off = (uint32_t)off;
    h.nbkt = (uint32_t)nbkt;
    off = align8(off + nbkt * sizeof(*bkt));
    h.lst_off = (uint32_t)off;
    h.nlst = (uint32_t)nphr;
    off = align8(off + nphr * sizeof(*lst));
    h.tag_off = (uint32_t)off;
    off = align8(off + nbkt * sizeof(*tag));
    h.bloom_off = (uint32_t)off;
    off = align8(off + PK_BLOOM_SIZE);
    h.size = (uint32_t)off;

    int rc = EV_OK;
    if (out_path) {
        char tmp[4096];
        snprintf(tmp, sizeof(tmp), "%s.tmp", out_path);
        FILE *fp = fopen(tmp, "wb");
        static const char zero[8];
        const struct {
            const void *p;
            size_t n;
        } parts[] = {{&h, sizeof(h)},       {b->str.p, b->str.n},
                     {b->ent.p, b->ent.n},  {b->role.p, b->role.n},
                     {b->phr.p, b->phr.n},  {b->key.p, b->key.n},
                     {bkt, nbkt * sizeof(*bkt)}, {lst, nphr * sizeof(*lst)},
                     {tag, nbkt * sizeof(*tag)}, {bloom, PK_BLOOM_SIZE}};
        for (size_t i = 0; fp && i < sizeof(parts) / sizeof(parts[0]); i++) {
            if (parts[i].n && fwrite(parts[i].p, 1, parts[i].n, fp) != parts[i].n)
                rc = EV_EIO;
            size_t pad = align8(parts[i].n) - parts[i].n;
            if (pad && fwrite(zero, 1, pad, fp) != pad)
                rc = EV_EIO;
        }
        if (!fp || fclose(fp) != 0 || rc < 0 || rename(tmp, out_path) != 0) {
            rc = EV_EIO;
            remove(tmp);
        }
    }
    free(bkt);
    free(tag);
    free(bloom);
    free(lst);
    return rc;
}

int ev_dict_compile(const char *lang, const char *const *dirs, size_t ndirs,
                    const char *out_path, ev_dict_report_fn report,
                    void *payload)
{
    builder b;
    memset(&b, 0, sizeof(b));
    b.lang = lang;
    b.report = report;
    b.payload = payload;
    int rc = EV_ENOMEM;
    if (strlen(lang) != 2 || ev_doc_new(&b.doc, NULL) < 0 ||
        ev_buf_putc(&b.str, '\0') < 0)
        goto out;
    rc = EV_OK;
    static const struct {
        const char *rel;
        int per_lang;
        line_fn fn;
    } files[] = {{"common/cameo.txt", 0, line_cameo},
                 {"common/orgs.txt", 0, line_org},
                 {"common/groups.txt", 0, line_org},
                 {"common/countries.txt", 0, line_country},
                 {"common/places.txt", 0, line_place},
                 {"countries.txt", 1, line_country_alias},
                 {"demonyms.txt", 1, line_demonym},
                 {"metonyms.txt", 1, line_metonym},
                 {"agents.txt", 1, line_agent},
                 {"prepositions.txt", 1, line_prep},
                 {"speech.txt", 1, line_speech},
                 {"contractions.txt", 1, line_contraction},
                 {"events.txt", 1, line_event}};
    /* Common words and lemmas first: places are checked against the
     * words, and event triggers expanded with the lemmas. */
    for (size_t d = 0; d < ndirs && rc == EV_OK; d++) {
        char rel[64], path[4096 + 64];
        snprintf(rel, sizeof(rel), "%s/common-words.txt", lang);
        snprintf(path, sizeof(path), "%s/%s", dirs[d], rel);
        rc = read_source(&b, path, rel, line_common, 1);
        snprintf(rel, sizeof(rel), "%s/lemmas.txt", lang);
        snprintf(path, sizeof(path), "%s/%s", dirs[d], rel);
        if (rc == EV_OK)
            rc = read_source(&b, path, rel, line_lemma, 1);
    }
    for (size_t d = 0; d < ndirs && rc == EV_OK; d++) {
        rc = read_dir(&b, dirs[d], "common/people", line_people);
        for (size_t i = 0; i < sizeof(files) / sizeof(files[0]) && rc == EV_OK;
             i++) {
            char rel[64], path[4096 + 64];
            if (files[i].per_lang)
                snprintf(rel, sizeof(rel), "%s/%s", lang, files[i].rel);
            else
                snprintf(rel, sizeof(rel), "%s", files[i].rel);
            snprintf(path, sizeof(path), "%s/%s", dirs[d], rel);
            rc = read_source(&b, path, rel, files[i].fn, 1);
        }
    }
    if (rc == EV_OK && b.errors)
        rc = EV_EINVAL;
    if (rc == EV_OK)
        rc = write_pack(&b, out_path);
out:
    ev_doc_free(b.doc);
    ev_buf_free(&b.str);
    free(b.shash);
    free(b.ent.p);
    free(b.role.p);
    free(b.phr.p);
    free(b.key.p);
    for (size_t i = 0; i < b.capcommon; i++)
        free(b.common[i]);
    free(b.common);
    for (size_t i = 0; i < b.nlem; i++) {
        free(b.lem_form[i]);
        free(b.lem_lemma[i]);
    }
    free(b.lem_form);
    free(b.lem_lemma);
    free(b.lem_noun);
    free(b.lem_verb);
    free(b.lem_next);
    free(b.lem_head);
    for (size_t i = 0; i < b.caplemma; i++)
        free(b.lemma_key[i]);
    free(b.lemma_key);
    free(b.lemma_entry);
    return rc;
}

/* ============================================================ loading */

static int bad(ev_err *err, const char *msg)
{
    if (err) {
        memset(err, 0, sizeof(*err));
        err->code = EV_EINVAL;
        err->msg = msg;
    }
    return EV_EINVAL;
}

static int section_ok(const pk_header *h, size_t size, uint32_t off,
                      uint64_t count, size_t elsize)
{
    return off % 8 == 0 && off <= size && count * elsize <= size - off &&
           off >= sizeof(*h);
}

/* Check every offset and index of the pack at `d`. */
static int validate(ev_dict *d, ev_err *err)
{
    const pk_header *h = d->h;
    if (d->size < sizeof(*h) || memcmp(h->magic, EV_PACK_MAGIC, 8) != 0)
        return bad(err, "not an evcode pack");
    if (h->version != EV_PACK_VERSION)
        return bad(err, "pack built by another version of evcode");
    if (h->size != d->size || h->lang[7] != '\0')
        return bad(err, "pack is truncated or corrupt");
    if (!section_ok(h, d->size, h->str_off, h->str_size, 1) ||
        h->str_size == 0 ||
        !section_ok(h, d->size, h->ent_off, h->nent, sizeof(pk_entry)) ||
        !section_ok(h, d->size, h->role_off, h->nrole, sizeof(pk_role)) ||
        !section_ok(h, d->size, h->phr_off, h->nphr, sizeof(pk_phrase)) ||
        !section_ok(h, d->size, h->key_off, h->nkey, 4) ||
        !section_ok(h, d->size, h->bkt_off, h->nbkt, sizeof(pk_bucket)) ||
        !section_ok(h, d->size, h->lst_off, h->nlst, 4) ||
        !section_ok(h, d->size, h->tag_off, h->nbkt, 2) ||
        !section_ok(h, d->size, h->bloom_off, PK_BLOOM_SIZE, 1) ||
        (h->nbkt & (h->nbkt - 1)) != 0 || h->nbkt == 0)
        return bad(err, "pack sections out of bounds");
    d->str = (const char *)d->base + h->str_off;
    d->ent = (const pk_entry *)(d->base + h->ent_off);
    d->role = (const pk_role *)(d->base + h->role_off);
    d->phr = (const pk_phrase *)(d->base + h->phr_off);
    d->key = (const uint32_t *)(d->base + h->key_off);
    d->bkt = (const pk_bucket *)(d->base + h->bkt_off);
    d->lst = (const uint32_t *)(d->base + h->lst_off);
    d->tag = (const uint16_t *)(d->base + h->tag_off);
    d->bloom = d->base + h->bloom_off;
    if (d->str[0] != '\0' || d->str[h->str_size - 1] != '\0')
        return bad(err, "pack string table is corrupt");
#define STR_OK(o) ((o) < h->str_size)
    for (uint32_t i = 0; i < h->nent; i++) {
        const pk_entry *e = &d->ent[i];
        if (e->kind == 0 || e->kind >= PK_NKINDS || !STR_OK(e->name) ||
            !STR_OK(e->entity) || !STR_OK(e->code) || !STR_OK(e->country) ||
            !STR_OK(e->role) || !STR_OK(e->source) || e->roles > h->nrole ||
            e->nroles > h->nrole - e->roles)
            return bad(err, "pack entry is corrupt");
    }
    for (uint32_t i = 0; i < h->nrole; i++)
        if (!STR_OK(d->role[i].code) || !STR_OK(d->role[i].title))
            return bad(err, "pack role is corrupt");
    for (uint32_t i = 0; i < h->nphr; i++) {
        const pk_phrase *p = &d->phr[i];
        if (p->entry >= h->nent || p->ntok == 0 ||
            PKF_KIND(p->flags) != d->ent[p->entry].kind ||
            p->ntok > EV_PACK_MAX_TOKENS || p->keys > h->nkey ||
            p->ntok > h->nkey - p->keys)
            return bad(err, "pack phrase is corrupt");
    }
    for (uint32_t i = 0; i < h->nkey; i++)
        if (!STR_OK(d->key[i]))
            return bad(err, "pack key is corrupt");
    for (uint32_t i = 0; i < h->nbkt; i++) {
        const pk_bucket *k = &d->bkt[i];
        if (!STR_OK(k->key) || k->list > h->nlst ||
            PKB_LEN(k->len) > h->nlst - k->list ||
            d->tag[i] != (k->key ? pk_tag(k->hash) : 0) ||
            (k->key && !pk_bloom_has(d->bloom, k->hash)))
            return bad(err, "pack bucket is corrupt");
    }
    for (uint32_t i = 0; i < h->nlst; i++)
        if (d->lst[i] >= h->nphr)
            return bad(err, "pack list is corrupt");
#undef STR_OK
    return EV_OK;
}

int ev_dict_load(ev_dict **out, const char *path, ev_err *err)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        if (err) {
            memset(err, 0, sizeof(*err));
            err->code = EV_EIO;
            err->msg = "cannot open the pack";
        }
        return EV_EIO;
    }
    struct stat st;
    ev_dict *d = calloc(1, sizeof(*d));
    int rc = EV_EIO;
    if (!d) {
        rc = EV_ENOMEM;
        goto fail;
    }
    if (fstat(fd, &st) != 0 || st.st_size <= 0)
        goto fail;
    d->size = (size_t)st.st_size;
    void *p = mmap(NULL, d->size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p == MAP_FAILED)
        goto fail;
    close(fd);
    fd = -1;
    d->base = p;
    d->mapped = 1;
    d->h = (const pk_header *)d->base;
    if ((rc = validate(d, err)) < 0) {
        ev_dict_free(d);
        return rc;
    }
    *out = d;
    return EV_OK;
fail:
    if (fd >= 0)
        close(fd);
    free(d);
    if (err && rc == EV_EIO) {
        memset(err, 0, sizeof(*err));
        err->code = EV_EIO;
        err->msg = "cannot map the pack";
    }
    return rc;
}

int ev_dict_load_buffer(ev_dict **out, const void *p, size_t n, ev_err *err)
{
    if (!p || ((uintptr_t)p & 7) != 0)
        return bad(err, "pack buffer is not 8-byte aligned");
    ev_dict *d = calloc(1, sizeof(*d));
    if (!d)
        return EV_ENOMEM;
    d->base = p;
    d->size = n;
    d->h = (const pk_header *)d->base;
    int rc = validate(d, err);
    if (rc < 0) {
        free(d);
        return rc;
    }
    *out = d;
    return EV_OK;
}

void ev_dict_free(ev_dict *d)
{
    if (!d)
        return;
    if (d->mapped)
        munmap((void *)d->base, d->size);
    free(d);
}

const char *ev_dict_lang(const ev_dict *d)
{
    return d->h->lang;
}

size_t ev_dict_size(const ev_dict *d)
{
    return d->h->nent;
}

const pk_bucket *ev_dict_find(const ev_dict *d, const char *p, size_t n)
{
    uint32_t mask = d->h->nbkt - 1, h = ev_dict_hash(p, n);
    if (!pk_bloom_has(d->bloom, h))
        return NULL;
    uint32_t i = h & mask;
    uint16_t want = pk_tag(h);
    for (uint32_t probes = 0; probes <= mask; probes++) {
        uint16_t t = d->tag[i];
        if (!t)
            return NULL;
        if (t == want) {
            const pk_bucket *b = &d->bkt[i];
            if (b->hash == h && pk_key_eq(d->str + b->key, p, n))
                return b;
        }
        i = (i + 1) & mask;
    }
    return NULL;
}

uint32_t ev_dict_word_class(const ev_dict *d, const char *p, size_t n)
{
    const pk_bucket *b = ev_dict_find(d, p, n);
    uint32_t cls = 0;
    for (uint32_t k = 0; b && k < PKB_LEN(b->len); k++) {
        const pk_phrase *ph = &d->phr[d->lst[b->list + k]];
        uint32_t kind = PKF_KIND(ph->flags);
        if (ph->ntok == 1 && (kind == PK_PREP || kind == PK_SPEECH))
            cls |= d->ent[ph->entry].flags;
    }
    return cls;
}
