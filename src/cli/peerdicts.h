/* Peer dictionaries (TABARI / PETRARCH) for --dicts; see peerdicts.c. */
#ifndef EV_CLI_PEERDICTS_H
#define EV_CLI_PEERDICTS_H

/* Convert the actor and agent files of `dir` into evcode sources under
 * `out` (which must exist). `*nactors` receives the number of actors.
 * Returns 0, or -1 when a file cannot be read or written. */
int peer_dicts_convert(const char *dir, const char *out, int *nactors);

#endif
