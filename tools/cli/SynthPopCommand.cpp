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

namespace carecap::tools {

void synth_pop_command(const std::string& groups_path, const std::string& output_path, bool force) {
  const scenarios::PopulationGroupsFile file = scenarios::read_population_groups(groups_path);
  const output::OutputLock claim =  // for the whole command
      output::claim_output(output_path, force, {groups_path, file.standard_path});
  demography::AgeSexTable population;
  try {
    population = demography::synthesize_population(file.groups, file.standard);
  } catch (const InputError& e) {
    throw InputError(groups_path + ": population_groups." + e.what());
  }
  std::ostringstream csv;
  csv << "age,male,female\n";
  for (int a = 0; a < demography::kAgeCount; ++a) {
    char line[96];
    std::snprintf(line, sizeof line, "%d,%.6f,%.6f\n", a, population[demography::Sex::male][static_cast<std::size_t>(a)],
                  population[demography::Sex::female][static_cast<std::size_t>(a)]);
    csv << line;
  }
  output::write_text_file(output_path, csv.str(), force);

  std::cout << "carecap synth-pop: " << groups_path << " -> " << output_path << " (standard: " << file.standard_path
            << ")\n";
  std::cout << std::left << std::setw(44) << "figure" << std::right << std::setw(16) << "given" << std::setw(16)
            << "result" << "\n";
  auto row = [](const std::string& name, double given, double result, int decimals) {
    std::cout << std::left << std::setw(44) << name << std::right << std::fixed << std::setprecision(decimals)
              << std::setw(16) << given << std::setw(16) << result << "\n";
  };
  row("total", file.groups.total, population.sum_both(), 0);
  for (const auto& g : file.groups.groups)
    row(g.name + " (ages " + std::to_string(g.first_age) + "-" + std::to_string(g.last_age) + ")", g.persons,
        population.sum_both(g.first_age, g.last_age), 0);
  const double ratio = 100.0 * population.sum(demography::Sex::male) / population.sum(demography::Sex::female);
  if (file.groups.sex_ratio) row("sex_ratio (males per 100 females)", *file.groups.sex_ratio, ratio, 2);
  else std::cout << "sex ratio (males per 100 females), from the standard: " << std::fixed << std::setprecision(2) << ratio << "\n";
}

}  // namespace carecap::tools
