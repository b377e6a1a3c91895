// carecap. SPDX-License-Identifier: MIT
// The money section of a run's report: the `money` group (output/SCHEMA.md) by year, Chinese first.
#include "tools/report/MoneySection.hpp"

#include <cmath>

#include "text/TextArg.hpp"
#include "tools/report/ReportText.hpp"
#include "tools/report/RunCharts.hpp"

namespace carecap::report {
namespace {

constexpr const char* kGroup = "money";

}  // namespace

std::optional<Section> money_section(const RunView& run) {
  if (!run.view.file().has_group(kGroup) || !run.view.has(kGroup, "new_public_spending_wan_yuan")) return std::nullopt;
  const auto series = [&](const char* name, const std::map<std::string, std::vector<std::string>>& only = {}) {
    return run.by_year(kGroup, name, only);
  };
  const auto capital = series("new_capital_cost_wan_yuan"), fixed = series("new_operating_fixed_wan_yuan"),
             per_resident = series("new_operating_per_resident_wan_yuan"), subsidy = series("new_subsidy_wan_yuan"),
             public_spending = series("new_public_spending_wan_yuan"), private_spending = series("new_private_spending_wan_yuan"),
             per_person = series("public_cost_per_person_served_yuan");
  std::vector<std::vector<double>> by_rule;
  for (const char* rule : {"per_new_bed", "per_occupied_bed_year", "per_new_childcare_place", "per_childcare_child_year"})
    by_rule.push_back(series("new_subsidy_wan_yuan", {{"subsidy_rule", {rule}}}));
  const bool ltc = run.view.has(kGroup, "new_ltc_outlay_wan_yuan");

  Section s{"money", text::both("report.run.money.title"), text::both(ltc ? "report.run.money.note_ltc" : "report.run.money.note"),
            {}, {}, {}};
  std::vector<double> operating(run.years.size());
  for (std::size_t i = 0; i < run.years.size(); ++i) operating[i] = fixed[i] + per_resident[i];
  Chart c = line_chart(run, "money", text::both("report.run.money.chart"), units_text("10,000 yuan per year"));
  c.series.push_back({text::both("report.run.money.capital"), capital, "bar", "#1f5f8b"});
  c.series.push_back({text::both("report.run.money.operating"), operating, "bar", "#7f8c8d"});
  c.series.push_back({text::both("report.run.money.subsidies"), subsidy, "bar", "#e59866"});
  c.series.push_back({text::both("report.run.money.public_spending"), public_spending, "line", "#c0392b"});
  if (ltc) c.series.push_back({text::both("report.run.money.ltc_outlay"), series("new_ltc_outlay_wan_yuan"), "dashed", "#7d3c98"});
  s.charts.push_back(c);
  Chart rules = line_chart(run, "money_subsidies", text::both("report.run.money.subsidy_chart"), units_text("10,000 yuan per year"));
  const char* rule_ids[] = {"report.run.money.per_new_bed", "report.run.money.per_occupied_bed_year",
                            "report.run.money.per_new_childcare_place", "report.run.money.per_childcare_child_year"};
  for (std::size_t k = 0; k < by_rule.size(); ++k) rules.series.push_back({text::both(rule_ids[k]), by_rule[k], "bar", ""});
  s.charts.push_back(rules);

  Table t{"money", text::both("report.run.money.table"), text::both("report.run.money.table_note"),
          {{text::both("report.common.year"), {}, kPlainInteger},
           {text::both("report.run.money.capital"), units_text("10,000 yuan"), 1},
           {text::both("report.run.money.operating_fixed"), units_text("10,000 yuan"), 1},
           {text::both("report.run.money.operating_per_resident"), units_text("10,000 yuan"), 1}},
          {}};
  for (const char* id : rule_ids) t.columns.push_back({text::both(id), units_text("10,000 yuan"), 1});
  t.columns.push_back({text::both("report.run.money.public_spending"), units_text("10,000 yuan"), 1});
  t.columns.push_back({text::both("report.run.money.private_spending"), units_text("10,000 yuan"), 1});
  t.columns.push_back({text::both("report.run.money.per_person_served"), units_text("yuan per person served"), 0});
  std::vector<double> insured, beneficiaries, outlay, per_insured;
  if (ltc) {
    insured = series("n_ltc_insured");
    beneficiaries = series("n_ltc_beneficiaries");
    outlay = series("new_ltc_outlay_wan_yuan");
    per_insured = series("ltc_outlay_per_insured_yuan");
    t.columns.push_back({text::both("report.run.money.insured"), units_text("persons"), 0});
    t.columns.push_back({text::both("report.run.money.beneficiaries"), units_text("persons"), 0});
    t.columns.push_back({text::both("report.run.money.ltc_outlay"), units_text("10,000 yuan"), 1});
    t.columns.push_back({text::both("report.run.money.outlay_per_insured"), units_text("yuan per insured person per year"), 1});
  }
  for (std::size_t i = 0; i < run.years.size(); ++i) {
    if (std::isnan(capital[i])) continue;  // not simulated
    std::vector<Cell> row{static_cast<double>(run.years[i]), capital[i], fixed[i], per_resident[i]};
    for (const auto& rule : by_rule) row.emplace_back(rule[i]);
    row.emplace_back(public_spending[i]);
    row.emplace_back(private_spending[i]);
    if (std::isfinite(per_person[i])) row.emplace_back(per_person[i]);
    else row.emplace_back(std::monostate{});
    if (ltc) {
      row.emplace_back(insured[i]);
      row.emplace_back(beneficiaries[i]);
      row.emplace_back(outlay[i]);
      row.emplace_back(per_insured[i]);
    }
    t.rows.push_back(std::move(row));
  }
  s.tables.push_back(std::move(t));
  return s;
}

}  // namespace carecap::report
