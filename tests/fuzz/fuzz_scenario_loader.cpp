// libFuzzer target: the scenario loader must never crash, hang or leak on any input; every failure is a
// diagnostic with a position inside the input.
#include "brink/io/scenario_dump.hpp"
#include "brink/io/scenario_loader.hpp"
#include "fuzz_checks.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const brink::io::LoadResult result = brink::io::load_scenario_string(text, "fuzz.yaml");
    brink::fuzz::check_load_result(result);
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
