#!/usr/bin/env bash
# Installs the Debian 12 packages brink needs, only those missing. A no-op when all are present.
# Usage: scripts/setup.sh [fuzz] [mpi] [browser] [format] [--with-extras]
#   fuzz: clang and its sanitizer runtime (scripts/fuzz.sh); mpi: Open MPI (the BRINK_MPI build);
#   browser: Chromium (scripts/screenshot_report.sh); format: clang-format (scripts/check_format.sh);
#   --with-extras: all four.
set -euo pipefail

packages=(
    build-essential cmake pkg-config      # compiler and build system
    libeigen3-dev                         # linear algebra in the engine and model (matrix exponential)
    libboost-program-options-dev          # command line
    libboost-iostreams-dev libboost-filesystem-dev  # needed by Debian's gnuplot-iostream header
    libyaml-cpp-dev                       # scenario files
    nlohmann-json3-dev                    # summary.json and the JSON Schema check
    libnlopt-dev                          # brink calibrate: derivative-free local refinement (NLopt)
    libgtest-dev libgmock-dev             # tests
    libbenchmark-dev                      # benchmarks
    gnuplot-nox libgnuplot-iostream-dev   # charts (pngcairo, svg, pdfcairo terminals)
    python3 python3-jsonschema python3-yaml  # test: scenarios/schema.json agrees with the loader
    pybind11-dev python3-dev python3-pandas python3-pytest  # the Python module (import brink) and its tests
    python3-matplotlib                    # examples/notebook_sweep.py (a chart from Python), tested
    python3-nbformat                      # examples/notebook_sweep.ipynb (its test reads and runs the notebook)
)
for extra in "$@"; do
    case "$extra" in
        fuzz) packages+=(clang libclang-rt-14-dev) ;;
        mpi) packages+=(openmpi-bin libopenmpi-dev) ;;
        browser) packages+=(chromium) ;;
        format) packages+=(clang-format) ;;
        --with-extras) packages+=(clang libclang-rt-14-dev openmpi-bin libopenmpi-dev chromium clang-format) ;;
        *) echo "setup: unknown extra '$extra' (expected fuzz, mpi, browser, format or --with-extras)" >&2; exit 2 ;;
    esac
done

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
    echo "setup: all ${#packages[@]} packages present"
    exit 0
fi

echo "setup: installing ${missing[*]}"
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1; then
        sudo_cmd=(sudo)
    else
        echo "setup: error: not root and no sudo; install these packages as root: apt-get install ${missing[*]}" >&2
        exit 1
    fi
fi
export DEBIAN_FRONTEND=noninteractive
if ! { "${sudo_cmd[@]}" apt-get update -qq && "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"; }; then
    echo "setup: error: apt-get could not install: ${missing[*]}" >&2
    echo "setup: check the network and the apt sources (this needs Debian 12 'bookworm' packages)" >&2
    exit 1
fi
echo "setup: done"
