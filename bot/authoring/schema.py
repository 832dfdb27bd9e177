"""Build the knowledge file's JSON Schema (for editor completion) from the loader's own rules."""

from __future__ import annotations

from typing import Any

from ..core.knowledge.loader import ENTRY_FIELDS, SOURCE_FIELDS, TALK_FIELDS, TOP_FIELDS, Field
from ..core.knowledge.models import SourceKind, Status, TalkKind

_SLUG = "^[a-z0-9]+(?:[-_][a-z0-9]+)*$"
_TEXT: dict[str, Any] = {"type": ["string", "number", "boolean"]}
_TEXTS: dict[str, Any] = {"type": "array", "items": {"type": "string"}}
_SLUGS: dict[str, Any] = {"type": "array", "items": {"type": "string", "pattern": _SLUG}}

_DESCRIPTIONS = {
    "version": "Format version of this file (1).",
    "synonyms": "Groups of interchangeable terms; the first term of each group is canonical.",
    "sources": "Where claims come from; entries cite these ids.",
    "entries": "One entry per claim.",
    "smalltalk": "Greetings, thanks, help and 'who are you': the messages and their replies.",
    "phrasings": "Messages that mean this (case and punctuation do not matter).",
    "reply": "What the bot says back, in the server's voice.",
    "id": "Unique slug: lowercase letters, digits and dashes.",
    "questions": "Phrasings people would really type; none may repeat under another entry.",
    "answer": "Plain text in our own words, a few sentences at most.",
    "status": "How settled the claim is.",
    "claimed_by": "Who makes the claim: a person, company, outlet or commenter.",
    "related": "Entry ids worth reading next.",
    "conflicts_with": "Entry ids that claim otherwise; shown as the other side.",
    "keywords": "Extra words that should lead to this entry.",
    "tags": "Free-form labels for admins.",
    "title": "Title of the article, statement or thread.",
    "outlet": "Publication, site or place it appeared.",
    "kind": "What kind of source this is.",
    "author": "Author or commenter name (optional).",
    "date": "Publication date (optional).",
    "url": "Web address (optional).",
}


def _field(f: Field, parent: str) -> dict[str, Any]:
    description = _DESCRIPTIONS.get(f.name, "")
    if f.name == "sources" and parent == "entry":
        description = "Ids of the sources this claim comes from."
    if f.name == "kind" and parent == "small talk":
        description = (
            "What the message is: a greeting, thanks, a reaction, a goodbye, a call for help, "
            "or 'who are you'."
        )
    return {"description": description, **_shape(f)}


def _shape(f: Field) -> dict[str, Any]:
    least = {"minItems": 1} if f.required else {}
    match f.kind:
        case "int":
            return {"type": "integer"}
        case "text":
            return dict(_TEXT)
        case "slug":
            return {"type": "string", "pattern": _SLUG}
        case "list":
            return {**_TEXTS, **least}
        case "slugs":
            return {**_SLUGS, **least}
        case "status":
            return {"enum": [s.value for s in Status]}
        case "source-kind":
            return {"enum": [k.value for k in SourceKind]}
        case "groups":
            return {"type": "array", "items": {**_TEXTS, "minItems": 2}}
        case "sources":
            return {"type": "array", "minItems": 1, "items": _object(SOURCE_FIELDS, "source")}
        case "talk-kind":
            return {"enum": [k.value for k in TalkKind]}
        case "smalltalk":
            return {"type": "array", "minItems": 1, "items": _object(TALK_FIELDS, "small talk")}
        case "entries":
            return {"type": "array", "minItems": 1, "items": _object(ENTRY_FIELDS, "entry")}
    raise ValueError(f"no schema for field kind {f.kind!r}")


def _object(fields: tuple[Field, ...], name: str) -> dict[str, Any]:
    return {
        "type": "object",
        "additionalProperties": False,
        "required": [f.name for f in fields if f.required],
        "properties": {f.name: _field(f, name) for f in fields},
    }


def knowledge_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) that describes a knowledge file."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "onem-bot knowledge file",
        **_object(TOP_FIELDS, "file"),
    }
