// Tests of include/brink/plots/render.hpp: formats, terminals, finding gnuplot, atomic rendering.
#include "brink/plots/render.hpp"

#include "brink_test_support.hpp"
#include "plots_test_support.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

namespace brink::plots {
namespace {

using testing::slurp;

RenderOptions missing_gnuplot() {
    RenderOptions options;
    options.gnuplot_command = "/nonexistent/brink-test/gnuplot";
    return options;
}

std::size_t count_files(const std::filesystem::path& dir) {
    return static_cast<std::size_t>(
        std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator()));
}

TEST(ChartFormat, RoundTripsEveryFormatNameAndRejectsOthers) {
    for (ChartFormat format : {ChartFormat::Png, ChartFormat::Svg, ChartFormat::Pdf}) {
        auto parsed = parse_chart_format(to_string(format));
        ASSERT_TRUE(parsed.has_value());
        EXPECT_EQ(*parsed, format);
    }
    EXPECT_FALSE(parse_chart_format("PNG").has_value());
    EXPECT_FALSE(parse_chart_format("jpeg").has_value());
    EXPECT_FALSE(parse_chart_format("").has_value());
}

TEST(TerminalCommand, UsesCairoTerminalsAtTheRequestedSizeWithoutEnhancedText) {
    RenderOptions options;
    options.width_px = 1000;
    options.height_px = 600;
    EXPECT_EQ(terminal_command(ChartFormat::Png, options).rfind("set terminal pngcairo size 1000,600 ", 0),
              0U);
    EXPECT_EQ(terminal_command(ChartFormat::Svg, options).rfind("set terminal svg size 1000,600 ", 0), 0U);
    EXPECT_EQ(terminal_command(ChartFormat::Pdf, options).rfind("set terminal pdfcairo size 10in,6in ", 0),
              0U);
    for (ChartFormat format : {ChartFormat::Png, ChartFormat::Svg, ChartFormat::Pdf}) {
        // Actor ids contain underscores, which enhanced text would turn into subscripts.
        EXPECT_NE(terminal_command(format, options).find("noenhanced"), std::string::npos);
    }
}

TEST(GnuplotMissing, SaysHowToInstallGnuplot) {
    EXPECT_STREQ(GnuplotMissing().what(),
                 "gnuplot not found: install it with `sudo apt-get install gnuplot-nox`");
}

TEST(GnuplotAvailable, IsFalseForAMissingExecutableAndTrueForTheInstalledOne) {
    EXPECT_FALSE(gnuplot_available(missing_gnuplot()));
    RenderOptions bare_name;
    bare_name.gnuplot_command = "brink-no-such-gnuplot-in-path";
    EXPECT_FALSE(gnuplot_available(bare_name));
    EXPECT_TRUE(gnuplot_available()) << "these tests need gnuplot (apt-get install gnuplot-nox)";
}

TEST(GnuplotAvailable, FollowsTheBrinkGnuplotEnvironmentVariable) {
    ::setenv("BRINK_GNUPLOT", "/nonexistent/brink-test/gnuplot", 1);
    bool available = gnuplot_available();
    std::string resolved = resolve_gnuplot_command({});
    ::unsetenv("BRINK_GNUPLOT");
    EXPECT_FALSE(available);
    EXPECT_EQ(resolved, "/nonexistent/brink-test/gnuplot");
    EXPECT_EQ(resolve_gnuplot_command({}), "gnuplot");
}

TEST(RenderChart, ThrowsGnuplotMissingAndWritesNothingWithoutGnuplot) {
    const brink::test_support::TempDir scratch("brink-render-missing");
    const auto& dir = scratch.path();
    EXPECT_THROW(render_chart("plot x\n", (dir / "chart.png").string(), ChartFormat::Png, missing_gnuplot()),
                 GnuplotMissing);
    EXPECT_EQ(count_files(dir), 0U);
}

TEST(RenderChart, WritesEachFormatWithItsSignature) {
    const brink::test_support::TempDir scratch("brink-render-formats");
    const auto& dir = scratch.path();
    const std::string script = "set title \"x squared\"\nplot x**2 title \"x_squared\"\n";
    std::string png = (dir / "chart.png").string();
    std::string svg = (dir / "chart.svg").string();
    std::string pdf = (dir / "chart.pdf").string();
    EXPECT_EQ(render_chart(script, png, ChartFormat::Png), "");
    EXPECT_EQ(render_chart(script, svg, ChartFormat::Svg), "");
    EXPECT_EQ(render_chart(script, pdf, ChartFormat::Pdf), "");
    EXPECT_EQ(slurp(png).substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
    EXPECT_TRUE(testing::is_balanced_xml(slurp(svg), "svg"));
    EXPECT_EQ(slurp(pdf).substr(0, 5), "%PDF-");
    // Only the three charts: no temporary script, message or partial files are left behind.
    EXPECT_EQ(count_files(dir), 3U);
}

TEST(RenderChart, ReportsGnuplotErrorsAndLeavesNoFile) {
    const brink::test_support::TempDir scratch("brink-render-error");
    const auto& dir = scratch.path();
    std::string png = (dir / "chart.png").string();
    try {
        render_chart("plot x\nthis_is_not_a_command 1\n", png, ChartFormat::Png);
        FAIL() << "a gnuplot error must be reported";
    } catch (const PlotError& error) {
        EXPECT_NE(std::string(error.what()).find("invalid command"), std::string::npos) << error.what();
    }
    EXPECT_EQ(count_files(dir), 0U);
}

TEST(RenderChart, AGnuplotThatExitsAtOnceIsReportedNotFatal) {
    const brink::test_support::TempDir scratch("brink-render-false");
    const auto& dir = scratch.path();
    RenderOptions options;
    options.gnuplot_command = "false";  // found in PATH, exits without reading its commands
    EXPECT_THROW(render_chart("plot x\n", (dir / "chart.png").string(), ChartFormat::Png, options),
                 PlotError);
    EXPECT_EQ(count_files(dir), 0U);
}

TEST(RenderChart, ReplacesAnExistingChartAtomically) {
    const brink::test_support::TempDir scratch("brink-render-replace");
    const auto& dir = scratch.path();
    std::string png = (dir / "chart.png").string();
    render_chart("plot x\n", png, ChartFormat::Png);
    auto first = slurp(png);
    render_chart("plot sin(x) lw 3\n", png, ChartFormat::Png);
    EXPECT_NE(slurp(png), first);
    EXPECT_EQ(count_files(dir), 1U);
}

}  // namespace
}  // namespace brink::plots
