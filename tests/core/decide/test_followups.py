"""A message after an answer is read against it: the same claim, its reasons, a neighbour, or
a polite decline when the last answer already said all the sources say."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.decide import followups
from bot.core.decide.followups import restated
from bot.core.decide.memory import Conversations
from bot.core.decide.talk import (
    FollowUp,
    Wanted,
    asked_by_name,
    asks_given_name,
    asks_meaning,
    asks_outlet,
    asks_where_is,
    asks_who_is_right,
    before_last,
    compared_with,
    follow_up,
    gives_given_name,
    holds,
    kernel,
    names,
    unlaughed,
    wanted,
)
from bot.core.knowledge.loader import default_knowledge_path
from bot.core.render.text import summary, to_text
from bot.core.reply.replies import Reply
from bot.core.service import KnowledgeService

# A made-up studio, so that what is tested is how a conversation is read, not the shipped file.
STUDIO = """
version: 1

sources:
  - id: post
    title: The studio post
    outlet: the film blog
    kind: article
  - id: zed-comment
    title: Zed's comment on the studio post
    outlet: comments on the studio post
    kind: reader-comment
    author: Zed
  - id: trade-paper
    title: A trade paper's note on the sequel
    outlet: a trade paper
    kind: other-site
    url: https://example.com/sequel
  - id: director-talk
    title: The blog's interview with the director
    outlet: the film blog
    kind: interview

entries:
  - id: film-outlook
    questions: [Will the studio make more films this year?]
    answer: The blog expects more films this year than last, without giving a number.
    status: opinion
    claimed_by: the film blog
    sources: [post]
    related: [film-market, shoot-france]
  - id: film-market
    questions: [Is the market for films bigger now?]
    answer: The blog said far more people buy films now than a year ago.
    status: opinion
    claimed_by: the film blog
    sources: [post]
    related: [film-outlook]
  - id: shoot-date
    questions: [When does shooting start?]
    answer: Zed claimed shooting starts in May, because the schedule had been shared with Zed.
    status: rumor
    claimed_by: Zed (reader comment)
    sources: [zed-comment]
  - id: sequel-origin
    questions: [Where did the sequel rumor come from?]
    answer: A studio executive told a trade paper that a sequel was planned.
    status: rumor
    claimed_by: a studio executive, via a trade paper
    sources: [trade-paper]
  - id: shoot-france
    questions: [How many films will the studio shoot in France?]
    answer: The blog said the studio will shoot three films in France.
    status: opinion
    claimed_by: the film blog
    sources: [post]
  - id: shoot-spain
    questions: [How many films will the studio shoot in Spain?]
    answer: The blog said the studio will shoot two films in Spain.
    status: opinion
    claimed_by: the film blog
    sources: [post]
  - id: markets-europe
    questions: [Do France and Spain want the studio's films?, What did Zed say about cinemas?]
    answer: Zed said cinemas in France and in Spain keep asking the studio for its films.
    status: rumor
    claimed_by: Zed (reader comment)
    sources: [zed-comment]
  - id: zed-reply
    questions: [Did anyone reply to Zed?, Did anyone doubt Zed's date?]
    answer: An unsigned reply doubted Zed's date, saying schedules change.
    status: rumor
    claimed_by: an unsigned reply in the comments
    sources: [post]
    related: [shoot-date]
  - id: shoot-june
    questions: [Did the trade paper give a start date?]
    answer: The trade paper said shooting starts in June, not in May.
    status: rumor
    claimed_by: a trade paper
    sources: [trade-paper]
    conflicts_with: [shoot-date]
  - id: zed-backed
    questions: [Did anyone agree with Zed?]
    answer: Ann said she had also heard from the crew that shooting starts in May.
    status: rumor
    claimed_by: Ann (reader comment)
    sources: [post]
    related: [shoot-date]
  - id: sequel-location
    questions: [Where will the sequel be filmed?]
    answer: The trade paper said the sequel will be filmed in Prague.
    status: rumor
    claimed_by: a trade paper
    sources: [trade-paper]
    related: [sequel-origin]
  - id: poster-colour
    questions: [What colour is the poster?]
    answer: The blog said the poster is red.
    status: fact
    claimed_by: the film blog
    sources: [post]
  - id: premiere-month
    questions: [When is the premiere?]
    answer: >-
      Zed said the premiere is in October. The blog granted that this could be a guess, but
      said it thinks Zed is right.
    status: rumor
    claimed_by: Zed (reader comment)
    sources: [zed-comment]
  - id: trailer-length
    questions: [How long is the trailer?]
    answer: >-
      Zed said the trailer runs two minutes. The blog repeated those words and argued that Zed
      had seen it.
    status: rumor
    claimed_by: Zed (reader comment)
    sources: [zed-comment]
  - id: cast-signed
    questions: [Did the cast sign on for the sequel?]
    answer: Three years after the first film, the trade paper said, the cast signed on again.
    status: rumor
    claimed_by: a trade paper
    sources: [trade-paper]
    related: [cast-size]
  - id: cast-size
    questions: [How big is the sequel's cast?]
    answer: The trade paper said 12 actors signed on for the sequel.
    status: rumor
    claimed_by: a trade paper
    sources: [trade-paper]
    related: [cast-signed]
  - id: sequel-payoff
    questions: [How many tickets must the sequel sell?]
    answer: >-
      The blog reasoned that the studio would have to sell a million tickets for its sequel
      plans to pay off.
    status: opinion
    claimed_by: the film blog
    sources: [post]
    related: [sequel-budget]
  - id: budget-rise
    questions: [Will the budget rise?, Is the studio spending more?]
    answer: The blog expects the studio to spend more on films next year.
    status: opinion
    claimed_by: the film blog
    sources: [post]
    related: [budget-abroad, sequel-origin]
  - id: budget-abroad
    questions: [What about the budget for shoots in Iceland?]
    answer: The blog said shoots in Iceland will cost less than before.
    status: opinion
    claimed_by: the film blog
    sources: [post]
    keywords: [iceland]
  - id: crew-doubt
    questions: [What does the blog make of the shooting start?]
    answer: The blog said the crew's word on dates has often been wrong before.
    status: opinion
    claimed_by: the film blog
    sources: [post]
  - id: tickets-uncapped
    questions: [Will premiere tickets be capped?]
    answer: The blog said the studio will not cap premiere tickets, though they will be hard to get.
    status: opinion
    claimed_by: the film blog
    sources: [post]
    related: [tickets-hard, tickets-seats]
  - id: tickets-hard
    questions: [What did Zed say about premiere tickets?]
    answer: Zed said premiere tickets will be hard to get and gone in a day.
    status: rumor
    claimed_by: Zed (reader comment)
    sources: [zed-comment]
  - id: tickets-seats
    questions: [How big is the premiere cinema?]
    answer: The blog said the premiere cinema has only a few hundred seats.
    status: fact
    claimed_by: the film blog
    sources: [post]
  - id: director-tone
    questions: [What did the director say about the sequel's tone?]
    answer: >-
      In an interview with the blog, the director said the sequel will be darker. The blog
      repeated those words and argued that the script bears them out.
    status: opinion
    claimed_by: the director, interviewed by the blog
    sources: [director-talk, post]
  - id: june-doubted
    questions: [Did the blog agree on June?]
    answer: The blog said it believed the trade paper's June date was wrong.
    status: opinion
    claimed_by: the film blog
    sources: [post]
  - id: delay-effect
    questions: [What would a delay do to ticket prices?]
    answer: >-
      The blog judged that a delay would not change why fans watch the films, but would raise
      ticket prices.
    status: opinion
    claimed_by: the film blog
    sources: [post]
  - id: fans-forecast
    questions: [Will fans still go to the films next year?]
    answer: The blog predicted that attendance will dip a little, then steady after two years.
    status: opinion
    claimed_by: the film blog
    sources: [post]
  - id: sequel-budget
    questions: [How big is the sequel's budget?]
    answer: The blog said the sequel has a budget of ten million; the sequel rumor starts there.
    status: fact
    claimed_by: the film blog
    sources: [post]
    related: [sequel-origin]
"""


def _built(factory: pytest.TempPathFactory, name: str, text: str) -> KnowledgeService:
    """Build a service from a small knowledge file written for one group of tests."""
    path = Path(factory.mktemp(name)) / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return KnowledgeService.from_path(path)


@pytest.fixture(scope="module")
def studio(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeService:
    return _built(tmp_path_factory, "studio", STUDIO)


@pytest.fixture(scope="module")
def shipped() -> KnowledgeService:
    return KnowledgeService.from_path(default_knowledge_path())


def _talk(service: KnowledgeService, *messages: str) -> list[Reply]:
    """Play messages as one conversation, each read against the last answer."""
    replies: list[Reply] = []
    last = None
    for message in messages:
        reply = service.ask(message, after=last)
        replies.append(reply)
        last = reply.entry_id if reply.answered else last
    return replies


def test_why_gets_the_reasons_the_answer_gives(studio: KnowledgeService) -> None:
    _, why = _talk(studio, "when does shooting start", "why?")
    assert why.kind == "followup" and "because the schedule" in (why.answer or "")


def test_why_after_an_answer_without_reasons_gets_its_related_entry(
    studio: KnowledgeService,
) -> None:
    _, why = _talk(studio, "will the studio make more films this year", "why tho")
    assert why.kind == "followup" and why.about == "Will the studio make more films this year?"
    assert "far more people buy films" in (why.answer or "")
    assert follow_up("on what basis") == (FollowUp.WHY, "")
    _, basis = _talk(studio, "will the studio make more films this year", "on what basis")
    assert basis.entry_id == why.entry_id


def test_asking_a_name_the_sources_never_give_is_declined_with_why(
    studio: KnowledgeService,
) -> None:
    _, name = _talk(studio, "where did the sequel rumor come from", "whats that guys name")
    assert not name.answered and name.kind == "decline"
    assert "give no name" in to_text(name) and "a studio executive" in to_text(name)


def test_a_bare_name_asks_the_name_of_whom_the_last_answer_spoke_of(
    studio: KnowledgeService,
) -> None:
    # Follow-up round 25: "name?" alone is "whats that guys name".
    _, name = _talk(studio, "where did the sequel rumor come from", "name?")
    assert not name.answered and "give no name" in to_text(name)
    _, named = _talk(studio, "when does shooting start", "names?")
    assert named.kind == "followup" and named.claimed_by == "Zed (reader comment)"


def test_asking_a_name_the_claim_gives_shows_the_claim_again(studio: KnowledgeService) -> None:
    _, name = _talk(studio, "when does shooting start", "whats his name")
    assert name.kind == "followup" and name.claimed_by == "Zed (reader comment)"


def test_asking_for_more_than_the_answer_gave_is_declined(studio: KnowledgeService) -> None:
    _, other = _talk(studio, "what colour is the poster", "what other colours are there")
    assert not other.answered and other.kind == "decline"
    assert "All I know on that is in 'What colour is the poster?'" in to_text(other)
    _, sources = _talk(studio, "what colour is the poster", "any other sources?")
    assert "All I know" not in to_text(sources)  # asked of its sources, not of the poster


def test_a_link_is_given_only_when_a_source_has_one(studio: KnowledgeService) -> None:
    _, link = _talk(studio, "what colour is the poster", "link?")
    assert not link.answered and "I have no link" in to_text(link)
    assert 'article: "The studio post"' in to_text(link)  # what it does have
    _, linked = _talk(studio, "where did the sequel rumor come from", "link?")
    assert linked.kind == "followup" and linked.sources[0].url == "https://example.com/sequel"


def test_a_short_question_is_read_with_the_last_topic(shipped: KnowledgeService) -> None:
    first, figure = _talk(shipped, "is bmw doubling 1m production", "from which figure")
    assert first.answered and figure.kind == "followup" and "2,500" in (figure.answer or "")


def test_a_few_keywords_are_not_read_as_a_follow_up(studio: KnowledgeService) -> None:
    _, keywords = _talk(studio, "what colour is the poster", "studio films post")
    assert keywords.kind != "followup"


def test_he_is_who_made_the_last_claim(shipped: KnowledgeService) -> None:
    first, said = _talk(shipped, "how sure is yourbestsource", "what did he say")
    assert first.entry_id != said.entry_id and said.kind == "followup"
    assert "25" in (said.answer or "") and "65" in (said.answer or "")


def test_a_follow_up_asking_what_no_entry_holds_is_declined(shipped: KnowledgeService) -> None:
    first, sponsor = _talk(shipped, "what is the bimmercast", "who sponsors it")
    assert first.answered and not sponsor.answered


def test_what_about_asks_the_last_question_of_the_new_name(studio: KnowledgeService) -> None:
    _, spain = _talk(studio, "how many films will the studio shoot in france", "what about spain?")
    assert spain.kind == "followup" and "two films in Spain" in (spain.answer or "")


def test_asking_for_the_source_puts_the_sources_in_the_answer(studio: KnowledgeService) -> None:
    first, source = _talk(studio, "where did the sequel rumor come from", "source?")
    assert "A trade paper's note on the sequel" not in summary(first)
    assert "A trade paper's note on the sequel" in summary(source)  # what was asked, up front
    _, why = _talk(studio, "when does shooting start", "why?")
    assert "Sources:" not in summary(why)


def test_asking_for_a_year_or_price_the_answer_lacks_is_declined(studio: KnowledgeService) -> None:
    _, year = _talk(studio, "when does shooting start", "what year tho")
    assert not year.answered and "give no year" in to_text(year)  # "May", but no year
    assert wanted("what did it cost new") is Wanted.PRICE
    assert not holds("The blog said the GP was aggressively priced.", Wanted.PRICE)
    assert holds("It sold for $47,000, near its sticker.", Wanted.PRICE)
    assert wanted("how much torque is it") is Wanted.AMOUNT
    assert not holds("Zed said it pulls hard thanks to its torque.", Wanted.AMOUNT)


def test_asking_when_is_answered_when_the_answer_has_a_time(studio: KnowledgeService) -> None:
    _, when = _talk(studio, "will the studio make more films this year", "when?")
    assert when.answered and when.entry_id == "film-outlook"  # "this year"
    _, films = _talk(studio, "how many films will the studio shoot in france", "how many is that")
    assert films.answered and "three films" in (films.answer or "")


def test_then_what_gets_where_the_answer_leads(studio: KnowledgeService) -> None:
    _, then = _talk(studio, "will the studio make more films this year", "ok then what")
    assert then.kind == "followup" and "far more people buy films" in (then.answer or "")
    _, dead_end = _talk(studio, "what colour is the poster", "what happens next")
    assert not dead_end.answered and "All I know on that is in" in to_text(dead_end)


def test_and_for_a_place_asks_the_last_question_there(studio: KnowledgeService) -> None:
    _, spain = _talk(studio, "how many films will the studio shoot in france", "and in spain?")
    assert spain.kind == "followup" and "two films in Spain" in (spain.answer or "")


def test_what_else_did_he_say_gives_another_of_his_claims(studio: KnowledgeService) -> None:
    _, other = _talk(studio, "when does shooting start", "what else did he say")
    assert other.kind == "followup" and other.entry_id == "markets-europe"


def test_who_did_it_names_who_made_the_last_claim(studio: KnowledgeService) -> None:
    _, who = _talk(studio, "did anyone doubt zed", "who replied")
    assert who.kind == "followup" and who.entry_id == "zed-reply"  # not the date it doubted
    assert "an unsigned reply" in summary(who) and "Sources:" in summary(who)


def test_and_for_a_place_the_answer_speaks_of_gets_that_answer(studio: KnowledgeService) -> None:
    _, spain = _talk(studio, "do france and spain want the studios films", "and in spain?")
    assert spain.kind == "followup" and spain.entry_id == "markets-europe"


def test_back_then_points_back_at_the_last_answer() -> None:
    assert follow_up("what did a dealer get back then") == (FollowUp.POINTING, "")
    assert follow_up("what did a dealer get") is None


def test_a_year_the_answer_lacks_is_not_taken_from_an_unrelated_claim(
    shipped: KnowledgeService,
) -> None:
    first, year = _talk(shipped, "what car did the filming", "what year is it from")
    assert first.entry_id == "chase-car-v8-benz"  # a V8 Benz, of no stated year
    assert not year.answered and "give no year" in to_text(year)


def test_a_pointing_question_answered_on_its_own_is_answered(studio: KnowledgeService) -> None:
    _, shoot = _talk(studio, "what colour is the poster", "when does it start shooting")
    assert shoot.answered and shoot.entry_id == "shoot-date"  # "it" is the film, not the poster


def test_asking_which_one_by_name_is_declined_when_none_is_named(
    shipped: KnowledgeService,
) -> None:
    first, which = _talk(
        shipped, "how many cars does the arizona dealer get", "which dealer was that"
    )
    assert first.entry_id == "arizona-dealer-three"  # "the CA's dealership in Arizona"
    assert not which.answered and "name no dealer" in to_text(which)
    assert asked_by_name("which car is it") is None  # a car may be told otherwise: a V8 Benz
    assert asked_by_name("which dealers got told, got names?") == "dealers"
    assert asked_by_name("which markets") is None  # the last topic's markets: no name asked
    assert names("It went to the Scottsdale dealership.", "dealership")
    assert not names("The CA's dealership in Arizona got 3.", "dealership")
    assert not names("BMWNA sent US dealers a memo.", "dealers")


def test_a_neighbour_just_short_of_an_answer_alone_is_meant(studio: KnowledgeService) -> None:
    _, demand = _talk(studio, "will the studio make more films this year", "is demand bigger now")
    assert demand.kind == "followup" and demand.entry_id == "film-market"
    alone = studio.ask("is demand bigger now")
    assert not alone.answered  # with no answer before it, it is not enough


def test_does_a_named_party_agree_gets_its_claim_on_the_topic(studio: KnowledgeService) -> None:
    _, zed = _talk(studio, "how many films will the studio shoot in france", "does zed agree")
    assert zed.kind == "followup" and zed.entry_id == "markets-europe"
    assert follow_up("did anyone agree") == (FollowUp.OTHERS, "agree")  # nobody named


def test_does_a_party_agree_gets_the_answer_that_echoes_its_view(
    studio: KnowledgeService,
) -> None:
    _, blog = _talk(studio, "how long is the trailer", "does the blog agree")
    assert blog.kind == "followup" and blog.entry_id == "trailer-length"  # "the blog repeated"


def test_a_follow_up_with_nothing_before_it_is_declined(shipped: KnowledgeService) -> None:
    assert not shipped.ask("who brought that up").answered  # not some claim that "brought"
    assert shipped.ask("who brought up the 2003 zhp").answered


def test_a_short_new_question_switches_topic(shipped: KnowledgeService) -> None:
    first, switch = _talk(shipped, "how many 1ms is america getting", "is bmw doubling production")
    assert first.entry_id == "us-600-bmwblog"
    assert switch.entry_id == "doubling-rumor"  # not the overview, linked but a poor fit


def test_did_anyone_agree_or_push_back_gets_another_party_on_that_claim(
    studio: KnowledgeService,
) -> None:
    _, agree = _talk(studio, "when does shooting start", "did anyone agree")
    assert agree.kind == "followup" and "Ann said" in (agree.answer or "")
    _, dissent = _talk(studio, "when does shooting start", "did anyone push back")
    assert dissent.kind == "followup" and "starts in June" in (dissent.answer or "")
    _, besides = _talk(studio, "when does shooting start", "who else said that")
    assert besides.entry_id == agree.entry_id  # another party, not Zed's claim again
    _, nobody = _talk(studio, "what colour is the poster", "did anyone disagree")
    assert not nobody.answered and "No one else in my sources disputes" in to_text(nobody)


def test_asking_if_anyone_said_something_new_is_a_new_question(studio: KnowledgeService) -> None:
    _, switch = _talk(
        studio, "when does shooting start", "did anyone say what colour the poster is"
    )
    assert switch.kind == "answer" and switch.entry_id == "poster-colour"


def test_where_gets_a_claim_that_says_where(studio: KnowledgeService) -> None:
    _, where = _talk(studio, "where did the sequel rumor come from", "where tho")
    assert where.kind == "followup" and "Prague" in (where.answer or "")
    _, nowhere = _talk(studio, "what colour is the poster", "where was that")
    assert not nowhere.answered and "give no place" in to_text(nowhere)
    assert wanted("and where was it filmed") is Wanted.PLACE
    assert holds("It was shot in the UK.", Wanted.PLACE)
    assert holds("He knew the spot as BMW's UK headquarters.", Wanted.PLACE)
    assert not holds("Production starts in March.", Wanted.PLACE)  # a month, no place


def test_how_many_after_an_answer_without_a_figure_gets_a_neighbour_with_one(
    studio: KnowledgeService,
) -> None:
    _, many = _talk(studio, "will the studio make more films this year", "how many tho")
    assert many.kind == "followup" and "three films" in (many.answer or "")


def test_chat_around_a_short_question_does_not_make_it_long() -> None:
    assert follow_up("so is it happening in the us or not") == (FollowUp.POINTING, "")
    assert follow_up("is it happening in the us or is that forum talk") is None
    assert wanted("ok when tho") is Wanted.TIME
    assert follow_up("where was that published") == (FollowUp.PROVENANCE, "")
    assert follow_up("what then") == follow_up("so what happens then lol") == (FollowUp.NEXT, "")


def test_does_a_named_party_agree_with_nothing_before_it_gets_its_claim(
    studio: KnowledgeService,
) -> None:
    assert studio.peek("would zed buy that").answer is None  # its words alone: too little
    alone = studio.ask("would zed buy that")
    assert alone.answered and alone.kind == "answer" and alone.about is None


def test_a_follow_up_after_a_close_decline_is_read_against_its_first_offer(
    studio: KnowledgeService,
) -> None:
    memory = Conversations()
    for message in ("is zed sure about shooting", "who said that"):
        reply = studio.ask(message, memory.last(0))
        memory.remember(0, reply)
    assert reply.kind == "followup" and reply.about == "Did anyone agree with Zed?"
    assert reply.claimed_by == "Ann (reader comment)"


def test_chat_around_a_short_question_still_reads_it_with_the_last_topic(
    shipped: KnowledgeService,
) -> None:
    first, more = _talk(
        shipped, "what did bmwna say about production", "so is the us getting more or not"
    )
    assert first.entry_id == "bmwna-no-change-us"
    assert more.kind == "followup" and "no more" in (more.answer or "")  # not declined


def test_does_x_agree_after_an_answer_giving_xs_view_gets_that_answer(
    studio: KnowledgeService,
) -> None:
    _, agree = _talk(studio, "when is the premiere", "does the blog agree")
    assert agree.kind == "followup" and agree.entry_id == "premiere-month"
    assert "thinks Zed is right" in (agree.answer or "")


def test_what_does_x_think_gets_the_claim_x_made_on_the_topic(studio: KnowledgeService) -> None:
    assert follow_up("so what does the blog think") == (FollowUp.AGREE, "the blog")
    assert follow_up("what did the memo say") is None  # what the memo said: a new question
    _, think = _talk(studio, "when does shooting start", "so what does the blog think")
    assert think.kind == "followup" and think.claimed_by == "the film blog"
    assert "often been wrong" in (think.answer or "")


def test_a_short_question_the_last_answer_gives_is_asked_of_it(studio: KnowledgeService) -> None:
    _, years = _talk(studio, "did the cast sign on for the sequel", "after how many years")
    assert years.kind == "followup" and "Three years after" in (years.answer or "")
    assert wanted("since when") is Wanted.TIME


def test_the_same_for_x_asks_the_last_question_of_x(studio: KnowledgeService) -> None:
    assert follow_up("would the blog expect the same for spain?") == (FollowUp.ABOUT, "spain")
    _, spain = _talk(
        studio,
        "how many films will the studio shoot in france",
        "would the blog say the same for spain",
    )
    assert spain.kind == "followup" and "two films in Spain" in (spain.answer or "")


def test_a_short_question_naming_a_neighbours_topic_gets_that_neighbour(
    studio: KnowledgeService,
) -> None:
    _, abroad = _talk(studio, "will the budget rise", "and iceland spending")
    assert abroad.kind == "followup" and abroad.entry_id == "budget-abroad"


def test_he_is_the_last_claimant_not_someone_a_shared_word_names(
    shipped: KnowledgeService,
) -> None:
    first, left = _talk(
        shipped, "is segler saying production is limited", "ok when did he leave bmw"
    )
    assert first.entry_id == "segler-not-limited"
    assert not left.answered  # the sources never say; no claim that only shares "leaving"


def test_why_after_an_answer_saying_what_it_goes_by_gets_that_answer(
    shipped: KnowledgeService,
) -> None:
    first, why = _talk(shipped, "is the 600 number going to change", "why tho")
    assert why.kind == "followup" and why.entry_id == first.entry_id
    assert "going by a conversation with BMWNA" in (why.answer or "")


def test_a_short_check_of_a_figure_the_last_answer_gives_is_asked_of_it(
    shipped: KnowledgeService,
) -> None:
    first, check = _talk(shipped, "what was bmw australia's official figure", "only 100?")
    assert check.kind == "followup" and check.entry_id == first.entry_id
    assert "around 100 units" in (check.answer or "")


def test_of_two_equal_fits_the_one_pointing_where_the_last_answer_points_wins(
    shipped: KnowledgeService,
) -> None:
    _, again = _talk(
        shipped, "is the 1m going to be a collectors item", "could bmw make another like it"
    )
    assert again.kind == "followup"  # no "did you mean A or B"
    assert "unlikely to be repeated" in (again.answer or "")


def test_a_near_tie_naming_what_the_last_answer_does_not_beats_a_repeat(
    shipped: KnowledgeService,
) -> None:
    first, roads = _talk(
        shipped,
        "who recognised the spot in the video",
        "what did he reckon about the roads over there",
    )
    assert roads.kind == "followup" and roads.entry_id != first.entry_id
    assert "UK roads" in (roads.answer or "")


def test_his_claim_titled_by_what_the_last_answer_does_not_name_beats_a_near_tie(
    shipped: KnowledgeService,
) -> None:
    first, roads = _talk(
        shipped,
        "can carmakers like bmw legally go over the limit when testing in britain",
        "so what did he reckon of the roads",
    )
    assert first.entry_id == "uk-authorised-high-speed-testing"
    assert roads.kind == "followup" and roads.entry_id == "uk-roads-poorly-maintained"


def test_a_linked_claim_titled_by_what_a_bare_follow_up_names_beats_a_near_tie(
    shipped: KnowledgeService,
) -> None:
    first, testing = _talk(
        shipped, "herr26 thinks britain has awful roads?", "and the testing stuff?"
    )
    assert first.entry_id == "uk-roads-poorly-maintained"
    assert testing.kind == "followup"
    assert testing.entry_id == "uk-authorised-high-speed-testing"


def test_any_before_what_it_asks_for_is_a_question(shipped: KnowledgeService) -> None:
    first, left = _talk(shipped, "how many is the arizona dealer getting", "any left now")
    assert left.kind == "followup" and left.entry_id == first.entry_id
    assert "spoken for" in (left.answer or "")


def test_terse_chat_spellings_of_who_said_that_ask_for_the_source(
    studio: KnowledgeService,
) -> None:
    for asked in ("src", "fr?", "sauce?", "who said that originally", "who said it first"):
        assert follow_up(asked) == (FollowUp.PROVENANCE, ""), asked
        first, source = _talk(studio, "when does shooting start", asked)
        assert source.kind == "followup" and source.entry_id == first.entry_id, asked
        assert "Zed" in to_text(source)
    assert follow_up("y tho") == (FollowUp.WHY, "")


def test_what_about_x_naming_what_no_entry_holds_is_declined(studio: KnowledgeService) -> None:
    _, spain = _talk(studio, "how many films will the studio shoot in france", "what about spain")
    assert spain.kind == "followup" and "Spain" in (spain.answer or "")
    _, quebec = _talk(
        studio, "how many films will the studio shoot in france", "what about quebec shoots"
    )
    assert not quebec.answered  # no entry knows Quebec: not Spain's shoots


def test_why_restating_the_last_answer_gets_a_reason_not_the_same_statement(
    studio: KnowledgeService,
) -> None:
    first, why = _talk(studio, "will premiere tickets be capped", "then y is it so hard to get")
    assert first.entry_id == "tickets-uncapped"
    assert why.kind == "followup" and why.entry_id == "tickets-seats"  # not Zed's "hard to get"


@pytest.mark.parametrize(
    ("bare", "person", "kind", "unnamed"),
    [
        ("which paper", "which executive", "executive", "which markets"),
        ("what paper", "what exec is it", "exec", "what markets"),  # "what" as "which"
    ],
)
def test_which_or_what_before_a_named_kind_asks_for_a_name_the_answer_may_not_give(
    studio: KnowledgeService, bare: str, person: str, kind: str, unnamed: str
) -> None:
    first, which = _talk(studio, "where did the sequel rumor come from", bare)
    assert first.entry_id == "sequel-origin"  # "a trade paper", never named
    assert not which.answered and "name no paper" in to_text(which)
    assert asked_by_name(person) == kind
    assert asked_by_name(unnamed) is None  # markets are no named kind


def test_a_question_repeating_its_words_is_as_short_as_its_words(
    shipped: KnowledgeService,
) -> None:
    first, span = _talk(shipped, "is bmw doubling the 1m run", "up from how many to how many")
    assert first.answered
    assert span.kind == "followup" and "2,500" in (span.answer or "")


def test_a_correction_asks_anew_what_follows_it(studio: KnowledgeService) -> None:
    _, spain = _talk(
        studio, "how many films will the studio shoot in france", "no i meant in spain"
    )
    assert spain.entry_id == "shoot-spain"
    assert follow_up("sorry, i mean for spain") == (FollowUp.ABOUT, "spain")
    _, start = _talk(studio, "what colour is the poster", "no i meant when shooting starts")
    assert start.entry_id == "shoot-date"


def test_a_provenance_question_naming_a_rumor_gets_the_rumor_the_answer_speaks_of(
    studio: KnowledgeService,
) -> None:
    first, whose = _talk(studio, "how big is the sequel's budget", "and who started the rumor")
    assert first.entry_id == "sequel-budget"  # a fact that only speaks of the rumor
    assert whose.kind == "followup" and whose.entry_id == "sequel-origin"
    _, status = _talk(studio, "how big is the sequel's budget", "is that a rumor")
    assert status.entry_id == "sequel-budget"  # "that": the status of the last claim itself


def test_asking_who_started_a_rumor_the_answer_speaks_of_gets_the_rumor(
    studio: KnowledgeService,
) -> None:
    _, began = _talk(studio, "how big is the sequel's budget", "who started that")
    assert began.kind == "followup" and began.entry_id == "sequel-origin"
    _, whence = _talk(studio, "how big is the sequel's budget", "where did it come from")
    assert whence.entry_id == "sequel-origin"
    _, said = _talk(studio, "how big is the sequel's budget", "who said that")
    assert said.entry_id == "sequel-budget"  # who said the fact itself: no verb of beginning


def test_asking_how_sure_the_claimant_was_gets_the_last_claim_again(
    studio: KnowledgeService, shipped: KnowledgeService
) -> None:
    first, sure = _talk(studio, "when does shooting start", "was he sure")
    assert first.entry_id == "shoot-date"
    assert sure.kind == "followup" and sure.entry_id == "shoot-date"  # Zed's claim, a rumor
    # No claim of his says how sure he was: his claim again, whose status says how settled.
    told, certain = _talk(shipped, "what did herr26 think the location was", "is he certain")
    assert certain.kind == "followup" and certain.entry_id == told.entry_id


def test_what_did_x_add_gets_the_claim_x_made_on_the_topic(studio: KnowledgeService) -> None:
    assert follow_up("what did ann add to that") == (FollowUp.AGREE, "ann")
    _, added = _talk(studio, "when does shooting start", "ok what did the blog add")
    assert added.kind == "followup" and added.entry_id == "crew-doubt"


def test_a_near_miss_whose_first_fit_is_the_last_answer_gets_it_again(
    shipped: KnowledgeService,
) -> None:
    asked = "so are the us getting any more or not"
    assert not shipped.ask(asked).answered  # just short on its own
    _, again = _talk(shipped, "did bmwna tell dealers anything", asked)
    assert again.kind == "followup" and "memo" in (again.answer or "")


def test_where_something_comes_from_asks_its_origin_not_a_place(
    studio: KnowledgeService,
) -> None:
    assert wanted("where does that date come from") is None
    first, origin = _talk(studio, "when does shooting start", "where does that date come from")
    assert origin.kind == "followup" and origin.entry_id == first.entry_id == "shoot-date"


def test_a_longer_question_with_two_telling_words_the_last_answer_gives_is_asked_of_it(
    studio: KnowledgeService,
) -> None:
    first, much = _talk(studio, "how big is the sequel's budget", "how much was the sequel said")
    assert first.entry_id == "sequel-budget"  # "a budget of ten million"
    assert much.kind == "followup" and much.entry_id == "sequel-budget"


def test_again_closing_a_question_asks_to_be_reminded(studio: KnowledgeService) -> None:
    assert kernel("how many would they have to sign again")[-1] == "sign"
    first, again = _talk(
        studio, "how big is the sequel's cast", "how many would they have to sign again"
    )
    assert first.entry_id == "cast-size"  # "12 actors signed on"
    assert again.kind == "followup" and again.entry_id == "cast-size"


def test_a_short_question_the_last_answer_all_but_ties_gets_it_again(
    studio: KnowledgeService,
) -> None:
    # Zed's word on Spain's cinemas and the blog's two Spanish shoots fit "spain too?" within
    # a hair of each other; the conversation is about the first.
    first, too = _talk(studio, "what did zed say about cinemas", "spain too?")
    assert first.entry_id == "markets-europe"
    assert too.kind == "followup" and too.entry_id == "markets-europe"
    # A claim that fits far better is still a new topic.
    _, want = _talk(
        studio, "how many films will the studio shoot in spain", "does spain want films"
    )
    assert want.entry_id == "markets-europe"


FESTIVAL = """
version: 1

sources:
  - id: post
    title: The festival post
    outlet: the film blog
    kind: article

entries:
  - id: director-talk
    questions: [What did the blog hear from the director?]
    answer: >-
      The blog said Ann Lee, the studio's director, told it at the festival that no sequel
      is planned.
    status: fact
    claimed_by: the film blog
    sources: [post]
  - id: drone-camera
    questions: [What camera did the crew fly?]
    answer: A reader guessed the crew flew a drone camera over the lake, judging by the shots.
    status: opinion
    claimed_by: a reader (comment)
    sources: [post]
"""


def test_he_or_she_named_in_the_last_answer_is_not_someone_else_s_claim(
    tmp_path: Path,
) -> None:
    path = tmp_path / "festival.yaml"
    path.write_text(FESTIVAL, encoding="utf-8")
    festival = KnowledgeService.from_path(path)
    assert festival.ask("what camera did the crew fly").entry_id == "drone-camera"
    first, she = _talk(
        festival, "what did the blog hear from the director", "what camera did she fly there"
    )
    assert first.entry_id == "director-talk"  # she is Ann Lee, whom the reader's guess never names
    assert she.kind == "decline"


def test_how_many_wants_a_count_not_a_span_of_time(studio: KnowledgeService) -> None:
    assert wanted("how many of those were there") is Wanted.AMOUNT
    assert wanted("how many years after that") is Wanted.TIME
    assert not holds("Three years after the film, the cast signed on.", Wanted.AMOUNT)
    assert not holds("Prices settle after 4 to 5 years.", Wanted.AMOUNT)
    assert holds("Three years after the film, 12 actors signed on.", Wanted.AMOUNT)
    first, many = _talk(studio, "did the cast sign on for the sequel", "how many were there")
    assert first.entry_id == "cast-signed"
    assert many.kind == "followup" and many.entry_id == "cast-size"
    _, years = _talk(studio, "did the cast sign on for the sequel", "how many years after was it")
    assert years.kind == "followup" and years.entry_id == "cast-signed"


def test_advice_on_the_askers_own_things_is_declined_after_an_answer(
    studio: KnowledgeService,
) -> None:
    first, keep = _talk(studio, "will premiere tickets be capped", "should i keep my tickets")
    assert first.answered and not keep.answered
    _, back = _talk(studio, "will premiere tickets be capped", "will i get my money back")
    assert not back.answered


def test_why_after_an_answer_giving_a_purpose_gets_that_answer(studio: KnowledgeService) -> None:
    first, why = _talk(studio, "how many tickets must the sequel sell", "why")
    assert first.entry_id == "sequel-payoff"
    assert why.kind == "followup" and why.entry_id == "sequel-payoff"


def test_what_about_x_when_the_last_question_is_about_x_gets_that_answer(
    studio: KnowledgeService,
) -> None:
    first, about = _talk(studio, "will premiere tickets be capped", "what about premiere tickets")
    assert first.entry_id == "tickets-uncapped"
    assert about.kind == "followup" and about.entry_id == "tickets-uncapped"


# Follow-up round 15, on a made-up bakery.
BAKERY = """
version: 1

sources:
  - id: post
    title: The bakery post
    outlet: the bread blog
    kind: article
  - id: comments
    title: Comments on the bakery post
    outlet: comments on the bakery post
    kind: reader-comment

entries:
  - id: loaves-town
    questions: [How many loaves does the town get each day?]
    answer: The blog said the town gets 300 loaves a day.
    status: opinion
    claimed_by: the bread blog
    sources: [post]
  - id: loaves-village
    questions: [How many loaves does the village get each day?]
    answer: The blog said the village gets 40 loaves a day.
    status: opinion
    claimed_by: the bread blog
    sources: [post]
  - id: harbour-oven
    questions: [Is there an oven at the harbour?, What is baked at the harbour?]
    answer: The blog said the harbour has an old stone oven that bakes rye.
    status: opinion
    claimed_by: the bread blog
    sources: [post]
  - id: baker-interview
    questions: [Did the head baker say anything about more loaves?]
    answer: Asked about more loaves, the head baker gave no hint of any change.
    status: fact
    claimed_by: the bread blog
    sources: [post]
    related: [baker-oven-limits]
  - id: baker-oven-limits
    questions: [Why can the bakery not bake more loaves?, What would more loaves cost the bakery?]
    answer: >-
      The blog said the ovens, not the baker, set how many loaves are baked, and that more
      loaves would cost the bakery new ovens.
    status: opinion
    claimed_by: the bread blog
    sources: [post]
    related: [baker-interview]
  - id: rye-reply
    questions: [Did anyone answer the rye comment?]
    answer: An unsigned reply said rye sells out early, and did not say who wrote it.
    status: rumor
    claimed_by: an unsigned reply in the comments
    sources: [comments]
  - id: cake-split
    questions: [Did people like the plum cake at first?]
    answer: The blog said the plum cake split the town at first, just as the rye loaf did.
    status: opinion
    claimed_by: the bread blog
    sources: [post]
  - id: cake-sold
    questions: [Did the plum cake sell?]
    answer: The blog said every plum cake sold.
    status: opinion
    claimed_by: the bread blog
    sources: [post]
  - id: rye-loaf
    questions: [What is in the rye loaf?]
    answer: The blog said the rye loaf is made with seeds.
    status: opinion
    claimed_by: the bread blog
    sources: [post]
"""


@pytest.fixture(scope="module")
def bakery(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeService:
    return _built(tmp_path_factory, "bakery", BAKERY)


def test_where_a_claim_was_heard_asks_its_provenance(bakery: KnowledgeService) -> None:
    assert follow_up("where did you hear that") == (FollowUp.PROVENANCE, "")
    assert follow_up("who did you hear it from?") == (FollowUp.PROVENANCE, "")
    first, heard = _talk(bakery, "how many loaves does the town get", "where'd you hear that")
    assert heard.kind == "followup" and heard.entry_id == first.entry_id == "loaves-town"


def test_who_made_the_thing_the_last_answer_names_is_its_claimant(
    bakery: KnowledgeService, shipped: KnowledgeService
) -> None:
    first, who = _talk(bakery, "did anyone answer the rye comment", "who posted that reply")
    assert first.entry_id == "rye-reply"
    assert who.kind == "followup" and who.entry_id == "rye-reply" and who.cited
    # Alone, "who wrote that comment" is the blog's: here it is the unsigned reply's.
    first, who = _talk(shipped, "did anyone disagree with ybs", "who wrote that comment")
    assert who.kind == "followup" and who.entry_id == first.entry_id


def test_thanks_after_a_laugh_closing_chatter_is_thanks(shipped: KnowledgeService) -> None:
    for message in ("haha thanks, my wallet hates you", "lol thanks she'll be mad"):
        assert shipped.ask(message).kind == "smalltalk"
    assert shipped.ask("haha thanks, did the gp sell out").answered


def test_same_as_x_gets_the_last_answer_again_when_it_names_x(bakery: KnowledgeService) -> None:
    assert follow_up("same as the rye?") == (FollowUp.ABOUT, "the rye")
    first, same = _talk(bakery, "did people like the plum cake at first", "same as the rye loaf?")
    assert first.entry_id == "cake-split"
    assert same.kind == "followup" and same.entry_id == "cake-split"


def test_same_with_x_gets_the_last_answer_again_when_it_names_x(bakery: KnowledgeService) -> None:
    for message in ("same with the rye loaf?", "and the same for the rye loaf"):
        _, same = _talk(bakery, "did people like the plum cake at first", message)
        assert same.kind == "followup" and same.entry_id == "cake-split"


def test_a_pointing_question_is_declined_when_its_answer_lacks_what_it_wants(
    bakery: KnowledgeService,
) -> None:
    first, price = _talk(
        bakery,
        "did the head baker say anything about more loaves",
        "so what would that cost",
    )
    assert first.entry_id == "baker-interview"
    assert not price.answered  # the ovens' limit names no price, only new ovens


def test_what_about_x_is_declined_when_x_has_no_figure_for_a_how_many_question(
    bakery: KnowledgeService,
) -> None:
    _, village = _talk(bakery, "how many loaves does the town get", "what about the village")
    assert village.entry_id == "loaves-village"
    _, harbour = _talk(bakery, "how many loaves does the town get", "what about the harbour")
    assert not harbour.answered  # the harbour's oven gives no number of loaves


# Follow-up round 17, on a made-up parade.
PARADE = """
version: 1

sources:
  - id: ana-comment
    title: Ana's comment on the parade
    outlet: comments on the parade post
    kind: reader-comment
    author: Ana
  - id: bo-comment
    title: Bo's reply to Ana
    outlet: comments on the parade post
    kind: reader-comment
    author: Bo

entries:
  - id: float-won
    questions: [Who won the float race?]
    answer: Ana said the red float easily beat the blue float in the race.
    status: opinion
    claimed_by: Ana (reader comment)
    sources: [ana-comment]
    related: [float-agreed, float-blue-guess]
  - id: float-agreed
    questions: [Did anyone agree with Ana about the race?]
    answer: Bo agreed with Ana that the blue float never caught up with the red one.
    status: opinion
    claimed_by: Bo (reader comment)
    sources: [bo-comment]
    related: [float-won]
  - id: float-blue-guess
    questions: [Whose float was the blue one?]
    answer: Ana guessed from its flags and its music that the blue float was the bakers' float.
    status: opinion
    claimed_by: Ana (reader comment)
    sources: [ana-comment]
    related: [float-won]
"""


@pytest.fixture(scope="module")
def parade(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeService:
    return _built(tmp_path_factory, "parade", PARADE)


def test_why_after_an_answer_without_reasons_gets_the_neighbour_that_gives_some(
    parade: KnowledgeService,
) -> None:
    first, basis = _talk(parade, "who won the float race", "based on what")
    assert first.entry_id == "float-won"
    # Not Bo agreeing (the first neighbour, no reason), but Ana's guess from flags and music.
    assert basis.kind == "followup" and basis.entry_id == "float-blue-guess"


def test_x_then_asks_the_last_question_of_x_as_what_about_x_does(
    bakery: KnowledgeService,
) -> None:
    _, village = _talk(bakery, "how many loaves does the town get", "ok the village then")
    assert village.kind == "followup" and village.entry_id == "loaves-village"


def test_and_x_or_like_x_gets_the_last_answer_again_when_it_likens_its_subject_to_x(
    bakery: KnowledgeService,
) -> None:
    # Follow-up round 22: "just as the rye loaf did" already answers for the rye loaf.
    for message in ("and the rye loaf?", "like the rye loaf?"):
        first, again = _talk(bakery, "did people like the plum cake at first", message)
        assert first.entry_id == "cake-split"
        assert again.kind == "followup" and again.entry_id == "cake-split"


def test_asking_who_was_quoted_asks_where_the_last_claim_comes_from(
    shipped: KnowledgeService,
) -> None:
    # Follow-up round 22: "quote" is a provenance word, as "cite" is.
    first, quoted = _talk(shipped, "which magazine reported the doubling", "who was quoted")
    assert quoted.kind == "followup" and quoted.entry_id == first.entry_id == "doubling-rumor"


def test_asking_what_they_are_worth_gets_a_neighbour_that_gives_a_value(
    shipped: KnowledgeService,
) -> None:
    # Follow-up round 22: the NYT's label gives no value; the GPs' used prices "close to
    # their MSRP" do, and are linked to it.
    first, worth = _talk(
        shipped,
        "did the new york times ever write about the mini gp",
        "what would they be worth now",
    )
    assert first.entry_id == "gp-nyt-collectors"
    assert worth.kind == "followup" and worth.entry_id == "gp-used-values"


def test_asking_when_more_is_known_gets_a_neighbour_that_says_when(
    shipped: KnowledgeService,
) -> None:
    # Follow-up round 24: the 600's "conversation with BMWNA that week" is no time ahead; the
    # linked claim that expects more "in a few days" is, also when the question points at
    # nothing, and from a claim that shares a neighbour with the last answer.
    for opener in ("was the 600 number official", "why was the 600 figure wrong"):
        for message in ("when will we find out more", "when would they hear more"):
            first, when = _talk(shipped, opener, message)
            assert first.answered
            assert when.kind == "followup" and when.entry_id == "bmwblog-600-likely-change"


LAMPS = """
version: 1

sources:
  - id: post
    title: The lamp post
    outlet: the lamp blog
    kind: article
  - id: ola-comment
    title: Ola's comment on the lamp post
    outlet: comments on the lamp post
    kind: reader-comment
    author: Ola

entries:
  - id: lamp-sale
    questions: [How was the brass lamp sold?]
    answer: The blog said the brass lamp was sold in one colour only, with no shade options.
    status: fact
    claimed_by: the lamp blog
    sources: [post]
    tags: [brass]
  - id: lamp-used
    questions: [What are used brass lamps worth?]
    answer: The blog said used brass lamps sell for close to their list price.
    status: fact
    claimed_by: the lamp blog
    sources: [post]
    tags: [brass]
  - id: lamp-towns
    questions: [Where are the lamps sent?, Which towns get the lamps?]
    answer: The blog said the lamps are sent to several northern towns.
    keywords: [post, anything]
    status: opinion
    claimed_by: the lamp blog
    sources: [post]
  - id: lamp-fair
    questions: [Where is the lamp fair held?]
    answer: The blog said the lamp fair is held in Oakham town hall.
    status: fact
    claimed_by: the lamp blog
    sources: [post]
  - id: ola-shop
    questions: [How many lamps did Ola's shop get?]
    answer: Commenter Ola said Ola's shop got four lamps for the whole winter.
    status: rumor
    claimed_by: Ola (reader comment)
    sources: [ola-comment]
  - id: ola-glow
    questions: [What did Ola think of the lamp's glow?]
    answer: Commenter Ola said the brass lamp glows warmer than any other lamp Ola owns.
    status: opinion
    claimed_by: Ola (reader comment)
    sources: [ola-comment]
"""


@pytest.fixture(scope="module")
def lamps(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeService:
    return _built(tmp_path_factory, "lamps", LAMPS)


def test_asking_a_value_gets_an_entry_filed_under_the_same_topic(lamps: KnowledgeService) -> None:
    # Follow-up round 25: the sale's entry gives no value and links to nothing; the used
    # lamps' entry, filed under the same tag, does give one.
    for message in ("what do they go for now", "what does a used one go for these days"):
        first, worth = _talk(lamps, "did the brass lamp come in one colour", message)
        assert first.entry_id == "lamp-sale"
        assert worth.kind == "followup" and worth.entry_id == "lamp-used"


def test_which_x_exactly_is_declined_when_the_last_answer_names_no_x(
    lamps: KnowledgeService,
) -> None:
    # Follow-up round 25: "several northern towns" names none; "Oakham town hall" names one.
    first, which = _talk(lamps, "where do the lamps get sent", "which towns exactly")
    assert first.entry_id == "lamp-towns"
    assert not which.answered and which.notice is not None and "name no towns" in which.notice
    first, named = _talk(lamps, "where is the lamp fair", "which town is it in exactly")
    assert first.entry_id == "lamp-fair"
    assert named.answered and named.entry_id == "lamp-fair"


def test_did_she_say_anything_else_gets_another_claim_of_hers(lamps: KnowledgeService) -> None:
    # Follow-up round 25: asked yes-or-no ("did she post anything else"), as "what else did
    # she say" is, even when its verb ("post") is no word of her claims.
    for message in ("did she post anything else", "did she say anything else"):
        first, other = _talk(lamps, "how many lamps did ola's shop get", message)
        assert first.entry_id == "ola-shop"
        assert other.kind == "followup" and other.entry_id == "ola-glow"


BIKES = """
version: 1

sources:
  - id: post
    title: The bike post
    outlet: the cycling blog
    kind: article

entries:
  - id: resale-outlook
    questions: [What will a used bike sell for?, Will used bikes hold their value?]
    answer: >-
      The blog predicted used bikes will sell for their list price at best, then hold steady
      after five years.
    status: opinion
    claimed_by: the cycling blog
    sources: [post]
    related: [bike-run]
  - id: bike-run
    questions: [How many bikes will be made in the next five years?]
    answer: The blog expects 500 bikes to be made over the next five years.
    status: opinion
    claimed_by: the cycling blog
    sources: [post]
    related: [resale-outlook]
"""


def test_what_about_x_that_the_last_answer_answers_alone_gets_it_again(tmp_path: Path) -> None:
    # Follow-up round 26: X asked on its own gets the last answer, so the neighbour that
    # shares X's words with the last question's title is not meant.
    path = tmp_path / "bikes.yaml"
    path.write_text(BIKES, encoding="utf-8")
    bikes = KnowledgeService.from_path(path)
    first, later = _talk(
        bikes, "what will a used bike sell for", "what about used bikes after five years"
    )
    assert first.entry_id == "resale-outlook"
    assert later.kind == "followup" and later.entry_id == "resale-outlook"


def test_a_price_asked_after_an_answer_is_declined_when_the_claim_found_names_none(
    shipped: KnowledgeService,
) -> None:
    # Follow-up round 27: "aggressively priced" is no price, and the last answer (the GPs'
    # count, the NYT's label) gives none either.
    for opener in (
        "how many gps were sent to america",
        "did the new york times call the gp a collectors car",
    ):
        for message in ("whats the price of a gp", "what was the gp priced at"):
            first, price = _talk(shipped, opener, message)
            assert first.answered
            assert not price.answered and price.kind != "smalltalk"


def test_why_are_they_so_sure_asks_the_reasons_for_the_last_answer(
    studio: KnowledgeService, shipped: KnowledgeService
) -> None:
    # Follow-up round 27: a why-question of only a pronoun and a verb of belief ("why would
    # they think so", "why are they so certain") asks why the last claim is held.
    first, why = _talk(studio, "will the studio make more films this year", "why are they so sure")
    assert first.entry_id == "film-outlook"
    assert why.kind == "followup" and why.entry_id == "film-market"
    # Knowledge: the blog's "case closed" is given its reason ("given the memo"), and its "very
    # special car" leads to the market it reasons from.
    first, why = _talk(shipped, "is it case closed for america", "why are they so certain")
    assert first.entry_id == "us-case-closed" and why.entry_id == "us-case-closed"
    first, why = _talk(
        shipped, "will bmw ever make something like the 1m again", "why would they think so"
    )
    assert first.entry_id == "not-duplicated-soon" and why.entry_id == "bigger-market-than-gp"


def test_an_opener_switching_topic_names_no_topic(shipped: KnowledgeService) -> None:
    # Follow-up round 27: knowledge, "different question", "switching gears", ... are fillers.
    for message in ("different question: who is brian watts", "switching gears, who is watts"):
        (reply,) = _talk(shipped, message)
        assert reply.entry_id == "who-is-watts"


def test_bmwnas_denial_gives_the_words_of_the_source(shipped: KnowledgeService) -> None:
    # Follow-up round 27: knowledge, the post says BMWNA was specific that there is "no change"
    # for the US market; the answer says so (in its own words since the ninth audit).
    (reply,) = _talk(shipped, "what did bmw north america tell the blog")
    assert reply.entry_id == "bmwna-no-change-us" and "no change" in (reply.answer or "")


def test_he_is_the_one_claimant_the_last_answer_names_when_its_claim_is_not_his(
    studio: KnowledgeService,
) -> None:
    # Follow-up round 27: the unsigned reply names Zed, who made claims of his own; "he" is
    # Zed, not a claim the question's words alone would not reach.
    for message, entry in (
        ("what did he say about cinemas", "markets-europe"),
        ("what did he think about premiere tickets", "tickets-hard"),
    ):
        first, his = _talk(studio, "did anyone doubt zed's date", message)
        assert first.entry_id == "zed-reply"
        assert his.kind == "followup" and his.entry_id == entry


MOWERS = """
version: 1

sources:
  - id: post
    title: The mower post
    outlet: the garden blog
    kind: article
  - id: ida-comment
    title: Ida's comment on the mower post
    outlet: comments on the mower post
    kind: reader-comment
    author: Ida

entries:
  - id: mower-engine
    questions: [Which engine does the mower use?]
    answer: The blog said the mower uses the K9 engine, still sold after 2019.
    status: fact
    claimed_by: the garden blog
    sources: [post]
    related: [mower-pull]
  - id: mower-pull
    questions: [What did Ida say about the mower's pull?, Does the mower have torque?]
    keywords: [torque]
    answer: Ida said the mower pulls through wet grass, and put that down to its torque.
    status: opinion
    claimed_by: Ida (reader comment)
    sources: [ida-comment]
    related: [mower-engine]
  - id: lind-limit
    questions: [What did Dr. Lind say about the mower run?]
    answer: Dr. Lind, the garden firm's former head, said the mower run would not be limited.
    status: fact
    claimed_by: Dr. Lind (former head of the garden firm)
    sources: [post]
  - id: berg-role
    questions: [Who is the garden firm's sales head?]
    answer: Tom Berg is the garden firm's head of sales, the blog said.
    status: fact
    claimed_by: the garden blog
    sources: [post]
"""


@pytest.fixture(scope="module")
def mowers(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeService:
    return _built(tmp_path_factory, "mowers", MOWERS)


def test_how_much_after_an_answer_is_declined_when_the_claim_found_gives_no_figure(
    mowers: KnowledgeService,
) -> None:
    # Follow-up round 29: the last answer's "2019" does not stop "how much torque" from
    # wanting a figure, which Ida's "its torque" does not give.
    first, torque = _talk(
        mowers, "which engine does the mower use", "how much torque does the mower have"
    )
    assert first.entry_id == "mower-engine"
    assert not torque.answered and torque.kind != "smalltalk"


def test_a_first_name_is_declined_when_the_answer_gives_only_a_title(
    mowers: KnowledgeService,
) -> None:
    # Follow-up round 29: "Dr. Lind" gives no first name; "Tom Berg" does.
    first, name = _talk(mowers, "what did dr lind say about the mower run", "whats his first name")
    assert first.entry_id == "lind-limit"
    assert not name.answered and "first name" in to_text(name)
    assert asks_given_name("and her full name?") and not asks_given_name("whats his name")
    assert gives_given_name("Tom Berg is the garden firm's head of sales.")
    assert not gives_given_name("Dr. Lind said so. Mr. Moss agreed, as did Ida.")


KITES = """
version: 1

sources:
  - id: post
    title: The kite post
    outlet: the kite blog
    kind: article
  - id: paper
    title: A paper's note on kites
    outlet: Kite Weekly
    kind: other-site
  - id: maker-note
    title: The kite maker's note
    outlet: the kite maker
    kind: official-statement

entries:
  - id: kite-double
    questions: [Will the kite maker double its kites?]
    answer: A kite paper passed on a rumor that the kite maker would double its kites to 800.
    status: rumor
    claimed_by: a kite paper
    sources: [paper]
    related: [kite-verdict]
    conflicts_with: [maker-denies]
  - id: maker-denies
    questions: [What did the kite maker say about doubling?]
    answer: The kite maker denied any change to its kites.
    status: denied
    claimed_by: the kite maker
    sources: [maker-note]
    conflicts_with: [kite-double]
  - id: kite-verdict
    questions: [What does the blog make of the kite doubling?]
    answer: The blog called the doubling wishful thinking.
    status: opinion
    claimed_by: the kite blog
    sources: [post]
    related: [kite-double]
  - id: kite-string
    questions: [How long is the kite string?]
    answer: The blog said the string is thirty metres long, as the shop assistant had said.
    status: fact
    claimed_by: the kite blog
    sources: [post]
"""


@pytest.fixture(scope="module")
def kites(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeService:
    return _built(tmp_path_factory, "kites", KITES)


def test_who_is_right_gets_the_writers_verdict_on_the_dispute(kites: KnowledgeService) -> None:
    # Follow-up round 31: "so who's right then" after either side of a dispute is the blog's
    # own verdict on it; "so the shop guy was kinda right?" after a claim in no dispute is
    # that claim.
    first, denied, right = _talk(
        kites, "will the kite maker double its kites", "what did the maker say", "so whos right"
    )
    assert first.entry_id == "kite-double" and denied.entry_id == "maker-denies"
    assert right.kind == "followup" and right.entry_id == "kite-verdict"
    _, right = _talk(kites, "will the kite maker double its kites", "which one is correct then")
    assert right.entry_id == "kite-verdict"
    string, guy = _talk(kites, "how long is the kite string", "so the shop guy was kinda right?")
    assert string.entry_id == "kite-string" and guy.entry_id == "kite-string"
    assert not asks_who_is_right("is that right") and not asks_who_is_right(
        "is 40 the right length"
    )


def test_which_blog_asks_where_the_last_claim_comes_from(kites: KnowledgeService) -> None:
    # Follow-up round 31: "wait, which paper" after a rumor from a paper with a name of its own
    # is which outlet it comes from, the same claim with its sources ("a trade paper" names
    # none: declined, as before).
    first, outlet = _talk(kites, "will the kite maker double its kites", "wait, which paper")
    assert first.entry_id == "kite-double"
    assert outlet.kind == "followup" and outlet.entry_id == "kite-double" and outlet.cited
    assert asks_outlet("what site was that") == "site"
    assert asks_outlet("which paper said 800") is None


def test_the_name_of_someone_the_claim_only_speaks_of_is_declined(
    studio: KnowledgeService,
) -> None:
    # Follow-up round 30: not the claimant's name, which the claim gives.
    first, agent = _talk(studio, "when does shooting start", "whats the name of his agent")
    assert first.entry_id == "shoot-date"
    assert not agent.answered and "name no agent" in to_text(agent)
    _, real = _talk(studio, "when does shooting start", "whats his real name")
    assert not real.answered and "no first name" in to_text(real)  # Zed is a handle
    _, whose = _talk(studio, "when does shooting start", "whats that guys name")
    assert whose.entry_id == "shoot-date"  # the claimant, whom the claim names


def test_a_claim_turned_away_asks_anew_what_follows(studio: KnowledgeService) -> None:
    # Follow-up round 30: "no not that, ..." drops what the last answer told.
    france = "how many films will the studio shoot in france"
    _, start = _talk(studio, france, "not that number, the shooting date")
    assert start.entry_id == "shoot-date"  # not "that number", the last answer's


def test_what_about_a_name_stands_for_the_titles_name(shipped: KnowledgeService) -> None:
    # Follow-up round 30: "the jcw gp" stands for the title's "1Ms", not for "America".
    _, gp = _talk(shipped, "how many 1ms is america getting", "and what about the jcw gp")
    assert gp.kind == "followup" and gp.entry_id == "gp-414-us"


def _played(service: KnowledgeService, *messages: str) -> list[Reply]:
    """Play messages as the front ends do: each with what its conversation keeps."""
    memory = Conversations()
    return [memory.ask(service.ask, 0, message) for message in messages]


def test_followup_34_a_sceptical_reply_gets_the_last_claim_with_its_sources(
    shipped: KnowledgeService,
) -> None:
    # Follow-up round 34: "smells fishy" asks nothing new; it was declined, and "yeah right,
    # ..." got a claim sharing its words ("sold").
    for doubt in ("smells fishy tbh", "yeah right, mini sold way more than that"):
        first, again = _talk(shipped, "how many cars did mini bring to the us", doubt)
        assert first.entry_id == "gp-414-us"
        assert again.kind == "followup" and again.entry_id == "gp-414-us" and again.cited
    _, bought = _talk(shipped, "who is brian watts", "i dont buy it")
    assert bought.entry_id == "who-is-watts" and bought.cited  # not a "did you mean"


def test_followup_34_where_did_you_see_that_asks_where_the_claim_comes_from(
    shipped: KnowledgeService,
) -> None:
    # Follow-up round 34: a verb of reading or seeing is a provenance cue ("where did u read
    # that" was declined).
    _, seen = _talk(shipped, "how many cars did mini bring to the us", "where did you see that")
    assert seen.kind == "followup" and seen.entry_id == "gp-414-us" and seen.cited


def test_followup_34_what_about_x_after_a_decline_asks_the_declined_question_of_x(
    shipped: KnowledgeService,
) -> None:
    # Follow-up round 34: X takes the place of the word no entry holds ("sweden"); the
    # declined question stays the one asked again ("norway" is declined in turn).
    _, norway, us = _played(
        shipped, "how many 1ms is sweden getting", "and norway?", "what about the us then"
    )
    assert not norway.answered and norway.asked == "how many 1ms is sweden getting"
    assert us.answered and us.entry_id == "us-600-bmwblog"
    _, australia = _played(shipped, "how many 1ms did sweden get", "and in australia?")
    assert australia.entry_id == "aus-received-125"  # not the reader's guess on Australia


def test_followup_34_a_separate_question_marker_weighs_nothing(shipped: KnowledgeService) -> None:
    # Follow-up round 34 (knowledge): "separate q", "different topic" open a new question as
    # "new question" does; the words weighed against the last answer's topic and declined it.
    _, watts = _talk(shipped, "how many cars did mini bring to the us", "separate q, who is watts")
    assert watts.entry_id == "who-is-watts"


def test_followup_34_a_pointing_question_after_a_decline_reads_with_the_declined_question(
    shipped: KnowledgeService,
) -> None:
    # Follow-up round 34: "he" is who the declined question asked about, the one who filmed.
    declined, car = _played(shipped, "who recorded the 1m clip", "what car was he in")
    assert not declined.answered and not declined.suggestions  # nothing close was offered
    assert car.entry_id == "chase-car-v8-benz"


def test_followup_34_and_x_agreed_asks_what_x_says_on_the_last_answer(
    studio: KnowledgeService,
) -> None:
    # Follow-up round 34: "and the blog agreed?" is "does the blog agree" put as a statement;
    # it got Ann's agreement with Zed (its "agreed"). The blog's own claim is its view.
    _, blog = _talk(studio, "what does the blog make of the shooting start", "and the blog agreed?")
    assert blog.kind == "followup" and blog.entry_id == "crew-doubt"
    _, reasoned = _talk(studio, "how many tickets must the sequel sell", "so the blog agreed?")
    assert reasoned.entry_id == "sequel-payoff"  # "the blog reasoned": its claimant, its view
    _, paper = _talk(studio, "did anyone doubt zed's date", "and the trade paper agreed?")
    assert paper.entry_id == "shoot-june"  # the paper's own claim on the start date
    assert follow_up("everyone agreed?") is None  # names no party and asks for none
    assert follow_up("who agreed") == (FollowUp.OTHERS, "agree")  # asks for one (round 58)


def test_followup_34_will_the_same_happen_with_x_asks_the_last_question_of_x(
    shipped: KnowledgeService,
) -> None:
    # Follow-up round 34: as "same for X" does; alone it got the 1M's resale forecast.
    first, same = _talk(
        shipped,
        "what happened with zhp allocations in 2003",
        "will the same happen with the 1m then",
    )
    assert first.entry_id == "zhp-2003-allocation"
    assert same.kind == "followup" and same.entry_id == "zhp-same-for-1m"
    assert follow_up("could the same thing happen to the gp") == (FollowUp.ABOUT, "the gp")


def test_followup_35_what_else_gets_the_neighbour_that_holds_the_question(
    shipped: KnowledgeService,
) -> None:
    # Follow-up round 35: "what else does bmw build" after the limits on 1M output, whose
    # answer names one more car built, was declined as asking beyond the last answer; the
    # neighbour on that car holds every word the question asks with.
    first, built = _talk(
        shipped, "what keeps 1m output so low", "so what else does bmw build there"
    )
    assert first.entry_id == "production-limit-causes"
    assert built.kind == "followup" and built.entry_id == "x1-alongside"


def test_followup_35_who_said_that_after_a_verdict_on_a_rumor_is_the_rumors_teller(
    shipped: KnowledgeService,
) -> None:
    # Follow-up round 35: "who said that" after the blog's verdict on the doubling rumor asks
    # who told the rumor; after BMWNA's denial of it, "that" stays the denial.
    verdict, told = _talk(shipped, "what's the blog's verdict on the 5000 figure", "who said that")
    assert verdict.entry_id == "doubling-verdict"
    assert told.kind == "followup" and told.entry_id == "doubling-rumor"
    denial, denied = _talk(shipped, "did bmwna deny the doubling", "who said that")
    assert denial.entry_id == "bmwna-no-change-us" and denied.entry_id == "bmwna-no-change-us"


def test_followup_35_who_is_x_after_a_claim_naming_x_that_says_nothing_of_x_is_declined(
    shipped: KnowledgeService,
) -> None:
    # Follow-up round 35: the sources say what Gabe said, not who he is, and what a reader
    # recalled of the ZHP, not what a ZHP is; the claim again, or a neighbour naming the same
    # name, was given. An outlet ("bmwna") is what its claims are cited by: read as before.
    first, gabe = _talk(shipped, "how did gabe answer the bmwblog commenter", "wait who's gabe")
    assert first.entry_id == "gabe-reply-next-week" and not gabe.answered
    _, zhp = _talk(shipped, "how were zhp allocations handled back in 2003", "whats a zhp exactly")
    assert not zhp.answered
    _, bmwna = _talk(shipped, "what was in the memo to dealers", "who's bmwna")
    assert bmwna.answered


def test_followup_35_what_was_on_the_podcast_is_only_what_a_claim_places_there(
    shipped: KnowledgeService,
) -> None:
    # Follow-up round 35: "on it" after what the podcast is asks what was on the podcast;
    # who Watts is never places him there (it was given), while the claim that the writers
    # speculated on recent episodes does.
    first, watts = _talk(shipped, "tell me about the bimmercast", "did watts ever go on it")
    assert first.entry_id == "bimmercast-blog" and not watts.answered
    _, numbers = _talk(
        shipped, "tell me about the bimmercast", "did they speculate about numbers on it"
    )
    assert numbers.entry_id == "blog-no-speculation"


def test_followup_36_what_about_x_after_a_decline_naming_known_words_swaps_a_word(
    shipped: KnowledgeService,
) -> None:
    # Follow-up round 36: "how many 1ms are going to the uk" is declined though every word of
    # it is known (the UK's video), so no unknown run was there to swap for X; the word whose
    # swap is answered best is swapped now ("the uk" -> "america").
    declined, again = _played(
        shipped, "how many 1ms are going to the uk", "what about america then"
    )
    assert not declined.answered
    assert again.answered and again.entry_id == "us-600-bmwblog"


def test_followup_36_a_comparison_with_the_last_answer_asks_of_x(
    shipped: KnowledgeService,
) -> None:
    # Follow-up round 36: "is that bigger than what america gets" after Australia's 125 asks
    # America's figure; "how does that square with X" asks X's claim.
    first, bigger = _talk(
        shipped,
        "how many 1ms went to australia in the end",
        "is that bigger than what america gets",
    )
    assert first.entry_id == "aus-received-125"
    assert bigger.kind == "followup" and bigger.entry_id == "us-600-bmwblog"
    _, world = _talk(
        shipped, "how many 1ms went to the whole world", "how does that stack up against the us"
    )
    assert world.entry_id == "us-600-bmwblog"


def test_followup_36_did_x_back_it_asks_xs_word_on_the_last_answer(
    shipped: KnowledgeService,
) -> None:
    # Follow-up round 36: "did bmwna back it" is "does bmwna agree" put with another verb.
    _, backed = _talk(shipped, "where did the doubling talk come from", "did bmwna back it")
    assert backed.kind == "followup" and backed.entry_id == "bmwna-no-change-us"


def test_followup_36_the_price_of_a_thing_the_last_answer_names_is_declined(
    shipped: KnowledgeService,
) -> None:
    # Follow-up round 36: "how much was a zhp then" asks a price, not a count (the last answer's
    # "2 per dealer"); no claim gives one. "The margin on each one" asks a sum too.
    first, price = _talk(
        shipped,
        "did the zhp guy think the 1m would be handled the same way",
        "how much was a zhp then",
    )
    assert first.entry_id == "zhp-same-for-1m" and not price.answered
    _, margin = _talk(
        shipped, "why would bmw have to sell another 2500", "and the margin on each one?"
    )
    assert not margin.answered


def test_followup_36_a_figure_no_claim_gives_held_against_the_last_answer(
    shipped: KnowledgeService,
) -> None:
    # Follow-up round 36: "hmm i thought it was 300" after the US figure: no claim says 300,
    # so the answer is the last one again, with who said it.
    first, doubted = _talk(
        shipped, "how many 1ms are headed to america", "hmm i thought it was 300"
    )
    assert first.entry_id == "us-600-bmwblog"
    assert doubted.kind == "followup" and doubted.entry_id == "us-600-bmwblog"


def test_followup_36_everywhere_else_is_the_rest_of_the_world(shipped: KnowledgeService) -> None:
    # Follow-up round 36: "everywhere else" after the US verdict is the rest of the world.
    _, rest = _talk(shipped, "why is the us done", "and everywhere else")
    assert rest.entry_id == "doubling-verdict"


def test_followup_37_a_bare_fragment_after_a_decline_asks_the_declined_question_of_it(
    shipped: KnowledgeService,
) -> None:
    # Follow-up round 37: "torque?" after a declined "how many seats does the 1m have" asks
    # how much torque, in place of the word no entry holds: declined again, where it got the
    # reader's remark on torque read alone. A fragment after a declined question whose every
    # word is known is read as before (no best-answered swap).
    _, fragment = _played(shipped, "how many seats does the 1m have", "torque?")
    assert not fragment.answered and fragment.asked == "how many seats does the 1m have"


def test_followup_38_specs_are_never_given(shipped: KnowledgeService) -> None:
    # Follow-up round 38: the sources give no spec sheet of any car, so "the specs of the f30"
    # after its start date is declined, not answered with that start date again.
    first, specs = _played(
        shipped, "when is production of the f30 starting", "the specs of the f30?"
    )
    assert first.entry_id == "f30-november"
    assert not specs.answered


def test_followup_38_a_value_now_is_not_asked_of_a_car_the_talk_never_named(
    shipped: KnowledgeService,
) -> None:
    # Follow-up round 38: "whats one worth these days" after the 1M's resale forecast asks the
    # 1M's value now, which no claim gives; the MINI GP's used value, which the question alone
    # finds, is about a car neither it nor the last answer names. Asked of the GPs, it is given.
    _, today = _played(shipped, "will the 1m hold its value", "whats one worth these days")
    assert not today.answered
    _, gps = _played(
        shipped, "how many mini gps came to the us", "and what are those worth these days"
    )
    assert gps.entry_id == "gp-used-values"


def test_followup_38_is_that_confirmed_gets_the_neighbour_that_confirms_it(
    shipped: KnowledgeService,
) -> None:
    # Follow-up round 38: "is this confirmed then" after the N54's answer (BMW's commitment
    # to stop US production after 2011) gets the neighbour saying the memo confirmed it.
    first, confirmed = _played(
        shipped, "can the n54 pass emissions after 2011", "is this confirmed then"
    )
    assert first.entry_id == "n54-emissions"
    assert confirmed.entry_id == "us-not-extended-2011"


def test_followup_39_are_you_sure_gets_the_last_claim_with_its_sources(
    shipped: KnowledgeService,
) -> None:
    # Follow-up round 39: "r u sure about that" after an answer asks how sure the bot is, which
    # is the last claim's status and sources; it found a reader's claim to be "100% sure".
    first, sure = _played(shipped, "who is brian watts", "r u sure about that")
    assert first.entry_id == sure.entry_id
    assert sure.kind == "followup"


def test_followup_39_whether_someone_is_right_with_a_contraction_or_a_clause_before(
    shipped: KnowledgeService,
) -> None:
    # Follow-up round 39: "so hes right haha" asks whether he is (alone, it is a remark), and
    # "that doesnt add up, which one is correct" asks who is right after its comma.
    assert asks_who_is_right("so hes right haha")
    assert asks_who_is_right("ok so theyre correct then")
    assert asks_who_is_right("that doesnt add up, which one is correct")
    assert not asks_who_is_right("so thats right") and not asks_who_is_right("is he right, tho")
    first, right = _played(shipped, "will the 1m hold its value", "so hes right haha")
    assert right.answered and right.entry_id == first.entry_id
    assert shipped.ask("so hes right haha").kind == "smalltalk"


def test_followup_39_compare_that_to_x_holds_the_last_answer_against_x(
    shipped: KnowledgeService,
) -> None:
    # Follow-up round 39: "compare that to X" asks what "how does that compare to X" asks:
    # after the MINI GP's US count, the 1M's US figure.
    assert compared_with("ok now compare it with the uk") == "the uk"
    _, held = _played(
        shipped, "how many mini gps came to the us", "compare that to the 1m in the us"
    )
    assert held.answered and "600" in (held.answer or "")


def test_followup_39_a_bump_in_production_is_an_increase(shipped: KnowledgeService) -> None:
    # Follow-up round 39: "bump" alone names an increase, as "bump up" did.
    reply = shipped.ask("heard theres a bump in 1m production coming")
    assert reply.answered and "5,000" in (reply.answer or "")


def test_followup_39_two_choices_the_last_answer_settles(shipped: KnowledgeService) -> None:
    # Follow-up round 39: "so at least or at most" offers two choices of which the last
    # answer ("2 1Ms each at most") says one word for word: that answer again.
    first, side = _played(shipped, "how many 1ms would each dealer get", "so at least or at most")
    assert first.entry_id == "two-per-dealer-math"
    assert side.answered and side.entry_id == first.entry_id


def test_followup_39_take_it_down_is_removing_it(shipped: KnowledgeService) -> None:
    # Follow-up round 39: "take it down" is removing a post, as "taken down" was; it found a
    # reader's grumble about the blog.
    reply = shipped.ask("did bmwblog ever take it down")
    assert reply.entry_id == "bmwblog-post-still-up"


def test_followup_39_who_did_a_deed_the_answer_never_speaks_of(shipped: KnowledgeService) -> None:
    # Follow-up round 39: "so who recorded that?" after the video asks who did a thing the
    # sources never tell of, not who made the claim; "who leaked that" still asks the source.
    _, uploaded = _played(shipped, "whats in the 1m video", "so who recorded that?")
    assert not uploaded.answered and uploaded.kind == "decline"
    first, leaked = _played(shipped, "how many 1ms is the us getting", "who leaked that")
    assert leaked.answered and leaked.entry_id == first.entry_id


def test_followup_39_where_a_place_given_as_the_answer_is(shipped: KnowledgeService) -> None:
    # Follow-up round 39: "so where is the uk hq exactly" after the video's spot asks where
    # the place the answer gives is, which no claim says; where a dealer is is given (Arizona).
    assert asks_where_is("so where is the uk hq exactly") is not None
    assert asks_where_is("where is it") is None
    _, placed = _played(shipped, "where was the 1m video filmed", "so where is the uk hq exactly")
    assert not placed.answered
    _, dealer = _played(shipped, "which dealer got three 1ms", "wheres that dealership")
    assert dealer.answered and "Arizona" in (dealer.answer or "")


def test_followup_39_what_someone_drives_is_never_told(shipped: KnowledgeService) -> None:
    # Follow-up round 39: "ok what does goat drive" after JRobUSC's guess asks a reader's own
    # car, which no claim tells; it got goat's claim on the 1M's torque.
    _, driven = _played(shipped, "what did jrob say about the video", "ok what does goat drive")
    assert not driven.answered
    assert not shipped.ask("so what car does michael drive").answered


def test_followup_39_the_mini_is_the_gp(shipped: KnowledgeService) -> None:
    # Follow-up round 39: "the mini" is the MINI GP, the only MINI the sources speak of: "ok
    # and the mini tho" after the 1M's resale forecast asks the GPs' used value.
    _, mini = _played(shipped, "would a 1m lose value", "ok and the mini tho")
    assert mini.entry_id == "gp-used-values"


def test_followup_39_why_mention_that_asks_why_of_the_last_answer(
    shipped: KnowledgeService,
) -> None:
    # Follow-up round 39: "but why did they mention it" asks why the last answer says what it
    # says, as "why do they think that" does; it was a clarifying question between two
    # unlinked claims.
    assert follow_up("but why did they mention it") == (FollowUp.WHY, "")
    _, why = _played(shipped, "how many 1ms did australia get", "but why did they mention it")
    assert why.answered and why.kind == "followup"


def test_followup_40_what_about_x_in_general_asks_x_itself(shipped: KnowledgeService) -> None:
    # Follow-up round 40: "in general" widens the question to X itself; the declined question
    # asked of X ("how are 1m sales in asia in general") was declined in turn.
    _, asia = _played(shipped, "how are 1m sales in korea", "ok what about asia in general")
    assert asia.answered and asia.asked != "how are 1m sales in korea"
    assert "Asia" in (asia.answer or "")


def test_followup_40_what_did_he_mean_asks_the_last_claim_again(shipped: KnowledgeService) -> None:
    # Follow-up round 40: "what did he mean" asks what the one behind the last claim meant,
    # which is that claim; alone its "mean" tied two claims and got a clarifying question.
    assert asks_meaning("ok so what did the guy mean by that?")
    assert not asks_meaning("what does msrp mean")
    first, meant = _played(shipped, "what did mr mowse say", "ok so what did the guy mean by that?")
    assert meant.answered and meant.entry_id == first.entry_id


def test_followup_40_whats_the_x_called_is_declined_when_no_name_is_given(
    shipped: KnowledgeService,
) -> None:
    # Follow-up round 40: the Arizona dealership is never named; "what was it called" got the
    # per-dealer arithmetic.
    first, called = _played(
        shipped, "how many 1ms is a dealer in arizona getting", "ok what was that dealer named"
    )
    assert first.answered and not called.answered


def test_followup_40_how_do_they_know_it_will_asks_what_backs_the_last_claim(
    shipped: KnowledgeService,
) -> None:
    # Follow-up round 40: "how do they know" with a clause of words no entry holds is "how do
    # they know" alone (the claim, cited); it was declined. A clause naming a topic is not.
    first, known = _played(
        shipped, "will the 1m be a collectible", "ok but how can they know it really will be tho"
    )
    assert first.entry_id == "segler-collectors-car"
    assert known.kind == "followup" and known.entry_id == first.entry_id and known.cited


def test_followup_40_x_will_be_the_same_asks_the_last_question_of_x(
    shipped: KnowledgeService,
) -> None:
    # Follow-up round 40: "do they expect the 1m will be the same" asks what "same for the 1m"
    # asks; it got the blog's expectation on US numbers, which shares "expect".
    assert follow_up("ok and do they expect the 1m will be the same?") == (FollowUp.ABOUT, "the 1m")
    assert follow_up("will it be the same") == (FollowUp.POINTING, "")  # no X
    _, same = _played(
        shipped,
        "how did zhp allocations work back in 2003",
        "ok and do they expect the 1m will be the same?",
    )
    assert same.kind == "followup" and same.entry_id == "zhp-same-for-1m"


def test_followup_40_a_correction_leaves_out_where_it_was_read(shipped: KnowledgeService) -> None:
    # Follow-up round 40: "no i meant the X from the article" corrects to X; where it was read
    # ("from the post") and an X turned away ("not aus") or a laugh kept it unread.
    assert follow_up("sorry i meant the jcw gp from the post") == (FollowUp.ABOUT, "the jcw gp")
    assert follow_up("no i meant canada, not the uk haha") == (FollowUp.ABOUT, "canada")
    _, gp = _played(
        shipped, "does the 1m come only as a manual", "sorry i meant the jcw gp from the post"
    )
    assert gp.entry_id == "gp-price-options-manual"


def test_followup_40_elaborate_on_x_asks_x(shipped: KnowledgeService) -> None:
    # Follow-up round 40 (knowledge): "elaborate on", "expand on" ask X as "explain" does;
    # "elaborate", a word no entry holds, weighed the question below an answer.
    _, molds = _played(
        shipped,
        "why doesnt bmw build more 1ms if people want them",
        "elaborate on the molds bit pls",
    )
    assert molds.answered and "mold" in (molds.answer or "")


def test_followup_40_what_kind_of_x_asks_the_kind_the_answer_names(
    shipped: KnowledgeService,
) -> None:
    # Follow-up round 40: "what kind of costs" after "partly machine costs" asks what kind it
    # names; "costs" read as a price asked and was declined for want of one.
    first, kind = _played(shipped, "is bmw capping 1m output on purpose", "ok what sort of cost?")
    assert first.entry_id == "production-limit-causes"
    assert kind.kind == "followup" and kind.entry_id == first.entry_id


def test_followup_40_and_just_x_after_a_decline_asks_it_of_x(shipped: KnowledgeService) -> None:
    # Follow-up round 40: "and just the us?" after a declined worldwide count asks that count
    # of the US; "just" kept it from being read as "and X" and it was declined.
    _, us = _played(shipped, "how many mini gps got built globally", "and just the us?")
    assert us.entry_id == "gp-414-us"


def test_followup_41_how_old_asks_the_span_the_last_answer_gives(
    studio: KnowledgeService,
) -> None:
    # Follow-up round 41: "how old" asks an age, counted in years: after "three years after
    # the first film" it asks that span of the last answer; it was declined. "how old is he"
    # asks a person's age, which no span after a release gives.
    assert wanted("how old was the film by then") is Wanted.TIME
    _, age = _talk(studio, "did the cast sign on for the sequel", "how old was the film by then")
    assert age.kind == "followup" and "Three years after" in (age.answer or "")
    _, his = _talk(studio, "did the cast sign on for the sequel", "how old is he")
    assert "Three years after" not in (his.answer or "")


def test_followup_41_at_least_is_a_hedge(shipped: KnowledgeService) -> None:
    # Follow-up round 41 (knowledge): "at least" is a hedge in the kinda group; the unknown
    # "least" weighed "any footage of it at least" below an answer after a declined figure.
    _, footage = _played(
        shipped, "what is the 1m's quarter mile time", "any footage of it at least"
    )
    assert footage.answered and "video" in (footage.answer or "")


def test_followup_41_a_period_alone_checks_the_period_of_the_last_figure(
    shipped: KnowledgeService,
) -> None:
    # Follow-up round 41: "a week?" after a dealer's figure for the whole year checks which
    # period it counts, which that answer tells; it got another reader's monthly build rate.
    first, week = _played(shipped, "how many 1ms is the big arizona dealer getting", "per week?")
    assert "entire year" in (first.answer or "")
    assert week.entry_id == first.entry_id


def test_followup_42_the_blogs_view_is_the_writers_view_linked_to_the_last_answer(
    shipped: KnowledgeService,
) -> None:
    # Follow-up round 42: "does the article agree" after the per-dealer arithmetic the articles
    # only report asks the writer's own view, on the 600 figure the arithmetic rests on; it got
    # the post's description, which shares "article". After a reader's comment, "the blog" may
    # be the one whose comments they are, so the writer's view is not given.
    first, view = _talk(shipped, "whats the per dealer math on the 600", "does the article agree")
    assert first.entry_id == "two-per-dealer-math"
    assert view.entry_id == "blog-doubts-600"
    _, reader = _talk(shipped, "how sure was yourbestsource", "did the blog believe him")
    assert reader.entry_id != "blog-doubts-600"


def test_followup_42_who_did_the_deed_the_last_answer_tells_of_with_a_guess(
    shipped: KnowledgeService,
) -> None:
    # Follow-up round 42: "so who worked that out, bmwna?" after "people were quick to work
    # out ..." asks who did the deed that answer tells of; the guess after the comma is no
    # part of the deed, and the deed alone ("worked ... out") names what was done. It was
    # declined.
    first, who = _talk(
        shipped, "how many cars would each dealer get with 600", "so who worked that out, bmwna?"
    )
    assert first.entry_id == "two-per-dealer-math"
    assert who.entry_id == first.entry_id and who.kind == "followup"


def test_followup_43_did_it_happen_after_a_claim_that_only_expected_it(
    shipped: KnowledgeService,
) -> None:
    # Follow-up round 43: "and did the porsche turn up" after a reader who only thought the
    # clip was heading for a showdown asks whether it came to pass, which that claim does not
    # say; it got the same claim again. "did he hope for it" asks the expectation itself.
    first, came = _talk(
        shipped, "anyone expecting a porsche in that clip", "and did the porsche turn up"
    )
    assert first.entry_id == "cayman-s-showdown"
    assert came.kind == "decline"
    _, hoped = _talk(shipped, "anyone expecting a porsche in that clip", "did he hope for it")
    assert hoped.kind != "decline"


def test_followup_43_what_exactly_was_said_in_a_talk_a_claim_only_mentions(
    shipped: KnowledgeService,
) -> None:
    # Follow-up round 43: "ok what did they discuss exactly" after the bmwblog commenter's
    # claim, which rests on a conversation with BMWNA it only mentions, asks what was said in
    # that talk, which the sources never give; it got the claim again.
    first, talk = _talk(
        shipped,
        "did bmwblog ever chat with bmwna about the count",
        "ok what did they discuss exactly",
    )
    assert first.kind != "decline"
    assert talk.kind == "decline"


def test_followup_43_what_was_learned_in_a_talk_a_claim_only_mentions(
    shipped: KnowledgeService,
) -> None:
    # Follow-up round 43: "and what did bmwblog learn from them" asks the talk's content with
    # no "exactly": a verb of talking or learning asks it alone. "what came out of it" asks
    # what the claim says came of it, which its answer gives.
    _, learned = _talk(
        shipped,
        "did bmwblog ever chat with bmwna about the count",
        "and what did bmwblog learn from them",
    )
    assert learned.kind == "decline"
    _, came = _talk(
        shipped, "did bmwblog ever chat with bmwna about the count", "what came out of it"
    )
    assert came.kind != "decline"


def test_followup_44_that_many_asks_of_the_last_answers_one_figure(
    shipped: KnowledgeService,
) -> None:
    # Follow-up round 44: "would they find buyers for that many" after the claim that BMW
    # would need to sell another 2,500 asks whether 2,500 more could be sold, which the claim
    # linked to it leaves open; it got the MINI GPs' buyers (or the same claim again).
    first, bought = _talk(
        shipped,
        "would bmw have to retool to build more 1ms",
        "would they find buyers for that many",
    )
    assert first.entry_id == "new-molds-reinvest"
    assert bought.entry_id == "sell-2500-without-us"


def test_followup_44_a_value_the_last_answer_gives_nearly_asked_alone(
    shipped: KnowledgeService,
) -> None:
    # Follow-up round 44: "what will pre-owned ones go for" after the 1M's resale forecast
    # asks a value that forecast gives; alone it falls just short of an answer, the forecast
    # all but tied for best, and it was declined.
    first, used = _talk(shipped, "do 1ms keep their value", "what will pre-owned ones go for")
    assert first.entry_id == "value-prediction"
    assert used.kind == "followup" and used.entry_id == "value-prediction"


def test_followup_45_a_bare_figure_asked_back_checks_the_last_figure(
    studio: KnowledgeService,
) -> None:
    # Follow-up round 45: "so 20?" after the cast's 12 holds a figure no claim gives against
    # the last answer's, as "i thought it was 20" does: that answer again, not a decline. A
    # year asked back ("2030?") asks of that year.
    first, checked = _talk(studio, "how big is the sequels cast", "so 20?")
    assert first.entry_id == "cast-size"
    assert checked.entry_id == "cast-size" and checked.kind == "followup"
    _, year = _talk(studio, "how big is the sequels cast", "2030?")
    assert year.entry_id != "cast-size"


def test_followup_45_a_bare_where_after_a_claim_placed_nowhere_asks_where_it_was_said(
    studio: KnowledgeService,
) -> None:
    # Follow-up round 45: "where?" after Zed's word on premiere tickets, which names no
    # place, asks where Zed said it: that claim with its sources, not a claim elsewhere that
    # names a place, nor a decline.
    first, where = _talk(studio, "what did zed say about the premiere tickets", "so where?")
    assert first.entry_id == "tickets-hard"
    assert where.entry_id == "tickets-hard" and where.sources


def test_followup_45_a_bare_word_the_last_answer_speaks_of_is_that_answer(
    studio: KnowledgeService,
) -> None:
    # Follow-up round 45: "cost?" after the blog's word that shoots in Iceland will cost less
    # asks what that claim says of the cost, though it gives no sum: the same claim again,
    # not a decline for want of one.
    first, cost = _talk(studio, "are shoots in iceland getting cheaper", "cost?")
    assert first.entry_id == "budget-abroad"
    assert cost.entry_id == "budget-abroad" and cost.kind == "followup"


FAIR = """
version: 1

sources:
  - id: paper
    title: The town paper's fair preview
    outlet: the town paper
    kind: article

entries:
  - id: fair-crowd
    questions: [Will the fair draw a bigger crowd than last year?]
    answer: >-
      The paper expects the fair to draw a bigger crowd than last year, and the craft market
      to be busier than last year's too.
    status: opinion
    claimed_by: the town paper
    sources: [paper]
  - id: craft-stalls
    questions: [How many stalls will the craft market have?]
    answer: The paper said the craft market will have forty stalls.
    status: fact
    claimed_by: the town paper
    sources: [paper]
"""


@pytest.fixture(scope="module")
def fair(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeService:
    return _built(tmp_path_factory, "fair", FAIR)


def test_followup_46_and_x_after_an_answer_that_says_it_of_x_too(fair: KnowledgeService) -> None:
    # Follow-up round 46: a bare "and X?" after an answer one of whose sentences extends its
    # claim to X ("... too") asks that claim again, not another claim naming X.
    first, craft = _talk(fair, "will the fair be busier than last year", "and the craft market?")
    assert first.entry_id == "fair-crowd"
    assert craft.answered and craft.entry_id == "fair-crowd"


def test_followup_47_the_writers_view_the_last_answer_states_is_that_answer(
    studio: KnowledgeService,
) -> None:
    # Follow-up round 47: "does the blog agree w him" after the director's words, which the
    # blog "repeated ... and argued" for, asks the view that answer states: the same claim
    # again, not another of the blog's views.
    first, agree = _talk(
        studio, "what did the director say about the tone", "does the blog agree w him"
    )
    assert first.entry_id == "director-tone"
    assert agree.kind == "followup" and agree.entry_id == "director-tone"


def test_followup_47_a_bare_and_x_the_last_answer_speaks_of_is_that_answer(
    studio: KnowledgeService,
) -> None:
    # Follow-up round 47: "and shoots?" after the blog's word that shoots in Iceland will cost
    # less asks what that answer says of shoots: the same claim again, not Zed's shooting date,
    # which "shoots" alone finds.
    first, shoots = _talk(studio, "are shoots in iceland getting cheaper", "and shoots?")
    assert first.entry_id == "budget-abroad"
    assert shoots.kind == "followup" and shoots.entry_id == "budget-abroad"


def test_followup_47_a_yes_no_question_in_the_last_answers_words_is_that_answer(
    studio: KnowledgeService,
) -> None:
    # Follow-up round 47: "would fans still watch the films" after the blog's word that a
    # delay "would not change why fans watch the films" asks what that answer says; it got
    # the blog's attendance forecast, which the question alone finds and which says less of it.
    first, still = _talk(
        studio, "what would a delay do to ticket prices", "would fans still watch the films"
    )
    assert first.entry_id == "delay-effect"
    assert still.kind == "followup" and still.entry_id == "delay-effect"


def test_followup_49_a_figure_doubted_as_someone_told_it_checks_the_last_figure(
    studio: KnowledgeService,
) -> None:
    # Follow-up round 49: "im pretty sure it was 30" and "wait i thought the crew said like
    # 30" after the cast's 12 hold a figure no claim gives against the last answer's, the
    # second with who told the asker before its verb of saying: that answer again, not a
    # decline. Words after the verb still ask a question of their own.
    for doubt in ("nah im pretty sure it was 30", "wait i thought the crew said like 30"):
        first, checked = _talk(studio, "how big is the sequels cast", doubt)
        assert first.entry_id == "cast-size"
        assert checked.entry_id == "cast-size" and checked.kind == "followup", doubt
    _, own = _talk(studio, "how big is the sequels cast", "i thought they said 30 premieres")
    assert own.entry_id != "cast-size" or own.kind != "followup"


KILNS = """
version: 1

sources:
  - id: guild
    title: The guild letter
    outlet: the potters' guild
    kind: official-statement
  - id: forum
    title: A forum thread
    outlet: a pottery forum
    kind: reader-comment

entries:
  - id: vase-count
    questions: [How many vases go to Spain?]
    answer: The guild said Spain gets 90 of the glazed vases this year.
    status: fact
    claimed_by: the guild
    sources: [guild]
  - id: photo-spot
    questions: [Where was the kiln photo taken?, Is the kiln photo at the Portugal headquarters?]
    keywords: [portugal]
    answer: A forum reader placed the kiln photo at the guild's Portugal headquarters.
    status: rumor
    claimed_by: a forum reader
    sources: [forum]
"""


def test_followup_52_a_place_named_only_as_an_office_seat_answers_no_ellipsis(
    tmp_path: Path,
) -> None:
    # Follow-up round 52: "portugal?" and "and for portugal" after Spain's count ask Portugal's
    # share; a claim naming the guild's Portugal headquarters speaks of an office there, so
    # the question is declined, not answered with where the photo was taken.
    path = tmp_path / "kilns.yaml"
    path.write_text(KILNS, encoding="utf-8")
    kilns = KnowledgeService.from_path(path)
    for ellipsis in ("portugal?", "and for portugal"):
        first, other = _talk(kilns, "how many vases does spain get", ellipsis)
        assert first.entry_id == "vase-count"
        assert other.entry_id is None and not other.answered, ellipsis
        assert other.notice and "Portugal only as where an office is" in other.notice
    _, asked = _talk(kilns, "how many vases does spain get", "where was the kiln photo taken")
    assert asked.entry_id == "photo-spot"


def test_followup_53_how_long_ago_asks_when_of_the_last_answer(
    shipped: KnowledgeService,
) -> None:
    # Follow-up round 53: "how long ago was that" asks when, as "when was that" does; "long"
    # and "ago", read as words of a topic, found nothing and the follow-up was declined.
    first, when = _talk(shipped, "where did the blog meet watts", "ok how long ago was it")
    assert first.entry_id == "who-is-watts"
    assert when.kind == "followup" and when.entry_id == "who-is-watts"
    assert "two weeks" in (when.answer or "")


ORCHARD = """
version: 1

sources:
  - id: farm-post
    title: The farm post
    outlet: the orchard blog
    kind: article
  - id: board-letter
    title: The board letter
    outlet: Orchard Board
    kind: official-statement
  - id: lena-comment
    title: Lena's comment
    outlet: comments on the farm post
    kind: reader-comment
    author: Lena

entries:
  - id: pear-harvest
    questions: [When does the pear harvest start?]
    answer: The blog said the pear harvest starts in August.
    status: fact
    claimed_by: the orchard blog
    sources: [farm-post]
  - id: lena-promise
    questions: [What did Lena promise?]
    answer: Lena promised that the cider press will reopen in spring.
    status: rumor
    claimed_by: Lena (reader comment)
    sources: [lena-comment]
  - id: tove-promise
    questions: [What did Tove promise?]
    answer: Tove promised that the farm shop will sell plums in June.
    status: rumor
    claimed_by: Tove (reader comment)
    sources: [lena-comment]
  - id: winter-plan
    questions: [What will happen to the orchard in winter?]
    answer: The blog said the orchard will be pruned in winter.
    status: fact
    claimed_by: the orchard blog
    sources: [farm-post]
  - id: autumn-plan
    questions: [What will happen to the orchard in autumn?]
    answer: The blog said the orchard will be netted in autumn.
    status: fact
    claimed_by: the orchard blog
    sources: [farm-post]
  - id: board-promise
    questions: [What did the Orchard Board promise?]
    answer: The Orchard Board promised to pay for new ladders.
    status: fact
    claimed_by: Orchard Board
    sources: [board-letter]
"""


def test_followup_54_his_claim_outweighs_a_reading_that_only_ties(tmp_path: Path) -> None:
    # Follow-up round 54: "what did she think would happen" after Lena's promise fits two of
    # the blog's plans alike when read alone; she is Lena, and her claim is what is asked.
    path = tmp_path / "orchard.yaml"
    path.write_text(ORCHARD, encoding="utf-8")
    orchard = KnowledgeService.from_path(path)
    asked = "what did she think would happen"
    _, hers = _talk(orchard, "what did lena promise", asked)
    assert hers.kind == "followup" and hers.entry_id == "lena-promise"
    _, blogs = _talk(orchard, "when does the pear harvest start", asked)
    assert blogs.kind == "clarify"  # the blog is no "she": which plan is still asked


def test_followup_55_a_place_after_its_preposition_takes_that_prepositions_run(
    shipped: KnowledgeService,
) -> None:
    # Follow-up round 55: "ok what about in australia" after a declined sticker price "in the
    # states" asks that price in Australia; the best-answered swap put "in australia" in place
    # of "price" and answered with Australia's own claim.
    declined, again = _played(
        shipped, "whats the sticker price of a 1m in the states", "ok what about in australia"
    )
    assert not declined.answered and not again.answered
    matcher = shipped.snapshot.matcher
    asked = restated(matcher, "and in japan?", "whats the sticker price of a 1m in the states")
    assert asked == "whats the sticker price of a 1m in japan"


def test_followup_55_a_bare_and_with_one_word_asks_the_last_question_of_it(
    shipped: KnowledgeService,
) -> None:
    # Follow-up round 55: "and globally" after America's count asks the count the world gets,
    # as "what about globally" does; read on its own it tied two claims and asked which.
    for bare in ("and globally", "and worldwide?"):
        first, world = _talk(shipped, "how many 1m coupes is america getting", bare)
        assert first.entry_id == "us-600-bmwblog"
        assert world.answered and world.entry_id == "molds-2500-run", bare


def test_followup_57_a_deed_after_its_doer_is_no_place_for_what_about(
    shipped: KnowledgeService,
) -> None:
    # Follow-up round 57: "what about the rest of the world" after a declined "what gearbox
    # succeeds the n54", itself after the US answer, asks the US answer of the world; the
    # unknown verb "succeeds" was swapped for the world and the question declined.
    first, declined, world = _played(
        shipped,
        "will they keep making us 1ms after 2011",
        "what gearbox succeeds the n54",
        "what about the rest of the world",
    )
    assert first.entry_id == "us-not-extended-2011" and not declined.answered
    assert world.answered and world.entry_id == "doubling-verdict"
    matcher = shipped.snapshot.matcher
    asked = "what gearbox succeeds the n54"
    assert restated(matcher, "what about the uk", asked, answered_before=True) is None
    assert restated(matcher, "what about the uk", asked) == "what gearbox the uk the n54"
    placed = restated(matcher, "what about the uk", "how many go to germany", answered_before=True)
    assert placed == "how many go to the uk"


def test_followup_59_a_figure_the_last_answer_lacks_is_asked_of_the_claim_giving_it(
    shipped: KnowledgeService,
) -> None:
    # Follow-up round 59: a short yes/no check of a figure the last answer does not give ("and
    # australia got 125 of those?" after the molds' run) asks of the claim that gives it, not
    # the molds again.
    first, checked = _played(
        shipped, "what did bmw build the 1m molds for", "and australia got 125 of those?"
    )
    assert "2,500" in (first.answer or "")
    assert checked.answered and "125" in (checked.answer or "")


def test_followup_61_a_pointer_past_the_last_answer_asks_the_answer_before_it(
    shipped: KnowledgeService,
) -> None:
    # Follow-up round 61: "go back to the man before that, ..." asks its question of the
    # answer before the last, which the conversation keeps, not of the last one.
    watts, _, back = _played(
        shipped,
        "who is this brian watts guy",
        "how many cars did australia end up with",
        "go back to the man before that, where was he interviewed",
    )
    assert back.answered and back.entry_id == watts.entry_id
    assert "Laguna Seca" in (back.answer or "")
    assert before_last("ok the one before this? who said it") == "who said it"
    assert before_last("what happened before that") is None  # no answer pointed at


def test_followup_61_a_laugh_at_the_end_does_not_change_the_question(
    shipped: KnowledgeService,
) -> None:
    # Follow-up round 61: "whats his work email lmao" after Watts asks what "whats his work
    # email" asks, which no claim says; the laugh made it read as pointing at the last claim.
    _, emailed = _played(shipped, "who is this brian watts guy", "whats his work email lmao")
    assert not emailed.answered
    assert unlaughed("whats her job lmao??") == "whats her job"
    assert unlaughed("lol") == "lol"  # a laugh alone is a reaction, read elsewhere
    assert unlaughed("any more lol") == "any more lol"  # no question word: read as it was


# Follow-up round 65, on a made-up pub quiz and its comments.
QUIZ = """
version: 1

sources:
  - id: quiz-post
    title: The quiz night post
    outlet: the pub's blog
    kind: article
  - id: kit-comment
    title: Kit's comment on the quiz
    outlet: comments on the quiz night post
    kind: reader-comment
    author: Kit
  - id: lou-comment
    title: Lou's reply to Kit
    outlet: comments on the quiz night post
    kind: reader-comment
    author: Lou

entries:
  - id: quiz-winner
    questions: [Which team won the quiz?]
    answer: Kit said the Owls won the quiz by two points after the music round.
    status: rumor
    claimed_by: Kit (reader comment)
    sources: [kit-comment]
    related: [quiz-reply, quiz-prize, quiz-rules]
  - id: quiz-reply
    questions: [What did Lou say back to Kit?]
    answer: Lou replied to Kit that the Owls had lost points in the picture round.
    status: opinion
    claimed_by: Lou (reader comment)
    sources: [lou-comment, kit-comment]
    related: [quiz-winner]
  - id: quiz-prize
    questions: [What was the quiz prize?]
    answer: Kit said the prize was a voucher for the pub's kitchen.
    status: rumor
    claimed_by: Kit (reader comment)
    sources: [kit-comment]
    related: [quiz-winner]
  - id: quiz-rules
    questions: [What are the quiz rules?]
    answer: The pub's blog, answering Kit, said phones are banned during every round.
    status: fact
    claimed_by: the pub's blog
    sources: [quiz-post]
    related: [quiz-winner]
  - id: quiz-money
    questions: [How much prize money was there?]
    answer: Lou said the prize money was fifty pounds for the winning team.
    status: rumor
    claimed_by: Lou (reader comment)
    sources: [lou-comment]
"""


@pytest.fixture(scope="module")
def quiz(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeService:
    return _built(tmp_path_factory, "quiz", QUIZ)


def test_followup_65_who_replied_to_a_comment_is_the_linked_comment_naming_its_writer(
    quiz: KnowledgeService,
) -> None:
    # Follow-up round 65: "so who replied to that" after Kit's comment asks for the comment
    # answering Kit (Lou's, which names him), not Kit's comment again with its claimant; the
    # blog's article, which names Kit too, is no reply in the comments, nor is Kit's own claim.
    first, reply = _talk(quiz, "which team won the quiz", "so who replied to that")
    assert first.entry_id == "quiz-winner"
    assert reply.kind == "followup" and reply.entry_id == "quiz-reply"
    _, again = _talk(quiz, "which team won the quiz", "who said that")
    assert again.entry_id == "quiz-winner"  # who made the claim: its own claimant


def test_followup_66_who_said_that_after_a_claim_passed_on_is_that_claims_claimant(
    quiz: KnowledgeService,
) -> None:
    # Follow-up round 66: "who said that" after the user passed a claim on ("i heard ..."),
    # answered as a follow-up of Kit's win, asks who said what the user heard (Lou's prize
    # money), not who claimed the last answer; a message passing nothing on leaves it, unless
    # what it gets alone is linked to the last answer.
    heard = "i heard there was prize money for the winners?"
    said = quiz.ask("who said that", "quiz-winner", asked=heard)
    assert said.answered and said.entry_id == "quiz-money" and "Lou" in (said.answer or "")
    asked = "how much prize money did the winners get"
    kept = quiz.ask("who said that", "quiz-winner", asked=asked)
    assert kept.entry_id == "quiz-winner"  # no claim passed on, none linked: as before
    # a message whose own claim is linked to the last answer: that claim's claimant
    linked = quiz.ask("who said that", "quiz-winner", asked="what was said back to kit")
    assert linked.entry_id == "quiz-reply" and "Lou" in (linked.answer or "")


FILM = """
version: 1

sources:
  - id: studio-post
    title: The studio post
    outlet: the film blog
    kind: article
  - id: vance-interview
    title: The blog's interview with Dr. Vance
    outlet: the film blog
    kind: interview
    author: Dr. Vance

entries:
  - id: who-is-vance
    questions: [Who is Dr. Vance?]
    answer: Dr. Vance is the studio's former head of production, interviewed by the blog.
    status: fact
    claimed_by: the film blog
    sources: [studio-post]
  - id: vance-wrap
    questions: [When will filming wrap?]
    answer: Dr. Vance told the film blog that filming would wrap in May.
    status: rumor
    claimed_by: Dr. Vance
    sources: [vance-interview]
  - id: blog-no-guess
    questions: [Will the blog guess the schedule?]
    answer: The film blog said it would not guess at the film's schedule until told more.
    status: fact
    claimed_by: the film blog
    sources: [studio-post]
  - id: sequel-budget
    questions: [What is the sequel's budget?]
    answer: The film blog said the sequel's budget is twice the first film's.
    status: rumor
    claimed_by: the film blog
    sources: [studio-post]
"""


@pytest.fixture(scope="module")
def film(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeService:
    return _built(tmp_path_factory, "film", FILM)


def test_followup_66_he_after_an_answer_naming_one_person_asks_that_persons_claims(
    film: KnowledgeService,
) -> None:
    # Follow-up round 66: "he" after the blog's word on who Dr. Vance is points at Dr. Vance,
    # whose own claim answers what he told the blog, not the blog's claim that the words
    # alone fit; what he never said of is still read as before.
    told = film.ask("what did he tell the blog about the film", "who-is-vance")
    assert told.entry_id == "vance-wrap"
    assert film.ask("what did he tell the blog about the film").entry_id == "blog-no-guess"
    budget = film.ask("what did he say about the budget", "who-is-vance")
    assert budget.entry_id == "sequel-budget"  # no claim of his on it: the words decide


FERRIES = """
version: 1

sources:
  - id: post
    title: The ferry post
    outlet: the ferry blog
    kind: article
  - id: comment
    title: A reader's comment on ferries
    outlet: the ferry blog's comments
    kind: reader-comment

entries:
  - id: island-ferries
    questions: [How many ferries did the island get?]
    answer: The blog said the island got only 40 ferries this summer.
    status: fact
    claimed_by: the ferry blog
    sources: [post]
    related: [ferry-pressure]
    conflicts_with: [island-rumour]
  - id: island-rumour
    questions: [Was the island only getting 30 ferries?]
    answer: A reader said there were rumours the island would see only 30 ferries.
    status: rumor
    claimed_by: a reader
    sources: [comment]
    conflicts_with: [island-ferries]
  - id: ferry-pressure
    questions: [Is the ferry firm under pressure to run more ferries?]
    answer: The blog said islands that got 40 ferries are pressing the firm for more.
    status: opinion
    claimed_by: the ferry blog
    sources: [post]
    related: [island-ferries]
"""


@pytest.fixture(scope="module")
def ferries(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeService:
    return _built(tmp_path_factory, "ferries", FERRIES)


def test_so_who_is_right_after_a_settled_claim_gets_the_opinion_linked_to_it(
    ferries: KnowledgeService,
) -> None:
    # "so who is right" after the settled 40: the blog's opinion linked to it.
    first, plain = _talk(ferries, "how many ferries did the island get", "so who is right")
    assert first.entry_id == "island-ferries"
    assert plain.entry_id == "ferry-pressure"


LEAGUE = """
version: 1

sources:
  - id: league-post
    title: The league post
    outlet: the quiz blog
    kind: article
  - id: comment-tam
    title: Comment on next season's teams
    outlet: readers' comments under the league post
    kind: reader-comment
    author: Tam
  - id: comment-unsigned
    title: Unsigned reply to Tam
    outlet: readers' comments under the league post
    kind: reader-comment

entries:
  - id: tam-teams
    questions: [How many teams will join the quiz league next season?]
    answer: Commenter Tam claimed that ten new teams would join the quiz league next season.
    status: rumor
    claimed_by: Tam (reader comment)
    sources: [comment-tam]
    related: [unsigned-reply]
  - id: unsigned-reply
    questions: [Did anyone answer Tam about the teams?]
    answer: >-
      An unsigned reply thanked Tam but said the team numbers can change with demand from the
      pubs. The reply does not say who wrote it.
    status: rumor
    claimed_by: an unsigned reply in the comments
    sources: [comment-unsigned]
    related: [league-slow, tam-teams]
  - id: tam-sure
    questions: [How sure is Tam?, What did Tam reply about the teams?]
    answer: Tam replied that he was completely sure of the ten new teams.
    status: rumor
    claimed_by: Tam (reader comment)
    sources: [comment-tam]
  - id: league-slow
    questions: [How fast will the quiz league grow?]
    answer: The quiz blog said the league would grow slowly, because there are few venues.
    status: opinion
    claimed_by: the quiz blog
    sources: [league-post]
"""


@pytest.fixture(scope="module")
def league(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeService:
    return _built(tmp_path_factory, "league", LEAGUE)


def test_followup_67_who_did_something_to_him_is_not_his_own_claim(
    league: KnowledgeService,
) -> None:
    # Follow-up round 67: "him" in "who replied to him" is whom the unsigned reply answered,
    # Tam, named in it; who replied is the reply's own claimant, not Tam's reply to it.
    replied = league.ask("who replied to him", "unsigned-reply")
    assert replied.entry_id == "unsigned-reply"
    assert league.ask("what did he reply", "unsigned-reply").entry_id == "tam-sure"


BOATS = """
version: 1

sources:
  - id: post
    title: The boat post
    outlet: the boat blog
    kind: article
  - id: paper
    title: A paper's note on the yard
    outlet: Harbour Weekly
    kind: other-site

entries:
  - id: hull-run
    questions: [How many boats do the hull moulds last for?]
    answer: The yard said its hull moulds last for one run of about 300 boats.
    status: fact
    claimed_by: the boat yard
    sources: [post]
    related: [new-moulds]
  - id: new-moulds
    questions: [What happens when the hull moulds wear out?]
    answer: >-
      The blog reasoned that once the run of 300 is over, the yard would need new moulds and
      would then need to sell another 300 boats to turn a profit.
    status: opinion
    claimed_by: the boat blog
    sources: [post]
    related: [hull-run]
  - id: paper-double
    questions: [Will the yard double its boats?]
    answer: A harbour paper passed on a rumor that the yard would double its boats to 600.
    status: rumor
    claimed_by: a harbour paper
    sources: [paper]
    related: [double-verdict]
  - id: double-verdict
    questions: [What does the blog make of the boat doubling?]
    answer: The blog called the doubling wishful thinking.
    status: opinion
    claimed_by: the boat blog
    sources: [post]
    related: [paper-double]
"""


@pytest.fixture(scope="module")
def boats(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeService:
    return _built(tmp_path_factory, "boats", BOATS)


def test_followup_68_the_other_sites_view_is_the_writers_view(boats: KnowledgeService) -> None:
    # Follow-up round 68: "and what did the other site think of that rumor" after a paper's
    # rumor asks the articles' writer's view, as "does the blog agree" does; it was declined
    # ("site" is no writer's word, and the opening "and" made it one word too long).
    first, view = _talk(
        boats, "will the yard double its boats", "and what did the other site think of that rumor"
    )
    assert first.entry_id == "paper-double"
    assert view.kind == "followup" and view.entry_id == "double-verdict"


def test_followup_68_after_that_is_over_asks_what_comes_next(boats: KnowledgeService) -> None:
    # Follow-up round 68: "ok and once that run is done?" after the moulds' run asks what follows
    # it, as "what happens after that" does: the claim it leads to.
    assert follow_up("ok and once that run is done?") == (FollowUp.NEXT, "")
    first, after = _talk(
        boats, "how many boats do the hull moulds last for", "and after that run is over"
    )
    assert first.entry_id == "hull-run"
    assert after.entry_id == "new-moulds"


def test_followup_68_another_figure_the_last_answer_says_is_not_asking_for_more(
    shipped: KnowledgeService,
) -> None:
    # Follow-up round 68: "how come bmw has to sell another 2500" after the claim that BMW
    # would need to sell another 2,500 asks of that claim's own "another 2,500"; it was
    # declined as "what other ..." asking beyond the answer.
    first, why = _talk(
        shipped, "what happens once the 1m moulds wear out", "how come bmw has to sell another 2500"
    )
    assert first.entry_id == "new-molds-reinvest"
    assert why.answered and why.entry_id == "new-molds-reinvest"


LEEDS_KILNS = """
version: 1

sources:
  - id: pottery-post
    title: The pottery post
    outlet: the pottery blog
    kind: article
  - id: comment-ida
    title: Ida's comment
    outlet: the pottery blog
    kind: reader-comment

entries:
  - id: kiln-count
    questions: [How many kilns will the studio in Leeds get?]
    answer: The pottery blog said the Leeds studio would get 12 kilns for its evening classes.
    status: rumor
    claimed_by: the pottery blog
    sources: [pottery-post]
    related: [ida-fluid]
  - id: ida-fluid
    questions: [Why did the studio say around 12 kilns?]
    answer: >-
      Commenter Ida read "around 12" as a hedge: either the studio was being vague on purpose,
      or strong bookings would bring more kilns to Leeds.
    status: opinion
    claimed_by: Ida (reader comment)
    sources: [comment-ida]
    related: [kiln-count]
"""


@pytest.fixture(scope="module")
def leeds(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeService:
    return _built(tmp_path_factory, "leeds", LEEDS_KILNS)


def test_followup_71_the_other_way_after_an_either_or_is_that_answer(
    leeds: KnowledgeService,
) -> None:
    # Follow-up round 71: "could it go the other way tho" after an answer weighing two ways
    # asks the reverse, which that answer gives; "other" read as asking beyond it declined it.
    first, other = _talk(
        leeds, "why did the studio say around 12 kilns", "could it go the other way tho"
    )
    assert first.entry_id == "ida-fluid"
    assert other.kind == "followup" and other.entry_id == "ida-fluid"
    _, round_ = _talk(leeds, "why did the studio say around 12 kilns", "or the other way round?")
    assert round_.entry_id == "ida-fluid"


def test_followup_71_a_choice_led_by_is_that_for_picks_the_side_the_answer_says(
    leeds: KnowledgeService,
) -> None:
    # Follow-up round 71: "is that for the whole studio or just the evening class" offers two
    # short sides once its lead ("is that for") and openers ("the", "just") are set aside, and
    # the answer says one ("evening classes", its ending aside): that answer, not a decline.
    first, side = _talk(
        leeds,
        "how many kilns will the studio in leeds get",
        "is that for the whole studio or just the evening class",
    )
    assert first.entry_id == "kiln-count"
    assert side.kind == "followup" and side.entry_id == "kiln-count"


@pytest.mark.parametrize(
    ("message", "named"),
    [
        # Code round u2: one list of periods for the follow-ups and the talk readers; an hour
        # or a minute is one too.
        ("per hour?", True),
        ("like per week", True),
        ("per tray?", False),
        ("per day or per week", False),  # two periods: not one checked
    ],
)
def test_code_round_u2_a_period_named_alone(message: str, named: bool) -> None:
    assert followups._names_period(message, followups._PERIOD_FILLER) is named


BRISTOL_LOAVES = """
version: 1

sources:
  - id: bakery-post
    title: The bakery post
    outlet: the bread blog
    kind: article
  - id: comment-otto
    title: Otto's comment
    outlet: the bread blog
    kind: reader-comment

entries:
  - id: loaf-count
    questions: [How many sourdough loaves will the Bristol bakery bake?]
    answer: The bread blog said the Bristol bakery would bake 40 sourdough loaves a morning.
    status: rumor
    claimed_by: the bread blog
    sources: [bakery-post]
    related: [otto-shortfall]
  - id: otto-shortfall
    questions: [Why did the bakery say about 40 loaves?]
    answer: >-
      Commenter Otto read "about 40" as a hint that weak bookings might send some of Bristol's
      loaves to a bakery in another coastal town.
    status: opinion
    claimed_by: Otto (reader comment)
    sources: [comment-otto]
    keywords: [another city, elsewhere, bookings, sent]
    related: [loaf-count]
  - id: rye-ends
    questions: [Will the Bristol bakery still bake rye after 2030?]
    answer: The Bristol bakery has committed not to bake rye beyond 2030, the bread blog said.
    status: fact
    claimed_by: the Bristol bakery, as reported by the bread blog
    sources: [bakery-post]
"""


@pytest.fixture(scope="module")
def bristol(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeService:
    return _built(tmp_path_factory, "bristol", BRISTOL_LOAVES)


def test_followup_72_another_thing_the_entry_is_filed_under_is_not_asking_for_more(
    bristol: KnowledgeService,
) -> None:
    # Follow-up round 72: "could our loaves be sent to another city" after a claim of loaves
    # sent to "another coastal town", filed under "another city", asks of that claim; it was
    # declined as "what other ..." asking beyond the answer.
    first, sent = _talk(
        bristol,
        "why did the bakery say about 40 loaves",
        "could our loaves be sent to another city",
    )
    assert first.entry_id == "otto-shortfall"
    assert sent.answered and sent.entry_id == "otto-shortfall"


def test_followup_72_who_decided_it_after_a_commitment_is_its_claimant(
    bristol: KnowledgeService,
) -> None:
    # Follow-up round 72: "who decided that" after an answer telling of a decision ("has
    # committed not to") asks whose decision it is, which the claim cites; it was declined as
    # a deed the sources never speak of. After a claim telling of no decision it still is.
    first, who = _talk(
        bristol, "will the bristol bakery still bake rye after 2030", "who decided that"
    )
    assert first.entry_id == "rye-ends"
    assert who.kind == "followup" and who.entry_id == "rye-ends"
    _, untold = _talk(
        bristol, "how many sourdough loaves will the bristol bakery bake", "who decided that"
    )
    assert not untold.answered


def test_followup_72_a_choice_the_last_answer_settles_beats_an_unlinked_claim(
    bristol: KnowledgeService,
) -> None:
    # Follow-up round 72: "sourdough loaves or just rye" after the rye claim offers two short
    # sides, of which that answer says one; the message alone gets the sourdough claim, which
    # is not linked to it, so the choice is read only where the message alone was declined.
    first, side = _talk(
        bristol, "will the bristol bakery still bake rye after 2030", "sourdough loaves or just rye"
    )
    assert first.entry_id == "rye-ends"
    assert side.kind == "followup" and side.entry_id == "rye-ends"


def test_followup_80_the_writers_view_asked_of_its_own_view_is_that_view(
    shipped: KnowledgeService,
) -> None:
    # Follow-up round 80: "so the blog buys that?" after the blog's own word on Segler's promise
    # ("the blog granted ... but said it thinks") asks the view that answer gives; it got the
    # residuals claim holding "buy" (why enthusiasts buy the 1M).
    first, buys = _talk(
        shipped, "who promised the 1m would turn into a collectible", "so the blog buys that?"
    )
    assert first.entry_id == "segler-collectors-car"
    assert buys.answered and buys.entry_id == "segler-collectors-car"


FARES = """
version: 1

sources:
  - id: post
    title: The harbour post
    outlet: the harbour blog
    kind: article
  - id: comment
    title: A reader's comment on the harbour
    outlet: the harbour blog's comments
    kind: reader-comment

entries:
  - id: fare-forecast
    questions: [What will harbour fares do?]
    answer: The blog predicted harbour fares will fall a little, then settle after 4 to 5 years.
    status: opinion
    claimed_by: the harbour blog
    sources: [post]
  - id: new-ferries
    questions: [How many new ferries is the harbour getting?]
    answer: A reader said the harbour was getting 3 new ferries for the whole year.
    status: rumor
    claimed_by: a reader
    sources: [comment]
"""


@pytest.fixture(scope="module")
def fares(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeService:
    return _built(tmp_path_factory, "fares", FARES)


@pytest.mark.parametrize("check", ["so 2-3 years?", "like 10 yrs?"])
def test_followup_80_a_span_held_up_checks_the_span_the_last_answer_gives(
    fares: KnowledgeService, check: str
) -> None:
    # Follow-up round 80: "so 2-3 years?" after "settle after 4 to 5 years" holds a span up
    # against that answer's, as "so 150?" holds up a figure; it got a claim holding "3" and
    # "year" (a reader's 3 cars for the whole year).
    first, checked = _talk(fares, "what will harbour fares do", check)
    assert first.entry_id == "fare-forecast"
    assert checked.answered and checked.entry_id == "fare-forecast"


# A made-up boat yard: its depot's vans, its boats and its old ferry line.
YARD = """
version: 1

sources:
  - id: post
    title: The yard post
    outlet: the yard blog
    kind: article

entries:
  - id: depot-vans
    questions: [How many vans did the depot get?]
    answer: The blog says the depot received only 125 vans.
    status: fact
    claimed_by: the yard blog
    sources: [post]
  - id: boat-run
    questions: [How many boats will the yard build?]
    answer: The blog says the yard will build 2,500 boats in a run, 2,500 to 5,000 if it doubles.
    status: fact
    claimed_by: the yard blog
    sources: [post]
  - id: line-opened
    questions: [When did the old ferry line open?]
    answer: The blog says the old ferry line opened in 2003.
    status: fact
    claimed_by: the yard blog
    sources: [post]
"""


@pytest.fixture(scope="module")
def yard(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeService:
    return _built(tmp_path_factory, "yard", YARD)


@pytest.mark.parametrize(
    "check", ["so thats official now", "so thats confirmed then?", "so that's confirmed then?"]
)
def test_followup_81_thats_points_at_the_last_answer(yard: KnowledgeService, check: str) -> None:
    # Follow-up round 81: "thats" typed without its apostrophe points back as "that's" does,
    # and "that's confirmed" before "then" is no X asked of ("ok the us then"); each was
    # declined after the answer it asks about.
    first, checked = _talk(yard, "how many vans did the depot get", check)
    assert first.entry_id == "depot-vans"
    assert checked.answered and checked.entry_id == "depot-vans"
    assert follow_up("ok the depot then") == (FollowUp.ABOUT, "the depot")


# A made-up harbour whose claim says how long only as "for a while", beside one counting years.
WHILE = """
version: 1

sources:
  - id: post
    title: The harbour post
    outlet: the harbour blog
    kind: article

entries:
  - id: ferries-tourists
    questions: [What would more ferries do to the harbour's tourists?]
    answer: The blog judged more ferries would drive tourists away from the harbour for a while.
    status: opinion
    claimed_by: the harbour blog
    sources: [post]
    related: [fares-settle]
  - id: fares-settle
    questions: [What will harbour fares do?]
    answer: The blog predicted harbour fares will fall a little, then settle after 4 to 5 years.
    status: opinion
    claimed_by: the harbour blog
    sources: [post]
    related: [ferries-tourists]
"""


@pytest.fixture(scope="module")
def harbour_while(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeService:
    return _built(tmp_path_factory, "while", WHILE)


@pytest.mark.parametrize("asked", ["for how long", "how long would tourists be away"])
def test_followup_81_how_long_after_for_a_while_is_that_answer(
    harbour_while: KnowledgeService, asked: str
) -> None:
    # Follow-up round 81: "for a while" answers "how long"; and "for how long", which names
    # nothing, asks it of the last answer when that answer gives a span. Both got the
    # neighbour counting years.
    first, long = _talk(harbour_while, "what would more ferries do to the harbours tourists", asked)
    assert first.entry_id == "ferries-tourists"
    assert long.answered and long.entry_id == "ferries-tourists"


# A made-up ferry line: the US allocations, and the UK named only as the seat of its office.
SEAT = """
version: 1

sources:
  - id: post
    title: The ferry post
    outlet: the ferry blog
    kind: article

entries:
  - id: us-ferries-filled
    questions: [Are the US ferry allocations all used up?]
    answer: The ferry blog said every US ferry allocation was already filled.
    status: fact
    claimed_by: the ferry blog
    sources: [post]
  - id: video-uk-office
    questions: [Where was the ferry video shot?]
    answer: A reader placed the ferry video at the line's UK headquarters.
    status: rumor
    claimed_by: a reader
    sources: [post]
"""


@pytest.fixture(scope="module")
def seat(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeService:
    return _built(tmp_path_factory, "seat", SEAT)


@pytest.mark.parametrize(
    ("asked", "place"),
    [
        ("what about the uk allocation", "uk"),
        ("and the uk allocations?", "uk"),
        ("uk?", "uk"),
        ("what about the uk ferry queue", None),  # "queue" is no word of the last answer's
    ],
)
def test_followup_81_a_place_asked_with_the_last_questions_words_is_that_place(
    seat: KnowledgeService, asked: str, place: str | None
) -> None:
    # Follow-up round 81: "what about the uk allocation" after the US's allocations asks of the
    # UK ("allocation" is the last question's word), as "uk?" does; so a claim naming the UK
    # only as the seat of an office is no answer to it. It got the video's spot at BMW's UK
    # headquarters.
    last = seat.knowledge.by_id["us-ferries-filled"]
    assert followups._place_asked(asked, follow_up(asked), last) == place
