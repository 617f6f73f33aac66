// Tests of beliefs.hpp: Bayes' rule in closed form, costly signals against cheap talk (docs/model.md §11.2).
#include "brink/model/beliefs.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace brink::model {
namespace {

TEST(Beliefs, BayesRuleForTwoTypesIsTheClosedForm) {
    // π L_R / (π L_R + (1 − π) L_I), to 1e-12.
    EXPECT_NEAR(posterior_resolute(0.3, 0.9, 0.2), 0.27 / (0.27 + 0.14), 1e-12);
    EXPECT_NEAR(posterior_resolute(0.5, 1.0, 0.0), 1.0, 1e-12);  // only the resolute type sends it
    EXPECT_DOUBLE_EQ(posterior_resolute(0.4, 0.0, 0.0), 0.4);    // neither would: nothing learnt
}

TEST(Beliefs, ACostlySignalMovesEveryObserverByBayesRule) {
    BeliefParams types;  // r_R = 0.8, r_I = 0.2
    Beliefs beliefs(types, {0.5, 0.5, 0.5});
    beliefs.track(1, 0, 0.3);  // actor 1 holds its own belief about actor 0
    // A sunk cost of 0.3 with stakes 0.6 at λ = 10: net values 0.8·0.6 − 0.3 = 0.18 and 0.2·0.6 − 0.3 =
    // −0.18, likelihoods clamp(0.5 ± 10·0.18/4) = 0.95 and 0.05.
    const double resolute_sends = signal_likelihood(signal_net_value(0.8, 0.6, 0.3, 0.0), 10.0);
    const double irresolute_sends = signal_likelihood(signal_net_value(0.2, 0.6, 0.3, 0.0), 10.0);
    EXPECT_NEAR(resolute_sends, 0.95, 1e-12);
    EXPECT_NEAR(irresolute_sends, 0.05, 1e-12);
    beliefs.observe(0, {0.6, 0.3, 0.0}, 10.0);
    EXPECT_NEAR(beliefs.resolute(1, 0), 0.3 * 0.95 / (0.3 * 0.95 + 0.7 * 0.05), 1e-12);
    EXPECT_NEAR(beliefs.reputation(0), 0.5 * 0.95 / (0.5 * 0.95 + 0.5 * 0.05), 1e-12);
    EXPECT_NEAR(beliefs.resolute(2, 0), beliefs.reputation(0), 1e-15);  // no own belief: the public one
    EXPECT_DOUBLE_EQ(beliefs.resolute(0, 1), 0.5);                      // nobody else learnt anything
    EXPECT_NEAR(beliefs.expected_resolve(1, 0),
                beliefs.resolute(1, 0) * 0.8 + (1.0 - beliefs.resolute(1, 0)) * 0.2, 1e-15);
}

TEST(Beliefs, CheapTalkAndASignalBothTypesSendMoveNothing) {
    Beliefs beliefs(BeliefParams{}, {0.4, 0.5});
    beliefs.track(1, 0);
    // Free talk: no cost at all, and stakes large enough that both types would say it.
    beliefs.observe(0, {1.0, 0.0, 0.0}, 10.0);
    EXPECT_DOUBLE_EQ(beliefs.resolute(1, 0), 0.4);
    // A cost both types pay gladly (net value ≥ 2/λ for each: 0.8 − 0.05 and 0.2 − 0.05 ≥ 0.1 at λ = 20):
    // sent by both, it tells nothing.
    beliefs.observe(0, {1.0, 0.05, 0.0}, 20.0);
    EXPECT_DOUBLE_EQ(beliefs.resolute(1, 0), 0.4);
    EXPECT_DOUBLE_EQ(beliefs.reputation(0), 0.4);
}

TEST(Beliefs, TiedHandsCostTheIrresoluteTypeMore) {
    // An audience cost paid only on backing down (Fearon 1997): net r·s − (1 − r)·a.
    EXPECT_DOUBLE_EQ(signal_net_value(0.8, 0.5, 0.0, 0.4), 0.8 * 0.5 - 0.2 * 0.4);
    EXPECT_DOUBLE_EQ(signal_net_value(0.2, 0.5, 0.0, 0.4), 0.2 * 0.5 - 0.8 * 0.4);
    Beliefs beliefs(BeliefParams{}, {0.5, 0.5});
    beliefs.observe(0, {0.5, 0.0, 0.4}, 10.0);
    EXPECT_GT(beliefs.reputation(0), 0.5);
}

TEST(Beliefs, ReputationForResolveCentresTheExpectedResolve) {
    const BeliefParams types;
    EXPECT_NEAR(reputation_for_resolve(0.5, types), 0.5, 1e-15);
    EXPECT_NEAR(reputation_for_resolve(0.65, types), 0.75, 1e-12);
    EXPECT_DOUBLE_EQ(reputation_for_resolve(1.0, types), 0.99);  // never certain
    EXPECT_THROW(Beliefs(BeliefParams{0.2, 0.8}, {0.5}), std::invalid_argument);
}

}  // namespace
}  // namespace brink::model
