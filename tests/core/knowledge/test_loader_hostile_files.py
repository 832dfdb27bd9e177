"""Broken knowledge files: every mutation is refused with located problems, or loads correctly.

The mutations (``knowledge_mutations.py``) start from the file under attack and go through
``KnowledgeService.reload(path)`` of a service that is serving the knowledge, then:

- refused: a KnowledgeError whose every problem names the file and (unless the problem is about
  the whole file: its size, or that it cannot be read) a line within it, with a readable
  message; the knowledge in service stays, and gives the same reply to a probe question;
- loaded: what the service now serves equals a fresh load of the same file, and that equals
  the original knowledge for mutations that must not change meaning, or else an independent
  reading of the file (``oracle``);
- never another exception, never slower than ``LOAD_BOUND_S``, never any code executed (the
  payloads would create a marker file).
"""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from hardening_support import FIGURES, LOAD_BOUND_S, LONG, base_bytes, content
from knowledge_mutations import Mutation, Mutator, oracle, payloads

from bot.core.knowledge.errors import Problem
from bot.core.knowledge.loader import load_knowledge
from bot.core.service import KnowledgeService

MUTATIONS = Mutator(base_bytes(), long=LONG).all()
WHOLE_FILE = ("the file is ", "cannot read the file", "and ")  # problems with no line


def params() -> list[object]:
    out = []
    for m in MUTATIONS:
        out.append(pytest.param(m, id=m.name, marks=pytest.mark.timeout(120 if LONG else 30)))
    return out


@pytest.fixture(scope="module")
def serving(kb_path: Path) -> KnowledgeService:
    """A service the mutations try to replace the knowledge of (module-wide, like a bot's)."""
    return KnowledgeService.from_path(kb_path)


@pytest.fixture(scope="module")
def probe(kb_path: Path) -> str:
    """A question the original knowledge answers."""
    return load_knowledge(kb_path).entries[0].questions[0]


@pytest.fixture(scope="module")
def marker(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("payloads") / "EXECUTED"


@pytest.fixture(scope="module")
def base_content(kb_path: Path) -> tuple[object, ...]:
    return content(load_knowledge(kb_path))


def test_the_payloads_do_execute_under_an_unsafe_loader(tmp_path: Path) -> None:
    """Proves the marker check can fail: each payload runs when built by yaml.unsafe_load."""
    marker = tmp_path / "ran"
    for name, payload in payloads(marker).items():
        yaml.unsafe_load(f"value: {payload}\n")
        deadline = time.monotonic() + 5  # subprocess.Popen returns before touch has run
        while not marker.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        assert marker.exists(), name
        marker.unlink()


def test_the_oracle_and_the_loader_agree_on_the_file(kb_path: Path) -> None:
    assert oracle(kb_path.read_bytes()) == content(load_knowledge(kb_path))


@pytest.mark.parametrize("mutation", params())
def test_mutation(
    mutation: Mutation,
    serving: KnowledgeService,
    probe: str,
    marker: Path,
    base_content: tuple[object, ...],
    tmp_path: Path,
) -> None:
    data = mutation.make(marker)
    path = tmp_path / "onem.yaml"
    path.write_bytes(data)
    before, answer_before = serving.snapshot, serving.ask(probe)
    FIGURES.mutations += 1

    start = time.thread_time()
    result = serving.reload(path)  # raises anything but a KnowledgeError straight through
    elapsed = time.thread_time() - start
    FIGURES.load_time(elapsed, mutation.name)

    assert not marker.exists(), "a payload in the file was executed"
    assert elapsed < LOAD_BOUND_S, f"reload took {elapsed:.1f} s"
    if result.ok:
        assert mutation.expect != "reject", f"loaded a file that must be refused: {mutation}"
        FIGURES.mutations_loaded += 1
        fresh = content(load_knowledge(path))
        assert content(serving.knowledge) == fresh
        if mutation.expect == "same":  # (the base file itself is checked against the oracle)
            assert fresh == base_content
        else:
            assert fresh == oracle(data)
        if mutation.check is not None:
            mutation.check(serving.knowledge)
    else:
        assert mutation.expect in ("reject", "either"), "\n".join(map(str, result.problems))
        FIGURES.mutations_rejected += 1
        assert serving.snapshot is before  # (reload turns only a KnowledgeError into a refusal)
        assert serving.ask(probe) == answer_before
        check_problems(result.problems, str(path), data, mutation)
    assert not marker.exists(), "a payload in the file was executed"


def check_problems(problems: tuple[Problem, ...], name: str, data: bytes, m: Mutation) -> None:
    assert problems, "a refusal must say why"
    last_line = len((data.decode("utf-8", "replace") + ".").splitlines())
    for p in problems:
        assert p.file == name
        if p.line == 0:
            assert p.message.startswith(WHOLE_FILE), f"problem without a line: {p}"
        else:
            assert 1 <= p.line <= last_line, p
        readable(p.message)
    if m.lines is not None:
        first, last = m.lines(data)
        assert any(first <= p.line <= last for p in problems), (
            f"no problem in lines {first}-{last}: {[str(p) for p in problems][:5]}"
        )
    if m.mentions is not None:
        assert any(m.mentions.lower() in p.message.lower() for p in problems), [
            str(p) for p in problems
        ][:5]


def readable(message: str) -> None:
    """One line of human words: no tracebacks, object reprs or raw control characters."""
    assert message.strip() and message == message.strip()
    assert "\n" not in message and "Traceback" not in message
    assert "<yaml." not in message and "object at 0x" not in message
    assert all(ch.isprintable() for ch in message), ascii(message)


# --- paths that are not knowledge files at all -------------------------------------------


def _fifo(tmp_path: Path) -> Path:
    path = tmp_path / "fifo.yaml"
    os.mkfifo(path)
    return path


def _socket(tmp_path: Path) -> Path:
    path = tmp_path / "s.yaml"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))  # the socket file stays after the socket is closed
    return path


def _loop(tmp_path: Path) -> Path:
    (tmp_path / "a.yaml").symlink_to(tmp_path / "b.yaml")
    (tmp_path / "b.yaml").symlink_to(tmp_path / "a.yaml")
    return tmp_path / "a.yaml"


def _dangling(tmp_path: Path) -> Path:
    (tmp_path / "d.yaml").symlink_to(tmp_path / "gone.yaml")
    return tmp_path / "d.yaml"


PATHS: dict[str, Callable[[Path], Path]] = {
    "missing": lambda tmp: tmp / "nope.yaml",
    "a directory": lambda tmp: tmp,
    "/dev/zero (endless)": lambda tmp: Path("/dev/zero"),
    "/dev/urandom (endless)": lambda tmp: Path("/dev/urandom"),
    "a named pipe with no writer": _fifo,
    "a unix socket": _socket,
    "a symlink loop": _loop,
    "a dangling symlink": _dangling,
}


@pytest.mark.timeout(30)
@pytest.mark.parametrize("kind", PATHS)
def test_not_a_knowledge_file(
    kind: str, serving: KnowledgeService, probe: str, tmp_path: Path
) -> None:
    path = PATHS[kind](tmp_path)
    if kind.startswith("/dev/") and not path.exists():
        pytest.skip(f"{path} does not exist here")
    before, answer_before = serving.snapshot, serving.ask(probe)
    start = time.thread_time()
    result = serving.reload(path)
    elapsed = time.thread_time() - start
    assert elapsed < LOAD_BOUND_S
    assert not result.ok
    [problem] = result.problems
    assert problem.file == str(path) and problem.message.startswith("cannot read the file")
    readable(problem.message)
    assert serving.snapshot is before and serving.ask(probe) == answer_before
