"""A generated knowledge base whose entries each have words of their own (for index tests)."""

from __future__ import annotations

from bot.core.knowledge.models import Entry, Knowledge, Source, SourceKind, Status


def generated(count: int, *, linked: bool = False) -> Knowledge:
    """Return ``count`` entries; ``linked`` relates each to the next and gives file lines."""
    entries = tuple(
        Entry(
            id=f"e{i}",
            questions=(f"how many zorb{i} cars in quilt{i}", f"when does plim{i} start"),
            answer=f"About {i} cars, says frob{i}.",
            status=Status.RUMOR,
            claimed_by="someone",
            sources=("s",),
            related=(f"e{i + 1}",) if linked and i + 1 < count else (),
            keywords=() if linked else (f"kw{i}",),
            line=10 * i + 1 if linked else 0,
            question_lines=(10 * i + 2, 10 * i + 3) if linked else (),
        )
        for i in range(count)
    )
    source = Source("s", "Title", "Outlet", SourceKind.ARTICLE)
    return Knowledge("generated", 1, (), {"s": source}, entries, "digest")
