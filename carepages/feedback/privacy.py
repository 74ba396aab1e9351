"""Scrub what may identify a person from a comment before it is stored.

E-mail addresses, and every run of six or more digits, also written in groups or
with a country code (phone numbers +32 3 000 00 00, 0470 12 34 56, national
register numbers 85.07.30-033.28, bank accounts, dates of birth) are replaced by a
placeholder. Control characters are dropped (carepages/core/text.py).
"""

import re

from carepages.core.text import printable

EMAIL_PLACEHOLDER = "[e-mailadres verwijderd]"
NUMBER_PLACEHOLDER = "[nummer verwijderd]"
LONG_DIGIT_RUN = 6

# Generous on purpose: "jan punt peeters at example.be" is not caught, "x@y" is.
_EMAIL_RE = re.compile(r"[^\s@<>()\[\],;:\"']+@[^\s@<>()\[\],;:\"']+")
#: Digits, possibly in groups split by what people type in numbers, with an optional "+".
_DIGIT_GROUPS_RE = re.compile(r"\+?\d(?:[\s./\-()]*\d)*")


def _number(match: re.Match) -> str:
    found = match.group()
    if sum(c.isdigit() for c in found) >= LONG_DIGIT_RUN:
        return NUMBER_PLACEHOLDER
    return found


def scrub(comment: str) -> str:
    """The comment as it may be stored."""
    comment = printable(comment.replace("\r\n", "\n").replace("\n", " ")).strip()
    comment = _EMAIL_RE.sub(EMAIL_PLACEHOLDER, comment)
    return _DIGIT_GROUPS_RE.sub(_number, comment)
