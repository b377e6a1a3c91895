// carecap. SPDX-License-Identifier: MIT
#include "scenarios/loader/AgeTables.hpp"

#include <map>
#include <optional>
#include <tuple>
#include <utility>
#include <vector>

#include "text/TextArg.hpp"

namespace carecap::scenarios {
namespace {

using demography::kAgeCount;
using demography::kOpenAge;
using demography::Sex;

std::string at(const std::string& path, int line) { return path + ":" + std::to_string(line) + ": "; }

int parse_age(const std::string& text, const std::string& path, int line, int lowest, int highest) {
  const int age = parse_integer(text, path, line, "age");
  if (age < lowest || age > highest)
    throw InputError(text::both("errors.age_table.age", {{"where", at(path, line)}, {"low", lowest}, {"high", highest},
                                                         {"found", text}}));
  return age;
}

Sex parse_sex(const std::string& text, const std::string& path, int line) {
  if (text == "male") return Sex::male;
  if (text == "female") return Sex::female;
  throw InputError(text::both("errors.banded.sex", {{"where", at(path, line)}, {"found", text}}));
}

/// A group of rows of an age table: a year (or none) and a sex (or none).
struct AgeGroup {
  std::optional<int> year;
  std::optional<Sex> sex;
  bool operator<(const AgeGroup& o) const { return std::tie(year, sex) < std::tie(o.year, o.sex); }
  /// As messages name it: "year 2024, male, ", "female, " or "" (in both languages).
  [[nodiscard]] text::Text words() const {
    text::Text out;
    const auto add = [&out](const text::Text& part) {
      out.zh += part.zh;
      out.en += part.en;
    };
    if (year) add(text::both("errors.age_table.group_year", {{"year", *year}}));
    if (sex) add(*sex == Sex::male ? text::both("errors.age_table.group_male") : text::both("errors.age_table.group_female"));
    return out;
  }
};

AgeGroup in_sex(Sex sex) { return {std::nullopt, sex}; }
AgeGroup in_year(int year, std::optional<Sex> sex = std::nullopt) { return {year, sex}; }

/// Tracks which (group, age) cells a table has filled, to report duplicates and gaps.
class AgeCoverage {
public:
  AgeCoverage(std::string path, int lowest, int highest) : path_(std::move(path)), lowest_(lowest), highest_(highest) {}

  void mark(const AgeGroup& group, int age, int line) {
    auto& cells = seen_[group];
    if (cells.empty()) cells.assign(static_cast<std::size_t>(highest_ - lowest_ + 1), 0);
    char& cell = cells[static_cast<std::size_t>(age - lowest_)];
    if (cell != 0)
      throw InputError(text::both("errors.age_table.duplicate", {{"where", text::same(at(path_, line))}, {"group", group.words()},
                                                                 {"age", text::same(std::to_string(age))}}));
    cell = 1;
  }
  /// Every one of `groups` must hold every age lowest..highest.
  void require_complete(const std::vector<AgeGroup>& groups) const {
    for (const AgeGroup& group : groups) {
      const auto found = seen_.find(group);
      for (int age = lowest_; age <= highest_; ++age)
        if (found == seen_.end() || found->second[static_cast<std::size_t>(age - lowest_)] == 0)
          throw InputError(text::both("errors.age_table.gap", {{"path", text::same(path_)}, {"group", group.words()},
                                                               {"age", text::same(std::to_string(age))},
                                                               {"low", text::same(std::to_string(lowest_))},
                                                               {"high", text::same(std::to_string(highest_))}}));
    }
  }

private:
  std::string path_;
  int lowest_, highest_;
  std::map<AgeGroup, std::vector<char>> seen_;  // per group, one flag per age from lowest_
};

const std::vector<AgeGroup> kBothSexes{in_sex(Sex::male), in_sex(Sex::female)};

}  // namespace

AgeSexTable read_age_by_sex_wide(const std::string& path, NumberRule rule, double highest) {
  AgeSexTable table;
  AgeCoverage coverage(path, 0, kOpenAge);
  for (const auto& row : read_csv<3>(path, {"age", "male", "female"})) {
    const int age = parse_age(row.fields[0], path, row.line, 0, kOpenAge);
    coverage.mark({}, age, row.line);
    table[Sex::male][age] = parse_number(row.fields[1], rule, path, row.line, "male", highest);
    table[Sex::female][age] = parse_number(row.fields[2], rule, path, row.line, "female", highest);
  }
  coverage.require_complete({AgeGroup{}});
  return table;
}

AgeSexTable read_age_sex_long(const std::string& path, const std::string& value_column, NumberRule rule,
                              double highest) {
  AgeSexTable table;
  AgeCoverage coverage(path, 0, kOpenAge);
  for (const auto& row : read_csv<3>(path, {"age", "sex", value_column})) {
    const int age = parse_age(row.fields[0], path, row.line, 0, kOpenAge);
    const Sex sex = parse_sex(row.fields[1], path, row.line);
    coverage.mark(in_sex(sex), age, row.line);
    table[sex][age] = parse_number(row.fields[2], rule, path, row.line, value_column, highest);
  }
  coverage.require_complete(kBothSexes);
  return table;
}

std::map<int, AgeSexTable> read_year_age_sex_long(const std::string& path, const std::string& value_column,
                                                  NumberRule rule, double highest) {
  std::map<int, AgeSexTable> tables;
  AgeCoverage coverage(path, 0, kOpenAge);
  for (const auto& row : read_csv<4>(path, {"year", "age", "sex", value_column})) {
    const int year = parse_integer(row.fields[0], path, row.line, "year");
    const int age = parse_age(row.fields[1], path, row.line, 0, kOpenAge);
    const Sex sex = parse_sex(row.fields[2], path, row.line);
    coverage.mark(in_year(year, sex), age, row.line);
    tables[year][sex][age] = parse_number(row.fields[3], rule, path, row.line, value_column, highest);
  }
  std::vector<AgeGroup> groups;
  for (const auto& entry : tables)
    for (const Sex sex : {Sex::male, Sex::female}) groups.push_back(in_year(entry.first, sex));
  coverage.require_complete(groups);
  return tables;
}

AgeVector read_mother_age_profile(const std::string& path, const std::string& value_column) {
  AgeVector profile{};
  AgeCoverage coverage(path, kMinMotherAge, kMaxMotherAge);
  for (const auto& row : read_csv<2>(path, {"age", value_column})) {
    const int age = parse_age(row.fields[0], path, row.line, kMinMotherAge, kMaxMotherAge);
    coverage.mark({}, age, row.line);
    profile[age] = parse_number(row.fields[1], NumberRule::non_negative, path, row.line, value_column);
  }
  return profile;
}

std::map<int, AgeVector> read_asfr_by_year(const std::string& path) {
  std::map<int, AgeVector> asfr;
  AgeCoverage coverage(path, kMinMotherAge, kMaxMotherAge);
  for (const auto& row : read_csv<3>(path, {"year", "age", "asfr"})) {
    const int year = parse_integer(row.fields[0], path, row.line, "year");
    const int age = parse_age(row.fields[1], path, row.line, kMinMotherAge, kMaxMotherAge);
    coverage.mark(in_year(year), age, row.line);
    const double rate = parse_number(row.fields[2], NumberRule::non_negative, path, row.line, "asfr");
    if (rate > 1.0)
      throw InputError(text::both("errors.age_table.asfr", {{"where", at(path, row.line)}, {"found", row.fields[2]}}));
    asfr[year][age] = rate;
  }
  return asfr;
}

demography::YearPath read_year_series(const std::string& path, const std::string& value_column, NumberRule rule,
                                      double highest) {
  std::vector<std::pair<int, double>> anchors;
  for (const auto& row : read_csv<2>(path, {"year", value_column})) {
    const int year = parse_integer(row.fields[0], path, row.line, "year");
    if (!anchors.empty() && year <= anchors.back().first)
      throw InputError(text::both("errors.age_table.year_order", {{"where", at(path, row.line)}, {"after", anchors.back().first},
                                                                  {"found", row.fields[0]}}));
    anchors.emplace_back(year, parse_number(row.fields[1], rule, path, row.line, value_column, highest));
  }
  return demography::YearPath(std::move(anchors));
}

}  // namespace carecap::scenarios
