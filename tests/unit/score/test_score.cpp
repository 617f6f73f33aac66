// Tests of include/brink/score/score.hpp: tallies of replications, the scores and baselines of a small
// library computed by hand, and the files.
#include "brink/score/score.hpp"

#include "brink_test_support.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace brink::score {
namespace {

sweep::ReplicationOutcome run_ending(model::OutcomeKind kind, double time, int violence) {
    sweep::ReplicationOutcome run;
    run.outcome.kind = kind;
    run.outcome.time = time;
    run.outcome.violence = violence;
    return run;
}

TEST(ForecastCase, TalliesOutcomesViolenceAndDays) {
    ScenarioSpec spec = test_support::minimal_spec();
    std::vector<sweep::ReplicationOutcome> runs = {run_ending(model::OutcomeKind::War, 10.0, 4),
                                                   run_ending(model::OutcomeKind::War, 20.0, 4),
                                                   run_ending(model::OutcomeKind::Standoff, 90.0, 2),
                                                   run_ending(model::OutcomeKind::Settlement, 30.0, 1)};
    runs[0].outcome.actor_outcomes[spec.actors[0].id] = model::ActorOutcome::Victory;
    sweep::ReplicationOutcome failed;
    failed.error = "boom";
    runs.push_back(failed);
    const CaseForecast f = forecast_case("c", "c.yaml", spec, runs, {spec.actors[0].id});
    EXPECT_EQ(f.runs, 4);
    EXPECT_EQ(f.failed, 1);
    EXPECT_DOUBLE_EQ(f.p_war, 0.5);
    EXPECT_DOUBLE_EQ(f.p_violence[0], 0.25);
    EXPECT_DOUBLE_EQ(f.p_violence[1], 0.25);
    EXPECT_DOUBLE_EQ(f.p_violence[2], 0.0);
    EXPECT_DOUBLE_EQ(f.p_violence[3], 0.5);
    EXPECT_DOUBLE_EQ(f.p_outcome[1], 0.25);  // settlement
    EXPECT_DOUBLE_EQ(f.p_outcome[3], 0.25);  // standoff
    EXPECT_DOUBLE_EQ(f.median_days, 25.0);
    EXPECT_DOUBLE_EQ(f.median_days_to_war, 15.0);
    EXPECT_DOUBLE_EQ(f.actor_outcomes.at(spec.actors[0].id)[0], 0.25);  // victory in one run of four
    EXPECT_DOUBLE_EQ(f.actor_outcomes.at(spec.actors[0].id)[4], 0.75);  // no outcome in three
}

CaseForecast forecast_of(double p_war, std::array<double, 4> violence, double ratio, double days_to_war) {
    CaseForecast f;
    f.runs = 10;
    f.p_war = p_war;
    f.p_violence = violence;
    f.log_capability_ratio = ratio;
    f.median_days = 50.0;
    f.median_days_to_war = days_to_war;
    return f;
}

ObservedCase observed_case(int war, int violence, double days_to_violence, double days_to_termination) {
    ObservedCase o;
    o.war = war;
    o.max_violence = violence;
    o.days_to_violence = days_to_violence;
    o.days_to_termination = days_to_termination;
    return o;
}

TEST(ScoreCases, ScoresTheModelAndTheBaseRateAsComputedByHand) {
    const std::vector<CaseForecast> forecasts = {
        forecast_of(0.8, {0.1, 0.1, 0.0, 0.8}, 0.0, 9.0), forecast_of(0.2, {0.8, 0.0, 0.0, 0.2}, 1.0, NAN),
        forecast_of(0.5, {0.5, 0.0, 0.0, 0.5}, 2.0, 30.0), forecast_of(0.0, {1.0, 0.0, 0.0, 0.0}, 3.0, NAN)};
    const std::vector<ObservedCase> observed = {
        observed_case(1, 4, 99.0, 200.0), observed_case(0, 1, NAN, 49.0), observed_case(0, 3, 0.0, 20.0),
        observed_case(1, 4, NAN, 10.0)};
    ScoreOptions options;
    options.runs = 10;
    const ScoreReport report = score_cases(forecasts, observed, options);
    // Brier: (0.04 + 0.04 + 0.25 + 1) / 4.
    EXPECT_NEAR(report.model.brier.estimate, 1.33 / 4.0, 1e-12);
    // Log, clipped at 1/20: −(ln 0.8 + ln 0.8 + ln 0.5 + ln 0.05) / 4.
    EXPECT_NEAR(report.model.log.estimate,
                -(std::log(0.8) + std::log(0.8) + std::log(0.5) + std::log(0.05)) / 4.0, 1e-12);
    EXPECT_DOUBLE_EQ(report.clip_epsilon, 0.05);
    // Base rate 0.5: every Brier 0.25, every log ln 2.
    EXPECT_DOUBLE_EQ(report.base_rate_p_war, 0.5);
    EXPECT_NEAR(report.base_rate.brier.estimate, 0.25, 1e-15);
    EXPECT_NEAR(report.base_rate.log.estimate, std::log(2.0), 1e-15);
    // Timing: war cases compare the median day of war (9 vs 99: ln 10; the fourth case has no war runs, and
    // no observed day); no-war cases the median end day (50 vs 49 and 50 vs 20).
    EXPECT_EQ(report.model.timing_cases, 3);
    EXPECT_NEAR(report.model.timing.estimate,
                (std::log(10.0) + std::log(51.0 / 50.0) + std::log(51.0 / 21.0)) / 3.0, 1e-12);
    EXPECT_NEAR(report.rps[0], (0.01 + 0.04 + 0.04) / 3.0, 1e-12);
    // Every interval holds its estimate.
    for (const Interval& interval : {report.model.brier, report.model.log, report.model.rps,
                                     report.model.timing, report.base_rate.rps, report.logistic.brier}) {
        EXPECT_LE(interval.lo, interval.estimate + 1e-12);
        EXPECT_GE(interval.hi, interval.estimate - 1e-12);
    }
    EXPECT_NEAR(report.brier_vs_base_rate.estimate, 1.33 / 4.0 - 0.25, 1e-12);
    ASSERT_EQ(report.reliability.size(), 5U);
    EXPECT_EQ(report.reliability[0].cases, 1);
}

TEST(ScoreFiles, WriteEveryCaseAndEveryScore) {
    const std::vector<CaseForecast> forecasts = {forecast_of(0.8, {0.1, 0.1, 0.0, 0.8}, 0.0, 9.0),
                                                 forecast_of(0.2, {0.8, 0.0, 0.0, 0.2}, 1.0, NAN)};
    std::vector<ObservedCase> observed = {observed_case(1, 4, 5.0, 20.0), observed_case(0, 1, NAN, 49.0)};
    observed[0].actors = {{"x", "victory"}};
    ScoreOptions options;
    options.runs = 10;
    const ScoreReport report = score_cases(forecasts, observed, options);
    test_support::TempDir dir("brink_score");
    const auto written = write_score_files(dir.path().string(), report, options, {1, 10, {}});
    ASSERT_EQ(written.size(), 3U);
    const std::string csv = test_support::read_file(dir.path() / "score.csv");
    EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 3);
    EXPECT_EQ(csv.rfind("case,file,runs,failed,p_war,p_war_lo,p_war_hi,p_violence_1", 0), 0U);
    const auto json = nlohmann::json::parse(test_support::read_file(dir.path() / "score.json"));
    EXPECT_EQ(json.at("kind"), "score");
    EXPECT_TRUE(json.at("scores").at("model").at("brier").at("estimate").is_number());
    EXPECT_TRUE(json.at("scores").at("capability_logistic").at("rps").is_null());
    EXPECT_EQ(json.at("reliability").size(), 5U);
    const std::string actors = test_support::read_file(dir.path() / "score_actors.csv");
    EXPECT_NE(actors.find("x,victory"), std::string::npos);
}

}  // namespace
}  // namespace brink::score
