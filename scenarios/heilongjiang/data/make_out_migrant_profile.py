#!/usr/bin/env python3
"""Writes out_migrant_profile.csv: the age-sex profile of net out-migrants used by
heilongjiang_out_migration.toml. ASSUMPTION: a Rogers-Castro model migration schedule (Rogers and
Castro 1981, "Model migration schedules", IIASA RR-81-30) with a childhood component (children
move with their parents) and a labour-force peak at about age 22, parameters near the averages
Rogers and Castro report (a1/a2 = 0.3, alpha1 = 0.1, alpha2 = 0.1, mu2 = 20, lambda2 = 0.4), the
same for both sexes; the shares sum to 1 over both sexes and ages 0-100."""
import math
from pathlib import Path

A1, ALPHA1, A2, ALPHA2, MU2, LAMBDA2 = 0.3, 0.1, 1.0, 0.1, 20.0, 0.4

def rate(x: float) -> float:
    child = A1 * math.exp(-ALPHA1 * x)
    labour = A2 * math.exp(-ALPHA2 * (x - MU2) - math.exp(-LAMBDA2 * (x - MU2)))
    return child + labour

weights = [rate(age + 0.5) for age in range(101)]
total = 2 * sum(weights)
lines = ["age,sex,share"]
for age, w in enumerate(weights):
    for sex in ("male", "female"):
        lines.append(f"{age},{sex},{w / total:.10f}")
Path(__file__).with_name("out_migrant_profile.csv").write_text("\n".join(lines) + "\n")
