"""Dutch text analysis for the site search: the same code for documents and queries.

A word goes through: Unicode folding (NFKD, accents dropped, lower case), the
Snowball Dutch stemmer, and a compound splitter that uses wordfreq's Dutch
word list as its dictionary. Hyphenated and letter/digit runs are indexed both
apart and joined ("covid-19" → covid, 19, covid19), so patients' spellings
meet the editors' ones from either side.
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer
from wordfreq import zipf_frequency

#: Words that carry no meaning in a patient's query ("pijn in de schouder").
_STOPWORD_TEXT = """
    de het een en in op van voor met aan bij als om of te tot door over uit naar na dan die dat
    deze dit er is zijn was wordt worden ben heb heeft hebben mijn ik je jij u uw we wij ze zij
    hoe wat wie waar wanneer welke waarom niet geen ook nog al wel zo maar dus toch
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())

#: Folded text splits into runs of letters and digits; everything else separates words.
_WORD_RE = re.compile(r"[a-z0-9]+")
_LETTER_DIGIT_RE = re.compile(r"[a-z]+|[0-9]+")

#: A compound part must be a word at least this common (wordfreq Zipf scale: 3 = once per million words).
MIN_PART_ZIPF = 2.5
MIN_PART_LENGTH = 3
#: The last part is longer: it keeps suffixes ("-ing", "-tie") from passing for words.
MIN_HEAD_WORD_LENGTH = 4
MAX_PARTS = 3
#: How much less likely (in Zipf units) a split may be than the whole word; measured on
#: medical compounds: "rugpijn" (2.3), "darmkanker" (3.8) split, "operatie" (6.0) does not.
SPLIT_MARGIN = 5.0
#: Three-letter parts ("oog", "rug", "gal") must be commoner: "sch" + "ouder" is no split of "schouder".
MIN_SHORT_PART_ZIPF = 3.0
#: Word-forming prefixes and suffixes that are words too ("ver", "onder", "lijk"): a compound does
#: not start or end with them ("verpleging" is no "ver" + "pleging", "mogelijk" no "moge" + "lijk").
_NOT_HEADS_TEXT = "aan af door her in mis na om onder ont op over pro toe uit ver voor weg"
_NOT_TAILS_TEXT = "achtig baar heid ing isch lijk loos schap"
NOT_HEADS = frozenset(_NOT_HEADS_TEXT.split())
NOT_TAILS = frozenset(_NOT_TAILS_TEXT.split())
#: Dutch joins compound parts with these linking sounds: "zieken-huis", "veiligheid-s-gordel".
LINKS = ("", "s", "e", "en")

_stemmer = snowballstemmer.stemmer("dutch")


def fold(text: str) -> str:
    """Lower case without accents: "Coëliakie" → "coeliakie"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def words(text: str) -> list[str]:
    """The folded words of a text, in order."""
    return _WORD_RE.findall(fold(text))


#: A diminutive ("blaasje", "steentjes", "puistje"): the word before "-je" or "-jes" is at least this long.
_DIMINUTIVE_RE = re.compile(r"^([a-z]{3,}[a-z])jes?$")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The word's stem; a diminutive keeps its own ("blaasjes" → blaasje, see diminutive_base)."""
    if _DIMINUTIVE_RE.match(word):
        return word[:-1] if word.endswith("s") else word
    return _stemmer.stemWord(word)


def diminutive_base(word: str) -> str | None:
    """The stem of the word a diminutive is made from ("blaasjes" → blaas), or None.

    The stemmer cuts "-je(s)" off, but a diminutive is often a word of its own: a *blaasje* (a
    blister) is no *blaas* (the bladder), a *puistje* no *puist*. So "pijnlijke blaasjes" must not
    rank pages about the bladder: the diminutive is its own term, and a page that has it meets a
    query for the word it is made from as it meets a compound's part (index.py).
    """
    if not _DIMINUTIVE_RE.match(word):
        return None
    base = _stemmer.stemWord(word)
    return base if base != stem(word) else None


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """How common the word is in Dutch: wordfreq's Zipf scale (3 = once per million words, 0 = unknown)."""
    return zipf_frequency(word, "nl")


_zipf = zipf


def _known(word: str, min_length: int) -> bool:
    if len(word) < min_length:
        return False
    return _zipf(word) >= (MIN_SHORT_PART_ZIPF if len(word) <= 3 else MIN_PART_ZIPF)


@lru_cache(maxsize=200_000)
def split_compound(word: str, min_part_length: int = MIN_PART_LENGTH) -> tuple[str, ...]:
    """The parts of a Dutch compound, or () when the word is not one.

    "schouderpijn" → ("schouder", "pijn"), "oogontsteking" → ("oog", "ontsteking").
    Of all ways to cut the word into two or three known words (with an optional
    linking "s", "e" or "en" between them) the most likely one wins, by the
    product of the parts' frequencies, if it is not much less likely than the
    whole word: a common compound ("rugpijn") still splits, so "pijn in de rug"
    finds it, while "operatie" does not become "opera" + "tie".
    """
    if len(word) < min_part_length + MIN_HEAD_WORD_LENGTH or not word.isalpha():
        return ()
    candidates = _splits(word, MAX_PARTS, min_part_length)
    if not candidates:
        return ()
    best = max(candidates, key=_split_score)
    return best if _split_score(best) >= _zipf(word) - 9 - SPLIT_MARGIN else ()


def _split_score(parts: tuple[str, ...]) -> float:
    # Sum of log10 word probabilities: the log-likelihood of the parts as a sequence of words.
    return sum(_zipf(part) - 9 for part in parts)


@lru_cache(maxsize=200_000)
def _splits(word: str, max_parts: int, min_part_length: int) -> tuple[tuple[str, ...], ...]:
    """Every way to cut `word` into 2..max_parts known words."""
    found = []
    for cut in range(min_part_length, len(word) - MIN_HEAD_WORD_LENGTH + 1):
        head = word[:cut]
        if head in NOT_HEADS or not _known(head, min_part_length):
            continue
        for link in LINKS:
            rest = word[cut:]
            if link:
                if not rest.startswith(link):
                    continue
                rest = rest[len(link) :]
            if rest not in NOT_TAILS and _known(rest, MIN_HEAD_WORD_LENGTH):
                found.append((head, rest))
            if max_parts > 2:
                found.extend((head, *tail) for tail in _splits(rest, max_parts - 1, min_part_length))
    return tuple(found)


@lru_cache(maxsize=200_000)
def compound_terms(word: str, min_part_length: int = MIN_PART_LENGTH) -> tuple[str, ...]:
    """The stems of a word's compound parts, and of their parts: extra index terms.

    "dikkedarmkanker" → dikke, darmkanker, darm, kanker. Parts split again only
    into parts of four letters or more, so "schouder" stays whole ("sch" + "ouder").
    """
    terms: list[str] = []
    for part in split_compound(word, min_part_length):
        terms.append(stem(part))
        terms.extend(compound_terms(part, MIN_HEAD_WORD_LENGTH))
    return tuple(dict.fromkeys(terms))


def joined_runs(text: str) -> list[str]:
    """Words written with hyphens or digits, joined: "COVID-19" → "covid19", "type 2" is left alone."""
    joined = []
    for chunk in fold(text).split():
        pieces = _WORD_RE.findall(chunk)
        if len(pieces) > 1:
            joined.append("".join(pieces))
    return joined


def letter_digit_parts(word: str) -> list[str]:
    """ "covid19" → ["covid", "19"]; a plain word gives itself."""
    return _LETTER_DIGIT_RE.findall(word)


_DOUBLE_VOWEL_END = re.compile(r"([^aeiou])(aa|ee|oo|uu)([^aeiouy])$")
_SINGLE_VOWEL_END = re.compile(r"([^aeiou])([aeou])([^aeiouy])$")


def vowel_variants(stem_: str) -> tuple[str, ...]:
    """The stem with its last vowel doubled or undoubled: "probleem" ↔ "problem".

    Dutch spells a long vowel single in an open syllable ("problemen") and
    double in a closed one ("probleem"); Snowball evens this out for most
    words but not all, so a query tries the other spelling too.
    """
    doubled = _DOUBLE_VOWEL_END.search(stem_)
    if doubled:
        return (stem_[: doubled.start(2)] + doubled.group(2)[0] + doubled.group(3),)
    single = _SINGLE_VOWEL_END.search(stem_)
    if single and len(stem_) >= 4:
        return (stem_[: single.start(2)] + single.group(2) * 2 + single.group(3),)
    return ()


#: Words of questions and everyday sentences that say nothing about what the patient looks for
#: ("ik heb altijd pijn aan mijn hiel", "wat moet ik doen bij …"). Queries only: documents keep them.
_FILLER_TEXT = """
    aan af alle alles altijd beetje beter best daar daarna dag dagen doe doen doet dokter echt eens
    erg even ga gaan gaat gauw geleden goed gedaan had hadden hele heel hem hen hier hoelang hun
    iemand iets ieder jullie kan kon kunnen kun kunt laat laten lang last mag me meer meest mee mij
    moet moeten mogen na nodig nooit nou nu of ok oké om ons ook opnieuw paar precies regelmatig
    snel soms steeds tegen terwijl vaak veel voel voelt vooral waarvoor weer weet welk wil wilt word
    zal zeker zelf ziet zit zou zoals zoveel krijg krijgt kreeg kom komt helpt help helpen
    please my the what how is a an of in on for with to and
"""
QUERY_FILLERS = STOPWORDS | frozenset(_FILLER_TEXT.split())

#: A word at least this common in Dutch (wordfreq's Zipf scale) is a word, not a typo: "hiel" (3.1)
#: and "voet" (4.7) are meant as written. Misspellings are rarer than this ("diabetis" 1.0).
DICTIONARY_FLOOR = 2.5


def is_dictionary_word(word: str) -> bool:
    return len(word) >= 3 and _zipf(word) >= DICTIONARY_FLOOR


#: How Dutch writes one sound several ways, for spelling by ear: the left side becomes the right.
_SOUND_RULES = (
    ("x", "ks"),
    ("sch", "s"),
    ("sj", "#"),  # one sound, written four ways: "sjemo", "chemo", "shock", "sjok"
    ("sh", "#"),
    ("ch", "#"),
    ("ph", "f"),
    ("th", "t"),
    ("rh", "r"),
    ("qu", "kw"),
    ("ae", "e"),
    ("ai", "e"),
    ("ij", "ei"),
    ("au", "ou"),
    ("ie", "i"),
    ("y", "i"),
    ("dt", "t"),
    ("z", "s"),
)
_SOFT_C = re.compile(r"c(?=[eiy])")
_DOUBLES = re.compile(r"([a-z])\1+")


@lru_cache(maxsize=200_000)
def sound_key(word: str) -> str:
    """The word as it sounds, about: "sjemo" and "chemo", "ekg" and "ecg", "migrene" and "migraine".

    Used only to find an indexed word that a patient spelt by ear; never for words the pages have.
    """
    key = word
    if key.startswith("ps"):  # "soriasis": the p is silent
        key = key[1:]
    key = _SOFT_C.sub("s", key)
    for written, sound in _SOUND_RULES:
        key = key.replace(written, sound)
    key = key.replace("c", "k")
    key = _DOUBLES.sub(r"\1", key)
    if key.endswith("d"):
        key = key[:-1] + "t"
    return key


def atoms(text: str) -> frozenset[str]:
    """The meaning-bearing stems of a short text, compounds as their parts.

    "Schouderpijn" and "pijn in de schouder" have the same atoms, as do
    "COVID-19" and "covid19": it tells when a query says exactly a title.
    """
    result = set()
    for word in words(text):
        if word in STOPWORDS:
            continue
        for piece in letter_digit_parts(word):
            parts = split_compound(piece)
            result.update(stem(p) for p in parts) if parts else result.add(stem(piece))
    return frozenset(result)
