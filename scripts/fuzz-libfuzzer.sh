#!/usr/bin/env bash
# Coverage-guided fuzzing of one reader with libFuzzer (README, "Fuzzing"):
#   scripts/fuzz-libfuzzer.sh TARGET [libFuzzer options, e.g. -max_total_time=600]
# Builds zonegrise-fuzz with `-sanitize=fuzzer` into .build/libfuzzer (not the default
# build), then runs TARGET (`zonegrise-fuzz targets` lists them) on a working corpus
# seeded with Tests/FuzzCorpus/seeds and Tests/FuzzCorpus/TARGET; crashing inputs land
# in .build/libfuzzer/crashes/TARGET/ (copy the ones worth keeping to Tests/FuzzCorpus/TARGET/).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x /opt/swift/usr/bin/swift ] && ! command -v swift >/dev/null && export PATH=/opt/swift/usr/bin:$PATH
target=${1:?usage: scripts/fuzz-libfuzzer.sh TARGET [libFuzzer options]}
shift
swift build -c release --product zonegrise-fuzz --build-path .build/libfuzzer \
    -Xswiftc -sanitize=fuzzer -Xswiftc -D -Xswiftc ZONEGRISE_LIBFUZZER
work=.build/libfuzzer/corpus/$target crashes=.build/libfuzzer/crashes/$target
mkdir -p "$work" "$crashes"
cp Tests/FuzzCorpus/seeds/* "$work"/ 2>/dev/null || true
[ -d "Tests/FuzzCorpus/$target" ] && cp "Tests/FuzzCorpus/$target"/* "$work"/ 2>/dev/null || true
ZONEGRISE_FUZZ_TARGET=$target SWIFT_BACKTRACE=enable=no \
    .build/libfuzzer/release/zonegrise-fuzz -artifact_prefix="$crashes/" -max_len=65536 "$@" "$work"
