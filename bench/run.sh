#!/bin/sh
# Whole-process throughput of `evcode code --jsonl`: MB/s of JSON input
# and sentences/s, best of N runs, on a corpus of real news.
#
# Usage: bench/run.sh BUILD/evcode [CORPUS.jsonl] [RUNS]
# Without CORPUS it builds bench/corpus.jsonl (about 16 MB) by repeating
# ../shared/bench/wikinews_{fr,en}.jsonl with fresh ids, or the bundled
# examples/ when ../shared is absent.
set -e
bin=${1:-build/evcode}
corpus=${2:-}
runs=${3:-5}
here=$(dirname "$0")
if [ -z "$corpus" ]; then
    corpus=$here/../build/bench-corpus.jsonl
    if [ ! -s "$corpus" ]; then
        src=$(ls ../shared/bench/wikinews_*.jsonl 2>/dev/null || true)
        [ -n "$src" ] || src=$(ls "$here"/../examples/*.jsonl)
        python3 - "$corpus" $src <<'PY'
import json, sys
out, srcs = sys.argv[1], sys.argv[2:]
docs = [json.loads(l) for f in srcs for l in open(f, encoding="utf-8") if l.strip()]
size, k = 0, 0
with open(out, "w", encoding="utf-8") as f:
    while size < 16 << 20:
        for d in docs:
            d = dict(d, id=f"{d['id']}-{k}")
            line = json.dumps(d, ensure_ascii=False) + "\n"
            f.write(line)
            size += len(line.encode())
        k += 1
PY
    fi
fi
python3 - "$bin" "$corpus" "$runs" <<'PY'
import json, os, subprocess, sys, time
bin_, corpus, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
size = os.path.getsize(corpus)
best = None
for _ in range(runs):
    with open(corpus, "rb") as f:
        t0 = time.perf_counter()
        p = subprocess.run([bin_, "code", "--jsonl"], stdin=f,
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        dt = time.perf_counter() - t0
    best = dt if best is None else min(best, dt)
    out = p.stdout
docs = sents = 0
for line in out.splitlines():
    r = json.loads(line)
    docs += 1
    sents += len(r["sentences"])
print(f"corpus: {corpus} ({size / 1e6:.1f} MB, {docs} documents, {sents} sentences)")
print(f"best of {runs}: {best:.3f} s  {size / 1e6 / best:.1f} MB/s  "
      f"{sents / best:,.0f} sentences/s  {docs / best:,.0f} docs/s")
# Start-up: the whole process on empty input (loads the language packs).
start = None
for _ in range(20):
    t0 = time.perf_counter()
    subprocess.run([bin_, "code", "--jsonl"], stdin=subprocess.DEVNULL,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    dt = time.perf_counter() - t0
    start = dt if start is None else min(start, dt)
print(f"start-up (empty input, packs loaded): {start * 1000:.1f} ms")
PY
