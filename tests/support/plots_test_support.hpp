// Helpers for the plots tests (unit and system): fixture paths, scratch copies of run directories, golden
// scripts and chart file checks.
#pragma once

#include "brink/plots/render.hpp"

#include "brink_test_support.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

namespace brink::plots::testing {

namespace test_support = brink::test_support;

/// A fixture run directory under tests/unit/plots/data/.
inline std::string fixture_dir(const std::string& name) {
    return std::string(BRINK_SOURCE_DIR) + "/tests/unit/plots/data/" + name;
}

/// A fresh copy of a fixture in a scratch directory (test_support::TempDir: removed when the object dies).
class ScratchRun {
  public:
    explicit ScratchRun(const std::string& fixture, const std::string& tag)
        : m_scratch("brink-plots-" + tag) {
        for (const auto& entry : std::filesystem::directory_iterator(fixture_dir(fixture))) {
            if (entry.is_regular_file()) {
                std::filesystem::copy_file(entry.path(), m_scratch.path() / entry.path().filename());
            }
        }
    }

    /// The directory.
    std::string path() const { return m_scratch.path().string(); }

  private:
    test_support::TempDir m_scratch;
};

/// The whole contents of a file ("" if it cannot be read).
inline std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

/// Compares a chart script with tests/unit/plots/golden/<name>.gp. With BRINK_UPDATE_GOLDEN=1 the golden is
/// rewritten instead: a change to a golden file is a reviewed decision (STYLE.md).
inline void expect_golden(const std::string& script, const std::string& name) {
    std::string path = std::string(BRINK_SOURCE_DIR) + "/tests/unit/plots/golden/" + name + ".gp";
    if (const char* update = std::getenv("BRINK_UPDATE_GOLDEN");
        update != nullptr && std::string(update) == "1") {
        std::ofstream(path, std::ios::binary) << script;
    }
    std::string golden = slurp(path);
    ASSERT_FALSE(golden.empty()) << "missing golden file " << path << " (BRINK_UPDATE_GOLDEN=1 creates it)";
    EXPECT_EQ(script, golden) << "the " << name << " script differs from " << path;
}

}  // namespace brink::plots::testing

namespace brink::plots::testing {

/// True if `text` is a well-formed XML document whose root element is `root`: every start tag is closed in
/// order (a minimal check: no DTD validation, attribute syntax not parsed beyond quotes).
inline bool is_balanced_xml(const std::string& text, const std::string& root) {
    std::vector<std::string> open;
    std::string first_element;
    std::size_t at = 0;
    while ((at = text.find('<', at)) != std::string::npos) {
        if (text.compare(at, 4, "<!--") == 0) {
            at = text.find("-->", at);
            if (at == std::string::npos) {
                return false;
            }
            continue;
        }
        if (text.compare(at, 9, "<![CDATA[") == 0) {
            at = text.find("]]>", at);
            if (at == std::string::npos) {
                return false;
            }
            continue;
        }
        // Find the end of the tag, skipping quoted attribute values.
        std::size_t end = at + 1;
        char quote = 0;
        for (; end < text.size(); ++end) {
            char c = text[end];
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                break;
            }
        }
        if (end >= text.size()) {
            return false;
        }
        std::string tag = text.substr(at + 1, end - at - 1);
        at = end + 1;
        if (tag.empty() || tag[0] == '?' || tag[0] == '!') {
            continue;
        }
        if (tag[0] == '/') {
            std::string name = tag.substr(1, tag.find_first_of(" \t\r\n", 1) - 1);
            if (open.empty() || open.back() != name) {
                return false;
            }
            open.pop_back();
            continue;
        }
        std::string name = tag.substr(0, tag.find_first_of(" \t\r\n/"));
        if (first_element.empty()) {
            first_element = name;
        } else if (open.empty()) {
            return false;  // a second root element
        }
        if (tag.back() != '/') {
            open.push_back(name);
        }
    }
    return open.empty() && first_element == root;
}

/// Checks that a chart file is valid for its format (PNG signature, SVG with a balanced <svg> root, PDF
/// header and trailer) and not trivially small (a real chart has text, axes and data).
inline void expect_valid_chart(const std::string& path, ChartFormat format) {
    std::string bytes = slurp(path);
    SCOPED_TRACE(path);
    switch (format) {
        case ChartFormat::Png:
            EXPECT_EQ(bytes.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
            EXPECT_GT(bytes.size(), 20000U);
            break;
        case ChartFormat::Svg:
            EXPECT_TRUE(is_balanced_xml(bytes, "svg"));
            EXPECT_GT(bytes.size(), 10000U);
            break;
        case ChartFormat::Pdf:
            EXPECT_EQ(bytes.substr(0, 5), "%PDF-");
            EXPECT_NE(bytes.find("%%EOF"), std::string::npos);
            EXPECT_GT(bytes.size(), 8000U);
            break;
    }
}

}  // namespace brink::plots::testing
