"""An editor's image on a condition or info page: modern formats, the right width, lazy, alt text required."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images.models import Image

from carepages.conditions.models import ConditionPage
from carepages.content_io.exporter import export_document
from carepages.core.testing import read
from carepages.infopages.factories import InfoPageFactory
from carepages.infopages.models import Kind


@pytest.fixture
def photo(db) -> Image:
    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 900), (30, 110, 150)).save(buffer, "JPEG")
    return Image.objects.create(title="IMG_2041", file=ImageFile(buffer, name="rug.jpg"))


def test_the_image_comes_as_avif_webp_and_jpeg_in_three_widths_loaded_lazily(client, demo_content, photo):
    page = ConditionPage.objects.get(slug="rugpijn")
    page.image, page.image_alt = photo, "Een vrouw tilt een doos op met gebogen knieën."
    page.save_revision().publish()
    picture = read(client.get("/aandoeningen/rugpijn/")).find("main").find("picture")
    types = [source["type"] for source in picture.find_all("source")]
    assert types == ["image/avif", "image/webp"]
    for source in picture.find_all("source"):
        assert [candidate.split()[-1] for candidate in source["srcset"].split(", ")] == [
            "400w",
            "800w",
            "1200w",
        ]
        assert source["sizes"] == "(min-width: 48rem) 46rem, 100vw"
    img = picture.find("img")
    assert img["alt"] == "Een vrouw tilt een doos op met gebogen knieën."  # the page's text, not "IMG_2041"
    assert img["loading"] == "lazy" and img["src"].endswith(".jpg")
    assert img["width"] and img["height"]  # no layout jump while it loads
    # The content format carries no images: the export is what it was.
    (entry,) = [e for e in export_document()["conditions"] if e["slug"] == "rugpijn"]
    assert not [key for key in entry if "image" in key]


def test_an_image_without_alternative_text_is_refused(site_structure, photo):
    page = InfoPageFactory(parent=site_structure.info[Kind.TREATMENT], title="Gips")
    page.image, page.image_alt = photo, "  "
    with pytest.raises(ValidationError) as refused:
        page.full_clean()
    assert refused.value.message_dict["image_alt"] == [
        "Beschrijf de afbeelding voor wie ze niet ziet (alternatieve tekst)."
    ]


def test_a_page_without_an_image_has_no_picture(client, demo_content):
    assert not read(client.get("/behandelingen/rugrevalidatie/")).find("main").find(["picture", "img"])
