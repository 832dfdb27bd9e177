"""Errors the core reports to admins: every problem of a file, each with its place."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One thing wrong with a knowledge file, located by file and line."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return (
            f"{self.file}:{self.line}: {self.message}"
            if self.line
            else f"{self.file}: {self.message}"
        )


MAX_PROBLEMS = 200
"""Problems listed per failed load; the rest are counted in a last line ("and N more")."""


class KnowledgeError(Exception):
    """A knowledge file failed to load; ``problems`` lists what is wrong with it.

    At most ``MAX_PROBLEMS`` are listed, the first by line, then one line saying how many more
    there are; ``count`` is the number of problems in all.
    """

    def __init__(
        self, problems: list[Problem] | tuple[Problem, ...], *, count: int | None = None
    ) -> None:
        """``count`` is the number of problems in all when ``problems`` holds only the first
        ones (at least ``MAX_PROBLEMS`` of them, or all)."""
        ordered = sorted(problems)
        self.count = max(len(ordered), count or 0)
        listed = ordered[:MAX_PROBLEMS]
        if self.count > MAX_PROBLEMS:
            more = self.count - MAX_PROBLEMS
            last = listed[-1]
            listed.append(Problem(last.file, 0, f"and {more:,} more problem(s) after these"))
        self.problems: tuple[Problem, ...] = tuple(listed)
        count = self.count
        head = f"{count} problem{'s' if count != 1 else ''} in the knowledge file"
        super().__init__("\n".join([head, *(f"  {p}" for p in self.problems)]))
