// The output folders of the cli's commands and their manifests (io/manifest.hpp, docs/outputs.md): writers
// check a folder before anything runs and record what they wrote; readers check what a folder holds before
// they draw or show it. Private to sim/cli.
#pragma once

#include "cli.hpp"

#include "brink/io/manifest.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace brink::cli {

/// A new manifest of `kind` for this command: version, command line, start time, scenario path and digest
/// (empty digest when the file cannot be read), not complete, no files.
io::Manifest new_manifest(io::OutputKind kind, const CommandArgs& args, const std::string& scenario_path,
                          const std::string& scenario_sha256, std::optional<std::uint64_t> seed);

/// SHA-256 of a scenario file, or "" when it cannot be read (the loader reports that).
std::string scenario_digest(const std::string& path);

/// One writer's output folder. The constructor only checks (nothing is created): it throws
/// io::OutputConflict, saying what the folder holds and how to proceed, when io::check_output_folder refuses
/// it.
class OutputFolder {
  public:
    /// `planned`: the files (relative to `dir`) this command writes, listed in the first manifest.
    OutputFolder(std::filesystem::path dir, io::Manifest manifest, io::ExistingOutput existing,
                 io::WriteMode mode, std::vector<std::string> planned);

    /// Creates the folder, removes the previous output's files that this one does not replace (those it
    /// replaces are renamed over, so a failed write keeps them whole), and writes brink.json with
    /// complete = false. Throws IoError.
    void begin();

    /// Rewrites brink.json with `written` (paths inside the folder; relative or not) and `complete`.
    void finish(const std::vector<std::string>& written, bool complete);

    /// After a failure: a folder that begin() created and that holds nothing but the manifest is removed.
    void abandon() noexcept;

    const std::filesystem::path& dir() const { return m_dir; }

  private:
    std::filesystem::path m_dir;
    io::Manifest m_manifest;
    io::WriteMode m_mode;
    std::vector<std::string> m_previous;  // the previous output's files
    std::vector<std::string> m_planned;
    bool m_created = false;
};

/// The kind a reader needs, and how it names what it would do: "brink plot would draw", ...
struct ReaderCheck {
    std::string command;  ///< "plot", "report", "merge"
    std::string action;   ///< "draw", "show", "merge"
    /// The kinds of output the reader handles.
    std::vector<io::OutputKind> kinds{io::OutputKind::Run, io::OutputKind::Ensemble, io::OutputKind::Sweep};
};

/// Checks a folder given to a reader: its manifest must be complete, of a kind the reader handles, with
/// every listed file present, and the files must be those of the kind it records (a folder of another
/// output's leftovers would otherwise be shown under its name). Throws io::OutputConflict saying what the
/// folder holds. A folder without a manifest (an older brink's) passes with a note on stderr. Returns the
/// manifest.
std::optional<io::Manifest> check_readable_output(const std::string& dir, const ReaderCheck& reader,
                                                  std::optional<io::OutputKind> detected);

/// Adds `files` (paths inside `dir`) to the manifest of `dir`, if it has one (plot's charts, the report).
void record_outputs(const std::string& dir, const std::vector<std::string>& files);

}  // namespace brink::cli
