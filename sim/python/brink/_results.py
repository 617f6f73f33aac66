"""Runs and ensembles: brink.run, brink.ensemble, brink.Run and brink.Ensemble (docs/python.md).

The texts come from the io ring exactly as the CLI writes them (a run's CSV files and summary.json; an
ensemble's runs.csv, quantiles.csv and summary.json); this module only reads them into pandas.
"""

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
    "score": ("case",),
    "cv": ("case",),
    "score_actors": ("case", "actor", "observed_outcome"),
}
_TEXTS = {"events": ("cameo", "description"), "runs": ("error",), "sweep_runs": ("error",),
          "score": ("file",)}
#: Columns holding actor ids and issue ids: categoricals in the scenario's order, shared by every column.
_ACTOR_COLUMNS = {"actor", "other", "source", "target", "initiator"}
_ISSUE_COLUMNS = {"issue"}
#: Columns of runs tables whose categories are every value they can take (in the model's order), so that
#: ensembles and sweeps concatenate without recoding.
_FIXED_CATEGORIES = {"outcome": list(_brink.outcome_kinds), "war_how": list(_brink.war_ends)}


def frame(text, kind, summary=None, columns=None):
    """A DataFrame of one of brink's CSV texts: `date` as datetime64, ids and kinds as categoricals (actor
    and issue ids in the scenario's order when `summary`, a summary.json dict, lists them); `columns`, when
    given, are the columns read (the others are skipped). The columns are read by the extension into numpy
    arrays (one pass in C++), not parsed by pandas."""
    header = text.split("\n", 1)[0].split(",")
    kinds = {column: "category" for column in _CATEGORIES.get(kind, ()) if column in header}
    kinds.update({column: "category" for column in header if column.startswith("outcome:")})
    kinds.update({column: "string" for column in _TEXTS.get(kind, ()) if column in header})
    if "date" in header:
        kinds["date"] = "date"
    orders = {column: _FIXED_CATEGORIES[column] for column in kinds
               if kinds[column] == "category" and column in _FIXED_CATEGORIES and kind in ("runs", "sweep_runs")}
    if kind == "runs":
        orders.update({column: list(_brink.actor_outcomes) for column in kinds if column.startswith("outcome:")})
    if summary is not None:
        actors = [entry["id"] for entry in summary.get("actors", [])]
        issues = [entry["id"] for entry in summary.get("issues", [])]
        orders.update({column: actors for column in _ACTOR_COLUMNS if kinds.get(column) == "category"})
        orders.update({column: issues for column in _ISSUE_COLUMNS if kinds.get(column) == "category"})
    read = _brink.read_columns(text, kinds, orders, None if columns is None else list(columns))
    data = {name: _series(column) for name, column in read.items()}
    result = pd.DataFrame(data, copy=False)
    if kind == "events" and "key" in result.columns:
        result["key"] = result["key"].astype(bool)
    return result


def runs_frame(table):
    """The DataFrame of a _brink.RunsTable (an ensemble's runs kept as columns): runs.csv's columns with fixed
    dtypes (docs/python.md)."""
    return pd.DataFrame({name: _series(column) for name, column in table.columns().items()}, copy=False)


def _series(column):
    """A column of _brink.read_columns as what pandas.DataFrame takes."""
    if not isinstance(column, tuple):
        return column  # a numpy array
    if column[0] == "category":
        return pd.Categorical.from_codes(column[1], categories=column[2])
    if column[0] == "date":
        return column[1].view("datetime64[D]").astype("datetime64[ns]")
    return pd.array(column[1], dtype="string")


def _command(function, seed, **extra):
    arguments = ", ".join(f"{key}={value!r}" for key, value in {"seed": seed, **extra}.items())
    return f"python: brink.{function}({arguments})"


class Run:
    """One run: `.summary` (summary.json as a dict), `.events`, `.trajectory`, `.dyads`, `.bdm_rounds`
    (DataFrames with the columns of docs/outputs.md) and `.texts` (the files' texts as `brink run` writes
    them)."""

    def __init__(self, handle, seed):
        self._handle = handle
        self.seed = seed

    @cached_property
    def texts(self):
        """The five files' texts, made from the run on first use (the model ran in brink.run)."""
        return self._handle.texts()

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
        """The outcome's name ("war", "settlement", ...), without making the files."""
        return self._handle.outcome

    def __repr__(self):
        return f"<brink.Run seed={self.seed}>"


#: brink.ensemble's `keep`: groups of runs.csv columns (docs/python.md). "run" is always kept.
KEEP = {
    "outcome": ("seed", "outcome", "time", "date", "initiator", "target", "peak_rung", "error"),
    "war": ("violence", "war_start", "war_end", "war_how"),
    "positions": ("position:",),  # every position:<actor>:<issue> column (final positions)
    "actor_outcomes": ("outcome:",),  # every outcome:<actor> column
}


def _kept_columns(header, keep):
    if keep == "all" or (not isinstance(keep, str) and "all" in keep):
        return list(header)
    groups = [keep] if isinstance(keep, str) else list(keep)
    unknown = [group for group in groups if group not in KEEP]
    if unknown:
        raise ValueError(f"keep: unknown {unknown}; expected some of {sorted(KEEP)} or 'all'")
    wanted = [name for group in groups for name in KEEP[group]]
    return [column for column in header if column == "run" or any(
        column == name or (name.endswith(":") and column.startswith(name)) for name in wanted)]


class Ensemble:
    """An ensemble: `.runs` (runs.csv's columns chosen by `keep`: one row per replication), `.series` (the
    per-run daily series asked for, a long DataFrame; None when none were), `.quantiles` (quantiles.csv),
    `.summary` (summary.json as a dict), `.complete`, and `.texts` (the files' texts as `brink run --runs`
    writes them, whatever `keep` says). `.runs` is built from `table` (the runs kept as typed columns while
    they finished: no text is read) when given, else from the text of runs.csv."""

    def __init__(self, texts, seed, complete, keep=("outcome",), series=None, table=None):
        self.texts = texts
        self.seed = seed
        self.complete = complete
        self.keep = keep
        self._series = series
        self._table = table

    @cached_property
    def summary(self):
        return json.loads(self.texts["summary"])

    @cached_property
    def runs(self):
        if self._table is not None:
            return runs_frame(self._table)
        header = self.texts["runs"].split("\n", 1)[0].split(",")
        return frame(self.texts["runs"], "runs", self.summary, _kept_columns(header, self.keep))

    @cached_property
    def series(self):
        if self._series is None:
            return None
        arrays = self._series
        data = pd.DataFrame({
            "run": arrays["run"],
            "day": arrays["day"],
            "series": pd.Categorical.from_codes(arrays["series"], categories=arrays["names"]),
            "actor": pd.Categorical.from_codes(arrays["actor"], categories=arrays["actors"]),
            "value": arrays["value"],
        }, copy=False)
        start = self.summary.get("scenario", {}).get("start_date")
        if start:
            dates = (pd.Timestamp(start).to_datetime64().astype("datetime64[D]")
                     + arrays["day"].astype("timedelta64[D]"))
            data.insert(2, "date", dates.astype("datetime64[ns]"))
        return data

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
    return Run(_brink.run(scenario._spec, seed, _command("run", seed)), seed)


def ensemble(scenario, runs, seed=None, threads=None, params=None, keep=("outcome",), series=None):
    """`runs` replications, as `brink run --runs RUNS --seed SEED --threads THREADS` (same seeds, same rows
    for any thread count). threads None: every core; `params` as for run(); `keep`: the groups of runs.csv
    columns `.runs` keeps ("outcome", "war", "positions", "actor_outcomes", or "all"); `series`: names of
    per-run daily series ("rung", "pressure", "expected_support", "p_prevail", "position:<issue>") for
    `.series`. Ctrl-C stops it: KeyboardInterrupt, whose `.ensemble` holds the finished runs."""
    scenario = _with_params(scenario, params)
    seed = scenario.seed if seed is None else _seed(seed)
    if isinstance(runs, bool) or not hasattr(runs, "__index__") or not 1 <= runs <= 100_000_000:
        raise ValueError(f"runs: expected an integer in [1, 1e8], got {runs!r}")
    if threads is not None and (not hasattr(threads, "__index__") or not 0 <= threads <= 4096):
        raise ValueError(f"threads: expected an integer in [0, 4096], got {threads!r}")
    kept = _kept_columns(_brink.runs_columns(scenario._spec), keep)  # an unknown group fails before any run
    if isinstance(series, str):
        series = [series]
    names = [str(name) for name in series or ()]
    if len(set(names)) != len(names):
        raise ValueError(f"series: a name is given twice in {names}")
    with tempfile.TemporaryDirectory(prefix="brink-ensemble-") as folder:
        result = _brink.ensemble(scenario._spec, seed, int(runs), int(threads or 0), folder,
                                 _command("ensemble", seed, runs=runs), names, kept)
        texts = {}
        for name in ("runs", "quantiles", "summary"):
            path = os.path.join(folder, name + (".json" if name == "summary" else ".csv"))
            with open(path, encoding="utf-8") as file:
                texts[name] = file.read()
    arrays = result.get("series")
    if arrays is not None:
        arrays["names"] = names
    done = Ensemble(texts, seed, result["complete"], keep, arrays if names else None, result["table"])
    if result["interrupted"]:
        interrupt = KeyboardInterrupt(f"brink.ensemble stopped after {result['runs']} of {runs} runs")
        interrupt.ensemble = done
        raise interrupt
    return done
