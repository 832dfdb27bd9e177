"""The benchmark's questions: paraphrases and typos of known entries, and off-topic questions.

Paraphrases of generated entries start from a phrasing the entry keeps back (a template of its
intent that is not in the file), paraphrases of the real entries from one of their phrasings; both
are then reworded (synonyms people use, most of them unknown to the knowledge file), reordered,
shortened (dropped words) or framed casually. Typos add one or two slips of the finger to such a
paraphrase. Off-topic questions are hand-written in the style of the evaluation's off-topic items
and combined from templates, including car questions the knowledge does not cover.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass

from bot.core.knowledge.models import Knowledge
from bot.core.normalise.text import STOPWORDS, phrase_key

from .generate import Generated

CATEGORIES = ("real-paraphrase", "real-typo", "gen-paraphrase", "gen-typo", "offtopic")
"""Question categories, in table order."""


@dataclass(frozen=True, slots=True)
class Question:
    """One benchmark question: its text, its category and the entry it should reach (if any)."""

    text: str
    category: str
    expect: str | None

    def to_json(self) -> dict[str, str | None]:
        """Return the question as a JSON-ready dict."""
        return asdict(self)


# Rewordings people use; most are not synonyms the knowledge file knows.
_REWORDS: dict[str, tuple[str, ...]] = {
    "how many": ("what number of", "how much", "the number of", "what's the count of"),
    "getting": ("receiving", "going to get", "being sent"),
    "will be built": ("are being made", "will get produced", "get built"),
    "built": ("produced", "made", "assembled"),
    "made": ("built", "produced", "manufactured"),
    "cost": ("go for", "sell for", "run"),
    "price": ("cost", "pricing"),
    "expensive": ("pricey", "costly", "dear"),
    "say": ("claim", "state", "mention"),
    "said": ("claimed", "stated", "mentioned"),
    "talk about": ("discuss", "speak about", "comment on"),
    "comments": ("remarks", "statements", "words"),
    "report": ("article", "story", "piece"),
    "launch": ("release", "debut", "arrive", "come out"),
    "release date": ("launch date", "on sale date"),
    "video": ("clip", "footage", "film"),
    "clip": ("video", "footage"),
    "footage": ("video", "clip"),
    "available": ("offered", "sold"),
    "problems": ("issues", "faults", "troubles"),
    "issues": ("problems", "faults"),
    "failure": ("failing", "breaking", "problems"),
    "faster": ("quicker", "speedier"),
    "quicker": ("faster",),
    "job": ("role", "position", "title"),
    "role": ("job", "position"),
    "dealer": ("dealership", "showroom", "store"),
    "dealers": ("dealerships", "showrooms", "stores"),
    "cars": ("units", "vehicles"),
    "car": ("vehicle",),
    "will": ("is going to", "gonna"),
    "what is": ("what's",),
    "what's": ("what is",),
    "is it true": ("is it correct", "is it right", "can it be"),
    "worth": ("valued at",),
    "rumor": ("rumour", "gossip", "story"),
    "right": ("correct", "accurate"),
    "reliable": ("trustworthy", "accurate"),
    "trust": ("believe",),
    "numbers": ("figures", "stats"),
    "allocation": ("share", "allotment", "quota"),
    "production": ("output", "manufacturing"),
    "buy": ("get", "purchase"),
    "order": ("spec", "get"),
    "paint": ("colour", "color"),
    "fix": ("repair", "sort out"),
    "filmed": ("shot", "recorded"),
    "where": ("in which place",),
    "think": ("reckon", "believe"),
    "about": ("regarding", "on"),
    "the us": ("america", "the states"),
    "hard to get": ("difficult to get", "tough to find"),
    "collectors car": ("collectible", "future classic"),
}
_REWORD_PATTERNS = [
    (re.compile(rf"(?<![\w']){re.escape(k)}(?![\w'])", re.IGNORECASE), v)
    for k, v in sorted(_REWORDS.items(), key=lambda kv: -len(kv[0]))
]
_PREPOSITIONS = frozenset("for in of about on at to from with by".split())
_PREFIXES = ("hey ", "quick q: ", "anyone know ", "so ", "btw ", "hi, ", "question: ", "um ")
_SUFFIXES = ("", "?", "??", " lol", " thx", " anyone?", " please", "...")
_KEYBOARD = {
    c: n
    for row in ("qwertyuiop", "asdfghjkl", "zxcvbnm")
    for i, c in enumerate(row)
    for n in [row[max(i - 1, 0)] + row[min(i + 1, len(row) - 1)]]
}


def reword(text: str, rng: random.Random, limit: int = 2) -> str:
    """Replace up to ``limit`` words or phrases with ones people use instead."""
    done = 0
    for pattern, options in rng.sample(_REWORD_PATTERNS, len(_REWORD_PATTERNS)):
        if done >= limit:
            break
        if pattern.search(text):
            text = pattern.sub(rng.choice(options), text, count=1)
            done += 1
    return text


def reorder(text: str, rng: random.Random) -> str:
    """Move the part after a preposition to the front ("X for Y" -> "for Y, X")."""
    words = text.rstrip("?!. ").split()
    cuts = [i for i in range(1, len(words) - 1) if words[i].lower() in _PREPOSITIONS]
    if not cuts:
        return text
    cut = rng.choice(cuts)
    return " ".join([*words[cut:], *words[:cut]]).replace(",", "")


def drop(text: str, rng: random.Random, keep: frozenset[str], count: int = 1) -> str:
    """Drop up to ``count`` words that are not in ``keep`` nor numbers, function words first."""
    words = text.split()
    for _ in range(count):
        plain = [_bare(w) for w in words]
        weak = [i for i, w in enumerate(plain) if w in STOPWORDS and w not in keep]
        other = [
            i
            for i, w in enumerate(plain)
            if w not in keep and w not in STOPWORDS and not any(c.isdigit() for c in w)
        ]
        pool = weak if weak and (rng.random() < 0.7 or not other) else other
        if len(words) <= 3 or not pool:
            break
        del words[rng.choice(pool)]
    return " ".join(words)


def _bare(word: str) -> str:
    """Return a word lower-cased without punctuation, possessive or plural s."""
    word = word.strip("?,.!:").lower().removesuffix("'s")
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def frame(text: str, rng: random.Random) -> str:
    """Frame a question casually: a prefix, no capitals, a different ending."""
    body = text.rstrip("?!. ")
    if rng.random() < 0.5:
        body = body.lower()
    if rng.random() < 0.5:
        head = body[0].lower() if body[1:2].islower() else body[0]
        body = rng.choice(_PREFIXES) + head + body[1:]
    return body + rng.choice(_SUFFIXES)


def typo(text: str, rng: random.Random, count: int = 1) -> str:
    """Add ``count`` slips to words of five letters or more (swap, drop, double or near key)."""
    words = text.split()
    spots = [
        i for i, w in enumerate(words) if len(w.rstrip("?,.!")) >= 5 and w.rstrip("?,.!").isalpha()
    ]
    for i in rng.sample(spots, min(count, len(spots))):
        core = words[i].rstrip("?,.!")
        tail = words[i][len(core) :]
        j = rng.randrange(1, len(core) - 1)
        kind = rng.choice(("swap", "drop", "double", "near"))
        if kind == "swap":
            core = core[:j] + core[j + 1] + core[j] + core[j + 2 :]
        elif kind == "drop":
            core = core[:j] + core[j + 1 :]
        elif kind == "double":
            core = core[:j] + core[j] + core[j:]
        else:
            core = core[:j] + rng.choice(_KEYBOARD.get(core[j].lower(), core[j])) + core[j + 1 :]
        words[i] = core + tail
    return " ".join(words)


_OFFTOPIC_FIXED = """
What's the best way to get red wine out of a carpet?
Who painted the ceiling of the Sistine Chapel?
How long should I boil an egg for a runny yolk?
Is it going to rain in Lisbon tomorrow?
what's 17 times 23
Can you recommend a good podcast about history?
How do I reset my router password?
Why is the sky blue?
Who is the current prime minister of Canada?
How many calories are in a banana?
good night
lol
are you a real person
tell me a joke
What's the plural of octopus?
How do I get rid of fruit flies in the kitchen?
Which planet has the most moons?
What's the difference between a crocodile and an alligator?
How tall is Mount Kilimanjaro?
Can dogs eat grapes?
How do I cancel my gym membership?
What time does the sun set in Oslo in December?
Who invented the telephone?
Best pizza place near the train station?
How do you say thank you in Japanese?
What's the score of the football game?
How much should I tip a waiter in the US?
What's a good name for a goldfish?
Is coffee bad for you?
Why do cats purr?
Where is the nearest pharmacy?
How do I make my sourdough starter more active?
What does HTTP stand for?
Which is bigger, a blue whale or a megalodon?
How old is the universe?
Should I learn Spanish or French?
What's the best laptop for programming?
How do I unclog a shower drain?
When did the Berlin Wall fall?
How many players are on a rugby team?
How do I change a flat tyre on a bicycle?
What oil does a 2008 Honda Civic take?
How often should I rotate my tyres?
What's the towing capacity of a Ford F-150?
Is a Tesla Model 3 cheaper to run than a Toyota Prius?
How do I jump start a car with a dead battery?
What's the speed limit on German autobahns?
How much does a driving lesson cost?
Why is my check engine light on?
Can I drive in Italy with a US licence?
Which electric SUV has the longest range?
How do I get a parking permit in my city?
What's the cheapest car insurance for new drivers?
How many production workers does a bakery need?
Who won the Tour de France last year?
How do I beat the final boss in Elden Ring?
What's the wifi password?
Can you help me with my maths homework?
How do I file my taxes online?
What's the population of Tokyo?
what should I cook for dinner tonight
How do I grow tomatoes on a balcony?
Who sang Bohemian Rhapsody?
Is it safe to swim after eating?
What's the best time to visit Iceland?
How many bones does a human have?
Where do penguins live?
what are you doing this weekend
How do I knit a scarf?
What year did the Titanic sink?
Which programming language should I learn first?
How do I delete my Facebook account?
Why do onions make you cry?
What's the fastest land animal?
How do I remove a stripped screw?
What is the meaning of life?
Who discovered penicillin?
How many teaspoons are in a tablespoon?
How do I stop my dog barking at night?
Is Pluto a planet?
What are the rules of chess castling?
How do I write a cover letter?
Where can I watch the new Star Wars series?
How fast does light travel?
What's the best sunscreen for kids?
How do I fold a fitted sheet?
What's the tallest building in the world?
Can you book me a table for two at 8?
How do I convert Celsius to Fahrenheit?
Who is the richest person in the world?
How do I make my houseplants stop dying?
What's the best way to learn touch typing?
Why does my knee click when I squat?
Who was the first woman to win a Nobel Prize?
How deep is the Mariana Trench?
What's the difference between weather and climate?
Can I freeze cooked rice?
how r u
what's up
Are you ChatGPT?
Do you dream?
Sing me a song
what day is it today
Who won the last election in France?
What's the best way to store fresh herbs?
How long does it take to walk around the world?
What is a black hole made of?
Is it cheaper to rent or buy a house?
How do vaccines work?
Why do we have leap years?
What's the best chess opening for beginners?
How do I clean suede shoes?
How many hours of sleep does a teenager need?
Where is the Great Barrier Reef?
What causes the northern lights?
How do I stop my glasses fogging up?
Who built the pyramids?
What's the loudest animal on earth?
How much water should I drink a day?
Can you set a timer for ten minutes?
How do I change the language on my phone?
Why is the ocean salty?
What's a good gift for a five year old?
How do I repot an orchid?
What language do they speak in Brazil?
How long do tortoises live?
What's the healthiest breakfast cereal?
How do I get a passport renewed quickly?
Who was Cleopatra?
What is the speed of sound?
How do I descale a kettle?
Which came first, the chicken or the egg?
Is it worth learning Latin?
What's the best board game for four players?
How do I make a paper aeroplane fly further?
What's the boiling point of water on Everest?
Who plays Batman in the latest film?
How do I get over a breakup?
What's the best way to memorise a speech?
How are rainbows formed?
Should I get a cat or a dog?
What's the most spoken language in the world?
How do I fix a squeaky door?
Why do leaves change colour in autumn?
How long should a cover letter be?
What's the cheapest way to heat a house?
How do I get my bike chain back on?
Who composed the Four Seasons?
What's the difference between baking soda and baking powder?
How can I save money on groceries?
How long is a marathon?
How do I remove a wine cork without a corkscrew?
What do pandas eat?
Can I take my cat on a plane?
How do I set up a VPN?
What's the fastest way to learn to code?
How much does it cost to fly to Japan?
What's a good stretch for lower back pain?
What are the lyrics to Happy Birthday?
How do I find my blood type?
Which wine goes with salmon?
Is it rude to leave a party early?
How do I get chewing gum out of hair?
What's the longest river in Europe?
Why do I sneeze when I look at the sun?
How do I reset my car's clock after a battery change?
How much air should go in a car tyre?
What does a timing belt do on a Honda?
How do I get a scratch out of my car's paint?
Is it bad to warm up a diesel engine in winter?
How do I pair my phone with my car's Bluetooth?
Which car seats are safest for newborns?
How much is a new windscreen?
What's the best way to wash a car by hand?
How do I prepare for a driving test?
""".strip().splitlines()

_OFFTOPIC_TEMPLATES = (
    (
        "What's a good recipe for {}?",
        "lasagna|banana bread|chicken curry|pad thai|risotto|pancakes|chili con carne|"
        "apple pie|gazpacho|falafel|ramen|tiramisu|goulash|paella|carrot cake|hummus",
    ),
    (
        "How do I {}?",
        "tie a bowline knot|whiten my teeth|fix a leaking tap|learn to juggle|train for a marathon|"
        "improve my handwriting|sleep better|paint a room quickly|clean a cast iron pan|"
        "negotiate a raise|start a vegetable garden|meditate|back up my phone|lower my rent|"
        "get better at chess|make cold brew coffee|stop procrastinating|build a birdhouse",
    ),
    (
        "Who won the {} last year?",
        "Super Bowl|World Cup|Eurovision|Wimbledon final|Nobel Prize in Physics|Oscars for best "
        "picture|Champions League|Masters golf|Boston Marathon|Booker Prize|NBA finals|Stanley Cup",
    ),
    (
        "What's the weather like in {} this week?",
        "Madrid|Toronto|Cairo|Seoul|Lima|Dublin|Prague|Nairobi|Auckland|Chicago|Mumbai|Reykjavik",
    ),
    (
        "Can you recommend a good {}?",
        "fantasy novel|board game for kids|hiking trail|sci-fi film|jazz album|yoga app|"
        "houseplant for low light|coffee grinder|budget phone|running shoe|crime podcast|"
        "museum in London|anime series|beginner guitar|mattress for back pain|text editor",
    ),
    (
        "How many {} are there?",
        "moons around Jupiter|stars in the Milky Way|islands in Greece|languages in the world|"
        "bones in the human body|species of ants|time zones in Russia|official languages in "
        "Switzerland|elements in the periodic table|keys on a piano|countries in Africa",
    ),
    (
        "What's the capital of {}?",
        "Australia|Canada|Brazil|Nigeria|Kazakhstan|Mongolia|Peru|Finland|Vietnam|Kenya|Morocco",
    ),
    (
        "Translate '{}' into {}",
        "good morning|where is the station|I love you|how much is this|happy birthday|cheers",
        "German|Spanish|Korean|Italian|Swahili|Dutch|Polish|Greek",
    ),
    (
        "Is it safe to {}?",
        "run with a cold|fly when pregnant|drive in fog|swim in a thunderstorm|go hiking alone|"
        "take ibuprofen on an empty stomach|eat sushi every day|travel with a broken arm",
    ),
    (
        "Who wrote {}?",
        "Pride and Prejudice|The Odyssey|Don Quixote|War and Peace|Moby Dick|The Hobbit|"
        "One Hundred Years of Solitude|Beloved|The Trial|Frankenstein|Dracula|Middlemarch",
    ),
    (
        "What does the word {} mean?",
        "serendipity|ubiquitous|ephemeral|petrichor|quixotic|laconic|sonder|hygge|zeitgeist|"
        "schadenfreude|gaslighting|mellifluous",
    ),
    (
        "When is {} this year?",
        "Easter|Diwali|Ramadan|Thanksgiving|Chinese New Year|Hanukkah|Mother's Day|Oktoberfest|"
        "the summer solstice|the next full moon",
    ),
    (
        "Where can I buy {}?",
        "cheap concert tickets|a second-hand piano|fresh sourdough|vintage vinyl records|"
        "a good yoga mat|organic coffee beans|a wedding dress|stamps|a fishing licence",
    ),
    (
        "What are the symptoms of {}?",
        "the flu|hay fever|dehydration|burnout|anaemia|a concussion|food poisoning|jet lag",
    ),
    (
        "What's the best {} for {}?",
        "tyre|car seat|dash cam|roof box|phone holder",
        "winter|a toddler|a long road trip|a small hatchback|camping",
    ),
)


def offtopic_pool(rng: random.Random) -> list[str]:
    """Return every off-topic question, shuffled: the fixed ones and the templated ones."""
    pool = list(_OFFTOPIC_FIXED)
    for template, *lists in _OFFTOPIC_TEMPLATES:
        options = [items.split("|") for items in lists]
        if len(options) == 1:
            pool += [template.format(a) for a in options[0]]
        else:
            pool += [template.format(a, b) for a in options[0] for b in options[1]]
    pool = list(dict.fromkeys(pool))
    rng.shuffle(pool)
    return pool


def _unique(
    make: Callable[[random.Random], tuple[str, str] | None],
    count: int,
    rng: random.Random,
    taken: set[str],
) -> list[tuple[str, str]]:
    """Make ``count`` questions whose phrase keys are new."""
    out: list[tuple[str, str]] = []
    tries = 0
    while len(out) < count and tries < count * 50:
        tries += 1
        made = make(rng)
        if made is None:
            continue
        key = phrase_key(made[0])
        if key and key not in taken:
            taken.add(key)
            out.append(made)
    return out


def _paraphrase(text: str, rng: random.Random, keep: frozenset[str], steps: int) -> str:
    """Apply ``steps`` rewordings, maybe drop words, in a natural order."""
    moves = rng.sample((reword, reorder, frame), min(steps, 3))
    if reword in moves:
        text = reword(text, rng)
    if reorder in moves:
        text = reorder(text, rng)
    if rng.random() < 0.4:
        text = drop(text, rng, keep, rng.choice((1, 1, 2)))
    return frame(text, rng) if frame in moves else text


def build_questions(
    real: Knowledge,
    generated: Generated,
    *,
    gen_entries: int,
    counts: dict[str, int],
    seed: int,
    offtopic: Sequence[str],
    taken: set[str] | None = None,
) -> list[Question]:
    """Build a question mix with ``counts[category]`` questions, none equal to a phrasing.

    Generated entries are taken from the first ``gen_entries`` only, so the questions are valid
    for every file at least that large.
    """
    rng = random.Random(seed)
    taken = taken if taken is not None else set()
    taken |= {phrase_key(q) for e in real.entries for q in e.questions}
    pool = generated.entries[:gen_entries]
    taken |= {phrase_key(q) for g in pool for q in g.entry.questions}
    real_entries = list(real.entries)

    def real_question(r: random.Random, typos: int) -> tuple[str, str] | None:
        """Paraphrase a phrasing of a random real entry."""
        entry = r.choice(real_entries)
        text = _paraphrase(r.choice(entry.questions), r, frozenset(), r.choice((1, 2, 2)))
        return (typo(text, r, typos) if typos else text), entry.id

    def gen_question(r: random.Random, typos: int) -> tuple[str, str] | None:
        """Paraphrase a held-out phrasing of a random generated entry."""
        if not pool:
            return None
        g = r.choice(pool)
        if not g.held_out:
            return None
        text = r.choice(g.held_out)
        if g.alias and g.model and r.random() < 0.5:
            text = re.sub(re.escape(g.model), g.alias, text, flags=re.IGNORECASE)
        keep = frozenset(_bare(w) for w in g.slot_words)
        text = _paraphrase(text, r, keep, r.choice((0, 1, 1, 2)))
        return (typo(text, r, typos) if typos else text), g.entry.id

    makers: dict[str, Callable[[random.Random], tuple[str, str] | None]] = {
        "real-paraphrase": lambda r: real_question(r, 0),
        "real-typo": lambda r: real_question(r, r.choice((1, 1, 2))),
        "gen-paraphrase": lambda r: gen_question(r, 0),
        "gen-typo": lambda r: gen_question(r, r.choice((1, 1, 2))),
    }
    questions: list[Question] = []
    for category in CATEGORIES:
        want = counts.get(category, 0)
        if category == "offtopic":
            texts = [q for q in offtopic if phrase_key(q) not in taken][:want]
            questions += [Question(q, category, None) for q in texts]
            continue
        made = _unique(makers[category], want, rng, taken)
        questions += [Question(text, category, expect) for text, expect in made]
    rng.shuffle(questions)
    return questions
