// Talks and the multilateral rounds (docs/model.md §3.4, §4.5, with the building blocks of §5 and §6).
#include "brink/model/talks.hpp"

#include "brink/model/bargaining.hpp"
#include "brink/model/coalitions.hpp"
#include "brink/model/offers.hpp"
#include "brink/model/relations.hpp"
#include "priorities.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace brink::model {

namespace {

/// docs/model.md §4.5: "agree to keep talking" schedules talks a week later.
constexpr double k_follow_up_days = 7.0;
/// docs/model.md §7.3: an accepted proposal meets three days later.
constexpr double k_meeting_delay = 3.0;
/// docs/model.md §4.5: failed talks raise both sides' pressure by half a rung.
constexpr double k_failed_talks_jump = 0.5;
/// docs/model.md §4.5: an agreement steps both sides down one rung.
constexpr double k_agreement_step = 1.0;
/// docs/model.md §4.5: after "agree to keep talking" each side moves half its reach toward the agreement.
constexpr double k_partial_move = 0.5;

std::pair<int, int> pair_key(int i, int j) {
    return {std::min(i, j), std::max(i, j)};
}

}  // namespace

TalksProcess::TalksProcess(CrisisState& state, engine::Simulation& sim, Effects& effects)
    : m_state(state), m_sim(sim), m_effects(effects) {}

void TalksProcess::arrange(int proposer, int other, int issue) {
    const auto key = pair_key(proposer, other);
    const double at = m_sim.now() + k_meeting_delay;
    if (at <= m_state.horizon && !m_state.meetings.count(key)) {
        m_state.meetings[key] =
            m_sim.schedule_at(at, k_priority_meeting, [this, proposer, other, issue](engine::Simulation&) {
                meeting(proposer, other, issue, true, "");
            });
    }
}

void TalksProcess::call_off(int actor) {
    // docs/model.md §4.5: military action calls off the talks pending with the actor; the other side halts
    // them (Blinken called off his meeting with Lavrov on 22 February 2022, after Russia sent troops into the
    // Donbas), and neither proposes new talks to the other for a week.
    CrisisState& s = m_state;
    std::vector<std::pair<int, int>> pending;  // meetings is ordered: pairs in ascending order
    for (const auto& [pair, handle] : s.meetings) {
        if (pair.first == actor || pair.second == actor) {
            pending.push_back(pair);
        }
    }
    for (const auto& pair : pending) {
        const int other = pair.first == actor ? pair.second : pair.first;
        m_sim.cancel(s.meetings[pair]);
        s.meetings.erase(pair);
        s.last_contact(actor, other) = m_sim.now();
        s.last_contact(other, actor) = m_sim.now();
        m_effects.log({EventType::TalksCalledOff, other, actor, -1, 0.0, "164", true},
                      [&] { return s.speaker(other) + " calls off talks with " + s.speaker(actor); });
        m_effects.prompt_decision(other);
    }
}

void TalksProcess::meeting(int source, int target, int issue, bool key, const std::string& description) {
    CrisisState& s = m_state;
    if (s.finished || s.at_war) {
        return;
    }
    s.meetings.erase(pair_key(source, target));
    if (issue < 0) {
        issue = s.contested_issue(source, target);
    }
    m_effects.log(
        {EventType::Meeting, source, target, issue, issue >= 0 ? s.status_quo(issue) : 0.0, "040", key}, [&] {
            return description.empty() ? s.speaker(source) + " meets " + s.speaker(target) : description;
        });
    if (issue < 0 || !s.holds(source, issue) || !s.holds(target, issue)) {
        m_effects.sample(SampleKind::Event);
        return;
    }
    // Orient the issue so that A wants high values (bargaining.hpp).
    const bool source_high = s.position(source, issue) >= s.position(target, issue);
    const int a = source_high ? source : target;
    const int b = source_high ? target : source;
    // docs/model.md §4.5: each side's own estimate (its chance and the costs it reckons with, §11.1) sets its
    // end of the range.
    const WarProspect by_a = war_prospect(s, a, b, issue, View{a}, m_sim.now());
    const WarProspect by_b = war_prospect(s, b, a, issue, View{b}, m_sim.now());
    const BargainingRange range = bargaining_range(s, a, b, by_a, by_b);
    DemandState* demand = s.demand_between(source, target, issue);
    if (range.empty()) {
        fail(source, target, issue, demand);
        return;
    }
    // docs/model.md §4.5: resolute actors are more patient (a shorter effective delay per round).
    const auto patience = [&](int i) {
        return discount_over(s.spec.model.discount_per_day,
                             s.spec.model.talks_duration * (1.5 - s.resolve(i)));
    };
    const double agreement = rubinstein_agreement(range, patience(a), patience(b), a == source);
    const double move_a = std::abs(s.position(a, issue) - agreement);
    const double move_b = std::abs(s.position(b, issue) - agreement);
    if (move_a <= s.reach(a, issue) && move_b <= s.reach(b, issue)) {
        agree(source, target, a, b, issue, agreement, demand != nullptr);
    } else {
        keep_talking(source, target, a, b, issue, agreement);
    }
    m_effects.update_demands();
    m_effects.refresh_grievance();
    m_effects.prompt_decision(source);
    m_effects.prompt_decision(target);
    m_effects.check_resolution();
    m_effects.sample(SampleKind::Event);
}

void TalksProcess::fail(int source, int target, int issue, const DemandState* demand) {
    // docs/model.md §4.5: no range: the talks fail and the side asked (the target of the demand) rejects.
    CrisisState& s = m_state;
    const int rejecter = demand ? (demand->challenger == source ? target : source) : target;
    const int other = rejecter == source ? target : source;
    m_effects.log({EventType::TalksFailed, source, target, issue, s.status_quo(issue), "12", true}, [&] {
        return "Talks between " + s.speaker(source) + " and " + s.speaker(target) +
               " fail: no bargaining range";
    });
    m_effects.log({EventType::Reject, rejecter, other, issue, s.status_quo(issue), "1232", true},
                  [&] { return s.speaker(rejecter) + " rejects " + s.name(other) + "'s terms"; });
    m_effects.jump_pressure(source, k_failed_talks_jump);
    m_effects.jump_pressure(target, k_failed_talks_jump);
    m_effects.prompt_decision(source);
    m_effects.prompt_decision(target);
    m_effects.sample(SampleKind::Event);
}

void TalksProcess::agree(int source, int target, int a, int b, int issue, double agreement,
                         bool settles_demand) {
    CrisisState& s = m_state;
    s.move_position(a, issue, agreement);
    s.move_position(b, issue, agreement);
    // docs/model.md §4.5: the world's status quo changes only when the agreement settles a demand.
    if (settles_demand) {
        s.status_quo(issue) = agreement;
    }
    for (auto& d : s.demands) {
        for (std::size_t t = 0; t < d.targets.size(); ++t) {
            const bool between =
                (d.challenger == a && d.targets[t] == b) || (d.challenger == b && d.targets[t] == a);
            if (d.active && d.issue == issue && between && d.status[t] == TargetStatus::Open) {
                d.status[t] = TargetStatus::Agreed;
                s.mark_opponents_dirty();
            }
        }
    }
    m_effects.log({EventType::TalksAgreement, source, target, issue, agreement, "057", true}, [&] {
        return s.speaker(source) + " and " + s.speaker(target) + " agree on " + s.issue_name(issue);
    });
    m_effects.jump_pressure(source, -k_agreement_step);
    m_effects.jump_pressure(target, -k_agreement_step);
}

void TalksProcess::keep_talking(int source, int target, int a, int b, int issue, double agreement) {
    // "Agree to keep talking": each side moves half its reach toward the agreement point, and talks resume
    // a week later (Geneva, 21 January 2022).
    CrisisState& s = m_state;
    for (const int i : {a, b}) {
        const double x = s.position(i, issue);
        const double step = std::min(k_partial_move * s.reach(i, issue), std::abs(agreement - x));
        s.move_position(i, issue, x + (agreement > x ? step : -step));
    }
    m_effects.log({EventType::TalksPartial, source, target, issue, agreement, "036", true},
                  [&] { return s.speaker(source) + " and " + s.speaker(target) + " agree to keep talking"; });
    const auto key = pair_key(source, target);
    if (!s.meetings.count(key) && m_sim.now() + k_follow_up_days <= s.horizon) {
        s.meetings[key] = m_sim.schedule_at(m_sim.now() + k_follow_up_days, k_priority_meeting,
                                            [this, source, target, issue](engine::Simulation&) {
                                                meeting(source, target, issue, false, "");
                                            });
    }
}

void TalksProcess::start_rounds() {
    const CrisisState& s = m_state;
    if (s.m > 0 && s.spec.model.bdm_interval > 0.0 && s.spec.model.bdm_interval <= s.horizon) {
        m_sim.schedule_at(s.spec.model.bdm_interval, k_priority_bdm,
                          [this](engine::Simulation&) { run_bdm_round(); });
    }
}

void TalksProcess::run_bdm_round() {
    CrisisState& s = m_state;
    if (s.finished) {
        return;
    }
    if (s.at_war) {
        // docs/model.md §12.2: positions are fought over, not voted on, while a war is fought.
        m_sim.schedule_at(m_sim.now() + s.spec.model.bdm_interval, k_priority_bdm,
                          [this](engine::Simulation&) { run_bdm_round(); });
        return;
    }
    std::vector<BdmActor>& actors = m_bdm_actors;
    std::vector<int>& who = m_bdm_who;
    for (int k = 0; k < s.m; ++k) {
        actors.clear();
        who.clear();
        for (int i = 0; i < s.n; ++i) {
            if (s.holds(i, k)) {
                actors.push_back({s.share(i), s.position(i, k), s.salience(i, k)});
                who.push_back(i);
            }
        }
        if (actors.size() < 2) {
            continue;
        }
        BdmRound& round = m_bdm_round;
        bdm_round(actors, BdmParams{}, round);
        // docs/model.md §3.4: an actor moves toward its BDM position by at most its per-meeting reach.
        std::vector<double>& moved_to = m_bdm_moved_to;
        moved_to.resize(who.size());
        for (std::size_t a = 0; a < who.size(); ++a) {
            const int i = who[a];
            const double limit = s.reach(i, k);
            const double x = s.position(i, k);
            moved_to[a] =
                x + std::clamp(round.new_positions(static_cast<Eigen::Index>(a)) - x, -limit, limit);
        }
        m_effects.bdm_round_done(k, who, round, moved_to);
        for (std::size_t a = 0; a < who.size(); ++a) {
            s.move_position(who[a], k, moved_to[a]);
        }
        m_effects.log({EventType::BdmRound, -1, -1, k, round.median_position, "", false}, [&] {
            return "Positions on " + s.issue_name(k) + " shift (weighted median " +
                   std::to_string(round.median_position).substr(0, 4) + ")";
        });
    }
    m_effects.update_demands();
    m_effects.refresh_grievance();
    m_effects.check_resolution();
    const double next = m_sim.now() + s.spec.model.bdm_interval;
    if (!s.finished && next <= s.horizon) {
        m_sim.schedule_at(next, k_priority_bdm, [this](engine::Simulation&) { run_bdm_round(); });
    }
    m_effects.sample(SampleKind::Event);
}

}  // namespace brink::model
