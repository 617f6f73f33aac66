// brink io (private): the constructors of the schema table's declarations (scenario_schema.cpp). Each
// constructor checks at compile time that the struct member's C++ type is the one its Kind is read as, so a
// mistake in the table is a compile error; the accessors reach a member through a type-erased record pointer.
#pragma once

#include "schema.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace brink::io::schema::build {

// ---- Type-erased access to members, checked at compile time ----

template <typename T>
struct MemberOf;
template <typename C, typename M>
struct MemberOf<M C::*> {
    using Record = C;
    using Value = M;
};

template <typename T>
struct IsVector : std::false_type {};
template <typename T>
struct IsVector<std::vector<T>> : std::true_type {};

template <auto Member>
void* address_of(void* record) {
    using Traits = MemberOf<decltype(Member)>;
    return &(static_cast<typename Traits::Record*>(record)->*Member);
}

template <auto Member>
constexpr Access member() {
    return {&address_of<Member>};
}

template <typename Item>
constexpr Items items() {
    return {[](const void* vector) { return static_cast<const std::vector<Item>*>(vector)->size(); },
            [](void* vector, std::size_t index) -> void* {
                return &(*static_cast<std::vector<Item>*>(vector))[index];
            },
            [](void* vector) -> void* { return &static_cast<std::vector<Item>*>(vector)->emplace_back(); }};
}

template <typename Record>
const void* defaults_of() {
    static const Record record{};
    return &record;
}

template <auto Member>
std::string* id_of(void* record) {
    return static_cast<std::string*>(address_of<Member>(record));
}

template <typename Enum>
constexpr ChoiceDef choice_of(int count, const char* (*name)(int), std::string_view expected,
                              std::string_view noun) {
    return {count,
            name,
            [](const void* member) { return static_cast<int>(*static_cast<const Enum*>(member)); },
            [](void* member, int value) { *static_cast<Enum*>(member) = static_cast<Enum>(value); },
            expected,
            noun};
}

template <auto Member>
using ValueOf = typename MemberOf<decltype(Member)>::Value;

template <auto Member>
constexpr FieldDef field(std::string_view key, Kind kind, std::string_view doc) {
    FieldDef made;
    made.key = key;
    made.kind = kind;
    made.access = member<Member>();
    made.doc = doc;
    return made;
}

// One constructor per kind; each checks the member's C++ type, so a table mistake is a compile error.

template <auto Member>
constexpr FieldDef text(std::string_view key, std::string_view doc, Kind kind = Kind::Text) {
    static_assert(std::is_same_v<ValueOf<Member>, std::string>);
    return field<Member>(key, kind, doc);
}

template <auto Member>
constexpr FieldDef reference(std::string_view key, Target target, std::string_view doc) {
    FieldDef made = text<Member>(key, doc, Kind::Ref);
    made.target = target;
    return made;
}

template <auto Member>
constexpr FieldDef number(std::string_view key, Range range, std::string_view doc, Kind kind = Kind::Number) {
    static_assert(std::is_same_v<ValueOf<Member>, double>);
    FieldDef made = field<Member>(key, kind, doc);
    made.range = range;
    return made;
}

template <auto Member>
constexpr FieldDef seed(std::string_view key, std::string_view doc) {
    static_assert(std::is_same_v<ValueOf<Member>, std::uint64_t>);
    return field<Member>(key, Kind::Seed, doc);
}

template <auto Member>
constexpr FieldDef flag(std::string_view key, std::string_view doc) {
    static_assert(std::is_same_v<ValueOf<Member>, bool>);
    return field<Member>(key, Kind::Flag, doc);
}

template <auto Member>
constexpr FieldDef list(std::string_view key, Target target, std::string_view doc) {
    static_assert(std::is_same_v<ValueOf<Member>, std::vector<std::string>>);
    FieldDef made = field<Member>(key, target == Target::None ? Kind::TextList : Kind::RefList, doc);
    made.target = target;
    return made;
}

template <auto Member>
constexpr FieldDef choice(std::string_view key, const ChoiceDef& names, std::string_view doc) {
    static_assert(std::is_enum_v<ValueOf<Member>>);
    FieldDef made = field<Member>(key, Kind::Choice, doc);
    made.choice = &names;
    return made;
}

template <auto Member>
constexpr FieldDef nested(std::string_view key, Kind kind, const RecordType& record, std::string_view doc) {
    FieldDef made = field<Member>(key, kind, doc);
    made.record = &record;
    if constexpr (IsVector<ValueOf<Member>>::value) {
        made.items = items<typename ValueOf<Member>::value_type>();
    }
    return made;
}

}  // namespace brink::io::schema::build
