"""The in-memory inverted index over the search documents, one per server process.

Built from the SearchDocument table on first use; before each search,
`current_index()` reads the newest change (one small query) and applies only
the changes since the last one it saw, so a publish, unpublish, rename or
delete in any process shows in the next query of every other process.
"""

import math
import threading
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field

from . import analysis
from .models import SearchChange, SearchDocument

#: How much a word counts in each field: the title and the editors' other names weigh the same.
FIELD_WEIGHTS = {"title": 1.0, "also_known_as": 1.0, "intro": 0.4, "body": 0.15}
#: A compound's part or a hyphenated run's join is nearly as good as the word itself.
PART_QUALITY = 0.85
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


def atoms(text: str) -> frozenset[str]:
    """The meaning-bearing stems of a short text, compounds as their parts.

    "Schouderpijn" and "pijn in de schouder" have the same atoms, as do
    "COVID-19" and "covid19": it tells when a query says exactly a title.
    """
    result = set()
    for word in analysis.words(text):
        if word in analysis.STOPWORDS:
            continue
        for piece in analysis.letter_digit_parts(word):
            parts = analysis.split_compound(piece)
            result.update(analysis.stem(p) for p in parts) if parts else result.add(analysis.stem(piece))
    return frozenset(result)


def field_terms(text: str) -> tuple[Counter, set[str]]:
    """(term → quality-weighted count, folded words) of one field."""
    terms: Counter = Counter()
    surface = set()
    for word in analysis.words(text):
        surface.add(word)
        terms[analysis.stem(word)] += 1.0
        pieces = analysis.letter_digit_parts(word)
        if len(pieces) > 1:
            for piece in pieces:
                terms[analysis.stem(piece)] += PART_QUALITY
        for part in analysis.compound_terms(word):
            terms[part] += PART_QUALITY
    for joined in analysis.joined_runs(text):
        surface.add(joined)
        terms[analysis.stem(joined)] += PART_QUALITY
    return terms, surface


def make_doc(row: SearchDocument) -> Doc:
    names = [name.strip() for name in row.also_known_as.splitlines() if name.strip()]
    doc = Doc(
        page_id=row.page_id,
        kind=row.kind,
        subkind=row.subkind,
        label=row.label,
        slug=row.slug,
        title=row.title,
        url=row.url,
        intro=row.intro,
        body=row.body,
        names=names,
        title_atoms=atoms(row.title),
        name_atoms=[atoms(name) for name in names],
    )
    weights: dict[str, float] = {}
    surface: set[str] = set()
    for name, text in (
        ("title", row.title),
        ("also_known_as", "\n".join(names)),
        ("intro", row.intro),
        ("body", row.body),
    ):
        terms, words = field_terms(text)
        surface |= words
        for term, count in terms.items():
            quality = min(count, 1.0)  # 1 for the word itself, PART_QUALITY for a part only
            weight = FIELD_WEIGHTS[name] * quality
            if name == "body":
                weight += BODY_TF_BONUS * min(count - 1, BODY_TF_CAP)
            if weight > weights.get(term, 0.0):
                weights[term] = weight
    doc.terms = weights
    doc.surface = frozenset(surface)
    return doc


class SearchIndex:
    """Postings (term → {page id: weight}) and the vocabulary of folded words."""

    def __init__(self):
        self.docs: dict[int, Doc] = {}
        self.postings: dict[str, dict[int, float]] = {}
        self.word_counts: Counter = Counter()  # folded word → number of documents
        self.word_stems: dict[str, str] = {}
        self._sorted_words: list[str] | None = None
        self._words_by_length: dict[int, list[str]] | None = None

    def __len__(self):
        return len(self.docs)

    def add(self, doc: Doc) -> None:
        self.remove(doc.page_id)
        self.docs[doc.page_id] = doc
        for term, weight in doc.terms.items():
            self.postings.setdefault(term, {})[doc.page_id] = weight
        for word in doc.surface:
            if not self.word_counts[word]:
                self.word_stems[word] = analysis.stem(word)
                self._sorted_words = self._words_by_length = None
            self.word_counts[word] += 1

    def remove(self, page_id: int) -> None:
        doc = self.docs.pop(page_id, None)
        if doc is None:
            return
        for term in doc.terms:
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
                self._sorted_words = self._words_by_length = None

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

    def words_near_length(self, length: int, spread: int) -> list[str]:
        if self._words_by_length is None:
            buckets: dict[int, list[str]] = {}
            for word in self.word_counts:
                buckets.setdefault(len(word), []).append(word)
            self._words_by_length = buckets
        result = []
        for n in range(length - spread, length + spread + 1):
            result.extend(self._words_by_length.get(n, ()))
        return result


class _State:
    def __init__(self):
        self.lock = threading.Lock()
        self.index: SearchIndex | None = None
        self.seq = 0
        self.token = ""


_state = _State()


def current_index() -> SearchIndex:
    """This process's index, brought up to date with the committed documents."""
    latest = SearchChange.objects.order_by("-seq").values_list("seq", "token").first() or (0, "")
    with _state.lock:
        if _state.index is not None and (_state.seq, _state.token) == latest:
            return _state.index
        if _state.index is not None and _history_continues():
            _apply_changes(_state.index, latest)
        else:
            _state.index = _build(latest)
        _state.seq, _state.token = latest
        return _state.index


def _history_continues() -> bool:
    # The change we applied last is still there: our index is a prefix of the committed history
    # (it is not after a rolled-back transaction, or when the log was pruned past us).
    return SearchChange.objects.filter(seq=_state.seq, token=_state.token).exists()


def _apply_changes(index: SearchIndex, latest: tuple[int, str]) -> None:
    changed = set(
        SearchChange.objects.filter(seq__gt=_state.seq, seq__lte=latest[0]).values_list("page_id", flat=True)
    )
    rows = {row.page_id: row for row in SearchDocument.objects.filter(page_id__in=changed)}
    for page_id in changed:
        if page_id in rows:
            index.add(make_doc(rows[page_id]))
        else:
            index.remove(page_id)


def _build(latest: tuple[int, str]) -> SearchIndex:
    index = SearchIndex()
    for row in SearchDocument.objects.filter(pk__isnull=False).iterator(chunk_size=2000):
        index.add(make_doc(row))
    return index


def reset() -> None:
    """Forget this process's index (tests, the rebuild command)."""
    with _state.lock:
        _state.index = None
        _state.seq, _state.token = 0, ""
