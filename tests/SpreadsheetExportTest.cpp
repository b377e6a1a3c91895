// carecap. SPDX-License-Identifier: MIT
// The workbook's tables as plans publish them (rounded numbers, shares in percent) and its sheet names.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "tools/report/CsvExport.hpp"
#include "tools/report/ReportText.hpp"
#include "tools/report/SpreadsheetExport.hpp"

using namespace carecap::report;

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}  // namespace

TEST_CASE("a table is published as plans print it: counts whole, shares in percent with one decimal, money in 万元 with one") {
  Table t{"mixed", {"混合", "mixed"}, {}, {}, {}};
  t.columns = {{{"年份", "year"}, {}, kPlainInteger},
               {{"老人", "elders"}, units_text("persons"), 1},
               {{"占比", "share"}, units_text("fraction of beds"), 3},
               {{"投资", "investment"}, units_text("10,000 yuan"), 0},
               {{"比率", "rate"}, units_text("beds per 1,000 persons aged 60+"), 2}};
  t.rows = {{2025.0, 279026.598821315, 0.25049, 1234.56, 73.6049}, {2030.0, -0.4, kNaN, 0.04, 1.0 / 3.0}};
  const PublishedTable p = published_table(t);
  CHECK(p.columns[2].units.zh == "%");  // the fraction's header says %
  CHECK(std::get<double>(p.rows[0][0]) == 2025);
  CHECK(std::get<double>(p.rows[0][1]) == 279027);  // persons whole
  CHECK(std::get<double>(p.rows[0][2]) == 25.0);    // 0.25049 -> 25.0%
  CHECK(std::get<double>(p.rows[0][3]) == 1234.6);  // 万元 with one decimal
  CHECK(std::get<double>(p.rows[0][4]) == 73.60);   // other rates: the column's decimals
  CHECK(!std::signbit(std::get<double>(p.rows[1][1])));  // -0.4 persons: 0, never -0
  CHECK(std::isnan(std::get<double>(p.rows[1][2])));
  CHECK(std::get<double>(p.rows[1][3]) == 0);
  CHECK(std::get<double>(p.rows[1][4]) == 0.33);
  CHECK(p.decimals[0] == std::vector<int>{kPlainInteger, 0, 1, 1, 2});
  CHECK(csv_number(std::get<double>(p.rows[0][3])) == "1234.6");  // what a CSV reader and a paste get

  SUBCASE("rows of mixed units take the units of their row's units cell") {
    Table check{"plan", {"核查", "check"}, {}, {{{"单位", "units"}, {}, 0}, {{"规划数", "plan"}, {}, 3}}, {}};
    check.rows = {{units_text("fraction of beds"), 0.55}, {units_text("beds"), 5598.0}, {units_text("percent"), 30.04}};
    const PublishedTable q = published_table(check);
    CHECK(std::get<Text>(q.rows[0][0]).zh == "%");
    CHECK(std::get<double>(q.rows[0][1]) == 55.0);
    CHECK(std::get<double>(q.rows[1][1]) == 5598);
    CHECK(std::get<double>(q.rows[2][1]) == 30.0);
    CHECK(q.decimals[0][1] == 1);
    CHECK(q.decimals[1][1] == 0);
  }
}

TEST_CASE("sheet names are Chinese or English, valid in Excel and unique") {
  Table a{"indicators", {"规划指标表", "Plan indicators"}, {}, {}, {}};
  Table b{"other", {"一个很长的标题：[草稿]/第二版，共三十一个字符以上的名称用于测试截断", "a: b/c [d] e?*"}, {}, {}, {}};
  Table c{"other2", {"规划指标", "Plan indicators"}, {}, {}, {}};
  Table d{"history", {"History", "History"}, {}, {}, {}};
  const std::vector<const Table*> tables{&a, &b, &c, &d};
  const std::vector<std::string> zh = sheet_names(tables, "zh");
  CHECK(zh[0] == "规划指标");
  CHECK(zh[1] == "一个很长的标题：_草稿__第二版，共三十一个字符以上的名称用于");  // 31 characters, no [ ] /
  CHECK(zh[2] == "规划指标 (2)");
  CHECK(zh[3] == "History (2)");  // Excel keeps "History"
  const std::vector<std::string> en = sheet_names(tables, "en");
  CHECK(en[0] == "Plan indicators");
  CHECK(en[1] == "a_ b_c _d_ e__");
  CHECK(en[2] == "Plan indicators (2)");
}
