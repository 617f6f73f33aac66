#!/usr/bin/env python3
"""P(war) over Russia's resolve and the US commitment to Ukraine, with Wilson 95% bands (docs/python.md).

A notebook-style script: loads the bundled default scenario, runs a grid sweep with brink.sweep and plots
P(war) against resolve, one line per commitment level, into a PNG (matplotlib, headless).

    export PYTHONPATH=$PWD/build/python
    python3 examples/notebook_sweep.py --out out/p_war.png            # 5 x 3 points, 200 runs each
"""

import argparse

import matplotlib

matplotlib.use("Agg")  # headless: no display needed
import matplotlib.pyplot as plt  # noqa: E402

import brink  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="p_war_sweep.png", help="PNG to write (default: %(default)s)")
    parser.add_argument("--runs", type=int, default=200, help="replications per point (default: %(default)s)")
    parser.add_argument("--levels", type=int, default=5, help="resolve levels in [0.5, 1] (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=2022, help="base seed (default: %(default)s)")
    args = parser.parse_args()

    scenario = brink.load()
    grid = brink.sweep(scenario, {"actors.russia.resolve": f"0.5:1:{args.levels}",
                                  "relations.commitments.usa.ukraine": [0, 0.5, 1]},
                       runs=args.runs, seed=args.seed)
    points = grid.points

    figure, axes = plt.subplots(figsize=(7, 4.5))
    for commitment, rows in points.groupby("relations.commitments.usa.ukraine"):
        resolve = rows["actors.russia.resolve"]
        line, = axes.plot(resolve, rows["p_war"], marker="o", label=f"US commitment to Ukraine {commitment:g}")
        axes.fill_between(resolve, rows["p_war_lo"], rows["p_war_hi"], color=line.get_color(), alpha=0.2)
    axes.set_xlabel("Russia's resolve")
    axes.set_ylabel("P(war) within the horizon")
    axes.set_ylim(0, 1)
    axes.set_title(f"{scenario.name}: {args.runs} runs per point, Wilson 95% bands")
    axes.legend(loc="upper left")
    axes.grid(alpha=0.3)
    figure.tight_layout()
    figure.savefig(args.out, dpi=120)
    print(f"wrote {args.out}: {len(points)} points, {len(grid.runs)} runs")


if __name__ == "__main__":
    main()
