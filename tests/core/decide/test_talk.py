"""Small talk gets a friendly reply; follow-ups are read against the last answer."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.core.decide import talk
from bot.core.decide.memory import Conversations
from bot.core.decide.talk import (
    FollowUp,
    Wanted,
    and_x,
    asked_by_name,
    asks_given_name,
    asks_meaning,
    asks_of_own,
    asks_other_way,
    compared_with,
    corrected,
    defined,
    defines,
    doubts,
    follow_up,
    gives_given_name,
    gives_reasons,
    holds,
    kernel,
    name_of,
    names,
    other_of,
    returned,
    wanted,
    weighs_two_ways,
)
from bot.core.knowledge.loader import default_knowledge_path
from bot.core.knowledge.models import TalkKind
from bot.core.render.jsonlines import to_json
from bot.core.render.text import to_text
from bot.core.reply.replies import Reply
from bot.core.service import KnowledgeService

US = "how many 1ms is the us getting"


def _in_turn(service: KnowledgeService, *messages: str) -> tuple[Reply, Conversations]:
    """Send messages one after another as one person; return the last reply and the memory."""
    memory = Conversations()
    for message in messages:
        reply = service.ask(message, memory.last(0))
        memory.remember(0, reply)
    return reply, memory


@pytest.fixture(scope="module")
def service() -> KnowledgeService:
    return KnowledgeService.from_path(default_knowledge_path())


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("hi", TalkKind.GREETING),
        ("hey there!", TalkKind.GREETING),
        ("yo whats up", TalkKind.GREETING),
        ("thanks!", TalkKind.THANKS),
        ("thanks man appreciate it", TalkKind.THANKS),
        ("help", TalkKind.HELP),
        ("what can you do?", TalkKind.HELP),
        ("who are you", TalkKind.IDENTITY),
        ("what can u do", TalkKind.HELP),  # chat spellings read as the phrasings spell them
        ("who r u", TalkKind.IDENTITY),
        ("hey whats this bot for", TalkKind.HELP),  # a greeting before help is help
        ("hi who are you", TalkKind.IDENTITY),
        ("lol", TalkKind.REACTION),
        ("ugh", TalkKind.REACTION),  # a groan asks nothing
        ("lol fair", TalkKind.REACTION),  # what a channel says after an answer
        ("ok cool", TalkKind.REACTION),
        ("lol ok", TalkKind.REACTION),  # reactions in a row, each a filler word alone
        ("yo lol", TalkKind.GREETING),  # of mixed kinds, the one not a reaction
        ("yo mate", TalkKind.GREETING),  # follow-up round 31: fillers only, "yo" a greeting
        ("oh well then", TalkKind.REACTION),  # fillers only, "oh" a reaction
        ("no worries mate", TalkKind.REACTION),  # follow-up round 31: "it's no problem"
        ("how's everybody doing tonight", TalkKind.GREETING),  # round 52: asking after you
        ("how are you doing today?", TalkKind.GREETING),
        ("morning chat", TalkKind.GREETING),  # round 73: the channel addressed, no topic
        ("never mind then", TalkKind.REACTION),  # follow-up round 68: a question taken back
        ("nevermind then", TalkKind.REACTION),
        ("\U0001f44d", TalkKind.REACTION),  # an emoji alone reacts
        ("\U0001f525 \U0001f525\ufe0f", TalkKind.REACTION),
    ],
)
def test_small_talk_gets_its_reply_and_counts_as_declined(
    service: KnowledgeService, message: str, kind: TalkKind
) -> None:
    reply = service.ask(message)
    assert reply.kind == "smalltalk" and reply.talk is kind
    assert not reply.answered and reply.sources == ()
    shown = to_json(reply)
    assert shown["answered"] is False and shown["kind"] == "smalltalk" and shown["answer"]
    brief = kind in (TalkKind.THANKS, TalkKind.REACTION)
    assert brief == (not reply.suggestions)  # examples, except after thanks or "lol"


def test_symbols_that_are_no_emoji_are_no_reaction(service: KnowledgeService) -> None:
    assert service.ask("?").kind == "decline"
    assert service.ask("\U0001f44d why").kind != "smalltalk"


def test_asking_about_someone_else_is_no_question_about_the_bot(
    service: KnowledgeService,
) -> None:
    assert service.ask("whats your name").kind == "smalltalk"
    assert service.ask("whats that guys name").kind != "smalltalk"
    assert service.ask("what can you tell me about him").kind != "smalltalk"


def test_a_reaction_keeps_the_conversation_going(service: KnowledgeService) -> None:
    reply, _ = _in_turn(service, US, "lol ok", "who said that?")
    assert reply.kind == "followup" and "BMWBlog" in to_text(reply)


def test_a_greeting_before_a_question_does_not_hide_it(service: KnowledgeService) -> None:
    reply = service.ask("hi, " + US)
    assert reply.answered and reply.kind == "answer" and "600" in (reply.answer or "")


def test_small_talk_replies_come_from_the_knowledge_file(tmp_path: object) -> None:
    text = default_knowledge_path().read_text("utf-8")
    text = text.replace("reply: You're welcome. Ask again any time.", "reply: Any time, mate.")
    path = tmp_path / "kb.yaml"  # type: ignore[operator]
    path.write_text(text, "utf-8")
    assert "Any time, mate." in to_text(KnowledgeService.from_path(path).ask("cheers"))


@pytest.mark.parametrize(
    ("message", "how"),
    [
        ("who said that?", FollowUp.PROVENANCE),
        ("source?", FollowUp.PROVENANCE),
        ("is that confirmed", FollowUp.PROVENANCE),
        ("who started that", FollowUp.PROVENANCE),
        ("why?", FollowUp.WHY),
        ("what about australia?", FollowUp.ABOUT),
        ("what did he say about the 1m", FollowUp.POINTING),
        ("when", FollowUp.POINTING),
        ("how long after launch", FollowUp.POINTING),
        ("where?", FollowUp.POINTING),
    ],
)
def test_follow_ups_are_recognised(message: str, how: FollowUp) -> None:
    found = follow_up(message)
    assert found is not None and found[0] is how


def test_a_self_contained_question_is_no_follow_up() -> None:
    assert follow_up("how many 1ms does australia get") is None
    assert follow_up("which episode") is None  # names what it asks: no ellipsis to fill


def test_a_bare_when_is_asked_about_the_last_answer(service: KnowledgeService) -> None:
    first = service.ask("who is brian watts")
    assert not service.ask("when").answered  # alone it has no topic
    when = service.ask("when", after=first.entry_id)
    assert when.answered and when.about and "two weeks" in (when.answer or "")


def test_who_said_that_names_the_last_answer(service: KnowledgeService) -> None:
    first = service.ask(US)
    again = service.ask("who said that?", after=first.entry_id)
    assert again.answered and again.kind == "followup"
    assert again.entry_id == first.entry_id and again.about
    assert again.claimed_by == first.claimed_by and again.sources == first.sources


def test_what_about_asks_the_same_question_elsewhere(service: KnowledgeService) -> None:
    first = service.ask(US)
    other = service.ask("what about australia?", after=first.entry_id)
    assert other.answered and other.entry_id != first.entry_id
    assert "australia" in (other.answer or "").lower()
    assert not service.ask("what about japan?", after=first.entry_id).answered


def test_a_follow_up_without_context_is_declined(service: KnowledgeService) -> None:
    assert not service.ask("who said that?").answered
    assert not service.ask("why?").answered


def test_conversations_forget_after_their_time_and_keep_apart() -> None:
    now = [0.0]
    memory = Conversations(minutes=5, clock=lambda: now[0])
    service = KnowledgeService.from_path(default_knowledge_path())
    memory.remember(("general", "alice"), service.ask(US))
    memory.remember(("general", "bob"), service.ask("hi"))  # small talk sets no context
    assert memory.last(("general", "alice")) is not None
    assert memory.last(("general", "bob")) is None
    assert memory.last(("other", "alice")) is None
    now[0] = 301.0
    assert memory.last(("general", "alice")) is None


def test_conversations_hold_at_most_their_cap() -> None:
    memory = Conversations(most=2)
    service = KnowledgeService.from_path(default_knowledge_path())
    reply = service.ask(US)
    for key in range(3):
        memory.remember(key, reply)
    assert memory.last(0) is None and memory.last(2) == reply.entry_id


def test_what_did_he_claim_after_who_is_gives_the_claim(service: KnowledgeService) -> None:
    first = service.ask("who is yourbestsource")
    claim = service.ask("whats yourbestsource claiming", after=first.entry_id)
    assert claim.answered and "25" in (claim.answer or "") and "March" in (claim.answer or "")


def test_a_laugh_before_chatter_that_asks_nothing_is_a_reaction(
    service: KnowledgeService,
) -> None:
    reply, memory = _in_turn(service, US, "lmao my uncle too")
    assert reply.kind == "smalltalk" and reply.talk is TalkKind.REACTION
    assert memory.last(0) is not None  # the answer before it is still the context
    assert service.ask("lol is the gp sold out").answered  # a question all the same
    assert service.ask("haha who is segler").answered


@pytest.mark.parametrize(
    "message",
    [
        "lol told him",
        "lmao she'll be fuming",
        "haha my dad is mad",
        "ok he still isnt sold lol",  # after an opener
        "lol that's a tiny number",  # a verdict on what was just said
    ],
)
def test_a_laughed_remark_is_a_reaction(service: KnowledgeService, message: str) -> None:
    reply, memory = _in_turn(service, US, message)
    assert reply.kind == "smalltalk" and reply.talk is TalkKind.REACTION
    assert memory.last(0) is not None  # the answer before it is still the context
    assert service.ask("lol he said 600?", memory.last(0)).answered  # a question all the same


@pytest.mark.parametrize(
    "message", ["thanks, that cleared it up", "great stuff, cheers", "bummer, thanks anyway mate"]
)
def test_thanks_around_chatter_that_asks_nothing_is_thanks(
    service: KnowledgeService, message: str
) -> None:
    reply, memory = _in_turn(service, US, message)
    assert reply.kind == "smalltalk" and reply.talk is TalkKind.THANKS
    assert service.ask("thanks, is that official", memory.last(0)).answered  # still a question
    assert service.ask("thanks! and for australia", memory.last(0)).answered


def test_a_remark_closed_with_huh_is_a_reaction(service: KnowledgeService) -> None:
    reply, memory = _in_turn(service, US, "bit of a letdown huh")
    assert reply.kind == "smalltalk" and reply.talk is TalkKind.REACTION
    assert memory.last(0) is not None  # the answer before it is still the context
    assert service.ask("is it 600 huh", memory.last(0)).kind != "smalltalk"


@pytest.mark.parametrize(
    ("message", "own"),
    [
        ("should i keep my tickets", True),
        ("will i get my money back", True),
        ("can i still swap my seat", True),
        ("can i order more than two", False),  # nothing of the asker's: a question on orders
        ("should the studio keep its tickets", False),
        ("my dealer says will i get one", False),
    ],
)
def test_a_question_about_the_askers_own_things_is_recognised(message: str, own: bool) -> None:
    assert asks_of_own(message) is own


def test_a_purpose_is_a_reason() -> None:
    assert gives_reasons("It must sell a million tickets for its sequel plans to pay off.")
    assert gives_reasons("It cut prices in order to sell more.")
    assert not gives_reasons("It sold a million tickets for its sequel.")


def test_a_basis_is_a_reason() -> None:
    assert gives_reasons("She guessed from its flags that it was the bakers' float.")
    assert gives_reasons("He judged from the noise that the crowd was large.")
    assert not gives_reasons("She guessed it was the bakers' float.")


def test_x_then_names_x_as_what_about_x_does() -> None:
    assert follow_up("ok the harbour then") == (FollowUp.ABOUT, "the harbour")
    assert follow_up("spain then?") == (FollowUp.ABOUT, "spain")
    assert follow_up("so then") is None  # no X
    assert follow_up("why then") == (FollowUp.WHY, "")


def test_whatever_is_a_reaction(service: KnowledgeService) -> None:
    reply, _ = _in_turn(service, US, "ok whatever")
    assert reply.kind == "smalltalk" and reply.talk is TalkKind.REACTION


@pytest.mark.parametrize(
    ("message", "want"),
    [
        ("will it go for under msrp", None),  # a price it is measured against, not asked
        ("does it trade above msrp now", None),
        ("whats the msrp", Wanted.PRICE),
        ("what did it cost", Wanted.PRICE),
    ],
)
def test_a_price_measured_against_is_not_asked(message: str, want: Wanted | None) -> None:
    assert wanted(message) is want


@pytest.mark.parametrize(
    ("message", "thing"),
    [
        ("which shop should i call then", "shop"),  # one of them, by name, for the asker
        ("what dealer can i try", "dealer"),
        ("what timestamp should i skip to", None),  # no kind that goes by a name
        ("which dealer gets the most", None),
        ("which towns exactly", "towns"),  # follow-up round 25: pinned down, any kind
        ("what rivers specifically", "rivers"),
        ("what exactly did the mayor say", None),
    ],
)
def test_which_of_a_named_kind_the_asker_should_try_asks_a_name(
    message: str, thing: str | None
) -> None:
    assert asked_by_name(message) == thing


@pytest.mark.parametrize(
    ("message", "x"), [("and the blog?", "the blog"), ("and bmwna", "bmwna"), ("and why", None)]
)
def test_a_bare_and_x_names_x(message: str, x: str | None) -> None:
    assert and_x(message) == x


def test_w_is_with(service: KnowledgeService) -> None:
    reply, _ = _in_turn(service, "what car was filming the 1m", "did anybody agree w that")
    assert reply.kind == "followup" and reply.entry_id != "chase-car-v8-benz"
    assert "JRobUSC" not in (reply.claimed_by or "")  # someone besides the claimant


def test_where_did_the_claimant_say_it_asks_for_the_source(service: KnowledgeService) -> None:
    reply, _ = _in_turn(service, "how sure is yourbestsource", "where did yourbestsource say that")
    assert reply.kind == "followup" and reply.entry_id == "ybs-certainty" and reply.cited


@pytest.mark.parametrize("message", ["what about the blog", "and the blog then"])
def test_x_whose_view_the_last_answer_states_gets_it_again(
    service: KnowledgeService, message: str
) -> None:
    reply, _ = _in_turn(service, "will the 1m be a collectors car", message)
    assert reply.kind == "followup" and reply.entry_id == "segler-collectors-car"


def test_what_else_was_in_that_comment_gets_another_claim_of_it(
    service: KnowledgeService,
) -> None:
    reply, _ = _in_turn(service, "how sure is yourbestsource", "what else was in that comment")
    assert reply.kind == "followup" and reply.entry_id == "f30-november"


def test_that_number_is_the_last_answers_when_the_claim_elsewhere_names_none(
    service: KnowledgeService,
) -> None:
    reply, _ = _in_turn(service, "could australia's allocation change", "is that number locked in")
    assert reply.kind == "followup" and reply.entry_id == "aus-evasive-or-demand"
    # a claim on the same 600 is still meant: it speaks of the number by another name
    other, _ = _in_turn(service, US, "so is that number final")
    assert other.entry_id == "bmwblog-600-likely-change"


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("so is it happening in the us or not", "is it happening in the us"),
        # one pass over the tags in order: a laugh goes, the "or not" before it stays
        ("ok so did they build more or not lol", "did they build more or not"),
        ("how many came to the uk", "how many came to the uk"),  # no tag: read whole
        ("lol", "lol"),
    ],
)
def test_kernel_drops_the_chat_around_a_question(message: str, expected: str) -> None:
    assert kernel(message) == expected.split()


def test_a_kernel_changed_by_its_reader_is_whole_when_read_again() -> None:
    said = kernel("so did the blog ever say where it was filmed lol")
    said.clear()  # a reader may change the list it is given
    assert kernel("so did the blog ever say where it was filmed lol") == (
        "did the blog ever say where it was filmed".split()
    )


def test_worth_and_go_for_want_a_value_and_how_priced_wants_no_sum() -> None:
    # Follow-up round 22: "what would they fetch" asks a value, which "close to their MSRP"
    # gives; "how was the cake priced" asks the manner, not a sum.
    assert wanted("what would they fetch for now") is Wanted.VALUE
    assert wanted("what's a clean one worth") is Wanted.VALUE
    assert wanted("should i go for it") is None
    # Follow-up round 25: a value asked with a few more words ("a used one").
    assert wanted("what does a clean used one sell for now") is Wanted.VALUE
    assert wanted("what does a clean used one sell for in spain") is None
    assert holds("Used ones sell for close to their MSRP.", Wanted.VALUE)
    assert not holds("Used ones sell for close to their MSRP.", Wanted.PRICE)
    assert wanted("how was the cake priced") is None
    assert wanted("how much was it priced at") is Wanted.PRICE


def test_when_more_is_known_wants_a_time_ahead() -> None:
    # Follow-up round 24: "when will we hear more" asks when news comes, which "that week"
    # (when a claim was made) does not give and "in a few days" does.
    assert wanted("when will we hear more") is Wanted.NEWS
    assert wanted("when would they have more") is Wanted.NEWS
    assert wanted("when will they build more") is Wanted.TIME
    assert not holds("He said so after a talk that week.", Wanted.NEWS)
    assert holds("He expected more on it in a few days.", Wanted.NEWS)
    assert holds("He said the coming week would be busy.", Wanted.NEWS)


def test_who_was_quoted_is_a_provenance_follow_up() -> None:
    assert follow_up("who was quoted") == (FollowUp.PROVENANCE, "")


@pytest.mark.parametrize("message", ["how is everyone doing today", "hows it going", "how r u"])
def test_round_53_asking_how_people_are_is_a_greeting(
    service: KnowledgeService, message: str
) -> None:
    # "how's everyone doing today": no question about the story, whose "today" an entry holds.
    reply = service.ask(message)
    assert reply.kind == "smalltalk" and reply.talk is TalkKind.GREETING


@pytest.mark.parametrize(
    "message", ["why are they so sure", "why would he say that", "why does she believe it"]
)
def test_why_with_only_a_pronoun_and_a_verb_of_belief_asks_why(message: str) -> None:
    # Follow-up round 27: why the last claim is held, not a claim that holds "sure".
    assert follow_up(message) == (FollowUp.WHY, "")


def test_who_at_a_party_did_that_asks_who_made_the_last_claim() -> None:
    # Follow-up round 27: "who at the gazette printed that" points back as "who started that"
    # does; without a pointer it asks anew.
    assert follow_up("who at the gazette printed that") == (FollowUp.PROVENANCE, "")
    assert follow_up("who at the gazette printed the first story") != (FollowUp.PROVENANCE, "")


def test_a_given_name_is_asked_and_given() -> None:
    # Follow-up round 29: "first / full name" asks a given name, which a title does not give.
    assert asks_given_name("whats her full name") and asks_given_name("first name?")
    assert not asks_given_name("what was the name of the shop")
    assert gives_given_name("Ola Lund runs the shop.")
    assert not gives_given_name("Prof. Lund said so, and Mrs. Vik agreed with bob42.")


def test_followup_60_who_someone_is_irl_asks_who_they_are() -> None:
    # Follow-up round 60: "irl" (in real life) after a name asks who that person is.
    assert defined("who is ola irl") == "ola"
    assert defined("whos bob42 irl") == "bob42"


@pytest.mark.parametrize(
    ("message", "rest"),
    [
        ("no i meant the yearly total at the plant", "the yearly total at the plant"),
        # follow-up round 31 (a short "i meant X" is "what about X", follow-up round 30)
        ("no wait i meant the yearly total at the plant", "the yearly total at the plant"),
        ("oops, actually i mean the molds they reused", "the molds they reused"),
    ],
)
def test_a_correction_after_an_interjection_asks_its_rest_anew(message: str, rest: str) -> None:
    assert corrected(message) == rest


@pytest.mark.parametrize(
    ("message", "rest"),
    [
        ("nah not that one, the harbour tour", "the harbour tour"),  # follow-up round 30
        ("no not that poster - i meant the trailer", "the trailer"),
        ("not that i mind, where is it", "not that i mind, where is it"),  # no correction
    ],
)
def test_what_the_last_answer_told_turned_away_leaves_what_is_asked_anew(
    message: str, rest: str
) -> None:
    assert corrected(message) == rest


def test_i_meant_x_asks_the_last_question_of_x() -> None:
    # Follow-up round 30: a short correction naming X is "what about X".
    assert follow_up("no wait i meant the ferry") == (FollowUp.ABOUT, "the ferry")
    assert follow_up("oops i meant lisbon") == (FollowUp.ABOUT, "lisbon")
    assert follow_up("no i meant why") != (FollowUp.ABOUT, "why")


def test_the_name_of_someone_else_than_the_person_pointed_at() -> None:
    # Follow-up round 30: "the name of his agent" asks the agent's name, not his.
    assert name_of("whats the name of her agent") == "agent"
    assert name_of("his lawyers name?") == "lawyers"
    assert name_of("whats that guys name") is None
    assert name_of("whats her real name") is None  # which of her names, not whose
    assert not names("Captain Pablo runs the ferry.", "pa")  # a short word is itself


@pytest.mark.parametrize(
    ("message", "thing"),
    [
        ("which shop tho", "shop"),  # follow-up round 30: a closing tag asks nothing
        ("what street was it on", "street"),  # where it was, by the place's name
        ("which local council", "council"),  # a qualifier before the thing
        ("what year was it in", None),
    ],
)
def test_a_name_asked_around_chat_and_qualifiers(message: str, thing: str | None) -> None:
    assert asked_by_name(message) == thing


def test_a_date_and_a_sum_in_a_currency_are_wanted() -> None:
    # Follow-up round 30: a day or a month, not a year alone; a currency, not "the sticker".
    assert wanted("what date did the ferry leave") is Wanted.DAY
    assert not holds("The ferry left in 2011.", Wanted.DAY)
    assert holds("The ferry left the day before.", Wanted.DAY)
    assert holds("The ferry left in March.", Wanted.DAY)
    assert wanted("so what would the boat fetch in 3 years in actual euros") is Wanted.PRICE
    assert not holds("It would fetch its list price at best.", Wanted.PRICE)


@pytest.mark.parametrize(
    ("message", "want"),
    [
        # Code round u2: one list of price words, which has "sticker" as the question
        # readers' had; one list of periods, hours and minutes included.
        ("and the sticker?", Wanted.PRICE),
        ("what did the tray cost", Wanted.PRICE),
        ("how many hours after opening", Wanted.TIME),
        ("how many trays after opening", Wanted.AMOUNT),
        # ... and one list of earnings: revenue or income on each one is a sum too.
        ("whats the revenue per tray", Wanted.PRICE),
        ("income on each loaf?", Wanted.PRICE),
    ],
)
def test_code_round_u2_a_price_or_a_span_is_wanted(message: str, want: Wanted) -> None:
    assert wanted(message) is want


@pytest.mark.parametrize("message", ["ok np", "no worries", "all good lol"])
def test_no_problem_is_a_reaction(service: KnowledgeService, message: str) -> None:
    # Follow-up round 30: said after a decline, it asks nothing.
    reply, _ = _in_turn(service, US, message)
    assert reply.kind == "smalltalk" and reply.talk is TalkKind.REACTION


def test_paint_colours_asked_in_the_past_are_never_covered(service: KnowledgeService) -> None:
    # Follow-up round 30: "colours did it come in", as "colours does it come in" was.
    reply, _ = _in_turn(service, "tell me about the x1", "what colours did they come in then")
    assert not reply.answered


def test_followup_34_a_sceptical_reply_only_doubts() -> None:
    for doubt in ("smells fishy tbh", "lol that seems kinda made up", "i doubt that", "x doubt"):
        assert doubts(doubt), doubt
    assert doubts("yeah right, they will start in june")
    for asked in ("sounds fake, who said 800", "yeah right but who said it", "is that fake"):
        assert not doubts(asked), asked


def test_followup_34_other_of_reads_what_about_x_with_chat_around_it() -> None:
    assert other_of("ok what about the us then") == "the us"
    assert other_of("and in spain?") == "spain?"
    assert other_of("and norway?") == "norway"
    assert other_of("why not") is None


def test_followup_35_a_short_question_asking_what_or_who_a_name_is() -> None:
    # Follow-up round 35: "who's X", "what even is a X" ask what X is; "what year", "who's
    # right", "what is it" name nothing.
    assert defined("wait who's zed") == "zed"
    assert defined("what even is a gizmo") == "gizmo"
    assert defined("who is ann") == "ann"
    assert defined("what year") is None and defined("what is it") is None
    assert defined("who's right") == "right"  # a name only if the last answer writes it so
    assert defined("who said that") is None and defined("who is ann really") is None
    assert defines("Ann is the studio's editor.", "ann")
    assert defines("Zed (a projectionist) said so.", "zed")
    assert defines("Commenter Zed said so.", "zed")
    assert not defines("When the Gizmo was introduced, it sold out.", "gizmo")


def test_followup_36_what_about_x_after_fine() -> None:
    # Follow-up round 36: "fine," opens a "what about X" as "ok," does.
    assert other_of("well fine, what about norway") == "norway"
    assert other_of("fine, and norway then") == "norway"


def test_followup_37_what_about_x_after_a_chat_interjection() -> None:
    # Follow-up round 37: "oh", "ah", "cool", "nice", "gotcha" open a "what about X" as "ok" does.
    assert other_of("oh ok what about norway") == "norway"
    assert other_of("ah, and norway?") == "norway"
    assert other_of("gotcha. what about the sequel then") == "the sequel"
    assert other_of("oh no") is None


def test_followup_36_a_comparison_with_the_last_answer_names_x() -> None:
    assert compared_with("is that bigger than spain?") == "spain"
    assert compared_with("how does that compare to what ann said") == "what ann said"
    assert compared_with("ok how does it stack up against the sequel") == "the sequel"
    assert compared_with("is that a big number") is None
    assert compared_with("how does it compare") is None


def test_followup_36_did_x_confirm_it_asks_xs_word() -> None:
    assert follow_up("did zed confirm it") == (FollowUp.AGREE, "zed")
    assert follow_up("so did the paper deny that") == (FollowUp.AGREE, "the paper")


def test_followup_36_how_much_was_a_thing_asks_a_price() -> None:
    assert wanted("how much was a gizmo in 1999") is Wanted.PRICE
    assert wanted("how much is one") is Wanted.PRICE
    assert wanted("whats the profit per unit") is Wanted.PRICE
    assert wanted("how much is it going up") is Wanted.AMOUNT
    assert wanted("how much more is there") is Wanted.AMOUNT


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("tysm!!", TalkKind.THANKS),
        ("bet", TalkKind.REACTION),
        ("ok bet", TalkKind.REACTION),
        ("gg my wallet", TalkKind.REACTION),
        ("haha my dad won't believe it", TalkKind.REACTION),
    ],
)
def test_followup_36_chat_thanks_and_reactions(message: str, kind: TalkKind) -> None:
    # Follow-up round 36: "tysm", "bet", a remark opening with "gg" / "rip", and a laughed
    # remark about the asker's own people of up to seven words are small talk.
    service = KnowledgeService.from_path(default_knowledge_path())
    reply = service.ask(message)
    assert reply.kind == "smalltalk" and reply.talk is kind


# follow_up tries each pattern only where a word it needs is written (perf16): it finds what
# trying every pattern finds, in any case and in the letters case-blind matching reads as ASCII.
_LEANING_WORDS = st.sampled_from(
    "what WHAT how wat about ABOUT bout abt and AND but no nah sorry i meant mean for in the us "
    "then same SAME \u017fame as with would happen does do did bmwna blog think THINK reckon "
    "say make of add to it that so SO buy agree agreed disagrees concur concurs a\u0261ree "
    "\u212aay ok okay australia confirm CONFIRM deny back dispute di\u017fpute ? , . !".split()
)


def _leaning_by_every_pattern(message: str) -> tuple[FollowUp, str] | None:
    head = message[:200]
    about = talk._ABOUT.match(head) or talk._AND_FOR.match(head)
    if about is not None:
        return FollowUp.ABOUT, about.group(1)
    meant = talk._MEANT_X.match(head)
    if meant is not None and talk.words(meant.group(1))[0] not in talk._NOT_X:
        return FollowUp.ABOUT, meant.group(1)
    then = talk._THEN.match(head)
    if then is not None and not (
        set(talk.words(then.group(1))) - talk.STOPWORDS <= talk._NOT_NAMES
    ):
        return FollowUp.ABOUT, then.group(1)
    same = talk._SAME_FOR.search(head) or talk._SAME_AS.match(head)
    if same is not None and len(talk.words(head)) <= talk._MAX_SAME_WORDS:
        return FollowUp.ABOUT, same.group(1)
    agree = talk._AGREE.match(head) or talk._THINKS.match(head)
    agreed = talk._AGREED.match(head)
    party = [] if agreed is None else talk.words(agreed.group(1))
    if agree is None and party and party[0] not in talk._NO_PARTY:
        agree = agreed
    if agree is not None and talk._SOMEONE.isdisjoint(talk.words(agree.group(1))):
        return FollowUp.AGREE, agree.group(1)
    return None


@given(st.lists(_LEANING_WORDS, min_size=1, max_size=9).map(" ".join))
def test_a_follow_up_pattern_is_skipped_only_where_it_cannot_match(message: str) -> None:
    found, leaning = _leaning_by_every_pattern(message), follow_up(message)
    if found is not None:
        assert leaning == found
    else:  # the rest reads the words alone, never "about X" nor "does X agree"
        assert leaning is None or leaning[0] not in (FollowUp.ABOUT, FollowUp.AGREE)


def test_a_follow_up_in_the_long_s_or_in_capitals_is_still_read() -> None:
    assert follow_up("\u017fame for australia?") == (FollowUp.ABOUT, "australia")
    assert follow_up("WHAT ABOUT THE MINI") == (FollowUp.ABOUT, "THE MINI")
    assert follow_up("does BMWNA THINK SO") == (FollowUp.AGREE, "BMWNA")


def test_agreed_with_no_party_named_is_no_follow_up() -> None:
    # "? agreed": the party before "agreed" has no words; it once raised instead of passing.
    assert follow_up("? agreed") is None


@pytest.mark.parametrize("message", ["and 😀", "and ‽", "and …?"])
def test_a_bare_and_with_no_word_after_it_names_nothing(message: str) -> None:
    # Fuzzing (3 December): X of "and X" was split into words and its first read, so a
    # message whose X holds no word at all (an emoji) raised IndexError after any answer.
    assert and_x(message) is None


@pytest.mark.parametrize("message", ["i meant 😀", "no i meant …", "sorry i mean ‽?"])
def test_i_meant_with_no_word_after_it_is_no_follow_up(message: str) -> None:
    # Fuzzing (3 December): "i meant 😀" raised IndexError, even as a first question.
    assert follow_up(message) is None


@pytest.mark.parametrize("message", ["and 😀", "i meant 😀"])
def test_a_follow_up_naming_no_word_is_read_like_any_message(
    service: KnowledgeService, message: str
) -> None:
    # Fuzzing (3 December): both raised IndexError from the service, after an answer.
    first = service.ask(US)
    assert first.entry_id is not None
    assert service.ask(message, first.entry_id).kind
    assert service.ask(message).kind


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("oh is this a bot", TalkKind.IDENTITY),
        ("so what can you tell me", TalkKind.HELP),
        ("oops wrong chat haha", TalkKind.REACTION),
    ],
)
def test_followup_39_asking_if_this_is_the_bot_and_posting_in_the_wrong_channel(
    service: KnowledgeService, message: str, kind: TalkKind
) -> None:
    # Follow-up round 39: whether this is the bot, what it can tell, and a message meant for
    # another channel are small talk; "that guy" still points at someone the last answer named,
    # though an identity phrasing now holds "this".
    reply = service.ask(message)
    assert reply.kind == "smalltalk" and reply.talk is kind
    assert service.ask("whats that guys name").kind != "smalltalk"


@pytest.mark.parametrize(
    ("message", "meaning"),
    [
        ("hmm what did she mean", True),
        ("so what do they mean by this?", True),
        ("what did the commenter mean", True),
        ("what does msrp mean", False),  # a word's meaning, not the claimant's
        ("what did he mean about the dealers", False),  # a topic of its own
    ],
)
def test_followup_40_what_did_he_mean_asks_what_the_claimant_meant(
    message: str, meaning: bool
) -> None:
    # Follow-up round 40.
    assert asks_meaning(message) is meaning


def test_followup_40_whats_the_x_called_asks_its_name() -> None:
    # Follow-up round 40: "what's the X called" asks X's name as "which X" does.
    assert asked_by_name("ok what was that dealer named") == "dealer"
    assert asked_by_name("whats the forum called") == "forum"
    assert asked_by_name("whats the car called") is None  # a thing identified otherwise


def test_followup_40_and_just_x_is_and_x() -> None:
    # Follow-up round 40: "and just the us?", "and only canada" ask what "and X" asks.
    assert and_x("ok and just the us?") is None  # the lead "ok" is other_of's
    assert other_of("ok and just the us?") == "the us"
    assert and_x("and only canada") == "canada"


@pytest.mark.parametrize("message", ["lolll", "ouchhh", "yikesss lmfaooo"])
def test_followup_45_a_stretched_reaction_is_the_reaction(
    service: KnowledgeService, message: str
) -> None:
    # Follow-up round 45: a letter held three times or more ("lmaooo", "lolll") is written
    # once, as the phrasings spell the reaction; it was declined as a question.
    reply, memory = _in_turn(service, US, message)
    assert reply.kind == "smalltalk" and reply.talk is TalkKind.REACTION
    assert memory.last(0) is not None


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("gday folks", TalkKind.GREETING),
        ("hola friend", TalkKind.GREETING),
        ("merci!", TalkKind.THANKS),
        ("danke bro", TalkKind.THANKS),
    ],
)
def test_followup_49_greetings_and_thanks_in_other_words(
    service: KnowledgeService, message: str, kind: TalkKind
) -> None:
    # Follow-up round 49: "g'day", "hola", "gracias", "merci", "danke" greet and thank as
    # "hi" and "thanks" do; they were words the knowledge has never seen, so declined.
    reply = service.ask(message)
    assert reply.kind == "smalltalk" and reply.talk is kind


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("hey nerds", TalkKind.GREETING),
        ("alright cheers bot", TalkKind.THANKS),
    ],
)
def test_followup_53_an_addressee_or_an_alright_around_small_talk_asks_nothing(
    service: KnowledgeService, message: str, kind: TalkKind
) -> None:
    # Follow-up round 53: "nerds" names the channel as "guys" does, and "alright", "aight"
    # open thanks as "ok" does; with two such words around it the greeting or thanks declined.
    reply = service.ask(message)
    assert reply.kind == "smalltalk" and reply.talk is kind


@pytest.mark.parametrize("message", ["haha true", "true lmao"])
def test_followup_53_a_laughed_agreement_after_an_answer_is_a_reaction(
    service: KnowledgeService, message: str
) -> None:
    # Follow-up round 53: "lol true" after an answer agrees with it; "true" made it a question
    # whether the answer is true, which got the same claim again.
    reply, _ = _in_turn(service, "who interviewed watts", message)
    assert reply.kind == "smalltalk" and reply.talk is TalkKind.REACTION
    asked, _ = _in_turn(service, "who interviewed watts", f"{message}?")
    assert asked.kind != "smalltalk"  # with a question mark it asks whether it is true


def test_a_status_question_weighed_against_a_doubt_asks_where_the_claim_stands() -> None:
    # Follow-up round 56: "is it legit or just the writer guessing" asks the status of the last
    # claim, as "is it legit" alone does; the doubt after "or" names no topic of its own.
    assert follow_up("is it legit or just the writer guessing") == (FollowUp.PROVENANCE, "")
    assert follow_up("is that true or only some forum hype?") == (FollowUp.PROVENANCE, "")
    assert follow_up("is the film in french or in english") is None


@pytest.mark.parametrize("message", ["hi how are you", "hello there how are u doing"])
def test_followup_59_a_greeting_before_another_is_one_greeting(
    service: KnowledgeService, message: str
) -> None:
    # Follow-up round 59: a greeting before asking after the bot is a greeting, as a greeting
    # before "who are you" is that; a greeting before a question still hides nothing.
    reply = service.ask(message)
    assert reply.kind == "smalltalk" and reply.talk is TalkKind.GREETING
    assert service.ask("hey how many 1ms are built").kind != "smalltalk"


@pytest.mark.parametrize("message", ["cool tbh", "fair enough ngl", "frfr", "lowkey nice"])
def test_followup_58_a_chat_tag_around_a_reaction_is_the_reaction(
    service: KnowledgeService, message: str
) -> None:
    # Follow-up round 58: "ngl", "tbh", "fr" only colour what is said; around a reaction (or
    # alone, "fr" agreeing) they made it a question, which got the last claim again.
    reply, _ = _in_turn(service, "who interviewed watts", message)
    assert reply.kind == "smalltalk" and reply.talk is TalkKind.REACTION


def test_followup_58_who_sided_with_a_claim_asks_for_another_party() -> None:
    # Follow-up round 58: "who agreed with him" asks who else took the claim's side, as "did
    # anyone agree" does; it was read as "who said that", which gave the same claim again.
    assert follow_up("ok who backed her up") == (FollowUp.OTHERS, "agree")
    assert follow_up("who seconded that") == (FollowUp.OTHERS, "agree")
    assert follow_up("who said that") == (FollowUp.PROVENANCE, "")
    assert follow_up("who denied it") != (FollowUp.OTHERS, "disagree")  # who made the denial


def _said_word_by_word(text: str) -> list[str]:
    """Read a message as _said first did: each word unstretched and respelt on its own."""
    unstretched = (talk._STRETCHED.sub(r"\1", w) for w in talk.words(text))
    return " ".join(talk._SPELLED.get(w, w) for w in unstretched).split()


@given(
    st.lists(
        st.sampled_from(["lolll", "sooo", "u", "whats", "r", "nnn", "aaab", "ok", "1000", "12:30"]),
        max_size=8,
    ).map(" ".join)
    | st.text(alphabet="ab u'.!?0:", max_size=20)
)
def test_said_reads_the_message_as_word_by_word(message: str) -> None:
    assert talk._said(message) == _said_word_by_word(message)


def test_a_long_laughed_remark_asks_too_much_to_be_a_reaction(service: KnowledgeService) -> None:
    message = "lol my uncle told me he saw one parked outside the shop yesterday"
    assert service.snapshot.talk.remarked(message) is None


@given(
    st.lists(
        st.sampled_from(
            ["lol", "lmaooo", "thanks", "hey", "u", "he", "thats", "true", "huh", "is", "it", "ok"]
        ),
        max_size=10,
    ).map(" ".join)
    | st.sampled_from(["👍", "😂😂", "haha thanks, is that official?", "lol small world"])
)
def test_a_message_heard_once_reads_as_the_message_itself(
    service: KnowledgeService, message: str
) -> None:
    small = service.snapshot.talk
    once = talk.heard(message)
    assert small.match(once) == small.match(message)
    assert small.remarked(once) == small.remarked(message)
    assert small.laughed(once) == small.laughed(message)


def test_a_message_heard_once_is_small_talk_as_before(service: KnowledgeService) -> None:
    small = service.snapshot.talk
    assert talk.heard("heyyy guys").said == ("hey", "guys")
    assert talk.heard("one two three four five six seven eight nine").said is None
    greeting = small.match(talk.heard("heyyy guys"))
    assert greeting is not None and greeting.kind is TalkKind.GREETING
    assert small.laughed(talk.heard("lol small world")) is not None


@pytest.mark.parametrize("message", ["hmm okay then", "hmmm nice", "hm, cool"])
def test_followup_67_a_hum_before_a_reaction_is_the_reaction(
    service: KnowledgeService, message: str
) -> None:
    # Follow-up round 67: "hm" / "hmm" only hums before a reaction; it made the reaction an
    # unknown question, declined; a question after it is still asked.
    reply, _ = _in_turn(service, "who interviewed watts", message)
    assert reply.kind == "smalltalk" and reply.talk is TalkKind.REACTION
    assert service.ask("hmm how many 1ms are built").kind != "smalltalk"


def test_followup_68_whats_the_evidence_asks_where_the_claim_comes_from() -> None:
    # Follow-up round 68: "whats the evidence", "whats the proof" name no topic of their own,
    # as "wheres the proof" does not: they ask what backs the last answer.
    assert follow_up("whats the evidence") == (FollowUp.PROVENANCE, "")
    assert follow_up("whats the proof?") == (FollowUp.PROVENANCE, "")
    assert follow_up("whats the ferry timetable") is None


def test_followup_71_the_other_way_asks_the_reverse_of_an_either_or() -> None:
    # Follow-up round 71: "could it go the other way tho", "or the other way round?" ask only
    # the reverse; "is the other way faster" asks a question of its own.
    assert asks_other_way("could it go the other way tho")
    assert asks_other_way("or the other way round?")
    assert asks_other_way("ok what about the other way around")
    assert not asks_other_way("is the other way to the lake faster")
    assert not asks_other_way("what other ways are there")
    assert weighs_two_ways("either they were vague, or demand would bring more")
    assert not weighs_two_ways("They said around 12 kilns.")


def test_followup_78_a_longer_question_with_they_points_back() -> None:
    # Follow-up round 78: "and what did the paper say the shop told them earlier" points back
    # with "them", as a shorter question does; past seven words it was read as a new question.
    # One that points at no one, or asks how they know, is not this reading.
    said = "and what did the paper say the shop told them earlier"
    assert follow_up(said) == (FollowUp.POINTING, "")
    assert follow_up("how many kettles did the shop ship to the island") is None
    assert follow_up("ok but how would they know the ferry is full") is None


def test_followup_79_how_long_asks_a_span_of_time() -> None:
    # Follow-up round 79: "how long" wants how long something lasts; "how long ago" a time.
    assert wanted("how long has he sailed it") is Wanted.SPAN
    assert wanted("for how long") is Wanted.SPAN
    assert wanted("how long ago did the ferry sail") is not Wanted.SPAN
    assert holds("The ferry ran for 3 years.", Wanted.SPAN)
    assert holds("The ferry ran a few months.", Wanted.SPAN)
    assert holds("The harbour pushed the ferry for the whole year.", Wanted.SPAN)
    assert not holds("The ferry sailed last year, in May.", Wanted.SPAN)


def test_followup_79_a_span_placing_a_time_is_no_span_asked() -> None:
    # Follow-up round 79: "two weeks before the launch" places the talk, not how long it ran.
    answer = "The captain spoke to the harbour two weeks before the launch."
    assert not holds(answer, Wanted.SPAN, asked="how long was the talk")
    assert holds(answer, Wanted.SPAN, asked="how long before the launch was that")


def test_holds_remembered_reads_the_question_asked_for_a_span_alone() -> None:
    # perf27: holds is remembered for the last few answers, and the question asked is part of
    # what is remembered only for a span, the one want that reads it: asked again with another
    # question, the same answer gives what that question asks.
    answer = "The captain spoke to the harbour two weeks before the launch."
    for _ in range(2):
        assert holds(answer, Wanted.SPAN, asked="how long before the launch was that")
        assert not holds(answer, Wanted.SPAN, asked="how long was the talk")
    counted = "The harbour took 40 ferries two weeks before the launch."
    assert holds(counted, Wanted.AMOUNT, asked="how long was the talk")
    assert holds(counted, Wanted.AMOUNT, asked="how many before the launch")
    assert not holds(answer, Wanted.AMOUNT, asked="how many before the launch")


@pytest.mark.parametrize(
    ("message", "question"),
    [
        ("ok back to the ferry, when does it leave?", "when does the ferry leave?"),
        ("so back to the island, are kettles cheaper there", "are kettles cheaper in the island"),
        ("anyway back to boats, who runs the yard", "who runs the yard"),
        (
            "ok fine back to the harbour thing, when does the gazette print",
            "when does the gazette print",
        ),
        ("ok back to it, is the ferry late", "is the ferry late"),
        (
            "ok back to the captain before that, where was he",
            "ok back to the captain before that, where was he",
        ),
        ("i went back to the yard, they were shut", "i went back to the yard, they were shut"),
        ("back to the ferry", "back to the ferry"),  # no question after it
    ],
)
def test_followup_80_a_return_to_a_topic_is_what_the_question_points_at(
    message: str, question: str
) -> None:
    # Follow-up round 80: "ok fine back to bmw, whats the gp got to do with the 1m" asks what
    # its question asks; the topic returned to ("bmw") pulled it under the threshold. With a
    # pointing word, the topic is what it points at ("back to the vid, what was chasing it").
    assert returned(message) == question


@pytest.mark.parametrize("message", ["deadass?", "frfr?", "fr fr??"])
def test_followup_80_a_chat_tag_asked_asks_whether_it_is_so(
    service: KnowledgeService, message: str
) -> None:
    # Follow-up round 80: "fr?" asks whether what was just said is so, as "really?" does; read
    # as agreeing, it got the reaction small talk. Without the question mark it still agrees.
    first, _ = _in_turn(service, "who interviewed watts")
    reply, _ = _in_turn(service, "who interviewed watts", message)
    assert reply.answered and reply.entry_id == first.entry_id
    agreed, _ = _in_turn(service, "who interviewed watts", "deadass")
    assert agreed.kind == "smalltalk"


def test_followup_81_for_a_while_is_a_span_of_time() -> None:
    # Follow-up round 81: "drive tourists away for a while" says how long, though it counts
    # nothing; "how long would they be away" after it got a claim counting years elsewhere.
    assert holds("More ferries would drive tourists away for a while.", Wanted.SPAN)
    assert holds("The harbour stayed shut for some time.", Wanted.SPAN)
    assert holds("The kettle sold out for a long time.", Wanted.SPAN)
    assert not holds("The harbour was shut a while ago, in May.", Wanted.SPAN)
