// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <exception>
#include <string>

#include "text/Catalogue.hpp"

namespace carecap::tools {

/// What ended a command: the exit status and the words of its message follow from it.
enum class ErrorKind : char {
  input = 1,     // bad input (InputError): exit 2, "carecap: error: ..."
  fault = 2,     // a failure while running (RuntimeFault): exit 1, "carecap: error: ..."
  internal = 3,  // any other exception: exit 1, "carecap: internal error: ..."
};

/// An error caught on one process, to be shared with the others (MpiSession::stop_if_any).
struct Failure {
  std::exception_ptr original;  // none: no failure; else rethrown on the process where it happened
  ErrorKind kind = ErrorKind::internal;
  text::Text message;           // in both languages (the English words in both for an error raised in English only)

  /// The exception being handled; call it only inside a catch block.
  [[nodiscard]] static Failure current();
};

/// The message of the exception being handled in both languages: a BilingualError's (InputError,
/// RuntimeFault) two, any other exception's what() in both; call it only inside a catch block.
[[nodiscard]] text::Text current_error_message();

/// Prints the error that ends a command as one line on stderr in `lang`: "carecap: error: WHAT"
/// ("carecap：错误：WHAT"; bad input or a failure while running) or "carecap: internal error: WHAT";
/// line breaks in WHAT become "; ".
void print_error(ErrorKind kind, const text::Text& what, text::Lang lang);

/// The same in English, for a message in English only.
void print_error(ErrorKind kind, const std::string& what);

}  // namespace carecap::tools
