// brink io: a ScenarioSpec written back as a scenario file.
#pragma once

#include "brink/scenario.hpp"

#include <string>

namespace brink::io {

/// YAML with every key explicit (unset optional values left out), strings double-quoted and numbers in their
/// shortest round-trip form, such that loading it gives an equal spec (tested for every bundled scenario).
std::string dump_scenario(const ScenarioSpec& spec);

}  // namespace brink::io
