"""Sweeps: brink.sweep and brink.Sweep (docs/python.md).

A sweep is run as `brink sweep FILE` runs one: the scenario is written with the io dump into a temporary
folder beside a sweep file made of the arguments, the sweep ring loads that file (its diagnostics, its
checks of every path at the ends of its range) and runs it, and the package reads runs.csv, points.csv,
sobol.csv and sweep.json back with pandas.

Levels that are not numbers go into the sweep file as labels, set with `--set` text as the command sets
them (`values: [state, alliance]`). Levels `--set` cannot express (dicts) and variant functions are
variant parameters: the package builds the scenario of every combination of their levels here, before the
sweep, and the sweep ring runs each point on its combination's scenario (SweepSpec::variants).
"""

import itertools
import json
import os
import pathlib
import tempfile
from collections.abc import Mapping
from functools import cached_property

import yaml

from . import _brink
from ._results import frame
from ._scenario import DICT_NAME, TEXT_NAME, Scenario, ScenarioError, _value_text, as_scenario

_DESIGNS = {"grid": "grid", "lhs": "lhs", "latin_hypercube": "lhs", "mc": "monte_carlo",
            "monte_carlo": "monte_carlo", "sobol": "sobol", "saltelli": "sobol"}
_SWEEP_NAME = "<sweep>"


def _is_number(value):
    return not isinstance(value, (bool, str, bytes)) and type(value).__name__ != "bool_" and (
        isinstance(value, (int, float)) or hasattr(value, "__float__"))


def _number(path, value):
    if not _is_number(value):
        raise ValueError(f"{path}: expected a number, got {value!r}")
    return float(value) if not isinstance(value, int) else int(value)


def _level_text(path, value):
    """A level as the text `--set` takes ("state", "true", a list as "[usa, nato]"), or None for a dict."""
    if isinstance(value, Mapping):
        return None
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_value_text(path, item) for item in value) + "]"
    return _value_text(path, value)


def _label(value):
    """A variant level as runs.csv and points.csv show it."""
    if isinstance(value, (str, int, float, bool)) or value is None:
        return _value_text("", value) if value is not None else "none"
    try:
        return json.dumps(value, sort_keys=True, separators=(",", ":"), default=repr)
    except (TypeError, ValueError):
        return repr(value)


def _set_dict(path, value):
    """A variant function for a dict level: sets path.key = value for every (nested) key of the dict."""

    def apply(scenario, level):
        def walk(prefix, item):
            if isinstance(item, Mapping):
                for key, inner in item.items():
                    walk(f"{prefix}.{key}", inner)
            else:
                scenario.set(prefix, item)

        walk(path, level)
        return scenario

    return apply


def _variant(name, values):
    """(function, levels) when `values` declares a variant parameter, else None."""
    if isinstance(values, tuple) and len(values) == 2 and callable(values[0]):
        function, levels = values
        levels = list(levels) if not isinstance(levels, (str, bytes)) else [levels]
        if not levels:
            raise ValueError(f"{name}: a variant needs at least one level")
        return function, levels
    if isinstance(values, (list, tuple)) and any(isinstance(v, Mapping) for v in values):
        return _set_dict(name, values), list(values)
    return None


def _parameter(path, values, design):
    """One entry of the sweep file's `parameters`."""
    if design == "grid":
        if isinstance(values, str):  # "lo:hi:n", as in a sweep file
            return {"path": path, "values": values}
        if not isinstance(values, (list, tuple)):
            values = [values]
        if not values:
            raise ValueError(f"{path}: expected at least one value")
        if all(_is_number(v) for v in values):
            return {"path": path, "values": [_number(path, v) for v in values]}
        return {"path": path, "values": [_level_text(path, v) for v in values]}
    if isinstance(values, str) or not isinstance(values, (list, tuple)) or len(values) != 2:
        raise ValueError(f"{path}: a {design} design needs a (low, high) range, got {values!r}")
    if not all(_is_number(v) for v in values):
        raise ValueError(f"{path}: a {design} design needs a numeric (low, high) range, got {values!r}; "
                         "values that are not numbers and variants need design='grid'")
    low, high = (_number(path, v) for v in values)
    return {"path": path, "low": low, "high": high}


def _variant_scenarios(scenario, variants):
    """The scenario of every combination of the variant levels (the last varying fastest): each function
    gets a copy of the scenario so far and one level, and returns a Scenario (or anything brink.load takes)."""
    specs = []
    for combination in itertools.product(*(range(len(levels)) for _, _, levels in variants)):
        current = scenario
        for (name, function, levels), index in zip(variants, combination):
            returned = None
            try:
                returned = function(current.copy(), levels[index])
                if returned is not None:
                    current = returned if isinstance(returned, Scenario) else as_scenario(returned)
                    current.validate()
            except ScenarioError as error:
                raise ScenarioError([f"variant {name}={_label(levels[index])}: {line}"
                                     for line in error.diagnostics]) from None
            if returned is None:
                raise ValueError(f"variant {name}: the function returned None for {levels[index]!r}; it must "
                                 "return the scenario (a brink.Scenario, a dict or YAML text)")
        specs.append(current._spec)
    return specs


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
    (a list of values of any type, or "lo:hi:n") for design "grid", or to a (low, high) range for "lhs", "mc"
    and "sobol"; a name may map to (function, levels), a variant: function(scenario, level) -> scenario;
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
    parameters, variants = [], []  # variants: (place among all parameters, name, function, levels)
    for place, (path, values) in enumerate(params.items()):
        variant = _variant(str(path), values)
        if variant is None:
            parameters.append(_parameter(str(path), values, design))
        elif design != "grid":
            raise ValueError(f"{path}: variants and dict values need design='grid', not {design!r}")
        else:
            variants.append((place, str(path), *variant))
    if not parameters:
        raise ValueError("params: a sweep needs at least one parameter addressed by a --set path "
                         "(variants alone: add a path with one value, e.g. {'model.rationality': [4]})")
    variant_specs = _variant_scenarios(scenario, [(n, f, levels) for _, n, f, levels in variants])
    variant_parameters = [(place, n, [_label(v) for v in levels]) for place, n, _, levels in variants]
    document = {"name": str(name), "scenario": "scenario.yaml", "design": design, "replications": runs,
                "seed": scenario.seed if seed is None else seed, "parameters": parameters}
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
        result, problems = _brink.run_sweep(text, sweep_file, out, int(threads or 0), variant_parameters,
                                            variant_specs)
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
