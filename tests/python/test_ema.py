"""brink.ema_model: a plain function of parameters returning the named outcomes of an ensemble."""

import pytest

import brink


def test_ema_model_returns_the_ensembles_outcomes(default_scenario):
    model = brink.ema_model(default_scenario, outcomes=["p_war", "p_war_lo", "median_time_to_war",
                                                        "share:war", "share:settlement"],
                            runs=10, seed=2, names={"resolve": "actors.russia.resolve"})
    before = default_scenario.to_yaml()
    values = model(resolve=0.6, **{"model.rationality": 8})
    assert default_scenario.to_yaml() == before
    summary = brink.ensemble(default_scenario, 10, seed=2,
                             params={"actors.russia.resolve": 0.6, "model.rationality": 8}).summary
    assert values["p_war"] == summary["p_war"]["estimate"] == values["share:war"]
    assert values["p_war_lo"] <= values["p_war"]
    assert values["share:settlement"] == summary["outcomes"]["settlement"] / 10
    assert model(resolve=0.6, **{"model.rationality": 8}) == values  # common random numbers


def test_ema_model_rejects_bad_parameters_and_outcomes(default_scenario):
    with pytest.raises(brink.ScenarioError):
        brink.ema_model(default_scenario, runs=2)(**{"actors.russia.resolv": 0.5})
    with pytest.raises(ValueError, match="unknown outcome"):
        brink.ema_model(default_scenario, outcomes=["p_peace"], runs=2)()
