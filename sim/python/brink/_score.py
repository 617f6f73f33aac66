"""Scores and calibration: brink.score, brink.calibrate, brink.Score and brink.Calibration (docs/python.md).

Each runs the library steps of the command (`brink score --no-plot`, `brink calibrate --no-plot`) into a
temporary folder; the package reads the files back (score.csv, score_actors.csv, score.json; calibration.csv,
cv.csv, best.yaml, summary.json and the cross-validated score files) and removes the folder. Nothing is
computed here.
"""

import json
import os
import pathlib
import tempfile
from collections.abc import Mapping
from functools import cached_property

import yaml

from . import _brink
from ._results import _seed, frame
from ._scenario import ScenarioError, _value_text


def _read_texts(folder):
    """{relative path: text} of every file under `folder` ("score.csv", "cv/score.json", ...)."""
    texts = {}
    for path in sorted(pathlib.Path(folder).rglob("*")):
        if path.is_file() and path.suffix in (".csv", ".json", ".yaml"):
            texts[path.relative_to(folder).as_posix()] = path.read_text(encoding="utf-8")
    return texts


def _count(name, value, low, high):
    if isinstance(value, bool) or not hasattr(value, "__index__") or not low <= value <= high:
        raise ValueError(f"{name}: expected an integer in [{low}, {high}], got {value!r}")
    return int(value)


def _threads(threads):
    return 0 if threads is None else _count("threads", threads, 0, 4096)


def _overrides(params):
    """`--set` assignments "path=value" of a {path: value} dict."""
    if params is None:
        return []
    if not isinstance(params, Mapping):
        raise ValueError(f"params: expected a dict of --set paths and values, got {type(params).__name__}")
    assignments = []
    for path, value in params.items():
        if isinstance(value, (list, tuple)):
            value = "[" + ", ".join(_value_text(path, item) for item in value) + "]"
        else:
            value = _value_text(path, value)
        assignments.append(f"{path}={value}")
    return assignments


class Score:
    """A `brink score` of cases against what happened: `.cases` (score.csv: one row per case with its
    forecast, the observed row and the per-case scores), `.actors` (score_actors.csv), `.summary` (score.json
    as a dict: the mean scores with bootstrap intervals, the baselines, the reliability bins) and `.texts`
    (the files' texts by name)."""

    def __init__(self, texts, prefix=""):
        self.texts = {name[len(prefix):]: text for name, text in texts.items() if name.startswith(prefix)
                      and "/" not in name[len(prefix):]}

    @cached_property
    def summary(self):
        return json.loads(self.texts["score.json"])

    @cached_property
    def cases(self):
        return frame(self.texts["score.csv"], "score")

    @cached_property
    def actors(self):
        return frame(self.texts["score_actors.csv"], "score_actors")

    @property
    def scores(self):
        """{forecaster: {score: estimate}}: score.json's `scores` without the intervals."""
        return {name: {key: (value["estimate"] if isinstance(value, dict) and "estimate" in value else value)
                       for key, value in forecaster.items() if key in ("brier", "log", "rps", "timing")}
                for name, forecaster in self.summary["scores"].items()}

    def __repr__(self):
        return f"<brink.Score cases={len(self.summary.get('cases', []))} runs={self.summary.get('runs_per_case')}>"


def score(cases, runs=100, seed=1, threads=None, params=None, observed=None, bootstrap=2000):
    """`brink score CASES... --runs RUNS --seed SEED [--set path=value...] [--observed FILE] --bootstrap N`:
    each case file (a path, or a list of paths) run `runs` times and scored against its observed row
    (observed.csv beside it or in its cases/ folder, or `observed`). `params` maps `--set` paths to values
    applied to every case (the command's --params and --set). Returns a Score; ScenarioError on a bad case,
    override or observed table; KeyboardInterrupt (nothing kept) on Ctrl-C."""
    if isinstance(cases, (str, os.PathLike)):
        cases = [cases]
    paths = [os.fspath(case) for case in cases]
    if not paths:
        raise ValueError("cases: expected at least one case file")
    runs = _count("runs", runs, 1, 10_000_000)
    bootstrap = _count("bootstrap", bootstrap, 0, 1_000_000)
    seed = _seed(seed)
    overrides = _overrides(params)
    observed = "" if observed is None else os.fspath(observed)
    with tempfile.TemporaryDirectory(prefix="brink-score-") as folder:
        result, problems = _brink.score(paths, overrides, runs, 1 if seed is None else seed, _threads(threads),
                                        observed, bootstrap, folder)
        if result is None:
            raise ScenarioError([problem["text"] for problem in problems])
        if result["interrupted"]:
            raise KeyboardInterrupt("brink.score stopped before every run finished; nothing kept")
        return Score(_read_texts(folder))


class Calibration:
    """A `brink calibrate`: `.points` (calibration.csv: every design point with its per-case forecasts and
    scores), `.cv` (cv.csv: the folds), `.best` (the best point's values, {--set path: value}),
    `.best_yaml` (best.yaml's text, a `--params` file), `.summary` (summary.json as a dict), `.cross_validated`
    (a Score of the cross-validated forecasts: the cv/ files) and `.texts` (the files' texts by path)."""

    def __init__(self, texts):
        self.texts = texts

    @cached_property
    def summary(self):
        return json.loads(self.texts["summary.json"])

    @cached_property
    def points(self):
        return frame(self.texts["calibration.csv"], "calibration")

    @cached_property
    def cv(self):
        return frame(self.texts["cv.csv"], "cv")

    @property
    def best_yaml(self):
        return self.texts["best.yaml"]

    @property
    def best(self):
        """The best point's values as {--set path: value} (summary.json's best.values)."""
        return dict(self.summary["best"]["values"])

    @cached_property
    def cross_validated(self):
        return Score(self.texts, prefix="cv/")

    def __repr__(self):
        return f"<brink.Calibration points={self.summary.get('points')}>"


def calibrate(calibration, threads=None):
    """`brink calibrate CALIBRATION --no-plot`: `calibration` is a calibration file's path, its YAML text (a
    str with a line break) or a dict with its keys (docs/cli.md, "brink calibrate"); case paths in text or a
    dict are relative to the current directory. Returns a Calibration; ScenarioError on a bad calibration or
    case; KeyboardInterrupt (nothing kept) on Ctrl-C."""
    if isinstance(calibration, Mapping):
        try:
            source = yaml.safe_dump(dict(calibration), sort_keys=False)
        except yaml.YAMLError as error:
            raise ValueError(f"calibration: not a dict of plain values: {error}") from None
        file_name = "<calibration>"  # relative: case paths resolve from the current directory
    elif isinstance(calibration, str) and "\n" in calibration:
        source, file_name = calibration, "<calibration>"
    elif isinstance(calibration, (str, os.PathLike)):
        source, file_name = os.fspath(calibration), ""
    else:
        raise TypeError(f"calibration: expected a path, YAML text or a dict, got {type(calibration).__name__}")
    with tempfile.TemporaryDirectory(prefix="brink-calibrate-") as folder:
        result, problems = _brink.calibrate(source, file_name, _threads(threads), folder)
        if result is None:
            raise ScenarioError([problem["text"] for problem in problems])
        if result["interrupted"]:
            raise KeyboardInterrupt("brink.calibrate stopped before every point finished; nothing kept")
        return Calibration(_read_texts(folder))
