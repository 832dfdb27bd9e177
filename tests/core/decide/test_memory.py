"""The conversation context: the last answer, or the entry a close decline offered first."""

from __future__ import annotations

from bot.core.decide.memory import OFFERED_SCORE, Conversations
from bot.core.reply.replies import Reply, Suggestion

OFFER = Suggestion("shoot-date", "When does shooting start?")


def _decline(score: float, kind: str = "decline") -> Reply:
    return Reply(question="q", answered=False, score=score, suggestions=(OFFER,), kind=kind)


def test_a_close_decline_keeps_what_it_offered_first() -> None:
    memory = Conversations()
    memory.remember(0, _decline(OFFERED_SCORE + 0.01))
    assert memory.last(0) == "shoot-date"  # "who said that" next is read against it


def test_a_far_decline_or_a_clarifying_question_keeps_the_last_answer() -> None:
    memory = Conversations()
    memory.remember(0, Reply(question="q", answered=True, score=1.0, entry_id="poster"))
    memory.remember(0, _decline(OFFERED_SCORE - 0.01))  # lasagna: no guess at all
    memory.remember(0, _decline(0.9, kind="clarify"))  # "did you mean A or B": not chosen yet
    assert memory.last(0) == "poster"


def test_a_story_that_just_missed_still_sets_the_context() -> None:
    memory = Conversations()
    memory.remember(0, _decline(0.37))  # a long story a little under the answer
    assert memory.last(0) == "shoot-date"


def test_a_question_a_third_short_of_the_answer_still_sets_the_context() -> None:
    memory = Conversations()
    memory.remember(0, _decline(0.3))  # "how many will the uk get next year": the UK entry, nearly
    assert memory.last(0) == "shoot-date"  # "ok how many did they get" is asked of it


def test_followup_34_a_declined_question_is_kept_until_the_next_answer() -> None:
    memory = Conversations()
    asked = Reply(question="how many go to sweden", answered=False, score=0.0, kind="decline")
    memory.remember(0, asked)
    assert memory.declined(0) == "how many go to sweden"  # "and norway?" asks it of Norway
    memory.remember(0, _decline(0.9, kind="smalltalk"))
    again = Reply("and norway?", False, 0.0, kind="decline", asked="how many go to sweden")
    memory.remember(0, again)
    assert memory.declined(0) == "how many go to sweden"  # the question asked again, not "and"
    memory.remember(0, Reply(question="q", answered=True, score=1.0, entry_id="poster"))
    assert memory.declined(0) is None


def test_followup_37_a_clarifying_question_with_no_context_sets_its_first_option() -> None:
    # Follow-up round 37: "did you mean A or B" as the first reply left no context, so "who
    # said that" next was read alone and declined; it is now read against A. A clarifying
    # question after an answer still keeps that answer (test above).
    memory = Conversations()
    memory.remember(0, _decline(0.9, kind="clarify"))
    assert memory.last(0) == "shoot-date"
    assert memory.declined(0) is None  # a clarifying question is no decline to restate


def test_followup_61_the_answer_before_the_last_is_kept_per_conversation() -> None:
    memory = Conversations(most=2)
    for entry_id in ("poster", "shoot-date", "shoot-date"):  # the same answer twice moves nothing
        memory.remember(0, Reply(question="q", answered=True, score=1.0, entry_id=entry_id))
    memory.remember(0, _decline(0.0))  # a decline leaves both
    assert (memory.last(0), memory.before(0)) == ("shoot-date", "poster")
    assert memory.before(1) is None  # another conversation has none
    memory.remember(1, Reply(question="q", answered=True, score=1.0, entry_id="poster"))
    memory.remember(2, Reply(question="q", answered=True, score=1.0, entry_id="poster"))
    memory.remember(2, Reply(question="q", answered=True, score=1.0, entry_id="shoot-date"))
    assert memory.before(2) == "poster"
    assert memory.before(0) is None  # forgotten beyond the cap of two conversations


def test_followup_61_the_answer_before_the_last_is_forgotten_when_stale() -> None:
    now = [0.0]
    memory = Conversations(minutes=1, clock=lambda: now[0])
    memory.remember(0, Reply(question="q", answered=True, score=1.0, entry_id="poster"))
    memory.remember(0, Reply(question="q", answered=True, score=1.0, entry_id="shoot-date"))
    now[0] = 61.0
    assert memory.before(0) is None


def test_followup_66_the_message_a_follow_up_answer_answered_is_kept() -> None:
    # Follow-up round 66: "who said that" after "i heard they're reshooting?" may ask who said
    # what the user heard; the message is kept while its answer, read as a follow-up, is last.
    memory = Conversations()
    memory.remember(0, Reply(question="when does it open", answered=True, score=1.0, entry_id="a"))
    assert memory.asked(0) is None  # read alone: what it asked is what its answer answered
    heard = Reply("i heard theyre reshooting?", True, 1.0, entry_id="b", kind="followup")
    memory.remember(0, heard)
    assert memory.asked(0) == "i heard theyre reshooting?"
    memory.remember(0, _decline(0.0))  # a far decline leaves the last answer and its message
    assert memory.asked(0) == "i heard theyre reshooting?"
    memory.remember(0, Reply(question="q", answered=True, score=1.0, entry_id="c"))
    assert memory.asked(0) is None


def test_followup_82_the_last_question_answered_on_its_own_is_kept() -> None:
    # Follow-up round 82: "and for denmark?", declined against the last answer, asks the last
    # question answered on its own of Denmark; it is kept through the follow-ups after it.
    memory = Conversations()
    memory.remember(0, Reply("how many ferries sail to norway", True, 1.0, entry_id="a"))
    assert memory.answered(0) == "how many ferries sail to norway"
    memory.remember(0, Reply("who said so", True, 1.0, entry_id="a", kind="followup"))
    assert memory.answered(0) == "how many ferries sail to norway"
    anew = Reply("and for denmark?", True, 1.0, entry_id="b", asked="how many ferries sail")
    memory.remember(0, anew)  # an answer asked anew keeps the question it was asked of
    assert memory.answered(0) == "how many ferries sail"
    memory.remember(0, _decline(0.0))
    assert memory.answered(0) is None
