// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <stdexcept>
#include <string>

namespace carecap {

/// The user's fault: a scenario, table or option that cannot be used. The CLI exits with 2.
/// The message is one line naming the file and the line or key, what was expected and what was found.
class InputError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

/// A fault found while running a valid scenario (a model that cannot proceed). The CLI exits with 1.
class RuntimeFault : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

}  // namespace carecap
