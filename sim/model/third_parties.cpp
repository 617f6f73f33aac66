// Third parties: declarations, warnings, requests and answers (docs/model.md §1.4, §4.1, §7.3).
#include "brink/model/third_parties.hpp"

#include "brink/model/coalitions.hpp"
#include "brink/model/decisions.hpp"
#include "brink/model/relations.hpp"

#include <algorithm>

namespace brink::model {

namespace {

/// docs/model.md §7.3: warnings and requests are weighed on four times the scale of the third party's
/// capability-weighted support (a third party's weight w_t S_t is small next to the issue's stakes).
constexpr double k_third_party_scale = 4.0;
/// docs/model.md §7.3: an actor declares support only for an ally it likes more than this.
constexpr double k_ally_affinity = 0.3;
/// docs/model.md §11.3: a declaration of support commits the declarer by this share of what it has not yet
/// committed.
constexpr double k_declaration_commitment = 0.2;

}  // namespace

ThirdPartyTargets third_party_targets(const CrisisState& state, int i, int j, int issue, double now) {
    // docs/model.md §7.3 with the joining probabilities of §11.1, as i sees them.
    ThirdPartyTargets targets;
    const Relations& r = state.relations;
    for (int t = 0; t < state.n; ++t) {
        if (t == i || t == j) {
            continue;
        }
        const double committed = state.share(t) * state.theatre_share(t);
        const double helps_j = committed * join_probability(state, t, j, i, issue, View{i});
        if (helps_j > targets.warn.weight) {
            targets.warn = {t, helps_j};
        }
        const double could_help = committed * (1.0 - join_probability(state, t, i, j, issue, View{i})) *
                                  std::max(0.0, r.affinity(t, i) - r.affinity(t, j));
        if (could_help > targets.patron.weight && now - state.last_contact(i, t) >= k_contact_interval) {
            targets.patron = {t, could_help};
        }
    }
    return targets;
}

double warn_third_party_utility(const CrisisState& state, int i, const ThirdPartyChoice& warn,
                                double salience) {
    // The warning weighs more the weaker the third party is next to the warner.
    const double relative =
        state.share(i) / (state.share(i) + (warn.actor >= 0 ? state.share(warn.actor) : 0.0));
    return k_third_party_scale * salience * warn.weight * relative - k_action_cost;
}

double request_support_utility(const ThirdPartyChoice& patron, double salience, double gap) {
    return k_third_party_scale * salience * gap * patron.weight - k_action_cost;
}

AllyInConflict ally_in_conflict(const CrisisState& state, int i) {
    AllyInConflict best;
    double best_weight = 0.0;
    const Relations& r = state.relations;
    for (int a = 0; a < state.n; ++a) {
        if (a == i || r.affinity(i, a) <= k_ally_affinity || r.declared(i, a) >= 1.0) {
            continue;
        }
        const int b = state.opponent(a);
        if (b < 0 || b == i) {
            continue;
        }
        const double weight = (r.affinity(i, a) - r.affinity(i, b)) * state.share(a);
        if (weight > best_weight) {
            best = {a, b};
            best_weight = weight;
        }
    }
    return best;
}

double declare_support_utility(const CrisisState& state, int i, const AllyInConflict& ally) {
    const Relations& r = state.relations;
    const double gain =
        0.5 * (r.affinity(i, ally.ally) - r.affinity(i, ally.opponent)) * (1.0 - r.declared(i, ally.ally));
    const double exposure =
        state.war_cost(i) * state.nearness_to_war(ally.opponent) *
        (1.0 - r.commitment_on(i, ally.ally, state.contested_issue(ally.ally, ally.opponent)));
    return gain - exposure - k_action_cost;
}

double answer_request_utility(const CrisisState& state, int i, const PendingRequest& request) {
    const Relations& r = state.relations;
    const double a_r = r.affinity(i, request.requester);
    const double a_o = request.opponent >= 0 ? r.affinity(i, request.opponent) : 0.0;
    const double exposure =
        request.opponent >= 0 ? state.war_cost(i) * state.nearness_to_war(request.opponent) : 0.0;
    const int issue = request.opponent >= 0 ? state.contested_issue(request.requester, request.opponent) : -1;
    return 0.5 * (a_r - a_o) + r.commitment_on(i, request.requester, issue) - exposure - k_action_cost;
}

void warn_off(CrisisState& state, Effects& effects, int i, int j, int third) {
    Relations& r = state.relations;
    r.deterred(third, i) = std::min(
        1.0, r.deterred(third, i) + k_warning_effect * (1.0 - state.resolve(third)) *
                                        (1.0 - r.commitment_on(third, j, state.contested_issue(i, j))));
    state.note_relations_written(third, i);
    effects.log({EventType::Threat, i, third, -1, 0.0, action_cameo(Action::WarnThirdParty), true},
                [&] { return state.speaker(i) + " warns " + state.name(third) + " to stay out"; });
    effects.prompt_decision(third);
}

void declare_support(CrisisState& state, Effects& effects, int i, int ally, int against) {
    Relations& r = state.relations;
    r.declared(i, ally) = std::min(1.0, r.declared(i, ally) + k_declaration_step);
    state.note_relations_written(i, ally);
    // docs/model.md §11.2–§11.3: a public declaration ties the declarer's hands: a costly signal of its
    // resolve.
    state.commit_publicly(i, k_declaration_commitment, 1.0, std::max(0.0, r.affinity(i, ally)));
    effects.log({EventType::Support, i, ally, -1, 0.0, action_cameo(Action::DeclareSupport), true}, [&] {
        return state.leader(i) + " declares support for " + state.name(ally) + " against " +
               state.name(against);
    });
    effects.prompt_decision(against);
}

void request_support(CrisisState& state, Effects& effects, double now, int i, int j, int patron) {
    state.last_contact(i, patron) = now;
    state.requests[ix(patron)].push_back({i, j});
    effects.log({EventType::RequestSupport, i, patron, -1, 0.0, action_cameo(Action::RequestSupport), true},
                [&] { return state.leader(i) + " asks " + state.leader(patron) + " for support"; });
    effects.prompt_decision(patron);
}

void answer_request(CrisisState& state, Effects& effects, int i, int requester, bool yes) {
    auto& waiting = state.requests[ix(i)];
    waiting.erase(waiting.begin());
    // docs/model.md §7.3: a promise adds to declared support; a refusal, made to the requester's face, takes
    // back what i had declared for it (i cannot be counted on by the one it has just turned down).
    Relations& r = state.relations;
    r.declared(i, requester) = yes ? std::min(1.0, r.declared(i, requester) + k_declaration_step) : 0.0;
    state.note_relations_written(i, requester);
    const Action action = yes ? Action::AnswerRequest : Action::DeclineRequest;
    effects.log({yes ? EventType::AnswerRequest : EventType::DeclineRequest, i, requester, -1, 0.0,
                 action_cameo(action), true},
                [&] {
                    return state.leader(i) + (yes ? " promises " : " declines ") + state.leader(requester) +
                           (yes ? " support" : "'s request");
                });
    effects.prompt_decision(requester);
    if (!waiting.empty()) {
        effects.prompt_decision(i);
    }
}

}  // namespace brink::model
