/* Language detection from function words: count, in the first few
 * kilobytes, the words found in each language's stopword table
 * (data/<lang>/stopwords.txt) and keep the clear winner. */
#include "doc_int.h"

#include <string.h>

#define DETECT_BYTES 4096
#define MIN_HITS 3

const char *ev_lang_detect(const char *p, size_t n)
{
    size_t hits[16] = {0};
    size_t nl = ev_lex_nlangs < 16 ? ev_lex_nlangs : 16;
    const unsigned char *s = (const unsigned char *)p;
    if (n > DETECT_BYTES)
        n = DETECT_BYTES;
    size_t i = 0;
    while (i < n) {
        /* A word: ASCII letters and any non-ASCII bytes (accented). */
        while (i < n && !((s[i] | 32) >= 'a' && (s[i] | 32) <= 'z') &&
               s[i] < 0x80)
            i++;
        char w[24];
        size_t k = 0, a = i;
        while (i < n && (((s[i] | 32) >= 'a' && (s[i] | 32) <= 'z') ||
                         s[i] >= 0x80)) {
            if (k < sizeof(w))
                w[k++] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
            i++;
        }
        if (i == a || i - a > sizeof(w))
            continue;
        for (size_t l = 0; l < nl; l++)
            hits[l] += ev_lex_find(&ev_lex_langs[l].stop, w, k) != 0;
    }
    size_t best = 0, second = 0, bi = 0;
    for (size_t l = 0; l < nl; l++) {
        if (hits[l] > best) {
            second = best;
            best = hits[l];
            bi = l;
        } else if (hits[l] > second) {
            second = hits[l];
        }
    }
    if (best < MIN_HITS || best < second * 2)
        return "und";
    return ev_lex_langs[bi].code;
}
