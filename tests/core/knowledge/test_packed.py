"""Strings packed in runs read back as the list they were built from."""

from __future__ import annotations

import pytest

from bot.core.knowledge.packed import Strings, release_keys


def test_strings_read_back_across_runs() -> None:
    items = [f"item {i}" * (i % 3) for i in range(10_000)]  # empty ones too, 3 runs
    items[4_095] = "wide \U0001f697 at the end of a run"
    packed = Strings(items)
    assert len(packed) == 10_000 and list(packed) == items
    assert [packed[i] for i in (0, 1, 4_095, 4_096, 8_192, 9_999)] == [
        items[i] for i in (0, 1, 4_095, 4_096, 8_192, 9_999)
    ]
    assert packed[-1] == items[-1] and packed[4_090:4_100] == items[4_090:4_100]
    assert packed[::-2500] == items[::-2500]
    with pytest.raises(IndexError):
        packed[10_000]
    with pytest.raises(IndexError):
        packed[-10_001]


def test_strings_picked_are_those_at_the_indices() -> None:
    items = [f"item {i}" * (i % 3) for i in range(9_000)]  # empty ones too, 3 runs
    packed = Strings(items)
    indices = [0, 4_095, 4_096, 1, 8_999, 4_096, 2]  # across runs, out of order, repeated
    assert list(packed.picked(indices)) == [items[i] for i in indices]
    assert list(packed.picked(range(0, 9_000, 7))) == items[::7]


def test_strings_at_is_the_string_at_the_index() -> None:
    items = [f"item {i}" * (i % 3) for i in range(9_000)]  # empty ones too, 3 runs
    packed = Strings(items)
    assert [packed.at(i) for i in range(9_000)] == items


def test_strings_compare_by_value() -> None:
    assert Strings(["a", "bc"]) == Strings(["a", "bc"])
    assert hash(Strings(["a", "bc"])) == hash(Strings(["a", "bc"]))
    assert Strings(["ab", "c"]) != Strings(["a", "bc"])
    assert Strings([]) == Strings() and len(Strings()) == 0
    assert "bc" in Strings(["a", "bc"]) and Strings(["a"]).index("a") == 0


def test_release_keys_empties_a_dict_a_run_at_a_time() -> None:
    items = {str(n): n for n in range(10_000)}
    release_keys(items)
    assert items == {}
