"""Finding the question inside a chat message: its sentences and what it asks about."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.core.decide.talk import Wanted, wanted
from bot.core.normalise import question as q
from bot.core.normalise.text import words


def asked(message: str) -> list[str]:
    """Return the sentences of a message marked as the question, as text."""
    return [" ".join(p.words) for p in q.parts(message) if p.asks]


def test_a_story_then_a_question_marks_only_the_question() -> None:
    message = "so i was at my dealer yesterday. the sales guy would not stop. is the 1m limited?"
    assert asked(message) == ["is the 1m limited"]
    assert len(q.parts(message)) == 3


def test_a_turn_of_phrase_starts_the_question() -> None:
    message = "the sales guy kept going on about how rare these are anyway is the 1m limited or not"
    assert asked(message) == ["is the 1m limited or not"]


def test_without_a_question_mark_the_asking_sentence_or_the_last_one_counts() -> None:
    assert asked("my dealer gets 2. which car was that") == ["which car was that"]
    assert asked("my dealer gets 2. my mate says 3") == ["my mate says 3"]


def test_a_last_wh_sentence_without_a_question_mark_asks_too() -> None:
    message = "my dealer got a letter. something about dealers? what did the letter say"
    # The sentence that opens with a question word is the question; the one that only ends
    # in a question mark is story, unless the matcher finds the question too vague alone.
    assert asked(message) == ["what did the letter say"]
    both = [" ".join(p.words) for p in q.parts(message, opening=False) if p.asks]
    assert both == ["something about dealers", "what did the letter say"]
    # An auxiliary opens a question too.
    message = "prices gotta come down eventually right? like is it gonna be hard to get one"
    assert asked(message) == ["like is it gonna be hard to get one"]
    # A last sentence that does not ask is still chatter.
    assert asked("is the coupe rare? my mate says so") == ["is the coupe rare"]


def test_a_question_after_an_if_clause_asks_beside_a_later_one() -> None:
    # "if ..., how is that legal?" asks, though it does not open with a question word.
    message = "wait so if it did 150 on a public road how is that legal? did anyone explain it"
    assert asked(message) == [
        "wait so if it did 150 on a public road how is that legal",
        "did anyone explain it",
    ]
    # Without the "if", a sentence only ending in a question mark stays story.
    message = "wait so it did 150 on a public road, crazy? did anyone explain it"
    assert asked(message) == ["did anyone explain it"]


@pytest.mark.parametrize(
    ("message", "question"),
    [
        ("watched the vid on my phone lol what colour was the 1m", "what colour was the 1m"),
        ("i missed my allocation, so should i wait for more", "should i wait for more"),
        (
            "new here and the numbers fly everywhere, 50 this 90 that, can anyone sum up the run",
            "can anyone sum up the run",
        ),
    ],
)
def test_chat_turns_to_its_question(message: str, question: str) -> None:
    assert asked(message) == [question]


@pytest.mark.parametrize(
    "message", ["whats the u.s. allocation", "did dr. segler say that", "was it mr. watts"]
)
def test_abbreviations_do_not_end_a_sentence(message: str) -> None:
    assert asked(message) == [" ".join(words(message))]


def test_a_short_word_before_a_full_stop_ends_the_sentence() -> None:
    message = "australia got hardly any compared to the us. what number did they get?"
    assert asked(message) == ["what number did they get"]


def test_a_one_letter_word_before_a_full_stop_ends_the_sentence() -> None:
    # "bmw m." is no abbreviation as "u.s." is: the question after it is a sentence of its own.
    message = "i talked to the people at bmw m. what did the boss say about buying one?"
    assert asked(message) == ["what did the boss say about buying one"]
    assert asked("is the u.s. allocation small?") == ["is the u s allocation small"]


@pytest.mark.parametrize(
    ("question", "wanted"),
    [
        ("how old is segler", "old"),
        ("which city is laguna seca in", "city"),
        ("how much power does the zhp make", "power"),
        ("how many episodes of bimmercast are there", "episodes"),
        ("how much does an x1 cost", "price"),
        ("how long till prices settle", "year"),
        ("how many per month were getting built", "month"),
        ("name of the dealers client advisor", "name"),  # a fragment: "what is the name of"
        ("name of the guy running the x1 line in germany", "name"),  # a longer fragment
        ("what is the name of the dealers client advisor", "name"),
        ("what was the colour of the chase car", "colour"),
        ("so the colour of the chase car", "colour"),
        ("who was driving the chase car", "driving"),  # what someone was doing
        ("which main reason did the blog give", "reason"),  # round 32: past the qualifier
        ("what other market got fewer cars", "market"),
    ],
)
def test_focus_names_what_a_wh_question_asks_for(question: str, wanted: str) -> None:
    assert wanted in q.focus(tuple(words(question)))


@pytest.mark.parametrize(
    ("question", "measured"),
    [
        ("how fast was the coupe going down the motorway", True),
        ("how fast was it going on about", False),  # "going on": happening, no speed
        ("how quick were they moving in the footage", True),
        ("how fast was it travelling", True),
        ("how fast is the coupe", False),  # how fast it is: the clip shows it
        ("how fast are they going at the dealers", False),  # may ask how fast they sell
        ("how fast was it going to be", False),  # looks ahead
        # Asked inside another question, the subject comes before the verb (round 44).
        ("do you know how fast the white coupe was moving", True),
        ("any idea how fast they were travelling down the motorway", True),
        ("how fast it is, was it going quick", False),  # "it is": how fast it is
    ],
)
def test_how_fast_something_was_going_asks_for_a_speed(question: str, measured: bool) -> None:
    assert ("mph" in q.focus(tuple(words(question)))) is measured


@pytest.mark.parametrize(
    ("question", "valued"),
    [
        ("whats the speed limit on that stretch of autobahn", True),
        ("did anyone say what the posted speed limit was there", True),
        ("what was the motorway speed limit", True),
        ("is bmw allowed over the speed limit on public roads", False),  # whether, not its value
        ("what lets them break the speed limit", False),  # a cause
    ],
)
def test_a_speed_limits_value_asks_for_a_speed(question: str, valued: bool) -> None:
    # Round 45: the value of a speed limit is a speed in mph, as "how fast was it going" asks.
    assert ("mph" in q.focus(tuple(words(question)))) is valued


@pytest.mark.parametrize(
    ("question", "ending"),
    [
        ("when does the z4 run end", True),
        ("what month did the x3 line wrap up", True),
        ("so what year does it finish", True),
        ("when does the price stop dropping", False),  # how long a fall lasts
        ("when does the run start", False),
        ("did the run end early", False),  # whether, not when
    ],
)
def test_when_something_ends_asks_for_its_end(question: str, ending: bool) -> None:
    # Round 45: an entry giving only when something starts does not say when it ends.
    assert (q.focus(tuple(words(question))) == ("end",)) is ending


@pytest.mark.parametrize(
    ("question", "wanted"),
    [
        ("which guardian reporter broke the story", "reporter"),
        ("what top gear journalist drove it first", "journalist"),
        ("which outlet broke the story", "outlet"),  # no writer: the outlet is asked
        ("which new york times writer said so", "writer"),
    ],
)
def test_which_outlets_writer_asks_for_the_writer(question: str, wanted: str) -> None:
    # Round 45: the outlet before the noun names whom the writer writes for.
    assert q.focus(tuple(words(question))) == (wanted,)


@pytest.mark.parametrize(
    ("question", "compared"),
    [
        ("how much more reliable is the z4 than the 1m", True),
        ("so how much less does the x1 cost to build", True),
        ("how much heavier is the 1m than the m3", True),
        ("how much power does the z4 make", False),  # an amount, not a difference
        ("how much is a used z4", False),
        ("how much faster", False),  # nothing compared with: "than" is missing
    ],
)
def test_how_much_more_asks_the_size_of_a_difference(question: str, compared: bool) -> None:
    assert q.compared_amount(tuple(words(question))) is compared


@pytest.mark.parametrize(
    ("question", "filmed"),
    [
        ("where was the footage of the truck shot", True),
        ("ok so wheres that photo taken", True),
        ("where was the race recorded", True),
        ("where was that figure taken from", False),
        ("who filmed the truck", False),
        ("where is the truck built", False),
    ],
)
def test_where_something_was_filmed_asks_for_its_spot(question: str, filmed: bool) -> None:
    assert q.filmed_where(tuple(words(question))) is filmed


@pytest.mark.parametrize(
    ("question", "built"),
    [
        ("where is the x1 built", True),
        ("so where are 1ms made", True),
        ("where did the 600 come from, was it made up", False),
        ("where was the chase video filmed", False),
        ("is the x1 built in the same plant", False),
        ("is the x1 built in the us", True),
        ("were 1ms made in june 2011", False),
        ("is the 1m built in limited numbers", False),
    ],
)
def test_where_it_is_built_asks_for_a_plant(question: str, built: bool) -> None:
    assert (q.focus(tuple(words(question))) == ("plantname",)) is built


@pytest.mark.parametrize(
    "question",
    [
        "is the 1m limited",
        "who said that",
        "what is the us allocation",
        "why",
        "what kinda site",
        "what year was the zhp launch",  # a date: q.wants() asks that of the answer
        "what time does the memo say",
        "whats the deal with bmwblog pulling the article",  # an idiom: "what about"
        "are the allocations still open or what per the memo",  # "or what" is a tag
        "thinking of buying one as an investment",  # a verb, not what is asked for
        "one of the dealers told me they only get two 1ms each year",  # too long: a story
    ],
)
def test_questions_without_a_particular_focus(question: str) -> None:
    assert q.focus(tuple(words(question))) == ()


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("how many episodes of bimmercast are there", "number"),
        ("so how many 1ms is the us getting", "number"),
        ("how long does it take to make new molds", "time"),
        ("how long did it take mini to sell them all", "time"),
        ("how long do the molds last", None),  # what lasts: a run of cars also answers
        ("how much torque does it make", "number"),
        ("how much is a 1m", "money"),
        ("how much did the gp cost new", "money"),
        ("whats the msrp on a 1m in the states", "money"),
        ("what price did the gp sell at", "money"),
        ("what did a 1m cost in australia", "money"),
        # round 17: a price headed by what it prices
        ("whats the coupe cost over in canada", "money"),
        ("what is the new m3 msrp", "money"),
        ("whats the production cost problem", None),
        ("x1 msrp?", "money"),
        ("1m msrp in the us?", "money"),
        ("x1 price for australia", "money"),
        ("1m msrp prediction", None),
        ("will 1ms sell over msrp in the us", None),
        ("what did the blog say the gp cost", None),
        ("what did the mini gp cost new in the us, like the actual price", "money"),
        ("what did the blog predict would happen to its value, does it hold msrp or drop", None),
        ("1m resale - will it go over sticker?", None),
        ("best case what does a 1m sell for", None),
        # round 20: "the going rate" is what something sells for, not a rate of production
        ("whats the going rate on a clean e46 m3", "money"),
        ("what's the monthly rate out of the plant", None),
        ("what year did the mini gp come out", "year"),  # a year (round 59)
        ("which cars did the blog set aside", "name"),
        ("what were those special editions called", "name"),
        ("who at the dealer did they talk to", "name"),
        ("who said the dealer got three", None),
        ("which is faster, the 1m or the cayman", None),
        ("which year was the zhp out", "year"),
        ("which date was the memo sent", "date"),
        ("segler interview date?", "date"),
        ("sticker of an x1 in canada?", "money"),  # a fragment opening with a price
        ("price of the x1 base model", "money"),
        ("name of the x1 sales guy", None),
        ("is the blog speculating on how many there will be", None),
        ("what did bmw australia say about how many they get", None),
        ("when was the zhp launched", "time"),
        ("so when does that start", "time"),
        ("till when is bmw building the 1m", "time"),
        ("when", "time"),
        ("is that happening when they said", None),
        ("at what point in the video does it get going", "time"),
        ("what time does the memo say", "time"),
    ],
)
def test_wants_names_the_kind_of_answer_a_question_starts_by_asking(
    question: str, kind: str | None
) -> None:
    assert q.wants(tuple(words(question))) == kind


@pytest.mark.parametrize(
    ("message", "is_sum"),
    [
        ("600 divided by 414 = ?", True),
        ("whats 1000 minus 414", True),
        ("2500 / 12", True),
        ("600 x 2?", True),
        ("prices stabilise in 4-5 years", False),
        ("between 25 and 65 a month", False),
        ("fast forward to 1:50", False),
        ("did they double it, 2x production?", False),
    ],
)
def test_arithmetic_is_a_sum_to_work_out_not_a_range(message: str, is_sum: bool) -> None:
    assert q.arithmetic(message) is is_sum


@pytest.mark.parametrize(
    ("question", "verb"),
    [
        ("who wrote the nyt article", "wrote"),
        ("who took over from segler", "took"),
        ("who won the finals", "won"),
    ],
)
def test_who_did_something_asks_for_that_deed(question: str, verb: str) -> None:
    assert q.focus(tuple(words(question))) == (verb,)


@pytest.mark.parametrize(
    "question",
    [
        "who said the 1m would be rare",
        "who put out the 600 figure",
        "how many was it and when",
        "how many and were any left",
        # Leaking, posting, hoping or guessing is the claim itself, which every source names.
        "who leaked the 600 figure first",
        "who wanted a showdown with a cayman",
        "who reckoned the us gets more",
        "who dropped the canada launch month",  # round 17: chat for putting a claim out
        "who tipped off the blog about the memo",  # round 32: telling ahead of time
        "what precise date was the interview",  # round 32: a date, which q.wants() asks
    ],
)
def test_who_said_it_and_how_many_was_it_ask_no_focus(question: str) -> None:
    assert q.focus(tuple(words(question))) == ()


@pytest.mark.parametrize(
    ("sentence", "passed_on"),
    [
        ("someone said the chase car was a cayman s", True),
        ("so i heard the us gets 600", True),
        ("people say it is rare", True),
        ("what did segler say about it", False),
        ("the blog said 600", False),
    ],
)
def test_hearsay_is_a_claim_from_nobody_in_particular(sentence: str, passed_on: bool) -> None:
    assert q.hearsay(tuple(words(sentence))) is passed_on


def test_the_askers_own_guess_after_or_is_story() -> None:
    message = "my dealer says they are all gone. is there anything official or was he just lazy"
    assert asked(message) == ["is there anything official"]
    assert asked("is it rare or is it common") == ["is it rare or is it common"]
    message = "so i want to flip one. will it go up in value or is that a dumb plan"
    assert asked(message) == ["will it go up in value"]


def test_round_66_a_guess_left_open_with_or_what_is_story() -> None:
    # "... IS IT a tv show OR WHAT": the asker's guess beside the question, open to any answer.
    message = "what even is the bimmercast? was it a tv show or what"
    assert asked(message) == ["what even is the bimmercast"]
    assert [p.guess for p in q.parts(message)] == [False, True]
    # Alone it is still the question; without "or what" it is a question of its own.
    assert asked("is it a tv show or what") == ["is it a tv show or what"]
    message = "what even is the bimmercast? is it a tv show"
    assert asked(message) == ["what even is the bimmercast", "is it a tv show"]


def test_a_guess_about_whoever_passed_the_claim_on_is_story() -> None:
    message = "my neighbour swears the run is over. is that what bmw said or is she winding me up"
    assert asked(message) == ["is that what bmw said"]
    # One word after the pronoun weighs the claim itself, as "is that true" does.
    assert asked("my uncle says its sold out. is that right or was he lying") == [
        "is that right or was he lying"
    ]


def test_a_request_to_the_channel_starts_the_question() -> None:
    message = "total newbie here and the forums lost me can anyone explain the allocations"
    assert asked(message) == ["can anyone explain the allocations"]
    # Not a request: "can someone like me still order one" has no verb of explaining.
    message = "my budget is tight can someone like me still order one"
    assert asked(message) == [message]


def test_a_sentence_starting_with_been_tells_rather_than_asks() -> None:
    message = "been lurking for a while. did he say anything about production"
    assert asked(message) == ["did he say anything about production"]


@pytest.mark.parametrize(
    ("question", "pointing"),
    [
        ("how many was it", True),
        ("how many and were any still open", True),
        ("how many did aus actually get", False),
        ("how many dealers are there", False),
        ("who put that number out there", True),
        ("is there any paperwork behind that", True),
        ("does the importer agree with it", True),
        ("what did the gazette say about the roadster", False),
        ("that was the rumor about the roadster", False),
    ],
)
def test_a_count_of_nothing_named_points_back_at_the_story(question: str, pointing: bool) -> None:
    assert q.points_back(tuple(words(question))) is pointing


def test_a_tag_ends_the_question_and_asks_like_a_question_mark() -> None:
    message = "my mate says it will drop. does it hold its value or what, trying to win a bet"
    assert asked(message) == ["does it hold its value or what"]


@pytest.mark.parametrize(
    ("question", "found"),
    [
        ("what did the gazette say about the roadster", (("gazette",), ("roadster",))),
        ("wat did herr26 think of uk roads", (("herr26",), ("uk", "roads"))),
        ("what did gabe say", (("gabe",), ())),
        ("so what does the blog reckon on prices", (("blog",), ("prices",))),
        ("what happened to the memo", None),
        ("did the gazette say anything", None),
    ],
)
def test_a_question_about_what_someone_said_names_the_speaker_and_the_topic(
    question: str, found: tuple[tuple[str, ...], tuple[str, ...]] | None
) -> None:
    assert q.said(tuple(question.split())) == found


@pytest.mark.parametrize(
    ("message", "question"),
    [
        ("no way theyre making more for the us right", "theyre making more for the us"),
        ("the gp came with an auto box too, right?", "the gp came with an auto box too"),
        ("do they think the 600 is right", "do they think the 600 is right"),  # no tag
        ("who's right", "who's right"),
    ],
)
def test_a_tag_asking_for_agreement_is_no_word_of_the_question(message: str, question: str) -> None:
    assert asked(message) == [" ".join(words(question))]


@pytest.mark.parametrize(
    ("message", "question"),
    [
        ("wait, who runs the gazette", "who runs the gazette"),
        ("hold on what did the gazette print", "what did the gazette print"),
        ("random but is the gazette daily", "is the gazette daily"),
        ("wait i read the gazette daily", "wait i read the gazette daily"),  # no question word
    ],
)
def test_an_interjection_before_a_question_word_is_no_word_of_the_question(
    message: str, question: str
) -> None:
    assert asked(message) == [" ".join(words(question))]


def test_a_who_question_reads_a_verb_and_its_particle_as_one_deed() -> None:
    assert q.focus(tuple(words("who signs off on the testing"))) == ("signs off",)
    assert q.focus(tuple(words("who wrote the article"))) == ("wrote",)


def test_an_adverb_set_off_by_a_comma_before_the_question_is_an_aside() -> None:
    assert asked("my dealer knows nothing. realistically, any chance of more cars?") == [
        "any chance of more cars"
    ]
    assert asked("realistically what does it sell for") == ["realistically what does it sell for"]


def test_how_things_look_to_the_asker_after_the_question_is_story() -> None:
    assert asked("where was the clip filmed, looks like somewhere in europe") == [
        "where was the clip filmed"
    ]
    # "Looks like" itself is neither: only the guess after it is story.
    found = q.parts("i saw the clip. where was it filmed, looks like somewhere in europe?")
    assert [p.words for p in found if not p.asks] == [
        ("i", "saw", "the", "clip"),
        ("somewhere", "in", "europe"),
    ]
    assert asked("what does the car look like") == ["what does the car look like"]
    assert asked("is it true it looks like bmw is making more") == [
        "is it true it looks like bmw is making more"
    ]


def test_how_it_feels_to_the_asker_after_the_question_is_story() -> None:
    assert asked("was the uk allocation bigger than japans feels like a strange pairing") == [
        "was the uk allocation bigger than japans"
    ]


def test_the_askers_aside_after_the_question_is_story() -> None:
    assert asked("who leaked the monthly numbers because my cousin swears it was a dealer") == [
        "who leaked the monthly numbers"
    ]
    assert asked("how many went to canada i remember someone posting a figure once") == [
        "how many went to canada"
    ]
    assert asked("what will the resale be i keep reading different guesses everywhere") == [
        "what will the resale be"
    ]
    assert asked("what did the paper print about the coupe i know they covered the hatch") == [
        "what did the paper print about the coupe"
    ]
    assert asked("how many cars did the ohio store get she said it was a tiny number") == [
        "how many cars did the ohio store get"
    ]
    assert asked("what exact number did she say it was") == ["what exact number did she say it was"]
    assert asked("what did the podcast say about tyres i only caught the engine bit") == [
        "what did the podcast say about tyres"
    ]
    assert asked("which stores in ohio got cars this year not just the big one") == [
        "which stores in ohio got cars this year"
    ]
    assert asked("is the cap on cars not just hype") == ["is the cap on cars not just hype"]
    assert asked("who posted the leak first was it a dealer or a journalist or a random") == [
        "who posted the leak first"
    ]
    assert asked("who posted the leak first and is it real or a joke") == [
        "who posted the leak first and is it real or a joke"
    ]
    assert asked("kinda curious what the podcast said because i heard a wild number") == [
        "kinda curious what the podcast said"
    ]
    # A reason the question offers, the asker as its subject, a hint at the answer: whole.
    assert asked("was the run short because of the molds wearing out") == [
        "was the run short because of the molds wearing out"
    ]
    assert asked("what else did i remember wrong about it") == [
        "what else did i remember wrong about it"
    ]
    assert asked("did the price ever change i remember something about a memo") == [
        "did the price ever change i remember something about a memo"
    ]


def test_a_story_sentence_opening_with_how_things_look_keeps_only_what_it_tells() -> None:
    found = q.parts("where was the clip filmed? looks grey and rainy")
    assert [p.words for p in found if not p.asks] == [("grey", "and", "rainy")]
    found = q.parts("looks like bmw is making more. is that true?")
    assert [p.words for p in found if not p.asks] == [("bmw", "is", "making", "more")]


@pytest.mark.parametrize(
    ("question", "later"),
    [
        ("what did the blog write a week later", True),
        ("did they raise the number, what happened after", True),
        ("what happened next", True),
        ("used gp prices 4 yrs later?", False),
        ("will the number change later", False),
        ("what happens after the run is done", False),
        ("how many x1s got made in total back then", True),  # the final count
        ("so how many coupes were produced worldwide in the end", True),
        ("how many coupes will be built in total", False),  # what is planned
        ("how many coupes were made for canada", False),
        ("how many did canada end up getting in the end", False),  # no count of a making
        # round 17: a yes/no question on how the story ended
        ("did they end up raising the canada figure", True),
        ("ok so did the dealer actually end up getting more or not", True),
        ("could some cars end up going to canada", False),
    ],
)
def test_afterwards_reads_a_question_about_what_came_after(question: str, later: bool) -> None:
    assert q.afterwards(tuple(words(question))) is later


@pytest.mark.parametrize(
    ("sentence", "figures", "rough"),
    [
        ("how many did the uk get like 300 something", ["300"], ["something"]),
        ("how many did they build, around 90 of them", ["90"], []),
        ("how many, 300ish", ["300ish"], []),
        ("did they build around 90 of them", [], []),  # the figure is what it asks about
        ("how many came over, 200 odd", ["200"], ["odd"]),
        ("did the uk get 300", [], []),  # a figure stated, not guessed
        ("like what did they say", [], []),
    ],
)
def test_a_figure_the_asker_only_guesses_is_found_with_its_rough_words(
    sentence: str, figures: list[str], rough: list[str]
) -> None:
    found = words(sentence)
    guesses, after = q.guessed(found)
    assert sorted(found[i] for i in guesses) == figures
    assert sorted(found[i] for i in after) == rough


@pytest.mark.parametrize(
    ("question", "shop"),
    [
        ("which uk dealer had the most cars", "dealer"),
        ("which bmw store in ohio is it", "store"),
        ("so which dealerships got told", "dealer"),
        ("whats her salesman called", "advisor"),
        ("which city is the dealer in", None),  # asks for a city
        ("which is the closest dealer", None),
        ("what did the dealer say", None),
        ("what is the name of the podcast", None),
        # Round 64: "what DEALERSHIP does he work at" asks its name as "which dealership" does.
        ("what dealership does gabe work at", "dealer"),
        ("so what store is she at", "store"),
        ("what dealer allocations were there", None),
    ],
)
def test_a_question_asking_a_business_or_advisor_by_name_is_found(
    question: str, shop: str | None
) -> None:
    assert q.business(tuple(words(question))) == shop


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("was it michael who said the chase car was a benz", "who said the chase car was a benz"),
        ("wasnt it the la times that called the gp a classic", "who called the gp a classic"),
        ("i thought it was watts who said it", "who said it"),
        ("is it true that the us gets 600", "is it true that the us gets 600"),  # no doer guessed
        ("it was goat who said it", "it was goat who said it"),  # tells, does not ask
    ],
)
def test_a_guessed_doer_is_read_as_who_did_it(message: str, expected: str) -> None:
    assert asked(message) == [expected]


@pytest.mark.parametrize(
    ("question", "later"),
    [
        ("what did bmwblog share a few days later once they talked to bmwna", True),
        ("what did the blog post a week later after the memo", True),
        ("did prices go up later on", False),  # no "later" before what it followed
    ],
)
def test_later_before_what_it_followed_asks_what_came_after(question: str, later: bool) -> None:
    assert q.afterwards(tuple(words(question))) is later


@pytest.mark.parametrize(
    ("question", "later"),
    [
        ("which model replaced the x1 in the range", True),  # what came after
        ("who succeeded watts as sales head", True),
        ("what would replace the zhp", False),  # what was expected, no later event
        ("did they ever build another batch of zhps", True),  # a later run
        ("did the dealer ever get a second run", True),
        ("would a second run hurt values", False),  # a run weighed, not asked after
        ("what did the dealer hear back in the end", True),  # what came of it at last
        ("what did watts say eventually", True),
        ("what did watts say in the interview", False),
        ("did the bakery close in the end", True),  # how the story ended
        ("did the bakery eventually close", True),
        ("did the town get 40 or 45 loaves in the end", False),  # which figure was given
        ("did the bakery close at the end of the street", False),
    ],
)
def test_a_replacement_a_later_run_or_an_outcome_asks_what_came_after(
    question: str, later: bool
) -> None:
    assert q.afterwards(tuple(words(question))) is later


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("is motoring a uk mag", ("motoring", "uk", "mag")),
        ("motoring is from the uk", ("motoring", "the", "uk")),
        ("so was dr segler an engineer", ("dr", "segler", "engineer")),
        ("is the 1m fast", ()),  # no kind of thing
        ("how many 1ms are from the uk", ()),
    ],
)
def test_a_question_about_what_kind_of_thing_its_subject_is(
    question: str, expected: tuple[str, ...]
) -> None:
    assert q.classed(tuple(words(question))) == expected


def test_what_someone_told_asks_what_they_said() -> None:
    assert q.said(tuple(words("what did segler tell them in the interview"))) == (("segler",), ())


def test_a_choice_between_two_doers_is_asked_as_it_is() -> None:
    message = "is it capacity or cost that limits the coupe"
    assert asked(message) == [message]


def test_what_country_asks_for_a_country_any_will_do() -> None:
    assert "australia" in q.focus(tuple(words("what country is the magazine from")))


def test_the_manner_of_an_answer_names_no_topic() -> None:
    # "in simple words" says how to answer, not what about; "in simple steps" is no such phrase.
    message = "new to all this. can someone explain the allocation mess in plain english"
    assert asked(message) == ["can someone explain the allocation mess"]
    assert asked("can someone explain it in simple steps") == [
        "can someone explain it in simple steps"
    ]


@pytest.mark.parametrize(
    ("sentence", "told"),
    [
        ("my neighbour called me today and said the run is over", 7),
        ("the dealer told me its over", 3),
        ("the run is over", 0),
    ],
)
def test_the_teller_of_a_claim_stands_before_the_saying(sentence: str, told: int) -> None:
    assert q.teller(sentence.split()) == told


def test_the_askers_own_belief_is_story_beside_a_question() -> None:
    # Read wide (every sentence with a "?" asks), the belief is still story.
    message = "my aunt says the coupe is back. i thought it was over? is she lying or what"
    wide = [" ".join(p.words) for p in q.parts(message, opening=False) if p.asks]
    assert wide == ["is she lying or what"]
    # Alone, the belief with its question mark still asks.
    assert asked("i thought it was over?") == ["i thought it was over"]


def test_a_count_of_the_items_asked_for_is_found() -> None:
    assert q.listed(tuple(words("what are the 3 reasons for the cap"))) == {3}
    assert q.listed(tuple(words("the two things holding it back"))) == {1}
    assert q.listed(tuple(words("did the dealer get 3 cars"))) == frozenset()


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("the review says it costs a lot but what was the msrp exactly", "money"),
        ("i know the roadster sold well but how many did canada get", "number"),
        ("the roadster sold well but the coupe did not", None),
    ],
)
def test_round_24_a_question_after_but_is_read_from_its_question_word(
    question: str, kind: str | None
) -> None:
    assert q.wants(tuple(words(question))) == kind


@pytest.mark.parametrize(
    ("question", "later"),
    [
        ("how many coupes were actually made in the end", True),
        ("how many roadsters were eventually built", True),
        ("how many coupes were really made for canada", False),  # no final count asked
        ("did they ever do a follow up on the recall", True),
        ("did the followup ever come out", True),
        ("did they follow up on the recall", False),  # no "ever": what the sources say
        ("what did the follow up post say", False),
    ],
)
def test_round_24_a_final_count_or_a_later_post_asks_what_came_after(
    question: str, later: bool
) -> None:
    assert q.afterwards(tuple(words(question))) is later


@pytest.mark.parametrize(
    ("question", "things"),
    [
        ("how many coupes total", ("coupes",)),
        ("how many roadsters worldwide in the first year", ("roadsters",)),
        ("how many bmw dealers are there", ("bmw", "dealers")),
    ],
)
def test_round_24_a_total_is_no_part_of_what_is_counted(
    question: str, things: tuple[str, ...]
) -> None:
    assert q.counted(tuple(words(question))) == things


@pytest.mark.parametrize(
    ("question", "pointing"),
    [
        ("how many actually came here", True),
        ("are any getting over here", True),
        ("is anyone here a dealer", False),
    ],
)
def test_round_24_here_after_arriving_points_at_the_askers_place(
    question: str, pointing: bool
) -> None:
    assert q.points_back(tuple(words(question))) is pointing


def test_round_24_its_not_like_is_the_askers_aside() -> None:
    found = q.parts("why not make more coupes, its not like the plant is busy right?")
    assert [p.words for p in found if p.asks] == [("why", "not", "make", "more", "coupes")]
    assert asked("why not build more, it's not like they ran out of steel") == [
        "why not build more"
    ]


@pytest.mark.parametrize(
    ("message", "question"),
    [
        (
            "my cousin keeps going on about the roadster. that sounds odd to me, what did the "
            "factory actually say",
            "what did the factory actually say",
        ),
        (
            "give me the honest version please, is there any chance of a wagon",
            "is there any chance of a wagon",
        ),
        (
            "the part i never got my head around: why was the coupe so cheap",
            "why was the coupe so cheap",
        ),
    ],
)
def test_round_27_the_askers_aside_before_a_comma_is_story(message: str, question: str) -> None:
    assert asked(message) == [question]


@pytest.mark.parametrize(
    "message",
    [
        "quick q: what did the factory say",  # too short to be an aside
        "a friend told me the roadster sold out, is that legit",  # the claim asked about
        "after the factory said it would change, what did my dealer say",  # hangs on it
        "i bought a roadster last year, which has me nervous now",  # a relative clause
        "did the factory ever tell my dealer, what did they say",  # the clause asks
    ],
)
def test_round_27_other_clauses_before_a_comma_stay_in_the_question(message: str) -> None:
    assert len(q.parts(message)) == 1


def test_round_27_an_emoji_ends_a_sentence() -> None:
    message = "been waiting on my coupe since forever 😩 how many did canada get"
    assert asked(message) == ["how many did canada get"]
    assert asked("how many did canada get 🤔") == ["how many did canada get"]


@pytest.mark.parametrize(
    ("question", "later"),
    [
        ("did they ever build a successor to the roadster", True),
        ("did the studio ever make a sequel", True),
        ("will there be a successor to the roadster", False),  # what the sources may predict
        ("did they build a successor", False),  # no "ever"
    ],
)
def test_round_28_a_successor_ever_made_is_what_came_after(question: str, later: bool) -> None:
    assert q.afterwards(tuple(words(question))) is later


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("what did the review say the coupe would cost", "money"),
        ("what do the critics think itll cost", "money"),
        ("what did the review say about machine costs", None),
    ],
)
def test_round_28_a_price_asked_after_a_verb_of_saying_wants_money(
    question: str, kind: str | None
) -> None:
    assert q.wants(tuple(words(question))) == kind


def test_a_request_to_explain_the_story_names_no_topic() -> None:
    # "can u clear it up" asks the listener to explain the story: "clear" is no topic (round 29).
    assert asked("my uncle says the coupe is rare. can u clear it up") == ["can u"]
    assert asked("so the run is over? could someone settle this for me") == ["could someone"]
    assert asked("can you clear the dash") == ["can you clear the dash"]


def test_the_askers_reaction_to_a_story_is_cut_from_it() -> None:
    found = q.parts("he said no more are coming, which felt like a brush off. is that true")
    assert [" ".join(p.words) for p in found] == ["he said no more are coming", "is that true"]


def test_the_askers_second_guess_is_marked_as_a_guess() -> None:
    found = q.parts("my dealer says they are all gone. is that true or is he just lazy")
    assert [p.guess for p in found] == [False, False, True]


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # Round 37: "what number / figure" wants a figure as "how many" does; a word of
        # precision before the noun ("what EXACT date") leaves it the noun's kind; "what
        # month" wants a date (a month or a year).
        ("what number did the dealer quote", "number"),
        ("what figures did the magazine print", "number"),
        ("what exact date was the interview", "date"),
        ("what precise year did the coupe launch", "year"),  # a year (round 59)
        ("what month does the new model go on sale", "date"),
        ("what exact reason did they give", None),
    ],
)
def test_round_37_what_number_and_what_exact_date_want_a_figure_or_a_date(
    question: str, kind: str | None
) -> None:
    assert q.wants(tuple(words(question))) == kind


def test_round_37_what_month_is_no_focus_of_its_own_but_per_month_still_is() -> None:
    assert q.focus(tuple(words("what month did the new model go on sale"))) == ()
    assert q.focus(tuple(words("how many per month were getting built"))) == ("month",)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("whats the real horsepower number", "number"),
        ("my mate raves about the brakes, what is the exact stopping figure", "number"),
        ("what's the number of seats", "number"),
        ("whats the numbers game about", None),
    ],
)
def test_round_38_whats_the_x_number_wants_a_figure(question: str, kind: str | None) -> None:
    assert q.wants(tuple(words(question))) == kind


@pytest.mark.parametrize(
    ("question", "later"),
    [
        ("did the coupe actually launch in june", True),
        ("did the second run really happen", True),
        ("did deliveries ever begin in spring", True),
        ("did the dealer actually start taking orders in may", True),
        ("did they actually take the review down", False),  # what the sources report
        ("did he really say deliveries start in may", False),  # a claim, which entries hold
        ("did deliveries start in may", False),  # no "actually": asks the forecast itself
    ],
)
def test_round_38_whether_a_forecast_came_about_is_asked_afterwards(
    question: str, later: bool
) -> None:
    assert q.afterwards(tuple(words(question))) is later


@pytest.mark.parametrize(
    ("message", "questions"),
    [
        (
            "my neighbour's kid keeps saying it'll be \"the last of its kind\". who said that?",
            ["the last of its kind", "who said that"],
        ),
        (
            "saw someone post \u2018sold out by spring\u2019 on a forum. is that legit",
            ["sold out by spring", "is that legit"],
        ),
        # a question with a topic of its own, or a quote too short to say anything, stays alone
        (
            "a guy wrote 'no more cars' here. what did the dealers get",
            ["what did the dealers get"],
        ),
        ("they call it 'rare'. who said that", ["who said that"]),
    ],
)
def test_a_quote_in_the_story_asks_when_the_question_only_points_at_it(
    message: str, questions: list[str]
) -> None:
    assert sorted(asked(message)) == sorted(questions)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # Round 40: a yes/no question reporting a question wants what that question wants.
        ("did the reviewer say how many seats it has", "number"),
        ("did they ever tell us what the wagon would actually cost", "money"),
        ("did the dealer mention when deliveries begin", "time"),
        ("did the reviewer say anything about seats", None),
        # "what day" wants a day; "the msrp new" is still a price.
        ("what day did the magazine run the story", "day"),
        ("what was the old hatchback's msrp new", "money"),
    ],
)
def test_round_40_reported_questions_days_and_prices_new(question: str, kind: str | None) -> None:
    assert q.wants(tuple(words(question))) == kind


def test_round_40_a_reported_how_many_counts_its_thing() -> None:
    assert q.counted(tuple(words("did the reviewer say how many seats it has"))) == ("seats",)


def test_round_40_figures_passed_on_and_yes_no_questions() -> None:
    told = tuple(words("my cousin swears the magazine said they'd build 7000 in 2014"))
    assert q.reported_figures(told) == frozenset({"7000", "2014"})
    assert q.reported_figures(tuple(words("i got a ticket for doing 80 last week"))) == frozenset()
    assert q.yes_no(tuple(words("i never saw it, did the magazine ever say that")))
    assert not q.yes_no(tuple(words("which one was it")))
    assert q.points_back(tuple(words("did the magazine ever say that")))


def test_round_40_an_adverb_of_emphasis_is_no_focus() -> None:
    assert q.focus(tuple(words("who actually filmed the race"))) == ("filmed",)
    assert q.focus(tuple(words("who really runs the magazine"))) == ("runs",)


@pytest.mark.parametrize(
    ("question", "priced"),
    [
        ("what would a used coupe sell for", True),
        ("what will the cars go for next year", True),
        ("so what would the gps sell for new", True),
        ("what are they selling for these days", False),  # today's market, not a forecast
        ("what should i go for, the coupe or the x1", False),  # a choice, not a price
        ("what are they going to build next", False),  # no "for": going to
    ],
)
def test_what_something_sells_for_asks_for_a_price(question: str, priced: bool) -> None:
    assert ("msrp" in q.focus(tuple(words(question)))) is priced


def test_an_if_clause_opening_an_asking_sentence_is_its_premise() -> None:
    # "IF the demand is that big in japan, WHY DOESNT ...": the clause is told, the rest asks.
    message = (
        "if the demand is that big in japan why doesnt the factory build more? whats the catch"
    )
    found = q.parts(message)
    assert [" ".join(p.words) for p in found if not p.asks] == [
        "if the demand is that big in japan"
    ]
    assert asked(message) == ["why doesnt the factory build more", "whats the catch"]
    # An "if" later in the sentence is no premise of it.
    assert asked("why doesnt the factory build more if the demand is that big") == [
        "why doesnt the factory build more if the demand is that big"
    ]


def test_did_someone_say_anything_asks_what_they_said() -> None:
    # Follow-up round 22: "did X say anything about Y" asks as "what did X say about Y";
    # "the reply to X" is the reply speaking, and "what did X tell him" asks what reached him.
    found = q.said(tuple(words("did the baker say anything about the rye")))
    assert found == (("baker",), ("rye",))
    assert q.said(tuple(words("did the baker say the rye was late"))) is None
    assert q.said(tuple(words("what did the answer to the baker say"))) == (("answer",), ())
    assert q.said(tuple(words("what did the baker tell him"))) is None


def test_a_sentence_supposing_a_case_before_a_question_is_marked_supposed() -> None:
    # "SAY they ...", "WHAT IF ...", "IF ...": the case the next sentence asks about.
    found = q.parts("ok so say the factory doubles its output next year. what would that cost")
    assert [p.supposed for p in found] == [True, False]
    assert [p.asks for p in found] == [False, True]
    # Story that supposes nothing, or too little to be a case ("say what"), is left alone.
    assert not any(p.supposed for p in q.parts("i read the factory doubles it. what would it cost"))
    assert not any(p.supposed for p in q.parts("ok say what. how many were built"))


@pytest.mark.parametrize(
    "question",
    ["how many came to the us", "how many got sent to japan", "how many arrived in the uk"],
)
def test_a_verb_of_arriving_after_how_many_is_no_focus(question: str) -> None:
    # "how many CAME here": where the counted cars went, not a word an entry must hold.
    asked = tuple(words(question))
    assert q.focus(asked) == ()
    assert q.counted(asked) == ()


@pytest.mark.parametrize(
    ("question", "pointing"),
    [
        ("what was that persons reasoning", True),
        ("was that commenter being serious", True),
        ("who was this poster", True),
        ("which person at the track filmed it", False),
    ],
)
def test_round_47_that_person_points_back_at_whoever_the_story_told_of(
    question: str, pointing: bool
) -> None:
    # "a reader in the thread said the van was braking. what was THAT PERSONS point"
    assert q.points_back(tuple(words(question))) is pointing


@pytest.mark.parametrize(
    "question",
    [
        "the bakery opens in june but june of which year",
        "spring of what year do they mean",
    ],
)
def test_round_49_of_what_year_wants_a_year(question: str) -> None:
    # A month does not say which year: "november OF WHAT YEAR" asks what the month left open.
    assert q.wants(tuple(words(question))) == "year"


def test_round_49_how_many_someone_said_names_the_speaker() -> None:
    # "how many loaves did THE BAKER SAY": a figure that one must have given.
    asked = tuple(words("how many loaves did the baker say they would bake"))
    assert q.said(asked) == (("baker",), ())
    assert q.said(tuple(words("how many loaves were baked"))) is None


@pytest.mark.parametrize(
    "question",
    [
        # Round 48: "FROM WHAT people said / i read, ..." tells where the asker got a claim;
        # the question is what follows, so "people" or "the blog" is no focus an entry must hold.
        "from what people in the replies said was the coupe quicker",
        "from what the blog wrote did the van keep up",
    ],
)
def test_round_48_from_what_someone_said_is_no_focus(question: str) -> None:
    assert q.focus(tuple(words(question))) == ()


def test_round_48_from_what_country_still_asks_a_country() -> None:
    # No verb of saying or knowing follows: "from what COUNTRY" asks for one.
    assert "country" in q.focus(tuple(words("the magazine is from what country")))


@pytest.mark.parametrize(
    "question", ["what timeframe did the writer give", "whats the timeline for prices to settle"]
)
def test_round_48_a_timeframe_asks_how_long(question: str) -> None:
    # "what TIMEFRAME": a span of time, in the words "how long" accepts
    assert q.focus(tuple(words(question))) == q.focus(tuple(words("how long is it")))


@pytest.mark.parametrize(
    ("message", "question"),
    [
        (
            "is the small batch a sales trick or is it the paint shop. who's right",
            "is it true",
        ),
        (
            "my aunt says the wagon is built in one plant or maybe two. which one is correct here",
            "is it true here",
        ),
        (
            "rain delay or a parts shortage. whos right about the late cars",
            "is it true about the late cars",
        ),
    ],
)
def test_round_51_who_is_right_after_alternatives_weighs_a_claim(
    message: str, question: str
) -> None:
    # "who's right" after "X or Y" weighs the alternatives, as "is it true": no person asked for
    assert asked(message)[-1] == question
    assert q.focus(tuple(q.parts(message)[-1].words)) == ()


def test_round_51_who_is_right_without_alternatives_is_left_alone() -> None:
    assert asked("my cousin drove one last week. who's right") == ["who right"]


@pytest.mark.parametrize(
    ("question", "later"),
    [
        ("what was the final delivery count for canada", True),
        ("did the press release give the final total", True),
        ("final tally of wagons built in europe", True),
        ("is 300 the final number", False),  # whether a figure stands, which a source may say
        ("final canadian count", False),  # a count a source may give, no car said to be made
        ("whats the final word on the wagon", False),  # a view, no figure
    ],
)
def test_round_53_the_final_figure_is_asked_afterwards(question: str, later: bool) -> None:
    assert q.afterwards(tuple(words(question))) is later


@pytest.mark.parametrize(
    ("question", "later"),
    [
        ("what was the price they ended up settling on", True),
        ("which colour ended up being the most popular", True),
        ("how many ended up going to canada", False),  # a count a source may give
        ("what does a wagon end up selling for", False),  # no past: what a source expects
    ],
)
def test_round_53_what_something_ended_up_being_is_asked_afterwards(
    question: str, later: bool
) -> None:
    assert q.afterwards(tuple(words(question))) is later


@pytest.mark.parametrize(
    ("question", "later"),
    [
        ("did the factory ever reopen the order books after the letter", True),
        ("did they ever restart deliveries", True),
        ("did the factory reopen in may", False),  # no "ever": what a source may report
        ("will they ever reopen the order books", False),  # a forecast, not what came after
    ],
)
def test_round_53_whether_something_was_ever_undone_is_asked_afterwards(
    question: str, later: bool
) -> None:
    assert q.afterwards(tuple(words(question))) is later


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("what resale % does the wagon keep", "percent"),
        ("by what percentage did the price drop", "percent"),
        ("what share in percent is the diesel", "percent"),
        ("was he 100 percent sure", None),  # a figure given, none asked for
        ("was he 100% sure", None),
    ],
)
def test_round_53_a_percentage_asked_wants_one(question: str, kind: str | None) -> None:
    assert q.wants(tuple(words(question))) == kind


@pytest.mark.parametrize(
    ("question", "contest"),
    [
        ("who would win, the wagon or the hatch", True),
        ("would the wagon beat a hatch on a drag strip", True),
        ("who won the drag race", False),  # what happened, which a source may report
        ("would the wagon win any awards", True),
        ("what would the dealer charge", False),
    ],
)
def test_round_53_who_would_win_asks_a_contest_never_run(question: str, contest: bool) -> None:
    assert q.would_win(tuple(words(question))) is contest


@pytest.mark.parametrize(
    ("question", "shown"),
    [
        ("what did they say on the show about the wagon", True),
        ("how many did the hosts guess on their show", True),
        ("whats the price they predicted in that show", True),
        ("did they talk prices on the show", False),  # whether they did, which a source says
        ("what show did they say it on", False),  # no show said on: which show
        ("what did they say about the show", False),  # about the show, not on it
    ],
)
def test_round_53_what_was_said_on_a_show_is_asked_of_the_show(question: str, shown: bool) -> None:
    assert q.said_on_show(tuple(words(question)), frozenset({"show"})) is shown


def test_round_52_how_many_counts_a_name_a_figure_opens_spelt_apart() -> None:
    # "how many 5 M'S": the letter after the figure is part of the name counted, not the
    # stopword "m" (of "i'm") that ends the run: the bare figure is what no answer counts.
    assert q.counted(tuple(words("how many 5 m's did the club own"))) == ("5", "m")
    assert q.counted(tuple(words("how many vans did the shop sell"))) == ("vans",)


@pytest.mark.parametrize(
    ("question", "wanted"),
    [
        ("what month and year did the bakery close", "month"),
        ("the year and month the ferry stopped running?", "month"),
        # Either will do: a year alone still answers it.
        ("what month or year did the bakery close", "date"),
        ("what month did the bakery close", "date"),
    ],
)
def test_round_52_a_month_and_a_year_want_a_month(question: str, wanted: str) -> None:
    assert q.wants(tuple(words(question))) == wanted


def test_round_52_a_half_remembered_saying_is_the_askers_guess() -> None:
    # "I THINK they said SOMETHING ABOUT x or y? cant remember, what was it": the asker's guess
    # at the answer, maybe wrong, weighs as little as a second guess does.
    message = (
        "a neighbour had a theory about why the van stalls. i think they said something about "
        "the battery or the fuel? cant recall, what was it"
    )
    found = q.parts(message)
    assert [p.guess for p in found] == [False, True, False]
    assert found[-1].asks
    assert not any(p.guess for p in q.parts("i think the van stalls. what did they say"))


@pytest.mark.parametrize(
    ("question", "wanted"),
    [
        ("when the paper first ran the story did they think it held up", None),
        ("when the mayor spoke did you feel she was hedging", None),
        ("when did the paper first run the story", "time"),
        ("when the ferry starts running", "time"),
    ],
)
def test_round_52_a_when_clause_before_the_question_asks_no_time(
    question: str, wanted: str | None
) -> None:
    # "WHEN THE PAPER FIRST RAN IT, did they think ...": a clause of time, then what is asked
    assert q.wants(tuple(words(question))) == wanted


@pytest.mark.parametrize(
    ("question", "later"),
    [
        ("did the weather forecast actually come true", True),
        ("did their plan ever pan out", True),
        ("did the forecast come true", False),  # no "actually": what the sources say may do
    ],
)
def test_round_52_did_a_forecast_actually_come_true_asks_what_came_after(
    question: str, later: bool
) -> None:
    assert q.afterwards(tuple(words(question))) is later


@pytest.mark.parametrize(
    ("question", "later"),
    [
        ("final tally of sheep sold at the fair", True),
        ("how many loaves got baked that week, final number", True),
        ("is 40 the final count of sheep", False),  # a figure weighed: the sources may say
        ("what was the final verdict on the van", False),
    ],
)
def test_round_52_a_final_tally_asks_what_came_after(question: str, later: bool) -> None:
    # "the FINAL TOTAL / NUMBER / TALLY": the count once it was all over
    assert q.afterwards(tuple(words(question))) is later


@pytest.mark.parametrize(
    ("question", "contested"),
    [
        ("who would win, the tractor or the van", True),
        ("which one would win on a wet field", True),
        ("who won the tractor pull", False),  # what happened: the sources may say
        ("did the van win lol", False),
    ],
)
def test_round_52_who_would_win_asks_a_match_up_never_run(question: str, contested: bool) -> None:
    assert q.would_win(tuple(words(question))) is contested


@pytest.mark.parametrize(
    ("question", "wanted"),
    [
        # Round 54: "ANYONE KNOW which / how many ..." asks the channel: the question is after it.
        ("anyone know which garage in leeds stocks them", "name"),
        ("does anybody even know how many vans the depot got", "number"),
    ],
)
def test_round_54_anyone_know_opens_the_question_after_it(question: str, wanted: str) -> None:
    assert q.wants(tuple(words(question))) == wanted


def test_round_54_did_it_get_a_successor_asks_what_came_after() -> None:
    # "did X GET A SUCCESSOR": a later car, with "ever" or without it.
    assert q.afterwards(tuple(words("did the wagon get a successor")))
    assert q.afterwards(tuple(words("did that hatchback have a sequel")))
    assert not q.afterwards(tuple(words("did the cast sign on for the sequel")))


@pytest.mark.parametrize(
    "question", ["did the engineer give a price for it", "did they ever quote any price"]
)
def test_round_54_did_someone_give_a_price_wants_one(question: str) -> None:
    # "did he GIVE A PRICE": an answer must state one, not only be about the person.
    assert q.wants(tuple(words(question))) == "money"


def test_round_54_how_many_extra_counts_nothing_named_extra() -> None:
    # "how many EXTRA would they need": how much more, not a thing called "extra".
    assert q.counted(tuple(words("how many extra would the plant need to sell"))) == ()
    assert q.counted(tuple(words("how many additional vans came"))) == ("vans",)


def test_round_54_which_article_asks_no_focus() -> None:
    # "WHICH OF THE ARTICLES brings up X": every claim comes from one; the answer's source says.
    assert q.which_writing(tuple(words("which of the posts talks about the van")))
    assert q.focus(tuple(words("which of the posts talks about the van"))) == ()
    assert not q.which_writing(tuple(words("which van did the post talk about")))


@pytest.mark.parametrize(
    ("question", "later"),
    [
        ("did used values really level off like the forum predicted", True),
        ("did wagon prices actually settle as the dealer claimed", True),
        ("did they actually say it like that", False),  # what was said, which a source may give
        ("did bmw actually confirm it like the insider said", False),  # a report, not an outcome
        ("did the blog say prices would settle like the forum said", False),  # no "actually"
    ],
)
def test_round_55_whether_a_forecast_held_like_they_said_is_asked_afterwards(
    question: str, later: bool
) -> None:
    assert q.afterwards(tuple(words(question))) is later


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("who penned the gazette article on the wagon", True),
        ("who penned that story", True),
        ("who wrote these articles", False),  # the posts, whose blog the knowledge names
        ("who wrote the new york times piece about it", True),
        ("who wrote that reply", False),  # a commenter, whom a source may name
        ("who wrote the posts", False),  # the blog, which the sources name
    ],
)
def test_round_55_who_wrote_an_article_asks_a_byline(question: str, asked: bool) -> None:
    assert q.byline(tuple(words(question))) is asked


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("how many wagons did canada end up with", True),
        ("how many did the dealers get in the end", True),
        ("in the end how many did they ultimately receive", True),
        ("how many wagons did canada get", False),  # a count a rumour or forecast may give
        ("how many will canada end up with", False),  # a forecast asked, no past count
    ],
)
def test_round_55_how_many_in_the_end_asks_a_settled_count(question: str, asked: bool) -> None:
    assert q.outcome_count(tuple(words(question))) is asked


@pytest.mark.parametrize(
    ("question", "later"),
    [
        ("did the wagon ever actually tow the trailer", True),
        ("did they ever really meet on a track", True),
        ("did they ever actually say which dealer", False),  # what was said
        ("did the wagon actually tow the trailer", False),  # no "ever": what a source may show
    ],
)
def test_round_55_whether_it_ever_actually_happened_is_asked_afterwards(
    question: str, later: bool
) -> None:
    assert q.afterwards(tuple(words(question))) is later


@pytest.mark.parametrize(
    ("question", "later"),
    [
        ("did priya get one of the five", True),
        ("did she buy one in the end", True),
        ("did the uk get one", False),  # a market's allocation, which a source may give
        ("did she get the email", False),  # no car got
    ],
)
def test_round_55_whether_someone_got_one_is_asked_afterwards(question: str, later: bool) -> None:
    assert q.afterwards(tuple(words(question))) is later


def test_a_bare_it_asked_of_after_a_story_is_what_its_last_clause_told() -> None:
    message = (
        "my cousin keeps saying the bakery will open a second shop, but i heard the baker put"
        " up some kind of notice?? what did it actually say"
    )
    assert q.told_last(message) == (
        "i heard the baker put up some kind of notice? what did it actually say?"
    )
    assert q.told_last("the baker put up a notice. what did that notice say") is None
    assert q.told_last("my cousin says a lot, but the baker put up a notice. what was it") is None
    assert q.told_last("what did it say") is None


@pytest.mark.parametrize(
    ("message", "question"),
    [
        # Round 56: a request to settle the asker's own dispute names no topic.
        (
            "what did the blog think of the memo, settle this pls",
            "what did the blog think of the memo",
        ),
        (
            "was it 100 or 125, trying to settle a bet w my cousin",
            "was it 100 or 125 trying to w someone",
        ),
        # "is the number settled" asks whether it is final: kept.
        ("is the number settled yet", "is the number settled yet"),
    ],
)
def test_round_56_settling_a_bet_is_no_topic(message: str, question: str) -> None:
    assert asked(message) == [question]


def test_round_56_the_other_side_of_a_comparison_is_marked() -> None:
    assert q.other_side(words("were sales higher or lower than the plan")) == {4}
    assert q.other_side(words("higher or higher")) == set()
    assert q.other_side(words("was it red or blue")) == set()


@pytest.mark.parametrize(
    ("message", "question"),
    [
        # Round 57: one of the asker's people who passed a claim on is someone, no topic.
        (
            "my roommate says the bakery shuts in may, is that true",
            "someone says the bakery shuts in may is that true",
        ),
        # ... and where they live is their story too ("my cousin IN LEEDS").
        (
            "did my cousin in leeds hear right that the bakery shuts",
            "did someone hear right that the bakery shuts",
        ),
        ("his boss from work said so, why", "someone said so why"),
        # A relation not after "my", "his", ...: left alone ("thanks bro").
        ("thanks bro, and why did it shut", "thanks bro and why did it shut"),
        # "buddy" stays: "my buddy" cost a validation turn (rounds 56 and 57).
        ("my buddy says it shut, why", "my buddy says it shut why"),
    ],
)
def test_round_57_the_askers_people_are_someone(message: str, question: str) -> None:
    assert asked(message) == [question]


def test_round_57_two_views_told_are_alternatives() -> None:
    # Round 57: "X reckons ..., Y says ... who's right" weighs two claims as "or" does.
    message = "the baker reckons it shuts in may, the mayor says june. who's right"
    assert asked(message) == ["is it true"]
    assert asked("the baker says it shuts in may. who's right") == ["who right"]


@pytest.mark.parametrize(
    ("question", "pointing"),
    [
        # Round 60: an article or an adjective of truth may stand between the demonstrative and
        # what it points at ("is that AN ACTUAL figure").
        ("is that an actual figure or just talk", True),
        ("was that a real quote", True),
        ("is that the plan they made for the launch", False),
    ],
)
def test_round_60_that_an_actual_figure_points_back(question: str, pointing: bool) -> None:
    assert q.points_back(tuple(words(question))) is pointing


@pytest.mark.parametrize("question", ["who wrote that", "who posted it"])
def test_round_60_who_wrote_that_asks_for_no_deed(question: str) -> None:
    # Round 60: "... who WROTE THAT" after a quote asks who said it, as "who said that" does.
    asked = tuple(words(question))
    assert q.points_back(asked)
    assert q.focus(asked) == ()


def test_round_60_a_size_before_figures_named_as_things_counts_them() -> None:
    # Round 60: "the two 600s" counts the figures named; "two" is no figure asked about.
    assert q.listed(tuple(words("were the two 600s about the same market"))) == frozenset({2})
    assert q.listed(tuple(words("were 2 of the 600 sold"))) == frozenset()


def test_what_asked_in_place_after_a_verb_of_saying_is_put_first() -> None:
    # Follow-up round 30: "X said what about Y" asks what "what did X say about Y" asks.
    assert asked("the ferry blog said what about the harbour") == [
        "what did the ferry blog say about the harbour"
    ]
    assert asked("do they say what the fare was") == ["do they say what the fare was"]


# Round 58


def test_a_short_verdict_on_this_or_that_points_back_at_the_story() -> None:
    assert q.points_back(tuple(words("is that even legal")))
    assert q.points_back(tuple(words("was this actually allowed")))
    assert not q.points_back(tuple(words("is the n54 legal after 2011")))


def test_when_a_forecast_event_actually_happened_asks_what_came_after() -> None:
    assert q.afterwards(tuple(words("when did x1 production actually begin")))
    assert q.afterwards(tuple(words("what year did the new plant really start")))
    assert not q.afterwards(tuple(words("when does x1 production start")))


def test_whether_something_was_on_a_show_asks_what_the_show_aired() -> None:
    shows = frozenset({"podcast"})
    assert q.said_on_show(tuple(words("was the laguna seca chat on the podcast")), shows)
    assert not q.said_on_show(tuple(words("is the podcast run by the blog")), shows)


def test_random_but_is_an_interjection_before_a_story_too() -> None:
    found = q.parts("random but my mate sent me a link. who runs the podcast?")
    assert found[0].words[:2] != ("random", "but")


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("what would a wagon fetch today", True),
        ("what do used ones sell for these days", True),
        ("whats it worth right now", True),
        ("now that the memo is out, is it worth the wait", False),  # no time of a value
        ("what will it be worth in five years", False),  # a forecast asked
        ("is the wagon still coming now", False),  # no value asked
    ],
)
def test_round_59_a_value_now_asks_the_present(question: str, asked: bool) -> None:
    assert q.present_value(tuple(words(question))) is asked


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        # Round 87: where someone works, or what they do, at the time of asking
        ("where does the head baker work now", True),
        ("what is the miller doing these days", True),
        ("what job does the gardener have currently", True),
        ("where did the head baker work", False),  # no time of asking: the sources' own time
        ("now that the shop is shut, where does the bread come from", False),
        ("what does the bakery sell now", False),  # no work asked
    ],
)
def test_round_87_a_post_now_asks_the_present(question: str, asked: bool) -> None:
    assert q.present_post(tuple(words(question))) is asked


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        # Round 91: someone's career before the post the sources give
        ("whats the miller's background before he took over the mill", True),
        ("where did the head baker work before joining", True),
        ("what was her career like before the bakery", False),  # no one's turn named after it
        ("what did the miller say before the flood", False),  # no career asked
        ("what is the head baker's background", False),  # no "before"
    ],
)
def test_round_91_a_career_before_asks_past_the_sources(question: str, asked: bool) -> None:
    assert q.earlier_post(tuple(words(question))) is asked


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        # Round 101: a count of businesses, which the sources never give
        ("how many bakery dealers are in kent", True),
        ("how many dealerships are there in wales", True),
        ("how many stores in york", True),
        ("how many loaves per store", False),  # counts loaves
        ("how many loaves is the kent dealer getting", False),
        ("how many did the dealer get", False),  # nothing counted named
        ("how many sales advisors does the dealer have", False),  # people, not businesses
    ],
)
def test_round_101_a_count_of_businesses_is_asked(question: str, asked: bool) -> None:
    assert q.business_count(tuple(words(question))) is asked


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        # Round 101: who holds a post at the time of asking
        ("who runs the bakery now", True),
        ("so whos in charge of the mill these days", True),
        ("who runs the bakery", False),  # no time of asking
        ("is the miller still in charge of the mill now", False),  # asked of the one named
        ("who baked the bread now", False),  # no post asked
    ],
)
def test_round_101_who_holds_a_post_now_asks_the_present(question: str, asked: bool) -> None:
    assert q.present_post(tuple(words(question))) is asked


@pytest.mark.parametrize(
    ("question", "later"),
    [
        ("did the second run wreck prices like the forum said it would", True),
        ("did values sink like they said they would", True),
        ("did values sink like they said", False),  # no forecast told, no "actually"
        ("did he say it would sink like that", False),  # what was said, asked
    ],
)
def test_round_59_like_they_said_it_would_asks_if_a_forecast_held(
    question: str, later: bool
) -> None:
    assert q.afterwards(tuple(words(question))) is later


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("when did the gazette piece about the wagon come out", True),
        ("what date was the second post published", True),
        ("which year did that article go up", True),
        ("when was the club gonna post more", False),  # no piece named
        ("when did the memo go out", False),  # a memo, which a source may time
        ("when did the wagon come out", False),  # a car, not a piece
    ],
)
def test_round_59_when_a_piece_came_out_asks_a_dateline(question: str, asked: bool) -> None:
    assert q.dateline(tuple(words(question))) is asked


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("did the importer say anything about pricing in the memo", ("pricing",)),
        ("what did the importer say about pricing on that call", ("pricing",)),
        ("what did the importer say about pricing in canada", ("pricing", "canada")),
    ],
)
def test_round_59_where_it_was_said_is_no_topic(question: str, topic: tuple[str, ...]) -> None:
    found = q.said(tuple(words(question)))
    assert found is not None
    assert found[1] == topic


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("what year did the wagon build start", "year"),
        ("which year was the launch", "year"),
        ("what month did the wagon build start", "date"),
        ("how much markup are the dealers adding", "money"),
        ("how much over sticker are dealers charging", "money"),
        ("how much torque does it make", "number"),
    ],
)
def test_round_59_what_year_and_how_much_markup(question: str, kind: str) -> None:
    assert q.wants(tuple(words(question))) == kind


def test_round_61_did_someone_confirm_it_themselves_asks_what_they_said() -> None:
    # Said by the one named, not passed on by someone else.
    found = q.said(tuple(words("did the bakery confirm the 40 loaves themselves")))
    assert found == (("bakery",), ("40", "loaves"))
    assert q.said(tuple(words("did the baker say that himself"))) == (("baker",), ())
    # Without the reflexive, a bare did-question names no speaker to check.
    assert q.said(tuple(words("did the bakery confirm the 40 loaves"))) is None


@pytest.mark.parametrize(
    ("question", "calls"),
    [
        ("ok who's right according to the article", True),
        ("whos right here", True),
        ("so which one is it", True),
        ("who is it", False),
        ("who is right about the wagon delay in canada", False),
        ("which dealer is right", False),
    ],
)
def test_followup_32_a_call_between_the_sides_told_points_back(question: str, calls: bool) -> None:
    # "he says the wagon is late, she says it's early. WHO'S RIGHT": the story's sides are the
    # topic; the call names none and asks for no person who did something
    asked = tuple(words(question))
    assert q.arbitrates(asked) is calls
    assert q.points_back(asked) is calls
    if calls:
        assert q.focus(asked) == ()
        assert not q.asks_who(asked)


def test_round_62_the_one_a_reply_or_a_telling_was_made_to() -> None:
    def at(text: str) -> tuple[tuple[int, int], ...]:
        return q.addressed(words(text))

    # The verb's place and the addressee's: "reply to X", "tell (the) X".
    assert at("what did the reply to quillfeather say") == ((3, 5),)
    assert at("why did somebody tell the baker the oven was late") == ((3, 5),)
    # No one spoken to: "tell me", a reply to nothing named, a telling with nothing before it.
    assert at("can you tell me when the bakery opens") == ()
    assert at("did anyone reply") == ()
    assert at("tell quillfeather hi") == ()


def test_round_62_make_that_causes_a_change_makes_nothing() -> None:
    def at(text: str) -> frozenset[int]:
        return q.causing(words(text))

    assert at("what could make the prices change") == {2}
    assert at("would a late delivery make loaf numbers drop") == {4}
    # Making things: "make more", "make a cake", a change too far from the verb.
    assert at("will they make more so numbers change") == frozenset()
    assert at("did the bakery make any cakes") == frozenset()
    assert at("who made the big wedding cake that day change") == frozenset()


def test_followup_33_a_guess_about_the_teller_before_or_is_that_true_is_the_guess() -> None:
    # "IS HE JUST pushing the spelt or is that true": the guess comes first, the
    # question about what the story told after "or"
    told = "the baker said the rye is sold out. is he just pushing the spelt or is that true"
    found = q.parts(told)
    assert [(" ".join(p.words), p.asks, p.guess) for p in found] == [
        ("the baker said the rye is sold out", False, False),
        ("is he just pushing the spelt", False, True),
        ("is that true", True, False),
    ]
    # a question about the teller with no verdict after "or" is left as it was
    found = q.parts("the baker said the rye is sold out. is he just lazy or tired")
    assert [p.guess for p in found] == [False, False]


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # Round 64: places offered as guesses ("tempe OR mesa") still leave a name to give.
        ("which dealership is he at tempe or mesa", "name"),
        ("what dealership does gabe work at", "name"),
        ("which is faster the 1m or the x1", None),
    ],
)
def test_round_64_a_business_asked_by_name_wants_a_name_beside_guesses(
    question: str, kind: str | None
) -> None:
    assert q.wants(tuple(words(question))) == kind


@pytest.mark.parametrize(
    ("message", "figures"),
    [
        # Round 64: a claim ending in a tag asking to check it gives the figure to check.
        ("so the bakery sells 750 loaves right?", {"750"}),
        ("i heard 40 a week. is that correct", set()),  # the tag is no sentence's end there
        ("the bakery sells 40 a week. correct", set()),  # a tag alone is no claim
        ("how many loaves, 750 right", set()),  # "how many" asks the figure
    ],
)
def test_round_64_a_claim_tagged_for_checking_gives_its_figures(
    message: str, figures: set[str]
) -> None:
    assert q.checked_figures(message) == figures


@pytest.mark.parametrize(
    ("message", "figures"),
    [
        # Round 87: a sentence opening on the asker's recollection offers its figure to check.
        ("iirc the bakery sells 750 loaves a week", {"750"}),
        ("so i think the mill said 40 sacks. who supplies the flour", {"40"}),
        ("pretty sure the cafe gets 12 trays", {"12"}),
        ("the bakery sells 750 loaves a week", set()),  # a plain claim: no memory offered
        ("i think the cafe is open, how many loaves did it sell by 9", set()),  # "how" asks
    ],
)
def test_round_87_a_recalled_claim_gives_its_figures_to_check(
    message: str, figures: set[str]
) -> None:
    assert q.checked_figures(message) == figures


@pytest.mark.parametrize(
    ("message", "figures"),
    [
        # Round 143: a figure after "a" names one thing (a model), it counts none.
        ("so the baker was about to buy a 737 right", set()),
        ("iirc the baker flew on a 737", set()),
        ("so the baker flew 737 miles right", {"737"}),  # a count: checked as before
    ],
)
def test_round_143_a_figure_after_a_names_a_thing_it_counts_none(
    message: str, figures: set[str]
) -> None:
    assert q.checked_figures(message) == figures


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # Round 64: a count once it was over, asked without "did" ("how many ENDED up ...").
        ("how many loaves ended up baked in the end", True),
        ("how many were sold in the end", True),
        ("how many will end up sold", False),  # a forecast
    ],
)
def test_round_64_a_count_in_the_end_is_asked_in_the_past_without_did(
    question: str, expected: bool
) -> None:
    assert q.outcome_count(tuple(words(question))) is expected


@pytest.mark.parametrize(
    ("question", "shown"),
    [
        # The show, or its people, is the one saying or guessing: what was said on it.
        ("what did the show crew predict for the wagon", True),
        ("what did the show say about prices", True),
        ("how many did the show hosts guess", True),
        ("what did they say about the show", False),  # about the show, not said by it
        ("what did the show host drive", False),  # no saying
    ],
)
def test_round_65_a_show_saying_is_what_was_said_on_it(question: str, shown: bool) -> None:
    assert q.said_on_show(tuple(words(question)), frozenset({"show"})) is shown


@pytest.mark.parametrize(
    ("question", "place", "title"),
    [
        ("how many loaves did iceland get", "iceland", False),
        ("the sales head in iceland said so, how many did iceland get", "iceland", True),
        ("what did the iceland guy say", "iceland", True),
        ("how many did the icelandic bread sales head expect", "icelandic", True),
        ("how many loaves go to iceland", "iceland", False),
    ],
)
def test_round_65_a_place_in_a_title_is_no_market(question: str, place: str, title: bool) -> None:
    said = words(question)
    assert q.titled(said, said.index(place)) is title


@pytest.mark.parametrize(
    ("question", "wanted"),
    [
        # "what's X's name": the name asked, not the one who has it.
        ("what's the baker's apprentice's name", ("name",)),
        ("whats quillfeathers name", ("name",)),
        ("whats his name", ()),  # the name of the one told of, as before
        ("whats the bakers opinion", ("bakers",)),
    ],
)
def test_round_65_whats_someones_name_asks_a_name(question: str, wanted: tuple[str, ...]) -> None:
    assert q.focus(tuple(words(question))) == wanted


@pytest.mark.parametrize(
    ("question", "found", "wanted"),
    [
        # "did X say HOW MANY ...": a figure X must have given, after a lead-in too
        (
            "did the baker say how many loaves they sold",
            (("baker",), ("many", "loaves", "sold")),
            "number",
        ),
        (
            "in the interview the paper ran, did the baker say how many loaves they sold",
            (("baker",), ("many", "loaves", "sold")),
            "number",
        ),
        # a wh-question of its own: "when" is no reported question
        ("what did the baker say when asked about rye", (("baker",), ()), None),
        ("did the baker say anything", None, None),
    ],
)
def test_round_65_did_x_say_how_many_asks_what_x_gave(
    question: str, found: tuple[tuple[str, ...], tuple[str, ...]] | None, wanted: str | None
) -> None:
    asked = tuple(words(question))
    assert q.said(asked) == found
    assert q.wants(asked) == wanted


@pytest.mark.parametrize(
    ("question", "found"),
    [
        # "did X write about Y", "did X call Y a Z": what X said of Y
        (
            "did the gazette ever call the rye loaf a classic",
            (("gazette",), ("rye", "loaf", "classic")),
        ),
        ("did the gazette write about the rye loaf", (("gazette",), ("rye", "loaf"))),
        # a long subject is no speaker asked of; "call around" calls no one anything
        ("does the bakers price match what the later article says about rye", None),
        ("is that official or should i call around", None),
    ],
)
def test_round_65_did_x_write_about_or_call_y_asks_what_x_said_of_y(
    question: str, found: tuple[tuple[str, ...], tuple[str, ...]] | None
) -> None:
    assert q.said(tuple(words(question))) == found


@pytest.mark.parametrize(
    ("message", "guessed"),
    [
        # Round 67: a check followed by the asker's own doubt ("... or just X") is split there,
        # the doubt marked as the asker's guess; "or" between two things asked is left alone.
        (
            "the baker said rye is sold out for good. is that real or just bakery gossip",
            [False, False, True],
        ),
        (
            "my neighbour swears the new loaf has honey in it. legit or just hype?",
            [False, False, True],
        ),
        ("the loaf is sold out. is it rye or just plain wheat?", [False, False]),
    ],
)
def test_round_67_a_check_beside_the_askers_doubt_leaves_the_doubt_a_guess(
    message: str, guessed: list[bool]
) -> None:
    assert [p.guess for p in q.parts(message)] == guessed


def test_round_69_a_count_of_questions_to_come_opens_them() -> None:
    # "two things: what ... and what ...": the count is no sentence of its own (its figure
    # weighs nothing) and the question after it opens with its question word.
    message = "been baking for years. two things: what flour does the baker use and what oven"
    assert asked(message) == ["what flour does the baker use and what oven"]
    assert q.questions(message) is not None
    assert q.joined(message)


def test_round_69_two_asking_sentences_are_not_joined() -> None:
    # A question and another sentence that follows it up are not two questions "and" joins.
    assert not q.joined("what flour does the baker use? like which mill is it from?")
    assert q.joined("what flour does the baker use and which mill is it from")


@pytest.mark.parametrize(
    ("question", "found"),
    [
        # Round 68: a bound offered both ways is the asker's, with its comparing words
        ("is it more or less than 100 loaves a week", ("more", "or", "less", "than", "100")),
        ("over or under 300 for the year?", ("over", "or", "under", "300")),
        ("did the bakery sell more than 50 or less", ("more", "than", "50", "or", "less")),
        ("more than 50 loaves or less?", ("more", "than", "50", "or", "less")),
        # one way, or "more or less" meaning roughly, or no figure: no bound offered both ways
        ("will the bakery sell more than 50 loaves", ()),
        ("it sold more or less 50 loaves", ()),
        ("is rye more or less popular than wheat", ()),
    ],
)
def test_round_68_a_bound_offered_both_ways(question: str, found: tuple[str, ...]) -> None:
    said = words(question)
    assert tuple(said[i] for i in sorted(q.bound(said))) == found


@pytest.mark.parametrize(
    ("question", "later"),
    [
        # Round 69: whether a claim TURNED OUT right or wrong is judged after the sources.
        ("did the baker turn out to be right about the rye", True),
        ("did the neighbour turn out wrong about the loaf", True),
        # ... but whether something turned out to be so asks what they say, and an "if"
        # clause is no question of its own.
        ("did the post turn out to still be up", False),
        ("what happens to the rye if demand turned out lower", False),
        # Whether something ever happened to one thing AS IT DID to another: a later event.
        ("did the rye ever get called a classic by the paper like the sourdough did", True),
        ("did the paper ever write about the rye like they did the sourdough", True),
        ("did the paper ever write about the rye", False),
    ],
)
def test_round_69_a_verdict_by_what_came_after_is_asked_afterwards(
    question: str, later: bool
) -> None:
    assert q.afterwards(tuple(words(question))) is later


@pytest.mark.parametrize(
    ("question", "later"),
    [
        # Round 68: "happened THE NEXT day" asks what came after, as "happened next" does
        ("what really happened the next day at the bakery", True),
        ("what happened next at the bakery", True),
        ("what happened the day the bakery opened", False),
    ],
)
def test_round_68_happened_the_next_asks_what_came_after(question: str, later: bool) -> None:
    assert q.afterwards(tuple(words(question))) is later


@pytest.mark.parametrize(
    ("sentence", "asked"),
    [
        # Round 68: the asker's own question told as a statement
        ("the rye thing makes sense but i wanna know what happened after", "what happened after"),
        ("im curious how the bakery did it", "how the bakery did it"),
        ("i know what happened after", ""),
        ("the baker wants to know what happened", ""),
    ],
)
def test_round_68_the_askers_wondering_is_a_question(sentence: str, asked: str) -> None:
    assert q.wondered(tuple(words(sentence))) == tuple(words(asked))


@pytest.mark.parametrize(
    ("message", "asking"),
    [
        # Round 68: a run-on aside of the asker's turns to its question at "so" + a wh-word
        (
            "my neighbour swears the loaf was rye but i tasted wheat idk maybe my taste is off"
            " so what flour was in the loaf",
            [False, True],
        ),
        # a short lead-in, or no asker in the aside: one sentence
        ("ok so what flour was in the loaf", [True]),
        ("the baker said rye all week so what flour was in the loaf", [True]),
    ],
)
def test_round_68_a_run_on_aside_turns_at_so(message: str, asking: list[bool]) -> None:
    assert [p.asks for p in q.parts(message)] == asking


@pytest.mark.parametrize(
    ("question", "whole"),
    [
        # Round 68: the whole a "how many" share is asked out of
        ("how many loaves does the cafe get out of the bakery total", "out of the bakery total"),
        ("how many loaves did the cafe get out of the first batch", "out of the first batch"),
        ("the cafe ran out of loaves, how many did it sell", ""),
    ],
)
def test_round_68_the_whole_a_share_is_asked_of(question: str, whole: str) -> None:
    said = words(question)
    assert tuple(said[i] for i in sorted(q.share_of(said))) == tuple(words(whole))


# The question path's shortcuts (perf16) find what their plain forms find.
_CHAT_WORDS = st.sampled_from(
    "so ok but what whats how which was were is did they anyone know say said guess guessed "
    "predict on the podcast show episode about price us right correct RIGHT Correct \uff52ight "
    "two thousand 1000 600 1m 1ms cars , . ? ; ! lol iirc i think pretty sure a".split()
)


def _checked_figures_splitting_every_message(message: str) -> frozenset[str]:
    found: set[str] = set()
    for sentence in q._BREAK.split(message, q.MAX_PARTS):
        said = words(sentence)
        checked = said[-1:] and (said[-1] in q.CHECKING_TAGS or q._recalled(said))
        if len(said) > 2 and "how" not in said and checked:
            found.update(w for i, w in enumerate(said) if w.isdigit() and said[i - 1 : i] != ["a"])
    return frozenset(found)


@given(st.lists(_CHAT_WORDS, max_size=14).map(" ".join))
def test_checked_figures_skip_a_message_without_a_tag_as_splitting_it_would(
    message: str,
) -> None:
    assert q.checked_figures(message) == _checked_figures_splitting_every_message(message)


def test_checked_figures_of_a_tag_written_in_full_width_letters() -> None:
    assert q.checked_figures("so the us gets 1000 \uff52\uff49\uff47\uff48\uff54?") == {"1000"}


def _said_on_show_checking_shows_first(asked: tuple[str, ...], shows: frozenset[str]) -> bool:
    if shows.isdisjoint(asked):
        return False
    start = q._after_lead_ins(asked)
    aired = start < len(asked) and asked[start] in q._AIRED_ASKERS
    if not aired and q._SAID_ON.isdisjoint(asked):
        return False
    if not aired and start < len(asked) and asked[start] not in q._SAID_ON_ASKERS:
        return False
    if not aired and q._show_said(asked[start:], shows):
        return True
    return q._followed(asked, q._ON, q._ON_WHICH, shows)


@given(
    st.lists(_CHAT_WORDS, max_size=12).map(lambda found: tuple(words(" ".join(found)))),
    st.sets(st.sampled_from(["podcast", "show", "episode"])).map(frozenset),
)
def test_a_question_not_worded_to_ask_what_a_show_said_asks_it_of_no_show(
    asked: tuple[str, ...], shows: frozenset[str]
) -> None:
    said = q.said_on_show(asked, shows)
    assert said == _said_on_show_checking_shows_first(asked, shows)
    assert q.may_say_on_show(asked) or not said


def test_where_a_question_starts_is_remembered_for_the_same_words() -> None:
    asked = tuple(words("so ok anyone know which dealer got the most"))
    assert q._after_lead_ins(asked) == q._after_lead_ins.__wrapped__(asked) == 4
    hits = q._after_lead_ins.cache_info().hits
    q._after_lead_ins(tuple(words("so ok anyone know which dealer got the most")))
    assert q._after_lead_ins.cache_info().hits == hits + 1


_SENTENCE_WORDS = st.sampled_from(
    "wait hold hang on random but no way what which how many of in year month and did does "
    "segler say said tell told reply replied to the ybs bmwna is it right 1m us".split()
)
_SENTENCES = st.lists(_SENTENCE_WORDS, max_size=12).map(tuple)


def _untagged_trying_every_opener(found: list[str]) -> list[str]:
    if len(found) > 2 and found[-1] in q._TAGS and found[-2] not in q._BEFORE_PREDICATE:
        found = found[:-1]
    if len(found) > 3 and tuple(found[:2]) in q._DOUBTING:
        found = found[2:]
    for opener in q._INTERJECTIONS:
        n = len(opener)
        if (
            len(found) > n + 2
            and tuple(found[:n]) == opener
            and (found[n] in q._ASKS or opener in q._ANY_INTERJECTIONS)
        ):
            return found[n:]
    return found


def _reported_ask_scanning(asked: tuple[str, ...], start: int) -> int:
    first = next((j for j in range(start, len(asked)) if asked[j] in q._REPORTING_AUX), None)
    if first is None or not q._WH_LAST.isdisjoint(asked[start:first]):
        return start
    reach = asked[first + 2 : first + 2 + q._REPORTER_REACH]
    for k, w in enumerate(reach, first + 2):
        if w in q._SAID_VERBS and asked[k + 1 : k + 2] and asked[k + 1] in q._REPORTED_ASKS:
            return first
    return start


def _addressed_scanning(asked: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    found: list[tuple[int, int]] = []
    for i, w in enumerate(asked):
        if w in q._ANSWERING and asked[i + 1 : i + 2] == ("to",):
            at = i + 2
        elif w in q._TELLING_TO and i > 0:
            at = i + 1
        else:
            continue
        if asked[at : at + 1] == ("the",):
            at += 1
        if at < len(asked) and asked[at] not in q.STOPWORDS:
            found.append((i, at))
    return tuple(found)


@given(_SENTENCES, st.integers(min_value=0, max_value=3))
def test_sentence_checks_that_skip_a_sentence_without_their_word_find_the_same(
    asked: tuple[str, ...], start: int
) -> None:
    """(perf16) A check skips a sentence without the word it needs, as scanning finds."""
    assert q._untagged(list(asked)) == _untagged_trying_every_opener(list(asked))
    assert q._of_what_year(asked) == any(
        a in ("of", "in") and b in ("what", "which") and c == "year"
        for a, b, c in zip(asked, asked[1:], asked[2:], strict=False)
    )
    assert q._reported_ask(asked, start) == _reported_ask_scanning(asked, start)
    assert q.addressed(asked) == _addressed_scanning(asked)


@pytest.mark.parametrize(
    ("question", "later"),
    [
        # Round 71: "happened" and a word of following with words of timing between them.
        ("what actually happened the next morning at the bakery", True),
        ("what happened right after the oven broke", True),
        ("what happened a day after the sale", True),
        # ... but not with the place of it between them, nor the story's own time.
        ("what happened in the kitchen after the fire", False),
        ("what happened with the loaves back then", False),
    ],
)
def test_round_71_what_happened_the_next_day_is_asked_afterwards(
    question: str, later: bool
) -> None:
    assert q.afterwards(tuple(words(question))) is later


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("what does the baker drive", True),  # round 73: someone's own car
        ("what car did old tomasz own", True),
        ("which car does marta drive to work", True),
        ("what was the guy filming driving", False),  # the car in the clip, told by a source
        ("what did the camera van drive behind", False),
        ("what does it drive like", False),  # how a car handles
        ("what did the baker say about driving", False),  # no "do" before the owner
    ],
)
def test_round_73_what_someone_drives_asks_for_their_own_car(question: str, asked: bool) -> None:
    assert q.own_car(tuple(words(question))) is asked


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        # Round 87: what someone named was driving is their own car too
        ("what was the baker driving at the fair", True),
        ("which car was old tomasz driving", True),
        ("what was he driving", False),  # a pronoun may point at the one filming
        ("what was the camera van driving behind", False),
        ("what was the baker saying about driving", False),  # no "driving" after the owner
    ],
)
def test_round_87_what_someone_was_driving_asks_for_their_own_car(
    question: str, asked: bool
) -> None:
    assert q.own_car(tuple(words(question))) is asked


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        # Round 101: "whats" holds the copula of "what is X driving"
        ("whats the whole bakery driving rn", True),
        ("whats old tomasz driving these days", True),
        ("whats driving the bread prices", False),  # no one named before the verb
        ("whats the baker driving at", False),  # what he means
        ("whats the van driving like", False),  # how it drives
    ],
)
def test_round_101_whats_someone_driving_asks_for_their_own_car(question: str, asked: bool) -> None:
    assert q.own_car(tuple(words(question))) is asked


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # Round 74: "what was THAT msrp", "whats ITS price": a determiner before the price word
        # still asks for a price.
        ("what was that msrp in euros, the one the review gave", "money"),
        ("whats its price over in japan", "money"),
        ("what was their sticker back then", "money"),
        # ... and a determiner before another word asks for no price.
        ("what was that review about", None),
    ],
)
def test_round_74_a_price_after_a_determiner_wants_money(question: str, kind: str | None) -> None:
    assert q.wants(tuple(words(question))) == kind


@pytest.mark.parametrize(
    ("question", "contest"),
    [
        # Round 74: "is X quicker than Y" asks which is quicker in general, a contest.
        ("is the hatchback quicker than a golf r", True),
        ("are wagons slower than sedans on a track", True),
        # ... "was it faster than" asks what happened, and "is it fast" compares nothing.
        ("was the hatchback faster than the van in the clip", False),
        ("is the hatchback fast", False),
    ],
)
def test_round_74_is_one_car_quicker_than_another_is_a_contest(
    question: str, contest: bool
) -> None:
    assert q.would_win(tuple(words(question))) is contest


@pytest.mark.parametrize(
    ("question", "later"),
    [
        # Round 74: "happened IN THE END / EVENTUALLY" asks how the story ended.
        ("so what really happened in the end with the bakery", True),
        ("what happened eventually to the old mill", True),
        # ... but the end OF something told is the story's own time.
        ("what happened in the end of the film", False),
    ],
)
def test_round_74_what_happened_in_the_end_is_asked_afterwards(question: str, later: bool) -> None:
    assert q.afterwards(tuple(words(question))) is later


@pytest.mark.parametrize(
    ("question", "who"),
    [
        # Round 74: "the guy WHO BAKED THE PIE, does he think ...": who is meant, named by
        # what they did, before the question asked of them.
        ("the guy who baked the pie, does he think it will sell", "who baked the pie"),
        ("that commenter who posted the map, what did she say about parking", "who posted the map"),
        # ... no question after the clause, or no one named by a deed: nothing.
        ("the guy who baked the pie was late", ""),
        ("who baked the pie, does anyone know", ""),
        ("the guy who baked the pie, who is he", ""),  # who they are is what is asked
    ],
)
def test_round_74_who_is_meant_before_the_question_asked_of_them(question: str, who: str) -> None:
    asked = tuple(words(question))
    assert " ".join(asked[i] for i in sorted(q.identified(asked))) == who


@pytest.mark.parametrize(
    ("question", "later"),
    [
        # Round 74: "what REPLACES / SUCCEEDS it" asks the one after, as "replaced" does.
        ("what replaces the old hatchback once it stops", True),
        ("which model succeeds the wagon", True),
        ("what parts does the mechanic replace", False),  # the verb past the first three words
    ],
)
def test_round_74_what_replaces_it_is_asked_afterwards(question: str, later: bool) -> None:
    assert q.afterwards(tuple(words(question))) is later


@pytest.mark.parametrize(
    ("message", "kept"),
    [
        # Round 74: "around" after "get / time / thrown ..." is a particle, no rounding.
        ("how did the bakers get around the rule", False),
        ("will it sell out this time around", False),
        ("why is that rumour going around the village", False),
        # ... "around 100" rounds a figure, and "around town" is a place.
        ("did they get around 100 loaves", True),
        ("is there a bakery around town", True),
    ],
)
def test_round_74_around_as_a_particle_is_no_word(message: str, kept: bool) -> None:
    assert ("around" in q.parts(message)[0].words) is kept


@pytest.mark.parametrize(
    ("message", "read"),
    [
        # Round 74: "who BACKED UP the baker" asks who agreed with her.
        ("who backed up the baker on the recipe", ("who", "agreed", "with", "the", "baker")),
        # ... "what backs up the claim" asks for evidence, and stays.
        ("what backs up the claim", ("what", "backs", "up", "the", "claim")),
    ],
)
def test_round_74_who_backed_someone_up_is_who_agreed(message: str, read: tuple[str, ...]) -> None:
    assert q.parts(message)[0].words[: len(read)] == read


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        # Round 75: "who wrote IT" after the article is named asks its byline too.
        ("that gazette piece on the wagon, who wrote it", True),
        ("the tribune article, when was it out and who penned it", True),
        # ... "it" with no piece named (a comment, a reply) stays a commenter's deed.
        ("the comment about the wagon made me laugh, who wrote it", False),
    ],
)
def test_round_75_who_wrote_it_after_a_piece_asks_a_byline(question: str, asked: bool) -> None:
    assert q.byline(tuple(words(question))) is asked


@pytest.mark.parametrize(
    ("question", "shop"),
    [
        # Round 75: "what's X's dealership CALLED" asks its name, wherever the question ends.
        ("whats the baker's store called in ohio", "store"),
        ("what's her dealership named again", "dealer"),
        # ... "called" after another word, or a question not opening with "what", is no name.
        ("whats the dealer called about", None),
        ("the dealership called me today, what did they want", None),
    ],
)
def test_round_75_a_business_called_asks_its_name(question: str, shop: str | None) -> None:
    assert q.business(tuple(words(question))) == shop


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        # Round 75: a count for one named month is asked ...
        ("so what was the loaf number for june exactly", True),
        ("how many pies did the bakery sell in october", True),
        # ... but not the month a monthly rate starts, nor a month with no count asked.
        ("how many pies a week, starting in october", False),
        ("what did the baker say about june", False),
    ],
)
def test_round_75_a_count_for_one_month_is_asked(question: str, asked: bool) -> None:
    assert q.month_count(tuple(words(question))) is asked


@pytest.mark.parametrize(
    ("message", "asked", "story"),
    [
        # Round 75 (round 76's aside at the merge): "... BC I saw ..." after the question
        # tells why the asker asks: story.
        (
            "wanna know what the baker said bc i heard someone quote her on rye",
            ("wanna", "know", "what", "the", "baker", "said"),
            ("bc", "i", "heard", "someone", "quote", "her", "on", "rye"),
        ),
        # ... but "because" with no question word before it stays one sentence.
        ("the bakery shut because i was late", None, None),
    ],
)
def test_round_75_because_i_after_a_question_is_story(
    message: str, asked: tuple[str, ...] | None, story: tuple[str, ...] | None
) -> None:
    found = q.parts(message)
    if asked is None:
        assert len(found) == 1
    else:
        assert [(p.words, p.asks) for p in found] == [(asked, True), (story, False)]


@pytest.mark.parametrize(
    ("question", "before", "asked"),
    [
        # Round 77: a share of a run not yet doubled is asked ...
        ("if the bakery doubles the batch how many loaves a week is that", "", True),
        ("how many would my shop get if they do double it", "", True),
        (
            "if that happens how many does each stall receive",
            "the baker says she'll double it",
            True,
        ),
        # ... but not the doubled total, a count under another "if", nor "that" told of no doubling.
        ("and if they double it, how many in total", "", False),
        ("if they buy a second oven how many more must they sell", "", False),
        ("if that happens how many does each stall receive", "the baker bought an oven", False),
    ],
)
def test_round_77_a_share_of_a_doubled_run_is_asked(
    question: str, before: str, asked: bool
) -> None:
    assert q.doubled_count(tuple(words(question)), set(words(before))) is asked


@pytest.mark.parametrize(
    ("message", "read"),
    [
        # Round 78: "is there anything (in X) about Y" asks what the sources say of Y ...
        ("is there anything about the harbour in the logs?", ("what", "about", "the", "harbour")),
        ("anything in the diaries about the flood", ("what", "in", "the", "diaries", "about")),
        ("was there something about the mayor", ("what", "about", "the", "mayor")),
        # ... but a clause after "about" asks on its own, and a deed keeps its "anything".
        ("is there anything about whether the mill reopens", ("is", "there", "anything")),
        ("is anything said about the harbour", ("is", "anything", "said")),
        ("did the ferry pass anything on the river", ("did", "the", "ferry", "pass", "anything")),
    ],
)
def test_round_78_anything_about_asks_what_about(message: str, read: tuple[str, ...]) -> None:
    (found,) = q.parts(message)
    assert found.words[: len(read)] == read


def test_round_78_something_about_alone_is_half_remembered() -> None:
    message = "the baker wrote a note. something about flour? what did the note say"
    assert [" ".join(p.words) for p in q.parts(message) if p.asks] == ["what did the note say"]


@pytest.mark.parametrize(
    ("message", "asking"),
    [
        # Round 80: a claim passed on before ", is there ..." is story when the question names a
        # topic of its own ...
        (
            "ok so my neighbour who bakes in town swears the mill only sends them flour twice a"
            " year, is there anything about the harbour mill in the logs?",
            [False, True],
        ),
        (
            "my neighbour said the mill sends flour twice a year, is there any record of the"
            " harbour or is it just gossip",
            [False, True, False],
        ),
        # ... not when it asks about the claim, or asks what someone said (a wh-question)
        ("my neighbour said the mill sends flour twice a year, is that legit", [True]),
        ("my neighbour said the mill sends flour, is there any truth to that", [True]),
        ("my neighbour said the mill sends flour twice a year, what did the logs say", [True]),
    ],
)
def test_round_80_a_claim_passed_on_before_a_question_of_its_own_is_story(
    message: str, asking: list[bool]
) -> None:
    assert [p.asks for p in q.parts(message)] == asking


@pytest.mark.parametrize(
    ("message", "asking"),
    [
        # Round 80: the asker's aside turns to its question at "but", past chat lead-ins ...
        (
            "i bake sourdough every weekend and rye is my favourite, but honestly what flour"
            " did the mill send the bakery",
            [False, True],
        ),
        (
            "i know this is old news by now but does anyone remember when the mill closed",
            [False, True],
        ),
        # ... not a "but" inside the question, nor an aside too short or not the asker's
        ("what did the mill send but why did the bakery refuse it", [True]),
        ("the baker baked rye all week but what flour was it", [True]),
    ],
)
def test_round_80_an_aside_turns_to_its_question_at_but(message: str, asking: list[bool]) -> None:
    assert [p.asks for p in q.parts(message)] == asking


@pytest.mark.parametrize(
    ("message", "claim", "other"),
    [
        ("is it true the ferry left from dover or was it some other port", "dover", "port"),
        ("did the mayor say 40 or was it a different number", "40", "number"),
        ("the baker said rye sold out, or was it the opposite", "rye", "opposite"),
        ("was it the harbour or somewhere else", "harbour", "else"),
    ],
)
def test_round_82_an_open_alternative_leaves_the_claim_before_it_a_memory(
    message: str, claim: str, other: str
) -> None:
    found = words(message)
    remembered, offered = q.open_alternative(found)
    assert found.index(claim) in remembered
    assert found.index(other) in offered
    assert remembered.isdisjoint(offered)


@pytest.mark.parametrize(
    "message",
    [
        "was it the harbour or the station",  # two named places: both are asked
        "is it true the ferry left late or did the other captain sail it",  # a claim of its own
        "did the other baker sell rye",  # no alternative offered
    ],
)
def test_round_82_a_named_alternative_is_no_open_one(message: str) -> None:
    assert q.open_alternative(words(message)) == (frozenset(), frozenset())


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # The asker names the year, so only a month answers: a year alone restates it.
        ("which month in 1998 did the mill close", "month"),
        ("what month of 2003 was the bridge opened", "month"),
        # A fragment made precise by a question after "like".
        ("mill closing date, like which month in 1998", "month"),
        ("the bridge toll, like how much is it", "money"),
        # A bare "what month" still takes a year; "like" inside a question is no restating.
        ("what month did the mill close", "date"),
        ("is it like what happened to the bridge", None),
    ],
)
def test_round_82_a_month_of_a_named_year_is_asked_also_after_like(
    question: str, kind: str | None
) -> None:
    assert q.wants(tuple(words(question))) == kind


def test_round_82_a_last_if_clause_question_after_an_asking_one_asks_too() -> None:
    # "... how late exactly? like if i take the 6am one what would the delay be": the question
    # made precise after its "if" clause asks with the one before it.
    message = (
        "the ferry runs late in winter, but how late exactly? "
        "like if i take the 6am what would the delay be"
    )
    found = asked(message)
    assert len(found) == 2
    assert found[-1].endswith("what would the delay be")


def test_round_82_or_is_my_teller_making_it_up_is_the_askers_guess() -> None:
    # "... or is my grocer making stuff up": the asker's guess about their own teller, no
    # topic asked; the check before it is the question.
    told = "my grocer says the mayor will shut the mill. "
    found = q.parts(told + "is that really what the mayor said or is my grocer making stuff up")
    assert [" ".join(p.words) for p in found if p.asks] == ["is that really what the mayor said"]
    assert [p.guess for p in found] == [False, False, True]
    # "or is my ..." with nothing after the teller is no guess of that kind
    assert all(not p.guess for p in q.parts(told + "is it the mayor or is my grocer"))


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("what was the mayor going to say about the mill", True),
        ("what was she gonna write next", True),
        ("whats he about to post", True),
        # What someone meant, or said, is no word left unsaid.
        ("what was the mayor trying to say", False),
        ("what did the mayor say about the mill", False),
        ("is he going to say what the toll is", False),
    ],
)
def test_round_82_what_someone_was_going_to_say_is_unsaid(question: str, asked: bool) -> None:
    assert q.unsaid(tuple(words(question))) is asked


@pytest.mark.parametrize(
    ("question", "later"),
    [
        # Round 81: "did X actually / really / ever DOUBLE ..." asks whether a forecast came about
        ("did the bakery actually double its bread output", True),
        ("did the mill really double the run", True),
        ("did the doubling story actually come from the mayor", False),  # where a claim came from
        ("did the double figure really come from the mill", False),
        ("did they actually say the mill would double", False),  # what was said
    ],
)
def test_round_81_a_doubling_asked_as_done_is_asked_afterwards(question: str, later: bool) -> None:
    assert q.afterwards(tuple(words(question))) is later


@pytest.mark.parametrize(
    ("question", "kind", "run"),
    [
        # Round 81: the question after an opening "if" clause wants what it asks ...
        (
            "so if each stall gets 2 loaves, how many stalls are there in town",
            "number",
            ("stalls",),
        ),
        ("if the ferry carries 40, how many ferries are there", "number", ("ferries",)),
        # ... and a question with no if-clause first is read as before
        ("how many loaves if the mill doubles", "number", ("loaves",)),
        ("if the mill closes is the bakery done", None, ()),
    ],
)
def test_round_81_a_count_after_an_if_clause_is_wanted(
    question: str, kind: str | None, run: tuple[str, ...]
) -> None:
    asked = tuple(words(question))
    assert (q.wants(asked), q.counted(asked)) == (kind, run)


@pytest.mark.parametrize(
    ("question", "later"),
    [
        # Round 81: whether something ever came about some other time or place
        ("was the mayor's speech ever printed anywhere", True),
        ("did the two ferries ever race on another day", True),
        ("did the baker ever open the stall again", True),
        ("did the ferry ever catch up", False),  # what the story tells
        ("did the mayor ever say anywhere that the mill would close", False),  # what was said
        ("will the mill ever make another run", False),  # a forecast
    ],
)
def test_round_81_ever_somewhere_or_some_time_else_is_asked_afterwards(
    question: str, later: bool
) -> None:
    assert q.afterwards(tuple(words(question))) is later


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        # Round 81: what was said in a conversation, call or meeting the story only mentions
        ("what did the mayor actually tell the baker in that convo", True),
        ("what did they talk about in the call", True),
        ("whats the harbour master said in their meeting", True),
        ("what did the baker say was coming after their convo", False),  # what the baker told
        ("what did the mayor tell the baker in march", False),  # no exchange named
        ("who was in that meeting", False),  # not what was said
    ],
)
def test_round_81_what_was_said_in_a_conversation_is_asked(question: str, asked: bool) -> None:
    assert q.exchange_said(tuple(words(question))) is asked


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        # Round 81: what someone's other information was, when they only said they had some
        ("what was the different info the miller had", True),
        ("what info did the harbour master have instead", True),
        ("who said they had different info", False),  # who, not what
        ("what info did the baker share", False),  # what the story reports
    ],
)
def test_round_81_what_different_information_was_is_asked(question: str, asked: bool) -> None:
    assert q.other_info(tuple(words(question))) is asked


@pytest.mark.parametrize(
    ("message", "asking"),
    [
        # Round 81: "since" before a clause in the present is the asker's reason, told as story
        (
            "when does the ferry stop for the islands and the coast, since the harbour is shut",
            ["when does the ferry stop for the islands and the coast"],
        ),
        # ... while "since" dating the question stays in it
        (
            "how many loaves has the mill sold since the fair was held",
            ["how many loaves has the mill sold since the fair was held"],
        ),
        (
            "how many loaves has the mill sold since march",
            ["how many loaves has the mill sold since march"],
        ),
    ],
)
def test_round_81_since_a_present_clause_is_the_askers_reason(
    message: str, asking: list[str]
) -> None:
    assert [" ".join(p.words) for p in q.parts(message) if p.asks] == asking


@pytest.mark.parametrize(
    ("question", "at", "place"),
    [
        # Round 81: the place an outlet is from is no market asked about ...
        ("what did the dublin publication say", 3, True),
        ("how many did the irish mag say", 4, True),
        # ... while a market asked of stays one
        ("how many did dublin get", 3, False),
    ],
)
def test_round_81_the_place_an_outlet_is_from_is_a_titles(
    question: str, at: int, place: bool
) -> None:
    assert q.titled(tuple(words(question)), at) is place


@pytest.mark.parametrize(
    ("question", "later"),
    [
        # Round 81: whether more came after an event the story tells
        ("did any stall get more loaves after the mayor said the ovens were full", True),
        ("did the mill build more after the fair", True),
        ("did the baker say more after the fair", False),  # what was said
        ("did the mill build more loaves", False),  # no event it came after
    ],
)
def test_round_81_more_after_an_event_is_asked_afterwards(question: str, later: bool) -> None:
    assert q.afterwards(tuple(words(question))) is later


@pytest.mark.parametrize(
    ("question", "later"),
    [
        # Round 83: "was X proven right", "has it been proved wrong": a verdict come later ...
        ("was the weatherman proven right in the end about the frost", True),
        ("has the mayor's forecast been proved wrong", True),
        ("were the fishermen proven correct", True),
        # ... but "was X right" asks what a source thinks, and "proven" alone judges nothing.
        ("was the weatherman right about the frost", False),
        ("is the recipe proven", False),
    ],
)
def test_round_83_whether_a_claim_was_proven_right_is_asked_afterwards(
    question: str, later: bool
) -> None:
    assert q.afterwards(tuple(words(question))) is later


@pytest.mark.parametrize(
    ("question", "later"),
    [
        # Round 83: "did he EVER get one", "did she ACTUALLY buy one": whether someone got a car
        # in the end, with a word before the verb ...
        ("did marta ever get one of the two tractors", True),
        ("did jonas actually buy one", True),
        # ... but a reply got is no car, and "one" far from the verb is another thing.
        ("did the farmer ever get a reply from the bank", False),
        ("did the farmer ever get the letter from the bank or the one from the mill", False),
    ],
)
def test_round_83_whether_someone_ever_got_one_is_asked_afterwards(
    question: str, later: bool
) -> None:
    assert q.afterwards(tuple(words(question))) is later


@pytest.mark.parametrize(
    ("question", "later"),
    [
        # Round 83: "did X get a SECOND BATCH", "did they build ANOTHER RUN": a later run, with
        # or without "ever" ...
        ("did the bakery get a second batch after the first 40", True),
        ("did the mill make another run of the blue cloth", True),
        # ... but a follow-up post still needs "ever", and a run that is no later one is none.
        ("did the paper do a follow up", False),
        ("did the bakery get the first batch", False),
    ],
)
def test_round_83_whether_a_second_batch_came_is_asked_afterwards(
    question: str, later: bool
) -> None:
    assert q.afterwards(tuple(words(question))) is later


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # Round 83: "how much PROFIT", "the EXACT MARGIN": a sum of money made ...
        ("how much profit does the bakery make on each loaf", "money"),
        ("whats the exact margin the mill set for the blue cloth", "money"),
        # ... but "how much flour" is a figure, and a margin with no precision a plan.
        ("how much flour does the bakery use", "number"),
        ("whats the margin the mill set for the blue cloth", None),
    ],
)
def test_round_83_a_sum_earned_is_asked_as_money(question: str, kind: str | None) -> None:
    assert q.wants(tuple(words(question))) == kind


def test_round_83_an_aside_turning_to_the_channel_is_story() -> None:
    # Round 83: "..., surely SOMEONE HERE KNOWS, how many ...": the aside names no "I" but
    # turns to the channel, so the question after the comma asks alone.
    message = "the parade went past the harbour so surely someone here knows, how many boats came"
    assert [(p.words[:2], p.asks) for p in q.parts(message)] == [
        (("the", "parade"), False),
        (("how", "many"), True),
    ]


def test_round_83_the_askers_bet_after_the_question_is_an_aside() -> None:
    # Round 83: "what colour was the kite, IM BETTING on red": the asker's own bet, no part of
    # the question.
    message = "what colour was the kite at the fair, im betting on that bright red"
    assert [p.words[:1] for p in q.parts(message) if p.asks] == [("what",)]
    assert [p.words[:2] for p in q.parts(message) if not p.asks] == [("im", "betting")]


@pytest.mark.parametrize(
    "message",
    [
        "how did the baker find out about the fire, did he just smell the smoke or what",
        "the bakery had 2 ovens. how did the baker find out about the fire, did he just smell it?",
    ],
)
def test_round_83_a_guess_after_a_wh_question_is_the_askers(message: str) -> None:
    # Round 83: "how did he find out, DID HE JUST ...": the asker's guess at the answer, no
    # part of what is asked.
    found = q.parts(message)
    assert [p.words[-2:] for p in found if p.asks] == [("the", "fire")]
    assert [p.words[:3] for p in found if p.guess] == [("did", "he", "just")]


@pytest.mark.parametrize(
    ("message", "read"),
    [
        # Round 83: "which EXEC gets the credit", "what GUY baked it": a person asked, as "who" ...
        ("which exec gets the credit for the new bridge", ("who", "gets", "the", "credit")),
        ("so what guy baked the wedding cake", ("so", "who", "baked", "the")),
        # ... but "which head OF the guild" names a title, and "which bridge" no person.
        ("which head of the guild signed it", ("which", "head", "of", "the")),
        ("which bridge gets the credit", ("which", "bridge", "gets", "the")),
    ],
)
def test_round_83_which_person_asks_who(message: str, read: tuple[str, ...]) -> None:
    (found,) = q.parts(message)
    assert found.words[:4] == read


def test_followup_45_the_latest_on_x_asks_for_news_on_x() -> None:
    # Follow-up round 45: "what's the latest on X" asks what news there is on X, as "any news
    # on X" does; "latest", a word no phrasing holds, left it short of the overview.
    assert asked("what's the latest on the bakery's new hours") == [
        "any news on the bakery new hours"
    ]
    assert asked("what is the latest with the shop?") == ["any news on the shop"]
    assert asked("what was the latest") == ["what was the latest"]  # no X


def test_round_84_a_since_someone_said_opening_is_a_premise() -> None:
    # "SINCE the baker SAID 40 loaves are they baking more": the claim is taken as given (its
    # teller may be misremembered) and told as the asker's guess; the rest asks.
    message = "since the baker said 40 loaves are they baking more now"
    found = q.parts(message)
    assert [(" ".join(p.words), p.guess) for p in found if not p.asks] == [
        ("since the baker said 40 loaves", True)
    ]
    assert asked(message) == ["are they baking more now"]
    assert asked("since the mill told shops 9 each how many do i get? thanks") == [
        "how many do i get"
    ]
    # "since" dating the question, or with no teller, is left whole.
    assert asked("since march are they baking more") == ["since march are they baking more"]
    assert asked("since the baker left are they baking more") == [
        "since the baker left are they baking more"
    ]


def test_round_84_a_same_thing_tag_after_a_fragment_names_nothing() -> None:
    # "the two 40s in the 2nd recipe, SAME THING?": the fragment names the topic, the tag asks
    # whether the two are one and names nothing; "goes the same way" is a claim and stays.
    assert asked("the two 40s in the 2nd recipe, same thing?") == ["the 2 40s in the second recipe"]
    assert asked("the baker's note in both recipes, same message?") == [
        "the baker note in both recipes"
    ]
    assert asked("and the rye goes the same way?") == ["and the rye goes the same way"]
    assert asked("is it the same thing") == ["is it the same thing"]


def test_round_88_a_name_a_figure_opens_keeps_its_letter_past_a_word() -> None:
    # "how many 7 series L's": a model name a figure opens, spelt apart with a word between,
    # keeps its closing letter (a stopword on its own: "m", "s", "d").
    assert q.counted(tuple(words("how many 7 series m's did the port get"))) == ("7", "series", "m")
    assert q.counted(tuple(words("how many 7 m's did the port get"))) == ("7", "m")
    # No figure first: a lone letter stays out ("how many vans m...").
    assert q.counted(tuple(words("how many vans m did the port get"))) == ("vans",)


def test_round_88_stretched_laughter_ends_a_sentence() -> None:
    # "... lmaooo i wanna ...": laughter ends the sentence however long it is typed.
    assert asked("who baked the rye loaf at the fair lmaooo i wanna buy one") == [
        "who baked the rye loaf at the fair"
    ]
    assert asked("who baked the rye loaf at the fair looool i wanna buy one") == [
        "who baked the rye loaf at the fair"
    ]


def test_round_88_a_said_topic_may_keep_its_stopwords_for_a_phrase() -> None:
    asked = tuple(words("what did the baker say about getting your hands on one"))
    assert q.said(asked) == (("baker",), ("hands",))
    assert q.said(asked, whole=True) == (("baker",), ("getting", "your", "hands", "on", "one"))


@pytest.mark.parametrize(
    ("question", "asks_after"),
    [
        ("which year", True),
        ("and where", True),
        ("so what colour", True),
        ("which year was it", False),
        ("which year did the hedge go in", False),
        ("the shed colour", False),
    ],
)
def test_round_90_a_question_word_and_one_word_asks_after_the_other_question(
    question: str, asks_after: bool
) -> None:
    assert q.elliptical(tuple(words(question))) is asks_after


@pytest.mark.parametrize(
    ("question", "pointing"),
    [
        ("also is that from the garden blog or just some neighbour", True),
        ("was this from the council or the allotment people", True),
        ("is the hose from the garden centre or the hardware shop", False),
        ("is that shed going to be repainted by the neighbours next door", False),
    ],
)
def test_round_90_asking_where_that_came_from_points_back(question: str, pointing: bool) -> None:
    assert q.points_back(tuple(words(question))) is pointing


def test_round_93_a_kind_after_a_question_word_restates_it() -> None:
    def at(text: str) -> frozenset[int]:
        return q.restated_kinds(words(text))

    assert at("what kind of bread did quillfeather bake") == {1}
    assert at("the baker made which sort of loaf") == {4}
    # No question word before it, or no "of" after: a kind asked about.
    assert at("how many kinds of flour") == frozenset()
    assert at("it was kind of stale right") == frozenset()
    assert at("what kind is it") == frozenset()


def test_followup_51_how_much_and_a_verb_asks_a_bare_price() -> None:
    # Follow-up round 51: "how much is/was X" names no price word; "how much is it worth" and
    # "how much does it cost" do, and "how much torque" asks no price.
    assert q.bare_price(tuple(words("how much is a loaf at the corner bakery")))
    assert q.bare_price(tuple(words("ok so how much was the cake")))
    assert not q.bare_price(tuple(words("how much is the cake worth now")))
    assert not q.bare_price(tuple(words("how much does the cake cost")))
    assert not q.bare_price(tuple(words("how much flour is in it")))
    assert not q.bare_price(tuple(words("how much will the cake depreciate")))


def test_followup_51_a_count_sold_in_the_end_asks_what_came_after() -> None:
    # Follow-up round 51: "how many were SOLD in the end", "how many ENDED UP sold" ask a
    # sales count once it was over, as "how many were built in total" asks the final build
    # count; the sources give neither, and a market's settled allocation answered.
    assert q.afterwards(tuple(words("how many loaves were sold in the end")))
    assert q.afterwards(tuple(words("how many cakes ended up actually sold in total")))
    assert not q.afterwards(tuple(words("how many loaves were sold at the fair")))


def test_round_92_a_writer_named_by_their_piece_is_who_is_asked_of() -> None:
    # "does the site THAT WROTE THE BREAD ARTICLE like rye": the clause names who is meant.
    sentence = tuple(words("does the site that wrote the bread article like rye"))
    assert q.described_writer(sentence) == frozenset(range(3, 8))
    guy = tuple(words("so does the baker guy who did the bakery roundup still sell rye or not"))
    assert [guy[i] for i in sorted(q.described_writer(guy))] == [
        "who",
        "did",
        "the",
        "bakery",
        "roundup",
    ]
    # Asking who wrote it, or the clause ending the sentence, leaves it asked.
    assert q.described_writer(tuple(words("which site wrote the bread article"))) == frozenset()
    assert (
        q.described_writer(tuple(words("is it the site that wrote the bread article")))
        == frozenset()
    )


def test_round_95_a_car_held_up_as_the_standard_is_not_asked_of() -> None:
    # "is the ferry cheap LIKE THE BUS": the claim is asked of the ferry, the bus its standard.
    sentence = tuple(words("is the ferry cheap like the night bus"))
    assert q.compared_standard(sentence) == frozenset(range(4, 8))
    did = tuple(words("does the ferry sell out too like the bus did"))
    assert [did[i] for i in sorted(q.compared_standard(did))] == ["like", "the", "bus", "did"]
    # "like" as the question's own predicate, or a guess ("like 400"), is no standard.
    assert q.compared_standard(tuple(words("is the ferry like the bus"))) == frozenset()
    assert q.compared_standard(tuple(words("did the ferry sell like 400"))) == frozenset()


def test_round_99_a_writer_named_by_what_they_wrote_up_is_who_is_asked_of() -> None:
    # "the site that WROTE UP THE BREAD RUMORS, do they ...": a verb of writing with "up" writes a
    # piece on its object, so the clause names who is meant, as "wrote the bread article" does.
    sentence = tuple(words("the site that wrote up the bread rumors do they still sell rye"))
    assert [sentence[i] for i in sorted(q.described_writer(sentence))] == [
        "that",
        "wrote",
        "up",
        "the",
        "bread",
        "rumors",
    ]
    # Without the particle the rumors are what was written, not a piece that names the writer.
    plain = tuple(words("the site that wrote the bread rumors do they still sell rye"))
    assert q.described_writer(plain) == frozenset()


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("whats a used m3 gonna cost in canada", "money"),
        ("whats a gp gonna cost", "money"),
        # What it costs its maker, to do something: not a price a buyer pays.
        ("whats it gonna cost bmw to build more", None),
    ],
)
def test_followup_53_what_something_will_cost_wants_a_price(
    question: str, kind: str | None
) -> None:
    # Follow-up round 53: "what's X gonna cost" asks a price as "what does X cost" does; with
    # an article or adjective before X, no auxiliary stood after "what", so no price was asked
    # and an entry on what new molds would cost BMW answered.
    assert q.wants(tuple(words(question))) == kind


@pytest.mark.parametrize(
    ("message", "questions"),
    [
        # Round 98: "who wrote that" points back at the quote as "who said that" does.
        (
            "i told my aunt the soup was 'hot enough to melt spoons' lol. who actually wrote that",
            ["hot enough to melt spoons", "who actually wrote that"],
        ),
        (
            "somebody said the ferry was 'late every single morning'. who posted that",
            ["late every single morning", "who posted that"],
        ),
        # the question names a topic of its own: the quote stays story
        (
            "a guy said 'no more ferries' there. who wrote the timetable",
            ["who wrote the timetable"],
        ),
    ],
)
def test_round_98_who_wrote_that_points_back_at_the_quote(
    message: str, questions: list[str]
) -> None:
    assert sorted(asked(message)) == sorted(questions)


def test_round_98_a_hedged_guess_after_a_wh_question_is_story() -> None:
    # "..., WAS THAT LIKE a press release": the asker's guess at the answer, not the question.
    found = q.parts("where did the baker hear the oven was broken, was that like a phone call")
    assert [(" ".join(p.words), p.asks) for p in found] == [
        ("where did the baker hear the oven was broken", True),
        ("was that like a phone call", False),
    ]
    # "what was it like" asks, and no question word before means no guess after it
    assert asked("how long was the bakery tour and what was it like") == [
        "how long was the bakery tour and what was it like"
    ]
    assert asked("the oven broke, was it like a fuse") == ["the oven broke was it like a fuse"]


def test_round_98_a_question_others_argued_is_asked() -> None:
    # "some guys ARGUED ABOUT where ...": the argued question is the asker's, the rest story.
    found = q.parts("heard my neighbours arguing about when the bakery opened, which was it")
    assert [(" ".join(p.words), p.asks) for p in found] == [
        ("heard my neighbours arguing about", False),
        ("when the bakery opened which was it", True),
    ]
    # no question word after "about": nothing argued is asked apart
    assert asked("the neighbours argued about the bakery, when did it open") == [
        "the neighbours argued about the bakery when did it open"
    ]


@pytest.mark.parametrize(
    ("question", "read"),
    [
        # Round 98: to buy a claim is to believe it ...
        ("does the baker really buy that loaves figure", "believe"),
        ("nobody bought his rye story", "believe"),
        # ... to buy a thing or "it" is still to buy
        ("would the neighbours buy the rye bread", "buy"),
        ("would the regulars still buy it", "buy"),
        ("is rye a good buy down the line", "buy"),  # the noun: a purchase
    ],
)
def test_round_98_buying_a_claim_is_believing_it(question: str, read: str) -> None:
    believed = q.believed(tuple(words(question)))
    assert read in believed
    assert ("believe" in believed) is (read == "believe")


def test_round_98_a_writer_named_by_the_rumours_they_posted() -> None:
    # "the site THAT WROTE UP THE RUMOURS, does it ...": who is meant, as a piece names them.
    sentence = tuple(words("the site that wrote up the bakery rumours does it like rye"))
    assert [sentence[i] for i in sorted(q.described_writer(sentence))] == [
        "that",
        "wrote",
        "up",
        "the",
        "bakery",
        "rumours",
    ]


def test_a_comparison_is_read_as_its_two_sides() -> None:
    assert q.compared("so... 12 vs 40, which is the real count?") == ("12", "40")
    assert q.compared("which came first, the podcast or the blog post?") == (
        "the podcast",
        "the blog post",
    )
    assert q.compared("is the march memo the same thing as the april one") == (
        "the march memo",
        "the april one",
    )
    assert q.compared("which one came first, did the memo say?") is None


def test_a_difference_or_a_change_is_read_as_its_two_sides() -> None:
    assert q.compared("so whats the difference between the spring memo and the podcast?") == (
        "the spring memo",
        "the podcast",
    )
    assert q.compared("did the price change from 'ten grand' to 'twelve' or is that a typo") == (
        "ten grand",
        "twelve",
    )
    assert q.compared("did the price change from ten grand last week") is None


@pytest.mark.parametrize(
    ("message", "read"),
    [
        # Round 108: "compared to X" sets a standard beside what is asked: no comparison asked of
        ("what do old loaves sell for compared to fresh", ["sell", "for", "to", "fresh"]),
        ("what do old loaves sell for compared with fresh", ["sell", "for", "with", "fresh"]),
        # ... the verb of a comparison asked about stays
        ("why was rye compared to spelt", ["rye", "compared", "to", "spelt"]),
        ("hows rye compared to spelt", ["rye", "compared", "to", "spelt"]),
        ("the mill says rye is compared to spelt", ["is", "compared", "to", "spelt"]),
    ],
)
def test_round_108_compared_to_a_standard_is_no_comparison_asked(
    message: str, read: list[str]
) -> None:
    assert list(q.parts(message)[0].words[-4:]) == read


def test_round_112_a_city_the_asker_is_in_reads_as_its_market() -> None:
    # "IM IN TEMPE ... the dealer out here": Arizona, whose dealer the sources give; a city
    # asked about ("what about brisbane") stays a place of its own, which no entry covers.
    (told, _) = q.parts("im in tempe and waiting forever. how many did that dealer get")
    assert told.words[:3] == ("im", "in", "arizona")
    (greeted,) = q.parts("gday from brisbane, any news")
    assert "australia" in greeted.words
    (asked,) = q.parts("what about brisbane")
    assert "brisbane" in asked.words


def test_round_111_a_lent_story_gives_the_figures_its_claims_give() -> None:
    # "... swears the baker told him the bakery shuts AT 5": the story whole, and the figures
    # its claims give (a figure no source holds makes it a near trap's); none from the asker's
    # own sentences ("im 31").
    message = (
        "im 31 and new here. my cousin swears the baker told him the bakery shuts at 5. is that"
        " normal"
    )
    assert q.lent_story(message) == (
        "im 31 and new here. someone swears the baker told him the bakery shuts at 5",
        ("5",),
    )
    assert q.lent_story("the baker says one. is that normal") is None


@pytest.mark.parametrize(
    ("message", "read"),
    [
        # Round 114: "the tldr of X", "someone tldr X": the summary asked for is the question
        (
            "been away from the bakery all week. can someone give me the tldr of the rye shortage",
            ["can someone give me the tldr of the rye shortage"],
        ),
        ("can someone tldr the mill's second letter", ["can someone tldr the mill second letter"]),
        # ... a "tl;dr" leading in still turns to the question, and one of "it" asks the
        # question before it
        ("the mill wrote a long letter tldr how many loaves", ["how many loaves"]),
        (
            "whats the rye shortage about, someone tl;dr it",
            ["whats the rye shortage about someone"],
        ),
    ],
)
def test_round_114_a_tldr_asked_for_is_no_turn_to_the_question(
    message: str, read: list[str]
) -> None:
    assert asked(message) == read


def test_round_114_a_greeting_before_whats_the_latest_is_read_past() -> None:
    # Round 114: "yo whats the latest on X": the lead-ins greet or turn to the question; the
    # question read after them is the same.
    assert asked("yo what's the latest on the bakery's new hours") == [
        "any news on the bakery new hours"
    ]
    assert asked("hey what was the latest") == ["hey what was the latest"]  # no X


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # Round 119: "what year" after naming what it asks about wants a year ...
        ("the bakery's pie contest, what year was that", "year"),
        ("when did the bakery open, what year", "year"),
        ("bakery opened what year", "year"),
        # ... not after a word of chat alone, nor after "how many"
        ("nice, what year was that", None),
        ("how many pies were sold the bakery's first year, what year was that", "number"),
        ("the bakery's pie contest, what year's recipe won", None),  # no year asked
    ],
)
def test_round_119_what_year_after_naming_the_thing_wants_a_year(
    question: str, kind: str | None
) -> None:
    assert q.wants(tuple(words(question))) == kind


def test_followup_64_who_keeps_raising_the_thing_asked_about_is_story() -> None:
    # Follow-up round 64: "... thing PEOPLE KEEP mentioning": the asker's story of hearing it;
    # "why do people keep ..." asks of them.
    assert asked("whats this paint recall thing everyone keeps mentioning on the forum") == [
        "whats this paint recall thing"
    ]
    assert asked("why do people keep mentioning the paint recall") == [
        "why do people keep mentioning the paint recall"
    ]


def test_round_118_a_question_between_a_tag_and_an_aside_asks() -> None:
    # Round 118: "X right? Q. asking bc ...": the question that opens, its mark left off,
    # asks when only story follows it, as a last one does; the tag before it is story.
    message = "the baker posted the hours right? will the shop open sunday. asking bc my aunt asked"
    assert asked(message) == ["will the shop open sunday"]
    message = "the baker posted the hours right? will the shop open sunday"
    assert asked(message) == ["will the shop open sunday"]  # last: as before
    message = "the baker posted the hours right? my aunt asked. she likes rye"
    assert asked(message) == ["the baker posted the hours"]  # nothing opens after it


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # Round 118: a topic named first, then its date asked by a pointer at the end.
        ("the bakery's rye loaf, what year was that", "year"),
        ("my aunt opened the shop, which month was it", "date"),
        ("what year was that", "year"),  # no topic before it: as before
        ("the bakery's rye loaf, what was that", None),  # no date asked
    ],
)
def test_round_118_a_date_asked_of_a_topic_named_before_it(
    question: str, expected: str | None
) -> None:
    assert q.wants(tuple(words(question))) == expected


@pytest.mark.parametrize(
    ("question", "later"),
    [
        # Round 121: a production only planned or rumoured, asked as done: "ever" right before
        # the verb of making.
        ("did the bakery ever make the 900 pies", True),
        ("did they ever produce a second batch of kettles", True),
        ("did the bakery make the 900 pies", False),  # what a source may report
        ("will they ever make pies again", False),  # a prospect, not what came about
    ],
)
def test_round_121_whether_a_planned_run_was_ever_made_is_asked_afterwards(
    question: str, later: bool
) -> None:
    assert q.afterwards(tuple(words(question))) is later


def test_round_122_whether_two_agree_is_read_as_its_two_sides() -> None:
    assert q.agreeing("does the bakery agree with the mill about flour prices? idk") == (
        "the bakery",
        "the mill about flour prices",
    )
    assert q.agreeing("do the weekly paper and the radio agree on it") == (
        "the weekly paper",
        "the radio",
    )
    assert q.agreeing("i agree with you, the bakery is great") is None


def test_followup_69_a_second_guess_in_a_one_sentence_message_is_a_guess() -> None:
    # A claim passed on and checked in one run-on sentence: the asker's guess about whoever
    # passed it on ("or is she pulling my leg") is no part of what is asked.
    found = q.parts(
        "my aunt in leeds says the bakery only bakes 40 loaves a week, is that true"
        " or is she pulling my leg again"
    )
    assert [p.guess for p in found] == [False, True]
    assert found[1].words[:3] == ("or", "is", "she")
    # Without a check before "or", the second side is asked: "or is he just ..." is no guess.
    sides = q.parts("does the baker even bake rye or is he just bragging from the sidelines")
    assert [(p.asks, p.guess) for p in sides] == [(True, False)]


def test_followup_69_a_yes_no_check_after_a_claim_told_at_length_is_apart() -> None:
    # A claim passed on in fifteen words or more, then a yes/no check after a comma: the claim
    # is a story of its own, as it would be with a full stop; a short one is asked with it.
    found = q.parts(
        "my cousin works at a bakery in york and she says they only bake 40 loaves a week and"
        " theyre all gone by monday, is that just her shop or is it like that everywhere"
    )
    assert [p.asks for p in found] == [False, True]
    assert found[1].words[:4] == ("is", "that", "just", "her")
    short = q.parts("my cousin says they only bake 40 loaves a week, is that legit")
    assert [p.asks for p in short] == [True]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # Code round u1: one reading of a date asked after the topic, for rounds 118 and 119.
        ("the bakery's rye loaf, what year was that", "year"),
        ("the bakery's summer fair, which month did it start", "date"),  # a month, mid-sentence
        ("the bakery's summer fair, wat year was it", "year"),
        ("nice, which month was it", None),  # one word of chat names no topic
        ("how many pies sold at the summer fair, what month was that", "number"),
    ],
)
def test_code_round_u1_a_date_asked_after_the_topic_it_names(
    question: str, expected: str | None
) -> None:
    assert q.wants(tuple(words(question))) == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # Code round u1: one reading of a rate named, for the matcher and the follow-ups.
        ("how many loaves per baker", True),
        ("how many loaves does each baker bake", True),
        ("how many loaves monthly", True),
        ("how many loaves a week", True),
        ("how many loaves did the bakery bake", False),
        ("is a weekday busier", False),  # "a" before no period
    ],
)
def test_code_round_u1_a_rate_named(question: str, expected: bool) -> None:
    assert q.rate_named(words(question)) is expected


@pytest.mark.parametrize(
    ("question", "who"),
    [
        # Code round u2: one list of yes/no openers; "has", "should", "were" open one too.
        ("the guy who baked the pie, has he sold any", "who baked the pie"),
        ("the woman who ran the stall, should she open again", "who ran the stall"),
        ("that poster who ran the stall, were they paid", "who ran the stall"),
    ],
)
def test_code_round_u2_a_yes_no_question_asked_of_who_is_meant(question: str, who: str) -> None:
    asked = tuple(words(question))
    assert " ".join(asked[i] for i in sorted(q.identified(asked))) == who


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # Code round u2: one list of price words, which has "paid" and "priced" as the
        # follow-ups' had.
        ("amount paid?", "money"),
        ("tray priced?", "money"),
        ("whats the new oven priced at", "money"),
        ("whats the new oven made of", None),
    ],
)
def test_code_round_u2_a_price_word_asks_a_price(question: str, expected: str | None) -> None:
    assert q.wants(tuple(words(question))) == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # Code round u2: a doubled run's rate is read as any rate ("a day", "monthly").
        ("if the bakery doubles it how many a day", True),
        ("if the bakery doubles it how many monthly", True),
        ("if the bakery doubles it how many per week", True),
        ("if the bakery doubles output how many in total", False),
    ],
)
def test_code_round_u2_a_rate_under_a_doubled_run(question: str, expected: bool) -> None:
    assert q.doubled_count(tuple(words(question))) is expected


@pytest.mark.parametrize(
    "message",
    [
        "was there a lighthouse somewhere in that photo or am i tripping",
        "did the bakery close on sundays lol am i crazy",
        "was there a lighthouse somewhere in that photo or am i imagining things. my aunt says no",
    ],
)
def test_round_124_the_asker_doubting_themself_is_left_out(message: str) -> None:
    found = [" ".join(p.words) for p in q.parts(message)]
    assert not any(w in part.split() for part in found for w in ("tripping", "crazy", "imagining"))


def test_round_124_a_doubt_about_a_claim_keeps_the_claim() -> None:
    assert asked("the bakery opens at 9 or am i wrong") == ["the bakery opens at 9"]


def test_round_124_a_question_word_after_its_preposition_turns_to_the_question() -> None:
    message = (
        "ok silly q but im on the bus with bad signal and cant watch it all,"
        " at what minute does the goal come"
    )
    assert asked(message) == ["at what minute does the goal come"]
    assert asked("he reached the hut, at which point the rain began?") == [
        "he reached the hut at which point the rain began"
    ]


def test_round_128_the_askers_verdict_after_the_question_is_story() -> None:
    message = (
        "why did the bakery stop selling rye in march, seems silly to drop it when my cousin"
        " says it sold out every day"
    )
    assert asked(message) == ["why did the bakery stop selling rye in march"]
    # "it seems silly": a pronoun before the verdict binds it into the question's own clause
    assert len(q.parts("why would they say it seems silly to drop rye in march")) == 1


def test_round_130_a_tag_question_asks_the_claim_before_it() -> None:
    # No sentence opens a question: the one that ends on a tag asks, not the last one
    message = (
        "went to the bakery fair last week. the rye was from leipzig wasn't it, some town in"
        " the east, my aunt says dresden, so whoever is right buys lunch"
    )
    assert asked(message) == ["the rye was from leipzig wasnt it"]


@pytest.mark.parametrize(
    "message",
    [
        "will the new ferry timetable mean fewer sailings in winter or am i overthinking it",
        "does the museum close early on holidays or did i waste my time lol",
        "was the bridge repainted last spring or am i mixing it up with something else",
    ],
)
def test_round_131_the_askers_own_slip_offered_as_the_other_side_is_left_out(
    message: str,
) -> None:
    found = " ".join(w for part in q.parts(message) for w in part.words).split()
    assert not {"overthinking", "waste", "time", "mixing", "else"} & set(found)


def test_round_131_a_real_other_side_about_the_asker_stays_asked() -> None:
    # "or am i getting a refund": a side the sources could settle, not the asker's slip
    found = " ".join(
        w for part in q.parts("is the ferry cancelled or am i getting a refund") for w in part.words
    )
    assert "refund" in found.split()


def test_round_131_who_relayed_a_claim_in_a_told_sentence() -> None:
    assert (
        q.relayer(tuple(words("then my cousin texts me a pic saying the ferry is cancelled"))) == 8
    )
    # a sentence that asks in words: its teller is asked about
    assert q.relayer(tuple(words("what did the harbour master say about the ferry"))) == 0
    assert q.relayer(tuple(words("my cousin said the ferry stops, when was that"))) == 0


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # Round 129: earnings on each one sold are a sum of money.
        ("whats the bakerys profit per loaf", "money"),
        ("whats the margin on each rye loaf", "money"),
        ("whats the bakerys profit target", None),  # no sum on each one
        ("whats the bakery's profit", None),
    ],
)
def test_round_129_earnings_on_each_one_sold_are_money(question: str, expected: str | None) -> None:
    assert q.wants(tuple(words(question))) == expected


def test_followup_78_a_period_shortened_in_chat_is_a_period() -> None:
    # Follow-up round 78: "how many yrs till it levels out" asks a span of time, as "how many
    # years" does; "yrs" was read as a thing counted, and an answer's "after 4 to 5 years"
    # was then no figure for it.
    assert wanted("how many yrs till the bridge opens") is Wanted.TIME
    assert wanted("how many hrs did the ferry take") is Wanted.TIME
    assert wanted("how many kettles till it runs out") is Wanted.AMOUNT


@pytest.mark.parametrize(
    ("message", "question"),
    [
        (
            "ok forget that, how many kettles did the shop sell",
            "how many kettles did the shop sell",
        ),
        ("never mind that, who runs the gazette", "who runs the gazette"),
        ("scratch that, is the ferry late", "is the ferry late"),
        ("forget that kettle i bought", "forget that kettle i bought"),  # no question after it
    ],
)
def test_followup_78_dropping_the_last_question_is_no_word_of_the_next(
    message: str, question: str
) -> None:
    # Follow-up round 78: "ok forget that, how many ..." after a declined question asks only
    # what follows; "forget" counted as a word of the question and pulled it under the
    # threshold.
    assert asked(message) == [" ".join(words(question))]


def test_round_139_a_claim_put_up_with_a_tag_is_the_askers_memory() -> None:
    # Round 139: "the parade float was painted teal right": the words of a claim a tag ends,
    # which the matcher weighs as asides where no entry holds them.
    assert q.checked_claims("the parade float was painted teal right") == frozenset(
        "the parade float was painted teal".split()
    )
    assert q.checked_claims("cool. the ferry left at noon correct?") == frozenset(
        "the ferry left at noon".split()
    )
    # ... not a question opening on a question word or an auxiliary, nor one with no tag.
    assert q.checked_claims("was the float painted teal right") == frozenset()
    assert q.checked_claims("the parade float was painted teal") == frozenset()


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        # Round 141: the colours a car is offered in, which the sources never give
        ("what colours does the van come in", True),
        ("can you get the van in green", True),
        ("which paint options can you order", True),
        ("what colour was the van in the clip", False),  # the filmed car's colour
        ("what colour was the van", False),  # no offering: the one car's colour
        ("can you get the van in march", False),  # no colour
    ],
)
def test_round_141_the_colours_on_offer_are_asked(question: str, asked: bool) -> None:
    assert q.paint_offered(tuple(words(question))) is asked


@pytest.mark.parametrize("question", ["did she get", "ok so did they buy", "did he ever get"])
def test_round_145_a_three_word_did_get_question_is_read_without_failing(question: str) -> None:
    # Round 145: "did she get" left three words where "did she get ONE" was looked for, and the
    # fourth word was read past the end (an IndexError on any message asking it).
    assert q.afterwards(tuple(words(question))) in (True, False)


def test_round_144_a_hedge_after_what_still_asks_what_someone_said() -> None:
    # "what EXACTLY did the baker say": the adverb stands between "what" and the auxiliary
    found = q.said(tuple(words("what exactly did the baker say about the rye")))
    assert found == (("baker",), ("rye",))
    assert q.said(tuple(words("what actually did the mayor say"))) == (("mayor",), ())


@pytest.mark.parametrize(
    "sentence",
    [
        "based on what?",
        "and if so based off what",
        "on what basis though",
        "whats that based on",
    ],
)
def test_round_144_a_basis_asked_is_why(sentence: str) -> None:
    # what a claim rests on is asked as "why": "based" names no topic of its own
    found = [w for part in q.parts(f"the ferry will stop in may. {sentence}") for w in part.words]
    assert "why" in found
    assert not {"based", "basis"} & set(found)
    # where something is based keeps its word
    found = [w for part in q.parts("where is the ferry company based") for w in part.words]
    assert "based" in found


@pytest.mark.parametrize(
    ("message", "question"),
    [
        (
            "ok anyway real question, how many kettles did the shop sell",
            "how many kettles did the shop sell",
        ),
        ("ok different q, does the gazette cover the ferry", "does the gazette cover the ferry"),
        ("back on topic, when does the ferry leave", "when does the ferry leave"),
        ("random q but is the harbour open", "is the harbour open"),
        ("quick question: who runs the gazette", "who runs the gazette"),
        ("real question no one asks", "real question no one asks"),  # no question after it
        ("quick q tho", "quick q tho"),
    ],
)
def test_followup_82_announcing_a_question_is_no_word_of_it(message: str, question: str) -> None:
    # Follow-up round 82: "ok anyway real question, how many ..." asks only what follows; "real"
    # and "question" counted as words of the question and drew an entry holding them.
    assert asked(message) == [" ".join(words(question))]
