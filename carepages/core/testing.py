"""Helpers for tests that read a page the way a patient (or a screen reader) does.

They look for headings, landmarks, links and text, never for CSS classes or
positions, so a redesign that keeps the content keeps the tests green.
"""

import re
from collections import deque
from urllib.parse import urldefrag, urlsplit

from bs4 import BeautifulSoup, Tag

TEXT_BLOCKS = ["h1", "h2", "h3", "h4", "p", "li", "summary", "label", "option", "address"]


def read(response, status: int = 200) -> BeautifulSoup:
    assert response.status_code == status, f"expected {status}, got {response.status_code}"
    return BeautifulSoup(response.content, "html.parser")


def text(element: Tag) -> str:
    """The text as read aloud: whitespace collapsed, aria-hidden decoration left out."""
    parts = []
    for node in element.descendants:
        if isinstance(node, str) and not any(
            isinstance(parent, Tag) and parent.get("aria-hidden") == "true" for parent in node.parents
        ):
            parts.append(str(node))
    return re.sub(r"\s+", " ", "".join(parts)).strip()


def blocks(element: Tag) -> list[str]:
    """Every heading, paragraph and list item in reading order, as text."""
    return [text(el) for el in element.find_all(TEXT_BLOCKS) if not el.find(TEXT_BLOCKS)]


def heading(soup: Tag, name: str, level: str | None = None) -> Tag:
    found = [h for h in soup.find_all(level or ["h1", "h2", "h3"]) if text(h) == name]
    assert len(found) == 1, f"expected one heading {name!r}, found {len(found)}"
    return found[0]


def region(soup: Tag, name: str) -> Tag:
    """The landmark or section labelled by the heading `name` (aria-labelledby)."""
    label = heading(soup, name)
    assert label.get("id"), f"heading {name!r} labels nothing"
    matches = soup.find_all(attrs={"aria-labelledby": label["id"]})
    assert len(matches) == 1, f"expected one region named {name!r}, found {len(matches)}"
    return matches[0]


def links(element: Tag) -> list[tuple[str, str]]:
    return [(text(a), a.get("href", "")) for a in element.find_all("a")]


def missing_in_order(expected: list[str], actual: list[str]) -> list[str]:
    """The first expected item (and those after it) that cannot be found in order: for assertion messages."""
    remaining = iter(actual)
    for index, item in enumerate(expected):
        if not any(item == candidate for candidate in remaining):
            return expected[index:]
    return []


def crawl(client, start: str = "/") -> dict[str, int]:
    """Follow every internal link from `start` (query strings included); the status of each URL."""
    seen: dict[str, int] = {}
    queue = deque([start])
    while queue:
        url = queue.popleft()
        if url in seen:
            continue
        response = client.get(url)
        seen[url] = response.status_code
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue
        for _, href in links(read(response)):
            href = urldefrag(href).url
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not href or href.startswith(("/admin/", "/documenten/")):
                continue
            if href.startswith("?"):
                href = urlsplit(url).path + href
            queue.append(href)
    return seen


def hospital_file() -> dict:
    """The test hospital as a content file: every kind, every optional key, links between new entries.

    A new dict each call, for a test to change. Import it with content_io's import_document.
    """
    return {
        "format": "carepages-content",
        "version": 1,
        "locations": [
            {
                "slug": "campus-noord",
                "name": "Campus Noord",
                "address": "Lange straat 1\n2000 Antwerpen",
                "phone": "03 000 00 00",
            },
            {"slug": "campus-zuid", "name": "Campus Zuid"},
        ],
        "services": [
            {
                "slug": "orthopedie",
                "name": "Orthopedie",
                "intro": "Botten en gewrichten.",
                "locations": ["campus-zuid", "campus-noord"],
            },
            {"slug": "neurologie", "name": "Neurologie", "locations": []},
        ],
        "pages": [
            {
                "slug": "kinesitherapie",
                "title": "Kinesitherapie",
                "kind": "treatment",
                "intro": "Oefenen.",
                "sections": [
                    {"heading": "Hoe verloopt het?", "body": "<p>Je oefent met een <em>kinesist</em>.</p>"}
                ],
                "last_updated": "2024-05-01",
            },
            {"slug": "mri", "title": "MRI", "kind": "examination"},
        ],
        "conditions": [
            {
                "slug": "hernia",
                "title": "Hernia",
                "intro": "Een uitpuilende tussenwervelschijf.",
                "also_known_as": ["discushernia", "hernia nuclei pulposi"],
                "sections": [
                    {
                        "heading": "Wat is de oorzaak?",
                        "body": "<p>Slijtage.</p><ul><li>Tillen</li><li>Leeftijd</li></ul>"
                        '<p>Zie <a href="https://www.gezondheidenwetenschap.be/">meer</a>.</p>',
                    },
                    {
                        "heading": "Wat kan je doen?",
                        "body": "<h3>Beweeg</h3><p>Blijf <strong>actief</strong>.</p>",
                    },
                ],
                "services": ["orthopedie", "neurologie"],
                "related": ["ischias", "kinesitherapie", "mri"],
                "last_updated": "2024-07-02",
            },
            {"slug": "ischias", "title": "Ischias", "related": ["hernia"]},
        ],
    }


def publish_links(page, relation: str, row_model, target: str, pages) -> None:
    """Give `page` one link row per page of `pages`, in that order (as the admin's inline panel
    stores them), and publish it: what the page factories' `services=[...]` and the like do.

    `relation` is the page's inline list ("service_links"), `target` the rows' key to the
    linked page ("service").
    """
    rows = [row_model(**{target: linked}, sort_order=index) for index, linked in enumerate(pages)]
    setattr(page, relation, rows)
    page.save_revision().publish()


def superuser_client(client, username: str = "beheerder"):
    """`client`, logged in to the admin as a new superuser called `username`."""
    from django.contrib.auth import get_user_model  # the user model is known once the apps are ready

    user = get_user_model().objects.create_superuser(username, f"{username}@example.be", "wachtwoord-123")
    client.force_login(user)
    return client
