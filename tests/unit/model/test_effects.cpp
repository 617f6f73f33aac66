// Tests of effects.hpp: descriptions are built only when asked for.
#include "brink/model/effects.hpp"

#include <gtest/gtest.h>

#include <string>

namespace brink::model {
namespace {

std::string ask(const Describe& describe, bool wanted) {
    return wanted ? describe() : std::string();
}

TEST(Describe, BuildsTheDescriptionOnlyWhenCalled) {
    int built = 0;
    const auto lambda = [&] {
        ++built;
        return std::string("Blinken meets Lavrov");
    };
    EXPECT_EQ(ask(lambda, false), "");
    EXPECT_EQ(built, 0);
    EXPECT_EQ(ask(lambda, true), "Blinken meets Lavrov");
    EXPECT_EQ(ask([] { return std::string("a temporary"); }, true), "a temporary");
    EXPECT_EQ(built, 1);
}

TEST(LoggedEvent, DefaultsToNowAndNoIssue) {
    const LoggedEvent event{EventType::Hold, 0, -1, -1, 0.0, "010", false};
    EXPECT_TRUE(std::isnan(event.time));
    EXPECT_EQ(event.issue, -1);
}

}  // namespace
}  // namespace brink::model
