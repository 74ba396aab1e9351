"""Unpublishing a page removes it, at once, from every page that shows it: no dead links."""

import pytest
from wagtail.models import Page

from carepages.core.testing import crawl, links, read, region, text


def page_by_slug(slug: str) -> Page:
    return Page.objects.get(slug=slug).specific


@pytest.fixture
def site(client, demo_content):
    return client


def test_the_demo_site_has_no_dead_links(site):
    statuses = crawl(site)
    assert {url: status for url, status in statuses.items() if status != 200} == {}
    # The crawl reached every kind of page.
    for url in [
        "/aandoeningen/rugpijn/",
        "/diensten/fysische-geneeskunde-en-revalidatie/",
        "/locaties/zas-paola/",
    ]:
        assert url in statuses
    assert "/behandelingen/rugrevalidatie/" in statuses and "/onderzoeken/rugpijn-onderzoeken/" in statuses


def test_unpublished_zie_ook_page_disappears(site):
    page_by_slug("rugrevalidatie").unpublish()

    condition = read(site.get("/aandoeningen/rugpijn/"))
    assert links(region(condition, "Zie ook")) == [
        ("Rugpijn onderzoeken", "/onderzoeken/rugpijn-onderzoeken/")
    ]
    assert "Rugrevalidatie" not in text(condition.find("main"))
    assert site.get("/behandelingen/rugrevalidatie/").status_code == 404
    assert "/behandelingen/rugrevalidatie/" not in crawl(site)


def test_zie_ook_heading_goes_when_every_related_page_is_unpublished(site):
    page_by_slug("rugrevalidatie").unpublish()
    page_by_slug("rugpijn-onderzoeken").unpublish()

    condition = read(site.get("/aandoeningen/rugpijn/"))
    assert "Zie ook" not in [text(h) for h in condition.find_all("h2")]


def test_unpublished_campus_disappears_everywhere(site):
    page_by_slug("zas-paola").unpublish()

    statuses = crawl(site)
    assert "/locaties/zas-paola/" not in statuses
    assert {url: status for url, status in statuses.items() if status != 200} == {}
    for url in [
        "/aandoeningen/rugpijn/",
        "/diensten/",
        "/locaties/",
        "/diensten/fysische-geneeskunde-en-revalidatie/",
    ]:
        page = read(site.get(url))
        assert "ZAS Paola" not in text(page.find("main")), url
    assert read(site.get("/aandoeningen/rugpijn/?locatie=zas-paola")).find(attrs={"role": "status"})


def test_unpublished_service_disappears_everywhere(site):
    page_by_slug("fysische-geneeskunde-en-revalidatie").unpublish()

    statuses = crawl(site)
    assert "/diensten/fysische-geneeskunde-en-revalidatie/" not in statuses
    assert {url: status for url, status in statuses.items() if status != 200} == {}
    condition = read(site.get("/aandoeningen/rugpijn/"))
    services = region(condition, "Diensten")
    assert "0 van 0" in text(services)
    assert "Fysische geneeskunde" not in text(condition.find("main"))
    campus = read(site.get("/locaties/zas-cadix/"))
    assert "Fysische geneeskunde" not in text(campus.find("main"))


def test_republishing_brings_it_back(site):
    campus = page_by_slug("zas-paola")
    campus.unpublish()
    campus.get_latest_revision().publish()

    card = region(read(site.get("/aandoeningen/rugpijn/")), "Diensten")
    assert ("ZAS Paola", "/locaties/zas-paola/") in links(card)
