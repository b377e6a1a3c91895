#!/usr/bin/env bash
# Example Slurm batch script for a carecap sweep across nodes (docs/studies.md, "Running on a cluster").
# Submit:   sbatch tools/slurm_sweep.sh scenarios/sweeps/beian_uncertainty.toml results/beian_uncertainty.h5
# Resubmit the same command after a time-out: --resume continues from OUT.h5.partial (the first
# job, with nothing to resume, starts from the first run; a job after the end changes nothing).
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
export OMP_NUM_THREADS=${SLURM_CPUS_PER_TASK:-1}
export OMP_PROC_BIND=close OMP_PLACES=cores
# srun starts one carecap per task; each runs its share of every block of runs on its threads.
srun --cpu-bind=cores "$carecap" sweep "$sweep" --threads "$OMP_NUM_THREADS" -o "$out" --resume
