// The `brink._brink` extension: score() and calibrate(), the library steps of `brink score` and `brink
// calibrate` (sim/cli/command_score.cpp, command_calibrate.cpp) with their problems returned as diagnostics
// instead of printed, and their files written into a folder the package reads back. No logic of its own:
// the cases load, the replications run and the scores come from the io, sweep and score rings.
#include "bindings.hpp"

#include "brink/io/atomic_file.hpp"
#include "brink/score/calibration.hpp"
#include "brink/score/score.hpp"
#include "brink/score/score_cases.hpp"

#include <pybind11/stl.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <string>
#include <vector>

namespace py = pybind11;

namespace brink::python {
namespace {

// Replication options on `threads` threads that stop at Ctrl-C in Python (interrupt_check).
sweep::ReplicationOptions interruptible(int threads, std::atomic<bool>& stop, bool& interrupted) {
    sweep::ReplicationOptions options;
    options.threads = threads;
    options.stop = &stop;
    options.progress = interrupt_check(stop, interrupted);
    return options;
}

/// `brink score CASES... --runs RUNS --seed SEED --set ... --observed FILE --bootstrap N --no-plot` into
/// `out_dir`: (None, diagnostics) on bad input, else ({"interrupted": bool}, []); nothing is written when
/// interrupted (as the command).
py::tuple score_cases(const std::vector<std::string>& paths, const std::vector<std::string>& overrides,
                      int runs, std::uint64_t seed, int threads, const std::string& observed_file,
                      int bootstrap, const std::string& out_dir) {
    score::ScoreCases loaded;
    {
        py::gil_scoped_release release;
        loaded = score::load_score_cases(paths, overrides, observed_file, "observed=FILE");
    }
    std::vector<io::Diagnostic> problems = loaded.diagnostics;
    if (!problems.empty() || loaded.cases.empty()) {
        if (problems.empty()) {
            problems.push_back({"brink.score", 0, 0, "no case given"});
        }
        return py::make_tuple(py::none(), diagnostic_list(problems));
    }
    std::atomic<bool> stop{false};
    bool interrupted = false;
    const sweep::ReplicationOptions options = interruptible(threads, stop, interrupted);
    py::dict out;
    {
        py::gil_scoped_release release;
        const std::vector<score::CaseForecast> forecasts =
            score::forecast_score_cases(loaded.cases, seed, runs, options);
        if (!stop.load()) {
            std::vector<score::ObservedCase> observed;
            for (const score::ScoreCase& item : loaded.cases) {
                observed.push_back(item.observed);
            }
            score::ScoreOptions score_options;
            score_options.runs = runs;
            score_options.bootstrap.resamples = bootstrap;
            score_options.bootstrap.seed = seed;
            const score::ScoreReport report = score::score_cases(forecasts, observed, score_options);
            score::write_score_files(out_dir, report, score_options, {seed, runs, overrides});
        }
    }
    out["interrupted"] = interrupted || stop.load();
    return py::make_tuple(out, py::list());
}

/// Thrown out of the forecaster when Ctrl-C stopped a batch.
struct Stopped {};

/// `brink calibrate FILE --no-plot` into `out_dir` (best.yaml, cv.csv, summary.json, cv/ and
/// calibration.csv): `source` is a calibration file's path, or its text when `file_name` (which anchors
/// relative case paths) is not empty. (None, diagnostics) on bad input, else ({"interrupted": bool}, []).
py::tuple calibrate(const std::string& source, const std::string& file_name, int threads,
                    const std::string& out_dir) {
    score::CalibrationLoadResult loaded;
    score::CalibrationCases cases;
    {
        py::gil_scoped_release release;
        loaded = file_name.empty() ? score::load_calibration_file(source)
                                   : score::parse_calibration_string(source, file_name);
        if (loaded.ok()) {
            cases = score::load_calibration_cases(*loaded.spec);
        }
    }
    if (!loaded.ok()) {
        return py::make_tuple(py::none(), diagnostic_list(loaded.diagnostics));
    }
    if (!cases.diagnostics.empty()) {
        return py::make_tuple(py::none(), diagnostic_list(cases.diagnostics));
    }
    const score::CalibrationSpec& spec = *loaded.spec;
    std::atomic<bool> stop{false};
    bool interrupted = false;
    const sweep::ReplicationOptions options = interruptible(threads, stop, interrupted);
    py::dict out;
    {
        py::gil_scoped_release release;
        std::vector<score::ObservedCase> observed;
        for (const score::CalibrationCase& item : cases.cases) {
            observed.push_back(item.observed);
        }
        const score::PointForecaster model = score::model_forecaster(cases.cases, spec, options);
        const score::PointForecaster forecaster = [&](const std::vector<std::vector<double>>& points) {
            auto forecasts = model(points);
            if (stop.load()) {
                throw Stopped{};
            }
            return forecasts;
        };
        score::CalibrationOptions calibration;
        calibration.batch = std::max<std::size_t>(4, 2 * static_cast<std::size_t>(std::max(threads, 1)));
        try {
            std::vector<score::PointResult> points =
                score::run_points(spec, observed, forecaster, std::move(calibration));
            std::string rows = score::calibration_csv_header(spec, observed);
            for (const score::PointResult& point : points) {
                rows += score::calibration_csv_row(spec, point);
            }
            const score::CalibrationResult result =
                score::finish_calibration(spec, observed, forecaster, std::move(points));
            score::write_calibration_files(out_dir, spec, result);
            io::write_file_atomically(std::filesystem::path(out_dir) / "calibration.csv", rows);
        } catch (const Stopped&) {
            stop = true;
        }
    }
    out["interrupted"] = interrupted || stop.load();
    return py::make_tuple(out, py::list());
}

}  // namespace

void bind_scoring(py::module_& module) {
    module.def("score", &score_cases, py::arg("paths"), py::arg("overrides"), py::arg("runs"),
               py::arg("seed"), py::arg("threads"), py::arg("observed"), py::arg("bootstrap"),
               py::arg("out_dir"), "`brink score` into out_dir: (result or None, diagnostics).");
    module.def("calibrate", &calibrate, py::arg("source"), py::arg("file_name"), py::arg("threads"),
               py::arg("out_dir"), "`brink calibrate` into out_dir: (result or None, diagnostics).");
}

}  // namespace brink::python
