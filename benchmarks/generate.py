"""Generate synthetic knowledge files of any size: the real entries plus templated ones.

Generated entries ask about an invented car world (brands, models, markets, people, outlets,
dealers, parts, colours, numbers) through question templates grouped by intent. Every slot value
is drawn from a Zipf-like distribution, so a few models, markets and people appear in thousands
of entries and most in a handful, as in a real knowledge base. Each entry uses some templates of
its intent as phrasings and keeps the others back: those held-out phrasings are the paraphrases the
benchmark asks. Generation is deterministic for a seed, and a file of N entries is a prefix of a
file of M > N entries, so the same questions are valid at every size.

    python -m benchmarks.generate --sizes 1000 10000 100000 --out benchmarks/results
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import json
import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from bot.core.knowledge.loader import default_knowledge_path, load_knowledge, parse_knowledge
from bot.core.knowledge.models import Entry, Knowledge, Source, SourceKind, Status
from bot.core.retrieve.matcher import Matcher

SEED = 20110301
_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 .]*[A-Za-z0-9]")
_WORD = re.compile(r"[a-z0-9.]+")
RESULTS = Path(__file__).resolve().parent / "results"
GENERATOR_VERSION = 2


@dataclass(frozen=True, slots=True)
class Intent:
    """A kind of question: its slots, phrasing templates, answer template and extra keywords."""

    name: str
    slots: tuple[str, ...]
    templates: tuple[str, ...]
    answer: str
    keywords: tuple[str, ...]
    weight: float


# Template fields: {M} model, {Ms} models, {B} its brand, {M2} another model, {K} market,
# {P} person, {Ps} person's, {O} outlet, {L} dealer town, {F} feature, {C} colour, {R} part,
# {N} a number, {Y} a year. Answers may also use {PRICE}, {MONTH}, {ROLE}, {CLAIM}, {VERDICT},
# {OFFER}, {SPEED} and {O2}.
INTENTS: tuple[Intent, ...] = (
    Intent(
        "alloc",
        ("M", "K"),
        (
            "How many {Ms} is {K} getting?",
            "what's the {K} allocation for the {M}",
            "{M} allocation for {K}",
            "how many {M} cars are going to {K}",
            "number of {Ms} headed for {K}",
            "is {K} getting a lot of {Ms}",
            "{K} quota for the {M}",
            "how many {Ms} will dealers in {K} receive",
        ),
        "{O}: {K} gets about {N} {Ms}; {B} has not confirmed it.",
        ("allocation", "units", "quota", "share"),
        10,
    ),
    Intent(
        "total",
        ("M", "Y"),
        (
            "How many {Ms} will be built in {Y}?",
            "{M} production numbers for {Y}",
            "what is the {Y} build total of the {M}",
            "how many {Ms} are made in {Y}",
            "{Y} output of the {M}",
            "total {M} production in {Y}",
            "how many {M} units roll off the line in {Y}",
            "is {M} production going up in {Y}",
        ),
        "{P} put {Y} output of the {M} at {N} cars.",
        ("production", "volume", "total", "run"),
        6,
    ),
    Intent(
        "price",
        ("M", "K"),
        (
            "What does the {M} cost in {K}?",
            "{M} price in {K}",
            "how much is a {M} in {K}",
            "{K} sticker price of the {M}",
            "what will a new {M} set you back in {K}",
            "is the {M} expensive in {K}",
            "{M} msrp {K}",
        ),
        "{O}: the {M} lists at {PRICE} in {K}.",
        ("price", "cost", "money", "expensive"),
        8,
    ),
    Intent(
        "said",
        ("P", "M"),
        (
            "What did {P} say about the {M}?",
            "{Ps} comments on the {M}",
            "{P} on the {M}",
            "did {P} talk about the {M}",
            "what was {Ps} take on the {M}",
            "{P} interview about the {M}",
            "has {P} said anything about {M} numbers",
        ),
        "{P} told {O} the {M} {CLAIM}.",
        ("said", "comments", "interview", "quote"),
        10,
    ),
    Intent(
        "who",
        ("P",),
        (
            "Who is {P}?",
            "what does {P} do",
            "{Ps} job",
            "what is {Ps} role at {PB}",
            "who exactly is {P}",
            "is {P} still at {PB}",
            "{P} position at {PB}",
        ),
        "{P} is {ROLE} at {PB}.",
        ("who", "job", "role", "position"),
        2,
    ),
    Intent(
        "outlet",
        ("O", "M"),
        (
            "Is {O} reliable on the {M}?",
            "{O} {M} report",
            "where did {O} get its {M} numbers",
            "can I trust {O} about the {M}",
            "{O} source for the {M} story",
            "what is the {O} {M} article based on",
            "how good is {O} coverage of the {M}",
        ),
        "{O} cited {O2} and an unnamed insider; {VERDICT}.",
        ("source", "reliable", "article", "report"),
        5,
    ),
    Intent(
        "feature",
        ("M", "F"),
        (
            "Does the {M} have {F}?",
            "what {F} does the {M} use",
            "{M} {F} details",
            "is {F} standard on the {M}",
            "can you get the {M} with {F}",
            "{F} on the {M}",
            "tell me about the {M} and its {F}",
        ),
        "The {M} has {F} {OFFER}, {O} says.",
        ("equipment", "spec", "standard", "option"),
        9,
    ),
    Intent(
        "launch",
        ("M", "K"),
        (
            "When does the {M} launch in {K}?",
            "{M} {K} release date",
            "when can I buy a {M} in {K}",
            "{K} launch of the {M}",
            "when is the {M} coming to {K}",
            "{M} arrival in {K} showrooms",
            "is the {M} out in {K} yet",
        ),
        "{O}: the {M} reaches {K} in {MONTH} {Y}.",
        ("launch", "release", "date", "arrival"),
        8,
    ),
    Intent(
        "dealer",
        ("L", "M"),
        (
            "How many {Ms} does a {L} dealer get?",
            "{L} dealership {M} allocation",
            "are {L} dealers getting any {Ms}",
            "how many {Ms} went to {L}",
            "{M} stock at {L} dealers",
            "can I find a {M} at a {L} dealer",
            "{L} dealer allocation of the {M}",
        ),
        "A {L} dealer expects {N} {Ms} this year.",
        ("dealer", "store", "stock", "showroom"),
        6,
    ),
    Intent(
        "color",
        ("M", "C"),
        (
            "Is the {M} available in {C}?",
            "can I order a {C} {M}",
            "{C} paint on the {M}",
            "does the {M} come in {C}",
            "{M} in {C}",
            "is {C} an option for the {M}",
            "how rare is a {C} {M}",
        ),
        "{C} is {OFFER} on the {M}, says {O}.",
        ("colour", "paint", "shade"),
        6,
    ),
    Intent(
        "rumor",
        ("M", "N"),
        (
            "Is the {N} {M} figure right?",
            "where did the {N} {Ms} rumor come from",
            "who said there will be {N} {Ms}",
            "is it true only {N} {Ms} will be made",
            "{N} {Ms} fact or rumor",
            "can I trust the {N} units number for the {M}",
            "did {B} confirm {N} {Ms}",
        ),
        "{N} {Ms} comes from {O}; {P} called it {VERDICT}.",
        ("rumour", "figure", "claim"),
        8,
    ),
    Intent(
        "video",
        ("M", "L"),
        (
            "What happens in the {M} video from {L}?",
            "{M} {L} footage",
            "who shot the {M} clip in {L}",
            "is the {M} video from {L} real",
            "{L} {M} video",
            "where can I watch the {M} run in {L}",
            "what's the {M} doing in the {L} clip",
        ),
        "The clip shows the {M} in {C} near {L}; {O} posted it.",
        ("video", "clip", "footage", "filmed"),
        5,
    ),
    Intent(
        "compare",
        ("M", "M2"),
        (
            "Is the {M} faster than the {M2}?",
            "{M} vs {M2}",
            "how does the {M} compare to the {M2}",
            "which is quicker, the {M} or the {M2}",
            "{M} or {M2} which should I buy",
            "would a {M} beat a {M2}",
            "{M} against the {M2} on track",
        ),
        "{O} found the {M} {SPEED} than the {M2}.",
        ("compare", "faster", "versus", "better"),
        6,
    ),
    Intent(
        "recall",
        ("M", "R"),
        (
            "Was there a recall on the {M} {R}?",
            "{M} {R} problems",
            "any issues with the {R} of the {M}",
            "is the {R} on the {M} reliable",
            "{M} {R} failure",
            "did {B} fix the {M} {R} fault",
            "should I worry about the {R} in my {M}",
        ),
        "{B} issued a bulletin on the {M} {R} after {N} complaints.",
        ("recall", "fault", "problem", "reliability"),
        7,
    ),
    Intent(
        "resale",
        ("M", "Y"),
        (
            "What will a {M} be worth in {Y}?",
            "{M} resale value {Y}",
            "will the {M} hold its value until {Y}",
            "used {M} prices in {Y}",
            "is the {M} a good investment for {Y}",
            "{M} depreciation by {Y}",
            "how much will a used {M} go for in {Y}",
        ),
        "{P} expects a used {M} to fetch {PRICE} in {Y}.",
        ("value", "investment", "resale"),
        4,
    ),
)

_ONSETS = "b c d f g h j k l m n p r s t v z b d k l m n r s t v br dr gr kr st tr".split()
_VOWELS = "a e i o u a e i o a o ei ou".split()
_CODAS = ["", "", "", "", "n", "r", "l", "s", "x", "k", "m"]


def _items(text: str) -> list[str]:
    """Split a ``|``-separated list written over several lines."""
    return [" ".join(item.split()) for item in text.split("|") if item.strip()]


_FIRST_NAMES = """
    Anna Ben Carla David Elena Frank Greta Hugo Ines Jonas Karin Lars Maria Nils Olga Peter
    Rosa Stefan Tanja Uwe Vera Walter Yusuf Zoe Aiko Bruno Chiara Diego Emma Felix Hana Ivan
    Julia Kenji Lena Marco Nadia Oscar Paula Rafael Sofia Tomas Ulla Viktor Wen Xavier Yara
    Amir Beatriz Colin Dana Erik Fatima Georg Helga Igor Jana Klaus Lucia Mateo Noor Otto
""".split()
_MARKETS = _items(
    """
    Germany|Japan|Canada|Brazil|South Korea|France|Italy|Spain|Mexico|China|India|Sweden|Norway|
    Denmark|Finland|Poland|Austria|Switzerland|Belgium|the Netherlands|Portugal|Ireland|
    New Zealand|South Africa|Argentina|Chile|Turkey|Greece|Israel|the UAE|Saudi Arabia|Qatar|
    Singapore|Malaysia|Thailand|Indonesia|the Philippines|Taiwan|Hong Kong|Vietnam|Egypt|Morocco|
    Nigeria|Kenya|Czechia|Hungary|Romania|Slovakia|Croatia|Slovenia|Estonia|Latvia|Lithuania|
    Iceland|Luxembourg|Colombia|Peru|Uruguay|Ecuador|Costa Rica|Panama|Kuwait|Bahrain|Oman|
    Ukraine|Serbia|Bulgaria|Cyprus|Malta|Scandinavia|Europe|Latin America|the Middle East|
    Canada and Mexico|Benelux|the Baltics|the Gulf states|the US|the UK|Australia|Asia
"""
)
_FEATURES = _items(
    """
    a limited-slip differential|carbon ceramic brakes|adaptive dampers|a manual gearbox|
    launch control|heated seats|LED headlights|forged wheels|a carbon roof|a sport exhaust|
    a dual-clutch gearbox|all-wheel drive|a head-up display|keyless entry|a sunroof|
    a track package|ventilated seats|a rear spoiler|a roll cage|bucket seats|a harman kardon stereo|
    navigation|a digital dash|an oil cooler|a short-shift kit|rev matching|a towing hitch|
    parking sensors|a reversing camera|lane assist|cruise control|a lightweight battery|
    magnesium wheels|an alcantara wheel|ceramic coating|winter tyres|a launch edition badge|
    a numbered plaque|a quad exhaust|an active rear wing|a titanium exhaust|blue brake calipers|
    a performance chip|a bigger fuel tank|run-flat tyres|a space saver spare|a heat pump|
    wireless charging|a removable hardtop|a soft top|a cargo net|a ski bag|a sports chrono pack|
    a boost gauge|a lap timer|a data logger|an intercooler upgrade|a cold air intake
"""
)
_COLORS = _items(
    """
    Alpine White|Sapphire Black|Valencia Orange|Le Mans Blue|Imola Red|Silverstone Grey|
    Frozen Grey|Racing Green|Sunset Orange|Misano Blue|Mineral White|Black Sapphire|Hockenheim
    Silver|Estoril Blue|Laguna Green|Phoenix Yellow|Monaco Red|Nardo Grey|Chalk|Miami Blue|
    Lava Orange|Arctic Silver|Midnight Purple|Bayside Blue|Oxford Green|Tanzanite Blue|Java
    Green|Daytona Violet|Sepang Bronze|Austin Yellow|Riviera Blue|Ruby Red|Guards Red|Speed
    Yellow|Signal Green|Python Green|Gentian Blue|Crayon|Lime Rock Grey|Sakhir Orange
"""
)
_PARTS = _items(
    """
    water pump|clutch|turbocharger|fuel injectors|gearbox|rear subframe|timing chain|wastegate|
    fuel pump|brake booster|steering rack|wheel bearings|airbag|seat belt|door handle|sunroof seal|
    oil pump|radiator|thermostat|alternator|starter motor|ignition coils|spark plugs|crankshaft|
    camshaft|rod bearings|head gasket|intercooler|exhaust valve|rear differential|driveshaft|
    battery|infotainment screen|window regulator|tail lights|headlight washers|tyre pressure sensor|
    oil filter housing|vanos unit|catalytic converter
"""
)
_ROLES = (
    "head of sales",
    "head of marketing",
    "the product manager",
    "chief engineer",
    "a spokesperson",
    "head of the performance division",
    "regional sales director",
    "the chief executive",
    "head of product planning",
    "a test driver",
    "head of communications",
    "the design chief",
)
_CLAIMS = (
    "would stay in production until the end of the year",
    "would be hard to get",
    "would not have its production limited",
    "was already sold out",
    "would get a second production run",
    "would become a collectors car",
    "would cost more than planned",
    "had been delayed by a supplier",
    "was the fastest car the brand had built",
    "would not come with a manual gearbox",
)
_VERDICTS = ("unconfirmed", "plausible", "wishful thinking", "too high", "too low", "about right")
_SPEEDS = ("quicker", "slower", "more fun", "less composed", "more agile", "heavier")
_OFFERS = (
    "as standard",
    "as a paid option",
    "only on the launch edition",
    "as a special order",
    "as a no-cost option",
    "in some markets only",
)
_MONTHS = "January February March April May June July August September October November".split()
_TRIMS = "GT RS GTS CS Sport Coupe Touring Cabrio Turbo Club Competition Clubsport Spider".split()


def _word(rng: random.Random, syllables: int) -> str:
    """Return an invented word of ``syllables`` syllables."""
    return "".join(
        rng.choice(_ONSETS) + rng.choice(_VOWELS) + (rng.choice(_CODAS) if i else "")
        for i in range(syllables)
    )


def _name(rng: random.Random, used: set[str], syllables: Sequence[int] = (2, 2, 3)) -> str:
    """Return a new capitalised invented word, not used before."""
    while True:
        word = _word(rng, rng.choice(syllables)).capitalize()
        if word.lower() not in used and len(word) >= 4:
            used.add(word.lower())
            return word


class Pool:
    """Items drawn with Zipf-like weights: rank r has weight 1 / r**exponent."""

    def __init__(self, items: Sequence[str], exponent: float, rng: random.Random) -> None:
        """Shuffle the items and weight them by rank."""
        self.items = list(items)
        rng.shuffle(self.items)
        weights = [1 / (rank + 1) ** exponent for rank in range(len(self.items))]
        self._cum = list(itertools.accumulate(weights))

    def draw(self, rng: random.Random) -> int:
        """Return the index of one item drawn by weight."""
        return min(bisect.bisect(self._cum, rng.random() * self._cum[-1]), len(self.items) - 1)

    def __len__(self) -> int:
        """Return the number of items."""
        return len(self.items)


@dataclass(slots=True)
class Vocabulary:
    """The invented world: every slot's pool, each model's brand and each person's company."""

    brands: list[str]
    models: Pool
    model_brand: dict[str, str]
    aliases: list[tuple[str, str]]
    people: Pool
    person_brand: dict[str, str]
    pools: dict[str, Pool] = field(default_factory=dict)


def build_vocabulary(rng: random.Random) -> Vocabulary:
    """Invent brands, models, people, outlets and towns; real markets, parts and colours."""
    used: set[str] = set()
    brands = [_name(rng, used) for _ in range(70)]
    brand_pool = Pool(brands, 1.0, rng)
    models: list[str] = []
    model_brand: dict[str, str] = {}
    aliases: list[tuple[str, str]] = []
    seen: set[str] = set()
    while len(models) < 2500:
        brand = brand_pool.items[brand_pool.draw(rng)]
        kind = rng.random()
        if kind < 0.45:
            letters = "".join(rng.choice("ACDFGHJKLMNPQRSTVXZ") for _ in range(rng.choice((1, 2))))
            digits = rng.choice((rng.randint(1, 9), rng.randint(10, 99), rng.randint(100, 990)))
            code = f"{letters}{digits}"
        elif kind < 0.82:
            code = _name(rng, used)
        else:
            code = f"{_name(rng, used, (1, 2))} {rng.choice(_TRIMS)}"
        model = f"{brand} {code}"
        if model.lower() in seen:
            continue
        seen.add(model.lower())
        models.append(model)
        model_brand[model] = brand
        if kind < 0.45 and rng.random() < 0.12:
            aliases.append((model, f"{brand[0]}{code}".lower()))
    people: list[str] = []
    person_brand: dict[str, str] = {}
    surnames = [_name(rng, used, (2, 3, 3)) for _ in range(600)]
    for first, last in itertools.product(_FIRST_NAMES, surnames):
        if rng.random() < 0.08:
            person = f"{first} {last}"
            people.append(person)
            person_brand[person] = brand_pool.items[brand_pool.draw(rng)]
    outlet_forms = (
        "{} Motor Weekly",
        "{}blog",
        "the {} Gazette",
        "{} Auto Forum",
        "{} Car News",
        "Radio {}",
        "{} Driver",
        "the {} Times",
    )
    outlets = [rng.choice(outlet_forms).format(_name(rng, used)) for _ in range(320)]
    towns = [
        _name(rng, used, (2, 3)) + rng.choice(("", "", "burg", "ville", " Springs"))
        for _ in range(420)
    ]
    vocab = Vocabulary(
        brands=brands,
        models=Pool(models, 1.0, rng),
        model_brand=model_brand,
        aliases=aliases,
        people=Pool(people, 0.9, rng),
        person_brand=person_brand,
    )
    vocab.pools = {
        "K": Pool(_MARKETS, 0.9, rng),
        "O": Pool(outlets, 0.9, rng),
        "L": Pool(towns, 0.8, rng),
        "F": Pool(_FEATURES, 0.8, rng),
        "C": Pool(_COLORS, 0.8, rng),
        "R": Pool(_PARTS, 0.8, rng),
        "Y": Pool([str(y) for y in range(2008, 2031)], 0.5, rng),
    }
    return vocab


def format_number(n: int, rng: random.Random) -> str:
    """Write a count the ways people do: 2,500 / 2500 / 2.5k."""
    choice = rng.random()
    if n >= 1000 and n % 100 == 0 and choice < 0.2:
        return f"{n / 1000:g}k"
    if n >= 1000 and choice < 0.6:
        return f"{n:,}"
    return str(n)


def _count(rng: random.Random) -> int:
    """Return a plausible count of cars (tens to tens of thousands)."""
    magnitude = rng.choice((10, 10, 100, 100, 100, 1000))
    return rng.randint(1, 99) * magnitude if magnitude > 10 else rng.randint(3, 900)


@dataclass(frozen=True, slots=True)
class GenEntry:
    """A generated entry, with the phrasings it keeps back for the benchmark's paraphrases."""

    entry: Entry
    intent: str
    slot_words: tuple[str, ...]
    held_out: tuple[str, ...]
    model: str | None
    alias: str | None


@dataclass(frozen=True, slots=True)
class Generated:
    """All generated entries for the largest size, the sources they cite and synonym groups."""

    entries: tuple[GenEntry, ...]
    sources: dict[str, Source]
    synonyms: tuple[tuple[str, ...], ...]
    left_out: tuple[str, ...] = ()  # generated entries dropped so that check's lint passes
    crowded: tuple[str, ...] = ()  # real phrasings that generated entries took (too vague)


def _key(text: str) -> str:
    """Return a cheap stand-in for phrase_key (the loader still checks the real one)."""
    return " ".join(_WORD.findall(text.lower().replace(",", "")))


def _render(template: str, values: dict[str, str]) -> str:
    """Fill a template; capitalise it when it starts with a slot."""
    text = template.format(**values)
    return text[0].upper() + text[1:] if template[0] == "{" and values else text


def generate(count: int, real: Knowledge, seed: int = SEED) -> Generated:
    """Generate ``count`` entries whose phrasings clash with no real or earlier phrasing."""
    rng = random.Random(seed)
    vocab = build_vocabulary(rng)
    alias_of = dict(vocab.aliases)
    taken = {_key(q) for e in real.entries for q in e.questions}
    used_slots: set[tuple[str, frozenset[str]]] = set()
    intents = list(INTENTS)
    intent_cum = list(itertools.accumulate(i.weight for i in intents))
    sources: dict[str, Source] = {}
    by_model: dict[str, list[str]] = {}
    entries: list[GenEntry] = []
    real_ids = [e.id for e in real.entries]

    source_ids: dict[str, str] = {}

    def source_for(name: str, kind: str) -> str:
        """Return the id of the source for ``name``, creating it on first use."""
        sid = source_ids.get(name)
        if sid is None:
            sid = source_ids[name] = f"s{len(source_ids)}"
            title = f"{name}: interview" if kind == "interview" else f"{name} coverage"
            sources[sid] = Source(sid, title, name, SourceKind(kind))
        return sid

    while len(entries) < count:
        intent = intents[bisect.bisect(intent_cum, rng.random() * intent_cum[-1])]
        values: dict[str, str] = {}
        for _ in range(40):
            values = {}
            for slot in intent.slots:
                if slot in ("M", "M2"):
                    values[slot] = vocab.models.items[vocab.models.draw(rng)]
                elif slot == "P":
                    values[slot] = vocab.people.items[vocab.people.draw(rng)]
                elif slot == "N":
                    values[slot] = str(_count(rng))
                else:
                    pool = vocab.pools[slot]
                    values[slot] = pool.items[pool.draw(rng)]
            key = (intent.name, frozenset(values.values()))
            if len(set(values.values())) == len(values) and key not in used_slots:
                break
        else:
            continue
        used_slots.add(key)
        number = int(values["N"]) if "N" in values else _count(rng)
        model = values.get("M")
        person = values.get("P") or vocab.people.items[vocab.people.draw(rng)]
        outlet = values.get("O") or vocab.pools["O"].items[vocab.pools["O"].draw(rng)]
        fields = {
            "M": model or "",
            "Ms": f"{model}s" if model else "",
            "M2": values.get("M2", ""),
            "B": vocab.model_brand.get(model or "", ""),
            "K": values.get("K", ""),
            "P": person,
            "Ps": f"{person}'s",
            "PB": vocab.person_brand[person],
            "O": outlet,
            "L": values.get("L", ""),
            "F": values.get("F", ""),
            "C": values.get("C") or vocab.pools["C"].items[vocab.pools["C"].draw(rng)],
            "R": values.get("R", ""),
            "Y": values.get("Y") or vocab.pools["Y"].items[vocab.pools["Y"].draw(rng)],
        }
        answer_fields = {
            **fields,
            "N": f"{number:,}",
            "PRICE": f"${rng.randint(25, 140)},{rng.randint(0, 9)}00",
            "MONTH": rng.choice(_MONTHS),
            "ROLE": rng.choice(_ROLES),
            "CLAIM": rng.choice(_CLAIMS),
            "VERDICT": rng.choice(_VERDICTS),
            "SPEED": rng.choice(_SPEEDS),
            "OFFER": rng.choice(_OFFERS),
            "O2": vocab.pools["O"].items[vocab.pools["O"].draw(rng)],
        }
        templates = list(intent.templates)
        rng.shuffle(templates)
        keep = rng.choice((2, 3, 3))
        rendered: list[str] = []
        for template in templates:
            text = _render(template, {**fields, "N": format_number(number, rng)})
            rendered.append(text)
        keys = [_key(q) for q in rendered[:keep]]
        phrasings = [q for q, k in zip(rendered, keys, strict=False) if k not in taken]
        if not phrasings:
            continue
        taken.update(keys)
        index = len(entries)
        eid = f"g{index:06d}"
        status = rng.choices(
            ("fact", "rumor", "opinion", "denied", "disputed"), (30, 40, 15, 8, 7)
        )[0]
        claimed_by = outlet if rng.random() < 0.6 else person
        cites = [source_for(outlet, "article")]
        if "P" in values and rng.random() < 0.5:
            cites.append(source_for(person, "interview"))
        related: list[str] = []
        conflicts: list[str] = []
        earlier = by_model.get(model or "", [])
        if earlier and rng.random() < 0.12:
            related = rng.sample(earlier, min(len(earlier), rng.choice((1, 2))))
        elif rng.random() < 0.01:
            related = [rng.choice(real_ids)]
        if earlier and intent.name in ("alloc", "total", "rumor") and rng.random() < 0.1:
            conflicts = [rng.choice(earlier)]
            status = "disputed"
            related = [r for r in related if r not in conflicts]
        keywords = (
            tuple(rng.sample(intent.keywords, rng.choice((1, 2)))) if rng.random() < 0.25 else ()
        )
        entry = Entry(
            id=eid,
            questions=tuple(phrasings),
            answer=_render(intent.answer, answer_fields),
            status=Status(status),
            claimed_by=claimed_by,
            sources=tuple(cites),
            related=tuple(related),
            conflicts_with=tuple(conflicts),
            keywords=keywords,
        )
        slot_words = tuple(w for v in values.values() for w in v.lower().split())
        entries.append(
            GenEntry(
                entry=entry,
                intent=intent.name,
                slot_words=slot_words,
                held_out=tuple(rendered[keep:]),
                model=model,
                alias=alias_of.get(model or ""),
            )
        )
        if model:
            by_model.setdefault(model, []).append(eid)
    synonyms = tuple((model.lower(), alias) for model, alias in vocab.aliases)
    return Generated(tuple(entries), sources, synonyms)


def _q(text: str) -> str:
    """Quote text as a YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _plain(text: str) -> str:
    """Write text unquoted when YAML reads it back as the same plain string."""
    return text if _PLAIN.fullmatch(text) else _q(text)


def _flow(items: Iterable[str]) -> str:
    """Write a list of texts as a YAML flow sequence."""
    return "[" + ", ".join(_q(i) for i in items) + "]"


def _ids(items: Iterable[str]) -> str:
    """Write a list of slugs as a YAML flow sequence."""
    return "[" + ", ".join(items) + "]"


def _source_lines(source: Source) -> list[str]:
    """Return the YAML lines of one source."""
    lines = [
        f"- id: {source.id}",
        f"  title: {_q(source.title)}",
        f"  outlet: {_q(source.outlet)}",
        f"  kind: {source.kind.value}",
    ]
    lines += [
        f"  {key}: {_q(value)}"
        for key in ("author", "date", "url")
        if (value := getattr(source, key)) is not None
    ]
    return lines


def _entry_lines(entry: Entry) -> list[str]:
    """Return the YAML lines of one entry."""
    lines = [
        f"- id: {entry.id}",
        f"  questions: {_flow(entry.questions)}",
        f"  answer: {_q(entry.answer)}",
        f"  status: {entry.status.value}",
        f"  claimed_by: {_plain(entry.claimed_by)}",
        f"  sources: {_ids(entry.sources)}",
    ]
    for key in ("related", "conflicts_with"):
        if getattr(entry, key):
            lines.append(f"  {key}: {_ids(getattr(entry, key))}")
    for key in ("keywords", "tags"):
        if getattr(entry, key):
            lines.append(f"  {key}: {_flow(getattr(entry, key))}")
    return lines


def covered(real: Knowledge) -> tuple[tuple[str, ...], ...]:
    """Return the real file's synonym groups less those of topics it never covers.

    A group none of whose terms any real entry uses ("othermarket": canada, japan...; "topspeed")
    says the shipped sources never speak of that topic, so the matcher declines questions on it.
    The generated entries do speak of markets, colours and specs, so those groups would fold
    their distinct markets into one word; they are left out of generated files.
    """
    texts = " ".join(" ".join((*e.questions, e.answer, *e.keywords)) for e in real.entries).lower()
    return tuple(
        group
        for group in real.synonyms
        if any(re.search(rf"(?<!\w){re.escape(term)}(?!\w)", texts) for term in group)
    )


def render_file(real: Knowledge, generated: Generated, size: int) -> str:
    """Return the YAML of a knowledge file with the real entries and generated ones up to size."""
    chosen = [g.entry for g in generated.entries[: max(size - len(real.entries), 0)]]
    cited = {s for e in chosen for s in e.sources}
    lines = [
        f"# Generated by benchmarks.generate (v{GENERATOR_VERSION}, seed {SEED}): {size} entries:",
        f"# the {len(real.entries)} of {Path(real.path).name} and {len(chosen)} generated ones.",
        "version: 1",
        "synonyms:",
    ]
    lines += [f"- {_flow(group)}" for group in (*covered(real), *generated.synonyms)]
    lines.append("sources:")
    for source in real.sources.values():
        lines += _source_lines(source)
    for sid, source in generated.sources.items():
        if sid in cited:
            lines += _source_lines(source)
    lines.append("entries:")
    for entry in (*real.entries, *chosen):
        lines += _entry_lines(entry)
    return "\n".join(lines) + "\n"


def without(generated: Generated, drop: set[str]) -> Generated:
    """Return the generated entries less ``drop``, with references to them removed."""
    kept = []
    for g in generated.entries:
        if g.entry.id in drop:
            continue
        entry = g.entry
        if set(entry.related) & drop or set(entry.conflicts_with) & drop:
            entry = replace(
                entry,
                related=tuple(i for i in entry.related if i not in drop),
                conflicts_with=tuple(i for i in entry.conflicts_with if i not in drop),
            )
        kept.append(replace(g, entry=entry))
    return replace(generated, entries=tuple(kept))


def clashes(text: str, real: Knowledge) -> tuple[set[str], set[str]]:
    """Return the generated entries that make ``check``'s lint fail, and the real phrasings hit.

    A generated entry whose own phrasing goes elsewhere or is declined is dropped, and so is
    every generated entry that outranks a real entry on one of the real entry's phrasings.
    """
    knowledge = parse_knowledge(text, "generated")
    matcher = Matcher(knowledge)
    real_ids = set(real.by_id)
    drop: set[str] = set()
    hit: set[str] = set()
    for entry in knowledge.entries:
        for question in entry.questions:
            ranked = matcher.rank(question, limit=1)
            best = ranked[0] if ranked else None
            if best and best.score >= matcher.threshold and best.entry.id == entry.id:
                continue
            if entry.id not in real_ids:
                drop.add(entry.id)
                continue
            hit.add(question)
            for match in matcher.rank(question, limit=len(knowledge.entries)):
                if match.entry.id == entry.id:
                    break
                if match.entry.id not in real_ids:
                    drop.add(match.entry.id)
    return drop, hit


def write_files(
    sizes: Sequence[int],
    out: Path,
    real_path: Path | None = None,
    seed: int = SEED,
    lint_size: int = 1000,
) -> tuple[Knowledge, Generated, dict[int, Path]]:
    """Write one knowledge file per size into ``out``; return the inputs and the paths.

    The files up to ``lint_size`` entries pass ``python -m bot check`` (lint included): the
    generated entries that would fail it are left out of every size.
    """
    real = load_knowledge(real_path or default_knowledge_path())
    surplus = 200  # room for the entries left out
    generated = generate(max(max(sizes) - len(real.entries), 0) + surplus, real, seed)
    left_out: set[str] = set()
    crowded: set[str] = set()
    for _ in range(5):
        drop, hit = clashes(render_file(real, generated, min(lint_size, max(sizes))), real)
        if not drop:
            break
        generated = without(generated, drop)
        left_out |= drop
        crowded |= hit
    generated = replace(generated, left_out=tuple(sorted(left_out)), crowded=tuple(sorted(crowded)))
    out.mkdir(parents=True, exist_ok=True)
    paths: dict[int, Path] = {}
    for size in sizes:
        path = out / f"knowledge-{size}.yaml"
        text = render_file(real, generated, size)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        paths[size] = path
    return real, generated, paths


def main(argv: Sequence[str] | None = None) -> int:
    """Write the files and validate each with the loader."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--knowledge", type=Path, default=None, help="real knowledge file")
    args = parser.parse_args(argv)
    _, generated, paths = write_files(args.sizes, args.out, args.knowledge)
    if generated.crowded:
        print(f"Real phrasings too vague for a larger knowledge base: {list(generated.crowded)}")
    for path in paths.values():
        knowledge = load_knowledge(path)
        phrasings = sum(len(e.questions) for e in knowledge.entries)
        print(
            f"{path}: {len(knowledge.entries)} entries, {phrasings} phrasings, "
            f"{len(knowledge.sources)} sources, {path.stat().st_size / 1e6:.1f} MB"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
