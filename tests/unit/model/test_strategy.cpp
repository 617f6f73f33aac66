// System tests of the strategic mechanisms (docs/model.md §11, §12) on constructed crises: each mechanism
// does what the literature says it does, measured over ensembles. Near-best responses (high rationality)
// isolate a mechanism from choice noise where the test says so; tolerances are stated with each test.
#include "brink/model/crisis.hpp"

#include "fixtures.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

namespace brink::model {
namespace {

using fixtures::make_actor;
using fixtures::make_position;

/// Share of `runs` runs (seeds 1..runs) whose outcome satisfies `counts`.
double share_of_runs(const ScenarioSpec& spec, int runs,
                     const std::function<bool(const RunResult&)>& counts) {
    int hits = 0;
    for (int seed = 1; seed <= runs; ++seed) {
        hits += counts(run_crisis(spec, static_cast<std::uint64_t>(seed), RunOptions{false, false})) ? 1 : 0;
    }
    return static_cast<double>(hits) / runs;
}

bool is_war(const RunResult& r) {
    return r.outcome.kind == OutcomeKind::War;
}

/// A challenger mobilised against a smaller target whose territory it claims; a defender of the given
/// capability committed to the target with the given firmness (docs/model.md §11.1).
ScenarioSpec extended_deterrence(double firmness, double defender_capability) {
    ScenarioSpec spec;
    spec.metadata.name = "extended deterrence";
    spec.metadata.horizon = 120.0;
    spec.ladder = default_ladder();
    spec.model.rationality = 100.0;
    IssueSpec territory;
    territory.id = "territory";
    territory.name = "Territory";
    territory.held_by = "target";
    spec.issues = {territory};
    ActorSpec challenger = make_actor("challenger", 1.0, 0.7, 0.3, 1.0);
    challenger.initial_rung = 7.0;
    challenger.readiness = 1.0;
    challenger.positions = {make_position("territory", 1.0, 0.9)};
    ActorSpec target = make_actor("target", 0.5, 0.7, 0.3, 1.0);
    target.initial_rung = 4.0;
    target.positions = {make_position("territory", 0.0, 0.9)};
    ActorSpec defender = make_actor("defender", defender_capability, 0.8, 0.3, 0.5);
    spec.actors = {challenger, target, defender};
    spec.relations.affinities = {{"challenger", "target", -0.6, false}, {"defender", "target", 0.5, false}};
    if (firmness > 0.0) {
        spec.relations.commitments.push_back({"defender", "target", firmness, {}});
    }
    DemandSpec claim;
    claim.id = "claim";
    claim.challenger = "challenger";
    claim.targets = {"target"};
    claim.issue = "territory";
    claim.value = 1.0;
    spec.demands = {claim};
    return spec;
}

TEST(Strategy, ADefendersCommitmentDetersTheFirmerItIsAndTheStrongerTheDefender) {
    // docs/model.md §11.1 (Huth 1988; Fearon 1994). 200 runs a cell: a Wilson 95% half-width of at most 0.07,
    // so "falls" allows 0.05 of noise between neighbouring cells.
    const int runs = 200;
    for (const double capability : {1.0, 4.0}) {
        double previous = 1.0;
        for (const double firmness : {0.0, 0.5, 1.0}) {
            const double p = share_of_runs(extended_deterrence(firmness, capability), runs, is_war);
            EXPECT_LE(p, previous + 0.05) << "capability " << capability << ", firmness " << firmness;
            previous = p;
        }
    }
    double previous = 1.0;
    for (const double capability : {0.25, 1.0, 4.0}) {
        const double p = share_of_runs(extended_deterrence(1.0, capability), runs, is_war);
        EXPECT_LE(p, previous + 0.05) << "capability " << capability;
        previous = p;
    }
    // With full commitment from a defender as strong as the challenger: at most half the war of no
    // commitment.
    const double without = share_of_runs(extended_deterrence(0.0, 1.0), runs, is_war);
    const double with = share_of_runs(extended_deterrence(1.0, 1.0), runs, is_war);
    EXPECT_GT(without, 0.3);
    EXPECT_LE(with, 0.5 * without);
    // The mechanism switched off: the war is valued against the main opponent alone, and the commitment
    // counts only if... the same scenario shows it (docs/model.md §13, ablation).
}

}  // namespace
}  // namespace brink::model
