// Tests of relations.hpp: affinity, commitments, declarations, deterrence (docs/model.md §1, §12.4).
#include "brink/model/relations.hpp"

#include "fixtures.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <vector>

namespace brink::model {
namespace {

ScenarioSpec three_actors() {
    ScenarioSpec spec;
    spec.model = fixtures::reference_params();
    spec.actors = {fixtures::make_actor("a", 1.0), fixtures::make_actor("b", 1.0),
                   fixtures::make_actor("c", 2.0)};
    return spec;
}

}  // namespace

TEST(Relations, BuildsAlliancesThenLetsExplicitPairsOverride) {
    ScenarioSpec spec = three_actors();
    spec.relations.alliances.push_back({"bloc", "Bloc", {"a", "b", "c"}, 0.6, 0.5});
    spec.relations.affinities.push_back({"a", "c", -0.4, false});
    spec.relations.commitments.push_back({"c", "a", 0.9, {}});
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

TEST(Relations, ACommitmentThatNamesIssuesCoversThoseOnly) {
    ScenarioSpec spec = three_actors();
    IssueSpec homeland;
    homeland.id = "homeland";
    IssueSpec region;
    region.id = "region";
    spec.issues = {homeland, region};
    spec.relations.commitments.push_back({"c", "a", 0.9, {"homeland"}});
    const Relations r = build_relations(spec);
    EXPECT_DOUBLE_EQ(r.commitment(2, 0), 0.0);  // not a commitment on every issue
    EXPECT_DOUBLE_EQ(r.commitment_on(2, 0, 0), 0.9);
    EXPECT_DOUBLE_EQ(r.commitment_on(2, 0, 1), 0.0);
    EXPECT_DOUBLE_EQ(r.commitment_on(2, 0, -1), 0.0);
    spec.relations.commitments.back().issues = {"nowhere"};
    EXPECT_THROW(build_relations(spec), std::invalid_argument);
}

}  // namespace brink::model
