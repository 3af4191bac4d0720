#include "check.h"
#include "evcode/utf8.h"

static int bad_at(const char *s, size_t n)
{
    size_t pos = 999;
    int rc = ev_utf8_validate(s, n, &pos);
    return rc == EV_OK ? -1 : (int)pos;
}

int main(void)
{
    CHECK_EQ_INT(bad_at("", 0), -1);
    CHECK_EQ_INT(bad_at("plain ASCII text, longer than eight bytes", 41), -1);
    CHECK_EQ_INT(bad_at("Pékin, Koursk, 14\xe2\x80\xaf" "000", 21), -1);
    CHECK_EQ_INT(bad_at("\xf0\x9f\x98\x80 emoji", 10), -1);
    /* Stray continuation byte, after a long ASCII run. */
    CHECK_EQ_INT(bad_at("abcdefghijkl\x80", 13), 12);
    /* Overlong encodings of '/' and of U+0000. */
    CHECK_EQ_INT(bad_at("a\xc0\xaf", 3), 1);
    CHECK_EQ_INT(bad_at("ab\xe0\x80\x80", 5), 2);
    CHECK_EQ_INT(bad_at("\xf0\x80\x80\x80", 4), 0);
    /* UTF-16 surrogates are not UTF-8. */
    CHECK_EQ_INT(bad_at("x\xed\xa0\x80", 4), 1);
    /* Above U+10FFFF, and bytes that never occur. */
    CHECK_EQ_INT(bad_at("\xf4\x90\x80\x80", 4), 0);
    CHECK_EQ_INT(bad_at("ok\xf5\x80\x80\x80", 6), 2);
    CHECK_EQ_INT(bad_at("ok\xff", 3), 2);
    /* Truncated sequences, at the end and before ASCII. */
    CHECK_EQ_INT(bad_at("caf\xc3", 4), 3);
    CHECK_EQ_INT(bad_at("\xe2\x80", 2), 0);
    CHECK_EQ_INT(bad_at("\xe2\x80z", 3), 0);
    /* The largest valid code point. */
    CHECK_EQ_INT(bad_at("\xf4\x8f\xbf\xbf", 4), -1);
    CHECK(ev_utf8_validate("abc", 3, NULL) == EV_OK);

    CHECK_EQ_INT(ev_utf8_count("Pékin", 6), 5);
    CHECK_EQ_INT(ev_utf8_count("\xf0\x9f\x98\x80", 4), 1);
    CHECK_EQ_INT(ev_utf8_count("", 0), 0);
    return CHECK_DONE();
}
