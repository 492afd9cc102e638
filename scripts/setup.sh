#!/usr/bin/env bash
# One command on a fresh machine: install the system packages, build zonegrise in
# release mode, and analyse the synthetic demo territory of geodata/demo/.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x /opt/swift/usr/bin/swift ] && ! command -v swift >/dev/null && export PATH=/opt/swift/usr/bin:$PATH
scripts/install-deps.sh
swift build -c release --product zonegrise
out=${1:-out/demo}
.build/release/zonegrise analyse geodata/demo/demo.yaml --out "$out"
echo
echo "Demo analysis done. Open $out/rapport.html in a browser (the report, with maps; also $out/cartes/*.svg),"
echo "$out/resultats.gpkg in QGIS; tables are in $out/zones_grises.csv and $out/secteurs.csv; $out/LISEZMOI.txt lists every file."
echo "What-if in the browser: .build/release/zonegrise serve geodata/demo/demo.yaml, then open http://127.0.0.1:8080/ (docs/SERVE.md)."
