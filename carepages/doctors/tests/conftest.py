import pytest

from carepages.doctors.factories import DoctorPageFactory
from carepages.locations.factories import LocationPageFactory
from carepages.services.factories import ServicePageFactory


@pytest.fixture
def staff(site_structure):
    """Two services on two campuses and three (invented, test-only) doctors."""
    north = LocationPageFactory(parent=site_structure.locations, title="Campus Noord")
    south = LocationPageFactory(parent=site_structure.locations, title="Campus Zuid")
    cardio = ServicePageFactory(parent=site_structure.services, title="Cardiologie", locations=[north, south])
    derma = ServicePageFactory(parent=site_structure.services, title="Dermatologie", locations=[north])
    an = DoctorPageFactory(
        parent=site_structure.doctors,
        title="An Voorbeeld",
        slug="dr-an-voorbeeld",
        role="diensthoofd",
        languages=["nl", "fr", "en"],
        services=[cardio],
        locations=[south, north],
    )
    bert = DoctorPageFactory(
        parent=site_structure.doctors,
        title="Bert Proef",
        slug="prof-bert-proef",
        honorific="prof. dr.",
        services=[derma, cardio],
        locations=[north],
    )
    carla = DoctorPageFactory(
        parent=site_structure.doctors,
        title="Carla Test",
        slug="dr-carla-test",
        services=[derma],
        locations=[north],
    )
    return {
        "cardio": cardio,
        "derma": derma,
        "north": north,
        "south": south,
        "an": an,
        "bert": bert,
        "carla": carla,
    }
