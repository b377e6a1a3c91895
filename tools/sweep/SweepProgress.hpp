// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <chrono>
#include <cstddef>
#include <iosfwd>
#include <string>

#include "text/Lang.hpp"
#include "tools/sweep/SweepRun.hpp"

namespace carecap::tools {

/// Seconds between progress lines when stderr is not a terminal: CARECAP_PROGRESS_SECONDS when
/// it holds a number >= 0 (0: a line after every block of runs), else 30.
[[nodiscard]] double progress_interval_seconds();

/// The progress of a sweep's runs, printed by rank 0 after each block of runs: runs done, runs
/// per second, time left. On a terminal one line is rewritten in place (\r) after every block; in
/// a batch log (not a terminal) a whole line after the first block that ends `interval` seconds or
/// more after the last line (or the start); a sweep shorter than that prints nothing there, so that
/// an error stays the only line on stderr.
class SweepProgress {
public:
  /// `runs` of the design, `done_before` of them done before this start (a resumed sweep);
  /// `active` false prints nothing (ranks other than 0); the lines are in `lang`.
  SweepProgress(std::ostream& out, bool active, bool terminal, double interval_seconds, std::size_t runs,
                std::size_t done_before, text::Lang lang = text::Lang::en);

  /// `done` runs of this start are finished (the pending runs' count, not the design's).
  void update(std::size_t done);
  /// Ends the line rewritten on a terminal.
  void finish();

private:
  using Clock = std::chrono::steady_clock;
  std::ostream& out_;
  bool active_;
  bool terminal_;
  double interval_;
  std::size_t runs_, done_before_;
  Clock::time_point started_, last_line_;
  bool printed_ = false;
  text::Lang lang_;
};

/// The outcome summary a sweep prints at its end, read back from its results file's `samples`
/// group: for each outcome of `layout` that some run models, the mean, p5, p50 and p95 (type 7)
/// over the runs that model it (first_year_*: the runs that reach the target; their count shown
/// when not every run does). The results are written already: a file that cannot be read back gives
/// a one-line note instead of the table. Headings and notes in `lang`.
void print_sweep_summary(std::ostream& out, const std::string& results_path, const SweepLayout& layout,
                         text::Lang lang = text::Lang::en);

}  // namespace carecap::tools
