#!/usr/bin/env bash
# Runs the same set of commands with two brink binaries and compares every output byte for byte: the check
# that a behaviour-preserving change (a refactoring, a speed-up) really preserves behaviour.
# Usage: scripts/compare_outputs.sh BRINK_A BRINK_B [EXTRA_SCENARIO.yaml ...]
#   Single runs of every bundled scenario (seeds 1-5, and two --set variants that take other code paths),
#   a 300-run ensemble of each, and each EXTRA_SCENARIO once. Exit 0 when everything is identical.
set -euo pipefail
if [[ $# -lt 2 ]]; then
    echo "usage: $0 BRINK_A BRINK_B [EXTRA_SCENARIO.yaml ...]" >&2
    exit 2
fi
brink_a=$(realpath "$1")
brink_b=$(realpath "$2")
shift 2
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/a" "$work/b"
root=$(pwd)

run_both() {
    local name=$1
    shift
    # The same relative --out for both, so that the command line recorded in summary.json is the same.
    (cd "$work/a" && "$brink_a" "$@" --quiet --out "$name" >/dev/null)
    (cd "$work/b" && "$brink_b" "$@" --quiet --out "$name" >/dev/null)
}

for scenario in scenarios/*.yaml; do
    stem=$(basename "$scenario" .yaml)
    for seed in 1 2 3 4 5; do
        run_both "$stem-$seed" run "$root/$scenario" --seed "$seed"
    done
    run_both "$stem-lambda40" run "$root/$scenario" --seed 11 --set model.rationality=40
    run_both "$stem-slow" run "$root/$scenario" --seed 12 --set model.bdm_interval=3 --set output.event_samples=false
    run_both "$stem-ensemble" run "$root/$scenario" --runs 300 --seed 7 --threads 2
done
for extra in "$@"; do
    run_both "extra-$(basename "$extra" .yaml)" run "$(realpath "$extra")" --seed 3
done
if diff -r "$work/a" "$work/b" >"$work/diff.txt"; then
    echo "compare_outputs: identical ($(find "$work/a" -type f | wc -l) files)"
else
    head -40 "$work/diff.txt"
    echo "compare_outputs: DIFFERENT" >&2
    exit 1
fi
