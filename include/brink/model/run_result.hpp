// brink: what one run of the crisis model produces. Plain data; sim/io writes it to files
// (trajectory.csv, events.csv, dyads.csv, summary.json; formats in docs/outputs.md).
#pragma once

#include "brink/model/bdm.hpp"

#include <Eigen/Dense>
#include <array>

#include <cstdint>
#include <limits>
#include <map>
#include <string>
#include <vector>

namespace brink::model {

/// "No such time" in the run result (NaN).
inline constexpr double k_no_time = std::numeric_limits<double>::quiet_NaN();

/// How a run ended.
enum class OutcomeKind {
    War,           ///< an actor reached the war rung against another (or answered a seizure with war)
    Settlement,    ///< every demand was resolved by agreement
    Capitulation,  ///< a target (or challenger) gave in completely on every demand it was party to
    Standoff,      ///< the horizon was reached with demands unresolved and no war
    FaitAccompli,  ///< a challenger seized the contested good and its holder accepted the loss (§11.6)
};

/// Lower-case name used in files: "war", "settlement", "capitulation", "standoff", "fait_accompli".
const char* to_string(OutcomeKind kind);

/// Every outcome kind, in the order files and charts list them.
inline constexpr std::array<OutcomeKind, 5> k_outcome_kinds = {
    OutcomeKind::War, OutcomeKind::Settlement, OutcomeKind::Capitulation, OutcomeKind::Standoff,
    OutcomeKind::FaitAccompli};

/// The outcome for one actor, as the International Crisis Behavior data code it (`outcom`).
enum class ActorOutcome { Victory, Compromise, Stalemate, Defeat };

/// "victory", "compromise", "stalemate", "defeat".
const char* to_string(ActorOutcome outcome);

/// Every actor outcome, in ICB's order.
inline constexpr std::array<ActorOutcome, 4> k_actor_outcomes = {
    ActorOutcome::Victory, ActorOutcome::Compromise, ActorOutcome::Stalemate, ActorOutcome::Defeat};

/// How a war ended (docs/model.md §12.2).
enum class WarEnd {
    Ongoing,     ///< still fought at the horizon
    Settlement,  ///< the belligerents agreed on the issue once a bargaining range reappeared
    Ceasefire,   ///< a third party's proposal was accepted
    Collapse,    ///< one side's forces collapsed
    FirstShot,   ///< the run stopped at the first shot (mechanism war_process off)
};

/// "ongoing", "settlement", "ceasefire", "collapse", "first_shot".
const char* to_string(WarEnd end);

/// Every way a war ends, in the enum's order.
inline constexpr std::array<WarEnd, 5> k_war_ends = {WarEnd::Ongoing, WarEnd::Settlement, WarEnd::Ceasefire,
                                                     WarEnd::Collapse, WarEnd::FirstShot};

/// A war as it was fought (docs/model.md §12.2).
struct WarRecord {
    double start = k_no_time;  ///< Day of the first shot (NaN: no war).
    double end = k_no_time;    ///< Day it ended (NaN: no war, or still fought at the horizon).
    WarEnd how = WarEnd::Ongoing;
    int battles = 0;
    double settlement = k_no_time;    ///< The issue's value it ended at (settlement, collapse), else NaN.
    std::vector<int> initiator_side;  ///< Actor indices fighting with the initiator (the initiator first).
    std::vector<int> target_side;     ///< Actor indices fighting with the target (the target first).
};

/// The verdict of one run.
struct Outcome {
    OutcomeKind kind = OutcomeKind::Standoff;
    double time = 0.0;  ///< Day the outcome occurred (for a war: the first shot; a standoff: the horizon).
    std::string initiator;    ///< Actor id who started the war / who conceded; empty if none.
    std::string target;       ///< Actor id on the other side; empty if none.
    std::string description;  ///< One line for people.
    int violence = 1;         ///< Highest violence, ICB's scale: 1 none, 2 minor clashes, 3 serious, 4 war.
    WarRecord war;            ///< The war, if one was fought.
    std::map<std::string, ActorOutcome> actor_outcomes;  ///< Per principal actor (those in a demand or war).
};

/// Kinds of event in the log. Scripted events use the same vocabulary.
enum class EventType {
    Statement,
    Meeting,
    Demand,
    Reject,
    Support,
    Threat,
    Sanction,
    Mobilisation,
    Concession,  // also scripted
    Hold,
    Escalate,
    DeEscalate,
    ProposeTalks,
    TalksAgreement,
    TalksPartial,
    TalksFailed,
    TalksCalledOff,
    Reiterate,
    RequestSupport,
    AnswerRequest,
    DeclineRequest,
    RungCrossing,
    BdmRound,
    DeadlinePassed,
    War,
    Settlement,
    Capitulation,
    Standoff,
    Clash,          ///< a limited use of force (§12.1)
    Seizure,        ///< a fait accompli attempted (§11.6)
    AcceptSeizure,  ///< the holder accepts the loss
    JoinWar,        ///< a third party enters a war (§12.2)
    Battle,         ///< one battle of a war
    Mediation,      ///< a third party proposes a ceasefire
    Ceasefire,      ///< the belligerents accept a ceasefire
    WarEnd,         ///< a war ends (settlement or collapse)
    FaitAccompli,   ///< outcome marker of a fait accompli
};

/// Number of event types.
inline constexpr int k_event_type_count = static_cast<int>(EventType::FaitAccompli) + 1;

/// Lower-case snake_case name used in files, e.g. "talks_partial".
const char* to_string(EventType type);

/// One entry of the event log.
struct EventRecord {
    double time = 0.0;      ///< Days from the start (negative for scripted history before the start).
    std::uint64_t seq = 0;  ///< Order of the event in the log, from 0.
    EventType type = EventType::Statement;
    int source = -1;          ///< Actor index or -1.
    int target = -1;          ///< Actor index or -1.
    int issue = -1;           ///< Issue index or -1.
    double value = 0.0;       ///< Value on the issue; meaningful only when issue >= 0.
    std::string cameo;        ///< CAMEO code, e.g. "1312".
    double goldstein = 0.0;   ///< Goldstein weight of the CAMEO code (-10..10).
    std::string description;  ///< One line naming people where known: "Blinken meets Lavrov in Geneva".
    bool key = false;         ///< A key event: labelled on charts and listed in summaries.
};

/// Metrics sampled into the trajectory.
enum class Metric { Rung, Pressure, Position, ExpectedSupport, ProbabilityOfPrevailing };

/// Name used in files: "rung", "pressure", "position:<issue id>", "expected_support", "p_prevail".
std::string metric_name(Metric metric, const std::vector<std::string>& issue_ids, int issue);

/// One row of the tidy trajectory table.
struct TrajectorySample {
    double time = 0.0;
    int actor = 0;  ///< Actor index.
    Metric metric = Metric::Rung;
    int issue = -1;  ///< Issue index for Metric::Position, else -1.
    double value = 0.0;
};

/// Daily Goldstein sum for one directed dyad (source -> target), comparable with GDELT/ICEWS aggregates.
struct DyadDay {
    int day = 0;  ///< floor(time); day 0 is the start date.
    int source = 0;
    int target = 0;
    double goldstein_sum = 0.0;
    int events = 0;
};

/// Everything one run produces.
/// One ordered pair (actor, other) of one BDM round on one issue (bdm_rounds.csv, docs/outputs.md; the terms
/// of docs/model.md §6, from the actor's perspective). Positions on the issue's [0,1] axis.
struct BdmPairRecord {
    double time = 0.0;               ///< Day of the round.
    int issue = -1;                  ///< Issue index.
    int round = 0;                   ///< 1 for the issue's first round, then 2, 3, ...
    int actor = -1;                  ///< i
    int other = -1;                  ///< j
    double position = 0.0;           ///< x_i at the round
    double other_position = 0.0;     ///< x_j at the round
    double median = 0.0;             ///< μ, the weighted median position
    double mean = 0.0;               ///< the weighted mean position
    double spread = 1.0;             ///< max − min of the positions: the unit of the votes and utilities
    double votes = 0.0;              ///< v^{ij} / spread
    double probability = 0.0;        ///< P^i_{ij}
    double expected_utility = 0.0;   ///< EU_i(ij)
    double perceived_utility = 0.0;  ///< EU^i_j(ji)
    double risk = 1.0;               ///< r_i
    BdmPairOutcome outcome = BdmPairOutcome::StatusQuo;
    double offer = k_no_time;   ///< where j would move i (NaN: nowhere)
    double new_position = 0.0;  ///< the position the round gives i (its smallest move)
    double moved_to = 0.0;      ///< where i moved: at most its reach toward new_position (§3.4)
};

/// "status_quo", "conflict", "compromise", "capitulation".
const char* to_string(BdmPairOutcome outcome);

struct RunResult {
    std::string scenario;  ///< Scenario name.
    std::uint64_t seed = 0;
    std::vector<std::string> actor_ids;    ///< Index -> id.
    std::vector<std::string> actor_names;  ///< Index -> display name.
    std::vector<std::string> issue_ids;    ///< Index -> id.
    std::vector<std::string> rung_names;   ///< Ladder index -> name.
    Outcome outcome;
    std::vector<TrajectorySample> trajectory;  ///< Empty when RunOptions::record_trajectory is false.
    std::vector<EventRecord> events;           ///< Empty when RunOptions::record_events is false.
    std::vector<DyadDay> dyads;                ///< Sorted by (day, source, target).
    /// Every BDM round's ordered pairs, by (time, issue, actor, other); empty unless recorded
    /// (output.bdm_rounds and RunOptions::record_events).
    std::vector<BdmPairRecord> bdm_rounds;
    Eigen::MatrixXd final_positions;  ///< actors x issues; NaN where an actor holds no position.
    Eigen::MatrixXd affinity_start;   ///< actors x actors at day 0 (after scripted history).
    Eigen::MatrixXd affinity_end;     ///< actors x actors at the end.
    int peak_rung = 0;                ///< Highest rung index any actor reached.
    int peak_rung_actor = -1;         ///< Who reached it first.
    double peak_rung_time = 0.0;
    std::map<std::string, int> event_counts;  ///< By event type name.
    std::uint64_t engine_events = 0;          ///< Events the engine processed.
};

}  // namespace brink::model
