"""A page behind a view restriction (on itself or an ancestor) is never named or linked on a public page."""

import pytest
from wagtail.models import PageViewRestriction

from carepages.conditions.factories import ConditionPageFactory
from carepages.core.testing import read
from carepages.doctors.factories import DoctorPageFactory
from carepages.infopages.models import InfoPage


def restrict(page) -> None:
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim-123"
    )


def shown(client, url: str, title: str) -> bool:
    return title in read(client.get(url)).get_text()


@pytest.mark.parametrize(
    "url", ["/aandoeningen/hartfalen/", "/diensten/", "/locaties/", "/locaties/campus-noord/"]
)
def test_a_password_protected_service_is_named_nowhere(client, small_hospital, url):
    restrict(small_hospital.service)

    assert not shown(client, url, "Cardiologie")


def test_the_api_condition_detail_leaves_out_a_password_protected_service(client, small_hospital):
    restrict(small_hospital.service)

    services = client.get("/api/v1/conditions/hartfalen/").json()["services"]

    assert services == []


def test_a_restricted_index_hides_its_pages_everywhere(client, small_hospital):
    restrict(small_hospital.site.conditions)

    for url in ["/", "/diensten/cardiologie/"]:
        assert not shown(client, url, "Hartfalen"), url
    assert shown(client, "/locaties/campus-noord/", "Cardiologie")  # the services stay public


def test_a_private_doctor_is_left_out_of_doctors_and_services(client, small_hospital):
    DoctorPageFactory(
        parent=small_hospital.site.doctors,
        title="Dr. Open",
        slug="dr-open",
        services=[small_hospital.service],
    )
    hidden = DoctorPageFactory(
        parent=small_hospital.site.doctors,
        title="Dr. Verborgen",
        slug="dr-verborgen",
        services=[small_hospital.service],
    )
    restrict(hidden)

    for url in ["/artsen/", "/diensten/cardiologie/"]:
        assert shown(client, url, "Dr. Open"), url
        assert not shown(client, url, "Dr. Verborgen"), url


def test_a_private_see_also_page_is_left_out(client, small_hospital):
    info = small_hospital.site.info["treatment"]
    private = info.add_child(instance=InfoPage(title="Geheime ingreep", slug="geheime-ingreep"))
    private.save_revision().publish()
    ConditionPageFactory(
        parent=small_hospital.site.conditions, title="Angina", slug="angina", related=[private]
    )
    restrict(private)

    assert not shown(client, "/aandoeningen/angina/", "Geheime ingreep")
    assert not shown(client, "/behandelingen/", "Geheime ingreep")
