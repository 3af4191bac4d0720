/* Quantity mentions: digits with French and English separators, number
 * words, scales, ordinals, percentages, money, ranges with a shared
 * magnitude, approximations and bounds, counted nouns, and bad input. */
#include "check.h"
#include "helpers.h"

#include <stdio.h>
#include <string.h>

/* Render the quantity mentions of `text` as "text=value" (or
 * "min..max", ">=min", "<=max"), then "~" when approximate, "#" for an
 * ordinal, "%" for a percentage, " unit" and " CUR", joined by "; ". */
static const char *qtys(const char *text, const char *lang)
{
    static char out[4096];
    ev_doc *doc = code_str(text, lang, 0);
    size_t n, k = 0;
    out[0] = '\0';
    if (!doc)
        return "(error)";
    const ev_mention *m = ev_doc_mentions(doc, &n);
    for (size_t i = 0; i < n && k + 200 < sizeof(out); i++) {
        if (m[i].kind != EV_MENTION_QUANTITY)
            continue;
        const ev_quantity *q = &m[i].u.qty;
        k += (size_t)snprintf(out + k, sizeof(out) - k, "%s%.*s=",
                              k ? "; " : "", (int)(m[i].end - m[i].start),
                              text + m[i].start);
        if ((q->flags & EV_QTY_MIN) && (q->flags & EV_QTY_MAX))
            k += (size_t)snprintf(out + k, sizeof(out) - k, "%.15g..%.15g",
                                  q->min, q->max);
        else if (q->flags & EV_QTY_MIN)
            k += (size_t)snprintf(out + k, sizeof(out) - k, ">=%.15g", q->min);
        else if (q->flags & EV_QTY_MAX)
            k += (size_t)snprintf(out + k, sizeof(out) - k, "<=%.15g", q->max);
        else
            k += (size_t)snprintf(out + k, sizeof(out) - k, "%.15g", q->value);
        k += (size_t)snprintf(out + k, sizeof(out) - k, "%s%s%s",
                              q->flags & EV_QTY_APPROX ? "~" : "",
                              q->flags & EV_QTY_ORDINAL ? "#" : "",
                              q->flags & EV_QTY_PERCENT ? "%" : "");
        if (q->unit.n)
            k += (size_t)snprintf(out + k, sizeof(out) - k, " %.*s",
                                  (int)q->unit.n, q->unit.p);
        if (q->currency.n)
            k += (size_t)snprintf(out + k, sizeof(out) - k, " %.*s",
                                  (int)q->currency.n, q->currency.p);
        CHECK(q->of == -1);
    }
    return out;
}

#define FR(text, want) CHECK_EQ_STR(qtys(text, "fr"), want)
#define EN(text, want) CHECK_EQ_STR(qtys(text, "en"), want)

static void test_reference_article(void)
{
    FR("Environ 11 à 14 000 soldats nord-coréens ont été déployés.",
       "Environ 11 à 14 000 soldats=11000..14000~ soldats");
    FR("à l'occasion du 80ème anniversaire", "80ème=80#");
    /* Numbers of dates are not quantities. */
    FR("le 18 juin 2024", "");
    FR("en 2024", "");
}

static void test_digits(void)
{
    FR("14 000 soldats", "14 000 soldats=14000 soldats");
    FR("14\xc2\xa0" "000 soldats", "14\xc2\xa0" "000 soldats=14000 soldats");
    FR("14\xe2\x80\xaf" "000 soldats",
       "14\xe2\x80\xaf" "000 soldats=14000 soldats");
    FR("1,5", "1,5=1.5");
    FR("1.5", "1.5=1.5");
    FR("100.000", "100.000=100000");
    FR("6.700,54", "6.700,54=6700.54");
    FR("1 234 567,5", "1 234 567,5=1234567.5");
    EN("14,000 troops", "14,000 troops=14000 troops");
    EN("1.5", "1.5=1.5");
    EN("3,000,000", "3,000,000=3000000");
    EN("1,674,200.5", "1,674,200.5=1674200.5");
}

static void test_words(void)
{
    FR("onze mille", "onze mille=11000");
    FR("quatre-vingt-dix-sept", "quatre-vingt-dix-sept=97");
    FR("soixante et onze", "soixante et onze=71");
    FR("vingt et un", "vingt et un=21");
    FR("deux cent mille", "deux cent mille=200000");
    FR("un million deux cent mille", "un million deux cent mille=1200000");
    FR("cent un mille", "cent un mille=101000");
    EN("twenty-one", "twenty-one=21");
    EN("a dozen", "a dozen=12");
    EN("seven hundred twenty-one thousand and twelve",
       "seven hundred twenty-one thousand and twelve=721012");
    EN("one and a half", "one and a half=1.5");
    EN("two thirds", "two thirds=0.666666666666667");
    /* Articles and vague counts are not numbers by themselves. */
    FR("un soldat", "");
    EN("a few soldiers", "");
    FR("quelques jours", "");
    /* Nor are number words in names. */
    FR("la Seconde Guerre mondiale", "");
}

static void test_scales(void)
{
    FR("1,5 million", "1,5 million=1500000");
    FR("3 milliards", "3 milliards=3000000000");
    EN("2.3 billion", "2.3 billion=2300000000");
    EN("100k", "100k=100000");
    FR("des milliers de manifestants",
       "milliers de manifestants=>=2000~ manifestants");
    FR("des dizaines de milliers de réfugiés",
       "dizaines de milliers de réfugiés=>=20000~ réfugiés");
    FR("une dizaine de morts", "une dizaine de morts=10~ morts");
}

static void test_ordinals(void)
{
    FR("80e", "80e=80#");
    FR("1er", "1er=1#");
    FR("la 2ème place", "2ème=2#");
    EN("the third time", "third=3#");
    EN("the 21st place", "21st=21#");
}

static void test_percent_money(void)
{
    FR("50 %", "50 %=50%");
    FR("12,5 pour cent", "12,5 pour cent=12.5%");
    EN("40 percent", "40 percent=40%");
    FR("50 millions de dollars", "50 millions de dollars=50000000 USD");
    FR("3 milliards d'euros", "3 milliards d'euros=3000000000 EUR");
    EN("\xe2\x82\xac" "3bn", "\xe2\x82\xac" "3bn=3000000000 EUR");
    EN("$50", "$50=50 USD");
    EN("$10m", "$10m=10000000 USD");
}

static void test_ranges(void)
{
    FR("entre 11 et 14 000", "entre 11 et 14 000=11000..14000");
    FR("de 2 à 3 millions", "de 2 à 3 millions=2000000..3000000");
    EN("10 to 15 million", "10 to 15 million=10000000..15000000");
    EN("between 5 and 10 people",
       "between 5 and 10 people=5..10 people");
    FR("10-15 morts", "10-15 morts=10..15 morts");
    /* Not ranges: a score, "et" without "entre". */
    FR("3 à 1", "3=3; 1=1");
    FR("2 et 3", "2=2; 3=3");
}

static void test_bounds(void)
{
    FR("environ 300", "environ 300=300~");
    FR("près de 200 civils", "près de 200 civils=200~ civils");
    FR("plus de 300 soldats", "plus de 300 soldats=>=300 soldats");
    FR("au moins 5 morts", "au moins 5 morts=>=5 morts");
    FR("jusqu'à 10 000 personnes",
       "jusqu'à 10 000 personnes=<=10000 personnes");
    EN("about 300 people killed", "about 300 people killed=300~ people killed");
    EN("nearly 40", "nearly 40=40~");
    EN("more than 12,000 troops", "more than 12,000 troops=>=12000 troops");
    EN("at least 5", "at least 5=>=5");
    EN("up to 10", "up to 10=<=10");
}

static void test_bad_input(void)
{
    /* Runaway digits, mixed separators, version numbers: no quantity. */
    FR("99999999999999999999 soldats", "");
    EN("1.2.3", "");
    EN("192.168.1.2", "");
    FR("1,2.3,4", "");
    FR("12 345 678 901 234 567 890", "");
    /* The largest we accept. */
    FR("999 999 999 999 999 999", "999 999 999 999 999 999=1e+18");
    EN("a trillion trillion", "a trillion=1000000000000");
}

int main(void)
{
    test_reference_article();
    test_digits();
    test_words();
    test_scales();
    test_ordinals();
    test_percent_money();
    test_ranges();
    test_bounds();
    test_bad_input();
    return CHECK_DONE();
}
