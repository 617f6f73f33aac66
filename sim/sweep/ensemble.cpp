// Ensembles: N replications of one scenario, runs.csv + quantiles.csv + summary.json
// (include/brink/sweep/ensemble.hpp, docs/outputs.md, docs/sweeps.md "Ensembles").
#include "brink/sweep/ensemble.hpp"

#include "brink/engine/rng.hpp"
#include "brink/io/calendar.hpp"
#include "brink/io/csv.hpp"
#include "brink/io/run_writer.hpp"
#include "brink/io/summary_json.hpp"
#include "brink/model/crisis.hpp"
#include "brink/sweep/statistics.hpp"

#include "executor.hpp"
#include "outcome_bands.hpp"
#include "sweep_internal.hpp"

#include <nlohmann/json.hpp>

#include <unistd.h>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <stdexcept>

namespace brink::sweep {
namespace fs = std::filesystem;
namespace {

// Histogram resolution (docs/sweeps.md): rungs are integers (exact); pressure in bins of 1/32 rung over
// [0, rungs); positions in 256 bins over [0, 1]. Values outside a range fall into its first or last bin.
constexpr int k_pressure_bins_per_rung = 32;
constexpr int k_position_bins = 256;

enum class SlotKind { Rung, Pressure, Position };

struct Slot {
    int actor = 0;  // index in spec.actors
    SlotKind kind = SlotKind::Rung;
    int issue = -1;      // index in spec.issues for positions
    std::string metric;  // name in quantiles.csv
    std::size_t bins = 0;
    double low = 0.0;
    double width = 1.0;
    std::size_t offset = 0;  // first counter of day 0 in the flat count array
};

// Per-day histograms of every (actor, metric) cell across runs. Counts do not depend on the order in which
// runs are added, so quantiles are identical for any thread count.
class DailyHistograms {
  public:
    DailyHistograms(const ScenarioSpec& spec, int days) : m_days(days) {
        const int rungs = std::max<int>(2, static_cast<int>(spec.ladder.rungs.size()));
        std::size_t offset = 0;
        for (std::size_t a = 0; a < spec.actors.size(); ++a) {
            const auto actor = static_cast<int>(a);
            m_slots.push_back(
                {actor, SlotKind::Rung, -1, "rung", static_cast<std::size_t>(rungs), -0.5, 1.0, 0});
            m_slots.push_back({actor, SlotKind::Pressure, -1, "pressure",
                               static_cast<std::size_t>(rungs * k_pressure_bins_per_rung), 0.0,
                               1.0 / k_pressure_bins_per_rung, 0});
            for (std::size_t i = 0; i < spec.issues.size(); ++i) {
                const auto& positions = spec.actors[a].positions;
                const bool holds =
                    std::any_of(positions.begin(), positions.end(),
                                [&](const PositionSpec& p) { return p.issue == spec.issues[i].id; });
                if (holds) {
                    m_slots.push_back({actor, SlotKind::Position, static_cast<int>(i),
                                       "position:" + spec.issues[i].id, k_position_bins, 0.0,
                                       1.0 / k_position_bins, 0});
                }
            }
        }
        for (auto& slot : m_slots) {
            slot.offset = offset;
            offset += slot.bins * static_cast<std::size_t>(days);
        }
        m_counts.assign(offset, 0U);
        m_slot_of.assign(spec.actors.size(), std::vector<int>(2 + spec.issues.size(), -1));
        for (std::size_t s = 0; s < m_slots.size(); ++s) {
            const Slot& slot = m_slots[s];
            const std::size_t column = slot.kind == SlotKind::Rung ? 0
                                       : slot.kind == SlotKind::Pressure
                                           ? 1
                                           : 2 + static_cast<std::size_t>(slot.issue);
            m_slot_of[static_cast<std::size_t>(slot.actor)][column] = static_cast<int>(s);
        }
    }

    /// Counter indices one run contributes: value of each cell at each day (carried forward from the last
    /// sample at or before the day; after the run ended, its last state).
    std::vector<std::uint32_t> bins_of(const model::RunResult& run, const ScenarioSpec& spec) const {
        // The run's actor and issue indices mapped to the spec's (the model keeps spec order; by id anyway).
        const SpecIndices indices = spec_indices(spec, run);
        std::vector<std::uint32_t> out;
        out.reserve(m_slots.size() * static_cast<std::size_t>(m_days));
        sample_daily(
            run, m_days, m_slots.size(),
            [&](const model::TrajectorySample& sample) {
                return slot_for(sample, indices.actors, indices.issues);
            },
            [&](int day, const std::vector<double>& values) {
                for (std::size_t s = 0; s < m_slots.size(); ++s) {
                    if (std::isfinite(values[s])) {
                        out.push_back(static_cast<std::uint32_t>(counter(s, day, values[s])));
                    }
                }
            });
        return out;
    }

    void add(const std::vector<std::uint32_t>& counters) {
        for (std::uint32_t c : counters) {
            ++m_counts[c];
        }
    }

    /// quantiles.csv text.
    std::string csv(const ScenarioSpec& spec, const std::optional<long>& start_day) const {
        io::CsvWriter csv;
        csv.row({"day", "date", "actor", "metric", "q10", "q50", "q90"});
        for (int day = 0; day < m_days; ++day) {
            const std::string date = start_day ? io::days_to_date(*start_day + day) : std::string();
            for (const Slot& slot : m_slots) {
                const std::uint32_t* counts =
                    &m_counts[slot.offset + static_cast<std::size_t>(day) * slot.bins];
                std::uint64_t n = 0;
                for (std::size_t b = 0; b < slot.bins; ++b) {
                    n += counts[b];
                }
                if (n == 0) {
                    continue;
                }
                csv.field(day).field(date).field(spec.actors[static_cast<std::size_t>(slot.actor)].id);
                csv.field(slot.metric);
                for (double q : {0.1, 0.5, 0.9}) {
                    csv.field(quantile(slot, counts, n, q));
                }
                csv.end_row();
            }
        }
        return csv.take();
    }

  private:
    int slot_for(const model::TrajectorySample& sample, const std::vector<int>& actor_map,
                 const std::vector<int>& issue_map) const {
        if (sample.actor < 0 || static_cast<std::size_t>(sample.actor) >= actor_map.size()) {
            return -1;
        }
        const int actor = actor_map[static_cast<std::size_t>(sample.actor)];
        if (actor < 0) {
            return -1;
        }
        std::size_t column = 0;
        switch (sample.metric) {
            case model::Metric::Rung:
                column = 0;
                break;
            case model::Metric::Pressure:
                column = 1;
                break;
            case model::Metric::Position: {
                if (sample.issue < 0 || static_cast<std::size_t>(sample.issue) >= issue_map.size() ||
                    issue_map[static_cast<std::size_t>(sample.issue)] < 0) {
                    return -1;
                }
                column = 2 + static_cast<std::size_t>(issue_map[static_cast<std::size_t>(sample.issue)]);
                break;
            }
            default:
                return -1;
        }
        return m_slot_of[static_cast<std::size_t>(actor)][column];
    }

    std::size_t counter(std::size_t s, int day, double value) const {
        const Slot& slot = m_slots[s];
        double position = std::floor((value - slot.low) / slot.width);
        position = std::clamp(position, 0.0, static_cast<double>(slot.bins - 1));
        return slot.offset + static_cast<std::size_t>(day) * slot.bins + static_cast<std::size_t>(position);
    }

    // Grouped-data quantile: for rungs the smallest rung whose cumulative count reaches q·n (inverse ECDF);
    // for continuous metrics, linear interpolation within the bin holding the q·n-th value.
    static double quantile(const Slot& slot, const std::uint32_t* counts, std::uint64_t n, double q) {
        const double target = q * static_cast<double>(n);
        double cumulative = 0.0;
        for (std::size_t b = 0; b < slot.bins; ++b) {
            const double count = counts[b];
            if (count > 0.0 && cumulative + count >= target) {
                if (slot.kind == SlotKind::Rung) {
                    return static_cast<double>(b);
                }
                const double inside = std::clamp((target - cumulative) / count, 0.0, 1.0);
                return slot.low + (static_cast<double>(b) + inside) * slot.width;
            }
            cumulative += count;
        }
        return slot.low + static_cast<double>(slot.bins) * slot.width;
    }

    int m_days;
    std::vector<Slot> m_slots;
    std::vector<std::vector<int>> m_slot_of;  // [actor][0 rung, 1 pressure, 2+issue] -> slot or -1
    std::vector<std::uint32_t> m_counts;
};

struct RunSummary {
    RunRow row;
    std::string text;  // the row of runs.csv
    std::vector<std::uint32_t> counters;
    std::vector<std::uint32_t> band_counters;  // bands.csv's
    std::vector<io::NotReached> not_reached;   // what this run ended before
};

// The columns between peak_rung and the positions: the run's violence and its war (docs/model.md §12.2).
constexpr std::size_t k_war_columns = 4;

// The row's text (the columns of runs_columns); a failed run's fields are empty but for run, seed and error.
std::string runs_row_text(const RunRow& row, std::size_t position_columns, std::size_t actors) {
    io::CsvWriter text;
    text.field(row.run).field(row.seed);
    if (!row.outcome) {
        // outcome, time, date, initiator, target, peak_rung, the war, the positions and the actors' outcomes
        for (std::size_t column = 0; column < 6 + k_war_columns + position_columns + actors; ++column) {
            text.empty_field();
        }
        text.field(row.error).end_row();
        return text.take();
    }
    text.field(model::to_string(*row.outcome)).field(row.time);
    if (row.day) {
        text.field(io::days_to_date(*row.day));
    } else {
        text.empty_field();
    }
    text.field(row.initiator).field(row.target).field(row.peak_rung);
    text.field(row.violence).field(row.war_start).field(row.war_end);
    if (row.war_how) {
        text.field(model::to_string(*row.war_how));
    } else {
        text.empty_field();
    }
    for (const double value : row.positions) {
        text.field(value);
    }
    for (const auto& outcome : row.actor_outcomes) {
        if (outcome) {
            text.field(model::to_string(*outcome));
        } else {
            text.empty_field();
        }
    }
    text.field(row.error).end_row();
    return text.take();
}

// What every replication needs: the scenario, the model, the runs.csv columns and the histograms' bins.
struct Replications {
    const ScenarioSpec& spec;
    const TrajectoryRunFunction& run;
    std::uint64_t base_seed;
    std::optional<long> start_day;
    const std::vector<std::pair<std::size_t, std::size_t>>& positions;
    const DailyHistograms& histograms;
    const detail::OutcomeBands& bands;
};

// One replication (on a worker thread): its runs.csv row and the histogram counters it adds; a run that
// throws is a row with its message.
RunSummary run_replication(const Replications& replications, std::uint64_t id) {
    RunSummary summary;
    RunRow& row = summary.row;
    row.run = id;
    row.seed = engine::derive_seed(replications.base_seed, id);
    const ScenarioSpec& spec = replications.spec;
    try {
        const model::RunResult outcome = replications.run(spec, row.seed);
        row.outcome = outcome.outcome.kind;
        row.time = outcome.outcome.time;
        if (replications.start_day) {
            row.day = *replications.start_day + static_cast<long>(std::floor(outcome.outcome.time));
        }
        row.initiator = outcome.outcome.initiator;
        row.target = outcome.outcome.target;
        row.peak_rung = outcome.peak_rung;
        row.violence = outcome.outcome.violence;
        const model::WarRecord& war = outcome.outcome.war;
        row.war_start = war.start;
        row.war_end = war.end;
        if (!std::isnan(war.start)) {
            row.war_how = war.how;
        }
        const auto& matrix = outcome.final_positions;
        row.positions.reserve(replications.positions.size());
        for (const auto& [actor, issue] : replications.positions) {
            double value = std::numeric_limits<double>::quiet_NaN();
            if (actor < static_cast<std::size_t>(matrix.rows()) &&
                issue < static_cast<std::size_t>(matrix.cols())) {
                value = matrix(static_cast<Eigen::Index>(actor), static_cast<Eigen::Index>(issue));
            }
            row.positions.push_back(value);
        }
        // ICB's outcome for each principal actor; empty for the others.
        row.actor_outcomes.reserve(spec.actors.size());
        for (const auto& actor : spec.actors) {
            const auto found = outcome.outcome.actor_outcomes.find(actor.id);
            row.actor_outcomes.push_back(found == outcome.outcome.actor_outcomes.end()
                                             ? std::nullopt
                                             : std::optional<model::ActorOutcome>(found->second));
        }
        summary.not_reached = io::not_reached(spec, outcome);
        summary.counters = replications.histograms.bins_of(outcome, spec);
        summary.band_counters = replications.bands.counters_of(outcome, spec);
    } catch (const std::exception& error) {
        std::string message = error.what();
        std::replace(message.begin(), message.end(), '\n', ' ');
        RunRow failed;
        failed.run = row.run;
        failed.seed = row.seed;
        row = std::move(failed);
        row.error = message.empty() ? "run failed" : message;
        summary.not_reached.clear();
        summary.counters.clear();
        summary.band_counters.clear();
    }
    summary.text = runs_row_text(row, replications.positions.size(), spec.actors.size());
    return summary;
}

// The outcomes counted as replications finish, in run-id order.
struct Tally {
    std::vector<double> war_times;
    std::uint64_t wars = 0;
    std::uint64_t succeeded = 0;
    std::map<std::string, NotReachedCount> not_reached;  // by id

    void count(const RunSummary& summary, EnsembleResult& result) {
        ++result.runs;
        const RunRow& row = summary.row;
        if (!row.outcome) {
            ++result.failed;
            return;
        }
        ++succeeded;
        for (const io::NotReached& item : summary.not_reached) {
            NotReachedCount& counted = not_reached[item.id];
            counted.item = item;
            ++counted.runs;
        }
        ++result.outcomes[model::to_string(*row.outcome)];
        if (*row.outcome == model::OutcomeKind::War) {
            ++wars;
            war_times.push_back(row.time);
            ++result.wars[{row.initiator, row.target}];
        }
    }
};

}  // namespace

SpecIndices spec_indices(const ScenarioSpec& spec, const model::RunResult& run) {
    const auto index_of = [](const auto& items, const std::string& id) {
        for (std::size_t k = 0; k < items.size(); ++k) {
            if (items[k].id == id) {
                return static_cast<int>(k);
            }
        }
        return -1;
    };
    SpecIndices indices;
    for (const std::string& id : run.actor_ids) {
        indices.actors.push_back(index_of(spec.actors, id));
    }
    for (const std::string& id : run.issue_ids) {
        indices.issues.push_back(index_of(spec.issues, id));
    }
    return indices;
}

std::vector<std::pair<std::size_t, std::size_t>> runs_position_columns(const ScenarioSpec& spec) {
    // Every (actor, issue) the actor holds a position on, actors first, then issues in the spec's order.
    std::vector<std::pair<std::size_t, std::size_t>> positions;
    for (std::size_t a = 0; a < spec.actors.size(); ++a) {
        for (std::size_t i = 0; i < spec.issues.size(); ++i) {
            for (const auto& position : spec.actors[a].positions) {
                if (position.issue == spec.issues[i].id) {
                    positions.emplace_back(a, i);
                }
            }
        }
    }
    return positions;
}

std::vector<std::string> runs_columns(const ScenarioSpec& spec) {
    std::vector<std::string> columns = {"run",      "seed",      "outcome", "time",
                                        "date",     "initiator", "target",  "peak_rung",
                                        "violence", "war_start", "war_end", "war_how"};
    for (const auto& [actor, issue] : runs_position_columns(spec)) {
        columns.push_back("position:" + spec.actors[actor].id + ":" + spec.issues[issue].id);
    }
    for (const auto& actor : spec.actors) {
        columns.push_back("outcome:" + actor.id);
    }
    columns.emplace_back("error");
    return columns;
}

std::vector<WarCount> wars_by_count(const EnsembleResult& result) {
    std::vector<WarCount> wars;
    for (const auto& [pair, runs] : result.wars) {
        wars.push_back({pair.first, pair.second, runs});
    }
    // Most frequent first; ties by initiator, then target (the map's order, kept by the stable sort).
    std::stable_sort(wars.begin(), wars.end(),
                     [](const WarCount& a, const WarCount& b) { return a.runs > b.runs; });
    return wars;
}

TrajectoryRunFunction model_trajectory_function() {
    return [](const ScenarioSpec& spec, std::uint64_t seed) {
        model::RunOptions options;
        options.record_trajectory = true;
        options.record_events = false;
        return model::run_crisis(spec, seed, options);
    };
}

namespace {

// summary.json of an ensemble (docs/outputs.md).
std::string ensemble_summary(const ScenarioSpec& spec, const EnsembleOptions& options,
                             std::uint64_t base_seed, const EnsembleResult& result) {
    io::OrderedJson json;
    json["brink_version"] = BRINK_VERSION;
    json["command"] = options.command_line;
    json["scenario"] =
        io::scenario_summary(spec, options.scenario_path.empty() ? spec.source_path : options.scenario_path);
    json["seed"] = base_seed;
    json["runs"] = result.runs;
    json["runs_failed"] = result.failed;
    io::OrderedJson outcomes = io::OrderedJson::object();
    for (const model::OutcomeKind outcome : model::k_outcome_kinds) {
        const char* kind = model::to_string(outcome);
        const auto found = result.outcomes.find(kind);
        outcomes[kind] = found == result.outcomes.end() ? 0 : found->second;
    }
    json["outcomes"] = outcomes;
    json["p_war"] = {{"estimate", result.p_war}, {"lo", result.p_war_lo}, {"hi", result.p_war_hi}};
    io::OrderedJson wars_json = io::OrderedJson::array();
    for (const auto& war : wars_by_count(result)) {
        wars_json.push_back({{"initiator", war.initiator}, {"target", war.target}, {"runs", war.runs}});
    }
    json["wars"] = wars_json;
    json["median_time_to_war"] = io::json_number(result.median_time_to_war);
    io::OrderedJson missed = io::OrderedJson::array();
    for (const NotReachedCount& counted : result.not_reached) {
        const io::NotReached& item = counted.item;
        missed.push_back({{"id", item.id},
                          {"day", io::json_number(item.day)},
                          {"date", io::json_string_or_null(io::date_at(spec, item.day))},
                          {"type", item.type},
                          {"source", item.source},
                          {"description", item.description},
                          {"runs", counted.runs}});
    }
    json["not_reached"] = std::move(missed);
    io::set_scenario_tables(json, spec, io::DemandFields::Basic);
    json["complete"] = result.complete;
    return io::json_text(json);
}

// The counted items in the order io::not_reached lists them: scripted events by place, then demands.
std::vector<NotReachedCount> in_scenario_order(const ScenarioSpec& spec,
                                               const std::map<std::string, NotReachedCount>& counted) {
    std::vector<NotReachedCount> ordered;
    const auto take = [&](const std::string& id) {
        const auto found = counted.find(id);
        if (found != counted.end()) {
            ordered.push_back(found->second);
        }
    };
    for (std::size_t e = 0; e < spec.events.size(); ++e) {
        take("events[" + std::to_string(e) + "]");
    }
    for (const DemandSpec& demand : spec.demands) {
        take(demand.id);
    }
    return ordered;
}

// Runs every replication on the thread pool, streaming rows to runs.csv in run-id order.
void execute_replications(const Replications& replications, int runs, const EnsembleOptions& options,
                          io::AtomicFile& runs_out, DailyHistograms& histograms, detail::OutcomeBands& bands,
                          Tally& tally, EnsembleResult& result) {
    std::function<RunSummary(std::uint64_t)> work = [&](std::uint64_t id) {
        return run_replication(replications, id);
    };
    std::function<void(std::uint64_t, RunSummary &&)> emit = [&](std::uint64_t, RunSummary&& summary) {
        runs_out.write(summary.text);
        if (options.on_row) {
            options.on_row(summary.row);
        }
        histograms.add(summary.counters);
        bands.add(summary.band_counters);
        tally.count(summary, result);
    };
    detail::execute_counted<RunSummary>(static_cast<std::uint64_t>(runs), options.threads, work, emit,
                                        options.stop, options.progress,
                                        [&] { return static_cast<std::uint64_t>(result.failed); });
}

}  // namespace

EnsembleResult run_ensemble(const ScenarioSpec& spec, std::uint64_t base_seed, int runs,
                            const EnsembleOptions& options) {
    if (runs < 1) {
        throw std::invalid_argument("an ensemble needs --runs >= 1");
    }
    if (options.out_dir.empty()) {
        throw std::invalid_argument("run_ensemble needs an output directory");
    }
    const TrajectoryRunFunction run = options.run ? options.run : model_trajectory_function();
    const std::optional<long> start_day =
        spec.metadata.start_date.empty() ? std::nullopt : io::date_to_days(spec.metadata.start_date);
    const int days = static_cast<int>(std::floor(spec.metadata.horizon)) + 1;
    DailyHistograms histograms(spec, days);
    detail::OutcomeBands bands(spec, days);
    const std::vector<std::pair<std::size_t, std::size_t>> positions = runs_position_columns(spec);

    io::ensure_directory(options.out_dir);
    io::remove_stale_temporaries(options.out_dir, {"runs.csv", "quantiles.csv", "bands.csv", "summary.json"});
    io::remove_stale_temporaries(std::filesystem::path(options.out_dir) / "charts",
                                 io::k_chart_temporary_names);
    const std::string runs_path = (fs::path(options.out_dir) / "runs.csv").string();
    // Streamed: rows reach the temporary as runs finish (memory flat in --runs); a failed write (disk full)
    // or any exception before the commit leaves no temporary behind.
    io::AtomicFile runs_out(runs_path);
    io::CsvWriter header;
    for (const std::string& column : runs_columns(spec)) {
        header.field(column);
    }
    header.end_row();
    runs_out.write(header.take());

    EnsembleResult result;
    Tally tally;
    const Replications replications{spec, run, base_seed, start_day, positions, histograms, bands};
    execute_replications(replications, runs, options, runs_out, histograms, bands, tally, result);
    result.complete = result.runs == runs;
    runs_out.commit();
    result.written.push_back(runs_path);

    const std::string quantiles_path = (fs::path(options.out_dir) / "quantiles.csv").string();
    io::write_file_atomically(quantiles_path, histograms.csv(spec, start_day));
    result.written.push_back(quantiles_path);
    const std::string bands_path = (fs::path(options.out_dir) / "bands.csv").string();
    io::write_file_atomically(bands_path, bands.csv(spec, start_day));
    result.written.push_back(bands_path);

    const Interval p_war = wilson_interval(tally.wars, tally.succeeded);
    result.p_war = p_war.estimate;
    result.p_war_lo = p_war.lo;
    result.p_war_hi = p_war.hi;
    result.median_time_to_war = median(tally.war_times);
    result.not_reached = in_scenario_order(spec, tally.not_reached);
    const std::string summary_path = (fs::path(options.out_dir) / "summary.json").string();
    io::write_file_atomically(summary_path, ensemble_summary(spec, options, base_seed, result));
    result.written.push_back(summary_path);
    return result;
}

}  // namespace brink::sweep
