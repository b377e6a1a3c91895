// carecap. SPDX-License-Identifier: MIT
// scenario.toml of a county made by the form (CountyFiles.hpp), modelled on scenarios/beian/beian.toml.
#include <cmath>
#include <cstdio>

#include "text/TextArg.hpp"
#include "tools/serve/CountyFiles.hpp"
#include "tools/serve/CountySchema.hpp"
#include "tools/serve/FormText.hpp"

namespace carecap::serve {
namespace {

std::string fixed(double value, int decimals) {
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  return text;
}

FormPlace field_place(std::string field) { return FormPlace::at_field(std::move(field)); }
FormPlace advanced_place(std::string id) { return FormPlace::at_advanced(std::move(id)); }

/// The comment of an assumption: its source in English (the Chinese is in source_zh lines).
std::string assumption(const AdvancedItem& item) { return "   # ASSUMPTION: " + item.source.en; }

const AdvancedItem& item(const std::string& id) {
  for (const AdvancedItem& a : county_advanced())
    if (a.id == id) return a;
  return county_advanced().front();
}

/// The sum of a grid's column, when every non-empty cell of it is a number; nothing when none is given.
std::optional<double> column_sum(const CountyForm& form, const std::string& grid, std::initializer_list<std::size_t> columns) {
  std::optional<double> sum;
  for (const auto& row : form.grid(grid))
    for (const std::size_t c : columns)
      if (const auto n = form_number(row[c]); n && !row[c].empty()) sum = sum.value_or(0) + n->value;
  return sum;
}

}  // namespace

MappedFile scenario_file(const CountyForm& form, const FormYears& years, const FoundFigures& found) {
  MappedFile f;
  const text::Text label{form.label_zh, form.label_en.empty() ? form.label_zh : form.label_en};
  const auto advanced = [&](const std::string& id) { return toml_number(form.advanced.at(id)); };
  const auto keyed = [&](const std::string& stem) {
    return "{ general = " + advanced(stem + "_general") + ", nursing = " + advanced(stem + "_nursing") +
           ", dementia = " + advanced(stem + "_dementia") + " }";
  };
  const text::Text plan_source = text::both("serve.county.written.plan_source", {{"label", label}});
  const text::Text assumed = text::both("serve.county.written.assumption_source");
  const auto sources = [&](const text::Text& words) {
    f.add("source = " + toml_string(words.en));
    f.add("source_zh = " + toml_string(words.zh));
  };
  const int first_year = years.base_year + 1;  // the plan's figures are for the end of the base year

  f.add("# " + label.zh + " (" + label.en + "): made by carecap serve's new-county form from the plan's figures");
  f.add("# (form.json holds the form as entered). Every value the plan does not give is marked ASSUMPTION,");
  f.add("# with its source; national rates: national/china.toml (UN WPP 2024 and China's care defaults).");
  f.add("base = \"national/china.toml\"");
  f.add("");
  f.add("[scenario]");
  f.add("name = " + toml_string(form.name), field_place("name"));
  f.add("label_zh = " + toml_string(label.zh), field_place("label_zh"));
  f.add("label_en = " + toml_string(label.en), field_place(form.label_en.empty() ? "label_zh" : "label_en"));
  f.add("description = " + toml_string(text::both("serve.county.written.description", {{"label", label}}).en));
  f.add("");
  f.add("[projection]");
  f.add("base_date = " + std::to_string(first_year) + "-01-01   # the end of " + std::to_string(years.base_year) +
            ", the plan's base figures", field_place("base_year"));
  f.add("end_year = " + std::to_string(years.end_year), field_place("end_year"));
  f.add("");
  f.add("[population]");
  f.add("base_file = \"data/population_base.csv\"   # carecap synth-pop population_groups.toml", field_place("population"));
  f.add("");
  f.add("[fertility]");
  f.add("# ASSUMPTION: China's 2024 age pattern of fertility at the TFR, held constant, that makes " +
        fixed(found.births, 0) + " births in " + std::to_string(found.births_year) + " (carecap calibrate, [calibration]).");
  f.add("age_profile_file = \"national/data/china_wpp2024/mother_age_profile_2024.csv\"   # UN WPP 2024: 2024 ASFR / TFR");
  f.add("tfr_path = [[" + std::to_string(first_year) + ", " + fixed(found.tfr, 4) + "], [" + std::to_string(years.end_year) +
            ", " + fixed(found.tfr, 4) + "]]   # carecap calibrate: " + fixed(found.births, 0) + " births in " +
            std::to_string(found.births_year), field_place("births"));
  f.add("");
  f.add("[migration]");
  f.add("closed = true   # ASSUMPTION: the plan gives no migration figure");
  f.add("");

  const std::vector<CountyTown> towns = county_towns(form);
  std::vector<double> shares(towns.size(), 1.0 / static_cast<double>(towns.size()));
  bool by_population = true;
  double people = 0;
  for (const CountyTown& t : towns) {
    by_population = by_population && t.population && *t.population > 0;
    people += t.population.value_or(0);
  }
  if (by_population)
    for (std::size_t i = 0; i < towns.size(); ++i) shares[i] = *towns[i].population / people;
  std::string regions, share_list, labels_zh, labels_en;
  double written = 0;
  for (std::size_t i = 0; i < towns.size(); ++i) {
    const std::string sep = i ? ", " : "";
    double share = std::round(shares[i] * 1e6) / 1e6;
    if (i + 1 == towns.size()) share = std::round((1.0 - written) * 1e6) / 1e6;
    written += share;
    regions += sep + toml_string(towns[i].name);
    share_list += sep + fixed(share, 6);
    labels_zh += sep + toml_string(towns[i].name) + " = " + toml_string(towns[i].name);
    labels_en += sep + toml_string(towns[i].name) + " = " + toml_string(towns[i].label_en.empty() ? towns[i].name : towns[i].label_en);
  }
  const FormPlace towns_place = FormPlace::at_cell("towns", towns.front().row, "town");
  f.add("[supply]");
  f.add("regions = [" + regions + "]", towns_place);
  f.add("demand_share = [" + share_list + "]   # ASSUMPTION: demand shares by town " +
            (by_population ? "follow the towns' population" : "equal (the form gives no population by town)"),
        FormPlace::at_cell("towns", towns.front().row, "population"));
  f.add("region_label_zh = { " + labels_zh + " }", towns_place);
  f.add("region_label_en = { " + labels_en + " }", FormPlace::at_cell("towns", towns.front().row, "label_en"));
  f.add("facilities_file = \"data/facilities.csv\"", FormPlace::at_cell("beds", 1, ""));
  f.add("childcare_file = \"data/childcare.csv\"", FormPlace::at_cell("childcare", 1, ""));
  f.add("plan_file = \"data/projects.csv\"", FormPlace::at_cell("projects", 1, ""));
  f.add("build_lag_years = " + advanced("build_lag_years") + assumption(item("build_lag_years")), advanced_place("build_lag_years"));
  f.add("renovation = \"convert_general_to_nursing\"   # ASSUMPTION: a renovation converts general beds to nursing beds");
  f.add("project_bed_type = \"nursing\"   # ASSUMPTION: new elderly-care projects add nursing-type beds");
  f.add("missing_capacity = \"investment_per_bed\"   # a project without a bed count: its investment at the list's cost per bed");
  f.add("operating_cost_yuan_per_bed_year = " + keyed("operating_cost") + assumption(item("operating_cost_general")),
        advanced_place("operating_cost_general"));
  sources(plan_source);  // the assumptions are marked on their lines
  f.add("");
  f.add("[capacity]");
  f.add("last_year = " + std::to_string(years.end_year), field_place("end_year"));
  f.add("replications = " + advanced("replications"), advanced_place("replications"));
  f.add("stay_mean_years = " + keyed("stay_mean_years") + assumption(item("stay_mean_years_general")),
        advanced_place("stay_mean_years_general"));
  f.add("stay_death_share = " + keyed("stay_death_share") + assumption(item("stay_death_share_general")),
        advanced_place("stay_death_share_general"));
  for (const char* id : {"mean_patience_years", "waiting_death_rate", "priority_share"})
    f.add(std::string(id) + " = " + advanced(id) + assumption(item(id)), advanced_place(id));
  f.add("# No initial_occupancy: the plan gives beds, not residents; beds start as the base year's demand fills them.");
  sources(assumed);
  f.add("");
  f.add("[childcare_capacity]");
  f.add("place_band_share = { months_0_5 = 0.0, months_6_12 = " + advanced("place_band_share_6_12") + ", months_13_24 = " +
            advanced("place_band_share_13_24") + ", months_25_36 = " + advanced("place_band_share_25_36") + " }" +
            assumption(item("place_band_share_6_12")), advanced_place("place_band_share_6_12"));
  f.add("withdrawal_rate = " + advanced("childcare_withdrawal_rate") + assumption(item("childcare_withdrawal_rate")),
        advanced_place("childcare_withdrawal_rate"));
  f.add("mean_patience_years = " + advanced("childcare_mean_patience_years") + assumption(item("childcare_mean_patience_years")),
        advanced_place("childcare_mean_patience_years"));
  f.add("projects_affordable = true   # ASSUMPTION: the list's childcare centres are affordable (public funding)");
  sources(assumed);
  f.add("");

  const text::Text document = text::both("serve.county.written.document", {{"label", label}});
  f.add("# The plan's own figures, for `carecap check-plan` and the run summary's plan check.");
  f.add("[plan_facts]");
  f.add("document = " + toml_string(document.zh));
  f.add("year = " + std::to_string(years.base_year), field_place("base_year"));
  f.add("population = " + toml_number(form.field("population")), field_place("population"));
  if (const auto elders = form_number(form.field("age_60_plus")); elders && elders->share) {
    const auto total = form_number(form.field("population"));
    if (total) f.add("age_60_plus = " + number_text(std::round(elders->value * total->value)), field_place("age_60_plus"));
    f.add("share_60_plus = " + number_text(elders->value), field_place("age_60_plus"));
  } else {
    f.add("age_60_plus = " + toml_number(form.field("age_60_plus")), field_place("age_60_plus"));
  }
  if (const auto under_3 = form_number(form.field("age_0_2")); under_3 && !under_3->share)
    f.add("age_0_2 = " + number_text(under_3->value), field_place("age_0_2"));
  if (const auto beds = column_sum(form, "beds", {4, 5, 6}))
    f.add("elderly_care_beds = " + number_text(*beds), FormPlace::at_cell("beds", 1, "general_beds"));
  if (const auto places = column_sum(form, "childcare", {3, 4, 5}))
    f.add("childcare_places = " + number_text(*places), FormPlace::at_cell("childcare", 1, "places_6_12"));
  if (const auto enrolled = column_sum(form, "childcare", {6}))
    f.add("childcare_enrolled = " + number_text(*enrolled), FormPlace::at_cell("childcare", 1, "enrolled"));
  sources(plan_source);
  const auto& targets = form.grid("targets");
  for (std::size_t r = 0; r < targets.size(); ++r) {
    const auto& row = targets[r];
    bool any = false;
    for (const std::string& cell : row) any = any || !cell.empty();
    if (!any) continue;
    const int at = static_cast<int>(r) + 1;
    f.add("");
    f.add("[[plan_targets]]", FormPlace::at_cell("targets", at, ""));
    f.add("year = " + toml_number(row[0]), FormPlace::at_cell("targets", at, "year"));
    const GridSpec& spec = *find_grid("targets");
    for (std::size_t c = 1; c < spec.columns.size(); ++c)
      if (!row[c].empty())
        f.add(std::string(spec.columns[c].id) + " = " + toml_number(row[c]), FormPlace::at_cell("targets", at, std::string(spec.columns[c].id)));
    sources(plan_source);
  }
  f.add("");
  const text::Text how = text::both(found.births_given ? "serve.county.written.births_given" : "serve.county.written.births_cohort");
  f.add("[calibration]");
  f.add("births = " + (found.births_given ? toml_number(form.field("births")) : number_text(std::round(found.births))) +
            (found.births_given ? "" : "   # ASSUMPTION: the base population's age-0 cohort (synth-pop)"),
        field_place(found.births_given ? "births" : "age_0_2"));
  f.add("births_year = " + std::to_string(found.births_year), field_place("births_year"));
  sources(text::both("serve.county.written.births_source", {{"how", how}}));
  return f;
}

}  // namespace carecap::serve
