"""The knowledge service: answer questions from one consistent snapshot, reload safely."""

from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from .decide.decision import DEFAULT_THRESHOLD, Decision, decide, volunteer
from .decide.followups import heard_of, pointed_past, read_after, read_alone, restated
from .decide.guesses import unmisnamed
from .decide.talk import Talk, asks_who_is_right, before_last, heard, other_of, returned
from .decide.twopart import (
    compared_answer,
    compared_part,
    lone_answer,
    second_part,
    split_answer,
)
from .knowledge.errors import KnowledgeError, Problem
from .knowledge.models import Knowledge
from .knowledge.packed import release_keys
from .normalise.text import unelided, unframed, unmarked, unstretched
from .reply.replies import Reply, compose, small_talk
from .retrieve.matcher import Matcher
from .score.ranking import Match

DEFAULT_MAX_QUESTION_CHARS = 1000
# A mention typed as text ("@bot what did ..."): who is addressed, not what is asked.
_MENTION = re.compile(r"^\s*(?:@\S+[\s,:]*)+")
_UNANSWERED = 'Your message asks two things; I can answer only one. Nothing I know answers "{}".'
_MISNAMED = 'Nothing I know mentions "{}", so this answers the rest of your message.'
_EMPTY = "Ask me something about the BMW 1M Coupe's production, e.g. how many the US gets."


@dataclass(frozen=True, slots=True)
class Snapshot:
    """A loaded knowledge file with its index; replaced whole, never changed in place."""

    knowledge: Knowledge
    matcher: Matcher
    loaded_at: float
    talk: Talk = field(default_factory=lambda: Talk({}))


@dataclass(frozen=True, slots=True)
class ReloadResult:
    """What a reload did: the diff on success, every problem on failure."""

    ok: bool
    path: str
    entries: int
    sources: int
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = ()
    problem_count: int = 0
    """How many problems the file has in all (``problems`` lists at most 200 and a count)."""

    @property
    def total_problems(self) -> int:
        """Return how many problems the file has in all."""
        return max(self.problem_count, len(self.problems))

    def summary(self) -> str:
        """Return a short report for the admin who asked for the reload."""
        if not self.ok:
            head = (
                f"Reload failed: {self.total_problems} problem(s); the old knowledge keeps serving."
            )
            return "\n".join([head, *(f"  {p}" for p in self.problems)])
        diff = ", ".join(
            f"{len(ids)} {what}" for what, ids in
            (("added", self.added), ("removed", self.removed), ("changed", self.changed))
        )  # fmt: skip
        return f"Reloaded {self.path}: {self.entries} entries, {self.sources} sources ({diff})."


@dataclass(slots=True)
class Stats:
    """Counters since start."""

    answered: int = 0
    declined: int = 0
    reloads: int = 0
    failed_reloads: int = 0
    started_at: float = field(default_factory=time.time)


def build_snapshot(path: str | Path, threshold: float = DEFAULT_THRESHOLD) -> Snapshot:
    """Load a knowledge file and index it; raise KnowledgeError if it is not valid.

    It leaves the interpreter's state alone (no ``gc.freeze``, ``gc.disable`` or switch
    interval). A reload runs in a worker thread, and the full collections its allocations
    trigger hold the GIL, stalling the event loop for as long as they take: so a snapshot is
    built to give the collector nothing to walk. The knowledge is held as rows, tuples of
    strings, numbers and tuples of strings, which CPython stops tracking (``Entry`` and
    ``Source`` objects are built only when one is asked for), and the index and the
    autocomplete index are a few flat arrays. A snapshot of any size adds a couple of dozen
    tracked objects, and both the one in service and the one being built are cheap to walk;
    the loader's per-item objects (YAML nodes, problems as rows) die young.
    """
    from .knowledge.loader import load_with_phrase_keys  # PyYAML: not for a cached snapshot

    knowledge, keys = load_with_phrase_keys(path)  # the phrasings' words, split once
    matcher = Matcher(knowledge, threshold=threshold, phrase_keys=keys)
    release_keys(keys)  # a run at a time: with their phrasings, 560,000 strings at 100,000 entries
    return Snapshot(knowledge, matcher, time.time(), Talk.of(knowledge))


def _join(first: str | None, second: str) -> str:
    """Return two notices as one, the first (if any) first."""
    return second if first is None else f"{first} {second}"


class KnowledgeService:
    """Answers questions; ``reload`` swaps in a new file only once it has loaded in full."""

    def __init__(
        self,
        snapshot: Snapshot,
        *,
        max_question_chars: int = DEFAULT_MAX_QUESTION_CHARS,
    ) -> None:
        self._snapshot = snapshot
        self._path = snapshot.knowledge.path
        self.max_question_chars = max_question_chars
        self.stats = Stats()
        self._lock = threading.Lock()
        self._reload_lock = threading.Lock()

    @classmethod
    def from_path(
        cls, path: str | Path, *, threshold: float = DEFAULT_THRESHOLD, **kwargs: object
    ) -> KnowledgeService:
        """Load a file and serve it; raise KnowledgeError if it is not valid."""
        return cls(build_snapshot(path, threshold), **kwargs)  # type: ignore[arg-type]

    @property
    def snapshot(self) -> Snapshot:
        """Return the snapshot in service now."""
        return self._snapshot

    @property
    def knowledge(self) -> Knowledge:
        """Return the knowledge in service now."""
        return self._snapshot.knowledge

    def ask(
        self,
        question: str,
        after: str | None = None,
        *,
        declined: str | None = None,
        before: str | None = None,
        asked: str | None = None,
        answered: str | None = None,
    ) -> Reply:
        """Answer one question from the snapshot in service when the call starts.

        ``after`` is the entry id of the last answer in the same conversation, if it is recent:
        a follow-up ("who said that?", "what about australia?") is answered against it.
        ``declined`` is the conversation's last question if it was declined since: "what about
        australia" after "how many are going to germany" asks that question of Australia.
        ``before`` is the answer before the last: "go back to the guy before that, where was
        he" asks its question of it. ``asked`` is the message the last answer answered: "who said
        that" after "i heard theyre doubling it?" asks who said what the user heard. ``answered``
        is the last question answered on its own: "what about the us", declined as read against
        the last answer, asks it of the US.
        """
        snapshot = self._snapshot
        notice = None
        text = question
        if len(text) > self.max_question_chars:
            text = text[: self.max_question_chars]
            notice = (
                f"Your message was {len(question):,} characters long; "
                f"I read only the first {self.max_question_chars:,}."
            )
        if "@" in text:  # no mention without one: most messages skip the pattern
            text = _MENTION.sub("", text)
        # "<@318844> ... :flag_au:", a pasted link, "sooo": chat markup and stretched letters
        text = returned(unframed(unelided(unstretched(unmarked(text)))))
        earlier = before_last(text) if before else None
        if earlier is not None:  # "go back to the guy before that, ...": the answer before
            text, after, asked = earlier, before, None
        if after and asked and (last := snapshot.knowledge.by_id.get(after)) is not None:
            after = heard_of(snapshot.matcher, text, asked, last) or after
        said = heard(text)  # read once for small talk's three readings
        talk = snapshot.talk.match(said)
        if talk is None and not (after and asks_who_is_right(text)):
            # "so shes right lol" after an answer asks whether she is; alone, it is a remark
            talk = snapshot.talk.remarked(said)
        if talk is not None:
            reply = small_talk(question, talk, snapshot.knowledge)
        else:
            again = (
                restated(snapshot.matcher, text, declined, answered_before=after is not None)
                if declined
                else None
            )
            if again is not None:  # the declined question asked anew, of what this one names
                anew = self._answer(snapshot, question, again, None, notice)
                reply = replace(anew, asked=declined)
            else:
                reply = self._answer(snapshot, question, text, after, notice, declined)
                if reply.kind == "decline" and answered and not declined:
                    reply = self._asked_anew(snapshot, question, text, answered, notice) or reply
            laughed = snapshot.talk.laughed(said) if reply.kind == "decline" else None
            if laughed is not None:  # "lol small world": a reaction, not a missed question
                reply = small_talk(question, laughed, snapshot.knowledge)
        with self._lock:
            if reply.answered:
                self.stats.answered += 1
            else:
                self.stats.declined += 1
        return reply

    def _asked_anew(
        self, snapshot: Snapshot, question: str, text: str, answered: str, notice: str | None
    ) -> Reply | None:
        """Return the answer to the last question answered on its own asked anew of what a
        declined "what about X" names ("and for the us?" after "how many 1ms in the aus"), or
        None when X is unknown or that question asked of X is not answered either."""
        other = other_of(text)
        if other is None or snapshot.matcher.unknown(other):
            return None
        again = restated(snapshot.matcher, text, answered, answered_before=True)
        if again is None:
            return None
        anew = self._answer(snapshot, question, again, None, notice)
        return replace(anew, asked=answered) if anew.answered else None

    def _answer(
        self,
        snapshot: Snapshot,
        question: str,
        text: str,
        after: str | None,
        notice: str | None,
        declined: str | None = None,
    ) -> Reply:
        """Answer a question that is not small talk, against the last answer if it leans on it."""
        knowledge = snapshot.knowledge
        last = knowledge.by_id.get(after) if after else None
        if last is None:
            ranking = snapshot.matcher.read(text)
            decision = decide(ranking, snapshot.matcher.threshold)
            decision = read_alone(snapshot.matcher, text, decision)  # "who brought that up"
            decision, misnamed = unmisnamed(snapshot.matcher, text, decision)
            if misnamed is not None and decision.answer is not None:  # "wasnt it motor trend"
                notice = _join(notice, _MISNAMED.format(misnamed))
            past = pointed_past(snapshot.matcher, text, declined) if declined else None
            if decision.answer is None and past is not None:
                decision = past  # "what car were they in" after "who filmed it" was declined
            if not text.strip():
                # A cut-off message of pings says it was cut off; a blank one asks for a question.
                notice = notice if notice and question.strip() else _EMPTY
            second = second_part(snapshot.matcher, knowledge, text, ranking, decision)
            if second is None:  # "414 vs 2500": the other side answered beside the decided one
                second = compared_part(snapshot.matcher, knowledge, text, decision)
            if decision.answer is None:
                # Declined, or two entries fit alike: two questions each answered by its own
                # entry are answered both, not asked which was meant (round 85).
                split = split_answer(snapshot.matcher, knowledge, text, ranking)
                if split is None:  # "A vs B, same or different": both sides answered
                    split = compared_answer(snapshot.matcher, knowledge, text, ranking)
                if split is None:  # one question answered, the other asking after it
                    if not decision.clarify:
                        decision = lone_answer(snapshot.matcher, text) or decision
                else:
                    decision, second, unknown = split
                    if unknown is not None:  # one of two questions answered, the other not
                        notice = _join(notice, _UNANSWERED.format(unknown))
            return compose(question, decision, knowledge, notice, second=second)
        reading = read_after(snapshot.matcher, knowledge, text, last)
        notice = reading.notice or notice
        return compose(question, reading.decision, knowledge, notice, reading.about, reading.cited)

    def offer(self, message: str, min_confidence: float) -> Reply | None:
        """Answer a message nobody addressed to the bot, or return None unless it is sure enough.

        A listened channel's messages are ranked once: what is not posted counts nowhere.
        """
        snapshot = self._snapshot
        text = message[: self.max_question_chars]
        if snapshot.talk.match(text) is not None:
            return None
        ranking = snapshot.matcher.read(text)
        decision = decide(ranking, snapshot.matcher.threshold)
        if not volunteer(decision, min_confidence):
            return None
        with self._lock:
            self.stats.answered += 1
        second = second_part(snapshot.matcher, snapshot.knowledge, text, ranking, decision)
        return compose(message, decision, snapshot.knowledge, second=second)

    def peek(self, question: str) -> Decision:
        """Decide on a question without answering it or touching the counters."""
        snapshot = self._snapshot
        text = question[: self.max_question_chars]
        return decide(snapshot.matcher.read(text), snapshot.matcher.threshold)

    def answer_entry(self, entry_id: str) -> Reply | None:
        """Answer with one entry by id (a "did you mean" choice); None if it no longer exists."""
        snapshot = self._snapshot
        entry = snapshot.knowledge.by_id.get(entry_id)
        if entry is None:
            return None
        reply = compose(entry.title, Decision(Match(entry, 1.0), 1.0), snapshot.knowledge)
        with self._lock:
            self.stats.answered += 1
        return reply

    def reload(self, path: str | Path | None = None) -> ReloadResult:
        """Load ``path`` (default: the file in service) and swap it in only if it is valid."""
        target = str(path) if path is not None else self._path
        with self._reload_lock:
            old = self._snapshot
            try:
                new = build_snapshot(target, old.matcher.threshold)
            except KnowledgeError as exc:
                with self._lock:
                    self.stats.failed_reloads += 1
                return ReloadResult(
                    ok=False,
                    path=target,
                    entries=len(old.knowledge.entries),
                    sources=len(old.knowledge.sources),
                    problems=exc.problems,
                    problem_count=exc.count,
                )
            self._snapshot = new
            self._path = target
            with self._lock:
                self.stats.reloads += 1
            before, after = old.knowledge.by_id, new.knowledge.by_id
            result = ReloadResult(
                ok=True,
                path=target,
                entries=len(after),
                sources=len(new.knowledge.sources),
                added=tuple(i for i in after if i not in before),
                removed=tuple(i for i in before if i not in after),
                changed=tuple(i for i in after if i in before and not after.same(i, before)),
            )
        return result
