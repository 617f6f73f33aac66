// Tests of decision_process.hpp: when actors decide (docs/model.md §7.2), which actions they may take
// (§7.3), and what the actions do (§7.4).
#include "brink/model/decision_process.hpp"

#include "fake_effects.hpp"
#include "fixtures.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace brink::model {
namespace {

using fixtures::ComponentBench;

std::vector<Action> actions(const OptionList& options) {
    std::vector<Action> out;
    for (std::size_t k = 0; k < options.size(); ++k) {
        out.push_back(options[k].action);
    }
    return out;
}

TEST(DecisionProcess, AnActorWithAnOpponentWeighsTheOpponentActionsInTheirOrder) {
    ComponentBench bench(fixtures::two_actor_dispute());
    CrisisState& s = bench.state;
    s.demands[0].active = true;
    s.mark_opponents_dirty();
    s.pressure->set_value(0, 2.0, 0.0);
    DecisionProcess decisions(s, bench.sim, bench.effects);
    OptionList options;
    decisions.list_options(0, options);
    const std::vector<Action> expected{Action::Hold,     Action::Escalate, Action::DeEscalate,
                                       Action::Threaten, Action::Sanction, Action::ProposeTalks,
                                       Action::Concede,  Action::Reiterate};
    EXPECT_EQ(actions(options), expected);
}

TEST(DecisionProcess, APendingRequestIsAnsweredBeforeAnythingElse) {
    ComponentBench bench(fixtures::ukraine_like());
    CrisisState& s = bench.state;
    const int china = s.actor_index("china");
    s.requests[ix(china)].push_back({s.actor_index("russia"), s.actor_index("usa")});
    DecisionProcess decisions(s, bench.sim, bench.effects);
    OptionList options;
    decisions.list_options(china, options);
    EXPECT_EQ(actions(options), (std::vector<Action>{Action::AnswerRequest, Action::DeclineRequest}));
}

TEST(DecisionProcess, NoSecondEscalationWithinHalfADayAndNoTalksWhileAMeetingIsPending) {
    ComponentBench bench(fixtures::two_actor_dispute());
    CrisisState& s = bench.state;
    s.demands[0].active = true;
    s.last_escalation[0] = 0.0;
    s.meetings[{0, 1}] = engine::EventHandle{};
    DecisionProcess decisions(s, bench.sim, bench.effects);
    OptionList options;
    decisions.list_options(0, options);
    const std::vector<Action> listed = actions(options);
    EXPECT_EQ(std::count(listed.begin(), listed.end(), Action::Escalate), 0);
    EXPECT_EQ(std::count(listed.begin(), listed.end(), Action::ProposeTalks), 0);
    EXPECT_EQ(std::count(listed.begin(), listed.end(), Action::DeEscalate), 0);  // pressure 0 ≤ 0.5
}

TEST(DecisionProcess, APromptedDecisionComesAQuarterDayLaterAndOnlyOnceAtATime) {
    ScenarioSpec spec = fixtures::two_actor_dispute();
    for (auto& a : spec.actors) {
        a.decision_rate = 0.0;  // prompted decisions only
    }
    ComponentBench bench(spec);
    DecisionProcess decisions(bench.state, bench.sim, bench.effects);
    decisions.prompt(0);
    decisions.prompt(0);
    bench.sim.run(engine::StopConditions{});
    ASSERT_EQ(bench.effects.logged.size(), 1u);  // one decision: a hold (no opponent yet)
    EXPECT_EQ(bench.effects.logged[0].event.type, EventType::Hold);
    EXPECT_DOUBLE_EQ(bench.effects.logged[0].time, 0.25);
    EXPECT_EQ(bench.effects.logged[0].description, "challenger holds course");
}

TEST(DecisionProcess, AtVeryHighRationalityTheBestActionIsTakenWhateverTheDraw) {
    ScenarioSpec spec = fixtures::two_actor_dispute();
    spec.model.rationality = 1e6;
    for (auto& a : spec.actors) {
        a.decision_rate = 0.0;
    }
    std::vector<std::string> first_calls;
    for (std::uint64_t seed : {1u, 2u, 3u}) {
        ComponentBench bench(spec, seed);
        bench.state.demands[0].active = true;
        DecisionProcess decisions(bench.state, bench.sim, bench.effects);
        OptionList options;
        decisions.list_options(0, options);
        const auto utilities = options.utilities();
        const auto best = std::max_element(utilities.begin(), utilities.end()) - utilities.begin();
        decisions.prompt(0);
        bench.sim.run(engine::StopConditions{});
        ASSERT_FALSE(bench.effects.calls.empty());
        if (first_calls.empty()) {
            first_calls = bench.effects.calls;
        }
        EXPECT_EQ(bench.effects.calls, first_calls) << seed;
        EXPECT_NE(options[static_cast<std::size_t>(best)].action, Action::Hold);
    }
}

TEST(DecisionProcess, ConcedingMovesByTheReachAndReevaluatesTheDemands) {
    ScenarioSpec spec = fixtures::two_actor_dispute();
    spec.model.rationality = 1e6;
    spec.actors[1].decision_rate = 0.0;
    spec.actors[0].decision_rate = 0.0;
    spec.actors[1].cost_of_war = 1.0;
    spec.actors[0].capability =
        100.0;  // the target fears war: conceding pays when the challenger is near war
    spec.actors[0].initial_rung = 8.5;
    spec.actors[0].positions[0].position = 0.15;  // and the gap is small: one step closes it (§7.3)
    spec.demands[0].value = 0.15;
    ComponentBench bench(spec);
    CrisisState& s = bench.state;
    s.demands[0].active = true;
    s.mark_opponents_dirty();
    DecisionProcess decisions(s, bench.sim, bench.effects);
    OptionList options;
    decisions.list_options(1, options);
    const auto utilities = options.utilities();
    const std::size_t best =
        static_cast<std::size_t>(std::max_element(utilities.begin(), utilities.end()) - utilities.begin());
    ASSERT_EQ(options[best].action, Action::Concede);
    const double reach = s.reach(1, 0);
    decisions.prompt(1);
    bench.sim.run(engine::StopConditions{});
    EXPECT_DOUBLE_EQ(s.position(1, 0),
                     std::min(reach, 0.15));  // a step of its reach, no further than the other
    EXPECT_TRUE(bench.effects.called("update_demands"));
    EXPECT_TRUE(bench.effects.called("check_resolution"));
    EXPECT_TRUE(bench.effects.called("prompt 0"));
}

}  // namespace
}  // namespace brink::model
