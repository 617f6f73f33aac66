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
    with pytest.raises(ValueError, match="numeric"):
        brink.sweep(default_scenario, {"actors.china.kind": ["state", "alliance"]})
    with pytest.raises(ValueError):
        brink.sweep(default_scenario, {"actors.russia.resolve": [0.5]}, design="factorial")
    with pytest.raises(ValueError):
        brink.sweep(default_scenario, {"actors.russia.resolve": [0.5, 0.7, 0.9]}, design="lhs", points=3)
