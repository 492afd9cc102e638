#!/usr/bin/env bash
# Cost of `analyse --sensitivite` beside a plain run (issue 10, item 4: target < 3x),
# release build, wall time of the whole command (load, classify, write), the median of
# RUNS runs each (default 3; 1 for France):
#  (a) Pas-de-Calais, crow-fly (examples/pas-de-calais.yaml);
#  (b) the demo with the osm model (geodata/demo/demo.yaml), the road graph cache warm;
#  (c) France, crow-fly (examples/france.yaml, --outputs tables).
# (a) and (c) are skipped with a message when ../shared/geodata is absent.
# usage: scripts/bench-sensitivity.sh [--runs N] [--skip-france]
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x /opt/swift/usr/bin/swift ] && ! command -v swift >/dev/null && export PATH=/opt/swift/usr/bin:$PATH
runs=3
france=1
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --skip-france) france=0; shift ;;
    *) echo "usage: scripts/bench-sensitivity.sh [--runs N] [--skip-france]" >&2; exit 2 ;;
  esac
done
swift build -c release --product zonegrise >/dev/null
bin=$(swift build -c release --show-bin-path)/zonegrise
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "machine: $(nproc) cores; $(swift --version 2>&1 | head -1)"

# Median wall seconds of $1 runs of the command that follows.
median() {
  local n=$1; shift
  local times=()
  for _ in $(seq "$n"); do
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null
    end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc -l)")
  done
  printf '%s\n' "${times[@]}" | sort -g | awk '{ a[NR] = $1 } END { printf "%.2f", a[int((NR + 1) / 2)] }'
}

# case NAME RUNS MANIFEST ARGS...: plain, then --sensitivite, and the ratio.
bench() {
  local name=$1 n=$2 manifest=$3; shift 3
  local plain sens
  plain=$(median "$n" "$bin" analyse "$manifest" --out "$work/plain" -q "$@")
  sens=$(median "$n" "$bin" analyse "$manifest" --out "$work/sens" -q --sensitivite "$@")
  local ratio
  ratio=$(echo "$sens / $plain" | bc -l)
  printf '%-34s plain %7.2f s   --sensitivite %7.2f s   ratio %.2f   (target < 3)\n' "$name" "$plain" "$sens" "$ratio"
  "$bin" analyse "$manifest" --out "$work/sens" -q --sensitivite --timings "$@" 2>&1 | grep -E "^ *(search|sensitivity|classify) " | sed 's/^/    stage /' || true
}

if [ -d ../shared/geodata ]; then
  bench "Pas-de-Calais, crow-fly" "$runs" examples/pas-de-calais.yaml --time-model crowfly
else
  echo "SKIPPED (a): Pas-de-Calais needs ../shared/geodata (absent here)."
fi
# The graph cache is shared by the runs and built once beforehand: every run reads it.
"$bin" analyse geodata/demo/demo.yaml --out "$work/warm" -q --graph-cache "$work/demo.zgcache" >/dev/null
bench "demo, osm (synthetic roads)" "$runs" geodata/demo/demo.yaml --graph-cache "$work/demo.zgcache"
if [ "$france" = 1 ] && [ -d ../shared/geodata ]; then
  bench "France, crow-fly, --outputs tables" 1 examples/france.yaml --time-model crowfly --outputs tables
elif [ "$france" = 1 ]; then
  echo "SKIPPED (c): France needs ../shared/geodata (absent here)."
fi
