"""`make run` (DEBUG on) shows the site's own Dutch 404 page, as production does."""

from carepages.core.testing import read, text
from carepages.settings import dev


def test_development_shows_the_dutch_404_page_not_djangos_debug_page(client, settings, site_structure):
    settings.DEBUG = True
    settings.MIDDLEWARE = dev.MIDDLEWARE
    response = client.get("/bestaat-niet/")
    page = read(response, status=404)
    assert text(page.find("h1")) == "Deze pagina bestaat niet (meer)"
    assert page.find("input", attrs={"name": "q"})  # the search field that helps the patient on
    assert "Django" not in response.content.decode()
