#!/usr/bin/env bash
# Set up the virtual environment from the lock (see scripts/setup.sh), then run the linters, the
# type checker, the lock check and the whole test suite. Usage: bash scripts/test.sh [pytest args]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh dev
venv=${ONEM_VENV:-.venv}
echo "== ruff check";           "$venv/bin/ruff" check bot tests benchmarks
echo "== ruff format --check";  "$venv/bin/ruff" format --check bot tests benchmarks
echo "== mypy --strict";        "$venv/bin/mypy" --strict
echo "== knowledge check";      "$venv/bin/python" -m bot check
echo "== pytest";               "$venv/bin/python" -m pytest -n auto "$@"
