// Tests of seizures.hpp: the holder's answer to a fait accompli (docs/model.md §11.6), against its closed
// form.
#include "brink/model/seizures.hpp"

#include "brink/model/decisions.hpp"
#include "fixtures.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace brink::model {
namespace {

TEST(Seizures, TheHolderWeighsTheLossAndBackingDownAgainstAWarToUndoIt) {
    ScenarioSpec spec = fixtures::two_actor_dispute();
    spec.issues[0].held_by = "target";
    spec.actors[0].initial_rung = 8.5;
    const CrisisState state(spec);
    const DemandState& d = state.demands[0];
    const SeizureAnswer answer = seizure_answer(state, 1, 0, d, View{1}, state.resolve(1), 1.0);
    const double loss = std::abs(state.position(1, 0) - d.value);
    const double back_down =
        backing_down_cost(state.audience_weight(1), state.commitment(1), state.salience(1, 0),
                          spec.model.reputation_cost, state.nearness_to_war(0));
    EXPECT_NEAR(answer.accept, 1.0 - loss - back_down, 1e-15);
    const WarProspect fight = war_prospect(state, 1, 0, 0, View{1}, 1.0);
    EXPECT_NEAR(answer.fight, fight.p + (1.0 - fight.p) * (1.0 - loss) - fight.cost, 1e-15);
    // Another resolve: the cost c(r) at the same coalition scale.
    const SeizureAnswer timid = seizure_answer(state, 1, 0, d, View{1}, 0.2, 1.0);
    const double scale = fight.cost / state.war_cost(1);
    EXPECT_NEAR(timid.fight,
                fight.p + (1.0 - fight.p) * (1.0 - loss) - state.war_cost_given_resolve(1, 0.2) * scale,
                1e-15);
    EXPECT_LT(timid.fight, answer.fight);
    // The logit probability of accepting.
    EXPECT_NEAR(answer.accept_probability(10.0),
                1.0 / (1.0 + std::exp(-10.0 * (answer.accept - answer.fight))), 1e-15);
    const SeizureAnswer yields{0.5, 0.2};
    const SeizureAnswer fights{0.1, 0.2};
    EXPECT_DOUBLE_EQ(yields.accept_probability(INFINITY), 1.0);
    EXPECT_DOUBLE_EQ(fights.accept_probability(INFINITY), 0.0);
}

}  // namespace
}  // namespace brink::model
