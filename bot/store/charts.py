"""The figures of a scope as a text table, and as a PNG chart when matplotlib is installed."""

from __future__ import annotations

import io
from typing import Any

from .records import Usage


def usage_table(usage: Usage, title: str = "Questions") -> str:
    """Return the figures as a plain-text table: per day, top entries, top misses, votes."""
    lines = [f"{title}: {usage.answered} answered, {usage.declined} declined", ""]
    lines.append(f"{'day':<12}{'answered':>10}{'declined':>10}")
    lines += [f"{d.day:<12}{d.answered:>10}{d.declined:>10}" for d in usage.days] or ["(none)"]
    if usage.top_entries:
        lines += ["", "Top entries:"]
        lines += [f"  {n:>5}  {entry}" for entry, n in usage.top_entries]
    if usage.top_misses:
        lines += ["", "Top misses:"]
        lines += [f"  {n:>5}  {question}" for question, n in usage.top_misses]
    if usage.votes or usage.flags:
        lines += ["", f"Feedback ({usage.flags} flagged as wrong):"]
        lines += [f"  +{up:<4} -{down:<4} {entry}" for entry, up, down in usage.votes]
    return "\n".join(lines)


def charts_available() -> bool:
    """Return whether matplotlib (the ``charts`` extra) is installed."""
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return False
    return True


def usage_chart(usage: Usage, title: str = "Questions") -> bytes | None:
    """Return a PNG of the figures, or None when matplotlib is not installed."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        from matplotlib.figure import Figure
    except ImportError:
        return None
    figure: Any = Figure(figsize=(9, 6), dpi=100, layout="constrained")
    days, top, misses = figure.subplots(3, 1, height_ratios=[2, 1.2, 1.2])
    labels = [d.day[5:] for d in usage.days]
    answered = [d.answered for d in usage.days]
    declined = [d.declined for d in usage.days]
    days.bar(labels, answered, label="answered", color="#2e7d32")
    days.bar(labels, declined, bottom=answered, label="declined", color="#c62828")
    days.set_title(f"{title}: questions per day")
    days.tick_params(axis="x", labelrotation=45, labelsize=8)
    days.legend(loc="upper left")
    for axis, pairs, colour, name in (
        (top, usage.top_entries, "#1565c0", "Top entries"),
        (misses, usage.top_misses, "#ef6c00", "Top misses"),
    ):
        names = [_short(str(k)) for k, _ in pairs][::-1]
        axis.barh(names, [n for _, n in pairs][::-1], color=colour)
        axis.set_title(name)
        if not pairs:
            axis.text(0.5, 0.5, "none yet", ha="center", va="center", transform=axis.transAxes)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def _short(text: str, limit: int = 45) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"
