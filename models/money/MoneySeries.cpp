// carecap. SPDX-License-Identifier: MIT
#include "models/money/MoneySeries.hpp"

#include <limits>
#include <type_traits>

#include "models/supply/CapacityYearDimension.hpp"

namespace carecap::money {
namespace {

constexpr double kWan = 1e4;  // yuan per 10,000 yuan
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

template <std::size_t N>
std::vector<std::string> labels(const std::array<const char*, N>& names) {
  return {names.begin(), names.end()};
}

}  // namespace

ResultGroup money_series(const MoneyResult& r, const MoneyParameters& p) {
  ResultGroup g;
  g.name = "money";
  g.description = "money of the simulated beds and places: capital, operating cost, subsidies by rule, public and private "
                  "spending, long-term-care insurance (docs/money.md)";
  const int last_year = r.first_year + static_cast<int>(r.years.size()) - 1;
  g.dimensions = {
      supply::capacity_year_dimension(r.first_year, last_year),
      {"project", {}, r.projects, "1", "project:<id> of the plan file's elderly-care projects, childcare_project:<id> of its childcare projects"},
      {"ownership", {}, labels(kOwnershipNames), "1", "who owns the beds: public (公办), private (民办), public_built_private_run (公建民营)"},
      {"bed_type", {}, labels(demand::kBedTypeNames), "1", "bed type"},
      {"subsidy_rule", {}, labels(kSubsidyRuleNames), "1",
       "per_new_bed (once per bed a project opens), per_occupied_bed_year, per_new_childcare_place (once), per_childcare_child_year"},
  };
  const std::string& source = p.source;
  const std::vector<std::string> year{"capacity_year"}, by_project{"capacity_year", "project"},
      by_owner{"capacity_year", "ownership"}, by_bed{"capacity_year", "bed_type"}, by_rule{"capacity_year", "subsidy_rule"};
  // Values of each year, from a field per year (a number or an array of numbers), scaled.
  const auto each = [&](auto field, double scale = 1.0) {
    std::vector<double> values;
    for (const MoneyYear& y : r.years) {
      const auto& v = field(y);
      if constexpr (std::is_arithmetic_v<std::decay_t<decltype(v)>>) values.push_back(v / scale);
      else
        for (double x : v) values.push_back(x / scale);
    }
    return values;
  };
  const auto cumulated = [](std::vector<double> values) {
    for (std::size_t i = 1; i < values.size(); ++i) values[i] += values[i - 1];
    return values;
  };
  const auto sum = [](const auto& a) {
    double s = 0;
    for (double x : a) s += x;
    return s;
  };
  const auto capital_total = each([&](const MoneyYear& y) { return sum(y.capital); }, kWan);
  const auto subsidy_total = each([&](const MoneyYear& y) { return sum(y.subsidy); }, kWan);
  const auto public_spending = each([](const MoneyYear& y) { return y.public_spending; }, kWan);
  g.series = {
      {"new_capital_by_project_wan_yuan", "项目建设投资", "10,000 yuan per year",
       "investment of each project in the year it opens (plan year + build lag; before the first year: the first year)", source,
       by_project, each([](const MoneyYear& y) { return y.capital_by_project; }, kWan)},
      {"new_capital_cost_wan_yuan", "建设投资", "10,000 yuan per year",
       "capital of the projects opening in the year, by their ownership (childcare projects: money.childcare_ownership)", source,
       by_owner, each([](const MoneyYear& y) { return y.capital; }, kWan)},
      {"cum_capital_cost_wan_yuan", "累计建设投资", "10,000 yuan", "capital of elderly-care and childcare projects, cumulated",
       source, year, cumulated(capital_total)},
      {"new_operating_fixed_wan_yuan", "运营成本（固定部分）", "10,000 yuan per year",
       "open beds (time average) x fixed operating cost per bed-year", source, by_bed,
       each([](const MoneyYear& y) { return y.operating_fixed; }, kWan)},
      {"new_operating_per_resident_wan_yuan", "运营成本（按入住人数部分）", "10,000 yuan per year",
       "occupied beds (time average) x operating cost per resident-year", source, by_bed,
       each([](const MoneyYear& y) { return y.operating_per_resident; }, kWan)},
      {"new_operating_cost_wan_yuan", "运营成本", "10,000 yuan per year", "operating cost (fixed + per resident) by ownership",
       source, by_owner, each([](const MoneyYear& y) { return y.operating; }, kWan)},
      {"new_beds_opened", "新增床位", "beds per year", "beds the plan's projects open in the year (added or converted), by ownership",
       source, by_owner, each([](const MoneyYear& y) { return y.new_beds; })},
      {"occupied_bed_years", "", "bed-years per year", "occupied beds, time average over the year, by ownership", source, by_owner,
       each([](const MoneyYear& y) { return y.occupied_bed_years; })},
      {"new_childcare_places_opened", "新增托位", "places per year", "places the plan's childcare projects open in the year",
       source, year, each([](const MoneyYear& y) { return y.new_childcare_places; })},
      {"childcare_child_years", "", "child-years per year", "children enrolled, time average over the year", source, year,
       each([](const MoneyYear& y) { return y.childcare_child_years; })},
      {"new_subsidy_wan_yuan", "财政补贴", "10,000 yuan per year", "subsidies by rule: the rule's quantity x its rate", source,
       by_rule, each([](const MoneyYear& y) { return y.subsidy; }, kWan)},
      {"new_subsidy_by_ownership_wan_yuan", "", "10,000 yuan per year",
       "subsidies by the ownership of the beds or places they are paid for", source, by_owner,
       each([](const MoneyYear& y) { return y.subsidy_by_owner; }, kWan)},
      {"cum_subsidy_wan_yuan", "累计财政补贴", "10,000 yuan", "subsidies of every rule, cumulated", source, year,
       cumulated(subsidy_total)},
      {"new_public_spending_wan_yuan", "财政支出", "10,000 yuan per year",
       "the public budget's shares of capital and operating cost plus the subsidies (less the part paid towards costs the budget "
       "bears already)", source, year, public_spending},
      {"new_private_spending_wan_yuan", "社会资本支出", "10,000 yuan per year",
       "capital and operating cost less the public spending (negative when subsidies exceed the private costs modelled)", source,
       year, each([](const MoneyYear& y) { return y.private_spending; }, kWan)},
      {"cum_public_spending_wan_yuan", "累计财政支出", "10,000 yuan", "public spending, cumulated", source, year,
       cumulated(public_spending)},
      {"new_persons_served", "", "persons per year",
       "admissions to elderly-care beds plus children newly enrolled in childcare (admissions less moves up from the band below)",
       source, year, each([](const MoneyYear& y) { return y.persons_served; })},
      {"public_cost_per_person_served_yuan", "人均财政支出", "yuan per person served",
       "public spending of the year over the persons served in it (NaN when none)", source, year,
       each([](const MoneyYear& y) { return y.persons_served > 0 ? y.public_spending / y.persons_served : kNaN; })},
  };
  if (!r.ltc) return g;
  g.dimensions.push_back({"care_state", {}, labels(demand::kCareStateNames), "1", "care-need state"});
  g.dimensions.push_back({"care_setting", {}, labels(demand::kCareSettingNames), "1",
                          "home, day care, institution (residents of the simulated beds; those seeking a bed without one: home)"});
  const std::vector<std::string> by_state_setting{"capacity_year", "care_state", "care_setting"};
  const auto outlay_total = each([&](const MoneyYear& y) {
    double s = 0;
    for (const auto& row : y.outlay) s += sum(row);
    return s;
  });
  const double share = p.ltc->insured_share;
  std::vector<double> beneficiaries, per_insured;
  for (std::size_t i = 0; i < r.years.size(); ++i) {
    double n = 0;
    for (std::size_t s = 0; s < r.years[i].users.size(); ++s)
      for (std::size_t w = 0; w < r.years[i].users[s].size(); ++w)
        if (p.ltc->benefit_yuan_per_user_year[s][w] > 0) n += r.years[i].users[s][w] * share;
    beneficiaries.push_back(n);
    per_insured.push_back(r.years[i].insured > 0 ? outlay_total[i] / r.years[i].insured : kNaN);
  }
  std::vector<double> outlay_wan = outlay_total;
  for (double& v : outlay_wan) v /= kWan;
  g.series.push_back({"n_ltc_insured", "长期护理保险参保人数", "persons", "insured persons: money.ltc_insured_share x the base (1 July)",
                      source, year, each([](const MoneyYear& y) { return y.insured; })});
  g.series.push_back({"n_care_users", "", "persons", "elders by care state and setting, insured or not (1 July; institution: time average)",
                      source, by_state_setting, each([](const MoneyYear& y) {
                        std::vector<double> v;
                        for (const auto& row : y.users) v.insert(v.end(), row.begin(), row.end());
                        return v;
                      })});
  g.series.push_back({"n_ltc_beneficiaries", "长期护理保险待遇享受人数", "persons",
                      "insured users in a care state and setting with a benefit", source, year, beneficiaries});
  g.series.push_back({"new_ltc_outlay_by_state_wan_yuan", "", "10,000 yuan per year",
                      "fund outlay: users x insured share x benefit per user-year, by care state and setting", source, by_state_setting,
                      each([](const MoneyYear& y) {
                        std::vector<double> v;
                        for (const auto& row : y.outlay) v.insert(v.end(), row.begin(), row.end());
                        return v;
                      }, kWan)});
  g.series.push_back({"new_ltc_outlay_wan_yuan", "长期护理保险基金支出", "10,000 yuan per year", "fund outlay, all users", source, year,
                      outlay_wan});
  g.series.push_back({"ltc_outlay_per_insured_yuan", "人均基金支出", "yuan per insured person per year",
                      "fund outlay over the insured persons", source, year, per_insured});
  return g;
}

}  // namespace carecap::money
