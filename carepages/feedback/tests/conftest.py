"""A small hospital with one page of each kind that asks for feedback, and the publish cache over it."""

import pytest
from bs4 import BeautifulSoup

from carepages.infopages.factories import InfoPageFactory
from carepages.publish_cache.testing import front_in_this_process

CONDITION = "/aandoeningen/hartfalen/"
SERVICE = "/diensten/cardiologie/"
TREATMENT = "/behandelingen/hartrevalidatie/"
#: What a browser sends with a form posted from one of the site's own pages.
OWN_ORIGIN = {"HTTP_ORIGIN": "http://testserver"}


@pytest.fixture
def pages(small_hospital, django_capture_on_commit_callbacks):
    """The shared small hospital's condition and service, and a treatment."""
    with django_capture_on_commit_callbacks(execute=True):
        treatment = InfoPageFactory(parent=small_hospital.site.info["treatment"], title="Hartrevalidatie")
    return {CONDITION: small_hospital.condition, SERVICE: small_hospital.service, TREATMENT: treatment}


@pytest.fixture
def front(db, tmp_path):
    with front_in_this_process(tmp_path / "publish-cache") as front:
        yield front


def form_data(html: bytes | str, **answers: str) -> dict[str, str]:
    """The feedback form's fields as the page sends them, plus what the visitor fills in."""
    form = read_form(html)
    data = {
        field["name"]: field.get("value", "")
        for field in form.find_all("input")
        if field.get("type") != "radio"
    }
    data.update({"opmerking": ""}, **answers)
    return data


def read_form(html: bytes | str):
    soup = BeautifulSoup(html, "html.parser")
    forms = [form for form in soup.find_all("form") if form.get("action") == "/feedback/"]
    assert len(forms) == 1, f"expected one feedback form, found {len(forms)}"
    return forms[0]
