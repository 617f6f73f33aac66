#!/usr/bin/env bash
# Builds the release preset's benchmark programs (bench/bench_*.cpp) and runs each Google Benchmark program
# with 5 repetitions, printing the medians and, for every BM_Engine_<X> that has a BM_Baseline_<X> twin, the
# engine/baseline ratio of items_per_second. Without a filter it then prints the 1000-run backtests
# (bench_backtests, a plain program: docs/model.md §9.2).
# Usage: scripts/bench.sh [BENCHMARK_FILTER]     e.g. scripts/bench.sh 'Throughput/1000'
set -euo pipefail
cd "$(dirname "$0")/.."
filter="${1:-.}"

# Plain programs among bench/bench_*.cpp: built, but not run with Google Benchmark's flags.
plain_programs=(bench_backtests)
targets=()
for src in bench/bench_*.cpp; do
    [[ -e "$src" ]] || continue
    name=$(basename "$src" .cpp)
    [[ " ${plain_programs[*]} " == *" $name "* ]] || targets+=("$name")
done
if [[ ${#targets[@]} -eq 0 ]]; then
    echo "bench: no bench/bench_*.cpp found" >&2
    exit 1
fi

cmake --preset release >/dev/null
cmake --build build -j2 --target "${targets[@]}" "${plain_programs[@]}"

out_dir=build/bench-results
mkdir -p "$out_dir"
for target in "${targets[@]}"; do
    echo "== $target" >&2
    "build/bench/$target" --benchmark_filter="$filter" --benchmark_repetitions=5 \
        --benchmark_report_aggregates_only=true --benchmark_out="$out_dir/$target.json" \
        --benchmark_out_format=json >/dev/null
done

python3 - "$out_dir" "${targets[@]}" <<'PY'
import json
import sys

out_dir, targets = sys.argv[1], sys.argv[2:]
rows = []
for target in targets:
    with open(f"{out_dir}/{target}.json") as f:
        data = json.load(f)
    for b in data.get("benchmarks", []):
        if b.get("aggregate_name") != "median":
            continue
        name = b.get("run_name", b["name"].rsplit("_median", 1)[0])
        rows.append((name, b["real_time"], b["cpu_time"], b.get("time_unit", "ns"), b.get("items_per_second")))

def fmt_rate(v):
    if v is None:
        return "-"
    for scale, unit in ((1e6, "M/s"), (1e3, "k/s")):
        if v >= scale:
            return f"{v / scale:10.2f} {unit}"
    return f"{v:10.1f} /s"

# items/s is Google Benchmark's rate: over CPU time, or over real time for benchmarks marked real_time (the
# sweep's runs per second); on a loaded machine real time can be far larger than CPU time.
print(f"{'benchmark (median of 5)':<36} {'real time':>15} {'CPU time':>15} {'items/s':>14}")
for name, real, cpu, unit, ips in rows:
    print(f"{name:<36} {real:12.4g} {unit:>2} {cpu:12.4g} {unit:>2} {fmt_rate(ips):>14}")

by_name = {name: ips for name, _, _, _, ips in rows}
ratios = []
for name, ips in by_name.items():
    if name.startswith("BM_Engine_"):
        twin = "BM_Baseline_" + name[len("BM_Engine_"):]
        if twin in by_name and ips and by_name[twin]:
            ratios.append((name[len("BM_Engine_"):], ips / by_name[twin]))
if ratios:
    print()
    print(f"{'engine / baseline (items/s)':<40} {'ratio':>8}")
    for name, r in ratios:
        print(f"{name:<40} {r:8.2f}")
PY
if [[ "$filter" == "." ]]; then
    echo
    echo "backtests (build/bench/bench_backtests 1000):"
    build/bench/bench_backtests 1000
fi
