#!/usr/bin/python3
# carecap. SPDX-License-Identifier: MIT
"""Derives mx_medium.csv (single-age central death rates, China, 2015-2100) from WPP 2024's
5-year abridged rates, calibrated each year to WPP's e0, e65 and e80. See README.md.

Usage: python3 derive_mx_medium.py [--first-version]   (Debian python3-numpy; run in this folder)
       --first-version reproduces the table's first version (within 1e-7), for comparison.

Inputs:  mx5_abridged_wpp.csv (WPP 2024 abridged mx by 5-year period, ages 0, 1, 5, ..., 95, 100+)
         e0_medium.csv        (WPP 2024 life expectancy at 0, 65 and 80 by calendar year and sex)
Outputs: mx_medium.csv, mx_medium_calibration.csv

Method, for each calendar year t and sex:
 1. Time: log mx of each abridged age group is interpolated linearly between the midpoints of
    WPP's periods (period p..p+5 at p + 2.5), evaluated at t; held constant beyond the first and
    last midpoint.
 2. Age: m0 is WPP's infant rate; ages 1..99 interpolate log mx linearly between the groups'
    midpoints (1-4 at 3.0, 5-9 at 7.5, ..., 95-99 at 97.5), extrapolating the first segment below
    3.0 and the last (92.5 to 97.5) to ages 98 and 99; the open interval 100+ is WPP's m100 itself.
    (The first version also placed m100 at age 102.5 and interpolated ages 98-99 towards it, which
    made them flatter than the slope from the 90-94 to the 95-99 group.)
 3. Calibration: ages 0..99 are multiplied by k * exp(s1 * clip(x - 65, 0, 15) + s2 * max(x - 80, 0)),
    with (k, s1, s2) solved by Newton's method so that the life table (carecap's conventions:
    Andreev-Kingkade a0, ax = 0.5, open interval L100 = l100 / m100) gives WPP's e0, e65 and e80.
    The open interval is NOT multiplied: m100 is a life-table rate (1 / e100 in WPP's own table)
    and carries the survival of the 100+ group, T100 / T99. Tilting it too (the table's first
    version) put m100 6-22% above WPP's and the projected
    100+ population 4-10% below WPP's.
"""
import csv
import sys

import numpy as np

OPEN_AGE = 100
AGES = np.arange(OPEN_AGE + 1)


def read_abridged(path):
    """{sex: (period starts, group starts, log mx[period, group])}."""
    rows = list(csv.DictReader(open(path)))
    out = {}
    for sex in ("male", "female"):
        mine = [r for r in rows if r["sex"] == sex]
        periods = sorted({int(r["period"][:4]) for r in mine})
        groups = sorted({int(r["age_start"]) for r in mine})
        table = np.full((len(periods), len(groups)), np.nan)
        for r in mine:
            table[periods.index(int(r["period"][:4])), groups.index(int(r["age_start"]))] = np.log(float(r["mx"]))
        assert not np.isnan(table).any(), f"{path}: missing period or age for {sex}"
        out[sex] = (np.array(periods), np.array(groups), table)
    return out


def abridged_in_year(abridged, sex, year):
    """Step 1: WPP's abridged mx by group in calendar year `year`."""
    periods, groups, log_mx = abridged[sex]
    mids = periods + 2.5
    return groups, np.exp([np.interp(year, mids, log_mx[:, g]) for g in range(len(groups))])


def single_ages(groups, mx5, first_version):
    """Step 2: mx by single age 0..99 and 100+, before calibration."""
    assert groups[0] == 0 and groups[1] == 1 and groups[-1] == OPEN_AGE
    closed = groups[1:] if first_version else groups[1:-1]   # the first version also used 100+ (at 102.5)
    mids = np.array([3.0] + [a + 2.5 for a in closed[1:]])
    logs = np.log(mx5[1:len(closed) + 1])
    single = np.interp(AGES.astype(float), mids, logs)
    for outside, (a, b) in ((AGES < mids[0], (0, 1)), (AGES > mids[-1], (-2, -1))):
        single[outside] = logs[b] + (AGES[outside] - mids[b]) * (logs[b] - logs[a]) / (mids[b] - mids[a])
    out = np.exp(single)
    out[0] = mx5[0]
    out[OPEN_AGE] = mx5[-1]
    return out


def andreev_kingkade_a0(m0, sex):
    if sex == "male":
        return 0.14929 - 1.99545 * m0 if m0 < 0.02300 else (0.02832 + 3.26201 * m0 if m0 < 0.08307 else 0.29915)
    return 0.14903 - 2.05527 * m0 if m0 < 0.01724 else (0.04667 + 3.88089 * m0 if m0 < 0.06891 else 0.31411)


def life_expectancies(mx, sex, ages=(0, 65, 80)):
    """carecap's life table (models/demography/LifeTable.cpp): ex at the given ages."""
    ax = np.full(OPEN_AGE, 0.5)
    ax[0] = andreev_kingkade_a0(mx[0], sex)
    qx = np.minimum(1.0, mx[:OPEN_AGE] / (1.0 + (1.0 - ax) * mx[:OPEN_AGE]))
    lx = np.concatenate([[1.0], np.cumprod(1.0 - qx)])
    Lx = np.concatenate([lx[1:] + ax * (lx[:-1] - lx[1:]), [lx[OPEN_AGE] / mx[OPEN_AGE]]])
    Tx = np.cumsum(Lx[::-1])[::-1]
    return np.array([Tx[a] / lx[a] for a in ages])


def tilt(params, tilt_open_interval):
    log_k, s1, s2 = params
    factor = np.exp(log_k + s1 * np.clip(AGES - 65, 0, 15) + s2 * np.maximum(AGES - 80, 0))
    if not tilt_open_interval:
        factor[OPEN_AGE] = 1.0
    return factor


def calibrate(base, sex, target, tilt_open_interval):
    """Step 3: Newton's method on (log k, s1, s2) for e0, e65, e80 = target."""
    params = np.zeros(3)
    for _ in range(50):
        gap = life_expectancies(base * tilt(params, tilt_open_interval), sex) - target
        if np.max(np.abs(gap)) < 1e-11:
            return params
        jacobian = np.empty((3, 3))
        for j in range(3):
            step = np.zeros(3)
            step[j] = 1e-7
            jacobian[:, j] = (life_expectancies(base * tilt(params + step, tilt_open_interval), sex) - target - gap) / 1e-7
        params = params - np.linalg.solve(jacobian, gap)
    raise RuntimeError(f"calibration did not converge for {sex}, target {target}")


def main():
    first_version = "--first-version" in sys.argv[1:]
    abridged = read_abridged("mx5_abridged_wpp.csv")
    targets = list(csv.DictReader(open("e0_medium.csv")))
    mx_rows, calibration_rows = [], []
    for row in targets:
        year = int(row["year"])
        for sex in ("male", "female"):
            target = np.array([float(row[f"e{a}_{sex}"]) for a in (0, 65, 80)])
            base = single_ages(*abridged_in_year(abridged, sex, year), first_version)
            params = calibrate(base, sex, target, first_version)
            written = [float(f"{m:.8g}") for m in base * tilt(params, first_version)]
            mx_rows += [(year, age, sex, f"{m:.8g}") for age, m in enumerate(written)]
            derived = life_expectancies(np.array(written), sex)
            calibration_rows.append((year, sex, f"{np.exp(params[0]):.6f}", f"{params[1]:.6f}", f"{params[2]:.6f}",
                                     f"{derived[0]:.6f}", f"{target[0]:g}", f"{derived[1]:.6f}", f"{target[1]:g}",
                                     f"{derived[2]:.6f}", f"{target[2]:g}", f"{written[OPEN_AGE] / base[OPEN_AGE]:.6f}"))
    with open("mx_medium.csv", "w", newline="") as f:
        out = csv.writer(f, lineterminator="\r\n")
        out.writerow(("year", "age", "sex", "mx"))
        out.writerows(mx_rows)
    with open("mx_medium_calibration.csv", "w", newline="") as f:
        out = csv.writer(f, lineterminator="\r\n")
        out.writerow(("year", "sex", "level_k", "slope_65_80", "slope_80plus", "e0_derived", "e0_wpp",
                      "e65_derived", "e65_wpp", "e80_derived", "e80_wpp", "m100_over_wpp"))
        out.writerows(calibration_rows)


if __name__ == "__main__":
    main()
