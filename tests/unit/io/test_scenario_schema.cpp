// Tests of include/brink/io/scenario_schema.hpp: the files generated from the schema table are the committed
// ones, and what they say agrees with the loader.
#include "brink/io/scenario_loader.hpp"
#include "brink/io/scenario_schema.hpp"

#include "brink_test_support.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>

namespace brink::io {
namespace {

namespace fs = std::filesystem;
using test_support::read_file;

const fs::path k_source = BRINK_SOURCE_DIR;
constexpr const char* k_how_to_regenerate =
    " is stale: the schema table (sim/io/scenario_schema.cpp) changed. Run `build-dev/brink "
    "generate-schema-files` (or `build/brink ...`) and commit the result after reading git diff.";

TEST(ScenarioSchema, GeneratedFilesAreUpToDate) {
    EXPECT_TRUE(read_file(k_source / "scenarios" / "schema.json") == scenario_json_schema())
        << "scenarios/schema.json" << k_how_to_regenerate;
    const std::string docs = read_file(k_source / "docs" / "scenario-format.md");
    EXPECT_TRUE(update_scenario_reference(docs) == docs) << "docs/scenario-format.md" << k_how_to_regenerate;
}

TEST(ScenarioSchema, EveryGeneratedBlockHasItsMarkersAndAnUnknownBlockIsAnError) {
    EXPECT_THROW(update_scenario_reference("no markers here"), std::runtime_error);
    EXPECT_THROW(scenario_reference_markdown("nothing"), std::invalid_argument);
    for (const std::string_view block : k_reference_blocks) {
        EXPECT_FALSE(scenario_reference_markdown(block).empty()) << block;
    }
}

// The defaults the schema states are those a file that leaves the key out gets from the loader.
TEST(ScenarioSchema, StatedDefaultsAreTheLoadersDefaultsAndLieInTheirRanges) {
    const auto schema = nlohmann::json::parse(scenario_json_schema());
    const LoadResult loaded = load_scenario_string(
        "metadata: {name: m}\nissues: {i: {}}\nactors:\n  a: {positions: {i: {}}}\n  b: {}\n",
        "minimal.yaml");
    ASSERT_TRUE(loaded.ok());
    const ScenarioSpec& spec = *loaded.spec;
    const auto& actor = schema["properties"]["actors"]["additionalProperties"]["properties"];
    EXPECT_EQ(actor["resolve"]["default"], spec.actors[0].resolve);
    EXPECT_EQ(actor["cost_of_war"]["default"], spec.actors[0].cost_of_war);
    EXPECT_EQ(actor["decision_rate"]["default"], spec.actors[0].decision_rate);
    EXPECT_EQ(actor["kind"]["default"], "state");
    const auto& position = actor["positions"]["additionalProperties"]["properties"];
    EXPECT_EQ(position["salience"]["default"], spec.actors[0].positions[0].salience);
    const auto& issue = schema["properties"]["issues"]["additionalProperties"]["properties"];
    EXPECT_EQ(issue["low"]["default"], spec.issues[0].low);
    EXPECT_EQ(issue["high"]["default"], spec.issues[0].high);
    const auto& model = schema["properties"]["model"]["properties"];
    EXPECT_EQ(model["rationality"]["default"], spec.model.rationality);
    EXPECT_EQ(model["discount_per_day"]["default"], spec.model.discount_per_day);
    EXPECT_EQ(schema["properties"]["metadata"]["properties"]["horizon"]["default"], spec.metadata.horizon);
    EXPECT_EQ(schema["properties"]["metadata"]["properties"]["seed"]["default"], spec.metadata.seed);
    // Every stated numeric default lies in the stated range.
    std::function<void(const nlohmann::json&, const std::string&)> check = [&](const nlohmann::json& node,
                                                                               const std::string& path) {
        if (node.is_object()) {
            if (node.contains("default") && node["default"].is_number()) {
                const double value = node["default"].get<double>();
                if (node.contains("minimum")) {
                    EXPECT_GE(value, node["minimum"].get<double>()) << path;
                }
                if (node.contains("exclusiveMinimum")) {
                    EXPECT_GT(value, node["exclusiveMinimum"].get<double>()) << path;
                }
                if (node.contains("maximum")) {
                    EXPECT_LE(value, node["maximum"].get<double>()) << path;
                }
                if (node.contains("exclusiveMaximum")) {
                    EXPECT_LT(value, node["exclusiveMaximum"].get<double>()) << path;
                }
            }
            for (const auto& [key, child] : node.items()) {
                check(child, path + "/" + key);
            }
        } else if (node.is_array()) {
            for (const auto& child : node) {
                check(child, path + "[]");
            }
        }
    };
    check(schema, "");
}

TEST(ScenarioReference, ListsEveryKeyOfTheSchemaWithItsRangeAndTheSetPaths) {
    const std::string keys = scenario_reference_markdown("keys");
    for (const char* row :
         {"| `resolve` | number | willingness to bear costs for its aims, [0, 1] | 0.5 |",
          "| `capability` | number | absolute capability in `capability_unit`, normalised inside "
          "the model, (0, 1e15] | 1 |",
          "| `deadline` | day | by when it must be met, (made, horizon] | none |",
          "| `name` | string | display name | the id |", "| 9 | `war` | War | 9 | 19 |"}) {
        EXPECT_NE(keys.find(row), std::string::npos) << row;
    }
    const std::string overrides = scenario_reference_markdown("overrides");
    EXPECT_NE(overrides.find("| `demands.<id>.{value,deadline,made,targets}` | a demand |"),
              std::string::npos)
        << overrides;
    EXPECT_NE(overrides.find("| `events.<index>.{day,date,type,source,targets,"), std::string::npos)
        << overrides;
}

}  // namespace
}  // namespace brink::io
