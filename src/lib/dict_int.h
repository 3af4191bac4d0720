/* Layout of a language pack, shared by the compiler and the matcher.
 *
 * A pack is one file, little-endian, every section 8-byte aligned and
 * addressed by offsets from the start of the file:
 *
 *   header    magic "EVPACK01", version, language, section table
 *   strings   NUL-terminated UTF-8, deduplicated; offset 0 is ""
 *   entries   one per person, organisation, country, place, demonym,
 *             metonym, agent or preposition
 *   roles     dated roles of people (CAMEO code, title, from, to)
 *   phrases   one per name variant: its entry, its token keys, flags
 *   keys      string offsets of phrase token keys (accent-folded)
 *   buckets   open-addressing hash of first token keys -> phrase lists
 *   tags      16 bits of each bucket's hash (0: empty), probed first: at
 *             2 bytes a slot the probe stays in cache
 *   bloom     a Bloom filter of first keys, checked before everything
 *   lists     phrase indexes, longest phrase first
 *
 * ev_dict_load() checks every offset and index, so the matcher trusts
 * them. */
#ifndef EV_DICT_INT_H
#define EV_DICT_INT_H

#include "evcode/dict.h"

#include <stdint.h>
#include <string.h>

#define EV_PACK_MAGIC "EVPACK01"
#define EV_PACK_VERSION 11
#define EV_PACK_MAX_TOKENS 16
/* Cities at least this populous match even when named like a common word. */
#define EV_COMMON_MAX_POP 300000u

enum {
    PK_PERSON = 1,
    PK_ORG,
    PK_COUNTRY,
    PK_PLACE,
    PK_DEMONYM,
    PK_METONYM,
    PK_AGENT,
    PK_PREP,
    PK_TRIGGER,   /* an event pattern: name = trigger text, code = CAMEO,
                     role = target spec, entity = words after the head */
    PK_LEMMA,     /* a form of a lemma that event patterns need:
                     name = the lemma */
    PK_SPEECH,    /* a reporting verb or preposition (dire, selon, say) */
    PK_CONTRACT,  /* a contraction: name = the preposition it holds
                     ("au" holds "à") */
    PK_CAMEO,     /* a CAMEO code: name = code, entity = description,
                     role = PLOVER type, lat = Goldstein, population =
                     QuadClass */
    PK_NKINDS
};

/* Word classes (pk_entry.flags of PK_PREP and PK_SPEECH entries, set by
 * the compiler from their class name): what ev_dict_word_class() returns. */
enum {
    PKW_LOCATIVE = 1u << 0,
    PKW_GENITIVE = 1u << 1,
    PKW_ARTICLE = 1u << 2,
    PKW_CLAUSE = 1u << 3,
    PKW_RELATIVE = 1u << 4,
    PKW_NEGATION = 1u << 5,
    PKW_MODAL = 1u << 6,
    PKW_PASSIVE = 1u << 7,
    PKW_COORD = 1u << 8,
    PKW_SPEECH = 1u << 9
};

/* The classes (PKW_*) of the one-word small word with fold key
 * `p[0..n)`, or 0. */
uint32_t ev_dict_word_class(const ev_dict *d, const char *p, size_t n);

/* Trigger flags (pk_entry.flags of PK_TRIGGER). */
enum { PKT_NOUN = 1, PKT_SYM = 2 };

/* Phrase flags. Bits 8-15 hold the kind of the phrase's entry, so the
 * matcher need not fetch the entry to skip prepositions. */
enum {
    PKF_CAPS = 1,    /* written in capitals: the text must be too */
    PKF_PROPER = 2,  /* a proper name: its first token must be capitalised */
    PKF_COMMON = 4,  /* a one-word place name that is also a common word of
                        the language ("Police", "March"): not matched */
    PKF_TITLED = 8,  /* every word of the name is capitalised ("The Colony",
                        "New York"): so must they be in the text */
    PKF_VERB = 16,   /* a trigger phrase made from a verb form */
    PKF_NOUN = 32    /* a trigger phrase made from a noun form */
};
#define PKF_KIND(flags) (((flags) >> 8) & 0xff)

/* Preposition classes (entry role of PK_PREP entries). */
#define PK_PREP_LOCATIVE "locative"
#define PK_PREP_GENITIVE "genitive"
#define PK_PREP_ARTICLE "article"
#define PK_PREP_CLAUSE "clause"      /* que, qui, that: opens a clause */
#define PK_PREP_RELATIVE "relative"  /* qui, who, which: its subject is
                                        the actor before it */
#define PK_PREP_NEGATION "negation"  /* ne, pas, jamais, not, never */
#define PK_PREP_MODAL "modal"        /* pourrait, could, may */
#define PK_PREP_COORD "coord"        /* et, and: joins two actors */
#define PK_PREP_PASSIVE "passive"    /* été, been, was: a participle after
                                        it is passive */

typedef struct pk_header {
    char magic[8];
    uint32_t version;
    char lang[8];
    uint32_t size;
    uint32_t str_off, str_size;
    uint32_t ent_off, nent;
    uint32_t role_off, nrole;
    uint32_t phr_off, nphr;
    uint32_t key_off, nkey;
    uint32_t bkt_off, nbkt;
    uint32_t lst_off, nlst;
    uint32_t tag_off, bloom_off;
} pk_header;

/* A Bloom filter of first keys, two bits per key from one hash, checked
 * before the hash: 2^18 bits (32 KB) stay in cache and turn most words
 * away at once. */
#define EV_PACK_BLOOM_BITS 18
#define PK_BLOOM_SIZE ((size_t)1 << (EV_PACK_BLOOM_BITS - 3))

static inline int pk_bloom_has(const unsigned char *bloom, uint32_t h)
{
    uint32_t mask = (1u << EV_PACK_BLOOM_BITS) - 1;
    uint32_t a = h & mask, b = ((h >> 14) ^ (h << 7)) & mask;
    return (bloom[a >> 3] >> (a & 7) & 1) && (bloom[b >> 3] >> (b & 7) & 1);
}

static inline void pk_bloom_add(unsigned char *bloom, uint32_t h)
{
    uint32_t mask = (1u << EV_PACK_BLOOM_BITS) - 1;
    uint32_t a = h & mask, b = ((h >> 14) ^ (h << 7)) & mask;
    bloom[a >> 3] |= (unsigned char)(1u << (a & 7));
    bloom[b >> 3] |= (unsigned char)(1u << (b & 7));
}

typedef struct pk_entry {
    uint32_t kind;
    uint32_t name;      /* canonical name */
    uint32_t entity;    /* id: "vladimir-putin", "1816670" */
    uint32_t code;      /* CAMEO code, when fixed */
    uint32_t country;   /* ISO3 */
    uint32_t role;      /* agent role code, or preposition class */
    uint32_t source;    /* "common/people/europe-east.txt:7" */
    uint32_t roles, nroles;
    uint32_t geonames, population, flags;
    double lat, lon;
} pk_entry;

typedef struct pk_role {
    uint32_t code;      /* "RUSGOV" */
    uint32_t title;     /* "president" */
    int32_t from, to;   /* YYYYMMDD, inclusive */
} pk_role;

typedef struct pk_phrase {
    uint32_t entry;
    uint32_t ntok;
    uint32_t keys;      /* index of the first key in the keys section */
    uint32_t flags;
} pk_phrase;

typedef struct pk_bucket {
    uint32_t key;       /* string offset of the first token key; 0 empty */
    uint32_t list;      /* phrases: lists[list .. list + PKB_LEN(len)) */
    uint32_t len;       /* count in the low 24 bits, PKB_* flags above */
    uint32_t hash;      /* ev_dict_hash() of the key, checked first */
} pk_bucket;

#define PKB_LEN(len) ((len) & 0xffffffu)
/* Some phrase of the bucket may start with a lower-case word (an agent or
 * a demonym; prepositions are not matched): without it, a lower-case
 * token skips the list. */
#define PKB_LOWER (1u << 24)

struct ev_dict {
    const unsigned char *base;
    size_t size;
    int mapped;
    const pk_header *h;
    const char *str;
    const pk_entry *ent;
    const pk_role *role;
    const pk_phrase *phr;
    const uint32_t *key;
    const pk_bucket *bkt;
    const uint32_t *lst;
    const uint16_t *tag;
    const unsigned char *bloom;
};

/* The tag of hash `h`: never 0, which marks an empty slot. */
static inline uint16_t pk_tag(uint32_t h)
{
    return (uint16_t)((h >> 16) | 1);
}

/* FNV-1a of `p[0..n)`. */
uint32_t ev_dict_hash(const char *p, size_t n);

/* The bucket of first-token key `p[0..n)`, or NULL. */
const pk_bucket *ev_dict_find(const ev_dict *d, const char *p, size_t n);

/* Does the NUL-terminated `key` equal `p[0..n)`? Keys are short and
 * token keys hold no NUL, so a byte loop stops at the key's end. */
static inline int pk_key_eq(const char *key, const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (key[i] != p[i])
            return 0;
    return key[n] == '\0';
}

/* The string at offset `off` (always NUL-terminated). */
static inline const char *pk_str(const ev_dict *d, uint32_t off)
{
    return d->str + off;
}

#endif
