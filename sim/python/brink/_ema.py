"""brink.ema_model: a scenario as a plain function of parameters, the form EMA Workbench's function models
take (docs/python.md). Each call runs an ensemble (brink.ensemble with the parameters as `--set` overrides)
and returns the named outcomes read from its summary.json; nothing is computed here.
"""

from ._results import ensemble
from ._scenario import as_scenario

#: Outcome names: read from the ensemble's summary.json ("share:<outcome>" for each outcome kind too).
_OUTCOMES = {
    "p_war": lambda summary: summary["p_war"]["estimate"],
    "p_war_lo": lambda summary: summary["p_war"]["lo"],
    "p_war_hi": lambda summary: summary["p_war"]["hi"],
    "median_time_to_war": lambda summary: summary["median_time_to_war"],
    "runs_failed": lambda summary: summary["runs_failed"],
}


def _outcome(summary, name):
    if name in _OUTCOMES:
        return _OUTCOMES[name](summary)
    if name.startswith("share:") and name[len("share:"):] in summary["outcomes"]:
        finished = summary["runs"] - summary["runs_failed"]
        return summary["outcomes"][name[len("share:"):]] / finished if finished else float("nan")
    raise ValueError(f"unknown outcome {name!r}: expected one of {sorted(_OUTCOMES)} or share:<outcome> "
                     f"({', '.join(sorted(summary['outcomes']))})")


def ema_model(scenario, outcomes=("p_war",), runs=100, seed=None, threads=None, names=None):
    """A function f(**params) -> {outcome: value}: `params` are `--set` paths (or keys of `names`, which maps
    short names to paths) with their values; each call runs `runs` replications (same seeds every call:
    common random numbers) and returns `outcomes` ("p_war", "p_war_lo", "p_war_hi", "median_time_to_war"
    (None when no run ended in war), "runs_failed", "share:<outcome kind>"). The scenario is copied once;
    calls never change it."""
    base = as_scenario(scenario).copy()
    outcomes = list(outcomes)
    names = dict(names or {})

    def model(**params):
        paths = {names.get(name, name): value for name, value in params.items()}
        summary = ensemble(base, runs, seed=seed, threads=threads, params=paths).summary
        return {name: _outcome(summary, name) for name in outcomes}

    model.outcomes = outcomes
    return model
