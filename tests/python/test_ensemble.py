"""brink.ensemble: the rows of `brink run --runs N --seed S`, for any thread count."""

import json
import os
import signal
import threading
import time
import subprocess

import pandas as pd
import pytest

import brink


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
    runs = brink.ensemble(default_scenario, runs=12, seed=4).runs
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
