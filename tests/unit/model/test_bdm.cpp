// Tests of include/brink/model/bdm.hpp: the expected-utility model of docs/model.md §6 (Bueno de Mesquita
// after Scholz, Calbert & Smith 2011), on their worked example and on analytic two- and three-actor cases.
#include "brink/model/bdm.hpp"

#include "ec_car_emissions.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace brink::model {
namespace {

struct NamedActor {
    std::string name;
    BdmActor actor;
};

// The EC table with positions scaled from the 4..10 scale to [0,1].
std::vector<NamedActor> load_car_emissions() {
    std::vector<NamedActor> actors;
    for (const test_support::EcActor& a : test_support::ec_car_emissions()) {
        actors.push_back({a.name, BdmActor{a.capability, (a.position - 4.0) / 6.0, a.salience}});
    }
    return actors;
}

std::vector<BdmActor> plain(const std::vector<NamedActor>& named) {
    std::vector<BdmActor> actors;
    for (const NamedActor& a : named) {
        actors.push_back(a.actor);
    }
    return actors;
}

Eigen::Index index_of(const std::vector<NamedActor>& named, const std::string& name) {
    for (std::size_t i = 0; i < named.size(); ++i) {
        if (named[i].name == name) {
            return static_cast<Eigen::Index>(i);
        }
    }
    throw std::runtime_error("no actor " + name);
}

// The vote and probability sums are a few dozen products of 2-digit data: 1e-12 is far above their rounding.
constexpr double kExact = 1e-12;

TEST(BdmCarEmissions, LoadsTheTenMemberStates) {
    const std::vector<NamedActor> actors = load_car_emissions();
    ASSERT_EQ(actors.size(), 10u);
    EXPECT_EQ(actors.front().name, "Netherlands");
    EXPECT_DOUBLE_EQ(actors.front().actor.position, 0.0);
}

// First-round median voter position: 7 on the 4..10 scale, the starting median that the public replications
// of SCS 2011 print ("Median position: 7.0"). By hand: weights c·s total 0.677; position 4 holds 0.248
// (< half = 0.3385), 4 and 7 together 0.341 (>= half), so the weighted median is 7.
TEST(BdmCarEmissions, FirstRoundMedianVoterPositionIsSeven) {
    const BdmRound round = bdm_round(plain(load_car_emissions()), BdmParams{});
    EXPECT_NEAR(4.0 + 6.0 * round.median_position, 7.0, kExact);
}

// Weighted mean 5.003 / 0.677 = 7.38996 on the 4..10 scale (the replications print 7.389955686853767).
TEST(BdmCarEmissions, FirstRoundWeightedMeanPositionIsSevenPointThreeNine) {
    const BdmRound round = bdm_round(plain(load_car_emissions()), BdmParams{});
    EXPECT_NEAR(4.0 + 6.0 * round.mean_position, 7.389955686853767, 1e-12);
}

// P^i_{ij} = Σ_k max(0, v^k_ij) / Σ_k |v^k_ij| (SCS 2011 eq. for the probability of success).
// Netherlands (4) against France (10): the 4-bloc (0.248) votes for the Dutch, the 10-bloc (0.336) for the
// French, the 7-bloc is indifferent: P = 0.248 / 0.584. Netherlands against Belgium (7): the 4-bloc gives
// 0.248·0.5 to the Dutch; the 7-bloc (0.093·0.5) and the 10-bloc (0.336·0.5) go to Belgium.
TEST(BdmCarEmissions, FirstRoundProbabilitiesOfPrevailingMatchTheVoteShares) {
    const std::vector<NamedActor> named = load_car_emissions();
    const BdmRound round = bdm_round(plain(named), BdmParams{});
    const Eigen::Index nl = index_of(named, "Netherlands");
    const Eigen::Index fr = index_of(named, "France");
    const Eigen::Index be = index_of(named, "Belgium");
    EXPECT_NEAR(round.prob_success(nl, fr), 0.248 / 0.584, kExact);
    EXPECT_NEAR(round.prob_success(fr, nl), 0.336 / 0.584, kExact);
    EXPECT_NEAR(round.prob_success(nl, be), 0.124 / 0.3385, kExact);
    EXPECT_NEAR(round.votes(nl, be), 0.124 - 0.0465 - 0.168, kExact);
    EXPECT_NEAR(round.votes(nl, fr), 0.248 - 0.336, kExact);
}

TEST(BdmRound, VotesMatchTheDirectSumOverEveryVoterIncludingTiesAndMidpoints) {
    // bdm_round sums the votes by position groups and running sums (O(m^2)); here they are summed voter by
    // voter, w_k (|x_k - x_j| - |x_k - x_i|), split by sign (docs/model.md §6.1). Positions on a 1/8 grid
    // make ties and voters exactly at a pair's midpoint frequent; capabilities span six orders of magnitude.
    std::vector<BdmActor> actors;
    for (int k = 0; k < 40; ++k) {
        const double position = static_cast<double>((k * 5) % 9) / 8.0;
        const double capability = std::pow(10.0, static_cast<double>(k % 7) - 3.0) * (1.0 + 0.1 * k);
        actors.push_back({capability, position, 0.2 + 0.02 * static_cast<double>(k % 40)});
    }
    const BdmRound round = bdm_round(actors, BdmParams{});
    double largest_vote = 0.0;
    for (std::size_t i = 0; i < actors.size(); ++i) {
        for (std::size_t j = 0; j < actors.size(); ++j) {
            double for_i = 0.0;
            double for_j = 0.0;
            for (const BdmActor& voter : actors) {
                const double w = voter.capability * voter.salience;
                const double vote = w * (std::abs(voter.position - actors[j].position) -
                                         std::abs(voter.position - actors[i].position));
                (vote > 0.0 ? for_i : for_j) += std::abs(vote);
            }
            largest_vote = std::max(largest_vote, for_i + for_j);
            const auto ii = static_cast<Eigen::Index>(i);
            const auto jj = static_cast<Eigen::Index>(j);
            // Tolerance: both are sums of the same non-negative terms in different orders and groupings,
            // so they agree to a few ulps of the total vote.
            EXPECT_NEAR(round.votes(ii, jj), for_i - for_j, 1e-13 * (for_i + for_j) + 1e-300)
                << i << "," << j;
            const double expected_p = for_i + for_j > 0.0 ? for_i / (for_i + for_j) : 0.5;
            EXPECT_NEAR(round.prob_success(ii, jj), expected_p, 1e-12) << i << "," << j;
        }
    }
    EXPECT_GT(largest_vote, 0.0);
}

TEST(BdmCarEmissions, ProbabilitiesOfOpposedActorsAreComplementaryAndVotesAntisymmetric) {
    const BdmRound round = bdm_round(plain(load_car_emissions()), BdmParams{});
    const Eigen::Index n = round.prob_success.rows();
    for (Eigen::Index i = 0; i < n; ++i) {
        for (Eigen::Index j = 0; j < n; ++j) {
            EXPECT_NEAR(round.prob_success(i, j) + round.prob_success(j, i), 1.0, kExact);
            EXPECT_NEAR(round.votes(i, j), -round.votes(j, i), kExact);
        }
    }
}

// EU_i(ij) with r = 1 and Q = 1 (SCS 2011, §2–3): U_s = 2 - 4(0.5 - 0.5d), U_f = 2 - 4(0.5 + 0.5d),
// U_sq = 0. Netherlands challenging France (d = 1, s_France = 0.6, P = 0.248/0.584):
// 0.6·(2P - 2(1 - P)) + 0.4·2.
TEST(BdmCarEmissions, RiskNeutralExpectedUtilityOfChallengingIsTheClosedForm) {
    const std::vector<NamedActor> named = load_car_emissions();
    BdmParams params;
    params.risk_rule = BdmRiskRule::Neutral;
    const BdmRound round = bdm_round(plain(named), params);
    const Eigen::Index nl = index_of(named, "Netherlands");
    const Eigen::Index fr = index_of(named, "France");
    const double p = 0.248 / 0.584;
    EXPECT_NEAR(round.expected_utility(nl, fr), 0.6 * (4.0 * p - 2.0) + 0.8, kExact);
    // France challenging the Netherlands, seen by France: s_NL = 0.8.
    EXPECT_NEAR(round.expected_utility(fr, nl), 0.8 * (4.0 * (1.0 - p) - 2.0) + 0.4, kExact);
    // Risk-neutral perceptions coincide with the other's own view.
    EXPECT_NEAR(round.perceived_expected_utility(nl, fr), round.expected_utility(fr, nl), kExact);
}

TEST(BdmCarEmissions, RiskExponentsSpanHalfToTwoFromMostToLeastExposed) {
    const BdmRound round = bdm_round(plain(load_car_emissions()), BdmParams{});
    Eigen::Index most = 0;
    Eigen::Index least = 0;
    round.exposure.maxCoeff(&most);
    round.exposure.minCoeff(&least);
    EXPECT_NEAR(round.risk(most), 0.5, kExact);
    EXPECT_NEAR(round.risk(least), 2.0, kExact);
    for (Eigen::Index i = 0; i < round.risk.size(); ++i) {
        EXPECT_GE(round.risk(i), 0.5 - kExact);
        EXPECT_LE(round.risk(i), 2.0 + kExact);
    }
}

TEST(BdmCarEmissions, NewPositionsStayOnTheIssueAndBetweenTheExtremes) {
    const BdmRound round = bdm_round(plain(load_car_emissions()), BdmParams{});
    ASSERT_EQ(round.new_positions.size(), 10);
    for (Eigen::Index i = 0; i < round.new_positions.size(); ++i) {
        EXPECT_GE(round.new_positions(i), 0.0);
        EXPECT_LE(round.new_positions(i), 1.0);
    }
}

// Two actors, risk-neutral, Q = 1: A (c = 1, s = 1) at 0, B (c = 0.1, s = 0.5) at 1. P_AB = 1 / 1.05.
// EU_A(AB) = s_B(4P_AB - 2) + 2(1 - s_B) > 0 and EU_B(BA) = s_A(4P_BA - 2) < 0 with |EU_B| < EU_A:
// B compromises, moving the fraction |EU_B| / EU_A of the way to A; A stays.
TEST(BdmRound, AWeakActorCompromisesTowardsAStrongOneByTheRatioOfExpectedUtilities) {
    const std::vector<BdmActor> actors{{1.0, 0.0, 1.0}, {0.1, 1.0, 0.5}};
    BdmParams params;
    params.risk_rule = BdmRiskRule::Neutral;
    const BdmRound round = bdm_round(actors, params);
    const double p_ab = 1.0 / 1.05;
    const double eu_a = 0.5 * (4.0 * p_ab - 2.0) + 1.0;
    const double eu_b = 1.0 * (4.0 * (1.0 - p_ab) - 2.0);
    EXPECT_NEAR(round.expected_utility(0, 1), eu_a, kExact);
    EXPECT_NEAR(round.expected_utility(1, 0), eu_b, kExact);
    EXPECT_EQ(round.outcome[1][0], BdmPairOutcome::Compromise);
    EXPECT_EQ(round.outcome[0][1], BdmPairOutcome::Compromise);
    EXPECT_NEAR(round.new_positions(0), 0.0, kExact);
    EXPECT_NEAR(round.new_positions(1), 1.0 - std::abs(eu_b) / eu_a, kExact);
}

// Two equally weighted actors who both care fully: P = 1/2 each way, so each expects nothing from a
// challenge (EU = 0, not positive): status quo, nobody moves.
TEST(BdmRound, NobodyMovesWhenNeitherExpectsToGainByChallenging) {
    const std::vector<BdmActor> actors{{1.0, 0.0, 1.0}, {1.0, 1.0, 1.0}};
    BdmParams params;
    params.risk_rule = BdmRiskRule::Neutral;
    const BdmRound round = bdm_round(actors, params);
    // Equal weight: P = 1/2 both ways, EU = 1·(2·0.5·2 - 2) = 0 for both: not positive, so status quo.
    EXPECT_NEAR(round.expected_utility(0, 1), 0.0, kExact);
    EXPECT_EQ(round.outcome[0][1], BdmPairOutcome::StatusQuo);
    EXPECT_NEAR(round.new_positions(0), 0.0, kExact);
    EXPECT_NEAR(round.new_positions(1), 1.0, kExact);
}

// With r = 1 and Q = 1 a challenger's gain and the target's loss are mirror images (U_f = -U_s), so
// capitulation needs the status-quo terms: Q = 0.5, T = 1. A (c = 1, s = 1) at 0.6 is the median μ;
// B (c = 0.01, s = 1) at 1. Distances in shares of the spread 0.4 (§6.6): d = 1, U_s = 2, U_f = -2, U_sq = 0,
// U_b = |x - μ|/0.4 + d. EU_A(AB) = 2(2P - 1) - 0.5·1 > 0; EU_B(BA) = 2(1 - 2P) - 0.5·2 < -EU_A(AB): B's loss
// exceeds A's gain, so B capitulates to A's position.
TEST(BdmRound, AWeakActorWhoseLossExceedsTheOthersGainCapitulates) {
    const std::vector<BdmActor> actors{{1.0, 0.6, 1.0}, {0.01, 1.0, 1.0}};
    BdmParams params;
    params.q = 0.5;
    params.t = 1.0;
    params.risk_rule = BdmRiskRule::Neutral;
    const BdmRound round = bdm_round(actors, params);
    const double p_ab = 1.0 / 1.01;
    const double eu_a = 2.0 * (2.0 * p_ab - 1.0) - 0.5 * 1.0;
    const double eu_b = 2.0 * (1.0 - 2.0 * p_ab) - 0.5 * 2.0;
    EXPECT_DOUBLE_EQ(round.median_position, 0.6);
    EXPECT_NEAR(round.expected_utility(0, 1), eu_a, kExact);
    EXPECT_NEAR(round.expected_utility(1, 0), eu_b, kExact);
    EXPECT_EQ(round.outcome[1][0], BdmPairOutcome::Capitulation);
    EXPECT_EQ(round.outcome[0][1], BdmPairOutcome::Capitulation);
    EXPECT_NEAR(round.new_positions(1), 0.6, kExact);
    EXPECT_NEAR(round.new_positions(0), 0.6, kExact);
}

TEST(BdmRound, TwoActorsWhoBothExpectToGainAreInConflictAndTheWeakerLoses) {
    // Both care little about resisting (s = 0.2), so each expects the other to give in: both EU > 0.
    // The stronger one (c = 2) expects more, so the weaker one (c = 1) moves to it.
    const std::vector<BdmActor> actors{{2.0, 0.2, 0.2}, {1.0, 0.8, 0.2}};
    BdmParams params;
    params.risk_rule = BdmRiskRule::Neutral;
    const BdmRound round = bdm_round(actors, params);
    ASSERT_GT(round.expected_utility(0, 1), 0.0);
    ASSERT_GT(round.expected_utility(1, 0), 0.0);
    EXPECT_EQ(round.outcome[0][1], BdmPairOutcome::Conflict);
    EXPECT_EQ(round.outcome[1][0], BdmPairOutcome::Conflict);
    EXPECT_NEAR(round.new_positions(0), 0.2, kExact);
    EXPECT_NEAR(round.new_positions(1), 0.2, kExact);
}

TEST(BdmRound, ActorsThatAllShareOnePositionDoNotMove) {
    const std::vector<BdmActor> actors{{0.3, 0.4, 0.9}, {0.5, 0.4, 0.2}, {0.2, 0.4, 0.6}};
    const BdmRound round = bdm_round(actors, BdmParams{});
    for (Eigen::Index i = 0; i < 3; ++i) {
        EXPECT_DOUBLE_EQ(round.new_positions(i), 0.4);
        for (Eigen::Index j = 0; j < 3; ++j) {
            EXPECT_DOUBLE_EQ(round.expected_utility(i, j), 0.0);
            EXPECT_EQ(round.outcome[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)],
                      BdmPairOutcome::StatusQuo);
        }
    }
    EXPECT_DOUBLE_EQ(round.median_position, 0.4);
}

TEST(BdmRound, ADominantActorPullsTheOthersTowardsItsPosition) {
    // One great power at 1 that cares a lot; five small actors spread over [0, 0.4] that care little.
    std::vector<BdmActor> actors{{10.0, 1.0, 0.9}};
    for (int k = 0; k < 5; ++k) {
        actors.push_back({0.2, 0.1 * k, 0.3});
    }
    const BdmRound round = bdm_round(actors, BdmParams{});
    EXPECT_DOUBLE_EQ(round.new_positions(0), 1.0);
    for (Eigen::Index i = 1; i < 6; ++i) {
        EXPECT_GT(round.new_positions(i), actors[static_cast<std::size_t>(i)].position) << i;
    }
    EXPECT_DOUBLE_EQ(round.median_position, 1.0);
}

TEST(BdmRound, MedianIsTheCapabilitySalienceWeightedMedian) {
    // Weights c·s: 0.1 at 0.9, 0.35 at 0.2, 0.3 at 0.6, 0.25 at 0.0. Sorted: 0.0 (0.25), 0.2 (0.6 cum),
    // so the weighted median is 0.2 although the plain median of the positions lies between 0.2 and 0.6.
    const std::vector<BdmActor> actors{{0.1, 0.9, 1.0}, {0.5, 0.2, 0.7}, {0.6, 0.6, 0.5}, {0.25, 0.0, 1.0}};
    const BdmRound round = bdm_round(actors, BdmParams{});
    EXPECT_DOUBLE_EQ(round.median_position, 0.2);
    EXPECT_NEAR(round.mean_position, (0.1 * 0.9 + 0.35 * 0.2 + 0.3 * 0.6) / 1.0, kExact);
}

TEST(BdmRound, NeutralRiskRuleUsesExponentOneForEveryone) {
    BdmParams params;
    params.risk_rule = BdmRiskRule::Neutral;
    const BdmRound round = bdm_round(plain(load_car_emissions()), params);
    for (Eigen::Index i = 0; i < round.risk.size(); ++i) {
        EXPECT_DOUBLE_EQ(round.risk(i), 1.0);
    }
}

TEST(BdmRound, TwoActorRiskExponentsAreTheExtremes) {
    // With two actors one is the most and the other the least exposed: R = +1 and -1, r = 0.5 and 2.
    const std::vector<BdmActor> actors{{1.0, 0.0, 1.0}, {0.1, 1.0, 0.5}};
    const BdmRound round = bdm_round(actors, BdmParams{});
    // A's exposure is B's EU of challenging A (negative); B's is A's EU of challenging B (positive).
    EXPECT_NEAR(round.risk(0), 2.0, kExact);
    EXPECT_NEAR(round.risk(1), 0.5, kExact);
}

// A at 0.2 and B at 0.6, with a small C at 0 and D at 1 setting the spread to 1... and then the same four
// actors on another scale: with d the distance in shares of the spread, U_s = 2 - 4(0.5 - 0.5d)^r,
// U_f = 2 - 4(0.5 + 0.5d)^r, U_sq = 2 - 4·0.5^r (SCS 2011 §3), and Q = 1:
// EU_i(ij) = s_j(P U_s + (1 - P) U_f) + (1 - s_j) U_s - U_sq, each with the perceiver's own r.
TEST(BdmRound, RiskExponentsEnterTheBasicUtilitiesAsPowers) {
    const std::vector<BdmActor> actors{{1.0, 0.2, 1.0}, {0.1, 0.6, 0.5}, {0.05, 0.0, 0.3}, {0.05, 1.0, 0.3}};
    const BdmRound round = bdm_round(actors, BdmParams{});
    auto eu = [](double p, double s_target, double d, double r) {
        const double u_s = 2.0 - 4.0 * std::pow(0.5 - 0.5 * d, r);
        const double u_f = 2.0 - 4.0 * std::pow(0.5 + 0.5 * d, r);
        const double u_sq = 2.0 - 4.0 * std::pow(0.5, r);
        return s_target * (p * u_s + (1.0 - p) * u_f) + (1.0 - s_target) * u_s - u_sq;
    };
    const double r_a = round.risk(0);
    const double r_b = round.risk(1);
    ASSERT_NE(r_a, 1.0);
    ASSERT_NE(r_b, 1.0);
    const double p_ab = round.prob_success(0, 1);
    EXPECT_NEAR(round.expected_utility(0, 1), eu(p_ab, 0.5, 0.4, r_a), kExact);
    EXPECT_NEAR(round.expected_utility(1, 0), eu(1.0 - p_ab, 1.0, 0.4, r_b), kExact);
    // A's estimate of B's stakes uses A's exponent, not B's.
    EXPECT_NEAR(round.perceived_expected_utility(0, 1), eu(1.0 - p_ab, 1.0, 0.4, r_a), kExact);
}

// docs/model.md §6.6: distances are shares of the spread of positions, so an affine rescaling of the issue
// axis (x → a + b x, b > 0) changes nothing but the positions, which it maps: the EC example on [0,1] and on
// [0.3, 0.5] (0.3 + 0.2x).
TEST(BdmCarEmissions, AnAffineRescalingOfTheIssueAxisGivesTheSameRound) {
    std::vector<BdmActor> unit = plain(load_car_emissions());
    std::vector<BdmActor> narrow = unit;
    for (BdmActor& a : narrow) {
        a.position = 0.3 + 0.2 * a.position;
    }
    const BdmRound r1 = bdm_round(unit, BdmParams{});
    const BdmRound r2 = bdm_round(narrow, BdmParams{});
    EXPECT_NEAR(0.3 + 0.2 * r1.median_position, r2.median_position, 1e-15);
    EXPECT_NEAR(0.3 + 0.2 * r1.mean_position, r2.mean_position, 1e-14);
    const Eigen::Index n = static_cast<Eigen::Index>(unit.size());
    for (Eigen::Index i = 0; i < n; ++i) {
        EXPECT_NEAR(r1.risk(i), r2.risk(i), 1e-12) << i;
        EXPECT_NEAR(0.3 + 0.2 * r1.new_positions(i), r2.new_positions(i), 1e-12) << i;
        for (Eigen::Index j = 0; j < n; ++j) {
            EXPECT_NEAR(r1.votes(i, j), r2.votes(i, j), 1e-12);
            EXPECT_NEAR(r1.prob_success(i, j), r2.prob_success(i, j), 1e-12);
            EXPECT_NEAR(r1.expected_utility(i, j), r2.expected_utility(i, j), 1e-12);
            EXPECT_NEAR(r1.perceived_expected_utility(i, j), r2.perceived_expected_utility(i, j), 1e-12);
            EXPECT_EQ(r1.outcome[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)],
                      r2.outcome[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)]);
        }
    }
}

TEST(BdmRound, StatusQuoProbabilityBelowOneUsesTheBetterAndWorseUtilities) {
    // Q = 0, T = 1, risk-neutral, A at 0 and B at 1 with equal weight, μ is A's position (lower median):
    // U_b = 2 - 4(0.5 - 0.25(|x_A - μ| + 1)) = 1 for A, so EU_A(AB) = 0 - 1 = -1 (P = 1/2, s_B = 1).
    const std::vector<BdmActor> actors{{1.0, 0.0, 1.0}, {1.0, 1.0, 1.0}};
    BdmParams params;
    params.q = 0.0;
    params.t = 1.0;
    params.risk_rule = BdmRiskRule::Neutral;
    const BdmRound round = bdm_round(actors, params);
    EXPECT_DOUBLE_EQ(round.median_position, 0.0);
    EXPECT_NEAR(round.expected_utility(0, 1), -1.0, kExact);
    // For B, |x_B - μ| = 1: U_b = 2 - 4·0 = 2, EU_B(BA) = 0 - 2 = -2.
    EXPECT_NEAR(round.expected_utility(1, 0), -2.0, kExact);
}

TEST(BdmRound, RejectsBadInputWithAClearError) {
    EXPECT_THROW(bdm_round({}, BdmParams{}), std::invalid_argument);
    EXPECT_THROW(bdm_round({{1.0, 1.5, 0.5}}, BdmParams{}), std::invalid_argument);
    EXPECT_THROW(bdm_round({{-1.0, 0.5, 0.5}}, BdmParams{}), std::invalid_argument);
    EXPECT_THROW(bdm_round({{1.0, 0.5, NAN}}, BdmParams{}), std::invalid_argument);
    BdmParams params;
    params.q = 1.5;
    EXPECT_THROW(bdm_round({{1.0, 0.5, 0.5}}, params), std::invalid_argument);
}

TEST(BdmRound, ASingleActorStaysPut) {
    const BdmRound round = bdm_round({{1.0, 0.3, 0.5}}, BdmParams{});
    EXPECT_DOUBLE_EQ(round.new_positions(0), 0.3);
    EXPECT_DOUBLE_EQ(round.median_position, 0.3);
}

}  // namespace
}  // namespace brink::model
