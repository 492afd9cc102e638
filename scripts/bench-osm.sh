#!/usr/bin/env bash
# OpenStreetMap reading speed on ../shared/geodata/osm/monaco.osm.pbf, release build,
# with osmium and a plain C readosm loop as peers on the same file in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x /opt/swift/usr/bin/swift ] && ! command -v swift >/dev/null && export PATH=/opt/swift/usr/bin:$PATH
pbf=../shared/geodata/osm/monaco.osm.pbf
if [ ! -f "$pbf" ]; then
  echo "bench-osm: $pbf is absent; the benchmark needs ../shared/geodata" >&2
  exit 1
fi
ZONEGRISE_BENCHMARK=1 swift test -c release -Xswiftc -enable-testing --filter OSMThroughputTests 2>&1 \
  | grep -E "^(Monaco|count|nodes|pass|RoadExtractor)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/count.c" <<'C'
#include <readosm.h>
#include <stdio.h>
#include <time.h>
static long n;
static int node(const void *u, const readosm_node *x) { n++; return READOSM_OK; }
static int way(const void *u, const readosm_way *x) { n++; return READOSM_OK; }
int main(int argc, char **argv) {
    double best = 1e9;
    for (int r = 0; r < 7; r++) {
        const void *h; struct timespec a, b; n = 0;
        clock_gettime(CLOCK_MONOTONIC, &a);
        if (readosm_open(argv[1], &h) != READOSM_OK || readosm_parse(h, 0, node, way, 0) != READOSM_OK) return 1;
        readosm_close(h);
        clock_gettime(CLOCK_MONOTONIC, &b);
        double s = (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9;
        if (s < best) best = s;
    }
    printf("%-52s %7.1f ms  %6.2f M objects/s\n", "peer: C readosm loop, nodes and ways", best * 1000, n / best / 1e6);
    return 0;
}
C
if cc -O2 "$work/count.c" -lreadosm -o "$work/count" 2>/dev/null; then "$work/count" "$pbf"; fi
if command -v osmium >/dev/null; then
  best=""
  for _ in 1 2 3 4 5; do
    start=$(date +%s%N); osmium cat "$pbf" -f opl -o /dev/null --overwrite; end=$(date +%s%N)
    t=$(( (end - start) / 1000 )); [ -z "$best" ] || [ "$t" -lt "$best" ] && best=$t
  done
  awk -v us="$best" 'BEGIN { printf "%-52s %7.1f ms  %6.2f M objects/s\n", "peer: osmium cat to OPL (all objects, 2 threads)", us / 1000, 207707 / us }'
fi
