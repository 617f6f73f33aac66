// brink io (private): the schema table. Every key of a scenario file is declared once, in
// scenario_schema.cpp, as a FieldDef of the RecordType of the spec struct it fills
// (include/brink/scenario.hpp): its key, the struct member, how it is written (Kind), its range, whether it
// is required, what "not given" looks like, and one line of documentation. Defaults are not declared: they
// are read from a default-constructed struct, so that a default is written once, in scenario.hpp.
//
// The table drives the loader (scenario_reader.cpp: keys, types, required keys, number ranges in messages),
// the rule checker's per-field checks (spec_rules.cpp: required text, ranges, dates and CAMEO codes), `--set`
// (overrides.cpp: which keys a path may name, their types and ranges), the dump (scenario_dump.cpp), and the
// generated scenarios/schema.json and tables of docs/scenario-format.md (schema_json.cpp, schema_docs.cpp).
// Rules that link several fields (references between ids, uniqueness, dates against the start date, days
// against the horizon, thresholds increasing along the ladder) stay hand-written in spec_rules.cpp.
//
// Adding a field: the member in scenario.hpp (with its default), one FieldDef in scenario_schema.cpp, then
// regenerate scenarios/schema.json and docs/scenario-format.md (`brink generate-schema-files`; a test fails
// until they match). docs/scenario-format.md, "Adding a field", says more.
#pragma once

#include "spec_rules.hpp"

#include "brink/scenario.hpp"

#include <cstddef>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace brink::io::schema {

using detail::Range;

/// How a field's value is written in a file.
enum class Kind {
    Text,      ///< a string
    Number,    ///< a decimal number (a whole number when its range says so)
    Day,       ///< a number of days from the start date (negative: before it)
    Seed,      ///< an unsigned 64-bit integer
    Flag,      ///< true or false
    Date,      ///< a calendar date YYYY-MM-DD
    Cameo,     ///< a CAMEO event code, 2 to 4 digits
    Id,        ///< an id ([a-z][a-z0-9_]*)
    Ref,       ///< the id of another record (see Target)
    TextList,  ///< a sequence of strings
    RefList,   ///< a sequence of ids of other records (see Target)
    Choice,    ///< one of a fixed set of names (an enum; see ChoiceDef)
    Struct,    ///< a mapping with fixed keys: another record
    Map,       ///< a mapping from ids to records
    List,      ///< a sequence of records
};

/// What a Ref or RefList field names.
enum class Target { None, Actor, Issue, Rung, Demand, Metric };

/// Whether a field must be given.
enum class Need {
    Optional,  ///< may be left out
    Key,       ///< the key must be in the file (the loader reports it missing)
    NonEmpty,  ///< the text must not be empty (the rule checker reports it missing, also after --set)
    Rule,      ///< required by a hand-written rule (e.g. at least one target); documented as required
};

/// Which value of a field means "not given": the dump leaves it out and the per-field checks skip it.
enum class Unset {
    Never,      ///< every value is a value
    WhenEmpty,  ///< an empty string
    WhenNan,    ///< NaN (k_unset)
};

/// Who checks a field's range or format.
enum class Check {
    Field,  ///< the per-field checks, from the table
    Rule,   ///< a hand-written rule (it depends on other fields: a day against the horizon, ...)
};

/// A value the loader fills in when the key is absent (beyond the struct's own default).
enum class Fill {
    None,
    RecordId,  ///< the record's id ("name: default the id")
};

/// A member of a record, reached through a type-erased pointer to the record. The table's constructors
/// (scenario_schema.cpp) check at compile time that the member's C++ type is the one its Kind is read as.
struct Access {
    void* (*address)(void* record) = nullptr;
};

/// The items of a Map or List member (a std::vector of records), type-erased.
struct Items {
    std::size_t (*size)(const void* vector) = nullptr;
    void* (*at)(void* vector, std::size_t index) = nullptr;
    void* (*append)(void* vector) = nullptr;  ///< Appends a default-constructed record; returns it.
};

/// The names of a Choice field, and the words of its messages.
struct ChoiceDef {
    int count = 0;                             ///< Values 0 .. count-1 of the enum.
    const char* (*name)(int value) = nullptr;  ///< The name of each value in files.
    int (*get)(const void* member) = nullptr;
    void (*set)(void* member, int value) = nullptr;
    std::string_view
        expected;           ///< What a scalar must be: "state, alliance or organisation", "an event type".
    std::string_view noun;  ///< Non-empty: unknown names read "unknown <noun> 'x'" with the list of names.
};

struct RecordType;

/// A range that depends on other fields (the ladder's length, the horizon): nullopt = not checked.
using Bound = std::optional<Range> (*)(const ScenarioSpec& spec, const void* record);

/// Whether the dump writes a field, by a rule on other fields.
using DumpIf = bool (*)(const ScenarioSpec& spec, const void* record);

/// One key of a scenario file.
struct FieldDef {
    std::string_view key = {};
    Kind kind = Kind::Text;
    Access access;
    std::string_view doc = {};          ///< What it is, in one line (the docs table's unit column).
    Range range{};                      ///< Number, Day: the values a file may hold.
    std::string_view range_doc = {};    ///< The range in the docs where it depends on other fields.
    Need need = Need::Optional;         ///< Whether it must be given.
    Unset unset = Unset::Never;         ///< Which value means "not given".
    Check check = Check::Field;         ///< Who checks its range or format.
    Fill fill = Fill::None;             ///< What the loader fills in when it is absent.
    std::string_view default_doc = {};  ///< The docs' default where the struct's initialiser does not say it.
    Target target = Target::None;       ///< Ref, RefList: what it names.
    const ChoiceDef* choice = nullptr;  ///< Choice: the names.
    const RecordType* record = nullptr;  ///< Struct, Map, List: the record type.
    Items items{};                       ///< Map, List: the vector's items.
    std::size_t max_items = 0;           ///< Map, List: most items a file may give (0: no limit).
    Bound bound = nullptr;               ///< A range depending on other fields (the check and --set).
    DumpIf dump_if = nullptr;            ///< A rule on other fields for writing it in the dump.

    /// The member in a record.
    void* in(void* owner) const { return access.address(owner); }
    /// The member in a record (read-only).
    const void* in(const void* owner) const { return access.address(const_cast<void*>(owner)); }

  private:
    // A copy with `member` set to `value`, for the modifiers below (defined before them: clang's constant
    // evaluation of the table needs the definition first).
    template <typename T, typename V>
    constexpr FieldDef with(T FieldDef::*member, V value) const {
        FieldDef copy = *this;
        copy.*member = value;
        return copy;
    }

  public:
    // Modifiers for the table's declarations (scenario_schema.cpp): each returns a changed copy.
    /// Must be given (how: `how`).
    constexpr FieldDef required(Need how = Need::Key) const { return with(&FieldDef::need, how); }
    /// `value` means "not given".
    constexpr FieldDef unset_when(Unset value) const { return with(&FieldDef::unset, value); }
    /// Its range or format is checked by a hand-written rule, not by the per-field checks.
    constexpr FieldDef checked_by_rule() const { return with(&FieldDef::check, Check::Rule); }
    /// The record's id when the key is absent; the docs say "the id".
    constexpr FieldDef filled_with_id() const {
        return with(&FieldDef::fill, Fill::RecordId).default_is("the id");
    }
    /// The docs' default, in words.
    constexpr FieldDef default_is(std::string_view text) const { return with(&FieldDef::default_doc, text); }
    /// A range that depends on other fields: `bound` computes it, `text` states it in the docs.
    constexpr FieldDef bounded_by(Bound function, std::string_view text) const {
        return with(&FieldDef::bound, function).with(&FieldDef::range_doc, text);
    }
    /// The docs' words for a range that depends on other fields checked by a rule.
    constexpr FieldDef range_is(std::string_view text) const { return with(&FieldDef::range_doc, text); }
    /// Written by the dump only when `rule` holds.
    constexpr FieldDef dumped_if(DumpIf rule) const { return with(&FieldDef::dump_if, rule); }
    /// At most `count` items in a file.
    constexpr FieldDef at_most(std::size_t count) const { return with(&FieldDef::max_items, count); }
};

/// How the dump writes the records of a Map or List.
enum class Layout {
    Block,  ///< one key per line
    Flow,   ///< one record per line: {key: value, ...}
};

/// A spec struct as a scenario file writes it.
struct RecordType {
    std::string_view name = {};                  ///< "actor", "issue", ...: in messages and the docs.
    std::span<const FieldDef> fields = {};       ///< In file order (the dump's order, the docs' order).
    const void* (*defaults)() = nullptr;         ///< A default-constructed record.
    std::string* (*id)(void* record) = nullptr;  ///< The record's id (its key in a Map; a rung's `id`).
    std::string_view key_name = "id";            ///< What a Map's keys are, in the docs ("issue": issue ids).
    std::string_view shorthand = {};  ///< A field a plain scalar item stands for (a person's name).
    std::span<const std::string_view> one_of = {};    ///< Keys of which at least one must be given.
    std::span<const std::string_view> set_keys = {};  ///< Keys `--set` may name, in its order (empty: every
                                                      ///< scalar field and Map, in file order).
    Layout layout = Layout::Block;                    ///< In the dump, as an item of a Map or List.
    /// Runs after the loader read a record, with the keys the file gave (an event's day from its date).
    void (*after_read)(const ScenarioSpec& spec, void* record, const std::set<std::string>& given) = nullptr;
    std::string_view doc = {};  ///< A sentence for the docs.

    /// The field of a key, or nullptr.
    const FieldDef* find(std::string_view key) const;
    /// Every key, in file order.
    std::vector<std::string> keys() const;
};

/// The whole file: the top-level sections.
const RecordType& scenario_type();

/// The record type of each spec struct (for the rules, --set and the dump).
const RecordType& metadata_type();
const RecordType& issue_type();
const RecordType& actor_type();
const RecordType& person_type();
const RecordType& position_type();
const RecordType& alliance_type();
const RecordType& affinity_type();
const RecordType& commitment_type();
const RecordType& belief_type();
const RecordType& demand_type();
const RecordType& rung_type();
const RecordType& event_type();
const RecordType& model_type();
const RecordType& output_type();

/// True for kinds whose value is one scalar in a file.
constexpr bool is_scalar(Kind kind) {
    return kind != Kind::TextList && kind != Kind::RefList && kind != Kind::Struct && kind != Kind::Map &&
           kind != Kind::List;
}

/// True for kinds held in a std::string.
constexpr bool is_string(Kind kind) {
    return kind == Kind::Text || kind == Kind::Date || kind == Kind::Cameo || kind == Kind::Id ||
           kind == Kind::Ref;
}

/// Typed access to a field's member (the caller knows the kind).
template <typename T>
T& value_of(const FieldDef& field, void* record) {
    return *static_cast<T*>(field.in(record));
}
/// Typed access to a field's member, read-only.
template <typename T>
const T& value_of(const FieldDef& field, const void* record) {
    return *static_cast<const T*>(field.in(record));
}

/// The keys `--set` may name in a record: its set_keys, or every field but lists, in file order.
std::vector<std::string> settable_keys(const RecordType& type);

/// True when a field holds its "not given" value.
bool is_unset(const FieldDef& field, const void* record);

}  // namespace brink::io::schema
