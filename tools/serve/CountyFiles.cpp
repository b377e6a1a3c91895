// carecap. SPDX-License-Identifier: MIT
#include "tools/serve/CountyFiles.hpp"

#include <cmath>
#include <cstdio>
#include <set>

#include "text/TextArg.hpp"
#include "tools/serve/CountySchema.hpp"
#include "tools/serve/CountyWords.hpp"
#include "tools/serve/FormText.hpp"

namespace carecap::serve {
namespace {

bool blank(const std::vector<std::string>& row) {
  for (const std::string& cell : row)
    if (!cell.empty()) return false;
  return true;
}

std::string csv_number(const std::string& typed, const char* when_empty = "") {
  if (typed.empty()) return when_empty;
  const auto number = form_number(typed);
  return number ? number_text(number->value) : csv_field(typed);
}

FormPlace field_place(std::string field) { return FormPlace::at_field(std::move(field)); }
FormPlace cell_place(std::string grid, int row, std::string column = "") {
  return FormPlace::at_cell(std::move(grid), row, std::move(column));
}

}  // namespace

void MappedFile::add(std::string line, FormPlace place) {
  lines_.push_back(std::move(line));
  if (!place.empty()) places_[static_cast<int>(lines_.size())] = std::move(place);
}

void MappedFile::map_column(std::string csv_column, std::string grid_column) {
  grid_columns_[std::move(csv_column)] = std::move(grid_column);
}

std::string MappedFile::text() const {
  std::string out;
  for (const std::string& line : lines_) out += line + "\n";
  return out;
}

FormPlace MappedFile::place_at(int line, const std::string& csv_column) const {
  const auto found = places_.find(line);
  if (found == places_.end()) return {};
  FormPlace place = found->second;
  const auto column = grid_columns_.find(csv_column);
  if (!place.grid.empty() && column != grid_columns_.end()) place.column = column->second;
  return place;
}

std::vector<CountyTown> county_towns(const CountyForm& form) {
  std::vector<CountyTown> towns;
  const auto& rows = form.grid("towns");
  for (std::size_t r = 0; r < rows.size(); ++r) {
    if (blank(rows[r])) continue;
    CountyTown town{rows[r][0], rows[r][1], std::nullopt, static_cast<int>(r) + 1};
    if (const auto number = form_number(rows[r][2])) town.population = number->value;
    towns.push_back(town);
  }
  if (!towns.empty()) return towns;
  std::set<std::string> seen;
  for (const auto& [grid, column] : {std::pair{"beds", 0}, std::pair{"childcare", 0}, std::pair{"projects", 4}})
    for (const auto& row : form.grid(grid))
      if (!blank(row) && !row[column].empty() && seen.insert(row[column]).second) towns.push_back({row[column], "", {}, 0});
  if (towns.empty()) towns.push_back({form.label_zh, form.label_en, {}, 0});
  return towns;
}

std::optional<FormYears> form_years(const CountyForm& form, std::vector<FormProblem>& problems) {
  FormYears years;
  bool whole = true;
  for (const auto& [field, year] : {std::pair{"base_year", &years.base_year}, std::pair{"end_year", &years.end_year}}) {
    const auto number = form_number(form.field(field));
    // Four digits: the files write the year into a TOML date (base_date), which holds no other;
    // which years the data cover is the loader's check.
    if (number && !number->share && number->value == std::floor(number->value) && number->value >= 1000 &&
        number->value <= 9999) {
      *year = static_cast<int>(number->value);
      continue;
    }
    whole = false;
    const FormPlace place = field_place(field);
    problems.push_back({place, place.labelled(text::both("serve.county.error.not_year", {{"found", text::same(form.field(field))}}))});
  }
  return whole ? std::optional(years) : std::nullopt;
}

MappedFile population_groups_file(const CountyForm& form) {
  MappedFile f;
  const text::Text source = text::both("serve.county.written.groups_source", {{"label", text::same(form.label_zh)}});
  f.add("# " + form.label_zh + ": the plan's base-year figures for `carecap synth-pop` (made by carecap serve's form).");
  f.add("[population_groups]");
  f.add("total = " + toml_number(form.field("population")), field_place("population"));
  for (const char* group : {"age_60_plus", "age_65_plus", "age_0_2"}) {
    const std::string& typed = form.field(group);
    if (typed.empty()) continue;
    const auto number = form_number(typed);
    const std::string key = number && number->share ? std::string("share_") + group : std::string(group);
    f.add(key + " = " + toml_number(typed), field_place(group));
  }
  if (!form.field("sex_ratio").empty()) f.add("sex_ratio = " + toml_number(form.field("sex_ratio")), field_place("sex_ratio"));
  f.add("standard_file = \"national/data/china_wpp2024/pop_2020_by_age_sex.csv\"  # China, 1 July 2020, UN WPP 2024");
  f.add("source = " + toml_string(source.en));
  return f;
}

MappedFile facilities_file(const CountyForm& form) {
  MappedFile f;
  const auto& rows = form.grid("beds");
  bool residents = false;
  for (const auto& row : rows) residents = residents || !row[7].empty();
  f.add(std::string("id,name,region,ownership,affordable,general_beds,nursing_beds,dementia_beds,opens,closes") +
        (residents ? ",care_workers,residents" : ""));
  for (const auto& [csv, grid] : {std::pair{"region", "town"}, std::pair{"name", "name"}, std::pair{"ownership", "ownership"},
                                  std::pair{"affordable", "affordable"}, std::pair{"general_beds", "general_beds"},
                                  std::pair{"nursing_beds", "nursing_beds"}, std::pair{"dementia_beds", "dementia_beds"},
                                  std::pair{"residents", "residents"}})
    f.map_column(csv, grid);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const auto& c = rows[r];
    if (blank(c)) continue;
    std::string line = "B" + std::to_string(r + 1) + "," + csv_field(c[1]) + "," + csv_field(c[0]) + "," +
                       csv_field(file_word("ownership", c[2])) + "," + csv_field(file_word("yes_no", c[3])) + "," +
                       csv_number(c[4], "0") + "," + csv_number(c[5], "0") + "," + csv_number(c[6], "0") + ",,";
    if (residents) line += "," + std::string(",") + csv_number(c[7]);
    f.add(line, cell_place("beds", static_cast<int>(r) + 1));
  }
  return f;
}

MappedFile childcare_file(const CountyForm& form) {
  MappedFile f;
  const auto& rows = form.grid("childcare");
  bool enrolled = false;
  for (const auto& row : rows) enrolled = enrolled || !row[6].empty();
  f.add(std::string("id,name,region,affordable,places_6_12,places_13_24,places_25_36,opens,closes") +
        (enrolled ? ",enrolled_6_12,enrolled_13_24,enrolled_25_36" : ""));
  for (const auto& [csv, grid] : {std::pair{"region", "town"}, std::pair{"name", "name"}, std::pair{"affordable", "affordable"},
                                  std::pair{"places_6_12", "places_6_12"}, std::pair{"places_13_24", "places_13_24"},
                                  std::pair{"places_25_36", "places_25_36"}, std::pair{"enrolled_6_12", "enrolled"},
                                  std::pair{"enrolled_13_24", "enrolled"}, std::pair{"enrolled_25_36", "enrolled"}})
    f.map_column(csv, grid);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const auto& c = rows[r];
    if (blank(c)) continue;
    std::string line = "C" + std::to_string(r + 1) + "," + csv_field(c[1]) + "," + csv_field(c[0]) + "," +
                       csv_field(file_word("yes_no", c[2])) + "," + csv_number(c[3], "0") + "," + csv_number(c[4], "0") + "," +
                       csv_number(c[5], "0") + ",,";
    if (enrolled) {
      // ASSUMPTION: a provider's children enrolled fill its bands in proportion to its places
      // (largest remainder, so that the bands add up to the number given).
      const auto total = form_number(c[6]);
      double places[3] = {0, 0, 0}, sum = 0;
      for (int b = 0; b < 3; ++b)
        if (const auto p = form_number(c[3 + static_cast<std::size_t>(b)])) sum += places[b] = p->value;
      if (!total || c[6].empty()) {
        line += "," + csv_number(c[6]) + ",,";
      } else {
        long long split[3] = {0, 0, 0}, given = 0;
        double remainder[3] = {0, 0, 0};
        for (int b = 0; b < 3; ++b) {
          const double exact = sum > 0 ? total->value * places[b] / sum : (b == 2 ? total->value : 0.0);
          split[b] = static_cast<long long>(std::floor(exact));
          remainder[b] = exact - static_cast<double>(split[b]);
          given += split[b];
        }
        for (long long left = static_cast<long long>(std::llround(total->value)) - given; left > 0; --left) {
          int best = 0;
          for (int b = 1; b < 3; ++b)
            if (remainder[b] > remainder[best]) best = b;
          ++split[best];
          remainder[best] = -1;
        }
        for (const long long n : split) line += "," + std::to_string(n);
      }
    }
    f.add(line, cell_place("childcare", static_cast<int>(r) + 1));
  }
  return f;
}

MappedFile projects_file(const CountyForm& form) {
  MappedFile f;
  f.add("id,name_zh,category,build_type,year,town_zh,floor_area_m2,capacity,capacity_unit,total_investment_wan_yuan,"
        "central_budget_wan_yuan,implementer_zh,notes");
  for (const auto& [csv, grid] : {std::pair{"name_zh", "name"}, std::pair{"category", "category"},
                                  std::pair{"build_type", "build_type"}, std::pair{"year", "year"},
                                  std::pair{"town_zh", "town"}, std::pair{"capacity", "capacity"},
                                  std::pair{"capacity_unit", "capacity_unit"},
                                  std::pair{"total_investment_wan_yuan", "total_investment_wan_yuan"},
                                  std::pair{"central_budget_wan_yuan", "central_budget_wan_yuan"}})
    f.map_column(csv, grid);
  const auto& rows = form.grid("projects");
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const auto& c = rows[r];
    if (blank(c)) continue;
    const std::string unit = file_word("capacity_unit", c[6]);
    std::string category = file_word("category", c[1]);
    if (category.empty()) category = unit == "places" ? "childcare" : "elderly_institution";  // ASSUMPTION: by the unit
    const std::string build = c[2].empty() ? "new" : file_word("build_type", c[2]);            // ASSUMPTION: new
    f.add(std::to_string(r + 1) + "," + csv_field(c[0]) + "," + csv_field(category) + "," + csv_field(build) + "," +
              csv_number(c[3]) + "," + csv_field(c[4]) + ",," + csv_number(c[5]) + "," + csv_field(unit) + "," +
              csv_number(c[7]) + "," + csv_number(c[8]) + ",,",
          cell_place("projects", static_cast<int>(r) + 1));
  }
  return f;
}

}  // namespace carecap::serve
