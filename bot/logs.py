"""Log line formats: timestamped text for people, one JSON object a line for log collectors."""

from __future__ import annotations

import json
import logging
import time
from typing import Any

TEXT_FORMAT = "%(asctime)s.%(msecs)03dZ %(levelname)s %(name)s: %(message)s"
DATE_FORMAT = "%Y-%m-%dT%H:%M:%S"


class JsonFormatter(logging.Formatter):
    """Format a record as one JSON object: time (UTC, ISO 8601), level, logger, message."""

    def format(self, record: logging.LogRecord) -> str:
        """Return the record as a single line of JSON."""
        data: dict[str, Any] = {
            "time": self.formatTime(record, DATE_FORMAT) + f".{int(record.msecs):03d}Z",
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            data["exception"] = self.formatException(record.exc_info)
        elif record.exc_text:  # already formatted (and cleaned) by a filter
            data["exception"] = record.exc_text
        return json.dumps(data, ensure_ascii=False)


def formatter(kind: str) -> logging.Formatter:
    """Return the formatter for ``kind``: ``text`` or ``json``; times are always UTC."""
    made = JsonFormatter() if kind == "json" else logging.Formatter(TEXT_FORMAT, DATE_FORMAT)
    made.converter = time.gmtime
    return made


def use_format(kind: str, root: logging.Logger | None = None) -> None:
    """Give the plain stream handlers of the root logger this format (others are left alone)."""
    target = root or logging.getLogger()
    for handler in target.handlers:
        if type(handler) is logging.StreamHandler:
            handler.setFormatter(formatter(kind))
