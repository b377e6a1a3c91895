// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <cstdint>
#include <vector>

#include "models/supply/ChildcareModel.hpp"
#include "models/supply/ChildcareMonitor.hpp"
#include "sim/EventQueue.hpp"
#include "sim/RandomStreams.hpp"
#include "sim/TaggedPool.hpp"
#include "sim/WaitingList.hpp"

namespace carecap::supply {

/// Random-stream purposes of the childcare simulation: one per application stream.
inline constexpr std::uint64_t kChildcareStreamBase = 5000;

/// One replication of the childcare simulation (托位): families apply month by month (more in
/// September), children are admitted to a place of their month band in their region or wait
/// (giving up after their patience, or when they outgrow the band); an enrolled child keeps the
/// place until withdrawing or outgrowing the band, then moves up to the next band's place (first in
/// line: priority class) or, from 25-36 months, ages out of care.
class ChildcareSimulation {
public:
  ChildcareSimulation(const ChildcareModel& model, const sim::RandomStreams& streams, std::uint64_t replication,
                      ChildcareMonitor& monitor);
  /// Runs from 1 January first_year to 31 December last_year; returns the number of events.
  std::uint64_t run();

private:
  enum class EventKind : std::uint16_t { application, leave_place, leave_list, place_change, year_end };
  static constexpr std::uint16_t code(EventKind kind) { return static_cast<std::uint16_t>(kind); }
  enum class Status : std::uint8_t { waiting, enrolled };
  struct Child {
    double applied = 0;        // when the current application began, years
    double band_end = 0;       // when the child outgrows its current band, years
    int stream = 0;            // band x regions + region of the current application or place
    Status status = Status::waiting;
  };

  void handle(const sim::Event& event);
  void schedule_next_application(int stream, double after);
  void apply(std::uint64_t id, bool transfer);
  void enroll(std::uint64_t id);
  void fill_places(int pool);
  /// Whether the tag names a child still in care or on a list, with `status`.
  [[nodiscard]] bool current(std::uint64_t tag, Status status) const {
    return children_.current(tag) && children_[sim::TaggedPool<Child>::id_of(tag)].status == status;
  }

  const ChildcareModel& model_;
  ChildcareMonitor& monitor_;
  int regions_;
  double now_ = 0;
  sim::EventQueue queue_;
  std::vector<std::int64_t> places_, enrolled_;  // per pool
  std::vector<sim::WaitingList> waiting_;        // per stream
  std::vector<sim::RandomEngine> engines_;       // per stream
  sim::TaggedPool<Child> children_;
};

}  // namespace carecap::supply
