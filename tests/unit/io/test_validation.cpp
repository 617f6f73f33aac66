// Tests of include/brink/io/validation.hpp: the rules of a spec built in code.
#include "brink/io/validation.hpp"

#include "brink_test_support.hpp"

#include <gtest/gtest.h>

#include <string>

namespace brink::io {
namespace {

namespace fs = std::filesystem;
using test_support::diagnostics_text;
using test_support::minimal_spec;

TEST(ValidateSpec, AcceptsTheDefaultsOfAMinimalSpec) {
    EXPECT_TRUE(validate_spec(minimal_spec(), "x").empty());
}

TEST(ValidateSpec, ReportsAnUndefinedReferenceWithoutAPosition) {
    ScenarioSpec spec = minimal_spec();
    spec.demands[0].challenger = "redd";
    const auto diagnostics = validate_spec(spec, "spec");
    ASSERT_EQ(diagnostics.size(), 1u);
    EXPECT_EQ(format_diagnostic(diagnostics[0]),
              "spec: error: demands.red_border.challenger: undefined actor 'redd'; did you mean 'red'?");
}

}  // namespace
}  // namespace brink::io
