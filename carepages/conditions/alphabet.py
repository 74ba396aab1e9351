"""The A–Z list of conditions."""

import string

from django.utils.text import slugify


def first_letter(title: str) -> str:
    """The letter a title files under: "Ëczeem" under E, "3-daagse" under #."""
    folded = slugify(title)[:1].upper()
    return folded if folded in string.ascii_uppercase else "#"


def group_by_letter(pages) -> list[tuple[str, list]]:
    """Every letter A–Z (and # when used) with its pages, empty letters included."""
    groups: dict[str, list] = {letter: [] for letter in string.ascii_uppercase}
    for page in pages:
        groups.setdefault(first_letter(page.title), []).append(page)
    if not groups.get("#"):
        groups.pop("#", None)
    return list(groups.items())
