#!/usr/bin/env bash
# Calibrates the crow-fly time model against INSEE's routed reference (docs/CALIBRATION.md):
# car times to the nearest general practitioner for the 1,232 communes of Pays de la
# Loire (../shared/geodata/reference). Prints the best speeds with and without the
# intra-commune term, and the errors of the tool's current defaults.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x /opt/swift/usr/bin/swift ] && ! command -v swift >/dev/null && export PATH=/opt/swift/usr/bin:$PATH
reference=../shared/geodata/reference/duree_moyenne_par_commune_D265_reg52.geojson
if [ ! -f "$reference" ]; then
  echo "calibrate-crowfly: $reference is absent; the calibration needs ../shared/geodata" >&2
  exit 1
fi
swift build -c release --product zonegrise >/dev/null
.build/release/zonegrise calibrate examples/calibration-pays-de-la-loire.yaml \
  --reference "$reference" --property duree_moyenne --typequ D201 --detour 1.3 --speeds 30:90:1 "$@"
