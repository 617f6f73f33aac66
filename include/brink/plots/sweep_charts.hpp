// brink plots: the charts of a sweep, drawn from the files in its output directory (docs/outputs.md:
// sweep.json, points.csv, sobol.csv) as the run and ensemble charts are drawn from theirs. The sweep ring
// computes and writes those files; it draws nothing (docs/charts.md, "A sweep").
#pragma once

#include "brink/plots/render.hpp"

#include <string>
#include <vector>

namespace brink::plots {

/// One chart of a sweep directory.
struct SweepChart {
    std::string stem;    ///< File name without extension: p_war_heatmap, p_war_line, sobol_<metric>.
    std::string script;  ///< The gnuplot script, without terminal and output lines.
};

/// The charts of a sweep directory: the P(war) heatmap of a grid over two parameters, or P(war) with its
/// Wilson band over one; the Sobol first-order and total indices per metric of a Sobol design (none for other
/// designs). Throws PlotError when sweep.json, points.csv or sobol.csv is missing or malformed.
std::vector<SweepChart> sweep_chart_scripts(const std::string& dir);

/// What draw_sweep_charts did.
struct DrawnCharts {
    std::vector<std::string> written;  ///< Paths of the charts drawn.
    std::vector<std::string> pending;  ///< Charts not drawn, each with the reason ("<stem>: <error>").
};

/// Draws every chart of a sweep directory into DIR/charts/<stem>.<format>, each on its own: a chart gnuplot
/// fails on is listed in `pending` and the others are still drawn; without gnuplot nothing is drawn and
/// `pending` says why. Throws PlotError when the sweep's files are missing or malformed.
DrawnCharts draw_sweep_charts(const std::string& dir, ChartFormat format, const RenderOptions& options = {});

}  // namespace brink::plots
