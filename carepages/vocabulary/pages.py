"""The vocabulary on the pages: lay terms on the condition they mean, and "zie" entries A–Z.

A lay term belongs to a page when one of its meanings names the page: its title or one of
its also-known-as names, compared as the search compares them (stems, compounds as parts),
so "zona → gordelroos, herpes zoster" lands on "Gordelroos" on any hospital's site. Only
terms marked `on_pages` show; the others (spreektaal, spellings by ear) only help the search.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from carepages.language import analysis
from carepages.language.analysis import atoms

from .lexicon import split_means
from .models import LayTerm


def terms_by_meaning() -> dict[frozenset[str], list[str]]:
    """The atoms of each meaning → the lay terms that mean it, A to Z."""
    found: dict[frozenset[str], list[str]] = defaultdict(list)
    rows = LayTerm.objects.filter(on_pages=True).order_by("term").values_list("term", "means")
    for term, means in rows:
        for meaning in split_means(means):
            key = atoms(meaning)
            if key and term not in found[key]:
                found[key].append(term)
    return found


def lay_terms_for(title: str, names: list[str], by_meaning: dict | None = None) -> list[str]:
    """The lay terms that name a page with this title and these other names, not already shown."""
    by_meaning = terms_by_meaning() if by_meaning is None else by_meaning
    shown = {analysis.fold(name) for name in (title, *names)}
    shown_atoms = {atoms(name) for name in (title, *names)}
    terms: list[str] = []
    for name in (title, *names):
        for term in by_meaning.get(atoms(name), ()):
            if analysis.fold(term) not in shown and atoms(term) not in shown_atoms and term not in terms:
                terms.append(term)
    return terms


@dataclass(frozen=True)
class SeeEntry:
    """ "Lumbago → Rugpijn": a lay term in the A–Z list, pointing at the page it means."""

    title: str
    page: object

    is_see_entry = True


def see_entries(pages) -> list[SeeEntry]:
    """The "zie" entries of the A–Z list for these condition pages (also-known-as names and lay terms)."""
    by_meaning = terms_by_meaning()
    entries = []
    for page in pages:
        names = page.alternate_names
        for name in [*names, *lay_terms_for(page.title, names, by_meaning)]:
            entries.append(SeeEntry(title=name[:1].upper() + name[1:], page=page))
    return entries
