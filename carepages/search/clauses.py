"""Query understanding: what each word of a patient's query may mean on the site's pages.

A query is cut into clauses, one per meaningful word (filler words of questions and
sentences make none) or per lay term of the vocabulary. A clause lists the ways a page
can meet it, each with a quality: the word's stem, its compound parts, words it is a
prefix of, what a lay term means, words that sound the same, indexed words one or two
typos away. The engine (engine.py) scores pages on them. See docs/search.md.
"""

from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import OSA

from carepages.language import analysis

from .index import SearchIndex

MAX_CLAUSES = 10
PREFIX_EXPANSIONS = 10

EXACT_QUALITY = 1.0
#: A query word met by its compound parts: a little less sure than the word itself ("wilrijk" ≠ wil + rijk).
PARTS_QUALITY = 0.9
VARIANT_QUALITY = 0.95  # the other spelling of a long vowel: "probleem" for "problemen"
PREFIX_QUALITY = 0.75
TYPO_QUALITY = {1: 0.7, 2: 0.55}
#: A page that says what a lay word means (valling → verkoudheid) is nearly as good as one that uses it.
LAY_QUALITY = 0.9
#: A word spelt by ear ("sjemo", "ekg") meets the indexed word that sounds the same.
SOUND_QUALITY = 0.75
SOUND_PREFIX_QUALITY = 0.65
#: A lay term's stem met through another word ("val" for "valling"): below what the term means.
STEM_ONLY_QUALITY = 0.75


@dataclass
class Clause:
    """One word of the query and the ways a page can meet it."""

    word: str
    alternatives: list[list[dict[str, float]]]  # each: slots that must all be met; a slot: term → quality
    exact: bool  # the word's own stem is in the index
    #: A lay term the stemmer changes: a page meets the first alternative (the term's stem) fully
    #: only when it has this word as written (see make_lay_clause).
    literal: str | None = None
    #: A term of the lay vocabulary: the alternatives from here on are what it means; its weight
    #: comes from those (and its own words, unless the stemmer made them another word).
    meanings_from: int | None = None


def make_clauses(index: SearchIndex, words: list[str]) -> list[Clause]:
    """One clause per meaningful word of the query, or per lay term of the vocabulary in it.

    Filler words of questions and sentences ("ik heb altijd pijn aan mijn hiel") make no
    clause: they would rank pages by "altijd" and "goed". A query of filler words only is
    searched as written.
    """
    lay_terms = {start: (end, means) for start, end, means in index.lexicon.find(words)}
    last = len(words) - 1
    clauses: list[Clause] = []
    i = 0
    while i < len(words):
        if i in lay_terms:
            end, means = lay_terms[i]
            clauses.append(make_lay_clause(index, words[i:end], means, is_last=end - 1 == last))
            i = end
            continue
        if words[i] not in analysis.QUERY_FILLERS:
            clauses.append(make_clause(index, words[i], is_last=i == last))
        i += 1
    if not clauses:
        meaningful = [w for w in words if w not in analysis.STOPWORDS] or words
        clauses = [make_clause(index, w, is_last=i == len(meaningful) - 1) for i, w in enumerate(meaningful)]
    return clauses[:MAX_CLAUSES]


def make_lay_clause(index: SearchIndex, words: list[str], means: list[str], is_last: bool) -> Clause:
    """A lay term of the vocabulary: met by its own words, or by the words it means.

    "valling" meets a page with "valling" or with "verkoudheid"; "heart attack" one with
    "hartinfarct". The term is known: it is never "corrected" into another word.
    """
    literal = None
    if len(words) == 1:
        clause = make_clause(index, words[0], is_last=is_last, known=True)
        alternatives = clause.alternatives
        # The stemmer cuts some lay words down to another word ("valling" → "val", a fall): a page
        # that has only that other word has not said what the patient means; the meaning weighs more.
        if analysis.stem(words[0]) != words[0]:
            literal = words[0]
    else:
        alternatives = [[{analysis.stem(w): EXACT_QUALITY} for w in words if w not in analysis.STOPWORDS]]
    meanings_from = len(alternatives)
    for meaning in means:
        alternatives.extend(_meaning_alternatives(index, meaning))
    return Clause(
        word=" ".join(words),
        alternatives=alternatives,
        exact=True,
        literal=literal,
        meanings_from=meanings_from,
    )


def _meaning_alternatives(index: SearchIndex, meaning: str) -> list[list[dict[str, float]]]:
    """How a page says what a lay term means: its words ("brandend maagzuur"), or a compound's parts."""
    words = [w for w in analysis.words(meaning) if w not in analysis.STOPWORDS]
    if not words:
        return []
    if len(words) > 1:
        return [[{analysis.stem(w): LAY_QUALITY, **_variants(index, analysis.stem(w))} for w in words]]
    own = analysis.stem(words[0])
    alternatives = [[{own: LAY_QUALITY, **_variants(index, own)}]]
    parts = analysis.split_compound(words[0])
    if parts:  # "keelontsteking" meets "ontsteking van de keel"
        alternatives.append([{analysis.stem(p): LAY_QUALITY * PARTS_QUALITY} for p in parts])
    return alternatives


def make_clause(index: SearchIndex, word: str, is_last: bool, known: bool = False) -> Clause:
    """The ways a page can meet one word of the query.

    A word the pages do not have is matched by sound ("sjemo" → chemo) and by typos ("artorse"
    → artrose), unless it is a word: one the vocabulary or a Dutch dictionary knows ("hiel",
    "voet") is meant as written and never becomes another ("hier", "doet").
    """
    own = analysis.stem(word)
    exact = index.has_term(own)
    known = known or exact or is_known_word(index, word)
    alternatives: list[list[dict[str, float]]] = [[{own: EXACT_QUALITY, **_variants(index, own)}]]
    pieces = analysis.letter_digit_parts(word)
    if len(pieces) > 1:  # "covid19" meets "covid 19" and "COVID-19"
        alternatives.append([{analysis.stem(p): EXACT_QUALITY} for p in pieces])
    parts = analysis.split_compound(word)
    if parts:  # "schouderpijn" meets "pijn in de schouder"
        stems = [analysis.stem(p) for p in parts]
        alternatives.append([{stem: PARTS_QUALITY, **_variants(index, stem)} for stem in stems])
    if len(word) >= 3 and (is_last or not exact):  # "reval" meets "revalidatie"
        expanded = {
            index.stem_of(w): PREFIX_QUALITY
            for w in index.words_with_prefix(word, PREFIX_EXPANSIONS)
            if w != word
        }
        expanded.pop(own, None)
        if expanded:
            alternatives.append([expanded])
    if is_last and len(word) >= 4 and not known:  # "vallin" (typing "valling") meets "verkoudheid"
        for meaning in index.lexicon.completing(word):
            for slots in _meaning_alternatives(index, meaning):
                alternatives.append([{t: q * PREFIX_QUALITY for t, q in slot.items()} for slot in slots])
    parts_known = parts and all(index.has_term(analysis.stem(p)) for p in parts)
    if not exact and not parts_known:
        site_parts = _split_on_site_words(index, word)
        if site_parts:  # "huisstofmijtallergie" meets "allergie voor huisstofmijt"
            alternatives.append([{analysis.stem(p): PARTS_QUALITY} for p in site_parts])
            parts_known = True
    if not known and not parts_known:
        sounds = _sound_alikes(index, word, is_last)  # "ekg" meets "ecg"
        if sounds:
            sounds.pop(own, None)
            alternatives.append([sounds])
        typos = {index.stem_of(w): TYPO_QUALITY[d] for w, d in typo_candidates(index, word)}
        if typos:  # "artorse" meets "artrose"
            alternatives.append([typos])
    return Clause(word=word, alternatives=alternatives, exact=exact)


#: A query word split on the site's own words: both parts at least this long.
MIN_SITE_PART = 4


def _split_on_site_words(index: SearchIndex, word: str) -> tuple[str, ...]:
    """Two words of the pages that make up `word` (with a linking "s", "e" or "en"), or ().

    Patients glue words the dictionary splitter does not know ("huisstofmijt" is too rare for
    it); the pages' own words are a dictionary too. The longest first part wins.
    """
    if len(word) < 2 * MIN_SITE_PART or not word.isalpha():
        return ()
    for cut in range(len(word) - MIN_SITE_PART, MIN_SITE_PART - 1, -1):
        head, rest = word[:cut], word[cut:]
        if not index.has_word(head) or head in analysis.QUERY_FILLERS:
            continue
        for link in analysis.LINKS:
            tail = rest[len(link) :] if rest.startswith(link) else None
            if (
                tail
                and len(tail) >= MIN_SITE_PART
                and index.has_word(tail)
                and tail not in analysis.QUERY_FILLERS
            ):
                return head, tail
    return ()


def is_known_word(index: SearchIndex, word: str) -> bool:
    return word in index.lexicon.known_words or analysis.is_dictionary_word(word)


def _sound_alikes(index: SearchIndex, word: str, is_last: bool) -> dict[str, float]:
    """Stems of indexed words that sound like `word`; for the word being typed, that it starts."""
    if len(word) < 3 or not word.isalpha():
        return {}
    key = analysis.sound_key(word)
    found = {index.stem_of(w): SOUND_QUALITY for w in index.words_sounding_like(key)}
    if is_last and len(key) >= 4:
        for w in index.words_sounding_like(key, prefix=True, limit=PREFIX_EXPANSIONS):
            found.setdefault(index.stem_of(w), SOUND_PREFIX_QUALITY)
    return found


def _variants(index: SearchIndex, stem: str) -> dict[str, float]:
    """The other long-vowel spelling, for a stem the pages do not have ("boot" keeps away from "bot")."""
    if index.has_term(stem):
        return {}
    return {variant: VARIANT_QUALITY for variant in analysis.vowel_variants(stem)}


def typo_candidates(index: SearchIndex, word: str) -> list[tuple[str, int]]:
    """Indexed words within one typo (two for long words) of `word`, nearest first."""
    if len(word) < 4 or word.isdigit():
        return []
    max_distance = 1 if len(word) < 8 else 2
    choices = index.words_near_length(len(word), max_distance)
    found = process.extract(word, choices, scorer=OSA.distance, score_cutoff=max_distance, limit=20)
    # Never into a filler word: "hiel" is no "hier", whatever the pages say.
    found = [item for item in found if item[0] not in analysis.QUERY_FILLERS]
    if not found:
        return []
    nearest = min(distance for _, distance, _ in found)
    # Only the nearest: "astam" means astma, not every word two edits away.
    return [(w, int(d)) for w, d, _ in found if d == nearest]
