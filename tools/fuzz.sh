#!/usr/bin/env bash
# Fuzzes carecap's input readers with libFuzzer (docs/reliability.md).
#   bash tools/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
# Builds the fuzz targets with clang (build-fuzz/, ASan + UBSan), writes each target's seed corpus
# from the real scenario files, then runs each target for SECONDS_PER_TARGET (default 600) on one
# core. Findings land in build-fuzz/findings/TARGET/; copy a crash into tests/fuzz/regressions/TARGET/
# once fixed, so that the suite replays it.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_scenario_toml fuzz_csv_tables fuzz_study fuzz_sweep)

need=()
for package in clang-14 libclang-rt-14-dev libomp-14-dev; do
  dpkg -s "$package" >/dev/null 2>&1 || need+=("$package")
done
if [ ${#need[@]} -gt 0 ]; then
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get install -y --no-install-recommends "${need[@]}"
fi

# -O1 -g without NDEBUG: assertions stay on while fuzzing.
CC=clang-14 CXX=clang++-14 cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -g" -DCARECAP_FUZZ=ON >/dev/null
cmake --build build-fuzz -j2 --target "${targets[@]}"

found=0
for target in "${targets[@]}"; do
  corpus=build-fuzz/corpus/$target
  findings=build-fuzz/findings/$target
  mkdir -p "$corpus" "$findings"
  CARECAP_FUZZ_SEEDS="$corpus" "build-fuzz/tests/fuzz/$target"
  echo "== $target: ${seconds}s"
  # -timeout: one input taking over 10 s is a finding; -rss_limit_mb: so is one needing over 2 GiB.
  # A finding stops this target only; the others still run.
  status=0
  "build-fuzz/tests/fuzz/$target" "$corpus" "tests/fuzz/regressions/$target" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 -print_final_stats=1 \
    -dict=tests/fuzz/carecap.dict -artifact_prefix="$findings/" >"build-fuzz/$target.log" 2>&1 || status=$?
  grep -E "^Done|stat::(number_of_executed_units|average_exec_per_sec|new_units_added|peak_rss_mb)|ERROR|SUMMARY" \
    "build-fuzz/$target.log" || true
  if [ "$status" -ne 0 ]; then
    echo "== $target: FINDING (exit $status), input saved in $findings/; log: build-fuzz/$target.log"
    found=1
  fi
done
exit "$found"
