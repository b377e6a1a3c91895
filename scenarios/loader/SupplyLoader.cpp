// carecap. SPDX-License-Identifier: MIT
#include "scenarios/loader/SupplyLoader.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

#include "scenarios/loader/CsvTable.hpp"
#include "scenarios/loader/PlanListLoader.hpp"
#include "scenarios/loader/SupplyTables.hpp"
#include "sim/Errors.hpp"
#include "text/TextArg.hpp"

namespace carecap::scenarios {
namespace {

using namespace supply;
using namespace supply_tables;

/// The id of a row of a facilities or providers file: not empty, not one of `earlier`.
template <class Item>
std::string new_id(const std::string& id, const std::vector<Item>& earlier, const text::Text& what, const std::string& path,
                   int line) {
  if (id.empty()) throw InputError(text::both("errors.supply.no_id", {{"where", text::same(at(path, line))}, {"what", what}}));
  if (std::any_of(earlier.begin(), earlier.end(), [&](const Item& x) { return x.id == id; }))
    throw InputError(text::both("errors.supply.duplicate_id", {{"where", text::same(at(path, line))}, {"what", what},
                                                               {"id", text::same(id)}}));
  return id;
}

bool parse_affordable(const std::string& text, const std::string& path, int line) {
  if (text != "true" && text != "false")
    throw InputError(text::both("errors.supply.affordable", {{"where", at(path, line)}, {"found", text}}));
  return text == "true";
}

/// Observed residents of a facility at the base date (optional columns): a total, or one count per
/// bed type (then all three, each at most the beds of its type; the total, if also given, must be
/// their sum). Either way no more residents than beds.
void read_residents(const std::array<std::string, 15>& fields, Facility& f, const std::string& path, int line) {
  std::int64_t beds = 0;
  for (std::int64_t b : f.beds) beds += b;
  bool any_type = false, all_types = true;
  for (int b = 0; b < demand::kBedTypeCount; ++b) {
    const std::string& text = fields[12 + static_cast<std::size_t>(b)];
    const std::string column = "residents_" + kBedNames[static_cast<std::size_t>(b)];
    if (text.empty()) {
      all_types = false;
      continue;
    }
    any_type = true;
    const std::int64_t residents = parse_beds(text, path, line, column);
    if (residents > f.beds[static_cast<std::size_t>(b)])
      throw InputError(text::both("errors.supply.residents_over_type_beds",
                                  {{"where", at(path, line)}, {"column", column}, {"beds", std::to_string(f.beds[static_cast<std::size_t>(b)])},
                                   {"type", kBedNames[static_cast<std::size_t>(b)]}, {"found", text}}));
    f.residents[static_cast<std::size_t>(b)] = residents;
  }
  if (any_type && !all_types)
    throw InputError(text::both("errors.supply.residents_some_types", {{"where", at(path, line)}}));
  if (!fields[11].empty()) {
    f.residents_total = parse_beds(fields[11], path, line, "residents");
    if (f.residents_total > beds)
      throw InputError(text::both("errors.supply.residents_over_beds", {{"where", at(path, line)}, {"beds", std::to_string(beds)},
                                                                         {"found", fields[11]}}));
    if (all_types && f.residents[0] + f.residents[1] + f.residents[2] != f.residents_total)
      throw InputError(text::both("errors.supply.residents_not_sum",
                                  {{"where", at(path, line)}, {"sum", std::to_string(f.residents[0] + f.residents[1] + f.residents[2])},
                                   {"found", fields[11]}}));
  } else if (all_types) {
    f.residents_total = f.residents[0] + f.residents[1] + f.residents[2];
  }
}

/// Observed residents are given for every facility open at the base date or for none, and not
/// together with capacity.initial_occupancy (two statements of the same start).
void check_observed_use(const SupplyParameters& p, const CapacitySettings& c, const ScenarioDocument& doc,
                        const std::string& facilities_path, int base_year) {
  const Facility* with = nullptr;
  const Facility* without = nullptr;
  for (const Facility& f : p.facilities) {
    if (f.opens > base_year || (f.closes != 0 && f.closes <= base_year)) continue;
    (f.residents_total >= 0 ? with : without) = &f;
  }
  if (!with) return;
  if (without)
    throw InputError(text::both("errors.supply.residents_some_facilities", {{"path", facilities_path}, {"year", base_year},
                                                                             {"with", with->id}, {"without", without->id}}));
  if (c.initial_occupancy)
    throw InputError(text::both("errors.supply.occupancy_and_residents",
                                {{"where", doc.require("capacity", "initial_occupancy").where()}, {"path", facilities_path}}));
}

std::vector<Facility> read_facilities(const std::string& path, const std::vector<std::string>& regions, int base_year) {
  std::vector<Facility> facilities;
  for (const auto& row : read_csv<15>(path, {"id", "name", "region", "ownership", "affordable", "general_beds",
                                             "nursing_beds", "dementia_beds", "opens", "closes", "care_workers",
                                             "residents", "residents_general", "residents_nursing", "residents_dementia"},
                                      10)) {
    Facility f;
    f.id = new_id(row.fields[0], facilities, text::both("errors.supply.what.facility"), path, row.line);
    f.name = row.fields[1];
    f.region = region_index(regions, row.fields[2], path, row.line, "region");
    f.ownership = row.fields[3];
    f.affordable = parse_affordable(row.fields[4], path, row.line);
    for (int b = 0; b < demand::kBedTypeCount; ++b)
      f.beds[static_cast<std::size_t>(b)] = parse_beds(row.fields[5 + static_cast<std::size_t>(b)], path, row.line,
                                                       kBedNames[static_cast<std::size_t>(b)] + "_beds");
    f.opens = row.fields[8].empty() ? base_year : parse_integer(row.fields[8], path, row.line, "opens");
    f.closes = row.fields[9].empty() ? 0 : parse_integer(row.fields[9], path, row.line, "closes");
    if (f.closes != 0 && f.closes <= f.opens)
      throw InputError(text::both("errors.supply.closes_before_opens", {{"where", at(path, row.line)}, {"opens", f.opens},
                                                                         {"found", row.fields[9]}}));
    if (!row.fields[10].empty())
      f.care_workers = parse_number(row.fields[10], NumberRule::non_negative, path, row.line, "care_workers", 1e7);
    read_residents(row.fields, f, path, row.line);
    if (f.residents_total > 0 && (f.opens > base_year || (f.closes != 0 && f.closes <= base_year)))
      throw InputError(text::both("errors.supply.residents_not_open",
                                  {{"where", at(path, row.line)}, {"year", base_year}, {"opens", f.opens},
                                   {"last", f.closes ? std::to_string(f.closes - 1) : std::string("")},
                                   {"found", std::to_string(f.residents_total)}}));
    facilities.push_back(f);
  }
  return facilities;
}

/// Childcare providers: id,name,region,affordable,places_6_12,places_13_24,places_25_36,opens,closes
/// (no places under 6 months: NHC 2019 No. 58 sets care from 6 months), and optionally
/// enrolled_6_12,enrolled_13_24,enrolled_25_36: children in its places on 1 January of the base
/// year (at most its places; none in a provider opening later). `states_enrolled`: whether any row
/// fills an enrolled column (an empty field is then 0).
std::vector<ChildcareProvider> read_childcare_providers(const std::string& path, const std::vector<std::string>& regions,
                                                        int base_year, bool& states_enrolled) {
  static const std::array<std::string, 3> kBandColumns{"6_12", "13_24", "25_36"};
  std::vector<ChildcareProvider> providers;
  states_enrolled = false;
  for (const auto& row : read_csv<12>(path, {"id", "name", "region", "affordable", "places_6_12", "places_13_24",
                                             "places_25_36", "opens", "closes", "enrolled_6_12", "enrolled_13_24",
                                             "enrolled_25_36"},
                                      9)) {
    ChildcareProvider p;
    p.id = new_id(row.fields[0], providers, text::both("errors.supply.what.provider"), path, row.line);
    p.name = row.fields[1];
    p.region = region_index(regions, row.fields[2], path, row.line, "region");
    p.affordable = parse_affordable(row.fields[3], path, row.line);
    for (std::size_t band = 1; band < 4; ++band)
      p.places[band] = parse_beds(row.fields[3 + band], path, row.line, "places_" + kBandColumns[band - 1]);
    p.opens = row.fields[7].empty() ? base_year : parse_integer(row.fields[7], path, row.line, "opens");
    p.closes = row.fields[8].empty() ? 0 : parse_integer(row.fields[8], path, row.line, "closes");
    if (p.closes != 0 && p.closes <= p.opens)
      throw InputError(text::both("errors.supply.closes_before_opens", {{"where", at(path, row.line)}, {"opens", p.opens},
                                                                         {"found", row.fields[8]}}));
    for (std::size_t band = 1; band < 4; ++band) {
      const std::string& text = row.fields[8 + band];
      if (text.empty()) continue;
      states_enrolled = true;
      const std::string column = "enrolled_" + kBandColumns[band - 1];
      p.enrolled[band] = parse_beds(text, path, row.line, column);
      if (p.enrolled[band] > p.places[band])
        throw InputError(text::both("errors.supply.enrolled_over_places", {{"where", at(path, row.line)}, {"column", column},
                                                                            {"places", std::to_string(p.places[band])},
                                                                            {"found", text}}));
      if (p.enrolled[band] > 0 && p.opens > base_year)
        throw InputError(text::both("errors.supply.enrolled_before_opening", {{"where", at(path, row.line)}, {"column", column},
                                                                               {"opens", p.opens}, {"year", base_year},
                                                                               {"found", text}}));
      if (p.enrolled[band] > 0 && p.closes != 0 && p.closes <= base_year)
        throw InputError(text::both("errors.supply.enrolled_after_closing", {{"where", at(path, row.line)}, {"column", column},
                                                                              {"closes", p.closes}, {"year", base_year},
                                                                              {"found", text}}));
    }
    providers.push_back(p);
  }
  return providers;
}

/// [childcare_capacity]: how places are split by band, when families apply, withdrawals, patience
/// and the children enrolled at the start.
void read_childcare_rules(const ScenarioDocument& doc, ChildcareSupply& c, int base_year) {
  const std::vector<std::string> bands{demand::kMonthBandNames.begin(), demand::kMonthBandNames.end()};
  if (auto v = doc.find("childcare_capacity", "place_band_share")) {
    const auto shares = v->as_keyed_numbers(bands, 0.0, 1.0);
    if (std::abs(std::accumulate(shares.begin(), shares.end(), 0.0) - 1.0) > 1e-6)
      throw InputError(text::both("errors.supply.band_shares_not_one",
                                  {{"where", v->where()}, {"sum", std::to_string(std::accumulate(shares.begin(), shares.end(), 0.0))}}));
    std::copy(shares.begin(), shares.end(), c.place_band_share.begin());
  }
  if (auto v = doc.find("childcare_capacity", "application_month_weight")) {
    const auto weights = v->as_number_list(12, 0.0, 1000.0);
    if (std::accumulate(weights.begin(), weights.end(), 0.0) <= 0.0)
      throw InputError(text::both("errors.supply.month_weights_zero", {{"where", v->where()}}));
    std::copy(weights.begin(), weights.end(), c.application_month_weight.begin());
  }
  if (auto v = doc.find("childcare_capacity", "withdrawal_rate")) c.withdrawal_rate = v->as_number(0.0, 50.0);
  if (auto v = doc.find("childcare_capacity", "mean_patience_years")) c.mean_patience_years = v->as_number(0.0, 100.0);
  if (auto v = doc.find("childcare_capacity", "initial_enrolled")) {
    if (c.providers_state_enrolled)
      throw InputError(text::both("errors.supply.enrolled_twice", {{"where", v->where()}}));
    const auto enrolled = v->as_keyed_numbers(bands, 0.0, 1e7);
    std::copy(enrolled.begin(), enrolled.end(), c.initial_enrolled.begin());
  }
  if (auto v = doc.find("childcare_capacity", "projects_affordable")) c.projects_affordable = v->as_boolean();
  if (auto v = doc.find("childcare_capacity", "affordable_tier_takes_market"))
    c.affordable_tier_takes_market = v->as_number(0.0, 1.0);
  if (c.providers_state_enrolled)  // the band totals, for the plan check and the summary
    for (const ChildcareProvider& p : c.providers)
      if (p.opens <= base_year && (p.closes == 0 || p.closes > base_year))
        for (std::size_t b = 0; b < kMonthBandCount; ++b) c.initial_enrolled[b] += static_cast<double>(p.enrolled[b]);
  c.source = doc.require("childcare_capacity", "source").as_string();
}

/// The plan year of a project row: in 1950..2100, and opening (year + build lag) no earlier than
/// the base year.
LengthOfStay stay_for(int b, const std::vector<double>& means, const std::vector<double>& deaths, StayDistribution d,
                      double shape) {
  return LengthOfStay{d, means[static_cast<std::size_t>(b)], shape, deaths[static_cast<std::size_t>(b)]};
}

CapacitySettings read_capacity(const ScenarioDocument& doc, int base_year, int end_year,
                               const std::vector<std::string>& regions) {
  CapacitySettings c;
  c.last_year = static_cast<int>(doc.require("capacity", "last_year").as_integer(base_year, end_year));
  if (auto v = doc.find("capacity", "replications")) c.replications = static_cast<int>(v->as_integer(1, 100000));
  if (auto v = doc.find("capacity", "acceptable_beds")) {
    const auto lists = v->as_keyed_string_lists(kBedNames, kBedNames);
    for (int b = 0; b < demand::kBedTypeCount; ++b) {
      c.acceptable_beds[static_cast<std::size_t>(b)].clear();
      for (const auto& name : lists[static_cast<std::size_t>(b)]) c.acceptable_beds[static_cast<std::size_t>(b)].push_back(bed_index(name));
    }
  }
  if (auto v = doc.find("capacity", "admit_in_other_regions")) c.admit_in_other_regions = v->as_boolean();
  if (auto v = doc.find("capacity", "region_order")) {
    for (const auto& list : v->as_keyed_string_lists(regions, regions)) {
      std::vector<int> order;
      for (const auto& name : list)
        order.push_back(static_cast<int>(std::find(regions.begin(), regions.end(), name) - regions.begin()));
      c.region_order.push_back(order);
    }
  }
  StayDistribution distribution = StayDistribution::exponential;
  double shape = 1.0;
  if (auto v = doc.find("capacity", "stay_distribution")) {
    constexpr StayDistribution kByIndex[] = {StayDistribution::exponential, StayDistribution::weibull,
                                             StayDistribution::lognormal};
    distribution = kByIndex[v->as_choice({"exponential", "weibull", "lognormal"})];
  }
  if (auto v = doc.find("capacity", "stay_shape")) shape = v->as_number(0.05, 20.0);
  if (distribution != StayDistribution::exponential && !doc.find("capacity", "stay_shape"))
    throw InputError(text::both("errors.supply.stay_shape_missing", {{"where", doc.require("capacity", "stay_distribution").where()}}));
  const auto means = doc.require("capacity", "stay_mean_years").as_keyed_numbers(kBedNames, 0.01, 50.0);
  const auto deaths = doc.require("capacity", "stay_death_share").as_keyed_numbers(kBedNames, 0.0, 1.0);
  for (int b = 0; b < demand::kBedTypeCount; ++b) c.stay[static_cast<std::size_t>(b)] = stay_for(b, means, deaths, distribution, shape);
  if (auto v = doc.find("capacity", "waiting_list_cap")) c.waiting_list_cap = v->as_integer(-1, 100000000);
  if (auto v = doc.find("capacity", "mean_patience_years")) c.mean_patience_years = v->as_number(0.0, 100.0);
  if (auto v = doc.find("capacity", "waiting_death_rate")) c.waiting_death_rate = v->as_number(0.0, 10.0);
  if (auto v = doc.find("capacity", "priority_share")) c.priority_share = v->as_number(0.0, 1.0);
  if (auto v = doc.find("capacity", "wait_target_days")) c.wait_target_days = v->as_number(0.0, 36525.0);
  if (auto v = doc.find("capacity", "initial_occupancy")) c.initial_occupancy = v->as_number(0.0, 1.0);
  if (auto v = doc.find("capacity", "initial_waiting")) {
    const auto waiting = v->as_keyed_numbers(kBedNames, 0.0, 1e7);
    c.initial_waiting.emplace();
    std::copy(waiting.begin(), waiting.end(), c.initial_waiting->begin());
  }
  c.source = doc.require("capacity", "source").as_string();
  return c;
}

}  // namespace

std::vector<SectionSchema> supply_schema() {
  return {
      {"supply",
       {"regions", "demand_share", "region_label_zh", "region_label_en", "facilities_file", "plan_file",
        "build_lag_years", "annual_budget_wan_yuan", "renovation", "project_bed_type", "operating_cost_yuan_per_bed_year",
        "childcare_file", "missing_capacity", "general_to_nursing", "source"},
       {}},
      {"capacity",
       {"last_year", "replications", "acceptable_beds", "admit_in_other_regions", "region_order", "stay_distribution",
        "stay_shape",
        "stay_mean_years", "stay_death_share", "waiting_list_cap", "mean_patience_years", "waiting_death_rate",
        "priority_share", "wait_target_days", "initial_occupancy", "initial_waiting", "source"},
       {}},
      {"childcare_capacity",
       {"place_band_share", "application_month_weight", "withdrawal_rate", "mean_patience_years", "initial_enrolled",
        "projects_affordable", "affordable_tier_takes_market", "source"},
       {}},
  };
}

std::optional<SupplyScenario> read_supply(const ScenarioDocument& doc, int base_year, int end_year,
                                          std::vector<std::string>& tables_read) {
  if (!doc.has_section("supply")) {
    if (doc.has_section("capacity"))
      throw InputError(text::both("errors.supply.capacity_without_supply", {{"where", doc.require("capacity", "source").where()}}));
    return std::nullopt;
  }
  SupplyScenario s;
  SupplyParameters& p = s.supply;
  const ScenarioValue regions = doc.require("supply", "regions");
  p.regions = regions.as_string_list({});
  for (std::size_t i = 0; i < p.regions.size(); ++i)
    if (std::find(p.regions.begin(), p.regions.begin() + static_cast<std::ptrdiff_t>(i), p.regions[i]) !=
        p.regions.begin() + static_cast<std::ptrdiff_t>(i))
      throw InputError(text::both("errors.supply.region_twice", {{"where", regions.where()}, {"region", p.regions[i]}}));
  const ScenarioValue shares = doc.require("supply", "demand_share");
  p.demand_share = shares.as_number_list(p.regions.size(), 0.0, 1.0);
  const double sum = std::accumulate(p.demand_share.begin(), p.demand_share.end(), 0.0);
  if (std::abs(sum - 1.0) > 1e-6)
    throw InputError(text::both("errors.supply.demand_shares_not_one", {{"where", shares.where()}, {"sum", std::to_string(sum)}}));
  if (auto v = doc.find("supply", "build_lag_years")) p.build_lag_years = static_cast<int>(v->as_integer(0, 10));
  if (auto v = doc.find("supply", "annual_budget_wan_yuan")) p.annual_budget_wan_yuan = v->as_number(0.0, 1e9);
  bool renovation_converts = true;
  if (auto v = doc.find("supply", "renovation"))
    renovation_converts = v->as_choice({"convert_general_to_nursing", "add_beds"}) == 0;
  int project_bed_type = 1;
  if (auto v = doc.find("supply", "project_bed_type")) project_bed_type = static_cast<int>(v->as_choice(kBedNames));
  const auto costs = doc.require("supply", "operating_cost_yuan_per_bed_year").as_keyed_numbers(kBedNames, 0.0, 1e7);
  std::copy(costs.begin(), costs.end(), p.operating_cost_yuan_per_bed_year.begin());
  const ScenarioValue facilities = doc.require("supply", "facilities_file");
  tables_read.push_back(facilities.as_existing_path());
  const std::string facilities_path = tables_read.back();
  p.facilities = read_facilities(facilities_path, p.regions, base_year);
  std::vector<CsvRow<9>> plan_rows;
  std::string plan_path;
  if (auto plan = doc.find("supply", "plan_file")) {
    plan_path = plan->as_existing_path();
    tables_read.push_back(plan_path);
    plan_rows = read_csv<9>(plan_path, {"id", "name_zh", "category", "build_type", "year", "town_zh", "capacity",
                                        "total_investment_wan_yuan", "notes"});
    bool missing_as_zero = false;
    if (auto v = doc.find("supply", "missing_capacity")) missing_as_zero = v->as_choice({"investment_per_bed", "zero"}) == 1;
    p.projects = read_plan(plan_rows, plan_path, p.regions, p.facilities, base_year, p.build_lag_years,
                           renovation_converts, project_bed_type, missing_as_zero);
  }
  if (auto v = doc.find("supply", "general_to_nursing")) add_general_to_nursing(*v, p, base_year, end_year);
  if (!p.projects.empty()) check_plan(p, base_year, plan_path.empty() ? doc.files().front() : plan_path);
  if (auto childcare = doc.find("supply", "childcare_file")) {
    ChildcareSupply c;
    tables_read.push_back(childcare->as_existing_path());
    c.providers = read_childcare_providers(tables_read.back(), p.regions, base_year, c.providers_state_enrolled);
    c.projects = read_childcare_plan(plan_rows, plan_path, p.regions, base_year, p.build_lag_years);
    if (!doc.has_section("childcare_capacity"))
      throw InputError(text::both("errors.supply.childcare_file_without_section", {{"where", childcare->where()}}));
    read_childcare_rules(doc, c, base_year);
    s.childcare = c;
  } else if (doc.has_section("childcare_capacity")) {
    throw InputError(text::both("errors.supply.childcare_section_without_file",
                                {{"where", doc.require("childcare_capacity", "source").where()}}));
  }
  p.source = doc.require("supply", "source").as_string();
  s.capacity = read_capacity(doc, base_year, end_year, p.regions);
  check_observed_use(p, s.capacity, doc, facilities_path, base_year);
  return s;
}

}  // namespace carecap::scenarios
