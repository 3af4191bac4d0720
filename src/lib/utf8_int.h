/* UTF-8 helpers shared inside the library. */
#ifndef EV_UTF8_INT_H
#define EV_UTF8_INT_H

#include <stdint.h>

/* Write code point `cp` (at most U+10FFFF) as UTF-8 at `*o`, 1 to 4
 * bytes, and move `*o` past them. */
void ev_utf8_put(char **o, uint32_t cp);

#endif
