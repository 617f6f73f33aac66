// The `brink._brink` CPython extension (pybind11): the library calls the `brink` Python package wraps
// (docs/python.md). It adds no logic of its own: scenarios load, override, validate and dump through the io
// ring, runs go through model::run_crisis and the io writers' CSV and JSON text, ensembles through
// sweep::run_ensemble, sweeps through the sweep file loader and sweep::run_sweep. Every run releases the GIL.
// Bad input comes back as diagnostics (the package raises brink.ScenarioError); a model that refuses a spec
// throws std::invalid_argument (ValueError in Python).
#include "brink/engine/rng.hpp"
#include "brink/io/diagnostics.hpp"
#include "brink/io/overrides.hpp"
#include "brink/io/run_writer.hpp"
#include "brink/io/scenario_dump.hpp"
#include "brink/io/scenario_loader.hpp"
#include "brink/io/validation.hpp"
#include "brink/model/crisis.hpp"
#include "brink/scenario.hpp"
#include "brink/sweep/ensemble.hpp"
#include "brink/sweep/sweep.hpp"

#include "bindings.hpp"
#include "columns.hpp"
#include "runs_table.hpp"

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

namespace py = pybind11;

namespace brink::python {

py::list diagnostic_list(const std::vector<io::Diagnostic>& diagnostics) {
    py::list list;
    for (const io::Diagnostic& diagnostic : diagnostics) {
        py::dict entry;
        entry["file"] = diagnostic.file;
        entry["line"] = diagnostic.line;
        entry["column"] = diagnostic.column;
        entry["message"] = diagnostic.message;
        entry["text"] = io::format_diagnostic(diagnostic);
        list.append(entry);
    }
    return list;
}

std::function<void(const sweep::Progress&)> interrupt_check(std::atomic<bool>& stop, bool& interrupted) {
    return [&stop, &interrupted](const sweep::Progress&) {
        py::gil_scoped_acquire acquire;
        if (PyErr_CheckSignals() != 0) {
            PyErr_Clear();
            interrupted = true;
            stop = true;
        }
    };
}

namespace {

/// (spec or None, diagnostics): the spec only when the load had no diagnostic at all.
py::tuple load_result(io::LoadResult&& loaded) {
    py::object spec = py::none();
    if (loaded.ok()) {
        spec = py::cast(std::move(*loaded.spec));
    }
    return py::make_tuple(spec, diagnostic_list(loaded.diagnostics));
}

py::tuple load_file(const std::string& path) {
    io::LoadResult loaded;
    {
        py::gil_scoped_release release;
        loaded = io::load_scenario_file(path);
    }
    return load_result(std::move(loaded));
}

py::tuple load_text(const std::string& text, const std::string& file_name) {
    io::LoadResult loaded;
    {
        py::gil_scoped_release release;
        loaded = io::load_scenario_string(text, file_name);
    }
    return load_result(std::move(loaded));
}

/// One run's result with its scenario: the model runs in run(); the five texts `brink run` writes are made
/// from it only when asked for (texts()), so that a run whose files are never read costs the model alone.
class RunHandle {
  public:
    RunHandle(ScenarioSpec spec, model::RunResult result, std::string command_line)
        : m_spec(std::move(spec)), m_result(std::move(result)), m_command_line(std::move(command_line)) {}

    /// The texts of trajectory.csv, events.csv, dyads.csv, bdm_rounds.csv and summary.json, keyed by stem.
    py::dict texts() const {
        std::vector<std::pair<const char*, std::string>> texts;
        {
            py::gil_scoped_release release;
            texts.emplace_back("trajectory", io::trajectory_csv(m_spec, m_result));
            texts.emplace_back("events", io::events_csv(m_spec, m_result));
            texts.emplace_back("dyads", io::dyads_csv(m_spec, m_result));
            texts.emplace_back("bdm_rounds", io::bdm_rounds_csv(m_spec, m_result));
            texts.emplace_back("summary", io::summary_json(m_spec, m_result, m_command_line));
        }
        py::dict out;
        for (const auto& [name, text] : texts) {
            out[name] = text;
        }
        return out;
    }

    /// The run's outcome name ("war", "settlement", ...).
    std::string outcome() const { return model::to_string(m_result.outcome.kind); }

  private:
    ScenarioSpec m_spec;
    model::RunResult m_result;
    std::string m_command_line;
};

/// Runs the model once (the GIL released) on a copy of the spec.
RunHandle run(const ScenarioSpec& spec, std::optional<std::uint64_t> seed, const std::string& command_line) {
    py::gil_scoped_release release;
    ScenarioSpec copy = spec;
    model::RunResult result = model::run_crisis(copy, seed.value_or(spec.metadata.seed));
    return RunHandle(std::move(copy), std::move(result), command_line);
}

/// One requested per-run series: a trajectory metric (for positions, on one issue).
struct SeriesRequest {
    model::Metric metric = model::Metric::Rung;
    int issue = -1;
};

/// The requests of `names` ("rung", "pressure", "expected_support", "p_prevail", "position:<issue>"); throws
/// std::invalid_argument (ValueError) for an unknown name or a metric the scenario does not record.
std::vector<SeriesRequest> series_requests(const ScenarioSpec& spec, const std::vector<std::string>& names) {
    static const std::vector<std::pair<std::string, model::Metric>> k_metrics{
        {"rung", model::Metric::Rung},
        {"pressure", model::Metric::Pressure},
        {"position", model::Metric::Position},
        {"expected_support", model::Metric::ExpectedSupport},
        {"p_prevail", model::Metric::ProbabilityOfPrevailing}};
    std::vector<SeriesRequest> requests;
    for (const std::string& name : names) {
        const std::string base = name.substr(0, name.find(':'));
        const auto metric = std::find_if(k_metrics.begin(), k_metrics.end(),
                                         [&](const auto& entry) { return entry.first == base; });
        const bool positional = metric != k_metrics.end() && metric->second == model::Metric::Position;
        if (metric == k_metrics.end() || positional != (name.find(':') != std::string::npos)) {
            throw std::invalid_argument("series '" + name +
                                        "': expected rung, pressure, expected_support, p_prevail or "
                                        "position:<issue>");
        }
        const auto& recorded = spec.output.metrics;
        if (!recorded.empty() && std::find(recorded.begin(), recorded.end(), base) == recorded.end()) {
            throw std::invalid_argument("series '" + name + "': the scenario does not record '" + base +
                                        "' (output.metrics)");
        }
        SeriesRequest request{metric->second, -1};
        if (positional) {
            const std::string issue = name.substr(name.find(':') + 1);
            const auto found = std::find_if(spec.issues.begin(), spec.issues.end(),
                                            [&](const IssueSpec& item) { return item.id == issue; });
            if (found == spec.issues.end()) {
                throw std::invalid_argument("series '" + name + "': no issue '" + issue + "'");
            }
            request.issue = static_cast<int>(found - spec.issues.begin());
        }
        requests.push_back(request);
    }
    return requests;
}

/// Per-run daily series of an ensemble, collected as runs finish (any thread) and handed over in run order.
/// A run's value on day d is its last sample at or before d (after the run ended: its final state), as in
/// quantiles.csv; days before an actor's first sample have no row.
class SeriesCollector {
  public:
    /// `spec` must outlive the collector.
    SeriesCollector(const ScenarioSpec& spec, std::uint64_t base_seed, int runs,
                    std::vector<SeriesRequest> requests)
        : m_spec(spec),
          m_requests(std::move(requests)),
          m_actors(spec.actors.size()),
          m_days(static_cast<int>(std::floor(spec.metadata.horizon)) + 1),
          m_rows(static_cast<std::size_t>(runs)) {
        for (int run = 0; run < runs; ++run) {
            m_runs_of_seed[engine::derive_seed(base_seed, static_cast<std::uint64_t>(run))].push_back(run);
        }
        for (const ActorSpec& actor : spec.actors) {
            m_actor_ids.push_back(actor.id);
        }
    }

    /// Samples one finished run daily and keeps its rows (thread-safe).
    void collect(const model::RunResult& run) {
        const std::size_t slots = m_requests.size() * m_actors;
        const sweep::SpecIndices indices = sweep::spec_indices(m_spec, run);
        std::vector<Row> rows;
        sweep::sample_daily(
            run, m_days, slots,
            [&](const model::TrajectorySample& sample) {
                return slot_of(sample, indices.actors, indices.issues);
            },
            [&](int day, const std::vector<double>& values) {
                for (std::size_t slot = 0; slot < slots; ++slot) {
                    if (std::isfinite(values[slot])) {
                        rows.push_back({day, static_cast<std::int32_t>(slot / m_actors),
                                        static_cast<std::int32_t>(slot % m_actors), values[slot]});
                    }
                }
            });
        const std::lock_guard<std::mutex> lock(m_mutex);
        const auto found = m_runs_of_seed.find(run.seed);
        if (found != m_runs_of_seed.end()) {
            for (int id : found->second) {
                m_rows[static_cast<std::size_t>(id)] = rows;  // runs of one seed have the same series
            }
        }
    }

    /// Columns run, day, series (codes), actor (codes), value of the first `runs` runs, in run order.
    py::dict arrays(int runs) const {
        std::size_t total = 0;
        for (int run = 0; run < runs; ++run) {
            total += m_rows[static_cast<std::size_t>(run)].size();
        }
        py::array_t<std::int32_t> run_ids(static_cast<py::ssize_t>(total));
        py::array_t<std::int32_t> days(static_cast<py::ssize_t>(total));
        py::array_t<std::int32_t> series(static_cast<py::ssize_t>(total));
        py::array_t<std::int32_t> actors(static_cast<py::ssize_t>(total));
        py::array_t<double> values(static_cast<py::ssize_t>(total));
        std::size_t at = 0;
        for (int run = 0; run < runs; ++run) {
            for (const Row& row : m_rows[static_cast<std::size_t>(run)]) {
                run_ids.mutable_data()[at] = run;
                days.mutable_data()[at] = row.day;
                series.mutable_data()[at] = row.series;
                actors.mutable_data()[at] = row.actor;
                values.mutable_data()[at] = row.value;
                ++at;
            }
        }
        py::dict out;
        out["run"] = run_ids;
        out["day"] = days;
        out["series"] = series;
        out["actor"] = actors;
        out["value"] = values;
        out["actors"] = m_actor_ids;
        return out;
    }

  private:
    struct Row {
        std::int32_t day;
        std::int32_t series;
        std::int32_t actor;
        double value;
    };

    int slot_of(const model::TrajectorySample& sample, const std::vector<int>& actor_of,
                const std::vector<int>& issue_of) const {
        if (sample.actor < 0 || static_cast<std::size_t>(sample.actor) >= actor_of.size() ||
            actor_of[static_cast<std::size_t>(sample.actor)] < 0) {
            return -1;
        }
        const int issue = sample.issue >= 0 && static_cast<std::size_t>(sample.issue) < issue_of.size()
                              ? issue_of[static_cast<std::size_t>(sample.issue)]
                              : -1;
        for (std::size_t r = 0; r < m_requests.size(); ++r) {
            if (m_requests[r].metric == sample.metric &&
                (sample.metric != model::Metric::Position || m_requests[r].issue == issue)) {
                return static_cast<int>(r * m_actors) + actor_of[static_cast<std::size_t>(sample.actor)];
            }
        }
        return -1;
    }

    const ScenarioSpec& m_spec;  // outlives the collector (python::ensemble's argument)
    std::vector<SeriesRequest> m_requests;
    std::size_t m_actors;
    int m_days;
    std::vector<std::string> m_actor_ids;
    std::unordered_map<std::uint64_t, std::vector<int>> m_runs_of_seed;
    std::vector<std::vector<Row>> m_rows;
    std::mutex m_mutex;
};

/// Runs sweep::run_ensemble into `out_dir` (runs.csv, quantiles.csv, summary.json). A KeyboardInterrupt
/// (Ctrl-C) stops it after the runs in flight: the files then cover the finished runs and "interrupted" is
/// true. "table" holds the finished runs' rows as columns (the `kept` ones, or all; RunsTable); with
/// `series` names, "series" holds their daily series (SeriesCollector::arrays).
py::dict ensemble(const ScenarioSpec& spec, std::optional<std::uint64_t> seed, int runs, int threads,
                  const std::string& out_dir, const std::string& command_line,
                  const std::vector<std::string>& series,
                  const std::optional<std::vector<std::string>>& kept) {
    std::atomic<bool> stop{false};
    bool interrupted = false;
    std::optional<SeriesCollector> collector;
    sweep::EnsembleOptions options;
    if (!series.empty()) {
        collector.emplace(spec, seed.value_or(spec.metadata.seed), runs, series_requests(spec, series));
        options.run = [&collector, model_run = sweep::model_trajectory_function()](const ScenarioSpec& item,
                                                                                   std::uint64_t run_seed) {
            model::RunResult result = model_run(item, run_seed);
            collector->collect(result);
            return result;
        };
    }
    const auto table = std::make_shared<RunsTable>(spec, kept);
    options.on_row = [&table](const sweep::RunRow& row) { table->add(row); };
    options.threads = threads;
    options.out_dir = out_dir;
    options.stop = &stop;
    options.command_line = command_line;
    options.scenario_path = spec.source_path;
    options.progress = interrupt_check(stop, interrupted);
    sweep::EnsembleResult result;
    {
        py::gil_scoped_release release;
        result = sweep::run_ensemble(spec, seed.value_or(spec.metadata.seed), runs, options);
    }
    py::dict out;
    out["runs"] = result.runs;
    out["failed"] = result.failed;
    out["complete"] = result.complete;
    out["interrupted"] = interrupted;
    out["table"] = table;
    if (collector) {
        out["series"] = collector->arrays(result.runs);
    }
    return out;
}

/// A variant parameter of a sweep: its place among the parameters, its name and its levels' labels.
using VariantParameter = std::tuple<std::size_t, std::string, std::vector<std::string>>;

/// Loads a sweep file's text (docs/sweeps.md; `file_name` resolves its relative scenario path) and runs it
/// with sweep::run_sweep into `out_dir`: (None, diagnostics) on bad input, else ({points, runs, failed,
/// complete, aggregated, interrupted}, []). `variants` are inserted among the file's parameters (in order of
/// place), and `variant_specs` are the scenarios of each combination of their levels (SweepSpec::variants).
py::tuple run_sweep(const std::string& sweep_text, const std::string& file_name, const std::string& out_dir,
                    int threads, const std::vector<VariantParameter>& variants,
                    const std::vector<ScenarioSpec>& variant_specs) {
    sweep::SweepLoadResult loaded;
    {
        py::gil_scoped_release release;
        loaded = sweep::load_sweep_string(sweep_text, file_name);
    }
    if (!loaded.ok()) {
        return py::make_tuple(py::none(), diagnostic_list(loaded.diagnostics));
    }
    std::size_t combinations = 1;
    for (const auto& [place, name, labels] : variants) {
        if (place > loaded.spec->parameters.size() || labels.empty()) {
            throw std::invalid_argument("variant parameter '" + name + "': bad place or no levels");
        }
        sweep::ParameterSpec parameter;
        parameter.path = name;
        parameter.variant = true;
        parameter.labels = labels;
        for (std::size_t level = 0; level < labels.size(); ++level) {
            parameter.values.push_back(static_cast<double>(level));
        }
        loaded.spec->parameters.insert(loaded.spec->parameters.begin() + static_cast<std::ptrdiff_t>(place),
                                       std::move(parameter));
        combinations *= labels.size();
    }
    if (!variants.empty()) {
        if (variant_specs.size() != combinations) {
            throw std::invalid_argument("variant scenarios: expected " + std::to_string(combinations));
        }
        loaded.spec->variants = variant_specs;
    }
    std::atomic<bool> stop{false};
    bool interrupted = false;
    sweep::RunnerOptions options;
    options.threads = threads;
    options.out_dir = out_dir;
    options.stop = &stop;
    options.progress = interrupt_check(stop, interrupted);
    sweep::SweepResult result;
    {
        py::gil_scoped_release release;
        result = sweep::run_sweep(*loaded.spec, options);
    }
    py::dict out;
    out["points"] = result.points;
    out["runs"] = result.total_runs;
    out["failed"] = result.failed;
    out["complete"] = result.complete;
    out["aggregated"] = result.aggregated;
    out["interrupted"] = interrupted;
    return py::make_tuple(out, py::list());
}

}  // namespace
}  // namespace brink::python

PYBIND11_MODULE(_brink, m) {
    using namespace brink;
    m.doc() = "brink's library calls for the brink package (docs/python.md); use `import brink`.";
    py::class_<ScenarioSpec>(m, "Spec", "A validated scenario (ScenarioSpec); brink.Scenario holds one.")
        .def("copy", [](const ScenarioSpec& spec) { return ScenarioSpec(spec); })
        .def_property_readonly("name", [](const ScenarioSpec& spec) { return spec.metadata.name; })
        .def_property_readonly("seed", [](const ScenarioSpec& spec) { return spec.metadata.seed; })
        .def_readwrite("source_path", &ScenarioSpec::source_path);
    m.def("load_file", &python::load_file, py::arg("path"),
          "Loads a scenario file: (Spec or None, diagnostics as dicts).");
    m.def("load_text", &python::load_text, py::arg("text"), py::arg("file_name"),
          "Loads YAML text (`file_name` names it in diagnostics): (Spec or None, diagnostics).");
    m.def(
        "apply_override",
        [](ScenarioSpec& spec, const std::string& path, const std::string& value) {
            return python::diagnostic_list(io::apply_override(spec, path, value));
        },
        py::arg("spec"), py::arg("path"), py::arg("value"),
        "Applies `--set path=value`; returns the diagnostics (the spec is unchanged when there are any).");
    m.def(
        "validate",
        [](const ScenarioSpec& spec, const std::string& file_name) {
            return python::diagnostic_list(io::validate_spec(spec, file_name));
        },
        py::arg("spec"), py::arg("file_name"), "Every problem of the spec, as diagnostics.");
    m.def("dump", &io::dump_scenario, py::arg("spec"), "The spec as a scenario file (YAML text).");
    m.def("default_scenario_path", &io::default_scenario_path, "The bundled default scenario's path.");
    py::class_<python::RunHandle>(m, "RunHandle", "One run's result; its files' texts are made on demand.")
        .def("texts", &python::RunHandle::texts,
             "The texts of trajectory.csv, events.csv, dyads.csv, bdm_rounds.csv and summary.json.")
        .def_property_readonly("outcome", &python::RunHandle::outcome);
    m.def("run", &python::run, py::arg("spec"), py::arg("seed"), py::arg("command_line"),
          "One run (model::run_crisis); its files' texts come from the RunHandle's texts().");
    m.def("ensemble", &python::ensemble, py::arg("spec"), py::arg("seed"), py::arg("runs"),
          py::arg("threads"), py::arg("out_dir"), py::arg("command_line"), py::arg("series"),
          py::arg("kept") = py::none(),
          "An ensemble (sweep::run_ensemble) written into out_dir: runs, failed, complete, interrupted, "
          "table (the runs as columns: RunsTable) and series.");
    m.def("run_sweep", &python::run_sweep, py::arg("sweep_text"), py::arg("file_name"), py::arg("out_dir"),
          py::arg("threads"), py::arg("variants"), py::arg("variant_specs"),
          "A sweep file's text run by sweep::run_sweep into out_dir: (result or None, diagnostics).");
    m.def("read_columns", &python::read_columns, py::arg("text"), py::arg("kinds"), py::arg("orders"),
          py::arg("wanted") = py::none(),
          "A CSV text's columns (`wanted`, or all) as numpy arrays (kinds: category, date, string; else "
          "numbers).");
    python::bind_scoring(m);
    python::bind_runs_table(m);
    m.attr("__version__") = BRINK_VERSION;
}
