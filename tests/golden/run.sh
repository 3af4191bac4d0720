#!/bin/sh
# Golden tests: for each tests/golden/NAME.args, run `evcode code ARGS`
# (with NAME.stdin on stdin if present) from the project root and compare
# stdout with NAME.out, stderr with NAME.err (empty if absent) and the
# exit status with NAME.status (0 if absent).
# Usage: tests/golden/run.sh BUILD/evcode [--update]
bin=$1
dir=$(dirname "$0")
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for args in "$dir"/*.args; do
    name=${args%.args}
    stdin=/dev/null
    [ -f "$name.stdin" ] && stdin=$name.stdin
    eval "set -- $(cat "$args")"
    "$bin" code "$@" < "$stdin" > "$tmp/out" 2> "$tmp/err"
    status=$?
    if [ "$2" = "--update" ]; then :; fi
    want_status=0
    [ -f "$name.status" ] && want_status=$(cat "$name.status")
    [ -f "$name.err" ] && cp "$name.err" "$tmp/want_err" || : > "$tmp/want_err"
    if [ "$UPDATE" = 1 ]; then
        cp "$tmp/out" "$name.out"
        [ -s "$tmp/err" ] && cp "$tmp/err" "$name.err"
        [ "$status" != 0 ] && echo "$status" > "$name.status"
        continue
    fi
    if cmp -s "$tmp/out" "$name.out" && cmp -s "$tmp/err" "$tmp/want_err" &&
       [ "$status" = "$want_status" ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL golden $(basename "$name") (status $status, want $want_status)"
        diff "$name.out" "$tmp/out" | head -20
        diff "$tmp/want_err" "$tmp/err" | head -20
    fi
done
echo "golden: $pass passed, $fail failed"
[ $fail = 0 ]
