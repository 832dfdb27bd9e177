"""Text for a terminal: knowledge and user text can never move the cursor or recolour it."""

from __future__ import annotations

REPLACEMENT = "\ufffd"
_KEPT = frozenset({0x09, 0x0A})  # tabs are harmless; newlines are the renderer's own
_TABLE: dict[int, str] = {
    c: REPLACEMENT
    for c in (*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0), *range(0xD800, 0xE000))
    if c not in _KEPT
} | {0x2028: " ", 0x2029: " "}


def printable(text: str) -> str:
    """Return text with every control character but tab and newline shown as U+FFFD.

    Escape sequences (ESC, CSI) start with such a character, so none reaches the terminal; lone
    surrogates, which no terminal encoding carries, become U+FFFD too.
    """
    return text.translate(_TABLE)
