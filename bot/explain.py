"""Why an answer was chosen: the matcher's ranking for a question, for ``ask -v``."""

from __future__ import annotations

from typing import Any

from .core.service import KnowledgeService

SHOWN = 5


def ranking(service: KnowledgeService, question: str) -> dict[str, Any]:
    """Return the closest entries to ``question`` with their scores, and the answer threshold."""
    matcher = service.snapshot.matcher
    found = matcher.read(question, limit=SHOWN).matches
    return {
        "threshold": round(matcher.threshold, 4),
        "matches": [
            {
                "entry": m.entry.id,
                "score": round(m.score, 4),
                "coverage": round(m.coverage, 4),
                "similarity": round(m.similarity, 4),
            }
            for m in found[:SHOWN]
        ],
    }


def ranking_lines(details: dict[str, Any]) -> list[str]:
    """Return the ranking as indented lines under a text answer."""
    lines = [f"  Ranking (answers from {details['threshold']:.2f}):"]
    for place, m in enumerate(details["matches"], 1):
        lines.append(
            f"    {place}. {m['entry']}: score {m['score']:.2f} (covers {m['coverage']:.0%} of "
            f"the question, nearest phrasing {m['similarity']:.2f})"
        )
    if not details["matches"]:
        lines.append("    no entry shares a word with the question")
    return lines
