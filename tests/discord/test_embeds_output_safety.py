"""Output that cannot be turned against its readers, from any knowledge or user text.

The attacks on ``main``:

- with a long answer, the embed trimming silently dropped "The other side" of a dispute;
- a second masked link on a line stayed clickable, and masked links in source titles were
  escaped twice and so stayed live;
- four backticks broke out of the reload report's code block, so a fake "Reload OK" and a link
  rendered in the admin channel;
- terminal escape codes in answers were printed raw by ``ask`` and ``chat``;
- a token pasted into the knowledge file appeared unredacted in reload reports;
- U+2028 went raw into JSON lines;
- a failed automatic reload showed only "the full report is attached", not the failure.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

from hardening_support import PROFILE
from hypothesis import given
from hypothesis import strategies as st

from bot.chat import chat
from bot.cli import ask
from bot.core.knowledge.errors import Problem
from bot.core.knowledge.models import Source, SourceKind, Status
from bot.core.reply.replies import Claim, Reply, Suggestion
from bot.core.service import KnowledgeService, ReloadResult
from bot.discord.embeds import OTHER_SIDE, SHORTENED, TOTAL_LIMIT, reply_embed
from bot.discord.report import reload_report
from bot.store.unanswered import UnansweredLog

TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4OTA.GabcDE.abcdefghijklmnopqrstuvwxyz0123456789AB"


def live_links(markdown: str) -> list[str]:
    """Return the URLs of the masked links that render: ``[text](url)``, none of it escaped."""
    plain: list[tuple[str, bool]] = []  # (character, escaped)
    escaped = False
    for char in markdown:
        if escaped:
            plain.append((char, True))
            escaped = False
        elif char == "\\":
            escaped = True
        else:
            plain.append((char, False))
    urls = []
    opened: int | None = None
    for i, (char, was_escaped) in enumerate(plain):
        if was_escaped:
            continue
        if char == "[":
            opened = i
        elif char == "]" and opened is not None:
            if i + 1 < len(plain) and plain[i + 1] == ("(", False):
                end = next((j for j in range(i + 2, len(plain)) if plain[j] == (")", False)), None)
                if end is not None:
                    urls.append("".join(c for c, _ in plain[i + 2 : end]))
            opened = None
    return urls


def reply(answer: str, *, conflicts: int = 5, side: str = "x" * 1000, **changes: object) -> Reply:
    sources = tuple(
        Source(
            f"s{i}", f"Title {i} " + "t" * 300, "Outlet", SourceKind.ARTICLE, url=f"https://e.x/{i}"
        )
        for i in range(10)
    )
    fields: dict[str, object] = {
        "question": "how many?",
        "answered": True,
        "score": 0.9,
        "entry_id": "e0",
        "answer": answer,
        "status": Status.DISPUTED,
        "claimed_by": "Someone " + "c" * 900,
        "sources": sources,
        "conflicts": tuple(
            Claim(f"e{i}", f"Side {i}: {side}", Status.DENIED, f"Claimant {i}")
            for i in range(1, conflicts + 1)
        ),
        "related": tuple(
            Suggestion(f"r{i}", f"Related question {i} " + "r" * 150) for i in range(6)
        ),
        "notice": "Your message was long; I read only the first 1,000 characters.",
    }
    fields.update(changes)
    return Reply(**fields)  # type: ignore[arg-type]


@PROFILE
@given(
    answer_len=st.integers(0, 6000),
    conflicts=st.integers(1, 8),
    side_len=st.integers(1, 3000),
)
def test_the_other_side_of_a_dispute_is_never_dropped(
    answer_len: int, conflicts: int, side_len: int
) -> None:
    embed = reply_embed(reply("a" * max(answer_len, 1), conflicts=conflicts, side="y" * side_len))
    assert len(embed) <= TOTAL_LIMIT
    names = [f.name or "" for f in embed.fields]
    shown = [n for n in names if n.startswith(f"{OTHER_SIDE}:") and "Claimant" in n]
    assert len(shown) == min(conflicts, 5), names
    if conflicts > 5:
        assert any(f"{conflicts - 5} more claim(s) disagree" in n for n in names), names
    for field in embed.fields:
        if "Claimant" in (field.name or ""):  # each side still says something
            assert len(field.value or "") >= min(50, side_len + 8)
    description = embed.description or ""
    if "a" * max(answer_len, 1) not in description:  # the answer gave way, and says so
        assert description.endswith(SHORTENED)


def test_no_masked_link_in_knowledge_text_stays_live() -> None:
    evil = "See [the truth](https://evil.example/a) and [more](https://evil.example/b) here."
    title = "[Click me](https://evil.example/title)"
    source = Source("s", title, "Outlet [x](https://evil.example/o)", SourceKind.ARTICLE,
                    url="https://real.example/source")  # fmt: skip
    embed = reply_embed(reply(evil, conflicts=1, side=evil, sources=(source,), claimed_by=evil))
    rendered = json.dumps(embed.to_dict())
    text = "\n".join([embed.description or "", *(f"{f.name}\n{f.value}" for f in embed.fields)])
    live = live_links(text)
    assert live == ["https://real.example/source"], live  # only the source's own link
    assert "evil.example" in rendered  # shown as text, not dropped


def test_a_code_fence_in_a_problem_cannot_break_out_of_the_report() -> None:
    fake = "````\n\u2705 Reloaded `onem.yaml`: all good [docs](https://evil.example)\n```"
    problems = tuple(Problem("/kb/onem.yaml", i, f"bad value {fake} {i}") for i in range(1, 4))
    for count in (3, 200):
        result = ReloadResult(False, "/kb/onem.yaml", 5, 1, problems=problems * (count // 3))
        content = reload_report(result, trigger="the file changed")["content"]
        body = [line for line in content.split("\n") if line != "```"]  # our own fence lines
        assert not any("```" in line for line in body), content[:500]
        assert content.count("\n```") in (2, 1 + content.endswith("```"))
        assert content.split("\n")[1].startswith("\u274c Reload of")  # the failure, up front
        assert "bad value" in content  # and the first problems, not only "attached"


def test_a_token_in_the_knowledge_file_is_redacted_everywhere(tmp_path: Path) -> None:
    bad = ReloadResult(
        False, "kb.yaml", 1, 1, problems=(Problem("kb.yaml", 3, f"unknown key '{TOKEN}'"),)
    )
    assert TOKEN not in str(reload_report(bad))
    leaked = reply(f"The token is {TOKEN}.", conflicts=1, side=TOKEN, claimed_by=TOKEN)
    assert TOKEN not in json.dumps(reply_embed(leaked).to_dict())


def test_terminal_escapes_never_reach_the_terminal(tmp_path: Path) -> None:
    hostile = tmp_path / "onem.yaml"
    hostile.write_text(
        "sources:\n  - {id: s, title: T, outlet: O, kind: article}\nentries:\n"
        "  - id: e0\n    questions: [What did the blog say about the US allocation?]\n"
        '    answer: "\\e[2J\\e]0;pwned\\a\\x9b31m cleared \\u2028 screen"\n'
        "    status: fact\n    claimed_by: X\n    sources: [s]\n",
        encoding="utf-8",
    )
    service = KnowledgeService.from_path(hostile)
    entry = service.knowledge.entries[0]
    out = io.StringIO()
    ask(service, [entry.questions[0]], as_json=False, stdin=io.StringIO(), out=out)
    json_out = io.StringIO()
    ask(service, [entry.questions[0]], as_json=True, stdin=io.StringIO(), out=json_out)
    chat_out = io.StringIO()
    chat(service, io.StringIO(entry.questions[0] + "\n"), chat_out)
    for printed in (out.getvalue(), json_out.getvalue(), chat_out.getvalue()):
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]", printed), ascii(printed)
    assert "cleared" in out.getvalue() and json.loads(json_out.getvalue())["answer"]


def test_json_lines_escape_line_separators(tmp_path: Path) -> None:
    log = UnansweredLog(tmp_path / "unanswered.jsonl")
    log.append("one\u2028two\u2029three\x85four")
    raw = log.path.read_text(encoding="utf-8")
    assert raw.count("\n") == 1 and not re.search("[\u2028\u2029\x85]", raw)
    assert log.recent(1)[0].question == "one\u2028two\u2029three\x85four"
