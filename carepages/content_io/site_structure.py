"""The fixed skeleton of the site: a home page and one index per kind.

The public URLs (/aandoeningen/, /diensten/, …) are the slugs of these
indexes, so the import and the demo content create them when missing.
"""

from dataclasses import dataclass

from django.db import transaction
from wagtail.models import Page, Site

from carepages.conditions.models import ConditionIndexPage
from carepages.core import kinds
from carepages.doctors.models import DoctorIndexPage
from carepages.home.models import HomePage
from carepages.infopages.models import InfoIndexPage, Kind
from carepages.locations.models import LocationIndexPage
from carepages.services.models import ServiceIndexPage


@dataclass
class SiteStructure:
    home: HomePage
    conditions: ConditionIndexPage
    services: ServiceIndexPage
    locations: LocationIndexPage
    info: dict[str, InfoIndexPage]
    doctors: DoctorIndexPage


@transaction.atomic
def ensure_site_structure() -> SiteStructure:
    """Find or create the home page and the indexes; safe to call repeatedly."""
    home = HomePage.objects.first() or _create_home()
    conditions = _index(home, "condition", ConditionIndexPage)
    services = _index(home, "service", ServiceIndexPage)
    locations = _index(home, "location", LocationIndexPage)
    info = {
        kind: _index(home, kind, InfoIndexPage, kind=kind, show_in_menus=kind != Kind.INFO) for kind in Kind
    }
    doctors = _index(home, "doctor", DoctorIndexPage)
    return SiteStructure(home, conditions, services, locations, info, doctors)


def _create_home() -> HomePage:
    root = Page.get_first_root_node()
    # Wagtail's install creates a "Welcome" page as the site root; ours replaces it.
    for page in root.get_children().filter(content_type__model="page"):
        page.delete()
    home = root.add_child(
        instance=HomePage(
            title="Patiënteninformatie",
            slug="home",
            intro=(
                "Lees over aandoeningen, onderzoeken en behandelingen, "
                "en vind de juiste dienst op onze campussen."
            ),
        )
    )
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"root_page": home, "hostname": "localhost", "port": 80, "site_name": "carepages"},
    )
    return home


def _index(home: HomePage, key: str, model, **fields):
    """The index of a kind: its slug and title are the kind's (docs/urls.md)."""
    page_kind = kinds.get(key)
    return _child(home, model, page_kind.index_slug, page_kind.plural, **fields)


def _child(parent: Page, model, slug: str, title: str, show_in_menus=True, **fields):
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing
    page = model(title=title, slug=slug, show_in_menus=show_in_menus, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page
