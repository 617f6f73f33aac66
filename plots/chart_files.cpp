// Drawing a folder's charts into DIR/charts/ (plots/chart_files.hpp).
#include "chart_files.hpp"

#include "brink/io/atomic_file.hpp"

#include <exception>
#include <filesystem>
#include <system_error>

namespace brink::plots {

namespace fs = std::filesystem;

DrawnCharts draw_chart_files(const std::string& dir, const std::string& what, ChartFormat format,
                             const RenderOptions& options,
                             const std::function<std::vector<ChartFile>()>& scripts) {
    DrawnCharts drawn;
    if (!gnuplot_available(options)) {
        drawn.pending.push_back(what + " charts not drawn: " + gnuplot_missing_message);
        return drawn;
    }
    const std::vector<ChartFile> charts = scripts();
    const fs::path charts_dir = fs::path(dir) / "charts";
    std::error_code error;
    fs::create_directories(charts_dir, error);
    if (error) {
        drawn.pending.push_back("cannot create " + charts_dir.string() + ": " + error.message());
        return drawn;
    }
    // A run killed while rendering left NAME.tmp-<pid>-<n> behind; clear them before drawing again.
    io::remove_stale_temporaries(charts_dir, io::k_chart_temporary_names);
    for (const ChartFile& chart : charts) {
        const fs::path path = charts_dir / (chart.stem + "." + to_string(format));
        RenderOptions sized = options;
        if (chart.height_px > 0) {
            sized.height_px = chart.height_px;
        }
        try {
            render_chart(chart.script, path.string(), format, sized);
            drawn.written.push_back(path.string());
        } catch (const std::exception& failure) {
            drawn.pending.push_back(chart.stem + ": " + failure.what());
        }
    }
    return drawn;
}

}  // namespace brink::plots
