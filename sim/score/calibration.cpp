// The calibration's logic: designs, the objective, folds, cross-validation and the model as a forecaster
// (include/brink/score/calibration.hpp; docs/validation.md, "Calibration").
#include "brink/score/calibration.hpp"

#include "brink/engine/rng.hpp"
#include "brink/io/numbers.hpp"
#include "brink/io/overrides.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace brink::score {
namespace {

std::vector<std::size_t> all_cases(std::size_t n) {
    std::vector<std::size_t> cases(n);
    for (std::size_t c = 0; c < n; ++c) {
        cases[c] = c;
    }
    return cases;
}

double mean_over(const std::vector<double>& values, const std::vector<std::size_t>& cases) {
    std::vector<double> selected;
    for (std::size_t c : cases) {
        selected.push_back(values[c]);
    }
    return mean_of_finite(selected);
}

// The index of the least objective over `cases` (ties: the lower index).
std::pair<std::size_t, double> least_objective(const std::vector<PointResult>& points,
                                               const std::vector<std::size_t>& cases, double timing_weight) {
    if (points.empty()) {
        throw std::invalid_argument("a calibration needs at least one point");
    }
    std::size_t best = 0;
    double best_value = std::numeric_limits<double>::infinity();
    for (std::size_t p = 0; p < points.size(); ++p) {
        const double value = objective(points[p], cases, timing_weight);
        if (value < best_value) {
            best = p;
            best_value = value;
        }
    }
    return {best, best_value};
}

std::vector<double> differences(const std::vector<double>& a, const std::vector<double>& b) {
    std::vector<double> result;
    for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
        result.push_back(a[i] - b[i]);
    }
    return result;
}

// The held-out base rate: each case forecast with the share of wars among the other folds' cases.
void score_cv_base_rate(const std::vector<ObservedCase>& observed, CalibrationResult& result, int runs,
                        const BootstrapOptions& bootstrap) {
    const double epsilon = 1.0 / (2.0 * runs);
    for (std::size_t c = 0; c < observed.size(); ++c) {
        double wars = 0.0;
        double cases = 0.0;
        for (std::size_t other = 0; other < observed.size(); ++other) {
            if (result.fold_of_case[other] != result.fold_of_case[c]) {
                wars += observed[other].war;
                cases += 1.0;
            }
        }
        const double share = wars / cases;
        result.cv_base_rate_brier.push_back(brier_score(share, observed[c].war));
        result.cv_base_rate_log.push_back(log_score(share, observed[c].war, epsilon));
    }
    result.cv_base_rate_brier_score = bootstrap_mean(result.cv_base_rate_brier, bootstrap);
    result.cv_base_rate_log_score = bootstrap_mean(result.cv_base_rate_log, bootstrap);
}

}  // namespace

sweep::Design calibration_design(const CalibrationSpec& spec) {
    std::vector<sweep::ParameterSpec> parameters;
    for (const CalibrationParameter& parameter : spec.parameters) {
        sweep::ParameterSpec swept;
        swept.path = parameter.path;
        swept.low = parameter.low;
        swept.high = parameter.high;
        parameters.push_back(swept);
    }
    if (spec.design == CalibrationDesign::LatinHypercube) {
        return sweep::latin_hypercube_design(parameters, spec.points, spec.design_seed);
    }
    sweep::Design design;
    design.dimensions = parameters.size();
    sweep::SobolSequence sequence(static_cast<int>(parameters.size()));
    std::vector<double> unit(parameters.size());
    sequence.next(unit);  // the origin: a corner of the box, skipped as Saltelli designs skip it
    for (int p = 0; p < spec.points; ++p) {
        sequence.next(unit);
        for (std::size_t j = 0; j < parameters.size(); ++j) {
            design.values.push_back(parameters[j].low + unit[j] * (parameters[j].high - parameters[j].low));
        }
    }
    return design;
}

std::vector<std::string> point_assignments(const CalibrationSpec& spec, const std::vector<double>& values) {
    std::vector<std::string> assignments;
    for (std::size_t j = 0; j < values.size() && j < spec.parameters.size(); ++j) {
        assignments.push_back(spec.parameters[j].path + "=" + io::format_number(values[j]));
    }
    return assignments;
}

PointResult score_point(std::size_t index, std::vector<double> values, std::vector<CaseForecast> forecasts,
                        const std::vector<ObservedCase>& observed, int runs) {
    ScoreOptions options;
    options.runs = runs;
    options.bootstrap.resamples = 0;  // per-case scores only; intervals are for the reported forecasts
    const ScoreReport report = score_cases(forecasts, observed, options);
    PointResult point;
    point.index = index;
    point.values = std::move(values);
    for (const CaseForecast& forecast : report.forecasts) {
        point.p_war.push_back(forecast.p_war);
    }
    point.forecasts = std::move(forecasts);
    point.brier = report.brier;
    point.log = report.log;
    point.timing = report.timing;
    return point;
}

double objective(const PointResult& point, const std::vector<std::size_t>& cases, double timing_weight) {
    const double log = mean_over(point.log, cases);
    if (timing_weight == 0.0) {
        return log;
    }
    const double timing = mean_over(point.timing, cases);
    return std::isfinite(timing) ? log + timing_weight * timing : log;
}

std::vector<int> assign_folds(const std::vector<int>& outcomes, int folds, std::uint64_t seed) {
    if (folds < 2 || static_cast<std::size_t>(folds) > outcomes.size()) {
        throw std::invalid_argument("folds must be at least 2 and at most the number of cases");
    }
    engine::RngStream rng(seed, engine::stream_key("folds"));
    std::vector<int> fold_of_case(outcomes.size(), 0);
    int next_fold = 0;
    for (int outcome : {0, 1}) {
        std::vector<std::size_t> stratum;
        for (std::size_t c = 0; c < outcomes.size(); ++c) {
            if ((outcomes[c] != 0 ? 1 : 0) == outcome) {
                stratum.push_back(c);
            }
        }
        for (std::size_t i = stratum.size(); i > 1; --i) {
            std::swap(stratum[i - 1], stratum[rng.uniform_int(i)]);
        }
        for (std::size_t c : stratum) {
            fold_of_case[c] = next_fold;
            next_fold = (next_fold + 1) % folds;
        }
    }
    return fold_of_case;
}

std::vector<FoldResult> cross_validate(const std::vector<PointResult>& points,
                                       const std::vector<int>& fold_of_case, int folds,
                                       double timing_weight) {
    std::vector<FoldResult> results;
    for (int fold = 0; fold < folds; ++fold) {
        FoldResult result;
        result.fold = fold;
        std::vector<std::size_t> training;
        for (std::size_t c = 0; c < fold_of_case.size(); ++c) {
            (fold_of_case[c] == fold ? result.held_out : training).push_back(c);
        }
        const auto [chosen, value] = least_objective(points, training, timing_weight);
        result.point = chosen;
        result.train_objective = value;
        result.held_out_brier = mean_over(points[chosen].brier, result.held_out);
        result.held_out_log = mean_over(points[chosen].log, result.held_out);
        results.push_back(std::move(result));
    }
    return results;
}

std::size_t best_point(const std::vector<PointResult>& points, double timing_weight) {
    if (points.empty()) {
        return 0;
    }
    return least_objective(points, all_cases(points.front().log.size()), timing_weight).first;
}

namespace {

// Forecasts again the design points adopted by a fold that a resumed session has no forecasts of.
void forecast_chosen_points(CalibrationResult& result, const std::vector<ObservedCase>& observed,
                            const PointForecaster& forecaster, int runs) {
    std::vector<std::size_t> missing;
    for (const FoldResult& fold : result.folds) {
        const PointResult& point = result.points[fold.point];
        if (&fold_point(result, fold) == &point && point.forecasts.empty() &&
            std::find(missing.begin(), missing.end(), fold.point) == missing.end()) {
            missing.push_back(fold.point);
        }
    }
    std::vector<std::vector<double>> values;
    for (std::size_t p : missing) {
        values.push_back(result.points[p].values);
    }
    if (values.empty()) {
        return;
    }
    std::vector<std::vector<CaseForecast>> forecasts = forecaster(values);
    for (std::size_t i = 0; i < missing.size(); ++i) {
        PointResult& point = result.points[missing[i]];
        point = score_point(point.index, point.values, std::move(forecasts.at(i)), observed, runs);
    }
}

// Refines the best point over every case, then each fold's point over the other folds' cases; a fold whose
// refinement improved adopts the refined point (its training objective and held-out scores are recomputed).
void refine_points(const CalibrationSpec& spec, const std::vector<ObservedCase>& observed,
                   const PointForecaster& forecaster, CalibrationResult& result) {
    result.refinements.push_back(
        refine_point(spec, observed, forecaster, result.points[result.best], all_cases(observed.size()), -1));
    for (FoldResult& fold : result.folds) {
        std::vector<std::size_t> training;
        for (std::size_t c = 0; c < result.fold_of_case.size(); ++c) {
            if (result.fold_of_case[c] != fold.fold) {
                training.push_back(c);
            }
        }
        result.refinements.push_back(
            refine_point(spec, observed, forecaster, result.points[fold.point], training, fold.fold));
        const Refinement& refinement = result.refinements.back();
        if (refinement.improved) {
            const PointResult& refined = refinement.evaluations[refinement.best];
            fold.train_objective = refinement.objectives[refinement.best];
            fold.held_out_brier = mean_over(refined.brier, fold.held_out);
            fold.held_out_log = mean_over(refined.log, fold.held_out);
        }
    }
}

void score_cross_validated(const CalibrationSpec& spec, const std::vector<ObservedCase>& observed,
                           CalibrationResult& result) {
    ScoreOptions options;
    options.runs = spec.runs;
    options.bootstrap.resamples = spec.bootstrap;
    options.bootstrap.seed = spec.seed;
    std::vector<CaseForecast> cv_forecasts(observed.size());
    for (const FoldResult& fold : result.folds) {
        for (std::size_t c : fold.held_out) {
            cv_forecasts[c] = fold_point(result, fold).forecasts.at(c);
        }
    }
    result.cross_validated = score_cases(cv_forecasts, observed, options);
    result.defaults_report = score_cases(result.defaults.forecasts, observed, options);
    score_cv_base_rate(observed, result, spec.runs, options.bootstrap);
    const ScoreReport& cv = result.cross_validated;
    result.brier_vs_defaults =
        bootstrap_mean(differences(cv.brier, result.defaults.brier), options.bootstrap);
    result.log_vs_defaults = bootstrap_mean(differences(cv.log, result.defaults.log), options.bootstrap);
    result.brier_vs_cv_base_rate =
        bootstrap_mean(differences(cv.brier, result.cv_base_rate_brier), options.bootstrap);
    result.log_vs_cv_base_rate =
        bootstrap_mean(differences(cv.log, result.cv_base_rate_log), options.bootstrap);
}

}  // namespace

const PointResult& chosen_point(const CalibrationResult& result) {
    if (!result.refinements.empty() && result.refinements.front().improved) {
        const Refinement& refinement = result.refinements.front();
        return refinement.evaluations[refinement.best];
    }
    return result.points.at(result.best);
}

const PointResult& fold_point(const CalibrationResult& result, const FoldResult& fold) {
    for (const Refinement& refinement : result.refinements) {
        if (refinement.fold == fold.fold && refinement.improved) {
            return refinement.evaluations[refinement.best];
        }
    }
    return result.points.at(fold.point);
}

std::vector<PointResult> run_points(const CalibrationSpec& spec, const std::vector<ObservedCase>& observed,
                                    const PointForecaster& forecaster, CalibrationOptions options) {
    const sweep::Design design = calibration_design(spec);
    const int count = std::max(1, options.shard.count);
    std::vector<bool> done(design.size(), false);
    for (const PointResult& point : options.resumed) {
        if (point.index >= design.size() || done[point.index]) {
            throw std::invalid_argument("a resumed point is not a point of the design, or is given twice");
        }
        done[point.index] = true;
    }
    std::vector<std::size_t> todo;
    for (std::size_t p = 0; p < design.size(); ++p) {
        if (!done[p] && static_cast<int>(p % static_cast<std::size_t>(count)) == options.shard.index) {
            todo.push_back(p);
        }
    }
    std::vector<PointResult> points = std::move(options.resumed);
    const std::size_t batch = std::max<std::size_t>(1, options.batch);
    for (std::size_t first = 0; first < todo.size(); first += batch) {
        std::vector<std::vector<double>> values;
        for (std::size_t i = first; i < std::min(todo.size(), first + batch); ++i) {
            const auto row = design.values.begin() + static_cast<std::ptrdiff_t>(todo[i] * design.dimensions);
            values.emplace_back(row, row + static_cast<std::ptrdiff_t>(design.dimensions));
        }
        std::vector<std::vector<CaseForecast>> forecasts = forecaster(values);
        if (forecasts.size() != values.size()) {
            throw std::invalid_argument("the forecaster returned the wrong number of points");
        }
        for (std::size_t i = 0; i < values.size(); ++i) {
            points.push_back(score_point(todo[first + i], std::move(values[i]), std::move(forecasts[i]),
                                         observed, spec.runs));
            if (options.point_done) {
                options.point_done(points.back());
            }
        }
    }
    std::sort(points.begin(), points.end(),
              [](const PointResult& a, const PointResult& b) { return a.index < b.index; });
    return points;
}

CalibrationResult finish_calibration(const CalibrationSpec& spec, const std::vector<ObservedCase>& observed,
                                     const PointForecaster& forecaster, std::vector<PointResult> points) {
    if (points.size() != calibration_design(spec).size()) {
        throw std::invalid_argument("finish_calibration needs every point of the design");
    }
    for (std::size_t p = 0; p < points.size(); ++p) {
        if (points[p].index != p) {
            throw std::invalid_argument("finish_calibration needs the points in order, each once");
        }
    }
    CalibrationResult result;
    result.points = std::move(points);
    // The defaults, alone: the same seeds, no override.
    result.defaults = score_point(0, {}, forecaster({{}}).at(0), observed, spec.runs);
    result.best = best_point(result.points, spec.timing_weight);
    std::vector<int> outcomes;
    for (const ObservedCase& o : observed) {
        outcomes.push_back(o.war);
    }
    result.fold_of_case = assign_folds(outcomes, spec.folds, spec.seed);
    result.folds = cross_validate(result.points, result.fold_of_case, spec.folds, spec.timing_weight);
    if (spec.refine.evaluations > 0) {
        refine_points(spec, observed, forecaster, result);
    }
    forecast_chosen_points(result, observed, forecaster, spec.runs);
    score_cross_validated(spec, observed, result);
    return result;
}

CalibrationResult run_calibration(const CalibrationSpec& spec, const std::vector<ObservedCase>& observed,
                                  const PointForecaster& forecaster, CalibrationOptions options) {
    if (options.shard.count > 1) {
        throw std::invalid_argument("run_calibration runs every point: use run_points for a shard");
    }
    std::vector<PointResult> points = run_points(spec, observed, forecaster, std::move(options));
    return finish_calibration(spec, observed, forecaster, std::move(points));
}

PointForecaster model_forecaster(const std::vector<CalibrationCase>& cases, const CalibrationSpec& spec,
                                 const sweep::ReplicationOptions& options) {
    return [&cases, &spec, options](const std::vector<std::vector<double>>& points) {
        // Every point's copies of the cases live until the batch has run (jobs point at them).
        std::vector<ScenarioSpec> specs;
        specs.reserve(points.size() * cases.size());
        for (const std::vector<double>& values : points) {
            const std::vector<std::string> assignments = point_assignments(spec, values);
            for (const CalibrationCase& loaded : cases) {
                ScenarioSpec copy = loaded.spec;
                for (const std::string& assignment : assignments) {
                    const std::vector<io::Diagnostic> problems =
                        io::apply_override_assignment(copy, assignment);
                    if (!problems.empty()) {
                        throw std::runtime_error(loaded.path + ": " + assignment + ": " +
                                                 problems.front().message);
                    }
                }
                specs.push_back(std::move(copy));
            }
        }
        std::vector<sweep::ReplicationJob> jobs;
        for (const ScenarioSpec& copy : specs) {
            jobs.push_back({&copy, spec.seed, spec.runs});  // common random numbers: one base seed for all
        }
        const auto outcomes = sweep::run_replications(jobs, options);
        std::vector<std::vector<CaseForecast>> forecasts(points.size());
        for (std::size_t p = 0; p < points.size(); ++p) {
            for (std::size_t c = 0; c < cases.size(); ++c) {
                const std::size_t job = p * cases.size() + c;
                std::vector<std::string> principals;
                for (const ObservedActor& actor : cases[c].observed.actors) {
                    principals.push_back(actor.id);
                }
                const std::vector<sweep::ReplicationOutcome> none;
                forecasts[p].push_back(forecast_case(cases[c].observed.name, cases[c].path, specs[job],
                                                     job < outcomes.size() ? outcomes[job] : none,
                                                     principals));
            }
        }
        return forecasts;
    };
}

}  // namespace brink::score
