// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <array>
#include <cstddef>
#include <string>
#include <vector>

namespace carecap {

/// An axis of result arrays: integer values (years, ages) or labels (sex, care state).
struct ResultDimension {
  std::string name;                 // e.g. "year", "bed_type"
  std::vector<int> values;          // integer coordinates, or empty when `labels` is used
  std::vector<std::string> labels;  // string coordinates, or empty
  std::string units;                // e.g. "calendar year", "1" for labels
  std::string description;          // one sentence

  [[nodiscard]] std::size_t size() const { return labels.empty() ? values.size() : labels.size(); }
};

/// One named result array, row-major over its dimensions. Models declare their outputs as these;
/// only output/ turns them into files.
struct ResultSeries {
  std::string name;                     // dataset name, snake_case: n_ stock, new_ flow, share_ percent
  std::string label_zh;                 // the plans' Chinese name, when there is one
  std::string units;                    // e.g. "persons", "beds per 1,000 persons aged 60+"
  std::string description;              // one sentence: what, when (1 July stock or yearly flow)
  std::string source;                   // where the parameters behind it come from, when not the projection
  std::vector<std::string> dimensions;  // names of ResultDimensions, outermost first
  std::vector<double> values;           // row-major
};

/// A named array of text over one dimension: per-item words a number cannot carry (e.g. the
/// message of each plan-check finding).
struct ResultTextSeries {
  std::string name;                 // dataset name, snake_case
  std::string description;          // one sentence
  std::string dimension;            // the dimension it runs over
  std::vector<std::string> values;  // one per entry of the dimension
};

/// A named set of series with the dimensions they introduce (dimensions of the root group are
/// visible to every group).
struct ResultGroup {
  std::string name;                         // "" for the root group, e.g. "demand"
  std::string description;                  // one sentence, written as the group's attribute
  std::vector<ResultDimension> dimensions;  // dimensions introduced by this group
  std::vector<ResultSeries> series;
  std::vector<ResultTextSeries> text_series{};  // written as they are, never summarised
};

/// Values of `field` over [year][row] results, row-major (e.g. year x pool for a pool index
/// band x regions + region): the values of a series over (year, band, region).
template <class Row, class Field>
[[nodiscard]] std::vector<double> flatten_rows(const std::vector<std::vector<Row>>& years, Field field) {
  std::vector<double> values;
  for (const auto& year : years)
    for (const Row& row : year) values.push_back(field(row));
  return values;
}

/// Values of an array member `field` (one value per category) over [year][row] results,
/// row-major over (year, category, row): e.g. admissions by (year, priority class, stream).
template <class Row, std::size_t N>
[[nodiscard]] std::vector<double> flatten_rows_by(const std::vector<std::vector<Row>>& years,
                                                  std::array<double, N> Row::*field) {
  std::vector<double> values;
  for (const auto& year : years)
    for (std::size_t c = 0; c < N; ++c)
      for (const Row& row : year) values.push_back((row.*field)[c]);
  return values;
}

}  // namespace carecap
