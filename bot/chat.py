"""An interactive chat on the terminal, with readline history and live reload."""

from __future__ import annotations

import contextlib
import re
from typing import TextIO

from .core.decide.memory import Conversations
from .core.render.text import to_text
from .core.service import KnowledgeService
from .redaction import redact
from .terminal import printable

HELP = "Ask about the BMW 1M production story. Commands: :reload, :help, :quit"
FULL_HELP = """\
Type a question and press Enter, e.g. "how many 1Ms is the US getting?". Every answer says
whether it is a fact, a rumor, a denial, an opinion or disputed, who claims it and where.
Follow-ups read against your last answer for a few minutes: "who said that?", "what about
Australia?". When the bot does not know, it says so and offers the closest questions.
Commands:
  :reload   read the knowledge file again; shows what changed, or every problem (the old
            knowledge keeps answering until the file is valid)
  :help     this help
  :quit     leave (also :q, :exit, Ctrl-D)"""
COMMANDS = (":reload", ":help", ":quit", ":q", ":exit")
_COMMAND = re.compile(r":[A-Za-z]\w*")


def chat(service: KnowledgeService, stdin: TextIO, out: TextIO) -> int:
    """Read questions until end of input or :quit; answer each one."""
    interactive = stdin.isatty()
    if interactive:
        with contextlib.suppress(ImportError):
            import readline  # noqa: F401  (gives input() line editing and history)
    out.write(f"onem-bot, {len(service.knowledge.entries)} entries loaded. {HELP}\n")
    memory = Conversations()  # "who said that?" reads against the last answer
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
            out.write(FULL_HELP + "\n")
        elif _COMMAND.fullmatch(line) and line not in COMMANDS:
            out.write(f"Unknown command {line}; the commands are :reload, :help and :quit.\n")
        elif line == ":reload":
            out.write(printable(redact(service.reload().summary())) + "\n")
        else:
            reply = memory.ask(service.ask, 0, line)
            out.write(printable(redact(to_text(reply))) + "\n\n")
        out.flush()
