/* Fuzz the whole pipeline with a language pack: actors, places, quotes,
 * events. A small pack is compiled once from sources written here; each
 * input is then coded in French or English (first byte), and every
 * mention and event must point inside the text and at valid mentions. */
#include "evcode/evcode.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static ev_dict *packs[2];

static void put(const char *root, const char *rel, const char *text)
{
    char path[512];
    snprintf(path, sizeof(path), "%s/%s", root, rel);
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

static void setup(void)
{
    char root[64] = "/tmp/evcode-fuzz-XXXXXX", path[128];
    if (!mkdtemp(root))
        abort();
    static const char *const dirs[] = {"common", "common/people", "fr", "en"};
    for (size_t i = 0; i < 4; i++) {
        snprintf(path, sizeof(path), "%s/%s", root, dirs[i]);
        mkdir(path, 0700);
    }
    put(root, "common/people/p.txt",
        "vladimir-putin | Vladimir Putin | RUSGOV president 2000-05-07.. | "
        "Putin; fr:Poutine\n"
        "kim-jong-un | Kim Jong-un | PRKGOV supreme-leader 2011-12-17.. | -\n");
    put(root, "common/countries.txt",
        "RUS | RU | Russia | fr:Russie\nPRK | KP | North Korea | fr:Corée du "
        "Nord\n");
    put(root, "common/places.txt",
        "524901 | Moscow | RUS | 55.75 | 37.61 | 10381222 | Moscow | "
        "fr:Moscou\n");
    put(root, "common/cameo.txt",
        "04 | CONSULT | 1 | 1.0 | CONSULT\n040 | Consult | 1 | 1.0 | CONSULT\n"
        "19 | FIGHT | 4 | -10.0 | ASSAULT\n190 | Fight | 4 | -10.0 | ASSAULT\n");
    static const char *const langs[] = {"fr", "en"};
    static const char *const lemmas[] = {
        "rencontré | rencontrer | VERB\nattaque | attaque | NOUN\n"
        "attaqué | attaquer | VERB\n",
        "met | meet | VERB\nattacked | attack | VERB\nattack | attack | NOUN\n"};
    static const char *const events[] = {
        "rencontrer | 040 | OBJ; avec | sym\nattaquer | 190 | OBJ\n"
        "attaque | 190 | contre; de | noun\n",
        "meet | 040 | OBJ; with | sym\nattack | 190 | OBJ; on; of | noun\n"};
    static const char *const small[] = {
        "à; en | locative\nde; du | genitive\nla; le; l' | article\n"
        "que | clause\nqui | relative\nne; pas | negation\npourrait | modal\n"
        "été | passive\net | coord\n",
        "in | locative\nof | genitive\nthe; a | article\nthat | clause\n"
        "who | relative\nnot | negation\ncould | modal\nwas | passive\n"
        "and | coord\n"};
    for (int l = 0; l < 2; l++) {
        char rel[64];
        snprintf(rel, sizeof(rel), "%s/lemmas.txt", langs[l]);
        put(root, rel, lemmas[l]);
        snprintf(rel, sizeof(rel), "%s/events.txt", langs[l]);
        put(root, rel, events[l]);
        snprintf(rel, sizeof(rel), "%s/prepositions.txt", langs[l]);
        put(root, rel, small[l]);
        snprintf(rel, sizeof(rel), "%s/speech.txt", langs[l]);
        put(root, rel, l ? "say | verb\naccording to | prep\n"
                         : "dire | verb\nselon | prep\n");
        snprintf(rel, sizeof(rel), "%s/agents.txt", langs[l]);
        put(root, rel, l ? "army | MIL\npresident | GOV\n"
                         : "armée | MIL\nprésident | GOV\n");
        snprintf(rel, sizeof(rel), "%s/demonyms.txt", langs[l]);
        put(root, rel, l ? "RUS | Russian; Russians\n" : "RUS | russe; russes\n");
        const char *dirv[] = {root};
        char pack[128];
        snprintf(pack, sizeof(pack), "%s/%s.pack", root, langs[l]);
        if (ev_dict_compile(langs[l], dirv, 1, pack, NULL, NULL) != EV_OK ||
            ev_dict_load(&packs[l], pack, NULL) != EV_OK)
            abort();
    }
    char cmd[128];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
    if (system(cmd) != 0)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!packs[0])
        setup();
    if (size < 1)
        return 0;
    const char *text = (const char *)data + 1;
    size_t n = size - 1;
    ev_doc_options o = EV_DOC_OPTIONS_INIT;
    o.dicts = (const ev_dict *const *)packs;
    o.ndicts = 2;
    ev_doc *doc;
    if (ev_doc_new(&doc, &o) < 0)
        return 0;
    ev_input in;
    memset(&in, 0, sizeof(in));
    in.text = (ev_slice){text, n};
    in.lang = (ev_slice){data[0] & 1 ? "fr" : "en", 2};
    in.date = (ev_slice){"2025-09-03", data[0] & 2 ? 10 : 0};
    if (ev_doc_code(doc, &in, NULL) == EV_OK) {
        size_t nm, ne, nq;
        const ev_mention *m = ev_doc_mentions(doc, &nm);
        const ev_event *e = ev_doc_events(doc, &ne);
        const ev_quote *q = ev_doc_quotes(doc, &nq);
        for (size_t i = 0; i < nm; i++)
            if (m[i].start >= m[i].end || m[i].end > n)
                abort();
        for (size_t i = 0; i < ne; i++) {
            if (e[i].source < 0 || (size_t)e[i].source >= nm ||
                m[e[i].source].kind != EV_MENTION_ACTOR ||
                (e[i].target >= 0 && (size_t)e[i].target >= nm) ||
                (e[i].attributed_to >= 0 && (size_t)e[i].attributed_to >= nm) ||
                e[i].end > n || !e[i].cameo.n)
                abort();
        }
        for (size_t i = 0; i < nq; i++)
            if (q[i].speaker >= 0 && ((size_t)q[i].speaker >= nm ||
                                      m[q[i].speaker].kind != EV_MENTION_ACTOR))
                abort();
    }
    ev_doc_free(doc);
    return 0;
}
