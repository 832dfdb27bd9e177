"""Reloading: a valid file swaps in whole with a diff; a broken one leaves the old serving."""

from __future__ import annotations

import shutil
import weakref
from pathlib import Path

from bot.core.decide.memory import Conversations
from bot.core.knowledge.loader import default_knowledge_path
from bot.core.service import KnowledgeService


def copy(mini_path: Path, tmp_path: Path) -> Path:
    target = tmp_path / "kb.yaml"
    shutil.copy(mini_path, target)
    return target


def test_reload_reports_added_removed_and_changed(mini_path: Path, tmp_path: Path) -> None:
    path = copy(mini_path, tmp_path)
    service = KnowledgeService.from_path(path)
    text = path.read_text()
    text = text.replace("about 2,500 cars", "about 3,000 cars").replace(
        "- id: no-more-cars", "- id: memo"
    )
    text = text.replace("conflicts_with: [no-more-cars]", "conflicts_with: [memo]")
    path.write_text(text)
    result = service.reload()
    assert result.ok, result.summary()
    assert result.added == ("memo",) and result.removed == ("no-more-cars",)
    assert result.changed == ("us-allocation", "molds")
    assert "3 entries" in result.summary()
    assert "3,000" in (service.ask("what limits production of the 1m").answer or "")


def test_broken_reload_keeps_the_old_knowledge(mini_path: Path, tmp_path: Path) -> None:
    path = copy(mini_path, tmp_path)
    service = KnowledgeService.from_path(path)
    before = service.knowledge
    path.write_text(path.read_text().replace("status: fact", "status: maybe"))
    result = service.reload()
    assert not result.ok
    assert len(result.problems) == 2 and all(p.line > 0 for p in result.problems)
    assert "old knowledge keeps serving" in result.summary()
    assert service.knowledge is before
    assert service.ask("what limits production of the 1m").entry_id == "molds"
    assert service.stats.failed_reloads == 1


def test_reload_of_another_path_switches_files(mini_path: Path, tmp_path: Path) -> None:
    service = KnowledgeService.from_path(mini_path)
    other = copy(mini_path, tmp_path)
    other.write_text(other.read_text().replace("about 2,500 cars", "about 9,999 cars"))
    assert service.reload(other).ok
    assert service.knowledge.path == str(other)
    assert service.reload().ok and service.knowledge.path == str(other)


def test_answer_entry_answers_a_chosen_entry_and_counts_it(mini_path: Path) -> None:
    service = KnowledgeService.from_path(mini_path)
    reply = service.answer_entry("us-allocation")
    assert reply is not None and reply.answered and reply.entry_id == "us-allocation"
    assert [c.entry_id for c in reply.conflicts] == ["no-more-cars"]
    assert service.answer_entry("no-such-entry") is None
    assert service.stats.answered == 1


def test_an_unaddressed_message_is_answered_only_when_sure_and_counted_only_then() -> None:
    service = KnowledgeService.from_path(default_knowledge_path())
    sure = service.offer("how many 1ms is the us getting?", 0.6)
    assert sure is not None and sure.answered and sure.entry_id is not None
    assert "600" in (sure.answer or "")
    assert service.offer("how many 1ms is the us getting?", 1.01) is None  # never that sure
    assert service.offer("lol same, my cat does that", 0.6) is None
    assert service.offer("hi", 0.0) is None  # small talk is never volunteered
    assert (service.stats.answered, service.stats.declined) == (1, 0)


def test_a_replaced_snapshot_is_freed_as_soon_as_nothing_reads_it(mini_path: Path) -> None:
    service = KnowledgeService.from_path(mini_path)
    replaced = weakref.ref(service.snapshot.matcher)
    assert service.reload().ok
    assert replaced() is None  # no reference cycle keeps it waiting for the collector


def test_an_answer_holding_the_old_snapshot_reads_it_whole_after_a_reload(
    mini_path: Path, tmp_path: Path
) -> None:
    path = copy(mini_path, tmp_path)
    service = KnowledgeService.from_path(path)
    reading = service.snapshot  # what an answer in progress holds
    path.write_text(path.read_text().replace("about 2,500 cars", "about 3,000 cars"))
    assert service.reload().ok
    best = reading.matcher.rank("what limits production of the 1m")[0]
    assert best.entry.id == "molds" and "2,500" in best.entry.answer
    assert "3,000" in (service.ask("what limits production of the 1m").answer or "")


def test_a_mention_typed_before_a_question_is_not_part_of_it() -> None:
    service = KnowledgeService.from_path(default_knowledge_path())
    plain = service.ask("what did yourbestsource claim")
    mentioned = service.ask("@bot what did yourbestsource claim")
    assert mentioned.answered and mentioned.entry_id == plain.entry_id
    assert mentioned.question == "@bot what did yourbestsource claim"  # shown as asked
    assert service.ask("@onem, hi").kind == "smalltalk"


def test_chat_markup_is_read_as_no_words(mini_path: Path) -> None:
    # A ping, custom and coded emoji and a pasted link name no topic; the link's site stays.
    service = KnowledgeService.from_path(mini_path)
    plain = service.ask("how many 1ms is the us getting")
    assert plain.answered
    for marked in (
        "<@4417730021> how many 1ms is the us getting <a:spin:9100223344>",
        "how many 1ms is the us getting :thinking: :flag_us:",
        "<#55120034> how many 1ms is the us getting https://forum.example.org/t/77/page-2",
    ):
        reply = service.ask(marked)
        assert reply.answered and reply.entry_id == plain.entry_id, marked


def test_stretched_letters_are_read_as_the_word_typed(mini_path: Path) -> None:
    # "sooo", "realllly": chat stress, read where the message comes in (the knowledge never
    # has it, so loading does not pay for the check).
    service = KnowledgeService.from_path(mini_path)
    plain = service.ask("so how many 1ms is the us really getting")
    stretched = service.ask("sooo how many 1ms is the us realllly getting")
    assert plain.answered and stretched.entry_id == plain.entry_id
    assert stretched.score == plain.score


def test_followup_80_a_yes_or_no_frame_asks_what_the_question_asks() -> None:
    # Follow-up round 80: a frame asking for a yes or no names no topic; with it, the
    # question was declined.
    service = KnowledgeService.from_path(default_knowledge_path())
    plain = service.ask("any more 1ms headed to the states")
    framed = service.ask("yes or no, any more 1ms headed to the states")
    assert plain.answered and framed.entry_id == plain.entry_id


FERRIES = """
version: 1

sources:
  - id: port
    title: The port office notice
    outlet: the port office
    kind: official-statement

entries:
  - id: norway-tally
    questions: [Did the harbour master's tally of Norway sailings hold up?]
    answer: The harbour master's tally said twelve ferries a day sail to Norway, and it held up.
    status: fact
    claimed_by: the port office
    sources: [port]
  - id: denmark-count
    questions: [How many ferries sail to Denmark?]
    answer: The port office said four ferries a day sail to Denmark.
    status: fact
    claimed_by: the port office
    sources: [port]
  - id: denmark-late
    questions: [Is the Denmark ferry late?]
    answer: The port office said the Denmark ferry runs on time.
    status: fact
    claimed_by: the port office
    sources: [port]
  - id: denmark-captain
    questions: [Who captains the Denmark ferry?]
    answer: The port office said Captain Ilsa captains the Denmark ferry.
    status: fact
    claimed_by: the port office
    sources: [port]
"""


def test_followup_82_what_about_x_asks_the_last_question_answered_of_x(tmp_path: Path) -> None:
    # Follow-up round 82: "and for denmark?" after "how many ferries sail to norway" asks that
    # question of Denmark; read against the answer's own title (the tally holding up) it was
    # declined.
    path = tmp_path / "ferries.yaml"
    path.write_text(FERRIES, encoding="utf-8")
    service = KnowledgeService.from_path(path)
    memory = Conversations()
    first = memory.ask(service.ask, 0, "how many ferries sail to norway")
    other = memory.ask(service.ask, 0, "and for denmark?")
    assert first.entry_id == "norway-tally"
    assert other.answered and other.entry_id == "denmark-count"
    assert other.question == "and for denmark?"  # shown as asked
    # ... not when X is unknown: "what about sweden" is no question asked anew
    assert not memory.ask(service.ask, 0, "what about sweden").answered
