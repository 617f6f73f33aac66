// libFuzzer target: the scenario loader must never crash, hang or leak on any input; every failure is a
// diagnostic with a position inside the input.
#include "brink/io/scenario_dump.hpp"
#include "brink/io/scenario_loader.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const brink::io::LoadResult result = brink::io::load_scenario_string(text, "fuzz.yaml");
    if (result.spec.has_value() == !result.diagnostics.empty() && !result.diagnostics.empty()) {
        std::abort();  // a spec must come with no errors, and errors with no spec
    }
    for (const auto& diagnostic : result.diagnostics) {
        if (diagnostic.message.empty() || diagnostic.line < 0 || diagnostic.column < 0) {
            std::abort();
        }
    }
    if (result.ok()) {
        // What loads must round-trip.
        const std::string dumped = brink::io::dump_scenario(*result.spec);
        const brink::io::LoadResult again = brink::io::load_scenario_string(dumped, "fuzz-dump.yaml");
        if (!again.ok()) {
            std::abort();
        }
    }
    return 0;
}
