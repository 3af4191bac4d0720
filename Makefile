# evcode build. `make` builds the library and the tool; `make check` runs
# every test; `make demo` codes the bundled examples. See README.md.
#
#   make SANITIZE=address,undefined check   tests under ASan + UBSan
#   make CC=clang check                      the same with clang
#   make fuzz                                libFuzzer targets (clang)
#   make bench                               throughput benchmark

CC ?= cc
CC_NAME := $(notdir $(firstword $(CC)))
PKGS := libutf8proc jansson
WARN := -Wall -Wextra -Wpedantic -Wstrict-prototypes -Wsign-conversion \
        -Wshadow -Werror
OPT ?= -O2
CFLAGS ?= $(OPT) -g
ALL_CFLAGS = -std=c11 $(WARN) $(CFLAGS) -fPIC -D_POSIX_C_SOURCE=200809L \
             -Iinclude -Isrc/lib -Isrc $(DEP_CFLAGS)

ifdef SANITIZE
BUILD ?= build/san-$(CC_NAME)
CFLAGS += -fsanitize=$(SANITIZE) -fno-omit-frame-pointer \
          -fno-sanitize-recover=all -DEV_DEBUG_ARENA
LDFLAGS += -fsanitize=$(SANITIZE)
else ifneq ($(CC_NAME),cc)
ifneq ($(CC_NAME),gcc)
BUILD ?= build/$(CC_NAME)
endif
endif
BUILD ?= build
GEN := build/gen
GEO_OUT := $(GEN)/data/common/countries.txt $(GEN)/data/common/places.txt \
           $(GEN)/data/en/common-words.txt $(GEN)/data/fr/common-words.txt \
           $(GEN)/data/en/lemmas.txt $(GEN)/data/fr/lemmas.txt

DEPS_STAMP := build/.deps-ok
DEP_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
DEP_LIBS = $(shell pkg-config --libs $(PKGS) 2>/dev/null)

LIB_SRC := $(wildcard src/lib/*.c) $(wildcard src/util/*.c)
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/gen/lexicon.o \
           $(BUILD)/obj/gen/grammar.o
CLI_OBJ := $(BUILD)/obj/src/cli/main.o $(BUILD)/obj/src/cli/peerdicts.o \
           $(BUILD)/obj/gen/help.o
LEX_DATA := $(wildcard data/*/abbreviations.txt data/*/clitics.txt \
                       data/*/stopwords.txt data/*/pronouns.txt)
GRAM_DATA := $(wildcard data/*/numbers.txt data/*/calendar.txt \
                        data/*/relative.txt data/*/quantifiers.txt \
                        data/*/units.txt data/*/tense.txt data/*/clitics.txt)
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
FUZZ_SRC := $(wildcard fuzz/fuzz_*.c)
FUZZ_REPLAY := $(FUZZ_SRC:fuzz/%.c=$(BUILD)/fuzz-replay/%)
HEADERS := $(wildcard include/evcode/*.h)

.PHONY: all deps demo check unit golden fuzz-replay headertest checksrc \
        docs-examples datacheck \
        fuzz bench clean
.SUFFIXES:

PACKS := $(BUILD)/packs/fr.pack $(BUILD)/packs/en.pack
# The folders too: adding or removing a source file changes their mtime.
PACK_SRC = $(shell find data -name '*.txt' -o -type d 2>/dev/null)

all: $(BUILD)/libevcode.a $(BUILD)/libevcode.so $(BUILD)/evcode build/evcode.1 $(PACKS) $(GEO_OUT)

deps: $(DEPS_STAMP)
$(DEPS_STAMP): tools/deps.sh
	@tools/deps.sh
	@mkdir -p $(@D) && touch $@

$(GEN)/lexicon.c: tools/gen_lexicon.py $(LEX_DATA) | $(DEPS_STAMP)
	@mkdir -p $(@D)
	python3 tools/gen_lexicon.py data $@

# Time and quantity grammars (numbers, calendar, relative, quantifiers,
# units, tense); a malformed line stops the build with file:line.
$(GEN)/grammar.c: tools/gen_grammar.py $(GRAM_DATA) | $(DEPS_STAMP)
	@mkdir -p $(@D)
	python3 tools/gen_grammar.py data $@

# Language packs, compiled by the tool itself so names are tokenized
# exactly as text is.
$(BUILD)/packs/%.pack: $(BUILD)/evcode $(PACK_SRC) $(GEO_OUT)
	@mkdir -p $(@D)
	$(BUILD)/evcode dict compile --lang $* -o $@ data build/gen/data

$(GEN)/help.c build/evcode.1: tools/gen_help.py $(wildcard docs/cli/*.md docs/cli/code/*.md) | $(DEPS_STAMP)
	@mkdir -p $(GEN)
	python3 tools/gen_help.py docs/cli $(GEN)/help.c build/evcode.1

# Country and city tables from Debian packages (iso-codes, unicode-cldr-core,
# libgeonames): geodump prints libgeonames' compiled-in cities as TSV, then
# one gen_geo.py run writes both tables. The system files are prerequisites
# only when present, so that a missing one is reported by gen_geo.py.
GEO_SRC := $(wildcard /usr/share/iso-codes/json/iso_3166-1.json \
             /usr/share/locale/fr/LC_MESSAGES/iso_3166-1.mo \
             /usr/share/locale/fr/LC_MESSAGES/geonames.mo \
             /usr/share/unicode/cldr/common/main/en.xml \
             /usr/share/unicode/cldr/common/main/fr.xml)

build/geodump: tools/geodump.c | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) -std=c11 $(WARN) $(OPT) $$(pkg-config --cflags geonames glib-2.0) \
	    -o $@ $< $$(pkg-config --libs geonames glib-2.0)

$(GEN)/cities.tsv: build/geodump
	@mkdir -p $(@D)
	build/geodump > $@.tmp && mv $@.tmp $@

# Common words from the hunspell dictionaries (hunspell-en-us,
# hunspell-fr-comprehensive): one-word city names that are also common
# words do not match (docs/data-format.md).
$(GEN)/data/en/common-words.txt: tools/gen_words.py | $(DEPS_STAMP)
	@mkdir -p $(@D)
	python3 tools/gen_words.py /usr/share/hunspell/en_US.dic $@
$(GEN)/data/fr/common-words.txt: tools/gen_words.py | $(DEPS_STAMP)
	@mkdir -p $(@D)
	python3 tools/gen_words.py /usr/share/hunspell/fr.dic $@

# Lemmas and parts of speech from the hunspell dictionaries, whose affix
# rules gen_lemmas.py expands itself, and for English WordNet's index and
# exception lists (wordnet-base) (docs/data-format.md).
$(GEN)/data/en/lemmas.txt: tools/gen_lemmas.py tools/debsrc.py | $(DEPS_STAMP)
	@mkdir -p $(@D)
	python3 tools/gen_lemmas.py en $@
$(GEN)/data/fr/lemmas.txt: tools/gen_lemmas.py tools/debsrc.py | $(DEPS_STAMP)
	@mkdir -p $(@D)
	python3 tools/gen_lemmas.py fr $@

$(GEN)/data/common/countries.txt $(GEN)/data/common/places.txt &: tools/gen_geo.py tools/debsrc.py $(GEN)/cities.tsv $(GEO_SRC) | $(DEPS_STAMP)
	python3 tools/gen_geo.py $(GEN)/cities.tsv $(GEN)/data/common

$(BUILD)/obj/%.o: %.c | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/obj/gen/%.o: $(GEN)/%.c | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Wno-sign-conversion -c $< -o $@

$(BUILD)/libevcode.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/libevcode.so: $(LIB_OBJ)
	$(CC) -shared $(LDFLAGS) -o $@ $^ $(DEP_LIBS)

$(BUILD)/obj/src/cli/main.o: ALL_CFLAGS += -DEV_PACK_DIR='"$(abspath $(BUILD))/packs"' \
    -DEV_DATA_DIR='"$(abspath data)"' -DEV_GEN_DATA_DIR='"$(abspath $(GEN))/data"'

$(BUILD)/evcode: $(CLI_OBJ) $(BUILD)/libevcode.a
	$(CC) $(LDFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libevcode.a $(DEP_LIBS)

# ---------------------------------------------------------------- tests

$(BUILD)/tests/%: tests/unit/%.c tests/check.h tests/unit/helpers.h $(BUILD)/libevcode.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Itests -o $@ $< $(BUILD)/libevcode.a $(LDFLAGS) $(DEP_LIBS)

$(BUILD)/fuzz-replay/%: fuzz/%.c fuzz/driver.c $(BUILD)/libevcode.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< fuzz/driver.c $(BUILD)/libevcode.a $(LDFLAGS) $(DEP_LIBS)

check: all unit golden fuzz-replay headertest checksrc docs-examples datacheck
	@echo "check: all tests passed ($(BUILD))"

unit: $(UNIT_BIN)
	@fail=0; for t in $(UNIT_BIN); do \
	    $$t > $$t.log 2>&1 || { cat $$t.log; fail=1; }; \
	    echo "$$(basename $$t): $$(tail -n 1 $$t.log)"; \
	done; exit $$fail

golden: $(BUILD)/evcode
	@tests/golden/run.sh $(BUILD)/evcode
	@tests/golden/seed.sh $(BUILD)/evcode

# Every example program in docs/examples/ compiles against the installed
# headers and library and prints exactly its .out file.
DOC_EX := $(wildcard docs/examples/*.c)
docs-examples: $(DOC_EX:docs/examples/%.c=$(BUILD)/docs/%)
	@for x in $^; do n=$$(basename $$x); \
	    $$x < docs/examples/$$n.jsonl > $$x.out 2> $$x.err; \
	    diff -u docs/examples/$$n.out $$x.out || exit 1; \
	done; echo "docs-examples: $(words $(DOC_EX)) examples match their output"
$(BUILD)/docs/%: docs/examples/%.c $(BUILD)/libevcode.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/libevcode.a $(LDFLAGS) $(DEP_LIBS)

fuzz-replay: $(FUZZ_REPLAY)
	@for t in $(FUZZ_REPLAY); do \
	    $$t fuzz/corpus/$$(basename $$t | sed 's/^fuzz_//') || exit 1; \
	done

headertest: | $(DEPS_STAMP)
	@mkdir -p $(BUILD)/headertest
	@for h in $(HEADERS); do \
	    printf '#include "%s"\nint main(void) { return 0; }\n' $$(basename $$h) \
	        > $(BUILD)/headertest/t.c; \
	    $(CC) -std=c11 -pedantic -Wall -Wextra -Werror -Iinclude/evcode \
	        -c $(BUILD)/headertest/t.c -o $(BUILD)/headertest/t.o || exit 1; \
	    cp $(BUILD)/headertest/t.c $(BUILD)/headertest/t.cpp; \
	    c++ -std=c++11 -pedantic -Wall -Wextra -Werror -Iinclude/evcode \
	        -c $(BUILD)/headertest/t.cpp -o $(BUILD)/headertest/t.o || exit 1; \
	done; echo "headertest: $(words $(HEADERS)) headers compile alone as C11 and C++"

checksrc:
	@tools/checksrc src/lib src/util

datacheck: | $(DEPS_STAMP)
	@python3 tools/check_data.py data

# ----------------------------------------------------------- fuzz, bench

FUZZ_BIN := $(FUZZ_SRC:fuzz/%.c=build/fuzz/%)
fuzz: $(FUZZ_BIN)
build/fuzz/%: fuzz/%.c $(LIB_SRC) $(GEN)/lexicon.c $(GEN)/grammar.c
	@mkdir -p $(@D)
	clang -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined \
	    -D_POSIX_C_SOURCE=200809L -Iinclude -Isrc/lib -Isrc $(DEP_CFLAGS) \
	    -o $@ $< $(LIB_SRC) $(GEN)/lexicon.c $(GEN)/grammar.c $(DEP_LIBS)

bench: all
	@bench/run.sh $(BUILD)/evcode

demo: all
	@for f in examples/*.jsonl; do \
	    echo "== $$f"; $(BUILD)/evcode code --jsonl --pretty < $$f; \
	    $(BUILD)/evcode code --jsonl < $$f; done

clean:
	rm -rf build

-include $(shell find build -name '*.d' 2>/dev/null)
