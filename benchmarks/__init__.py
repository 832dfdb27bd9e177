"""Benchmarks: answer latency, reload time and memory as the knowledge grows, against rapidfuzz."""

from importlib.util import find_spec

# Every benchmark needs psutil and the peer, which only the development install brings; say so
# instead of failing on the first import.
_MISSING = [name for name in ("psutil", "bm25s") if find_spec(name) is None]
if _MISSING:
    raise SystemExit(
        f"The benchmarks need {' and '.join(_MISSING)}, which the development install brings: "
        "run `bash scripts/setup.sh dev` first."
    )
