// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <functional>
#include <string>
#include <vector>

namespace carecap::fuzz {

/// One file of a copied scenario tree that a fuzz input replaces, and the file then loaded
/// (the replaced file itself, or the scenario, study or sweep that reads it). Paths are relative
/// to the source tree (e.g. "scenarios/beian/data/facilities_2020.csv").
struct FuzzSlot {
  std::string replaced;
  std::string loaded;
};

/// What a fuzz target exercises: the first byte of an input picks a slot (modulo their number),
/// the rest of the input becomes the replaced file, and `load` reads the loaded file. `load`
/// must throw nothing but carecap::InputError; anything else (another exception, a crash, a
/// sanitizer report) is a bug.
struct FuzzTarget {
  std::string name;
  std::vector<FuzzSlot> slots;
  std::function<void(const std::string& path)> load;
};

/// Reads a scenario file with every table it names, or, for a `population_groups.toml`, the
/// input of carecap synth-pop; the `load` of the scenario and table targets.
void load_scenario_input(const std::string& path);

/// Defined once by each fuzz target's source file.
[[nodiscard]] const FuzzTarget& fuzz_target();

/// The seed inputs of the target: for each slot, its index byte and the real file's bytes.
[[nodiscard]] std::vector<std::string> seed_inputs();

/// Runs one input; returns true when the loader accepted it, false on an InputError.
bool run_input(const std::string& input);

}  // namespace carecap::fuzz
