"""Render a reply as JSON: one object per line, safe for any reader (no raw line separators)."""

from __future__ import annotations

import json
from typing import Any

from ..knowledge.models import Source
from ..reply.replies import Claim, Reply, SecondAnswer
from .text import summary

_ESCAPES = {c: f"\\u{c:04x}" for c in (*range(0x80, 0xA0), 0x2028, 0x2029)}
"""Characters JSON allows raw but readers split lines on (U+2028, U+2029) or terminals obey
(C1 controls such as CSI). They only occur inside strings, where an escape means the same."""


def json_line(value: Any) -> str:
    """Return ``value`` as compact JSON on one line (UTF-8 text kept readable), no newline."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).translate(_ESCAPES)


def to_json(reply: Reply) -> dict[str, Any]:
    """Render the reply as the JSON object of the evaluation contract (plus details)."""
    return {
        "question": reply.question,
        "answered": reply.answered,
        "answer": summary(reply) if reply.answered or reply.kind == "smalltalk" else None,
        "status": reply.status.value if reply.status else None,
        "claimed_by": reply.claimed_by,
        "sources": [_source(s) for s in reply.sources],
        "score": reply.score,
        "entry": reply.entry_id,
        "conflicts": [_claim(c) for c in reply.conflicts],
        "related": [s.entry_id for s in reply.related],
        "suggestions": [s.question for s in reply.suggestions],
        "notice": reply.notice,
        "kind": reply.kind,
        "about": reply.about,
        "second": _second(reply.second) if reply.second is not None else None,
    }  # fmt: skip


def _source(source: Source) -> dict[str, Any]:
    return {
        "id": source.id, "title": source.title, "outlet": source.outlet,
        "kind": source.kind.value, "author": source.author, "citation": source.citation(),
    }  # fmt: skip


def _second(second: SecondAnswer) -> dict[str, Any]:
    return {
        "entry": second.entry_id,
        "question": second.question,
        "status": second.status.value,
        "claimed_by": second.claimed_by,
        "answer": second.answer,
        "sources": [_source(s) for s in second.sources],
        "score": second.score,
        "conflicts": [_claim(c) for c in second.conflicts],
    }


def _claim(claim: Claim) -> dict[str, Any]:
    return {
        "entry": claim.entry_id, "status": claim.status.value, "claimed_by": claim.claimed_by,
        "answer": claim.answer,
    }  # fmt: skip
