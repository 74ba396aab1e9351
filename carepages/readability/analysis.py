"""A readability analysis of Dutch patient texts: score, level against B1, and what to rewrite.

Pure functions on plain text; `page_text` (text.py) turns a page into the blocks analysed
here. What it measures and how it relates to LiNT-II and Flesch–Douma: docs/readability.md.

* Sentences: split at . ! ? (and at the end of a block: a list item or a heading is
  a unit of its own). Abbreviations ("bv.", "o.a.", "dr.", "enz.") do not end a sentence;
  "enz."/"etc." followed by a capital does, since its dot is then also the full stop.
* Syllables: the Dutch hyphenation patterns of `pyphen` (nl_NL), which split at syllables.
* Possible jargon: words rare in everyday Dutch by `wordfreq` (Zipf frequency below
  JARGON_ZIPF), unless they are a compound of everyday words or the page explains them.
* Passive: a form of "worden" or "zijn" with a past participle in the same sentence, as a hint.
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import pyphen
from wordfreq import zipf_frequency

#: A word below this Zipf frequency (about 0.3 per million words) is rare in everyday
#: Dutch: "lumbago" 1.6, "dyspneu" 1.6, "kortademig" 2.4, but "ontsteking" 3.8, "insuline" 3.3.
JARGON_ZIPF = 2.5
#: A sentence longer than this is hard to read at B1 (the usual advice: 15 to 20 words).
LONG_SENTENCE_WORDS = 20

#: Flesch–Douma score from which a text is at this level or easier, easiest level first.
#: Calibrated on the texts in calibration/: each threshold lies about midway between the
#: lowest score of a level's texts and the highest score of the next harder level's
#: (A2 108–109, B1 85–95, B2 26–47, specialist −43 to −11; docs/readability.md).
LEVELS: tuple[tuple[str, float], ...] = (("A2", 100.0), ("B1", 65.0), ("B2", 5.0), ("C1+", float("-inf")))
LEVEL_ORDER = [name for name, _ in LEVELS]
#: Below this score a text is harder than B1.
B1_LOWEST_SCORE = dict(LEVELS)["B1"]

#: Everyday words in Flanders that a corpus of mostly Netherlands' Dutch finds rare.
EVERYDAY_WORDS = frozenset(
    {"kinesitherapeut", "kinesitherapeuten", "kinesitherapie", "kinesist", "kiné", "mutualiteit", "remgeld"}
)

#: Abbreviations whose dot does not end a sentence (lowercase, with their dots).
ABBREVIATIONS = frozenset(
    {
        "bv.", "bijv.", "o.a.", "dr.", "drs.", "prof.", "dhr.", "mevr.", "mr.", "ca.", "nr.", "vb.",
        "enz.", "etc.", "e.d.", "e.a.", "d.w.z.", "m.a.w.", "i.p.v.", "t.e.m.", "t.o.v.", "evt.",
        "incl.", "excl.", "max.", "min.", "resp.", "z.o.z.", "a.u.b.", "p.", "blz.", "tel.", "vnl.",
        "ong.", "gem.", "ml.", "mg.", "st.",
    }
)  # fmt: skip
#: Abbreviations that close a list: followed by a capital, their dot also ends the sentence.
LIST_ENDINGS = frozenset({"enz.", "etc.", "e.d.", "e.a."})

# A word: letters with inner hyphens or apostrophes ("COVID-19" too), an abbreviation with
# dots ("o.a."), or a number ("2,5").
_WORD = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+(?:[-'’][^\W_]+)*|\d+(?:[.,]\d+)*")
# A candidate sentence end: the token before it, the terminators, then space or the end.
_INITIALS = re.compile(r"(?:[^\W\d_]\.)+")  # "a.", "d.w.z.": initials and short forms
_END = re.compile(r"([.!?…]+)[\"'”’)]*(?=\s|$)")
# What follows a word when the page explains it: "lumbago (spit)", "lumbago, of spit",
# "lumbago: dat is ...", "lumbago, ook wel spit".
_EXPLAINED_AFTER = re.compile(
    r"^\s*(?:\(|[,:–-]?\s*(?:of|dat is|dit is|ook wel|dat wil zeggen|d\.w\.z\.|m\.a\.w\.|"
    r"oftewel|met andere woorden|betekent|wil zeggen|is een)(?=\W|$))",
    re.IGNORECASE,
)
# What precedes a word that the page explains: "spit (lumbago)", "ook wel lumbago (genoemd)".
_EXPLAINED_BEFORE = re.compile(r"(?:\(|\b(?:ook wel|of|oftewel|heet|noemen we|genoemd))\s*$", re.IGNORECASE)

PASSIVE_AUXILIARIES = frozenset({"word", "wordt", "worden", "werd", "werden", "geworden"})
#: "zijn" + participle is a passive ("de operatie is uitgevoerd") or an active perfect
#: ("de pijn is verdwenen"): a hint only, minus the participles that are nearly always active.
PERFECT_AUXILIARIES = frozenset({"is", "zijn", "was", "waren", "ben", "bent"})
ACTIVE_WITH_ZIJN = frozenset(
    {
        "gegaan", "gekomen", "gebleven", "geworden", "gevallen", "gestopt", "gestorven", "geweest",
        "gelopen", "gegroeid", "genezen", "verdwenen", "begonnen", "gebeurd", "veranderd", "verbeterd",
        "verslechterd", "ontstaan", "opgestaan", "overleden", "geslaagd", "gestegen", "gedaald",
    }
)  # fmt: skip
#: Irregular past participles without the "ge…d/t" form, or without "ge-" at all.
IRREGULAR_PARTICIPLES = frozenset(
    {
        "gedaan", "gegeven", "genomen", "gezien", "geschreven", "gesproken", "gebroken", "gevonden",
        "gedragen", "gelezen", "gemeten", "gestoken", "gesneden", "gebonden", "gewogen", "getrokken",
        "geholpen", "gebracht", "gedacht", "gezocht", "gekocht", "gelegen", "geslagen", "gegeten",
        "gedronken", "geroepen", "verboden", "verbonden", "ontvangen", "onderzocht", "ondersteund",
        "voorgeschreven", "opgenomen", "ingenomen", "afgenomen", "toegediend", "aangeraden",
        "aanbevolen", "verwezen", "besproken", "bekeken", "behandeld", "verwijderd", "vervangen",
        "herhaald", "gemeld", "gevraagd", "geplaatst", "gecontroleerd", "uitgevoerd", "ingespoten",
        "overwogen", "doorverwezen", "ondergaan", "overgedragen",
    }
)  # fmt: skip
#: Words of the form "ge…d/t/en" that are no participle.
NOT_PARTICIPLES = frozenset(
    {
        "gezond", "gewoon", "gelijk", "gevaarlijk", "gewricht", "gewrichten", "gebied", "geduld",
        "gerust", "gebit", "gezicht", "geest", "genoeg", "gedrag", "gewicht", "gevoelig", "geheugen",
        "gemiddeld", "gesprekken", "gebieden", "gezin", "gezinnen", "geen", "geven",
        "gelden", "geld", "geleden", "genen", "gevoelen", "geneesmiddelen", "gewend", "gehad", "bewust",
        "bedrust", "verlof", "verbest", "verschrikt",
    }
)  # fmt: skip
# Separable prefixes in participles such as "op-ge-nomen", "voor-ge-schreven", "uit-ge-voerd".
_PARTICIPLE = re.compile(
    r"^(?:op|uit|voor|af|aan|in|mee|door|na|toe|terug|vast|weg|bij|samen|over|onder|om|los)?"
    r"ge[a-zà-ÿ]{2,}(?:d|t|en)$"
)
# Prefixed verbs take no "ge-": "behandeld", "verwijderd", "ontdekt", "herhaald", "erkend".
# Only -d, or -t after k/f/p/s/ch ("ontdekt", "belast", "verkocht"), as the participle ending goes.
_PREFIXED_PARTICIPLE = re.compile(r"^(?:be|ver|ont|her|er)[a-zà-ÿ]{2,}(?:d|[kfps]t|cht)$")
_CONTEXT = 40  # characters around a rare word in which an explanation may stand
_PASSIVE_WINDOW = 10  # words after the auxiliary in which its participle may stand


@dataclass(frozen=True)
class LongSentence:
    text: str
    words: int

    @property
    def reason(self) -> str:
        return f"{self.words} woorden, meer dan {LONG_SENTENCE_WORDS}"


@dataclass(frozen=True)
class Passive:
    sentence: str
    construction: str  # e.g. "wordt … uitgevoerd"


@dataclass(frozen=True)
class Report:
    """The readability of one text; `score` is Flesch–Douma (higher is easier)."""

    sentences: int
    words: int
    syllables: int
    score: float
    level: str
    long_sentences: tuple[LongSentence, ...]
    jargon: tuple[str, ...]
    passives: tuple[Passive, ...]

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def syllables_per_word(self) -> float:
        return self.syllables / self.words if self.words else 0.0

    @property
    def above_b1(self) -> bool:
        return LEVEL_ORDER.index(self.level) > LEVEL_ORDER.index("B1")


def split_sentences(block: str) -> list[str]:
    """The sentences of one block of running text (a paragraph, a list item)."""
    sentences: list[str] = []
    start = 0
    for match in _END.finditer(block):
        token_start = block.rfind(" ", 0, match.start()) + 1
        token = block[token_start : match.end(1)].lower().lstrip("(\"'“‘")
        if match.group(1) == "." and _is_abbreviation(token, block, match.end()):
            continue
        sentence = block[start : match.end()].strip()
        if sentence:
            sentences.append(sentence)
        start = match.end()
    rest = block[start:].strip()
    if _WORD.search(rest):
        sentences.append(rest)
    return sentences


def _is_abbreviation(token: str, block: str, end: int) -> bool:
    """Whether the dot ending `token` belongs to an abbreviation, not to the sentence."""
    is_abbreviation = token in ABBREVIATIONS or _INITIALS.fullmatch(token) is not None
    if not is_abbreviation:
        return False
    following = block[end:].lstrip()
    if not following:
        return False  # the block ends here: so does the sentence
    return not (token in LIST_ENDINGS and following[0].isupper())


def words(text: str) -> list[str]:
    return _WORD.findall(text)


@lru_cache(maxsize=1)
def _hyphenator() -> pyphen.Pyphen:
    # left/right 1: count every syllable, not only where a line may be broken.
    return pyphen.Pyphen(lang="nl_NL", left=1, right=1)


@lru_cache(maxsize=20_000)
def syllables(word: str) -> int:
    """Syllables of one word by the Dutch hyphenation patterns; a number or an abbreviation counts 1."""
    if not word[0].isalpha() or "." in word:
        return 1
    hyphenator = _hyphenator()
    parts = [part for part in word.lower().replace("’", "'").split("-") if part]
    return sum(len(hyphenator.positions(part)) + 1 for part in parts)


@lru_cache(maxsize=20_000)
def _zipf(word: str) -> float:
    return zipf_frequency(word, "nl")


@lru_cache(maxsize=20_000)
def is_rare(word: str) -> bool:
    """Rare in everyday Dutch: low Zipf frequency and no compound of two everyday words."""
    word = word.lower()
    if word in EVERYDAY_WORDS or _zipf(word) >= JARGON_ZIPF:
        return False
    if "-" in word:
        return any(is_rare(part) for part in word.split("-") if part)
    return not _is_compound(word)


def _is_compound(word: str) -> bool:
    """Whether `word` splits into two everyday words, with a linking s/e/en ("ontsteking-s-remmers")."""
    for cut in range(3, len(word) - 2):
        head, tail = word[:cut], word[cut:]
        if _zipf(tail) < JARGON_ZIPF:
            continue
        for link in ("", "s", "e", "en"):
            stem = head[: len(head) - len(link)]
            if head.endswith(link) and len(stem) >= 3 and _zipf(stem) >= 3:
                return True
    return False


def _jargon(blocks: Sequence[str], known: Iterable[str]) -> tuple[str, ...]:
    """Rare words, once each in order of appearance, unless explained anywhere on the page."""
    explained = {word.lower() for name in known for word in words(name)}
    candidates: dict[str, None] = {}
    for block in blocks:
        for match in _WORD.finditer(block):
            word = match.group(0)
            key = word.lower()
            # Most words are common: the (cached) frequency test first keeps a page under 50 ms.
            if key in explained or not is_rare(key) or not _may_be_jargon(word, block, match.start()):
                continue
            # An explanation stands right next to the word: a short window is enough.
            before = block[max(match.start() - _CONTEXT, 0) : match.start()]
            after = block[match.end() : match.end() + _CONTEXT]
            if _EXPLAINED_AFTER.match(after) or _EXPLAINED_BEFORE.search(before):
                explained.add(key)
            else:
                candidates.setdefault(key)
    return tuple(word for word in candidates if word not in explained)


def _may_be_jargon(word: str, block: str, start: int) -> bool:
    if len(word) < 4 or not word[0].isalpha() or "." in word:
        return False
    # A capitalised word inside a sentence is a name (a place, a person, a brand).
    preceding = block[:start].rstrip(" \"'“‘(")
    sentence_start = not preceding or preceding[-1] in ".!?:"
    return not (word[0].isupper() and not word.isupper() and not sentence_start)


@lru_cache(maxsize=20_000)
def is_participle(word: str) -> bool:
    word = word.lower()
    if word in IRREGULAR_PARTICIPLES:
        return True
    if word in NOT_PARTICIPLES or len(word) < 5:
        return False
    if word.endswith(("dt", "heid")) or (word[-1] == "t" and word[-2] in "aeiouy"):
        return False  # "bevindt", "bestaat", "gebeurt": finite verbs; participles end in -d or consonant + t
    return bool(_PARTICIPLE.match(word) or _PREFIXED_PARTICIPLE.match(word))


def find_passive(sentence: str) -> Passive | None:
    """A form of "worden"/"zijn" with a participle after it (main clause) or just before it (subclause)."""
    tokens = [word.lower() for word in words(sentence)]
    for index, token in enumerate(tokens):
        if token in PASSIVE_AUXILIARIES:
            candidates = [
                *tokens[index + 1 : index + 1 + _PASSIVE_WINDOW],
                *tokens[max(index - 1, 0) : index],
            ]
            participle = next(
                (word for word in candidates if word != "geworden" and is_participle(word)), None
            )
        elif token in PERFECT_AUXILIARIES:
            participle = next(
                (
                    word
                    for word in tokens[index + 1 : index + 1 + _PASSIVE_WINDOW]
                    if word not in ACTIVE_WITH_ZIJN and is_participle(word)
                ),
                None,
            )
        else:
            continue
        if participle:
            return Passive(sentence, f"{token} … {participle}")
    return None


def flesch_douma(words_per_sentence: float, syllables_per_word: float) -> float:
    """Douma's 1960 adaptation of Flesch's reading ease to Dutch: higher is easier, about 0 to 100."""
    return 206.835 - 0.93 * words_per_sentence - 77 * syllables_per_word


def level_for(score: float) -> str:
    return next(name for name, lowest in LEVELS if score >= lowest)


def analyse(running_text: Sequence[str], headings: Sequence[str] = (), known: Iterable[str] = ()) -> Report:
    """Analyse a page: `running_text` blocks (intro, paragraphs, list items) are scored;
    `headings` (title, section headings) are checked for jargon and passives only, since
    short headings would flatter the sentence length; `known` words (the title, other names
    of the condition) count as explained."""
    sentences = [sentence for block in running_text for sentence in split_sentences(block)]
    sentence_words = [words(sentence) for sentence in sentences]
    word_count = sum(len(found) for found in sentence_words)
    syllable_count = sum(syllables(word) for found in sentence_words for word in found)
    if word_count:
        score = round(flesch_douma(word_count / len(sentences), syllable_count / word_count), 1)
    else:
        score = 100.0  # nothing to read is not hard to read
    long_sentences = tuple(
        LongSentence(sentence, len(found))
        for sentence, found in zip(sentences, sentence_words, strict=True)
        if len(found) > LONG_SENTENCE_WORDS
    )
    checked = [*headings, *sentences]
    passives = tuple(passive for text in checked if (passive := find_passive(text)))
    return Report(
        sentences=len(sentences),
        words=word_count,
        syllables=syllable_count,
        score=score,
        level=level_for(score),
        long_sentences=long_sentences,
        jargon=_jargon([*headings, *running_text], known),
        passives=passives,
    )
