#include "check.h"
#include "helpers.h"

int main(void)
{
    CHECK_EQ_STR(sents("Il pleut. Il vente! Vraiment? Oui.", "fr", 0),
                 "Il pleut. || Il vente! || Vraiment? || Oui.");
    /* Abbreviations, initials, decimals, ellipsis before lower case. */
    CHECK_EQ_STR(sents("M. Dupont est venu. Mme Durand aussi.", "fr", 0),
                 "M. Dupont est venu. || Mme Durand aussi.");
    CHECK_EQ_STR(sents("George W. Bush met the U.S. President. He left.", "en", 0),
                 "George W. Bush met the U.S. President. || He left.");
    CHECK_EQ_STR(sents("Il a gagné 1.5 point. Puis 2,5.", "fr", 0),
                 "Il a gagné 1.5 point. || Puis 2,5.");
    CHECK_EQ_STR(sents("Il hésita... puis partit. Fin.", "fr", 0),
                 "Il hésita... puis partit. || Fin.");
    CHECK_EQ_STR(sents("Des pommes, des poires, etc. Ensuite rien.", "fr", 0),
                 "Des pommes, des poires, etc. || Ensuite rien.");
    /* Quotes closing before or after the final stop. */
    CHECK_EQ_STR(sents("Il a dit : \"n'oubliera jamais cela\". Kim a ri.", "fr", 0),
                 "Il a dit : \"n'oubliera jamais cela\". || Kim a ri.");
    CHECK_EQ_STR(sents("Il a dit : « Nous gagnerons. » Puis il est parti.", "fr", 0),
                 "Il a dit : « Nous gagnerons. » || Puis il est parti.");
    CHECK_EQ_STR(sents("He said: \"We will win.\" Then he left.", "en", 0),
                 "He said: \"We will win.\" || Then he left.");
    /* A question inside a quote followed by lower case does not end. */
    CHECK_EQ_STR(sents("« Pourquoi ? » a-t-il demandé. Oui.", "fr", 0),
                 "« Pourquoi ? » a-t-il demandé. || Oui.");
    /* Line and paragraph breaks end sentences, even without a stop. */
    CHECK_EQ_STR(sents("Titre sans point\n\nPremier paragraphe. Suite.", "fr", 0),
                 "Titre sans point || Premier paragraphe. || Suite.");
    CHECK_EQ_STR(sents("ligne un\nligne deux", "fr", 0), "ligne un || ligne deux");
    CHECK_EQ_STR(sents("ligne un\nligne deux", "fr", EV_DOC_WRAPPED),
                 "ligne un\nligne deux");
    CHECK_EQ_STR(sents("un\n\ndeux", "fr", EV_DOC_WRAPPED), "un || deux");
    /* A dash after a dateline period starts a sentence. */
    CHECK_EQ_STR(sents("22 mai 2012. - Le lancement a eu lieu.", "fr", 0),
                 "22 mai 2012. || - Le lancement a eu lieu.");
    CHECK_EQ_STR(sents("", "fr", 0), "");
    CHECK_EQ_STR(sents("   \n\n  ", "fr", 0), "");

    /* Quotes: every style, nesting, straight marks by flanking. */
    CHECK_EQ_STR(quotes("un \"devoir fraternel\" pour", "fr"), "devoir fraternel");
    CHECK_EQ_STR(quotes("« Il a dit “non” hier »", "fr"),
                 "Il a dit “non” hier || non");
    CHECK_EQ_STR(quotes("« avec espaces » et «sans»", "fr"), "avec espaces || sans");
    CHECK_EQ_STR(quotes("„Ja“ und ‘yes’ and ‹oui›", "fr"), "Ja || yes || oui");
    CHECK_EQ_STR(quotes("\" espacé \" puis \"collé\"", "fr"), "espacé || collé");
    /* Apostrophes are not quotes; unclosed marks are dropped at a break. */
    CHECK_EQ_STR(quotes("the soldiers' camp and Putin’s plan", "en"), "");
    CHECK_EQ_STR(quotes("« ouvert\n\nfermé »", "fr"), "");
    ev_doc *doc = code_str("A « b “c” d » e. F « g ».", "fr", 0);
    size_t n;
    const ev_quote *q = ev_doc_quotes(doc, &n);
    CHECK_EQ_INT(n, 3);
    CHECK_EQ_INT(q[0].depth, 0);
    CHECK_EQ_INT(q[1].depth, 1);
    CHECK_EQ_INT(q[2].sentence, 1);
    CHECK_EQ_INT(q[0].cp_start, 4);
    CHECK_EQ_INT(q[0].cp_end, 11);
    return CHECK_DONE();
}
