// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "tools/serve/CountyForm.hpp"

namespace carecap::serve {

/// A text file written line by line, each line remembering the place on the form it came from,
/// so that a loader's "FILE:LINE:" message finds its field or grid cell again.
class MappedFile {
public:
  /// Appends `line` (without its line break), written from `place`.
  void add(std::string line, FormPlace place = {});
  /// Names the grid column a CSV column was written from ("town_zh" -> "town").
  void map_column(std::string csv_column, std::string grid_column);
  [[nodiscard]] std::string text() const;
  /// The place line `line` (1-based) came from; none for a line written from no field.
  [[nodiscard]] FormPlace place_at(int line, const std::string& csv_column) const;

private:
  std::vector<std::string> lines_;
  std::map<int, FormPlace> places_;                   // line -> place
  std::map<std::string, std::string> grid_columns_;  // CSV column -> grid column
};

/// A town of the county: a region of the scenario's supply.
struct CountyTown {
  std::string name;
  std::string label_en;
  std::optional<double> population;
  int row = 0;  // of the towns grid; 0 when taken from another grid
};

/// The towns of the form: the towns grid's rows; without them, the towns the beds, childcare and
/// projects grids name, in order; without those, the county itself.
[[nodiscard]] std::vector<CountyTown> county_towns(const CountyForm& form);

/// What synth-pop and calibrate found, written into scenario.toml.
struct FoundFigures {
  double births = 0;        // persons in births_year
  int births_year = 0;
  bool births_given = false;
  double tfr = 1.0;         // children per woman, constant from the base date (calibrate)
};

/// The base year of the form (the year whose end the plan's figures describe) and the last year;
/// nothing when a field is not a whole number (the field's own problem is then reported).
struct FormYears {
  int base_year = 0;
  int end_year = 0;
};
[[nodiscard]] std::optional<FormYears> form_years(const CountyForm& form, std::vector<FormProblem>& problems);

/// population_groups.toml: the plan's base-year groups for synth-pop.
[[nodiscard]] MappedFile population_groups_file(const CountyForm& form);
/// data/facilities.csv, data/childcare.csv and data/projects.csv (formats of scenarios/beian/data and
/// scenarios/data/beian/beian_projects_2022_2024.csv).
[[nodiscard]] MappedFile facilities_file(const CountyForm& form);
[[nodiscard]] MappedFile childcare_file(const CountyForm& form);
[[nodiscard]] MappedFile projects_file(const CountyForm& form);
/// scenario.toml, on national/china.toml, with every assumption marked and sourced.
[[nodiscard]] MappedFile scenario_file(const CountyForm& form, const FormYears& years, const FoundFigures& found);

}  // namespace carecap::serve
