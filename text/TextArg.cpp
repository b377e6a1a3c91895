// carecap. SPDX-License-Identifier: MIT
#include "text/TextArg.hpp"

#include <fmt/args.h>
#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

namespace carecap::text {
namespace {

const Text& templates_of(std::string_view id) {
  const std::vector<Entry>& all = entries();  // sorted by id
  const auto at = std::lower_bound(all.begin(), all.end(), id, [](const Entry& e, std::string_view k) { return e.id < k; });
  if (at == all.end() || at->id != id) throw std::logic_error("message catalogue: no message " + std::string(id));
  return at->text;
}

std::string filled(std::string_view id, const std::string& template_text, std::initializer_list<TextArg> args,
                   Lang lang) {
  fmt::dynamic_format_arg_store<fmt::format_context> store;
  for (const TextArg& arg : args) store.push_back(fmt::arg(arg.name, std::string_view(arg.value.in(lang))));
  try {
    return fmt::vformat(template_text, store);
  } catch (const fmt::format_error& error) {
    throw std::logic_error(std::string(id) + ": message catalogue: \"" + template_text + "\": " + error.what());
  }
}

}  // namespace

Text both(std::string_view id, std::initializer_list<TextArg> args) {
  const Text& templates = templates_of(id);
  return {filled(id, templates.zh, args, Lang::zh), filled(id, templates.en, args, Lang::en)};
}

}  // namespace carecap::text
