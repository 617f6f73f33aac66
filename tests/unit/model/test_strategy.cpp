// System tests of the strategic mechanisms (docs/model.md §11, §12) on constructed crises: each mechanism
// does what the literature says it does, measured over ensembles. Near-best responses (high rationality)
// isolate a mechanism from choice noise where the test says so; tolerances are stated with each test.
#include "brink/model/choice.hpp"
#include "brink/model/coalitions.hpp"
#include "brink/model/crisis.hpp"
#include "brink/model/decision_process.hpp"
#include "brink/model/offers.hpp"
#include "brink/model/script.hpp"

#include "fake_effects.hpp"
#include "fixtures.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <map>
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

/// A challenger mobilised against a smaller, resolute target whose territory it claims and which it believes
/// irresolute (the private information that makes war possible between rational actors, Fearon 1995); a
/// defender of the given capability committed to the target with the given firmness (docs/model.md §11.1).
ScenarioSpec extended_deterrence(double firmness, double defender_capability) {
    ScenarioSpec spec;
    spec.model = fixtures::reference_params();
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
    ActorSpec target = make_actor("target", 0.5, 0.9, 0.3, 1.0);
    target.initial_rung = 4.0;
    target.positions = {make_position("territory", 0.0, 0.9)};
    ActorSpec defender = make_actor("defender", defender_capability, 0.8, 0.3, 0.5);
    spec.actors = {challenger, target, defender};
    spec.relations.affinities = {{"challenger", "target", -0.6, false}, {"defender", "target", 0.5, false}};
    if (firmness > 0.0) {
        spec.relations.commitments.push_back({"defender", "target", firmness, {}});
    }
    spec.relations.beliefs = {{"challenger", "target", 0.1}};
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
    // With full commitment from a defender at least as strong as the challenger (four times here, the
    // uncommitted bystander whose help the target counts on and the challenger does not: the mutual optimism
    // a commitment removes): at most half the war of no commitment.
    const double without = share_of_runs(extended_deterrence(0.0, 4.0), runs, is_war);
    const double with = share_of_runs(extended_deterrence(1.0, 4.0), runs, is_war);
    EXPECT_GT(without, 0.2);
    EXPECT_LE(with, 0.5 * without);
}

}  // namespace
}  // namespace brink::model

namespace brink::model {
namespace {

/// Two equal democracies; the challenger demands the target's issue. No ladder start: a coercive standoff.
ScenarioSpec coercion(bool audience_costs) {
    ScenarioSpec spec = fixtures::two_actor_dispute();
    spec.model.mechanisms.audience_costs = audience_costs;
    spec.metadata.horizon = 90.0;
    for (auto& a : spec.actors) {
        a.regime = Regime::Democracy;
        a.initial_rung = 3.0;
        a.cost_of_war = 0.3;
        a.positions[0].salience = 0.6;
    }
    return spec;
}

TEST(Strategy, AudienceCostsMakeAThreatenerBackDownLess) {
    // docs/model.md §11.3 (Fearon 1994; Schultz 2001): over 400 runs, with audience costs the challenger ends
    // nearer its demand (it backs down less after its public threats). Paired by seed, the mean difference of
    // the final positions must exceed three of its standard errors.
    const int runs = 400;
    std::vector<double> difference;
    for (std::uint64_t seed = 1; seed <= static_cast<std::uint64_t>(runs); ++seed) {
        difference.push_back(
            run_crisis(coercion(true), seed, RunOptions{false, false}).final_positions(0, 0) -
            run_crisis(coercion(false), seed, RunOptions{false, false}).final_positions(0, 0));
    }
    double mean = 0.0;
    for (const double d : difference) {
        mean += d / runs;
    }
    double variance = 0.0;
    for (const double d : difference) {
        variance += (d - mean) * (d - mean) / (runs - 1);
    }
    EXPECT_GT(mean, 3.0 * std::sqrt(variance / runs)) << mean << " ± " << std::sqrt(variance / runs);
}

TEST(Strategy, ATargetConcedesMoreReadilyToAPublicThreatThanToAPrivateOne) {
    // docs/model.md §11.2–§11.3: a public threat ties the threatener's hands, so the target believes it more
    // resolute and its threat of war more credible; a private one tells it nothing it can believe. The
    // target's probability of conceding at its next decision (the logit of §7.1) is higher after the public
    // one.
    const auto concede_probability = [](bool in_public) {
        ScenarioSpec spec = coercion(true);
        spec.actors[0].initial_rung = 7.0;
        ScriptedEventSpec threat =
            fixtures::scripted_event(0.0, ScriptedEventType::Threat, "challenger", {"target"});
        threat.in_public = in_public;
        threat.issue = "claim";
        spec.events.push_back(threat);
        fixtures::ComponentBench bench(spec);
        CrisisState& s = bench.state;
        s.demands[0].active = true;
        s.mark_opponents_dirty();
        Script script(s, bench.sim, bench.effects);
        script.schedule();
        engine::StopConditions stop;
        stop.horizon = 0.0;
        bench.sim.run(stop);
        DecisionProcess decisions(s, bench.sim, bench.effects);
        OptionList options;
        decisions.list_options(1, options);
        const std::vector<double> p = logit_probabilities(options.utilities(), spec.model.rationality);
        for (std::size_t k = 0; k < options.size(); ++k) {
            if (options[k].action == Action::Concede) {
                return std::pair{p[k], s.expected_resolve(1, 0)};
            }
        }
        return std::pair{0.0, s.expected_resolve(1, 0)};
    };
    const auto [privately, believed_private] = concede_probability(false);
    const auto [publicly, believed_public] = concede_probability(true);
    EXPECT_GT(believed_public, believed_private);
    EXPECT_GT(publicly, privately);
}

/// A challenger mobilised at peacetime readiness against an unmobilised target that will not move (resolve 1:
/// no offer inside the range reaches the challenger in time), a costly war over its claim: war pays for the
/// challenger only once its forces are ready (docs/model.md §11.4).
ScenarioSpec readiness_race(double build_rate, double initial_readiness) {
    ScenarioSpec spec = fixtures::two_actor_dispute();
    spec.model.rationality = 100.0;
    spec.metadata.horizon = 180.0;
    spec.relations.affinities.push_back({"challenger", "target", -0.5, false});
    for (auto& a : spec.actors) {
        a.cost_of_war = 0.3;
        a.readiness_rate = build_rate;
        a.readiness_cost = 0.0;  // isolate the timing from the cost of holding forces
        a.positions[0].salience = 0.9;
        a.resolve = 0.7;
    }
    spec.actors[0].initial_rung = 7.0;
    spec.actors[0].readiness = initial_readiness;
    spec.actors[1].initial_rung = 4.0;
    spec.actors[1].resolve = 1.0;
    spec.actors[1].positions[0].salience = 1.0;  // reach 0.35·(1 − s·resolve) = 0: it offers nothing
    // and the challenger knows it will not give in: waiting is for readiness alone (§11.8).
    spec.relations.beliefs = {{"challenger", "target", 0.99}};
    return spec;
}

double median_time_to_war(const ScenarioSpec& spec, int runs, int& wars) {
    std::vector<double> times;
    for (int seed = 1; seed <= runs; ++seed) {
        const RunResult r = run_crisis(spec, static_cast<std::uint64_t>(seed), RunOptions{false, false});
        if (r.outcome.kind == OutcomeKind::War) {
            times.push_back(r.outcome.time);
        }
    }
    wars = static_cast<int>(times.size());
    if (times.empty()) {
        return std::numeric_limits<double>::infinity();
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

TEST(Strategy, WarsComeLaterTheSlowerForcesGetReady) {
    // docs/model.md §11.4 (Slantchev 2011): 200 runs a build rate; the median day of war grows as the rate
    // falls (38.7, 53.6, 63.7 and 69.9 days when this was written: the climb up the ladder takes weeks even
    // for a ready challenger), and with an instant build-up every run is the run of a challenger ready from
    // the start, day for day (the timing without the wait for readiness).
    int wars = 0;
    double previous = -1.0;
    for (const double rate : {1e6, 0.1, 0.03, 0.01}) {
        const double median = median_time_to_war(readiness_race(rate, 0.3), 200, wars);
        EXPECT_GE(wars, 20) << rate;
        EXPECT_GT(median, previous) << rate;
        previous = median;
    }
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        const RunResult instant = run_crisis(readiness_race(1e6, 0.3), seed, RunOptions{false, false});
        const RunResult ready = run_crisis(readiness_race(1e6, 1.0), seed, RunOptions{false, false});
        EXPECT_EQ(instant.outcome.kind, ready.outcome.kind) << seed;
        EXPECT_DOUBLE_EQ(instant.outcome.time, ready.outcome.time) << seed;
    }
}

/// Two mobilised, ready states; the target is flexible, so an offer inside the range is worth more than war
/// to the challenger; the challenger expects its power to change by `trend` within a year (docs/model.md
/// §11.5).
ScenarioSpec shifting_power(double trend) {
    ScenarioSpec spec = fixtures::two_actor_dispute(1.5, 1.0);
    spec.model.rationality = 1000.0;
    spec.model.power_horizon = 365.0;
    spec.model.mechanisms.fait_accompli = false;  // isolate the war decision from the seizure of §11.6
    spec.model.mechanisms.timing = false;         // and from the chance that coercion works first (§11.8)
    spec.model.bdm_interval = 365.0;  // and the threshold, computed from the positions, from BDM's moves
    spec.metadata.horizon = 120.0;
    spec.relations.affinities.push_back({"challenger", "target", -0.5, false});
    for (auto& a : spec.actors) {
        a.initial_rung = 7.0;
        a.readiness = 1.0;
        a.cost_of_war = 0.4;
        a.readiness_cost = 0.0;
    }
    spec.actors[1].positions[0].salience = 0.3;
    spec.actors[0].power_trend = trend;
    return spec;
}

TEST(Strategy, AnOfferInsideTheRangePreventsWarUnlessTheShiftOfPowerIsLargeEnough) {
    // Powell (2006): war is weighed against the offer on the table, and a side that expects to decline
    // discounts that offer by what the shift will cost it (§11.5). The threshold trend is where the
    // challenger's war value u_war = p − c (its ideal against the target's) first exceeds the value of peace,
    // computed here from the offer on the table at the start of the crisis.
    const auto gain = [](double trend) {
        const ScenarioSpec spec = shifting_power(trend);
        CrisisState state(spec);
        state.demands[0].active = true;
        const WarProspect a = war_prospect(state, 0, 1, 0, View{0}, 1.0);
        const WarProspect b = war_prospect(state, 1, 0, 0, View{1}, 1.0);
        const OfferOnTable offer = offer_on_table(state, 0, 1, 0, b);
        const double u_war = a.p + (1.0 - a.p) * (1.0 - std::abs(1.0 - 0.0)) - a.cost;
        return u_war - peace_value(state, offer, 1.0 - std::abs(1.0 - 0.0));
    };
    ASSERT_LT(gain(0.0), -0.1);  // with no shift the offer is clearly worth more than war
    double lo = -0.95;
    double hi = 0.0;
    ASSERT_GT(gain(lo), 0.0);
    for (int it = 0; it < 60; ++it) {
        const double mid = 0.5 * (lo + hi);
        (gain(mid) > 0.0 ? lo : hi) = mid;
    }
    const double threshold = hi;
    const auto wars_by = [](const ScenarioSpec& spec, int& by_challenger) {
        int wars = 0;
        by_challenger = 0;
        for (std::uint64_t seed = 1; seed <= 100; ++seed) {
            const RunResult r = run_crisis(spec, seed, RunOptions{false, false});
            if (r.outcome.kind == OutcomeKind::War) {
                ++wars;
                by_challenger += r.outcome.initiator == "challenger";
            }
        }
        return wars;
    };
    int by_challenger = 0;
    EXPECT_EQ(wars_by(shifting_power(0.0), by_challenger), 0);              // no shift: no war
    EXPECT_EQ(wars_by(shifting_power(0.5 * threshold), by_challenger), 0);  // half the threshold shift
    const int preventive = wars_by(shifting_power(std::max(-0.95, threshold - 0.1)), by_challenger);
    EXPECT_GE(preventive, 30) << "threshold " << threshold;
    EXPECT_EQ(by_challenger, preventive);  // the declining side starts them
}

/// A mobilised, ready challenger and a target holding the region it claims; war is costly for the challenger,
/// and for the target costs 0.5·(1 − resolve/2): more than it stands to win back if it is irresolute, less if
/// it is resolute; the challenger believes the target resolute with probability `believed` (docs/model.md
/// §11.6).
ScenarioSpec fait_accompli(double believed, double true_resolve) {
    ScenarioSpec spec;
    spec.model = fixtures::reference_params();
    spec.metadata.name = "fait accompli";
    spec.metadata.horizon = 60.0;
    spec.ladder = default_ladder();
    spec.model.rationality = 100.0;
    IssueSpec region;
    region.id = "region";
    region.name = "Region";
    region.held_by = "target";
    spec.issues = {region};
    ActorSpec challenger = make_actor("challenger", 1.0, 0.7, 0.8, 1.0);
    challenger.initial_rung = 7.0;
    challenger.readiness = 1.0;
    challenger.positions = {make_position("region", 1.0, 0.8)};
    ActorSpec target = make_actor("target", 1.0, true_resolve, 0.5, 1.0);
    target.initial_rung = 3.0;
    target.positions = {make_position("region", 0.0, 0.8)};
    spec.actors = {challenger, target};
    spec.relations.affinities = {{"challenger", "target", -0.5, false}};
    spec.relations.beliefs = {{"challenger", "target", believed}};
    DemandSpec claim;
    claim.id = "claim";
    claim.challenger = "challenger";
    claim.targets = {"target"};
    claim.issue = "region";
    claim.value = 1.0;
    spec.demands = {claim};
    return spec;
}

TEST(Strategy, AFaitAccompliSucceedsAgainstAnIrresoluteTargetAndMeansWarAgainstAResoluteOne) {
    // Altman (2017): 200 runs each; the challenger believes the target irresolute (π = 0.05).
    int seized = 0;
    const auto outcomes = [&](const ScenarioSpec& spec) {
        std::map<OutcomeKind, int> counts;
        seized = 0;
        for (std::uint64_t seed = 1; seed <= 200; ++seed) {
            const RunResult r = run_crisis(spec, seed);
            ++counts[r.outcome.kind];
            seized += std::any_of(r.events.begin(), r.events.end(),
                                  [](const EventRecord& e) { return e.type == EventType::Seizure; });
        }
        return counts;
    };
    // An irresolute target (for whom war costs more than the region is worth to it) accepts every seizure:
    // each one is a fait accompli, none a war. (It is seized in few runs: its offers at the table, generous
    // as an irresolute actor's are, are worth waiting for, §11.8.)
    auto irresolute = outcomes(fait_accompli(0.05, 0.1));
    EXPECT_GT(seized, 0);
    EXPECT_EQ(irresolute[OutcomeKind::FaitAccompli], seized);
    EXPECT_EQ(irresolute[OutcomeKind::War], 0);
    // A resolute target, also believed irresolute, offers little and is seized in most runs; it fights.
    auto resolute = outcomes(fait_accompli(0.05, 0.95));
    const int seized_believed_irresolute = seized;
    EXPECT_GE(seized_believed_irresolute, 160);
    EXPECT_GE(resolute[OutcomeKind::War], 160);
    EXPECT_EQ(resolute[OutcomeKind::FaitAccompli], 0);
    // Seizures follow the belief: the same resolute target believed resolute is seized far less often (a
    // difference of 20 runs of 200 is more than three standard errors of a share near 0.8).
    outcomes(fait_accompli(0.95, 0.95));
    EXPECT_LT(seized, seized_believed_irresolute - 20);
}

TEST(Strategy, TheChallengersWillingnessToSeizeFallsAsItBelievesTheTargetMoreResolute) {
    // At its first decision, the logit probability of seizing (§7.1, §11.6) falls with π.
    double previous = 1.0;
    for (const double believed : {0.05, 0.3, 0.6, 0.95}) {
        const ScenarioSpec spec = fait_accompli(believed, 0.5);
        fixtures::ComponentBench bench(spec);
        CrisisState& s = bench.state;
        s.demands[0].active = true;
        s.mark_opponents_dirty();
        DecisionProcess decisions(s, bench.sim, bench.effects);
        OptionList options;
        decisions.list_options(0, options);
        const std::vector<double> p = logit_probabilities(options.utilities(), spec.model.rationality);
        double seize = 0.0;
        for (std::size_t k = 0; k < options.size(); ++k) {
            seize += options[k].action == Action::Seize ? p[k] : 0.0;
        }
        EXPECT_LT(seize, previous) << believed;
        previous = seize;
    }
}

/// Two resolved democracies over an issue that matters to both, a war that would ruin both (docs/model.md
/// §12.3).
ScenarioSpec deadlock() {
    ScenarioSpec spec = fixtures::two_actor_dispute();
    spec.metadata.horizon = 120.0;
    spec.relations.affinities.push_back({"challenger", "target", -0.4, false});
    for (auto& a : spec.actors) {
        a.regime = Regime::Democracy;
        a.resolve = 0.9;
        a.cost_of_war = 1.5;
        a.initial_rung = 4.0;
        a.positions[0].salience = 1.0;
    }
    return spec;
}

TEST(Strategy, TwoResolvedActorsWhoseWarAndConcessionsWouldCostMuchEndInAStandoff) {
    // docs/model.md §12.3: neither gains by moving, so neither moves; 100 runs at the default rationality.
    std::map<OutcomeKind, int> counts;
    for (std::uint64_t seed = 1; seed <= 100; ++seed) {
        ++counts[run_crisis(deadlock(), seed, RunOptions{false, false}).outcome.kind];
    }
    EXPECT_GE(counts[OutcomeKind::Standoff], 60);
    EXPECT_GT(counts[OutcomeKind::Standoff], counts[OutcomeKind::Capitulation]);
    EXPECT_LE(counts[OutcomeKind::War], 5);
}

/// The extended-deterrence crisis with two issues, the target's homeland and a disputed region, the
/// challenger claiming `claimed`; the defender (as strong as the challenger) is committed, if at all, to the
/// homeland only (docs/model.md §12.4).
ScenarioSpec scoped(const std::string& claimed, bool committed) {
    ScenarioSpec spec = extended_deterrence(0.0, 1.0);
    IssueSpec homeland = spec.issues[0];
    homeland.id = "homeland";
    IssueSpec region = spec.issues[0];
    region.id = "region";
    spec.issues = {homeland, region};
    for (auto& a : spec.actors) {
        for (auto& p : a.positions) {
            p.issue = claimed;
        }
    }
    spec.demands[0].issue = claimed;
    if (committed) {
        spec.relations.commitments.push_back({"defender", "target", 1.0, {"homeland"}});
    }
    return spec;
}

TEST(Strategy, ACommitmentToTheHomelandDetersAnAttackOnItButNotOnADisputedRegion) {
    // 200 runs a case, near-best responses: the commitment halves the wars over the homeland at least, and
    // leaves the wars over the region within noise (0.07, a Wilson half-width) of what they are without it.
    const double homeland_without = share_of_runs(scoped("homeland", false), 200, is_war);
    const double homeland_with = share_of_runs(scoped("homeland", true), 200, is_war);
    const double region_without = share_of_runs(scoped("region", false), 200, is_war);
    const double region_with = share_of_runs(scoped("region", true), 200, is_war);
    EXPECT_GT(homeland_without, 0.3);
    EXPECT_LE(homeland_with, 0.5 * homeland_without);
    EXPECT_NEAR(region_with, region_without, 0.07);
}

/// Two states over a claim, and a great power with no stake in it, leaning slightly to the target.
ScenarioSpec bystander(bool present) {
    ScenarioSpec spec = fixtures::two_actor_dispute();
    spec.metadata.horizon = 120.0;
    spec.relations.affinities.push_back({"challenger", "target", -0.5, false});
    spec.actors[0].initial_rung = 7.0;
    spec.actors[0].readiness = 1.0;
    if (present) {
        spec.actors.push_back(make_actor("great_power", 20.0, 0.5, 0.3, 0.3));
        spec.relations.affinities.push_back({"great_power", "target", 0.1, false});
    }
    return spec;
}

TEST(Strategy, ANeutralGreatPowerWithASlightLeanHardlyMovesTheOdds) {
    // docs/model.md §11.1 (issue 18): its contribution is its joining probability (β·lean², tiny for a
    // slight lean) times the share it would commit, not its whole capability; 400 runs each.
    const double without = share_of_runs(bystander(false), 400, is_war);
    const double with = share_of_runs(bystander(true), 400, is_war);
    EXPECT_LT(std::abs(with - without), 0.05) << with << " vs " << without;
}

/// Two mobilised rivals over a border, war costly for both: a setting for clashes (docs/model.md §12.1).
ScenarioSpec fixtures_clash() {
    ScenarioSpec spec = fixtures::two_actor_dispute();
    spec.metadata.horizon = 90.0;
    spec.relations.affinities.push_back({"challenger", "target", -0.6, false});
    for (auto& a : spec.actors) {
        a.initial_rung = 7.0;
        a.readiness = 1.0;
        a.cost_of_war = 1.0;
    }
    return spec;
}

TEST(Strategy, ClashesCarryTheirOwnCodesAndCanEndInDeEscalation) {
    // docs/model.md §12.1: limited uses of force short of war, CAMEO 193, logged as clashes; in some runs the
    // side that was struck steps down the ladder afterwards and the crisis ends without war.
    int clashes = 0;
    int de_escalated_after = 0;
    int ended_without_war = 0;
    for (std::uint64_t seed = 1; seed <= 300; ++seed) {
        const RunResult r = run_crisis(fixtures_clash(), seed);
        const auto clash = std::find_if(r.events.begin(), r.events.end(),
                                        [](const EventRecord& e) { return e.type == EventType::Clash; });
        if (clash == r.events.end()) {
            continue;
        }
        ++clashes;
        EXPECT_EQ(clash->cameo, "193");
        EXPECT_DOUBLE_EQ(clash->goldstein, -10.0);
        const bool stepped_down = std::any_of(clash, r.events.end(), [&](const EventRecord& e) {
            return e.type == EventType::DeEscalate && e.source == clash->target;
        });
        de_escalated_after += stepped_down;
        ended_without_war += stepped_down && r.outcome.kind != OutcomeKind::War;
        EXPECT_GE(r.outcome.violence, 2);
    }
    EXPECT_GE(clashes, 10);  // enough runs to check the codes (21 of 300 when this was written)
    EXPECT_GT(de_escalated_after, 0);
    EXPECT_GT(ended_without_war, 0);
}

TEST(Strategy, NothingCrossesAtDayZeroBecauseAStartSitsOnAThreshold) {
    // docs/model.md §2.3: the default-like fixture starts actors on whole rungs; no rung crossing at day 0.
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        const RunResult r = run_crisis(fixtures::ukraine_like(), seed);
        for (const EventRecord& e : r.events) {
            if (e.type == EventType::RungCrossing) {
                EXPECT_GT(e.time, 0.0) << seed << ": " << e.description;
            }
        }
    }
}

TEST(Strategy, ASanctionIsHeldBackWhileItsThreatHasNotFailed) {
    // docs/model.md §11.7 (Schelling 1966): in the Ukraine-like fixture the United States imposes sanctions
    // on Russia later (median day) and in fewer runs with the mechanism than without it, over 100 runs.
    const auto first_sanctions = [](bool mechanism, int& runs_with) {
        ScenarioSpec spec = fixtures::ukraine_like();
        spec.model.mechanisms.sanction_threats = mechanism;
        std::vector<double> days;
        for (std::uint64_t seed = 1; seed <= 100; ++seed) {
            const RunResult r = run_crisis(spec, seed);
            const auto first = std::find_if(r.events.begin(), r.events.end(), [&](const EventRecord& e) {
                return e.time >= 0.0 && e.type == EventType::Sanction &&
                       r.actor_ids[static_cast<std::size_t>(e.source)] == "usa";
            });
            days.push_back(first == r.events.end() ? std::numeric_limits<double>::infinity() : first->time);
        }
        runs_with = static_cast<int>(
            std::count_if(days.begin(), days.end(), [](double d) { return std::isfinite(d); }));
        std::sort(days.begin(), days.end());
        return days[days.size() / 2];
    };
    int with_mechanism = 0;
    int without_mechanism = 0;
    const double held = first_sanctions(true, with_mechanism);
    const double spent = first_sanctions(false, without_mechanism);
    EXPECT_LT(with_mechanism, without_mechanism);
    EXPECT_GT(held, spent);
}

}  // namespace
}  // namespace brink::model
