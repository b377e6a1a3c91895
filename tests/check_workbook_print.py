#!/usr/bin/python3
# carecap. SPDX-License-Identifier: MIT
"""Planners print the exported workbook: LibreOffice (headless, converting the Bei'an run's
workbook to PDF once) prints the plan indicator table on one A4 page, and every page is A4.

Specification: `carecap export --xlsx` (Chinese) of the Bei'an run; `soffice --headless
--convert-to pdf` with a private profile; `pdftotext` splits the PDF into pages and each page's
print header names its table, so the pages of the indicator sheet are those naming 规划指标表;
`pdfinfo` gives each page's size. Run by CTest with the path of the carecap binary, from the
source directory.
"""
import os
import re
import subprocess
import sys
import tempfile

binary = sys.argv[1]
INDICATOR_TITLE = "规划指标表"  # the indicator table's title (tools/report/IndicatorTable.cpp), in every page header


def run(*args, **kwargs):
    return subprocess.run(list(args), check=True, capture_output=True, text=True, **kwargs)


with tempfile.TemporaryDirectory() as tmp:
    h5 = os.path.join(tmp, "beian.h5")
    xlsx = os.path.join(tmp, "beian.xlsx")
    run(binary, "run", "scenarios/beian/beian.toml", "-o", h5)
    run(binary, "export", h5, "--xlsx", xlsx)
    profile = "file://" + os.path.join(tmp, "libreoffice-profile")  # never the user's, never shared by parallel runs
    run("soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", tmp, xlsx,
        timeout=120)
    pdf = os.path.join(tmp, "beian.pdf")
    pages = run("pdftotext", "-enc", "UTF-8", pdf, "-").stdout.split("\f")
    pages = [p for p in pages if p.strip()]
    info = run("pdfinfo", "-f", "1", "-l", str(len(pages)), pdf).stdout
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info)
    assert len(sizes) == len(pages), (len(sizes), len(pages))
    for width, height in sizes:  # A4: 595.3 x 841.9 pt, either way round
        assert sorted([round(float(width)), round(float(height))]) == [595, 842], (width, height)
    indicator_pages = [i + 1 for i, text in enumerate(pages) if INDICATOR_TITLE in text]
    assert len(indicator_pages) == 1, f"the indicator table prints on pages {indicator_pages}, expected one page"
    print(f"the Bei'an workbook prints on {len(pages)} A4 pages; the indicator table on one (page {indicator_pages[0]})")
