"""Freeing big containers a slice at a time empties them and frees what only they held."""

from __future__ import annotations

import weakref

from bot.core import release as release_module
from bot.core.release import release


class _Held:
    """An object that can be watched for being freed."""


def test_release_empties_lists_dicts_and_sets_and_frees_their_items() -> None:
    items = [_Held() for _ in range(3 * release_module.SLICE + 7)]
    watch = [weakref.ref(item) for item in items]
    mapping = {i: _Held() for i in range(release_module.SLICE + 1)}
    numbers = set(range(2 * release_module.SLICE))
    release(items, mapping, numbers)
    assert items == [] and mapping == {} and numbers == set()
    assert all(ref() is None for ref in watch)
