"""Random mutations of a scenario dict: each loads, or raises ScenarioError (or ValueError); none crashes."""

import copy
import math
import random

import brink
from conftest import SMALL

#: Replacement values: wrong types, NaN, huge and negative numbers, odd strings, nesting.
ODD_VALUES = [None, True, -1, 0, 1e308, -1e308, math.nan, math.inf, 2**70, -(2**70), "", "x" * 300,
              "2022-02-30", "Ωmega", [], [1, [2, [3]]], {}, {"a": {"b": None}}, 0.5, "0.5", 7]


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, prefix + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, prefix + (index,))


def _mutate(data, rng):
    data = copy.deepcopy(data)
    paths = [p for p in _paths(data) if p]
    path = rng.choice(paths)
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    action = rng.random()
    if action < 0.6:
        parent[path[-1]] = rng.choice(ODD_VALUES)
    elif action < 0.8 and isinstance(parent, dict):
        del parent[path[-1]]
    elif isinstance(parent, dict):
        parent[path[-1] + "_x" if isinstance(path[-1], str) else "extra"] = rng.choice(ODD_VALUES)
    return data


def test_random_mutations_never_crash():
    rng = random.Random(17)
    default = brink.load().to_dict()
    outcomes = {"loaded": 0, "rejected": 0}
    for trial in range(160):
        data = _mutate(SMALL if trial % 2 else default, rng)
        if trial % 5 == 0:
            data = _mutate(data, rng)
        try:
            scenario = brink.load(data)
        except ValueError as error:  # ScenarioError is a ValueError
            assert str(error)
            outcomes["rejected"] += 1
            continue
        outcomes["loaded"] += 1
        if trial % 8 == 1:
            brink.run(scenario, seed=trial)
    assert outcomes["rejected"] > 20
    assert outcomes["loaded"] > 5


def test_random_set_values_never_crash():
    rng = random.Random(5)
    scenario = brink.load()
    paths = ["actors.russia.resolve", "actors.usa.capability", "model.rationality", "metadata.horizon",
             "relations.usa.ukraine", "actors.russia.positions.nato_enlargement.position", "nonsense.path",
             "actors..resolve", "metadata.start_date"]
    for _ in range(120):
        path, value = rng.choice(paths), rng.choice(ODD_VALUES)
        try:
            scenario.set(path, value)
        except ValueError:
            pass
    scenario.validate()
