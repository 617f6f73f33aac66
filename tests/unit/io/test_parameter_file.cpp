// Tests of include/brink/io/parameter_file.hpp: nested and dotted keys, file order, what is refused.
#include "brink/io/parameter_file.hpp"

#include <gtest/gtest.h>

namespace brink::io {
namespace {

TEST(ParameterFile, FlattensNestedAndDottedKeysInFileOrder) {
    const ParameterFile file = parse_parameter_file(
        "model:\n  rationality: 8\n  mechanisms:\n    beliefs: false\nmodel.reaction: 0.05\n", "p.yaml");
    ASSERT_TRUE(file.ok());
    EXPECT_EQ(file.assignments,
              (std::vector<std::string>{"model.rationality=8", "model.mechanisms.beliefs=false",
                                        "model.reaction=0.05"}));
    EXPECT_TRUE(parse_parameter_file("", "p.yaml").assignments.empty());
}

TEST(ParameterFile, RefusesPathsOutsideTheModelAndNonScalarValues) {
    const ParameterFile outside = parse_parameter_file("actors:\n  russia:\n    resolve: 0.9\n", "p.yaml");
    ASSERT_EQ(outside.diagnostics.size(), 1U);
    EXPECT_EQ(outside.diagnostics[0].line, 3);
    EXPECT_NE(outside.diagnostics[0].message.find("model parameters only"), std::string::npos);
    EXPECT_FALSE(parse_parameter_file("model:\n  rationality: [1, 2]\n", "p.yaml").ok());
    EXPECT_FALSE(parse_parameter_file("- model.rationality\n", "p.yaml").ok());
    EXPECT_FALSE(parse_parameter_file("model: {rationality: \n", "p.yaml").ok());
    EXPECT_FALSE(load_parameter_file("/nonexistent/params.yaml").ok());
}

}  // namespace
}  // namespace brink::io
