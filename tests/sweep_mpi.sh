#!/usr/bin/env bash
# MPI determinism check (BRINK_MPI builds): the same sweep run by one process with two threads and by
# `mpirun -np N` (one thread per rank) must give byte-identical runs.csv, points.csv, sobol.csv and sweep.json;
# the same for a small calibration's files (brink calibrate --mpi).
#
# Usage: tests/sweep_mpi.sh BUILD_DIR [NP]     (BUILD_DIR configured with -DBRINK_MPI=ON; NP default 2)
# CI:    cmake -S . -B build-mpi -DBRINK_MPI=ON -DCMAKE_BUILD_TYPE=Release && cmake --build build-mpi -j2 --target brink
#        tests/sweep_mpi.sh build-mpi 2
# Runs mpirun with --allow-run-as-root --oversubscribe (CI containers run as root on few cores).
set -euo pipefail
build_dir=${1:?usage: tests/sweep_mpi.sh BUILD_DIR [NP]}
np=${2:-2}
here=$(cd "$(dirname "$0")/.." && pwd)
brink="$build_dir/brink"
[[ -x "$brink" ]] || brink="$build_dir/sim/cli/brink"
[[ -x "$brink" ]] || { echo "sweep_mpi: no brink executable in $build_dir" >&2; exit 1; }
command -v mpirun >/dev/null || { echo "sweep_mpi: mpirun not found (apt-get install openmpi-bin libopenmpi-dev)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A small Sobol study over the default scenario: 16 x (2 + 2) points x 4 replications = 256 runs.
cat > "$work/sweep.yaml" <<YAML
name: mpi_check
scenario: $here/scenarios/ukraine_2022.yaml
design: sobol
samples: 16
replications: 4
seed: 7
bootstrap: 100
parameters:
  - {path: actors.russia.resolve, range: [0.5, 1.0]}
  - {path: relations.commitments.usa.ukraine, range: [0.0, 1.0]}
YAML

"$brink" sweep "$work/sweep.yaml" --threads 2 --quiet --out "$work/single"
mpirun --allow-run-as-root --oversubscribe -np "$np" "$brink" sweep "$work/sweep.yaml" --mpi --threads 1 --quiet \
    --out "$work/mpi"
status=0
# compare LABEL SINGLE_DIR MPI_DIR FILE...: each file byte-identical, else status 1 and the first lines' diff.
compare() {
    local label=$1 single=$2 mpi=$3
    shift 3
    for file in "$@"; do
        if cmp -s "$single/$file" "$mpi/$file"; then
            echo "sweep_mpi: $label$file identical (1 process, 2 threads vs mpirun -np $np)"
        else
            echo "sweep_mpi: $label$file DIFFERS (1 process, 2 threads vs mpirun -np $np)" >&2
            diff <(head -5 "$single/$file") <(head -5 "$mpi/$file") >&2 || true
            status=1
        fi
    done
}
compare "" "$work/single" "$work/mpi" runs.csv points.csv sobol.csv sweep.json

# brink calibrate under mpirun: rank r runs the design points ≡ r (mod N), rank 0 gathers their rows and
# finishes (defaults, folds, refinement); every file must be the bytes of a single-process calibration.
cat > "$work/calibration.yaml" <<YAML
cases:
  - $here/scenarios/cases/chanak_1922.yaml
  - $here/scenarios/cases/football_war_1969.yaml
  - $here/scenarios/cuba_1962.yaml
parameters: {model.rationality: [2, 20], model.war.fog: [0, 1]}
design: {method: sobol, points: 6}
runs: 8
folds: 2
seed: 5
bootstrap: 100
refine: {evaluations: 4}
YAML
"$brink" calibrate "$work/calibration.yaml" --threads 2 --quiet --no-plot --out "$work/cal-single"
mpirun --allow-run-as-root --oversubscribe -np "$np" "$brink" calibrate "$work/calibration.yaml" --mpi --threads 1 \
    --quiet --no-plot --out "$work/cal-mpi"
compare "calibrate " "$work/cal-single" "$work/cal-mpi" calibration.csv best.yaml cv.csv summary.json \
    refinement.csv cv/score.csv cv/score.json
exit $status
