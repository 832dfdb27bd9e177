"""``/ask`` autocomplete: bounded work at any knowledge size, and never built on the event loop.

The attack on ``main``: every keystroke scanned every phrasing, with a list membership test per
match, on the event loop and with no cooldown: 2.4-3.1 s per keystroke at 10,000 entries (past
Discord's 3 s deadline, the whole bot frozen meanwhile) and 25 s at 30,000. Now an index is
built per knowledge file in a worker thread, and a lookup tests at most ``MAX_CHECKED``
phrasings whatever is typed and however big the file is. The time at 100,000 entries is
measured by ``python -m benchmarks.safety``; here the work is counted.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Sequence
from dataclasses import replace
from typing import Any, overload

from discord_kit import World, rewrite
from hardening_support import PROFILE
from hypothesis import given
from hypothesis import strategies as st

from bot.core.knowledge.models import Entry, Knowledge, Source, SourceKind, Status
from bot.core.retrieve.completion import CHOICE_LIMIT, MAX_CHECKED, CompletionIndex


def crowded(entries: int) -> Knowledge:
    """Return knowledge whose phrasings all share their words: the worst case for a lookup."""
    items = tuple(
        Entry(
            id=f"e{i}",
            questions=(
                f"how many cars is the us getting number {i}",
                f"is the us getting many cars {i % 97}",
            ),
            answer="A.",
            status=Status.FACT,
            claimed_by="X",
            sources=("s",),
        )
        for i in range(entries)
    )
    source = Source("s", "T", "O", SourceKind.OTHER_SITE)
    return Knowledge("crowded.yaml", 1, (), {"s": source}, items, f"crowded-{entries}")


class Counted(Sequence[str]):
    """A sequence that counts how many of its items are read."""

    def __init__(self, items: Sequence[str]) -> None:
        self.items = items
        self.reads = 0

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[str]: ...
    def __getitem__(self, index: Any) -> Any:
        self.reads += 1 if isinstance(index, int) else len(range(*index.indices(len(self))))
        return self.items[index]

    def __len__(self) -> int:
        return len(self.items)


SMALL, BIG = crowded(2_000), crowded(20_000)
INDEXES = {n: CompletionIndex.build(k) for n, k in ((2_000, SMALL), (20_000, BIG))}


def reads(size: int, typed: str) -> tuple[int, list[str]]:
    index = INDEXES[size]
    folded = Counted(index.folded)
    counting = replace(index, folded=folded)  # type: ignore[arg-type]
    choices = counting.complete(typed)
    return folded.reads, choices


TYPED = st.one_of(
    st.sampled_from(
        ["", "h", "how", "how many", "is the us", "getting", "zzzz", "1", "number 19999", "any"]
    ),
    st.text(alphabet="howmanycarsisteug 0123456789", max_size=80),
    st.text(max_size=300),
)


@PROFILE
@given(typed=TYPED)
def test_a_lookup_reads_a_bounded_number_of_phrasings_at_any_size(typed: str) -> None:
    small_reads, _ = reads(2_000, typed)
    big_reads, big_choices = reads(20_000, typed)
    for count in (small_reads, big_reads):
        assert count <= MAX_CHECKED, (typed, count)
    assert len(big_choices) <= CHOICE_LIMIT and all(len(c) <= 100 for c in big_choices)
    # ten times the knowledge costs no more than the cap, not ten times the work
    assert big_reads <= max(small_reads * 2, MAX_CHECKED), (typed, small_reads, big_reads)


def test_typed_prefixes_still_come_first_in_knowledge_order() -> None:
    choices = INDEXES[20_000].complete("how many cars is the us getting number 1999")
    assert choices[:2] == [
        "how many cars is the us getting number 1999",
        "how many cars is the us getting number 19990",
    ]
    assert INDEXES[20_000].complete("number 19999") == [
        "how many cars is the us getting number 19999"
    ]
    assert INDEXES[2_000].complete("zzzz") == []
    assert INDEXES[2_000].complete("")[0] == "how many cars is the us getting number 0"


async def test_the_bot_builds_its_index_off_the_event_loop_after_each_reload(
    world: World, monkeypatch: Any
) -> None:
    loop_thread = threading.current_thread()
    built_on: list[threading.Thread] = []
    original = CompletionIndex.build.__func__  # type: ignore[attr-defined]

    def spy(cls: type[CompletionIndex], knowledge: Knowledge) -> CompletionIndex:
        built_on.append(threading.current_thread())
        return original(cls, knowledge)  # type: ignore[no-any-return]

    monkeypatch.setattr(CompletionIndex, "build", classmethod(spy))
    path = world.bot.service.knowledge.path
    await asyncio.to_thread(
        rewrite,
        type(world.bot.settings.knowledge_path)(path),
        lambda t: t.replace("How many 1Ms does each dealer get?", "How many 1Ms per dealer?"),
    )
    await world.id_admin.slash(world.general, "kb reload")
    for _ in range(200):  # the index follows the reload in a worker thread
        if world.bot.choices is not None and world.bot.choices.digest == (
            world.bot.service.knowledge.digest
        ):
            break
        await asyncio.sleep(0.01)
    choices = await world.alice.autocomplete(world.general, "ask", "question", "how many 1ms per")
    assert [c["name"] for c in choices] == ["How many 1Ms per dealer?"]
    assert built_on and all(t is not loop_thread for t in built_on), built_on


async def test_autocomplete_has_a_limit_of_its_own(world: World) -> None:
    rate = world.bot.autocomplete_limit.rate
    got = [
        await world.alice.autocomplete(world.general, "ask", "question", "how many")
        for _ in range(rate + 5)
    ]
    assert all(got[:rate]) and not any(got[rate:])  # a script gets nothing past the limit
    assert await world.bob.autocomplete(world.general, "ask", "question", "how many")
    answer = await world.alice.slash(world.general, "ask", question="How many 1Ms?")
    assert answer.response is not None and answer.response.embeds  # asking is not held up
    await world.env.advance_time(11)
    assert await world.alice.autocomplete(world.general, "ask", "question", "how many")
