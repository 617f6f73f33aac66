#include "brink/io/run_writer.hpp"

#include "brink/io/atomic_file.hpp"
#include "brink/io/calendar.hpp"
#include "brink/io/csv.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <limits>
#include <optional>
#include <tuple>
#include <utility>

namespace brink::io {
namespace {

// Indices in a RunResult come from the model; a bad one must produce an empty field, not a crash.
std::string id_at(const std::vector<std::string>& ids, int index) {
    if (index < 0 || static_cast<std::size_t>(index) >= ids.size()) {
        return {};
    }
    return ids[static_cast<std::size_t>(index)];
}

// Beyond about 2.7 million years the day number no longer fits the calendar helpers; such a time cannot
// come from a valid scenario (horizon <= 36500 days), so it gets no date rather than a wrong one.
constexpr double k_max_dated_days = 1e9;

// NaN would break the sort's strict weak ordering; such rows (an empty time field) go last.
double sort_time(double time) {
    return std::isnan(time) ? std::numeric_limits<double>::infinity() : time;
}

}  // namespace

std::string date_at(const ScenarioSpec& spec, double time) {
    if (spec.metadata.start_date.empty() || !std::isfinite(time) || std::fabs(time) > k_max_dated_days) {
        return {};
    }
    const std::optional<long> start = date_to_days(spec.metadata.start_date);
    if (!start) {
        return {};
    }
    return days_to_date(*start + static_cast<long>(std::floor(time)));
}

std::string trajectory_csv(const ScenarioSpec& spec, const model::RunResult& result) {
    std::vector<const model::TrajectorySample*> rows;
    rows.reserve(result.trajectory.size());
    for (const model::TrajectorySample& sample : result.trajectory) {
        rows.push_back(&sample);
    }
    // The documented order, whatever order the recorder produced; stable so that equal keys keep log order.
    std::stable_sort(rows.begin(), rows.end(),
                     [](const model::TrajectorySample* a, const model::TrajectorySample* b) {
                         return std::make_tuple(sort_time(a->time), a->actor, a->metric, a->issue) <
                                std::make_tuple(sort_time(b->time), b->actor, b->metric, b->issue);
                     });

    CsvWriter csv;
    csv.row({"time", "date", "actor", "metric", "value"});
    // Consecutive rows usually share a time: compute each date once.
    double dated_time = std::nan("");
    std::string date;
    for (const model::TrajectorySample* sample : rows) {
        if (!(sample->time == dated_time)) {
            dated_time = sample->time;
            date = date_at(spec, sample->time);
        }
        csv.field(sample->time).field(date).field(id_at(result.actor_ids, sample->actor));
        csv.field(model::metric_name(sample->metric, result.issue_ids, sample->issue)).field(sample->value);
        csv.end_row();
    }
    return csv.take();
}

std::string events_csv(const ScenarioSpec& spec, const model::RunResult& result) {
    CsvWriter csv;
    csv.row({"time", "date", "seq", "type", "source", "target", "issue", "value", "cameo", "goldstein", "key",
             "description"});
    for (const model::EventRecord& event : result.events) {
        csv.field(event.time)
            .field(date_at(spec, event.time))
            .field(event.seq)
            .field(model::to_string(event.type));
        csv.field(id_at(result.actor_ids, event.source)).field(id_at(result.actor_ids, event.target));
        csv.field(id_at(result.issue_ids, event.issue));
        if (event.issue >= 0) {
            csv.field(event.value);
        } else {
            csv.empty_field();
        }
        csv.field(event.cameo).field(event.goldstein).field(event.key ? 1 : 0).field(event.description);
        csv.end_row();
    }
    return csv.take();
}

std::string dyads_csv(const ScenarioSpec& spec, const model::RunResult& result) {
    std::vector<const model::DyadDay*> rows;
    rows.reserve(result.dyads.size());
    for (const model::DyadDay& dyad : result.dyads) {
        rows.push_back(&dyad);
    }
    std::stable_sort(rows.begin(), rows.end(), [](const model::DyadDay* a, const model::DyadDay* b) {
        return std::tie(a->day, a->source, a->target) < std::tie(b->day, b->source, b->target);
    });

    CsvWriter csv;
    csv.row({"day", "date", "source", "target", "goldstein_sum", "events"});
    for (const model::DyadDay* dyad : rows) {
        csv.field(dyad->day).field(date_at(spec, dyad->day));
        csv.field(id_at(result.actor_ids, dyad->source)).field(id_at(result.actor_ids, dyad->target));
        csv.field(dyad->goldstein_sum).field(dyad->events);
        csv.end_row();
    }
    return csv.take();
}

std::string bdm_rounds_csv(const ScenarioSpec& spec, const model::RunResult& result) {
    CsvWriter csv;
    csv.row({"time",
             "date",
             "issue",
             "round",
             "actor",
             "other",
             "position",
             "other_position",
             "median",
             "mean",
             "spread",
             "votes",
             "probability",
             "expected_utility",
             "perceived_utility",
             "risk",
             "outcome",
             "offer",
             "new_position",
             "moved_to"});
    for (const model::BdmPairRecord& pair : result.bdm_rounds) {
        csv.field(pair.time).field(date_at(spec, pair.time)).field(id_at(result.issue_ids, pair.issue));
        csv.field(pair.round)
            .field(id_at(result.actor_ids, pair.actor))
            .field(id_at(result.actor_ids, pair.other));
        csv.field(pair.position).field(pair.other_position).field(pair.median).field(pair.mean);
        csv.field(pair.spread).field(pair.votes).field(pair.probability).field(pair.expected_utility);
        csv.field(pair.perceived_utility).field(pair.risk).field(model::to_string(pair.outcome));
        csv.field(pair.offer).field(pair.new_position).field(pair.moved_to);
        csv.end_row();
    }
    return csv.take();
}

void write_run(const std::filesystem::path& dir, const ScenarioSpec& spec, const model::RunResult& result,
               const std::string& command_line) {
    // Build every file's text before touching the disk: a failure in the model's data (an exception from
    // a formatter) then leaves nothing at all behind.
    std::array<std::pair<const char*, std::string>, std::size(k_run_files)> contents = {{
        {k_run_files[0], trajectory_csv(spec, result)},
        {k_run_files[1], events_csv(spec, result)},
        {k_run_files[2], dyads_csv(spec, result)},
        {k_run_files[3], bdm_rounds_csv(spec, result)},
        {k_run_files[4], summary_json(spec, result, command_line)},
    }};

    ensure_directory(dir);
    remove_stale_temporaries(dir, {std::begin(k_run_files), std::end(k_run_files)});
    remove_stale_temporaries(std::filesystem::path(dir) / "charts", k_chart_temporary_names);
    std::vector<AtomicFile> files;
    files.reserve(contents.size());
    for (auto& [name, text] : contents) {
        files.emplace_back(dir / name);
        files.back().write(text);
        text.clear();
        text.shrink_to_fit();
    }
    // Every byte is on disk under a temporary name before any final name changes.
    for (AtomicFile& file : files) {
        file.finish();
    }
    for (AtomicFile& file : files) {
        file.publish();
    }
}

std::string command_line_text(const std::vector<std::string>& arguments) {
    std::string line;
    for (const std::string& argument : arguments) {
        if (!line.empty()) {
            line.push_back(' ');
        }
        const bool plain = !argument.empty() && argument.find_first_not_of(
                                                    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                                    "0123456789-_./=:,+@%") == std::string::npos;
        if (plain) {
            line += argument;
            continue;
        }
        // POSIX shell single quotes: a literal ' becomes '\''.
        line.push_back('\'');
        for (const char c : argument) {
            if (c == '\'') {
                line += "'\\''";
            } else {
                line.push_back(c);
            }
        }
        line.push_back('\'');
    }
    return line;
}

}  // namespace brink::io
