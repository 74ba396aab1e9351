"""Every public page of the demo site: one h1, landmarks, and nothing a strict CSP would block.

The Content Security Policy of production allows no inline script or style
and nothing from another origin; JSON-LD data blocks are data, not scripts.
"""

from urllib.parse import urlsplit

import pytest

from carepages.core.testing import crawl, read, text


@pytest.fixture
def pages(client, demo_content):
    urls = [url for url, status in crawl(client).items() if status == 200]
    urls.append("/bestaat-niet/")  # the 404 page too
    return {url: read(client.get(url), status=404 if url == "/bestaat-niet/" else 200) for url in urls}


def test_the_crawl_reaches_every_page_type(pages):
    for url in [
        "/",
        "/aandoeningen/",
        "/aandoeningen/rugpijn/",
        "/diensten/",
        "/locaties/",
        "/locaties/zas-paola/",
    ]:
        assert url in pages
    assert "/behandelingen/rugrevalidatie/" in pages and "/onderzoeken/rugpijn-onderzoeken/" in pages


def test_one_h1_a_title_and_the_landmarks_on_every_page(pages):
    for url, page in pages.items():
        assert len(page.find_all("h1")) == 1, url
        assert text(page.title).endswith("| Voorbeeldziekenhuis"), url  # the hospital's name (setting)
        assert page.html["lang"] == "nl-BE", url
        assert len(page.find_all("main")) == 1 and page.find("main")["id"] == "inhoud", url
        assert page.find("a", href="#inhoud"), url
        assert len(page.find_all("footer")) == 1 and page.find("header"), url


def test_no_inline_script_or_style_and_nothing_from_elsewhere(pages):
    for url, page in pages.items():
        assert not page.find_all(style=True), url
        assert not page.find_all("style"), url
        for script in page.find_all("script"):
            assert script.get("src") or script.get("type") == "application/ld+json", (url, str(script)[:80])
        fetched = [
            el
            for el in page.find_all(["script", "link", "img", "iframe"])
            if "canonical" not in el.get("rel", [])
        ]
        for element in fetched:
            address = element.get("src") or element.get("href") or ""
            assert not urlsplit(address).netloc, (url, address)
        for element in page.find_all(True):
            assert not [name for name in element.attrs if name.startswith("on")], (url, element.name)
