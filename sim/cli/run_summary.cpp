#include "run_summary.hpp"

#include "brink/io/run_writer.hpp"

#include <cmath>
#include <cstdio>
#include <filesystem>

namespace brink::cli {
namespace {

// Enough to see how the crisis went without scrolling; the rest is in events.csv.
constexpr std::size_t k_key_events_shown = 8;

std::string day_text(double time) {
    char text[48];
    std::snprintf(text, sizeof text, "day %.1f", time);
    return text;
}

// "2022-03-04 (day 41.3)", or "day 41.3" without a start date.
std::string when(const ScenarioSpec& spec, double time) {
    if (!std::isfinite(time)) {
        return "?";
    }
    const std::string date = io::date_at(spec, time);
    return date.empty() ? day_text(time) : date + " (" + day_text(time) + ")";
}

std::string short_when(const ScenarioSpec& spec, double time) {
    const std::string date = io::date_at(spec, time);
    return date.empty() ? day_text(time) : date;
}

std::string actor_name(const model::RunResult& result, const std::string& id) {
    for (std::size_t index = 0; index < result.actor_ids.size() && index < result.actor_names.size();
         ++index) {
        if (result.actor_ids[index] == id) {
            return result.actor_names[index];
        }
    }
    return id;
}

std::string actor_name(const model::RunResult& result, int index) {
    if (index < 0 || static_cast<std::size_t>(index) >= result.actor_names.size()) {
        return {};
    }
    return result.actor_names[static_cast<std::size_t>(index)];
}

std::string percent(double share) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f%%", 100.0 * share);
    return text;
}

void print_header(std::ostream& out, const ScenarioSpec& spec, const std::string& scenario_path) {
    out << spec.metadata.name << "\n";
    out << "  scenario   " << scenario_path << "\n";
}

void print_files(std::ostream& out, const std::string& out_dir, const std::vector<std::string>& files,
                 const std::vector<std::string>& charts) {
    out << "\nFiles        " << (std::filesystem::path(out_dir) / "").string() << "\n            ";
    for (const std::string& file : files) {
        out << " " << std::filesystem::path(file).filename().string();
    }
    out << "\n";
    if (charts.empty()) {
        out << "Charts       brink plot " << out_dir << "   (report: brink report " << out_dir << ")\n";
    } else {
        out << "Charts      ";
        for (const std::string& chart : charts) {
            out << " " << std::filesystem::path(chart).filename().string();
        }
        out << "  (in charts/)\n";
    }
}

}  // namespace

void print_run_summary(std::ostream& out, const ScenarioSpec& spec, const model::RunResult& result,
                       const std::string& scenario_path, const std::string& out_dir,
                       const std::vector<std::string>& charts) {
    print_header(out, spec, scenario_path);
    out << "  seed       " << result.seed;
    if (!spec.metadata.start_date.empty()) {
        out << " · from " << spec.metadata.start_date;
    }
    out << " · horizon " << spec.metadata.horizon << " days\n\n";

    const model::Outcome& outcome = result.outcome;
    out << "Outcome      " << model::to_string(outcome.kind) << " on " << when(spec, outcome.time);
    if (!outcome.initiator.empty()) {
        out << ": " << actor_name(result, outcome.initiator);
        if (!outcome.target.empty()) {
            out << " → " << actor_name(result, outcome.target);
        }
    }
    out << "\n";
    if (!outcome.description.empty()) {
        out << "             " << outcome.description << "\n";
    }
    out << "Peak rung    " << result.peak_rung;
    if (static_cast<std::size_t>(result.peak_rung) < result.rung_names.size() && result.peak_rung >= 0) {
        out << " " << result.rung_names[static_cast<std::size_t>(result.peak_rung)];
    }
    if (result.peak_rung_actor >= 0) {
        out << ", reached by " << actor_name(result, result.peak_rung_actor) << " on "
            << short_when(spec, result.peak_rung_time);
    }
    out << "\n";

    // Scripted history before day 0 is in the scenario file already; the person wants what the model did.
    std::vector<const model::EventRecord*> key_events;
    std::size_t history = 0;
    // Every event before the start counts, key or not: the events chart counts them so too.
    for (const model::EventRecord& event : result.events) {
        if (event.time < 0.0) {
            ++history;
        } else if (event.key) {
            key_events.push_back(&event);
        }
    }
    if (!key_events.empty()) {
        out << "\nKey events";
        if (history > 0) {
            out << " (from the start date; " << history << " scripted before it are in events.csv)";
        }
        out << "\n";
        // The opening moves and how it ended matter most: show the first few and the last few.
        const std::size_t head = key_events.size() <= k_key_events_shown ? key_events.size() : 3;
        const std::size_t tail = key_events.size() <= k_key_events_shown ? 0 : k_key_events_shown - head;
        auto print_event = [&](const model::EventRecord& event) {
            out << "  " << short_when(spec, event.time) << "  " << event.description << "\n";
        };
        for (std::size_t index = 0; index < head; ++index) {
            print_event(*key_events[index]);
        }
        if (tail > 0) {
            out << "  … " << key_events.size() - head - tail << " more key events in events.csv\n";
            for (std::size_t index = key_events.size() - tail; index < key_events.size(); ++index) {
                print_event(*key_events[index]);
            }
        }
    }
    out << "\n" << result.events.size() << " events logged.";
    print_files(out, out_dir, {std::begin(io::k_run_files), std::end(io::k_run_files)}, charts);
}

void print_ensemble_summary(std::ostream& out, const ScenarioSpec& spec,
                            const sweep::EnsembleResult& ensemble, int requested_runs,
                            std::uint64_t base_seed, const std::string& scenario_path,
                            const std::string& out_dir, const std::vector<std::string>& charts) {
    print_header(out, spec, scenario_path);
    out << "  runs       " << ensemble.runs << " of " << requested_runs << " · base seed " << base_seed;
    if (ensemble.failed > 0) {
        out << " · " << ensemble.failed << " failed";
    }
    out << "\n\nOutcomes    ";
    for (const auto& [kind, count] : ensemble.outcomes) {
        out << " " << kind << " " << count;
    }
    out << "\nP(war)       " << percent(ensemble.p_war) << "  (95% Wilson interval "
        << percent(ensemble.p_war_lo) << " – " << percent(ensemble.p_war_hi) << ")\n";
    if (std::isfinite(ensemble.median_time_to_war)) {
        out << "Median war   " << when(spec, ensemble.median_time_to_war) << "\n";
    }
    // Who went to war against whom, most frequent first (at most four pairs on the screen; all are in
    // summary.json and runs.csv).
    const auto spec_name = [&](const std::string& id) {
        for (const auto& actor : spec.actors) {
            if (actor.id == id) {
                return actor.name.empty() ? id : actor.name;
            }
        }
        return id;
    };
    const std::vector<sweep::WarCount> wars = sweep::wars_by_count(ensemble);
    for (std::size_t w = 0; w < wars.size() && w < 4; ++w) {
        out << (w == 0 ? "Wars         " : "             ") << wars[w].runs << " × "
            << spec_name(wars[w].initiator)
            << (wars[w].target.empty() ? std::string() : " against " + spec_name(wars[w].target)) << "\n";
    }
    if (wars.size() > 4) {
        out << "             and " << wars.size() - 4 << " more pairs (summary.json)\n";
    }
    print_files(out, out_dir, ensemble.written, charts);
}

}  // namespace brink::cli
