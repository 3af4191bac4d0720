/* Language packs and the actor/place stage: compile small sources written
 * here, check problems are reported with file and line, load, code texts
 * and check the mentions. */
#include "check.h"
#include "evcode/evcode.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char root[256];

static void put(const char *rel, const char *text)
{
    char path[512];
    snprintf(path, sizeof(path), "%s/%s", root, rel);
    for (char *p = path + strlen(root) + 1; *p; p++)
        if (*p == '/') {
            *p = '\0';
            mkdir(path, 0700);
            *p = '/';
        }
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

static char problems[2048];

static void collect(const char *file, size_t line, const char *msg,
                    void *payload)
{
    (void)payload;
    size_t k = strlen(problems);
    snprintf(problems + k, sizeof(problems) - k, "%s:%zu: %s\n", file, line,
             msg);
}

static void write_sources(void)
{
    put("common/people/test.txt",
        "# people\n"
        "vladimir-putin | Vladimir Putin | RUSGOV prime-minister "
        "1999-08-16..2000-05-07; RUSGOV president 2000-05-07..2008-05-07; "
        "RUSGOV prime-minister 2008-05-08..2012-05-07; RUSGOV president "
        "2012-05-07.. | Putin; fr:Vladimir Poutine; fr:Poutine\n"
        "kim-jong-un | Kim Jong-un | PRKGOV supreme-leader 2011-12-17.. | "
        "Kim Jong Un\n");
    put("common/orgs.txt", "un | United Nations | IGOUNO | UN; fr:ONU\n");
    put("common/countries.txt",
        "RUS | RU | Russia | fr:Russie\n"
        "PRK | KP | North Korea | fr:Corée du Nord\n"
        "USA | US | United States | fr:États-Unis\n");
    put("common/places.txt",
        "1816670 | Beijing | CHN | 39.9075 | 116.39723 | 18960744 | "
        "Beijing | fr:Pékin\n"
        "524901 | Moscow | RUS | 55.75222 | 37.61556 | 10381222 | Moscow | "
        "fr:Moscou\n"
        "2988507 | Paris | FRA | 48.85341 | 2.3488 | 2138551 | "
        "Île-de-France | -\n"
        "4717560 | Paris | USA | 33.66094 | -95.55551 | 24782 | Texas | -\n");
    put("fr/demonyms.txt",
        "RUS | russe; russes\nPRK | nord-coréen; nord-coréenne; "
        "nord-coréens\n");
    put("fr/metonyms.txt", "Kremlin | RUSGOV | presidency\n"
                           "Moscou | RUS | capital\n");
    put("fr/agents.txt", "armée; armées | MIL\nsoldat; soldats | MIL\n"
                         "président | GOV\n");
    put("fr/prepositions.txt", "à; en | locative\nde; du | genitive\n"
                               "la; le | article\n");
}

static ev_dict *pack;

/* Code `text` (French) published on `date`; render its mentions as
 * "text=CODE" (actors) or "text@COUNTRY" (places), joined by ' '. */
static const char *code(const char *text, const char *date)
{
    static char out[2048];
    const ev_dict *dicts[] = {pack};
    ev_doc_options o = EV_DOC_OPTIONS_INIT;
    o.dicts = dicts;
    o.ndicts = 1;
    ev_doc *doc;
    out[0] = '\0';
    if (ev_doc_new(&doc, &o) < 0)
        return "(error)";
    ev_input in;
    memset(&in, 0, sizeof(in));
    in.text = (ev_slice){text, strlen(text)};
    in.lang = (ev_slice){"fr", 2};
    in.date = (ev_slice){date, strlen(date)};
    if (ev_doc_code(doc, &in, NULL) == EV_OK) {
        size_t n, k = 0;
        const ev_mention *m = ev_doc_mentions(doc, &n);
        for (size_t i = 0; i < n && k + 100 < sizeof(out); i++) {
            const char *span = text + m[i].start;
            int len = (int)(m[i].end - m[i].start);
            if (m[i].kind == EV_MENTION_ACTOR)
                k += (size_t)snprintf(out + k, sizeof(out) - k, "%s%.*s=%.*s",
                                      k ? " " : "", len, span,
                                      (int)m[i].u.actor.code.n,
                                      m[i].u.actor.code.p);
            else if (m[i].kind == EV_MENTION_PLACE)
                k += (size_t)snprintf(out + k, sizeof(out) - k, "%s%.*s@%.*s",
                                      k ? " " : "", len, span,
                                      (int)m[i].u.place.country.n,
                                      m[i].u.place.country.p);
        }
    }
    ev_doc_free(doc);
    return out;
}

/* Code `text` and render each quote as "quote<-speaker text=CODE". */
static const char *speakers(const char *text)
{
    static char out[1024];
    const ev_dict *dicts[] = {pack};
    ev_doc_options o = EV_DOC_OPTIONS_INIT;
    o.dicts = dicts;
    o.ndicts = 1;
    ev_doc *doc;
    out[0] = '\0';
    if (ev_doc_new(&doc, &o) < 0)
        return "(error)";
    ev_input in;
    memset(&in, 0, sizeof(in));
    in.text = (ev_slice){text, strlen(text)};
    in.lang = (ev_slice){"fr", 2};
    in.date = (ev_slice){"2025-09-03", 10};
    if (ev_doc_code(doc, &in, NULL) == EV_OK) {
        size_t nq, nm, k = 0;
        const ev_quote *q = ev_doc_quotes(doc, &nq);
        const ev_mention *m = ev_doc_mentions(doc, &nm);
        for (size_t i = 0; i < nq && k + 100 < sizeof(out); i++) {
            const ev_mention *sp = q[i].speaker >= 0 ? &m[q[i].speaker] : NULL;
            k += (size_t)snprintf(out + k, sizeof(out) - k, "%s%.*s<-%.*s=%.*s",
                                  k ? " " : "", (int)(q[i].end - q[i].start),
                                  text + q[i].start,
                                  sp ? (int)(sp->end - sp->start) : 1,
                                  sp ? text + sp->start : "-",
                                  sp ? (int)sp->u.actor.code.n : 1,
                                  sp ? sp->u.actor.code.p : "-");
        }
    }
    ev_doc_free(doc);
    return out;
}

int main(void)
{
    snprintf(root, sizeof(root), "/tmp/evcode-test-XXXXXX");
    if (!mkdtemp(root)) {
        printf("cannot make a temporary directory\n");
        return 1;
    }
    write_sources();
    const char *dirs[] = {root};
    char pack_path[300];
    snprintf(pack_path, sizeof(pack_path), "%s/fr.pack", root);

    /* A clean compile, then load. */
    problems[0] = '\0';
    CHECK(ev_dict_compile("fr", dirs, 1, pack_path, collect, NULL) == EV_OK);
    CHECK_EQ_STR(problems, "");
    ev_err err;
    CHECK(ev_dict_load(&pack, pack_path, &err) == EV_OK);
    CHECK_EQ_STR(ev_dict_lang(pack), "fr");
    CHECK(ev_dict_size(pack) > 10);

    /* Names, composition, metonyms, places by preposition. */
    CHECK_EQ_STR(code("Le président russe Vladimir Poutine a rencontré Kim "
                      "Jong-un à Pékin, a annoncé le Kremlin.", "2025-09-03"),
                 "président russe=RUSGOV Vladimir Poutine=RUSGOV "
                 "Kim Jong-un=PRKGOV Pékin@CHN Kremlin=RUSGOV");
    /* Coreference: a word of a full name, alone, later. */
    CHECK_EQ_STR(code("Kim Jong-un est arrivé. Kim a remercié Poutine.",
                      "2025-09-03"),
                 "Kim Jong-un=PRKGOV Kim=PRKGOV Poutine=RUSGOV");
    /* Agents with a demonym or a genitive country. */
    CHECK_EQ_STR(code("L'armée nord-coréenne et les soldats de la Corée du "
                      "Nord.", "2025-09-03"),
                 "armée nord-coréenne=PRKMIL soldats de la Corée du Nord=PRKMIL");
    /* A capital is a place after a locative, its country otherwise. */
    CHECK_EQ_STR(code("Entre Moscou et la Russie. Il vit à Moscou.", ""),
                 "Moscou=RUS Russie=RUS Moscou@RUS");
    /* Roles by date: prime minister in 2009, an elite before 1999, the
     * latest role with no date. */
    CHECK_EQ_STR(code("Poutine parle.", "2009-01-01"), "Poutine=RUSGOV");
    CHECK_EQ_STR(code("Poutine parle.", "1990-01-01"), "Poutine=RUSELI");
    CHECK_EQ_STR(code("Poutine parle.", ""), "Poutine=RUSGOV");
    /* Acronyms need capitals: "un" is an article, "ONU" the UN. */
    CHECK_EQ_STR(code("Un soldat de l'ONU a vu un soldat.", ""),
                 "ONU=IGOUNO");
    /* Proper names need a capital; lone agents give nothing. */
    CHECK_EQ_STR(code("la russie et les soldats.", ""), "");
    /* Same-named places: the most populous, unless the document names the
     * other's country. */
    CHECK_EQ_STR(code("Il est à Paris.", ""), "Paris@FRA");
    CHECK_EQ_STR(code("Les États-Unis. Il est à Paris.", ""),
                 "États-Unis=USA Paris@USA");

    /* Quote speakers: the subject before the quote; an inverted pronoun
     * after it; a pronoun opening the sentence, for the subject of the
     * sentence before. */
    CHECK_EQ_STR(speakers("Kim Jong-un a souligné que c'est un « devoir "
                          "fraternel » pour la Corée du Nord."),
                 "devoir fraternel<-Kim Jong-un=PRKGOV");
    CHECK_EQ_STR(speakers("Vladimir Poutine a vu Kim Jong-un. « Merci », "
                          "a-t-il dit. Il a ajouté : « Bravo »."),
                 "Merci<--t-il=RUSGOV Bravo<-Il=RUSGOV");
    CHECK_EQ_STR(speakers("« Personne », dit la Russie."),
                 "Personne<-Russie=RUS");
    CHECK_EQ_STR(speakers("Il pleut. « Rien »."), "Rien<--=-");  /* none */

    /* Problems are reported with file and line, and nothing is written. */
    put("fr/agents.txt", "armée | MIL\nsoldat | military\n");
    put("common/people/test.txt",
        "x | X | RUSGOV president 2020-01-01..2019-01-01 | X\n");
    problems[0] = '\0';
    char bad_path[300];
    snprintf(bad_path, sizeof(bad_path), "%s/bad.pack", root);
    CHECK(ev_dict_compile("fr", dirs, 1, bad_path, collect, NULL) == EV_EINVAL);
    CHECK(strstr(problems, "common/people/test.txt:1: role") != NULL);
    CHECK(strstr(problems, "fr/agents.txt:2: expected") != NULL);
    CHECK(access(bad_path, F_OK) != 0);

    /* Corrupt packs are refused at load. */
    FILE *f = fopen(pack_path, "rb");
    static uint64_t buf[1 << 17];
    size_t n = f ? fread(buf, 1, sizeof(buf), f) : 0;
    if (f)
        fclose(f);
    CHECK(n > 100 && n < sizeof(buf));
    ev_dict *d = NULL;
    CHECK(ev_dict_load_buffer(&d, buf, n, NULL) == EV_OK);
    ev_dict_free(d);
    CHECK(ev_dict_load_buffer(&d, buf, n - 8, NULL) == EV_EINVAL);
    ((unsigned char *)buf)[0] ^= 1;
    CHECK(ev_dict_load_buffer(&d, buf, n, NULL) == EV_EINVAL);
    ((unsigned char *)buf)[0] ^= 1;
    /* Corrupt one entry's string offset: the entries section follows the
     * header and the strings. */
    uint32_t ent_off;
    memcpy(&ent_off, (unsigned char *)buf + 32, 4);
    memcpy((unsigned char *)buf + 32, &(uint32_t){(uint32_t)n}, 4);
    CHECK(ev_dict_load_buffer(&d, buf, n, NULL) == EV_EINVAL);
    memcpy((unsigned char *)buf + 32, &ent_off, 4);
    CHECK(ev_dict_load(&d, "/nonexistent/fr.pack", &err) == EV_EIO);

    ev_dict_free(pack);
    char cmd[400];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
    CHECK(system(cmd) == 0);
    return CHECK_DONE();
}
