/**
 * @file evcode/mention.h
 * @brief Mentions: the spans of text that later stages resolve to actors,
 *        places, times and quantities.
 *
 * Every mention keeps its offsets (bytes and code points), its sentence,
 * and the rule that produced it, so a user can check why it is there.
 * Strings are borrowed slices, valid as long as the document's layers.
 */
#ifndef EVCODE_MENTION_H
#define EVCODE_MENTION_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Mention kinds. */
typedef enum ev_mention_kind {
    EV_MENTION_ACTOR = 1,
    EV_MENTION_PLACE,
    EV_MENTION_TIME,
    EV_MENTION_QUANTITY
} ev_mention_kind;

/** Granularity of a time value. */
typedef enum ev_grain {
    EV_GRAIN_NONE = 0,
    EV_GRAIN_YEAR, EV_GRAIN_QUARTER, EV_GRAIN_MONTH, EV_GRAIN_WEEK,
    EV_GRAIN_DAY, EV_GRAIN_HOUR, EV_GRAIN_MINUTE, EV_GRAIN_SECOND,
    EV_GRAIN_DECADE, EV_GRAIN_CENTURY
} ev_grain;

/** Actor flags. */
enum {
    EV_ACTOR_PERSON = 1u << 0  /**< a named person (not an organisation) */
};

/** An actor: a CAMEO code and what it was resolved from. */
typedef struct ev_actor {
    ev_slice code;     /**< CAMEO actor code: "RUSGOV", "PRK", "NATO" */
    ev_slice country;  /**< ISO 3166-1 alpha-3, or empty */
    ev_slice role;     /**< role code ("GOV", "MIL"), or empty */
    ev_slice name;     /**< canonical name of the entity, or empty */
    ev_slice entity;   /**< dictionary id ("vladimir-putin"), or empty */
    uint32_t flags;    /**< EV_ACTOR_* */
    uint32_t pad;
} ev_actor;

/** A geocoded place. */
typedef struct ev_place {
    ev_slice name;     /**< canonical (English) name */
    ev_slice country;  /**< ISO 3166-1 alpha-3 */
    double lat, lon;
    uint32_t geonames; /**< GeoNames id, 0 if unknown */
} ev_place;

/** Time flags. */
enum {
    EV_TIME_RANGE = 1u << 0,      /**< `end` holds the end of a range */
    EV_TIME_UNRESOLVED = 1u << 1  /**< relative, with no date to anchor it */
};

/** A time: ISO 8601 truncated to its grain ("2024", "2024-06",
 *  "2024-06-18", "2024-06-18T14:30"). */
typedef struct ev_time {
    ev_slice value;    /**< start, or the value; empty when unresolved */
    ev_slice end;      /**< end of a range, or empty */
    ev_slice relative; /**< for unresolved values: the offset, "-1D" */
    uint32_t grain;    /**< ev_grain */
    uint32_t flags;    /**< EV_TIME_* */
} ev_time;

/** Quantity flags. */
enum {
    EV_QTY_VALUE = 1u << 0,   /**< `value` is set */
    EV_QTY_MIN = 1u << 1,     /**< `min` is set */
    EV_QTY_MAX = 1u << 2,     /**< `max` is set */
    EV_QTY_APPROX = 1u << 3,  /**< about, environ, nearly */
    EV_QTY_ORDINAL = 1u << 4, /**< 80e, third */
    EV_QTY_PERCENT = 1u << 5
};

/** A quantity: a value, or bounds, with the counted noun. */
typedef struct ev_quantity {
    double value, min, max;
    uint32_t flags;    /**< EV_QTY_* */
    int32_t of;        /**< index of the actor mention counted, or -1 */
    ev_slice unit;     /**< counted noun ("soldats"), or empty */
    ev_slice currency; /**< ISO 4217 code for money, or empty */
} ev_quantity;

/** A mention. `u` holds the member named by `kind`. */
typedef struct ev_mention {
    uint32_t kind;                /**< ev_mention_kind */
    uint32_t tok_start, tok_end;  /**< its tokens */
    uint32_t start, end;          /**< byte offsets */
    uint32_t cp_start, cp_end;    /**< code point offsets */
    uint32_t sentence;
    ev_slice rule;                /**< what produced it: "fr/dates:dmy" */
    union {
        ev_actor actor;
        ev_place place;
        ev_time time;
        ev_quantity qty;
    } u;
} ev_mention;

#ifdef __cplusplus
}
#endif

#endif
