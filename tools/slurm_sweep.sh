#!/usr/bin/env bash
# Slurm batch script for a carecap sweep across nodes (docs/studies.md, "Running on a cluster").
# Submit:   sbatch tools/slurm_sweep.sh scenarios/sweeps/beian_uncertainty.toml results/beian_uncertainty.h5
# Resubmit the same command after a time-out: --resume continues from OUT.h5.partial (the first
# job, with nothing to resume, starts from the first run; a job after the end changes nothing).
# sbatch options given on the command line override the lines below, e.g.
#   sbatch --nodes=1 --ntasks-per-node=2 --cpus-per-task=4 tools/slurm_sweep.sh SWEEP.toml OUT.h5
# Tested on a one-node Slurm 22.05 (Debian 12's slurm-wlm) by tests/slurm/check_slurm_sweep.sh.
#SBATCH --job-name=carecap-sweep
#SBATCH --nodes=4                 # nodes
#SBATCH --ntasks-per-node=2       # MPI processes per node (e.g. one per socket)
#SBATCH --cpus-per-task=16        # OpenMP threads per process
#SBATCH --time=04:00:00
#SBATCH --output=carecap-sweep-%j.log
set -euo pipefail
sweep=${1:?usage: sbatch tools/slurm_sweep.sh SWEEP.toml OUT.h5}
out=${2:?usage: sbatch tools/slurm_sweep.sh SWEEP.toml OUT.h5}
carecap=${CARECAP:-build/tools/carecap}   # built once on a login node: see README
cpus=${SLURM_CPUS_PER_TASK:-1}

# One OpenMP thread per CPU of the task, each pinned to its own core inside the task's cores.
export OMP_NUM_THREADS=$cpus OMP_PROC_BIND=close OMP_PLACES=cores

# Launch: srun --mpi=pmix. Each Slurm task is one MPI process: slurmstepd serves PMIx to it, and
# Debian's OpenMPI (built against the external PMIx that Slurm's mpi_pmix plugin also uses) joins
# the job through it; carecap sees PMIX_RANK and initialises MPI. Without --mpi=pmix (and with the
# usual MpiDefault=none) every task would start MPI alone and run the whole sweep, racing on the
# checkpoint; carecap refuses that (it sees SLURM_STEP_NUM_TASKS > 1 and no MPI launcher).
# Where `srun --mpi=list` shows no pmix, use mpirun inside the allocation instead (OpenMPI reads the
# Slurm allocation and starts one process per task):
#   mpirun --map-by slot:PE=$cpus --bind-to core -x OMP_NUM_THREADS -x OMP_PROC_BIND -x OMP_PLACES "$carecap" sweep ...
# --cpus-per-task is passed explicitly: since Slurm 22.05 srun no longer inherits it from sbatch,
# and each task would get one CPU. --cpu-bind=cores keeps a task's threads on its own cores.
srun --mpi=pmix --cpus-per-task="$cpus" --cpu-bind=cores \
  "$carecap" sweep "$sweep" --threads "$cpus" -o "$out" --resume
