// Relations and third-party support (docs/model.md §1 and §4).
#include "brink/model/relations.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <utility>

namespace brink::model {

namespace {

int index_of(const ScenarioSpec& spec, const std::string& id) {
    for (std::size_t i = 0; i < spec.actors.size(); ++i) {
        if (spec.actors[i].id == id) {
            return static_cast<int>(i);
        }
    }
    throw std::invalid_argument("relations: unknown actor '" + id + "'");
}

double clamp_unit(double x, double lo) {
    return std::clamp(x, lo, 1.0);
}

}  // namespace

Relations::Relations(int actor_count)
    : affinity(Eigen::MatrixXd::Identity(actor_count, actor_count)),
      commitment(Eigen::MatrixXd::Zero(actor_count, actor_count)),
      declared(Eigen::MatrixXd::Zero(actor_count, actor_count)),
      deterred(Eigen::MatrixXd::Zero(actor_count, actor_count)) {}

Relations build_relations(const ScenarioSpec& spec) {
    Relations relations(static_cast<int>(spec.actors.size()));
    for (const auto& alliance : spec.relations.alliances) {
        for (const auto& a : alliance.members) {
            for (const auto& b : alliance.members) {
                const int i = index_of(spec, a);
                const int j = index_of(spec, b);
                if (i == j) {
                    continue;
                }
                relations.affinity(i, j) = clamp_unit(alliance.affinity, -1.0);
                relations.commitment(i, j) =
                    std::max(relations.commitment(i, j), clamp_unit(alliance.commitment, 0.0));
            }
        }
    }
    for (const auto& pair : spec.relations.affinities) {
        const int i = index_of(spec, pair.a);
        const int j = index_of(spec, pair.b);
        if (i == j) {
            throw std::invalid_argument("relations: affinity of '" + pair.a + "' with itself");
        }
        relations.affinity(i, j) = clamp_unit(pair.value, -1.0);
        if (!pair.directed) {
            relations.affinity(j, i) = clamp_unit(pair.value, -1.0);
        }
    }
    for (const auto& c : spec.relations.commitments) {
        const int k = index_of(spec, c.defender);
        const int j = index_of(spec, c.protege);
        if (k != j) {
            relations.commitment(k, j) = clamp_unit(c.firmness, 0.0);
        }
    }
    return relations;
}

void apply_event_to_affinity(Relations& relations, int i, int j, double goldstein, double affinity_step) {
    if (i < 0 || j < 0 || i == j) {
        return;
    }
    // docs/model.md §1.2: a multiplicative step toward the bound keeps A inside [-1,1] without clamping.
    const double rate = affinity_step * std::min(std::abs(goldstein), 10.0) / 10.0;
    for (const auto& [a, b] : {std::pair{i, j}, std::pair{j, i}}) {
        double& value = relations.affinity(a, b);
        value += goldstein >= 0.0 ? rate * (1.0 - value) : -rate * (1.0 + value);
    }
}

void shift_affinity(Relations& relations, int i, int j, double delta) {
    if (i < 0 || j < 0 || i == j) {
        return;
    }
    relations.affinity(i, j) = clamp_unit(relations.affinity(i, j) + delta, -1.0);
    relations.affinity(j, i) = clamp_unit(relations.affinity(j, i) + delta, -1.0);
}

double coalition_strength(const Relations& relations, const Eigen::VectorXd& capability_share, int i, int j,
                          SupportBasis basis) {
    double strength = capability_share(i);
    const int n = relations.size();
    for (int k = 0; k < n; ++k) {
        if (k != i && k != j) {
            strength += capability_share(k) * third_party_support(relations, k, i, j, basis);
        }
    }
    return strength;
}

double prevail_probability(const Relations& relations, const Eigen::VectorXd& capability_share, int i, int j,
                           Perspective perspective) {
    // docs/model.md §4.2: Objective counts every third party fully for both sides; Own (mutual optimism,
    // Blainey 1973) counts friendly third parties for i but only firm commitments and declarations for j.
    const double own = coalition_strength(relations, capability_share, i, j, SupportBasis::All);
    const SupportBasis other =
        perspective == Perspective::Objective ? SupportBasis::All : SupportBasis::FirmOnly;
    const double opponent = coalition_strength(relations, capability_share, j, i, other);
    const double total = own + opponent;
    return total > 0.0 ? own / total : 0.5;
}

MutualPrevail mutual_prevail_probabilities(const Relations& relations,
                                           const Eigen::VectorXd& capability_share, int i, int j) {
    // The sums of coalition_strength(i, j, All), (j, i, FirmOnly), (j, i, All) and (i, j, FirmOnly), each in
    // its own order of k, as prevail_probability computes them.
    double all_i = capability_share(i);
    double firm_j = capability_share(j);
    double all_j = capability_share(j);
    double firm_i = capability_share(i);
    const int n = relations.size();
    for (int k = 0; k < n; ++k) {
        if (k != i && k != j) {
            all_i += capability_share(k) * third_party_support(relations, k, i, j, SupportBasis::All);
            firm_j += capability_share(k) * third_party_support(relations, k, j, i, SupportBasis::FirmOnly);
            all_j += capability_share(k) * third_party_support(relations, k, j, i, SupportBasis::All);
            firm_i += capability_share(k) * third_party_support(relations, k, i, j, SupportBasis::FirmOnly);
        }
    }
    MutualPrevail result;
    const double total_i = all_i + firm_j;
    result.i_over_j = total_i > 0.0 ? all_i / total_i : 0.5;
    const double total_j = all_j + firm_i;
    result.j_over_i = total_j > 0.0 ? all_j / total_j : 0.5;
    return result;
}

double expected_support_share(const Relations& relations, const Eigen::VectorXd& capability_share, int i,
                              int j) {
    if (j >= 0) {
        return support_metrics(relations, capability_share, i, j).expected_support;
    }
    // No opponent: the third parties' goodwill towards i.
    double expected = 0.0;
    double available = 0.0;
    for (int k = 0; k < relations.size(); ++k) {
        if (k != i) {
            available += capability_share(k);
            expected += capability_share(k) * std::max(0.0, relations.affinity(k, i));
        }
    }
    return available > 0.0 ? expected / available : 0.0;
}

SupportMetrics support_metrics(const Relations& relations, const Eigen::VectorXd& capability_share, int i,
                               int j) {
    // The same terms, folded in the same order, as coalition_strength (twice) and expected_support_share.
    double strength_i = capability_share(i);
    double strength_j = capability_share(j);
    double expected = 0.0;
    double available = 0.0;
    const int n = relations.size();
    for (int k = 0; k < n; ++k) {
        if (k == i || k == j) {
            continue;
        }
        const double for_i = capability_share(k) * third_party_support(relations, k, i, j, SupportBasis::All);
        strength_i += for_i;
        expected += for_i;
        available += capability_share(k);
        strength_j += capability_share(k) * third_party_support(relations, k, j, i, SupportBasis::All);
    }
    SupportMetrics metrics;
    metrics.expected_support = available > 0.0 ? expected / available : 0.0;
    const double total = strength_i + strength_j;
    metrics.p_prevail = total > 0.0 ? strength_i / total : 0.5;
    return metrics;
}

SupportMetrics fold_support_metrics(const Eigen::VectorXd& capability_share, int i, int j,
                                    const double* for_i, const double* for_j) {
    // support_metrics' loop with its terms given.
    double strength_i = capability_share(i);
    double strength_j = capability_share(j);
    double expected = 0.0;
    double available = 0.0;
    const auto n = static_cast<int>(capability_share.size());
    for (int k = 0; k < n; ++k) {
        if (k == i || k == j) {
            continue;
        }
        strength_i += for_i[k];
        expected += for_i[k];
        available += capability_share(k);
        strength_j += for_j[k];
    }
    SupportMetrics metrics;
    metrics.expected_support = available > 0.0 ? expected / available : 0.0;
    const double total = strength_i + strength_j;
    metrics.p_prevail = total > 0.0 ? strength_i / total : 0.5;
    return metrics;
}

}  // namespace brink::model
