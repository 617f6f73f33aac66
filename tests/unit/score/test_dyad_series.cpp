// Tests of include/brink/score/dyad_series.hpp: the observed_dyads.csv reader and its located errors, sign
// agreement and Pearson correlation against hand-computed values, and the comparison of constructed runs'
// daily dyad sums with an observed weekly series (the weeks' windows, both directions, other dyads and
// failed runs left out, the horizon, the starting-affinity baseline).
#include "brink/score/dyad_series.hpp"

#include "brink/score/observed.hpp"
#include "brink_test_support.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace brink::score {
namespace {

TEST(DyadSeries, ReadsOneDyadPerCaseSortedByWeek) {
    const auto series = parse_dyad_series(
        "case,a,b,week_start,goldstein,source\n"
        "c1,red,blue,2020-01-08,-3.5,GDELT\nc1,blue,red,2020-01-01,5,GDELT\nc2,x,y,2021-02-01,0,\n",
        "dyads.csv");
    ASSERT_EQ(series.size(), 2u);
    const ObservedDyadSeries& c1 = series.at("c1");
    EXPECT_EQ(c1.a, "red");
    EXPECT_EQ(c1.b, "blue");
    ASSERT_EQ(c1.weeks.size(), 2u);
    EXPECT_EQ(c1.weeks[0].goldstein, 5.0);  // 2020-01-01 first
    EXPECT_EQ(c1.weeks[1].week_start - c1.weeks[0].week_start, 7);
}

TEST(DyadSeries, RefusesBadRowsWithTheirLine) {
    const auto message = [](const std::string& text) {
        try {
            parse_dyad_series(text, "dyads.csv");
        } catch (const ScoreInputError& error) {
            return std::string(error.what());
        }
        return std::string("no error");
    };
    const std::string header = "case,a,b,week_start,goldstein\n";
    EXPECT_NE(message(header + "c,red,blue,2020-13-01,1\n").find("dyads.csv:2: column 'week_start'"),
              std::string::npos);
    EXPECT_NE(message(header + "c,red,blue,2020-01-01,x\n").find("column 'goldstein'"), std::string::npos);
    EXPECT_NE(message(header + "c,red,blue,2020-01-01,1\nc,red,green,2020-01-08,1\n").find("dyads.csv:3:"),
              std::string::npos);
    EXPECT_NE(message(header + "c,red,blue,2020-01-01,1\nc,red,blue,2020-01-01,2\n").find("given twice"),
              std::string::npos);
    EXPECT_NE(message(header + "c,red,red,2020-01-01,1\n").find("two different actor ids"),
              std::string::npos);
    EXPECT_NE(message("case,a,b,goldstein\n").find("no column 'week_start'"), std::string::npos);
}

TEST(DyadSeries, SignAgreementAndCorrelationMatchHandComputedValues) {
    EXPECT_DOUBLE_EQ(sign_agreement({1, -2, 0, 3}, {2, 1, 0, 0}), 0.5);  // weeks 1 and 3 agree
    EXPECT_TRUE(std::isnan(sign_agreement({}, {})));
    EXPECT_NEAR(pearson_correlation({1, 2, 3}, {2, 4, 6}), 1.0, 1e-15);
    EXPECT_NEAR(pearson_correlation({1, 2, 3}, {3, 2, 1}), -1.0, 1e-15);
    EXPECT_TRUE(std::isnan(pearson_correlation({1, 1, 1}, {1, 2, 3})));  // a constant side
    EXPECT_TRUE(std::isnan(pearson_correlation({1, 2}, {1, 2})));        // fewer than 3 weeks
}

model::DyadDay day(int d, int source, int target, double goldstein) {
    return {d, source, target, goldstein, 1};
}

// minimal_spec: red (0) and blue (1), start 2020-01-01, horizon 30 days. Observed weeks from 2020-01-01,
// -08 and -15 (the week of 2020-02-05 starts after the horizon and is left out).
TEST(DyadSeries, ComparesTheMeanSimulatedWeeklySumsWithTheObservedOnes) {
    const ScenarioSpec spec = test_support::minimal_spec();
    const auto series =
        parse_dyad_series(
            "case,a,b,week_start,goldstein\nm,red,blue,2020-01-01,5\nm,red,blue,2020-01-08,-3\n"
            "m,red,blue,2020-01-15,-1\nm,red,blue,2020-02-05,4\n",
            "dyads.csv")
            .at("m");
    ASSERT_EQ(check_dyad_series(spec, series), "");
    std::vector<sweep::ReplicationOutcome> runs(3);
    runs[0].dyads = {day(1, 0, 1, 2.0), day(2, 1, 0, 2.0), day(9, 0, 1, -4.0)};
    runs[0].affinity_start = Eigen::MatrixXd::Constant(2, 2, 0.5);
    runs[1].dyads = {day(3, 0, 1, 2.0), day(16, 0, 1, -2.0)};
    runs[1].affinity_start = Eigen::MatrixXd::Constant(2, 2, 0.3);
    runs[2].error = "failed";  // left out
    runs[2].dyads = {day(1, 0, 1, 100.0)};
    const DyadFit fit = dyad_fit(spec, runs, series);
    // Simulated means per week: (4 + 2)/2 = 3, (−4 + 0)/2 = −2, (0 − 2)/2 = −1; observed 5, −3, −1.
    EXPECT_EQ(fit.weeks, 3);
    EXPECT_DOUBLE_EQ(fit.sign_agreement, 1.0);
    // Pearson r: deviations (3, −2, −1) and (14/3, −10/3, −4/3): Sxy = 22, Sxx = 14, Syy = 312/9.
    EXPECT_NEAR(fit.correlation, 22.0 / std::sqrt(14.0 * 312.0 / 9.0), 1e-12);
    EXPECT_NEAR(fit.starting_affinity, 0.4, 1e-12);
    EXPECT_NEAR(fit.baseline_sign_agreement, 1.0 / 3.0, 1e-12);  // sgn(0.4) = + agrees with week 1 only
}

TEST(DyadSeries, NamesAnActorTheScenarioLacks) {
    const ScenarioSpec spec = test_support::minimal_spec();
    ObservedDyadSeries series;
    series.a = "red";
    series.b = "green";
    EXPECT_NE(check_dyad_series(spec, series).find("'green', which is not an actor"), std::string::npos);
}

}  // namespace
}  // namespace brink::score
