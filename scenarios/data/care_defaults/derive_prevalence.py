#!/usr/bin/python3
# carecap. SPDX-License-Identifier: MIT
"""Re-creates care_prevalence_china.csv: assumed age shapes scaled to published shares of 60+
(see README.md). Usage: derive_prevalence.py POP_2020_CSV > care_prevalence_china.csv"""
import csv
import sys

BANDS = [(60, 64), (65, 69), (70, 74), (75, 79), (80, 84), (85, 89), (90, 94), (95, 100)]
# Assumed shapes for men (women = men x factor) and the published share of 60+ each is scaled to.
DISABLED = ([.08, .11, .16, .23, .32, .43, .55, .65], 1.15, 0.183)   # 4th Sample Survey 2015
FULLY = ([.006, .010, .016, .027, .045, .075, .12, .18], 1.25, 0.021)  # Shaanxi 2020 census proxy
DEMENTIA = ([.015, .025, .045, .08, .13, .20, .28, .35], 1.3, 0.060)   # Jia et al. 2020

pop = {int(r["age"]): (float(r["male"]), float(r["female"])) for r in csv.DictReader(open(sys.argv[1]))}


def scale(shape):
    values, female, target = shape
    num = den = 0.0
    for (lo, hi), v in zip(BANDS, values):
        for a in range(lo, hi + 1):
            num += pop[a][0] * v + pop[a][1] * v * female
            den += pop[a][0] + pop[a][1]
    return target / (num / den)


k = [scale(s) for s in (DISABLED, FULLY, DEMENTIA)]
print("age_from,age_to,sex,self_caring,partly_disabled,fully_disabled,dementia")
for sex, i in (("male", 0), ("female", 1)):
    for b, (lo, hi) in enumerate(BANDS):
        d, u, m = (round(s[0][b] * k[j] * (s[1] if i else 1), 4) for j, s in enumerate((DISABLED, FULLY, DEMENTIA)))
        p = round(d - u, 4)
        print(f"{lo},{hi},{sex},{round(1 - p - u, 4)},{p},{u},{m}")
