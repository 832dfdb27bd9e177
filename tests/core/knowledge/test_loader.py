"""Loading knowledge files: valid files load, broken ones report every problem with its line."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.core.knowledge import loader
from bot.core.knowledge.errors import KnowledgeError
from bot.core.knowledge.loader import default_knowledge_path, load_knowledge, parse_knowledge
from bot.core.knowledge.models import SourceKind, Status


def problems(text: str) -> list[tuple[int, str]]:
    """Return (line, message) for every problem the loader reports for text."""
    with pytest.raises(KnowledgeError) as info:
        parse_knowledge(text, "kb.yaml")
    assert all(p.file == "kb.yaml" for p in info.value.problems)
    return [(p.line, p.message) for p in info.value.problems]


def line_of(text: str, needle: str) -> int:
    """Return the 1-based line of the first line containing needle."""
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def test_valid_file_loads_with_typed_fields(mini_path: Path) -> None:
    kb = load_knowledge(mini_path)
    assert [e.id for e in kb.entries] == ["us-allocation", "no-more-cars", "molds"]
    first = kb.by_id["us-allocation"]
    assert first.status is Status.RUMOR
    assert first.conflicts_with == ("no-more-cars",)
    assert kb.sources["comment-gabe"].kind is SourceKind.READER_COMMENT
    assert kb.sources["comment-gabe"].author == "Gabe"
    assert first.line == line_of(mini_path.read_text(), "- id: us-allocation")


def test_shipped_knowledge_loads() -> None:
    kb = load_knowledge(default_knowledge_path())
    assert len(kb.entries) >= 40
    assert any(s.kind is SourceKind.READER_COMMENT for s in kb.sources.values())


def test_syntax_error_is_located(mini_text: str) -> None:
    broken = mini_text.replace(
        "    status: fact\n    claimed_by: BMWNA", "    status: [fact\n    claimed_by: BMWNA"
    )
    [(line, message)] = problems(broken)
    assert "YAML syntax error" in message
    assert line >= line_of(broken, "status: [fact")


def test_every_problem_is_reported_at_once(mini_text: str) -> None:
    broken = (
        mini_text.replace("status: rumor", "status: gossip")
        .replace(
            "    keywords: [allocation, quota]",
            "    keywords: [allocation, quota]\n    colour: red",
        )
        .replace("claimed_by: BMWNA", "claimed_by: [BMWNA]")
        .replace("sources: [dealer-memo]", "sources: [dealer-memo, nowhere]")
        .replace("related: [molds]", "related: [moulds]")
    )
    found = problems(broken)
    messages = " | ".join(m for _, m in found)
    assert len(found) == 5, messages
    assert (line_of(broken, "status: gossip"), found[0][1]) in found
    assert "'gossip' is not one of: fact, rumor, denied, opinion, disputed" in messages
    assert (
        line_of(broken, "colour: red"),
        next(m for m in messages.split(" | ") if "colour" in m),
    ) in found
    assert "unknown key 'colour'" in messages
    assert "claimed_by of entry 'no-more-cars' must be text, not a list" in messages
    assert "cites unknown source 'nowhere'" in messages
    assert "unknown entry 'moulds' in related" in messages


def test_missing_fields_and_wrong_types(mini_text: str) -> None:
    broken = mini_text.replace(
        "    answer: The molds were made for a run of about 2,500 cars.\n", ""
    ).replace("version: 1", "version: one")
    messages = [m for _, m in problems(broken)]
    assert any("missing the required key 'answer'" in m for m in messages)
    assert any("version must be a whole number" in m for m in messages)


def test_duplicate_ids_name_the_first_line(mini_text: str) -> None:
    broken = mini_text.replace("- id: molds", "- id: us-allocation")
    [(line, message)] = [p for p in problems(broken) if "duplicate" in p[1]]
    assert line == line_of(mini_text, "- id: molds")
    assert f"first at line {line_of(mini_text, '- id: us-allocation')}" in message


def test_empty_question_list_and_empty_answer(mini_text: str) -> None:
    broken = mini_text.replace(
        "      - How long do the molds last?\n      - what limits production of the 1m\n", ""
    ).replace("questions:\n    answer: The molds", "questions: []\n    answer: The molds")
    messages = [m for _, m in problems(broken)]
    assert any("questions of entry 'molds' must not be an empty list" in m for m in messages)


def test_same_phrasing_under_two_entries(mini_text: str) -> None:
    broken = mini_text.replace("How long do the molds last?", "how many 1Ms is the US getting")
    [(line, message)] = problems(broken)
    assert "under both 'us-allocation' and 'molds'" in message
    assert line == line_of(broken, "- id: molds")


def test_self_reference_and_duplicate_keys(mini_text: str) -> None:
    broken = mini_text.replace("related: [molds]", "related: [no-more-cars]\n    related: [molds]")
    messages = [m for _, m in problems(broken)]
    assert any("key 'related' appears twice" in m for m in messages)


def test_python_tags_are_refused_not_executed(mini_text: str, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    broken = mini_text.replace(
        "answer: A site reported",
        f"answer: !!python/object/apply:os.system ['touch {marker}']\n    x: A site reported",
    )
    found = problems(broken)
    assert any("tag" in m for _, m in found) or any("syntax" in m for _, m in found)
    assert not marker.exists()


def test_non_utf8_and_binary_are_located() -> None:
    with pytest.raises(KnowledgeError) as info:
        parse_knowledge(b"version: 1\nsources:\n  - id: caf\xe9\n", "kb.yaml")
    [problem] = info.value.problems
    assert problem.line == 3 and "UTF-8" in problem.message
    with pytest.raises(KnowledgeError) as info:
        parse_knowledge(b"version: 1\n\x00\x01", "kb.yaml")
    assert info.value.problems[0].line == 2


def test_bom_is_accepted(mini_text: str) -> None:
    kb = parse_knowledge(b"\xef\xbb\xbf" + mini_text.encode(), "kb.yaml")
    assert len(kb.entries) == 3


def test_missing_file_and_empty_file(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError, match="cannot read the file"):
        load_knowledge(tmp_path / "nope.yaml")
    (tmp_path / "empty.yaml").write_text("")
    with pytest.raises(KnowledgeError, match="the file is empty"):
        load_knowledge(tmp_path / "empty.yaml")


def test_oversized_file_is_refused_before_parsing(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"# " + b"x" * 2000 + b"\n")
    with pytest.raises(KnowledgeError, match="limit"):
        load_knowledge(big, max_bytes=1000)


def test_error_message_lists_file_and_line(mini_text: str) -> None:
    with pytest.raises(KnowledgeError) as info:
        parse_knowledge(mini_text.replace("status: rumor", "status: gossip"), "kb.yaml")
    assert f"kb.yaml:{line_of(mini_text, 'status: rumor')}: " in str(info.value)


_SOURCE = "sources:\n  - &src {id: s, title: T, outlet: O, kind: article}\n"


def test_a_repeated_entries_key_is_reported_once_and_its_items_are_ignored() -> None:
    text = (
        _SOURCE + "entries:\n"
        "  - {id: a, questions: [q1], answer: A, status: fact, claimed_by: x, sources: [s]}\n"
        "entries:\n"
        "  - {id: b, questions: [q2], answer: A, status: bogus, claimed_by: x, sources: [zz]}\n"
    )
    assert problems(text) == [(5, "key 'entries' appears twice in the file")]


def test_anchored_and_aliased_entries_are_checked_like_written_ones() -> None:
    text = (
        _SOURCE + "entries:\n"
        "  - &e1 {id: a, questions: [q1], answer: A, status: fact, claimed_by: x, sources: [s]}\n"
        "  - *e1\n"
    )
    assert problems(text) == [
        (4, "duplicate entry id 'a' (first at line 4)"),
        (4, "entry 'a' repeats the phrasing 'q1'"),
    ]


@pytest.mark.parametrize("depth", [65, 999, 5_000, 100_000])
@pytest.mark.parametrize("shape", ["flow", "block"])
def test_deep_nesting_is_refused_in_one_wording_at_its_line(
    mini_text: str, depth: int, shape: str
) -> None:
    # Shallow depths meet the loader's own guard, deep ones PyYAML's limit (6.0.4 and later)
    # or its scanner; whichever fires, the admin reads the same located sentence.
    deep = "[" * depth + "]" * depth if shape == "flow" else "\n      " + "- " * depth + "x"
    broken = mini_text.replace("    keywords: [allocation, quota]", f"    keywords: {deep}")
    [(line, message)] = problems(broken)
    assert message == "the YAML nests more than 64 levels deep"
    assert line_of(broken, "keywords: ") <= line <= line_of(broken, "keywords: ") + 1


def test_nesting_up_to_the_limit_is_only_a_schema_problem(mini_text: str) -> None:
    broken = mini_text.replace(
        "    keywords: [allocation, quota]", "    keywords: " + "[" * 60 + "]" * 60
    )
    assert all("nests" not in message for _, message in problems(broken))


def _tree(node: yaml.Node | None) -> object:
    """Return a node tree as plain values: kind, tag, value or children, places and style."""
    if node is None:
        return None
    places = (node.start_mark.line, node.start_mark.column, node.end_mark.line)
    if isinstance(node, yaml.ScalarNode):
        return ("scalar", node.tag, node.value, places, node.style)
    if isinstance(node, yaml.SequenceNode):
        return ("seq", node.tag, [_tree(n) for n in node.value], places, node.flow_style)
    pairs = [(_tree(k), _tree(v)) for k, v in node.value]
    return ("map", node.tag, pairs, places, node.flow_style)


def test_the_composer_builds_the_tree_pyyaml_builds() -> None:
    # Every kind of scalar the resolvers tag (and look-alikes), quoted and block scalars,
    # explicit tags, anchors and aliases, flow collections, empty values, merge keys.
    text = """\
plain: [yes, No, "yes", 'no', ~, null, '', 0x1F, 1:30, 1_000, -2.5e+3, .inf, .NaN, 2011-10-03]
when: 2011-10-03 10:20:30 +01:00
equals: =
text: !!str 12
number: !!int "12"
odd: !thing value
base: &base {a: 1, b: [x, y]}
copy: *base
merged: {<<: *base, c: 3}
empty:
nested:
  - - deep
    - &item {k: v}
  - *item
  - ? complex key
    : value
folded: >
  one
  two
literal: |
  kept
anchored: &n fixed
again: *n
"""
    data = text.encode()
    # PyYAML's own composer over the same (C) parser: plain scalars have the same style.
    reference = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    assert _tree(loader._compose(data, "x")) == _tree(yaml.compose(data, Loader=reference))


def test_a_streamed_list_is_composed_as_pyyaml_composes_it() -> None:
    # The items of a top-level list handed over as they are read (here handed back as they
    # are): lists and mappings inside them, tagged, anchored, aliased and in flow style.
    text = """\
entries:
  - id: a
    questions: [q1, "q2"]
    nested: {b: [x, {c: [y, z]}], d: !!seq [1, 2]}
    tags: &tags [one, two]
  - &second
    id: b
    tags: *tags
    more:
      - - deep
        - {k: v}
  - [flow, item]
  - plain
  - *second
"""
    data = text.encode()
    reference = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    kept = loader._compose(data, "x", lambda key, node: node)
    assert _tree(kept) == _tree(yaml.compose(data, Loader=reference))


def test_items_read_flat_give_back_the_nodes_pyyaml_composes() -> None:
    # Items read flat (text and lists of text), and items that stop being flat part-way (a
    # tag, an anchor, an alias or a nested collection, in a value or inside a list), which are
    # composed from there on: turned back into nodes, the tree is PyYAML's.
    text = """\
entries:
  - id: a
    questions: [q1, "q2", 'q3']
    status: yes
    empty:
    block:
      - x
      - 12
  - {id: b, questions: [flow], more: ~}
  - id: c
    tags: [one, &t two, three]
    after: [x]
  - id: d
    tags: [one, [two], three]
  - id: e
    tags: !!seq [x]
    status: !!str fact
  - id: f
    keywords: *t
    &k key: {nested: [1, 2]}
  - &g
    id: g
  - !!map {id: h}
  - id: i
    ? [complex]
    : key
sources:
  - {id: s}
"""
    data = text.encode()
    reference = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    handed: list[str] = []

    def as_node(key: str, item: object) -> object:
        handed.append("node" if isinstance(item, yaml.Node) else "flat")
        return item if isinstance(item, yaml.Node) else loader._flat_node(item)  # type: ignore[arg-type]

    kept = loader._compose(data, "x", as_node, as_node)
    assert _tree(kept) == _tree(yaml.compose(data, Loader=reference))
    assert handed == ["flat"] * 2 + ["node"] * 7 + ["flat"]


@pytest.mark.parametrize(
    "fields",
    [
        "questions: [how many were built, 'and where']\n    keywords: [count]",
        "questions: [one]\n    related: [other]\n    tags: []",
        "questions: [one]\n    status: FACT",  # its status read in lower case
        "questions: [  spaced   out  ]\n    claimed_by: '  two   words '",
    ],
)
def test_an_entry_read_flat_has_the_row_its_node_has(fields: str) -> None:
    text = f"""\
entries:
  - id: made-up
    answer: It was built.
    sources: [src]
    {fields}
"""
    for key, value in (("status", "rumor"), ("claimed_by", "someone")):
        if f"{key}:" not in fields:
            text += f"    {key}: {value}\n"
    flat: list[object] = []
    loader._compose(text.encode(), "x", lambda key, node: None, lambda k, i: flat.append(i))
    fast, slow = loader._Validator("x", "d"), loader._Validator("x", "d")
    row = fast.plain_entry(flat[0])  # type: ignore[arg-type]
    assert row is not None
    assert row == slow.entry(loader._flat_node(flat[0]))  # type: ignore[arg-type]
    assert slow.problems == []


@pytest.mark.parametrize(
    "fields",
    [
        "questions: [one]\n    colour: red",  # an unknown key
        "questions: [one]\n    status: gossip",  # no such status
        "questions: []",  # no phrasing
        "questions: one",  # one text for a list: the node path reads it
        "questions: [one, '']",  # an empty phrasing
        "questions: [one, '   ']",  # a phrasing of spaces alone: empty once cleaned
        f"questions: [one, {'a' * (loader.MAX_TEXT_CHARS + 1)}]",  # a phrasing over the limit
        f"questions: [one]\n    tags: [{'a' * (loader.MAX_TEXT_CHARS + 1)}]",  # a tag over it
        "questions: [one]\n    sources: []",  # no source
        "questions: [one]\n    tags: [12]",  # a tag the resolver reads as a number
        "questions: [one]\n    answer: ''",  # an empty answer
    ],
)
def test_an_entry_read_flat_is_left_to_the_validator_unless_plainly_valid(fields: str) -> None:
    text = f"""\
entries:
  - id: made-up
    claimed_by: someone
    {fields}
"""
    for key, value in (("answer", "It was built."), ("status", "rumor"), ("sources", "[src]")):
        if f"{key}:" not in fields:
            text += f"    {key}: {value}\n"
    flat: list[object] = []
    loader._compose(text.encode(), "x", lambda key, node: None, lambda k, i: flat.append(i))
    assert loader._Validator("x", "d").plain_entry(flat[0]) is None  # type: ignore[arg-type]
