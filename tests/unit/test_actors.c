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
static ev_dict *pack;

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
                               "la; le; les; l' | article\nque; qu' | clause\n"
                               "qui | relative\nne; n'; pas | negation\n"
                               "pourrait | modal\nété | passive\n"
                               "et | coord\n");
    put("fr/lemmas.txt",
        "rencontré | rencontrer | VERB\nrencontre | rencontrer | VERB\n"
        "rencontre | rencontre | NOUN\nrencontrer | rencontrer | VERB\n"
        "remercie | remercier | VERB\nremercié | remercier | VERB\n"
        "combattu | combattre | VERB\nattaqué | attaquer | VERB\n"
        "attaquer | attaquer | VERB\nattaque | attaque | NOUN\n"
        "confirmé | confirmer | VERB\ngratitude | gratitude | NOUN\n"
        "exprimé | exprimer | VERB\narrêté | arrêter | VERB\n");
    put("fr/events.txt",
        "rencontrer | 040 | OBJ; avec | sym\nremercier | 051 | OBJ\n"
        "exprimer ... gratitude | 051 | à\nexprimer | 010 | -\n"
        "combattre | 190 | OBJ; contre\nattaquer | 190 | OBJ\n"
        "attaque | 190 | contre | noun\narrêter | 173 | OBJ\n");
    put("fr/speech.txt", "confirmer | verb\nselon | prep\n");
    put("common/cameo.txt",
        "01 | MAKE PUBLIC STATEMENT | 1 | 0.0 | -\n"
        "010 | Make statement | 1 | 0.0 | -\n"
        "04 | CONSULT | 1 | 1.0 | CONSULT\n040 | Consult | 1 | 1.0 | CONSULT\n"
        "05 | COOPERATE | 1 | 3.5 | SUPPORT\n051 | Praise | 1 | 3.4 | SUPPORT\n"
        "17 | COERCE | 4 | -7.0 | COERCE\n173 | Arrest | 4 | -5.0 | COERCE\n"
        "19 | FIGHT | 4 | -10.0 | ASSAULT\n190 | Fight | 4 | -10.0 | ASSAULT\n");
}

/* Code `text` and render each event as "SRC>TGT:CAMEO" plus flags:
 * ~ negated, ? possible, @SPEAKER attributed. */
static const char *events(const char *text)
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
        size_t ne, nm, k = 0;
        const ev_event *e = ev_doc_events(doc, &ne);
        const ev_mention *m = ev_doc_mentions(doc, &nm);
        for (size_t i = 0; i < ne && k + 100 < sizeof(out); i++) {
            const ev_actor *src = &m[e[i].source].u.actor;
            const ev_actor *tgt = e[i].target >= 0 ? &m[e[i].target].u.actor : NULL;
            k += (size_t)snprintf(out + k, sizeof(out) - k, "%s%.*s>%.*s:%.*s%s%s",
                                  k ? " " : "", (int)src->code.n, src->code.p,
                                  tgt ? (int)tgt->code.n : 1,
                                  tgt ? tgt->code.p : "-", (int)e[i].cameo.n,
                                  e[i].cameo.p,
                                  e[i].flags & EV_EVENT_NEGATED ? "~" : "",
                                  e[i].modality == EV_MODALITY_POSSIBLE ? "?" : "");
            if (e[i].attributed_to >= 0)
                k += (size_t)snprintf(out + k, sizeof(out) - k, "@%.*s",
                                      (int)m[e[i].attributed_to].u.actor.code.n,
                                      m[e[i].attributed_to].u.actor.code.p);
        }
    }
    ev_doc_free(doc);
    return out;
}

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

    /* Events: subject, object, preposition targets, the most specific
     * pattern, statements dropped. */
    CHECK_EQ_STR(events("Vladimir Poutine a rencontré Kim Jong-un."),
                 "RUSGOV>PRKGOV:040");
    CHECK_EQ_STR(events("Poutine a exprimé sa gratitude à Kim Jong-un."),
                 "RUSGOV>PRKGOV:051");
    CHECK_EQ_STR(events("Poutine a exprimé des doutes."), "");
    /* Passive: the subject undergoes, "par X" acts. */
    CHECK_EQ_STR(events("Kim Jong-un a été remercié par Poutine."),
                 "RUSGOV>PRKGOV:051");
    /* Relative clause, coordination, negation, modality. */
    CHECK_EQ_STR(events("Les soldats nord-coréens qui ont combattu la Russie."),
                 "PRKMIL>RUS:190");
    CHECK_EQ_STR(events("La Russie et la Corée du Nord ont attaqué les "
                        "États-Unis."),
                 "RUS>USA:190 PRK>USA:190");
    CHECK_EQ_STR(events("La Russie n'a pas attaqué la Corée du Nord."),
                 "RUS>PRK:190~");
    CHECK_EQ_STR(events("La Russie pourrait attaquer la Corée du Nord."),
                 "RUS>PRK:190?");
    /* Attribution: the subject of a speech verb; a quote's speaker. */
    CHECK_EQ_STR(events("Poutine a confirmé que l'armée nord-coréenne a "
                        "combattu la Russie."),
                 "PRKMIL>RUS:190@RUSGOV");
    CHECK_EQ_STR(events("Vladimir Poutine a parlé. Il a ajouté : « la Corée "
                        "du Nord a attaqué la Russie »."),
                 "PRK>RUS:190@RUSGOV");
    /* A nominalisation takes its source from its complement only. */
    CHECK_EQ_STR(events("L'attaque de la Russie contre la Corée du Nord."),
                 "RUS>PRK:190");
    CHECK_EQ_STR(events("La Russie a parlé de l'attaque."), "");

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
