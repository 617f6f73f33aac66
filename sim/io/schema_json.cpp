// scenarios/schema.json (JSON Schema 2020-12) generated from the schema table, so that editors and the
// scenario_schema test see the keys, types, ranges and defaults the loader applies.
#include "brink/io/scenario_schema.hpp"
#include "brink/io/summary_json.hpp"

#include "schema.hpp"

#include <cctype>
#include <limits>

namespace brink::io {

namespace {

using schema::FieldDef;
using schema::Kind;
using schema::RecordType;

// A doc line as a schema description: a capital first letter and a final full stop.
std::string sentence(std::string text) {
    if (!text.empty()) {
        text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
        if (text.back() != '.') {
            text += '.';
        }
    }
    return text;
}

std::string interval(const detail::Range& range) {
    return std::string(range.low_open ? "(" : "[") + detail::number_text(range.low) + ", " +
           detail::number_text(range.high) + (range.high_open ? ")" : "]");
}

// The field's default as the struct's initialiser gives it, when the file form can say it.
void set_default(OrderedJson& json, const FieldDef& field, const RecordType& type) {
    if (field.need != schema::Need::Optional || field.unset != schema::Unset::Never ||
        !field.default_doc.empty()) {
        return;
    }
    const void* defaults = type.defaults();
    switch (field.kind) {
        case Kind::Number:
        case Kind::Day:
            json["default"] = schema::value_of<double>(field, defaults);
            return;
        case Kind::Seed:
            json["default"] = schema::value_of<std::uint64_t>(field, defaults);
            return;
        case Kind::Flag:
            json["default"] = schema::value_of<bool>(field, defaults);
            return;
        case Kind::Text:
            json["default"] = schema::value_of<std::string>(field, defaults);
            return;
        case Kind::Choice:
            json["default"] = field.choice->name(field.choice->get(field.in(defaults)));
            return;
        default:
            return;
    }
}

void set_range(OrderedJson& json, const detail::Range& range) {
    json["type"] = range.integer ? "integer" : "number";
    json[range.low_open ? "exclusiveMinimum" : "minimum"] = range.low;
    json[range.high_open ? "exclusiveMaximum" : "maximum"] = range.high;
}

OrderedJson nullable(const char* type) {
    return OrderedJson::array({type, "null"});
}

OrderedJson reference_items(schema::Target target) {
    if (target == schema::Target::Metric) {
        return {{"enum", detail::metric_names()}};
    }
    return {{"$ref", "#/$defs/id"}};
}

OrderedJson record_schema(const RecordType& type);

OrderedJson field_schema(const FieldDef& field, const RecordType& owner) {
    OrderedJson json = OrderedJson::object();
    std::string description(field.doc);
    switch (field.kind) {
        case Kind::Number:
        case Kind::Day:
            set_range(json, field.range);
            description +=
                ", " + (field.range_doc.empty() ? interval(field.range) : std::string(field.range_doc));
            break;
        case Kind::Seed:
            json["type"] = "integer";
            json["minimum"] = 0;
            json["maximum"] = std::numeric_limits<std::uint64_t>::max();
            break;
        case Kind::Flag:
            json["type"] = "boolean";
            break;
        case Kind::Date:
            json["$ref"] = "#/$defs/date";
            break;
        case Kind::Cameo:
            json["$ref"] = "#/$defs/cameo";
            break;
        case Kind::Id:
        case Kind::Ref:
            json["$ref"] = "#/$defs/id";
            break;
        case Kind::TextList:
            json["type"] = nullable("array");
            json["items"] = {{"type", "string"}};
            break;
        case Kind::RefList:
            json["type"] = nullable("array");
            json["items"] = reference_items(field.target);
            break;
        case Kind::Choice: {
            OrderedJson names = OrderedJson::array();
            for (int index = 0; index < field.choice->count; ++index) {
                names.push_back(field.choice->name(index));
            }
            json["enum"] = names;
            break;
        }
        case Kind::Struct:
            json = record_schema(*field.record);
            break;
        case Kind::Map:
            json["type"] = nullable("object");
            json["propertyNames"] = {{"$ref", "#/$defs/id"}};
            json["additionalProperties"] = record_schema(*field.record);
            break;
        case Kind::List: {
            json["type"] = nullable("array");
            OrderedJson items = record_schema(*field.record);
            if (!field.record->shorthand.empty()) {
                items = {{"oneOf", OrderedJson::array({{{"type", "string"}}, items})}};
            }
            json["items"] = items;
            break;
        }
        case Kind::Text:
            json["type"] = "string";
            break;
    }
    json["description"] = sentence(description);
    set_default(json, field, owner);
    return json;
}

OrderedJson record_schema(const RecordType& type) {
    OrderedJson json;
    json["type"] = "object";
    json["additionalProperties"] = false;
    OrderedJson properties = OrderedJson::object();
    OrderedJson required = OrderedJson::array();
    for (const FieldDef& field : type.fields) {
        properties[std::string(field.key)] = field_schema(field, type);
        if (field.need != schema::Need::Optional) {
            required.push_back(field.key);
        }
    }
    json["properties"] = properties;
    if (!required.empty()) {
        json["required"] = required;
    }
    if (type.one_of.empty()) {
        return json;
    }
    OrderedJson any_of = OrderedJson::array();
    for (const std::string_view key : type.one_of) {
        any_of.push_back({{"required", OrderedJson::array({key})}});
    }
    return {{"allOf", OrderedJson::array({json, {{"anyOf", any_of}}})}};
}

OrderedJson definitions() {
    OrderedJson defs;
    defs["id"] = {{"type", "string"}, {"pattern", "^[a-z][a-z0-9_]*$"}, {"maxLength", 64}};
    defs["date"] = {{"type", "string"},
                    {"pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
                    {"description", "Calendar date YYYY-MM-DD (proleptic Gregorian)."}};
    defs["cameo"] = {{"type", "string"},
                     {"pattern", "^[0-9]{2,4}$"},
                     {"description", "CAMEO event code, 2 to 4 digits, quoted (e.g. \"154\")."}};
    return defs;
}

}  // namespace

std::string scenario_json_schema() {
    OrderedJson json;
    json["$schema"] = "https://json-schema.org/draft/2020-12/schema";
    json["$id"] = "https://github.com/brink/scenarios/schema.json";
    json["title"] = "brink scenario";
    json["description"] =
        "A diplomatic crisis for the brink simulator. Generated from the schema table "
        "(sim/io/scenario_schema.cpp) by `brink generate-schema-files`; do not edit. docs/scenario-format.md "
        "documents every key; the loader (sim/io) additionally checks references between ids, duplicates, "
        "dates that exist, and days against the horizon.";
    json["$defs"] = definitions();
    const OrderedJson root = record_schema(schema::scenario_type());
    for (const auto& [key, value] : root.items()) {
        json[key] = value;
    }
    return json_text(json);
}

}  // namespace brink::io
