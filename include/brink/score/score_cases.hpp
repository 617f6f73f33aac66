// The cases of `brink score` and `brink.score` (Python): each case file loaded and validated, the overrides
// applied, its observed row and any observed weekly dyad series found, every problem a diagnostic; and the
// forecasts of their replications. The command line and the Python module call these, so the two cannot
// drift apart.
#pragma once

#include "brink/io/diagnostics.hpp"
#include "brink/scenario.hpp"
#include "brink/score/dyad_series.hpp"
#include "brink/score/observed.hpp"
#include "brink/score/score.hpp"
#include "brink/sweep/replications.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace brink::score {

/// One case, loaded and checked.
struct ScoreCase {
    std::string path;                          ///< The case file as given.
    ScenarioSpec spec;                         ///< With the overrides applied and validated.
    ObservedCase observed;                     ///< Its observed row.
    std::optional<ObservedDyadSeries> series;  ///< From observed_dyads.csv beside the observed file, if any.
};

/// The cases, or their problems.
struct ScoreCases {
    std::vector<ScoreCase> cases;             ///< Usable only when diagnostics is empty.
    std::vector<io::Diagnostic> diagnostics;  ///< Located (file:line:column) where the problem has a place.
};

/// Loads each case file (a case named twice, a file that does not load, an override it rejects, no observed
/// row, an unreadable observed table or dyad series, a series naming an actor the scenario lacks: each a
/// diagnostic). The observed rows come from `observed_file`, or when empty from default_observed_path of each
/// case; `observed_option` names the way to give one in the message when none is found ("--observed FILE").
ScoreCases load_score_cases(const std::vector<std::string>& paths, const std::vector<std::string>& overrides,
                            const std::string& observed_file, const std::string& observed_option);

/// Runs every case's replications in one pool (seeds derive_seed(seed, run); dyads kept for the cases with
/// a series) and tallies each (forecast_case, and dyad_fit for a series). Returns nothing when options.stop
/// was set before every run finished.
std::vector<CaseForecast> forecast_score_cases(const std::vector<ScoreCase>& cases, std::uint64_t seed,
                                               int runs, const sweep::ReplicationOptions& options);

}  // namespace brink::score
