#!/usr/bin/env bash
# bench/scripts/cg.sh <repo-root> : cachegrind instructions, branch mispredictions per Amazon
# text for sentiment.Analyze (difference of two runs, so setup cancels;
# BenchmarkAmazon/repute only, not repute-into).
# Repeatable to about ±1-2% (much steadier than wall clock on a loaded
# machine). Needs valgrind; the checkout must sit beside shared/ (data).
set -euo pipefail
root=$(cd "$1" && pwd)
tmp=$(mktemp -d)
(cd "$root/bench" && go test -c -o "$tmp/b.test" . >/dev/null)
run() {
  (cd "$root/bench" && GODEBUG=cpu.rdtscp=off GOGC=off GOMAXPROCS=1 valgrind --tool=cachegrind --branch-sim=yes --cache-sim=yes \
    --cachegrind-out-file="$tmp/cg.$1" "$tmp/b.test" -test.run '^$' -test.bench 'Amazon$/repute$' -test.benchtime "${1}x" >/dev/null 2>"$tmp/err.$1")
  grep -E "^(summary|events):" "$tmp/cg.$1"
}
a=$(run 2000 | awk '/^summary/{print}')
b=$(run 12000 | awk '/^summary/{print}')
ev=$(grep '^events:' "$tmp/cg.2000")
python3 - "$ev" "$a" "$b" <<'PY'
import sys
ev=sys.argv[1].split()[1:]; a=list(map(int,sys.argv[2].split()[1:])); b=list(map(int,sys.argv[3].split()[1:]))
d={e:(y-x)/10000 for e,x,y in zip(ev,a,b)}
print("per text: Ir %.0f  Bc %.0f  Bcm %.1f  Bim %.1f  D1mr %.1f  DLmr %.1f  Dr %.0f Dw %.0f" % (d['Ir'],d['Bc'],d['Bcm'],d['Bim'],d['D1mr'],d['DLmr'],d['Dr'],d['Dw']))
PY
rm -rf "$tmp"
