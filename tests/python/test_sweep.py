"""brink.sweep: the rows of `brink sweep` for the same design and seeds."""

import json
import subprocess

import pandas as pd
import pytest

import brink


def test_grid_equals_the_clis_inline_sweep(default_scenario, brink_executable, tmp_path):
    out = tmp_path / "cli"
    subprocess.run([brink_executable, "sweep", str(default_scenario._name), "--param",
                    "actors.russia.resolve=0.5:0.9:3", "--param", "relations.commitments.usa.ukraine=0,0.5",
                    "--runs", "3", "--seed", "3", "--quiet", "--out", str(out)], check=True)
    grid = brink.sweep(default_scenario, {"actors.russia.resolve": "0.5:0.9:3",
                                          "relations.commitments.usa.ukraine": [0, 0.5]}, runs=3, seed=3)
    assert grid.texts["runs"] == (out / "runs.csv").read_text()
    assert grid.texts["points"] == (out / "points.csv").read_text()
    assert len(grid.points) == 6 and len(grid.runs) == 18
    assert list(grid.points["actors.russia.resolve"]) == [0.5, 0.5, 0.7, 0.7, 0.9, 0.9]
    assert isinstance(grid.runs["outcome"].dtype, pd.CategoricalDtype)
    assert grid.sobol is None and grid.complete
    assert grid.summary["design"] == "grid"
    expected = json.loads((out / "sweep.json").read_text())
    for summary in (expected, grid.summary):
        summary["scenario"].pop("path")  # the CLI's file, the package's dumped copy of the same scenario
    assert grid.summary == expected


def test_sobol_and_lhs_designs(default_scenario):
    ranges = {"actors.russia.resolve": (0.5, 0.9), "model.rationality": (1, 8)}
    sobol = brink.sweep(default_scenario, ranges, design="sobol", points=4, runs=1, seed=1, bootstrap=20)
    assert len(sobol.points) == 4 * (2 + 2)
    assert list(sobol.sobol.columns) == ["metric", "parameter", "S1", "S1_lo", "S1_hi", "ST", "ST_lo", "ST_hi"]
    lhs = brink.sweep(default_scenario, ranges, design="lhs", points=5, runs=1, seed=1)
    assert len(lhs.points) == 5
    assert lhs.points["model.rationality"].between(1, 8).all()


def test_bad_sweeps_raise(default_scenario):
    with pytest.raises(brink.ScenarioError, match="did you mean 'resolve'"):
        brink.sweep(default_scenario, {"actors.russia.resolv": [0.5]})
    with pytest.raises(brink.ScenarioError):
        brink.sweep(default_scenario, {"actors.russia.resolve": [0.5, 1.5]})
    with pytest.raises(ValueError):
        brink.sweep(default_scenario, {"actors.russia.resolve": [0.5]}, design="factorial")
    with pytest.raises(ValueError):
        brink.sweep(default_scenario, {"actors.russia.resolve": [0.5, 0.7, 0.9]}, design="lhs", points=3)


def test_text_levels_equal_the_clis_inline_sweep(default_scenario, brink_executable, tmp_path):
    # `--param actors.china.kind=state,alliance` (issue 17: "'state' is not a number" before).
    out = tmp_path / "cli"
    subprocess.run([brink_executable, "sweep", str(default_scenario._name), "--param",
                    "actors.china.kind=state,alliance", "--param", "actors.russia.resolve=0.6,0.8", "--runs",
                    "2", "--seed", "5", "--quiet", "--out", str(out)], check=True)
    grid = brink.sweep(default_scenario, {"actors.china.kind": ["state", "alliance"],
                                          "actors.russia.resolve": [0.6, 0.8]}, runs=2, seed=5)
    assert grid.texts["runs"] == (out / "runs.csv").read_text()
    assert grid.texts["points"] == (out / "points.csv").read_text()
    assert list(grid.points["actors.china.kind"]) == ["state", "state", "alliance", "alliance"]
    assert grid.runs["error"].isna().all()
    assert grid.summary["parameters"][0]["values"] == ["state", "alliance"]


def test_boolean_list_and_event_levels(default_scenario):
    grid = brink.sweep(default_scenario, {
        "model.decisions_enabled": [True, False],
        "demands.russia_no_enlargement.targets": [["usa"], ["usa", "nato"]],
        "events.0.day": [-90, -60],
    }, runs=1, seed=2)
    assert len(grid.points) == 8
    assert grid.runs["error"].isna().all(), grid.runs["error"].dropna().tolist()
    assert list(grid.points["model.decisions_enabled"][::4]) == ["true", "false"]
    assert list(grid.points["demands.russia_no_enlargement.targets"][:4:2]) == ["[usa]", "[usa, nato]"]
    assert list(grid.points["events.0.day"][:2]) == [-90, -60]


BELARUS = {"name": "Belarus", "kind": "state", "capability": 0.8, "resolve": 0.6,
           "positions": {"nato_enlargement": {"position": 0.9, "salience": 0.5}}}


def with_belarus(scenario, present):
    """A structural variant: the scenario with a Belarus actor (a dict back: brink.load takes it)."""
    if not present:
        return scenario
    data = scenario.to_dict()
    data["actors"]["belarus"] = BELARUS
    return data


def test_a_variant_function_adds_an_actor_with_the_seeds_of_the_design(default_scenario):
    grid = brink.sweep(default_scenario, {"belarus": (with_belarus, [False, True]),
                                          "actors.russia.resolve": [0.8]}, runs=3, seed=4)
    assert list(grid.points["belarus"]) == ["false", "true"]
    assert grid.summary["parameters"][0] == {"path": "belarus", "label": "belarus", "values": ["false", "true"],
                                             "variant": True}
    assert grid.runs["error"].isna().all()
    # Run r has seed derive_seed(4, r) whatever its point: an ensemble of the same scenario with the same
    # base seed has the same seeds, so point 1 (Belarus, runs 3..5) is runs 3..5 of the variant's ensemble.
    variant = brink.load(with_belarus(default_scenario.copy(), True)).set("actors.russia.resolve", 0.8)
    ensemble = brink.ensemble(variant, runs=6, seed=4, threads=1).runs
    point = grid.runs[grid.runs["point"] == 1]
    assert list(point["seed"]) == list(ensemble["seed"][3:6])
    assert list(point["outcome"].astype(str)) == list(ensemble["outcome"][3:6].astype(str))
    assert list(point["time"]) == list(ensemble["time"][3:6])
    base = brink.ensemble(default_scenario.copy().set("actors.russia.resolve", 0.8), runs=3, seed=4).runs
    assert list(grid.runs["outcome"][:3].astype(str)) == list(base["outcome"].astype(str))


def test_dict_levels_set_several_keys_together(default_scenario):
    grid = brink.sweep(default_scenario, {"actors.russia": [{"resolve": 0.6}, {"resolve": 0.9, "cost_of_war": 0.3}],
                                          "model.rationality": [8]}, runs=2, seed=1)
    assert list(grid.points["actors.russia"]) == ['{"resolve":0.6}', '{"cost_of_war":0.3,"resolve":0.9}']
    assert grid.runs["error"].isna().all()


def test_bad_levels_and_variants_raise(default_scenario):
    with pytest.raises(brink.ScenarioError, match="expects state, alliance or organisation"):
        brink.sweep(default_scenario, {"actors.china.kind": ["state", "empire"]})
    with pytest.raises(ValueError, match="grid"):
        brink.sweep(default_scenario, {"actors.china.kind": ["state", "alliance"]}, design="lhs", points=3)
    with pytest.raises(ValueError, match="grid"):
        brink.sweep(default_scenario, {"belarus": (with_belarus, [False, True]),
                                       "actors.russia.resolve": (0.5, 0.9)}, design="mc", points=3)
    with pytest.raises(ValueError, match="returned None"):
        brink.sweep(default_scenario, {"none": (lambda scenario, value: None, [1]), "model.rationality": [8]})
    with pytest.raises(brink.ScenarioError, match=r"^variant moved=9999: .*events\.0\.day"):
        brink.sweep(default_scenario, {"moved": (lambda s, day: s.set("events.0.day", day), [9999]),
                                       "model.rationality": [8]})
    with pytest.raises(brink.ScenarioError, match=r"^variant broken=1: <dict>"):
        brink.sweep(default_scenario, {"broken": (lambda s, v: {**s.to_dict(), "actors": {}}, [1]),
                                       "model.rationality": [8]})
    with pytest.raises(ValueError, match="at least one parameter addressed by a --set path"):
        brink.sweep(default_scenario, {"belarus": (with_belarus, [False, True])})
