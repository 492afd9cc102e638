#!/usr/bin/env bash
# The test command: the whole suite (unit, oracle, golden, end-to-end, and the
# real-data tests on ../shared/geodata when that folder exists).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x /opt/swift/usr/bin/swift ] && ! command -v swift >/dev/null && export PATH=/opt/swift/usr/bin:$PATH
# The end-to-end tests run the built binary; the fuzzing tests run the harness
# (README, "Fuzzing").
swift build --product zonegrise
swift build --product zonegrise-fuzz
swift test "$@"
