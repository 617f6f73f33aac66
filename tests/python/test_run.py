"""brink.run: DataFrames with the documented columns and dtypes; determinism; the CLI's files."""

import io
import pathlib
import subprocess

import numpy as np
import pandas as pd
import pytest

import brink
from conftest import SMALL, SOURCE_DIR


def test_run_gives_frames_with_documented_columns_and_dtypes(default_scenario):
    result = brink.run(default_scenario, seed=3)
    assert result.summary["outcome"]["kind"] in {"war", "settlement", "capitulation", "standoff",
                                                 "fait_accompli"}
    trajectory, events, dyads = result.trajectory, result.events, result.dyads
    assert list(trajectory.columns) == ["time", "date", "actor", "metric", "value"]
    assert list(events.columns) == ["time", "date", "seq", "type", "source", "target", "issue", "value",
                                    "cameo", "goldstein", "key", "description"]
    assert list(dyads.columns) == ["day", "date", "source", "target", "goldstein_sum", "events"]
    for frame in (trajectory, events, dyads):
        assert pd.api.types.is_datetime64_any_dtype(frame["date"])
        assert len(frame) > 0
    assert trajectory["date"].min() == pd.Timestamp("2022-01-22")
    for column in ("actor", "metric"):
        assert isinstance(trajectory[column].dtype, pd.CategoricalDtype)
    for column in ("type", "source", "target", "issue"):
        assert isinstance(events[column].dtype, pd.CategoricalDtype)
    assert isinstance(dyads["source"].dtype, pd.CategoricalDtype)
    assert pd.api.types.is_float_dtype(trajectory["value"])
    assert events["key"].dtype == bool
    assert pd.api.types.is_string_dtype(events["cameo"])
    assert events["cameo"].dropna().str.fullmatch(r"\d{2,4}").all()
    assert "russia" in set(trajectory["actor"])


def test_same_seed_same_frames_other_seed_differs(default_scenario):
    first, second = brink.run(default_scenario, seed=11), brink.run(default_scenario, seed=11)
    pd.testing.assert_frame_equal(first.trajectory, second.trajectory)
    pd.testing.assert_frame_equal(first.events, second.events)
    pd.testing.assert_frame_equal(first.dyads, second.dyads)
    assert first.summary == second.summary
    other = brink.run(default_scenario, seed=12)
    assert other.texts["events"] != first.texts["events"]


def test_default_seed_is_the_scenarios(default_scenario):
    assert brink.run(default_scenario).texts == brink.run(default_scenario, seed=default_scenario.seed).texts


def test_run_accepts_a_dict_and_rejects_bad_seeds():
    assert len(brink.run(SMALL, seed=1).trajectory) > 0
    for seed in (-1, 1.5, "7", 2**64, True):
        with pytest.raises(ValueError):
            brink.run(SMALL, seed=seed)
    assert brink.run(SMALL, seed=2**64 - 1).seed == 2**64 - 1


def test_files_equal_the_clis(default_scenario, brink_executable, tmp_path):
    subprocess.run([brink_executable, "run", "--seed", "5", "--quiet", "--out", str(tmp_path / "cli")],
                   check=True)
    result = brink.run(default_scenario, seed=5)
    for name in ("trajectory", "events", "dyads", "bdm_rounds"):
        assert result.texts[name] == (tmp_path / "cli" / f"{name}.csv").read_text(), name
    cli = pathlib.Path(tmp_path / "cli" / "summary.json")
    import json
    expected = json.loads(cli.read_text())
    for summary in (expected, result.summary):
        summary.pop("command", None)
    assert result.summary == expected


def test_id_columns_share_the_scenarios_actor_order(default_scenario):
    result = brink.run(default_scenario, seed=2)
    actors = [entry["id"] for entry in result.summary["actors"]]
    assert actors[0] == "russia"
    for frame, column in ((result.trajectory, "actor"), (result.events, "source"), (result.events, "target"),
                          (result.dyads, "source"), (result.dyads, "target")):
        assert list(frame[column].cat.categories) == actors, column
    assert list(result.events["issue"].cat.categories) == [entry["id"] for entry in result.summary["issues"]]


@pytest.mark.parametrize("name", ["ukraine_2022", "cuba_1962", "july_1914"])
def test_typed_frames_lose_no_value(name):
    # A value outside a categorical's categories would silently become NaN: count the empty fields.
    scenario = brink.load(SOURCE_DIR / "scenarios" / f"{name}.yaml").set("output.bdm_rounds", True)
    result = brink.run(scenario, seed=4)
    for kind in ("trajectory", "events", "dyads", "bdm_rounds"):
        plain = pd.read_csv(io.StringIO(result.texts[kind]), keep_default_na=False, na_values=[""])
        typed = getattr(result, kind)
        assert (plain.isna().sum() == typed.isna().sum()).all(), kind


def test_params_apply_to_a_copy_as_set_does(default_scenario, brink_executable, tmp_path):
    before = default_scenario.to_yaml()
    result = brink.run(default_scenario, seed=6, params={"actors.russia.resolve": 0.55, "model.rationality": 8})
    assert default_scenario.to_yaml() == before
    subprocess.run([brink_executable, "run", "--seed", "6", "--set", "actors.russia.resolve=0.55", "--set",
                    "model.rationality=8", "--quiet", "--out", str(tmp_path / "cli")], check=True)
    assert result.texts["events"] == (tmp_path / "cli" / "events.csv").read_text()
    with pytest.raises(brink.ScenarioError):
        brink.run(default_scenario, params={"actors.russia.resolv": 0.5})


def test_frames_hold_the_numbers_of_the_texts_exactly(default_scenario):
    # The extension reads the columns itself (a fast path for plain decimals, std::from_chars otherwise):
    # every number must be the double the text names, as a round-trip parse gives it.
    many = brink.ensemble(default_scenario, runs=300, seed=11, keep="all")
    result = brink.run(default_scenario, seed=11)
    for text, data in ((many.texts["runs"], many.runs), (result.texts["trajectory"], result.trajectory),
                       (result.texts["events"], result.events)):
        reference = pd.read_csv(io.StringIO(text), float_precision="round_trip")
        floats = [column for column in data.columns if data[column].dtype.kind == "f"]
        assert len(floats) >= 2
        for column in floats:
            assert np.array_equal(reference[column].to_numpy(dtype=float), data[column].to_numpy(), equal_nan=True), column
        integers = [column for column in data.columns if data[column].dtype.kind in "iu"]
        for column in integers:
            assert (reference[column].to_numpy() == data[column].to_numpy()).all(), column


def test_a_malformed_text_raises_naming_its_line():
    from brink import _brink

    with pytest.raises(ValueError, match="line 3 has 1 fields, the header 2"):
        _brink.read_columns("a,b\n1,2\n3\n", {}, {})
    # Above 1 MB a text is split in two halves on two threads: the line number still counts from the top.
    rows = ["1,2"] * 400_000
    rows[300_000] = "3"
    with pytest.raises(ValueError, match="line 300002 has 1 fields, the header 2"):
        _brink.read_columns("a,b\n" + "\n".join(rows) + "\n", {}, {})
    columns = _brink.read_columns("a,b\n" + "\n".join(["1,2.5"] * 400_000) + "\n", {}, {})
    assert len(columns["a"]) == 400_000 and columns["b"].sum() == 2.5 * 400_000


def test_the_outcome_needs_no_texts(default_scenario):
    result = brink.run(default_scenario, seed=5)
    assert result.outcome in ("war", "settlement", "capitulation", "standoff", "fait_accompli")
    assert "texts" not in vars(result)  # the files' texts are made on first use only
    assert result.outcome == result.summary["outcome"]["kind"]
    assert "texts" in vars(result)
