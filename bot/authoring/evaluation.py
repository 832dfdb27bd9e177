"""Grade the answerer on a question set (kind / q / expect), like ../shared/eval/grade.py."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..core.decide.memory import Asker, Conversations
from ..core.render.text import summary
from ..core.reply.replies import Reply


@dataclass(frozen=True, slots=True)
class Question:
    """One evaluation item: answerable with expected patterns, or off-topic."""

    kind: str
    q: str
    expect: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Verdict:
    """How the answerer did on one question."""

    question: Question
    verdict: str  # correct | wrong | no-source | missed | declined | false-answer
    entry: str | None
    score: float
    answer: str

    @property
    def ok(self) -> bool:
        """Return whether this is the outcome wanted."""
        return self.verdict in ("correct", "declined")


@dataclass(frozen=True, slots=True)
class Report:
    """The counts over a whole question set."""

    verdicts: tuple[Verdict, ...]

    def count(self, *names: str) -> int:
        """Return how many verdicts are among ``names``."""
        return sum(v.verdict in names for v in self.verdicts)

    @property
    def answerable(self) -> int:
        """Return the number of answerable questions."""
        return sum(v.question.kind == "answerable" for v in self.verdicts)

    @property
    def offtopic(self) -> int:
        """Return the number of off-topic questions."""
        return len(self.verdicts) - self.answerable

    @property
    def accuracy(self) -> float:
        """Return the share of answerable questions answered correctly."""
        return self.count("correct") / self.answerable if self.answerable else 1.0

    @property
    def decline_rate(self) -> float:
        """Return the share of off-topic questions declined."""
        return self.count("declined") / self.offtopic if self.offtopic else 1.0

    def lines(self) -> list[str]:
        """Return the summary lines printed after an evaluation."""
        return [
            f"answerable: {self.count('correct')}/{self.answerable} correct ({self.accuracy:.1%}), "
            f"{self.count('wrong', 'no-source')} wrong, {self.count('missed')} missed",
            f"off-topic: {self.count('declined')}/{self.offtopic} declined "
            f"({self.decline_rate:.1%})",
        ]


def _read(path: str | Path) -> object:
    """Return a question file's YAML; raise ValueError (with the line) if it cannot be read."""
    try:
        return yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise ValueError(f"{path}: not UTF-8 text") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise ValueError(f"{where}: YAML syntax error: {problem}") from None


def _patterns(value: object, where: str) -> tuple[str, ...]:
    """Return the expected patterns of an item; raise ValueError naming a bad one."""
    if value is None:
        return ()
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(p, str) for p in items):
        raise ValueError(f"{where}: 'expect' must be a list of regular expressions")
    for pattern in items:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(
                f"{where}: the pattern {pattern!r} is not a valid regular expression ({exc})"
            ) from None
    return tuple(items)


def load_questions(path: str | Path) -> list[Question]:
    """Read a question set; raise ValueError naming the item that is malformed."""
    data = _read(path)
    if not isinstance(data, list):
        raise ValueError(f"{path}: expected a list of questions")
    out = []
    for n, item in enumerate(data, 1):
        if not isinstance(item, dict) or item.get("kind") not in ("answerable", "offtopic", "near"):
            raise ValueError(f"{path}: item {n} needs kind: answerable, offtopic or near")
        if not isinstance(item.get("q"), str):
            raise ValueError(f"{path}: item {n} needs a question text in 'q'")
        expect = _patterns(item.get("expect"), f"{path}: item {n}")
        out.append(Question(item["kind"], item["q"], expect))
    return out


def judge(question: Question, reply: Reply) -> Verdict:
    """Decide the verdict for one reply."""
    text = summary(reply) if reply.answered else ""
    if question.kind != "answerable":
        verdict = "false-answer" if reply.answered else "declined"
    elif not reply.answered:
        verdict = "missed"
    elif not reply.sources:
        verdict = "no-source"
    elif all(re.search(p, text, re.IGNORECASE) for p in question.expect):
        verdict = "correct"
    else:
        verdict = "wrong"
    return Verdict(question, verdict, reply.entry_id, reply.score, text)


def evaluate(questions: list[Question], ask: Callable[[str], Reply]) -> Report:
    """Ask every question and judge the replies."""
    return Report(tuple(judge(q, ask(q.q)) for q in questions))


@dataclass(frozen=True, slots=True)
class Turn:
    """One message of a conversation and what it must get: an answer, a decline, small talk."""

    q: str
    want: str  # "answer", "decline" or "smalltalk"
    expect: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TurnVerdict:
    """How the answerer did on one turn."""

    turn: Turn
    ok: bool
    got: str  # the reply's kind
    answer: str


def is_conversation_set(path: str | Path) -> bool:
    """Return whether a question file holds conversations (items with ``turns``)."""
    data = _read(path)
    first = data[0] if isinstance(data, list) and data else None
    return isinstance(first, dict) and "turns" in first


def load_conversations(path: str | Path) -> list[list[Turn]]:
    """Read a conversation set (items with ``turns``); raise ValueError naming a bad turn."""
    data = _read(path)
    if not isinstance(data, list):
        raise ValueError(f"{path}: expected a list of conversations")
    out = []
    for n, item in enumerate(data, 1):
        turns = item.get("turns") if isinstance(item, dict) else None
        if not isinstance(turns, list) or not turns:
            raise ValueError(f"{path}: conversation {n} needs a list of turns")
        found = []
        for t, turn in enumerate(turns, 1):
            if not isinstance(turn, dict) or not isinstance(turn.get("q"), str):
                raise ValueError(f"{path}: conversation {n}, turn {t} needs a question in 'q'")
            expect = _patterns(turn.get("expect"), f"{path}: conversation {n}, turn {t}")
            want = "answer" if expect else str(turn.get("kind"))
            if want not in ("answer", "decline", "smalltalk"):
                raise ValueError(f"{path}: conversation {n}, turn {t} needs expect or a kind")
            found.append(Turn(turn["q"], want, expect))
        out.append(found)
    return out


def evaluate_conversations(conversations: list[list[Turn]], ask: Asker) -> list[TurnVerdict]:
    """Play each conversation turn by turn, each turn read against the last answer."""
    verdicts = []
    for number, turns in enumerate(conversations):
        memory = Conversations()
        for turn in turns:
            reply = memory.ask(ask, number, turn.q)
            text = summary(reply)
            if turn.want == "answer":
                ok = reply.answered and all(re.search(p, text, re.IGNORECASE) for p in turn.expect)
            elif turn.want == "smalltalk":
                ok = reply.kind == "smalltalk"
            else:
                ok = not reply.answered and reply.kind != "smalltalk"
            verdicts.append(TurnVerdict(turn, ok, reply.kind, text))
    return verdicts
