"""Sweeps: brink.sweep and brink.Sweep (docs/python.md).

A sweep is run as `brink sweep FILE` runs one: the scenario is written with the io dump into a temporary
folder beside a sweep file made of the arguments, the sweep ring loads that file (its diagnostics, its
checks of every path at the ends of its range) and runs it, and the package reads runs.csv, points.csv,
sobol.csv and sweep.json back with pandas.
"""

import json
import os
import pathlib
import tempfile
from functools import cached_property

import yaml

from . import _brink
from ._results import frame
from ._scenario import DICT_NAME, TEXT_NAME, ScenarioError, as_scenario

_DESIGNS = {"grid": "grid", "lhs": "lhs", "latin_hypercube": "lhs", "mc": "monte_carlo",
            "monte_carlo": "monte_carlo", "sobol": "sobol", "saltelli": "sobol"}
_SWEEP_NAME = "<sweep>"


def _number(path, value):
    if isinstance(value, bool) or not isinstance(value, (int, float)) and not hasattr(value, "__float__"):
        raise ValueError(f"{path}: only numeric values can be swept so far, got {value!r}")
    return float(value) if not isinstance(value, int) else int(value)


def _parameter(path, values, design):
    """One entry of the sweep file's `parameters`."""
    if design == "grid":
        if isinstance(values, str):  # "lo:hi:n", as in a sweep file
            return {"path": path, "values": values}
        if isinstance(values, (int, float)):
            values = [values]
        return {"path": path, "values": [_number(path, v) for v in values]}
    if isinstance(values, str) or len(values) != 2:
        raise ValueError(f"{path}: a {design} design needs a (low, high) range, got {values!r}")
    low, high = (_number(path, v) for v in values)
    return {"path": path, "low": low, "high": high}


class Sweep:
    """A sweep's results: `.runs` (runs.csv), `.points` (points.csv: one row per point with P(war) and its
    Wilson interval), `.sobol` (sobol.csv, Sobol designs; else None), `.summary` (sweep.json as a dict),
    `.complete` and `.texts` (the files' texts as `brink sweep` writes them)."""

    def __init__(self, texts, complete):
        self.texts = texts
        self.complete = complete

    @cached_property
    def summary(self):
        return json.loads(self.texts["sweep"])

    @cached_property
    def runs(self):
        return frame(self.texts["runs"], "sweep_runs")

    @cached_property
    def points(self):
        return frame(self.texts["points"], "points")

    @cached_property
    def sobol(self):
        return frame(self.texts["sobol"], "sobol") if "sobol" in self.texts else None

    def __repr__(self):
        return f"<brink.Sweep {self.summary.get('design')} points={self.summary.get('points')}>"


def sweep(scenario, params, design="grid", points=None, runs=1, seed=None, threads=None, metrics=None,
          design_seed=None, bootstrap=None, name=None):
    """Runs a sweep as `brink sweep` does (docs/sweeps.md). `params` maps a `--set` path to grid values
    (a list, or "lo:hi:n") for design "grid", or to a (low, high) range for "lhs", "mc" and "sobol";
    `points` is the number of points (lhs, mc) or the Sobol base size; `runs` the replications per point;
    `seed` the base seed (None: metadata.seed); `name` (sweep.json's) defaults to the scenario file's stem, as
    for `brink sweep SCENARIO --param ...`. Same rows as `brink sweep` with the same sweep file."""
    scenario = as_scenario(scenario)
    if design not in _DESIGNS:
        raise ValueError(f"design: expected one of {sorted(_DESIGNS)}, got {design!r}")
    design = _DESIGNS[design]
    if not params:
        raise ValueError("params: expected at least one parameter")
    if threads is not None and (not hasattr(threads, "__index__") or not 0 <= threads <= 4096):
        raise ValueError(f"threads: expected an integer in [0, 4096], got {threads!r}")
    if name is None:
        name = pathlib.Path(scenario._name).stem if scenario._name not in (DICT_NAME, TEXT_NAME) else "python"
    document = {"name": str(name), "scenario": "scenario.yaml", "design": design, "replications": runs,
                "seed": scenario.seed if seed is None else seed,
                "parameters": [_parameter(str(path), values, design) for path, values in params.items()]}
    optional = {"samples": points, "metrics": metrics, "design_seed": design_seed, "bootstrap": bootstrap}
    document.update({key: value for key, value in optional.items() if value is not None})
    try:
        text = yaml.safe_dump(document, sort_keys=False)
    except yaml.YAMLError as error:
        raise ValueError(f"brink.sweep: arguments that are not plain values: {error}") from None
    with tempfile.TemporaryDirectory(prefix="brink-sweep-") as folder:
        with open(os.path.join(folder, "scenario.yaml"), "w", encoding="utf-8") as file:
            file.write(scenario.to_yaml())
        sweep_file = os.path.join(folder, "sweep.yaml")
        out = os.path.join(folder, "out")
        result, problems = _brink.run_sweep(text, sweep_file, out, int(threads or 0))
        if result is None:
            raise ScenarioError([p["text"].replace(sweep_file, _SWEEP_NAME) for p in problems])
        texts = {}
        for stem, extension in (("runs", "csv"), ("points", "csv"), ("sobol", "csv"), ("sweep", "json")):
            path = os.path.join(out, f"{stem}.{extension}")
            if os.path.exists(path):
                with open(path, encoding="utf-8") as file:
                    texts[stem] = file.read()
    if result["interrupted"]:
        raise KeyboardInterrupt(f"brink.sweep stopped: {result['failed']} failed runs so far, rows discarded")
    return Sweep(texts, result["complete"])
