// carecap. SPDX-License-Identifier: MIT
#include "tools/run/MemoryEstimate.hpp"

#include "models/supply/BaseYearSupply.hpp"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <fstream>
#include <thread>
#include <unistd.h>

#include "sim/Errors.hpp"
#include "text/TextArg.hpp"

namespace carecap::tools {
namespace {

std::atomic<std::uint64_t> limit_set{0};

constexpr double kAgeSex = 2.0 * 101;  // values of an age-sex table
constexpr double kBedTypes = 3;
constexpr double kWaitBinsPerHistogram = 16;  // mean bins used by a (year, bed type, region, class) wait histogram (measured)
constexpr double kSeriesOverhead = 400;       // bytes per result series: name, units, description, source, dimensions
constexpr double kBytesPerPerson = 320;       // capacity simulation, per resident or person waiting: record, events, list entry (vectors grow x2)
constexpr double kBaseBytes = 96.0 * (1 << 20);  // the program, its libraries and the scenario's tables
constexpr double kCalibration = 1.15;         // margin over the formula, which came within 1.2 of measured peaks (docs/reliability.md)

/// "23.4 GiB".
std::string size_text(double bytes) {
  const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
  int u = 0;
  while (bytes >= 1024 && u < 5) {
    bytes /= 1024;
    ++u;
  }
  char text[32];
  std::snprintf(text, sizeof text, u == 0 ? "%.0f %s" : "%.1f %s", bytes, units[u]);
  return text;
}

/// The cgroup's memory limit (v2 memory.max, v1 memory.limit_in_bytes), or 0 for none.
std::uint64_t cgroup_limit() {
  for (const char* file : {"/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"}) {
    std::ifstream in(file);
    std::string text;
    if (!(in >> text) || text == "max") continue;
    std::uint64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error == std::errc() && end == text.data() + text.size() && value < (std::uint64_t{1} << 60)) return value;
  }
  return 0;
}

int team(int threads, int replications) {
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  return std::max(1, std::min(threads > 0 ? threads : cores, std::max(1, replications)));
}

/// Replications run_scenario makes (as in tools/run/ScenarioRun.cpp).
int replications_of(const scenarios::Scenario& s) {
  const bool deterministic = s.run.mode == demography::ProjectionMode::deterministic;
  return s.supply && deterministic ? s.supply->capacity.replications : std::max(1, s.run.replications);
}

/// The parts of the estimate, in bytes.
struct Parts {
  double kept_per_replication = 0;  // result groups, waits (and a stochastic projection) kept to the end
  double largest_series = 0;        // values of the largest series, summarised across replications
  double per_replication_series = 0;  // values of the series also written for every replication
  double all_values = 0;              // values of all series of one replication
  double working_per_thread = 0;      // a replication's own working memory (demand, capacity simulation)
};

Parts parts_of(const scenarios::Scenario& s, NaturalTrend natural_trend) {
  Parts p;
  const double years = s.projection.end_year - s.projection.base_year + 1;
  // Projection: population 1 Jan (years + 1) and 1 Jul, births, deaths, migrants by age and sex; ~30 series by year.
  const double projection = kAgeSex * (5 * years + 1) + 30 * years;
  double values = projection, series = 45, small = 30 * years;
  p.largest_series = kAgeSex * (years + 1);
  const bool stochastic = s.run.mode == demography::ProjectionMode::stochastic;
  double kept_extra = stochastic ? 8 * projection : 0;  // run_projection keeps every replication's projection
  double working = 8 * projection;
  if (s.demand) {
    const double demand = kAgeSex * 4 * years + 90 * years;  // care states and dementia by age; totals, beds, indicators
    values += demand;
    series += 40;
    small += 60 * years;
    p.largest_series = std::max(p.largest_series, kAgeSex * 3 * years);
    working += 8 * 3 * demand;  // the demand result, derived twice (calibrated care use), and its parameters
  }
  if (s.supply) {
    const auto& supply = s.supply->supply;
    const double cyears = std::max(1, s.supply->capacity.last_year - s.projection.base_year + 1);
    const double regions = static_cast<double>(supply.regions.size());
    const double units = static_cast<double>(supply.facilities.size() + supply.projects.size());
    const double cells = kBedTypes * regions;
    // By year x bed type x region: ~52 series (with the monthly levels, 12 a year); by facility: 2 x bed type.
    // A plan's natural trend (ScenarioRun.hpp) is a second capacity and childcare simulation.
    const supply::ChildcareSupply* childcare_supply = s.supply->childcare ? &*s.supply->childcare : nullptr;
    const double copies = natural_trend == NaturalTrend::simulate &&
                                  supply::plan_changes_supply(supply, childcare_supply, s.projection.base_year)
                              ? 2.0
                              : 1.0;
    const double capacity = copies * cyears * (52 * cells + 2 * kBedTypes * units + 8 * regions + 40);
    values += capacity;
    series += 70;
    small += 25 * cyears;
    p.largest_series = std::max(p.largest_series, cyears * 24 * cells);
    kept_extra += cyears * cells * 2 * kWaitBinsPerHistogram * 16;  // sparse wait histograms by priority class
    // People in the capacity simulation: residents (at most the beds ever open) and as many waiting.
    double beds = 0;
    for (const auto& f : supply.facilities)
      for (const auto b : f.beds) beds += static_cast<double>(b);
    for (const auto& project : supply.projects) beds += static_cast<double>(std::max<std::int64_t>(0, project.beds));
    working += kBytesPerPerson * 2 * beds + 8 * 4 * capacity;
    if (s.supply->childcare) {
      const double childcare = copies * cyears * (4 * regions * 15 + 20);
      double places = 0;
      for (const auto& provider : s.supply->childcare->providers)
        for (const auto n : provider.places) places += static_cast<double>(n);
      values += childcare;
      series += 20;
      working += kBytesPerPerson * 2 * places;
    }
  }
  p.all_values = values;
  p.per_replication_series = small;
  p.kept_per_replication = 8 * values + kSeriesOverhead * series + kept_extra;
  p.working_per_thread = working;
  return p;
}

std::uint64_t to_bytes(double bytes) {
  return bytes >= 1.8e19 ? std::uint64_t{1} << 63 : static_cast<std::uint64_t>(bytes);
}

}  // namespace

std::uint64_t parse_memory_size(const std::string& text) {
  const auto refuse = [&]() -> std::uint64_t {
    throw InputError(text::both("errors.memory.size", {{"found", text}}));
  };
  double number = 0;
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, number);
  if (text.empty() || error != std::errc() || !(number > 0)) return refuse();
  std::string unit(stop, end);
  for (char& c : unit) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (unit.size() >= 2 && unit.substr(unit.size() - 2) == "IB") unit.erase(unit.size() - 2);
  else if (unit.size() >= 2 && unit.back() == 'B') unit.pop_back();
  else if (unit == "B") unit.clear();
  const std::string units = "KMGT";
  double scale = 1;
  if (unit.size() == 1 && units.find(unit[0]) != std::string::npos)
    for (std::size_t i = 0; i <= units.find(unit[0]); ++i) scale *= 1024;
  else if (!unit.empty()) return refuse();
  const double bytes = number * scale;
  if (bytes < 1 || bytes > static_cast<double>(std::uint64_t{1} << 60)) return refuse();
  return static_cast<std::uint64_t>(bytes);
}

void set_memory_limit(std::uint64_t bytes) { limit_set = bytes; }

MemoryLimit memory_limit() {
  if (const std::uint64_t set = limit_set.load(); set > 0)
    return {set, text::same("--max-memory " + size_text(static_cast<double>(set)))};
  const long pages = ::sysconf(_SC_PHYS_PAGES), page = ::sysconf(_SC_PAGE_SIZE);
  double physical = pages > 0 && page > 0 ? static_cast<double>(pages) * static_cast<double>(page) : 0;
  text::Text what = text::both("errors.memory.physical");
  if (const std::uint64_t cgroup = cgroup_limit(); cgroup > 0 && (physical == 0 || static_cast<double>(cgroup) < physical)) {
    physical = static_cast<double>(cgroup);
    what = text::both("errors.memory.cgroup");
  }
  if (physical == 0) return {std::uint64_t{1} << 62, text::both("errors.memory.no_size")};
  return {to_bytes(kDefaultMemoryShare * physical),
          text::both("errors.memory.default_limit", {{"size", text::same(size_text(physical))}, {"what", what}})};
}

std::uint64_t run_memory_bytes(const scenarios::Scenario& scenario, int threads, NaturalTrend natural_trend) {
  const Parts p = parts_of(scenario, natural_trend);
  const double r = replications_of(scenario);
  const double kept = r * p.kept_per_replication;
  // Writing (output/ResultsFile.cpp): the HDF5 file built in memory and its image (twice the file:
  // every replication of the small series and four statistics of each), and one series' values
  // across replications being summarised.
  const double file = 8 * (r > 1 ? r * p.per_replication_series + 4 * p.all_values : p.all_values);
  const double writing = 2 * file + 8 * r * p.largest_series;
  const double working = team(threads, static_cast<int>(r)) * p.working_per_thread;
  return to_bytes(kCalibration * (kBaseBytes + kept + std::max(writing, working)));
}

std::uint64_t sweep_memory_bytes(const scenarios::Scenario& scenario, std::size_t runs, std::size_t width, int threads) {
  const int t = team(threads, static_cast<int>(std::min<std::size_t>(runs, 1 << 20)));
  const double one_run = static_cast<double>(run_memory_bytes(scenario, 1)) / kCalibration - kBaseBytes;
  // Each run's records: in the block gathered, the checkpoint, and the reductions (x 4).
  const double records = 4 * 8 * static_cast<double>(runs) * static_cast<double>(width + 1);
  return to_bytes(kCalibration * (kBaseBytes + t * one_run + records));
}

void check_memory(std::uint64_t estimate, const std::string& what, const text::Text& detail) {
  const MemoryLimit limit = memory_limit();
  if (estimate <= limit.bytes) return;
  throw InputError(text::both("errors.memory.too_much", {{"what", text::same(what)},
                                                         {"estimate", text::same(size_text(static_cast<double>(estimate)))},
                                                         {"detail", detail},
                                                         {"limit", text::same(size_text(static_cast<double>(limit.bytes)))},
                                                         {"origin", limit.origin}}));
}

void check_run_memory(const scenarios::Scenario& scenario, int threads, NaturalTrend natural_trend) {
  const int r = replications_of(scenario);
  check_memory(run_memory_bytes(scenario, threads, natural_trend), scenario.path,
               text::both("errors.memory.run_detail", {{"replications", r}, {"threads", team(threads, r)}}));
}

}  // namespace carecap::tools
