"""Text from visitors (query parameters) before it is echoed back or searched.

Control characters (C0, DEL, C1) and the invisible bidirectional controls
(U+202E turns the rest of a line around) are never shown back: escaping makes
them harmless to HTML, not to a reader or a terminal.
"""

import re

#: A regex character class body, valid both in Python and in pydantic's (Rust) patterns.
CONTROL_CHARACTERS = r"\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069"
_CONTROL_RE = re.compile(f"[{CONTROL_CHARACTERS}]")


def has_control_characters(value: str) -> bool:
    return bool(_CONTROL_RE.search(value))


def printable(value: str, limit: int | None = None) -> str:
    """`value` without control characters, cut to `limit` characters, for a message that quotes it."""
    return _CONTROL_RE.sub("", value)[:limit]
