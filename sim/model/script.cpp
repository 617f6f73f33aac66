// The scenario's script: history and scheduled events (docs/model.md §1.3).
#include "brink/model/script.hpp"

#include "brink/model/relations.hpp"
#include "priorities.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

namespace brink::model {

namespace {

EventType scripted_type(ScriptedEventType type) {
    switch (type) {
        case ScriptedEventType::Statement:
            return EventType::Statement;
        case ScriptedEventType::Meeting:
            return EventType::Meeting;
        case ScriptedEventType::Demand:
            return EventType::Demand;
        case ScriptedEventType::Reject:
            return EventType::Reject;
        case ScriptedEventType::Support:
            return EventType::Support;
        case ScriptedEventType::Threat:
            return EventType::Threat;
        case ScriptedEventType::Sanction:
            return EventType::Sanction;
        case ScriptedEventType::Mobilisation:
            return EventType::Mobilisation;
        case ScriptedEventType::Concession:
            return EventType::Concession;
    }
    return EventType::Statement;
}

/// docs/scenario-format.md: the CAMEO code of a scripted event that names none.
const char* default_scripted_cameo(ScriptedEventType type) {
    switch (type) {
        case ScriptedEventType::Statement:
            return "010";
        case ScriptedEventType::Meeting:
            return "040";
        case ScriptedEventType::Demand:
            return "100";
        case ScriptedEventType::Reject:
            return "12";
        case ScriptedEventType::Support:
            return "053";
        case ScriptedEventType::Threat:
            return "130";
        case ScriptedEventType::Sanction:
            return "163";
        case ScriptedEventType::Mobilisation:
            return "154";
        case ScriptedEventType::Concession:
            return "08";
    }
    return "010";
}

/// A scripted event's description: its own, or "<speaker> (<type>) to <speaker>".
std::string describe(const CrisisState& s, const ScriptedEventSpec& event, int source, int target) {
    if (!event.description.empty()) {
        return event.description;
    }
    std::string text = s.speaker(source) + " (" + to_string(event.type) + ")";
    if (target >= 0) {
        text += " to " + s.speaker(target);
    }
    return text;
}

}  // namespace

Script::Script(CrisisState& state, engine::Simulation& sim, Effects& effects)
    : m_state(state), m_sim(sim), m_effects(effects) {}

void Script::schedule() {
    for (const auto& event : m_state.spec.events) {
        if (event.day >= 0.0 && event.day <= m_state.horizon) {
            m_sim.schedule_at(event.day, k_priority_script, [this, &event](engine::Simulation&) {
                if (!m_state.finished) {
                    run(event, false);
                    m_effects.sample(SampleKind::Event);
                }
            });
        }
    }
}

void Script::apply_history() {
    CrisisState& s = m_state;
    // History (day < 0) in time order: scripted events and demands made before the start.
    struct Item {
        double time;
        int order;
        int script;  // index into spec.events or -1
        int demand;  // index into s.demands or -1
    };
    std::vector<Item> items;
    int order = 0;
    std::vector<bool> scripted_demand(s.demands.size(), false);
    for (std::size_t e = 0; e < s.spec.events.size(); ++e) {
        const auto& event = s.spec.events[e];
        if (event.type == ScriptedEventType::Demand) {
            for (std::size_t d = 0; d < s.demands.size(); ++d) {
                if (s.demands[d].id == event.demand) {
                    scripted_demand[d] = true;
                }
            }
        }
        if (event.day < 0.0) {
            items.push_back({event.day, order++, static_cast<int>(e), -1});
        }
    }
    for (std::size_t d = 0; d < s.demands.size(); ++d) {
        if (s.demands[d].made < 0.0 && !scripted_demand[d]) {
            items.push_back({s.demands[d].made, order++, -1, static_cast<int>(d)});
        }
    }
    std::stable_sort(items.begin(), items.end(),
                     [](const Item& a, const Item& b) { return a.time < b.time; });
    // The engine's clock starts at 0; history is applied before the run and logged with its own (negative)
    // time.
    for (const Item& item : items) {
        s.history_time = item.time;
        if (item.script >= 0) {
            run(s.spec.events[ix(item.script)], true);
        } else {
            m_effects.activate_demand(item.demand, true, nullptr);
        }
    }
    s.history_time = std::numeric_limits<double>::quiet_NaN();
    // Demands made before the start but activated by a scripted event after it stay inactive until then;
    // those made at or before day 0 with no scripted event are active from the start.
    for (std::size_t d = 0; d < s.demands.size(); ++d) {
        if (s.demands[d].made <= 0.0 && !scripted_demand[d]) {
            s.demands[d].active = true;
        }
    }
}

void Script::run(const ScriptedEventSpec& event, bool history) {
    CrisisState& s = m_state;
    const int source = s.actor_index(event.source);
    std::vector<int> targets;
    for (const auto& t : event.targets) {
        targets.push_back(s.actor_index(t));
    }
    const int issue = event.issue.empty() ? -1 : s.issue_index(event.issue);
    if (event.type == ScriptedEventType::Meeting && !targets.empty() && !history) {
        m_effects.meeting(source, targets.front(), issue, true, describe(s, event, source, targets.front()));
    } else if (event.type == ScriptedEventType::Demand && !event.demand.empty()) {
        const int d = s.demand_index(event.demand);
        if (d < 0) {
            throw std::invalid_argument("scripted event names unknown demand '" + event.demand + "'");
        }
        m_effects.activate_demand(d, history, &event);
    } else {
        const std::string cameo = event.cameo.empty() ? default_scripted_cameo(event.type) : event.cameo;
        for (const int t : targets.empty() ? std::vector<int>{-1} : targets) {
            apply_to_target(event, cameo, source, t, issue, history);
        }
    }
    if (history) {
        // docs/model.md §1.3: history applies its explicit pressure_delta only (initial_rung states the day-0
        // pressure; a mobilisation before the start is already in it). No event, no crossing search.
        if (event.pressure_delta != 0.0) {
            s.pressure->jump(source, event.pressure_delta, 0.0);
            s.rung[ix(source)] =
                std::min(rung_at(s.thresholds, s.pressure->value(source, 0.0)), s.war_rung_index);
        }
        return;
    }
    double jump = event.pressure_delta;
    if (event.type == ScriptedEventType::Mobilisation && jump == 0.0) {
        jump = k_escalation_step;
    }
    if (jump != 0.0) {
        m_effects.jump_pressure(source, jump);
        // §2.3: a scripted jump past the war threshold is the analyst's statement that the war begins.
        if (!s.finished && s.pressure->value(source, m_sim.now()) >= s.thresholds[ix(s.war_rung_index)]) {
            m_effects.step_onto_war(source);
        }
    }
    m_effects.update_demands();
    m_effects.refresh_grievance();
    m_effects.check_resolution();
}

void Script::apply_to_target(const ScriptedEventSpec& event, std::string_view cameo, int source, int t,
                             int issue, bool history) {
    CrisisState& s = m_state;
    m_effects.log({scripted_type(event.type), source, t, issue, event.value, cameo, true},
                  [&] { return describe(s, event, source, t); });
    Relations& r = s.relations;
    switch (event.type) {
        case ScriptedEventType::Support:
            if (t >= 0) {
                r.declared(source, t) = std::min(1.0, r.declared(source, t) + k_declaration_step);
                s.note_relations_written(source, t);
            }
            break;
        case ScriptedEventType::Threat:
            if (t >= 0) {
                r.deterred(t, source) = std::min(1.0, r.deterred(t, source) + k_warning_effect);
                s.note_relations_written(t, source);
                s.threat_line(source, t) = s.rung[ix(t)];  // §11.7: what it threatened is now held back
            }
            if (event.in_public && !history) {
                // docs/model.md §11.3: a public threat commits its author before its audience; a private one
                // does not, and tells the target nothing it can believe (§11.2).
                const double salience =
                    issue >= 0 && s.holds(source, issue) ? s.salience(source, issue) : 0.5;
                s.commit_publicly(source, k_threat_commitment, salience, salience);
            }
            break;
        case ScriptedEventType::Sanction:
            if (t >= 0) {
                s.sanction_cost(t) += k_sanction_cost;
            }
            break;
        case ScriptedEventType::Concession:
            if (issue >= 0 && !std::isnan(event.value)) {
                s.move_position(source, issue, event.value);
            }
            break;
        default:
            break;
    }
    if (event.affinity_delta != 0.0 && t >= 0) {
        shift_affinity(r, source, t, event.affinity_delta);
        s.note_relations_written(source, t);
        s.note_relations_written(t, source);
        m_effects.relations_changed();
    }
    if (!history && t >= 0) {
        m_effects.prompt_decision(t);
    }
}

}  // namespace brink::model
