// carecap. SPDX-License-Identifier: MIT
#include "scenarios/loader/PopulationGroupsLoader.hpp"

#include <cmath>
#include <map>
#include <sstream>

#include "scenarios/loader/AgeTables.hpp"
#include "scenarios/loader/CsvTable.hpp"
#include "text/Catalogue.hpp"
#include "scenarios/loader/ScenarioDocument.hpp"

namespace carecap::scenarios {
namespace {

using demography::AgeGroupCount;

/// The broad groups a plan or census gives, by key: ages first..last.
struct BroadGroup {
  const char* key;
  int first_age;
  int last_age;
};
constexpr BroadGroup kBroadGroups[] = {
    {"age_0_2", 0, 2},         {"age_0_14", 0, 14},      {"age_15_59", 15, 59}, {"age_15_64", 15, 64},
    {"age_60_plus", 60, 100},  {"age_65_plus", 65, 100}, {"age_80_plus", 80, 100},
};

std::string number(double x) {
  std::ostringstream out;
  out.precision(12);
  out << x;
  return out.str();
}

std::vector<SectionSchema> schema() {
  std::set<std::string> keys{"total", "sex_ratio", "standard_file", "five_year_file", "source"};
  for (const BroadGroup& g : kBroadGroups) {
    keys.insert(g.key);
    keys.insert(std::string("share_") + g.key);
  }
  return {{"population_groups", keys, {}}};
}

}  // namespace

PopulationGroupsFile read_population_groups(const std::string& path) {
  const ScenarioDocument doc(path, schema());
  PopulationGroupsFile file;
  file.path = path;
  auto& g = file.groups;
  const ScenarioValue total = doc.require("population_groups", "total");
  g.total = total.as_number(1.0, 2e9);
  std::map<std::string, std::pair<double, std::string>> given;  // key -> (persons, where)
  for (const BroadGroup& b : kBroadGroups) {
    const auto count = doc.find("population_groups", b.key);
    const auto share = doc.find("population_groups", std::string("share_") + b.key);
    if (count && share)
      throw InputError(text::both("errors.groups.both_forms", {{"where", share->where()}, {"key", b.key}}));
    if (!count && !share) continue;
    const double persons = count ? count->as_number(0.0, 2e9) : share->as_number(0.0, 1.0) * g.total;
    const std::string where = (count ? *count : *share).where();
    if (persons > g.total)
      throw InputError(text::both("errors.groups.above_total", {{"where", where}, {"total", number(g.total)}, {"found", number(persons)}}));
    given[b.key] = {persons, where};
    g.groups.push_back({b.key, b.first_age, b.last_age, persons});
  }
  auto check_within = [&](const char* inner, const char* outer) {
    if (given.count(inner) && given.count(outer) && given[inner].first > given[outer].first)
      throw InputError(text::both("errors.groups.above_outer", {{"where", given[inner].second}, {"outer", outer},
                                                                {"persons", number(given[outer].first)},
                                                                {"found", number(given[inner].first)}}));
  };
  check_within("age_0_2", "age_0_14");
  check_within("age_65_plus", "age_60_plus");
  check_within("age_80_plus", "age_65_plus");
  check_within("age_80_plus", "age_60_plus");
  for (const auto& [young, middle, old] : {std::tuple{"age_0_14", "age_15_59", "age_60_plus"},
                                           std::tuple{"age_0_14", "age_15_64", "age_65_plus"}})
    if (given.count(young) && given.count(middle) && given.count(old)) {
      const double sum = given[young].first + given[middle].first + given[old].first;
      if (std::abs(sum - g.total) > 0.5)
        throw InputError(text::both("errors.groups.not_total", {{"where", given[old].second}, {"young", young}, {"middle", middle},
                                                                {"old", old}, {"total", number(g.total)}, {"found", number(sum)}}));
    }
  if (auto v = doc.find("population_groups", "sex_ratio")) g.sex_ratio = v->as_number(50.0, 200.0);
  if (auto v = doc.find("population_groups", "five_year_file")) {
    const std::string csv = v->as_existing_path();
    std::vector<int> covered(demography::kAgeCount, 0);
    for (const auto& row : read_csv<3>(csv, {"first_age", "last_age", "persons"})) {
      const int first = parse_integer(row.fields[0], csv, row.line, "first_age");
      const int last = parse_integer(row.fields[1], csv, row.line, "last_age");
      if (first < 0 || last > demography::kOpenAge || last < first)
        throw InputError(text::both("errors.groups.band_range", {{"where", csv + ":" + std::to_string(row.line) + ": "},
                                                                 {"from", row.fields[0]}, {"to", row.fields[1]}}));
      for (int a = first; a <= last; ++a)
        if (covered[static_cast<std::size_t>(a)]++)
          throw InputError(text::both("errors.groups.band_overlap", {{"where", csv + ":" + std::to_string(row.line) + ": "},
                                                                     {"from", row.fields[0]}, {"to", row.fields[1]}, {"age", a}}));
      const double persons = parse_number(row.fields[2], NumberRule::non_negative, csv, row.line, "persons", g.total);
      g.groups.push_back({csv + ":" + std::to_string(row.line), first, last, persons});
    }
  }
  file.standard_path = doc.require("population_groups", "standard_file").as_existing_path();
  file.standard = read_age_by_sex_wide(file.standard_path, NumberRule::non_negative, kMaxPersonsPerCell);
  g.source = doc.require("population_groups", "source").as_string();
  return file;
}

}  // namespace carecap::scenarios
