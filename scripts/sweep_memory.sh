#!/usr/bin/env bash
# Peak memory of a large sweep of the default scenario (issue 6: a 100,000-run sweep under 200 MB).
# Runs `brink sweep` inline over the bundled scenario, 10 points (Russia's resolve 0.3..0.9) x RUNS/10
# replications, on one thread, and prints the peak resident set size of the process (its VmHWM, read by
# Python's resource.getrusage(RUSAGE_CHILDREN).ru_maxrss: no package beyond python3 is needed), the wall
# time and the rate. Memory must not grow with RUNS: compare e.g. RUNS=10000 and RUNS=100000.
#
# usage: scripts/sweep_memory.sh [BUILD_DIR] [RUNS]   (default build/, the release preset; RUNS 100000)
# Takes about RUNS / (runs per second) seconds: ~15-20 minutes for 100,000 runs on one slow core.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build}"
runs="${2:-100000}"
brink="$build/brink"   # RUNTIME_OUTPUT_DIRECTORY: the build directory itself (sim/cli/CMakeLists.txt)
[[ -x "$brink" ]] || { echo "sweep_memory.sh: no brink at $brink (cmake --preset release && cmake --build build --target brink)" >&2; exit 2; }
(( runs >= 10 && runs % 10 == 0 )) || { echo "sweep_memory.sh: RUNS must be a positive multiple of 10" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 - "$brink" "$work/out" "$runs" <<'EOF'
import resource, subprocess, sys, time
brink, out, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
command = [brink, "sweep", "--param", "actors.russia.resolve=0.3:0.9:10", "--runs", str(runs // 10),
           "--threads", "1", "--quiet", "--out", out]
start = time.monotonic()
status = subprocess.run(command).returncode
seconds = time.monotonic() - start
peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
with open(f"{out}/runs.csv") as f:
    rows = sum(1 for _ in f) - 1
print(f"sweep_memory.sh: {rows} runs (exit {status}) in {seconds:.0f} s ({rows / seconds:.0f} runs/s, 1 thread); "
      f"peak RSS {peak_kib / 1024:.1f} MiB (target < 200 MB)")
sys.exit(0 if status == 0 and rows == runs else 1)
EOF
