// Tests of load_sweep_file / load_sweep_string / inline_sweep (include/brink/sweep/sweep.hpp).
#include "brink/io/yaml_reader.hpp"
#include "brink/sweep/sweep.hpp"

#include <gtest/gtest.h>

#include <string>

namespace brink::sweep {
namespace {

const std::string k_source = BRINK_SOURCE_DIR;
// load_sweep_string resolves the scenario relative to this (virtual) file's directory.
const std::string k_virtual_file = k_source + "/scenarios/sweeps/test.yaml";

bool mentions(const std::vector<io::Diagnostic>& diagnostics, const std::string& text) {
    for (const auto& diagnostic : diagnostics) {
        if (io::format_diagnostic(diagnostic).find(text) != std::string::npos) {
            return true;
        }
    }
    return false;
}

TEST(SweepFile, TheBundledSweepsLoad) {
    for (const char* name : {"resolve_commitment.yaml", "sobol_study.yaml"}) {
        const SweepLoadResult loaded = load_sweep_file(k_source + "/scenarios/sweeps/" + name);
        ASSERT_TRUE(loaded.ok()) << name << ": "
                                 << (loaded.diagnostics.empty()
                                         ? ""
                                         : io::format_diagnostic(loaded.diagnostics[0]));
    }
    const SweepLoadResult grid = load_sweep_file(k_source + "/scenarios/sweeps/resolve_commitment.yaml");
    EXPECT_EQ(grid.spec->design, DesignKind::Grid);
    EXPECT_EQ(grid.spec->parameters.size(), 2U);
    EXPECT_EQ(grid.spec->parameters[0].values.size(), 5U);
    EXPECT_EQ(grid.spec->replications, 200);
    EXPECT_EQ(grid.spec->seed, 2022U);
    EXPECT_EQ(grid.spec->design_seed, 2022U);  // defaults to the seed
}

TEST(SweepFile, ReportsAnUnknownKeyWithItsPositionAndASuggestion) {
    const std::string yaml =
        "scenario: ../ukraine_2022.yaml\n"
        "replicatons: 3\n"
        "parameters:\n"
        "  - {path: actors.russia.resolve, values: 0.3:0.9:4}\n";
    const SweepLoadResult loaded = load_sweep_string(yaml, k_virtual_file);
    ASSERT_FALSE(loaded.ok());
    EXPECT_TRUE(mentions(loaded.diagnostics,
                         "test.yaml:2:1: error: unknown key 'replicatons' (did you mean "
                         "'replications'?)"))
        << io::format_diagnostic(loaded.diagnostics[0]);
}

TEST(SweepFile, ReportsABadRangeAndAnUnknownDesignAtTheirValues) {
    const std::string yaml =
        "scenario: ../ukraine_2022.yaml\n"
        "design: fractional\n"
        "parameters:\n"
        "  - path: actors.russia.resolve\n"
        "    values: 0.9:0.3:4\n";
    const SweepLoadResult loaded = load_sweep_string(yaml, k_virtual_file);
    ASSERT_FALSE(loaded.ok());
    EXPECT_TRUE(mentions(loaded.diagnostics, "test.yaml:2:9: error: unknown design 'fractional'"));
    EXPECT_TRUE(mentions(loaded.diagnostics, "test.yaml:5:13: error: 'values': lo > hi"));
}

TEST(SweepFile, RejectsAnUnknownParameterPathBeforeAnythingRuns) {
    const std::string yaml =
        "scenario: ../ukraine_2022.yaml\n"
        "parameters:\n"
        "  - path: actors.russia.resolv\n"
        "    values: [0.5, 0.7]\n";
    const SweepLoadResult loaded = load_sweep_string(yaml, k_virtual_file);
    ASSERT_FALSE(loaded.ok());
    EXPECT_TRUE(mentions(loaded.diagnostics, "test.yaml:3:")) << io::format_diagnostic(loaded.diagnostics[0]);
    EXPECT_TRUE(mentions(loaded.diagnostics, "resolve"));  // the loader's "did you mean"
}

TEST(SweepFile, SobolDesignsNeedRangesAndSamples) {
    const std::string yaml =
        "scenario: ../ukraine_2022.yaml\n"
        "design: sobol\n"
        "parameters:\n"
        "  - path: actors.russia.resolve\n";
    const SweepLoadResult loaded = load_sweep_string(yaml, k_virtual_file);
    ASSERT_FALSE(loaded.ok());
    EXPECT_TRUE(mentions(loaded.diagnostics, "needs 'samples'"));
    EXPECT_TRUE(mentions(loaded.diagnostics, "needs 'low' <= 'high'"));
}

TEST(SweepFile, AppliesFixedOverridesToTheBase) {
    const std::string yaml =
        "scenario: ../ukraine_2022.yaml\n"
        "set: {model.rationality: 9}\n"
        "parameters:\n"
        "  - {path: actors.russia.resolve, values: [0.5]}\n";
    const SweepLoadResult loaded = load_sweep_string(yaml, k_virtual_file);
    ASSERT_TRUE(loaded.ok());
    EXPECT_EQ(loaded.spec->base.model.rationality, 9.0);
    EXPECT_EQ(loaded.spec->fixed_overrides, std::vector<std::string>{"model.rationality=9"});
}

TEST(SweepFile, AliasesThatExpandBeyondTheNodeLimitAreAnErrorNotAnExhaustedMachine) {
    // A parameter with 3,000 values, named 1,000 times by an alias: 3 million values once expanded, each of
    // which would be tried as an override of the base scenario.
    std::string text = "scenario: ../ukraine_2022.yaml\nv: &v [0.5";
    for (int i = 1; i < 3000; ++i) {
        text += ", 0.5";
    }
    text += "]\nparameters:\n  - &p {path: model.rationality, values: *v}\n";
    for (int i = 1; i < 1000; ++i) {
        text += "  - *p\n";
    }
    const SweepLoadResult loaded = load_sweep_string(text, k_virtual_file);
    ASSERT_FALSE(loaded.ok());
    EXPECT_TRUE(mentions(loaded.diagnostics, "more than 2000000 YAML nodes"));
}

TEST(SweepFile, TooLargeAndTooDeepFilesAreDiagnostics) {
    const SweepLoadResult large =
        load_sweep_string(std::string(io::k_max_yaml_bytes + 1, '#'), k_virtual_file);
    EXPECT_TRUE(mentions(large.diagnostics, "the file is too large"));
    const SweepLoadResult deep = load_sweep_string(std::string(5000, '['), k_virtual_file);
    EXPECT_FALSE(deep.ok());
    EXPECT_FALSE(deep.diagnostics.empty());
}

TEST(SweepFile, ReportsASyntaxErrorInYamlCppsWordsAtItsPosition) {
    const SweepLoadResult loaded = load_sweep_string("a: [\n", k_virtual_file);
    ASSERT_EQ(loaded.diagnostics.size(), 1U);
    EXPECT_EQ(io::format_diagnostic(loaded.diagnostics[0]),
              k_virtual_file + ":2:1: error: end of sequence flow not found");
}

TEST(InlineSweep, BuildsAGridFromRepeatedParams) {
    const SweepLoadResult loaded =
        inline_sweep(k_source + "/scenarios/ukraine_2022.yaml",
                     {"actors.russia.resolve=0.3:0.9:4", "relations.commitments.usa.ukraine=0,1"}, 10);
    ASSERT_TRUE(loaded.ok()) << io::format_diagnostic(loaded.diagnostics[0]);
    EXPECT_EQ(loaded.spec->parameters.size(), 2U);
    EXPECT_EQ(loaded.spec->parameters[1].values, (std::vector<double>{0.0, 1.0}));
    EXPECT_EQ(loaded.spec->replications, 10);
    EXPECT_EQ(loaded.spec->seed, loaded.spec->base.metadata.seed);
}

TEST(InlineSweep, ReportsABadParamAndAnOutOfRangeValue) {
    const std::string scenario = k_source + "/scenarios/ukraine_2022.yaml";
    EXPECT_FALSE(inline_sweep(scenario, {"actors.russia.resolve=0.3:0.9"}, 10).ok());
    EXPECT_FALSE(inline_sweep(scenario, {"actors.russia.resolve"}, 10).ok());
    EXPECT_FALSE(inline_sweep(scenario, {"actors.russia.resolve=0.5"}, 0).ok());
    const SweepLoadResult out_of_range = inline_sweep(scenario, {"actors.russia.resolve=0.5:1.5:3"}, 10);
    ASSERT_FALSE(out_of_range.ok());
    EXPECT_TRUE(mentions(out_of_range.diagnostics, "actors.russia.resolve"));
}

TEST(InlineSweep, ReadsLevelsThatAreNotNumbersAsLabels) {
    const std::string scenario = k_source + "/scenarios/ukraine_2022.yaml";
    const SweepLoadResult loaded = inline_sweep(scenario, {"actors.china.kind=state, alliance"}, 2);
    ASSERT_TRUE(loaded.ok()) << io::format_diagnostic(loaded.diagnostics[0]);
    EXPECT_EQ(loaded.spec->parameters[0].labels, (std::vector<std::string>{"state", "alliance"}));
    EXPECT_EQ(loaded.spec->parameters[0].values, (std::vector<double>{0.0, 1.0}));  // the labels' indices
    const SweepLoadResult bad = inline_sweep(scenario, {"actors.china.kind=state,empire"}, 2);
    ASSERT_FALSE(bad.ok());
    EXPECT_TRUE(mentions(bad.diagnostics, "parameter 'actors.china.kind' = empire"))
        << io::format_diagnostic(bad.diagnostics[0]);
}

TEST(SweepFile, ReadsListsOfIdsAsLabelsAndKeepsThemToGrids) {
    const std::string grid =
        "scenario: ../ukraine_2022.yaml\n"
        "parameters:\n"
        "  - path: demands.russia_no_enlargement.targets\n"
        "    values: [[usa], [usa, nato]]\n"
        "  - path: model.decisions_enabled\n"
        "    values: [true, false]\n";
    const SweepLoadResult loaded = load_sweep_string(grid, k_virtual_file);
    ASSERT_TRUE(loaded.ok()) << io::format_diagnostic(loaded.diagnostics[0]);
    EXPECT_EQ(loaded.spec->parameters[0].labels, (std::vector<std::string>{"[usa]", "[usa, nato]"}));
    EXPECT_EQ(loaded.spec->parameters[1].labels, (std::vector<std::string>{"true", "false"}));
    const std::string lhs =
        "scenario: ../ukraine_2022.yaml\n"
        "design: lhs\nsamples: 4\n"
        "parameters:\n"
        "  - path: actors.china.kind\n"
        "    values: [state, alliance]\n";
    const SweepLoadResult refused = load_sweep_string(lhs, k_virtual_file);
    ASSERT_FALSE(refused.ok());
    EXPECT_TRUE(mentions(refused.diagnostics, "only a grid design can sweep them"))
        << io::format_diagnostic(refused.diagnostics[0]);
}

}  // namespace
}  // namespace brink::sweep
