# Every dependency comes from Debian 12's packages; scripts/setup.sh installs them.
find_package(Eigen3 3.3 REQUIRED NO_MODULE)
find_package(yaml-cpp REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(Boost 1.74 REQUIRED COMPONENTS program_options iostreams filesystem)
find_package(Threads REQUIRED)
find_package(NLopt 2.7 REQUIRED CONFIG)  # libnlopt-dev (C API): brink calibrate's local refinement

# Debian's gnuplot-iostream ships a single header and no CMake config.
find_path(GNUPLOT_IOSTREAM_INCLUDE_DIR gnuplot-iostream.h REQUIRED)
add_library(gnuplot_iostream INTERFACE)
target_include_directories(gnuplot_iostream SYSTEM INTERFACE ${GNUPLOT_IOSTREAM_INCLUDE_DIR})
target_link_libraries(gnuplot_iostream INTERFACE Boost::iostreams Boost::filesystem)

if(BRINK_BUILD_TESTS)
    find_package(GTest REQUIRED)
    include(GoogleTest)
endif()
if(BRINK_BUILD_BENCH)
    find_package(benchmark REQUIRED)
endif()
if(BRINK_MPI)
    find_package(MPI REQUIRED COMPONENTS CXX)
endif()

# The Python module (sim/python): built when BRINK_PYTHON is on and pybind11 and the Python headers are found.
# Not in sanitizer or fuzz builds: the Debian interpreter that would load it is not instrumented.
set(BRINK_PYTHON_MODULE OFF)
if(BRINK_PYTHON AND (BRINK_SANITIZE OR BRINK_FUZZ))
    message(STATUS "brink: Python module not built: sanitizer and fuzz builds cannot be loaded by python3")
elseif(BRINK_PYTHON)
    # Debian's interpreter (the one with Debian's pandas), even when another python3 comes first in PATH.
    if(NOT DEFINED Python3_EXECUTABLE AND EXISTS /usr/bin/python3)
        set(Python3_EXECUTABLE /usr/bin/python3)
    endif()
    find_package(Python3 COMPONENTS Interpreter Development.Module QUIET)
    if(Python3_FOUND)
        find_package(pybind11 CONFIG QUIET)
    endif()
    if(Python3_FOUND AND pybind11_FOUND)
        set(BRINK_PYTHON_MODULE ON)
        message(STATUS "brink: Python module for ${Python3_EXECUTABLE} (pybind11 ${pybind11_VERSION})")
    else()
        message(STATUS "brink: Python module not built: needs pybind11-dev and python3-dev "
                       "(scripts/setup.sh installs them); -DBRINK_PYTHON=OFF silences this")
    endif()
endif()
