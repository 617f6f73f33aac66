// Tests of script.hpp: the history before day 0 and the scheduled events (docs/model.md §1.3).
#include "brink/model/script.hpp"

#include "fake_effects.hpp"
#include "fixtures.hpp"

#include <gtest/gtest.h>

namespace brink::model {
namespace {

using fixtures::ComponentBench;
using fixtures::scripted_event;

TEST(Script, HistoryIsLoggedInTimeOrderWithItsOwnNegativeTimes) {
    ComponentBench bench(fixtures::ukraine_like());
    Script script(bench.state, bench.sim, bench.effects);
    script.apply_history();
    EXPECT_FALSE(bench.state.in_history());
    const auto& logged = bench.effects.logged;
    ASSERT_EQ(logged.size(), 9u);  // the nine scripted events before day 0 (the demands go to the fake)
    EXPECT_DOUBLE_EQ(logged.front().time, -84.0);
    EXPECT_DOUBLE_EQ(logged.back().time, -1.0);
    for (std::size_t e = 1; e < logged.size(); ++e) {
        EXPECT_LE(logged[e - 1].time, logged[e].time);
    }
    // The demands made before day 0 were activated in the history (no scripted Demand event names them).
    EXPECT_TRUE(bench.effects.called("activate 0 history"));
    EXPECT_TRUE(bench.effects.called("activate 1 history"));
    EXPECT_TRUE(bench.state.demands[0].active);
    // Nobody is prompted by history.
    for (const auto& call : bench.effects.calls) {
        EXPECT_NE(call.rfind("prompt", 0), 0u) << call;
    }
}

TEST(Script, HistoryDeclarationsAndWarningsSetDAndWButNoAffinityStep) {
    ComponentBench bench(fixtures::ukraine_like());
    CrisisState& s = bench.state;
    const int china = s.actor_index("china");
    const int russia = s.actor_index("russia");
    const int usa = s.actor_index("usa");
    const double affinity = s.relations.affinity(china, russia);
    Script script(s, bench.sim, bench.effects);
    script.apply_history();
    EXPECT_DOUBLE_EQ(s.relations.declared(china, russia), k_declaration_step);  // Xi backs Putin (day −38)
    EXPECT_DOUBLE_EQ(s.relations.deterred(russia, usa), k_warning_effect);  // Biden warns Putin (day −46)
    EXPECT_DOUBLE_EQ(s.relations.affinity(china, russia), affinity);        // no Goldstein step (§1.3)
    EXPECT_FALSE(bench.effects.called("relations_changed"));
}

TEST(Script, AScheduledMobilisationJumpsOneRungAndPromptsItsTarget) {
    ScenarioSpec spec = fixtures::two_actor_dispute();
    spec.events.push_back(scripted_event(2.0, ScriptedEventType::Mobilisation, "challenger", {"target"}));
    ComponentBench bench(spec);
    Script script(bench.state, bench.sim, bench.effects);
    script.schedule();
    bench.sim.run(engine::StopConditions{});
    EXPECT_TRUE(bench.effects.called("jump 0 1"));
    EXPECT_TRUE(bench.effects.called("prompt 1"));
    ASSERT_EQ(bench.effects.of_type(EventType::Mobilisation).size(), 1u);
    EXPECT_EQ(bench.effects.of_type(EventType::Mobilisation)[0].cameo, "154");
    EXPECT_EQ(bench.effects.of_type(EventType::Mobilisation)[0].description,
              "challenger (mobilisation) to target");
    EXPECT_TRUE(bench.effects.called("check_resolution"));
}

TEST(Script, AScheduledMeetingGoesToTheTalksAndAScriptedConcessionMovesThePosition) {
    ScenarioSpec spec = fixtures::two_actor_dispute();
    spec.events.push_back(scripted_event(1.0, ScriptedEventType::Meeting, "challenger", {"target"}));
    ScriptedEventSpec concession = scripted_event(3.0, ScriptedEventType::Concession, "target", {});
    concession.issue = "claim";
    concession.value = 0.4;
    spec.events.push_back(concession);
    ComponentBench bench(spec);
    Script script(bench.state, bench.sim, bench.effects);
    script.schedule();
    bench.sim.run(engine::StopConditions{});
    EXPECT_TRUE(bench.effects.called("meeting 0 1"));
    EXPECT_DOUBLE_EQ(bench.state.position(1, 0), 0.4);
}

TEST(Script, AnAffinityDeltaShiftsBothDirectionsAndReachesTheDailyBatch) {
    ScenarioSpec spec = fixtures::two_actor_dispute();
    ScriptedEventSpec statement = scripted_event(1.0, ScriptedEventType::Statement, "challenger", {"target"});
    statement.affinity_delta = -0.4;
    spec.events.push_back(statement);
    ComponentBench bench(spec);
    Script script(bench.state, bench.sim, bench.effects);
    script.schedule();
    bench.sim.run(engine::StopConditions{});
    EXPECT_DOUBLE_EQ(bench.state.relations.affinity(0, 1), -0.4);
    EXPECT_DOUBLE_EQ(bench.state.relations.affinity(1, 0), -0.4);
    EXPECT_TRUE(bench.effects.called("relations_changed"));
}

}  // namespace
}  // namespace brink::model
