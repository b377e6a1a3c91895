// carecap. SPDX-License-Identifier: MIT
#include "tools/sweep/SweepProgress.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <exception>
#include <iomanip>
#include <iterator>
#include <ostream>
#include <sstream>
#include <vector>

#include "output/Hdf5Reader.hpp"
#include "sim/Quantiles.hpp"
#include "text/Catalogue.hpp"
#include "tools/run/OutcomeFormat.hpp"

namespace carecap::tools {
namespace {

constexpr double kDefaultIntervalSeconds = 30;

std::string duration(double seconds, text::Lang lang) {
  const auto s = static_cast<long long>(seconds);
  if (s >= 3600) return text::say(lang, "cli.sweep.hours_minutes", {{"h", s / 3600}, {"m", (s % 3600) / 60}});
  if (s >= 60) return text::say(lang, "cli.sweep.minutes_seconds", {{"m", s / 60}, {"s", s % 60}});
  return text::say(lang, "cli.sweep.seconds", {{"s", s}});
}

std::string pad(const std::string& text, std::size_t width, bool right) {
  const std::size_t w = display_width(text);
  const std::string fill(w < width ? width - w : 0, ' ');
  return right ? fill + text : text + fill;
}

}  // namespace

double progress_interval_seconds() {
  const char* text = std::getenv("CARECAP_PROGRESS_SECONDS");
  if (!text || !*text) return kDefaultIntervalSeconds;
  char* end = nullptr;
  const double seconds = std::strtod(text, &end);
  if (*end != '\0' || !(seconds >= 0) || !std::isfinite(seconds)) return kDefaultIntervalSeconds;
  return seconds;
}

SweepProgress::SweepProgress(std::ostream& out, bool active, bool terminal, double interval_seconds, std::size_t runs,
                             std::size_t done_before, text::Lang lang)
    : out_(out), active_(active), terminal_(terminal), interval_(interval_seconds), runs_(runs), done_before_(done_before),
      started_(Clock::now()), last_line_(started_), lang_(lang) {}

void SweepProgress::update(std::size_t done) {
  if (!active_) return;
  const auto now = Clock::now();
  const std::size_t pending = runs_ - done_before_;
  if (!terminal_ && std::chrono::duration<double>(now - last_line_).count() < interval_) return;
  last_line_ = now;
  const double seconds = std::chrono::duration<double>(now - started_).count();
  const double rate = static_cast<double>(done) / std::max(seconds, 1e-9);
  std::ostringstream speed;
  speed << std::fixed << std::setprecision(1) << rate;
  const std::string line =
      text::say(lang_, "cli.sweep.progress",
                {{"done", done_before_ + done}, {"runs", runs_}, {"rate", speed.str()},
                 {"left", duration(static_cast<double>(pending - std::min(done, pending)) / rate, lang_)}});
  if (terminal_) {
    out_ << "\r" << line << "   " << std::flush;
    printed_ = true;
  } else {
    out_ << line << std::endl;  // a batch log shows it at once
  }
}

void SweepProgress::finish() {
  if (active_ && terminal_ && printed_) out_ << "\n" << std::flush;
  printed_ = false;
}

void print_sweep_summary(std::ostream& out, const std::string& results_path, const SweepLayout& layout,
                         text::Lang lang) try {
  const output::Hdf5Reader file(results_path);
  std::vector<std::vector<std::string>> rows{{text::say(lang, "cli.sweep.summary.outcome"), text::say(lang, "cli.sweep.summary.units"),
                                              text::say(lang, "cli.sweep.summary.mean"), "p5", "p50", "p95", ""}};
  std::size_t runs = 0;
  for (const Outcome& outcome : layout.outcomes) {
    if (!file.has_dataset("samples", outcome.name)) continue;
    const std::vector<double> all = file.read_series("samples", outcome.name).values;
    runs = all.size();
    std::vector<double> values;  // the runs that model it (first_year_*: that reach the target)
    std::copy_if(all.begin(), all.end(), std::back_inserter(values), [](double v) { return !std::isnan(v); });
    if (values.empty()) continue;  // not modelled by the scenario, or a target no run reaches
    double sum = 0;
    for (double v : values) sum += v;
    const auto q = sim::sample_quantiles(values, {0.05, 0.50, 0.95});
    const std::string& units = outcome.units;
    const std::string name = lang == text::Lang::zh && !outcome.label_zh.empty() ? outcome.label_zh : outcome.name;
    rows.push_back({name, text::by_english("units", units).in(lang),
                    format_outcome_value(sum / static_cast<double>(values.size()), units, lang),
                    format_outcome_value(q[0], units, lang), format_outcome_value(q[1], units, lang),
                    format_outcome_value(q[2], units, lang),
                    values.size() < all.size()
                        ? text::say(lang, "cli.sweep.summary.runs_of", {{"some", values.size()}, {"all", all.size()}})
                        : ""});
  }
  if (rows.size() == 1) return;
  std::vector<std::size_t> widths(rows.front().size(), 0);
  for (const auto& row : rows)
    for (std::size_t k = 0; k < row.size(); ++k) widths[k] = std::max(widths[k], display_width(row[k]));
  out << "\n" << text::say(lang, "cli.sweep.summary.heading", {{"runs", runs}}) << "\n";
  for (std::size_t r = 0; r < rows.size(); ++r) {
    std::string line;
    for (std::size_t k = 0; k < rows[r].size(); ++k)
      line += (k == 0 ? "" : "  ") + pad(rows[r][k], widths[k], k >= 2 && k <= 5);
    line.erase(line.find_last_not_of(' ') + 1);
    out << line << "\n";
  }
} catch (const std::exception& error) {  // the results are written: a summary that cannot be read does not undo them
  out << "\n" << text::say(lang, "cli.sweep.summary.unreadable", {{"error", error.what()}}) << "\n";
}

}  // namespace carecap::tools
