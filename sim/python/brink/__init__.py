"""brink: a discrete-event simulator of diplomatic crises, from Python (docs/python.md).

    import brink
    scenario = brink.load()                      # the bundled default scenario; or a path, YAML text, a dict
    scenario.set("actors.russia.resolve", 0.9)   # the `--set` grammar
    result = brink.run(scenario, seed=7)         # .summary, .events, .trajectory, .dyads (DataFrames)
    many = brink.ensemble(scenario, runs=200, seed=7)   # .runs (one row per run), .summary
    grid = brink.sweep(scenario, {"actors.russia.resolve": [0.5, 0.7, 0.9]}, runs=50)   # .points, .runs
    scores = brink.score(["scenarios/cases/cuba_1962.yaml"], runs=50)   # .cases, .summary (brink score)

The same library calls as the `brink` command: same scenarios, same validation, same seeds, same rows.
"""

from ._brink import __version__, default_scenario_path
from ._ema import ema_model
from ._results import Ensemble, Run, ensemble, run
from ._scenario import Scenario, ScenarioError, load
from ._score import Calibration, Score, calibrate, score
from ._sweep import Sweep, sweep

__all__ = [
    "Calibration",
    "Ensemble",
    "Run",
    "Scenario",
    "ScenarioError",
    "Score",
    "Sweep",
    "__version__",
    "calibrate",
    "default_scenario_path",
    "ema_model",
    "ensemble",
    "load",
    "run",
    "score",
    "sweep",
]
