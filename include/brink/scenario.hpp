// brink: the scenario as plain spec structs (STYLE.md: Box2D's *Def pattern).
//
// A scenario file is parsed once (sim/io) into a ScenarioSpec; the model (sim/model) reads only these
// structs and never sees YAML. Every field states its unit, its range and its default. A default is written
// here only, as the member's initialiser: the file form of every field (its key, kind, range, doc line) is
// declared once in the schema table, sim/io/scenario_schema.cpp, which reads the defaults from these structs
// and generates scenarios/schema.json and the tables of docs/scenario-format.md ("Adding a field" there).
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace brink {

/// Quiet NaN, used for "not given" where a number is optional.
inline constexpr double k_unset = std::numeric_limits<double>::quiet_NaN();

/// What an actor is.
enum class ActorKind { State, Alliance, Organisation };

/// How an actor's government answers to a domestic audience (docs/model.md §11.3, audience costs).
enum class Regime {
    Democracy,  ///< competitive elections, free press (Fearon 1994; Schultz 2001)
    Mixed,      ///< anocracies, or when unknown
    Autocracy,  ///< personalist, military or single-party rule (Weeks 2008)
};

/// A person who speaks or acts for an actor, so that events read as they happened ("Blinken meets Lavrov").
struct PersonSpec {
    std::string name;  ///< Full name, e.g. "Antony Blinken". Required.
    std::string role;  ///< Office, e.g. "Secretary of State". Default empty.
};

/// An actor's stance on one issue.
struct PositionSpec {
    std::string issue;      ///< Issue id. Must name an issue of the scenario.
    double position = 0.5;  ///< Preferred value on the issue's axis. Range [0,1]. Default 0.5.
    double salience = 0.5;  ///< How much the issue matters to the actor. Range [0,1]. Default 0.5.
};

/// One actor of the crisis (a state, an alliance or an organisation).
struct ActorSpec {
    std::string id;                     ///< Key, [a-z][a-z0-9_]*. Required, unique.
    std::string name;                   ///< Display name. Default: the id.
    ActorKind kind = ActorKind::State;  ///< state | alliance | organisation. Default state.
    double capability = 1.0;        ///< Absolute capability in `capability_unit`. Range (0, 1e15]. Default 1.
    std::string capability_unit;    ///< e.g. "USD bn military spending 2021" or "CINC". Default empty.
    std::string capability_source;  ///< Citation for the capability figure. Default empty.
    double resolve = 0.5;           ///< Willingness to bear costs for its aims. Range [0,1]. Default 0.5.
    double risk_attitude =
        0.0;  ///< BDM risk attitude: -1 risk-averse .. 0 neutral .. 1 acceptant. Default 0.
    double cost_of_war =
        0.2;  ///< Cost of war as a share of the issue space's value. Range [0,10]. Default 0.2.
    double decision_rate = 0.5;  ///< Mean decisions per day (Poisson). Range [0,100]. Default 0.5.
    double initial_rung = 0.0;   ///< The rung the actor stands on at day 0 (a whole number starts in the
                                 ///< middle of that rung; a fraction gives the pressure exactly). Range [0,
                                 ///< rungs-1]. Default 0.
    Regime regime = Regime::Mixed;  ///< democracy | mixed | autocracy (audience costs). Default mixed.
    double reputation = k_unset;    ///< Probability the others give at day 0 that it is of the resolute type.
                                    ///< Range [0.01, 0.99]. Default: ignorance·0.5 + (1 − ignorance)·(the
                                    ///< reputation whose expected resolve is its resolve), ignorance =
                                    ///< model.beliefs.ignorance (docs/model.md §11.2).
    double readiness =
        k_unset;  ///< Military readiness at day 0. Range [0,1]. Default: model.readiness.peacetime.
    double readiness_rate = k_unset;  ///< Rate at which its readiness approaches its target, per day. Range
                                      ///< (0, 1e6]. Default: model.readiness.build_rate.
    double readiness_cost = k_unset;  ///< Cost per day of readiness held above peacetime, in issue-value
                                      ///< units. Range [0,1]. Default: model.readiness.daily_cost.
    double power_trend = 0.0;  ///< Expected relative change of its capability over model.power_horizon days
                               ///< (Powell 2006). Range [-0.9, 10]. Default 0.
    double theatre_share = k_unset;  ///< Share of its capability it would commit to this crisis's theatre as
                                     ///< a third party. Range (0,1]. Default: model.theatre_share.
    std::vector<PersonSpec> representatives;  ///< People who act for it. Default none.
    std::vector<PositionSpec> positions;      ///< Per-issue stances. Default none.
};

/// A named bloc whose members like each other and may be bound to defend each other.
struct AllianceSpec {
    std::string id;                    ///< Key. Required, unique among alliances.
    std::string name;                  ///< Display name. Default: the id.
    std::vector<std::string> members;  ///< Actor ids. At least two.
    double affinity = 0.6;    ///< Affinity set between every pair of members. Range [-1,1]. Default 0.6.
    double commitment = 0.0;  ///< Mutual defence firmness between members. Range [0,1]. Default 0 (none).
};

/// An explicit affinity between two actors (symmetric unless `directed`).
struct AffinitySpec {
    std::string a;          ///< Actor id.
    std::string b;          ///< Actor id, different from a.
    double value = 0.0;     ///< Affinity. Range [-1,1] (-1 hostile, 0 neutral, 1 allied). Required.
    bool directed = false;  ///< Only a's view of b when true. Default false.
};

/// A defence commitment: `defender` is bound to come to `protege`'s aid, with some firmness.
struct CommitmentSpec {
    std::string defender;   ///< Actor id.
    std::string protege;    ///< Actor id.
    double firmness = 0.5;  ///< Probability-like strength of the commitment. Range [0,1]. Default 0.5.
    std::vector<std::string> issues;  ///< Issue ids it covers (a treaty that covers a homeland but not a
                                      ///< disputed region); on other issues it counts as an ordinary
                                      ///< relation. Default: every issue.
};

/// What one actor believes at day 0 about another's resolve (overrides the default prior).
struct BeliefSpec {
    std::string observer;  ///< Actor id: who holds the belief.
    std::string about;     ///< Actor id, different from observer.
    double resolute =
        0.5;  ///< Probability that `about` is of the resolute type. Range [0.01, 0.99]. Required.
};

/// Relations among actors. Pairs not set are neutral (0). Explicit pairs override alliance defaults.
struct RelationsSpec {
    std::vector<AllianceSpec> alliances;      ///< Default none.
    std::vector<AffinitySpec> affinities;     ///< Default none.
    std::vector<CommitmentSpec> commitments;  ///< Default none.
    std::vector<BeliefSpec> beliefs;          ///< Misperceptions at day 0. Default none.
};

/// One issue: a dimension in [0,1] with named ends.
struct IssueSpec {
    std::string id;           ///< Key. Required, unique.
    std::string name;         ///< Display name. Default: the id.
    std::string description;  ///< Default empty.
    std::string low = "0";    ///< Meaning of 0, e.g. "NATO open door". Default "0".
    std::string high = "1";   ///< Meaning of 1, e.g. "no enlargement, ever". Default "1".
    double status_quo = 0.0;  ///< Current state of the world on this issue. Range [0,1]. Default 0.
    std::string held_by;  ///< Actor that holds the contested good (territory it occupies, a decision that is
                          ///< its own): `status_quo` is what it holds, a challenger's force is aimed at it
                          ///< and only it can lose the good to a seizure (§12.6). Default: none.
};

/// A demand: a challenger asks targets to move an issue to a value by a deadline, backed by a threat.
struct DemandSpec {
    std::string id;                    ///< Key. Default "<challenger>_<issue>", unique.
    std::string challenger;            ///< Actor id.
    std::vector<std::string> targets;  ///< Actor ids; each must hold a position on the issue. At least one.
    std::string issue;                 ///< Issue id.
    double value = 1.0;                ///< Demanded value on the issue. Range [0,1]. Required.
    double made = 0.0;  ///< Day the demand was put on the table (may be < 0: before the start). Default 0.
    double deadline = k_unset;  ///< Day by which it must be met. Range (made, horizon]. Default: none.
    std::string threat;  ///< Ladder rung id the challenger publicly commits to reach if the deadline passes
                         ///< unmet (it pays the audience cost of §11.3 if it backs down). Default: none.
    std::string war_target;  ///< Actor the challenger would fight to enforce it (Russia's demands on NATO
                             ///< were backed by force against Ukraine). Default: the issue's holder if it is
                             ///< not the challenger, else the opponent the challenger weighs war against
                             ///< (its main opponent, §4.3).
};

/// One rung of the escalation ladder.
struct RungSpec {
    std::string id;    ///< Key, e.g. "show_of_force". Required, unique.
    std::string name;  ///< Display name, e.g. "Show of force". Default: the id.
    double threshold =
        0.0;  ///< Escalation pressure at which an actor reaches this rung. Increasing along the ladder.
    std::string cameo;  ///< CAMEO code (family root or specific) of events at this rung, e.g. "15".
};

/// The escalation ladder. Index 0 is normal relations; the last rung is war.
struct LadderSpec {
    std::vector<RungSpec>
        rungs;  ///< At least 3. Default: default_ladder() (ten rungs adapted from Kahn 1965).
};

/// Kinds of scripted event (a subset of the model's event vocabulary).
enum class ScriptedEventType {
    Statement,     ///< a public statement; effects via `affinity_delta` / `pressure_delta`
    Meeting,       ///< talks between source and target; runs the bargaining step between them
    Demand,        ///< a demand is made or reiterated (names `demand`)
    Reject,        ///< target rejects a demand
    Support,       ///< source declares support for target
    Threat,        ///< source warns or threatens target
    Sanction,      ///< source sanctions target
    Mobilisation,  ///< source builds up forces: pressure jump
    Concession,    ///< source moves its position on `issue` to `value`
};

/// A scripted (historical or already scheduled) event.
struct ScriptedEventSpec {
    double day = 0.0;  ///< Days from the start date; may be negative for history. Range [-3650, horizon].
    std::string date;  ///< Calendar date YYYY-MM-DD, alternative to `day` (io converts). Default empty.
    ScriptedEventType type = ScriptedEventType::Statement;  ///< Required.
    std::string source;                                     ///< Actor id. Required.
    std::vector<std::string> targets;                       ///< Actor ids. Default none.
    std::string issue;                                      ///< Issue id, where relevant. Default empty.
    double value = k_unset;       ///< Value on the issue, where relevant. Range [0,1]. Default: none.
    std::string demand;           ///< Demand id for demand/reject events. Default empty.
    std::string cameo;            ///< CAMEO code. Default: the type's default code.
    std::string description;      ///< One line, naming people where known. Default: generated.
    double affinity_delta = 0.0;  ///< Change of affinity source<->targets. Range [-2,2]. Default 0.
    double pressure_delta =
        0.0;  ///< Jump of the source's escalation pressure, rung units. Range [-10,10]. Default 0.
    std::string source_ref;  ///< Citation (URL or reference). Default empty.
    bool in_public = true;   ///< Made in public (true) or through a private channel (false): a public threat
                             ///< commits its author before its audience (§11.3); read for threats only.
                             ///< Default true.
};

/// Which mechanisms of docs/model.md run (each on by default; switch one off to measure what it contributes).
struct MechanismSwitches {
    bool extended_deterrence = true;  ///< §11.1: war valued against the war target's expected coalition.
    bool beliefs = true;              ///< §11.2: uncertain resolve, updated by costly signals.
    bool audience_costs = true;       ///< §11.3: backing down after public commitments costs.
    bool readiness = true;            ///< §11.4: readiness builds while mobilised and costs.
    bool commitment_problem = true;   ///< §11.5: war weighed against the offer on the table (Powell 2006).
    bool fait_accompli = true;        ///< §11.6: seizing the contested good by limited military action.
    bool sanction_threats = true;     ///< §11.7: sanctions coerce while held back.
    bool timing = true;               ///< §11.8: war now is weighed against waiting (readiness, coercion).
    bool clashes = true;              ///< §12.1: limited uses of force short of war.
    bool war_process = true;          ///< §12.2: war is fought battle by battle until it ends; off: the run
                                      ///< stops at the first shot.
};

/// Beliefs about resolve (docs/model.md §11.2).
struct BeliefParams {
    double resolute = 0.8;    ///< Resolve of the resolute type. Range [0,1], above `irresolute`. Default 0.8.
    double irresolute = 0.2;  ///< Resolve of the irresolute type. Range [0,1]. Default 0.2.
    double ignorance = 0.5;   ///< How little the others know of an actor's type at day 0: its default
                             ///< reputation is ignorance·0.5 + (1 − ignorance)·(the reputation that makes
                             ///< their expected resolve its resolve). Range [0,1]. Default 0.5.
};

/// Military readiness (docs/model.md §11.4).
struct ReadinessParams {
    double peacetime = 0.3;       ///< Readiness of an actor not mobilised. Range (0,1]. Default 0.3.
    double build_rate = 0.05;     ///< Rate at which readiness approaches its target, per day. Range (0, 1e6].
                                  ///< Default 0.05 (a time constant of 20 days).
    double daily_cost = 0.002;    ///< Cost per day of readiness held above peacetime, in issue-value units.
                                  ///< Range [0,1]. Default 0.002.
    double planning_days = 30.0;  ///< Days of holding costs an actor weighs when it judges the standoff.
                                  ///< Range [0,365]. Default 30.
};

/// War as a process (docs/model.md §12.2).
struct WarParams {
    double battle_rate = 0.5;  ///< Battles per day at the start of a war. Range (0,10]. Default 0.5.
    double units = 20.0;  ///< Combat units of the stronger side at the start (the other side's in proportion
                          ///< to the square root of its strength, Lanchester's square law). Range [2,1000].
                          ///< Default 20.
    double collapse = 0.4;  ///< A side collapses when its units fall to this share of its start. Range (0,1).
                            ///< Default 0.4.
    double mediation = 0.2;   ///< What a mediator's leverage adds to a ceasefire's value for a belligerent it
                              ///< outweighs, in issue-value units (§12.2). Range [0,1]. Default 0.2.
    double fog = 1.39453125;  ///< Spread of a war's true effectiveness ratio e around what capabilities say:
                              ///< log₂ e ~ N(0, fog²) (§12.2). Range [0,3]. Default 1.39453125 (calibrated).
};

/// Model parameters. Defaults are the same for every bundled scenario (no per-scenario tuning).
/// docs/model.md gives each parameter's role in the equations. Those marked "calibrated" are the best point
/// of `brink calibrate scenarios/calibration/library.yaml` (docs/validation.md, "Calibration": the case
/// library, 256 Sobol points, 100 runs per case, seed 1); the others are sourced or judged, not fitted.
struct ModelParams {
    double rationality = 3.98046875;        ///< Logit (quantal response) precision λ. Range [0,1e6]. Default
                                            ///< 3.98046875 (calibrated).
    double choice_persistence = 11.953125;  ///< τ: mean life in days of an actor's taste shocks (§7.1); 0
                                            ///< draws them afresh at every decision. Range [0,1e6]. Default
                                            ///< 11.953125 (calibrated).
    double reaction = 0.048671875;  ///< Richardson reaction scale k: K_ij = k·max(0,-A_ij)·cap share. Range
                                    ///< [0,10] /day. Default 0.048671875 (calibrated).
    double restraint = 0.04109375;  ///< Richardson restraint a (decay of pressure). Range [0,10] /day.
                                    ///< Default 0.04109375 (calibrated).
    double grievance = 0.14234375;  ///< Grievance scale: g_i = grievance·Σ unmet demand gap·salience. Range
                                    ///< [0,10] rungs/day. Default 0.14234375 (calibrated).
    double affinity_step = 0.1;  ///< Affinity change per cooperative/hostile event, scaled by |Goldstein|/10.
                                 ///< Range [0,1]. Default 0.1.
    double discount_per_day =
        0.995;  ///< Rubinstein per-day discount factor δ (time pressure). Range (0,1). Default 0.995.
    double bdm_interval =
        7.0;  ///< Days between rounds of the multilateral BDM position dynamics. Range (0,365]. Default 7.
    double talks_duration = 1.0;       ///< Days a meeting lasts. Range (0,30]. Default 1.
    double war_rung_index = k_unset;   ///< Index of the war rung. Default: the last rung of the ladder.
    bool decisions_enabled = true;     ///< Switch off to watch the pure Richardson dynamics. Default true.
    double audience_cost = 0.7890625;  ///< Cost of backing down from a full public commitment for a
                                       ///< democracy, in issue-value units (autocracies 0.5 of it, mixed
                                       ///< 0.75). Range [0,10]. Default 0.7890625 (calibrated).
    double reputation_cost = 0.1;      ///< Cost of conceding under coercion, per unit of salience and of the
                                   ///< coercer's nearness to war (Sartori 2005). Range [0,10]. Default 0.1.
    double theatre_share = 0.5;  ///< Default share of its capability a third party commits to the theatre.
                                 ///< Range (0,1]. Default 0.5.
    double bystander_propensity = 0.2578125;  ///< How readily an uncommitted third party joins a war out of
                                              ///< sympathy: its joining probability is this times its squared
                                              ///< lean (§11.1). Range [0,1]. Default 0.2578125 (calibrated).
    double power_horizon = 3650.0;  ///< Days over which the actors' power trends run (Powell 2006). Range
                                    ///< [1, 36500]. Default 3650.
    double power_discount = 0.9;    ///< Discount factor per year that weighs a future shift of power against
                                    ///< the present (Powell 2006). Range (0,1). Default 0.9.
    MechanismSwitches mechanisms;   ///< Which mechanisms run. Default: all.
    BeliefParams beliefs;           ///< Beliefs about resolve.
    ReadinessParams readiness;      ///< Military readiness.
    WarParams war;                  ///< War as a process.
};

/// Output settings.
struct OutputSpec {
    double sample_interval =
        1.0;  ///< Days between trajectory samples (plus one sample at every event). Range (0,365]. Default 1.
    bool event_samples = true;  ///< Also sample every actor after each event (false: the interval only, for
                                ///< scenarios with hundreds of actors). Default true.
    bool bdm_rounds = true;  ///< Record every BDM round's ordered pairs (bdm_rounds.csv: n(n − 1) rows per
                             ///< issue and round; false for scenarios with hundreds of actors). Default true.
    std::vector<std::string>
        metrics;  ///< Subset of {rung, pressure, position, expected_support, p_prevail}. Default all.
};

/// Scenario metadata.
struct MetadataSpec {
    std::string name;         ///< Display name. Required.
    std::string description;  ///< Default empty.
    std::string
        start_date;  ///< Calendar date of day 0, YYYY-MM-DD. Default empty (outputs show day numbers).
    double horizon = 365.0;            ///< Days simulated. Range (0, 36500]. Default 365.
    std::uint64_t seed = 1;            ///< Default seed when --seed is not given. Default 1.
    std::vector<std::string> sources;  ///< Citations. Default none.
};

/// A whole scenario, validated, with defaults filled.
struct ScenarioSpec {
    MetadataSpec metadata;
    std::vector<IssueSpec> issues;
    std::vector<ActorSpec> actors;
    RelationsSpec relations;
    std::vector<DemandSpec> demands;
    LadderSpec ladder;
    std::vector<ScriptedEventSpec> events;
    ModelParams model;
    OutputSpec output;
    std::string source_path;  ///< The file it was loaded from (informational). Default empty.
};

/// The documented default ladder (ten rungs adapted from Kahn 1965, each with a CAMEO family).
LadderSpec default_ladder();

/// Lower-case names used in files for the enums.
const char* to_string(ActorKind kind);
const char* to_string(Regime regime);
std::optional<Regime> regime_from_string(const std::string& text);
const char* to_string(ScriptedEventType type);
std::optional<ActorKind> actor_kind_from_string(const std::string& text);
std::optional<ScriptedEventType> scripted_event_type_from_string(const std::string& text);

}  // namespace brink
