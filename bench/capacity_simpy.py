#!/usr/bin/python3
"""SimPy comparison for the capacity-simulation benchmark (bench/CapacityBench.cpp).

Model (same as the C++ benchmark): --beds B beds split over 3 bed types x 10 regions = 30 pools of
B/30 beds. Each pool has its own Poisson arrival stream of rate (B/30) / 2.5 per year (offered load
= capacity), exponential length of stay with mean 2.5 years, an unlimited FIFO queue, and
exponential patience with mean 0.5 years: a person not admitted by then gives up (reneges). The
run starts empty and lasts --years Y. Python's `random` with a fixed seed (--seed).

Written against Debian's python3-simpy (SimPy 2.3, classic `SimPy.Simulation` API): one Source
process per pool, one Process per person doing the documented reneging idiom
`yield (request, self, beds), (hold, self, patience)`, then `hold` for the stay and `release`.
SimPy 2.3 builds two classes and a `_Holder` process on every such compound request, which is most
of its run time; so by default a person who finds a free bed (then the queue is empty and the
request is granted at once) uses a plain `yield request`, which is the same model and the same
random stream, only cheaper. --always-compound uses the compound request for every person.

How events are counted:
  * model events (the figure comparable with the C++ engine, which reports the same three kinds):
    one arrival per Source resumption after its inter-arrival hold, one departure per person whose
    stay hold completed, one give-up per person whose `acquired()` test failed (reneged), all with
    time <= Y. Admission from the queue is part of the departure that frees the bed, not an event.
  * SimPy resumptions (reported too, for honesty): every Simulation.step() that advanced a
    generator, i.e. every hold/request/release resumption of Sources, persons and SimPy's internal
    reneging `_Holder` processes, plus the person's start after `activate`. Counting them wraps
    step() in a Python call, so they are only counted with --count-steps (not in timed runs).
  * cxx_convention_events: the C++ run_until counts every event it pops, so it also counts the void
    give-up event of each person admitted from the queue before their patience ran out (if due by
    Y; SimPy pops these as cancelled `_Holder` notices) and one year-end event per year.
Events/s = model events / wall seconds of sim.simulate() (setup and reporting excluded).

Usage: taskset -c 0 /usr/bin/python3 bench/capacity_simpy.py [--beds B] [--years Y] [--seed S]
       [--count-steps] [--always-compound]
"""
import argparse
import random
import resource
import time

import SimPy
from SimPy.Simulation import Process, Resource, Simulation, hold, release, request

BED_TYPES, REGIONS = 3, 10
MEAN_STAY, MEAN_PATIENCE, LOAD = 2.5, 0.5, 1.0


class Counts:
    arrivals = departures = giveups = stale = 0


class Person(Process):
    def visit(self, beds, rng, counts, always_compound):
        patience = rng.expovariate(1.0 / MEAN_PATIENCE)   # drawn either way: same random stream
        start = self.sim._t
        if beds.n > 0 and not always_compound:            # free bed (so waitQ is empty): plain
            yield request, self, beds                     # request, granted at once
            admitted = True
        else:
            yield (request, self, beds), (hold, self, patience)
            admitted = self.acquired(beds)
            if admitted and self.sim._t > start and start + patience <= counts.horizon:
                counts.stale += 1        # admitted from the queue: its give-up notice is void
        if admitted:                     # admitted (now or later from the queue)
            yield hold, self, rng.expovariate(1.0 / MEAN_STAY)
            counts.departures += 1
            yield release, self, beds    # hands the bed to the head of the queue, if any
        else:                            # patience ran out first: reneged, removed from waitQ
            counts.giveups += 1


class Source(Process):
    def generate(self, beds, rate, rng, counts, always_compound):
        sim = self.sim
        while True:
            yield hold, self, rng.expovariate(rate)
            counts.arrivals += 1
            p = Person("person", sim=sim)
            sim.activate(p, p.visit(beds, rng, counts, always_compound))


class Stopper(Process):
    """Stops the run at t = Y. simulate(until=Y) alone can run one event past Y when a cancelled
    notice (a `_Holder` of an admitted person) is at the head of SimPy 2.3's event heap."""
    def stop(self, years):
        yield hold, self, years
        self.sim.stopSimulation()


class CountingSimulation(Simulation):
    steps = 0

    def step(self):
        self.steps += 1
        return Simulation.step(self)


def run(beds_total, years, seed, count_steps, always_compound):
    rng = random.Random(seed)
    sim = CountingSimulation() if count_steps else Simulation()
    counts = Counts()
    counts.horizon = years
    per_pool = beds_total // (BED_TYPES * REGIONS)
    rate = per_pool / MEAN_STAY * LOAD
    pools = []
    for i in range(BED_TYPES * REGIONS):
        beds = Resource(capacity=per_pool, name="pool%d" % i, sim=sim)
        src = Source("source%d" % i, sim=sim)
        sim.activate(src, src.generate(beds, rate, rng, counts, always_compound))
        pools.append(beds)
    stopper = Stopper("stopper", sim=sim)
    sim.activate(stopper, stopper.stop(years))
    t0 = time.perf_counter()
    sim.simulate(until=years)
    wall = time.perf_counter() - t0
    occupied = sum(p.capacity - p.n for p in pools)
    queued = sum(len(p.waitQ) for p in pools)
    return counts, wall, occupied, queued, per_pool, getattr(sim, "steps", None)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--beds", type=int, default=300000)
    ap.add_argument("--years", type=float, default=30.0)
    ap.add_argument("--seed", type=int, default=20240601)
    ap.add_argument("--count-steps", action="store_true",
                    help="also count SimPy generator resumptions (adds a call per step)")
    ap.add_argument("--always-compound", action="store_true",
                    help="use the reneging compound request even when a bed is free")
    a = ap.parse_args()
    c, wall, occupied, queued, per_pool, steps = run(a.beds, a.years, a.seed, a.count_steps,
                                                     a.always_compound)
    events = c.arrivals + c.departures + c.giveups
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print("SimPy %s  beds=%d (30 pools x %d)  years=%g  seed=%d  request=%s"
          % (SimPy.__version__, per_pool * 30, per_pool, a.years, a.seed,
             "always-compound" if a.always_compound else "plain-when-free"))
    print("arrivals=%d departures=%d giveups=%d  at end: occupied=%d queued=%d"
          % (c.arrivals, c.departures, c.giveups, occupied, queued))
    if steps is not None:
        print("simpy_resumptions=%d (%.2f per model event)" % (steps, steps / max(events, 1)))
    print("cxx_convention_events=%d (+ %d void give-up notices <= Y, + %d year ends)"
          % (events + c.stale + int(a.years), c.stale, int(a.years)))
    print("events=%d wall_s=%.3f events_per_s=%.0f peak_rss_mb=%.1f"
          % (events, wall, events / wall, rss_mb))


if __name__ == "__main__":
    main()
