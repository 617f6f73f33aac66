// libFuzzer target: the calibration file reader must never crash, hang or leak on any input; every failure is
// a diagnostic. The file is read as if it were scenarios/calibration/fuzz.yaml, so that case globs relative
// to it (../cases/*.yaml) match real files and the reader goes on to the parameters, objective, design and
// refinement.
#include "brink/score/calibration.hpp"
#include "fuzz_checks.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::string k_file = std::string(BRINK_SOURCE_DIR) + "/scenarios/calibration/fuzz.yaml";
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const brink::score::CalibrationLoadResult result = brink::score::parse_calibration_string(text, k_file);
    brink::fuzz::check_load_result(result);
    return 0;
}
