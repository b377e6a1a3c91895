// carecap. SPDX-License-Identifier: MIT
#include "tools/report/ReportText.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "sim/NumberText.hpp"

namespace carecap::report {

Text units_text(const std::string& units) {
  static const std::map<std::string, std::string> zh{
      {"persons", "人"},
      {"persons per year", "人/年"},
      {"births per year", "人/年"},
      {"beds", "张"},
      {"places", "个"},
      {"places per child", "个/名婴幼儿"},
      {"d", "天"},
      {"years", "年"},
      {"calendar year", "年份"},
      {"person-years", "人·年"},
      {"child-years", "儿童·年"},
      {"yuan", "元"},
      {"yuan per admission", "元/人次"},
      {"fraction of beds, 0..1", "比例"},
      {"bed-years", "张·年"},
      {"place-years", "个·年"},
      {"10,000 yuan", "万元"},
      {"10,000 yuan per year", "万元/年"},
      {"yuan per occupied bed-year", "元/（张·年）"},
      {"yuan per person admitted", "元/人"},
      {"10,000 yuan per person admitted", "万元/人"},
      {"percent", "%"},
      {"percent of beds", "%"},
      {"percent of elderly-care beds", "%"},
      {"percent of childcare places", "%"},
      {"percent of children aged 0-2", "%"},
      {"percent of total population", "%"},
      {"children per woman", "孩子数/妇女"},
      {"beds per 1,000 persons aged 60+", "张/千名老年人"},
      {"beds per 10,000 persons aged 60+", "张/万名老年人"},
      {"persons per 10,000 persons aged 60+", "人/万名老年人"},
      {"places per 1,000 persons", "个/千人"},
      {"places per 100 children aged 0-2", "个/百名婴幼儿"},
      {"fraction of beds", "比例"},
      {"fraction of places", "比例"},
      {"fraction of the population", "比例"},
      {"times", "倍"},
      {"targets", "项"},
      {"percentage points", "百分点"},
      {"1 met, 0 not", "1＝达标，0＝未达标"},
      {"1", ""},
  };
  const auto at = zh.find(units);
  if (units == "1") return {"", ""};
  return {at == zh.end() ? units : at->second, units};
}

Text label_text(const std::string& label) {
  static const std::map<std::string, Text> names{
      {"general", {"普通养老床位", "general beds"}},
      {"nursing", {"护理型床位", "nursing-type beds"}},
      {"dementia", {"认知障碍照护床位", "dementia-care beds"}},
      {"months_0_5", {"0-5个月", "0-5 months"}},
      {"months_6_12", {"6-12个月", "6-12 months"}},
      {"months_13_24", {"13-24个月", "13-24 months"}},
      {"months_25_36", {"25-36个月", "25-36 months"}},
      {"self_caring", {"自理", "self-caring"}},
      {"partly_disabled", {"半失能", "partly disabled"}},
      {"fully_disabled", {"失能", "fully disabled"}},
      {"male", {"男", "male"}},
      {"female", {"女", "female"}},
      {"mean", {"均值", "mean"}},
      {"p5", {"第5百分位", "5th percentile"}},
      {"p25", {"第25百分位", "25th percentile"}},
      {"p50", {"中位数", "median"}},
      {"p75", {"第75百分位", "75th percentile"}},
      {"p95", {"第95百分位", "95th percentile"}},
      {"agrees", {"一致", "agrees"}},
      {"differs", {"不一致", "differs"}},
      {"contradiction", {"自相矛盾", "contradiction"}},
      {"base_fact", {"基年数据", "base year"}},
      {"forecast", {"规划预测", "forecast"}},
      {"target", {"规划目标", "target"}},
      {"consistency", {"规划内部一致性", "consistency"}},
      {"model", {"模型", "model"}},
      {"model base", {"模型基年", "model base"}},
      {"plan forecast", {"规划预测", "plan forecast"}},
      {"plan target", {"规划目标", "plan target"}},
      {"plan population", {"规划人口", "plan population"}},
      {"project list", {"项目清单", "project list"}},
      {"model demand", {"模型需求", "model demand"}},
      {"demand model", {"需求模型", "demand model"}},
      {"plan enrolled", {"规划在托人数", "plan enrolled"}},
      {"demand", {"需求", "demand"}},
      {"supply", {"供给", "supply"}},
      {"deterministic", {"确定性预测", "deterministic"}},
      {"stochastic", {"随机预测", "stochastic"}},
      {"random", {"简单随机抽样", "simple random sampling"}},
      {"latin_hypercube", {"拉丁超立方抽样", "Latin hypercube sampling"}},
      {"sobol", {"索博尔序列抽样", "Sobol sequence sampling"}},
      {"grid", {"网格抽样", "grid"}},
      {"saltelli", {"萨尔泰利抽样（索博尔指数）", "Saltelli sampling (Sobol indices)"}},
      {"first_order", {"一阶指数", "first order"}},
      {"total", {"总效应指数", "total"}},
      {"observed_residents", {"观测入住人数", "observed residents"}},
      {"occupancy_share", {"按入住率假设", "assumed occupancy share"}},
      {"demand_steady_state", {"按基年需求稳态", "base-year demand steady state"}},
  };
  const auto at = names.find(label);
  return at == names.end() ? same(label) : at->second;
}

Text sheet_text(const std::string& id) {
  static const std::map<std::string, Text> names{
      {"start", {"起始状态", "Start"}},
      {"indicators", {"规划指标", "Plan indicators"}},
      {"natural_trend", {"不实施与实施规划", "Without and with plan"}},
      {"standards", {"规划标准测算", "Plan standards"}},
      {"population", {"人口预测", "Population"}},
      {"beds_by_type", {"养老床位", "Beds by type"}},
      {"operations", {"床位运营", "Bed operations"}},
      {"childcare_by_band", {"托位", "Childcare places"}},
      {"costs", {"投资与成本", "Costs"}},
      {"plan_check", {"规划核查", "Plan check"}},
      {"sources", {"来源与假设", "Sources"}},
      {"ranking", {"方案排序", "Ranking"}},
      {"key_outcomes", {"主要结果", "Key outcomes"}},
      {"scenarios", {"方案说明", "Scenarios"}},
      {"comparison", {"方案比较", "Outcomes by scenario"}},
      {"difference", {"与基准差异", "Difference from baseline"}},
      {"indicators_by_year", {"各方案指标", "Indicators by year"}},
      {"parameters", {"抽样参数", "Parameters"}},
      {"outcome_quantiles", {"结果分位数", "Outcome quantiles"}},
      {"fans", {"指标分位数", "Indicator quantiles"}},
      {"sobol", {"索博尔指数", "Sobol indices"}},
  };
  const auto at = names.find(id);
  return at == names.end() ? Text{} : at->second;
}

Text indicator_text(const std::string& name, const std::string& description) {
  static const std::map<std::string, std::string> zh{
      {"population", "常住人口"},        {"age_60_plus", "60岁及以上老年人口"}, {"age_0_2", "0-2岁婴幼儿"},
      {"births", "出生人口"},            {"beds_needed", "养老床位需求"},       {"childcare_places_wanted", "托位需求"},
      {"beds", "养老床位"},              {"occupied_beds", "在住老人"},         {"idle_beds", "空置床位"},
      {"waiting_elderly", "等候入住老人"}, {"died_waiting", "等候中死亡"},       {"operating_cost_wan_yuan", "养老运营成本"},
      {"childcare_places", "托位"},       {"childcare_enrolled", "在托婴幼儿"},  {"idle_places", "空置托位"},
      {"waiting_children", "等候入托婴幼儿"}};
  const auto at = zh.find(name);
  return {at == zh.end() ? name : at->second, description.empty() ? name : name + ": " + description};
}

int decimals_for(const std::vector<double>& values, const std::string& units) {
  if (units == "calendar year") return kPlainInteger;
  double largest = 0;
  for (double v : values)
    if (std::isfinite(v)) largest = std::max(largest, std::abs(v));
  return largest >= 100 ? 0 : largest >= 1 ? 1 : 3;
}

std::string grouped(double value, int decimals) { return sim::grouped(value, decimals); }

Text start_text(const StartFigures& s) {
  const std::string year = std::to_string(s.year), residents = grouped(s.residents),
                    share = grouped(s.share_60_plus, 2) + "%", national = grouped(s.national_share, 2) + "%",
                    ratio = grouped(s.ratio, 1);
  const Text kind = label_text(s.kind);
  Text out{year + "年1月1日在住老人" + residents + "人，占60岁及以上老年人口的" + share + "；起始状态：" + kind.zh,
           "1 January " + year + ": " + residents + " residents in beds, " + share + " of people aged 60+; start: " +
               kind.en};
  if (s.kind == "demand_steady_state") {
    out.zh += "（未给出入住人数或入住率，床位按基年需求填充）；全国默认机构照护使用为60岁及以上老年人口的" + national +
              "，未校准。";
    out.en += " (no residents or occupancy stated, so beds start as the base year's demand fills them); national "
              "default care use " + national + " of people aged 60+, not calibrated.";
  } else {
    const bool observed = s.kind == "observed_residents";
    out.zh += observed ? "（设施表）" : "（capacity.initial_occupancy）";
    out.en += observed ? " (facilities file)" : " (capacity.initial_occupancy)";
    out.zh += "；为全国默认机构照护使用（" + national + "）的" + ratio + "倍，照护使用已按此校准。";
    out.en += "; " + ratio + " times the national default of " + national + "; care use calibrated to them.";
  }
  return out;
}

}  // namespace carecap::report
