// carecap. SPDX-License-Identifier: MIT
#include "tools/cli/Cli11Words.hpp"

#include <memory>
#include <string>

#include "text/MessageId.hpp"
#include "text/TextArg.hpp"  // text::same
#include "tools/run/OutcomeFormat.hpp"  // display_width

namespace carecap::tools {
namespace {

/// `text` and spaces to `width` terminal columns (CJK characters take two; CLI11 counts bytes).
std::string padded(const std::string& text, std::size_t width) {
  const std::size_t w = display_width(text);
  return text + std::string(w < width ? width - w : 0, ' ');
}

/// CLI11's formatter with the columns of the help aligned in terminal columns, so that Chinese
/// descriptions line up, and an option's value named by its check's words when it has one
/// ("INT from 1 to 100000", "整数，1 到 100000") rather than "INT:INT from 1 to 100000".
class HelpFormatter : public CLI::Formatter {
public:
  std::string make_option(const CLI::Option* opt, bool is_positional) const override {
    const std::string name = "  " + make_option_name(opt, is_positional) + make_option_opts(opt);
    const std::size_t wid = get_column_width();
    std::string out = display_width(name) >= wid ? name + "\n" + std::string(wid, ' ') : padded(name, wid);
    for (const char c : make_option_desc(opt)) {
      out += c;
      if (c == '\n') out += std::string(wid, ' ');
    }
    return out + "\n";
  }

  std::string make_option_opts(const CLI::Option* opt) const override {
    if (opt->get_type_size() == 0) return {};  // a flag
    const std::string type = opt->get_type_name();
    const std::size_t colon = type.find(':');
    std::string out = " " + (colon == std::string::npos ? get_label(type) : type.substr(colon + 1));
    if (!opt->get_default_str().empty()) out += "=" + opt->get_default_str();
    if (opt->get_required()) out += " " + get_label("REQUIRED");
    return out;
  }
};

/// `sub` and every subcommand below it: the formatter (each App holds its own pointer, copied
/// from its parent when it was made), the help flag's description and the group headings.
void relabel(CLI::App& sub, const std::shared_ptr<HelpFormatter>& formatter, text::Lang lang) {
  sub.formatter(formatter);
  const std::string options = text::say(lang, "cli.help.group.options");
  if (CLI::Option* help = sub.get_help_ptr()) help->description(text::say(lang, "cli.help.help_flag"));
  for (CLI::Option* option : sub.get_options())
    if (option->get_group() == "Options") option->group(options);
  for (CLI::App* child : sub.get_subcommands([](CLI::App*) { return true; })) {
    if (child->get_group() == "Subcommands") child->group(text::say(lang, "cli.help.group.subcommands"));
    relabel(*child, formatter, lang);
  }
}

/// `message` with its start `prefix` replaced: whether it started with it.
bool starts_with(const std::string& message, const std::string& prefix) { return message.rfind(prefix, 0) == 0; }
bool ends_with(const std::string& message, const std::string& suffix) {
  return message.size() >= suffix.size() && message.compare(message.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

void use_help_words(CLI::App& app, text::Lang lang) {
  const auto formatter = std::make_shared<HelpFormatter>();
  formatter->label("Usage", text::say(lang, "cli.help.label.usage"));
  formatter->label("OPTIONS", text::say(lang, "cli.help.label.options_badge"));
  formatter->label("SUBCOMMAND", text::say(lang, "cli.help.label.subcommand"));
  formatter->label("SUBCOMMANDS", text::say(lang, "cli.help.label.subcommands"));
  formatter->label("Positionals", text::say(lang, "cli.help.label.positionals"));
  formatter->label("REQUIRED", text::say(lang, "cli.help.label.required"));
  formatter->label("TEXT", text::say(lang, "cli.help.label.text"));
  formatter->label("INT", text::say(lang, "cli.help.label.int"));
  formatter->label("UINT", text::say(lang, "cli.help.label.uint"));
  if (CLI::Option* version = app.get_option_no_throw("--version"))
    version->description(text::say(lang, "cli.help.version_flag"));
  relabel(app, formatter, lang);
}

text::Text parse_error_text(const CLI::ParseError& error) {
  const std::string message = error.what();  // the English stays CLI11's own
  const auto zh = [&message](const char* id, const char* name, const std::string& value) {
    return text::Text{text::say(text::Lang::zh, id, {{name, value}}), message};
  };
  for (const char* prefix : {"The following arguments were not expected: ", "The following argument was not expected: "})
    if (starts_with(message, prefix))
      return zh(text::say_id("errors.option.not_expected"), "words", message.substr(std::string(prefix).size()));
  if (message == "A subcommand is required") return {text::say(text::Lang::zh, "errors.option.subcommand_required"), message};
  if (const std::string suffix = " is required"; ends_with(message, suffix))
    return zh(text::say_id("errors.option.required"), "name", message.substr(0, message.size() - suffix.size()));
  if (const std::string prefix = "Could not convert: "; starts_with(message, prefix))
    return zh(text::say_id("errors.option.not_converted"), "what", message.substr(prefix.size()));
  return text::same(message);
}

}  // namespace carecap::tools
