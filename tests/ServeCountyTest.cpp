// carecap. SPDX-License-Identifier: MIT
// `carecap serve`'s new-county form (tools/serve/County*.cpp): the county (21, "Must show")
// typed and pasted as a planner would, checked by the loader of `carecap run`, saved as a folder
// that `carecap run` runs with the server's results; a bad value is named in Chinese at its field
// or cell; names, replacement and pasted headers are refused as the contract says.
#include <doctest/doctest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "CliRunner.hpp"
#include "ServeTestSupport.hpp"

using namespace carecap::testing;
using nlohmann::json;

namespace {

/// The project list as a planner copies it from WPS: Chinese headers, "1,200" numbers, a quoted
/// cell, full-width digits in one year.
const std::string kProjects =
    "项目名称\t类别\t建设性质\t建设年份\t乡镇\t规模\t单位\t总投资（万元）\t中央预算内投资（万元）\n"
    "城关镇失能照护中心\t养老\t新建\t2022\t城关镇\t200\t床\t\"3,600\"\t\"2,000\"\n"
    "城关镇敬老院改造\t养老\t改扩建\t2022\t城关镇\t120\t床\t800\t400\n"
    "河口镇养老院\t养老\t新建\t２０２３\t河口镇\t150\t床\t\"1,200\"\t600\n"
    "石桥镇医养结合中心\t养老\t新建\t2024\t石桥镇\t100\t床\t\"1,500\"\t800\n"
    "城关镇托育中心\t托育\t新建\t2023\t城关镇\t150\t托位\t\"1,200\"\t900\n"
    "河口镇托育中心\t托育\t新建\t2024\t河口镇\t90\t托位\t700\t500\n";

/// The county: 350,000 people, 27% aged 60+, 19% aged 65+, 3,100 under 3, 4,200 beds
/// over three towns, 900 childcare places, six projects, a 2025 target row.
json county_form(const json& projects) {
  return {{"name", "xinxian"}, {"label_zh", "新县"}, {"label_en", "Xinxian"}, {"replace", false},
          {"fields", {{"base_year", "2020"}, {"end_year", "2035"}, {"population", "350,000"}, {"age_60_plus", "27%"},
                      {"age_65_plus", "19%"}, {"age_0_2", "3,100"}, {"sex_ratio", ""}, {"births", ""}, {"births_year", ""}}},
          {"grids",
           {{"towns", {{"城关镇", "Chengguan", "200,000"}, {"河口镇", "Hekou", "90,000"}, {"石桥镇", "Shiqiao", "60,000"}}},
            {"beds",
             {{"城关镇", "公办养老机构", "公办", "是", "1,000", "500", "0", ""},
              {"城关镇", "民办养老机构", "民办", "否", "1,400", "400", "100", ""},
              {"河口镇", "河口镇敬老院", "公办", "是", "500", "100", "0", ""},
              {"石桥镇", "石桥镇敬老院", "公办", "是", "150", "50", "0", ""}}},
            {"childcare",
             {{"城关镇", "城关镇托育机构", "是", "100", "250", "250", "300"},
              {"河口镇", "河口镇托育机构", "否", "50", "100", "150", "120"}}},
            {"projects", projects},
            {"targets", {{"2025", "4,800", "55%", "1,140", "3.3"}}}}},
          {"advanced", json::object()}};
}

json post_json(const Server& server, const std::string& path, const json& body, int expected_status) {
  const auto reply = server.client().Post(path, body.dump(), "application/json");
  REQUIRE(reply);
  CHECK(reply->status == expected_status);
  return json::parse(reply->body);
}

/// Persons of population_base.csv aged `first` and over.
double persons_from(const fs::path& csv, int first) {
  std::istringstream lines(read_file(csv));
  std::string line;
  std::getline(lines, line);  // header
  double sum = 0;
  while (std::getline(lines, line)) {
    int age = 0;
    double male = 0, female = 0;
    REQUIRE(std::sscanf(line.c_str(), "%d,%lf,%lf", &age, &male, &female) == 3);
    if (age >= first) sum += male + female;
  }
  return sum;
}

struct Workspace : CaseDir {
  fs::path root = path() / "workspace";
  Workspace() { fs::create_directories(root); }
};

}  // namespace

TEST_CASE("the issue's county, pasted and typed, saves as a folder that carecap run runs as the server does") {
  const Workspace workspace;
  const Server server({"--workspace", workspace.root.string()});

  const auto schema = server.client().Get("/api/county/schema");
  REQUIRE(schema);
  CHECK(schema->status == 200);
  const json words = json::parse(schema->body);
  CHECK(words["fields"][5]["id"] == "population");
  CHECK(words["fields"][5]["label"]["zh"] == "总人口");
  CHECK(words["advanced"][0]["assumption"] == true);

  const json pasted = post_json(server, "/api/county/paste", {{"grid", "projects"}, {"text", kProjects}}, 200);
  REQUIRE(pasted["rows"].size() == 6);
  CHECK(pasted["rows"][0] == json({"城关镇失能照护中心", "养老", "新建", "2022", "城关镇", "200", "床", "3600", "2000"}));
  CHECK(pasted["rows"][2][3] == "2023");  // full-width digits made plain

  json form = county_form(pasted["rows"]);
  const json check = post_json(server, "/api/county/check", form, 200);
  INFO(check.dump());
  REQUIRE(check["valid"] == true);
  CHECK(check["found"]["population"][0]["made"].get<double>() == doctest::Approx(350000).epsilon(1e-6));

  const json saved = post_json(server, "/api/county/save", form, 201);
  CHECK(saved["name"] == "xinxian");
  const fs::path folder = workspace.root / "xinxian";
  // The form's figures, checked outside the code: 350,000 people, 27% of them (94,500) aged 60+.
  CHECK(persons_from(folder / "data" / "population_base.csv", 0) == doctest::Approx(350000).epsilon(1.0 / 350000));
  CHECK(persons_from(folder / "data" / "population_base.csv", 60) == doctest::Approx(94500).epsilon(1.0 / 94500));
  CHECK(json::parse(read_file(folder / "form.json"))["fields"]["population"] == "350,000");

  const auto listing = server.client().Get("/api/scenarios");
  REQUIRE(listing);
  CHECK(contains(listing->body, "\"made_by_form\":true"));
  const auto reopened = server.client().Get("/api/scenarios/xinxian/form");
  REQUIRE(reopened);
  CHECK(reopened->status == 200);
  CHECK(json::parse(reopened->body)["label_zh"] == "新县");

  const auto started = server.client().Post("/api/scenarios/xinxian/run", "", "application/json");
  REQUIRE(started);
  CHECK(started->status == 202);
  REQUIRE(finished_status(server, "xinxian")["state"] == "done");
  const fs::path by_cli = workspace.path() / "cli.h5";
  const Outcome run = run_carecap({"run", (folder / "scenario.toml").string(), "-o", by_cli.string()});
  INFO(run.err);
  REQUIRE(run.status == 0);
  CHECK(h5diff(folder / "results.h5", by_cli) == 0);
  MESSAGE(run.out);

  SUBCASE("saving over it without replace is refused, with replace it is replaced") {
    const json refused = post_json(server, "/api/county/save", form, 409);
    CHECK(contains(refused["error"]["zh"].get<std::string>(), "xinxian"));
    CHECK(contains(refused["error"]["en"].get<std::string>(), "replace"));
    form["replace"] = true;
    (void)post_json(server, "/api/county/save", form, 201);
    CHECK(fs::exists(folder / "scenario.toml"));
  }
}

TEST_CASE("a bad value is named in Chinese at its field or grid cell, from the loader's own message") {
  const Workspace workspace;
  const Server server({"--workspace", workspace.root.string()});
  const json pasted = post_json(server, "/api/county/paste", {{"grid", "projects"}, {"text", kProjects}}, 200);

  SUBCASE("a base year of five digits") {
    json form = county_form(pasted["rows"]);
    form["fields"]["base_year"] = "20200";
    const json check = post_json(server, "/api/county/check", form, 200);
    INFO(check.dump());
    CHECK(check["valid"] == false);
    REQUIRE(check["errors"].size() == 1);
    CHECK(check["errors"][0]["field"] == "base_year");
    CHECK(contains(check["errors"][0]["message"]["zh"].get<std::string>(), "基准年份"));
    CHECK(contains(check["errors"][0]["message"]["zh"].get<std::string>(), "应为四位数的年份"));
    CHECK_FALSE(contains(check["errors"][0]["message"]["zh"].get<std::string>(), "TOML"));  // the planner's words, not the file's
  }
  SUBCASE("a project year in Chinese numerals") {
    json projects = pasted["rows"];
    projects[2][3] = "二〇二二";
    const json check = post_json(server, "/api/county/check", county_form(projects), 200);
    INFO(check.dump());
    CHECK(check["valid"] == false);
    REQUIRE(check["errors"].size() == 1);
    CHECK(check["errors"][0]["grid"] == "projects");
    CHECK(check["errors"][0]["row"] == 3);
    CHECK(check["errors"][0]["column"] == "year");
    const std::string zh = check["errors"][0]["message"]["zh"];
    CHECK(contains(zh, "项目清单"));
    CHECK(contains(zh, "第3行"));
    CHECK(contains(zh, "二〇二二"));
    CHECK_FALSE(contains(zh, workspace.root.string()));  // paths relative to the scenario
  }
  SUBCASE("an unsaved invalid form is not saved") {
    json form = county_form(pasted["rows"]);
    form["fields"]["base_year"] = "20200";
    (void)post_json(server, "/api/county/save", form, 422);
    CHECK_FALSE(fs::exists(workspace.root / "xinxian"));
  }
}

TEST_CASE("a paste with a header the grid does not know, and a name with ../, are refused") {
  const Workspace workspace;
  const Server server({"--workspace", workspace.root.string()});
  const json unknown =
      post_json(server, "/api/county/paste", {{"grid", "projects"}, {"text", "项目名称\t负责人\n甲项目\t张三\n"}}, 422);
  CHECK(contains(unknown["error"]["zh"].get<std::string>(), "负责人"));
  CHECK(contains(unknown["error"]["en"].get<std::string>(), "负责人"));

  json form = county_form(json::array());
  form["name"] = "../xinxian";
  (void)post_json(server, "/api/county/save", form, 400);
  CHECK_FALSE(fs::exists(workspace.path() / "xinxian"));
  const json check = post_json(server, "/api/county/check", form, 200);
  CHECK(check["valid"] == false);
  CHECK(check["errors"][0]["field"] == "name");
  const auto traversal = server.client().Get("/api/scenarios/..%2Fetc/form");
  REQUIRE(traversal);
  CHECK(traversal->status == 400);
}
