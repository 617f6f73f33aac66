// brink: the state of one crisis run (docs/architecture.md): plain data and read-only queries.
//
// One CrisisState per run. It holds what the mechanisms share (actors, relations, pressure, rungs, demands,
// meetings, requests); each mechanism lives in a component of its own (escalation_process.hpp, demands.hpp,
// talks.hpp, decision_process.hpp, third_parties.hpp, script.hpp, outcomes.hpp) that reads this state and
// changes its own part of it. A component never calls another: a consequence for another mechanism is an
// effect sent to the run loop (effects.hpp). Queries here are pure functions of the state (the main-opponent
// cache of §4.3 keeps its documented refresh points, see opponent()).
#pragma once

#include "brink/engine/event_queue.hpp"
#include "brink/model/beliefs.hpp"
#include "brink/model/escalation.hpp"
#include "brink/model/relations.hpp"
#include "brink/scenario.hpp"

#include <Eigen/Dense>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace brink::model {

/// An actor, issue or demand index (int in the model's tables) as a container index.
inline std::size_t ix(int index) {
    return static_cast<std::size_t>(index);
}

/// docs/model.md §3.2: a target's demand is met within this share of the demand's original gap (the distance
/// from the status quo to the value first demanded), and withdrawn when the challenger comes this close to
/// the status quo: a share, so that small steps on a narrow dispute neither meet nor withdraw it (§12.3).
inline constexpr double k_met_tolerance = 0.05;
/// docs/model.md §4.5, §3.4: the largest move of a fully flexible actor at one meeting or BDM round.
inline constexpr double k_concession_limit = 0.35;
/// docs/model.md §2.3: rung units past a threshold after a crossing (hysteresis).
inline constexpr double k_hysteresis = 1e-10;
/// docs/model.md §2.3: how far past the war threshold the drift of the pressure alone must carry an actor
/// that decides (a spiral out of its control); short of that the step onto war is its decision.
inline constexpr double k_spiral_margin = 1.0;
/// docs/model.md §4.4: each sanction (decided or scripted) adds this to the target's cost of war.
inline constexpr double k_sanction_cost = 0.02;
/// docs/model.md §11.3: a public threat commits its author by this share of what it has not yet committed.
inline constexpr double k_threat_commitment = 0.2;
/// docs/model.md §7.3: an actor proposes talks to, asks support of, or reiterates a demand to the same
/// counterpart at most once in this many days (CrisisState::last_contact, DemandState::last_reiterated).
inline constexpr double k_contact_interval = 7.0;

/// Where one target of a demand stands (docs/model.md §3.2).
enum class TargetStatus { Open, Agreed, Met, Withdrawn };

/// A demand as it evolves during the run (docs/model.md §3).
struct DemandState {
    std::string id;
    int challenger = -1;
    std::vector<int> targets;
    std::vector<TargetStatus> status;   ///< One per target.
    std::vector<double> firmness_read;  ///< Per target: the day up to which the challenger has read its
                                        ///< standing firm (§11.8).
    int issue = -1;
    double value = 1.0;     ///< The value now demanded (softened as the challenger moves, §3.2).
    double demanded = 1.0;  ///< The value first demanded.
    /// What the challenger demands against when it made the demand (§3.2, §12.6): the status quo, or, when
    /// the challenger already holds the good, the position of the first target that has one (what the targets
    /// want back; the demand is then softened and withdrawn against it rather than against the status quo).
    double baseline = 0.0;
    double gap = 1.0;  ///< |demanded − baseline| when it was made (the scale of its tolerances, §3.2).
    /// The tolerance of "met" and "withdrawn": k_met_tolerance of the original gap.
    double tolerance() const { return k_met_tolerance * gap; }
    double made = 0.0;  ///< Day it was put on the table.
    double deadline = k_unset;
    int threat_rung = -1;  ///< Ladder index of the rung backing it, or -1.
    int war_target = -1;  ///< The actor the challenger's force is aimed at (§11.1), or -1 (the counterpart).
    bool active = false;
    bool deadline_passed = false;
    double last_reiterated = -1e300;  ///< Day of the last Demand/Reiterate event.
    /// True while some target has not met, agreed to or seen withdrawn the demand.
    bool open() const;
};

/// An actor's military readiness (docs/model.md §11.4): R(t) = target + (origin − target)·e^{−rate (t −
/// since)}.
struct ReadinessTrack {
    double origin = 1.0;      ///< R at `since`.
    double since = 0.0;       ///< Day of the last change of target.
    double target = 1.0;      ///< 1 while mobilised, peacetime readiness otherwise.
    double rate = 0.05;       ///< Per day.
    double daily_cost = 0.0;  ///< Cost per day per unit of readiness above peacetime.
};

/// A seizure waiting for the answer of the actor whose good was taken (docs/model.md §11.6).
struct PendingSeizure {
    int seizer = -1;
    int demand = -1;
};

/// A request for support waiting for the answer of the actor asked (docs/model.md §7.3).
struct PendingRequest {
    int requester = -1;
    int opponent = -1;
};

/// The state of one crisis run. Built from a validated ScenarioSpec; throws std::invalid_argument if the
/// spec is inconsistent (unknown ids, no actors, a bad ladder).
class CrisisState {
  public:
    explicit CrisisState(const ScenarioSpec& scenario);
    CrisisState(const CrisisState&) = delete;
    CrisisState& operator=(const CrisisState&) = delete;

    const ScenarioSpec& spec;  ///< The scenario (outlives the state).
    int n = 0;                 ///< Actors.
    int m = 0;                 ///< Issues.
    double horizon = 365.0;    ///< Days simulated.

    // --- the ladder (docs/model.md §2.1) ---
    std::vector<double> thresholds;       ///< θ_r, increasing.
    std::vector<std::string> rung_cameo;  ///< CAMEO family per rung.
    std::vector<std::string> rung_names;  ///< Display names per rung.
    int war_rung_index = 9;               ///< Index of the war rung.
    double war_rung = 9.0;                ///< The same as a double (for nearness to war).

    // --- actors (fixed for the run) ---
    std::vector<std::string> actor_ids;
    std::vector<std::string> actor_names;
    std::vector<std::string> leaders;   ///< Who acts for each actor (first representative).
    std::vector<std::string> speakers;  ///< Who speaks for it (a foreign minister or spokesperson).
    Eigen::VectorXd share;              ///< Capability shares w (§1.1).
    Eigen::VectorXd restraint;          ///< Richardson restraint a_i (§2.2).

    // --- what the mechanisms change ---
    Eigen::MatrixXd position;                  ///< n × m, NaN where an actor holds no position.
    Eigen::MatrixXd salience;                  ///< n × m.
    Eigen::VectorXd status_quo;                ///< m.
    Eigen::VectorXd sanction_cost;             ///< What sanctions added to each actor's cost of war (§4.4).
    Relations relations;                       ///< A, F, D, W (§1).
    Eigen::MatrixXd standing_affinity;         ///< A at day 0, after the scripted history (§8).
    std::unique_ptr<PressureSystem> pressure;  ///< Escalation pressure e (§2.2).
    std::vector<int> rung;                     ///< Each actor's rung.
    std::vector<double> last_escalation;       ///< Day of each actor's last escalate decision (-inf: none).
    Eigen::MatrixXd last_contact;              ///< Day of the last proposal or request from i to j.
    std::vector<DemandState> demands;
    std::map<std::pair<int, int>, engine::EventHandle> meetings;  ///< Pending meeting per pair (i < j).
    std::vector<std::vector<PendingRequest>> requests;            ///< Requests waiting for each actor.
    std::vector<std::vector<PendingSeizure>> seizures;  ///< Seizures waiting for each actor's answer (§11.6).
    std::vector<ReadinessTrack> readiness;              ///< §11.4 (R ≡ 1 when the mechanism is off).
    int mobilisation_rung = 7;                          ///< Rung at and above which an actor is mobilised.
    std::unique_ptr<Beliefs> beliefs;                   ///< §11.2.
    std::vector<double>
        public_commitment;          ///< P_i in [0,1]: how far i has publicly committed itself (§11.3).
    std::vector<int> issue_holder;  ///< Per issue: the actor holding the contested good, or -1.
    std::vector<int> clashes;       ///< Clashes each actor has started (§12.1).
    /// The rung j stood on when i last threatened it, or -1 (§11.7: a threatened sanction is held back
    /// until j climbs past that line, goes to war, or lets a deadline pass).
    Eigen::MatrixXi threat_line;
    std::vector<int> war_side;  ///< 0: not at war; 1: the initiator's side; 2: the target's (§12.2).
    bool at_war = false;        ///< A war is being fought (§12.2).
    int war_initiator = -1;     ///< Its principals, while it is fought.
    int war_defender = -1;
    bool seized = false;  ///< A fait accompli was attempted (violence level, §12.1).
    /// While the scripted history is applied: its (negative) time; NaN otherwise.
    double history_time = std::numeric_limits<double>::quiet_NaN();
    bool finished = false;  ///< An outcome has been reached.

    // --- queries ---
    int actor_index(const std::string& id) const;  ///< Throws std::invalid_argument if unknown.
    int issue_index(const std::string& id) const;  ///< Throws std::invalid_argument if unknown.
    bool in_history() const { return !std::isnan(history_time); }
    bool holds(int i, int k) const { return !std::isnan(position(i, k)); }
    const std::string& name(int i) const { return actor_names[ix(i)]; }
    const std::string& leader(int i) const { return leaders[ix(i)]; }
    const std::string& speaker(int i) const { return speakers[ix(i)]; }
    const std::string& issue_name(int k) const { return spec.issues[ix(k)].name; }
    /// resolve_i clamped to [0,1].
    double resolve(int i) const;
    /// c_i = cost_of_war·(1 − 0.5·resolve) + 0.02 + sanctions (docs/model.md §4.4).
    double war_cost(int i) const;
    /// The same with another resolve in place of i's own: j's cost as an observer who expects resolve r sees
    /// it.
    double war_cost_given_resolve(int i, double resolve) const;
    /// reach_i = 0.35·(1 − s_ik·resolve_i)·(1 − C_i): the most i moves on issue k at one meeting or round
    /// (§4.5); a public commitment C_i ties its hands (§11.3, with the audience-cost mechanism on).
    double reach(int i, int k) const;
    /// C_i = max(P_i, 0.5·ρ_i): how far i is publicly committed, by its words (P_i) and by forces it has
    /// visibly moved up the ladder (§11.3).
    double commitment(int i) const;
    const ModelParams& params() const { return spec.model; }
    const MechanismSwitches& mechanisms() const { return spec.model.mechanisms; }
    /// R_i(t), or 1 when the readiness mechanism is off (§11.4).
    double readiness_at(int i, double t) const;
    /// m_i(t) = (1 + R_i(t))/2: the share of its strength i brings to a war at its readiness (an unready
    /// state fights at half strength over a war's course; §11.4). 1 when the mechanism is off.
    double fighting_share(int i, double t) const { return 0.5 * (1.0 + readiness_at(i, t)); }
    /// The target of i's readiness follows its rung: 1 from the mobilisation rung up, peacetime below.
    void update_readiness_target(int i, double now);
    /// H_i(t) = daily cost · planning days · max(0, R_i(t) − peacetime): what holding its forces ready
    /// costs i over the period it weighs (§11.4); 0 when the mechanism is off.
    double holding_cost(int i, double t) const;
    /// r̂_ij: i's expected resolve of j (§11.2); j's true resolve when the beliefs mechanism is off.
    double expected_resolve(int observer, int about) const;
    /// The share of its capability k commits to the theatre as a third party (§11.1).
    double theatre_share(int k) const;
    /// w_i·(1 + trend_i), renormalised: the capability shares expected after model.power_horizon (§11.5).
    double future_share(int i) const;
    /// The weight of i's audience costs: model.audience_cost × 1 (democracy), 0.75 (mixed), 0.5 (autocracy),
    /// or 0 when the mechanism is off (§11.3).
    double audience_weight(int i) const;
    /// The actor i's force would be aimed at in a war over its conflict with its main opponent j on issue k
    /// (§11.1): the war target of i's demand on k, else j. The main opponent when the mechanism is off.
    int war_target(int i, int j, int k) const;
    /// How seriously i takes j's threat of war: min(1, ρ_j · r̂_ij / r̄), r̄ the mean of the two types'
    /// resolve: as near to war as j stands, and more so the more resolute i believes it (§11.2–§11.3).
    double threat_credibility(int i, int j) const;
    /// ρ_i = rung_i / war rung (§7.3).
    /// docs/model.md §2.3: the pressure at which the drift alone starts a war: the war threshold, plus
    /// k_spiral_margin when actors decide.
    double war_line() const {
        return thresholds[ix(war_rung_index)] + (spec.model.decisions_enabled ? k_spiral_margin : 0.0);
    }
    /// The rung a pressure puts an actor on: as the thresholds say, but below war short of the war line.
    int rung_for_pressure(double e) const;
    double nearness_to_war(int i) const { return static_cast<double>(rung[ix(i)]) / war_rung; }
    /// i's main opponent (§4.3), or -1. Cached: re-evaluated at the first query after
    /// mark_opponents_dirty() (demands changed, the daily relations batch).
    int opponent(int i) const {
        if (m_opponents_dirty) {
            refresh_opponents();
        }
        return m_opponents[ix(i)];
    }
    /// The issue i and j contest (§4.5): an open demand between them, else the one they differ most on
    /// weighted by i's salience; -1 if none.
    int contested_issue(int i, int j) const;
    /// An active demand on `issue` open between a and b (either way), or nullptr.
    DemandState* demand_between(int a, int b, int issue);
    /// Index of the demand with this id, or -1.
    int demand_index(const std::string& id) const;

    // --- bookkeeping that keeps the caches right ---
    /// Every write to entry (row, col) of any relation matrix must call this.
    void note_relations_written(int row, int col) {
        m_hostility_stale[ix(row)] = 1;
        static_cast<void>(col);
    }
    /// The main opponents must be re-evaluated (a demand changed, or the daily relations batch ran).
    void mark_opponents_dirty() { m_opponents_dirty = true; }
    /// i commits itself in public by `step` of what it has not yet committed (a threat, a declaration): P_i
    /// grows, and, with beliefs, the observers read the audience cost it ties, a_i·ΔP·salience, as a costly
    /// signal of resolve with `stakes` (§11.2–§11.3). No effect when the audience-cost mechanism is off.
    void commit_publicly(int i, double step, double issue_salience, double stakes);
    /// Moves i's position on k to `value` clamped to [0,1]; no-op if i holds no position on k.
    void move_position(int i, int k, double value);

  private:
    void build_ladder();
    void build_actors();
    void build_demands();
    void build_readiness();
    void build_beliefs();
    void refresh_opponents() const;

    mutable std::vector<int> m_opponents;
    mutable std::vector<double> m_opponent_score;
    // §4.3's hostility fallback per actor, valid unless its row of the relations was written since.
    mutable std::vector<int> m_most_hostile_to;
    mutable std::vector<char> m_hostility_stale;
    mutable bool m_opponents_dirty = true;
};

}  // namespace brink::model
