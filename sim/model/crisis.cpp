// The crisis model (docs/model.md): relations, Richardson escalation, bargaining at meetings, BDM rounds,
// decisions, third parties and outcomes, as processes on an engine::Simulation.
#include "brink/model/crisis.hpp"

#include "brink/engine/simulation.hpp"
#include "brink/model/bargaining.hpp"
#include "brink/model/bdm.hpp"
#include "brink/model/cameo.hpp"
#include "brink/model/choice.hpp"
#include "brink/model/decisions.hpp"
#include "brink/model/escalation.hpp"
#include "brink/model/relations.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <set>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace brink::model {

namespace {

std::size_t u(int i) {
    return static_cast<std::size_t>(i);
}

// Fixed constants of the model (docs/model.md §7.5 lists them with their reasons). They are not scenario
// parameters: changing them changes the model, not the scenario.
constexpr double k_war_cost_floor = 0.02;      // §4.4: even a resolute actor pays something for war
constexpr double k_resolve_discount = 0.5;     // §4.4: full resolve halves the felt cost of war
constexpr double k_concession_limit = 0.35;    // §4.5: largest move of a flexible actor at one meeting
constexpr double k_follow_up_days = 7.0;       // §4.5: "agree to keep talking" schedules talks a week later
constexpr double k_meeting_delay = 3.0;        // §7.3: an accepted proposal meets three days later
constexpr double k_reaction_delay = 0.25;      // §7.2: an actor concerned by an event decides 6 hours later
constexpr double k_met_tolerance = 0.05;       // §3.2: a demand is met within 0.05 of its value
constexpr double k_target_grievance = 0.5;     // §3.1: targets feel half the grievance of challengers
constexpr double k_deadline_multiplier = 2.0;  // §3.3: grievance doubles once a deadline has passed
constexpr double k_escalation_step = 1.0;      // §7.4: rungs per escalate / de-escalate decision
constexpr double k_escalation_dwell = 0.5;     // §7.3: days an actor needs between two escalate decisions
constexpr double k_action_cost = 0.05;         // §7.3: any action other than hold costs a little
constexpr double k_declaration_step = 0.5;     // §4.1: a declaration of support adds 0.5 to D (capped at 1)
constexpr double k_warning_effect = 0.3;       // §4.1: a warning deters by up to 0.3
constexpr double k_sanction_cost = 0.02;       // §7.4: sanctions raise the target's cost of war
constexpr double k_proposal_interval = 7.0;    // §7.3: at most one proposal / request / reiteration a week
constexpr double k_hysteresis = 1e-10;         // §2.3: rung units past a threshold after a crossing
constexpr double k_crossing_window = 10.0;     // §2.3: days searched ahead for a rung crossing
constexpr double k_reaction_deadband = 0.05;   // §2.4: relative change of K that triggers a rebuild

constexpr int k_prio_script = 0;
constexpr int k_prio_meeting = 1;
constexpr int k_prio_deadline = 2;
constexpr int k_prio_crossing = 3;
constexpr int k_prio_decision = 4;
constexpr int k_prio_bdm = 5;
constexpr int k_prio_relations = 6;
constexpr int k_prio_sample = 9;

enum class TargetStatus { Open, Agreed, Met, Withdrawn };

struct DemandState {
    std::string id;
    int challenger = -1;
    std::vector<int> targets;
    std::vector<TargetStatus> status;
    int issue = -1;
    double value = 1.0;     // the value now demanded (softened as the challenger moves, §3.2)
    double demanded = 1.0;  // the value first demanded
    double made = 0.0;
    double deadline = k_unset;
    int threat_rung = -1;
    bool active = false;
    bool deadline_passed = false;
    double last_reiterated = -1e300;
};

struct PendingRequest {
    int requester = -1;
    int opponent = -1;
};

// The pieces joined into one string, allocated once (a description is built for every logged event).
template <typename... Parts>
std::string concat(const Parts&... parts) {
    const std::array<std::string_view, sizeof...(Parts)> views{std::string_view(parts)...};
    std::size_t size = 0;
    for (const std::string_view view : views) {
        size += view.size();
    }
    std::string text;
    text.reserve(size);
    for (const std::string_view view : views) {
        text.append(view);
    }
    return text;
}

bool contains_any(const std::string& text, std::initializer_list<const char*> words) {
    std::string lower = text;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return std::any_of(words.begin(), words.end(),
                       [&](const char* w) { return lower.find(w) != std::string::npos; });
}

EventType scripted_type(ScriptedEventType type) {
    switch (type) {
        case ScriptedEventType::Statement:
            return EventType::Statement;
        case ScriptedEventType::Meeting:
            return EventType::Meeting;
        case ScriptedEventType::Demand:
            return EventType::Demand;
        case ScriptedEventType::Reject:
            return EventType::Reject;
        case ScriptedEventType::Support:
            return EventType::Support;
        case ScriptedEventType::Threat:
            return EventType::Threat;
        case ScriptedEventType::Sanction:
            return EventType::Sanction;
        case ScriptedEventType::Mobilisation:
            return EventType::Mobilisation;
        case ScriptedEventType::Concession:
            return EventType::Concession;
    }
    return EventType::Statement;
}

const char* default_scripted_cameo(ScriptedEventType type) {
    switch (type) {
        case ScriptedEventType::Statement:
            return "010";
        case ScriptedEventType::Meeting:
            return "040";
        case ScriptedEventType::Demand:
            return "100";
        case ScriptedEventType::Reject:
            return "12";
        case ScriptedEventType::Support:
            return "053";
        case ScriptedEventType::Threat:
            return "130";
        case ScriptedEventType::Sanction:
            return "163";
        case ScriptedEventType::Mobilisation:
            return "154";
        case ScriptedEventType::Concession:
            return "08";
    }
    return "010";
}

constexpr int k_event_type_count = static_cast<int>(EventType::Standoff) + 1;

struct Option {
    Action action;
    double utility;
    int other;
    int third;
};

/// decide()'s action set: at most 11 options (§7.3), kept on the stack.
class OptionList {
  public:
    void clear() { m_size = 0; }
    void push_back(const Option& option) {
        if (m_size == m_options.size()) {
            overflow();
        }
        m_utilities[m_size] = option.utility;
        m_options[m_size++] = option;
    }
    const Option& operator[](std::size_t k) const { return m_options[k]; }
    /// The options' utilities, in order.
    std::span<const double> utilities() const { return {m_utilities.data(), m_size}; }

  private:
    [[noreturn]] static void overflow() {
        throw std::logic_error("decide: more options than OptionList holds");
    }
    std::array<Option, 16> m_options{};
    std::array<double, 16> m_utilities{};
    std::size_t m_size = 0;
};

class Crisis {
  public:
    Crisis(const ScenarioSpec& spec, std::uint64_t seed, const RunOptions& options);
    RunResult run();

  private:
    // --- set-up -------------------------------------------------------------------------------------
    int actor_index(const std::string& id) const;
    int issue_index(const std::string& id) const;
    void build_actors();
    void build_demands();
    void apply_history();

    // --- state queries ------------------------------------------------------------------------------
    double position(int i, int k) const { return m_position(i, k); }
    bool holds(int i, int k) const { return !std::isnan(m_position(i, k)); }
    double war_cost(int i) const;
    int opponent(int i) const {
        if (m_opponents_dirty) {
            refresh_opponents();
        }
        return m_opponents[u(i)];
    }
    void refresh_opponents() const;
    int contested_issue(int i, int j) const;
    double pressure(int i) const { return m_pressure->value(i, m_sim.now()); }
    double nearness_to_war(int i) const { return static_cast<double>(m_rung[u(i)]) / m_war_rung; }
    DemandState* demand_between(int a, int b, int issue);

    // --- logging and recording ----------------------------------------------------------------------
    template <typename Describe>
    void log(EventType type, int source, int target, int issue, double value, std::string_view cameo,
             bool key, Describe&& describe);
    /// Which sample: the interval's, one after an event (skipped when output.event_samples is false), or the
    /// state at the outcome.
    enum class SampleKind { Interval, Event, Final };
    void record_sample(SampleKind kind = SampleKind::Event);
    void refresh_sampled_support();
    /// Every write to an entry (row, col) of m_relations (any of its four matrices) must call this: the
    /// trajectory's support metrics compare only the written entries with m_sampled_relations.
    void note_relations_written(int row, int col) {
        m_hostility_stale[u(row)] = 1;
        if (m_n <= 64) {
            m_relations_written[u(col)] |= std::uint64_t{1} << row;
        } else {
            m_relations_written[u(col)] = ~std::uint64_t{0};  // above 64 actors: the whole column
        }
    }
    void schedule_samples();
    const std::string& leader(int i) const { return m_leader[u(i)]; }
    const std::string& speaker(int i) const { return m_speaker[u(i)]; }
    const std::string& name(int i) const { return m_result.actor_names[u(i)]; }

    engine::RngStream& decide_rng(int i) {
        engine::RngStream*& stream = m_decide_rng[u(i)];
        if (stream == nullptr) {
            stream = &m_sim.rng(m_decide_stream[u(i)]);
        }
        return *stream;
    }
    engine::RngStream& choice_rng(int i) {
        engine::RngStream*& stream = m_choice_rng[u(i)];
        if (stream == nullptr) {
            stream = &m_sim.rng(m_choice_stream[u(i)]);
        }
        return *stream;
    }
    void add_dyad_event(int day, int source, int target, double goldstein);
    /// Context of an actor's fast-path events (engine::Simulation::schedule_at with a function pointer).
    struct ActorEventContext {
        Crisis* crisis = nullptr;
        int actor = -1;
        int new_rung = -1;  ///< crossing events: the rung reached, or -1 to look again
    };
    engine::EventHandle schedule_crossing_event(double time, int actor, int new_rung,
                                                engine::EventHandle previous);
    void flush_dyad_day();

    // --- continuous dynamics ------------------------------------------------------------------------
    Eigen::VectorXd grievance_vector() const;
    void refresh_grievance();
    void mark_relations_dirty();
    void refresh_relations();
    void reschedule_crossings(int actor);
    void reschedule_component(int actor);
    void flush_crossings();
    template <typename Fn>
    engine::EventHandle schedule(double time, int priority, Fn&& fn);
    void on_crossing(int actor, int new_rung);
    void jump_pressure(int actor, double delta);
    bool on_threshold(double pressure) const;
    void set_rung(int actor, int rung, bool log_crossing);
    void call_off_talks(int actor);

    // --- mechanisms ---------------------------------------------------------------------------------
    void run_scripted(const ScriptedEventSpec& event, bool history);
    void activate_demand(int d, bool history, const ScriptedEventSpec* scripted = nullptr);
    void meeting(int source, int target, int issue, bool key, const std::string& description);
    void run_bdm_round();
    void on_deadline(int d);
    void move_position(int i, int k, double value);
    void update_demands();
    void check_resolution();
    void declare_war(int initiator);
    void trigger_decision(int actor);
    void schedule_poisson_decision(int actor);
    void decide(int actor);
    void apply_action(int actor, Action action, int other, int third, int issue);

    const ScenarioSpec& m_spec;
    RunOptions m_options;
    engine::Simulation m_sim;
    int m_n = 0;
    int m_m = 0;
    double m_horizon = 365.0;
    double m_war_rung = 9.0;
    int m_war_rung_index = 9;
    std::vector<double> m_thresholds;
    std::vector<std::string> m_rung_cameo;
    Eigen::VectorXd m_share;       // capability shares w
    Eigen::MatrixXd m_position;    // n x m, NaN where no position
    Eigen::MatrixXd m_salience;    // n x m
    Eigen::VectorXd m_status_quo;  // m
    Eigen::VectorXd m_extra_cost;  // sanctions' addition to the cost of war
    Eigen::VectorXd m_restraint;
    Relations m_relations;
    Eigen::MatrixXd m_reaction_used;
    std::unique_ptr<PressureSystem> m_pressure;
    std::vector<int> m_rung;
    std::vector<engine::EventHandle> m_crossing;
    std::vector<char> m_crossing_dirty;
    std::vector<int> m_dirty_list;
    std::vector<engine::EventHandle> m_triggered;
    std::vector<double> m_last_escalation;  // time of each actor's last escalate decision (-inf: none)
    std::vector<DemandState> m_demands;
    std::map<std::pair<int, int>, engine::EventHandle> m_meetings;
    std::vector<std::vector<PendingRequest>> m_requests;
    Eigen::MatrixXd m_last_contact;  // last proposal/request from i to j (days)
    std::vector<std::string> m_leader;
    std::vector<std::string> m_speaker;
    std::vector<std::string> m_decide_stream;
    std::vector<std::string> m_choice_stream;
    // The streams above, looked up by name on first use and then kept (Simulation::rng's references stay
    // valid for the simulation's lifetime; creating a stream later or earlier does not change its draws).
    std::vector<engine::RngStream*> m_decide_rng;
    std::vector<ActorEventContext> m_crossing_context;  // per actor: its pending crossing event's context
    std::vector<ActorEventContext> m_actor_context;     // per actor: {this, i}, for its decision events
    std::vector<engine::RngStream*> m_choice_rng;
    double m_history_time = std::numeric_limits<double>::quiet_NaN();  // set while history is applied
    mutable std::vector<int> m_opponents;                              // cache of opponent(i)
    mutable std::vector<double> m_opponent_score;                      // refresh_opponents' scratch
    // §4.3's hostility fallback per actor, valid unless its row of m_relations was written since.
    mutable std::vector<int> m_most_hostile_to;
    mutable std::vector<char> m_hostility_stale;
    mutable bool m_opponents_dirty = true;
    bool m_relations_dirty = false;
    bool m_relations_pending = false;
    bool m_finished = false;
    bool m_logged_since_sample = false;
    double m_last_sample_time = -1.0;
    std::size_t m_last_sample_begin = 0;
    // The support metrics of the last sample and the state they were computed from: many samples follow
    // events that leave relations unchanged (holds, rung crossings, talks), and those reuse them.
    Relations m_sampled_relations;
    std::vector<int> m_sampled_opponent;
    std::vector<double> m_sampled_support;
    std::vector<double> m_sampled_prevail;
    Eigen::VectorXd m_sample_pressure;   // scratch for record_sample
    std::vector<BdmActor> m_bdm_actors;  // scratch for run_bdm_round
    std::vector<int> m_bdm_who;          // scratch for run_bdm_round
    std::vector<int> m_opponent_buffer;  // scratch for refresh_sampled_support
    // Entries of m_relations written since m_sampled_relations was last copied from it (bit r of
    // m_relations_written[c]: row r of column c, in any of the four matrices; above 64 actors, nonzero marks
    // the whole column); every entry when m_relations_written_all (before the first sample). Entries not
    // marked are bitwise equal in the two.
    std::vector<std::uint64_t> m_relations_written;
    bool m_relations_written_all = true;
    std::vector<std::uint64_t> m_changed_rows;
    // Per actor i (row i, n entries each): the terms w_k S_k(i|j) and w_k S_k(j|i) of its support metrics
    // against j = m_sampled_opponent[i], as of m_sampled_relations (valid while i has an opponent).
    std::vector<double> m_support_terms;
    std::vector<double> m_support_terms_opponent;  // scratch: per relation column, the rows changed (bit r)
    // The trajectory metrics output.metrics asks for (fixed for the run; all when the list is empty).
    bool m_want_rung = true;
    bool m_want_pressure = true;
    bool m_want_position = true;
    bool m_want_support = true;
    bool m_want_prevail = true;
    std::array<int, k_event_type_count> m_counts{};
    // Daily Goldstein sums per directed dyad. Events are logged in time order from day 0 on, so the rows of
    // the current day are accumulated in m_dyad_today (m_dyad_cell: source * n + target -> its index, -1
    // if none) and appended to m_result.dyads, sorted by (source, target), when the day changes and at the
    // end of the run: m_result.dyads stays sorted by (day, source, target).
    int m_dyad_day = std::numeric_limits<int>::min();
    std::vector<int> m_dyad_cell;
    std::vector<DyadDay> m_dyad_today;
    // (type, source + 1, target + 1) already marked key, flat; m_key_signals for indices outside it.
    std::vector<char> m_key_signal_seen;
    std::set<std::tuple<int, int, int>> m_key_signals;
    RunResult m_result;
};

Crisis::Crisis(const ScenarioSpec& spec, std::uint64_t seed, const RunOptions& options)
    : m_spec(spec), m_options(options), m_sim(seed) {
    m_n = static_cast<int>(spec.actors.size());
    m_m = static_cast<int>(spec.issues.size());
    m_horizon = spec.metadata.horizon;
    if (m_n < 1) {
        throw std::invalid_argument("scenario has no actors");
    }
    if (!(m_horizon > 0.0)) {
        throw std::invalid_argument("horizon must be > 0");
    }
    const LadderSpec ladder = spec.ladder.rungs.empty() ? default_ladder() : spec.ladder;
    if (ladder.rungs.size() < 3) {
        throw std::invalid_argument("the ladder needs at least 3 rungs");
    }
    for (const auto& rung : ladder.rungs) {
        if (!m_thresholds.empty() && !(rung.threshold > m_thresholds.back())) {
            throw std::invalid_argument("ladder thresholds must increase");
        }
        m_thresholds.push_back(rung.threshold);
        m_rung_cameo.push_back(rung.cameo);
        m_result.rung_names.push_back(rung.name.empty() ? rung.id : rung.name);
    }
    m_war_rung_index = static_cast<int>(m_thresholds.size()) - 1;
    if (!std::isnan(spec.model.war_rung_index)) {
        const double w = spec.model.war_rung_index;
        if (!(w >= 1.0 && w <= static_cast<double>(m_war_rung_index))) {
            throw std::invalid_argument("model.war_rung_index outside the ladder");
        }
        m_war_rung_index = static_cast<int>(w);
    }
    m_war_rung = static_cast<double>(m_war_rung_index);
    const auto& wanted = spec.output.metrics;
    const auto want = [&](const char* metric) {
        return wanted.empty() || std::find(wanted.begin(), wanted.end(), metric) != wanted.end();
    };
    m_want_rung = want("rung");
    m_want_pressure = want("pressure");
    m_want_position = want("position");
    m_want_support = want("expected_support");
    m_want_prevail = want("p_prevail");
    build_actors();
    build_demands();
}

int Crisis::actor_index(const std::string& id) const {
    for (int i = 0; i < m_n; ++i) {
        if (m_spec.actors[u(i)].id == id) {
            return i;
        }
    }
    throw std::invalid_argument("unknown actor '" + id + "'");
}

int Crisis::issue_index(const std::string& id) const {
    for (int k = 0; k < m_m; ++k) {
        if (m_spec.issues[u(k)].id == id) {
            return k;
        }
    }
    throw std::invalid_argument("unknown issue '" + id + "'");
}

void Crisis::build_actors() {
    m_result.scenario = m_spec.metadata.name;
    m_result.seed = m_sim.seed();
    for (const auto& issue : m_spec.issues) {
        m_result.issue_ids.push_back(issue.id);
    }
    m_share.resize(m_n);
    m_position = Eigen::MatrixXd::Constant(m_n, m_m, std::numeric_limits<double>::quiet_NaN());
    m_salience = Eigen::MatrixXd::Zero(m_n, m_m);
    m_status_quo.resize(m_m);
    for (int k = 0; k < m_m; ++k) {
        m_status_quo(k) = std::clamp(m_spec.issues[u(k)].status_quo, 0.0, 1.0);
    }
    m_extra_cost = Eigen::VectorXd::Zero(m_n);
    m_restraint.resize(m_n);
    Eigen::VectorXd initial(m_n);
    double total = 0.0;
    for (int i = 0; i < m_n; ++i) {
        const ActorSpec& a = m_spec.actors[u(i)];
        if (!(a.capability > 0.0)) {
            throw std::invalid_argument("actor '" + a.id + "': capability must be > 0");
        }
        total += a.capability;
        m_result.actor_ids.push_back(a.id);
        m_result.actor_names.push_back(a.name.empty() ? a.id : a.name);
        for (const auto& p : a.positions) {
            const int k = issue_index(p.issue);
            m_position(i, k) = std::clamp(p.position, 0.0, 1.0);
            m_salience(i, k) = std::clamp(p.salience, 0.0, 1.0);
        }
        // docs/model.md §2.2: resolute actors restrain themselves less.
        m_restraint(i) = m_spec.model.restraint * (1.5 - std::clamp(a.resolve, 0.0, 1.0));
        initial(i) = std::max(0.0, a.initial_rung);
        m_leader.push_back(a.representatives.empty() ? (a.name.empty() ? a.id : a.name)
                                                     : a.representatives.front().name);
        std::string speaker = m_leader.back();
        for (const auto& person : a.representatives) {
            if (contains_any(person.role, {"foreign", "secretary of state", "spokes", "diplomat"})) {
                speaker = person.name;
                break;
            }
        }
        m_speaker.push_back(speaker);
        m_decide_stream.push_back("actor/" + a.id + "/decide");
        m_choice_stream.push_back("actor/" + a.id + "/choice");
    }
    for (int i = 0; i < m_n; ++i) {
        m_share(i) = m_spec.actors[u(i)].capability / total;
    }
    m_relations = build_relations(m_spec);
    m_last_contact = Eigen::MatrixXd::Constant(m_n, m_n, -1e300);
    for (int i = 0; i < m_n; ++i) {
        // docs/model.md §2.3: a start exactly on a threshold (initial_rung 7.0) sits just above it, so that
        // the first crossing down is found like any other.
        if (on_threshold(initial(i))) {
            initial(i) += k_hysteresis;
        }
    }
    m_pressure = std::make_unique<PressureSystem>(initial, 0.0);
    m_rung.resize(u(m_n));
    for (int i = 0; i < m_n; ++i) {
        m_rung[u(i)] = std::min(rung_at(m_thresholds, initial(i)), m_war_rung_index);
    }
    m_crossing.resize(u(m_n));
    m_crossing_dirty.assign(u(m_n), 0);
    m_triggered.resize(u(m_n));
    m_last_escalation.assign(u(m_n), -std::numeric_limits<double>::infinity());
    m_requests.resize(u(m_n));
    m_relations_written.assign(u(m_n), 0);
    m_most_hostile_to.assign(u(m_n), -1);
    m_hostility_stale.assign(u(m_n), 1);
    m_crossing_context.resize(u(m_n));
    m_actor_context.resize(u(m_n));
    for (int i = 0; i < m_n; ++i) {
        m_actor_context[u(i)] = {this, i, -1};
    }
    m_decide_rng.assign(u(m_n), nullptr);
    m_choice_rng.assign(u(m_n), nullptr);
    m_dyad_cell.assign(u(m_n) * u(m_n), -1);
    m_key_signal_seen.assign(u(k_event_type_count) * u(m_n + 1) * u(m_n + 1), 0);
}

void Crisis::build_demands() {
    for (const auto& d : m_spec.demands) {
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
        }
        if (s.targets.empty()) {
            throw std::invalid_argument("demand '" + s.id + "' has no target");
        }
        s.value = std::clamp(d.value, 0.0, 1.0);
        s.demanded = s.value;
        s.made = d.made;
        s.deadline = d.deadline;
        if (!d.threat.empty()) {
            const LadderSpec ladder = m_spec.ladder.rungs.empty() ? default_ladder() : m_spec.ladder;
            for (std::size_t r = 0; r < ladder.rungs.size(); ++r) {
                if (ladder.rungs[r].id == d.threat) {
                    s.threat_rung = static_cast<int>(r);
                }
            }
        }
        m_demands.push_back(std::move(s));
    }
}

// ---------------------------------------------------------------------------------------------------
// Logging and recording
// ---------------------------------------------------------------------------------------------------

template <typename Describe>
void Crisis::log(EventType type, int source, int target, int issue, double value, std::string_view cameo,
                 bool key, Describe&& describe) {
    const double goldstein = goldstein_weight(cameo);
    const double now = std::isnan(m_history_time) ? m_sim.now() : m_history_time;
    ++m_counts[u(static_cast<int>(type))];
    // docs/model.md §1.2: actor-to-actor events move affinity; ladder crossings and outcomes are consequences
    // of the state, not new signals, so they do not (that would double count the Richardson reaction).
    const bool signal = type != EventType::RungCrossing && type != EventType::War &&
                        type != EventType::Hold && type != EventType::Settlement &&
                        type != EventType::Capitulation && type != EventType::Standoff &&
                        type != EventType::DeadlinePassed;
    // History (before day 0) is already in the scenario's relations: only its explicit deltas apply (§1.3).
    if (signal && std::isnan(m_history_time) && source >= 0 && target >= 0 && goldstein != 0.0) {
        apply_event_to_affinity(m_relations, source, target, goldstein, m_spec.model.affinity_step);
        note_relations_written(source, target);
        note_relations_written(target, source);
        mark_relations_dirty();
    }
    if (!m_options.record_events) {
        return;
    }
    EventRecord record;
    record.time = now;
    record.seq = m_result.events.size();
    record.type = type;
    record.source = source;
    record.target = target;
    record.issue = issue;
    record.value = issue >= 0 ? value : 0.0;
    record.cameo = std::string(cameo);
    record.goldstein = goldstein;
    record.description = describe();
    // A repeated signal (the tenth warning from Lavrov to NATO) is news only the first time: decision events
    // are key on the first occurrence of their (type, source, target), so charts label what changed.
    const bool repeatable = type == EventType::Threat || type == EventType::Support ||
                            type == EventType::Sanction || type == EventType::RequestSupport ||
                            type == EventType::AnswerRequest || type == EventType::DeclineRequest ||
                            type == EventType::Reiterate || type == EventType::Concession ||
                            type == EventType::Statement;
    const auto first_signal = [&] {
        const int t = static_cast<int>(type);
        if (source >= -1 && source < m_n && target >= -1 && target < m_n) {
            char& seen = m_key_signal_seen[(u(t) * u(m_n + 1) + u(source + 1)) * u(m_n + 1) + u(target + 1)];
            const bool first = seen == 0;
            seen = 1;
            return first;
        }
        return m_key_signals.insert({t, source, target}).second;
    };
    record.key = key && (!repeatable || first_signal());
    m_result.events.push_back(std::move(record));
    if (source >= 0 && target >= 0 && !cameo.empty() && now >= 0.0) {
        add_dyad_event(static_cast<int>(std::floor(now)), source, target, goldstein);
    }
    m_logged_since_sample = true;
}

void Crisis::add_dyad_event(int day, int source, int target, double goldstein) {
    if (day < m_dyad_day) {
        // Not reached (time never runs backwards once the run has started); kept for safety: the row goes
        // to its sorted place among the days already flushed.
        auto& rows = m_result.dyads;
        const auto at = std::lower_bound(rows.begin(), rows.end(), std::tuple{day, source, target},
                                         [](const DyadDay& row, const std::tuple<int, int, int>& key) {
                                             return std::tuple{row.day, row.source, row.target} < key;
                                         });
        if (at == rows.end() || at->day != day || at->source != source || at->target != target) {
            rows.insert(at, DyadDay{day, source, target, goldstein, 1});
        } else {
            at->goldstein_sum += goldstein;
            at->events += 1;
        }
        return;
    }
    if (day != m_dyad_day) {
        flush_dyad_day();
        m_dyad_day = day;
    }
    int& cell = m_dyad_cell[u(source) * u(m_n) + u(target)];
    if (cell < 0) {
        cell = static_cast<int>(m_dyad_today.size());
        m_dyad_today.push_back(DyadDay{day, source, target, 0.0, 0});
    }
    DyadDay& row = m_dyad_today[u(cell)];
    row.goldstein_sum += goldstein;
    row.events += 1;
}

void Crisis::flush_dyad_day() {
    std::sort(m_dyad_today.begin(), m_dyad_today.end(), [](const DyadDay& a, const DyadDay& b) {
        return a.source != b.source ? a.source < b.source : a.target < b.target;
    });
    for (const DyadDay& row : m_dyad_today) {
        m_dyad_cell[u(row.source) * u(m_n) + u(row.target)] = -1;
        m_result.dyads.push_back(row);
    }
    m_dyad_today.clear();
}

void Crisis::record_sample(SampleKind kind) {
    m_logged_since_sample = false;
    if (kind == SampleKind::Event && !m_spec.output.event_samples) {
        return;
    }
    if (!m_options.record_trajectory) {
        return;
    }
    const double now = m_sim.now();
    if (now < 0.0) {
        return;
    }
    auto& rows = m_result.trajectory;
    if (m_last_sample_time == now) {
        rows.resize(m_last_sample_begin);  // one sample per instant: the state after its last event
    }
    m_last_sample_begin = rows.size();
    m_last_sample_time = now;
    const bool w_rung = m_want_rung;
    const bool w_pressure = m_want_pressure;
    const bool w_position = m_want_position;
    const bool w_support = m_want_support;
    const bool w_prevail = m_want_prevail;
    Eigen::VectorXd& e = m_sample_pressure;
    m_pressure->values(now, e);
    if (w_support || w_prevail) {
        refresh_sampled_support();
    }
    for (int i = 0; i < m_n; ++i) {
        if (w_rung) {
            rows.push_back({now, i, Metric::Rung, -1, static_cast<double>(m_rung[u(i)])});
        }
        if (w_pressure) {
            rows.push_back({now, i, Metric::Pressure, -1, e(i)});
        }
        if (w_position) {
            for (int k = 0; k < m_m; ++k) {
                if (holds(i, k)) {
                    rows.push_back({now, i, Metric::Position, k, m_position(i, k)});
                }
            }
        }
        if (w_support) {
            rows.push_back({now, i, Metric::ExpectedSupport, -1, m_sampled_support[u(i)]});
        }
        if (w_prevail && m_sampled_opponent[u(i)] >= 0) {
            rows.push_back({now, i, Metric::ProbabilityOfPrevailing, -1, m_sampled_prevail[u(i)]});
        }
    }
}

void Crisis::refresh_sampled_support() {
    std::vector<int>& opponents = m_opponent_buffer;
    opponents.resize(u(m_n));
    for (int i = 0; i < m_n; ++i) {
        opponents[u(i)] = opponent(i);
    }
    // m_share is fixed for the run; the metrics are pure functions of the relations and the opponents.
    const bool first = m_sampled_support.empty();
    const bool compare_all = m_relations_written_all;
    const std::array<std::pair<const Eigen::MatrixXd*, const Eigen::MatrixXd*>, 4> matrices{
        std::pair{&m_relations.affinity, &m_sampled_relations.affinity},
        std::pair{&m_relations.commitment, &m_sampled_relations.commitment},
        std::pair{&m_relations.declared, &m_sampled_relations.declared},
        std::pair{&m_relations.deterred, &m_sampled_relations.deterred}};
    if (first) {
        m_sampled_support.assign(u(m_n), 0.0);
        m_sampled_prevail.assign(u(m_n), 0.0);
        m_sampled_opponent.assign(u(m_n), -1);
        m_changed_rows.assign(u(m_n), ~std::uint64_t{0});
        m_support_terms.assign(u(m_n) * u(m_n), 0.0);
        m_support_terms_opponent.assign(u(m_n) * u(m_n), 0.0);
    } else {
        // The metrics of i against j read only the third parties' rows k (k != i, j) of columns i and j of
        // the four relation matrices (third_party_support(k, i, j) and (k, j, i)); without an opponent, rows
        // k != i of column i. Mark, per column, the rows that differ (bitwise) from the copy the stored
        // metrics were computed from (every row, when there are more than 64 actors). Only entries written
        // since that copy can differ (m_relations_written).
        m_changed_rows.assign(u(m_n), 0);
        bool any_changed = false;
        bool equal = true;  // the == of the full matrices (differences only in the sign of a zero)
        const auto differ = [](double a, double b) {
            return std::bit_cast<std::uint64_t>(a) != std::bit_cast<std::uint64_t>(b);
        };
        for (int c = 0; c < m_n; ++c) {
            const std::uint64_t candidates = compare_all ? ~std::uint64_t{0} : m_relations_written[u(c)];
            if (candidates == 0) {
                continue;
            }
            for (const auto& [now, then] : matrices) {
                const double* a = now->col(c).data();
                const double* b = then->col(c).data();
                const auto compare = [&](int r) {
                    if (differ(a[r], b[r])) {
                        m_changed_rows[u(c)] |= m_n <= 64 ? std::uint64_t{1} << r : ~std::uint64_t{0};
                        any_changed = true;
                        equal = equal && a[r] == b[r];
                    }
                };
                if (compare_all || m_n > 64) {
                    for (int r = 0; r < m_n; ++r) {
                        compare(r);
                    }
                } else {
                    for (std::uint64_t rows = candidates; rows != 0; rows &= rows - 1) {
                        compare(std::countr_zero(rows));
                    }
                }
            }
        }
        if (opponents == m_sampled_opponent && (!any_changed || equal)) {
            if (!any_changed) {
                m_relations_written.assign(u(m_n), 0);  // bitwise equal to the copy: nothing pending
                m_relations_written_all = false;
            }
            return;
        }
    }
    // An actor's metrics are recomputed only when its opponent changed or an entry they read did; every
    // stored value equals what a full recomputation from m_sampled_relations (updated below) gives.
    for (int i = 0; i < m_n; ++i) {
        const int j = opponents[u(i)];
        std::uint64_t read_changed = m_changed_rows[u(i)] | (j >= 0 ? m_changed_rows[u(j)] : 0);
        if (m_n <= 64) {
            read_changed &= ~((std::uint64_t{1} << i) | (j >= 0 ? std::uint64_t{1} << j : 0));
        }
        const bool same_opponent = !first && j == m_sampled_opponent[u(i)];
        if (same_opponent && read_changed == 0) {
            continue;
        }
        if (j >= 0) {
            // support_metrics(i, j) from its terms w_k S_k(i|j) and w_k S_k(j|i), kept per actor: term k
            // reads only row k of columns i and j, so with the same opponent only the terms of changed rows
            // are recomputed before the sums are folded again (fold_support_metrics: bitwise
            // support_metrics).
            double* for_i = &m_support_terms[u(i) * u(m_n)];
            double* for_j = &m_support_terms_opponent[u(i) * u(m_n)];
            const auto update = [&](int k) {
                for_i[k] = support_term(m_relations, m_share, k, i, j);
                for_j[k] = support_term(m_relations, m_share, k, j, i);
            };
            if (same_opponent && m_n <= 64) {
                for (std::uint64_t rows = read_changed; rows != 0; rows &= rows - 1) {
                    update(std::countr_zero(rows));
                }
            } else {
                for (int k = 0; k < m_n; ++k) {
                    if (k != i && k != j) {
                        update(k);
                    }
                }
            }
            const SupportMetrics metrics = fold_support_metrics(m_share, i, j, for_i, for_j);
            m_sampled_support[u(i)] = metrics.expected_support;
            m_sampled_prevail[u(i)] = metrics.p_prevail;
        } else {
            m_sampled_support[u(i)] = expected_support_share(m_relations, m_share, i, j);
            m_sampled_prevail[u(i)] = 0.0;
        }
    }
    if (first || compare_all) {
        m_sampled_relations = m_relations;
    } else {
        for (int c = 0; c < m_n; ++c) {
            if (m_n > 64) {
                if (m_relations_written[u(c)] != 0) {
                    m_sampled_relations.affinity.col(c) = m_relations.affinity.col(c);
                    m_sampled_relations.commitment.col(c) = m_relations.commitment.col(c);
                    m_sampled_relations.declared.col(c) = m_relations.declared.col(c);
                    m_sampled_relations.deterred.col(c) = m_relations.deterred.col(c);
                }
                continue;
            }
            for (std::uint64_t rows = m_relations_written[u(c)]; rows != 0; rows &= rows - 1) {
                const int r = std::countr_zero(rows);
                m_sampled_relations.affinity(r, c) = m_relations.affinity(r, c);
                m_sampled_relations.commitment(r, c) = m_relations.commitment(r, c);
                m_sampled_relations.declared(r, c) = m_relations.declared(r, c);
                m_sampled_relations.deterred(r, c) = m_relations.deterred(r, c);
            }
        }
    }
    m_relations_written.assign(u(m_n), 0);
    m_relations_written_all = false;
    std::swap(m_sampled_opponent, m_opponent_buffer);
}

void Crisis::schedule_samples() {
    if (!m_options.record_trajectory) {
        return;
    }
    const double interval = m_spec.output.sample_interval > 0.0 ? m_spec.output.sample_interval : 1.0;
    const auto count = static_cast<long long>(std::floor(m_horizon / interval));
    // Room for the daily samples and as many again at events (a typical run's mix), so the table is not
    // copied a dozen times while it grows; capped so a long run of a large scenario reserves at most 64 MB.
    const auto rows_per_sample = static_cast<std::size_t>(m_n) * (4 + static_cast<std::size_t>(m_m));
    const std::size_t wanted =
        (m_spec.output.event_samples ? 2 : 1) * static_cast<std::size_t>(count + 1) * rows_per_sample;
    m_result.trajectory.reserve(
        std::min<std::size_t>(wanted, (std::size_t{64} << 20) / sizeof(TrajectorySample)));
    for (long long s = 0; s <= count; ++s) {
        // Fast path (function pointer, context = this): no closure stored per sample.
        m_sim.schedule_at(
            static_cast<double>(s) * interval, k_prio_sample,
            [](engine::Simulation&, void* self) {
                static_cast<Crisis*>(self)->record_sample(SampleKind::Interval);
            },
            this);
    }
}

// ---------------------------------------------------------------------------------------------------
// State queries
// ---------------------------------------------------------------------------------------------------

double Crisis::war_cost(int i) const {
    // docs/model.md §4.4: costs scaled by resolve, plus a floor, plus what sanctions added.
    const ActorSpec& a = m_spec.actors[u(i)];
    return a.cost_of_war * (1.0 - k_resolve_discount * std::clamp(a.resolve, 0.0, 1.0)) + k_war_cost_floor +
           m_extra_cost(i);
}

void Crisis::refresh_opponents() const {
    // docs/model.md §4.3, for every actor in one pass: the main opponent is the most capable counterpart in
    // an open demand; failing that, the actor i is most hostile to, weighted by capability. Each actor sees
    // its candidates in demand, target and actor order and keeps the first strict maximum, so ties resolve
    // as they would actor by actor.
    m_opponents.assign(u(m_n), -1);
    m_opponent_score.assign(u(m_n), 0.0);
    const auto consider = [&](int i, int other, double score) {
        if (score > m_opponent_score[u(i)]) {
            m_opponents[u(i)] = other;
            m_opponent_score[u(i)] = score;
        }
    };
    for (const auto& d : m_demands) {
        if (!d.active) {
            continue;
        }
        for (std::size_t t = 0; t < d.targets.size(); ++t) {
            if (d.status[t] == TargetStatus::Open) {
                consider(d.challenger, d.targets[t], m_share(d.targets[t]));
                consider(d.targets[t], d.challenger, m_share(d.challenger));
            }
        }
    }
    // The hostility fallback for the actors no open demand concerns. It reads only row i of A (and the
    // constant shares), so it is kept per actor and recomputed only when the row was written since
    // (note_relations_written): the same value a full recomputation would give.
    for (int i = 0; i < m_n; ++i) {
        if (m_opponents[u(i)] >= 0) {
            continue;
        }
        if (m_hostility_stale[u(i)] != 0) {
            int best = -1;
            double best_score = 0.0;
            for (int j = 0; j < m_n; ++j) {
                const double a = m_relations.affinity(i, j);
                const double score = -a * m_share(j);
                if (j != i && a < -0.05 && score > best_score) {
                    best = j;
                    best_score = score;
                }
            }
            m_most_hostile_to[u(i)] = best;
            m_hostility_stale[u(i)] = 0;
        }
        m_opponents[u(i)] = m_most_hostile_to[u(i)];
    }
    m_opponents_dirty = false;
}

int Crisis::contested_issue(int i, int j) const {
    int best = -1;
    double best_score = -1.0;
    for (const auto& d : m_demands) {
        if (!d.active) {
            continue;
        }
        for (std::size_t t = 0; t < d.targets.size(); ++t) {
            const bool between =
                (d.challenger == i && d.targets[t] == j) || (d.challenger == j && d.targets[t] == i);
            if (between && d.status[t] == TargetStatus::Open && holds(i, d.issue) && holds(j, d.issue)) {
                const double score = 1.0 + m_salience(i, d.issue);
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
    for (int k = 0; k < m_m; ++k) {
        if (holds(i, k) && holds(j, k)) {
            const double score = m_salience(i, k) * std::abs(m_position(i, k) - m_position(j, k));
            if (score > 1e-9 && score > best_score) {
                best = k;
                best_score = score;
            }
        }
    }
    return best;
}

DemandState* Crisis::demand_between(int a, int b, int issue) {
    for (auto& d : m_demands) {
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

// ---------------------------------------------------------------------------------------------------
// Continuous dynamics (docs/model.md §2, §3)
// ---------------------------------------------------------------------------------------------------

Eigen::VectorXd Crisis::grievance_vector() const {
    // docs/model.md §3.1: g_c = grievance · Σ_d m_d s_c · mean_t gap_dt for challengers,
    // g_t = 0.5 · grievance · s_t · gap_dt for each open demand on target t.
    Eigen::VectorXd g = Eigen::VectorXd::Zero(m_n);
    for (const auto& d : m_demands) {
        if (!d.active) {
            continue;
        }
        const double multiplier = d.deadline_passed ? k_deadline_multiplier : 1.0;
        double mean_gap = 0.0;
        for (std::size_t t = 0; t < d.targets.size(); ++t) {
            if (d.status[t] != TargetStatus::Open) {
                continue;
            }
            const int ti = d.targets[t];
            const double sq_gap = std::abs(m_status_quo(d.issue) - d.value);
            const double gap =
                holds(ti, d.issue) ? std::min(sq_gap, std::abs(m_position(ti, d.issue) - d.value)) : sq_gap;
            mean_gap += gap / static_cast<double>(d.targets.size());
            g(ti) += k_target_grievance * m_salience(ti, d.issue) * gap;
        }
        g(d.challenger) += multiplier * m_salience(d.challenger, d.issue) * mean_gap;
    }
    return m_spec.model.grievance * g;
}

void Crisis::refresh_grievance() {
    for (const int i : m_pressure->set_grievances(grievance_vector(), std::max(0.0, m_sim.now()))) {
        reschedule_component(i);
    }
}

void Crisis::mark_relations_dirty() {
    m_relations_dirty = true;
    if (m_relations_pending || !std::isnan(m_history_time) || m_finished) {
        return;
    }
    // docs/model.md §2.4: the reaction matrix follows the affinities in a daily batch (end of the day).
    m_relations_pending = true;
    const double at = std::floor(m_sim.now()) + 1.0;
    if (at <= m_horizon) {
        m_sim.schedule_at(
            at, k_prio_relations,
            [](engine::Simulation&, void* self) { static_cast<Crisis*>(self)->refresh_relations(); }, this);
    }
}

void Crisis::refresh_relations() {
    m_relations_pending = false;
    m_opponents_dirty = true;  // docs/model.md §4.3: the hostility fallback follows the daily batch
    if (!m_relations_dirty) {
        return;
    }
    m_relations_dirty = false;
    Eigen::MatrixXd k = reaction_matrix(m_relations.affinity, m_share, m_spec.model.reaction);
    // docs/model.md §2.4: K follows the affinities with a deadband (a change of k_reaction_deadband·reaction,
    // i.e. 0.05 of affinity between equal rivals), unless hostility appears or vanishes somewhere (which
    // changes the components).
    const bool same_pattern = ((k.array() != 0.0) == (m_reaction_used.array() != 0.0)).all();
    if (same_pattern &&
        (k - m_reaction_used).cwiseAbs().maxCoeff() < k_reaction_deadband * m_spec.model.reaction) {
        m_relations_dirty = true;  // keep accumulating against the K in use
        return;
    }
    m_reaction_used = std::move(k);
    m_pressure->set_dynamics(m_reaction_used, m_restraint, grievance_vector(), m_sim.now());
    for (int i = 0; i < m_n; ++i) {
        reschedule_crossings(i);
    }
}

void Crisis::reschedule_crossings(int i) {
    if (m_finished) {
        return;
    }
    // The pending crossing event, if any, is moved to its new time (EventQueue::reschedule: a new insertion
    // sequence, as a cancel followed by a new event would get) or cancelled when there is none.
    const engine::EventHandle previous = m_crossing[u(i)];
    m_crossing[u(i)] = {};
    const int r = m_rung[u(i)];
    // docs/model.md §2.3: search a window of k_crossing_window days; if nothing crosses in it, look again at
    // its end. Crossing times stay exact; only the search is bounded.
    const double now = std::max(0.0, m_sim.now());
    const double window_end = std::min(m_horizon, now + k_crossing_window);
    m_pressure->sync_actor(i, now);
    const double low = r > 0 ? m_thresholds[u(r)] : -1.0;
    const double high =
        r < m_war_rung_index ? m_thresholds[u(r + 1)] : std::numeric_limits<double>::infinity();
    const double quiet = m_pressure->quiet_until(i, low, high, window_end);
    if (quiet > now) {
        // No crossing is possible before `quiet`: look again then (no search needed now).
        if (quiet < m_horizon) {
            m_crossing[u(i)] = schedule_crossing_event(quiet, i, -1, previous);
        } else {
            m_sim.cancel(previous);
        }
        return;
    }
    std::optional<double> when;
    int next = r;
    if (r < m_war_rung_index) {
        when = m_pressure->next_crossing(i, m_thresholds[u(r + 1)], engine::Crossing::Upward, window_end);
        next = r + 1;
    }
    if (r > 0) {
        const auto down = m_pressure->next_crossing(i, m_thresholds[u(r)], engine::Crossing::Downward,
                                                    when ? *when : window_end);
        if (down && (!when || *down < *when)) {
            when = down;
            next = r - 1;
        }
    }
    if (when && *when >= m_sim.now()) {
        m_crossing[u(i)] = schedule_crossing_event(*when, i, next, previous);
    } else if (window_end < m_horizon) {
        m_crossing[u(i)] = schedule_crossing_event(window_end, i, -1, previous);
    } else {
        m_sim.cancel(previous);
    }
}

engine::EventHandle Crisis::schedule_crossing_event(double time, int actor, int new_rung,
                                                    engine::EventHandle previous) {
    // The engine's fast path (a function pointer and a context, no closure to store): each actor has at most
    // one pending crossing event (m_crossing), so its context slot can be rewritten here. A still pending
    // `previous` (the actor's crossing event) is moved instead: same callback, priority and context, and a
    // new insertion sequence, so the order of events is the one a cancel and a new event would give.
    ActorEventContext& context = m_crossing_context[u(actor)];
    context = {this, actor, new_rung};
    if (m_sim.reschedule(previous, time)) {
        return previous;
    }
    return m_sim.schedule_at(
        time, k_prio_crossing,
        [](engine::Simulation&, void* raw) {
            const auto& event = *static_cast<const ActorEventContext*>(raw);
            Crisis* crisis = event.crisis;
            const int i = event.actor;
            if (event.new_rung >= 0) {
                crisis->on_crossing(i, event.new_rung);
            } else {
                // Nothing crossed in the window (or the quiet bound ran out): look again from here.
                crisis->m_crossing[u(i)] = {};
                crisis->reschedule_crossings(i);
            }
        },
        &context);
}

void Crisis::reschedule_component(int actor) {
    // Deferred to the end of the current event (flush_crossings), so that several changes in one event
    // cost one search per affected actor.
    for (const int i : m_pressure->coupled_with(actor)) {
        if (!m_crossing_dirty[u(i)]) {
            m_crossing_dirty[u(i)] = 1;
            m_dirty_list.push_back(i);
        }
    }
}

void Crisis::flush_crossings() {
    // Ascending actor order keeps the insertion sequence (and so tie-breaking) independent of how the
    // changes arrived.
    std::sort(m_dirty_list.begin(), m_dirty_list.end());
    for (const int i : m_dirty_list) {
        m_crossing_dirty[u(i)] = 0;
        reschedule_crossings(i);
    }
    m_dirty_list.clear();
}

template <typename Fn>
engine::EventHandle Crisis::schedule(double time, int priority, Fn&& fn) {
    // flush_crossings() runs after every event through the engine's after-event hook (set in run()), so the
    // closure stays small enough for std::function's inline buffer: no allocation per event.
    return m_sim.schedule_at(time, priority, std::forward<Fn>(fn));
}

void Crisis::on_crossing(int actor, int new_rung) {
    m_crossing[u(actor)] = {};
    // docs/model.md §2.3: snap just past the threshold (hysteresis of 1e-10 rung) so that the search for the
    // crossing back starts strictly on the far side (LinearFlow does not count a start on the threshold).
    const bool upward = new_rung > m_rung[u(actor)];
    const int boundary = std::max(new_rung, m_rung[u(actor)]);
    m_pressure->set_value(actor, m_thresholds[u(boundary)] + (upward ? k_hysteresis : -k_hysteresis),
                          m_sim.now());
    set_rung(actor, new_rung, true);
    if (!m_finished) {
        reschedule_component(actor);
        const int j = opponent(actor);
        if (j >= 0 && new_rung > 0) {
            trigger_decision(j);
        }
    }
    if (m_logged_since_sample) {
        record_sample();
    }
}

void Crisis::set_rung(int actor, int rung, bool log_crossing) {
    rung = std::clamp(rung, 0, m_war_rung_index);
    const int old = m_rung[u(actor)];
    if (rung == old) {
        return;
    }
    m_rung[u(actor)] = rung;
    const bool peak = rung > m_result.peak_rung;
    if (peak) {
        m_result.peak_rung = rung;
        m_result.peak_rung_actor = actor;
        m_result.peak_rung_time = m_sim.now();
    }
    if (log_crossing) {
        const int j = opponent(actor);
        log(EventType::RungCrossing, actor, j, -1, 0.0, m_rung_cameo[u(rung)], peak, [&] {
            return concat(name(actor), rung > old ? " escalates to \"" : " steps down to \"",
                          m_result.rung_names[u(rung)], "\"");
        });
    }
    if (rung >= m_war_rung_index) {
        declare_war(actor);
    } else if (rung == m_war_rung_index - 1 && old < rung && std::isnan(m_history_time)) {
        call_off_talks(actor);
    }
}

void Crisis::call_off_talks(int actor) {
    // docs/model.md §4.5: military action calls off the talks pending with the actor; the other side halts
    // them (Blinken called off his meeting with Lavrov on 22 February 2022, after Russia sent troops into the
    // Donbas), and neither proposes new talks to the other for a week.
    std::vector<std::pair<int, int>> pending;  // m_meetings is ordered: pairs in ascending order
    for (const auto& [pair, handle] : m_meetings) {
        if (pair.first == actor || pair.second == actor) {
            pending.push_back(pair);
        }
    }
    for (const auto& pair : pending) {
        const int other = pair.first == actor ? pair.second : pair.first;
        m_sim.cancel(m_meetings[pair]);
        m_meetings.erase(pair);
        m_last_contact(actor, other) = m_sim.now();
        m_last_contact(other, actor) = m_sim.now();
        log(EventType::TalksCalledOff, other, actor, -1, 0.0, "164", true,
            [&] { return concat(speaker(other), " calls off talks with ", speaker(actor)); });
        trigger_decision(other);
    }
}

bool Crisis::on_threshold(double pressure) const {
    return std::any_of(m_thresholds.begin() + 1, m_thresholds.end(),
                       [&](double t) { return std::abs(pressure - t) < k_hysteresis; });
}

void Crisis::jump_pressure(int actor, double delta) {
    if (m_finished) {
        return;
    }
    const double now = std::max(0.0, m_sim.now());
    double e = m_pressure->jump(actor, delta, now);
    if (on_threshold(e)) {
        e = m_pressure->jump(actor, k_hysteresis, now);  // §2.3: never rest exactly on a threshold
    }
    const int rung = std::min(rung_at(m_thresholds, e), m_war_rung_index);
    set_rung(actor, rung, true);
    reschedule_component(actor);
}

// ---------------------------------------------------------------------------------------------------
// Scripted events, demands, deadlines
// ---------------------------------------------------------------------------------------------------

void Crisis::activate_demand(int d, bool history, const ScriptedEventSpec* scripted) {
    DemandState& demand = m_demands[u(d)];
    const bool first = !demand.active;
    demand.active = true;
    m_opponents_dirty = true;
    demand.last_reiterated = m_sim.now();
    std::vector<int> targets = demand.targets;
    if (scripted != nullptr && !scripted->targets.empty()) {
        targets.clear();
        for (const auto& t : scripted->targets) {
            targets.push_back(actor_index(t));
        }
    }
    const std::string cameo = scripted != nullptr && !scripted->cameo.empty() ? scripted->cameo : "100";
    for (const int t : targets) {
        log(first || scripted != nullptr ? EventType::Demand : EventType::Reiterate, demand.challenger, t,
            demand.issue, demand.value, cameo, true, [&] {
                if (scripted != nullptr && !scripted->description.empty()) {
                    return scripted->description;
                }
                return speaker(demand.challenger) +
                       (first ? " demands that " : " reiterates the demand that ") + name(t) + " accept " +
                       m_spec.issues[u(demand.issue)].name + " = " +
                       std::to_string(demand.value).substr(0, 4);
            });
        if (!history) {
            trigger_decision(t);
        }
    }
    if (!history) {
        refresh_grievance();
    }
}

void Crisis::run_scripted(const ScriptedEventSpec& event, bool history) {
    const int source = actor_index(event.source);
    std::vector<int> targets;
    for (const auto& t : event.targets) {
        targets.push_back(actor_index(t));
    }
    const int issue = event.issue.empty() ? -1 : issue_index(event.issue);
    const std::string cameo = event.cameo.empty() ? default_scripted_cameo(event.type) : event.cameo;
    const EventType type = scripted_type(event.type);
    const auto describe = [&](int target) {
        if (!event.description.empty()) {
            return event.description;
        }
        std::string text = speaker(source) + " (" + to_string(event.type) + ")";
        if (target >= 0) {
            text += " to " + speaker(target);
        }
        return text;
    };

    if (event.type == ScriptedEventType::Meeting && !targets.empty() && !history) {
        meeting(source, targets.front(), issue, true, describe(targets.front()));
    } else if (event.type == ScriptedEventType::Demand && !event.demand.empty()) {
        int d = -1;
        for (std::size_t x = 0; x < m_demands.size(); ++x) {
            if (m_demands[x].id == event.demand) {
                d = static_cast<int>(x);
            }
        }
        if (d < 0) {
            throw std::invalid_argument("scripted event names unknown demand '" + event.demand + "'");
        }
        activate_demand(d, history, &event);
    } else {
        const std::vector<int> to = targets.empty() ? std::vector<int>{-1} : targets;
        for (const int t : to) {
            log(type, source, t, issue, event.value, cameo, true, [&] { return describe(t); });
            switch (event.type) {
                case ScriptedEventType::Support:
                    if (t >= 0) {
                        m_relations.declared(source, t) =
                            std::min(1.0, m_relations.declared(source, t) + k_declaration_step);
                        note_relations_written(source, t);
                    }
                    break;
                case ScriptedEventType::Threat:
                    if (t >= 0) {
                        m_relations.deterred(t, source) =
                            std::min(1.0, m_relations.deterred(t, source) + k_warning_effect);
                        note_relations_written(t, source);
                    }
                    break;
                case ScriptedEventType::Sanction:
                    if (t >= 0) {
                        m_extra_cost(t) += k_sanction_cost;
                    }
                    break;
                case ScriptedEventType::Concession:
                    if (issue >= 0 && !std::isnan(event.value)) {
                        move_position(source, issue, event.value);
                    }
                    break;
                default:
                    break;
            }
            if (event.affinity_delta != 0.0 && t >= 0) {
                shift_affinity(m_relations, source, t, event.affinity_delta);
                note_relations_written(source, t);
                note_relations_written(t, source);
                mark_relations_dirty();
            }
            if (!history && t >= 0) {
                trigger_decision(t);
            }
        }
    }
    // docs/model.md §1.3: history applies its explicit pressure_delta only (initial_rung states the day-0
    // pressure; a mobilisation before the start is already in it).
    if (history) {
        if (event.pressure_delta != 0.0) {
            m_pressure->jump(source, event.pressure_delta, 0.0);
            m_rung[u(source)] =
                std::min(rung_at(m_thresholds, m_pressure->value(source, 0.0)), m_war_rung_index);
        }
    } else {
        double jump = event.pressure_delta;
        if (event.type == ScriptedEventType::Mobilisation && jump == 0.0) {
            jump = k_escalation_step;
        }
        if (jump != 0.0) {
            jump_pressure(source, jump);
        }
        update_demands();
        refresh_grievance();
        check_resolution();
    }
}

void Crisis::apply_history() {
    // History (day < 0) in time order: scripted events and demands made before the start.
    struct Item {
        double time;
        int order;
        int script;  // index into spec.events or -1
        int demand;  // index into m_demands or -1
    };
    std::vector<Item> items;
    int order = 0;
    std::vector<bool> scripted_demand(m_demands.size(), false);
    for (std::size_t e = 0; e < m_spec.events.size(); ++e) {
        const auto& ev = m_spec.events[e];
        if (ev.type == ScriptedEventType::Demand) {
            for (std::size_t d = 0; d < m_demands.size(); ++d) {
                if (m_demands[d].id == ev.demand) {
                    scripted_demand[d] = true;
                }
            }
        }
        if (ev.day < 0.0) {
            items.push_back({ev.day, order++, static_cast<int>(e), -1});
        }
    }
    for (std::size_t d = 0; d < m_demands.size(); ++d) {
        if (m_demands[d].made < 0.0 && !scripted_demand[d]) {
            items.push_back({m_demands[d].made, order++, -1, static_cast<int>(d)});
        }
    }
    std::stable_sort(items.begin(), items.end(),
                     [](const Item& a, const Item& b) { return a.time < b.time; });
    // The engine's clock starts at 0; history is applied before run() and logged with its own (negative)
    // time.
    for (const Item& item : items) {
        m_history_time = item.time;
        if (item.script >= 0) {
            run_scripted(m_spec.events[u(item.script)], true);
        } else {
            activate_demand(item.demand, true);
        }
    }
    m_history_time = std::numeric_limits<double>::quiet_NaN();
    // Demands made before the start but activated by a scripted event after it stay inactive until then;
    // those made at or before day 0 with no scripted event are active from the start.
    for (std::size_t d = 0; d < m_demands.size(); ++d) {
        if (m_demands[d].made <= 0.0 && !scripted_demand[d]) {
            m_demands[d].active = true;
        }
    }
}

void Crisis::on_deadline(int d) {
    DemandState& demand = m_demands[u(d)];
    if (!demand.active || m_finished) {
        return;
    }
    const bool open = std::any_of(demand.status.begin(), demand.status.end(),
                                  [](TargetStatus s) { return s == TargetStatus::Open; });
    if (!open) {
        return;
    }
    demand.deadline_passed = true;
    log(EventType::DeadlinePassed, demand.challenger, -1, demand.issue, demand.value, "", true, [&] {
        return "Deadline of " + name(demand.challenger) + "'s demand on " +
               m_spec.issues[u(demand.issue)].name + " passes unmet";
    });
    refresh_grievance();
    trigger_decision(demand.challenger);
    record_sample();
}

void Crisis::move_position(int i, int k, double value) {
    if (!holds(i, k)) {
        return;
    }
    m_position(i, k) = std::clamp(value, 0.0, 1.0);
}

void Crisis::update_demands() {
    // docs/model.md §3.2: a target whose position reaches the demanded value has met it; a challenger whose
    // position moves toward the status quo softens the demand, and withdraws it on reaching the status quo.
    m_opponents_dirty = true;
    for (auto& d : m_demands) {
        if (!d.active) {
            continue;
        }
        const double q = m_status_quo(d.issue);
        const double xc = holds(d.challenger, d.issue) ? m_position(d.challenger, d.issue) : d.value;
        if (std::abs(xc - q) < std::abs(d.value - q)) {
            d.value = xc;
        }
        const bool withdrawn = std::abs(d.value - q) <= k_met_tolerance;
        bool all_met = true;
        for (std::size_t t = 0; t < d.targets.size(); ++t) {
            if (d.status[t] != TargetStatus::Open) {
                all_met = all_met && d.status[t] != TargetStatus::Withdrawn;
                continue;
            }
            const int ti = d.targets[t];
            if (withdrawn) {
                d.status[t] = TargetStatus::Withdrawn;
                all_met = false;
            } else if (holds(ti, d.issue) && std::abs(m_position(ti, d.issue) - d.value) <= k_met_tolerance) {
                d.status[t] = TargetStatus::Met;
            } else {
                all_met = false;
            }
        }
        if (all_met && !withdrawn) {
            m_status_quo(d.issue) = d.value;
        }
    }
}

void Crisis::check_resolution() {
    if (m_finished || m_demands.empty()) {
        return;
    }
    // docs/model.md §8: a demand met only after its challenger softened it by more than the met tolerance is
    // a compromise (both sides moved), not a capitulation of the targets.
    int agreed = 0;
    int met = 0;
    int compromised = 0;
    int withdrawn = 0;
    int last_met = -1;
    int challenger = -1;
    bool one_challenger = true;
    for (const auto& d : m_demands) {
        for (std::size_t t = 0; t < d.targets.size(); ++t) {
            switch (d.status[t]) {
                case TargetStatus::Open:
                    return;
                case TargetStatus::Agreed:
                    ++agreed;
                    break;
                case TargetStatus::Met:
                    if (std::abs(d.value - d.demanded) > k_met_tolerance) {
                        ++compromised;
                    } else {
                        ++met;
                        last_met = d.targets[t];
                    }
                    break;
                case TargetStatus::Withdrawn:
                    ++withdrawn;
                    break;
            }
            one_challenger = one_challenger && (challenger < 0 || challenger == d.challenger);
            challenger = d.challenger;
        }
    }
    m_finished = true;
    Outcome& o = m_result.outcome;
    o.time = m_sim.now();
    if (agreed == 0 && compromised == 0 && withdrawn == 0) {
        o.kind = OutcomeKind::Capitulation;
        o.initiator = m_spec.actors[u(last_met)].id;
        o.target = m_spec.actors[u(challenger)].id;
        o.description = name(last_met) + " gives in to " + name(challenger) + "'s demands";
        log(EventType::Capitulation, last_met, challenger, -1, 0.0, "", true, [&] { return o.description; });
    } else if (agreed == 0 && compromised == 0 && met == 0) {
        o.kind = OutcomeKind::Capitulation;
        o.initiator = m_spec.actors[u(challenger)].id;
        o.description = name(challenger) + " withdraws its demands";
        log(EventType::Capitulation, challenger, -1, -1, 0.0, "", true, [&] { return o.description; });
    } else {
        o.kind = OutcomeKind::Settlement;
        std::string how;
        const auto part = [&](int n, const std::string& what) {
            if (n > 0) {
                how += (how.empty() ? "" : ", ") + std::to_string(n) + " " + what;
            }
        };
        part(agreed, "agreed at talks");
        part(compromised, "met after " +
                              (one_challenger ? name(challenger) : std::string("the challengers")) +
                              " softened them");
        part(met, "met in full");
        part(withdrawn, "withdrawn");
        o.description = "Every demand is resolved: " + how;
        log(EventType::Settlement, -1, -1, -1, 0.0, "", true, [&] { return o.description; });
    }
    m_sim.request_stop();
}

void Crisis::declare_war(int initiator) {
    if (m_finished) {
        return;
    }
    m_finished = true;
    // docs/model.md §8: war is fought against the actor the initiator was most hostile to at day 0, among
    // those it is still hostile to (Russia's war is against Ukraine, not against the United States it
    // bargains with; Austria-Hungary's against Serbia, not against the Russia it traded warnings with); the
    // main opponent if it is hostile to nobody.
    const Eigen::MatrixXd& standing = m_result.affinity_start;
    int target = -1;
    for (int j = 0; j < m_n; ++j) {
        if (j != initiator && m_relations.affinity(initiator, j) < 0.0 &&
            (target < 0 || standing(initiator, j) < standing(initiator, target))) {
            target = j;
        }
    }
    if (target < 0) {
        target = opponent(initiator);
    }
    Outcome& o = m_result.outcome;
    o.kind = OutcomeKind::War;
    o.time = m_sim.now();
    o.initiator = m_spec.actors[u(initiator)].id;
    o.target = target >= 0 ? m_spec.actors[u(target)].id : std::string{};
    o.description =
        name(initiator) + " goes to war" + (target >= 0 ? " against " + name(target) : std::string{});
    log(EventType::War, initiator, target, -1, 0.0, "190", true, [&] { return o.description; });
    m_sim.request_stop();
}

// ---------------------------------------------------------------------------------------------------
// Bargaining at meetings (docs/model.md §4.5, with the building blocks of §5)
// ---------------------------------------------------------------------------------------------------

void Crisis::meeting(int source, int target, int issue, bool key, const std::string& description) {
    if (m_finished) {
        return;
    }
    m_meetings.erase({std::min(source, target), std::max(source, target)});
    if (issue < 0) {
        issue = contested_issue(source, target);
    }
    log(EventType::Meeting, source, target, issue, issue >= 0 ? m_status_quo(issue) : 0.0, "040", key, [&] {
        return description.empty() ? concat(speaker(source), " meets ", speaker(target)) : description;
    });
    if (issue < 0 || !holds(source, issue) || !holds(target, issue)) {
        record_sample();
        return;
    }
    // Orient the issue so that A wants high values (bargaining.hpp).
    const bool source_high = m_position(source, issue) >= m_position(target, issue);
    const int a = source_high ? source : target;
    const int b = source_high ? target : source;
    const MutualPrevail prevail = mutual_prevail_probabilities(m_relations, m_share, a, b);
    const double pa_own = prevail.i_over_j;
    const double pb_own = prevail.j_over_i;
    const double ca = war_cost(a);
    const double cb = war_cost(b);
    // docs/model.md §4.5: each side's own (optimistic) estimate sets its end of the range.
    BargainingRange range;
    range.low = fearon_range(pa_own, ca, cb).low;
    range.high = fearon_range(1.0 - pb_own, ca, cb).high;
    DemandState* demand = demand_between(source, target, issue);
    const auto pair_key = std::pair{std::min(source, target), std::max(source, target)};

    if (range.empty()) {
        const int rejecter = demand ? (demand->challenger == source ? target : source) : target;
        const int other = rejecter == source ? target : source;
        log(EventType::TalksFailed, source, target, issue, m_status_quo(issue), "12", true, [&] {
            return "Talks between " + speaker(source) + " and " + speaker(target) +
                   " fail: no bargaining range";
        });
        log(EventType::Reject, rejecter, other, issue, m_status_quo(issue), "1232", true,
            [&] { return speaker(rejecter) + " rejects " + name(other) + "'s terms"; });
        jump_pressure(source, 0.5);
        jump_pressure(target, 0.5);
        trigger_decision(source);
        trigger_decision(target);
        record_sample();
        return;
    }
    const auto patience = [&](int i) {
        // docs/model.md §4.5: resolute actors are more patient (a shorter effective delay per round).
        return discount_over(m_spec.model.discount_per_day,
                             m_spec.model.talks_duration * (1.5 - m_spec.actors[u(i)].resolve));
    };
    const double agreement = rubinstein_agreement(range, patience(a), patience(b), a == source);
    const auto reach = [&](int i) {
        return k_concession_limit *
               (1.0 - m_salience(i, issue) * std::clamp(m_spec.actors[u(i)].resolve, 0.0, 1.0));
    };
    const double move_a = std::abs(m_position(a, issue) - agreement);
    const double move_b = std::abs(m_position(b, issue) - agreement);
    if (move_a <= reach(a) && move_b <= reach(b)) {
        move_position(a, issue, agreement);
        move_position(b, issue, agreement);
        // docs/model.md §4.5: the world's status quo changes only when the agreement settles a demand.
        if (demand != nullptr) {
            m_status_quo(issue) = agreement;
        }
        for (auto& d : m_demands) {
            for (std::size_t t = 0; t < d.targets.size(); ++t) {
                const bool between =
                    (d.challenger == a && d.targets[t] == b) || (d.challenger == b && d.targets[t] == a);
                if (d.active && d.issue == issue && between && d.status[t] == TargetStatus::Open) {
                    d.status[t] = TargetStatus::Agreed;
                    m_opponents_dirty = true;
                }
            }
        }
        log(EventType::TalksAgreement, source, target, issue, agreement, "057", true, [&] {
            return concat(speaker(source), " and ", speaker(target), " agree on ",
                          m_spec.issues[u(issue)].name);
        });
        jump_pressure(source, -k_escalation_step);
        jump_pressure(target, -k_escalation_step);
    } else {
        // "Agree to keep talking": each side moves half its reach toward the agreement point, and talks
        // resume a week later (Geneva, 21 January 2022).
        for (const int i : {a, b}) {
            const double x = m_position(i, issue);
            const double step = std::min(0.5 * reach(i), std::abs(agreement - x));
            move_position(i, issue, x + (agreement > x ? step : -step));
        }
        log(EventType::TalksPartial, source, target, issue, agreement, "036", true,
            [&] { return concat(speaker(source), " and ", speaker(target), " agree to keep talking"); });
        if (!m_meetings.count(pair_key) && m_sim.now() + k_follow_up_days <= m_horizon) {
            m_meetings[pair_key] = schedule(m_sim.now() + k_follow_up_days, k_prio_meeting,
                                            [this, source, target, issue](engine::Simulation&) {
                                                meeting(source, target, issue, false, "");
                                            });
        }
    }
    update_demands();
    refresh_grievance();
    trigger_decision(source);
    trigger_decision(target);
    check_resolution();
    record_sample();
}

// ---------------------------------------------------------------------------------------------------
// Multilateral positions (docs/model.md §6, applied as in §3.4)
// ---------------------------------------------------------------------------------------------------

void Crisis::run_bdm_round() {
    if (m_finished) {
        return;
    }
    std::vector<BdmActor>& actors = m_bdm_actors;
    std::vector<int>& who = m_bdm_who;
    for (int k = 0; k < m_m; ++k) {
        actors.clear();
        who.clear();
        for (int i = 0; i < m_n; ++i) {
            if (holds(i, k)) {
                actors.push_back({m_share(i), m_position(i, k), m_salience(i, k)});
                who.push_back(i);
            }
        }
        if (actors.size() < 2) {
            continue;
        }
        const BdmRound round = bdm_round(actors, BdmParams{});
        // docs/model.md §3.4: an actor moves toward its BDM position by at most its per-meeting reach.
        for (std::size_t a = 0; a < who.size(); ++a) {
            const int i = who[a];
            const double limit = k_concession_limit *
                                 (1.0 - m_salience(i, k) * std::clamp(m_spec.actors[u(i)].resolve, 0.0, 1.0));
            const double x = m_position(i, k);
            const double step =
                std::clamp(round.new_positions(static_cast<Eigen::Index>(a)) - x, -limit, limit);
            move_position(i, k, x + step);
        }
        log(EventType::BdmRound, -1, -1, k, round.median_position, "", false, [&] {
            return "Positions on " + m_spec.issues[u(k)].name + " shift (weighted median " +
                   std::to_string(round.median_position).substr(0, 4) + ")";
        });
    }
    update_demands();
    refresh_grievance();
    check_resolution();
    const double next = m_sim.now() + m_spec.model.bdm_interval;
    if (!m_finished && next <= m_horizon) {
        schedule(next, k_prio_bdm, [this](engine::Simulation&) { run_bdm_round(); });
    }
    record_sample();
}

// ---------------------------------------------------------------------------------------------------
// Decisions (docs/model.md §7)
// ---------------------------------------------------------------------------------------------------

void Crisis::trigger_decision(int actor) {
    if (actor < 0 || m_finished || !m_spec.model.decisions_enabled || m_sim.now() < 0.0) {
        return;
    }
    if (m_sim.is_pending(m_triggered[u(actor)])) {
        return;
    }
    const double at = m_sim.now() + k_reaction_delay;
    if (at > m_horizon) {
        return;
    }
    // Fast path: the context is the actor's fixed {this, actor} slot.
    m_triggered[u(actor)] = m_sim.schedule_at(
        at, k_prio_decision,
        [](engine::Simulation&, void* raw) {
            const auto& event = *static_cast<const ActorEventContext*>(raw);
            event.crisis->m_triggered[u(event.actor)] = {};
            event.crisis->decide(event.actor);
        },
        &m_actor_context[u(actor)]);
}

void Crisis::schedule_poisson_decision(int actor) {
    const double rate = m_spec.actors[u(actor)].decision_rate;
    if (!(rate > 0.0) || !m_spec.model.decisions_enabled || m_finished) {
        return;
    }
    const double at = m_sim.now() + decide_rng(actor).exponential(rate);
    if (at > m_horizon) {
        return;
    }
    m_sim.schedule_at(
        at, k_prio_decision,
        [](engine::Simulation&, void* raw) {
            const auto& event = *static_cast<const ActorEventContext*>(raw);
            event.crisis->decide(event.actor);
            event.crisis->schedule_poisson_decision(event.actor);
        },
        &m_actor_context[u(actor)]);
}

void Crisis::decide(int i) {
    if (m_finished) {
        return;
    }
    const ActorSpec& me = m_spec.actors[u(i)];
    const double resolve = std::clamp(me.resolve, 0.0, 1.0);
    const double risk = std::clamp(me.risk_attitude, -1.0, 1.0);
    OptionList options;
    options.push_back({Action::Hold, 0.0, -1, -1});

    // A pending request for support is answered before anything else (docs/model.md §7.3).
    if (!m_requests[u(i)].empty()) {
        const PendingRequest req = m_requests[u(i)].front();
        const double a_r = m_relations.affinity(i, req.requester);
        const double a_o = req.opponent >= 0 ? m_relations.affinity(i, req.opponent) : 0.0;
        const double exposure = req.opponent >= 0 ? war_cost(i) * nearness_to_war(req.opponent) : 0.0;
        options.clear();
        options.push_back(
            {Action::AnswerRequest,
             0.5 * (a_r - a_o) + m_relations.commitment(i, req.requester) - exposure - k_action_cost,
             req.requester, req.opponent});
        options.push_back({Action::DeclineRequest, 0.0, req.requester, req.opponent});
    } else {
        const int j = opponent(i);
        const int k = j >= 0 ? contested_issue(i, j) : -1;
        if (j >= 0 && k >= 0) {
            const double x_i = m_position(i, k);
            const double x_j = m_position(j, k);
            const double s = m_salience(i, k);
            const double q = m_status_quo(k);
            // p_i(j) and p_j(i), each from its own side (the relations do not change during the decision).
            const MutualPrevail prevail = mutual_prevail_probabilities(m_relations, m_share, i, j);
            const double p_own = prevail.i_over_j;
            const double c = war_cost(i);
            // docs/model.md §7.3: utilities of outcomes are 1 - distance from the ideal point.
            const double u_sq = 1.0 - std::abs(x_i - q);
            const double u_war = p_own + (1.0 - p_own) * (1.0 - std::abs(x_i - x_j)) - c;
            const double war_gain = u_war - u_sq;
            const double gap = std::abs(x_i - q);
            const double rho_i = nearness_to_war(i);
            const double rho_j = nearness_to_war(j);
            bool urgent = false;
            const DemandState* mine = nullptr;
            for (const auto& d : m_demands) {
                if (d.active && d.challenger == i && d.issue == k) {
                    urgent = urgent || d.deadline_passed;
                    mine = &d;
                }
            }
            // docs/model.md §7.3: low on the ladder escalation coerces (it pays as far as the opponent fears
            // war); high on the ladder it is a bet on war itself. Defenders of the status quo match
            // escalation to deter.
            const double pj_view = prevail.j_over_i;
            const double u_sq_j = 1.0 - std::abs(x_j - q);
            const double u_war_j = pj_view + (1.0 - pj_view) * (1.0 - std::abs(x_i - x_j)) - war_cost(j);
            const double fear_j = std::max(0.0, u_sq_j - u_war_j);
            const double coercion = fear_j * gap * (urgent ? 2.0 : 1.0);
            const double deterrence = resolve * rho_j * (2.0 * p_own - 1.0);
            const double drive = s * ((1.0 - rho_i) * coercion + rho_i * war_gain + deterrence) + 0.1 * risk;
            if (m_sim.now() - m_last_escalation[u(i)] >= k_escalation_dwell) {
                // docs/model.md §7.3: the step onto the war rung is not coercion or deterrence (they threaten
                // war; this one starts it): it is worth only the bet on war itself.
                const bool into_war = m_rung[u(i)] + 1 >= m_war_rung_index;
                options.push_back({Action::Escalate,
                                   (into_war ? s * war_gain + 0.1 * risk : drive) - k_action_cost, j, -1});
            }
            if (pressure(i) > 0.5) {
                options.push_back({Action::DeEscalate, -drive - k_action_cost, j, -1});
            }
            options.push_back(
                {Action::Threaten, s * (0.5 * coercion + 0.5 * deterrence) - k_action_cost, j, -1});
            options.push_back({Action::Sanction, s * rho_j * (p_own - 0.5) - 2.0 * k_action_cost, j, -1});
            const auto key = std::pair{std::min(i, j), std::max(i, j)};
            if (!m_meetings.count(key) && m_sim.now() - m_last_contact(i, j) >= k_proposal_interval) {
                const double pj_own = pj_view;  // the same call: nothing has changed since
                const bool i_high = x_i >= x_j;
                const int high = i_high ? i : j;
                const double p_high_own = i_high ? p_own : pj_own;              // A's own estimate
                const double p_high_low = i_high ? 1.0 - pj_own : 1.0 - p_own;  // B's estimate of A's chance
                const double c_high = war_cost(high);
                const double c_low = war_cost(i_high ? j : i);
                BargainingRange range;
                range.low = fearon_range(p_high_own, c_high, c_low).low;
                range.high = fearon_range(p_high_low, c_high, c_low).high;
                // docs/model.md §7.3: the value of talks is the value of the range's midpoint over the status
                // quo.
                double talk = -0.1;
                if (!range.empty()) {
                    const double mid = 0.5 * (range.low + range.high);
                    talk = (1.0 - std::abs(x_i - mid)) - u_sq + 0.1 * (1.0 - resolve);
                }
                options.push_back({Action::ProposeTalks, talk - k_action_cost, j, -1});
            }
            if (std::abs(x_i - x_j) > 0.02) {
                const double step = k_concession_limit * (1.0 - s * resolve);
                options.push_back(
                    {Action::Concede, rho_j * std::max(0.0, u_sq - u_war) - s * step - k_action_cost, j, -1});
            }
            if (mine != nullptr && m_sim.now() - mine->last_reiterated >= k_proposal_interval) {
                options.push_back({Action::Reiterate,
                                   0.5 * s * resolve * gap * (urgent ? 2.0 : 1.0) - k_action_cost, j, -1});
            }
            // Warn off the third party most likely to side with the opponent.
            int warn = -1;
            double warn_weight = 0.0;
            int patron = -1;
            double patron_weight = 0.0;
            for (int t = 0; t < m_n; ++t) {
                if (t == i || t == j) {
                    continue;
                }
                const double helps_j = m_share(t) *
                                       third_party_support(m_relations, t, j, i, SupportBasis::All) *
                                       (1.0 - m_relations.deterred(t, i));
                if (helps_j > warn_weight) {
                    warn = t;
                    warn_weight = helps_j;
                }
                const double could_help =
                    m_share(t) * (1.0 - third_party_support(m_relations, t, i, j, SupportBasis::FirmOnly)) *
                    std::max(0.0, m_relations.affinity(t, i) - m_relations.affinity(t, j));
                if (could_help > patron_weight && m_sim.now() - m_last_contact(i, t) >= k_proposal_interval) {
                    patron = t;
                    patron_weight = could_help;
                }
            }
            const double relative = m_share(i) / (m_share(i) + (warn >= 0 ? m_share(warn) : 0.0));
            if (warn >= 0) {
                options.push_back(
                    {Action::WarnThirdParty, 4.0 * s * warn_weight * relative - k_action_cost, j, warn});
            }
            if (patron >= 0) {
                options.push_back(
                    {Action::RequestSupport, 4.0 * s * gap * patron_weight - k_action_cost, j, patron});
            }
        }
        // Declare support for an ally in its conflict (third parties, docs/model.md §7.3).
        int ally = -1;
        int ally_opponent = -1;
        double ally_weight = 0.0;
        for (int a = 0; a < m_n; ++a) {
            if (a == i || m_relations.affinity(i, a) <= 0.3 || m_relations.declared(i, a) >= 1.0) {
                continue;
            }
            const int b = opponent(a);
            if (b < 0 || b == i) {
                continue;
            }
            const double weight = (m_relations.affinity(i, a) - m_relations.affinity(i, b)) * m_share(a);
            if (weight > ally_weight) {
                ally = a;
                ally_opponent = b;
                ally_weight = weight;
            }
        }
        if (ally >= 0) {
            const double gain = 0.5 *
                                (m_relations.affinity(i, ally) - m_relations.affinity(i, ally_opponent)) *
                                (1.0 - m_relations.declared(i, ally));
            const double exposure =
                war_cost(i) * nearness_to_war(ally_opponent) * (1.0 - m_relations.commitment(i, ally));
            options.push_back({Action::DeclareSupport, gain - exposure - k_action_cost, ally, ally_opponent});
        }
    }

    const double draw = choice_rng(i).uniform();
    const std::size_t chosen = logit_choice(options.utilities(), m_spec.model.rationality, draw);
    const Option o = options[chosen];
    const int j = o.other;
    apply_action(i, o.action, j, o.third, j >= 0 ? contested_issue(i, j) : -1);
}

void Crisis::apply_action(int i, Action action, int j, int third, int issue) {
    const std::string_view cameo = action_cameo(action);
    switch (action) {
        case Action::Hold:
            log(EventType::Hold, i, -1, -1, 0.0, cameo, false, [&] { return leader(i) + " holds course"; });
            break;
        case Action::Escalate: {
            const std::string_view code = m_rung_cameo[u(std::min(m_rung[u(i)] + 1, m_war_rung_index))];
            log(EventType::Escalate, i, j, -1, 0.0, code.empty() ? cameo : code, false,
                [&] { return concat(leader(i), " escalates against ", name(j)); });
            m_last_escalation[u(i)] = m_sim.now();
            jump_pressure(i, k_escalation_step);
            trigger_decision(j);
            break;
        }
        case Action::DeEscalate:
            log(EventType::DeEscalate, i, j, -1, 0.0, cameo, false,
                [&] { return concat(leader(i), " de-escalates toward ", name(j)); });
            jump_pressure(i, -k_escalation_step);
            trigger_decision(j);
            break;
        case Action::ProposeTalks: {
            m_last_contact(i, j) = m_sim.now();
            log(EventType::ProposeTalks, i, j, issue, issue >= 0 ? m_status_quo(issue) : 0.0, cameo, false,
                [&] { return concat(speaker(i), " proposes talks to ", speaker(j)); });
            // The other side accepts by its own logit between meeting (its utility of the expected deal) and
            // not.
            double accept = 0.0;
            if (issue >= 0) {
                const double pj = prevail_probability(m_relations, m_share, j, i, Perspective::Own);
                const double u_sq = 1.0 - std::abs(m_position(j, issue) - m_status_quo(issue));
                const double u_war =
                    pj + (1.0 - pj) * (1.0 - std::abs(m_position(j, issue) - m_position(i, issue))) -
                    war_cost(j);
                accept = std::max(0.0, u_sq - u_war) * nearness_to_war(i) + 0.1 - k_action_cost;
            }
            const std::array<double, 2> u_accept{0.0, accept};
            const double draw = choice_rng(j).uniform();
            if (logit_choice(u_accept, m_spec.model.rationality, draw) == 1) {
                const auto key = std::pair{std::min(i, j), std::max(i, j)};
                const double at = m_sim.now() + k_meeting_delay;
                if (at <= m_horizon && !m_meetings.count(key)) {
                    m_meetings[key] = schedule(at, k_prio_meeting, [this, i, j, issue](engine::Simulation&) {
                        meeting(i, j, issue, true, "");
                    });
                }
            } else {
                log(EventType::Reject, j, i, issue, issue >= 0 ? m_status_quo(issue) : 0.0, "125", false,
                    [&] { return concat(speaker(j), " turns down talks with ", speaker(i)); });
            }
            break;
        }
        case Action::Concede: {
            if (issue < 0) {
                break;
            }
            const double x = m_position(i, issue);
            const double target_x = m_position(j, issue);
            const double step =
                std::min(std::abs(target_x - x),
                         k_concession_limit * (1.0 - m_salience(i, issue) * m_spec.actors[u(i)].resolve));
            const double to = x + (target_x > x ? step : -step);
            move_position(i, issue, to);
            log(EventType::Concession, i, j, issue, to, cameo, true, [&] {
                return concat(leader(i), " concedes ground to ", name(j), " on ",
                              m_spec.issues[u(issue)].name);
            });
            update_demands();
            refresh_grievance();
            check_resolution();
            trigger_decision(j);
            break;
        }
        case Action::Reiterate:
            for (std::size_t d = 0; d < m_demands.size(); ++d) {
                if (m_demands[d].active && m_demands[d].challenger == i && m_demands[d].issue == issue) {
                    activate_demand(static_cast<int>(d), false);
                    break;
                }
            }
            break;
        case Action::Threaten:
            // A threat is a signal: it moves affinity (so the Richardson reaction) but no rung by itself
            // (§7.4).
            log(EventType::Threat, i, j, -1, 0.0, cameo, true,
                [&] { return concat(speaker(i), " warns ", name(j)); });
            trigger_decision(j);
            break;
        case Action::WarnThirdParty:
            m_relations.deterred(third, i) = std::min(
                1.0, m_relations.deterred(third, i) +
                         k_warning_effect * (1.0 - std::clamp(m_spec.actors[u(third)].resolve, 0.0, 1.0)) *
                             (1.0 - m_relations.commitment(third, j)));
            note_relations_written(third, i);
            log(EventType::Threat, i, third, -1, 0.0, cameo, true,
                [&] { return concat(speaker(i), " warns ", name(third), " to stay out"); });
            trigger_decision(third);
            break;
        case Action::Sanction:
            m_extra_cost(j) += k_sanction_cost;
            log(EventType::Sanction, i, j, -1, 0.0, cameo, true,
                [&] { return concat(leader(i), " imposes sanctions on ", name(j)); });
            trigger_decision(j);
            break;
        case Action::DeclareSupport:
            m_relations.declared(i, j) = std::min(1.0, m_relations.declared(i, j) + k_declaration_step);
            note_relations_written(i, j);
            log(EventType::Support, i, j, -1, 0.0, cameo, true, [&] {
                return concat(leader(i), " declares support for ", name(j), " against ", name(third));
            });
            trigger_decision(third);
            break;
        case Action::RequestSupport:
            m_last_contact(i, third) = m_sim.now();
            m_requests[u(third)].push_back({i, j});
            log(EventType::RequestSupport, i, third, -1, 0.0, cameo, true,
                [&] { return concat(leader(i), " asks ", leader(third), " for support"); });
            trigger_decision(third);
            break;
        case Action::AnswerRequest:
        case Action::DeclineRequest: {
            m_requests[u(i)].erase(m_requests[u(i)].begin());
            const bool yes = action == Action::AnswerRequest;
            if (yes) {
                m_relations.declared(i, j) = std::min(1.0, m_relations.declared(i, j) + k_declaration_step);
                note_relations_written(i, j);
            }
            log(yes ? EventType::AnswerRequest : EventType::DeclineRequest, i, j, -1, 0.0, cameo, true, [&] {
                return leader(i) + (yes ? " promises " : " declines ") + leader(j) +
                       (yes ? " support" : "'s request");
            });
            trigger_decision(j);
            if (!m_requests[u(i)].empty()) {
                trigger_decision(i);
            }
            break;
        }
    }
    if (m_logged_since_sample) {
        record_sample();
    }
}

// ---------------------------------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------------------------------

RunResult Crisis::run() {
    apply_history();
    update_demands();
    m_result.affinity_start = m_relations.affinity;
    m_reaction_used = reaction_matrix(m_relations.affinity, m_share, m_spec.model.reaction);
    m_pressure->set_dynamics(m_reaction_used, m_restraint, grievance_vector(), 0.0);
    m_relations_dirty = false;
    for (int i = 0; i < m_n; ++i) {
        if (m_rung[u(i)] > m_result.peak_rung) {
            m_result.peak_rung = m_rung[u(i)];
            m_result.peak_rung_actor = i;
        }
        reschedule_crossings(i);
    }
    if (m_result.peak_rung >= m_war_rung_index) {
        declare_war(m_result.peak_rung_actor);
    }
    for (std::size_t e = 0; e < m_spec.events.size(); ++e) {
        const auto& ev = m_spec.events[e];
        if (ev.day >= 0.0 && ev.day <= m_horizon) {
            schedule(ev.day, k_prio_script, [this, &ev](engine::Simulation&) {
                if (!m_finished) {
                    run_scripted(ev, false);
                    record_sample();
                }
            });
        }
    }
    for (std::size_t d = 0; d < m_demands.size(); ++d) {
        const auto& dem = m_demands[d];
        if (dem.made > 0.0 && dem.made <= m_horizon && !dem.active) {
            bool scripted = false;
            for (const auto& ev : m_spec.events) {
                scripted = scripted || (ev.type == ScriptedEventType::Demand && ev.demand == dem.id);
            }
            if (!scripted) {
                const int di = static_cast<int>(d);
                schedule(dem.made, k_prio_script, [this, di](engine::Simulation&) {
                    activate_demand(di, false);
                    record_sample();
                });
            }
        }
        if (!std::isnan(dem.deadline) && dem.deadline >= 0.0 && dem.deadline <= m_horizon) {
            const int di = static_cast<int>(d);
            schedule(dem.deadline, k_prio_deadline, [this, di](engine::Simulation&) { on_deadline(di); });
        }
    }
    if (m_m > 0 && m_spec.model.bdm_interval > 0.0 && m_spec.model.bdm_interval <= m_horizon) {
        schedule(m_spec.model.bdm_interval, k_prio_bdm, [this](engine::Simulation&) { run_bdm_round(); });
    }
    for (int i = 0; i < m_n; ++i) {
        schedule_poisson_decision(i);
    }
    schedule_samples();

    if (!m_finished) {
        m_sim.set_after_event(
            [](engine::Simulation&, void* self) { static_cast<Crisis*>(self)->flush_crossings(); }, this);
        engine::StopConditions stop;
        stop.horizon = m_horizon;
        m_sim.run(stop);
    }
    if (!m_finished) {
        m_finished = true;
        Outcome& o = m_result.outcome;
        o.kind = OutcomeKind::Standoff;
        o.time = m_horizon;
        o.description = "No war and no settlement by the horizon";
        log(EventType::Standoff, -1, -1, -1, 0.0, "", true, [&] { return o.description; });
        if (m_options.record_events) {
            m_result.events.back().time = m_horizon;
        }
    } else if (m_options.record_trajectory && m_sim.now() >= 0.0) {
        record_sample(SampleKind::Final);
    }

    m_result.final_positions = m_position;
    m_result.affinity_end = m_relations.affinity;
    for (int t = 0; t < k_event_type_count; ++t) {
        m_result.event_counts[to_string(static_cast<EventType>(t))] = m_counts[u(t)];
    }
    flush_dyad_day();
    m_result.engine_events = m_sim.events_processed();
    return std::move(m_result);
}

}  // namespace

RunResult run_crisis(const ScenarioSpec& spec, std::uint64_t seed, const RunOptions& options) {
    Crisis crisis(spec, seed, options);
    return crisis.run();
}

}  // namespace brink::model
