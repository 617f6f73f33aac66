// brink.json: the manifest of an output folder (docs/outputs.md, "The manifest").
#include "brink/io/manifest.hpp"

#include "brink/io/atomic_file.hpp"
#include "brink/io/summary_json.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <ctime>
#include <fstream>
#include <sstream>

namespace brink::io {
namespace fs = std::filesystem;

namespace {

constexpr std::array<const char*, 5> k_kind_names = {"run", "ensemble", "sweep", "score", "calibration"};

// The data files older brinks wrote (before brink.json), for folders without a manifest.
constexpr std::array<const char*, 14> k_known_data_files = {
    "trajectory.csv",   "events.csv",    "dyads.csv",      "summary.json", "runs.csv",
    "runs.csv.partial", "quantiles.csv", "bands.csv",      "points.csv",   "sobol.csv",
    "sweep.json",       "report.html",   "bdm_rounds.csv", "score.csv",
};
// Chart stems brink draws (docs/charts.md); sweeps add sobol_<metric>.
constexpr std::array<const char*, 11> k_known_chart_stems = {
    "escalation", "positions",     "events",     "relations",  "escalation_bands", "outcomes",
    "war_cdf",    "p_war_heatmap", "p_war_line", "p_war_bars", "p_war_lines",
};

bool is_known_chart(const fs::path& file) {
    const std::string extension = file.extension().string();
    if (extension != ".png" && extension != ".svg" && extension != ".pdf") {
        return false;
    }
    const std::string stem = file.stem().string();
    return stem.starts_with("sobol_") || std::find(k_known_chart_stems.begin(), k_known_chart_stems.end(),
                                                   stem) != k_known_chart_stems.end();
}

bool exists_file(const fs::path& path) {
    std::error_code error;
    return fs::is_regular_file(path, error);
}

std::string quoted_list(const std::vector<std::string>& names) {
    std::string text;
    for (std::size_t i = 0; i < names.size(); ++i) {
        text += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
    }
    return text;
}

// The files of brink's names in a folder of an older brink.
std::vector<std::string> legacy_files(const fs::path& dir) {
    std::vector<std::string> files;
    for (const char* name : k_known_data_files) {
        if (exists_file(dir / name)) {
            files.emplace_back(name);
        }
    }
    std::error_code error;
    if (fs::is_directory(dir / "charts", error)) {
        std::vector<std::string> charts;
        for (const auto& entry : fs::directory_iterator(dir / "charts", error)) {
            if (entry.is_regular_file() && is_known_chart(entry.path())) {
                charts.push_back("charts/" + entry.path().filename().string());
            }
        }
        std::sort(charts.begin(), charts.end());
        files.insert(files.end(), charts.begin(), charts.end());
    }
    return files;
}

std::string legacy_description(const fs::path& dir, OutputKind kind) {
    std::vector<std::string> present;
    for (const char* name : k_known_data_files) {
        if (exists_file(dir / name) && std::string_view(name) != "report.html") {
            present.emplace_back(name);
        }
    }
    return describe_kind(kind) + "'s files (" + quoted_list(present) +
           ") written by an older brink, without brink.json";
}

std::string folder_name(const fs::path& dir) {
    return dir.string();
}

}  // namespace

Manifest::Manifest() : brink_version(BRINK_VERSION) {}

const char* to_string(OutputKind kind) {
    return k_kind_names[static_cast<std::size_t>(kind)];
}

std::optional<OutputKind> output_kind_from_string(std::string_view text) {
    for (std::size_t i = 0; i < k_kind_names.size(); ++i) {
        if (text == k_kind_names[i]) {
            return static_cast<OutputKind>(i);
        }
    }
    return std::nullopt;
}

std::string manifest_json(const Manifest& manifest) {
    OrderedJson json;
    json["kind"] = to_string(manifest.kind);
    json["brink_version"] = manifest.brink_version;
    json["scenario"] = {{"path", json_string_or_null(manifest.scenario_path)},
                        {"sha256", json_string_or_null(manifest.scenario_sha256)}};
    if (manifest.kind == OutputKind::Sweep || manifest.kind == OutputKind::Calibration) {
        // A calibration is a sweep over the model's parameters: its shard is recorded the same way.
        json["sweep"] = {{"path", json_string_or_null(manifest.sweep_path)},
                         {"design_sha256", json_string_or_null(manifest.design_sha256)},
                         {"shard", json_string_or_null(manifest.shard)}};
    }
    json["seed"] = manifest.seed ? OrderedJson(*manifest.seed) : OrderedJson(nullptr);
    json["command"] = manifest.command;
    json["started"] = manifest.started;
    json["complete"] = manifest.complete;
    json["files"] = manifest.files;
    return json_text(json);
}

Manifest parse_manifest(std::string_view text, const std::string& where) {
    const auto fail = [&where](const std::string& problem) {
        return OutputConflict(where + ": not a brink manifest: " + problem);
    };
    OrderedJson json;
    try {
        json = OrderedJson::parse(text);
    } catch (const nlohmann::json::exception& error) {
        throw fail(error.what());
    }
    const auto text_or_empty = [](const OrderedJson& value) {
        return value.is_string() ? value.get<std::string>() : std::string();
    };
    Manifest manifest;
    try {
        if (!json.is_object() || !json.contains("kind") || !json["kind"].is_string()) {
            throw fail("no \"kind\"");
        }
        const std::optional<OutputKind> kind = output_kind_from_string(json["kind"].get<std::string>());
        if (!kind) {
            throw fail("unknown kind '" + json["kind"].get<std::string>() + "'");
        }
        manifest.kind = *kind;
        manifest.brink_version = text_or_empty(json.value("brink_version", OrderedJson()));
        if (json.contains("scenario") && json["scenario"].is_object()) {
            manifest.scenario_path = text_or_empty(json["scenario"].value("path", OrderedJson()));
            manifest.scenario_sha256 = text_or_empty(json["scenario"].value("sha256", OrderedJson()));
        }
        if (json.contains("sweep") && json["sweep"].is_object()) {
            manifest.sweep_path = text_or_empty(json["sweep"].value("path", OrderedJson()));
            manifest.design_sha256 = text_or_empty(json["sweep"].value("design_sha256", OrderedJson()));
            manifest.shard = text_or_empty(json["sweep"].value("shard", OrderedJson()));
        }
        if (json.contains("seed") && json["seed"].is_number_unsigned()) {
            manifest.seed = json["seed"].get<std::uint64_t>();
        }
        manifest.command = text_or_empty(json.value("command", OrderedJson()));
        manifest.started = text_or_empty(json.value("started", OrderedJson()));
        if (!json.contains("complete") || !json["complete"].is_boolean()) {
            throw fail("no \"complete\"");
        }
        manifest.complete = json["complete"].get<bool>();
        if (!json.contains("files") || !json["files"].is_array()) {
            throw fail("no \"files\"");
        }
        for (const auto& file : json["files"]) {
            if (!file.is_string()) {
                throw fail("\"files\" holds something other than a path");
            }
            manifest.files.push_back(file.get<std::string>());
        }
    } catch (const nlohmann::json::exception& error) {
        throw fail(error.what());
    }
    return manifest;
}

std::optional<Manifest> read_manifest(const fs::path& dir) {
    const fs::path path = dir / k_manifest_name;
    std::error_code error;
    if (!fs::exists(path, error)) {
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in) {
        throw OutputConflict(path.string() + ": cannot be read");
    }
    return parse_manifest(text.str(), path.string());
}

void write_manifest(const fs::path& dir, const Manifest& manifest) {
    write_file_atomically(dir / k_manifest_name, manifest_json(manifest));
}

std::string describe_kind(OutputKind kind) {
    switch (kind) {
        case OutputKind::Run:
            return "a single run";
        case OutputKind::Ensemble:
            return "an ensemble";
        case OutputKind::Sweep:
            return "a sweep";
        case OutputKind::Score:
            return "a score";
        case OutputKind::Calibration:
            return "a calibration";
    }
    return "an output";
}

std::string describe_contents(const Manifest& manifest) {
    std::string kind = describe_kind(manifest.kind);
    if (!manifest.complete) {
        kind = "an unfinished " + kind.substr(kind.find(' ') + 1);
    }
    if (!manifest.shard.empty()) {
        kind = "shard " + manifest.shard + " of " + kind;
    }
    std::string text = kind;
    if (!manifest.scenario_path.empty()) {
        text += " of " + (manifest.scenario_path == "-" ? std::string("a scenario read from standard input")
                                                        : manifest.scenario_path);
    }
    if (!manifest.sweep_path.empty()) {
        text += " (" + manifest.sweep_path + ")";
    }
    return text;
}

std::string utc_timestamp_now() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

bool same_scenario(const Manifest& a, const Manifest& b) {
    if (!a.scenario_sha256.empty() && a.scenario_sha256 == b.scenario_sha256) {
        return true;
    }
    if (a.scenario_path.empty() || b.scenario_path.empty() || a.scenario_path == "-" ||
        b.scenario_path == "-") {
        return false;
    }
    // The same file, edited since: still the same scenario (a relative path is resolved from here).
    std::error_code error_a;
    std::error_code error_b;
    const fs::path path_a = fs::weakly_canonical(a.scenario_path, error_a);
    const fs::path path_b = fs::weakly_canonical(b.scenario_path, error_b);
    return !error_a && !error_b && path_a == path_b;
}

std::optional<OutputKind> guess_kind_from_files(const fs::path& dir) {
    if (exists_file(dir / "sweep.json") || exists_file(dir / "runs.csv.partial")) {
        return OutputKind::Sweep;
    }
    if (exists_file(dir / "runs.csv")) {
        return exists_file(dir / "quantiles.csv") ? OutputKind::Ensemble : OutputKind::Sweep;
    }
    if (exists_file(dir / "trajectory.csv") || exists_file(dir / "events.csv")) {
        return OutputKind::Run;
    }
    return std::nullopt;
}

std::vector<std::string> check_output_folder(const fs::path& dir, const Manifest& next,
                                             ExistingOutput existing, WriteMode mode) {
    std::error_code error;
    if (!fs::is_directory(dir, error)) {
        return {};  // a file in the way is the writer's IoError (exit 1), as ever
    }
    const std::string folder = folder_name(dir);
    const std::string writing = describe_kind(next.kind);
    const std::string resumable = writing.substr(writing.find(' ') + 1);  // "sweep", "calibration"
    const std::string resume_command =
        next.kind == OutputKind::Calibration ? "brink calibrate --resume" : "brink sweep --resume";
    const std::optional<Manifest> previous = read_manifest(dir);
    if (!previous) {
        const std::optional<OutputKind> guessed = guess_kind_from_files(dir);
        if (!guessed) {
            return {};
        }
        if (mode == WriteMode::Continue) {
            if (*guessed != next.kind) {
                throw OutputConflict(
                    folder + " holds " + legacy_description(dir, *guessed) + "; there is no " + resumable +
                    " to resume there. Drop --resume, and use another --out or --force to replace it");
            }
            return {};
        }
        if (existing == ExistingOutput::Refuse) {
            if (*guessed != next.kind) {
                throw OutputConflict(folder + " holds " + legacy_description(dir, *guessed) + "; writing " +
                                     writing +
                                     " there would mix the two. Use another --out, or --force to "
                                     "replace them");
            }
            if (next.kind == OutputKind::Sweep && exists_file(dir / "runs.csv.partial")) {
                throw OutputConflict(
                    folder +
                    " holds the unfinished rows of a sweep (runs.csv.partial) written "
                    "by an older brink, without brink.json; a fresh sweep would delete them. "
                    "Continue it with --resume if it is this sweep, or use another --out, or "
                    "--force to discard them");
            }
        }
        return legacy_files(dir);
    }

    const std::string holds = folder + " holds " + describe_contents(*previous);
    const bool same_kind = previous->kind == next.kind;
    // A score is of a library of cases, not of one scenario: the next score replaces it.
    const bool same_input = next.kind == OutputKind::Score || same_scenario(*previous, next);
    if (mode == WriteMode::Continue) {
        if (!same_kind) {
            throw OutputConflict(holds + "; there is no " + resumable +
                                 " to resume there. Drop --resume, and use another --out or --force to "
                                 "replace it");
        }
        if (!same_input || previous->design_sha256 != next.design_sha256 || previous->shard != next.shard) {
            throw OutputConflict(holds + ", written by: " + previous->command + "\n" + resume_command +
                                 " would continue it with another " +
                                 (same_input ? std::string("design") : std::string("scenario")) +
                                 "; resume it with its own command, or drop --resume and use another --out "
                                 "(or --force to replace it)");
        }
        return {};
    }
    if (existing == ExistingOutput::Refuse) {
        if (!same_kind || !same_input) {
            throw OutputConflict(
                holds + "; brink would write " + writing +
                (same_kind ? " of another scenario (" + next.scenario_path + ")" : std::string()) +
                " over it. Use another --out, or --force to replace it");
        }
        if ((next.kind == OutputKind::Sweep || next.kind == OutputKind::Calibration) && !previous->complete &&
            (previous->design_sha256 != next.design_sha256 || previous->shard != next.shard)) {
            throw OutputConflict(
                holds + ", written by: " + previous->command + "\na fresh " + resumable +
                " with another design would delete its finished "
                "rows (" +
                (next.kind == OutputKind::Calibration ? "calibration.csv.partial" : "runs.csv.partial") +
                "). Continue it with its own command and --resume, use another --out, or "
                "--force to discard it");
        }
    }
    return previous->files;
}

void remove_previous_outputs(const fs::path& dir, const std::vector<std::string>& files) {
    for (const std::string& file : files) {
        const fs::path relative(file);
        if (file.empty() || relative.is_absolute()) {
            continue;
        }
        bool escapes = false;
        for (const fs::path& part : relative) {
            escapes = escapes || part == "..";
        }
        if (escapes) {
            continue;  // a manifest never lists a file outside its folder; ignore one that does
        }
        const fs::path path = dir / relative;
        std::error_code status_error;
        const fs::file_status status = fs::symlink_status(path, status_error);
        if (status_error || !fs::exists(status) || fs::is_directory(status)) {
            continue;
        }
        std::error_code remove_error;
        fs::remove(path, remove_error);
        if (remove_error) {
            throw IoError("cannot remove '" + path.string() +
                          "' of the previous output: " + remove_error.message());
        }
    }
}

std::string relative_output_path(const fs::path& dir, const fs::path& path) {
    const fs::path relative = path.lexically_relative(dir);
    if (relative.empty() || *relative.begin() == "..") {
        return path.generic_string();
    }
    return relative.generic_string();
}

}  // namespace brink::io
