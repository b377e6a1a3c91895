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
    print("xarray reads named dimensions: 1 passed, 0 failed")
