#!/usr/bin/env bash
# OpenStreetMap benchmark, in one run, release build, peers measured in the same run:
#  (a) PBF read throughput on ../shared/geodata/osm/monaco.osm.pbf (when present) and on a
#      generated road network of about a million nodes (scripts/make-road-network.py):
#      ours (RoadExtractor's passes, zonegrise-osm-bench) beside a C readosm loop and osmium;
#  (b) the graph build from that PBF (extract + CSR + largest strongly connected component),
#      split into what readosm alone costs for the same passes and what our code adds, and
#      the graph cache written and read back into the graph;
#  (c) one multi-source pass on the built graph, 2,000 random sources, and scipy's
#      dijkstra(min_only=True) on the same graph and sources (zonegrise-routing-bench --edges).
# usage: scripts/bench-osm.sh [--nodes N] [--seed N]      (docs/ROAD-NETWORK.md, "Speed")
set -euo pipefail
. "$(dirname "$0")/bench-common.sh"
bench_options bench-osm.sh "$@"
monaco=../shared/geodata/osm/monaco.osm.pbf

swift build -c release --product zonegrise-osm-bench >/dev/null
swift build -c release --product zonegrise-routing-bench >/dev/null
bin=$(swift build -c release --show-bin-path)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Peer 1: a plain C loop over readosm (nodes and ways counted, nothing else), best of N.
cat > "$work/count.c" <<'C'
#include <readosm.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
static long n;
static int node(const void *u, const readosm_node *x) { n++; return READOSM_OK; }
static int way(const void *u, const readosm_way *x) { n++; return READOSM_OK; }
int main(int argc, char **argv) {
    int repeats = argc > 2 ? atoi(argv[2]) : 7;
    double best = 1e9;
    for (int r = 0; r < repeats; r++) {
        const void *h; struct timespec a, b; n = 0;
        clock_gettime(CLOCK_MONOTONIC, &a);
        if (readosm_open(argv[1], &h) != READOSM_OK || readosm_parse(h, 0, node, way, 0) != READOSM_OK) return 1;
        readosm_close(h);
        clock_gettime(CLOCK_MONOTONIC, &b);
        double s = (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9;
        if (s < best) best = s;
    }
    printf("%-56s%8.1f ms  %6.2f M objects/s\n", "peer: C loop over readosm, nodes and ways", best * 1000, n / best / 1e6);
    return 0;
}
C
have_c=0
if cc -O2 "$work/count.c" -lreadosm -o "$work/count" 2>/dev/null; then have_c=1; fi

# Peers on FILE, best of REPEATS: the C loop, then osmium cat to OPL (all objects).
peers() {
  local file=$1 repeats=$2
  if [ "$have_c" = 1 ]; then "$work/count" "$file" "$repeats"; else echo "peer: C readosm loop skipped (no C compiler or libreadosm-dev)"; fi
  if command -v osmium >/dev/null; then
    local best="" start end t objects
    for _ in $(seq "$repeats"); do
      start=$(date +%s%N); osmium cat "$file" -f opl -o /dev/null --overwrite; end=$(date +%s%N)
      t=$(( (end - start) / 1000 )); if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t; fi
    done
    objects=$(( $(osmium fileinfo -e -g data.count.nodes "$file") + $(osmium fileinfo -e -g data.count.ways "$file")
                + $(osmium fileinfo -e -g data.count.relations "$file") ))
    awk -v us="$best" -v n="$objects" 'BEGIN { printf "%-56s%8.1f ms  %6.2f M objects/s\n", "peer: osmium cat to OPL (all objects, 2 threads)", us / 1000, n / us }'
  else
    echo "peer: osmium skipped (osmium-tool not installed)"
  fi
}

echo "== (a) Monaco: $monaco"
if [ -f "$monaco" ]; then
  "$bin/zonegrise-osm-bench" "$monaco" --repeats 7 | tee "$work/monaco.txt"
  peers "$monaco" 7
else
  echo "skipped: the file is absent (it comes with ../shared/geodata)"
fi

echo
echo "== (a, b) a generated road network of about $nodes nodes (scripts/make-road-network.py --seed $seed)"
python3 scripts/make-road-network.py --nodes "$nodes" --seed "$seed" --out "$work/roads.osm.pbf"
"$bin/zonegrise-osm-bench" "$work/roads.osm.pbf" --repeats 3 --edges "$work/edges.csv" --cache "$work/roads.zgcache" | tee "$work/generated.txt"
peers "$work/roads.osm.pbf" 3

echo
echo "== (c) one multi-source pass on that graph, 2,000 random sources, and scipy on the same graph and sources"
peer=()
if ! python3 -c "import numpy, scipy" 2>/dev/null; then
  echo "(python3 with numpy and scipy not found: scipy peer skipped)"
  peer=(--no-peer)
fi
"$bin/zonegrise-routing-bench" --edges "$work/edges.csv" --sources 2000 --folder "$work/peer" "${peer[@]}" | tee "$work/routing.txt"

echo
echo "== summary"
grep -h "RoadExtractor.extract (both" "$work/monaco.txt" 2>/dev/null | sed 's/^/Monaco, ours: /' || true
grep -h "RoadExtractor.extract (both" "$work/generated.txt" | sed 's/^/generated, ours: /'
grep -h -A7 "^graph build" "$work/generated.txt" | grep -E "total|reading|our code|limited" | sed 's/^ */build: /'
grep -h -A4 "^graph cache" "$work/generated.txt" | grep -E "write|mapped" | sed 's/^ */cache: /'
grep -h -E "^bucket|^ratio|^targets" "$work/routing.txt" | sed 's/^/routing: /'
