// The EC car-emissions example (Bueno de Mesquita 1994; Scholz, Calbert & Smith 2011): the rows of
// tests/unit/model/data/ec_car_emissions.csv (provenance in the file), read once for the BDM tests of the
// model and the bdm_rounds.csv system test.
#pragma once

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace brink::test_support {

/// One member state: position on the 4..10 scale, capability as a share of the total, salience in [0,1].
struct EcActor {
    std::string name;
    double capability = 0.0;
    double position = 0.0;
    double salience = 0.0;
};

/// The ten member states in file order.
inline std::vector<EcActor> ec_car_emissions() {
    std::ifstream in(std::string(BRINK_SOURCE_DIR) + "/tests/unit/model/data/ec_car_emissions.csv");
    if (!in) {
        throw std::runtime_error("cannot open ec_car_emissions.csv");
    }
    std::vector<EcActor> actors;
    std::string line;
    bool header_seen = false;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') {
            continue;
        }
        if (!header_seen) {
            header_seen = true;
            continue;
        }
        std::stringstream fields(line);
        std::string name, capability, position, salience;
        std::getline(fields, name, ',');
        std::getline(fields, capability, ',');
        std::getline(fields, position, ',');
        std::getline(fields, salience, ',');
        actors.push_back({name, std::stod(capability), std::stod(position), std::stod(salience)});
    }
    return actors;
}

}  // namespace brink::test_support
