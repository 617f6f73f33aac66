// Tests of escalation_process.hpp: rung crossings as events at their closed-form times (docs/model.md §2.3),
// jumps, the call-off rule and war at the war rung, the daily relations batch (§2.4).
#include "brink/model/escalation_process.hpp"

#include "fake_effects.hpp"
#include "fixtures.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace brink::model {
namespace {

using fixtures::ComponentBench;
using fixtures::make_actor;

/// One actor alone (no reaction), pressure e0, with grievance g: e(t) = g/a + (e0 − g/a) e^{−a t}.
ScenarioSpec lone_actor(double initial) {
    ScenarioSpec spec;
    spec.model = fixtures::reference_params();
    spec.metadata.name = "lone";
    spec.metadata.horizon = 60.0;
    spec.ladder = default_ladder();
    ActorSpec a = make_actor("a", 1.0, 0.5);
    a.initial_rung = initial;
    spec.actors = {a};
    spec.model.decisions_enabled = false;
    return spec;
}

TEST(EscalationProcess, ARungCrossingHappensAtItsClosedFormTime) {
    ComponentBench bench(lone_actor(0.25));  // a fraction: the pressure starts at exactly 0.25 (§2.3)
    const double g = 0.5;
    bench.effects.grievance_value = Eigen::VectorXd::Constant(1, g);
    EscalationProcess escalation(bench.state, bench.sim, bench.effects);
    // The run loop's after-event hook: the crossings marked during an event are searched again after it.
    bench.sim.set_after_event(
        [](engine::Simulation&, void* process) { static_cast<EscalationProcess*>(process)->flush(); },
        &escalation);
    escalation.start();
    bench.sim.run(engine::StopConditions{});
    const auto crossings = bench.effects.of_type(EventType::RungCrossing);
    ASSERT_FALSE(crossings.empty());
    // docs/model.md §2.2: a = 0.08·(1.5 − 0.5) = 0.08, e* = g/a = 6.25; e(t) = e* + (e0 − e*)e^{−at} crosses
    // θ_r = r at t_r = −ln((e* − r)/(e* − e0))/a (the crossing search is accurate to 1e-10 day, §2.3).
    const double a = 0.08;
    EXPECT_EQ(bench.state.rung[0], 6);  // e* = 6.25 lies on rung 6
    ASSERT_EQ(crossings.size(), 6u);
    for (int r = 1; r <= 6; ++r) {
        EXPECT_NEAR(crossings[static_cast<std::size_t>(r - 1)].time,
                    -std::log((g / a - r) / (g / a - 0.25)) / a, 1e-8)
            << r;
    }
    EXPECT_EQ(escalation.peak().rung, 6);
    EXPECT_EQ(crossings[0].description, "a escalates to \"Disapproval\"");
}

TEST(EscalationProcess, AJumpOntoTheRungBelowWarCallsOffTalksButOnlyADecisionStepsOntoWar) {
    // docs/model.md §2.3: an actor that decides: jumps (and the drift) stop at the rung below war short of
    // the war line; step_onto_war declares it.
    ScenarioSpec spec = lone_actor(6.5);
    spec.model.decisions_enabled = true;
    ComponentBench bench(spec);
    EscalationProcess escalation(bench.state, bench.sim, bench.effects);
    escalation.start();
    escalation.jump(0, 1.0);
    EXPECT_EQ(bench.state.rung[0], 7);
    EXPECT_FALSE(bench.effects.called("call_off 0"));
    escalation.jump(0, 1.0);
    EXPECT_EQ(bench.state.rung[0], 8);
    EXPECT_TRUE(bench.effects.called("call_off 0"));
    escalation.jump(0, 0.8);  // 9.3: past the war threshold 9, short of the war line 9 + k_spiral_margin
    EXPECT_EQ(bench.state.rung[0], 8);
    EXPECT_FALSE(bench.effects.called("war 0"));
    escalation.step_onto_war(0);
    EXPECT_EQ(bench.state.rung[0], 9);
    EXPECT_TRUE(bench.effects.called("war 0"));
}

TEST(EscalationProcess, APressureDrivenPastTheWarLineIsWarWithoutADecision) {
    // docs/model.md §2.3: a spiral that carries the pressure k_spiral_margin past the war threshold.
    ScenarioSpec spec = lone_actor(8.5);
    spec.model.decisions_enabled = true;
    ComponentBench bench(spec);
    EscalationProcess escalation(bench.state, bench.sim, bench.effects);
    escalation.start();
    escalation.jump(0, 1.4);
    EXPECT_EQ(bench.state.rung[0], 8);
    escalation.jump(0, 0.2);
    EXPECT_EQ(bench.state.rung[0], 9);
    EXPECT_TRUE(bench.effects.called("war 0"));
}

TEST(EscalationProcess, AJumpThatLandsOnAThresholdRestsJustAboveIt) {
    ComponentBench bench(lone_actor(5.5));
    EscalationProcess escalation(bench.state, bench.sim, bench.effects);
    escalation.start();
    escalation.jump(0, 0.5);
    EXPECT_EQ(bench.state.rung[0], 6);
    EXPECT_DOUBLE_EQ(bench.state.pressure->value(0, 0.0), 6.0 + k_hysteresis);
}

TEST(EscalationProcess, AStartOnTheWarRungIsWar) {
    ComponentBench bench(lone_actor(9.5));
    EscalationProcess escalation(bench.state, bench.sim, bench.effects);
    escalation.start();
    EXPECT_TRUE(bench.effects.called("war 0"));
}

TEST(EscalationProcess, AffinityChangesReachTheReactionMatrixInTheDailyBatch) {
    ScenarioSpec spec = lone_actor(3.0);
    spec.actors.push_back(make_actor("b", 1.0, 0.5));
    spec.actors[1].initial_rung = 3.0;
    ComponentBench bench(spec);
    EscalationProcess escalation(bench.state, bench.sim, bench.effects);
    escalation.start();
    EXPECT_EQ(bench.state.pressure->component_count(), 2);  // neutral: two separate flows
    bench.state.relations.affinity(0, 1) = bench.state.relations.affinity(1, 0) = -0.8;
    escalation.relations_changed();
    EXPECT_EQ(bench.state.pressure->component_count(), 2);  // not before the end of the day
    engine::StopConditions stop;
    stop.horizon = 1.0;
    bench.sim.run(stop);
    EXPECT_EQ(bench.state.pressure->component_count(), 1);
}

}  // namespace
}  // namespace brink::model
