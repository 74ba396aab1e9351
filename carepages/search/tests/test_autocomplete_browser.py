"""The search box's suggestions in real Chromium: typed, chosen with the keyboard, opened."""

import pytest

from carepages.core.tests.test_browser import browser, open_page, site  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_suggestions_follow_the_combobox_pattern_and_open_with_the_keyboard(open_page):  # noqa: F811
    page = open_page("/")
    box = page.get_by_role("combobox", name="Zoek een aandoening, behandeling, dienst of locatie")
    assert box.get_attribute("aria-expanded") == "false"

    box.press_sequentially("reval", delay=30)
    listbox = page.get_by_role("listbox", name="Suggesties")
    listbox.wait_for()
    options = listbox.get_by_role("option")
    titles = [text.splitlines()[0] for text in options.all_inner_texts()]
    assert set(titles) == {"Fysische geneeskunde en revalidatie", "Rugrevalidatie"}
    assert box.get_attribute("aria-expanded") == "true"

    box.press("ArrowDown")
    first = options.first
    assert first.get_attribute("aria-selected") == "true"
    assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")

    box.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    assert not listbox.is_visible()

    box.press("ArrowDown")  # opens the list again on the first suggestion
    box.press("Enter")
    page.wait_for_url(f"**/{'diensten' if titles[0].startswith('Fysische') else 'behandelingen'}/*/")
    assert page.get_by_role("heading", level=1).inner_text() == titles[0]


def test_the_search_page_works_without_javascript(browser, site):  # noqa: F811
    context = browser.new_context(java_script_enabled=False, locale="nl-BE")
    page = context.new_page()
    page.goto(site + "/")
    page.get_by_label("Zoek een aandoening, behandeling, dienst of locatie").fill("pijn in de rug")
    page.get_by_role("button", name="Zoeken").click()
    page.wait_for_url("**/zoeken/?q=pijn+in+de+rug")
    first = page.locator(".search-result").first
    assert first.get_by_role("link").inner_text() == "Rugpijn"
    assert first.locator(".search-result__label").inner_text().lower() == "aandoening"
    context.close()
