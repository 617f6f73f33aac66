// bdm_rounds.csv of a real run reproduces the first-round figures of the EC car-emissions example
// (Bueno de Mesquita 1994; Scholz, Calbert & Smith 2011; the data and their provenance are in
// tests/unit/model/data/ec_car_emissions.csv). The scenario is built from that table, run by the model with
// decisions off (no one acts before the first BDM round on day 7), written by brink_io exactly as `brink run`
// writes it, and read back from the CSV text.
#include "brink/io/csv.hpp"
#include "brink/io/run_writer.hpp"
#include "brink/io/scenario_loader.hpp"
#include "brink/model/crisis.hpp"

#include "brink_test_support.hpp"
#include "ec_car_emissions.hpp"

#include <gtest/gtest.h>

#include <cctype>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace brink {
namespace {

// The EC table as a scenario: positions from the 4..10 scale to [0,1], capability and salience as given.
std::string ec_scenario() {
    std::ostringstream yaml;
    yaml << "metadata: {name: EC car emissions, horizon: 8}\n"
            "issues: {standards: {low: strictest, high: laxest}}\n"
            "model: {decisions_enabled: false}\n"
            "actors:\n";
    for (const test_support::EcActor& a : test_support::ec_car_emissions()) {
        std::string id = a.name;
        for (char& c : id) {
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
        yaml << "  " << id << ": {capability: " << a.capability
             << ", positions: {standards: {position: " << (a.position - 4.0) / 6.0
             << ", salience: " << a.salience << "}}}\n";
    }
    return yaml.str();
}

// The first round's rows of bdm_rounds.csv, keyed by "actor>other", each a map from column to text.
std::map<std::string, std::map<std::string, std::string>> first_round(const std::string& csv_text) {
    std::istringstream lines(csv_text);
    std::string line;
    std::getline(lines, line);
    std::vector<std::string> header;
    std::stringstream names(line);
    for (std::string name; std::getline(names, name, ',');) {
        header.push_back(name);
    }
    std::map<std::string, std::map<std::string, std::string>> rows;
    while (std::getline(lines, line)) {
        std::stringstream fields(line);
        std::map<std::string, std::string> row;
        for (const std::string& name : header) {
            std::string value;
            std::getline(fields, value, ',');
            row[name] = value;
        }
        if (row["round"] == "1") {
            rows[row["actor"] + ">" + row["other"]] = row;
        }
    }
    return rows;
}

TEST(BdmRoundsCsv, ARealRunReproducesTheFirstRoundOfTheEcCarEmissionsExample) {
    const io::LoadResult loaded = io::load_scenario_string(ec_scenario(), "ec.yaml");
    ASSERT_TRUE(loaded.ok()) << test_support::diagnostics_text(loaded.diagnostics);
    const model::RunResult result = model::run_crisis(*loaded.spec, 1);
    const auto rows = first_round(io::bdm_rounds_csv(*loaded.spec, result));
    ASSERT_EQ(rows.size(), 90u);  // 10 actors: every ordered pair once
    const auto& nl_fr = rows.at("netherlands>france");
    EXPECT_EQ(nl_fr.at("time"), "7");
    // The weighted median is 7 and the weighted mean 7.389955686853767 on the 4..10 scale.
    EXPECT_NEAR(4.0 + 6.0 * std::stod(nl_fr.at("median")), 7.0, 1e-12);
    EXPECT_NEAR(4.0 + 6.0 * std::stod(nl_fr.at("mean")), 7.389955686853767, 1e-12);
    EXPECT_EQ(nl_fr.at("spread"), "1");
    // P^i_ij: the votes for i over the votes for both (the replications' 0.248 / 0.584 and 0.124 / 0.3385).
    EXPECT_NEAR(std::stod(nl_fr.at("probability")), 0.248 / 0.584, 1e-12);
    EXPECT_NEAR(std::stod(rows.at("netherlands>belgium").at("probability")), 0.124 / 0.3385, 1e-12);
    EXPECT_NEAR(std::stod(rows.at("france>netherlands").at("probability")), 0.336 / 0.584, 1e-12);
    // The votes are normalised by the total capability (1.01), which leaves their ratios as published.
    EXPECT_NEAR(std::stod(nl_fr.at("votes")) / std::stod(rows.at("netherlands>belgium").at("votes")),
                (0.248 - 0.336) / (0.124 - 0.0465 - 0.168), 1e-9);
}

}  // namespace
}  // namespace brink
