// carecap. SPDX-License-Identifier: MIT
// The plan check of workforce targets (models/plan/WorkforceCheck) with hand-made model figures:
// an "at least" target met and one missed, Bei'an's 240 against 1,000 care workers trained by 2025
// (北政办规〔2023〕9号: 二、发展目标（七） against 附件4) reported as a contradiction naming both, the
// social workers a per-1,000-elders and a per-100-beds target imply, the certified rate from the
// supply and from the need, a senior-grade share that is an input, and every row listed.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "models/plan/WorkforceCheck.hpp"
#include "tools/run/PlanFindingText.hpp"

using namespace carecap;
using namespace carecap::plan;

namespace {

WorkforceTarget row(int year, const char* indicator, double value, bool at_least, const char* quote) {
  WorkforceTarget t;
  t.year = year;
  t.indicator = indicator;
  t.value = value;
  t.unit = at_least ? "persons (at least)" : "persons";
  t.at_least = at_least;
  t.quote_zh = quote;
  t.source = "test";
  return t;
}

PlanStatement plan_with(std::vector<WorkforceTarget> targets) {
  PlanStatement p;
  p.document = "test plan";
  p.facts.year = 2020;
  p.workforce_targets = std::move(targets);
  return p;
}

/// The model's 2025, by hand: 80,000 aged 60+, 6,000 beds, 230 care workers (300 needed), 138
/// certified (about 60% assumed) of whom 13.9 senior grade (10% assumed), 240 trained, 70 childcare workers needed.
ModelFigures model_2025() {
  ModelFigures m;
  ModelYear& y = m.years[2025];
  y.age_60_plus = 80000;
  y.beds = 6000;
  y.care_workers = 230;
  y.care_workers_needed = 300;
  y.care_workers_trained = 240;
  y.certified_care_workers = 139;
  y.senior_grade_care_workers = 13.9;
  y.certified_per_10000_elderly = 139.0 / 80000.0 * 10000.0;  // 17.375
  y.childcare_workers_needed = 70;
  y.childcare_enrolled = 400;
  m.certified_share = 0.6;
  m.senior_grade_share = 0.1;
  return m;
}

PlanFinding only(const std::vector<PlanFinding>& findings, const std::string& id) {
  const auto n = std::count_if(findings.begin(), findings.end(), [&](const PlanFinding& f) { return f.id == id; });
  REQUIRE_MESSAGE(n == 1, n << " findings " << id);
  return *std::find_if(findings.begin(), findings.end(), [&](const PlanFinding& f) { return f.id == id; });
}

std::string en(const PlanFinding& f) { return tools::plan_finding_text(f).en; }
std::string zh(const PlanFinding& f) { return tools::plan_finding_text(f).zh; }
bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("an \"at least\" target of professional care staff agrees when the supply reaches it, and differs when it does not") {
  const auto plan = plan_with({row(2025, "professional_care_staff", 200, true, "养老护理专业人才数达200人以上")});
  SUBCASE("230 care workers reach at least 200") {
    const PlanFinding f = only(check_workforce(plan, model_2025()), "workforce_professional_care_staff");
    CHECK(f.kind == FindingKind::workforce);
    CHECK(f.verdict == Verdict::agrees);
    CHECK(f.plan == 200);
    CHECK(f.other == 230);
    CHECK(f.at_least);
    CHECK(contains(en(f), "the plan targets at least 200"));
    CHECK(contains(en(f), "gives 230 care workers"));
    CHECK(contains(en(f), "(target met)"));
    CHECK(contains(en(f), "the ratios need 300, 70 short"));  // 300 needed - 230
    CHECK(contains(zh(f), "不少于200人"));
    CHECK(contains(zh(f), "养老护理专业人才数达200人以上"));  // quoted
  }
  SUBCASE("150 care workers fall short of 200") {
    ModelFigures m = model_2025();
    m.years[2025].care_workers = 150;
    const PlanFinding f = only(check_workforce(plan, m), "workforce_professional_care_staff");
    CHECK(f.verdict == Verdict::differs);
    CHECK(contains(en(f), "(short of the target)"));
    CHECK(contains(en(f), "150 short"));  // 300 - 150
  }
  SUBCASE("199.6 is 200 as the plan rounds it") {
    ModelFigures m = model_2025();
    m.years[2025].care_workers = 199.6;
    CHECK(only(check_workforce(plan, m), "workforce_professional_care_staff").verdict == Verdict::agrees);
  }
}

TEST_CASE("Bei'an's 240 and 1,000 care workers trained by 2025 contradict each other, and both are held against the scenario") {
  const auto plan = plan_with({row(2025, "care_workers_trained", 240, false, "累计培养培训养老院院长54名、养老护理员240名"),
                               row(2025, "care_workers_trained", 1000, false, "到2025年年末，培育培训养老护理员1000名")});
  const auto findings = check_workforce(plan, model_2025());
  REQUIRE(findings.size() == 3);  // two rows, one contradiction
  CHECK(findings[0].verdict == Verdict::agrees);   // 240 trained in the scenario
  CHECK(findings[1].verdict == Verdict::differs);  // against 1,000: -76%
  CHECK(contains(en(findings[1]), "train 240 in all (-76.0%)"));
  const PlanFinding c = only(findings, "workforce_target_contradiction");
  CHECK(c.verdict == Verdict::contradiction);
  CHECK(c.plan == 240);
  CHECK(c.other == 1000);
  CHECK(c.year == 2025);
  CHECK(contains(en(c), "care workers trained, cumulative, 2025: the plan states both 240"));
  CHECK(contains(en(c), "and 1,000"));
  CHECK(contains(en(c), "养老护理员240名"));
  CHECK(contains(en(c), "培育培训养老护理员1000名"));
  CHECK(contains(zh(c), "规划同时写有240人"));
  SUBCASE("the same value given twice is no contradiction") {
    const auto twice = plan_with({row(2025, "care_workers_trained", 240, false, "a"), row(2025, "care_workers_trained", 240, false, "b")});
    for (const auto& f : check_workforce(twice, model_2025())) CHECK(f.verdict != Verdict::contradiction);
  }
  SUBCASE("nor are values of different years") {
    const auto years = plan_with({row(2024, "care_workers_trained", 100, false, "a"), row(2025, "care_workers_trained", 240, false, "b")});
    for (const auto& f : check_workforce(years, model_2025())) CHECK(f.verdict != Verdict::contradiction);
  }
}

TEST_CASE("a social-worker target becomes the number of social workers the model's elders and beds imply") {
  auto per_1000 = row(2025, "social_workers_per_1000_elderly", 1, true, "每千名老年人、每百张养老机构床位拥有社会工作者数量不少于1人");
  auto per_100_beds = row(2025, "social_workers_per_100_beds", 1, true, per_1000.quote_zh.c_str());
  auto per_10000 = row(2025, "social_workers_per_10000_elderly", 30, false, "每万老年人拥有社会工作者人数");
  const auto findings = check_workforce(plan_with({per_1000, per_100_beds, per_10000}), model_2025());
  const PlanFinding elders = only(findings, "workforce_social_workers_per_1000_elderly");
  CHECK(elders.verdict == Verdict::not_modelled);
  CHECK(elders.plan == doctest::Approx(80));  // 1 x 80,000 / 1,000
  CHECK(elders.units == "persons");
  CHECK(std::isnan(elders.other));
  CHECK(contains(en(elders), "the plan targets at least 1 per 1,000 aged 60+"));
  CHECK(contains(en(elders), "with the model's 80,000 aged 60+ in 2025 that is 80 social workers"));
  CHECK(contains(zh(elders), "需社会工作者80人"));
  const PlanFinding beds = only(findings, "workforce_social_workers_per_100_beds");
  CHECK(beds.plan == doctest::Approx(60));  // 1 x 6,000 / 100
  CHECK(contains(en(beds), "6,000 beds in 2025 that is 60 social workers"));
  CHECK(only(findings, "workforce_social_workers_per_10000_elderly").plan == doctest::Approx(240));  // 30 x 80,000 / 10,000
  SUBCASE("without the model's year there is no number to give, and the sentence says so") {
    const auto none = check_workforce(plan_with({per_1000}), ModelFigures{});
    REQUIRE(none.size() == 1);
    CHECK(std::isnan(none.front().plan));
    CHECK(contains(en(none.front()), "this run has no elders or beds for 2025"));
  }
}

TEST_CASE("certified care workers per 10,000 elders: the supply's rate against the target, and the rate the need implies") {
  auto t = row(2025, "certified_care_workers_per_10000_elderly", 27, false, "每万名老年人拥有持证养老护理员达27人");
  t.unit = "persons per 10,000 persons aged 60+";
  const PlanFinding f = only(check_workforce(plan_with({t}), model_2025()), "workforce_certified_care_workers_per_10000_elderly");
  CHECK(f.other == doctest::Approx(17.375));
  CHECK(f.verdict == Verdict::differs);  // 17.4 against 27: -35.6%
  CHECK(f.values.at("need_rate") == doctest::Approx(22.5));  // 300 needed x 0.6 / 80,000 x 10,000
  CHECK(contains(en(f), "the scenario's supply gives 17.4 (139 certified care workers, 80,000 aged 60+) (-35.6%)"));
  CHECK(contains(en(f), "the need (300 care workers x certified share 60.0%) implies 22.5"));
  SUBCASE("a supply within 5% of a target that is not \"at least\" agrees") {
    ModelFigures m = model_2025();
    m.years[2025].certified_per_10000_elderly = 26;
    CHECK(only(check_workforce(plan_with({t}), m), "workforce_certified_care_workers_per_10000_elderly").verdict == Verdict::agrees);
  }
}

TEST_CASE("a senior-grade share is the scenario's assumption held against the target, with the workers it implies") {
  auto of_certified = row(2026, "senior_grade_share_of_certified", 0.18, true, "占持证养老护理员的18%上");
  auto of_workers = row(2026, "senior_grade_share_of_care_workers", 0.18, false, "养老护理员高级工、技师比例提高到18%");
  ModelFigures m = model_2025();
  m.years[2026] = m.years[2025];
  const auto findings = check_workforce(plan_with({of_certified, of_workers}), m);
  const PlanFinding certified = only(findings, "workforce_senior_grade_share_of_certified");
  CHECK(certified.other == doctest::Approx(0.10));
  CHECK(certified.verdict == Verdict::differs);  // 10% is short of at least 18%
  CHECK(certified.other_label == "scenario assumption");
  CHECK(contains(en(certified), "the scenario assumes 10.0% (an input, not a result) (short of the target, -8.0 percentage points)"));
  CHECK(contains(en(certified), "it gives 14 senior-grade care workers in 2026"));
  const PlanFinding workers = only(findings, "workforce_senior_grade_share_of_care_workers");
  CHECK(workers.other == doctest::Approx(0.06));  // 60% certified x 10% senior grade
  CHECK(contains(en(workers), "the assumption is the certified share 60.0% x the senior-grade share of the certified 10.0%"));
  SUBCASE("an assumption of 18% meets it") {
    m.senior_grade_share = 0.18;
    CHECK(only(check_workforce(plan_with({of_certified}), m), "workforce_senior_grade_share_of_certified").verdict ==
          Verdict::agrees);
  }
}

TEST_CASE("childcare professionals against the childcare workers the children enrolled need") {
  const PlanFinding f = only(check_workforce(plan_with({row(2025, "childcare_professionals", 65, false, "65（非约束性）")}), model_2025()),
                             "workforce_childcare_professionals");
  CHECK(f.other == 70);
  CHECK(f.other_label == "model need");
  CHECK(f.verdict == Verdict::differs);  // 70 against 65: +7.7%
  CHECK(contains(en(f), "the model needs 70 childcare workers at the class ratios (for 400 children enrolled) (+7.7%)"));
}

TEST_CASE("every target row appears: those not modelled are quoted, those the run lacks figures for say so") {
  auto share = row(2025, "pre_job_training_share", 1.0, false, "养老护理员岗前培训率达到100%");
  const auto plan = plan_with({row(2025, "directors_trained", 54, false, "全市累计培养培训养老院院长54名"), share,
                               row(2025, "professional_care_staff", 200, true, "养老护理专业人才数达200人以上")});
  const auto findings = check_workforce(plan, ModelFigures{});  // no workforce model in this run
  REQUIRE(findings.size() == 3);
  for (const auto& f : findings) CHECK(f.verdict == Verdict::not_modelled);
  CHECK(contains(en(findings[0]), "care-home directors trained, cumulative, 2025: the plan targets 54"));
  CHECK(contains(en(findings[0]), "全市累计培养培训养老院院长54名"));
  CHECK(contains(en(findings[0]), "carecap does not model it"));
  CHECK(findings[1].units == "1");
  CHECK(contains(en(findings[1]), "the plan targets 100%"));
  CHECK(contains(en(findings[2]), "this run has no workforce figures for 2025"));
}

TEST_CASE("the indicators the loader accepts are those the check knows") {
  CHECK(find_workforce_indicator("care_workers_trained") != nullptr);
  CHECK(std::string(find_workforce_indicator("senior_grade_share_of_certified")->units) == "1");
  CHECK(find_workforce_indicator("care_worker_trained") == nullptr);
}
