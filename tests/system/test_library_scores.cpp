// The whole case library scored with the model's defaults (issue 15 §4; docs/validation.md, "Calibration"):
// the scores recorded there (Brier 0.142, log 0.455 at 200 runs, seed 1) are reproduced with 40 runs per
// case (Brier 0.142, log 0.448 on 4 December 2026) within a third of the recorded intervals' half width, and
// the model beats the library's base rate. A model change that degrades the fit fails here; one that improves
// it beyond the tolerance moves these figures and the docs in the same commit. The cases are run through the
// calibration's forecaster at the defaults (the path `brink score` and `brink calibrate` share).
#include "brink/score/calibration.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

namespace brink::score {
namespace {

namespace fs = std::filesystem;

TEST(LibraryScores, TheDefaultsKeepTheirRecordedScores) {
    CalibrationSpec spec;
    for (const auto& entry : fs::directory_iterator(BRINK_SOURCE_DIR "/scenarios/cases")) {
        if (entry.path().extension() == ".yaml") {
            spec.case_files.push_back(entry.path().string());
        }
    }
    std::sort(spec.case_files.begin(), spec.case_files.end());
    for (const char* bundled : {"cuba_1962.yaml", "july_1914.yaml", "ukraine_2022.yaml"}) {
        spec.case_files.push_back(BRINK_SOURCE_DIR "/scenarios/" + std::string(bundled));
    }
    ASSERT_EQ(spec.case_files.size(), 37u);
    spec.runs = 40;
    spec.seed = 1;
    const CalibrationCases cases = load_calibration_cases(spec);
    ASSERT_TRUE(cases.diagnostics.empty()) << cases.diagnostics.front().message;
    sweep::ReplicationOptions options;
    options.threads = 2;
    const std::vector<CaseForecast> forecasts = model_forecaster(cases.cases, spec, options)({{}}).at(0);
    std::vector<ObservedCase> observed;
    for (const CalibrationCase& loaded : cases.cases) {
        observed.push_back(loaded.observed);
    }
    ScoreOptions score_options;
    score_options.runs = spec.runs;
    score_options.bootstrap.resamples = 200;
    const ScoreReport report = score_cases(forecasts, observed, score_options);
    EXPECT_NEAR(report.model.brier.estimate, 0.142, 0.02);
    EXPECT_NEAR(report.model.log.estimate, 0.45, 0.06);
    EXPECT_LT(report.model.brier.estimate, report.base_rate.brier.estimate);
    EXPECT_LT(report.model.log.estimate, report.base_rate.log.estimate);
}

}  // namespace
}  // namespace brink::score
