// bands.csv of an ensemble (sim/sweep/outcome_bands.hpp, docs/outputs.md).
#include "outcome_bands.hpp"

#include "brink/io/calendar.hpp"
#include "brink/io/csv.hpp"
#include "brink/io/not_reached.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace brink::sweep::detail {

namespace {

constexpr std::size_t k_groups = 2;

}  // namespace

const char* to_string(BandGroup group) {
    return group == BandGroup::War ? "war" : "no_war";
}

OutcomeBands::OutcomeBands(const ScenarioSpec& spec, int days)
    : m_days(days),
      m_actors(spec.actors.size()),
      m_rungs(std::max<std::size_t>(2, spec.ladder.rungs.size())),
      m_counts(k_groups * static_cast<std::size_t>(std::max(0, days)) * m_actors * m_rungs, 0U) {}

std::size_t OutcomeBands::index(BandGroup group, int day, std::size_t actor, std::size_t rung) const {
    const std::size_t g = group == BandGroup::War ? 0 : 1;
    return ((g * static_cast<std::size_t>(m_days) + static_cast<std::size_t>(day)) * m_actors + actor) *
               m_rungs +
           rung;
}

std::vector<std::uint32_t> OutcomeBands::counters_of(const model::RunResult& run,
                                                     const ScenarioSpec& spec) const {
    const BandGroup group = run.outcome.kind == model::OutcomeKind::War ? BandGroup::War : BandGroup::NoWar;
    // The last day the run counts is the day its crisis ended (io::run_end_day: the outcome, or the end of a
    // war fought on): a run that ended on day 35.97 shows its final state on day 36, then leaves the band.
    int last_day = m_days - 1;
    const double end = io::run_end_day(spec, run);
    if (std::isfinite(end)) {
        last_day = std::clamp(static_cast<int>(std::ceil(end - 1e-9)), 0, m_days - 1);
    }
    std::vector<int> actor_map(run.actor_ids.size(), -1);
    for (std::size_t r = 0; r < run.actor_ids.size(); ++r) {
        for (std::size_t a = 0; a < spec.actors.size(); ++a) {
            if (spec.actors[a].id == run.actor_ids[r]) {
                actor_map[r] = static_cast<int>(a);
            }
        }
    }
    // A run's rung on day d is its last sample at or before d.
    std::vector<double> rung(m_actors, std::numeric_limits<double>::quiet_NaN());
    std::vector<std::uint32_t> counters;
    std::size_t next = 0;
    for (int day = 0; day <= last_day; ++day) {
        while (next < run.trajectory.size() && run.trajectory[next].time <= static_cast<double>(day) + 1e-9) {
            const model::TrajectorySample& sample = run.trajectory[next++];
            if (sample.metric == model::Metric::Rung && sample.actor >= 0 &&
                static_cast<std::size_t>(sample.actor) < actor_map.size() &&
                actor_map[static_cast<std::size_t>(sample.actor)] >= 0) {
                rung[static_cast<std::size_t>(actor_map[static_cast<std::size_t>(sample.actor)])] =
                    sample.value;
            }
        }
        for (std::size_t a = 0; a < m_actors; ++a) {
            if (std::isfinite(rung[a])) {
                const double bin = std::clamp(std::round(rung[a]), 0.0, static_cast<double>(m_rungs - 1));
                counters.push_back(
                    static_cast<std::uint32_t>(index(group, day, a, static_cast<std::size_t>(bin))));
            }
        }
    }
    return counters;
}

void OutcomeBands::add(const std::vector<std::uint32_t>& counters) {
    for (std::uint32_t c : counters) {
        ++m_counts[c];
    }
}

std::string OutcomeBands::csv(const ScenarioSpec& spec, const std::optional<long>& start_day) const {
    io::CsvWriter csv;
    csv.row({"day", "date", "outcome", "actor", "runs", "q10", "q50", "q90"});
    for (int day = 0; day < m_days; ++day) {
        const std::string date = start_day ? io::days_to_date(*start_day + day) : std::string();
        for (BandGroup group : {BandGroup::War, BandGroup::NoWar}) {
            for (std::size_t a = 0; a < m_actors; ++a) {
                const std::uint32_t* counts = &m_counts[index(group, day, a, 0)];
                std::uint64_t runs = 0;
                for (std::size_t b = 0; b < m_rungs; ++b) {
                    runs += counts[b];
                }
                if (runs == 0) {
                    continue;
                }
                csv.field(day).field(date).field(to_string(group)).field(spec.actors[a].id).field(runs);
                // The smallest rung whose cumulative count reaches q·runs (inverse ECDF), as quantiles.csv.
                for (double q : {0.1, 0.5, 0.9}) {
                    const double target = q * static_cast<double>(runs);
                    double cumulative = 0.0;
                    std::size_t rung = m_rungs - 1;
                    for (std::size_t b = 0; b < m_rungs; ++b) {
                        cumulative += counts[b];
                        if (counts[b] > 0 && cumulative >= target) {
                            rung = b;
                            break;
                        }
                    }
                    csv.field(static_cast<int>(rung));
                }
                csv.end_row();
            }
        }
    }
    return csv.take();
}

}  // namespace brink::sweep::detail
