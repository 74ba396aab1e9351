import factory
import wagtail_factories

from .models import LocationPage


class LocationPageFactory(wagtail_factories.PageFactory):
    """A published campus; pass parent=site_structure.locations."""

    title = factory.Sequence(lambda n: f"Campus {n:03d}")
    slug = factory.LazyAttribute(lambda o: o.title.lower().replace(" ", "-"))

    class Meta:
        model = LocationPage
        skip_postgeneration_save = True
