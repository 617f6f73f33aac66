// brink plots (private): drawing a folder's charts into DIR/charts/ (sweep and score folders): the gnuplot
// check, the charts folder, its stale temporaries, then each chart rendered on its own, a failure recorded
// as pending without stopping the others.
#pragma once

#include "brink/plots/sweep_charts.hpp"

#include <functional>
#include <string>
#include <vector>

namespace brink::plots {

/// One chart to draw: its file stem, its gnuplot script and the canvas height it needs (0: the default).
struct ChartFile {
    std::string stem;
    std::string script;
    int height_px = 0;
};

/// Draws the charts `scripts()` returns (called only once gnuplot is known to be there) into DIR/charts/ in
/// `format`. `what` names the folder's kind in the message when gnuplot is missing ("sweep", "score").
DrawnCharts draw_chart_files(const std::string& dir, const std::string& what, ChartFormat format,
                             const RenderOptions& options,
                             const std::function<std::vector<ChartFile>()>& scripts);

}  // namespace brink::plots
