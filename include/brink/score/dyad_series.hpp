// Observed weekly dyad series (docs/validation.md, "Weekly dyad series"; docs/outputs.md, score.csv): a case
// may carry, in observed_dyads.csv beside its observed.csv, the weekly sums of the Goldstein scores of the
// events between two of its actors (both directions; e.g. from GDELT or ICEWS). `brink score` then compares
// the mean simulated weekly sums of that dyad with them (sign agreement, Pearson correlation), beside a
// no-dynamics baseline that forecasts every week with the sign of the dyad's starting affinity.
#pragma once

#include "brink/scenario.hpp"
#include "brink/sweep/replications.hpp"

#include <limits>
#include <map>
#include <string>
#include <vector>

namespace brink::score {

/// One observed week.
struct ObservedWeek {
    long week_start = 0;     ///< First day of the week, days since 1970-01-01 (io::date_to_days).
    double goldstein = 0.0;  ///< Sum of the Goldstein scores of the dyad's events that week (both ways).
};

/// A case's observed weekly series of one dyad.
struct ObservedDyadSeries {
    std::string a, b;                 ///< Actor ids (unordered).
    std::vector<ObservedWeek> weeks;  ///< By week_start, each once.
};

/// Parses observed_dyads.csv text: columns `case,a,b,week_start,goldstein` (others ignored; week_start
/// YYYY-MM-DD). One dyad per case. Throws ScoreInputError naming path:line on a bad row, a second dyad for a
/// case, or a week given twice.
std::map<std::string, ObservedDyadSeries> parse_dyad_series(const std::string& text, const std::string& path);
/// Reads the file (ScoreInputError when it cannot be read).
std::map<std::string, ObservedDyadSeries> read_dyad_series(const std::string& path);
/// observed_dyads.csv beside an observed.csv, or empty when there is none.
std::string default_dyad_series_path(const std::string& observed_path);

/// Why a series cannot be compared with a case's runs (an actor not in the scenario, no start date), or
/// empty when it can.
std::string check_dyad_series(const ScenarioSpec& spec, const ObservedDyadSeries& series);

/// The comparison of one case's runs with its observed series, over the observed weeks that start within
/// the case's horizon (day 0 to the horizon). Fields are NaN where undefined.
struct DyadFit {
    std::string a, b;  ///< The dyad.
    int weeks = 0;     ///< Observed weeks compared (0: no series).
    double sign_agreement = std::numeric_limits<double>::quiet_NaN();  ///< Share of weeks with sgn equal.
    double correlation = std::numeric_limits<double>::quiet_NaN();     ///< Pearson r over the weeks.
    double baseline_sign_agreement = std::numeric_limits<double>::quiet_NaN();  ///< Same for sgn(affinity).
    double starting_affinity = std::numeric_limits<double>::quiet_NaN();        ///< Mean over runs, day 0.
};

/// Sign agreement: the share of i with sgn(predicted[i]) == sgn(observed[i]) (sgn 0 for 0). NaN when empty.
double sign_agreement(const std::vector<double>& predicted, const std::vector<double>& observed);
/// Pearson correlation; NaN with fewer than 3 pairs or a constant side.
double pearson_correlation(const std::vector<double>& x, const std::vector<double>& y);

/// The mean over the successful runs (each with dyads kept: ReplicationJob::keep_dyads) of the dyad's weekly
/// Goldstein sums (both directions; a run that ended before a week contributes 0 to it), compared with the
/// series. Precondition: check_dyad_series(spec, series) is empty.
DyadFit dyad_fit(const ScenarioSpec& spec, const std::vector<sweep::ReplicationOutcome>& runs,
                 const ObservedDyadSeries& series);

}  // namespace brink::score
