// Internal to brink_sweep: an ensemble's bands.csv (docs/outputs.md), the per-day 10/50/90% quantiles of each
// actor's rung, taken separately over the runs that ended in war and over those that did not, so that a chart
// of them never averages a war with a settlement. A run counts only until the day its crisis ended (that day
// included: the first shot of a war, or its end when it was fought on; an agreement; the horizon), never
// frozen at its final state to the horizon.
#pragma once

#include "brink/model/run_result.hpp"
#include "brink/scenario.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace brink::sweep::detail {

/// The two groups of bands.csv's `outcome` column.
enum class BandGroup { War, NoWar };

/// "war", "no_war".
const char* to_string(BandGroup group);

/// Rung histograms per (group, day, actor) across runs. Counts do not depend on the order in which runs are
/// added, so the file is identical for any thread count.
class OutcomeBands {
  public:
    /// Days 0..days-1 of `spec`'s actors and ladder.
    OutcomeBands(const ScenarioSpec& spec, int days);

    /// The counters one finished run adds (computed on a worker thread; add() them in any order).
    std::vector<std::uint32_t> counters_of(const model::RunResult& run, const ScenarioSpec& spec) const;

    /// Adds one run's counters.
    void add(const std::vector<std::uint32_t>& counters);

    /// bands.csv text: day,date,outcome,actor,runs,q10,q50,q90 (rows with no run left out), sorted by day,
    /// then group (war first), then actor in scenario order.
    std::string csv(const ScenarioSpec& spec, const std::optional<long>& start_day) const;

  private:
    std::size_t index(BandGroup group, int day, std::size_t actor, std::size_t rung) const;

    int m_days;
    std::size_t m_actors;
    std::size_t m_rungs;
    std::vector<std::uint32_t> m_counts;  // [group][day][actor][rung]
};

}  // namespace brink::sweep::detail
