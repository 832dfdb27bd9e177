"""Tell small talk ("hi", "thanks!", "what can you do") and follow-ups ("source?") apart."""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from ..knowledge.models import Knowledge, SmallTalk, TalkKind
from ..normalise.question import (
    ARBITERS,
    COPULAS,
    EARNINGS,
    HE_OR_SHE,
    PERIODS,
    POINTING,
    PRICED,
    WHATS,
    YES_NO_OPENERS,
)
from ..normalise.text import MONTHS, STOPWORDS, WEEKDAYS, is_year, stem, words
from ..retrieve.matcher import answer_kinds

# Chat tags that only colour what is said: "makes sense ngl", "fr" (for real).
_CHAT_TAGS = frozenset("ngl tbh tbf fr frfr lowkey deadass".split())
# Words that may stand around a greeting or thanks without making it a question.
_FILLER = _CHAT_TAGS | frozenset(
    """
    there guys all everyone everybody folks yall chat gang fellas bot onem onembot a lot so much
    very again ok okay man alright aight nerds
    mate bro dude fam friend buddy lads peeps ppl just and you again pal for that the help
    yo anyway anyways lol lmao lmfao rofl haha oh well then today tonight hm hmm
    """.split()
)
_MAX_TALK_WORDS = 8
# Chat spellings read as the words the phrasings use: "what can u do", "who r u", "wat r u".
_SPELLED = {"u": "you", "ya": "you", "r": "are", "ur": "your", "wat": "what", "wut": "what"}
_SPELLED |= {"wot": "what", "watcha": "what", "whatcha": "what", "dis": "this", "whats": "what is"}
# Small talk that asks about the bot itself is not about someone else: "whats THAT GUYS name"
# asks about a person in the last answer, "what can you tell me about HIM" is a follow-up.
_ABOUT_BOT = frozenset({TalkKind.HELP, TalkKind.IDENTITY})
_SOMEONE_ELSE = frozenset("that this he him his she her they them their it its guy guys".split())
_BOT_WORDS = frozenset("bot onem onembot".split())  # "whats this BOT for" asks about the bot
# A laugh opening a short message that asks nothing makes it a reaction: "lol small world".
_LAUGHS = frozenset("lol lmao lmfao rofl haha hahaha hah heh lolol".split())
# A short remark opening with a reaction like a laugh is one too: "gg roommate", "rip my wallet".
_REACTING = _LAUGHS | frozenset("gg rip oof bruh".split())
_MAX_LAUGHED_WORDS = 5
_MAX_REMARK_WORDS = 7  # "lmao she's not gonna go for it": a laughed remark about the asker's own
_MUSED = frozenset("huh eh hmm lol haha lmao".split())  # "bit of a letdown huh": a remark
# After thanks, these go on to ask something more: "thanks, AND for australia".
_GOING_ON = YES_NO_OPENERS | frozenset("and but also now plus".split())


class FollowUp(StrEnum):
    """How a message leans on the answer before it."""

    PROVENANCE = "provenance"  # "who said that?", "source?", "is that confirmed?"
    WHY = "why"  # "why?", "how come?"
    ABOUT = "about"  # "what about australia?"
    POINTING = "pointing"  # a short question pointing back: "what did he say about the 1m",
    # or one too short to name its topic: "when?", "how long after launch"
    NAME = "name"  # "whats that guys name": the name of someone the last answer spoke of
    NEXT = "next"  # "then what?", "what happens after that": what the answer leads to
    AGREE = "agree"  # "does bmwna agree": what a named party says on the last answer's topic
    OTHERS = "others"  # "did anyone agree", "who else said that": another party on that claim


# Words pointing back at what was said or who said it: "who said THAT", "what did HE say".
_POINTERS = POINTING | HE_OR_SHE | frozenset("they them those these there".split())
_MAX_POINTING_WORDS = 10
_THEY = frozenset("they them".split())
# A question this short that asks when, where or how ("when", "how long after launch") may
# be elliptical: it asks about the last answer's topic without naming it.
_ELLIPTICAL = frozenset("when whens where wheres how hows".split())
_MAX_ELLIPTICAL_WORDS = 4


# A provenance follow-up is made only of these words: it names no topic of its own.
PROVENANCE_WORDS = frozenset(
    """
    who said say says saying source sources link links true confirmed confirm legit really
    proof citation cite claimed claim claims know knows that it this is was where from get got
    official rumor rumour fact sure how do does did they you we he she reliable verified when
    backed back up evidence whos whats thats wheres the any there ur your trust believe accurate
    right correct real come came comes origin start started or opinion just an a
    published posted reported printed src srcs sauce fr originally original first initially
    hear heard quote quoted quoting quotes read u see saw seen find found
    """.split()
)
PROVENANCE_CUES = frozenset(
    """
    said says say source sources link true confirmed confirm legit really proof citation cite
    claimed claim know reliable verified evidence trust believe accurate right correct real
    from origin fact opinion rumor rumour published posted reported printed src srcs sauce fr
    hear heard quote quoted quoting quotes read see saw seen found
    """.split()
)
WHYS = frozenset("why y".split())  # "y tho": why, spelt as chat spells it
_WHY_WORDS = WHYS | frozenset("how come so and but tho though is that it whys huh lol not".split())
# "why do THEY THINK that", "why ARE THEY SO SURE": why the last answer's claimant holds it.
_WHY_WORDS |= frozenset(
    """they he she do does did are was were would think thinks thought say says said believe
    believes sure certain confident convinced""".split()
)
# "why bring that up", "why mention it": why the last answer says what it says.
_WHY_WORDS |= frozenset("bring brings brought up mention mentions mentioned".split())
_MAX_WHY_WORDS = 8  # "then y is it so hard to get": a why-question about the last answer
_MAX_WHO_AT = 6  # "who at the blog wrote that"
# "on what basis?", "based on what", "how so", "reason?", "what makes them think that".
_BECAUSE = frozenset("basis based reason reasons reasoning so".split())
_BECAUSE_WORDS = _BECAUSE | frozenset(
    "on what whats the is their his her its any for make makes made them him you they think say"
    " that so how".split()
)
# "whats that guys name", "what was his name": someone in the last answer, by name.
_NAME_WORDS = frozenset("name names named called".split())
_PERSON = HE_OR_SHE | frozenset("guy guys dude person man commenter poster".split())
_ABOUT = re.compile(r"^\s*(?:and\s+)?(?:what|how|wat)\s*(?:about|bout|abt)\s+(.+?)[\s?!.]*$", re.I)
# "and for the us?", "but in australia": the same, for a place or a name of a few words.
# "no i meant", "sorry, i mean", "no wait i meant": a correction of the last question, which the
# rest asks anew.
_CORRECTION = (
    r"(?:(?:no+|nah|nope|sorry|oops|oh|wait|actually|my bad)\b[\s,.!]*)*i\s+mean(?:t)?\b[\s,:]*"
)
_CORRECTS = re.compile(rf"^\s*{_CORRECTION}(?=\w)", re.I)
# "no not that memo, the one sent to dealers", "nah not that one - the other": what the last
# answer told is turned away, and what follows the comma asks anew.
_TURNED_AWAY = re.compile(
    r"^\s*(?:(?:no+|nah|nope|sorry)\b[\s,.!]*)?not\s+(?:that|this|the|those|these)"
    rf"(?:\s+(?!(?:i|you|we|he|she|they|it)\b)[^\s,;:.!?]+){{0,2}}?\s*[,;:.!-]+\s*"
    rf"(?:{_CORRECTION})?(?=\w)",
    re.I,
)
_AND_FOR = re.compile(
    rf"^\s*(?:(?:and|but)\s+|{_CORRECTION})(?:for|in|inside)\s+((?:\S+\s*){{1,3}}?)[\s?!.]*$",
    re.I,
)
# "no i meant the mini", "sorry i mean australia": the last question asked of X instead.
# "no i meant the mini gp from the article", "i meant the us not aus lol": X, with where it was
# read and the X turned away or a laugh left out.
_MEANT_TAIL = (
    r"(?:\s+(?:from|in|on)\s+(?:the|that)\s+(?:article|post|blog|comments?|thread|video))?"
    r"(?:\s*,?\s+not\s+(?:the\s+)?[^\s?!.,]+)?(?:\s+(?:lol|lmao|haha|tho|though))*"
)
_MEANT_X = re.compile(
    rf"^\s*{_CORRECTION}((?:the\s+)?[^\s?!.,]+(?:\s+[^\s?!.,]+)?)"
    rf"{_MEANT_TAIL}[\s?!.]*$",
    re.I,
)
# "does the blog expect the same for the 1m", "same for australia?": the last question of X.
_SAME_FOR = re.compile(
    r"\bsame\s+(?:(?:thing\s+)?(?:will\s+|would\s+|could\s+)?happens?\s+)?(?:for|with|in|to)\s+"
    r"((?:[^\s?!.]+\s*){1,3}?)[\s?!.]*$",
    re.I,
)
_MAX_SAME_WORDS = 10
# "and the blog?", "and australia": X alone after "and", asked as "what about X".
_AND_X = re.compile(
    r"^\s*and\s+(?:just\s+|only\s+)?((?:the\s+)?[^\s?!.,]+(?:\s+[^\s?!.,]+)?)[\s?!.]*$", re.I
)
# ... unless X opens a question of its own ("and why", "and is it real").
_NOT_X = frozenset(
    "what whats which how who whos when where why y is was are were do does did can could will"
    " would should has have had then so ok that it this".split()
)
# "ok the us then", "australia then?": the last question asked of X instead.
_NOT_NAMES = frozenset("ok okay so and alright well fine what why how when who where".split())
_THEN = re.compile(
    r"^\s*(?:(?:ok|okay|so|and|alright|well|fine)\b[\s,.!]*)*((?:the\s+)?[^\s?!.,]+(?:\s+[^\s?!.,]+)?)"
    r"\s+then[\s?!.]*$",
    re.I,
)
# "and they think the 1m will be the same?", "will the 1m be the same": the same, X before it.
_X_THE_SAME = re.compile(
    r"^\s*(?:(?:and|so|but|ok)\s+)*(?:(?:do|does|did)\s+)?"
    r"(?:(?:they|he|she|you|u)\s+(?:think|thinks|reckon|reckons|expect|expects|believe|believes)"
    r"\s+(?:that\s+)?)?((?:the\s+)?[^\s?!.,]+)\s+(?:will|would|is\s+gonna|gonna|might)\s+be\s+"
    r"(?:the\s+)?same(?:\s+way)?[\s?!.]*$"
    r"|^\s*(?:(?:and|so|but|ok)\s+)*(?:will|would)\s+((?:the\s+)?[^\s?!.,]+)\s+be\s+the\s+same"
    r"(?:\s+way)?[\s?!.]*$",
    re.I,
)
# "same as the 1m?", "was it the same as the 1m": the last question of X, opening the message.
_SAME_AS = re.compile(
    r"^\s*(?:(?:and|so|but)\s+)?(?:(?:is|was|did|does)\s+(?:it|that|they)\s+)?(?:the\s+)?"
    r"same\s+as\s+((?:[^\s?!.]+\s*){1,3}?)[\s?!.]*$",
    re.I,
)
# "does bmwna agree": what the named party says on the last answer's topic.
_AGREE_LEAD = r"^\s*(?:and\s+|but\s+|so\s+)?"
_PARTY = r"((?:\S+\s*){1,3}?)\s+"
_WITH_THAT = r"(?:\s+(?:with\s+)?(?:that|it|this|him|her|them))?[\s?!.]*$"
_AGREE = re.compile(
    _AGREE_LEAD
    + r"(?:does|do|did|would)\s+"
    + _PARTY
    + r"(?:agree|disagree|concur|think so|say so|buy it|buy that|confirm|deny|back|dispute)"
    + _WITH_THAT,
    re.I,
)
# What _AGREE cannot match without, beside "agree" and "concur" ("think so", "buy it", "confirm",
# "dispute"): none holds an "i", which case-blind matching also reads as a dotless one.
_AGREE_CUES = ("so", "buy", "conf", "deny", "back", "spute")
# "and the blog agreed?", "so bmwna disagrees": the same, put as a statement to be confirmed.
_AGREED = re.compile(
    _AGREE_LEAD + _PARTY + r"(?:agreed|agrees|disagreed|disagrees|concurred|concurs)" + _WITH_THAT,
    re.I,
)
_NO_PARTY = frozenset("who whos what which nobody noone no none i we you u me".split())
# "what does the blog think", "so what did bmwna say about that", "what did he add to that": the
# same, asked openly ("what did the memo say" asks what the memo said).
_THINKS = re.compile(
    r"^\s*(?:and\s+|but\s+|so\s+|ok\s+)?(?:what|wat)\s+(?:does|do|did)\s+((?:\S+\s*){1,3}?)\s+"
    r"(?:(?:think|reckon)(?:\s+(?:about|of)\s+(?:that|it|this|them))?"
    r"|say\s+(?:about|to)\s+(?:that|it|this|them)|make of (?:it|that|this)"
    r"|add(?:\s+to\s+(?:that|it|this))?)[\s?!.]*$",
    re.I,
)
_SOMEONE = frozenset(
    "anyone anybody someone somebody everyone everybody people others they he she you we it"
    " that this".split()
)
# "then what", "what happens after that": the last answer's next step, its first related entry.
_NEXT = frozenset(
    tuple(phrase.split())
    for phrase in (
        "then what",
        "what then",
        "what next",
        "what is next",
        "what happens then",
        "what happens next",
        "what happens after that",
        "then what happens",
        "after that",
    )
)
# "did anyone agree", "who else said that", "did anyone push back": someone besides the claimant.
_ANYONE = frozenset("anyone anybody someone somebody others".split())
# Someone asked of in a follow-up ("did ANY1 agree"), as a later list once read it (no "others").
_SOMEONE_ASKED = frozenset("anyone anybody anyon any1 someone somebody".split())
_DISSENT = frozenset(
    "disagree disagreed disagrees dispute disputed disputes push pushed pushback contradict"
    " contradicted deny denied doubt doubted argue argued object objected".split()
)
_ASSENT = frozenset(
    "agree agreed agrees concur say said says think thinks thought claim claimed confirm"
    " confirmed back backed second seconded same".split()
)
# "who agreed with him", "who backed him up": siding with a claim, not making it ("who said");
# "who denied it" asks who made the denial.
_SIDING = frozenset("agree agreed agrees concur concurred backed seconded".split())
OTHERS_WORDS = (
    _ANYONE
    | _DISSENT
    | _ASSENT
    | frozenset(
        "who whos did does do was is has had any anything else too also with that it this him her"
        " them so on the up".split()
    )
)
_NEXT_FILLER = frozenset("and so ok okay lol tho though".split())
# "and after that run is over", "ok and once it's done?": the same, said of what it points at.
_ONCE_OVER = re.compile(
    r"^\s*(?:(?:and|so|but|ok|okay)\b[\s,]*)*(?:what\s+(?:happens\s+)?|then\s+what\s+)?"
    r"(?:after|once|when)\s+(?:that|it|this|those|they)(?:'s|\u2019s|s)?(?:\s+[a-z]+)?\s+"
    r"(?:is\s+|are\s+|has\s+been\s+|gets\s+)?(?:over|done|finished|ended|ends)"
    r"(?:\s+(?:then|tho|though))?[\s?!.]*$",
    re.I,
)
_MAX_FOLLOW_UP_WORDS = 7
_MAX_WHO_WORDS = 5
_MAX_VALUE_WORDS = 9


@dataclass(frozen=True, slots=True)
class Talk:
    """The small-talk replies of one knowledge file, by the plain form of their phrasings."""

    by_phrase: dict[str, SmallTalk]
    vocabulary: tuple[tuple[frozenset[str], SmallTalk], ...] = ()

    @classmethod
    def of(cls, knowledge: Knowledge) -> Talk:
        """Index a knowledge file's small talk."""
        found: dict[str, SmallTalk] = {}
        for item in knowledge.smalltalk:
            for phrasing in item.phrasings:
                found.setdefault(" ".join(_said(phrasing)), item)
        for item in knowledge.smalltalk:  # "how's everyone doing today": read without fillers
            for phrasing in item.phrasings:
                kept = [w for w in _said(phrasing) if w not in _FILLER]
                if len(kept) > 1:
                    found.setdefault(" ".join(kept), item)
        vocabulary = tuple(
            (frozenset(w for p in item.phrasings for w in _said(p)), item)
            for item in knowledge.smalltalk
        )
        return cls(found, vocabulary)

    def match(self, message: str | Heard) -> SmallTalk | None:
        """Return the small talk a message is, or None if it asks something else."""
        read = heard(message)
        if read.said is None:
            return None
        message, said = read.text, list(read.said)
        if not said and _emoji_only(message):
            return self._reaction()  # "👍", "😂😂": a reaction without words
        if not said or len(said) > _MAX_TALK_WORDS:
            return None
        if "?" in message and _CHAT_TAGS.issuperset(said):
            return None  # "fr?", "deadass?": asks whether what was just said is so
        found = self._match(said) or self._thanked(message, said)
        if found is None or found.kind is TalkKind.GREETING:
            # "hey whats this bot for", "hi who are you": a greeting before help or "who are
            # you" is that; "hey how are you": a greeting before another is one greeting; a
            # greeting before a question is no small talk at all.
            for start in range(1, len(said)):
                head = self.by_phrase.get(" ".join(said[:start]))
                if head is None or head.kind is not TalkKind.GREETING:
                    continue
                rest = self._match(said[start:])
                if rest is not None and rest.kind in _ABOUT_BOT | {TalkKind.GREETING}:
                    return rest
        return found

    def _match(self, said: list[str]) -> SmallTalk | None:
        kept = [w for w in said if w not in _FILLER]
        for text in (said, kept):
            item = self.by_phrase.get(" ".join(text))
            if item is not None:
                return item
        if not kept:
            # "yo bot", "ok then": only fillers, some of them small talk themselves ("yo" is a
            # greeting, "ok" a reaction); a greeting or thanks among them is what is said.
            found = [p for p in map(self.by_phrase.get, said) if p is not None]
            if found:
                return next((p for p in found if p.kind is not TalkKind.REACTION), found[0])
            if _CHAT_TAGS.issuperset(said):
                return self._reaction()  # "fr", "ngl tbh": agreeing with what was said
        for row in (said, kept):  # "bummer, thanks anyway": fillers around a row of them
            pieces = [self.by_phrase.get(w) for w in row]
            if len(row) > 1 and all(pieces):
                # "lol ok", "haha nice": reactions in a row; of mixed kinds, the one not a
                # reaction.
                found = [p for p in pieces if p is not None]
                return next((p for p in found if p.kind is not TalkKind.REACTION), found[0])
        # "yo whats good", "thanks man appreciate it": made only of one kind's words.
        topical = [w for w in kept if w not in STOPWORDS and len(w) > 1]  # not "are are", "r u"
        pointing = not _SOMEONE_ELSE.isdisjoint(said) and _BOT_WORDS.isdisjoint(said)
        for vocabulary, item in self.vocabulary:
            if (
                pointing
                and item.kind in _ABOUT_BOT
                and not _SOMEONE_ELSE.intersection(said) <= vocabulary
            ):
                # "whats that guys name": about someone the last answer named, unless the
                # bot's own phrasings point so ("is THIS the bot" does not make "that guy" one)
                continue
            if len(kept) > 1 and topical and vocabulary.issuperset(kept):
                return item
        return None

    def _thanked(self, message: str, said: list[str]) -> SmallTalk | None:
        """Return the thanks a message opening or closing with thanks is when the rest asks
        nothing ("thanks, that cleared it up", "great stuff, cheers"), or None."""
        if len(said) < 2 or asks(message):
            return None
        for size in range(1, len(said)):
            for part, rest in ((said[:size], said[size:]), (said[-size:], said[:-size])):
                item = self._led(part)
                if item is None or item.kind is not TalkKind.THANKS:
                    continue
                if rest[0] not in _GOING_ON:  # "thanks, is that official", "thanks, and for x"
                    return item
        return None

    def _led(self, part: list[str]) -> SmallTalk | None:
        """Return the small talk a part of a message is, a laugh before it allowed ("haha
        thanks, she'll kill me": thanks after a laugh)."""
        item = self.by_phrase.get(" ".join(part))
        if item is None and len(part) > 1 and part[0] in _LAUGHS:
            item = self.by_phrase.get(" ".join(part[1:]))
        return item

    def laughed(self, message: str | Heard, most: int = _MAX_LAUGHED_WORDS) -> SmallTalk | None:
        """Return the reaction a short message opening with a laugh or closing with "huh" is when
        it asks nothing ("lol small world", "bit of a letdown huh"), or None; it is tried as a
        question first."""
        read = heard(message)
        if read.said is None:
            return None
        message, said = read.text, list(read.said)
        while len(said) > 1 and said[0] in _CHAT_OPENERS:
            said = said[1:]  # "ok he's still not convinced lol": the opener says nothing
        if not said or len(said) > most or asks(message):
            return None
        if said[0] not in _REACTING and (len(said) < 2 or said[-1] not in _MUSED):
            return None
        if not YES_NO_OPENERS.isdisjoint(said[:2]):
            return None  # "lol is that real": a question without its question mark
        return self._reaction()

    def _reaction(self) -> SmallTalk | None:
        """Return the knowledge file's reaction small talk, if it has one."""
        return next((t for _, t in self.vocabulary if t.kind is TalkKind.REACTION), None)

    def remarked(self, message: str | Heard) -> SmallTalk | None:
        """Return the reaction a laughed remark about someone in the asker's own life, or on
        what was just said, is ("lol told him", "lol thats nothing"), or None; it asks nothing."""
        read = heard(message)
        if read.said is None:  # too long for laughed: no reading
            return None
        said = [w for w in read.said if w not in _LAUGHS]
        if _OWN_PEOPLE.isdisjoint(said) and said[:1] not in _VERDICTS:
            return None
        return self.laughed(read, _MAX_REMARK_WORDS)


@dataclass(frozen=True)
class Heard:
    """A message as small talk reads it: its text, and its words with chat spellings respelt
    (see _said), or None when it has too many words to be small talk."""

    text: str
    said: tuple[str, ...] | None


def heard(message: str | Heard) -> Heard:
    """Read a message once for Talk.match, Talk.remarked and Talk.laughed to share; a message
    already heard is returned as it is."""
    if isinstance(message, Heard):
        return message
    if len(words(message[:200])) > _MAX_TALK_WORDS:  # chat spellings only add words
        return Heard(message, None)
    return Heard(message, tuple(_said(message[:200])))


# People in the asker's own life, as a remark names them; not "they", often a party of the claims.
_OWN_PEOPLE = frozenset("he hes him his she shes her i im ive me my".split())
# A laughed remark opening with these passes a verdict on what was just said: "lol thats nothing";
# or agrees with it: "lol true", "facts lol" (with no question mark: "lol true?" asks).
_VERDICTS = (["that"], ["thats"], ["this"], ["true"], ["facts"])
_CHAT_OPENERS = frozenset("ok okay so and well yeah alright".split())


def _emoji_only(text: str) -> bool:
    """Return whether a message is a few symbols such as emoji and nothing else ("👍")."""
    if len(text) > _MAX_EMOJI_CHARS:  # a flood of them is no reaction, nor what follows it
        return False
    shown = [c for c in text if not c.isspace() and unicodedata.category(c) not in _JOINERS]
    return bool(shown) and all(unicodedata.category(c) == "So" for c in shown)


_MAX_EMOJI_CHARS = 24
# Parts of an emoji that are not symbols themselves: variation selectors, joiners, skin tones.
_JOINERS = frozenset({"Mn", "Cf", "Sk"})


def _said(text: str) -> list[str]:
    """Return a message's words with chat spellings read as the phrasings spell them."""
    # One pass over the words joined: a stretched letter never runs across the space between two.
    joined = _unstretched(" ".join(words(text)))
    return " ".join(_SPELLED.get(w, w) for w in joined.split(" ")).split() if joined else []


def _unstretched(word: str) -> str:
    """Return words with a letter held three or more times written once ("lmaooo", "lolll",
    "damnnn"), as no word of the phrasings holds a letter so long."""
    return _STRETCHED.sub(r"\1", word)


_STRETCHED = re.compile(r"([a-z])\1{2,}")


_OPENERS = frozenset("so ok okay k and but lol well hmm yeah alright oh wait".split())
# "how many would they have to sell AGAIN": a closing "again" asks to be reminded, not anew.
_TAGS = (
    ("or", "not"),
    ("or", "nah"),
    ("or", "what"),
    ("tho",),
    ("though",),
    ("lol",),
    ("then",),
    ("again",),
)
_TAG_ENDS = frozenset(tag[-1] for tag in _TAGS)


def kernel(message: str) -> list[str]:
    """Return a message's words without the chat around its question: "SO is it happening in
    the us OR NOT" asks what "is it happening in the us" asks."""
    return list(_kernel(message))


@lru_cache(maxsize=16)  # a follow-up's readers ask for its kernel about eighteen times
def _kernel(message: str) -> tuple[str, ...]:
    """Return a message's kernel once (see kernel)."""
    said = words(message[:200])
    start = 0
    while start < len(said) - 1 and said[start] in _OPENERS:
        start += 1
    end = len(said)
    if not said or said[-1] not in _TAG_ENDS:  # most messages end in no tag
        return tuple(said[start:end])
    for tag in _TAGS:
        if end - len(tag) > start and tuple(said[end - len(tag) : end]) == tag:
            end -= len(tag)
    return tuple(said[start:end])


_HOW_LONG_AGO = re.compile(r"\bhow\s+long\s+ago\b", re.I)


def as_when(message: str) -> str:
    """Return a message with "how long ago" written "when": "how long ago was that" asks when
    the last answer's event was, as "when was that" does."""
    return _HOW_LONG_AGO.sub("when", message[:200]) if "ago" in message[:200] else message


_LAUGHED_OFF = re.compile(rf"(?<=\w)[\s,]+(?:{'|'.join(sorted(_LAUGHS))})[\s?!.]*$", re.I)


def unlaughed(message: str) -> str:
    """Return a wh-question without the laugh it ends on: "whats his email lol" asks what
    "whats his email" asks; "any left lol" keeps its laugh, read as it always was."""
    said = words(message[:200])
    if not said or said[0] not in ASKING:
        return message
    return _LAUGHED_OFF.sub("", message[:200], count=1)


_BEFORE_LAST = re.compile(
    r"^\s*(?:(?:wait|ok|okay|so|no|and|hold on)[\s,]+)*(?:(?:go(?:ing)?\s+)?back\s+to\s+)?"
    r"the\s+(?:\w+\s+){0,2}?before\s+(?:that|this|him|her|them)\b[\s,.;:!?-]*(.*)$",
    re.I,
)


def before_last(message: str) -> str | None:
    """Return what a message asks of the answer before the last one ("go back to the guy
    before that, where was he"), or None if it points at no earlier answer or asks nothing."""
    pointed = _BEFORE_LAST.match(message[:200]) if "before" in message[:200] else None
    return pointed.group(1) or None if pointed else None


# "ok back to the ferry, when does it leave", "anyway back to boats, who runs the yard": a
# return to a topic, which the question's pointing word stands for; with none, the question
# names its own ("back to the us thing, when does it start" asks what "when does it start" does).
_RETURNED = re.compile(
    r"^\W*(?:(?:ok|okay|so|anyway|anyways|fine|alright|well|but|and|lol|right)\b[\s,.!]*)*"
    r"back\s+to\s+((?:the\s+)?[^\s,;:.!?]+(?:\s+[^\s,;:.!?]+){0,2}?)"
    r"(?:\s+(?:thing|stuff|bit|part|one|topic|question))?\s*[,;:.!-]+\s*(?=\w)",
    re.I,
)
_RETURNED_TO = frozenset("it this that they them there".split())
_RETURNED_POINTER = re.compile(r"\b(?:it|this|that|they|them|there)\b", re.I)


def returned(message: str) -> str:
    """Return a question after a return to a topic ("back to the ferry, when does it leave")
    with that topic for its pointing word, or the question alone if it has none."""
    found = _RETURNED.match(message[:200]) if "back" in message[:200].lower() else None
    if found is None or "before" in words(found.group(1)):
        return message  # "back to the guy before that, ...": the answer before the last
    topic, asked = found.group(1), message[found.end() :]
    pointer = _RETURNED_POINTER.search(asked[:200])
    if pointer is None or topic.lower() in _RETURNED_TO:
        return asked
    place = f"in {topic}" if pointer.group().lower() == "there" else topic
    return f"{asked[: pointer.start()]}{place}{asked[pointer.end() :]}"


def corrected(message: str) -> str:
    """Return a correction without its opener: "no i meant the yearly total" asks anew what
    "the yearly total" asks ("no i meant in the us" stays, the last question asked there)."""
    message = _TURNED_AWAY.sub("", message, count=1)
    if follow_up(message) is not None:
        return message
    return _CORRECTS.sub("", message, count=1)


def same_as(message: str) -> str | None:
    """Return what a message asks whether the last answer holds for too ("same as the 1m?",
    "same with the 1m?")."""
    same = _SAME_AS.match(message[:200]) or _SAME_FOR.search(message[:200])
    return None if same is None else same.group(1)


def and_x(message: str) -> str | None:
    """Return X of a bare "and X?" ("and the blog?"), or None ("and why")."""
    bare = _AND_X.match(message[:200])
    if bare is None:
        return None
    named = words(bare.group(1))  # "and 😀" names no word: no X
    return None if not named or named[0] in _NOT_X else bare.group(1)


_LIKE_X = re.compile(
    r"^\s*(?:just\s+)?like\s+((?:the\s+)?[^\s?!.,]+(?:\s+[^\s?!.,]+)?)[\s?!.]*$", re.I
)


def like_x(message: str) -> str | None:
    """Return X of a bare "like X?" ("like the 1m?"), or None."""
    bare = _LIKE_X.match(message[:200])
    return None if bare is None else bare.group(1)


# "is that confirmed OR just the blog guessing": a status question, then the doubt it weighs.
_OR_ELSE = re.compile(r"^\s*(.+?)\s+or\s+\S", re.I)
_MAX_OR_ELSE_WORDS = 10


def follow_up(message: str) -> tuple[FollowUp, str] | None:
    """Return how a message leans on the last answer (and, for "what about X", the X)."""
    head = message[:200]
    # Each pattern is tried only where a word it cannot match without is written: most
    # messages hold none. Case-blind, a pattern matches a letter in either case, "k" as the
    # Kelvin sign and "s" as the long s, all of which casefold() writes as the letter (the words
    # looked for hold no "i", which also matches the dotless i that casefold() keeps).
    cues = head.casefold()
    about = _ABOUT.match(head) if "bout" in cues or "abt" in cues else None
    if about is None and ("and" in cues or "but" in cues or "mean" in cues):
        about = _AND_FOR.match(head)
    if about is not None:
        return FollowUp.ABOUT, about.group(1)
    meant = _MEANT_X.match(head) if "mean" in cues else None
    x = words(meant.group(1))[:1] if meant is not None else []  # "i meant 😀": no word, no X
    if meant is not None and x and x[0] not in _NOT_X:
        return FollowUp.ABOUT, meant.group(1)  # "no i meant the mini", not "i meant why"
    then = _THEN.match(head) if "then" in cues else None
    then_x = words(then.group(1)) if then is not None else []
    if (
        then is not None
        and then_x
        and not set(then_x) - STOPWORDS <= _NOT_NAMES
        and then_x[0] not in _POINTED
    ):
        # "ok the us then", not "what then" nor "so that's confirmed then"
        return FollowUp.ABOUT, then.group(1)
    same = (_SAME_FOR.search(head) or _SAME_AS.match(head)) if "same" in cues else None
    if same is not None and len(words(head)) <= _MAX_SAME_WORDS:
        return FollowUp.ABOUT, same.group(1)
    same = _X_THE_SAME.match(head) if "same" in cues else None
    other: str | None = (same.group(1) or same.group(2)) if same is not None else None
    if other is not None and words(other) and words(other)[-1] not in _NOT_X:
        return FollowUp.ABOUT, other  # "will it be the same": no X
    agreeing = "agree" in cues or "concur" in cues
    agree = _AGREE.match(head) if agreeing or any(map(cues.__contains__, _AGREE_CUES)) else None
    if agree is None and (
        "nk" in cues or "reckon" in cues or "say" in cues or "make" in cues or "add" in cues
    ):
        agree = _THINKS.match(head)  # "think", "reckon", "say", "make of" or "add" it needs
    agreed = _AGREED.match(head) if agreeing else None
    party = [] if agreed is None else words(agreed.group(1))  # "? agreed": none, no words
    if agree is None and party and party[0] not in _NO_PARTY:
        agree = agreed
    if agree is not None and _SOMEONE.isdisjoint(words(agree.group(1))):
        return FollowUp.AGREE, agree.group(1)  # "does bmwna agree", not "did anyone agree"
    plain, said = words(message[:200]), kernel(message)
    status = _OR_ELSE.match(head) if len(said) <= _MAX_OR_ELSE_WORDS else None
    if status is not None and follow_up(status.group(1)) == (FollowUp.PROVENANCE, ""):
        return FollowUp.PROVENANCE, ""  # "is that confirmed or just the blog guessing"
    if not said or len(said) > _MAX_POINTING_WORDS:
        return None
    if len(said) > _MAX_FOLLOW_UP_WORDS:
        # "and what did bmwblog say bmwna told them earlier": a question longer than a bare
        # follow-up, but "they" or "them" points back all the same; "how do they know ..."
        # asks what backs the last claim, which is read apart (followups._knows_so).
        pointing = said[0] in ASKING and not _THEY.isdisjoint(said) and "know" not in said
        return (FollowUp.POINTING, "") if pointing else None
    if tuple(w for w in plain if w not in _NEXT_FILLER) in _NEXT:  # "what then": not a tag
        return FollowUp.NEXT, ""
    if ("over" in cues or "done" in cues or "finish" in cues or "end" in cues) and _ONCE_OVER.match(
        head
    ):
        return FollowUp.NEXT, ""  # "and after that run is over": what comes after it
    who = said[0] in ("who", "whos")
    anyone = not _SOMEONE_ASKED.isdisjoint(said) or (
        who and ("else" in said or _SIDING.intersection(said))
    )
    if anyone and not (_DISSENT | _ASSENT).isdisjoint(said):
        return FollowUp.OTHERS, "disagree" if not _DISSENT.isdisjoint(said) else "agree"
    if set(said) <= _WHY_WORDS and (not WHYS.isdisjoint(said) or said[:2] == ["how", "come"]):
        return FollowUp.WHY, ""
    if set(said) <= _BECAUSE_WORDS and (_BECAUSE & set(said) - {"so"} or said == ["how", "so"]):
        return FollowUp.WHY, ""
    named = not _PERSON.isdisjoint(said) or said in (["name"], ["names"])  # "name?" alone
    if not _NAME_WORDS.isdisjoint(said) and named and "your" not in said:
        return FollowUp.NAME, ""
    if set(said) <= PROVENANCE_WORDS and not PROVENANCE_CUES.isdisjoint(said):
        return FollowUp.PROVENANCE, ""
    if said[0] in ("who", "whos") and len(said) <= 4 and said[-1] in _POINTERS | {"up"}:
        return FollowUp.PROVENANCE, ""  # "who started that", "who brought that up"
    if said[:2] == ["who", "at"] and len(said) <= _MAX_WHO_AT and said[-1] in _POINTERS:
        return FollowUp.PROVENANCE, ""  # "who at the firm pushed that": who of them said it
    back = " back then " in f" {' '.join(plain)} "  # "how many per dealer back then"
    if len(said) <= _MAX_POINTING_WORDS and (back or not _POINTERS.isdisjoint(said)):
        return FollowUp.POINTING, ""
    if len(said) <= _MAX_ELLIPTICAL_WORDS and said[0] in _ELLIPTICAL:
        return FollowUp.POINTING, ""  # "when?", "how long after launch": the last topic's
    return None


# A message asking for more than the last answer gave: "what OTHER colors", "anyone ELSE".
_BEYOND = frozenset("other others else besides another".split())
# Words with which an answer gives its reasons: "because the situation was still fluid".
_REASONS = frozenset(
    "because since why noting meaning given pointed pointing judging reason reasons".split()
)
# The same, in two words: "would most likely change, GOING BY a conversation with BMWNA"; or a
# purpose: "would need to sell more FOR ITS PLANS TO WORK out", "IN ORDER TO", "SO THAT"; or a
# basis: "GUESSED FROM the sound that it was a V8".
_REASONED = re.compile(
    r"\b(?:going by|based on|due to|thanks to|in light of|on the strength of|in order to"
    r"|so as to|so that|for (?:its|their|his|her) (?:\w+ ){1,3}to \w+"
    r"|(?:guess(?:ed|es|ing)?|judg(?:ed|es|ing)|infer(?:red|s)?|work(?:ed|s)? out) from)\b",
    re.I,
)
_ANY = frozenset("any anyone anybody anything".split())
_LINKS = frozenset("link links url urls".split())


def more(message: str) -> bool:
    """Return whether a message asks for something besides what it points at ("what else")."""
    return not _BEYOND.isdisjoint(words(message[:200]))


def beyond(message: str) -> bool:
    """Return whether a message asks for something besides what it points at ("what other"),
    other than a claim's provenance ("any other sources?" is answered by its sources)."""
    return more(message) and PROVENANCE_CUES.isdisjoint(words(message[:200]))


def gives_reasons(answer: str) -> bool:
    """Return whether an answer says why, not only what ("because", "noting that")."""
    return not _REASONS.isdisjoint(words(answer)) or _REASONED.search(answer) is not None


def asks_why(message: str) -> bool:
    """Return whether a short question opens by asking why ("then y is it so hard to get")."""
    said = kernel(message)
    return len(said) <= _MAX_WHY_WORDS and not WHYS.isdisjoint(said[:2])


def wants_link(message: str) -> bool:
    """Return whether a provenance follow-up asks for a link ("whats the link", "url?")."""
    return not _LINKS.isdisjoint(words(message[:200]))


def topical(message: str) -> str:
    """Return a follow-up's own words: without those asking for provenance or pointing back."""
    return " ".join(w for w in words(message[:200]) if w not in PROVENANCE_WORDS | _POINTERS)


ASKING = frozenset(
    "what whats wat which how hows who whos whom whose when whens where wheres why".split()
)


_ASKER_MODALS = frozenset("should shall will would can could do did am".split())


def asks_of_own(message: str) -> bool:
    """Return whether a short question asks about the asker's own doing and belongings ("should
    i keep my order", "will i get my money back"), which no claim in the sources is about."""
    said = kernel(message)
    return (
        0 < len(said) <= _MAX_FOLLOW_UP_WORDS
        and said[0] in _ASKER_MODALS
        and said[1:2] == ["i"]
        and "my" in said
    )


class Wanted(StrEnum):
    """What a short question asks for that an answer may lack: "what year", "when", a price,
    "how many"."""

    YEAR = "year"
    DAY = "exact date"  # "what date did it go out": a day or a month, not a year alone
    TIME = "date"
    PRICE = "price"
    VALUE = "value"  # "what are they worth": a price, or one measured against the sticker
    AMOUNT = "figure"
    PLACE = "place"
    PERIOD = "period the figure counts"  # "is that per year": the span a figure is for
    NEWS = "time for more news"  # "when would we hear more": a time ahead when more is known
    SPAN = "span of time"  # "how long has he had that job": how long something lasts


# "how much was a zhp", "how much is one": a sum of money for a thing, not "how much more".
_PRICED_THINGS = frozenset("a an one".split())  # not "how much was the budget said"
_MAX_PRICED_THING = 8  # "how much was a zhp in 2003"
_NOT_PRICED = frozenset("more less fewer left of".split())
# "whats the profit per car", "margin on each one": a sum made on each car.
_EACH = frozenset("per each every".split())
_MEASURED = tuple([w] for w in "over above under below than near at".split())
_LEADING = frozenset("after before since from for within until till by in at".split())
_WHICH = WHATS | frozenset({"which"})


def wanted(message: str) -> Wanted | None:
    """Return what a short question asks for that an answer must hold ("what year tho")."""
    said = kernel(message)
    if not said:
        return None
    if not _CURRENCIES.isdisjoint(said) and len(said) <= _MAX_CURRENCY_WORDS:
        return Wanted.PRICE  # "what would it be worth in actual DOLLARS": a sum, not "MSRP"
    if len(said) > _MAX_FOLLOW_UP_WORDS:
        # "what does a used one go for now": a value, with room for "a used one"
        return Wanted.VALUE if len(said) <= _MAX_VALUE_WORDS and _valued(said) else None
    if said[0] in _LEADING and len(said) > 1:
        said = said[1:]  # "AFTER how many years", "SINCE when": what follows asks
    if said[:2] == ["how", "long"] and "ago" not in said:
        return Wanted.SPAN  # "how long is the video": a span, not "how long ago" (a time)
    if "year" in said and not _WHICH.isdisjoint(said):
        return Wanted.YEAR
    if not _DATED.isdisjoint(said) and said[0] in _WHICH:
        return Wanted.DAY
    manner = said[0] == "how" and said[1:2] != ["much"]  # "HOW was it priced": not a sum
    if not manner and any(
        w in PRICED and said[i - 1 : i] not in _MEASURED for i, w in enumerate(said)
    ):
        return Wanted.PRICE  # not "does it sell OVER msrp": a price it is measured against
    if _valued(said):
        return Wanted.VALUE  # "what are they worth now", "what do used ones go for"
    if said[0] in ("when", "whens"):
        return Wanted.NEWS if _news(said) else Wanted.TIME
    if said[0] in ("where", "wheres") and said[-1] != "from":
        return Wanted.PLACE  # "where does that figure come FROM" asks its origin
    if (
        said[:2] == ["how", "much"]
        and said[2:3]
        and said[2] in _BEING
        and said[3:4]
        and said[3] in _PRICED_THINGS
        and len(said) <= _MAX_PRICED_THING
        and _NOT_PRICED.isdisjoint(said)
        and not any(w.endswith("ing") for w in said)
    ):
        return Wanted.PRICE  # "how much was a zhp in 2003": what one cost
    if not EARNINGS.isdisjoint(said) and not _EACH.isdisjoint(said):
        return Wanted.PRICE  # "whats the profit per car": a sum, which "profit target" is not
    if said[:2] == ["how", "old"]:
        return Wanted.TIME  # "how old were they by then": an age, a span of time
    if said[:2] in (["how", "many"], ["how", "much"]):
        # "how many YEARS after launch": a span of time, which a count does not give
        return Wanted.TIME if said[2:3] and said[2] in PERIODS else Wanted.AMOUNT
    return None


_CURRENCIES = frozenset("dollars dollar bucks usd euros euro pounds quid".split())
_MAX_CURRENCY_WORDS = 14
_DATED = frozenset("date dates day month".split())  # "what DATE", "which DAY", "what MONTH"
_STICKER = re.compile(r"\b(?:msrp|sticker|list price|original price)\b", re.IGNORECASE)
_FETCH = frozenset("go goes going went sell sells selling fetch fetches".split())
_NOW = frozenset("now today nowadays anymore these days used".split())


def _valued(said: list[str]) -> bool:
    """Return whether a question asks what something is worth: "worth", or "go for" / "sell
    for" with nothing after it but when ("what do they go for now"), not "go for it"."""
    if "worth" in said:
        return True
    return any(
        w in _FETCH and said[i + 1 : i + 2] == ["for"] and set(said[i + 2 :]) <= _NOW
        for i, w in enumerate(said)
    )


_LEARN = frozenset("hear know learn find news update updates info word".split())
_AHEAD = re.compile(
    r"\b(?:in a few (?:days|weeks|months)|(?:next|coming|following) (?:days|week|weeks|month)"
    r"|more (?:on it )?soon)\b",
    re.IGNORECASE,
)


def _news(said: list[str]) -> bool:
    """Return whether a when-question asks when more will be known ("when would we hear more",
    "when would they have more"), not when something happened."""
    return "more" in said and (not _LEARN.isdisjoint(said) or said[-2:] == ["have", "more"])


def holds(answer: str, want: Wanted, *, asked: str = "") -> bool:
    """Return whether an answer gives what a question wants: a year, a time, a price, a figure,
    a place, a span (one placing a time only if ``asked`` is "how long before").

    Remembered for the last few answers (_held): a follow-up asks it of the last answer
    several times, and ``asked`` is read for a span alone.
    """
    return _held(answer, want, asked if want is Wanted.SPAN else "")


@lru_cache(maxsize=16)
def _held(answer: str, want: Wanted, asked: str) -> bool:
    """Return what ``holds`` does."""
    if want is Wanted.PLACE:
        return any((m.group(1) or "").lower() not in _CALENDAR for m in _PLACED.finditer(answer))
    if want is Wanted.NEWS:  # "more on it in a few days": not when the claim was made
        return _AHEAD.search(answer) is not None
    if want is Wanted.VALUE and _STICKER.search(answer):
        return True  # "close to their MSRP": a value, though no sum
    said = words(answer)
    if want is Wanted.SPAN:  # "4 to 5 years", "a few weeks": not "the day before"
        spans = _spans(said, offset=not _OFFSETS.isdisjoint(words(asked)))
        return spans or _AWHILE.search(answer) is not None  # "for a while" counts no figure
    if want is Wanted.YEAR:  # "November" is a date, but no year
        return any(is_year(w) for w in said)
    if want is Wanted.AMOUNT:  # "within three years" is how long, not how many
        said = _without_spans(said)
    if want is Wanted.DAY:  # "2011" is a year, no date; "the day before" is one
        return not {"day", "month"}.isdisjoint(answer_kinds([stem(w) for w in said], answer))
    kinds = {Wanted.TIME: "time", Wanted.PRICE: "money", Wanted.VALUE: "money"}
    kind = kinds.get(want, "number")
    return kind in answer_kinds([stem(w) for w in said], answer)


_RANGE = frozenset("to or".split())  # "4 to 5 years"
# "a few weeks", "a year", "the whole year", "the past year": a span, not "last year".
_SOME = frozenset("a few several couple many past whole entire full".split())


# "drive collectors away FOR A WHILE": a span of time, though it counts none.
_AWHILE = re.compile(
    r"\bfor\s+(?:a\s+(?:long\s+|short\s+)?(?:while|time)|awhile|some\s+time)\b", re.I
)


# "two weeks BEFORE the post": a span that places a time, which only "how long before" asks.
_OFFSETS = frozenset("before after ago later earlier since until til till".split())


def _spans(said: list[str], *, offset: bool = False) -> bool:
    """Return whether an answer's words count a span of time ("3 years", "a few weeks", "for
    the year"); one placing a time ("two weeks before the post") only if ``offset`` is asked."""
    return any(
        word in PERIODS
        and i > 0
        and (said[i - 1].isdigit() or said[i - 1] in _SOME or said[i - 2 : i] == ["for", "the"])
        and (offset or said[i + 1 : i + 2] == [] or said[i + 1] not in _OFFSETS)
        for i, word in enumerate(said)
    )


def _without_spans(said: list[str]) -> list[str]:
    """Return an answer's words without the figures that count a span of time ("3 years")."""
    kept = []
    for i, word in enumerate(said):
        after = said[i + 1 : i + 4]
        if word.isdigit() and after[:1] and after[0] in PERIODS:
            continue
        if word.isdigit() and len(after) == 3 and after[0] in _RANGE and after[2] in PERIODS:
            continue
        kept.append(word)
    return kept


# A place an answer gives: "shot in the UK", "at Laguna Seca", "BMW's UK headquarters".
_PLACED = re.compile(r"\b(?:in|at|near)\s+(?:the\s+)?([A-Z]\w*)|\b(headquarters|HQ)\b")


def places(answer: str) -> set[str]:
    """Return the places an answer gives, in lower case ("uk", "headquarters"; "hq" is read
    as "headquarters")."""
    found = {(m.group(1) or m.group(2)).lower() for m in _PLACED.finditer(answer)}
    return {_PLACE_WORDS.get(w, w) for w in found if w not in _CALENDAR}


def place_words(text: str) -> set[str]:
    """Return a text's words as ``places`` reads them ("hq" is "headquarters")."""
    return {_PLACE_WORDS.get(w, w) for w in words(text)}


def asks_where_is(message: str) -> str | None:
    """Return X of "where exactly is X" (X names a thing, not "it" or "that"), or None."""
    found = _WHERE_IS.match(message[:200])
    if found is None or found.group(1).split()[0].lower() in _POINTERS:
        return None
    return found.group(1)


_PLACE_WORDS = {"hq": "headquarters"}
_WHERE_IS = re.compile(
    r"^\s*(?:(?:and|so|ok|okay|wait|but)\b[\s,]*)*(?:where\s+(?:exactly\s+)?(?:is|are)"
    r"|wheres(?:\s+exactly)?|where's(?:\s+exactly)?)\s+((?:[^\s?!.,]+\s*){1,5}?)"
    r"(?:\s+exactly)?[\s?!.]*$",
    re.I,
)
_CALENDAR = MONTHS | WEEKDAYS

_BEING = COPULAS | {"s"}  # "who's", "what's": "who s"


def asks_who_did(message: str) -> bool:
    """Return whether a short question asks who did something ("who replied", "who told the
    dealers"), not who someone is ("who is segler")."""
    said = words(message[:200])
    return 1 < len(said) <= _MAX_WHO_WORDS and said[0] == "who" and said[1] not in _BEING


_IDENTIFIED = frozenset(
    tuple(pair.split()) for pair in "is it|was it|are they|were they|is that|was that".split("|")
)
_MAX_NAMING_WORDS = 10
# What goes by a name of its own: people and businesses ("which dealership", "which exec"),
# not things an answer may identify otherwise ("which car is it": a V8 Benz).
_NAMED_KINDS = tuple(
    """
    dealer store shop compan firm outlet site websit magazin publicat paper forum exec person
    guy employe salesm manager advis commenter reader poster member road street highw motorw
    freew avenu council authorit agenc
    """.split()
)
_QUALIFIED = 3  # "which local council": a bare question word, a qualifier and a thing
_PLACING = frozenset("on in at".split())
_NAMING = frozenset("which what".split())  # "WHAT dealership" asks as "which dealership" does
_ASKER_PAIRS = frozenset({("should", "i"), ("should", "we"), ("do", "i"), ("can", "i")})
_STEM = 5  # "dealers" is "dealership" or "dealer" in an answer: the same first letters


def asked_by_name(message: str) -> str | None:
    """Return what a question asks the name of ("which DEALERSHIP is it", "which dealers, got
    names?", a bare "which DEALERSHIP"), or None."""
    said = kernel(message)  # "which dealership THO": a closing tag asks nothing
    called = _CALLED.match(" ".join(said))
    if called is not None and called.group(1).startswith(_NAMED_KINDS):
        return called.group(1)  # "whats the dealership called": its name, as "which" asks
    asking = next((w for w in said[:2] if w in _NAMING), None)
    if asking is None or len(said) > _MAX_NAMING_WORDS or said[-1] == asking:
        return None
    thing = said[said.index(asking) + 1]
    if len(said) == _QUALIFIED and not _PINNED.intersection(said) and thing not in STOPWORDS:
        thing = said[-1]  # "which LOCAL council": the thing is the last word, not its qualifier
    # "which dealership" on its own asks for the name as much as "which dealership is it".
    bare = len(said) == 2 or (len(said) == _QUALIFIED and said[0] == asking)
    named = "names" in said or tuple(said[-2:]) in _IDENTIFIED or bare
    # "what road was it ON": where it was, by the name of the place.
    named = named or (tuple(said[-3:-1]) in _IDENTIFIED and said[-1] in _PLACING)
    # "what dealer should i try": one of them, by name, for the asker to go to.
    named = named or any(p in _ASKER_PAIRS for p in itertools.pairwise(said[2:]))
    # "which markets exactly": pinned down, any kind of thing is asked for by name.
    pinned = not _PINNED.isdisjoint(said) and thing not in _PINNED and thing not in STOPWORDS
    return thing if pinned or (named and thing.startswith(_NAMED_KINDS)) else None


_PINNED = frozenset("exactly specifically precisely".split())
_CALLED = re.compile(
    r"^(?:whats|what s|what is|what was|what are|what were) (?:the|that|this|his|her|their) "
    r"(\w+) (?:called|named)$"
)


def asks_given_name(message: str) -> bool:
    """Return whether a short question asks a person's given or full name ("whats her first
    name", "full name?")."""
    said = words(message[:200])
    return len(said) <= _MAX_NAMING_WORDS and any(
        p in _GIVEN_NAMES for p in itertools.pairwise(said)
    )


_GIVEN_NAMES = frozenset(
    (w, "name") for w in "first full given real christian whole".split()
) | frozenset({("forename", "name")})


def gives_given_name(answer: str) -> bool:
    """Return whether an answer names someone by given name and surname ("Brian Watts"), not
    only by a title ("Dr. Segler", "Mr. Mowse") or a handle ("goat", "HERR26")."""
    return any(m.group(1) not in _TITLES for m in _FULL_NAME.finditer(answer))


_FULL_NAME = re.compile(r"\b([A-Z][a-z]+)\.? [A-Z][a-z]+\b")
_TITLES = frozenset("Dr Mr Mrs Ms Herr Prof Sir The In".split())


def defined(message: str) -> str | None:
    """Return the one word a short question asks what or who it is ("who's gabe", "what even
    is a zhp"), or None."""
    said = [w for w in words(message[:200]) if w not in _DEFINING_FILLER]
    if len(said) < 2 or said[0] not in _DEFINING:
        return None
    rest = said[1:]
    if rest[0] in COPULAS:
        rest = rest[1:]
    elif said[0] in ("who", "what") and _CONTRACTED.search(message[:200]) is None:
        return None  # "what year": no "what's"
    rest = [w for w in rest if w not in _ARTICLES]
    return rest[0] if len(rest) == 1 and rest[0] not in STOPWORDS else None


def defines(text: str, thing: str) -> bool:
    """Return whether a text says what or who a thing is ("Brian Watts is BMW's head of ...",
    "Michael's CA (client advisor)", "Motoring, an Australian publication")."""
    named = re.escape(thing)
    found = re.search(
        rf"\b{named}\b(?:\s*\(|,\s*(?:a|an|the)\b|\s+(?:is|was|are|were)\s+"
        r"(?:a|an|the|\w+['\u2019]s)\b)",
        text,
        re.I,
    )
    role = re.search(rf"\b(?:{_ROLES})\s+{named}\b", text, re.I)  # "commenter goat"
    return found is not None or role is not None


# Words that say what kind of someone or something a name is: "COMMENTER goat".
_ROLES = "commenter|reader|publication|magazine|site|podcast|writer|editor|poster"


# "WHO'S gabe", "WHAT even is a zhp": a question asking what a thing is.
_DEFINING = frozenset("who whos what whats".split())
_CONTRACTED = re.compile(r"\b(?:who|what)['\u2019]s\b", re.I)
_ARTICLES = frozenset("a an the".split())
_DEFINING_FILLER = frozenset(
    "even exactly tf heck hell like so ok okay wait and but um uh irl".split()
)


def name_of(message: str) -> str | None:
    """Return whom a name question asks the name of when that is not the person pointed at
    ("whats the name of his CA", "his advisor's name?"), or None ("whats that guys name")."""
    found = _NAME_OF.search(message[:200]) or _NAMES_OWN.search(message[:200])
    if found is None:
        return None
    thing = found.group(1).lower()
    return None if thing in _PERSON | _NAME_KINDS or thing in STOPWORDS else thing


# "his REAL name", "her LAST name": which of a person's names, not whose.
_NAME_KINDS = frozenset("first full given real christian whole last sur middle user screen".split())
# "the name OF HIS CA", "the names of the dealers"; "his CA'S NAME", "the dealer's name".
_NAME_OF = re.compile(r"\bnames?\s+of\s+(?:(?:his|her|their|the|that|this)\s+)?([a-z]\w*)", re.I)
_NAMES_OWN = re.compile(
    r"\b(?:his|her|their|the|that|this)\s+([a-z]\w*?)(?:'s|\u2019s|s')?\s+names?\b", re.I
)


def names(answer: str, thing: str) -> bool:
    """Return whether an answer gives a name for a thing: a capitalised word before it
    ("Scottsdale dealership"), not an owner ("the CA's dealership") or a code ("US dealers")."""
    said = re.findall(r"[\w'\u2019]+", answer)
    stem = thing[:_STEM].lower()
    for before, word in itertools.pairwise(said):
        if not word.lower().startswith(stem) or not before[:1].isupper():
            continue
        if len(stem) < _STEM and word.lower().rstrip("s'\u2019") != stem:
            continue  # "the CA": a short word is itself, not the start of "Cayman"
        if not before.isupper() and not before.endswith(("'s", "\u2019s")):
            return True
    return False


def asks(message: str) -> bool:
    """Return whether a message is put as a question: a question word, a question mark, or
    "any" before what it asks for ("any left now")."""
    if "?" in message or not ASKING.isdisjoint(words(message[:200])):
        return True
    said = kernel(message)
    return bool(said) and said[0] in _ANY


# "so who's right then", "which one is correct": who of the last answer's sides is right.
_RIGHT = frozenset("right correct".split())
_WHO_RIGHT_WORDS = (
    _RIGHT
    | ARBITERS
    | frozenset(
        "is was are were one side party here actually really in the end of them those two then"
        " so now".split()
    )
)
_MAX_WHO_RIGHT_WORDS = 8
# "so the porsche guy is kinda right?", "so he was right": whether someone was right.
_IS_RIGHT = re.compile(
    r"^\s*(?:(?:so|ok|okay|and|then|wait)\b[\s,]*)+(?:((?:[^\s?!.,]+\s+){1,4}?)"
    r"(?:is|was|are|were|s)|(?:he|she|they)['\u2019]?(?:s|re))\s+(?:(?:kinda|kind of|sort of"
    r"|sorta|partly|half|technically|actually|right|basically)\s+)?(?:right|correct)\b"
    r"(?:\s+(?:lol|lmao|haha|tho|then))?[\s?!.]*$",
    re.I,
)
# "those numbers dont match, whos right": the question after the message's last comma.
_LAST_CLAUSE = re.compile(r"[,;]")
_POINTED = POINTING | frozenset("thats its".split())


def asks_who_is_right(message: str) -> bool:
    """Return whether a message asks who is right ("so who's right then", "those don't match,
    who's right") or whether someone was ("so the guy at work was kinda right?", "so shes right
    lol"), not whether a thing is ("is that right")."""
    for part in dict.fromkeys((message[:200], _LAST_CLAUSE.split(message[:200])[-1])):
        said = kernel(part)
        if (
            said
            and len(said) <= _MAX_WHO_RIGHT_WORDS
            and set(said) <= _WHO_RIGHT_WORDS
            and not _RIGHT.isdisjoint(said)
            and not ARBITERS.isdisjoint(said)
        ):
            return True
    someone = _IS_RIGHT.match(message[:200])
    if someone is None:
        return False
    return someone.group(1) is None or not set(words(someone.group(1))) <= _POINTED


# "which blog", "what site was it": which outlet the last claim comes from, its source.
_OUTLETS = tuple("blog site websit magazin mag publicat paper newspaper outlet".split())
_OUTLET_WORDS = frozenset("is it was that this then exactly again the one".split())
_MAX_OUTLET_WORDS = 5


def asks_outlet(message: str) -> str | None:
    """Return the kind of outlet a short question asks about ("wait, which BLOG", "what SITE
    was that"), or None."""
    said = kernel(message)
    if (
        1 < len(said) <= _MAX_OUTLET_WORDS
        and said[0] in _NAMING
        and said[1].startswith(_OUTLETS)
        and set(said[2:]) <= _OUTLET_WORDS
    ):
        return said[1]
    return None


# A sceptical reply to the last answer: "sounds fake ngl", "yeah right", "doubt it",
# "source: trust me bro?", "u sure?". It asks nothing new: what backs the claim is its status
# and sources (asked "are you sure", the bot is as sure as the claim's status).
_DOUBT_TAGS = frozenset(
    "ngl tbh lol lmao lmfao haha imo fr honestly tho though bro man dude lowkey ok okay so".split()
)
_DOUBTED = re.compile(
    r"^(?:(?:that|this|it|all)\s+(?:is|s)|(?:(?:that|this|it|all)\s+)?"
    r"(?:sounds?|seems?|smells?|feels?))\s+(?:\w+\s+){0,2}?"
    r"(?:fake|made up|cope|bs|sus|fishy|sketchy|bogus|cap|nonsense|bull\w*|far fetched"
    r"|too good to be true)$"
    r"|^(?:that|this)\s+(?:\w+\s+)?(?:fake|made up|cope|bs|cap|nonsense|bull\w*)$"
    r"|^(?:i\s+)?(?:doubt|dont buy|do not buy|don t buy)\s+(?:it|that|this|that one)$"
    r"|^(?:source\s+|src\s+|sauce\s+)?trust me(?:\s+bro)?$"
    r"|^(?:press\s+)?x\s+(?:to\s+)?doubt$"
    r"|^(?:(?:are|r)\s+)?(?:you|u|ya)\s+(?:sure|certain)(?:\s+(?:about\s+)?(?:that|this|it))?$"
)
_YEAH_RIGHT = re.compile(r"^\s*(?:yeah|yea|ya|yeh|yh)\s+right\b", re.I)
_MAX_DOUBT_WORDS = 12


def doubts(message: str) -> bool:
    """Return whether a message only doubts the last answer ("sounds made up", "yeah right,
    they'll build more anyway"), asking nothing of its own."""
    said = words(message[:200])
    if not said or len(said) > _MAX_DOUBT_WORDS:
        return False
    if _YEAH_RIGHT.match(message[:200]):
        return not (ASKING.intersection(said) or "?" in message)
    kept = [w for w in said if w not in _DOUBT_TAGS]
    return bool(kept) and _DOUBTED.match(" ".join(kept)) is not None


# "what did he mean", "so what does she mean by that": what the one who made the last claim
# meant, which is that claim in his words; the words "mean" shares with other claims
# ("meaning", "means") are no topic.
_MEANT = re.compile(
    r"^\s*(?:(?:and|but|so|ok|okay|wait|hmm|lol)\b[\s,.!]*)*what\s+(?:did|does|do)\s+"
    r"(?:he|she|they|that\s+guy|the\s+guy|that\s+commenter|the\s+commenter)\s+mean"
    r"(?:\s+by\s+(?:that|it|this))?\s*[?!.]*\s*$",
    re.I,
)


def asks_meaning(message: str) -> bool:
    """Return whether a message only asks what the one behind the last claim meant."""
    return _MEANT.match(message[:200]) is not None


# "could it go the other way tho", "or the other way round?", "what about the other way
# around": the reverse of what the last answer weighs, which an answer weighing two ways gives.
_OTHER_WAY = re.compile(
    r"^\s*(?:(?:and|but|so|ok|okay|wait|hmm|or)\b[\s,.!]*)*"
    r"(?:(?:could|can|would|might|will|does|did)\s+"
    r"(?:it|that|this|they|things|stuff)\s+(?:also\s+|not\s+)?(?:go|work|swing|happen)\s+"
    r"|what\s+about\s+|how\s+about\s+)?"
    r"the\s+other\s+way(?:\s+(?:round|around))?(?:\s+(?:tho|though|too|then))?\s*[?!.]*\s*$",
    re.I,
)
# "either ... or", "or, the reader added, ...": an answer that weighs two ways.
_TWO_WAYS = re.compile(r"\beither\b.{1,300}?\bor\b|\bor\s*,", re.I | re.S)


def asks_other_way(message: str) -> bool:
    """Return whether a message only asks for the other way round ("could it go the other way")."""
    return _OTHER_WAY.match(message[:200]) is not None


def weighs_two_ways(answer: str) -> bool:
    """Return whether an answer weighs two ways ("either ... or ...", "or, he added, ...")."""
    return _TWO_WAYS.search(answer) is not None


# "and", "so", "wait, ..." opening a follow-up, none of them part of what it asks.
FOLLOW_UP_OPENERS = r"^\s*(?:(?:and|but|so|ok|okay|wait|hmm)\b[\s,.!]*)*"
# "is that more than the us", "how does that compare to the mini", "how does that square with
# bmwblog saying it would change", "compare that to X": the last answer held against X, which is
# what is asked.
_COMPARED = re.compile(
    FOLLOW_UP_OPENERS
    + r"(?:(?:is|was|are|were)\s+(?:that|it|this|they|those)\s+(?:any\s+|much\s+|a\s+lot\s+)?"
    r"(?:more|less|fewer|bigger|smaller|higher|lower|greater|larger)\s+than"
    r"|how\s+(?:does|do|did|is|would)\s+(?:that|it|this|they|those)\s+"
    r"(?:compare|stack\s+up|square|fit|line\s+up)\s*(?:to|with|against|next\s+to)?"
    r"|(?:that|it|this)\s+(?:compared|vs\.?|versus)\s*(?:to|with)?"
    r"|(?:now\s+)?compare\s+(?:that|it|this|those|them)\s+(?:to|with|against))"
    r"\s+((?:[^\s?!]+\s*){1,10}?)[\s?!.]*$",
    re.I,
)


def compared_with(message: str) -> str | None:
    """Return X of a message holding the last answer against X ("is that more than the us",
    "how does that compare to what segler said"), or None."""
    found = _COMPARED.match(message[:200])
    return None if found is None else found.group(1)


_LEAD = re.compile(
    r"^\s*(?:(?:ok|okay|k|kk|so|alright|well|hmm|hm|right|fine|oh|ohh|ah|ahh|cool|nice|gotcha)\b[\s,.!]*)+",
    re.I,
)
_THEN_END = re.compile(r"[\s,]+(?:then|tho|though)[\s?!.]*$", re.I)


def other_of(message: str) -> str | None:
    """Return X of a message asking the last question again of X ("what about the us", "and
    in australia?", "ok and canada then"), or None."""
    bare = _THEN_END.sub("", _LEAD.sub("", message[:200]))
    leaning = follow_up(bare)
    if leaning is not None and leaning[0] is FollowUp.ABOUT:
        return leaning[1]
    return and_x(bare)
