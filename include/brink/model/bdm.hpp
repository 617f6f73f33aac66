// brink: the expected-utility model of Bueno de Mesquita as specified in Scholz, Calbert & Smith (2011),
// "Unravelling Bueno De Mesquita's group decision model", Journal of Theoretical Politics 23(4): 510–531
// (docs/model.md §6). One issue, positions scaled to [0,1]; one call computes one round.
#pragma once

#include <Eigen/Dense>

#include <vector>

namespace brink::model {

/// One actor on one issue (SCS 2011 notation: c_i, x_i, s_i).
struct BdmActor {
    double capability;  ///< c_i: capability (power) on the issue, >= 0, any scale (only ratios matter).
    double position;    ///< x_i: preferred position, scaled to [0,1].
    double salience;    ///< s_i: salience of the issue to the actor, in [0,1].
};

/// How the risk exponents r_i of the round are obtained (SCS 2011 §3, "risk").
enum class BdmRiskRule {
    Computed,  ///< r_i from the actor's security/exposure R_i, r_i = (1 - R_i/3) / (1 + R_i/3), in [0.5, 2].
    Neutral,   ///< r_i = 1 for all (risk-neutral utilities).
};

/// Parameters of the model (SCS 2011 notation).
struct BdmParams {
    double q = 1.0;  ///< Q: probability the status quo persists if i does not challenge j, in [0,1]. BDM: 1.
    double t =
        1.0;  ///< T: probability the status quo, if it changes, changes in i's favour, in [0,1]. BDM: 1.
    BdmRiskRule risk_rule = BdmRiskRule::Computed;  ///< How r_i is obtained. Default Computed.
};

/// What happens between i and j in one round, from i's perspective (SCS 2011, Table 1; docs/model.md §6.4).
/// With x = EU_i(ij) and y = EU^i_j(ji): Conflict if x > 0 and y > 0; Compromise if one is positive and
/// exceeds the other's loss; Capitulation if one is positive and the other's loss is at least as large;
/// StatusQuo if neither is positive. The sign of x tells who concedes (x < 0: i concedes to j).
enum class BdmPairOutcome { StatusQuo, Conflict, Compromise, Capitulation };

/// Everything one round computes. Matrices are indexed [i][j] over actors in input order.
struct BdmRound {
    double median_position = 0;  ///< μ: the (capability·salience-weighted) median voter position, in [0,1].
    double mean_position =
        0;              ///< Σ c_k s_k x_k / Σ c_k s_k: the weighted mean position, in [0,1] (reported).
    double spread = 1;  ///< max − min of the positions (1 when all agree): the unit of every distance below.
    /// v^{ij}: total votes for x_i over x_j, Σ_k c_k s_k (|x_k - x_j| - |x_k - x_i|) / spread.
    Eigen::MatrixXd votes;
    Eigen::MatrixXd prob_success;      ///< P^i_{ij}: i's probability of prevailing over j, in [0,1].
    Eigen::MatrixXd expected_utility;  ///< EU_i(ij): i's expected utility of challenging j, from i's view.
    /// EU^i_j(ji): i's estimate of j's expected utility of challenging i (j's stakes, i's risk exponent r_i).
    Eigen::MatrixXd perceived_expected_utility;
    Eigen::VectorXd exposure;  ///< Σ_{j≠i} EU_j(ji) at r = 1: how much the others gain by challenging i.
    Eigen::VectorXd risk;      ///< r_i: risk exponents used in the round, in [0.5, 2].
    std::vector<std::vector<BdmPairOutcome>>
        outcome;  ///< Outcome per ordered pair (i, j); (i, i): StatusQuo.
    /// The position i would move to because of j (x_j on a lost conflict or a capitulation, the compromise
    /// point otherwise), NaN when j moves i nowhere; i takes the smallest of its moves.
    Eigen::MatrixXd offer;
    Eigen::VectorXd new_positions;  ///< x_i after the round, in [0,1].
};

/// One round of the BDM model on the given actors (positions already scaled to [0,1]). Throws
/// std::invalid_argument on an empty actor list or a field out of range (capability < 0, position or salience
/// outside [0,1], q or t outside [0,1], anything non-finite). Deterministic; O(n^3) in the number of actors.
BdmRound bdm_round(const std::vector<BdmActor>& actors, const BdmParams& params);
/// The same into `round`, reusing its storage (a caller running many rounds allocates nothing once the
/// matrices have their size). Every field of `round` is overwritten.
void bdm_round(const std::vector<BdmActor>& actors, const BdmParams& params, BdmRound& round);

}  // namespace brink::model
