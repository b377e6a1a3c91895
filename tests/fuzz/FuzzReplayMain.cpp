// carecap. SPDX-License-Identifier: MIT
// The fuzz targets as ordinary tests (built without libFuzzer): every seed (the real files of the
// scenarios) must load, and every input kept in the given folders (crashes found by fuzzing,
// tests/fuzz/regressions/TARGET) must be refused or accepted cleanly, never crash.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <vector>

#include "tests/fuzz/FuzzTarget.hpp"

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv);

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  LLVMFuzzerInitialize(&argc, &argv);
  const auto& target = carecap::fuzz::fuzz_target();
  const auto seeds = carecap::fuzz::seed_inputs();
  for (std::size_t i = 0; i < seeds.size(); ++i)
    if (!carecap::fuzz::run_input(seeds[i])) {
      std::cerr << target.name << ": seed " << i << " (" << target.slots[i].replaced << " loaded through "
                << target.slots[i].loaded << ") was refused; the seed corpus must be valid input\n";
      return 1;
    }
  std::size_t replayed = 0;
  std::size_t accepted = 0;
  for (int a = 1; a < argc; ++a) {
    if (!fs::is_directory(argv[a])) {
      std::cerr << target.name << ": " << argv[a] << " is not a folder of inputs\n";
      return 1;
    }
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(argv[a]))
      if (entry.is_regular_file() && entry.path().extension() != ".md") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
      std::ifstream in(file, std::ios::binary);
      const std::string input{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
      accepted += carecap::fuzz::run_input(input) ? 1 : 0;
      ++replayed;
    }
  }
  std::cout << target.name << ": " << seeds.size() << " seeds loaded; " << replayed << " kept inputs replayed ("
            << accepted << " accepted, " << replayed - accepted << " refused with an InputError), no crash\n";
  return 0;
}
