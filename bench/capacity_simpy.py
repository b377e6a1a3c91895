#!/usr/bin/python3
"""SimPy 3 comparison for the capacity-simulation benchmark (bench/CapacityBench.cpp).

Model (same as the C++ benchmark): --beds B beds split over 3 bed types x 10 regions = 30 pools of
B/30 beds. Each pool has its own Poisson arrival stream of rate (B/30) / 2.5 per year (offered load
= capacity), exponential length of stay with mean 2.5 years, an unlimited FIFO queue, and
exponential patience with mean 0.5 years: a person not admitted by then gives up (reneges). The
run starts empty and lasts --years Y. Python's `random` with a fixed seed (--seed), one stream.

Written idiomatically against Debian's python3-simpy3 (SimPy 3.0.11, module `simpy`): one
`simpy.Resource(env, capacity=B/30)` per pool; one source process per pool that waits an
exponential inter-arrival time (`yield env.timeout(...)`) and starts a person process; a person
does the documented reneging idiom

    with beds.request() as req:
        result = yield req | env.timeout(patience)
        if req in result:                       # admitted (at once, or later from the queue)
            yield env.timeout(stay)             # the bed is released when the `with` block ends
        # else: patience ran out first; leaving the `with` block withdraws the request

No shortcuts: every person, admitted at once or not, makes the same condition event. Python's
garbage collector is switched off (gc.disable()) for env.run() and on again after it: the run makes
no cyclic garbage (gc.collect() after a run finds none), so this only saves the collector's scans.
Costs of SimPy 3.0.11 that grow with the pool: Resource.users is a list and every release does
users.remove(request), a linear search over the beds in use; and each person admitted at once
leaves its patience timeout in the event heap until it expires.

How events are counted:
  * model events (the figure comparable with the C++ engine, which reports the same three kinds):
    one arrival per source resumption after its inter-arrival timeout, one departure per person
    whose stay timeout completed, one give-up per person whose condition fired without the request
    (reneged), all with time <= Y. env.run(until=Y) stops before any event after Y (SimPy schedules
    its stop event at Y ahead of same-time events). Admission from the queue is part of the
    departure that frees the bed, not an event. Admissions (at once or from the queue) are
    counted too, for checking the model against the C++ loop, but are not events.
  * cxx_convention_events: the C++ run_until counts every event it pops, so it also counts the void
    give-up event of each person admitted from the queue before their patience ran out (if due by
    Y; SimPy pops these as orphaned timeouts of the person's condition) and one year-end event per
    year.
Events/s = model events / wall seconds of env.run(until=Y) (setup and reporting excluded); the
process CPU seconds of the same window are printed too (cpu_s), to spot a contended core. Peak
RSS is the process's (resource.getrusage ru_maxrss). The last line of output is the same as JSON.

Usage: taskset -c 1 /usr/bin/python3 bench/capacity_simpy.py [--beds B] [--years Y] [--seed S]
"""
import argparse
import gc
import json
import platform
import random
import resource
import time

import simpy

BED_TYPES, REGIONS = 3, 10
MEAN_STAY, MEAN_PATIENCE, LOAD = 2.5, 0.5, 1.0


class Counts:
    arrivals = departures = giveups = admissions = stale = 0
    horizon = 0.0


def person(env, beds, rng, counts):
    patience = rng.expovariate(1.0 / MEAN_PATIENCE)
    start = env.now
    with beds.request() as req:
        result = yield req | env.timeout(patience)
        if req in result:                    # admitted, at once or later from the queue
            counts.admissions += 1
            if env.now > start and start + patience <= counts.horizon:
                counts.stale += 1            # admitted from the queue: its patience timeout is void
            yield env.timeout(rng.expovariate(1.0 / MEAN_STAY))
            counts.departures += 1
        else:                                # patience ran out first: reneged
            counts.giveups += 1


def source(env, beds, rate, rng, counts):
    while True:
        yield env.timeout(rng.expovariate(rate))
        counts.arrivals += 1
        env.process(person(env, beds, rng, counts))


def run(beds_total, years, seed):
    rng = random.Random(seed)
    env = simpy.Environment()
    counts = Counts()
    counts.horizon = years
    per_pool = beds_total // (BED_TYPES * REGIONS)
    rate = per_pool / MEAN_STAY * LOAD
    pools = []
    for _ in range(BED_TYPES * REGIONS):
        beds = simpy.Resource(env, capacity=per_pool)
        env.process(source(env, beds, rate, rng, counts))
        pools.append(beds)
    gc_was_enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        t0, c0 = time.perf_counter(), time.process_time()
        env.run(until=years)
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    finally:
        if gc_was_enabled:
            gc.enable()
    occupied = sum(p.count for p in pools)
    queued = sum(len(p.queue) for p in pools)
    return counts, wall, cpu, occupied, queued, per_pool


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--beds", type=int, default=300000)
    ap.add_argument("--years", type=float, default=30.0)
    ap.add_argument("--seed", type=int, default=20240601)
    a = ap.parse_args()
    c, wall, cpu, occupied, queued, per_pool = run(a.beds, a.years, a.seed)
    events = c.arrivals + c.departures + c.giveups
    cxx_events = events + c.stale + int(a.years)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print("SimPy %s  Python %s  beds=%d (30 pools x %d)  years=%g  seed=%d  gc=off during run"
          % (simpy.__version__, platform.python_version(), per_pool * 30, per_pool, a.years,
             a.seed))
    print("arrivals=%d admissions=%d departures=%d giveups=%d  at end: occupied=%d queued=%d"
          % (c.arrivals, c.admissions, c.departures, c.giveups, occupied, queued))
    print("per year: admissions=%.0f giveups=%.0f  giveups/arrivals=%.4f"
          % (c.admissions / a.years, c.giveups / a.years, c.giveups / max(c.arrivals, 1)))
    print("cxx_convention_events=%d (+ %d void give-up timeouts <= Y, + %d year ends)"
          % (cxx_events, c.stale, int(a.years)))
    print("events=%d wall_s=%.3f events_per_s=%.0f peak_rss_mb=%.1f  (cpu_s=%.3f)"
          % (events, wall, events / wall, rss_mb, cpu))
    print(json.dumps({
        "simpy": simpy.__version__, "python": platform.python_version(), "gc": "off during run",
        "beds": per_pool * 30, "beds_per_pool": per_pool, "years": a.years, "seed": a.seed,
        "arrivals": c.arrivals, "admissions": c.admissions, "departures": c.departures,
        "giveups": c.giveups, "occupied_at_end": occupied, "queued_at_end": queued,
        "events": events, "cxx_convention_events": cxx_events, "wall_s": round(wall, 4),
        "events_per_s": round(events / wall), "peak_rss_mb": round(rss_mb, 1),
        "cpu_s": round(cpu, 4)}))


if __name__ == "__main__":
    main()
