// brink: the expected-utility model of Bueno de Mesquita after Scholz, Calbert & Smith (2011)
// (docs/model.md §6). Notation follows the paper: c capability, x position, s salience, r risk exponent,
// μ median voter position, Q and T the status-quo probabilities.
#include "brink/model/bdm.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>

namespace brink::model {
namespace {

using Index = Eigen::Index;

void validate(const std::vector<BdmActor>& actors, const BdmParams& params) {
    if (actors.empty()) {
        throw std::invalid_argument("bdm_round: no actors");
    }
    auto in_unit = [](double value) { return value >= 0.0 && value <= 1.0; };  // false for NaN
    for (std::size_t i = 0; i < actors.size(); ++i) {
        const BdmActor& actor = actors[i];
        // The message prefix is built only when an actor is rejected (not once per actor and round).
        const auto where = [i] { return "bdm_round: actor " + std::to_string(i) + ": "; };
        if (!(actor.capability >= 0.0) || std::isinf(actor.capability)) {
            throw std::invalid_argument(where() + "capability must be finite and >= 0");
        }
        if (!in_unit(actor.position)) {
            throw std::invalid_argument(where() + "position must be scaled to [0,1]");
        }
        if (!in_unit(actor.salience)) {
            throw std::invalid_argument(where() + "salience must be in [0,1]");
        }
    }
    if (!in_unit(params.q) || !in_unit(params.t)) {
        throw std::invalid_argument("bdm_round: Q and T must be probabilities in [0,1]");
    }
}

// docs/model.md §6.1: the median voter position is the Condorcet winner of the pairwise votes; with
// linear (single-peaked) preferences on a line that is the weighted median of the positions, weights c·s.
double weighted_median(const std::vector<BdmActor>& actors, const std::vector<double>& weight, double total) {
    std::vector<std::size_t> order(actors.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return actors[a].position < actors[b].position; });
    double cumulative = 0.0;
    for (std::size_t k : order) {
        cumulative += weight[k];
        if (cumulative >= 0.5 * total) {
            return actors[k].position;
        }
    }
    return actors[order.back()].position;
}

// docs/model.md §6.1: the votes of everyone over every pair of positions, in O(m^2) for m distinct positions
// instead of the O(n^3) of summing each voter's w_k (|x_k - x_j| - |x_k - x_i|) per pair. For positions
// u_a < u_b (d = u_b - u_a, midpoint h), a voter at x votes w d for u_a when x <= u_a, w (u_a + u_b - 2x) for
// u_a when u_a < x < h, nothing at h, w (2x - u_a - u_b) for u_b when h < x < u_b, and w d for u_b when
// x >= u_b. With the voters grouped by position and running sums from u_a of G_t and G_t (u_t - u_a) (every
// term non-negative, so no cancellation across the whole line), each pair costs O(1) amortised: the
// midpoint's index only moves up as u_b does.
struct PairVotes {
    std::vector<std::size_t> group_of;  // actor -> index of its position among the distinct ones
    std::vector<double> position;       // the distinct positions, ascending
    Eigen::MatrixXd for_lower;          // (a, b), a < b: votes for u_a against u_b
    Eigen::MatrixXd for_upper;          // (a, b), a < b: votes for u_b against u_a
};

PairVotes pairwise_votes(const std::vector<BdmActor>& actors, const std::vector<double>& weight) {
    const std::size_t n = actors.size();
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return actors[a].position < actors[b].position; });
    PairVotes votes;
    votes.group_of.assign(n, 0);
    std::vector<double> u;  // distinct positions, ascending
    std::vector<double> g;  // total weight at each
    for (const std::size_t k : order) {
        if (u.empty() || actors[k].position != u.back()) {
            u.push_back(actors[k].position);
            g.push_back(0.0);
        }
        g.back() += weight[k];
        votes.group_of[k] = u.size() - 1;
    }
    votes.position = u;
    const std::size_t m = u.size();
    std::vector<double> at_or_below(m);  // Σ_{t <= a} G_t
    std::vector<double> at_or_above(m);  // Σ_{t >= b} G_t
    double running = 0.0;
    for (std::size_t t = 0; t < m; ++t) {
        running += g[t];
        at_or_below[t] = running;
    }
    running = 0.0;
    for (std::size_t t = m; t-- > 0;) {
        running += g[t];
        at_or_above[t] = running;
    }
    const auto mi = static_cast<Index>(m);
    votes.for_lower = Eigen::MatrixXd::Zero(mi, mi);
    votes.for_upper = Eigen::MatrixXd::Zero(mi, mi);
    std::vector<double> sum_w(m + 1);  // sum_w[t] = Σ_{a < s < t} G_s (for the current a)
    std::vector<double> sum_p(m + 1);  // sum_p[t] = Σ_{a < s < t} G_s (u_s - u_a)
    for (std::size_t a = 0; a + 1 < m; ++a) {
        sum_w[a + 1] = 0.0;
        sum_p[a + 1] = 0.0;
        for (std::size_t t = a + 1; t < m; ++t) {
            sum_w[t + 1] = sum_w[t] + g[t];
            sum_p[t + 1] = sum_p[t] + g[t] * (u[t] - u[a]);
        }
        std::size_t below_mid = a + 1;  // first index with u >= midpoint
        std::size_t above_mid = a + 1;  // first index with u > midpoint
        for (std::size_t b = a + 1; b < m; ++b) {
            const double d = u[b] - u[a];
            const double mid = 0.5 * (u[a] + u[b]);
            while (below_mid < b && u[below_mid] < mid) {
                ++below_mid;
            }
            above_mid = std::max(above_mid, below_mid);
            while (above_mid < b && u[above_mid] <= mid) {
                ++above_mid;
            }
            // Strictly between u_a and the midpoint: Σ G (d - 2 (u - u_a)); between the midpoint and u_b:
            // Σ G (2 (u - u_a) - d).
            const double near_lower = d * sum_w[below_mid] - 2.0 * sum_p[below_mid];
            const double near_upper = 2.0 * (sum_p[b] - sum_p[above_mid]) - d * (sum_w[b] - sum_w[above_mid]);
            const auto ai = static_cast<Index>(a);
            const auto bi = static_cast<Index>(b);
            votes.for_lower(ai, bi) = d * at_or_below[a] + std::max(0.0, near_lower);
            votes.for_upper(ai, bi) = d * at_or_above[b] + std::max(0.0, near_upper);
        }
    }
    return votes;
}

// The basic utilities of SCS 2011 §3 (docs/model.md §6.3), seen by an actor with risk exponent r, for a
// challenger at distance `distance` from its target and `distance_to_median` from μ.
struct BasicUtilities {
    double success;     // U_s
    double failure;     // U_f
    double better;      // U_b
    double worse;       // U_w
    double status_quo;  // U_sq
};

BasicUtilities basic_utilities(double distance, double distance_to_median, double r) {
    BasicUtilities u{};
    if (r == 1.0) {
        // The risk-neutral pass (exposure) is half of the work; skipping std::pow there halves its cost.
        u.success = 2.0 * distance;
        u.failure = -2.0 * distance;
        u.better = distance_to_median + distance;
        u.worse = -(distance_to_median + distance);
        u.status_quo = 0.0;
        return u;
    }
    u.success = 2.0 - 4.0 * std::pow(0.5 - 0.5 * distance, r);
    u.failure = 2.0 - 4.0 * std::pow(0.5 + 0.5 * distance, r);
    // Distances are at most 1 on the scaled issue, so the base stays in [0, 1].
    u.better = 2.0 - 4.0 * std::pow(std::max(0.0, 0.5 - 0.25 * (distance_to_median + distance)), r);
    u.worse = 2.0 - 4.0 * std::pow(0.5 + 0.25 * (distance_to_median + distance), r);
    u.status_quo = 2.0 - 4.0 * std::pow(0.5, r);
    return u;
}

struct RoundContext {
    const std::vector<BdmActor>& actors;
    const BdmParams& params;
    const Eigen::MatrixXd& prob_success;
    double median;
    double spread;  // max − min of the positions: distances are shares of it (SCS 2011), so any affine
                    // rescaling of the issue axis leaves the round unchanged
};

// docs/model.md §6.3: EU of `challenger` challenging `target`, as computed by an actor with exponent r.
double expected_utility_of_challenge(const RoundContext& context, std::size_t challenger, std::size_t target,
                                     double r) {
    if (challenger == target) {
        return 0.0;
    }
    const BdmActor& a = context.actors[challenger];
    const BdmActor& b = context.actors[target];
    const BasicUtilities u = basic_utilities(std::abs(a.position - b.position) / context.spread,
                                             std::abs(a.position - context.median) / context.spread, r);
    const double p = context.prob_success(static_cast<Index>(challenger), static_cast<Index>(target));
    const double q = context.params.q;
    const double t = context.params.t;
    const double if_resisted = p * u.success + (1.0 - p) * u.failure;
    return b.salience * if_resisted + (1.0 - b.salience) * u.success - q * u.status_quo -
           (1.0 - q) * (t * u.better + (1.0 - t) * u.worse);
}

// The powers in expected_utility_of_challenge(i, j, r) and (j, i, r) depend on positions only: U_s, U_f on
// the distance |x_i - x_j|, U_b, U_w on it and the challenger's distance to the median, U_sq on r alone. So
// for a perceiver i with exponent r they are computed once per distinct position (group), not once per actor:
// O(n m) powers for m distinct positions instead of O(n^2). Bitwise equal to the separate calls.
struct GroupPowers {
    double success;   // U_s for a challenge across |x_i - u_g|
    double failure;   // U_f
    double better_i;  // U_b with i as the challenger
    double worse_i;   // U_w with i as the challenger
    double better_g;  // U_b with the actor at u_g as the challenger
    double worse_g;   // U_w with the actor at u_g as the challenger
};

struct ChallengePair {
    double i_challenges_j;
    double j_challenges_i;
};

void group_powers(const RoundContext& context, const std::vector<double>& group_position, double x_i,
                  double r, std::vector<GroupPowers>& powers) {
    powers.resize(group_position.size());
    const double to_median_i = std::abs(x_i - context.median) / context.spread;
    for (std::size_t g = 0; g < group_position.size(); ++g) {
        const double distance = std::abs(x_i - group_position[g]) / context.spread;
        const double to_median_g = std::abs(group_position[g] - context.median) / context.spread;
        GroupPowers& p = powers[g];
        p.success = 2.0 - 4.0 * std::pow(0.5 - 0.5 * distance, r);
        p.failure = 2.0 - 4.0 * std::pow(0.5 + 0.5 * distance, r);
        p.better_i = 2.0 - 4.0 * std::pow(std::max(0.0, 0.5 - 0.25 * (to_median_i + distance)), r);
        p.worse_i = 2.0 - 4.0 * std::pow(0.5 + 0.25 * (to_median_i + distance), r);
        p.better_g = 2.0 - 4.0 * std::pow(std::max(0.0, 0.5 - 0.25 * (to_median_g + distance)), r);
        p.worse_g = 2.0 - 4.0 * std::pow(0.5 + 0.25 * (to_median_g + distance), r);
    }
}

ChallengePair challenges_both_ways(const RoundContext& context, std::size_t i, std::size_t j,
                                   const GroupPowers& p, double status_quo) {
    const double q = context.params.q;
    const double t = context.params.t;
    const auto one_way = [&](double target_salience, double prob, double better, double worse) {
        const double if_resisted = prob * p.success + (1.0 - prob) * p.failure;
        return target_salience * if_resisted + (1.0 - target_salience) * p.success - q * status_quo -
               (1.0 - q) * (t * better + (1.0 - t) * worse);
    };
    const auto ii = static_cast<Index>(i);
    const auto jj = static_cast<Index>(j);
    return {one_way(context.actors[j].salience, context.prob_success(ii, jj), p.better_i, p.worse_i),
            one_way(context.actors[i].salience, context.prob_success(jj, ii), p.better_g, p.worse_g)};
}

// docs/model.md §6.4
BdmPairOutcome classify(double own, double perceived_other) {
    if (own > 0.0 && perceived_other > 0.0) {
        return BdmPairOutcome::Conflict;
    }
    if (own <= 0.0 && perceived_other <= 0.0) {
        return BdmPairOutcome::StatusQuo;
    }
    const double gain = std::max(own, perceived_other);
    const double loss = -std::min(own, perceived_other);
    return loss >= gain ? BdmPairOutcome::Capitulation : BdmPairOutcome::Compromise;
}

}  // namespace

namespace {

/// docs/model.md §6.1–6.2: votes (in shares of the spread of positions) and probabilities of prevailing, from
/// the position groups' vote sums.
void tally_votes(const PairVotes& pair_votes, std::size_t n, double spread, BdmRound& round) {
    const Index size = static_cast<Index>(n);
    round.votes.setZero(size, size);
    round.prob_success.setConstant(size, size, 0.5);
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = i + 1; j < n; ++j) {
            const std::size_t gi = pair_votes.group_of[i];
            const std::size_t gj = pair_votes.group_of[j];
            if (gi == gj) {
                continue;  // same position: every vote is zero
            }
            // for_lower / for_upper are the votes for the lower / upper of the two positions.
            const std::size_t lo = std::min(gi, gj);
            const std::size_t hi = std::max(gi, gj);
            const double for_lower = pair_votes.for_lower(static_cast<Index>(lo), static_cast<Index>(hi));
            const double for_upper = pair_votes.for_upper(static_cast<Index>(lo), static_cast<Index>(hi));
            const double for_i = gi < gj ? for_lower : for_upper;
            const double for_j = gi < gj ? for_upper : for_lower;
            const Index ii = static_cast<Index>(i);
            const Index jj = static_cast<Index>(j);
            round.votes(ii, jj) = (for_i - for_j) / spread;
            round.votes(jj, ii) = (for_j - for_i) / spread;
            if (for_i + for_j > 0.0) {
                round.prob_success(ii, jj) = for_i / (for_i + for_j);
                round.prob_success(jj, ii) = for_j / (for_i + for_j);
            }
        }
    }
}

/// docs/model.md §6.5: risk exponents from each actor's exposure, computed with everyone risk-neutral.
void risk_exponents(const RoundContext& context, std::size_t n, BdmRound& round) {
    const Index size = static_cast<Index>(n);
    round.exposure.setZero(size);
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < n; ++j) {
            if (j != i) {
                round.exposure(static_cast<Index>(i)) += expected_utility_of_challenge(context, j, i, 1.0);
            }
        }
    }
    round.risk.setOnes(size);
    const double most_exposed = round.exposure.maxCoeff();
    const double least_exposed = round.exposure.minCoeff();
    if (context.params.risk_rule == BdmRiskRule::Computed && most_exposed > least_exposed) {
        for (Index i = 0; i < size; ++i) {
            const double big_r =
                (2.0 * round.exposure(i) - most_exposed - least_exposed) / (most_exposed - least_exposed);
            round.risk(i) = (1.0 - big_r / 3.0) / (1.0 + big_r / 3.0);
        }
    }
}

/// docs/model.md §6.3: expected utilities with the round's risk exponents, each from the perceiver's view.
void expected_utilities(const RoundContext& context, const PairVotes& pair_votes, std::size_t n,
                        BdmRound& round) {
    const std::vector<BdmActor>& actors = context.actors;
    const Index size = static_cast<Index>(n);
    round.expected_utility.setZero(size, size);
    round.perceived_expected_utility.setZero(size, size);
    // Perceivers at the same position with the same exponent have the same powers (group_powers and U_sq
    // depend on x_i and r only, within a round): each distinct (x_i, r) is computed once (bitwise the same
    // values). Up to k_remembered distinct pairs are kept; beyond that the powers are computed per actor.
    struct PerceiverPowers {
        std::uint64_t position_bits;
        std::uint64_t exponent_bits;
        double status_quo;
        std::vector<GroupPowers> powers;
    };
    constexpr std::size_t k_remembered = 32;
    std::vector<PerceiverPowers> remembered;
    remembered.reserve(std::min(n, k_remembered));
    std::vector<GroupPowers> scratch;
    for (std::size_t i = 0; i < n; ++i) {
        const double r = round.risk(static_cast<Index>(i));
        const Index ii = static_cast<Index>(i);
        if (r == 1.0) {
            for (std::size_t j = 0; j < n; ++j) {
                const Index jj = static_cast<Index>(j);
                round.expected_utility(ii, jj) = expected_utility_of_challenge(context, i, j, r);
                round.perceived_expected_utility(ii, jj) = expected_utility_of_challenge(context, j, i, r);
            }
            continue;
        }
        const auto position_bits = std::bit_cast<std::uint64_t>(actors[i].position);
        const auto exponent_bits = std::bit_cast<std::uint64_t>(r);
        const PerceiverPowers* known = nullptr;
        for (const PerceiverPowers& entry : remembered) {
            if (entry.position_bits == position_bits && entry.exponent_bits == exponent_bits) {
                known = &entry;
                break;
            }
        }
        double status_quo = 0.0;
        const std::vector<GroupPowers>* powers_of_i = nullptr;
        if (known != nullptr) {
            status_quo = known->status_quo;
            powers_of_i = &known->powers;
        } else {
            std::vector<GroupPowers>& powers =
                remembered.size() < k_remembered
                    ? remembered.emplace_back(PerceiverPowers{position_bits, exponent_bits, 0.0, {}}).powers
                    : scratch;
            group_powers(context, pair_votes.position, actors[i].position, r, powers);
            status_quo = 2.0 - 4.0 * std::pow(0.5, r);
            if (&powers != &scratch) {
                remembered.back().status_quo = status_quo;
            }
            powers_of_i = &powers;
        }
        const std::vector<GroupPowers>& powers = *powers_of_i;
        for (std::size_t j = 0; j < n; ++j) {
            if (j == i) {
                continue;  // zero, as initialised
            }
            const Index jj = static_cast<Index>(j);
            const ChallengePair pair =
                challenges_both_ways(context, i, j, powers[pair_votes.group_of[j]], status_quo);
            round.expected_utility(ii, jj) = pair.i_challenges_j;
            round.perceived_expected_utility(ii, jj) = pair.j_challenges_i;
        }
    }
}

/// Moves closer than this (in shares of the spread of positions) count as equal.
constexpr double k_move_tie = 1e-12;

/// docs/model.md §6.4: outcomes per pair and the move each actor accepts (the smallest one on offer).
void pair_outcomes(const std::vector<BdmActor>& actors, BdmRound& round) {
    const std::size_t n = actors.size();
    round.outcome.resize(n);
    for (auto& row : round.outcome) {
        row.assign(n, BdmPairOutcome::StatusQuo);
    }
    round.new_positions.resize(static_cast<Index>(n));
    round.offer.setConstant(static_cast<Index>(n), static_cast<Index>(n),
                            std::numeric_limits<double>::quiet_NaN());
    for (std::size_t i = 0; i < n; ++i) {
        const double x_i = actors[i].position;
        double accepted = x_i;
        double smallest_move = -1.0;
        for (std::size_t j = 0; j < n; ++j) {
            if (j == i) {
                continue;
            }
            const double own = round.expected_utility(static_cast<Index>(i), static_cast<Index>(j));
            const double other =
                round.perceived_expected_utility(static_cast<Index>(i), static_cast<Index>(j));
            const BdmPairOutcome outcome = classify(own, other);
            round.outcome[i][j] = outcome;
            const double x_j = actors[j].position;
            double proposal = x_i;
            bool i_concedes = false;
            if (outcome == BdmPairOutcome::Conflict && other > own) {
                proposal = x_j;  // i expects to lose the contest
                i_concedes = true;
            } else if (outcome == BdmPairOutcome::Compromise && other > 0.0) {
                proposal = x_i + (x_j - x_i) * std::abs(own / other);
                i_concedes = true;
            } else if (outcome == BdmPairOutcome::Capitulation && other > 0.0) {
                proposal = x_j;
                i_concedes = true;
            }
            if (!i_concedes) {
                continue;
            }
            round.offer(static_cast<Index>(i), static_cast<Index>(j)) = proposal;
            // Moves equal to rounding (in shares of the spread) are a tie, which the lower index j wins: so
            // that a rescaled axis, which rounds differently, makes the same choice.
            const double move = std::abs(proposal - x_i) / round.spread;
            if (smallest_move < 0.0 || move < smallest_move - k_move_tie) {
                smallest_move = move;
                accepted = proposal;
            }
        }
        round.new_positions(static_cast<Index>(i)) = accepted;
    }
}

}  // namespace

BdmRound bdm_round(const std::vector<BdmActor>& actors, const BdmParams& params) {
    BdmRound round;
    bdm_round(actors, params, round);
    return round;
}

void bdm_round(const std::vector<BdmActor>& actors, const BdmParams& params, BdmRound& round) {
    validate(actors, params);
    const std::size_t n = actors.size();
    std::vector<double> weight(n);
    double total_weight = 0.0;
    for (std::size_t k = 0; k < n; ++k) {
        weight[k] = actors[k].capability * actors[k].salience;
        total_weight += weight[k];
    }
    if (total_weight <= 0.0) {
        // Nobody both can and cares to act: every voice counts equally rather than none at all.
        weight.assign(n, 1.0);
        total_weight = static_cast<double>(n);
    }
    const PairVotes pair_votes = pairwise_votes(actors, weight);
    // docs/model.md §6.6: distances as shares of the spread of positions (1 when everyone agrees).
    const auto [lowest, highest] =
        std::minmax_element(actors.begin(), actors.end(),
                            [](const BdmActor& a, const BdmActor& b) { return a.position < b.position; });
    round.spread = highest->position > lowest->position ? highest->position - lowest->position : 1.0;
    tally_votes(pair_votes, n, round.spread, round);
    round.median_position = weighted_median(actors, weight, total_weight);
    double weighted_sum = 0.0;
    for (std::size_t k = 0; k < n; ++k) {
        weighted_sum += weight[k] * actors[k].position;
    }
    round.mean_position = weighted_sum / total_weight;
    const RoundContext context{actors, params, round.prob_success, round.median_position, round.spread};
    risk_exponents(context, n, round);
    expected_utilities(context, pair_votes, n, round);
    pair_outcomes(actors, round);
}

}  // namespace brink::model
