// The generated blocks of docs/scenario-format.md: a table of keys per section (with the default ladder)
// and the paths `--set` accepts, both from the schema table.
#include "brink/io/scenario_schema.hpp"

#include "schema.hpp"

#include <sstream>
#include <stdexcept>

namespace brink::io {

namespace {

using schema::FieldDef;
using schema::Kind;
using schema::RecordType;

std::string code(std::string_view text) {
    return "`" + std::string(text) + "`";
}

// Numbers in the docs' style: 1e15 rather than std::to_chars' 1e+15.
std::string doc_number(double value) {
    std::string text = detail::number_text(value);
    const auto exponent = text.find("e+");
    if (exponent != std::string::npos) {
        std::string digits = text.substr(exponent + 2);
        digits.erase(0, digits.find_first_not_of('0'));
        text = text.substr(0, exponent) + "e" + digits;
    }
    return text;
}

std::string interval(const detail::Range& range) {
    return std::string(range.low_open ? "(" : "[") + doc_number(range.low) + ", " + doc_number(range.high) +
           (range.high_open ? ")" : "]");
}

std::string target_name(schema::Target target) {
    switch (target) {
        case schema::Target::Actor:
            return "actor";
        case schema::Target::Issue:
            return "issue";
        case schema::Target::Rung:
            return "rung";
        case schema::Target::Demand:
            return "demand";
        case schema::Target::Metric:
            return "metric";
        case schema::Target::None:
            break;
    }
    return "record";
}

std::string choice_names(const schema::ChoiceDef& choice, const std::string& separator) {
    std::string names;
    for (int index = 0; index < choice.count; ++index) {
        names += (index == 0 ? "" : separator) + code(choice.name(index));
    }
    return names;
}

std::string type_text(const FieldDef& field) {
    switch (field.kind) {
        case Kind::Text:
            return "string";
        case Kind::Number:
            return field.range.integer ? "whole number" : "number";
        case Kind::Day:
            return "day";
        case Kind::Seed:
            return "whole number";
        case Kind::Flag:
            return "`true` \\| `false`";
        case Kind::Date:
            return "date";
        case Kind::Cameo:
            return "CAMEO code";
        case Kind::Id:
            return "id";
        case Kind::Ref:
            return target_name(field.target) + " id";
        case Kind::TextList:
            return "sequence of strings";
        case Kind::RefList:
            return field.target == schema::Target::Metric
                       ? "sequence of metric names"
                       : "sequence of " + target_name(field.target) + " ids";
        case Kind::Choice:
            return choice_names(*field.choice, " \\| ");
        case Kind::Struct:
            return "mapping (" + std::string(field.record->name) + ", below)";
        case Kind::Map:
            return "mapping " +
                   (field.record->key_name == "id" ? std::string("id")
                                                   : std::string(field.record->key_name) + " id") +
                   " → " + std::string(field.record->name) + " (below)";
        case Kind::List:
            return "sequence of " + std::string(field.record->name) + " entries (below)";
    }
    return "";
}

// A table cell: a '|' in the text would end it.
std::string cell(std::string_view text) {
    std::string out;
    for (const char c : text) {
        out += c == '|' ? std::string("\\|") : std::string(1, c);
    }
    return out;
}

std::string unit_text(const FieldDef& field) {
    std::string text = cell(field.doc);
    if (field.kind == Kind::Number || field.kind == Kind::Day) {
        text += ", " + (field.range_doc.empty() ? interval(field.range) : std::string(field.range_doc));
    }
    if (field.kind == Kind::RefList && field.target == schema::Target::Metric) {
        std::string names;
        for (const auto& name : detail::metric_names()) {
            names += (names.empty() ? "" : ", ") + code(name);
        }
        text += ": " + names;
    }
    return text;
}

// The default as the struct's initialiser gives it, unless the table says it in words.
std::string default_text(const FieldDef& field, const RecordType& type) {
    if (!field.default_doc.empty()) {
        return std::string(field.default_doc);
    }
    if (field.need != schema::Need::Optional) {
        return "required";
    }
    if (field.unset != schema::Unset::Never) {
        return "none";
    }
    const void* defaults = type.defaults();
    switch (field.kind) {
        case Kind::Number:
        case Kind::Day:
            return doc_number(schema::value_of<double>(field, defaults));
        case Kind::Seed:
            return std::to_string(schema::value_of<std::uint64_t>(field, defaults));
        case Kind::Flag:
            return schema::value_of<bool>(field, defaults) ? "true" : "false";
        case Kind::Choice:
            return code(field.choice->name(field.choice->get(field.in(defaults))));
        case Kind::Text: {
            const std::string& text = schema::value_of<std::string>(field, defaults);
            return text.empty() ? "empty" : code("\"" + text + "\"");
        }
        default:
            return "none";
    }
}

void table(std::ostringstream& out, const RecordType& type) {
    out << "| key | type | unit / range | default |\n|---|---|---|---|\n";
    for (const FieldDef& field : type.fields) {
        out << "| " << code(field.key) << " | " << type_text(field) << " | " << unit_text(field) << " | "
            << default_text(field, type) << " |\n";
    }
}

// A record's section: its heading, its sentence, its table, then its nested records' sections.
void section(std::ostringstream& out, const RecordType& type, const std::string& path, int level) {
    out << "\n"
        << std::string(static_cast<std::size_t>(level), '#') << " " << code(path) << "\n\n"
        << type.doc << "\n\n";
    table(out, type);
    for (const FieldDef& field : type.fields) {
        const std::string key = path + "." + std::string(field.key);
        if (field.kind == Kind::Struct) {
            section(out, *field.record, key, level + 1);
        } else if (field.kind == Kind::Map) {
            section(out, *field.record, key + ".<" + std::string(field.record->key_name) + ">", level + 1);
        } else if (field.kind == Kind::List) {
            section(out, *field.record, key + "[]", level + 1);
        }
    }
}

void default_ladder_table(std::ostringstream& out) {
    out << "\nThe default ladder (ten rungs adapted from Kahn 1965, `brink::default_ladder()`; docs/model.md "
           "§2):\n\n"
        << "| index | id | name | threshold | CAMEO |\n|---|---|---|---|---|\n";
    const LadderSpec ladder = default_ladder();
    for (std::size_t index = 0; index < ladder.rungs.size(); ++index) {
        const RungSpec& rung = ladder.rungs[index];
        out << "| " << index << " | " << code(rung.id) << " | " << rung.name << " | "
            << doc_number(rung.threshold) << " | " << rung.cameo << " |\n";
    }
}

std::string keys_block() {
    std::ostringstream out;
    const RecordType& root = schema::scenario_type();
    out << "## Top level\n\n" << root.doc << "\n\n| key | type | required | meaning |\n|---|---|---|---|\n";
    for (const FieldDef& field : root.fields) {
        out << "| " << code(field.key) << " | " << type_text(field) << " | "
            << (field.need == schema::Need::Optional ? "no" : "yes")
            << (field.max_items > 0 ? " (at most " + std::to_string(field.max_items) + ")" : "") << " | "
            << field.doc << " |\n";
    }
    out << "\nMappings keyed by id keep the order of the file.\n";
    for (const FieldDef& field : root.fields) {
        const std::string key(field.key);
        const bool listed = field.kind == Kind::List;
        section(out, *field.record, key + (field.kind == Kind::Map ? ".<id>" : listed ? "[]" : ""), 2);
        if (key == "ladder") {
            default_ladder_table(out);
        }
    }
    return out.str();
}

std::string braced(const std::vector<std::string>& keys) {
    std::string text;
    for (const auto& key : keys) {
        text += (text.empty() ? "" : ",") + key;
    }
    return keys.size() == 1 ? text : "{" + text + "}";
}

// The scalar keys --set may name in a record (a Map or a nested section is a path of its own).
std::vector<std::string> scalar_set_keys(const RecordType& type) {
    std::vector<std::string> keys;
    for (const auto& key : schema::settable_keys(type)) {
        const Kind kind = type.find(key)->kind;
        if (kind != Kind::Map && kind != Kind::Struct) {
            keys.push_back(key);
        }
    }
    return keys;
}

// A section's row of --set paths, then one per nested section (model.<group>.{...}).
template <typename Row>
void section_rows(const Row& row, const std::string& path, const RecordType& type, const std::string& what) {
    const std::vector<std::string> keys = scalar_set_keys(type);
    if (!keys.empty()) {
        row(path + "." + braced(keys), what);
    }
    for (const FieldDef& field : type.fields) {
        if (field.kind == Kind::Struct) {
            section_rows(row, path + "." + std::string(field.key), *field.record, what);
        }
    }
}

std::string overrides_block() {
    std::ostringstream out;
    out << "| path | what |\n|---|---|\n";
    const auto row = [&](const std::string& path, const std::string& what) {
        out << "| " << code(path) << " | " << what << " |\n";
    };
    row("metadata." + braced(scalar_set_keys(schema::metadata_type())), "metadata");
    row("actors.<id>." + braced(scalar_set_keys(schema::actor_type())), "an actor");
    row("actors.<id>.positions.<issue>." + braced(scalar_set_keys(schema::position_type())),
        "a stance (created with defaults if the actor had none on that issue)");
    row("issues.<id>." + braced(scalar_set_keys(schema::issue_type())), "an issue");
    row("relations.<a>.<b>",
        "the affinity of the pair, symmetric (every entry joining a and b is set; created "
        "if absent)");
    row("relations.commitments.<defender>.<protege>", "a commitment's firmness (created if absent)");
    row("relations.alliances.<id>." + braced(scalar_set_keys(schema::alliance_type())), "an alliance");
    row("demands.<id>." + braced(scalar_set_keys(schema::demand_type())), "a demand");
    row("ladder.<rung>." + braced(scalar_set_keys(schema::rung_type())), "a rung");
    row("events.<index>." + braced(scalar_set_keys(schema::event_type())),
        "a scripted event, by its place in `events` (0 is the first); setting `day` drops its `date`, "
        "setting `date` moves its `day`");
    section_rows(row, "model", schema::model_type(), "a model parameter");
    section_rows(row, "output", schema::output_type(), "output settings");
    return out.str();
}

std::string begin_marker(std::string_view block) {
    return "<!-- BEGIN GENERATED: " + std::string(block) +
           " (from sim/io/scenario_schema.cpp by `brink generate-schema-files`; do not edit) -->\n";
}

std::string end_marker(std::string_view block) {
    return "<!-- END GENERATED: " + std::string(block) + " -->\n";
}

}  // namespace

std::string scenario_reference_markdown(std::string_view block) {
    if (block == "keys") {
        return keys_block();
    }
    if (block == "overrides") {
        return overrides_block();
    }
    throw std::invalid_argument("no generated block '" + std::string(block) + "'");
}

std::string update_scenario_reference(const std::string& document) {
    std::string updated = document;
    for (const std::string_view block : k_reference_blocks) {
        const std::string begin = begin_marker(block);
        const std::string end = end_marker(block);
        const auto start = updated.find(begin);
        const auto stop = start == std::string::npos ? start : updated.find(end, start);
        if (stop == std::string::npos) {
            throw std::runtime_error("no generated block '" + std::string(block) + "' (markers " +
                                     begin.substr(0, 30) + "... and " + end.substr(0, 28) + "...)");
        }
        updated.replace(start + begin.size(), stop - start - begin.size(),
                        scenario_reference_markdown(block));
    }
    return updated;
}

}  // namespace brink::io
