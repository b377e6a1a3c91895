#!/usr/bin/python3
"""Scaling of the capacity simulation (docs/benchmarks.md, issue 23 item 5): run time and peak
memory of the province bed model (bench/ProvinceModel.hpp) against beds, years, replications and
threads or processes.

What it measures. Each configuration is one run of build/bench/bench_capacity_scaling under
`/usr/bin/time -f %M` (peak resident set of the process, KiB), repeated (3 times; --quick: once):
the table gives the median time and the largest peak RSS of the repeats. Time is the program's own
steady_clock time of all replications (the model is built before the clock starts), except in the
parallel table, which gives wall time measured here (process start to exit, of the pair for two
processes), so that threads and processes are compared alike.
  beds          1e3, 1e4, 1e5, 3e5, 1e6 at 10 years, 1 replication, 1 thread
  years         5, 10, 20, 40 at 1e5 beds, 1 replication, 1 thread
  replications  1, 2, 4, 8 at 1e5 beds, 10 years, 1 thread
  parallel      4 replications at 1e5 beds, 10 years: 1 process x 1 thread, 1 process x 2 threads,
                and 2 processes at once (started together) x 1 thread x 2 replications each
Single-thread runs are pinned to the first core of --cores (taskset), the 2-thread run and the
pair of processes to all of --cores.

How the exponent is fitted. For each axis, b of y ~ a x^b by least squares on log y against log x
(numpy.polyfit, degree 1), over the axis's rows: y = time, and y = peak RSS above a baseline, the
peak RSS of the smallest possible run (30 beds, 1 year, 1 replication: the process, its libraries
and an empty model). Rows whose RSS is not above the baseline are left out of the memory fit.
Linear scaling is b = 1; for threads, perfect speed-up is b = -1 (two points only). A warning
follows the tables if a single-thread run got under 90% of its core (its CPU time against its
wall time, both from the program): the machine was not idle.

Usage (on an otherwise idle machine; core 0 reserved for benchmarks):
  /usr/bin/python3 bench/capacity_scaling.py [--bin PATH] [--cores 0,1] [--json OUT] [--quick]
  --quick: smaller sizes, one repetition, a smoke test (e.g. taskset -c 1 ... --quick --cores 1)
"""
import argparse
import json
import os
import statistics
import subprocess
import tempfile
import time

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# (axis, values, fixed settings): the full measurement, then the --quick smoke test.
FULL = {
    "beds": ([1000, 10000, 100000, 300000, 1000000], dict(years=10, replications=1, threads=1)),
    "years": ([5, 10, 20, 40], dict(beds=100000, replications=1, threads=1)),
    "replications": ([1, 2, 4, 8], dict(beds=100000, years=10, threads=1)),
}
FULL_PARALLEL = dict(beds=100000, years=10, replications=4)
QUICK = {
    "beds": ([1000, 10000, 30000, 100000], dict(years=5, replications=1, threads=1)),
    "years": ([2, 4, 8], dict(beds=30000, replications=1, threads=1)),
    "replications": ([1, 2, 4], dict(beds=30000, years=5, threads=1)),
}
QUICK_PARALLEL = dict(beds=30000, years=5, replications=4)
BASELINE = dict(beds=30, years=1, replications=1, threads=1)  # the smallest run: memory baseline


def start(binary, cpus, cfg, rss_file):
    """Starts one run of `binary` with settings `cfg` on CPUs `cpus`; /usr/bin/time writes its peak RSS to rss_file."""
    args = [f"--{k}={cfg[k]}" for k in ("beds", "years", "replications", "threads")]
    cmd = ["/usr/bin/time", "-f", "%M", "-o", rss_file, "taskset", "-c", cpus, binary] + args
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)


def finish(proc, rss_file):
    """Waits for a run; returns its JSON line with rss_kib added."""
    out, _ = proc.communicate()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(proc.args)}: exit status {proc.returncode}")
    row = json.loads(out.strip().splitlines()[-1])
    with open(rss_file) as f:
        row["rss_kib"] = int(f.read().strip().splitlines()[-1])  # last line: earlier ones are time's notes
    return row


def run_together(binary, cpus, cfgs):
    """Runs the configurations `cfgs` at once; returns (rows, wall seconds from first start to last exit)."""
    with tempfile.TemporaryDirectory() as tmp:
        files = [os.path.join(tmp, f"rss{i}") for i in range(len(cfgs))]
        t0 = time.monotonic()
        procs = [start(binary, cpus, cfg, f) for cfg, f in zip(cfgs, files)]
        rows = [finish(p, f) for p, f in zip(procs, files)]
        return rows, time.monotonic() - t0


def measure(binary, cpus, cfgs, repeats, raw, label):
    """Repeats a run of `cfgs` (one process each, at once); returns the summary: median times, largest RSS."""
    reps = []
    for i in range(repeats):
        rows, wall = run_together(binary, cpus, cfgs)
        for row in rows:
            raw.append(dict(row, label=label, repeat=i, cpus=cpus, wall=wall))
        reps.append((rows, wall))
    return dict(
        events=sum(r["events"] for r in reps[0][0]),
        seconds=statistics.median(max(r["seconds"] for r in rows) for rows, _ in reps),
        wall=statistics.median(wall for _, wall in reps),
        rss_kib=max(r["rss_kib"] for rows, _ in reps for r in rows),          # largest process
        rss_sum_kib=max(sum(r["rss_kib"] for r in rows) for rows, _ in reps),  # all processes
    )


def exponent(xs, ys):
    """b of y ~ a x^b (least squares on log-log); None with fewer than 2 usable points."""
    pts = [(x, y) for x, y in zip(xs, ys) if y > 0]
    if len(pts) < 2:
        return None
    return float(np.polyfit(np.log([p[0] for p in pts]), np.log([p[1] for p in pts]), 1)[0])


def fmt_b(b):
    return "n/a" if b is None else f"{b:.2f}"


def mib(kib):
    return kib / 1024


def axis_table(axis, values, fixed, summaries, baseline_kib):
    """Prints the markdown table of one axis and its fitted exponents."""
    print(f"\n### {axis} ({', '.join(f'{k} {v}' for k, v in fixed.items())})\n")
    print(f"| {axis} | events | time (s) | M events/s | peak RSS (MiB) | above baseline (MiB) |")
    print("|---:|---:|---:|---:|---:|---:|")
    for x, s in zip(values, summaries):
        print(f"| {x:,} | {s['events']:,} | {s['seconds']:.4g} | {s['events'] / s['seconds'] / 1e6:.2f} "
              f"| {mib(s['rss_kib']):.1f} | {mib(s['rss_kib'] - baseline_kib):.1f} |")
    bt = exponent(values, [s["seconds"] for s in summaries])
    bm = exponent(values, [s["rss_kib"] - baseline_kib for s in summaries])
    print(f"\nFitted exponent b of y ~ a {axis}^b: time **{fmt_b(bt)}**, peak memory above baseline **{fmt_b(bm)}**.")
    return dict(time=bt, memory=bm)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--bin", default=os.path.join(ROOT, "build/bench/bench_capacity_scaling"), help="the bench_capacity_scaling executable")
    p.add_argument("--cores", default="0,1", help="CPUs (taskset list); single-thread runs use the first")
    p.add_argument("--quick", action="store_true", help="smaller sizes, one repetition: a smoke test")
    p.add_argument("--json", help="write the raw rows (every run) and the fitted exponents here")
    a = p.parse_args()
    axes, parallel = (QUICK, QUICK_PARALLEL) if a.quick else (FULL, FULL_PARALLEL)
    repeats = 1 if a.quick else 3
    cores = a.cores.split(",")
    one, many = cores[0], a.cores
    raw = []

    base = measure(a.bin, one, [BASELINE], repeats, raw, "baseline")
    base_kib = base["rss_kib"]
    print(f"## Capacity simulation scaling{' (--quick: smoke test, not for the record)' if a.quick else ''}\n")
    print(f"Province bed model, 30 pools; median of {repeats} run(s); cores {a.cores}. "
          f"Memory baseline (30 beds, 1 year): {mib(base_kib):.1f} MiB peak RSS.")

    fits = {}
    for axis, (values, fixed) in axes.items():
        summaries = [measure(a.bin, one, [dict(fixed, **{axis: x})], repeats, raw, f"{axis}={x}") for x in values]
        fits[axis] = axis_table(axis, values, fixed, summaries, base_kib)

    # Parallel: the same 4 replications on 1 thread, 2 threads, and 2 processes x 2 replications.
    r = parallel["replications"]
    serial = measure(a.bin, one, [dict(parallel, threads=1)], repeats, raw, "parallel=1 thread")
    threads = measure(a.bin, many, [dict(parallel, threads=2)], repeats, raw, "parallel=2 threads")
    half = dict(parallel, replications=r // 2, threads=1)
    procs = measure(a.bin, many, [half, half], repeats, raw, "parallel=2 processes")
    print(f"\n### threads and processes ({parallel['beds']:,} beds, {parallel['years']} years, {r} replications in all)\n")
    print("| configuration | CPUs | wall time (s) | speed-up | peak RSS per process (MiB) | peak RSS, all processes (MiB) |")
    print("|---|---|---:|---:|---:|---:|")
    for name, cpus, s in ((f"1 process x 1 thread x {r} replications", one, serial),
                          (f"1 process x 2 threads x {r} replications", many, threads),
                          (f"2 processes x 1 thread x {r // 2} replications", many, procs)):
        print(f"| {name} | {cpus} | {s['wall']:.4g} | {serial['wall'] / s['wall']:.2f} | {mib(s['rss_kib']):.1f} | {mib(s['rss_sum_kib']):.1f} |")
    fits["threads"] = dict(time=exponent([1, 2], [serial["wall"], threads["wall"]]),
                           memory=exponent([1, 2], [serial["rss_kib"] - base_kib, threads["rss_kib"] - base_kib]))
    print(f"\nFitted exponent b of y ~ a threads^b (2 points; perfect speed-up -1): wall time **{fmt_b(fits['threads']['time'])}**, "
          f"peak memory above baseline **{fmt_b(fits['threads']['memory'])}**.")

    # A single-thread run whose CPU time falls well short of its wall time shared its core.
    shared = [r for r in raw if r["threads"] == 1 and r["seconds"] > 0.01 and r["cpu_seconds"] < 0.9 * r["seconds"]]
    if shared:
        print(f"\n**Warning:** {len(shared)} single-thread run(s) got under 90% of a core (CPU time / wall time), "
              f"e.g. {shared[0]['label']}: {shared[0]['cpu_seconds']:.3f} s CPU in {shared[0]['seconds']:.3f} s: "
              "the machine was not idle, so the times above are not clean.")

    if a.json:
        with open(a.json, "w") as f:
            json.dump(dict(quick=a.quick, cores=a.cores, baseline_rss_kib=base_kib, fits=fits, runs=raw), f, indent=1)


if __name__ == "__main__":
    main()
