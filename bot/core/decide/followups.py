"""Read a message against the conversation's last answer: a follow-up, or a new question."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

from ..knowledge.models import Entry, Knowledge, SourceKind, Status, claimant_of
from ..normalise.question import (
    HE_OR_SHE,
    OPENING_JOINS,
    PERIODS,
    POINTING,
    WHATS,
    YES_NO_OPENERS,
)
from ..normalise.slang import plain
from ..normalise.text import STOPWORDS, stem, words
from ..retrieve.matcher import UNNAMED, Matcher
from ..score.ranking import Match, Ranking
from .decision import Decision
from .decision import decide as decide_alone
from .talk import (
    ASKING,
    FOLLOW_UP_OPENERS,
    OTHERS_WORDS,
    PROVENANCE_CUES,
    PROVENANCE_WORDS,
    WHYS,
    FollowUp,
    Wanted,
    and_x,
    as_when,
    asked_by_name,
    asks,
    asks_given_name,
    asks_meaning,
    asks_of_own,
    asks_other_way,
    asks_outlet,
    asks_where_is,
    asks_who_did,
    asks_who_is_right,
    asks_why,
    beyond,
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
    like_x,
    more,
    name_of,
    names,
    other_of,
    place_words,
    places,
    same_as,
    topical,
    unlaughed,
    wanted,
    wants_link,
    weighs_two_ways,
)


def decide(ranking: Ranking, threshold: float) -> Decision:
    """Decide a reading in a conversation: a follow-up leans on what came before, not on a
    phrasing alike its own few words ("and what did he say about the 3 series")."""
    return decide_alone(ranking, threshold, alike=0.0)


MAX_ELLIPTICAL_WORDS = 4
"""A message this short that names no answer of its own ("which markets", "from what number")
asks about the last answer's topic."""

MAX_SHORT_WORDS = 5
"""A question this short may lean on the last answer's topic without pointing back at it."""

MAX_NEAR_WORDS = 7
"""A question this short, just short of an answer alone, may mean a neighbour of the last answer."""

_LEADERS = 12  # entries ranked when a message after an answer is read
_SHOWN = 5  # entries a decision sees, as for a question asked on its own

_HOW = frozenset("many much long tho though".split())  # "how MANY": no word of the topic


@dataclass(frozen=True, slots=True)
class Reading:
    """What a message earns after an answer, and the answer it was read against, if any."""

    decision: Decision
    about: Entry | None = None
    notice: str | None = None
    cited: bool = False  # "who said that", "source?": the reply names its sources up front


_LEANING = frozenset({FollowUp.PROVENANCE, FollowUp.WHY, FollowUp.NEXT, FollowUp.NAME})


def read_alone(matcher: Matcher, text: str, decision: Decision) -> Decision:
    """Decide on a message with no answer before it: one that only makes sense after an answer
    ("who brought that up") is declined, and "does bmwna agree" gets BMWNA's best known claim."""
    leaning = follow_up(text)
    if leaning is None:
        return decision
    how, about = leaning
    if how in _LEANING:
        return Decision(None, 0.0)
    if how is FollowUp.AGREE and decision.answer is None:
        return decide(matcher.read(about, about=about), matcher.threshold)
    return decision


def read_after(matcher: Matcher, knowledge: Knowledge, text: str, last: Entry) -> Reading:
    """Decide on a message sent right after an answer with ``last``."""
    text = as_when(corrected(unlaughed(text)))
    return _read_after(matcher, knowledge, text, last)


def _read_after(matcher: Matcher, knowledge: Knowledge, text: str, last: Entry) -> Reading:
    """Decide on a corrected message sent right after an answer with ``last``."""
    if asks_of_own(text):
        # "should i keep my order" after the allocation: advice on the asker's own things,
        # not the claim on orders that shares its words.
        return Reading(Decision(None, 0.0))
    if doubts(text):
        # "sounds made up", "yeah right, they'll build more anyway" after a claim: what backs
        # it is its status and its sources, not a claim that shares a word ("cope", "more").
        return Reading(_sure(last), last, cited=True)
    if _kind_told(text, last):
        # "what kind of costs" after "partly machine costs": the kind its answer names.
        return Reading(_sure(last), last)
    if asks_meaning(text):
        # "what did he mean" after a reader's remark: that remark, not two claims sharing "mean".
        return Reading(_sure(last), last)
    if asks_other_way(text) and weighs_two_ways(last.answer):
        # "could it go the other way tho" after the Australian reader's either-or: the reverse
        # is in that answer, not beyond it ("other" read as asking for more, declined).
        return Reading(_sure(last), last)
    outlet = asks_outlet(text)
    if outlet is not None and _outlet_named(last, knowledge, outlet):
        # "wait, which blog" after a claim: the outlet it comes from, which its answer or its
        # sources name ("BMWBlog's figure", "Motoring"); "a trade paper" names none.
        return Reading(_sure(last), last, cited=True)
    if asks_who_is_right(text):
        # "so who's right then" after a rumor: the writer's own verdict on its dispute, else
        # the settled side; "so he was kinda right?" after a claim with no dispute: that claim.
        judged = _verdict_on(last, knowledge)
        if judged is not None:
            return Reading(_sure(judged), last)
    if _view_given(text, last, knowledge):
        # "and the blog buys it?" after the blog's own word on Segler's promise ("granted ...
        # but said it thinks"): that answer, not a claim holding "buy" (why enthusiasts buy).
        return Reading(_sure(last), last)
    if _asks_writers_view(text, last, knowledge):
        if _states_view(last, "blog"):
            # "does the blog agree w him" after Segler's words, which the blog "repeated ...
            # and argued ... likely true": the last answer says, not another of its views.
            return Reading(_sure(last), last)
        view = _writers_view_near(matcher, knowledge, text, last)
        if view is not None:
            # "does the blog agree", "whats the blog's take on it" after a claim the articles
            # only report: the writer's own view linked to it ("2 per dealer" -> "600 is
            # wrong"), not a claim that shares the question's words.
            return Reading(_sure(view), last)
    deed = _deed_untold(text, last)
    if deed is not None:
        # "who filmed it" after the video: the sources say what the clip shows, not who
        # filmed it; "who posted that" asks who made the claim, which its answer says.
        return Reading(Decision(None, 0.0), notice=_not_told_who(last, deed))
    against = _held_against(matcher, text, last)
    if against is not None:
        # "is that more than the us" after Australia's 125: the US figure, which the last
        # answer is held against; "how does that square with X": X's claim.
        return against
    figured = _figure_given_elsewhere(matcher, text, last)
    if figured is not None:
        # "and the us got 600 of those?" after the molds' 2,500: a figure the last answer
        # does not give, which the claim the question alone gets does.
        return figured
    named = _named_persons_claim(matcher, text, last)
    if named is not None:
        # "what did he tell the blog about the 1m" after who Dr. Segler is: he is the one
        # person the answer names, and what he told is among his own claims.
        return Reading(named, last)
    leaning = follow_up(text)
    counted = _of_that_many(matcher, text, last)
    if counted is not None:
        # "could they even sell that many" after a claim that BMW would need to sell another
        # 2,500: the question of that figure, which a claim linked to it asks, not it again.
        return counted
    if (leaning is None or leaning[0] is FollowUp.POINTING) and _asks_source_of(text, last):
        leaning = (FollowUp.PROVENANCE, "")  # "where did segler say it" after Segler's claim
    if _bare_where(text) and _placed_nowhere(matcher, text, last):
        leaning = (FollowUp.PROVENANCE, "")  # "where?" after a claim placed nowhere: where said
    if leaning is None and _named_again(text, last):
        # "price?" after a claim that the GP was "aggressively priced": what that claim says
        # of it, not a sum it never gives (declined) nor another claim's.
        return Reading(_sure(last), last)
    if leaning is None and _knows_so(matcher, text):
        leaning = (FollowUp.PROVENANCE, "")  # "how do they know it'll be one" after a promise
    reading = _read(matcher, knowledge, text, last, leaning)
    if reading.decision.answer is None and reading.notice is None and _how_sure(text):
        # "was he sure" after a reader's guess: how settled the last claim is, which its
        # answer says, when no claim of his says how sure he was.
        return Reading(_sure(last), last)
    answer = reading.decision.answer
    unlinked = answer is not None and _rank(answer.entry, last) == 0
    if ((answer is None and reading.notice is None) or unlinked) and _picks_side(text, last):
        # "at least or at most" after "2 each at most": the last answer says which; so does
        # "worldwide or just the us" after Watts's worldwide role, not a claim unlinked to it.
        return Reading(_sure(last), last)
    want = wanted(text)
    where = asks_where_is(text)
    if where is not None and answer is not None and _given_as_place(answer.entry, where):
        # "where exactly is bmw uk hq" after the video's spot: a claim that gives BMW's UK
        # headquarters as a place does not say where they are.
        return Reading(Decision(None, 0.0), notice=_not_placed(answer.entry, where))
    seat = _place_asked(text, leaning, last) if answer is not None else None
    if seat is not None and answer is not None and _seated_only(answer.entry, seat):
        # "uk?" after how many come to the US: a claim naming BMW's UK headquarters speaks of
        # an office there, not of the UK's part in what was asked.
        return Reading(Decision(None, 0.0), notice=_no_market(seat))
    if (
        want is Wanted.VALUE
        and answer is not None
        and answer.entry_id != last.id
        and not any(matcher.naming(text))
        and _names_more(answer.entry, last, text)
    ):
        # "whats one worth these days" after the 1M's resale forecast: the MINI GP's
        # used value answers the question alone, but the question names no GP; the 1M's
        # value today is what it asks, which the last answer lacks.
        return Reading(Decision(None, 0.0), notice=_lacks(last, want))
    points = leaning is not None and leaning[0] is FollowUp.POINTING
    lacking = want if want is not None and not holds(last.answer, want, asked=text) else None
    if (
        lacking is not None
        and points
        and answer is not None
        and _rank(answer.entry, last) == 0
        and not _answers_alone(matcher, text, answer.entry)
    ):
        # "what year was it" after the chase car: "it" is the last answer's, which has no
        # year, not some unrelated claim the question alone would not answer.
        return _given_elsewhere(matcher, text, last, lacking)
    if (
        want is not None
        and lacking is None
        and answer is None
        and reading.notice is None
        and _nearly_fits(matcher, text, last)
    ):
        # "what will used ones go for" after the 1M's resale forecast: short of an answer
        # alone, with the last answer all but tied for best, and that answer gives a value.
        return Reading(_sure(last), last)
    if lacking is not None and (points or lacking in _UNPOINTED) and answer is None:
        # "how many tho" after Segler's "not limited": a neighbour that gives a figure; "what
        # do used ones go for now" after the GP's collectors-car label: the GPs' value.
        found = _given_elsewhere(matcher, text, last, lacking)
        return reading if found.decision.answer is None else found
    if (
        lacking is not None
        and points
        and answer is not None
        and _lacks_too(answer.entry, want, text)
    ):
        # "did he say what the 1m costs" after Watts: a neighbour that names no price is no
        # answer to what the question wants.
        return _given_elsewhere(matcher, text, last, lacking)
    # "how much torque" after the N54 answer: its "2011" is no torque figure, so a figure is
    # wanted even when the last answer holds one.
    summed = lacking if lacking is not None else want if want is Wanted.AMOUNT else None
    if (
        summed is not None
        and summed in _SUMMED
        and answer is not None
        and _lacks_too(answer.entry, summed, text)
    ):
        # "what was the gp's price" after how many GPs came over: a claim that it was "priced
        # aggressively" names no price, nor does the last answer; "how much torque" after the
        # engine: goat's "its torque" gives no figure.
        held = _elsewhere(matcher, text, last, summed)
        if held is None:
            return Reading(Decision(None, 0.0), notice=_lacks(answer.entry, summed))
        return Reading(Decision(held, held.score), last)
    if leaning is not None and leaning[0] is FollowUp.ABOUT and answer is not None:
        asked = wanted(" ".join(words(last.title)[:_TITLE_WORDS]))  # the opening asks
        if asked is Wanted.AMOUNT and _lacks_too(answer.entry, asked):
            # "what about the uk" after how many come to the US: a UK claim with no figure.
            return Reading(Decision(None, 0.0), notice=_lacks(answer.entry, asked))
    thing = asked_by_name(text)
    if answer is not None and thing is not None and not names(answer.entry.answer, thing):
        # "which dealership is it" after the Arizona dealer's three cars: it is never named.
        return Reading(Decision(None, 0.0), notice=_no_name(answer.entry, thing))
    if answer is not None and asks_given_name(text) and not gives_given_name(answer.entry.answer):
        # "whats his first name" after Dr. Segler's claim: the sources give only his title.
        return Reading(Decision(None, 0.0), notice=_no_given_name(answer.entry))
    if answer is not None and _on_show(text, last) and _off_show(answer.entry, last):
        # "did they interview him on it" after what the podcast is: the sources say what was
        # said on the podcast only where a claim speaks of it; the podcast's own entry again,
        # or an interview never placed on it, does not say so.
        return Reading(Decision(None, 0.0), notice=_not_on_show(last))
    thing = defined(text)
    if thing is not None and thing in matcher.outlet_words:
        thing = None  # "who's bmwna": an outlet, which every claim it makes is cited by
    if thing is not None and answer is not None and _undefined(thing, answer.entry, last):
        # "who's gabe" after Gabe's reply: the sources say what he said, not who he is; the
        # same claim again, or a neighbour that names him too, is no answer. An entry that
        # does say ("what's the podcast" after a claim naming it) is.
        told = next((e for e in _holding(matcher, knowledge, thing) if _defining(e, thing)), None)
        if told is not None:
            return Reading(_sure(told), last)
        return Reading(Decision(None, 0.0), notice=_not_defined(last, thing))
    if lacking is Wanted.YEAR and leaning is None and answer is None:
        # "what year tho" after "shooting starts in May": no claim gives a year, since a month
        # is none (round 59), so the last answer's lack is said, or a neighbour's year given.
        return _given_elsewhere(matcher, text, last, lacking)
    if answer is not None and _asks_what_was_said_in(text, answer.entry):
        # "what did they talk about exactly" after a claim resting on a talk with BMWNA: the
        # claim only mentions the talk; what was said in it is not in the sources.
        return Reading(Decision(None, 0.0), notice=_talk_untold(answer.entry))
    if answer is not None and answer.entry_id != last.id and _told_more_by(text, last, answer):
        # "and would enthusiasts still buy it" after the blog's word that more cars "wouldn't
        # change why enthusiasts buy the 1M": that answer says, not the resale forecast.
        return Reading(_sure(last), last)
    if answer is None or answer.entry_id != last.id:
        return reading
    if _asks_if_it_came(text, last):
        # "so did they race" after a reader who only thought the clip was heading for a
        # showdown: the same claim again gives the expectation, not whether it came to pass.
        return Reading(Decision(None, 0.0), notice=_only_expected(last))
    if beyond(text) and (leaning is None or points) and not _other_told(text, last):
        besides = _besides_held(text, last, knowledge)
        if besides is not None:
            # "what else do they sell" after a claim that names one more thing sold: the
            # neighbour that tells of it, which holds every telling word of the question.
            return Reading(_sure(besides), last)
        # "what other colors": the answer already given is all there is ("any other source?"
        # is answered by its sources).
        offers = tuple(Match(knowledge.by_id[i], 0.0) for i in last.related[:2])
        return Reading(Decision(None, 0.0, suggestions=offers), notice=_beyond_notice(last))
    if wants_link(text) and not any(knowledge.sources[s].url for s in last.sources):
        return Reading(Decision(None, 0.0), notice=_no_link(last, knowledge))  # "whats the link"
    if lacking is not None and (leaning is None or points):  # no other kind of follow-up
        # "and where was it filmed" after the chase car's guess: what says where;
        # "what year tho" when nothing near gives one either: declined.
        return _given_elsewhere(matcher, text, last, lacking)
    return reading


_SUMMED = frozenset({Wanted.PRICE, Wanted.AMOUNT})
_SAYING = frozenset(
    "say says said saying claim claims claimed claiming tell tells told think thinks thought"
    " report reports reported promise promised".split()
)


def _held_against(matcher: Matcher, text: str, last: Entry) -> Reading | None:
    """Return what a message holding the last answer against X asks: X's figure when the last
    answer gives one and X tells no one's saying ("is that more than the us"), else X's claim
    ("how does that compare to what segler said"); None when it is no such message or nothing
    answers it."""
    other = compared_with(text)
    if other is None:
        return None
    told = not _SAYING.isdisjoint(words(other))  # "what segler said": his claim
    counted = holds(last.answer, Wanted.AMOUNT) and not told and not matcher.unknown(other)
    question = f"how many {other}" if counted else other
    found = decide(matcher.read(question, about=other).without(last), matcher.threshold)
    return None if found.answer is None else Reading(found, last)


def _outlet_named(last: Entry, knowledge: Knowledge, outlet: str) -> bool:
    """Return whether the last answer names an outlet of the kind asked ("BMWBlog" for a blog,
    "Scottsdale dealership") or its sources come from an outlet with a name of its own."""
    stem = outlet[:4]
    said = re.findall(r"[\w'\u2019]+", last.answer)
    if any(w[:1].isupper() and stem in w[1:].lower() for w in said) or names(last.answer, outlet):
        return True
    outlets = (knowledge.sources[s].outlet for s in last.sources if s in knowledge.sources)
    return any(o[:1].isupper() for o in outlets)


def _verdict_on(last: Entry, knowledge: Knowledge) -> Entry | None:
    """Return what says who is right after ``last``: of its dispute (its sides, the claims it
    conflicts with either way), a side that is the articles' own opinion, else such an opinion
    linked to a side and back to an unsettled one (the rumor it judges), else a side that is a
    fact or a denial; ``last`` itself when it
    is in no dispute; None when its dispute has no such claim."""
    # Those that list it, in file order, from the knowledge's table: no pass over every entry.
    listing = (i for i in knowledge.conflicts.get(last.id, ()) if i not in last.conflicts_with)
    linked = [*last.conflicts_with, *listing]
    sides = list(dict.fromkeys([last, *(knowledge.by_id[i] for i in linked)]))
    if len(sides) == 1:
        return last
    judged = next((e for e in sides if _writers_view(e, knowledge)), None)
    if judged is not None:
        return judged
    judged_ids = {last.id} | {e.id for e in sides if e.status not in (Status.FACT, Status.DENIED)}
    near = (knowledge.by_id[i] for e in sides for i in e.related if i in knowledge.by_id)
    judged = next(
        (e for e in near if _writers_view(e, knowledge) and not judged_ids.isdisjoint(e.related)),
        None,
    )
    if judged is not None:
        return judged
    return next((e for e in sides if e.status in (Status.FACT, Status.DENIED)), None)


def _writers_view(entry: Entry, knowledge: Knowledge) -> bool:
    """Return whether an entry is the opinion of the articles' writer, from them alone."""
    kinds = {knowledge.sources[s].kind for s in entry.sources if s in knowledge.sources}
    return entry.status is Status.OPINION and kinds == {SourceKind.ARTICLE}


def _asks_writers_view(text: str, last: Entry, knowledge: Knowledge) -> bool:
    """Return whether a short message asks the articles' writer's view of the last answer
    ("does the blog agree", "and the article's take?") while that answer is not that view."""
    if not _WRITER.search(text) or _writers_view(last, knowledge):
        return False
    if _commented(last, knowledge):
        # "did the blog buy it" after a reader's comment: the blog whose comments they are,
        # whose reply may be meant, or the writer; not clear.
        return False
    return _view_asked(text, last)


def _view_given(text: str, last: Entry, knowledge: Knowledge) -> bool:
    """Return whether a short message asks the articles' writer's view of what the last answer
    says when that answer is the writer's and gives its view ("the blog granted ... but said
    it thinks")."""
    if not _WRITER.search(text) or not _writers_view(last, knowledge):
        return False
    return _states_view(last, "blog") and _view_asked(text, last)


def _view_asked(text: str, last: Entry) -> bool:
    """Return whether a message only asks a view ("and the blog buys it?") of the last answer."""
    said = [plain(w) for w in words(text)]
    said = said[1:] if said[:1] in _OPENING else said  # "and what did the other site think"
    if _VIEW_ASKED.isdisjoint(said) or len(said) > _MAX_VIEW_WORDS:
        return False
    told = set(words(f"{last.title} {last.answer}"))
    own = set(said) - STOPWORDS - _WRITER_WORDS - _VIEW_ASKED - _VIEW_FILLER
    return own <= told


def _writers_view_near(
    matcher: Matcher, knowledge: Knowledge, text: str, last: Entry
) -> Entry | None:
    """Return the writer's view on the last answer's dispute, else on that of a claim linked to
    it, the one that fits the message and the last question best."""
    near = [last, *(knowledge.by_id[i] for i in last.related if i in knowledge.by_id)]
    views: list[Entry] = []
    for entry in near:
        judged = _verdict_on(entry, knowledge)
        if judged is not None and judged.id != last.id and _writers_view(judged, knowledge):
            views.append(judged)
    if not views:
        return None
    ids = {e.id for e in views}
    read = matcher.read(f"{text} {last.title}", _LEADERS)
    best = next((m.entry for m in read.matches if m.entry_id in ids), None)
    return best if best is not None else views[0]


def _commented(entry: Entry, knowledge: Knowledge) -> bool:
    """Return whether an entry comes from readers' comments alone."""
    kinds = {knowledge.sources[s].kind for s in entry.sources if s in knowledge.sources}
    return kinds == {SourceKind.READER_COMMENT}


# "the other site" after a claim another outlet made: the articles' writer, the other one.
_WRITER_WORDS = frozenset(
    "blog blogs article articles writer writers author authors other site sites website".split()
)
_WRITER = re.compile(
    r"\b(?:the|this|that)\s+(?:other\s+(?:site|website)|blog|article|writer|author)s?"
    r"(?:'s|\u2019s)?\b",
    re.IGNORECASE,
)
# What asks a view: "does the blog AGREE", "the blog's TAKE", "what does this blog THINK".
_VIEW_ASKED = frozenset(
    """
    agree agrees think thinks take view opinion buy buys believe believes reckon verdict stance
    """.split()
)
_VIEW_FILLER = frozenset("wrote write abt about tho though even really on it that this".split())
_MAX_VIEW_WORDS = 9
_OPENING = (["and"], ["so"], ["but"], ["ok"])  # opens a question, asks nothing


def _how_sure(text: str) -> bool:
    """Return whether a short question only asks how sure the last claimant was ("was he sure",
    "is she certain")."""
    said = words(text)
    return (
        len(said) <= _MAX_SURE_WORDS
        and not _SURE.isdisjoint(said)
        and set(said) <= _SURE | _SURE_WORDS
    )


_SURE = frozenset("sure certain confident".split())
_SURE_WORDS = frozenset("was is were are he she they really even how that about of it".split())
_MAX_SURE_WORDS = 5


_KNOWS = re.compile(
    FOLLOW_UP_OPENERS + r"how\s+(?:do|does|did|can|could|would)\s+"
    r"(?:they|he|she|you|u|we|them)\s+(?:even\s+)?know\b(.*)$",
    re.I,
)


_KIND_OF = re.compile(
    FOLLOW_UP_OPENERS + r"(?:what|which|wat)\s+"
    r"(?:kind|kinds|sort|sorts|type|types)\s+of\s+((?:[^\s?!.,]+\s*){1,2}?)[\s?!.]*$",
    re.I,
)


def _kind_told(text: str, last: Entry) -> bool:
    """Return whether "what kind of X" asks the kind of an X the last answer names."""
    found = _KIND_OF.match(text[:200])
    if found is None:
        return False
    own = _stems(found.group(1)) - _FUNCTION_STEMS
    return bool(own) and own <= _stems(last.answer)


def _knows_so(matcher: Matcher, text: str) -> bool:
    """Return whether a message asks how they know what the last answer says, in words no
    entry holds ("how do they know it'll actually be one tho"), as "how do they know" does."""
    found = _KNOWS.match(text[:200])
    return found is not None and all(w == 0 for _, w in matcher.rarity(found.group(1)))


def _picks_side(text: str, last: Entry) -> bool:
    """Return whether a message only offers two short choices ("at least or at most") of which
    the last answer says one word for word and not the other."""
    said = kernel(text)
    if said.count("or") != 1:
        return False
    cut = said.index("or")
    sides = (_side(_unled(said[:cut])), _side(said[cut + 1 :]))
    if not all(0 < len(side) <= _MAX_SIDE_WORDS for side in sides):
        return False
    told = words(last.answer)
    return sum(_said_in(side, told) for side in sides) == 1


# "north america" in "the North American release", "month" in "65 units a month": a word the
# answer says with an ending added is the same choice.
_SIDE_ENDINGS = ("", "s", "es", "n", "ns")


def _said_in(side: list[str], told: list[str]) -> bool:
    """Return whether an answer's words say a side word for word, endings aside."""
    span = len(side)
    return any(
        all(
            any(said == f"{w}{end}" for end in _SIDE_ENDINGS)
            for w, said in zip(side, told[i : i + span], strict=True)
        )
        for i in range(len(told) - span + 1)
    )


_MAX_SIDE_WORDS = 3
# "is that for the whole world or just north america": the question's lead ("is that for")
# and the words a side opens with ("the", "just") are no part of the choice.
_SIDE_AUXILIARIES = frozenset("is was are were does did".split())
_SIDE_PREPOSITIONS = frozenset("for in about across".split())
_SIDE_OPENERS = frozenset("the a an just only".split())


def _unled(side: list[str]) -> list[str]:
    """Return the first side of a choice without its lead ("is that for")."""
    start = 0
    if side[:1] and side[0] in _SIDE_AUXILIARIES and side[1:2] and side[1] in POINTING:
        start = 2
        if side[start : start + 1] and side[start] in _SIDE_PREPOSITIONS:
            start += 1
    return side[start:]


def _side(side: list[str]) -> list[str]:
    """Return a side of a choice without the words it opens with ("just", "the")."""
    start = 0
    while start < len(side) - 1 and side[start] in _SIDE_OPENERS:
        start += 1
    return side[start:]


def _place_asked(text: str, leaning: tuple[FollowUp, str] | None, last: Entry) -> str | None:
    """Return the one word of a bare ellipsis naming another place ("uk?", "and for the uk",
    "what about the uk allocation" after the US's allocations), or None."""
    if leaning is not None and leaning[0] is FollowUp.ABOUT:
        named = [w for w in words(leaning[1]) if w not in STOPWORDS]
    else:
        named = kernel(text) if leaning is None else []
    if len(named) > 1:  # the words the last answer's question or answer holds are not asked
        held = _stems(f"{last.title} {last.answer}")
        named = [w for w in named if stem(w) not in held]
    return named[0] if len(named) == 1 else None


def _seated_only(entry: Entry, place: str) -> bool:
    """Return whether an entry names a place only as the seat of an office ("BMW's UK
    headquarters")."""
    told = words(entry.answer)
    at = [i for i, w in enumerate(told) if w == place]
    return bool(at) and all(told[i + 1 : i + 2] and told[i + 1] in _SEATS for i in at)


# What a place is the seat of when a claim names it only so: "BMW's UK headquarters".
_SEATS = frozenset("headquarters hq office offices base".split())


def _given_as_place(entry: Entry, where: str) -> bool:
    """Return whether an entry gives only the place a "where is X" asks about as a place."""
    given = places(entry.answer)
    return bool(given) and given <= place_words(where)


def _deed_untold(text: str, last: Entry) -> str | None:
    """Return the deed a short "who <did> it" asks the doer of ("who filmed it", "who replaced
    him") when it is no way of making a claim and the last answer never speaks of it, else None."""
    found = _WHO_DID.match(text[:200])
    if found is None:
        return None
    deed = found.group(1).lower()
    if deed in _CLAIMING or stem(deed) in {stem(w) for w in words(last.answer)}:
        return None
    return None if _decision_told(text, last) else deed


def _decision_told(text: str, last: Entry) -> bool:
    """Return whether a short "who <decided> it" asks whose decision the last answer tells of
    ("who decided that" after "BMW has committed not to extend ..."): its claimant's."""
    found = _WHO_DID.match(text[:200])
    if found is None or found.group(1).lower() not in _DECIDING:
        return False
    return not _DECISION_STEMS.isdisjoint(stem(w) for w in words(last.answer))


# "who filmed it", "so who replaced him?": who did a thing to what the last answer speaks of.
_WHO_DID = re.compile(
    r"^\s*(?:(?:and|so|ok|okay|wait|but)\b[\s,]*)*who\s+([a-z]+ed)\s+"
    r"(?:it|that|this|him|her|them|those|these)[\s?!.]*$",
    re.I,
)
# The deeds of deciding ("who decided that", "who chose it"), and the words with which an answer
# tells of a decision ("has COMMITTED not to extend", "DECIDED", "PLANS to"): who decided what the
# answer tells of as a decision is who it cites.
_DECIDING = frozenset("decided chose ruled determined settled".split())
_DECISION_STEMS = frozenset(
    stem(w)
    for w in "decided decision committed commitment chose choice planned plans promised".split()
)
# The deeds of making or passing on a claim: who did them is who the answer cites.
_CLAIMING = frozenset(
    """
    said claimed posted wrote reported started guessed reckoned thought noticed told sent
    brought worked denied confirmed mentioned leaked dropped shared figured heard suggested
    published printed quoted tweeted announced stated spread floated raised pushed backed
    argued doubted disputed answered replied explained predicted promised proposed asked
    calculated estimated agreed believed expected learned read saw
    """.split()
)


def _asks_source_of(text: str, last: Entry) -> bool:
    """Return whether a question asks where the last claim comes from, naming its claimant
    as "he" would ("where did segler say it", "is yourbestsource legit")."""
    said = set(words(text[:200]))
    named = set(words(_claimant(last))) - STOPWORDS
    rest = said - named
    return (
        not named.isdisjoint(said)
        and rest <= PROVENANCE_WORDS | POINTING
        and not PROVENANCE_CUES.isdisjoint(rest)
    )


def _bare_where(text: str) -> bool:
    """Return whether a message asks only "where" ("where?", "so where"): after a claim that
    names no place, where it was said."""
    return kernel(text) in (["where"], ["wheres"])


def _placed_nowhere(matcher: Matcher, text: str, last: Entry) -> bool:
    """Return whether neither the last answer nor a neighbour of it gives a place."""
    if holds(last.answer, Wanted.PLACE):
        return False
    return _elsewhere(matcher, text, last, Wanted.PLACE) is None


def _named_again(text: str, last: Entry) -> bool:
    """Return whether a message is one bare word asked on its own ("price?") that the last
    answer speaks of in some form ("priced")."""
    fragment = _fragment(text)
    if fragment is None or len(words(fragment)) != 1 or fragment.lower() in STOPWORDS:
        return False
    return stem(fragment.lower()) in _stems(last.answer)


def _told_more_by(text: str, last: Entry, answer: Match) -> bool:
    """Return whether a short yes/no question's telling words are more of them the last
    answer's, at least two, than the answer found instead ("would enthusiasts still buy it")."""
    said = [w for w in words(text) if w not in OPENING_JOINS]
    if not said or said[0] not in YES_NO_OPENERS or len(said) > _MAX_YES_NO_WORDS:
        return False
    telling = {stem(w) for w in said} - _FUNCTION_STEMS
    told = telling & _stems(last.answer)
    found = telling & _stems(answer.entry.answer)
    return len(told) >= _TOLD_AT_LEAST and len(told) > len(found)


_MAX_YES_NO_WORDS = 7
_TOLD_AT_LEAST = 2


def _lacks_too(entry: Entry, want: Wanted | None, text: str = "") -> bool:
    """Return whether an answer lacks what a question (``text``) wants (a price, a figure, a
    time)."""
    return want is not None and not holds(entry.answer, want, asked=text)


def _length(text: str) -> int:
    """Return how many words a message's question has, each counted once."""
    return len(set(kernel(text)))


def _given_elsewhere(matcher: Matcher, text: str, last: Entry, want: Wanted) -> Reading:
    """Answer a question with what it wants that the last answer lacks, or decline saying so."""
    held = _elsewhere(matcher, text, last, want)
    if held is None:
        return Reading(Decision(None, 0.0), notice=_lacks(last, want))
    return Reading(Decision(held, held.score), last)


def _elsewhere(matcher: Matcher, text: str, last: Entry, want: Wanted) -> Match | None:
    """Return the entry that gives what a question wants when the last answer does not: the
    one the question alone answers ("where was it filmed"), or else a neighbour of the last
    answer, the best fit when read with its topic."""
    ranking = matcher.read(text)
    decision = decide(ranking, matcher.threshold)
    alone = decision.answer
    person = not HE_OR_SHE.isdisjoint(words(text))  # "he": the last claimant, no one else
    elsewhere = person and _elsewhere_than(decision, last)
    if alone is not None and holds(alone.entry.answer, want, asked=text) and not elsewhere:
        return alone
    read = matcher.read(f"{text} {last.title}", _LEADERS).without(last)
    # Read with its title, the last answer's topic may drown the question's own words ("what
    # do used ones go for now" after the NYT's label): the question's best fit alone, just
    # short of an answer, is then meant when it is a neighbour too.
    best = ranking.best
    tried = [*read.matches, *([best] if best is not None and want is Wanted.VALUE else [])]
    # News awaited may sit one link further: the doubt about a figure and the claim that
    # expects more on it "in a few days" point at the same memo.
    return next(
        (
            m
            for m in tried
            if m.score >= _HELD * matcher.threshold
            and (
                _linked(m.entry, last)
                or (want is Wanted.NEWS and _shares_neighbour(m.entry, last))
                or (want is Wanted.VALUE and _shares_tag(m.entry, last))
            )
            and holds(m.entry.answer, want, asked=text)
            and (not person or _speaks_of(m.entry, last))
        ),
        None,
    )


def _confirmed_by(text: str, last: Entry, knowledge: Knowledge) -> Entry | None:
    """Return the neighbour that says the last answer's claim was confirmed, when a message
    asks whether it is ("is this confirmed then" after BMW's commitment to stop in a year: the
    neighbour saying a memo "confirmed this"), else None."""
    if not _CONFIRM.search(text) or _CONFIRM.search(last.answer):
        return None
    return next(
        (e for i in last.related if _CONFIRM.search((e := knowledge.by_id[i]).answer)), None
    )


_CONFIRM = re.compile(r"\bconfirm(?:ed|s|ing)?\b", re.IGNORECASE)


def _names_more(entry: Entry, last: Entry, text: str) -> bool:
    """Return whether an entry's title names something neither the last answer nor the
    question names: "whats one worth these days" after the 1M's forecast is not asked of
    the MINI GP, whose used value its neighbour gives."""
    named = {stem(w) for w in _proper(entry.title)}  # the title's names: what it is about
    known = _proper(last.answer) | set(words(f"{last.title} {text}"))
    return bool(named - {stem(w) for w in known})


# Wants a neighbour may meet though the question points at nothing: "what are they worth",
# "when would we hear more" after an answer that gives no value, no time ahead.
_UNPOINTED = frozenset({Wanted.VALUE, Wanted.NEWS})
_TITLE_WORDS = 7  # "how many loaves does the town get (each day)": what a title asks for
_HELD = 0.5  # of the threshold: a neighbour this close that gives what was asked is meant
_SWITCH = 0.2  # a neighbour of the last answer this far below the best fit is not meant
_NEAR = 0.9  # of the threshold: a neighbour of the last answer this close to it is meant
_NAME_RUN = 0.85  # a neighbour this telling belongs to the same name ("dr segler", "mini gp")


def _read(
    matcher: Matcher,
    knowledge: Knowledge,
    text: str,
    last: Entry,
    leaning: tuple[FollowUp, str] | None,
) -> Reading:
    """Decide on a message after ``last``, before the check for "what other"."""
    how, about = leaning if leaning is not None else (None, "")
    if (
        how in (FollowUp.PROVENANCE, FollowUp.POINTING)
        and matcher.unknown(topical(text))
        and not _decision_told(text, last)
    ):
        how = None  # "who hosts it": it asks what no entry holds, about the last topic or not
    if how is None and asks_why(text) and _restates(text, last):
        how = FollowUp.WHY  # "then y is it so hard to get" after an answer saying it is
    if how is FollowUp.POINTING and _who_did_this(text, last):
        how = FollowUp.PROVENANCE  # "who wrote that reply" after the reply: who made it
    if how is FollowUp.PROVENANCE:
        mentioned = _spoken_of(text, last, knowledge)
        if mentioned is not None:  # "who started the rumor" after a fact that speaks of it
            return Reading(_sure(mentioned), last, cited=True)
        begun = _rumor_begun(text, last, knowledge)
        if begun is not None:  # "who started that" after a verdict on a rumor: the rumor's
            return Reading(_sure(begun), last, cited=True)
        backed = _confirmed_by(text, last, knowledge)
        if backed is not None:  # "is this confirmed then": a neighbour confirms it
            return Reading(_sure(backed), last, cited=True)
        reply = _reply_to(text, last, knowledge)
        if reply is not None:  # "who replied to that" after a comment: the comment answering it
            return Reading(_sure(reply), last, cited=True)
        return Reading(_sure(last), last, cited=True)  # the same claim, who made it and where
    if how is FollowUp.NAME:
        owned = name_of(text)
        if owned is not None and not names(last.answer, owned):
            # "whats the name of his CA" after a reader's claim: the name of someone the
            # claim only speaks of, which it never gives, not the claimant's.
            return Reading(Decision(None, 0.0), notice=_no_name(last, owned))
        handle = _names_claimant(last, knowledge) and not gives_given_name(_claimant(last))
        if asks_given_name(text) and (handle or not gives_given_name(last.answer)):
            # "whats his real name" after a commenter's claim: the sources give only his
            # handle, whatever two capitalised words ("North American") the claim holds.
            return Reading(Decision(None, 0.0), notice=_no_given_name(last))
        if _names_claimant(last, knowledge):
            return Reading(_sure(last), last)
        return Reading(Decision(None, 0.0), notice=_unnamed(last))
    if how is FollowUp.WHY:
        # The reasons its answer gives; an answer that gives none is explained by its first
        # related entry ("the blog expects more than 414" -> "the 1M's market is bigger").
        # One that only says again what the question asks why of is no reason ("why is it so
        # hard to get": not the claim that it will be hard to get).
        if gives_reasons(last.answer) or not last.related:
            return Reading(_sure(last), last)
        reasons = [knowledge.by_id[i] for i in last.related]
        fresh = [e for e in reasons if not _restates(text, e)]
        given = [e for e in fresh if gives_reasons(e.answer)]
        told = (given or fresh or reasons)[0]
        return Reading(_sure(told), last)
    if how is FollowUp.NEXT:  # "then what": where the answer leads, if it leads anywhere
        if not last.related:
            return Reading(Decision(None, 0.0), notice=_beyond_notice(last))
        return Reading(_sure(knowledge.by_id[last.related[0]]), last)
    if how is FollowUp.OTHERS:
        own = {plain(w) for w in words(text)} - OTHERS_WORDS - STOPWORDS  # "agree W him"
        if own <= set(words(f"{last.title} {last.answer}")):  # else a new question
            return _others(matcher, knowledge, text, last, dissent=about == "disagree")
    if how is FollowUp.AGREE:
        party = _party_on(matcher, last, about)
        if party is not None:
            return party
    if how is FollowUp.ABOUT and _holds_for(text, last):
        return Reading(_sure(last), last)  # "same as the 1m?" after "just as the 1M did"
    compared = (and_x(text) or like_x(text)) if how is None else None
    if compared is not None and _compares(last, compared):
        return Reading(_sure(last), last)  # "and the 1m?" after "just as the 1M did"
    if compared is not None and _spoken(compared, last):
        return Reading(_sure(last), last)  # "and collectors?" after "its collectors' market"
    viewed = about if how is FollowUp.ABOUT else and_x(text) if how is None else None
    if viewed is not None and _states_view(last, viewed) and _spoken(viewed, last):
        return Reading(_sure(last), last)  # "and the blog?" after Segler's promise it backs
    if how is None and viewed is not None and len(words(viewed)) == 1:
        how, about = FollowUp.ABOUT, viewed  # "and worldwide": "what about worldwide"
    if how is FollowUp.ABOUT and _titled(about, last):
        return Reading(_sure(last), last)  # "what about the gp" after "how was the GP sold"
    if how is FollowUp.ABOUT and matcher.unknown(about):
        # "what about euro emissions rules": X names what no entry holds, so no answer is X's,
        # not the last answer's topic asked again without it.
        return Reading(Decision(None, 0.0))
    if how is FollowUp.ABOUT and _answers_alone(matcher, about, last):
        # "what about used ones down the line" after the resale forecast: X asked on its own
        # gets that answer, so no other claim is X's.
        return Reading(_sure(last), last)
    if how in (FollowUp.AGREE, FollowUp.ABOUT):
        # "does bmwna agree": the party's claim on the last question; "what about australia":
        # the last question asked of X, its own topic dropped. Else X's best known claim.
        title = last.title if how is FollowUp.AGREE else _retitled(matcher, last.title, about)
        decision = decide(
            matcher.read(f"{about} {title}", about=about).without(last), matcher.threshold
        )
        renamed = _renamed(matcher, last.title, about) if how is FollowUp.ABOUT else None
        if renamed is not None and renamed != title:
            # "what about the mini" after how many 1Ms come to America: X stands for the
            # title's name ("1Ms"), which its most telling word ("America") may not be.
            read = matcher.read(f"{about} {renamed}", about=about).without(last)
            instead = decide(read, matcher.threshold)
            if instead.confidence > decision.confidence:
                decision = instead
        named = set(words(about)) - STOPWORDS
        spoken = how is FollowUp.ABOUT and bool(named) and named <= set(words(last.answer))
        if decision.answer is None and spoken:
            # "and for the us" after a verdict that already speaks of the US: that answer.
            return Reading(_sure(last), last)
        if decision.answer is None:
            decision = decide(matcher.read(about, about=about), matcher.threshold)
        return Reading(decision, last)
    if how is FollowUp.POINTING and more(text) and not HE_OR_SHE.isdisjoint(words(text)):
        other = _claimant_besides(matcher, knowledge, text, last)
        if other is not None:  # "did he post anything else": another of his claims
            return other
    if how in (None, FollowUp.POINTING) and _doubted_figure(matcher, text, last):
        # "wait i thought it was 700", "so not 200?" after the US's 600: a figure no claim
        # gives, held against the last answer's, which is what the sources say.
        return Reading(_sure(last), last)
    if how in (None, FollowUp.POINTING) and (_asked_of(text, last) or _checked(text, last)):
        return Reading(_sure(last), last)  # "after how many years" after "four years after"
    if how in (None, FollowUp.POINTING) and _span_checked(text, last):
        return Reading(_sure(last), last)  # "so 2-3 years?" after "after 4 to 5 years"
    ranking = matcher.read(text, _LEADERS)
    alone = decide(Ranking(ranking.matches[:_SHOWN]), matcher.threshold)
    if (
        how in (None, FollowUp.POINTING)
        and _period_checked(text, last)
        and (alone.answer is None or _rank(alone.answer.entry, last) == 0)
        and (alone.answer is None or _claimant(alone.answer.entry) != _claimant(last))
    ):
        # "for the month?" after "3 for the entire year": a check of the period the last
        # figure counts, which that answer tells, not a monthly figure someone else gave. The
        # same claimant's or a linked claim for that period is what is asked ("per month?"
        # after a source's yearly total, who also gave a monthly rate).
        return Reading(_sure(last), last)
    if how is None and asks_who_did(text) and _fits(last, ranking, matcher.threshold):
        # "who replied", "who told the dealers": who did what the last answer tells of, when
        # that answer fits the question on its own too.
        return Reading(_sure(last), last, cited=True)
    if how is FollowUp.POINTING and _points_at(text, last, alone):
        # "so is that number fixed" after a reader's figure: the number is the last answer's,
        # not that of a claim elsewhere that never speaks of one.
        return Reading(_sure(last), last)
    if how in (None, FollowUp.POINTING) and alone.answer is not None:
        unsaid = _unsaid(text, last)  # what the question names that the last answer does not
        anew = next((m for m in alone.near if _names_anew(unsaid, m.entry)), None)
        if alone.answer.entry_id == last.id and anew is not None:
            # "what did he reckon about the roads" after where he placed the video: not
            # the same answer again, but the near tie that holds what it names anew.
            return Reading(Decision(anew, anew.score), last)
        titled = next((m for m in alone.near if _titles_anew(unsaid, m.entry)), None)
        if (
            titled is not None
            and (
                _rank(titled.entry, last) > 0
                or (
                    not HE_OR_SHE.isdisjoint(words(text))
                    and _names_claimant(last, knowledge)
                    and _claimant(titled.entry) == _claimant(last)
                )
            )
            and not _titles_anew(unsaid, alone.answer.entry)
        ):
            # "and what did he say about the roads" after his word on testing: of the near
            # ties, the one whose title names what the last answer does not.
            return Reading(Decision(titled, titled.score), last)
    short = how is None and _length(text) <= MAX_SHORT_WORDS and not matcher.unknown(text)
    tied = short and alone.answer is not None and _rank(alone.answer.entry, last) == 0
    kept = next((m for m in alone.near if m.entry_id == last.id), None) if tied else None
    if kept is not None:
        # "could we lose cars" after a reader's guess on a country's allocation: the last
        # answer all but ties a claim unlinked to it, and the conversation is about it.
        return Reading(Decision(kept, kept.score), last)
    if alone.clarify or short:
        # Of the entries the question alone would answer, one the conversation is about wins:
        # "were they all sold" (a tie), or a short question two entries answer, one of them
        # linked to the last answer. The last answer itself only breaks a tie: one that fits
        # ("whats yourbestsource claiming", after who yourbestsource is) asks for more.
        # A neighbour far below the best is a topic switch, not the same conversation ("is
        # bmw doubling production" after the US figure is about doubling, not the overview).
        best = ranking.matches[0].score if ranking.matches else 0.0
        fits = [
            m
            for m in ranking.matches
            if m.score >= max(matcher.threshold, best - _SWITCH)
            and (alone.clarify or m.entry_id != last.id)
        ]
        chosen = max(fits, key=lambda m: _rank(m.entry, last), default=None)
        moved = chosen is not None and (alone.clarify or chosen is not alone.answer)
        if chosen is not None and moved and _rank(chosen.entry, last) > 0:
            return Reading(Decision(chosen, chosen.score), last)
    if alone.clarify:
        beside = [m for m in alone.suggestions if _shares_neighbour(m.entry, last)]
        if len(beside) == 1:
            # "could bmw make another like it" after the collectors-car promise: of two
            # equal fits neither linked to it, the one pointing where it points.
            return Reading(Decision(beside[0], beside[0].score), last)
    if how is None and short and alone.answer is None:
        swapped = _swapped(knowledge, matcher, text, last)
        if swapped is not None:  # "did the gp drop much" after whether 1M values drop
            return swapped
    lone = ranking.best
    if (
        how is None
        and _length(text) <= MAX_NEAR_WORDS
        and alone.answer is None
        and lone is not None
        and _rank(lone.entry, last) >= 1
        and lone.score >= _NEAR * matcher.threshold
    ):
        if lone.entry_id == last.id:
            # "so are the us getting any more or not" after the memo: just short of it alone,
            # and of nothing else nearer.
            return Reading(Decision(lone, lone.score), last)
        # "how many came to the us" after the GP as Segler's model: just short of an answer
        # alone, but a neighbour of the last answer that the question read with it ranks first
        # (after the last answer itself, whose title is in that reading).
        near = matcher.read(f"{text} {last.title}", _LEADERS).without(last).best
        if near is not None and near.entry_id == lone.entry_id:
            return Reading(Decision(lone, lone.score), last)
    elliptical = short and alone.answer is None and _length(text) <= MAX_ELLIPTICAL_WORDS
    elliptical = elliptical and asks(text)  # not a few keywords: "production engine allocation"
    if how is not FollowUp.POINTING and not elliptical:
        return Reading(alone)
    # "what did he say about the 1m", "from what number": read with the last answer's topic,
    # and keep that reading unless the question alone fits better.
    read = matcher.read(f"{text} {last.title}", _LEADERS)
    context = decide(Ranking(read.matches[:_SHOWN]), matcher.threshold)
    if (
        context.answer is not None
        and context.answer.entry_id == last.id
        and lone is not None
        and _rank(lone.entry, last) == 1
        and all(m.entry_id != last.id for m in ranking.matches)
    ):
        # "did they all sell" after the GPs' count: the last answer holds none of the
        # question's words, so its title only says which of its neighbours is meant.
        found = next((m for m in read.matches if m.entry_id == lone.entry_id), None)
        if found is not None and found.score >= matcher.threshold:
            return Reading(Decision(found, found.score), last)
    claimed = not HE_OR_SHE.isdisjoint(words(text)) or (how is FollowUp.POINTING and more(text))
    his = False
    if claimed and _names_claimant(last, knowledge):
        # "what did he claim": he is who made the last claim, and may have made others.
        besides = more(text)  # "what else did he say": another of his claims
        said = matcher.read(f"{text} {_claimant(last)}", _LEADERS if besides else 5)
        claimant = decide(_own_claims(said, last) if besides else said, matcher.threshold)
        if claimant.answer is not None and besides:
            return Reading(claimant, last)  # his other claim, not what the words alone fit
        # "what did he think would happen" after his claim: what the words alone fit only
        # alike ("did you mean A or B") does not outweigh their reading with his claim.
        his = alone.answer is None
        if claimant.answer is not None and claimant.confidence > context.confidence:
            context = claimant
        elif claimant.answer is None and _elsewhere_than(alone, last):
            # "when did he leave bmw" after Segler: he is Segler, of whom nothing says so,
            # not a claim about someone else that shares a word ("leaving aside").
            return Reading(claimant)
    elif claimed and len(people := matcher.people_named(last.answer)) == 1:
        # "what did he promise" after the blog's entry that names Dr. Segler: he is the one
        # claimant the last answer names, though the last claim is not his.
        said = matcher.read(f"{text} {people[0]}", 5)
        person = decide(said, matcher.threshold)
        if person.answer is not None and person.confidence > context.confidence:
            context = person
    if context.answer is None or (context.confidence < alone.confidence and not his):
        if _someone_else(text, alone, last):
            # "what car did he drive there" after the blog's talk with a named executive:
            # he is someone the last answer names, whom a claim about another car never names.
            return Reading(Decision(None, 0.0))
        return Reading(alone)
    return Reading(context, last)


# "from the same guy", "did the same commenter say": the last claim's claimant, another claim.
_SAME_CLAIMANT = re.compile(
    r"\bsame\s+(?:guy|dude|person|commenter|poster|reader|source|user|man|fella|bloke)\b", re.I
)


def _named_persons_claim(matcher: Matcher, text: str, last: Entry) -> Decision | None:
    """Return the claim, of those made by the one person the last answer names and did not
    claim, that a question pointing at "he" or "she" asks for, or None."""
    if HE_OR_SHE.isdisjoint(words(text[:200])) or asks_who_did(text):
        return None  # "who replied to him": "him" is whom it was done to, not who did it
    people = matcher.people_named(last.answer)
    if len(people) != 1 or people[0] in words(_claimant(last)):
        return None
    ranking = matcher.read(f"{text[:200]} {people[0]}", _LEADERS).without(last)
    his = tuple(m for m in ranking.matches if people[0] in words(_claimant(m.entry)))
    found = decide(Ranking(his), matcher.threshold)
    return found if found.answer is not None else None


def _claimant_besides(
    matcher: Matcher, knowledge: Knowledge, text: str, last: Entry
) -> Reading | None:
    """Return another claim of the last claimant's, or None if the last claim names none."""
    if not _names_claimant(last, knowledge):
        return None
    # With the question's words first, then the claimant's name alone ("comment anything
    # else" only dilutes it).
    for asked in (f"{text} {_claimant(last)}", f"what did {_claimant(last)} say"):
        found = decide(_own_claims(matcher.read(asked, _LEADERS), last), matcher.threshold)
        if found.answer is not None:
            return Reading(found, last)
    return None


def _points_at(text: str, last: Entry, alone: Decision) -> bool:
    """Return whether a question points at a thing ("that NUMBER") the last answer names and
    the claim it alone gets, unlinked to the last answer, does not."""
    said = kernel(text)
    things = {
        stem(said[at + 1])
        for at in range(len(said) - 1)
        if said[at] in POINTING and said[at + 1] not in STOPWORDS
    }
    if not things or alone.answer is None or _rank(alone.answer.entry, last) > 0:
        return False
    told = _stems(alone.answer.entry.answer)
    asked = _stems(" ".join(said)) - _FUNCTION_STEMS - things  # "was that car MANUAL": its
    shared = {w for w in told & _stems(last.answer) if w.isdigit()}  # the same 600: same talk
    unnamed = things.isdisjoint(told) and asked.isdisjoint(told) and not shared
    return unnamed and things <= _stems(last.answer)


def _claimants(ranking: Ranking, last: Entry) -> list[Match]:
    """Return the ranked claims made by the last claim's claimant, the last claim left out."""
    who = _claimant(last).lower()
    return [m for m in ranking.without(last).matches if _claimant(m.entry).lower() == who]


def _own_claims(ranking: Ranking, last: Entry) -> Ranking:
    """Return the ranked claims made by the last claim's claimant, the last claim left out: only
    those from its own sources, when there are any."""
    mine = _claimants(ranking, last)
    # "anything else in that comment": what the same source says besides, if it says more.
    kept = [m for m in mine if set(m.entry.sources) <= set(last.sources)]
    return Ranking(tuple(kept or mine))


def _someone_else(text: str, decision: Decision, last: Entry) -> bool:
    """Return whether "he" or "she" names someone of the last answer an unlinked answer lacks."""
    if HE_OR_SHE.isdisjoint(words(text)) or not _elsewhere_than(decision, last):
        return False
    named = _proper(last.answer)
    return (
        bool(named)
        and decision.answer is not None
        and named.isdisjoint(_proper(decision.answer.entry.answer))
    )


def _proper(text: str) -> set[str]:
    """Return the names in a text: capitalised words that do not open a sentence."""
    found = re.finditer(r"(?<![.!?:]\s)(?<!^)\b([A-Z][A-Za-z0-9]+)\b", text)
    return {m.group(1).lower() for m in found}


def _party_on(matcher: Matcher, last: Entry, party: str) -> Reading | None:
    """Return a named party's word on the last answer: that answer when it gives the party's
    view ("the blog granted ... but said it thinks"), else the claim the party made that fits
    best read with its topic; None when the party made none that fits."""
    named = set(words(party)) - STOPWORDS
    if not named:
        return None
    if _states_view(last, party) or named <= set(words(_claimant(last))):
        # "and the blog agreed?" after the blog's own doubt: the party's view is that answer.
        return Reading(_sure(last), last)
    read = matcher.read(f"{party} {last.title}", _LEADERS, about=party).without(last)
    own = next(
        (
            m
            for m in read.matches
            if m.score >= matcher.threshold and named <= set(words(_claimant(m.entry)))
        ),
        None,
    )
    return None if own is None else Reading(Decision(own, own.score), last)


def _spoken(about: str, last: Entry) -> bool:
    """Return whether the last answer holds every telling word of X ("the blog"), not only one
    ("the 1m, what does the blog predict" names the 1M too)."""
    named = set(words(about)) - STOPWORDS
    return bool(named) and named <= set(words(last.answer))


def _states_view(last: Entry, party: str) -> bool:
    """Return whether the last answer gives a party's view ("the blog granted ... but SAID it
    thinks")."""
    named = set(words(party)) - STOPWORDS
    said = words(last.answer)
    return bool(named) and any(
        word in named and not _VIEWS.isdisjoint(said[at + 1 : at + 1 + _VIEW_GAP])
        for at, word in enumerate(said)
    )


# Verbs with which an answer gives someone's view: "the blog GRANTED ..., but SAID it thinks".
_VIEWS = frozenset(
    """
    said says think thinks thought granted agreed agrees believe believes believed expect
    expects expected doubt doubts doubted argued argues reckons reckoned called calls
    repeated repeats echoed echoes
    """.split()
)
_VIEW_GAP = 3  # words between the party and its verb: "the blog, too, said"


def _others(
    matcher: Matcher, knowledge: Knowledge, text: str, last: Entry, *, dissent: bool
) -> Reading:
    """Answer "did anyone agree" or "did anyone push back" with another party's claim linked to
    the last answer: the other side of its dispute, or a claim beside it."""
    opposed = knowledge.conflicts.get(last.id, ())
    who = _claimant(last).lower()
    read = matcher.read(f"{text} {last.title}", _LEADERS).without(last)
    backs = (*last.related, *(m.entry_id for m in read.matches if _linked(m.entry, last)))
    pool = opposed if dissent and opposed else tuple(i for i in backs if i not in opposed)
    ids = [i for i in dict.fromkeys(pool) if _claimant(knowledge.by_id[i]).lower() != who]
    scored = [m for m in read.matches if m.entry_id in ids]
    if dissent and not opposed:  # "did anyone push back" on a claim nobody disputes
        scored = [m for m in scored if m.score >= matcher.threshold]
        ids = []
    found = scored[0].entry if scored else knowledge.by_id[ids[0]] if ids else None
    if found is None:
        return Reading(Decision(None, 0.0), notice=_alone_notice(last, dissent=dissent))
    return Reading(_sure(found), last)  # the link to the last answer, not the words, says so


def _alone_notice(entry: Entry, *, dissent: bool) -> str:
    side = "disputes" if dissent else "backs"
    return f"No one else in my sources {side} '{entry.title}'; it is {entry.claimed_by}'s."


def _who_did_this(text: str, last: Entry) -> bool:
    """Return whether a short question asks who made what the last answer tells of, pointing
    at it by name ("who wrote that reply", "who sent this memo")."""
    said = kernel(_GUESSED_DOER.sub("", text[:200]))  # "who worked that out, bmw?": a guess
    if not asks_who_did(" ".join(said)) or POINTING.isdisjoint(said):
        return False
    own = _stems(" ".join(said[2:])) - _FUNCTION_STEMS
    if not own:  # "who worked that out" after "people were quick to work out": the deed's
        return bool(_stems(said[1])) and _stems(said[1]) <= _stems(last.answer)
    return own <= _stems(last.answer)


_GUESSED_DOER = re.compile(r",\s*\w+(?:\s+\w+)?\W*$")


def _holds_for(text: str, last: Entry) -> bool:
    """Return whether a message asks if the last answer holds for X too, and it names X ("same
    as the 1m?" after the GP split enthusiasts "just as the 1M" did)."""
    return _spoken(same_as(text) or "", last)


def _compares(last: Entry, other: str) -> bool:
    """Return whether the last answer already likens its subject to X: "(just) as X did"."""
    named = [w for w in words(other) if w not in STOPWORDS]
    if not named:
        return False
    x = r"\s+".join(re.escape(w) for w in named)
    return re.search(rf"\bas\s+(?:the\s+)?{x}\s+(?:{_LIKENED})\b", last.answer, re.I) is not None


_LIKENED = "did|does|do|was|is|were|are|had|has|have"


def _titled(about: str, last: Entry) -> bool:
    """Return whether X of "what about X" is what the last answer's question is about already."""
    named = set(words(about)) - STOPWORDS
    return bool(named) and named <= set(words(last.title))


def _asked_of(text: str, last: Entry) -> bool:
    """Return whether a short question wanting a figure, time or year asks it of the last
    answer: that answer gives one, and every telling word of the question is in it."""
    want = wanted(text)
    if want is None or _length(text) > MAX_NEAR_WORDS or not holds(last.answer, want, asked=text):
        return False
    said = kernel(text)
    # "how OLD were they by then": the things' age, counted in years ("four years after it
    # came out"); "how old is HE" asks a person's age, which no span after a launch gives.
    aged = HE_OR_SHE.isdisjoint(said)
    own = {stem("year" if w == "old" and aged else w) for w in said}
    own -= {stem(w) for w in STOPWORDS | _HOW}
    short = _length(text) <= MAX_ELLIPTICAL_WORDS or len(own) <= _MAX_ASKED_OWN
    # "for how long" names nothing: what it wants, the last answer gives, so it asks that.
    bare = not own and _length(text) <= MAX_ELLIPTICAL_WORDS
    return short and (bool(own) or bare) and own <= {stem(w) for w in words(last.answer)}


_MAX_ASKED_OWN = 2  # "how many made for the us": longer, but two telling words, both in it


def _checked(text: str, last: Entry) -> bool:
    """Return whether a short question checks a figure the last answer gives ("exactly 100?"
    after "around 100 units")."""
    said = kernel(text)
    figures = {w for w in said if w.isdigit()}
    if not figures or len(said) > _MAX_CHECK_WORDS or "?" not in text:
        return False
    return figures <= set(words(last.answer))


_MAX_CHECK_WORDS = 3
# Words that may go with a period in a check of it: "like PER month", "for THE WHOLE year".
_PERIOD_FILLER = frozenset("for the a an per like each every in that whole entire".split())


def _span_checked(text: str, last: Entry) -> bool:
    """Return whether a short question only holds up a figure or two of a period ("so 2-3
    years?", "like 10 months?") against a figure of that period the last answer gives ("after
    4 to 5 years"): a check of that span, which that answer tells."""
    said = kernel(text)
    figures = {w for w in said if w.isdigit()}
    asked = {_period(w) for w in said if w in PERIODS}
    rest = set(said) - figures - PERIODS - _SPAN_FILLER
    if "?" not in text or not 0 < len(figures) <= 2 or len(asked) != 1 or rest:
        return False
    told = words(last.answer)
    return any(
        w.isdigit() and any(_period(t) in asked for t in told[i + 1 : i + 1 + _SPAN_GAP])
        for i, w in enumerate(told)
    )


def _period(word: str) -> str:
    """Return a period's word in one form ("yrs", "years" -> "year")."""
    single = word[:-1] if word.endswith("s") else word
    return _PERIOD_FORMS.get(single, single)


_PERIOD_FORMS = {"yr": "year", "mo": "month", "wk": "week", "hr": "hour", "min": "minute"}
_SPAN_FILLER = frozenset("like about around maybe or to only just right more than".split())
_SPAN_GAP = 3  # words from a figure to its period: "4 to 5 years"


def _period_checked(text: str, last: Entry) -> bool:
    """Return whether a message only names a period ("for the month?", "like per year") after
    an answer giving a figure for a period: a check of which period that figure counts."""
    return _names_period(text, _PERIOD_FILLER) and _periodic(last)


def _names_period(text: str, filler: frozenset[str]) -> bool:
    """Return whether a message names one period and, besides it, only ``filler``."""
    said = kernel(text)
    asked = PERIODS.intersection(said)
    return len(asked) == 1 and set(said) - asked <= filler


def _periodic(last: Entry) -> bool:
    """Return whether an answer gives a figure and a period it may count."""
    return holds(last.answer, Wanted.AMOUNT) and not PERIODS.isdisjoint(words(last.answer))


def _doubted_figure(matcher: Matcher, text: str, last: Entry) -> bool:
    """Return whether a short message holds a figure no claim gives against the last answer's
    figure ("i thought it was 700", "so not 200?"), saying nothing else."""
    said = kernel(text)
    figures = {w for w in said if w.isdigit()}
    if len(figures) != 1 or len(said) > _MAX_DOUBT_WORDS:
        return False
    if _DOUBT_CUES.isdisjoint(said) and not _figure_asked(text, len(said)):
        return False
    if not _only_told_by(said, set(said) - figures - STOPWORDS - _DOUBTING - POINTING):
        return False  # "not 200 in the us?": a question of its own
    if not holds(last.answer, Wanted.AMOUNT):
        return False
    # Read from the index, not by reading every answer: the same at any size of file.
    return all(matcher.unknown(figure) == [figure] for figure in figures)


def _nearly_fits(matcher: Matcher, text: str, last: Entry) -> bool:
    """Return whether the last answer all but ties the best fit of a question read alone."""
    ranking = matcher.read(text, _SHOWN)
    best = ranking.matches[0].score if ranking.matches else 0.0
    mine = next((m.score for m in ranking.matches if m.entry_id == last.id), 0.0)
    return mine >= best - _TIED and mine >= _NEAR_FIT * matcher.threshold


_TIED = 0.05  # a fit this close below the best is all but tied with it
_NEAR_FIT = 0.8  # of the threshold: a fit this close to it is nearly an answer


# "that many", "that much": the one figure of the last answer, pointed at
_THAT_MANY = re.compile(r"\b(?:that|this|those) (?:many|much)\b", re.I)


def _figure_given_elsewhere(matcher: Matcher, text: str, last: Entry) -> Reading | None:
    """Return the claim a short yes/no question alone gets when it names one figure of cars
    the last answer does not give and that claim does ("and the us got 600 of those?" after
    2,500), or None; "who said 100" asks whose figure, "will it stay at 2" whether it holds."""
    said = kernel(text)
    figures = {w for w in said if w.isdigit() and len(w) >= _FIGURE_DIGITS}
    if len(figures) != 1 or len(said) > MAX_NEAR_WORDS or figures <= set(words(last.answer)):
        return None
    if not ASKING.isdisjoint(said):
        return None
    decision = decide(matcher.read(text), matcher.threshold)
    found = decision.answer
    if found is None or found.entry_id == last.id or figures.isdisjoint(words(found.entry.answer)):
        return None
    return Reading(decision, last)


_FIGURE_DIGITS = 3  # "600", "2500": a production figure, not "2" cars a dealer gets


def _of_that_many(matcher: Matcher, text: str, last: Entry) -> Reading | None:
    """Return the claim linked to the last answer that a question asks of its one figure
    ("could they even sell that many" after "would need to sell another 2,500": whether
    2,500 more could be sold), or None; the last answer itself only gives the figure."""
    found = _THAT_MANY.search(text[:200])
    if found is None:
        return None
    figures = {w for w in words(last.answer) if w.isdigit()}
    if len(figures) != 1:
        return None
    (figure,) = figures
    asked = f"{text[: found.start()]}{figure}{text[found.end() : 200]}"
    decision = decide(matcher.read(asked, _LEADERS).without(last), matcher.threshold)
    if decision.answer is None or _rank(decision.answer.entry, last) != 1:
        return None
    return Reading(decision, last)


_MAX_DOUBT_WORDS = 8  # "wait i thought bmw aus said like 150"
_TELLING = frozenset("said says say told".split())
_MAX_ASKED_FIGURE_WORDS = 2  # "so 150?", "like 150?": the figure and one word of chat


def _figure_asked(text: str, asked: int) -> bool:
    """Return whether a message of ``asked`` words only asks a figure back ("so 150?", "150
    then?"): the figure held up against the last answer's, as "i thought it was 150" holds it.
    A year ("2013?") asks of that year, not the figure."""
    short = "?" in text and asked <= _MAX_ASKED_FIGURE_WORDS
    return short and not holds(text, Wanted.YEAR)


_DOUBT_CUES = frozenset("not thought think heard wasnt isnt wasn isn sure read".split())
_DOUBTING = _DOUBT_CUES | frozenset("i was is it thats so wait t pretty".split()) | _TELLING
_MAX_TELLERS = 2  # "i thought BMW AUS said 150": who told the asker, in a word or two


def _only_told_by(said: list[str], rest: set[str]) -> bool:
    """Return whether the words of a doubt besides its figure and chat only name who told
    the asker, standing before the verb of saying ("i thought BMW AUS said like 150")."""
    if not rest:
        return True
    told = next((i for i, w in enumerate(said) if w in _TELLING), None)
    return told is not None and len(rest) <= _MAX_TELLERS and rest <= set(said[:told])


def _swapped(knowledge: Knowledge, matcher: Matcher, text: str, last: Entry) -> Reading | None:
    """Answer a short question that names what the last answer does not with the one entry
    the last answer points at that is asked about it ("did the gp drop much" after whether
    1M values drop: the used GPs' value), or None."""
    held = _stems(" ".join((*last.questions, last.answer)))
    fresh = [(w, r) for w, r in matcher.rarity(text) if r > 0 and w not in STOPWORDS]
    fresh = [(w, r) for w, r in fresh if stem(w) not in held]
    if not fresh:
        return None
    word = stem(max(fresh, key=lambda pair: pair[1])[0])
    near = [knowledge.by_id[i] for i in dict.fromkeys((*last.related, *last.conflicts_with))]
    naming = [e for e in near if word in _stems(" ".join((*e.questions, *e.keywords)))]
    return Reading(_sure(naming[0]), last) if len(naming) == 1 else None


def _restates(text: str, last: Entry) -> bool:
    """Return whether every telling word of a question is in the last answer's title or answer
    ("why is it so hard to get" after "it would still be hard to get")."""
    own = _stems(text) - _FUNCTION_STEMS - _WHY_STEMS
    return bool(own) and own <= _stems(f"{last.title} {last.answer}")


_OTHER_WORDS = frozenset("other another".split())


def _other_told(text: str, last: Entry) -> bool:
    """Return whether the "another X" a message asks of is the last answer's own ("why would
    they need to sell another 2500" after "would need to sell another 2,500"), or one of its
    entry's keywords ("could they go to another country" after "another overseas market",
    filed under "another country"), not more."""
    pairs = {pair for told in (last.answer, *last.keywords) for pair in pairwise(words(told))}
    said = words(text)
    return any((word, after) in pairs for word, after in pairwise(said) if word in _OTHER_WORDS)


def _besides_held(text: str, last: Entry, knowledge: Knowledge) -> Entry | None:
    """Return the first entry the last answer points at whose title or answer holds every
    telling word of a "what else" question, other than the words asking for more ("what else
    are they making" after a claim that names a second model made: the claim on that model)."""
    own = _stems(text) - _FUNCTION_STEMS - _BEYOND_STEMS
    if not own:
        return None
    for entry_id in last.related:
        entry = knowledge.by_id[entry_id]
        if own <= _stems(f"{entry.title} {entry.answer}"):
            return entry
    return None


def _stems(text: str) -> set[str]:
    """Return the stems of a text's words."""
    return {stem(w) for w in words(text)}


_FUNCTION_STEMS = frozenset(_stems(" ".join(STOPWORDS)))
_WHY_STEMS = frozenset(_stems(" ".join(WHYS)))
_BEYOND_STEMS = frozenset(_stems("other others else besides another"))


def _elsewhere_than(decision: Decision, last: Entry) -> bool:
    """Return whether a decision answers with a claim neither linked to the last answer nor
    naming who made it."""
    if decision.answer is None:
        return False
    entry = decision.answer.entry
    return _rank(entry, last) == 0 and not _speaks_of(entry, last)


def _speaks_of(entry: Entry, last: Entry) -> bool:
    """Return whether an entry names who made the last claim, as its claimant or in its answer."""
    name = set(words(_claimant(last))) - STOPWORDS
    return not name.isdisjoint(words(f"{entry.claimed_by} {entry.answer}"))


def _answers_alone(matcher: Matcher, text: str, entry: Entry) -> bool:
    """Return whether a question read on its own is answered with an entry."""
    alone = decide(matcher.read(text), matcher.threshold).answer
    return alone is not None and alone.entry_id == entry.id


def _fits(entry: Entry, ranking: Ranking, threshold: float) -> bool:
    """Return whether an entry is among a question's shown entries, at the threshold or above."""
    return any(m.entry_id == entry.id and m.score >= threshold for m in ranking.matches[:_SHOWN])


# A claim named by how settled it is: "who started the rumor", "and the rumor?".
_STATUS_WORDS = {
    **dict.fromkeys("rumor rumors rumour rumours".split(), Status.RUMOR),
    **dict.fromkeys("denial denials".split(), Status.DENIED),
}


def _spoken_of(text: str, last: Entry, knowledge: Knowledge) -> Entry | None:
    """Return the linked claim a provenance question names by its status when the last answer,
    of another status, only speaks of it ("and the rumor?" after the fact it starts from)."""
    said = words(text)
    if not POINTING.isdisjoint(said):
        return None
    told = set(words(last.answer))
    for word in said:
        status = _STATUS_WORDS.get(word)
        if status is None or status is last.status or word not in told:
            continue
        for entry_id in (*last.related, *last.conflicts_with):
            if knowledge.by_id[entry_id].status is status:
                return knowledge.by_id[entry_id]
    return None


def _reply_to(text: str, last: Entry, knowledge: Knowledge) -> Entry | None:
    """Return the one comment linked to the last answer that names its claimant, when a question
    asks who replied to it ("who responded to that" after a comment: the comment that quotes or
    thanks its writer, not the same comment again)."""
    said = kernel(text)  # "so who replied to that": the question without its chat
    if len(said) > _MAX_REPLY_WORDS or said[:1] != ["who"] or _REPLYING.isdisjoint(said):
        return None
    named = set(words(_claimant(last))) - STOPWORDS
    linked = dict.fromkeys((*last.related, *last.conflicts_with))
    replies = [
        knowledge.by_id[i]
        for i in linked
        if _claimant(knowledge.by_id[i]) != _claimant(last)
        and _first_commented(knowledge.by_id[i], knowledge)
        and named
        and named <= set(words(knowledge.by_id[i].answer))
    ]
    return replies[0] if len(replies) == 1 else None


def _first_commented(entry: Entry, knowledge: Knowledge) -> bool:
    """Return whether an entry's own source, its first, is a reader's comment."""
    first = knowledge.sources.get(entry.sources[0]) if entry.sources else None
    return first is not None and first.kind is SourceKind.READER_COMMENT


_REPLYING = frozenset("replied reply replies responded respond responds answered".split())
_MAX_REPLY_WORDS = 6  # "who replied to that one of his"


def _rumor_begun(text: str, last: Entry, knowledge: Knowledge) -> Entry | None:
    """Return the one rumor linked to the last answer when a provenance question asks where
    something began ("who started that", "where did it come from") and the last answer, no
    rumor itself, only speaks of one: a verdict or an overview starts nothing; the rumor does."""
    said = words(text)
    told = not _TOLD.isdisjoint(said) and last.status is Status.OPINION
    if (_BEGUN.isdisjoint(said) and not told) or last.status is Status.RUMOR:
        return None
    if not any(_STATUS_WORDS.get(w) is Status.RUMOR for w in words(last.answer)):
        return None
    # "who said that" after a verdict on a rumor it points at: the rumor's teller, not the
    # judge; after a fact ("the rumor starts from this budget") or a denial, who said it.
    pointed = last.related if _BEGUN.isdisjoint(said) else (*last.related, *last.conflicts_with)
    linked = dict.fromkeys(pointed)
    rumors = [knowledge.by_id[i] for i in linked if knowledge.by_id[i].status is Status.RUMOR]
    return rumors[0] if len(rumors) == 1 else None


# Verbs of beginning: "who STARTED that", "where did it COME from", "where did it ORIGINATE".
_BEGUN = frozenset(
    "start started starts begin began begun come came comes origin originate originated".split()
)


# Verbs of telling: "who SAID that" after a verdict on a rumor asks who told the rumor.
_TOLD = frozenset("say said says claim claimed claims".split())


def _sure(entry: Entry) -> Decision:
    return Decision(Match(entry, 1.0), 1.0)


def _linked(entry: Entry, last: Entry) -> bool:
    """Return whether an entry is the last answer's or one it points at, or that points at it."""
    near = (last.id, *last.related, *last.conflicts_with)
    return entry.id in near or last.id in (*entry.related, *entry.conflicts_with)


def _names_anew(fresh: set[str], entry: Entry) -> bool:
    """Return whether an entry holds all a question names that the last answer does not
    (``fresh``, from `_unsaid`): "what did he reckon about the roads" after where he placed the
    video, his claim on the roads."""
    return bool(fresh) and fresh <= _stems(" ".join((*entry.questions, entry.answer)))


def _titles_anew(fresh: set[str], entry: Entry) -> bool:
    """Return whether an entry's title holds all a question names that the last answer does not."""
    return bool(fresh) and fresh <= _stems(entry.title)


def _unsaid(text: str, last: Entry) -> set[str]:
    """Return the stems of a question's own words that the last answer and its title lack."""
    own = _stems(topical(text)) - _FUNCTION_STEMS
    return own - _stems(f"{last.title} {last.answer}")


def _shares_neighbour(entry: Entry, last: Entry) -> bool:
    """Return whether an entry points at an entry the last answer points at too."""
    near = {*last.related, *last.conflicts_with}
    return not near.isdisjoint((*entry.related, *entry.conflicts_with))


def _shares_tag(entry: Entry, last: Entry) -> bool:
    """Return whether an entry is filed under a topic the last answer is filed under too."""
    return not set(entry.tags).isdisjoint(last.tags)


def _claimant(entry: Entry) -> str:
    """Return who made an entry's claim, without how it reached us ("HERR26")."""
    return claimant_of(entry.claimed_by)


def _rank(entry: Entry, last: Entry) -> int:
    """Return how close an entry is to the last answer: 2 for it, 1 for one it is linked to."""
    return 2 if entry.id == last.id else 1 if _linked(entry, last) else 0


def _names_claimant(entry: Entry, knowledge: Knowledge) -> bool:
    """Return whether an entry names who made its claim ("HERR26", not "an unnamed reader")."""
    head = _claimant(entry).split()
    if head and head[0][:1].isupper() and head[0].lower() not in UNNAMED:
        return True
    authors = (knowledge.sources[s].author for s in entry.sources)
    return any(a and a.split()[0].lower() not in UNNAMED for a in authors)


def _on_show(text: str, last: Entry) -> bool:
    """Return whether a question asks what was on a show: "on the podcast", or "on it" right
    after an answer about one."""
    if _ON_SHOW.search(text[:200]) is not None:
        return True
    return _ON_IT.search(text[:200]) is not None and not _SHOWS.isdisjoint(words(last.title))


def _off_show(entry: Entry, last: Entry) -> bool:
    """Return whether an entry found for a question on a show tells of no show, or is the last
    answer about the show again."""
    return entry.id == last.id or _SHOWS.isdisjoint(_stems(entry.answer))


def _not_on_show(entry: Entry) -> str:
    return f"The sources do not say what was on the podcast beyond '{entry.title}'."


# A show things are said on: "on the PODCAST", "on the BIMMERCAST", "on an EPISODE".
_SHOWS = frozenset("podcast podcasts bimmercast bimmercasts show episode episodes".split())
_ON_SHOW = re.compile(
    r"\bon (?:the |a |an |their |that )?(?:podcast|bimmercast|show|episode)s?\b", re.I
)
_ON_IT = re.compile(r"\bon (?:it|there)\b", re.I)


def _undefined(thing: str, entry: Entry, last: Entry) -> bool:
    """Return whether a thing a question asks what or who it is is a name the last answer uses
    ("Gabe", "ZHP") and the entry found, the last answer or one linked to it, neither says
    what it is nor is an entry asking so."""
    used = re.search(rf"\b{re.escape(thing)}\b", last.answer, re.I)
    if used is None or not used.group(0)[:1].isupper() or not _linked(entry, last):
        return False
    return not _defining(entry, thing)


def _holding(matcher: Matcher, knowledge: Knowledge, word: str) -> Iterator[Entry]:
    """Return, in file order, the entries that could say what a word is: those the index has
    holding it, and those whose answer has it in a phrase the index reads whole ("follow-up
    post"); only they are built, not every entry."""
    written = (i for i, answer in enumerate(knowledge.rows.texts(2)) if word in answer.lower())
    return map(knowledge.entries.__getitem__, sorted({*matcher.holders(word), *written}))


def _defining(entry: Entry, thing: str) -> bool:
    """Return whether an entry says what or who a thing is, or is filed as saying so."""
    return defines(entry.answer, thing) or any(defined(q) == thing for q in entry.questions)


def _not_defined(entry: Entry, thing: str) -> str:
    return f"The sources of '{entry.title}' do not say what or who {thing} is."


def _no_link(entry: Entry, knowledge: Knowledge) -> str:
    cited = "; ".join(knowledge.sources[s].citation() for s in entry.sources)
    return f"I have no link for '{entry.title}'. Its sources: {cited}."


def _no_market(place: str) -> str:
    """Return the notice for a place the sources name only as an office's seat."""
    named = place.upper() if len(place) <= 3 else place.capitalize()  # "uk", "germany"
    return f"My sources name {named} only as where an office is, not what it gets."


def _not_placed(entry: Entry, where: str) -> str:
    return f"The sources of '{entry.title}' do not say where {where} is."


def _not_told_who(entry: Entry, deed: str) -> str:
    return f"The sources of '{entry.title}' do not say who {deed} it."


def _unnamed(entry: Entry) -> str:
    return f"The sources of '{entry.title}' give no name; the claim is by {entry.claimed_by}."


def _no_name(entry: Entry, thing: str) -> str:
    return f"The sources of '{entry.title}' name no {thing}."


def _no_given_name(entry: Entry) -> str:
    return f"The sources of '{entry.title}' give no first name."


def _lacks(entry: Entry, want: Wanted) -> str:
    return f"The sources of '{entry.title}' give no {want}."


_HAPPENED = frozenset("did has have".split())
_EXPECTING = frozenset("thought expected hoped imagined predicted guessed feeling".split())
_OWN_MIND = _SAYING | _EXPECTING | frozenset("mean meant expect hope imagine guess".split())


def _asks_if_it_came(text: str, last: Entry) -> bool:
    """Return whether a yes/no question asks if what the last claim only expected came to pass
    ("did they race" after a reader thought there would be a race), not what was expected."""
    said = kernel(text)
    if not said or said[0] not in _HAPPENED or not _OWN_MIND.isdisjoint(said):
        return False
    return not _EXPECTING.isdisjoint(words(last.answer))


_TALKED_OF = frozenset("talk talked discuss discussed learn learned learnt".split())
_TALKS = frozenset("conversation conversations meeting talks".split())
_TALKED = frozenset("say said tell told talk talked learn learned learnt discuss discussed".split())


def _asks_what_was_said_in(text: str, entry: Entry) -> bool:
    """Return whether a question asks what "exactly" was said, or what was talked of or
    learned, in a talk a claim only mentions ("going by a conversation with BMWNA")."""
    said = set(kernel(text))
    return (
        ("exactly" in said or not _TALKED_OF.isdisjoint(said))
        and not WHATS.isdisjoint(said)
        and not _TALKED.isdisjoint(said)
        and not _TALKS.isdisjoint(words(entry.answer))
    )


def _talk_untold(entry: Entry) -> str:
    """Return the notice that the sources mention a talk but not what was said in it."""
    return f"The sources only mention that talk, in '{entry.title}', not what was said in it."


def _only_expected(entry: Entry) -> str:
    """Return the notice that the sources give only an expectation, not its outcome."""
    return f"The sources give only what was expected, in '{entry.title}', not whether it happened."


def _beyond_notice(entry: Entry) -> str:
    return f"All I know on that is in '{entry.title}'."


def _renamed(matcher: Matcher, title: str, about: str) -> str | None:
    """Return the last question's title without the names in it when X is a name too ("how
    many 1Ms are coming to America" -> "what about the mini": how many are coming to America),
    or None when X or the title names nothing."""
    if not any(matcher.naming(about)):
        return None
    said = words(title)
    kept = [w for w, named in zip(said, matcher.naming(title), strict=True) if not named]
    return " ".join(kept) if len(kept) < len(said) else None


def _retitled(matcher: Matcher, title: str, about: str) -> str:
    """Return the last question's title without its topic, which ``about`` replaces ("how many
    are coming to AMERICA" -> "what about australia" asks how many are coming to Australia).

    The topic is the title's most telling word with its telling neighbours ("Dr. Segler").
    """
    weighed = matcher.rarity(title)
    named = set(words(about)) - STOPWORDS  # "the us" names the US, not "the"
    if not weighed or not named.isdisjoint(w for w, _ in weighed):
        return title
    top = max(range(len(weighed)), key=lambda i: weighed[i][1])
    bar = _NAME_RUN * weighed[top][1]
    start, end = top, top + 1
    while start > 0 and weighed[start - 1][1] >= bar:
        start -= 1
    while end < len(weighed) and weighed[end][1] >= bar:
        end += 1
    return " ".join(w for w, _ in weighed[:start] + weighed[end:])


# "what about asia in general" after "how is it selling in japan": X itself, not the question
_WIDENED = re.compile(r"\b(?:in general|generally|overall|as a whole)\b", re.I)
_MAX_RESTATED_WORDS = 10  # "how many 1ms are going to germany": a plain question


def restated(
    matcher: Matcher, text: str, declined: str, *, answered_before: bool = False
) -> str | None:
    """Return the declined last question asked of X when a message asks it of X ("what about
    australia" after "how many are going to germany", declined for want of any word on
    Germany: "how many are going to australia"), or None.

    X takes the place of the one run of words no entry holds, which is why it was declined;
    a declined question that leaned on an answer itself ("and canada?") is not restated. A bare
    fragment ("torque?" after "how much hp does it have") is X too, but only in place of such
    a run: it is no "what about" to swap for a known word. With an answer before the declined
    question, a run after a known word that is no stopword ("what engine replaces the n54": a
    deed after its doer) is not swapped either: X is asked of that answer instead."""
    other = other_of(text)
    fragment = _fragment(text) if other is None else None
    other = other or fragment
    if other is None or _leaned(declined) or _WIDENED.search(text):
        return None
    if answered_before and _SAME_CLAIMANT.search(text[:200]):
        return None  # "what about X from the same guy": X asked of the answer's claimant
    weighed = matcher.rarity(declined[:200])
    if len(weighed) > _MAX_RESTATED_WORDS:
        return None  # a story: what it was declined for is no single word to swap
    unknown = [
        i
        for i, (word, weight) in enumerate(weighed)
        if weight == 0 and word not in STOPWORDS and not word.isdigit()
    ]
    said = [word for word, _ in weighed]
    if not unknown:
        return None if fragment else _swapped_most(matcher, weighed, _placed_as(text, other))
    if unknown[-1] - unknown[0] != len(unknown) - 1:
        return None
    if answered_before and unknown[0] > 0 and said[unknown[0] - 1] not in STOPWORDS:
        # "what engine replaces the n54": a deed after its doer is no place to swap, and the
        # answer before the declined question is what X is asked of
        return None
    return " ".join([*said[: unknown[0]], *words(other), *said[unknown[-1] + 1 :]])


_FRAGMENT = re.compile(r"^\s*([a-z0-9][\w'-]*(?:\s+[a-z0-9][\w'-]*)?)\s*\?+\s*$", re.I)


def _fragment(text: str) -> str | None:
    """Return a bare fragment of one or two words asked on its own ("torque?"), or None."""
    found = _FRAGMENT.match(text[:200])
    return None if found is None else found.group(1)


def _swapped_most(matcher: Matcher, weighed: list[tuple[str, float]], other: str) -> str | None:
    """Return a declined question whose every word some entry holds asked of X instead of the
    word whose swap for X is answered best ("how many are going to the uk", declined though
    the UK's video is known, then "what about the us": "how many are going to the us"), or
    None when no swap is answered."""
    said = [word for word, _ in weighed]
    named = words(other)
    if len(named) > 1 and named[0] in _PLACING:
        placed = _placed(said, named)
        if placed is not None:
            return placed
        named = named[1:]
    best: tuple[float, str] | None = None
    for i, (_, weight) in enumerate(weighed):
        if weight == 0:
            continue
        again = " ".join([*said[:i], *named, *said[i + 1 :]])
        found = decide(matcher.read(again), matcher.threshold)
        if found.answer is not None and (best is None or found.confidence > best[0]):
            best = (found.confidence, again)
    return None if best is None else best[1]


# "ok what about IN australia": X with its preposition stands for that preposition's run.
_PLACING = frozenset("in for to from at".split())


def _placed_as(text: str, other: str) -> str:
    """Return X with the preposition the message puts before it ("and in australia": "in
    australia"), or X as it is."""
    said, named = words(text[:200]), words(other)
    for i in range(1, len(said) - len(named) + 1):
        if said[i : i + len(named)] == named and said[i - 1] in _PLACING:
            return " ".join([said[i - 1], *named])
    return other


def _placed(said: list[str], named: list[str]) -> str | None:
    """Return a declined question asked of X opening with a preposition in place of the last
    run after that preposition ("whats the msrp in the states", then "what about in
    australia": "whats the msrp in australia"), or None when the question has no such run."""
    if named[0] not in said:
        return None
    at = len(said) - 1 - said[::-1].index(named[0])
    end = next((j for j in range(at + 1, len(said)) if said[j] in _PLACING), len(said))
    return " ".join([*said[:at], *named, *said[end:]])


def pointed_past(matcher: Matcher, text: str, declined: str) -> Decision | None:
    """Return the answer a short question pointing back earns read with the declined question
    before it, when no answer came since ("who filmed the 1m video", declined, then "what car
    were they in": they are who filmed it), or None."""
    leaning = follow_up(text)
    if leaning is None or leaning[0] is not FollowUp.POINTING:
        return None
    if _leaned(declined):
        return None
    decision = decide(matcher.read(f"{text} {declined}", _LEADERS), matcher.threshold)
    return decision if decision.answer is not None else None


def _leaned(declined: str) -> bool:
    """Return whether a declined question leaned on an answer itself ("and canada?")."""
    return follow_up(declined) is not None or and_x(declined) is not None


# "i HEARD theyre doubling it?", "APPARENTLY they're doubling it": a claim the user passes on.
_PASSED_ON = frozenset("heard hear apparently supposedly".split())


def heard_of(matcher: Matcher, text: str, asked: str, last: Entry) -> str | None:
    """Return the entry the user's last message gets on its own when a message asks where
    "that" comes from, and that message passed a claim on or its entry is linked to the last
    answer ("i heard theyre doubling it?", answered as a follow-up by the molds' run the
    doubling starts from, then "who said that": the doubling rumor), or None."""
    leaning = follow_up(text)
    if leaning is None or leaning[0] is not FollowUp.PROVENANCE:
        return None
    alone = decide(matcher.read(asked[:200]), matcher.threshold)
    if alone.answer is None:
        return None
    passed_on = not _PASSED_ON.isdisjoint(words(asked[:200]))
    return alone.answer.entry_id if passed_on or _rank(alone.answer.entry, last) == 1 else None
