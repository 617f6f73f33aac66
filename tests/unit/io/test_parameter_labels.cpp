// Tests of include/brink/io/parameter_labels.hpp: override paths as labels in the scenario's own names, on
// the bundled scenario (scenarios/ukraine_2022.yaml: Russia, Ukraine, United States, NATO enlargement).
#include "brink/io/parameter_labels.hpp"

#include "brink_test_support.hpp"

#include <gtest/gtest.h>

namespace brink::io {
namespace {

TEST(ParameterLabel, NamesActorsIssuesAndCommitmentsAsTheScenarioDoes) {
    const ScenarioSpec spec = brink::test_support::bundled_scenario();
    EXPECT_EQ(parameter_label(spec, "actors.russia.resolve"), "Russia · resolve");
    EXPECT_EQ(parameter_label(spec, "actors.russia.cost_of_war"), "Russia · cost of war");
    EXPECT_EQ(parameter_label(spec, "relations.commitments.usa.ukraine"),
              "commitment United States → Ukraine");
    EXPECT_EQ(parameter_label(spec, "relations.russia.usa"), "affinity Russia ↔ United States");
    EXPECT_EQ(parameter_label(spec, "actors.russia.positions.nato_enlargement.salience"),
              "Russia · salience on NATO enlargement");
    EXPECT_EQ(parameter_label(spec, "issues.nato_enlargement.status_quo"), "NATO enlargement · status quo");
    EXPECT_EQ(parameter_label(spec, "model.rationality"), "model · rationality");
    EXPECT_EQ(parameter_label(spec, "model.mechanisms.extended_deterrence"),
              "mechanism · extended deterrence");
    EXPECT_EQ(parameter_label(spec, "model.war.battle_rate"), "war · battle rate");
    EXPECT_EQ(parameter_label(spec, "metadata.horizon"), "horizon");
}

TEST(ParameterLabel, KeepsUnknownIdsAndPathsAsWritten) {
    const ScenarioSpec spec = brink::test_support::bundled_scenario();
    EXPECT_EQ(parameter_label(spec, "actors.atlantis.resolve"), "atlantis · resolve");
    EXPECT_EQ(parameter_label(spec, "something.else"), "something.else");
    EXPECT_EQ(parameter_label(spec, "actors.russia"), "actors.russia");
    EXPECT_EQ(parameter_label(spec, ""), "");
}

}  // namespace
}  // namespace brink::io
