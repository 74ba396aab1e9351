"""Site search: one entry point for the /zoeken/ page, the suggestions and the API.

A query is cut into clauses, one per meaningful word. Each clause may be met
by the word's stem, by its compound parts, by words it is a prefix of, or by
indexed words one or two typos away; adjacent words may also meet a compound
written as one ("dikke darm kanker" → dikkedarmkanker). A page scores the
idf-weighted share of the clauses it meets, each by the best field it meets
it in (title and also-known-as over intro over body), plus a bonus for the
share of its title (or other name) that the query covers, so the page whose
title is the query comes first. See docs/search.md.
"""

import heapq
import re
from dataclasses import dataclass, field
from operator import itemgetter

from django.utils.safestring import SafeString, mark_safe
from rapidfuzz import process
from rapidfuzz.distance import OSA

from carepages.core import kinds as page_kinds
from carepages.language import analysis

from .following import reading
from .index import Doc, SearchIndex
from .promoted import cache as promotions
from .snippets import candidate_pattern, snippet

MAX_QUERY_CHARS = 200
MAX_CLAUSES = 10
MAX_LIMIT = 100

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
PREFIX_EXPANSIONS = 10
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


@dataclass
class Clause:
    """One word of the query and the ways a page can meet it."""

    word: str
    alternatives: list[list[dict[str, float]]]  # each: slots that must all be met; a slot: term → quality
    exact: bool  # the word's own stem is in the index
    #: A lay term the stemmer changes: a page meets the first alternative (the term's stem) fully
    #: only when it has this word as written (see make_lay_clause).
    literal: str | None = None


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

    weights = [
        index.idf(max(_clause_df(index, c), len(scores), 1))
        for c, scores in zip(clauses, clause_scores, strict=True)
    ]
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
    for meaning in means:
        alternatives.extend(_meaning_alternatives(index, meaning))
    return Clause(word=" ".join(words), alternatives=alternatives, exact=True, literal=literal)


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
    known = known or exact or _is_known_word(index, word)
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


def _is_known_word(index: SearchIndex, word: str) -> bool:
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


def _clause_df(index: SearchIndex, clause: Clause) -> int:
    """How many pages meet the clause, about: the commonest of its terms."""
    return max(
        (index.df(term) for slots in clause.alternatives for slot in slots for term in slot), default=0
    )


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
        if _is_known_word(index, clause.word):
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
