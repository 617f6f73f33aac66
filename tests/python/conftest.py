"""Fixtures of the Python package's tests (run by CTest with PYTHONPATH=<build>/python)."""

import os
import pathlib

import pytest

import brink

SOURCE_DIR = pathlib.Path(__file__).resolve().parents[2]
SCENARIOS = SOURCE_DIR / "scenarios"
BAD = SOURCE_DIR / "tests" / "scenarios" / "bad"

#: A small valid scenario, as a dict (two actors, one issue, one demand).
SMALL = {
    "metadata": {"name": "small", "start_date": "2020-01-01", "horizon": 30},
    "issues": {"border": {"status_quo": 0.2}},
    "actors": {
        "red": {"capability": 2, "resolve": 0.7, "positions": {"border": {"position": 1, "salience": 0.9}}},
        "blue": {"capability": 3, "positions": {"border": {"position": 0, "salience": 0.8}}},
    },
    "demands": {"red_border": {"challenger": "red", "targets": ["blue"], "issue": "border", "value": 1,
                               "deadline": 10}},
}


@pytest.fixture(scope="session")
def default_scenario():
    return brink.load()


@pytest.fixture(scope="session")
def brink_executable():
    path = os.environ.get("BRINK_EXECUTABLE")
    if not path or not os.path.exists(path):
        pytest.skip("BRINK_EXECUTABLE is not set (CTest sets it)")
    return path
