// carecap. SPDX-License-Identifier: MIT
#include "text/Catalogue.hpp"

#include <fmt/args.h>
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <utility>
#include <stdexcept>
#include <toml++/toml.h>

extern "C" {
extern const char carecap_catalogue_begin[], carecap_catalogue_end[];
}

namespace carecap::text {

namespace {

/// Collects every table holding string `zh` and `en` keys as an entry named by its dotted path.
void collect(const toml::table& table, const std::string& prefix, std::vector<Entry>& out) {
  const auto* zh = table.get_as<std::string>("zh");
  const auto* en = table.get_as<std::string>("en");
  if (zh || en) {
    if (!zh || !en || table.size() != 2)
      throw std::logic_error("message catalogue: " + prefix + ": expected exactly the strings zh and en");
    out.push_back({prefix, {zh->get(), en->get()}});
    return;
  }
  for (const auto& [key, node] : table) {
    const std::string id = prefix.empty() ? std::string(key.str()) : prefix + "." + std::string(key.str());
    if (const auto* inner = node.as_table())
      collect(*inner, id, out);
    else
      throw std::logic_error("message catalogue: " + id + ": expected a table of zh and en");
  }
}

struct Catalogue {
  std::vector<Entry> sorted;
  std::map<std::string, std::size_t, std::less<>> index;
  std::map<std::pair<std::string, std::string>, std::size_t> by_english;  // (id's prefix, en) -> entry
};

const Catalogue& catalogue() {
  static const Catalogue loaded = [] {
    const std::string_view data(carecap_catalogue_begin,
                                static_cast<std::size_t>(carecap_catalogue_end - carecap_catalogue_begin));
    Catalogue c;
    try {
      collect(toml::parse(data, std::string_view("text/messages")), "", c.sorted);
    } catch (const toml::parse_error& error) {
      throw std::logic_error("message catalogue: line " + std::to_string(error.source().begin.line) + ": " +
                             std::string(error.description()));
    }
    std::sort(c.sorted.begin(), c.sorted.end(), [](const Entry& a, const Entry& b) { return a.id < b.id; });
    for (std::size_t i = 0; i < c.sorted.size(); ++i) {
      const std::string& id = c.sorted[i].id;
      c.index.emplace(id, i);
      c.by_english.emplace(std::make_pair(id.substr(0, id.rfind('.')), c.sorted[i].text.en), i);
    }
    return c;
  }();
  return loaded;
}

const Text& lookup(std::string_view id) {
  const auto& c = catalogue();
  const auto at = c.index.find(id);
  if (at == c.index.end()) throw std::logic_error("message catalogue: no message " + std::string(id));
  return c.sorted[at->second].text;
}

/// Fills `template_text` from `args`.
std::string fill_in(std::string_view template_text, Args args) {
  fmt::dynamic_format_arg_store<fmt::format_context> store;
  for (const Arg& arg : args) store.push_back(fmt::arg(arg.name, arg.value));
  try {
    return fmt::vformat(fmt::string_view(template_text.data(), template_text.size()), store);
  } catch (const fmt::format_error& error) {
    throw std::logic_error("message catalogue: \"" + std::string(template_text) + "\": " + error.what());
  }
}

}  // namespace

std::string fill(std::string_view template_text, Args args) { return fill_in(template_text, args); }

std::string say(Lang lang, std::string_view id, Args args) {
  try {
    return fill(lookup(id).in(lang), args);
  } catch (const std::logic_error& error) {
    throw std::logic_error(std::string(id) + ": " + error.what());
  }
}

Text both(std::string_view id, Args args) { return {say(Lang::zh, id, args), say(Lang::en, id, args)}; }

const std::vector<Entry>& entries() { return catalogue().sorted; }

Text by_english(std::string_view prefix, const std::string& english) {
  const auto& c = catalogue();
  const auto at = c.by_english.find(std::make_pair(std::string(prefix), english));
  return at == c.by_english.end() ? Text{english, english} : c.sorted[at->second].text;
}

std::vector<Entry> entries_under(std::string_view prefix) {
  std::vector<Entry> out;
  const std::string start = std::string(prefix) + ".";
  for (const Entry& e : entries())
    if (e.id.compare(0, start.size(), start) == 0) out.push_back(e);
  return out;
}

}  // namespace carecap::text
