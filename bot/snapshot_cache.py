"""A per-user cache of built snapshots, so that a one-shot ``ask`` skips parsing and indexing.

The command line builds the same snapshot from the same file on every run: loading and
indexing the shipped file takes longer than answering. This module keeps the built snapshot
(pickled) in the user's cache directory (``$XDG_CACHE_HOME/onem-bot``, else
``~/.cache/onem-bot``) and uses it only while everything that made it is unchanged: the
knowledge file's path, size, modification time and SHA-256, the threshold, the string hash
seed when it is fixed (``PYTHONHASHSEED``), the Python and numpy versions, and the bytes of every
module and data file of ``bot/core`` as the process first read them. A cache that is stale,
unreadable or corrupt is ignored and written again.

Unpickling runs code, so a cache file is read only if it is a regular file this process's user
owns, with no permission bits for anyone else, in a directory the user owns that nobody else
may write to. Files are written owner-only, to a temporary name, then renamed into place.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import os
import pickle
import stat
import sys
import tempfile
import time
from pathlib import Path
from typing import BinaryIO, NamedTuple

import numpy as np

from .core.service import Snapshot, build_snapshot

log = logging.getLogger(__name__)

FORMAT = b"onem-bot snapshot 1\n"
MAX_CACHED_BYTES = 8 * 1024 * 1024
"""Knowledge files above this size are not cached (their snapshots would fill the disk)."""

_CORE = Path(__file__).parent / "core"


class _Key(NamedTuple):
    """What a cached snapshot must have been built from to be used."""

    path: str
    absolute: str
    size: int
    mtime_ns: int
    sha256: str
    threshold: float
    hash_seed: str
    python: str
    numpy: str
    code: str


def cache_dir() -> Path | None:
    """Return the cache directory: ``$XDG_CACHE_HOME/onem-bot``, else ``~/.cache/onem-bot``."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):
        home = os.path.expanduser("~")
        if not os.path.isabs(home):
            return None
        base = os.path.join(home, ".cache")
    return Path(base) / "onem-bot"


def load_snapshot(path: str | Path, threshold: float, folder: Path | None = None) -> Snapshot:
    """Return the snapshot of a knowledge file, from the cache when it is still valid.

    Builds it (raising KnowledgeError for a broken file) and caches it otherwise; any problem
    with the cache itself only costs the build.
    """
    folder = cache_dir() if folder is None else folder
    if folder is None or not hasattr(os, "getuid"):
        return build_snapshot(path, threshold)
    try:
        key = _key(path, threshold)
    except OSError:
        key = None  # the build reports why the file cannot be read
    if key is None:
        return build_snapshot(path, threshold)
    target = folder / f"{hashlib.sha256(os.fsencode(key.absolute)).hexdigest()[:24]}.pickle"
    cached = _read(folder, target, key)
    if cached is not None:
        return cached
    snapshot = build_snapshot(path, threshold)
    if key.sha256.startswith(snapshot.knowledge.digest):  # the file did not change meanwhile
        _write(folder, target, key, snapshot)
    return snapshot


def _key(path: str | Path, threshold: float) -> _Key | None:
    """Return what a cached snapshot of ``path`` must have been built from, or None if the file
    is not one to cache (not a regular file, or too big)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_CACHED_BYTES:
            return None
        with os.fdopen(os.dup(fd), "rb") as handle:
            digest = hashlib.sha256(handle.read(MAX_CACHED_BYTES + 1)).hexdigest()
    finally:
        os.close(fd)
    return _Key(
        str(path),
        os.path.abspath(path),
        info.st_size,
        info.st_mtime_ns,
        digest,
        threshold,
        _hash_seed(),
        sys.version,
        np.__version__,
        _code_digest(),
    )


def _hash_seed() -> str:
    """Return the string hash seed a build in this process uses: a fixed one, or "random".

    A build iterates sets of strings in places, in an order that follows the seed: a cache is
    shared only by processes with the same fixed seed (any random seed is as good as another),
    so that a run with a fixed seed answers as its own build would.
    """
    return os.environ.get("PYTHONHASHSEED", "random")


@functools.cache
def _code_digest() -> str:
    """Return a hash of every module and data file of ``bot/core``: what shapes a snapshot."""
    # Read once per process, at its first load: a snapshot this process builds later is keyed
    # by the code it runs, not by core files edited on disk after it imported them.
    digest = hashlib.sha256()
    for folder, dirs, files in os.walk(_CORE):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".py", ".txt")):
                full = os.path.join(folder, name)
                digest.update(os.fsencode(os.path.relpath(full, _CORE)) + b"\0")
                with open(full, "rb") as handle:
                    digest.update(handle.read())
    return digest.hexdigest()


def _owned(info: os.stat_result, kind: int) -> bool:
    """Return whether a file or directory is this user's and nobody else may change it."""
    ok_mode = stat.S_IFMT(info.st_mode) == kind and info.st_uid == os.getuid()
    if kind == stat.S_IFREG:  # the cache file: no bits at all for group and others
        return ok_mode and info.st_mode & 0o077 == 0
    return ok_mode and info.st_mode & 0o022 == 0


def _read(folder: Path, target: Path, key: _Key) -> Snapshot | None:
    """Return the cached snapshot for ``key``, or None if there is none to trust and use."""
    try:
        if not _owned(os.lstat(folder), stat.S_IFDIR):
            return None
        fd = os.open(target, os.O_RDONLY | os.O_NOFOLLOW | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        with os.fdopen(fd, "rb") as handle:
            if not _owned(os.fstat(handle.fileno()), stat.S_IFREG):
                log.debug("ignoring %s: not owner-only", target)
                return None
            return _unpickle(handle, key)
    except Exception as exc:  # a corrupt or stale cache (any error unpickling) is rebuilt
        log.debug("ignoring the cached snapshot %s: %r", target, exc)
        return None


def _unpickle(handle: BinaryIO, key: _Key) -> Snapshot | None:
    """Read a cache file's key and, if it is ``key``, the snapshot it holds."""
    if handle.read(len(FORMAT)) != FORMAT or pickle.load(handle) != key:
        return None
    knowledge, matcher, talk = pickle.load(handle)
    return Snapshot(knowledge, matcher, time.time(), talk)


def _write(folder: Path, target: Path, key: _Key, snapshot: Snapshot) -> None:
    """Write a snapshot to the cache atomically, owner-only; on any failure, write nothing."""
    temp = None
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _owned(os.lstat(folder), stat.S_IFDIR):
            return
        fd, temp = tempfile.mkstemp(prefix=".snapshot-", dir=folder)  # created 0600
        with os.fdopen(fd, "wb") as handle:
            handle.write(FORMAT)
            pickle.dump(key, handle, protocol=pickle.HIGHEST_PROTOCOL)
            payload = (snapshot.knowledge, snapshot.matcher, snapshot.talk)
            pickle.dump(payload, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, target)
        temp = None
    except (OSError, pickle.PicklingError, TypeError, AttributeError) as exc:
        log.debug("could not cache the snapshot in %s: %r", folder, exc)
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)
