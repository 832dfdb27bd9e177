"""An interactive chat on the terminal, with readline history and live reload."""

from __future__ import annotations

import contextlib
from typing import TextIO

from .config import redact
from .core.replies import to_text
from .core.service import KnowledgeService
from .terminal import printable

HELP = "Ask about the BMW 1M production story. Commands: :reload, :help, :quit"


def chat(service: KnowledgeService, stdin: TextIO, out: TextIO) -> int:
    """Read questions until end of input or :quit; answer each one."""
    interactive = stdin.isatty()
    if interactive:
        with contextlib.suppress(ImportError):
            import readline  # noqa: F401  (gives input() line editing and history)
    out.write(f"onem-bot, {len(service.knowledge.entries)} entries loaded. {HELP}\n")
    while True:
        try:
            line = input("you> ") if interactive else stdin.readline()
        except (EOFError, KeyboardInterrupt):
            out.write("\n")
            return 0
        if not interactive and not line:
            return 0
        line = line.strip()
        if not line:
            continue
        if line in (":quit", ":q", ":exit"):
            return 0
        if line == ":help":
            out.write(HELP + "\n")
        elif line == ":reload":
            out.write(printable(redact(service.reload().summary())) + "\n")
        else:
            out.write(printable(redact(to_text(service.ask(line)))) + "\n\n")
        out.flush()
