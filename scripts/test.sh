#!/usr/bin/env bash
# Installs everything plus the test tools, then runs every check and test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh ".[test]"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy
.venv/bin/lint-imports
.venv/bin/zavmo-desktop validate content
# One worker a core (at most four), a test file to each, so a file's fixtures stay in one process.
.venv/bin/python -m pytest -n auto --maxprocesses 4 --dist loadfile "$@"
