"""The vocabulary on the pages: "Ook bekend als", the A–Z list, the API, and the publish cache."""

from carepages.conditions.factories import ConditionPageFactory
from carepages.core.testing import links, read, region, text
from carepages.publish_cache.generation import live_token
from carepages.vocabulary.models import LayTerm


def test_the_condition_page_lists_the_lay_terms_that_mean_it(client, pages):
    page = read(client.get("/aandoeningen/verkoudheid/"))
    aka = text(page.select_one(".aka"))
    assert aka.startswith("Ook bekend als: ")
    assert "valling" in aka and "snotvalling" in aka
    # The editor's other name comes first; lay terms that only help the search are not shown.
    gordelroos = text(read(client.get("/aandoeningen/gordelroos/")).select_one(".aka"))
    assert gordelroos.startswith("Ook bekend als: herpes zoster, ")
    assert "zona" in gordelroos and "shingles" not in gordelroos


def test_the_a_to_z_list_has_see_entries(client, site_structure):
    ConditionPageFactory(parent=site_structure.conditions, title="Rugpijn", also_known_as="lumbago")
    ConditionPageFactory(parent=site_structure.conditions, title="Verkoudheid")
    page = read(client.get("/aandoeningen/"))
    # One link per entry, named as a screen reader says it; on screen "Lumbago → Rugpijn".
    assert links(region(page, "L")) == [("Lumbago, zie Rugpijn", "/aandoeningen/rugpijn/")]
    assert region(page, "L").find("a").get_text() == "Lumbago, zie → Rugpijn"
    assert ("Snotvalling, zie Verkoudheid", "/aandoeningen/verkoudheid/") in links(region(page, "S"))
    assert links(region(page, "R")) == [("Rugpijn", "/aandoeningen/rugpijn/")]
    nav = page.find("nav", attrs={"aria-label": "Aandoeningen van A tot Z"})
    assert ("L", "#letter-L") in links(nav)


def test_the_api_gives_the_lay_terms_of_a_condition(client, pages):
    data = client.get("/api/v1/conditions/verkoudheid/").json()
    assert "valling" in data["lay_terms"]
    assert data["also_known_as"] == []


def test_a_vocabulary_change_reaches_cached_pages(pages, django_capture_on_commit_callbacks):
    before = live_token()
    with django_capture_on_commit_callbacks(execute=True):
        LayTerm.objects.create(term="schnupfen", means="verkoudheid", on_pages=True)
    assert live_token() != before
