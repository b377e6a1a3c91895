// carecap. SPDX-License-Identifier: MIT
#include "tools/run/ErrorReport.hpp"

#include <iostream>

#include "sim/Errors.hpp"

namespace carecap::tools {

text::Text current_error_message() {
  try {
    throw;
  } catch (const BilingualError& e) {
    return {e.zh(), e.what()};
  } catch (const std::exception& e) {
    return text::Text{e.what(), e.what()};
  } catch (...) {
    return text::both("errors.unknown_exception");
  }
}

Failure Failure::current() {
  Failure failure;
  failure.original = std::current_exception();
  failure.message = current_error_message();
  try {
    throw;
  } catch (const InputError&) {
    failure.kind = ErrorKind::input;
  } catch (const RuntimeFault&) {
    failure.kind = ErrorKind::fault;
  } catch (...) {
  }
  return failure;
}

void print_error(ErrorKind kind, const text::Text& what, text::Lang lang) {
  std::string line = what.in(lang);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  for (std::size_t at = line.find('\n'); at != std::string::npos; at = line.find('\n', at)) line.replace(at, 1, "; ");
  std::cerr << (kind == ErrorKind::internal ? text::say(lang, "common.internal_error_prefix")
                                            : text::say(lang, "common.error_prefix"))
            << line << std::endl;
}

void print_error(ErrorKind kind, const std::string& what) { print_error(kind, text::Text{what, what}, text::Lang::en); }

}  // namespace carecap::tools
