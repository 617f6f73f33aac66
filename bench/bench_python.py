#!/usr/bin/env python3
"""The Python package's costs against the command's (issue 17's performance targets), on the release build.

    cmake --preset release && cmake --build build -j2 --target brink brink_python
    PYTHONPATH=build/python python3 bench/bench_python.py [--runs 10000] [--rounds 3]

Prints medians of alternating rounds (so that a change in the machine's load hits both sides alike):
1. an ensemble of --runs replications of the default scenario: brink.ensemble against
   `build/brink run --runs N` (same seed, same threads), wall time;
2. one run of the default scenario: the library call (_brink.run: model::run_crisis on a copy of the spec)
   against brink.run (the package's overhead on top), then with the files' texts (the io writers, made on
   first use) and with its three DataFrames;
3. the runs table of a 100,000-run ensemble (--table-rows) made into a DataFrame: from the columns the
   ensemble kept as its runs finished (what Ensemble.runs does), against reading the same table from runs.csv's
   text (every column; the default keep's) and pandas.read_csv of that text (medians of 9 alternating rounds).
"""

import argparse
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time

import pandas

import brink
from brink import _brink
from brink._results import _kept_columns, frame, runs_frame


def median_seconds(function, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def ensembles(executable, runs, rounds, threads):
    scenario = brink.load()
    python_times, cli_times = [], []
    with tempfile.TemporaryDirectory() as folder:
        for round_index in range(rounds):
            start = time.perf_counter()
            brink.ensemble(scenario, runs, seed=1, threads=threads)
            python_times.append(time.perf_counter() - start)
            out = os.path.join(folder, f"cli{round_index}")
            start = time.perf_counter()
            subprocess.run([executable, "run", "--runs", str(runs), "--seed", "1", "--threads", str(threads),
                            "--quiet", "--out", out], check=True)
            cli_times.append(time.perf_counter() - start)
    python_time, cli_time = statistics.median(python_times), statistics.median(cli_times)
    print(f"ensemble of {runs} runs ({threads} threads): brink.ensemble {python_time:.3f} s, "
          f"brink run --runs {cli_time:.3f} s, ratio {python_time / cli_time:.3f}")


def single_run(repeat):
    scenario = brink.load()
    library_times, package_times = [], []
    for seed in range(repeat):  # alternating, so that the machine's load hits both alike
        start = time.perf_counter()
        _brink.run(scenario._spec, seed, "bench")
        library_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        brink.run(scenario, seed=seed)
        package_times.append(time.perf_counter() - start)
    library, package = statistics.median(library_times), statistics.median(package_times)
    copy = median_seconds(scenario._spec.copy, repeat)

    def texts():
        return brink.run(scenario, seed=1).texts

    def frames():
        result = brink.run(scenario, seed=1)
        return result.trajectory, result.events, result.dyads

    rounds = max(repeat // 10, 5)
    with_texts, with_frames = median_seconds(texts, rounds), median_seconds(frames, rounds)
    print(f"one run: the library call {library * 1e3:.3f} ms (model::run_crisis on a copy of the spec; the "
          f"copy alone {copy * 1e3:.3f} ms), brink.run {package * 1e3:.3f} ms "
          f"(overhead {(package - library) / library:+.1%}); with the five files' texts "
          f"{with_texts * 1e3:.2f} ms, with its three DataFrames {with_frames * 1e3:.2f} ms")


def runs_table(rows, threads):
    many = brink.ensemble(brink.load(), rows, seed=1, threads=threads, keep="all")
    text = many.texts["runs"]
    columns = text.split("\n", 1)[0].split(",")
    kept = _kept_columns(columns, ("outcome",))
    measures = {"columns": lambda: runs_frame(many._table),
                "every": lambda: frame(text, "runs", many.summary),
                "default": lambda: frame(text, "runs", many.summary, kept),
                "plain": lambda: pandas.read_csv(io.StringIO(text))}
    times = {name: [] for name in measures}
    for _ in range(9):  # alternating, so that the machine's load hits each alike
        for name, function in measures.items():
            start = time.perf_counter()
            function()
            times[name].append(time.perf_counter() - start)
    median = {name: statistics.median(values) for name, values in times.items()}
    print(f"runs table of {rows} rows ({len(columns)} columns, {len(text) / 1e6:.0f} MB as text) to a DataFrame: "
          f"from the columns brink.ensemble keeps (what .runs does) {median['columns']:.3f} s; from the text: "
          f"every column {median['every']:.3f} s, the {len(kept)} columns of the default keep "
          f"{median['default']:.3f} s, pandas.read_csv without dtypes {median['plain']:.3f} s")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--table-rows", type=int, default=100_000, help="rows of the runs table (an ensemble)")
    parser.add_argument("--brink", default=os.path.join(os.path.dirname(__file__), "..", "build", "brink"))
    args = parser.parse_args()
    if not os.path.exists(args.brink):
        sys.exit(f"bench_python: no {args.brink}; build the release preset's brink first")
    ensembles(args.brink, args.runs, args.rounds, args.threads)
    single_run(200)
    runs_table(args.table_rows, args.threads)


if __name__ == "__main__":
    main()
