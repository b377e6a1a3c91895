// carecap. SPDX-License-Identifier: MIT
#include "tools/run/ErrorReport.hpp"

#include <iostream>

#include "sim/Errors.hpp"

namespace carecap::tools {

Failure Failure::current() {
  Failure failure;
  failure.original = std::current_exception();
  try {
    throw;
  } catch (const InputError& e) {
    failure.kind = ErrorKind::input;
    failure.message = e.what();
  } catch (const RuntimeFault& e) {
    failure.kind = ErrorKind::fault;
    failure.message = e.what();
  } catch (const std::exception& e) {
    failure.message = e.what();
  } catch (...) {
    failure.message = "unknown exception";
  }
  return failure;
}

void print_error(ErrorKind kind, const std::string& what) {
  std::string text = what;
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  for (std::size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at)) text.replace(at, 1, "; ");
  std::cerr << "carecap: " << (kind == ErrorKind::internal ? "internal error" : "error") << ": " << text << std::endl;
}

}  // namespace carecap::tools
