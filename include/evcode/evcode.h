/**
 * @file evcode/evcode.h
 * @brief evcode: news text to structured event data. Umbrella header.
 *
 * A typical stream: ev_reader_next() reads an ev_input, ev_doc_code()
 * codes it, ev_sink_write() writes the record. See docs/api.md.
 */
#ifndef EVCODE_EVCODE_H
#define EVCODE_EVCODE_H

#include "common.h"
#include "utf8.h"
#include "mention.h"
#include "event.h"
#include "doc.h"
#include "dict.h"
#include "reader.h"
#include "sink.h"

#endif
