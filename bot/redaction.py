"""Keep bot tokens out of everything the bot prints, logs or posts."""

from __future__ import annotations

import re

_TOKEN_SHAPE = re.compile(r"[\w-]{20,40}\.[\w-]{4,12}\.[\w-]{20,80}")
"""What a Discord bot token looks like: three base64url parts separated by dots (bounded, so
that a long run of letters in a log line costs linear time)."""
REDACTED = "[redacted]"
MIN_SECRET = 8
"""Shorter secrets are not searched for (real tokens are about 70 characters)."""


def redact(text: str, secret: str | None = None) -> str:
    """Return ``text`` without ``secret`` nor anything shaped like a Discord bot token."""
    if secret and len(secret.strip()) >= MIN_SECRET:
        text = text.replace(secret.strip(), REDACTED)
    return _TOKEN_SHAPE.sub(REDACTED, text)
