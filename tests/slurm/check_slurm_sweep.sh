#!/usr/bin/env bash
# carecap. SPDX-License-Identifier: MIT
# A real Slurm runs tools/slurm_sweep.sh (docs/studies.md, "Running on a cluster").
#
# Starts a one-node cluster on this machine in a temporary folder: munged with a key made there,
# slurmctld and slurmd on localhost (free ports; the node's CPUs and memory from `slurmd -C`;
# select/cons_tres, proctrack/linuxproc and task/affinity, so that no cgroup is needed inside a
# container). It submits the batch script with 2 tasks of 1 CPU on a small sweep and checks:
#   - the job ran carecap as 2 MPI processes (srun --mpi=pmix) and exited 0;
#   - its results file equals a one-process sweep's (h5diff; root attributes compared with
#     h5dump but for created_utc, as tests/CliRunner.hpp does);
#   - the job log holds progress lines ("N/M runs, ... runs/s, ... left") and the outcome summary;
#   - srun without --mpi=pmix is refused (exit 2) rather than running the sweep once per task.
# The daemons are stopped on every exit. Nothing is skipped: tools/install_deps.sh installs Slurm
# and munge, and a daemon that does not come up fails the test with its log.
# Usage (from the repository root, as CTest runs it): tests/slurm/check_slurm_sweep.sh CARECAP [SWEEP.toml]
set -euo pipefail
export LC_ALL=C  # the checks below read carecap's English words, whatever the machine's LANG

carecap=$(realpath "${1:?usage: tests/slurm/check_slurm_sweep.sh CARECAP [SWEEP.toml]}")
sweep=${2:-tests/sweeps/beian_slurm.toml}
root=$(pwd)

fail() {
  echo "FAIL: $*" >&2
  exit 1
}
for tool in munged mungekey slurmctld slurmd sbatch sinfo scontrol h5diff h5dump; do
  command -v "$tool" >/dev/null || fail "$tool is missing: run tools/install_deps.sh (slurm-wlm, munge)"
done
[ "$(id -u)" -eq 0 ] || fail "slurmd runs jobs as their user and must run as root here (CI runs as root)"

work=$(mktemp -d)  # private to this test: daemons, state and logs
chmod 700 "$work"
mkdir -p "$work/munge" "$work/state" "$work/spool"
daemons=()
show_logs() {
  for log in "$work"/munge/munged.log "$work"/slurmctld.log "$work"/slurmd.log; do
    [ -f "$log" ] && { echo "----- $log"; tail -n 40 "$log"; }
  done
  return 0
}
cleanup() {
  local status=$?
  if [ -n "${job:-}" ]; then scancel "$job" 2>/dev/null || true; fi
  for pid in "${daemons[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${daemons[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  [ "$status" -eq 0 ] || show_logs >&2
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# munge: a key of our own and a socket in the temporary folder (the system's munged is not used).
mungekey --create --keyfile="$work/munge/munge.key" --force
chmod 400 "$work/munge/munge.key"
munged --key-file="$work/munge/munge.key" --socket="$work/munge/munge.socket" --pid-file="$work/munge/munged.pid" \
       --log-file="$work/munge/munged.log" --seed-file="$work/munge/munged.seed" --force
for _ in $(seq 50); do [ -s "$work/munge/munged.pid" ] && break; sleep 0.1; done
[ -s "$work/munge/munged.pid" ] || fail "munged did not start"
daemons+=("$(cat "$work/munge/munged.pid")")
echo test | munge --socket="$work/munge/munge.socket" | unmunge --socket="$work/munge/munge.socket" >/dev/null ||
  fail "munged does not answer on $work/munge/munge.socket"

# slurm.conf: this host as the only node, with what slurmd finds of it.
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
node=$(slurmd -C | grep '^NodeName=' | sed 's/ UpTime=.*//')  # NodeName=vm CPUs=2 ... RealMemory=24105
node_name=${node%% *}
node_name=${node_name#NodeName=}
[ -n "$node_name" ] || fail "slurmd -C printed no node line"
cat >"$work/slurm.conf" <<EOF
ClusterName=carecaptest
SlurmctldHost=$node_name(127.0.0.1)
SlurmctldPort=$(free_port)
SlurmdPort=$(free_port)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$work/munge/munge.socket
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
ProctrackType=proctrack/linuxproc
TaskPlugin=task/affinity
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerType=sched/backfill
ReturnToService=2
MailProg=/bin/true
MinJobAge=600
$node NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=test Nodes=$node_name Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF="$work/slurm.conf"

slurmctld -i -f "$SLURM_CONF"
for _ in $(seq 100); do [ -s "$work/slurmctld.pid" ] && scontrol ping >/dev/null 2>&1 && break; sleep 0.1; done
[ -s "$work/slurmctld.pid" ] && daemons+=("$(cat "$work/slurmctld.pid")")
scontrol ping >/dev/null 2>&1 || fail "slurmctld did not come up"
slurmd -f "$SLURM_CONF"
for _ in $(seq 50); do [ -s "$work/slurmd.pid" ] && break; sleep 0.1; done
[ -s "$work/slurmd.pid" ] && daemons+=("$(cat "$work/slurmd.pid")")
state=""
for _ in $(seq 300); do
  state=$(sinfo -h -N -n "$node_name" -o %t 2>/dev/null || true)
  [ "$state" = idle ] && break
  sleep 0.1
done
[ "$state" = idle ] || fail "node $node_name is not idle after 30 s (state: '${state:-none}')"
echo "cluster up: $node ($(srun --mpi=list 2>&1 | tr -s '\n ' ' '))"

# Under the sanitizers, leak checks are off in the MPI processes (as under mpirun: tests/CMakeLists.txt).
asan_options="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"

# The job: 2 tasks of 1 CPU on one node, progress printed after every block (CARECAP_PROGRESS_SECONDS=0).
started=$(date +%s)
job=$(sbatch --parsable --nodes=1 --ntasks=2 --ntasks-per-node=2 --cpus-per-task=1 --time=5 --chdir="$root" \
             --output="$work/job.log" \
             --export=ALL,CARECAP="$carecap",CARECAP_PROGRESS_SECONDS=0,ASAN_OPTIONS="$asan_options" \
             tools/slurm_sweep.sh "$sweep" "$work/slurm.h5")
job_state=""
for _ in $(seq 1200); do  # at most 120 s: the script's own limits end before CTest's TIMEOUT would kill it
  job_state=$(scontrol show job "$job" 2>/dev/null | sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p')
  case "$job_state" in COMPLETED | FAILED | CANCELLED | TIMEOUT | NODE_FAIL | OUT_OF_MEMORY | PREEMPTED) break ;; esac
  sleep 0.1
done
echo "job $job: $job_state after $(($(date +%s) - started)) s; its log:"
sed 's/^/  | /' "$work/job.log" 2>/dev/null || true
[ "$job_state" = COMPLETED ] || fail "the job ended $job_state (expected COMPLETED)"
job=""

grep -q "2 process(es) x 1 thread(s)" "$work/job.log" || fail "the job did not run carecap as 2 MPI processes of 1 thread"
grep -Eq '^[0-9]+/[0-9]+ runs, [0-9.]+ runs/s, .* left$' "$work/job.log" || fail "no progress line in the job log"
grep -q "p95" "$work/job.log" || fail "no outcome summary in the job log"

# srun without --mpi=pmix (MpiDefault=none): carecap refuses to run the sweep once per task.
set +e
unwired=$(srun --mpi=none --nodes=1 --ntasks=2 --cpus-per-task=1 --time=2 --export=ALL,ASAN_OPTIONS="$asan_options" \
               "$carecap" sweep "$sweep" --threads 1 -o "$work/unwired.h5" 2>&1)
status=$?
set -e
echo "srun --mpi=none -n 2: exit $status: $(echo "$unwired" | grep -m1 'carecap: error' || true)"
[ "$status" -eq 2 ] || fail "srun --mpi=none -n 2 exited $status (expected 2): $unwired"
echo "$unwired" | grep -q "srun started 2 tasks without MPI" || fail "srun --mpi=none -n 2 printed: $unwired"
if [ -e "$work/unwired.h5" ] || [ -e "$work/unwired.h5.partial" ]; then fail "srun --mpi=none -n 2 wrote files"; fi

# The same sweep in one process.
"$carecap" sweep "$sweep" --threads 1 -o "$work/one.h5" >/dev/null
h5diff --exclude-attribute / "$work/one.h5" "$work/slurm.h5" || fail "h5diff: the job's results differ from one process's"
attributes() { h5dump -A "$1" | sed -e 1d -e '/"[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]T[0-9:]*Z"/d'; }
diff <(attributes "$work/one.h5") <(attributes "$work/slurm.h5") || fail "root attributes differ (beyond created_utc)"
echo "h5diff: the job's results equal one process's"
echo "PASS ($(($(date +%s) - started)) s from submission)"
