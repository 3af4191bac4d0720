#!/usr/bin/env python3
"""Generate the country and city tables from Debian packages.

    gen_geo.py CITIES.tsv OUT_DIR

Reads
  iso-codes          /usr/share/iso-codes/json/iso_3166-1.json and its French
                     names, /usr/share/locale/fr/LC_MESSAGES/iso_3166-1.mo
  unicode-cldr-core  /usr/share/unicode/cldr/common/main/{en,fr}.xml
                     (<territories>, with the alt="short"/"variant" forms)
  libgeonames        CITIES.tsv, the city table as printed by build/geodump,
                     and the French names in
                     /usr/share/locale/fr/LC_MESSAGES/geonames.mo
and writes OUT_DIR/countries.txt and OUT_DIR/places.txt in the format of
docs/data-format.md ("Generated at build time"). Both are written to a
temporary file and renamed, so a failed run leaves the old ones in place.

A missing source, a name that cannot be written in the format, or a failed
sanity check (North Korea, Beijing, Kursk...) prints a message naming the
cause and exits 1, which stops the build.
"""
import gettext
import json
import os
import re
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET

import debsrc  # tools/debsrc.py

ISO_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"
ISO_MO = "/usr/share/locale/fr/LC_MESSAGES/iso_3166-1.mo"
CLDR_XML = "/usr/share/unicode/cldr/common/main/{}.xml"
GEO_MO = "/usr/share/locale/fr/LC_MESSAGES/geonames.mo"

# Territories CLDR has and iso-codes lacks: ISO2 -> ISO3 (user-assigned
# codes, as the EU and the World Bank use them).
EXTRA = {"XK": "XKX"}
CLDR_ALTS = ("short", "variant")
LANGTAG = re.compile(r"^[a-z]{2}:")
NONE = "-"  # an empty field, since a line's trailing " | " is stripped


def die(msg):
    debsrc.die("gen_geo.py", msg)


def need(path, package):
    """Stop with a clear message when a source file is missing."""
    return debsrc.need("gen_geo.py", path, package)


version = debsrc.version


def clean(s):
    """NFC, without format characters (CLDR has U+200B in one French name)
    and with runs of white space made one space."""
    s = unicodedata.normalize("NFC", s or "")
    s = "".join(c for c in s if unicodedata.category(c) != "Cf")
    return " ".join(s.split())


def key(s):
    """The matching key the tokenizer computes (as tools/gen_lexicon.py):
    NFC, case-folded, typographic apostrophe as a straight one."""
    return unicodedata.normalize("NFC", s).casefold().replace("\u2019", "'")


def check_name(s, where):
    """A name must be writable as a field or list item; stop otherwise."""
    if not s or s == NONE or any(c in s for c in "#|;") or LANGTAG.match(s):
        die(f"{where}: name {s!r} cannot be written in the data format "
            f"(empty, '-', '#', '|', ';' or a leading language tag)")
    return s


def read_mo(path, package):
    need(path, package)
    try:
        with open(path, "rb") as f:
            return gettext.GNUTranslations(f)
    except Exception as e:  # OSError, struct.error, UnicodeDecodeError...
        die(f"{path}: cannot read the catalogue: {e}")


def read_iso():
    path = need(ISO_JSON, "iso-codes")
    try:
        with open(path, encoding="utf-8") as f:
            rows = json.load(f)["3166-1"]
    except (OSError, ValueError, KeyError) as e:
        die(f"{path}: cannot read: {e}")
    out = {}
    for r in rows:
        if not re.fullmatch(r"[A-Z]{2}", r.get("alpha_2", "")) or \
                not re.fullmatch(r"[A-Z]{3}", r.get("alpha_3", "")) or \
                not r.get("name"):
            die(f"{path}: malformed entry {r!r}")
        out[r["alpha_2"]] = r
    return out


def read_cldr(lang):
    """ISO2 -> {None: name, 'short': ..., 'variant': ...} from CLDR."""
    path = need(CLDR_XML.format(lang), "unicode-cldr-core")
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as e:
        die(f"{path}: cannot parse: {e}")
    terr = root.find("localeDisplayNames/territories")
    if terr is None:
        die(f"{path}: no <territories> element")
    out = {}
    for t in terr.findall("territory"):
        alt = t.get("alt")
        if alt is None or alt in CLDR_ALTS:
            out.setdefault(t.get("type"), {})[alt] = clean(t.text)
    return out


def country_names(en_name, forms):
    """The names field: forms is a list of (lang, name) in order of
    preference. Forms equal to the English name (by matching key) are
    dropped, a form given in both languages is left untagged, the others
    are tagged."""
    skip = key(en_name)
    order, langs, text = [], {}, {}
    for lang, name in forms:
        k = key(name)
        if not name or k == skip:
            continue
        if k not in langs:
            order.append(k)
            langs[k] = set()
            text[k] = name
        langs[k].add(lang)
    items = [text[k] if len(langs[k]) > 1 else f"{min(langs[k])}:{text[k]}"
             for k in order]
    return "; ".join(items) or NONE


def countries(iso, iso_fr, cldr_en, cldr_fr):
    """Rows (ISO3, line) for every iso-codes country plus EXTRA."""
    rows = []
    codes = sorted(set(iso) | set(EXTRA))
    for a2 in codes:
        r = iso.get(a2, {})
        a3 = r.get("alpha_3") or EXTRA[a2]
        en, fr = cldr_en.get(a2, {}), cldr_fr.get(a2, {})
        if None not in en or None not in fr:
            die(f"{a2}: no English or French name in CLDR "
                f"({CLDR_XML.format('{en,fr}')})")
        en_name = check_name(en[None], f"{a2} (CLDR en)")
        iso_names = []
        for field in ("common_name", "name", "official_name"):
            n = clean(r.get(field))
            if field == "official_name" and n.startswith("the "):
                n = n[4:]  # "the State of Eritrea"
            if n:
                iso_names.append((field, n))
        forms = [("en", en.get(alt)) for alt in (None,) + CLDR_ALTS]
        forms += [("en", n) for _, n in iso_names]
        forms += [("fr", fr.get(alt)) for alt in (None,) + CLDR_ALTS]
        for field, n in iso_names:
            t = clean(iso_fr.gettext(r[field]))
            if field == "official_name" and t[:2] in ("l'", "l\u2019"):
                t = t[2:]  # "l'État d'Érythrée"
            if t != clean(r[field]):
                forms.append(("fr", t))
        forms = [(lang, n) for lang, n in forms if n]
        for lang, n in forms:
            check_name(n, f"{a2} ({lang})")
        rows.append((a3, f"{a3} | {a2} | {en_name} | "
                         f"{country_names(en_name, forms)}", fr[None]))
    rows.sort()
    return rows


def places(path, a3_of, geo_fr):
    """Rows (id, line, fr name, lat, lon) from geodump's TSV."""
    if not os.path.isfile(path):
        die(f"missing {path}: it is build/geodump's output; building "
            f"geodump needs the Debian package libgeonames-dev")
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            where = f"{path}:{n}"
            col = raw.rstrip("\n").split("\t")
            if len(col) != 10 or not col[0].isdigit():
                die(f"{where}: expected 10 tab-separated columns, "
                    f"the first a geonames id")
            gid, name, _, admin1, a2, _, _, pop, lat, lon = col
            if a2 not in a3_of:
                die(f"{where}: country {a2!r} is not in iso-codes")
            try:
                pop, lat, lon = int(pop), float(lat), float(lon)
            except ValueError:
                die(f"{where}: bad population or coordinates")
            if not (-90 <= lat <= 90 and -180 <= lon <= 180 and pop >= 0):
                die(f"{where}: population or coordinates out of range")
            name = check_name(clean(name), where)
            admin1 = clean(admin1) or NONE
            if admin1 != NONE:
                check_name(admin1, where)
            fr = clean(geo_fr.gettext(gid))
            names = NONE
            if fr != gid and key(fr) != key(name):
                names = "fr:" + check_name(fr, f"{GEO_MO} ({gid})")
            line = (f"{gid} | {name} | {a3_of[a2]} | {lat:.5f} | {lon:.5f} | "
                    f"{pop} | {admin1} | {names}")
            rows.append((int(gid), line, fr, lat, lon))
    rows.sort()
    for a, b in zip(rows, rows[1:]):
        if a[0] == b[0]:
            die(f"{path}: geonames id {a[0]} appears twice")
    return rows


def sanity(crows, prows):
    """Fail the build when the sources have lost what we rely on."""
    bad = []
    if len(crows) < 240:
        bad.append(f"only {len(crows)} countries (expected at least 240)")
    if len(prows) < 20000:
        bad.append(f"only {len(prows)} cities (expected at least 20000)")
    fr_of = {a3: fr for a3, _, fr in crows}
    if fr_of.get("PRK") != "Corée du Nord":
        bad.append(f"PRK: French name {fr_of.get('PRK')!r}, "
                   f"expected 'Corée du Nord'")
    city = {gid: (fr, lat, lon) for gid, _, fr, lat, lon in prows}
    beijing = city.get(1816670)
    if beijing is None or beijing[0] != "Pékin" or \
            abs(beijing[1] - 39.9) > 0.2 or abs(beijing[2] - 116.4) > 0.2:
        bad.append(f"Beijing (1816670): {beijing!r}, expected 'Pékin' "
                   f"near 39.9, 116.4")
    kursk = city.get(538560)
    if kursk is None or kursk[0] != "Koursk":
        bad.append(f"Kursk (538560): {kursk!r}, expected 'Koursk'")
    if bad:
        die("sanity check failed:\n  " + "\n  ".join(bad))


def write(path, header, lines):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(header)
        f.writelines(line + "\n" for line in lines)
    return tmp


def main():
    if len(sys.argv) != 3:
        die("usage: gen_geo.py CITIES.tsv OUT_DIR")
    cities, out = sys.argv[1], sys.argv[2]
    iso = read_iso()
    iso_fr = read_mo(ISO_MO, "iso-codes")
    cldr_en, cldr_fr = read_cldr("en"), read_cldr("fr")
    geo_fr = read_mo(GEO_MO, "libgeonames-common")
    crows = countries(iso, iso_fr, cldr_en, cldr_fr)
    a3_of = {r["alpha_2"]: r["alpha_3"] for r in iso.values()}
    a3_of.update(EXTRA)
    prows = places(cities, a3_of, geo_fr)
    sanity(crows, prows)

    iso_v, cldr_v = version("iso-codes"), version("unicode-cldr-core")
    geo_v = version("libgeonames0")
    cheader = f"""\
# Countries: ISO 3166-1 codes with their English and French names.
# Generated at build time by tools/gen_geo.py; do not edit.
#
#     ISO3 | ISO2 | English name | names
#
# Sources (Debian packages):
#   iso-codes {iso_v}: {ISO_JSON}
#     (name, common_name, official_name) and their French translations
#     in {ISO_MO}
#   unicode-cldr-core {cldr_v}: {CLDR_XML.format('en')} and
#     fr.xml, <territories> with the alt="short" and alt="variant" forms
# The English name is CLDR's. names lists CLDR's French name first, then
# the other forms; a form given in both languages is untagged, and forms
# equal to the English name are left out. XK (Kosovo, ISO3 XKX) comes from
# CLDR only. `-` is an empty list.

"""
    pheader = f"""\
# Places: the GeoNames cities libgeonames ships (about 24,000; mostly
# population 15,000 or more, plus capitals and seats).
# Generated at build time by tools/gen_geo.py; do not edit.
#
#     geonames id | Name | ISO3 | lat | lon | population | admin1 name | names
#
# Sources (Debian packages):
#   libgeonames0 {geo_v}: the city table compiled into libgeonames, read by
#     build/geodump (tools/geodump.c); Name and admin1 name are English
#   libgeonames-common {version('libgeonames-common')}: French names in
#     {GEO_MO}
#   iso-codes {iso_v}: ISO2 -> ISO3 from
#     {ISO_JSON} (and XK -> XKX)
# names holds the French name when it differs from Name, else `-`.
# Coordinates are WGS84 decimal degrees.

"""
    os.makedirs(out, exist_ok=True)
    cpath = os.path.join(out, "countries.txt")
    ppath = os.path.join(out, "places.txt")
    ctmp = write(cpath, cheader, [line for _, line, _ in crows])
    ptmp = write(ppath, pheader, [line for _, line, _, _, _ in prows])
    os.replace(ctmp, cpath)
    os.replace(ptmp, ppath)


if __name__ == "__main__":
    main()
