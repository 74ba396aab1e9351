"""The in-memory inverted index over the search documents, one per server process.

Built from the SearchDocument table on first use; before each search,
`reading()` reads the change feed since its last change (one small query) and
re-reads only the documents of the pages those changes name, so a publish,
unpublish, rename or delete in any process shows in the next query of every
other process.
"""

import heapq
import math
import threading
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter

from carepages.changes import feed
from carepages.language import analysis
from carepages.language.analysis import atoms
from carepages.vocabulary.lexicon import Lexicon

from .models import SearchDocument

#: The page id a change to the lay vocabulary is recorded under in the change feed (no page has
#: it): every process reloads its vocabulary with the next search, as it applies a page's change.
VOCABULARY_CHANGE = 0

#: Bump when the analysis changes: stored analyses of an older version are redone on load
#: (and rewritten by `manage.py rebuild_search_index`).
ANALYSIS_VERSION = 3

#: How much a word counts in each field: the title and the editors' other names weigh the same.
FIELD_WEIGHTS = {"title": 1.0, "also_known_as": 1.0, "intro": 0.4, "body": 0.15}
#: A compound's part or a hyphenated run's join is nearly as good as the word itself.
PART_QUALITY = 0.85
#: A query scores at most this many pages per word (see SearchIndex.top_postings).
MAX_SCORED_POSTINGS = 600
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
    """Postings (term → {page id: weight}) and the vocabulary of folded words."""

    def __init__(self):
        self.docs: dict[int, Doc] = {}
        self.postings: dict[str, dict[int, float]] = {}
        self.word_counts: dict[str, int] = {}  # folded word → number of documents
        self.word_stems: dict[str, str] = {}
        self._top: dict[str, list[tuple[int, float]]] = {}  # term → top_postings(term), until it changes
        self._sorted_words: list[str] | None = None
        self._words_by_length: dict | None = None
        self._sounds: tuple[dict[str, list[str]], list[str]] | None = None
        self.lexicon = _empty_lexicon()

    def __len__(self):
        return len(self.docs)

    def add(self, doc: Doc) -> None:
        self.remove(doc.page_id)
        self.docs[doc.page_id] = doc
        top = self._top
        postings = self.postings
        for term, weight in doc.terms.items():
            posting = postings.get(term)
            if posting is None:
                posting = postings[term] = {}
            posting[doc.page_id] = weight
            if top:
                top.pop(term, None)
        counts = self.word_counts
        for word in doc.surface:
            count = counts.get(word)
            if count is None:
                counts[word] = 1
                self.word_stems[word] = analysis.stem(word)
                self._sorted_words = self._words_by_length = self._sounds = None
            else:
                counts[word] = count + 1

    def remove(self, page_id: int) -> None:
        doc = self.docs.pop(page_id, None)
        if doc is None:
            return
        for term in doc.terms:
            self._top.pop(term, None)
            posting = self.postings.get(term)
            if posting is not None:
                posting.pop(page_id, None)
                if not posting:
                    del self.postings[term]
        for word in doc.surface:
            self.word_counts[word] -= 1
            if self.word_counts[word] <= 0:
                del self.word_counts[word]
                self.word_stems.pop(word, None)
                self._sorted_words = self._words_by_length = self._sounds = None

    def top_postings(self, term: str) -> list[tuple[int, float]]:
        """The pages with `term`, best weight first, at most MAX_SCORED_POSTINGS of them.

        A query scores only these: a word in thousands of pages is mostly in
        their bodies, and the pages that have it in the title or intro come first.
        """
        top = self._top.get(term)
        if top is None:
            posting = self.postings.get(term, {})
            if len(posting) <= MAX_SCORED_POSTINGS:
                top = list(posting.items())
            else:
                top = heapq.nlargest(MAX_SCORED_POSTINGS, posting.items(), key=itemgetter(1))
            self._top[term] = top
        return top

    def df(self, term: str) -> int:
        return len(self.postings.get(term, ()))

    def idf(self, df: int) -> float:
        return math.log(1 + (len(self.docs) + 1) / max(df, 1))

    def words_with_prefix(self, prefix: str, limit: int = 30) -> list[str]:
        """The most common indexed words that start with `prefix`."""
        if self._sorted_words is None:
            self._sorted_words = sorted(self.word_counts)
        words = self._sorted_words
        found = []
        start = bisect_left(words, prefix)
        for i in range(start, len(words)):
            if not words[i].startswith(prefix):
                break
            found.append(words[i])
        found.sort(key=lambda w: -self.word_counts[w])
        return found[:limit]

    def words_sounding_like(self, key: str, prefix: bool = False, limit: int = 10) -> list[str]:
        """Indexed words whose sound key (analysis.sound_key) is `key`, or starts with it."""
        if self._sounds is None:
            by_key: dict[str, list[str]] = {}
            for word in self.word_counts:
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
        found.sort(key=lambda w: -self.word_counts[w])
        return found[:limit]

    def words_near_length(self, length: int, spread: int) -> list[str]:
        """The indexed words `spread` letters shorter or longer than `length` at most (cached)."""
        if self._words_by_length is None:
            buckets: dict[int, list[str]] = {}
            for word in self.word_counts:
                buckets.setdefault(len(word), []).append(word)
            self._words_by_length = {"buckets": buckets}
        key = (length, spread)
        if key not in self._words_by_length:
            buckets = self._words_by_length["buckets"]
            self._words_by_length[key] = [
                w for n in range(length - spread, length + spread + 1) for w in buckets.get(n, ())
            ]
        return self._words_by_length[key]


class IndexCache:
    """A process's index and its position in the change feed. One per process (`cache`); tests make more."""

    def __init__(self):
        # Held while a change is applied and while a search reads the index: a thread must not
        # walk a posting that another thread is changing. Searches take milliseconds.
        self.lock = threading.RLock()
        self.index: SearchIndex | None = None
        self.follower = feed.Follower()
        # Pages applied from a transaction not yet committed (an editor's save that searches
        # before it commits), and the key of that state: read again once the state moves on.
        self.tentative: set[int] = set()
        self.tentative_key: tuple | None = None

    def current(self) -> SearchIndex:
        """The index, brought up to date with the committed documents (and this transaction's own)."""
        with self.lock:
            changes = self.follower.read()  # before the documents: a change committed after is read next time
            pending, key = feed.pending()
            if self.index is None or changes is None:
                self.index = _build()
            else:
                page_ids = {page_id for change in changes for page_id in change.page_ids}
                if key != self.tentative_key:
                    page_ids |= self.tentative | pending
                if page_ids:
                    self._apply(page_ids)
            self.tentative, self.tentative_key = pending, key
            return self.index

    def _apply(self, page_ids: set[int]) -> None:
        if VOCABULARY_CHANGE in page_ids:
            page_ids = page_ids - {VOCABULARY_CHANGE}
            self.index.lexicon = _load_lexicon()
        rows = {row.page_id: row for row in SearchDocument.objects.filter(page_id__in=page_ids)}
        for page_id in page_ids:
            if page_id in rows:
                self.index.add(make_doc(rows[page_id]))
            else:
                self.index.remove(page_id)


def _empty_lexicon():
    from carepages.vocabulary.lexicon import Lexicon

    return Lexicon()


def _load_lexicon():
    return Lexicon.load()


def _build() -> SearchIndex:
    index = SearchIndex()
    index.lexicon = _load_lexicon()
    rows = SearchDocument.objects.order_by("pk").values_list(*DOC_COLUMNS, "analysis")
    for row in rows.iterator(chunk_size=2000):
        index.add(make_doc(row))
    return index


#: This process's index.
cache = IndexCache()


@contextmanager
def reading() -> Iterator[SearchIndex]:
    """This process's current index, kept still for the duration of the `with` block."""
    with cache.lock:
        yield cache.current()
