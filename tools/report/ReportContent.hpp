// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <string>
#include <variant>
#include <vector>

#include "text/Catalogue.hpp"

namespace carecap::report {

/// Words in both languages of a report: Chinese (the default) and English (text/Catalogue.hpp).
using Text = carecap::text::Text;

/// A table cell: empty, a number (in the column's units) or words.
using Cell = std::variant<std::monostate, double, Text>;

/// Column decimals of integers shown without digit grouping (years).
inline constexpr int kPlainInteger = -1;

/// A table column: its name, its units (empty for labels) and the decimals numbers are shown with
/// (kPlainInteger: 2035, not 2,035).
struct Column {
  Text name;
  Text units;
  int decimals = 0;
};

/// A table as planners paste it into a plan: the same in the HTML report, the Excel workbook and
/// the CSV files.
struct Table {
  std::string id;  // CSV file name (the sheet is named in the language of the export: SpreadsheetExport): ASCII, at most 31 characters, unique in a report
  Text title;
  Text note;       // what the numbers are and where they come from; may be empty
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;  // each row has one cell per column
  std::vector<int> row_decimals{};      // when not empty: the decimals of each row's numbers (rows of mixed units)
};

/// A line (or bars) of a chart, one value per x label; NaN leaves a gap. A chart whose series
/// are all empty or zero is drawn as its title and 无 (None).
struct ChartSeries {
  Text name;
  std::vector<double> values;
  std::string style = "line";  // line, dashed, baseline (a study's, thick), bar, bar_negative (pyramid left side)
  std::string color;           // CSS colour, or empty for the palette's; a colour another series of the chart has
                               // already taken is replaced by a free palette colour (report.js: one colour per series)
};

/// A shaded range between two lines: a fan's quantiles, or the gap between demand and supply.
struct ChartBand {
  Text name;
  std::vector<double> low;
  std::vector<double> high;
  std::string color;  // CSS colour with alpha
};

/// A marked point: a plan's target or forecast.
struct ChartMark {
  Text name;
  std::string x;  // the x label it sits on
  double y = 0;
};

/// One chart. `pyramid`: horizontal bars by age, males to the left (values as given, shown as
/// positive), females to the right; the pyramids of a section share one scale, to be compared.
struct Chart {
  std::string id;  // unique in the report
  std::string kind = "line";  // line, bar, pyramid
  Text title;
  Text x_name;
  std::vector<std::string> x_labels;
  Text y_name;  // with units, e.g. 床位（张）
  std::vector<ChartSeries> series;
  std::vector<ChartBand> bands;
  std::vector<ChartMark> marks;
  bool small = false;  // one of a set of small multiples
};

/// A plan contradiction or a difference between a plan and the model, with its numbers.
struct Warning {
  std::string severity;  // contradiction, differs
  Text message;
};

/// A part of a report: warnings first, then charts, then tables.
struct Section {
  std::string id;
  Text title;
  Text note;
  std::vector<Warning> warnings;
  std::vector<Chart> charts;
  std::vector<Table> tables;
};

/// Everything a report shows of one carecap output file: what `carecap report` renders as HTML
/// and `carecap export` writes as workbook sheets and CSV files (tables only).
struct ReportContent {
  std::string kind;  // run, study, sweep, optimise
  Text title;
  Text subtitle;
  std::string source_path;       // the HDF5 file read
  bool plan_checked = false;     // a run whose scenario has a plan (its warnings are the plan check's)
  std::vector<Section> sections;
  Table sources;                 // sources and assumptions (id "sources")
};

/// Every table of the report in order, the sources and assumptions last.
[[nodiscard]] std::vector<const Table*> all_tables(const ReportContent& content);

}  // namespace carecap::report
