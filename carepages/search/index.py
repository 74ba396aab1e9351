"""The in-memory inverted index over the search documents: what a page is made of, and how it is found.

`analyse` turns a page's fields into weighted terms once, when its document is
written (stored with it); `SearchIndex` holds the documents of one process and
answers the engine's questions about them through its methods. Keeping a
process's index in step with the others (the change feed) is `following.py`.
"""

import heapq
import math
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter

from carepages.language import analysis
from carepages.language.analysis import atoms
from carepages.vocabulary.lexicon import Lexicon

from .models import SearchDocument

#: Bump when the analysis changes: stored analyses of an older version are redone on load
#: (and rewritten by `manage.py rebuild_search_index`).
ANALYSIS_VERSION = 4

#: How much a word counts in each field: the title and the editors' other names weigh the same.
FIELD_WEIGHTS = {"title": 1.0, "also_known_as": 1.0, "intro": 0.4, "body": 0.15}
#: A compound's part or a hyphenated run's join is nearly as good as the word itself.
PART_QUALITY = 0.85
#: A query scores at most this many pages per word (see SearchIndex.top_postings).
MAX_SCORED_POSTINGS = 600
#: A word of a campus's title is a name, not an everyday word, under this Zipf frequency: "palfijn"
#: (1.5), "augustinus" (3.1), "middelheim" (2.6) are; "medisch" (4.6), "hoge" (5.2) are not.
PLACE_NAME_MAX_ZIPF = 4.0
#: Repeated words in the body count a little, with diminishing returns.
BODY_TF_BONUS = 0.03
BODY_TF_CAP = 5


@dataclass
class Doc:
    page_id: int
    kind: str
    subkind: str
    label: str
    slug: str
    title: str
    url: str
    intro: str
    body: str
    names: list[str]  # the also-known-as names
    title_atoms: frozenset[str]  # the stems that make up the title, compounds as their parts
    name_atoms: list[frozenset[str]]  # likewise for each also-known-as name
    terms: dict[str, float] = field(default_factory=dict)  # term → weight, for removal
    surface: frozenset[str] = frozenset()  # the folded words, for typo and prefix matching


@lru_cache(maxsize=300_000)
def _word_analysis(word: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """(stem, stems of its parts, the parts as words) of one folded word."""
    parts: list[str] = []
    pieces = analysis.letter_digit_parts(word)
    if len(pieces) > 1:
        parts.extend(analysis.stem(piece) for piece in pieces)
    parts.extend(analysis.compound_terms(word))
    base = analysis.diminutive_base(word)
    if base:  # "steentjes" is met by a query for "steen", as a compound's part is
        parts.append(base)
    return analysis.stem(word), tuple(parts), analysis.split_compound(word)


def field_terms(text: str) -> tuple[Counter, set[str], set[str]]:
    """(stem → count, stems met only as a part, folded words) of one field."""
    own: Counter = Counter()
    parts: set[str] = set()
    surface: set[str] = set()
    for word in analysis.words(text):
        if word in analysis.STOPWORDS:
            continue  # never searched for alone, and in every page: they would only make the index slow
        surface.add(word)
        stem, word_parts, part_words = _word_analysis(word)
        own[stem] += 1
        parts.update(word_parts)
        # Parts are words a patient types alone: typo matching and suggestions know them too.
        surface.update(part_words)
    for joined in analysis.joined_runs(text):
        surface.add(joined)
        parts.add(analysis.stem(joined))
    return own, parts - own.keys(), surface


def analyse(title: str, names: list[str], intro: str, body: str) -> dict:
    """What the index needs of a document, computed once when the document is written.

    Stored with the document (SearchDocument.analysis), so a process builds its
    index from stored terms instead of analysing every page again.
    """
    weights: dict[str, float] = {}
    surface: set[str] = set()
    for name, text in (
        ("title", title),
        ("also_known_as", "\n".join(names)),
        ("intro", intro),
        ("body", body),
    ):
        own, parts, words = field_terms(text)
        surface |= words
        field_weight = FIELD_WEIGHTS[name]
        for term, count in own.items():
            weight = field_weight
            if name == "body":
                weight += BODY_TF_BONUS * min(count - 1, BODY_TF_CAP)
            if weight > weights.get(term, 0.0):
                weights[term] = weight
        for term in parts:
            weight = field_weight * PART_QUALITY
            if weight > weights.get(term, 0.0):
                weights[term] = weight
    return {
        "version": ANALYSIS_VERSION,
        "terms": {term: round(weight, 4) for term, weight in sorted(weights.items())},
        "words": sorted(surface),
        "title": sorted(atoms(title)),
        "names": [sorted(atoms(name)) for name in names],
    }


def split_names(also_known_as: str) -> list[str]:
    return [name.strip() for name in also_known_as.splitlines() if name.strip()]


#: The columns an index reads, in the order make_doc takes them.
DOC_COLUMNS = (
    "page_id",
    "kind",
    "subkind",
    "label",
    "slug",
    "title",
    "also_known_as",
    "intro",
    "body",
    "url",
)


def make_doc(row: SearchDocument | tuple) -> Doc:
    """The index's view of a document, from a model instance or a values_list row (DOC_COLUMNS + analysis)."""
    if isinstance(row, SearchDocument):
        row = (*(getattr(row, column) for column in DOC_COLUMNS), row.analysis)
    page_id, kind, subkind, label, slug, title, also_known_as, intro, body, url, stored = row
    names = split_names(also_known_as)
    if not isinstance(stored, dict) or stored.get("version") != ANALYSIS_VERSION:
        stored = analyse(title, names, intro, body)
    return Doc(
        page_id=page_id,
        kind=kind,
        subkind=subkind,
        label=label,
        slug=slug,
        title=title,
        url=url,
        intro=intro,
        body=body,
        names=names,
        title_atoms=frozenset(stored["title"]),
        name_atoms=[frozenset(atoms) for atoms in stored["names"]],
        terms=stored["terms"],
        surface=frozenset(stored["words"]),
    )


class SearchIndex:
    """The documents of one process, their terms (term → {page id: weight}) and their folded words.

    The engine reads it only through these methods; the dicts behind them are the index's own.
    """

    def __init__(self, lexicon: Lexicon | None = None):
        self._docs: dict[int, Doc] = {}
        self._postings: dict[str, dict[int, float]] = {}
        self._word_counts: dict[str, int] = {}  # folded word → number of documents
        self._word_stems: dict[str, str] = {}
        self._top: dict[str, list[tuple[int, float]]] = {}  # term → top_postings(term), until it changes
        self._sorted_words: list[str] | None = None
        self._words_by_length: dict | None = None
        self._sounds: tuple[dict[str, list[str]], list[str]] | None = None
        self._places: frozenset[str] | None = None
        #: The lay vocabulary the queries are read with (reloaded when editors change it).
        self.lexicon = lexicon if lexicon is not None else Lexicon()

    def __len__(self):
        return len(self._docs)

    # -- documents ------------------------------------------------------------------

    def doc(self, page_id: int) -> Doc | None:
        """The live page's document, or None when the search does not know the page."""
        return self._docs.get(page_id)

    def add(self, doc: Doc) -> None:
        self.remove(doc.page_id)
        self._docs[doc.page_id] = doc
        if doc.kind == "location":
            self._places = None
        top = self._top
        postings = self._postings
        for term, weight in doc.terms.items():
            posting = postings.get(term)
            if posting is None:
                posting = postings[term] = {}
            posting[doc.page_id] = weight
            if top:
                top.pop(term, None)
        counts = self._word_counts
        for word in doc.surface:
            count = counts.get(word)
            if count is None:
                counts[word] = 1
                self._word_stems[word] = analysis.stem(word)
                self._sorted_words = self._words_by_length = self._sounds = None
            else:
                counts[word] = count + 1

    def remove(self, page_id: int) -> None:
        doc = self._docs.pop(page_id, None)
        if doc is None:
            return
        if doc.kind == "location":
            self._places = None
        for term in doc.terms:
            self._top.pop(term, None)
            posting = self._postings.get(term)
            if posting is not None:
                posting.pop(page_id, None)
                if not posting:
                    del self._postings[term]
        for word in doc.surface:
            self._word_counts[word] -= 1
            if self._word_counts[word] <= 0:
                del self._word_counts[word]
                self._word_stems.pop(word, None)
                self._sorted_words = self._words_by_length = self._sounds = None

    def is_place(self, term: str) -> bool:
        """`term` is the stem of a name in a campus's title ("palfijn" of "ZAS Palfijn").

        Names only: not an everyday word of a title ("Medisch Centrum", "Hoge Beuken"), which
        patients type for other things.
        """
        if self._places is None:
            self._places = frozenset(
                analysis.stem(word)
                for doc in self._docs.values()
                if doc.kind == "location"
                for word in analysis.words(doc.title)
                if word.isalpha()
                and word not in analysis.STOPWORDS
                and analysis.zipf(word) < PLACE_NAME_MAX_ZIPF
            )
        return term in self._places

    # -- terms ----------------------------------------------------------------------

    def has_term(self, term: str) -> bool:
        """Some page has `term` (a stem, or a compound's part)."""
        return term in self._postings

    def top_postings(self, term: str) -> list[tuple[int, float]]:
        """The pages with `term`, best weight first, at most MAX_SCORED_POSTINGS of them.

        A query scores only these: a word in thousands of pages is mostly in
        their bodies, and the pages that have it in the title or intro come first.
        """
        top = self._top.get(term)
        if top is None:
            posting = self._postings.get(term, {})
            if len(posting) <= MAX_SCORED_POSTINGS:
                top = list(posting.items())
            else:
                top = heapq.nlargest(MAX_SCORED_POSTINGS, posting.items(), key=itemgetter(1))
            self._top[term] = top
        return top

    def is_capped(self, term: str) -> bool:
        """top_postings(term) leaves pages out."""
        return len(self._postings.get(term, ())) > MAX_SCORED_POSTINGS

    def weights(self, term: str, page_ids: set[int]) -> dict[int, float]:
        """The weight of `term` in each of `page_ids` that has it."""
        posting = self._postings.get(term)
        if not posting:
            return {}
        if len(page_ids) < len(posting):
            return {page_id: posting[page_id] for page_id in page_ids if page_id in posting}
        return {page_id: weight for page_id, weight in posting.items() if page_id in page_ids}

    def df(self, term: str) -> int:
        return len(self._postings.get(term, ()))

    def idf(self, df: int) -> float:
        return math.log(1 + (len(self._docs) + 1) / max(df, 1))

    # -- folded words (typos, prefixes, sounds) ---------------------------------------------

    def has_word(self, word: str) -> bool:
        return word in self._word_counts

    def word_count(self, word: str) -> int:
        """How many pages have the folded `word`."""
        return self._word_counts.get(word, 0)

    def stem_of(self, word: str) -> str:
        """The stem of an indexed word (computed once, when the word entered the index)."""
        return self._word_stems[word]

    def words_with_prefix(self, prefix: str, limit: int = 30) -> list[str]:
        """The most common indexed words that start with `prefix`."""
        if self._sorted_words is None:
            self._sorted_words = sorted(self._word_counts)
        words = self._sorted_words
        found = []
        start = bisect_left(words, prefix)
        for i in range(start, len(words)):
            if not words[i].startswith(prefix):
                break
            found.append(words[i])
        found.sort(key=lambda w: -self._word_counts[w])
        return found[:limit]

    def words_sounding_like(self, key: str, prefix: bool = False, limit: int = 10) -> list[str]:
        """Indexed words whose sound key (analysis.sound_key) is `key`, or starts with it."""
        if self._sounds is None:
            by_key: dict[str, list[str]] = {}
            for word in self._word_counts:
                if word.isalpha():
                    by_key.setdefault(analysis.sound_key(word), []).append(word)
            self._sounds = (by_key, sorted(by_key))
        by_key, keys = self._sounds
        if not prefix:
            return by_key.get(key, [])[:limit]
        found = []
        for i in range(bisect_left(keys, key), len(keys)):
            if not keys[i].startswith(key) or len(found) >= limit:
                break
            found.extend(by_key[keys[i]])
        found.sort(key=lambda w: -self._word_counts[w])
        return found[:limit]

    def words_near_length(self, length: int, spread: int) -> list[str]:
        """The indexed words `spread` letters shorter or longer than `length` at most (cached)."""
        if self._words_by_length is None:
            buckets: dict[int, list[str]] = {}
            for word in self._word_counts:
                buckets.setdefault(len(word), []).append(word)
            self._words_by_length = {"buckets": buckets}
        key = (length, spread)
        if key not in self._words_by_length:
            buckets = self._words_by_length["buckets"]
            self._words_by_length[key] = [
                w for n in range(length - spread, length + spread + 1) for w in buckets.get(n, ())
            ]
        return self._words_by_length[key]
