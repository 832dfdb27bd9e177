"""The command line's snapshot cache: used while valid, rebuilt when stale, corrupt or untrusted."""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bot import snapshot_cache
from bot.cli import ask
from bot.core.knowledge.errors import KnowledgeError
from bot.core.service import KnowledgeService, Snapshot, build_snapshot
from bot.snapshot_cache import load_snapshot

FIXTURES = Path(__file__).parent / "fixtures"
QUESTIONS = ["how many does the us get", "who said 600", "is the 1m a limited run"]


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record every snapshot the cache had to build."""
    built: list[str] = []

    def counted(path: str | Path, threshold: float) -> Snapshot:
        built.append(str(path))
        return build_snapshot(path, threshold)

    monkeypatch.setattr(snapshot_cache, "build_snapshot", counted)
    return built


@pytest.fixture
def knowledge(tmp_path: Path) -> Path:
    """Return a copy of the mini knowledge file that a test may change."""
    path = tmp_path / "k.yaml"
    path.write_bytes((FIXTURES / "mini.yaml").read_bytes())
    return path


def _answers(snapshot: Snapshot) -> str:
    out = io.StringIO()
    ask(KnowledgeService(snapshot), QUESTIONS, as_json=True, stdin=io.StringIO(), out=out)
    return out.getvalue()


def _cache_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.pickle"))


def test_a_second_load_comes_from_the_cache_with_the_same_answers(
    tmp_path: Path, knowledge: Path, builds: list[str]
) -> None:
    folder = tmp_path / "cache"
    first = load_snapshot(knowledge, 0.5, folder)
    second = load_snapshot(knowledge, 0.5, folder)
    assert builds == [str(knowledge)]
    assert second.knowledge == first.knowledge and second.knowledge.path == str(knowledge)
    assert _answers(second) == _answers(first) == _answers(build_snapshot(knowledge, 0.5))
    [cached] = _cache_files(folder)
    assert stat.S_IMODE(cached.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]  # no temporary left


def test_a_changed_file_is_built_again(tmp_path: Path, knowledge: Path, builds: list[str]) -> None:
    folder = tmp_path / "cache"
    load_snapshot(knowledge, 0.5, folder)
    text = knowledge.read_text(encoding="utf-8")
    knowledge.write_text(text.replace("version: 1", "version: 1\n# changed"), encoding="utf-8")
    changed = load_snapshot(knowledge, 0.5, folder)
    assert len(builds) == 2
    assert changed.knowledge.digest == build_snapshot(knowledge, 0.5).knowledge.digest
    load_snapshot(knowledge, 0.5, folder)
    assert len(builds) == 2  # the rewritten cache serves the changed file
    load_snapshot(knowledge, 0.4, folder)  # another threshold is another snapshot
    assert len(builds) == 3


@pytest.fixture
def core(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point the cache's code digest at a core folder a test may edit, read afresh."""
    folder = tmp_path / "core"
    folder.mkdir()
    (folder / "rules.py").write_text("LIMIT = 1\n", encoding="utf-8")
    monkeypatch.setattr(snapshot_cache, "_CORE", folder)
    snapshot_cache._code_digest.cache_clear()
    yield folder
    snapshot_cache._code_digest.cache_clear()


def test_core_code_edited_while_a_process_runs_does_not_key_its_builds(
    tmp_path: Path, knowledge: Path, builds: list[str], core: Path
) -> None:
    folder = tmp_path / "cache"
    load_snapshot(knowledge, 0.5, folder)
    (core / "rules.py").write_text("LIMIT = 2\n", encoding="utf-8")
    load_snapshot(knowledge, 0.5, folder)
    assert len(builds) == 1  # this process still runs the code it built with
    snapshot_cache._code_digest.cache_clear()  # a new process reads the edited code
    load_snapshot(knowledge, 0.5, folder)
    assert len(builds) == 2


@pytest.mark.parametrize("garbage", [b"", b"onem-bot snapshot 1\n\x80\x05junk", b"\0" * 100])
def test_a_corrupt_cache_is_rebuilt_with_the_same_answers(
    tmp_path: Path, knowledge: Path, builds: list[str], garbage: bytes
) -> None:
    folder = tmp_path / "cache"
    expected = _answers(load_snapshot(knowledge, 0.5, folder))
    [cached] = _cache_files(folder)
    cached.write_bytes(garbage)
    assert _answers(load_snapshot(knowledge, 0.5, folder)) == expected
    assert len(builds) == 2
    load_snapshot(knowledge, 0.5, folder)
    assert len(builds) == 2  # written again


def _others_may_write(cached: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cached.chmod(0o620)


def _others_may_read(cached: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cached.chmod(0o604)


def _written_by_another_user(cached: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    uid = os.getuid()
    monkeypatch.setattr(snapshot_cache.os, "getuid", lambda: uid + 1)


def _a_symlink(cached: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    elsewhere = cached.with_name("elsewhere")
    cached.rename(elsewhere)
    cached.symlink_to(elsewhere)


@pytest.mark.parametrize(
    "spoil", [_others_may_write, _others_may_read, _written_by_another_user, _a_symlink]
)
def test_a_cache_file_anyone_else_could_have_written_is_ignored(
    tmp_path: Path,
    knowledge: Path,
    builds: list[str],
    monkeypatch: pytest.MonkeyPatch,
    spoil: Callable[[Path, pytest.MonkeyPatch], None],
) -> None:
    folder = tmp_path / "cache"
    load_snapshot(knowledge, 0.5, folder)
    [cached] = _cache_files(folder)
    spoil(cached, monkeypatch)
    load_snapshot(knowledge, 0.5, folder)
    assert len(builds) == 2


def test_a_cache_folder_others_may_write_is_ignored(
    tmp_path: Path, knowledge: Path, builds: list[str]
) -> None:
    folder = tmp_path / "cache"
    load_snapshot(knowledge, 0.5, folder)
    folder.chmod(0o777)
    load_snapshot(knowledge, 0.5, folder)
    load_snapshot(knowledge, 0.5, folder)
    assert len(builds) == 3  # neither read nor written


def test_a_broken_file_is_still_reported(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("entries: [", encoding="utf-8")
    with pytest.raises(KnowledgeError):
        load_snapshot(broken, 0.5, tmp_path / "cache")
    with pytest.raises(KnowledgeError):
        load_snapshot(tmp_path / "missing.yaml", 0.5, tmp_path / "cache")


def test_an_unwritable_cache_only_costs_the_build(
    tmp_path: Path, knowledge: Path, builds: list[str]
) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    snapshot = load_snapshot(knowledge, 0.5, blocked / "cache")
    assert _answers(snapshot) == _answers(build_snapshot(knowledge, 0.5))


def test_the_cache_folder_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert snapshot_cache.cache_dir() == tmp_path / "onem-bot"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # ignored, as the spec says
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert snapshot_cache.cache_dir() == tmp_path / "home" / ".cache" / "onem-bot"


def test_a_cache_of_another_fixed_hash_seed_is_not_used(
    tmp_path: Path, knowledge: Path, builds: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cache"
    monkeypatch.setenv("PYTHONHASHSEED", "0")
    load_snapshot(knowledge, 0.5, folder)
    load_snapshot(knowledge, 0.5, folder)
    monkeypatch.setenv("PYTHONHASHSEED", "1")
    load_snapshot(knowledge, 0.5, folder)
    assert len(builds) == 2
