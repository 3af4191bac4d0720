/* Fast path of the JSON Lines reader (see jsonfast.c). */
#ifndef EV_JSONFAST_INT_H
#define EV_JSONFAST_INT_H

#include "evcode/doc.h"
#include "../util/buf.h"

/* Parse `line[0..n)` as a flat JSON object holding string "id" and
 * "text". Returns 0 and fills `in` (slices into `line` or `scratch`,
 * valid until either changes), or -1 when the line needs the full
 * parser: invalid, nested, or unusual. */
int ev_jsonfast_parse(const char *line, size_t n, ev_buf *scratch,
                      ev_input *in);

#endif
