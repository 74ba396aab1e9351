"""Hostile query parameters: nothing a visitor types into the URL comes back as raw control
characters or markup, and the API refuses what it cannot search, naming the parameter.

Every parameter the site quotes back in a message is tried: ?q= and ?soort= and ?pagina=
on /zoeken/, ?locatie= and ?pagina= on the service lists (/diensten/ and a condition page).
"""

import re
from urllib.parse import quote

import pytest

from carepages.core.testing import read, text

#: NUL, BEL, ESC (terminal escapes), backspace, DEL, a C1 control, the bidi override U+202E.
CONTROLS = ["\x00", "\x07", "\x1b[31m", "\x08", "\x7f", "\x85", "\u202e", "\u2066"]
SCRIPT = "<script>alert(1)</script>"
RAW_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture
def hospital(small_hospital):
    return small_hospital.site


def hostile_urls() -> list[str]:
    urls = []
    for bad in [*CONTROLS, SCRIPT]:
        value = quote(f"x{bad}y")
        urls += [
            f"/zoeken/?q={value}",
            f"/zoeken/?q=hartfalen&soort={value}",
            f"/zoeken/?q=hartfalen&pagina={value}",
            f"/diensten/?locatie={value}",
            f"/diensten/?pagina={value}",
            f"/aandoeningen/hartfalen/?locatie={value}",
            f"/aandoeningen/hartfalen/?pagina={value}",
            f"/zoeken/suggesties/?q={value}",
        ]
    return urls


def test_no_parameter_is_echoed_with_control_characters_or_markup(client, hospital):
    for url in hostile_urls():
        response = client.get(url)
        assert response.status_code in (200, 400, 404), url
        body = response.content.decode()
        assert not RAW_CONTROL.search(body), url
        if response["Content-Type"].startswith("text/html"):  # JSON is sent with nosniff
            assert "<script>alert" not in body, url


def test_the_message_still_quotes_what_was_typed_minus_the_controls(client, hospital):
    page = read(client.get("/diensten/?locatie=" + quote("nergens\x1b[31m\u202e")))
    notice = page.find(attrs={"role": "status"})
    assert "De locatie ‘nergens[31m’ bestaat niet" in text(notice)

    page = read(client.get("/zoeken/?q=hartfalen&soort=" + quote("ziekte\x07")), status=400)
    assert "‘ziekte’ is geen soort" in text(page.find(attrs={"role": "alert"}))

    page = read(client.get("/zoeken/?q=hartfalen&pagina=" + quote("2\x00")), status=400)
    assert "‘2’ is geen paginanummer" in text(page.find(attrs={"role": "alert"}))


def test_a_search_with_control_characters_searches_the_rest(client, hospital):
    page = read(client.get("/zoeken/?q=" + quote("hart\u202efalen\x00")))
    assert "Hartfalen" in text(page.main)


@pytest.mark.django_db
@pytest.mark.parametrize("bad", CONTROLS + ["  ", "\t"])
def test_the_api_search_refuses_control_characters_naming_q(client, bad):
    response = client.get("/api/v1/search/?q=" + quote(bad))
    assert response.status_code == 400
    assert response.json()["error"] == "bad_parameter"
    assert response.json()["parameter"] == "q"
    assert response.json()["detail"].startswith("q: ")


@pytest.mark.django_db
def test_the_api_search_still_accepts_ordinary_text(client):
    response = client.get("/api/v1/search/?q=" + quote("Coëliakie – ‘glutenallergie’?"))
    assert response.status_code == 200
    assert response.json()["query"] == "Coëliakie – ‘glutenallergie’?"
