#!/usr/bin/python3
# carecap. SPDX-License-Identifier: MIT
"""A results file opens in xarray (h5netcdf engine) with named dimensions and units.

Run by CTest with the path of the carecap binary; uses Debian's python3-xarray and python3-h5netcdf.
"""
import os
import subprocess
import sys
import tempfile

import xarray as xr

binary = sys.argv[1]
with tempfile.TemporaryDirectory() as tmp:
    out = os.path.join(tmp, "china.h5")
    subprocess.run([binary, "run", "scenarios/china.toml", "-o", out], check=True, capture_output=True)
    ds = xr.open_dataset(out, engine="h5netcdf")
    assert ds.n_population_jul1.dims == ("year", "sex", "age"), ds.n_population_jul1.dims
    assert ds.n_population_jan1.dims == ("year_jan1", "sex", "age"), ds.n_population_jan1.dims
    assert list(ds.sex.values) == ["male", "female"], ds.sex.values
    assert int(ds.year[0]) == 2024 and int(ds.year[-1]) == 2100
    assert ds.n_age_60_plus.attrs["units"] == "persons"
    # The 60+ indicator equals the sum of the age array (two views of one result).
    direct = float(ds.n_population_jul1.sel(year=2035, age=slice(60, 100)).sum())
    assert abs(direct - float(ds.n_age_60_plus.sel(year=2035))) < 1e-3 * direct
    assert len(ds.attrs["input_sha256"]) == 7
    demand = xr.open_dataset(out, engine="h5netcdf", group="demand")
    assert demand.n_beds_needed.dims == ("year", "bed_type"), demand.n_beds_needed.dims
    assert list(demand.bed_type.values) == ["general", "nursing", "dementia"]
    assert demand.n_elderly_by_care_state_age.dims == ("year", "care_state", "sex", "age")
    assert demand.beds_per_1000_elderly.attrs["label_zh"] == "每千名老年人养老床位数"
    assert int(demand.year[0]) == 2024
    print("xarray reads named dimensions")

# The capacity group of the Bei'an plan test scenario: named dimensions, regions in Chinese.
with tempfile.TemporaryDirectory() as tmp:
    out = os.path.join(tmp, "beian.h5")
    subprocess.run([binary, "run", "tests/scenarios/beian_plan.toml", "-o", out], check=True, capture_output=True)
    capacity = xr.open_dataset(out, engine="h5netcdf", group="capacity")
    assert capacity.n_beds.dims == ("statistic", "capacity_year", "bed_type", "region"), capacity.n_beds.dims
    assert list(capacity.region.values) == ["北安市", "通北镇", "二井镇", "赵光镇"], capacity.region.values
    assert capacity.wait_mean_days.dtype.kind == "f"  # not decoded as a timedelta
    beds_2021 = float(capacity.n_beds.sel(statistic="mean", capacity_year=2021).sum())
    assert abs(beds_2021 - 5298) < 1e-6, beds_2021  # Bei'an's 2020 beds (the plan)
    demand = xr.open_dataset(out, engine="h5netcdf", group="demand")
    assert list(demand.basis.values) == ["demand", "supply"]
    childcare = xr.open_dataset(out, engine="h5netcdf", group="childcare_capacity")
    assert childcare.n_places.dims == ("statistic", "capacity_year", "month_band", "region"), childcare.n_places.dims
    places_2025 = float(childcare.n_places.sel(statistic="mean", capacity_year=2025).sum())
    assert abs(places_2025 - 1379) < 1e-6, places_2025  # Bei'an's 2025 minimum (the plan; test assumption)
    assert childcare.n_places.attrs["units"] == "places"
    print("xarray reads the results, capacity and childcare groups: 3 passed, 0 failed")
