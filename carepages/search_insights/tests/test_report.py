"""The editors' report in the admin, and the promotion it leads to, through the real admin."""

import json
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import querydict_from_html

from carepages.core.testing import read, text
from carepages.search_insights.models import WeeklySearch
from carepages.search_insights.recording import week_of

REPORT = "/admin/zoekopdrachten/"


def _rows(soup) -> dict[str, list[str]]:
    """The report's table, as {query: [the other cells' texts]}."""
    rows = {}
    for row in soup.select("table tbody tr"):
        cells = [text(cell) for cell in row.select("td")]
        rows[cells[0]] = cells[1:]
    return rows


def _menu(client) -> dict[str, str]:
    """The admin sidebar's menu items, {name: label}, submenus included (Wagtail packs them with telepath)."""
    props = read(client.get(reverse("wagtailadmin_home"))).select_one("#wagtail-sidebar-props")
    items = {}

    def walk(node):
        if isinstance(node, dict):
            if "name" in node and "label" in node:
                name = node["name"]
                items[name["_val"] if isinstance(name, dict) else name] = node["label"]
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(props.string))
    return items


def _search(client, *queries):
    for query in queries:
        client.get("/zoeken/", {"q": query})


def test_the_report_lists_this_weeks_searches_most_frequent_first(admin_client, hospital_db):
    _search(admin_client, "pijn", "valling", "pijn", "coloscopie", "pijn", "valling")
    soup = read(admin_client.get(REPORT))
    assert text(soup.select_one("h1")) == "Zoekopdrachten van patiënten"
    rows = _rows(soup)
    assert list(rows) == ["pijn", "valling", "coloscopie"]
    assert [cells[:3] for cells in rows.values()] == [["3", "0", "0"], ["2", "2", "0"], ["1", "0", "1"]]


def test_the_report_keeps_only_searches_with_no_or_poor_results_when_asked(admin_client, hospital_db):
    _search(admin_client, "pijn", "valling", "coloscopie")
    assert list(_rows(read(admin_client.get(REPORT, {"results": "unanswered"})))) == ["coloscopie", "valling"]
    assert list(_rows(read(admin_client.get(REPORT, {"results": "none"})))) == ["valling"]


def test_the_report_shows_one_week_at_a_time(admin_client, hospital_db, today):
    this_week = week_of(timezone.localdate())
    earlier = this_week - timedelta(weeks=3)
    WeeklySearch.objects.create(week=earlier, query="plaaster", searches=4, without_results=4)
    _search(admin_client, "valling")
    assert list(_rows(read(admin_client.get(REPORT)))) == ["valling"]
    soup = read(admin_client.get(REPORT, {"week": earlier.isoformat()}))
    assert list(_rows(soup)) == ["plaaster"]
    labels = [text(option) for option in soup.select("select[name=week] option")]
    sunday = earlier + timedelta(days=6)
    assert labels[1] == f"week {earlier.isocalendar().week}: {earlier:%d/%m/%Y} – {sunday:%d/%m/%Y}"


def test_each_search_has_one_click_to_the_vocabulary_and_to_a_promotion(admin_client, hospital_db):
    _search(admin_client, "Pijn in mijn hiel")
    links = {text(a): a["href"] for a in read(admin_client.get(REPORT)).select("table tbody a")}
    # The vocabulary's own add form (carepages/vocabulary), which fills in the term.
    vocabulary = "/admin/snippets/vocabulary/layterm/add/"
    assert links["Toevoegen aan woordenlijst"] == vocabulary + "?term=pijn+in+mijn+hiel"
    assert links["Pagina aanbevelen"] == "/admin/zoekopdrachten/aanbevelen/?q=pijn+in+mijn+hiel"


def test_a_promotion_from_the_report_puts_the_page_first_on_the_site(admin_client, hospital_db):
    _search(admin_client, "valling")
    assert "valling" in _rows(read(admin_client.get(REPORT)))
    form_page = admin_client.get("/admin/zoekopdrachten/aanbevelen/?q=valling")
    form = read(form_page).select_one("form[method=post]")
    assert form.select_one("input[name=query_string]")["value"] == "valling"

    data = querydict_from_html(form_page.text, form_id=form["id"])
    data.update(
        {
            "editors_picks-TOTAL_FORMS": "1",
            "editors_picks-0-ORDER": "0",
            "editors_picks-0-page": str(hospital_db["allergische-rinitis"].pk),
            "editors_picks-0-description": "",
        }
    )
    saved = admin_client.post(form["action"], data)
    assert saved.status_code == 302

    found = admin_client.get("/zoeken/", {"q": "Valling"})
    assert read(found).select_one(".search-result a")["href"] == "/aandoeningen/allergische-rinitis/"
    api = admin_client.get("/api/v1/search/", {"q": "valling"}).json()
    assert [hit["slug"] for hit in api["results"]][:1] == ["allergische-rinitis"]
    # The report now links to the promotion made, to change it.
    links = {text(a): a["href"] for a in read(admin_client.get(REPORT)).select("table tbody a")}
    assert links["Pagina aanbevelen"].startswith("/admin/searchpicks/")


def test_the_admin_menus_offer_the_report_and_the_promotions_in_dutch(admin_client, hospital_db):
    menu = _menu(admin_client)
    assert menu["patient-searches"] == "Zoekopdrachten van patiënten"
    assert menu["promoted-search-results"] == "Uitgelichte zoekresultaten"
    assert "search-terms" not in menu  # Wagtail's own report, which this site does not fill


def test_an_editor_without_the_permission_has_no_report(editor_client, hospital_db):
    client = editor_client()
    _search(client, "valling")
    assert "patient-searches" not in _menu(client)
    response = client.get(REPORT)
    assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))


def test_an_editor_given_the_permission_sees_the_report(editor_client, hospital_db):
    client = editor_client("search_insights.view_weeklysearch")
    _search(client, "valling")
    assert _menu(client)["patient-searches"] == "Zoekopdrachten van patiënten"
    assert list(_rows(read(client.get(REPORT)))) == ["valling"]
