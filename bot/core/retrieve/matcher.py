"""Rank knowledge entries for a question: weighted word coverage plus phrasing similarity."""

from __future__ import annotations

import bisect
import itertools
import math
import re
import string
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping, Sequence
from operator import attrgetter
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from ..decide.decision import DEFAULT_THRESHOLD, NEAR_TIE
from ..knowledge.models import Entries, Knowledge, claimant_of
from ..knowledge.packed import release
from ..normalise.places import Kind, named
from ..normalise.question import (
    ABOUT_A_CLAIM,
    ADVISORS,
    BUSINESSES,
    CONTEXT_KNOWN,
    CONTEXT_UNKNOWN,
    HOLDERS,
    REACHED,
    SPOT,
    WRITINGS,
    Part,
    addressed,
    afterwards,
    arbitrates,
    arithmetic,
    asks_who,
    bare_price,
    believed,
    bound,
    business,
    business_count,
    business_kind,
    byline,
    causing,
    checked_claims,
    checked_figures,
    classed,
    compared_amount,
    compared_standard,
    counted,
    dateline,
    described_writer,
    doubled_count,
    earlier_post,
    exchange_said,
    filmed_where,
    focus,
    guessed,
    hearsay,
    identified,
    lent_story,
    listed,
    may_say_on_show,
    month_count,
    open_alternative,
    other_info,
    other_side,
    outcome_count,
    own_car,
    paint_offered,
    parts,
    points_back,
    present_post,
    present_value,
    rate_named,
    relayer,
    reported_figures,
    restated_kinds,
    said,
    said_on_show,
    share_of,
    teller,
    titled,
    told_last,
    unsaid,
    wants,
    which_writing,
    wondered,
    would_win,
    yes_no,
)
from ..normalise.slang import plain
from ..normalise.spelling import Names, Spelling, name_pairs
from ..normalise.text import (
    MONTHS,
    STOPWORDS,
    WEEKDAYS,
    Synonyms,
    analyse,
    analyse_many,
    content,
    english_zipf,
    is_year,
    stem,
    words,
)
from ..score.ranking import Match, Ranking

_ANSWER_WEIGHT = 0.5  # a word found only in an entry's answer counts half
_COVERAGE_SHARE = 0.75  # the rest of the score is the best phrasing's similarity
_RERANK = 12  # how many coverage leaders get the (slower) phrasing comparison
_MAX_CACHED = 65536  # question words remembered with their spelling fix and stem
# Messages whose reading (_query) is remembered: a follow-up is read whole, for its words no
# entry holds and for its topic, and the message before it may be read again; short follow-ups
# ("source?", "who said that") come back after other answers. When full, the readings are
# forgotten at once (one step, as two threads may ask of one matcher).
_QUERIES_KEPT = 64
# A question made only of words most entries share ("is that true?", "1M source?") is too vague
# to answer: its scores are scaled down so that it gets suggestions instead of a guess.
_DISTINCTIVE_SHARE = 0.5
_VAGUE_FACTOR = 0.5
_LEAST_KNOWN = 0.36  # a question whose known words weigh less than this share of the
# heaviest possible word is too vague
# The asking sentences of a message with a story around them are held to more: one word such as
# "whats their REASON" or "is that REAL" takes its topic from the story, and cannot vouch alone.
_LEAST_ASKED = 0.42
# An unknown word this heavy in a question with no topic of its own asks a detail ("which
# EPISODE was that", "whats the TORQUE figure"): the story's topic cannot be lent to it (a
# share of the heaviest possible word's weight).
_LENT_UNKNOWN = 0.4
_PREFIX = 5  # unknown stems match known ones of the same family sharing this many letters
_OWN_WORD_ZIPF = 4.0  # an English word this common is its own word, not a family's relative
_SUFFIXES = frozenset("or er ion ibl abl al ic iv iti ment ist ism ship ness ful ous".split())
_UNKNOWN_DF = 0.5  # an unknown word weighs like one found in half an entry: rarer than any
_COMMON_ZIPF, _ZIPF_SPAN, _MIN_INFORMATIVE = 7.0, 2.5, 0.25
# In a large file, leaders are sought first among the entries scoring at least half the best:
# the answer is the same, but most questions never list every entry that scored.
_SCAN_ALL, _NEAR_BEST = 20_000, 0.5
_STEPS_MOST = 16  # leaders found by stepping down the distinct values (see _kth_highest)
# What a question asks about ("how OLD is segler", "which CITY") must be in the entry: an entry
# that only shares the question's other words answers a different question.
_FOCUS_MISSED = 0.5
_ASKER = frozenset("i im ive id we me".split())
# The US states: the sources give the US figures for the whole country and one dealer's in
# Arizona, so a state no answer names, asked about ("how many does a dealer in TEXAS get"), is a
# topic they never cover.
_STATES = named(Kind.STATE)
# Words that ask nothing of a name: "how MANY", "who BROUGHT UP the zhp", "the zhp STORY", and
# the words that only restate "who" ("was it a bmw PERSON", "which GUY").
_WHO_WORDS = ("person", "persons", "people", "guy", "guys", "dude", "somebody")
# "What HAPPENED with the gp", "what's GOING on with it": the name's story in general, not
# something said of it that the entry must hold.
_IN_GENERAL = ("happen", "happened", "happens", "happening", "going")
# "what YEAR did the zhp end", "what COUNTRY is motoring from": words that only restate "when"
# or "where", which the answer's date or country gives.
_WHEN_OR_WHERE = ("year", "date", "country", "countries", "nation")
_NOT_TOLD = frozenset(
    stem(w)
    for w in (
        "many",
        "much",
        *ABOUT_A_CLAIM,
        *_WHO_WORDS,
        *_IN_GENERAL,
        *_WHEN_OR_WHERE,
        *REACHED,  # "how many gps got SENT to the us": the count's cars, no deed of the us
    )
)
_WRITTEN_STEMS = frozenset(stem(w) for w in WRITINGS)
# Words that weigh whether a claim holds ("is that REAL", "was he LYING", "is it LEGIT") ask
# about the story's claim: they give an asking sentence no topic of its own.
_VERDICT_WORDS = "true real wrong right legit confirm believe normal typical usual".split()
# Words that ask what the story's claim means ("can someone EXPLAIN what they MEANT"): they weigh
# it as the words above do, and name no topic of their own, so they weigh half.
_EXPLAIN_WORDS = "mean meant explain explained".split()
# Words that ask who put the story's quote in writing ("... who WROTE that"): they weigh it as
# the words above do.
_WRITING_WORDS = "write writes wrote posted typed".split()
# Words that ask where a claim came from ("who said it ORIGINALLY") in a message with a story
# count as story: the story's saying is the topic, not an entry about an original post.
_PROVENANCE_WORDS = "origin original originally".split()
_SUMMARY = re.compile(r"\bsummary\b", re.IGNORECASE)  # a claimant summing the sources up
_NAME_SHARE = 0.1  # a name weighing less of the question than this is an aside
_MAX_EITHER_CHARS = 300  # "X or Y" is read in a question's first characters only
_MOST_SHARE = 0.7  # a name this many entries hold ("1m") is missing only from another's entry
_GENERIC_SHARE = 0.3  # a focus word this many entries hold ("1m", "car") is no test
# A synonym group whose one-word name no entry holds and which is no common English word
# ("horsepower", "topspeed", "firstname") names a topic the sources never cover: a question
# asking about it is not answered by an entry that shares its other words.
_UNCOVERED_ZIPF = 3.0
_STORY_SHARE = 1.0  # the story around a question weighs at most this much of the question
_VAGUE_STORY_SHARE = 2.0  # and twice as much when the question alone is too vague to go on
_MODEL_CODE = re.compile(r"[a-z]+\d+[a-z\d]*|\d{2,}[id]")  # "c63", "rs3", "gr86", "335i"
# Below this, the best entry for a whole message is more often wrong than right: a message's
# scores are read so that this is the threshold (see _told).
_LIFT_FROM = 0.4
_LONG = 20
# The whole message's best entry, when its asking sentences alone rank it first too, is as sure
# as they make it from this score (see read): their agreement vouches a little below _LIFT_FROM.
_AGREE_FROM = 0.35
# Asking sentences this sure alone vouch for the whole message's best entry from a lower
# score: a long story only dilutes it ("... poster of an e30 m3 on the wall ... is it really
# gonna sell out that fast"). At 0.9, as many near questions were answered as were fixed.
_SURE_ALONE = 0.95
_AGREE_SURE_FROM = 0.2
_AFTERWARDS = "afterwardsoutcome"  # a coined term: what happened after the sources, held by none
_DIFFERENCE = "differencesize"  # a coined term: how much two things differ, held by none
_CONTEST = "contestresult"  # a coined term: who would win a contest, held by none
_SHOWN = "showcontent"  # a coined term: what was said on a show, held by none
# "how many did they END UP with IN TOTAL": the words asking for a final count, no topic of it.
_OUTCOME_WORDS = ("many", "end", "ended", "total", "ultimately", "eventually", "altogether")
# Round 91: "how many were SOLD in the end", "how many did it GET": the count's own verb, no
# topic of it either; with none left but the car counted, the count is the whole run's.
_COUNT_VERBS = ("sold", "sell", "get", "got", "receive", "received", "built", "build", "made")
# "whats a 1m WORTH today": the words an entry giving a value holds (a used price, MSRP);
# "worth" is left out, since entries hold it of other things ("is it worth waiting").
_VALUE_WORDS = ("value", "price", "msrp", "residual")
_SCOPE_WORDS = ("worldwide",)  # a market no entry writes capitalised ("globally", "worldwide")
_BYLINE = "bylinewriter"  # a coined term: who wrote an article, held by none
_DATELINE = "datelinedate"  # a coined term: when an article came out, held by none
_OWN_CAR = "owncarmodel"  # a coined term: the car someone drives or owns, held by none
_MONTH_COUNT = "monthcount"  # a coined term: a count for one calendar month, held by none
_DOUBLED_SHARE = "doubledshare"  # a coined term: a share of a run not yet doubled, held by none
_UNSAID = "unsaidwords"  # a coined term: what someone was going to say, held by none
_EXCHANGE = "exchangesaid"  # a coined term: what was said in a conversation, held by none
_OTHER_INFO = "otherinfo"  # a coined term: what someone's different information was, held by none
_PRESENT_POST = "presentpost"  # a coined term: where someone works now, held by none
_EARLIER_POST = "earlierpost"  # a coined term: someone's career before, held by none
_BUSINESS_COUNT = "businesscount"  # a coined term: how many dealers there are, held by none
_PAINT_OFFERED = "paintoffered"  # a coined term: the colours a car is offered in, held by none
_COLOUR_WORD = re.compile(r"\b(?:colou?rs?|paints?)\b", re.IGNORECASE)  # an answer's colours
_VOWELS = frozenset("aeiouy")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# A year this much later than the last the answers name is past every forecast they make (the
# blog's "4-5 years" for values to settle): "should i pay over msrp in 2030".
_HORIZON = 5
_COINED = frozenset(
    (
        _AFTERWARDS,
        _DIFFERENCE,
        _CONTEST,
        _SHOWN,
        _BYLINE,
        _DATELINE,
        _OWN_CAR,
        _MONTH_COUNT,
        _DOUBLED_SHARE,
        _UNSAID,
        _EXCHANGE,
        _OTHER_INFO,
        _PRESENT_POST,
        _EARLIER_POST,
        _BUSINESS_COUNT,
        _PAINT_OFFERED,
    )
)
# The words that name a show ("podcast", and what the knowledge reads as one: "bimmercast").
_SHOW_WORDS = ("podcast", "episode", "show", "stream")
_SPOT_SHARE = 0.5  # of its own weight, the spot a where-filmed question asks for
_PHRASE = 4  # the longest synonym phrase a focus word is read as the start of
_DEED_CHECKS = 64  # a who-question's deed is checked phrasing by phrasing in this many entries
_EXACT_FROM = 0.3  # below this score no entry can be the answer, so ranks need not be exact
_ROUNDED = 2e-4  # more than a score's rounding (4 places) can close
_RESCUE = 500  # at most this many more entries are scored in full when their coverage allows
_MONTHS = frozenset(stem(m) for m in MONTHS | {"spring", "summer", "autumn", "fall", "winter"})


# What answers "what day": a day named, or one counted from another ("the day before").
_DAYS = frozenset(stem(w) for w in WEEKDAYS | {"yesterday", "today", "tomorrow"})
_DAY = re.compile(r"[Tt](?<!\w[Tt])(?i:he day (?:before|after))\b")
r"""``\bthe day (?:before|after)\b``, case-blind: the same matches, but its first letter is read
before what stands before it is checked (case-blind, "t" is only "t" or "T"), so the regex
engine skips to the letter instead of trying the whole pattern at every position."""


_TIMES = frozenset(
    stem(w)
    for w in "week weeks month months year years day days yesterday today tomorrow hour minute "
    "ago soon later earlier quickly fast instantly immediately overnight".split()
)


# "2,500 cars", "100 units": words that count any model, so that "how many 1ms" is answered
# by an entry counting cars and "how many cars" by one counting 1Ms.
_COUNT_NOUNS = frozenset(stem(w) for w in "car cars unit units example examples".split())
# "2 PER dealer": a rate's divisor; "600 WAS the number": nothing counted
_NOT_COUNTED_STEMS = frozenset(stem(w) for w in STOPWORDS) | STOPWORDS | {"per", "everi"}
# "allocations were 2 PER dealer": a rate that leaves out what it counts counts the cars the
# answer is about, for a question asking a rate ("how many zhps PER dealer"), not a total ("how
# many zhps were built"); such answers are held under _RATE, a word no question counts.
_RATE_WORDS = frozenset({"per", "everi"})
_RATE = "per"


# A figure and the word after it: "600-car", "2,500 cars", "four years", "4 to 5 years"; a
# figure ends on a digit ("in 2003, allocations were 2 per dealer": the year, then the rate).
_COUNTED = re.compile(
    r"(?<![\w:$.,])(\d(?:[\d,.]*\d)?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|twenty|thirty|forty|fifty|hundred|thousand)"
    r"(?:\s*(?:-|to|and|or)\s*\d[\d,.]*)?[\s-]+([a-z\d]+(?:[\s-]+[a-z\d]+){0,2})",
    re.IGNORECASE,
)
# The same without IGNORECASE, for ASCII text in lower case: there it finds the same matches
# (in lower case), about twice as fast. Beyond ASCII the case rules differ from lowering (with
# IGNORECASE "s" matches "\u017f" and "k" the Kelvin sign), so other text keeps the pattern.
_COUNTED_LOWER = re.compile(_COUNTED.pattern)


# An engine's layout and its count of cylinders: "a V8 Benz", "a W12".
_ENGINE = re.compile(r"[VW](?<!\w[VW])(?:6|8|10|12|16)\b")  # ``\b[VW]...``: see _DAY
_CYLINDER = stem("cylinder")


def _counts(answer: str, synonyms: Synonyms, seen: dict[str, str | None]) -> list[str]:
    """Return the terms an answer counts: the word after each figure ("600 CARS", "2 1MS each",
    "414 MINI JCW GPS" as one name, "4 to 5 YEARS"), not a year's ("in 2011 BMW") nor a rate's
    divisor ("2 per DEALER"), and the cylinders of an engine ("a V8"); ``seen`` remembers the
    words after figures already read."""
    found: list[str] = [_CYLINDER] if _ENGINE.search(answer) else []
    if answer.isascii():
        counted = _COUNTED_LOWER.findall(answer.lower())  # (see _COUNTED_LOWER)
    else:
        counted = _COUNTED.findall(answer)
    for figure, after in counted:
        if len(figure) == 4 and figure[:2] in ("19", "20"):
            continue
        key = after.lower()
        if key not in seen:
            stems = synonyms.apply([stem(w) for w in re.split(r"[\s-]+", key)])
            if stems[0] in _RATE_WORDS:
                seen[key] = _RATE
            else:
                seen[key] = stems[0] if stems[0] not in _NOT_COUNTED_STEMS else None
        term = seen[key]
        if term is not None:
            found.append(term)
    return found


_MONEY = re.compile(
    r"[$\u20ac\u00a3\d](?:(?<=[$\u20ac\u00a3])\s?\d"
    r"|(?<=\d)\s?(?:k\s)?(?:dollars?|euros?|pounds|usd|eur|gbp|aud|bucks)\b)",
    re.IGNORECASE,
)
r"""``[$\u20ac\u00a3]\s?\d|\d\s?(?:k\s)?(?:dollars?|...)\b``: the same matches, its two branches
behind one first character, which the regex engine skips to (see ``_DAY``)."""


_PERCENT = re.compile(r"\d\s?%|\d\s?per\s?cent", re.IGNORECASE)  # "100%", "15 percent"


def answer_kinds(answer: Sequence[str], text: str = "") -> list[str]:
    """Return the kinds of answer a text gives: a number, a date (a year or a month), a time (a
    date, a span such as "two weeks before", or a moment such as "yesterday" or "1:50"), money
    (a figure in a currency: "$45,000", "60k euros"; ``text`` is the answer as written), a day
    ("yesterday", "the day before", "on Monday")."""
    found = ["money"] if _MONEY.search(text) else []
    if _PERCENT.search(text):
        found.append("percent")
    if _DAY.search(text) or not _DAYS.isdisjoint(answer):
        found.append("day")
    # "1m" is a name, not a number; "a V8" gives one (eight cylinders).
    if any(t.replace(":", "").isdigit() for t in answer) or _ENGINE.search(text):
        found.append("number")
    years = any(is_year(t) for t in answer)
    if years:
        found.append("year")
    months = any(t in _MONTHS for t in answer)
    if months:
        found.append("month")
    if years or months:
        found += ["date", "time"]
    elif any(t in _TIMES or (":" in t and t.replace(":", "").isdigit()) for t in answer):
        found.append("time")
    return found


# What each of _MONEY, _PERCENT, _DAY and _ENGINE cannot match without, in ASCII text lowered.
_KIND_NEEDS = (
    ("$", "dollar", "eur", "pounds", "usd", "gbp", "aud", "bucks"),
    ("%", "per"),
    ("the day ",),
    ("v6", "v8", "v1", "w6", "w8", "w1"),
)
_KINDS = ("number", "date", "year", "month", "time", "money", "day", "percent")


def _kinds_held(answers: Sequence[Sequence[str]], texts: Sequence[str]) -> dict[str, list[int]]:
    """Return, for each kind of answer (see ``answer_kinds``), the answers that give it, as
    ``answer_kinds`` of each would: each distinct term is judged once, then each answer's
    terms are looked up in the sets of the terms that give a number, a year or a time."""
    held: dict[str, list[int]] = {kind: [] for kind in _KINDS}
    distinct: set[str] = set().union(*answers)
    numbers = {t for t in distinct if t.replace(":", "").isdigit()}
    years = {t for t in numbers if is_year(t)}
    times = {t for t in numbers if ":" in t} | (_TIMES & distinct)
    money, percent, days, number = held["money"], held["percent"], held["day"], held["number"]
    year, month, date, timed = held["year"], held["month"], held["date"], held["time"]
    # Each pattern searches only the answers holding what it needs (and every non-ASCII one).
    other = {index for index, text in enumerate(texts) if not text.isascii()}
    money_in, percent_in, day_in, engine_in = (
        other | _holding(texts, needs, _LOWERED) for needs in _KIND_NEEDS
    )
    for index, (answer, text) in enumerate(zip(answers, texts, strict=True)):
        if index in money_in and _MONEY.search(text):
            money.append(index)
        if index in percent_in and _PERCENT.search(text):
            percent.append(index)
        if (index in day_in and _DAY.search(text)) or not _DAYS.isdisjoint(answer):
            days.append(index)
        if not numbers.isdisjoint(answer) or (index in engine_in and _ENGINE.search(text)):
            number.append(index)
        dated = False
        if not years.isdisjoint(answer):
            year.append(index)
            dated = True
        if not _MONTHS.isdisjoint(answer):
            month.append(index)
            dated = True
        if dated:
            date.append(index)
            timed.append(index)
        elif not times.isdisjoint(answer):
            timed.append(index)
    return held


def _name_terms(
    answers: Sequence[str], claimants: Sequence[str], synonyms: Synonyms
) -> frozenset[str]:
    """Return the terms that name someone or something in the knowledge's answers (and their
    claimants, entry by entry): words written capitalised ("Segler", "UK", "X1") and never in
    lower case ("Sales" in a title is also "sales"), so that the question's names must be in
    its entry."""
    tokens: set[str] = set()  # every word but a sentence's first ("According to ...")
    # The answer and the claimant, entry by entry, each text once (a claimant speaks in many
    # entries): the same words added in the same order, less the repeats.
    for text in dict.fromkeys(itertools.chain.from_iterable(zip(answers, claimants, strict=True))):
        split = text.split()
        tokens.update(  # "Dr. Segler": a short word before a full stop abbreviates
            w
            for before, w in itertools.pairwise(split)
            if before[-1] not in ".!?" or len(before) < 4
        )
    tokens = {token.strip(".,;:!?()\"'") for token in tokens}
    tokens = {token for token in tokens if not _PRONOUN_I.fullmatch(token)}  # "I'll say"
    lower = {token for token in tokens if token[:1].islower()}
    capital = {
        token
        for token in tokens
        if token[:1].isupper() or (token[:1].isdigit() and not token.isdigit())
    }

    def terms(written: set[str]) -> set[str]:
        # Word by word: joined in a set's order, adjacent words would form phrases that
        # change with the string hash seed. Each word's terms come without repeats, which
        # adds the same terms to the set in the same order.
        analysed, _ = analyse_many(list(written), synonyms)
        return {term for found in analysed for term in found}

    return frozenset(t for t in terms(capital) - terms(lower) if not t.isdigit())


def _written_words(answers: Iterable[str], claimants: Iterable[str]) -> dict[str, None]:
    """Return the words of the answers and claimants, stripped of the marks around them, each
    once, in the order first written (each text read once: a claimant speaks in many entries).
    """
    found: dict[str, None] = {}
    marks = itertools.repeat(".,;:!?()\"'")
    for text in dict.fromkeys(itertools.chain(answers, claimants)):
        # a text's words stripped in C, a few at a time (no generator resumed per word)
        found.update(dict.fromkeys(map(str.strip, text.split(), marks)))
    return found


def _handles(words: Iterable[str], handles: set[str], synonyms: Synonyms) -> frozenset[str]:
    """Return the handles that commenters go by, written only in lower case: a claimant of
    one word before a note in brackets ("goat (reader comment)", see ``_claimant_handles``)
    names its writer, so an entry saying what goat wrote names someone ("which commenter
    credited the torque"). ``words`` are the texts' words (see ``_written_words``).

    A handle also written with a capital anywhere ("bmwblog", the site BMWBlog) is left to
    the names rule, which judges every capitalised word. (The marks stripped are not letters:
    a word is in lower case, stripped or not, alike.)"""
    written = {word.lower() for word in words if not word.islower()}
    return _one_word_terms(handles - written, synonyms)


def _brands(words: Iterable[str], handles: set[str], synonyms: Synonyms) -> frozenset[str]:
    """Return the handles also written with capitals inside the word ("bmwblog", the site
    BMWBlog): the name of a site or brand, which the names rule misses (it is written in lower
    case too), but which answers "which OUTLET put the 600 out first"."""
    camel = {word.lower() for word in words if _CAMEL.fullmatch(word)}
    return _one_word_terms(handles & camel, synonyms)


def _claimant_handles(claimants: Iterable[str]) -> set[str]:
    """Return the claimants of one lower-case word before a note ("goat (reader comment)")."""
    return {found.group(1) for text in claimants if (found := _HANDLE.match(text)) is not None}


def _one_word_terms(handles: Iterable[str], synonyms: Synonyms) -> frozenset[str]:
    """Return the terms of the handles that read as one word, not a number."""
    terms = (content(analyse(handle, synonyms)) for handle in handles)
    return frozenset(t[0] for t in terms if len(t) == 1 and not t[0].isdigit())


_CAMEL = re.compile(r"(?=\w*[a-z])[A-Z]\w*[A-Z]\w*")  # "BMWBlog", "JRobUSC": capitals inside a word
_HANDLE = re.compile(r"([a-z][^\s(),]*) \(")  # lower case only: "goat (reader comment)"
# "I'll say who claimed it": the pronoun I, capitalised in every form, names no one.
_PRONOUN_I = re.compile(r"I(?:['\u2019](?:ll|m|ve|d))?")
_WRITTEN_WORD = re.compile(r"[\w'\u2019]+")
# Where business_kind may find a kind (and a few places where it does not), to skip the rest.
_BUSINESS = re.compile(rf"\b(?:{'|'.join(BUSINESSES)}|(?:{'|'.join(ADVISORS)})\b)", re.I)
_BUSINESS_LOWER = re.compile(_BUSINESS.pattern)  # for ASCII text lowered (see _COUNTED_LOWER)


def _holding(texts: Sequence[str], needles: Iterable[str], gaps: bytes) -> set[int]:
    """Return the positions of the ASCII texts that hold one of ``needles`` once read through
    ``gaps`` (lowered, and each character outside a word a space if ``_gaps`` made it) and put
    between spaces (so " ca " finds the word "ca" whole): all the texts joined by spaces and
    read at once, by ``str.find``. A needle with a space inside may also find two texts' ends."""
    plain = [index for index, text in enumerate(texts) if text.isascii()]
    joined = " ".join([texts[index] for index in plain]).encode().translate(gaps).decode()
    joined = f" {joined} "
    starts = list(itertools.accumulate((len(texts[index]) + 1 for index in plain), initial=1))
    found: set[int] = set()
    for needle in needles:  # each opens on a space, or on what it finds
        lead = len(needle) - len(needle.lstrip(" "))  # (a space at most)
        # Found by its word alone (a search skips along by its last character), the space
        # after it then checked: a word is not found within a longer one.
        word = needle.rstrip(" ")
        after = len(word) if word != needle else 0
        at = joined.find(word)
        while at >= 0:
            if after and joined[at + after] != " ":  # (the joined texts end on a space)
                at = joined.find(word, at + 1)
                continue
            text = bisect.bisect_right(starts, at + lead) - 1
            found.add(plain[text])
            at = joined.find(word, starts[text + 1] - lead)  # on from the next text
    return found


def _gaps(marks: str) -> bytes:
    """Return the table that lowers ASCII text and makes a space of each character outside a
    word: a letter, a digit, "_" or one of ``marks``."""
    inside = frozenset(string.ascii_letters + string.digits + "_" + marks)
    return bytes(ord(chr(code).lower()) if chr(code) in inside else 32 for code in range(256))


_LOWERED = bytes(ord(chr(code).lower()) if code < 128 else code for code in range(256))
_WORD_GAPS = _gaps("")  # a word as the regex engine's \w reads ASCII text
_WRITTEN_GAPS = _gaps("'")  # a written word's ends in ASCII text (see _HOLDER_WORD)
# _BUSINESS_LOWER's matches: a business word opening a word, an advisor word whole.
_BUSINESS_NEEDLES = tuple(f" {word}" for word in BUSINESSES) + tuple(f" {w} " for w in ADVISORS)


def _named_businesses(answers: Sequence[str]) -> dict[str, tuple[int, ...]]:
    """Return, for each kind of business or advisor, the entries whose answer names one: a
    capitalised word before it ("the Scottsdale DEALERSHIP"), not an owner ("the CA's
    dealership", "Michael's CA") or a code ("US dealers", "BMW dealers"); an advisor's name may
    follow too ("the salesman Bob")."""
    found: dict[str, list[int]] = {}
    plain = _holding(answers, _BUSINESS_NEEDLES, _WORD_GAPS)  # _BUSINESS_LOWER's, read in C
    for index, answer in enumerate(answers):
        # (ASCII: see _COUNTED_LOWER)
        named = index in plain if answer.isascii() else _BUSINESS.search(answer) is not None
        said = _WRITTEN_WORD.findall(answer) if named else []
        for at, word in enumerate(said):
            kind = business_kind(word.lower())
            if kind is None:
                continue
            near = said[at - 1 : at] if at else []
            if kind == "advisor":
                near += said[at + 1 : at + 2]
            if any(_a_name(w) for w in near):
                found.setdefault(kind, []).append(index)
    return {kind: tuple(dict.fromkeys(held)) for kind, held in found.items()}


_CLAUSE_BREAK = re.compile(r"[.,;:!?()]")
_HOW_MANY = ("how", "many")
# A word naming who holds a title ("head", "guy": see titled), found whole in an answer lowered
# at once: no character outside a written word lowers to one inside it (a test checks each),
# so a word that lowers to one of them stands whole in the lowered answer too.
_HOLDER_WORD = re.compile(r"(?<![\w'\u2019])(?:" + "|".join(sorted(HOLDERS)) + r")(?![\w'\u2019])")
_HOLDER_NEEDLES = tuple(f" {word} " for word in sorted(HOLDERS))  # each found whole


def _titled_places(
    answers: Sequence[str], names: frozenset[str], synonyms: Synonyms
) -> dict[str, list[int]]:
    """Return, for each name written capitalised in the answers, the entries whose answer
    writes it only as the place of someone's title ("BMW M's head of sales and marketing for
    ASIA"): such an entry gives no count for that market."""
    seen: dict[str, dict[int, bool]] = {}  # name -> entry -> every use a title's
    read: dict[str, list[str]] = {}  # each capitalised word's terms, read once
    plain = _holding(answers, _HOLDER_NEEDLES, _WRITTEN_GAPS)  # _HOLDER_WORD's, read in C
    for index, answer in enumerate(answers):
        if not (index in plain if answer.isascii() else _HOLDER_WORD.search(answer.lower())):
            continue  # no word of it holds a title: no name in it is a title's place
        for clause in _CLAUSE_BREAK.split(answer):
            said = _WRITTEN_WORD.findall(clause)
            lowered = [w.lower() for w in said]
            for at, word in enumerate(said):
                if not word[:1].isupper():
                    continue
                terms = read.get(word)
                if terms is None:
                    terms = read[word] = [t for t in content(analyse(word, synonyms)) if t in names]
                for term in terms:
                    uses = seen.setdefault(term, {})
                    uses[index] = uses.get(index, True) and titled(lowered, at)
    return {
        term: [index for index, only in uses.items() if only]
        for term, uses in seen.items()
        if any(uses.values())
    }


def _spoke_of(asked: list[str]) -> bool:
    """Return whether a question asks what someone said about a topic it names."""
    found = said(tuple(asked))
    return found is not None and bool(found[1])


def _a_name(word: str) -> bool:
    """Return whether a written word is a name: capitalised, not a code ("US") nor an owner."""
    return word[:1].isupper() and not word.isupper() and not word.endswith(("'s", "\u2019s"))


def _speakers(
    claimants: Iterable[str], synonyms: Synonyms, names: frozenset[str]
) -> frozenset[str]:
    """Return the names of those who speak in the knowledge: the names, a claimant's name
    of several words that a synonym reads as one ("The New York Times" is "nyt"), and a
    claimant named by one word, however it is written ("bmwblog (reader comment)": a
    username in lower case, which the answers also use as a plain word)."""
    found = set(names)
    for text in dict.fromkeys(claimants):  # a claimant speaks in many entries
        for run in _CAPITALISED_RUN.findall(text):
            terms = content(analyse(run, synonyms))
            if len(terms) == 1 and len(words(run)) > 1:
                found.update(terms)
        head = _CLAIMANT_HEAD.match(text)
        if head is not None:
            found.update(content(analyse(head.group(1), synonyms)))
    return frozenset(found)


# A person who made a claim: "Dr. Segler (former head ...)", "Michael (reader comment)".
_PERSON_CLAIMANT = re.compile(r"^(?:(?:Dr|Mr|Mrs|Ms)\.?\s+)?([A-Za-z][\w]*)")
_WORD_RUN = re.compile(r"\w+")


def _claiming_people(claimants: Iterable[str]) -> dict[str, int]:
    """Return the names of the people who made claims, titled ("Dr. Segler") or readers who
    commented ("Michael (reader comment)"), each with its place in the order first claimed."""
    people: dict[str, int] = {}
    for claimed_by in dict.fromkeys(claimants):  # a claimant speaks in many entries
        head = _PERSON_CLAIMANT.match(claimed_by)
        if head is None:
            continue
        titled = head.group(0) != head.group(1)
        reader = claimed_by.endswith(" (reader comment)") and " " not in claimant_of(claimed_by)
        if titled or reader:
            people.setdefault(head.group(1), len(people))
    return people


# A claimant that is one word before its description: "goat (reader comment)", "BMWNA, as ...".
_CLAIMANT_HEAD = re.compile(r"([^\s,(]+)\s*(?:[,(]|$)")


_CAPITALISED_RUN = re.compile(r"[A-Z][\w.]*(?:\s+[A-Z][\w.]*)+")
_Ints = npt.NDArray[np.int64]
_Floats = npt.NDArray[np.float64]
_Mask = npt.NDArray[np.bool_]


_TRIM_MOST = 4  # "m3 GTS", "m3 CSL": a trim's letters after its model's code


def _trim_of(before: str, word: str) -> bool:
    """Return whether a word without vowels after a model's code ("m3 GTS", "e46 CSL") is the
    trim it names, not a word typed without its vowels ("gts" is no "gets" there)."""
    return (
        len(word) <= _TRIM_MOST
        and word.isalpha()
        and _VOWELS.isdisjoint(word)
        and before.isalnum()
        and not before.isdigit()
        and not before.isalpha()
    )


def _informative(zipf: float) -> float:
    """Scale a word's weight by how unusual it is in English: "lasagna" tells more than "good"."""
    return min(1.0, max(_MIN_INFORMATIVE, (_COMMON_ZIPF - zipf) / _ZIPF_SPAN))


def _kth_highest(values: _Floats, count: int) -> float:
    """Return the ``count``-th highest of ``values`` (ties counted), as a partition finds it.

    Coverages hold few distinct values, many entries tying on each, and a partition slows down
    many times over on ties: for a few leaders, step down through the distinct values from the
    highest instead, a few passes over the values each (at most ``count`` steps).
    """
    if count > _STEPS_MOST:
        return float(np.partition(values, -count)[-count])
    kth = np.maximum.reduce(values)  # as values.max(), without its Python wrapper
    below = values < kth  # no value is NaN: those not below are at least kth
    while values.size - np.count_nonzero(below) < count:
        kth = np.maximum.reduce(values, where=below, initial=-np.inf)
        below = values < kth
    return float(kth)


def _coverage_needed(score: float) -> float:
    """Return the least coverage with which an entry could still reach ``score``.

    A phrasing shares at most the entry's covered weight c (of the question's 1), so its
    similarity is at most 2c / (1 + c): solve 0.75 c + 0.25 * 2c / (1 + c) = score for c.
    """
    share = _COVERAGE_SHARE
    b = share + 2 * (1 - share) - score  # share c (1 + c) + 2 (1 - share) c = score (1 + c)
    return (-b + math.sqrt(b * b + 4 * share * score)) / (2 * share)


def _machine(values: _Ints) -> array[int]:
    """Return ids or offsets as a Python array of 32-bit ints (read one at a time, it is faster
    than numpy); a knowledge file's budgets keep them far below 2**31."""
    out = array("i")
    out.frombytes(values.astype(np.intc).tobytes())
    return out


class _Scored(NamedTuple):  # tuples: built many times a question, cheaper than dataclasses
    score: float
    entry: int
    coverage: float
    similarity: float
    halved: bool = False  # it missed what the question asks for (or shares keywords only)


_SCORE = attrgetter("score")  # a _Scored's score, read in C


class _Term(NamedTuple):
    stem: str
    weight: float
    known: bool
    asks: bool = False  # it stands in a sentence that asks
    uncapped: float | None = None  # its weight before the story around a question was capped


_Query = tuple[list[_Term], list[str], str | None, list[str]]
"""A question's terms, what it asks about, the kind of answer it wants, what it counts."""


UNNAMED = frozenset("a an the".split())
"""The words a claimant without a name opens with ("a reader", "the blog")."""


class Matcher:
    """An index over one Knowledge; build it once per load and reuse it for every question.

    Everything per entry, term or phrasing is held in a few flat arrays (CSR-style: one array of
    values and one of offsets), not in one small container per item: the garbage collector has
    next to nothing to scan while a reload builds the next index, and freeing an index is cheap.
    Postings sum every entry's coverage in one scan; each entry's (term, phrasings) pairs, sorted
    by term, serve the phrasing comparison.
    """

    def __init__(
        self,
        knowledge: Knowledge,
        *,
        threshold: float = DEFAULT_THRESHOLD,
        phrase_keys: Mapping[str, str] | None = None,
    ) -> None:
        """Index ``knowledge``; ``phrase_keys``, the loader's (see ``load_with_phrase_keys``),
        spare splitting its phrasings again."""
        self.knowledge = knowledge
        self.threshold = threshold
        self.synonyms = Synonyms(knowledge.synonyms)
        rows = knowledge.rows  # read by column, once each: no Entry is built for each
        answers, claimants = list(rows.texts(2)), list(rows.texts(4))
        # Round 141: whether any answer speaks of colours ("sold in one colour only"): only
        # then may an entry give the colours a thing is offered in.
        self._colours_given = any(_COLOUR_WORD.search(a) is not None for a in answers)
        entry_ids, statuses = list(rows.texts(0)), list(rows.texts(3))
        phrasings = list(rows.lists(1))
        self._names = _name_terms(answers, claimants, self.synonyms)
        self._speakers = _speakers(claimants, self.synonyms, self._names)
        self._people = _claiming_people(claimants)
        self._explain = frozenset(self.synonyms.apply([stem(w) for w in _EXPLAIN_WORDS]))
        self._writing = frozenset(self.synonyms.apply([stem(w) for w in _WRITING_WORDS]))
        self._verdict = (
            frozenset(self.synonyms.apply([stem(w) for w in _VERDICT_WORDS])) | self._explain
        )
        self._provenance = frozenset(self.synonyms.apply([stem(w) for w in _PROVENANCE_WORDS]))
        self._entries = Entries.of(knowledge.entries)
        self._size = len(self._entries)  # read by every question, several times
        outlets = list(dict.fromkeys(source.outlet for source in knowledge.sources.values()))
        self.outlet_words = frozenset(w for outlet in outlets for w in words(outlet))
        """Every word of a source's outlet ("bmwna"): read once, not per follow-up."""
        # The entries stating a settled fact (not a rumour, a forecast or an opinion); a summary
        # of the sources only relays the claims it sums up ("the US would get only 600").
        self._settled: _Mask = np.array(
            [
                status == "fact" and not _SUMMARY.search(claimant)
                for status, claimant in zip(statuses, claimants, strict=True)
            ],
            dtype=bool,
        )
        self._outcome_words = frozenset(self.synonyms.apply([stem(w) for w in _OUTCOME_WORDS]))
        self._count_verbs = frozenset(self.synonyms.apply([stem(w) for w in _COUNT_VERBS]))
        # The last year any answer names ("after 2011"): a question about a year well past it
        # asks what the sources could not know.
        self._latest_year = max(
            (int(y) for text in answers for y in _YEAR.findall(text)), default=None
        )
        # "worldwide", "globally": a market as names are ("the UK"), though written in lower case
        self._scopes = frozenset(self.synonyms.apply([stem(w) for w in _SCOPE_WORDS]))
        self._value_words = tuple(
            dict.fromkeys(self.synonyms.apply([stem(w) for w in _VALUE_WORDS]))
        )
        texts: list[str] = [text for group in knowledge.synonyms for text in group]
        skip = len(texts)  # synonyms only lend their words to the spelling corrector
        for questions, keywords, answer_text in zip(phrasings, rows.lists(8), answers, strict=True):
            texts += questions
            texts += (" ".join(keywords), answer_text)
        analysed, known_words = analyse_many(texts, self.synonyms, phrase_keys)
        named, _ = analyse_many(
            [entry_id.replace("-", " ") for entry_id in entry_ids], self.synonyms
        )

        # Term ids in the order the terms are first met: each entry's phrasings, keywords, id
        # and answer, as the entries' postings meet them below.
        def met() -> Iterator[tuple[str, ...]]:
            at = skip
            for index, questions in enumerate(phrasings):
                end = at + len(questions) + 1
                yield from analysed[at:end]  # the phrasings, then the keywords
                yield named[index]
                yield analysed[end]  # the answer
                at = end + 1

        ids = dict(zip(dict.fromkeys(itertools.chain.from_iterable(met())), itertools.count()))
        term_id = ids.__getitem__
        # Postings as raw machine numbers: millions of int and float objects would linger in
        # the allocator's arenas long after the build.
        post_term, post_entry, post_value = array("q"), array("q"), array("d")
        answer_terms: list[tuple[str, ...]] = []  # each answer's, for the kinds it gives
        counting: dict[str, list[int]] = {}  # a word an answer counts -> the entries
        after_figures: dict[str, str | None] = {}  # the words after a figure -> what they count
        # Each entry's phrasings as term ids: entry e's phrasings are rows row_start[e] up to
        # row_start[e + 1], and phrasing p's terms are row_terms[term_start[p]:term_start[p + 1]].
        row_terms, term_start, row_start = array("q"), array("q", [0]), array("q", [0])
        keyword_term, keyword_entry = array("q"), array("q")  # each entry's keyword terms
        at = skip
        for index, (questions, answer_text) in enumerate(zip(phrasings, answers, strict=True)):
            end = at + len(questions)  # the keywords; the answer after them
            for terms in analysed[at:end]:
                if terms:
                    row_terms.extend(map(term_id, terms))
                    term_start.append(len(row_terms))
            row_start.append(len(term_start) - 1)
            keyword_term.extend(map(term_id, analysed[end]))  # terms without repeats
            keyword_entry.extend(itertools.repeat(index, len(analysed[end])))
            # The terms of its phrasings, keywords and id: the entry holds them fully.
            held = itertools.chain.from_iterable(analysed[at : end + 1])
            keys = dict.fromkeys(map(term_id, itertools.chain(held, named[index])))
            answer_terms.append(analysed[end + 1])
            weak = [t for t in map(term_id, analysed[end + 1]) if t not in keys]
            for thing in dict.fromkeys(_counts(answer_text, self.synonyms, after_figures)):
                counting.setdefault(thing, []).append(index)
            at = end + 2
            post_term.extend(keys)
            post_term.extend(weak)
            post_entry.extend(itertools.repeat(index, len(keys) + len(weak)))
            post_value.extend(itertools.repeat(1.0, len(keys)))
            post_value.extend(itertools.repeat(_ANSWER_WEIGHT, len(weak)))
        # Each entry's terms are in its postings once: how many entries hold each term, and
        # hold it fully (by weight: _ANSWER_WEIGHT is less than 1).
        terms_posted = np.frombuffer(post_term, dtype=np.int64)
        df: list[int] = np.bincount(terms_posted, minlength=len(ids)).tolist()
        strong = np.bincount(
            terms_posted[np.frombuffer(post_value, dtype=np.float64) == 1.0], minlength=len(ids)
        )
        release(analysed)
        release(named)
        # (term, entry) pairs of the keyword lines as sorted codes: term * entries + entry.
        codes = np.frombuffer(keyword_term, dtype=np.int64) * max(self._size, 1)
        self._keyword_codes = array(
            "q", np.unique(codes + np.frombuffer(keyword_entry, dtype=np.int64)).tobytes()
        )
        # Who speaks in each entry ("Claimed by: HERR26"): "what did herr26 say" asks for those.
        # Known terms only, as flat arrays: entries of term t are speaker_entry[at[t]:at[t + 1]].
        claimed, _ = analyse_many(claimants, self.synonyms)
        said_term, said_entry = array("q"), array("q")
        for index, terms in enumerate(claimed):
            for term in dict.fromkeys(terms):
                if (slot := ids.get(term)) is not None:
                    said_term.append(slot)
                    said_entry.append(index)
        release(claimed)
        release(phrasings)
        by_term = np.argsort(np.frombuffer(said_term, dtype=np.int64), kind="stable")
        self._speaker_entry: _Ints = np.frombuffer(said_entry, dtype=np.int64)[by_term]
        self._speaker_at = _machine(
            np.searchsorted(
                np.frombuffer(said_term, dtype=np.int64)[by_term], np.arange(len(ids) + 1)
            )
        )
        release(texts)
        size = max(self._size, 1)
        kinds = _kinds_held(answer_terms, answers)
        release(answer_terms)
        self._kinds = {kind: self._mask(held) for kind, held in kinds.items()}
        self._counting = {thing: tuple(held) for thing, held in counting.items()}
        common: dict[str, float] = {}
        for word in known_words:
            key = stem(word)
            common[key] = max(common.get(key, 0.0), english_zipf(word))
        self._ids = ids
        # A US state no answer names: a topic never covered (_STATES).
        self._unnamed_states = frozenset(
            t for w in _STATES for t in self.synonyms.apply([stem(w)]) if t not in self._ids
        )
        # Term id -> weight as raw doubles: a float object per term would be freed with the index.
        self._weight = array(
            "d",
            (math.log(1 + size / df[i]) * _informative(common.get(t, 0.0)) for t, i in ids.items()),
        )
        self._unknown_weight = math.log(1 + size / _UNKNOWN_DF)
        # "where was the clip SHOT": the spot, which the clip's own entry, holding the words of
        # the clip, need not give; it weighs as the word would (None: no entry holds the word).
        spot = ids.get(stem(SPOT))
        self._spot = (
            None
            if spot is None
            else _Term(stem(SPOT), _SPOT_SHARE * self._weight[spot], True, True)
        )
        self._shows = frozenset(self.synonyms.apply([stem(w) for w in _SHOW_WORDS]))
        # One byte per term (1: distinctive): read one term at a time, faster than numpy.
        self._distinctive = ((strong > 0) & (strong <= _DISTINCTIVE_SHARE * size)).tobytes()

        order = np.argsort(np.frombuffer(post_term, dtype=np.int64), kind="stable")
        self._post_entry: _Ints = np.frombuffer(post_entry, dtype=np.int64)[order]
        self._post_value: _Floats = np.frombuffer(post_value, dtype=np.float64)[order]
        self._post_start = array("q", [0, *itertools.accumulate(df)])
        self._phrasings(row_terms, term_start, row_start, self._weight.tolist())

        # How many names each entry holds that few entries share ("Segler", not "1M").
        # Each text's words read once for both (in the order first written, as each read them).
        seen_words, handles = _written_words(answers, claimants), _claimant_handles(claimants)
        self._handles = _handles(seen_words, handles, self.synonyms)
        self._brands = _brands(seen_words, handles, self.synonyms)
        del seen_words
        self._brand_ids = frozenset(
            i for t, i in ids.items() if t in self._brands and not self._generic(i)
        )
        self._brand_count = self._holders_count(self._brand_ids)
        self._name_ids = frozenset(
            i
            for t, i in ids.items()
            if (t in self._names or t in self._handles) and not self._generic(i)
        )
        self._counts_cars = self._mask([e for t in _COUNT_NOUNS for e in self._counting.get(t, ())])
        # "how many zhps PER dealer": "2 per dealer" counts them too.
        self._counts_cars_or_rate = self._counts_cars | self._mask(
            list(self._counting.get(_RATE, ()))
        )
        self._counts_name = self._mask(
            [e for t, counters in self._counting.items() if t in self._names for e in counters]
        )
        # Round 121: the entries counting a name few entries hold ("414 MINI JCW GPs"), by name:
        # a count naming nothing counted ("how many did the us end up getting") counts the car
        # most entries are about, not that other one.
        self._counts_other = {
            t: self._mask(list(counters))
            for t, counters in self._counting.items()
            if t in self._names and t in ids and not self._generic(ids[t])
        }
        self._name_count = self._holders_count(self._name_ids)
        self._businesses = _named_businesses(answers)
        # "how many go to ASIA": not an entry naming Asia only in its claimant's title
        self._titled = {
            term: self._mask(held)
            for term, held in _titled_places(answers, self._names, self.synonyms).items()
            if term in ids and not self._generic(ids[term])
        }
        names = (w for w in known_words if len(w) >= _PREFIX and stem(w) in self._names)
        self._spelling = Spelling(set(STOPWORDS) | known_words, ids, names)
        written = dict.fromkeys(itertools.chain.from_iterable(zip(answers, claimants, strict=True)))
        self._two_word_names = Names(name_pairs(written), known_words, ids)  # each text once
        release(answers)
        release(claimants)
        by_prefix: dict[str, list[str]] = {}
        for known in ids:
            if len(known) >= _PREFIX and known.isalpha():
                by_prefix.setdefault(known[:_PREFIX], []).append(known)
        # Tuples of strings: the collector soon stops tracking them.
        self._by_prefix = {key: tuple(group) for key, group in by_prefix.items()}
        # Plain dicts as caches: a functools cache bound to self would be a reference cycle.
        self._seen: dict[str, str] = {}  # strings only: nothing for the collector to track
        self._relatives: dict[str, str] = {}
        self._read_words: dict[str, tuple[str, float, str]] = {}
        self._queries: dict[str, _Query] = {}

    def _phrasings(
        self, row_terms: array[int], term_start: array[int], row_start: array[int], idf: list[float]
    ) -> None:
        """Index which of each entry's phrasings hold each of its terms, and weigh each phrasing.

        Entry e's pairs are pair_term[pair_at[e]:pair_at[e + 1]], sorted by term; pair k's
        phrasings (global numbers) are pair_rows[rows_at[k]:rows_at[k + 1]].
        """
        # Summed in each phrasing's own order, as the answers always were (floats round).
        weights = [
            sum(map(idf.__getitem__, row_terms[a:b])) for a, b in itertools.pairwise(term_start)
        ]
        starts, ends = np.frombuffer(row_start, np.int64), np.frombuffer(term_start, np.int64)
        sizes, lengths = starts[1:] - starts[:-1], ends[1:] - ends[:-1]
        terms = np.frombuffer(row_terms, dtype=np.int64)
        rows = np.repeat(np.arange(lengths.size), lengths)
        owners = np.repeat(np.arange(sizes.size), sizes)[rows]
        order = np.lexsort((rows, terms, owners))  # by entry, then term, then phrasing
        owners, terms = owners[order], terms[order]
        changes = (owners[1:] != owners[:-1]) | (terms[1:] != terms[:-1])
        first = np.flatnonzero(np.r_[order.size > 0, changes])  # each pair's first item
        self._pair_term = _machine(terms[first])
        self._pair_at = _machine(np.searchsorted(owners[first], np.arange(sizes.size + 1)))
        self._pair_rows = _machine(rows[order])
        self._rows_at = _machine(np.r_[first, order.size])
        self._row_weight = array("d", weights)
        # Each entry's lightest phrasing: a heavier one than the question's shared weight caps
        # how similar any of the entry's phrasings can be (see _ceilings).
        padded = np.array([*weights, math.inf])
        lightest = np.minimum.reduceat(padded, starts[:-1])
        self._lightest: _Floats = np.where(sizes > 0, lightest, math.inf)

    def people_named(self, text: str) -> list[str]:
        """Return the people who made claims whom a text names ("the blog also interviewed Dr.
        Segler"), each once, in lower case, in the order first claimed: read from the text's
        words, never from every claimant, so a long file costs nothing more."""
        named = {w for w in _WORD_RUN.findall(text) if w in self._people}
        return list(dict.fromkeys(w.lower() for w in sorted(named, key=self._people.__getitem__)))

    def clear_caches(self) -> None:
        """Forget the question words seen so far (their spelling fixes and stems), and the
        entries built for answers."""
        self._seen.clear()
        self._read_words.clear()
        self._queries.clear()
        self._relatives.clear()
        self._entries.forget()

    def rank(self, question: str, limit: int = 5) -> list[Match]:
        """Return up to ``limit`` entries, best first, each with its 0..1 score."""
        return list(self.read(question, limit).matches)

    def read(self, question: str, limit: int = 5, *, about: str | None = None) -> Ranking:
        """Rank up to ``limit`` entries for a question as _read_whole does; a message whose
        asking sentences have no topic of their own ("... my dealer says they got maybe one. IS
        THAT NORMAL") that its whole words leave below the threshold is read as its story when
        the story alone reaches the threshold."""
        ranking = self._read_whole(question, limit, about=about)
        best = ranking.best
        if best is not None and best.score >= self.threshold:
            return ranking
        return self._lent(question, ranking, limit, about)

    def _lent(self, question: str, ranking: Ranking, limit: int, about: str | None) -> Ranking:
        """Return the ranking of a message whose asking sentences have no topic of their own
        read as its story, when that reaches the threshold; else ``ranking``."""
        lent = lent_story(question)
        if lent is None:
            return ranking
        story, figures = lent
        if figures and not all(t.known for t in self._query(" ".join(figures))[0]):
            return ranking  # "... they'd get 1200 more": a figure no source gives, a near trap
        asked = " . ".join(" ".join(p.words) for p in parts(question) if p.asks)
        if self._alone(asked, about) is not None or self.beyond(question):
            return ranking
        heavy = _LENT_UNKNOWN * math.log(1 + self._size)
        if any(not t.known and t.weight >= heavy for t in self._query(asked)[0]):
            return ranking  # "whats his actual NAME": a detail the sources may not hold
        told = self._read_whole(story, limit, about=about)
        if told.best is not None and told.best.score >= self.threshold:
            return told
        return ranking

    def _read_whole(self, question: str, limit: int = 5, *, about: str | None = None) -> Ranking:
        """Rank up to ``limit`` entries for a question; with ``about``, an entry must hold one
        of its words ("what about australia?" asks the last question about Australia).

        The words of a story around the question, or of a long rambling one, lower every score
        of a message: its scores are read on a plain question's scale (see _told). And the entry
        that both the whole message (at _AGREE_FROM or more, or at _AGREE_SURE_FROM when they are
        _SURE_ALONE) and its asking sentences alone rank first is as sure as the asking
        sentences make it, if that is surer.
        """
        narrowed = told_last(question)
        if narrowed is not None:
            question = narrowed
        ranking, halved = self._ranked(question, limit, about)
        found = parts(question)
        told = not all(p.asks for p in found)
        if not told and sum(len(p.words) for p in found) < _LONG:
            return ranking
        matches = tuple(  # a halved entry may fall below one it led (stable: file order kept)
            sorted(
                (
                    m.rescored(self._told(m.score, halved=half))
                    for m, half in zip(ranking.matches, halved, strict=True)
                ),
                key=lambda m: -m.score,
            )
        )
        best = ranking.best
        # Asking sentences that point back at the story ("... the nyt piece. who wrote THAT
        # ARTICLE") cannot vouch alone: they would vouch for what they name, not what they mean.
        pointing = any(points_back(p.words) for p in found if p.asks)
        if told and not pointing and best is not None and best.score >= _AGREE_SURE_FROM:
            asked = " . ".join(" ".join(p.words) for p in found if p.asks)
            alone = self._alone(asked, about)
            if (
                alone is not None
                and alone.entry_id == best.entry_id
                and alone.score > matches[0].score
                and (
                    best.score >= _AGREE_FROM
                    # not a message the sources cannot answer ("... i want to know what
                    # happened after. did they fix it"), whatever its question alone makes it
                    or (alone.score >= _SURE_ALONE and not self.beyond(question))
                )
            ):
                best = best.rescored(alone.score)
                return Ranking((best, *matches[1:]))
        return Ranking(matches)

    def _alone(self, asked: str, about: str | None) -> Match | None:
        """Return the best entry for a message's asking sentences alone, or None when they are
        too vague to go on alone ("... whats their reason": the story gives the topic)."""
        read = self._query(asked)
        known = {
            self._ids[t.stem]: t.weight for t in read[0] if t.known and t.stem not in self._verdict
        }
        if self._vague(known, _LEAST_ASKED):
            return None
        return self._read(asked, 1, about, read).best

    def _told(self, score: float, *, halved: bool = False) -> float:
        """Return the score of a message with a story or a long ramble on a plain question's
        scale: its own words lower every score, so that _LIFT_FROM reads as the threshold.

        An entry ``halved`` for missing what is asked is mapped before its halving: the story
        lowered its score, not what it misses ("how many 1ms is the uk getting? the vid was
        filmed there": an entry on the UK video gives no number, whatever the story says)."""
        if halved:
            return round(self._told(score / _FOCUS_MISSED) * _FOCUS_MISSED, 4)
        threshold = self.threshold
        if score < _LIFT_FROM:
            return round(score * threshold / _LIFT_FROM, 4)
        return round(threshold + (score - _LIFT_FROM) * (1 - threshold) / (1 - _LIFT_FROM), 4)

    def _read(
        self, question: str, limit: int, about: str | None, read: _Query | None = None
    ) -> Ranking:
        return self._ranked(question, limit, about, read)[0]

    def _ranked(
        self, question: str, limit: int, about: str | None, read: _Query | None = None
    ) -> tuple[Ranking, tuple[bool, ...]]:
        """Rank entries as _read does, with whether each was scored down for missing what is
        asked."""
        query, focused, wanted, things = read or self._query(question)
        if about is not None:
            asked = content(self.synonyms.apply([self._word(w)[0] for w in words(about)]))
            focused = [self._known(t) for t in asked] or ["\0"]  # no topic: nothing holds it
        total = sum(t.weight for t in query)
        if not self._size or total <= 0:
            return Ranking(()), ()
        found = {self._ids[t.stem]: t.weight for t in query if t.known}  # stems are distinct
        # Whether it is too vague to go on is read before the story's cap: a story gives a
        # question that has no topic of its own one ("... what did they actually say").
        factor = self._factor(
            {
                self._ids[t.stem]: t.weight if t.uncapped is None else t.uncapped
                for t in query
                if t.known
            }
        )
        scores = self._coverage(query)
        # A follow-up asks the last question's title of a new name: its words are no predicate.
        told = query if about is None else [t._replace(asks=False) for t in query]
        holders = self._asked_holders(question, focused, wanted, told, things)
        # (``nonzero()[0]`` is ``np.flatnonzero`` of a flat array, without its Python wrappers)
        held = (scores > 0).nonzero()[0]  # no other entry holds a word of the question
        # Leaders by what they can still score: an entry missing what is asked scores half, so
        # it leads only if its halved coverage does (fewer entries to rescue below).
        reach = scores[held]
        if holders is not None:
            reach[~holders[held]] *= _FOCUS_MISSED
        leading = self._leaders(reach)
        if leading.size == 0:
            return Ranking(()), ()
        final = self._final(held[leading], scores, found, total, factor, limit, holders)
        # An entry outside the leaders may still hold a phrasing close enough to be the answer
        # or a near tie to it: score those too (up to _RESCUE of them).
        floor = max(max(map(_SCORE, final)) - NEAR_TIE, _EXACT_FROM)
        cut = _coverage_needed(floor / factor) * total * (1 - 1e-6)
        # Every other entry reaches at most what the last leader does: often less than the cut
        # (half of an entry's ceiling is at most the ceiling of half its coverage).
        if leading.size == _RERANK and np.minimum.reduce(reach[leading]) >= cut:
            fits = reach >= cut
            fits[leading] = False
            rescue = held[fits]
            ceilings = self._ceilings(rescue, scores, total, factor)
            if holders is not None:  # an entry missing what is asked is scored down, so is its best
                ceilings[~holders[rescue]] *= _FOCUS_MISSED
            chosen = self._top(scores[rescue], (ceilings >= floor - 1e-9).nonzero()[0], _RESCUE)
            ahead = sorted(map(_SCORE, final))[-limit:]
            if len(ahead) == limit:
                # None that stays below the leaders' last once rounded can be an answer.
                chosen = chosen[ceilings[chosen] >= min(ahead[0], 1.0) - _ROUNDED - 1e-9]
            rescue = rescue[chosen]
            final += self._final(rescue, scores, found, total, factor, limit, holders)
        # By falling rounded score, then file order (entries are distinct: ``c`` never compares).
        ranked = sorted([(-round(min(c.score, 1.0), 4), c.entry, c) for c in final])[:limit]
        matches = tuple(
            Match(self._entries, -negated, c.coverage, c.similarity, c.entry)
            for negated, _, c in ranked
        )
        return Ranking(matches), tuple(c.halved for _, _, c in ranked)

    def _final(
        self,
        candidates: _Ints,
        scores: _Floats,
        found: dict[int, float],
        total: float,
        factor: float,
        limit: int,
        focus_holders: _Mask | None = None,
    ) -> list[_Scored]:
        """Score candidates in full: coverage blended with their best phrasing's similarity.

        Candidates come by falling coverage; once even a perfect phrasing could not lift one
        into the top ``limit``, the rest are skipped, and so is one whose lightest phrasing
        keeps it out (see _ceilings): neither could be among the answers.
        """
        out: list[_Scored] = []
        top: list[float] = []  # the best ``limit`` scores so far, ascending
        # Once ``top`` is full: a candidate whose ceiling is below ``cut`` ends the scoring, one
        # whose reach is below ``bar`` is skipped (both read from top[0], kept as it changes).
        full, cut, bar = False, 0.0, 0.0
        falling = (-scores[candidates]).tolist()
        lightest = self._lightest[candidates].tolist()
        missed = (
            (~focus_holders[candidates]).tolist()
            if focus_holders is not None
            else [False] * candidates.size
        )
        share, rest = _COVERAGE_SHARE, 1 - _COVERAGE_SHARE
        twice_rest = 2 * rest  # the float ``2 * (1 - _COVERAGE_SHARE)`` evaluates to first
        similar = self._similarity
        # By falling coverage, then file order (candidates are distinct: the rest never compares).
        for negated, index, light, miss in sorted(
            zip(falling, candidates.tolist(), lightest, missed, strict=True)
        ):
            weight = -negated
            coverage = weight / total
            if full:
                # The best score an entry with this coverage could get (see _coverage_needed).
                if factor * (share * coverage + twice_rest * coverage / (1 + coverage)) < cut:
                    break
                near = 2 * weight / (total + (light if light > weight else weight))
                reach = factor * (share * coverage + rest * near)
                # Scores are rounded to 4 places and capped at 1 before ranking, and a tie goes
                # to the earlier entry: skip only one that stays below once rounded.
                if (reach * _FOCUS_MISSED if miss else reach) < bar:
                    continue
            similarity = similar(index, found, total)
            score = factor * (share * coverage + rest * similarity)
            halved = miss or similarity <= 0  # no phrasing shares a word: keywords alone
            if halved:
                score *= _FOCUS_MISSED
            out.append(_Scored(score, index, coverage, similarity, halved))
            bisect.insort(top, score)
            if len(top) > limit:
                del top[0]
            if len(top) == limit:
                full, cut, bar = True, top[0] - 1e-9, min(top[0], 1.0) - _ROUNDED
        return out

    def _similarity(self, index: int, found: dict[int, float], total: float) -> float:
        """Return how close the entry's nearest phrasing is to the question (weighted Dice)."""
        terms, start, end = self._pair_term, self._pair_at[index], self._pair_at[index + 1]
        rows, rows_at = self._pair_rows, self._rows_at
        shared: dict[int, float] = {}
        for term, held in found.items():  # in the question's order: the sums are the same
            k = bisect_left(terms, term, start, end)
            if k < end and terms[k] == term:
                if not shared:  # the first shared term: every phrasing of it is new
                    shared = dict.fromkeys(rows[rows_at[k] : rows_at[k + 1]], held)
                    continue
                for p in rows[rows_at[k] : rows_at[k + 1]]:
                    if p in shared:
                        shared[p] += held
                    else:
                        shared[p] = held
        if not shared:
            return 0
        weights = self._row_weight
        best = -1.0  # the greatest, as max() of them all (no list, no comprehension's frame)
        for p, s in shared.items():
            if (near := s / (total + weights[p])) > best:
                best = near
        return 2 * best

    def _coverage(self, query: list[_Term]) -> _Floats:
        """Return every entry's summed weight of the question's terms it holds."""
        spans = [
            (self._post_start[term], self._post_start[term + 1], t.weight)
            for t in query
            if t.known and (term := self._ids[t.stem]) >= 0
        ]
        entries, values = self._post_entry, self._post_value
        held = [entries[a:b] for a, b, _ in spans]
        weights = [values[a:b] * w for a, b, w in spans]
        if len(spans) > 1:
            held, weights = [np.concatenate(held)], [np.concatenate(weights)]
        if not spans:
            return np.zeros(self._size, dtype=np.float64)
        covered = np.bincount(held[0], weights=weights[0], minlength=self._size)
        return np.asarray(covered, dtype=np.float64)

    def _ceilings(self, entries: _Ints, scores: _Floats, total: float, factor: float) -> _Floats:
        """Return the best score each entry could reach, whatever its phrasings share.

        A phrasing of weight w sharing s of the question's weight (s <= w, and s <= what the
        entry covers) is at most 2s / (total + w) similar.
        """
        covered = scores[entries]
        lightest = np.maximum(self._lightest[entries], covered)
        similarity = 2 * covered / (total + lightest)
        blended = _COVERAGE_SHARE * covered / total + (1 - _COVERAGE_SHARE) * similarity
        return np.asarray(factor * blended, dtype=np.float64)

    def _leaders(self, reach: _Floats) -> _Ints:
        """Return the positions of the _RERANK highest reaches (ties: earlier positions)."""
        if reach.size > _SCAN_ALL:  # look near the best first: one pass finds enough there
            near = (reach >= np.maximum.reduce(reach) * _NEAR_BEST).nonzero()[0]
            if near.size >= _RERANK:
                return self._top(reach, near, _RERANK)
        return self._top(reach, None, _RERANK)

    @staticmethod
    def _top(scores: _Floats, among: _Ints | None, count: int) -> _Ints:
        """Return the ``count`` entries of sorted ``among`` (None: every position) that score
        highest (ties: earlier)."""
        values = scores if among is None else scores[among]
        if values.size <= count:
            return np.arange(values.size) if among is None else among
        kth = _kth_highest(values, count)
        above = (values > kth).nonzero()[0]
        picked = np.concatenate((above, (values == kth).nonzero()[0][: count - above.size]))
        return picked if among is None else among[picked]

    def _factor(self, found: dict[int, float]) -> float:
        """Return how much a question's scores count: half for one too vague to answer."""
        return _VAGUE_FACTOR if self._vague(found) else 1.0

    def _vague(self, found: dict[int, float], share: float = _LEAST_KNOWN) -> bool:
        """Return whether known terms and their weights are too little to go on: "is that
        true?", "what time is it" have no topic of their own (``share``: of the heaviest
        possible word's weight)."""
        least = share * math.log(1 + self._size)
        return not any(map(self._distinctive.__getitem__, found)) or sum(found.values()) < least

    def _mask(self, entries: list[int] | _Ints) -> _Mask:
        """Return a mask over the entries that is true for ``entries``."""
        mask = np.zeros(self._size, dtype=bool)
        mask[np.asarray(entries, dtype=np.int64)] = True
        return mask

    def _holders_count(self, terms: Iterable[int]) -> _Ints:
        """Return how many of the terms each entry holds."""
        held = [self._post_entry[self._post_start[t] : self._post_start[t + 1]] for t in terms]
        return np.bincount(
            np.concatenate([np.zeros(0, dtype=np.int64), *held]), minlength=self._size
        ).astype(np.int64)

    def _holding(self, term: int) -> _Mask:
        """Return the mask of the entries that hold a term."""
        return self._mask(self._post_entry[self._post_start[term] : self._post_start[term + 1]])

    def _strong_holding(self, term: int) -> _Mask:
        """Return the mask of the entries that hold a term in a phrasing, keyword or id."""
        start, end = self._post_start[term], self._post_start[term + 1]
        return self._mask(self._post_entry[start:end][self._post_value[start:end] == 1.0])

    def _held_by_most(self, term: int) -> bool:
        """Return whether so many entries hold a term that one without it is about another
        thing ("1M", not "BMW")."""
        held = self._post_start[term + 1] - self._post_start[term]
        return held > _MOST_SHARE * self._size

    def _generic(self, term: int) -> bool:
        """Return whether so many entries hold a term that it tells them apart little."""
        held = self._post_start[term + 1] - self._post_start[term]
        return held > _GENERIC_SHARE * self._size

    def _asked_holders(
        self,
        question: str,
        focused: list[str],
        wanted: str | None,
        query: list[_Term],
        things: list[str],
    ) -> _Mask | None:
        """Return the mask of the entries that hold what the question asks for, or None when
        any may."""
        if arithmetic(question):
            return np.zeros(self._size, dtype=bool)  # a sum: no entry holds its result
        found = parts(question)
        if wanted == "deed":  # "who RUNS bmwblog": a phrasing saying it of bmwblog
            holders = self._deed_holders(focused, query)
        else:
            holders = self._focus_holders(focused)
        if wanted in (None, "deed"):
            pass
        elif wanted == "name":  # "which cars": the entry must name one the question does not
            # "which OUTLET": a site's name will do; "WHO at bmwna": a person's
            kind = self._naming(query, brands=not any(asks_who(p.words) for p in found))
            shop = self._business(question)
            if shop is not None:  # "which dealer": the entry must name a dealer
                kind = kind & self._mask(list(self._businesses.get(shop, ())))
            holders = kind if holders is None else holders & kind
        else:  # "how many": the answer must give a number
            kind = self._kinds[wanted]
            if wanted == "number":  # "how many DEALERS": a number of dealers
                rate = any(rate_named(p.words) for p in found if p.asks)
                kind = kind & self._counters(things, rate=rate)
            holders = kind if holders is None else holders & kind
        placed = self._placed(found, counting=wanted == "number")
        if placed is not None:  # "how many did ASIA get": not the Asia head's claim
            holders = placed if holders is None else holders & placed
        story = [p.words for p in found if not p.asks]
        # "does the 1m have no options LIKE THE GP": the 1m is asked of, however little it weighs
        compared = any(compared_standard(p.words) for p in found if p.asks)
        named = self._named_holders(query, self._either(question), story, compared=compared)
        if named is not None:  # "uk allocation": an entry naming the UK
            holders = named if holders is None else holders & named
        if any(which_writing(p.words) for p in found if p.asks):
            # "WHICH ARTICLE brings up watts": every claim comes from one of the posts, and the
            # answer's source says which; the word is asked of none.
            query = [t for t in query if t.stem not in _WRITTEN_STEMS]
        told = self._predicate_holders(query)
        if told is not None:  # "what does gabe DRIVE": an entry that says it of Gabe
            holders = told if holders is None else holders & told
        if any(outcome_count(p.words) for p in found if p.asks):
            # "how many did the us END UP getting": a count once it was over, which only an
            # entry stating a fact can give; a rumoured or forecast figure does not.
            settled = self._settled.copy()
            # "did THE USA end up getting": the count of what it is asked about, its heaviest
            # word beside the count's own; Australia's settled count is not the USA's
            topics = [
                t
                for t in query
                if t.known
                and t.asks
                and t.stem not in self._outcome_words
                and t.stem not in self._count_verbs
                and t.stem not in things
            ]
            if topics:
                settled &= self._holding(self._ids[max(topics, key=lambda t: t.weight).stem])
            elif things:  # "how many 1MS were sold in the end": the whole run's, settled by none
                settled[:] = False
            if not things:  # "how many did the us end up getting": 1Ms, not the GP's 414
                counts = self._counts_cars | self._counts_name  # a count of cars, not a year
                settled &= counts & ~self._other_counts(query)
            holders = settled if holders is None else holders & settled
        if any(present_value(p.words) for p in found if p.asks):
            # "whats a 1m WORTH TODAY": a value at the time of asking, which only an entry
            # stating a fact can give (used GPs near MSRP); a forecast of values does not.
            valued = self._settled & np.logical_or.reduce(
                [self._holding(self._ids[t]) for t in self._value_words if t in self._ids]
                or [np.zeros(self._size, dtype=bool)]
            )
            holders = valued if holders is None else holders & valued
        spoke = self._said_holders(question)
        if spoke is not None:  # "what did the NYT say about the 1M": the NYT on the 1M
            holders = spoke if holders is None else holders & spoke
        return holders

    def _placed(self, found: tuple[Part, ...], *, counting: bool) -> _Mask | None:
        """Return the entries that do not hold a market a count is asked of only as the place
        of someone's title ("how many 1ms did ASIA get": not the rumour of the M sales head for
        Asia), or None when the question asks of no such market ("how many did the ASIA GUY
        say": the title asked). A count is asked when ``counting`` or "how many" is said."""
        if not self._titled:
            return None
        placed: _Mask | None = None
        for part in found:
            if not part.asks:
                continue
            said = [self._spelled(w) for w in part.words]
            # "what did the asia head say about AUSTRALIA": a market asked of a speaker, as a
            # count is, which an entry naming it only as an outlet's place does not give
            if not (counting or _HOW_MANY in itertools.pairwise(said) or _spoke_of(said)):
                continue
            for at, word in enumerate(said):
                if titled(said, at):
                    continue
                for term in content(self.synonyms.apply([stem(word)])):
                    off = self._titled.get(term)
                    if off is not None:
                        placed = ~off if placed is None else placed & ~off
        return placed

    def _said_holders(self, question: str) -> _Mask | None:
        """Return the entries in which the one a "what did X say about Y" question names speaks
        of what it asks about (X among the entry's claimants, when X is a name few of them hold;
        Y in the entry), or None for another question."""
        for part in parts(question):
            if not part.asks:
                continue
            found = said(tuple(map(self._spelled, part.words)), whole=True)
            if found is None:
                continue
            speaker, topic = (
                content(self.synonyms.apply([stem(w) for w in group])) for group in found
            )
            holders = np.ones(self._size, dtype=bool)
            size = self._size
            for name in speaker:
                at = self._ids.get(name)
                if at is None or name not in self._speakers or self._generic(at):
                    continue  # "what did BMW's m sales head say": "bmw" names no one speaker
                held = self._speaker_entry[self._speaker_at[at] : self._speaker_at[at + 1]]
                if 0 < held.size <= _GENERIC_SHARE * size:
                    holders &= self._mask(held)
            about = [self._ids[t] for t in map(self._known, topic) if t in self._ids]
            if about:
                holding = np.zeros(size, dtype=bool)
                for index in about:
                    holding |= self._holding(index)
                holders &= holding
            return holders
        return None

    def _business(self, question: str) -> str | None:
        """Return the kind of business or advisor a question asks the name of ("which
        DEALER", "whats his CA called"), or None."""
        for part in parts(question):
            if part.asks:
                kind = business(tuple(self._spelling.fix(plain(w)) for w in part.words))
                if kind is not None:
                    return kind
        return None

    def _other_counts(self, query: list[_Term]) -> _Mask:
        """Return the entries counting a name few entries hold that the question does not ask
        of ("414 MINI JCW GPs" for "how many did the us end up getting")."""
        asked = {t.stem for t in query if t.asks}
        other = np.zeros(self._size, dtype=bool)
        for name, counters in self._counts_other.items():
            if name not in asked:
                other |= counters
        return other

    def _counters(self, things: list[str], *, rate: bool = False) -> _Mask:
        """Return the entries whose answer counts what a "how many" question counts ("how many
        dealers": not "2 1Ms per dealer"), or every entry when the knowledge knows none of its
        words. The last word heads the run ("how many bmw DEALERS"): when it names a model or
        what most entries are about ("1ms", "gps"), an answer counting cars or units counts it."""
        known = [t for t in things if t in self._ids]
        if not known:
            return np.ones(self._size, dtype=bool)
        holders = self._mask([e for t in known for e in self._counting.get(t, ())])
        head = things[-1]
        cars = self._counts_cars_or_rate if rate else self._counts_cars
        if head in _COUNT_NOUNS:
            holders |= cars | self._counts_name
        elif head in self._names or (head in self._ids and self._generic(self._ids[head])):
            holders |= cars
        return holders

    def _naming(self, query: list[_Term], *, brands: bool = False) -> _Mask:
        """Return the entries that hold a name the question does not give ("which editions":
        an entry that only says "special editions" names none).

        A name only the story gives is no answer the asker holds ("the MINI article mentioned
        a big paper ... which paper"): it does not count as given."""
        given = [
            self._ids[t.stem]
            for t in query
            if t.known
            and t.asks
            and (t.stem in self._names or t.stem in self._handles or t.stem in self._brands)
        ]
        held = self._name_count.copy()
        if brands:  # "which site": a brand ("BMWBlog") is a name
            held += self._brand_count
        for term in given:
            if term in self._name_ids or (brands and term in self._brand_ids):
                held -= self._holding(term)
        return held > 0

    def _predicate_holders(self, query: list[_Term]) -> _Mask | None:
        """Return the entries that hold some of what a question asks about the names it gives
        ("what does gabe DRIVE", "is the 1m FASTER than a cayman s"), or None when it names
        nothing or asks nothing else: an entry that shares only the name answers another
        question about it."""
        total = sum(t.weight for t in query)
        named, rest = False, []
        for t in query:
            if not (t.asks and t.known) or t.stem in _NOT_TOLD:
                continue
            term = self._ids[t.stem]
            if self._generic(term):
                continue  # "1m", "car": most entries hold it
            if t.stem in self._names:
                named = named or t.weight >= _NAME_SHARE * total
            else:
                rest.append(term)
        if not named or not rest:
            return None
        holders = np.zeros(self._size, dtype=bool)
        for term in rest:
            holders |= self._holding(term)
        return holders

    def _terms(self, said: Sequence[str]) -> frozenset[str]:
        """Return the terms a sentence's words read as."""
        return frozenset(content(self.synonyms.apply([self._word(w)[0] for w in said])))

    def _named_holders(
        self,
        query: list[_Term],
        either: frozenset[str],
        story: Sequence[Sequence[str]] = (),
        *,
        compared: bool = False,
    ) -> _Mask | None:
        """Return the entries that hold every name the question gives weight ("the UK",
        "Segler"), or None when it names none: an entry about another market or person does
        not answer it. Of names asked as alternatives ("did WATTS or BMWNA hint ..."), one
        is enough. With a standard compared ("is the 1M stick only LIKE THE GP"), the car
        asked of counts however little it weighs (``compared``).

        The names only the story around the question gives (``story``: its sentences' words)
        count only when the asking sentences name none of their own ("everyone says the ASIA
        guy confirmed it ... what did BMWNA tell the blog": the story only led to the
        question), and then only those of the last story sentence that names any ("my brother
        is a huge MERCEDES guy ... one of the commenters guessed the camera car, JROBUSC i
        think. what did he think it was": the question points back at the last one told)."""
        holders: _Mask | None = None
        alternatives: _Mask | None = None
        told: list[str] = []  # the names only the story gives
        total = sum(t.weight for t in query)
        asked = sum(t.weight for t in query if t.asks) or total
        for t in query:
            if not t.known or (t.stem not in self._names and t.stem not in self._scopes):
                continue
            term = self._ids[t.stem]
            if t.weight < _NAME_SHARE * (asked if t.asks else total) and not (
                compared and t.asks and self._generic(term)
            ):
                continue
            if not t.asks and not self._generic(term):
                told.append(t.stem)
                continue
            if self._generic(term):
                if t.stem not in either and self._held_by_most(term):
                    # "is the 1M manual only": most entries hold it, so one that does not and
                    # names another ("the GP") is about that one
                    other = self._holding(term) | ~self._naming(query)
                    holders = other if holders is None else holders & other
                continue
            held = self._holding(term)
            if t.stem in either:
                alternatives = held if alternatives is None else alternatives | held
                continue
            holders = held if holders is None else holders & held
        if holders is None and told:
            # the question names none of its own: the story's last sentence naming any gives it
            sentences = (self._terms(said) for said in reversed(story))
            last = next((n for terms in sentences if (n := [t for t in told if t in terms])), told)
            for name in last:
                held = self._holding(self._ids[name])
                holders = held if holders is None else holders & held
        if alternatives is None:
            return holders
        return alternatives if holders is None else holders & alternatives

    def _either(self, question: str) -> frozenset[str]:
        """Return the terms on either side of an "or" in a question ("watts OR bmwna")."""
        said = words(question[:_MAX_EITHER_CHARS])
        around = (
            [w for i, w in enumerate(said) if "or" in said[max(i - 1, 0) : i] + said[i + 1 : i + 2]]
            if "or" in said
            else []
        )
        for part in parts(question):  # "is motoring a UK mag": motoring, or the UK it guesses
            if part.asks:
                around += classed(part.words)
        stems = [self._word(w)[0] for w in around]
        found = {t for s in stems for t in content(self.synonyms.apply([s]))}
        for i, w in enumerate(said):  # "worldwide or just NORTH AMERICA": the first term after
            if w == "or":  # "or", read as a phrase past the little words before it
                rest = said[i + 1 : i + 1 + _PHRASE]
                found.update(content(self.synonyms.apply([self._word(x)[0] for x in rest]))[:1])
        return frozenset(found)

    def _deed_holders(self, deeds: list[str], query: list[_Term]) -> _Mask | None:
        """Return the entries that say who did what a who-question asks ("who WROTE the
        article"): the deed in a phrasing, keyword or id, not only in the answer, and in one
        phrasing with one of the question's other telling words ("who runs BMWBLOG": not an
        entry asked "who runs the bimmercast" and, elsewhere, "is it the same site as bmwblog")."""
        total = sum(t.weight for t in query)
        others = [
            self._ids[t.stem]
            for t in query
            if t.known
            and t.asks
            and t.stem not in deeds
            and t.weight >= _NAME_SHARE * total
            and not self._generic(self._ids[t.stem])
        ]
        holders = np.zeros(self._size, dtype=bool)
        for deed in deeds:
            index = self._ids.get(deed)
            if index is None:
                continue
            if self._generic(index):
                return None
            strong = self._strong_holding(index)
            held = np.flatnonzero(strong)
            if not others or held.size > _DEED_CHECKS:
                holders |= strong
                continue
            beside = np.zeros(self._size, dtype=bool)
            alone = np.zeros(self._size, dtype=bool)  # holds a word no other entry does
            for o in others:
                holding = self._strong_holding(o)
                beside |= holding
                if np.count_nonzero(holding) == 1:
                    alone |= holding
            for entry in held.tolist():
                # A deed among the keywords of the one entry holding another of the question's
                # words is said of that entry as a whole ("who was HOPING for a race with the
                # only entry naming the rival"): held beside it is enough.
                whole = alone[entry] and self._keyword(entry, index)
                rows = set() if whole else self._rows_holding(entry, index)
                holders[entry] = (
                    bool(beside[entry])
                    if not rows
                    else any(rows & self._rows_holding(entry, o) for o in others)
                )
        return holders

    def _keyword(self, entry: int, term: int) -> bool:
        """Return whether an entry's keyword line holds a term."""
        code = term * max(self._size, 1) + entry
        codes = self._keyword_codes
        at = bisect.bisect_left(codes, code)
        return at < len(codes) and codes[at] == code

    def _rows_holding(self, entry: int, term: int) -> set[int]:
        """Return the phrasings of an entry that hold a term."""
        terms = self._pair_term
        start, end = self._pair_at[entry], self._pair_at[entry + 1]
        at = bisect.bisect_left(terms, term, start, end)
        if at == end or terms[at] != term:
            return set()
        return set(self._pair_rows[self._rows_at[at] : self._rows_at[at + 1]])

    def _focus_holders(self, terms: list[str]) -> _Mask | None:
        """Return the entries that hold one of the focus terms, or None when they test nothing."""
        if not terms:
            return None
        holders = np.zeros(self._size, dtype=bool)
        for term in terms:
            index = self._ids.get(term)
            if index is None:
                continue
            if self._generic(index):
                return None
            holders |= self._holding(index)
        return holders

    def _query(self, question: str) -> _Query:
        """Return the question's terms with their weights, the terms it asks about, the
        kind of answer it wants (a number, a date) if it says, and what "how many" counts;
        remembered for the last few messages (_QUERIES_KEPT), in lists of its own each time.

        A sentence that only ends in a question mark is story beside one that opens with a
        question word, unless that one is too vague to go on ("... gabe sounded hopeful? ...
        what did he actually say"): then both ask.
        """
        read = self._queries.get(question)
        if read is None:
            found = parts(question)
            read, vague = self._weigh(question, found)
            if vague:
                wider = parts(question, opening=False)
                if wider != found:
                    read, _ = self._weigh(question, wider)
            if len(self._queries) >= _QUERIES_KEPT:
                self._queries.clear()
            self._queries[question] = read
        query, focused, wanted, things = read
        return list(query), list(focused), wanted, list(things)

    def _weigh(
        self, question: str, found: tuple[Part, ...]
    ) -> tuple[tuple[list[_Term], list[str], str | None, list[str]], bool]:
        """Return what _query does for a message split into ``found``, and whether its asking
        sentences are too vague to go on alone."""
        terms: dict[str, _Term] = {}
        focused: list[str] = []
        wanted: str | None = None
        things: list[str] = []
        uncovered: list[str] = []  # topics the sources never cover, named where it asks
        asking: set[str] = set()  # terms that count in full: the sentences that ask
        deeds: dict[str, _Term] = {}  # a who-question's deed that no entry can hold
        told_by: set[str] = set()  # the words of a story that tell who passed its claim on
        claimed: set[str] = set()  # and its other words
        passed_on: set[str] = set()  # figures a story's claim gives that no answer states
        told = not all(p.asks for p in found)
        # "... but I WANNA KNOW WHAT ACTUALLY HAPPENED AFTER. did bmw ...": the asker's own
        # sentence asks what came after, though it is told, not asked; the question is about it.
        # So does "... i WANNA KNOW what happened after": the wondered question, read alone.
        wished_after = any(
            not p.asks
            and (
                (not _ASKER.isdisjoint(p.words) and afterwards(p.words))
                or afterwards(wondered(p.words))
            )
            for p in found
        )
        offered = self._offered_figures(found)
        checked = checked_figures(question)  # "so the us gets 1000 right?": maybe misremembered
        put_up = checked_claims(question)  # "the clip was LE MANS BLUE right": maybe misremembered
        earlier_words: set[str] = set()  # the words of the parts before this one
        for order, part in enumerate(found):
            if order:
                earlier_words.update(found[order - 1].words)
            typed = self._two_word_names.fix(believed(part.words))  # "BUY the figure"
            figures, rough = guessed(typed)  # "like 400 something": the asker's own guess
            guesses = {typed[i] for i in figures} | offered | checked
            rough |= listed(typed)  # "the 2 things limiting it": no figure it asks about
            rough |= causing(typed)  # "what could MAKE the numbers change": no production
            rough |= restated_kinds(typed)  # "what KIND of car": the car is asked
            rough |= described_writer(typed)  # "the blog THAT WROTE THE PIECE": who, not what
            # "is it true it was THE RING, or was it some other track": the claim is the
            # asker's memory and the open alternative names nothing
            remembered = self._remembered(typed) if part.asks else set()
            if remembered:
                rough |= open_alternative(typed)[1]
            bounded = bound(typed) if part.asks else frozenset()
            limits: set[str] = set()
            if bounded:
                # "is it MORE OR LESS THAN 100 a month", "OVER OR UNDER 500": the asker's
                # bound, no figure anyone gave; the figure compared is asked
                limits = {typed[i] for i in bounded if typed[i].isdigit()}
                rough |= {i for i in bounded if typed[i] not in limits}
            # ... and "THE GUY WHO BROUGHT UP THE ZHP, does he think": who is meant is known
            whole = share_of(typed) | identified(typed) if part.asks else frozenset()
            if rough:
                whole = frozenset(i - sum(j < i for j in rough) for i in whole if i not in rough)
                typed = [w for i, w in enumerate(typed) if i not in rough]
            analysed = [self._word(w) for w in typed]
            for i, (_, _, fixed) in enumerate(analysed):
                if i and fixed != typed[i] and _trim_of(typed[i - 1], typed[i]):
                    analysed[i] = (stem(typed[i]), 0.0, typed[i])  # "m3 GTS": no "gets"
            # "how many does ohio get OUT OF THE US TOTAL": the whole is known, the share asked
            wholes: set[str] = set()
            if whole:
                stems = [s for s, _, _ in analysed]
                wholes = set(content(self.synonyms.apply([stems[i] for i in sorted(whole)])))
                wholes -= set(
                    content(self.synonyms.apply([s for i, s in enumerate(stems) if i not in whole]))
                )
            commonness = {s: zipf for s, zipf, _ in analysed}
            # Unknown adverbs ("supposedly", "apparently") and guessed figures are asides.
            # ... and so is the other side of a comparison offered ("bigger or SMALLER").
            sides = other_side(typed)
            asides = {
                s
                for i, ((s, _, _), w) in enumerate(zip(analysed, typed, strict=True))
                if w[-2:] == "ly"
                or w in guesses
                or i in sides
                or w in remembered
                or (part.asks and w in put_up)
            }
            figures_said = reported_figures(typed)
            # "the reply to YOURBESTSOURCE", "why did someone tell YBS": the one spoken to, whose
            # own claims are not asked when no one named spoke ("what did bmwblog tell gabe")
            spoken_to = set()
            for verb, at in addressed(typed) if part.asks else ():
                before = content(self.synonyms.apply([s for s, _, _ in analysed[:verb]]))
                if self._speakers.isdisjoint(before):
                    spoken_to.update(content(self.synonyms.apply([analysed[at][0]])))
            # "my sa called me today and SAID ...": who told the story's claim, and when
            tellers = set() if part.asks else self._leading(analysed, teller(typed))
            # "then MY BUDDY SENDS ME a thing saying ... ??": who passed on a claim the asker
            # checks is no word of the question
            relayed = self._leading(analysed, relayer(typed)) if part.asks else set()
            layouts = self._choice_of_layouts(part.words)
            mine = not _ASKER.isdisjoint(part.words)  # "can I still get one": the asker's lot
            mine = mine or hearsay(part.words)  # "someone said ...": a claim, maybe garbled
            if part.asks and not (focused and wanted):
                spelled = tuple(fixed for _, _, fixed in analysed)
                if not focused:
                    heads = focus(spelled)
                    # "who SIGNS OFF": a verb and its particle read as one ("authorization")
                    asked = [
                        content(self.synonyms.apply([stem(p) for p in w.split()])) for w in heads
                    ]
                    # "what KAY segler says": the head opens a name the synonyms read as one
                    asked = [
                        self._opening(spelled, w) or t for w, t in zip(heads, asked, strict=True)
                    ]
                    focused = [self._known(t[0]) for t in asked if t]
                    if focused and asks_who(spelled) and wanted is None:
                        wanted = "deed"  # "who WROTE it": an entry that says who did it
                        read = content(self.synonyms.apply([stem(w) for w in spelled]))
                        deed = heads[0].split()[0]
                        if read.count(focused[0]) > 1 and stem(deed) not in self._ids:
                            # "who SHOT the VIDEO": the deed reads as the thing it made, so no
                            # entry can say it apart; it weighs as a word none holds.
                            focused = [stem(deed)]
                            heavy = self._unknown_weight * _informative(english_zipf(deed))
                            deeds[focused[0]] = _Term(focused[0], heavy, False, True)
                if heads_uncovered := [
                    f for f in focused if f not in self._ids and self._uncovered(f)
                ]:
                    # "where are the molds MADE" asks for a plant, a topic the sources never
                    # cover: it weighs as a word none holds, even when the words of the
                    # question do not name it, so an entry on the molds reaches no answer.
                    for head in heads_uncovered:
                        deeds.setdefault(head, _Term(head, self._unknown_weight, False, True))
                if (
                    (afterwards(spelled) and not bounded)
                    or self._past_horizon(spelled)
                    or wished_after
                ):
                    # "what did they post a few days LATER": what came after, which no entry
                    # holds; it weighs as a word none holds. So does "... i wanna know what
                    # happened AFTER. did they ...", the asker's own question told beside.
                    focused = [_AFTERWARDS]
                    deeds[_AFTERWARDS] = _Term(_AFTERWARDS, self._unknown_weight, False, True)
                if self._spot is not None and filmed_where(spelled):
                    deeds[self._spot.stem] = self._spot  # "where was the clip SHOT": the spot
                if compared_amount(spelled):
                    # "how much MORE profitable": the size of the difference, which no entry
                    # holds; an entry only saying it is more profitable restates the question.
                    deeds[_DIFFERENCE] = _Term(_DIFFERENCE, self._unknown_weight, False, True)
                shows = (  # the words naming a show, looked up only where they may matter
                    frozenset(w for w in spelled if self._names_show(w))
                    if may_say_on_show(spelled)
                    else frozenset()
                )
                if shows and said_on_show(spelled, shows):
                    # "what did they SAY ON THE podcast": what the show said, which no entry
                    # holds; one written by the show's makers does not quote it.
                    focused = [_SHOWN]
                    deeds[_SHOWN] = _Term(_SHOWN, self._unknown_weight, False, True)
                # Each reader spots a question for something no entry holds; its coined term
                # then weighs as a word none holds, and the last one found is what is asked.
                never_held = (
                    # "who WROTE the ARTICLE": its writer, whom no entry names
                    (byline(spelled), _BYLINE),
                    # "what was the NUMBER FOR APRIL": a count for one month; the monthly range
                    # from March does not say it
                    (month_count(spelled), _MONTH_COUNT),
                    # "IF bmw DOUBLES it how many a month": a share of a doubled run
                    (doubled_count(spelled, earlier_words), _DOUBLED_SHARE),
                    # "what did bmwna TELL bmwblog IN THAT CONVO": what was said in it; the entry
                    # saying the conversation took place does not say it
                    (exchange_said(spelled), _EXCHANGE),
                    # "what was the DIFFERENT INFO the reply had": what it was
                    (other_info(spelled), _OTHER_INFO),
                    # "when did the nyt ARTICLE COME OUT": the date a piece appeared
                    (dateline(spelled), _DATELINE),
                    # "what does HERR26 DRIVE": his own car
                    (own_car(spelled), _OWN_CAR),
                    # "what was herr26 GOING TO SAY": words he never got out
                    (unsaid(spelled), _UNSAID),
                    # "who WOULD WIN on track": a contest's result, which no entry holds
                    (would_win(spelled), _CONTEST),
                    # "where does he WORK NOW": a career after the sources
                    (present_post(spelled), _PRESENT_POST),
                    # "whats his BACKGROUND BEFORE bmw": a career before the sources
                    (earlier_post(spelled), _EARLIER_POST),
                    # "how many bmw DEALERS are in ohio": a count of businesses
                    (business_count(spelled), _BUSINESS_COUNT),
                    # "what colours does it COME in": the colours on offer
                    (paint_offered(spelled) and not self._colours_given, _PAINT_OFFERED),
                )
                for spotted, coined in never_held:
                    if spotted:
                        focused = [coined]
                        deeds[coined] = _Term(coined, self._unknown_weight, False, True)
                if wanted is None:
                    wanted = wants(spelled)
                    if run := counted(spelled):  # most questions count nothing
                        things = [
                            self._known(t)
                            for t in content(self.synonyms.apply([stem(w) for w in run]))
                        ]
                    else:
                        things = []
                    if bare_price(spelled):
                        self._priced_unsaid(focused, deeds)
                if wanted is None and any(
                    w in checked and self._word(w)[0] not in self._ids for w in spelled
                ):
                    # "so the us gets 1000 right?" with a figure no entry holds: the figure
                    # is what is checked, so only an entry giving one can set it right
                    wanted = "number"
            for term in dict.fromkeys(content(self.synonyms.apply([s for s, _, _ in analysed]))):
                if commonness.get(term, 0.0) < _OWN_WORD_ZIPF:  # "trailer" is no "trail"
                    term = self._known(term)
                index = self._ids.get(term)
                weight = None if index is None else self._weight[index]
                known = weight is not None
                asks = part.asks and not (told and term in self._provenance)
                share = 1.0 if asks else CONTEXT_KNOWN if known else CONTEXT_UNKNOWN
                if part.supposed and known:  # "SAY bmw built more. what happens": the case asked
                    share = 1.0
                if part.guess:  # "... or is he just trying to upsell me": no claim of the story
                    share = CONTEXT_UNKNOWN
                if term in wholes:
                    share = min(share, CONTEXT_KNOWN)
                if term in limits:
                    share = min(share, CONTEXT_KNOWN if known else CONTEXT_UNKNOWN)
                if not known and (term in asides or term in relayed):
                    share = CONTEXT_UNKNOWN
                if known and term in spoken_to and term in self._speakers:
                    share = min(share, CONTEXT_KNOWN)
                if not known and not part.asks and term in figures_said:
                    passed_on.add(term)
                if weight is None:
                    weight = self._unknown_weight * _informative(commonness.get(term, 0.0))
                if term in tellers:
                    told_by.add(term)
                elif not part.asks:
                    claimed.add(term)  # also in what a story says: a topic
                had = terms.get(term)  # "collect collector": one family, counted once
                if had is None or had.weight < share * weight:
                    terms[term] = _Term(term, share * weight, known, asks and not mine)
                    if asks:
                        asking.add(term)
                # "i'm in TEXAS, how many ...": where the asker is, not what is asked
                elsewhere = not (mine and term in self._unnamed_states) and term not in layouts
                if not known and part.asks and self._uncovered(term) and elsewhere:
                    uncovered.append(term)
        for key, t in deeds.items():
            terms[key] = t
            asking.add(key)
        story = sum(t.weight for t in terms.values() if t.stem not in asking)
        weighed = sum(t.weight for t in terms.values() if t.stem in asking)
        # A question too vague to go on alone ("whats his take", "which car was that") takes its
        # topic from the story: the story may weigh more then.
        alone = {
            self._ids[k]: terms[k].weight
            for k in asking
            if terms[k].known and (k not in self._verdict or not story)
        }
        vague = self._vague(alone, _LEAST_ASKED if story > 0 else _LEAST_KNOWN)
        # "... who put THAT NUMBER out there first": the question names its topic in the story.
        pointing = story > 0 and any(points_back(p.words) for p in found if p.asks)
        vague = vague or pointing
        if vague and story > 0:
            # "... something about the molds. can someone EXPLAIN what they MEANT": words that
            # weigh the story's claim ask nothing of their own; the story says which claim.
            for key in asking & (self._explain | (self._writing if pointing else frozenset())):
                t = terms[key]
                terms[key] = t._replace(weight=t.weight * CONTEXT_KNOWN)
        # "he says X, the blog says Y. WHO'S RIGHT": a call between sides keeps who told each
        called = any(arbitrates(p.words) for p in found if p.asks)
        if vague and not called:
            # "... SAID no more cars. is that real": the claim is the topic, not its teller
            for key in told_by - asking - claimed:
                t = terms[key]
                if t.known and key not in self._names:  # "a dealer in BRISBANE told me": where
                    terms[key] = t._replace(weight=t.weight * CONTEXT_UNKNOWN / CONTEXT_KNOWN)
            story = sum(t.weight for t in terms.values() if t.stem not in asking)
            # "... the us would get like 2000 1ms. is that legit": a figure of the claim that
            # no answer states is what is asked about, and no entry holds it.
            if wanted is None and all(yes_no(p.words) for p in found if p.asks):
                uncovered += sorted(passed_on - asking)
        share = _VAGUE_STORY_SHARE if vague else _STORY_SHARE
        if asking and story > share * weighed:  # the story around a question is context
            scale = share * weighed / story
            for key, t in terms.items():
                if key not in asking:
                    terms[key] = _Term(t.stem, t.weight * scale, t.known, uncapped=t.weight)
        topicless = pointing or not any(self._distinctive[t] for t in alone)
        return (list(terms.values()), uncovered or focused, wanted, things), topicless

    def _leading(self, analysed: list[tuple[str, float, str]], count: int) -> set[str]:
        """Return the content terms of a sentence's first ``count`` words, as ``_word`` read
        them (none for 0, as most sentences have)."""
        if not count:
            return set()
        return set(content(self.synonyms.apply([s for s, _, _ in analysed[:count]])))

    def _priced_unsaid(self, focused: list[str], deeds: dict[str, _Term]) -> None:
        """Add the price a question asks with no word of its own ("HOW MUCH is a 1m in the us")
        to ``deeds`` as a word it asks, so an entry that does not speak of one covers less."""
        head = focused[0] if focused else None
        if head is None or head not in self._ids:
            return
        deeds.setdefault(head, _Term(head, self._weight[self._ids[head]], True, True))

    def _remembered(self, typed: Sequence[str]) -> set[str]:
        """Return the words of a claim an asking sentence offers with an open alternative ("is
        it true it was THE RING, or was it some other track") when one names something no entry
        holds: the asker's memory, which the answer corrects. A claim all of whose words are
        held ("is this bmwblog or a different site") asks which it is."""
        claim, _ = open_alternative(typed)
        said = {typed[i] for i in claim}
        held = content(self.synonyms.apply([self._word(w)[0] for w in said]))
        return said if any(self._known(t) not in self._ids for t in held) else set()

    def _offered_figures(self, found: tuple[Part, ...]) -> frozenset[str]:
        """Return the figures a message offers as alternatives that no entry holds, when
        another it offers is held ("wasnt it 500 for the us? OR was it 600"): the asker's
        misremembered figure, which the held one's answer corrects."""
        said = [w for p in found for w in p.words]
        if "or" not in said:  # most questions
            return frozenset()
        figures = {w for w in said if w.isdigit()}
        held = {w for w in figures if self._word(w)[0] in self._ids}
        return frozenset(figures - held) if held and len(figures) > len(held) else frozenset()

    def _opening(self, spelled: tuple[str, ...], head: str) -> list[str]:
        """Return the term of a phrase the synonyms read as one that a one-word focus opens
        ("what KAY segler says": "segler"), or nothing."""
        if " " in head or head not in spelled:
            return []
        at = spelled.index(head)
        window = [stem(w) for w in spelled[at : at + _PHRASE]]
        read = self.synonyms.apply(window)
        alone = self.synonyms.apply(window[:1])
        if not read or read[0] == alone[0] or len(read) >= len(window):
            return []
        return content(read[:1])

    def unknown(self, question: str) -> list[str]:
        """Return the words of a question that no entry holds ("salary"), as stems."""
        return [t.stem for t in self._query(question)[0] if not t.known]

    def _past_horizon(self, asked: tuple[str, ...]) -> bool:
        """Return whether an asking sentence names a year later than the last one the answers
        name by more than _HORIZON ("is a 1m worth buying IN 2030"): what came after them."""
        latest = self._latest_year
        if latest is None:
            return False
        # only words of digits can be years: most questions have none
        return any(is_year(w) and int(w) > latest + _HORIZON for w in filter(str.isdigit, asked))

    def holders(self, word: str) -> list[int]:
        """Return, in file order, the entries holding a word (as its stem) anywhere: in a
        phrasing, keyword, id or answer; no spelling fix, so a name is read as typed."""
        terms = content(self.synonyms.apply([stem(word)]))
        slot = self._ids.get(terms[0]) if terms else None
        if slot is None:
            return []
        return sorted(
            set(self._post_entry[self._post_start[slot] : self._post_start[slot + 1]].tolist())
        )

    def beyond(self, question: str) -> bool:
        """Return whether a question asks about a topic the sources never cover: one a synonym
        group names ("how many did new zealand get", "how long has he been at bmw"), what came
        after them, or a value at the time of asking ("what do they go for these days")."""
        found = parts(question)
        if any(present_value(p.words) or outcome_count(p.words) for p in found if p.asks):
            return True
        return any(
            not t.known and t.asks and (t.stem in _COINED or self._uncovered(t.stem))
            for t in self._query(question)[0]
        )

    def rarity(self, text: str) -> list[tuple[str, float]]:
        """Return each word of ``text`` with how telling it is: the weight of its term, higher
        the fewer entries hold it, 0 if none does ("america" outweighs "coming")."""
        out = []
        for word in words(text):
            found = (
                self._ids.get(self._known(t))
                for t in content(self.synonyms.apply([self._word(word)[0]]))
            )
            out.append((word, max((self._weight[i] for i in found if i is not None), default=0.0)))
        return out

    def naming(self, text: str) -> list[bool]:
        """Return, for each word of ``text``, whether it names someone or something the answers
        write capitalised ("MINI", "1M", "Segler"), not a common word ("priced")."""
        return [
            not self._names.isdisjoint(content(self.synonyms.apply([self._word(word)[0]])))
            for word in words(text)
        ]

    def _choice_of_layouts(self, sentence: tuple[str, ...]) -> frozenset[str]:
        """Return the engine layouts a sentence offers as a choice one of which an entry holds
        ("was it a V6 or a V8": an answer naming the V8 settles it), else nothing."""
        if "or" not in sentence:  # most sentences offer no choice: skip the pattern
            return frozenset()
        offered = frozenset(w for w in sentence if _ENGINE.fullmatch(w.upper()))
        if len(offered) < 2 or offered.isdisjoint(self._ids):
            return frozenset()
        return offered

    def _uncovered(self, term: str) -> bool:
        """Return whether an unknown term names a topic the sources never cover: a synonym
        group's name for one ("horsepower"), or a model code no entry knows ("c63", "335i")."""
        if _MODEL_CODE.fullmatch(term) or term in self._unnamed_states:
            return True
        return term in self.synonyms.canonical and english_zipf(term) < _UNCOVERED_ZIPF

    def _names_show(self, word: str) -> bool:
        """Return whether a question word names a show ("podcast", "episodes", a synonym)."""
        return self.synonyms.apply([stem(word)])[0] in self._shows

    def _known(self, term: str) -> str:
        """Return the term, or a known stem of its word family when it is not known itself."""
        if term in self._ids:
            return term
        return self._relatives.get(term) or self._relative(term)

    def _relative(self, term: str) -> str:
        """Return a known stem of the same word family ("collect" -> "collector"), if any."""
        if len(term) < _PREFIX:
            return term
        family = [
            t
            for t in self._by_prefix.get(term[:_PREFIX], ())
            if (t.startswith(term) and t[len(term) :] in _SUFFIXES)
            or (term.startswith(t) and term[len(t) :] in _SUFFIXES)
        ]
        found = min(family, key=lambda t: (abs(len(t) - len(term)), t)) if family else term
        if len(self._relatives) < _MAX_CACHED:
            self._relatives[term] = found
        return found

    def _word(self, word: str) -> tuple[str, float, str]:
        """Return a question word's stem, how common it is, and its spelling correction
        (remembered)."""
        read = self._read_words.get(word)
        if read is None:
            spelled = self._spelled(word)
            read = (stem(spelled), english_zipf(spelled), spelled)
            if len(self._read_words) < _MAX_CACHED:
                self._read_words[word] = read
        return read

    def _spelled(self, word: str) -> str:
        """Return a question word's spelling correction (remembered)."""
        spelled = self._seen.get(word)
        if spelled is None:
            spelled = self._spelling.fix(plain(word))
            if len(self._seen) < _MAX_CACHED:
                self._seen[word] = spelled
        return spelled
