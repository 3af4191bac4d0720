/**
 * @file evcode/event.h
 * @brief Events: who did what to whom, coded in CAMEO, with date, place,
 *        negation, modality and attribution.
 */
#ifndef EVCODE_EVENT_H
#define EVCODE_EVENT_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Event flags. */
enum {
    EV_EVENT_NEGATED = 1u << 0,        /**< "n'a pas rencontré", "did not" */
    EV_EVENT_SYMMETRIC = 1u << 1,      /**< direction is arbitrary (meet) */
    EV_EVENT_PASSIVE = 1u << 2,        /**< coded from a passive clause */
    EV_EVENT_DATE_PUBLISHED = 1u << 3  /**< no date in the text: the
                                            publication date is used */
};

/** Modality of an event. */
typedef enum ev_modality {
    EV_MODALITY_ASSERTED = 0,  /**< stated as happening or done */
    EV_MODALITY_POSSIBLE       /**< could, may, envisage: not (yet) done */
} ev_modality;

/**
 * An event. Actors, times and places are indexes into the document's
 * mentions (ev_doc_mentions()), -1 when absent; `attributed_to` is -1
 * when the reporter states the event, else the mention of whoever claims
 * it (a quote's speaker, the subject of "X said that", "according to X").
 */
typedef struct ev_event {
    uint32_t sentence;
    int32_t source, target;
    int32_t attributed_to;
    int32_t date;              /**< time mention, or -1 */
    int32_t place;             /**< place mention, or -1 */
    uint32_t trig_start, trig_end;  /**< trigger tokens */
    uint32_t start, end;            /**< trigger byte offsets */
    uint32_t cp_start, cp_end;      /**< trigger code point offsets */
    ev_slice cameo;            /**< most specific CAMEO code: "051" */
    ev_slice plover;           /**< PLOVER type, or empty */
    uint32_t quad;             /**< QuadClass 1-4 */
    double goldstein;          /**< Goldstein scale value */
    uint32_t flags;            /**< EV_EVENT_* */
    uint32_t modality;         /**< ev_modality */
    ev_slice rule;             /**< the pattern: "fr/events.txt:12" */
    const char *source_why;    /**< how the source was found (static):
                                    "subject", "relative pronoun"... */
    const char *target_why;    /**< how the target was found, or "" */
} ev_event;

#ifdef __cplusplus
}
#endif

#endif
