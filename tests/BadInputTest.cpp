// carecap. SPDX-License-Identifier: MIT
// Bad-input suite: runs the carecap binary on every broken scenario in tests/bad_inputs/ and
// checks that it is rejected as bad input (exit status 2) with a single-line message that names
// the offending file and the key or 'file:LINE' at fault, before any output is written. The
// command line's own promises (options, output files) are in CliTest.cpp.
#include <doctest/doctest.h>

#include "CliRunner.hpp"
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

using namespace carecap::testing;

namespace {

const fs::path kBadInputDir = kSourceDir / "tests" / "bad_inputs";

/// One broken scenario: the file to run, what is wrong with it, the file the error must name
/// (relative to tests/bad_inputs/) and a substring the error must contain (the key or FILE:LINE).
struct BadInput {
  const char* scenario;
  const char* fault;
  const char* offending_file;
  const char* expected;
};

// clang-format off
const std::vector<BadInput> kBadInputs{
  // Scenario files: structure, keys and values.
  {"missing_base_scenario.toml", "its base scenario file does not exist",
   "missing_base_scenario.toml", "missing_base_scenario.toml:2: base:"},
  {"missing_base_file.toml", "its population.base_file does not exist",
   "missing_base_file.toml", "missing_base_file.toml:5: population.base_file:"},
  {"malformed_toml.toml", "it is not valid TOML",
   "malformed_toml.toml", "malformed_toml.toml:4: malformed TOML"},
  {"unknown_key.toml", "it has a misspelt key in a known section",
   "unknown_key.toml", "unknown_key.toml:5: projection.end_yaer: unknown key"},
  {"source_zh_empty.toml", "its Chinese source text is blank",
   "source_zh_empty.toml", "source_zh_empty.toml:7: plan_facts.source_zh:"},
  {"unknown_section.toml", "it has a section the schema does not know",
   "unknown_section.toml", "unknown_section.toml:4: outputs: unknown key"},
  {"section_not_a_table.toml", "a section is given as a plain value",
   "section_not_a_table.toml", "section_not_a_table.toml:3: projection:"},
  {"base_not_a_string.toml", "its base key is not a string",
   "base_not_a_string.toml", "base_not_a_string.toml:2: base:"},
  {"base_cycle_a.toml", "its base chain returns to itself (a -> b -> a)",
   "base_cycle_a.toml", "cycle of 'base' keys"},
  {"base_cycle_b.toml", "its base chain returns to itself (b -> a -> b)",
   "base_cycle_b.toml", "cycle of 'base' keys"},
  {"missing_required_key.toml", "it lacks projection.end_year and has no base to supply it",
   "missing_required_key.toml", "projection.end_year: missing required key"},
  {"wrong_type_end_year.toml", "its end_year is a string",
   "wrong_type_end_year.toml", "wrong_type_end_year.toml:5: projection.end_year:"},
  {"wrong_type_base_date.toml", "its base_date is a string, not a TOML date",
   "wrong_type_base_date.toml", "wrong_type_base_date.toml:5: projection.base_date:"},
  {"base_date_not_jan1.toml", "its base date is not 1 January",
   "base_date_not_jan1.toml", "base_date_not_jan1.toml:5: projection.base_date:"},
  {"base_date_year_out_of_range.toml", "its base year is before 1950",
   "base_date_year_out_of_range.toml", "base_date_year_out_of_range.toml:5: projection.base_date:"},
  {"base_date_after_horizon.toml", "its horizon ends before its base date",
   "base_date_after_horizon.toml", "base_date_after_horizon.toml:6: projection.end_year:"},
  {"unknown_mode.toml", "its mode is neither deterministic nor stochastic",
   "unknown_mode.toml", "unknown_mode.toml:5: projection.mode:"},
  {"deterministic_with_replications.toml", "it asks for 10 replications of a deterministic run",
   "deterministic_with_replications.toml", "deterministic_with_replications.toml:6: projection.replications:"},
  {"zero_replications.toml", "it asks for zero replications",
   "zero_replications.toml", "zero_replications.toml:6: projection.replications:"},
  {"negative_srb.toml", "its sex ratio at birth is negative",
   "negative_srb.toml", "negative_srb.toml:5: fertility.sex_ratio_at_birth:"},
  {"conflicting_forms.toml", "it gives both asfr_file and age_profile_file",
   "conflicting_forms.toml", "conflicting_forms.toml:6: fertility.age_profile_file: conflicts with"},
  {"tfr_path_not_increasing.toml", "its tfr_path repeats a year",
   "tfr_path_not_increasing.toml", "tfr_path_not_increasing.toml:6: fertility.tfr_path:"},
  {"closed_false.toml", "it sets migration.closed = false",
   "closed_false.toml", "closed_false.toml:5: migration.closed:"},
  {"years_do_not_cover_horizon.toml", "its sex ratio at birth stops in 2050, before the 2100 horizon",
   "years_do_not_cover_horizon.toml", "years_do_not_cover_horizon.toml:5: fertility.sex_ratio_at_birth_file:"},
  // CSV tables.
  {"negative_mx.toml", "its mx table has a negative death rate",
   "negative_mx.csv", "negative_mx.csv:2: column 'mx'"},
  {"non_numeric_mx.toml", "its mx table has text where a rate belongs",
   "non_numeric_mx.csv", "non_numeric_mx.csv:3: column 'mx'"},
  {"unknown_sex.toml", "its mx table has a sex other than male or female",
   "unknown_sex.csv", "unknown_sex.csv:3: column 'sex'"},
  {"missing_csv_column.toml", "its mx table has no column 'mx'",
   "missing_csv_column.csv", "Missing column \"mx\""},
  {"ragged_row.toml", "a row of its mx table has one field too many",
   "ragged_row.csv", "ragged_row.csv:3"},
  {"header_only_csv.toml", "its mx table has a header and no rows",
   "header_only_csv.csv", "at least one data row"},
  {"mx_year_missing.toml", "its mx table lacks a year of the projection",
   "mx_year_missing.csv", "missing 2025"},
  {"nan_in_population.toml", "its base population holds a NaN",
   "nan_in_population.csv", "nan_in_population.csv:7: column 'male'"},
  {"negative_population.toml", "its base population holds a negative count",
   "negative_population.csv", "negative_population.csv:11: column 'female'"},
  {"age_table_gap.toml", "its base population has no row for age 50",
   "age_table_gap.csv", "no row for age 50"},
  {"age_table_duplicate.toml", "its base population has age 7 twice",
   "age_table_duplicate.csv", "age_table_duplicate.csv:10: duplicate row for age 7"},
  {"population_age_above_100.toml", "its base population has an age above 100",
   "population_age_above_100.csv", "population_age_above_100.csv:103: column 'age'"},
  {"asfr_age_outside_10_55.toml", "its ASFR table has a mother aged 56",
   "asfr_age_outside_10_55.csv", "asfr_age_outside_10_55.csv:3: column 'age'"},
  {"asfr_above_one.toml", "its ASFR table has more than one birth per woman-year",
   "asfr_above_one.csv", "asfr_above_one.csv:2: column 'asfr'"},
  {"srb_years_not_increasing.toml", "the years of its sex-ratio table go backwards",
   "srb_years_not_increasing.csv", "srb_years_not_increasing.csv:4: column 'year'"},
  {"profile_not_summing_to_one.toml", "its fertility age profile sums to 0.9",
   "profile_not_summing_to_one.csv", "summing to 1"},
  {"tfr_file_above_15.toml", "its TFR table has 16.5 children per woman",
   "tfr_file_above_15.csv", "tfr_file_above_15.csv:3: column 'tfr'"},
  // Supply, investment plan and capacity simulation (issue 4).
  {"facility_negative_capacity.toml", "a facility has -5 nursing beds",
   "facility_negative_capacity.csv", "facility_negative_capacity.csv:2: column 'nursing_beds'"},
  {"project_before_base_year.toml", "a project of 2015 opens before the base year",
   "project_before_base_year.csv", "project_before_base_year.csv:2: column 'year'"},
  {"closure_of_unknown_facility.toml", "a project closes facility F99, which does not exist",
   "closure_of_unknown_facility.csv", "closure_of_unknown_facility.csv:2: column 'notes'"},
  {"plan_unknown_region.toml", "a project is in a town that is not a region",
   "plan_unknown_region.csv", "plan_unknown_region.csv:2: column 'town_zh'"},
  {"invalid_stay.toml", "a mean length of stay is negative",
   "invalid_stay.toml", "invalid_stay.toml:5: capacity.stay_mean_years"},
  {"weibull_stay_without_shape.toml", "a Weibull stay has no shape",
   "weibull_stay_without_shape.toml", "weibull_stay_without_shape.toml:5: capacity.stay_distribution"},
  {"priority_share_above_one.toml", "the priority-class share is 1.2",
   "priority_share_above_one.toml", "priority_share_above_one.toml:5: capacity.priority_share"},
  {"conversion_exceeds_general_beds.toml", "a renovation converts 5,000 general beds where 230 exist",
   "conversion_exceeds_general_beds.csv", "conversion_exceeds_general_beds.csv:2: column 'capacity'"},
  {"closure_of_closed_facility.toml", "a project closes a facility an earlier project closed",
   "closure_of_closed_facility.csv", "closure_of_closed_facility.csv:3: column 'notes'"},
  {"plan_unknown_category.toml", "a project's category is misspelt",
   "plan_unknown_category.csv", "plan_unknown_category.csv:2: column 'category'"},
  {"demand_share_not_summing.toml", "the regions' shares of demand sum to 0.9",
   "demand_share_not_summing.toml", "demand_share_not_summing.toml:5: supply.demand_share"},
  // Observed residents at the base date: the facilities file's residents columns (issue 18).
  {"residents_negative.toml", "a facility has -3 residents",
   "residents_negative.csv", "residents_negative.csv:3: column 'residents' expected a finite number in 0.."},
  {"residents_not_whole.toml", "a facility has 120.5 residents in nursing beds",
   "residents_not_whole.csv", "residents_not_whole.csv:2: column 'residents_nursing' expected whole"},
  {"residents_above_beds_of_type.toml", "200 residents in a facility's 176 nursing beds",
   "residents_above_beds_of_type.csv",
   "residents_above_beds_of_type.csv:2: column 'residents_nursing' expected at most the facility's 176 nursing beds, "
   "got 200"},
  {"residents_some_types.toml", "a facility gives residents in two of its three bed types",
   "residents_some_types.csv",
   "residents_some_types.csv:4: columns 'residents_general', 'residents_nursing', 'residents_dementia' expected all "
   "three or none"},
  {"residents_total_above_beds.toml", "400 residents in a facility of 377 beds",
   "residents_total_above_beds.csv",
   "residents_total_above_beds.csv:5: column 'residents' expected at most the facility's 377 beds, got 400"},
  {"residents_total_not_sum.toml", "a facility's 1,600 residents are not its 1,500 by bed type",
   "residents_total_not_sum.csv",
   "residents_total_not_sum.csv:3: column 'residents' expected the sum of the residents by bed type, 1500, got 1600"},
  {"residents_not_every_facility.toml", "residents are given for four of the five facilities open at the base date",
   "residents_not_every_facility.csv",
   "residents_not_every_facility.csv: column 'residents' expected a count for every facility open on 1 January 2021 "
   "(or for none), got one for 'R4' and none for 'R3'"},
  {"residents_with_initial_occupancy.toml", "it gives both observed residents and capacity.initial_occupancy",
   "residents_with_initial_occupancy.toml",
   "residents_with_initial_occupancy.toml:8: capacity.initial_occupancy: expected no initial_occupancy"},
  // Childcare supply and the childcare simulation (issue 4).
  {"childcare_negative_places.toml", "a childcare provider has -10 places",
   "childcare_negative_places.csv", "childcare_negative_places.csv:2: column 'places_13_24'"},
  {"childcare_unknown_region.toml", "a childcare provider is in a town not among the regions",
   "childcare_unknown_region.csv", "childcare_unknown_region.csv:3: column 'region' expected a region"},
  {"childcare_project_closure.toml", "the plan lists a childcare closure",
   "childcare_project_closure.csv", "childcare_project_closure.csv:2: column 'build_type' expected new or renovation"},
  {"childcare_band_share_not_summing.toml", "the split of project places by band sums to 0.9",
   "childcare_band_share_not_summing.toml",
   "childcare_band_share_not_summing.toml:4: childcare_capacity.place_band_share: expected shares of places by band summing to 1"},
  {"childcare_month_weights_zero.toml", "every monthly application weight is 0",
   "childcare_month_weights_zero.toml", "childcare_month_weights_zero.toml:4: childcare_capacity.application_month_weight"},
  {"childcare_negative_enrolled.toml", "-5 children are enrolled at 6-12 months",
   "childcare_negative_enrolled.toml", "childcare_negative_enrolled.toml:4: childcare_capacity.initial_enrolled"},
  {"childcare_enrolled_above_places.toml", "420 children are enrolled in a provider's 407 places at 25-36 months",
   "childcare_enrolled_above_places.csv",
   "childcare_enrolled_above_places.csv:2: column 'enrolled_25_36' expected at most the provider's 407 places, "
   "got 420"},
  {"childcare_enrolled_not_whole.toml", "137.5 children are enrolled at 13-24 months",
   "childcare_enrolled_not_whole.csv", "childcare_enrolled_not_whole.csv:2: column 'enrolled_13_24' expected whole"},
  {"childcare_enrolled_before_opening.toml", "10 children are enrolled in 2021 in a provider opening in 2023",
   "childcare_enrolled_before_opening.csv",
   "childcare_enrolled_before_opening.csv:3: column 'enrolled_13_24' expected 0 for a provider opening in 2023, "
   "after the base year 2021, got 10"},
  {"childcare_enrolled_after_closing.toml", "10 children are enrolled in 2021 in a provider closed in 2020",
   "childcare_enrolled_after_closing.csv",
   "childcare_enrolled_after_closing.csv:3: column 'enrolled_13_24' expected 0 for a provider closed in 2020, "
   "by the base year 2021, got 10"},
  {"residents_not_open.toml", "90 residents in a facility that opens in 2023", "residents_not_open.csv",
   "residents_not_open.csv:7: column 'residents' expected 0 for a facility not open on 1 January 2021 (open 2023..), "
   "got 90"},
  {"childcare_enrolled_with_initial_enrolled.toml",
   "it gives the children enrolled both by provider and as initial_enrolled",
   "childcare_enrolled_with_initial_enrolled.toml",
   "childcare_enrolled_with_initial_enrolled.toml:8: childcare_capacity.initial_enrolled: expected the children "
   "enrolled either here or in the providers file's enrolled_* columns, got both"},
  {"improvement_rate_above_range.toml", "its mortality improves 10% a year, beyond the -0.05..0.05 it may",
   "improvement_rate_above_range.toml",
   "improvement_rate_above_range.toml:5: mortality.improvement_rate_per_year: expected a finite number in -0.05..0.05"},
  // The plan's own figures and calibration targets.
  {"plan_share_above_one.toml", "its plan states a share of 25 (a percent) where a fraction belongs",
   "plan_share_above_one.toml", "plan_share_above_one.toml:6: plan_facts.share_60_plus"},
  {"plan_targets_without_facts.toml", "it has [plan_targets] without [plan_facts]",
   "plan_targets_without_facts.toml", "plan_facts: missing"},
  {"plan_target_year_before_facts.toml", "its target year 2019 precedes the facts' year 2020",
   "plan_target_year_before_facts.toml", "plan_target_year_before_facts.toml:8: plan_targets.year"},
  {"plan_target_year_repeated.toml", "two [[plan_targets]] tables give the year 2025",
   "plan_target_year_repeated.toml",
   "plan_target_year_repeated.toml:12: plan_targets[1].year: expected a year no other [[plan_targets]] table gives, got "
   "2025 again (plan_targets[0].year)"},
  {"plan_target_year_after_horizon.toml", "a target year, 2050, lies after the projection's end (2035)",
   "plan_target_year_after_horizon.toml",
   "plan_target_year_after_horizon.toml:12: plan_targets[1].year: expected a year within the projection, 2021..2035"},
  {"plan_targets_table_after_tables.toml", "a [plan_targets] table over a base with [[plan_targets]] for two years",
   "plan_targets_table_after_tables.toml",
   "plan_targets_table_after_tables.toml:4: plan_targets: expected [[plan_targets]] tables"},
  {"plan_unknown_target.toml", "it has a misspelt target key",
   "plan_unknown_target.toml", "elderly_beds"},
  {"plan_target_rate_zero.toml", "its target of 0 beds per 1,000 elders implies no elderly count",
   "plan_target_rate_zero.toml",
   "plan_target_rate_zero.toml:10: plan_targets.beds_per_1000_elderly: expected a target above 0 per 1,000 (a rate of 0 "
   "implies no population to plan for), got 0"},
  // The care-worker supply ([workforce], issue 24).
  {"workforce_without_supply.toml", "it states a care-worker supply for a scenario without beds",
   "workforce_without_supply.toml",
   "workforce_without_supply.toml:5: workforce.leaving_rate: expected a [supply] section with the care-worker supply"},
  {"workforce_no_base_staff.toml", "its care-worker supply has no base staff and its facilities state none",
   "workforce_no_base_staff.toml",
   "workforce_no_base_staff.toml:6: workforce.leaving_rate: expected base_care_workers (a total or by town), or care_workers "
   "for every facility open in the base year in the facilities file; facility P1 has none"},
  {"workforce_base_not_a_number.toml", "its base care workers are words",
   "workforce_base_not_a_number.toml", "workforce_base_not_a_number.toml:5: workforce.base_care_workers: expected a finite number"},
  {"workforce_base_unknown_town.toml", "its base care workers by town name a town the supply does not have",
   "workforce_base_unknown_town.toml",
   "workforce_base_unknown_town.toml:5: workforce.base_care_workers: expected a table { 北安市, 通北镇, 二井镇, 赵光镇 }"},
  {"workforce_trained_before_start.toml", "it trains care workers in 2019, before the first simulated year",
   "workforce_trained_before_start.toml",
   "workforce_trained_before_start.toml:6: workforce.trained: expected training years from the first simulated year 2021 on"},
  {"workforce_leaving_rate_percent.toml", "its leaving rate is 15 (a percent) where 0.15 belongs",
   "workforce_leaving_rate_percent.toml",
   "workforce_leaving_rate_percent.toml:5: workforce.leaving_rate: expected a finite number in 0..1, got 15"},
  {"plan_workforce_share_in_percent.toml", "its workforce targets table gives a share of 18 (a percent) where 0.18 belongs",
   "plan_workforce_share_in_percent.csv",
   "plan_workforce_share_in_percent.csv:3: column 'value' expected a finite number in 0..1, got '18'"},
  // Money ([money], issue 24; docs/money.md).
  {"money_without_supply.toml", "it costs beds in a scenario without beds ([supply])",
   "money_without_supply.toml", "money_without_supply.toml:6: money.source: expected a scenario with [supply]"},
  {"money_ltc_share_percent.toml", "its insured share is 95 (a percent) where 0.95 belongs",
   "money_ltc_share_percent.toml", "money_ltc_share_percent.toml:5: money.ltc_insured_share: expected a finite number in 0..1, got 95"},
  {"money_unknown_project.toml", "it gives the ownership of a project the plan file does not list",
   "money_unknown_project.toml",
   "money_unknown_project.toml:5: money.project_ownership_by_id: expected a project id of the plan file (1, 2, 3, 4, 5, 6, 9, 10, 11, "
   "12, 16), got '99'"},
  {"money_subsidy_unknown_owner.toml", "its subsidy names an ownership carecap does not know",
   "money_subsidy_unknown_owner.toml",
   "money_subsidy_unknown_owner.toml:5: money.subsidy_yuan_per_new_bed: expected a table of some of { public, private, "
   "public_built_private_run }"},
  {"plan_facts_long_before_base.toml", "its facts are dated 1990, against a base date of 1 January 2021",
   "plan_facts_long_before_base.toml",
   "plan_facts_long_before_base.toml:5: plan_facts.year: expected the year that ends at the base date 2021-01-01 "
   "(projection.base_date), within a year: 2019..2021, got 1990"},
  {"calibration_births_and_rate.toml", "it gives both births and crude_birth_rate",
   "calibration_births_and_rate.toml", "calibration.crude_birth_rate"},
  {"service_level_probability_one.toml", "its service level must hold with probability 1",
   "service_level_probability_one.toml",
   "service_level_probability_one.toml:6: service_level.probability: expected a share above 0 and below 1 (no finite "
   "number of replications shows a level met with certainty), got 1"},
  {"service_level_share_above_one.toml", "its share of arrivals waiting is 1.5",
   "service_level_share_above_one.toml", "service_level_share_above_one.toml:5: service_level.max_share_waiting"},
  {"service_level_childcare_share_above_one.toml", "its share of childcare applications failing is 1.5",
   "service_level_childcare_share_above_one.toml",
   "service_level_childcare_share_above_one.toml:6: service_level.childcare_max_share_waiting"},
  {"service_level_childcare_wait_negative.toml", "its childcare wait is -30 days",
   "service_level_childcare_wait_negative.toml",
   "service_level_childcare_wait_negative.toml:6: service_level.childcare_wait_days"},
  {"service_level_without_supply.toml", "it asks for a service level without beds",
   "service_level_without_supply.toml", "service_level_without_supply.toml:7: service_level.source: [service_level] needs [supply]"},
  {"calibration_year_outside.toml", "its births year is before the projection's base year",
   "calibration_year_outside.toml", "calibration_year_outside.toml:5: calibration.births_year"},
  // Care demand: scenario keys.
  {"bed_type_unknown_state.toml", "its bed_type names a care state that does not exist",
   "bed_type_unknown_state.toml", "bed_type_unknown_state.toml:5: care_setting.bed_type:"},
  {"care_setting_not_summing_to_one.toml", "the care-setting probabilities of the fully disabled sum to 1.1",
   "care_setting_not_summing_to_one.toml", "care_setting_not_summing_to_one.toml:5: care_setting.fully_disabled:"},
  {"childcare_unknown_band.toml", "its childcare wish rate names an unknown month band",
   "childcare_unknown_band.toml", "childcare_unknown_band.toml:5: childcare.wish_rate:"},
  {"childcare_wish_above_one.toml", "a childcare wish rate is above 1",
   "childcare_wish_above_one.toml", "childcare_wish_above_one.toml:5: childcare.wish_rate:"},
  {"dementia_incidence_without_transitions.toml", "it gives dementia incidence without a transition file",
   "dementia_incidence_without_transitions.toml",
   "dementia_incidence_without_transitions.toml:5: care_need.dementia_incidence_file:"},
  // Care demand: CSV tables.
  {"prevalence_bands_gap.toml", "its care-need prevalence bands leave ages 70-74 uncovered",
   "prevalence_bands_gap.csv", "ages 70-74 uncovered"},
  {"prevalence_bands_overlap.toml", "two of its prevalence age bands overlap",
   "prevalence_bands_overlap.csv", "prevalence_bands_overlap.csv:3: age band 75-100 overlaps"},
  {"prevalence_share_above_one.toml", "a prevalence share is 1.2",
   "prevalence_share_above_one.csv", "prevalence_share_above_one.csv:3: column 'self_caring'"},
  {"prevalence_share_negative.toml", "a dementia prevalence is negative",
   "prevalence_share_negative.csv", "prevalence_share_negative.csv:2: column 'dementia'"},
  {"prevalence_states_not_summing_to_one.toml", "the care-state shares of a band sum to 1.01",
   "prevalence_states_not_summing_to_one.csv", "prevalence_states_not_summing_to_one.csv:2:"},
  {"transition_row_not_summing_to_one.toml", "the transition probabilities from self_caring sum to 0.97",
   "transition_row_not_summing_to_one.csv", "transition_row_not_summing_to_one.csv:2: transition probabilities from self_caring"},
  {"transition_unknown_state.toml", "its transition table names an unknown state",
   "transition_unknown_state.csv", "transition_unknown_state.csv:3: column 'from_state'"},
  // What a planner's spreadsheet can produce that carecap cannot read unambiguously.
  {"facilities_gbk.toml", "its facilities table is saved as GBK, not UTF-8",
   "facilities_gbk.csv", "facilities_gbk.csv:2: byte 117 is not UTF-8 text"},
  {"population_empty.toml", "its base population table is an empty file",
   "population_empty.csv", "population_empty.csv: the file is empty"},
  {"population_huge_number.toml", "its base population holds 1e400, beyond any double",
   "population_huge_number.csv", "population_huge_number.csv:6: column 'male' expected a finite number"},
  {"population_duplicated_header.toml", "its base population header names a column twice",
   "population_duplicated_header.csv", "Duplicated column \"male\""},
  {"population_ambiguous_separator.toml", "a quoted \"1,23\" is not a number with thousands separators",
   "population_ambiguous_separator.csv", "population_ambiguous_separator.csv:4: column 'male' expected a finite number"},
  // Paths.
  {"table_name_too_long.toml", "its population.base_file has a 304-byte name, longer than a file name may be",
   "table_name_too_long.toml", "which cannot be used: File name too long (resolved: "},
  {"scenario_name_outside_folder.toml", "its name \"../escaped\" would make the default output ../escaped.h5",
   "scenario_name_outside_folder.toml", "scenario_name_outside_folder.toml:6: scenario.name: expected a name usable as a file name"},
};
// clang-format on

/// A temporary directory for one case.
/// The checks every rejection of a bad input must pass.
void check_rejected(const Outcome& outcome, const BadInput& input) {
  const std::string file = (kBadInputDir / input.offending_file).string();
  const std::string expected = input.expected;
  INFO("stderr: " << outcome.err);
  CHECK_MESSAGE(outcome.status == 2, "expected exit status 2 (bad input), got " << outcome.status);
  CHECK_MESSAGE(is_one_line(outcome.err), "expected exactly one line on stderr");
  CHECK_MESSAGE(contains(outcome.err, file), "expected the message to name " << file);
  CHECK_MESSAGE(contains(outcome.err, expected), "expected the message to contain '" << expected << "'");
}

std::string subcase_name(const BadInput& input) { return std::string(input.scenario) + ": " + input.fault; }

}  // namespace

TEST_CASE("the bad-input table lists every scenario file in tests/bad_inputs and at least 18 of them") {
  std::set<std::string> listed;
  for (const BadInput& input : kBadInputs) {
    listed.insert(input.scenario);
    INFO(std::string(input.scenario));
    CHECK(fs::is_regular_file(kBadInputDir / input.scenario));
    CHECK(fs::is_regular_file(kBadInputDir / input.offending_file));
  }
  for (const std::string& name : entries_of(kBadInputDir)) {
    if (fs::path(name).extension() != ".toml") continue;
    INFO(name << " is not in the table of BadInputTest.cpp");
    CHECK(listed.count(name) == 1);
  }
  CHECK(listed.size() >= 18);
}

TEST_CASE("a run of a broken scenario exits 2 with one line naming the file and the key or line, and writes nothing") {
  for (const BadInput& input : kBadInputs) {
    const std::string name = subcase_name(input);
    SUBCASE(name.c_str()) {
      const CaseDir output;
      const fs::path results = output.path() / "out.h5";
      const Outcome outcome = run_carecap({"run", (kBadInputDir / input.scenario).string(), "-o", results.string()});
      check_rejected(outcome, input);
      CHECK_FALSE(fs::exists(results));
      CHECK_FALSE(has_temporary_file(output.path()));
      CHECK(entries_of(output.path()).empty());
    }
  }
}

TEST_CASE("validate rejects each broken scenario like run does, and writes nothing") {
  for (const BadInput& input : kBadInputs) {
    const std::string name = subcase_name(input);
    SUBCASE(name.c_str()) {
      const CaseDir cwd;
      const Outcome outcome = run_carecap({"validate", (kBadInputDir / input.scenario).string()}, cwd.path());
      check_rejected(outcome, input);
      CHECK(entries_of(cwd.path()).empty());
    }
  }
}

TEST_CASE("a table that does not exist is named as written and by its resolved absolute path") {
  // Run from another folder: the path is relative to the scenario's folder, not to the current one.
  const CaseDir cwd;
  const Outcome outcome = run_carecap({"validate", (kBadInputDir / "missing_base_file.toml").string()}, cwd.path());
  INFO("stderr: " << outcome.err);
  CHECK(outcome.status == 2);
  CHECK(is_one_line(outcome.err));
  CHECK(contains(outcome.err, "\"no_such_population.csv\", which does not exist (resolved: " +
                                  (kBadInputDir / "no_such_population.csv").string() + ")"));
}

TEST_CASE("validate accepts the default China scenario with exit status 0 and writes nothing") {
  const CaseDir cwd;
  const Outcome outcome = run_carecap({"validate", kChinaScenario.string()}, cwd.path());
  INFO("stdout: " << outcome.out);
  INFO("stderr: " << outcome.err);
  CHECK(outcome.status == 0);
  CHECK(outcome.err.empty());
  CHECK(contains(outcome.out, "valid"));
  CHECK(entries_of(cwd.path()).empty());
}

TEST_CASE("an existing output file is left byte-for-byte untouched when a run fails") {
  const CaseDir output;
  const fs::path results = output.path() / "out.h5";
  const std::string precious = "results of an earlier run, not to be lost\n";
  write_file(results, precious);
  const BadInput& bad = *std::find_if(kBadInputs.begin(), kBadInputs.end(),
                                      [](const BadInput& b) { return std::string(b.scenario) == "negative_mx.toml"; });

  SUBCASE("on bad input") {
    check_rejected(run_carecap({"run", (kBadInputDir / bad.scenario).string(), "-o", results.string()}), bad);
  }
  SUBCASE("on bad input, even with --force") {
    check_rejected(run_carecap({"run", (kBadInputDir / bad.scenario).string(), "-o", results.string(), "--force"}), bad);
  }
  SUBCASE("on a valid scenario run without --force, with a message that mentions --force") {
    const Outcome outcome = run_carecap({"run", kChinaScenario.string(), "-o", results.string()});
    INFO("stderr: " << outcome.err);
    CHECK(outcome.status == 2);
    CHECK(is_one_line(outcome.err));
    CHECK(contains(outcome.err, results.string()));
    CHECK(contains(outcome.err, "--force"));
  }
  CHECK(read_file(results) == precious);
  CHECK(entries_of(output.path()) == std::vector<std::string>{"out.h5"});
}
