"""One JSON object per line, safe for any reader: no raw line separators or C1 controls."""

from __future__ import annotations

import json
from typing import Any

_ESCAPES = {c: f"\\u{c:04x}" for c in (*range(0x80, 0xA0), 0x2028, 0x2029)}
"""Characters JSON allows raw but readers split lines on (U+2028, U+2029) or terminals obey
(C1 controls such as CSI). They only occur inside strings, where an escape means the same."""


def json_line(value: Any) -> str:
    """Return ``value`` as compact JSON on one line (UTF-8 text kept readable), no newline."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).translate(_ESCAPES)
