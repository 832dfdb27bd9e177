"""Chat spellings are read as the words they stand for."""

from __future__ import annotations

import pytest

from bot.core.knowledge.loader import default_knowledge_path, load_knowledge
from bot.core.normalise.slang import plain
from bot.core.retrieve.matcher import Matcher


def test_chat_spellings_read_as_words() -> None:
    assert plain("ppl") == "people"
    assert plain("convo") == "conversation"
    assert plain("murica") == "america"
    assert plain("segler") == "segler"
    # Words of quantity or size ask for nothing an entry holds: "lose a TON of value".
    assert plain("ton") == "much"
    assert plain("tiny") == "very"
    # Round 22: "crazy high demand" is "very high demand"; "gotten" is "got".
    assert plain("crazy") == "very"
    assert plain("gotten") == "got"


def test_round_26_common_abbreviations_read_as_words() -> None:
    assert plain("pics") == "picture"
    assert plain("govt") == "government"
    assert plain("approx") == "approximately"
    assert plain("msg") == "message"


def test_round_34_a_group_of_people_reads_as_people() -> None:
    # "the bimmercast CREW", "the blog FOLKS": the blog's people, as "ppl" is.
    assert plain("crew") == "people"
    assert plain("folks") == "people"


def test_round_36_reading_a_forum_is_a_filler() -> None:
    # "been LURKING", "SCROLLING through the comments": says nothing of what is asked.
    assert plain("lurking") == "just"
    assert plain("scrolling") == "just"
    assert plain("skimmed") == "just"


def test_round_48_the_askers_own_lot_and_hedges_are_fillers() -> None:
    # What the asker missed ("i MISSED the start of this") is no market left out; "i BET",
    # "i ASSUME" hedge a guess as "iirc" does; "thru" is "through".
    assert plain("missed") == "just"
    assert plain("bet") == "think"
    assert plain("assume") == "think"
    assert plain("thru") == "through"


def test_follow_up_round_27_a_dead_story_is_over() -> None:
    # "is the sequel rumor DEAD" asks whether it is over, a word that weighs nothing.
    assert plain("dead") == "over"


def test_round_66_saying_something_came_up_randomly_is_a_filler() -> None:
    # "he RANDOMLY dropped news on another car": the asker's surprise, not a topic; the
    # adjective ("some random footage") is left a word of its own.
    assert plain("randomly") == "just"
    assert plain("random") == "random"
    matcher = Matcher(load_knowledge(default_knowledge_path()))
    best = matcher.rank("so ybs randomly dropped news on some other car?", 1)[0]
    assert best.entry.id == "f30-november"


def test_round_74_questioned_is_disputed() -> None:
    # "nobody QUESTIONED it": disputed, not a question asked (the blog's "open question").
    assert plain("questioned") == "disputed"
    matcher = Matcher(load_knowledge(default_knowledge_path()))
    asked = "the schedule guy posted his 600 figure, was it ever questioned by anyone"
    best = matcher.rank(asked, 1)
    assert best[0].entry.id == "blog-reply-ybs"


def test_round_74_a_bloke_is_a_guy() -> None:
    # "the aussie BLOKE in the comments": a guy, not a word no entry has ever seen.
    assert plain("bloke") == "guy"
    assert plain("fellas") == "guys"
    matcher = Matcher(load_knowledge(default_knowledge_path()))
    assert matcher.rank("what did the aussie bloke say", 3) == matcher.rank(
        "what did the aussie guy say", 3
    )


def test_round_74_an_ep_is_an_episode() -> None:
    # "which EP of the show had the interview": an episode, which no source numbers.
    assert plain("ep") == "episode"
    assert plain("eps") == "episode"
    matcher = Matcher(load_knowledge(default_knowledge_path()))
    ranked = matcher.rank("what bimmercast ep was segler on", 1)
    assert not ranked or ranked[0].score < matcher.threshold


@pytest.mark.parametrize(
    ("chat", "word"),
    [("sayin", "saying"), ("trippin", "tripping"), ("hangin", "hanging"), ("cabin", "cabin")],
)
def test_a_dropped_g_reads_as_the_ing_word(chat: str, word: str) -> None:
    assert plain(chat) == word


@pytest.mark.parametrize(
    ("chat", "written"),
    [
        ("how many 1ms do the yanks get", "how many 1ms do the americans get"),
        ("only 600 1ms for murica??", "only 600 1ms for america??"),
        ("did ppl like the gp at first", "did people like the gp at first"),
        # short forms of common words, and fillers that say nothing
        ("wen r the 1ms coming", "when are the 1ms coming"),
        ("how many 1ms does australia get rn fr", "how many 1ms does australia get"),
        ("shud i wait for a 1m or nah bruh", "should i wait for a 1m or nah"),
        ("will the 1m sell for crazy money over msrp", "will the 1m sell for money over msrp"),
        ("how many 1ms has australia gotten", "how many 1ms has australia got"),
    ],
)
def test_chat_spelling_ranks_like_the_written_word(chat: str, written: str) -> None:
    matcher = Matcher(load_knowledge(default_knowledge_path()))
    assert matcher.rank(chat, 3) == matcher.rank(written, 3)


def test_round_87_please_is_a_filler_not_pleased() -> None:
    # "... which state PLEASE": "please" stems as "pleased", the mood; "pls" is a filler.
    assert plain("please") == "pls"
    assert plain("pleased") == "pleased"
    matcher = Matcher(load_knowledge(default_knowledge_path()))
    assert matcher.rank("which paint colours did the coupe get please", 3) == matcher.rank(
        "which paint colours did the coupe get pls", 3
    )


def test_followup_49_a_digit_spelling_one_reads_as_the_word() -> None:
    # "SOME1 in the comments said ...", "ANY1 know ...": "someone" and "anyone", which name
    # no topic, not words the knowledge has never seen.
    assert plain("some1") == "someone"
    assert plain("any1") == "anyone"
    assert plain("every1") == "everyone"


def test_round_92_tipped_off_is_told() -> None:
    # "who TIPPED the baker off": told, with the particle set apart from the verb.
    assert plain("tipped") == "told"
    matcher = Matcher(load_knowledge(default_knowledge_path()))
    tipped = matcher.rank("who tipped the arizona poster off", 3)
    told = matcher.rank("who told the arizona poster off", 3)
    assert (tipped[0].entry_id, tipped[0].coverage) == (told[0].entry_id, told[0].coverage)


def test_followup_69_vowels_dropped_in_a_hurry_read_as_the_word() -> None:
    # "will ther evr be another loaf like it", "who sed that", "how mny loaves", "teh bakery":
    # common words typed without their vowels, not words the knowledge has never seen.
    assert [plain(w) for w in "ther evr sed mny teh".split()] == [
        "there",
        "ever",
        "said",
        "many",
        "the",
    ]
