// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <stdexcept>
#include <string>
#include <utility>

namespace carecap {

/// An error whose message travels in Chinese and English, so that the command prints the
/// language its user reads (tools/run/ErrorReport). what() is the English message (logs, tests);
/// zh() the Chinese one. The words come from the message catalogue (text/messages/errors.toml)
/// as a text::Text, which sim may not name: any value holding strings `zh` and `en` is accepted.
class BilingualError : public std::runtime_error {
public:
  /// A message in English only (not in the catalogue yet): Chinese readers get the same words.
  explicit BilingualError(const std::string& en) : std::runtime_error(en) {}
  explicit BilingualError(const char* en) : std::runtime_error(en) {}
  /// The message in both languages (a text::Text from text::both).
  template <typename Words, typename = decltype(std::declval<const Words&>().zh),
            typename = decltype(std::declval<const Words&>().en)>
  explicit BilingualError(const Words& words) : std::runtime_error(words.en), zh_(words.zh) {}

  /// The Chinese message; the English one when the error was raised in English only.
  [[nodiscard]] const char* zh() const noexcept { return zh_.empty() ? what() : zh_.c_str(); }
  /// Whether the error was raised in both languages.
  [[nodiscard]] bool has_zh() const noexcept { return !zh_.empty(); }

private:
  std::string zh_;
};

/// The user's fault: a scenario, table or option that cannot be used. The CLI exits with 2.
/// The message is one line naming the file and the line or key, what was expected and what was found.
class InputError : public BilingualError {
public:
  using BilingualError::BilingualError;
};

/// A fault found while running a valid scenario (a model that cannot proceed). The CLI exits with 1.
class RuntimeFault : public BilingualError {
public:
  using BilingualError::BilingualError;
};

}  // namespace carecap
