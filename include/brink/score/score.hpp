// brink score: ensembles of the case library against what happened (docs/validation.md, "Scores";
// docs/outputs.md, "brink score"). A case's forecast is the tally of its replications
// (sweep::run_replications); the scores compare forecasts with the observed rows (observed.hpp) by the rules
// of scoring.hpp, beside two baselines fitted on the same cases: the base rate and a capability-only logistic
// model. Writes score.csv, score_actors.csv and score.json; draws nothing (plots/score_charts.hpp does).
#pragma once

#include "brink/io/summary_json.hpp"
#include "brink/scenario.hpp"
#include "brink/score/dyad_series.hpp"
#include "brink/score/observed.hpp"
#include "brink/score/scoring.hpp"
#include "brink/sweep/replications.hpp"

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace brink::score {

/// Violence levels on ICB's sevvio scale: 1 none, 2 minor clashes, 3 serious clashes, 4 full-scale war.
inline constexpr int k_violence_levels = 4;

/// The run outcome classes (model::OutcomeKind names), in score.csv's column order.
inline constexpr std::array<const char*, 5> k_outcome_classes = {"war", "settlement", "capitulation",
                                                                 "standoff", "fait_accompli"};

/// The actor outcome classes (ICB outcom), in score_actors.csv's column order.
inline constexpr std::array<const char*, 4> k_actor_outcomes = {"victory", "compromise", "stalemate",
                                                                "defeat"};

/// What an ensemble forecasts for one case.
struct CaseForecast {
    std::string name;         ///< Case name (file stem).
    std::string file;         ///< Case file as given.
    int runs = 0;             ///< Replications that finished without error.
    int failed = 0;           ///< Replications that threw (left out of every share).
    double p_war = 0.0;       ///< Share of runs ending in war.
    Interval p_war_interval;  ///< Wilson 95% interval of p_war.
    std::array<double, k_violence_levels> p_violence{};  ///< Share of runs per highest violence level 1..4.
    std::array<double, k_outcome_classes.size()> p_outcome{};  ///< Share per outcome class.
    double median_days = 0.0;  ///< Median day the runs ended (the horizon for a standoff); NaN if none.
    double median_days_to_war = 0.0;  ///< Median day of war among war runs; NaN if none went to war.
    /// Per principal actor id: share of runs per actor outcome (k_actor_outcomes), then the share where the
    /// run gave that actor no outcome.
    std::map<std::string, std::array<double, k_actor_outcomes.size() + 1>> actor_outcomes;
    double log_capability_ratio = 0.0;  ///< ln(strongest / weakest principal actor's capability).
    DyadFit dyad;  ///< The comparison with an observed weekly dyad series (weeks 0: the case has none).
};

/// Tallies a case's replications (failed runs left out). `principal_ids` are the observed principal actors:
/// the actor outcome shares are kept for them, and the capability ratio is taken over those present in `spec`
/// (over every actor when fewer than two are).
CaseForecast forecast_case(const std::string& name, const std::string& file, const ScenarioSpec& spec,
                           const std::vector<sweep::ReplicationOutcome>& runs,
                           const std::vector<std::string>& principal_ids);

/// The days of a case that the timing score compares: observed, the day of first violence for a war (when
/// known) and of termination otherwise; predicted, the median day of war among war runs for a war and the
/// median end day of all runs otherwise. NaN where not available.
struct TimingPair {
    double predicted = 0.0;
    double observed = 0.0;
};

/// The timing pair of one case.
TimingPair timing_pair(const CaseForecast& forecast, const ObservedCase& observed);

/// How to score.
struct ScoreOptions {
    int runs = 0;                ///< Replications per case (for the clip 1/(2·runs)). Required, >= 1.
    BootstrapOptions bootstrap;  ///< Resamples and seed of the intervals. Default 2000, seed 1.
    int reliability_bins = 5;    ///< Bins of the reliability diagram. Default 5.
};

/// The scores of one forecaster on the library, each a mean over cases with its bootstrap interval (NaNs
/// when the forecaster has no such forecast).
struct ForecasterScores {
    Interval brier;
    Interval log;
    Interval rps;
    Interval timing;
    int timing_cases = 0;  ///< Cases the timing mean is over.
};

/// Every number of score.json and the per-case rows of score.csv.
struct ScoreReport {
    std::vector<CaseForecast> forecasts;  ///< In the order given.
    std::vector<ObservedCase> observed;   ///< Same order.
    double clip_epsilon = 0.0;            ///< 1/(2·runs).
    // Per case, in the same order.
    std::vector<double> brier, log, rps, timing;  ///< The model's per-case scores.
    std::vector<TimingPair> timing_pairs;         ///< Days compared by the timing score.
    std::vector<double> base_rate_brier, base_rate_log, base_rate_rps, base_rate_timing;
    std::vector<double> logistic_p_war, logistic_brier, logistic_log;
    ForecasterScores model;
    ForecasterScores base_rate;
    ForecasterScores logistic;
    double base_rate_p_war = 0.0;                                ///< Share of wars among the cases.
    std::array<double, k_violence_levels> base_rate_violence{};  ///< Share of cases per violence level.
    double base_rate_days = 0.0;  ///< Median observed days over the cases (the base rate's timing forecast).
    LogisticFit logistic_fit;     ///< Intercept and slope on log_capability_ratio.
    Interval brier_vs_base_rate;  ///< Mean per-case difference model − base rate (negative: model better).
    Interval log_vs_base_rate;    ///< Same for the log score.
    Interval brier_vs_logistic;   ///< Mean per-case difference model − logistic.
    Interval log_vs_logistic;     ///< Same for the log score.
    std::vector<ReliabilityBin> reliability;  ///< The model's reliability diagram.
};

/// Scores forecasts against observed cases (same length and order). Throws std::invalid_argument on
/// mismatched lengths, no cases, or runs < 1.
ScoreReport score_cases(const std::vector<CaseForecast>& forecasts, const std::vector<ObservedCase>& observed,
                        const ScoreOptions& options);

/// What score.json records about the command. No command line and no thread count: the files are
/// byte-identical whatever --threads and --out were.
struct ScoreProvenance {
    std::uint64_t seed = 0;  ///< Base seed of every case's ensemble.
    int runs = 0;            ///< Replications per case.
    std::vector<std::string>
        overrides;  ///< The path=value overrides applied to every case (--params, --set).
};

/// score.csv text (docs/outputs.md).
/// An interval as score.json and the calibration's summary.json write it: {"estimate", "lo", "hi"} (null
/// for NaN).
io::OrderedJson interval_json(const Interval& interval);

std::string score_csv(const ScoreReport& report);
/// score_actors.csv text: per case and principal actor, the observed ICB outcome and the predicted shares.
std::string score_actors_csv(const ScoreReport& report);
/// score.json text.
std::string score_json(const ScoreReport& report, const ScoreOptions& options,
                       const ScoreProvenance& provenance);

/// Writes score.csv, score_actors.csv and score.json into `out_dir` (created), each atomically; returns their
/// paths. Throws io::IoError.
std::vector<std::string> write_score_files(const std::string& out_dir, const ScoreReport& report,
                                           const ScoreOptions& options, const ScoreProvenance& provenance);

}  // namespace brink::score
