#!/usr/bin/python3
# carecap. SPDX-License-Identifier: MIT
"""Prints the projected lines of docs/calibration.md from a results file of scenarios/china.toml.

Usage: tools/calibration_table.py china.h5   (Debian python3-xarray, python3-h5netcdf)
"""
import sys

import xarray as xr

path = sys.argv[1]
root = xr.open_dataset(path, engine="h5netcdf")
demand = xr.open_dataset(path, engine="h5netcdf", group="demand")


def disabled(year, from_age=60):
    by_age = demand.n_elderly_by_care_state_age.sel(year=year, care_state=["partly_disabled", "fully_disabled"])
    return float(by_age.sel(age=slice(from_age, 100)).sum())


def disabled_only(year, from_age=65):
    by_age = demand.n_elderly_by_care_state_age.sel(year=year, care_state="fully_disabled")
    return float(by_age.sel(age=slice(from_age, 100)).sum())


rows = [
    ("partly or fully disabled elders, 2030 (million)", f"{disabled(2030) / 1e6:.1f}",
     "61.68 (national ageing-strategy research group, 2014 projection)"),
    ("partly or fully disabled elders, 2050 (million)", f"{disabled(2050) / 1e6:.1f}",
     "97.5 (same source)"),
    ("partly or fully disabled share of 65+, 2025 / 2050 (%)",
     f"{100 * disabled(2025, 65) / float(root.n_age_65_plus.sel(year=2025)):.1f} / "
     f"{100 * disabled(2050, 65) / float(root.n_age_65_plus.sel(year=2050)):.1f}",
     "12.27 to 15.05, disabled share of 65+ 2025-2050 (Zhang Hangkong et al. 2025)"),
    ("fully disabled share of 65+, 2025 / 2050 (%)",
     f"{100 * disabled_only(2025) / float(root.n_age_65_plus.sel(year=2025)):.2f} / "
     f"{100 * disabled_only(2050) / float(root.n_age_65_plus.sel(year=2050)):.2f}",
     "12.27 to 15.05 (same source; its definition lies between carecap's two)"),
    ("fully disabled share of 60+, 2025 (%)",
     f"{100 * float(demand.n_elderly_by_care_state.sel(year=2025, care_state='fully_disabled')) / float(demand.n_elderly.sel(year=2025)):.2f}",
     "2.1 (Shaanxi 2020 census, cannot look after themselves)"),
    ("institutional beds needed, 2025 (million)",
     f"{float(demand.n_beds_needed.sel(year=2025).sum()) / 1e6:.2f}",
     "5.183 million institutional beds at end-2022, over 50% vacant (MCA; fx361 2023-11-22)"),
    ("nursing-type (nursing + dementia) beds needed, 2025 (million)",
     f"{float(demand.n_beds_needed.sel(year=2025, bed_type=['nursing', 'dementia']).sum()) / 1e6:.2f}",
     "about 3.0 to 3.4 million nursing-type beds (58.9% to 65.7% of 5.183 million institutional beds)"),
    ("beds needed per 1,000 elders, 2025",
     f"{float(demand.beds_per_1000_elderly.sel(year=2025, basis='demand')):.1f}",
     "30.3 beds per 1,000 supplied in 2015 (MCA); the plans' targets 35-40"),
    ("nursing-type share of beds needed, 2025 (%)",
     f"{float(demand.nursing_bed_share.sel(year=2025, basis='demand')):.1f}",
     "58.9 (2023), 65.7 (2024) of supplied beds; target >= 55 by 2025"),
    ("childcare places wanted per 1,000 people, 2025",
     f"{float(demand.childcare_places_per_1000_people.sel(year=2025, basis='demand')):.2f}",
     "4.08 supplied (2024), over 4.7 (Oct 2025); target 4.5 by 2025"),
    ("enrollment if every wanted place were taken, 2025 (%)",
     f"{float(demand.enrollment_rate.sel(year=2025, basis='demand')):.1f}",
     "5.5 (2021), 7.86 (NHC 2025), about 12 (NDRC late 2025) actually enrolled"),
]
print("| quantity | carecap, scenarios/china.toml | published figure (source) |")
print("|---|---|---|")
for name, ours, theirs in rows:
    print(f"| {name} | {ours} | {theirs} |")
