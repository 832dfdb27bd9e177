"""A message that asks two questions: the entry answering the one the decided answer does not."""

from __future__ import annotations

from ..knowledge.models import Knowledge
from ..normalise.question import (
    agreeing,
    compared,
    elliptical,
    joined,
    points_back,
    questions,
)
from ..normalise.text import words
from ..retrieve.matcher import Matcher
from ..score.ranking import Match, Ranking
from .decision import NEAR_TIE, Decision, decide

SURE_PART = 0.6
"""How sure each question of a message that the whole message cannot answer must be answered:
from about this score the best entry is right as often as the score says (see the README)."""


def second_part(
    matcher: Matcher, knowledge: Knowledge, text: str, ranking: Ranking, decision: Decision
) -> Match | None:
    """Return the confident answer to a message's other question, beside ``decision``'s.

    Each question is ranked on its own, with the rest of the message as its story, and decided
    as any question is. There is a second answer only when both are answered, by two entries,
    one of them the decided answer's and neither the other side of its dispute; and when the
    whole message (``ranking``) ranks the other next after the answer and its other sides, so
    that a question read out of its message ("what did that commenter make of it") cannot
    bring in an entry the message is not about. When both are answered by the decided
    answer's entry, the second question's runner-up may answer it (``_runner_up``).
    """
    if decision.answer is None:
        return None
    asked = questions(text)
    if asked is None:
        return None
    main = decision.answer.entry_id
    shown = _shown(knowledge, main)
    following = next((m.entry_id for m in ranking.matches if m.entry_id not in shown), None)
    if following is None:
        return None
    bests: list[Match] = []
    rankings: list[Ranking] = []
    for reading in asked:
        ranked = matcher.read(reading)
        part = decide(ranked, matcher.threshold).answer
        if part is None or part.entry_id not in (main, following):
            return None  # a question answered by neither: the other need not be ranked
        bests.append(part)
        rankings.append(ranked)
    first, second = bests
    if first.entry_id == second.entry_id:
        return _runner_up(rankings[1], following, matcher.threshold)
    return second if first.entry_id == main else first


def _runner_up(ranked: Ranking, following: str, threshold: float) -> Match | None:
    """Return the second question's runner-up when both questions are answered by the decided
    entry and it is the entry the whole message ranks next, all but tied ("who was it and
    what did they claim": the person's entry, then the claim's)."""
    if len(ranked.matches) < 2:
        return None
    best, runner = ranked.matches[0], ranked.matches[1]
    close = best.score - runner.score <= NEAR_TIE and runner.score >= threshold
    return runner if close and runner.entry_id == following else None


def split_answer(
    matcher: Matcher, knowledge: Knowledge, text: str, whole: Ranking
) -> tuple[Decision, Match | None, str | None] | None:
    """Return the answers to a message's two questions when the whole message reads as neither
    ("how many gps came over and how long till the nyt called em collectible"): each question,
    ranked with the rest as its story, is answered by an entry of its own, so the first is the
    answer and the second joins it; each at SURE_PART, or the second at the threshold when
    the whole message ranks both entries ahead of the rest (``_leading``). Or return the
    answer to the first alone, with the second as asked for the reply to say nothing known
    answers it, when the two are joined in one sentence and the second, declined, asks about a
    topic the sources never cover ("how many did australia get and how many did new zealand
    get"). None otherwise. ``whole``: the whole message's ranking, already read."""
    asked = questions(text)
    if asked is None:
        return None
    # Surer than an answer alone: a question read beside another may borrow its topic ("who is
    # gabe and what does he do for work": Gabe's entries, none of which says what he does).
    decided = decide(matcher.read(asked[0]), SURE_PART)
    first = decided.answer
    if first is None:
        # The second need not be ranked: answered alone, it often borrows from the first, which
        # it follows up ("did the memo give the final number? LIKE HOW MANY did they allocate").
        return None
    ranked = matcher.read(asked[1])
    second = decide(ranked, SURE_PART).answer
    if second is None:  # answered, though not surely: kept when the whole message is about both
        second = _leading(whole, knowledge, first, decide(ranked, matcher.threshold))
    if second is not None:
        if first.entry_id == second.entry_id:
            return None
        if second.entry_id in knowledge.conflicts.get(first.entry_id, ()):
            return None
        return decided, second, None
    other = _asked(asked[1])
    if not joined(text) or not matcher.beyond(other):
        return None  # a follow-up of the first, or declined as unclear, not as never covered
    if decide(ranked, matcher.threshold).answer is not None:
        return None  # answered, though not surely: the whole message stays declined
    return decided, None, other


def lone_answer(matcher: Matcher, text: str) -> Decision | None:
    """Return the answer to one of a message's two questions when the other, declined, asks
    after it ("which car was that AND HOW DID PEOPLE GET AROUND IT": a follow-up of the first,
    with no topic of its own): the message is about the one answered. None otherwise."""
    asked = questions(text)
    if asked is None:
        return None
    decided = [decide(matcher.read(reading), matcher.threshold) for reading in asked]
    answered = [d for d in decided if d.answer is not None]
    if len(answered) != 1 or any(d.clarify for d in decided):
        return None
    other = asked[1] if decided[0].answer is not None else asked[0]
    follow = _asked(other)
    return answered[0] if _follows(follow) and not matcher.beyond(follow) else None


def _follows(question: str) -> bool:
    """Return whether a question points back at what the other asked about ("how did they get
    AROUND IT", "who wrote THAT ONE"), or asks only for a word of it ("which month")."""
    asked = tuple(words(question))
    return points_back(asked) or elliptical(asked)


def _asked(reading: str) -> str:
    """Return the question of a reading made by ``questions``: its last line, without the
    question mark added there."""
    return reading.rsplit("\n", 1)[-1].removesuffix(" ?")


def _leading(whole: Ranking, knowledge: Knowledge, first: Match, decided: Decision) -> Match | None:
    """Return the answer to a message's second question, decided though not surely, when the
    whole message ranks the first question's entry among its two best and the second's first
    of the rest ("what did he say for the year, and how does that compare to the blog's"): a
    message read as about both, not a question that borrowed its topic from the other."""
    second = decided.answer
    if second is None:
        return None
    best = [m.entry_id for m in whole.matches[:2]]
    shown = _shown(knowledge, first.entry_id)
    rest = next((m.entry_id for m in whole.matches if m.entry_id not in shown), None)
    return second if first.entry_id in best and rest == second.entry_id else None


def compared_part(
    matcher: Matcher, knowledge: Knowledge, text: str, decision: Decision
) -> Match | None:
    """Return the answer to the other side of a message that compares two things ("414 vs
    2500, what are they each about", "which came first, the interview or the memo"), beside
    ``decision``'s: each side is read alone, the decided entry fits one of them (ranks among
    its matches at the threshold, best of the two), and the other side is answered by an entry
    of its own, not the other side of the decided entry's dispute. None when the message
    compares nothing, is declined, or a side is declined."""
    if decision.answer is None:
        return None
    sides = compared(text)
    if sides is None:
        return None
    main = decision.answer.entry_id
    shown = _shown(knowledge, main)
    fits: list[float] = []  # the decided entry's score on each side
    answers: list[Match] = []
    for side in sides:
        ranked = matcher.read(side)
        answer = decide(ranked, matcher.threshold).answer
        if answer is None:
            return None
        fits.append(max((m.score for m in ranked.matches if m.entry_id == main), default=0.0))
        answers.append(answer)
    if max(fits) < matcher.threshold:
        return None  # the decided entry answers neither side: the message is read otherwise
    other = answers[1] if fits[0] >= fits[1] else answers[0]
    return other if other.entry_id not in shown else None


def compared_answer(
    matcher: Matcher, knowledge: Knowledge, text: str, whole: Ranking
) -> tuple[Decision, Match | None, None] | None:
    """Return the answers to both sides of a message that compares two things when the whole
    message reads as neither ("A's yearly total vs the number B leaked, same or different"), or
    asks whether two agree ("does A agree with B"): each side, read alone, is answered by an
    entry of its own, surely, the whole message ranks both among its best (``_COMPARED_LEAD``),
    and the sources set the two side by side (related, or the two sides of a dispute, which the
    first's reply shows already), so the first side is the answer and the second joins it. None
    when the message compares nothing or a side is not answered so."""
    sides = compared(text) or agreeing(text)
    if sides is None:
        return None
    leading = {m.entry_id for m in whole.matches[:_COMPARED_LEAD]}
    first_side, other_side = sides
    if not leading:
        return None  # no entry can be both sides' answer: neither is read
    decided = decide(matcher.read(first_side), SURE_PART)
    first = decided.answer
    if first is None or first.entry_id not in leading:
        return None  # the other side is not read: whatever its answer, the first has none
    other = decide(matcher.read(other_side), SURE_PART).answer
    if other is None or other.entry_id not in leading:
        return None
    if other.entry_id in _shown(knowledge, first.entry_id):
        return decided, None, None  # the two sides of one dispute: its reply shows both
    return (decided, other, None) if _related(first, other) else None


_COMPARED_LEAD = 3  # how high the whole message must rank each side's entry


def _related(one: Match, other: Match) -> bool:
    """Return whether either of two entries lists the other as related."""
    return other.entry_id in one.entry.related or one.entry_id in other.entry.related


def _shown(knowledge: Knowledge, entry_id: str) -> set[str]:
    """Return an entry with the other sides of its dispute: what its reply already shows."""
    return {entry_id, *knowledge.conflicts.get(entry_id, ())}
