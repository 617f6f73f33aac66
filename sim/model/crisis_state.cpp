// The state of one crisis run: set-up from the scenario and the shared queries (docs/model.md §1, §3, §4).
#include "brink/model/crisis_state.hpp"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <stdexcept>

namespace brink::model {

namespace {

/// docs/model.md §4.4: even a resolute actor pays something for war.
constexpr double k_war_cost_floor = 0.02;
/// docs/model.md §4.4: full resolve halves the felt cost of war.
constexpr double k_resolve_discount = 0.5;
/// docs/model.md §3.2: tolerances never shrink below those of a demand 0.1 from the status quo.
constexpr double k_min_gap = 0.1;
/// docs/model.md §11.3: forces moved up the ladder commit an actor publicly by half its nearness to war.
constexpr double k_rung_commitment = 0.5;
/// docs/model.md §11.2: the prior of observers who know nothing of an actor's type.
constexpr double k_uninformed_reputation = 0.5;
/// docs/model.md §4.3: hostility below this affinity makes an actor an opponent when no demand does.
constexpr double k_hostility_floor = -0.05;

/// docs/model.md §2.3: an actor said to stand on rung r (a whole number) starts in the middle of that rung,
/// so that nothing crosses at day 0 only because the start sits on a threshold; a fraction gives the pressure
/// exactly.
double initial_pressure(const std::vector<double>& thresholds, double rung) {
    const double whole = std::floor(rung);
    if (rung != whole) {
        return rung;
    }
    const auto r = static_cast<std::size_t>(std::min(whole, static_cast<double>(thresholds.size() - 1)));
    const double width = r + 1 < thresholds.size() ? thresholds[r + 1] - thresholds[r] : 1.0;
    return thresholds[r] + 0.5 * width;
}

bool contains_any(const std::string& text, std::initializer_list<const char*> words) {
    std::string lower = text;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return std::any_of(words.begin(), words.end(),
                       [&](const char* w) { return lower.find(w) != std::string::npos; });
}

}  // namespace

bool DemandState::open() const {
    return std::any_of(status.begin(), status.end(), [](TargetStatus s) { return s == TargetStatus::Open; });
}

CrisisState::CrisisState(const ScenarioSpec& scenario) : spec(scenario) {
    n = static_cast<int>(spec.actors.size());
    m = static_cast<int>(spec.issues.size());
    horizon = spec.metadata.horizon;
    if (n < 1) {
        throw std::invalid_argument("scenario has no actors");
    }
    if (!(horizon > 0.0)) {
        throw std::invalid_argument("horizon must be > 0");
    }
    build_ladder();
    build_actors();
    build_demands();
    build_readiness();
    build_beliefs();
}

void CrisisState::build_ladder() {
    const LadderSpec ladder = spec.ladder.rungs.empty() ? default_ladder() : spec.ladder;
    if (ladder.rungs.size() < 3) {
        throw std::invalid_argument("the ladder needs at least 3 rungs");
    }
    for (const auto& r : ladder.rungs) {
        if (!thresholds.empty() && !(r.threshold > thresholds.back())) {
            throw std::invalid_argument("ladder thresholds must increase");
        }
        thresholds.push_back(r.threshold);
        rung_cameo.push_back(r.cameo);
        rung_names.push_back(r.name.empty() ? r.id : r.name);
    }
    war_rung_index = static_cast<int>(thresholds.size()) - 1;
    if (!std::isnan(spec.model.war_rung_index)) {
        const double w = spec.model.war_rung_index;
        if (!(w >= 1.0 && w <= static_cast<double>(war_rung_index))) {
            throw std::invalid_argument("model.war_rung_index outside the ladder");
        }
        war_rung_index = static_cast<int>(w);
    }
    war_rung = static_cast<double>(war_rung_index);
}

void CrisisState::build_actors() {
    share.resize(n);
    position = Eigen::MatrixXd::Constant(n, m, std::numeric_limits<double>::quiet_NaN());
    salience = Eigen::MatrixXd::Zero(n, m);
    status_quo.resize(m);
    for (int k = 0; k < m; ++k) {
        status_quo(k) = std::clamp(spec.issues[ix(k)].status_quo, 0.0, 1.0);
    }
    sanction_cost = Eigen::VectorXd::Zero(n);
    restraint.resize(n);
    Eigen::VectorXd initial(n);
    double total = 0.0;
    for (int i = 0; i < n; ++i) {
        const ActorSpec& a = spec.actors[ix(i)];
        if (!(a.capability > 0.0)) {
            throw std::invalid_argument("actor '" + a.id + "': capability must be > 0");
        }
        total += a.capability;
        actor_ids.push_back(a.id);
        actor_names.push_back(a.name.empty() ? a.id : a.name);
        for (const auto& p : a.positions) {
            const int k = issue_index(p.issue);
            position(i, k) = std::clamp(p.position, 0.0, 1.0);
            salience(i, k) = std::clamp(p.salience, 0.0, 1.0);
        }
        // docs/model.md §2.2: resolute actors restrain themselves less.
        restraint(i) = spec.model.restraint * (1.5 - std::clamp(a.resolve, 0.0, 1.0));
        initial(i) = initial_pressure(thresholds, std::max(0.0, a.initial_rung));
        leaders.push_back(a.representatives.empty() ? (a.name.empty() ? a.id : a.name)
                                                    : a.representatives.front().name);
        // docs/model.md §7.4: the foreign minister or spokesperson speaks, the leader acts.
        std::string who_speaks = leaders.back();
        for (const auto& person : a.representatives) {
            if (contains_any(person.role, {"foreign", "secretary of state", "spokes", "diplomat"})) {
                who_speaks = person.name;
                break;
            }
        }
        speakers.push_back(who_speaks);
    }
    for (int i = 0; i < n; ++i) {
        share(i) = spec.actors[ix(i)].capability / total;
    }
    relations = build_relations(spec);
    last_contact = Eigen::MatrixXd::Constant(n, n, -1e300);
    issue_holder.assign(ix(m), -1);
    for (int k = 0; k < m; ++k) {
        const std::string& holder = spec.issues[ix(k)].held_by;
        if (!holder.empty()) {
            // docs/model.md §12.6: the good is held; the issue's status quo is what its holder holds.
            issue_holder[ix(k)] = actor_index(holder);
        }
    }
    for (int i = 0; i < n; ++i) {
        // docs/model.md §2.3: a start exactly on a threshold (initial_rung 7.0) sits just above it, so that
        // the first crossing down is found like any other.
        const bool on_threshold = std::any_of(thresholds.begin() + 1, thresholds.end(), [&](double t) {
            return std::abs(initial(i) - t) < k_hysteresis;
        });
        if (on_threshold) {
            initial(i) += k_hysteresis;
        }
    }
    pressure = std::make_unique<PressureSystem>(initial, 0.0);
    rung.resize(ix(n));
    for (int i = 0; i < n; ++i) {
        rung[ix(i)] = std::min(rung_at(thresholds, initial(i)), war_rung_index);
    }
    last_escalation.assign(ix(n), -std::numeric_limits<double>::infinity());
    requests.resize(ix(n));
    seizures.resize(ix(n));
    public_commitment.assign(ix(n), 0.0);
    threat_line = Eigen::MatrixXi::Constant(n, n, -1);
    war_side.assign(ix(n), 0);
    clashes.assign(ix(n), 0);
    m_most_hostile_to.assign(ix(n), -1);
    m_hostility_stale.assign(ix(n), 1);
}

void CrisisState::build_demands() {
    for (const auto& d : spec.demands) {
        DemandState s;
        s.challenger = actor_index(d.challenger);
        s.issue = issue_index(d.issue);
        s.id = d.id.empty() ? d.challenger + "_" + d.issue : d.id;
        for (const auto& t : d.targets) {
            const int ti = actor_index(t);
            if (ti == s.challenger) {
                throw std::invalid_argument("demand '" + s.id + "' targets its own challenger");
            }
            s.targets.push_back(ti);
            s.status.push_back(TargetStatus::Open);
            s.firmness_read.push_back(0.0);
        }
        if (s.targets.empty()) {
            throw std::invalid_argument("demand '" + s.id + "' has no target");
        }
        s.value = std::clamp(d.value, 0.0, 1.0);
        s.demanded = s.value;
        s.baseline = status_quo(s.issue);
        if (issue_holder[ix(s.issue)] == s.challenger) {
            // docs/model.md §12.6: a holder's demand is that the targets accept what it holds; it gives up
            // only by moving toward what they want back.
            for (const int t : s.targets) {
                if (holds(t, s.issue)) {
                    s.baseline = position(t, s.issue);
                    break;
                }
            }
        }
        s.gap = std::max(std::abs(s.demanded - s.baseline), k_min_gap);
        s.made = d.made;
        s.deadline = d.deadline;
        if (!d.war_target.empty()) {
            s.war_target = actor_index(d.war_target);
        } else if (issue_holder[ix(s.issue)] >= 0 && issue_holder[ix(s.issue)] != s.challenger) {
            s.war_target = issue_holder[ix(s.issue)];
        }
        if (!d.threat.empty()) {
            const LadderSpec ladder = spec.ladder.rungs.empty() ? default_ladder() : spec.ladder;
            for (std::size_t r = 0; r < ladder.rungs.size(); ++r) {
                if (ladder.rungs[r].id == d.threat) {
                    s.threat_rung = static_cast<int>(r);
                }
            }
        }
        demands.push_back(std::move(s));
    }
}

void CrisisState::build_readiness() {
    // docs/model.md §11.4: the mobilisation rung of the ladder (by id), else two below war.
    mobilisation_rung = std::max(1, war_rung_index - 2);
    const LadderSpec ladder = spec.ladder.rungs.empty() ? default_ladder() : spec.ladder;
    for (std::size_t r = 0; r < ladder.rungs.size(); ++r) {
        if (ladder.rungs[r].id == "mobilisation" && static_cast<int>(r) < war_rung_index) {
            mobilisation_rung = static_cast<int>(r);
        }
    }
    const ReadinessParams& p = spec.model.readiness;
    readiness.resize(ix(n));
    for (int i = 0; i < n; ++i) {
        const ActorSpec& a = spec.actors[ix(i)];
        ReadinessTrack& r = readiness[ix(i)];
        r.origin = std::isnan(a.readiness) ? p.peacetime : std::clamp(a.readiness, 0.0, 1.0);
        r.since = 0.0;
        r.rate = std::isnan(a.readiness_rate) ? p.build_rate : a.readiness_rate;
        r.daily_cost = std::isnan(a.readiness_cost) ? p.daily_cost : a.readiness_cost;
        r.target = rung[ix(i)] >= mobilisation_rung ? 1.0 : p.peacetime;
    }
}

void CrisisState::build_beliefs() {
    // docs/model.md §11.2: the public reputation of each actor, and beliefs of their own for the pairs in a
    // demand together, hostile at day 0, or with a defender committed to the other's counterpart.
    std::vector<double> prior(ix(n));
    for (int j = 0; j < n; ++j) {
        const ActorSpec& a = spec.actors[ix(j)];
        // docs/model.md §11.2: without a reputation in the scenario, the others' prior lies between knowing
        // nothing of j's type (1/2) and expecting its resolve, as model.beliefs.ignorance says.
        const double ignorance = spec.model.beliefs.ignorance;
        prior[ix(j)] = std::isnan(a.reputation)
                           ? ignorance * k_uninformed_reputation +
                                 (1.0 - ignorance) * reputation_for_resolve(resolve(j), spec.model.beliefs)
                           : a.reputation;
    }
    beliefs = std::make_unique<Beliefs>(spec.model.beliefs, std::move(prior));
    std::vector<std::vector<int>> counterparts(ix(n));
    const auto pair_up = [&](int a, int b) {
        if (a >= 0 && b >= 0 && a != b) {
            counterparts[ix(a)].push_back(b);
            counterparts[ix(b)].push_back(a);
        }
    };
    for (const auto& d : demands) {
        for (const int t : d.targets) {
            pair_up(d.challenger, t);
        }
        pair_up(d.challenger, d.war_target);
    }
    for (int i = 0; i < n; ++i) {
        for (int j = 0; j < n; ++j) {
            if (i != j && relations.affinity(i, j) < 0.0) {
                pair_up(i, j);
            }
        }
    }
    for (int i = 0; i < n; ++i) {
        for (const int j : counterparts[ix(i)]) {
            beliefs->track(i, j);
            for (int k = 0; k < n; ++k) {
                if (k != i && (relations.commitment(k, j) > 0.0 || relations.declared(k, j) > 0.0)) {
                    beliefs->track(i, k);
                }
            }
            for (const ScopedCommitment& c : relations.scoped) {
                if (c.protege == j && c.defender != i) {
                    beliefs->track(i, c.defender);
                }
            }
        }
    }
    for (const BeliefSpec& b : spec.relations.beliefs) {
        beliefs->track(actor_index(b.observer), actor_index(b.about), b.resolute);
    }
}

int CrisisState::rung_for_pressure(double e) const {
    return e >= war_line() ? war_rung_index : std::min(rung_at(thresholds, e), war_rung_index - 1);
}

double CrisisState::readiness_at(int i, double t) const {
    if (!mechanisms().readiness) {
        return 1.0;
    }
    const ReadinessTrack& r = readiness[ix(i)];
    if (r.origin == r.target) {
        return r.target;
    }
    return r.target + (r.origin - r.target) * std::exp(-r.rate * std::max(0.0, t - r.since));
}

void CrisisState::update_readiness_target(int i, double now) {
    ReadinessTrack& r = readiness[ix(i)];
    const double target = rung[ix(i)] >= mobilisation_rung ? 1.0 : spec.model.readiness.peacetime;
    if (target == r.target) {
        return;
    }
    r.origin = readiness_at(i, now);
    r.since = now;
    r.target = target;
}

double CrisisState::holding_cost(int i, double t) const {
    if (!mechanisms().readiness) {
        return 0.0;
    }
    const ReadinessParams& p = spec.model.readiness;
    return readiness[ix(i)].daily_cost * p.planning_days * std::max(0.0, readiness_at(i, t) - p.peacetime);
}

double CrisisState::expected_resolve(int observer, int about) const {
    if (!mechanisms().beliefs || observer < 0) {
        return resolve(about);
    }
    return beliefs->expected_resolve(observer, about);
}

double CrisisState::threat_credibility(int i, int j) const {
    const BeliefParams& types = spec.model.beliefs;
    const double mean = 0.5 * (types.resolute + types.irresolute);
    return std::min(1.0, nearness_to_war(j) * expected_resolve(i, j) / mean);
}

double CrisisState::theatre_share(int k) const {
    const double own = spec.actors[ix(k)].theatre_share;
    return std::isnan(own) ? spec.model.theatre_share : own;
}

double CrisisState::future_share(int i) const {
    double total = 0.0;
    for (int k = 0; k < n; ++k) {
        total += share(k) * (1.0 + spec.actors[ix(k)].power_trend);
    }
    return share(i) * (1.0 + spec.actors[ix(i)].power_trend) / total;
}

double CrisisState::audience_weight(int i) const {
    if (!mechanisms().audience_costs) {
        return 0.0;
    }
    // docs/model.md §11.3: democracies' audience costs are the largest (Fearon 1994; Schultz 2001),
    // autocracies' smaller but real (Weeks 2008).
    double regime = 0.75;
    switch (spec.actors[ix(i)].regime) {
        case Regime::Democracy:
            regime = 1.0;
            break;
        case Regime::Mixed:
            regime = 0.75;
            break;
        case Regime::Autocracy:
            regime = 0.5;
            break;
    }
    return spec.model.audience_cost * regime;
}

int CrisisState::war_target(int i, int j, int k) const {
    if (!mechanisms().extended_deterrence || k < 0) {
        return j;
    }
    for (const auto& d : demands) {
        if (d.active && d.challenger == i && d.issue == k && d.open()) {
            if (d.war_target >= 0) {
                return d.war_target;
            }
        }
    }
    return j;
}

int CrisisState::actor_index(const std::string& id) const {
    for (int i = 0; i < n; ++i) {
        if (spec.actors[ix(i)].id == id) {
            return i;
        }
    }
    throw std::invalid_argument("unknown actor '" + id + "'");
}

int CrisisState::issue_index(const std::string& id) const {
    for (int k = 0; k < m; ++k) {
        if (spec.issues[ix(k)].id == id) {
            return k;
        }
    }
    throw std::invalid_argument("unknown issue '" + id + "'");
}

int CrisisState::demand_index(const std::string& id) const {
    int found = -1;
    for (std::size_t d = 0; d < demands.size(); ++d) {
        if (demands[d].id == id) {
            found = static_cast<int>(d);  // the last of equal ids, as the scenario loader forbids them
        }
    }
    return found;
}

double CrisisState::resolve(int i) const {
    return std::clamp(spec.actors[ix(i)].resolve, 0.0, 1.0);
}

double CrisisState::war_cost(int i) const {
    return war_cost_given_resolve(i, resolve(i));
}

double CrisisState::war_cost_given_resolve(int i, double r) const {
    // docs/model.md §4.4: costs scaled by resolve, plus a floor, plus what sanctions added.
    return spec.actors[ix(i)].cost_of_war * (1.0 - k_resolve_discount * r) + k_war_cost_floor +
           sanction_cost(i);
}

double CrisisState::reach(int i, int k) const {
    // docs/model.md §4.5: the salient issues of a resolute actor hardly move; §11.3: nor do those of an actor
    // that has publicly committed itself.
    const double flexible = k_concession_limit * (1.0 - salience(i, k) * resolve(i));
    return mechanisms().audience_costs ? flexible * (1.0 - commitment(i)) : flexible;
}

double CrisisState::commitment(int i) const {
    return std::max(public_commitment[ix(i)], k_rung_commitment * nearness_to_war(i));
}

void CrisisState::commit_publicly(int i, double step, double issue_salience, double stakes) {
    const double weight = audience_weight(i);
    if (!(weight > 0.0)) {
        return;
    }
    double& committed = public_commitment[ix(i)];
    const double tied = weight * step * (1.0 - committed) * issue_salience;
    committed += step * (1.0 - committed);
    if (mechanisms().beliefs) {
        beliefs->observe(i, {stakes, 0.0, tied}, spec.model.rationality);
    }
}

void CrisisState::move_position(int i, int k, double value) {
    if (!holds(i, k)) {
        return;
    }
    position(i, k) = std::clamp(value, 0.0, 1.0);
}

void CrisisState::refresh_opponents() const {
    // docs/model.md §4.3, for every actor in one pass: the main opponent is the most capable counterpart in
    // an open demand; failing that, the actor i is most hostile to, weighted by capability. Each actor sees
    // its candidates in demand, target and actor order and keeps the first strict maximum, so ties resolve
    // as they would actor by actor.
    m_opponents.assign(ix(n), -1);
    m_opponent_score.assign(ix(n), 0.0);
    const auto consider = [&](int i, int other, double score) {
        if (score > m_opponent_score[ix(i)]) {
            m_opponents[ix(i)] = other;
            m_opponent_score[ix(i)] = score;
        }
    };
    for (const auto& d : demands) {
        if (!d.active) {
            continue;
        }
        for (std::size_t t = 0; t < d.targets.size(); ++t) {
            if (d.status[t] == TargetStatus::Open) {
                consider(d.challenger, d.targets[t], share(d.targets[t]));
                consider(d.targets[t], d.challenger, share(d.challenger));
            }
        }
    }
    // The hostility fallback for the actors no open demand concerns. It reads only row i of A (and the
    // constant shares), so it is kept per actor and recomputed only when the row was written since
    // (note_relations_written): the same value a full recomputation would give.
    for (int i = 0; i < n; ++i) {
        if (m_opponents[ix(i)] >= 0) {
            continue;
        }
        if (m_hostility_stale[ix(i)] != 0) {
            int best = -1;
            double best_score = 0.0;
            for (int j = 0; j < n; ++j) {
                const double a = relations.affinity(i, j);
                const double score = -a * share(j);
                if (j != i && a < k_hostility_floor && score > best_score) {
                    best = j;
                    best_score = score;
                }
            }
            m_most_hostile_to[ix(i)] = best;
            m_hostility_stale[ix(i)] = 0;
        }
        m_opponents[ix(i)] = m_most_hostile_to[ix(i)];
    }
    m_opponents_dirty = false;
}

int CrisisState::contested_issue(int i, int j) const {
    // docs/model.md §4.5: the issue of an open demand between them, else the one they differ most on.
    int best = -1;
    double best_score = -1.0;
    for (const auto& d : demands) {
        if (!d.active) {
            continue;
        }
        for (std::size_t t = 0; t < d.targets.size(); ++t) {
            const bool between =
                (d.challenger == i && d.targets[t] == j) || (d.challenger == j && d.targets[t] == i);
            if (between && d.status[t] == TargetStatus::Open && holds(i, d.issue) && holds(j, d.issue)) {
                const double score = 1.0 + salience(i, d.issue);
                if (score > best_score) {
                    best = d.issue;
                    best_score = score;
                }
            }
        }
    }
    if (best >= 0) {
        return best;
    }
    for (int k = 0; k < m; ++k) {
        if (holds(i, k) && holds(j, k)) {
            const double score = salience(i, k) * std::abs(position(i, k) - position(j, k));
            if (score > 1e-9 && score > best_score) {
                best = k;
                best_score = score;
            }
        }
    }
    return best;
}

DemandState* CrisisState::demand_between(int a, int b, int issue) {
    for (auto& d : demands) {
        if (!d.active || d.issue != issue) {
            continue;
        }
        for (std::size_t t = 0; t < d.targets.size(); ++t) {
            if (d.status[t] == TargetStatus::Open &&
                ((d.challenger == a && d.targets[t] == b) || (d.challenger == b && d.targets[t] == a))) {
                return &d;
            }
        }
    }
    return nullptr;
}

}  // namespace brink::model
