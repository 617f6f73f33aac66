// Output folders and their manifests for the cli's writers and readers (output_folder.hpp).
#include "output_folder.hpp"

#include "brink/io/atomic_file.hpp"
#include "brink/io/sha256.hpp"

#include <algorithm>
#include <iostream>

namespace brink::cli {
namespace fs = std::filesystem;

namespace {

bool contains(const std::vector<std::string>& files, const std::string& file) {
    return std::find(files.begin(), files.end(), file) != files.end();
}

void add_unique(std::vector<std::string>& files, const std::string& file) {
    if (!contains(files, file)) {
        files.push_back(file);
    }
}

bool contains_kind(const std::vector<io::OutputKind>& kinds, io::OutputKind kind) {
    return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

// The data files that tell the kinds apart, as plots::detect_run_dir reads them.
std::string files_of(io::OutputKind kind) {
    switch (kind) {
        case io::OutputKind::Run:
            return "trajectory.csv and events.csv";
        case io::OutputKind::Ensemble:
            return "runs.csv and quantiles.csv";
        case io::OutputKind::Sweep:
            return "sweep.json and points.csv";
        case io::OutputKind::Score:
            return "score.csv and score.json";
        default:
            return "its files";
    }
}

}  // namespace

io::Manifest new_manifest(io::OutputKind kind, const CommandArgs& args, const std::string& scenario_path,
                          const std::string& scenario_sha256, std::optional<std::uint64_t> seed) {
    io::Manifest manifest;
    manifest.kind = kind;
    manifest.scenario_path = scenario_path;
    manifest.scenario_sha256 = scenario_sha256;
    manifest.seed = seed;
    manifest.command = recorded_command(args);
    manifest.started = io::utc_timestamp_now();
    manifest.complete = false;
    return manifest;
}

std::string scenario_digest(const std::string& path) {
    try {
        return io::sha256_file(path);
    } catch (const io::IoError&) {
        return {};
    }
}

OutputFolder::OutputFolder(fs::path dir, io::Manifest manifest, io::ExistingOutput existing,
                           io::WriteMode mode, std::vector<std::string> planned)
    : m_dir(std::move(dir)), m_manifest(std::move(manifest)), m_mode(mode), m_planned(std::move(planned)) {
    m_previous = io::check_output_folder(m_dir, m_manifest, existing, mode);
}

void OutputFolder::begin() {
    m_created = io::ensure_directory(m_dir) == io::DirectoryCreation::Created;
    io::remove_stale_temporaries(m_dir, {io::k_manifest_name});
    std::vector<std::string> stale;
    for (const std::string& file : m_previous) {
        if (!contains(m_planned, file)) {
            stale.push_back(file);
        }
    }
    if (m_mode == io::WriteMode::Fresh) {
        io::remove_previous_outputs(m_dir, stale);
        m_manifest.files = m_planned;
    } else {
        m_manifest.files = m_previous;  // a resume keeps what is there
        for (const std::string& file : m_planned) {
            add_unique(m_manifest.files, file);
        }
    }
    m_manifest.complete = false;
    io::write_manifest(m_dir, m_manifest);
}

void OutputFolder::finish(const std::vector<std::string>& written, bool complete) {
    m_manifest.files.clear();
    for (const std::string& file : written) {
        add_unique(m_manifest.files, io::relative_output_path(m_dir, file));
    }
    m_manifest.complete = complete;
    io::write_manifest(m_dir, m_manifest);
}

void OutputFolder::abandon() noexcept {
    if (!m_created) {
        return;
    }
    std::error_code error;
    fs::remove(m_dir / io::k_manifest_name, error);
    if (fs::is_empty(m_dir, error) && !error) {
        fs::remove(m_dir, error);
    }
}

std::optional<io::Manifest> check_readable_output(const std::string& dir, const ReaderCheck& reader,
                                                  std::optional<io::OutputKind> detected) {
    const std::optional<io::Manifest> manifest = io::read_manifest(dir);
    if (!manifest) {
        std::cerr << "brink " << reader.command << ": note: " << dir
                  << " has no brink.json (written by an older brink); what it holds is judged from its file "
                     "names\n";
        return std::nullopt;
    }
    const std::string holds = dir + " holds " + io::describe_contents(*manifest);
    if (!contains_kind(reader.kinds, manifest->kind)) {
        std::string hint;
        if (manifest->kind == io::OutputKind::Calibration && reader.command == "plot") {
            hint = "; its charts are those of its cross-validated forecasts: brink plot " +
                   (fs::path(dir) / "cv").string();
        }
        throw io::OutputConflict(holds + "; brink " + reader.command + " cannot " + reader.action + " " +
                                 io::describe_kind(manifest->kind) + hint);
    }
    if (!manifest->complete) {
        std::string hint = "; it was stopped or is still being written. Finish it first";
        if (manifest->kind == io::OutputKind::Sweep) {
            hint += ": " + manifest->command + " --resume";
        } else if (!manifest->command.empty()) {
            hint += ": " + manifest->command;
        }
        throw io::OutputConflict(holds + hint);
    }
    for (const std::string& file : manifest->files) {
        std::error_code error;
        if (!fs::exists(fs::path(dir) / file, error)) {
            throw io::OutputConflict(
                holds + ", but " + file +
                ", listed in its brink.json, is missing; write it again with: " + manifest->command);
        }
    }
    if (detected && *detected != manifest->kind) {
        throw io::OutputConflict(
            holds + "; brink " + reader.command + " would " + reader.action + " " +
            io::describe_kind(*detected) + " from " + files_of(*detected) +
            ", which that output did not write. Remove them, or write it again with --force: " +
            manifest->command);
    }
    if (!manifest->shard.empty() && reader.command != "merge") {
        throw io::OutputConflict(holds + "; merge the shards first: brink merge DIR... --out DIR");
    }
    return manifest;
}

void record_outputs(const std::string& dir, const std::vector<std::string>& files) {
    std::optional<io::Manifest> manifest;
    try {
        manifest = io::read_manifest(dir);
    } catch (const io::OutputConflict&) {
        return;  // checked before drawing; a manifest gone bad since is not this command's to mend
    }
    if (!manifest) {
        return;
    }
    for (const std::string& file : files) {
        add_unique(manifest->files, io::relative_output_path(dir, file));
    }
    io::write_manifest(dir, *manifest);
}

}  // namespace brink::cli
