// carecap. SPDX-License-Identifier: MIT
// The part every fuzz target shares: a private copy of the scenario tree, the replaced file put
// back after each input, and the libFuzzer entry points.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>

#include "scenarios/loader/PopulationGroupsLoader.hpp"
#include "scenarios/loader/ScenarioLoader.hpp"
#include "sim/Errors.hpp"
#include "tests/fuzz/FuzzTarget.hpp"

namespace carecap::fuzz {
namespace {

namespace fs = std::filesystem;

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("fuzz: cannot read " + path.string());
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_bytes(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out.flush()) throw std::runtime_error("fuzz: cannot write " + path.string());
}

/// The folders the slots live in, copied once per process to a fresh temporary folder so that
/// relative references between scenarios, studies, sweeps and tables resolve as in the source.
class ScenarioTree {
public:
  ScenarioTree() {
    std::string pattern = (fs::temp_directory_path() / "carecap-fuzz-").string() + std::string(6, 'X');  // for mkdtemp
    if (!mkdtemp(pattern.data())) throw std::runtime_error("fuzz: cannot make a temporary folder");
    root_ = pattern;
    for (const char* folder : {"scenarios", "tests/scenarios", "tests/sweeps", "tests/fuzz/scenarios"}) {
      fs::create_directories(root_ / folder);
      fs::copy(fs::path(CARECAP_SOURCE_DIR) / folder, root_ / folder, fs::copy_options::recursive);
    }
  }
  ~ScenarioTree() {
    std::error_code ignored;
    fs::remove_all(root_, ignored);
  }
  ScenarioTree(const ScenarioTree&) = delete;
  ScenarioTree& operator=(const ScenarioTree&) = delete;
  [[nodiscard]] fs::path path(const std::string& relative) const { return root_ / relative; }

private:
  fs::path root_;
};

const ScenarioTree& tree() {
  static const ScenarioTree copied;
  return copied;
}

/// Replaces a file for the lifetime of the guard and puts the original bytes back.
class ReplacedFile {
public:
  ReplacedFile(fs::path path, const std::string& bytes) : path_(std::move(path)), original_(read_bytes(path_)) {
    write_bytes(path_, bytes);
  }
  ~ReplacedFile() {
    try {
      write_bytes(path_, original_);
    } catch (const std::exception& error) {  // the tree is no longer the source's: stop here
      std::fprintf(stderr, "fuzz harness: %s (not a finding of the input)\n", error.what());
      std::_Exit(3);
    }
  }
  ReplacedFile(const ReplacedFile&) = delete;
  ReplacedFile& operator=(const ReplacedFile&) = delete;

private:
  fs::path path_;
  std::string original_;
};

}  // namespace

void load_scenario_input(const std::string& path) {
  if (fs::path(path).filename() == "population_groups.toml")
    (void)scenarios::read_population_groups(path);
  else
    (void)scenarios::load_scenario(path);
}

std::vector<std::string> seed_inputs() {
  const FuzzTarget& target = fuzz_target();
  std::vector<std::string> seeds;
  for (std::size_t slot = 0; slot < target.slots.size(); ++slot)
    seeds.push_back(std::string(1, static_cast<char>(slot)) +
                    read_bytes(fs::path(CARECAP_SOURCE_DIR) / target.slots[slot].replaced));
  return seeds;
}

bool run_input(const std::string& input) {
  if (input.empty()) return false;
  const FuzzTarget& target = fuzz_target();
  const FuzzSlot& slot = target.slots[static_cast<unsigned char>(input[0]) % target.slots.size()];
  const ReplacedFile replaced(tree().path(slot.replaced), input.substr(1));
  try {
    target.load(tree().path(slot.loaded).string());
    return true;
  } catch (const InputError&) {
    return false;  // a clear one-line refusal is the expected outcome of most inputs
  }
}

}  // namespace carecap::fuzz

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  // `CARECAP_FUZZ_SEEDS=DIR fuzz_x` writes the seed corpus (one file per slot) and exits.
  if (const char* folder = std::getenv("CARECAP_FUZZ_SEEDS")) {
    const auto seeds = carecap::fuzz::seed_inputs();
    std::filesystem::create_directories(folder);
    for (std::size_t i = 0; i < seeds.size(); ++i)
      carecap::fuzz::write_bytes(std::filesystem::path(folder) / ("seed_" + std::to_string(i)), seeds[i]);
    std::exit(0);
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  carecap::fuzz::run_input(std::string(reinterpret_cast<const char*>(data), size));
  return 0;
}
