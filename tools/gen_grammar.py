#!/usr/bin/env python3
"""Compile the time and quantity grammars into C tables.

    gen_grammar.py DATA_DIR OUT.c

Reads, for every language folder DATA_DIR/<lang>/ (two letters) that has
any of them:
  numbers.txt      form | value | class [| options]
  calendar.txt     form | kind | value [| options]
  relative.txt     form | kind | value
  quantifiers.txt  form | kind
  units.txt        form | kind [| value]
  tense.txt        form | past|future|none|aux|participle
(docs/data-format.md describes each), and writes one table of phrases per
language, hashed by their first word, for src/lib/grammar.c. Phrases are
split into words the way the tokenizer splits text: at spaces, after the
language's elisions (data/<lang>/clitics.txt), and for numbers at hyphens
too. A malformed line stops the build with `file:line: message` and exit
status 1.
"""
import os
import sys
import unicodedata

errors = []


def fail(path, n, msg):
    errors.append(f"{path}:{n}: {msg}")


def key(s):
    """The token key: NFC, case-folded, typographic apostrophe as "'"."""
    return unicodedata.normalize("NFC", s).casefold().replace("\u2019", "'")


def fold(s):
    """The token fold: the key without combining marks."""
    d = unicodedata.normalize("NFD", key(s))
    return unicodedata.normalize(
        "NFC", "".join(c for c in d if not unicodedata.combining(c)))


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            line = raw.split("#", 1)[0].strip()
            if line:
                yield n, [p.strip() for p in line.split(" | ")]


def clitics(data, lang):
    """(elision prefixes, enclitic endings, whole words) of a language, as
    keys."""
    elis, encl, whole = set(), set(), set()
    path = os.path.join(data, lang, "clitics.txt")
    if os.path.exists(path):
        for _, f in read_lines(path):
            if len(f) == 2 and f[1] == "elision":
                elis.add(key(f[0]))
            elif len(f) == 2 and f[1] == "enclitic":
                encl.add(key(f[0]))
            elif len(f) == 2 and f[1] == "whole":
                whole.add(key(f[0]))
    return elis, encl, whole


def split_words(form, clit, hyphens):
    """The tokens the tokenizer makes of `form`, as keys: elisions split
    off the front (l'an), enclitics off the end (year's)."""
    elis, encl, whole = clit
    out = []
    for w in key(form).split():
        parts = [w]
        if "'" in w and w not in whole:
            parts = []
            while "'" in w:
                i = w.index("'") + 1
                if w[:i] in elis and i < len(w) and w not in whole:
                    parts.append(w[:i])
                    w = w[i:]
                else:
                    break
            tail = None
            j = w.rfind("'")
            if j > 0 and w not in whole:
                if w[j:] in encl:
                    tail, w = w[j:], w[:j]
                elif j > 1 and w[j - 1:] in encl:
                    tail, w = w[j - 1:], w[:j - 1]
            parts.append(w)
            if tail:
                parts.append(tail)
        for p in parts:
            if hyphens and "-" in p.strip("-"):
                out.extend(x for x in p.split("-") if x)
            else:
                out.append(p)
    return out


# Classes, kinds and options; the C names are in src/lib/grammar_int.h.
def kinds(prefix, names):
    """{"unit": "EV_NUM_UNIT", ...} for the names of a class."""
    return {n: prefix + n.upper() for n in names}


NUM_KINDS = kinds("EV_NUM_", ["unit", "ten", "hundred", "scale", "fraction",
                              "joiner", "suffix", "decimal", "point",
                              "negative"])
CAL_KINDS = kinds("EV_CAL_", ["month", "weekday", "season", "holiday",
                              "daypart", "clock", "decade", "century",
                              "yearprep", "det", "clockprep"])
REL_KINDS = kinds("EV_REL_", ["day", "unit", "modifier", "shift", "edge"])
QTF_KINDS = kinds("EV_QTF_", ["approx", "min", "max", "from", "to", "link"])
UNIT_KINDS = kinds("EV_UNIT_", ["noun", "currency", "percent"])
TENSE_KINDS = kinds("EV_TENSE_", ["past", "future", "none", "aux",
                                  "participle"])
OPTIONS = kinds("EV_GO_", ["ordinal", "approx", "article", "vague",
                           "plural", "money", "abbr", "cap", "lower"])
UNITS = {"D": 1, "W": 2, "WE": 3, "M": 4, "Q": 5, "Y": 6, "DEC": 7,
         "H": 8, "MIN": 9, "S": 10}
EDGES = {"start": 0, "mid": 1, "end": 2}
SHIFTS = {"-pre": (-1, 0), "+pre": (1, 0), "-post": (-1, 1),
          "+post": (1, 1), "-prep": (-1, 2), "+prep": (1, 2)}

# The "heads" the prefilter lets through: words that every time or
# quantity expression contains. A time expression is found at its main
# word (the unit of "il y a trois jours", the month of "premier mars") and
# the words before it are read by looking back; numbers in digits are
# heads too. Abbreviations need a day or year, which is a head.
TIME_HEADS = {("CAL", k) for k in ("EV_CAL_MONTH", "EV_CAL_WEEKDAY",
                                   "EV_CAL_SEASON", "EV_CAL_HOLIDAY",
                                   "EV_CAL_CLOCK", "EV_CAL_DECADE",
                                   "EV_CAL_CENTURY", "EV_CAL_DAYPART")}
TIME_HEADS |= {("REL", k) for k in ("EV_REL_DAY", "EV_REL_UNIT")}


def time_head(e):
    """Is `e` the main word of a time expression?"""
    if (e.cls, e.kind) not in TIME_HEADS or "EV_GO_ABBR" in e.opts:
        return False
    return not (e.kind == "EV_CAL_CLOCK" and e.a == -1)   # h: after digits
QTY_HEADS = {("NUM", k) for k in ("EV_NUM_UNIT", "EV_NUM_TEN",
                                  "EV_NUM_HUNDRED", "EV_NUM_SCALE",
                                  "EV_NUM_FRACTION")}


def qty_head(e):
    """Can `e` start a quantity? Not an article or a vague count: "a
    dozen", "un million" are found at their second word."""
    return (e.cls, e.kind) in QTY_HEADS and not (
        "EV_GO_VAGUE" in e.opts or "EV_GO_ARTICLE" in e.opts)


class Entry:
    def __init__(self, words, kwords, cls, kind):
        self.words, self.kwords, self.cls, self.kind = words, kwords, cls, kind
        self.opts, self.a, self.b, self.v, self.s = [], 0, 0, 0.0, ""


def parse_int(s, lo, hi):
    try:
        v = int(s.lstrip("+"))
    except ValueError:
        return None
    return v if lo <= v <= hi else None


def parse_mmdd(s):
    """MM-DD as MMDD, or None if not a real day (29 February allowed)."""
    p = s.split("-")
    if len(p) != 2 or len(p[0]) != 2 or len(p[1]) != 2:
        return None
    m, d = parse_int(p[0], 1, 12), parse_int(p[1], 1, 31)
    mdays = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    if m is None or d is None or d > mdays[m - 1]:
        return None
    return m * 100 + d


def parse_options(path, n, field, e):
    for o in (x.strip() for x in field.split(";")):
        if not o:
            continue
        if o.startswith("takes="):
            v = parse_int(o[6:], 0, 99)
            if v is None:
                fail(path, n, f"bad option '{o}' (takes=0..99)")
            else:
                e.b = v
        elif o in OPTIONS:
            e.opts.append(OPTIONS[o])
        else:
            fail(path, n, f"unknown option '{o}'")


def read_file(path, fname, clit):
    out = []
    for n, f in read_lines(path):
        if not f[0]:
            fail(path, n, "empty form")
            continue
        hyph = fname == "numbers.txt"
        if fname == "tense.txt" and f[0].startswith("-") and len(f[0]) > 1:
            kwords, words = [key(f[0])], [fold(f[0])]
        else:
            kwords = split_words(f[0], clit, hyph)
            words = [fold(w) for w in kwords]
        if not words or any(" " in w or w == "" for w in words):
            fail(path, n, "empty form")
            continue
        if len(words) > 8:
            fail(path, n, "a form has at most 8 words")
            continue
        if fname == "numbers.txt":
            if len(f) not in (3, 4):
                fail(path, n, "expected 'form | value | class [| options]'")
                continue
            if f[2] not in NUM_KINDS:
                fail(path, n, f"unknown class '{f[2]}' (expected one of "
                     f"{', '.join(sorted(NUM_KINDS))})")
                continue
            e = Entry(words, kwords, "NUM", NUM_KINDS[f[2]])
            e.b = 9  # takes: the largest value that may follow a ten
            if f[1] == "-" and f[2] == "joiner":
                e.v = 0.0
            else:
                try:
                    e.v = float(f[1])
                except ValueError:
                    fail(path, n, f"bad value '{f[1]}' (a number)")
                    continue
                if not -1e30 < e.v < 1e30:
                    fail(path, n, f"value '{f[1]}' out of range")
                    continue
            if len(f) == 4:
                parse_options(path, n, f[3], e)
            if f[2] == "decimal" and f[0] not in (".", ","):
                fail(path, n, "the decimal mark is '.' or ','")
                continue
        elif fname == "calendar.txt":
            if len(f) not in (3, 4) or f[1] not in CAL_KINDS:
                fail(path, n, "expected 'form | kind | value [| options]' "
                     f"with kind one of {', '.join(sorted(CAL_KINDS))}")
                continue
            e = Entry(words, kwords, "CAL", CAL_KINDS[f[1]])
            kind, val = f[1], f[2]
            if kind == "month":
                e.a = parse_int(val, 1, 12)
            elif kind == "weekday":
                e.a = parse_int(val, 1, 7)
            elif kind == "season":
                p = val.split("..")
                if len(p) == 2:
                    e.a, e.b = parse_mmdd(p[0]), parse_mmdd(p[1])
                else:
                    e.a = None
                if e.a is None or e.b is None:
                    e.a = None
            elif kind == "holiday":
                e.a = parse_mmdd(val)
            elif kind == "daypart":
                e.a = {"am": 0, "pm": 1}.get(val)
            elif kind == "clock":
                if val in ("h", "am", "pm"):
                    e.a = {"h": -1, "am": -2, "pm": -3}[val]
                else:
                    p = val.split(":")
                    hh = parse_int(p[0], 0, 23) if len(p) == 2 else None
                    mm = parse_int(p[1], 0, 59) if len(p) == 2 else None
                    e.a = None if hh is None or mm is None else hh * 60 + mm
            elif kind == "yearprep":
                e.a = {"strong": 1, "weak": 0}.get(val)
            else:
                e.a = 0 if val == "-" else None
            if e.a is None:
                fail(path, n, f"bad value '{val}' for a {kind}")
                continue
            if len(f) == 4:
                parse_options(path, n, f[3], e)
        elif fname == "relative.txt":
            if len(f) != 3 or f[1] not in REL_KINDS:
                fail(path, n, "expected 'form | kind | value' with kind one "
                     f"of {', '.join(sorted(REL_KINDS))}")
                continue
            e = Entry(words, kwords, "REL", REL_KINDS[f[1]])
            kind, val = f[1], f[2]
            if kind == "day":
                e.a = parse_int(val, -99, 99)
            elif kind == "unit":
                e.a = UNITS.get(val)
            elif kind == "modifier":
                e.a = parse_int(val, -1, 1)
            elif kind == "shift":
                e.a, e.b = SHIFTS.get(val, (None, 0))
            elif kind == "edge":
                e.a = EDGES.get(val)
            if e.a is None:
                fail(path, n, f"bad value '{val}' for a {kind}")
                continue
        elif fname == "quantifiers.txt":
            if len(f) != 2 or f[1] not in QTF_KINDS:
                fail(path, n, "expected 'form | kind' with kind one of "
                     f"{', '.join(sorted(QTF_KINDS))}")
                continue
            e = Entry(words, kwords, "QTF", QTF_KINDS[f[1]])
        elif fname == "units.txt":
            if len(f) not in (2, 3) or f[1] not in UNIT_KINDS:
                fail(path, n, "expected 'form | kind [| value]' with kind "
                     f"one of {', '.join(sorted(UNIT_KINDS))}")
                continue
            e = Entry(words, kwords, "UNIT", UNIT_KINDS[f[1]])
            if f[1] == "currency":
                code = f[2] if len(f) == 3 else ""
                if code != "-" and not (len(code) == 3 and code.isascii()
                                        and code.isupper()):
                    fail(path, n, f"bad currency code '{code}' (ISO 4217 "
                         "or -)")
                    continue
                e.s = "" if code == "-" else code
            elif len(f) == 3:
                fail(path, n, f"a {f[1]} takes no value")
                continue
        else:  # tense.txt
            if len(f) != 2 or f[1] not in TENSE_KINDS:
                fail(path, n, "expected 'form | past|future|none|aux|"
                     "participle'")
                continue
            e = Entry(words, kwords, "TENSE", TENSE_KINDS[f[1]])
            if f[0].startswith("-"):
                if len(words) != 1 or len(f[0]) < 2:
                    fail(path, n, "an ending is one word after '-'")
                    continue
                e.opts.append("EV_GO_SUFFIX")
                e.words, e.kwords = [words[0][1:]], [kwords[0][1:]]
        e.line = f"{path}:{n}"
        out.append(e)
    return out


def c_str(s):
    b = s.encode("utf-8")
    return '"' + "".join(chr(c) if 32 <= c < 127 and chr(c) not in '"\\?'
                         else f"\\{c:03o}" for c in b) + '"'


M64 = (1 << 64) - 1


def ghash(b):
    """The hash of a key; must match ghash() in src/lib/grammar.c."""
    n = len(b)
    a = int.from_bytes(b[:8], "little")
    c = int.from_bytes(b[-8:], "little") if n > 8 else 0
    h = (a * 0x9E3779B97F4A7C15 + c * 0xC2B2AE3D27D4EB4F + n) & M64
    h ^= h >> 32
    h = (h * 0xD6E8FEB86659FD93) & M64
    h ^= h >> 29
    return h


BLOOM_BITS = 16384


def bloom_bits(h):
    """The two prefilter bits of a hash (as ev_gram_head computes them)."""
    return (h >> 32) & (BLOOM_BITS - 1), (h >> 48) & (BLOOM_BITS - 1)


def shape_bit(b):
    """The bit of a word's first two bytes and length in the first, cheaper
    prefilter (as ev_gram_head computes it)."""
    b1 = b[1] if len(b) > 1 else 0
    return ((b[0] & 31) << 9) | ((b1 & 31) << 4) | min(len(b), 15)


def c_double(v):
    r = repr(float(v))
    return r if ("e" in r or "." in r) else r + ".0"


def compile_lang(lang, entries):
    # Duplicates: the same words, class and kind twice.
    seen = {}
    for e in entries:
        k = (tuple(e.kwords), e.cls, e.kind, "EV_GO_SUFFIX" in e.opts)
        if k in seen:
            errors.append(f"{e.line}: duplicate entry (first at {seen[k]})")
        else:
            seen[k] = e.line
    suffixes = [e for e in entries if "EV_GO_SUFFIX" in e.opts]
    phrases = [e for e in entries if "EV_GO_SUFFIX" not in e.opts]
    classes = ["NUM", "CAL", "REL", "QTF", "UNIT", "TENSE"]
    phrases.sort(key=lambda e: (e.words[0].encode(), classes.index(e.cls),
                                -len(e.words)))
    rows, firsts = [], {}
    coffs = {}
    for i, e in enumerate(phrases):
        ci = classes.index(e.cls) + 1
        bit = 1 << ci
        f = firsts.setdefault(e.words[0], [i, 0, 0, 0])
        if f[1] == 0:
            f[0] = i
        off = coffs.setdefault(e.words[0], [None] * 8)
        if off[ci] is None:
            off[ci] = f[1]
        f[1] += 1
        f[2] |= bit
        # the last word of a phrase gets a slot too, for lookups backwards
        last = firsts.setdefault(e.words[-1], [0, 0, 0, 0])
        last[3] |= bit
        rows.append(row(e))
    size = 64
    while size < 2 * len(firsts):
        size *= 2
    slots = [None] * size
    for w, (first, count, fmask, lmask) in firsts.items():
        b = w.encode()
        h = ghash(b) & (size - 1)
        while slots[h] is not None:
            h = (h + 1) & (size - 1)
        off = coffs.get(w, [None] * 8)
        # the entries of class c are [first + off[c], first + off[c + 1])
        o = [0] * 8
        nxt = count
        for c in range(7, 0, -1):
            if off[c] is not None:
                nxt = off[c]
            o[c] = nxt
        o[7] = count
        for c in range(1, 7):
            if off[c] is None:
                o[c] = o[c + 1] if c < 7 else count
        slots[h] = (w, first if count else 0, count, fmask, lmask, o)
    words = BLOOM_BITS // 64
    pre_t, pre_q = [0] * words, [0] * words
    shp_t, shp_q = [0] * words, [0] * words
    for e in phrases:
        b = e.words[0].encode()
        bits = bloom_bits(ghash(b))
        sh = shape_bit(b)
        if time_head(e):
            shp_t[sh >> 6] |= 1 << (sh & 63)
            for i in bits:
                pre_t[i >> 6] |= 1 << (i & 63)
        if qty_head(e):
            shp_q[sh >> 6] |= 1 << (sh & 63)
            for i in bits:
                pre_q[i >> 6] |= 1 << (i & 63)
    maxw = [0] * 7
    for e in phrases:
        c = ["NUM", "CAL", "REL", "QTF", "UNIT", "TENSE"].index(e.cls) + 1
        maxw[c] = max(maxw[c], len(e.words))
    decimal = "'.'"
    for e in phrases:
        if e.cls == "NUM" and e.kind == "EV_NUM_DECIMAL":
            decimal = "','" if e.words[0] == "," else "'.'"
    out = [f"static const ev_gram_entry {lang}_e[] = {{"]
    out += rows or ["    {0},"]
    out.append("};")
    out.append(f"static const ev_gram_slot {lang}_slot[] = {{")
    for s in slots:
        if s is None:
            out.append("    {NULL, 0, 0, 0, 0, 0, {0}},")
        else:
            out.append(f"    {{{c_str(s[0])}, {len(s[0].encode())}, {s[1]}, "
                       f"{s[2]}, {s[3]}, {s[4]}, "
                       f"{{{', '.join(str(x) for x in s[5])}}}}},")
    out.append("};")
    out.append(f"static const ev_gram_entry {lang}_suffix[] = {{")
    out += [row(e) for e in suffixes] or ["    {0},"]
    out.append("};")
    shp_a = [a | b for a, b in zip(shp_t, shp_q)]
    for name, bits in (("pre_time", pre_t), ("pre_qty", pre_q),
                       ("shape_time", shp_t), ("shape_qty", shp_q),
                       ("shape_any", shp_a)):
        out.append(f"static const uint64_t {lang}_{name}[{len(bits)}] = {{")
        out += [f"    0x{x:016x}u," for x in bits]
        out.append("};")
    desc = (f"    {{\"{lang}\", {lang}_e, {len(phrases)}, {lang}_slot, "
            f"{size - 1}u, {lang}_pre_time, {lang}_pre_qty, "
            f"{lang}_shape_time, {lang}_shape_qty, {lang}_shape_any, "
            f"{lang}_suffix, "
            f"{len(suffixes)}, {decimal}, "
            f"{{{', '.join(str(m) for m in maxw)}}}}},")
    return "\n".join(out) + "\n", desc


def row(e):
    opts = " | ".join(e.opts) or "0"
    fw, kw = " ".join(e.words), " ".join(e.kwords)
    return (f"    {{{c_str(fw)}, {c_str(kw)}, {len(fw.encode())}, "
            f"{len(kw.encode())}, {len(e.words)}, EV_G_{e.cls}, {e.kind}, "
            f"{opts}, {e.a}, {e.b}, {c_double(e.v)}, {c_str(e.s)}}},")


FILES = ("numbers.txt", "calendar.txt", "relative.txt", "quantifiers.txt",
         "units.txt", "tense.txt")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    data, out = sys.argv[1], sys.argv[2]
    langs = sorted(d for d in os.listdir(data)
                   if len(d) == 2 and os.path.isdir(os.path.join(data, d)) and
                   any(os.path.exists(os.path.join(data, d, f))
                       for f in FILES))
    parts = ["/* Generated by tools/gen_grammar.py from data/; do not edit. */",
             '#include "grammar_int.h"', ""]
    descs = []
    for lang in langs:
        clit = clitics(data, lang)
        entries = []
        for fname in FILES:
            path = os.path.join(data, lang, fname)
            if os.path.exists(path):
                entries += read_file(path, fname, clit)
        code, desc = compile_lang(lang, entries)
        parts.append(code)
        descs.append(desc)
    parts.append("const ev_gram ev_grams[] = {\n" + "\n".join(descs) +
                 "\n    {NULL, NULL, 0, NULL, 0, NULL, NULL, NULL, NULL, "
                 "NULL, NULL, 0, 0, {0}}\n};\n")
    parts.append(f"const size_t ev_ngrams = {len(langs)};\n")
    if errors:
        sys.stderr.write("\n".join(errors) + "\n")
        sys.exit(1)
    tmp = out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write("\n".join(parts))
    os.replace(tmp, out)


if __name__ == "__main__":
    main()
