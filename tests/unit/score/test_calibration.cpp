// Tests of include/brink/score/calibration.hpp: the calibration file reader, the designs, stratified folds,
// the cross-validation's choice on a fake forecaster with known per-case forecasts (the model never runs),
// and best.yaml read back by the parameter-file reader.
#include "brink/score/calibration.hpp"

#include "brink/io/parameter_file.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace brink::score {
namespace {

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

std::vector<ObservedCase> library(const std::vector<int>& wars) {
    std::vector<ObservedCase> cases;
    for (std::size_t c = 0; c < wars.size(); ++c) {
        ObservedCase observed;
        observed.name = "case" + std::to_string(c);
        observed.war = wars[c];
        observed.max_violence = wars[c] == 1 ? 4 : 1;
        observed.days_to_violence = k_nan;
        observed.days_to_termination = k_nan;
        cases.push_back(observed);
    }
    return cases;
}

CaseForecast forecast_with(const std::string& name, double p_war) {
    CaseForecast forecast;
    forecast.name = name;
    forecast.runs = 10;
    forecast.p_war = p_war;
    forecast.p_violence = {1.0 - p_war, 0.0, 0.0, p_war};
    forecast.median_days = k_nan;
    forecast.median_days_to_war = k_nan;
    return forecast;
}

CalibrationSpec two_parameter_spec(int points, int folds) {
    CalibrationSpec spec;
    spec.source_path = "fake.yaml";
    spec.parameters = {{"model.rationality", 0.0, 1.0, {}}, {"model.reaction", 0.0, 1.0, {}}};
    spec.points = points;
    spec.runs = 10;
    spec.folds = folds;
    spec.bootstrap = 50;
    return spec;
}

TEST(CalibrationFile, ReadsEveryKeyAndExpandsGlobsRelativeToTheFile) {
    const std::string text =
        "cases: [cases/chanak_1922.yaml, 'cases/korea_19*.yaml', cuba_1962.yaml]\n"
        "parameters:\n  model.rationality: [0.5, 50]\n  model.war.fog: [0, 0.5]\n"
        "objective: {timing_weight: 0.25}\n"
        "design: {method: lhs, points: 8, seed: 3}\n"
        "runs: 20\nfolds: 3\nseed: 9\nbootstrap: 100\n";
    const CalibrationLoadResult loaded =
        parse_calibration_string(text, BRINK_SOURCE_DIR "/scenarios/cal.yaml");
    ASSERT_TRUE(loaded.ok()) << (loaded.diagnostics.empty() ? "" : loaded.diagnostics[0].message);
    const CalibrationSpec& spec = *loaded.spec;
    ASSERT_EQ(spec.case_files.size(), 3u);
    EXPECT_EQ(case_name(spec.case_files[1]), "korea_1950");
    EXPECT_EQ(spec.case_files[2], BRINK_SOURCE_DIR "/scenarios/cuba_1962.yaml");
    ASSERT_EQ(spec.parameters.size(), 2u);
    EXPECT_EQ(spec.parameters[1].path, "model.war.fog");
    EXPECT_DOUBLE_EQ(spec.parameters[0].high, 50.0);
    EXPECT_EQ(spec.parameters[0].where.line, 3);
    EXPECT_DOUBLE_EQ(spec.timing_weight, 0.25);
    EXPECT_EQ(spec.design, CalibrationDesign::LatinHypercube);
    EXPECT_EQ(spec.points, 8);
    EXPECT_EQ(spec.design_seed, 3u);
    EXPECT_EQ(spec.runs, 20);
    EXPECT_EQ(spec.folds, 3);
    EXPECT_EQ(spec.seed, 9u);
    EXPECT_EQ(spec.bootstrap, 100);
}

TEST(CalibrationFile, ReportsAMisspeltKeyWithItsPositionAndASuggestion) {
    const std::string text =
        "cases: [a.yaml, b.yaml]\nparameters: {model.rationality: [1, 2]}\n"
        "design: {method: sobol, points: 4}\nfold: 2\n";
    const CalibrationLoadResult loaded = parse_calibration_string(text, "cal.yaml");
    ASSERT_FALSE(loaded.ok());
    ASSERT_EQ(loaded.diagnostics.size(), 1u);
    EXPECT_EQ(loaded.diagnostics[0].line, 4);
    EXPECT_EQ(loaded.diagnostics[0].column, 1);
    EXPECT_NE(loaded.diagnostics[0].message.find("did you mean 'folds'?"), std::string::npos);
}

TEST(CalibrationFile, RefusesARangeOutsideModelAndReversedBounds) {
    const std::string text =
        "cases: [a.yaml, b.yaml]\nparameters:\n  actors.x.resolve: [0, 1]\n"
        "  model.reaction: [2, 1]\ndesign: {method: grid, points: 4}\n";
    const CalibrationLoadResult loaded = parse_calibration_string(text, "cal.yaml");
    ASSERT_EQ(loaded.diagnostics.size(), 3u);
    EXPECT_EQ(loaded.diagnostics[0].line, 3);
    EXPECT_EQ(loaded.diagnostics[1].line, 4);
    EXPECT_NE(loaded.diagnostics[1].message.find("low > high"), std::string::npos);
    EXPECT_NE(loaded.diagnostics[2].message.find("unknown design method"), std::string::npos);
}

TEST(CalibrationFile, ReadsTheRefinementAndRefusesABadMethodOrStep) {
    const std::string good =
        "cases: [a.yaml, b.yaml]\nparameters: {model.rationality: [1, 2]}\ndesign: {points: 4}\nfolds: 2\n"
        "refine: {method: bobyqa, evaluations: 30, step: 0.25}\n";
    const CalibrationLoadResult loaded = parse_calibration_string(good, "cal.yaml");
    ASSERT_TRUE(loaded.ok()) << (loaded.diagnostics.empty() ? "" : loaded.diagnostics[0].message);
    EXPECT_EQ(loaded.spec->refine.method, RefineMethod::Bobyqa);
    EXPECT_EQ(loaded.spec->refine.evaluations, 30);
    EXPECT_DOUBLE_EQ(loaded.spec->refine.step, 0.25);
    const std::string bad =
        "cases: [a.yaml, b.yaml]\nparameters: {model.rationality: [1, 2]}\ndesign: {points: 4}\nfolds: 2\n"
        "refine: {method: simplex, evaluations: -1, step: 0, evalutions: 3}\n";
    const CalibrationLoadResult refused = parse_calibration_string(bad, "cal.yaml");
    ASSERT_EQ(refused.diagnostics.size(), 4u);
    EXPECT_NE(refused.diagnostics[0].message.find("neldermead, bobyqa"), std::string::npos);
    EXPECT_NE(refused.diagnostics[1].message.find("refine.evaluations"), std::string::npos);
    EXPECT_NE(refused.diagnostics[2].message.find("(0, 1]"), std::string::npos);
    EXPECT_NE(refused.diagnostics[3].message.find("did you mean 'evaluations'?"), std::string::npos);
    EXPECT_EQ(refused.diagnostics[3].line, 5);
}

TEST(CalibrationDesign, SobolPointsFillTheBoxAndSkipTheOrigin) {
    CalibrationSpec spec = two_parameter_spec(4, 2);
    spec.parameters[0].low = 10.0;
    spec.parameters[0].high = 20.0;
    const sweep::Design design = calibration_design(spec);
    ASSERT_EQ(design.size(), 4u);
    // The Sobol sequence after the origin: (0.5, 0.5), (0.75, 0.25), (0.25, 0.75), (0.375, 0.375).
    EXPECT_DOUBLE_EQ(design.at(0, 0), 15.0);
    EXPECT_DOUBLE_EQ(design.at(0, 1), 0.5);
    EXPECT_DOUBLE_EQ(design.at(1, 0), 17.5);
    EXPECT_DOUBLE_EQ(design.at(1, 1), 0.25);
}

TEST(AssignFolds, IsStratifiedBalancedAndDeterministic) {
    std::vector<int> outcomes;
    for (int c = 0; c < 37; ++c) {
        outcomes.push_back(c % 3 == 0 ? 1 : 0);  // 13 wars, 24 without
    }
    const std::vector<int> folds = assign_folds(outcomes, 5, 7);
    EXPECT_EQ(folds, assign_folds(outcomes, 5, 7));
    EXPECT_NE(folds, assign_folds(outcomes, 5, 8));
    std::vector<int> size(5), wars(5);
    for (std::size_t c = 0; c < outcomes.size(); ++c) {
        ASSERT_GE(folds[c], 0);
        ASSERT_LT(folds[c], 5);
        ++size[static_cast<std::size_t>(folds[c])];
        wars[static_cast<std::size_t>(folds[c])] += outcomes[c];
    }
    EXPECT_LE(*std::max_element(size.begin(), size.end()) - *std::min_element(size.begin(), size.end()), 1);
    EXPECT_LE(*std::max_element(wars.begin(), wars.end()) - *std::min_element(wars.begin(), wars.end()), 1);
    EXPECT_THROW(assign_folds(outcomes, 1, 7), std::invalid_argument);
    EXPECT_THROW(assign_folds({0, 1}, 3, 7), std::invalid_argument);
}

// Four cases, two per fold; three points. Point 0 is good on every case; point 1 is perfect on fold A's
// cases and bad on fold B's; point 2 is sharp on fold B's and bad on fold A's. Without fold A the
// training-best point is 2, without fold B it is 1; over every case point 0 is best.
TEST(CrossValidate, ChoosesTheTrainingBestPointAndScoresTheHeldOutFold) {
    const std::vector<ObservedCase> observed = library({1, 0, 1, 0});
    CalibrationSpec spec = two_parameter_spec(3, 2);
    std::vector<int> fold_of_case = assign_folds({1, 0, 1, 0}, 2, spec.seed);
    const auto p_for = [&](std::size_t point, std::size_t c) {
        const bool right = point == 0 ? true : (fold_of_case[c] == (point == 1 ? 0 : 1));
        const double sharp = point == 0 ? 0.7 : (right ? 0.9 : 0.4);
        return observed[c].war == 1 ? sharp : 1.0 - sharp;
    };
    int calls = 0;
    const PointForecaster fake = [&](const std::vector<std::vector<double>>& points) {
        std::vector<std::vector<CaseForecast>> result;
        for (const std::vector<double>& values : points) {
            ++calls;
            // The design's points, in order: recover the point number from the call count (the defaults,
            // with no values, come after them and are forecast as point 0).
            const std::size_t point = values.empty() ? 0 : static_cast<std::size_t>(calls - 1);
            std::vector<CaseForecast> forecasts;
            for (std::size_t c = 0; c < observed.size(); ++c) {
                forecasts.push_back(forecast_with(observed[c].name, p_for(point, c)));
            }
            result.push_back(forecasts);
        }
        return result;
    };
    CalibrationOptions callbacks;
    callbacks.batch = 2;
    const CalibrationResult result = run_calibration(spec, observed, fake, callbacks);
    ASSERT_EQ(result.points.size(), 3u);
    EXPECT_EQ(result.best, 0u);
    ASSERT_EQ(result.folds.size(), 2u);
    EXPECT_EQ(result.fold_of_case, fold_of_case);
    EXPECT_EQ(result.folds[0].point, 2u);  // chosen on fold 1's cases
    EXPECT_EQ(result.folds[1].point, 1u);
    EXPECT_NEAR(result.folds[0].train_objective, -std::log(0.9), 1e-12);
    EXPECT_NEAR(result.folds[0].held_out_log, -std::log(0.4), 1e-12);
    EXPECT_NEAR(result.folds[0].held_out_brier, 0.36, 1e-12);
    // Every case's cross-validated forecast is the bad one (0.4 on the right outcome).
    EXPECT_NEAR(result.cross_validated.model.log.estimate, -std::log(0.4), 1e-12);
    EXPECT_NEAR(result.defaults_report.model.log.estimate, -std::log(0.7), 1e-12);
    EXPECT_GT(result.log_vs_defaults.estimate, 0.0);
}

// A smooth objective with a known minimum: two war cases and one case without war, each forecast with
// p = 0.1 + 0.8·x·y for the point (x, y) ∈ [0, 1]². The mean log score −(2 ln p + ln(1 − p))/3 is least at
// p = 2/3 (d/dp: −2/p + 1/(1 − p) = 0), where it is −(2 ln(2/3) + ln(1/3))/3.
constexpr double k_best_p = 2.0 / 3.0;
double smooth_p(const std::vector<double>& values) {
    return values.empty() ? 0.5 : 0.1 + 0.8 * values[0] * values[1];
}
PointForecaster smooth_forecaster(const std::vector<ObservedCase>& observed, int& forecasts) {
    return [&observed, &forecasts](const std::vector<std::vector<double>>& points) {
        std::vector<std::vector<CaseForecast>> result;
        for (const std::vector<double>& values : points) {
            ++forecasts;
            std::vector<CaseForecast> cases;
            for (const ObservedCase& o : observed) {
                cases.push_back(forecast_with(o.name, smooth_p(values)));
            }
            result.push_back(cases);
        }
        return result;
    };
}

TEST(Refinement, FindsTheAnalyticMinimumFromADistantStart) {
    const std::vector<ObservedCase> observed = library({1, 1, 0});
    for (const RefineMethod method : {RefineMethod::NelderMead, RefineMethod::Bobyqa}) {
        CalibrationSpec spec = two_parameter_spec(1, 2);
        spec.refine.method = method;
        spec.refine.evaluations = 200;
        spec.refine.step = 0.2;
        int forecasts = 0;
        const PointForecaster fake = smooth_forecaster(observed, forecasts);
        const PointResult start = score_point(7, {0.2, 0.3}, fake({{0.2, 0.3}}).at(0), observed, spec.runs);
        const Refinement refinement = refine_point(spec, observed, fake, start, {0, 1, 2}, -1);
        const double least = -(2.0 * std::log(k_best_p) + std::log(1.0 - k_best_p)) / 3.0;
        EXPECT_EQ(refinement.start_point, 7u);
        EXPECT_TRUE(refinement.improved);
        EXPECT_NEAR(refinement.objectives[refinement.best], least, 1e-6);
        EXPECT_NEAR(smooth_p(refinement.evaluations[refinement.best].values), k_best_p, 2e-3);
        EXPECT_LE(refinement.evaluations.size(), 201u);  // the start, then at most 200 NLopt evaluations
        // The start (evaluation 0) was not forecast again: one forecast per further evaluation.
        EXPECT_EQ(static_cast<std::size_t>(forecasts), refinement.evaluations.size());
        for (const PointResult& point : refinement.evaluations) {
            EXPECT_GE(point.values[0], 0.0);  // within the box
            EXPECT_LE(point.values[1], 1.0);
        }
    }
}

TEST(Refinement, AFoldAdoptsItsRefinedPointAndBestYamlTheRefinedBest) {
    const std::vector<ObservedCase> observed = library({1, 1, 0, 1, 1, 0});
    CalibrationSpec spec = two_parameter_spec(4, 2);
    spec.refine.evaluations = 80;
    int forecasts = 0;
    const CalibrationResult result = run_calibration(spec, observed, smooth_forecaster(observed, forecasts));
    ASSERT_EQ(result.refinements.size(), 3u);  // every case, then the two folds
    EXPECT_EQ(result.refinements[0].fold, -1);
    EXPECT_EQ(result.refinements[0].start_point, result.best);
    const PointResult& chosen = chosen_point(result);
    EXPECT_LT(objective(chosen, {0, 1, 2, 3, 4, 5}, 0.0),
              objective(result.points[result.best], {0, 1, 2, 3, 4, 5}, 0.0));
    EXPECT_NEAR(smooth_p(chosen.values), k_best_p, 2e-3);
    const io::ParameterFile params = io::parse_parameter_file(best_yaml(spec, result), "best.yaml");
    ASSERT_TRUE(params.ok());
    EXPECT_EQ(params.assignments, point_assignments(spec, chosen.values));
    for (const FoldResult& fold : result.folds) {
        const Refinement& refinement = result.refinements[static_cast<std::size_t>(fold.fold) + 1];
        EXPECT_EQ(refinement.fold, fold.fold);
        ASSERT_TRUE(refinement.improved);
        EXPECT_EQ(&fold_point(result, fold), &refinement.evaluations[refinement.best]);
        EXPECT_DOUBLE_EQ(fold.train_objective, refinement.objectives[refinement.best]);
        // Every case is forecast alike here, so the held-out fold scores as the training cases do.
        EXPECT_NEAR(fold.held_out_log, fold.train_objective, 1e-12);
    }
    EXPECT_NEAR(result.cross_validated.model.log.estimate, result.folds[0].held_out_log, 1e-6);
    const std::string csv = refinement_csv(spec, result);
    EXPECT_EQ(csv.substr(0, csv.find('\n')),
              "fold,evaluation,model.rationality,model.reaction,objective,log,brier,timing");
    EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'),
              1 + static_cast<long>(result.refinements[0].evaluations.size() +
                                    result.refinements[1].evaluations.size() +
                                    result.refinements[2].evaluations.size()));
}

TEST(Refinement, PassesOnTheForecastersFailure) {
    const std::vector<ObservedCase> observed = library({1, 0});
    CalibrationSpec spec = two_parameter_spec(1, 2);
    spec.refine.evaluations = 50;
    int forecasts = 0;
    const PointForecaster smooth = smooth_forecaster(observed, forecasts);
    const PointForecaster failing = [&](const std::vector<std::vector<double>>& points) {
        if (forecasts >= 3) {
            throw std::runtime_error("stopped by the user");
        }
        return smooth(points);
    };
    const PointResult start = score_point(0, {0.5, 0.5}, smooth({{0.5, 0.5}}).at(0), observed, spec.runs);
    EXPECT_THROW(refine_point(spec, observed, failing, start, {0, 1}, -1), std::runtime_error);
    EXPECT_EQ(forecasts, 3);
}

TEST(Objective, AddsTheWeightedTimingErrorOverTheCasesThatHaveOne) {
    PointResult point;
    point.log = {1.0, 2.0, 3.0};
    point.timing = {0.5, k_nan, 1.5};
    EXPECT_DOUBLE_EQ(objective(point, {0, 1, 2}, 0.0), 2.0);
    EXPECT_DOUBLE_EQ(objective(point, {0, 1, 2}, 2.0), 2.0 + 2.0 * 1.0);
    EXPECT_DOUBLE_EQ(objective(point, {1}, 2.0), 2.0);
}

TEST(BestYaml, RoundTripsThroughTheParameterFileReader) {
    CalibrationSpec spec = two_parameter_spec(1, 2);
    spec.parameters[1].path = "model.war.fog";
    CalibrationResult result;
    PointResult best;
    best.values = {12.345678901234567, 0.1};
    best.log = {0.5};
    result.points = {best};
    const io::ParameterFile params = io::parse_parameter_file(best_yaml(spec, result), "best.yaml");
    ASSERT_TRUE(params.ok()) << params.diagnostics[0].message;
    EXPECT_EQ(params.assignments, point_assignments(spec, best.values));
    EXPECT_EQ(params.assignments[0], "model.rationality=12.345678901234567");
    EXPECT_EQ(params.assignments[1], "model.war.fog=0.1");
}

}  // namespace
}  // namespace brink::score
