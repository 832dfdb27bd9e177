"""Grounding: every number and proper name the bot tells a user is in the sources it cites.

The shipped knowledge is checked against the passages of ``../shared/sources/`` that each of its
source ids maps to (``source_passages.yaml``). Planting a wrong number, an invented name or a
figure borrowed from an uncited source into a copy of the file must make the check fail.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from grounding import MAP_PATH, SOURCES_DIR, check, check_sources, load_map, tokens

from bot.core.knowledge.loader import default_knowledge_path, load_knowledge, parse_knowledge
from bot.core.knowledge.models import Knowledge

SHIPPED = default_knowledge_path()


def setup_module() -> None:
    """Fail loudly, not skip, when the source texts are missing: grounding is not optional."""
    assert SOURCES_DIR.is_dir(), f"the source texts must be at ../shared/sources ({SOURCES_DIR})"


@pytest.fixture(scope="module")
def shipped() -> Knowledge:
    return load_knowledge(SHIPPED)


def test_every_source_has_a_passage_and_every_passage_a_source(shipped: Knowledge) -> None:
    passages = load_map()
    assert set(passages.passages) == set(shipped.sources)
    assert all(p.text.strip() for items in passages.passages.values() for p in items)


def test_every_number_and_name_in_an_answer_is_in_the_sources_it_cites(
    shipped: Knowledge,
) -> None:
    findings = check(shipped, load_map())
    assert not findings, "\n".join(map(str, findings))


def test_source_records_name_nothing_the_source_texts_do_not(shipped: Knowledge) -> None:
    assert check_sources(shipped, load_map()) == []


PLANTS = [
    pytest.param(  # a wrong figure
        "molds-2500-run",
        "BMW puts that run at around 2,500 cars",
        "BMW puts that run at around 3,500 cars",
        "3500",
        id="wrong-number",
    ),
    pytest.param(  # a figure written as a word
        "two-per-dealer-math",
        "get 2 1Ms each at most",
        "get six 1Ms each at most",
        "6",
        id="wrong-number-word",
    ),
    pytest.param(  # a name the sources never use
        "chase-car-v8-benz",
        "it was a V8 Benz",
        "it was a V8 Porsche",
        "porsche",
        id="invented-name",
    ),
    pytest.param(  # a name at the start of a sentence, known from elsewhere in the file
        "goat-torque",
        "It is the commenter's impression",
        "Motoring called it the commenter's impression",
        "motoring",
        id="sentence-initial-name",
    ),
    pytest.param(  # a true figure from a source the entry does not cite
        "aus-rumour-100",
        "would see only 100 1Ms.",
        "would see only 100 1Ms; it received 125.",
        "125",
        id="uncited-borrowing",
    ),
]


def plant(text: str, old: str, new: str) -> str:
    """Replace one phrase of the file's text, whatever the line breaks of its folded answer."""
    pattern = re.compile(r"\s+".join(map(re.escape, old.split())))
    assert len(pattern.findall(text)) == 1, f"the plant site moved: {old!r}"
    return pattern.sub(new, text)


@pytest.mark.parametrize(("entry_id", "old", "new", "key"), PLANTS)
def test_a_planted_error_fails_the_check(
    tmp_path: Path, entry_id: str, old: str, new: str, key: str
) -> None:
    planted = tmp_path / "onem.yaml"
    planted.write_text(plant(SHIPPED.read_text(encoding="utf-8"), old, new), encoding="utf-8")
    knowledge = load_knowledge(planted)
    assert new in knowledge.by_id[entry_id].answer  # the plant reached the answer users read
    findings = check(knowledge, load_map())
    assert [(f.entry_id, f.token.key) for f in findings] == [(entry_id, key)]
    assert entry_id in str(findings[0]) and "not in the passages of" in str(findings[0])


def test_a_claimant_is_checked_like_the_answer(shipped: Knowledge) -> None:
    text = SHIPPED.read_text(encoding="utf-8")
    old = "claimed_by: Gar (reader comment)"
    assert text.count(old) == 1
    planted = parse_knowledge(
        text.replace(old, "claimed_by: Gar (reader comment, via Motoring)"), "x"
    )
    findings = check(planted, load_map())
    assert [(f.entry_id, f.field, f.token.written) for f in findings] == [
        ("gar-invaded", "claimed_by", "Motoring")
    ]


def test_a_changed_source_text_breaks_its_anchors(tmp_path: Path) -> None:
    copy = tmp_path / "sources"
    shutil.copytree(SOURCES_DIR, copy)
    target = copy / "002_0658bbff2b5ea19d.txt"
    target.chmod(0o644)
    target.write_text(
        target.read_text(encoding="utf-8").replace("As former M boss", "As the ex M boss"),
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match=r"segler-told-blog.*As former M boss"):
        load_map(MAP_PATH, copy)


def test_numbers_and_names_are_what_the_check_reads() -> None:
    vocabulary = frozenset({"segler"})
    text = (
        "Segler said the Alpine White 1Ms cost 2,500 each. The blog (not Dr. Segler) said two. "
        "It was BMWBlog's view."
    )
    found = [(t.kind, t.key) for t in tokens(text, vocabulary)]
    assert found == [
        ("name", "segler"),  # sentence-initial, but a name elsewhere in the file
        ("name", "alpine"),
        ("name", "white"),
        ("number", "1m"),  # plural folded
        ("number", "2500"),  # digit commas dropped
        ("name", "dr"),
        ("name", "segler"),  # "Dr." does not end a sentence
        ("number", "2"),  # number words read as digits
        ("name", "bmwblog"),  # possessive dropped; inner capitals make a name anywhere
    ]


def test_interviews_are_never_placed_on_the_podcast(shipped: Knowledge) -> None:
    """The sources never say either interview was on the BimmerCast; no answer may say so."""
    on_podcast = re.compile(
        r"\binterview\w*\b[^.]*\b(on|in) (the|its|their) (BimmerCast )?(podcast|BimmerCast)"
        r"|\b(BimmerCast|podcast) interview",
        re.I,
    )
    for entry in shipped.entries:
        for sentence in re.split(r"(?<=[.!?])\s+", entry.answer):
            if on_podcast.search(sentence) and not re.search(r"\b(neither|not|never)\b", sentence):
                pytest.fail(f"{entry.id} puts an interview on the podcast: {sentence}")
    for source in shipped.sources.values():
        if source.kind.value == "interview":
            assert "podcast interview" not in source.title.lower()
            assert "bimmercast interview" not in source.title.lower()


def test_the_unsigned_reply_is_never_credited_to_the_blog(shipped: Knowledge) -> None:
    reply = shipped.sources["comment-blog-reply"]
    assert "unsigned" in (reply.author or "") and "blog" not in (reply.author or "")
    citing = [e for e in shipped.entries if "comment-blog-reply" in e.sources]
    assert citing
    for entry in citing:
        assert "unsigned" in entry.claimed_by, entry.id
        assert "unsigned" in entry.answer, entry.id
        # the first phrasing is what users see when the entry is offered as a suggestion
        assert "blog" not in entry.title.lower(), entry.id
