// Beliefs about resolve and their update by costly signals (docs/model.md §11.2).
#include "brink/model/beliefs.hpp"

#include <algorithm>
#include <stdexcept>

namespace brink::model {

namespace {

/// Beliefs never reach certainty: a single signal is never conclusive.
constexpr double k_belief_floor = 0.01;

double clamp_belief(double p) {
    return std::clamp(p, k_belief_floor, 1.0 - k_belief_floor);
}

}  // namespace

double posterior_resolute(double prior, double likelihood_resolute, double likelihood_irresolute) {
    const double joint_resolute = prior * likelihood_resolute;
    const double total = joint_resolute + (1.0 - prior) * likelihood_irresolute;
    if (!(total > 0.0)) {
        return prior;  // neither type sends it: an off-path signal teaches nothing here
    }
    return joint_resolute / total;
}

double signal_net_value(double resolve, double stakes, double sunk_cost, double tied_cost) {
    return resolve * stakes - sunk_cost - (1.0 - resolve) * tied_cost;
}

double signal_likelihood(double net_value, double rationality) {
    return std::clamp(0.5 + rationality * net_value / 4.0, 0.0, 1.0);
}

double reputation_for_resolve(double resolve, const BeliefParams& params) {
    const double spread = params.resolute - params.irresolute;
    if (!(spread > 0.0)) {
        return 0.5;
    }
    return clamp_belief((resolve - params.irresolute) / spread);
}

Beliefs::Beliefs(const BeliefParams& params, std::vector<double> prior)
    : m_params(params), m_public(std::move(prior)), m_own(m_public.size()) {
    if (!(params.resolute > params.irresolute)) {
        throw std::invalid_argument(
            "model.beliefs: the resolute type's resolve must exceed the irresolute's");
    }
    for (double& p : m_public) {
        p = clamp_belief(p);
    }
}

void Beliefs::track(int observer, int about, double resolute) {
    if (observer == about) {
        return;
    }
    auto& own = m_own[static_cast<std::size_t>(observer)];
    const auto at = std::lower_bound(own.begin(), own.end(), std::pair{about, -1.0});
    const double value = resolute >= 0.0 ? clamp_belief(resolute) : m_public[static_cast<std::size_t>(about)];
    if (at != own.end() && at->first == about) {
        if (resolute >= 0.0) {
            at->second = value;
        }
        return;
    }
    own.insert(at, {about, value});
    ++m_tracked;
}

double Beliefs::resolute(int observer, int about) const {
    const auto& own = m_own[static_cast<std::size_t>(observer)];
    const auto at = std::lower_bound(own.begin(), own.end(), std::pair{about, -1.0});
    if (at != own.end() && at->first == about) {
        return at->second;
    }
    return m_public[static_cast<std::size_t>(about)];
}

double Beliefs::expected_resolve(int observer, int about) const {
    const double p = resolute(observer, about);
    return p * m_params.resolute + (1.0 - p) * m_params.irresolute;
}

void Beliefs::observe(int sender, const SignalCost& cost, double rationality) {
    // docs/model.md §11.2: the two types' likelihoods of sending this signal, then Bayes' rule for every
    // observer (the likelihoods do not depend on who observes).
    const double resolute_sends = signal_likelihood(
        signal_net_value(m_params.resolute, cost.stakes, cost.sunk, cost.tied), rationality);
    const double irresolute_sends = signal_likelihood(
        signal_net_value(m_params.irresolute, cost.stakes, cost.sunk, cost.tied), rationality);
    observe_likelihoods(sender, resolute_sends, irresolute_sends);
}

void Beliefs::observe_privately(int observer, int about, double likelihood_resolute,
                                double likelihood_irresolute) {
    if (observer == about || likelihood_resolute == likelihood_irresolute) {
        return;
    }
    track(observer, about);
    auto& own = m_own[static_cast<std::size_t>(observer)];
    const auto at = std::lower_bound(own.begin(), own.end(), std::pair{about, -1.0});
    at->second = clamp_belief(posterior_resolute(at->second, likelihood_resolute, likelihood_irresolute));
}

void Beliefs::observe_likelihoods(int sender, double resolute_sends, double irresolute_sends) {
    if (resolute_sends == irresolute_sends) {
        return;  // both types send it alike: it tells nothing
    }
    auto& reputation = m_public[static_cast<std::size_t>(sender)];
    reputation = clamp_belief(posterior_resolute(reputation, resolute_sends, irresolute_sends));
    for (std::size_t observer = 0; observer < m_own.size(); ++observer) {
        if (static_cast<int>(observer) == sender) {
            continue;
        }
        auto& own = m_own[observer];
        const auto at = std::lower_bound(own.begin(), own.end(), std::pair{sender, -1.0});
        if (at != own.end() && at->first == sender) {
            at->second = clamp_belief(posterior_resolute(at->second, resolute_sends, irresolute_sends));
        }
    }
}

}  // namespace brink::model
