// carecap. SPDX-License-Identifier: MIT
#include "tools/report/StartTable.hpp"

#include <cmath>

#include "tools/report/ReportText.hpp"

namespace carecap::report {

std::optional<Table> start_table(const RunView& run) {
  for (const char* name : {"start", "n_initial_residents", "institution_use_factor"})
    if (!run.capacity || !run.demand || !run.view.has("capacity", name)) return std::nullopt;
  const std::vector<std::string> kinds = run.view.file().read_text("capacity", "start");
  if (kinds.empty()) return std::nullopt;
  StartFigures start;
  start.kind = kinds.front();
  const std::vector<int> capacity_years = run.view.coordinates("capacity", "capacity_year");
  start.year = capacity_years.empty() ? run.years.front() : capacity_years.front();
  for (double v : run.view.read("capacity", "n_initial_residents").values) start.residents += v;
  double elders = run.at_year(run.by_year("", "n_age_60_plus"), start.year);
  if (std::isnan(elders)) elders = run.by_year("", "n_age_60_plus").front();
  // The stock the national default propensities give (the demand before calibration).
  double national = 0;
  for (double v : run.view.read("capacity", "n_beds_needed_national_use").values) national += v;
  start.share_60_plus = elders > 0 ? 100.0 * start.residents / elders : 0.0;
  start.national_share = elders > 0 ? 100.0 * national / elders : 0.0;
  start.ratio = national > 0 ? start.residents / national : 0.0;

  const Text sentence = start_text(start);
  Table t{"start", {"起始状态", "Start"},
          {sentence.zh + "校准系数为机构照护倾向所乘的系数（1 = 未校准）。",
           sentence.en + " Factor: what the institutional propensities are multiplied by (1 = not calibrated)."},
          {{{"项目", "item"}, {}, 0}, {{"单位", "units"}, {}, 0}, {{"数值", "value"}, {}, 0}},
          {}};
  const std::string year = std::to_string(start.year);
  t.rows.push_back({Text{"起始方式", "start"}, std::monostate{}, label_text(start.kind)});
  t.row_decimals.push_back(0);
  t.rows.push_back({Text{year + "年1月1日在住老人", "residents in beds on 1 January " + year}, units_text("persons"),
                    start.residents});
  t.row_decimals.push_back(0);
  t.rows.push_back({Text{"占60岁及以上老年人口", "share of people aged 60+"}, units_text("percent"), start.share_60_plus});
  t.row_decimals.push_back(2);
  t.rows.push_back({Text{"全国默认机构照护使用（占60岁及以上老年人口）", "national default care use (share of people aged 60+)"},
                    units_text("percent"), start.national_share});
  t.row_decimals.push_back(2);
  t.rows.push_back({Text{"与全国默认之比", "ratio to the national default"}, units_text("times"), start.ratio});
  t.row_decimals.push_back(1);
  const ReportArray factors = run.view.read("capacity", "institution_use_factor");
  const std::vector<std::string>& bed_types = factors.dimension("bed_type").labels;
  for (std::size_t b = 0; b < bed_types.size() && b < factors.values.size(); ++b) {
    const Text type = label_text(bed_types[b]);
    t.rows.push_back({Text{"照护使用校准系数：" + type.zh, "care-use factor: " + type.en}, units_text("times"),
                      factors.values[b]});
    t.row_decimals.push_back(3);
  }
  return t;
}

}  // namespace carecap::report
