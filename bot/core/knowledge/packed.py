"""Many strings held as a few: each run of them joined into one ``str``, with their offsets."""

from __future__ import annotations

import itertools
from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, overload

_RUN = 4096
"""Strings per joined run: a run is one object, and a build frees at most this many at once."""


def release(items: list[Any]) -> None:
    """Empty a list a run of items at a time, from its end.

    A build's big lists of fresh strings and tuples, dropped in one go, would free a million
    objects in one step holding the GIL: the event loop would stall that long.
    """
    while items:
        del items[-_RUN:]


def release_keys(items: dict[Any, Any]) -> None:
    """Empty a dict an item at a time, from its end (see ``release``)."""
    # Deleting from the start would walk the emptied slots again for every run.
    while items:
        items.popitem()


class Strings(Sequence[str]):
    """A sequence of strings kept as one ``str`` per run of 4,096 and one array of offsets.

    However many strings it holds, it is a few dozen objects, none of them tracked by the
    garbage collector: freeing it is as cheap as freeing one string. Each access slices a fresh
    string. Runs keep one wide character from widening every string's storage.
    """

    __slots__ = ("_ends", "_runs")

    def __init__(self, items: Iterable[str] = ()) -> None:
        runs: list[str] = []
        ends = array("I")  # each string's end, from the start of its run
        it = iter(items)
        while run := list(itertools.islice(it, _RUN)):  # a run at a time, each string in C
            ends.extend(itertools.accumulate(map(len, run)))
            runs.append("".join(run))
        self._runs = tuple(runs)
        self._ends = ends

    def __len__(self) -> int:
        return len(self._ends)

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> list[str]: ...
    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self._ends))
            if step == 1:
                return self.span(start, stop)
            return [self.at(i) for i in range(start, stop, step)]
        if index < 0:
            index += len(self._ends)
        if not 0 <= index < len(self._ends):
            raise IndexError("string index out of range")
        return self.at(index)

    def at(self, index: int) -> str:
        """Return the string at ``index``, in ``range(len(self))``, without the checks of
        ``self[index]``."""
        ends = self._ends
        start = ends[index - 1] if index % _RUN else 0
        return self._runs[index // _RUN][start : ends[index]]

    def picked(self, indices: Iterable[int]) -> Iterator[str]:
        """Return the strings at ``indices``, each in ``range(len(self))``, without the checks
        of ``self[index]``."""
        return map(self.at, indices)

    def span(self, start: int, stop: int) -> list[str]:
        """Return the strings ``start`` to ``stop`` (``self[start:stop]`` for ``0 <= start <=
        stop <= len(self)``, without the slice's checks): one slice of its run each, cut in a
        loop."""
        ends, out = self._ends, []
        while start < stop:
            run, within = divmod(start, _RUN)
            last = min(stop, start - within + _RUN)
            cuts = ends[start:last]
            text = self._runs[run]
            first = ends[start - 1] if within else 0
            out += [text[a:b] for a, b in itertools.pairwise(itertools.chain((first,), cuts))]
            start = last
        return out

    def __iter__(self) -> Iterator[str]:
        return map(self.at, range(len(self._ends)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Strings):
            return self._ends == other._ends and self._runs == other._runs
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self._runs, self._ends.tobytes()))

    def __repr__(self) -> str:
        return f"Strings({list(self)!r})"
