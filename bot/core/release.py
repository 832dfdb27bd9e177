"""Free big containers a slice at a time, so that no single step holds the GIL for long.

Dropping a container of a million objects frees them all in one call. In a reload running in
a worker thread, that call would stall the bot's event loop for tens of milliseconds; freed
a slice at a time, the loop gets the GIL back between slices.
"""

from __future__ import annotations

from typing import Any

SLICE = 512
"""Items freed per step."""


def release(*containers: list[Any] | dict[Any, Any] | set[Any]) -> None:
    """Empty each container a slice at a time (its items are freed unless referenced elsewhere)."""
    for container in containers:
        if isinstance(container, list):
            while container:
                del container[-SLICE:]
        elif isinstance(container, dict):
            while container:
                for _ in range(min(SLICE, len(container))):
                    container.popitem()
        else:
            while container:
                for _ in range(min(SLICE, len(container))):
                    container.pop()
