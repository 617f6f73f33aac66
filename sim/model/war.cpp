// War as a process: coalitions, battles, beliefs that converge, and how wars end (docs/model.md §12.2).
#include "brink/model/war.hpp"

#include "brink/model/bargaining.hpp"
#include "brink/model/choice.hpp"
#include "brink/model/coalitions.hpp"
#include "brink/model/decisions.hpp"
#include "brink/model/offers.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace brink::model {

namespace {

/// docs/model.md §12.2: the spread of each side's prior over log₂ e (a factor of about 1.4 either way).
constexpr double k_prior_spread = 0.5;
/// docs/model.md §12.2: a settlement giving a side at least this share of the disputed range is its victory,
/// at most 1 − this its defeat, otherwise a compromise for both.
constexpr double k_victory_share = 0.75;
/// The priority of battles among simultaneous events (after decisions, before the relations batch).
constexpr int k_priority_battle = 5;

double remaining(double units, double collapse) {
    return std::max(0.0, units * units - collapse * collapse);
}

}  // namespace

const std::array<double, k_effectiveness_grid>& effectiveness_grid() {
    static const std::array<double, k_effectiveness_grid> grid = [] {
        std::array<double, k_effectiveness_grid> g{};
        for (int m = 0; m < k_effectiveness_grid; ++m) {
            g[static_cast<std::size_t>(m)] = std::exp2(-2.0 + 0.25 * m);
        }
        return g;
    }();
    return grid;
}

EffectivenessBelief effectiveness_prior(double center) {
    EffectivenessBelief belief{};
    const double mu =
        std::log2(std::clamp(center, effectiveness_grid().front(), effectiveness_grid().back()));
    double total = 0.0;
    for (std::size_t m = 0; m < belief.size(); ++m) {
        const double z = (std::log2(effectiveness_grid()[m]) - mu) / k_prior_spread;
        belief[m] = std::exp(-0.5 * z * z);
        total += belief[m];
    }
    for (double& w : belief) {
        w /= total;
    }
    return belief;
}

void update_effectiveness(EffectivenessBelief& belief, bool a_won, double units_a, double units_b) {
    double total = 0.0;
    for (std::size_t m = 0; m < belief.size(); ++m) {
        const double e = effectiveness_grid()[m];
        const double q = e * units_a / (e * units_a + units_b);
        belief[m] *= a_won ? q : 1.0 - q;
        total += belief[m];
    }
    if (total > 0.0) {
        for (double& w : belief) {
            w /= total;
        }
    }
}

double win_probability(double e, double units_a, double units_b, double collapse_a, double collapse_b) {
    const double a = e * remaining(units_a, collapse_a);
    const double b = remaining(units_b, collapse_b);
    return a + b > 0.0 ? a / (a + b) : 0.5;
}

double win_probability(const EffectivenessBelief& belief, double units_a, double units_b, double collapse_a,
                       double collapse_b) {
    double p = 0.0;
    for (std::size_t m = 0; m < belief.size(); ++m) {
        p += belief[m] * win_probability(effectiveness_grid()[m], units_a, units_b, collapse_a, collapse_b);
    }
    return p;
}

double effectiveness_for(double p, double units_a, double units_b, double collapse_a, double collapse_b) {
    const double a = remaining(units_a, collapse_a);
    const double b = remaining(units_b, collapse_b);
    if (!(a > 0.0) || !(b > 0.0)) {
        return 1.0;
    }
    const double clamped = std::clamp(p, 1e-3, 1.0 - 1e-3);
    return std::clamp(clamped * b / ((1.0 - clamped) * a), effectiveness_grid().front(),
                      effectiveness_grid().back());
}

double mediate_utility(const CrisisState& state, int m, double now) {
    const int a = state.war_initiator;
    const int b = state.war_defender;
    if (a < 0 || b < 0 || m == a || m == b || now - state.last_contact(m, a) < k_contact_interval) {
        return -std::numeric_limits<double>::infinity();
    }
    const Relations& r = state.relations;
    const double ties = 0.5 * (std::max(0.0, r.affinity(m, a)) + std::max(0.0, r.affinity(m, b)));
    const double weight = state.share(m) / (state.share(m) + state.share(a) + state.share(b));
    return ties * weight - k_action_cost;
}

Battlefield::Battlefield(double a, double b, double e, double rate, double collapse_share)
    : units_a(a),
      units_b(b),
      start_a(a),
      start_b(b),
      collapse_a(collapse_share * a),
      collapse_b(collapse_share * b),
      effectiveness(e),
      m_beta(rate / (e * a + b)) {}

double Battlefield::next_battle(engine::RngStream& rng) const {
    if (over()) {
        return std::numeric_limits<double>::infinity();
    }
    return rng.exponential(m_beta * (effectiveness * units_a + units_b));
}

bool Battlefield::fight(engine::RngStream& rng) {
    const double q = effectiveness * units_a / (effectiveness * units_a + units_b);
    const bool a_won = rng.uniform() < q;
    (a_won ? units_b : units_a) -= 1.0;
    return a_won;
}

WarProcess::WarProcess(CrisisState& state, engine::Simulation& sim, Effects& effects)
    : m_state(state), m_sim(sim), m_effects(effects) {}

double WarProcess::side_strength(const std::vector<int>& side) const {
    const double t = m_sim.now();
    double strength = 0.0;
    for (std::size_t n = 0; n < side.size(); ++n) {
        const int k = side[n];
        const double theatre = n == 0 ? 1.0 : m_state.theatre_share(k);
        strength += m_state.share(k) * theatre * m_state.fighting_share(k, t);
    }
    return strength;
}

void WarProcess::join_coalitions() {
    // docs/model.md §12.2: each third party joins one side or neither, with its joining probabilities.
    CrisisState& s = m_state;
    engine::RngStream& join = m_sim.rng("war/join");
    m_record.initiator_side = {m_a};
    m_record.target_side = {m_b};
    for (int k = 0; k < s.n; ++k) {
        if (k == m_a || k == m_b) {
            continue;
        }
        double with_a = join_probability(s, k, m_a, m_b, m_issue, View{});
        double with_b = join_probability(s, k, m_b, m_a, m_issue, View{});
        if (with_a + with_b > 1.0) {
            const double total = with_a + with_b;
            with_a /= total;
            with_b /= total;
        }
        const double u = join.uniform();
        const int side = u < with_a ? 1 : (u < with_a + with_b ? 2 : 0);
        if (side == 0) {
            continue;
        }
        const int partner = side == 1 ? m_a : m_b;
        const int enemy = side == 1 ? m_b : m_a;
        (side == 1 ? m_record.initiator_side : m_record.target_side).push_back(k);
        s.war_side[ix(k)] = side;
        m_effects.log({EventType::JoinWar, k, enemy, m_issue, 0.0, "190", true},
                      [&] { return s.name(k) + " enters the war on " + s.name(partner) + "'s side"; });
    }
}

void WarProcess::begin(int initiator, int target, int issue) {
    CrisisState& s = m_state;
    m_a = initiator;
    m_b = target;
    m_issue = issue;
    s.at_war = true;
    s.war_initiator = initiator;
    s.war_defender = target;
    s.war_side[ix(initiator)] = 1;
    s.war_side[ix(target)] = 2;
    m_record.start = m_sim.now();
    m_x_a = issue >= 0 && s.holds(initiator, issue) ? s.position(initiator, issue) : 1.0;
    m_x_b = issue >= 0 && s.holds(target, issue) ? s.position(target, issue) : 1.0 - m_x_a;
    // Each side's pre-war estimate of its chance, before the coalitions are known (§11.1).
    const double t = m_sim.now();
    const WarProspect by_a = war_prospect(s, initiator, target, issue, View{initiator}, t);
    const WarProspect by_b = war_prospect(s, target, initiator, issue, View{target}, t);
    const double p_a = by_a.p;
    const double p_b = by_b.p;
    m_cost_a = by_a.cost;
    m_cost_b = by_b.cost;
    join_coalitions();
    const double strength_a = side_strength(m_record.initiator_side);
    const double strength_b = side_strength(m_record.target_side);
    const double stronger = std::max(strength_a, strength_b);
    const WarParams& p = s.params().war;
    const double units_a = p.units * std::sqrt(strength_a / stronger);
    const double units_b = p.units * std::sqrt(strength_b / stronger);
    m_battles = &m_sim.rng("war/battles");
    const double effectiveness = std::exp2(m_battles->normal(0.0, p.fog));
    m_field = Battlefield(units_a, units_b, effectiveness, p.battle_rate, p.collapse);
    m_belief_a =
        effectiveness_prior(effectiveness_for(p_a, units_a, units_b, m_field.collapse_a, m_field.collapse_b));
    m_belief_b = effectiveness_prior(
        effectiveness_for(1.0 - p_b, units_a, units_b, m_field.collapse_a, m_field.collapse_b));
    schedule_battle();
}

void WarProcess::schedule_battle() {
    const double at = m_sim.now() + m_field.next_battle(*m_battles);
    if (!(at <= m_state.horizon)) {
        return;
    }
    m_sim.schedule_at(at, k_priority_battle, [this](engine::Simulation&) { battle(); });
}

double WarProcess::remaining_cost(int principal) const {
    // docs/model.md §12.2: the cost of this war (§11.1, at its start) still to come, by the share of the
    // fighting still expected.
    const Battlefield& f = m_field;
    const double left = (f.units_a - f.collapse_a) + (f.units_b - f.collapse_b);
    const double whole = (f.start_a - f.collapse_a) + (f.start_b - f.collapse_b);
    return (principal == m_a ? m_cost_a : m_cost_b) * std::clamp(left / whole, 0.0, 1.0);
}

void WarProcess::battle() {
    CrisisState& s = m_state;
    if (s.finished) {
        return;
    }
    const double before_a = m_field.units_a;
    const double before_b = m_field.units_b;
    const bool a_won = m_field.fight(*m_battles);
    update_effectiveness(m_belief_a, a_won, before_a, before_b);
    update_effectiveness(m_belief_b, a_won, before_a, before_b);
    ++m_record.battles;
    if (m_issue >= 0) {
        // docs/model.md §12.2: each battle moves the line of control on the issue toward the winner's
        // position, by the disputed range over the battles a collapse takes.
        const double step =
            std::abs(m_x_a - m_x_b) / std::max(1.0, (1.0 - s.params().war.collapse) * s.params().war.units);
        const double toward = a_won ? m_x_a : m_x_b;
        double& line = s.status_quo(m_issue);
        line = toward > line ? std::min(toward, line + step) : std::max(toward, line - step);
    }
    const int winner = a_won ? m_a : m_b;
    const int loser = a_won ? m_b : m_a;
    m_effects.log({EventType::Battle, winner, loser, m_issue, 0.0, "190", false}, [&] {
        return s.name(winner) + " wins battle " + std::to_string(m_record.battles) + " against " +
               s.name(loser);
    });
    if (m_field.a_collapsed()) {
        m_outcome_a = ActorOutcome::Defeat;
        m_outcome_b = ActorOutcome::Victory;
        end(WarEnd::Collapse, m_x_b);
    } else if (m_field.b_collapsed()) {
        m_outcome_a = ActorOutcome::Victory;
        m_outcome_b = ActorOutcome::Defeat;
        end(WarEnd::Collapse, m_x_a);
    } else if (!try_settlement()) {
        schedule_battle();
    }
    m_effects.sample(SampleKind::Event);
}

bool WarProcess::try_settlement() {
    // docs/model.md §12.2: each side's own estimate of A's chance and its remaining cost give a Fearon range
    // in A's share of the disputed range; both weigh its Rubinstein point against fighting on.
    CrisisState& s = m_state;
    const Battlefield& f = m_field;
    const double p_by_a = win_probability(m_belief_a, f.units_a, f.units_b, f.collapse_a, f.collapse_b);
    const double p_by_b = win_probability(m_belief_b, f.units_a, f.units_b, f.collapse_a, f.collapse_b);
    const double cost_a = remaining_cost(m_a);
    const double cost_b = remaining_cost(m_b);
    BargainingRange range;
    range.low = std::max(0.0, p_by_a - cost_a);
    range.high = std::min(1.0, p_by_b + cost_b);
    if (range.empty()) {
        return false;
    }
    const double share = rubinstein_agreement(range, talks_patience(s, m_a), talks_patience(s, m_b), true);
    const double lambda = s.params().rationality;
    engine::RngStream& settle = m_sim.rng("war/settle");
    const std::array<double, 2> a_weighs{p_by_a - cost_a, share};
    const std::array<double, 2> b_weighs{(1.0 - p_by_b) - cost_b, 1.0 - share};
    const bool a_accepts = logit_choice(a_weighs, lambda, settle.uniform()) == 1;
    const bool b_accepts = logit_choice(b_weighs, lambda, settle.uniform()) == 1;
    if (!a_accepts || !b_accepts) {
        return false;
    }
    m_outcome_a = share >= k_victory_share         ? ActorOutcome::Victory
                  : share <= 1.0 - k_victory_share ? ActorOutcome::Defeat
                                                   : ActorOutcome::Compromise;
    m_outcome_b = m_outcome_a == ActorOutcome::Victory  ? ActorOutcome::Defeat
                  : m_outcome_a == ActorOutcome::Defeat ? ActorOutcome::Victory
                                                        : ActorOutcome::Compromise;
    end(WarEnd::Settlement, m_x_b + share * (m_x_a - m_x_b));
    return true;
}

void WarProcess::mediate(int mediator) {
    CrisisState& s = m_state;
    if (!s.at_war || s.finished) {
        return;
    }
    s.last_contact(mediator, m_a) = m_sim.now();
    s.last_contact(mediator, m_b) = m_sim.now();
    m_effects.log({EventType::Mediation, mediator, m_a, m_issue, 0.0, "045", true}, [&] {
        return s.leader(mediator) + " proposes a ceasefire to " + s.name(m_a) + " and " + s.name(m_b);
    });
    // docs/model.md §12.2: each principal weighs the ceasefire (the status quo now, plus the mediator's
    // leverage over it) against fighting on, by its own estimate.
    const Battlefield& f = m_field;
    const double q = m_issue >= 0 ? s.status_quo(m_issue) : 0.5;  // the line of control
    engine::RngStream& settle = m_sim.rng("war/settle");
    bool accepted = true;
    for (const int principal : {m_a, m_b}) {
        const bool is_a = principal == m_a;
        const double x = is_a ? m_x_a : m_x_b;
        const double other = is_a ? m_x_b : m_x_a;
        const double p_a =
            win_probability(is_a ? m_belief_a : m_belief_b, f.units_a, f.units_b, f.collapse_a, f.collapse_b);
        const double p = is_a ? p_a : 1.0 - p_a;
        const double fight = p + (1.0 - p) * (1.0 - std::abs(x - other)) - remaining_cost(principal);
        const double leverage =
            s.params().war.mediation * s.share(mediator) / (s.share(mediator) + s.share(principal));
        // Stopping short of its aims is backing down (§11.3); the mediator's leverage is what makes it
        // bearable.
        const double back_down =
            s.audience_weight(principal) * s.commitment(principal) *
            (m_issue >= 0 && s.holds(principal, m_issue) ? s.salience(principal, m_issue) : 0.5);
        const double ceasefire = 1.0 - std::abs(x - q) - back_down + leverage;
        const std::array<double, 2> weighs{fight, ceasefire};
        accepted = logit_choice(weighs, s.params().rationality, settle.uniform()) == 1 && accepted;
    }
    if (accepted) {
        m_outcome_a = ActorOutcome::Stalemate;
        m_outcome_b = ActorOutcome::Stalemate;
        end(WarEnd::Ceasefire, q);
    }
}

void WarProcess::end(WarEnd how, double value) {
    CrisisState& s = m_state;
    m_record.end = m_sim.now();
    m_record.how = how;
    m_record.settlement = value;
    if (m_issue >= 0 && !std::isnan(value)) {
        s.status_quo(m_issue) = value;
        if (how != WarEnd::Ceasefire) {  // a ceasefire freezes the line; nobody gives up its aims
            s.move_position(m_a, m_issue, value);
            s.move_position(m_b, m_issue, value);
        }
    }
    s.at_war = false;
    s.finished = true;
    const EventType type = how == WarEnd::Ceasefire ? EventType::Ceasefire : EventType::WarEnd;
    m_effects.log({type, m_a, m_b, m_issue, std::isnan(value) ? 0.0 : value,
                   how == WarEnd::Ceasefire ? "0871" : "", true},
                  [&] {
                      switch (how) {
                          case WarEnd::Collapse:
                              return (m_outcome_a == ActorOutcome::Defeat ? s.name(m_a) : s.name(m_b)) +
                                     "'s forces collapse: the war ends";
                          case WarEnd::Settlement:
                              return s.name(m_a) + " and " + s.name(m_b) + " agree to end the war";
                          default:
                              return s.name(m_a) + " and " + s.name(m_b) + " accept a ceasefire";
                      }
                  });
    m_sim.request_stop();
}

void WarProcess::actor_outcomes(const CrisisState& state, std::map<std::string, ActorOutcome>& out) const {
    for (const int k : m_record.initiator_side) {
        out[state.actor_ids[ix(k)]] = m_outcome_a;
    }
    for (const int k : m_record.target_side) {
        out[state.actor_ids[ix(k)]] = m_outcome_b;
    }
}

}  // namespace brink::model
