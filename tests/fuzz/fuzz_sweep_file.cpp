// libFuzzer target: the sweep file reader must never crash, hang or leak on any input; every failure is a
// diagnostic. The file is read as if it were scenarios/sweeps/fuzz.yaml, so that a `scenario:` path relative
// to it (../ukraine_2022.yaml) names a real scenario and the reader goes on to the parameters.
#include "brink/sweep/sweep.hpp"
#include "fuzz_checks.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::string k_file = std::string(BRINK_SOURCE_DIR) + "/scenarios/sweeps/fuzz.yaml";
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const brink::sweep::SweepLoadResult result = brink::sweep::load_sweep_string(text, k_file);
    brink::fuzz::check_load_result(result);
    return 0;
}
