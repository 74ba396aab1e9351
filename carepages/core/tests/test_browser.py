"""The site in real Chromium: accessibility (axe-core), phone and desktop layout, print, a patient's path.

One browser per test module; each test gets a fresh page on the live server
with the demo content of `make run` loaded. Also makes the README's
screenshots (into a temporary folder; `make screenshots` renews docs/img/).
Without /usr/bin/chromium these tests are skipped on a developer's machine and
fail in CI (CI=true), where Chromium is installed.
"""

import io
import os
import re
from datetime import date, time
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page

from carepages.conditions.models import ConditionPage, ConditionService
from carepages.doctors.factories import DoctorPageFactory
from carepages.doctors.models import DoctorIndexPage
from carepages.feedback.models import Feedback
from carepages.locations.models import LocationPage
from carepages.services.models import ServiceLocation, ServicePage
from carepages.site_settings import identity
from carepages.site_settings.models import HospitalSettings

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}
#: 200 % zoom of a 1280 px window: the layout of a 640 px wide one, drawn at twice the pixels.
ZOOMED = {"width": 640, "height": 450}
#: The elements that stick out to the right of the viewport: what to fix when a page scrolls sideways.
WIDEST_ELEMENTS = """[...document.querySelectorAll("body *")]
    .filter(element => element.getBoundingClientRect().right > document.documentElement.clientWidth)
    .map(element => `${element.tagName}.${element.className} ${element.getBoundingClientRect().right}`)"""

#: One URL per page type (and state) a patient can reach.
PAGE_TYPES = {
    "home": "/",
    "condition index (A-Z)": "/aandoeningen/",
    "condition": "/aandoeningen/rugpijn/",
    "condition, filtered": "/aandoeningen/rugpijn/?locatie=zas-cadix",
    "condition, bad filter": "/aandoeningen/rugpijn/?locatie=nergens&pagina=x",
    "condition, feedback sent": "/aandoeningen/rugpijn/?bedankt=1",
    "service index": "/diensten/",
    "service": "/diensten/fysische-geneeskunde-en-revalidatie/",
    "campus index": "/locaties/",
    "campus": "/locaties/zas-cadix/",
    "treatment index": "/behandelingen/",
    "treatment": "/behandelingen/rugrevalidatie/",
    "examination": "/onderzoeken/rugpijn-onderzoeken/",
    "search": "/zoeken/?q=rugpijn",
    "not found (404)": "/bestaat-niet/",
}

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def browser():
    """One Chromium per test module, closed when the module's tests are done."""
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is not installed: the browser tests need Chromium (apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread for as long as it runs,
    # and Django then refuses ORM calls. Those of these tests are plain synchronous
    # calls between browser steps, so they are allowed, but only while the browser
    # runs: the tests after these get Django's usual check back.
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def site(transactional_db, live_server):
    """The demo content, loaded as `make run` does, served by the live server."""
    ensure_wagtail_root()
    cache.clear()  # Wagtail caches site root paths; the ids change from test to test
    call_command("load_demo_content", stdout=io.StringIO())
    assert ConditionPage.objects.live().filter(slug="rugpijn").exists()
    assert LocationPage.objects.live().count() == 10
    return live_server.url


def ensure_wagtail_root() -> None:
    """Put back what Wagtail's data migrations create, when an earlier transactional test flushed it.

    Each live-server test empties the database when it ends, the rows that
    migrations made included: the next one finds no root page and no locale.
    """
    if Page.get_first_root_node():
        return
    locale, _ = Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    Page.add_root(instance=Page(title="Root", slug="root", locale=locale))


@pytest.fixture
def open_page(browser, site):
    """open_page(path, viewport) -> a Playwright page; fails the test on any request off the live server."""
    contexts, foreign = [], []

    def opener(path: str, viewport: dict = DESKTOP):
        context = browser.new_context(viewport=viewport, locale="nl-BE")
        contexts.append(context)
        context.on(
            "request",
            lambda request: None if request.url.startswith((site, "data:")) else foreign.append(request.url),
        )
        page = context.new_page()
        response = page.goto(site + path)
        assert response is not None
        return page

    yield opener
    for context in contexts:
        context.close()
    assert foreign == [], "third-party requests"


def axe_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    return [
        f"{violation['id']} ({violation['impact']}): {node['target']} {node['failureSummary']}"
        for violation in results.response["violations"]
        for node in violation["nodes"]
    ]


def test_every_page_type_has_zero_axe_violations_on_desktop_and_phone(open_page, site):
    page = open_page("/")
    found = {}
    for viewport in (DESKTOP, PHONE):
        page.set_viewport_size(viewport)
        for name, path in PAGE_TYPES.items():
            page.goto(site + path)
            if name.startswith("condition") and name != "condition index (A-Z)":
                page.locator("summary", has_text="Filters").click()  # the filter form open, too
            violations = axe_violations(page)
            if violations:
                found[f"{name} {viewport['width']}px {path}"] = violations
    assert found == {}


def test_pages_fit_a_375px_phone_without_sideways_scrolling(open_page, site):
    page = open_page("/", PHONE)
    too_wide = {}
    for path in PAGE_TYPES.values():
        page.goto(site + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            too_wide[path] = page.evaluate(WIDEST_ELEMENTS)
    assert too_wide == {}


def test_pages_at_200_percent_zoom_have_no_sideways_scrolling(browser, site):
    context = browser.new_context(viewport=ZOOMED, device_scale_factor=2, locale="nl-BE")
    try:
        page = context.new_page()
        too_wide = {}
        for path in PAGE_TYPES.values():
            page.goto(site + path)
            if page.evaluate("document.documentElement.scrollWidth") > ZOOMED["width"]:
                too_wide[path] = page.evaluate(WIDEST_ELEMENTS)
        assert too_wide == {}
    finally:
        context.close()


def test_on_a_phone_the_header_is_one_short_bar_whose_menu_and_search_open_without_javascript(browser, site):
    context = browser.new_context(viewport=PHONE, locale="nl-BE", java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site + "/aandoeningen/rugpijn/")
        header = page.get_by_role("banner")
        assert header.bounding_box()["height"] <= 80  # the content starts in the first tenth of the screen
        assert header.get_by_role("link", name="03 000 00 00").is_visible()  # one tap to the hospital
        menu = page.get_by_role("navigation", name="Hoofdmenu")
        assert not menu.is_visible()
        header.locator("summary", has_text="Menu").click()
        assert menu.is_visible()
        for link in menu.get_by_role("link").all():  # one line each, a full-width tap target
            box = link.bounding_box()
            assert box["height"] < 60 and box["width"] > PHONE["width"] / 2, link.inner_text()
        header.locator("summary", has_text="Zoeken").click()
        header.get_by_role("searchbox", name="Zoek een aandoening, dienst of locatie").fill("lumbago")
        header.get_by_role("searchbox").press("Enter")
        page.wait_for_url("**/zoeken/?q=lumbago")
        assert page.get_by_role("link", name="Rugpijn", exact=True).is_visible()
    finally:
        context.close()
    # axe is a script: it checks the open menu in a context that runs scripts.
    context = browser.new_context(viewport=PHONE, locale="nl-BE")
    try:
        page = context.new_page()
        page.goto(site + "/aandoeningen/rugpijn/")
        page.get_by_role("banner").locator("summary", has_text="Menu").click()
        assert axe_violations(page) == []
    finally:
        context.close()


def test_on_a_desktop_the_search_field_and_the_menu_show_without_a_click(open_page):
    page = open_page("/locaties/zas-cadix/")
    header = page.get_by_role("banner")
    assert header.get_by_role("searchbox", name="Zoek een aandoening, dienst of locatie").is_visible()
    assert not header.locator("summary").first.is_visible()
    links = page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link").all()
    assert len(links) == 5 and all(link.is_visible() for link in links)
    assert len({link.bounding_box()["y"] for link in links}) == 1  # one row
    assert header.bounding_box()["height"] <= 160


def test_the_footer_columns_fill_the_width(open_page):
    page = open_page("/")
    footer = page.get_by_role("contentinfo")
    columns = footer.locator("section").all()
    right = max(column.bounding_box()["x"] + column.bounding_box()["width"] for column in columns)
    inner = footer.locator(".site-footer__inner").bounding_box()
    assert len({column.bounding_box()["y"] for column in columns}) == 1  # side by side
    assert right >= inner["x"] + inner["width"] - 40  # no empty column on the right


def test_a_patient_finds_back_pain_filters_by_campus_and_opens_the_campus(open_page):
    # A second service, only on ZAS Paola, so that the campus filter visibly narrows the list.
    paola = LocationPage.objects.get(slug="zas-paola")
    radiology = ServicePage(title="Radiologie", slug="radiologie")
    ServicePage.objects.get(slug="fysische-geneeskunde-en-revalidatie").get_parent().add_child(
        instance=radiology
    )
    radiology.location_links = [ServiceLocation(location=paola)]
    radiology.save_revision().publish()
    rugpijn = ConditionPage.objects.get(slug="rugpijn")
    rugpijn.service_links.add(ConditionService(service=radiology))
    rugpijn.save_revision().publish()

    page = open_page("/")
    page.get_by_role("navigation", name="Aandoeningen van A tot Z").get_by_role("link", name="R").click()
    page.get_by_role("link", name="Rugpijn", exact=True).click()
    assert page.get_by_role("heading", level=1).inner_text() == "Rugpijn"

    services = page.get_by_role("region", name="Diensten", exact=True)
    assert services.get_by_text("1 - 2 van 2").is_visible()
    filter_form = services.get_by_role("combobox", name="Locatie")
    assert not filter_form.is_visible()  # closed until the patient opens "Filters"
    services.get_by_text("Filters").click()
    filter_form.select_option(label="ZAS Cadix")
    services.get_by_role("button", name="Toon diensten").click()

    page.wait_for_url("**/aandoeningen/rugpijn/?locatie=zas-cadix*")
    services = page.get_by_role("region", name="Diensten", exact=True)
    assert services.get_by_text("1 - 1 van 1").is_visible()
    assert services.get_by_role("link", name="Radiologie").count() == 0
    services.get_by_role("link", name="ZAS Cadix").click()
    page.wait_for_url("**/locaties/zas-cadix/")
    assert page.get_by_role("heading", level=1).inner_text() == "ZAS Cadix"
    assert page.get_by_role("link", name="Fysische geneeskunde en revalidatie").is_visible()


def test_a_patient_without_javascript_says_a_page_was_useful(browser, site):
    context = browser.new_context(viewport=DESKTOP, locale="nl-BE", java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site + "/behandelingen/rugrevalidatie/")
        feedback = page.get_by_role("group", name="Was deze informatie nuttig?")
        feedback.get_by_role("radio", name="Ja").check()
        comment = page.get_by_role("textbox", name="Wat kunnen we beter doen?")
        comment.fill("Duidelijk, mail me op an@example.be")
        page.get_by_role("button", name="Verstuur").click()
        page.wait_for_url("**/behandelingen/rugrevalidatie/?bedankt=1#feedback")
        assert page.get_by_role("status").inner_text().startswith("Bedankt voor je feedback")
    finally:
        context.close()
    stored = Feedback.objects.get()
    assert (stored.page.slug, stored.useful, stored.comment) == (
        "rugrevalidatie",
        True,
        "Duidelijk, mail me op [e-mailadres verwijderd]",
    )


def test_keyboard_users_see_the_skip_link_and_where_focus_is(open_page):
    page = open_page("/aandoeningen/rugpijn/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Naar de inhoud")
    assert skip.evaluate("element => element === document.activeElement")
    box = skip.bounding_box()
    assert box and box["x"] >= 0 and box["y"] >= 0  # on screen once focused
    outline = skip.evaluate("element => getComputedStyle(element).outlineStyle")
    assert outline not in ("", "none")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhoud"
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "(() => { const style = getComputedStyle(document.activeElement);"
        " return [style.outlineStyle, style.outlineWidth]; })()"
    )
    assert focused[0] != "none" and focused[1] != "0px"


def test_condition_prints_as_a_clean_leaflet(open_page):
    page = open_page("/aandoeningen/rugpijn/")
    page.emulate_media(media="print")
    for hidden in ["banner", "contentinfo"]:
        assert not page.get_by_role(hidden).is_visible()
    assert not page.get_by_role("navigation", name="Hoofdmenu").is_visible()
    assert not page.get_by_role("navigation", name="Kruimelpad").is_visible()
    assert not page.get_by_text("Naar de inhoud").is_visible()
    assert not page.get_by_text("Filters").is_visible()
    assert not page.get_by_role("navigation", name="Op deze pagina").is_visible()  # no jumps on paper
    assert page.get_by_role("heading", name="Rugpijn, wat nu?").is_visible()
    for text in ["Doseer je activiteiten.", "Laatst bijgewerkt op 02/07/2024"]:
        assert page.get_by_text(text).is_visible(), text
    assert page.get_by_role("link", name="ZAS Medisch Centrum Kaai 142").is_visible()
    assert page.get_by_role("heading", level=1).is_visible()
    # "Zie ook" spells out where a link leads, as paper cannot be clicked.
    after = page.get_by_role("link", name="Rugrevalidatie").evaluate(
        "element => getComputedStyle(element, '::after').content"
    )
    assert "/behandelingen/rugrevalidatie/" in after
    assert len(page.pdf(format="A4")) > 10_000


def test_the_leaflet_is_a4_with_the_hospital_its_publisher_and_full_addresses(open_page):
    page = open_page("/aandoeningen/rugpijn/")
    page.emulate_media(media="print")
    assert page.get_by_text("Voorbeeldziekenhuis · patiënteninformatie").is_visible()
    assert page.get_by_text("V.U.: Voorbeeldtekst").is_visible()  # the footer's publisher, on paper too
    for counter_or_filter in ["1 - 1 van 1", "Filters"]:
        assert not page.get_by_text(counter_or_filter).is_visible()
    after = page.get_by_role("link", name="Rugpijn onderzoeken").evaluate(
        "element => getComputedStyle(element, '::after').content"
    )
    assert after.startswith('" (http') and after.endswith('/onderzoeken/rugpijn-onderzoeken/)"')
    # The stylesheet's @page size, not the printer's default (US Letter on many machines).
    pdf = page.pdf(prefer_css_page_size=True)
    (width, height) = (float(n) for n in re.search(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf).groups())
    assert (round(width * 25.4 / 72), round(height * 25.4 / 72)) == (210, 297)  # millimetres: A4


def test_the_filters_toggle_shows_one_icon(open_page):
    """Issue 11: "▶ ≡ Filters" showed the browser's marker next to the site's icon."""
    summary = open_page("/aandoeningen/rugpijn/").locator("summary", has_text="Filters")
    assert summary.evaluate("element => getComputedStyle(element).display") != "list-item"
    assert summary.locator("svg").count() == 1


def test_the_leaflet_prints_the_review_date(open_page, filled_in):
    page = open_page("/aandoeningen/rugpijn/")
    page.emulate_media(media="print")
    assert page.get_by_text("Laatst nagekeken op 01/03/2025 · Volgende controle: 01/03/2028").is_visible()


def test_the_error_pages_wear_the_site_look_with_zero_axe_violations(open_page, site):
    """The 500 and 503 pages as the handler renders them without the database, read in the browser."""
    from carepages.core.errors import render_error_page

    hospital = HospitalSettings.load()
    hospital.phone = "03 000 00 00"
    hospital.save()  # remembered for the error pages, as an editor's save is
    page = open_page("/")
    found = {}
    for template in ("500.html", "503.html"):
        html = render_error_page(template)
        for viewport in (DESKTOP, PHONE):
            page.set_viewport_size(viewport)
            page.goto(site + "/robots.txt")  # same origin: the page's /static/ addresses resolve
            page.set_content(html, wait_until="load")
            assert page.get_by_role("banner").get_by_text(hospital.name).is_visible()
            assert page.get_by_role("link", name="03 000 00 00").first.is_visible()
            violations = axe_violations(page)
            if page.evaluate("document.documentElement.scrollWidth > window.innerWidth"):
                violations.append("sideways scroll")
            if violations:
                found[f"{template} {viewport['width']}px"] = violations
    identity.forget()
    assert found == {}


def test_screenshots_of_the_seed_page(open_page, tmp_path):
    """The README's screenshots; `make screenshots` points SCREENSHOTS_DIR at docs/img/ to renew them."""
    directory = Path(os.environ.get("SCREENSHOTS_DIR") or tmp_path)
    directory.mkdir(parents=True, exist_ok=True)
    for name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        page = open_page("/aandoeningen/rugpijn/", viewport)
        path = directory / f"rugpijn-{name}.png"
        page.screenshot(path=str(path), full_page=True)
        assert path.stat().st_size > 20_000


@pytest.fixture
def filled_in(site):
    """The demo with what a hospital fills in: one campus's details, an appointment line, a doctor.

    The demo leaves these empty (no invented facts); patients see them filled in.
    """
    campus = LocationPage.objects.get(slug="zas-cadix")
    campus.street, campus.postal_code, campus.city = "Voorbeeldstraat 1", "2000", "Antwerpen"
    campus.phone, campus.email = "03 000 00 01", "onthaal@example.org"
    campus.latitude, campus.longitude = Decimal("51.230000"), Decimal("4.420000")
    campus.opening_hours = [
        (
            "hours",
            {
                "label": "Onthaal",
                "days": ["mo", "tu", "we", "th", "fr"],
                "opens": time(8),
                "closes": time(18),
            },
        ),
    ]
    campus.directions = "<p>Tram 24, halte Cadix. Parking aan de ingang.</p>"
    campus.save_revision().publish()
    service = ServicePage.objects.get(slug="fysische-geneeskunde-en-revalidatie")
    service.appointment_phone, service.appointment_url = "03 000 00 02", "https://example.org/afspraak"
    service.save_revision().publish()
    ServiceLocation.objects.filter(page=service, location=campus).update(
        phone="03 000 00 03", route="Route 12"
    )
    doctors = DoctorIndexPage.objects.get()
    DoctorPageFactory(
        parent=doctors,
        title="An Voorbeeld",
        slug="an-voorbeeld",
        role="diensthoofd",
        languages=["nl", "fr"],
        services=[service],
        locations=[campus],
    )
    condition = ConditionPage.objects.get(slug="rugpijn")
    condition.reviewed_on = date(2025, 3, 1)
    condition.save_revision().publish()
    return site


FILLED_IN_PAGES = {
    "campus with details": "/locaties/zas-cadix/",
    "service with appointments and doctors": "/diensten/fysische-geneeskunde-en-revalidatie/",
    "condition filtered by campus": "/aandoeningen/rugpijn/?locatie=zas-cadix",
    "doctors index": "/artsen/",
    "doctors index filtered": "/artsen/?dienst=fysische-geneeskunde-en-revalidatie&locatie=zas-cadix",
    "doctor": "/artsen/an-voorbeeld/",
}


def test_filled_in_campus_service_and_doctor_pages_have_zero_axe_violations_and_fit_a_phone(
    open_page, filled_in
):
    page = open_page("/")
    found = {}
    for viewport in (DESKTOP, PHONE):
        page.set_viewport_size(viewport)
        for name, path in FILLED_IN_PAGES.items():
            page.goto(filled_in + path)
            assert page.get_by_role("heading", level=1).is_visible(), path
            violations = axe_violations(page)
            scroll = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
            if violations or scroll:
                found[f"{name} {viewport['width']}px {path}"] = violations + (
                    ["sideways scroll"] if scroll else []
                )
    assert found == {}
    page.goto(filled_in + "/aandoeningen/rugpijn/?locatie=zas-cadix")
    assert page.get_by_role("link", name="03 000 00 03").first.is_visible()  # the campus's own number
    page.goto(filled_in + "/artsen/an-voorbeeld/")
    assert page.get_by_text("diensthoofd").first.is_visible()
    assert page.get_by_role("link", name="Bel 03 000 00 02").is_visible()  # "Afspraak maken" on the doctor
    page.goto(filled_in + "/locaties/zas-cadix/")
    doctors = page.get_by_role("region", name="Artsen")
    assert doctors.get_by_role("link", name="dr. An Voorbeeld").is_visible()
