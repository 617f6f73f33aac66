"""brink.ensemble: the rows of `brink run --runs N --seed S`, for any thread count."""

import copy
import json
import os
import signal
import threading
import time
import subprocess

import pandas as pd
import pytest

import brink
from brink._results import frame
from conftest import SMALL


def test_ensemble_equals_the_clis_runs_csv(default_scenario, brink_executable, tmp_path):
    out = tmp_path / "cli"
    subprocess.run([brink_executable, "run", "--runs", "20", "--seed", "9", "--threads", "2", "--quiet",
                    "--out", str(out)], check=True)
    many = brink.ensemble(default_scenario, runs=20, seed=9, threads=1)
    assert many.texts["runs"] == (out / "runs.csv").read_text()
    assert many.texts["quantiles"] == (out / "quantiles.csv").read_text()
    pd.testing.assert_frame_equal(many.runs, brink.ensemble(default_scenario, 20, seed=9).runs)
    expected = json.loads((out / "summary.json").read_text())
    for summary in (expected, many.summary):
        summary.pop("command", None)
        summary.pop("scenario", None)
    assert many.summary == expected
    assert many.complete


def test_runs_frame_columns_and_dtypes(default_scenario):
    runs = brink.ensemble(default_scenario, runs=12, seed=4, keep="all").runs
    assert len(runs) == 12
    assert list(runs["run"]) == list(range(12))
    assert list(runs.columns[:12]) == ["run", "seed", "outcome", "time", "date", "initiator", "target",
                                       "peak_rung", "violence", "war_start", "war_end", "war_how"]
    assert runs.columns[-1] == "error"
    assert any(c.startswith("position:russia:") for c in runs.columns)
    assert isinstance(runs["outcome"].dtype, pd.CategoricalDtype)
    assert isinstance(runs["outcome:russia"].dtype, pd.CategoricalDtype)
    assert pd.api.types.is_datetime64_any_dtype(runs["date"])
    assert pd.api.types.is_integer_dtype(runs["seed"])


def test_runs_come_as_columns_holding_the_files_values(default_scenario):
    # .runs is built from the rows kept as typed columns while the runs finished, not from runs.csv's text:
    # the values must be the file's, under fixed dtypes.
    many = brink.ensemble(default_scenario, runs=40, seed=3, keep="all")
    columns = many.runs
    text = frame(many.texts["runs"], "runs", many.summary)
    assert list(columns.columns) == list(text.columns)
    pd.testing.assert_frame_equal(columns, text, check_dtype=False, check_categorical=False)
    for name in columns.columns:  # same categories, in the same order, where the text's reader used them
        if isinstance(text[name].dtype, pd.CategoricalDtype):
            assert list(columns[name].cat.categories) == list(text[name].cat.categories), name
    assert columns["seed"].dtype == "uint64" and columns["run"].dtype == "int64"
    for name in ("time", "war_start", "war_end"):
        assert columns[name].dtype == "float64", name
    assert columns["peak_rung"].dtype == "int64" and columns["violence"].dtype == "int64"
    assert list(columns["outcome"].cat.categories) == ["war", "settlement", "capitulation", "standoff",
                                                       "fait_accompli"]
    assert list(columns["war_how"].cat.categories) == ["ongoing", "settlement", "ceasefire", "collapse",
                                                       "first_shot"]
    assert list(columns["outcome:russia"].cat.categories) == ["victory", "compromise", "stalemate", "defeat"]
    actors = [actor["id"] for actor in many.summary["actors"]]
    assert list(columns["initiator"].cat.categories) == actors
    assert columns["error"].isna().all()
    # A scenario without a start date: every date is NaT, as the file's empty fields read.
    undated = copy.deepcopy(SMALL)
    del undated["metadata"]["start_date"]
    dateless = brink.ensemble(undated, runs=5, seed=3)
    assert dateless.runs["date"].isna().all()
    pd.testing.assert_frame_equal(dateless.runs, frame(dateless.texts["runs"], "runs", dateless.summary,
                                                       list(dateless.runs.columns)),
                                  check_dtype=False, check_categorical=False)


def test_bad_arguments_raise_value_error(default_scenario):
    for runs in (0, -3, 2.5, True):
        with pytest.raises(ValueError):
            brink.ensemble(default_scenario, runs=runs)
    with pytest.raises(ValueError):
        brink.ensemble(default_scenario, runs=2, threads=-1)


def test_ctrl_c_stops_an_ensemble_and_keeps_the_finished_runs(default_scenario):
    timer = threading.Timer(0.5, lambda: os.kill(os.getpid(), signal.SIGINT))
    timer.start()
    with pytest.raises(KeyboardInterrupt) as raised:
        brink.ensemble(default_scenario, runs=10_000_000, seed=1, threads=2)
    timer.join()
    stopped = raised.value.ensemble
    assert not stopped.complete
    assert 0 < len(stopped.runs) < 10_000_000
    assert list(stopped.runs["run"]) == list(range(len(stopped.runs)))


def _turns_while_alive(thread):
    """Loop turns this thread makes while `thread` runs, and the wall time that took."""
    ticks, start = 0, time.perf_counter()
    while thread.is_alive():
        ticks += 1
    return ticks, time.perf_counter() - start


def test_an_ensemble_releases_the_gil(default_scenario):
    # While the library runs, this thread keeps running; with the GIL held for the whole ensemble it would
    # only run during the package's few Python steps around it (about 1% of the time).
    idle = threading.Thread(target=time.sleep, args=(0.3,))
    idle.start()
    idle_ticks, idle_seconds = _turns_while_alive(idle)
    worker = threading.Thread(target=brink.ensemble, args=(default_scenario, 400), kwargs={"threads": 1})
    worker.start()
    ticks, seconds = _turns_while_alive(worker)
    worker.join()
    assert seconds > 0.2, "the ensemble was too short to tell"
    assert ticks / seconds > 0.1 * idle_ticks / idle_seconds


def test_keep_selects_groups_of_columns(default_scenario):
    many = brink.ensemble(default_scenario, runs=5, seed=4)
    assert list(many.runs.columns) == ["run", "seed", "outcome", "time", "date", "initiator", "target",
                                       "peak_rung", "error"]
    war = brink.ensemble(default_scenario, runs=5, seed=4, keep=("outcome", "war")).runs
    assert list(war.columns[-5:]) == ["violence", "war_start", "war_end", "war_how", "error"]
    positions = brink.ensemble(default_scenario, runs=5, seed=4, keep=["positions"]).runs
    assert positions.columns[0] == "run" and all(c.startswith("position:") for c in positions.columns[1:])
    actors = brink.ensemble(default_scenario, runs=5, seed=4, keep="actor_outcomes").runs
    assert all(c.startswith("outcome:") for c in actors.columns[1:]) and len(actors.columns) > 2
    full = brink.ensemble(default_scenario, runs=5, seed=4, keep="all")
    assert len(full.runs.columns) == len(many.texts["runs"].split("\n", 1)[0].split(","))
    assert full.texts["runs"] == many.texts["runs"]  # keep shapes the frame, never the file
    with pytest.raises(ValueError, match="keep"):
        brink.ensemble(default_scenario, runs=2, keep=("outcomes",))


def test_series_are_each_runs_daily_samples(default_scenario):
    many = brink.ensemble(default_scenario, runs=4, seed=6, threads=2,
                          series=["rung", "position:nato_enlargement"])
    series = many.series
    assert list(series.columns) == ["run", "day", "date", "series", "actor", "value"]
    assert list(series["series"].cat.categories) == ["rung", "position:nato_enlargement"]
    assert list(series["actor"].cat.categories) == [a["id"] for a in many.summary["actors"]]
    assert pd.api.types.is_datetime64_any_dtype(series["date"])
    assert series["run"].dtype == "int32" and series["day"].dtype == "int32"
    assert series["value"].dtype == "float64"
    assert sorted(series["run"].unique()) == [0, 1, 2, 3]
    horizon = int(default_scenario.to_dict()["metadata"]["horizon"])
    assert series["day"].min() == 0 and series["day"].max() == horizon
    # Run 2 against brink.run with its seed: the last trajectory sample at or before each day.
    seed = int(many.runs["seed"][2])
    trajectory = brink.run(default_scenario, seed=seed).trajectory
    russia = trajectory[(trajectory["actor"] == "russia") & (trajectory["metric"] == "rung")]
    mine = series[(series["run"] == 2) & (series["actor"] == "russia") & (series["series"] == "rung")]
    for day in (0, 10, horizon):
        expected = russia[russia["time"] <= day + 1e-9]["value"].iloc[-1]
        assert mine[mine["day"] == day]["value"].item() == expected
    # The same series for any thread count.
    again = brink.ensemble(default_scenario, runs=4, seed=6, threads=1,
                           series=["rung", "position:nato_enlargement"]).series
    pd.testing.assert_frame_equal(series, again)
    assert brink.ensemble(default_scenario, runs=2, seed=6).series is None


def test_bad_series_raise(default_scenario):
    with pytest.raises(ValueError, match="position:<issue>"):
        brink.ensemble(default_scenario, runs=2, series=["rungs"])
    with pytest.raises(ValueError, match="no issue 'nato'"):
        brink.ensemble(default_scenario, runs=2, series=["position:nato"])
    with pytest.raises(ValueError, match="output.metrics"):
        brink.ensemble(default_scenario.copy().set("output.metrics", "[rung]"), runs=2, series=["pressure"])
    with pytest.raises(ValueError, match="twice"):
        brink.ensemble(default_scenario, runs=2, series=["rung", "rung"])
