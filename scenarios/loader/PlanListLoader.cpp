// carecap. SPDX-License-Identifier: MIT
#include "scenarios/loader/PlanListLoader.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "models/supply/CapacityInputs.hpp"
#include "scenarios/loader/SupplyTables.hpp"
#include "sim/Errors.hpp"
#include "text/TextArg.hpp"

namespace carecap::scenarios {

using namespace supply;
using namespace supply_tables;

namespace {

int project_year(const CsvRow<9>& row, const std::string& path, int base_year, int build_lag) {
  const int year = parse_integer(row.fields[4], path, row.line, "year");
  if (year < 1950 || year > 2100)
    throw InputError(text::both("errors.plan_list.year_range", {{"where", at(path, row.line)}, {"found", row.fields[4]}}));
  if (year + build_lag < base_year)
    throw InputError(text::both("errors.plan_list.before_base_year", {{"where", at(path, row.line)}, {"year", base_year},
                                                                       {"lag", build_lag}, {"found", row.fields[4]}}));
  return year;
}

}  // namespace

/// Replays the compiled capacity schedule and checks that no plan takes away beds that are not
/// there (a conversion of more general beds than a region has, a closure of a facility that is
/// not open); records plan closures as the facilities' closing years.
void check_plan(SupplyParameters& supply, int base_year, const std::string& path) {
  const std::vector<int> funded = funded_years(supply);
  for (std::size_t i = 0; i < supply.projects.size(); ++i) {
    const PlanProject& p = supply.projects[i];
    if (p.action != ProjectAction::close_facility) continue;
    const int year = std::max(funded[i] + supply.build_lag_years, base_year);
    Facility& f = *std::find_if(supply.facilities.begin(), supply.facilities.end(), [&](const Facility& x) { return x.id == p.facility; });
    if (f.opens > year || (f.closes != 0 && f.closes <= year))
      throw InputError(text::both("errors.plan_list.closure_not_open",
                                  {{"where", at(path, p.line)}, {"year", year}, {"id", f.id}, {"opens", f.opens},
                                   {"last", f.closes ? std::to_string(f.closes - 1) : std::string("")}}));
    f.closes = year;
  }
  std::vector<int> origins;
  const auto schedule = capacity_schedule(supply, base_year, &origins);
  std::map<std::pair<int, int>, std::int64_t> beds;  // (bed type, region) -> beds open
  for (std::size_t k = 0; k < schedule.size(); ++k) {
    const CapacityChange& c = schedule[k];
    std::int64_t& open = beds[{c.bed_type, c.region}];
    if (c.whole_unit) {  // a closure takes what the facility has left, at most what the region has
      open = std::max<std::int64_t>(0, open + c.beds);
      continue;
    }
    if (origins[k] >= 0 && open + c.beds < 0) {
      const PlanProject& p = supply.projects[static_cast<std::size_t>(origins[k])];
      throw InputError(text::both("errors.plan_list.conversion_exceeds",
                                  {{"where", at(path, p.line)}, {"open", std::to_string(open)},
                                   {"type", kBedNames[static_cast<std::size_t>(c.bed_type)]},
                                   {"region", supply.regions[static_cast<std::size_t>(c.region)]},
                                   {"year", static_cast<int>(c.time)}, {"found", std::to_string(-c.beds)}}));
    }
    open += c.beds;
  }
}

/// The childcare rows of the plan (category childcare): places added in the town on 1 January of
/// year + build lag, whether the row builds new or renovates; a missing capacity is the
/// investment divided by the childcare rows' investment per place.
std::vector<ChildcareProject> read_childcare_plan(const std::vector<CsvRow<9>>& rows, const std::string& path,
                                                  const std::vector<std::string>& regions, int base_year, int build_lag) {
  std::vector<ChildcareProject> projects;
  std::vector<int> lines;
  double invested = 0, places_stated = 0;
  for (const auto& row : rows) {
    if (row.fields[2] != "childcare") continue;
    if (row.fields[3] != "new" && row.fields[3] != "renovation")
      throw InputError(text::both("errors.plan_list.childcare_build_type", {{"where", at(path, row.line)}, {"found", row.fields[3]}}));
    ChildcareProject p;
    p.id = row.fields[0];
    p.year = project_year(row, path, base_year, build_lag);
    p.region = region_index(regions, row.fields[5], path, row.line, "town_zh");
    p.investment_wan_yuan = row.fields[7].empty() ? 0.0
                                                  : parse_number(row.fields[7], NumberRule::non_negative, path, row.line,
                                                                 "total_investment_wan_yuan", 1e8);
    if (row.fields[6].empty()) {
      p.places = -1;  // derived below
    } else {
      p.places = parse_beds(row.fields[6], path, row.line, "capacity");
      if (p.investment_wan_yuan > 0) {
        invested += p.investment_wan_yuan;
        places_stated += static_cast<double>(p.places);
      }
    }
    projects.push_back(p);
    lines.push_back(row.line);
  }
  for (std::size_t i = 0; i < projects.size(); ++i)
    if (projects[i].places < 0) {
      if (places_stated <= 0)
        throw InputError(text::both("errors.plan_list.no_places_rule", {{"where", at(path, lines[i])}}));
      projects[i].places = std::llround(projects[i].investment_wan_yuan / (invested / places_stated));
    }
  return projects;
}

/// The investment plan in the Bei'an project-list format (shared/data/beian_projects_2022_2024.csv):
/// rows of category elderly_institution become projects; build_type renovation converts general
/// beds to nursing beds (`renovation_converts`), new adds beds of `project_bed_type`; a missing
/// capacity is the investment divided by the list's investment per bed (projects with both).
/// Rows of category childcare are read by read_childcare_plan, elderly_daycare rows are not simulated.
std::vector<PlanProject> read_plan(const std::vector<CsvRow<9>>& rows, const std::string& path,
                                   const std::vector<std::string>& regions, const std::vector<Facility>& facilities,
                                   int base_year, int build_lag, bool renovation_converts, int project_bed_type,
                                   bool missing_as_zero) {
  std::vector<PlanProject> projects;
  double invested = 0, beds_stated = 0;
  for (const auto& row : rows) {
    const std::string& category = row.fields[2];
    if (category == "elderly_daycare" || category == "childcare") continue;  // not beds (docs/capacity.md)
    if (category != "elderly_institution")
      throw InputError(text::both("errors.plan_list.category", {{"where", at(path, row.line)}, {"found", category}}));
    PlanProject p;
    p.id = row.fields[0];
    p.name = row.fields[1];
    p.line = row.line;
    p.year = project_year(row, path, base_year, build_lag);
    p.region = region_index(regions, row.fields[5], path, row.line, "town_zh");
    p.investment_wan_yuan = row.fields[7].empty() ? 0.0
                                                  : parse_number(row.fields[7], NumberRule::non_negative, path, row.line,
                                                                 "total_investment_wan_yuan", 1e8);
    const std::string& build = row.fields[3];
    if (build == "renovation" && renovation_converts) {
      p.action = ProjectAction::convert_general_to_nursing;
    } else if (build == "new" || build == "renovation") {
      p.action = ProjectAction::add_beds;
    } else if (build == "closure") {
      p.action = ProjectAction::close_facility;
      p.facility = row.fields[8];
      if (std::none_of(facilities.begin(), facilities.end(), [&](const Facility& f) { return f.id == p.facility; }))
        throw InputError(text::both("errors.plan_list.closure_unknown", {{"where", at(path, row.line)}, {"found", p.facility}}));
    } else {
      throw InputError(text::both("errors.plan_list.build_type", {{"where", at(path, row.line)}, {"found", build}}));
    }
    p.bed_type = project_bed_type;
    if (!row.fields[6].empty()) {
      p.beds = parse_beds(row.fields[6], path, row.line, "capacity");
      if (p.investment_wan_yuan > 0) {
        invested += p.investment_wan_yuan;
        beds_stated += static_cast<double>(p.beds);
      }
    } else {
      p.beds_derived = true;
    }
    projects.push_back(p);
  }
  for (PlanProject& p : projects)
    if (p.beds_derived && p.action != ProjectAction::close_facility) {
      if (missing_as_zero) {
        p.beds = 0;
        continue;
      }
      if (beds_stated <= 0)
        throw InputError(text::both("errors.plan_list.no_beds_rule", {{"where", at(path, p.line)}}));
      p.beds = std::llround(p.investment_wan_yuan / (invested / beds_stated));
    }
  return projects;
}

/// supply.general_to_nursing = { share, year, cost_wan_yuan_per_bed }: in plan year `year`, that
/// share of the general beds of the base facilities of each region is converted to nursing beds
/// (one conversion project per region, at the given capital cost per bed converted).
void add_general_to_nursing(const ScenarioValue& value, SupplyParameters& p, int base_year, int end_year) {
  const auto v = value.as_keyed_numbers({"share", "year", "cost_wan_yuan_per_bed"}, 0.0, 1e4);
  const double share = v[0];
  if (share > 1.0)
    throw InputError(text::both("errors.plan_list.share", {{"where", value.where()}, {"found", std::to_string(share)}}));
  if (v[1] != std::floor(v[1]) || v[1] < base_year || v[1] > end_year)
    throw InputError(text::both("errors.plan_list.conversion_year", {{"where", value.where()}, {"first", base_year},
                                                                      {"last", end_year}, {"found", std::to_string(v[1])}}));
  for (std::size_t r = 0; r < p.regions.size(); ++r) {
    std::int64_t general = 0;
    for (const Facility& f : p.facilities)
      if (f.region == static_cast<int>(r) && f.opens <= base_year && (f.closes == 0 || f.closes > base_year))
        general += f.beds[0];
    const std::int64_t beds = std::llround(share * static_cast<double>(general));
    if (beds == 0) continue;
    PlanProject c;
    c.id = "general_to_nursing:" + p.regions[r];
    c.name = text::say(text::Lang::zh, "plan_list.conversion_project_name");  // as the plan lists name projects: in Chinese
    c.year = static_cast<int>(v[1]);
    c.region = static_cast<int>(r);
    c.action = ProjectAction::convert_general_to_nursing;
    c.beds = beds;
    c.investment_wan_yuan = v[2] * static_cast<double>(beds);
    c.listed = false;
    p.projects.push_back(c);
  }
}

}  // namespace carecap::scenarios
