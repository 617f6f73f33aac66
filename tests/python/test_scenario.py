"""brink.load, brink.Scenario and brink.ScenarioError."""

import copy

import pytest

import brink
from conftest import BAD, SCENARIOS, SMALL


def test_import_gives_the_public_names():
    for name in ("load", "run", "ensemble", "Scenario", "ScenarioError", "Run", "Ensemble"):
        assert hasattr(brink, name)
    assert issubclass(brink.ScenarioError, ValueError)


def test_load_default_file_text_and_dict_agree():
    default = brink.load()
    from_file = brink.load(SCENARIOS / "ukraine_2022.yaml")
    from_text = brink.load((SCENARIOS / "ukraine_2022.yaml").read_text())
    from_dict = brink.load(default.to_dict())
    assert default.name == "Russia–Ukraine crisis, January 2022"
    assert from_file.to_yaml() == default.to_yaml()
    assert from_text.to_yaml() == default.to_yaml()
    assert from_dict.to_yaml() == default.to_yaml()


def test_small_dict_loads_and_round_trips():
    scenario = brink.load(SMALL)
    again = brink.load(scenario.to_dict())
    assert again.to_yaml() == scenario.to_yaml()
    assert scenario.validate() is scenario


def test_bad_file_raises_with_the_same_message_as_the_cli():
    path = BAD / "bad_cameo.yaml"
    expected = (BAD / "bad_cameo.expected").read_text().strip().replace("tests/scenarios/bad/", "")
    with pytest.raises(brink.ScenarioError) as raised:
        brink.load(str(path))
    assert len(raised.value.diagnostics) == 1
    assert raised.value.diagnostics[0].endswith(expected.split(":", 3)[3])
    assert raised.value.diagnostics[0].startswith(str(path) + ":18:45: error:")


def test_missing_file_raises():
    with pytest.raises(brink.ScenarioError) as raised:
        brink.load("/nonexistent/brink.yaml")
    assert "/nonexistent/brink.yaml" in str(raised.value)


def test_bad_dict_names_the_key_path():
    data = copy.deepcopy(SMALL)
    data["actors"]["red"]["resolve"] = 1.5
    data["actors"]["blue"]["resolv"] = 0.5
    with pytest.raises(brink.ScenarioError) as raised:
        brink.load(data)
    messages = raised.value.diagnostics
    assert len(messages) == 2
    assert any(m.startswith("<dict>:actors.red.resolve: error:") for m in messages)
    assert any(m.startswith("<dict>:actors.blue.resolv: error:") and "did you mean 'resolve'" in m
               for m in messages)


def test_bad_text_keeps_line_and_column():
    with pytest.raises(brink.ScenarioError) as raised:
        brink.load("metadata:\n  name: x\n  horizon: -3\n")
    assert any(m.startswith("<text>:3:") for m in raised.value.diagnostics)


def test_set_uses_the_set_grammar_and_keeps_the_scenario_on_error():
    scenario = brink.load()
    assert scenario.set("actors.russia.resolve", 0.9) is scenario
    assert scenario.to_dict()["actors"]["russia"]["resolve"] == 0.9
    scenario.set("model.decisions_enabled", False).set("actors.china.kind", "alliance")
    assert scenario.to_dict()["model"]["decisions_enabled"] is False
    before = scenario.to_yaml()
    with pytest.raises(brink.ScenarioError, match="did you mean 'resolve'"):
        scenario.set("actors.russia.resolv", 0.5)
    with pytest.raises(brink.ScenarioError, match="unknown"):
        scenario.set("actors.atlantis.resolve", 0.5)
    with pytest.raises(brink.ScenarioError, match=r"\[0, 1\]"):
        scenario.set("actors.russia.resolve", 1.5)
    with pytest.raises(ValueError):
        scenario.set("actors.russia.resolve", float("nan"))
    with pytest.raises(ValueError):
        scenario.set("actors.russia.resolve", [0.5])
    assert scenario.to_yaml() == before


def test_copy_is_independent():
    scenario = brink.load()
    other = scenario.copy().set("actors.russia.resolve", 0.1)
    assert scenario.to_dict()["actors"]["russia"]["resolve"] != 0.1
    assert other.to_dict()["actors"]["russia"]["resolve"] == 0.1


def test_wrong_argument_type_raises_type_error():
    with pytest.raises(TypeError):
        brink.load(42)
