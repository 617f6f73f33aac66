// The `brink._brink` CPython extension (pybind11): the library calls the `brink` Python package wraps
// (docs/python.md). It adds no logic of its own: scenarios load, override, validate and dump through the io
// ring, runs go through model::run_crisis and the io writers' CSV and JSON text, ensembles through
// sweep::run_ensemble, sweeps through the sweep file loader and sweep::run_sweep. Every run releases the GIL.
// Bad input comes back as diagnostics (the package raises brink.ScenarioError); a model that refuses a spec
// throws std::invalid_argument (ValueError in Python).
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

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace py = pybind11;

namespace brink::python {
namespace {

/// One diagnostic as a dict: file, line, column (0 when unknown), message, and the formatted text.
py::dict diagnostic_dict(const io::Diagnostic& diagnostic) {
    py::dict entry;
    entry["file"] = diagnostic.file;
    entry["line"] = diagnostic.line;
    entry["column"] = diagnostic.column;
    entry["message"] = diagnostic.message;
    entry["text"] = io::format_diagnostic(diagnostic);
    return entry;
}

py::list diagnostic_list(const std::vector<io::Diagnostic>& diagnostics) {
    py::list list;
    for (const io::Diagnostic& diagnostic : diagnostics) {
        list.append(diagnostic_dict(diagnostic));
    }
    return list;
}

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

/// The five texts `brink run` writes, keyed by file stem ("trajectory", ..., "summary").
py::dict run(const ScenarioSpec& spec, std::optional<std::uint64_t> seed, const std::string& command_line) {
    std::vector<std::pair<const char*, std::string>> texts;
    {
        py::gil_scoped_release release;
        const model::RunResult result = model::run_crisis(spec, seed.value_or(spec.metadata.seed));
        texts.emplace_back("trajectory", io::trajectory_csv(spec, result));
        texts.emplace_back("events", io::events_csv(spec, result));
        texts.emplace_back("dyads", io::dyads_csv(spec, result));
        texts.emplace_back("bdm_rounds", io::bdm_rounds_csv(spec, result));
        texts.emplace_back("summary", io::summary_json(spec, result, command_line));
    }
    py::dict out;
    for (const auto& [name, text] : texts) {
        out[name] = text;
    }
    return out;
}

/// A progress callback that turns a pending Ctrl-C (KeyboardInterrupt) into a stop request: the runners then
/// finish the runs in flight and return. Called on the runner's coordinating thread, the GIL released.
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

/// Runs sweep::run_ensemble into `out_dir` (runs.csv, quantiles.csv, summary.json). A KeyboardInterrupt
/// (Ctrl-C) stops it after the runs in flight: the files then cover the finished runs and "interrupted" is
/// true.
py::dict ensemble(const ScenarioSpec& spec, std::optional<std::uint64_t> seed, int runs, int threads,
                  const std::string& out_dir, const std::string& command_line) {
    std::atomic<bool> stop{false};
    bool interrupted = false;
    sweep::EnsembleOptions options;
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
    return out;
}

/// Loads a sweep file's text (docs/sweeps.md; `file_name` resolves its relative scenario path) and runs it
/// with sweep::run_sweep into `out_dir`: (None, diagnostics) on bad input, else ({points, runs, failed,
/// complete, aggregated, interrupted}, []).
py::tuple run_sweep(const std::string& sweep_text, const std::string& file_name, const std::string& out_dir,
                    int threads) {
    sweep::SweepLoadResult loaded;
    {
        py::gil_scoped_release release;
        loaded = sweep::load_sweep_string(sweep_text, file_name);
    }
    if (!loaded.ok()) {
        return py::make_tuple(py::none(), diagnostic_list(loaded.diagnostics));
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
    m.def("run", &python::run, py::arg("spec"), py::arg("seed"), py::arg("command_line"),
          "One run: the texts of trajectory.csv, events.csv, dyads.csv, bdm_rounds.csv and summary.json.");
    m.def("ensemble", &python::ensemble, py::arg("spec"), py::arg("seed"), py::arg("runs"),
          py::arg("threads"), py::arg("out_dir"), py::arg("command_line"),
          "An ensemble (sweep::run_ensemble) written into out_dir: runs, failed, complete, interrupted.");
    m.def("run_sweep", &python::run_sweep, py::arg("sweep_text"), py::arg("file_name"), py::arg("out_dir"),
          py::arg("threads"),
          "A sweep file's text run by sweep::run_sweep into out_dir: (result or None, diagnostics).");
    m.attr("__version__") = BRINK_VERSION;
}
