// The `brink._brink` extension (private): helpers shared by its files (module.cpp, scoring.cpp).
#pragma once

#include "brink/io/diagnostics.hpp"
#include "brink/sweep/sweep.hpp"

#include <pybind11/pybind11.h>

#include <atomic>
#include <functional>
#include <vector>

namespace brink::python {

/// The diagnostics as dicts: file, line, column (0 when unknown), message, and the formatted text.
pybind11::list diagnostic_list(const std::vector<io::Diagnostic>& diagnostics);

/// A progress callback that turns a pending Ctrl-C (KeyboardInterrupt) into a stop request: the runners then
/// finish the runs in flight and return. Called on the runner's coordinating thread, the GIL released.
std::function<void(const sweep::Progress&)> interrupt_check(std::atomic<bool>& stop, bool& interrupted);

/// Defines score() and calibrate() in the module (scoring.cpp).
void bind_scoring(pybind11::module_& module);

}  // namespace brink::python
