// carecap. SPDX-License-Identifier: MIT
#include "scenarios/loader/TableCache.hpp"

#include "scenarios/loader/Sha256.hpp"

namespace carecap::scenarios {

std::string TableCache::sha256(const std::string& path) {
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (const auto found = digests_.find(path); found != digests_.end()) return found->second;
  }
  std::string digest = sha256_of_file(path);
  const std::lock_guard<std::mutex> lock(mutex_);
  return digests_.emplace(path, std::move(digest)).first->second;
}

}  // namespace carecap::scenarios
