// carecap. SPDX-License-Identifier: MIT
// The command line in Chinese (issue 20, "Chinese command line"): with LANG=zh_CN.UTF-8, or
// --lang zh, the help, the run summary, the findings, the "wrote" lines and the errors are in
// Chinese, with the same numbers, files, lines and keys as in English; --lang en wins over the
// locale. The English behaviour is CliTest.cpp's and BadInputTest.cpp's (run in the C locale).
#include <doctest/doctest.h>

#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "CliRunner.hpp"

using namespace carecap::testing;

namespace {

const fs::path kBeian = kSourceDir / "scenarios" / "beian" / "beian.toml";
const fs::path kBadInputs = kSourceDir / "tests" / "bad_inputs";

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

/// The cells of the run summary's table: each indicator row without its name (the name is in the
/// command's language, the cells are digits). The table starts at the line of the years and
/// stops at the first empty line; its cells are the last (years x width) bytes of each
/// row, the width read from the header's years.
std::vector<std::string> summary_cells(const std::string& out) {
  const std::vector<std::string> lines = lines_of(out);
  std::size_t header = 0;
  while (header < lines.size() && lines[header].find("  2021  ") == std::string::npos) ++header;  // Bei'an's base year
  REQUIRE(header < lines.size());
  const std::string& years = lines[header];
  const std::size_t first_end = years.find("  2021  ") + 6;
  const std::size_t second_end = years.find_first_not_of(' ', first_end) + 4;
  const std::size_t width = second_end - first_end;
  const std::size_t cells = years.size() - first_end + width;
  REQUIRE(cells % width == 0);
  std::vector<std::string> rows;
  for (std::size_t i = header + 1; i < lines.size() && !lines[i].empty(); ++i) {
    REQUIRE(lines[i].size() >= cells);
    rows.push_back(lines[i].substr(lines[i].size() - cells));
  }
  return rows;
}

bool has_chinese(const std::string& text) {
  // A CJK unified ideograph in UTF-8: lead byte 0xE4-0xE9.
  for (unsigned char c : text)
    if (c >= 0xE4 && c <= 0xE9) return true;
  return false;
}

}  // namespace

TEST_CASE("LANG=zh_CN.UTF-8 carecap run prints the summary and the findings in Chinese, with the numbers of the English run") {
  const CaseDir dir;
  const Outcome zh = run_carecap_in(kChineseLocale, {"run", kBeian.string(), "-o", (dir.path() / "zh.h5").string()});
  const Outcome en = run_carecap_in(kChineseLocale, {"run", kBeian.string(), "-o", (dir.path() / "en.h5").string(), "--lang", "en"});
  INFO("zh stdout: " << zh.out);
  INFO("zh stderr: " << zh.err);
  REQUIRE(zh.status == 0);
  REQUIRE(en.status == 0);
  CHECK(zh.err.empty());
  // Plain names, not the results file's (n_total, childcare/new_gave_up).
  for (const char* word : {"情景“beian”", "指标", "总人口", "老年人口（60岁及以上）", "3岁以下婴幼儿", "养老床位（开放）",
                           "托位", "主要发现", "已写入 "})
    CHECK_MESSAGE(contains(zh.out, word), word);
  CHECK_FALSE(contains(zh.out, "n_total"));
  CHECK_FALSE(contains(zh.out, "childcare/"));
  // --lang en wins over the locale.
  for (const char* word : {"scenario 'beian'", "indicator", "population", "elders (aged 60+)", "Findings", "wrote "})
    CHECK_MESSAGE(contains(en.out, word), word);
  CHECK_FALSE(has_chinese(lines_of(en.out).front()));
  // The same numbers in both languages.
  const std::vector<std::string> zh_cells = summary_cells(zh.out), en_cells = summary_cells(en.out);
  CHECK(zh_cells.size() >= 20);
  CHECK(zh_cells == en_cells);
}

TEST_CASE("the help is in Chinese under a Chinese locale or --lang zh, and in English with --lang en") {
  SUBCASE("carecap --help") {
    const Outcome zh = run_carecap_in(kChineseLocale, {"--help"});
    INFO("stdout: " << zh.out);
    CHECK(zh.status == 0);
    for (const char* word : {"用法", "子命令", "人口预测", "运行一个情景", "显示本帮助并退出"}) CHECK_MESSAGE(contains(zh.out, word), word);
    CHECK_FALSE(contains(zh.out, "Usage"));
  }
  SUBCASE("carecap run --help") {
    const Outcome zh = run_carecap({"run", "--help", "--lang", "zh"});
    INFO("stdout: " << zh.out);
    CHECK(zh.status == 0);
    for (const char* word : {"用法", "选项", "情景 TOML 文件", "必填", "--replications", "随机重复模拟次数", "整数，1 到 100000"})
      CHECK_MESSAGE(contains(zh.out, word), word);
    CHECK_FALSE(contains(zh.out, "OPTIONS"));
    CHECK_FALSE(contains(zh.out, "REQUIRED"));
  }
  SUBCASE("--lang en wins over the locale") {
    const Outcome en = run_carecap_in(kChineseLocale, {"run", "--help", "--lang=en"});
    CHECK(en.status == 0);
    CHECK(contains(en.out, "Usage"));
    CHECK(contains(en.out, "scenario TOML file"));
    CHECK_FALSE(has_chinese(en.out));
  }
}

TEST_CASE("a bad input gives one Chinese line naming the same file and key as the English line, exit 2") {
  struct Case {
    const char* scenario;
    const char* place;  // file:line: key, the same in both languages
    const char* chinese;  // a Chinese word of the message
  };
  const Case cases[] = {
      {"wrong_type_end_year.toml", "wrong_type_end_year.toml:5: projection.end_year: ", "应为"},
      {"unknown_key.toml", "unknown_key.toml:5: projection.end_yaer: ", "未知的键"},
      {"negative_srb.toml", "negative_srb.toml:5: fertility.sex_ratio_at_birth: ", "之间的有限数"},
      {"missing_required_key.toml", "projection.end_year: ", "缺少必填的键"},
  };
  for (const Case& c : cases) {
    CAPTURE(std::string(c.scenario));
    const std::string scenario = (kBadInputs / c.scenario).string();
    const Outcome zh = run_carecap_in(kChineseLocale, {"run", scenario, "-o", "/nonexistent/never.h5"});
    const Outcome en = run_carecap({"run", scenario, "-o", "/nonexistent/never.h5"});
    INFO("zh: " << zh.err);
    INFO("en: " << en.err);
    CHECK(zh.status == 2);
    CHECK(en.status == 2);
    CHECK(is_one_line(zh.err));
    CHECK(starts_with(zh.err, "carecap：错误："));
    CHECK(starts_with(en.err, "carecap: error: "));
    CHECK(contains(zh.err, scenario));
    CHECK(contains(zh.err, c.place));
    CHECK(contains(en.err, c.place));
    CHECK(contains(zh.err, c.chinese));
  }
}

TEST_CASE("every broken scenario of tests/bad_inputs is refused on one Chinese line naming the place the English line names") {
  // The place is the English line's leading "FILE:LINE: KEY:" words (BadInputTest.cpp checks
  // them); the Chinese line holds them too, set off by ": " or a full-width "：".
  static const std::regex place("^([^ ]+:( |$))+");
  std::size_t checked = 0;
  for (const std::string& name : entries_of(kBadInputs)) {
    if (fs::path(name).extension() != ".toml") continue;
    CAPTURE(name);
    const std::string scenario = (kBadInputs / name).string();
    const Outcome en = run_carecap({"validate", scenario});
    const Outcome zh = run_carecap_in(kChineseLocale, {"validate", scenario});
    const std::string english = en.err.substr(std::string("carecap: error: ").size());
    const std::string chinese = std::regex_replace(zh.err, std::regex("："), ": ");
    std::smatch found;
    REQUIRE(std::regex_search(english, found, place));
    INFO("en: " << en.err);
    INFO("zh: " << zh.err);
    CHECK(zh.status == 2);
    CHECK(is_one_line(zh.err));
    CHECK(starts_with(zh.err, "carecap：错误："));
    CHECK(has_chinese(zh.err.substr(std::string("carecap：错误：").size())));
    CHECK(contains(chinese, found.str()));
    ++checked;
  }
  CHECK(checked >= 90);
}

TEST_CASE("an error of the command line itself is in Chinese too: a bad --lang, an unknown subcommand, a value out of range") {
  const Outcome lang = run_carecap_in(kChineseLocale, {"run", kBeian.string(), "--lang", "fr"});
  INFO("stderr: " << lang.err);
  CHECK(lang.status == 2);
  CHECK(is_one_line(lang.err));
  CHECK(contains(lang.err, "--lang"));
  CHECK(contains(lang.err, "应为 zh 或 en，实为 'fr'"));

  const Outcome word = run_carecap_in(kChineseLocale, {"runn", kBeian.string()});
  CHECK(word.status == 2);
  CHECK(contains(word.err, "runn: 未知的子命令"));

  const Outcome threads = run_carecap_in(kChineseLocale, {"run", kBeian.string(), "--threads", "999"});
  CHECK(threads.status == 2);
  CHECK(is_one_line(threads.err));
  CHECK(contains(threads.err, "--threads"));
  CHECK(contains(threads.err, "应为 0 到 256 的整数，实为 999"));
}
