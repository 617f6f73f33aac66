"""Runs and ensembles: brink.run, brink.ensemble, brink.Run and brink.Ensemble (docs/python.md).

The texts come from the io ring exactly as the CLI writes them (a run's CSV files and summary.json; an
ensemble's runs.csv, quantiles.csv and summary.json); this module only reads them into pandas.
"""

import io
import json
import os
import tempfile
from functools import cached_property

import pandas as pd

from . import _brink
from ._scenario import as_scenario

#: Per file: the columns read as categoricals (ids, kinds) and as text (kept verbatim, e.g. CAMEO "036").
_CATEGORIES = {
    "trajectory": ("actor", "metric"),
    "events": ("type", "source", "target", "issue"),
    "dyads": ("source", "target"),
    "bdm_rounds": ("issue", "actor", "other", "outcome", "moved_to"),
    "runs": ("outcome", "initiator", "target", "war_how"),
    "quantiles": ("actor", "metric"),
    "sweep_runs": ("outcome", "initiator", "target"),
    "sobol": ("metric", "parameter"),
}
_TEXTS = {"events": ("cameo", "description"), "runs": ("error",), "sweep_runs": ("error",)}
#: Columns holding actor ids and issue ids: categoricals in the scenario's order, shared by every column.
_ACTOR_COLUMNS = {"actor", "other", "source", "target", "initiator"}
_ISSUE_COLUMNS = {"issue"}


def frame(text, kind, summary=None):
    """A DataFrame of one of brink's CSV texts: `date` as datetime64, ids and kinds as categoricals (actor
    and issue ids in the scenario's order when `summary`, a summary.json dict, lists them)."""
    header = text.split("\n", 1)[0].split(",")
    categories = set(_CATEGORIES.get(kind, ())) | {c for c in header if c.startswith("outcome:")}
    dtypes = {column: "category" for column in categories if column in header}
    if summary is not None:
        actors = pd.CategoricalDtype([entry["id"] for entry in summary.get("actors", [])])
        issues = pd.CategoricalDtype([entry["id"] for entry in summary.get("issues", [])])
        dtypes.update({column: actors for column in _ACTOR_COLUMNS & set(dtypes)})
        dtypes.update({column: issues for column in _ISSUE_COLUMNS & set(dtypes)})
    dtypes.update({column: "string" for column in _TEXTS.get(kind, ()) if column in header})
    if "date" in header:
        dtypes["date"] = "string"
    data = pd.read_csv(io.StringIO(text), dtype=dtypes, keep_default_na=False, na_values=[""])
    if "date" in data.columns:
        data["date"] = pd.to_datetime(data["date"], format="%Y-%m-%d")
    if kind == "events" and "key" in data.columns:
        data["key"] = data["key"].astype(bool)
    return data


def _command(function, seed, **extra):
    arguments = ", ".join(f"{key}={value!r}" for key, value in {"seed": seed, **extra}.items())
    return f"python: brink.{function}({arguments})"


class Run:
    """One run: `.summary` (summary.json as a dict), `.events`, `.trajectory`, `.dyads`, `.bdm_rounds`
    (DataFrames with the columns of docs/outputs.md) and `.texts` (the files' texts as `brink run` writes
    them)."""

    def __init__(self, texts, seed):
        self.texts = texts
        self.seed = seed

    @cached_property
    def summary(self):
        return json.loads(self.texts["summary"])

    @cached_property
    def trajectory(self):
        return frame(self.texts["trajectory"], "trajectory", self.summary)

    @cached_property
    def events(self):
        return frame(self.texts["events"], "events", self.summary)

    @cached_property
    def dyads(self):
        return frame(self.texts["dyads"], "dyads", self.summary)

    @cached_property
    def bdm_rounds(self):
        return frame(self.texts["bdm_rounds"], "bdm_rounds", self.summary)

    @property
    def outcome(self):
        """The outcome's name ("war", "settlement", ...)."""
        return self.summary["outcome"]["kind"] if isinstance(self.summary.get("outcome"), dict) else None

    def __repr__(self):
        return f"<brink.Run seed={self.seed}>"


class Ensemble:
    """An ensemble: `.runs` (runs.csv: one row per replication), `.quantiles` (quantiles.csv), `.summary`
    (summary.json as a dict), `.complete`, and `.texts` (the files' texts as `brink run --runs` writes them).
    """

    def __init__(self, texts, seed, complete):
        self.texts = texts
        self.seed = seed
        self.complete = complete

    @cached_property
    def summary(self):
        return json.loads(self.texts["summary"])

    @cached_property
    def runs(self):
        return frame(self.texts["runs"], "runs", self.summary)

    @cached_property
    def quantiles(self):
        return frame(self.texts["quantiles"], "quantiles", self.summary)

    def __repr__(self):
        return f"<brink.Ensemble runs={len(self.runs)} seed={self.seed}>"


def _seed(seed):
    if seed is None:
        return None
    if isinstance(seed, bool) or not hasattr(seed, "__index__") or not 0 <= seed < 2**64:
        raise ValueError(f"seed: expected an integer in [0, 2^64), got {seed!r}")
    return int(seed)


def _with_params(scenario, params):
    """A Scenario of `scenario` (anything brink.load() takes) with `params` ({path: value}, as repeated
    `--set path=value`) applied to a copy; the caller's Scenario is never changed."""
    scenario = as_scenario(scenario)
    if not params:
        return scenario
    changed = scenario.copy()
    for path, value in params.items():
        changed.set(path, value)
    return changed


def run(scenario, seed=None, params=None):
    """Runs the scenario once (model::run_crisis), as `brink run --seed SEED --set path=value...`; seed
    None: metadata.seed. `scenario` is a Scenario or anything brink.load() takes; `params` maps `--set`
    paths to values, applied to a copy."""
    scenario = _with_params(scenario, params)
    seed = scenario.seed if seed is None else _seed(seed)
    texts = _brink.run(scenario._spec, seed, _command("run", seed))
    return Run(texts, seed)


def ensemble(scenario, runs, seed=None, threads=None, params=None):
    """`runs` replications, as `brink run --runs RUNS --seed SEED --threads THREADS` (same seeds, same rows
    for any thread count). threads None: every core; `params` as for run(). Ctrl-C stops it:
    KeyboardInterrupt, whose `.ensemble` holds the finished runs."""
    scenario = _with_params(scenario, params)
    seed = scenario.seed if seed is None else _seed(seed)
    if isinstance(runs, bool) or not hasattr(runs, "__index__") or not 1 <= runs <= 100_000_000:
        raise ValueError(f"runs: expected an integer in [1, 1e8], got {runs!r}")
    if threads is not None and (not hasattr(threads, "__index__") or not 0 <= threads <= 4096):
        raise ValueError(f"threads: expected an integer in [0, 4096], got {threads!r}")
    with tempfile.TemporaryDirectory(prefix="brink-ensemble-") as folder:
        result = _brink.ensemble(scenario._spec, seed, int(runs), int(threads or 0), folder,
                                 _command("ensemble", seed, runs=runs))
        texts = {}
        for name in ("runs", "quantiles", "summary"):
            path = os.path.join(folder, name + (".json" if name == "summary" else ".csv"))
            with open(path, encoding="utf-8") as file:
                texts[name] = file.read()
    done = Ensemble(texts, seed, result["complete"])
    if result["interrupted"]:
        interrupt = KeyboardInterrupt(f"brink.ensemble stopped after {result['runs']} of {runs} runs")
        interrupt.ensemble = done
        raise interrupt
    return done
