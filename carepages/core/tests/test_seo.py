"""What search engines and health portals read: JSON-LD, the sitemap and robots.txt."""

import json
import xml.etree.ElementTree as ET

import pytest
from wagtail.models import Page

from carepages.conditions.models import ConditionPage
from carepages.core.testing import read

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def jsonld(page) -> list[dict]:
    return [json.loads(script.string) for script in page.find_all("script", type="application/ld+json")]


@pytest.fixture
def rugpijn(demo_content):
    condition = ConditionPage.objects.get(slug="rugpijn")
    condition.also_known_as = "lumbago\n\n  spit  \n"
    condition.save_revision().publish()
    return condition


def test_condition_is_a_medical_web_page_about_a_medical_condition(client, rugpijn):
    (data,) = jsonld(read(client.get("/aandoeningen/rugpijn/")))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "MedicalWebPage"
    assert data["lastReviewed"] == "2024-07-02"
    assert data["inLanguage"] == "nl-BE"
    assert data["url"] == rugpijn.full_url
    assert data["about"] == {
        "@type": "MedicalCondition",
        "name": "Rugpijn",
        "alternateName": ["lumbago", "spit"],
        "description": rugpijn.intro,
    }


def test_also_known_as_is_shown_to_patients(client, rugpijn):
    page = read(client.get("/aandoeningen/rugpijn/"))
    assert "Ook bekend als: lumbago, spit" in page.get_text()


def test_json_ld_cannot_break_out_of_its_script_tag(client, rugpijn):
    rugpijn.also_known_as = "</script><script>alert(1)</script>"
    rugpijn.save_revision().publish()
    html = client.get("/aandoeningen/rugpijn/").content.decode()
    assert "<script>alert(1)" not in html
    (data,) = jsonld(read(client.get("/aandoeningen/rugpijn/")))
    assert data["about"]["alternateName"] == ["</script><script>alert(1)</script>"]


def test_sitemap_lists_every_live_page_and_no_drafts(client, demo_content):
    ConditionPage.objects.get(slug="rugpijn").unpublish()
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    paths = {loc.text.split("localhost", 1)[1] for loc in root.findall("sm:url/sm:loc", SITEMAP_NS)}
    assert {
        "/",
        "/aandoeningen/",
        "/diensten/fysische-geneeskunde-en-revalidatie/",
        "/locaties/zas-paola/",
        "/behandelingen/rugrevalidatie/",
        "/onderzoeken/rugpijn-onderzoeken/",
    } <= paths
    assert "/aandoeningen/rugpijn/" not in paths
    # Every live page, except an index without pages (/info/ and /artsen/ in the demo): it leads nowhere.
    assert "/info/" not in paths
    assert "/artsen/" not in paths
    assert paths == {page.url for page in Page.objects.live().filter(depth__gt=1)} - {"/info/", "/artsen/"}


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_admin_and_search(client):
    response = client.get("/robots.txt", HTTP_HOST="zorg.example.be")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert {"Disallow: /admin/", "Disallow: /zoeken/"} <= set(lines)
    assert "Sitemap: http://zorg.example.be/sitemap.xml" in lines
