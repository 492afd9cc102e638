#!/usr/bin/env bash
# `zonegrise serve` benchmark, release build, in one run (docs/SERVE.md, "Speed"):
#  (a) load on loopback: 8 concurrent clients, 2,000 POST /api/evaluate (a site added at a
#      seeded commune, one request in four two sites), on the demo with `osm` and on
#      Pas-de-Calais crow-fly (examples/pas-de-calais-fs2020.yaml); p50 / p99 and errors
#      (targets: p99 < 100 ms on the demo with osm, < 50 ms crow-fly; 0 errors);
#  (b) one what-if evaluation by the server's evaluator (no HTTP) on the generated network
#      of about a million nodes (scripts/make-road-network.py) with the Pas-de-Calais
#      communes and France Services of 2020: median and p99 (target: median < 10 ms),
#      beside the full re-analysis it replaces, and `zonegrise compare` of one such
#      change under GNU time.
# The Pas-de-Calais parts are skipped with a message when ../shared/geodata is absent.
# usage: scripts/bench-serve.sh [--nodes N] [--seed N]
set -euo pipefail
. "$(dirname "$0")/bench-common.sh"
bench_options bench-serve.sh "$@"
bench_need_gnu_time
swift build -c release --product zonegrise >/dev/null
swift build -c release --product zonegrise-scenario-bench >/dev/null
bin=$(swift build -c release --show-bin-path)
work=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
echo "machine: $(nproc) cores; $(swift --version 2>&1 | head -1)"

# Starts `zonegrise serve MANIFEST --port 0` and sets $url from its first line.
serve() {
  : > "$work/url"
  "$bin/zonegrise" serve "$@" --port 0 -q > "$work/url" 2> "$work/serve.err" &
  server=$!
  for _ in $(seq 1 600); do
    if [ -s "$work/url" ]; then url=$(head -1 "$work/url"); return 0; fi
    kill -0 "$server" 2>/dev/null || break
    sleep 0.5
  done
  echo "zonegrise serve $* printed no URL:" >&2; cat "$work/serve.err" >&2; exit 1
}
stop() { kill "$server"; wait "$server" 2>/dev/null || true; server=""; }

echo
echo "== (a) load: 8 clients, 2,000 what-ifs"
serve geodata/demo/demo.yaml
echo "demo (osm):                 $("$bin/zonegrise-scenario-bench" --serve-load "$url" --seed "$seed" | tail -1)   (target p99 < 100 ms)"
stop
manifest=examples/pas-de-calais-fs2020.yaml
if [ -d ../shared/geodata ]; then
  serve "$manifest"
  echo "Pas-de-Calais (crow-fly):   $("$bin/zonegrise-scenario-bench" --serve-load "$url" --seed "$seed" | tail -1)   (target p99 < 50 ms)"
  stop
else
  echo "SKIPPED: Pas-de-Calais crow-fly needs ../shared/geodata (absent here)."
fi

echo
echo "== (b) one what-if on a generated road network of about $nodes nodes (scripts/make-road-network.py --seed $seed)"
if [ -d ../shared/geodata ]; then
  python3 scripts/make-road-network.py --nodes "$nodes" --seed "$seed" --out "$work/roads.osm.pbf"
  "$bin/zonegrise-scenario-bench" --manifest "$manifest" --what-if-osm "$work/roads.osm.pbf" --seed "$seed" --evaluations 200
  cat > "$work/one-site.yaml" <<YAML
version: 1
name: un_site
base: $(pwd)/$manifest
layers:
  france_services:
    add:
      - commune: "62041"
YAML
  "$bin/zonegrise" compare "$manifest" "$work/one-site.yaml" --time-model osm --osm "$work/roads.osm.pbf" --graph-cache "$work/graph.zgcache" --out "$work/c0" -q
  /usr/bin/time -f "zonegrise compare of one added site (graph cache warm): wall %e s, max RSS %M KB" "$bin/zonegrise" compare "$manifest" "$work/one-site.yaml" \
    --time-model osm --osm "$work/roads.osm.pbf" --graph-cache "$work/graph.zgcache" --out "$work/c1" -q
else
  echo "SKIPPED (b): the Pas-de-Calais communes need ../shared/geodata (absent here)."
fi
