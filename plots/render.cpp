// Rendering: gnuplot runs through gnuplot-iostream's pipe; the chart script goes to a temporary file that
// gnuplot loads, so that a gnuplot that stops on an error can never kill us with SIGPIPE mid-write.
#include "brink/plots/render.hpp"

#include "brink/plots/primitives.hpp"

#include "run_files.hpp"

#include <gnuplot-iostream.h>
#include <pthread.h>
#include <unistd.h>

#include <csignal>
#include <ctime>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace brink::plots {

namespace {

// gnuplot prints this (to stderr) as its last command: seeing it proves the whole script ran.
constexpr const char* k_done_token = "brink-render-done";

std::string shell_quote(const std::string& text) {
    std::string quoted = "'";
    for (char c : text) {
        if (c == '\'') {
            quoted += "'\\''";
        } else {
            quoted.push_back(c);
        }
    }
    return quoted + "'";
}

std::string unique_suffix() {
    static std::atomic<unsigned> counter{0};
    return ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter.fetch_add(1));
}

bool is_executable(const std::filesystem::path& path) {
    std::error_code error;
    return std::filesystem::is_regular_file(path, error) && ::access(path.c_str(), X_OK) == 0;
}

}  // namespace

GnuplotMissing::GnuplotMissing() : std::runtime_error(gnuplot_missing_message) {}

const char* to_string(ChartFormat format) {
    switch (format) {
        case ChartFormat::Png:
            return "png";
        case ChartFormat::Svg:
            return "svg";
        case ChartFormat::Pdf:
            return "pdf";
    }
    return "png";
}

std::optional<ChartFormat> parse_chart_format(std::string_view text) {
    if (text == "png") {
        return ChartFormat::Png;
    }
    if (text == "svg") {
        return ChartFormat::Svg;
    }
    if (text == "pdf") {
        return ChartFormat::Pdf;
    }
    return std::nullopt;
}

std::string resolve_gnuplot_command(const RenderOptions& options) {
    if (!options.gnuplot_command.empty()) {
        return options.gnuplot_command;
    }
    if (const char* from_env = std::getenv("BRINK_GNUPLOT"); from_env != nullptr && from_env[0] != '\0') {
        return from_env;
    }
    return "gnuplot";
}

bool gnuplot_available(const RenderOptions& options) {
    std::string command = resolve_gnuplot_command(options);
    if (command.find('/') != std::string::npos) {
        return is_executable(command);
    }
    const char* path_env = std::getenv("PATH");
    std::string path_list = path_env != nullptr ? path_env : "";
    std::size_t start = 0;
    while (start <= path_list.size()) {
        std::size_t end = path_list.find(':', start);
        if (end == std::string::npos) {
            end = path_list.size();
        }
        std::string directory = path_list.substr(start, end - start);
        if (!directory.empty() && is_executable(std::filesystem::path(directory) / command)) {
            return true;
        }
        start = end + 1;
    }
    return false;
}

std::string terminal_command(ChartFormat format, const RenderOptions& options) {
    std::string size;
    switch (format) {
        case ChartFormat::Png:
            size = std::to_string(options.width_px) + "," + std::to_string(options.height_px);
            return "set terminal pngcairo size " + size +
                   " font \"DejaVu Sans,11\" noenhanced background rgb \"white\" linewidth 1";
        case ChartFormat::Svg:
            size = std::to_string(options.width_px) + "," + std::to_string(options.height_px);
            return "set terminal svg size " + size +
                   " font \"DejaVu Sans,11\" noenhanced background rgb \"white\" linewidth 1";
        case ChartFormat::Pdf:
            // pdfcairo sizes are in inches; 100 px per inch keeps the PNG's proportions. An 11 pt font on a
            // 1200 px PNG is an 8 pt font on a 12 in page: the font scale 8/11 shrinks the base font and
            // every explicit size in the scripts (",9" labels, ",13" titles) alike, so that layouts computed
            // for the PNG hold in the PDF. Lines: pdfcairo's line width unit is half a point, so a style's
            // lw 2.5 at linewidth 1.4 is 1.75 pt, about 0.2% of the page's width as 2.5 px is of the PNG's;
            // at linewidth 0.7 they were hair-thin once the page was scaled into a document.
            size = detail::script_number(options.width_px / 100.0) + "in," +
                   detail::script_number(options.height_px / 100.0) + "in";
            return "set terminal pdfcairo size " + size +
                   " font \"DejaVu Sans,11\" fontscale 0.7273 noenhanced linewidth 1.4 pointscale 0.75";
    }
    return "";
}

std::string render_chart(const std::string& script, const std::string& output_path, ChartFormat format,
                         const RenderOptions& options) {
    if (!gnuplot_available(options)) {
        throw GnuplotMissing();
    }
    std::string suffix = unique_suffix();
    std::string temporary_output = output_path + suffix;
    std::string script_path = output_path + suffix + ".gp";
    std::string error_path = output_path + suffix + ".err";
    auto cleanup = [&] {
        std::error_code ignored;
        std::filesystem::remove(script_path, ignored);
        std::filesystem::remove(error_path, ignored);
        std::filesystem::remove(temporary_output, ignored);
    };
    {
        std::ofstream out(script_path, std::ios::binary);
        out << script << '\n';
        if (!out) {
            cleanup();
            throw PlotError(output_path + ": cannot write a temporary file next to it");
        }
    }
    // If gnuplot dies before reading its commands, writing to the pipe raises SIGPIPE, which would end the
    // whole program: block it in this thread while writing, then discard any that is pending.
    sigset_t pipe_signal;
    sigset_t previous_mask;
    sigemptyset(&pipe_signal);
    sigaddset(&pipe_signal, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe_signal, &previous_mask);
    {
        // -d: ignore the user's ~/.gnuplot so that charts look the same on every machine.
        Gnuplot gnuplot(shell_quote(resolve_gnuplot_command(options)) + " -d 2>" + shell_quote(error_path));
        gnuplot << terminal_command(format, options) << "\n"
                << "set output " << gnuplot_quote(temporary_output) << "\n"
                << "load " << gnuplot_quote(script_path) << "\n"
                << "unset output\n"
                << "print \"" << k_done_token << "\"\n"
                << "exit status 0\n";  // errors are read from the messages; a clean exit keeps pclose quiet
    }                                  // the destructor closes the pipe and waits for gnuplot to finish
    const timespec no_wait{0, 0};
    while (sigtimedwait(&pipe_signal, nullptr, &no_wait) == SIGPIPE) {
    }
    pthread_sigmask(SIG_SETMASK, &previous_mask, nullptr);
    std::string messages;
    {
        std::ifstream in(error_path, std::ios::binary);
        std::ostringstream buffer;
        buffer << in.rdbuf();
        messages = buffer.str();
    }
    std::size_t token = messages.find(k_done_token);
    bool completed = token != std::string::npos;
    if (completed) {
        messages.erase(token);
    }
    // A piped gnuplot carries on after an error, so errors are found in its messages: every message names
    // `"file" line N:`, and only warnings say "warning:".
    std::istringstream lines(messages);
    for (std::string line; std::getline(lines, line);) {
        if (line.find("\" line ") != std::string::npos && line.find("warning:") == std::string::npos) {
            completed = false;
        }
    }
    std::error_code error;
    auto size = std::filesystem::file_size(temporary_output, error);
    if (!completed || error || size == 0) {
        cleanup();
        throw PlotError(output_path + ": gnuplot could not draw the chart: " +
                        (messages.empty() ? std::string("no output") : messages));
    }
    std::filesystem::rename(temporary_output, output_path, error);
    if (error) {
        cleanup();
        throw PlotError(output_path + ": cannot rename the finished chart into place: " + error.message());
    }
    cleanup();
    return messages;
}

}  // namespace brink::plots
