#!/usr/bin/python3
# carecap. SPDX-License-Identifier: MIT
"""`carecap export` writes tables planners paste into plans: the workbook, read back with a real
xlsx reader (Debian python3-openpyxl), holds the same numbers as the HDF5 output (read with h5py),
and the CSV files hold them to full precision.

Specification, for the Bei'an run (10 replications: the tables hold the means) and the Bei'an
study: population, indicators, beds_by_type, costs, ranking/comparison sheets and the sources
sheet. Run by CTest with the path of the carecap binary, from the source directory.
"""
import csv
import math
import os
import subprocess
import sys
import tempfile

import h5py
import numpy as np
import openpyxl

binary = sys.argv[1]
checks = 0


def run(*args):
    subprocess.run([binary, *args], check=True, capture_output=True)


def mean_of(group, name):
    """A series' mean over replications, whatever the layout (output/SCHEMA.md)."""
    if "summary_" + name in group:
        data = group["summary_" + name]
        stats = [s.decode() if isinstance(s, bytes) else s for s in data.dims[0][0][()]]
        return data[stats.index("mean")]
    data = group[name]
    first = data.dims[0][0].name.split("/")[-1]
    if first == "replication":
        return data[()].mean(axis=0)
    if first == "statistic":
        return data[0]
    return data[()]


def close(a, b, what):
    """The workbook keeps 16 significant digits (libxlsxwriter's %.16G); an empty cell is NaN."""
    global checks
    checks += 1
    if a is None:
        assert math.isnan(b), f"{what}: sheet empty, HDF5 {b}"
        return
    assert abs(a - b) <= 1e-12 * max(1.0, abs(b)), f"{what}: sheet {a}, HDF5 {b}"


def sheet_rows(sheet):
    """Rows from the header (row 4) down, as lists."""
    rows = list(sheet.iter_rows(min_row=4, values_only=True))
    return rows[0], rows[1:]


def check_start(sheet, f, lang, kind):
    """The start sheet against the results file: residents on 1 January of the first year, their share
    of people aged 60+, the national default (each bed type's base-year demand over its factor), the
    ratio and the factors. Returns (residents, share, national default share, ratio)."""
    header, rows = sheet_rows(sheet)
    assert header == (("项目", "单位", "数值") if lang == "zh" else ("item", "units", "value")), header
    assert rows[0][2] == kind, rows[0]
    residents = float(mean_of(f["capacity"], "n_initial_residents").sum())
    factors = mean_of(f["capacity"], "institution_use_factor")
    needed = mean_of(f["demand"], "n_beds_needed")[0]  # the base year, by bed type
    elders = float(mean_of(f, "n_age_60_plus")[0])
    national = sum(float(needed[b] / factors[b]) for b in range(len(factors)) if factors[b] > 0)
    values = [r[2] for r in rows[1:]]
    expected = [residents, 100 * residents / elders, 100 * national / elders, residents / national, *map(float, factors)]
    assert len(values) == len(expected), (values, expected)
    for value, want in zip(values, expected):
        close(value, want, f"start ({lang})")
    return residents, 100 * residents / elders, 100 * national / elders, residents / national


with tempfile.TemporaryDirectory() as tmp:
    h5 = os.path.join(tmp, "beian.h5")
    xlsx = os.path.join(tmp, "beian.xlsx")
    csv_dir = os.path.join(tmp, "beian_csv")
    run("run", "scenarios/beian/beian.toml", "-o", h5)
    run("export", h5, "--xlsx", xlsx, "--csv", csv_dir)
    book = openpyxl.load_workbook(xlsx, data_only=True)
    assert book.sheetnames[-1] == "sources", book.sheetnames
    for name in ("indicators", "population", "beds_by_type", "childcare_by_band", "operations", "costs", "plan_check"):
        assert name in book.sheetnames, (name, book.sheetnames)

    with h5py.File(h5, "r") as f:
        years = list(f["year"][()])
        # Population sheet: one row per year, the means of the replications.
        header, rows = sheet_rows(book["population"])
        assert header[0] == "年份" and header[3] == "60岁及以上（人）", header
        series = {1: "n_total", 2: "n_age_0_2", 3: "n_age_60_plus", 4: "n_age_80_plus", 5: "share_age_60_plus", 6: "new_births"}
        for column, name in series.items():
            values = mean_of(f, name)
            for i, row in enumerate(rows):
                assert row[0] == years[i]
                close(row[column], float(values[i]), f"population {name} {years[i]}")
        # Indicators sheet, in the plans' format: base year, 2025, 2030, 2035, target, gap.
        header, rows = sheet_rows(book["indicators"])
        assert header[2] == "基年 2021" and header[3] == "2025" and header[5] == "2035", header
        by_name = {row[0]: row for row in rows}
        beds = mean_of(f["capacity"], "n_beds")  # capacity_year, bed_type, region
        cap_years = list(f["capacity/capacity_year"][()])
        beds_2025 = float(beds[cap_years.index(2025)].sum())
        row = by_name["养老床位（供给）"]
        close(row[3], beds_2025, "beds 2025")
        assert row[6] == 5598, row  # Bei'an's 2025 target (seed_facts.md: 5,598 beds)
        close(row[7], beds_2025 - 5598, "beds gap 2025")
        rate = mean_of(f["demand"], "beds_per_1000_elderly")  # year, basis
        basis = [b.decode() if isinstance(b, bytes) else b for b in f["demand/basis"][()]]
        row = by_name["每千名老年人养老床位数（供给）"]
        close(row[3], float(rate[years.index(2025), basis.index("supply")]), "beds per 1,000 2025")
        close(row[6], 73.6, "beds per 1,000 target")  # the plan's 73.6 (seed_facts.md)
        old = mean_of(f, "n_age_60_plus")
        close(by_name["60岁及以上老年人口"][5], float(old[years.index(2035)]), "60+ 2035")
        # Beds by type: demand and supply per year and type; difference = supply - demand.
        header, rows = sheet_rows(book["beds_by_type"])
        needed = mean_of(f["demand"], "n_beds_needed")  # year, bed_type
        types = ["普通养老床位", "护理型床位", "认知障碍照护床位"]
        for row in rows:
            i, b = years.index(row[0]), types.index(row[1])
            close(row[2], float(needed[i, b]), f"beds needed {row[0]} {row[1]}")
            close(row[3], float(beds[cap_years.index(row[0]), b].sum()), f"beds {row[0]} {row[1]}")
            close(row[4], float(beds[cap_years.index(row[0]), b].sum() - needed[i, b]), "difference")
        # Costs: cumulative capital cost by year.
        header, rows = sheet_rows(book["costs"])
        capital = mean_of(f["capacity"], "cum_capital_cost_wan_yuan")
        for row in rows:
            close(row[1], float(capital[cap_years.index(row[0])]), f"capital cost {row[0]}")
        # The plan check lists the seed plan's own contradiction (seed_facts.md).
        header, rows = sheet_rows(book["plan_check"])
        verdicts = [r[7] for r in rows]
        assert verdicts.count("自相矛盾") == 3, verdicts
        # Sources: every input file with its SHA-256.
        header, rows = sheet_rows(book["sources"])
        inputs = [x.decode() if isinstance(x, bytes) else x for x in f.attrs["input_files"]]
        listed = [r[1] for r in rows if r[0] == "输入文件"]
        assert listed == inputs, (listed, inputs)

        # Start: no occupancy stated, so the base year's demand steady state, not calibrated.
        check_start(book["start"], f, "zh", "按基年需求稳态")
        assert "2021年1月1日在住老人516人，占60岁及以上老年人口的0.73%" in book["start"]["A2"].value, book["start"]["A2"].value

        # CSV: the same table to full precision (shortest round-trip doubles), UTF-8 with a BOM.
        with open(os.path.join(csv_dir, "population.csv"), encoding="utf-8-sig", newline="") as handle:
            table = list(csv.reader(handle))
        assert table[0][3] == "60岁及以上（人）", table[0]
        values = mean_of(f, "n_age_60_plus")
        for i, row in enumerate(table[1:]):
            assert int(row[0]) == years[i]
            assert float(row[3]) == float(values[i]), (row[3], values[i])
            checks += 1

    # Bei'an with the national vacancy, in English: half the beds occupied, care use calibrated to them.
    vacancy = os.path.join(tmp, "vacancy.h5")
    vacancy_xlsx = os.path.join(tmp, "vacancy.xlsx")
    run("run", "scenarios/beian/beian_national_vacancy.toml", "-o", vacancy)
    run("export", vacancy, "--xlsx", vacancy_xlsx, "--lang", "en")
    book = openpyxl.load_workbook(vacancy_xlsx, data_only=True)
    with h5py.File(vacancy, "r") as f:
        residents, share, national, ratio = check_start(book["start"], f, "en", "assumed occupancy share")
    note = book["start"]["A2"].value
    assert round(residents) == 2651 and round(ratio, 1) == 5.1, (residents, ratio)
    assert (f"1 January 2021: {residents:,.0f} residents in beds, {share:.2f}% of people aged 60+; start: assumed "
            f"occupancy share (capacity.initial_occupancy); {ratio:.1f} times the national default of {national:.2f}%; "
            "care use calibrated to them.") in note, note

    # English workbook of the study: the comparison sheet equals the study file's comparison group.
    study = os.path.join(tmp, "study.h5")
    study_xlsx = os.path.join(tmp, "study.xlsx")
    run("study", "scenarios/studies/beian_plan_variants.toml", "-o", study)
    run("export", study, "--xlsx", study_xlsx, "--lang", "en")
    book = openpyxl.load_workbook(study_xlsx, data_only=True)
    header, rows = sheet_rows(book["comparison"])
    with h5py.File(study, "r") as f:
        scenarios = [s.decode() if isinstance(s, bytes) else s for s in f["comparison/scenario"][()]]
        assert [r[0] for r in rows] == scenarios, rows
        idle = f["comparison/idle_bed_years"][()]
        column = [i for i, h in enumerate(header) if h == "idle_bed_years (bed-years)"]
        assert column, header
        for i, row in enumerate(rows):
            close(row[column[0]], float(idle[i]), f"idle bed-years {scenarios[i]}")
    header, rows = sheet_rows(book["ranking"])
    assert header[0] == "rank" and [r[0] for r in rows] == list(range(1, len(scenarios) + 1)), rows

print(f"exported workbooks match the HDF5 outputs: {checks} values checked, 0 failed")
