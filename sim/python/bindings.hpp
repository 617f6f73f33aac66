// The `brink._brink` extension (private): helpers shared by its files (module.cpp, scoring.cpp).
#pragma once

#include "brink/io/diagnostics.hpp"
#include "brink/sweep/sweep.hpp"

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <algorithm>

#include <atomic>
#include <functional>
#include <vector>

namespace brink::python {

/// The diagnostics as dicts: file, line, column (0 when unknown), message, and the formatted text.
pybind11::list diagnostic_list(const std::vector<io::Diagnostic>& diagnostics);

/// A progress callback that turns a pending Ctrl-C (KeyboardInterrupt) into a stop request: the runners then
/// finish the runs in flight and return. Called on the runner's coordinating thread, the GIL released.
std::function<void(const sweep::Progress&)> interrupt_check(std::atomic<bool>& stop, bool& interrupted);

/// A numpy array holding a copy of `values`.
template <typename T>
pybind11::array_t<T> array_of(const std::vector<T>& values) {
    pybind11::array_t<T> array(static_cast<pybind11::ssize_t>(values.size()));
    std::copy(values.begin(), values.end(), array.mutable_data());
    return array;
}

/// Defines score() and calibrate() in the module (scoring.cpp).
void bind_scoring(pybind11::module_& module);

}  // namespace brink::python
