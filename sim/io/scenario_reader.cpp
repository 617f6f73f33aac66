// Scenario files (YAML) -> ScenarioSpec. Reading walks the schema table (schema.hpp): it checks shapes and
// types (unknown keys, duplicate keys, wrong types, missing required keys) and records where every value was
// found; validate_spec_at then checks ranges and references and places each problem at the recorded position.
// Nothing here throws to the caller: every problem, however malformed the input, becomes a diagnostic (a
// fuzzer drives load_scenario_string).
#include "brink/io/scenario_loader.hpp"

#include "brink/io/yaml_reader.hpp"

#include "schema.hpp"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <system_error>

namespace brink::io {

namespace {

using schema::FieldDef;
using schema::Kind;
using schema::RecordType;

std::string in_quotes(const std::string& text) {
    return "'" + text + "'";
}

std::string join(const std::vector<std::string>& words, const std::string& separator = ", ") {
    std::string out;
    for (const auto& word : words) {
        out += (out.empty() ? "" : separator) + word;
    }
    return out;
}

// The keys of a record type, built once per type (mapping() takes them by pointer).
const std::vector<std::string>& keys_of(const RecordType& type) {
    static std::map<const RecordType*, std::vector<std::string>> cache;
    static std::mutex mutex;
    const std::lock_guard<std::mutex> lock(mutex);
    auto found = cache.find(&type);
    if (found == cache.end()) {
        found = cache.emplace(&type, type.keys()).first;
    }
    return found->second;
}

class PathLocator final : public detail::Locator {
  public:
    std::map<std::string, Location> locations;

    Location find(const std::string& path) const override {
        std::string key = path;
        while (true) {
            const auto it = locations.find(key);
            if (it != locations.end()) {
                return it->second;
            }
            if (key.empty()) {
                return {};
            }
            const auto cut = key.find_last_of(".[");
            key = cut == std::string::npos ? std::string() : key.substr(0, cut);
        }
    }
};

// One key/value pair of a mapping, with where each was found.
struct Entry {
    std::string key;
    YAML::Node value;
    Location key_at;
    Location value_at;  ///< The value's position, or the key's when the value is empty.
};

class Reader {
  public:
    explicit Reader(const std::string& file_name) : m_file(file_name) {}

    ScenarioSpec spec;
    std::vector<Diagnostic> diagnostics;
    PathLocator locator;
    bool fatal = false;             ///< A size guard tripped: semantic validation would only add noise.
    std::set<std::string> errored;  ///< Paths already reported (semantic checks stay quiet there).
    std::vector<std::string> missing_sections;  ///< Required top-level keys that are absent.

    void read_root(const YAML::Node& root);

    void error(Location where, std::string message) {
        diagnostics.push_back({m_file, where.line, where.column, std::move(message)});
    }

  private:
    bool visit();
    bool too_many(const Entry& entry, const std::string& path, std::size_t count, std::size_t limit,
                  std::string_view what);
    std::vector<Entry> mapping(const YAML::Node& node, const std::string& path, Location where,
                               const std::vector<std::string>* allowed);
    void unknown_key(const std::string& key, const std::string& path, Location key_at,
                     const std::vector<std::string>& allowed);
    std::vector<std::pair<YAML::Node, Location>> sequence(const Entry& entry, const std::string& path);
    std::optional<std::string> scalar(const YAML::Node& value, Location at, const std::string& path,
                                      const std::string& expected);

    void read_record(const RecordType& type, void* record, const YAML::Node& node, const std::string& path,
                     Location where, Location missing_at);
    void check_given(const RecordType& type, const std::set<std::string>& given, const std::string& path,
                     Location where);
    void read_field(const FieldDef& field, void* record, const Entry& entry, const std::string& path);
    void read_value(const FieldDef& field, void* member, const Entry& entry, const std::string& path);
    void read_map(const FieldDef& field, void* vector, const Entry& entry, const std::string& path);
    void read_list(const FieldDef& field, void* vector, const Entry& entry, const std::string& path);

    void text(const Entry& entry, const std::string& path, std::string& out);
    void number(const Entry& entry, const std::string& path, double& out, const detail::Range& range);
    void boolean(const Entry& entry, const std::string& path, bool& out);
    void seed(const Entry& entry, const std::string& path, std::uint64_t& out);
    void choice(const schema::ChoiceDef& choice, const Entry& entry, const std::string& path, void* out);
    void text_list(const Entry& entry, const std::string& path, std::vector<std::string>& out);

    const std::string& m_file;
    NodeBudget m_budget;
};

void Reader::read_root(const YAML::Node& root) {
    const RecordType& type = schema::scenario_type();
    const Location root_at = location_of(root.Mark());
    locator.locations[""] = root_at.line > 0 ? root_at : Location{1, 1};
    const auto entries = mapping(root, "", locator.locations[""], &keys_of(type));
    std::map<std::string, Entry> sections;
    for (const auto& entry : entries) {
        sections.emplace(entry.key, entry);
    }
    for (const FieldDef& field : type.fields) {
        if (!fatal && field.need == schema::Need::Key && sections.count(std::string(field.key)) == 0) {
            missing_sections.emplace_back(field.key);
            error(locator.locations[""],
                  "missing required key " + in_quotes(std::string(field.key)) + " at the top level");
        }
    }
    // In the table's order, whatever the order in the file: event dates need the start date.
    for (const FieldDef& field : type.fields) {
        const auto it = sections.find(std::string(field.key));
        if (it == sections.end() || fatal) {
            continue;
        }
        const Entry& entry = it->second;
        locator.locations[entry.key] = entry.key_at;
        void* member = field.in(&spec);
        if (field.kind == Kind::Struct) {
            read_record(*field.record, member, entry.value, entry.key, entry.value_at, entry.value_at);
        } else if (field.kind == Kind::Map) {
            read_map(field, member, entry, entry.key);
        } else {
            read_list(field, member, entry, entry.key);
        }
    }
    if (sections.count("ladder") == 0) {
        spec.ladder = default_ladder();
    }
}

// Counts visited nodes; false (once reported) when the input is absurdly large.
bool Reader::visit() {
    if (fatal) {
        return false;
    }
    if (!m_budget.take()) {
        fatal = true;
        error({}, m_budget.message());
        return false;
    }
    return true;
}

bool Reader::too_many(const Entry& entry, const std::string& path, std::size_t count, std::size_t limit,
                      std::string_view what) {
    if (count <= limit) {
        return false;
    }
    fatal = true;
    error(entry.value_at, path + ": too many " + std::string(what) + " (" + std::to_string(count) +
                              "); at most " + std::to_string(limit));
    return true;
}

void Reader::unknown_key(const std::string& key, const std::string& path, Location key_at,
                         const std::vector<std::string>& allowed) {
    std::string message = path.empty() ? "unknown key " + in_quotes(key) + " at the top level"
                                       : "unknown key " + in_quotes(key) + " in " + in_quotes(path);
    const std::string suggestion = closest_match(key, allowed);
    if (!suggestion.empty()) {
        message += "; did you mean " + in_quotes(suggestion) + "?";
    } else {
        message += "; expected one of: " + join(allowed);
    }
    error(key_at, message);
}

// The entries of a mapping, each key once. `allowed` lists the field names (null: keys are ids).
// Reports a value that is not a mapping, non-scalar keys, duplicate keys and unknown keys.
std::vector<Entry> Reader::mapping(const YAML::Node& node, const std::string& path, Location where,
                                   const std::vector<std::string>* allowed) {
    std::vector<Entry> entries;
    if (!visit()) {
        return entries;
    }
    const std::string name = path.empty() ? "the top level" : in_quotes(path);
    if (!node.IsMap()) {
        if (node.IsNull() && !path.empty()) {
            return entries;  // `key:` with nothing: an empty section
        }
        errored.insert(path);
        error(where, (path.empty() ? std::string("the top level") : path) + ": expected a mapping, got " +
                         describe_node(node));
        return entries;
    }
    std::map<std::string, Location> seen;
    for (auto it = node.begin(); it != node.end(); ++it) {
        if (!visit()) {
            return entries;
        }
        const YAML::Node key_node = it->first;
        const Location key_at = location_of(key_node.Mark());
        if (!key_node.IsScalar() && !key_node.IsNull()) {
            error(key_at, "expected a plain key in " + name + ", got " + describe_node(key_node));
            continue;
        }
        const std::string key = key_node.IsNull() ? std::string() : key_node.Scalar();
        const auto [previous, inserted] = seen.emplace(key, key_at);
        if (!inserted) {
            error(key_at, "duplicate key " + in_quotes(key) + " in " + name + " (first defined at line " +
                              std::to_string(previous->second.line) + ")");
            continue;
        }
        if (allowed != nullptr && std::find(allowed->begin(), allowed->end(), key) == allowed->end()) {
            unknown_key(key, path, key_at, *allowed);
            continue;
        }
        Entry entry{key, it->second, key_at, key_at};
        if (!it->second.IsNull()) {
            const Location value_at = location_of(it->second.Mark());
            if (value_at.line > 0) {
                entry.value_at = value_at;
            }
        }
        entries.push_back(std::move(entry));
    }
    return entries;
}

// The items of a sequence with their positions; an empty value is an empty sequence.
std::vector<std::pair<YAML::Node, Location>> Reader::sequence(const Entry& entry, const std::string& path) {
    std::vector<std::pair<YAML::Node, Location>> items;
    if (!visit() || entry.value.IsNull()) {
        return items;
    }
    if (!entry.value.IsSequence()) {
        errored.insert(path);
        error(entry.value_at, path + ": expected a sequence, got " + describe_node(entry.value));
        return items;
    }
    for (auto it = entry.value.begin(); it != entry.value.end(); ++it) {
        if (!visit()) {
            return items;
        }
        const Location at = location_of(it->Mark());
        items.emplace_back(*it, at.line > 0 ? at : entry.value_at);
    }
    return items;
}

// A scalar's text, or nullopt (reported) when the value is not a scalar.
std::optional<std::string> Reader::scalar(const YAML::Node& value, Location at, const std::string& path,
                                          const std::string& expected) {
    if (!visit()) {
        return std::nullopt;
    }
    locator.locations[path] = at;
    if (!value.IsScalar()) {
        errored.insert(path);
        error(at, path + ": expected " + expected + ", got " + describe_node(value));
        return std::nullopt;
    }
    return value.Scalar();
}

// One record: its keys in file order, then the keys it must have (missing ones reported at `missing_at`: a
// keyed record's key, a listed record's item), the values filled in for absent keys, and the record's own
// step after reading (an event's day from its date).
void Reader::read_record(const RecordType& type, void* record, const YAML::Node& node,
                         const std::string& path, Location where, Location missing_at) {
    std::set<std::string> given;
    for (const auto& entry : mapping(node, path, where, &keys_of(type))) {
        given.insert(entry.key);
        read_field(*type.find(entry.key), record, entry, path + "." + entry.key);
    }
    if (node.IsMap()) {
        check_given(type, given, path, missing_at);
    }
    for (const FieldDef& field : type.fields) {
        if (field.fill == schema::Fill::RecordId && given.count(std::string(field.key)) == 0) {
            schema::value_of<std::string>(field, record) = *type.id(record);
        }
    }
    // A key that stands for another (an event's date for its day): problems with the absent one are shown
    // where the given one is.
    for (const std::string_view absent : type.one_of) {
        const auto stand_in = std::find_if(type.one_of.begin(), type.one_of.end(), [&](std::string_view key) {
            return given.count(std::string(key)) != 0;
        });
        if (given.count(std::string(absent)) == 0 && stand_in != type.one_of.end()) {
            locator.locations[path + "." + std::string(absent)] =
                locator.locations[path + "." + std::string(*stand_in)];
        }
    }
    if (type.after_read != nullptr) {
        type.after_read(spec, record, given);
    }
}

void Reader::check_given(const RecordType& type, const std::set<std::string>& given, const std::string& path,
                         Location where) {
    if (!type.one_of.empty() &&
        std::none_of(type.one_of.begin(), type.one_of.end(),
                     [&](std::string_view key) { return given.count(std::string(key)) != 0; })) {
        std::vector<std::string> quoted;
        for (const std::string_view key : type.one_of) {
            quoted.push_back(in_quotes(std::string(key)));
        }
        error(where, path + ": missing required key " + join(quoted, " or "));
    }
    for (const FieldDef& field : type.fields) {
        const std::string key(field.key);
        if (field.need == schema::Need::Key && given.count(key) == 0) {
            errored.insert(path + "." + key);
            error(where, path + ": missing required key " + in_quotes(key));
        }
    }
}

void Reader::read_field(const FieldDef& field, void* record, const Entry& entry, const std::string& path) {
    void* member = field.in(record);
    switch (field.kind) {
        case Kind::Struct:
            locator.locations[path] = entry.value_at;
            read_record(*field.record, member, entry.value, path, entry.value_at, entry.value_at);
            return;
        case Kind::Map:
            locator.locations[path] = entry.value_at;
            read_map(field, member, entry, path);
            return;
        case Kind::List:
            locator.locations[path] = entry.value_at;
            read_list(field, member, entry, path);
            return;
        default:
            read_value(field, member, entry, path);
    }
}

void Reader::read_value(const FieldDef& field, void* member, const Entry& entry, const std::string& path) {
    switch (field.kind) {
        case Kind::Number:
        case Kind::Day:
            number(entry, path, *static_cast<double*>(member), field.range);
            return;
        case Kind::Flag:
            boolean(entry, path, *static_cast<bool*>(member));
            return;
        case Kind::Seed:
            seed(entry, path, *static_cast<std::uint64_t*>(member));
            return;
        case Kind::Choice:
            choice(*field.choice, entry, path, member);
            return;
        case Kind::TextList:
        case Kind::RefList:
            text_list(entry, path, *static_cast<std::vector<std::string>*>(member));
            return;
        default:
            text(entry, path, *static_cast<std::string*>(member));
    }
}

// Records keyed by id: each record's id is its key.
void Reader::read_map(const FieldDef& field, void* vector, const Entry& entry, const std::string& path) {
    const auto entries = mapping(entry.value, path, entry.value_at, nullptr);
    if (field.max_items > 0 && too_many(entry, path, entries.size(), field.max_items, field.key)) {
        return;
    }
    for (const auto& item : entries) {
        void* record = field.items.append(vector);
        *field.record->id(record) = item.key;
        const std::string item_path = path + "." + item.key;
        locator.locations[item_path] = item.key_at;
        read_record(*field.record, record, item.value, item_path, item.value_at, item.key_at);
    }
}

// Records in a sequence; a plain scalar item stands for the record's shorthand field (a person's name).
void Reader::read_list(const FieldDef& field, void* vector, const Entry& entry, const std::string& path) {
    const auto items = sequence(entry, path);
    if (field.max_items > 0 && too_many(entry, path, items.size(), field.max_items, field.key)) {
        return;
    }
    const RecordType& type = *field.record;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string item_path = path + "[" + std::to_string(i) + "]";
        locator.locations[item_path] = items[i].second;
        void* record = field.items.append(vector);
        if (!type.shorthand.empty() && items[i].first.IsScalar()) {
            schema::value_of<std::string>(*type.find(type.shorthand), record) = items[i].first.Scalar();
            continue;
        }
        read_record(type, record, items[i].first, item_path, items[i].second, items[i].second);
    }
}

void Reader::text(const Entry& entry, const std::string& path, std::string& out) {
    if (entry.value.IsNull()) {
        locator.locations[path] = entry.value_at;
        out.clear();
        return;
    }
    if (auto value = scalar(entry.value, entry.value_at, path, "a string")) {
        out = std::move(*value);
    }
}

void Reader::number(const Entry& entry, const std::string& path, double& out, const detail::Range& range) {
    if (auto value = scalar(entry.value, entry.value_at, path, detail::describe(range))) {
        if (const auto parsed = detail::parse_scenario_number(*value)) {
            out = *parsed;
        } else {
            error(entry.value_at,
                  path + ": expected " + detail::describe(range) + ", got " + in_quotes(*value));
        }
    }
}

void Reader::boolean(const Entry& entry, const std::string& path, bool& out) {
    if (auto value = scalar(entry.value, entry.value_at, path, "true or false")) {
        if (const auto parsed = detail::parse_bool(*value)) {
            out = *parsed;
        } else {
            error(entry.value_at, path + ": expected true or false, got " + in_quotes(*value));
        }
    }
}

void Reader::seed(const Entry& entry, const std::string& path, std::uint64_t& out) {
    if (auto value = scalar(entry.value, entry.value_at, path, "a whole number >= 0")) {
        if (const auto parsed = parse_unsigned(*value)) {
            out = *parsed;
        } else {
            error(entry.value_at,
                  path + ": expected a whole number in [0, 2^64-1], got " + in_quotes(*value));
        }
    }
}

void Reader::choice(const schema::ChoiceDef& choice, const Entry& entry, const std::string& path, void* out) {
    const auto value = scalar(entry.value, entry.value_at, path, std::string(choice.expected));
    if (!value) {
        return;
    }
    std::vector<std::string> names;
    for (int index = 0; index < choice.count; ++index) {
        names.emplace_back(choice.name(index));
        if (names.back() == *value) {
            choice.set(out, index);
            return;
        }
    }
    const std::string suggestion = closest_match(*value, names);
    if (choice.noun.empty()) {
        error(entry.value_at,
              path + ": expected " + std::string(choice.expected) + ", got " + in_quotes(*value) +
                  (suggestion.empty() ? "" : "; did you mean " + in_quotes(suggestion) + "?"));
        return;
    }
    error(entry.value_at, path + ": unknown " + std::string(choice.noun) + " " + in_quotes(*value) +
                              (suggestion.empty() ? "; expected one of: " + join(names)
                                                  : "; did you mean " + in_quotes(suggestion) + "?"));
}

void Reader::text_list(const Entry& entry, const std::string& path, std::vector<std::string>& out) {
    locator.locations[path] = entry.value_at;
    out.clear();
    const auto items = sequence(entry, path);
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string item_path = path + "[" + std::to_string(i) + "]";
        if (auto value = scalar(items[i].first, items[i].second, item_path, "a string")) {
            out.push_back(std::move(*value));
        }
    }
}

void sort_by_position(std::vector<Diagnostic>& diagnostics) {
    std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
        const int line_a = a.line > 0 ? a.line : INT_MAX;
        const int line_b = b.line > 0 ? b.line : INT_MAX;
        return line_a != line_b ? line_a < line_b : a.column < b.column;
    });
}

// The rules' diagnostics, except where reading already reported the value and under absent sections.
void add_rule_diagnostics(Reader& reader, const std::string& file_name) {
    std::vector<std::string> paths;
    auto semantic = detail::validate_spec_at(reader.spec, file_name, &reader.locator, &paths);
    for (std::size_t i = 0; i < semantic.size(); ++i) {
        bool quiet = reader.errored.count(paths[i]) != 0;
        for (const auto& section : reader.missing_sections) {
            quiet = quiet || paths[i] == section || paths[i].rfind(section + ".", 0) == 0 ||
                    paths[i].rfind(section + "[", 0) == 0;
        }
        if (!quiet) {
            reader.diagnostics.push_back(std::move(semantic[i]));
        }
    }
}

LoadResult load_text(std::string_view text, const std::string& file_name) {
    LoadResult result;
    auto fail = [&](Location at, std::string message) {
        result.diagnostics.push_back({file_name, at.line, at.column, std::move(message)});
        return result;
    };
    const YamlInput input = parse_yaml(text, Documents::ExactlyOne);
    if (input.error) {
        return fail(input.error->where, input.error->message());
    }
    const YAML::Node& root = input.root;
    const std::string keys = join(schema::scenario_type().keys());
    if (root.IsNull()) {
        return fail({}, "the file is empty; expected a mapping with the keys " + keys);
    }
    if (!root.IsMap()) {
        const Location at = location_of(root.Mark());
        return fail(at.line > 0 ? at : Location{1, 1}, "expected a mapping at the top level (with the keys " +
                                                           keys + "), got " + describe_node(root));
    }
    Reader reader(file_name);
    reader.read_root(root);
    if (!reader.fatal) {
        add_rule_diagnostics(reader, file_name);
    }
    sort_by_position(reader.diagnostics);
    result.diagnostics = std::move(reader.diagnostics);
    if (result.diagnostics.empty()) {
        reader.spec.source_path = file_name;
        result.spec = std::move(reader.spec);
    }
    return result;
}

}  // namespace

LoadResult load_scenario_string(std::string_view yaml_text, const std::string& file_name) {
    try {
        return load_text(yaml_text, file_name);
    } catch (const std::exception& e) {
        // yaml-cpp may throw from node access on inputs its parser accepted; never let it escape.
        LoadResult result;
        result.diagnostics.push_back({file_name, 0, 0, std::string("cannot read the scenario: ") + e.what()});
        return result;
    } catch (...) {
        LoadResult result;
        result.diagnostics.push_back({file_name, 0, 0, "cannot read the scenario: unknown error"});
        return result;
    }
}

LoadResult load_scenario_file(const std::string& path) {
    LoadResult result;
    std::error_code status;
    if (std::filesystem::is_directory(path, status)) {
        result.diagnostics.push_back({path, 0, 0, "cannot open the scenario file: it is a directory"});
        return result;
    }
    errno = 0;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        const int code = errno;
        result.diagnostics.push_back(
            {path, 0, 0,
             "cannot open the scenario file: " +
                 (code != 0 ? std::generic_category().message(code) : "unknown error")});
        return result;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) {
        result.diagnostics.push_back({path, 0, 0, "cannot read the scenario file"});
        return result;
    }
    return load_scenario_string(buffer.str(), path);
}

std::string default_scenario_path() {
    namespace fs = std::filesystem;
    const char* const k_default = "ukraine_2022.yaml";
    std::error_code status;
    if (const char* dir = std::getenv("BRINK_SCENARIO_DIR"); dir != nullptr && *dir != '\0') {
        const fs::path candidate = fs::path(dir) / k_default;
        if (fs::is_regular_file(candidate, status)) {
            return candidate.string();
        }
    }
    const fs::path executable = fs::read_symlink("/proc/self/exe", status);
    if (!status) {
        const fs::path candidate = executable.parent_path().parent_path() / "scenarios" / k_default;
        if (fs::is_regular_file(candidate, status)) {
            return candidate.string();
        }
    }
#ifdef BRINK_SOURCE_DIR
    return (fs::path(BRINK_SOURCE_DIR) / "scenarios" / k_default).string();
#else
    return (fs::path("scenarios") / k_default).string();
#endif
}

}  // namespace brink::io
