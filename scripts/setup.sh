#!/usr/bin/env bash
# Create the virtual environment (if needed) and install onem-bot into it from the lock file:
# exact versions with hashes, so every machine runs what CI ran.
# Usage: bash scripts/setup.sh [app|dev]   (app: what the bot needs; dev: plus test tools)
# ONEM_VENV picks the folder (default .venv); ONEM_UNPINNED=1 installs the newest versions
# pyproject.toml allows instead of the lock (see scripts/test-latest.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/python.sh
which=${1:-app}
venv=${ONEM_VENV:-.venv}
case "$which" in
  app) extras="" ;;
  dev) extras="[dev]" ;;
  *) echo "usage: bash scripts/setup.sh [app|dev]" >&2; exit 2 ;;
esac
if [ ! -x "$venv/bin/python" ]; then
  "$python" -m venv "$venv"
fi
pip=("$venv/bin/python" -m pip install --quiet --disable-pip-version-check)
if [ "${ONEM_UNPINNED:-}" = 1 ]; then
  "${pip[@]}" --upgrade --upgrade-strategy eager -e ".$extras"
else
  "${pip[@]}" --require-hashes --no-deps -r "requirements/$which.lock"
  "${pip[@]}" --no-deps -e .
fi
