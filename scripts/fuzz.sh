#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan + libFuzzer) and fuzzes each for SECONDS (default 60):
# the scenario loader, --set parsing, the sweep file reader and the calibration file reader.
# Findings (crash-*, leak-*, timeout-*) land in build-fuzz/findings/; keep each as a regression file under
# tests/scenarios/bad/ or tests/fuzz/regressions/.
# Usage: scripts/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
if ! command -v clang++ >/dev/null 2>&1; then
    echo "fuzz: clang++ not found; run scripts/setup.sh fuzz" >&2
    exit 1
fi
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBRINK_SANITIZE=ON \
    -DBRINK_FUZZ=ON -DBRINK_BUILD_TESTS=OFF -DBRINK_BUILD_BENCH=OFF >/dev/null
cmake --build build-fuzz -j2 --target fuzz_scenario_loader fuzz_set_override fuzz_sweep_file fuzz_calibration_file
mkdir -p build-fuzz/findings build-fuzz/corpus/loader build-fuzz/corpus/set_override build-fuzz/corpus/sweep_file \
    build-fuzz/corpus/calibration_file
# Seed the loader corpus from the scenario library and the bad-file corpus.
cp scenarios/*.yaml build-fuzz/corpus/loader/ 2>/dev/null || true
cp tests/scenarios/bad/*.yaml build-fuzz/corpus/loader/ 2>/dev/null || true
cp tests/fuzz/regressions/*.yaml build-fuzz/corpus/loader/ 2>/dev/null || true
cp tests/fuzz/corpus/set_override/* build-fuzz/corpus/set_override/
cp scenarios/sweeps/*.yaml tests/fuzz/corpus/sweep_file/* build-fuzz/corpus/sweep_file/
cp scenarios/calibration/*.yaml build-fuzz/corpus/calibration_file/
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
status=0
build-fuzz/tests/fuzz/fuzz_scenario_loader build-fuzz/corpus/loader -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -max_len=65536 -artifact_prefix=build-fuzz/findings/loader- -print_final_stats=1 || status=1
build-fuzz/tests/fuzz/fuzz_set_override build-fuzz/corpus/set_override -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -max_len=512 -artifact_prefix=build-fuzz/findings/set- -print_final_stats=1 || status=1
build-fuzz/tests/fuzz/fuzz_sweep_file build-fuzz/corpus/sweep_file -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -max_len=8192 -artifact_prefix=build-fuzz/findings/sweep- -print_final_stats=1 || status=1
build-fuzz/tests/fuzz/fuzz_calibration_file build-fuzz/corpus/calibration_file -max_total_time="$seconds" \
    -timeout=10 -rss_limit_mb=2048 -max_len=8192 -artifact_prefix=build-fuzz/findings/calibration- \
    -print_final_stats=1 || status=1
exit $status
