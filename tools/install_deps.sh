#!/usr/bin/env bash
# Installs every carecap dependency from Debian 12 packages. Idempotent: packages already
# present are skipped by apt. The list and the reason for each package are in DEVELOPERS.md.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  libfccp-dev               # CSV reader (Fast C++ CSV Parser, header-only)
  libboost1.81-dev          # Boost.Random distributions (Poisson, binomial) and engines
  libeigen3-dev             # dense linear algebra: the smooth fit of base populations to census groups
  libhdf5-dev hdf5-tools    # HDF5 C++ API and the HL dimension-scale API; h5dump for inspection
  libtomlplusplus-dev       # TOML scenario parser
  libcli11-dev              # command-line parsing
  doctest-dev               # unit tests
  libssl-dev                # SHA-256 of input files (OpenSSL EVP)
  libbenchmark-dev          # Google Benchmark (bench/)
  libopenmpi-dev openmpi-bin  # MPI for sweeps across processes and nodes (mpirun)
  time bc                   # bench/sweep_bench.sh: peak memory (GNU time -v) and arithmetic
  python3-numpy python3-xarray python3-h5netcdf python3-h5py  # numpy baseline, output-schema test
  libxlsxwriter-dev         # Excel export of report tables (carecap export --xlsx)
  nlohmann-json3-dev        # JSON of the HTML report's content
  libcpp-httplib-dev        # carecap serve: the HTTP server of the local web page (cpp-httplib 0.11)
  libzip-dev                # carecap serve: a scenario folder downloaded as a zip (libzip)
  libfmt-dev                # the message catalogue's {name} fields (text/)
  coinor-libcbc-dev         # COIN-OR CBC: the mixed-integer programme of the cheapest schedule (models/planning/CbcSolver)
  chromium fonts-wqy-microhei  # report tests and benchmark: headless Chromium, a CJK font for screenshots
  python3-simpy3            # SimPy 3 baseline for the capacity benchmark (bench/capacity_simpy.py)
  python3-matplotlib        # plotting results in Python (docs/python.md, tests/check_python_doc.py)
  python3-openpyxl          # tests/check_export.py reads exported workbooks back (a real xlsx reader)
  libreoffice-calc-nogui poppler-utils  # tests/check_workbook_print.py: the workbook printed to PDF headless, pages counted
  slurm-wlm slurm-wlm-basic-plugins munge  # tests/slurm/: a one-node Slurm cluster runs tools/slurm_sweep.sh
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Node.js runs npm (ECharts for reports, playwright-core for the browser tests). Machines of this
# kind ship it; elsewhere Debian's packages do.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get install -y -qq --no-install-recommends nodejs npm
fi

# npm packages pinned by tools/report/package-lock.json, from the npm registry (never at build time).
report_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/report"
if [ ! -f "$report_dir/node_modules/echarts/dist/echarts.min.js" ] ||
   [ ! -f "$report_dir/node_modules/playwright-core/package.json" ] ||
   [ "$report_dir/package-lock.json" -nt "$report_dir/node_modules/.package-lock.json" ]; then
  (cd "$report_dir" && npm ci --no-audit --no-fund --loglevel=error)
fi
