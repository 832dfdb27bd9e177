"""Add a phrasing to an entry of the knowledge file in place: validated, atomic, minimal diff.

The file is edited as text, one line inserted after the entry's last phrasing (or one item
added to a ``[flow, list]``), so comments, order, quoting and blank lines stay exactly as the
admins wrote them. The edit is checked before anything is written: the new file must load,
the new phrasing must reach its entry, and ``check``'s lint must report nothing new.
"""

from __future__ import annotations

import contextlib
import difflib
import json
import os
import re
import tempfile
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..core.knowledge.errors import KnowledgeError
from ..core.knowledge.loader import parse_knowledge
from ..core.knowledge.models import Knowledge
from ..core.normalise.text import fold
from ..core.retrieve.matcher import Matcher
from ..core.service import KnowledgeService, ReloadResult
from .lint import lint

MAX_PHRASING_CHARS = 200
_WRITE_LOCK = threading.Lock()
_NUMBERS = re.compile(r"line \d+: |\d+\.\d+")


@dataclass(frozen=True, slots=True)
class Edit:
    """A proposed new file: its text, the unified diff, and why it may not be written."""

    entry_id: str
    phrasing: str
    old_text: str
    new_text: str
    problems: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """Return whether the edit passed every check."""
        return not self.problems

    @property
    def diff(self) -> str:
        """Return the change as a unified diff."""
        return "".join(
            difflib.unified_diff(
                self.old_text.splitlines(keepends=True),
                self.new_text.splitlines(keepends=True),
                "before",
                "after",
                n=1,
            )
        )


def _refuse(entry_id: str, phrasing: str, text: str, *problems: str) -> Edit:
    return Edit(entry_id, phrasing, text, text, tuple(problems))


def _scalar(text: str, *, flow: bool = False) -> str:
    """Return ``text`` as a YAML scalar: plain when that reads back the same, else quoted."""
    plain_ok = (
        not re.search(r": |:$| #|[\x00-\x1f\x7f\u2028\u2029]", text)
        and not (flow and re.search(r"[\[\]{},]", text))
        and not re.match(r"[-?:,\[\]{}#&*!|>'\"%@`]", text)
    )
    if plain_ok:
        try:
            if yaml.safe_load(f"- {text}\n") == [text]:
                return text
        except yaml.YAMLError:
            pass
    return json.dumps(text, ensure_ascii=False)  # JSON strings are YAML double-quoted scalars


def _questions_node(root: yaml.Node, entry_id: str) -> yaml.Node | None:
    if not isinstance(root, yaml.MappingNode):
        return None
    entries = next((v for k, v in root.value if getattr(k, "value", None) == "entries"), None)
    if not isinstance(entries, yaml.SequenceNode):
        return None
    for item in entries.value:
        if not isinstance(item, yaml.MappingNode):
            continue
        fields = {getattr(k, "value", None): v for k, v in item.value}
        if getattr(fields.get("id"), "value", None) == entry_id:
            return fields.get("questions")
    return None


def _insert(text: str, node: yaml.Node, phrasing: str) -> str | None:
    """Return ``text`` with ``phrasing`` added to the ``questions`` list ``node``."""
    if not isinstance(node, yaml.SequenceNode) or not node.value:
        return None
    scalar = _scalar(phrasing, flow=bool(node.flow_style))
    if node.flow_style:
        close = node.end_mark.index - 1
        if text[close] != "]":
            return None
        return text[:close] + f", {scalar}" + text[close:]
    lines = text.splitlines(keepends=True)
    first, last = node.value[0], node.value[-1]
    head = lines[first.start_mark.line]
    dash = head.rfind("-", 0, first.start_mark.column)
    if dash < 0 or head[:dash].strip():
        return None
    gap = head[dash + 1 : first.start_mark.column]
    end = last.end_mark.line if last.end_mark.column == 0 else last.end_mark.line + 1
    newline = "\r\n" if head.endswith("\r\n") else "\n"
    if end > 0 and not lines[end - 1].endswith(("\n", "\r")):
        lines[end - 1] += newline
    lines.insert(end, f"{head[:dash]}-{gap or ' '}{scalar}{newline}")
    return "".join(lines)


def _lint_keys(knowledge: Knowledge) -> dict[str, str]:
    """Return the lint warnings by what they say, apart from line numbers and scores."""
    return {_NUMBERS.sub("", w): w.split(": ", 1)[-1] for w in lint(Matcher(knowledge))}


def propose(path: str | Path, entry_id: str, phrasing: str) -> Edit:
    """Return the edit that adds ``phrasing`` to entry ``entry_id``, with every problem found."""
    text = Path(path).read_text("utf-8")
    phrasing = " ".join(phrasing.split())
    if not phrasing:
        return _refuse(entry_id, phrasing, text, "the phrasing is empty")
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cs", "Cn") for ch in phrasing):
        return _refuse(
            entry_id,
            phrasing,
            text,
            "the phrasing holds invisible or control characters; type it in plain words",
        )
    if len(phrasing) > MAX_PHRASING_CHARS:
        return _refuse(
            entry_id, phrasing, text, f"the phrasing is over {MAX_PHRASING_CHARS} characters"
        )
    try:
        old = parse_knowledge(text, str(path))
    except KnowledgeError as exc:
        return _refuse(entry_id, phrasing, text, f"the file does not load now: {exc}")
    entry = old.by_id.get(entry_id)
    if entry is None:
        return _refuse(entry_id, phrasing, text, f"there is no entry '{entry_id}'")
    if any(fold(q) == fold(phrasing) for q in entry.questions):
        return _refuse(entry_id, phrasing, text, f"'{entry_id}' already has this phrasing")
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    node = _questions_node(root, entry_id) if root is not None else None
    new_text = _insert(text, node, phrasing) if node is not None else None
    if new_text is None:
        return _refuse(
            entry_id, phrasing, text, f"cannot find where to add a phrasing to '{entry_id}'"
        )
    try:
        new = parse_knowledge(new_text, str(path))
    except KnowledgeError as exc:
        found = [str(p) for p in exc.problems] or [str(exc)]
        return Edit(
            entry_id,
            phrasing,
            text,
            new_text,
            tuple(f"the new file would not load: {p}" for p in found),
        )
    if phrasing not in new.by_id[entry_id].questions:
        return Edit(
            entry_id, phrasing, text, new_text, ("the new file reads the phrasing differently",)
        )
    problems: list[str] = []
    before, after = _lint_keys(old), _lint_keys(new)
    problems += [f"check would report: {after[k]}" for k in sorted(after.keys() - before.keys())]
    return Edit(entry_id, phrasing, text, new_text, tuple(problems))


def write(path: str | Path, edit: Edit) -> None:
    """Write an accepted edit atomically; refuse if the file changed since it was proposed."""
    if not edit.ok:
        raise ValueError("refusing to write an edit that failed its checks")
    target = Path(path)
    with _WRITE_LOCK:
        if target.read_text("utf-8") != edit.old_text:
            raise FileChangedError(f"{target} changed since the edit was checked; try again")
        mode = target.stat().st_mode & 0o777
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                handle.write(edit.new_text)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, mode)
            os.replace(tmp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        with contextlib.suppress(OSError):
            directory = os.open(target.parent, os.O_RDONLY)
            try:
                os.fsync(directory)
            finally:
                os.close(directory)


class FileChangedError(RuntimeError):
    """The knowledge file changed between the check and the write."""


@dataclass(frozen=True, slots=True)
class Lesson:
    """What teaching a phrasing did: the diff written and the reload, or why nothing was."""

    entry_id: str
    phrasing: str
    written: bool
    diff: str = ""
    problems: tuple[str, ...] = ()
    reload: ReloadResult | None = None

    def summary(self) -> str:
        """Return a short report for the admin who taught it."""
        if not self.written:
            reasons = "\n".join(f"  - {p}" for p in self.problems)
            return f"Nothing was written; '{self.phrasing}' was not added:\n{reasons}"
        head = f"Added '{self.phrasing}' to '{self.entry_id}'."
        if self.reload is not None:
            head += " " + self.reload.summary().splitlines()[0]
        return head


def teach(service: KnowledgeService, entry_id: str, phrasing: str) -> Lesson:
    """Add ``phrasing`` to an entry of the file in service, check it, write it, reload it."""
    path = service.knowledge.path
    for _ in range(3):  # the file may change under us (an editor, another admin): check again
        edit = propose(path, entry_id, phrasing)
        if not edit.ok:
            return Lesson(entry_id, edit.phrasing, False, problems=edit.problems)
        try:
            write(path, edit)
        except FileChangedError:
            continue
        except OSError as exc:
            return Lesson(entry_id, edit.phrasing, False, problems=(f"cannot write: {exc}",))
        result = service.reload()
        return Lesson(entry_id, edit.phrasing, True, edit.diff, reload=result)
    return Lesson(entry_id, phrasing, False, problems=("the file kept changing; try again",))
