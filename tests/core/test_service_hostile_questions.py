"""Hostile questions: the core answers anything within bounds and never echoes the asker.

Every question, from the corpus in ``nasty_questions.json`` or made up by hypothesis, goes
through ``ask_checked``: ``KnowledgeService.ask`` must not raise, must return a well-formed
reply scored in 0..1 whose answer (if any) is the knowledge's own and cites at least one source,
must finish within a sanity bound, and the text and JSON renderers must not echo the question
(except JSON's ``question`` field) and must always serialise. The slowest answer is printed in
the session's "hardening figures".
"""

from __future__ import annotations

import itertools
import json
import re
from functools import cache
from typing import Any

import pytest
from hardening_support import HERE, PROFILE, ask_checked, base_bytes
from hypothesis import example, given
from hypothesis import strategies as st

from bot.core.knowledge.loader import parse_knowledge
from bot.core.normalise.text import fold, words
from bot.core.service import KnowledgeService

CORPUS_FILE = HERE / "nasty_questions.json"
READ_WHOLE = 200_000
"""``max_question_chars`` is configurable; this service reads every question in full."""


def load_corpus() -> list[dict[str, Any]]:
    data = json.loads(CORPUS_FILE.read_text(encoding="utf-8"))
    cases: list[dict[str, Any]] = data["cases"]
    return cases


def build(case: dict[str, Any]) -> str:
    """Return the question a corpus case describes."""
    return (
        case.get("text", "") + case.get("repeat", "") * case.get("times", 0) + case.get("after", "")
    )


CORPUS = load_corpus()


@cache
def vocabulary() -> tuple[str, ...]:
    """Words of the knowledge's phrasings, so generated questions also reach real answers."""
    kb = parse_knowledge(base_bytes(), "onem.yaml")
    found = {w for e in kb.entries for q in e.questions for w in re.findall(r"[\w.,']+", q)}
    return tuple(sorted(found))


def test_corpus_is_well_formed() -> None:
    names = [c["name"] for c in CORPUS]
    assert len(names) == len(set(names)) >= 100
    assert all(set(c) <= {"name", "text", "repeat", "times", "after", "expect"} for c in CORPUS)
    assert max(len(build(c)) for c in CORPUS) >= 100_000


@pytest.mark.parametrize("case", CORPUS, ids=[c["name"] for c in CORPUS])
def test_corpus_question(shipped_service: KnowledgeService, case: dict[str, Any]) -> None:
    question = build(case)
    reply = ask_checked(shipped_service, question)
    if case.get("expect") == "declined":
        assert not reply.answered
    if not question.strip():
        assert reply.notice and reply.notice.startswith("Ask me something")
    elif len(question) > shipped_service.max_question_chars:
        assert reply.notice and f"{len(question):,} characters" in reply.notice


@pytest.mark.parametrize("case", CORPUS, ids=[c["name"] for c in CORPUS])
def test_corpus_question_read_whole(
    shipped_service: KnowledgeService, case: dict[str, Any]
) -> None:
    """The same corpus with ``max_question_chars`` raised so that nothing is cut off."""
    service = KnowledgeService(shipped_service.snapshot, max_question_chars=READ_WHOLE)
    reply = ask_checked(service, build(case))
    if case.get("expect") == "declined":
        assert not reply.answered


# --- generated questions -------------------------------------------------------------------

FRAGMENTS = (
    "@everyone", "@here", "<@123>", "<@!123>", "<@&456>", "<#789>", "```", "```py\n", "**", "__",
    "~~", "||", "> ", ">>> ", "`", "\\", "[x](https://e.example)", "\u202e", "\u202d", "\u2066",
    "\u200b", "\u200d", "\ufeff", "\x00", "\x1b[31m", "\r\n", "\t", "\u0301", "\u0336" * 20,
    "nine", "hundred", "thousand", "grand", "2,500", "2.5k", "10:30", "1,000,000", "9" * 400,
    "'s", "\u2019", "n't", "%s", "{0}", "\U0001f697", "\uff11\uff2d", "\u2473", "\u00bd",
    "\ud800", "\udfff", "\ufffd", "\u0430", "\u041c", "\u05d0", "\u0627", "\u4e2d",
)  # fmt: skip

ALL_CHARACTERS = st.characters(exclude_categories=())  # surrogates included
separators = st.sampled_from(["", " ", "  ", "\n", "\t", ",", "?", "\u00a0", "\u3000", "-", "/"])
pieces = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.deferred(lambda: st.sampled_from(vocabulary())),
    st.text(ALL_CHARACTERS, max_size=6),
)
mixtures = st.lists(st.tuples(pieces, separators), max_size=80).map(
    lambda parts: "".join(p + s for p, s in parts)
)
floods = st.builds(
    lambda unit, size: unit * max(1, size // max(len(unit), 1)),
    st.one_of(st.sampled_from(FRAGMENTS), st.text(ALL_CHARACTERS, min_size=1, max_size=12)),
    st.integers(min_value=1, max_value=120_000),
)
questions = st.one_of(
    st.text(max_size=400),
    st.text(ALL_CHARACTERS, max_size=400),
    mixtures,
    floods,
    st.integers(min_value=-(10**600), max_value=10**600).map(str),
    st.from_regex(r"[0-9,.k: ]{1,300}", fullmatch=True),
)


@PROFILE
@given(questions)
@example("How many 1Ms is the US getting? @everyone")
@example("9" * 999)
def test_any_question(shipped_service: KnowledgeService, question: str) -> None:
    reply = ask_checked(shipped_service, question)
    assert shipped_service.ask(question) == reply  # the same question gets the same reply


@PROFILE
@given(questions)
def test_any_question_read_whole(shipped_service: KnowledgeService, question: str) -> None:
    """The same, with ``max_question_chars`` raised so that floods are read in full."""
    service = KnowledgeService(shipped_service.snapshot, max_question_chars=READ_WHOLE)
    ask_checked(service, question)


# Short messages made only of question words: readers look at a sentence's first and last few
# words, so these reach the edges of every reader ("did he get" once read past its end).
SHORT_WORDS = "did is was can he they it that who what how get said the us so".split()


def test_every_short_message_of_question_words_gets_a_reply(
    shipped_service: KnowledgeService,
) -> None:
    after = shipped_service.knowledge.entries[0].id
    kinds = set()
    for size in (1, 2, 3):
        for combo in itertools.product(SHORT_WORDS, repeat=size):
            message = " ".join(combo)
            kinds.add(shipped_service.ask(message).kind)
            kinds.add(shipped_service.ask(message, after, asked="how many for the us").kind)
    assert "decline" in kinds and "answer" in kinds


# --- the text pipeline's fast path ---------------------------------------------------------


@PROFILE
@given(st.text(st.characters(max_codepoint=0x7F), max_size=200))
@example("0\n%")
def test_ascii_fast_path_agrees_with_the_full_path(text: str) -> None:
    """``fold`` has an ASCII fast path; the words it leads to must match the full path's."""
    # U+00A0 folds to a space and sends the whole string down the full (NFKD) path.
    assert words(text + "\u00a0") == words(text)
    assert fold(text + "\u00a0").split() == fold(text).split()


# --- side effects of asking ----------------------------------------------------------------
