#!/usr/bin/env python3
"""Validate the dictionary sources in data/ against docs/data-format.md.

    check_data.py [DATA_DIR]

Prints one `file:line: message` per problem and exits 1 if there is any.
The tokenizer tables (abbreviations, clitics, stopwords) are checked by
tools/gen_lexicon.py when they are compiled; this checks the rest.
"""
import datetime
import os
import re
import sys

errors = []
ROLE_TITLES = {"head-of-state", "president", "vice-president", "monarch",
               "supreme-leader", "head-of-government", "prime-minister",
               "chancellor", "foreign-minister", "defence-minister", "leader"}
CODE = re.compile(r"^[A-Z]{3,15}$")
ISO3 = re.compile(r"^[A-Z]{3}$")
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
DATE = re.compile(r"^\d{4}(-\d\d(-\d\d)?)?$")
ROLE = re.compile(r"^([A-Z]{3}[A-Z]*) (\S+) (\S*)\.\.(\S*)$")
LANGTAG = re.compile(r"^([a-z]{2}):(.*)$")


def err(path, n, msg):
    errors.append(f"{path}:{n}: {msg}")


def entries(path):
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            line = raw.split("#", 1)[0].strip()
            if line:
                yield n, [p.strip() for p in line.split(" | ")], line


def date_key(path, n, s):
    """A comparable (y, m, d) for a date; None and an error if invalid."""
    if not DATE.match(s):
        err(path, n, f"bad date '{s}' (YYYY, YYYY-MM or YYYY-MM-DD)")
        return None
    parts = [int(x) for x in s.split("-")]
    try:
        datetime.date(parts[0], parts[1] if len(parts) > 1 else 1,
                      parts[2] if len(parts) > 2 else 1)
    except ValueError:
        err(path, n, f"impossible date '{s}'")
        return None
    return tuple(parts + [0] * (3 - len(parts)))


def names(path, n, field, allow_empty=False):
    items = [x.strip() for x in field.split(";")]
    if not allow_empty and not any(items):
        err(path, n, "empty name list")
    for it in items:
        if not it and len(items) > 1:
            err(path, n, "empty item in a ';' list")
        m = LANGTAG.match(it)
        if m and not m.group(2).strip():
            err(path, n, f"language tag '{it}' without a name")


def check_people(path, ids):
    for n, f, _ in entries(path):
        if len(f) != 4:
            err(path, n, f"expected 4 fields 'id | name | roles | names', got {len(f)}")
            continue
        pid, name, roles, variants = f
        if not SLUG.match(pid):
            err(path, n, f"id '{pid}' is not a lowercase ASCII slug")
        elif pid in ids:
            err(path, n, f"duplicate id '{pid}' (first at {ids[pid]})")
        else:
            ids[pid] = f"{path}:{n}"
        if not name:
            err(path, n, "empty canonical name")
        for role in roles.split(";"):
            m = ROLE.match(role.strip())
            if not m:
                err(path, n, f"bad role '{role.strip()}' (CODE title FROM..TO)")
                continue
            code, title, a, b = m.groups()
            if not CODE.match(code):
                err(path, n, f"bad actor code '{code}'")
            if title not in ROLE_TITLES:
                err(path, n, f"unknown title '{title}'")
            ka = date_key(path, n, a) if a else None
            kb = date_key(path, n, b) if b else None
            if not a:
                err(path, n, f"role '{role.strip()}' has no start date")
            if ka and kb and ka > kb:
                err(path, n, f"role '{role.strip()}' ends before it starts")
        names(path, n, variants, allow_empty=True)


def check_orgs(path, ids):
    for n, f, _ in entries(path):
        if len(f) != 4:
            err(path, n, f"expected 4 fields 'id | name | CODE | names', got {len(f)}")
            continue
        oid, name, code, variants = f
        if not SLUG.match(oid):
            err(path, n, f"id '{oid}' is not a lowercase ASCII slug")
        elif oid in ids:
            err(path, n, f"duplicate id '{oid}' (first at {ids[oid]})")
        else:
            ids[oid] = f"{path}:{n}"
        if not CODE.match(code):
            err(path, n, f"bad actor code '{code}'")
        names(path, n, variants, allow_empty=True)


def check_demonyms(path):
    for n, f, _ in entries(path):
        if len(f) != 2 or not ISO3.match(f[0]):
            err(path, n, "expected 'ISO3 | forms'")
            continue
        names(path, n, f[1])


def check_phrases(path, code_re, what):
    for n, f, _ in entries(path):
        if len(f) not in (2, 3):
            err(path, n, f"expected '{what} | CODE | note'")
            continue
        names(path, n, f[0])
        if not code_re.match(f[1]):
            err(path, n, f"bad code '{f[1]}'")


def check_cameo(path):
    seen = set()
    for n, f, _ in entries(path):
        if len(f) != 5:
            err(path, n, "expected 'code | name | quad | goldstein | plover'")
            continue
        code, name, quad, gold, plover = f
        if not re.match(r"^\d{2,4}$", code):
            err(path, n, f"bad CAMEO code '{code}'")
        elif code in seen:
            err(path, n, f"duplicate CAMEO code '{code}'")
        elif len(code) > 2 and code[:len(code) - 1] not in seen and \
                code[:2] not in seen:
            err(path, n, f"code '{code}' appears before its parent")
        seen.add(code)
        if not name:
            err(path, n, "empty name")
        if quad not in {"0", "1", "2", "3", "4"}:
            err(path, n, f"bad QuadClass '{quad}'")
        try:
            g = float(gold)
            if not -10 <= g <= 10:
                raise ValueError
        except ValueError:
            err(path, n, f"bad Goldstein value '{gold}'")
        if plover != "-" and not re.match(r"^[A-Z]+$", plover):
            err(path, n, f"bad PLOVER type '{plover}'")


def check_classes(path, classes):
    for n, f, _ in entries(path):
        if len(f) != 2 or f[1] not in classes:
            err(path, n, f"expected 'forms | {'|'.join(sorted(classes))}'")
            continue
        names(path, n, f[0])


# Checked when they are compiled: by gen_lexicon.py (the tokenizer's
# tables) and gen_grammar.py (time and number grammars).
def cameo_codes(data):
    path = os.path.join(data, "common", "cameo.txt")
    if not os.path.exists(path):
        return set()
    return {f[0] for _, f, _ in entries(path)}


def check_events(path, codes):
    seen = {}
    for n, f, _ in entries(path):
        if len(f) not in (3, 4):
            err(path, n, "expected 'trigger | CAMEO | target | flags'")
            continue
        trigger, code, target = f[0], f[1], f[2]
        flags = f[3] if len(f) == 4 else ""
        words = trigger.split()
        if not words or words[0] == "..." or words[-1] == "...":
            err(path, n, f"bad trigger '{trigger}'")
        if code not in codes:
            err(path, n, f"unknown CAMEO code '{code}'")
        if target != "-":
            for t in target.split(";"):
                t = t.strip()
                if not t or " " in t:
                    err(path, n, f"bad target '{t}' (OBJ or one word)")
        for fl in (x.strip() for x in flags.split(";") if x.strip()):
            if fl not in ("noun", "sym"):
                err(path, n, f"unknown flag '{fl}' (noun, sym)")
        key = (trigger, code)
        if key in seen:
            err(path, n, f"duplicate pattern (first at line {seen[key]})")
        seen[key] = n


TOKENIZER = {"abbreviations.txt", "clitics.txt", "stopwords.txt",
             "pronouns.txt",
             "numbers.txt", "calendar.txt", "quantifiers.txt",
             "relative.txt", "tense.txt", "units.txt"}


def main():
    data = sys.argv[1] if len(sys.argv) > 1 else "data"
    ids_people, ids_orgs = {}, {}
    codes = cameo_codes(data)
    for root, _, files in sorted(os.walk(data)):
        for fn in sorted(files):
            path = os.path.join(root, fn)
            rel = os.path.relpath(path, data)
            if not fn.endswith(".txt") or fn in TOKENIZER:
                continue
            if rel.startswith(os.path.join("common", "people") + os.sep):
                check_people(path, ids_people)
            elif rel in ("common/orgs.txt", "common/groups.txt"):
                check_orgs(path, ids_orgs)
            elif rel == "common/cameo.txt":
                check_cameo(path)
            elif fn == "countries.txt":
                check_demonyms(path)
            elif fn == "demonyms.txt":
                check_demonyms(path)
            elif fn == "metonyms.txt":
                check_phrases(path, CODE, "phrase")
            elif fn == "agents.txt":
                check_phrases(path, ISO3, "forms")
            elif fn == "events.txt":
                check_events(path, codes)
            elif fn == "prepositions.txt":
                check_classes(path, {"locative", "genitive", "article",
                                     "clause", "relative", "negation",
                                     "modal", "passive", "coord"})
            elif fn == "contractions.txt":
                for n, f, _ in entries(path):
                    if len(f) != 2 or " " in f[1]:
                        err(path, n, "expected 'form | preposition'")
            elif fn == "speech.txt":
                check_classes(path, {"verb", "prep"})
            else:
                err(path, 0, "unknown data file (see docs/data-format.md)")
    for e in errors:
        print(e)
    n = len(ids_people)
    if not errors:
        print(f"check_data: clean ({n} people, {len(ids_orgs)} organisations)")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
