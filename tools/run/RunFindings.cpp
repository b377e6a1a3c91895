// carecap. SPDX-License-Identifier: MIT
#include "tools/run/RunFindings.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <limits>
#include <sstream>

#include "sim/NumberText.hpp"
#include "tools/run/ResultLookup.hpp"

namespace carecap::tools {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string num(double x, int decimals = 0) { return sim::grouped(x, decimals); }

std::string year_of(int year) { return std::to_string(year); }

/// The values of a run, means of the replications.
struct Run {
  const std::vector<std::vector<ResultGroup>>& reps;

  /// A series in `year`, summed over its other dimensions or only over `label` of its second.
  double at(const char* group, const char* series, int year, const char* label = nullptr) const {
    ResultQuery query{group, series, "", {}};
    if (label) {
      const ResultGroup* g = find_group(reps.front(), group);
      const ResultSeries* s = g ? find_series(*g, series) : nullptr;
      if (!s || s->dimensions.size() < 2) return kNaN;
      query.label_dimension = s->dimensions[1];
      query.labels = {label};
    }
    return mean_in(reps, query, year);
  }

  /// The sum of `count` values of a series from flat index `from`, mean of the replications (NaN when absent).
  double total(const char* group, const char* series, std::size_t from = 0,
               std::size_t count = std::numeric_limits<std::size_t>::max()) const {
    return mean_total_in(reps, group, series, from, count);
  }

  std::string text(const char* group, const char* name) const {
    const ResultGroup* g = find_group(reps.front(), group);
    if (!g) return "";
    for (const auto& t : g->text_series)
      if (t.name == name && !t.values.empty()) return t.values.front();
    return "";
  }
};

/// How the beds started and what care use the demand rests on (the terminal's Start line).
struct CareUse {
  std::string start;       // observed_residents, occupancy_share, demand_steady_state; "" without capacity
  double residents = kNaN;  // in beds on 1 January of the first year
  double elders = kNaN;     // aged 60+, 1 July of the first year
  double national = kNaN;   // beds the national default care use seeks in the first year
  [[nodiscard]] double residents_share() const { return elders > 0 ? 100.0 * residents / elders : 0.0; }
  [[nodiscard]] double national_share() const { return elders > 0 ? 100.0 * national / elders : 0.0; }
  [[nodiscard]] double ratio() const { return national > 0 ? residents / national : 0.0; }
  [[nodiscard]] bool calibrated() const { return !start.empty() && start != "demand_steady_state"; }
};

CareUse care_use(const Run& run, int first) {
  CareUse use;
  use.start = run.text("capacity", "start");
  if (use.start.empty()) return use;
  use.residents = run.total("capacity", "n_initial_residents");
  use.elders = run.at("", "n_age_60_plus", first);
  use.national = run.total("capacity", "n_beds_needed_national_use");
  return use;
}

/// The assumption the demand for beds rests on, in both languages.
std::pair<std::string, std::string> demand_assumption(const CareUse& use) {
  if (use.calibrated())
    return {"照护使用按在住老人校准，为全国默认值" + num(use.national_share(), 2) + "%的" + num(use.ratio(), 1) + "倍",
            "care use calibrated to the residents, " + num(use.ratio(), 1) + " times the national default of " +
                num(use.national_share(), 2) + "%"};
  return {"全国机构照护使用，60岁及以上老年人口的" + num(use.national_share(), 2) + "%需要床位",
          "national care use, " + num(use.national_share(), 2) + "% of people aged 60+ seek a bed"};
}

RunFinding population(const Run& run, int first, int mid, int last) {
  RunFinding f{"population", {}, "", ""};
  const double e0 = run.at("", "n_age_60_plus", first), e1 = run.at("", "n_age_60_plus", mid),
               e2 = run.at("", "n_age_60_plus", last), share = run.at("", "share_age_60_plus", last),
               c0 = run.at("", "n_age_0_2", first), c1 = run.at("", "n_age_0_2", mid);
  f.numbers = {{"n_age_60_plus", e0, "persons", first}, {"n_age_60_plus", e1, "persons", mid},
               {"n_age_60_plus", e2, "persons", last},  {"share_age_60_plus", share, "percent", last},
               {"n_age_0_2", c0, "persons", first},     {"n_age_0_2", c1, "persons", mid}};
  f.zh = "60岁及以上老年人口：" + year_of(first) + "年" + num(e0) + "人，" + year_of(mid) + "年" + num(e1) + "人，" +
         year_of(last) + "年" + num(e2) + "人（占常住人口" + num(share, 1) + "%）；3岁以下婴幼儿：" + year_of(first) + "年" +
         num(c0) + "人，" + year_of(mid) + "年" + num(c1) + "人（依据：队列要素法预测，生育、死亡与迁移按情景假设）。";
  f.en = "Elders aged 60+: " + num(e0) + " in " + year_of(first) + ", " + num(e1) + " in " + year_of(mid) + ", " + num(e2) +
         " in " + year_of(last) + " (" + num(share, 1) + "% of the population); children under 3: " + num(c0) + " in " +
         year_of(first) + ", " + num(c1) + " in " + year_of(mid) +
         " (assumption: cohort-component projection on the scenario's fertility, mortality and migration).";
  return f;
}

RunFinding beds(const Run& run, const CareUse& use, int mid) {
  RunFinding f{"beds", {}, "", ""};
  const double open = run.at("capacity", "n_beds", mid), occupied = run.at("capacity", "n_occupied_beds", mid),
               waiting = run.at("capacity", "n_waiting", mid),
               supplied = run.at("demand", "beds_per_1000_elderly", mid, "supply"),
               sought = run.at("demand", "beds_per_1000_elderly", mid, "demand");
  const double idle = open > 0 ? 100.0 * (open - occupied) / open : 0.0;
  f.numbers = {{"n_beds", open, "beds", mid},
               {"n_occupied_beds", occupied, "beds", mid},
               {"idle_share", idle, "percent", mid},
               {"n_waiting", waiting, "persons", mid},
               {"beds_per_1000_elderly_supply", supplied, "beds per 1,000 persons aged 60+", mid},
               {"beds_per_1000_elderly_demand", sought, "beds per 1,000 persons aged 60+", mid},
               {"care_use_share", use.national_share(), "percent", 0}};
  const auto [why_zh, why_en] = demand_assumption(use);
  f.zh = year_of(mid) + "年养老床位：开放" + num(open) + "张，平均在住" + num(occupied) + "人（空置" + num(idle) + "%）；等候入住" +
         num(waiting) + "人；每千名老年人床位供给" + num(supplied, 1) + "张，需求" + num(sought, 1) + "张（依据：" + why_zh + "）。";
  f.en = "Beds in " + year_of(mid) + ": " + num(open) + " open, " + num(occupied) + " occupied on average (" + num(idle) +
         "% idle); " + num(waiting) + " people waiting; " + num(supplied, 1) + " beds per 1,000 elders supplied against " +
         num(sought, 1) + " sought (assumption: " + why_en + ").";
  return f;
}

RunFinding start(const CareUse& use, int first) {
  RunFinding f{"start", {}, "", ""};
  f.numbers = {{"n_initial_residents", use.residents, "persons", first},
               {"residents_share", use.residents_share(), "percent", first},
               {"care_use_share", use.national_share(), "percent", first},
               {"residents_ratio", use.ratio(), "1", first}};
  f.zh = "起始（" + year_of(first) + "年1月1日）：在住老人" + num(use.residents) + "人，占60岁及以上老年人口的" +
         num(use.residents_share(), 2) + "%；";
  f.en = "Start (1 January " + year_of(first) + "): " + num(use.residents) + " residents in beds, " +
         num(use.residents_share(), 2) + "% of people aged 60+; ";
  if (!use.calibrated()) {
    f.zh += "未给出入住人数或入住率，床位按基年需求填充（依据：全国机构照护使用，60岁及以上老年人口的" +
            num(use.national_share(), 2) + "%需要床位）。";
    f.en += "no occupancy stated, so beds start as the base year's demand would fill them (assumption: national care use, " +
            num(use.national_share(), 2) + "% of people aged 60+ seek a bed).";
  } else {
    const bool observed = use.start == "observed_residents";
    f.zh += std::string(observed ? "机构名录的观测入住人数" : "情景的入住率假设（capacity.initial_occupancy）") + "，为全国默认值" +
            num(use.national_share(), 2) + "%的" + num(use.ratio(), 1) + "倍（依据：照护使用按在住老人校准）。";
    f.en += std::string(observed ? "the observed residents (facilities file)" : "capacity.initial_occupancy of the beds") +
            ", " + num(use.ratio(), 1) + " times the national default of " + num(use.national_share(), 2) +
            "% (assumption: care use calibrated to the residents).";
  }
  return f;
}

RunFinding childcare(const Run& run, int mid) {
  RunFinding f{"childcare", {}, "", ""};
  const double places = run.at("childcare_capacity", "n_places", mid), children = run.at("", "n_age_0_2", mid),
               sought = run.at("demand", "n_childcare_places_wanted", mid),
               used = run.at("demand", "place_utilisation", mid, "supply"),
               unserved = run.at("childcare_capacity", "new_gave_up", mid),
               affordable = run.at("demand", "affordable_place_share", mid, "supply");
  const double per_100 = children > 0 ? 100.0 * places / children : 0.0;
  f.numbers = {{"n_places", places, "places", mid},          {"n_age_0_2", children, "persons", mid},
               {"places_per_100_children", per_100, "places per 100 persons", mid},
               {"n_places_sought", sought, "places", mid},    {"place_utilisation", used, "percent", mid},
               {"new_gave_up", unserved, "persons per year", mid}, {"affordable_place_share", affordable, "percent", mid}};
  f.zh = year_of(mid) + "年托育：托位" + num(places) + "个，3岁以下婴幼儿" + num(children) + "人（每百名" + num(per_100) +
         "个）；家庭需要托位" + num(sought) + "个；托位使用率" + num(used) + "%；每年" + num(unserved) +
         "名婴幼儿未入托即离开等候名单；普惠托位占" + num(affordable) + "%（依据：需求模型按月龄段的入托意愿）。";
  f.en = "Childcare in " + year_of(mid) + ": " + num(places) + " places for " + num(children) + " children under 3 (" +
         num(per_100) + " per 100); families seek " + num(sought) + " places; " + num(used) + "% of places used; " +
         num(unserved) + " children a year leave the waiting list unserved; " + num(affordable) +
         "% of places affordable (assumption: the demand model's wish for a place by month band).";
  return f;
}

/// What the plan's beds-per-1,000-elderly target needs given the projection.
RunFinding plan_beds(const Run& run, const plan::PlanStatement& plan) {
  const plan::PlanTargets& t = *plan.targets;
  RunFinding f{"plan_beds", {}, "", ""};
  const double rate = *t.beds_per_1000_elderly, elders = run.at("", "n_age_60_plus", t.year);
  const double needed = rate * elders / 1000.0, supplied = run.at("capacity", "n_beds", t.year);
  const double target = t.elderly_care_beds.value_or(kNaN);
  const double forecast = plan.forecast && plan.forecast->year == t.year ? plan.forecast->age_60_plus.value_or(kNaN) : kNaN;
  f.numbers = {{"target_beds_per_1000_elderly", rate, "beds per 1,000 persons aged 60+", t.year},
               {"n_age_60_plus", elders, "persons", t.year},
               {"beds_needed_at_target_rate", needed, "beds", t.year},
               {"target_beds", target, "beds", t.year},
               {"n_beds", supplied, "beds", t.year},
               {"forecast_age_60_plus", forecast, "persons", t.year}};
  f.zh = "按规划每千名老年人" + num(rate, 1) + "张床位，" + year_of(t.year) + "年预测的" + num(elders) + "名60岁及以上老年人需要" +
         num(needed) + "张床位";
  f.en = "At the plan's " + num(rate, 1) + " beds per 1,000 aged 60+, the " + num(elders) + " elders projected for " +
         year_of(t.year) + " need " + num(needed) + " beds";
  if (!std::isnan(target)) {
    f.zh += "；规划目标" + num(target) + "张";
    f.en += "; the plan targets " + num(target);
  }
  if (!std::isnan(supplied)) {
    f.zh += "，情景供给" + num(supplied) + "张";
    f.en += (std::isnan(target) ? "; " : ", ") + std::string("the scenario supplies ") + num(supplied);
  }
  f.zh += "（依据：本模型的人口预测" + (std::isnan(forecast) ? std::string() : "，而非规划预测的" + num(forecast) + "人") + "）。";
  f.en += " (assumption: the model's projection of elders" +
          (std::isnan(forecast) ? std::string() : ", not the plan's forecast of " + num(forecast)) + ").";
  return f;
}

/// What the plan's places-per-1,000-people target needs given the projection.
RunFinding plan_places(const Run& run, const plan::PlanStatement& plan) {
  const plan::PlanTargets& t = *plan.targets;
  RunFinding f{"plan_places", {}, "", ""};
  const double rate = *t.childcare_places_per_1000_people, people = run.at("", "n_total", t.year);
  const double needed = rate * people / 1000.0, supplied = run.at("childcare_capacity", "n_places", t.year);
  const double target = t.childcare_places.value_or(kNaN);
  f.numbers = {{"target_childcare_places_per_1000_people", rate, "places per 1,000 persons", t.year},
               {"n_total", people, "persons", t.year},
               {"places_needed_at_target_rate", needed, "places", t.year},
               {"target_childcare_places", target, "places", t.year},
               {"n_places", supplied, "places", t.year}};
  f.zh = "按规划每千人口" + num(rate, 1) + "个托位，" + year_of(t.year) + "年预测的常住人口" + num(people) + "人需要" + num(needed) +
         "个托位";
  f.en = "At the plan's " + num(rate, 1) + " childcare places per 1,000 people, the " + num(people) + " people projected for " +
         year_of(t.year) + " need " + num(needed) + " places";
  if (!std::isnan(target)) {
    f.zh += "；规划目标" + num(target) + "个";
    f.en += "; the plan targets " + num(target);
  }
  if (!std::isnan(supplied)) {
    f.zh += "，情景供给" + num(supplied) + "个";
    f.en += (std::isnan(target) ? "; " : ", ") + std::string("the scenario supplies ") + num(supplied);
  }
  f.zh += "（依据：本模型的人口预测）。";
  f.en += " (assumption: the model's projection of the population).";
  return f;
}

}  // namespace

std::vector<RunFinding> run_findings(const std::vector<std::vector<ResultGroup>>& replications,
                                     const plan::PlanStatement* plan) {
  const Run run{replications};
  const std::vector<int>& years = replications.front().front().dimensions.front().values;
  const int first = years.front(), last = years.back();
  int mid = first;  // the first plan year the summary shows: 2025, or the next of its years
  for (int y : {2025, 2030, 2035, 2040, 2050, 2075, last})
    if (y > first && y <= last) {
      mid = y;
      break;
    }
  std::vector<RunFinding> out{population(run, first, mid, last)};
  const CareUse use = care_use(run, first);
  if (!std::isnan(run.at("capacity", "n_beds", mid))) out.push_back(beds(run, use, mid));
  if (!use.start.empty()) out.push_back(start(use, first));
  if (!std::isnan(run.at("childcare_capacity", "n_places", mid))) out.push_back(childcare(run, mid));
  const bool in_run = plan && plan->targets && std::find(years.begin(), years.end(), plan->targets->year) != years.end();
  if (in_run && plan->targets->beds_per_1000_elderly) out.push_back(plan_beds(run, *plan));
  if (in_run && plan->targets->childcare_places_per_1000_people) out.push_back(plan_places(run, *plan));
  return out;
}

ResultGroup findings_group(const std::vector<RunFinding>& findings) {
  ResultGroup group{"findings",
                    "the run's main findings in plain words (Chinese and English from the same numbers), as the "
                    "terminal summary prints them and the report opens with them; means of the replications",
                    {}, {}, {}};
  ResultDimension finding{"finding", {}, {}, "1", "one finding: population, beds, start, childcare, plan_beds, plan_places"};
  ResultDimension number{"finding_number", {}, {}, "1", "one number a finding rests on: FINDING.NAME"};
  std::vector<std::string> zh, en, units, number_finding;
  std::vector<double> values, years;
  for (const auto& f : findings) {
    finding.labels.push_back(f.id);
    zh.push_back(f.zh);
    en.push_back(f.en);
    for (const auto& n : f.numbers) {
      // A name the finding uses for several years carries the year: population.n_age_60_plus_2025.
      const auto repeats = std::count_if(f.numbers.begin(), f.numbers.end(), [&](const FindingNumber& m) { return m.name == n.name; });
      const std::string label = f.id + "." + n.name + (repeats > 1 ? "_" + year_of(n.year) : "");
      number.labels.push_back(label);
      number_finding.push_back(f.id);
      values.push_back(n.value);
      years.push_back(n.year == 0 ? kNaN : n.year);
      units.push_back(n.units);
    }
  }
  if (finding.labels.empty()) {  // HDF5 keeps no empty dimension
    finding.labels.emplace_back("none");
    zh = en = {""};
  }
  if (number.labels.empty()) {
    number.labels.emplace_back("none");
    values = years = {kNaN};
    units = number_finding = {""};
  }
  group.dimensions = {finding, number};
  group.series.push_back({"value", "", "as in value_units", "a number a finding rests on (means of the replications)", "",
                          {"finding_number"}, values});
  group.series.push_back({"value_year", "", "calendar year", "the year the number is for (NaN: none)", "",
                          {"finding_number"}, years});
  group.text_series = {
      {"text_zh", "the finding in Chinese, naming the assumption it rests on", "finding", zh},
      {"text_en", "the finding in English, the same numbers", "finding", en},
      {"value_finding", "the finding the number belongs to", "finding_number", number_finding},
      {"value_units", "units of value", "finding_number", units},
  };
  return group;
}

}  // namespace carecap::tools
