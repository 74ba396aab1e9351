"""Find placeholder texts and dead links that must not stay on the public site.

The seed page came with lorem ipsum in its footer and links to "#"; the demo
content says "Voorbeeldtekst"/"Voorbeeldinhoud" where an editor still has to
write, and names the hospital "Voorbeeldziekenhuis" until an editor enters its
identity (site setting "Ziekenhuis"). This module lists the live pages and
settings that still contain them, for the editors' dashboard panel
(wagtail_hooks.py), together with the facts a page type says are still missing
(a page's `missing_details()`: a campus without address or hours).
"""

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from wagtail.models import Page

from .models import EXAMPLE_NAME, EXAMPLE_PHONE, FooterSettings, HospitalSettings

#: Phrases that only ever appear in filler text, matched case-insensitively.
PLACEHOLDER_PHRASES = ["lorem ipsum", "nullam id dolor", "voorbeeldtekst", "voorbeeldinhoud"]
_PHRASE = re.compile("|".join(re.escape(phrase) for phrase in PLACEHOLDER_PHRASES), re.IGNORECASE)
# href="#", href="" or href=" " (quoted either way): a link that leads nowhere.
_DEAD_HREF = re.compile(r"""href\s*=\s*(["'])\s*#?\s*\1""", re.IGNORECASE)


@dataclass(frozen=True)
class Finding:
    """One page or setting with placeholders: what it is and what was found."""

    label: str
    problems: tuple[str, ...]
    instance: object


def problems_in(texts: Iterable[str]) -> tuple[str, ...]:
    """What is wrong with these texts, in Dutch for the editors, each problem once."""
    found: list[str] = []
    phrases: set[str] = set()
    for value in texts:
        for match in _PHRASE.finditer(value):
            if match.group(0).lower() not in phrases:
                phrases.add(match.group(0).lower())
                found.append(f"voorbeeldtekst ‘{match.group(0)}’")
        if _DEAD_HREF.search(value) and "link zonder bestemming (#)" not in found:
            found.append("link zonder bestemming (#)")
    return tuple(found)


def _strings(value) -> Iterator[str]:
    """Every string inside a field value: text, rich text, StreamField data (nested dicts and lists)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)


def _page_texts(page: Page) -> Iterator[str]:
    for field in page._meta.concrete_fields:
        if field.get_internal_type() in ("CharField", "TextField") or field.name == "sections":
            value = field.value_from_object(page)
            if hasattr(value, "raw_data"):  # a StreamValue: its stored JSON-like data
                value = list(value.raw_data)
            yield from _strings(value)


def _missing_details(page: Page) -> tuple[str, ...]:
    # The demo content leaves facts it does not know empty (a campus's address, a service's
    # appointment number) rather than inventing them; page types list what is still missing.
    missing = getattr(page, "missing_details", None)
    return tuple(missing()) if missing else ()


def page_findings() -> list[Finding]:
    findings = []
    for page in Page.objects.live().filter(depth__gt=1).specific().order_by("path"):
        problems = problems_in(_page_texts(page)) + _missing_details(page)
        if problems:
            findings.append(Finding(page.get_admin_display_title(), problems, page))
    return findings


def _identity_problems(hospital: HospitalSettings) -> tuple[str, ...]:
    """The identity fields still at the demo's example value: patients would read a made-up name or number."""
    problems = []
    if hospital.name == EXAMPLE_NAME:
        problems.append(f"voorbeeldnaam ‘{EXAMPLE_NAME}’")
    if hospital.phone == EXAMPLE_PHONE:
        problems.append(f"voorbeeldnummer ‘{EXAMPLE_PHONE}’")
    return tuple(problems)


def settings_findings() -> list[Finding]:
    hospital = HospitalSettings.load()
    footer = FooterSettings.load()
    findings = [
        Finding(str(setting._meta.verbose_name).capitalize(), problems, setting)
        for setting, problems in [
            (hospital, _identity_problems(hospital)),
            (footer, problems_in([footer.ombudsdienst, footer.publisher]) + footer.missing_statements()),
        ]
    ]
    return [finding for finding in findings if finding.problems]


def find_placeholders() -> list[Finding]:
    """Settings first (they show on every page), then live pages in tree order."""
    return settings_findings() + page_findings()
