// carecap. SPDX-License-Identifier: MIT
#include "scenarios/loader/MoneyLoader.hpp"

#include <algorithm>
#include <sstream>

#include "scenarios/loader/MessageWords.hpp"
#include "sim/Errors.hpp"
#include "text/Catalogue.hpp"

namespace carecap::scenarios {
namespace {

constexpr const char* kSection = "money";
constexpr double kMaxYuan = 1e9;  // per bed, place, resident or user and year: far above any real rate

const std::vector<std::string> kOwnerships{money::kOwnershipNames.begin(), money::kOwnershipNames.end()};
const std::vector<std::string> kBeds{demand::kBedTypeNames.begin(), demand::kBedTypeNames.end()};
const std::vector<std::string> kStates{demand::kCareStateNames.begin(), demand::kCareStateNames.end()};

std::string plain(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

std::string key_list(const std::vector<std::string>& keys) {
  std::string out;
  for (const auto& k : keys) out += (out.empty() ? "" : ", ") + k;
  return out;
}

/// An inline table holding some of `keys` (numbers in range); the values of the keys it holds
/// replace those of `values` (in the order of `keys`).
template <std::size_t N>
void some_keyed_numbers(const ScenarioValue& value, const std::vector<std::string>& keys, double lowest, double highest,
                        std::array<double, N>& values) {
  const text::Text expected = text::both("errors.money.expect_some_keys",
                                         {{"keys", key_list(keys)}, {"low", plain(lowest)}, {"high", plain(highest)}});
  const toml::table* table = value.node()->as_table();
  if (!table) throw InputError(expected_got(value.where(), expected, describe(*value.node())));
  for (auto&& [name, item] : *table) {
    const std::string key(name.str());
    const auto at = std::find(keys.begin(), keys.end(), key);
    if (at == keys.end())
      throw InputError(expected_got(value.where(), expected, text::both("errors.found.unknown_key", {{"key", key}})));
    const double v = item.is_number() ? item.value_or(0.0) : -1.0;
    if (!item.is_number() || !(v >= lowest && v <= highest))
      throw InputError(expected_got(value.where(), expected,
                                    text::both("errors.found.key_value", {{"key", text::same(key)}, {"value", describe(item)}})));
    values[static_cast<std::size_t>(at - keys.begin())] = v;
  }
}

int ownership_index(const std::string& name) {
  return static_cast<int>(std::find(kOwnerships.begin(), kOwnerships.end(), name) - kOwnerships.begin());
}

/// project_ownership_by_id: { "<project id>" = "<ownership>", ... } over the plan file's projects.
void read_project_owners(const ScenarioValue& value, const supply::SupplyParameters& supply, std::vector<int>& owners) {
  std::vector<std::string> ids;
  for (const auto& p : supply.projects) ids.push_back(p.id);
  const toml::table* table = value.node()->as_table();
  if (!table)
    throw InputError(expected_got(value.where(), text::both("errors.money.expect_project_owners"), describe(*value.node())));
  for (auto&& [name, item] : *table) {
    const std::string id(name.str());
    const auto at = std::find(ids.begin(), ids.end(), id);
    if (at == ids.end())
      throw InputError(text::both("errors.money.unknown_project",
                                  {{"where", value.where()}, {"found", id}, {"ids", key_list(ids.empty() ? std::vector<std::string>{"-"} : ids)}}));
    const auto* owner = item.as_string();
    if (!owner || ownership_index(owner->get()) >= money::kOwnershipCount)
      throw InputError(expected_got(value.where(), alternatives(kOwnerships),
                                    text::both("errors.found.key_value", {{"key", text::same(id)}, {"value", describe(item)}})));
    owners[static_cast<std::size_t>(at - ids.begin())] = ownership_index(owner->get());
  }
}

}  // namespace

SectionSchema money_schema() {
  return {kSection,
          {"operating_cost_yuan_per_bed_year", "operating_cost_yuan_per_resident_year", "subsidy_yuan_per_new_bed",
           "subsidy_yuan_per_occupied_bed_year", "subsidy_yuan_per_new_childcare_place", "subsidy_yuan_per_childcare_child_year",
           "public_share_capital", "public_share_operating", "project_ownership", "project_ownership_by_id",
           "childcare_ownership", "ltc_insured_share", "ltc_insured_base", "ltc_benefit_home_yuan_per_year",
           "ltc_benefit_day_care_yuan_per_year", "ltc_benefit_institution_yuan_per_year", "source"},
          {}};
}

std::optional<money::MoneyParameters> read_money(const ScenarioDocument& doc, const SupplyScenario* scenario) {
  if (!doc.has_section(kSection)) return std::nullopt;
  const auto find = [&](const char* key) { return doc.find(kSection, key); };
  if (!scenario) {  // named at one of the section's keys (file, line, key), or the file when it has none
    std::string where = doc.files().front() + ": money: ";
    for (const std::string& key : money_schema().common_keys)
      if (const auto v = find(key.c_str())) {
        where = v->where();
        break;
      }
    throw InputError(text::both("errors.money.needs_supply", {{"where", where}}));
  }
  const supply::SupplyParameters& supply = scenario->supply;
  for (const supply::Facility& f : supply.facilities)
    if (ownership_index(f.ownership) >= money::kOwnershipCount)
      throw InputError(text::both("errors.money.facility_ownership",
                                  {{"path", doc.files().front()}, {"id", f.id}, {"found", f.ownership}, {"allowed", key_list(kOwnerships)}}));
  money::MoneyParameters m;
  m.operating_fixed_yuan_per_bed_year = supply.operating_cost_yuan_per_bed_year;
  if (const auto v = find("operating_cost_yuan_per_bed_year")) some_keyed_numbers(*v, kBeds, 0.0, kMaxYuan, m.operating_fixed_yuan_per_bed_year);
  if (const auto v = find("operating_cost_yuan_per_resident_year")) some_keyed_numbers(*v, kBeds, 0.0, kMaxYuan, m.operating_yuan_per_resident_year);
  if (const auto v = find("subsidy_yuan_per_new_bed")) some_keyed_numbers(*v, kOwnerships, 0.0, kMaxYuan, m.subsidy_yuan_per_new_bed);
  if (const auto v = find("subsidy_yuan_per_occupied_bed_year")) some_keyed_numbers(*v, kOwnerships, 0.0, kMaxYuan, m.subsidy_yuan_per_occupied_bed_year);
  if (const auto v = find("subsidy_yuan_per_new_childcare_place")) m.subsidy_yuan_per_new_childcare_place = v->as_number(0.0, kMaxYuan);
  if (const auto v = find("subsidy_yuan_per_childcare_child_year")) m.subsidy_yuan_per_childcare_child_year = v->as_number(0.0, kMaxYuan);
  if (const auto v = find("public_share_capital")) some_keyed_numbers(*v, kOwnerships, 0.0, 1.0, m.public_share_capital);
  if (const auto v = find("public_share_operating")) some_keyed_numbers(*v, kOwnerships, 0.0, 1.0, m.public_share_operating);
  int project_owner = 0;  // default: the plan's projects are public (a plan lists what the government builds or funds)
  if (const auto v = find("project_ownership")) project_owner = static_cast<int>(v->as_choice(kOwnerships));
  m.project_ownership.assign(supply.projects.size(), project_owner);
  // A scenario rule's conversions (supply.general_to_nursing, not in the plan's list) convert the
  // region's own beds: they keep the ownership of most of its general beds.
  for (std::size_t i = 0; i < supply.projects.size(); ++i) {
    const supply::PlanProject& project = supply.projects[i];
    if (project.listed || project.action != supply::ProjectAction::convert_general_to_nursing) continue;
    std::array<double, money::kOwnershipCount> general{};
    for (const supply::Facility& f : supply.facilities)
      if (f.region == project.region) general[static_cast<std::size_t>(ownership_index(f.ownership))] += static_cast<double>(f.beds[0]);
    if (general != std::array<double, money::kOwnershipCount>{})
      m.project_ownership[i] = static_cast<int>(std::max_element(general.begin(), general.end()) - general.begin());
  }
  if (const auto v = find("project_ownership_by_id")) read_project_owners(*v, supply, m.project_ownership);
  if (const auto v = find("childcare_ownership")) m.childcare_ownership = static_cast<int>(v->as_choice(kOwnerships));

  const bool ltc = find("ltc_insured_share") || find("ltc_insured_base") || find("ltc_benefit_home_yuan_per_year") ||
                   find("ltc_benefit_day_care_yuan_per_year") || find("ltc_benefit_institution_yuan_per_year");
  if (ltc) {
    money::LtcInsurance insurance;
    insurance.insured_share = doc.require(kSection, "ltc_insured_share").as_number(0.0, 1.0);
    if (const auto v = find("ltc_insured_base"))
      insurance.base = static_cast<money::InsuredBase>(v->as_choice({"population", "age_15_plus"}));
    const char* benefit_keys[demand::kCareSettingCount] = {"ltc_benefit_home_yuan_per_year", "ltc_benefit_day_care_yuan_per_year",
                                                           "ltc_benefit_institution_yuan_per_year"};
    for (std::size_t w = 0; w < static_cast<std::size_t>(demand::kCareSettingCount); ++w) {
      const auto v = find(benefit_keys[w]);
      if (!v) continue;
      std::array<double, demand::kCareStateCount> by_state{};
      some_keyed_numbers(*v, kStates, 0.0, kMaxYuan, by_state);
      for (std::size_t s = 0; s < by_state.size(); ++s) insurance.benefit_yuan_per_user_year[s][w] = by_state[s];
    }
    m.ltc = insurance;
  }
  if (const auto v = find("source")) m.source = v->as_string();
  return m;
}

}  // namespace carecap::scenarios
