// What every file-reader fuzz target checks of a load result: a spec comes with no diagnostics and
// diagnostics with no spec, and each diagnostic has a message and a position that is not negative. Aborts
// (a libFuzzer finding) otherwise.
#pragma once

#include <cstdlib>

namespace brink::fuzz {

template <typename LoadResult>
void check_load_result(const LoadResult& result) {
    if (result.spec.has_value() == !result.diagnostics.empty() && !result.diagnostics.empty()) {
        std::abort();  // a spec must come with no errors, and errors with no spec
    }
    for (const auto& diagnostic : result.diagnostics) {
        if (diagnostic.message.empty() || diagnostic.line < 0 || diagnostic.column < 0) {
            std::abort();
        }
    }
}

}  // namespace brink::fuzz
