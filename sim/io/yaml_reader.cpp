// The guarded YAML base (include/brink/io/yaml_reader.hpp).
#include "brink/io/yaml_reader.hpp"

#include <yaml-cpp/eventhandler.h>

#include <sstream>
#include <vector>

namespace brink::io {

namespace {

// Sees only where documents start (for counting them); ignores their content.
class DocumentCounter final : public YAML::EventHandler {
  public:
    std::vector<YAML::Mark> starts;
    void OnDocumentStart(const YAML::Mark& mark) override { starts.push_back(mark); }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
    void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
    void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                         YAML::EmitterStyle::value) override {}
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                    YAML::EmitterStyle::value) override {}
    void OnMapEnd() override {}
};

// A second document, found with a bounded loop: yaml-cpp 0.7's LoadAll never returns on some inputs (",#"),
// where the parser reports document after document without advancing.
std::optional<YamlError> second_document(const std::string& text) {
    try {
        std::istringstream stream(text);
        YAML::Parser parser(stream);
        DocumentCounter counter;
        while (counter.starts.size() < 2 && parser.HandleNextDocument(counter)) {
        }
        if (counter.starts.size() == 2) {
            const YAML::Mark& second = counter.starts[1];
            const YamlFailure failure = second.pos <= counter.starts[0].pos ? YamlFailure::TextOutsideDocument
                                                                            : YamlFailure::SeveralDocuments;
            return YamlError{failure, location_of(second), {}};
        }
    } catch (const YAML::Exception& e) {
        return YamlError{YamlFailure::Syntax, location_of(e.mark), e.msg};
    }
    return std::nullopt;
}

}  // namespace

Location location_of(const YAML::Mark& mark) {
    if (mark.line < 0 || mark.column < 0) {
        return {};
    }
    return {mark.line + 1, mark.column + 1};
}

std::string describe_node(const YAML::Node& node) {
    switch (node.Type()) {
        case YAML::NodeType::Null:
            return "an empty value";
        case YAML::NodeType::Sequence:
            return "a sequence";
        case YAML::NodeType::Map:
            return "a mapping";
        case YAML::NodeType::Scalar: {
            std::string text = node.Scalar();
            if (text.size() > 40) {
                text = text.substr(0, 37) + "...";
            }
            return "'" + text + "'";
        }
        default:
            return "nothing";
    }
}

std::string YamlError::message() const {
    switch (failure) {
        case YamlFailure::TooLarge:
            return "the file is too large (" + detail + " bytes; at most " +
                   std::to_string(k_max_yaml_bytes) + ")";
        case YamlFailure::Syntax:
            return "not valid YAML: " + detail;
        case YamlFailure::TextOutsideDocument:
            return "not valid YAML: unexpected text outside any mapping or sequence";
        case YamlFailure::SeveralDocuments:
            return "expected one YAML document, found more";
    }
    return "not valid YAML";
}

YamlInput parse_yaml(std::string_view text, Documents documents) {
    YamlInput input;
    if (text.size() > k_max_yaml_bytes) {
        input.error = YamlError{YamlFailure::TooLarge, {}, std::to_string(text.size())};
        return input;
    }
    const std::string owned(text);
    try {
        input.root = YAML::Load(owned);
    } catch (const YAML::Exception& e) {
        input.error = YamlError{YamlFailure::Syntax, location_of(e.mark), e.msg};
        return input;
    }
    if (documents == Documents::ExactlyOne) {
        input.error = second_document(owned);
    }
    return input;
}

std::string NodeBudget::message() const {
    return "the file is too large: more than " + std::to_string(m_max_nodes) +
           " YAML nodes (after expanding aliases)";
}

}  // namespace brink::io
