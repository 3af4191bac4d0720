#!/bin/sh
# The reference article must split into exactly its sentences, one per
# line of the text file, with exact code point offsets. Needs ../shared.
# Usage: tests/golden/seed.sh BUILD/evcode
bin=$1
seed=../shared/eval/seed
if [ ! -d "$seed" ]; then
    echo "seed: skipped (no $seed; the reference article is not in this checkout)"
    exit 0
fi
python3 - "$bin" "$seed" <<'PY'
import glob, json, subprocess, sys
bin_, seed = sys.argv[1], sys.argv[2]
fails = 0
for gold_path in sorted(glob.glob(f"{seed}/*.gold.json")):
    gold = json.load(open(gold_path, encoding="utf-8"))
    text = open(gold_path[:-len(".gold.json")] + f".{gold['lang']}.txt",
                encoding="utf-8").read()
    want, pos = [], 0
    for line in text.split("\n"):
        s = line.strip()
        if s:
            start = text.index(s, pos)
            want.append((start, start + len(s)))
        pos += len(line) + 1
    doc = {"id": gold["id"], "text": text, "date": gold["date"], "lang": gold["lang"]}
    p = subprocess.run([bin_, "code", "--jsonl"], input=json.dumps(doc).encode(),
                       capture_output=True)
    rec = json.loads(p.stdout)
    got = [(s["start"], s["end"]) for s in rec["sentences"]]
    ok = got == want and len(got) == gold["sentences"] and p.returncode == 0
    fails += not ok
    print(f"seed {gold['id']}: {len(got)} sentences, offsets "
          f"{'exact' if ok else 'WRONG: ' + str(got) + ' want ' + str(want)}")
sys.exit(1 if fails else 0)
PY
