#!/usr/bin/env bash
# The unpinned run: install the newest versions pyproject.toml allows into .venv-latest (not the
# lock) and run the same checks, to meet the next upstream release on purpose rather than by
# surprise. Usage: bash scripts/test-latest.sh [pytest args]
set -euo pipefail
cd "$(dirname "$0")/.."
ONEM_VENV=.venv-latest ONEM_UNPINNED=1 exec bash scripts/test.sh "$@"
