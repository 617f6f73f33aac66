#!/usr/bin/env python3
"""Drive a brink sweep from Python (standard library only) and read its results.

Runs scenarios/sweeps/resolve_commitment.yaml (Russia's resolve x a US commitment to Ukraine), then prints
P(war) as a table over the two parameters, for each commitment level how P(war) changes with resolve, and
from runs.csv who started the wars against whom.

Usage: scripts/sweep_example.py [--brink build/brink] [--out out/resolve_commitment] [--threads N]
"""
import argparse
import collections
import csv
import json
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
RESOLVE = "actors.russia.resolve"
COMMITMENT = "relations.commitments.usa.ukraine"


def run_sweep(brink, sweep_file, out, threads):
    command = [str(brink), "sweep", str(sweep_file), "--out", str(out), "--quiet"]
    if threads:
        command += ["--threads", str(threads)]
    result = subprocess.run(command, stderr=subprocess.PIPE, text=True)
    if result.returncode == 2:
        sys.exit("bad input:\n" + result.stderr)
    if result.returncode != 0:
        sys.exit(f"brink sweep failed ({result.returncode}):\n{result.stderr}")


def read_points(out):
    with open(out / "points.csv", newline="") as handle:
        return list(csv.DictReader(handle))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--brink", default=ROOT / "build" / "brink", type=pathlib.Path)
    parser.add_argument("--sweep", default=ROOT / "scenarios" / "sweeps" / "resolve_commitment.yaml", type=pathlib.Path)
    parser.add_argument("--out", default=ROOT / "out" / "resolve_commitment", type=pathlib.Path)
    parser.add_argument("--threads", type=int, default=0)
    args = parser.parse_args()
    if not args.brink.exists():
        sys.exit(f"{args.brink} not found: build brink first (cmake --preset release && cmake --build build)")

    run_sweep(args.brink, args.sweep, args.out, args.threads)
    meta = json.loads((args.out / "sweep.json").read_text())
    points = read_points(args.out)
    print(f"{meta['name']}: {meta['points']} points x {meta['replications']} replications = {meta['runs']} runs, "
          f"{meta.get('runs_failed', 0)} failed")

    resolves = sorted({float(p[RESOLVE]) for p in points})
    commitments = sorted({float(p[COMMITMENT]) for p in points})
    p_war = {(float(p[RESOLVE]), float(p[COMMITMENT])): p for p in points}
    print("\nP(war) [rows: Russia's resolve, columns: US commitment to Ukraine]")
    print("resolve  " + "".join(f"{c:>8.2f}" for c in commitments))
    for r in resolves:
        cells = []
        for c in commitments:
            value = p_war[(r, c)]["p_war"]
            cells.append(f"{float(value):>8.3f}" if value else f"{'-':>8}")
        print(f"{r:<8.2f} " + "".join(cells))

    print("\nP(war) with its Wilson 95% interval, by commitment:")
    for c in commitments:
        row = [p_war[(r, c)] for r in resolves]
        low, high = row[0], row[-1]
        print(f"  commitment {c:.2f}: resolve {resolves[0]:.2f} -> {float(low['p_war'] or 0):.3f} "
              f"[{float(low['p_war_lo'] or 0):.3f}, {float(low['p_war_hi'] or 0):.3f}], "
              f"resolve {resolves[-1]:.2f} -> {float(high['p_war'] or 0):.3f} "
              f"[{float(high['p_war_lo'] or 0):.3f}, {float(high['p_war_hi'] or 0):.3f}]")

    # runs.csv has one row per run: who started each war, and against whom.
    with open(args.out / "runs.csv", newline="") as f:
        wars = collections.Counter((row["initiator"], row["target"]) for row in csv.DictReader(f)
                                   if row["outcome"] == "war")
    print("\nwars by initiator and target (all points):")
    for (initiator, target), count in wars.most_common():
        print(f"  {count:>5} x {initiator} against {target}")
    print(f"\nfiles: {args.out}/")


if __name__ == "__main__":
    main()
