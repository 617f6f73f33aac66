// Relations among actors (docs/model.md §1).
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
        if (k == j) {
            continue;
        }
        if (c.issues.empty()) {
            relations.commitment(k, j) = clamp_unit(c.firmness, 0.0);
            continue;
        }
        // docs/model.md §12.4: a commitment that names issues covers those only.
        ScopedCommitment scoped{k, j, clamp_unit(c.firmness, 0.0), {}};
        for (const auto& issue : c.issues) {
            const auto at = std::find_if(spec.issues.begin(), spec.issues.end(),
                                         [&](const IssueSpec& x) { return x.id == issue; });
            if (at == spec.issues.end()) {
                throw std::invalid_argument("relations: commitment names unknown issue '" + issue + "'");
            }
            scoped.issues.push_back(static_cast<int>(at - spec.issues.begin()));
        }
        relations.scoped.push_back(std::move(scoped));
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

}  // namespace brink::model
