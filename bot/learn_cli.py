"""The command line of the learning loop: review, stats, export and import of the store."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from .store.records import FORMATS, Scope
from .terminal import printable

if TYPE_CHECKING:
    from .authoring.teach import Cluster
    from .core.service import KnowledgeService
    from .store.db import Store

COMMANDS = ("review", "stats", "export", "import-log")
DEFAULT_STORE = Path("onem.db")
EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the store's subcommands to the command line's parser."""

    def with_store(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument("--store", "-s", type=Path, default=DEFAULT_STORE, metavar="PATH",
                       help="the bot's store (default: onem.db)")  # fmt: skip
        p.add_argument("--guild", type=int, default=None, metavar="ID",
                       help="one server's data only (default: all, DMs too)")  # fmt: skip
        return p

    review = with_store(sub.add_parser("review", help="review missed questions, teach phrasings"))
    review.add_argument("--knowledge", "-k", type=Path, default=None, metavar="PATH")
    stats = with_store(sub.add_parser("stats", help="questions per day, top entries and misses"))
    stats.add_argument("--days", type=int, default=14)
    stats.add_argument("--chart", type=Path, metavar="PNG", help="also draw a chart (matplotlib)")
    ex = with_store(
        sub.add_parser("export", help="write a table of the store as CSV or JSON lines")
    )
    ex.add_argument("table", choices=["questions", "choices", "votes", "flags", "audit"])
    ex.add_argument("--format", choices=FORMATS, default="csv")
    imp = sub.add_parser("import-log", help="import an unanswered log into the store, once")
    imp.add_argument("log", type=Path)
    imp.add_argument("--store", "-s", type=Path, default=DEFAULT_STORE, metavar="PATH")
    for command in (review, stats, ex, imp):
        command.set_defaults(func=run)


def run(args: argparse.Namespace, stdin: TextIO = sys.stdin, out: TextIO = sys.stdout) -> int:
    """Run one of the store's subcommands."""
    # Imported here, not at the top: ``python -m bot ask`` builds this parser too, and needs
    # none of the store (SQLite, the learning loop) to answer.
    from .core.knowledge.errors import KnowledgeError
    from .core.knowledge.loader import default_knowledge_path
    from .core.service import KnowledgeService
    from .store.charts import usage_chart, usage_table
    from .store.db import Store
    from .store.transfer import export, import_log

    scope = Scope.all() if getattr(args, "guild", None) is None else Scope.server(args.guild)
    if args.command == "import-log" and not args.log.is_file():
        print(f"no log at {args.log}: give the path of an unanswered log", file=sys.stderr)
        return EXIT_USAGE
    if args.command != "import-log" and not args.store.exists():
        print(f"no store at {args.store}", file=sys.stderr)
        return EXIT_USAGE
    with Store(args.store) as store:
        if args.command == "import-log":
            count = import_log(store, args.log)
            out.write(
                f"{args.log} was imported before; nothing to do.\n"
                if count is None
                else f"Imported {count} declined question(s) from {args.log}.\n"
            )
            return EXIT_OK
        if args.command == "export":
            export(store, args.table, args.format, out, scope)
            return EXIT_OK
        if args.command == "stats":
            usage = store.usage(scope, days=args.days, top=10)
            out.write(printable(usage_table(usage)) + "\n")
            if args.chart is not None:
                png = usage_chart(usage)
                if png is None:
                    print(
                        "charts need matplotlib: run bash scripts/setup.sh dev (or install the "
                        "'charts' extra into the bot's environment)",
                        file=sys.stderr,
                    )
                    return EXIT_PROBLEMS
                args.chart.write_bytes(png)
                out.write(f"Chart written to {args.chart}.\n")
            return EXIT_OK
        try:
            service = KnowledgeService.from_path(args.knowledge or default_knowledge_path())
        except KnowledgeError as exc:
            print(exc, file=sys.stderr)
            return EXIT_USAGE
        return review(store, service, scope, stdin, out)


def _show(found: Cluster, number: int, total: int, out: TextIO) -> None:
    reasons = ", ".join(f"{n} {why}" for why, n in found.reasons)
    out.write(f"\n[{number}/{total}] {found.count} question(s) ({reasons})\n")
    for text, n in found.questions[:5]:
        out.write(printable(f"  {n:>3} x {text}") + "\n")
    likely = found.likely or "none"
    out.write(f"  likely entry: {likely} ({found.why_likely})\n")


def review(
    store: Store, service: KnowledgeService, scope: Scope, stdin: TextIO, out: TextIO
) -> int:
    """Walk through the open clusters; add, pick, dismiss or skip each one."""
    from .store.review import Admin, accept, candidates, clusters, dismiss, pick

    admin = Admin(None, None, f"cli:{getpass.getuser()}")
    found = clusters(store, service, scope)
    if not found:
        out.write("Nothing to review: no declined, voted-down or flagged questions are open.\n")
        return EXIT_OK
    for number, item in enumerate(found, 1):
        target = item.likely
        while True:
            _show(item, number, len(found), out)
            add = f"[a]dd as phrasing of {target}, " if target else ""
            out.write(f"  {add}[p]ick another entry, [d]ismiss, [s]kip, [q]uit > ")
            out.flush()
            answer = stdin.readline()
            if not answer:  # the input ended: end the prompt's line, keep the rest open
                out.write("\nStopped at the end of the input; the rest stay open.\n")
                return EXIT_OK
            choice = answer.strip().lower()[:1]
            if choice == "q":
                return EXIT_OK
            if choice == "s":
                break
            if choice == "d":
                dismiss(store, scope, item, admin)
                out.write("  dismissed.\n")
                break
            if choice == "a" and target:
                lesson = accept(store, service, item, target, admin)
                out.write(printable(lesson.summary()) + "\n")
                if lesson.written:
                    out.write(lesson.diff)
                    break
                continue
            if choice == "p":
                offered = candidates(service, item, 10)
                for i, entry_id in enumerate(offered, 1):
                    title = service.knowledge.by_id[entry_id].title
                    out.write(printable(f"    {i:>2}. {entry_id}: {title}") + "\n")
                out.write("  number or entry id > ")
                out.flush()
                typed = stdin.readline().strip()
                chosen = (
                    offered[int(typed) - 1]
                    if typed.isdigit() and 0 < int(typed) <= len(offered)
                    else typed
                )
                if chosen in service.knowledge.by_id:
                    pick(store, scope, item, chosen, admin)
                    target = chosen
                else:
                    out.write(f"  no entry '{chosen}'.\n")
    out.write("\nReviewed every open cluster.\n")
    return EXIT_OK
