// The events chart of one run directory: one row per actor, marks coloured by Goldstein weight, key events
// labelled in the free lanes between rows (docs/charts.md).
#include "chart_data.hpp"
#include "script_utils.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

namespace brink::plots::detail {

namespace {

struct EventMark {
    double x = 0.0;       // axis units (days)
    double time = 0.0;    // run time (days)
    std::size_t row = 0;  // actor row
    double goldstein = 0.0;
    bool key = false;
    std::string label;
    double y = 0.0;  // after dodging
};

// At most this many key events are labelled: beyond a dozen, labels crowd a 1200-pixel chart and a
// reader can no longer tie a label to its mark. The report lists every key event.
constexpr std::size_t k_most_event_labels = 12;

// Nominal text metrics of the 9 pt label font, in pixels of the nominal canvas.
constexpr double k_label_char_px = 6.3;
constexpr double k_label_height_px = 12.0;

// Writes the three data blocks (conflict, neutral, cooperation) of some marks, named with `prefix`, and
// returns the plot clauses that draw them (filled mark in the palette colour, dark outline on top).
std::string event_mark_plot(std::ostringstream& script, const std::vector<const EventMark*>& marks,
                            const std::string& prefix, double to_plot_x) {
    std::ostringstream data[3];
    for (const auto* mark : marks) {
        int group = mark->goldstein < 0.0 ? 0 : (mark->goldstein > 0.0 ? 2 : 1);
        data[group] << script_number(mark->x * to_plot_x) << " " << format_fixed(mark->y, 4) << " "
                    << script_number(mark->goldstein) << "\n";
    }
    struct Shape {
        const char* name;
        int filled;
        int open;
    };
    // Shape encodes the sign as well as colour, so that cooperation and conflict differ in greyscale.
    // The legend (events_script) uses the same open shapes: 10, 4, 6.
    const Shape shapes[] = {{"conflict", 11, 10}, {"neutral", 5, 4}, {"cooperation", 7, 6}};
    std::string clauses;
    for (int group = 0; group < 3; ++group) {
        // Every group is written, even when empty, so that the legend always explains all three shapes.
        const auto& shape = shapes[group];
        const std::string block = "$" + prefix + shape.name;
        script << block << " << EOD\n" << data[group].str();
        if (data[group].str().empty()) {
            script << "NaN NaN NaN\n";
        }
        script << "EOD\n";
        clauses += std::string(clauses.empty() ? "" : ", \\\n     ") + block +
                   " using 1:2:3 with points pt " + std::to_string(shape.filled) +
                   " ps brink_mark_size lc palette notitle, \\\n     " + block +
                   " using 1:2 with points pt " + std::to_string(shape.open) +
                   " ps brink_mark_size lw 1 lc rgb \"#303030\" " + "notitle";
    }
    return clauses;
}

// events.csv as marks: one per timed event, on the row of its source (else its target; rows past the actors
// hold events without one).
std::vector<EventMark> read_marks(const std::string& dir, SummaryInfo& summary, const TimeAxis& axis,
                                  bool& any_without_actor) {
    auto table = detail::read_csv(detail::join_path(dir, "events.csv"));
    std::size_t time_column = table.column("time");
    std::size_t source_column = table.column("source");
    std::size_t target_column = table.column("target");
    std::size_t goldstein_column = table.column("goldstein");
    std::size_t key_column = table.column("key");
    std::size_t description_column = table.column("description");
    std::size_t type_column = table.column("type");
    std::vector<EventMark> marks;
    any_without_actor = false;
    for (const auto& row : table.rows) {
        auto time = detail::parse_number(row[time_column], table, "time");
        if (!time) {
            continue;
        }
        auto goldstein = detail::parse_number(row[goldstein_column], table, "goldstein");
        EventMark mark;
        mark.time = *time;
        mark.x = axis.at(*time);
        mark.goldstein = std::clamp(goldstein.value_or(0.0), -10.0, 10.0);
        mark.key = row[key_column] == "1";
        std::string description =
            row[description_column].empty() ? row[type_column] : row[description_column];
        mark.label = detail::shorten(description, 34);
        const std::string& actor = !row[source_column].empty() ? row[source_column] : row[target_column];
        if (actor.empty()) {
            any_without_actor = true;
            mark.row = std::numeric_limits<std::size_t>::max();
        } else {
            mark.row = summary.actor_index(actor);
        }
        marks.push_back(std::move(mark));
    }
    return marks;
}

// Row names: the actor's name, on two lines of at most 22 characters when it is long and the rows have room
// for two lines (up to 10 actors), else shortened: a reader knows actors by name, not by the files' ids. The
// row of events without an actor says what they are: events of the crisis as a whole (a settlement or a
// standoff, a round of bargaining among all actors).
std::vector<std::string> row_names_of(const SummaryInfo& summary, bool any_without_actor,
                                      std::vector<EventMark>& marks) {
    std::vector<std::string> row_names;
    const std::size_t max_lines = summary.actors.size() <= 10 ? 2 : 1;
    constexpr std::size_t k_width = 22;
    for (const auto& actor : summary.actors) {
        std::string wrapped = detail::wrap_text(actor.name, k_width);
        const auto lines = static_cast<std::size_t>(std::count(wrapped.begin(), wrapped.end(), '\n')) + 1;
        if (detail::text_width(wrapped) > k_width || lines > max_lines) {
            wrapped = max_lines == 2
                          ? detail::wrap_text(detail::shorten(actor.name, 2 * k_width - 4), k_width)
                          : detail::shorten(actor.name, k_width);
            if (detail::text_width(wrapped) > k_width ||
                static_cast<std::size_t>(std::count(wrapped.begin(), wrapped.end(), '\n')) + 1 > max_lines) {
                wrapped = detail::shorten(actor.name, k_width);
            }
        }
        row_names.push_back(wrapped);
    }
    if (any_without_actor) {
        row_names.push_back(max_lines == 2 ? "whole crisis\n(all actors)" : "whole crisis");
        for (auto& mark : marks) {
            mark.row = std::min(mark.row, row_names.size() - 1);
        }
    }
    return row_names;
}

// Where everything goes: names on the left, the history panel (if any), the main panel, the colour box on
// the right; title, subtitle and the legend of the shapes above. Scripted history before the start date gets
// a narrow panel of its own on the left, so that months of history do not squeeze the simulated weeks into a
// corner.
struct EventsLayout {
    std::size_t rows = 1;
    std::size_t history_count = 0;
    bool history_panel = false;
    double x_low = 0.0;
    double x_high = 1.0;
    double history_x_low = 0.0;
    double history_x_high = 0.0;
    detail::ScreenBox box;
    detail::ScreenBox history_box;
    bool date_axis = false;
    double to_plot_x = 1.0;
    double plot_px = 0.0;
    double y_low = -0.8;
    double y_high = 0.0;
    double row_px = 0.0;
    double days_per_px = 0.0;
    double history_days_per_px = 0.0;

    /// Row 0 (the first actor) at the top.
    double row_y(std::size_t row) const { return static_cast<double>(rows - 1 - row); }
};

// The x extents of the main panel (from the start) and the history panel (before it).
void place_time(EventsLayout& layout, const std::vector<EventMark>& marks, const SummaryInfo& summary,
                const TimeAxis& axis) {
    double history_low = 0.0;
    double main_high = 1.0;
    for (const auto& mark : marks) {
        if (mark.time < 0.0) {
            ++layout.history_count;
            history_low = std::min(history_low, mark.time);
        } else {
            main_high = std::max(main_high, mark.time);
        }
    }
    const auto& outcome = summary.raw.value("outcome", nlohmann::json::object());
    if (outcome.is_object() && outcome.contains("time") && outcome["time"].is_number()) {
        main_high = std::max(main_high, outcome["time"].get<double>());
    }
    layout.history_panel = layout.history_count > 0;
    const double main_pad = main_high * 0.02;
    layout.x_low = axis.at(0.0) - main_pad;
    layout.x_high = axis.at(main_high) + main_pad;
    const double history_pad = (0.0 - history_low) * 0.06 + 0.5;
    layout.history_x_low = axis.at(history_low) - history_pad;
    layout.history_x_high = axis.at(0.0) - 0.25;
}

EventsLayout layout_of(const std::vector<EventMark>& marks, const std::vector<std::string>& row_names,
                       const SummaryInfo& summary, const TimeAxis& axis) {
    EventsLayout layout;
    layout.rows = std::max<std::size_t>(1, row_names.size());
    place_time(layout, marks, summary, axis);
    std::size_t name_width = 6;
    for (const auto& name : row_names) {
        name_width = std::max(name_width, detail::text_width(name));
    }
    const double names_px = (static_cast<double>(name_width) * 1.1 + 2.0) * k_char_width * k_canvas_width;
    const double right_edge = 0.86;
    const double history_px = layout.history_panel ? 170.0 : 0.0;
    const double history_gap_px = layout.history_panel ? 18.0 : 0.0;
    layout.box.left = (names_px + history_px + history_gap_px) / k_canvas_width;
    layout.box.right = right_edge;
    layout.box.top = 1.0 - 5.0 * k_line_height;
    layout.box.bottom = 4.4 * k_line_height;
    layout.history_box = layout.box;
    layout.history_box.left = names_px / k_canvas_width;
    layout.history_box.right = (names_px + history_px) / k_canvas_width;
    layout.date_axis = axis.kind == AxisKind::Date;
    layout.to_plot_x = layout.date_axis ? detail::k_seconds_per_day : 1.0;
    layout.plot_px = (layout.box.right - layout.box.left) * k_canvas_width;
    layout.y_high = static_cast<double>(layout.rows) - 0.2;
    layout.row_px = (layout.box.top - layout.box.bottom) * k_canvas_height / (layout.y_high - layout.y_low);
    layout.days_per_px = (layout.x_high - layout.x_low) / layout.plot_px;
    layout.history_days_per_px = (layout.history_x_high - layout.history_x_low) / std::max(1.0, history_px);
    return layout;
}

constexpr double k_mark_half_px = 7.0;

// How far marks are moved off their row line (in pixels) when they crowd it.
double dodge_px(const EventsLayout& layout) {
    return std::clamp(layout.row_px / 2.0 - k_label_height_px / 2.0 - k_mark_half_px - 2.0, 0.0, 7.0);
}

// Marks of one row closer than 9 px are stacked just above and below the row line (one level each way): the
// half-rows between the rows stay free for the labels.
void dodge_marks(std::vector<EventMark>& marks, const EventsLayout& layout) {
    std::stable_sort(marks.begin(), marks.end(),
                     [](const auto& a, const auto& b) { return a.row != b.row ? a.row < b.row : a.x < b.x; });
    const double dodge = dodge_px(layout) / layout.row_px;
    int previous_level = 0;
    for (std::size_t i = 0; i < marks.size(); ++i) {
        int level = 0;
        const double per_px = marks[i].time < 0.0 ? layout.history_days_per_px : layout.days_per_px;
        if (i > 0 && marks[i - 1].row == marks[i].row && (marks[i].time < 0.0) == (marks[i - 1].time < 0.0) &&
            (marks[i].x - marks[i - 1].x) / per_px < 9.0) {
            level = previous_level == 0 ? 1 : (previous_level == 1 ? -1 : 0);
        }
        previous_level = level;
        marks[i].y = layout.row_y(marks[i].row) + dodge * level;
    }
}

// The key events since the start, most important first (largest |Goldstein weight|, then earliest).
std::vector<const EventMark*> key_marks_of(const std::vector<EventMark>& marks) {
    std::vector<const EventMark*> key_marks;
    for (const auto& mark : marks) {
        if (mark.key && mark.time >= 0.0) {
            key_marks.push_back(&mark);
        }
    }
    std::stable_sort(key_marks.begin(), key_marks.end(), [](const auto* a, const auto* b) {
        if (std::abs(a->goldstein) != std::abs(b->goldstein)) {
            return std::abs(a->goldstein) > std::abs(b->goldstein);
        }
        return a->time < b->time;
    });
    return key_marks;
}

// Places key-event labels greedily in the free lanes between rows (the lane above or below the event's row),
// left or right of their mark, never over another label or outside the panel; a thin leader joins label and
// mark. History events (left panel) are not labelled: the panel is too narrow.
class LabelPlacer {
  public:
    explicit LabelPlacer(const EventsLayout& layout) : m_layout(layout) {
        // A lane holds as many lines of labels as fit between the marks of the rows around it (at most 3).
        const double lane_free_px = layout.row_px - 2.0 * (k_mark_half_px + dodge_px(layout)) - 4.0;
        m_lane_lines = std::clamp(static_cast<int>(lane_free_px / k_line_px), 1, 3);
    }

    /// Places the label of one mark if it fits somewhere; lines nearest the event's row first, so that
    /// leaders stay short.
    bool place(const EventMark& mark) {
        const double mark_px = (mark.x - m_layout.x_low) / m_layout.days_per_px;
        const double width_px = static_cast<double>(detail::text_width(mark.label)) * k_label_char_px;
        const Candidate candidates[] = {{true, mark_px - 3.0, "left"},
                                        {false, mark_px - 3.0, "left"},
                                        {true, mark_px + 3.0 - width_px, "right"},
                                        {false, mark_px + 3.0 - width_px, "right"},
                                        {true, mark_px - width_px / 2.0, "center"},
                                        {false, mark_px - width_px / 2.0, "center"}};
        for (int distance = 0; distance < m_lane_lines; ++distance) {
            for (const auto& candidate : candidates) {
                if (try_place(mark, candidate, width_px, distance)) {
                    return true;
                }
            }
        }
        return false;
    }

    /// The arrows and labels placed so far.
    std::string commands() const { return m_commands.str(); }

  private:
    static constexpr double k_gap_px = 14.0;
    static constexpr double k_line_px = k_label_height_px + 2.0;

    struct Candidate {
        bool upwards;  // in the lane above the event's row
        double x0_px;
        const char* align;
    };
    struct PlacedLabel {
        std::size_t lane;  // lane k lies above row k (lane `rows` below the last row)
        int line;          // 0 is the top line of the lane
        double x0_px, x1_px;
    };

    bool try_place(const EventMark& mark, const Candidate& candidate, double width_px, int distance) {
        const std::size_t lane = candidate.upwards ? mark.row : mark.row + 1;
        const int line = candidate.upwards ? m_lane_lines - 1 - distance : distance;
        const double x0 = candidate.x0_px;
        const double x1 = candidate.x0_px + width_px;
        if (x0 < 0.0 || x1 > m_layout.plot_px) {
            return false;
        }
        const bool overlaps = std::any_of(m_placed.begin(), m_placed.end(), [&](const PlacedLabel& other) {
            return other.lane == lane && other.line == line && x0 < other.x1_px + k_gap_px &&
                   other.x0_px < x1 + k_gap_px;
        });
        if (overlaps) {
            return false;
        }
        m_placed.push_back({lane, line, x0, x1});
        write(mark, candidate, lane, line, x0, x1);
        return true;
    }

    void write(const EventMark& mark, const Candidate& candidate, std::size_t lane, int line, double x0,
               double x1) {
        const double row_px = m_layout.row_px;
        const double lane_y = static_cast<double>(m_layout.rows) - 0.5 - static_cast<double>(lane);
        const double label_y =
            lane_y +
            (static_cast<double>(m_lane_lines - 1) / 2.0 - static_cast<double>(line)) * k_line_px / row_px;
        const double text_edge =
            label_y + (candidate.upwards ? -1.0 : 1.0) * (k_label_height_px / 2.0) / row_px;
        const std::string x = script_number(mark.x * m_layout.to_plot_x);
        m_commands << "set arrow from " << x << ", " << format_fixed(mark.y, 4) << " to " << x << ", "
                   << format_fixed(text_edge, 4) << " nohead back lc rgb \"#808080\" lw 0.8\n";
        const double anchor_px = candidate.align[0] == 'l'   ? x0
                                 : candidate.align[0] == 'r' ? x1
                                                             : (x0 + x1) / 2.0;
        m_commands << "set label " << gnuplot_quote(mark.label) << " at "
                   << script_number((m_layout.x_low + anchor_px * m_layout.days_per_px) * m_layout.to_plot_x)
                   << ", " << format_fixed(label_y, 4) << " " << candidate.align
                   << " font \",9\" front textcolor rgb \"#202020\"\n";
    }

    const EventsLayout& m_layout;
    int m_lane_lines = 1;
    std::vector<PlacedLabel> m_placed;
    std::ostringstream m_commands;
};

std::string subtitle_of(std::size_t labelled, std::size_t key_marks, const EventsLayout& layout) {
    std::string subtitle;
    if (key_marks > 0) {
        subtitle = labelled == key_marks
                       ? "every key event since the start labelled"
                       : "labelled: " + std::to_string(labelled) + " of " + std::to_string(key_marks) +
                             " key events since the start, largest |Goldstein weight| first "
                             "(the report lists all)";
    }
    if (layout.history_panel) {
        subtitle += std::string(subtitle.empty() ? "" : "; ") +
                    "left: " + std::to_string(layout.history_count) +
                    " scripted history events before the start";
    }
    return subtitle;
}

// Title, subtitle and legend sit in the top margin, one above the other, clear of the data; then the colour
// scale and the rows.
void write_header(std::ostringstream& script, const SummaryInfo& summary, const std::string& subtitle,
                  const EventsLayout& layout, const std::vector<NamedTic>& y_tics) {
    script << "set multiplot\n";
    script << "set label 1000 " << gnuplot_quote(run_title("Events", summary)) << " at screen 0.5, screen "
           << format_fixed(1.0 - 1.1 * k_line_height, 4) << " center font \",13\"\n";
    if (!subtitle.empty()) {
        script << "set label 1001 " << gnuplot_quote(subtitle) << " at screen 0.5, screen "
               << format_fixed(1.0 - 2.3 * k_line_height, 4) << " center textcolor rgb \"#404040\"\n";
    }
    script << "eval brink_palette_diverging\nset cbrange [-10:10]\n";
    script << "set cblabel \"Goldstein weight (-10 conflict ... +10 cooperation)\"\n";
    script << "set cbtics 5 out nomirror\n";
    script << "set ylabel \"\"\n";
    script << "set grid noytics xtics\n";
    script << "set yrange [" << script_number(layout.y_low) << ":" << script_number(layout.y_high) << "]\n";
    script << detail::named_tics_command("y", y_tics);
}

// gnuplot's automatic steps crowd a narrow axis: at most about three tics, 1, 2 or 5 x 10^k apart.
double narrow_axis_step(double low, double high) {
    const double rough = (high - low) / 3.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(std::max(rough, 1e-9))));
    return rough <= magnitude         ? magnitude
           : rough <= 2.0 * magnitude ? 2.0 * magnitude
           : rough <= 5.0 * magnitude ? 5.0 * magnitude
                                      : 10.0 * magnitude;
}

void write_history_panel(std::ostringstream& script, const EventsLayout& layout,
                         const std::vector<const EventMark*>& history_marks, const std::string& row_lines,
                         const std::vector<NamedTic>& y_tics) {
    script << "# history panel: scripted events before the start date\n";
    script << detail::margin_commands(layout.history_box);
    script << "unset colorbox\nunset key\n";
    script << "set xlabel \"history\"\n";
    script << "set xrange [" << script_number(layout.history_x_low * layout.to_plot_x) << ":"
           << script_number(layout.history_x_high * layout.to_plot_x) << "]\n";
    if (layout.date_axis) {
        script << detail::named_tics_command(
            "x", detail::date_tics(layout.history_x_low, layout.history_x_high, 2));
    } else {
        script << "set xtics " << script_number(narrow_axis_step(layout.history_x_low, layout.history_x_high))
               << "\n";
    }
    script << row_lines;
    std::string clauses = event_mark_plot(script, history_marks, "history_", layout.to_plot_x);
    script << "plot " << clauses << "\n";
    script << "unset label\nunset arrow\n";
    script << "set format y \"\"\n";
    std::vector<NamedTic> blank = y_tics;
    for (auto& tic : blank) {
        tic.second.clear();
    }
    script << detail::named_tics_command("y", blank);
}

void write_main_panel(std::ostringstream& script, const EventsLayout& layout, const TimeAxis& axis,
                      const std::vector<const EventMark*>& main_marks, const std::string& row_lines,
                      const std::string& labels) {
    const detail::ScreenBox& box = layout.box;
    script << "# main panel: from the start date\n";
    script << detail::margin_commands(box);
    script << "set colorbox user origin screen 0.9, screen " << format_fixed(box.bottom, 4)
           << " size screen 0.018, screen " << format_fixed(box.top - box.bottom, 4) << "\n";
    script << "unset key\n";
    script << "set xlabel " << gnuplot_quote(axis.label) << "\n";
    script << "set xrange [" << script_number(layout.x_low * layout.to_plot_x) << ":"
           << script_number(layout.x_high * layout.to_plot_x) << "]\n";
    if (layout.date_axis) {
        const int most_tics = std::max(2, static_cast<int>(layout.plot_px / 95.0));
        script << detail::named_tics_command(
            "x", detail::date_tics(layout.x_low, layout.x_high, std::min(10, most_tics)));
    } else {
        script << "set xtics autofreq\n";
    }
    script << row_lines;
    const std::string start = script_number(axis.at(0.0) * layout.to_plot_x);
    script << "set arrow from " << start << ", graph 0 to " << start
           << ", graph 1 nohead back lc rgb \"#404040\" lw 1.2 dt 3\n";
    script << "set label \"start\" at " << start
           << ", graph 0 left offset 0.4,0.6 textcolor rgb \"#404040\"\n";
    script << labels;
    std::string clauses = event_mark_plot(script, main_marks, "", layout.to_plot_x);
    script << "plot " << clauses << "\n";
}

// The legend of the mark shapes is a plot of its own, one row across the top margin: a key attached to the
// main panel wraps into two rows when the terminal's text is wider than the panel allows.
void write_shape_legend(std::ostringstream& script) {
    script << "# legend of the mark shapes\n";
    detail::ScreenBox legend_box;
    legend_box.left = 0.1;
    legend_box.right = 0.9;
    legend_box.top = 1.0 - 2.9 * k_line_height;
    legend_box.bottom = 1.0 - 4.1 * k_line_height;
    script << detail::margin_commands(legend_box);
    script
        << "unset border\nunset xtics\nunset ytics\nunset grid\nunset arrow\nunset label\nunset colorbox\n";
    script << "set xlabel \"\"\nset xrange [0:1]\nset yrange [0:1]\n";
    script << "set key at graph 0.5, graph 0.5 center center horizontal maxcols 3 maxrows 1 Left reverse "
              "width 2\n";
    script << "plot -1 notitle, \\\n"
              "     keyentry with points pt 10 ps brink_mark_size lw 1 lc rgb \"#303030\" title \"conflict "
              "(< 0)\", \\\n"
              "     keyentry with points pt 4 ps brink_mark_size lw 1 lc rgb \"#303030\" title \"neutral "
              "(0)\", \\\n"
              "     keyentry with points pt 6 ps brink_mark_size lw 1 lc rgb \"#303030\" title \"cooperation "
              "(> 0)\"\n";
    script << "unset multiplot\n";
}

}  // namespace

std::string events_script(const std::string& dir) {
    SummaryInfo summary = detail::load_summary(dir);
    TimeAxis axis = time_axis(summary);
    bool any_without_actor = false;
    std::vector<EventMark> marks = read_marks(dir, summary, axis, any_without_actor);
    const std::vector<std::string> row_names = row_names_of(summary, any_without_actor, marks);
    const EventsLayout layout = layout_of(marks, row_names, summary, axis);
    dodge_marks(marks, layout);
    const std::vector<const EventMark*> key_marks = key_marks_of(marks);
    LabelPlacer placer(layout);
    std::size_t labelled = 0;
    for (const auto* mark : key_marks) {
        if (labelled == k_most_event_labels) {
            break;
        }
        if (placer.place(*mark)) {
            ++labelled;
        }
    }

    std::ostringstream script;
    script << style_preamble();
    script << "# events: one row per actor, marks coloured by Goldstein weight\n";
    // The svg terminal draws point symbols about 1.5 times as large as the cairo terminals do (a ps 10
    // circle: 90 px across in svg, 61 px in pngcairo), which would cover the labels laid out for the PNG.
    script << "brink_mark_size = (GPVAL_TERM eq \"svg\") ? 1.0 : 1.5\n";
    std::vector<NamedTic> y_tics;
    for (std::size_t r = 0; r < row_names.size(); ++r) {
        y_tics.emplace_back(layout.row_y(r), row_names[r]);
    }
    write_header(script, summary, subtitle_of(labelled, key_marks.size(), layout), layout, y_tics);
    // Row guide lines help the eye follow an actor across the chart.
    std::string row_lines;
    for (std::size_t r = 0; r < row_names.size(); ++r) {
        std::string y = script_number(layout.row_y(r));
        row_lines += "set arrow from graph 0, first " + y + " to graph 1, first " + y +
                     " nohead back lc rgb \"#d0d0d0\" lw 1\n";
    }
    std::vector<const EventMark*> history_marks;
    std::vector<const EventMark*> main_marks;
    for (const auto& mark : marks) {
        (mark.time < 0.0 ? history_marks : main_marks).push_back(&mark);
    }
    if (layout.history_panel) {
        write_history_panel(script, layout, history_marks, row_lines, y_tics);
    }
    write_main_panel(script, layout, axis, main_marks, row_lines, placer.commands());
    write_shape_legend(script);
    return script.str();
}

}  // namespace brink::plots::detail
