// brink: what one run of the crisis model produces. Plain data; sim/io writes it to files
// (trajectory.csv, events.csv, dyads.csv, summary.json; formats in docs/outputs.md).
#pragma once

#include <Eigen/Dense>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace brink::model {

/// How a run ended.
enum class OutcomeKind {
    War,           ///< an actor reached the war rung against another
    Settlement,    ///< every demand was resolved by agreement
    Capitulation,  ///< a target (or challenger) gave in completely on every demand it was party to
    Standoff,      ///< the horizon was reached with demands unresolved and no war
};

/// Lower-case name used in files: "war", "settlement", "capitulation", "standoff".
const char* to_string(OutcomeKind kind);

/// The verdict of one run.
struct Outcome {
    OutcomeKind kind = OutcomeKind::Standoff;
    double time = 0.0;        ///< Day the outcome occurred (the horizon for a standoff).
    std::string initiator;    ///< Actor id who started the war / who conceded; empty if none.
    std::string target;       ///< Actor id on the other side; empty if none.
    std::string description;  ///< One line for people.
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
};

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
    Eigen::MatrixXd final_positions;           ///< actors x issues; NaN where an actor holds no position.
    Eigen::MatrixXd affinity_start;            ///< actors x actors at day 0 (after scripted history).
    Eigen::MatrixXd affinity_end;              ///< actors x actors at the end.
    int peak_rung = 0;                         ///< Highest rung index any actor reached.
    int peak_rung_actor = -1;                  ///< Who reached it first.
    double peak_rung_time = 0.0;
    std::map<std::string, int> event_counts;  ///< By event type name.
    std::uint64_t engine_events = 0;          ///< Events the engine processed.
};

}  // namespace brink::model
