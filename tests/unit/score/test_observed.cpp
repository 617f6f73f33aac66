// Tests of include/brink/score/observed.hpp: the observed table, case names, where the table is found.
#include "brink/score/observed.hpp"

#include "brink_test_support.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace brink::score {
namespace {

constexpr const char* k_header =
    "case,source,crisis_name,war,max_violence,days_to_violence,days_to_termination,actor_id,outcome\n";

TEST(ParseObserved, GroupsThePrincipalActorsOfACase) {
    const auto cases = parse_observed(std::string(k_header) +
                                          "a_1921,icb,A,1,4,,134,albania,compromise\n"
                                          "a_1921,icb,A,1,4,,134,yugoslavia,compromise\n"
                                          "b_1962,icb,B,0,1,3,35,usa,victory\n",
                                      "observed.csv");
    ASSERT_EQ(cases.size(), 2U);
    const ObservedCase& a = cases.at("a_1921");
    EXPECT_EQ(a.war, 1);
    EXPECT_EQ(a.max_violence, 4);
    EXPECT_TRUE(std::isnan(a.days_to_violence));
    EXPECT_DOUBLE_EQ(a.days_to_termination, 134.0);
    ASSERT_EQ(a.actors.size(), 2U);
    EXPECT_EQ(a.actors[1].id, "yugoslavia");
    EXPECT_EQ(cases.at("b_1962").actors[0].outcome, "victory");
}

TEST(ParseObserved, RefusesMalformedRowsNamingTheLine) {
    try {
        parse_observed(std::string(k_header) + "a,icb,A,2,4,,1,x,\n", "obs.csv");
        FAIL() << "war = 2 accepted";
    } catch (const ScoreInputError& error) {
        EXPECT_NE(std::string(error.what()).find("obs.csv:2: column 'war'"), std::string::npos)
            << error.what();
    }
    EXPECT_THROW(parse_observed(std::string(k_header) + "a,icb,A,1,5,,1,x,\n", "obs.csv"), ScoreInputError);
    EXPECT_THROW(parse_observed("case,war\na,1\n", "obs.csv"), ScoreInputError);
    EXPECT_THROW(parse_observed(std::string(k_header) + "a,icb,A,1,4,,1,x,\na,icb,A,0,1,,1,y,\n", "obs.csv"),
                 ScoreInputError);
}

TEST(CaseName, IsTheFileStem) {
    EXPECT_EQ(case_name("scenarios/cases/korea_1950.yaml"), "korea_1950");
    EXPECT_EQ(case_name("cuba_1962.yaml"), "cuba_1962");
}

TEST(DefaultObservedPath, FindsTheLibraryTableForCasesAndBundledScenarios) {
    const auto root = test_support::source_dir() / "scenarios";
    EXPECT_EQ(default_observed_path((root / "cases" / "korea_1950.yaml").string()),
              (root / "cases" / "observed.csv").string());
    EXPECT_EQ(default_observed_path((root / "cuba_1962.yaml").string()),
              (root / "cases" / "observed.csv").string());
    EXPECT_EQ(default_observed_path((root / "sweeps" / "x.yaml").string()), "");
}

TEST(ReadObserved, ReadsTheLibraryWithEveryBundledScenario) {
    const auto cases = read_observed((test_support::source_dir() / "scenarios/cases/observed.csv").string());
    EXPECT_EQ(cases.size(), 37U);
    EXPECT_EQ(cases.at("ukraine_2022").war, 1);
    EXPECT_DOUBLE_EQ(cases.at("ukraine_2022").days_to_violence, 33.0);
    EXPECT_EQ(cases.at("cuba_1962").war, 0);
    EXPECT_EQ(cases.at("july_1914").actors.size(), 7U);
}

}  // namespace
}  // namespace brink::score
