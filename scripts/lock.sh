#!/usr/bin/env bash
# Refresh the lock files from pyproject.toml: the newest versions its ranges allow, with hashes.
# requirements/app.lock pins what the bot needs to run; requirements/dev.lock adds the test and
# development tools, at the same versions for what both hold. pip-tools runs from a venv of its
# own (.venv-lock), so it never lands in the project's environment. Usage: bash scripts/lock.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/python.sh
if [ ! -x .venv-lock/bin/pip-compile ]; then
  "$python" -m venv .venv-lock
  .venv-lock/bin/python -m pip install --quiet --disable-pip-version-check pip-tools
fi
common=(--quiet --upgrade --generate-hashes --strip-extras --no-emit-index-url
        --no-emit-find-links --unsafe-package onem-bot)
.venv-lock/bin/pip-compile "${common[@]}" --extra dev --output-file requirements/dev.lock \
  pyproject.toml
.venv-lock/bin/pip-compile "${common[@]}" --constraint requirements/dev.lock \
  --output-file requirements/app.lock pyproject.toml
echo "Refreshed requirements/app.lock and requirements/dev.lock; run bash scripts/test.sh next."
