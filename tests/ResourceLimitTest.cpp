// carecap. SPDX-License-Identifier: MIT
// Resource limits (issue 19): the memory estimate refuses what cannot fit before any work,
// --max-memory, streaming CSV (an error early in a huge file is reported at once), quoted line
// breaks in CSV, and the depth of base chains (docs/reliability.md, "Memory and input limits").
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include "CliRunner.hpp"
#include "tools/run/MemoryEstimate.hpp"

using namespace carecap::testing;
namespace {

const std::string kBeian = (kSourceDir / "scenarios" / "beian" / "beian.toml").string();
const std::string kBeianFacilities = (kSourceDir / "scenarios" / "beian" / "data" / "facilities_2020.csv").string();

/// The refusal of a memory estimate: exit 2, one line, the estimate and the limit.
void require_memory_refusal(const Outcome& o, const std::string& detail) {
  CHECK(o.status == 2);
  CHECK(std::count(o.err.begin(), o.err.end(), '\n') == 1);
  CHECK(contains(o.err, "needs an estimated "));
  CHECK(contains(o.err, " GiB of memory (" + detail));
  CHECK(contains(o.err, "above the limit of 4.0 GiB (--max-memory 4.0 GiB)"));
}

}  // namespace

TEST_CASE("a run too big for memory is refused with its estimate before any work") {
  const CaseDir dir;
  SUBCASE("100,000 stochastic replications of Bei'an") {
    const auto started = std::chrono::steady_clock::now();
    const Outcome o = run_carecap({"run", kBeian, "--mode", "stochastic", "--replications", "100000", "--max-memory", "4G",
                                   "-o", (dir.path() / "b.h5").string()});
    require_memory_refusal(o, "100000 replication(s)");
    CHECK(std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() < 5.0);
    CHECK_FALSE(fs::exists(dir.path() / "b.h5"));
  }
  SUBCASE("capacity.replications = 100000") {
    write_file(dir.path() / "reps.toml", "base = \"" + kBeian + "\"\n[capacity]\nreplications = 100000\n");
    require_memory_refusal(run_carecap({"run", (dir.path() / "reps.toml").string(), "--max-memory", "4G", "-o",
                                        (dir.path() / "r.h5").string()}),
                           "100000 replication(s)");
    require_memory_refusal(run_carecap({"check-plan", (dir.path() / "reps.toml").string(), "--max-memory", "4G"}),
                           "100000 replication(s)");
  }
  SUBCASE("20 facilities of 10 million beds (the most a facility may have)") {
    std::string csv = read_file(kBeianFacilities);  // Bei'an's, so that its plan still finds its beds
    for (int i = 1; i <= 20; ++i) csv += "F" + std::to_string(i) + ",f,北安市,public,true,10000000,0,0,,,,\n";  // no label_zh, label_en
    write_file(dir.path() / "big.csv", csv);
    write_file(dir.path() / "big.toml", "base = \"" + kBeian + "\"\n[supply]\nfacilities_file = \"big.csv\"\n");
    require_memory_refusal(run_carecap({"run", (dir.path() / "big.toml").string(), "--max-memory", "4G", "-o",
                                        (dir.path() / "f.h5").string()}),
                           "10 replication(s)");
  }
}

TEST_CASE("--max-memory takes sizes like 4G or 512M; anything else is bad input") {
  using carecap::tools::parse_memory_size;
  CHECK(parse_memory_size("4G") == 4ull << 30);
  CHECK(parse_memory_size("512M") == 512ull << 20);
  CHECK(parse_memory_size("512m") == 512ull << 20);
  CHECK(parse_memory_size("1.5GiB") == 3ull << 29);
  CHECK(parse_memory_size("2T") == 2ull << 40);
  CHECK(parse_memory_size("1073741824") == 1ull << 30);
  for (const std::string bad : {"G", "4X", "-1G", "0", "4 G", "1e300", "4GG", "nan"}) {
    CAPTURE(bad);
    const Outcome o = run_carecap({"run", kBeian, "--max-memory", bad, "-o", "/nonexistent/x.h5"});
    CHECK(o.status == 2);
    CHECK(contains(o.err, "--max-memory: expected a size like 4G or 512M"));
    CHECK(std::count(o.err.begin(), o.err.end(), '\n') == 1);
  }
  SUBCASE("a size large enough lets a small run through") {
    const CaseDir dir;
    const Outcome o = run_carecap({"run", kBeian, "--max-memory", "8G", "-o", (dir.path() / "b.h5").string()});
    CHECK(o.status == 0);
  }
}

TEST_CASE("an error on line 103 of a 2 GB CSV is reported in under a second") {
  const CaseDir dir;
  const fs::path csv = dir.path() / "pop.csv";
  {
    std::ofstream out(csv, std::ios::binary);
    out << "age,male,female\n";
    for (int age = 0; age <= 100; ++age) out << age << ",1000,1000\n";
    out << "5,1,1\n";  // line 103: age 5 again
    std::string filler;
    for (int i = 0; i < 1 << 16; ++i) filler += "50,1000,1000\n";
    while (out.tellp() < std::streampos(2'000'000'000LL)) out.write(filler.data(), static_cast<std::streamsize>(filler.size()));
  }
  REQUIRE(fs::file_size(csv) >= 2'000'000'000ULL);
  write_file(dir.path() / "s.toml", "base = \"" + kBeian + "\"\n[population]\nbase_file = \"pop.csv\"\n");
  const auto started = std::chrono::steady_clock::now();
  const Outcome o = run_carecap({"validate", (dir.path() / "s.toml").string()});
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  fs::remove(csv);
  CHECK(o.status == 2);
  CHECK(contains(o.err, "pop.csv:103: duplicate row for age 5"));
  CHECK(seconds < 1.0);
}

TEST_CASE("a quoted field with a line break is one field; later lines keep their numbers") {
  const CaseDir dir;
  std::string facilities = read_file(kBeianFacilities);
  const std::string name = "private institutions in 北安市";
  REQUIRE(contains(facilities, name));
  facilities.replace(facilities.find(name), name.size(), "\"private institutions\nin 北安市\"");  // Excel's Alt+Enter
  write_file(dir.path() / "facilities.csv", facilities);
  write_file(dir.path() / "s.toml", "base = \"" + kBeian + "\"\n[supply]\nfacilities_file = \"facilities.csv\"\n");
  CHECK(run_carecap({"validate", (dir.path() / "s.toml").string()}).status == 0);
  // The last row made bad: its file line counts the break above it.
  std::size_t last = facilities.rfind('\n', facilities.size() - 2) + 1;
  const std::size_t lines = static_cast<std::size_t>(std::count(facilities.begin(), facilities.end(), '\n'));
  std::string row = facilities.substr(last);
  const std::size_t field = [&] {  // the sixth field: general_beds
    std::size_t at = 0;
    for (int comma = 0; comma < 5; ++comma) at = row.find(',', at) + 1;
    return at;
  }();
  row.replace(field, row.find(',', field) - field, "-5");
  write_file(dir.path() / "facilities.csv", facilities.substr(0, last) + row);
  const Outcome o = run_carecap({"validate", (dir.path() / "s.toml").string()});
  CHECK(o.status == 2);
  CHECK(contains(o.err, "facilities.csv:" + std::to_string(lines) + ": column 'general_beds'"));
}

TEST_CASE("a chain of 40 base files is refused at base number 33") {
  const CaseDir dir;
  for (int i = 0; i < 40; ++i)
    write_file(dir.path() / ("s" + std::to_string(i) + ".toml"),
               "base = \"" + (i == 39 ? kBeian : "s" + std::to_string(i + 1) + ".toml") + "\"\n");
  const Outcome o = run_carecap({"validate", (dir.path() / "s0.toml").string()});
  CHECK(o.status == 2);
  CHECK(std::count(o.err.begin(), o.err.end(), '\n') == 1);
  CHECK(contains(o.err, "s33.toml: base chain too deep: this file is base number 33 below the scenario; expected at "
                        "most 32 files linked by 'base'"));
  SUBCASE("32 bases are accepted") {  // s1 .. s30, beian.toml and its base china.toml
    write_file(dir.path() / "s30.toml", "base = \"" + kBeian + "\"\n");
    CHECK(run_carecap({"validate", (dir.path() / "s0.toml").string()}).status == 0);
  }
}
