// brink's CSV texts into numpy columns (columns.hpp). The text is split once into fields (RFC 4180 quoting,
// as io::CsvWriter writes it), column by column; the columns are then converted by their kinds on a few
// threads (the GIL released: a conversion makes no Python object), and handed to numpy.
#include "columns.hpp"

#include "bindings.hpp"

#include "brink/io/calendar.hpp"
#include "brink/io/numbers.hpp"

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <deque>
#include <exception>
#include <limits>
#include <map>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

namespace py = pybind11;

namespace brink::python {
namespace {

// The fields of a text, column by column (only the wanted columns keep theirs). Unquoted fields are views
// into the text; quoted ones (rare: a description with a comma) are unescaped into `owned`.
struct Table {
    std::vector<std::string> header;
    std::vector<bool> wanted;
    std::vector<std::vector<std::string_view>> columns;
    std::deque<std::string> owned;
};

// Reads one field at `at` (before `end`); leaves `at` on the separator (',' or '\n') or at `end`.
std::string_view next_field(const char*& at, const char* end, std::deque<std::string>& owned) {
    if (at < end && *at == '"') {
        std::string field;
        ++at;
        while (at < end) {
            if (*at == '"') {
                if (at + 1 < end && at[1] == '"') {
                    field += '"';
                    at += 2;
                    continue;
                }
                ++at;
                break;
            }
            field += *at++;
        }
        owned.push_back(std::move(field));
        return owned.back();
    }
    const char* start = at;
    while (at < end && *at != ',' && *at != '\n') {
        ++at;
    }
    std::string_view field(start, static_cast<std::size_t>(at - start));
    if (!field.empty() && field.back() == '\r') {
        field.remove_suffix(1);
    }
    return field;
}

// The rows of [at, end) (whole lines) into `columns` (the wanted ones); `first_line` numbers them in
// messages.
void split_rows(const char* at, const char* end, const std::vector<bool>& wanted, std::size_t first_line,
                std::vector<std::vector<std::string_view>>& columns, std::deque<std::string>& owned) {
    const std::size_t count = wanted.size();
    std::size_t line = first_line;
    while (at < end) {
        std::size_t c = 0;
        while (true) {
            const std::string_view field = next_field(at, end, owned);
            if (c < count && wanted[c]) {
                columns[c].push_back(field);
            }
            ++c;
            if (at >= end || *at++ == '\n') {
                break;
            }
        }
        if (c != count) {
            throw std::invalid_argument("line " + std::to_string(line) + " has " + std::to_string(c) +
                                        " fields, the header " + std::to_string(count));
        }
        ++line;
    }
}

Table split(const std::string& text, const std::optional<std::vector<std::string>>& wanted) {
    Table table;
    const char* at = text.data();
    const char* end = at + text.size();
    while (at < end) {  // the header
        const std::string_view name = next_field(at, end, table.owned);
        table.header.emplace_back(name);
        table.wanted.push_back(!wanted || std::find(wanted->begin(), wanted->end(), name) != wanted->end());
        if (at >= end || *at++ == '\n') {
            break;
        }
    }
    const std::size_t columns = table.header.size();
    table.columns.resize(columns);
    // Rows estimated from the first one's length (vectors grow past it if needed).
    const char* first_end = std::find(at, end, '\n');
    const auto estimate =
        static_cast<std::size_t>(end - at) / static_cast<std::size_t>(first_end - at + 1) + 16;
    // A text without quotes (no field holds a line break) is split in two halves on two threads at a line
    // boundary; the halves' columns are then joined in order.
    const bool halves =
        end - at > (1 << 20) && std::memchr(at, '"', static_cast<std::size_t>(end - at)) == nullptr;
    const char* middle = halves ? std::find(at + (end - at) / 2, end, '\n') : end;
    middle = middle == end ? end : middle + 1;
    std::vector<std::vector<std::string_view>> second(columns);
    for (std::size_t c = 0; c < columns; ++c) {
        if (table.wanted[c]) {
            table.columns[c].reserve(middle == end ? estimate : estimate / 2 + 16);
            second[c].reserve(middle == end ? 0 : estimate / 2 + 16);
        }
    }
    std::exception_ptr failure;
    std::deque<std::string> unused;  // the second half has no quoted field
    std::thread worker;
    if (middle != end) {
        worker = std::thread([&] {
            try {
                // Lines are counted only for a message: the second half's first line is known after the
                // first half is split.
                split_rows(middle, end, table.wanted, 0, second, unused);
            } catch (...) {
                failure = std::current_exception();
            }
        });
    }
    try {
        split_rows(at, middle, table.wanted, 2, table.columns, table.owned);
    } catch (...) {
        if (worker.joinable()) {
            worker.join();
        }
        throw;
    }
    if (worker.joinable()) {
        worker.join();
        if (failure) {
            try {
                std::rethrow_exception(failure);
            } catch (const std::invalid_argument& error) {
                // "line N ..." counted from the second half's start: add the lines before it.
                const std::string message = error.what();
                const std::size_t before = 2 + static_cast<std::size_t>(std::count(at, middle, '\n'));
                const std::size_t space = message.find(' ', 5);
                throw std::invalid_argument(
                    "line " + std::to_string(before + std::stoull(message.substr(5, space - 5))) +
                    message.substr(space));
            }
        }
        for (std::size_t c = 0; c < columns; ++c) {
            table.columns[c].insert(table.columns[c].end(), second[c].begin(), second[c].end());
        }
    }
    return table;
}

template <typename T>
std::optional<T> whole(std::string_view field) {
    T value{};
    const auto result = std::from_chars(field.data(), field.data() + field.size(), value);
    if (field.empty() || result.ec != std::errc{} || result.ptr != field.data() + field.size()) {
        return std::nullopt;
    }
    return value;
}

// A column converted without Python objects (so that columns convert on worker threads, the GIL released).
struct Converted {
    enum class As { Int64, UInt64, Float64, Category, Date, Text } as = As::Text;
    std::vector<std::int64_t> integers;  // Int64, Date (days since 1970-01-01; NaT as INT64_MIN)
    std::vector<std::uint64_t> unsigned_integers;
    std::vector<double> reals;
    std::vector<std::int32_t> codes;      // Category: -1 for an empty field
    std::vector<std::string> categories;  // Category
};

// Whole numbers when every field is one: int64, or uint64 when one is above 2^63 - 1 and none is negative
// (as pandas reads them).
bool as_whole_numbers(const std::vector<std::string_view>& fields, Converted& out) {
    if (fields.empty()) {
        return false;
    }
    out.integers.reserve(fields.size());
    for (std::string_view field : fields) {
        const std::optional<std::int64_t> value = whole<std::int64_t>(field);
        if (!value) {
            break;
        }
        out.integers.push_back(*value);
    }
    if (out.integers.size() == fields.size()) {
        out.as = Converted::As::Int64;
        return true;
    }
    out.integers.clear();
    out.unsigned_integers.reserve(fields.size());
    for (std::string_view field : fields) {
        const std::optional<std::uint64_t> value = whole<std::uint64_t>(field);
        if (!value) {
            out.unsigned_integers.clear();
            return false;
        }
        out.unsigned_integers.push_back(*value);
    }
    out.as = Converted::As::UInt64;
    return true;
}

// A plain decimal ("-0.75", "12", no exponent) with at most 15 fraction digits and a digit string below 2^53:
// m / 10^k is then one correctly rounded IEEE division of two exact doubles (Clinger's fast path), the value
// std::from_chars gives, in a few nanoseconds. nullopt for anything else (from_chars reads it). `point` says
// whether it had a decimal point.
std::optional<double> plain_decimal(std::string_view field, bool& point) {
    static constexpr double k_powers[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                          1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    constexpr std::uint64_t k_exact = std::uint64_t{1} << 53;
    std::size_t at = 0;
    const bool negative = !field.empty() && field.front() == '-';
    at += negative ? 1 : 0;
    std::uint64_t digits = 0;
    std::size_t count = 0;
    std::size_t fraction = 0;
    point = false;
    for (; at < field.size(); ++at) {
        const char c = field[at];
        if (c >= '0' && c <= '9') {
            if (++count > 16) {
                return std::nullopt;
            }
            digits = digits * 10 + static_cast<std::uint64_t>(c - '0');
            fraction += point ? 1 : 0;
        } else if (c == '.' && !point) {
            point = true;
        } else {
            return std::nullopt;
        }
    }
    if (count == 0 || digits >= k_exact || fraction >= std::size(k_powers)) {
        return std::nullopt;
    }
    const double value = static_cast<double>(digits) / k_powers[fraction];
    return negative ? -value : value;
}

// Whole numbers, else float64 with NaN for empty fields, else text.
void as_numbers(const std::vector<std::string_view>& fields, Converted& out) {
    // One pass as reals, noting whether every field was a whole number: then the column is int64 (from the
    // reals when every field was a plain decimal below 2^53, exact; else read again as whole numbers).
    out.reals.assign(fields.size(), std::numeric_limits<double>::quiet_NaN());
    bool integral = !fields.empty();
    bool plain = true;
    for (std::size_t r = 0; r < fields.size(); ++r) {
        if (fields[r].empty()) {
            integral = false;
            continue;
        }
        bool point = false;
        std::optional<double> number = plain_decimal(fields[r], point);
        integral = integral && !point;
        if (!number) {
            plain = false;
            number = io::parse_number(fields[r]);
        }
        if (!number && !(integral && whole<std::uint64_t>(fields[r]))) {
            out.reals.clear();
            out.as = Converted::As::Text;
            return;
        }
        out.reals[r] = number.value_or(0.0);
    }
    if (integral && plain) {
        out.as = Converted::As::Int64;
        out.integers.assign(out.reals.begin(), out.reals.end());
        out.reals.clear();
        return;
    }
    if (integral && as_whole_numbers(fields, out)) {
        out.reals.clear();
        return;
    }
    out.as = Converted::As::Float64;
}

void as_categories(const std::vector<std::string_view>& fields, const std::vector<std::string>* order,
                   Converted& out) {
    out.as = Converted::As::Category;
    out.codes.assign(fields.size(), -1);
    std::unordered_map<std::string_view, std::int32_t> code_of;
    if (order != nullptr) {
        out.categories = *order;
        for (std::size_t k = 0; k < out.categories.size(); ++k) {
            code_of.emplace(out.categories[k], static_cast<std::int32_t>(k));
        }
        for (std::size_t r = 0; r < fields.size(); ++r) {
            const auto found = code_of.find(fields[r]);
            out.codes[r] = found == code_of.end() ? -1 : found->second;
        }
        return;
    }
    // The values seen, in first-seen order, then sorted (pandas sorts inferred categories); codes remapped.
    // An id column has a few values: they are looked for among the first 16 seen before the hash map.
    std::vector<std::string_view> seen;
    for (std::size_t r = 0; r < fields.size(); ++r) {
        const std::string_view field = fields[r];
        if (field.empty()) {
            continue;
        }
        const std::size_t few = std::min<std::size_t>(seen.size(), 16);
        std::size_t k = 0;
        while (k < few && seen[k] != field) {
            ++k;
        }
        if (k < few) {
            out.codes[r] = static_cast<std::int32_t>(k);
            continue;
        }
        const auto [found, added] = code_of.emplace(field, static_cast<std::int32_t>(seen.size()));
        if (added) {
            seen.push_back(field);
        }
        out.codes[r] = found->second;
    }
    std::vector<std::size_t> sorted(seen.size());
    for (std::size_t k = 0; k < sorted.size(); ++k) {
        sorted[k] = k;
    }
    std::sort(sorted.begin(), sorted.end(), [&](std::size_t a, std::size_t b) { return seen[a] < seen[b]; });
    std::vector<std::int32_t> rank(seen.size());
    for (std::size_t k = 0; k < sorted.size(); ++k) {
        rank[sorted[k]] = static_cast<std::int32_t>(k);
        out.categories.emplace_back(seen[sorted[k]]);
    }
    for (std::int32_t& code : out.codes) {
        code = code < 0 ? code : rank[static_cast<std::size_t>(code)];
    }
}

void as_dates(const std::vector<std::string_view>& fields, Converted& out) {
    out.as = Converted::As::Date;
    const long epoch = *io::date_to_days("1970-01-01");
    out.integers.assign(fields.size(), std::numeric_limits<std::int64_t>::min());
    std::map<std::string_view, std::int64_t> cache;  // a table's dates repeat: convert each once
    for (std::size_t r = 0; r < fields.size(); ++r) {
        if (fields[r].empty()) {
            continue;
        }
        auto found = cache.find(fields[r]);
        if (found == cache.end()) {
            const std::optional<long> day = io::date_to_days(fields[r]);
            if (!day) {
                throw std::invalid_argument("not a date: '" + std::string(fields[r]) + "'");
            }
            found = cache.emplace(fields[r], static_cast<std::int64_t>(*day - epoch)).first;
        }
        out.integers[r] = found->second;
    }
}

// The requested kind of each column ("number", "category", "date", "string") and its categories' order.
struct Request {
    std::string kind = "number";
    std::optional<std::vector<std::string>> order;
};

// Converts the wanted columns on up to `threads` threads (columns are independent); rethrows the first
// error.
std::vector<Converted> convert(const Table& table, const std::vector<Request>& requests) {
    std::vector<Converted> converted(table.header.size());
    std::atomic<std::size_t> next{0};
    std::mutex failure_mutex;
    std::exception_ptr failure;
    const auto work = [&] {
        for (std::size_t c = next++; c < converted.size(); c = next++) {
            if (!table.wanted[c]) {
                continue;
            }
            try {
                const Request& request = requests[c];
                if (request.kind == "category") {
                    as_categories(table.columns[c], request.order ? &*request.order : nullptr, converted[c]);
                } else if (request.kind == "date") {
                    as_dates(table.columns[c], converted[c]);
                } else if (request.kind == "number") {
                    as_numbers(table.columns[c], converted[c]);
                }
            } catch (...) {
                const std::lock_guard<std::mutex> lock(failure_mutex);
                failure = failure ? failure : std::current_exception();
            }
        }
    };
    const unsigned threads = std::clamp(std::thread::hardware_concurrency(), 1U, 4U);
    std::vector<std::thread> workers;
    for (unsigned t = 1; t < threads; ++t) {
        workers.emplace_back(work);
    }
    work();
    for (std::thread& worker : workers) {
        worker.join();
    }
    if (failure) {
        std::rethrow_exception(failure);
    }
    return converted;
}

py::list texts(const std::vector<std::string_view>& fields) {
    py::list list(fields.size());
    for (std::size_t r = 0; r < fields.size(); ++r) {
        if (fields[r].empty()) {
            list[r] = py::none();
        } else {
            list[r] = py::str(fields[r].data(), fields[r].size());
        }
    }
    return list;
}

py::object column_object(const Converted& column, const std::vector<std::string_view>& fields) {
    switch (column.as) {
        case Converted::As::Int64:
            return array_of(column.integers);
        case Converted::As::UInt64:
            return array_of(column.unsigned_integers);
        case Converted::As::Float64:
            return array_of(column.reals);
        case Converted::As::Category:
            return py::make_tuple("category", array_of(column.codes), column.categories);
        case Converted::As::Date:
            return py::make_tuple("date", array_of(column.integers));
        case Converted::As::Text:
            break;
    }
    return py::make_tuple("string", texts(fields));
}

}  // namespace

py::dict read_columns(const std::string& text, const py::dict& kinds, const py::dict& orders,
                      const std::optional<std::vector<std::string>>& wanted) {
    Table table;
    {
        py::gil_scoped_release release;
        table = split(text, wanted);
    }
    std::vector<Request> requests(table.header.size());
    for (std::size_t c = 0; c < table.header.size(); ++c) {
        const py::str name(table.header[c]);
        if (kinds.contains(name)) {
            requests[c].kind = kinds[name].cast<std::string>();
        }
        if (orders.contains(name)) {
            requests[c].order = orders[name].cast<std::vector<std::string>>();
        }
    }
    std::vector<Converted> converted;
    {
        py::gil_scoped_release release;
        converted = convert(table, requests);
    }
    py::dict out;
    for (std::size_t c = 0; c < table.header.size(); ++c) {
        if (table.wanted[c]) {
            out[py::str(table.header[c])] = column_object(converted[c], table.columns[c]);
        }
    }
    return out;
}

}  // namespace brink::python
