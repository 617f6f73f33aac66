// Tests of include/brink/io/scenario_dump.hpp: a spec written back as YAML loads to an equal spec.
#include "brink/io/scenario_dump.hpp"
#include "brink/io/scenario_loader.hpp"

#include "brink_test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

namespace brink::io {
namespace {

namespace fs = std::filesystem;
using test_support::diagnostics_text;
using test_support::minimal_spec;

// Numbers compare equal when both are unset (NaN) or equal.
bool same(double a, double b) {
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

// Field-by-field equality of two specs (source_path aside): what a round trip must preserve.
void expect_equal_specs(const ScenarioSpec& a, const ScenarioSpec& b) {
    EXPECT_EQ(a.metadata.name, b.metadata.name);
    EXPECT_EQ(a.metadata.description, b.metadata.description);
    EXPECT_EQ(a.metadata.start_date, b.metadata.start_date);
    EXPECT_TRUE(same(a.metadata.horizon, b.metadata.horizon));
    EXPECT_EQ(a.metadata.seed, b.metadata.seed);
    EXPECT_EQ(a.metadata.sources, b.metadata.sources);
    ASSERT_EQ(a.issues.size(), b.issues.size());
    for (std::size_t i = 0; i < a.issues.size(); ++i) {
        const auto &x = a.issues[i], &y = b.issues[i];
        EXPECT_EQ(x.id, y.id);
        EXPECT_EQ(x.name, y.name);
        EXPECT_EQ(x.description, y.description);
        EXPECT_EQ(x.low, y.low);
        EXPECT_EQ(x.high, y.high);
        EXPECT_TRUE(same(x.status_quo, y.status_quo)) << x.id;
    }
    ASSERT_EQ(a.actors.size(), b.actors.size());
    for (std::size_t i = 0; i < a.actors.size(); ++i) {
        const auto &x = a.actors[i], &y = b.actors[i];
        EXPECT_EQ(x.id, y.id);
        EXPECT_EQ(x.name, y.name);
        EXPECT_EQ(x.kind, y.kind);
        EXPECT_TRUE(same(x.capability, y.capability)) << x.id;
        EXPECT_EQ(x.capability_unit, y.capability_unit);
        EXPECT_EQ(x.capability_source, y.capability_source);
        EXPECT_TRUE(same(x.resolve, y.resolve)) << x.id;
        EXPECT_TRUE(same(x.risk_attitude, y.risk_attitude)) << x.id;
        EXPECT_TRUE(same(x.cost_of_war, y.cost_of_war)) << x.id;
        EXPECT_TRUE(same(x.decision_rate, y.decision_rate)) << x.id;
        EXPECT_TRUE(same(x.initial_rung, y.initial_rung)) << x.id;
        ASSERT_EQ(x.representatives.size(), y.representatives.size());
        for (std::size_t r = 0; r < x.representatives.size(); ++r) {
            EXPECT_EQ(x.representatives[r].name, y.representatives[r].name);
            EXPECT_EQ(x.representatives[r].role, y.representatives[r].role);
        }
        ASSERT_EQ(x.positions.size(), y.positions.size());
        for (std::size_t p = 0; p < x.positions.size(); ++p) {
            EXPECT_EQ(x.positions[p].issue, y.positions[p].issue);
            EXPECT_TRUE(same(x.positions[p].position, y.positions[p].position));
            EXPECT_TRUE(same(x.positions[p].salience, y.positions[p].salience));
        }
    }
    ASSERT_EQ(a.relations.alliances.size(), b.relations.alliances.size());
    for (std::size_t i = 0; i < a.relations.alliances.size(); ++i) {
        const auto &x = a.relations.alliances[i], &y = b.relations.alliances[i];
        EXPECT_EQ(x.id, y.id);
        EXPECT_EQ(x.name, y.name);
        EXPECT_EQ(x.members, y.members);
        EXPECT_TRUE(same(x.affinity, y.affinity));
        EXPECT_TRUE(same(x.commitment, y.commitment));
    }
    ASSERT_EQ(a.relations.affinities.size(), b.relations.affinities.size());
    for (std::size_t i = 0; i < a.relations.affinities.size(); ++i) {
        const auto &x = a.relations.affinities[i], &y = b.relations.affinities[i];
        EXPECT_EQ(x.a, y.a);
        EXPECT_EQ(x.b, y.b);
        EXPECT_TRUE(same(x.value, y.value));
        EXPECT_EQ(x.directed, y.directed);
    }
    ASSERT_EQ(a.relations.commitments.size(), b.relations.commitments.size());
    for (std::size_t i = 0; i < a.relations.commitments.size(); ++i) {
        const auto &x = a.relations.commitments[i], &y = b.relations.commitments[i];
        EXPECT_EQ(x.defender, y.defender);
        EXPECT_EQ(x.protege, y.protege);
        EXPECT_TRUE(same(x.firmness, y.firmness));
    }
    ASSERT_EQ(a.demands.size(), b.demands.size());
    for (std::size_t i = 0; i < a.demands.size(); ++i) {
        const auto &x = a.demands[i], &y = b.demands[i];
        EXPECT_EQ(x.id, y.id);
        EXPECT_EQ(x.challenger, y.challenger);
        EXPECT_EQ(x.targets, y.targets);
        EXPECT_EQ(x.issue, y.issue);
        EXPECT_TRUE(same(x.value, y.value));
        EXPECT_TRUE(same(x.made, y.made));
        EXPECT_TRUE(same(x.deadline, y.deadline));
        EXPECT_EQ(x.threat, y.threat);
    }
    ASSERT_EQ(a.ladder.rungs.size(), b.ladder.rungs.size());
    for (std::size_t i = 0; i < a.ladder.rungs.size(); ++i) {
        const auto &x = a.ladder.rungs[i], &y = b.ladder.rungs[i];
        EXPECT_EQ(x.id, y.id);
        EXPECT_EQ(x.name, y.name);
        EXPECT_TRUE(same(x.threshold, y.threshold));
        EXPECT_EQ(x.cameo, y.cameo);
    }
    ASSERT_EQ(a.events.size(), b.events.size());
    for (std::size_t i = 0; i < a.events.size(); ++i) {
        const auto &x = a.events[i], &y = b.events[i];
        EXPECT_TRUE(same(x.day, y.day)) << i;
        EXPECT_EQ(x.date, y.date);
        EXPECT_EQ(x.type, y.type);
        EXPECT_EQ(x.source, y.source);
        EXPECT_EQ(x.targets, y.targets);
        EXPECT_EQ(x.issue, y.issue);
        EXPECT_TRUE(same(x.value, y.value));
        EXPECT_EQ(x.demand, y.demand);
        EXPECT_EQ(x.cameo, y.cameo);
        EXPECT_EQ(x.description, y.description);
        EXPECT_TRUE(same(x.affinity_delta, y.affinity_delta));
        EXPECT_TRUE(same(x.pressure_delta, y.pressure_delta));
        EXPECT_EQ(x.source_ref, y.source_ref);
    }
    const auto &m = a.model, &n = b.model;
    EXPECT_TRUE(same(m.rationality, n.rationality));
    EXPECT_TRUE(same(m.reaction, n.reaction));
    EXPECT_TRUE(same(m.restraint, n.restraint));
    EXPECT_TRUE(same(m.grievance, n.grievance));
    EXPECT_TRUE(same(m.affinity_step, n.affinity_step));
    EXPECT_TRUE(same(m.discount_per_day, n.discount_per_day));
    EXPECT_TRUE(same(m.bdm_interval, n.bdm_interval));
    EXPECT_TRUE(same(m.talks_duration, n.talks_duration));
    EXPECT_TRUE(same(m.war_rung_index, n.war_rung_index));
    EXPECT_EQ(m.decisions_enabled, n.decisions_enabled);
    EXPECT_TRUE(same(a.output.sample_interval, b.output.sample_interval));
    EXPECT_EQ(a.output.event_samples, b.output.event_samples);
    EXPECT_EQ(a.output.metrics, b.output.metrics);
}

TEST(BundledScenarios, EveryFileRoundTripsThroughDump) {
    for (const auto& file : test_support::files_in(test_support::source_dir() / "scenarios", ".yaml")) {
        SCOPED_TRACE(file.string());
        const LoadResult first = load_scenario_file(file.string());
        ASSERT_TRUE(first.ok()) << diagnostics_text(first.diagnostics);
        const std::string dumped = dump_scenario(*first.spec);
        const LoadResult second = load_scenario_string(dumped, "dump.yaml");
        ASSERT_TRUE(second.ok()) << diagnostics_text(second.diagnostics) << dumped;
        expect_equal_specs(*first.spec, *second.spec);
        EXPECT_EQ(dump_scenario(*second.spec), dumped);  // and the dump is a fixed point
    }
}

}  // namespace
}  // namespace brink::io
