// The `brink._brink` extension (private): brink's CSV texts read into numpy columns, so that the package
// builds its DataFrames from arrays (pandas.DataFrame of numpy arrays, Categorical.from_codes) instead of
// parsing text in Python. One pass over the text; no Python object per field except in text columns.
#pragma once

#include <pybind11/pybind11.h>

#include <optional>
#include <string>
#include <vector>

namespace brink::python {

/// The columns of a CSV text (a header line, then rows as brink's io::CsvWriter writes them), as a dict from
/// column name to:
/// - kind "number" (the default): an int64 array when every field is a whole number (uint64 when one is
///   above 2^63 - 1 and none is negative), else a float64 array with NaN for empty fields (a column with a
///   field that is not a number is read as text);
/// - kind "category": ("category", int32 codes with -1 for an empty field, categories): the categories are
///   `orders[column]` when given (a value outside them is -1), else the values seen, sorted as pandas sorts
///   them;
/// - kind "date": ("date", int64 days since 1970-01-01, NaT (INT64_MIN) for an empty field);
/// - kind "string": ("string", a list of str, None for an empty field).
/// `kinds` maps column names to "category", "date" or "string"; `orders` maps column names to lists of
/// categories; `wanted` (when given) names the columns read, the others are skipped. Throws
/// std::invalid_argument naming the line of a row with the wrong number of fields.
pybind11::dict read_columns(const std::string& text, const pybind11::dict& kinds,
                            const pybind11::dict& orders,
                            const std::optional<std::vector<std::string>>& wanted);

}  // namespace brink::python
