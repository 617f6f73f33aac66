// Forecasts of the case library, their scores against the observed outcomes and the baselines, and the
// files of `brink score` (include/brink/score/score.hpp; docs/validation.md "Scores", docs/outputs.md).
#include "brink/score/score.hpp"

#include "brink/io/atomic_file.hpp"
#include "brink/io/csv.hpp"
#include "brink/io/summary_json.hpp"
#include "brink/sweep/statistics.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>
#include <stdexcept>

namespace brink::score {
namespace fs = std::filesystem;
namespace {

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

std::size_t outcome_class_index(model::OutcomeKind kind) {
    const std::string name = model::to_string(kind);
    for (std::size_t c = 0; c < k_outcome_classes.size(); ++c) {
        if (name == k_outcome_classes[c]) {
            return c;
        }
    }
    return k_outcome_classes.size();
}

// ln(strongest / weakest) over the capabilities of the actors whose ids are given (all actors when fewer
// than two of them are in the scenario).
double log_capability_ratio(const ScenarioSpec& spec, const std::vector<std::string>& ids) {
    std::vector<double> capabilities;
    for (const ActorSpec& actor : spec.actors) {
        if (std::find(ids.begin(), ids.end(), actor.id) != ids.end()) {
            capabilities.push_back(actor.capability);
        }
    }
    if (capabilities.size() < 2) {
        capabilities.clear();
        for (const ActorSpec& actor : spec.actors) {
            capabilities.push_back(actor.capability);
        }
    }
    if (capabilities.size() < 2) {
        return 0.0;
    }
    const auto [weakest, strongest] = std::minmax_element(capabilities.begin(), capabilities.end());
    return std::log(*strongest / *weakest);
}

double observed_days(const ObservedCase& observed) {
    return observed.war == 1 ? observed.days_to_violence : observed.days_to_termination;
}

Interval difference_interval(const std::vector<double>& a, const std::vector<double>& b,
                             const BootstrapOptions& options) {
    std::vector<double> differences;
    for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
        differences.push_back(a[i] - b[i]);
    }
    return bootstrap_mean(differences, options);
}

io::OrderedJson forecaster_json(const ForecasterScores& scores) {
    io::OrderedJson json;
    json["brier"] = interval_json(scores.brier);
    json["log"] = interval_json(scores.log);
    json["rps"] = std::isfinite(scores.rps.estimate) ? interval_json(scores.rps) : io::OrderedJson(nullptr);
    if (std::isfinite(scores.timing.estimate)) {
        json["timing"] = interval_json(scores.timing);
        json["timing"]["cases"] = scores.timing_cases;
    } else {
        json["timing"] = nullptr;
    }
    return json;
}

}  // namespace

io::OrderedJson interval_json(const Interval& interval) {
    io::OrderedJson json;
    json["estimate"] = io::json_number(interval.estimate);
    json["lo"] = io::json_number(interval.lo);
    json["hi"] = io::json_number(interval.hi);
    return json;
}

CaseForecast forecast_case(const std::string& name, const std::string& file, const ScenarioSpec& spec,
                           const std::vector<sweep::ReplicationOutcome>& runs,
                           const std::vector<std::string>& principal_ids) {
    CaseForecast forecast;
    forecast.name = name;
    forecast.file = file;
    std::uint64_t wars = 0;
    std::vector<double> end_days;
    std::vector<double> war_days;
    std::array<std::uint64_t, k_violence_levels> violence{};
    std::array<std::uint64_t, k_outcome_classes.size()> classes{};
    std::map<std::string, std::array<std::uint64_t, k_actor_outcomes.size() + 1>> actor_counts;
    for (const std::string& id : principal_ids) {
        actor_counts[id] = {};
    }
    for (const sweep::ReplicationOutcome& run : runs) {
        if (!run.error.empty()) {
            ++forecast.failed;
            continue;
        }
        ++forecast.runs;
        const model::Outcome& outcome = run.outcome;
        const int level = std::clamp(outcome.violence, 1, k_violence_levels);
        ++violence[static_cast<std::size_t>(level - 1)];
        const std::size_t kind = outcome_class_index(outcome.kind);
        if (kind < classes.size()) {
            ++classes[kind];
        }
        end_days.push_back(outcome.time);
        if (outcome.kind == model::OutcomeKind::War) {
            ++wars;
            war_days.push_back(outcome.time);
        }
        for (auto& [id, counts] : actor_counts) {
            const auto found = outcome.actor_outcomes.find(id);
            if (found == outcome.actor_outcomes.end()) {
                ++counts[k_actor_outcomes.size()];
                continue;
            }
            const std::string actor_outcome = model::to_string(found->second);
            for (std::size_t c = 0; c < k_actor_outcomes.size(); ++c) {
                if (actor_outcome == k_actor_outcomes[c]) {
                    ++counts[c];
                }
            }
        }
    }
    const auto n = static_cast<std::uint64_t>(forecast.runs);
    // count / n, as the ensemble's summary.json computes P(war), so that the two print the same number.
    const auto share_of = [n](std::uint64_t count) {
        return n == 0 ? k_nan : static_cast<double>(count) / static_cast<double>(n);
    };
    forecast.p_war = share_of(wars);
    forecast.p_war_interval = io::wilson_interval(wars, n);
    for (std::size_t level = 0; level < violence.size(); ++level) {
        forecast.p_violence[level] = share_of(violence[level]);
    }
    for (std::size_t c = 0; c < classes.size(); ++c) {
        forecast.p_outcome[c] = share_of(classes[c]);
    }
    for (const auto& [id, counts] : actor_counts) {
        auto& shares = forecast.actor_outcomes[id];
        for (std::size_t c = 0; c < counts.size(); ++c) {
            shares[c] = share_of(counts[c]);
        }
    }
    forecast.median_days = sweep::median(end_days);
    forecast.median_days_to_war = sweep::median(war_days);
    forecast.log_capability_ratio = log_capability_ratio(spec, principal_ids);
    return forecast;
}

TimingPair timing_pair(const CaseForecast& forecast, const ObservedCase& observed) {
    return {observed.war == 1 ? forecast.median_days_to_war : forecast.median_days, observed_days(observed)};
}

ScoreReport score_cases(const std::vector<CaseForecast>& forecasts, const std::vector<ObservedCase>& observed,
                        const ScoreOptions& options) {
    if (forecasts.size() != observed.size() || forecasts.empty()) {
        throw std::invalid_argument("score_cases needs one observed case per forecast, and at least one");
    }
    if (options.runs < 1) {
        throw std::invalid_argument("score_cases needs runs >= 1");
    }
    ScoreReport report;
    report.forecasts = forecasts;
    report.observed = observed;
    report.clip_epsilon = 1.0 / (2.0 * options.runs);
    const double epsilon = report.clip_epsilon;
    const std::size_t n = forecasts.size();

    // The base rate: the cases' own shares (in-sample, as the brief asks).
    std::vector<double> observed_day_values;
    for (const ObservedCase& o : observed) {
        report.base_rate_p_war += o.war;
        report.base_rate_violence[static_cast<std::size_t>(o.max_violence - 1)] += 1.0;
        if (std::isfinite(observed_days(o))) {
            observed_day_values.push_back(observed_days(o));
        }
    }
    report.base_rate_p_war /= static_cast<double>(n);
    for (double& share : report.base_rate_violence) {
        share /= static_cast<double>(n);
    }
    report.base_rate_days = sweep::median(observed_day_values);

    // The capability-only logistic model, fitted on these cases.
    Eigen::MatrixXd features(static_cast<Eigen::Index>(n), 1);
    std::vector<int> wars;
    for (std::size_t i = 0; i < n; ++i) {
        features(static_cast<Eigen::Index>(i), 0) = forecasts[i].log_capability_ratio;
        wars.push_back(observed[i].war);
    }
    report.logistic_fit = fit_logistic(features, wars);

    const std::vector<double> base_violence(report.base_rate_violence.begin(),
                                            report.base_rate_violence.end());
    std::vector<double> model_p_war;
    for (std::size_t i = 0; i < n; ++i) {
        const CaseForecast& f = forecasts[i];
        const ObservedCase& o = observed[i];
        model_p_war.push_back(f.p_war);
        report.brier.push_back(brier_score(f.p_war, o.war));
        report.log.push_back(log_score(f.p_war, o.war, epsilon));
        const std::vector<double> p_violence(f.p_violence.begin(), f.p_violence.end());
        report.rps.push_back(f.runs > 0 ? ranked_probability_score(p_violence, o.max_violence) : k_nan);
        report.timing_pairs.push_back(timing_pair(f, o));
        report.timing.push_back(
            timing_error(report.timing_pairs.back().predicted, report.timing_pairs.back().observed));

        report.base_rate_brier.push_back(brier_score(report.base_rate_p_war, o.war));
        report.base_rate_log.push_back(log_score(report.base_rate_p_war, o.war, epsilon));
        report.base_rate_rps.push_back(ranked_probability_score(base_violence, o.max_violence));
        report.base_rate_timing.push_back(timing_error(report.base_rate_days, observed_days(o)));

        const double p =
            logistic_probability(report.logistic_fit, features.row(static_cast<Eigen::Index>(i)).transpose());
        report.logistic_p_war.push_back(p);
        report.logistic_brier.push_back(brier_score(p, o.war));
        report.logistic_log.push_back(log_score(p, o.war, epsilon));
    }

    // Each interval from its own bootstrap with the same seed: the same resampled cases for every score,
    // since the index draws depend only on the seed and the count of (finite) values.
    const BootstrapOptions& bootstrap = options.bootstrap;
    const auto count_finite = [](const std::vector<double>& values) {
        return static_cast<int>(
            std::count_if(values.begin(), values.end(), [](double v) { return std::isfinite(v); }));
    };
    report.model = {bootstrap_mean(report.brier, bootstrap), bootstrap_mean(report.log, bootstrap),
                    bootstrap_mean(report.rps, bootstrap), bootstrap_mean(report.timing, bootstrap),
                    count_finite(report.timing)};
    report.base_rate = {
        bootstrap_mean(report.base_rate_brier, bootstrap), bootstrap_mean(report.base_rate_log, bootstrap),
        bootstrap_mean(report.base_rate_rps, bootstrap), bootstrap_mean(report.base_rate_timing, bootstrap),
        count_finite(report.base_rate_timing)};
    report.logistic = {bootstrap_mean(report.logistic_brier, bootstrap),
                       bootstrap_mean(report.logistic_log, bootstrap),
                       {k_nan, k_nan, k_nan},
                       {k_nan, k_nan, k_nan},
                       0};
    report.brier_vs_base_rate = difference_interval(report.brier, report.base_rate_brier, bootstrap);
    report.log_vs_base_rate = difference_interval(report.log, report.base_rate_log, bootstrap);
    report.brier_vs_logistic = difference_interval(report.brier, report.logistic_brier, bootstrap);
    report.log_vs_logistic = difference_interval(report.log, report.logistic_log, bootstrap);
    report.reliability = reliability_bins(model_p_war, wars, options.reliability_bins);
    return report;
}

std::string score_csv(const ScoreReport& report) {
    io::CsvWriter csv;
    csv.field("case").field("file").field("runs").field("failed").field("p_war").field("p_war_lo");
    csv.field("p_war_hi");
    for (int level = 1; level <= k_violence_levels; ++level) {
        csv.field("p_violence_" + std::to_string(level));
    }
    // The other outcome classes (war is p_war above).
    for (std::size_t c = 1; c < k_outcome_classes.size(); ++c) {
        csv.field(std::string("p_") + k_outcome_classes[c]);
    }
    csv.field("median_days").field("median_days_to_war").field("observed_war").field("observed_max_violence");
    csv.field("observed_days_to_violence")
        .field("observed_days_to_termination")
        .field("timing_predicted_days");
    csv.field("timing_observed_days").field("brier").field("log").field("rps").field("timing");
    csv.field("base_rate_p_war").field("logistic_p_war").field("log_capability_ratio");
    csv.field("dyad").field("dyad_weeks").field("dyad_sign_agreement").field("dyad_correlation");
    csv.field("baseline_dyad_sign_agreement").field("dyad_starting_affinity").end_row();
    for (std::size_t i = 0; i < report.forecasts.size(); ++i) {
        const CaseForecast& f = report.forecasts[i];
        const ObservedCase& o = report.observed[i];
        csv.field(f.name).field(f.file).field(f.runs).field(f.failed).field(f.p_war);
        csv.field(f.p_war_interval.lo).field(f.p_war_interval.hi);
        for (double p : f.p_violence) {
            csv.field(p);
        }
        for (std::size_t c = 1; c < f.p_outcome.size(); ++c) {
            csv.field(f.p_outcome[c]);
        }
        csv.field(f.median_days).field(f.median_days_to_war).field(o.war).field(o.max_violence);
        csv.field(o.days_to_violence).field(o.days_to_termination);
        csv.field(report.timing_pairs[i].predicted).field(report.timing_pairs[i].observed);
        csv.field(report.brier[i]).field(report.log[i]).field(report.rps[i]).field(report.timing[i]);
        csv.field(report.base_rate_p_war).field(report.logistic_p_war[i]).field(f.log_capability_ratio);
        if (f.dyad.weeks > 0) {
            csv.field(f.dyad.a + "-" + f.dyad.b).field(f.dyad.weeks).field(f.dyad.sign_agreement);
            csv.field(f.dyad.correlation)
                .field(f.dyad.baseline_sign_agreement)
                .field(f.dyad.starting_affinity);
        } else {
            csv.field("").field("").field("").field("").field("").field("");
        }
        csv.end_row();
    }
    return csv.take();
}

std::string score_actors_csv(const ScoreReport& report) {
    io::CsvWriter csv;
    csv.field("case").field("actor").field("observed_outcome");
    for (const char* name : k_actor_outcomes) {
        csv.field(std::string("p_") + name);
    }
    csv.field("p_none").end_row();
    for (std::size_t i = 0; i < report.forecasts.size(); ++i) {
        for (const ObservedActor& actor : report.observed[i].actors) {
            csv.field(report.forecasts[i].name).field(actor.id).field(actor.outcome);
            const auto found = report.forecasts[i].actor_outcomes.find(actor.id);
            for (std::size_t c = 0; c <= k_actor_outcomes.size(); ++c) {
                csv.field(found == report.forecasts[i].actor_outcomes.end() ? k_nan : found->second[c]);
            }
            csv.end_row();
        }
    }
    return csv.take();
}

std::string score_json(const ScoreReport& report, const ScoreOptions& options,
                       const ScoreProvenance& provenance) {
    io::OrderedJson json;
    json["kind"] = "score";
    json["brink_version"] = BRINK_VERSION;
    json["seed"] = provenance.seed;
    json["runs_per_case"] = provenance.runs;
    json["overrides"] = provenance.overrides;
    int wars = 0;
    int failed = 0;
    io::OrderedJson cases = io::OrderedJson::array();
    for (std::size_t i = 0; i < report.forecasts.size(); ++i) {
        cases.push_back(report.forecasts[i].name);
        wars += report.observed[i].war;
        failed += report.forecasts[i].failed;
    }
    json["cases"] = cases;
    json["observed_wars"] = wars;
    json["failed_runs"] = failed;
    json["clip_epsilon"] = io::json_number(report.clip_epsilon);
    json["bootstrap"] = {{"resamples", options.bootstrap.resamples},
                         {"seed", options.bootstrap.seed},
                         {"level", options.bootstrap.level}};
    io::OrderedJson scores;
    scores["model"] = forecaster_json(report.model);
    scores["base_rate"] = forecaster_json(report.base_rate);
    scores["base_rate"]["p_war"] = io::json_number(report.base_rate_p_war);
    scores["base_rate"]["p_violence"] =
        std::vector<double>(report.base_rate_violence.begin(), report.base_rate_violence.end());
    scores["base_rate"]["days"] = io::json_number(report.base_rate_days);
    scores["capability_logistic"] = forecaster_json(report.logistic);
    scores["capability_logistic"]["intercept"] = io::json_number(report.logistic_fit.coefficients(0));
    scores["capability_logistic"]["slope"] = io::json_number(report.logistic_fit.coefficients(1));
    scores["capability_logistic"]["converged"] = report.logistic_fit.converged;
    json["scores"] = scores;
    json["differences"] = {{"brier_model_minus_base_rate", interval_json(report.brier_vs_base_rate)},
                           {"log_model_minus_base_rate", interval_json(report.log_vs_base_rate)},
                           {"brier_model_minus_logistic", interval_json(report.brier_vs_logistic)},
                           {"log_model_minus_logistic", interval_json(report.log_vs_logistic)}};
    io::OrderedJson bins = io::OrderedJson::array();
    for (const ReliabilityBin& bin : report.reliability) {
        io::OrderedJson entry;
        entry["low"] = io::json_number(bin.low);
        entry["high"] = io::json_number(bin.high);
        entry["cases"] = bin.cases;
        entry["mean_forecast"] = io::json_number(bin.mean_forecast);
        entry["observed_frequency"] = io::json_number(bin.observed_frequency);
        entry["observed_lo"] = io::json_number(bin.observed_interval.lo);
        entry["observed_hi"] = io::json_number(bin.observed_interval.hi);
        bins.push_back(entry);
    }
    json["reliability"] = bins;
    // The weekly dyad series (cases that carry one): means over those cases.
    std::vector<double> agreement, correlation, baseline;
    for (const CaseForecast& forecast : report.forecasts) {
        if (forecast.dyad.weeks > 0) {
            agreement.push_back(forecast.dyad.sign_agreement);
            correlation.push_back(forecast.dyad.correlation);
            baseline.push_back(forecast.dyad.baseline_sign_agreement);
        }
    }
    json["dyad_series"] = {{"cases", agreement.size()},
                           {"mean_sign_agreement", io::json_number(mean_of_finite(agreement))},
                           {"mean_correlation", io::json_number(mean_of_finite(correlation))},
                           {"baseline_mean_sign_agreement", io::json_number(mean_of_finite(baseline))}};
    return io::json_text(json);
}

std::vector<std::string> write_score_files(const std::string& out_dir, const ScoreReport& report,
                                           const ScoreOptions& options, const ScoreProvenance& provenance) {
    io::ensure_directory(out_dir);
    io::remove_stale_temporaries(out_dir, {"score.csv", "score_actors.csv", "score.json"});
    // All three or none: each is finished under its temporary name before any is renamed.
    const std::vector<std::pair<std::string, std::string>> files = {
        {"score.csv", score_csv(report)},
        {"score_actors.csv", score_actors_csv(report)},
        {"score.json", score_json(report, options, provenance)}};
    return io::write_files_atomically(out_dir, files);
}

}  // namespace brink::score
