#!/usr/bin/python3
"""Plain-numpy deterministic cohort-component projection of China, 1 Jan 2024 -> 1 Jan 2101.

Data: United Nations, DESA, Population Division. World Population Prospects 2024 (medium variant),
licensed CC BY 3.0 IGO; CSVs as prepared in the carecap data folder (see its README.md).

Serves as the numpy speed baseline for docs/benchmarks.md and as an independent cross-check of the
projection conventions (README "The conventions that reproduce WPP's projection"):
  * single ages 0..100 (100 = 100+), step 1 Jan t -> 1 Jan t+1 with calendar-year-t rates;
  * life table per sex/year: ax = 0.5, a0 by Andreev-Kingkade (2015), open interval L100 = l100/m100;
  * survival: births -> 0 by L0/l0, x-1 -> x by Lx/Lx-1, 99 and 100+ -> 100+ by T100/T99;
  * births = sum ASFR * mean(F at 1 Jan t, survived F at 1 Jan t+1 before migration), split by SRB;
  * net migrants of year t (age at end of year) added on 1 Jan t+1; 1 July = mean of the 1 Januarys.

Usage: /usr/bin/python3 bench/projection_numpy.py [--data DIR] [--repeats N]
(Debian python3-numpy; --data defaults to scenarios/data/china_wpp2024 of this checkout).
The validation table is informational: the exit status is 0 whatever it reports.
"""
import argparse
import csv
import os
import statistics
import time

import numpy as np

NA = 101                   # ages 0..100
Y0, Y1 = 2024, 2100        # projected calendar years (rates of year t move 1 Jan t -> 1 Jan t+1)
NY = Y1 - Y0 + 1
SEXES = ("male", "female")
# The project's copy of the data, relative to this script (bench/ -> ../scenarios/data/...).
DEFAULT_DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir,
                            "scenarios", "data", "china_wpp2024")


def read_csv(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def load(data_dir):
    """Read the CSVs into arrays indexed [year - Y0, sex, age] (sex 0 = male, 1 = female)."""
    p = lambda name: os.path.join(data_dir, name)
    d = {}
    pop0 = np.zeros((2, NA))
    for r in read_csv(p("pop_2024_jan1_by_age_sex.csv")):
        a = int(r["age"])
        pop0[0, a], pop0[1, a] = float(r["male"]), float(r["female"])
    d["pop0"] = pop0
    for key, name, col in (("mx", "mx_medium.csv", "mx"), ("mig", "mig_medium.csv", "net_migrants")):
        arr = np.full((NY, 2, NA), np.nan)
        for r in read_csv(p(name)):
            y = int(r["year"])
            if Y0 <= y <= Y1:
                arr[y - Y0, SEXES.index(r["sex"]), int(r["age"])] = float(r[col])
        assert not np.isnan(arr).any(), f"{name}: missing year/sex/age cells"
        d[key] = arr
    asfr = np.zeros((NY, NA))
    for r in read_csv(p("asfr_medium.csv")):
        y = int(r["year"])
        if Y0 <= y <= Y1:
            asfr[y - Y0, int(r["age"])] = float(r["asfr"])
    d["asfr"] = asfr
    srb = np.full(NY, np.nan)
    for r in read_csv(p("srb_medium.csv")):
        y = int(r["year"])
        if Y0 <= y <= Y1:
            srb[y - Y0] = float(r["srb_male_per_female"])
    assert not np.isnan(srb).any()
    d["srb"] = srb
    # reference: WPP 1 July population [year - Y0, sex, age] and births by calendar year
    ref = np.full((NY, 2, NA), np.nan)
    for r in read_csv(p("pop_proj_medium.csv")):
        y = int(r["year"])
        if Y0 <= y <= Y1:
            ref[y - Y0, :, int(r["age"])] = float(r["male"]), float(r["female"])
    d["ref_pop"] = ref
    ref_b = {int(r["year"]): float(r["births"]) for r in read_csv(p("births_deaths_medium.csv"))}
    d["ref_births"] = np.array([ref_b.get(y, np.nan) for y in range(Y0, Y1 + 1)])
    return d


def life_table_survival(mx):
    """Survival ratios from mx[..., sex, age] (any leading dims). Returns s[..., sex, 0..100]:
    s[0] = L0/l0 (births -> age 0), s[x] = Lx/Lx-1 (x = 1..99), s[100] = T100/T99 (99, 100+ -> 100+)."""
    m0m, m0f = mx[..., 0, 0], mx[..., 1, 0]
    a0m = np.where(m0m < 0.02300, 0.14929 - 1.99545 * m0m,
                   np.where(m0m < 0.08307, 0.02832 + 3.26201 * m0m, 0.29915))
    a0f = np.where(m0f < 0.01724, 0.14903 - 2.05527 * m0f,
                   np.where(m0f < 0.06891, 0.04667 + 3.88089 * m0f, 0.31411))
    ax = np.full(mx.shape, 0.5)
    ax[..., 0, 0], ax[..., 1, 0] = a0m, a0f
    qx = np.minimum(mx / (1.0 + (1.0 - ax) * mx), 1.0)
    qx[..., NA - 1] = 1.0                                   # open interval: everyone dies
    lx = np.ones(mx.shape)
    lx[..., 1:] = np.cumprod(1.0 - qx[..., :-1], axis=-1)   # l0 = 1
    dx = lx * qx
    Lx = np.empty(mx.shape)
    Lx[..., :-1] = lx[..., 1:] + ax[..., :-1] * dx[..., :-1]
    Lx[..., -1] = lx[..., -1] / mx[..., -1]
    Tx = np.cumsum(Lx[..., ::-1], axis=-1)[..., ::-1]
    s = np.empty(mx.shape)
    s[..., 0] = Lx[..., 0]
    s[..., 1:-1] = Lx[..., 1:-1] / Lx[..., :-2]
    s[..., -1] = Tx[..., -1] / Tx[..., -2]
    return s


def project(d):
    """Deterministic projection. Returns (1 July populations [NY, 2, NA], births [NY])."""
    surv = life_table_survival(d["mx"])                     # all years and sexes at once
    asfr, mig = d["asfr"], d["mig"]
    share_m = d["srb"] / (1.0 + d["srb"])
    jul1 = np.empty((NY, 2, NA))
    births = np.empty(NY)
    p = d["pop0"]
    for i in range(NY):
        s = surv[i]
        nxt = np.empty((2, NA))
        nxt[:, 1:-1] = p[:, :-2] * s[:, 1:-1]
        nxt[:, -1] = (p[:, -2] + p[:, -1]) * s[:, -1]
        b = 0.5 * np.dot(asfr[i], p[1] + nxt[1])            # nxt[1, 0] is unused: asfr[0] = 0
        births[i] = b
        nxt[0, 0] = b * share_m[i] * s[0, 0]
        nxt[1, 0] = b * (1.0 - share_m[i]) * s[1, 0]
        nxt += mig[i]
        jul1[i] = 0.5 * (p + nxt)
        p = nxt
    return jul1, births


def validate(d, jul1, births, last=2050):
    n = last - Y0 + 1
    sim, ref = jul1[:n].sum(axis=1), d["ref_pop"][:n].sum(axis=1)   # both sexes, [year, age]
    rows = [("total", slice(0, NA)), ("60+", slice(60, NA)), ("65+", slice(65, NA)),
            ("80+", slice(80, NA)), ("0-2", slice(0, 3))]
    out = []
    for name, sl in rows:
        a, b = sim[:, sl].sum(axis=1), ref[:, sl].sum(axis=1)
        out.append((name, a, b))
    out.append(("births", births[:n], d["ref_births"][:n]))
    print(f"Validation vs WPP 2024 medium, {Y0}-{last} (1 July populations; calendar-year births)")
    print(f"{'indicator':<10}{'max |rel err|':>15}{'at year':>9}{'tolerance':>11}  status")
    ok = True
    for name, a, b in out:
        rel = np.abs(a / b - 1.0)
        k = int(np.argmax(rel))
        tol = 0.015 if name in ("births", "0-2") else 0.002   # the tolerances
        good = rel[k] <= tol
        ok &= good
        print(f"{name:<10}{100 * rel[k]:>14.4f}%{Y0 + k:>9}{100 * tol:>10.1f}%  {'ok' if good else 'FAIL'}")
    return ok


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=DEFAULT_DATA, help="folder with the WPP 2024 China CSVs")
    ap.add_argument("--repeats", type=int, default=200, help="timed runs of the projection")
    args = ap.parse_args()
    d = load(args.data)                                     # not timed
    jul1, births = project(d)                               # warm-up and result for validation
    times = []
    for _ in range(max(1, args.repeats)):
        t0 = time.perf_counter()
        project(d)
        times.append(time.perf_counter() - t0)
    med = statistics.median(times) * 1e6
    print(f"numpy {np.__version__}: projection {Y0}-{Y1} ({NY} years, 2 sexes x {NA} ages), "
          f"median of {len(times)} runs: {med:.1f} us (min {min(times) * 1e6:.1f} us)")
    if not validate(d, jul1, births):
        print("note: some indicators exceed the tolerance (informational; exit status stays 0)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
