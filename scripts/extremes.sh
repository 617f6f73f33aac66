#!/usr/bin/env bash
# Full-size extreme scenarios (issue 7, numerical guards), too slow for unit tests in Debug. Every case has
# capabilities from 1e-9 to 1e9, resolve, risk and costs over their whole ranges, actors in blocs of ten (each
# bloc hostile to the next, one demand per bloc):
#   1. 500 actors for a year, a new demand every week (trajectory at the daily samples only:
#      output.event_samples false);
#   2. 20 actors for ten years (3650 days): neutral blocs without demands, so the run lasts the ten years;
#   3. 20 actors taking 100 decisions a day each, for 30 days.
# (All three at once, 500 actors deciding 100 times a day for ten years, is some 10^8 decisions: hours.)
# tests/system/test_extremes.cpp runs smaller versions of each in the system tests.
#
# usage: scripts/extremes.sh [BUILD_DIR]   (default build/, the release preset)
# Checks per case: exit code 0; every numeric CSV field a finite number (or empty where docs/outputs.md allows
# it); summary.json parses and holds no non-finite number. Prints each case's wall time.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build}"
brink="$build/brink"   # RUNTIME_OUTPUT_DIRECTORY: the build directory itself (sim/cli/CMakeLists.txt)
[[ -x "$brink" ]] || { echo "extremes.sh: no brink at $brink (cmake --preset release && cmake --build build --target brink)" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

run_case() {
    local name=$1 n=$2 horizon=$3 rate=$4 samples=$5 demands=$6 rivalry=$7
    python3 - "$work/$name.yaml" "$n" "$horizon" "$rate" "$samples" "$demands" "$rivalry" <<'EOF'
import sys
n, horizon, rate, samples, demands, rivalry = (int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5],
                                              sys.argv[6], float(sys.argv[7]))
issues = ["border", "trade", "bases"]
out = ["metadata:", f"  name: \"{n} actors, {horizon} days\"", "  start_date: 2030-01-01", f"  horizon: {horizon}",
       "issues:"]
out += [f"  {i}: {{name: {i}}}" for i in issues]
out.append("actors:")
for i in range(n):
    side = 0.1 if (i // 10) % 2 == 0 else 0.9
    out += [f"  a{i}:",
            f"    capability: {10 ** (-9 + 18 * (i % 13) / 12):.6g}",
            f"    resolve: {(i % 11) / 10}",
            f"    risk_attitude: {(i % 5) / 2 - 1}",
            f"    cost_of_war: {(i % 7) / 6:.6g}",
            f"    decision_rate: {rate if rate != 'default' else 0.2 + (i % 4) / 4}",
            f"    initial_rung: {i % 4}",
            "    positions:"]
    out += [f"      {issue}: {{position: {side}, salience: {0.3 + 0.2 * k:.1f}}}" for k, issue in enumerate(issues)]
blocs = n // 10
out += ["relations:", "  alliances:"]
for b in range(blocs):
    members = ", ".join(f"a{b * 10 + m}" for m in range(10))
    out += [f"    bloc{b}: {{members: [{members}], commitment: 0.5}}"]
out.append("  affinities:")
out += [f"    - {{a: a{b * 10}, b: a{(b + 1) * 10}, value: {rivalry}}}" for b in range(blocs - 1)]
out.append("demands: {}" if demands == "no" else "demands:")
for b in range(0 if demands == "no" else blocs - 1):
    out += [f"  demand{b}:", f"    challenger: a{b * 10}", f"    targets: [a{(b + 1) * 10}]",
            f"    issue: {issues[b % 3]}", f"    value: {0.1 if b % 2 == 0 else 0.9}"]
    if demands == "staggered":  # one new demand a week, so the crisis lasts the year
        out += [f"    made: {min(7 * b, horizon - 30)}"]
out += ["output:", f"  event_samples: {samples}"]
open(sys.argv[1], "w").write("\n".join(out) + "\n")
EOF
    "$brink" validate "$work/$name.yaml" > /dev/null
    local start end
    start=$(date +%s.%N)
    "$brink" run "$work/$name.yaml" --quiet --out "$work/$name"
    end=$(date +%s.%N)
    python3 - "$work/$name" <<'EOF'
import csv, json, math, sys, os
d = sys.argv[1]
numeric = {"trajectory.csv": ({"time", "value"}, set()),
           "events.csv": ({"time", "seq", "goldstein", "key"}, {"value"}),
           "dyads.csv": ({"day", "goldstein_sum", "events"}, set())}
bad = 0
for name, (required, optional) in numeric.items():
    with open(os.path.join(d, name), newline="") as f:
        rows = 0
        for row in csv.DictReader(f):
            rows += 1
            for column, value in row.items():
                if column in required or (column in optional and value != ""):
                    try:
                        ok = math.isfinite(float(value))
                    except ValueError:
                        ok = False
                    if not ok:
                        bad += 1
                        if bad <= 5:
                            print(f"{name}: {column} = {value!r} is not a finite number", file=sys.stderr)
        print(f"{name}: {rows} rows")
def walk(node):
    if isinstance(node, float):
        return 0 if math.isfinite(node) else 1
    if isinstance(node, dict):
        return sum(walk(v) for v in node.values())
    if isinstance(node, list):
        return sum(walk(v) for v in node)
    return 0
summary = json.load(open(os.path.join(d, "summary.json")))
bad += walk(summary)
print(f"outcome: {summary['outcome']['kind']} at day {summary['outcome']['time']}, {summary['engine_events']} engine events")
sys.exit(1 if bad else 0)
EOF
    echo "extremes.sh: $name: ok in $(python3 -c "print(f'{$end - $start:.1f}')") s"
}

run_case actors500_year 500 365 default false staggered -0.7
# Neutral blocs without demands: nothing to settle and no one to fight, so the run lasts the ten years.
run_case actors20_ten_years 20 3650 default false no 0
run_case decisions100_per_day 20 30 100 true yes -0.7
