// carecap. SPDX-License-Identifier: MIT
#include "tools/run/OutcomeFormat.hpp"

#include <cmath>
#include <iomanip>
#include <sstream>

#include "sim/NumberText.hpp"
#include "text/Catalogue.hpp"

namespace carecap::tools {

std::string format_outcome_value(double v, const std::string& units, text::Lang lang) {
  if (std::isnan(v)) return units == "calendar year" ? text::say(lang, "cli.outcome.never") : "-";
  std::ostringstream out;
  if (units == "calendar year") {
    out << std::fixed << std::setprecision(v == std::round(v) ? 0 : 1) << v;
    return out.str();
  }
  if (units.rfind("fraction", 0) == 0) {
    out << std::fixed << std::setprecision(1) << v * 100 << "%";
    return out.str();
  }
  if (std::abs(v) < 100 && v != std::round(v)) {
    out << std::fixed << std::setprecision(std::abs(v) < 10 ? 2 : 1) << v;
    return out.str();
  }
  return sim::grouped(v);
}

std::size_t display_width(const std::string& text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t bytes = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    width += bytes == 3 ? 2 : 1;
    i += bytes;
  }
  return width;
}

}  // namespace carecap::tools
