// The charts of a score directory (include/brink/plots/score_charts.hpp; docs/charts.md, "Scores").
// Written as gnuplot script directly: a reliability diagram and a dot chart with horizontal interval bars
// are neither of the primitives' shapes.
#include "brink/plots/score_charts.hpp"
#include "chart_files.hpp"

#include "brink/io/atomic_file.hpp"
#include "brink/plots/primitives.hpp"

#include "run_files.hpp"
#include "script_utils.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <numeric>
#include <sstream>

namespace brink::plots {
namespace fs = std::filesystem;
namespace {

using detail::format_fixed;
using detail::script_number;

// Colours of the observed outcome (the style file's first two: Okabe & Ito vermilion and blue).
constexpr const char* k_war_colour = "#D55E00";
constexpr const char* k_no_war_colour = "#0072B2";
// Rows of the case chart: pixels per case and for the title, axis and key around them.
constexpr int k_row_px = 22;
constexpr int k_frame_px = 190;

struct CaseRow {
    std::string name;
    double p_war = 0.0;
    double lo = 0.0;
    double hi = 0.0;
    int observed_war = 0;
    int observed_violence = 1;
};

std::vector<CaseRow> read_cases(const std::string& dir) {
    const auto table = detail::read_csv(detail::join_path(dir, "score.csv"));
    const std::size_t name = table.column("case");
    const std::size_t p_war = table.column("p_war");
    const std::size_t lo = table.column("p_war_lo");
    const std::size_t hi = table.column("p_war_hi");
    const std::size_t war = table.column("observed_war");
    const std::size_t violence = table.column("observed_max_violence");
    std::vector<CaseRow> rows;
    for (const auto& row : table.rows) {
        CaseRow entry;
        entry.name = row[name];
        entry.p_war = detail::parse_number(row[p_war], table, "p_war").value_or(std::nan(""));
        entry.lo = detail::parse_number(row[lo], table, "p_war_lo").value_or(entry.p_war);
        entry.hi = detail::parse_number(row[hi], table, "p_war_hi").value_or(entry.p_war);
        entry.observed_war =
            static_cast<int>(detail::parse_number(row[war], table, "observed_war").value_or(0));
        entry.observed_violence =
            static_cast<int>(detail::parse_number(row[violence], table, "observed_max_violence").value_or(1));
        if (std::isfinite(entry.p_war)) {
            rows.push_back(entry);
        }
    }
    return rows;
}

double json_or_nan(const nlohmann::json& value) {
    return value.is_number() ? value.get<double>() : std::nan("");
}

std::string reliability_script(const nlohmann::json& score, std::size_t cases) {
    std::ostringstream script;
    script << style_preamble();
    const double base_rate = json_or_nan(score.at("scores").at("base_rate").at("p_war"));
    const auto& bins = score.at("reliability");
    script << "set title "
           << gnuplot_quote("Reliability of the forecast P(war): " + std::to_string(cases) + " cases in " +
                            std::to_string(bins.size()) + " bins")
           << "\n";
    script << "set xlabel " << gnuplot_quote("forecast P(war), mean of the cases in the bin") << "\n";
    script << "set ylabel " << gnuplot_quote("observed frequency of war") << "\n";
    script << "set xrange [0:1]\nset yrange [0:1.12]\nset xtics 0,0.2,1\nset ytics 0,0.2,1\n";
    // Square plot with room beside it: the key goes there, never over a point.
    script << "set key outside right top vertical\nset size ratio -1\n";
    // Bin edges, so that a reader sees which forecasts each point pools.
    for (std::size_t b = 1; b < bins.size(); ++b) {
        script << "set arrow from " << script_number(json_or_nan(bins[b].at("low"))) << ", graph 0 to "
               << script_number(json_or_nan(bins[b].at("low")))
               << ", graph 1 nohead back lc rgb \"#c0c0c0\" dt 3\n";
    }
    script << "$bins << EOD\n";
    bool any = false;
    for (const auto& bin : bins) {
        const int n = bin.at("cases").get<int>();
        if (n == 0) {
            continue;
        }
        any = true;
        script << script_number(json_or_nan(bin.at("mean_forecast"))) << " "
               << script_number(json_or_nan(bin.at("observed_frequency"))) << " "
               << script_number(json_or_nan(bin.at("observed_lo"))) << " "
               << script_number(json_or_nan(bin.at("observed_hi"))) << " "
               << gnuplot_quote("n = " + std::to_string(n)) << "\n";
    }
    script << "EOD\n";
    script << "plot x with lines lt 8 lw 1.5 title " << gnuplot_quote("perfect reliability");
    if (std::isfinite(base_rate)) {
        script << ", " << script_number(base_rate) << " with lines lt 7 lw 1.5 title "
               << gnuplot_quote("base rate of the cases (" + format_fixed(base_rate, 2) + ")");
    }
    if (any) {
        script << ", $bins using 1:2:3:4 with yerrorbars lt 2 dt 1 lw 1.5 pt 7 ps 1.6 title "
               << gnuplot_quote("observed share of war, Wilson 95% interval")
               << ", $bins using 1:4:5 with labels offset 0,0.9 notitle";
    }
    script << "\n";
    return script.str();
}

std::string cases_script(std::vector<CaseRow> rows, const nlohmann::json& score) {
    // Highest forecast at the top: row 0 is drawn at the bottom.
    std::stable_sort(rows.begin(), rows.end(),
                     [](const CaseRow& a, const CaseRow& b) { return a.p_war < b.p_war; });
    std::ostringstream script;
    script << style_preamble();
    const int runs = score.at("runs_per_case").get<int>();
    script << "set title "
           << gnuplot_quote("Forecast P(war) per case (" + std::to_string(runs) +
                            " runs each, Wilson 95% interval), sorted; marker: what happened")
           << "\n";
    script << "set xlabel " << gnuplot_quote("forecast P(war)") << "\n";
    script << "set xrange [-0.02:1.02]\nset xtics 0,0.1,1\n";
    script << "set yrange [-0.8:" << script_number(static_cast<double>(rows.size()) - 0.2) << "]\n";
    std::vector<NamedTic> tics;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        tics.emplace_back(static_cast<double>(i),
                          rows[i].name + " (" + std::to_string(rows[i].observed_violence) + ")");
    }
    script << detail::named_tics_command("y", tics) << "\n";
    // The lowest forecasts are at the bottom left: the bottom right is free for the key.
    script << "set grid xtics ytics\nset key inside bottom right vertical\n";
    script << "set lmargin 30\n";
    const double base_rate = json_or_nan(score.at("scores").at("base_rate").at("p_war"));
    if (std::isfinite(base_rate)) {
        script << "set arrow from " << script_number(base_rate) << ", graph 0 to " << script_number(base_rate)
               << ", graph 1 nohead back lt 7 lw 1.5 dt 2\n";
    }
    for (int war = 1; war >= 0; --war) {
        script << (war == 1 ? "$war" : "$peace") << " << EOD\n";
        for (std::size_t i = 0; i < rows.size(); ++i) {
            if (rows[i].observed_war == war) {
                script << script_number(rows[i].p_war) << " " << i << " " << script_number(rows[i].lo) << " "
                       << script_number(rows[i].hi) << "\n";
            }
        }
        script << "EOD\n";
    }
    script << "plot $war using 1:2:3:4 with xerrorbars lc rgb \"" << k_war_colour
           << "\" dt 1 lw 1.5 pt 7 ps 1.4 title " << gnuplot_quote("observed: war (ICB sevvio 4)")
           << ", $peace using 1:2:3:4 with xerrorbars lc rgb \"" << k_no_war_colour
           << "\" dt 1 lw 1.5 pt 6 ps 1.4 title " << gnuplot_quote("observed: no war (sevvio in brackets)");
    if (std::isfinite(base_rate)) {
        script << ", NaN with lines lt 7 lw 1.5 dt 2 title "
               << gnuplot_quote("base rate (" + format_fixed(base_rate, 2) + ")");
    }
    script << "\n";
    return script.str();
}

}  // namespace

std::vector<ScoreChart> score_chart_scripts(const std::string& dir) {
    try {
        const nlohmann::json score = detail::read_json(detail::join_path(dir, "score.json"));
        const std::vector<CaseRow> rows = read_cases(dir);
        const int height = std::max(700, k_frame_px + k_row_px * static_cast<int>(rows.size()));
        return {{"reliability", reliability_script(score, rows.size()), 800},
                {"cases", cases_script(rows, score), height}};
    } catch (const io::CsvError& error) {
        throw PlotError(error.what());
    } catch (const nlohmann::json::exception& error) {
        throw PlotError(dir + "/score.json: " + error.what());
    }
}

DrawnCharts draw_score_charts(const std::string& dir, ChartFormat format, const RenderOptions& options) {
    return draw_chart_files(dir, "score", format, options, [&] {
        std::vector<ChartFile> files;
        for (const ScoreChart& chart : score_chart_scripts(dir)) {
            files.push_back({chart.stem, chart.script, chart.height_px});
        }
        return files;
    });
}

}  // namespace brink::plots
