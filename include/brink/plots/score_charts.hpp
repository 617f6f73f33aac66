// brink plots: the charts of `brink score`, drawn from its output files (score.csv, score.json;
// docs/outputs.md) as the other charts are drawn from theirs (docs/charts.md, "Scores"): a reliability
// diagram of P(war) and a per-case dot chart of P(war) sorted by the forecast, the observed outcome marked.
#pragma once

#include "brink/plots/render.hpp"
#include "brink/plots/sweep_charts.hpp"

#include <string>
#include <vector>

namespace brink::plots {

/// One chart of a score directory.
struct ScoreChart {
    std::string stem;    ///< File name without extension: reliability, cases.
    std::string script;  ///< The gnuplot script, without terminal and output lines.
    int height_px = 0;   ///< Canvas height the chart needs (the case chart grows with the cases); 0: default.
};

/// The charts of a score directory. Throws PlotError when score.csv or score.json is missing or malformed.
std::vector<ScoreChart> score_chart_scripts(const std::string& dir);

/// Draws every chart of a score directory into DIR/charts/<stem>.<format>, each on its own (as
/// draw_sweep_charts: failures and a missing gnuplot are listed in `pending`). Throws PlotError when the
/// files are missing or malformed.
DrawnCharts draw_score_charts(const std::string& dir, ChartFormat format, const RenderOptions& options = {});

}  // namespace brink::plots
