"""brink.score and brink.calibrate: the files of `brink score` and `brink calibrate` for the same inputs."""

import json
import subprocess

import pandas as pd
import pytest

import brink

from conftest import SCENARIOS

CASES = [str(SCENARIOS / "cases" / "chanak_1922.yaml"), str(SCENARIOS / "cuba_1962.yaml")]


def test_score_equals_the_clis_files(brink_executable, tmp_path):
    out = tmp_path / "cli"
    subprocess.run([brink_executable, "score", *CASES, "--runs", "8", "--seed", "3", "--bootstrap", "50",
                    "--set", "model.rationality=6", "--no-plot", "--quiet", "--out", str(out)], check=True)
    scored = brink.score(CASES, runs=8, seed=3, bootstrap=50, params={"model.rationality": 6}, threads=2)
    for name in ("score.csv", "score_actors.csv", "score.json"):
        assert scored.texts[name] == (out / name).read_text(), name
    assert list(scored.cases["case"].astype(str)) == ["chanak_1922", "cuba_1962"]
    assert isinstance(scored.cases["case"].dtype, pd.CategoricalDtype)
    assert scored.cases["p_war"].between(0, 1).all()
    assert scored.summary["runs_per_case"] == 8
    assert set(scored.scores) == {"model", "base_rate", "capability_logistic"}
    assert scored.scores["model"]["brier"] == scored.summary["scores"]["model"]["brier"]["estimate"]


def test_bad_scores_raise(tmp_path):
    unknown = tmp_path / "nowhere_1900.yaml"
    unknown.write_text((SCENARIOS / "cases" / "chanak_1922.yaml").read_text())
    with pytest.raises(brink.ScenarioError, match="case 'nowhere_1900' has no observed row"):
        brink.score([unknown], runs=2, observed=SCENARIOS / "cases" / "observed.csv")
    with pytest.raises(brink.ScenarioError, match="did you mean 'rationality'"):
        brink.score(CASES[:1], runs=2, params={"model.rationalty": 2})
    with pytest.raises(brink.ScenarioError, match="given twice"):
        brink.score(CASES[:1] * 2, runs=2)
    with pytest.raises(ValueError):
        brink.score(CASES, runs=0)
    with pytest.raises(brink.ScenarioError):
        brink.score([str(tmp_path / "missing.yaml")], runs=2)


TINY = {"cases": [CASES[0], str(SCENARIOS / "cases" / "football_war_*.yaml"), CASES[1]],
        "parameters": {"model.rationality": [2, 20], "model.war.fog": [0, 1]},
        "design": {"method": "sobol", "points": 3}, "runs": 4, "folds": 2, "seed": 3, "bootstrap": 20}


def test_calibrate_equals_the_clis_files(brink_executable, tmp_path):
    file = tmp_path / "tiny.yaml"
    file.write_text(json.dumps(TINY))  # JSON is YAML
    out = tmp_path / "cli"
    subprocess.run([brink_executable, "calibrate", str(file), "--no-plot", "--quiet", "--out", str(out)],
                   check=True)
    fitted = brink.calibrate(TINY, threads=2)
    for name in ("calibration.csv", "cv.csv", "cv/score.csv", "cv/score.json"):
        assert fitted.texts[name] == (out / name).read_text(), name
    # best.yaml's first line names the calibration file: the CLI's path, the package's "<calibration>".
    assert fitted.best_yaml.startswith("# brink calibrate <calibration>: point ")
    assert fitted.best_yaml.split("\n", 1)[1] == (out / "best.yaml").read_text().split("\n", 1)[1]
    expected = json.loads((out / "summary.json").read_text())
    for summary in (expected, fitted.summary):
        summary.pop("file")  # the CLI's file, the package's "<calibration>"
    assert fitted.summary == expected
    assert len(fitted.points) == 3 and list(fitted.points["point"]) == [0, 1, 2]
    assert set(fitted.best) == {"model.rationality", "model.war.fog"}
    assert 2 <= fitted.best["model.rationality"] <= 20
    assert sorted(fitted.cross_validated.cases["case"].astype(str)) == sorted(fitted.cv["case"].astype(str))
    assert brink.calibrate(file).texts["calibration.csv"] == fitted.texts["calibration.csv"]


def test_bad_calibrations_raise():
    with pytest.raises(brink.ScenarioError, match="points"):
        brink.calibrate({**TINY, "design": {"method": "sobol", "points": 0}})
    with pytest.raises(brink.ScenarioError, match="model."):
        brink.calibrate({**TINY, "parameters": {"actors.russia.resolve": [0, 1]}})
    with pytest.raises(TypeError):
        brink.calibrate(42)
