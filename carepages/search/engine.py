"""Site search: one entry point for the /zoeken/ page, the suggestions and the API.

A query is cut into clauses (clauses.py), one per meaningful word, each met by
the word's stem, its compound parts, a prefix, a lay meaning, a sound or a
typo; adjacent words may also meet a compound written as one
("dikke darm kanker" → dikkedarmkanker). A page scores the
idf-weighted share of the clauses it meets, each by the best field it meets
it in (title and also-known-as over intro over body), plus a bonus for the
share of its title (or other name) that the query covers, so the page whose
title is the query comes first. See docs/search.md.
"""

import heapq
import math
import re
from dataclasses import dataclass, field
from operator import itemgetter

from django.utils.safestring import SafeString, mark_safe

from carepages.core import kinds as page_kinds
from carepages.language import analysis

from .clauses import STEM_ONLY_QUALITY, Clause, is_known_word, make_clauses, typo_candidates
from .following import reading
from .index import Doc, SearchIndex
from .promoted import cache as promotions
from .snippets import candidate_pattern, snippet

MAX_QUERY_CHARS = 200
MAX_LIMIT = 100

#: "Bedoelde je …?" only when the corrected query finds clearly better results than the query did.
SUGGESTION_MARGIN = 1.1
#: How much of the score the share of a title covered by the query adds.
TITLE_COVER_BONUS = 0.5
#: A page that meets more of what the query says comes first: this share of the score depends on
#: the share of the query (by idf weight, so the rarest word counts most) that the page meets.
#: Measured on both evaluation sets: 0.5 lifts sentences ("bloed bij de stoelgang en jeuk")
#: and a service named with its campus, and changes nothing on the first set.
COORDINATION = 0.5
#: A condition whose title the query names whole outranks a treatment that only mentions it.
CONDITION_BONUS = 0.05
#: How many of the best pages by base score are scored with the title bonus.
RERANK_DEPTH = 200
#: No patient pages past fifty pages of results; counting thousands of weak matches is slow.
MAX_RESULTS = 500
#: Results scoring under this share of the best one are noise ("pijn" somewhere in a body).
RELATIVE_CUTOFF = 0.08

_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")


@dataclass
class Hit:
    type: str  # the kind's API type (kinds.api_types())
    slug: str
    title: str
    url: str
    snippet: str  # plain text
    label: str  # Aandoening, Dienst, Locatie, Behandeling, Onderzoek, Info
    page_id: int
    highlighted: SafeString = field(default_factory=lambda: mark_safe(""))  # snippet as HTML, <mark>ed
    subkind: str = ""  # condition, service, location, treatment, examination, info
    score: float = 0.0


@dataclass
class SearchResponse:
    query: str
    count: int
    results: list[Hit] = field(default_factory=list)
    suggestion: str | None = None  # "Bedoelde je …?"
    facets: dict[str, int] = field(default_factory=dict)  # subkind → results of that kind, before filtering


def clean_query(query) -> str:
    """The query as searched: no control characters or NUL, single spaces, at most 200 characters."""
    if not isinstance(query, str):
        return ""
    query = _CONTROL_RE.sub(" ", query)
    return " ".join(query.split())[:MAX_QUERY_CHARS].strip()


def resolve_kinds(kinds) -> set[str] | None:
    """The subkinds to keep, or None for all. Raises ValueError naming an unknown kind."""
    if not kinds:
        return None
    # A caller names an API type ("page": every kind it groups) or one kind ("treatment").
    types = page_kinds.api_types()
    subkinds = [kind.key for kind in page_kinds.all() if kind.key not in types]
    wanted = set()
    for kind in kinds:
        if kind in types:
            wanted.update(each.key for each in page_kinds.of_api_type(kind))
        elif kind in subkinds:
            wanted.add(kind)
        else:
            raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(types + subkinds)}")
    return wanted


def search(query: str, kinds: list[str] | None = None, limit: int = 10, offset: int = 0) -> SearchResponse:
    """The best `limit` results after `offset` for `query`, of the given kinds (default: all)."""
    query = clean_query(query)
    wanted = resolve_kinds(kinds)
    limit = max(0, min(int(limit), MAX_LIMIT))
    offset = max(0, int(offset))
    if not analysis.words(query):
        return SearchResponse(query=query, count=0)
    with reading() as (index, version):
        promoted = promotions.get(query, version)
        return _search(index, query, wanted, limit, offset, promoted)


def _search(
    index: SearchIndex,
    query: str,
    wanted: set[str] | None,
    limit: int,
    offset: int,
    promoted: list[int] | None = None,
) -> SearchResponse:
    ranked, rest, clauses = rank(index, query)
    best_score = ranked[0][0] if ranked else 0.0  # before promotion: "Bedoelde je" weighs the ranking alone
    if promoted:
        ranked, rest = _promote(index, promoted, ranked, rest)
    facets: dict[str, int] = {}
    for part in (ranked, rest):
        for _, doc in part:
            facets[doc.subkind] = facets.get(doc.subkind, 0) + 1
    if wanted is not None:
        ranked = [(score, doc) for score, doc in ranked if doc.subkind in wanted]
        rest = [(score, doc) for score, doc in rest if doc.subkind in wanted]
    count = len(ranked) + len(rest)
    if offset + limit > len(ranked):  # past the reranked top: the rest in base-score order
        rest.sort(key=_rank_key)
        ranked = ranked + rest
    query_terms = _all_terms(clauses)
    candidate = candidate_pattern(query_terms)
    seen: dict[str, bool] = {}  # words of the pages that meet the query, for the snippets
    results = [
        _hit(doc, score, query_terms, candidate, seen) for score, doc in ranked[offset : offset + limit]
    ]
    # An editor said what this query means: no "Bedoelde je" next to their choice.
    editors_choice = bool(promoted) and bool(ranked) and ranked[0][1].page_id in promoted
    suggestion = None if editors_choice else suggest(index, query, clauses)
    if suggestion and not _clearly_better(index, suggestion, best_score):
        suggestion = None
    return SearchResponse(query=query, count=count, results=results, suggestion=suggestion, facets=facets)


def _rank_key(item: tuple[float, Doc]) -> tuple[float, str]:
    return -item[0], item[1].title


Ranked = list[tuple[float, Doc]]
Scores = dict[int, float]  # page id → score


def _promote(index: SearchIndex, page_ids: list[int], ranked: Ranked, rest: Ranked) -> tuple[Ranked, Ranked]:
    """The promoted pages first (only live ones: the index holds no others), then the ranking without them.

    A promoted page comes first even when it does not contain the query's words
    ("valling" → Verkoudheid): that is what a promotion is for.
    """
    docs = [doc for doc in map(index.doc, page_ids) if doc is not None]
    if not docs:
        return ranked, rest
    chosen = {doc.page_id for doc in docs}
    top = ranked[0][0] if ranked else 1.0
    first = [(top, doc) for doc in docs]
    return (
        first + [item for item in ranked if item[1].page_id not in chosen],
        [item for item in rest if item[1].page_id not in chosen],
    )


def rank(index: SearchIndex, query: str) -> tuple[Ranked, Ranked, list[Clause]]:
    """Every page that meets the query well enough, with the clauses used.

    The best RERANK_DEPTH by base score come sorted, with the title bonus; the
    rest (on a common word, thousands of pages) unsorted, with their base score.
    """
    clauses = make_clauses(index, analysis.words(query))
    clause_scores = [score_clause(index, clause) for clause in clauses]
    _complete_capped(index, clauses, clause_scores)
    _apply_joins(index, [clause.word for clause in clauses], clause_scores)

    weights = [_clause_weight(index, c, scores) for c, scores in zip(clauses, clause_scores, strict=True)]
    _restrict_to_places(index, clauses, clause_scores, weights)
    total_weight = sum(weights)
    base: dict[int, float] = {}
    met: dict[int, float] = {}  # the share of the query's weight a page meets at all
    for weight, scores in zip(weights, clause_scores, strict=True):
        share = weight / total_weight
        for page_id, score in scores.items():
            base[page_id] = base.get(page_id, 0.0) + share * score
            met[page_id] = met.get(page_id, 0.0) + share
    if not base:
        return [], [], clauses

    # Only the best by base score get the title bonus (at most ×1.5): enough to reorder the top,
    # and it keeps a query on a common word fast on a large site.
    query_terms = _all_terms(clauses)
    best = heapq.nlargest(MAX_RESULTS, base.items(), key=itemgetter(1))
    top = best[:RERANK_DEPTH]
    ranked = []
    for page_id, score in top:
        doc = index.doc(page_id)
        cover = _title_cover(doc, query_terms)
        final = score * (1 + TITLE_COVER_BONUS * cover) * (1 - COORDINATION + COORDINATION * met[page_id])
        if cover == 1.0 and doc.kind == "condition":
            final += CONDITION_BONUS
        ranked.append((final, doc))
    ranked.sort(key=_rank_key)
    cutoff = ranked[0][0] * RELATIVE_CUTOFF
    ranked = [item for item in ranked if item[0] >= cutoff]
    rest = [(score, index.doc(pid)) for pid, score in best[RERANK_DEPTH:] if score >= cutoff]
    return ranked, rest, clauses


def _complete_capped(
    index: SearchIndex, clauses: list[Clause], clause_scores: list[dict[int, float]]
) -> None:
    """What a common word adds to the pages the query's rarer words found.

    A clause on a word in thousands of pages scores only its top postings (MAX_SCORED_POSTINGS):
    the cap limits which pages a common word brings in, not what it adds to a page that a rarer
    word of the query brought in ("pijn" in the body of the one page with "hiel" in its title).
    """
    capped = [
        any(index.is_capped(t) for slots in c.alternatives for slot in slots for t in slot) for c in clauses
    ]
    if not any(capped) or all(capped):
        return
    found = {
        page_id for scores, cap in zip(clause_scores, capped, strict=True) if not cap for page_id in scores
    }
    for i, clause in enumerate(clauses):
        if capped[i]:
            missing = found - clause_scores[i].keys()
            if missing:
                clause_scores[i] = {**clause_scores[i], **score_clause(index, clause, missing)}


def score_clause(index: SearchIndex, clause: Clause, pages: set[int] | None = None) -> dict[int, float]:
    """Page id → how well (0..1) the page meets the clause (of `pages` only, when given)."""
    best: dict[int, float] = {}
    for number, slots in enumerate(clause.alternatives):
        slot_scores = [_slot_scores(index, slot, pages) for slot in slots]
        if number == 0 and clause.literal:
            slot_scores = [_as_written(index, clause.literal, scores) for scores in slot_scores]
        if len(slot_scores) == 1:
            combined = slot_scores[0]
        else:
            # All parts must be met, and the weakest one counts: "hartfilmpje" is no page with "hart"
            # in the title and "film" somewhere. Meeting some parts only counts for little.
            combined, met = {}, {}
            for scores in slot_scores:
                for page_id, score in scores.items():
                    combined[page_id] = combined.get(page_id, 0.0) + score
                    met[page_id] = met.get(page_id, 0) + 1
            whole = len(slot_scores)
            for page_id, count in met.items():
                if count == whole:
                    combined[page_id] = min(scores.get(page_id, 0.0) for scores in slot_scores)
                else:
                    combined[page_id] = combined[page_id] / whole * count / whole * 0.5
        for page_id, score in combined.items():
            if score > best.get(page_id, 0.0):
                best[page_id] = score
    return best


def _as_written(index: SearchIndex, word: str, scores: dict[int, float]) -> dict[int, float]:
    """`scores`, lowered for the pages that have the word's stem but not the word itself."""
    return {
        page_id: score if word in index.doc(page_id).surface else score * STEM_ONLY_QUALITY
        for page_id, score in scores.items()
    }


def _slot_scores(
    index: SearchIndex, slot: dict[str, float], pages: set[int] | None = None
) -> dict[int, float]:
    if pages is not None:  # given pages: every posting, not only the top ones
        scores: dict[int, float] = {}
        for term, quality in slot.items():
            for page_id, weight in index.weights(term, pages).items():
                if weight * quality > scores.get(page_id, 0.0):
                    scores[page_id] = weight * quality
        return scores
    if len(slot) == 1:
        ((term, quality),) = slot.items()
        top = index.top_postings(term)
        return dict(top) if quality == 1.0 else {pid: w * quality for pid, w in top}
    scores: dict[int, float] = {}
    for term, quality in slot.items():
        for page_id, weight in index.top_postings(term):
            value = weight * quality
            if value > scores.get(page_id, 0.0):
                scores[page_id] = value
    return scores


def _restrict_to_places(
    index: SearchIndex, clauses: list[Clause], clause_scores: list[dict[int, float]], weights: list[float]
) -> None:
    """A campus named beside what the patient looks for restricts, it does not outweigh.

    In "kinderarts augustinus" or "longziekten palfijn" the campus's name is the rarest word, and
    the campus's own page has it in its title: it came first, before the service the patient
    looks for. Beside other words, a campus's name counts as met by every page that names the
    campus (a service lists its campuses, least weight), in whatever field: among the pages at
    the campus, the other words decide the order. A query of campus names only ("palfijn",
    "zas palfijn") finds the campus as any query does.
    """
    places = [c.exact and c.meanings_from is None and index.is_place(_own_term(c)) for c in clauses]
    if not any(places) or all(places):
        return
    for i, place in enumerate(places):
        if place:  # the pages that name the campus; not those that meet only a part ("middel")
            naming = index.weights(_own_term(clauses[i]), set(clause_scores[i]))
            clause_scores[i] = {**clause_scores[i], **dict.fromkeys(naming, 1.0)}


def _own_term(clause: Clause) -> str:
    """The stem of the clause's word as written (its first alternative's first term)."""
    return next(iter(clause.alternatives[0][0]))


def _clause_weight(index: SearchIndex, clause: Clause, scores: dict[int, float]) -> float:
    """How much the clause's word says about what the patient looks for: the rarer, the more.

    Rare on the site (idf) and rare in Dutch: in a sentence ("mijn oma vergeet de laatste tijd
    alles") the everyday words ("laatste", "tijd") say little even on a site where few pages
    happen to use them; the word that matters is rare in both. A lay term weighs as what it
    means ("kinderarts" as "kindergeneeskunde"), not as its own stem or a part ("arts").
    """
    if clause.meanings_from is not None:
        readings = clause.alternatives[clause.meanings_from :]
        if not clause.literal:
            readings = [clause.alternatives[0], *readings]
        site = index.idf(max(max((_alternative_df(index, slots) for slots in readings), default=1), 1))
    else:
        site = index.idf(max(_clause_df(index, clause), len(scores), 1))
    return min(site, _language_idf(clause.word, index.idf(1)))


#: About how many words a page has, to read a word's frequency in Dutch as a share of pages.
PAGE_WORDS = 300


def _language_idf(text: str, most: float) -> float:
    """The idf the word (of several: the rarest) would have on pages of everyday Dutch, at most `most`."""
    zipf = min((analysis.zipf(word) for word in text.split()), default=0.0)
    if zipf <= 0:
        return most
    share = min(1.0, PAGE_WORDS * 10 ** (zipf - 9))
    return min(most, math.log(1 + 1 / share))


def _clause_df(index: SearchIndex, clause: Clause) -> int:
    """How many pages meet the clause, about: the commonest of its terms."""
    return max(
        (index.df(term) for slots in clause.alternatives for slot in slots for term in slot), default=0
    )


def _alternative_df(index: SearchIndex, slots: list[dict[str, float]]) -> int:
    """About how many pages meet every slot: at most those of the rarest slot."""
    return min(max((index.df(term) for term in slot), default=0) for slot in slots)


def _apply_joins(index: SearchIndex, words: list[str], clause_scores: list[dict[int, float]]) -> None:
    """Words the patient wrote apart meet a compound the page writes as one: "spat ader" → spatader."""
    for size in (2, 3):
        for start in range(len(words) - size + 1):
            joined = analysis.stem("".join(words[start : start + size]))
            if not index.has_term(joined):
                continue
            posting = index.top_postings(joined)
            for i in range(start, start + size):
                scores = clause_scores[i] = dict(clause_scores[i])
                for page_id, weight in posting:
                    if weight > scores.get(page_id, 0.0):
                        scores[page_id] = weight


def _terms(clause: Clause) -> set[str]:
    return {term for slots in clause.alternatives for slot in slots for term in slot}


def _all_terms(clauses: list[Clause]) -> set[str]:
    return {term for c in clauses for slots in c.alternatives for slot in slots for term in slot}


def _title_cover(doc: Doc, query_terms: set[str]) -> float:
    """The share of the title (or the best other name) that the query names."""
    best = 0.0
    for atoms in (doc.title_atoms, *doc.name_atoms):
        if atoms:
            best = max(best, len(atoms & query_terms) / len(atoms))
    return best


def suggest(index: SearchIndex, query: str, clauses: list[Clause]) -> str | None:
    """ "Bedoelde je …?": the query with each unknown word replaced by the nearest indexed one.

    None when every word is known (as itself, its compound parts or a prefix).
    """
    replacements = {}
    for clause in clauses:
        parts = analysis.split_compound(clause.word)
        if clause.exact or index.words_with_prefix(clause.word, limit=1):
            continue
        if is_known_word(index, clause.word):
            continue
        if parts and all(index.has_term(analysis.stem(p)) for p in parts):
            continue
        candidates = typo_candidates(index, clause.word)
        if candidates:
            replacements[clause.word] = max(candidates, key=lambda c: index.word_count(c[0]))[0]
    if not replacements:
        return None
    return " ".join(replacements.get(word, word) for word in analysis.words(query))


def _clearly_better(index: SearchIndex, suggestion: str, best_score: float) -> bool:
    """The corrected query's best result scores clearly above the query's own best one (of any kind)."""
    corrected, _, _ = rank(index, suggestion)
    return bool(corrected) and corrected[0][0] >= best_score * SUGGESTION_MARGIN


def _hit(doc: Doc, score: float, query_terms: set[str], candidate: re.Pattern, seen: dict[str, bool]) -> Hit:
    plain, highlighted = snippet(doc, query_terms, candidate, seen)
    return Hit(
        type=doc.kind,
        slug=doc.slug,
        title=doc.title,
        url=doc.url,
        snippet=plain,
        label=doc.label,
        page_id=doc.page_id,
        highlighted=highlighted,
        subkind=doc.subkind,
        score=round(score, 4),
    )
