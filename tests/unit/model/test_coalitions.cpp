// Tests of coalitions.hpp: who would join whom, coalition strength and the probability of prevailing
// (docs/model.md §11.1), against their closed forms.
#include "brink/model/coalitions.hpp"

#include "fixtures.hpp"

#include <gtest/gtest.h>

namespace brink::model {
namespace {

using fixtures::make_actor;

/// Challenger a, target b, third party c (capability 2), one issue; nobody mobilised.
ScenarioSpec triad(double c_capability = 2.0) {
    ScenarioSpec spec;
    spec.model = fixtures::reference_params();
    spec.metadata.name = "triad";
    IssueSpec issue;
    issue.id = "claim";
    spec.issues = {issue};
    spec.actors = {make_actor("a", 1.0, 0.6), make_actor("b", 1.0, 0.6), make_actor("c", c_capability, 0.5)};
    return spec;
}

// The closed forms below are evaluated in another order than the code, so the comparisons are to 1e-14.
constexpr double k_tolerance = 1e-14;

TEST(Coalitions, JoiningIsResolveTimesTheNoisyOrOfTheReasonsDampedByWarnings) {
    ScenarioSpec spec = triad();
    spec.relations.commitments.push_back({"c", "b", 0.8, {}});
    CrisisState state(spec);
    // h·[1 − (1 − F)(1 − D)(1 − a)]·(1 − W) with h = 0.5, F = 0.8, no lean.
    EXPECT_NEAR(join_probability(state, 2, 1, 0, 0, View{}), 0.5 * 0.8, k_tolerance);
    state.relations.declared(2, 1) = 0.5;
    EXPECT_NEAR(join_probability(state, 2, 1, 0, 0, View{}), 0.5 * (1.0 - 0.2 * 0.5), k_tolerance);
    state.relations.deterred(2, 0) = 0.25;  // a has warned c off
    EXPECT_NEAR(join_probability(state, 2, 1, 0, 0, View{}), 0.5 * 0.9 * 0.75, k_tolerance);
    EXPECT_DOUBLE_EQ(join_probability(state, 2, 0, 1, 0, View{}), 0.0);  // no reason to side with a
}

TEST(Coalitions, ASlightLeanAddsAlmostNothingAndAStrongOneAddsMuch) {
    ScenarioSpec spec = triad();
    spec.relations.affinities.push_back({"c", "b", 0.1, false});
    CrisisState slight(spec);
    const double beta = spec.model.bystander_propensity;
    // lean = (0.1 − 0)/2 = 0.05: a = β·0.05² = 0.00125 (§11.1), times c's resolve.
    EXPECT_NEAR(join_probability(slight, 2, 1, 0, 0, View{}), 0.5 * beta * 0.05 * 0.05, k_tolerance);
    spec.relations.affinities = {{"c", "b", 0.9, false}, {"c", "a", -0.9, false}};
    CrisisState strong(spec);
    EXPECT_NEAR(join_probability(strong, 2, 1, 0, 0, View{}), 0.5 * beta * 0.9 * 0.9, k_tolerance);
}

TEST(Coalitions, ThirdPartiesCommitTheirTheatreShareAndForcesCountAsFarAsTheyAreReady) {
    ScenarioSpec spec = triad();
    spec.relations.commitments.push_back({"c", "b", 1.0, {}});
    spec.actors[0].readiness = 1.0;  // a is ready; b and c at peacetime readiness
    CrisisState state(spec);
    const double w = 0.25;                                          // shares: a 1/4, b 1/4, c 1/2
    const double m = 0.5 * (1.0 + spec.model.readiness.peacetime);  // (1 + R)/2 at peacetime readiness
    const double theta = spec.model.theatre_share;
    const double brought = theta + (1.0 - theta) * 1.0;  // committed with F = 1: all of it (§11.1)
    const double sigma_a = w * 1.0;
    const double sigma_b = w * m + 2.0 * w * brought * m * 0.5;  // c joins with h·F = 0.5
    EXPECT_NEAR(coalition_strength(state, 0, 1, 0, View{}, 0.0), sigma_a, k_tolerance);
    EXPECT_NEAR(coalition_strength(state, 1, 0, 0, View{}, 0.0), sigma_b, k_tolerance);
    EXPECT_NEAR(prevail_probability(state, 0, 1, 0, View{}, 0.0), sigma_a / (sigma_a + sigma_b), k_tolerance);
    spec.model.mechanisms.readiness = false;  // everyone counts at full strength
    CrisisState full(spec);
    EXPECT_NEAR(coalition_strength(full, 1, 0, 0, View{}, 0.0), w + 2.0 * w * brought * 0.5, k_tolerance);
    // A third party that has only declared its support brings its theatre share θ.
    spec.relations.commitments.clear();
    CrisisState declared(spec);
    declared.relations.declared(2, 1) = 1.0;
    EXPECT_NEAR(coalition_strength(declared, 1, 0, 0, View{}, 0.0), w + 2.0 * w * theta * 0.5, k_tolerance);
}

TEST(Coalitions, ACommitmentDetersMoreTheFirmerItIsAndTheStrongerTheDefender) {
    // docs/model.md §11.1 (Huth 1988): the challenger's chance against the target falls with the defender's
    // firmness and with its capability.
    double previous = 1.0;
    for (const double firmness : {0.0, 0.25, 0.5, 0.75, 1.0}) {
        ScenarioSpec spec = triad();
        spec.relations.commitments.push_back({"c", "b", firmness, {}});
        const CrisisState state(spec);
        const double p = prevail_probability(state, 0, 1, 0, View{0}, 0.0);
        EXPECT_LE(p, previous) << firmness;
        previous = p;
    }
    EXPECT_LT(previous, 0.5);
    previous = 1.0;
    for (const double capability : {0.5, 1.0, 2.0, 4.0, 8.0}) {
        ScenarioSpec spec = triad(capability);
        spec.relations.commitments.push_back({"c", "b", 1.0, {}});
        const CrisisState state(spec);
        const double p = prevail_probability(state, 0, 1, 0, View{0}, 0.0);
        EXPECT_LT(p, previous) << capability;
        previous = p;
    }
}

TEST(Coalitions, AnObserverCountsACommitmentAsFarAsItBelievesTheDefenderResolved) {
    ScenarioSpec spec = triad();
    spec.relations.commitments.push_back({"c", "b", 1.0, {}});
    spec.relations.beliefs.push_back({"a", "c", 0.1});  // a thinks c is probably irresolute
    const CrisisState state(spec);
    const BeliefParams& types = spec.model.beliefs;
    const double believed = 0.1 * types.resolute + 0.9 * types.irresolute;
    EXPECT_NEAR(join_probability(state, 2, 1, 0, 0, View{0}), believed, k_tolerance);
    EXPECT_NEAR(join_probability(state, 2, 1, 0, 0, View{}), 0.5, k_tolerance);  // c's true resolve
    EXPECT_GT(prevail_probability(state, 0, 1, 0, View{0}, 0.0),
              prevail_probability(state, 0, 1, 0, View{}, 0.0));
}

TEST(Coalitions, AScopedCommitmentCountsOnItsIssuesOnly) {
    ScenarioSpec spec = triad();
    IssueSpec region;
    region.id = "region";
    spec.issues.push_back(region);
    spec.relations.commitments.push_back({"c", "b", 1.0, {"claim"}});
    const CrisisState state(spec);
    EXPECT_NEAR(join_probability(state, 2, 1, 0, 0, View{}), 0.5, k_tolerance);
    EXPECT_DOUBLE_EQ(join_probability(state, 2, 1, 0, 1, View{}), 0.0);
    EXPECT_LT(prevail_probability(state, 0, 1, 0, View{}, 0.0),
              prevail_probability(state, 0, 1, 1, View{}, 0.0));
}

TEST(Coalitions, SupportMetricsAreTheObjectiveShareAndChance) {
    ScenarioSpec spec = triad();
    spec.relations.commitments.push_back({"c", "a", 1.0, {}});
    const CrisisState state(spec);
    const SupportMetrics m = support_metrics(state, 0, 1, 0, 0.0);
    EXPECT_NEAR(m.expected_support, 0.5, k_tolerance);  // c joins a with probability 0.5
    EXPECT_NEAR(m.p_prevail, prevail_probability(state, 0, 1, 0, View{}, 0.0), k_tolerance);
    EXPECT_NEAR(support_metrics(state, 1, 0, 0, 0.0).expected_support, 0.0, k_tolerance);
}

}  // namespace
}  // namespace brink::model
