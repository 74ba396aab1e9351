"""The lay vocabulary as the search and the pages use it: lay words → the words pages use.

Terms are matched on their folded, stemmed words, so "vallingen" meets the row
"valling" and "Heart attack" meets "heart attack". A term's `means` may name
several words, separated by commas ("injectie, inspuiting, vaccinatie"): each
is a way a page may say it.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from carepages.language import analysis

#: The longest lay term, in words, that a query is scanned for.
MAX_TERM_WORDS = 4


def split_means(means: str) -> list[str]:
    return [part.strip() for part in means.split(",") if part.strip()]


@lru_cache(maxsize=50_000)
def term_key(text: str) -> tuple[str, ...]:
    """The stems of a term's words: what a query's words are compared with."""
    return tuple(analysis.stem(word) for word in analysis.words(text))


@dataclass
class Lexicon:
    """Lay terms by key; `means` of each, as written by the editors."""

    entries: dict[tuple[str, ...], list[str]] = field(default_factory=dict)
    #: Folded words of every term: a word the vocabulary knows is never "corrected".
    known_words: frozenset[str] = frozenset()
    #: One-word terms, folded, sorted: the word being typed completes to them ("vallin" → valling).
    single_words: tuple[str, ...] = ()
    #: One-word terms by how they sound (analysis.sound_key): "kolonoskopie" finds "colonoscopie".
    sounds: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def from_rows(cls, rows) -> Lexicon:
        """From (term, means) pairs."""
        entries: dict[tuple[str, ...], list[str]] = {}
        known: set[str] = set()
        rows_list = list(rows)
        for term, means in rows_list:
            key = term_key(term)
            if not key:
                continue
            meanings = entries.setdefault(key, [])
            meanings.extend(m for m in split_means(means) if m not in meanings)
            known.update(analysis.words(term))
        sounds = {}
        for key in entries:
            words = analysis.words(" ".join(key))
            if len(key) == 1 and len(key[0]) >= 5 and words[0].isalpha():
                sounds.setdefault(analysis.sound_key(key[0]), key)
        singles = sorted({words[0] for term, _ in rows_list if len(words := analysis.words(term)) == 1})
        return cls(entries=entries, known_words=frozenset(known), sounds=sounds, single_words=tuple(singles))

    @classmethod
    def load(cls) -> Lexicon:
        from .models import LayTerm

        return cls.from_rows(LayTerm.objects.values_list("term", "means"))

    def __len__(self) -> int:
        return len(self.entries)

    def find(self, words: list[str]) -> list[tuple[int, int, list[str]]]:
        """(start, end, means) of the lay terms in a query's words, longest first, not overlapping."""
        if not self.entries:
            return []
        stems = [analysis.stem(word) for word in words]
        found, i = [], 0
        while i < len(stems):
            for size in range(min(MAX_TERM_WORDS, len(stems) - i), 0, -1):
                means = self.entries.get(tuple(stems[i : i + size]))
                if means:
                    found.append((i, i + size, means))
                    i += size
                    break
            else:
                means = self._sounding_like(stems[i])
                if means:
                    found.append((i, i + 1, means))
                i += 1
        return found

    def completing(self, prefix: str, limit: int = 5) -> list[str]:
        """The meanings of the one-word terms that `prefix` begins (while the patient types)."""
        start = bisect_left(self.single_words, prefix)
        found: list[str] = []
        for word in self.single_words[start : start + limit]:
            if not word.startswith(prefix):
                break
            for meaning in self.entries.get(term_key(word), ()):
                if meaning not in found:
                    found.append(meaning)
        return found

    def _sounding_like(self, stem: str) -> list[str]:
        """The meaning of a one-word term spelt by ear: "kolonoskopie" for "colonoscopie"."""
        if len(stem) < 5 or not stem.isalpha():
            return []
        key = self.sounds.get(analysis.sound_key(stem))
        return self.entries[key] if key else []
