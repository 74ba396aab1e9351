import factory
import wagtail_factories

from carepages.core.testing import publish_links

from .models import ServiceLocation, ServicePage


class ServicePageFactory(wagtail_factories.PageFactory):
    """A published service; pass parent=site_structure.services and locations=[...]."""

    title = factory.Sequence(lambda n: f"Dienst {n:03d}")
    slug = factory.LazyAttribute(lambda o: o.title.lower().replace(" ", "-"))
    intro = "Voorbeelddienst voor de tests."

    class Meta:
        model = ServicePage
        skip_postgeneration_save = True

    @factory.post_generation
    def locations(self, create, extracted, **kwargs):
        if extracted:
            publish_links(self, "location_links", ServiceLocation, "location", extracted)
