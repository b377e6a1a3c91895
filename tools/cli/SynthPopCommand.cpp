// carecap. SPDX-License-Identifier: MIT
#include "tools/cli/SynthPopCommand.hpp"

#include <cstdio>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "models/demography/SyntheticPopulation.hpp"
#include "output/OutputLock.hpp"
#include "output/TextFile.hpp"
#include "scenarios/loader/PopulationGroupsLoader.hpp"
#include "sim/Errors.hpp"
#include "text/TextArg.hpp"
#include "tools/run/OutcomeFormat.hpp"
#include "tools/run/PopulationCsv.hpp"

namespace carecap::tools {

namespace {
/// `text` padded with spaces to `width` terminal columns (CJK characters take two).
std::string padded(const std::string& text, std::size_t width, bool right) {
  const std::size_t w = display_width(text);
  const std::string fill(w < width ? width - w : 0, ' ');
  return right ? fill + text : text + fill;
}
}  // namespace

void synth_pop_command(const std::string& groups_path, const std::string& output_path, bool force, text::Lang lang) {
  const scenarios::PopulationGroupsFile file = scenarios::read_population_groups(groups_path);
  const output::OutputLock claim =  // for the whole command
      output::claim_output(output_path, force, {groups_path, file.standard_path});
  demography::AgeSexTable population;
  try {
    population = demography::synthesize_population(file.groups, file.standard);
  } catch (const InputError& e) {
    throw InputError(text::both("errors.synth_pop.groups", {{"path", text::same(groups_path)}, {"error", {e.zh(), e.what()}}}));
  }
  output::write_text_file(output_path, population_csv(population), force);

  std::cout << text::say(lang, "cli.synth_pop.started",
                         {{"groups", groups_path}, {"output", output_path}, {"standard", file.standard_path}})
            << "\n";
  std::cout << padded(text::say(lang, "cli.synth_pop.figure"), 44, false)
            << padded(text::say(lang, "cli.synth_pop.given"), 16, true)
            << padded(text::say(lang, "cli.synth_pop.result"), 16, true) << "\n";
  auto row = [](const std::string& name, double given, double result, int decimals) {
    std::cout << padded(name, 44, false) << std::right << std::fixed << std::setprecision(decimals) << std::setw(16)
              << given << std::setw(16) << result << "\n";
  };
  row(text::say(lang, "cli.synth_pop.total"), file.groups.total, population.sum_both(), 0);
  for (const auto& g : file.groups.groups)
    row(text::say(lang, "cli.synth_pop.group", {{"name", g.name}, {"first", g.first_age}, {"last", g.last_age}}),
        g.persons, population.sum_both(g.first_age, g.last_age), 0);
  const double ratio = 100.0 * population.sum(demography::Sex::male) / population.sum(demography::Sex::female);
  std::ostringstream ratio_text;
  ratio_text << std::fixed << std::setprecision(2) << ratio;
  if (file.groups.sex_ratio) row(text::say(lang, "cli.synth_pop.sex_ratio"), *file.groups.sex_ratio, ratio, 2);
  else std::cout << text::say(lang, "cli.synth_pop.sex_ratio_of_standard", {{"ratio", ratio_text.str()}}) << "\n";
}

}  // namespace carecap::tools
