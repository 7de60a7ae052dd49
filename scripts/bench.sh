#!/usr/bin/env bash
# Runs the benchmarks (tests/benchmarks, kept out of the normal test run) and prints one
# table of figures and ratios against bare PySide6 references measured in the same run.
# Exits non-zero when a target is missed. Extra arguments go to pytest, e.g. -k search.
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen
.venv/bin/python -m pytest tests/benchmarks -p no:cacheprovider -q -s --tb=short "$@"
