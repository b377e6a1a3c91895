// carecap. SPDX-License-Identifier: MIT
#include "tools/serve/CountyAssets.hpp"

extern "C" {
extern const char carecap_county_defaults_begin[], carecap_county_defaults_end[];
extern const char carecap_county_words_begin[], carecap_county_words_end[];
extern const char carecap_county_china_toml_begin[], carecap_county_china_toml_end[];
extern const char carecap_county_pop_2024_begin[], carecap_county_pop_2024_end[];
extern const char carecap_county_asfr_begin[], carecap_county_asfr_end[];
extern const char carecap_county_srb_begin[], carecap_county_srb_end[];
extern const char carecap_county_mx_begin[], carecap_county_mx_end[];
extern const char carecap_county_mother_age_begin[], carecap_county_mother_age_end[];
extern const char carecap_county_pop_2020_begin[], carecap_county_pop_2020_end[];
extern const char carecap_county_prevalence_begin[], carecap_county_prevalence_end[];
}

namespace carecap::serve {
namespace {

std::string_view embedded(const char* begin, const char* end) { return {begin, static_cast<std::size_t>(end - begin)}; }

}  // namespace

std::string_view county_defaults_toml() { return embedded(carecap_county_defaults_begin, carecap_county_defaults_end); }
std::string_view county_words_toml() { return embedded(carecap_county_words_begin, carecap_county_words_end); }

const std::vector<NationalFile>& national_files() {
  static const std::vector<NationalFile> files{
      {"national/china.toml", embedded(carecap_county_china_toml_begin, carecap_county_china_toml_end)},
      {"national/data/china_wpp2024/pop_2024_jan1_by_age_sex.csv", embedded(carecap_county_pop_2024_begin, carecap_county_pop_2024_end)},
      {"national/data/china_wpp2024/asfr_medium.csv", embedded(carecap_county_asfr_begin, carecap_county_asfr_end)},
      {"national/data/china_wpp2024/srb_medium.csv", embedded(carecap_county_srb_begin, carecap_county_srb_end)},
      {"national/data/china_wpp2024/mx_medium.csv", embedded(carecap_county_mx_begin, carecap_county_mx_end)},
      {"national/data/china_wpp2024/mother_age_profile_2024.csv",
       embedded(carecap_county_mother_age_begin, carecap_county_mother_age_end)},
      {"national/data/china_wpp2024/pop_2020_by_age_sex.csv", embedded(carecap_county_pop_2020_begin, carecap_county_pop_2020_end)},
      {"national/data/care_defaults/care_prevalence_china.csv",
       embedded(carecap_county_prevalence_begin, carecap_county_prevalence_end)}};
  return files;
}

}  // namespace carecap::serve
