#!/usr/bin/env bash
# bench/scripts/ab.sh <old-repo-root> <new-repo-root> [rounds] : interleaved A/B of the bench
# binaries on BenchmarkAmazon (repute and govader in the same run). Prints
# each run and the medians of repute ns/op and govader/repute ratio (and the
# same for AnalyzeInto where the checkout has that sub-benchmark). Both
# checkouts must sit beside shared/ (the evaluation data).
set -euo pipefail
old=$(cd "$1" && pwd); new=$(cd "$2" && pwd); n=${3:-6}
tmp=$(mktemp -d)
(cd "$old/bench" && go test -c -o "$tmp/old.test" .)
(cd "$new/bench" && go test -c -o "$tmp/new.test" .)
for i in $(seq "$n"); do
  for w in old new; do
    (cd "$new/bench" && "$tmp/$w.test" -test.run '^$' -test.bench 'Amazon$' -test.benchmem -test.count 1) | awk -v w=$w '/\/repute-[0-9]/{r=$3} /\/repute-into-/{n=$3} /\/govader-/{g=$3} END{if(n=="")n=0; printf "%s repute %s ns govader %s ns ratio %.2f into %s ns ratio %.2f\n", w, r, g, g/r, n, (n>0?g/n:0)}'
  done
done | tee "$tmp/out"
python3 - "$tmp/out" <<'PY'
import sys,statistics as st
rows=[l.split() for l in open(sys.argv[1])]
for w in ("old","new"):
    r=[float(x[2]) for x in rows if x[0]==w]; q=[float(x[8]) for x in rows if x[0]==w]
    print(f"{w}: repute median {st.median(r):.0f} ns/text, ratio median {st.median(q):.2f}x (min {min(q):.2f} max {max(q):.2f})")
    n=[float(x[10]) for x in rows if x[0]==w and float(x[10])>0]; m=[float(x[13]) for x in rows if x[0]==w and float(x[10])>0]
    if n:
        print(f"{w}: AnalyzeInto median {st.median(n):.0f} ns/text, ratio median {st.median(m):.2f}x (min {min(m):.2f} max {max(m):.2f})")
PY
rm -rf "$tmp"
