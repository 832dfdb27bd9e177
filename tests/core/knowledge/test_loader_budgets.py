"""Bounded work for every input: knowledge-file budgets, linear text handling, bounded rendering.

The attacks on ``main``:

- a valid 270 KB file of nested YAML aliases took 88.6 s and 10.6 GB to load;
- a broken 29 KB file of repeated aliases gave 89,700 problems and a 12.9 MB reload report;
- the thousands-separator pattern backtracked quadratically on a long comma-separated run of
  digits, stalling the event loop 39.5 s on a 161 KB file during a "background" reload;
- crafted answers made the markdown escaping take 1.5-2 s per answer, and crafted synonym groups
  made every question take 0.5 s.

Time is not asserted here (the benchmark ``python -m benchmarks.safety`` prints it); linearity
is checked by comparing an input with one eight times longer, with a generous ratio.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hardening_support import PROFILE
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.knowledge.errors import MAX_PROBLEMS, KnowledgeError, Problem
from bot.core.knowledge.loader import (
    MAX_ALIAS_EXPANSION,
    MAX_SYNONYM_WORDS,
    load_knowledge,
    parse_knowledge,
)
from bot.core.normalise.text import words
from bot.core.service import KnowledgeService, ReloadResult
from bot.discord.embeds import reply_embed, safe
from bot.discord.report import MESSAGE_LIMIT, reload_report, reload_text

HEAD = """\
version: 1
sources:
  - id: s
    title: A source
    outlet: An outlet
    kind: article
entries:
"""


def entry(i: int, extra: str = "") -> str:
    return (
        f"  - id: e{i}\n    questions: ['question number {i} about the car']\n"
        f"    answer: Answer {i}.\n    status: fact\n    claimed_by: X\n    sources: [s]\n{extra}"
    )


def problems_of(text: str) -> KnowledgeError:
    with pytest.raises(KnowledgeError) as caught:
        parse_knowledge(text.encode(), "kb.yaml")
    return caught.value


def test_a_small_valid_file_of_nested_aliases_is_refused_with_its_line() -> None:
    # each entry repeats a 150-keyword list of 150 lists... written once, 300 bytes an entry
    big = ", ".join(f"keyword number {i} of a long list" for i in range(150))
    text = HEAD + entry(0, f"    keywords: &k [{big}]\n")
    text += "".join(entry(i, "    keywords: *k\n") for i in range(1, 2_000))
    assert len(text) < 400_000
    error = problems_of(text)
    (problem,) = error.problems
    assert "aliases repeat more than" in problem.message
    assert problem.line > 8  # where the budget ran out, inside the entries
    assert f"{MAX_ALIAS_EXPANSION:,}" in problem.message


def test_aliases_within_the_budget_still_load() -> None:
    text = HEAD + entry(0, "    keywords: &k [allocation, quota]\n")
    text += "".join(entry(i, "    keywords: *k\n") for i in range(1, 200))
    knowledge = parse_knowledge(text.encode(), "kb.yaml")
    assert all(e.keywords == ("allocation", "quota") for e in knowledge.entries)


def test_repeated_aliases_cannot_multiply_problems_into_a_huge_report() -> None:
    # one bad list, aliased by every entry: every copy is a problem
    bad = "&bad [" + ", ".join("[nested]" for _ in range(150)) + "]"
    text = HEAD + entry(0, f"    tags: {bad}\n")
    text += "".join(entry(i, "    tags: *bad\n") for i in range(1, 600))
    assert len(text) < 100_000
    error = problems_of(text)
    assert len(error.problems) <= MAX_PROBLEMS + 1
    result = ReloadResult(
        False, "kb.yaml", 1, 1, problems=error.problems, problem_count=error.count
    )
    assert len(reload_text(result).encode()) < 100_000  # far below Discord's upload limit


def test_problems_past_the_cap_are_counted_in_one_last_line() -> None:
    text = HEAD + "".join(entry(i).replace("status: fact", "status: gossip") for i in range(1_000))
    error = problems_of(text)
    assert error.count == 1_000
    assert len(error.problems) == MAX_PROBLEMS + 1
    assert error.problems[-1].message == "and 800 more problem(s) after these"
    assert [p.line for p in error.problems[:-1]] == sorted(p.line for p in error.problems[:-1])
    result = ReloadResult(
        False, "kb.yaml", 1, 1, problems=error.problems, problem_count=error.count
    )
    report = reload_report(result)
    assert "failed with 1,000 problem(s)" in report["content"]
    assert len(report["content"]) <= MESSAGE_LIMIT


def test_crafted_synonym_groups_are_refused_with_their_line() -> None:
    terms = ", ".join("'" + " ".join(["model"] * n) + "'" for n in range(1, 60))
    text = "synonyms:\n  - [" + terms + "]\n" + HEAD + entry(0)
    error = problems_of(text)
    assert any(
        p.line == 2 and f"more than {MAX_SYNONYM_WORDS} words" in p.message for p in error.problems
    ), [str(p) for p in error.problems]


def test_overlong_fields_are_refused_with_their_line() -> None:
    text = HEAD + entry(0).replace("Answer 0.", "x" * 5_000)
    (problem,) = problems_of(text).problems
    assert problem.line == 10 and "the limit is 4,000" in problem.message


def _best_of(run: Callable[[], object], repeats: int = 5) -> float:
    """Return the least CPU time of a few runs: other processes on a busy machine add none."""
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    return best


def assert_linear(run: Callable[[str], object], unit: str, small: int) -> None:
    """Eight times the input may cost up to 24 times the time (quadratic would be 64), plus
    50 ms for the noise of a shared machine (the quadratic cases miss by seconds)."""
    short = unit * max(small // len(unit), 1)
    long = short * 8
    tries = []
    for _ in range(2):  # a second look when the shared machine got busy during the first
        t_short = _best_of(lambda: run(short))
        t_long = _best_of(lambda: run(long))
        if t_long <= 24 * t_short + 0.05:
            return
        tries.append((t_short, t_long))
    raise AssertionError(f"not linear on {unit!r}: {tries}")


UNITS = st.one_of(
    st.sampled_from(
        [
            "123,",
            "1,234",
            "1,",
            ",1",
            "1,23",
            "999,",
            "1.5k ",
            "1k",
            "'s ",
            "two thousand ",
            "1:30 ",
            "\u0661,\u0662\u0663\u0664",
            "1,234.5",
            "12 345",
        ]
    ),
    st.text(alphabet="0123456789,.k' ", min_size=1, max_size=8),
)


@settings(PROFILE, max_examples=40)
@given(unit=UNITS)
def test_the_normaliser_is_linear_in_the_input_size(unit: str) -> None:
    assert_linear(words, unit, 4_000)


@settings(PROFILE, max_examples=40)
@given(unit=st.sampled_from(["[a](", "](", "*_", "\\", "<@1>", "||", "`", "~~", "> ", "[[", "_a"]))
def test_markdown_escaping_is_linear_in_the_input_size(unit: str) -> None:
    assert_linear(lambda text: safe(text, 10**7), unit, 2_000)


def test_a_crafted_answer_renders_in_one_bounded_embed(tmp_path: Path) -> None:
    path = tmp_path / "kb.yaml"
    path.write_text(HEAD + entry(0).replace("Answer 0.", "'" + "[a](" * 990 + "'"))
    service = KnowledgeService.from_path(path)
    reply = service.answer_entry("e0")
    assert reply is not None
    embed = reply_embed(reply)
    assert len(embed) <= 6000
    assert "](" not in (embed.description or "").replace("\\](", "")


def test_a_problem_never_quotes_a_huge_key() -> None:
    text = HEAD + entry(0, f"    {'k' * 100_000}: x\n")
    (problem,) = problems_of(text).problems
    assert isinstance(problem, Problem) and len(problem.message) < 400


def test_load_knowledge_refuses_nothing_valid_at_the_budget(tmp_path: Path) -> None:
    path = tmp_path / "kb.yaml"
    path.write_text(HEAD + entry(0).replace("Answer 0.", "y" * 4_000))
    assert len(load_knowledge(path).entries[0].answer) == 4_000
