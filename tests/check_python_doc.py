#!/usr/bin/python3
# carecap. SPDX-License-Identifier: MIT
"""The examples of docs/python.md run and print what the doc says they print.

Run by CTest with the path of the carecap binary. Makes the files the doc reads (a run of the
Bei'an and China scenarios, the Bei'an plan study, a small test sweep) in a temporary directory,
runs every ```python block of the doc there, in order, in one namespace, compares each block's
output with the ```text block that follows it, and checks the values against direct h5py reads.
Uses Debian's python3-xarray, python3-h5netcdf, python3-h5py and python3-matplotlib.
"""
import contextlib
import difflib
import io
import os
import re
import struct
import subprocess
import sys
import tempfile

import h5py
import numpy as np

binary = os.path.abspath(sys.argv[1])
repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
doc_path = os.path.join(repo, "docs", "python.md")
with open(doc_path, encoding="utf-8") as f:
    doc = f.read()

# Fenced blocks in order; a ```text block right after a ```python block is its expected output.
fences = list(re.finditer(r"^```(\w*)\n(.*?)^```[ \t]*$", doc, re.MULTILINE | re.DOTALL))
blocks = []  # (line number, code, expected output or None)
for i, m in enumerate(fences):
    if m.group(1) != "python":
        continue
    expected = None
    if i + 1 < len(fences):
        nxt = fences[i + 1]
        if nxt.group(1) == "text" and doc[m.end():nxt.start()].strip() == "":
            expected = nxt.group(2)
    blocks.append((doc.count("\n", 0, m.start()) + 1, m.group(2), expected))
assert len(blocks) >= 8, f"docs/python.md: {len(blocks)} python blocks"

# Which command makes the file each path variable of the first block names (run from the repo).
makers = {
    "run_path": ["run", "scenarios/beian/beian.toml"],
    "china_path": ["run", "scenarios/china.toml"],
    "study_path": ["study", "scenarios/studies/beian_plan_variants.toml"],
    "sweep_path": ["sweep", "tests/sweeps/beian_small.toml"],
}

failures = []
namespace = {"__name__": "docs_python_md"}
ran = 0
home = os.getcwd()
with tempfile.TemporaryDirectory() as tmp:
    first_line, first_code, _ = blocks[0]
    exec(compile(first_code, f"{doc_path}:{first_line}", "exec"), namespace)
    for var, args in makers.items():
        name = namespace[var]
        assert not os.path.isabs(name) and os.path.dirname(name) == "", f"{var} = {name!r}: a bare file name"
        subprocess.run([binary, *args, "-o", os.path.join(tmp, name)], cwd=repo, check=True, capture_output=True)
    ran = 1
    os.chdir(tmp)
    try:
        for line, code, expected in blocks[1:]:
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                exec(compile(code, f"{doc_path}:{line}", "exec"), namespace)
            ran += 1
            sys.stdout.write(out.getvalue())
            if expected is not None and out.getvalue().rstrip() != expected.rstrip():
                diff = "\n".join(difflib.unified_diff(expected.rstrip().splitlines(), out.getvalue().rstrip().splitlines(),
                                                      "doc", "printed", lineterm=""))
                failures.append(f"block at docs/python.md:{line}: output differs from the doc\n{diff}")
    finally:
        os.chdir(home)
    print(f"ran {ran} of {len(blocks)} python blocks")
    assert ran == len(blocks)

    # The figure: a real PNG of nonzero size.
    png = os.path.join(tmp, namespace["png_path"])
    assert os.path.isfile(png), png
    with open(png, "rb") as f:
        head = f.read(24)
    assert os.path.getsize(png) > 1000 and head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR", head
    width, height = struct.unpack(">II", head[16:24])
    assert width > 0 and height > 0
    print(f"{namespace['png_path']}: PNG {width} x {height}, {os.path.getsize(png)} bytes")

    # The doc's values (xarray) against direct h5py reads.
    def index(f, path, label):
        labels = f[path][:]
        labels = [x.decode() if isinstance(x, bytes) else x for x in labels]
        return labels.index(label)

    def close(name, doc_value, h5_value):
        if not np.allclose(doc_value, h5_value, rtol=1e-12, atol=0):
            failures.append(f"{name}: doc {doc_value} != h5py {h5_value}")

    with h5py.File(os.path.join(tmp, namespace["run_path"]), "r") as f:
        mean = index(f, "statistic", "mean")
        y2035 = index(f, "year", 2035)
        close("age60_2035", namespace["age60_2035"], f["summary_n_age_60_plus"][mean, y2035])
        assert namespace["age60_2035"] == namespace["h5_age60_2035"]
        pop = f["n_population_jul1"]  # statistic, year, sex, age
        close("women_80_plus_2030", namespace["women_80_plus_2030"],
              pop[mean, index(f, "year", 2030), index(f, "sex", "female"), 80:].sum())
        nursing = index(f, "demand/bed_type", "nursing")
        dementia = index(f, "demand/bed_type", "dementia")
        needed = f["demand/summary_n_beds_needed"][mean, :, :]  # statistic, year, bed_type
        close("nursing_needed", namespace["nursing_needed"].values, needed[:, nursing])
        close("needed (plot)", namespace["needed"].values, needed[:, nursing] + needed[:, dementia])
        assert list(f["capacity/capacity_year"][:]) == list(f["demand/year"][:])
        c_mean = index(f, "capacity/statistic", "mean")
        c_nursing = index(f, "capacity/bed_type", "nursing")
        for var, name in (("nursing_beds", "n_beds"), ("open_beds", "n_beds"), ("occupied", "n_occupied_beds")):
            close(var, namespace[var].values, f["capacity/" + name][c_mean, :, c_nursing, :].sum(axis=1))
    with h5py.File(os.path.join(tmp, namespace["china_path"]), "r") as f:
        assert f["n_age_60_plus"].ndim == 1  # R = 1: the helper's plain branch
        close("china_age60_2035", namespace["china_age60_2035"], f["n_age_60_plus"][index(f, "year", 2035)])
    with h5py.File(os.path.join(tmp, namespace["study_path"]), "r") as f:
        close("idle_bed_years", namespace["idle"].values, f["comparison/idle_bed_years"][:])
    with h5py.File(os.path.join(tmp, namespace["sweep_path"]), "r") as f:
        close("fans.age_0_2", namespace["fans"].age_0_2.values, f["fans/age_0_2"][:])

if failures:
    print("\n".join(failures))
    sys.exit(1)
print(f"docs/python.md: {ran} examples ran, outputs as documented, values equal h5py reads: passed")
