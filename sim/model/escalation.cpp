// The ladder and the Richardson pressure system (docs/model.md §2).
#include "brink/model/escalation.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <stdexcept>

namespace brink::model {

namespace {

// std::exp(x), remembered by the bits of x in a small per-thread table: the same x gives the same value, so
// the result is bitwise that of std::exp. quiet_until evaluates exp(k·T) for the same few windows T and
// the same k for every actor of a component (k changes only when the component is rebuilt).
double remembered_exp(double x) {
    struct Entry {
        std::uint64_t bits = 0;
        double value = 0.0;
        bool used = false;
    };
    thread_local std::array<Entry, 64> table{};
    const auto bits = std::bit_cast<std::uint64_t>(x);
    Entry& entry = table[static_cast<std::size_t>((bits * 0x9E3779B97F4A7C15ull) >> 58)];
    if (entry.used && entry.bits == bits) {
        return entry.value;
    }
    entry.bits = bits;
    entry.value = std::exp(x);
    entry.used = true;
    return entry.value;
}

}  // namespace

int rung_at(const std::vector<double>& thresholds, double pressure) {
    int rung = 0;
    for (std::size_t r = 0; r < thresholds.size(); ++r) {
        if (thresholds[r] <= pressure) {
            rung = static_cast<int>(r);
        }
    }
    return rung;
}

Eigen::MatrixXd reaction_matrix(const Eigen::MatrixXd& affinity, const Eigen::VectorXd& capability_share,
                                double reaction) {
    Eigen::MatrixXd k;
    reaction_matrix(affinity, capability_share, reaction, k);
    return k;
}

void reaction_matrix(const Eigen::MatrixXd& affinity, const Eigen::VectorXd& capability_share,
                     double reaction, Eigen::MatrixXd& k) {
    const Eigen::Index n = affinity.rows();
    k.setZero(n, n);
    for (Eigen::Index i = 0; i < n; ++i) {
        for (Eigen::Index j = 0; j < n; ++j) {
            const double hostility = std::max(0.0, -affinity(i, j));
            if (i == j || hostility == 0.0) {
                continue;
            }
            // docs/model.md §2.2: actors react more to stronger rivals; equal rivals give factor 1.
            const double pair = capability_share(i) + capability_share(j);
            const double relative = pair > 0.0 ? 2.0 * capability_share(j) / pair : 1.0;
            k(i, j) = reaction * hostility * relative;
        }
    }
}

PressureSystem::PressureSystem(const Eigen::VectorXd& initial, double start) {
    const auto n = static_cast<int>(initial.size());
    m_reaction = Eigen::MatrixXd::Zero(n, n);
    m_restraint = Eigen::VectorXd::Zero(n);
    m_grievance = Eigen::VectorXd::Zero(n);
    m_component_of.assign(static_cast<std::size_t>(n), 0);
    m_local_index.assign(static_cast<std::size_t>(n), 0);
    // Until set_dynamics, every actor is its own component with zero dynamics.
    for (int i = 0; i < n; ++i) {
        Component c;
        c.members = {i};
        c.origin = Eigen::VectorXd::Constant(1, std::max(0.0, initial(i)));
        c.origin_time = start;
        m_component_of[static_cast<std::size_t>(i)] = i;
        m_components.push_back(std::move(c));
        rebuild(i);
    }
}

void PressureSystem::sync(int component, double now) {
    Component& c = m_components[static_cast<std::size_t>(component)];
    if (now > c.origin_time) {
        c.flow->advance_into(c.origin, now - c.origin_time, c.origin);
        // The system is positive (Metzler M, g >= 0), so e stays >= 0 exactly; clip rounding only.
        c.origin = c.origin.cwiseMax(0.0);
        c.origin_time = now;
    }
}

void PressureSystem::rebuild(int component) {
    Component& c = m_components[static_cast<std::size_t>(component)];
    const auto size = static_cast<Eigen::Index>(c.members.size());
    Eigen::MatrixXd m(size, size);
    Eigen::VectorXd g(size);
    for (Eigen::Index a = 0; a < size; ++a) {
        const int i = c.members[static_cast<std::size_t>(a)];
        g(a) = m_grievance(i);
        for (Eigen::Index b = 0; b < size; ++b) {
            m(a, b) = m_reaction(i, c.members[static_cast<std::size_t>(b)]);
        }
        m(a, a) -= m_restraint(i);
    }
    c.k_norm = 0.0;
    c.k_rows.resize(static_cast<std::size_t>(size));
    for (Eigen::Index a = 0; a < size; ++a) {
        double row = 0.0;
        for (Eigen::Index b = 0; b < size; ++b) {
            row += m_reaction(c.members[static_cast<std::size_t>(a)], c.members[static_cast<std::size_t>(b)]);
        }
        c.k_rows[static_cast<std::size_t>(a)] = row;
        c.k_norm = std::max(c.k_norm, row);
    }
    c.g_norm = g.cwiseAbs().maxCoeff();
    c.flow = std::make_unique<engine::LinearFlow>(std::move(m), std::move(g));
    ++m_rebuilds;
}

void PressureSystem::update_drift(int component) {
    // Only g changed: M's decomposition is kept (engine::LinearFlow::set_drift).
    Component& c = m_components[static_cast<std::size_t>(component)];
    const auto size = static_cast<Eigen::Index>(c.members.size());
    Eigen::VectorXd g(size);
    for (Eigen::Index a = 0; a < size; ++a) {
        g(a) = m_grievance(c.members[static_cast<std::size_t>(a)]);
    }
    c.g_norm = g.cwiseAbs().maxCoeff();
    c.flow->set_drift(g);
    ++m_drift_updates;
}

void PressureSystem::set_dynamics(const Eigen::MatrixXd& reaction, const Eigen::VectorXd& restraint,
                                  const Eigen::VectorXd& grievance, double now) {
    const auto n = static_cast<int>(m_component_of.size());
    if (reaction.rows() != n || restraint.size() != n || grievance.size() != n) {
        throw std::invalid_argument("PressureSystem::set_dynamics: dimension mismatch");
    }
    const Eigen::VectorXd current = values(now);
    m_reaction = reaction;
    m_restraint = restraint;
    m_grievance = grievance.cwiseMax(0.0);

    // Connected components of the undirected hostility graph, labelled by their smallest member so that the
    // decomposition (and so every floating-point operation) does not depend on the order of discovery.
    std::vector<int> label(static_cast<std::size_t>(n), -1);
    std::vector<int> stack;
    std::vector<Component> components;
    for (int root = 0; root < n; ++root) {
        if (label[static_cast<std::size_t>(root)] >= 0) {
            continue;
        }
        const auto id = static_cast<int>(components.size());
        Component c;
        stack.assign(1, root);
        label[static_cast<std::size_t>(root)] = id;
        while (!stack.empty()) {
            const int i = stack.back();
            stack.pop_back();
            c.members.push_back(i);
            for (int j = 0; j < n; ++j) {
                if (label[static_cast<std::size_t>(j)] < 0 &&
                    (reaction(i, j) != 0.0 || reaction(j, i) != 0.0)) {
                    label[static_cast<std::size_t>(j)] = id;
                    stack.push_back(j);
                }
            }
        }
        std::sort(c.members.begin(), c.members.end());
        c.origin.resize(static_cast<Eigen::Index>(c.members.size()));
        for (std::size_t a = 0; a < c.members.size(); ++a) {
            c.origin(static_cast<Eigen::Index>(a)) = current(c.members[a]);
            m_local_index[static_cast<std::size_t>(c.members[a])] = static_cast<int>(a);
        }
        c.origin_time = now;
        components.push_back(std::move(c));
    }
    m_components = std::move(components);
    m_component_of = std::move(label);
    for (int c = 0; c < static_cast<int>(m_components.size()); ++c) {
        rebuild(c);
    }
}

void PressureSystem::set_grievance(int actor, double grievance, double now) {
    grievance = std::max(0.0, grievance);
    if (m_grievance(actor) == grievance) {
        return;
    }
    const int c = m_component_of[static_cast<std::size_t>(actor)];
    sync(c, now);
    m_grievance(actor) = grievance;
    update_drift(c);
}

std::vector<int> PressureSystem::set_grievances(const Eigen::VectorXd& grievance, double now) {
    std::vector<int> changed;
    std::vector<char> touched(m_components.size(), 0);
    for (int i = 0; i < static_cast<int>(m_component_of.size()); ++i) {
        const double g = std::max(0.0, grievance(i));
        if (g == m_grievance(i)) {
            continue;
        }
        const int c = m_component_of[static_cast<std::size_t>(i)];
        if (!touched[static_cast<std::size_t>(c)]) {
            touched[static_cast<std::size_t>(c)] = 1;
            sync(c, now);
        }
        m_grievance(i) = g;
        changed.push_back(i);
    }
    for (std::size_t c = 0; c < touched.size(); ++c) {
        if (touched[c]) {
            update_drift(static_cast<int>(c));
        }
    }
    return changed;
}

double PressureSystem::jump(int actor, double delta, double now) {
    const int c = m_component_of[static_cast<std::size_t>(actor)];
    sync(c, now);
    double& e =
        m_components[static_cast<std::size_t>(c)].origin(m_local_index[static_cast<std::size_t>(actor)]);
    e = std::max(0.0, e + delta);
    return e;
}

void PressureSystem::set_value(int actor, double value, double now) {
    const int c = m_component_of[static_cast<std::size_t>(actor)];
    sync(c, now);
    m_components[static_cast<std::size_t>(c)].origin(m_local_index[static_cast<std::size_t>(actor)]) =
        std::max(0.0, value);
}

double PressureSystem::value(int actor, double t) const {
    const Component& c =
        m_components[static_cast<std::size_t>(m_component_of[static_cast<std::size_t>(actor)])];
    const Eigen::Index local = m_local_index[static_cast<std::size_t>(actor)];
    if (t <= c.origin_time) {
        return c.origin(local);
    }
    thread_local Eigen::VectorXd local_values;
    c.flow->advance_into(c.origin, t - c.origin_time, local_values);
    return std::max(0.0, local_values(local));
}

Eigen::VectorXd PressureSystem::values(double t) const {
    Eigen::VectorXd e;
    values(t, e);
    return e;
}

void PressureSystem::values(double t, Eigen::VectorXd& e) const {
    e.resize(static_cast<Eigen::Index>(m_component_of.size()));
    thread_local Eigen::VectorXd advanced;
    for (const Component& c : m_components) {
        const Eigen::VectorXd* local = &c.origin;
        if (t > c.origin_time) {
            c.flow->advance_into(c.origin, t - c.origin_time, advanced);
            local = &advanced;
        }
        for (std::size_t a = 0; a < c.members.size(); ++a) {
            e(c.members[a]) = std::max(0.0, (*local)(static_cast<Eigen::Index>(a)));
        }
    }
}

std::optional<double> PressureSystem::next_crossing(int actor, double threshold, engine::Crossing direction,
                                                    double t_end) const {
    const Component& c =
        m_components[static_cast<std::size_t>(m_component_of[static_cast<std::size_t>(actor)])];
    if (t_end <= c.origin_time) {
        return std::nullopt;
    }
    const auto dt = c.flow->first_crossing(c.origin, m_local_index[static_cast<std::size_t>(actor)],
                                           threshold, direction, t_end - c.origin_time);
    if (!dt) {
        return std::nullopt;
    }
    return c.origin_time + *dt;
}

double PressureSystem::quiet_until(int actor, double low, double high, double t_end) const {
    const Component& c =
        m_components[static_cast<std::size_t>(m_component_of[static_cast<std::size_t>(actor)])];
    const double e0 = c.origin(m_local_index[static_cast<std::size_t>(actor)]);
    if (!(e0 > low && e0 < high)) {
        return c.origin_time;
    }
    // docs/model.md §2.3. K >= 0 and g >= 0 only push up and restraint only pulls down, so with
    // E(t) = (E0 + G/k) e^{k t} - G/k (Grönwall on de/dt <= K e + g, k = ||K||_inf, G = ||g||_inf):
    //   up speed   <= Σ_j K_ij E(T) + g_i - a_i max(low, 0),   down speed <= a_i high.
    const double k_row = c.k_rows[static_cast<std::size_t>(m_local_index[static_cast<std::size_t>(actor)])];
    const double a = m_restraint(actor);
    const double e_norm = c.origin.maxCoeff();
    const double down = a * high;
    for (double window = t_end - c.origin_time; window >= 0.25; window *= 0.5) {
        if (!(down * window < e0 - low)) {
            continue;  // the downward bound fails: no need for the upward one (and its exponential)
        }
        const double e_max =
            c.k_norm > 0.0
                ? (e_norm + c.g_norm / c.k_norm) * remembered_exp(c.k_norm * window) - c.g_norm / c.k_norm
                : e_norm + c.g_norm * window;
        const double up = std::max(0.0, k_row * e_max + m_grievance(actor) - a * std::max(low, 0.0));
        if (up * window < high - e0) {
            return c.origin_time + window;
        }
    }
    return c.origin_time;
}

void PressureSystem::sync_actor(int actor, double now) {
    sync(m_component_of[static_cast<std::size_t>(actor)], now);
}

const std::vector<int>& PressureSystem::coupled_with(int actor) const {
    return m_components[static_cast<std::size_t>(m_component_of[static_cast<std::size_t>(actor)])].members;
}

}  // namespace brink::model
