"""Chat spellings people type in a server channel, read as the words they stand for."""

from __future__ import annotations

_MEANINGS = {
    "people": "ppl ppls peeps",
    "thanks": "thx thnx tnx ty tyvm thanx",
    "you": "ya yall",
    "your": "ur yer",
    "are": "r",
    "why": "y",
    "what": "wat wut wot",
    "though": "tho",
    "because": "cuz coz bc cos",
    "probably": "prolly prob probs",
    "about": "abt bout",
    "before": "b4",
    "video": "vid vids",
    "expensive": "pricey",
    "police": "cops cop",
    "american": "yank yanks yankee yankees murican muricans",
    "america": "murica merica",
    "australian": "aussie aussies",
    "million": "mil",
    "definitely": "def deffo",
    "something": "smth sth",
    "different": "diff",
    "production": "prod",
    "allocation": "alloc allocs",
}
CHAT_WORDS = {
    spelling: word for word, spellings in _MEANINGS.items() for spelling in spellings.split()
}
"""Each chat spelling and the word it stands for (before spelling fixes and stemming)."""


def plain(word: str) -> str:
    """Return the word a chat spelling stands for ("ppl" -> "people"), or the word itself."""
    return CHAT_WORDS.get(word, word)
