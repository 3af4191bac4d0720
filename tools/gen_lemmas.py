#!/usr/bin/env python3
"""Lemmas and parts of speech of a language, from hunspell and WordNet.

    gen_lemmas.py LANG OUT        (LANG is fr or en)

Writes OUT (build/gen/data/<lang>/lemmas.txt), one line per analysis of a
lower-case inflected form:

    form | lemma | POS

POS is a Universal Dependencies tag (NOUN VERB ADJ ADV PRON DET ADP CONJ
NUM PROPN X). A form with several analyses has several lines. The lines are
NFC and sorted; the file is written to a temporary file and renamed, so a
failed run leaves the old one in place. docs/data-format.md describes it.

The affix rules (SFX, PFX) of the hunspell .aff file are expanded here,
not by unmunch, which is broken for the French dictionary (FLAG long,
FULLSTRIP, morphological fields).

fr  hunspell-fr-comprehensive (Dicollecte/Grammalecte): /usr/share/hunspell/
    fr.dic + fr.aff. POS comes from the entries' fields (po:nom NOUN,
    po:adj ADJ, po:v1_... VERB, po:det DET...; see FR_POS). Verb forms have
    the infinitive as lemma, nouns and adjectives the dictionary entry
    (masculine singular: soldate -> soldat); an entry's st: field, when
    present, is its lemma. Past participles the dictionary marks po:adj are
    also ADJ, with the masculine singular participle as lemma. The elided
    prefixes (l', d', qu'...) are emitted as forms of their own, since the
    tokenizer splits them off (l' | le | DET). Literary forms are left out
    to keep the table small: the imperfect subjunctive (except the 3rd
    person singular, fermât), the 1st and 2nd plural of the passé simple
    (fermâmes, fermâtes) and the inverted 1st singular (fermé-je).

en  hunspell-en-us: /usr/share/hunspell/en_US.dic + en_US.aff, and
    wordnet-base: /usr/share/wordnet/index.{noun,verb,adj,adv} (lemmas and
    their POS) and {verb,noun,adj,adv}.exc (irregular forms: met -> meet).
    The .dic has no POS, so it is inferred (see en_pos): WordNet's POS of
    the stem when WordNet knows it, else the affix flags (D -ed or G -ing:
    VERB; T -est, Y -ly or P -ness: ADJ; M 's or S -s: NOUN), else the
    word's ending (EN_ENDINGS: -ism NOUN, -ous ADJ...), else X. Function
    words come from the closed list EN_CLOSED, which overrides all of
    these. expand_en says what each flag yields. Every form also gets
    WordNet's own entry for it (meeting NOUN, signed ADJ) unless it already
    has that POS with another lemma (troops is troop's plural).

Proper nouns (entries with a capital letter) are left out: names are the
business of the actor and place tables; the few lower-case entries the
French dictionary tags as names are PROPN. Forms with digits, spaces or
characters the table format reserves are left out too, and so are English
contractions the tokenizer splits (could've). An X line is dropped when
the form has another analysis.

A missing source prints the Debian package to install and exits 1; so does
a failed sanity check (a | avoir | VERB, met | meet | VERB...).
"""
import os
import re
import subprocess
import sys
import unicodedata

import debsrc  # tools/debsrc.py

HUNSPELL = "/usr/share/hunspell/{}"
WORDNET = "/usr/share/wordnet/{}"
TAGS = ("NOUN", "VERB", "ADJ", "ADV", "PRON", "DET", "ADP", "CONJ", "NUM",
        "PROPN", "X")

# Lines that must be in the output, or the build fails.
SANITY = {
    "fr": [("a", "avoir", "VERB"), ("rencontré", "rencontrer", "VERB"),
           ("soldats", "soldat", "NOUN"), ("ferme", "fermer", "VERB"),
           ("ferme", "ferme", "NOUN"), ("ferme", "ferme", "ADJ"),
           ("est", "être", "VERB"), ("l'", "le", "DET"),
           ("armées", "armée", "NOUN"), ("la", "le", "DET")],
    "en": [("met", "meet", "VERB"), ("troops", "troop", "NOUN"),
           ("signed", "sign", "VERB"), ("fought", "fight", "VERB"),
           ("was", "be", "VERB"), ("the", "the", "DET"),
           ("meetings", "meeting", "NOUN"), ("children", "child", "NOUN")],
}


def die(msg):
    debsrc.die("gen_lemmas.py", msg)


def need(path, package):
    """Stop with a clear message when a source file is missing."""
    return debsrc.need("gen_lemmas.py", path, package)


version = debsrc.version


def nfc(s):
    return unicodedata.normalize("NFC", s.replace("\u2019", "'"))


def writable(form):
    """A lower-case form the table format can hold, without digits."""
    return bool(form) and form == form.lower() and \
        not any(c.isspace() or c.isdigit() or c in "|#;/" for c in form)


# ------------------------------------------------------------ hunspell

class Rule:
    """One SFX or PFX line: strip, add (with its continuation flags), a
    compiled condition, and the morphological fields after it."""
    __slots__ = ("strip", "add", "cont", "cond", "morph")

    def __init__(self, strip, add, cont, cond, morph):
        self.strip, self.add, self.cont = strip, add, cont
        self.cond, self.morph = cond, morph


def cond_regex(cond, suffix):
    """Hunspell's condition (. [abc] [^abc] and literals) as a regex
    anchored at the end (SFX) or the start (PFX) of the word."""
    if cond == ".":
        return None
    out, i = [], 0
    while i < len(cond):
        c = cond[i]
        if c == "[":
            j = cond.index("]", i + 1)
            body = cond[i + 1:j]
            neg = body.startswith("^")
            if neg:
                body = body[1:]
            out.append("[" + ("^" if neg else "") +
                       "".join(re.escape(ch) for ch in body) + "]")
            i = j + 1
        else:
            out.append("." if c == "." else re.escape(c))
            i += 1
    pat = "".join(out)
    return re.compile("(?:" + pat + ")$" if suffix else "^(?:" + pat + ")")


class Aff:
    """The parts of a .aff file the expansion needs."""

    def __init__(self, path):
        self.mode = "char"
        self.sfx, self.pfx = {}, {}  # flag -> (cross product, [Rule])
        self.needaffix = self.forbidden = None
        self.fullstrip = False
        with open(path, encoding="utf-8", errors="replace") as f:
            lines = [ln.split() for ln in f]
        for t in lines:
            if not t or t[0].startswith("#"):
                continue
            if t[0] == "FLAG":
                self.mode = t[1]
            elif t[0] == "NEEDAFFIX":
                self.needaffix = t[1]
            elif t[0] == "FORBIDDENWORD":
                self.forbidden = t[1]
            elif t[0] == "FULLSTRIP":
                self.fullstrip = True
        for i, t in enumerate(lines):
            if len(t) == 4 and t[0] in ("SFX", "PFX") and t[2] in "YN" \
                    and t[3].isdigit():
                table = self.sfx if t[0] == "SFX" else self.pfx
                rules = []
                for r in lines[i + 1:i + 1 + int(t[3])]:
                    if len(r) < 4 or r[0] != t[0] or r[1] != t[1]:
                        continue
                    strip = "" if r[2] == "0" else r[2]
                    add, _, cont = r[3].partition("/")
                    add = "" if add == "0" else add
                    cond = r[4] if len(r) > 4 else "."
                    rules.append(Rule(strip, add, set(self.flags(cont)),
                                      cond_regex(cond, t[0] == "SFX"),
                                      r[5:]))
                table[t[1]] = (t[2] == "Y", rules)

    def flags(self, s):
        if not s:
            return []
        if self.mode == "long":
            return [s[i:i + 2] for i in range(0, len(s) - 1, 2)]
        if self.mode == "num":
            return s.split(",")
        return list(s)


def read_dic(path):
    """Yield (word, flags string, morphological fields) for each entry."""
    with open(path, encoding="utf-8", errors="replace") as f:
        next(f, None)  # the entry count
        for line in f:
            t = line.split()
            if not t:
                continue
            head = t[0]
            m = re.search(r"(?<!\\)/", head)
            word, flags = (head[:m.start()], head[m.end():]) if m \
                else (head, "")
            yield word.replace("\\/", "/"), flags, t[1:]


def apply_sfx(word, rule, fullstrip):
    if rule.strip and not word.endswith(rule.strip):
        return None
    if len(rule.strip) >= len(word) and not (fullstrip and
                                             len(rule.strip) == len(word)):
        return None
    if rule.cond is not None and not rule.cond.search(word):
        return None
    return word[:len(word) - len(rule.strip)] + rule.add


def apply_pfx(word, rule):
    if rule.strip and not word.startswith(rule.strip):
        return None
    if rule.cond is not None and not rule.cond.search(word):
        return None
    return rule.add + word[len(rule.strip):]


def expand(aff, word, flags, skip_pfx=None):
    """The forms of one entry: (form, prefix rule, suffix flag, suffix
    rule), prefix and suffix being None when not applied. Twofold
    suffixes (a suffix's continuation flags naming another suffix) are
    followed one level; skip_pfx(rule) drops prefix rules."""
    fl = aff.flags(flags)
    out = []
    if aff.needaffix not in fl:
        out.append((word, None, None, None))
    sfx_forms = []
    for flag in fl:
        if flag not in aff.sfx:
            continue
        cross, rules = aff.sfx[flag]
        for r in rules:
            form = apply_sfx(word, r, aff.fullstrip)
            if form is None:
                continue
            if aff.needaffix not in r.cont:
                sfx_forms.append((form, None, flag, r, cross))
            for f2 in r.cont:
                if f2 in aff.sfx and f2 != flag:
                    for r2 in aff.sfx[f2][1]:
                        form2 = apply_sfx(form, r2, aff.fullstrip)
                        if form2 is not None:
                            sfx_forms.append((form2, None, flag, r, False))
    out.extend(f[:4] for f in sfx_forms)
    for flag in fl:
        if flag not in aff.pfx:
            continue
        cross, rules = aff.pfx[flag]
        for p in rules:
            if skip_pfx is not None and skip_pfx(p):
                continue
            pform = apply_pfx(word, p)
            if pform is None:
                continue
            if aff.needaffix not in p.cont:
                out.append((pform, p, None, None))
            # Suffixes named by the prefix's continuation flags
            # (fr: mètre/Um -> kilo/S. -> kilomètres).
            for f2 in sorted(p.cont):
                for r in aff.sfx.get(f2, (False, []))[1]:
                    form = apply_sfx(word, r, aff.fullstrip)
                    if form is not None and aff.needaffix not in r.cont \
                            and form.startswith(p.strip):
                        out.append((p.add + form[len(p.strip):], p, f2, r))
            if not cross:
                continue
            for form, _, sflag, r, scross in sfx_forms:
                if scross and form.startswith(p.strip):
                    out.append((p.add + form[len(p.strip):], p, sflag, r))
    return out


# ------------------------------------------------------------ French

FR_POS = {
    "nom": "NOUN", "loc.nom": "NOUN",
    "adj": "ADJ", "loc.adj": "ADJ",
    "adv": "ADV", "negadv": "ADV", "loc.adv": "ADV", "advint": "ADV",
    "proadv": "ADV",
    "prep": "ADP", "prepv": "ADP", "loc.prep": "ADP", "loc.prepv": "ADP",
    "det": "DET", "detpos": "DET", "detind": "DET", "detdem": "DET",
    "detneg": "DET", "detex": "DET",
    "propersuj": "PRON", "properobj": "PRON", "prodem": "PRON",
    "proind": "PRON", "prorel": "PRON", "proint": "PRON", "proneg": "PRON",
    "cjco": "CONJ", "cjsub": "CONJ", "cj": "CONJ", "loc.cj": "CONJ",
    "loc.cjsub": "CONJ",
    "nb": "NUM", "nbro": "NUM", "titr": "NOUN",
    "npr": "PROPN", "prn": "PROPN", "patr": "PROPN", "loc.patr": "PROPN",
    "interj": "X", "loc.interj": "X",
    "loc.verb": "VERB", "infi": "VERB",
}
# Fields that name no POS of their own: mg (grammatical word), person,
# preverb (the pronouns en, y, le also carry properobj), gender, number.
FR_IGNORE = {"mg", "1pe", "2pe", "3pe", "preverb", "epi", "sg", "div"}
# Entries left out: prefixes and suffixes (anti-), spelling errors
# (jusqu without its apostrophe), punctuation.
FR_SKIP_ENTRY = {"pfx", "sfx", "err", "ponc", "sign"}
FR_VERB = re.compile(r"^v[0-3]")


def fr_literary(morph):
    """Verb forms left out: imperfect subjunctive except 3sg, passé simple
    1pl/2pl, inverted 1sg (fermé-je)."""
    po = {m[3:] for m in morph if m.startswith("po:")}
    if "simp" in po and "3sg" not in po:
        return True
    if "ipsi" in po and ("1pl" in po or "2pl" in po):
        return True
    return "1isg" in po


def gen_fr():
    dic = need(HUNSPELL.format("fr.dic"), "hunspell-fr-comprehensive")
    aff = Aff(need(HUNSPELL.format("fr.aff"), "hunspell-fr-comprehensive"))
    out = set()
    closed = {}  # word -> set of closed-class tags, for the elided forms

    def elided(p):
        return "'" in p.add

    for word, flags, morph in read_dic(dic):
        word = nfc(word)
        if not word or word[0] != word[0].lower():
            continue  # proper nouns, titles, units
        fl = aff.flags(flags)
        if aff.forbidden in fl:
            continue
        po = [m[3:] for m in morph if m.startswith("po:")]
        if any(p in FR_SKIP_ENTRY for p in po):
            continue
        st = [nfc(m[3:]) for m in morph if m.startswith("st:")]
        lemma = st[0] if st else word
        if any(FR_VERB.match(p) for p in po):
            tags, verb = ["VERB"], True
        else:
            tags = sorted({FR_POS[p] for p in po if p in FR_POS})
            verb = False
            if not tags:
                if po and not all(p in FR_IGNORE for p in po):
                    die(f"fr.dic: unknown field po:{po} in {word}")
                continue
        if not verb:
            for t in tags:
                if t in ("DET", "PRON", "ADP", "CONJ", "ADV"):
                    closed.setdefault(lemma, set()).add(t)
        forms = expand(aff, word, flags, elided)
        ppas_ms = {}
        if verb:  # masculine singular past participle, per flag
            for form, p, sflag, r in forms:
                if r is not None and p is None and sflag not in ppas_ms \
                        and "po:ppas" in r.morph and "is:mas" in r.morph \
                        and ("is:sg" in r.morph or "is:inv" in r.morph):
                    ppas_ms[sflag] = form
        for form, p, sflag, r in forms:
            form = nfc(form)
            if not writable(form):
                continue
            if verb and r is not None and fr_literary(r.morph):
                continue
            lem = lemma if p is None else nfc(apply_pfx(lemma, p) or lemma)
            for t in tags:
                out.add((form, lem, t))
            if verb and r is not None and "po:adj" in r.morph and \
                    "po:ppas" in r.morph:
                out.add((form, nfc(ppas_ms.get(sflag, form)), "ADJ"))
    # Elided forms, from the prefix rules' dp: fields (dp:le|la+).
    for flag, (_, rules) in aff.pfx.items():
        for p in rules:
            dp = [m[3:] for m in p.morph if m.startswith("dp:")]
            form = nfc(p.add)
            if not dp or not form.endswith("'") or form != form.lower() \
                    or not writable(form):
                continue
            lemma = nfc(dp[0].rstrip("+").split("|")[0])
            for t in closed.get(lemma, ()):
                out.add((form, lemma, t))
    return out, [("hunspell-fr-comprehensive",
                  f"{HUNSPELL.format('fr.dic')} and fr.aff")]


# ------------------------------------------------------------ English

# Function words: their tags replace WordNet's (which lower-cases "US",
# "IT", "In", "He"...) and their hunspell flags are expanded only for the
# open-class tags listed (like: VERB, so likes, liked).
EN_CLOSED = """
the a an no every: DET
this these those: DET PRON
that: DET PRON CONJ
some any each either neither all both few many much several enough: DET PRON
what which whose whatever whichever another: DET PRON
such: DET ADJ
other others: ADJ PRON
i me my mine myself you your yours yourself yourselves he him his himself: PRON
she her hers herself it its itself we us our ours ourselves: PRON
they them their theirs themselves oneself who whom whoever whomever: PRON
anybody anyone anything everybody everyone everything nobody none: PRON
nothing somebody someone something: PRON
of at from into onto upon via amid amidst among amongst toward towards: ADP
with within without despite during per versus unlike throughout: ADP
against between beneath beside besides beyond underneath: ADP
by: ADP ADV
in on off out up down over under about above across along: ADP ADV
around behind below inside outside through: ADP ADV
before after since: ADP ADV CONJ
past: ADP ADV ADJ NOUN
near: ADP ADJ ADV VERB
like: ADP VERB
to for: ADP
till until: ADP CONJ
and or but nor: CONJ
if whether because although though while whereas unless lest than: CONJ
as: ADP CONJ ADV
so yet: CONJ ADV
not never: ADV
can will: VERB NOUN
could may might must shall should would ought: VERB
be do have: VERB
one: NUM PRON
zero two three four five six seven eight nine ten eleven twelve: NUM
thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty: NUM
thirty forty fifty sixty seventy eighty ninety hundred thousand: NUM
million billion trillion: NUM
"""
# Forms that WordNet's exception lists lack: the contractions the tokenizer
# splits off (data/en/clitics.txt), and be, have, do.
EN_EXTRA = [("n't", "not", "ADV"), ("'re", "be", "VERB"), ("'m", "be", "VERB"),
            ("'ve", "have", "VERB"), ("'ll", "will", "VERB"),
            ("'d", "would", "VERB"), ("'d", "have", "VERB"),
            ("am", "be", "VERB"), ("is", "be", "VERB"), ("are", "be", "VERB"),
            ("was", "be", "VERB"), ("were", "be", "VERB"),
            ("been", "be", "VERB"), ("being", "be", "VERB"),
            ("has", "have", "VERB"), ("had", "have", "VERB"),
            ("does", "do", "VERB"), ("did", "do", "VERB"),
            ("done", "do", "VERB"), ("doing", "do", "VERB")]
EN_AUX = {"am", "is", "are", "was", "were", "been", "has", "had", "does",
          "did"}
# Words ending in what the tokenizer splits off (cloak's, could've).
EN_CONTRACTION = re.compile(r"'(s|ve|ll|d|re|m)$|n't$")
OPEN = ("NOUN", "VERB", "ADJ", "ADV")
WN_POS = {"noun": "NOUN", "verb": "VERB", "adj": "ADJ", "adv": "ADV"}


def read_wordnet():
    """WordNet's one-word lemmas -> set of POS, and its exception lists:
    inflected form -> set of (lemma, POS)."""
    wn, exc = {}, {}
    for name, tag in WN_POS.items():
        path = need(WORDNET.format("index." + name), "wordnet-base")
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                if line.startswith(" "):
                    continue  # the licence
                lemma = line.split(" ", 1)[0]
                if "_" not in lemma:
                    wn.setdefault(lemma, set()).add(tag)
        path = need(WORDNET.format(name + ".exc"), "wordnet-base")
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                t = line.split()
                for lemma in t[1:]:
                    if "_" not in t[0] and "_" not in lemma and \
                            lemma != t[0]:
                        exc.setdefault(t[0], set()).add((lemma, tag))
    return wn, exc


def en_pos(fl, wn_tags):
    """The open-class POS of a stem: WordNet's when it knows the word,
    else what its flags imply."""
    if wn_tags:
        return set(wn_tags)
    p = set()
    if "D" in fl or "G" in fl:
        p.add("VERB")
    if "T" in fl or "Y" in fl or "P" in fl:
        p.add("ADJ")
    if "M" in fl or ("S" in fl and "VERB" not in p):
        p.add("NOUN")
    return p


# The last resort for a word neither WordNet nor the flags place: its
# ending (longest first), else X.
EN_ENDINGS = sorted([
    *[(e, "NOUN") for e in ("ism", "ist", "ity", "tion", "sion", "ness",
                            "ment", "ship", "hood", "ology", "ence", "ance",
                            "dom", "er", "or")],
    *[(e, "ADJ") for e in ("ous", "ful", "less", "ish", "ic", "ical", "ive",
                           "able", "ible", "al", "esque")],
    *[(e, "ADV") for e in ("ly", "wise", "ward", "wards")],
    *[(e, "VERB") for e in ("ize", "ify")],
], key=lambda x: -len(x[0]))


def en_shape(word):
    for end, tag in EN_ENDINGS:
        if word.endswith(end) and len(word) > len(end) + 2:
            return tag
    return "X"


# Derivational flags: the form is a lemma of its own, with this POS when
# WordNet does not know it. -ly ADV, -ness NOUN, -ion NOUN, -ive ADJ,
# -able ADJ, -ment NOUN, -th (ordinal) ADJ.
EN_DERIV = {"Y": "ADV", "P": "NOUN", "N": "NOUN", "V": "ADJ", "B": "ADJ",
            "L": "NOUN", "H": "ADJ"}
# Plurals of derived nouns: flag -> the flag of the singular.
EN_DERIV_PL = {"X": "N", "J": "G", "Z": "R"}


def expand_en(aff, wn, exc, word, flags, tags_of, closed, out):
    """Analyses of one en_US.dic entry, added to out.

    S  -s: plural (NOUN) and 3rd singular (VERB), as the stem's POS allow
    D  -ed, G -ing: VERB when the stem is a verb (else WordNet's own
       entry for the form, added later, covers talented, thing)
    R  -er, T -est: comparative and superlative of an ADJ or ADV stem;
       R on a verb is an agent noun (walker | walker | NOUN)
    X, J, Z  plurals of -ion, -ing and -er nouns (meetings | meeting)
    Y P N V B L H  derived lemmas (EN_DERIV)
    M  's: no form (the tokenizer splits the possessive off)
    A U I C E F K  prefixes re- un- in- de- dis- con- pro-: a new lemma
       (resign) whose POS is WordNet's, else the stem's.
    """
    fl = aff.flags(flags)
    if word in exc and word not in wn:
        stem_pos = set()  # children/M is child's plural, not a lemma
    else:
        stem_pos = tags_of(word, fl)
    derived = {}  # (prefix add, flag) -> form, for the plurals
    forms = expand(aff, word, flags)
    if closed:  # a/SL would give ament; only inflect a function word
        forms = [f for f in forms if f[1] is None and f[2] in (None, *"SDGRT")]
    for form, p, sflag, r in forms:
        if sflag is not None and sflag in "GRN":
            derived[(p.add if p else "", sflag)] = form
    for form, p, sflag, r in forms:
        if not writable(form):
            continue
        pre = p.add if p else ""
        lemma = pre + word
        if p is None:
            pos = stem_pos
        else:
            pos = tags_of(lemma, ()) if lemma in wn else stem_pos
            if word in exc and sflag is None:  # redid -> redo
                for lem, t in exc[word]:
                    if t in wn.get(pre + lem, ()):
                        out.add((form, pre + lem, t))
        if sflag is None:
            for t in pos:
                out.add((form, lemma, t))
            if not pos and p is None and word not in exc:
                # dropped at the end if the form has another analysis
                out.add((form, lemma, en_shape(form)))
        elif sflag == "S":
            for t in ("NOUN", "VERB"):
                if t in pos:
                    out.add((form, lemma, t))
        elif sflag in "DG":
            if "VERB" in pos:
                out.add((form, lemma, "VERB"))
        elif sflag in "RT":
            comp = pos & {"ADJ", "ADV"}
            if not comp and sflag == "T" and lemma not in wn:
                comp = {"ADJ"}
            for t in comp:
                out.add((form, lemma, t))
            if sflag == "R" and not comp and "VERB" in pos:
                out.add((form, form, "NOUN"))
        elif sflag in EN_DERIV_PL:
            sing = derived.get((pre, EN_DERIV_PL[sflag]))
            if sing is not None and (sflag != "Z" or "VERB" in pos):
                out.add((form, sing, "NOUN"))
        elif sflag in EN_DERIV:
            if form not in wn:
                out.add((form, form, EN_DERIV[sflag]))
            # else WordNet's own entry for the form is added later


def gen_en():
    dic = need(HUNSPELL.format("en_US.dic"), "hunspell-en-us")
    aff = Aff(need(HUNSPELL.format("en_US.aff"), "hunspell-en-us"))
    wn, exc = read_wordnet()
    closed = {}
    for line in EN_CLOSED.strip().splitlines():
        words, tags = line.split(":")
        for w in words.split():
            closed.setdefault(w, set()).update(tags.split())

    def tags_of(w, fl):
        if w in closed:
            return closed[w] & set(OPEN)
        return en_pos(fl, wn.get(w))

    out = set()
    for w, tags in closed.items():
        for t in tags:
            out.add((w, w, t))
    for word, flags, _ in read_dic(dic):
        word = nfc(word)
        if not word or not writable(word) or EN_CONTRACTION.search(word):
            continue  # proper nouns, numbers, contractions (split off)
        expand_en(aff, wn, exc, word, flags, tags_of, word in closed, out)
    # Irregular forms, and WordNet's own entry for every form we have
    # (thing, meeting, signed as ADJ) unless it is a function word.
    for form, pairs in exc.items():
        if writable(form):
            for lemma, t in pairs:
                if (lemma not in closed or t in closed[lemma]) and \
                        (form not in closed or t in closed[form]):
                    out.add((form, lemma, t))
    out.update(EN_EXTRA)
    # A function word keeps only its listed tags, and lemmas that are
    # function words too (us is not u's plural, after not aft's).
    out = {r for r in out if r[0] not in closed or
           (r[2] in closed[r[0]] and (r[1] == r[0] or r[1] in closed))}
    # WordNet's entry for the form itself, unless the form already has
    # that POS with another lemma (troops is troop's plural, not a lemma).
    other = {(f, t) for f, lemma, t in out if lemma != f}
    for form in {f for f, _, _ in out}:
        if form not in closed:
            for t in wn.get(form, ()):
                if (form, t) not in other:
                    out.add((form, form, t))
    # Finite forms of be, have and do are only that (has is not the
    # plural of ha, nor is are a unit of area).
    out = {r for r in out if r[0] not in EN_AUX or r in EN_EXTRA}
    return out, [("hunspell-en-us",
                  f"{HUNSPELL.format('en_US.dic')} and en_US.aff"),
                 ("wordnet-base",
                  WORDNET.format("index.{noun,verb,adj,adv}") +
                  "\n    and {noun,verb,adj,adv}.exc")]


# ------------------------------------------------------------ output

def finish(out):
    """Drop X lines of forms that have a real analysis, and check."""
    real = {f for f, _, t in out if t != "X"}
    rows = sorted(r for r in out if r[2] != "X" or r[0] not in real)
    for f, l, t in rows:
        if t not in TAGS or not writable(f) or not l or \
                any(c in "|#\n" for c in l) or l != l.strip():
            die(f"bad line: {f} | {l} | {t}")
    return rows


def sanity(lang, rows):
    have = set(rows)
    bad = [" | ".join(r) for r in SANITY[lang] if r not in have]
    if bad:
        die(f"sanity check failed for {lang}: missing\n  " +
            "\n  ".join(bad))


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("fr", "en"):
        die("usage: gen_lemmas.py fr|en OUT")
    lang, path = sys.argv[1], sys.argv[2]
    if os.path.exists(path) and not os.path.isfile(path):
        die(f"{path} is not a regular file (OUT is replaced by a rename)")
    out, sources = gen_fr() if lang == "fr" else gen_en()
    rows = finish(out)
    sanity(lang, rows)
    src = "".join(f"#   {pkg} {version(pkg)}: " +
                  what.replace("\n", "\n#  ") + "\n"
                  for pkg, what in sources)
    header = f"""\
# Lemmas and parts of speech ({lang}): one line per analysis of a form.
# Generated at build time by tools/gen_lemmas.py; do not edit.
#
#     form | lemma | POS
#
# Sources (Debian packages):
{src}# POS is a Universal Dependencies tag; docs/data-format.md and
# tools/gen_lemmas.py say how it is found. {len(rows)} lines.

"""
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(header)
        f.writelines(f"{a} | {b} | {c}\n" for a, b, c in rows)
    os.replace(tmp, path)


if __name__ == "__main__":
    main()
