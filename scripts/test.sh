#!/usr/bin/env bash
# Set up a virtual environment (if needed), install the project with its test tools, then run
# the linters, the type checker and the whole test suite. Usage: bash scripts/test.sh [pytest args]
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[dev]"
echo "== ruff check";          .venv/bin/ruff check bot tests benchmarks
echo "== ruff format --check"; .venv/bin/ruff format --check bot tests benchmarks
echo "== mypy --strict (core)"; .venv/bin/mypy --strict bot/core
echo "== knowledge check";     .venv/bin/python -m bot check
echo "== pytest";              .venv/bin/python -m pytest "$@"
