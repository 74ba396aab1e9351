"""The few lines of a page shown under a search result, with the words that matched marked.

The engine hands over the query's terms (stems, compound parts); a word of the
page is marked when it meets one of them as the index would have met it.
"""

import re
from bisect import bisect_right
from html import escape

from django.utils.safestring import SafeString, mark_safe

from carepages.language import analysis

from .index import Doc

SNIPPET_WORDS = 28
SNIPPET_SCAN_CHARS = 2000

_TEXT_WORD_RE = re.compile(r"\w+", re.UNICODE)


def _matches(word: str, query_terms: set[str], candidate: re.Pattern) -> bool:
    folded = word.lower() if word.isascii() else analysis.fold(word)
    # Stemming changes a word's end, so a word that meets a query term (itself or as a compound's
    # part) contains that term's first four letters (_candidate_pattern): a cheap test first.
    if not candidate.search(folded):
        return False
    if analysis.stem(folded) in query_terms:
        return True
    return any(part in query_terms for part in analysis.compound_terms(folded))


def candidate_pattern(query_terms: set[str]) -> re.Pattern:
    """Matches a folded word that may meet a query term: it contains a term's first four letters."""
    return re.compile("|".join(sorted({re.escape(term[:4]) for term in query_terms if term})) or "(?!)")


def _first_candidate(text: str, spans: list[re.Match], candidate: re.Pattern) -> int:
    """The first word that may meet a query term; the words before it cannot.

    A page whose words matched in its title only is otherwise stemmed word by word to its end
    (a third of a search's time, measured). In plain ASCII text, folding is lower-casing, so
    one search of the text finds where the candidates start.
    """
    if not text.isascii():
        return 0
    hit = candidate.search(text.lower())
    if hit is None:
        return len(spans)
    return max(0, bisect_right([span.start() for span in spans], hit.start()) - 1)


def snippet(
    doc: Doc, query_terms: set[str], candidate: re.Pattern | None = None, seen: dict[str, bool] | None = None
) -> tuple[str, SafeString]:
    """A few lines of the page around the first matched word: plain text, and HTML with <mark>s.

    `seen` remembers, across the results of one query, which words meet its terms: the pages
    of one result list share most of their words, and stemming each again is most of the cost.
    """
    text = " ".join(" ".join(part[:SNIPPET_SCAN_CHARS].split()) for part in (doc.intro, doc.body) if part)[
        :SNIPPET_SCAN_CHARS
    ]
    spans = list(_TEXT_WORD_RE.finditer(text))
    if not spans:
        return "", mark_safe("")
    candidate = candidate or candidate_pattern(query_terms)
    seen = {} if seen is None else seen

    def meets(i: int) -> bool:
        word = spans[i].group()
        found = seen.get(word)
        if found is None:
            found = seen[word] = _matches(word, query_terms, candidate)
        return found

    # Only the first match places the window, and only the words in it are marked.
    first = next((i for i in range(_first_candidate(text, spans, candidate), len(spans)) if meets(i)), 0)
    start = max(0, first - 6) if first > 6 else 0
    end = min(len(spans), start + SNIPPET_WORDS)
    begin_char = spans[start].start()
    end_char = spans[end - 1].end() if end < len(spans) else len(text)
    if end < len(spans):
        # Keep the punctuation right after the last word ("pijn." not "pijn").
        end_char = spans[end].start() if text[end_char : spans[end].start()].strip() else end_char
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(spans) else ""
    plain = prefix + text[begin_char:end_char].strip() + suffix
    pieces = [escape(prefix)]
    cursor = begin_char
    for i in range(start, end):
        if meets(i):
            m = spans[i]
            pieces.append(escape(text[cursor : m.start()]))
            pieces.append(f"<mark>{escape(m.group())}</mark>")
            cursor = m.end()
    pieces.append(escape(text[cursor:end_char].rstrip()))
    pieces.append(escape(suffix))
    return plain, mark_safe("".join(pieces))
