#include "check.h"
#include "helpers.h"

static void check_kind_flags(void)
{
    ev_doc *doc = code_str("M. Poutine, l'armée a-t-il 14\xc2\xa0" "000 « oui »", "fr", 0);
    size_t n;
    const ev_token *t = ev_doc_tokens(doc, &n);
    CHECK_EQ_INT(n, 11);
    CHECK(t[0].flags & EV_TOKF_ABBREV);
    CHECK(t[1].flags & EV_TOKF_CAP);
    CHECK_EQ_INT(t[2].kind, EV_TOK_PUNCT);
    CHECK(t[3].flags & EV_TOKF_ELISION);
    CHECK(t[6].flags & EV_TOKF_CLITIC);
    CHECK_EQ_INT(t[7].kind, EV_TOK_NUMBER);
    CHECK_EQ_INT(t[8].kind, EV_TOK_QUOTE);
    CHECK(t[8].flags & EV_TOKF_OPEN);
    CHECK(t[10].flags & EV_TOKF_CLOSE);
    /* Code point offsets: "M. Poutine, l'" is 14 code points; "armée"
     * takes 5 code points but 6 bytes. */
    CHECK_EQ_INT(t[4].cp_start, 14);
    CHECK_EQ_INT(t[4].cp_end, 19);
    CHECK_EQ_INT(t[4].end - t[4].start, 6);
    /* "14 000" with a no-break space: 6 code points, 7 bytes. */
    CHECK_EQ_INT(t[7].cp_end - t[7].cp_start, 6);
    CHECK_EQ_STRN(t[7].key.p, t[7].key.n, "14000");
}

/* The Latin-1 fast path gives the same keys as utf8proc: compare each
 * letter U+00C0..U+00FF alone (fast path) with the same letter followed
 * by U+0301 and a base form the slow path must recompose. */
static void check_latin1_keys(void)
{
    for (unsigned cp = 0xc0; cp <= 0xff; cp++) {
        char fast[8], slow[16], kf[16], ks[16];
        if (cp == 0xd7 || cp == 0xf7)
            continue;  /* × and ÷ are symbols: tokens of their own */
        snprintf(fast, sizeof(fast), "a%c%c", 0xc3, 0x80 | (cp & 0x3f));
        /* The same letter, then a character (Greek alpha) that forces the
         * utf8proc path without changing the letter's key. */
        snprintf(slow, sizeof(slow), "a%c%c\xce\xb1", 0xc3, 0x80 | (cp & 0x3f));
        for (int fold = 0; fold < 2; fold++) {
            snprintf(kf, sizeof(kf), "%s", keys(fast, "fr", fold));
            snprintf(ks, sizeof(ks), "%s", keys(slow, "fr", fold));
            size_t n = strlen(kf);
            CHECK(strlen(ks) == n + 2 && memcmp(kf, ks, n) == 0);
        }
    }
}

int main(void)
{
    check_latin1_keys();
    /* French elisions, with both apostrophes; aujourd'hui stays whole. */
    CHECK_EQ_STR(toks("l'armée d’Ukraine qu'il jusqu'à", "fr"),
                 "l'|armée|d’|Ukraine|qu'|il|jusqu'|à");
    CHECK_EQ_STR(toks("aujourd'hui, d'aujourd'hui et presqu'île", "fr"),
                 "aujourd'hui|,|d'|aujourd'hui|et|presqu'île");
    CHECK_EQ_STR(toks("L'Élysée", "fr"), "L'|Élysée");
    /* Hyphenated names and compounds stay whole; inverted pronouns split. */
    CHECK_EQ_STR(toks("Kim Jong-un, nord-coréenne, a-t-il dit-elle", "fr"),
                 "Kim|Jong-un|,|nord-coréenne|,|a|-t-il|dit|-elle");
    CHECK_EQ_STR(toks("Kim Jong-il", "fr"), "Kim|Jong-il");
    /* English enclitics; names with apostrophes stay whole. */
    CHECK_EQ_STR(toks("Putin's troops don't O'Brien’s", "en"),
                 "Putin|'s|troops|do|n't|O'Brien|’s");
    CHECK_EQ_STR(toks("the soldiers' camp", "en"), "the|soldiers|'|camp");
    /* Numbers: space, no-break and narrow no-break space groups; comma
     * and point separators; ordinals; dates; a year is not grouped. */
    CHECK_EQ_STR(toks("11 à 14 000 soldats", "fr"), "11|à|14 000|soldats");
    CHECK_EQ_STR(toks("14\xc2\xa0" "000 et 14\xe2\x80\xaf" "000", "fr"),
                 "14\xc2\xa0" "000|et|14\xe2\x80\xaf" "000");
    CHECK_EQ_STR(toks("1 000 000 de dollars", "fr"), "1 000 000|de|dollars");
    CHECK_EQ_STR(toks("12,000 troops, 1,5 million, 1.5 bn", "en"),
                 "12,000|troops|,|1,5|million|,|1.5|bn");
    CHECK_EQ_STR(toks("en 2024 300 soldats", "fr"), "en|2024|300|soldats");
    CHECK_EQ_STR(toks("le 80ème, 80e, 1er; 3rd", "fr"),
                 "le|80ème|,|80e|,|1er|;|3rd");
    CHECK_EQ_STR(toks("le 18/06/2024 à 14:30, 2024-06-18.", "fr"),
                 "le|18/06/2024|à|14:30|,|2024-06-18|.");
    CHECK_EQ_STR(toks("en 2024.", "fr"), "en|2024|.");
    CHECK_EQ_STR(toks("€3bn, 50%", "en"), "€|3bn|,|50|%");
    /* Abbreviations keep their period; initials too. */
    CHECK_EQ_STR(toks("M. Macron et Mme Borne, Dr. Who etc.", "fr"),
                 "M.|Macron|et|Mme|Borne|,|Dr.|Who|etc.");
    CHECK_EQ_STR(toks("the U.S. and U.K. envoys met George W. Bush", "en"),
                 "the|U.S.|and|U.K.|envoys|met|George|W.|Bush");
    /* Quotes of every style are tokens of their own. */
    CHECK_EQ_STR(toks("«oui» “yes” \"no\" ‘x’", "fr"),
                 "«|oui|»|“|yes|”|\"|no|\"|‘|x|’");
    /* Ellipses. */
    CHECK_EQ_STR(toks("mais... non… bon", "fr"), "mais|...|non|…|bon");
    /* Keys: NFC, case-folded, apostrophe straightened; fold drops accents.
     * "Pe\xcc\x81kin" is Pékin in decomposed form. */
    CHECK_EQ_STR(keys("L’Armée Pe\xcc\x81kin CORÉE", "fr", 0),
                 "l'|armée|pékin|corée");
    CHECK_EQ_STR(keys("L’Armée Pe\xcc\x81kin CORÉE", "fr", 1),
                 "l'|armee|pekin|coree");
    /* A soft hyphen inside a word is ignored by its key. */
    CHECK_EQ_STR(keys("pre\xc2\xad" "mier", "fr", 0), "premier");
    /* Unknown language: no clitic rules, still tokens. */
    CHECK_EQ_STR(toks("l'armée", "xx"), "l'armée");
    /* Mixed scripts and symbols. */
    CHECK_EQ_STR(toks("Путин встретил 김정은 😀!", "fr"),
                 "Путин|встретил|김정은|😀|!");
    check_kind_flags();
    return CHECK_DONE();
}
