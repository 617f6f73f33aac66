// Tests of include/brink/model/choice.hpp: the logit quantal response rule of docs/model.md §7.1.
#include "brink/model/choice.hpp"

#include "brink/engine/rng.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>
#include <stdexcept>
#include <vector>

namespace brink::model {
namespace {

double sum(const std::vector<double>& values) {
    return std::accumulate(values.begin(), values.end(), 0.0);
}

// Normalising n <= 5 terms costs a few ulps; 1e-12 is far above that and far below any modelling error.
constexpr double kExact = 1e-12;

TEST(LogitProbabilities, SumToOne) {
    const std::vector<double> utilities{0.3, -1.2, 2.5, 0.0, 0.7};
    for (double rationality : {0.0, 0.5, 3.0, 40.0}) {
        EXPECT_NEAR(sum(logit_probabilities(utilities, rationality)), 1.0, kExact) << rationality;
    }
}

TEST(LogitProbabilities, AreUniformWithZeroRationality) {
    const std::vector<double> utilities{5.0, -3.0, 0.1, 100.0};
    for (double p : logit_probabilities(utilities, 0.0)) {
        EXPECT_NEAR(p, 0.25, kExact);
    }
}

TEST(LogitProbabilities, HaveTheRatiosOfExponentialUtilities) {
    const std::vector<double> utilities{1.0, 2.0, -0.5};
    const double lambda = 1.7;
    const std::vector<double> p = logit_probabilities(utilities, lambda);
    const double z = std::exp(lambda * 1.0) + std::exp(lambda * 2.0) + std::exp(lambda * -0.5);
    EXPECT_NEAR(p[0], std::exp(lambda * 1.0) / z, kExact);
    EXPECT_NEAR(p[1], std::exp(lambda * 2.0) / z, kExact);
    EXPECT_NEAR(p[2], std::exp(lambda * -0.5) / z, kExact);
    EXPECT_NEAR(p[1] / p[0], std::exp(lambda * (2.0 - 1.0)), 1e-10);
}

TEST(LogitProbabilities, ConcentrateOnTheArgmaxAsRationalityGrows) {
    const std::vector<double> utilities{0.1, 0.4, 0.2};
    // With a utility gap of 0.2, λ = 500 leaves exp(-100) ≈ 4e-44 on the runner-up.
    const std::vector<double> p = logit_probabilities(utilities, 500.0);
    EXPECT_NEAR(p[1], 1.0, 1e-40);
    const std::vector<double> limit = logit_probabilities(utilities, INFINITY);
    EXPECT_EQ(limit, (std::vector<double>{0.0, 1.0, 0.0}));
}

TEST(LogitProbabilities, SplitTheLimitEquallyBetweenTiedMaxima) {
    const std::vector<double> p = logit_probabilities(std::vector<double>{2.0, 1.0, 2.0}, INFINITY);
    EXPECT_EQ(p, (std::vector<double>{0.5, 0.0, 0.5}));
}

TEST(LogitProbabilities, StayFiniteWithUtilitiesOfAMillion) {
    const std::vector<double> utilities{1e6, -1e6, 1e6 - 1.0};
    const std::vector<double> p = logit_probabilities(utilities, 1.0);
    for (double probability : p) {
        EXPECT_TRUE(std::isfinite(probability));
    }
    // Only the gap matters: p0/p2 = e, and the -1e6 action underflows to exactly 0.
    const double e = std::exp(1.0);
    EXPECT_NEAR(p[0], e / (1.0 + e), kExact);
    EXPECT_NEAR(p[2], 1.0 / (1.0 + e), kExact);
    EXPECT_EQ(p[1], 0.0);
}

TEST(LogitProbabilities, RejectEmptySetsNegativeRationalityAndNonFiniteUtilities) {
    EXPECT_THROW(logit_probabilities(std::vector<double>{}, 1.0), std::invalid_argument);
    EXPECT_THROW(logit_probabilities(std::vector<double>{1.0}, -1.0), std::invalid_argument);
    EXPECT_THROW(logit_probabilities(std::vector<double>{1.0, NAN}, 1.0), std::invalid_argument);
}

TEST(LogitChoice, InvertsTheCumulativeDistribution) {
    const std::vector<double> utilities{0.0, std::log(2.0), std::log(3.0)};  // λ = 1: p = 1/6, 2/6, 3/6
    EXPECT_EQ(logit_choice(utilities, 1.0, 0.0), 0u);
    EXPECT_EQ(logit_choice(utilities, 1.0, 0.16), 0u);
    EXPECT_EQ(logit_choice(utilities, 1.0, 0.17), 1u);
    EXPECT_EQ(logit_choice(utilities, 1.0, 0.49), 1u);
    EXPECT_EQ(logit_choice(utilities, 1.0, 0.51), 2u);
    EXPECT_EQ(logit_choice(utilities, 1.0, 0.999999), 2u);
}

TEST(LogitChoice, IsDeterministicForAGivenDraw) {
    const std::vector<double> utilities{0.2, 0.9, 0.4, 0.1};
    for (double u : {0.05, 0.33, 0.71, 0.98}) {
        EXPECT_EQ(logit_choice(utilities, 2.0, u), logit_choice(utilities, 2.0, u));
    }
}

// Frequencies over a deterministic grid of 10,000 evenly spaced draws equal the probabilities to within
// one grid step per action (1e-4), since the inverse CDF maps the grid onto consecutive intervals.
TEST(LogitChoice, ChoosesEachActionWithItsLogitProbability) {
    const std::vector<double> utilities{0.5, 1.5, 1.0};
    const std::vector<double> p = logit_probabilities(utilities, 1.3);
    std::vector<double> frequency(3, 0.0);
    const int draws = 10000;
    for (int k = 0; k < draws; ++k) {
        const double u = (static_cast<double>(k) + 0.5) / draws;
        frequency[logit_choice(utilities, 1.3, u)] += 1.0 / draws;
    }
    for (std::size_t a = 0; a < 3; ++a) {
        EXPECT_NEAR(frequency[a], p[a], 1e-4) << a;
    }
}

TEST(LogitChoice, ReturnsTheLowestIndexArgmaxInTheInfiniteRationalityLimit) {
    const std::vector<double> utilities{1.0, 3.0, 2.0, 3.0};
    for (double u : {0.0, 0.4, 0.99}) {
        EXPECT_EQ(logit_choice(utilities, INFINITY, u), 1u);
    }
    EXPECT_EQ(logit_choice(std::vector<double>{1.0, 3.0, 2.0}, 1e9, 0.999), 1u);
}

TEST(LogitChoice, NeverPicksAnActionWithZeroProbability) {
    const std::vector<double> utilities{0.0, -1e6};  // the second action's probability underflows to 0
    EXPECT_EQ(logit_choice(utilities, 1.0, 0.9999999999), 0u);
}

TEST(LogitChoice, RejectsDrawsOutsideTheUnitInterval) {
    const std::vector<double> utilities{0.0, 1.0};
    EXPECT_THROW(logit_choice(utilities, 1.0, 1.0), std::invalid_argument);
    EXPECT_THROW(logit_choice(utilities, 1.0, -0.1), std::invalid_argument);
}

TEST(PerturbedChoice, WithIndependentGumbelShocksDrawsTheLogit) {
    // docs/model.md §7.1 (McFadden 1974): argmax λU + ε with ε iid standard Gumbel is the logit. 200,000
    // draws: the standard error of a share near 0.4 is 0.0011; 0.005 is more than four of them.
    const std::vector<double> utilities{0.3, 0.1, -0.2, 0.25};
    const double lambda = 4.0;
    const std::vector<double> p = logit_probabilities(utilities, lambda);
    engine::RngStream rng(7, 11);
    std::vector<double> frequency(utilities.size(), 0.0);
    const int draws = 200000;
    std::vector<double> shocks(utilities.size());
    for (int k = 0; k < draws; ++k) {
        for (double& e : shocks) {
            e = gumbel_shock(rng.uniform());
        }
        frequency[perturbed_choice(utilities, lambda, shocks)] += 1.0 / draws;
    }
    for (std::size_t a = 0; a < utilities.size(); ++a) {
        EXPECT_NEAR(frequency[a], p[a], 0.005) << a;
    }
}

TEST(PerturbedChoice, TheLimitsOfRationalityAndItsErrors) {
    const std::vector<double> utilities{1.0, 3.0, 3.0};
    const std::vector<double> shocks{9.0, 0.0, 5.0};
    EXPECT_EQ(perturbed_choice(utilities, INFINITY, shocks), 1u);  // the argmax of U, lowest index
    EXPECT_EQ(perturbed_choice(utilities, 0.0, shocks), 0u);       // the argmax of ε
    EXPECT_EQ(perturbed_choice(utilities, 1.0, shocks), 0u);       // 10 > 8 > 3
    EXPECT_EQ(perturbed_choice(utilities, 4.0, shocks), 2u);       // 17 > 13 > 12
    EXPECT_THROW(perturbed_choice(utilities, 1.0, std::vector<double>{0.0}), std::invalid_argument);
    EXPECT_TRUE(std::isfinite(gumbel_shock(0.0)));
    EXPECT_NEAR(gumbel_shock(std::exp(-1.0)), 0.0, 1e-15);  // −ln(−ln e^{−1}) = 0
}

TEST(PersistentShocks, AShockLastsAnExponentialLifeOfMeanTau) {
    // docs/model.md §7.1: asked every 0.01 day, a shock changes at renewal times that form a Poisson process
    // of rate 1/τ: over 2,000 days with τ = 5, about 400 renewals (standard deviation 20).
    PersistentShocks shocks(1);
    engine::RngStream rng(3, 5);
    int renewals = 0;
    double last = shocks.at(0, 0.0, 5.0, rng);
    for (int k = 1; k <= 200000; ++k) {
        const double now = 0.01 * k;
        const double e = shocks.at(0, now, 5.0, rng);
        renewals += e != last;
        last = e;
    }
    EXPECT_NEAR(renewals, 400, 80);
    // τ = 0: a new shock at every call.
    PersistentShocks fresh(1);
    const double a = fresh.at(0, 1.0, 0.0, rng);
    EXPECT_NE(fresh.at(0, 1.0, 0.0, rng), a);
}

TEST(PersistentShocks, HowOftenAnActorIsAskedDoesNotChangeHowOftenItErrs) {
    // docs/model.md §7.1: an actor whose best action is to hold (U = 0) and whose one error costs 0.2 (λ =
    // 10: a logit probability of 0.12 per draw), asked at a Poisson rate r for 30 days, 2,000 runs. With
    // shocks drawn afresh at each decision, the chance of erring at least once grows with r (1 − 0.88^(30r):
    // 0.32 at r = 0.1, 0.98 at r = 1); with shocks that last τ = 7 days it is bounded by the number of
    // renewals (about 2·30/7 of the two actions' shocks), whatever r: 0.52 at r = 2 and 0.55 at r = 16 when
    // this was written.
    const std::vector<double> utilities{0.0, -0.2};
    const auto erred = [&](double rate, double tau) {
        int runs_with_error = 0;
        for (std::uint64_t seed = 1; seed <= 2000; ++seed) {
            engine::RngStream rng(seed, 1);
            PersistentShocks shocks(2);
            double now = rng.exponential(rate);
            bool error = false;
            while (now < 30.0 && !error) {
                const std::vector<double> e{shocks.at(0, now, tau, rng), shocks.at(1, now, tau, rng)};
                error = perturbed_choice(utilities, 10.0, e) == 1;
                now += rng.exponential(rate);
            }
            runs_with_error += error;
        }
        return runs_with_error / 2000.0;
    };
    const double fresh_slow = erred(0.1, 0.0);
    const double fresh_fast = erred(1.0, 0.0);
    const double kept_slow = erred(2.0, 7.0);
    const double kept_fast = erred(16.0, 7.0);
    EXPECT_GT(fresh_fast, fresh_slow + 0.5);
    EXPECT_LT(std::abs(kept_fast - kept_slow), 0.08);  // eight times the rate, the same errors
    EXPECT_LT(kept_fast, 0.7);
}

}  // namespace
}  // namespace brink::model
