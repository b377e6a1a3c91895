#!/usr/bin/env bash
# Sweep benchmark (docs/benchmarks.md): bench/beian_sweep_10000.toml on 1 thread, 2 threads and
# 2 MPI processes of 1 thread, REPEATS times each; prints wall seconds, runs per second and peak
# resident memory (largest process) per run, then the medians. Usage: bash bench/sweep_bench.sh [REPEATS]
set -euo pipefail
cd "$(dirname "$0")/.."
repeats=${1:-3}
binary=build/tools/carecap
sweep=bench/beian_sweep_10000.toml
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
runs=10000
measure() {  # label, command...
  local label=$1; shift
  local times=() rss=()
  for i in $(seq "$repeats"); do
    rm -f "$work"/out.h5*
    local start end
    start=$(date +%s.%N)
    "$@" > "$work/log" 2> "$work/err"
    end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc -l)")
    rss+=("$(grep -h 'Maximum resident' "$work/err" | awk '{print $NF}' | sort -n | tail -1)")
    echo "$label run $i: $(printf '%.1f' "${times[-1]}") s, peak RSS ${rss[-1]} kB" >&2
  done
  local median_t median_rss
  median_t=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  median_rss=$(printf '%s\n' "${rss[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf '%-26s median %7.1f s  %6.1f runs/s  peak RSS %6.0f MiB\n' "$label" "$median_t" \
    "$(echo "$runs / $median_t" | bc -l)" "$(echo "$median_rss / 1024" | bc -l)"
}
gnu_time=(/usr/bin/time -v)
measure "1 thread" "${gnu_time[@]}" "$binary" sweep "$sweep" --threads 1 -o "$work/out.h5"
measure "2 threads" "${gnu_time[@]}" "$binary" sweep "$sweep" --threads 2 -o "$work/out.h5"
measure "2 MPI processes x 1 thread" mpirun --oversubscribe -np 2 "${gnu_time[@]}" "$binary" sweep "$sweep" --threads 1 -o "$work/out.h5"
