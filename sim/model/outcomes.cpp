// How a run ends (docs/model.md §8).
#include "brink/model/outcomes.hpp"

#include <cmath>
#include <string>

namespace brink::model {

namespace {

/// Counts of the (demand, target) pairs by how they were resolved (docs/model.md §8).
struct Resolution {
    int agreed = 0;
    int met = 0;
    int compromised = 0;
    int withdrawn = 0;
    int last_met = -1;  ///< The last target that met a demand as first demanded.
    int challenger = -1;
    bool one_challenger = true;
};

/// The resolution of every pair, or false if some pair is still open.
bool resolve_all(const CrisisState& state, Resolution& r) {
    for (const auto& d : state.demands) {
        for (std::size_t t = 0; t < d.targets.size(); ++t) {
            switch (d.status[t]) {
                case TargetStatus::Open:
                    return false;
                case TargetStatus::Agreed:
                    ++r.agreed;
                    break;
                case TargetStatus::Met:
                    // A demand met only after its challenger softened it by more than the met tolerance is a
                    // compromise (both sides moved), not a capitulation of the targets.
                    if (std::abs(d.value - d.demanded) > d.tolerance()) {
                        ++r.compromised;
                    } else {
                        ++r.met;
                        r.last_met = d.targets[t];
                    }
                    break;
                case TargetStatus::Withdrawn:
                    ++r.withdrawn;
                    break;
            }
            r.one_challenger = r.one_challenger && (r.challenger < 0 || r.challenger == d.challenger);
            r.challenger = d.challenger;
        }
    }
    return true;
}

}  // namespace

Outcomes::Outcomes(CrisisState& state, engine::Simulation& sim, Effects& effects)
    : m_state(state), m_sim(sim), m_effects(effects) {}

void Outcomes::check_resolution() {
    CrisisState& s = m_state;
    Resolution r;
    if (s.finished || s.at_war || s.demands.empty() || !resolve_all(s, r)) {
        return;
    }
    s.finished = true;
    Outcome& o = m_outcome;
    o.time = m_sim.now();
    if (r.agreed == 0 && r.compromised == 0 && r.withdrawn == 0) {
        o.kind = OutcomeKind::Capitulation;
        o.initiator = s.actor_ids[ix(r.last_met)];
        o.target = s.actor_ids[ix(r.challenger)];
        o.description = s.name(r.last_met) + " gives in to " + s.name(r.challenger) + "'s demands";
        m_effects.log({EventType::Capitulation, r.last_met, r.challenger, -1, 0.0, "", true},
                      [&] { return o.description; });
    } else if (r.agreed == 0 && r.compromised == 0 && r.met == 0) {
        o.kind = OutcomeKind::Capitulation;
        o.initiator = s.actor_ids[ix(r.challenger)];
        o.description = s.name(r.challenger) + " withdraws its demands";
        m_effects.log({EventType::Capitulation, r.challenger, -1, -1, 0.0, "", true},
                      [&] { return o.description; });
    } else {
        o.kind = OutcomeKind::Settlement;
        std::string how;
        const auto part = [&](int count, const std::string& what) {
            if (count > 0) {
                how += (how.empty() ? "" : ", ") + std::to_string(count) + " " + what;
            }
        };
        part(r.agreed, "agreed at talks");
        part(r.compromised, "met after " +
                                (r.one_challenger ? s.name(r.challenger) : std::string("the challengers")) +
                                " softened them");
        part(r.met, "met in full");
        part(r.withdrawn, "withdrawn");
        o.description = "Every demand is resolved: " + how;
        m_effects.log({EventType::Settlement, -1, -1, -1, 0.0, "", true}, [&] { return o.description; });
    }
    m_sim.request_stop();
}

int Outcomes::declare_war(int initiator, int target) {
    CrisisState& s = m_state;
    if (s.finished) {
        return -1;
    }
    const int opponent = s.opponent(initiator);
    if (target < 0 && s.mechanisms().extended_deterrence && opponent >= 0) {
        // docs/model.md §11.1: the war is fought against the initiator's war target.
        target = s.war_target(initiator, opponent, s.contested_issue(initiator, opponent));
    }
    if (target < 0) {
        // docs/model.md §8: against the actor the initiator was most hostile to at day 0, among those it is
        // still hostile to (Russia's war is against Ukraine, not against the United States it bargains with;
        // Austria-Hungary's against Serbia, not against the Russia it traded warnings with); the main
        // opponent if it is hostile to nobody.
        for (int j = 0; j < s.n; ++j) {
            if (j != initiator && s.relations.affinity(initiator, j) < 0.0 &&
                (target < 0 || s.standing_affinity(initiator, j) < s.standing_affinity(initiator, target))) {
                target = j;
            }
        }
    }
    if (target < 0) {
        target = opponent;
    }
    Outcome& o = m_outcome;
    o.kind = OutcomeKind::War;
    o.time = m_sim.now();
    o.war.start = o.time;
    o.initiator = s.actor_ids[ix(initiator)];
    o.target = target >= 0 ? s.actor_ids[ix(target)] : std::string{};
    o.description =
        s.name(initiator) + " goes to war" + (target >= 0 ? " against " + s.name(target) : std::string{});
    m_effects.log({EventType::War, initiator, target, -1, 0.0, "190", true}, [&] { return o.description; });
    if (!s.mechanisms().war_process || target < 0) {
        s.finished = true;
        o.war.how = WarEnd::FirstShot;
        m_sim.request_stop();
    }
    return target;
}

void Outcomes::fait_accompli(int seizer, int holder, int demand) {
    CrisisState& s = m_state;
    if (s.finished) {
        return;
    }
    s.finished = true;
    DemandState& d = s.demands[ix(demand)];
    for (auto& status : d.status) {
        if (status == TargetStatus::Open) {
            status = TargetStatus::Met;
        }
    }
    m_fait_accompli_demand = demand;
    Outcome& o = m_outcome;
    o.kind = OutcomeKind::FaitAccompli;
    o.time = m_sim.now();
    o.initiator = s.actor_ids[ix(seizer)];
    o.target = s.actor_ids[ix(holder)];
    o.description = s.name(holder) + " accepts " + s.name(seizer) + "'s seizure of " + s.issue_name(d.issue);
    m_effects.log({EventType::FaitAccompli, seizer, holder, d.issue, d.value, "", true},
                  [&] { return o.description; });
    m_sim.request_stop();
}

void Outcomes::set_principal_outcomes(ActorOutcome challengers, ActorOutcome targets) {
    const CrisisState& s = m_state;
    for (const auto& d : s.demands) {
        if (!d.active) {
            continue;
        }
        m_outcome.actor_outcomes[s.actor_ids[ix(d.challenger)]] = challengers;
        for (const int t : d.targets) {
            m_outcome.actor_outcomes[s.actor_ids[ix(t)]] = targets;
        }
        if (d.war_target >= 0) {
            m_outcome.actor_outcomes[s.actor_ids[ix(d.war_target)]] = targets;
        }
    }
}

void Outcomes::conclude(const std::map<std::string, ActorOutcome>& war_outcomes) {
    const CrisisState& s = m_state;
    Outcome& o = m_outcome;
    // docs/model.md §12.1: ICB's violence scale from what happened.
    int clashes = 0;
    for (const int c : s.clashes) {
        clashes += c;
    }
    o.violence = o.kind == OutcomeKind::War ? 4 : (s.seized || clashes >= 3) ? 3 : clashes >= 1 ? 2 : 1;
    // docs/model.md §12.3: the outcome for each principal, in ICB's terms.
    switch (o.kind) {
        case OutcomeKind::War:
            o.actor_outcomes = war_outcomes;
            break;
        case OutcomeKind::Settlement:
            set_principal_outcomes(ActorOutcome::Compromise, ActorOutcome::Compromise);
            break;
        case OutcomeKind::Capitulation: {
            const bool targets_gave_in = !o.target.empty();  // else the challenger withdrew
            set_principal_outcomes(targets_gave_in ? ActorOutcome::Victory : ActorOutcome::Defeat,
                                   targets_gave_in ? ActorOutcome::Defeat : ActorOutcome::Victory);
            break;
        }
        case OutcomeKind::Standoff:
            set_principal_outcomes(ActorOutcome::Stalemate, ActorOutcome::Stalemate);
            break;
        case OutcomeKind::FaitAccompli:
            set_principal_outcomes(ActorOutcome::Stalemate, ActorOutcome::Stalemate);
            o.actor_outcomes[o.initiator] = ActorOutcome::Victory;
            o.actor_outcomes[o.target] = ActorOutcome::Defeat;
            for (const int t : s.demands[ix(m_fait_accompli_demand)].targets) {
                o.actor_outcomes[s.actor_ids[ix(t)]] = ActorOutcome::Defeat;
            }
            break;
    }
}

void Outcomes::standoff() {
    CrisisState& s = m_state;
    s.finished = true;
    Outcome& o = m_outcome;
    o.kind = OutcomeKind::Standoff;
    o.time = s.horizon;
    o.description = "No war and no settlement by the horizon";
    m_effects.log({EventType::Standoff, -1, -1, -1, 0.0, "", true, s.horizon}, [&] { return o.description; });
}

}  // namespace brink::model
