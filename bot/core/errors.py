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


class KnowledgeError(Exception):
    """A knowledge file failed to load; ``problems`` lists everything wrong with it."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        self.problems: tuple[Problem, ...] = tuple(sorted(problems))
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the knowledge file"
        super().__init__("\n".join([head, *(f"  {p}" for p in self.problems)]))
