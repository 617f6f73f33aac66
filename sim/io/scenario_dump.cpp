// ScenarioSpec -> YAML that loads back to an equal spec, by walking the schema table (schema.hpp): every
// field in file order, unset optional values left out. Written by hand rather than with YAML::Emitter so
// that every string is double-quoted (a name "no" or "null" stays a string) and every number is in its
// shortest round-trip form.
#include "brink/io/scenario_dump.hpp"

#include "schema.hpp"

#include <cstdio>

namespace brink::io {

namespace {

using schema::FieldDef;
using schema::Kind;
using schema::RecordType;

std::string quote(const std::string& text) {
    std::string out = "\"";
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\t') {
            out += "\\t";
        } else if (byte < 0x20 || byte == 0x7f) {
            char escape[8];
            std::snprintf(escape, sizeof escape, "\\x%02x", byte);
            out += escape;
        } else {
            out += c;
        }
    }
    return out + "\"";
}

// Keys that are valid ids and not YAML's special words are written plain, for readability.
std::string key(const std::string& text) {
    static const char* const k_special[] = {"null", "true", "false", "yes", "no", "on", "off", "y", "n"};
    if (!detail::is_valid_id(text)) {
        return quote(text);
    }
    for (const char* word : k_special) {
        if (text == word) {
            return quote(text);
        }
    }
    return text;
}

std::string list(const std::vector<std::string>& items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) {
        out += (i == 0 ? "" : ", ") + quote(items[i]);
    }
    return out + "]";
}

std::string scalar_text(const FieldDef& field, const void* record) {
    using schema::value_of;
    switch (field.kind) {
        case Kind::Number:
        case Kind::Day:
            return detail::number_text(value_of<double>(field, record));
        case Kind::Seed:
            return std::to_string(value_of<std::uint64_t>(field, record));
        case Kind::Flag:
            return value_of<bool>(field, record) ? "true" : "false";
        case Kind::Choice:
            return field.choice->name(field.choice->get(field.in(record)));
        case Kind::TextList:
        case Kind::RefList:
            return list(value_of<std::vector<std::string>>(field, record));
        default:
            return quote(value_of<std::string>(field, record));
    }
}

class Writer {
  public:
    explicit Writer(const ScenarioSpec& spec) : m_spec(spec) {}

    void line(int indent, const std::string& text) {
        m_out.append(static_cast<std::size_t>(indent) * 2, ' ');
        m_out += text;
        m_out += '\n';
    }

    // The fields of a record, one per line; `first_prefix` ("- ") starts the first line one level out.
    void block(int indent, const RecordType& type, const void* record, const std::string& first_prefix = "") {
        bool first = true;
        for (const FieldDef& field : type.fields) {
            if (!written(field, record)) {
                continue;
            }
            const bool prefixed = first && !first_prefix.empty();
            const int at = prefixed ? indent - 1 : indent;
            const std::string prefix = prefixed ? first_prefix : "";
            if (schema::is_scalar(field.kind) || field.kind == Kind::TextList ||
                field.kind == Kind::RefList) {
                line(at, prefix + std::string(field.key) + ": " + scalar_text(field, record));
            } else {
                nested(at, prefix, field, record);
            }
            first = false;
        }
    }

    std::string take() { return std::move(m_out); }

  private:
    bool written(const FieldDef& field, const void* record) const {
        return !schema::is_unset(field, record) &&
               (field.dump_if == nullptr || field.dump_if(m_spec, record));
    }

    // {key: value, ...} on one line.
    std::string flow(const RecordType& type, const void* record) const {
        std::string out;
        for (const FieldDef& field : type.fields) {
            if (written(field, record)) {
                out += (out.empty() ? "" : ", ") + std::string(field.key) + ": " + scalar_text(field, record);
            }
        }
        return "{" + out + "}";
    }

    void nested(int indent, const std::string& prefix, const FieldDef& field, const void* record) {
        const void* member = field.in(record);
        const std::string name = prefix + std::string(field.key);
        if (field.kind == Kind::Struct) {
            line(indent, name + ":");
            block(indent + 1, *field.record, member);
            return;
        }
        const RecordType& type = *field.record;
        void* items = const_cast<void*>(member);
        const std::size_t count = field.items.size(items);
        line(indent, name + (count > 0 ? ":" : field.kind == Kind::Map ? ": {}" : ": []"));
        for (std::size_t i = 0; i < count; ++i) {
            void* item = field.items.at(items, i);
            if (field.kind == Kind::Map) {
                const std::string id = key(*type.id(item));
                if (type.layout == schema::Layout::Flow) {
                    line(indent + 1, id + ": " + flow(type, item));
                } else {
                    line(indent + 1, id + ":");
                    block(indent + 2, type, item);
                }
            } else if (type.layout == schema::Layout::Flow) {
                line(indent + 1, "- " + flow(type, item));
            } else {
                block(indent + 2, type, item, "- ");
            }
        }
    }

    const ScenarioSpec& m_spec;
    std::string m_out;
};

}  // namespace

std::string dump_scenario(const ScenarioSpec& spec) {
    Writer out(spec);
    out.line(0, "# brink scenario (written by dump_scenario; docs/scenario-format.md describes every key)");
    out.block(0, schema::scenario_type(), &spec);
    return out.take();
}

}  // namespace brink::io
