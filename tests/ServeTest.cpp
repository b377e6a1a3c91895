// carecap. SPDX-License-Identifier: MIT
// `carecap serve` (tools/serve, docs/serve.md): the binary started on a free port with a fresh
// workspace (a copy of scenarios/, so that Bei'an reads its base and tables from where it always
// does), driven with cpp-httplib's client. A run through the API writes what `carecap run`
// writes; the safety rules of the issue hold: token, origin, names, body size, one run per
// scenario, a failed run leaves the server serving.
#include <doctest/doctest.h>
#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <regex>
#include <thread>

#include "CliRunner.hpp"
#include "ServeTestSupport.hpp"
#include "tools/serve/ServeLimits.hpp"

using namespace carecap::testing;
using nlohmann::json;

namespace {

/// A workspace: the shipped scenarios, a scenario that fails on bad input ("broken"), and Bei'an
/// with more replications ("slow", seconds long: a second run is asked for while it runs).
struct Workspace : CaseDir {
  fs::path root = path() / "workspace";
  Workspace() {
    fs::copy(kSourceDir / "scenarios", root, fs::copy_options::recursive);
    fs::create_directories(root / "broken");
    write_file(root / "broken" / "scenario.toml", "base = \"../beian/beian.toml\"\n[projection]\nend_year = 1800\n");
    fs::create_directories(root / "slow");
    write_file(root / "slow" / "scenario.toml", "base = \"../beian/beian.toml\"\n[capacity]\nreplications = 200\n");
  }
};

}  // namespace

TEST_CASE("a run through the API writes the results that carecap run writes from the same folder") {
  const Workspace workspace;
  const Server server({"--workspace", workspace.root.string()});
  const auto listing = server.client().Get("/api/scenarios");
  REQUIRE(listing);
  CHECK(listing->status == 200);
  CHECK(contains(listing->body, "\"name\":\"beian\""));
  CHECK_FALSE(contains(listing->body, "\"name\":\"data\""));  // a folder without a scenario file is not a scenario
  const auto page = server.client().Get("/");
  REQUIRE(page);
  CHECK(contains(page->body, "\"run\":{\"en\":\"Run\",\"zh\":\"运行\"}"));  // the catalogue's words, handed to the page
  CHECK(contains(page->get_header_value("Content-Security-Policy"), "default-src 'none'"));  // offline: nothing but this server

  const auto started = server.client().Post("/api/scenarios/beian/run", "", "application/json");
  REQUIRE(started);
  CHECK(started->status == 202);
  const json status = finished_status(server, "beian");
  REQUIRE(status["state"] == "done");

  const fs::path by_cli = workspace.path() / "cli.h5";
  REQUIRE(run_carecap({"run", (workspace.root / "beian" / "beian.toml").string(), "-o", by_cli.string()}).status == 0);
  CHECK(h5diff(workspace.root / "beian" / "results.h5", by_cli) == 0);

  const auto report = server.client().Get("/api/scenarios/beian/report?lang=zh");
  REQUIRE(report);
  CHECK(report->status == 200);
  CHECK(contains(report->body, "<html"));
  CHECK(contains(report->body, "beian/results.h5"));                  // the file named by its place in the workspace,
  CHECK_FALSE(contains(report->body, workspace.root.string()));      // not by the server's folders
  const auto workbook = server.client().Get("/api/scenarios/beian/workbook.xlsx");
  REQUIRE(workbook);
  CHECK(workbook->status == 200);
  CHECK(starts_with(workbook->body, "PK"));  // a zip: the xlsx container
  const auto results = server.client().Get("/api/scenarios/beian/results.h5");
  REQUIRE(results);
  CHECK(results->body == read_file(workspace.root / "beian" / "results.h5"));
}

TEST_CASE("validation answers with the loader's own message in Chinese and English, or valid") {
  const Workspace workspace;
  const Server server({"--workspace", workspace.root.string()});
  const json bad{{"scenario", "beian"}, {"files", {{"beian.toml", "base = \"../china.toml\"\n[projection]\nend_year = \"x\"\n"}}}};
  const auto refused = server.client().Post("/api/validate", bad.dump(), "application/json");
  REQUIRE(refused);
  const json answer = json::parse(refused->body);
  CHECK(answer["valid"] == false);
  CHECK(contains(answer["error"]["en"], "beian/beian.toml:3: projection.end_year"));
  CHECK(contains(answer["error"]["zh"], "应为"));
  const auto valid = server.client().Post("/api/validate", json{{"scenario", "beian"}, {"files", json::object()}}.dump(), "application/json");
  REQUIRE(valid);
  CHECK(json::parse(valid->body)["valid"] == true);
}

TEST_CASE("a non-loopback --listen without --token-file refuses to start, naming the option") {
  const Workspace workspace;
  const Outcome refused = run_carecap({"serve", "--listen", "0.0.0.0:0", "--workspace", workspace.root.string()},
                                      kSourceDir, "timeout 20 ");
  CHECK(refused.status == 2);
  CHECK(is_one_line(refused.err));
  CHECK(contains(refused.err, "--token-file"));
}

TEST_CASE("with a token, a request without it gets 401; with it, or with the cookie of /?token=, it is served") {
  const Workspace workspace;
  const std::string token = "0123456789abcdef0123456789abcdef";
  write_file(workspace.path() / "token", token + "\n");
  const Server server({"--workspace", workspace.root.string(), "--token-file", (workspace.path() / "token").string()});
  const auto without = server.client().Get("/api/scenarios");
  REQUIRE(without);
  CHECK(without->status == 401);
  const auto wrong = server.client().Get("/api/scenarios", {{"Authorization", "Bearer " + std::string(32, 'x')}});
  REQUIRE(wrong);
  CHECK(wrong->status == 401);
  const auto bearer = server.client().Get("/api/scenarios", {{"Authorization", "Bearer " + token}});
  REQUIRE(bearer);
  CHECK(bearer->status == 200);
  const auto link = server.client().Get("/?token=" + token);
  REQUIRE(link);
  CHECK(link->status == 303);
  const std::string cookie = link->get_header_value("Set-Cookie");
  CHECK(contains(cookie, "HttpOnly"));
  const auto with_cookie = server.client().Get("/api/scenarios", {{"Cookie", cookie.substr(0, cookie.find(';'))}});
  REQUIRE(with_cookie);
  CHECK(with_cookie->status == 200);
}

TEST_CASE("a POST from another origin is refused with 403; from the page's own origin it is served") {
  const Workspace workspace;
  const Server server({"--workspace", workspace.root.string()});
  const std::string body = json{{"scenario", "beian"}, {"files", json::object()}}.dump();
  SUBCASE("Origin") {
    const auto cross = server.client().Post("/api/validate", {{"Origin", "http://evil.example"}}, body, "application/json");
    REQUIRE(cross);
    CHECK(cross->status == 403);
    const auto same = server.client().Post("/api/validate", {{"Origin", "http://" + server.host()}}, body, "application/json");
    REQUIRE(same);
    CHECK(same->status == 200);
  }
  SUBCASE("Referer, without Origin") {
    const auto cross = server.client().Post("/api/validate", {{"Referer", "http://evil.example/page"}}, body, "application/json");
    REQUIRE(cross);
    CHECK(cross->status == 403);
  }
  SUBCASE("a Host that is not loopback (DNS rebinding)") {
    const auto rebound = server.client().Get("/api/scenarios", {{"Host", "evil.example:" + std::to_string(server.port())}});
    REQUIRE(rebound);
    CHECK(rebound->status == 403);
  }
}

TEST_CASE("names with ../, /, NUL or 300 bytes are refused with 400") {
  const Workspace workspace;
  const Server server({"--workspace", workspace.root.string()});
  for (const std::string& name : {std::string("..%2F..%2Fetc"), std::string("beian%2F..%2Fbeian"), std::string(".."),
                                 std::string("be%00ian"), std::string(300, 'a'), std::string(".hidden")}) {
    CAPTURE(name);
    const auto status = server.client().Get("/api/scenarios/" + name + "/status");
    REQUIRE(status);
    CHECK(status->status == 400);
    const auto run = server.client().Post("/api/scenarios/" + name + "/run", "", "application/json");
    REQUIRE(run);
    CHECK(run->status == 400);
  }
  const auto validate = server.client().Post("/api/validate", json{{"scenario", "../beian"}, {"files", json::object()}}.dump(),
                                             "application/json");
  REQUIRE(validate);
  CHECK(validate->status == 400);
  const auto file = server.client().Post("/api/validate", json{{"files", {{"../../x.toml", "a = 1"}}}}.dump(), "application/json");
  REQUIRE(file);
  CHECK(file->status == 400);
}

TEST_CASE("a posted scenario reads no file outside the workspace: not by an absolute path, ../ or a link") {
  const Workspace workspace;
  const fs::path outside = workspace.path() / "outside.toml";  // beside the workspace, not in it
  write_file(outside, "[scenario]\nname = \"secret\"\n");
  fs::create_symlink(outside, workspace.root / "link.toml");                  // a link in the workspace to it
  fs::create_symlink(outside, workspace.root / "beian" / "copied_link.toml");  // never copied as the scenario's file
  const Server server({"--workspace", workspace.root.string()});
  for (const std::string& base : std::vector<std::string>{outside.string(), "../../outside.toml", "../link.toml"}) {
    CAPTURE(base);
    const json body{{"scenario", "beian"}, {"files", {{"scenario.toml", "base = \"" + base + "\"\n"}}}};
    const auto reply = server.client().Post("/api/validate", body.dump(), "application/json");
    REQUIRE(reply);
    CAPTURE(reply->body);
    REQUIRE(reply->status == 200);
    const json answer = json::parse(reply->body);
    CHECK(answer["valid"] == false);
    CHECK(contains(answer["error"]["en"], "outside the workspace"));
    CHECK(contains(answer["error"]["zh"], "在工作区之外"));
  }
  const json copied{{"scenario", "beian"}, {"files", {{"scenario.toml", "base = \"copied_link.toml\"\n"}}}};
  const auto not_copied = server.client().Post("/api/validate", copied.dump(), "application/json");
  REQUIRE(not_copied);
  CHECK(contains(json::parse(not_copied->body)["error"]["en"].get<std::string>(), "does not exist"));
  CHECK_FALSE(fs::exists(workspace.path() / "outside.toml.copy"));
  // The same file inside the workspace is read: the refusal is the confinement, not the file.
  fs::copy_file(outside, workspace.root / "inside.toml");
  const json inside{{"scenario", "beian"}, {"files", {{"scenario.toml", "base = \"../inside.toml\"\n"}}}};
  const auto reply = server.client().Post("/api/validate", inside.dump(), "application/json");
  REQUIRE(reply);
  CHECK_FALSE(contains(json::parse(reply->body).dump(), "outside the workspace"));
}

TEST_CASE("a 20 MB body is refused with 413 and the server's memory grows by less than the limit") {
  const Workspace workspace;
  const Server server({"--workspace", workspace.root.string()});
  const long before = server.resident_kib();
  const std::string body(20u << 20, 'x');
  const auto refused = server.client().Post("/api/validate", body, "application/json");
  REQUIRE(refused);
  CHECK(refused->status == 413);
  const long after = server.resident_kib();
  CHECK(after - before < static_cast<long>(carecap::serve::kMaxRequestBytes / 1024));
  const auto still = server.client().Get("/api/scenarios");
  REQUIRE(still);
  CHECK(still->status == 200);
}

TEST_CASE("two runs of one scenario at once: one runs, the other gets 409 with a message in both languages") {
  const Workspace workspace;
  const Server server({"--workspace", workspace.root.string()});
  const auto first = server.client().Post("/api/scenarios/slow/run", "", "application/json");
  const auto second = server.client().Post("/api/scenarios/slow/run", "", "application/json");
  REQUIRE(first);
  REQUIRE(second);
  CHECK(first->status == 202);
  CHECK(second->status == 409);
  const json refusal = json::parse(second->body);
  CHECK(contains(refusal["error"]["en"], "already running"));
  CHECK(contains(refusal["error"]["zh"], "正在运行"));
  CHECK(finished_status(server, "slow")["state"] == "done");
}

TEST_CASE("after a run that fails on bad input the server reports the error and still answers") {
  const Workspace workspace;
  const Server server({"--workspace", workspace.root.string()});
  const auto started = server.client().Post("/api/scenarios/broken/run", "", "application/json");
  REQUIRE(started);
  CHECK(started->status == 202);
  const json status = finished_status(server, "broken");
  CHECK(status["state"] == "failed");
  CHECK(status["error_kind"] == "input");
  CHECK(contains(status["error"]["en"], "broken/scenario.toml"));
  CHECK(contains(status["error"]["en"], "end_year"));
  CHECK_FALSE(status["error"]["zh"].get<std::string>().empty());
  const auto listing = server.client().Get("/api/scenarios");
  REQUIRE(listing);
  CHECK(listing->status == 200);
  const auto again = server.client().Post("/api/scenarios/broken/run", "", "application/json");
  REQUIRE(again);
  CHECK(again->status == 202);  // a failed run does not keep the scenario locked
}
