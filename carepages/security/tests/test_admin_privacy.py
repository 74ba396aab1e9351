"""The admin makes no requests to other sites: editors' addresses and e-mail hashes stay in the hospital.

Wagtail's defaults would load each editor's picture from Gravatar (an MD5 of the e-mail
address, sent with every admin page) and let superusers' browsers ask wagtail.org for
new releases. Links an editor may click (help, documentation) are not requests.
"""

import re

import pytest
from bs4 import BeautifulSoup

from carepages.conditions.factories import ConditionPageFactory

#: Attributes that make the browser fetch something by themselves.
FETCHING = re.compile(r"^(src|srcset|poster|action|data-.*url.*)$")
EXTERNAL = re.compile(r"^\s*(https?:)?//", re.IGNORECASE)


@pytest.fixture
def admin_client(client, django_user_model, site_structure):
    user = django_user_model.objects.create_superuser("beheerder", "beheer@example.be", "wachtwoord-123")
    client.force_login(user)
    return client


def external_requests(html: str) -> list[str]:
    found = []
    for tag in BeautifulSoup(html, "html.parser").find_all(True):
        for name, value in tag.attrs.items():
            fetches = FETCHING.match(name) or (tag.name == "link" and name == "href")
            values = value if isinstance(value, list) else [value]
            found += [f"<{tag.name} {name}={item}>" for item in values if fetches and EXTERNAL.match(item)]
    found += re.findall(r"url\(\s*['\"]?(?:https?:)?//[^)]+\)", html)
    return found


def test_no_admin_page_loads_anything_from_another_site(admin_client, site_structure):
    condition = ConditionPageFactory(parent=site_structure.conditions, title="Rugpijn")
    pages = [
        "/admin/",
        f"/admin/pages/{site_structure.conditions.pk}/",
        f"/admin/pages/{condition.pk}/edit/",
        "/admin/account/",
        "/admin/users/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/reports/locked/",
    ]
    for url in pages:
        response = admin_client.get(url)
        assert response.status_code == 200, url
        assert external_requests(response.content.decode()) == [], url


def test_no_gravatar_and_no_update_check_for_a_superuser(admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert "gravatar" not in html.lower()
    assert "w-upgrade" not in html  # the script that asks wagtail.org for the latest release
