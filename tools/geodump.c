/*
 * geodump: print the libgeonames city table as TSV on stdout.
 *
 *     geodump > cities.tsv
 *
 * A build-time tool (tools/gen_geo.py reads its output); not part of the
 * library. libgeonames (Debian libgeonames0) compiles the GeoNames cities
 * into the shared library itself, so this is the only way to read them.
 * Each city is a GVariant of type (sssssssudd); one line per city, in the
 * library's order, with these tab-separated columns:
 *
 *     geonames id, name, admin1 code, admin1 name, ISO2 country,
 *     country name, timezone, population, latitude, longitude
 *
 * Names are the English (untranslated) forms: the tuple is read directly,
 * never through geonames_city_get_name(), which translates with gettext.
 * Coordinates are printed with 5 decimals in the C locale (setlocale is
 * never called). Exits 1, with a message on stderr, if the table is empty,
 * a city has an unexpected type, a field holds a tab or a newline, or
 * stdout cannot be written.
 */
#include <geonames.h>
#include <stdio.h>
#include <string.h>

#define NSTR 7

/* 1 if s can stand in a TSV field: no tab, CR or LF. */
static int tsv_safe(const char *s)
{
    return strpbrk(s, "\t\r\n") == NULL;
}

int main(void)
{
    static const char *const what[NSTR] = {
        "id", "name", "admin1 code", "admin1 name", "country code",
        "country name", "timezone"
    };
    int n = geonames_get_n_cities();
    int rc = 0;

    if (n <= 0) {
        fprintf(stderr, "geodump: libgeonames holds no cities\n");
        return 1;
    }
    for (int i = 0; i < n && rc == 0; i++) {
        GeonamesCity *city = geonames_get_city(i);
        const char *s[NSTR];
        guint32 pop;
        double lat, lon;

        if (city == NULL ||
            !g_variant_is_of_type(city, G_VARIANT_TYPE("(sssssssudd)"))) {
            fprintf(stderr, "geodump: city %d: not a (sssssssudd) tuple\n",
                    i);
            rc = 1;
        } else {
            g_variant_get(city, "(&s&s&s&s&s&s&sudd)", &s[0], &s[1], &s[2],
                          &s[3], &s[4], &s[5], &s[6], &pop, &lat, &lon);
            for (int k = 0; k < NSTR && rc == 0; k++) {
                if (!tsv_safe(s[k])) {
                    fprintf(stderr, "geodump: city %s: tab or newline in "
                            "its %s\n", s[0], what[k]);
                    rc = 1;
                }
            }
            if (rc == 0)
                printf("%s\t%s\t%s\t%s\t%s\t%s\t%s\t%lu\t%.5f\t%.5f\n",
                       s[0], s[1], s[2], s[3], s[4], s[5], s[6],
                       (unsigned long)pop, lat, lon);
        }
        if (city != NULL)
            geonames_city_free(city);
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "geodump: cannot write to stdout\n");
        rc = 1;
    }
    return rc;
}
