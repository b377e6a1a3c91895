// carecap. SPDX-License-Identifier: MIT
// Specification: a table as Excel saves it ("CSV UTF-8": a byte-order mark, CRLF line ends,
// numbers of 1,000 and more quoted with thousands separators) means what the plain table means.
// tests/scenarios/spreadsheet/population_2021_excel.csv is scenarios/beian/data/population_2021.csv
// saved that way (120 of its cells carry separators).
#include <doctest/doctest.h>

#include "TestSupport.hpp"
#include "scenarios/loader/CsvTable.hpp"
#include "scenarios/loader/ScenarioLoader.hpp"

using namespace carecap;

TEST_CASE("a population table saved by Excel loads to the same base population as the plain table") {
  const auto plain = scenarios::load_scenario(std::string(CARECAP_SOURCE_DIR) + "/scenarios/beian/beian.toml");
  const auto excel =
      scenarios::load_scenario(std::string(CARECAP_SOURCE_DIR) + "/tests/scenarios/spreadsheet/beian_excel.toml");
  const auto& a = plain.projection.base_population;
  const auto& b = excel.projection.base_population;
  CHECK(a.sum_both() == b.sum_both());
  CHECK(a.sum_both(60) == b.sum_both(60));
  CHECK(a.sum_both(11, 11) == b.sum_both(11, 11));  // age 11: "1,005.543691" males in the Excel file
}

TEST_CASE("numbers with thousands separators are read only in groups of three") {
  const std::string file = "t.csv";
  CHECK(scenarios::parse_number("1,005.543691", scenarios::NumberRule::non_negative, file, 2, "male") ==
        doctest::Approx(1005.543691).epsilon(1e-15));
  CHECK(scenarios::parse_number("12,345,678", scenarios::NumberRule::any_finite, file, 2, "x") == 12345678.0);
  CHECK(scenarios::parse_integer("2,035", file, 2, "year") == 2035);
  CHECK_THROWS_WITH_AS((void)scenarios::parse_number("1,23", scenarios::NumberRule::any_finite, file, 4, "male"),
                       "t.csv:4: column 'male' expected a finite number of magnitude <= 1e+12, got '1,23'", InputError);
  CHECK_THROWS_AS((void)scenarios::parse_number("1,2345", scenarios::NumberRule::any_finite, file, 4, "male"), InputError);
  CHECK_THROWS_AS((void)scenarios::parse_number(",123", scenarios::NumberRule::any_finite, file, 4, "male"), InputError);
}
