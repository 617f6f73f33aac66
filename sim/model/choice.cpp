// brink: logit quantal response (McKelvey & Palfrey 1995; docs/model.md §7.1).
#include "brink/model/choice.hpp"

#include <array>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace brink::model {
namespace {

void validate(std::span<const double> utilities, double rationality) {
    if (utilities.empty()) {
        throw std::invalid_argument("logit choice: the action set is empty");
    }
    if (!(rationality >= 0.0)) {
        throw std::invalid_argument("logit choice: rationality must be >= 0 (or +inf), got " +
                                    std::to_string(rationality));
    }
    for (double utility : utilities) {
        if (!std::isfinite(utility)) {
            throw std::invalid_argument("logit choice: every utility must be finite");
        }
    }
}

double max_of(std::span<const double> utilities) {
    double best = utilities.front();
    for (double utility : utilities) {
        best = utility > best ? utility : best;
    }
    return best;
}

// docs/model.md §7.1. Writes the probabilities into `probabilities` (utilities.size() entries); validated.
void fill_logit_probabilities(std::span<const double> utilities, double rationality,
                              std::span<double> probabilities) {
    const double best = max_of(utilities);
    double total = 0.0;
    if (std::isinf(rationality)) {
        // The limit λ → ∞ puts equal mass on every maximiser (λ·0 would otherwise be NaN).
        for (std::size_t a = 0; a < utilities.size(); ++a) {
            probabilities[a] = utilities[a] == best ? 1.0 : 0.0;
            total += probabilities[a];
        }
    } else {
        // Shifting by the maximum leaves the ratios unchanged and keeps every exponent <= 0, so nothing
        // overflows and the maximiser's term is exactly 1 (the total is never 0).
        for (std::size_t a = 0; a < utilities.size(); ++a) {
            probabilities[a] = std::exp(rationality * (utilities[a] - best));
            total += probabilities[a];
        }
    }
    for (double& probability : probabilities) {
        probability /= total;
    }
}

}  // namespace

// docs/model.md §7.1
std::vector<double> logit_probabilities(std::span<const double> utilities, double rationality) {
    validate(utilities, rationality);
    std::vector<double> probabilities(utilities.size(), 0.0);
    fill_logit_probabilities(utilities, rationality, probabilities);
    return probabilities;
}

// docs/model.md §7.1
std::size_t logit_choice(std::span<const double> utilities, double rationality, double uniform01) {
    validate(utilities, rationality);
    if (!(uniform01 >= 0.0 && uniform01 < 1.0)) {
        throw std::invalid_argument("logit_choice: the uniform draw must be in [0,1), got " +
                                    std::to_string(uniform01));
    }
    if (std::isinf(rationality)) {
        const double best = max_of(utilities);
        for (std::size_t a = 0; a < utilities.size(); ++a) {
            if (utilities[a] == best) {
                return a;
            }
        }
    }
    // The probabilities of logit_probabilities, on the stack for the action sets the model uses.
    constexpr std::size_t k_inline = 32;
    std::array<double, k_inline> inline_storage{};
    std::vector<double> heap_storage;
    std::span<double> probabilities(inline_storage.data(), utilities.size());
    if (utilities.size() > k_inline) {
        heap_storage.assign(utilities.size(), 0.0);
        probabilities = heap_storage;
    }
    fill_logit_probabilities(utilities, rationality, probabilities);
    double cumulative = 0.0;
    std::size_t last_possible = 0;
    for (std::size_t a = 0; a < probabilities.size(); ++a) {
        if (probabilities[a] > 0.0) {
            last_possible = a;
        }
        cumulative += probabilities[a];
        if (uniform01 < cumulative) {
            return a;
        }
    }
    // Rounding can leave the cumulative sum a few ulps below 1; a draw in that sliver belongs to the last
    // action that has any probability.
    return last_possible;
}

PersistentShocks::PersistentShocks(std::size_t actions)
    : m_value(actions, 0.0), m_renew_at(actions, -std::numeric_limits<double>::infinity()) {}

double PersistentShocks::at(std::size_t action, double now, double tau, engine::RngStream& rng) {
    if (now >= m_renew_at[action]) {
        m_value[action] = gumbel_shock(rng.uniform());
        m_renew_at[action] = now + tau * -std::log1p(-rng.uniform());
    }
    return m_value[action];
}

double gumbel_shock(double uniform01) {
    const double u = uniform01 > 0.0 ? uniform01 : std::numeric_limits<double>::min();
    return -std::log(-std::log(u));
}

// docs/model.md §7.1
std::size_t perturbed_choice(std::span<const double> utilities, double rationality,
                             std::span<const double> shocks) {
    validate(utilities, rationality);
    if (shocks.size() != utilities.size()) {
        throw std::invalid_argument("perturbed_choice: one shock per utility is needed");
    }
    if (std::isinf(rationality)) {
        const double best = max_of(utilities);
        for (std::size_t a = 0; a < utilities.size(); ++a) {
            if (utilities[a] == best) {
                return a;
            }
        }
    }
    std::size_t chosen = 0;
    double best = rationality * utilities[0] + shocks[0];
    for (std::size_t a = 1; a < utilities.size(); ++a) {
        const double score = rationality * utilities[a] + shocks[a];
        if (score > best) {
            best = score;
            chosen = a;
        }
    }
    return chosen;
}

}  // namespace brink::model
