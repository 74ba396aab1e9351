"""The demo reads as a hospital's real pages: no text tells a patient why a page exists (issue 11)."""

import pytest

from carepages.core.testing import crawl, read

#: What the first demo said to patients ("…bestaat zodat 'Zie ook' …"), and words like it.
META_TEXT = ["bestaat zodat", "deze pagina bestaat", "demo", "testpagina", "‘zie ook’", "'zie ook'"]


@pytest.mark.django_db
def test_no_demo_page_explains_itself_to_patients(client, demo_content):
    pages = [url for url, status in crawl(client).items() if status == 200 and "?" not in url]
    assert len(pages) > 10
    for url in pages:
        said = read(client.get(url)).find("main").get_text(" ").lower()
        assert [words for words in META_TEXT if words in said] == [], url
