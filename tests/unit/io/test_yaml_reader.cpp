// Tests of include/brink/io/yaml_reader.hpp: the guarded YAML base of the scenario and sweep readers.
#include "brink/io/yaml_reader.hpp"

#include <gtest/gtest.h>

#include <string>

namespace brink::io {
namespace {

TEST(ParseYaml, ReadsOneDocument) {
    const YamlInput input = parse_yaml("a: 1\nb: [x, y]\n", Documents::ExactlyOne);
    ASSERT_FALSE(input.error);
    EXPECT_TRUE(input.root.IsMap());
    EXPECT_EQ(input.root["b"][1].Scalar(), "y");
}

TEST(ParseYaml, RefusesTextLargerThanTheLimitBeforeParsingIt) {
    const std::string text(k_max_yaml_bytes + 1, '#');
    const YamlInput input = parse_yaml(text, Documents::First);
    ASSERT_TRUE(input.error);
    EXPECT_EQ(input.error->failure, YamlFailure::TooLarge);
    EXPECT_EQ(input.error->message(), "the file is too large (67108865 bytes; at most 67108864)");
}

TEST(ParseYaml, PlacesASyntaxErrorAtItsLineAndColumn) {
    const YamlInput input = parse_yaml("a: [1, 2\n", Documents::First);
    ASSERT_TRUE(input.error);
    EXPECT_EQ(input.error->failure, YamlFailure::Syntax);
    EXPECT_EQ(input.error->where.line, 2);
    EXPECT_EQ(input.error->message(), "not valid YAML: " + input.error->detail);
}

TEST(ParseYaml, RefusesASecondDocumentOnlyWhenOneIsExpected) {
    const std::string text = "a: 1\n---\nb: 2\n";
    const YamlInput one = parse_yaml(text, Documents::ExactlyOne);
    ASSERT_TRUE(one.error);
    EXPECT_EQ(one.error->failure, YamlFailure::SeveralDocuments);
    EXPECT_EQ(one.error->where.line, 2);
    EXPECT_EQ(one.error->message(), "expected one YAML document, found more");
    const YamlInput first = parse_yaml(text, Documents::First);
    EXPECT_FALSE(first.error);
    EXPECT_EQ(first.root["a"].Scalar(), "1");
}

TEST(ParseYaml, EndsOnTextThatMakesYamlCppReportDocumentsForever) {
    // yaml-cpp 0.7's LoadAll never returns on ",#"; the bounded count does.
    const YamlInput input = parse_yaml(",#", Documents::ExactlyOne);
    EXPECT_TRUE(input.error);
}

TEST(ParseYaml, RefusesNestingDeeperThanYamlCppsLimit) {
    const YamlInput input = parse_yaml(std::string(5000, '['), Documents::First);
    ASSERT_TRUE(input.error);
    EXPECT_EQ(input.error->failure, YamlFailure::Syntax);
}

TEST(NodeBudget, RefusesEveryNodeAfterTheLimit) {
    NodeBudget budget(2);
    EXPECT_TRUE(budget.take());
    EXPECT_TRUE(budget.take());
    EXPECT_FALSE(budget.spent());
    EXPECT_FALSE(budget.take());
    EXPECT_TRUE(budget.spent());
    EXPECT_FALSE(budget.take());
    EXPECT_EQ(budget.message(), "the file is too large: more than 2 YAML nodes (after expanding aliases)");
}

TEST(DescribeNode, NamesWhatANodeIs) {
    EXPECT_EQ(describe_node(YAML::Load("")), "an empty value");
    EXPECT_EQ(describe_node(YAML::Load("[1]")), "a sequence");
    EXPECT_EQ(describe_node(YAML::Load("{a: 1}")), "a mapping");
    EXPECT_EQ(describe_node(YAML::Load("word")), "'word'");
    EXPECT_EQ(describe_node(YAML::Load(std::string(50, 'x'))), "'" + std::string(37, 'x') + "...'");
}

TEST(LocationOf, IsOneBasedAndEmptyForNoPosition) {
    const YAML::Node node = YAML::Load("a:\n  b: 1\n");
    const Location at = location_of(node["a"]["b"].Mark());
    EXPECT_EQ(at.line, 2);
    EXPECT_EQ(at.column, 6);
    const Location none = location_of(YAML::Mark::null_mark());
    EXPECT_EQ(none.line, 0);
    EXPECT_EQ(none.column, 0);
}

}  // namespace
}  // namespace brink::io
