"""The interactive chat: answers, reloads (keeping the old knowledge on errors) and quits."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from bot.chat import chat
from bot.core.knowledge.loader import default_knowledge_path
from bot.core.service import KnowledgeService


class Script(io.StringIO):
    """Standard input that edits the knowledge file when the chat reads a given line."""

    def __init__(self, lines: list[str], edits: dict[int, tuple[Path, str]]) -> None:
        super().__init__("".join(line + "\n" for line in lines))
        self.edits = edits
        self.read_count = 0

    def readline(self, size: int | None = -1) -> str:
        edit = self.edits.get(self.read_count)
        if edit is not None:
            edit[0].write_text(edit[1])
        self.read_count += 1
        return super().readline(size)


def test_chat_answers_reloads_and_quits(mini_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "kb.yaml"
    shutil.copy(mini_path, path)
    good = path.read_text()
    broken = good.replace("status: fact", "status: nonsense")
    changed = good.replace("about 2,500 cars", "about 4,000 cars")
    stdin = Script(
        ["what limits 1m production", ":reload", "what limits 1m production", ":reload",
         "what limits 1m production", ":quit", "never read"],
        {1: (path, broken), 3: (path, changed)},
    )  # fmt: skip
    out = io.StringIO()
    assert chat(KnowledgeService.from_path(path), stdin, out) == 0
    text = out.getvalue()
    assert text.startswith("onem-bot, 3 entries loaded.")
    assert "Reload failed: 2 problem(s); the old knowledge keeps serving." in text
    assert "nonsense" in text
    assert "(0 added, 0 removed, 1 changed)" in text
    answers = [line for line in text.splitlines() if line.startswith("Fact: The molds")]
    assert [("2,500" in a, "4,000" in a) for a in answers] == [
        (True, False),
        (True, False),
        (False, True),
    ]
    assert "never read" not in text


def test_chat_ends_quietly_at_end_of_input(mini_path: Path) -> None:
    out = io.StringIO()
    assert chat(KnowledgeService.from_path(mini_path), io.StringIO("thanks\n"), out) == 0
    assert "I don't know that one." in out.getvalue()


def test_chat_answers_a_follow_up_against_the_last_answer() -> None:
    lines = "how many 1ms is the us getting\nwho said that?\n:quit\n"
    out = io.StringIO()
    assert chat(KnowledgeService.from_path(default_knowledge_path()), io.StringIO(lines), out) == 0
    assert "About 'How many 1Ms are coming to America?':" in out.getvalue()


def test_the_readme_conversation_is_what_chat_prints() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    block = readme.split("```text\nyou> hi\n", 1)[1].split("```", 1)[0]
    asked = ["hi"] + [line[5:] for line in block.splitlines() if line.startswith("you> ")]
    out = io.StringIO()
    chat(KnowledgeService.from_path(default_knowledge_path()), io.StringIO("\n".join(asked)), out)
    shown = [line for line in block.splitlines() if not line.startswith(("you> ", "  "))]
    for line in shown:  # every reply line the README shows, up to where it cuts with "..."
        assert line.split(" ...")[0].strip() in " ".join(out.getvalue().split()), line
