"""A page behind a view restriction is no public content: the API neither lists nor shows it."""

from wagtail.models import PageViewRestriction


def restrict(page) -> None:
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim-123"
    )


def test_a_password_protected_condition_is_neither_listed_nor_shown(client, small_hospital):
    restrict(small_hospital.condition)

    listed = client.get("/api/v1/conditions/").json()
    detail = client.get("/api/v1/conditions/hartfalen/")

    assert "hartfalen" not in [entry["slug"] for entry in listed["results"]]
    assert detail.status_code == 404


def test_a_restriction_on_an_index_hides_every_page_under_it(client, small_hospital):
    restrict(small_hospital.site.services)

    listed = client.get("/api/v1/services/").json()

    assert listed["count"] == 0
    assert client.get("/api/v1/services/cardiologie/").status_code == 404
    assert client.get("/api/v1/conditions/hartfalen/").status_code == 200
