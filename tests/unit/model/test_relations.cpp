// Tests of relations.hpp: affinity, commitments and third-party support (docs/model.md §1, §4).
#include "brink/model/relations.hpp"

#include "brink/model/bargaining.hpp"
#include "fixtures.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <vector>

namespace brink::model {
namespace {

ScenarioSpec three_actors() {
    ScenarioSpec spec;
    spec.actors = {fixtures::make_actor("a", 1.0), fixtures::make_actor("b", 1.0),
                   fixtures::make_actor("c", 2.0)};
    return spec;
}

Eigen::VectorXd shares(const ScenarioSpec& spec) {
    Eigen::VectorXd w(static_cast<Eigen::Index>(spec.actors.size()));
    double total = 0.0;
    for (const auto& a : spec.actors) {
        total += a.capability;
    }
    for (std::size_t i = 0; i < spec.actors.size(); ++i) {
        w(static_cast<Eigen::Index>(i)) = spec.actors[i].capability / total;
    }
    return w;
}

}  // namespace

TEST(Relations, BuildsAlliancesThenLetsExplicitPairsOverride) {
    ScenarioSpec spec = three_actors();
    spec.relations.alliances.push_back({"bloc", "Bloc", {"a", "b", "c"}, 0.6, 0.5});
    spec.relations.affinities.push_back({"a", "c", -0.4, false});
    spec.relations.commitments.push_back({"c", "a", 0.9});
    const Relations r = build_relations(spec);
    EXPECT_DOUBLE_EQ(r.affinity(0, 1), 0.6);
    EXPECT_DOUBLE_EQ(r.affinity(0, 2), -0.4);
    EXPECT_DOUBLE_EQ(r.affinity(2, 0), -0.4);
    EXPECT_DOUBLE_EQ(r.affinity(1, 1), 1.0);
    EXPECT_DOUBLE_EQ(r.commitment(1, 0), 0.5);
    EXPECT_DOUBLE_EQ(r.commitment(2, 0), 0.9);
}

TEST(Relations, RejectsUnknownActors) {
    ScenarioSpec spec = three_actors();
    spec.relations.affinities.push_back({"a", "nobody", 0.1, false});
    EXPECT_THROW(build_relations(spec), std::invalid_argument);
}

TEST(Relations, SupportRaisesAffinityAndThreatsLowerItWithinBounds) {
    Relations r(2);
    // docs/model.md §1.2: A += step·G/10·(1 - A) for G > 0. Support ("053", G = 3.8), step 0.1, from 0:
    apply_event_to_affinity(r, 0, 1, 3.8, 0.1);
    EXPECT_NEAR(r.affinity(0, 1), 0.038, 1e-15);
    EXPECT_NEAR(r.affinity(1, 0), 0.038, 1e-15);
    // A threat (G = -7) from there: A -= 0.07·(1 + A).
    apply_event_to_affinity(r, 1, 0, -7.0, 0.1);
    EXPECT_NEAR(r.affinity(0, 1), 0.038 - 0.07 * 1.038, 1e-15);
    for (int k = 0; k < 1000; ++k) {
        apply_event_to_affinity(r, 0, 1, -10.0, 1.0);
    }
    EXPECT_GE(r.affinity(0, 1), -1.0);
    EXPECT_NEAR(r.affinity(0, 1), -1.0, 1e-12);
}

TEST(Relations, DeclaredSupportRaisesTheProbabilityOfPrevailingAndMovesTheRange) {
    const ScenarioSpec spec = three_actors();
    Relations r(3);
    const Eigen::VectorXd w = shares(spec);
    const double before = prevail_probability(r, w, 0, 1, Perspective::Objective);
    EXPECT_DOUBLE_EQ(before, 0.5);  // equal actors, a neutral third party
    r.declared(2, 0) = 0.5;
    const double after = prevail_probability(r, w, 0, 1, Perspective::Objective);
    // Strength of a: w_a + w_c·0.5 = 0.25 + 0.25; of b: 0.25 -> p = 2/3.
    EXPECT_NEAR(after, 2.0 / 3.0, 1e-12);
    const BargainingRange range_before = fearon_range(before, 0.1, 0.1);
    const BargainingRange range_after = fearon_range(after, 0.1, 0.1);
    EXPECT_GT(range_after.low, range_before.low);
    EXPECT_GT(range_after.high, range_before.high);
}

TEST(Relations, WarningsDeterThirdPartiesFromSiding) {
    Relations r(3);
    r.commitment(2, 0) = 0.8;
    EXPECT_NEAR(third_party_support(r, 2, 0, 1, SupportBasis::All), 0.8, 1e-12);
    r.deterred(2, 1) = 0.5;  // b has warned c off
    EXPECT_NEAR(third_party_support(r, 2, 0, 1, SupportBasis::All), 0.4, 1e-12);
}

TEST(Relations, OwnEstimatesAreOptimisticAboutFriendlyThirdParties) {
    const ScenarioSpec spec = three_actors();
    Relations r(3);
    r.affinity(2, 0) = r.affinity(0, 2) = 1.0;
    r.affinity(2, 1) = r.affinity(1, 2) = -1.0;
    const Eigen::VectorXd w = shares(spec);
    const double pa_objective = prevail_probability(r, w, 0, 1, Perspective::Objective);
    const double pb_objective = prevail_probability(r, w, 1, 0, Perspective::Objective);
    EXPECT_NEAR(pa_objective + pb_objective, 1.0, 1e-12);
    // b does not count c's friendship with a (no treaty, no declaration): mutual optimism.
    const double pb_own = prevail_probability(r, w, 1, 0, Perspective::Own);
    EXPECT_NEAR(pb_own, 0.5, 1e-12);
    EXPECT_GT(pa_objective + pb_own, 1.0);
}

TEST(Relations, ExpectedSupportShareIsTheCapabilityWeightedShareOfThirdParties) {
    const ScenarioSpec spec = three_actors();
    Relations r(3);
    r.declared(2, 0) = 1.0;
    EXPECT_NEAR(expected_support_share(r, shares(spec), 0, 1), 1.0, 1e-12);
    EXPECT_NEAR(expected_support_share(r, shares(spec), 1, 0), 0.0, 1e-12);
}

}  // namespace brink::model

namespace brink::model {
namespace {

TEST(Relations, OnePassFunctionsAreBitwiseEqualToTheSeparateOnes) {
    // mutual_prevail_probabilities, support_metrics and fold_support_metrics exist for speed: each must give
    // exactly (bit for bit, so that a run's outputs do not depend on which is used) what the plain functions
    // give. Seven actors with every kind of relation set to varied values, every ordered pair.
    const int n = 7;
    Relations r(n);
    Eigen::VectorXd w(n);
    for (int i = 0; i < n; ++i) {
        w(i) = 0.03 + 0.11 * static_cast<double>((i * 5) % 7);
        for (int j = 0; j < n; ++j) {
            if (i == j) {
                continue;
            }
            const double x = static_cast<double>((3 * i + 7 * j) % 11) / 10.0;  // 0 .. 1
            r.affinity(i, j) = 2.0 * x - 1.0;
            r.commitment(i, j) = (i + j) % 3 == 0 ? 0.3 * x : 0.0;
            r.declared(i, j) = (i * j) % 4 == 1 ? 0.5 : 0.0;
            r.deterred(i, j) = (i + 2 * j) % 5 == 0 ? 0.7 * x : 0.0;
        }
    }
    w /= w.sum();
    for (int i = 0; i < n; ++i) {
        for (int j = 0; j < n; ++j) {
            if (i == j) {
                continue;
            }
            const MutualPrevail mutual = mutual_prevail_probabilities(r, w, i, j);
            EXPECT_EQ(mutual.i_over_j, prevail_probability(r, w, i, j, Perspective::Own)) << i << "," << j;
            EXPECT_EQ(mutual.j_over_i, prevail_probability(r, w, j, i, Perspective::Own)) << i << "," << j;
            const SupportMetrics metrics = support_metrics(r, w, i, j);
            EXPECT_EQ(metrics.expected_support, expected_support_share(r, w, i, j)) << i << "," << j;
            EXPECT_EQ(metrics.p_prevail, prevail_probability(r, w, i, j, Perspective::Objective))
                << i << "," << j;
            std::vector<double> for_i(static_cast<std::size_t>(n), std::nan(""));  // entries i, j unread
            std::vector<double> for_j(static_cast<std::size_t>(n), std::nan(""));
            for (int k = 0; k < n; ++k) {
                if (k != i && k != j) {
                    for_i[static_cast<std::size_t>(k)] = support_term(r, w, k, i, j);
                    for_j[static_cast<std::size_t>(k)] = support_term(r, w, k, j, i);
                }
            }
            const SupportMetrics folded = fold_support_metrics(w, i, j, for_i.data(), for_j.data());
            EXPECT_EQ(folded.expected_support, metrics.expected_support) << i << "," << j;
            EXPECT_EQ(folded.p_prevail, metrics.p_prevail) << i << "," << j;
        }
    }
}

}  // namespace
}  // namespace brink::model
