"""A message guessing at a name the sources do not have: the rest of the message decides."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.decide.guesses import guessed_names
from bot.core.service import KnowledgeService

# A made-up ride, so that what is tested is how a guessed name is read, not the shipped file.
RIDE = """
version: 1

sources:
  - id: post
    title: The ride post
    outlet: the ride blog
    kind: article

entries:
  - id: chase-van
    questions: [What was filming the bike from behind?, Which vehicle did the filming?]
    answer: The blog said a white van was filming the bike from behind.
    status: fact
    claimed_by: the ride blog
    sources: [post]
    keywords: [filming, behind, van, camera, vehicle]
  - id: ferrari-race
    questions: [Who hoped the bike would race a Ferrari?, Was there a Ferrari?]
    answer: The blog hoped the bike would race a Ferrari Roma.
    status: opinion
    claimed_by: the ride blog
    sources: [post]
    keywords: [ferrari, race, roma, showdown]
"""


@pytest.fixture(scope="module")
def ride(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeService:
    path = Path(tmp_path_factory.mktemp("ride")) / "ride.yaml"
    path.write_text(RIDE, encoding="utf-8")
    return KnowledgeService.from_path(path)


def test_round_122_a_guessed_name_is_read_up_to_what_it_did() -> None:
    assert guessed_names("wasnt it a ferrari 296 doing the filming") == ["ferrari 296"]
    assert guessed_names("it was the daily gazette right?") == ["daily gazette"]
    assert guessed_names("what was filming it") == []


def test_round_122_a_misremembered_name_gives_way_to_the_rest_of_the_question(
    ride: KnowledgeService,
) -> None:
    matcher = ride.snapshot.matcher
    message = "wasnt it a ferrari 296 doing the filming"
    assert matcher.unknown("ferrari 296") == ["296"]
    best = matcher.read(message).best
    assert best is not None and best.entry_id == "ferrari-race"  # the name pulls to the race
    reply = ride.ask(message)
    assert reply.entry_id == "chase-van"
    # The reply says which name it set aside, so the asker is not silently corrected.
    assert reply.notice is not None and '"ferrari 296"' in reply.notice
    # A name the sources have is no misremembered one: it keeps its own answer.
    kept = ride.ask("wasnt it a ferrari roma they hoped the bike would race")
    assert kept.entry_id == "ferrari-race" and kept.notice is None
