// Tests of third_parties.hpp: whom an actor warns off or asks for support, the utilities of the four
// third-party actions, and what each does to the relations (docs/model.md §1.4, §4.1, §7.3).
#include "brink/model/third_parties.hpp"

#include "brink/model/coalitions.hpp"
#include "brink/model/decisions.hpp"
#include "brink/model/relations.hpp"
#include "fake_effects.hpp"
#include "fixtures.hpp"

#include <gtest/gtest.h>

namespace brink::model {
namespace {

using fixtures::ComponentBench;

TEST(ThirdParties, TheOneWarnedOffIsTheThirdPartyMostLikelyToSideWithTheOpponent) {
    ComponentBench bench(fixtures::ukraine_like());
    const CrisisState& s = bench.state;
    const int russia = s.actor_index("russia");
    const int ukraine = s.actor_index("ukraine");
    const int issue = s.contested_issue(russia, ukraine);
    const ThirdPartyTargets targets = third_party_targets(s, russia, ukraine, issue, 0.0);
    // The largest w_t θ_t J_t(ukraine|russia) as Russia sees it, by brute force over the third parties.
    int best = -1;
    double best_weight = 0.0;
    for (int t = 0; t < s.n; ++t) {
        if (t == russia || t == ukraine) {
            continue;
        }
        const double w =
            s.share(t) * s.theatre_share(t) * join_probability(s, t, ukraine, russia, issue, View{russia});
        if (w > best_weight) {
            best = t;
            best_weight = w;
        }
    }
    EXPECT_EQ(targets.warn.actor, best);
    EXPECT_EQ(targets.warn.actor, s.actor_index("usa"));
    EXPECT_DOUBLE_EQ(targets.warn.weight, best_weight);
    EXPECT_EQ(targets.patron.actor, s.actor_index("china"));  // friendly to Russia, hostile to the USA side
}

TEST(ThirdParties, NoPatronIsAskedTwiceInAWeek) {
    ComponentBench bench(fixtures::ukraine_like());
    CrisisState& s = bench.state;
    const int russia = s.actor_index("russia");
    const int ukraine = s.actor_index("ukraine");
    const int china = s.actor_index("china");
    request_support(s, bench.effects, 2.0, russia, ukraine, china);
    EXPECT_NE(third_party_targets(s, russia, ukraine, 0, 8.9).patron.actor, china);
    EXPECT_EQ(third_party_targets(s, russia, ukraine, 0, 9.0).patron.actor, china);
    ASSERT_EQ(s.requests[ix(china)].size(), 1u);
    EXPECT_TRUE(bench.effects.called("prompt " + std::to_string(china)));
}

TEST(ThirdParties, AWarningDetersByPointThreeTimesIrresoluteAndUncommitted) {
    ComponentBench bench(fixtures::ukraine_like());
    CrisisState& s = bench.state;
    const int russia = s.actor_index("russia");
    const int ukraine = s.actor_index("ukraine");
    const int japan = s.actor_index("japan");
    const double before = s.relations.deterred(japan, russia);
    warn_off(s, bench.effects, russia, ukraine, japan);
    // §1.4: W += 0.3·(1 − resolve_japan)·(1 − F_japan,ukraine) = 0.3·0.6·1.
    EXPECT_DOUBLE_EQ(s.relations.deterred(japan, russia), before + 0.3 * 0.6);
    const auto threats = bench.effects.of_type(EventType::Threat);
    ASSERT_EQ(threats.size(), 1u);
    EXPECT_EQ(threats[0].cameo, "111");
    EXPECT_EQ(threats[0].description, "Sergei Lavrov warns Japan to stay out");
}

TEST(ThirdParties, DeclarationsAndGrantedRequestsAddHalfToDeclaredSupport) {
    ComponentBench bench(fixtures::ukraine_like());
    CrisisState& s = bench.state;
    const int russia = s.actor_index("russia");
    const int ukraine = s.actor_index("ukraine");
    const int usa = s.actor_index("usa");
    const int china = s.actor_index("china");
    declare_support(s, bench.effects, usa, ukraine, russia);
    EXPECT_DOUBLE_EQ(s.relations.declared(usa, ukraine), k_declaration_step);
    EXPECT_TRUE(bench.effects.called("prompt " + std::to_string(russia)));
    s.requests[ix(china)].push_back({russia, usa});
    s.requests[ix(china)].push_back({russia, ukraine});
    const double d0 = s.relations.declared(china, russia);
    answer_request(s, bench.effects, china, russia, true);
    EXPECT_DOUBLE_EQ(s.relations.declared(china, russia), std::min(1.0, d0 + k_declaration_step));
    EXPECT_EQ(s.requests[ix(china)].size(), 1u);
    EXPECT_TRUE(bench.effects.called("prompt " + std::to_string(china)));  // one more request waits
    answer_request(s, bench.effects, china, russia, false);
    EXPECT_TRUE(s.requests[ix(china)].empty());
    EXPECT_EQ(bench.effects.of_type(EventType::DeclineRequest).size(), 1u);
    // The refusal takes back what China had declared for Russia (its promise a moment before included).
    EXPECT_DOUBLE_EQ(s.relations.declared(china, russia), 0.0);
}

TEST(ThirdParties, ARefusalLeavesOnlySympathyAndCommitmentToDrawABystanderIntoTheWar) {
    ComponentBench bench(fixtures::ukraine_like());
    CrisisState& s = bench.state;
    const int russia = s.actor_index("russia");
    const int ukraine = s.actor_index("ukraine");
    const int china = s.actor_index("china");
    const int issue = s.contested_issue(russia, ukraine);
    s.relations.declared(china, russia) = 0.5;  // as after Xi's endorsement of December 2021
    s.note_relations_written(china, russia);
    const double declared = join_probability(s, china, russia, ukraine, issue, View{});
    s.requests[ix(china)].push_back({russia, ukraine});
    answer_request(s, bench.effects, china, russia, false);
    const double refused = join_probability(s, china, russia, ukraine, issue, View{});
    // §11.1: J = h·[1 − (1 − F)(1 − D)(1 − a)]·(1 − W): with D back at 0 only F and the sympathy a remain.
    const Relations& r = s.relations;
    const double lean = std::max(0.0, r.affinity(china, russia) - r.affinity(china, ukraine)) / 2.0;
    const double sympathy = s.params().bystander_propensity * lean * lean;
    const double firm = r.commitment_on(china, russia, issue);
    const double expected = std::clamp(
        s.resolve(china) * (1.0 - (1.0 - firm) * (1.0 - sympathy)) * (1.0 - r.deterred(china, ukraine)), 0.0,
        1.0);
    EXPECT_NEAR(refused, expected, 1e-12);
    EXPECT_LT(refused, declared);
}

TEST(ThirdParties, UtilitiesMatchTheirClosedForms) {
    ComponentBench bench(fixtures::ukraine_like());
    const CrisisState& s = bench.state;
    const int russia = s.actor_index("russia");
    const int usa = s.actor_index("usa");
    const int japan = s.actor_index("japan");
    const Relations& r = s.relations;
    // Japan declaring for the USA against Russia: (A_ju − A_jr)(1 − D_ju)/2 − c_j ρ_r (1 − F_ju) − κ.
    const AllyInConflict ally{usa, russia};
    EXPECT_DOUBLE_EQ(
        declare_support_utility(s, japan, ally),
        0.5 * (r.affinity(japan, usa) - r.affinity(japan, russia)) * (1.0 - r.declared(japan, usa)) -
            s.war_cost(japan) * s.nearness_to_war(russia) * (1.0 - r.commitment(japan, usa)) - k_action_cost);
    const PendingRequest request{usa, russia};
    EXPECT_DOUBLE_EQ(answer_request_utility(s, japan, request),
                     0.5 * (r.affinity(japan, usa) - r.affinity(japan, russia)) + r.commitment(japan, usa) -
                         s.war_cost(japan) * s.nearness_to_war(russia) - k_action_cost);
    const ThirdPartyChoice patron{japan, 0.02};
    EXPECT_DOUBLE_EQ(request_support_utility(patron, 0.5, 0.8), 4.0 * 0.5 * 0.8 * 0.02 - k_action_cost);
    const ThirdPartyChoice warn{japan, 0.02};
    const double relative = s.share(russia) / (s.share(russia) + s.share(japan));
    EXPECT_DOUBLE_EQ(warn_third_party_utility(s, russia, warn, 0.5),
                     4.0 * 0.5 * 0.02 * relative - k_action_cost);
}

}  // namespace
}  // namespace brink::model
