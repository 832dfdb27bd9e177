"""The figures as a text table always, and as a chart only when matplotlib is installed."""

from __future__ import annotations

import sys

import pytest

from bot.store.charts import charts_available, usage_chart, usage_table
from bot.store.records import DayCount, Usage

USAGE = Usage(
    days=(DayCount("2026-11-30", 12, 3), DayCount("2026-12-01", 20, 5)),
    top_entries=(("us-600-bmwblog", 9), ("doubling-rumor", 4)),
    top_misses=(("how many 1Ms went to japan", 3),),
    votes=(("us-600-bmwblog", 5, 1),),
    flags=1,
)


def test_the_table_has_every_figure() -> None:
    table = usage_table(USAGE, "This server")
    assert table.startswith("This server: 32 answered, 8 declined")
    for text in ("2026-12-01", "us-600-bmwblog", "how many 1Ms went to japan", "+5", "-1"):
        assert text in table


def test_without_matplotlib_there_is_no_chart(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # as if it were not installed
    assert not charts_available()
    assert usage_chart(USAGE) is None
    assert "32 answered" in usage_table(USAGE)


def test_with_matplotlib_the_chart_is_a_png() -> None:
    pytest.importorskip("matplotlib")
    png = usage_chart(USAGE, "This server")
    assert png is not None and png.startswith(b"\x89PNG")
    empty = usage_chart(Usage((), (), (), ()), "A quiet server")
    assert empty is not None and empty.startswith(b"\x89PNG")
