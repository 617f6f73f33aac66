// Tests of include/brink/sweep/design.hpp and the value/shard parsers of sweep.hpp.
#include "brink/sweep/design.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>

namespace brink::sweep {
namespace {

TEST(ParseValues, SpacesLoHiNEvenlyWithBothEndsIncluded) {
    const auto values = parse_values("0.3:0.9:4");
    ASSERT_TRUE(values.has_value());
    ASSERT_EQ(values->size(), 4U);
    EXPECT_DOUBLE_EQ((*values)[0], 0.3);
    EXPECT_EQ((*values)[1], 0.5);
    EXPECT_EQ((*values)[2], 0.7);
    EXPECT_EQ((*values)[3], 0.9);  // exactly the end, not lo + 3 * step
}

TEST(ParseValues, GivesInteriorLevelsAsTheDecimalsAPersonWouldType) {
    // lo + i·step would give 0.8999999999999999 for the sixth level and 0.30000000000000004 for 0:0.5:6.
    EXPECT_EQ(parse_values("0.4:1:7").value(), (std::vector<double>{0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0}));
    EXPECT_EQ(parse_values("0:0.5:6").value(), (std::vector<double>{0.0, 0.1, 0.2, 0.3, 0.4, 0.5}));
    EXPECT_EQ(parse_values("-1:1:5").value(), (std::vector<double>{-1.0, -0.5, 0.0, 0.5, 1.0}));
    // Levels with no short decimal keep 15 significant digits.
    const auto thirds = parse_values("0:1:4").value();
    EXPECT_NEAR(thirds[1], 1.0 / 3.0, 1e-15);
    EXPECT_NEAR(thirds[2], 2.0 / 3.0, 1e-15);
}

TEST(ParseValues, WithNOfOneGivesLo) {
    const auto values = parse_values("0.4:0.9:1");
    ASSERT_TRUE(values.has_value());
    EXPECT_EQ(*values, std::vector<double>{0.4});
}

TEST(ParseValues, AcceptsListsAndSingleNumbers) {
    EXPECT_EQ(parse_values("1, 2.5,4").value(), (std::vector<double>{1.0, 2.5, 4.0}));
    EXPECT_EQ(parse_values("0.25").value(), std::vector<double>{0.25});
}

TEST(ParseValues, RejectsBadInputWithAReason) {
    for (const char* bad :
         {"", "0:1", "0:1:0", "0:1:-2", "a:1:3", "0:1:2.5", "1:0:3", "0:1:3:4", "1,,2", "x"}) {
        std::string error;
        EXPECT_FALSE(parse_values(bad, &error).has_value()) << bad;
        EXPECT_FALSE(error.empty()) << bad;
    }
}

TEST(ParseShard, AcceptsIndexBelowCountOnly) {
    const auto shard = parse_shard("1/4");
    ASSERT_TRUE(shard.has_value());
    EXPECT_EQ(shard->index, 1);
    EXPECT_EQ(shard->count, 4);
    for (const char* bad : {"4/4", "-1/2", "1/0", "1", "a/b", "1/2/3"}) {
        EXPECT_FALSE(parse_shard(bad).has_value()) << bad;
    }
}

TEST(GridDesign, EnumeratesEveryCombinationWithTheLastParameterFastest) {
    std::vector<ParameterSpec> parameters(2);
    parameters[0].values = {1.0, 2.0};
    parameters[1].values = {10.0, 20.0, 30.0};
    const Design design = grid_design(parameters);
    ASSERT_EQ(design.size(), 6U);
    const double expected[6][2] = {{1, 10}, {1, 20}, {1, 30}, {2, 10}, {2, 20}, {2, 30}};
    for (std::size_t p = 0; p < 6; ++p) {
        EXPECT_EQ(design.at(p, 0), expected[p][0]);
        EXPECT_EQ(design.at(p, 1), expected[p][1]);
    }
}

TEST(LatinHypercubeDesign, PutsExactlyOnePointInEachStratumOfEachParameter) {
    std::vector<ParameterSpec> parameters(3);
    parameters[0].low = 0.0;
    parameters[0].high = 1.0;
    parameters[1].low = -2.0;
    parameters[1].high = 2.0;
    parameters[2].low = 5.0;
    parameters[2].high = 5.5;
    constexpr int n = 50;
    const Design design = latin_hypercube_design(parameters, n, 99);
    ASSERT_EQ(design.size(), static_cast<std::size_t>(n));
    for (std::size_t j = 0; j < 3; ++j) {
        std::set<int> strata;
        for (std::size_t p = 0; p < design.size(); ++p) {
            const double unit =
                (design.at(p, j) - parameters[j].low) / (parameters[j].high - parameters[j].low);
            ASSERT_GE(unit, 0.0);
            ASSERT_LT(unit, 1.0);
            strata.insert(static_cast<int>(std::floor(unit * n)));
        }
        EXPECT_EQ(strata.size(), static_cast<std::size_t>(n)) << "parameter " << j;
    }
    // Deterministic in the seed, different for another seed.
    EXPECT_EQ(latin_hypercube_design(parameters, n, 99).values, design.values);
    EXPECT_NE(latin_hypercube_design(parameters, n, 100).values, design.values);
}

TEST(MonteCarloDesign, StaysInTheBoxAndDependsOnlyOnTheSeed) {
    std::vector<ParameterSpec> parameters(2);
    parameters[0].low = 1.0;
    parameters[0].high = 3.0;
    parameters[1].low = 0.0;
    parameters[1].high = 0.1;
    const Design design = monte_carlo_design(parameters, 200, 5);
    for (std::size_t p = 0; p < design.size(); ++p) {
        EXPECT_GE(design.at(p, 0), 1.0);
        EXPECT_LE(design.at(p, 0), 3.0);
        EXPECT_GE(design.at(p, 1), 0.0);
        EXPECT_LE(design.at(p, 1), 0.1);
    }
    EXPECT_EQ(monte_carlo_design(parameters, 200, 5).values, design.values);
}

TEST(SobolSequence, StartsWithTheKnownFirstPoints) {
    // Joe & Kuo's sequence in Gray-code order: dimension 1 is van der Corput (0, 1/2, 3/4, 1/4, ...),
    // dimension 2 (m = 1, x + 1) gives 0, 1/2, 1/4, 3/4, ...
    SobolSequence sequence(2);
    std::vector<double> point;
    const double expected[4][2] = {{0.0, 0.0}, {0.5, 0.5}, {0.75, 0.25}, {0.25, 0.75}};
    for (const auto& row : expected) {
        sequence.next(point);
        EXPECT_EQ(point[0], row[0]);
        EXPECT_EQ(point[1], row[1]);
    }
}

TEST(SobolSequence, IsBalancedInEveryDimensionOverPowersOfTwo) {
    // A (t, s)-sequence property: the first 2^m points put exactly 2^(m-1) points in each half of every axis.
    const int dimensions = SobolSequence::max_dimensions();
    SobolSequence sequence(dimensions);
    std::vector<int> lower(static_cast<std::size_t>(dimensions), 0);
    std::vector<double> point;
    for (int i = 0; i < 1024; ++i) {
        sequence.next(point);
        for (std::size_t d = 0; d < point.size(); ++d) {
            lower[d] += point[d] < 0.5 ? 1 : 0;
        }
    }
    for (int count : lower) {
        EXPECT_EQ(count, 512);
    }
    EXPECT_THROW(SobolSequence(dimensions + 1), std::invalid_argument);
}

TEST(SaltelliDesign, BuildsBlocksOfAThenBThenAWithOneColumnOfB) {
    std::vector<ParameterSpec> parameters(3);
    for (auto& parameter : parameters) {
        parameter.low = 0.0;
        parameter.high = 1.0;
    }
    const Design design = saltelli_design(parameters, 8);
    ASSERT_EQ(design.size(), 8U * 5U);
    for (std::size_t j = 0; j < 8; ++j) {
        const std::size_t a = j * 5;
        const std::size_t b = a + 1;
        for (std::size_t i = 0; i < 3; ++i) {
            for (std::size_t c = 0; c < 3; ++c) {
                EXPECT_EQ(design.at(a + 2 + i, c), c == i ? design.at(b, c) : design.at(a, c));
            }
        }
    }
    EXPECT_EQ(max_sobol_parameters(), 16);
}

}  // namespace
}  // namespace brink::sweep
