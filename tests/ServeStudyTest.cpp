// carecap. SPDX-License-Identifier: MIT
// carecap serve's scenario folder download and plan variants (tools/serve/FolderZip, PlanVariants,
// StudyRoutes; docs/serve.md): the binary started on a free port with a fresh workspace (a copy of
// scenarios/, as tests/ServeTest.cpp), driven with cpp-httplib's client. The zip holds the
// folder's files byte for byte and nothing else; variants run as `carecap study` runs the study
// file they write; a bad body, a 100 MB body and a second study at once are refused.
#include <doctest/doctest.h>
#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "CliRunner.hpp"
#include "ServeTestSupport.hpp"
#include "tools/serve/ServeLimits.hpp"

using namespace carecap::testing;
using nlohmann::json;

namespace {

/// A workspace: the shipped scenarios.
struct Workspace : CaseDir {
  fs::path root = path() / "workspace";
  Workspace() { fs::copy(kSourceDir / "scenarios", root, fs::copy_options::recursive); }
};

/// The study status of scenario `name` once its study is over (done or failed), polled for at most eight minutes.
json finished_study(const Server& server, const std::string& name) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(8);
  for (;;) {
    const auto reply = server.client().Get("/api/scenarios/" + name + "/study/status");
    REQUIRE(reply);
    REQUIRE(reply->status == 200);
    const json status = json::parse(reply->body);
    if (status["state"] == "done" || status["state"] == "failed") return status;
    REQUIRE(std::chrono::steady_clock::now() < deadline);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
}

/// The entries of the zip `file`, after extracting it into `into` (Python's zipfile: a reader
/// other than the libzip that wrote it).
std::set<std::string> unzip(const fs::path& file, const fs::path& into) {
  const fs::path names = into.parent_path() / "names.txt";
  const std::string command = "python3 -c " +
                              quoted("import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\n"
                                     "z.extractall(sys.argv[2])\nopen(sys.argv[3], 'w').write('\\n'.join(z.namelist()))") +
                              " " + quoted(file.string()) + " " + quoted(into.string()) + " " + quoted(names.string());
  REQUIRE(std::system(command.c_str()) == 0);
  std::set<std::string> entries;
  std::istringstream lines(read_file(names));
  for (std::string line; std::getline(lines, line);) entries.insert(line);
  return entries;
}

/// A POST of `bytes` bytes of 'x' from a content provider: the test never holds the body.
httplib::Result post_streamed(const Server& server, const std::string& path, std::size_t bytes) {
  return server.client().Post(path, bytes, [](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
    static const std::string block(1 << 16, 'x');
    (void)offset;
    sink.write(block.data(), std::min(length, block.size()));
    return true;
  }, "application/json");
}

}  // namespace

TEST_CASE("the folder's zip holds its scenario files and tables byte for byte, and no results, links or outside files") {
  const Workspace workspace;
  const fs::path beian = workspace.root / "beian";
  write_file(beian / "results.h5", "not a table");
  write_file(beian / "workbook.xlsx", "not a table");
  write_file(workspace.path() / "outside.csv", "secret,1\n");
  fs::create_symlink(workspace.path() / "outside.csv", beian / "data" / "linked.csv");
  fs::create_directory_symlink(workspace.path(), beian / "linked_folder");
  const Server server({"--workspace", workspace.root.string()});

  const auto reply = server.client().Get("/api/scenarios/beian/folder.zip");
  REQUIRE(reply);
  CHECK(reply->status == 200);
  CHECK(reply->get_header_value("Content-Type") == "application/zip");
  CHECK(contains(reply->get_header_value("Content-Disposition"), "attachment; filename=\"beian.zip\""));
  const fs::path zip = workspace.path() / "beian.zip";
  write_file(zip, reply->body);
  const std::set<std::string> entries = unzip(zip, workspace.path() / "unzipped");

  std::set<std::string> expected;  // the folder's regular files of a scenario's kind, not through links
  for (auto it = fs::recursive_directory_iterator(beian); it != fs::recursive_directory_iterator(); ++it) {
    if (!it->is_symlink() && it->is_regular_file()) {
      const std::string ext = it->path().extension().string();
      if (ext == ".toml" || ext == ".csv" || it->path().filename().string().rfind("README", 0) == 0)
        expected.insert("beian/" + it->path().lexically_relative(beian).generic_string());
    }
  }
  CHECK(expected.count("beian/beian.toml") == 1);
  CHECK(expected.count("beian/README.md") == 1);
  CHECK(entries == expected);
  for (const std::string& entry : entries) {
    CAPTURE(entry);
    CHECK(read_file(workspace.path() / "unzipped" / entry) == read_file(workspace.root / entry));
  }
  CHECK(entries.count("beian/results.h5") == 0);
  CHECK(entries.count("beian/workbook.xlsx") == 0);
  CHECK(entries.count("beian/data/linked.csv") == 0);
  CHECK(std::none_of(entries.begin(), entries.end(), [](const std::string& e) { return contains(e, "linked_folder"); }));

  const auto missing = server.client().Get("/api/scenarios/nowhere/folder.zip");
  REQUIRE(missing);
  CHECK(missing->status == 404);
  const auto bad = server.client().Get("/api/scenarios/..%2Fbeian/folder.zip");
  REQUIRE(bad);
  CHECK(bad->status == 400);
}

TEST_CASE("two variants run as a study: one of two requests at once is queued, the other refused; the results are carecap study's") {
  const Workspace workspace;
  const Server server({"--workspace", workspace.root.string()});
  const std::string body =
      json{{"variants", {{{"kind", "delay"}, {"years", 1}}, {{"kind", "convert"}, {"share", 0.3}, {"year", 2022},
                                                              {"cost_wan_yuan_per_bed", 12.1}}}}}
          .dump();
  // Two requests at once: exactly one study is queued, the other is told that beian is busy.
  int statuses[2] = {0, 0};
  std::string refusal;
  std::thread other([&] {
    const auto reply = server.client().Post("/api/scenarios/beian/variants", body, "application/json");
    statuses[1] = reply ? reply->status : -1;
    if (reply && reply->status == 409) refusal = reply->body;
  });
  const auto reply = server.client().Post("/api/scenarios/beian/variants", body, "application/json");
  other.join();
  REQUIRE(reply);
  statuses[0] = reply->status;
  if (reply->status == 409) refusal = reply->body;
  CHECK(std::min(statuses[0], statuses[1]) == 202);
  CHECK(std::max(statuses[0], statuses[1]) == 409);
  CHECK(contains(json::parse(refusal)["error"]["zh"], "正在运行"));
  // A run of the scenario while its study runs is refused too: one job per folder.
  const auto run = server.client().Post("/api/scenarios/beian/run", "", "application/json");
  REQUIRE(run);
  CHECK(run->status == 409);

  const json status = finished_study(server, "beian");
  REQUIRE(status["state"] == "done");
  CHECK(status["has_study"] == true);
  const fs::path variants = workspace.root / "beian" / "variants.toml";
  const std::string study_file = read_file(variants);
  CHECK(contains(study_file, "scenario = \"beian.toml\""));
  CHECK(contains(study_file, "build_lag_years = 2"));
  CHECK(contains(study_file, "general_to_nursing = { share = 0.3, year = 2022, cost_wan_yuan_per_bed = 12.1 }"));

  // The same study file through the command line: the same datasets and attributes.
  const fs::path by_cli = workspace.path() / "cli_study.h5";
  const Outcome cli = run_carecap({"study", variants.string(), "-o", by_cli.string()});
  REQUIRE(cli.status == 0);
  CHECK(h5diff(workspace.root / "beian" / "study.h5", by_cli) == 0);
  const auto download = server.client().Get("/api/scenarios/beian/study.h5");
  REQUIRE(download);
  CHECK(download->body == read_file(workspace.root / "beian" / "study.h5"));

  // The study report names the three scenarios, in Chinese: the baseline and the two variants.
  const auto report = server.client().Get("/api/scenarios/beian/study/report?lang=zh");
  REQUIRE(report);
  CHECK(report->status == 200);
  CHECK(contains(report->body, "按规划"));
  CHECK(contains(report->body, "项目推迟1年"));
  CHECK(contains(report->body, "30%普通床位转护理型（2022年）"));
  CHECK(contains(cli.out, "as_planned"));
  CHECK(contains(cli.out, "delay_1_year"));
  CHECK(contains(cli.out, "convert_30pct_2022"));
  CHECK(contains(cli.out, "3 scenarios"));

  const auto listing = server.client().Get("/api/scenarios");
  REQUIRE(listing);
  const json scenarios = json::parse(listing->body)["scenarios"];  // held: a range over a temporary's member dangles
  for (const json& scenario : scenarios)
    if (scenario["name"] == "beian") CHECK(scenario["has_study"] == true);
}

TEST_CASE("a bad variants body is refused with 422 and a message in Chinese and English naming the variant") {
  const Workspace workspace;
  const Server server({"--workspace", workspace.root.string()});
  const auto refused = [&](const json& body, const std::string& zh, const std::string& en) {
    CAPTURE(body.dump());
    const auto reply = server.client().Post("/api/scenarios/beian/variants", body.dump(), "application/json");
    REQUIRE(reply);
    CHECK(reply->status == 422);
    const json answer = json::parse(reply->body);
    CHECK(contains(answer["error"]["zh"], zh));
    CHECK(contains(answer["error"]["en"], en));
  };
  refused({{"variants", {{{"kind", "delay"}, {"years", 1}}, {{"kind", "delay"}, {"years", 99}}}}}, "第2个方案：years", "variant 2: years");
  refused({{"variants", {{{"kind", "grow"}}}}}, "第1个方案：类型", "variant 1: kind");
  refused({{"variants", {{{"kind", "convert"}, {"share", 0.3}, {"year", 2022}}}}}, "缺少 cost_wan_yuan_per_bed", "cost_wan_yuan_per_bed is missing");
  refused({{"variants", {{{"kind", "drop_project"}, {"row", 26}}}}}, "1 至 25", "from 1 to 25");
  refused({{"variants", {{{"kind", "target"}, {"year", 2030}, {"elderly_care_beds", 6000}}}}}, "没有 2030 年", "no year 2030");
  refused({{"variants", json::array()}}, "请求体应为 JSON", "the body must be JSON");
  CHECK_FALSE(fs::exists(workspace.root / "beian" / "variants.toml"));  // nothing written for a refused request
}

TEST_CASE("the other variant kinds write their tables and overrides, and the study file loads") {
  const Workspace workspace;
  const Server server({"--workspace", workspace.root.string()});
  // A run already under way: the variants are refused (409) and nothing is written.
  const json body{{"variants", {{{"kind", "drop_project"}, {"row", 2}}, {{"kind", "target"}, {"year", 2025}, {"elderly_care_beds", 6000}}}}};
  const auto started = server.client().Post("/api/scenarios/beian/run", "", "application/json");
  REQUIRE(started);
  CHECK(started->status == 202);
  const auto busy = server.client().Post("/api/scenarios/beian/variants", body.dump(), "application/json");
  REQUIRE(busy);
  CHECK(busy->status == 409);
  CHECK(finished_status(server, "beian")["state"] == "done");
  CHECK_FALSE(fs::exists(workspace.root / "beian" / "variants.toml"));

  const auto queued = server.client().Post("/api/scenarios/beian/variants", body.dump(), "application/json");
  REQUIRE(queued);
  CHECK(queued->status == 202);
  const std::string list = read_file(workspace.root / "beian" / "variants" / "without_project_2.csv");
  const std::string original = read_file(workspace.root / "data" / "beian" / "beian_projects_2022_2024.csv");
  CHECK(contains(original, "\n2,"));
  CHECK_FALSE(contains(list, "\n2,"));
  CHECK(list.size() < original.size());
  const std::string study_file = read_file(workspace.root / "beian" / "variants.toml");
  CHECK(contains(study_file, "plan_file = \"variants/without_project_2.csv\""));
  CHECK(contains(study_file, "[[variant.overrides.plan_targets]]"));
  CHECK(contains(study_file, "elderly_care_beds = 6000"));
  CHECK(contains(study_file, "childcare_places = 1379"));  // the year's other targets as the plan has them
  CHECK(finished_study(server, "beian")["state"] == "done");
}

TEST_CASE("a 100 MB body is refused with 413 and the server's memory grows by less than the limit") {
  const Workspace workspace;
  const Server server({"--workspace", workspace.root.string()});
  const std::size_t body = std::size_t{100} << 20;
  const long before = server.resident_kib();
  for (const std::string path : {"/api/validate", "/api/scenarios/beian/variants"}) {
    CAPTURE(path);
    const auto refused = post_streamed(server, path, body);
    REQUIRE(refused);
    CHECK(refused->status == 413);
    CHECK(contains(json::parse(refused->body)["error"]["zh"], "请求体过大"));
  }
  const long after = server.resident_kib();
  MESSAGE("resident memory of the server: " << before << " KiB before, " << after << " KiB after two 100 MB bodies");
  CHECK(after - before < static_cast<long>(carecap::serve::kMaxRequestBytes / 1024));
  const auto still = server.client().Get("/api/scenarios");
  REQUIRE(still);
  CHECK(still->status == 200);
}
