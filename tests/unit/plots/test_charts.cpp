// Tests of include/brink/plots/charts.hpp: the charts of a run and of an ensemble drawn from the fixture
// run directories (tests/unit/plots/data, which follow docs/outputs.md), golden scripts, and the report.
#include "brink/plots/charts.hpp"

#include "plots_test_support.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <regex>
#include <sstream>

namespace brink::plots {
namespace {

using testing::expect_golden;
using testing::expect_valid_chart;
using testing::fixture_dir;
using testing::ScratchRun;
using testing::slurp;

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

PlotOptions without_gnuplot() {
    PlotOptions options;
    options.render.gnuplot_command = "/nonexistent/brink-test/gnuplot";
    return options;
}

TEST(DetectRunDir, TellsASingleRunFromAnEnsembleAndRejectsOtherDirectories) {
    EXPECT_EQ(detect_run_dir(fixture_dir("single")), RunDirKind::SingleRun);
    EXPECT_EQ(detect_run_dir(fixture_dir("ensemble")), RunDirKind::Ensemble);
    EXPECT_EQ(detect_run_dir(fixture_dir("sweep_grid")), RunDirKind::Sweep);
    EXPECT_THROW(detect_run_dir(fixture_dir("")), PlotError);
    EXPECT_THROW(detect_run_dir("/nonexistent/brink-run"), PlotError);
}

TEST(ChartsFor, DrawsTheDocumentedChartsForEachKindOfDirectory) {
    std::vector<std::string> single;
    for (ChartKind kind : charts_for(RunDirKind::SingleRun)) {
        single.push_back(chart_file_stem(kind));
    }
    std::vector<std::string> ensemble;
    for (ChartKind kind : charts_for(RunDirKind::Ensemble)) {
        ensemble.push_back(chart_file_stem(kind));
    }
    EXPECT_EQ(single, (std::vector<std::string>{"escalation", "positions", "events", "relations"}));
    EXPECT_EQ(ensemble, (std::vector<std::string>{"escalation_bands", "outcomes", "war_cdf"}));
}

TEST(ChartScript, EscalationMatchesGolden) {
    expect_golden(chart_script(fixture_dir("single"), ChartKind::Escalation), "escalation");
}

TEST(ChartScript, RelationsMatchesGolden) {
    expect_golden(chart_script(fixture_dir("single"), ChartKind::Relations), "relations");
}

TEST(ChartScript, EventsMatchesGolden) {
    expect_golden(chart_script(fixture_dir("single"), ChartKind::Events), "events");
}

TEST(ChartScript, OutcomesMatchesGolden) {
    expect_golden(chart_script(fixture_dir("ensemble"), ChartKind::Outcomes), "outcomes");
}

TEST(ChartScript, EscalationNamesTheRungsAndMarksTheOutcomeDate) {
    std::string script = chart_script(fixture_dir("single"), ChartKind::Escalation);
    EXPECT_TRUE(contains(script, "\"Normal relations\" 0")) << script;
    EXPECT_TRUE(contains(script, "\"War\" 9"));
    EXPECT_TRUE(contains(script, "war, 11 Apr 2030"));  // day 41.3 from 2030-03-01
    EXPECT_TRUE(contains(script, "title \"Arcadian League\""));
}

TEST(ChartScript, PositionsHasOnePanelPerIssueWithTheIssueEndsAsLabels) {
    std::string script = chart_script(fixture_dir("single"), ChartKind::Positions);
    EXPECT_TRUE(contains(script, "set title \"Rail corridor to the coast\""));
    EXPECT_TRUE(contains(script, "set title \"Foreign naval basing\""));
    EXPECT_TRUE(contains(script, "no foreign fleet (0)"));
    // Carpathia (the fourth actor) holds no position on basing: a line in the corridor panel only ...
    EXPECT_TRUE(contains(script, "$p0s3 << EOD"));
    EXPECT_FALSE(contains(script, "$p1s3 << EOD"));
    // ... and one shared legend names every actor once, in the actor's style.
    EXPECT_TRUE(contains(script, "keyentry with lines lt 4 title \"Carpathia\"")) << script;
    EXPECT_EQ(script.find("title \"Carpathia\""), script.rfind("title \"Carpathia\""));
}

TEST(ChartScript, EventsColourMarksByGoldsteinAndShapeThemBySign) {
    std::string script = chart_script(fixture_dir("single"), ChartKind::Events);
    EXPECT_TRUE(contains(script, "set cbrange [-10:10]"));
    EXPECT_TRUE(contains(script, "lc palette"));
    EXPECT_TRUE(contains(script, "title \"conflict (< 0)\""));
    EXPECT_TRUE(contains(script, "title \"cooperation (> 0)\""));
    EXPECT_TRUE(contains(script, "title \"neutral (0)\""));
    // Key events are labelled; their descriptions are shortened to fit.
    EXPECT_TRUE(contains(script, "set label \"Borduria invades Syldavia\""));
    EXPECT_TRUE(contains(script, "every key event since the start labelled")) << script;
    // The fixture scripts three events before the start date: they get the history panel.
    EXPECT_TRUE(contains(script, "left: 3 scripted history events before the start")) << script;
    // An event with no actor (the positions round) gets its own row, named for what it holds.
    EXPECT_TRUE(contains(script, "\"whole crisis\\n(all actors)\"")) << script;
    EXPECT_FALSE(contains(script, "(no actor)"));
}

TEST(ChartScript, EventRowsNameActorsWithLongNamesOnTwoLines) {
    // A long name is wrapped onto two lines rather than replaced by the id, so that every row reads the same
    // way ("NATO's eastern members" / "(joined after 1997)" next to "Romania"); a name too long for two lines
    // of 22 characters is shortened: rows are named as a reader knows the actors, never by the files' ids.
    ScratchRun run("single", "long-names");
    std::string summary = slurp(run.path() + "/summary.json");
    const auto rename = [&](const std::string& from, const std::string& to) {
        const std::size_t at = summary.find("\"name\": \"" + from + "\"");
        ASSERT_NE(at, std::string::npos) << from;
        summary.replace(at, from.size() + 10, "\"name\": \"" + to + "\"");
    };
    rename("Syldavia", "Kingdom of Syldavia (Ottokar IV)");
    rename("Borduria", "People's Republic of Borduria under the Marshal's provisional government");
    std::ofstream(run.path() + "/summary.json") << summary;
    const std::string script = chart_script(run.path(), ChartKind::Events);
    EXPECT_TRUE(contains(script, "\"Kingdom of Syldavia\\n(Ottokar IV)\"")) << script;
    EXPECT_TRUE(contains(script, "\"People's Republic of\\nBorduria under t...\"")) << script;
    EXPECT_FALSE(contains(script, "\"borduria\"")) << script;
    EXPECT_FALSE(contains(script, "\"syldavia\" ")) << script;
}

TEST(ChartScript, EventLabelsNeverShareALaneAndTheChartSaysHowManyAreLabelled) {
    // Thirty key events of one actor at the same moment: labels cannot sit side by side, so only one
    // fits on each line of the lane above the row and of the lane below (three lines each in the
    // fixture's tall rows); the others are left out and the chart says so.
    ScratchRun run("single", "crowded-events");
    std::string events = "time,date,seq,type,source,target,issue,value,cameo,goldstein,key,description\n";
    for (int i = 0; i < 30; ++i) {
        events += "5,2030-03-06," + std::to_string(i) + ",threat,borduria,syldavia,,,130,-" +
                  std::to_string(i % 10) + ",1,Threat number " + std::to_string(i) + "\n";
    }
    std::ofstream(run.path() + "/events.csv") << events;
    std::string script = chart_script(run.path(), ChartKind::Events);
    EXPECT_TRUE(contains(script, "labelled: 6 of 30 key events since the start")) << script;
    // The largest |Goldstein weight| comes first: 9 (events 9, 19, 29), then 8 (events 8, 18, 28).
    for (const char* label : {"9", "19", "29", "8", "18", "28"}) {
        EXPECT_TRUE(contains(script, "set label \"Threat number " + std::string(label) + "\"")) << label;
    }
    EXPECT_FALSE(contains(script, "set label \"Threat number 7\""));
    EXPECT_FALSE(contains(script, "# history panel")) << "no event before the start";
}

TEST(ChartScript, RelationsAreSquarePanelsLabelledWithActorNames) {
    std::string script = chart_script(fixture_dir("single"), ChartKind::Relations);
    std::smatch margins;
    ASSERT_TRUE(
        std::regex_search(script, margins,
                          std::regex("set lmargin at screen ([0-9.]+)\nset rmargin at screen ([0-9.]+)\n"
                                     "set bmargin at screen ([0-9.]+)\nset tmargin at screen ([0-9.]+)")));
    const double width_px = (std::stod(margins[2].str()) - std::stod(margins[1].str())) * 1200.0;
    const double height_px = (std::stod(margins[4].str()) - std::stod(margins[3].str())) * 700.0;
    EXPECT_NEAR(width_px, height_px, 1.0) << "margins are rounded to 1e-4 of the canvas";
    EXPECT_TRUE(contains(script, "\"Arcadian League\" 2")) << script;
    EXPECT_TRUE(contains(script, "towards (column actor)"));
    EXPECT_TRUE(contains(script, "from (row actor)"));
}

TEST(ChartScript, EnsembleWarCdfStepsUpAtEachWarAndStatesTheWilsonInterval) {
    std::string script = chart_script(fixture_dir("ensemble"), ChartKind::WarCdf);
    // 22 wars in 40 runs: 0.55, Wilson 95% [0.40, 0.69].
    EXPECT_TRUE(contains(script, "= 0.55 [0.40, 0.69]")) << script;
    EXPECT_TRUE(contains(script, " 0.55 ")) << "the curve ends at 22/40";
}

TEST(ChartScript, EscalationBandsDrawTheChosenActorsOnly) {
    PlotOptions options;
    options.band_actors = {"carpathia"};
    std::string script = chart_script(fixture_dir("ensemble"), ChartKind::EscalationBands, options);
    EXPECT_TRUE(contains(script, "set title \"Carpathia\""));
    EXPECT_FALSE(contains(script, "set title \"Borduria\""));
    options.band_actors = {"atlantis"};
    EXPECT_THROW(chart_script(fixture_dir("ensemble"), ChartKind::EscalationBands, options), PlotError);
}

TEST(ChartScript, EscalationBandsDrawRunsThatEndedInWarApartFromTheOthersWithTheirCounts) {
    const std::string script = chart_script(fixture_dir("ensemble"), ChartKind::EscalationBands);
    // runs.csv: 22 wars and 18 other outcomes (9 settlements, 3 capitulations, 6 standoffs).
    EXPECT_TRUE(contains(script, "title \"war (n = 22): median\"")) << script;
    EXPECT_TRUE(contains(script, "title \"no war (n = 18): median\"")) << script;
    EXPECT_TRUE(contains(script, "title \"war: 10-90% of runs\""));
    EXPECT_TRUE(contains(script, "Escalation of 40 runs by outcome, each until its crisis ended"));
}

TEST(ChartScript, EscalationBandsEndAGroupsLineWhenFewerThanATenthOfItsRunsAreLeft) {
    ScratchRun run("ensemble", "bands-thin");
    // Syldavia's no-war rows: 18 runs on days 0-9, then 1 run (fewer than 2, a tenth of 18) from day 10 on.
    std::ofstream bands(run.path() + "/bands.csv");
    bands << "day,date,outcome,actor,runs,q10,q50,q90\n";
    for (int day = 0; day < 20; ++day) {
        bands << day << ",2030-03-" << (day < 9 ? "0" : "") << day + 1 << ",no_war,syldavia,"
              << (day < 10 ? 18 : 1) << ",1,2,3\n";
    }
    bands.close();
    PlotOptions options;
    options.band_actors = {"syldavia"};
    const std::string script = chart_script(run.path(), ChartKind::EscalationBands, options);
    // Day 9 (2030-03-10, 1899331200 s) is drawn; day 10 (2030-03-11, 1899417600 s) is not.
    EXPECT_TRUE(contains(script, "1899331200 2 1 3")) << script;
    EXPECT_FALSE(contains(script, "1899417600 2 1 3")) << script;
}

TEST(ChartScript, EscalationBandsOfAnEnsembleWithoutBandsCsvDrawEveryRunTogetherAndSaySo) {
    ScratchRun run("ensemble", "bands-missing");
    std::filesystem::remove(run.path() + "/bands.csv");
    PlotOptions options;
    options.band_actors = {"borduria"};
    const std::string script = chart_script(run.path(), ChartKind::EscalationBands, options);
    // One group of all 40 runs, from quantiles.csv's rung rows, and a title that says why.
    EXPECT_TRUE(contains(script, "title \"all runs (n = 40): median\"")) << script;
    EXPECT_FALSE(contains(script, "title \"war (n = 22): median\"")) << script;
    EXPECT_TRUE(contains(script, "war and no war together (this ensemble has no bands.csv)")) << script;
    std::ifstream quantiles(run.path() + "/quantiles.csv");
    std::string line;
    std::string day0;
    while (std::getline(quantiles, line)) {
        if (line.rfind("0,", 0) == 0 && contains(line, ",borduria,rung,")) {
            day0 = line;
        }
    }
    ASSERT_FALSE(day0.empty());
    // Day 0's rung median and band of quantiles.csv (q10, q50, q90) are the chart's first point, drawn as
    // x q50 q10 q90.
    const auto fields = [](const std::string& text) {
        std::vector<std::string> out;
        std::stringstream stream(text);
        for (std::string field; std::getline(stream, field, ',');) {
            out.push_back(field);
        }
        return out;
    };
    const std::vector<std::string> q = fields(day0);
    EXPECT_TRUE(contains(script, " " + q[5] + " " + q[4] + " " + q[6] + "\n")) << script;
    options.band_actors = {"atlantis"};
    try {
        chart_script(run.path(), ChartKind::EscalationBands, options);
        FAIL() << "expected a PlotError";
    } catch (const PlotError& error) {
        EXPECT_TRUE(contains(error.what(), "quantiles.csv: no rung quantiles for actor 'atlantis'"))
            << error.what();
    }
}

TEST(ChartScript, WarCdfAxisFitsTheDataAndLabelsTheHighestValue) {
    const std::string script = chart_script(fixture_dir("ensemble"), ChartKind::WarCdf);
    // 22 of 40: the curve ends at 0.55, its interval at 0.69; 0.69 x 1.1 rounded up to 0.05 is 0.8.
    EXPECT_TRUE(contains(script, "set yrange [0:0.8]")) << script;
    EXPECT_TRUE(contains(script, "highest: 0.55 (22 of 40 runs)")) << script;
    EXPECT_TRUE(contains(script, "set arrow from graph 0, first 0.55 to graph 1, first 0.55"));
}

// Rewrites each line of a scratch ensemble's runs.csv in place with `edit`.
void edit_runs(const ScratchRun& run, const std::function<void(std::string&)>& edit) {
    std::ifstream in(run.path() + "/runs.csv");
    std::ostringstream out;
    for (std::string line; std::getline(in, line);) {
        edit(line);
        out << line << "\n";
    }
    in.close();
    std::ofstream(run.path() + "/runs.csv") << out.str();
}

TEST(ChartScript, WarCdfOfARareWarIsNotSqueezedIntoTheBottomOfAZeroToOneAxis) {
    ScratchRun run("ensemble", "rare-war");
    // Keep 2 of the 22 wars: 2 of 40 = 0.05, Wilson interval up to 0.165; 0.165 x 1.1 rounds up to 0.19.
    int wars = 0;
    edit_runs(run, [&wars](std::string& line) {
        if (line.find(",war,") != std::string::npos && ++wars > 2) {
            line.replace(line.find(",war,"), 5, ",standoff,");
        }
    });
    const std::string script = chart_script(run.path(), ChartKind::WarCdf);
    EXPECT_TRUE(contains(script, "set yrange [0:0.19]")) << script;
    EXPECT_TRUE(contains(script, "highest: 0.05 (2 of 40 runs)"));
}

TEST(ChartScript, WarCdfCountsOnlyTheRunsThatFinishedAsSummaryJsonDoes) {
    ScratchRun run("ensemble", "failed-runs");
    // Two runs that did not end in war become failed runs (no outcome): P(war by the horizon) is over 38.
    int failed = 0;
    edit_runs(run, [&failed](std::string& line) {
        std::size_t at = line.find(",standoff,");
        if (at == std::string::npos) {
            at = line.find(",settlement,");
        }
        if (at != std::string::npos && failed < 2) {
            ++failed;
            line.replace(at, line.find(',', at + 1) - at + 1, ",,");
        }
    });
    ASSERT_EQ(failed, 2);
    const std::string script = chart_script(run.path(), ChartKind::WarCdf);
    EXPECT_TRUE(contains(script, "of 38 runs)")) << script;
}

TEST(ChartScript, MarksDrawObservedDatesOnTheTimeCharts) {
    PlotOptions options;
    options.marks = {*parse_date_mark("2030-03-20=ultimatum"), *parse_date_mark("2030-04-02")};
    // 2030-03-20 is day 21993 since 1970-01-01: 1900195200 s.
    for (ChartKind kind : {ChartKind::WarCdf, ChartKind::EscalationBands}) {
        const std::string script = chart_script(fixture_dir("ensemble"), kind, options);
        EXPECT_TRUE(contains(script, "set arrow from 1900195200, graph 0 to 1900195200, graph 1")) << script;
        EXPECT_TRUE(contains(script, "set label \"ultimatum\" at 1900195200")) << script;
        EXPECT_TRUE(contains(script, "set label \"2 Apr 2030\"")) << "an unlabelled mark shows its date";
    }
    const std::string escalation = chart_script(fixture_dir("single"), ChartKind::Escalation, options);
    EXPECT_TRUE(contains(escalation, "set label \"ultimatum\""));
}

TEST(ParseDateMark, ReadsADateWithAnOptionalLabelAndRejectsAnythingElse) {
    const auto mark = parse_date_mark("2022-02-24=Russia invades = war");
    ASSERT_TRUE(mark);
    EXPECT_EQ(mark->day, 19047);  // 2022-02-24
    EXPECT_EQ(mark->label, "Russia invades = war");
    ASSERT_TRUE(parse_date_mark("2022-02-24"));
    EXPECT_EQ(parse_date_mark("2022-02-24")->label, "");
    for (const char* bad : {"2022-02-30", "2022-2-24", "24/02/2022", "", "=label", "2022-02-24x"}) {
        EXPECT_FALSE(parse_date_mark(bad)) << bad;
    }
}

TEST(ChartScript, AMarkOnAScenarioWithoutAStartDateIsUnplaceable) {
    ScratchRun run("ensemble", "mark-no-date");
    std::string summary = slurp(run.path() + "/summary.json");
    summary.replace(summary.find("\"start_date\": \"2030-03-01\""), 26, "\"start_date\": \"\"");
    std::ofstream(run.path() + "/summary.json") << summary;
    PlotOptions options;
    options.marks = {*parse_date_mark("2030-03-20")};
    EXPECT_THROW(chart_script(run.path(), ChartKind::WarCdf, options), UnplaceableMark);
    EXPECT_THROW(check_date_marks(run.path(), options), UnplaceableMark);
    EXPECT_NO_THROW(check_date_marks(fixture_dir("ensemble"), options));
    EXPECT_NO_THROW(chart_script(run.path(), ChartKind::WarCdf)) << "no marks, nothing to place";
}

TEST(ChartScript, EscalationMarksTheEndOfAWarFoughtAfterItsFirstShot) {
    ScratchRun run("single", "war-end");
    std::string summary = slurp(run.path() + "/summary.json");
    const std::string anchor = "\"outcome\": {";
    summary.replace(summary.find(anchor), anchor.size(),
                    anchor + "\"war\": {\"start\": 41.3, \"end\": 55.5, \"how\": \"ceasefire\"}, ");
    std::ofstream(run.path() + "/summary.json") << summary;
    const std::string script = chart_script(run.path(), ChartKind::Escalation);
    EXPECT_TRUE(contains(script, "war, 11 Apr 2030")) << script;
    EXPECT_TRUE(contains(script, "war ends (ceasefire), 25 Apr 2030")) << script;  // day 55.5
}

TEST(ChartScript, WithoutAStartDateTheTimeAxisCountsDays) {
    ScratchRun run("single", "no-date");
    std::string summary = slurp(run.path() + "/summary.json");
    summary.replace(summary.find("\"start_date\": \"2030-03-01\""), 26, "\"start_date\": \"\"");
    std::ofstream(run.path() + "/summary.json") << summary;
    std::string script = chart_script(run.path(), ChartKind::Escalation);
    EXPECT_TRUE(contains(script, "time (days from the start of the crisis)"));
    EXPECT_FALSE(contains(script, "2030"));
    EXPECT_TRUE(contains(script, "war, day 41.3"));
}

TEST(ChartScript, MalformedFilesAreReportedWithTheFileName) {
    ScratchRun run("single", "bad-csv");
    std::ofstream(run.path() + "/trajectory.csv")
        << "time,date,actor,metric,value\n1,2030-03-02,borduria,rung,high\n";
    try {
        chart_script(run.path(), ChartKind::Escalation);
        FAIL() << "a malformed number must be reported";
    } catch (const PlotError& error) {
        EXPECT_TRUE(contains(error.what(), "trajectory.csv")) << error.what();
        EXPECT_TRUE(contains(error.what(), "'high'")) << error.what();
    }
    std::ofstream(run.path() + "/trajectory.csv") << "time,actor,value\n1,borduria,2\n";
    EXPECT_THROW(chart_script(run.path(), ChartKind::Escalation), PlotError);
}

class PlotRunDir : public ::testing::TestWithParam<std::tuple<std::string, ChartFormat>> {};

TEST_P(PlotRunDir, WritesEveryChartAsAValidNonTrivialFile) {
    const auto& [fixture, format] = GetParam();
    ScratchRun run(fixture, fixture + "-" + to_string(format));
    std::vector<std::string> written = plot_run_dir(run.path(), format);
    auto expected = charts_for(detect_run_dir(run.path()));
    ASSERT_EQ(written.size(), expected.size());
    for (std::size_t i = 0; i < written.size(); ++i) {
        EXPECT_EQ(written[i],
                  run.path() + "/charts/" + chart_file_stem(expected[i]) + "." + to_string(format));
        expect_valid_chart(written[i], format);
    }
    // Nothing but the charts: no temporary files left in charts/.
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(run.path() + "/charts")) {
        ++files;
    }
    EXPECT_EQ(files, expected.size());
}

INSTANTIATE_TEST_SUITE_P(FixturesAndFormats, PlotRunDir,
                         ::testing::Combine(::testing::Values("single", "ensemble"),
                                            ::testing::Values(ChartFormat::Png, ChartFormat::Svg,
                                                              ChartFormat::Pdf)),
                         [](const auto& test_info) {
                             return std::get<0>(test_info.param) + "_" +
                                    to_string(std::get<1>(test_info.param));
                         });

TEST(PlotRunDir, DrawsEveryChartWithoutGnuplotWarnings) {
    for (const char* fixture : {"single", "ensemble"}) {
        for (ChartKind kind : charts_for(detect_run_dir(fixture_dir(fixture)))) {
            const brink::test_support::TempDir scratch("brink-charts-warnings");
            std::string path = (scratch.path() / "chart.png").string();
            std::string warnings =
                render_chart(chart_script(fixture_dir(fixture), kind), path, ChartFormat::Png);
            EXPECT_EQ(warnings, "") << chart_file_stem(kind);
        }
    }
}

TEST(PlotRunDir, WithoutGnuplotThrowsTheDocumentedExceptionAndWritesNothing) {
    ScratchRun run("single", "no-gnuplot");
    try {
        plot_run_dir(run.path(), ChartFormat::Png, without_gnuplot());
        FAIL() << "GnuplotMissing expected";
    } catch (const GnuplotMissing& error) {
        EXPECT_STREQ(error.what(), "gnuplot not found: install it with `sudo apt-get install gnuplot-nox`");
    }
    EXPECT_FALSE(std::filesystem::exists(run.path() + "/charts"));
}

TEST(PlotRunDir, BadInputWritesNothing) {
    ScratchRun run("single", "bad-summary");
    std::ofstream(run.path() + "/summary.json") << "{ not json";
    EXPECT_THROW(plot_run_dir(run.path(), ChartFormat::Png), PlotError);
    EXPECT_FALSE(std::filesystem::exists(run.path() + "/charts"));
}

// Every src= and href= attribute value of an HTML page.
std::vector<std::string> link_targets(const std::string& html) {
    std::vector<std::string> targets;
    std::regex attribute(R"((?:src|href)\s*=\s*["']([^"']*)["'])", std::regex::icase);
    for (auto it = std::sregex_iterator(html.begin(), html.end(), attribute); it != std::sregex_iterator();
         ++it) {
        targets.push_back((*it)[1].str());
    }
    return targets;
}

TEST(WriteReport, SingleRunPageHasEverySectionInlineSvgAndNoExternalReference) {
    ScratchRun run("single", "report");
    write_report(run.path());
    std::string html = slurp(run.path() + "/report.html");
    for (const char* section : {"id=\"outcome\"", "id=\"charts\"", "id=\"scenario\"", "id=\"key-events\"",
                                "id=\"reproduce\"", "<h3>Actors</h3>", "<h3>Demands</h3>"}) {
        EXPECT_TRUE(contains(html, section)) << section;
    }
    std::size_t svgs = 0;
    for (std::size_t at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at + 1)) {
        ++svgs;
    }
    EXPECT_EQ(svgs, 4U);
    EXPECT_FALSE(contains(html, "<?xml")) << "inline SVG carries no XML prologue";
    for (const auto& target : link_targets(html)) {
        EXPECT_NE(target.rfind("http://", 0), 0U) << target;
        EXPECT_NE(target.rfind("https://", 0), 0U) << target;
        EXPECT_NE(target.rfind("//", 0), 0U) << target;
    }
    EXPECT_FALSE(contains(html, "<script"));
    EXPECT_FALSE(contains(html, "<link"));
    // The facts of the run.
    EXPECT_TRUE(contains(html, "brink run tests/unit/plots/data/gulf.yaml --seed 17 --out single"));
    EXPECT_TRUE(contains(html, "<td>0.1.0</td>"));
    EXPECT_TRUE(contains(html, "<td>seed</td><td>17</td>"));
    EXPECT_TRUE(contains(html, "Borduria halts gas deliveries to Syldavia"));
    EXPECT_TRUE(contains(html, "corridor closed to Syldavia"));
    EXPECT_TRUE(contains(html, "<td>Syldavia, Arcadian League</td>")) << "demand targets by name";
    // Text from the files is escaped.
    EXPECT_TRUE(contains(html, "agree to &quot;keep talking&quot;"));
    // Each chart's ids are prefixed, so that the SVGs do not clash in one document.
    EXPECT_TRUE(contains(html, "id='c0_gpPt0'") || contains(html, "id=\"c0_gpPt0\""));
    EXPECT_TRUE(contains(html, "id='c3_gpPt0'") || contains(html, "id=\"c3_gpPt0\""));
}

std::size_t count_of(const std::string& text, const std::string& part) {
    std::size_t count = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
        ++count;
    }
    return count;
}

// Issue 16: "day 35.972781548251085" and history rows repeated once per target, in about 150 rows.
TEST(WriteReport, RoundsDaysToADecimalAndMergesRowsTheLogRepeatsForSeveralTargets) {
    ScratchRun run("single", "report-rounding");
    std::ofstream(run.path() + "/events.csv", std::ios::app)
        << "35.972781548251085,2030-04-05,25,demand,borduria,syldavia,basing,0,100,-5,1,"
           "Borduria demands that the fleet leave\n"
        << "35.972781548251085,2030-04-05,26,demand,borduria,arcadia,basing,0,100,-5,1,"
           "Borduria demands that the fleet leave\n";
    write_report(run.path(), without_gnuplot());
    const std::string html = slurp(run.path() + "/report.html");
    EXPECT_TRUE(contains(html, "2030-04-05 (day 36)")) << html;
    EXPECT_TRUE(contains(html, "(day 41.3)"));
    EXPECT_FALSE(contains(html, "35.97"));
    EXPECT_FALSE(std::regex_search(html, std::regex(R"(day -?[0-9]+\.[0-9]{2,})"))) << "one decimal at most";
    // One row for both targets, in the key events and in the whole log: twice, not four times.
    EXPECT_EQ(count_of(html, "Borduria demands that the fleet leave"), 2U);
    EXPECT_TRUE(contains(html, "<td>Borduria → Syldavia, Arcadian League</td>")) << html;
    // The counts stay those of the log (as the command's summary and the events chart count).
    EXPECT_TRUE(contains(html,
                         "The whole event log: 27 events (events.csv); 26 rows: an event to several "
                         "targets is one row"))
        << html;
}

TEST(WriteReport, SaysInTheScenariosWordsWhereAConcessionLeftAnIssueAndNamesActorsNotIds) {
    ScratchRun run("single", "report-words");
    write_report(run.path(), without_gnuplot());
    const std::string html = slurp(run.path() + "/report.html");
    EXPECT_TRUE(contains(html,
                         "Syldavia offers shared corridor control; position now Rail corridor to the coast "
                         "at 0.45 (0 = corridor open to all)"))
        << html;
    // The demands: the issue's words, not "corridor" and "1".
    EXPECT_TRUE(contains(html, "<td>Rail corridor to the coast at 1 (1 = corridor closed to Syldavia)</td>"));
    EXPECT_TRUE(contains(html, "<td>Foreign naval basing at 0 (0 = no foreign fleet)</td>"));
    // A round of bargaining in words (the fixture's has no value: its own description stays).
    EXPECT_TRUE(contains(html, "<td>bargaining round</td><td>Positions updated</td>")) << html;
    // Event types in words, actors by name.
    EXPECT_TRUE(contains(html, "<td>asks for support</td>"));
    EXPECT_FALSE(contains(html, "request_support"));
    // Ids only in the actors table's last column, which maps them to names.
    EXPECT_EQ(count_of(html, "<td>borduria</td>"), 1U);
    EXPECT_TRUE(contains(html, "<tr><td>Borduria</td><td>state</td><td>borduria</td></tr>")) << html;
    // The history before the start and the whole log are folded away.
    EXPECT_TRUE(
        contains(html, "<summary>Before the start date: 3 events of the scenario&#39;s history</summary>"))
        << html;
    EXPECT_TRUE(contains(html, "<summary>The whole event log: 25 events"));
}

TEST(WriteReport, ARoundOfBargainingSaysWhereTheMiddleGroundIsNotTheWeightedMedian) {
    ScratchRun run("single", "report-bdm");
    std::ofstream(run.path() + "/events.csv", std::ios::app)
        << "42,2030-04-12,25,bdm_round,,,corridor,0.2,,0,0,Positions on Rail corridor to the coast shift "
           "(weighted median 0.20)\n";
    write_report(run.path(), without_gnuplot());
    const std::string html = slurp(run.path() + "/report.html");
    EXPECT_TRUE(contains(html,
                         "<td>bargaining round</td><td>Positions shift in a round of bargaining among all "
                         "actors; their middle ground is now Rail corridor to the coast at 0.2 (0 = "
                         "corridor open to all)</td>"))
        << html;
    EXPECT_FALSE(contains(html, "weighted median"));
}

TEST(WriteReport, FoldsALongListOfKeyEventsBehindTheTurnsOfTheCrisis) {
    ScratchRun run("single", "report-long");
    {
        std::ofstream events(run.path() + "/events.csv", std::ios::app);
        for (int i = 0; i < 40; ++i) {
            events << "42." << i << ",2030-04-11," << 25 + i << ",support,carpathia,borduria,,,051,3.5,1,"
                   << "Carpathia repeats its support: number " << i << "\n";
        }
    }
    write_report(run.path(), without_gnuplot());
    const std::string html = slurp(run.path() + "/report.html");
    const std::size_t folded = html.find("<summary>All 47 key events from the start date</summary>");
    ASSERT_NE(folded, std::string::npos) << html;
    // The open table holds the turns of the crisis (the concession and the war), not the forty declarations
    // of support.
    const std::string open_table =
        html.substr(html.find("id=\"key-events\""), folded - html.find("id=\"key-events\""));
    EXPECT_TRUE(contains(open_table, "Borduria invades Syldavia"));
    EXPECT_FALSE(contains(open_table, "Carpathia repeats its support")) << open_table;
    EXPECT_TRUE(contains(open_table, "(2 of 47 key events; all of them are listed below)")) << open_table;
}

TEST(WriteReport, WithAnEmptyEventLogTheKeyEventsComeFromTheSummary) {
    ScratchRun run("single", "report-no-log");
    std::ofstream(run.path() + "/events.csv", std::ios::trunc)
        << "time,date,seq,type,source,target,issue,value,cameo,goldstein,key,description\n";
    write_report(run.path(), without_gnuplot());
    const std::string html = slurp(run.path() + "/report.html");
    EXPECT_TRUE(contains(html, "<td>asks for support</td><td>Borduria asks Carpathia for backing</td>"))
        << html;
    EXPECT_FALSE(contains(html, "The whole event log"));
}

TEST(WriteReport, EveryChartHasAHowToReadParagraph) {
    for (const char* fixture : {"single", "ensemble"}) {
        ScratchRun run(fixture, std::string("report-howto-") + fixture);
        write_report(run.path());
        const std::string html = slurp(run.path() + "/report.html");
        if (gnuplot_available()) {
            EXPECT_EQ(count_of(html, "<strong>How to read this chart.</strong>"), count_of(html, "<figure "))
                << fixture;
            EXPECT_GE(count_of(html, "<figure "), 3U) << fixture;
        }
    }
}

TEST(WriteReport, EnsemblePageTabulatesOutcomesWithTheWilsonInterval) {
    ScratchRun run("ensemble", "report");
    write_report(run.path());
    std::string html = slurp(run.path() + "/report.html");
    EXPECT_TRUE(contains(html, "<td>war</td><td>22</td><td>55.0%</td><td>[39.8%, 69.3%]</td>"))
        << html.substr(0, 3000);
    EXPECT_TRUE(contains(html, "P(war) = 0.550"));
    EXPECT_TRUE(contains(html, "<td>Borduria</td><td>Syldavia</td><td>22</td>")) << html.substr(0, 3000);
    std::size_t svgs = 0;
    for (std::size_t at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at + 1)) {
        ++svgs;
    }
    EXPECT_EQ(svgs, 3U);
}

TEST(WriteReport, EnsemblePageSaysWhatSomeRunsNeverReachedAndInHowManyRuns) {
    ScratchRun run("ensemble", "report-not-reached");
    std::string summary = slurp(run.path() + "/summary.json");
    const std::size_t end = summary.rfind('}');
    ASSERT_NE(end, std::string::npos);
    summary.insert(end, R"(, "not_reached": [{"id": "events[3]", "day": 50.04, "date": "2030-04-20",
        "type": "meeting", "source": "arcadia", "description": "League summit in Klow", "runs": 7}])");
    std::ofstream(run.path() + "/summary.json", std::ios::trunc) << summary;
    write_report(run.path(), without_gnuplot());
    const std::string html = slurp(run.path() + "/report.html");
    EXPECT_TRUE(contains(html, "Some runs ended before 1 thing the scenario scheduled"));
    EXPECT_TRUE(
        contains(html, "<li>League summit in Klow (2030-04-20 (day 50), never reached in 7 of 40 runs)</li>"))
        << html;
}

TEST(WriteReport, SweepPageTabulatesPointsAndSobolIndicesAndDrawsTheSweepsCharts) {
    ScratchRun run("sweep_sobol", "report-sweep");
    write_report(run.path());
    std::string html = slurp(run.path() + "/report.html");
    EXPECT_TRUE(contains(html, "<h1>brink report: sweep sobol_fixture</h1>"));
    EXPECT_TRUE(contains(html, "<section id=\"points\">")) << html.substr(0, 3000);
    EXPECT_TRUE(contains(html, "<th>p_war_lo</th>"));
    EXPECT_TRUE(contains(html, "<td>p_war</td><td>model.rationality</td>")) << html.substr(0, 3000);
    // Numbers for people: three decimals at most (the files keep every digit), days one.
    EXPECT_FALSE(std::regex_search(html, std::regex(R"(<td>-?[0-9]+\.[0-9]{4,}</td>)")))
        << html.substr(0, 3000);
    EXPECT_FALSE(contains(html, "<summary>All ")) << "16 points stay open";
    // A design of many points is folded behind its summary line (the charts show the points).
    {
        std::ofstream points(run.path() + "/points.csv", std::ios::app);
        for (int point = 16; point < 40; ++point) {
            points << point << ",0.6,11,2,1,0.34238022750665303,1,0,7.652615969210055,9,0\n";
        }
    }
    write_report(run.path());
    EXPECT_TRUE(
        contains(slurp(run.path() + "/report.html"), "<summary>All 40 points (points.csv)</summary>"));
    if (gnuplot_available()) {
        EXPECT_TRUE(contains(html, "<figure id=\"chart-sobol_mean_peak_rung\">"));
        EXPECT_TRUE(contains(html, "<svg"));
    }
    EXPECT_FALSE(contains(html, "src=\"http"));
}

TEST(WriteReport, ClearsAKilledRunsTemporaryAndLeavesNoneOfItsOwn) {
    // 4194999 is above Linux's largest pid (4194304), so no live process owns the stale temporary.
    ScratchRun run("single", "report-stale");
    const std::filesystem::path dir = run.path();
    std::ofstream(dir / "report.html.tmp-4194999") << "<html>half a report";
    write_report(run.path(), without_gnuplot());
    EXPECT_TRUE(std::filesystem::exists(dir / "report.html"));
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        EXPECT_EQ(entry.path().filename().string().find("report.html.tmp-"), std::string::npos)
            << entry.path();
    }
}

TEST(WriteReport, WithoutGnuplotTheReportIsWrittenAndSaysHowToInstallIt) {
    ScratchRun run("single", "report-no-gnuplot");
    write_report(run.path(), without_gnuplot());
    std::string html = slurp(run.path() + "/report.html");
    EXPECT_TRUE(contains(html, "sudo apt-get install gnuplot-nox"));
    EXPECT_FALSE(contains(html, "<svg"));
    EXPECT_TRUE(contains(html, "id=\"key-events\""));
}

}  // namespace
}  // namespace brink::plots
