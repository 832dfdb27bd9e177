# Sourced by the other scripts: pick the Python to build .venv with ($PYTHON, else python3) and
# stop with one clear line when it is older than the project needs.
python=${PYTHON:-python3}
if ! command -v "$python" >/dev/null 2>&1; then
  echo "error: $python not found; install Python 3.11 or newer (or set PYTHON=/path/to/python3)" >&2
  exit 1
fi
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "error: onem-bot needs Python 3.11 or newer; $python is $("$python" -V 2>&1)." \
    "Set PYTHON=/path/to/python3.11 (or newer) and run again." >&2
  exit 1
fi
