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
                    if (std::abs(d.value - d.demanded) > k_met_tolerance) {
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
    if (s.finished || s.demands.empty() || !resolve_all(s, r)) {
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

void Outcomes::declare_war(int initiator) {
    CrisisState& s = m_state;
    if (s.finished) {
        return;
    }
    s.finished = true;
    // docs/model.md §8: war is fought against the actor the initiator was most hostile to at day 0, among
    // those it is still hostile to (Russia's war is against Ukraine, not against the United States it
    // bargains with; Austria-Hungary's against Serbia, not against the Russia it traded warnings with); the
    // main opponent if it is hostile to nobody.
    int target = -1;
    for (int j = 0; j < s.n; ++j) {
        if (j != initiator && s.relations.affinity(initiator, j) < 0.0 &&
            (target < 0 || s.standing_affinity(initiator, j) < s.standing_affinity(initiator, target))) {
            target = j;
        }
    }
    if (target < 0) {
        target = s.opponent(initiator);
    }
    Outcome& o = m_outcome;
    o.kind = OutcomeKind::War;
    o.time = m_sim.now();
    o.initiator = s.actor_ids[ix(initiator)];
    o.target = target >= 0 ? s.actor_ids[ix(target)] : std::string{};
    o.description =
        s.name(initiator) + " goes to war" + (target >= 0 ? " against " + s.name(target) : std::string{});
    m_effects.log({EventType::War, initiator, target, -1, 0.0, "190", true}, [&] { return o.description; });
    m_sim.request_stop();
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
