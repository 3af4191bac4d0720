/* --dicts DIR: actor and agent dictionaries in TABARI / PETRARCH format
 * (the peers' test suites ship theirs), converted to evcode's sources.
 *
 * Actors: "NAME_WITH_UNDERSCORES [CODE ...]", further "[CODE dates]" blocks
 * on indented lines, "+ALIAS" lines; comments after ';' or '#', and
 * "<!-- -->" blocks. The first code of an actor is kept (dated roles are
 * not converted); three-letter codes become countries, others
 * organisations. Agents: "NAME_ {PLURAL_FORMS} [~ROLE]". Verb dictionaries are not read: TABARI's pattern
 * language is not evcode's, so events come from evcode's own patterns.
 * The result is written as common/orgs.txt, common/countries.txt and
 * en/agents.txt under an output folder, for ev_dict_compile(). */
#include "peerdicts.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void trim(char *s)
{
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' ||
                 s[n - 1] == '\n'))
        s[--n] = '\0';
    size_t k = 0;
    while (s[k] == ' ' || s[k] == '\t')
        k++;
    memmove(s, s + k, strlen(s + k) + 1);
}

/* A dictionary name as text: underscores are spaces, a trailing one (a
 * word-boundary mark) goes; characters our format reserves are dropped. */
/* A dictionary name as text: underscores are spaces, a trailing one (a
 * word-boundary mark) goes; characters our format reserves are dropped.
 * The peers' names are case-insensitive and written in capitals: each
 * word gets an initial capital ("ARNOR" -> "Arnor"), since evcode reads a
 * name in capitals as an acronym. Names of more than twelve words (whole
 * phrases) are emptied. */
static void name_of(char *s)
{
    int start = 1, words = 0;
    for (char *p = s; *p; p++) {
        if (*p == '_' || *p == '|' || *p == ';' || *p == '#')
            *p = ' ';
        if (*p == ' ') {
            start = 1;
            continue;
        }
        if (start)
            words++;
        else if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p + 32);
        start = 0;
    }
    trim(s);
    if (words > 12)
        s[0] = '\0';
}

/* The first code in "[CODE ...]" or "[~ROLE]" at `s`, uppercase letters
 * only, into `out`; 0 when there is none. */
static int code_of(const char *s, char *out, size_t cap)
{
    const char *b = strchr(s, '[');
    if (!b)
        return 0;
    b++;
    while (*b == ' ' || *b == '~')
        b++;
    size_t k = 0;
    while (*b >= 'A' && *b <= 'Z' && k + 1 < cap)
        out[k++] = *b++;
    out[k] = '\0';
    return k >= 3 && (*b == ' ' || *b == ']' || *b == '\t');
}

static int has_word(const char *name, const char *word)
{
    char low[256];
    size_t n = strlen(name);
    if (n >= sizeof(low))
        return 0;
    for (size_t i = 0; i <= n; i++)
        low[i] = (char)(name[i] >= 'A' && name[i] <= 'Z' ? name[i] + 32 : name[i]);
    return strstr(low, word) != NULL;
}

typedef struct {
    FILE *orgs, *countries, *agents;
    int n, bad;
    char cur_name[256], cur_code[32], aliases[2048];
} conv;

/* A three-letter code is a state (agents compose with it: "Arnor's
 * foreign minister"); longer codes are organisations. */
static void flush_actor(conv *c)
{
    if (c->cur_name[0] && c->cur_code[0] && strlen(c->cur_code) == 3)
        fprintf(c->countries, "%s | - | %s | %s\n", c->cur_code, c->cur_name,
                c->aliases);
    else if (c->cur_name[0] && c->cur_code[0])
        fprintf(c->orgs, "peer-%d | %s | %s | %s\n", c->n, c->cur_name,
                c->cur_code, c->aliases);
    c->n += c->cur_name[0] && c->cur_code[0];
    c->cur_name[0] = c->cur_code[0] = c->aliases[0] = '\0';
}

static void read_actors(conv *c, FILE *f)
{
    char line[4096];
    int in_comment = 0;
    while (fgets(line, sizeof(line), f)) {
        if (in_comment || strstr(line, "<!--")) {
            in_comment = !strstr(line, "-->");
            continue;
        }
        int indented = line[0] == ' ' || line[0] == '\t';
        char *cut = strpbrk(line, ";#");
        if (cut)
            *cut = '\0';
        trim(line);
        if (!line[0] || line[0] == '<')
            continue;
        char code[32];
        if (line[0] == '+') {  /* alias */
            char *a = line + 1;
            char *br = strchr(a, '[');
            if (br)
                *br = '\0';
            name_of(a);
            if (*a && strlen(c->aliases) + strlen(a) + 3 < sizeof(c->aliases)) {
                if (c->aliases[0])
                    strncat(c->aliases, "; ", sizeof(c->aliases) - strlen(c->aliases) - 1);
                strncat(c->aliases, a, sizeof(c->aliases) - strlen(c->aliases) - 1);
            }
            continue;
        }
        if (indented && line[0] == '[') {  /* a further code block */
            if (!c->cur_code[0] && code_of(line, code, sizeof(code)))
                snprintf(c->cur_code, sizeof(c->cur_code), "%s", code);
            continue;
        }
        flush_actor(c);
        char *br = strchr(line, '[');
        if (br && code_of(br, code, sizeof(code)))
            snprintf(c->cur_code, sizeof(c->cur_code), "%s", code);
        if (br)
            *br = '\0';
        name_of(line);
        size_t n = strlen(line);
        if (n >= sizeof(c->cur_name))
            n = sizeof(c->cur_name) - 1;
        memcpy(c->cur_name, line, n);
        c->cur_name[n] = '\0';
    }
    flush_actor(c);
}

static void read_agents(conv *c, FILE *f)
{
    char line[4096];
    int in_comment = 0;
    while (fgets(line, sizeof(line), f)) {
        if (in_comment || strstr(line, "<!--")) {
            in_comment = !strstr(line, "-->");
            continue;
        }
        char *cut = strpbrk(line, ";#");
        if (cut)
            *cut = '\0';
        trim(line);
        char role[32];
        if (!line[0] || line[0] == '<' || line[0] == '!' ||
            !code_of(line, role, sizeof(role)))
            continue;
        role[9] = '\0';
        char forms[2048] = "";
        char *br = strchr(line, '[');
        *br = '\0';
        char *curly = strchr(line, '{');
        if (curly) {
            *curly++ = '\0';
            char *close = strchr(curly, '}');
            if (close)
                *close = '\0';
            for (char *p = curly; *p; p++)
                if (*p == ',')
                    *p = ' ';
            /* Plurals are separated by spaces after underscores joined
             * their words. */
            char *save = NULL;
            for (char *w = strtok_r(curly, " \t", &save); w;
                 w = strtok_r(NULL, " \t", &save)) {
                name_of(w);
                if (*w && strlen(forms) + strlen(w) + 3 < sizeof(forms)) {
                    strncat(forms, "; ", sizeof(forms) - strlen(forms) - 1);
                    strncat(forms, w, sizeof(forms) - strlen(forms) - 1);
                }
            }
        }
        name_of(line);
        if (*line)
            fprintf(c->agents, "%s%s | %s\n", line, forms, role);
    }
}

int peer_dicts_convert(const char *dir, const char *out, int *nactors)
{
    char path[4096];
    snprintf(path, sizeof(path), "%s/common", out);
    mkdir(path, 0700);
    snprintf(path, sizeof(path), "%s/en", out);
    mkdir(path, 0700);
    conv c;
    memset(&c, 0, sizeof(c));
    snprintf(path, sizeof(path), "%s/common/orgs.txt", out);
    c.orgs = fopen(path, "w");
    snprintf(path, sizeof(path), "%s/en/agents.txt", out);
    c.agents = fopen(path, "w");
    snprintf(path, sizeof(path), "%s/common/countries.txt", out);
    c.countries = fopen(path, "w");
    DIR *d = opendir(dir);
    int rc = c.orgs && c.agents && c.countries && d ? 0 : -1;
    struct dirent *e;
    while (rc == 0 && (e = readdir(d))) {
        int actors = has_word(e->d_name, "actors");
        int agents = has_word(e->d_name, "agents");
        if (!actors && !agents)
            continue;
        snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
        FILE *f = fopen(path, "r");
        if (!f)
            continue;
        if (actors)
            read_actors(&c, f);
        else
            read_agents(&c, f);
        fclose(f);
    }
    if (d)
        closedir(d);
    if (c.orgs && fclose(c.orgs) != 0)
        rc = -1;
    if (c.agents && fclose(c.agents) != 0)
        rc = -1;
    if (c.countries && fclose(c.countries) != 0)
        rc = -1;
    *nactors = c.n;
    return rc;
}
