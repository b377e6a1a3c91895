// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <array>
#include <cmath>
#include <cstdint>
#include <vector>

namespace carecap::supply {

/// One pool (bed type, region) in one calendar year.
struct PoolYear {
  double mean_occupied = 0;   // n_ occupied beds, time average over the year
  double mean_capacity = 0;   // n_ beds, time average over the year
  double mean_idle = 0;       // n_ free beds (capacity - occupied, never below 0), time average over the year
  double admissions = 0;      // new_ admissions in the year
  double deaths_in_care = 0;  // new_ stays ending in death
  double discharges = 0;      // new_ stays ending in discharge
};

/// Priority classes of the waiting lists, as output labels: 0 `priority` (特困/低保), 1 `ordinary`.
inline constexpr int kPriorityClassCount = 2;
inline constexpr std::array<const char*, kPriorityClassCount> kPriorityClassNames{"priority", "ordinary"};

/// Days per year: waits are simulated in years and reported in days.
inline constexpr double kDaysPerYear = 365.25;

/// Fixed wait bins in days, the same in every replication and every run, so that histograms add
/// up over replications: bin 0 holds waits of exactly 0 (admitted at once); bin 1 (0, 0.01 d];
/// bin k in 2..kWaitBins (0.01 x 2^((k-2)/128), 0.01 x 2^((k-1)/128)] d, each 0.54% wider than the
/// last, up to 0.01 x 2^22 d = 114.8 years; bin kWaitBins + 1 holds longer waits (overflow).
inline constexpr double kWaitFirstEdgeDays = 0.01;
inline constexpr int kWaitBinsPerDoubling = 128;
inline constexpr int kWaitBins = 1 + 22 * kWaitBinsPerDoubling;
inline constexpr int kWaitOverflowBin = kWaitBins + 1;

/// Upper edge of wait bin `bin` in days (0 for bin 0; the last regular edge for the overflow bin).
[[nodiscard]] inline double wait_bin_upper_days(int bin) {
  if (bin <= 0) return 0.0;
  if (bin > kWaitBins) bin = kWaitBins;
  return kWaitFirstEdgeDays * std::exp2(static_cast<double>(bin - 1) / kWaitBinsPerDoubling);
}

/// The bin of a wait of `days` days.
[[nodiscard]] inline int wait_bin(double days) {
  if (days <= 0.0) return 0;
  if (days <= kWaitFirstEdgeDays) return 1;
  const double k = std::ceil(kWaitBinsPerDoubling * std::log2(days / kWaitFirstEdgeDays)) + 1.0;
  return k > kWaitBins ? kWaitOverflowBin : static_cast<int>(k);
}

/// Counts of waits by bin, sparse: the bins with a count, ascending. Counts are doubles so that
/// pooled histograms (sums over replications) keep the same type.
struct WaitHistogram {
  struct Bin {
    int bin = 0;
    double count = 0;
  };
  std::vector<Bin> bins;

  [[nodiscard]] double total() const {
    double n = 0;
    for (const Bin& b : bins) n += b.count;
    return n;
  }
};

/// Quantile p (0..1) of the waits in `h`, in days: the inverse of the distribution function that
/// is a step at 0 (bin 0) and linear within each bin (waits spread evenly over the bin), i.e. the
/// smallest t with F(t) >= p. 0 for an empty histogram; the overflow bin's lower edge when the
/// quantile lies in it (a lower bound). Binning moves a quantile by less than the bin's width
/// (0.54% of the wait), and for a smooth density by far less (docs/capacity.md).
[[nodiscard]] inline double wait_quantile_days(const WaitHistogram& h, double p) {
  const double n = h.total();
  if (n <= 0) return 0.0;
  const double target = p * n;
  double below = 0;
  for (const WaitHistogram::Bin& b : h.bins) {
    if (below + b.count >= target) {
      if (b.bin == 0) return 0.0;
      const double low = wait_bin_upper_days(b.bin - 1);
      if (b.bin == kWaitOverflowBin) return low;
      return low + (target - below) / b.count * (wait_bin_upper_days(b.bin) - low);
    }
    below += b.count;
  }
  return wait_bin_upper_days(h.bins.back().bin);
}

/// Waits of one replication: [year][stream][priority class] the waits of those admitted.
using YearlyWaits = std::vector<std::vector<std::array<WaitHistogram, kPriorityClassCount>>>;

/// One arrival stream (demand type, region) in one calendar year.
struct StreamYear {
  double arrivals = 0;            // new_ people seeking a bed
  double admitted = 0;            // new_ admitted (directly or from the waiting list)
  double admitted_after_waiting = 0;  // new_ of `admitted` who waited a positive time
  double turned_away = 0;         // new_ turned away by a full waiting list
  double gave_up = 0;             // new_ left the waiting list unserved
  double died_waiting = 0;        // new_ died on the waiting list
  double mean_waiting = 0;        // n_ people on the waiting list, time average
  double mean_residents = 0;      // n_ residents of this demand type in the region's beds (of any type), time average
  double wait_mean_days = 0;      // mean wait of those admitted in the year, days
  double wait_p50_days = 0;       // median wait, days (this replication's; the run pools replications: tools/run/PooledWaits)
  double wait_p90_days = 0;       // 90th percentile wait, days
  double waited_longer_than_target = 0;  // new_ whose wait ended in the year (admitted, gave up, died waiting) after more than the target
  std::array<double, kPriorityClassCount> admitted_by_class{};   // new_ admitted, by priority class
  std::array<double, kPriorityClassCount> wait_days_by_class{};  // days waited by those admitted, summed, by priority class
  std::array<double, 2> admitted_by_tier{};     // new_ admitted, by price tier (PriceTier.hpp: 0 affordable, 1 market)
  std::array<double, 2> wait_days_by_tier{};    // days waited by those admitted, summed, by price tier
  std::array<double, 2> left_unserved_by_tier{};  // new_ gave up or died waiting, by price tier
};

/// One unit (a facility's or project's beds of one type, CapacityModel::units) in one year.
struct UnitYear {
  double mean_occupied = 0;  // n_ occupied beds, time average over the year
  double mean_capacity = 0;  // n_ beds, time average over the year
};

/// Yearly results of one replication: [year][pool], [year][stream] and [year][unit].
struct CapacityResult {
  int first_year = 0;
  std::vector<std::vector<PoolYear>> pools;
  std::vector<std::vector<StreamYear>> streams;
  std::vector<std::vector<UnitYear>> units;
  std::vector<std::vector<double>> monthly_occupied;  // [month][pool] n_ occupied beds at the month's end
  std::vector<std::vector<double>> monthly_waiting;   // [month][stream] n_ people waiting at the month's end
  YearlyWaits waits;  // [year][stream][class] waits of those admitted, on the fixed bins (pooled over replications by tools/run/PooledWaits)
  std::uint64_t events = 0;  // events handled
};

}  // namespace carecap::supply
