// carecap. SPDX-License-Identifier: MIT
// Specification of `carecap report` and `carecap export` on good and bad input: a run, study or
// sweep output becomes one self-contained page (ECharts embedded, no network address in it); a
// file that is not a carecap output, a truncated HDF5 file or a file missing a group exits 2 with
// one line naming the file, and leaves no output behind.
#include <doctest/doctest.h>

#include <algorithm>

#include "CliRunner.hpp"
#include "output/GroupFile.hpp"
#include "tools/report/OutputView.hpp"
#include "tools/report/ReportText.hpp"

using namespace carecap::testing;

namespace {

/// A Bei'an run shared by the cases (10 replications, the plan check included).
const fs::path& beian_run() {
  static const CaseDir dir;
  static const fs::path path = [] {
    const fs::path out = dir.path() / "beian.h5";
    const Outcome run = run_carecap({"run", "scenarios/beian/beian.toml", "-o", out.string()});
    REQUIRE(run.status == 0);
    return out;
  }();
  return path;
}

/// A TOML basic string.
std::string quoted_toml(const std::string& text) { return "\"" + text + "\""; }

/// Expects exit 2 with one line on stderr containing `says`, and nothing written in `dir`.
void expect_refused(const std::vector<std::string>& args, const std::string& says, const fs::path& dir) {
  const auto before = entries_of(dir);
  const Outcome o = run_carecap(args);
  CHECK(o.status == 2);
  CHECK(is_one_line(o.err));
  CHECK_MESSAGE(contains(o.err, says), o.err);
  CHECK(entries_of(dir) == before);
}

}  // namespace

TEST_CASE("a run's report is one page with ECharts, the data and no network address") {
  const CaseDir dir;
  const fs::path page = dir.path() / "beian.html";
  const Outcome o = run_carecap({"report", beian_run().string(), "-o", page.string()});
  REQUIRE(o.status == 0);
  CHECK(contains(o.out, "run report"));
  const std::string html = read_file(page);
  CHECK(starts_with(html, "<!DOCTYPE html>"));
  CHECK(contains(html, "Content-Security-Policy"));
  CHECK(contains(html, "echarts"));
  CHECK(contains(html, "\"kind\":\"run\""));
  // The plan's own contradiction (北政办规〔2023〕9号): 5,598 beds at 73.6 per 1,000 imply 76,060 aged 60+,
  // while the plan forecasts 90,000.
  CHECK(contains(html, "76,060"));
  CHECK(contains(html, "床位目标隐含的60岁及以上老年人口"));
  // How the beds started (no occupancy stated: the base year's demand steady state), in both languages.
  CHECK(contains(html, "\"id\":\"start\""));
  CHECK(contains(html, "2021年1月1日在住老人516人，占60岁及以上老年人口的0.73%；起始状态：按基年需求稳态"));
  CHECK(contains(html, "1 January 2021: 516 residents in beds, 0.73% of people aged 60+; start: base-year demand steady state"));
  CHECK_FALSE(contains(html, "<script src"));
  CHECK_FALSE(contains(html, "<link"));
  CHECK_FALSE(contains(html, "https://cdn"));
  SUBCASE("an existing page is kept unless --force") {
    write_file(page, "keep");
    expect_refused({"report", beian_run().string(), "-o", page.string()}, "exists", dir.path());
    CHECK(read_file(page) == "keep");
    CHECK(run_carecap({"report", beian_run().string(), "-o", page.string(), "--force"}).status == 0);
    CHECK(read_file(page).size() > 1000000);
  }
  SUBCASE("English first with --lang en; other languages are refused") {
    fs::remove(page);
    REQUIRE(run_carecap({"report", beian_run().string(), "-o", page.string(), "--lang", "en"}).status == 0);
    CHECK(contains(read_file(page), "<html lang=\"en\">"));
    fs::remove(page);
    expect_refused({"report", beian_run().string(), "-o", page.string(), "--lang", "fr"}, "--lang", dir.path());
  }
}

TEST_CASE("text from the scenario cannot break the page: <, > and & are escaped inside the data") {
  const CaseDir dir;
  const fs::path scenario = dir.path() / "odd.toml";
  write_file(scenario, "base = " + quoted_toml((kSourceDir / "scenarios/china.toml").string()) +
                           "\n[scenario]\nname = \"odd <!--<script> & name\"\n");  // no '/': a name names files
  const fs::path run = dir.path() / "odd.h5", page = dir.path() / "odd.html";
  REQUIRE(run_carecap({"run", scenario.string(), "-o", run.string()}).status == 0);
  REQUIRE(run_carecap({"report", run.string(), "-o", page.string()}).status == 0);
  const std::string html = read_file(page);
  const std::string data = html.substr(html.find("carecap-data"), html.find("</script>") - html.find("carecap-data"));
  CHECK_FALSE(contains(data, "<!--"));
  CHECK_FALSE(contains(data, "<script"));
  CHECK(contains(data, "odd \\u003c!--\\u003cscript\\u003e"));
}

TEST_CASE("export --csv --force replaces an earlier export, never a folder of other files") {
  const CaseDir dir;
  const fs::path tables = dir.path() / "tables";
  REQUIRE(run_carecap({"export", beian_run().string(), "--csv", tables.string()}).status == 0);
  CHECK(run_carecap({"export", beian_run().string(), "--csv", tables.string(), "--force"}).status == 0);
  write_file(tables / "notes.txt", "mine");
  const Outcome o = run_carecap({"export", beian_run().string(), "--csv", tables.string(), "--force"});
  CHECK(o.status == 2);
  CHECK(is_one_line(o.err));
  CHECK(contains(o.err, "notes.txt, which is not a CSV table"));
  CHECK(read_file(tables / "notes.txt") == "mine");
}

TEST_CASE("without a capacity simulation the indicator table has no supply rows, rather than rows of 0") {
  // Heilongjiang's scenario has demand but no [supply]: beds per 1,000 and the nursing share
  // exist only on the demand basis.
  const CaseDir dir;
  const fs::path run = dir.path() / "hlj.h5", tables = dir.path() / "tables";
  REQUIRE(run_carecap({"run", "scenarios/heilongjiang/heilongjiang.toml", "-o", run.string()}).status == 0);
  REQUIRE(run_carecap({"export", run.string(), "--csv", tables.string(), "--lang", "en"}).status == 0);
  const std::string indicators = read_file(tables / "indicators.csv");
  CHECK(contains(indicators, "beds per 1,000 aged 60+ (demand)"));
  CHECK_FALSE(contains(indicators, "(supply)"));
}

TEST_CASE("bad input to report and export: exit 2, one line naming the file, no output") {
  const CaseDir dir;
  const std::string page = (dir.path() / "out.html").string();
  const std::string book = (dir.path() / "out.xlsx").string();
  SUBCASE("a missing file") {
    expect_refused({"report", (dir.path() / "none.h5").string(), "-o", page}, "none.h5: no such file", dir.path());
  }
  SUBCASE("a file that is not HDF5") {
    const fs::path text = dir.path() / "scenario.h5";
    write_file(text, "[projection]\nbase_year = 2020\n");
    expect_refused({"report", text.string(), "-o", page}, "scenario.h5: not an HDF5 file", dir.path());
    expect_refused({"export", text.string(), "--xlsx", book}, "not an HDF5 file", dir.path());
  }
  SUBCASE("a truncated results file") {
    const std::string whole = read_file(beian_run());
    const fs::path cut = dir.path() / "cut.h5";
    write_file(cut, whole.substr(0, whole.size() / 2));
    expect_refused({"report", cut.string(), "-o", page}, "cut.h5", dir.path());
    expect_refused({"export", cut.string(), "--xlsx", book}, "cut.h5", dir.path());
  }
  SUBCASE("an HDF5 file that carecap did not write") {
    const fs::path other = dir.path() / "other.h5";
    carecap::output::write_group_file(other.string(), {}, {{{"title", "somebody else's data"}}, {}, {}, {}}, false);
    expect_refused({"report", other.string(), "-o", page}, "other.h5: not a carecap output", dir.path());
  }
  SUBCASE("a study file without its groups") {
    const fs::path study = dir.path() / "study.h5";
    carecap::output::write_group_file(study.string(), {}, {{{"title", "carecap study: empty"}}, {}, {}, {}}, false);
    expect_refused({"report", study.string(), "-o", page}, "study.h5: no group /comparison", dir.path());
    expect_refused({"export", study.string(), "--xlsx", book}, "no group /comparison", dir.path());
  }
  SUBCASE("a results file without its population") {
    const fs::path run = dir.path() / "run.h5";
    carecap::output::write_group_file(run.string(), {}, {{{"title", "carecap results: empty"}}, {}, {}, {}}, false);
    expect_refused({"report", run.string(), "-o", page}, "run.h5: no dataset /n_population_jul1", dir.path());
  }
  SUBCASE("export without a destination") {
    expect_refused({"export", beian_run().string()}, "expected --xlsx", dir.path());
  }
}

TEST_CASE("study and sweep outputs give their own reports and exports") {
  const CaseDir dir;
  const fs::path study = dir.path() / "study.h5", sweep = dir.path() / "sweep.h5";
  REQUIRE(run_carecap({"study", "scenarios/studies/beian_plan_variants.toml", "-o", study.string()}).status == 0);
  REQUIRE(run_carecap({"sweep", "tests/sweeps/beian_small.toml", "-o", sweep.string()}).status == 0);
  const Outcome s = run_carecap({"report", study.string()});
  CHECK(s.status == 0);
  CHECK(contains(s.out, "study report"));
  CHECK(contains(read_file(dir.path() / "study.html"), "\"id\":\"ranking\""));
  const Outcome w = run_carecap({"export", sweep.string(), "--csv", (dir.path() / "sweep_csv").string()});
  CHECK(w.status == 0);
  CHECK(fs::exists(dir.path() / "sweep_csv" / "outcome_quantiles.csv"));
  CHECK(fs::exists(dir.path() / "sweep_csv" / "fans.csv"));
  CHECK(fs::exists(dir.path() / "sweep_csv" / "sources.csv"));
}

TEST_CASE("a run's report opens with its findings: the first section holds the results file's numbers in both languages") {
  const CaseDir dir;
  const fs::path page = dir.path() / "beian.html";
  REQUIRE(run_carecap({"report", beian_run().string(), "-o", page.string()}).status == 0);
  const std::string html = read_file(page);
  // The first section of the page's data: from the sections' start to the second section (population).
  const auto from = html.find("\"sections\":[{"), to = html.find("\"id\":\"population\"");
  REQUIRE(from != std::string::npos);
  REQUIRE(to != std::string::npos);
  const std::string first = html.substr(from, to - from);
  CHECK(contains(first, "\"id\":\"overview\""));
  // The findings group: each sentence, in Chinese and English, is in the first section, before its warnings.
  const carecap::report::OutputView view(beian_run().string());
  const auto zh = view.file().read_text("findings", "text_zh"), en = view.file().read_text("findings", "text_en");
  REQUIRE(zh.size() >= 3);
  for (std::size_t i = 0; i < zh.size(); ++i) {
    CHECK_MESSAGE(contains(first, zh[i]), zh[i]);
    CHECK_MESSAGE(contains(first, en[i]), en[i]);
    CHECK(first.find(zh[i]) < first.find("\"warnings\""));
  }
  // Its numbers are the run's, means of the replications: beds and elders in 2025 read from their series.
  const auto labels = view.labels("findings", "finding_number");
  const auto values = view.read("findings", "value").values;
  auto value = [&](const std::string& name) {
    for (std::size_t i = 0; i < labels.size(); ++i)
      if (labels[i] == name) return values[i];
    FAIL("no finding number " << name);
    return 0.0;
  };
  const auto capacity_years = view.coordinates("capacity", "capacity_year");
  const auto beds = view.read("capacity", "n_beds").sum_to("capacity_year");
  const auto at2025 = static_cast<std::size_t>(std::find(capacity_years.begin(), capacity_years.end(), 2025) - capacity_years.begin());
  CHECK(value("beds.n_beds") == doctest::Approx(beds.at(at2025)));
  const auto years = view.coordinates("", "year");
  const auto elders = view.read("", "n_age_60_plus").values;
  CHECK(value("population.n_age_60_plus_2025") ==
        doctest::Approx(elders.at(static_cast<std::size_t>(std::find(years.begin(), years.end(), 2025) - years.begin()))));
  for (const char* number : {"beds.n_beds", "beds.n_occupied_beds", "population.n_age_60_plus_2025", "plan_beds.beds_needed_at_target_rate"}) {
    const std::string shown = carecap::report::grouped(value(number));
    CHECK_MESSAGE(contains(first, "开放" + shown + "张") + contains(first, "平均在住" + shown + "人") +
                      contains(first, "2025年" + shown + "人") + contains(first, "需要" + shown + "张") == 1, number);
    CHECK_MESSAGE(contains(first, " " + shown + " "), number);
  }
  CHECK(contains(first, "0.74%"));  // the assumption the demand rests on: national care use
}

TEST_CASE("a results file written before the findings were stored reports as before, without them") {
  const CaseDir dir;
  const fs::path old = dir.path() / "old.h5", page = dir.path() / "old.html";
  fs::copy_file(beian_run(), old);
  const std::string script = "import sys, h5py\nwith h5py.File(sys.argv[1], 'a') as f: del f['findings']\n";
  REQUIRE(std::system(("/usr/bin/python3 -c \"" + script + "\" " + old.string()).c_str()) == 0);
  REQUIRE(run_carecap({"report", old.string(), "-o", page.string()}).status == 0);
  const std::string html = read_file(page);
  CHECK(contains(html, "规划文本自相矛盾或与预测不符之处"));
  CHECK_FALSE(contains(html, "主要结论"));
  CHECK(contains(html, "76,060"));
}
