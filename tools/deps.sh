#!/bin/sh
# Install the Debian packages evcode builds with, when they are missing.
# Called by the Makefile before the first build; safe to run again.
# As root it runs apt-get; otherwise it prints the exact command to run.
set -e
PKGS="gcc make pkg-config python3 libutf8proc-dev libjansson-dev iso-codes \
      unicode-cldr-core libgeonames-dev libglib2.0-dev hunspell-en-us hunspell-fr-comprehensive \
      wordnet-base"
# clang and its runtime are needed only for the libFuzzer targets and the
# clang sanitizer job; install them with: tools/deps.sh --fuzz
if [ "$1" = "--fuzz" ]; then
    PKGS="$PKGS clang libclang-rt-dev"
fi
missing=""
for p in $PKGS; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
    echo "deps: installing$missing" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y --no-install-recommends $missing >/dev/null ||
        { apt-get update >/dev/null && apt-get install -y --no-install-recommends $missing >/dev/null; }
else
    echo "deps: missing Debian packages:$missing" >&2
    echo "deps: run: sudo apt-get install$missing" >&2
    exit 1
fi
