// brink: observing a run (docs/architecture.md, docs/outputs.md). The run loop passes every logged event and
// every sample point to its observers, which see the state read-only and change nothing the run depends on;
// the Recorder is the observer that builds the event log, the daily dyad sums and the trajectory of a
// RunResult. A run without observers (what sweeps run) records nothing and spends nothing on it.
#pragma once

#include "brink/engine/simulation.hpp"
#include "brink/model/crisis_state.hpp"
#include "brink/model/effects.hpp"
#include "brink/model/run_result.hpp"

#include <cstdint>
#include <limits>
#include <set>
#include <tuple>
#include <vector>

namespace brink::model {

/// Sees a crisis run as it happens (taskflow/adevs style): read-only views, no influence on the run.
class RunObserver {
  public:
    virtual ~RunObserver() = default;
    /// An event logged at `time` with Goldstein weight `goldstein`; `describe` builds its description.
    virtual void on_event(double time, const LoggedEvent& event, double goldstein,
                          const Describe& describe) = 0;
    /// A sample point of the state: after an event (`kind` Event; `only_if_logged`: only if an event was
    /// logged since the last sample), or the state at the outcome (Final).
    virtual void on_sample(SampleKind kind, bool only_if_logged) = 0;
    /// A BDM round on `issue` among the actors `who` (in the round's order); `moved_to` where each moved.
    virtual void on_bdm_round(int issue, const std::vector<int>& who, const BdmRound& round,
                              const std::vector<double>& moved_to) = 0;
};

/// What the recorder keeps.
struct RecordOptions {
    bool trajectory = true;  ///< Sample the trajectory (time series). Default true.
    bool events = true;      ///< Keep the event log and the daily dyad sums. Default true.
    bool bdm_rounds = true;  ///< Keep every BDM round's pairs (output.bdm_rounds). Default true.
};

/// The observer that records a RunResult's event log, dyads and trajectory (docs/outputs.md).
class Recorder final : public RunObserver {
  public:
    /// Records `state` as the run on `sim` changes it.
    Recorder(const CrisisState& state, engine::Simulation& sim, const RecordOptions& options);

    /// Schedules the interval samples (every output.sample_interval days from day 0 to the horizon).
    void schedule_samples();
    void on_event(double time, const LoggedEvent& event, double goldstein, const Describe& describe) override;
    void on_sample(SampleKind kind, bool only_if_logged) override;
    void on_bdm_round(int issue, const std::vector<int>& who, const BdmRound& round,
                      const std::vector<double>& moved_to) override;
    /// Moves what was recorded into `result` (events, dyads, trajectory).
    void finish(RunResult& result);

  private:
    void record_sample(SampleKind kind);
    bool first_signal(EventType type, int source, int target);
    void add_dyad_event(int day, int source, int target, double goldstein);
    void flush_dyad_day();

    const CrisisState& m_state;
    engine::Simulation& m_sim;
    RecordOptions m_options;
    bool m_logged_since_sample = false;
    std::vector<EventRecord> m_events;
    std::vector<DyadDay> m_dyads;
    std::vector<TrajectorySample> m_trajectory;
    std::vector<BdmPairRecord> m_bdm_rounds;
    std::vector<int> m_bdm_round_count;  // per issue
    double m_last_sample_time = -1.0;
    std::size_t m_last_sample_begin = 0;
    // The trajectory metrics output.metrics asks for (fixed for the run; all when the list is empty).
    bool m_want_rung = true;
    bool m_want_pressure = true;
    bool m_want_position = true;
    bool m_want_support = true;
    bool m_want_prevail = true;
    // Daily Goldstein sums per directed dyad. Events are logged in time order from day 0 on, so the rows of
    // the current day are accumulated in m_dyad_today (m_dyad_cell: source * n + target -> its index, -1
    // if none) and appended to m_dyads, sorted by (source, target), when the day changes and at the end of
    // the run: m_dyads stays sorted by (day, source, target).
    int m_dyad_day = std::numeric_limits<int>::min();
    std::vector<int> m_dyad_cell;
    std::vector<DyadDay> m_dyad_today;
    // (type, source + 1, target + 1) already marked key, flat; m_key_signals for indices outside it.
    std::vector<char> m_key_signal_seen;
    std::set<std::tuple<int, int, int>> m_key_signals;
    Eigen::VectorXd m_sample_pressure;  // scratch for record_sample
};

}  // namespace brink::model
