#!/usr/bin/env bash
# Quick start, command 1: install what is missing, build build/brink, run the default scenario with charts.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release --target brink
# The Python package (README, "From Python"), when the configure step found pybind11 and the Python headers.
targets=$(cmake --build --preset release --target help)
if [[ $targets == *brink_python* ]]; then
    cmake --build --preset release --target brink_python
fi
./build/brink run --plot --out out/ukraine_2022
