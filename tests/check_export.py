#!/usr/bin/python3
# carecap. SPDX-License-Identifier: MIT
"""`carecap export` writes tables planners paste into plans: the workbook, read back with a real
xlsx reader (Debian python3-openpyxl), holds the same numbers as the HDF5 output (read with h5py),
rounded as the plan publishes them (persons, beds and places whole, shares in percent with one
decimal, money in 万元 with one decimal: the stored value is the value shown), with Chinese sheet
tabs (English with --lang en), print set-up on every sheet; the CSV files hold the same rounded
numbers, or full precision with --full-precision.

Specification, for the Bei'an run (10 replications: the tables hold the means) and the Bei'an
study: population, indicators, beds_by_type, costs, ranking/comparison sheets and the sources
sheet. Run by CTest with the path of the carecap binary, from the source directory.
"""
import csv
import math
import os
import re
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


# Sheet tabs by table id, in the order of a run's workbook (tools/report/ReportText.cpp sheet_text).
RUN_SHEETS = {
    "zh": ["起始状态", "规划指标", "规划标准测算", "不实施与实施规划", "分乡镇结果", "人口预测", "养老床位", "床位运营", "托位", "投资与成本",
           "养老护理员", "分乡镇养老护理员", "养老护理员指标", "资金", "规划核查", "来源与假设"],
    "en": ["Start", "Plan indicators", "Plan standards", "Without and with plan", "Results by town", "Population", "Beds by type", "Bed operations",
           "Childcare places", "Costs", "Care workers", "Care workers by town", "Care-worker indicators", "Money", "Plan check", "Sources"],
}
SHEET = dict(zip(["start", "indicators", "standards", "natural_trend", "towns", "population", "beds_by_type", "operations", "childcare_by_band",
                  "costs", "workforce", "workforce_towns", "workforce_indicators", "money", "plan_check", "sources"], RUN_SHEETS["zh"]))


def shown(value, decimals):
    """A value as the export rounds it: the double nearest to its text with `decimals` decimals."""
    rounded = float(f"{value:.{decimals}f}")
    return 0.0 if rounded == 0 else rounded


def close(a, b, what, decimals):
    """The sheet holds the HDF5 value rounded to `decimals` (what the plan publishes); an empty cell is NaN."""
    global checks
    checks += 1
    if a is None:
        assert math.isnan(b), f"{what}: sheet empty, HDF5 {b}"
        return
    scaled = abs(b) * 10**decimals
    tie = abs(scaled - math.floor(scaled) - 0.5) < 1e-6  # means may differ in the last bit: either side of a tie
    assert a == shown(b, decimals) or (tie and abs(a - b) <= 0.51 * 10**-decimals), f"{what}: sheet {a}, HDF5 {b}"


def format_decimals(number_format):
    """Decimals a number format shows: '#,##0.0' -> 1, '#,##0' and '0' (years) -> 0."""
    return len(number_format.split(".")[1]) if "." in number_format else 0


def check_rounded(book):
    """Every number of every sheet is stored as shown: no hidden fractions in a paste or a SUM."""
    global checks
    for sheet in book.worksheets:
        for row in sheet.iter_rows(min_row=5):
            for cell in row:
                if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool):
                    decimals = format_decimals(cell.number_format)
                    assert cell.value == shown(cell.value, decimals), (sheet.title, cell.coordinate, cell.value,
                                                                        cell.number_format)
                    checks += 1


def check_print_setup(book):
    """A4, one page wide, portrait up to 8 columns and landscape above, the header row (4) repeated
    on every page, the titles in the page header and the source line in the footer."""
    for sheet in book.worksheets:
        assert str(sheet.page_setup.paperSize) == "9", (sheet.title, sheet.page_setup.paperSize)
        assert sheet.page_setup.fitToWidth in (None, 1, "1") and str(sheet.page_setup.fitToHeight) == "0", sheet.title
        assert sheet.sheet_properties.pageSetUpPr.fitToPage, sheet.title  # fitToWidth 1 is the default: not written
        wide = sheet.max_column > 8
        assert sheet.page_setup.orientation == ("landscape" if wide else "portrait"), (sheet.title, sheet.max_column)
        assert sheet.print_title_rows == "$4:$4", (sheet.title, sheet.print_title_rows)
        assert "carecap" in sheet.oddFooter.left.text and sheet.oddHeader.right.text, sheet.title


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
    decimals = [0, 2, 2, 1] + [3] * len(factors)  # persons whole; shares below 1% with two decimals, as the note
    for value, want, d in zip(values, expected, decimals):
        close(value, want, f"start ({lang})", d)
    return residents, 100 * residents / elders, 100 * national / elders, residents / national


with tempfile.TemporaryDirectory() as tmp:
    h5 = os.path.join(tmp, "beian.h5")
    xlsx = os.path.join(tmp, "beian.xlsx")
    csv_dir = os.path.join(tmp, "beian_csv")
    run("run", "scenarios/beian/beian.toml", "-o", h5)
    run("export", h5, "--xlsx", xlsx, "--csv", csv_dir)
    full_dir = os.path.join(tmp, "beian_csv_full")
    run("export", h5, "--csv", full_dir, "--full-precision")
    book = openpyxl.load_workbook(xlsx, data_only=True)
    assert book.sheetnames == RUN_SHEETS["zh"], book.sheetnames
    check_rounded(book)
    check_print_setup(book)
    assert book[SHEET["population"]]["A3"].value.startswith("来源：carecap "), book[SHEET["population"]]["A3"].value

    with h5py.File(h5, "r") as f:
        years = list(f["year"][()])
        # Population sheet: one row per year, the means of the replications.
        # Persons whole, the share of people aged 60+ in percent with one decimal.
        header, rows = sheet_rows(book[SHEET["population"]])
        assert header[0] == "年份" and header[3] == "60岁及以上（人）" and header[5] == "60岁及以上占比（%）", header
        series = {1: "n_total", 2: "n_age_0_2", 3: "n_age_60_plus", 4: "n_age_80_plus", 5: "share_age_60_plus", 6: "new_births"}
        for column, name in series.items():
            values = mean_of(f, name)
            for i, row in enumerate(rows):
                assert row[0] == years[i]
                close(row[column], float(values[i]), f"population {name} {years[i]}", 1 if column == 5 else 0)
                if column != 5:
                    assert row[column] == int(row[column]), (name, row[column])  # a whole number of persons
        cells = list(book[SHEET["population"]].iter_rows(min_row=5, max_row=5))[0]
        assert cells[3].number_format == "#,##0" and cells[5].number_format == "#,##0.0", (cells[3].number_format,
                                                                                       cells[5].number_format)
        # Indicators sheet, in the plans' format: base year, 2025, 2030, 2035, target, gap.
        header, rows = sheet_rows(book[SHEET["indicators"]])
        assert header[2] == "基年（2020年末）" and header[3] == "2025" and header[5] == "2035", header
        by_name = {row[0]: row for row in rows}
        # The base column is the plan's base date (end of 2020 = 1 January 2021): the base population, 280,000.
        assert by_name["常住人口"][2] == 280000 and by_name["60岁及以上老年人口"][2] == 70000, by_name["常住人口"]
        beds = mean_of(f["capacity"], "n_beds")  # capacity_year, bed_type, region
        cap_years = list(f["capacity/capacity_year"][()])
        beds_2025 = float(beds[cap_years.index(2025)].sum())
        row = by_name["养老床位（供给）"]
        close(row[3], beds_2025, "beds 2025", 0)
        assert row[6] == 5598, row  # Bei'an's 2025 target (北政办规〔2023〕9号: 5,598 beds)
        close(row[7], beds_2025 - 5598, "beds gap 2025", 0)
        rate = mean_of(f["demand"], "beds_per_1000_elderly")  # year, basis
        basis = [b.decode() if isinstance(b, bytes) else b for b in f["demand/basis"][()]]
        row = by_name["每千名老年人养老床位数（供给）"]
        close(row[3], float(rate[years.index(2025), basis.index("supply")]), "beds per 1,000 2025", 1)
        close(row[6], 73.6, "beds per 1,000 target", 1)  # the plan's 73.6 (北政办规〔2023〕9号)
        old = mean_of(f, "n_age_60_plus")
        close(by_name["60岁及以上老年人口"][5], float(old[years.index(2035)]), "60+ 2035", 0)
        share = mean_of(f, "share_age_60_plus")
        close(by_name["60岁及以上人口占比"][5], float(share[years.index(2035)]), "share 60+ 2035", 1)
        # Without and with the plan (不实施规划 / 实施规划): the natural trend's beds are the 5,298 of
        # the end of 2020 (北政办规〔2023〕9号) in every year, the plan's those of the capacity group;
        # the change is their difference.
        header, rows = sheet_rows(book[SHEET["natural_trend"]])
        assert header[2] == "2025年 不实施规划" and header[3] == "2025年 实施规划", header
        row = {r[0]: r for r in rows}["养老床位"]
        trend_beds = mean_of(f["natural_trend_capacity"], "n_beds")
        close(row[2], float(trend_beds[cap_years.index(2025)].sum()), "natural trend beds 2025", 0)
        assert row[2] == 5298, row
        close(row[3], beds_2025, "plan beds 2025", 0)
        assert row[4] == row[3] - row[2], row
        # Shares (headers or units %) carry at most one decimal, in every sheet but the start's (0.73%: two).
        for sheet in book.worksheets[1:]:
            header_row = [str(c.value or "") for c in sheet[4]]
            units_column = header_row.index("单位") if "单位" in header_row else None
            for values in sheet.iter_rows(min_row=5):
                for cell in values:
                    units = header_row[cell.column - 1] + (str(values[units_column].value) if units_column is not None else "")
                    if isinstance(cell.value, float) and "%" in units:
                        assert format_decimals(cell.number_format) <= 1, (sheet.title, cell.coordinate)
        # Beds by type: demand and supply per year and type; difference = supply - demand.
        header, rows = sheet_rows(book[SHEET["beds_by_type"]])
        needed = mean_of(f["demand"], "n_beds_needed")  # year, bed_type
        types = ["普通养老床位", "护理型床位", "认知障碍照护床位"]
        for row in rows:
            i, b = years.index(row[0]), types.index(row[1])
            close(row[2], float(needed[i, b]), f"beds needed {row[0]} {row[1]}", 0)
            close(row[3], float(beds[cap_years.index(row[0]), b].sum()), f"beds {row[0]} {row[1]}", 0)
            close(row[4], float(beds[cap_years.index(row[0]), b].sum() - needed[i, b]), "difference", 0)
        # Costs: cumulative capital cost by year.
        header, rows = sheet_rows(book[SHEET["costs"]])  # 万元 with one decimal
        capital = mean_of(f["capacity"], "cum_capital_cost_wan_yuan")
        for row in rows:
            close(row[1], float(capital[cap_years.index(row[0])]), f"capital cost {row[0]}", 1)
        # Money (docs/money.md): capital, subsidies by rule and public spending by year (万元, one
        # decimal); the plan's 2,000 yuan per new private non-profit bed (北政办规〔2023〕9号) in 2023.
        header, rows = sheet_rows(book[SHEET["money"]])
        money = f["money"]
        capital = mean_of(money, "new_capital_cost_wan_yuan").sum(axis=1)
        subsidy = mean_of(money, "new_subsidy_wan_yuan")  # year, rule
        public = mean_of(money, "new_public_spending_wan_yuan")
        for row in rows:
            i = cap_years.index(row[0])
            close(row[1], float(capital[i]), f"money capital {row[0]}", 1)
            close(row[4], float(subsidy[i, 0]), f"subsidy per new bed {row[0]}", 1)
            close(row[5], float(subsidy[i, 1]), f"subsidy per occupied bed-year {row[0]}", 1)
            close(row[8], float(public[i]), f"public spending {row[0]}", 1)
        assert rows[cap_years.index(2023)][4] == 29.8, rows  # 149 private new beds x 2,000 yuan
        # Care workers: employed, needed and gap by year (persons, whole), and by town; the plan's 240
        # care workers trained by 2025 (北政办规〔2023〕9号) as the cumulative count.
        header, rows = sheet_rows(book[SHEET["workforce"]])
        employed = mean_of(f["workforce"], "n_care_workers").sum(axis=1)
        needed = mean_of(f["workforce"], "n_care_workers_needed").sum(axis=1)
        trained = mean_of(f["workforce"], "cum_care_workers_trained")
        for row in rows:
            i = cap_years.index(row[0])
            close(row[1], float(employed[i]), f"care workers {row[0]}", 0)
            close(row[2], float(needed[i]), f"care workers needed {row[0]}", 0)
            close(row[3], float(needed[i] - employed[i]), f"care-worker gap {row[0]}", 0)
            close(row[9], float(trained[i]), f"care workers trained {row[0]}", 0)
        assert rows[cap_years.index(2025)][9] == 240, rows
        header, rows = sheet_rows(book[SHEET["workforce_towns"]])
        by_town = mean_of(f["workforce"], "n_care_workers")
        assert [r[1] for r in rows[:4]] == ["北安市城区", "通北镇", "二井镇", "赵光镇"], rows[:4]
        for k, row in enumerate(rows):
            close(row[2], float(by_town[cap_years.index(row[0]), k % 4]), f"care workers {row[0]} {row[1]}", 0)
        # The plan check lists the Bei'an plan's own contradictions (北政办规〔2023〕9号): three of
        # beds and places, one of care workers trained by 2025 (240 in the text, 1,000 in 附件4).
        header, rows = sheet_rows(book[SHEET["plan_check"]])
        verdicts = [r[7] for r in rows]
        assert verdicts.count("自相矛盾") == 4, verdicts
        # Shares in percent (not 0.250): no row in fractions (ReportExportTest: fraction rows become %).
        assert "比例" not in [r[6] for r in rows], [r[6] for r in rows]
        # Sources: every input file with its SHA-256.
        header, rows = sheet_rows(book[SHEET["sources"]])
        inputs = [x.decode() if isinstance(x, bytes) else x for x in f.attrs["input_files"]]
        listed = [r[1] for r in rows if r[0] == "输入文件"]
        assert listed == inputs, (listed, inputs)

        # Start: no occupancy stated, so the base year's demand steady state, not calibrated.
        check_start(book[SHEET["start"]], f, "zh", "按基年需求稳态")
        note = book[SHEET["start"]]["A2"].value
        assert "2021年1月1日在住老人516人，占60岁及以上老年人口的0.73%" in note, note

        # CSV: the same table rounded as the workbook shows it (UTF-8 with a BOM); full precision
        # (shortest round-trip doubles) only with --full-precision.
        def csv_table(directory):
            with open(os.path.join(directory, "population.csv"), encoding="utf-8-sig", newline="") as handle:
                return list(csv.reader(handle))
        table, full = csv_table(csv_dir), csv_table(full_dir)
        assert table[0][3] == "60岁及以上（人）" and table[0] == full[0], table[0]
        values, shares = mean_of(f, "n_age_60_plus"), mean_of(f, "share_age_60_plus")
        for i, (row, exact) in enumerate(zip(table[1:], full[1:])):
            assert int(row[0]) == years[i] and int(exact[0]) == years[i]
            assert re.fullmatch(r"-?\d+", row[3]) and float(row[3]) == shown(float(values[i]), 0), (row[3], values[i])
            assert re.fullmatch(r"-?\d+(\.\d)?", row[5]) and float(row[5]) == shown(float(shares[i]), 1), row[5]
            assert float(exact[3]) == float(values[i]) and float(exact[5]) == float(shares[i]), (exact, values[i])
            checks += 4
        assert any("." in row[3] for row in full[1:]), full  # the means of replications carry fractions

    # Bei'an with the national vacancy, in English: half the beds occupied, care use calibrated to them.
    vacancy = os.path.join(tmp, "vacancy.h5")
    vacancy_xlsx = os.path.join(tmp, "vacancy.xlsx")
    run("run", "scenarios/beian/beian_national_vacancy.toml", "-o", vacancy)
    run("export", vacancy, "--xlsx", vacancy_xlsx, "--lang", "en")
    book = openpyxl.load_workbook(vacancy_xlsx, data_only=True)
    assert book.sheetnames == RUN_SHEETS["en"], book.sheetnames
    check_rounded(book)
    check_print_setup(book)
    assert book["Start"]["A3"].value.startswith("Source: carecap "), book["Start"]["A3"].value
    with h5py.File(vacancy, "r") as f:
        residents, share, national, ratio = check_start(book["Start"], f, "en", "assumed occupancy share")
    note = book["Start"]["A2"].value
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
    assert "Outcomes by scenario" in book.sheetnames and book.sheetnames[-1] == "Sources", book.sheetnames
    check_rounded(book)
    check_print_setup(book)
    header, rows = sheet_rows(book["Outcomes by scenario"])
    with h5py.File(study, "r") as f:
        scenarios = [s.decode() if isinstance(s, bytes) else s for s in f["comparison/scenario"][()]]
        assert [r[0] for r in rows] == scenarios, rows
        idle = f["comparison/idle_bed_years"][()]
        column = [i for i, h in enumerate(header) if h == "idle_bed_years (bed-years)"]
        assert column, header
        for i, row in enumerate(rows):
            close(row[column[0]], float(idle[i]), f"idle bed-years {scenarios[i]}", 0)
    header, rows = sheet_rows(book["Ranking"])
    assert header[0] == "rank" and [r[0] for r in rows] == list(range(1, len(scenarios) + 1)), rows

    # Chinese workbook of the study: the variants' Chinese names (scenario_label_zh), the baseline
    # first in the key table, shares in percent, and the ranking led by the only variant that meets
    # the plan's 55% nursing-type share (with it, every target). Sheets found by their titles (A1).
    study_zh_xlsx = os.path.join(tmp, "study_zh.xlsx")
    run("export", study, "--xlsx", study_zh_xlsx)
    book = openpyxl.load_workbook(study_zh_xlsx, data_only=True)
    titled = {book[name]["A1"].value: book[name] for name in book.sheetnames}
    with h5py.File(study, "r") as f:
        labels_zh = [s.decode() if isinstance(s, bytes) else s for s in f["scenario_label_zh"][()]]
        met = f["comparison/targets_met"][()]
        share = f["comparison/nursing_share_in_target_year"][()]
    assert labels_zh == ["按规划", "推迟一年", "30%普通床位转护理型", "未注明床位按零计"], labels_zh
    header, rows = sheet_rows(titled["主要结果"])
    assert list(header[:3]) == ["方案", "达标目标数（项）", "目标年护理型床位占比（%）"], header
    assert [r[0] for r in rows] == labels_zh, rows
    for i, row in enumerate(rows):
        assert row[1] == met[i], (row, met)
        assert abs(row[2] - 100 * share[i]) <= 0.05 + 1e-9, (row, share)
        checks += 2
    header, rows = sheet_rows(titled["方案排序"])
    assert rows[0][1] == "30%普通床位转护理型" and rows[0][2] == max(met), rows
    assert [r[1] for r in rows].count("按规划（基准）") == 1, rows

print(f"exported workbooks match the HDF5 outputs: {checks} values checked, 0 failed")
