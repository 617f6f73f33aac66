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
