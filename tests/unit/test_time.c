/* Time mentions: absolute and partial dates, relative dates resolved
 * against the publication date, the tense of the verb, ranges, times of
 * day, unresolved values without a date, and impossible dates. */
#include "check.h"
#include "helpers.h"

#include <stdio.h>
#include <string.h>

/* Code `text` published on `date` ("" for none) and render its time
 * mentions as "text=value" ("text=start..end" for a range, "text=?rel"
 * when unresolved, with "/grain" when `grain`), joined by "; ". */
static const char *times_g(const char *text, const char *lang,
                           const char *date, int grain)
{
    static char out[4096];
    static ev_doc *doc;
    static const char *const grains[] = {
        "none", "year", "quarter", "month", "week", "day", "hour", "minute",
        "second", "decade", "century"};
    ev_doc_free(doc);
    doc = NULL;
    out[0] = '\0';
    if (ev_doc_new(&doc, NULL) < 0)
        return "(error)";
    ev_input in;
    memset(&in, 0, sizeof(in));
    in.text = (ev_slice){text, strlen(text)};
    in.lang = (ev_slice){lang, strlen(lang)};
    in.date = (ev_slice){date, strlen(date)};
    in.id = (ev_slice){"t", 1};
    if (ev_doc_code(doc, &in, NULL) < 0)
        return "(error)";
    size_t n, k = 0;
    const ev_mention *m = ev_doc_mentions(doc, &n);
    for (size_t i = 0; i < n && k + 200 < sizeof(out); i++) {
        if (m[i].kind != EV_MENTION_TIME)
            continue;
        const ev_time *t = &m[i].u.time;
        k += (size_t)snprintf(out + k, sizeof(out) - k, "%s%.*s=",
                              k ? "; " : "", (int)(m[i].end - m[i].start),
                              text + m[i].start);
        if (t->flags & EV_TIME_UNRESOLVED)
            k += (size_t)snprintf(out + k, sizeof(out) - k, "?%.*s",
                                  (int)t->relative.n, t->relative.p);
        else if (t->flags & EV_TIME_RANGE)
            k += (size_t)snprintf(out + k, sizeof(out) - k, "%.*s..%.*s",
                                  (int)t->value.n, t->value.p,
                                  (int)t->end.n, t->end.p);
        else
            k += (size_t)snprintf(out + k, sizeof(out) - k, "%.*s",
                                  (int)t->value.n, t->value.p);
        if (grain && t->grain <= EV_GRAIN_CENTURY)
            k += (size_t)snprintf(out + k, sizeof(out) - k, "/%s",
                                  grains[t->grain]);
    }
    return out;
}

static const char *times(const char *text, const char *lang, const char *date)
{
    return times_g(text, lang, date, 0);
}

#define FR(text, want) CHECK_EQ_STR(times(text, "fr", "2025-09-03"), want)
#define EN(text, want) CHECK_EQ_STR(times(text, "en", "2024-06-19"), want)

static void test_reference_article(void)
{
    /* Published on Wednesday 3 September 2025. */
    FR("Le Kremlin a annoncé aujourd'hui, mercredi, que Poutine a "
       "rencontré Kim.", "aujourd'hui, mercredi=2025-09-03");
    FR("depuis la signature du traité le 18 juin 2024.",
       "le 18 juin 2024=2024-06-18");
    FR("après le traité de 2024, et que la Corée", "2024=2024");
    FR("la Corée du Nord a envoyé en 2024 des travailleurs", "2024=2024");
    FR("le traité, signé en juin 2024, leur engagement",
       "juin 2024=2024-06");
}

static void test_absolute(void)
{
    FR("le 18/06/2024", "le 18/06/2024=2024-06-18");
    FR("Il est né le 1er mars 1990.", "le 1er mars 1990=1990-03-01");
    FR("au printemps 2023", "printemps 2023=2023-03-20..2023-06-20");
    FR("dans les années 1990", "les années 1990=1990..1999");
    FR("au XXe siècle", "XXe siècle=1900..1999");
    FR("fin 2024", "fin 2024=2024");
    FR("mi-décembre 2024", "mi-décembre 2024=2024-12");
    EN("June 18, 2024", "June 18, 2024=2024-06-18");
    EN("on 18 June 2024", "18 June 2024=2024-06-18");
    EN("on 2024-06-18 at 14:30", "2024-06-18 at 14:30=2024-06-18T14:30");
    EN("in the 1990s", "the 1990s=1990..1999");
    EN("in 2024 and in May 2023", "2024=2024; May 2023=2023-05");
    CHECK_EQ_STR(times_g("le 18 juin 2024 à 14h30", "fr", "2025-09-03", 1),
                 "le 18 juin 2024 à 14h30=2024-06-18T14:30/minute");
    CHECK_EQ_STR(times_g("en juin 2024", "fr", "2025-09-03", 1),
                 "juin 2024=2024-06/month");
}

static void test_year_context(void)
{
    /* A bare number is a year only after what makes it one. */
    FR("plus de 2000 soldats", "");
    FR("l'envoi de 2000 soldats", "");
    FR("l'année 2024 a été", "année 2024=2024");
    FR("d'ici 2030", "2030=2030");
    EN("the 2024 election", "2024=2024");
    EN("2024 people died", "");
}

static void test_relative(void)
{
    FR("hier", "hier=2025-09-02");
    FR("demain", "demain=2025-09-04");
    FR("avant-hier", "avant-hier=2025-09-01");
    FR("la semaine dernière", "la semaine dernière=2025-08-25");
    FR("le mois prochain", "le mois prochain=2025-10");
    FR("l'an dernier", "l'an dernier=2024");
    FR("il y a trois jours", "il y a trois jours=2025-08-31");
    FR("dans deux semaines", "dans deux semaines=2025-09-17");
    FR("il y a un an", "il y a un an=2024-09-03");
    FR("ce matin", "ce matin=2025-09-03");
    FR("cette nuit", "cette nuit=2025-09-03");
    FR("hier soir à 22h", "hier soir à 22h=2025-09-02T22:00");
    EN("tonight at 8", "tonight at 8=2024-06-19T20:00");
    FR("cet été", "cet été=2025-06-21..2025-09-22");
    FR("mercredi dernier", "mercredi dernier=2025-08-27");
    FR("mardi prochain", "mardi prochain=2025-09-09");
    FR("mardi de la semaine prochaine",
       "mardi de la semaine prochaine=2025-09-09");
    EN("today", "today=2024-06-19");
    EN("yesterday", "yesterday=2024-06-18");
    EN("last week", "last week=2024-06-10");
    EN("two days ago", "two days ago=2024-06-17");
    EN("earlier this month", "earlier this month=2024-06");
    EN("next year", "next year=2025");
    EN("the past two weeks", "the past two weeks=2024-06-05..2024-06-19");
    CHECK_EQ_STR(times_g("la semaine dernière", "fr", "2025-09-03", 1),
                 "la semaine dernière=2025-08-25/week");
    /* With the time of day of the publication date. */
    CHECK_EQ_STR(times("dans 2 heures", "fr", "2013-02-12T04:30"),
                 "dans 2 heures=2013-02-12T06:30");
    /* Relative to an event, not to the publication: left out. */
    FR("la veille du sommet", "");
    FR("deux jours après l'attaque", "");
    EN("the last week of September", "September=2024-09");
}

static void test_tense(void)
{
    /* A bare weekday takes its direction from the verb. */
    FR("Poutine a rencontré Kim mercredi.", "mercredi=2025-09-03");
    FR("Poutine avait rencontré Kim mardi.", "mardi=2025-09-02");
    FR("Le sommet aura lieu mardi.", "mardi=2025-09-09");
    FR("Le sommet se tiendra vendredi.", "vendredi=2025-09-05");
    FR("Le sommet s'est terminé jeudi soir.", "jeudi soir=2025-08-28");
    FR("Ils sont arrivés lundi.", "lundi=2025-09-01");
    EN("Blinken met Zelensky on Tuesday.", "Tuesday=2024-06-18");
    EN("They will meet on Tuesday.", "Tuesday=2024-06-25");
    EN("The talks ended Thursday.", "Thursday=2024-06-13");
    /* A bare month too. */
    FR("Les élections ont eu lieu en mars.", "mars=2025-03");
    FR("Les élections auront lieu en mars.", "mars=2026-03");
    /* No verb: the nearest. */
    FR("Vendredi.", "Vendredi=2025-09-05");
    FR("Lundi.", "Lundi=2025-09-01");
}

static void test_ranges(void)
{
    FR("du 3 au 5 juin", "du 3 au 5 juin=2025-06-03..2025-06-05");
    FR("du 3 au 5 juin 2024", "du 3 au 5 juin 2024=2024-06-03..2024-06-05");
    FR("entre mars et mai 2024", "entre mars et mai 2024=2024-03..2024-05");
    FR("du 10 juin au 1er juillet 2024",
       "du 10 juin au 1er juillet 2024=2024-06-10..2024-07-01");
    FR("13-15 juillet 2024", "13-15 juillet 2024=2024-07-13..2024-07-15");
    FR("de 2014 à 2022", "de 2014 à 2022=2014..2022");
    EN("from 2014 to 2022", "from 2014 to 2022=2014..2022");
    EN("between 2007 and 2009", "between 2007 and 2009=2007..2009");
    EN("the 2014-2022 period", "2014-2022=2014..2022");
    /* "et" without "entre" joins two dates, not a range */
    FR("en mars et mai 2024", "mars=2025-03; mai 2024=2024-05");
}

static void test_unresolved(void)
{
    /* No publication date: relative values are not guessed. */
    CHECK_EQ_STR(times("hier", "fr", ""), "hier=?-1D");
    CHECK_EQ_STR(times("aujourd'hui", "fr", ""), "aujourd'hui=?0D");
    CHECK_EQ_STR(times("il y a trois jours", "fr", ""),
                 "il y a trois jours=?-3D");
    CHECK_EQ_STR(times("la semaine dernière", "fr", ""),
                 "la semaine dernière=?-1W");
    CHECK_EQ_STR(times("Poutine a rencontré Kim mercredi.", "fr", ""),
                 "mercredi=?<W3");
    CHECK_EQ_STR(times("Il viendra le 18 juin.", "fr", ""),
                 "le 18 juin=?>--06-18");
    /* Absolute dates need no anchor. */
    CHECK_EQ_STR(times("le 18 juin 2024", "fr", ""),
                 "le 18 juin 2024=2024-06-18");
    /* An invalid date is ignored like a missing one. */
    CHECK_EQ_STR(times("hier", "fr", "2025-02-30"), "hier=?-1D");
}

static void test_bad_dates(void)
{
    FR("le 31 février", "");
    FR("le 29 février 2023", "");
    CHECK_EQ_STR(times("le 29 février 2024", "fr", ""),
                 "le 29 février 2024=2024-02-29");
    FR("le 32 août 2014", "");
    EN("August 32, 2014", "");
    EN("13/31/2018", "");
    EN("Version: 1.1.3", "");
    /* Shifts past the calendar give nothing. */
    FR("il y a 900000 ans", "");
    CHECK_EQ_STR(times("il y a trois jours", "fr", "0001-01-01"), "");
    CHECK_EQ_STR(times("dans deux ans", "fr", "9999-12-31"), "");
    /* Not dates. */
    FR("Le Premier ministre a été reçu.", "");
    EN("This may take longer.", "");
    FR("la Seconde Guerre mondiale", "");
}

int main(void)
{
    test_reference_article();
    test_absolute();
    test_year_context();
    test_relative();
    test_tense();
    test_ranges();
    test_unresolved();
    test_bad_dates();
    return CHECK_DONE();
}
