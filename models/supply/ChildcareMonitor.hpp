// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <cstdint>

namespace carecap::supply {

/// The one way results leave a childcare simulation (pools and streams: band x regions + region).
class ChildcareMonitor {
public:
  virtual ~ChildcareMonitor() = default;
  /// A family applied for a place (transfer: a child enrolled in the band below, moving up).
  virtual void applied(int stream, double time, bool transfer) = 0;
  virtual void admitted(int stream, double time, double waited) = 0;
  virtual void gave_up(int stream, double time) = 0;
  /// A child left a place: withdrew, or aged out of the band (from the last band: aged out of care).
  virtual void left(int pool, double time, bool withdrew) = 0;
  virtual void place_level(int pool, double time, std::int64_t enrolled, std::int64_t places) = 0;
  virtual void queue_level(int stream, double time, std::int64_t waiting) = 0;
  virtual void year_end(int year_index, double time) = 0;
};

}  // namespace carecap::supply
