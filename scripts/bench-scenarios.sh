#!/usr/bin/env bash
# Scenario and recommendation benchmark, release build, in one run, each figure beside a
# naive baseline measured in the same run (docs/RECOMMENDATION.md, "Speed"):
#  (a) Pas-de-Calais, crow-fly (examples/pas-de-calais-fs2020.yaml, France Services of
#      2020): every commune evaluated once as a candidate site (target < 0.5 s) and
#      `recommend --k 10` (target < 2 s), beside the analysis run again per candidate;
#      then `zonegrise compare` of two scenarios under GNU time (target < 2 s in all);
#  (b) a generated road network of about a million nodes (scripts/make-road-network.py):
#      5,000 origins, 20 existing sites, 1,000 candidates on the roads; the median time
#      to evaluate one candidate (target < 5 ms) and recommend k = 10 among the 1,000
#      (target < 10 s), beside the layer searched again per candidate.
# (a) is skipped with a message when ../shared/geodata is absent.
# usage: scripts/bench-scenarios.sh [--nodes N] [--seed N]
set -euo pipefail
. "$(dirname "$0")/bench-common.sh"
bench_options bench-scenarios.sh "$@"
bench_need_gnu_time
swift build -c release --product zonegrise >/dev/null
swift build -c release --product zonegrise-scenario-bench >/dev/null
bin=$(swift build -c release --show-bin-path)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "machine: $(nproc) cores; $(swift --version 2>&1 | head -1)"

manifest=examples/pas-de-calais-fs2020.yaml
if [ -d ../shared/geodata ]; then
  echo
  echo "== (a) Pas-de-Calais, crow-fly"
  "$bin/zonegrise-scenario-bench" --manifest "$manifest" --seed "$seed"
  echo
  echo "zonegrise compare, two scenarios (the 2024 network; a bus on the 2020 one):"
  /usr/bin/time -f "  wall %e s, CPU %P, max RSS %M KB   (target < 2 s)" "$bin/zonegrise" compare "$manifest" \
    examples/scenarios/pas-de-calais-fs2024.yaml examples/scenarios/pas-de-calais-bus-2020.yaml --out "$work/compare" -q
  /usr/bin/time -f "  zonegrise analyse of the same manifest, for scale: wall %e s" "$bin/zonegrise" analyse "$manifest" --out "$work/analyse" -q
else
  echo "SKIPPED (a): the Pas-de-Calais runs need ../shared/geodata (absent here)."
fi

echo
echo "== (b) a generated road network of about $nodes nodes (scripts/make-road-network.py --seed $seed)"
python3 scripts/make-road-network.py --nodes "$nodes" --seed "$seed" --out "$work/roads.osm.pbf"
"$bin/zonegrise-scenario-bench" --manifest none --osm "$work/roads.osm.pbf" --seed "$seed" | grep -v "^skipped the territory"
