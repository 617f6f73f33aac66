// Demands and grievance (docs/model.md §3).
#include "brink/model/demands.hpp"

#include "priorities.hpp"

#include <cmath>
#include <string>
#include <vector>

namespace brink::model {

namespace {

/// docs/model.md §3.1: targets feel half the grievance of challengers.
constexpr double k_target_grievance = 0.5;
/// docs/model.md §3.3: the challenger's grievance doubles once its deadline has passed.
constexpr double k_deadline_multiplier = 2.0;
/// The CAMEO code of a demand that names no other (1042 "demand policy change" is the decision's).
constexpr const char* k_demand_cameo = "100";

/// A demanded value within this of an end of the issue is that end, in words.
constexpr double k_end_tolerance = 0.005;

/// A position for people: two decimals at most ("0.83", "0.5", "1").
std::string position_text(double value) {
    const long hundredths = std::lround(value * 100.0);
    std::string text =
        std::to_string(hundredths / 100) + "." + std::to_string(100 + hundredths % 100).substr(1);
    while (text.back() == '0') {
        text.pop_back();
    }
    if (text.back() == '.') {
        text.pop_back();
    }
    return text;
}

}  // namespace

// Never "NATO enlargement = 0.83": the issue's own words, and positions rounded.
std::string demanded_text(const IssueSpec& issue, double value) {
    const bool high_named = issue.high != "1" && !issue.high.empty();
    const bool low_named = issue.low != "0" && !issue.low.empty();
    if (value >= 1.0 - k_end_tolerance && high_named) {
        return "accept \"" + issue.high + "\" on " + issue.name;
    }
    if (value <= k_end_tolerance && low_named) {
        return "accept \"" + issue.low + "\" on " + issue.name;
    }
    std::string text = "move to " + position_text(value) + " on " + issue.name;
    if (value >= 0.5 && high_named) {
        text += " (1 = " + issue.high + ")";
    } else if (value < 0.5 && low_named) {
        text += " (0 = " + issue.low + ")";
    } else {
        text += " (on a scale of 0 to 1)";
    }
    return text;
}

Eigen::VectorXd grievance_vector(const CrisisState& state) {
    // docs/model.md §3.1: g_c = grievance · Σ_d m_d s_c · mean_t gap_dt for challengers,
    // g_t = 0.5 · grievance · s_t · gap_dt for each open demand on target t.
    Eigen::VectorXd g = Eigen::VectorXd::Zero(state.n);
    for (const auto& d : state.demands) {
        if (!d.active) {
            continue;
        }
        const double multiplier = d.deadline_passed ? k_deadline_multiplier : 1.0;
        double mean_gap = 0.0;
        for (std::size_t t = 0; t < d.targets.size(); ++t) {
            if (d.status[t] != TargetStatus::Open) {
                continue;
            }
            const int ti = d.targets[t];
            const double sq_gap = std::abs(state.status_quo(d.issue) - d.value);
            const double gap = state.holds(ti, d.issue)
                                   ? std::min(sq_gap, std::abs(state.position(ti, d.issue) - d.value))
                                   : sq_gap;
            mean_gap += gap / static_cast<double>(d.targets.size());
            g(ti) += k_target_grievance * state.salience(ti, d.issue) * gap;
        }
        g(d.challenger) += multiplier * state.salience(d.challenger, d.issue) * mean_gap;
    }
    return state.spec.model.grievance * g;
}

void update_demands(CrisisState& state) {
    state.mark_opponents_dirty();
    for (auto& d : state.demands) {
        if (!d.active) {
            continue;
        }
        // §3.2, §12.6: the challenger softens its demand as it moves toward what it demands against: the
        // status quo of the moment, or what the targets want back when the challenger holds the good.
        const double q =
            state.issue_holder[ix(d.issue)] == d.challenger ? d.baseline : state.status_quo(d.issue);
        const double xc =
            state.holds(d.challenger, d.issue) ? state.position(d.challenger, d.issue) : d.value;
        if (std::abs(xc - q) < std::abs(d.value - q)) {
            d.value = xc;
        }
        const bool withdrawn = std::abs(d.value - q) <= d.tolerance();
        bool all_met = true;
        for (std::size_t t = 0; t < d.targets.size(); ++t) {
            if (d.status[t] != TargetStatus::Open) {
                all_met = all_met && d.status[t] != TargetStatus::Withdrawn;
                continue;
            }
            const int ti = d.targets[t];
            if (withdrawn) {
                d.status[t] = TargetStatus::Withdrawn;
                all_met = false;
            } else if (state.holds(ti, d.issue) &&
                       std::abs(state.position(ti, d.issue) - d.value) <= d.tolerance()) {
                d.status[t] = TargetStatus::Met;
            } else {
                all_met = false;
            }
        }
        if (all_met && !withdrawn) {
            state.status_quo(d.issue) = d.value;
        }
    }
}

DemandProcess::DemandProcess(CrisisState& state, engine::Simulation& sim, Effects& effects)
    : m_state(state), m_sim(sim), m_effects(effects) {}

void DemandProcess::schedule() {
    const CrisisState& s = m_state;
    for (std::size_t d = 0; d < s.demands.size(); ++d) {
        const DemandState& demand = s.demands[d];
        const int index = static_cast<int>(d);
        if (demand.made > 0.0 && demand.made <= s.horizon && !demand.active) {
            bool scripted = false;
            for (const auto& event : s.spec.events) {
                scripted = scripted || (event.type == ScriptedEventType::Demand && event.demand == demand.id);
            }
            if (!scripted) {
                m_sim.schedule_at(demand.made, k_priority_script, [this, index](engine::Simulation&) {
                    activate(index, false, nullptr);
                    m_effects.sample(SampleKind::Event);
                });
            }
        }
        if (!std::isnan(demand.deadline) && demand.deadline >= 0.0 && demand.deadline <= s.horizon) {
            m_sim.schedule_at(demand.deadline, k_priority_deadline,
                              [this, index](engine::Simulation&) { on_deadline(index); });
        }
    }
}

void DemandProcess::activate(int index, bool history, const ScriptedEventSpec* scripted) {
    CrisisState& s = m_state;
    DemandState& demand = s.demands[ix(index)];
    const bool first = !demand.active;
    demand.active = true;
    if (first) {
        // §11.8: the challenger reads the targets' firmness from now (from day 0 for a demand made before it:
        // what was learnt before is in the scenario's beliefs).
        demand.firmness_read.assign(demand.targets.size(), std::max(0.0, m_sim.now()));
    }
    s.mark_opponents_dirty();
    demand.last_reiterated = m_sim.now();
    std::vector<int> targets = demand.targets;
    if (scripted != nullptr && !scripted->targets.empty()) {
        targets.clear();
        for (const auto& t : scripted->targets) {
            targets.push_back(s.actor_index(t));
        }
    }
    const std::string cameo =
        scripted != nullptr && !scripted->cameo.empty() ? scripted->cameo : k_demand_cameo;
    const EventType type = first || scripted != nullptr ? EventType::Demand : EventType::Reiterate;
    for (const int t : targets) {
        m_effects.log({type, demand.challenger, t, demand.issue, demand.value, cameo, true}, [&] {
            if (scripted != nullptr && !scripted->description.empty()) {
                return scripted->description;
            }
            return s.speaker(demand.challenger) +
                   (first ? " demands that " : " reiterates the demand that ") + s.name(t) + " " +
                   demanded_text(s.spec.issues[ix(demand.issue)], demand.value);
        });
        if (!history) {
            m_effects.prompt_decision(t);
        }
    }
    if (!history) {
        m_effects.refresh_grievance();
    }
}

void DemandProcess::on_deadline(int index) {
    CrisisState& s = m_state;
    DemandState& demand = s.demands[ix(index)];
    if (!demand.active || s.finished || s.at_war || !demand.open()) {
        return;
    }
    demand.deadline_passed = true;
    if (demand.threat_rung >= 0) {
        // docs/model.md §11.3: an ultimatum's threat commits its author publicly to the rung it named.
        double& committed = s.public_commitment[ix(demand.challenger)];
        committed = std::max(committed, static_cast<double>(demand.threat_rung) / s.war_rung);
    }
    m_effects.log({EventType::DeadlinePassed, demand.challenger, -1, demand.issue, demand.value, "", true},
                  [&] {
                      return "Deadline of " + s.name(demand.challenger) + "'s demand on " +
                             s.issue_name(demand.issue) + " passes unmet";
                  });
    m_effects.refresh_grievance();
    m_effects.prompt_decision(demand.challenger);
    m_effects.sample(SampleKind::Event);
}

}  // namespace brink::model
