// Tests of demands.hpp: grievance (docs/model.md §3.1), demand states (§3.2), activation and deadlines
// (§3.3).
#include "brink/model/demands.hpp"

#include "fake_effects.hpp"
#include "fixtures.hpp"

#include <gtest/gtest.h>

namespace brink::model {
namespace {

using fixtures::ComponentBench;

TEST(Demands, GrievanceFollowsTheClosedForm) {
    ComponentBench bench(fixtures::two_actor_dispute());
    CrisisState& s = bench.state;
    EXPECT_EQ(grievance_vector(s).norm(), 0.0);  // nothing demanded yet
    s.demands[0].active = true;
    s.position(1, 0) = 0.4;  // the target already offers 0.4: its gap is min(|0 − 1|, |0.4 − 1|) = 0.6
    const Eigen::VectorXd g = grievance_vector(s);
    const double gamma = s.spec.model.grievance;
    EXPECT_DOUBLE_EQ(g(0), gamma * 0.8 * 0.6);        // γ·m·s_c·mean gap
    EXPECT_DOUBLE_EQ(g(1), gamma * 0.5 * 0.8 * 0.6);  // γ·0.5·s_t·gap
    s.demands[0].deadline_passed = true;
    EXPECT_DOUBLE_EQ(grievance_vector(s)(0), gamma * 2.0 * 0.8 * 0.6);
}

TEST(Demands, ATargetWithinToleranceHasMetTheDemandAndTheStatusQuoMoves) {
    ComponentBench bench(fixtures::two_actor_dispute());
    CrisisState& s = bench.state;
    s.demands[0].active = true;
    s.position(1, 0) = 0.96;
    update_demands(s);
    EXPECT_EQ(s.demands[0].status[0], TargetStatus::Met);
    EXPECT_DOUBLE_EQ(s.status_quo(0), 1.0);
}

TEST(Demands, AChallengerMovingTowardTheStatusQuoSoftensThenWithdraws) {
    ComponentBench bench(fixtures::two_actor_dispute());
    CrisisState& s = bench.state;
    s.demands[0].active = true;
    s.position(0, 0) = 0.6;
    update_demands(s);
    EXPECT_DOUBLE_EQ(s.demands[0].value, 0.6);
    EXPECT_DOUBLE_EQ(s.demands[0].demanded, 1.0);
    EXPECT_EQ(s.demands[0].status[0], TargetStatus::Open);
    s.position(0, 0) = 0.04;
    update_demands(s);
    EXPECT_EQ(s.demands[0].status[0], TargetStatus::Withdrawn);
    EXPECT_DOUBLE_EQ(s.status_quo(0), 0.0);
}

TEST(Demands, AHoldersDemandIsMeasuredAgainstWhatTheTargetsWantBack) {
    // docs/model.md §12.6: the challenger holds the good, so the status quo is its own position; the demand
    // is that the target accept it, and it is softened or withdrawn only as the challenger moves toward 0.
    ScenarioSpec spec = fixtures::two_actor_dispute();
    spec.issues[0].held_by = "challenger";
    ComponentBench bench(spec);
    CrisisState& s = bench.state;
    EXPECT_DOUBLE_EQ(s.demands[0].baseline, 0.0);
    EXPECT_DOUBLE_EQ(s.demands[0].gap, 1.0);
    s.demands[0].active = true;
    update_demands(s);
    EXPECT_EQ(s.demands[0].status[0], TargetStatus::Open);
    EXPECT_DOUBLE_EQ(s.demands[0].value, 1.0);
    s.position(0, 0) = 0.7;
    update_demands(s);
    EXPECT_DOUBLE_EQ(s.demands[0].value, 0.7);
    EXPECT_EQ(s.demands[0].status[0], TargetStatus::Open);
    s.position(0, 0) = 0.03;
    update_demands(s);
    EXPECT_EQ(s.demands[0].status[0], TargetStatus::Withdrawn);
}

TEST(Demands, AFirstActivationIsADemandAndALaterOneAReiterationAndBothPromptTheTargets) {
    ComponentBench bench(fixtures::two_actor_dispute());
    DemandProcess demands(bench.state, bench.sim, bench.effects);
    demands.activate(0, false, nullptr);
    demands.activate(0, false, nullptr);
    const auto& logged = bench.effects.logged;
    ASSERT_EQ(logged.size(), 2u);
    EXPECT_EQ(logged[0].event.type, EventType::Demand);
    EXPECT_EQ(logged[1].event.type, EventType::Reiterate);
    EXPECT_EQ(logged[0].cameo, "100");
    EXPECT_EQ(logged[0].description,
              "challenger demands that target move to 1 on Claim (on a scale of 0 to 1)");
    EXPECT_TRUE(bench.effects.called("prompt 1"));
    EXPECT_TRUE(bench.effects.called("refresh_grievance"));
    EXPECT_TRUE(bench.state.demands[0].active);
}

TEST(Demands, InTheHistoryNobodyIsPromptedAndGrievanceWaits) {
    ComponentBench bench(fixtures::two_actor_dispute());
    DemandProcess demands(bench.state, bench.sim, bench.effects);
    demands.activate(0, true, nullptr);
    EXPECT_FALSE(bench.effects.called("prompt 1"));
    EXPECT_FALSE(bench.effects.called("refresh_grievance"));
}

TEST(Demands, AnUnmetDeadlineIsLoggedAndPromptsTheChallenger) {
    ScenarioSpec spec = fixtures::two_actor_dispute();
    spec.demands[0].deadline = 5.0;
    ComponentBench bench(spec);
    bench.state.demands[0].active = true;
    DemandProcess demands(bench.state, bench.sim, bench.effects);
    demands.schedule();
    bench.sim.run(engine::StopConditions{});
    const auto passed = bench.effects.of_type(EventType::DeadlinePassed);
    ASSERT_EQ(passed.size(), 1u);
    EXPECT_TRUE(bench.state.demands[0].deadline_passed);
    EXPECT_TRUE(bench.effects.called("prompt 0"));
    EXPECT_EQ(passed[0].description, "Deadline of challenger's demand on Claim passes unmet");
}

TEST(Demands, AMetDemandsDeadlinePassesUnnoticed) {
    ScenarioSpec spec = fixtures::two_actor_dispute();
    spec.demands[0].deadline = 5.0;
    ComponentBench bench(spec);
    bench.state.demands[0].active = true;
    bench.state.demands[0].status[0] = TargetStatus::Met;
    DemandProcess demands(bench.state, bench.sim, bench.effects);
    demands.schedule();
    bench.sim.run(engine::StopConditions{});
    EXPECT_TRUE(bench.effects.of_type(EventType::DeadlinePassed).empty());
}

TEST(Demands, ADemandIsWordedInTheIssuesOwnWordsWithPositionsRounded) {
    IssueSpec issue;
    issue.id = "nato_enlargement";
    issue.name = "NATO enlargement";
    issue.low = "NATO open door";
    issue.high = "no enlargement, ever";
    EXPECT_EQ(demanded_text(issue, 1.0), "accept \"no enlargement, ever\" on NATO enlargement");
    EXPECT_EQ(demanded_text(issue, 0.999), "accept \"no enlargement, ever\" on NATO enlargement");
    EXPECT_EQ(demanded_text(issue, 0.0), "accept \"NATO open door\" on NATO enlargement");
    EXPECT_EQ(demanded_text(issue, 0.8333333), "move to 0.83 on NATO enlargement (1 = no enlargement, ever)");
    EXPECT_EQ(demanded_text(issue, 0.25), "move to 0.25 on NATO enlargement (0 = NATO open door)");
    EXPECT_EQ(demanded_text(issue, 0.5), "move to 0.5 on NATO enlargement (1 = no enlargement, ever)");
    issue.low = "0";
    issue.high = "1";
    EXPECT_EQ(demanded_text(issue, 1.0), "move to 1 on NATO enlargement (on a scale of 0 to 1)")
        << "the default end labels are no words to quote";
}

}  // namespace
}  // namespace brink::model
