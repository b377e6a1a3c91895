#!/usr/bin/python3
# carecap. SPDX-License-Identifier: MIT
"""Derives pop_2024_jan1_by_age_sex.csv: the 1 January 2024 population such that one projection
step of 2023 (carecap's conventions, docs/demography.md) from a 1 January 2023 population J23 gives
J24 with (J23 + J24) / 2 = WPP's 1 July 2023 estimate at every age. See README.md.

Usage: python3 derive_pop_2024_jan1.py   (Debian python3-numpy; run in this folder, after derive_mx_medium.py)

Inputs: pop_2023_by_age_sex.csv (WPP 1 July 2023), mx_medium.csv, srb_medium.csv, mig_medium.csv,
        births_deaths_medium.csv (WPP's 2023 births). Births are WPP's published 2023 births split by
        the sex ratio at birth. Solved cohort by cohort: age 0 from births, age x from J23 at x - 1,
        100+ from J23 at 99 and 100+ (linear in J23 at 100+).
"""
import csv

import numpy as np

import derive_mx_medium as lt

YEAR, OPEN_AGE = 2023, 100


def survival(mx, sex):
    """carecap's survival ratios (models/demography/LifeTable.cpp): L0/l0, Lx/Lx-1, T100/T99."""
    ax = np.full(OPEN_AGE, 0.5)
    ax[0] = lt.andreev_kingkade_a0(mx[0], sex)
    qx = np.minimum(1.0, mx[:OPEN_AGE] / (1.0 + (1.0 - ax) * mx[:OPEN_AGE]))
    lx = np.concatenate([[1.0], np.cumprod(1.0 - qx)])
    Lx = np.concatenate([lx[1:] + ax * (lx[:-1] - lx[1:]), [lx[OPEN_AGE] / mx[OPEN_AGE]]])
    Tx = np.cumsum(Lx[::-1])[::-1]
    return np.concatenate([[Lx[0]], Lx[1:OPEN_AGE] / Lx[:OPEN_AGE - 1], [Tx[OPEN_AGE] / Tx[OPEN_AGE - 1]]])


def by_age_sex(path, year_key, year, value_key=None):
    out = {"male": np.zeros(OPEN_AGE + 1), "female": np.zeros(OPEN_AGE + 1)}
    for r in csv.DictReader(open(path)):
        if int(r[year_key][:4]) != year:
            continue
        if value_key:
            out[r["sex"]][int(r["age"])] = float(r[value_key])
        else:
            for sex in out:
                out[sex][int(r["age"])] = float(r[sex])
    return out


def main():
    july = by_age_sex("pop_2023_by_age_sex.csv", "year", YEAR)
    mx = by_age_sex("mx_medium.csv", "year", YEAR, "mx")
    migrants = by_age_sex("mig_medium.csv", "year", YEAR, "net_migrants")
    srb = next(float(r["srb_male_per_female"]) for r in csv.DictReader(open("srb_medium.csv")) if int(r["year"]) == YEAR)
    births = next(float(r["births"]) for r in csv.DictReader(open("births_deaths_medium.csv")) if int(r["year"]) == YEAR)
    jan2024 = {}
    for sex, share in (("male", srb / (1.0 + srb)), ("female", 1.0 / (1.0 + srb))):
        s, p, m = survival(mx[sex], sex), july[sex], migrants[sex]
        j23, j24 = np.zeros(OPEN_AGE + 1), np.zeros(OPEN_AGE + 1)
        j24[0] = births * share * s[0] + m[0]
        j23[0] = 2.0 * p[0] - j24[0]
        for x in range(1, OPEN_AGE):
            j24[x] = j23[x - 1] * s[x] + m[x]
            j23[x] = 2.0 * p[x] - j24[x]
        j23[OPEN_AGE] = (2.0 * p[OPEN_AGE] - m[OPEN_AGE] - j23[OPEN_AGE - 1] * s[OPEN_AGE]) / (1.0 + s[OPEN_AGE])
        j24[OPEN_AGE] = (j23[OPEN_AGE - 1] + j23[OPEN_AGE]) * s[OPEN_AGE] + m[OPEN_AGE]
        assert (j23 >= 0).all() and (j24 >= 0).all(), f"negative population for {sex}"
        jan2024[sex] = j24
    with open("pop_2024_jan1_by_age_sex.csv", "w", newline="") as f:
        out = csv.writer(f, lineterminator="\r\n")
        out.writerow(("date", "age", "male", "female"))
        for age in range(OPEN_AGE + 1):
            out.writerow(("2024-01-01", age, f"{jan2024['male'][age]:.1f}", f"{jan2024['female'][age]:.1f}"))


if __name__ == "__main__":
    main()
