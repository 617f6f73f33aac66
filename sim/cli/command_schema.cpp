// `brink generate-schema-files [--root DIR]` (not listed in `brink --help`): rewrites the files generated
// from the schema table, scenarios/schema.json and the generated blocks of docs/scenario-format.md, under DIR
// (default: the source tree brink was built from). A test fails while the committed files are stale.
#include "cli.hpp"

#include "brink/io/atomic_file.hpp"
#include "brink/io/scenario_schema.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

namespace po = boost::program_options;

namespace brink::cli {

ExitCode command_generate_schema_files(const CommandArgs& args) {
    po::options_description options("options", 100);
    options.add_options()("root", po::value<std::string>()->value_name("DIR"),
                          "the tree to write into (default: the source tree brink was built from)");
    po::options_description positionals;
    po::positional_options_description positional;
    po::variables_map values;
    if (!parse_options(args, options, positionals, positional, values,
                       "brink generate-schema-files [--root DIR]")) {
        return ExitCode::Ok;
    }
    const std::filesystem::path root =
        values.count("root") ? values["root"].as<std::string>() : BRINK_SOURCE_DIR;
    const std::filesystem::path docs = root / "docs" / "scenario-format.md";
    std::ifstream in(docs, std::ios::binary);
    if (!in) {
        throw UsageError("cannot read " + docs.string() +
                         " (give --root DIR, the top of a brink source tree)");
    }
    const std::string document{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    const std::string updated = io::update_scenario_reference(document);
    const std::filesystem::path schema = root / "scenarios" / "schema.json";
    io::ensure_directory(schema.parent_path());
    io::write_file_atomically(schema, io::scenario_json_schema());
    io::write_file_atomically(docs, updated);
    std::cout << schema.string() << "\n" << docs.string() << "\n";
    return ExitCode::Ok;
}

}  // namespace brink::cli
