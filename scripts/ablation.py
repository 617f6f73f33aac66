#!/usr/bin/env python3
"""The ablation of docs/model.md §13: every bundled scenario with all mechanisms on and with each
`model.mechanisms.*` switch off in turn (same seeds, same defaults otherwise), and the case library's scores
under the same switches.

Usage: scripts/ablation.py [--brink build/brink] [--runs 500] [--score-runs 200] [--seed 1]
Prints two Markdown tables (bundled scenarios; library scores) on standard output.
"""
import argparse
import csv
import glob
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile

SWITCHES = ["extended_deterrence", "beliefs", "audience_costs", "readiness", "commitment_problem",
            "fait_accompli", "sanction_threats", "timing", "clashes", "war_process"]
SCENARIOS = ["ukraine_2022", "cuba_1962", "july_1914"]
OUTCOMES = ["war", "settlement", "capitulation", "standoff", "fait_accompli"]


def wilson(k, n, z=1.959963984540054):
    if n == 0:
        return 0.0, 0.0
    p = k / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return (0.0 if k == 0 else c - h), (1.0 if k == n else c + h)


def ensemble(brink, scenario, runs, seed, switch, scratch):
    out = os.path.join(scratch, f"{scenario}-{switch or 'all'}")
    command = [brink, "run", f"scenarios/{scenario}.yaml", "--runs", str(runs), "--seed", str(seed),
               "--quiet", "--force", "--out", out]
    if switch:
        command += ["--set", f"model.mechanisms.{switch}=false"]
    subprocess.run(command, check=True)
    with open(os.path.join(out, "runs.csv"), newline="") as f:
        rows = list(csv.DictReader(f))
    counts = {kind: sum(1 for r in rows if r["outcome"] == kind) for kind in OUTCOMES}
    war_days = [float(r["time"]) for r in rows if r["outcome"] == "war"]
    low, high = wilson(counts["war"], len(rows))
    median = statistics.median(war_days) if war_days else float("nan")
    shares = " / ".join(f"{100 * counts[k] / len(rows):.0f}" for k in OUTCOMES)
    return f"{counts['war'] / len(rows):.3f} [{low:.3f}, {high:.3f}]", f"{median:.1f}", shares


def library(brink, runs, seed, switch, scratch):
    out = os.path.join(scratch, f"score-{switch or 'all'}")
    cases = sorted(glob.glob("scenarios/cases/*.yaml")) + [f"scenarios/{s}.yaml" for s in SCENARIOS]
    command = [brink, "score", *cases, "--runs", str(runs), "--seed", str(seed), "--quiet", "--no-plot",
               "--out", out]
    if switch:
        command += ["--set", f"model.mechanisms.{switch}=false"]
    subprocess.run(command, check=True)
    with open(os.path.join(out, "score.json")) as f:
        scores = json.load(f)
    return scores["scores"]


def interval(entry):
    return f"{entry['estimate']:.3f} [{entry['lo']:.3f}, {entry['hi']:.3f}]"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--brink", default="build/brink")
    parser.add_argument("--runs", type=int, default=500)
    parser.add_argument("--score-runs", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    with tempfile.TemporaryDirectory(prefix="brink-ablation-") as scratch:
        print(f"Bundled scenarios, {args.runs} runs each, seed {args.seed}: P(war) [Wilson 95%], median day of "
              f"war, outcome shares in % ({' / '.join(OUTCOMES)}).\n")
        print("| switch off | " + " | ".join(f"{s} P(war) | median | shares" for s in SCENARIOS) + " |")
        print("|---|" + "---|---|---|" * len(SCENARIOS))
        for switch in [None] + SWITCHES:
            cells = []
            for scenario in SCENARIOS:
                cells += ensemble(args.brink, scenario, args.runs, args.seed, switch, scratch)
            print(f"| {switch or '(none: all on)'} | " + " | ".join(cells) + " |")
        print(f"\nCase library ({args.score_runs} runs per case, seed {args.seed}): mean over cases "
              "[bootstrap 95%]; lower is better.\n")
        print("| switch off | Brier | log | RPS (violence) | timing |")
        print("|---|---|---|---|---|")
        for switch in [None] + SWITCHES:
            model = library(args.brink, args.score_runs, args.seed, switch, scratch)["model"]
            print(f"| {switch or '(none: all on)'} | {interval(model['brier'])} | {interval(model['log'])} | "
                  f"{interval(model['rps'])} | {interval(model['timing'])} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
