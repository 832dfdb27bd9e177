"""Log lines: timestamped text, or one JSON object a line; the token never in either."""

from __future__ import annotations

import io
import json
import logging
import re

from bot.discord.runner import RedactToken
from bot.logs import use_format

SECRET = "MTIzNDU2Nzg5MDEyMzQ1Njc4.secret.token-value"


def _logger(kind: str) -> tuple[logging.Logger, io.StringIO]:
    stream = io.StringIO()
    logger = logging.Logger(f"test-{kind}")
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactToken(SECRET))
    logger.addHandler(handler)
    use_format(kind, logger)
    return logger, stream


def test_text_lines_start_with_a_utc_timestamp() -> None:
    logger, stream = _logger("text")
    logger.warning("Connected to %d server(s)", 3)
    line = stream.getvalue().strip()
    assert re.fullmatch(
        r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z WARNING test-text: Connected to 3 server\(s\)",
        line,
    ), line


def test_json_lines_are_one_object_each_without_the_token() -> None:
    logger, stream = _logger("json")
    logger.info("hello\nworld")
    try:
        raise RuntimeError(f"login with {SECRET} failed")
    except RuntimeError:
        logger.exception("start failed")
    lines = stream.getvalue().splitlines()
    assert len(lines) == 2  # newlines inside a message stay inside its object
    first, second = (json.loads(line) for line in lines)
    assert first["message"] == "hello\nworld" and first["level"] == "INFO"
    assert first["logger"] == "test-json"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", first["time"])
    assert second["level"] == "ERROR" and "RuntimeError" in second["exception"]
    assert SECRET not in stream.getvalue() and "[redacted]" in second["exception"]


def test_other_handlers_keep_their_format() -> None:
    logger = logging.Logger("test-other")
    custom = logging.FileHandler("/dev/null", delay=True)
    custom.setFormatter(logging.Formatter("%(message)s"))
    logger.addHandler(custom)
    use_format("json", logger)
    assert custom.format(logging.makeLogRecord({"msg": "as it was"})) == "as it was"


def test_run_logs_in_the_configured_format() -> None:
    from bot.discord.runner import configure_logging
    from bot.discord.settings import Settings

    stream = io.StringIO()
    handler = logging.StreamHandler(stream)  # what the command line installs for `run`
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    try:
        redact = configure_logging(Settings(token=SECRET, log_format="json"))
        logging.getLogger("bot.discord").warning("token %s in a line", SECRET)
    finally:
        root.removeHandler(handler)
        root.setLevel(level)
        for other in root.handlers:
            other.removeFilter(redact)
    record = json.loads(stream.getvalue())
    assert record["logger"] == "bot.discord" and record["message"] == "token [redacted] in a line"
