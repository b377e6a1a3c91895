// carecap. SPDX-License-Identifier: MIT
// The plan check's sentences (tools/run/PlanFindingText): one place words every finding in Chinese
// and English from the catalogue (text/messages/plan.toml), with the same numbers in both; the
// terminal prints them in the user's language. Bei'an: 北政办规〔2023〕9号, 2023-10-17.
#include <doctest/doctest.h>

#include <algorithm>
#include <regex>
#include <set>
#include <sstream>

#include "models/plan/PlanCheck.hpp"
#include "scenarios/loader/ScenarioLoader.hpp"
#include "tools/run/PlanCheckReport.hpp"
#include "tools/run/PlanFindingText.hpp"
#include "tools/run/ScenarioRun.hpp"

using namespace carecap;
using carecap::plan::PlanFinding;

namespace {

/// The shipped scenario's plan check, run with two replications (the check reads their means).
struct Checked {
  scenarios::Scenario scenario;
  std::vector<std::vector<ResultGroup>> replications;
  std::vector<PlanFinding> findings;
};
Checked checked(const char* path) {
  Checked c{scenarios::load_scenario(path), {}, {}};
  c.scenario.supply->capacity.replications = 2;
  c.replications = tools::run_scenario(c.scenario, 1).replications;
  c.findings = plan::check_plan(*c.scenario.plan, tools::model_figures(c.scenario, c.replications));
  return c;
}

const Checked& beian() {
  static const Checked c = checked("scenarios/beian/beian.toml");
  return c;
}

const Checked& jiaxing() {  // two target years (2022, 2025)
  static const Checked c = checked("scenarios/jiaxing/jiaxing.toml");
  return c;
}

/// The figures a sentence names: numbers of two or more characters (5,598, 73.6, 2025, +150.2%,
/// -10.8), leaving out words written in digits in English only (per 1,000, per 10,000, per 100, aged 60+).
std::multiset<std::string> figures_of(const std::string& sentence) {
  static const std::regex number(R"([-+]?[0-9][0-9,]*(\.[0-9]+)?%?)");
  std::multiset<std::string> out;
  for (auto it = std::sregex_iterator(sentence.begin(), sentence.end(), number); it != std::sregex_iterator(); ++it) {
    std::string n = it->str();
    while (!n.empty() && n.back() == ',') n.pop_back();
    if (n.size() >= 2 && n != "1,000" && n != "10,000" && n != "100" && n != "60") out.insert(n);
  }
  return out;
}

const PlanFinding& finding(const std::vector<PlanFinding>& findings, const std::string& id) {
  for (const auto& f : findings)
    if (f.id == id) return f;
  FAIL("no finding " << id);
  return findings.front();
}

}  // namespace

TEST_CASE("every finding of the Bei'an and Jiaxing checks names the same figures in Chinese and English") {
  for (const Checked* c : {&beian(), &jiaxing()}) {
    REQUIRE(c->findings.size() >= 10);
    for (const PlanFinding& f : c->findings) {
      const text::Text sentence = tools::plan_finding_text(f);
      CAPTURE(sentence.en);
      CAPTURE(sentence.zh);
      CHECK_FALSE(sentence.zh.empty());
      CHECK(figures_of(sentence.zh) == figures_of(sentence.en));
      CHECK(tools::plan_figure_text(f.id).zh != f.id);  // every id has its Chinese name in the catalogue
    }
  }
}

TEST_CASE("Bei'an's contradiction in Chinese carries the derivation of the English") {
  const text::Text implied = tools::plan_finding_text(finding(beian().findings, "elderly_implied_by_bed_rate"));
  CHECK(implied.zh.find("5,598张床位按每千名老年人73.6张计，对应2025年60岁及以上老年人口76,060人，但规划预测为90,000人（每千人62.2张）") !=
        std::string::npos);
  CHECK(implied.en.find("5,598 beds at 73.6 per 1,000 aged 60+ imply 76,060 aged 60+ in 2025, but the plan forecasts 90,000 "
                        "(62.2 beds per 1,000)") != std::string::npos);
  // The target is held against the scenario's supply (情景供给), not a model result.
  const text::Text beds = tools::plan_finding_text(finding(beian().findings, "target_beds"));
  CHECK(beds.zh.find("养老床位（2025年）：规划目标 5,598张，情景供给 6,258张") != std::string::npos);
}

TEST_CASE("differences of shares are percentage points; an \"at least\" target reached is met") {
  const text::Text share = tools::plan_finding_text(finding(beian().findings, "target_nursing_bed_share"));
  CHECK(share.zh.find("（未达目标，-10.8个百分点）") != std::string::npos);
  CHECK(share.en.find("(short of the target, -10.8 percentage points)") != std::string::npos);
  const PlanFinding& places = finding(beian().findings, "target_childcare_places_per_1000_people");
  CHECK(places.verdict == plan::Verdict::agrees);  // 5.12 places per 1,000 against at least 4.5
  CHECK(tools::plan_finding_text(places).zh.find("（已达目标）") != std::string::npos);
  CHECK(tools::plan_finding_text(places).en.find("(target met)") != std::string::npos);
}

TEST_CASE("the terminal's plan check speaks the user's language: Chinese with text::Lang::zh") {
  std::ostringstream zh, en;
  tools::print_plan_check(zh, beian().scenario, beian().replications, text::Lang::zh);
  tools::print_plan_check(en, beian().scenario, beian().replications);  // English unless told
  CHECK(zh.str().find("规划2025年目标与情景供给：") != std::string::npos);
  CHECK(zh.str().find("  自相矛盾      5,598张床位") != std::string::npos);  // the verdict padded to 14 columns
  CHECK(zh.str().find("规划自相矛盾4处") != std::string::npos);  // 3 of beds and places, 1 of care workers trained (240 and 1,000)
  for (const char* english : {"CONTRADICTION", "differs", "agrees", "Plan check", "beds"})
    CHECK_MESSAGE(zh.str().find(english) == std::string::npos, english);
  CHECK(en.str().find("CONTRADICTION 5,598 beds at 73.6 per 1,000 aged 60+ imply 76,060") != std::string::npos);
  CHECK(en.str().find("The plan's 2025 targets and the scenario's supply:") != std::string::npos);
}

TEST_CASE("the plan_check group stores each finding's figure and sentence in both languages") {
  const ResultGroup group = tools::plan_check_group(beian().scenario, beian().replications);
  const auto text_of = [&](const std::string& name) {
    for (const auto& t : group.text_series)
      if (t.name == name) return t.values;
    FAIL("no text series " << name);
    return std::vector<std::string>{};
  };
  const auto zh = text_of("text_zh"), en = text_of("text_en"), figures = text_of("figure_zh");
  REQUIRE(zh.size() == beian().findings.size());
  for (std::size_t i = 0; i < zh.size(); ++i) {
    CHECK(zh[i] == tools::plan_finding_text(beian().findings[i]).zh);
    CHECK(en[i] == tools::plan_finding_text(beian().findings[i]).en);
  }
  CHECK(std::find(figures.begin(), figures.end(), "床位目标隐含的60岁及以上老年人口") != figures.end());
  for (const auto& t : group.text_series) CHECK(t.name != "message");  // no English-only sentence left
}
