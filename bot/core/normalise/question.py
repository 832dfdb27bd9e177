"""Find the question inside a chat message: which sentences ask, and what they ask about."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache

from .places import ANSWERED, Kind, lies_in, named
from .text import MONTHS, STOPWORDS, is_year, words

CONTEXT_KNOWN = 0.5
"""How much a known word counts when it only stands in the story around the question."""

CONTEXT_UNKNOWN = 0.15
"""How much a word the knowledge has never seen counts there: chatter, mostly."""

# A sentence ends at . ! ? followed by a space, unless the word before is an abbreviation
# ("u.s.", "dr."; not a one-letter word, "... the people at bmw M. what ...", nor a short
# word, "... isn't buying IT. what ...", "... compared to the US. what ..."), at a line break
# or semicolon, or where chat turns to its question ("anyway", "lol", ", so should i").
# Round 124: "... OR AM I TRIPPING", "am i crazy", "or am i imagining things": the asker doubting
# their own memory, a sentence of its own that asks nothing of the sources (left out).
_SELF_DOUBT = (
    r"(?:am\s+i|im|i'm)\s+(?:just\s+)?(?:tripping|trippin|crazy|dreaming|imagining(?:\s+things)?"
    r"|misremembering|going\s+crazy|losing\s+it|making\s+(?:it|this|that)\s+up|wrong)"
    r"(?:\s+(?:here|rn|lol|lmao))?(?=\W*(?:$|[.!?,;]))"
)
# Round 131: "... OR AM I OVERTHINKING IT", "or did i waste my data lol": the asker's own slip
# of mind or judgement offered as the other side of a question, no side the sources could take.
_OWN_SLIP = (
    r"or\s+(?:(?:am\s+i|im|i'm)\s+(?:just\s+)?(?:overthinking(?:\s+(?:it|this|that))?"
    r"|missing\s+something(?:\s+(?:obvious|here))?"
    r"|(?:mixing|confusing)\s+(?:it|this|that|them|things)\s+up"
    r"(?:\s+with\s+(?:something|smth|another)(?:\s+else)?)?"
    r"|reading\s+(?:too\s+much\s+)?into\s+(?:it|this|that)"
    r"|wasting\s+(?:my\s+)?(?:time|gas|data|money))"
    r"|did\s+i\s+(?:just\s+)?(?:imagine|dream|misread|mishear|make\s+(?:it|this|that)\s+up"
    r"|waste\s+my\s+(?:time|gas|data|money))(?:\s+(?:it|this|that))?)"
    r"(?:\s+(?:here|rn|lol|lmao))?(?=\W*(?:$|[.!?,;]))"
)
_DOUBT = re.compile(r"^\W*(?:(?:or\s+)?" + _SELF_DOUBT + "|" + _OWN_SLIP + r")\W*$", re.IGNORECASE)
_BREAK = re.compile(  # no pattern starts with a repeat: linear on long runs of spaces
    # Every break starts with one of these: most places are passed over at one test.
    r"(?=[\s;,almqth23cf])(?:(?<=[.!?])(?<!\.[a-z]\.)(?<!\b(?:dr|mr|ms|st|jr|sr|vs|mt|ft)\.)\s"
    r"|[\n;]"
    # "... on the waitlist since forever 😩 how many ...": an emoji ends a sentence as "!" does
    r"|(?<=[\U0001F300-\U0001FAFF\u2600-\u27BF\uFE0F])\s"
    r"|\b(?:anyways?|long story short|my question is|question is|question:"
    r"|lo+l|lmao+|haha)\b"  # "lmaooo": stretched as typed
    # "tl;dr: ..." turns to the question, but "give me THE tldr OF ..." and "can SOMEONE tldr
    # THE ARTICLE" ask for one of what follows: the summary asked for is the question, no
    # break ("someone tl;dr IT" asks it of the question before, which stays its own)
    r"|(?<!\bthe )(?<!\ba )(?<!\bsomeone )(?<!\banyone )(?<!\bsomebody )(?<!\banybody )"
    r"\btl;?\s?dr\b"
    r"|\btl;?\s?dr\b(?!\s+(?!(?:it|this|that|pls|plz|please)\b)\w)"
    # "two things: what ... and what ...": a count of the questions to come opens them
    r"|\b(?:two|three|2|3|couple(?:\s+of)?|few)\s+(?:things|questions|qs)\s*:"
    # "... does it say itll appreciate OR WHAT, trying to win this argument": a tag ends it
    r"|(?<=\bor what),\s|(?<=\bor nah),\s|(?<=\bor not),\s"
    # "... in that clip OR AM I TRIPPING": the asker doubting themself ends the question
    r"|(?<!\bor)\s(?=(?:or\s+)?" + _SELF_DOUBT + r")"
    r"|\s(?=" + _OWN_SLIP + r")"
    # ", can someone ...": a request to the channel that turns to the question (round 18)
    r"|,\s*(?=(?:can|could|would|does|do|did)\s+(?:someone|somebody|anyone|anybody|u|you)\b)"
    # "... im so lost can someone explain ...": such a request needs no comma (round 21)
    r"|\s(?=(?:can|could)\s+(?:someone|somebody|anyone|anybody)\s+(?:explain|tell|clarify"
    r"|clear|help|break)\b)"
    # ", so should i ...": a clause that turns to the question after the story
    r"|,\s*so\s+(?=(?:should|is|are|was|were|do|does|did|will|would|can|could|what|whats|how"
    r"|why|when|where|who|which)\b))",
    re.IGNORECASE,
)
_TAGGED = re.compile(r"\bor (?:what|nah|not)\W*$", re.IGNORECASE)  # asks like a "?"
MAX_PARTS = 64  # a message split into more sentences keeps the rest as its last one
# "it was white tho WASNT IT, ...": a tag question asks the claim before it be confirmed
_TAG = r"\b(?:is|was|are|were|do|does|did|has|have|wo|would|could)n'?t\s+(?:it|he|she|they)"
_TAG_COMMA = re.compile(_TAG + r"\s*,", re.IGNORECASE)
_TAG_END = re.compile(_TAG + r"\W*$", re.IGNORECASE)

_AUXILIARIES = frozenset(
    """
    is are was were am be been do does did done can could will would should shall may might
    must has have had isnt arent wasnt werent dont doesnt didnt cant couldnt wont wouldnt
    shouldnt hasnt havent hadnt any
    """.split()
)
# A yes/no question opens with one of these: "IS that real", "DID he say that", "HAS it
# started". (`_AUXILIARIES` also has the negations and "be", "may", "must": any of them asks.)
COPULAS = frozenset("is was are were".split())
YES_NO_OPENERS = COPULAS | frozenset("do does did can could will would should has have had".split())
_WH = frozenset("what whats wat wut which how hows who whos".split())
_AMOUNT = frozenset("many much".split())
_HOW_MANY = ("how", "many")
# Verbs of a count's cars reaching a place: "how many CAME here", "how many GOT SENT to the us"
# counts the cars the story or the question names, not an arrival an entry must hold.
# Past forms only: "how does the f30 COME into it", "was something big COMING" ask a deed.
REACHED = frozenset("came arrived landed went got sent shipped".split())
# Heads that only restate the question word: "which PLACE" is where, "what NUMBER of" how many.
_RESTATED = frozenset(
    """
    place places way ways kind kinda sort sorta type one ones thing things number count amount
    deal story situation scoop lowdown
    """.split()
)
_JOINS = frozenset("and or but".split())
_PARTICLES = frozenset(
    "off up out".split()
)  # "who signs OFF": part of the verb  # "how many AND were any left": nothing counted
# A last sentence that starts with one of these asks even without a question mark, after one
# with it: "... something about allocations? what did the memo actually say".
_WH_LAST = _WH | frozenset("where wheres when why".split())
_ASKS = _WH | _AUXILIARIES | frozenset("where wheres when why y".split())
# A sentence that starts with one of these tells ("BEEN lurking for a while", "DONE my
# homework"): an "I've" left out, not a question.
_OPENERS = _ASKS - frozenset("been done".split())
# After "how many", words that lead to the thing counted: "how many PER month" counts by month.
# "how many EXTRA would they need", "how many ADDITIONAL cars": how much more, not what is counted.
_EXTRA = frozenset("extra additional".split())
_NO_FOCUS = STOPWORDS | frozenset("per every".split()) | _EXTRA


@dataclass(frozen=True, slots=True)
class Part:
    """One sentence of a message, its words, and whether it is the question."""

    words: tuple[str, ...]
    asks: bool
    guess: bool = False  # the asker's own second guess ("... OR IS HE JUST lazy")
    supposed: bool = False  # a supposition the next question asks about ("SAY bmw built more.")


@lru_cache(maxsize=64)  # a message is read two or three times on its way to an answer
def parts(message: str, *, opening: bool = True) -> tuple[Part, ...]:
    """Split a message into sentences and mark those that ask (all of them if there is one).

    With ``opening``, a sentence that only ends in a question mark is story when another that
    does opens with a question word or an auxiliary ("... come down eventually right? ... is
    it gonna be hard to get one"); one that asks after an "if" clause ("if it did 150 on a
    public road how is that legal?") opens too.
    """
    every = words(message)
    # "is it hype OR the tooling", "he RECKONS ..., she SAYS ...": alternatives to weigh
    either = "or" in every or sum(map(_VIEWS.__contains__, every)) > 1
    pieces = [
        (s, found)
        for whole in _BREAK.split(message, MAX_PARTS)
        for turned in _turned(whole)
        for s in _tag_ended(turned)
        if _DOUBT.match(s) is None and (found := _judged(_read_as_asked(s), either))
    ]
    if len(pieces) <= 1:
        alone: list[Part] = []
        for _, found in pieces:  # "where was it shot, looks like europe": the guess is story
            at = _seeming(found)
            if (told := _told_premise(tuple(found))) is not None:  # "SINCE X SAID Y, are ..."
                alone += [Part(tuple(found[:told]), False, True), Part(tuple(found[told:]), True)]
                continue
            if at is None and (debated := _debated(found)) is not None:
                # "some guys ARGUED ABOUT where ...": the question they argued is asked
                alone += [Part(tuple(found[:debated]), False), Part(tuple(found[debated:]), True)]
                continue
            if at is None and (after := _aside(found)) is not None:
                alone += [Part(tuple(found[:after]), True), Part(tuple(found[after:]), False)]
                continue
            if at is None and (guessed := _doubted_check(found)) is not None:
                # "how did he find out, DID HE JUST ask": the asker's guess at the answer
                alone += [
                    Part(tuple(found[:guessed]), True),
                    Part(tuple(found[guessed:]), False, True),
                ]
                continue
            alone += (
                [Part(tuple(found), True)]
                if at is None
                else [Part(tuple(found[:at]), True), Part(tuple(found[at + 2 :]), False)]
            )
        return tuple(alone)
    marked = ["?" in s or _TAGGED.search(s) is not None for s, _ in pieces]
    if any(marked):
        _mark_last_opening(marked, [tuple(found) for _, found in pieces])
    opens = [
        m and (_opens(tuple(found)) or _conditional(tuple(found)))
        for m, (_, found) in zip(marked, pieces, strict=True)
    ]
    if opening and any(opens):
        marked = opens
    # "I THOUGHT the whole point was that its rare? is this legit": the asker's belief is
    # story beside another sentence that asks (round 18)
    believed = [
        m and tuple(found[:2]) in _BELIEVED for m, (_, found) in zip(marked, pieces, strict=True)
    ]
    if any(believed) and not all(b or not m for b, m in zip(believed, marked, strict=True)):
        marked = [m and not b for m, b in zip(marked, believed, strict=True)]
    if not any(marked):
        marked = [found[0] in _OPENERS for _, found in pieces]
    if not any(marked):  # "it was white WASNT IT, ... so whoever is right buys the round"
        marked = [_TAG_END.search(s) is not None for s, _ in pieces]
    if not any(marked):
        marked[-1] = True
    out: list[Part] = []
    # "... i keep hearing it'll be 'gone before you know it'. who said that": the words quoted in
    # the story are what the question points back at, so they ask too.
    pointed = any(
        m and not _POINTERS.isdisjoint(f) and all(w in STOPWORDS or w in _OF_A_QUOTE for w in f)
        for m, (_, f) in zip(marked, pieces, strict=True)
    )
    for (said, _), m in zip(pieces, marked, strict=True):
        if pointed and not m:
            out += [Part(tuple(words(q)), True) for q in _QUOTED.findall(said) if len(words(q)) > 2]
    for (_, found), m in zip(pieces, marked, strict=True):
        first = _first_guess(found) if m else None
        at = _second_guess(found) if m and first is None else None
        seems = _seeming(found) if m else None
        premise = _premise(tuple(found)) if m else None
        told = _told_premise(tuple(found)) if m and premise is None else None
        if premise is not None:  # "IF demand is so high in australia, why ...": a premise
            out += [Part(tuple(found[:premise]), False), Part(tuple(found[premise:]), True)]
        elif told is not None:  # "SINCE segler SAID 5000 are they ...": a claim taken as given
            out += [Part(tuple(found[:told]), False, True), Part(tuple(found[told:]), True)]
        elif at is not None:  # "is that real OR IS HE JUST trying to upsell me": the asker's guess
            out += [Part(tuple(found[:at]), True), Part(tuple(found[at:]), False, True)]
        elif first is not None:  # "IS HE JUST trying to upsell me or is that real": the same
            out += [Part(tuple(found[:first]), False, True), Part(tuple(found[first + 1 :]), True)]
        elif m and sum(marked) > 1 and _or_what(found):
            # "what is it? IS IT A PODCAST OR WHAT": the asker's guess beside the question
            out.append(Part(tuple(found), False, True))
        elif seems is not None:  # "..., LOOKS LIKE somewhere in europe": how it looks to them
            out += [Part(tuple(found[:seems]), True), Part(tuple(found[seems + 2 :]), False)]
        elif m and (debated := _debated(found)) is not None:  # "... ARGUED ABOUT where ..."
            out += [Part(tuple(found[:debated]), False), Part(tuple(found[debated:]), True)]
        elif m and (after := _aside(found)) is not None:  # "... BECAUSE MY BUDDY says ..."
            out += [Part(tuple(found[:after]), True), Part(tuple(found[after:]), False)]
        elif (not m or sum(marked) > 1) and _half_remembered(found):
            # "i think they said SOMETHING ABOUT x or y? cant remember, what was it": a guess
            out.append(Part(tuple(found), False, True))
        elif not m and (cut := _reaction(found)) is not None:
            out.append(Part(tuple(found[:cut]), m))
        elif not m and len(found) > 1 and found[0] in _SEEMING:  # "LOOKS grey n rainy"
            out.append(Part(tuple(found[2:] if found[1] == "like" else found[1:]), m))
        else:
            out.append(Part(tuple(found), m))
    return tuple(_supposing(out))


def _mark_last_opening(marked: list[bool], found: Sequence[tuple[str, ...]]) -> None:
    """Mark the last sentence that opens a question after the last one marked as asking, when
    only story follows it ("... about allocations? WHAT DID THE MEMO SAY", "... replied right?
    WILL IT CHANGE. asking bc my dealer ..."): a question mark left off still asks."""
    last = max(i for i, m in enumerate(marked) if m)
    for i in range(len(found) - 1, last, -1):
        if _opens(found[i]) or _conditional(found[i]):
            marked[i] = True
            return


# Round 98: "some guys at the meet ARGUING ABOUT where ...", "we DEBATED OVER who ...": a
# question others argued, told as story; the argued question is the asker's.
_ARGUING = frozenset(
    "argue argues argued arguing debate debates debated debating bicker bickering".split()
)
_ARGUED_OVER = frozenset("about over".split())


def _debated(sentence: list[str]) -> int | None:
    """Return where the question others argued begins in a sentence telling of the argument
    ("some guys ARGUED ABOUT WHERE the blog met him"), or None."""
    if _ARGUING.isdisjoint(sentence):
        return None  # most sentences
    for i in range(1, len(sentence) - 3):
        if (
            sentence[i] in _ARGUING
            and sentence[i + 1] in _ARGUED_OVER
            and sentence[i + 2] in _WH_LAST
        ):
            return i + 2
    return None


# "SAY bmw built more. what happens ...", "SUPPOSE ...", "WHAT IF ...": a sentence that sets up
# the case the next one asks about; "if" alone opens one too ("IF they did a second batch
# theyd need new molds. how many ...").
_SUPPOSING = frozenset("say suppose supposing imagine hypothetically if".split())
_SUPPOSING_PAIRS = frozenset({("lets", "say"), ("let", "say"), ("what", "if"), ("lets", "suppose")})


def _supposing(found: list[Part]) -> list[Part]:
    """Mark a story sentence that supposes the case the next sentence asks about."""
    out = list(found)
    for i in range(len(out) - 1):
        part = out[i]
        if part.asks or not out[i + 1].asks:
            continue
        start = _after_lead_ins(part.words)
        head = part.words[start : start + 2]
        if len(part.words) - start > 3 and (
            (head[:1] and head[0] in _SUPPOSING) or tuple(head) in _SUPPOSING_PAIRS
        ):
            out[i] = Part(part.words, False, part.guess, True)
    return out


_POINTERS = frozenset("that this".split())  # "who said THAT": what the story quoted
# A question about a quotation asks only who said it and whether it holds: "who said that",
# "who wrote that" (round 98).
_OF_A_QUOTE = frozenset(
    "said say says saying claimed claims claim wrote write writes written posted"
    " legit true real right accurate confirmed official"
    " source even actually originally first".split()
)
# A quotation: a quote mark after a space or the start, a word, and a closing mark before a
# space or a stop ("it'll be 'gone before you know it'."); an apostrophe inside a word stays.
_QUOTED = re.compile(
    "(?:(?<=\\s)|^)['\"\u2018\u201c](\\w(?:[^'\"\u2018\u2019\u201c\u201d]|['\u2019](?=\\w)){0,80}?\\w)"
    "['\"\u2019\u201d](?=[\\s.,!?;:]|$)"
)


# "that doesnt sound right TO ME, WHAT did the m boss say", "one thing I cant get: WHAT's the
# deal": a comma or colon after the asker's own aside that turns to a question word, or to an
# auxiliary and its subject ("give it to ME straight, IS THERE any chance ..."). Not ", which"
# (a relative clause) nor ", has a ..." (a participle's).
_TURN = re.compile(
    r"[,:]\s*(?=(?:what|whats|how|hows|who|whos|why|where|wheres|when)\b"
    # Round 124: "..., AT WHAT timestamp does it ...": a question word after its preposition
    # (not "at which", a relative clause)
    r"|(?:at|in|on)\s+what\b"
    r"|(?:is|are|was|were|do|does|did|can|could|will|would|should|isnt|arent|doesnt|didnt|wont)"
    r"\s+(?:there|it|that|this|they|he|she|the|any|anyone|someone|you|u|we|these|those)\b)",
    re.IGNORECASE,
)
# ("\bso" first, not "\s+so": a run of spaces is then never scanned again from each of them)
_SO_TURN = re.compile(
    r"\bso\s+(?=(?:what|whats|how|hows|who|whos|why|where|wheres|which)\s)", re.IGNORECASE
)
# "... the dream car BUT HONESTLY WHAT is bmw's stance", "... ancient history BUT DOES ANYONE
# remember": the aside turns to its question at "but", past the chat's own lead-ins
_BUT_TURN = re.compile(
    r"\bbut\s+(?:(?:honestly|tbh|ngl|seriously|real\s+talk)\W+)*"
    r"(?=(?:what|whats|how|hows|who|whos|why|where|wheres|when|which)\b"
    r"|(?:is|are|was|were|do|does|did|can|could|will|would|should|isnt|arent|doesnt|didnt|wont)"
    r"\s+(?:there|it|that|this|they|he|she|the|any|anyone|someone|you|u|we|these|those)\b)",
    re.IGNORECASE,
)
_TOLD_LEAST = 5  # words the aside takes before such a turn: "quick q: what ..." asks whole
_PASSED_ON_MOST = 15  # a claim passed on in this many words or more is a story of its own
_ASKER = frozenset("i im ive id ill me my mine".split())
# "AFTER bmwblog said it would change, what did gabe say": a clause the question hangs on
_SUBORDINATE = frozenset("if after before when since once because bc while unless though".split())


def _turned(sentence: str) -> list[str]:
    """Split a sentence where the asker's own aside of five words or more ("that doesnt sound
    right to me, ...") turns to its question after a comma or colon, or at "but" ("... the
    dream car but honestly what is their stance"): the aside is story, as a sentence of its
    own would be. A clause that asks, passes a claim on, or that the question hangs on, stays;
    a claim passed on before a yes/no question of its own ("my friend swears they got a
    handful, is there anything about arizona in the comments") is story too."""
    turn = _TURN.search(sentence) or _BUT_TURN.search(sentence)
    # "... idk maybe my screen is trash SO WHAT color was it": a run-on aside turning to its
    # question at "so", with no stop typed; what the aside passes on is story too
    run_on = turn is None and (turn := _SO_TURN.search(sentence)) is not None
    if turn is None:
        return [sentence]
    told = words(sentence[: turn.start()])
    if (
        len(told) < _TOLD_LEAST
        or (_ASKER.isdisjoint(told) and not _appealing(told))
        or told[0] in _SUBORDINATE
        or _opens(tuple(told))
        # "someone told me X, is that legit": the claim is what is asked
        or (
            not run_on
            and teller(told) > 0
            and _checks_passed_on(told, words(sentence[turn.end() :]))
        )
    ):
        return [sentence]
    return [sentence[: turn.start()], sentence[turn.end() :]]


def _checks_passed_on(told: list[str], asked: list[str]) -> bool:
    """Return whether a question after a claim passed on asks about that claim, so the two stay
    one sentence ("someone told me 5000, is that legit"), not when the question names its own
    topic ("..., is there anything about arizona in the comments") or is a yes/no check after a
    claim told at length ("my buddy at a dealer in ohio says they get 3 a year and theyre all
    gone, is that just his store"): that claim is a story of its own, read as one."""
    if _own_topic(asked):
        return False
    return len(told) < _PASSED_ON_MOST or not asked or asked[0] not in _AUXILIARIES


def _tag_ended(sentence: str) -> list[str]:
    """Split a sentence after a tag question and its comma ("it was white tho WASNT IT, some
    bmw white ..."): the claim it asks be confirmed ends there; the rest is story."""
    tag = _TAG_COMMA.search(sentence)
    if tag is None or not sentence[tag.end() :].strip():
        return [sentence]
    return [sentence[: tag.end() - 1], sentence[tag.end() :]]


_KNOWS = frozenset("know knows".split())


def _appealing(told: list[str]) -> bool:
    """Return whether an aside ends by turning to the channel ("... so surely SOMEONE HERE
    KNOWS, how many ..."): the asker's own aside, though it names no "I"."""
    tail = told[-_KNOWING_REACH:]
    return any(
        w in _ASKED_ONES and not _KNOWS.isdisjoint(tail[i + 1 : i + 3]) for i, w in enumerate(tail)
    )


_PRONOUNS = frozenset("he she they it that this those these".split())


def _own_topic(asked: list[str]) -> bool:
    """Return whether a yes/no question after a claim passed on names its own topic ("..., is
    there anything about arizona in the comments"), not the claim ("..., is that legit")."""
    own = list(itertools.takewhile(lambda w: w != "or", asked))  # "... OR IS IT just noise"
    bare = (
        w in _PRONOUNS and (i + 1 == len(own) or own[i + 1] in STOPWORDS) for i, w in enumerate(own)
    )  # "those ARTICLES": a determiner
    return bool(own) and own[0] in _AUXILIARIES and not any(bare) and not points_back(tuple(own))


# "... OR IS HE fobbing me off", "OR WAS SHE making it up": a guess about whoever passed the
# claim on (two words or more), not about the claim; "or was he LYING" weighs the claim itself.
_TELLERS = frozenset("he she".split())
_BELIEVED = frozenset({("i", "thought"), ("i", "figured"), ("i", "assumed"), ("i", "believed")})
_SEEMING = frozenset("looks seems looked seemed sounds feels".split())
# Round 128: "why cant they build more, SEEMS DUMB to leave money on the table": the asker's
# verdict on what they ask, story as "looks like ..." is ("sounds weird" is the blog's "odd").
_RATED = frozenset("dumb stupid silly crazy insane ridiculous pointless nuts sketchy fishy".split())
# "..., ITS NOT LIKE they ran out of engines": the asker's own reasoning, no part of the question.
_NOT_LIKE = frozenset({("its", "not", "like"), ("it", "not", "like")})


# "... no more coming, WHICH FELT LIKE a total brush off": the asker's reaction to what they
# tell, no part of the claim (round 29)
_REACTING = frozenset("felt feels seemed seems sounded sounds looked looks".split())


def _reaction(sentence: list[str]) -> int | None:
    """Return where a story sentence turns to the asker's reaction to it ("... no more coming
    WHICH FELT LIKE a total brush off"), or None."""
    for i in range(1, len(sentence) - 2):
        if sentence[i] == "which" and sentence[i + 1] in _REACTING:
            return i
    return None


# "I THINK they said SOMETHING ABOUT the turbos": what the asker half remembers was said.
_RECALLING = frozenset({("i", "think"), ("i", "thought"), ("i", "believe"), ("pretty", "sure")})
_VAGUELY = frozenset({("something", "about"), ("something", "like"), ("something", "with")})


def _half_remembered(sentence: list[str]) -> bool:
    """Return whether a story sentence is the asker's hedged recollection of what was said
    ("i think they said SOMETHING ABOUT the turbos or the gearing"): a guess, maybe wrong, at
    what the question asks, no claim of the story."""
    start = _after_lead_ins(tuple(sentence))
    vague = not _VAGUELY.isdisjoint(itertools.pairwise(sentence[start + 2 :]))
    return vague and tuple(sentence[start : start + 2]) in _RECALLING


# The words pointing at a thing just said: "... what even is it? IS IT a podcast OR WHAT" (a guess
# the asker offers, open to any answer), "..., was THAT like a press release", "is THAT still true",
# "... or is THAT real", "what did ppl say ABOUT THAT", "is that just a rumor" after an answer.
POINTING = frozenset("it that this".split())
# Who a question may point back at: "what did HE say", "is HER source any good".
HE_OR_SHE = frozenset("he him his she her".split())


def _or_what(sentence: list[str]) -> bool:
    """Return whether an asking sentence only offers the asker's guess and leaves it open ("is
    it a podcast or what", "is that a real number or what"): an auxiliary and "it / that /
    this", and "or what" at its end."""
    start = _after_lead_ins(tuple(sentence))
    head = sentence[start : start + 2]
    return (
        len(sentence) - start > 4
        and sentence[-2:] == ["or", "what"]
        and len(head) == 2
        and head[0] in _AUXILIARIES
        and head[1] in POINTING
    )


# "is that REAL or just forum noise", "LEGIT or just hype": a check of what was told (round 67).
_CHECKED = frozenset("right correct true legit real confirmed accurate official".split())


def _second_guess(sentence: list[str]) -> int | None:
    """Return where an asking sentence turns to the asker's own guess ("is there anything
    official behind that OR WAS HE JUST lazy", "... go up in value OR IS THAT a dumb plan"),
    or None. A check followed by the asker's own doubt ("is that real OR JUST forum noise",
    "legit OR JUST hype") turns there too: the doubt names no topic asked."""
    for i in range(1, len(sentence) - 2):
        if sentence[i : i + 2] == ["or", "just"] and sentence[i - 1] in _CHECKED:
            return i
    for i in range(1, len(sentence) - 3):
        if (
            sentence[i] == "or"
            and sentence[i + 1] in _AUXILIARIES
            and (
                (
                    sentence[i + 2] in _PRONOUNS
                    and (
                        "just" in sentence[i + 3 : i + 5]
                        or sentence[i + 2] in ("that", "this")
                        or (sentence[i + 2] in _TELLERS and len(sentence) - i > 4)
                    )
                )
                # "... or is MY DEALER making stuff up": the asker's own teller, guessed at
                or (sentence[i + 2] == "my" and len(sentence) - i > 5)
            )
        ):
            return i
    return _guessed_after(sentence)


def _doubted_check(sentence: list[str]) -> int | None:
    """Return where a one-sentence question turns to the asker's guess at its answer: a check
    of a claim passed on, then a guess about whoever passed it on ("my aunt says they bake 40
    a week, is that TRUE OR IS SHE pulling my leg"), or as `_guessed_after` reads; else None.
    "does he own one or is he just hyping" keeps its two sides: no check comes before "or"."""
    at = _second_guess(sentence)
    if at is not None and sentence[at] == "or" and sentence[at - 1] in _CHECKED:
        return at
    return _guessed_after(sentence)


_GUESS_AFTER_LEAST = 4  # "how did he FIND OUT, did he just ...": the question's words first


def _guessed_after(sentence: list[str]) -> int | None:
    """Return where a wh-question turns to the asker's guess at its answer ("how did he find
    out, DID HE JUST walk in and ask or what"), or None: an auxiliary, "he", "she" or "they",
    and "just" right after."""
    start = _after_lead_ins(tuple(sentence))
    if sentence[start : start + 1] == [] or sentence[start] not in _WH_LAST:
        return None
    for i in range(start + _GUESS_AFTER_LEAST, len(sentence) - 3):
        if (
            sentence[i] in _AUXILIARIES
            and sentence[i + 1] in _GUESSED_AT
            and sentence[i + 2] == "just"
        ):
            return i
    return None


_GUESSED_AT = _TELLERS | frozenset({"they"})  # "is HE just ...", "are THEY just ..."


def _first_guess(sentence: list[str]) -> int | None:
    """Return where an asking sentence that opens with the asker's guess about a teller ("IS
    HE JUST trying to upsell me or is that real") turns with "or" to its question about what
    was told, or None (round 33)."""
    start = _after_lead_ins(tuple(sentence))
    head = sentence[start : start + 4]
    if len(head) < 3 or head[0] not in _AUXILIARIES or head[1] not in _GUESSED_AT:
        return None
    if "just" not in head[2:]:
        return None
    for i in range(start + 3, len(sentence) - 2):
        if sentence[i] == "or" and sentence[i + 1] in _AUXILIARIES and sentence[i + 2] in POINTING:
            return i
    return None


def _seeming(sentence: list[str]) -> int | None:
    """Return where a question turns to how things look to the asker ("where was it shot, LOOKS
    LIKE somewhere in europe": the guess after "looks like" is story, the two words nothing),
    or None; "what does it look like" asks it. A verdict ("..., SEEMS DUMB to ...") turns too."""
    for i in range(3, len(sentence) - 2):
        if (
            sentence[i] in _SEEMING
            and (sentence[i + 1] == "like" or sentence[i + 1] in _RATED)
            and sentence[i - 1] not in _PRONOUNS
            and sentence[i - 1] not in _AUXILIARIES
        ):
            return i
        if tuple(sentence[i - 1 : i + 2]) in _NOT_LIKE:
            return i - 1  # "why not make more, ITS NOT LIKE they ran out of engines": an aside
    return None


# "who confirmed it BECAUSE MY salesman keeps insisting ...", "how many did australia get I
# REMEMBER the aussie commenter guessing ...": after the question, the asker turns to why they
# ask or what they recall; that aside is story, as a sentence of its own would be.
_BECAUSE = frozenset("because bc cuz coz cos cause".split())
_BECAUSE_WHO = frozenset(
    "i im ive id my me we our someone somebody people everyone everybody if it that".split()
)
_ASKER_SELF = frozenset("i im".split())
_ASKER_DOING = frozenset(
    """
    remember keep kept really honestly want wanted need needed feel felt figured guess guessing
    cant swear heard hear mean am trying asking thinking know only bet betting
    """.split()
)
_TOLD_IT = frozenset("said says told mentioned wrote claimed".split())  # "... HE SAID it was ..."
_ONLY = frozenset("just only".split())  # "how many in arizona total, NOT JUST michaels dealer"
_GUESSING = frozenset("was is".split())  # "who replied, WAS IT the blog or a random": guesses
_INVERTED = _AUXILIARIES - frozenset("be been done any".split())  # "will it BE i keep hearing"
_ASIDE_LEAST = 4  # the question's words before its aside: "why did i ..." is the question
# "whats this molds thing PPL KEEP bringing up": who keeps raising what the question names,
# the asker's story of hearing it, not words of the question; after the thing it names only.
_CROWD = frozenset("ppl people everyone everybody folks yall".split())
_KEEP = frozenset("keep keeps kept".split())
_RAISED = frozenset("thing things stuff number figure rumor rumour story one".split())
# "..., SINCE the us IS done after 2011": "since" before a clause in the present is a reason the
# asker takes for granted; "since the memo WAS sent" and "since march" date the question.
_PRESENT_BE = frozenset("is are isnt arent s has have hasnt".split())
_SINCE_SUBJECT = 3  # "since THE US is", "since IT is": the words before the clause's verb


def _since_clause(sentence: list[str], i: int) -> bool:
    """Return whether "since" at ``i`` opens a reason in the present ("since the us is done")."""
    return sentence[i] == "since" and not _PRESENT_BE.isdisjoint(
        sentence[i + 2 : i + 2 + _SINCE_SUBJECT]
    )


def _aside(sentence: list[str]) -> int | None:
    """Return where a question that opens with a question word or an auxiliary turns to the
    asker's aside ("who confirmed it BECAUSE MY salesman ...", "... I REMEMBER the aussie
    commenter ...", "... HE SAID ...", "..., NOT JUST michaels dealer", "... WAS IT the blog or
    a random"), or None; "because of", a reason the question offers, is no aside."""
    # "lowkey wanna know WHAT ...": a question word soon after a lead-in opens it too
    if not _opens(tuple(sentence)) and _WH_LAST.isdisjoint(sentence[:_ASIDE_LEAST]):
        return None
    last_or = max((j for j, w in enumerate(sentence) if w == "or"), default=-1)
    for i in range(_ASIDE_LEAST, len(sentence) - 2):
        word, nxt = sentence[i], sentence[i + 1]
        if sentence[i - 1] in _INVERTED or sentence[i - 1] in _WH_LAST:
            continue  # "what did I remember wrong": the asker is the question's subject
        if (
            (word == "not" and nxt in _ONLY and sentence[0] in _WH_LAST)
            or (word in _BECAUSE and nxt in _BECAUSE_WHO)
            or _since_clause(sentence, i)
            or (word in _ASKER_SELF and nxt in _ASKER_DOING)
            or (word in _TELLERS and nxt in _TOLD_IT)
            or (word in _CROWD and nxt in _KEEP and sentence[i - 1] in _RAISED)
            or (
                word in _GUESSING
                and nxt == "it"
                and sentence[i + 2] not in _CHECKED  # "..., and IS IT LEGIT or nah": a check
                and sentence[0] in _WH_LAST
                and last_or > i + 1
            )
            or _hedged_guess(sentence, i)
        ):
            # "..., i remember SOMETHING ABOUT dealers": a hint at the answer, part of the question
            vague = not _VAGUELY.isdisjoint(itertools.pairwise(sentence[i:]))
            return None if vague else i
    return None


def _hedged_guess(sentence: list[str], i: int) -> bool:
    """Return whether a wh-question turns at ``i`` to the asker's hedged guess at its answer
    ("where did he hear it, WAS THAT LIKE a press release"); "what was it like" asks."""
    return (
        sentence[0] in _WH_LAST
        and sentence[i] in _GUESSING
        and sentence[i + 1] in POINTING
        and sentence[i + 2] == "like"
        and i + 3 < len(sentence)
    )


# "..., RIGHT?", "NO WAY ...": chat that asks for agreement, not words of the question; "is 600
# right" is no tag.
_TAGS = frozenset("right rite ryt".split())
_DOUBTING = (("no", "way"),)
# "WAIT, who is ...", "HOLD ON what ...", "RANDOM BUT who's ...": an interjection before a
# question word or an auxiliary, not a word of the question; "wait i heard ..." is kept.
# "FORGET THAT, how many ...", "NEVER MIND THAT, who ...": the last question dropped before a
# new one, which is all that asks (after an "ok" or a laugh: "ok forget that, how many ...").
_INTERJECTIONS = (
    ("wait",),
    ("hold", "on"),
    ("hang", "on"),
    ("random", "but"),
    ("forget", "that"),
    ("forget", "it"),
    ("never", "mind", "that"),
    ("never", "mind"),
    ("nevermind",),
    ("scratch", "that"),
)
_BEFORE_INTERJECTION = frozenset("ok okay k alright so lol haha lmao".split())
_INTERJECTION_OPENERS = frozenset(opener[0] for opener in _INTERJECTIONS)
_BEFORE_PREDICATE = _AUXILIARIES | frozenset("s thats whos its".split())
# "RANDOM BUT i saw ...": an interjection before whatever follows, not only a question
_ANY_INTERJECTIONS = frozenset({("random", "but")})


# "REALISTICALLY, any chance of more": an adverb set off by a comma before the question.
_OPENING_ASIDE = re.compile(r"^\W*[a-z]{3,}ly\s*,", re.IGNORECASE)


def _unopened(sentence: str, found: list[str]) -> list[str]:
    """Return a sentence's words without an adverb set off by a comma at its start
    ("realistically, any chance of more us cars"): an aside, not what it asks about."""
    if len(found) > 2 and _OPENING_ASIDE.match(sentence):
        return found[1:]
    return found


# "the two figures in it, SAME THING?": a fragment naming its topic, then asking whether the two
# are one; the tag names nothing ("goes the SAME WAY" is a claim, and stays).
_SAME_LEAST = 4  # the topic's words before the tag
_SAME_TAGS = frozenset("thing things message number figure story claim quote".split())


# "ok anyway REAL QUESTION, how many ...", "DIFFERENT Q, does ...", "BACK ON TOPIC, when ...":
# the asker announcing a question, after an "ok" or two, is no word of it.
_ANNOUNCING = frozenset(
    "real different quick random serious honest dumb stupid genuine simple new another".split()
)
_QUESTION = frozenset("q question qn".split())
_ANNOUNCE_LEADS = _BEFORE_INTERJECTION | frozenset("anyway anyways but".split())
_MAX_ANNOUNCE_LEADS = 2
_BACK_ON_TOPIC = ["back", "on", "topic"]


def _unannounced(found: list[str]) -> list[str]:
    """Return a sentence's words without the asker announcing a question before a question
    word or an auxiliary ("ok real q: when ...", "ok back on topic, how many ...")."""
    lead = 0
    while lead < _MAX_ANNOUNCE_LEADS and found[lead : lead + 1] and found[lead] in _ANNOUNCE_LEADS:
        lead += 1
    rest = found[lead:]
    if rest[:3] == _BACK_ON_TOPIC:
        skip = 3
    elif rest[:1] and rest[0] in _ANNOUNCING and rest[1:2] and rest[1] in _QUESTION:
        skip = 3 if rest[2:3] == ["but"] else 2
    else:
        return found  # most sentences
    return rest[skip:] if len(rest) > skip + 1 and rest[skip] in _ASKS else found


def _untagged(found: list[str]) -> list[str]:
    """Return a sentence's words without a tag asking for agreement at its end ("..., right")
    or an opener doubting it ("no way ...")."""
    if len(found) > 2 and found[-1] in _TAGS and found[-2] not in _BEFORE_PREDICATE:
        found = found[:-1]
    if len(found) > 3 and tuple(found[:2]) in _DOUBTING:
        found = found[2:]
    if (
        len(found) > _SAME_LEAST
        and found[-2] == "same"
        and found[-1] in _SAME_TAGS
        and found[0] not in _OPENERS
    ):
        found = found[:-2]  # "the two figures in the 2nd post, SAME THING": which one it is
    lead = 1 if found[:1] and found[0] in _BEFORE_INTERJECTION else 0
    if len(found) <= lead or found[lead] not in _INTERJECTION_OPENERS:  # most sentences
        return found
    for opener in _INTERJECTIONS:
        n = lead + len(opener)
        if (
            len(found) > n + 2
            and tuple(found[lead:n]) == opener
            and (found[n] in _ASKS or opener in _ANY_INTERJECTIONS)
        ):
            return found[n:]
    return found


# "was it bigger OR SMALLER than the rumour": both ways a figure could differ, offered by the
# asker; the second is the same question asked the other way round.
_SIZES = frozenset("bigger smaller larger greater more less fewer higher lower".split())


def other_side(found: Sequence[str]) -> set[int]:
    """Return the positions of a comparative offered as the other side of one before it
    ("bigger or SMALLER", "more or LESS")."""
    return {
        i + 1
        for i in range(1, len(found) - 1)
        if found[i] == "or"
        and found[i - 1] in _SIZES
        and found[i + 1] in _SIZES
        and found[i - 1] != found[i + 1]
    }


# "is it true it was the ring, OR WAS IT SOME OTHER TRACK", "... OR A DIFFERENT NUMBER", "...
# OR WAS IT THE OPPOSITE": an open alternative, which names nothing; the claim before it is the
# asker's memory, which the answer may correct.
_OPEN_OTHER = frozenset("different other another else opposite".split())
_OPEN_FILLER = frozenset("something somewhere someone somebody one".split())
_OPEN_MOST = 6  # the words an open alternative may take: "or was it a different number"


def open_alternative(found: Sequence[str]) -> tuple[frozenset[int], frozenset[int]]:
    """Return where a sentence's claim stands before an open alternative the asker offers
    ("is it true it was THE RING, or was it some other track") and where that alternative
    stands ("OR WAS IT SOME OTHER TRACK"); nothing when it offers none."""
    if "or" not in found or _OPEN_OTHER.isdisjoint(found):  # most sentences: no alternative
        return frozenset(), frozenset()
    at = len(found) - 1 - found[::-1].index("or")
    after = found[at + 1 :]
    if not after or len(after) > _OPEN_MOST or _OPEN_OTHER.isdisjoint(after):
        return frozenset(), frozenset()
    heads = [w for w in after if w not in STOPWORDS and w not in _OPEN_OTHER | _OPEN_FILLER]
    if len(heads) > 1:  # "or did another dealer get them": a claim of its own
        return frozenset(), frozenset()
    return frozenset(range(at)), frozenset(range(at, len(found)))


# "explain it IN SIMPLE WORDS", "IN PLAIN ENGLISH": how to answer, not what about (round 18)
_MANNER = frozenset("simple plain layman laymans basic easy normal".split())
_MANNER_OF = frozenset("words terms english language".split())


# "MY COUSIN sends me a thing saying ...", "HIS BOSS told him": one of the asker's (or a
# teller's) people who passed a claim on is someone, no topic; "thanks bro" is left alone, and
# so is "buddy" (even "my buddy" cost a validation turn, rounds 56 and 57).
_OWNERS = frozenset("my his her our their".split())
_FROM = frozenset("in from".split())
_RELATIONS = frozenset(
    """
    bro bros cousin cousins coworker coworkers uncle bloke pal pals homie friend friends wife
    husband dad father mom mum brother sister gf bf girlfriend boyfriend roommate neighbour
    neighbor colleague boss son
    """.split()
)


def _related(found: list[str]) -> list[str]:
    """Return a sentence's words with one of someone's people ("MY COUSIN", "HIS BOSS") read
    as "someone", and where they live ("my cousin IN SYDNEY") dropped: who passed a claim on
    names no topic."""
    if _RELATIONS.isdisjoint(found):
        return found
    out: list[str] = []
    skip = 0
    for i, w in enumerate(found):
        if skip:
            skip -= 1
        elif w in _RELATIONS and out and out[-1] in _OWNERS:
            out[-1] = "someone"
            # "my cousin IN SYDNEY sent me ...": where they live is their story too
            if i + 2 < len(found) and found[i + 1] in _FROM and found[i + 2] not in STOPWORDS:
                skip = 2
        else:
            out.append(w)
    return out


_CITIES = named(Kind.CITY)
# "IM IN sydney", "I LIVE IN phoenix", "G'DAY FROM perth", "HI FROM perth": the words before
# "in" or "from" that say where the asker is.
_LOCATING = frozenset("i im we live living based here day gday hi hello hey greetings".split())
_LOCATED_REACH = 3  # the words before "in" or "from" that may say so ("im based out in")


def _located(found: list[str]) -> list[str]:
    """Return a sentence's words with a city the asker says they are in read as its market
    ("im in sydney" -> "im in australia")."""
    if _CITIES.isdisjoint(found):  # round 112: a city asked about is a place of its own
        return found
    out = list(found)
    for i, w in enumerate(found):
        if w in _CITIES and i > 0 and found[i - 1] in _FROM and _locating(found, i - 1):
            out[i] = lies_in(w)
    return out


def _locating(found: list[str], at: int) -> bool:
    """Return whether the words before the "in" or "from" at ``at`` say the asker is there."""
    return not _LOCATING.isdisjoint(found[max(0, at - _LOCATED_REACH) : at])


def _read_as_asked(sentence: str) -> list[str]:
    """Return a sentence's words as its question is put, without the chat around it."""
    found = _plainly(_in_situ(_related(_located(_uncompared(_basis_asked(words(sentence)))))))
    read = _unparticled(_uncleft(_unrequested(_untagged(_unannounced(_unopened(sentence, found))))))
    return _which_person(_backers(_anything_about(_latest(read))))


# Round 144: "BASED ON WHAT?", "ON WHAT BASIS", "what's THAT BASED ON": what a claim rests on,
# asked as "why" is; the words name no topic of their own ("where is bmw uk BASED" keeps its).
_BASED = frozenset("based basing".split())
_BASED_ON = frozenset("on off".split())
_BASIS_OF = frozenset("that this it thats its".split())


def _basis_asked(found: list[str]) -> list[str]:
    """Return a sentence's words with a phrase asking what a claim rests on ("based on what",
    "on what basis", "what's that based on") read as "why"."""
    if "basis" not in found and _BASED.isdisjoint(found):
        return found  # most sentences
    for i in range(len(found) - 2):
        first, second, third = found[i : i + 3]
        if first in _BASED and second in _BASED_ON and third in ("what", "wat"):
            return [*found[:i], "why", *found[i + 3 :]]  # "based on what"
        if first in _BASED_ON and second in ("what", "wat") and third == "basis":
            return [*found[:i], "why", *found[i + 3 :]]  # "on what basis"
        if third in _BASED and first in ("whats", "what") and second in _BASIS_OF:
            rest = found[i + 3 :]
            if rest[:1] and rest[0] in _BASED_ON:  # "whats that based on"
                return [*found[:i], "why", *rest[1:]]
    return found


# Round 108: "what are they going for COMPARED TO new": a preposition setting a standard beside
# what is asked, not a comparison asked about ("why does the blog compare the 1m to the gp").
_COMPARED_TO = frozenset("to with".split())
_COMPARISON_ASKED = frozenset("why how hows".split())


def _uncompared(found: list[str]) -> list[str]:
    """Return a sentence's words without "compared" before "to" or "with", unless a verb ("is
    rye compared to spelt", "WHY was rye compared to spelt") or how one fares against the
    other is asked ("HOWS rye compared to spelt")."""
    if "compared" not in found or not _COMPARISON_ASKED.isdisjoint(found):
        return found  # most sentences
    return [
        w
        for i, w in enumerate(found)
        if w != "compared"
        or found[i + 1 : i + 2] == []
        or found[i + 1] not in _COMPARED_TO
        or (i > 0 and found[i - 1] in _AUXILIARIES)
    ]


# "SO is it happening": a join opening a question.
OPENING_JOINS = frozenset("so ok okay and but".split())


# "WHICH EXEC gets the credit", "what guy posted it": a person asked for, as "who" asks.
_PERSONS = frozenset("guy dude person".split())
_WHICH_ONES = frozenset("which what".split())


def _which_person(found: list[str]) -> list[str]:
    """Return "which exec / guy / person <verb> ..." as "who <verb> ..."; "which head OF sales"
    names a title, not who holds it."""
    for i, (a, b) in enumerate(itertools.pairwise(found)):
        if (
            a in _WHICH_ONES
            and (b in _TITLES or b in _PERSONS)
            and found[i + 2 : i + 3]
            and found[i + 2] not in _TITLE_LINKS
        ):
            return [*found[:i], "who", *found[i + 2 :]]
    return found


# "WHAT'S the latest on ...", "what was the latest with ...": the opening "what is" asks.
_WHAT_IS = (("what", "is"), ("what", "was"), ("what", "are"), ("whats",), ("what",))


def _past_lead_ins(found: list[str]) -> int:
    """Return where a sentence's words go on past its lead-ins ("yo", "ok so")."""
    return next((i for i, w in enumerate(found) if w not in _LEAD_INS), len(found))


def _past_what_is(found: list[str]) -> int:
    """Return where a question opening "what is / was / are" or "whats" goes on, past lead-ins
    ("YO whats the latest on ...", "OK SO what was the latest with ..."), else 0."""
    start = _past_lead_ins(found)
    opening = tuple(found[start : start + 3])
    return next((start + len(w) for w in _WHAT_IS if opening[: len(w)] == w), 0)


# "WHAT'S THE LATEST ON 1m production": what news there is, as "any news on" asks.
_LATEST_ON = frozenset("on with about re".split())


def _latest(found: list[str]) -> list[str]:
    """Return "what's the latest on X" and "any word on X" as "any news on X"."""
    at = _past_what_is(found)
    frame = found[at : at + 3]
    if not at:
        return found
    if len(found) <= at + 3 or frame[:2] != ["the", "latest"]:
        return found
    return ["any", "news", "on", *found[at + 3 :]] if frame[2] in _LATEST_ON else found


# "IS THERE ANYTHING about arizona", "ANYTHING in the articles ABOUT australian demand": a
# request for what the sources say of a topic, as "what about arizona" is; "anything" names
# none ("did the 1m beat anything" keeps it).
_EXISTING = COPULAS | frozenset({"there"})
_INDEFINITE = frozenset("anything something".split())
_CLAUSES = frozenset("whether if".split())
_ABOUT_WITHIN = 5  # the words "anything" may take before "about": "in those two articles"


def _anything_about(found: list[str]) -> list[str]:
    """Return "(is there) anything (in X) about Y" as "what (in X) about Y"."""
    at = next((i for i, w in enumerate(found) if w not in _EXISTING), len(found))
    if at >= len(found) or found[at] not in _INDEFINITE or at == 1:
        return found  # "was anything said about ...": a deed asked, not "is there"
    if at == 0 and found[at] == "something":
        return found  # "... SOMETHING ABOUT dealers?": what the asker half remembers
    near = found[at + 1 : at + 1 + _ABOUT_WITHIN]
    if "about" not in near:
        return found
    topic = found[at + 2 + near.index("about") :]
    if not topic or topic[0] in _WH_LAST or topic[0] in _CLAUSES:
        return found  # "anything about WHETHER bmw will ...": the clause asks on its own
    return ["what", *found[at + 1 :]]


# "WHO BACKED UP jrob": who agreed with him; "what backs up the claim" asks for evidence.
_BACKING = frozenset("back backed backs backing".split())


def _backers(found: list[str]) -> list[str]:
    """Return a who-question asking who backed someone up as "who agreed with ..."."""
    if found[:1] != ["who"] or len(found) < 4 or found[1] not in _BACKING or found[2] != "up":
        return found
    return ["who", "agreed", "with", *found[3:]]


def _unparticled(found: list[str]) -> list[str]:
    """Return a sentence without "around" where it rounds no figure ("this time AROUND", "how
    did people get AROUND it", "the number thrown AROUND"): a particle, not "around 100"."""
    if "around" not in found:
        return found  # most sentences
    return [
        w
        for i, w in enumerate(found)
        if w != "around"
        or not (i and found[i - 1] in _BEFORE_PARTICLE)
        or (i + 1 < len(found) and found[i + 1][:1].isdigit())
    ]


_BEFORE_PARTICLE = frozenset(
    "time get got getting gets go going went thrown throwing floating walking".split()
)


def _in_situ(found: list[str]) -> list[str]:
    """Return a question asked with its question word in place ("yourbestsource SAID WHAT
    about production") as it is usually put ("what did yourbestsource say about production")."""
    if "what" not in found:
        return found
    at = found.index("what")
    if not 0 < at <= _IN_SITU_MOST or found[at - 1] not in _SAID_WHAT or found[0] in _ASKING_WORDS:
        return found
    return ["what", "did", *found[: at - 1], "say", *found[at + 1 :]]


# "he SAID what", "the blog CLAIMED what": a verb of saying before "what" asks what was said.
_SAID_WHAT = frozenset("said says claimed claims reckoned thinks thought posted wrote".split())
_IN_SITU_MOST = 4  # "the guy from arizona said what": who said it, in three words at most
_ASKING_WORDS = frozenset(
    "what who whos why how when where which so and is was are were did does do can could".split()
)


def _plainly(found: list[str]) -> list[str]:
    """Return a sentence's words without a phrase asking for the answer's manner ("... what
    happened IN SIMPLE WORDS", "IN PLAIN ENGLISH"): it names no topic."""
    for i in range(len(found) - 2):
        if found[i] == "in" and found[i + 1] in _MANNER and found[i + 2] in _MANNER_OF:
            return found[:i] + found[i + 3 :]
    return found


# "can u CLEAR IT UP", "can someone SETTLE THIS pls": a request to the listener to explain
# the story, which names no topic of its own (round 29)
_LISTENERS = frozenset("u you ya someone somebody anyone anybody".split())
_REQUESTS = frozenset("clear clarify settle sort".split())
_REQUESTED = frozenset("it this that things up down out in me us for pls please".split())


_SETTLING = frozenset("settle settles settling".split())
_DISPUTES = frozenset("bet bets argument arguments debate debates dispute disputes".split())
_DISPUTE_OWNERS = frozenset("a an the this that our my".split())
_PLEASE = frozenset("pls plz please for me us".split())


def _settled_span(found: list[str], at: int) -> int:
    """Return the length of a request to settle a dispute from ``at`` ("settle A BET", "settle
    THIS pls"), 0 when the verb settles something else ("is the number settled")."""
    end = at + 1
    if found[end] in _DISPUTE_OWNERS and end + 1 < len(found) and found[end + 1] in _DISPUTES:
        end += 2
    elif found[end] in _DISPUTES or (
        found[end] in POINTING and (end + 1 == len(found) or found[end + 1] in _PLEASE)
    ):
        end += 1
    else:
        return 0
    while end < len(found) and found[end] in _PLEASE:
        end += 1
    return end - at


def _unsettled(found: list[str]) -> list[str]:
    """Return a sentence without a request to settle the asker's own dispute, wherever it
    stands ("..., SETTLE THIS pls", "trying to SETTLE A BET w my mate"): it names no topic,
    and "settle" would read as values settling down or a number being settled."""
    for i, word in enumerate(found[:-1]):
        if word in _SETTLING and (span := _settled_span(found, i)):
            if i == 0 and span == len(found):
                return found
            return found[:i] + found[i + span :]
    return found


def _unrequested(found: list[str]) -> list[str]:
    """Return a sentence without its request to explain ("can u CLEAR IT UP", "could someone
    SETTLE THIS for me"): the story says what is to be explained."""
    found = _unsettled(found)
    at = (
        2 if found[:1] and found[0] in _AUXILIARIES and found[1:2] and found[1] in _LISTENERS else 0
    )
    if at == 0 or at >= len(found) or found[at] not in _REQUESTS:
        return found
    end = at + 1
    while end < len(found) and found[end] in _REQUESTED:
        end += 1
    if end == at + 1 < len(found):  # "can you CLEAR THE DASH": the verb has an object of its own
        return found
    return found[:at] + found[end:]


# "WAS IT goat WHO said ...", "I THOUGHT IT WAS the wsj THAT ...": the asker's guess at who
# did something, which may be wrong; what is asked is who did it.
_CLEFTS = frozenset({("was", "it"), ("wasnt", "it"), ("is", "it"), ("isnt", "it"), ("it", "was")})
_CLEFT_BEFORE = frozenset("thought think thot sure assumed figured".split())
_CLEFT_THAT = frozenset("who whos that".split())
# "is it TRUE that ...", "was it JUST hype that": no guess at a doer; "is it capacity OR cost
# that limits it": a choice between two, whose words are the question.
_NOT_DOERS = frozenset(
    """
    true real possible likely right ok okay legit confirmed official known fair safe case so
    just only really actually because bc cuz since when how what why something anything or
    """.split()
)
_CLEFT_MOST = 4  # the words a guessed doer may take


def _uncleft(found: list[str]) -> list[str]:
    """Return a sentence asking whether the asker's guess did something ("was it goat who
    said ...", "i thought it was the wsj that ...") as who did it ("who said ...")."""
    for i in range(min(len(found) - 3, 4)):
        if tuple(found[i : i + 2]) not in _CLEFTS:
            continue
        if i > 0 and found[i - 1] not in _CLEFT_BEFORE:
            continue
        if i == 0 and found[0] == "it":  # "it was ..." tells, it does not ask
            continue
        for j in range(i + 3, min(i + 3 + _CLEFT_MOST, len(found) - 1)):
            if found[j] in _CLEFT_THAT:
                doer = found[i + 2 : j]
                if _NOT_DOERS.isdisjoint(doer) and not _AUXILIARIES.intersection(doer):
                    return ["who", *found[j + 1 :]]
                break
    return found


# "WHO'S RIGHT", "WHICH ONE IS CORRECT": a verdict on the claims the message weighs, not a
# person or a thing it asks for; it asks what "is it true" asks.
ARBITERS = frozenset("who whos which".split())
_VIEWS = frozenset("says reckons thinks swears claims".split())  # two views told: alternatives
_JUDGED = frozenset("right wrong correct".split())
_BEFORE_JUDGED = frozenset("is was s one of them here then".split())


def _judged(found: list[str], either: bool) -> list[str]:
    """Return a sentence asking who or which is right ("who's right about it") in a message
    offering alternatives (``either``) as whether the claim is true ("is it true about it")."""
    if not either:
        return found
    for i, word in enumerate(found):
        if word not in ARBITERS:
            continue
        j = i + 1
        while j < len(found) and j - i <= 3 and found[j] in _BEFORE_JUDGED:
            j += 1
        if j < len(found) and found[j] in _JUDGED:
            return [*found[:i], "is", "it", "true", *found[j + 1 :]]
    return found


# Verbs that follow "what" in questions ("what happens to ...") and so name no answer word.
_VERBS = frozenset(
    """
    happens happened happen limits limited limit makes made make means meant causes caused
    stops stopped matters mattered goes went comes came changes changed holds held drives keeps
    kept affects affected determines decides decided sets gives gave says said stands
    """.split()
)

_KINDS = {  # what "how long" or "how much is" asks for, in words an answer would hold
    "long": "long year month week day time soon",
    "soon": "soon year month week day time",
    "old": "old age year",
    "fast": "fast quick soon speed year month week time",
    "far": "far distance mile kilometre km away",
    "expensive": "price cost msrp expensive cheap dollar",
    "cheap": "price cost msrp expensive cheap dollar",
    "much": "price cost msrp expensive cheap dollar",
}


# Words of size, rank or precision between "what" and what it asks for ("what BIG market",
# "which MAIN reason", "what EXACT date"): the noun after them is the focus.
_QUALIFIERS = frozenset(
    """
    big bigger biggest large larger largest huge major main key important small smaller
    smallest minor other exact specific precise particular
    """.split()
)


def _qualified(word: str, asked: tuple[str, ...], after: list[int]) -> bool:
    """Return whether "what" or "which" is followed by a qualifier and then a noun."""
    if word not in ("what", "whats", "wat", "which") or len(after) < 2:
        return False
    noun = asked[after[1]]
    return asked[after[0]] in _QUALIFIERS and noun not in STOPWORDS and noun not in _AUXILIARIES


def focus(asked: tuple[str, ...]) -> tuple[str, ...]:
    """Return the words a wh-question asks about ("how OLD", "which CITY"), any one will do."""
    if _built_where(asked):
        return _FACTORY  # "where is the x1 BUILT": a plant, not the car's story
    if _sold_for(asked):
        return _SALE_PRICE  # "what will it SELL FOR": a price, as "how much is it"
    if _speed_limit(asked):
        return _SPEED_FIGURE  # "what was the SPEED LIMIT": its value, a speed
    if _when_ends(asked):
        return _ENDS  # "what month does it END": an entry on its end, not on its start
    if arbitrates(asked):
        return ()  # "who's RIGHT": a call between the sides told, no word an answer holds
    fragment = _fragment(asked)
    if fragment:
        return fragment
    for i, word in enumerate(asked[:-1]):
        if word not in _WH or asked[i - 1 : i] == ("or",) or _preface(asked, i):
            continue  # "... still open or what per the memo": a tag, not the question word
        # "who ACTUALLY wrote it": an adverb of emphasis is no focus, the verb after it is
        skipped = ("the", "a", "an", "of", *_HEDGES)
        after = [j for j in range(i + 1, len(asked)) if asked[j] not in skipped]
        if not after:
            return ()
        head = asked[after[0]]
        if word in ("how", "hows"):
            if head in _AMOUNT:
                rest = [asked[j] for j in after[1:] if asked[j] not in _NO_FOCUS]
                following = asked[after[1]] if len(after) > 1 else ""
                if head == "much" and (not rest or following in _AUXILIARIES):
                    return tuple(_KINDS["much"].split())
                if following in _AUXILIARIES or following in _JOINS or following in REACHED:
                    return ()  # "how many WAS it", "how many AND ...": counted earlier, not here
                head = rest[0] if rest else head
            elif _moving(asked, after[0]):
                return _SPEED_FIGURE  # "how fast was it GOING": a speed in mph, not "fast"
            else:  # "how old" asks for an age; "how good", "how rare" name no answer word
                return tuple(_KINDS[head].split()) if head in _KINDS else ()
        elif word == "who" and _doing(asked, after):
            return (asked[after[1]],)  # "who was DRIVING the chase car": what they did
        elif (writer := _writer_of(word, asked, after)) is not None:
            head = asked[writer]  # "which NYT WRITER": a writer, not the outlet
        elif _copula_the(word, asked, after) or _qualified(word, asked, after):
            head = asked[after[1]]  # "what IS THE name of ...", "what BIG market"
        elif (named := _owner_named(word, asked, after[0])) is not None:
            head = asked[named]  # "what's michael's CA's NAME": a name, not michael
        elif head in _AUXILIARIES or word == "whos":
            return ()
        elif word == "who":  # "who WROTE the article": the entry must say who did that
            if head in STOPWORDS or head in _REPORTING or head in _DROPPED or len(head) < 3:
                return ()
            if head in _POINTING_VERBS and asked[after[0] + 1 :] in _POINTED_BACK:
                return ()  # "... who WROTE THAT": who said what the story quoted, no deed
            particle = asked[after[0] + 1 : after[0] + 2]
            if particle and particle[0] in _PARTICLES:  # "who SIGNS OFF on it": one deed
                return (f"{head} {particle[0]}",)
            return (head,)
        elif head in _VERBS:
            return ()  # "what HAPPENS to", "what LIMITS production": a verb, not what is asked
        if (
            head in STOPWORDS
            or head in _AMOUNT
            or head in _RESTATED
            or head in _DATED
            or (head in _DATING and word not in ("how", "hows"))  # "what MONTH": a date
            or (head == "day" and word not in ("how", "hows"))
            or head in _MOMENT
            or len(head) < 2
            or head.isdigit()
            or (word == "which" and head in WRITINGS)
        ):
            return ()
        if head in _SPANS:
            return tuple(_KINDS["long"].split())  # "what TIMEFRAME did they give": how long
        return _COUNTRIES if head in _COUNTRY else (head,)
    return ()


# "WHICH ARTICLE brings up watts", "which of the posts": every claim comes from one of the two
# posts, and the answer's source says which, so the word is no focus an entry must hold.
WRITINGS = frozenset("article articles post posts piece pieces".split())


def which_writing(asked: tuple[str, ...]) -> bool:
    """Return whether a question asks which of the posts says something ("WHICH OF THE
    ARTICLES brings up watts", "which post mentions the x1")."""
    for i, word in enumerate(asked[:-1]):
        if word == "which":
            after = [w for w in asked[i + 1 : i + 4] if w not in ("the", "of", "two")]
            if after[:1] and after[0] in WRITINGS:
                return True
    return False


# "what TIMEFRAME", "which TIMELINE": a span of time, asked as "how long" asks it.
_SPANS = frozenset("timeframe timeframes timeline timelines timescale timescales timespan".split())


# "what COUNTRY is motoring from": a country the answer names, any one will do.
_COUNTRY = frozenset("country countries nation".split())
# (A general list of countries was tried: it lost "motoring is from what country" on a tuning set.)
_COUNTRIES = ("country", *ANSWERED)


# "how fast WAS the car GOING", "how quick WERE they MOVING": a speed once measured, asked in
# the words a speed is given in ("how fast ARE they going" may ask how fast they sell, "was
# going to be" looks ahead). Asked inside another question the subject comes first: "does
# anyone know how fast THEY WERE going".
_SPEEDS = frozenset("fast quick quickly".split())
_MOVING = frozenset("going goin doing travelling traveling moving driving".split())
_SPEED_FIGURE = ("mph", "kph")
_MOVER_MOST = 3  # "how fast THE CHASE CAR was going": the words such a subject may take


def _moving(asked: tuple[str, ...], head: int) -> bool:
    """Return whether "how fast" asks how fast something was moving ("how fast was it GOING")."""
    if asked[head] not in _SPEEDS:
        return False
    window = asked[head + 1 : head + 2 + _MOVER_MOST]
    copula = next((i for i, w in enumerate(window) if w in ("was", "were")), None)
    if copula is None or not _AUXILIARIES.isdisjoint(window[:copula]):
        return False
    rest = asked[head + 2 + copula :]
    return any(
        word in _MOVING and rest[i + 1 : i + 2] not in (("to",), ("on",))
        for i, word in enumerate(rest)
    )


# "what was the (actual) SPEED LIMIT": the limit's value, a speed in mph, which an entry that
# only names the limit does not give.
_LIMIT_OF_SPEED = ("speed", "limit")
_BEFORE_LIMIT = frozenset("the a an is was s actual exact posted".split())
_LIMIT_MOST = 2  # "what was the UK MOTORWAY speed limit": the words that may name the road


def _speed_limit(asked: tuple[str, ...]) -> bool:
    """Return whether a what-clause asks the value of a speed limit ("whats the speed limit on
    uk motorways", "do they say what the actual speed limit was")."""
    if "limit" not in asked:  # most questions: skip the scan
        return False
    for i, word in enumerate(asked):
        if word in WHATS:
            rest = [w for w in asked[i + 1 : i + 6 + _LIMIT_MOST] if w not in _BEFORE_LIMIT]
            at = next(
                (j for j in range(len(rest) - 1) if tuple(rest[j : j + 2]) == _LIMIT_OF_SPEED), None
            )
            if at is not None and at <= _LIMIT_MOST:
                return True
    return False


# "how much MORE PROFITABLE", "how much LESS", "how much CHEAPER": the size of a difference.
_MORE_OR_LESS = frozenset("more less".split())


def compared_amount(asked: tuple[str, ...]) -> bool:
    """Return whether a question asks how much two things differ ("how much more profitable is
    the x1", "how much cheaper was the gp"): a figure, which an entry only saying that one is
    more profitable does not give."""
    start = _after_lead_ins(asked)
    if asked[start : start + 2] not in (("how", "much"), ("hows", "much")):
        return False
    after = asked[start + 2 : start + 3]
    return bool(after) and (
        after[0] in _MORE_OR_LESS or (after[0].endswith("er") and "than" in asked)
    )


# "what did they SAY ON THE podcast", "how many did they GUESS ON the show": what was said on
# a show, which written sources that quote none of it never give; "did they talk numbers on the
# podcast" asks whether they did.
_SAID_ON = frozenset("say said guess guessed predict predicted estimate estimated".split())
_ON = frozenset("on in".split())
_ON_WHICH = frozenset("the their a that this those".split())
_SAID_ON_ASKERS = frozenset("what whats how which".split())
_AIRED_ASKERS = frozenset("was were is".split())
# "what did the podcast CREW predict": the people of a show, speaking for it
_SHOW_PEOPLE = frozenset("crew guys hosts host team people folks lads boys gang".split())


def _show_said(asked: tuple[str, ...], shows: frozenset[str]) -> bool:
    """Return whether a show (or its people) is the one saying or guessing in a question:
    "what did THE PODCAST SAY about it", "what did the bimmercast CREW PREDICT"."""
    return _followed(asked, shows, _SHOW_PEOPLE, _SAID_ON)


def _followed(
    asked: tuple[str, ...], first: frozenset[str], skip: frozenset[str], then: frozenset[str]
) -> bool:
    """Return whether a word of ``first`` comes before one of ``then``, a ``skip`` word between."""
    for i, w in enumerate(asked[:-1]):
        if w in first:
            at = i + 2 if asked[i + 1] in skip else i + 1
            if at < len(asked) and asked[at] in then:
                return True
    return False


def may_say_on_show(asked: tuple[str, ...]) -> bool:
    """Return whether a question is worded so that ``said_on_show`` may hold of it, whatever
    its words name: most questions are not, and need not have their words looked up."""
    start = _after_lead_ins(asked)
    # "WAS the watts interview ON THE podcast", "did they talk about it on the show": whether
    # something was on the show, which no source says of anything
    if start < len(asked) and asked[start] in _AIRED_ASKERS:
        return True
    if _SAID_ON.isdisjoint(asked):
        return False
    return not (start < len(asked) and asked[start] not in _SAID_ON_ASKERS)


def said_on_show(asked: tuple[str, ...], shows: frozenset[str]) -> bool:
    """Return whether a what- or how-question asks what was said or guessed on a show
    (``shows``: the words that name one, "podcast", "episode"): "what did they SAY ON THE
    podcast about the price", "how many did they GUESS ON the show"."""
    if shows.isdisjoint(asked) or not may_say_on_show(asked):  # most questions
        return False
    start = _after_lead_ins(asked)
    aired = start < len(asked) and asked[start] in _AIRED_ASKERS
    if not aired and _show_said(asked[start:], shows):
        return True
    return _followed(asked, _ON, _ON_WHICH, shows)


# "who WOULD WIN", "would the coupe BEAT it": the result of a contest that never took place.
_CONTESTS = frozenset("win winner beat smoke outrun outpace".split())
_WOULD = frozenset("would wud could".split())
_CONTEST_REACH = 4  # "would THE COUPE BEAT": the words from "would" to the verb, at most


def would_win(asked: tuple[str, ...]) -> bool:
    """Return whether a question asks who would win a contest ("who would win on track",
    "would the coupe beat a cayman"): a guess the sources never make; "who won" asks what
    they report."""
    if _faster_than(asked):
        return True
    if _WOULD.isdisjoint(asked):  # most questions
        return False
    return any(
        w in _WOULD and not _CONTESTS.isdisjoint(asked[i + 1 : i + _CONTEST_REACH])
        for i, w in enumerate(asked)
    )


# "IS the cayman s QUICKER THAN the 1m": which car is quicker in general, a contest the sources
# never judge; "WAS it faster than the chase car" asks what a video showed, which they report.
_IS = frozenset("is are isnt arent".split())
_QUICKER = frozenset("faster quicker slower".split())


def _faster_than(asked: tuple[str, ...]) -> bool:
    """Return whether a question opens with "is / are" and compares two cars' speed ("is the
    coupe faster than a cayman")."""
    if asked[:1] and asked[0] not in _IS:  # most questions
        return False
    return any(w in _QUICKER and n == "than" for w, n in itertools.pairwise(asked))


# "who WROTE the ARTICLE", "who PENNED that piece": the writer of one piece, whom no source
# names ("who wrote that comment" asks for a commenter, whom the sources do name; "who wrote
# these articles" for the blog behind both posts, which the knowledge names).
_WROTE = frozenset("wrote write writes written authored penned".split())
_PIECES = frozenset("article piece story column writeup".split())
_PIECE_REACH = 5  # "who wrote THE NEW YORK TIMES PIECE": the words from the verb to the piece


def byline(asked: tuple[str, ...]) -> bool:
    """Return whether a question asks who wrote one article ("who wrote the motoring article",
    "who penned that piece", "the nyt article, who wrote it"): a byline no source gives; "who
    wrote that reply" asks for a commenter, "who wrote these articles" for the blog."""
    if "who" not in asked:  # most questions
        return False
    at = asked.index("who")
    rest = asked[at + 1 :]
    named = not _PIECES.isdisjoint(asked[:at])
    return any(
        w in _WROTE
        and (
            not _PIECES.isdisjoint(rest[i + 1 : i + 1 + _PIECE_REACH])
            or (named and rest[i + 1 : i + 2] == ("it",))
        )
        for i, w in enumerate(rest[:3])
    )


# "what was the production NUMBER FOR APRIL", "how many were built IN JUNE": a count for one
# calendar month, which no source gives (yourbestsource gives a monthly range from March).
_COUNT_WORDS = frozenset("number numbers figure figures count total units".split())
_IN_MONTH = frozenset("in for during".split())
# "how many a month, STARTING IN march": the month production starts, not one counted.
_STARTING = frozenset(
    "start starts starting started begin begins beginning began kick kicks kicked off".split()
)


def _count_at(asked: tuple[str, ...]) -> int | None:
    """Return where a question first asks a count ("how MANY", "the NUMBER for"), or None."""
    return next(
        (
            i
            for i, w in enumerate(asked)
            if w in _COUNT_WORDS or (w == "many" and asked[i - 1 : i] == ("how",))
        ),
        None,
    )


def month_count(asked: tuple[str, ...]) -> bool:
    """Return whether a question asks a count for one named month ("what was the production
    NUMBER FOR APRIL", "HOW MANY were made IN JUNE"); "how many a month, starting in march"
    asks the monthly rate."""
    if MONTHS.isdisjoint(asked):  # most questions
        return False
    counted_at = _count_at(asked)
    if counted_at is None:
        return False
    return any(
        w in MONTHS and asked[i - 1] in _IN_MONTH and (i < 2 or asked[i - 2] not in _STARTING)
        for i, w in enumerate(asked[counted_at + 1 :], counted_at + 1)
    )


# "IF bmw DOUBLES it how many a month", "... would double the run. IF THAT HAPPENS how many
# does australia get": a count under a run not yet doubled, which no source works out.
_DOUBLING = frozenset("double doubles doubled doubling twice".split())
# "if THAT HAPPENS", "if THEY DO": a clause pointing back at a doubling told before it.
_POINTING_IF = frozenset(
    {("that", "happens"), ("it", "happens"), ("they", "do"), ("it", "does"), ("so",)}
)
_IF_REACH = 6  # "if the asia guy is right and bmw DOUBLES": the words an if-clause runs over
# "how many would aus GET", "how many PER MONTH": a share of the doubled run, not its total
# ("and if it doubles, how many in total" is the rumor's 5,000).
_SHARE_WORDS = frozenset("get gets getting got receive receives allocated each".split())


def doubled_count(asked: tuple[str, ...], before: AbstractSet[str] = frozenset()) -> bool:
    """Return whether a question asks a count under a doubled run ("if bmw doubles it how
    many a month", "how many would aus get if they do double"), ``before`` being the words
    told ahead of it ("bmw would double the run. if that happens ..."); "and if it doubles"
    asks the doubled total, and "if they make new molds how many more" the molds' break-even."""
    if "if" not in asked or (_DOUBLING.isdisjoint(asked) and _DOUBLING.isdisjoint(before)):
        return False  # most questions
    rate = rate_named(asked)
    counted = rate or _count_at(asked) is not None
    if not counted or not (rate or not _SHARE_WORDS.isdisjoint(asked)):
        return False
    told = not _DOUBLING.isdisjoint(before)
    for at, w in enumerate(asked):
        if w != "if":
            told = told or w in _DOUBLING  # once per word: linear in the message
            continue
        clause = asked[at + 1 : at + 1 + _IF_REACH]
        if not _DOUBLING.isdisjoint(clause):
            return True
        if told and any(clause[: len(p)] == p for p in _POINTING_IF):
            return True
    return False


# "when did the nyt ARTICLE COME OUT", "what date was the post PUBLISHED": the date a piece
# appeared, which no source gives (neither post is dated, nor any piece they cite).
_WRITTEN_PIECES = _PIECES | frozenset("post".split())
_PUBLISHED = frozenset("published posted released printed written ran dropped".split())
_APPEARING = frozenset(
    {(a, b) for a in ("come", "came", "comes", "coming") for b in ("out",)}
    | {(a, "up") for a in ("go", "went", "gone", "goes", "going")}
)


def dateline(asked: tuple[str, ...]) -> bool:
    """Return whether a question asks when a piece came out ("when did the new york times
    ARTICLE about the gp COME OUT", "what date was the first POST PUBLISHED"): it opens with
    "when" or "what / which day, date, month, year" and names a piece and its appearing; "when
    was bmwblog gonna post more" names no piece, "when did the memo go out" no article."""
    start = _after_lead_ins(asked)
    head = asked[start : start + 2]
    timed = bool(head[:1]) and head[0] in _WHEN_ASKED
    timed = timed or (len(head) == 2 and head[0] in WHATS | {"which"} and head[1] in _DATING)
    if not timed or _WRITTEN_PIECES.isdisjoint(asked):
        return False
    rest = asked[start + 1 :]
    return not _PUBLISHED.isdisjoint(rest) or not _APPEARING.isdisjoint(itertools.pairwise(rest))


# "what did bmwna TELL bmwblog IN THAT CONVO": what was said in a private exchange, which the
# sources only say took place; "what did they say AFTER their convo" asks what they reported.
_EXCHANGES = frozenset(
    "convo convos conversation conversations call calls meeting meetings".split()
)
_EXCHANGE_VERBS = frozenset("tell told say said discuss discussed talk talked".split())
_EXCHANGE_OWNERS = frozenset("that the their this his her".split())


def exchange_said(asked: tuple[str, ...]) -> bool:
    """Return whether a what-question asks what was said in a conversation, call or meeting
    ("what did bmwna actually TELL bmwblog IN THAT CONVO", "what did they TALK about IN THE
    CALL"): a verb of telling, then "in" before the exchange, with at most an owner between."""
    start = _what_start(asked)
    if start is None:
        return False
    told = False
    for i, word in enumerate(asked[start:], start):
        told = told or word in _EXCHANGE_VERBS  # once per word: linear in the question
        if not told or word != "in":
            continue
        after = asked[i + 1 : i + 3]
        if after[:1] and after[0] in _EXCHANGE_OWNERS:
            after = after[1:]
        if after[:1] and after[0] in _EXCHANGES:
            return True
    return False


# "what was the DIFFERENT INFO the reply had", "what INFO did they have INSTEAD": what someone's
# other information was, when the sources say only that they had some.
_INFO = frozenset("info information intel".split())
_CONTRASTED = frozenset("different diff other instead".split())


def other_info(asked: tuple[str, ...]) -> bool:
    """Return whether a what-question asks what someone's different information was ("what
    was the DIFFERENT INFO the reply had", "what INFO did they have INSTEAD"); "who said they
    had different info" asks who, and "what info did he share" what the sources report."""
    start = _what_start(asked)
    if start is None:
        return False
    rest = asked[start:]
    return not _INFO.isdisjoint(rest) and not _CONTRASTED.isdisjoint(rest)


# "what does HERR26 DRIVE", "what car did brian watts drive at laguna seca": someone's own car,
# which no source gives; only the car filming the 1M is told ("what was the guy FILMING
# driving"), and "what does it drive like" asks how a car handles.
_WHAT_CAR = frozenset("car cars vehicle ride kind sort of".split())
_DO = frozenset("do does did".split())
_OWNING = frozenset("drive drives own owns daily dailies".split())
# Round 87: "what WAS watts DRIVING": the car someone named was driving, as "what did he
# drive"; "what was HE driving" may point at the one filming, whose car a source names.
_DRIVING = frozenset({"driving"})
_NOT_OWNERS = frozenset(
    """
    it its they them this that 1m car cars film filming filmed camera cameraman chase chasing
    following trailing tailing behind video clip
    """.split()
)
_OWNER_MOST = 3  # "what does THE AUSSIE COMMENTER drive": the words that may name the owner
_NOT_DRIVERS = _NOT_OWNERS | frozenset("he she".split())


def own_car(asked: tuple[str, ...]) -> bool:
    """Return whether a question asks what car someone drives or owns ("what does gabe drive",
    "which car did he own", "what was he driving"): a person's own car, which the sources
    never give."""
    if _OWNING.isdisjoint(asked) and _DRIVING.isdisjoint(asked):  # most questions
        return False
    for i, word in enumerate(asked):
        if word not in WHATS and word != "which":
            continue
        at = i + 1
        while at < len(asked) and asked[at] in _WHAT_CAR and at - i <= 3:
            at += 1
        if word == "whats" and at < len(asked) and asked[at] not in _DO | COPULAS:
            at = i  # "WHATS everyone driving": the copula is in the question word
        elif at >= len(asked) or (asked[at] not in _DO and asked[at] not in COPULAS):
            continue
        verbs, others = (_OWNING, _NOT_OWNERS) if asked[at] in _DO else (_DRIVING, _NOT_DRIVERS)
        window = asked[at + 1 : at + 2 + _OWNER_MOST]
        owner = window[: next((i for i, w in enumerate(window) if w in verbs), len(window))]
        verb = at + 1 + len(owner)
        if (
            0 < len(owner) <= _OWNER_MOST
            and verb < len(asked)
            and others.isdisjoint(owner)
            and asked[verb + 1 : verb + 2] != ("like",)
            and asked[verb + 1 :] != ("at",)  # "whats he driving AT": what he means
        ):
            return True
    return False


# "what was he GOING TO SAY", "what was she ABOUT TO WRITE": words someone never got out (a
# comment cut off mid sentence), which no source holds; "what was he TRYING to say" asks what
# he meant, which one may.
_PROSPECTIVE = (("going", "to"), ("gonna",), ("about", "to"))
_UTTERING = frozenset("say write add type post".split())


def unsaid(asked: tuple[str, ...]) -> bool:
    """Return whether a question asks what someone was going to say ("what was herr26 GOING TO
    SAY", "what was he GONNA WRITE next"): words never said, which no entry can give."""
    if _UTTERING.isdisjoint(asked) or WHATS.isdisjoint(asked):  # most questions
        return False
    for i, word in enumerate(asked):
        if word not in _UTTERING or i < 2 or not WHATS.isdisjoint(asked[i + 1 : i + 2]):
            continue
        if any(asked[i - len(p) : i] == p for p in _PROSPECTIVE) and not WHATS.isdisjoint(
            asked[:i]
        ):
            return True
    return False


# "when does production END", "what month did the run WRAP UP": the time of an end, which an
# entry giving only when it starts ("from March") does not give. "Stop" is left out: "when does
# it stop dropping" asks how long a fall lasts.
_ENDING = frozenset("end ends ended ending wrap wraps wrapped finish finishes finished".split())
_WHEN_ASKED = frozenset("when whens".split())
_ENDS = ("end",)


def _when_ends(asked: tuple[str, ...]) -> bool:
    """Return whether a question asks when something ends ("when does production end", "what
    month did it wrap up"): it opens with "when" or "what month / year / date"."""
    start = _after_lead_ins(asked)
    head = asked[start : start + 2]
    timed = head[:1] and head[0] in _WHEN_ASKED
    timed = timed or (len(head) == 2 and head[0] in WHATS and head[1] in _DATING)
    return bool(timed) and not _ENDING.isdisjoint(asked[start + 1 :])


# "which NYT WRITER", "what bmwblog AUTHOR": a person who writes for a named outlet; the entry
# must name such a person, not only the outlet.
_WRITERS = frozenset(
    """
    writer writers author authors journalist journalists reporter reporters editor columnist
    """.split()
)
_OUTLET_MOST = 3  # "which NEW YORK TIMES writer": the words that may name the outlet


def _writer_of(word: str, asked: tuple[str, ...], after: list[int]) -> int | None:
    """Return where the writer noun is in "which NYT WRITER ...", or None ("what did the writer
    say" asks what was said)."""
    if word not in ("what", "whats", "wat", "which") or not after:
        return None
    if asked[after[0]] in STOPWORDS or asked[after[0]] in _AUXILIARIES:
        return None
    for j in after[1 : 1 + _OUTLET_MOST]:
        if asked[j] in _WRITERS:
            return j
        if asked[j] in STOPWORDS or asked[j] in _AUXILIARIES:
            return None
    return None


def _copula_the(word: str, asked: tuple[str, ...], after: list[int]) -> bool:
    """Return whether "what" is followed by "is the", "was the" ... and "X of": the question
    asks for X, as "name of ..." does ("what is the NAME of his advisor")."""
    return (
        word in ("what", "wat", "wut")
        and len(after) > 1
        and asked[after[0]] in COPULAS
        and asked[after[0] + 1 : after[0] + 2] == ("the",)
        and asked[after[1] + 1 : after[1] + 2] == ("of",)
    )


_NAMES_ASKED = frozenset("name names".split())
_OWNER_REACH = 3  # "what's THE AUSSIE COMMENTER'S name": the words that may name the owner


def _owner_named(word: str, asked: tuple[str, ...], head: int) -> int | None:
    """Return where a what-question asks the name of someone it names before it ("what's
    michael's CA's NAME", "whats the aussie commenters NAME"), else None."""
    if word not in ("what", "whats", "wat", "wut") or asked[head] in STOPWORDS:
        return None  # "whats HIS name": the name of the one told of, as before
    for at in range(head + 1, min(head + 1 + _OWNER_REACH, len(asked))):
        if asked[at] in _NAMES_ASKED:
            return at
        if asked[at] in STOPWORDS or asked[at] in _AUXILIARIES:
            return None
    return None


_FRAGMENT = 10  # "NAME of michaels client advisor?": a short question without a question word


def _fragment(asked: tuple[str, ...]) -> tuple[str, ...]:
    """Return what a short question without a question word asks for when it opens "X of"
    ("NAME of michaels client advisor?" is "what is the name of ..."), else nothing."""
    start = _after_lead_ins(asked)
    if asked[start : start + 1] == ("the",):
        start += 1
    if len(asked) > _FRAGMENT or asked[start + 1 : start + 2] != ("of",):
        return ()
    head = asked[start]
    if head in _ASKS or head in STOPWORDS or head in _RESTATED or head.endswith("ing"):
        return ()
    return (head,)


def _doing(asked: tuple[str, ...], after: list[int]) -> bool:
    """Return whether "who" is followed by what someone was doing ("who was DRIVING")."""
    if len(after) < 2 or asked[after[0]] not in ("was", "is", "were", "are"):
        return False
    verb = asked[after[1]]
    return verb.endswith("ing") and len(verb) > 5 and verb not in STOPWORDS


def asks_who(asked: tuple[str, ...]) -> bool:
    """Return whether the question word focus reads is "who" ("who WROTE the article")."""
    if arbitrates(asked):
        return False  # "who's right": which side holds, not who did it
    for i, word in enumerate(asked[:-1]):
        if word in _WH and asked[i - 1 : i] != ("or",):
            return word == "who"
    return False


# "Where is it built / made": the answer names a plant or factory.
_BUILT = frozenset(
    """
    built build builds building made make makes produced produce produces assembled assemble
    manufactured manufacture
    """.split()
)
# The topic "which plant / which factory" of the knowledge file's synonyms (a coined term that
# only an entry saying where a car is built would hold): "plant" or "factory" alone would let an
# entry about production capacity answer where the car is built.
_FACTORY = ("plantname",)


# "what will the 1m SELL FOR", "what do used gps GO FOR": what something changes hands for.
_SELLING = frozenset("sell sells selling sold go goes going went trade trades trading".split())


# The words of a price a car changes hands at: not "cost", which production has as well.
_SALE_PRICE = ("price", "msrp", "sticker", "dollar")
_CHOOSERS = frozenset("i u you we ya".split())  # "what should I GO FOR": a choice, no price


def _sold_for(asked: tuple[str, ...]) -> bool:
    """Return whether a what-question asks what something will sell for ("what WILL the 1m
    SELL FOR", "what would they GO FOR"), a price foreseen, not what someone picks ("what
    should i go for"); "what are they selling for these days" asks today's market instead."""
    start = _what_start(asked)
    if start is None:
        return False
    rest = asked[start:]
    if _MODALS.isdisjoint(rest):
        return False
    return any(
        rest[i] in _SELLING and rest[i + 1] == "for" and rest[i - 1] not in _CHOOSERS
        for i in range(1, len(rest) - 1)
    )


def _built_where(asked: tuple[str, ...]) -> bool:
    """Return whether a question asks where something is built ("where are 1ms made", "is the
    x1 built in the us"), not where a story was made up."""
    start = _after_lead_ins(asked)
    if asked[start : start + 1] in tuple((w,) for w in ("is", "are", "was", "were")):
        return _built_in_place(asked[start:])
    if asked[start : start + 1] not in (("where",), ("wheres",)):
        return False
    return any(
        w in _BUILT and asked[i + 1 : i + 2] != ("up",) for i, w in enumerate(asked[start:], start)
    )


_FILMED = frozenset("filmed shot recorded taped taken captured".split())
# The word of a spot something was filmed at: an entry on the clip in general holds the clip's
# words as well, "filmed" among them, so "where" alone would not tell the two apart.
SPOT = "location"


def filmed_where(asked: tuple[str, ...]) -> bool:
    """Return whether a where-question asks where something was filmed ("where was the vid
    SHOT", "where was that taken"), not where a figure was taken from."""
    start = _after_lead_ins(asked)
    if asked[start : start + 1] not in (("where",), ("wheres",)):
        return False
    return asked[-1] != "from" and not _FILMED.isdisjoint(asked[start:])


# "built in TOTAL", "made in 2012", "built in small numbers", "in the SAME plant": no place.
_NOT_PLACES = frozenset("total all small limited numbers batches time same".split())


def _built_in_place(asked: tuple[str, ...]) -> bool:
    """Return whether a yes/no question asks if something is built in a place ("is the x1
    BUILT IN the us")."""
    for i, word in enumerate(asked[:-2]):
        if word in _MADE_PAST and asked[i + 1] == "in":
            place = asked[i + 3] if asked[i + 2] == "the" and i + 3 < len(asked) else asked[i + 2]
            return not (place in _NOT_PLACES or place in MONTHS or place[:1].isdigit())
    return False


# What kind of answer a question wants, beyond its focus word: "how many" wants a number and
# "what year" a year or a month, so an entry whose answer states none does not answer it.
_LEAD_INS = frozenset("so ok okay and but like lol yo hey also then just at".split())
_DATED = frozenset("year date".split())
_DATING = _DATED | {"month"}  # "what MONTH does it start": a month or a year, as "what year"
_FIGURES = frozenset("number numbers figure figures".split())
_TAKES = frozenset("take takes took taking".split())
_MOMENT = frozenset("time point moment minute".split())


# "FROM WHAT ppl said, did ...": where the asker heard it, not what the question asks for.
_PREFACE_VERBS = frozenset(
    """
    said say says read heard hear understand understood gather gathered know knew saw see seen
    wrote write remember recall posted commented
    """.split()
)
_PREFACE_REACH = 6  # "from what PEOPLE IN THE COMMENTS said": the verb within this many words


def _preface(asked: tuple[str, ...], i: int) -> bool:
    """Return whether the wh-word at ``i`` opens a preface naming where the asker got a claim
    ("FROM WHAT i read", "from what ppl in the comments said, did it ..."), not the question:
    "from what COUNTRY" asks one (no verb of saying or knowing follows)."""
    if asked[i - 1 : i] != ("from",) or asked[i] not in ("what", "wat", "wut"):
        return False
    return not _PREFACE_VERBS.isdisjoint(asked[i + 1 : i + 1 + _PREFACE_REACH])


# "ANYONE KNOW which dealer", "DOES ANYBODY KNOW how many": asking the channel what it knows
# is the question after it.
_ASKED_ONES = frozenset("anyone anybody any1 someone somebody you u ya yall".split())
_KNOWING_REACH = 4  # "does anyone EVEN know which": "know" within this many words


def _past_knowing(asked: tuple[str, ...], start: int) -> int:
    """Return where the wh-question an "anyone know" lead-in asks begins ("anyone know WHICH
    az dealership"), or ``start`` when the question does not open so."""
    head = asked[start : start + _KNOWING_REACH + 1]
    if "know" not in head:
        return start
    at = head.index("know")
    before = [w for w in head[:at] if w not in ("does", "do", "even")]
    if len(before) != 1 or before[0] not in _ASKED_ONES:
        return start
    after = start + at + 1
    return after if asked[after : after + 1] and asked[after] in _WH else start


def _what_start(asked: tuple[str, ...]) -> int | None:
    """Return where a question opening "what" after its lead-in words starts, else None."""
    start = _after_lead_ins(asked)
    return start if asked[start : start + 1] and asked[start] in WHATS else None


@lru_cache(maxsize=16)  # about twenty checks of a question ask it of the same few sentences
def _after_lead_ins(asked: tuple[str, ...]) -> int:
    """Return where a question starts after its lead-in words ("so ok WHERE ..."), or after a
    "but" that turns to a question word ("... sell near msrp BUT WHAT was it")."""
    start = 0
    while start < len(asked) and asked[start] in _LEAD_INS:
        start += 1
    start = _past_knowing(asked, start)
    if "but" not in asked:  # most questions: no turn to look for
        return start
    turns = [
        i + 1 for i in range(start, len(asked) - 2) if asked[i] == "but" and asked[i + 1] in _WH
    ]
    return turns[-1] if turns else start


# Words that ask for a price: "what's the MSRP", "x1 price?", "what did the gp COST".
PRICED = frozenset("price prices priced pricing msrp sticker cost costs pay paid".split())
# Between "what" and what it asks for: "what was THAT msrp", "whats ITS price": a price too.
_BEFORE_NAMED = frozenset("the a an is was s that this its their his her".split())
# "how much PROFIT", "the exact MARGIN": a sum of money made, as a price is one paid.
EARNINGS = frozenset("profit profits margin margins revenue revenues earnings income".split())
_PRECISE = frozenset("exact precise specific actual".split())
_SHORT_PRICED = 9  # "what did a 1m cost in australia", "what does a 1m cost new in the us"
_SAYING = frozenset("say said says think thought call called mention mentioned".split())
# Verbs of saying or raising a claim: "who PUT OUT the 600 figure" asks for a claim's source,
# which every entry names, not for someone the entry must say did it.
_REPORTING = _SAYING | frozenset(
    """
    put puts bring brings brought raise raises raised claim claims claimed report reports
    reported mentions tell tells told suggest suggests suggested leak leaks leaked post posts
    posted publish publishes published reveal reveals revealed announce announces announced
    want wants wanted hope hopes hoped expect expects expected guess guesses guessed reckon
    reckons reckoned believe believes believed predict predicts predicted
    tip tips tipped tipping clue clued inform informs informed
    """.split()
)
# "who DROPPED the date", "who LEAKED it": chat for putting a claim out, after "who" only ("did
# values drop" asks about the values).
_DROPPED = frozenset("drop drops dropped dropping".split())
# Words that ask about a claim itself, not about what it names: "who BROUGHT UP the zhp", "is
# the zhp STORY from bmw".
ABOUT_A_CLAIM = _REPORTING | frozenset("story stories rumor rumors rumour rumours news".split())


# What may follow the price in a short question without asking anything else: "1m msrp IN THE
# US", "x1 price FOR AUSTRALIA".
_PRICE_PLACE = frozenset("in for on".split())


# "WOULD cost", "ITLL cost": a price asked in a clause ("that STILL costs" has no modal).
_MODALS = frozenset("will would gonna should might itll itd theyll thatll".split())


def _would_cost(asked: tuple[str, ...]) -> bool:
    """Return whether a question asks what something would cost in a clause after a verb of
    saying ("what did he say the 1m WOULD COST", "what do they think itll ACTUALLY cost");
    "what did they say about machine costs" asks about a cost weighed."""
    plain = [w for w in asked if w not in _HEDGES]
    return any(a in _MODALS and b in ("cost", "costs") for a, b in itertools.pairwise(plain))


def _cost_last(asked: tuple[str, ...]) -> bool:
    """Return whether a question ends on what something will cost, alone or before a place
    ("whats a new 1m GONNA COST in the us"): what a buyer pays, not a cost to its maker ("what
    would it cost bmw to retool")."""
    plain = [w for w in asked if w not in _HEDGES]
    for i in range(1, len(plain)):
        if plain[i] in ("cost", "costs") and plain[i - 1] in _MODALS:
            rest = plain[i + 1 :]
            return not rest or (rest[0] in _PRICE_PLACE and len(rest) <= _PLACE_WORDS)
    return False


_PLACE_WORDS = 3  # "cost IN THE US", "cost in new zealand": a price's place after its verb
# Adverbs that may stand inside a verb without changing what it asks: "would ACTUALLY cost".
_HEDGES = frozenset("actually really even still ever exactly roughly approximately".split())
# Verbs that report what someone said, before the question they answered: "did watts SAY how
# many", "did bmw ever MENTION what it would cost".
_REPORTED = frozenset(
    """
    say said says tell tells told mention mentions mentioned specify specified specifies
    reveal revealed reveals confirm confirmed confirms explain explained explains
    """.split()
)
_EMBEDDED_WH = frozenset("how what when which".split())
# Verbs that pass on a claim in a story: "segler TOLD the blog the us would get 2000".
_PASSING_ON = _REPORTED | frozenset("swear swears swore claim claims claimed".split())


def yes_no(asked: Sequence[str]) -> bool:
    """Return whether a sentence asks yes or no ("IS that legit", "... anywhere, DID bmw ever
    say that"), not what ("which one was it")."""
    return _WH_LAST.isdisjoint(asked) and not _AUXILIARIES.isdisjoint(asked)


def reported_figures(told: Sequence[str]) -> frozenset[str]:
    """Return the figures of a sentence that come after a verb passing on a claim ("my friend
    swears bmw SAID they'd bring it back in 2013"), not the teller's own ("doing 80")."""
    start = next((i for i, w in enumerate(told) if w in _PASSING_ON), len(told))
    return frozenset(w for w in told[start + 1 :] if w.isdigit())


_BEFORE_EMBEDDED = 2  # "did they tell US how many", "did he say EXACTLY what": words between


def _embedded(asked: tuple[str, ...]) -> int | None:
    """Return where the question a yes/no question reports begins ("did watts say HOW MANY
    1ms the us would get"), or None: whether someone said it is asked, and what it is."""
    start = _after_lead_ins(asked)
    if asked[start : start + 1] and asked[start] not in _AUXILIARIES:
        start = _reported_ask(asked, start)  # "in the interview, DID he say how many ..."
    if asked[start : start + 1] == () or asked[start] not in _AUXILIARIES:
        return None
    for i in range(start + 1, len(asked)):
        if asked[i] not in _REPORTED:
            continue
        for j in range(i + 1, min(i + 2 + _BEFORE_EMBEDDED, len(asked))):
            if asked[j] in _EMBEDDED_WH:
                return j if j + 1 < len(asked) else None
        return None
    return None


def _priced_short(asked: tuple[str, ...]) -> bool:
    """Return whether a short question without an asking word names a price ("x1 msrp?"), last
    or before a place or model ("1m msrp in the us")."""
    if len(asked) > 6 or not _ASKS.isdisjoint(asked):
        return False
    last = max((i for i, w in enumerate(asked) if w in PRICED), default=-1)
    if last < 0:
        return False
    rest = asked[last + 1 :]
    if not rest:
        return len(asked) <= 4
    return rest[0] in _PRICE_PLACE and len(rest) <= 3


_COMPOUND = 3  # "whats the gp STICKER", "whats the us 1m MSRP": words a price may come last of


# When a price was asked: "what was the gp's msrp NEW", "the x1 sticker ORIGINALLY".
_PRICE_WHEN = frozenset("new originally initially".split())


def _priced_compound(named: list[str]) -> bool:
    """Return whether the words after "what's the" open with a short noun phrase whose last
    word is a price ("X1 COST in the us", "1m MSRP", "mini gp MSRP new"; not "production cost
    ISSUE")."""
    phrase = list(
        itertools.takewhile(lambda w: w not in STOPWORDS and w not in _AUXILIARIES, named)
    )
    while phrase and phrase[-1] in _PRICE_WHEN:
        phrase.pop()
    return 1 < len(phrase) <= _COMPOUND and phrase[-1] in PRICED


_ARTICLES_AND_IS = frozenset("the a an is was s".split())
WHATS = frozenset("what whats wat".split())


def _figure_named(named: Iterable[str]) -> bool:
    """Return whether words open with a phrase headed by a figure ("actual torque NUMBER")."""
    phrase = list(
        itertools.takewhile(lambda w: w not in STOPWORDS and w not in _AUXILIARIES, named)
    )
    return bool(phrase) and phrase[-1] in _FIGURES


def _asks_figure(asked: tuple[str, ...]) -> bool:
    """Return whether a clause asks "what's the X number", also after a story before it."""
    for i, word in enumerate(asked):
        if word in WHATS:
            # Lazily, so a long message of many "what"s is still read in linear time.
            rest = (asked[j] for j in range(i + 1, len(asked)))
            after = itertools.takewhile(lambda w: w not in WHATS, rest)
            if _figure_named(w for w in after if w not in _ARTICLES_AND_IS):
                return True
    return False


def _going_rate(asked: tuple[str, ...]) -> tuple[str, ...]:
    """Return the words with "going rate" read as "price" ("whats the GOING RATE for a used
    1m"), an idiom for what something sells for, not a rate of production."""
    if "rate" not in asked:  # most questions: skip the scan
        return asked
    for i in range(len(asked) - 1):
        if asked[i : i + 2] == ("going", "rate"):
            return (*asked[:i], "price", *asked[i + 2 :])
    return asked


def wants(asked: tuple[str, ...]) -> str | None:
    """Return what _wants does, for a reported question too ("did he say HOW MANY ..."), and
    for one restated after "like" ("last build date, LIKE WHICH MONTH in 2011")."""
    found = _wants(asked)
    if found is not None:
        return found
    inner = _embedded(asked)
    if inner is not None:
        return _wants(asked[inner:], reported=True)
    restated = _restated(asked)
    return None if restated is None else _wants(asked[restated:])


# "last us build date, LIKE WHICH MONTH": a fragment made precise by the question after "like".
_RESTATING = frozenset("like ie".split())


def _restated(asked: tuple[str, ...]) -> int | None:
    """Return where a fragment's question restated after "like" begins ("1m build date, like
    WHICH MONTH in 2011"), or None; a question that opens with a question word has its own."""
    if _RESTATING.isdisjoint(asked) or asked[:1] == () or asked[0] in _ASKS:
        return None  # most questions
    turns = [
        i + 1
        for i in range(1, len(asked) - 2)
        if asked[i] in _RESTATING and asked[i + 1] in _WH_LAST and asked[i - 1] not in _ASKS
    ]
    return turns[0] if turns else None


# "what MONTH in 2011": the asker names the year, so only an answer giving a month says it.
def _month_in_year(asked: tuple[str, ...], start: int) -> bool:
    """Return whether a question asks for a month of a year it names ("which MONTH IN 2011")."""
    return (
        asked[start : start + 1] in (("what",), ("whats",), ("which",))
        and asked[start + 1 : start + 2] == ("month",)
        and any(is_year(w) for w in asked[start + 2 :])
    )


# "the sales HEAD in asia", "the asia GUY": a place that a person's title holds, not a market.
_TITLES = frozenset("head heads boss chief director manager president executive exec vp".split())
_TITLE_LINKS = frozenset("for in of from".split())
_TITLE_REACH = 6  # "HEAD of sales and marketing FOR asia": the words from the title to the place
_AFTER_REACH = 3  # "the ASIAN m sales HEAD": the words from the place to its holder
# "the AUSTRALIAN PUBLICATION motoring": a place an outlet is from, not a market asked about.
_OUTLETS = frozenset("publication publications mag magazine outlet".split())
HOLDERS = (
    _TITLES | _OUTLETS | frozenset("guy guys dude person people rep side office division".split())
)


def titled(asked: Sequence[str], at: int) -> bool:
    """Return whether the word at ``at`` is the place of someone's title: "the m sales guy IN
    ASIA", "the ASIA GUY", not a market asked about ("how many did ASIA get")."""
    if not HOLDERS.isdisjoint(asked[at + 1 : at + 1 + _AFTER_REACH]):
        return True  # "the ASIAN m sales HEAD"
    if not at or asked[at - 1] not in _TITLE_LINKS:
        return False
    return not HOLDERS.isdisjoint(asked[max(at - _TITLE_REACH, 0) : at - 1])


# "what PERCENT does it drop", "residual PERCENTAGE": a share asked for, which only an answer
# giving one holds; "100 percent sure" gives one.
_PER_CENT = frozenset("percent percentage percentages pct".split())


def _per_cent(asked: tuple[str, ...]) -> bool:
    """Return whether a question asks for a percentage: the word, not after a figure."""
    if _PER_CENT.isdisjoint(asked):  # most questions
        return False
    return any(w in _PER_CENT and not (i and asked[i - 1].isdigit()) for i, w in enumerate(asked))


# "how much MARKUP", "how much over sticker are dealers CHARGING": what a seller asks on top.
_CHARGING = frozenset(
    "charge charges charged charging markup markups mark marking marked gouge gouging".split()
)


# Round 129: "whats bmws PROFIT PER 1m", "the MARGIN ON EACH car": a sum made on each one sold.
_EACH = (("per",), ("on", "each"), ("on", "every"))
_EARNED_REACH = 3  # the words before the earnings: "whats BMWS REAL profit per car"


def _earned_per(named: Sequence[str]) -> bool:
    """Return whether what a "what" question names opens with earnings on each one ("bmws
    PROFIT PER 1m", "the MARGIN ON EACH car")."""
    for i, word in enumerate(named[:_EARNED_REACH]):
        if word in EARNINGS:
            return any(tuple(named[i + 1 : i + 1 + len(each)]) == each for each in _EACH)
    return False


def _wants(asked: tuple[str, ...], *, reported: bool = False) -> str | None:
    """Return "number" for "how many / how much hp ...", "date" for "what year ...", "time" for
    "when ...", "name" for "which cars ..." or "what is it called", "money" for a price ("how
    much is ...", "what's the msrp", "x1 price?"), else None.

    Only a question that starts with it counts: "is the blog speculating on how many" asks
    about the speculation, not for a figure.
    """
    asked = _going_rate(asked)
    start = _past_premise(asked, _after_lead_ins(asked))
    first = asked[start : start + 1] not in _OTHER_FIRST  # "HOW many ..., what year": a count
    if first and (dated := _date_asked_after(asked, start)) is not None:
        return dated  # "nyt piece on the gp, WHAT YEAR WAS THAT": the date of what it names
    if _per_cent(asked):
        return "percent"  # "what residual value PERCENT", "by what percentage": a share
    if asked[-1:] == ("date",):
        return "date"  # "segler interview date?", "release date"
    if _priced_short(asked):
        return "money"  # "x1 msrp?", "1m price", "1m msrp in the us": a figure in some currency
    if not PRICED.isdisjoint(_fragment(asked)):
        return "money"  # "STICKER of an x1 in canada?": "what is the sticker of ...", a price
    if _of_what_year(asked):
        return "year"  # "march OF WHAT YEAR tho": the year of a month the question gives
    if _month_and_year(asked):
        return "month"  # "what MONTH AND YEAR": a year alone does not say when in it
    head = asked[start : start + 2]
    if _month_in_year(asked, start):
        return "month"  # "which month in 2011": a year the asker gives does not say it
    if _names_one(asked[start:]):
        return "name"
    if head in (("till", "when"), ("until", "when")) or (
        head[:1] in (("when",), ("whens",)) and not _when_clause(asked[start:])
    ):
        return "time"  # "when does that start", "when": a date or a time ("two weeks before")
    if len(head) < 2:
        return None
    if head[0] in ("how", "hows") and head[1] == "many":
        return "number"
    if head[0] in ("how", "hows") and head[1] == "long" and not _TAKES.isdisjoint(asked):
        return "time"  # "how long does it TAKE": a span of time, not what lasts how long
    rest = asked[start + 2 : start + 3]
    if head == ("how", "much") and not _CHARGING.isdisjoint(asked[start + 2 :]):
        return "money"  # "how much MARKUP are dealers CHARGING": a sum over the price
    if head == ("how", "much") and rest and rest[0] in EARNINGS:
        return "money"  # "how much PROFIT does it make": a sum in some currency
    if head == ("how", "much") and rest and rest[0] not in _AUXILIARIES:
        return "number"  # "how much torque": a figure
    if head == ("how", "much") and rest:
        return "money"  # "how much is a 1m", "how much did the gp cost": a price
    if head[0] in ("what", "whats", "wat"):
        named = [w for w in asked[start + 1 :] if w not in _BEFORE_NAMED]
        if named[:1] and named[0] in PRICED:
            return "money"  # "what's the msrp on a 1m", "what price did it sell at"
        if _priced_compound(named):
            return "money"  # "whats the X1 COST in the us": a price headed by what it prices
        if named[1:2] and named[0] in _PRECISE and named[1] in EARNINGS:
            return "money"  # "whats the EXACT PROFIT target": a sum, which "profit" alone is not
        if _earned_per(named):
            return "money"  # "whats bmws PROFIT PER 1m": a sum made on each car sold
        # A price word at the end asks for a price only in a short question: in a long one it is
        # part of another clause ("what did the blog predict ..., does it hold msrp or drop").
        short = len(asked) - start <= _SHORT_PRICED
        priced = "cost" in asked or (short and not PRICED.isdisjoint(asked[-3:]))
        if named[:1] and named[0] in _AUXILIARIES and _SAYING.isdisjoint(asked) and priced:
            return "money"  # "what did the gp cost", "what does a 1m cost new"
        if (reported or (named[:1] and named[0] in _AUXILIARIES)) and _would_cost(asked):
            return "money"  # "what did he SAY the 1m WOULD COST": a price passed on
        if short and _SAYING.isdisjoint(asked) and _cost_last(asked):
            return "money"  # "whats a new m3 GONNA COST in canada": what its buyer will pay
    if _gave_price(asked[start:]):
        return "money"  # "did he GIVE A PRICE in that interview": a price he named, if any
    if head[0] in ("what", "which", "whats", "wat") and head[1] in _QUALIFIERS:
        head = (head[0], *asked[start + 2 : start + 3])  # "what EXACT date": the noun after
    if head[0] in ("what", "which", "whats", "wat") and head[1:] and head[1] in _FIGURES:
        return "number"  # "what number did they guess", "what figure did he give": a figure
    if _asks_figure(asked[start:]):
        return "number"  # "whats the actual torque NUMBER": a figure, as "how many" wants
    if head[0] in ("what", "which", "whats", "wat") and head[1:] == ("year",):
        return "year"  # "what YEAR did it start": a year, which "in november" does not give
    if head[0] in ("what", "which", "whats", "wat") and head[1:] and head[1] in _DATING:
        return "date"
    if head[0] in ("what", "which", "whats", "wat") and head[1:] == ("day",):
        return "day"  # "what DAY did it go up": a day, which a month or a year does not give
    if head[0] in ("what", "which", "whats", "wat") and head[1:] and head[1] in _MOMENT:
        return "time"  # "at what point in the video", "what time": when
    return None


# Verbs of naming a figure: "did he GIVE a price", "did they ever QUOTE a price".
_GIVING = frozenset(
    "give gave given quote quoted name named mention mentioned state stated say said".split()
)
_ARTICLES = frozenset("a an any the some".split())


def _past_premise(asked: tuple[str, ...], start: int) -> int:
    """Return where the question after an opening "if" clause begins ("if its 2 per dealer,
    HOW MANY dealers are there"), or ``start`` when the question opens no such clause."""
    if asked[start : start + 1] != ("if",):
        return start
    for i in range(start + 2, len(asked) - 1):
        if asked[i] in _WH_LAST and (asked[i + 1] in _AUXILIARIES or asked[i + 1] in _AMOUNT):
            return i
    return start


def _gave_price(asked: tuple[str, ...]) -> bool:
    """Return whether a yes/no question asks if someone named a price ("did he give a price",
    "did they ever quote any price"): an answer must state one."""
    if asked[:1] == () or asked[0] not in _AUXILIARIES:
        return False
    return any(
        a in _GIVING and ((b in _ARTICLES and c in PRICED) or b in PRICED)
        for a, b, c in zip(asked, asked[1:], (*asked[2:], ""), strict=False)
    )


def _of_what_year(asked: tuple[str, ...]) -> bool:
    """Return whether a question asks the year of something it names ("november OF WHAT
    YEAR", "march IN WHICH YEAR")."""
    if "year" not in asked:  # most questions
        return False
    return any(
        a in ("of", "in") and b in ("what", "which") and c == "year"
        for a, b, c in zip(asked, asked[1:], asked[2:], strict=False)
    )


# What makes a figure a rate: "how many PER dealer", "25 to 65 units A MONTH", "2 1Ms EACH",
# "MONTHLY production"; "a" or "an" before a period ("a month") marks one too.
RATE_MARKS = frozenset("per each every monthly yearly annually weekly daily".split())
RATE_PERIODS = frozenset("month year week day".split())
# Units of a span of time: "3 YEARS", "how many MONTHS after launch", "is that per YEAR"; and
# as chat shortens them: "how many YRS till it levels out", "per YR".
PERIODS = RATE_PERIODS | frozenset(
    "years months weeks days hour hours minute minutes yr yrs mos wk wks hr hrs mins".split()
)


def rate_named(said: Sequence[str]) -> bool:
    """Return whether words name a rate ("how many PER dealer", "how many A MONTH", "is EACH
    dealer getting")."""
    return not RATE_MARKS.isdisjoint(said) or any(
        w in ("a", "an") and said[i + 1 : i + 2] and said[i + 1] in RATE_PERIODS
        for i, w in enumerate(said)
    )


# "HOW many ... what year": the question asks for a count first.
_OTHER_FIRST = frozenset({("how",), ("hows",)})
_NAMING_WORDS = 2  # "NYT PIECE on the gp, what year": not "nice, what year was that"


def _date_asked_after(asked: tuple[str, ...], start: int) -> str | None:
    """Return "year" or "date" for a question that names what it asks about, then asks its date
    ("nyt piece on the gp, WHAT YEAR was that", "the zhp launch, WHICH MONTH was it"): two words
    of its own before the pair, which ends the question or has an auxiliary after it, else None.
    """
    if _DATING.isdisjoint(asked):  # most questions
        return None
    named = 0
    for i in range(start, len(asked) - 1):
        if asked[i] in ("what", "which", "wat") and asked[i + 1] in _DATING:
            after = asked[i + 2] if i + 2 < len(asked) else ""
            if named < _NAMING_WORDS or not (after == "" or after in _AUXILIARIES):
                return None
            return "year" if asked[i + 1] == "year" else "date"
        named += asked[i] not in STOPWORDS
    return None


_SUBJECTS = frozenset("they he she you we".split())
_JUDGED_BY = frozenset("think thought find found feel felt believe believed say said".split())


def _when_clause(asked: tuple[str, ...]) -> bool:
    """Return whether a question opening with "when" opens a clause of time before what it
    asks ("WHEN THE BLOG FIRST WROTE about it did they think it sounded legit"): a subject after
    "when", then an auxiliary and a pronoun that ask; "when did they write it" asks when."""
    if len(asked) < 4 or asked[1] in _AUXILIARIES:
        return False
    return any(
        a in _AUXILIARIES and b in _SUBJECTS and c in _JUDGED_BY
        for a, b, c in zip(asked[2:], asked[3:], asked[4:], strict=False)
    )


def _month_and_year(asked: tuple[str, ...]) -> bool:
    """Return whether a question asks a month and a year together ("what MONTH AND YEAR did
    it end", "the year and month"): a year alone does not answer it, as a bare "what month"
    still takes one (the year is all some answers give)."""
    if "month" not in asked or "year" not in asked:  # most questions
        return False
    return any(
        {a, c} == {"month", "year"} and b == "and"
        for a, b, c in zip(asked, asked[1:], asked[2:], strict=False)
    )


def counted(asked: tuple[str, ...]) -> tuple[str, ...]:
    """Return the words naming what a "how many" question counts: "how many BMW DEALERS are
    there" counts dealers (any word of the run may be its head), "how many per month" and
    "how many was it" name nothing counted."""
    start = _past_premise(asked, _after_lead_ins(asked))
    inner = _embedded(asked)
    if asked[start : start + 2] not in (("how", "many"), ("hows", "many")) and inner is not None:
        start = inner  # "did watts say HOW MANY 1MS ..."
    if asked[start : start + 2] not in (("how", "many"), ("hows", "many")):
        return ()
    run: list[str] = []
    for word in asked[start + 2 :]:
        if len(word) == 1 and word.isalpha() and run[:1] and run[0].isdigit():
            run.append(word)  # "how many 1 M'S", "1 series M": a name a figure opens, spelt apart
            continue
        if word in _EXTRA and not run:
            continue  # "how many EXTRA cars": cars
        if word in REACHED:
            break  # "how many CAME here": where they went, not what is counted
        if word in STOPWORDS or word in _AUXILIARIES or word in _NO_FOCUS or word in _TOTALS:
            break  # "how many 1ms TOTAL": the count's extent, not what it counts
        run.append(word)
    return tuple(run)


# What goes by a name of its own that an answer writes before it ("the Scottsdale DEALERSHIP"):
# "which dealer", "which us store" want that name, not the state or the model it sells.
BUSINESSES = ("dealer", "store", "shop", "showroom", "retailer")
# The people a dealer puts between buyer and car: "whats michaels CA called" wants their name.
ADVISORS = frozenset("ca advisor adviser advisors salesman salesmen salesperson".split())
_BEFORE_BUSINESS = 2  # "which US BMW dealer": the words that may stand before it


def business_kind(word: str) -> str | None:
    """Return the kind of business or advisor a word names ("dealerships": "dealer"), if any."""
    if word in ADVISORS:
        return "advisor"
    return next((b for b in BUSINESSES if word.startswith(b)), None)


def business(asked: tuple[str, ...]) -> str | None:
    """Return the kind of business or advisor a question asks the name of ("which us DEALER
    sold the most", "whats michaels CA called"), or None ("which state is the dealer in" asks
    for a state; "the NAME of his advisor" is asked by its focus, see focus)."""
    if len(asked) > 1 and asked[-1] in _CALLED and asked[-2] in ADVISORS:
        return "advisor"  # "whats his CA CALLED"
    called = _called_business(asked)
    if called is not None:
        return called
    what = next((i for i, w in enumerate(asked) if w in WHATS), None)
    if what is not None and asked[what + 2 : what + 3] and asked[what + 2] in _AUXILIARIES:
        # "what DEALERSHIP does he work at", "what store is she at": a business's name;
        # "what dealer allocations ..." asks something else
        kind = business_kind(asked[what + 1])
        if kind is not None:
            return kind
    if "which" not in asked:
        return None
    start = asked.index("which") + 1
    for word in asked[start : start + _BEFORE_BUSINESS + 1]:
        if word.startswith(BUSINESSES):
            return business_kind(word)
        if word in _AUXILIARIES or word in STOPWORDS:
            return None
    return None


_CALLED = frozenset("called named titled".split())
# What "called" takes when it is phoning, not naming: "whats the dealer CALLED ABOUT", "...
# called ME for"; "whats his dealership called IN az" asks the name.
_PHONED = frozenset("about me him her us them you back up out off to for".split())


def _called_business(asked: tuple[str, ...]) -> str | None:
    """Return the kind of business a what-question asks the name of by "called / named" right
    after it ("whats michaels DEALERSHIP CALLED in az"), or None."""
    if not asked or asked[0] not in WHATS:
        return None
    return next(
        (
            kind
            for i, word in enumerate(asked[1:-1], 1)
            if asked[i + 1] in _CALLED
            and _PHONED.isdisjoint(asked[i + 2 : i + 3])
            and (kind := business_kind(word)) is not None
        ),
        None,
    )


def _names_one(asked: tuple[str, ...]) -> bool:
    """Return whether a question asks for a name: "what were those cars CALLED", "WHICH
    editions are they talking about", "WHO AT bmwna" (not a choice between the ones it names:
    "which is faster, the 1m OR the x1", nor "which year", "which plant")."""
    if len(asked) < 3:
        return False
    if asked[0] in WHATS | {"which"} and business(asked[:4]) is not None:
        return True  # "WHICH DEALERSHIP is he at, phoenix OR scottsdale": the choice is a guess
    if _called_business(asked) is not None:
        return True  # "whats the az DEALERSHIP CALLED again": its name, wherever it ends
    if "or" in asked:
        return False
    if asked[0] in ("what", "whats", "wat") and asked[-1] in _CALLED:
        return True
    if asked[0] == "who" and asked[1] in ("at", "from"):
        return True  # "who AT bmwna did they talk to": a person the question does not name
    return (
        asked[0] == "which"
        and asked[1] not in _AUXILIARIES
        and asked[1] not in STOPWORDS
        and asked[1] not in _DATED
        and asked[1] not in _MOMENT
        and asked[1] not in _RESTATED
    )


# A dash between numbers is a range ("4-5 years") unless spaced like a sum ("1000 - 414").
_OPERATOR = r"(?:[+*/x\u00d7\u00f7=^]|\s-\s|divided by|times|plus|minus|multiplied by)"
_SUM = re.compile(rf"\d\s*{_OPERATOR}\s*\d|\d\s*=\s*\?", re.IGNORECASE)


def arithmetic(message: str) -> bool:
    """Return True for a sum to work out ("600 divided by 414 = ?"), which no source answers."""
    return _SUM.search(message) is not None


# "that NUMBER", "this ONE": what a question points back at in the story before it.
_DEMONSTRATIVES = frozenset("that this those these".split())
_POINTED = frozenset(
    """
    number numbers figure figures one ones thing claim comment comments rumor rumour stat post
    memo quote story article site guy dude person persons commenter poster
    """.split()
)


# "what did ppl say ABOUT THAT", "anything official BEHIND THAT", "does bmw agree WITH IT": a
# pronoun after a preposition is what the story told.
_POINTING_AFTER = frozenset("about behind with on into".split())
# "... who WROTE THAT", "who POSTED IT": what the story quoted was said in writing.
_POINTING_VERBS = _REPORTED | frozenset("write writes wrote post posts posted typed".split())
_POINTED_BACK = tuple((w,) for w in POINTING)
# "how many actually CAME HERE", "are any GETTING HERE": the place is where the story said the
# asker is ("im in sydney ...").
_ARRIVING = frozenset(
    """
    came come comes coming got get gets getting arrived arrive arriving landed sent shipped over
    down
    """.split()
)
# "SOMEONE SAID the chase car was a cayman s", "I HEARD ...": a claim passed on from nobody in
# particular, which the asker may have garbled.
_HEARSAY = frozenset("someone somebody people ppl everyone everybody they heard".split())
_HEARSAY_VERBS = frozenset("said say says saying heard claimed reckon reckons".split())
_LATER = frozenset("later afterwards afterward".split())
_FOLLOWED = frozenset("after once when".split())  # "a few days later AFTER talking to bmwna"
# "how many WERE BUILT IN TOTAL", "... GOT MADE WORLDWIDE IN THE END": the final count, known
# only once production was over ("how many will be built in total" asks what was planned).
_TOTALS = frozenset("total worldwide globally overall altogether".split())
_MADE_PAST = frozenset("built made produced manufactured assembled".split())
# "how many were SOLD in the end", "how many ENDED UP sold": a sales count once it was over,
# which the sources never give, as they give no final build count.
_SOLD_PAST = frozenset("sold delivered".split())
_MADE_VERBS = frozenset("were got was up".split())
# "how many were ULTIMATELY made": the count once production was over, as "in the end" says;
# these and "ACTUALLY" may stand between the verb's parts ("were actually built").
_FINALLY = frozenset("ultimately eventually finally".split())
_BETWEEN = _FINALLY | {"actually", "really"}


def _final_count(asked: tuple[str, ...]) -> bool:
    """Return whether a "how many" question asks how many were made in the end ("how many gps
    were made worldwide", "how many 1ms got built in the end")."""
    if "many" not in asked:  # no "how many": most questions
        return False
    start = _after_lead_ins(asked)
    if asked[start : start + 2] not in (("how", "many"), ("hows", "many")):
        return False
    plain = [w for w in asked if w not in _BETWEEN]  # "were ACTUALLY built": the verb
    made = any(
        a in _MADE_VERBS and (b in _MADE_PAST or b in _SOLD_PAST)
        for a, b in itertools.pairwise(plain)
    )
    ended = any(asked[i : i + 3] == ("in", "the", "end") for i in range(len(asked) - 2))
    return made and (ended or not _FINALLY.isdisjoint(asked) or not _TOTALS.isdisjoint(asked))


_PAST_COUNT = frozenset("did ended were was got".split())


def outcome_count(asked: tuple[str, ...]) -> bool:
    """Return whether a "how many" question asks how many something came to in the end ("how
    many did the us END UP getting", "how many did they get IN TOTAL in the end"): a count
    only a settled fact gives, not a forecast or a rumoured figure ("how many did australia
    end up receiving": the 125 it received)."""
    if "many" not in asked:  # no "how many": most questions
        return False
    at = next(
        (i for i, (a, b) in enumerate(itertools.pairwise(asked)) if (a, b) == ("how", "many")),
        None,
    )
    # "how many DID they get", "how many ENDED up built", "how many WERE made in the end": past
    if at is None:
        return False
    if _PAST_COUNT.isdisjoint(asked[at:]):
        return False
    ended = any(a in ("end", "ended") and b == "up" for a, b in itertools.pairwise(asked))
    ended = ended or any(asked[i : i + 3] == ("in", "the", "end") for i in range(len(asked) - 2))
    return ended or not _AT_LAST.isdisjoint(asked)


# "what is a 1m WORTH TODAY", "what do they SELL FOR NOW": a value at the time of asking.
_VALUED = frozenset(
    "worth value values valued price prices priced cost costs resale selling sell sells going "
    "go goes fetch fetching".split()
)
_NOW = frozenset("now today nowadays currently rn atm".split())
_NOW_PAIRS = frozenset({("these", "days"), ("right", "now"), ("at", "present")})


def present_value(asked: tuple[str, ...]) -> bool:
    """Return whether a question asks what something is worth or sells for at the time of
    asking ("whats a 1m actually WORTH TODAY", "what do they GO FOR THESE DAYS"): a value only
    a settled fact gives (the blog's count of used GP prices), not a forecast of one; "NOW
    THAT the memo is out, is it worth it" names no time of a value."""
    if _VALUED.isdisjoint(asked):  # no value asked: most questions
        return False
    return _at_present(asked)


def bare_price(asked: tuple[str, ...]) -> bool:
    """Return whether a question asks a price with no word naming one ("HOW MUCH IS a 1m in the
    us", "how much was it"): "how much" and "is" or "was", with no price or value word after
    it ("how much WILL it depreciate" asks a change, not a price)."""
    start = _after_lead_ins(asked)
    if asked[start : start + 2] not in (("how", "much"), ("hows", "much")):
        return False
    rest = asked[start + 2 :]
    return rest[:1] in _PRICE_COPULAS and _VALUED.isdisjoint(rest) and PRICED.isdisjoint(rest)


# "how much IS a 1m", "how much WERE they": the verb of a bare price.
_PRICE_COPULAS = frozenset((w,) for w in "is are was were s".split())


def _at_present(asked: tuple[str, ...]) -> bool:
    """Return whether a question names the time of asking ("now", "these days"); "NOW THAT
    the memo is out" does not."""
    now = any(
        w in _NOW and (w != "now" or asked[i + 1 : i + 2] != ("that",)) for i, w in enumerate(asked)
    )
    return now or not _NOW_PAIRS.isdisjoint(itertools.pairwise(asked))


# Round 87: "where does he WORK now", "whats segler DOING these days": someone's post.
_POSTED = frozenset("work works working job jobs doing employed employer".split())


# Round 101: "who RUNS bmw m now", "WHOS IN CHARGE these days": who holds a post.
_RUNNING = frozenset("run runs running head heads lead leads charge boss".split())
_WHO = frozenset((w,) for w in "who whos".split())


def present_post(asked: tuple[str, ...]) -> bool:
    """Return whether a question asks where someone works or what they do at the time of
    asking ("where does the sales head work now", "what job does he have these days"), or who
    holds a post then ("who runs bmw m now"): a career after the sources, which they never
    give; "is segler still in charge now" asks of the one they name."""
    if (
        _POSTED.isdisjoint(asked)
        and (  # no work asked: most questions
            _RUNNING.isdisjoint(asked) or asked[_after_lead_ins(asked) :][:1] not in _WHO
        )
    ):
        return False
    return _at_present(asked)


# Round 91: "whats his BACKGROUND BEFORE bmw", "what was her JOB BEFORE she got that role":
# someone's career before the one the sources name, which they never give.
_CAREER = _POSTED | frozenset("background backgrounds career resume cv worked".split())
# "before HE got the job", "before BMW", "before JOINING": what the career came before.
_BEFORE_WHAT = _PRONOUNS | frozenset("bmw joining becoming getting taking".split())


def earlier_post(asked: tuple[str, ...]) -> bool:
    """Return whether a question asks someone's career before the post the sources give
    ("whats his background before bmw", "where did she work before she got that job"): a
    word of career, then "before" naming what it came before; "what did he say before the
    memo" asks no career."""
    if _CAREER.isdisjoint(asked):  # no career asked: most questions
        return False
    at = next((i for i, w in enumerate(asked) if w in _CAREER), len(asked))
    return any(a == "before" and b in _BEFORE_WHAT for a, b in itertools.pairwise(asked[at:]))


# Round 141: "what colours does the 1m COME in", "can you GET it in BLACK": the colours a car
# is offered in, which the sources never give (they name only the colour of the car in the
# clip: "what colour was the car in the video" asks that).
_COLOURS = frozenset(
    "color colour colors colours paint paints black silver grey gray red blue green yellow"
    " orange white".split()
)
_OFFERED = frozenset(
    "come comes came coming get order ordered spec specd specced available offered offer"
    " offers choose choice choices option options pick buy".split()
)
_FILMED_CAR = frozenset(
    "video vid vids clip clips footage film filmed chase chased chasing following followed"
    " tailing".split()
)


def paint_offered(asked: tuple[str, ...]) -> bool:
    """Return whether a question asks the colours a car is offered in ("what colours does it
    come in", "can you get one in black"): a colour and a word of offering or buying, and no
    word of the clip, whose car's colour the sources give."""
    if _COLOURS.isdisjoint(asked) or _OFFERED.isdisjoint(asked):  # most questions
        return False
    return _FILMED_CAR.isdisjoint(asked)


def business_count(asked: tuple[str, ...]) -> bool:
    """Return whether a "how many" question counts businesses ("how many bmw DEALERS are in
    ohio", "how many DEALERSHIPS does the us have"): the last word of what it counts names a
    business, a count the sources never give; "how many 1ms per dealer" counts cars."""
    run = counted(asked)
    return bool(run) and business_kind(run[-1]) not in (None, "advisor")


def afterwards(asked: tuple[str, ...]) -> bool:
    """Return whether a question asks what happened after the sources were written ("what
    did the blog post a few days LATER", "... what HAPPENED AFTER", "how many were built in
    total"): past tense, and "later" last, before what it followed ("... LATER AFTER talking
    to bmwna") or "happened after / next"; "used gp prices 4 yrs later" asks what they say."""
    if (
        _final_count(asked)
        or _replaced(asked)
        or _final_figure(asked)
        or _ended_up_what(asked)
        or _proved_right(asked)  # "WAS he proven right": no "did" needed
    ):
        return True
    if _ever_elsewhere(asked) or _more_after(asked):
        return True
    if "did" not in asked and "happened" not in asked:  # no past tense: most questions
        return False
    after = (asked[-1:] and asked[-1] in _LATER) or any(
        a in _LATER and b in _FOLLOWED for a, b in itertools.pairwise(asked)
    )
    happened = _happened_next(asked)
    return (
        bool(after or happened)
        or _ended_up(asked)
        or _ever_followed(asked)
        or _learnt_in_the_end(asked)
        or _came_true(asked)
        or _ever_undone(asked)
        or _ever_as_another(asked)
    )


# "what happened AFTER", "what happened THE NEXT week", "what happened RIGHT after": what
# came after, told by "happened" and a word of following, with at most _HAPPENED_GAP words of
# timing between them ("the", "right", "a few days"); "what happened IN THE VIDEO after the
# pass" puts the video between them, and "what happened back then" is the story's own time.
_NEXT = frozenset("after next afterwards afterward later".split())
_TIMING = frozenset("the a few right just soon shortly straight day days week weeks month".split())
_HAPPENED_GAP = 2


def _happened_next(asked: tuple[str, ...]) -> bool:
    """Return whether a question asks what happened after, as "happened" followed by a word of
    following with only words of timing between ("what actually happened THE next week")."""
    for i, w in enumerate(asked):
        if w != "happened":
            continue
        if _at_last(asked[i + 1 :]):
            return True
        for gap, later in enumerate(asked[i + 1 : i + 2 + _HAPPENED_GAP]):
            if later in _NEXT:
                return True
            if later not in _TIMING or gap == _HAPPENED_GAP:
                break
    return False


def _at_last(rest: tuple[str, ...]) -> bool:
    """Return whether the words after "happened" say how it ended ("what happened IN THE END",
    "what happened EVENTUALLY"); "what happened in the end OF THE VIDEO" is the story's time."""
    if rest[:1] and rest[0] in _FINALLY:
        return True
    return rest[:3] == ("in", "the", "end") and rest[3:4] != ("of",)


_LIKE_ANOTHER = frozenset("like as".split())
_ANOTHER_MOST = 4  # "LIKE THE MINI GP DID", "like THEY DID the gp": the words up to "did"


def _ever_as_another(asked: tuple[str, ...]) -> bool:
    """Return whether a did-question asks if something ever happened to one thing as it did to
    another ("did the 1m EVER get called a collectors car LIKE THE GP DID", "did the times ever
    write about the 1m LIKE THEY DID the gp"): what the sources tell of the other is the model,
    and whether it came to pass for the one is a later event they do not reach."""
    start = _after_lead_ins(asked)
    rest = asked[start:]
    if rest[:1] != ("did",) or "ever" not in rest:
        return False
    ever = rest.index("ever")
    return any(
        w in _LIKE_ANOTHER and "did" in rest[i + 1 : i + 2 + _ANOTHER_MOST]
        for i, w in enumerate(rest)
        if i > ever
    )


# "was it EVER posted ANYWHERE", "did they ever race ON ANOTHER DAY": whether something came
# about at some other time or place than the one the sources tell.
_EVER_ASKERS = frozenset("did was were has have had".split())
_ELSEWHERE = frozenset("anywhere elsewhere again".split())
_OTHER_TIMES = frozenset({("another", "day"), ("another", "time"), ("other", "day")})


def _ever_elsewhere(asked: tuple[str, ...]) -> bool:
    """Return whether a yes/no question asks if something ever happened somewhere or some time
    else ("was the interview EVER posted on video ANYWHERE", "did they ever race ON ANOTHER
    DAY"): a later or other event, which the sources do not reach; "will bmw ever make
    another" asks a forecast they give, and "did he ever say so anywhere" what they report."""
    start = _after_lead_ins(asked)
    rest = asked[start:]
    if rest[:1] == () or rest[0] not in _EVER_ASKERS or "ever" not in rest:
        return False
    if not _SAYING.isdisjoint(rest):
        return False  # "did bmw ever SAY anywhere that it was limited": what they report
    after = rest[rest.index("ever") + 1 :]
    return not _ELSEWHERE.isdisjoint(after) or not _OTHER_TIMES.isdisjoint(
        itertools.pairwise(after)
    )


# "did any dealer GET MORE 1ms AFTER the memo": more of something after an event the story tells.
_GETTING = frozenset("get got gets getting receive received build built make made".split())


def _more_after(asked: tuple[str, ...]) -> bool:
    """Return whether a did-question asks if more came after an event ("did any us dealer GET
    MORE 1ms AFTER bmwna said all allocations were filled"): what came after the sources;
    "did he say more after the memo" asks what they report."""
    start = _after_lead_ins(asked)
    rest = asked[start:]
    if rest[:1] != ("did",) or "more" not in rest or "after" not in rest:
        return False
    more = rest.index("more")
    return "after" in rest[more + 1 :] and not _GETTING.isdisjoint(rest[:more])


# "did he TURN OUT to be RIGHT": a claim judged by what came after it.
_TURNED = frozenset({("turn", "out"), ("turned", "out")})
_VERDICTS = frozenset("right wrong correct incorrect true false accurate legit".split())
_VERDICT_GAP = 3  # "turn out TO BE right": the words that may stand between them
# "was he PROVEN RIGHT", "has it been PROVED wrong": a claim judged by what came after it.
_PROVEN = frozenset("proven proved".split())
_PROVEN_ASKERS = frozenset({("was",), ("were",), ("has",), ("have",), ("had",), ("did",)})


def _proved_right(asked: tuple[str, ...]) -> bool:
    """Return whether a yes/no question asks if a claim turned out or was proven right or wrong
    ("did yourbestsource TURN OUT to be RIGHT about 600", "WAS the dealer PROVEN WRONG"): a
    verdict only what happened after the sources can give; "did it turn out to still be up"
    asks what they say, and "if demand turned out lower" is no question of its own."""
    start = _after_lead_ins(asked)
    rest = asked[start:]
    if rest[:1] not in _PROVEN_ASKERS:
        return False
    if any(
        w in _PROVEN and not _VERDICTS.isdisjoint(rest[i + 1 : i + 1 + _VERDICT_GAP])
        for i, w in enumerate(rest)
    ):
        return True  # "was he PROVEN RIGHT in the end", "has it been proved wrong"
    return rest[:1] == ("did",) and any(
        pair in _TURNED and not _VERDICTS.isdisjoint(rest[i + 2 : i + 2 + _VERDICT_GAP])
        for i, pair in enumerate(itertools.pairwise(rest))
    )


# "the FINAL TALLY", "the final official us NUMBER", "FINAL TOTAL number of 1ms": the count
# once it was all over, which the sources never reached.
_FINAL_FIGURES = frozenset("number numbers total totals tally count figure figures".split())
_FINAL_GAP = 3  # "the final official us NUMBER": the words that may stand between them
_FINAL_ASKERS = frozenset("what whats which did".split())


def _final_figure(asked: tuple[str, ...]) -> bool:
    """Return whether a question asks for the final figure ("what was the FINAL official us
    NUMBER", "did the memo give the final number", "FINAL TOTAL number of 1ms MADE", "...,
    FINAL NUMBER"): right after "final" in any question but a yes/no one, within three words
    of it in a what- or did-question or one naming the cars made; "is 600 the final number"
    asks whether a figure stands, and "final australian count" the count the sources give."""
    if "final" not in asked:  # most questions
        return False
    if not yes_no(asked) and any(
        a == "final" and b in _FINAL_FIGURES for a, b in itertools.pairwise(asked)
    ):
        return True  # "how many got built, FINAL NUMBER": the count once it was all over
    start = _after_lead_ins(asked)
    first = asked[start] if start < len(asked) else ""
    if first not in _FINAL_ASKERS and _MADE_PAST.isdisjoint(asked):
        return False
    return any(
        w == "final" and not _FINAL_FIGURES.isdisjoint(asked[i + 1 : i + 1 + _FINAL_GAP])
        for i, w in enumerate(asked)
    )


def _ended_up_what(asked: tuple[str, ...]) -> bool:
    """Return whether a what- or which-question asks what something ENDED UP being ("what was
    the number they ENDED UP announcing"): how it came out, after the sources; "how many ended
    up going to oz" asks a count the sources may give."""
    start = _after_lead_ins(asked)
    return asked[start : start + 1] in (("what",), ("whats",), ("which",)) and any(
        a == "ended" and b == "up" for a, b in itertools.pairwise(asked[start:])
    )


# "did bmw EVER REOPEN the allocations", "did they ever RESTART it": a later change of course.
_UNDONE = frozenset(
    """
    reopen reopened restart restarted resume resumed reverse reversed revive revived reinstate
    reinstated relaunch relaunched
    """.split()
)


def _ever_undone(asked: tuple[str, ...]) -> bool:
    """Return whether a yes/no question asks if something was ever reopened or reversed ("did
    bmw ever reopen us allocations after the memo"): a later event the sources never reach."""
    start = _after_lead_ins(asked)
    return (
        asked[start : start + 1] == ("did",)
        and "ever" in asked
        and not _UNDONE.isdisjoint(asked[start:])
    )


# "what car REPLACED the 1m", "who SUCCEEDED him": the one that came after, a later event.
_REPLACED = frozenset("replaced replaces succeeded succeeds superseded supersedes".split())


def _replaced(asked: tuple[str, ...]) -> bool:
    """Return whether a wh-question asks what or who replaced something ("what car replaced
    the 1m", "which model succeeded it"): the verb within the question's first three words."""
    start = _after_lead_ins(asked)
    head = asked[start : start + 3]
    return head[:1] in (("what",), ("which",), ("who",)) and not _REPLACED.isdisjoint(head)


def _learnt_in_the_end(asked: tuple[str, ...]) -> bool:
    """Return whether a "what did ..." question asks what came of something at last ("what
    did they hear back IN THE END", "what did the dealer tell him EVENTUALLY")."""
    start = _after_lead_ins(asked)
    if asked[start : start + 1] not in (("what",), ("whatd",)) or "did" not in asked[start:]:
        return False
    return asked[-3:] == ("in", "the", "end") or asked[-1:][0] in _FINALLY


# "a FOLLOW UP", "the FOLLOWUP": a later post, which the sources never reached; "a SUCCESSOR",
# "a SEQUEL": a later car, likewise.
_FOLLOW_UPS = frozenset("followup followups follow successor successors sequel sequels".split())
# "did they ever do A SECOND RUN", "did bmw ever build ANOTHER BATCH": a later production run.
_ANOTHER = frozenset("second 2nd another".split())
_SUCCEEDING = frozenset("successor successors sequel sequels".split())
_RUNS = frozenset("run runs batch batches".split())


def _ever_followed(asked: tuple[str, ...]) -> bool:
    """Return whether a yes/no question asks if a later post, car or run ever came ("did they
    EVER do a FOLLOW UP on it", "did bmw ever build a SUCCESSOR", and without "ever" "did the
    1m GET a SUCCESSOR", "did they get a SECOND BATCH"): nothing in the sources says."""
    start = _after_lead_ins(asked)
    if asked[start : start + 1] == ("did",) and any(
        a in ("get", "have")
        and (b in _SUCCEEDING or (b in ("a", "an", "any") and c in _SUCCEEDING))
        for a, b, c in zip(asked, asked[1:], (*asked[2:], ""), strict=False)
    ):
        return True  # "did the 1m GET A SUCCESSOR": a later car it had, "ever" or not
    if asked[start : start + 1] != ("did",):
        return False
    ever = "ever" in asked
    return any(
        (ever and a in _FOLLOW_UPS and (a != "follow" or b == "up"))
        or (a in _ANOTHER and b in _RUNS)  # "did they get A SECOND BATCH": "ever" or not
        for a, b in itertools.pairwise((*asked, ""))
    )


# "did it ACTUALLY start in november": whether a planned event came about, not what was said.
_INDEED = frozenset("actually really ever".split())
_CAME_ABOUT = frozenset("start starts started begin began happen happened launch launched".split())
# "did bmw ACTUALLY DOUBLE the run": a change of course only forecast, asked as done, the verb
# right after "actually / really / ever" ("did the double figure really come from asia" and
# "did the doubling rumor actually come from bmw" ask where a figure came from).
_DOUBLED_INDEED = frozenset((a, b) for a in _INDEED for b in ("double", "doubled"))
_CAME_TRUE = frozenset({("come", "true"), ("pan", "out"), ("play", "out")})
# Round 121: "did they EVER BUILD the 5000": a production only planned or rumoured, asked as done.
_BUILT_EVER = frozenset(("ever", v) for v in "build make produce manufacture".split())
_WHEN_ASKERS = frozenset({("when",), ("whens",), ("what",), ("which",)})


# "... LIKE THEY SAID", "AS the blog PREDICTED": the forecast a question checks against what
# happened; the verb of saying is the clause's, not the question's.
_AS_FORECAST = frozenset("like as".split())
_AFFIRMING = frozenset("confirm confirms confirmed deny denies denied admit admitted".split())
_FORECAST_GAP = 3  # "like the blog had PREDICTED": the words that may stand between them


def _as_forecast(rest: tuple[str, ...]) -> int | None:
    """Return where a clause naming a forecast opens ("did prices actually settle LIKE THEY
    SAID"), or None: "like" or "as" followed within three words by a verb of saying or
    guessing, after the question's own verb."""
    for i, word in enumerate(rest):
        if (
            i > 1
            and word in _AS_FORECAST
            and not _REPORTING.isdisjoint(rest[i + 1 : i + 1 + _FORECAST_GAP])
        ):
            return i
    return None


# "like they said it WOULD": the clause's verb of saying tells of a forecast.
_FORETELLING = frozenset("would wud will gonna".split())


def _foretold(clause: tuple[str, ...]) -> bool:
    """Return whether a clause after "like" or "as" tells of a forecast ("LIKE THEY SAID IT
    WOULD"): a verb of saying followed within two words by "would", "will" or "gonna"."""
    return any(
        w in _REPORTING and not _FORETELLING.isdisjoint(clause[i + 1 : i + 3])
        for i, w in enumerate(clause[:_FORECAST_GAP])
    )


def _came_true(asked: tuple[str, ...]) -> bool:
    """Return whether a yes/no question asks if a forecast event came about ("did the f30
    ACTUALLY START in november", "did the doubling REALLY HAPPEN", "did values actually level
    off LIKE THEY SAID"): nothing in the sources says; "did they actually pull the post" asks
    what the sources report."""
    start = _after_lead_ins(asked)
    rest = asked[start:]
    if rest[:1] == ("did",) and (clause := _as_forecast(rest)) is not None:
        # "did X actually <verb> ... LIKE THEY SAID": whether the forecast held, whatever verb
        head = rest[:clause]
        return (
            (not _INDEED.isdisjoint(head) or _foretold(rest[clause + 1 :]))
            and _REPORTING.isdisjoint(head)
            and _AFFIRMING.isdisjoint(head)  # "did bmw actually CONFIRM it like he said"
        )
    # "did the prediction COME TRUE", "did it PAN OUT": a forecast held, said in two words;
    # "did they EVER ACTUALLY race": whether it ever came about at all, whatever the verb
    held = not _CAME_TRUE.isdisjoint(itertools.pairwise(rest)) or any(
        a == "ever" and b in ("actually", "really") for a, b in itertools.pairwise(rest)
    )
    # "WHEN did f30 production ACTUALLY START", "what year did it really begin": the date of a
    # forecast event as it came about, which the sources never reach; "did bmw ACTUALLY DOUBLE
    # it": the doubling forecast, asked as done
    dated = rest[:1] in _WHEN_ASKERS and "did" in rest[1:4] and not _CAME_ABOUT.isdisjoint(rest)
    return (
        (rest[:1] == ("did",) or dated)
        and not _INDEED.isdisjoint(rest)
        and (
            held
            or not _CAME_ABOUT.isdisjoint(rest)
            or not _DOUBLED_INDEED.isdisjoint(itertools.pairwise(rest))
            or not _BUILT_EVER.isdisjoint(itertools.pairwise(rest))
        )
        and _REPORTING.isdisjoint(rest)
    )


# "did he GET ONE of them", "did she BUY ONE": whether someone got a car in the end.
_GOT_ONE = frozenset("get got buy bought snag snagged grab grabbed score scored land".split())
# "did he EVER get one", "did she ACTUALLY buy one": words that may stand before the verb.
_EVER_BETWEEN = _BETWEEN | {"ever"}
_GOT_ONE_REACH = 6  # "did he ever actually get one": the words up to "one"
# "did they EVENTUALLY build more": how it ended; "did they FINALLY confirm it" may ask the story.
_AT_LAST = frozenset("eventually ultimately".split())


def _ended_up(asked: tuple[str, ...]) -> bool:
    """Return whether a yes/no question asks how a story ended ("did bmw END UP doubling it",
    "did he ever end up buying one", "did it double IN THE END", "did they EVENTUALLY build
    more"); "how many did australia end up getting" asks a count."""
    start = _after_lead_ins(asked)
    if asked[start : start + 1] != ("did",):
        return False
    rest = asked[start:]
    if any(a == "end" and b == "up" for a, b in itertools.pairwise(rest)):
        return True
    plain = [w for w in rest[:_GOT_ONE_REACH] if w not in _EVER_BETWEEN]  # "did he EVER get"
    if len(plain) > 3 and plain[2] in _GOT_ONE and plain[3] == "one":
        return True  # "did HE GET ONE (of them)": whether someone got a car, after the sources
    if "or" in rest and sum(w.isdigit() for w in rest) > 1:
        return False  # "did australia get 100 or 125 in the end": which figure the sources give
    return not _AT_LAST.isdisjoint(rest) or any(
        rest[i : i + 3] == ("in", "the", "end") for i in range(len(rest) - 2)
    )


# "LIKE 400 something", "AROUND 50": a figure the asker only guesses; "400 SOMETHING", "400
# ODD", "400ish": the words that make it a guess.
_ROUGHLY = frozenset("like around about abt bout roughly approx approximately maybe".split())
_ROUGH_AFTER = frozenset("something smth odd ish".split())
_ROUGH_FIGURE = re.compile(r"\d+(?:ish)?")


def guessed(sentence: Sequence[str]) -> tuple[frozenset[int], frozenset[int]]:
    """Return where a sentence asking "how many" gives a figure the asker only guesses ("how
    many did the us get, LIKE 400 something"), and where the words after it make it a guess
    ("400 SOMETHING"); a figure in a yes/no question ("did the uk get like 200") is its claim."""
    if "how" not in sentence:  # most questions: no "how many" to look for
        return frozenset(), frozenset()
    figures: set[int] = set()
    after: set[int] = set()
    if not any(a == "how" and b in _AMOUNT for a, b in itertools.pairwise(sentence)):
        return frozenset(), frozenset()
    for i, word in enumerate(sentence):
        if not _ROUGH_FIGURE.fullmatch(word):
            continue
        if i + 1 < len(sentence) and sentence[i + 1] in _ROUGH_AFTER:
            after.add(i + 1)
        if i + 1 in after or word.endswith("ish") or (i and sentence[i - 1] in _ROUGHLY):
            figures.add(i)
    return frozenset(figures), frozenset(after)


# "bmwblog said 6000 for the states RIGHT": a tag asking to check the claim it ends.
CHECKING_TAGS = frozenset("right correct".split())


# Round 87: "IIRC bmwblog said 500 for the us", "I THINK the uk got 200": a sentence opening on
# the asker's recollection offers a figure to check, as a tag ending it does.
_RECALLS = frozenset("iirc afaik afair".split())
_RECALL_WORDS = _RECALLS | {second for _, second in _RECALLING}


def _recalled(said: Sequence[str]) -> bool:
    """Return whether a sentence opens, after its lead-ins, on the asker's recollection ("iirc
    ...", "so i think ...", "pretty sure ...")."""
    start = _after_lead_ins(tuple(said))
    opening = tuple(said[start : start + 2])
    return (bool(opening) and opening[0] in _RECALLS) or opening in _RECALLING


def checked_figures(message: str) -> frozenset[str]:
    """Return the figures of a claim the asker wants checked ("so the us gets 1000 right?",
    "iirc the us gets 1000"): the asker's memory of a figure, which may be
    wrong. A "how many" question with a tag ("how many ... right") asks the figure and offers
    none."""
    found: set[str] = set()
    said = words(message)
    if CHECKING_TAGS.isdisjoint(said) and _RECALL_WORDS.isdisjoint(said):
        return frozenset()  # most messages: no sentence ends in a tag or opens on a memory
    for sentence in _BREAK.split(message, MAX_PARTS):
        said = words(sentence)
        if len(said) > 2 and "how" not in said:
            if said[-1] in CHECKING_TAGS:
                found.update(_counts_in(said[:-1]))
            elif _recalled(said):
                found.update(_counts_in(said))
    return frozenset(found)


# Round 143: "mr mowse thought the 1m was about to race A 911 right": a figure after "a" names
# one thing (a model), it counts none, so no entry's figure is needed to set it right.
_ONE_OF = frozenset("a an".split())


def _counts_in(said: Sequence[str]) -> list[str]:
    """Return a sentence's figures that count, not a name after "a" ("race a 911")."""
    return [w for i, w in enumerate(said) if w.isdigit() and (i == 0 or said[i - 1] not in _ONE_OF)]


# Round 139: "the clip was LE MANS BLUE right", "the asia guy told TOP GEAR right": a claim put
# up to check with a tag is the asker's memory; a detail of it that no entry holds may be
# misremembered, so it weighs as an aside and the claim's other words find what to set right.
_CLAIM_TAGS = _TAGS | CHECKING_TAGS


def checked_claims(message: str) -> frozenset[str]:
    """Return the words of a claim a sentence puts up to check with a tag ending it ("the car
    in the clip was le mans blue right"), not one opening on a question word or an auxiliary."""
    said = words(message)
    if _CLAIM_TAGS.isdisjoint(said):
        return frozenset()  # most messages: no sentence ends in a tag
    found: set[str] = set()
    for sentence in _BREAK.split(message, MAX_PARTS):
        said = words(sentence)
        if len(said) > 2 and said[-1] in _CLAIM_TAGS and said[0] not in _ASKS:
            found.update(said[:-1])
    return frozenset(found)


# "the TWO things limiting it", "what are the 3 REASONS": how many items the answer lists.
_LISTED = frozenset(
    """things reasons factors causes ways points parts bits issues options sides steps
    problems explanations answers""".split()
)
_LIST_SIZE = re.compile(r"[2-9]")
# "the two 2500S", "both 600S": figures named as things, counted by the size before them.
_FIGURES_NAMED = re.compile(r"\d+s")


def listed(sentence: Sequence[str]) -> frozenset[int]:
    """Return where a sentence counts the items it asks for ("the 2 THINGS limiting
    production", "3 REASONS"): that figure is the answer's shape, no figure it asks about."""
    if _LISTED.isdisjoint(sentence) and not any(map(_FIGURES_NAMED.fullmatch, sentence)):
        return frozenset()  # most questions: no word of a list, so no pattern run
    return frozenset(
        i
        for i, (word, after) in enumerate(itertools.pairwise(sentence))
        if _LIST_SIZE.fullmatch(word) and (after in _LISTED or _FIGURES_NAMED.fullmatch(after))
    )


# "what could MAKE the numbers CHANGE": "make" causes a change there, it builds nothing.
_CAUSING = frozenset("make makes made making".split())
_CHANGING = frozenset(
    """
    change changes shift shifts move moves drop drops rise rises go goes happen differ vary
    increase decrease grow shrink slip
    """.split()
)
_CAUSED_MOST = 3  # "make (the) (us) (numbers) change": at most three words of what changes


def causing(sentence: Sequence[str]) -> frozenset[int]:
    """Return where "make" causes a change ("what could MAKE the numbers change", "would that
    MAKE prices drop"): no making of cars, so no production word."""
    if _CAUSING.isdisjoint(sentence):
        return frozenset()  # most questions
    sentence = tuple(sentence)
    return frozenset(
        i
        for i, word in enumerate(sentence)
        if word in _CAUSING
        and not _CHANGING.isdisjoint(sentence[i + 2 : i + 2 + _CAUSED_MOST])
        and sentence[i + 1 : i + 2] != ("more",)  # "make more change" is no cause
    )


# "what KIND of car", "which SORT of deal": the head only restates the question word.
_KINDS_OF = frozenset("kind kinds sort sorts type types".split())


def restated_kinds(sentence: Sequence[str]) -> frozenset[int]:
    """Return where a question word's head only restates it ("what KIND of car did he call
    it", "segler called it what SORT of car"): the car is asked, not a kind."""
    if _KINDS_OF.isdisjoint(sentence):
        return frozenset()  # most questions
    return frozenset(
        i
        for i, word in enumerate(sentence)
        if word in _KINDS_OF
        and 0 < i < len(sentence) - 1
        and sentence[i - 1] in _WH
        and sentence[i + 1] == "of"
    )


def hearsay(sentence: tuple[str, ...]) -> bool:
    """Return whether a sentence passes on a claim from nobody in particular ("someone said
    the chase car was a cayman s", "i heard ...", "people say ...")."""
    start = _after_lead_ins(sentence)
    head = sentence[start : start + 3]
    if head[:2] in (("i", "heard"), ("ive", "heard")):
        return True
    return len(head) >= 2 and head[0] in _HEARSAY and head[1] in _HEARSAY_VERBS


def told_last(message: str) -> str | None:
    """Return a story's last clause and its question when the question asks only of a bare
    pronoun ("... he keeps saying hell get one, but i heard bmw sent the dealers some kind of
    memo?? WHAT DID IT actually SAY"): "it" is what that clause told, not the whole story;
    None for any other message."""
    found = parts(message)
    if len(found) < 2 or not found[-1].asks or any(p.asks for p in found[:-1]):
        return None
    asked = found[-1].words
    start = _after_lead_ins(asked)
    if asked[start : start + 2] not in _SUBJECT_AFTER or len(asked) - start > _BARE_ASKED:
        return None
    if asked[start + 2 : start + 3] != ("it",) or asked[-1] not in _BARE_SAYING:
        return None  # "what did THAT MEMO say" names its topic; "what was it" asks a figure
    story = found[-2].words
    cut = max((i + 1 for i, w in enumerate(story) if w == "but"), default=0)
    clause = story[cut:]
    if len(clause) == sum(len(p.words) for p in found[:-1]):
        return None  # the story is that one clause already
    return f"{' '.join(clause)}? {' '.join(asked)}?"


# "what DID IT (actually) SAY": a wh-word and an auxiliary before a bare pronoun and a verb of
# saying.
_SUBJECT_AFTER = frozenset((wh, aux) for wh in ("what", "whats") for aux in ("did", "does"))
_BARE_SAYING = frozenset("say says mean means claim claims state states".split())
_BARE_ASKED = 6  # "what did it actually say (to them)"


# "is that AN ACTUAL number": words between a demonstrative and the thing it points at.
_BEFORE_POINTED = frozenset("a an actual real".split())


def _names_pointed(rest: tuple[str, ...]) -> bool:
    """Return whether words after a demonstrative name a thing said before ("that NUMBER",
    "is that AN ACTUAL NUMBER"), past an article or an adjective of truth."""
    words = list(itertools.dropwhile(lambda w: w in _BEFORE_POINTED, rest))
    return bool(words) and words[0] in _POINTED


# "is that even legal", "was this normal": a short verdict on what the story told, whose own
# words name no topic; or where it came from ("is that FROM bmw or just some random guy").
_JUDGING_COPULAS = frozenset("is was isnt wasnt".split())
_JUDGED_THINGS = frozenset("that this".split())
_JUDGING_MOST = 3  # the words after "is that": "even legal", "actually allowed"


def _judges_it(asked: tuple[str, ...]) -> bool:
    """Return whether a question is a short verdict on what the story told ("is that legal")."""
    return (
        len(asked) >= 3
        and asked[0] in _JUDGING_COPULAS
        and asked[1] in _JUDGED_THINGS
        and (len(asked) - 2 <= _JUDGING_MOST or asked[2] == "from")
    )


# "who's right", "which is it": the asker's call between the sides the story set out, whose
# own words name no topic; "according to the blog" may follow.
_SIDES = frozenset("right correct wrong it true".split())
_ARBITER_FILLER = frozenset("is s one actually really then here".split())
# The words that may follow the call: "according to the blog", "here tho".
_AFTER_ARBITER = STOPWORDS | frozenset(
    "according blog blogs article articles post piece here then tho though".split()
)


def arbitrates(asked: tuple[str, ...]) -> bool:
    """Return whether a question only asks which side of the story holds ("ok WHO'S RIGHT
    according to the article", "so WHICH IS IT"), not who did something."""
    start = _after_lead_ins(asked)
    if start >= len(asked) or asked[start] not in ARBITERS:
        return False
    at = start + 1
    while at < len(asked) and asked[at] in _ARBITER_FILLER:
        at += 1
    if at >= len(asked) or asked[at] not in _SIDES:
        return False
    if asked[at] == "it" and asked[start] != "which":
        return False  # "who is it": a person
    return all(w in _AFTER_ARBITER for w in asked[at + 1 :])


def lent_story(message: str) -> tuple[str, tuple[str, ...]] | None:
    """Return the story a question with no topic of its own asks about, and the figures its
    claims give ("my cousin swears bmwna told dealers theyd get 1200 more"); None when the
    message tells too little."""
    story = _story_before(message)
    if story is None:
        return None
    claims = [s[teller(s) :] for s in story if teller(s)]
    figures = tuple(w for c in claims for w in c if any(ch.isdigit() for ch in w))
    return ". ".join(" ".join(s) for s in story), figures


def _story_before(message: str) -> list[tuple[str, ...]] | None:
    """Return the sentences told before a message's first asking one, less the asker's guesses,
    or None when the message asks nothing or tells too little."""
    found = parts(message)
    if not any(p.asks for p in found):
        return None
    before = itertools.takewhile(lambda p: not p.asks, found)
    story = [p.words for p in before if not p.guess]
    if sum(len(s) for s in story) < _STORY_LEAST:
        return None
    return story


_STORY_LEAST = 8  # the story's words: "my dealer says they got one" is too short to lend


def points_back(asked: tuple[str, ...]) -> bool:
    """Return whether a question points back at something named before it ("that number",
    "how many was it": a count of something the story named; "did bmw ever SAY THAT")."""
    start = _after_lead_ins(asked)
    if _judges_it(asked[start:]):
        return True  # "is THAT even legal": the story's deed is what is judged
    if arbitrates(asked):
        return True  # "who's right": the story's sides are what is judged
    if asked[start : start + 2] in (("how", "many"), ("hows", "many")):
        clause = itertools.takewhile(lambda w: w not in _JOINS, asked[start + 2 :])
        if all(w in STOPWORDS or w in _AUXILIARIES for w in clause):
            return True  # "how many WAS IT", "how many AND were any left"
    return any(
        (w in _DEMONSTRATIVES and _names_pointed(asked[i + 1 :]))
        or (w in POINTING and i > start and asked[i - 1] in _POINTING_AFTER)
        or (w == "here" and i > start and asked[i - 1] in _ARRIVING)
        or (w in POINTING and i == len(asked) - 1 and asked[i - 1] in _POINTING_VERBS)
        for i, w in enumerate(asked)
    )


# "which month", "what year", "where": a question word and at most one word, no verb of its own.
_ELLIPTICAL_MOST = 1


def elliptical(asked: tuple[str, ...]) -> bool:
    """Return whether a question is only a question word and a word it asks for ("and WHICH
    MONTH", "WHERE"): it asks after what the other question or the story named."""
    start = _after_lead_ins(asked)
    rest = asked[start + 1 :]
    return (
        start < len(asked)
        and asked[start] in _WH_LAST
        and len(rest) <= _ELLIPTICAL_MOST
        and not any(w in _AUXILIARIES for w in rest)
    )


# "... and what happens after that", "... also did they": a second question in one sentence.
_THEN = frozenset("and also".split())


def questions(message: str) -> tuple[str, str] | None:
    """Return each question of a message that asks two, as a message asking only it with the
    rest (the story and the other question) around it; None for a message that asks one.

    A question starts with a question word or an auxiliary: two asking sentences that do are
    two questions, and so is one whose clause after "and" or "also" starts with one too ("how
    many ... and what happens after that"). An asking sentence that does not ("... his name was
    watts?", "like a numbered run?") is story.
    """
    found = parts(message)
    pieces = [p.words for p in found]
    asking = [i for i, p in enumerate(found) if p.asks and _opens(p.words)]
    if len(asking) == 1:
        at = asking[0]
        split = _second_clause(pieces[at])
        if split is None:
            return None
        first, second = split
        pieces[at : at + 1] = [first, second]
        asking = [at, at + 1]
    if len(asking) != 2:
        return None
    return _asking(pieces, asking[0]), _asking(pieces, asking[1])


def joined(message: str) -> bool:
    """Return whether a message asks in one sentence only, so that two questions ``questions``
    finds in it are joined by "and" ("how many did X get AND how many did Y get"), not a
    question and another sentence that follows it up ("... LIKE how many in total?")."""
    return sum(p.asks and _opens(p.words) for p in parts(message)) == 1


def _opens(sentence: tuple[str, ...]) -> bool:
    """Return whether a sentence starts with a question word or an auxiliary ("so WHO ...")."""
    start = _after_lead_ins(sentence)
    return start < len(sentence) and sentence[start] in _OPENERS


def _conditional(sentence: tuple[str, ...]) -> bool:
    """Return whether a sentence asks after an "if" clause ("IF ... road HOW IS that legal")."""
    if "if" not in sentence:
        return False
    return any(
        sentence[i] in _WH_LAST and sentence[i + 1] in _AUXILIARIES
        for i in range(sentence.index("if") + 2, len(sentence) - 1)
    )


# "SINCE segler SAID 5000 are they making ...": a claim the asker takes as given before the
# question, in a sentence with no comma; its teller may be misremembered, so it is story.
_PREMISE_TOLD_BY = 4  # "since THE M GUY SAID": the words up to the verb of telling
_PREMISE_ASKED_OF = frozenset("they it there he she we you u i".split())  # "... ARE THEY making"
_COUNTING = _AUXILIARIES | frozenset("many much".split())  # "... HOW MANY do i get"


def _told_premise(sentence: tuple[str, ...]) -> int | None:
    """Return where a sentence that opens with "since X said / told Y" asks ("since segler said
    5000 ARE THEY making more"), or None: what the asker takes as told is a premise, story."""
    if len(sentence) < 5 or sentence[0] != "since":
        return None
    told = next((i for i in range(1, _PREMISE_TOLD_BY) if sentence[i] in _TOLD_IT), None)
    if told is None:
        return None
    for i in range(told + 2, len(sentence) - 1):
        word, nxt = sentence[i], sentence[i + 1]
        if (word in _WH_LAST and nxt in _COUNTING) or (
            word in _AUXILIARIES and nxt in _PREMISE_ASKED_OF
        ):
            return i
    return None


def _premise(sentence: tuple[str, ...]) -> int | None:
    """Return where a sentence that opens with an "if" clause asks ("if demand is so high in
    australia WHY DOESNT bmw build more"), or None: the clause is a premise, told as story."""
    start = _after_lead_ins(sentence)
    if start >= len(sentence) or sentence[start] != "if":
        return None
    for i in range(start + 2, len(sentence) - 1):
        if sentence[i] in _WH_LAST and sentence[i + 1] in _AUXILIARIES:
            return i
    return None


def _second_clause(sentence: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """Split a sentence before its first "and"/"also" that a question word or auxiliary
    follows ("... good for AND WHAT happens after that"); None if it has none."""
    for i in range(1, len(sentence) - 1):
        if sentence[i] not in _THEN:
            continue
        rest = i + 1
        while rest < len(sentence) and sentence[rest] in _THEN:
            rest += 1  # "and also what ..."
        if rest < len(sentence) - 1 and sentence[rest] in _ASKS:
            return sentence[:i], sentence[rest:]
    return None


def _asking(pieces: list[tuple[str, ...]], at: int) -> str:
    """Return the message with only the sentence at ``at`` asking: the rest is its story."""
    story = [" ".join(p) for i, p in enumerate(pieces) if i != at]
    return "\n".join([*story, " ".join(pieces[at]) + " ?"])


_COMPLEMENTS = frozenset("a an from".split())
_SUBJECT_MOST = 2  # "is MOTORING a uk mag", "was DR SEGLER from ..."


def classed(asked: Sequence[str]) -> tuple[str, ...]:
    """Return the subject and the complement of a question asking what kind of thing its
    subject is ("is motoring a UK mag", "motoring is from the uk right"), or nothing: a name in
    the complement is the asker's guess about the subject, maybe wrong."""
    start = _after_lead_ins(tuple(asked))
    rest = list(asked[start:])
    for at in range(1, _SUBJECT_MOST + 2):
        if at < len(rest) - 1 and rest[at] in _COMPLEMENTS:
            head, subject = rest[:1], rest[1:at]  # "is MOTORING a ..."
            if head and head[0] in _JUDGING_COPULAS and subject:
                return (*subject, *rest[at + 1 :])
            subject, link = rest[: at - 1], rest[at - 1 : at]  # "MOTORING is a ..."
            if subject and link and link[0] in _JUDGING_COPULAS:
                return (*subject, *rest[at + 1 :])
    return ()


# "what did X SAY about Y", "what does X THINK of Y": a question about what someone said.
_SAID_VERBS = _SAYING | frozenset(
    """
    saying thinking thinks reckon reckons reckoned claim claims claimed write wrote writes
    mean means meant tell tells told
    """.split()
)
_SPEAKER_AUX = frozenset("did does do has have had was is were".split())
_SPEAKER_AUX_ALONE = frozenset((w,) for w in _SPEAKER_AUX)  # a slice of one word, matched whole
_ABOUT = frozenset("about abt bout of on regarding".split())
_TOLD_TO = frozenset("him her".split())
# "... about pricing IN THE MEMO": where it was said, not what about; the topic ends there.
_SAID_IN = frozenset("in on during".split())
_MEDIA = frozenset(
    """
    memo memos article articles post posts piece interview interviews email emails comment
    comments reply replies letter statement story clip video vid podcast convo conversation call
    """.split()
)


def _said_where(topic: tuple[str, ...]) -> tuple[str, ...]:
    """Return a spoken-of topic without where it was said ("pricing IN THE MEMO": "pricing"),
    "in" or "on", up to two words, then a medium ("memo", "interview", "comments")."""
    for i, w in enumerate(topic):
        if i and w in _SAID_IN and not _MEDIA.isdisjoint(topic[i + 1 : i + 4]):
            return topic[:i]
    return topic


_CONFIRMED = frozenset("confirm confirmed confirms announce announced announces".split())
# "did X say HOW many / WHEN ...": a question reported, asked of what X gave
_REPORTED_ASKS = frozenset("how what when which where".split())
_REPORTING_AUX = frozenset("did does".split())
_CALLING = frozenset("call called".split())
_REPORTER_MOST = 3  # "did THE NEW YORK TIMES write about it": the words a speaker asked of takes
_REPORTER_REACH = 4  # "did THE FORMER M BOSS say how many": the words the speaker may take


def _reported_ask(asked: tuple[str, ...], start: int) -> int:
    """Return where the first "did" of a sentence opens a reported question ("..., DID segler
    say how many ..."), else ``start``."""
    if _REPORTING_AUX.isdisjoint(asked):  # most sentences
        return start
    first = next((j for j in range(start, len(asked)) if asked[j] in _REPORTING_AUX), None)
    if first is None or not _WH_LAST.isdisjoint(asked[start:first]):
        return start  # "what did bmwna say WHEN asked": a question of its own, not reported
    reach = asked[first + 2 : first + 2 + _REPORTER_REACH]
    for k, w in enumerate(reach, first + 2):
        if w in _SAID_VERBS and asked[k + 1 : k + 2] and asked[k + 1] in _REPORTED_ASKS:
            return first
    return start


_SELF = frozenset("themselves themself himself herself itself".split())  # "... X itself"


def said(
    asked: tuple[str, ...], *, whole: bool = False
) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """Return who a "what did X say about Y" question asks about and what they spoke of: the
    words of X and of Y (none when it names no topic, "what did gabe say"); None for another
    question. "Did X say anything about Y" asks the same, and so does "did X say / confirm Y
    THEMSELVES" (said by X itself), "did X say HOW MANY ..." (after a lead-in too), "did X
    write ABOUT Y" and "did X CALL Y a Z" (X of a few words). With ``whole``, Y after "about"
    keeps its stopwords, for a phrase to be read in it ("about GETTING YOUR HANDS ON one")."""
    start = _after_lead_ins(asked)
    what = asked[start : start + 1] in (("what",), ("whats",), ("wat",))
    at = start + 1 if what else start
    while what and asked[at : at + 1] and asked[at] in _HEDGES:
        at += 1  # "what EXACTLY did segler say": an adverb of emphasis before the auxiliary
    if asked[start : start + 2] in (("how", "many"), ("how", "much")):
        # "how many 1ms did SEGLER SAY bmw would build": a figure that one must have given
        at = next((i for i in range(start + 2, len(asked)) if asked[i] in _SPEAKER_AUX), at)
        what = at > start
    if not what and asked[at : at + 1] not in _SPEAKER_AUX_ALONE:
        # "in the interview, DID segler SAY HOW many ...": a reported question after a lead-in
        at = _reported_ask(asked, start)
    if asked[at : at + 1] not in _SPEAKER_AUX_ALONE:
        return None
    rest = asked[at + 1 :]
    verbs = _SAID_VERBS | _CONFIRMED if asked[-1:] and asked[-1] in _SELF else _SAID_VERBS
    verb = next((i for i, w in enumerate(rest) if w in verbs), None)
    if not verb:
        return None
    spoke = rest[:verb]
    if "to" in spoke:  # "the reply TO yourbestsource": the reply speaks, not yourbestsource
        spoke = spoke[: spoke.index("to")]
    speaker = tuple(w for w in spoke if w not in STOPWORDS)
    after = rest[verb + 1 :]
    if after[:1] and after[0] in _TOLD_TO:
        return None  # "what did bmwblog tell HIM": what reached him, told in his claim too
    if not what and asked[-1:] and asked[-1] in _SELF:
        # "did bmw australia CONFIRM the 125 THEMSELVES": said by X itself, not passed on
        return speaker, tuple(w for w in after[:-1] if w not in STOPWORDS)
    if not what and after[:1] and after[0] in _REPORTED_ASKS:
        # "did segler say HOW MANY the us would get": what that one must have given
        return speaker, tuple(w for w in after[1:] if w not in STOPWORDS)
    # "did the times ever WRITE ABOUT the 1m", "did the times CALL THE 1M a collector car":
    # what that one said of it (a speaker of a few words, the one asked about)
    plainly = not what and asked[at] in _REPORTING_AUX and 0 < len(speaker) <= _REPORTER_MOST
    if plainly and after[:1] and after[0] in _ABOUT:
        return speaker, tuple(w for w in _said_where(after[1:]) if w not in STOPWORDS)
    called = tuple(w for w in after if w not in STOPWORDS)
    if plainly and rest[verb] in _CALLING and len(called) > 1:
        return speaker, called
    if not what:  # a bare "did gabe say anything" asks it of the last topic: no mask
        if after[:1] != ("anything",) or len(after) == 1:
            return None
        after = after[1:]
    topic = _said_where(after[1:]) if after[:1] and after[0] in _ABOUT else ()
    return speaker, tuple(w for w in topic if whole or w not in STOPWORDS)


_TELLING = frozenset("said says saying told tells telling claims claimed swears swore".split())


def teller(sentence: Sequence[str]) -> int:
    """Return how many words of a story sentence tell who passed a claim on, and when or
    where ("my sales advisor called me today and SAID ..."), before what was said; 0 when it
    reports no saying."""
    for at, word in enumerate(sentence):
        if word in _TELLING:
            return at + 1
    return 0


def relayer(sentence: Sequence[str]) -> int:
    """Return how many words of an asking sentence that is told, not put as a question ("then
    my buddy sends me a thing SAYING the us gets 600 total??"), tell who passed its claim on,
    as ``teller`` reads a story sentence; 0 for one that asks in words ("what did segler
    say", "... he claimed numbers per month, WHAT were they")."""
    if _opens(tuple(sentence)) or not _WH_LAST.isdisjoint(sentence):
        return 0
    return teller(sentence)


# "the reply TO yourbestsource", "why did someone TELL ybs": the one spoken to, not the speaker.
_ANSWERING = frozenset("reply replies replied response responses responded respond answer".split())
_TELLING_TO = frozenset("tell tells told telling".split())


def addressed(asked: Sequence[str]) -> tuple[tuple[int, int], ...]:
    """Return where an asking sentence names the one a reply or a telling was made to ("the
    reply to YOURBESTSOURCE", "why did someone tell YBS the numbers could change"), each as
    the place of the verb and of the name: when no one named made the reply, the name spoken
    to is not whose claims are asked."""
    asked = tuple(asked)
    if _ANSWERING.isdisjoint(asked) and _TELLING_TO.isdisjoint(asked):  # most sentences
        return ()
    found: list[tuple[int, int]] = []
    for i, w in enumerate(asked):
        if w in _ANSWERING and asked[i + 1 : i + 2] == ("to",):
            at = i + 2
        elif w in _TELLING_TO and i > 0:
            at = i + 1
        else:
            continue
        if asked[at : at + 1] == ("the",):
            at += 1
        if at < len(asked) and asked[at] not in STOPWORDS:
            found.append((i, at))
    return tuple(found)


# "MORE OR LESS THAN 100 a month", "OVER OR UNDER 500", "more than 100 OR LESS": a bound the
# asker holds the figure asked against both ways, which nobody gave.
_BOUND_WORDS = frozenset("more less fewer over under above below".split())
_THAN_BOUNDS = frozenset("more less fewer".split())  # "more CARS": a bound only before "than"
_BOUND_FILLERS = frozenset("like about around roughly".split())


def bound(sentence: Sequence[str]) -> frozenset[int]:
    """Return where a sentence compares the figure it asks with a bound of its own, both ways
    ("is it MORE OR LESS THAN 100 a month", "OVER OR UNDER 500", "did they get MORE THAN 100
    OR LESS"): the bound and its comparing words, which ask for the figure, whatever it is."""
    if _BOUND_WORDS.isdisjoint(sentence):
        return frozenset()  # most questions
    found: set[int] = set()
    n = len(sentence)
    for i, word in enumerate(sentence):
        if word not in _BOUND_WORDS:
            continue
        span, j, both = [i], i + 1, False
        if j + 1 < n and sentence[j] == "or" and sentence[j + 1] in _BOUND_WORDS:
            span += [j, j + 1]
            j, both = j + 2, True
        if j < n and sentence[j] == "than":
            span.append(j)
            j += 1
        elif word in _THAN_BOUNDS or (both and sentence[j - 1] in _THAN_BOUNDS):
            continue
        if j < n and sentence[j] in _BOUND_FILLERS:
            span.append(j)
            j += 1
        if j >= n or not sentence[j].isdigit():
            continue
        span.append(j)
        for k in (j + 1, j + 2):  # "more than 100 (cars) OR LESS": the other way after it
            if k + 1 < n and sentence[k] == "or" and sentence[k + 1] in _BOUND_WORDS:
                span += [k, k + 1]
                both = True
                break
        if both:
            found.update(span)
    return frozenset(found)


# "i WANNA KNOW what happened after", "i WONDER what ...": the asker's question, told as a
# statement beside the one that asks.
_WONDERING = frozenset(
    {("wanna", "know"), ("want", "know"), ("wondering",), ("wonder",), ("curious",)}
)
_WONDER_REACH = 4  # "i REALLY WANT TO know what": the words from the asker to the wh-word


def wondered(sentence: Sequence[str]) -> tuple[str, ...]:
    """Return the question the asker says they want answered in a sentence of their own ("but
    i wanna know WHAT ACTUALLY HAPPENED AFTER"), from its wh-word on, or nothing."""
    for i, word in enumerate(sentence):
        if word not in _ASKER:
            continue
        near = [w for w in sentence[i + 1 : i + 1 + _WONDER_REACH] if w != "to"]
        if not any(
            tuple(near[j : j + len(pair)]) == pair for pair in _WONDERING for j in range(len(near))
        ):
            continue
        for j in range(i + 2, min(len(sentence), i + 2 + _WONDER_REACH)):
            if sentence[j] in _WH_LAST:
                return tuple(sentence[j:])
    return ()


# "THE GUY WHO BROUGHT UP THE ZHP, does he think ...": who is meant, named by what they did,
# before the question asked of them; the question is what they think, not what they did.
_SOMEONE = frozenset(
    "guy dude person commenter reader bloke fella man woman one poster someone".split()
)
_DETERMINERS = frozenset("the that this some".split())
_WH_OPENERS = frozenset("what which when how where why whats".split())
_ASKED_OF = frozenset("he she they it that".split())


def identified(sentence: Sequence[str]) -> frozenset[int]:
    """Return where a sentence names who it asks about by what they did before the question
    ("the guy WHO BROUGHT UP THE ZHP does he think ..."): from "who" to the question's opener."""
    if "who" not in sentence:
        return frozenset()  # most questions
    start = _after_lead_ins(tuple(sentence))
    head = sentence[start : start + 3]
    if len(head) < 3 or head[0] not in _DETERMINERS or head[1] not in _SOMEONE or head[2] != "who":
        return frozenset()
    for end in range(start + 4, len(sentence) - 1):
        opener = sentence[end]
        if sentence[end - 1] == "who":
            return frozenset()  # "the guy who said it, WHO is he": who they are is asked
        if opener in _WH_OPENERS or (
            opener in YES_NO_OPENERS and sentence[end + 1] in _ASKED_OF
        ):  # "WHAT did she say", "DOES HE think": not "... WAS late"
            return frozenset(range(start + 2, end))
    return frozenset()


# "does THE BLOG THAT WROTE THE RUMORS PIECE buy it": an outlet or person named by a piece they
# wrote, whose words describe who is meant and ask nothing of the piece's topic.
_DESCRIBED = _OUTLETS | frozenset("blog site website guy guys dude people writer writers".split())
_RELATIVES = frozenset("that who which".split())
_WORK_VERBS = _WROTE | frozenset("did posted published ran put".split())
_WORKS = _PIECES | frozenset("post posts articles pieces roundup".split())
# "the blog that WROTE UP THE RUMORS": a verb of writing with "up" writes a piece on its object
_WRITTEN_UP = _WORKS | frozenset("rumor rumors rumour rumours news".split())


def described_writer(sentence: Sequence[str]) -> frozenset[int]:
    """Return where a sentence names an outlet or person by a piece they wrote before asking of
    them ("does the site THAT WROTE THE BREAD ARTICLE like rye"): from the relative to the piece."""
    for i in range(1, len(sentence) - 3):
        if sentence[i] not in _RELATIVES or sentence[i - 1] not in _DESCRIBED:
            continue  # most words
        if sentence[i + 1] not in _WORK_VERBS or _DETERMINERS.isdisjoint(
            sentence[max(0, i - 3) : i]
        ):
            continue
        works = _WRITTEN_UP if sentence[i + 2] == "up" else _WORKS
        for end in range(i + 2, min(len(sentence) - 2, i + 2 + _PIECE_REACH)):
            if sentence[end] in works:
                return frozenset(range(i, end + 1))
    return frozenset()


# "does the 1m come with no options TOO LIKE THE GP": the car held up as the standard a claim is
# compared with, after the claim; the question asks it of the car before.
_STANDARD_REACH = 4  # "like THE MINI GP DID": the words that may follow "like"
_NOT_STANDARD = COPULAS | _SEEMING | frozenset("something anything just more exactly much".split())
_COMPARED_ITSELF = _AUXILIARIES | _DETERMINERS  # "IS the ferry like", "is THE ferry like"


def compared_standard(sentence: Sequence[str]) -> frozenset[int]:
    """Return where a sentence ends on the thing its claim is compared with ("is the ferry
    cheap LIKE THE BUS", "... LIKE THE BUS WAS"): from "like" to the end."""
    if "like" not in sentence:
        return frozenset()  # most questions
    at = len(sentence) - 1 - sentence[::-1].index("like")
    rest = sentence[at + 1 :]
    if at < 2 or sentence[at - 1] in _NOT_STANDARD or not rest or rest[0] not in _DETERMINERS:
        return frozenset()
    # "is THE FERRY like the bus", "is IT like the bus": the comparison itself is asked
    if sentence[at - 2] in _COMPARED_ITSELF or sentence[at - 1] in _ASKED_OF:
        return frozenset()
    if rest[-1] in _AUXILIARIES:  # "like the bus DID"
        rest = rest[:-1]
    if not 1 < len(rest) <= _STANDARD_REACH or _AUXILIARIES.intersection(rest):
        return frozenset()
    return frozenset(range(at, len(sentence)))


# "how many does ohio get OUT OF THE US TOTAL": the whole a share is asked of, not what is asked.
_WHOLE_MOST = 5  # "out of THE FIRST NORTH AMERICAN RUN": the words that may name the whole


def share_of(sentence: Sequence[str]) -> frozenset[int]:
    """Return where a "how many" sentence names the whole its count is a share of ("how many
    loaves does the cafe get OUT OF THE BAKERY'S TOTAL"): the whole is known, the share asked."""
    if "out" not in sentence:
        return frozenset()  # most questions
    asked = next(
        (i for i, (a, b) in enumerate(itertools.pairwise(sentence)) if (a, b) == _HOW_MANY), None
    )
    if asked is None:
        return frozenset()
    for i in range(asked + 2, len(sentence) - 2):
        if sentence[i] == "out" and sentence[i + 1] == "of":
            end = i + 2
            while end < len(sentence) and end < i + 2 + _WHOLE_MOST and sentence[end] not in _ASKS:
                end += 1
            return frozenset(range(i, end))
    return frozenset()


# Round 98: "does the blog actually BUY THE 600 FIGURE", "did he BUY THAT LINE": to buy a claim
# is to believe it; "would enthusiasts buy it" and "buy the car" keep the purchase.
_BUYING = frozenset("buy buys buying bought".split())
_BOUGHT_CLAIMS = frozenset(
    "figure figures number numbers claim claims line story rumor rumour rumors rumours stat"
    " hype excuse explanation promise".split()
)
_BOUGHT_REACH = 3  # "buy THE 600 FIGURE": the words after the verb that may hold the claim
# "are 1ms A GOOD buy down the line": "buy" after these is the noun, a purchase.
_BUY_NOUN_BEFORE = frozenset("a good great bad smart solid decent better best".split())


def believed(sentence: Sequence[str]) -> tuple[str, ...]:
    """Return a sentence with "buy" read as "believe" where a claim is what is bought ("does
    the blog actually BUY the 600 figure"), else the sentence as it is."""
    if _BUYING.isdisjoint(sentence):
        return tuple(sentence)  # most sentences
    out = list(sentence)
    for i, word in enumerate(sentence):
        if (
            word in _BUYING
            and (i == 0 or sentence[i - 1] not in _BUY_NOUN_BEFORE)
            and not _BOUGHT_CLAIMS.isdisjoint(sentence[i + 1 : i + 1 + _BOUGHT_REACH])
        ):
            out[i] = "believe"
    return tuple(out)


def compared(message: str) -> tuple[str, str] | None:
    """Return the two things a message compares ("414 VS 2500", "is A THE SAME THING AS B",
    "which came first, A OR B"), each as a question of its own; None for a message that
    compares nothing. Each side ends at the sentence's or the clause's end."""
    lowered = message.lower()
    for marks, pattern in _COMPARED:
        found = pattern.search(lowered) if any(m in lowered for m in marks) else None
        if found is not None:
            first, second = (side.strip(" '\"") for side in found.groups())
            if first and second:
                return first, second
    return None


def agreeing(message: str) -> tuple[str, str] | None:
    """Return the two a message asks whether they agree ("does A AGREE WITH B", "do A AND B
    AGREE"), each as a question of its own; None for a message that asks no such thing."""
    lowered = message.lower()
    if "agree" not in lowered:
        return None  # most messages
    for pattern in _AGREEING:
        found = pattern.search(lowered)
        if found is not None:
            first, second = (side.strip(" '\"") for side in found.groups())
            if first and second:
                return first, second
    return None


# One side of a comparison: up to the clause's end, and at most this many characters, so that
# a clause of many "is" words is scanned a bounded length from each, not to its end.
_SIDE = r"([^,.?!;:]{1,80}?)"
_AGREEING = (
    re.compile(rf"\b(?:do|does|did)\s+{_SIDE}\s+agree\s+with\s+{_SIDE}\s*(?:[,.?!;:]|$)"),
    re.compile(rf"\b(?:do|did)\s+{_SIDE}\s+and\s+{_SIDE}\s+agree\b"),
)
_COMPARED = (  # (words the message must hold one of, the pattern then searched)
    (
        ("vs", "versus"),
        re.compile(rf"(?:^|[,.?!;:])\s*{_SIDE}\s+(?:vs\.?|versus)\s+{_SIDE}\s*(?:[,.?!;:]|$)"),
    ),
    (
        ("same",),
        re.compile(
            rf"\b(?:is|are|was|were)\s+{_SIDE}\s+the\s+same(?:\s+thing|\s+number)?\s+as\s+"
            rf"{_SIDE}\s*(?:[,.?!;:]|$)"
        ),
    ),
    (
        ("difference",),
        re.compile(rf"\bdifference\s+between\s+{_SIDE}\s+and\s+{_SIDE}\s*(?:[,.?!;:]|$)"),
    ),
    (("from",), re.compile(rf"\bchange[ds]?\s+from\s+{_SIDE}\s+to\s+{_SIDE}\s+or\b")),
    (
        ("first",),
        re.compile(
            rf"\bwhich\s+(?:one\s+)?(?:came|was|happened)\s+first\b[,:]?\s+{_SIDE}\s+or\s+"
            rf"{_SIDE}\s*(?:[,.?!;:]|$)"
        ),
    ),
)
