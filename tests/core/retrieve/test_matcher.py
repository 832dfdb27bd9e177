"""The matcher on paraphrases, typos, synonyms, numbers, off-topic and near-domain questions."""

from __future__ import annotations

import gc
import os
import random
import subprocess
import sys
from bisect import bisect_left
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import yaml
from generated_knowledge import generated
from hypothesis import given
from hypothesis import strategies as st

from bot.core.decide.decision import decide
from bot.core.knowledge.loader import default_knowledge_path, load_knowledge, parse_knowledge
from bot.core.retrieve.matcher import _QUERIES_KEPT, Matcher, answer_kinds

EVAL = Path(__file__).resolve().parents[2] / "eval"


@pytest.fixture
def matcher(mini_path: Path) -> Matcher:
    return Matcher(load_knowledge(mini_path))


@pytest.fixture(scope="module")
def matcher_real() -> Matcher:
    return Matcher(load_knowledge(default_knowledge_path()))


def best(matcher: Matcher, question: str) -> str | None:
    """Return the id of the entry the matcher would answer with, or None if it declines."""
    ranked = matcher.rank(question)
    if not ranked or ranked[0].score < matcher.threshold:
        return None
    return ranked[0].entry.id


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("How many 1Ms is the US getting?", "us-allocation"),
        ("what's America's quota of 1 Series M cars", "us-allocation"),
        ("1m allocation stateside?", "us-allocation"),
        ("how mnay 1ms is teh US gettin", "us-allocation"),
        ("is bmw north america sending more 1ms to the states", "no-more-cars"),
        ("what did the memo to dealers say", "no-more-cars"),
        ("how long will the moulds last", "molds"),
        ("what limits 1M production", "molds"),
    ],
)
def test_paraphrases_synonyms_and_typos_reach_their_entry(
    matcher: Matcher, question: str, entry: str
) -> None:
    assert best(matcher, question) == entry


@pytest.mark.parametrize(
    "question",
    [
        "What's a good recipe for lasagna?",
        "good morning",
        "thanks!",
        "How many moons does Jupiter have?",
        "What's the capital of Australia?",
        "How many legs does a spider have?",
        "when do the tooling workers at Apple go on strike about their pay",
        "",
        "?!?!",
        "the the the",
    ],
)
def test_off_topic_and_near_domain_questions_are_declined(matcher: Matcher, question: str) -> None:
    assert best(matcher, question) is None


def test_scores_are_ranked_and_bounded(matcher: Matcher) -> None:
    ranked = matcher.rank("how many 1ms for the US")
    assert ranked[0].entry.id == "us-allocation"
    assert all(0.0 <= m.score <= 1.0 for m in ranked)
    assert [m.score for m in ranked] == sorted((m.score for m in ranked), reverse=True)


def test_exact_phrasing_scores_full_confidence(matcher: Matcher) -> None:
    assert matcher.rank("How long do the molds last?")[0].score == pytest.approx(1.0)


def test_number_forms_match_the_same_entry(matcher: Matcher) -> None:
    assert (
        best(matcher, "is the run 2.5k molds") == best(matcher, "is the run 2,500 molds") == "molds"
    )


def test_unknown_words_lower_confidence(matcher: Matcher) -> None:
    plain = matcher.rank("how long do the molds last")[0].score
    diluted = matcher.rank("how long do the molds last in a volcano during eclipses")[0].score
    assert diluted < plain


def test_question_of_only_common_words_is_too_vague(matcher: Matcher) -> None:
    assert best(matcher, "1m?") is None
    assert matcher.rank("1m?")[0].score < matcher.rank("1m allocation?")[0].score
    assert best(matcher, "1m allocation?") == "us-allocation"


def _crowded_knowledge() -> str:
    """Return a file where 20 entries share a question's words but only one has its phrasing.

    Thirty unrelated entries keep those words distinctive (in fewer than half the entries).
    """
    fillers = "\n".join(
        f"""  - id: filler-{i}
    questions: ["what is filler number {i}"]
    keywords: [engine, warranty]
    answer: A filler about engine warranty terms and the paint option, number {i}.
    status: fact
    claimed_by: nobody
    sources: [s]"""
        for i in range(20)
    )
    others = "\n".join(
        f"""  - id: other-{i}
    questions: ["what about the sunroof of coupe {i}"]
    answer: Something about sunroofs, number {i}.
    status: rumor
    claimed_by: nobody
    sources: [s]"""
        for i in range(30)
    )
    return f"""sources:
  - {{id: s, title: T, outlet: O, kind: article}}
entries:
{fillers}
{others}
  - id: target
    questions: ["engine warranty"]
    answer: The one entry asked for in exactly these words.
    status: fact
    claimed_by: somebody
    sources: [s]
"""


def test_an_entry_outside_the_coverage_leaders_is_still_found() -> None:
    # Every filler covers more of the question (its answer holds "paint" too), so the target
    # is not among the leaders by coverage; its exact phrasing must still win.
    matcher = Matcher(parse_knowledge(_crowded_knowledge(), "crowded.yaml"))
    ranked = matcher.rank("engine warranty paint")
    assert ranked[0].entry.id == "target"
    assert ranked[0].score > max(m.score for m in ranked[1:])


@pytest.mark.parametrize("question_set", ["questions.yaml", "holdout.yaml"])
def test_the_answer_is_the_best_entry_of_all(matcher_real: Matcher, question_set: str) -> None:
    # Score every entry in full (no leaders, no pruning) and compare with the ranking rank()
    # starts from (before a long message's asking sentences may vouch for its best entry).
    questions = yaml.safe_load((EVAL / question_set).read_text(encoding="utf-8"))
    checked = 0
    for item in questions:
        ranked = matcher_real._read(item["q"], 5, None).matches
        full = _score_everything(matcher_real, item["q"])
        if not full or max(full.values()) < EXACT_FROM:
            assert not ranked or ranked[0].score < EXACT_FROM
            continue
        top = max(full.values())
        assert ranked[0].score == pytest.approx(top, abs=1e-4)
        assert full[ranked[0].entry.id] == pytest.approx(top, abs=1e-4)
        checked += 1
    assert checked > 50


EXACT_FROM = 0.3  # the score above which rank() promises the exact order


def _score_everything(matcher: Matcher, question: str) -> dict[str, float]:
    query, focused, wanted, things = matcher._query(question)
    total = sum(t.weight for t in query)
    if total <= 0:
        return {}
    scores = matcher._coverage(query)
    found = {matcher._ids[t.stem]: t.weight for t in query if t.known}
    factor = matcher._factor(found)
    everyone = np.flatnonzero(scores > 0)
    holders = matcher._asked_holders(question, focused, wanted, query, things)
    scored = matcher._final(everyone, scores, found, total, factor, everyone.size, holders)
    return {matcher.knowledge.entries[c.entry].id: min(c.score, 1.0) for c in scored}


def test_spelling_fixes_do_not_depend_on_the_hash_seed() -> None:
    # Several words are one edit from "sill"; the pick must not follow set order.
    script = (
        "from bot.core.service import KnowledgeService;"
        "from bot.core.knowledge.loader import default_knowledge_path;"
        "s = KnowledgeService.from_path(default_knowledge_path());"
        "print([(r.entry_id, r.score) for r in map(s.ask, "
        "['I sill buy one if Im late', 'wat about teh molds', 'bmw nroth amerca memmo'])])"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3", "4")
    }
    assert len(outputs) == 1


def test_a_when_question_wants_an_answer_that_says_when() -> None:
    text = """sources:
  - {id: s, title: T, outlet: O, kind: article}
entries:
  - id: schedule-sure
    questions: ["how sure is the commenter about the production schedule and its start"]
    answer: The commenter was completely sure about the production schedule and its start.
    status: rumor
    claimed_by: a reader
    sources: [s]
  - id: schedule-start
    questions: ["what is the monthly production rate"]
    answer: Production would start in March at 25 to 65 a month.
    status: rumor
    claimed_by: a reader
    sources: [s]
  - id: interview
    questions: ["who did the blog interview"]
    answer: The blog interviewed Watts two weeks before its post.
    status: fact
    claimed_by: the blog
    sources: [s]
  - id: interview-kind
    questions: ["did the blog interview watts about the post"]
    answer: The blog interviewed Watts about the post.
    status: fact
    claimed_by: the blog
    sources: [s]
"""
    knowledge = parse_knowledge(text, "when.yaml")
    matcher = Matcher(knowledge)
    # One holds every word; only the other says when, and "when" asks for that.
    assert matcher.rank("when does the production schedule start")[0].entry.id == "schedule-start"
    # A span before or after something ("two weeks before") says when too.
    assert matcher.rank("when did the blog interview watts")[0].entry.id == "interview"


def test_the_index_holds_no_container_per_entry_term_or_phrasing() -> None:
    Matcher(generated(10))  # load the word tables and caches first
    knowledge = generated(3_000)
    gc.collect()
    before = len(gc.get_objects())
    matcher = Matcher(knowledge)
    gc.collect()
    added = len(gc.get_objects()) - before
    # A few flat tables: the collector has next to nothing to scan while a reload builds one.
    assert added < 300, f"{added} containers tracked by the collector for 3,000 entries"
    assert matcher.rank("how many zorb17 cars")[0].entry.id == "e17"


def _small(
    entries: list[tuple[str, str, str]], synonyms: str = "", claimants: dict[str, str] | None = None
) -> Matcher:
    """Return a matcher over a few entries (id, phrasings, answer) and two fillers, each claimed
    by the blog unless ``claimants`` names another."""
    entries = [
        *entries,
        ("filler", '"what is the blog", "who writes the blog"', "The blog runs a podcast."),
        ("filler-two", '"what is the podcast called"', "The podcast has a name."),
    ]
    text = synonyms + "sources:\n  - {id: s, title: T, outlet: O, kind: article}\nentries:\n"
    for key, questions, answer in entries:
        text += (
            f"  - id: {key}\n    questions: [{questions}]\n    answer: {answer}\n"
            f"    status: fact\n    claimed_by: {(claimants or {}).get(key, 'the blog')}\n"
            "    sources: [s]\n"
        )
    return Matcher(parse_knowledge(text, "small.yaml"))


def test_outlet_words_are_every_word_of_every_source_outlet() -> None:
    text = (
        "sources:\n"
        "  - {id: a, title: T, outlet: Ferry Weekly, kind: article}\n"
        "  - {id: b, title: U, outlet: The Harbour Desk, kind: article}\n"
        "  - {id: c, title: V, outlet: Ferry Weekly, kind: article}\n"
        "entries:\n"
        "  - id: e\n    questions: [when does the ferry sail]\n    answer: At noon.\n"
        "    status: fact\n    claimed_by: the harbour\n    sources: [a, b, c]\n"
    )
    matcher = Matcher(parse_knowledge(text, "outlets.yaml"))
    assert matcher.outlet_words == {"ferry", "weekly", "the", "harbour", "desk"}


def test_a_price_question_wants_an_answer_with_a_price() -> None:
    matcher = _small(
        [
            (
                "gp-priced",
                '"how was the gp priced", "what did the gp cost"',
                "The blog called the GP aggressively priced, at a cost below its rivals.",
            ),
            ("x1-price", '"what does the x1 cost"', "The X1 was listed at $30,000 in the US."),
        ]
    )
    # Asked how it was priced: the blog's description answers.
    assert best(matcher, "how was the gp priced") == "gp-priced"
    # Asked for the figure: only an answer that states an amount of money does.
    assert best(matcher, "how much did a new gp cost back then") is None
    assert best(matcher, "what's the msrp of the gp") is None
    assert best(matcher, "how much is the x1") == "x1-price"


def test_a_question_naming_a_market_or_person_needs_an_entry_that_names_them() -> None:
    matcher = _small(
        [
            (
                "aus-allocation",
                '"how many cars does australia get", "australian allocation numbers"',
                "BMW Australia said it would get around 100 cars.",
            ),
            (
                "uk-video",
                '"where was the video shot", "what video did the blog share"',
                "The blog shared a video shot in the UK.",
            ),
        ]
    )
    assert best(matcher, "how many cars does australia get") == "aus-allocation"
    assert best(matcher, "where was the uk video shot") == "uk-video"
    # The UK's allocation: the allocation entry is about Australia, the UK entry about a video.
    assert best(matcher, "any word on uk allocation numbers") is None
    # Names asked as alternatives: an entry naming one of them answers.
    assert best(matcher, "how many cars do the uk or australia get") == "aus-allocation"
    assert best(matcher, "how many cars do the uk and australia get") is None


def test_the_pronoun_i_names_no_one(matcher_real: Matcher) -> None:
    # An answer saying "I'll say who claimed it" does not make "ill" a name every entry
    # without it misses: "I'll be honest, ..." before a question no longer halves its answer.
    assert "ill" not in matcher_real._names
    assert best(matcher_real, "ill be straight with you, how many gps did the us get") == (
        "gp-414-us"
    )
    assert (
        best(
            matcher_real,
            "I'll be honest, did the blog think the segler promise has something behind it",
        )
        == "segler-collectors-car"
    )


def test_a_topic_named_only_by_an_uncovered_synonym_group_is_not_answered() -> None:
    matcher = _small(
        [
            (
                "cayman",
                '"did the video show a cayman s showdown"',
                "A reader expected a showdown between the 1M and a Cayman S.",
            )
        ],
        synonyms="synonyms:\n  - [horsepower, hp, bhp]\n",
    )
    assert best(matcher, "cayman s showdown in the video") == "cayman"
    assert best(matcher, "cayman s vs 1m which one has more hp") is None
    # A model code no entry knows names a car the sources do not cover.
    assert best(matcher, "which cayman s showdown in the video, a gt4 or a gts4") is None


def test_an_engine_layout_offered_beside_a_known_one_is_no_uncovered_model() -> None:
    matcher = _small(
        [
            (
                "tow",
                '"what was towing the trailer", "was the tow truck a v8"',
                "A reader guessed the tow truck had a V8 from its sound.",
            )
        ]
    )
    assert best(matcher, "v10 or v8 tow truck pulling the trailer?") == "tow"
    # Two layouts none of which an entry holds, or one alone, still name what no entry covers.
    assert best(matcher, "v10 or v12 tow truck pulling the trailer?") is None
    assert best(matcher, "was the tow truck pulling the trailer a v10") is None


def test_the_story_around_a_question_weighs_no_more_than_the_question() -> None:
    matcher = _small(
        [
            ("hype", '"is the scarcity just hype", "hype problem"', "The blog doubts the hype."),
            ("hard", '"is it hard to get"', "Segler said it would be hard to get."),
        ]
    )
    message = (
        "my cousin reckons the hype is a problem, hype hype problem, the scarcity is hype lol. "
        "is it hard to get or nah"
    )
    assert best(matcher, message) == "hard"


def test_a_misspelt_half_of_a_two_word_name_is_read_as_the_name() -> None:
    matcher = _small(
        [
            (
                "watts",
                '"what did the head of sales say at the track"',
                "Brian Watts said nothing at Laguna Seca about making more cars.",
            ),
        ]
    )
    assert best(matcher, "what did brian watts say at laguna seca") == "watts"
    # One half typed right lets the other be misspelt, even into a real English word.
    assert best(matcher, "what did brian wats say at lagoona seca") == "watts"
    assert best(matcher, "what did brain watts say") == "watts"


def test_a_name_typed_shorter_is_read_as_the_name() -> None:
    matcher = _small(
        [
            (
                "guess",
                '"how did the commenter guess the engine"',
                "The commenter JRobUSC guessed from the sound.",
            )
        ]
    )
    assert best(matcher, "how did jrob guess the engine") == "guess"


def test_a_one_word_name_typed_in_two_is_read_as_the_name() -> None:
    matcher = _small(
        [
            (
                "guess",
                '"what engine did the commenter guess"',
                "The commenter ZORK42 guessed a V8 from the sound.",
            )
        ]
    )
    assert best(matcher, "what engine did zork42 guess") == "guess"
    assert best(matcher, "what engine did zork 42 guess") == "guess"


def test_a_question_asking_for_a_name_needs_an_entry_that_names_one() -> None:
    matcher = _small(
        [
            (
                "again",
                '"will there be another car like it", "which cars did the blog set aside"',
                "The blog said nothing like it will come again, apart from special-edition M3s.",
            ),
        ]
    )
    assert best(matcher, "which cars did the blog set aside") == "again"  # the M3s
    # Asked which special-edition M3s, or what they were called: the entry names none.
    assert best(matcher, "which m3 special editions did the blog set aside") is None
    assert best(matcher, "what were the special edition m3s the blog set aside called") is None
    assert best(matcher, "what were the special edition m3s the blog set aside") == "again"


def test_how_many_wants_an_answer_that_counts_what_it_asks_about() -> None:
    matcher = _small(
        [
            (
                "per-store",
                '"how many cars does each dealer get", "how many zorks per dealer"',
                "At 600 cars for the country, dealers would get 2 Zorks each.",
            ),
            (
                "plan",
                '"how many zorks are planned", "how many years is the zork plan"',
                "Zorkco plans one run of the Zork, for four years, ending in 2011.",
            ),
        ]
    )
    assert best(matcher, "how many zorks does each dealer get") == "per-store"
    assert best(matcher, "how many cars does each dealer get") == "per-store"  # cars count zorks
    assert best(matcher, "how many years is the zork plan") == "plan"  # "four years"
    # The entry counts cars per dealer, not dealers; the plan names a year but counts no Zorks.
    assert best(matcher, "how many dealers are there") is None
    assert best(matcher, "how many zorks are planned in 2011") is None


def test_a_one_word_question_after_a_story_takes_its_topic_from_the_story() -> None:
    matcher = _small(
        [
            (
                "reason",
                '"what was the reason zorkco stopped the zork"',
                "Zorkco gave emissions as its reason for ending the Zork.",
            ),
            (
                "refuse",
                '"will the blog estimate zork numbers"',
                "The blog refused to estimate Zork numbers until Zorkco gives real information.",
            ),
            ("quux", '"why is the quux rare"', "The quux is rare for one reason, cost."),
            ("plib", '"why did the plib sell out"', "The plib sold out for one reason, price."),
        ]
    )
    assert best(matcher, "whats their reason") == "reason"  # asked alone: its one word
    story = "i expected the blog to estimate zork numbers, they talk numbers all the time, "
    ranked = matcher.rank(story + "but they refused. whats their reason")
    # "reason" alone cannot vouch for the entry that holds it: the story is about the refusal.
    assert ranked[0].entry.id == "refuse"


def test_a_question_word_that_is_a_stopword_asks_for_nothing_in_particular() -> None:
    matcher = _small(
        [
            (
                "like-plib",
                '"will the zork sell like the plib"',
                "Reader Quux said the Zork will sell like the Plib did.",
            ),
        ]
    )
    # "who THINKS", "whats the ACTUAL number": no deed or focus an entry must hold.
    (top,) = matcher.rank("who thinks the zork will sell like the plib", 1)
    assert top.entry.id == "like-plib"
    assert top.score == 1.0  # not halved for lacking "think"


def test_who_did_something_needs_an_entry_that_says_who_did_it() -> None:
    matcher = _small(
        [
            (
                "rumour",
                '"what did the magazine report about doubling"',
                "The magazine Motoring reported a rumour that production would double.",
            ),
        ]
    )
    assert best(matcher, "who reported the doubling rumour") == "rumour"  # a claim's source
    # Nothing says who wrote the article: the entry about it does not answer that.
    assert best(matcher, "who wrote the motoring article about doubling") is None


def test_a_common_english_word_is_not_read_as_a_relative_of_a_known_word() -> None:
    matcher = _small(
        [
            ("trailing", '"would the trailing car catch up"', "The trailing car fell behind."),
            ("collector", '"is it a collector car"', "Segler called it a collector car."),
        ]
    )
    assert best(matcher, "is it collectable") == "collector"  # a rare form joins its family
    assert best(matcher, "what do trailer hitches cost") is None  # "trailer" is no "trail"


def test_a_long_story_before_a_clear_question_still_gets_the_answer() -> None:
    matcher = _small(
        [
            ("hard", '"is the 1m hard to get"', "Segler said the 1M would be hard to get."),
            ("rare", '"how rare is the gp"', "The GP sold out."),
        ]
    )
    question = "is the 1m hard to get"
    story = (
        "so i was at cars and coffee this morning with my cousin, his supercharged e46 was "
        "making weird noises the whole time and we ended up arguing in the parking lot. "
    )
    alone = matcher.rank(question)[0]
    told = matcher.rank(story + question)[0]
    assert told.entry.id == alone.entry.id == "hard"
    assert told.score == alone.score  # the story cannot drag the answer under the threshold


def test_what_a_question_asks_about_a_name_must_be_in_the_entry() -> None:
    matcher = _small(
        [
            (
                "quorn-reply",
                '"what did quorn reply to the dealer"',
                "Commenter Quorn agreed with the dealer and thanked him.",
            ),
            (
                "racing",
                '"which car is faster on the track"',
                "The coupe was faster to drive on the track.",
            ),
        ]
    )
    assert best(matcher, "what did quorn reply") == "quorn-reply"
    assert best(matcher, "did quorn agree with the dealer") == "quorn-reply"
    # The entry names Quorn but says nothing of what he drives or whether he is faster.
    assert best(matcher, "what does quorn drive") is None
    assert best(matcher, "is quorn faster on the track") is None


def test_what_happened_with_a_name_asks_about_it_in_general() -> None:
    matcher = _small(
        [
            (
                "quorn-reply",
                '"what did quorn reply to the dealer"',
                "Commenter Quorn agreed with the dealer and thanked him.",
            ),
            ("racing", '"what happened on the track"', "The coupe was faster."),
        ]
    )
    # "happened" is said of nothing in particular: the entry on Quorn answers it.
    assert best(matcher, "what happened with quorn") == "quorn-reply"
    assert best(matcher, "what does quorn drive") is None


def test_a_claim_heard_from_someone_is_checked_by_its_name() -> None:
    matcher = _small(
        [
            (
                "quorn-reply",
                '"what did quorn reply to the dealer"',
                "Commenter Quorn agreed with the dealer and thanked him.",
            ),
            ("racing", '"which car is faster"', "The coupe was faster."),
        ]
    )
    # The asker may have the claim wrong: the entry on the name it gives is the one to check,
    # not halved for lacking what the claim says of the name ("faster").
    heard = matcher.rank("someone said quorn was faster??")
    assert heard[0].entry.id == "quorn-reply"
    assert matcher.rank("quorn was faster??")[0].entry.id == "racing"


def test_a_word_that_only_restates_who_asks_nothing_of_a_name() -> None:
    matcher = _small(
        [
            (
                "quorn-reply",
                '"what did quorn reply to the dealer"',
                "Commenter Quorn agreed with the dealer and thanked him.",
            ),
            ("racing", '"which car is faster"', "The person in the coupe was faster."),
        ]
    )
    # "person" asks who Quorn is, which the entry naming Quorn answers; "drive" it does not.
    assert best(matcher, "who is quorn, is that a person") == "quorn-reply"
    assert best(matcher, "what does quorn drive") is None


def test_a_question_too_vague_alone_takes_its_topic_from_the_story() -> None:
    matcher = _small(
        [
            (
                "quorn-week",
                '"what did quorn say about the dealer"',
                "Commenter Quorn quoted the dealer and said the number would change next week.",
            ),
            (
                "blog-take",
                '"what is the blog take on the number"',
                "The blog's take is that it is fluid.",
            ),
            (
                "reader-take",
                '"what is the reader take on the podcast"',
                "A reader's take is that it is long.",
            ),
            (
                "segler-take",
                '"what is the segler take on the car"',
                "Segler's take is that it is rare.",
            ),
        ]
    )
    # "whats his take" alone could be any of the takes; the story says whose.
    message = "theres a quorn in the comments who quotes the dealer about next week. whats his take"
    assert matcher.rank(message)[0].entry.id == "quorn-week"


def test_an_entry_no_phrasing_of_which_shares_a_word_is_no_answer() -> None:
    text = (
        "sources:\n  - {id: s, title: T, outlet: O, kind: article}\nentries:\n"
        "  - id: hard\n    questions: [is the coupe hard to get]\n"
        "    answer: Segler said the coupe would be hard to get.\n"
        "    status: fact\n    claimed_by: the blog\n    sources: [s]\n"
        "    keywords: [dreaming, kidding]\n"
        "  - id: other\n    questions: [what is the podcast called]\n"
        "    answer: The podcast has a name.\n"
        "    status: fact\n    claimed_by: the blog\n    sources: [s]\n"
    )
    matcher = Matcher(parse_knowledge(text, "small.yaml"))
    # A keyword helps a question its phrasings share words with ...
    assert best(matcher, "is the coupe hard to get or am i dreaming") == "hard"
    # ... but a keyword alone is no topic: "dreaming" is chat here.
    assert best(matcher, "do you dream") is None
    assert best(matcher, "are you kidding") is None


def test_a_message_with_a_story_is_answered_on_the_scale_of_a_plain_question() -> None:
    matcher = _small(
        [
            ("hard", '"is the coupe hard to get"', "Segler said the coupe would be hard to get."),
            ("sold", '"did the gp sell out"', "The GP sold out within weeks."),
        ]
    )
    # The story's words lower every score of the message; the entry it asks about is answered.
    told = "my uncle says the coupe is hard to get. is that true"
    assert best(matcher, told) == "hard"
    assert all(0 <= m.score <= 1 for m in matcher.rank(told))
    # So is one long sentence full of chat around its question.
    rambling = (
        "so i was wondering about this and i have to ask all of you because i really do not "
        "know it, is the coupe hard to get for people at a dealer"
    )
    assert best(matcher, rambling) == "hard"
    # A question its entries do not answer is still declined, whatever the story says.
    off = "my uncle says the coupe is hard to get. what is the weather like in paris tomorrow"
    assert best(matcher, off) is None


def test_words_weighing_whether_a_claim_holds_take_their_topic_from_the_story() -> None:
    matcher = _small(
        [
            ("sold", '"did the gp sell out", "how fast did the gp sell"', "The GP sold out fast."),
            (
                "wrong",
                '"was the figure wrong", "is the number wrong"',
                "The blog said the figure was wrong.",
            ),
        ],
        synonyms="synonyms:\n  - [wrong, lying, fake]\n",
    )
    # "is he lying" asks whether the story's claim holds: the story says which claim.
    assert best(matcher, "my buddy says the gp sold out. is he lying") == "sold"
    assert best(matcher, "is the number wrong") == "wrong"


def test_who_told_a_story_is_no_topic_when_the_question_weighs_its_claim() -> None:
    matcher = _small(
        [
            (
                "sold",
                '"did the coupe sell out", "are the coupes all gone"',
                "Every coupe was sold before launch.",
            ),
            (
                "advisor",
                '"what did the salesman at the harbour store do", "who runs the harbour store"',
                "The harbour store salesman emailed his customers about the coupe.",
            ),
        ]
    )
    # "is that true" asks whether the claim holds: who passed it on, and where, is no topic.
    told = (
        "the salesman at my harbour store called me and said the coupes are all gone. "
        "is that true or not"
    )
    assert matcher.rank(told)[0].entry.id == "sold"
    assert best(matcher, "what did the salesman at the harbour store do") == "advisor"


def test_asking_where_a_story_originally_came_from_takes_its_topic_from_the_story() -> None:
    matcher = _small(
        [
            (
                "quote",
                '"will the coupe be gone in a flash"',
                "The old boss told the blog the coupe would be gone in a flash.",
            ),
            (
                "post",
                '"who said it in the original post", "where is the original article"',
                "The original post was taken down.",
            ),
        ]
    )
    # "originally" asks where the story's saying came from, not about an original post.
    told = "folks keep quoting gone in a flash about the coupe. who said it originally"
    assert best(matcher, told) == "quote"
    assert best(matcher, "who said it in the original post") == "post"


def test_a_who_question_needs_an_entry_saying_who_did_that_to_what_it_names() -> None:
    matcher = _small(
        [
            (
                "the-blog",
                '"who runs the quarterly podcast", "is the blog the same site as harbourgazette"',
                "The blog runs the Quarterly podcast; it is a separate site from HarbourGazette.",
            ),
            (
                "the-memo",
                '"what did the memo say"',
                "Head office wrote a memo saying every allocation is filled.",
            ),
            ("tyres", '"what tyres does it use"', "The coupe uses staggered summer tyres."),
            ("colour", '"what colour was it"', "The coupe in the clip was orange."),
            ("engine", '"what engine does it have"', "It has a turbocharged straight six."),
        ]
    )
    # Asked who runs the podcast: the entry says so in one phrasing.
    assert best(matcher, "who runs the quarterly podcast") == "the-blog"
    # Asked who runs the other site: the entry runs a podcast and names the site elsewhere.
    assert best(matcher, "who runs harbourgazette") is None
    # Asked who wrote the memo: the entry only mentions writing in its answer.
    assert best(matcher, "who wrote the memo") is None
    assert best(matcher, "what did the memo say") == "the-memo"


def test_a_question_pointing_back_at_the_story_takes_its_topic_from_it() -> None:
    matcher = _small(
        [
            (
                "figure-origin",
                '"who first reported the 900 figure"',
                "The Gazette first reported that 900 cars would come.",
            ),
            (
                "doubling-origin",
                '"who put the doubling figure out there first"',
                "A magazine first put out the doubling figure.",
            ),
            ("club", '"what about the 900 club"', "The 900 club is a club."),
        ]
    )
    # "that figure" is the 900 of the story, not whichever figure the question's words fit best.
    message = (
        "my buddy read that only 900 cars would come and freaked out, 900 cars for everyone, the"
        " whole 900. who put that figure out there first"
    )
    assert matcher.rank(message)[0].entry.id == "figure-origin"


def test_the_sentence_that_opens_a_question_is_the_question_beside_a_tagged_one() -> None:
    matcher = _small(
        [
            ("hard", '"is the coupe hard to get"', "Segler said the coupe will be hard to get."),
            ("prices", '"will prices come down eventually"', "The blog expects prices to hold."),
            ("quorn", '"what did quorn say about the dealer"', "Quorn said the dealer lied."),
        ]
    )
    # "... right?" only asks the story along; "is it gonna be hard to get" is the question.
    message = "gonna wait for prices to come down eventually right? is it gonna be hard to get one"
    assert matcher.rank(message)[0].entry.id == "hard"
    # A question with no topic of its own ("what did he say") still reads the tagged sentence.
    message = "quorn was going on about the dealer? what did he actually say"
    assert matcher.rank(message)[0].entry.id == "quorn"


def test_a_story_gives_a_topicless_question_enough_to_go_on(matcher_real: Matcher) -> None:
    # "what did they actually say" alone is too vague to answer; after a story it is not.
    assert best(matcher_real, "what did they actually say") is None
    story = "my mate says the blog got on the phone with bmw north america once the doubling talk"
    assert best(matcher_real, story + " started. what did they actually say") is not None


def test_what_someone_said_about_a_thing_needs_an_entry_where_they_speak_of_it() -> None:
    matcher = _small(
        [
            (
                "gazette-roadster",
                '"did the gazette call the roadster a collectible", "what did harbourgazette say"',
                "Harbourgazette called the Roadster a collectible within three years.",
            ),
            (
                "roadster-example",
                '"why does the blog bring up the roadster",'
                ' "what does the blog say of harbourgazette"',
                "The blog held up the Roadster, a coupe Harbourgazette praised, as a collectible.",
            ),
            ("tyres", '"what tyres does the coupe use"', "The coupe uses staggered summer tyres."),
            ("engine", '"what engine does it have"', "It has a turbocharged straight six."),
            ("colour", '"what colour was it"', "The coupe in the clip was orange."),
        ],
        claimants={"gazette-roadster": "Harbourgazette, as cited by the blog"},
    )
    assert best(matcher, "what did harbourgazette say about the roadster") == "gazette-roadster"
    # The Gazette spoke of the Roadster, not the coupe; the blog's entry only cites it.
    assert best(matcher, "what did harbourgazette say about the coupe") is None
    assert best(matcher, "why does the blog bring up the roadster") == "roadster-example"


def test_a_short_question_without_a_question_word_asks_for_what_it_opens_with() -> None:
    matcher = _small(
        [
            (
                "dealer-three",
                '"how many cars is ruthven\'s dealer getting", "ruthven\'s client advisor"',
                "Ruthven's client advisor said the dealership gets three cars this year.",
            ),
            ("tyres", '"what tyres does the coupe use"', "The coupe uses staggered summer tyres."),
        ]
    )
    assert best(matcher, "ruthvens client advisor?") == "dealer-three"
    # "name of ..." asks for the advisor's name, which the entry does not give.
    assert best(matcher, "name of ruthvens client advisor?") is None


def test_a_tag_asking_for_agreement_lends_no_word_to_an_entry() -> None:
    matcher = _small(
        [
            (
                "no-more",
                '"are they making more for the us", "any more coming"',
                "The memo said no more coupes are coming to the US.",
            ),
            (
                "yearly-figure",
                '"how many for the year", "no way is it right around 900 for the us"',
                "A commenter said production would come to right around 900 for the US.",
            ),
        ]
    )
    assert best(matcher, "no way they're making more for the us, right?") == "no-more"


def test_who_did_a_deed_that_reads_as_the_thing_it_made_is_not_answered_by_the_thing() -> None:
    matcher = _small(
        [
            (
                "clip-place",
                '"where was the coast clip shot", "who knew where the clip was filmed"',
                "A reader recognised the coast clip's spot as the harbour.",
            ),
            (
                "clip-driver",
                '"who was driving in the coast clip"',
                "A reader said a test driver was at the wheel in the coast clip.",
            ),
        ],
        synonyms="synonyms:\n  - [clip, video, shot, filmed]\n",
    )
    assert best(matcher, "where was the coast clip shot") == "clip-place"
    assert best(matcher, "who was driving in the coast clip") == "clip-driver"
    # "shot" reads as "clip": no entry says who filmed it.
    assert best(matcher, "who shot that coast clip") is None


def test_who_was_doing_something_needs_an_entry_saying_who_did_it_to_that() -> None:
    matcher = _small(
        [
            (
                "camera-car",
                '"what car was filming the coupe", "who was driving behind the coupe"',
                "A reader guessed the car filming the coupe was a V8 saloon.",
            ),
            (
                "chase-result",
                '"did the coupe lose the chase car"',
                "The coupe pulled away from the chase car.",
            ),
        ]
    )
    assert best(matcher, "who was driving behind the coupe") == "camera-car"
    # What the camera car was is no answer to who drove the chase car.
    assert best(matcher, "who was driving the chase car") is None


def test_how_long_wants_an_answer_that_gives_a_time() -> None:
    matcher = _small(
        [
            (
                "tooling-run",
                '"how long do the moulds last", "what are the moulds good for"',
                "The moulds were made to last for one run of 900 cars.",
            ),
            (
                "prices-settle",
                '"how long till prices settle"',
                "The blog expected prices to settle after four to five years.",
            ),
            (
                "sold-out",
                '"did the roadster sell out"',
                "The maker quickly found buyers for every roadster.",
            ),
        ]
    )
    assert best(matcher, "how long till prices settle") == "prices-settle"
    assert best(matcher, "how long did it take to sell every roadster") == "sold-out"
    # How long the moulds last is no answer to how long new ones take to make.
    assert best(matcher, "how long does it take to make new moulds") is None


def test_whether_it_is_built_in_a_place_asks_for_a_plant() -> None:
    matcher = _small(
        [
            (
                "alongside",
                '"what else is built alongside the coupe", "is the roadster built with it"',
                "The maker also builds the Roadster alongside the coupe, for the US and beyond.",
            ),
        ]
    )
    assert best(matcher, "what else is built alongside the coupe") == "alongside"
    # Where the Roadster is built is not what the entry says.
    assert best(matcher, "is the roadster built in the us") is None


def test_other_colours_and_a_persons_actual_name_are_topics_the_sources_never_cover(
    matcher_real: Matcher,
) -> None:
    # The clip shows an Alpine White 1M: that says nothing of the colours it comes in.
    assert best(matcher_real, "what colour was the 1m in the video") == "video-uk-chase"
    assert best(matcher_real, "is the 1m available in colors other than alpine white") is None
    assert best(matcher_real, "what colours could you get on a 1m") is None
    assert best(matcher_real, "is the 1m sold in anything other than white") is None
    assert best(matcher_real, "was the coupe in the footage white") == "video-uk-chase"
    # Round 74: "the only 1M colour" with the car's name inside the phrase asks the same.
    assert best(matcher_real, "is white the only 1m colour you can order") is None
    assert best(matcher_real, "so is white really the only 1m color they made") is None
    # Nor do they say what a later model will be called.
    assert best(matcher_real, "what would the next 1m be called") is None
    # The sources never name the M sales head in Asia.
    assert best(matcher_real, "what is the actual name of the m sales head in asia") is None


def test_handing_cars_to_buyers_is_a_topic_the_sources_never_cover(
    matcher_real: Matcher,
) -> None:
    # Production starts in March by yourbestsource: that says nothing of deliveries (round 44).
    assert best(matcher_real, "according to yourbestsource do deliveries begin in march") is None
    assert best(matcher_real, "will the arizona dealer take delivery of all 3 this year") is None
    # Cars delivered to a market are its allocation, which the sources do give.
    assert best(matcher_real, "how many 1ms were delivered to australia") == "aus-received-125"


def test_idioms_of_doing_the_same_again_read_as_the_same_way(matcher_real: Matcher) -> None:
    # Synonyms in the knowledge: "the same trick", "the same playbook" = the same way (round 44).
    for question in (
        "did the zhp guy reckon bmw would try the same trick this time",
        "will bmw run the same playbook as with the zhp",
    ):
        assert best(matcher_real, question) == "zhp-same-for-1m"


def test_what_a_car_sells_for_asks_for_a_price(matcher_real: Matcher) -> None:
    # "Sell for" asks a price: the entry on resale value gives one (MSRP), the X1 entry only
    # "machine costs" (round 44).
    assert best(matcher_real, "what does the blog think the 1m will sell for") == "value-prediction"


def test_how_many_turbos_an_engine_has_is_a_topic_the_sources_never_cover(
    matcher_real: Matcher,
) -> None:
    # The entry on the N54's emissions names its turbos, but not how many it has.
    assert best(matcher_real, "is the n54 a single turbo or two") is None
    assert best(matcher_real, "how many turbos does the n54 run") is None
    assert best(matcher_real, "does the twin turbo n54 pass emissions") == "n54-emissions"


def test_chat_phrasings_of_doubt_mention_and_sameness_read_as_their_words(
    matcher_real: Matcher,
) -> None:
    # "Doesn't sound right" weighs whether a claim holds: the story says which claim.
    assert (
        best(
            matcher_real,
            "a dude at the track kept saying the 1m is unlimited and you just wait your turn. "
            "doesnt sound right to me, what did the m boss actually say",
        )
        == "segler-not-limited"
    )
    # "Bring it up" is "bring up" (mention) split by its object, not a rare "bring".
    assert (
        best(
            matcher_real,
            "my e46 dealer only got 2 of them in 03. did anybody in the comments bring it up",
        )
        == "zhp-2003-allocation"
    )
    # "The same thing" asks whether something is handled alike.
    assert (
        best(matcher_real, "will bmw do the same thing with the 1m allocation") == "zhp-same-for-1m"
    )


def test_who_did_a_deed_reads_the_verb_and_its_particle_as_one() -> None:
    matcher = _small(
        [
            (
                "testing",
                '"is the high speed testing authorised", "who authorised the testing"',
                "The local police authorised the high speed testing.",
            ),
            ("unsigned", '"did the reply sign its name"', "The reply is not signed."),
        ],
        synonyms="synonyms:\n  - [authorization, authorised, approved, sign off, signs off]\n",
    )
    # "Signs off" is "authorised": the entry says who did that to the testing, so it is not
    # scored down as one that does not hold the deed ("sign").
    ranked = matcher.rank("who signs off on the high speed testing")
    assert ranked[0].entry.id == "testing"
    assert ranked[0].score > 0.9


def test_a_garage_queen_asks_about_the_mileage_the_sources_give(matcher_real: Matcher) -> None:
    assert best(matcher_real, "are the used mini gps all garage queens") == "gp-used-values"


def test_an_engine_layout_counts_its_cylinders() -> None:
    matcher = _small(
        [
            (
                "camera-car",
                '"what engine did the camera car have", "cylinders of the camera car"',
                "A reader guessed from its sound that the camera car was a V8 saloon.",
            ),
        ]
    )
    # "How many cylinders" wants a figure of cylinders: "a V8" gives eight.
    assert best(matcher, "how many cylinders did the camera car have") == "camera-car"


def test_when_a_car_dropped_is_when_it_came_out(matcher_real: Matcher) -> None:
    assert best(matcher_real, "did people like the mini gp when they dropped") == "gp-polarised"


def test_cars_sitting_on_lots_ask_whether_they_sold(matcher_real: Matcher) -> None:
    assert best(matcher_real, "did the mini gps sit on the lot for ages") == "gp-sold-out"


def test_a_focus_word_opening_a_name_the_synonyms_join_is_that_name() -> None:
    matcher = _small(
        [
            (
                "hard",
                '"what did segler say about the coupe"',
                "Segler said the coupe is hard to get.",
            )
        ],
        synonyms="synonyms:\n  - [segler, kay segler, dr kay segler]\n",
    )
    # "What KAY segler says" asks about Segler, not about an unknown "kay" no entry holds.
    ranked = matcher.rank("what kay segler says about the coupe")
    assert ranked[0].entry.id == "hard"
    assert ranked[0].score > 0.9


def test_what_happened_after_the_sources_is_not_answered_by_what_they_expect() -> None:
    matcher = _small(
        [
            (
                "more-soon",
                '"did the blog promise to post more in a few days"',
                "The blog said it would post more in a few days.",
            ),
        ]
    )
    assert best(matcher, "did the blog promise to post more in a few days") == "more-soon"
    # What it posted later is not in the sources.
    assert best(matcher, "what did the blog post a few days later") is None


def test_a_focus_on_an_uncovered_topic_weighs_even_when_the_question_does_not_name_it() -> None:
    matcher = _small(
        [
            (
                "molds",
                '"were the molds made to last", "how were the molds made"',
                "BMW made the molds to last for one run.",
            ),
        ],
        synonyms="synonyms:\n  - [plantname, which plant, what factory]\n",
    )
    assert best(matcher, "how were the molds made") == "molds"
    # "Where are they made" asks for a plant: no entry names one.
    assert best(matcher, "where are the molds made") is None


def test_where_a_clip_was_filmed_asks_for_its_spot() -> None:
    matcher = _small(
        [
            (
                "boat-clip",
                '"what is in the boat clip", "red boat clip"',
                "The blog posted a clip of a red boat at sea.",
            ),
            (
                "boat-spot",
                '"which harbour is in the boat video", "who knew the location of the boat clip"',
                "A reader placed the clip's location at the old harbour.",
            ),
        ]
    )
    assert best(matcher, "what is in the boat clip") == "boat-clip"
    # The clip's own entry is as near the question's words; the spot is what it asks for.
    assert best(matcher, "where was the boat clip filmed") == "boat-spot"
    assert best(matcher, "where was the red boat clip filmed") == "boat-clip"


def test_the_zhp_as_a_precedent_asks_whether_the_1m_goes_the_same_way(
    matcher_real: Matcher,
) -> None:
    assert (
        best(matcher_real, "was the zhp a precedent for how the 1m allocation works")
        == "zhp-same-for-1m"
    )


def test_a_story_lifts_no_entry_that_misses_what_is_asked() -> None:
    matcher = _small(
        [
            (
                "uk-clip",
                '"where was the clip filmed", "how many coupes are in the uk clip"',
                "The clip of the coupe was filmed in the UK.",
            ),
            ("us-count", '"how many coupes is the us getting"', "The US is getting 600 coupes."),
        ]
    )
    # The story's words lower every score, but the clip's entry gives no number of coupes.
    message = "how many coupes is the uk getting? the clip was filmed there so they must know"
    assert best(matcher, message) is None
    assert best(matcher, "how many coupes is the us getting? my dealer would not say") == "us-count"


def test_what_is_the_x_of_asks_for_x() -> None:
    matcher = _small(
        [
            (
                "advisor",
                '"what did the client advisor say", "how many coupes is the dealer getting"',
                "Michael's client advisor in Arizona said the dealer was getting 3 coupes.",
            ),
            ("shed", '"what colour is the shed"', "The shed is green."),
            ("hose", '"how long is the hose"', "The hose is thirty metres long."),
        ]
    )
    # The entry speaks of the advisor but gives no name for them.
    assert best(matcher, "what is the name of michaels client advisor") is None
    assert best(matcher, "what did michaels client advisor say") == "advisor"


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("how many 1ms is australia getting, like 150 or so", "aus-received-125"),
        ("the aussies got how many, around 90?", "aus-bmw-around-100"),
        ("how many mini gps made it to america, 450ish?", "gp-414-us"),
    ],
)
def test_a_figure_the_asker_only_guesses_weighs_as_an_aside(
    matcher_real: Matcher, question: str, entry: str
) -> None:
    assert best(matcher_real, question) == entry


def test_a_figure_a_yes_no_question_asks_about_still_counts(matcher_real: Matcher) -> None:
    assert best(matcher_real, "did the us get 9000 mini gps in 1987") is None
    assert best(matcher_real, "did the uk get like 200 of them") is None


def test_recent_is_no_time_a_when_question_wants() -> None:
    matcher = _small(
        [
            (
                "episodes",
                '"what did the blog say on the podcast"',
                "The blog speculated about numbers on recent podcast episodes.",
            ),
            (
                "news",
                '"when will the blog have more news"',
                "The blog expected news in a few days.",
            ),
        ]
    )
    assert best(matcher, "when did the blog speculate on the podcast") is None
    assert best(matcher, "when will the blog have more news") == "news"


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("was anybody salty about the comments getting taken over", "gar-invaded"),
        ("are the arizona 1ms still available", "arizona-dealer-three"),
        ("does the blog agree the 1m will be tough to get", "segler-hard-to-get"),
    ],
)
def test_chat_words_for_moods_availability_and_agreement(
    matcher_real: Matcher, question: str, entry: str
) -> None:
    assert best(matcher_real, question) == entry


def test_which_dealer_wants_an_entry_that_names_the_dealer() -> None:
    unnamed = _small(
        [
            (
                "three",
                '"how many coupes is the ohio dealership getting"',
                "Commenter Ann said her advisor's dealership in Ohio was getting 3 coupes.",
            ),
            ("shed", '"what colour is the shed"', "The shed is green."),
        ]
    )
    # The entry names a state and a commenter, but not the dealership.
    assert best(unnamed, "which dealership in ohio is getting 3 coupes") is None
    assert best(unnamed, "how many coupes is the ohio dealership getting") == "three"
    named = _small(
        [
            (
                "three",
                '"how many coupes is the ohio dealership getting"',
                "Commenter Ann said the Dayton dealership in Ohio was getting 3 coupes.",
            ),
            ("shed", '"what colour is the shed"', "The shed is green."),
        ]
    )
    assert best(named, "which dealership in ohio is getting 3 coupes") == "three"


def test_an_advisors_name_is_wanted_from_an_entry_that_gives_one() -> None:
    unnamed = _small(
        [
            (
                "advisor",
                '"what did the sales advisor email say"',
                "Commenter Ann said her advisor emailed that the Ohio dealer gets 3 coupes.",
            ),
            ("shed", '"what colour is the shed"', "The shed is green."),
        ]
    )
    assert best(unnamed, "whats anns sales advisor called") is None
    named = _small(
        [
            (
                "advisor",
                '"what did the sales advisor email say"',
                "Commenter Ann said her advisor Bob emailed that the Ohio dealer gets 3 coupes.",
            ),
            ("shed", '"what colour is the shed"', "The shed is green."),
        ]
    )
    assert best(named, "whats anns sales advisor called") == "advisor"


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("how many mini gps were produced overall", None),  # only the US count is known
        ("so how many 1ms got made altogether in the end", None),
        ("how many 1ms is bmw going to build in total", "molds-2500-run"),  # the planned run
    ],
)
def test_a_final_production_count_is_what_came_after_the_sources(
    matcher_real: Matcher, question: str, entry: str | None
) -> None:
    assert best(matcher_real, question) == entry


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # Round 14: the asker's guess at who did it, maybe wrong, is not the topic.
        ("was it michael who said the chase car was a v8 benz", "chase-car-v8-benz"),
        (
            "i thought it was watts who said the 1m would be gone before you know it",
            "segler-hard-to-get",
        ),
        # what came after the sources, with what it followed
        ("what did the bmwblog guy write a couple days later after the call with bmwna", None),
        ("what did bmwblog share a few days later once they talked to bmwna", None),
        # a name only the story gives is no answer to "which paper"
        (
            "i read the mini bit where a big paper called the gp a collectors car. which paper "
            "was it and how long after launch?",
            "gp-nyt-collectors",
        ),
        # "what did X tell them" is X's claim, not an entry about the blog that asked
        ("what did segler tell you guys in that interview", "segler-hard-to-get"),
        # a name guessed about the subject ("a british site") is checked, not required
        ("motoring is a british site right", "doubling-rumor"),
        # "what YEAR": the event asked about must be in the entry, not only a year
        ("what year did they stop making the zhp", None),
        ("which year did the zhp get discontinued", None),
        ("what year did the zhp come out", "zhp-2003-allocation"),
        # "what COUNTRY": an entry naming a country answers it; nothing else the name must hold
        ("which country does motoring come from", "doubling-rumor"),
        ("what country is segler from", None),
        # possibilities someone listed: the theory they put forward
        (
            "what possibilities did the australian reader list for the around 100 figure",
            "aus-evasive-or-demand",
        ),
    ],
)
def test_round_14_wrong_premises_and_what_is_asked(
    matcher_real: Matcher, question: str, entry: str | None
) -> None:
    assert best(matcher_real, question) == entry


def test_asking_sentences_that_agree_with_the_story_vouch_a_little_below_the_lift(
    matcher_real: Matcher,
) -> None:
    # The whole message ranks the molds' reinvestment first at about 0.39, and the question alone
    # ranks it first too: their agreement makes the answer as sure as the question alone.
    message = (
        "my cousin runs a machine shop in ohio and swears every die wears out eventually, he has"
        " been doing it for thirty years and complains about the cost constantly. how many 1ms"
        " can the molds make before they need replacing"
    )
    assert best(matcher_real, message) == "new-molds-reinvest"


def test_round_80_sure_asking_sentences_vouch_for_a_story_diluted_message(
    matcher_real: Matcher,
) -> None:
    # Round 80: the story's car words dilute the whole message to about 0.3, though it ranks
    # the hard-to-get claim first; the question alone is sure of it (0.98), so the agreement
    # vouches from below _AGREE_FROM.
    message = (
        "ive had a 135i for years and a z4 before it, my buddy with an e92 m3 says the 1m will be"
        " gone before i even reach the dealer. is it really gonna sell out that fast"
    )
    assert best(matcher_real, message) == "segler-hard-to-get"


@pytest.mark.parametrize("asked", ["are any left", "none left at all?", "any still left"])
def test_round_16_any_left_asks_whether_they_sold(matcher_real: Matcher, asked: str) -> None:
    # "any left" asks whether cars are still unsold: the synonyms read it as "spoken for".
    terms = {t.stem for t in matcher_real._query(f"the store got a few. {asked}")[0]}
    sold = {t.stem for t in matcher_real._query("were they all spoken for")[0] if t.known}
    assert terms & sold


def test_allocations_said_to_be_done_read_as_filled(matcher_real: Matcher) -> None:
    # "allocations are done" is chat for "filled": the memo leads, not the 600 figure dealers got.
    message = (
        "my neighbour works at a bmw store and she says allocations are done. "
        "is that what bmw told dealers or is she winding me up"
    )
    first, second = matcher_real.rank(message)[:2]
    assert first.entry.id == "bmwna-memo-no-more"
    assert first.score - second.score > 0.06


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("what are the 3 reasons the 1m run is limited", "production-limit-causes"),
        ("name the two things that cap how many get built", "production-limit-causes"),
    ],
)
def test_round_22_a_count_of_listed_items_is_no_figure(
    matcher_real: Matcher, question: str, entry: str
) -> None:
    # "the 3 REASONS" says how many items the answer lists: it must not pull the question to an
    # entry holding 3 cars or 2 per dealer.
    assert best(matcher_real, question) == entry


@pytest.mark.parametrize(
    ("chat", "plain_words"),
    [
        (
            "has anyone clocked where the footage was shot",
            "has anyone recognised where the footage was shot",
        ),
        (
            "where did the blog do its guessing on the numbers",
            "where did the blog speculate on numbers",
        ),
        ("how many 1ms has australia got so far", "how many 1ms has australia got"),
        (
            "what did bmwblog say when they chimed in about the 600",
            "what did bmwblog say when they commented about the 600",
        ),
    ],
)
def test_round_22_chat_idioms_read_as_the_plain_words(
    matcher_real: Matcher, chat: str, plain_words: str
) -> None:
    # Synonyms in the knowledge: "clocked that/where" = recognised, "guessing on the numbers" =
    # speculating, "so far" = "yet" (a filler), "chimed in" = commented.
    assert best(matcher_real, chat) is not None
    assert best(matcher_real, chat) == best(matcher_real, plain_words)


def test_how_fast_something_was_going_asks_for_a_speed_no_entry_gives(
    matcher_real: Matcher,
) -> None:
    assert best(matcher_real, "how fast was the 1m moving in the video") is None
    # Not the entry on two cars per dealer either.
    assert best(matcher_real, "how fast were the two cars going in the clip") is None
    # Asked inside another question, with the subject first (round 44).
    assert best(matcher_real, "anyone know how fast the white coupe was going in that clip") is None
    # Where the footage shows how fast it is, the entry on the timestamp says.
    assert best(matcher_real, "where in the footage do you see how fast it is") == (
        "video-1-50-mark"
    )


def test_a_speed_limits_value_is_not_given_by_an_entry_naming_the_limit(
    matcher_real: Matcher,
) -> None:
    # Round 45: the UK testing entry names the speed limit but gives no figure for it.
    assert best(matcher_real, "so whats the actual speed limit on those uk roads") is None
    # Whether BMW may go over it, the entry says.
    assert best(matcher_real, "can bmw legally go over the speed limit in the uk") == (
        "uk-authorised-high-speed-testing"
    )


def test_how_much_more_asks_a_figure_an_entry_saying_more_does_not_give(
    matcher_real: Matcher,
) -> None:
    # Round 45: the X1 entry says it is much more profitable, not by how much.
    assert best(matcher_real, "how much more profitable is an x1") is None
    assert best(matcher_real, "how much better does the x1 sell than the 1m") is None
    assert best(matcher_real, "is the x1 more profitable than the 1m") == "x1-alongside"


def test_when_it_ends_is_not_given_by_an_entry_on_when_it_starts(matcher_real: Matcher) -> None:
    # Round 45: yourbestsource's rate runs "from March"; it gives no month the run ends.
    assert best(matcher_real, "what month was the commenter saying the 1m run would end") is None
    # When US production ends, the entry on 2011 says.
    assert best(matcher_real, "what year does the 1m wrap up for america") == (
        "us-not-extended-2011"
    )


def test_a_writer_for_an_outlet_is_not_given_by_what_the_outlet_said(
    matcher_real: Matcher,
) -> None:
    # Round 45: the GP entry says what the New York Times called it, naming no writer there.
    assert best(matcher_real, "which new york times reporter wrote about the gp") is None
    # Who writes for a site is someone's job, a topic the sources never cover.
    assert best(matcher_real, "anyone know who writes for bmwblog these days") is None


def test_us_spellings_and_idioms_of_known_words_read_as_them(matcher_real: Matcher) -> None:
    # "prioritize" is "prioritise", which the entry on the X1 holds.
    assert best(matcher_real, "why is bmw prioritizing the x1") == "x1-alongside"
    # "Overpriced" asks how it was priced, which the entry on the GP says.
    assert best(matcher_real, "was the jcw gp overpriced back then") == "gp-price-options-manual"
    assert best(matcher_real, "is the 1m overpriced") is None
    # "wrap up" is an end.
    assert best(matcher_real, "when will us production of the 1m wrap up") == (
        "us-not-extended-2011"
    )


@pytest.mark.parametrize(
    "question",
    [
        "what paint options did the 1m have",
        "which paint choices were offered for the 1m",
        "how much are dealers marking up 1ms",
        "is an adm normal on the 1m",
    ],
)
def test_round_24_paint_choices_and_dealer_markups_are_never_covered(
    matcher_real: Matcher, question: str
) -> None:
    # The sources name one colour (the clip's) and predict resale, never a paint list or what
    # dealers charge: both are topics the sources never cover.
    assert best(matcher_real, question) is None


@pytest.mark.parametrize(
    ("chat", "plain_words"),
    [
        ("when will used prices stop dropping", "when will used prices stabilise"),
        ("will the blog share its own estimate", "will the blog share speculation"),
        ("the march date, where is that from", "the march date, source"),
        ("will the coupe sell above sticker", "will the coupe sell over msrp"),
        # Round 54: values that "stop sliding" stabilise; what a clip is meant to "prove" is
        # the proof it is offered as (knowledge groups "stabilise" and "proof").
        ("when do 1m values stop sliding", "when do 1m values stabilise"),
        ("what is the clip meant to prove", "what is the clip meant to proof"),
    ],
)
def test_round_24_chat_idioms_read_as_the_plain_words(
    matcher_real: Matcher, chat: str, plain_words: str
) -> None:
    # Synonyms in the knowledge: "stop dropping" = stabilise, "its own estimate" = speculating,
    # "where is that from" = source; "over sticker" still asks about resale.
    terms = {t.stem for t in matcher_real._query(chat)[0] if t.known}
    assert terms == {t.stem for t in matcher_real._query(plain_words)[0] if t.known}


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("is bmw touting how rare it is", "scarcity-rally-cry"),
        ("has bmw been banging the drum about rarity", "scarcity-rally-cry"),
        ("did segler guarantee a collectible", "segler-collectors-car"),
        ("is the aussie number still tbc", "aus-evasive-or-demand"),
        ("why is the zhp even in this discussion", "zhp-2003-allocation"),
        ("why is the x1 even in this conversation", "x1-alongside"),
    ],
)
def test_round_26_general_synonyms_reach_their_entry(
    matcher_real: Matcher, question: str, entry: str
) -> None:
    # Knowledge synonyms: "tout"/"bang the drum" = hype, "guarantee" = promise, "tbc" = fluid,
    # "in this conversation/discussion" = mention (why is X brought up here).
    assert best(matcher_real, question) == entry


@pytest.mark.parametrize(
    "question",
    [
        "when was the blogs article posted",
        "when did the boss leave bmw",
        "when did he leave bmw for good",
    ],
)
def test_round_28_a_date_the_sources_never_give_is_declined(
    matcher_real: Matcher, question: str
) -> None:
    # Knowledge: neither post is dated ("article posted" is a topic the sources never cover),
    # and "leaving aside" is "except", so "leave" no longer reaches the entry that says it.
    assert best(matcher_real, question) is None


def test_round_28_leaving_aside_still_reaches_its_entry(matcher_real: Matcher) -> None:
    assert best(matcher_real, "which cars did the blog leave aside") == "not-duplicated-soon"


@pytest.mark.parametrize(
    "question",
    [
        "does the 1m come without any options",
        "is the 1m only available with a stick",
        "was the 1m priced aggressively",
    ],
)
def test_round_28_an_entry_without_the_model_most_entries_name_is_about_another(
    matcher_real: Matcher, question: str
) -> None:
    # The 1M is named by most entries: one that does not, and names the GP instead, says
    # nothing of the 1M's gearbox, options or pricing.
    assert best(matcher_real, question) is None
    assert best(matcher_real, question.replace("1m", "gp")) == "gp-price-options-manual"


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # Round 32: a mood asked either way is the mood the answer states.
        ("was gar pleased with the new commenters", "gar-invaded"),
        # Telling ahead of time is telling, a claim's source.
        ("who clued in michael on his dealer's cars", "arizona-dealer-three"),
        # A market left out is a market excluded.
        ("which market would sit out a second batch", "sell-2500-without-us"),
        # "what MAJOR market": the noun after the qualifier is what is asked for.
        ("what major market is left out if bmw builds another batch", "sell-2500-without-us"),
    ],
)
def test_round32_indirect_wordings_reach_their_entry(
    matcher_real: Matcher, question: str, entry: str
) -> None:
    assert best(matcher_real, question) == entry


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # Round 34: an entry that writes "MINI JCW GP" holds MINI too, so asking how MINI
        # priced the GP no longer gets the used prices of the one entry that kept it.
        ("how did mini price the jcw gp", "gp-price-options-manual"),
        ("did mini price the gp cheaply", "gp-price-options-manual"),
        # The blog's "crew" or "folks" are its people, not a word only one phrasing holds.
        ("does the bimmercast crew buy the 600 claim", "blog-doubts-600"),
        # Floating a figure is claiming it: who floated it asks for the claim's source.
        ("who floated the 5000 figure", "doubling-rumor"),
        ("who floated the doubling rumor", "doubling-rumor"),
        # Waiting for a second batch is waiting for the doubling the blog files under rumor.
        ("should i wait for a second batch outside america", "doubling-verdict"),
        # One car "vs" another in the clip asks how they compared: which walked the other.
        ("the 1m vs the chase car in the clip", "video-1m-walked-chase-car"),
        # Hedging is giving a figure as "around" one, not word for word.
        ("did bmw australia hedge on the number", "aus-bmw-around-100"),
    ],
)
def test_round34_an_entry_that_gives_what_is_asked_beats_one_that_names_its_words(
    matcher_real: Matcher, question: str, entry: str
) -> None:
    assert best(matcher_real, question) == entry


def test_the_askers_guess_before_or_after_the_question_weighs_as_chatter() -> None:
    matcher = _small(
        [
            (
                "sold",
                '"are the coupes all gone", "did the coupe sell out"',
                "Every coupe was sold before launch.",
            ),
            (
                "sedan",
                '"is the sedan special", "do salesmen upsell buyers into the sedan"',
                "The blog said salesmen upsell buyers into the sedan.",
            ),
        ]
    )
    # "or is he just trying to upsell me into a sedan" is the asker's own guess, not the claim asked
    # about: its words weigh as little as chatter (round 29).
    told = (
        "my salesman rang and said the coupes are all gone. "
        "is that true or is he just trying to upsell me into a sedan"
    )
    assert matcher.rank(told)[0].entry.id == "sold"
    assert best(matcher, "is the sedan special") == "sedan"
    # "is he just trying to upsell me into a sedan OR IS THAT TRUE": the guess put first is
    # still the asker's own, the claim told is what is asked about (follow-up round 33).
    told = (
        "my salesman rang and said the coupes are all gone. "
        "is he just trying to upsell me into a sedan or is that true"
    )
    assert matcher.rank(told)[0].entry.id == "sold"


def test_hedges_and_is_that_real_in_the_knowledge_file(matcher_real: Matcher) -> None:
    # "is that real" weighs the claim as "is that true" does; "some kind of" is a hedge.
    read = matcher_real.synonyms.apply
    assert read("is that real".split()) == read(["true"])
    assert read("some kind of letter".split()) == read("kinda letter".split())


@pytest.mark.parametrize(
    ("question", "entries"),
    [
        ("what is bmw north america's stance on building more", {"bmwna-no-change-us"}),
        ("bmwna position on making more 1ms for the us?", {"bmwna-no-change-us"}),
        ("any downside to bmw making extra 1ms", {"more-production-residuals"}),
        ("what are the risks of a second batch of 1ms", {"more-production-residuals"}),
    ],
)
def test_a_stance_is_what_a_party_thinks_and_a_risk_is_what_hurts(
    matcher_real: Matcher, question: str, entries: set[str]
) -> None:
    # "position on", "stance" = think (a stopword: the party and topic decide); "risk",
    # "downside" = hurt.
    assert best(matcher_real, question) in entries


@pytest.mark.parametrize(
    "question",
    [
        "is there a connection between the mini gp and bmw's 1m",
        "whats the relationship between the 1m and that mini",
        "how are the mini gp and the 1m connected",
    ],
)
def test_a_connection_between_two_cars_is_a_comparison(
    matcher_real: Matcher, question: str
) -> None:
    # "connection", "relationship", "link between" = compare; "related" is left out, since it
    # stems as "relative" does ("when did the memo go out, relative to the article").
    assert best(matcher_real, question) == "gp-segler-track-record"


@pytest.mark.parametrize(
    "question",
    [
        "when did the doubling post go up online",
        "what day did the follow up article go up",
        "sticker of a 1m in australia?",
        "what car replaced the zhp",
        "did bmw ever build another batch of 1ms for the uk",
    ],
)
def test_round_31_what_the_sources_never_say_is_declined(
    matcher_real: Matcher, question: str
) -> None:
    # Knowledge: a post "going up" is its (never given) date. Matcher: a fragment opening with
    # a price wants a figure in a currency; what replaced something and a later run came after.
    assert best(matcher_real, question) is None


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("how did mini set the gp's price", "gp-price-options-manual"),
        ("did mini sell out of gps fast", "gp-sold-out"),
    ],
)
def test_round_31_the_makers_name_reaches_its_gp_entry(
    matcher_real: Matcher, question: str, entry: str
) -> None:
    # Knowledge: the GP entries hold "mini", the maker that the GP synonym group swallows.
    assert best(matcher_real, question) == entry


def test_round_31_kicking_something_off_is_starting_it(matcher_real: Matcher) -> None:
    # Knowledge: "kick off" and its forms read as "start" ("who started the rumour").
    assert best(matcher_real, "who kicked off the talk of 5000 cars") == "doubling-rumor"


def test_a_deed_among_the_keywords_of_the_one_entry_naming_the_topic_is_said_of_it() -> None:
    text = (
        "sources:\n  - {id: s, title: T, outlet: O, kind: article}\nentries:\n"
        "  - id: duel\n"
        '    questions: ["who hoped for a race with a sports car", "was there a duel with a'
        ' Lotus Evora in the footage", "what did Trent say about the clip"]\n'
        "    answer: Trent hoped the clip would turn into a duel with a Lotus Evora.\n"
        "    status: opinion\n    claimed_by: Trent\n    sources: [s]\n"
        "    keywords: [hoped, expected, duel]\n"
        "  - id: podcast\n"
        '    questions: ["who hoped the podcast would come back", "is the podcast back"]\n'
        "    answer: Listeners hoped the podcast would return.\n"
        "    status: fact\n    claimed_by: the blog\n    sources: [s]\n"
    )
    for topic in ("tyres", "colour", "engine", "gearbox", "brakes", "seats", "wheels"):
        text += (
            f"  - id: {topic}\n    questions: [what {topic} does it have]\n"
            f"    answer: The coupe has good {topic}.\n"
            "    status: fact\n    claimed_by: the blog\n    sources: [s]\n"
        )
    matcher = Matcher(parse_knowledge(text, "small.yaml"))
    # No phrasing holds both "hope" and "evora", but the hoping is a keyword of the one entry
    # naming the Evora: it says who hoped for it.
    assert best(matcher, "who was hoping for a duel with a lotus evora") == "duel"


def test_round_35_shipping_cars_reads_as_sending_them(matcher_real: Matcher) -> None:
    # Knowledge synonym: "ship" = "send" (the reader's entry says cars could be sent elsewhere).
    question = "were some australian 1ms going to be shipped to other markets"
    assert best(matcher_real, question) == "aus-evasive-or-demand"


def _decided(matcher: Matcher, question: str) -> str | None:
    """Return the id of the entry the decision answers with (no clarifying question), or None."""
    decision = decide(matcher.read(question))
    return decision.answer.entry.id if decision.answer is not None else None


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # Round 36: the post updated after a comment is the blog's update note, not the
        # commenter's promise of more news (these two tied and asked which was meant).
        ("did the post get updated after that bmwblog comment", "bmwblog-post-still-up"),
        # Reading a forum ("scrolling through the thread", "lurking") is a filler.
        (
            "been scrolling through the thread, what did goat put the 1m's launches down to",
            "goat-torque",
        ),
        # Being away ("out of the loop", "on vacation") is a filler too.
        ("been out of the loop, who said the gp is a collectors car", "gp-nyt-collectors"),
        ("on vacation rn, when did they talk to watts", "who-is-watts"),
    ],
)
def test_round_36_missed_wordings_reach_their_entry(
    matcher_real: Matcher, question: str, entry: str
) -> None:
    assert _decided(matcher_real, question) == entry


def test_round_38_a_comment_without_a_name_says_who_wrote_it(matcher_real: Matcher) -> None:
    # Knowledge: the unsigned comments (the Australian reader's, the ZHP reader's) hold the
    # words of authorship ("wrote", "posted", "unsigned"), so "who wrote it" reaches them.
    assert best(matcher_real, "who wrote the comment on bmw australias figure") == (
        "aus-evasive-or-demand"
    )
    assert best(matcher_real, "who was the author of the zhp comment") == ("zhp-2003-allocation")


def test_round_38_a_hard_number_is_a_firm_one(matcher_real: Matcher) -> None:
    # Knowledge synonym: "hard number" = "firm" (not "hard to get").
    assert best(matcher_real, "did bmw aus give out a hard figure") == "aus-bmw-around-100"
    assert best(matcher_real, "is the 600 a hard number") == "bmwblog-600-likely-change"


def test_round_38_investors_ask_about_residuals_and_collectors(matcher_real: Matcher) -> None:
    # Knowledge: "investment", "investors" are keywords of what more production would do.
    question = "would building extra cars be bad news for investors"
    assert best(matcher_real, question) == "more-production-residuals"


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # Round 39, knowledge synonyms for chat wordings of what the entries already say:
        # "doctor" is the "Dr." of Dr. Segler,
        ("which doctor did the blog interview", "who-is-segler"),
        # a claim "attributed to" / "credited to" someone asks for its source,
        ("who was the 5000 figure attributed to", "doubling-rumor"),
        # a "carve out" is an exception ("aside"), being "copied" / "cloned" is being repeated,
        ("what carve out did the blog make", "not-duplicated-soon"),
        ("will someone copycat the 1m soon", "not-duplicated-soon"),
        # "marketing bs" / "marketing nonsense" is hype,
        ("isnt segler's line just marketing nonsense", "segler-collectors-car"),
        # a "motor" is the chase car's engine (not the publication Motoring),
        ("what motor did jrob reckon was in the camera car", "chase-car-v8-benz"),
        # "premium" / "affordable" ask how the GP was priced,
        ("was the gp premium priced or affordable", "gp-price-options-manual"),
        # declining to guess is not speculating,
        ("rather than guessing, what did the blog say", "blog-no-speculation"),
        # "forum noise" is a rumour,
        ("is the 600 number just forum noise", "bmwblog-600-official-dealers"),
        # an unsigned comment has no username either,
        (
            "what's the username of the guy who wrote about the aussie numbers",
            "aus-evasive-or-demand",
        ),
        # "the source guy" is yourbestsource,
        ("which other car did the source dude bring up", "f30-november"),
        # and "relative to" / "in relation to" name no topic of their own.
        ("when was the memo relative to the post", "bmwna-memo-no-more"),
    ],
)
def test_round_39_chat_wordings_reach_their_entry(
    matcher_real: Matcher, question: str, entry: str
) -> None:
    assert _decided(matcher_real, question) == entry


@pytest.mark.parametrize(
    "question",
    [
        # Round 39: what dealers charge ("slap a markup", "charging markups") is never covered,
        "did dealers slap a markup on 1ms",
        "are dealers charging markups on the 1m",
        # and a memo that "goes out" is sent: the memo entry gives no exact date.
        "what exact date did the bmwna dealer memo go out",
    ],
)
def test_round_39_uncovered_wordings_are_declined(matcher_real: Matcher, question: str) -> None:
    assert _decided(matcher_real, question) is None


@pytest.mark.parametrize(
    "question",
    [
        # Round 40: a yes/no question reporting "how many" or "what it would cost" wants a
        # figure or a price, which the entry on the person asked about does not give.
        "did brian watts ever tell anyone how many cars the states would get",
        "did the blog say what the gp would cost today",
        # A figure a story passes on that no answer states is what a claim check asks about.
        "my cousin swears bmwna told dealers they'd get 1200 more. is that for real",
        # "what day" wants a day; a month or a year does not give one.
        "what day did the blog post the 600 figure",
        # "is that normal" weighs the story's claim, which is about something else.
        "my neighbours pickup squeals when he brakes and the shop quoted 700 for new pads. is that"
        " normal",
    ],
)
def test_round_40_near_domain_questions_are_declined(matcher_real: Matcher, question: str) -> None:
    assert _decided(matcher_real, question) is None


def test_round_40_who_actually_wrote_the_unsigned_reply(matcher_real: Matcher) -> None:
    # An adverb of emphasis leaves "wrote" the deed asked about; the unsigned reply to
    # yourbestsource holds it as a keyword, as the other unsigned comments do.
    assert _decided(matcher_real, "so who actually wrote the answer to yourbestsource") == (
        "blog-reply-ybs"
    )
    assert _decided(matcher_real, "what day did the memo go out") == "bmwna-memo-no-more"


def test_a_commenter_handle_in_lower_case_names_the_commenter() -> None:
    matcher = _small(
        [
            (
                "brakes",
                '"what did the commenter say about the brakes", "are the brakes good"',
                "Commenter wheelnut said the brakes fade after three hard stops.",
            ),
            (
                "tyres",
                '"what tyres does it run"',
                "The blog said it runs summer tyres from the factory.",
            ),
        ],
        claimants={"brakes": "wheelnut (reader comment)"},
    )
    # A handle written only in lower case is a name: "which commenter" finds the entry that
    # says who wrote it, as it would a capitalised name.
    assert "wheelnut" in matcher._handles
    assert best(matcher, "which commenter said the brakes fade") == "brakes"


def test_a_handle_also_written_with_a_capital_is_left_to_the_names_rule() -> None:
    matcher = _small(
        [
            (
                "site-figure",
                '"what figure did the site give"',
                "SpeedSite said 300 cars, and commenter speedsite repeated it.",
            )
        ],
        claimants={"site-figure": "speedsite (reader comment)"},
    )
    assert "speedsit" not in matcher._handles and "speedsite" not in matcher._handles


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # Round 43's synonyms: a "holdup" is the constraint, a "fake" limit an artificial one,
        # a "strange" rumour an odd one, "details" the specifics the bmwblog commenter withheld.
        ("so whats the real holdup on making more 1ms", "production-limit-causes"),
        ("my mate reckons the cap is fake, what did the blog say", "production-limit-causes"),
        ("why did the blog find the 5000 rumour strange", "doubling-rumor"),
        ("did bmwblog give details", "bmwblog-600-official-dealers"),
        # Topics the sources never cover: an engine's size, the plant of a named maker.
        ("whats the engine displacement on the n54", None),
        ("which bmw plant are 1ms built in", None),
    ],
)
def test_round_43_phrasings_reach_their_entry_or_none(
    matcher_real: Matcher, question: str, entry: str | None
) -> None:
    assert best(matcher_real, question) == entry


def test_a_claimant_named_in_lower_case_is_a_speaker(matcher_real: Matcher) -> None:
    # Follow-up round 22: "bmwblog (reader comment)" speaks, though the answers also write
    # "bmwblog" in lower case (Gar's "bmwblog safety zone"), so it is no name term: "what did
    # bmwblog say" is what the commenter posting as bmwblog said.
    assert "bmwblog" in matcher_real._speakers
    answered = _decided(matcher_real, "what did bmwblog say under the article")
    assert answered in ("us-600-bmwblog", "bmwblog-600-official-dealers")


@pytest.mark.parametrize(
    "question",
    [
        # Follow-up round 22: the sources give no calendar date for anything and no article's
        # title (knowledge groups "calendardate" and "articletitle").
        "on what specific date did bmwna deny the change",
        "what publish date does the doubling post have",
        "what was the headline of the new york times piece",
    ],
)
def test_round_22_uncovered_dates_and_titles_are_declined(
    matcher_real: Matcher, question: str
) -> None:
    assert _decided(matcher_real, question) is None


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # Round 46: a verb of arriving in a "how many" question is no deed the entry must say
        # of the market it names.
        ("how many 1ms came to australia", "aus-received-125"),
        ("how many of those gps landed in the us", "gp-414-us"),
        # A sentence supposing the case ("let's SAY bmw builds another batch") gives the topic
        # the next question asks about in full.
        (
            "let's say bmw builds another batch after this run. would that be a big deal cost wise",
            "new-molds-reinvest",
        ),
    ],
)
def test_round_46_arrivals_and_suppositions_reach_their_entry(
    matcher_real: Matcher, question: str, entry: str
) -> None:
    assert best(matcher_real, question) == entry


def test_right_weighs_a_claim_of_the_story_as_true_does(matcher_real: Matcher) -> None:
    # Round 46: "who's RIGHT" after two views asks which claim of the story holds; it names no
    # person, so the entry on who Dr. Segler is no longer answers it.
    question = (
        "my uncle reckons the run is capped on purpose for hype, my brother says its about the"
        " molds. who's right according to the blog"
    )
    assert best(matcher_real, question) != "who-is-segler"


def test_round_49_a_year_is_no_month() -> None:
    # "what year" wants a year: an answer giving only a month ("from March") does not say it.
    assert "year" in answer_kinds(["from", "2011"])
    assert "year" not in answer_kinds(["from", "march"])
    assert "date" in answer_kinds(["from", "march"])


def test_round_49_asking_sentences_pointing_back_do_not_vouch_alone(
    matcher_real: Matcher,
) -> None:
    # "... which site put THAT FIGURE out first": the asking sentence alone names no figure, so
    # the entry it leads with alone is not as sure as it makes it; the story says which figure.
    story = "my brother swears the 414 figure was made up by some forum guy for clicks. "
    asked = "which site actually put that figure out first?"
    whole = matcher_real.read(story + asked).best
    alone = matcher_real.read(asked).best
    assert whole is not None and alone is not None
    assert whole.score < alone.score


@pytest.mark.parametrize(
    "question",
    [
        # Round 49: how many someone SAID must come from that one (Segler gave no figure; the
        # GP's 414 is the blog's).
        "how many did dr segler say they would make",
        # Who a commenter is behind the handle, or where someone works, is never said
        # (knowledge group "realidentity").
        "gar seems bitter, does anyone know who he really is",
        "the goat commenter, does anyone know where he works",
        # "OF WHAT YEAR": yourbestsource's rate gives a month only.
        "the production start in march, march of which year",
    ],
)
def test_round_49_what_the_sources_do_not_say_is_declined(
    matcher_real: Matcher, question: str
) -> None:
    assert _decided(matcher_real, question) is None


def test_round_48_a_handle_written_with_capitals_inside_names_a_site() -> None:
    matcher = _small(
        [
            (
                "site-figure",
                '"what figure did the site give"',
                "SpeedSite said 300 cars, and commenter speedsite repeated it.",
            ),
            (
                "mag-figure",
                '"which magazine printed the figure first"',
                "A magazine printed the 300 figure first, the blog said.",
            ),
        ],
        claimants={"site-figure": "speedsite (reader comment)"},
    )
    # Left to the names rule as a handle (it is written capitalised too), but the names rule
    # misses it (it is written in lower case too): a brand, which answers "which OUTLET".
    assert "speedsit" not in matcher._handles and "speedsit" in matcher._brands
    query = matcher._query("which site gave the figure")[0]
    site = [e.id for e in matcher._entries].index("site-figure")
    assert matcher._naming(query, brands=True)[site]  # "which site": it names one
    assert not matcher._naming(query)[site]  # "who": a site's name is no person's


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # Round 48: "which OUTLET" wants a name, and BMWBlog is one (the site), though the
        # commenter posting as bmwblog writes it in lower case.
        ("which outlet first put the 600 figure out", "us-600-bmwblog"),
        ("which publication came up with the 600 number", "us-600-bmwblog"),
        # "WHO at bmwna": a person, which the site's name is not (conversations13's decline).
        ("who at bmwna did bmwblog talk with", None),
        # The asker's hedges ("i BET", "i ASSUME") and "stuck with" unsold cars.
        ("bet the dealers got stuck with those gps", "gp-sold-out"),
        ("i reckon dealers got stuck with loads of gps", "gp-sold-out"),
        # "what TIMEFRAME": how long, as "how long" asks it.
        ("what timeframe did the blog put on values leveling out", "value-prediction"),
    ],
)
def test_round_48_indirect_wordings_reach_their_entry_or_none(
    matcher_real: Matcher, question: str, entry: str | None
) -> None:
    assert _decided(matcher_real, question) == entry


def test_round_48_explain_what_they_meant_asks_about_the_story(matcher_real: Matcher) -> None:
    # "can someone EXPLAIN what they MEANT" weighs the story's claim and names no topic of its
    # own: the entry holding "meant" among its keywords no longer answers it.
    question = (
        "one bit of the follow-up lost me, something about bmw needing to sell another 2500 to"
        " hit the profit goals. can someone explain what they meant"
    )
    assert best(matcher_real, question) != "aus-evasive-or-demand"


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # Follow-up round 26: "down the line", "in the long run" are time ahead (the resale
        # forecast), not a production line.
        ("are 1ms a good buy down the line", "value-prediction"),
        ("what will used ones be worth down the line", "value-prediction"),
        # How popular a car was asks how it was received (the GP split enthusiasts).
        ("how popular was the gp when it launched", "gp-polarised"),
    ],
)
def test_follow_up_round_26_phrasings_reach_their_entry(
    matcher_real: Matcher, question: str, entry: str
) -> None:
    assert _decided(matcher_real, question) == entry


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # Round 50: "before X SPOKE UP / WEIGHED IN" is before X's official word (knowledge
        # group "official"): the rumoured figure, not the official one.
        (
            "what figure were people rumouring for oz before bmw australia weighed in",
            "aus-rumour-100",
        ),
        ("how many did the aussie rumour say, before bmw aus spoke", "aus-rumour-100"),
        # A limit kept up to make the car look rare is the "artificial limit" the blog denies
        # (knowledge group "artificial"): a marketing ploy, keeping it rare.
        (
            "honestly is the low build number just a marketing ploy by bmw",
            "production-limit-causes",
        ),
        ("do they cap 1m output only to keep it rare", "production-limit-causes"),
    ],
)
def test_round_50_paraphrases_of_the_knowledge_reach_their_entry(
    matcher_real: Matcher, question: str, entry: str
) -> None:
    assert _decided(matcher_real, question) == entry


def test_round_53_a_percentage_is_a_kind_of_answer() -> None:
    # "what residual value %": only an answer giving a share holds one; a plain figure does not.
    assert "percent" in answer_kinds(["he", "100", "sure"], "He was (100%) sure.")
    assert "percent" in answer_kinds(["15", "percent", "off"], "15 percent off")
    assert "percent" not in answer_kinds(["loses", "a", "little", "value"], "loses a little value")
    assert "percent" not in answer_kinds(["600", "cars"], "600 cars")


def test_round_53_who_would_win_is_no_wish_for_the_race(matcher_real: Matcher) -> None:
    # Mr. Mowse wished for a showdown with the Cayman S; who would win it the sources never say.
    assert best(matcher_real, "would a 1m beat a cayman s in a showdown") is None


def test_round_53_what_was_said_on_the_podcast_is_no_post_of_its_makers(
    matcher_real: Matcher,
) -> None:
    # The sources say the blog speculated on its podcast, never what it said there: the entry
    # on who runs the BimmerCast does not answer what was said on it.
    assert best(matcher_real, "what did they say about segler on the podcast") is None


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("the 1m leaping away at every light, who credited that and to what", "goat-torque"),
        ("who gets the credit for the gp", "gp-segler-track-record"),
    ],
)
def test_round_53_credit_for_a_cause_or_a_success_is_a_keyword(
    matcher_real: Matcher, question: str, entry: str
) -> None:
    # goat put the 1M's getaways down to torque; the blog credits the GP's success to Segler.
    assert best(matcher_real, question) == entry


def test_round_53_whether_a_commenter_works_at_a_dealer_is_never_told(
    matcher_real: Matcher,
) -> None:
    # The sources give commenters' handles, never where one works: "work at a dealership" is
    # the uncovered group of who someone really is, so goat's comment does not answer it.
    assert best(matcher_real, "does goat work at a dealership") is None


def test_round_52_a_month_is_a_kind_of_answer_a_year_is_not() -> None:
    # "what month AND year": a year alone does not say it; "from March" gives the month.
    assert "month" in answer_kinds(["from", "march"])
    assert "month" not in answer_kinds(["in", "2011"])


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # "Insider guy" is yourbestsource (who claimed a schedule "just shared with us"): what
        # he claimed is his figures, not only how sure he was.
        ("that insider guy, what did he claim", "ybs-monthly-rate"),
        # "Dodging / ducking the question" is the evasiveness the Australian reader suspected.
        ("was bmw oz just ducking the question on their numbers", "aus-evasive-or-demand"),
    ],
)
def test_round_52_paraphrases_of_the_knowledge_reach_their_entry(
    matcher_real: Matcher, question: str, entry: str
) -> None:
    assert _decided(matcher_real, question) == entry


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # Round 54: the footage is offered as proof of how fast the 1M is (group "proof").
        ("so what is the uk footage supposed to prove", "video-1-50-mark"),
        # A detailer is no dealer: the Arizona dealer's three cars do not answer it.
        ("anybody know a good detailer near mesa", None),
        # "did he give a price": an answer must state one.
        ("did watts quote a price for the 1m", None),
        # "which of the articles": the entry need not hold "article" (its source says which).
        ("which of the articles mentions the x1", "x1-alongside"),
    ],
)
def test_round_54_questions_reach_their_entry_or_none(
    matcher_real: Matcher, question: str, entry: str | None
) -> None:
    assert _decided(matcher_real, question) == entry


def test_round_54_the_n54_answer_says_it_is_still_compliant(matcher_real: Matcher) -> None:
    # "is the n54 still emissions legal": the answer says it still is (the source's "remains").
    ranked = matcher_real.rank("is the n54 still smog legal after 2011")
    assert ranked[0].entry.id == "n54-emissions"
    assert "still emissions-compliant" in ranked[0].entry.answer


def test_round_55_whether_a_forecast_held_is_not_the_forecast(matcher_real: Matcher) -> None:
    # The blog forecast that values would stabilise; whether they did, no source says.
    assert best(matcher_real, "did used prices actually level off like the blog said") is None


def test_round_55_who_wrote_an_article_is_no_blog_it_came_from(matcher_real: Matcher) -> None:
    # No source names the writer of any article; the entry on the blog behind the BimmerCast
    # names no person.
    assert best(matcher_real, "who wrote the bmwblog piece on the 600 cars") is None


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("how many 1ms did the states end up with in total", None),  # only rumoured figures
        ("how many did oz end up with in total", "aus-received-125"),  # a settled count
    ],
)
def test_round_55_a_count_in_the_end_takes_a_settled_fact(
    matcher_real: Matcher, question: str, entry: str | None
) -> None:
    assert best(matcher_real, question) == entry


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # Round 56: "higher or LOWER": the other side of the comparison is no topic, nor is
        # settling a bet (together they leave the Australian count asked).
        (
            "going by the later post, was the australian allocation higher or lower than the "
            "first rumour? trying to settle a bet with a mate",
            "aus-received-125",
        ),
        # "the schedule dude" is yourbestsource, who posted the production schedule.
        ("what did the schedule dude say about the f30", "f30-november"),
    ],
)
def test_round_56_questions_reach_their_entry(
    matcher_real: Matcher, question: str, entry: str
) -> None:
    assert _decided(matcher_real, question) == entry


def test_follow_up_round_31_a_commenter_on_the_clip_is_asked_about_by_its_name(
    matcher_real: Matcher,
) -> None:
    # Follow-up round 31: goat's comment is on the clip ("squirting away from every light"),
    # so asking what he made of the footage reaches it.
    assert _decided(matcher_real, "how did goat react to the footage") == "goat-torque"


def test_follow_up_round_31_bmws_other_m_cars_to_come_are_no_topic(matcher_real: Matcher) -> None:
    # Follow-up round 31: the sources say nothing of BMW's next M cars, so a question on them
    # is not answered by a claim that shares "making" or "after this".
    assert _decided(matcher_real, "whats the next m model bmw is making after this") is None


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # Round 60: a store is a dealer ("bmw store" already was).
        ("what did that one commenter's store end up getting", "arizona-dealer-three"),
        # "are we talking (about)" is a filler: "which one" asks for the market the story names.
        (
            "the blog wondered if bmw could sell a new batch without one market. which one are "
            "we talking about",
            "sell-2500-without-us",
        ),
        # "... who WROTE THAT": whoever said what the story quotes, not an entry on a writer.
        ("one commenter said the 1m pulls away at every light. who wrote that", "goat-torque"),
    ],
)
def test_round_60_questions_reach_their_entry(
    matcher_real: Matcher, question: str, entry: str
) -> None:
    assert _decided(matcher_real, question) == entry


def test_a_verdict_on_a_story_the_sources_never_tell_is_declined(matcher_real: Matcher) -> None:
    # "is that even allowed" judges the story's deed, so the story gives the topic (round 58).
    question = "my neighbour parked his boat on my lawn for a month. is that even allowed?"
    assert best(matcher_real, question) is None


def test_a_misremembered_figure_offered_beside_a_held_one_is_an_aside(
    matcher_real: Matcher,
) -> None:
    # 700 is no figure of the sources; the 600 offered with it is (round 58).
    assert best(matcher_real, "was it 700 cars for the us, or 600?") == "us-600-bmwblog"


def test_what_markup_dealers_charge_is_a_topic_never_covered(matcher_real: Matcher) -> None:
    assert best(matcher_real, "what markup do dealers usually add to a 1m") is None


def test_pointless_asks_as_is_there_any_point(matcher_real: Matcher) -> None:
    # Round 58: "is it pointless" is the phrasings' "is there any point".
    question = "would it be pointless to wait for extra us cars"
    assert best(matcher_real, question) == "bmwna-memo-no-more"


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # Round 59: a value at the time of asking takes a settled fact holding a price word
        # (used GPs near MSRP), not the blog's forecast of 1M values ...
        ("whats a 1m worth right now", None),
        ("what do second hand gps fetch today", "gp-used-values"),
        # ... and a name the asking sentence gives counts by the asking sentence's weight, so a
        # long story does not let the GP's entry answer for the 1M.
        (
            "my neighbour found a 1m on gumtree with 40k miles and a silly asking price. the "
            "blog reckoned it would sell for msrp then lose a bit. whats a 1m actually worth today",
            None,
        ),
        # "globally" names a market as "the UK" does: the US end of production is not the world's.
        ("when did they finish making 1ms globally", None),
        ("how many 1ms is bmw building globally", "molds-2500-run"),
        # The name after "or" and its fillers is an alternative too ("or JUST north america").
        ("was yourbestsource going on about worldwide or just north america", "ybs-600-per-year"),
        # Whether a forecast held, when the clause says it was one ("said it would").
        ("did the second batch wreck collector values like the blog said it would", None),
        # When a piece came out: no source dates one.
        ("when did the motoring piece on the doubling come out", None),
        # What was said about the price, not where it was said ("in that memo").
        ("did bmwna say anything about the price in that memo", None),
        # "which year": a year, which "November" does not give.
        ("which year did the f30 build begin", None),
        # "how much markup": a sum of money, which the forecast of values does not give.
        ("how much markup are dealers adding on a 1m", None),
    ],
)
def test_round_59_questions_reach_their_entry_or_none(
    matcher_real: Matcher, question: str, entry: str | None
) -> None:
    assert _decided(matcher_real, question) == entry


def test_round_61_a_market_scope_asked_needs_an_entry_that_holds_it() -> None:
    matcher = _small(
        [
            (
                "us-cut-off",
                '"when does us production of the coupe end", "is the coupe built past 2013"',
                "BMW said it will not build the coupe for the US beyond 2013.",
            ),
            (
                "sales-head",
                '"who heads the sales team", "who runs sales"',
                "Jo Bloggs heads the worldwide sales team.",
            ),
        ]
    )
    assert best(matcher, "when does us production of the coupe end") == "us-cut-off"
    # Worldwide, not the US: the entry on the US cut-off does not say.
    assert best(matcher, "when does production of the coupe end worldwide") is None
    assert best(matcher, "who runs the worldwide sales team") == "sales-head"


def test_round_61_a_summary_of_the_sources_is_no_settled_count() -> None:
    matcher = _small(
        [
            (
                "summary",
                '"what is this about", "give me the rundown", "how many coupes will canada get"',
                "I cover the posts on the coupe, a report that Canada would get only 300 coupes, "
                "and a memo saying no more coupes would be built for Canada.",
            ),
        ],
        claimants={"summary": "the bot (summary of the sources)"},
    )
    assert best(matcher, "give me the rundown") == "summary"
    assert best(matcher, "how many coupes will canada get") == "summary"
    # The count in the end: the summary only relays a reported figure.
    assert best(matcher, "how many coupes did canada end up getting in the end") is None


def test_round_62_a_name_spoken_to_weighs_as_an_aside() -> None:
    matcher = _small(
        [
            (
                "quill-sure",
                '"how sure is quillfeather", "is quillfeather reliable"',
                "Quillfeather claimed to be certain of the delivery dates.",
            ),
            (
                "reply-quill",
                '"did anyone reply to quillfeather"',
                "Grimble replied to quillfeather that the delivery dates could slip.",
            ),
        ],
        claimants={
            "quill-sure": "quillfeather (reader comment)",
            "reply-quill": "grimble (reader comment)",
        },
    )

    def weight(question: str) -> float:
        return next(t.weight for t in matcher._query(question)[0] if t.stem == "quillfeath")

    full = weight("why did quillfeather say the dates could slip")
    # Replied or told to: the one spoken to is not whose claim is asked, it weighs half.
    assert weight("what did the reply to quillfeather say") == pytest.approx(full / 2)
    assert weight("why did somebody tell quillfeather the dates could slip") == pytest.approx(
        full / 2
    )
    # A speaker named told it: what passed between the two is asked, the name weighs in full.
    assert weight("what did grimble tell quillfeather") == pytest.approx(full)


def test_round_62_make_that_causes_a_change_is_no_production_word() -> None:
    matcher = _small(
        [
            (
                "ovens",
                '"how many loaves do they bake", "loaf production numbers"',
                "The bakery makes about 300 loaves a day.",
            ),
            (
                "reply-prices",
                '"did anyone reply about the prices"',
                "A reply said prices could change with the price of flour.",
            ),
        ],
        synonyms="synonyms:\n  - [production, make, made, bake]\n",
    )

    def stems(question: str) -> set[str]:
        return {t.stem for t in matcher._query(question)[0]}

    # "make" causes the change: it asks nothing of production.
    assert "product" not in stems("what did the reply say could make the prices change")
    assert best(matcher, "what did the reply say could make the prices change") == "reply-prices"
    # Making loaves is production.
    assert "product" in stems("how many loaves do they make")


def test_round_62_a_take_on_something_is_an_opinion_of_it(matcher_real: Matcher) -> None:
    # "the blog's TAKE ON" is its stance on, no take held by an entry's own phrasing: how a 1M
    # keeps its value over the years is the blog's forecast, not what more production would do.
    question = "whats the blogs take on how a 1m keeps its value over the years"
    assert best(matcher_real, question) == "value-prediction"


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # Round 64: the Nurburgring alone is a place a guess may name ("... at the nurburgring"),
        # not the lap time no source gives, which "nurburgring lap time" still asks.
        ("did they meet watts at the nurburgring", "who-is-watts"),
        ("whats the 1m's nurburgring lap time", None),
        # "The rest of the world" is one term: "the rest of it" asks for no market.
        ("what about the rest of it", None),
        ("what about 1m sales in the rest of the globe", "doubling-verdict"),
        # Topics no source covers: the colours on offer, the emissions standard met, the
        # blog's name (the blog behind the BimmerCast is still who wrote the posts), a person's
        # own car.
        ("was white the only colour the 1m was sold in", None),
        ("what emissions standard does the n54 meet", None),
        ("what is the name of this blog", None),
        ("which blog wrote the doubling post", "bimmercast-blog"),
        ("does segler have his own 1m", None),
        # ... the plant that builds a car, however it is named, and what markup is normal.
        ("whats the production plant for the x1", None),
        ("is that a usual markup for a 1m", None),
        # "Why can't they JUST BUILD MORE" asks what holds production back, after a story too.
        (
            "my whole forum is begging bmw for cars. why cant they just build more of these",
            "production-limit-causes",
        ),
    ],
)
def test_round_64_knowledge_reads_these_as_the_sources_allow(
    matcher_real: Matcher, question: str, entry: str | None
) -> None:
    assert best(matcher_real, question) == entry


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # Ninth audit: the blog says the N54 stays emissions-compliant in the US after 2011, so
        # "emissions standards" alone is its topic; only WHICH standard is never covered.
        ("will the n54 keep meeting us emissions standards beyond 2011", "n54-emissions"),
        ("which emission standards does the n54 pass", None),
        # Where Michael's CA works (a large Arizona dealership) is in the sources: bare
        # "work at" no longer names a topic never covered.
        ("does the CA michael mentioned work at a big dealership", "arizona-dealer-three"),
        ("what dealer does michael work at", None),
        # Watts works for BMW, as its head of worldwide M marketing and sales.
        ("so where does watts work", "who-is-watts"),
    ],
)
def test_ninth_audit_topics_the_sources_do_cover_are_answered(
    matcher_real: Matcher, question: str, entry: str | None
) -> None:
    assert best(matcher_real, question) == entry


def test_round_64_which_or_what_dealership_asks_for_a_name_no_entry_gives(
    matcher_real: Matcher,
) -> None:
    # No answer names a dealership: "the CA's dealership in Arizona" gives its state, not its
    # name, so a question asking which one is declined, offered guesses or not.
    assert best(matcher_real, "which dealership in arizona gets the 3, tempe or mesa?") is None
    assert best(matcher_real, "what dealership does gabe work at") is None


def test_round_64_a_figure_the_asker_wants_checked_is_set_right(matcher_real: Matcher) -> None:
    # "... 750 ... right": the misremembered figure no entry holds is an aside, and only an
    # entry giving a figure can set it right (BMWBlog's 600).
    assert best(matcher_real, "the us is getting 750 1ms right") == "us-600-bmwblog"


def test_round_65_a_market_only_in_a_claimants_title_gives_no_count() -> None:
    matcher = _small(
        [
            (
                "iceland-rumour",
                '"who started the doubling rumour", "what did the iceland sales head say"',
                "The head of bread sales for Iceland said the bakery would double output from"
                " 300 to 600 loaves.",
            ),
            ("norway-count", '"how many loaves does norway get"', "Norway gets 40 loaves."),
        ]
    )
    # Iceland is the place of a title: the rumour gives no count of Iceland's loaves.
    assert best(matcher, "how many loaves does iceland get") is None
    # Asked of the one with the title, the rumour's count answers.
    assert best(matcher, "how many loaves did the iceland sales head say") == "iceland-rumour"
    assert best(matcher, "how many loaves does norway get") == "norway-count"


@pytest.mark.parametrize(
    "question",
    [
        "is nz part of the 125 australian cars",  # another market ("nz", "kiwi")
        "which manufacturing plant turns out the 1m",  # a plant, never named
        "was white the only colour you could order",  # paint options, never listed
        "what emissions standard does the n54 meet",  # only that it stays compliant
        "what dealer does michael work at",  # where someone works, never said
    ],
)
def test_round_65_topics_the_sources_never_cover_are_declined(
    matcher_real: Matcher, question: str
) -> None:
    assert best(matcher_real, question) is None


def test_round_70_names_only_the_story_gives_count_when_the_question_names_none() -> None:
    matcher = _small(
        [
            (
                "oslo-rumour",
                '"what did the oslo sales head say", "who said output would double"',
                "The head of sales in Oslo told a magazine that the bakery would double its"
                " output.",
            ),
            (
                "bergen-word",
                '"what did the bergen office tell the blog", "does bergen get more loaves"',
                "The Bergen office told the blog that nothing would change for Bergen's loaves.",
            ),
        ]
    )
    # The question names Bergen: Oslo, named only in the story that led to it, is not asked of
    # the answer (without the rule the Bergen entry was halved for lacking Oslo: declined).
    told = (
        "everyone on my forum swears the oslo guy promised double. i dont buy it. what did the"
        " bergen office tell the blog"
    )
    assert best(matcher, told) == "bergen-word"
    # A question naming nothing of its own still takes its topic from the story's names.
    assert best(matcher, "the oslo guy promised double. what did he actually say") == "oslo-rumour"


def test_round_70_a_question_naming_none_takes_the_names_of_the_last_story_sentence() -> None:
    matcher = _small(
        [
            (
                "anna-guess",
                '"what did anna guess the van was", "who guessed the van"',
                "Reader Anna guessed from its sound that the van filming the bus was a Saab.",
            ),
            (
                "volvo-plant",
                '"where does volvo build the van"',
                "The van is built by Volvo in Ghent.",
            ),
        ]
    )
    # "what did she think": the question points back at the last one the story told of (Anna);
    # Volvo, named in the asker's own scene before, is not asked of the answer (without the rule
    # the Anna entry was halved for lacking Volvo: declined).
    told = (
        "my uncle is a huge volvo fan and he got all defensive lol. one of the readers guessed"
        " the van, anna i think. what did she think it was"
    )
    assert best(matcher, told) == "anna-guess"
    # Told in one sentence, both names stay asked of the answer: none holds both.
    assert (
        best(matcher, "a volvo fan told me anna guessed the van. what did she think it was") is None
    )


def test_round_70_shifty_is_evasive(matcher_real: Matcher) -> None:
    # "Shifty" read as "shift" (a change of numbers); it is the reader's "deliberately evasive".
    question = "why would bmw australia be so shifty about its numbers"
    assert best(matcher_real, question) == "aus-evasive-or-demand"


def test_round_69_a_year_past_every_forecast_is_after_the_sources() -> None:
    matcher = _small(
        [
            (
                "loaf-prices",
                '"what will loaves cost", "will loaf prices drop"',
                "The baker expects loaf prices to settle by 2013.",
            ),
        ]
    )
    assert best(matcher, "will loaf prices drop") == "loaf-prices"
    assert best(matcher, "will loaf prices drop in 2014") == "loaf-prices"  # within the horizon
    # Well past the last year the answers name: what happened after, which none can say.
    assert best(matcher, "will loaf prices drop in 2030") is None


def test_round_68_a_bound_offered_both_ways_asks_the_figure() -> None:
    matcher = _small(
        [
            (
                "baker-sure",
                '"how sure was the baker", "was the baker certain"',
                "The baker said he was 100% sure of the bake schedule.",
            ),
            (
                "baker-rate",
                '"how many loaves a week does the baker bake", "what is the weekly bake"',
                "The baker said he bakes between 20 and 40 loaves a week.",
            ),
            ("shop-less", '"did the shop sell less rye"', "The shop sold less rye than wheat."),
        ]
    )
    # "more or less than 100": the asker's bound, neither the baker's 100% nor the shop's less
    assert best(matcher, "is the weekly bake more or less than 100") == "baker-rate"
    assert best(matcher, "how sure was the baker, 100 percent?") == "baker-sure"


@pytest.mark.parametrize(
    "question",
    [
        "what did goat do before bmw",  # career before BMW (knowledge group "careerhistory")
        "where can i hear the segler interview",  # a place to listen (knowledge group "weblink")
    ],
)
def test_round_69_topics_the_sources_never_cover_are_declined(
    matcher_real: Matcher, question: str
) -> None:
    assert best(matcher_real, question) is None


def test_round_69_until_when_asks_for_the_end_date(matcher_real: Matcher) -> None:
    # "UNTIL WHEN": the end date, as "till when" asks (knowledge group "till").
    assert best(matcher_real, "until when are 1ms built for america") == "us-not-extended-2011"


def test_round_69_a_topic_never_covered_is_told_apart(matcher_real: Matcher) -> None:
    assert matcher_real.beyond("how many did new zealand get")  # another market
    assert matcher_real.beyond("what do they go for these days")  # a value today
    assert not matcher_real.beyond("should i still go tomorrow")  # unclear, not uncovered


@pytest.mark.parametrize(
    "question",
    [
        "what region was the yearly total from the insider for",
        "which region did the yearly 600 cover per yourbestsource",
    ],
)
def test_round_68_the_yearly_schedule_names_its_region(
    matcher_real: Matcher, question: str
) -> None:
    # yourbestsource's yearly 600 was the North American schedule: the region it names
    assert best(matcher_real, question) == "ybs-600-per-year"


@pytest.mark.parametrize(
    "question",
    ["has bmw cancelled the 1m for america", "did they cancel us production of the 1 series m"],
)
def test_round_68_cancelling_is_ending(matcher_real: Matcher, question: str) -> None:
    # "cancel" reads as the end group: the answer corrects the premise (US production is not
    # extended beyond 2011)
    assert best(matcher_real, question) == "us-not-extended-2011"


def test_round_68_what_happened_after_told_or_asked_is_declined() -> None:
    matcher = _small(
        [
            (
                "new-ovens",
                '"would the bakery need new ovens", "will they reinvest in ovens"',
                "The blog reasoned that once the ovens wear out the bakery would need to reinvest"
                " in new ovens.",
            ),
            ("oven-life", '"how long do the ovens last"', "The ovens last for about 2,000 loaves."),
        ]
    )
    assert best(matcher, "did the bakery reinvest in new ovens") == "new-ovens"
    # what came after the blog's reasoning, which no entry holds: "i wanna know what happened
    # after" said beside the question, or "what happened THE NEXT day"
    told = "the oven thing makes sense but i wanna know what actually happened after."
    assert best(matcher, told + " did the bakery reinvest in new ovens") is None
    later = "what really happened the next day, did they reinvest in new ovens"
    assert best(matcher, later) is None


def test_round_68_a_share_out_of_a_whole_asks_the_share() -> None:
    matcher = _small(
        [
            (
                "bakery-total",
                '"how many loaves does the bakery bake a year", "whats the bakery total"',
                "The bakery said it bakes around 600 loaves a year in total for the town.",
            ),
            ("cafe-open", '"when does the cafe open"', "The cafe opens at 8."),
        ]
    )
    assert best(matcher, "how many loaves does the bakery bake in total") == "bakery-total"
    # "OUT OF THE BAKERY TOTAL": the whole the shop's share is part of, which no entry divides
    asked = "how many loaves does the north street shop get out of the bakery total"
    assert best(matcher, asked) is None


@pytest.mark.parametrize(
    "question",
    [
        "did the cafe end up with more than 30 loaves or less in the end",
        "did the cafe end up with more or less than 30 loaves in the end",
    ],
)
def test_round_68_a_bound_both_ways_at_the_end_asks_the_count_given(question: str) -> None:
    matcher = _small(
        [
            (
                "cafe-got",
                '"how many loaves did the cafe get", "how many loaves did the cafe end up with"',
                "The blog's later post said the cafe received 40 loaves.",
            ),
            ("cafe-open", '"when does the cafe open"', "The cafe opens at 8."),
        ]
    )
    # more or less than a bound "in the end": which count the posts give, not what came after
    assert best(matcher, question) == "cafe-got"
    assert best(matcher, "did the cafe end up with more than 40 loaves in the end") is None


def test_round_68_the_gp_was_sold_with_no_options(matcher_real: Matcher) -> None:
    # the source's own terms ("priced aggressively with no options"), which a reader asking
    # whether it came with any finds in the answer
    ranked = matcher_real.rank("could a jcw gp be ordered with extras")
    assert ranked[0].entry.id == "gp-price-options-manual"
    assert "with no options" in ranked[0].entry.answer


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # Tenth audit: how the 1M shifts is never covered; "shift" alone drew the unsigned reply
        # to yourbestsource (numbers that can shift) or MINI selling ("shifting") every GP.
        ("does the 1m shift nicely", None),
        ("is the shifter on the 1m any good", None),
        ("could those numbers shift if demand moves", "blog-reply-ybs"),
    ],
)
def test_tenth_audit_how_the_1m_shifts_is_never_covered(
    matcher_real: Matcher, question: str, entry: str | None
) -> None:
    assert best(matcher_real, question) == entry


def test_holders_are_the_entries_holding_a_word_anywhere_in_file_order() -> None:
    matcher = _small(
        [
            ("rye-asked", '"is the rye good"', "The shop sells bread."),
            ("none", '"is the shop open"', "The shop opens at nine."),
            ("rye-told", '"what does the baker bake"', "The baker bakes rye on Mondays."),
        ]
    )
    # In a phrasing or only in an answer, read as typed (no spelling fix), in file order.
    assert matcher.holders("rye") == [0, 2]
    assert matcher.holders("ryes") == [0, 2]  # the same stem
    assert matcher.holders("croissant") == []


def _similarity_by_list(
    matcher: Matcher, index: int, found: dict[int, float], total: float
) -> float:
    terms, start, end = matcher._pair_term, matcher._pair_at[index], matcher._pair_at[index + 1]
    shared: dict[int, float] = {}
    for term, held in found.items():
        k = bisect_left(terms, term, start, end)
        if k < end and terms[k] == term:
            for p in matcher._pair_rows[matcher._rows_at[k] : matcher._rows_at[k + 1]]:
                shared[p] = shared[p] + held if p in shared else held
    if not shared:
        return 0
    return 2 * max([s / (total + matcher._row_weight[p]) for p, s in shared.items()])


def test_the_nearest_phrasing_is_found_as_the_greatest_of_a_list(matcher_real: Matcher) -> None:
    """(perf16) The phrasing comparison keeps the greatest as it goes, with no list."""
    rng = random.Random(16)
    weights = matcher_real._weight
    for _ in range(400):
        index = rng.randrange(len(matcher_real.knowledge.entries))
        start, end = matcher_real._pair_at[index], matcher_real._pair_at[index + 1]
        held = rng.sample(list(matcher_real._pair_term[start:end]), min(4, end - start))
        other = rng.sample(range(len(weights)), 3)
        found = {term: weights[term] * rng.choice((1.0, 0.5, 0.3)) for term in held + other}
        total = sum(found.values()) + rng.choice((0.0, 1.5))
        assert matcher_real._similarity(index, found, total) == _similarity_by_list(
            matcher_real, index, found, total
        )


def test_round_71_a_us_state_no_answer_names_is_a_topic_never_covered() -> None:
    matcher = _small(
        [
            (
                "loaf-shops",
                '"how many loaves does a shop get", "loaves per shop"',
                "The baker said each shop gets 2 loaves a day; one big shop in Arizona gets 3.",
            ),
        ]
    )
    assert best(matcher, "how many loaves does a shop get") == "loaf-shops"
    assert best(matcher, "how many loaves does a shop in arizona get") == "loaf-shops"  # named
    # A state no answer names, where the question asks: the sources never cover it.
    assert best(matcher, "how many loaves does a shop in oregon get") is None
    assert matcher.beyond("how many loaves does a shop in oregon get")
    # ... but where the asker is, told beside the question, is no topic of it.
    assert best(matcher, "im in oregon, how many loaves does a shop get") == "loaf-shops"


def test_round_71_the_askers_own_sentence_on_what_came_after_asks_it() -> None:
    matcher = _small(
        [
            (
                "oven-repair",
                '"did the baker fix the oven", "oven repair plans"',
                "The baker planned to fix the oven in spring.",
            ),
        ]
    )
    assert best(matcher, "did the baker fix the oven") == "oven-repair"
    # The asker wants to know what happened after: what the sources cannot tell.
    assert (
        best(matcher, "i really want to know what happened after. did the baker fix the oven")
        is None
    )
    # ... but a story sentence of someone else's is no wish of the asker's.
    assert best(matcher, "the baker told what happened after. did the baker fix the oven") == (
        "oven-repair"
    )


def test_the_people_a_text_names_are_read_from_its_words_not_from_every_claimant() -> None:
    # Fuzzing (3 December): "his 😀 settling" after an answer read every entry's claimant to
    # find whom the answer names (4.7 ms at 10,000 entries, 0.8 ms now): the claiming people
    # are found once per file, and a text is read word by word.
    claims = [(f"c{n}", f'"what did claimant {n} say"', f"Claim {n}.") for n in range(4)]
    matcher = _small(
        claims,
        claimants={
            "c0": "Dr. Quillon (a retired engineer)",
            "c1": "Brenna (reader comment)",
            "c2": "Mr. Quillon, as reported by the blog",
            "c3": "Ottoline Vance (reader comment)",  # two words: neither titled nor a handle
        },
    )
    text = "Brenna met Dr. Quillon; Ottoline too, and Quillon's friend Brennas."
    assert matcher.people_named(text) == ["quillon", "brenna"]
    assert matcher.people_named("the blog said nothing 😀") == []
    assert matcher.people_named("") == []


def test_round_73_a_successor_to_the_1m_is_no_topic(matcher_real: Matcher) -> None:
    # Round 73: the blog said the 1M likely won't be duplicated soon (special-edition M3s
    # aside); it says nothing of a model taking its place in the lineup.
    assert _decided(matcher_real, "is a successor for the 1m on the way") is None
    assert _decided(matcher_real, "whats gonna be replacing the 1m") is None
    # ... while another car like it is what the blog spoke of.
    assert _decided(matcher_real, "could bmw ever build another car like the 1m") == (
        "not-duplicated-soon"
    )


def test_round_73_what_someone_drives_is_no_topic() -> None:
    matcher = _small(
        [
            (
                "fast-lane",
                '"how can the baker drive that fast", "who lets the baker drive so fast"',
                "The baker said bakers may drive fast on market day.",
            ),
        ]
    )
    assert best(matcher, "how can the baker drive that fast") == "fast-lane"
    # The baker's own car: no answer gives it, though one says the baker may drive fast.
    assert best(matcher, "what does the baker drive") is None


def test_round_73_backing_jrob_up_is_agreeing_with_jrobusc(matcher_real: Matcher) -> None:
    # Round 73: "jrob" is JRobUSC, and backing him up or siding with him is agreeing, as
    # Michael did ("that it was I got out of that video also").
    assert _decided(matcher_real, "so who sided with jrob there") == (
        "video-trailing-car-cannot-catch-up"
    )
    assert _decided(matcher_real, "who was backing up jrob") == (
        "video-trailing-car-cannot-catch-up"
    )


def test_round_73_questioning_a_claim_is_pushing_back_on_it(matcher_real: Matcher) -> None:
    # Round 73: the unsigned reply pushed back on YourBestSource; questioning his numbers or
    # calling him out asks about that reply.
    for question in (
        "the schedule guy posted numbers, anyone questioned that?",
        "did the blog call him out on the 600 schedule",
    ):
        assert _decided(matcher_real, question) == "blog-reply-ybs"


def test_round_73_doubling_in_value_is_no_doubled_production(matcher_real: Matcher) -> None:
    # Round 73: a car doubling in value is its value rising (the blog's value forecast), not
    # the doubling rumour's effect on residuals.
    for question in ("will a 1m double its value in a few years", "do 1ms gain value"):
        assert _decided(matcher_real, question) == "value-prediction"


def test_round_73_getting_around_a_cap_is_no_rough_figure(matcher_real: Matcher) -> None:
    # Round 73: "get around" is a way past a cap (the ZHP's buyers ordered beyond 2 per
    # dealer), not the "around 100" of a hedged figure.
    assert _decided(matcher_real, "how did buyers get around the dealer cap last time") in (
        "zhp-2003-allocation",
        "zhp-same-for-1m",
    )
    assert _decided(matcher_real, "did anyone find a workaround for 2 per dealer") in (
        "zhp-2003-allocation",
        "zhp-same-for-1m",
    )


def test_round_73_a_post_put_back_is_restored(matcher_real: Matcher) -> None:
    # Round 73: the blog's update says BMWBlog's post is still there; asking whether it was
    # put back or reinstated asks that.
    for question in ("did bmwblog ever put the post back", "was the bmwblog post reinstated"):
        assert _decided(matcher_real, question) == "bmwblog-post-still-up"


def test_round_73_saying_back_is_replying(matcher_real: Matcher) -> None:
    # Round 73: what someone said or wrote back is their reply (Gabe's to bmwblog).
    for question in ("and gabe wrote back what", "what did gabe fire back with"):
        assert _decided(matcher_real, question) == "gabe-reply-next-week"


@pytest.mark.parametrize(
    "question",
    [
        # Round 74: knowledge, "a different model / bmw" is the other car yourbestsource named.
        "ybs talked about a different bmw as well?",
        "that insider commenter brought up a different model too, which one",
    ],
)
def test_round_74_a_different_model_is_the_f30(matcher_real: Matcher, question: str) -> None:
    assert _decided(matcher_real, question) == "f30-november"


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # Round 75: knowledge, a colour named for confirmation asks the clip's colour.
        ("the 1m in that clip was silver wasnt it", "video-uk-chase"),
        ("pretty sure the coupe in the footage was grey?", "video-uk-chase"),
        # ... but a colour it "comes in" is the paint on offer, never covered.
        ("does the 1m come in green", None),
        ("is the coupe offered in yellow", None),
    ],
)
def test_round_75_a_colour_named_asks_the_colour(
    matcher_real: Matcher, question: str, entry: str | None
) -> None:
    assert _decided(matcher_real, question) == entry


@pytest.mark.parametrize(
    "question",
    [
        # Round 75: knowledge, "the doubling article / post / piece" names the follow-up post,
        # the source of the answer, not the doubling rumor asked about.
        "how many cars did aus get according to the doubling piece",
        "the doubling post, what did bmw australia get in the end",
    ],
)
def test_round_75_the_doubling_article_is_the_follow_up(
    matcher_real: Matcher, question: str
) -> None:
    assert _decided(matcher_real, question) == "aus-received-125"


def test_round_76_whose_success_the_gp_was_is_segler_s_track_record(matcher_real: Matcher) -> None:
    # Round 76: knowledge, the source's "Dr. Segler's success" asked as "whose success".
    assert _decided(matcher_real, "the mini gp was whose success") == "gp-segler-track-record"


def test_round_76_bmwna_contradicting_the_doubling_is_its_denial(matcher_real: Matcher) -> None:
    # Round 76: knowledge, BMWNA's denial is the other side of the doubling rumor, so asking
    # whether BMWNA agreed with or contradicted it reaches the denial.
    assert _decided(matcher_real, "did bmwna contradict the doubling story") == "bmwna-no-change-us"


def test_round_82_any_truth_in_it_asks_whether_it_is_true(matcher_real: Matcher) -> None:
    # Round 82: knowledge, "truth" joins the words of accuracy, so "any truth to X" reads as
    # "is it true X", not as a word no entry holds that lowers every score.
    asked = "any truth to bmw building twice the 1ms"
    assert "truth" not in matcher_real.unknown(asked)
    assert matcher_real.rank(asked, 2) == matcher_real.rank(
        "is it true bmw is building twice the 1ms", 2
    )


def test_round_82_a_figure_offered_with_an_open_alternative_is_corrected(
    matcher_real: Matcher,
) -> None:
    # Round 82: "... or was it a different figure": the asker's 700 is a memory the answer
    # corrects, and the alternative's words name nothing, so BMWBlog's 600 is answered.
    asked = "did bmwblog put the us at 700 or was it a different figure"
    assert _decided(matcher_real, asked) == "us-600-bmwblog"


def test_round_82_what_a_commenter_was_going_to_say_is_declined(matcher_real: Matcher) -> None:
    # Round 82: a comment cut off mid sentence ("The driver of the chase car does not…"):
    # what its writer was going to say is no entry's, though one gives what he did say.
    assert _decided(matcher_real, "what was herr26 gonna say") is None
    assert _decided(matcher_real, "what did herr26 say") is not None


def test_round_82_a_claim_all_held_before_an_open_alternative_asks_which(
    matcher_real: Matcher,
) -> None:
    # Round 82: "is it bmwblog or some other site": every word of the claim is held, so it is
    # no misremembered detail; which site the blog is stays the question.
    assert _decided(matcher_real, "was the blog bmwblog or some other site") == "bimmercast-blog"


def test_round_81_what_was_said_in_a_conversation_is_no_topic() -> None:
    matcher = _small(
        [
            (
                "mayor-baker-talk",
                '"did the mayor tell the baker the price would change", '
                '"who did the baker talk to that week"',
                "The baker said the bread price would likely change, going by a conversation "
                "with the mayor that week.",
            ),
        ]
    )
    assert best(matcher, "who did the baker talk to that week") == "mayor-baker-talk"
    # What the mayor said in it: the answer only says the conversation took place.
    assert best(matcher, "what did the mayor tell the baker in that convo") is None


def test_round_81_what_different_information_was_is_no_topic() -> None:
    matcher = _small(
        [
            (
                "miller-reply",
                '"who replied to the baker saying they had different info", '
                '"what did the reply to the baker say"',
                "An unsigned reply thanked the baker but said it had information that was "
                "somewhat different.",
            ),
        ]
    )
    assert best(matcher, "who replied to the baker saying they had different info") == (
        "miller-reply"
    )
    # What that information was: the answer only says the reply had some.
    assert best(matcher, "what info did the reply to the baker have instead") is None


def test_round_81_a_place_an_outlet_is_from_is_no_topic_a_speaker_spoke_of() -> None:
    matcher = _small(
        [
            (
                "mill-rumour",
                '"what did the guild chief say about the mill", "who ran the mill rumour"',
                "The Dublin publication Gazette relayed a rumour from the guild chief for the "
                "North that the mill would double its output.",
            ),
            ("bread-price", '"what does bread cost"', "A loaf costs a penny."),
            ("ferry-times", '"when does the ferry run"', "The ferry runs at noon."),
        ]
    )
    assert best(matcher, "what did the guild chief say about the mill") == "mill-rumour"
    # Dublin is only where the outlet is from: the chief said nothing of Dublin.
    assert best(matcher, "what did the guild chief say about dublin") is None


def test_round_81_segler_says_the_1m_is_gone_before_you_know_it(matcher_real: Matcher) -> None:
    # Round 81: the answer quotes the source's own words for how fast the 1M would go.
    ranked = matcher_real.rank("how quickly did segler think the 1m would be gone")
    assert ranked[0].entry.id == "segler-hard-to-get"
    assert "gone before you know it" in ranked[0].entry.answer


def test_round_81_a_beginners_pick_is_a_topic_never_covered(matcher_real: Matcher) -> None:
    # Round 81: the sources give no buying advice, though the Cayman S and the 1M are named.
    assert best(matcher_real, "would a cayman s be a good first porsche") is None
    assert best(matcher_real, "is a cayman s a good first porsche for a student") is None
    # ... while whether the 1M is a good investment is the collectors-car claim
    assert best(matcher_real, "is the 1m a good investment") == "segler-collectors-car"


def test_round_81_the_exact_model_of_a_car_named_by_make_is_never_covered(
    matcher_real: Matcher,
) -> None:
    # Round 81: JRobUSC guessed only "a V8 Benz"; no source names the chase car's model.
    assert best(matcher_real, "what exact benz model was the camera car") is None
    assert best(matcher_real, "which mercedes model did the cameraman drive") is None


def test_round_81_where_decent_mileage_ends_is_never_covered(matcher_real: Matcher) -> None:
    # Round 81: the blog gives no mileage figure for "decent mileage" ...
    assert best(matcher_real, "the used gps had decent mileage, what counts as decent") is None
    # ... while what used GPs with decent mileage sold for is its claim
    assert best(matcher_real, "what were used gps with decent mileage selling for") == (
        "gp-used-values"
    )


def test_round_88_letters_without_vowels_after_a_model_code_are_its_trim() -> None:
    # "is the r5 GTS coming": the trim of a model the entries never name, weighed as the
    # unknown name "csl" is, not "gets" typed without its vowels (a stopword).
    matcher = _small(
        [
            ("r5-ferry", '"is the r5 ferry coming to dover"', "The R5 ferry comes to Dover."),
            ("mill-flour", '"where does the bakery get flour"', "The bakery gets flour there."),
        ]
    )

    def score(question: str) -> float:
        return matcher.rank(question, 1)[0].score

    assert score("is the r5 gts coming to dover") == score("is the r5 csl coming to dover")
    assert score("is the r5 gts coming to dover") < score("is the r5 coming to dover")
    # Not after a model's code, the same letters may still be that typo.
    assert score("is the r5 coming to dover, it gts busy") == score(
        "is the r5 coming to dover, it gets busy"
    )


def test_round_88_what_someone_said_about_a_phrase_reads_the_phrase() -> None:
    # "what did the baker say about GETTING YOUR HANDS ON one": the topic is the phrase the
    # synonyms read as "buy", not "hands", which another entry holds.
    matcher = _small(
        [
            ("baker-scarce", '"what did the baker say about buying rye"', "Rye is hard to buy."),
            ("shaped", '"are the loaves shaped by hand"', "The loaves are shaped by hand."),
        ],
        synonyms="synonyms:\n  - [buy, get your hands on]\n",
        claimants={"baker-scarce": "the baker"},
    )
    assert best(matcher, "what did the baker say about buying one") == "baker-scarce"
    assert best(matcher, "what did the baker say about getting your hands on one") == (
        "baker-scarce"
    )


def test_round_88_a_dip_in_value_is_the_value_prediction(matcher_real: Matcher) -> None:
    # Round 88: the blog's "lose a little value" at first, asked as a dip.
    assert best(matcher_real, "do 1ms dip in value at first") == "value-prediction"


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("fine, who is dr segler", "who-is-segler"),
        ("alright, when does us production end", "us-not-extended-2011"),
        ("whatever, how many did australia get", "aus-received-125"),
    ],
)
def test_followup_49_a_shrug_before_a_question_is_a_filler(
    matcher_real: Matcher, question: str, entry: str
) -> None:
    # Follow-up round 49: "whatever,", "ok fine,", "alright," before a question give up an
    # argument and turn to the question; read as "honestly" they no longer sink the match
    # as words the knowledge has never seen.
    assert best(matcher_real, question) == entry


@pytest.mark.parametrize("question", ["can someone sum it up", "pls sum this all up for me"])
def test_followup_49_sum_it_up_asks_for_the_summary(matcher_real: Matcher, question: str) -> None:
    # Follow-up round 49: "sum it (all) up" asks what "sum up" does, with the verb's object
    # standing between its two words.
    assert best(matcher_real, question) == "overview"


def test_followup_49_beef_is_a_complaint(matcher_real: Matcher) -> None:
    # Follow-up round 49: chat's "beef" is a complaint, as "gripe" is.
    assert best(matcher_real, "what beef did that commenter have") == "gar-invaded"


def test_followup_49_flying_and_hauling_are_going_fast(matcher_real: Matcher) -> None:
    # Follow-up round 49: chat's "they were FLYING", "the 1m was HAULING" say it went fast, as
    # "quick" does, not words the knowledge has never seen that sink the question.
    legal = "was that even legal, the 1m was hauling"
    assert best(matcher_real, legal) == "uk-authorised-high-speed-testing"


def test_round_93_what_kind_of_restates_the_question_word() -> None:
    matcher = _small(
        [
            (
                "quill-bread",
                '"what did quillfeather call the rye loaf", "quillfeather on the rye loaf"',
                "Quillfeather called the rye loaf a festival bread.",
            ),
            (
                "kinds-of-flour",
                '"how many kinds of flour are there"',
                "The bakery keeps four kinds of flour.",
            ),
        ],
        claimants={"quill-bread": "Quillfeather"},
    )

    def stems(question: str) -> set[str]:
        return {t.stem for t in matcher._query(question)[0]}

    # "what KIND of bread": the bread is asked, as "what bread" would ask it.
    assert "kind" not in stems("quillfeather called the rye loaf what kind of bread")
    assert best(matcher, "quillfeather called the rye loaf what kind of bread") == "quill-bread"
    # Kinds counted are asked.
    assert "kind" in stems("how many kinds of flour")


@pytest.mark.parametrize(
    "question", ["how much are the 1ms in the usa", "how much was a 1m for americans"]
)
def test_followup_51_how_much_asks_a_price_no_entry_speaks_of(
    matcher_real: Matcher, question: str
) -> None:
    # Follow-up round 51: "how much is X" asks a price with no word of its own; the price now
    # weighs as a word asked, so the memo on US allocations, which holds "1m" and "us" but
    # speaks of no price, no longer covers the whole question.
    assert best(matcher_real, question) is None


@pytest.mark.parametrize(
    "question",
    [
        "whats watts background before he took the sales job",
        "whats segler's background prior to running bmw m",
    ],
)
def test_followup_51_a_background_before_a_post_is_a_career_history(
    matcher_real: Matcher, question: str
) -> None:
    # Follow-up round 51: someone's "background before" or "prior to" a post asks the career
    # the sources never give, as "what did he do before bmw" does; the entry naming the post
    # held every other word and answered.
    assert best(matcher_real, question) is None


def test_round_92_the_site_that_put_out_the_600_is_bmwblog(matcher_real: Matcher) -> None:
    # Round 92: the outlet asked by what it published ("our friends at BMWBlog recently posted").
    assert best(matcher_real, "what site put the 600 number out there") == "us-600-bmwblog"


def test_round_91_a_final_count_of_the_car_is_not_one_markets_count() -> None:
    matcher = _small(
        [
            (
                "canada-received",
                '"how many coupes did canada receive", "how many coupes were sold in canada"',
                "The blog says Canada received only 80 coupes, all of them sold.",
            ),
        ]
    )
    assert best(matcher, "how many coupes did canada end up receiving") == "canada-received"
    # The count in the end of the car itself, with no market: the whole run's, which
    # Canada's count is not.
    assert best(matcher, "how many coupes got sold in the end") is None


def test_round_91_a_career_before_the_post_given_is_no_answer() -> None:
    matcher = _small(
        [
            (
                "miller-post",
                '"who is the miller", "what does the miller do"',
                "The miller is the head of the coupe's paint shop.",
            ),
        ]
    )
    assert best(matcher, "who is the miller") == "miller-post"
    # His career before that post: the sources never give it.
    assert best(matcher, "whats the miller's background before he got that post") is None


def test_round_101_a_count_of_dealers_is_no_count_one_dealer_gets(matcher_real: Matcher) -> None:
    # Round 101: the Arizona entry names an Arizona dealer and counts its 1Ms, no dealers.
    assert best(matcher_real, "how many 1ms is the arizona dealer getting") == (
        "arizona-dealer-three"
    )
    assert best(matcher_real, "how many bmw dealerships does arizona have") is None


def test_round_101_a_sprint_from_zero_is_a_spec_never_covered(matcher_real: Matcher) -> None:
    # Round 101: "0-100" is a sprint time, not Australia's rumoured 100 cars.
    assert best(matcher_real, "how quick is a 1m 0-100") is None
    assert best(matcher_real, "was australia only getting 100 1ms") == "aus-rumour-100"


def test_round_101_how_a_name_is_said_is_never_covered(matcher_real: Matcher) -> None:
    # Round 101: Mr. Mowse's Cayman S comment says nothing of how "Cayman" is said.
    assert best(matcher_real, "how do you pronounce the cayman") is None
    assert best(matcher_real, "what did mr mowse say about the cayman s") == "cayman-s-showdown"


def test_round_95_the_gp_held_up_as_a_standard_does_not_answer_for_the_1m(
    matcher_real: Matcher,
) -> None:
    # Round 95: the GP's no-options, manual-only entry is the GP's; asked of the 1M with the
    # GP as the standard ("... LIKE THE MINI GP WAS"), the sources give nothing.
    standard = "was the 1m aggressively priced like the mini gp was"
    assert best(matcher_real, "was the mini gp aggressively priced") == "gp-price-options-manual"
    assert best(matcher_real, standard) is None


def test_round_99_the_blog_named_by_its_people_is_the_blog(matcher_real: Matcher) -> None:
    # Round 99: "the BLOGGER", "the BLOG WRITER": the blog, whose posts speak for its writers.
    assert best(matcher_real, "is the blogger convinced the 600 is off or just hedging") == (
        "blog-doubts-600"
    )


def test_round_99_crying_about_something_is_complaining(matcher_real: Matcher) -> None:
    # Round 99: a commenter named by the grumble ("who was CRYING ABOUT ..."): Gar complained.
    question = "which commenter was crying about outsiders in the comments"
    assert best(matcher_real, question) == "gar-invaded"


def test_round_97_a_podcast_plugged_is_one_mentioned(matcher_real: Matcher) -> None:
    # Round 97: "plugging" reads as mentioning, and a typo of it ("pluging") as "plugging".
    assert best(matcher_real, "what pod do those writers keep plugging") == "bimmercast-blog"
    assert best(matcher_real, "what pod do those writers keep pluging") == "bimmercast-blog"


def test_round_97_the_bimmerblog_is_bmwblog(matcher_real: Matcher) -> None:
    # Round 97: "bimmer" is chat for BMW, so the site typed as "bimmerblog" is BMWBlog.
    asked = "what did the bimmerblog people say they heard from dealers"
    assert best(matcher_real, asked) == "bmwblog-600-official-dealers"


def test_round_97_how_a_name_is_said_is_never_covered(matcher_real: Matcher) -> None:
    # Round 97: "how do you pronounce X" asks about the word; the entry naming X says nothing
    # of how it is said.
    assert best(matcher_real, "how do you pronounce cayman s") is None
    assert best(matcher_real, "who expected a showdown with a cayman s") == "cayman-s-showdown"


def test_round_97_the_colour_a_buyer_ordered_is_never_covered(matcher_real: Matcher) -> None:
    # Round 97: no reader gives the colour of the car they ordered; the video's white car is
    # no answer to it.
    assert best(matcher_real, "which colour did the readers say they ordered theirs in") is None


def test_round_98_buying_a_figure_asks_whether_it_is_believed(matcher_real: Matcher) -> None:
    # Round 98: "does the blog BUY the number": whether it believes it, not a purchase.
    assert best(matcher_real, "does the blog buy the number or not") == "blog-doubts-600"
    assert best(matcher_real, "do they even buy the 600 figure") == "blog-doubts-600"


def _claim_and_verdict(linked: bool) -> Matcher:
    """Return a matcher over a rumour and a verdict on it, linked to it or not."""
    text = "sources:\n  - {id: s, title: T, outlet: O, kind: article}\nentries:\n"
    for key, questions, answer, status, related in [
        (
            "wagon-rumour",
            '"is a wagon coming", "will there be a wagon version"',
            "A magazine reported a rumour that a wagon version of the coupe is coming soon.",
            "rumor",
            "",
        ),
        (
            "wagon-verdict",
            '"is the wagon rumour true", "who says a wagon is coming, is it believable"',
            "The blog called the wagon rumour wishful thinking and said no wagon version of the"
            " coupe would be built.",
            "opinion",
            "wagon-rumour" if linked else "",
        ),
        (
            "filler",
            '"what is the blog", "who writes the blog"',
            "The blog runs a podcast.",
            "fact",
            "",
        ),
        ("filler-two", '"what is the podcast called"', "The podcast has a name.", "fact", ""),
    ]:
        text += (
            f"  - id: {key}\n    questions: [{questions}]\n    answer: {answer}\n"
            f"    status: {status}\n    claimed_by: the blog\n    sources: [s]\n"
        )
        if related:
            text += f"    related: [{related}]\n"
    return Matcher(parse_knowledge(text, "small.yaml"))


def test_round_111_a_question_with_no_topic_is_read_as_its_story(matcher_real: Matcher) -> None:
    # "... IS THAT NORMAL": the question names no topic and the whole message falls below the
    # threshold; the story names one dealer getting one car, and is what is asked.
    question = (
        "honestly im 31, i drive a beat up civic and ive been saving every bonus for a 1m. my"
        " dealer reckons they got maybe one car. is that normal"
    )
    found = matcher_real.read(question).best
    assert found is not None and found.entry_id == "two-per-dealer-math"
    assert found.score >= matcher_real.threshold
    # a detail the sources never give ("whats his actual NAME") is not lent the story's topic
    found = matcher_real.read(
        "the doubling rumour came from some m sales boss in asia via an aussie mag. i want to"
        " look up the interview with him. whats his actual name"
    ).best
    assert found is None or found.score < matcher_real.threshold


def test_round_111_a_figure_no_source_gives_lends_no_story(matcher_real: Matcher) -> None:
    # "... they would get 900 more cars. is that normal": a figure no entry holds makes the
    # claim a near trap's; without it the memo answers the story.
    story = "my neighbour swears bmwna told the dealers they would get {}more cars. is that normal"
    found = matcher_real.read(story.format("900 ")).best
    assert found is None or found.score < matcher_real.threshold
    assert best(matcher_real, story.format("")) == "bmwna-memo-no-more"


@given(
    st.lists(st.integers(0, 6), min_size=1, max_size=60),
    st.sampled_from([1, 2, 12, 20]),
    st.booleans(),
)
def test_the_top_scores_are_the_highest_with_ties_to_the_earlier(
    scored: list[int], count: int, among_some: bool
) -> None:
    # made-up coverages with many ties, as real ones have: the leaders are the ``count``
    # highest, ties going to the earlier position, whether found by steps or by a partition
    scores = np.array(scored, dtype=np.float64) / 4
    among = np.arange(0, scores.size, 2) if among_some else None
    positions = list(range(scores.size)) if among is None else among.tolist()
    expected = sorted(positions, key=lambda i: (-scores[i], i))[:count]
    assert sorted(Matcher._top(scores, among, count).tolist()) == sorted(expected)


def test_round_117_a_rate_counts_the_cars_for_a_question_asking_a_rate() -> None:
    # "in 1999, allocations were 3 per dealer": the year is not a count, and the rate leaves out
    # what it counts, the Quux the answer is about; asked per dealer, it is the count.
    matcher = _small(
        [
            (
                "quux-launch",
                '"how many quuxes did each dealer get", "how was the quux allocated"',
                "A reader recalled that when the Quux came out in 1999, allocations were 3 per"
                " dealer, but buyers could still order more.",
            ),
        ]
    )
    assert best(matcher, "how many quuxes per dealer back then") == "quux-launch"
    # A total is not a rate: the entry gives no count of Quuxes built.
    assert best(matcher, "how many quuxes were built") is None


def test_round_121_a_count_in_the_end_naming_nothing_counts_the_main_car() -> None:
    # Round 121: "how many did canada end up getting" counts the car most entries are about;
    # an entry counting another model (a name few entries hold) gives that model's count.
    matcher = _small(
        [
            (
                "rover-canada",
                '"how many rovers did canada get", "rover numbers for canada"',
                "According to the blog, 414 Rovers were made for Canada.",
            ),
            ("zephyr-launch", '"when was the zephyr shown"', "The Zephyr was shown in May."),
            ("zephyr-engine", '"what engine is in the zephyr"', "The Zephyr has a V8."),
            ("zephyr-colour", '"what colours does the zephyr come in"', "The Zephyr is red."),
        ]
    )
    assert best(matcher, "how many rovers did canada end up getting") == "rover-canada"
    assert best(matcher, "how many did canada end up getting") is None


def test_code_round_u1_a_rate_asked_by_its_period_counts_the_rate() -> None:
    # Code round u1: the matcher reads a rate asked as the follow-ups do, "a week" as well as
    # "per" and "each": the figure per dealer is the count asked.
    matcher = _small(
        [
            (
                "quux-launch",
                '"how many quuxes did each dealer get", "how was the quux allocated"',
                "A reader recalled that when the Quux came out in 1999, allocations were 3 per"
                " dealer, but buyers could still order more.",
            ),
        ]
    )
    assert best(matcher, "how many quuxes a week back then") == "quux-launch"


def test_round_128_a_recall_of_cars_is_no_readers_memory(matcher_real: Matcher) -> None:
    # Round 128: a safety recall ("any recalls", "under recall") is a topic no source covers,
    # not the reader who recalled the ZHP's 2003 launch.
    assert _decided(matcher_real, "any recalls on the 1m so far??") is None
    assert _decided(matcher_real, "was the 1m ever under recall") is None
    # ... while the reader's memory is still asked by the verb.
    assert _decided(matcher_real, "who recalled how the zhp launch went") == ("zhp-2003-allocation")


def test_round_131_who_relayed_a_checked_claim_is_no_word_of_the_question(
    matcher_real: Matcher,
) -> None:
    # Round 131: a sentence told with "??" that the vague question makes ask ("then my buddy
    # texts me a pic saying ... ??") weighs the unknown words of who passed the claim on as
    # story: the teller is not what is asked.
    from bot.core.normalise.question import CONTEXT_UNKNOWN

    message = (
        "so im saving up for one. then my buddy texts me a pic saying the us only gets 600"
        " total?? is that from bmw or where did it come from"
    )
    weights = {t.stem: t.weight for t in matcher_real._query(message)[0]}
    assert weights["buddi"] <= CONTEXT_UNKNOWN * matcher_real._unknown_weight + 1e-9
    # ... while the claim's own words keep their weight
    assert weights["600"] > CONTEXT_UNKNOWN * matcher_real._unknown_weight


def test_a_reading_is_remembered_and_each_caller_gets_lists_of_its_own(
    matcher: Matcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    question = "how many purple widgets did the north market get"
    expected = Matcher(matcher.knowledge)._query(question)  # a matcher that remembers nothing
    weigh = matcher._weigh
    calls: list[str] = []

    def counted(text: str, found: Any) -> Any:
        calls.append(text)
        return weigh(text, found)

    monkeypatch.setattr(matcher, "_weigh", counted)
    first = matcher._query(question)
    assert first == expected
    first[0].clear()  # a caller changing its lists changes no other caller's
    first[1].append("changed")
    first[3].append("changed")
    assert matcher._query(question) == expected
    assert calls == [question]  # weighed once
    for number in range(_QUERIES_KEPT):  # only the last few messages are kept
        matcher._query(f"what colour is widget {number}")
    assert matcher._query(question) == expected
    assert calls.count(question) == 2
    matcher.clear_caches()
    assert matcher._query(question) == expected
    assert calls.count(question) == 3


def test_round_139_a_detail_of_a_tagged_claim_no_entry_holds_is_an_aside(
    matcher_real: Matcher,
) -> None:
    # Round 139: "the asia sales boss told TOP GEAR right" puts up a claim with a wrong outlet:
    # the outlet no entry holds is the asker's memory, and the rumour's entry sets it right.
    assert _decided(matcher_real, "the asia sales boss told top gear right") == "doubling-rumor"
    # ... the same words asked without the tag are no claim put up to check.
    assert _decided(matcher_real, "the asia sales boss told top gear") is None


def test_a_short_follow_up_is_remembered_after_the_messages_of_a_few_answers(
    matcher: Matcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    # perf27: "source?" comes back after other answers and their follow-ups (some twenty
    # messages read in between): it is weighed once, and read the same.
    expected = Matcher(matcher.knowledge)._query("source?")
    weigh = matcher._weigh
    calls: list[str] = []

    def counted(text: str, found: Any) -> Any:
        calls.append(text)
        return weigh(text, found)

    monkeypatch.setattr(matcher, "_weigh", counted)
    assert matcher._query("source?") == expected
    for number in range(24):
        matcher._query(f"what colour is widget {number}")
    assert matcher._query("source?") == expected
    assert calls.count("source?") == 1


def test_round_141_colours_on_offer_track_days_and_designers_are_never_covered(
    matcher_real: Matcher,
) -> None:
    # Round 141: the colours the 1M is offered in, taking it on track days and who designed it
    # are topics the sources never cover ("track" is the GP's track record, "designed" the
    # molds' designated run, "engineer" the N54 engine).
    assert _decided(matcher_real, "what colours does the 1m come in") is None
    assert _decided(matcher_real, "can you get a 1m in black") is None
    assert _decided(matcher_real, "is the 1m any good for track days") is None
    assert _decided(matcher_real, "who designed the 1m") is None
    assert _decided(matcher_real, "who was the chief engineer on the 1m") is None
    # ... while the filmed car's colour and the molds' run are still answered.
    assert _decided(matcher_real, "what colour was the 1m in the clip") == "video-uk-chase"
    assert _decided(matcher_real, "what were the molds designed for") == "molds-2500-run"


def test_round_146_anything_or_something_asks_nothing_of_a_name() -> None:
    # Round 146: "did X say ANYTHING" asks what X said; no entry need hold "anything" or
    # "something" beside the name (the predicate rule halved every entry naming X).
    matcher = _small(
        [
            (
                "quillon-tides",
                '"what did quillon say about the tides", "when do the tides turn"',
                "Harbourmaster Quillon said the tides turn at noon.",
            ),
            (
                "ferry-luggage",
                '"can i bring anything on the ferry", "is something banned on board"',
                "Anything but fuel may be brought on board.",
            ),
            ("ferry-crew", '"how many crew work on a ferry"', "Each ferry has a crew of nine."),
        ]
    )
    assert best(matcher, "did quillon say anything") == "quillon-tides"
    assert best(matcher, "did quillon say something") == "quillon-tides"
