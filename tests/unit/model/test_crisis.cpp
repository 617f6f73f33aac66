// Tests of crisis.hpp: run_crisis against closed forms, limits and each mechanism (docs/model.md §9).
#include "brink/model/crisis.hpp"

#include "fixtures.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <tuple>
#include <utility>
#include <vector>

namespace brink::model {
namespace {

using fixtures::make_actor;
using fixtures::make_position;

std::vector<EventRecord> of_type(const RunResult& r, EventType type) {
    std::vector<EventRecord> out;
    std::copy_if(r.events.begin(), r.events.end(), std::back_inserter(out),
                 [&](const EventRecord& e) { return e.type == type; });
    return out;
}

double sample(const RunResult& r, double time, int actor, Metric metric) {
    for (const auto& s : r.trajectory) {
        if (s.time == time && s.actor == actor && s.metric == metric) {
            return s.value;
        }
    }
    return std::nan("");
}

/// Two hostile actors, no issues or demands: the pure Richardson system.
ScenarioSpec two_rivals() {
    ScenarioSpec spec;
    spec.model = fixtures::reference_params();
    spec.metadata.name = "rivals";
    spec.metadata.horizon = 40.0;
    spec.ladder = default_ladder();
    ActorSpec a = make_actor("a", 1.0, 0.5);
    ActorSpec b = make_actor("b", 1.0, 0.5);
    a.initial_rung = 3.0;
    b.initial_rung = 1.0;
    spec.actors = {a, b};
    spec.relations.affinities.push_back({"a", "b", -0.75, false});
    spec.model.decisions_enabled = false;
    return spec;
}

/// Two equal actors with a scripted meeting on day 1 on their issue.
ScenarioSpec meeting_spec(double salience, double resolve, double low, double high) {
    ScenarioSpec spec = fixtures::two_actor_dispute();
    spec.model.decisions_enabled = false;
    spec.model.bdm_interval = 365.0;
    for (auto& a : spec.actors) {
        a.resolve = resolve;
        a.positions[0].salience = salience;
    }
    spec.actors[0].positions[0].position = high;
    spec.actors[1].positions[0].position = low;
    ScriptedEventSpec meeting;
    meeting.day = 1.0;
    meeting.type = ScriptedEventType::Meeting;
    meeting.source = "challenger";
    meeting.targets = {"target"};
    meeting.issue = "claim";
    spec.events.push_back(meeting);
    return spec;
}

}  // namespace

TEST(Crisis, PressureFollowsTheRichardsonClosedFormWithoutDecisions) {
    const ScenarioSpec spec = two_rivals();
    const RunResult r = run_crisis(spec, 1);
    // docs/model.md §2.2: K = 0.04·0.75·1 (equal capabilities), a = 0.08·(1.5 - 0.5); g = 0. The actors stand
    // on rungs 3 and 1, so they start in the middle of them (§2.3): e(0) = (3.5, 1.5).
    const double k = spec.model.reaction * 0.75;
    const double a = spec.model.restraint;
    for (double t : {1.0, 7.0, 25.0, 40.0}) {
        const double sum = 5.0 * std::exp(-(a - k) * t);
        const double diff = 2.0 * std::exp(-(a + k) * t);
        // 1e-9 rung: exact advance up to rounding; rung crossings snap by 1e-10 (hysteresis).
        EXPECT_NEAR(sample(r, t, 0, Metric::Pressure), 0.5 * (sum + diff), 1e-9) << t;
        EXPECT_NEAR(sample(r, t, 1, Metric::Pressure), 0.5 * (sum - diff), 1e-9) << t;
    }
    EXPECT_EQ(r.outcome.kind, OutcomeKind::Standoff);
    EXPECT_DOUBLE_EQ(r.outcome.time, spec.metadata.horizon);
}

TEST(Crisis, RungCrossingHappensAtTheClosedFormTime) {
    ScenarioSpec spec = two_rivals();
    const RunResult r = run_crisis(spec, 1);
    // Actor a starts in the middle of rung 3 (3.5) and decays; it crosses 3.0, then 2.0 (to "Disapproval")
    // when 0.5(5e^{-(a-k)t} + 2e^{-(a+k)t}) = 2.
    const double k = spec.model.reaction * 0.75;
    const double a = spec.model.restraint;
    double lo = 0.0;
    double hi = 40.0;
    for (int it = 0; it < 200; ++it) {  // bisection on the closed form, to 1e-13
        const double mid = 0.5 * (lo + hi);
        const double e = 2.5 * std::exp(-(a - k) * mid) + std::exp(-(a + k) * mid);
        (e > 2.0 ? lo : hi) = mid;
    }
    const auto crossings = of_type(r, EventType::RungCrossing);
    const auto it = std::find_if(crossings.begin(), crossings.end(), [](const EventRecord& e) {
        return e.source == 0 && e.description.find("Disapproval") != std::string::npos;
    });
    ASSERT_NE(it, crossings.end());
    EXPECT_NEAR(it->time, lo, 1e-8);  // LinearFlow's crossings are accurate to 1e-10 days
    EXPECT_EQ(it->cameo, "11");       // the rung's CAMEO family (default ladder)
    EXPECT_DOUBLE_EQ(it->goldstein, -2.0);
}

TEST(Crisis, MeetingWithAnEmptyRangeLogsTalksFailedAndARejection) {
    ScenarioSpec spec = meeting_spec(0.5, 0.5, 0.0, 1.0);
    // A strong patron committed to the challenger, which believes it resolute while the target believes it
    // irresolute: their own estimates leave no bargaining range (mutual optimism from beliefs, §11.2).
    spec.actors.push_back(make_actor("patron", 8.0));
    spec.relations.commitments.push_back({"patron", "challenger", 1.0, {}});
    spec.relations.beliefs = {{"challenger", "patron", 0.99}, {"target", "patron", 0.01}};
    for (auto& a : spec.actors) {
        a.cost_of_war = 0.0;
    }
    const RunResult r = run_crisis(spec, 1);
    ASSERT_EQ(of_type(r, EventType::TalksFailed).size(), 1u);
    EXPECT_DOUBLE_EQ(of_type(r, EventType::TalksFailed)[0].time, 1.0);
    ASSERT_EQ(of_type(r, EventType::Reject).size(), 1u);
    EXPECT_EQ(of_type(r, EventType::Reject)[0].source, 1);  // the target rejects the demand
    EXPECT_TRUE(of_type(r, EventType::TalksAgreement).empty());
}

TEST(Crisis, MeetingBeyondReachAgreesToKeepTalkingAndMeetsAgainAWeekLater) {
    // Salience 1 and resolve 1: neither side can move at all (reach 0.35·(1 - 1) = 0), yet a range exists.
    const RunResult r = run_crisis(meeting_spec(1.0, 1.0, 0.0, 1.0), 1);
    const auto partial = of_type(r, EventType::TalksPartial);
    ASSERT_GE(partial.size(), 2u);
    EXPECT_DOUBLE_EQ(partial[0].time, 1.0);
    EXPECT_DOUBLE_EQ(partial[1].time, 8.0);  // follow-up 7 days later (docs/model.md §4.5)
    EXPECT_TRUE(partial[0].key);
    EXPECT_TRUE(of_type(r, EventType::TalksFailed).empty());
}

TEST(Crisis, MilitaryActionCallsOffThePendingTalks) {
    // Talks agree to keep talking on day 1 (reach 0) and would meet again on day 8; on day 3 the challenger's
    // forces move (a scripted jump from about 0.9 to about 8.4 rungs: "limited military action", one rung
    // below war). The target calls the talks off at once (docs/model.md §4.5): no meeting on day 8.
    ScenarioSpec spec = meeting_spec(1.0, 1.0, 0.0, 1.0);
    spec.actors[0].initial_rung = 1.0;
    ScriptedEventSpec move =
        fixtures::scripted_event(3.0, ScriptedEventType::Mobilisation, "challenger", {"target"});
    move.pressure_delta = 7.5;
    spec.events.push_back(move);
    const RunResult r = run_crisis(spec, 1);
    const auto crossings = of_type(r, EventType::RungCrossing);
    ASSERT_TRUE(std::any_of(crossings.begin(), crossings.end(), [](const EventRecord& e) {
        return e.time == 3.0 && e.source == 0 &&
               e.description.find("Limited military action") != std::string::npos;
    })) << "the scripted move must take the challenger to the rung below war";
    const auto called_off = of_type(r, EventType::TalksCalledOff);
    ASSERT_EQ(called_off.size(), 1u);
    EXPECT_DOUBLE_EQ(called_off[0].time, 3.0);
    EXPECT_EQ(called_off[0].source, 1);  // the target halts the talks
    EXPECT_EQ(called_off[0].target, 0);
    EXPECT_EQ(called_off[0].cameo, "164");
    EXPECT_DOUBLE_EQ(called_off[0].goldstein, -7.0);
    EXPECT_TRUE(called_off[0].key);
    const auto meetings = of_type(r, EventType::TalksPartial);
    ASSERT_EQ(meetings.size(), 1u);  // day 1 only: the follow-up of day 8 was cancelled
    EXPECT_DOUBLE_EQ(meetings[0].time, 1.0);
    // Without the move the follow-up takes place: the cancellation is what removed it.
    spec.events.pop_back();
    const RunResult quiet = run_crisis(spec, 1);
    EXPECT_TRUE(of_type(quiet, EventType::TalksCalledOff).empty());
    EXPECT_GE(of_type(quiet, EventType::TalksPartial).size(), 2u);
}

TEST(Crisis, MeetingWithinReachSettlesTheDemand) {
    // Resolve 0: reach 0.35; positions 0.4 and 0.6, equal sides: the agreement point is near 0.5.
    ScenarioSpec spec = meeting_spec(0.5, 0.0, 0.4, 0.6);
    const RunResult r = run_crisis(spec, 1);
    const auto agreements = of_type(r, EventType::TalksAgreement);
    ASSERT_EQ(agreements.size(), 1u);
    EXPECT_NEAR(agreements[0].value, 0.5, 0.05);
    EXPECT_EQ(r.outcome.kind, OutcomeKind::Settlement);
    EXPECT_DOUBLE_EQ(r.outcome.time, 1.0);
    EXPECT_DOUBLE_EQ(r.final_positions(0, 0), agreements[0].value);
    EXPECT_DOUBLE_EQ(r.final_positions(1, 0), agreements[0].value);
}

TEST(Crisis, ScriptedWarRungEndsTheRunInWarWhenTheRunStopsAtTheFirstShot) {
    ScenarioSpec spec = fixtures::two_actor_dispute();
    spec.model.decisions_enabled = false;
    spec.model.mechanisms.war_process = false;  // docs/model.md §12.2: stop at the first shot
    spec.actors[0].initial_rung = 8.5;
    ScriptedEventSpec mobilise;
    mobilise.day = 2.0;
    mobilise.type = ScriptedEventType::Mobilisation;
    mobilise.pressure_delta =
        2.0;  // from about 7.5 after two days of restraint to beyond the war threshold 9
    mobilise.source = "challenger";
    mobilise.targets = {"target"};
    spec.events.push_back(mobilise);
    spec.relations.affinities.push_back({"challenger", "target", -0.5, false});
    const RunResult r = run_crisis(spec, 1);
    EXPECT_EQ(r.outcome.kind, OutcomeKind::War);
    EXPECT_DOUBLE_EQ(r.outcome.time, 2.0);
    EXPECT_EQ(r.outcome.initiator, "challenger");
    EXPECT_EQ(r.outcome.target, "target");
    EXPECT_EQ(r.peak_rung, 9);
    ASSERT_FALSE(r.events.empty());
    EXPECT_EQ(r.events.back().type, EventType::War);
    EXPECT_TRUE(r.events.back().key);
    EXPECT_EQ(r.outcome.war.how, WarEnd::FirstShot);
    EXPECT_EQ(r.outcome.violence, 4);
}

TEST(Crisis, AWarIsFoughtUntilItEndsAndItsFirstShotStaysTheOutcomesTime) {
    ScenarioSpec spec = fixtures::two_actor_dispute();
    spec.model.decisions_enabled = false;
    spec.actors[0].initial_rung = 8.5;
    ScriptedEventSpec mobilise =
        fixtures::scripted_event(2.0, ScriptedEventType::Mobilisation, "challenger", {"target"});
    mobilise.pressure_delta = 2.0;
    spec.events.push_back(mobilise);
    spec.relations.affinities.push_back({"challenger", "target", -0.5, false});
    spec.metadata.horizon = 3650.0;
    const RunResult r = run_crisis(spec, 1);
    EXPECT_EQ(r.outcome.kind, OutcomeKind::War);
    EXPECT_DOUBLE_EQ(r.outcome.time, 2.0);
    EXPECT_DOUBLE_EQ(r.outcome.war.start, 2.0);
    EXPECT_GT(r.outcome.war.end, 2.0);
    EXPECT_NE(r.outcome.war.how, WarEnd::Ongoing);
    EXPECT_GT(r.outcome.war.battles, 0);
    EXPECT_EQ(of_type(r, EventType::Battle).size(), static_cast<std::size_t>(r.outcome.war.battles));
    ASSERT_EQ(r.outcome.actor_outcomes.size(), 2u);
    // The two principals' outcomes mirror each other (ICB's victory/defeat, or compromise/stalemate for
    // both).
    const ActorOutcome a = r.outcome.actor_outcomes.at("challenger");
    const ActorOutcome b = r.outcome.actor_outcomes.at("target");
    EXPECT_TRUE((a == ActorOutcome::Victory && b == ActorOutcome::Defeat) ||
                (a == ActorOutcome::Defeat && b == ActorOutcome::Victory) || a == b);
}

TEST(Crisis, WarIsAgainstTheStandingEnemyNotTheOneTheCrisisMadeMostHostile) {
    // At day 0 the challenger is most hostile to the target (-0.8) and less to a rival (-0.3). A scripted
    // statement on day 1 makes it more hostile to the rival (-0.3 - 0.65 = -0.95) than to the target; a
    // mobilisation on day 2 takes it to war, which is fought against the target (docs/model.md §8).
    ScenarioSpec spec = fixtures::two_actor_dispute();
    spec.model.decisions_enabled = false;
    spec.model.bdm_interval = 365.0;
    ActorSpec rival = fixtures::make_actor("rival", 1.0);
    rival.positions.push_back(fixtures::make_position("claim", 0.5, 0.2));
    spec.actors.push_back(rival);
    spec.relations.affinities.push_back({"challenger", "target", -0.8, false});
    spec.relations.affinities.push_back({"challenger", "rival", -0.3, false});
    spec.actors[0].initial_rung = 8.5;
    ScriptedEventSpec quarrel;
    quarrel.day = 1.0;
    quarrel.type = ScriptedEventType::Statement;
    quarrel.source = "challenger";
    quarrel.targets = {"rival"};
    quarrel.affinity_delta = -0.65;
    ScriptedEventSpec mobilise;
    mobilise.day = 2.0;
    mobilise.type = ScriptedEventType::Mobilisation;
    mobilise.source = "challenger";
    mobilise.targets = {"target"};
    mobilise.pressure_delta = 2.0;
    spec.events = {quarrel, mobilise};
    const RunResult r = run_crisis(spec, 1);
    ASSERT_EQ(r.outcome.kind, OutcomeKind::War);
    EXPECT_DOUBLE_EQ(r.outcome.time, 2.0);
    ASSERT_LT(r.affinity_end(0, 2), r.affinity_end(0, 1));  // the rival is now the more hated
    EXPECT_EQ(r.outcome.initiator, "challenger");
    EXPECT_EQ(r.outcome.target, "target");
}

TEST(Crisis, ADefenderOfTheStatusQuoDoesNotStepIntoWarToDeter) {
    // A strong defender (capability 10:1, so deterrence pays) sits at the status quo one rung below war,
    // facing a challenger there too. Matching escalation deters below the war rung, but the step onto it is
    // worth only the bet on war (docs/model.md §7.3), which a defender of the status quo always loses
    // (u_war <= 1 - c < 1 = u_sq). With near-best responses (lambda = 1000) it never takes that step, in
    // 20 seeds; a war, if any, is the challenger's.
    ScenarioSpec spec = fixtures::two_actor_dispute(1.0, 10.0);
    spec.model.rationality = 1000.0;
    spec.metadata.horizon = 60.0;
    spec.actors[0].initial_rung = 8.0;
    spec.actors[1].initial_rung = 8.0;
    spec.actors[1].resolve = 0.9;
    spec.relations.affinities.push_back({"challenger", "target", -0.6, false});
    int escalations_by_target = 0;
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        const RunResult r = run_crisis(spec, seed);
        if (r.outcome.kind == OutcomeKind::War) {
            EXPECT_EQ(r.outcome.initiator, "challenger") << seed;
        }
        for (const auto& e : r.events) {
            escalations_by_target += e.source == 1 && e.type == EventType::Escalate;
        }
    }
    RecordProperty("escalations_by_target", escalations_by_target);
}

TEST(Crisis, FullConcessionByTheTargetIsACapitulation) {
    ScenarioSpec spec = fixtures::two_actor_dispute();
    spec.model.decisions_enabled = false;
    ScriptedEventSpec concede;
    concede.day = 3.0;
    concede.type = ScriptedEventType::Concession;
    concede.source = "target";
    concede.issue = "claim";
    concede.value = 1.0;
    spec.events.push_back(concede);
    const RunResult r = run_crisis(spec, 1);
    EXPECT_EQ(r.outcome.kind, OutcomeKind::Capitulation);
    EXPECT_DOUBLE_EQ(r.outcome.time, 3.0);
    EXPECT_EQ(r.outcome.initiator, "target");
}

TEST(Crisis, DemandMetAfterTheChallengerSoftenedItIsACompromiseNotACapitulation) {
    // The challenger concedes to 0.4 on day 2 (its demand softens from 1.0 to 0.4), the target concedes to
    // 0.4 on day 3 and meets it: both moved, so the run is a settlement, not the target's capitulation.
    // Scripted concessions to 0.97 and 1.0 instead (within the met tolerance 0.05 of the demand) are a
    // capitulation: the demand was met as first made.
    const auto run = [](double challenger_to, double target_to) {
        ScenarioSpec spec = fixtures::two_actor_dispute();
        spec.model.decisions_enabled = false;
        spec.model.bdm_interval = 365.0;
        ScriptedEventSpec soften;
        soften.day = 2.0;
        soften.type = ScriptedEventType::Concession;
        soften.source = "challenger";
        soften.issue = "claim";
        soften.value = challenger_to;
        ScriptedEventSpec concede = soften;
        concede.day = 3.0;
        concede.source = "target";
        concede.value = target_to;
        spec.events = {soften, concede};
        return run_crisis(spec, 1);
    };
    const RunResult compromise = run(0.4, 0.4);
    EXPECT_EQ(compromise.outcome.kind, OutcomeKind::Settlement);
    EXPECT_DOUBLE_EQ(compromise.outcome.time, 3.0);
    EXPECT_EQ(compromise.outcome.description,
              "Every demand is resolved: 1 met after challenger softened them");
    const RunResult in_full = run(0.97, 1.0);
    EXPECT_EQ(in_full.outcome.kind, OutcomeKind::Capitulation);
    EXPECT_EQ(in_full.outcome.initiator, "target");
    EXPECT_EQ(in_full.outcome.target, "challenger");
}

TEST(Crisis, PassingDeadlineIsLoggedAndRaisesGrievance) {
    ScenarioSpec spec = fixtures::two_actor_dispute();
    spec.model.decisions_enabled = false;
    spec.model.bdm_interval = 365.0;
    const RunResult without = run_crisis(spec, 1);
    spec.demands[0].deadline = 5.0;
    const RunResult with = run_crisis(spec, 1);
    const auto passed = of_type(with, EventType::DeadlinePassed);
    ASSERT_EQ(passed.size(), 1u);
    EXPECT_DOUBLE_EQ(passed[0].time, 5.0);
    EXPECT_TRUE(passed[0].key);
    EXPECT_DOUBLE_EQ(sample(with, 5.0, 0, Metric::Pressure), sample(without, 5.0, 0, Metric::Pressure));
    // docs/model.md §3.3: grievance doubles after the deadline, so the challenger's pressure grows faster.
    EXPECT_GT(sample(with, 20.0, 0, Metric::Pressure), sample(without, 20.0, 0, Metric::Pressure) + 0.1);
}

TEST(Crisis, ScriptedSupportRaisesAffinityAndThreatsLowerIt) {
    ScenarioSpec spec = fixtures::two_actor_dispute();
    spec.model.decisions_enabled = false;
    spec.actors.push_back(make_actor("ally", 1.0));
    ScriptedEventSpec support;
    support.day = 1.0;
    support.type = ScriptedEventType::Support;
    support.source = "ally";
    support.targets = {"target"};
    ScriptedEventSpec threat = support;
    threat.type = ScriptedEventType::Threat;
    threat.targets = {"challenger"};
    spec.events = {support, threat};
    const RunResult r = run_crisis(spec, 1);
    EXPECT_GT(r.affinity_end(2, 1), r.affinity_start(2, 1));
    EXPECT_LT(r.affinity_end(2, 0), r.affinity_start(2, 0));
    // Dyad sums: one support (053, +3.8) and one threat (130, -4.4) on day 1.
    ASSERT_EQ(r.dyads.size(), 2u);
    EXPECT_EQ(r.dyads[0].day, 1);
    EXPECT_DOUBLE_EQ(r.dyads[0].goldstein_sum + r.dyads[1].goldstein_sum, 3.8 - 4.4);
}

TEST(Crisis, HistoryIsLoggedWithNegativeTimesAndNoDyads) {
    const ScenarioSpec spec = fixtures::ukraine_like();
    RunResult r = run_crisis(spec, 3);
    ASSERT_FALSE(r.events.empty());
    EXPECT_DOUBLE_EQ(r.events.front().time, -84.0);
    for (std::size_t e = 1; e < r.events.size(); ++e) {
        EXPECT_LE(r.events[e - 1].time, r.events[e].time);
        EXPECT_EQ(r.events[e].seq, e);
    }
    for (const auto& d : r.dyads) {
        EXPECT_GE(d.day, 0);
    }
}

TEST(Crisis, BdmRoundsRunEveryIntervalOnEveryIssue) {
    ScenarioSpec spec = fixtures::two_actor_dispute();
    spec.model.decisions_enabled = false;
    spec.model.bdm_interval = 10.0;
    spec.metadata.horizon = 35.0;
    const RunResult r = run_crisis(spec, 1);
    const auto rounds = of_type(r, EventType::BdmRound);
    if (r.outcome.kind == OutcomeKind::Standoff) {
        ASSERT_EQ(rounds.size(), 3u);
        EXPECT_DOUBLE_EQ(rounds[2].time, 30.0);
    } else {
        EXPECT_GE(rounds.size(), 1u);
    }
    EXPECT_DOUBLE_EQ(rounds[0].time, 10.0);
    EXPECT_FALSE(rounds[0].key);
}

TEST(Crisis, SameSeedGivesIdenticalRunsAndDifferentSeedsDiffer) {
    const ScenarioSpec spec = fixtures::ukraine_like();
    const RunResult a = run_crisis(spec, 11);
    const RunResult b = run_crisis(spec, 11);
    const RunResult c = run_crisis(spec, 12);
    const auto key = [](const RunResult& r) {
        std::vector<std::tuple<double, int, int, int, std::string>> k;
        for (const auto& e : r.events) {
            k.emplace_back(e.time, static_cast<int>(e.type), e.source, e.target, e.description);
        }
        return k;
    };
    EXPECT_EQ(key(a), key(b));
    EXPECT_EQ(a.trajectory.size(), b.trajectory.size());
    EXPECT_EQ(a.outcome.time, b.outcome.time);
    EXPECT_NE(key(a), key(c));
}

/// Decision times of actor `actor` (its Hold events: with nobody to oppose or support, holding is all it can
/// do).
std::vector<double> hold_times(const RunResult& r, int actor) {
    std::vector<double> times;
    for (const auto& e : r.events) {
        if (e.type == EventType::Hold && e.source == actor) {
            times.push_back(e.time);
        }
    }
    return times;
}

/// Actors with no issues and no relations to one another: nothing but their own Poisson clocks makes them
/// decide.
ScenarioSpec neutrals(double horizon, std::vector<ActorSpec> actors) {
    ScenarioSpec spec;
    spec.model = fixtures::reference_params();
    spec.metadata.name = "neutrals";
    spec.metadata.horizon = horizon;
    spec.ladder = default_ladder();
    spec.actors = std::move(actors);
    return spec;
}

TEST(Crisis, ActorsDecideAtPoissonTimesOfTheirOwnRate) {
    // Two neutral actors (no issues, no hostility): nothing prompts a decision, so each decides only at the
    // times of its Poisson process (docs/model.md §7.2). Over 500 days at 2 decisions a day the count is
    // Poisson with mean 1000 and sd 31.6; the tolerance is 4 sd. The gaps are exponential with mean 1/rate,
    // so their standard deviation equals their mean: over ~1000 gaps the sample sd is within 10% of it (the
    // sd of the sample sd is about mean/sqrt(1000), 3%, so 10% is over 3 standard errors).
    const ScenarioSpec spec =
        neutrals(500.0, {make_actor("a", 1.0, 0.5, 0.2, 2.0), make_actor("b", 1.0, 0.5, 0.2, 0.5)});
    const RunResult r = run_crisis(spec, 7);
    for (const auto& [actor, rate] : {std::pair{0, 2.0}, std::pair{1, 0.5}}) {
        SCOPED_TRACE("actor " + std::to_string(actor));
        const std::vector<double> times = hold_times(r, actor);
        const double expected = rate * spec.metadata.horizon;
        EXPECT_NEAR(static_cast<double>(times.size()), expected, 4.0 * std::sqrt(expected));
        ASSERT_GT(times.size(), 100u);
        double sum = 0.0;
        double sum_sq = 0.0;
        for (std::size_t k = 1; k < times.size(); ++k) {
            const double gap = times[k] - times[k - 1];
            ASSERT_GT(gap, 0.0);
            sum += gap;
            sum_sq += gap * gap;
        }
        const double n = static_cast<double>(times.size() - 1);
        const double mean = sum / n;
        const double sd = std::sqrt(sum_sq / n - mean * mean);
        EXPECT_NEAR(mean, 1.0 / rate, 4.0 / rate / std::sqrt(n));
        EXPECT_NEAR(sd / mean, 1.0, 0.10);
    }
}

TEST(Crisis, AddingAnActorDoesNotMoveAnotherActorsDecisionTimes) {
    // Each actor draws its decision times from its own stream (actor/<id>/decide, docs/model.md §7.2): a
    // third actor that interacts with nobody leaves the first two actors' decisions exactly where they were.
    ScenarioSpec spec =
        neutrals(100.0, {make_actor("a", 1.0, 0.5, 0.2, 1.0), make_actor("b", 2.0, 0.5, 0.2, 0.7)});
    const RunResult two = run_crisis(spec, 11);
    spec.actors.insert(spec.actors.begin(), make_actor("newcomer", 3.0, 0.5, 0.2, 1.5));
    const RunResult three = run_crisis(spec, 11);
    EXPECT_EQ(hold_times(two, 0), hold_times(three, 1));
    EXPECT_EQ(hold_times(two, 1), hold_times(three, 2));
    EXPECT_FALSE(hold_times(three, 0).empty());
}

TEST(Crisis, ThirdPartiesDeclareSupportAreWarnedOffAndAnswerRequests) {
    // The third-party decisions of docs/model.md §7.3 in the Ukraine-like fixture, over 5 seeds: allies
    // declare support, Russia warns third parties off ("warns ... to stay out", CAMEO 111) and asks a patron
    // for support, and every request is answered (promise or refusal) by the party asked, before anything
    // else it does.
    const ScenarioSpec spec = fixtures::ukraine_like();
    const auto id = [&](int i) {
        return i >= 0 ? spec.actors[static_cast<std::size_t>(i)].id : std::string{};
    };
    int declarations = 0;
    int warnings = 0;
    int requests = 0;
    int answered = 0;
    for (std::uint64_t seed = 1; seed <= 5; ++seed) {
        const RunResult r = run_crisis(spec, seed);
        for (std::size_t k = 0; k < r.events.size(); ++k) {
            const EventRecord& e = r.events[k];
            if (e.time < 0.0) {
                continue;  // scripted history
            }
            if (e.type == EventType::Support) {
                ++declarations;
            }
            if (e.type == EventType::Threat && e.cameo == "111" && id(e.source) == "russia") {
                ++warnings;
            }
            if (e.type == EventType::RequestSupport) {
                ++requests;
                // The asked party's next decision answers the request (or the run ends first).
                const auto answer = std::find_if(r.events.begin() + static_cast<std::ptrdiff_t>(k) + 1,
                                                 r.events.end(), [&](const EventRecord& later) {
                                                     return later.source == e.target &&
                                                            (later.type == EventType::AnswerRequest ||
                                                             later.type == EventType::DeclineRequest ||
                                                             later.type == EventType::Hold ||
                                                             later.type == EventType::Escalate);
                                                 });
                if (answer != r.events.end()) {
                    ++answered;
                    EXPECT_TRUE(answer->type == EventType::AnswerRequest ||
                                answer->type == EventType::DeclineRequest)
                        << "seed " << seed << ": " << id(e.target) << " decided something else first";
                    // Requests are answered in the order they came: this one, or an earlier one still
                    // waiting.
                    const bool asked =
                        std::any_of(r.events.begin(), r.events.begin() + static_cast<std::ptrdiff_t>(k) + 1,
                                    [&](const EventRecord& earlier) {
                                        return earlier.type == EventType::RequestSupport &&
                                               earlier.target == e.target && earlier.source == answer->target;
                                    });
                    EXPECT_TRUE(asked) << "seed " << seed;
                }
            }
        }
    }
    EXPECT_GT(declarations, 0);
    EXPECT_GT(warnings, 0);
    EXPECT_GT(requests, 0);
    EXPECT_GT(answered, 0);
}

TEST(Crisis, VeryHighRationalityMakesTheSameDecisionsWhateverTheSeed) {
    // Decisions only in response to events (decision_rate 0): the seed can only enter through the logit
    // draws, which a rationality of 1e6 makes irrelevant when utilities have no ties.
    ScenarioSpec spec = fixtures::ukraine_like();
    spec.model.rationality = 1e6;
    spec.metadata.horizon = 60.0;
    for (auto& a : spec.actors) {
        a.decision_rate = 0.0;
    }
    const auto decisions = [&](std::uint64_t seed) {
        std::vector<std::tuple<double, int, int, int>> d;
        for (const auto& e : run_crisis(spec, seed).events) {
            d.emplace_back(e.time, static_cast<int>(e.type), e.source, e.target);
        }
        return d;
    };
    const auto first = decisions(1);
    EXPECT_GT(first.size(), spec.events.size() + 5);  // the scripted events did provoke decisions
    EXPECT_EQ(first, decisions(2));
    EXPECT_EQ(first, decisions(987654321));
}

TEST(Crisis, OverwhelmingCapabilityWithoutCostOfWarIsNotResisted) {
    // Ensemble of 20 seeds (each run is short). The target never escalates, threatens or sanctions; it
    // concedes in every run and moves most of the way to the demand. (A challenger that can fight for free
    // often attacks before the last concession arrives: its war gain is measured against the offer on the
    // table and the value of waiting, docs/model.md §11.5 and §11.8. The war is then its own, never the
    // target's.)
    ScenarioSpec spec = fixtures::two_actor_dispute(1000.0, 1.0);
    spec.actors[0].cost_of_war = 0.0;
    spec.actors[0].resolve = 1.0;
    spec.actors[1].resolve = 0.2;
    spec.actors[1].cost_of_war = 1.0;
    spec.metadata.horizon = 180.0;
    // A limit of incentives, not of noise: near-best-response choices (λ = 1000, utility gaps of 0.01 give
    // odds e^10), so that random hostile moves of the default λ = 10 do not blur it.
    spec.model.rationality = 1000.0;
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        const RunResult r = run_crisis(spec, seed);
        if (r.outcome.kind == OutcomeKind::War) {
            EXPECT_EQ(r.outcome.initiator, "challenger") << seed;
        }
        int concessions = 0;
        for (const auto& e : r.events) {
            const bool hostile =
                e.type == EventType::Escalate || e.type == EventType::Threat || e.type == EventType::Sanction;
            EXPECT_FALSE(e.source == 1 && hostile) << seed << ": " << e.description;
            concessions += e.source == 1 && e.type == EventType::Concession;
        }
        EXPECT_GE(concessions, 1) << seed;
        EXPECT_GT(r.final_positions(1, 0), 0.5) << seed;
    }
}

TEST(Crisis, ProhibitiveCostsOfWarForEveryoneMeanNoWar) {
    // 40 seeds of the Ukraine-like fixture over 120 days: if P(war) were 7% or more, 0 wars in 40 runs would
    // have probability below 6%. (Kept small for the Debug and ASan suites; bench/ runs larger ensembles.)
    ScenarioSpec spec = fixtures::ukraine_like();
    spec.metadata.horizon = 120.0;
    for (auto& a : spec.actors) {
        a.cost_of_war = 10.0;
    }
    RunOptions quick;
    quick.record_trajectory = false;
    quick.record_events = false;
    int wars = 0;
    for (std::uint64_t seed = 1; seed <= 40; ++seed) {
        wars += run_crisis(spec, seed, quick).outcome.kind == OutcomeKind::War;
    }
    EXPECT_EQ(wars, 0);
}

TEST(Crisis, RecordsTheDocumentedTrajectoryMetrics) {
    const ScenarioSpec spec = fixtures::ukraine_like();
    const RunResult r = run_crisis(spec, 5);
    ASSERT_FALSE(r.trajectory.empty());
    EXPECT_DOUBLE_EQ(r.trajectory.front().time, 0.0);
    bool support = false;
    bool prevail = false;
    for (std::size_t s = 1; s < r.trajectory.size(); ++s) {
        EXPECT_LE(r.trajectory[s - 1].time, r.trajectory[s].time);
        EXPECT_TRUE(std::isfinite(r.trajectory[s].value));
        support = support || r.trajectory[s].metric == Metric::ExpectedSupport;
        prevail = prevail || r.trajectory[s].metric == Metric::ProbabilityOfPrevailing;
    }
    EXPECT_TRUE(support);
    EXPECT_TRUE(prevail);
    RunOptions none;
    none.record_trajectory = false;
    none.record_events = false;
    const RunResult bare = run_crisis(spec, 5, none);
    EXPECT_TRUE(bare.trajectory.empty());
    EXPECT_TRUE(bare.events.empty());
    EXPECT_EQ(bare.outcome.kind, r.outcome.kind);  // recording never changes the run
    EXPECT_DOUBLE_EQ(bare.outcome.time, r.outcome.time);
}

TEST(Crisis, WithoutEventSamplesTheTrajectoryHasOnlyIntervalTimesAndTheOutcome) {
    ScenarioSpec spec = fixtures::ukraine_like();
    const RunResult with_events = run_crisis(spec, 5);
    spec.output.event_samples = false;
    const RunResult interval_only = run_crisis(spec, 5);
    EXPECT_EQ(interval_only.outcome.kind, with_events.outcome.kind);  // sampling never changes the run
    EXPECT_DOUBLE_EQ(interval_only.outcome.time, with_events.outcome.time);
    ASSERT_FALSE(interval_only.trajectory.empty());
    EXPECT_LT(interval_only.trajectory.size(), with_events.trajectory.size());
    bool off_grid_in_full = false;
    for (const TrajectorySample& row : with_events.trajectory) {
        off_grid_in_full = off_grid_in_full || row.time != std::floor(row.time);
    }
    EXPECT_TRUE(off_grid_in_full);  // the default run samples at events between the days
    // The run ends at the outcome's instant, or when its war ends (§12.2).
    const double end = std::isfinite(interval_only.outcome.war.end) ? interval_only.outcome.war.end
                                                                    : interval_only.outcome.time;
    for (const TrajectorySample& row : interval_only.trajectory) {
        // Whole days (sample_interval 1), or the outcome's instant, or the end of the run.
        EXPECT_TRUE(row.time == std::floor(row.time) || row.time == interval_only.outcome.time ||
                    row.time == end)
            << row.time;
    }
}

TEST(Crisis, RejectsInconsistentSpecs) {
    ScenarioSpec spec = fixtures::two_actor_dispute();
    spec.demands[0].targets = {"nobody"};
    EXPECT_THROW(run_crisis(spec, 1), std::invalid_argument);
    ScenarioSpec empty;
    EXPECT_THROW(run_crisis(empty, 1), std::invalid_argument);
}

}  // namespace brink::model
