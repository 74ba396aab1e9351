"""Which queries may be counted, and in which form.

A query is kept lower case with single spaces, the way Wagtail's search
promotions store theirs, so a counted query and a promotion for it match.
Anything that may identify a person is never stored: an e-mail address, and
any run of six or more digits, also written in groups (phone numbers,
"rijksregisternummer" 85.07.30-033.28, bank accounts, dates of birth).
"""

import re

from .models import MAX_QUERY_CHARS

LONG_DIGIT_RUN = 6
#: Digits, possibly in groups split by the separators people type in numbers.
_DIGIT_GROUPS_RE = re.compile(r"\d(?:[\s./\-()+]*\d)*")


def normalise(query: str) -> str:
    return " ".join(query.lower().split())


def looks_personal(query: str) -> bool:
    if "@" in query:  # an e-mail address, or part of one: nothing else in a search needs "@"
        return True
    runs = _DIGIT_GROUPS_RE.finditer(query)
    return any(sum(c.isdigit() for c in run.group()) >= LONG_DIGIT_RUN for run in runs)


def storable(query: str) -> str | None:
    """The query as it would be counted, or None when it must not be kept."""
    query = normalise(query)
    if not query or len(query) > MAX_QUERY_CHARS or looks_personal(query):
        return None
    return query
