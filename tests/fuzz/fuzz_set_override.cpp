// libFuzzer target: `--set path=value` parsing and application on the default scenario must never crash;
// an accepted override must leave a spec that still validates.
#include "brink/io/overrides.hpp"
#include "brink/io/scenario_loader.hpp"
#include "brink/io/validation.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string_view>

namespace {
const brink::ScenarioSpec& base_spec() {
    static const std::optional<brink::ScenarioSpec> spec =
        brink::io::load_scenario_file(BRINK_SOURCE_DIR "/scenarios/ukraine_2022.yaml").spec;
    if (!spec) {
        std::abort();
    }
    return *spec;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    brink::ScenarioSpec spec = base_spec();
    const auto diagnostics = brink::io::apply_override_assignment(spec, text);
    if (diagnostics.empty() && !brink::io::validate_spec(spec, "fuzz").empty()) {
        std::abort();  // accepted overrides must keep the spec valid
    }
    return 0;
}
