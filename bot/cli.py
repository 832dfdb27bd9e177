"""The command line: ask, chat, check and eval over the same core the Discord bot uses."""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TextIO

from .core.decide.decision import DEFAULT_THRESHOLD
from .core.knowledge import default_knowledge_path
from .core.knowledge.errors import KnowledgeError
from .core.render.jsonlines import json_line, to_json
from .core.render.text import to_text
from .core.service import KnowledgeService
from .explain import ranking, ranking_lines
from .redaction import redact
from .snapshot_cache import load_snapshot
from .terminal import printable

log = logging.getLogger("bot")

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser for every subcommand."""
    parser = argparse.ArgumentParser(
        prog="onem-bot",
        description="Answer BMW 1M production questions from a curated, sourced knowledge base.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug details to stderr")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def with_knowledge(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument(
            "--knowledge",
            "-k",
            metavar="PATH",
            type=Path,
            default=None,
            help="knowledge file (default: the one shipped with the package)",
        )
        return p

    ask = with_knowledge(sub.add_parser("ask", help="answer one question (or '-' for stdin lines)"))
    ask.add_argument(
        "question",
        nargs="+",
        help="the question (several quoted ones: one answer each), or - to read one per line",
    )
    ask.add_argument("--json", action="store_true", help="print JSON (one object per question)")
    ask.add_argument(
        "-v",
        "--verbose",
        dest="details",
        action="store_true",
        help="also show the ranking: the closest entries and their scores",
    )

    ask.set_defaults(func=_with_service(_ask))
    chat = with_knowledge(sub.add_parser("chat", help="ask questions interactively"))
    chat.set_defaults(func=_with_service(_chat))

    check = with_knowledge(sub.add_parser("check", help="validate and lint a knowledge file"))
    check.add_argument("path", nargs="?", type=Path, help="file to check (default: --knowledge)")
    check.add_argument(
        "--no-lint", action="store_true", help="only validate; skip matching every phrasing"
    )
    check.set_defaults(func=_check)

    ev = with_knowledge(sub.add_parser("eval", help="score the answers on a question set"))
    ev.add_argument("questions", type=Path, help="YAML list of {kind, q, expect}")
    ev.add_argument("--show", choices=["failures", "all", "none"], default="failures")
    ev.add_argument("--json", action="store_true", help="print the summary as JSON")
    ev.set_defaults(func=_with_service(_eval))

    sub.add_parser("schema", help="print the knowledge file's JSON Schema").set_defaults(
        func=_schema
    )

    from .learn_cli import add_commands

    add_commands(sub)

    run = sub.add_parser("run", help="run the Discord bot")
    run.add_argument("--config", "-c", type=Path, default=Path("config.yaml"), metavar="PATH")
    run.set_defaults(func=_run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the process exit code."""
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        stream=sys.stderr,
        format="%(levelname)s %(name)s: %(message)s",
    )
    command: Callable[[argparse.Namespace], int] = args.func
    return command(args)


def _run(args: argparse.Namespace) -> int:
    """Run the Discord bot."""
    from .discord.runner import run_from_config

    return run_from_config(args.config)


def _schema(args: argparse.Namespace) -> int:
    """Print the knowledge file's JSON Schema."""
    from .authoring.schema import knowledge_schema

    sys.stdout.write(json.dumps(knowledge_schema(), indent=2) + "\n")
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    """Validate and lint a knowledge file."""
    path = args.path or args.knowledge or default_knowledge_path()
    return check(path, sys.stdout, lint_phrasings=not args.no_lint)


def _with_service(
    command: Callable[[KnowledgeService, argparse.Namespace], int],
) -> Callable[[argparse.Namespace], int]:
    """Return ``command`` run on the knowledge of ``--knowledge``, or exit 2 if it cannot load."""

    def load_then_run(args: argparse.Namespace) -> int:
        try:
            path = args.knowledge or default_knowledge_path()
            service = KnowledgeService(load_snapshot(path, DEFAULT_THRESHOLD))
        except KnowledgeError as exc:
            print(printable(redact(str(exc))), file=sys.stderr)
            return EXIT_USAGE
        return command(service, args)

    return load_then_run


def _ask(service: KnowledgeService, args: argparse.Namespace) -> int:
    return ask(
        service,
        args.question,
        as_json=args.json,
        stdin=sys.stdin,
        out=sys.stdout,
        details=args.details,
    )


def _chat(service: KnowledgeService, args: argparse.Namespace) -> int:
    from .chat import chat

    return chat(service, sys.stdin, sys.stdout)


def _eval(service: KnowledgeService, args: argparse.Namespace) -> int:
    return run_eval(service, args.questions, show=args.show, as_json=args.json, out=sys.stdout)


def ask(
    service: KnowledgeService,
    words: list[str],
    *,
    as_json: bool,
    stdin: TextIO,
    out: TextIO,
    err: TextIO | None = None,
    details: bool = False,
) -> int:
    """Answer the question in ``words``, or every stdin line when it is ``-``.

    Several arguments are one question when none holds a space (``ask how many cars``) and
    one question each otherwise (``ask "how many cars" "who said so"``). ``details`` adds the
    ranking behind each answer.

    A stdin line that is not UTF-8 is skipped with one line on stderr (and exit code 1); every
    other line is answered, in order.
    """
    status = EXIT_OK
    for number, question in enumerate(_questions(words, stdin), 1):
        if question is None:
            print(f"stdin line {number} is not UTF-8 text; skipped it", file=err or sys.stderr)
            status = EXIT_PROBLEMS
            continue
        reply = service.ask(question)
        extra = ranking(service, reply.question) if details else None
        if as_json:
            data = to_json(reply) | ({"ranking": extra} if extra else {})
            out.write(redact(json_line(data)) + "\n")
            out.flush()
        else:
            lines = [to_text(reply), *(ranking_lines(extra) if extra else [])]
            out.write(printable(redact("\n".join(lines))) + "\n")
    return status


def _questions(words: list[str], stdin: TextIO) -> Iterator[str | None]:
    """Yield the questions: ``words`` joined (or each one, if any holds a space), or each stdin
    line (None if it is not UTF-8)."""
    if words != ["-"]:
        if len(words) > 1 and any(len(w.split()) > 1 for w in words):
            yield from words
        else:
            yield " ".join(words)
        return
    raw = getattr(stdin, "buffer", None)
    if raw is None:  # a text stream (tests): already decoded
        yield from (line.rstrip("\r\n") for line in stdin)
        return
    for line in raw:
        try:
            yield line.decode("utf-8").rstrip("\r\n")
        except UnicodeDecodeError:
            yield None


def check(path: Path, out: TextIO, *, lint_phrasings: bool = True) -> int:
    """Validate and lint a knowledge file; print every problem; exit 1 if there are any."""
    from .authoring.lint import lint
    from .core.knowledge.loader import load_knowledge
    from .core.retrieve.matcher import Matcher

    try:
        knowledge = load_knowledge(path)
    except KnowledgeError as exc:
        out.write(printable(redact(f"{exc}\n")))
        return EXIT_PROBLEMS
    warnings = lint(Matcher(knowledge)) if lint_phrasings else []
    if warnings:
        out.write(f"{len(warnings)} matching problem(s) in {path}:\n")
        out.writelines(f"  {path}:{w.removeprefix('line ')}\n" for w in warnings)
        return EXIT_PROBLEMS
    phrasings = sum(len(e.questions) for e in knowledge.entries)
    out.write(
        f"OK {path}: {len(knowledge.entries)} entries, {len(knowledge.sources)} sources, "
        f"{phrasings} phrasings"
        + (", every phrasing reaches its entry.\n" if lint_phrasings else " (not linted).\n")
    )
    return EXIT_OK


def run_eval(
    service: KnowledgeService, path: Path, *, show: str, as_json: bool, out: TextIO
) -> int:
    """Score the service on a question set and print the failures and the summary."""
    from .authoring.evaluation import evaluate, is_conversation_set, load_questions

    try:
        if is_conversation_set(path):
            return run_conversations(service, path, show=show, as_json=as_json, out=out)
        questions = load_questions(path)
    except (OSError, ValueError, re.error) as exc:
        print(f"cannot read the question set: {exc}", file=sys.stderr)
        return EXIT_USAGE
    report = evaluate(questions, service.ask)
    if as_json:
        summary = {
            "answerable": report.answerable,
            "correct": report.count("correct"),
            "wrong": report.count("wrong", "no-source"),
            "missed": report.count("missed"),
            "accuracy": report.accuracy,
            "offtopic": report.offtopic,
            "declined": report.count("declined"),
            "decline_rate": report.decline_rate,
        }
        out.write(json.dumps(summary) + "\n")
        return EXIT_OK
    for v in report.verdicts:
        if show == "all" or (show == "failures" and not v.ok):
            head = f"{v.verdict:>12}  {v.question.q}"
            out.write(f"{head}\n{'':>14}-> [{v.entry} {v.score}] {v.answer[:160]!r}\n")
    out.writelines(line + "\n" for line in report.lines())
    return EXIT_OK


def run_conversations(
    service: KnowledgeService, path: Path, *, show: str, as_json: bool, out: TextIO
) -> int:
    """Play a multi-turn set, each turn read against the conversation's last answer."""
    from .authoring.evaluation import evaluate_conversations, load_conversations

    verdicts = evaluate_conversations(load_conversations(path), service.ask)
    passed = sum(v.ok for v in verdicts)
    if as_json:
        out.write(json.dumps({"turns": len(verdicts), "passed": passed}) + "\n")
        return EXIT_OK
    for v in verdicts:
        if show == "all" or (show == "failures" and not v.ok):
            mark = "ok" if v.ok else "FAIL"
            out.write(f"{mark:>5}  want {v.turn.want:<9} {v.turn.q}\n")
            out.write(f"{'':>7}-> [{v.got}] {v.answer[:160]!r}\n")
    share = passed / len(verdicts) if verdicts else 1.0
    out.write(f"turns: {passed}/{len(verdicts)} passed ({share:.1%})\n")
    return EXIT_OK
