// carecap. SPDX-License-Identifier: MIT
#include "scenarios/loader/ServiceLevelLoader.hpp"

#include <sstream>

#include "sim/Errors.hpp"
#include "text/Catalogue.hpp"

namespace carecap::scenarios {

SectionSchema service_level_schema() {
  return {"service_level", {"wait_days", "max_share_waiting", "probability", "max_idle_share", "source",
                             "childcare_wait_days", "childcare_max_share_waiting"}, {}};
}

std::optional<planning::ServiceLevel> read_service_level(const ScenarioDocument& doc) {
  if (!doc.has_section("service_level")) return std::nullopt;
  planning::ServiceLevel level;
  level.wait_days = doc.require("service_level", "wait_days").as_number(0.0, 3650.0);
  level.max_share_waiting = doc.require("service_level", "max_share_waiting").as_number(0.0, 1.0);
  const ScenarioValue probability = doc.require("service_level", "probability");
  level.probability = probability.as_number(0.0, 1.0);
  if (level.probability <= 0.0 || level.probability >= 1.0) {
    std::ostringstream found;
    found << level.probability;
    throw InputError(text::both("errors.service_level.probability", {{"where", probability.where()},
                                                                     {"found", found.str()}}));
  }
  if (const auto idle = doc.find("service_level", "max_idle_share")) level.max_idle_share = idle->as_number(0.0, 1.0);
  level.source = doc.require("service_level", "source").as_string();
  if (const auto days = doc.find("service_level", "childcare_wait_days")) level.childcare_wait_days = days->as_number(0.0, 3650.0);
  if (const auto share = doc.find("service_level", "childcare_max_share_waiting"))
    level.childcare_max_share_waiting = share->as_number(0.0, 1.0);
  return level;
}

}  // namespace carecap::scenarios
