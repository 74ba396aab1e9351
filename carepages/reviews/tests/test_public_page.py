"""What a patient (and a search engine) reads of a page's review: dates, reviewers, sources."""

import datetime
import json
from pathlib import Path

from django.conf import settings

from carepages.core.testing import read, region, text
from carepages.infopages.factories import InfoPageFactory
from carepages.infopages.models import InfoPageSource, Kind
from carepages.site_settings.models import ReviewSettings


def jsonld(page) -> dict:
    (data,) = [json.loads(s.string) for s in page.find_all("script", type="application/ld+json")]
    return data


def paragraphs(page) -> list[str]:
    return [text(p) for p in page.find("main").find_all("p")]


def test_condition_shows_review_dates_and_reviewers_next_to_last_updated(client, hernia):
    page = read(client.get("/aandoeningen/hernia/"))
    lines = paragraphs(page)
    start = lines.index("Laatst bijgewerkt op 02/07/2024")
    assert lines[start + 1 : start + 3] == [
        "Laatst nagekeken op 01/03/2025 · Volgende controle: 01/03/2028",
        "Nagekeken door: An Voorbeeld (diensthoofd neurochirurgie), Bert Peeters",
    ]


def test_sources_close_the_page(client, hernia):
    page = read(client.get("/aandoeningen/hernia/"))
    sources = region(page, "Bronnen")
    assert [text(li) for li in sources.find_all("li")] == [
        "Lage rugpijn en lumbosacraal radiculair syndroom, KCE, 2017",
        "Richtlijn hernia",
    ]
    assert sources.find("a")["href"] == "https://kce.fgov.be/nl/lage-rugpijn"
    # The article's last content, after the services, where a reader who wants to check looks;
    # only the feedback form ("Jouw mening") follows it.
    sections = page.find("article").find_all("section")
    assert sections[-2:] == [sources, region(page, "Jouw mening")]


def test_sources_print_with_their_address():
    # A printed leaflet cannot be clicked: the print style writes each source's address out.
    css = (Path(settings.BASE_DIR) / "carepages/static/css/carepages.css").read_text(encoding="utf-8")
    print_rules = css[css.index("@media print") :].split("\n}\n")[0]
    assert ".sources a[href]::after" in print_rules
    assert ".sources" not in print_rules.split("display: none")[0].rsplit("\n", 1)[-1]


def test_jsonld_carries_review_reviewers_and_citations(client, hernia):
    data = jsonld(read(client.get("/aandoeningen/hernia/")))
    assert data["lastReviewed"] == "2025-03-01"
    assert data["reviewedBy"] == [
        {"@type": "Person", "name": "An Voorbeeld", "jobTitle": "diensthoofd neurochirurgie"},
        {"@type": "Person", "name": "Bert Peeters"},
    ]
    assert data["citation"][0] == {
        "@type": "CreativeWork",
        "name": "Lage rugpijn en lumbosacraal radiculair syndroom",
        "publisher": {"@type": "Organization", "name": "KCE"},
        "datePublished": "2017",
        "url": "https://kce.fgov.be/nl/lage-rugpijn",
    }


def test_site_period_and_page_override_set_the_next_review(client, hernia):
    settings = ReviewSettings.load()
    settings.review_period_years = 2
    settings.save()
    assert "Laatst nagekeken op 01/03/2025 · Volgende controle: 01/03/2027" in paragraphs(
        read(client.get("/aandoeningen/hernia/"))
    )
    hernia.next_review_on = datetime.date(2026, 9, 1)
    hernia.save_revision().publish()
    assert "Laatst nagekeken op 01/03/2025 · Volgende controle: 01/09/2026" in paragraphs(
        read(client.get("/aandoeningen/hernia/"))
    )


def test_a_page_never_reviewed_shows_only_last_updated(client, site_structure, today):
    page = InfoPageFactory(parent=site_structure.info[Kind.TREATMENT], title="Kine", slug="kine")
    page.save_revision().publish()
    lines = paragraphs(read(client.get(page.url)))
    assert "Laatst bijgewerkt op 02/03/2026" in lines
    assert not [line for line in lines if line.startswith(("Laatst nagekeken", "Nagekeken door"))]


def test_info_page_has_the_same_review_and_sources(client, site_structure, today):
    page = InfoPageFactory(parent=site_structure.info[Kind.EXAMINATION], title="MRI", slug="mri")
    page.reviewed_on = datetime.date(2026, 1, 5)
    page.sources = [InfoPageSource(title="MRI-onderzoek", publisher="Thuisarts", year=2024, url="")]
    page.save_revision().publish()
    html = read(client.get(page.url))
    assert "Laatst nagekeken op 05/01/2026 · Volgende controle: 05/01/2029" in paragraphs(html)
    assert [text(li) for li in region(html, "Bronnen").find_all("li")] == ["MRI-onderzoek, Thuisarts, 2024"]
    assert jsonld(html)["citation"][0]["name"] == "MRI-onderzoek"
