// carecap. SPDX-License-Identifier: MIT
#include "tools/report/IndicatorTable.hpp"

#include <cmath>
#include <limits>

#include "tools/report/ReportText.hpp"

namespace carecap::report {
namespace {

/// One row of the plans' indicator table.
struct IndicatorRow {
  Text name;
  std::string units;
  std::vector<double> values;  // by projection year
  int decimals = 0;
  std::string target;          // stated figure's name, or empty
  double target_scale = 1.0;   // stated fraction -> percent
};

}  // namespace

Table indicator_table(const RunView& run) {
  const int base = run.years.front();
  std::vector<int> columns{base};
  for (int y : {2025, 2030, 2035})
    if (y > base) columns.push_back(y);
  int target_year = 0;
  for (const auto& [name, s] : run.stated)
    if (name.rfind("targets.", 0) == 0) target_year = s.year;
  Table t{"indicators", {"规划指标表", "Plan indicators"},
          {"按规划文本格式：模型值为随机重复的均值（供给口径：情景的床位与托位；需求口径：需求模型）；差距 = 目标年份的模型值 − 规划目标（负数为未达标）。",
           "in the plans' format: model values are means of the replications (supply basis: the scenario's beds and "
           "places; demand basis: the demand model); gap = model value in the target year - the plan's target "
           "(negative: short of it)."},
          {{{"指标", "indicator"}, {}, 0}, {{"单位", "units"}, {}, 0}},
          {}};
  for (std::size_t c = 0; c < columns.size(); ++c)
    t.columns.push_back({c == 0 ? Text{"基年 " + std::to_string(base), "base year " + std::to_string(base)}
                                : same(std::to_string(columns[c])),
                         {}, 1});
  t.columns.push_back({target_year ? Text{"规划目标（" + std::to_string(target_year) + "）", "target (" + std::to_string(target_year) + ")"}
                                   : Text{"规划目标", "target"},
                       {}, 1});
  t.columns.push_back({{"差距", "gap"}, {}, 1});

  std::vector<IndicatorRow> rows;
  auto basis = [&](const char* name, const char* b) { return run.by_year("demand", name, {{"basis", {b}}}); };
  rows.push_back({{"常住人口", "population"}, "persons", run.by_year("", "n_total"), 0, "", 1});
  rows.push_back({{"60岁及以上老年人口", "aged 60+"}, "persons", run.by_year("", "n_age_60_plus"), 0, "", 1});
  rows.push_back({{"60岁及以上人口占比", "share aged 60+"}, "percent", run.by_year("", "share_age_60_plus"), 1, "", 1});
  rows.push_back({{"80岁及以上老年人口", "aged 80+"}, "persons", run.by_year("", "n_age_80_plus"), 0, "", 1});
  rows.push_back({{"3岁以下婴幼儿", "children aged 0-2"}, "persons", run.by_year("", "n_age_0_2"), 0, "", 1});
  rows.push_back({{"出生人口", "births"}, "persons per year", run.by_year("", "new_births"), 0, "", 1});
  if (run.demand) {
    if (run.capacity) {
      rows.push_back({{"养老床位（供给）", "elderly-care beds (supply)"}, "beds", run.by_year("capacity", "n_beds"), 0,
                      "targets.elderly_care_beds", 1});
      rows.push_back({{"护理型床位含认知障碍（供给）", "nursing-type beds incl. dementia (supply)"}, "beds",
                      run.by_year("capacity", "n_beds", {{"bed_type", {"nursing", "dementia"}}}), 0,
                      "nursing_beds_target", 1});
    }
    rows.push_back({{"养老床位需求", "elderly-care beds needed"}, "beds", run.by_year("demand", "n_beds_needed"), 0, "", 1});
    // Supply-basis rows only where a capacity simulation gives a supply (without one they would read 0).
    if (run.capacity)
      rows.push_back({{"每千名老年人养老床位数（供给）", "beds per 1,000 aged 60+ (supply)"}, "beds per 1,000 persons aged 60+",
                      basis("beds_per_1000_elderly", "supply"), 1, "targets.beds_per_1000_elderly", 1});
    rows.push_back({{"每千名老年人养老床位数（需求）", "beds per 1,000 aged 60+ (demand)"}, "beds per 1,000 persons aged 60+",
                    basis("beds_per_1000_elderly", "demand"), 1, "", 1});
    if (run.capacity)
      rows.push_back({{"护理型床位占比（供给）", "nursing-type bed share (supply)"}, "percent",
                      basis("nursing_bed_share", "supply"), 1, "targets.nursing_bed_share", 100});
    rows.push_back({{"护理型床位占比（需求）", "nursing-type bed share (demand)"}, "percent",
                    basis("nursing_bed_share", "demand"), 1, "", 1});
    rows.push_back({{"每万名老年人认知障碍照护床位数（需求）", "dementia beds per 10,000 aged 60+ (demand)"},
                    "beds per 10,000 persons aged 60+", basis("dementia_beds_per_10000_elderly", "demand"), 1, "", 1});
    rows.push_back({{"每万名老年人养老护理员数（需求）", "care workers per 10,000 aged 60+ (demand)"},
                    "persons per 10,000 persons aged 60+", basis("care_workers_per_10000_elderly", "demand"), 1, "", 1});
    if (run.childcare)
      rows.push_back({{"托位数（供给）", "childcare places (supply)"}, "places", run.by_year("childcare_capacity", "n_places"),
                      0, "targets.childcare_places", 1});
    rows.push_back({{"托位需求", "childcare places wanted"}, "places", run.by_year("demand", "n_childcare_places_wanted"), 0,
                    "", 1});
    const char* place_basis = run.childcare ? "supply" : "demand";
    rows.push_back({{std::string("每千人口托位数（") + (run.childcare ? "供给" : "需求") + "）",
                     std::string("childcare places per 1,000 people (") + place_basis + ")"},
                    "places per 1,000 persons", basis("childcare_places_per_1000_people", place_basis), 2,
                    run.childcare ? "targets.childcare_places_per_1000_people" : "", 1});
    if (run.childcare) {
      rows.push_back({{"普惠托位占比（供给）", "affordable place share (supply)"}, "percent",
                      basis("affordable_place_share", "supply"), 1, "targets.affordable_place_share", 100});
      rows.push_back({{"入托率（供给）", "enrolment rate (supply)"}, "percent", basis("enrollment_rate", "supply"), 1, "", 1});
      rows.push_back({{"托位使用率（供给）", "place utilisation (supply)"}, "percent", basis("place_utilisation", "supply"), 1,
                      "", 1});
    }
  }
  if (run.capacity) {
    rows.push_back({{"等候入住老人", "elders waiting"}, "persons", run.by_year("capacity", "n_waiting"), 0, "", 1});
    rows.push_back({{"养老累计投资", "elderly care, cumulative investment"}, "10,000 yuan",
                    run.by_year("capacity", "cum_capital_cost_wan_yuan"), 0, "", 1});
  }
  for (const IndicatorRow& r : rows) {
    std::vector<Cell> cells{r.name, units_text(r.units)};
    for (int y : columns) cells.emplace_back(run.at_year(r.values, y));
    const StatedFigure* target = r.target.empty() ? nullptr : run.statement(r.target);
    if (target) {
      const double goal = target->value * r.target_scale;
      cells.emplace_back(goal);
      cells.emplace_back(run.at_year(r.values, target->year) - goal);
    } else {
      cells.emplace_back(std::monostate{});
      cells.emplace_back(std::monostate{});
    }
    t.rows.push_back(cells);
    t.row_decimals.push_back(r.decimals);
  }
  return t;
}


}  // namespace carecap::report
