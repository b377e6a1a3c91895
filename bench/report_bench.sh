#!/usr/bin/env bash
# carecap. SPDX-License-Identifier: MIT
# Report benchmark (docs/benchmarks.md): the HTML report of a 100-scenario study of the Bei'an plan
# and of the 10,000-sample Bei'an sweep (bench/beian_sweep_10000.toml): size, and time to
# interactive in headless Chromium (median of N loads). Usage, from the source directory after a
# Release build: bash bench/report_bench.sh [BUILD_DIR] [LOADS]  (the sweep takes ~2.5 min on 2 cores;
# set SKIP_SWEEP=1 to measure the study only).
set -euo pipefail
build="${1:-build}"
loads="${2:-7}"
carecap="$build/tools/carecap"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# 99 variants of the Bei'an plan: 1%..33% of general beds converted to nursing in 2022, 2023 or 2024.
study="$work/beian_study_100.toml"
cat > "$study" <<TOML
[study]
name = "beian_conversion_100"
description = "Bei'an plan: the baseline and 99 conversions of general to nursing beds (benchmark)"
scenario = "$PWD/scenarios/beian/beian.toml"
baseline_name = "as_published"
replications = 10
seed = 20230101
source = "benchmark variants (assumption): conversion shares and years; cost per bed as in scenarios/studies/beian_plan_variants.toml"
TOML
for year in 2022 2023 2024; do
  for share in $(seq 1 33); do
    cat >> "$study" <<TOML

[[variant]]
name = "convert_${share}pct_${year}"
description = "${share}% of general beds converted to nursing in ${year}"
[variant.overrides.supply]
general_to_nursing = { share = $(printf '0.%02d' "$share"), year = $year, cost_wan_yuan_per_bed = 12.1 }
TOML
  done
done
"$carecap" study "$study" -o "$work/study.h5" > /dev/null
"$carecap" report "$work/study.h5" -o "$work/study_100.html"
pages=("$work/study_100.html")
if [ -z "${SKIP_SWEEP:-}" ]; then
  "$carecap" sweep bench/beian_sweep_10000.toml -o "$work/sweep.h5" > /dev/null
  "$carecap" report "$work/sweep.h5" -o "$work/sweep_10000.html"
  pages+=("$work/sweep_10000.html")
fi
echo "cores: $(nproc); loads per page: $loads"
node bench/report_bench.mjs "$loads" "${pages[@]}"
