import factory
import wagtail_factories

from carepages.core.testing import publish_links

from .models import DoctorLocation, DoctorPage, DoctorService


class DoctorPageFactory(wagtail_factories.PageFactory):
    """A published doctor; pass parent=site_structure.doctors, services=[...] and locations=[...].

    Test doctors only: the demo content has no doctors (real names would be false facts).
    """

    title = factory.Sequence(lambda n: f"Arts {n:03d}")
    slug = factory.LazyAttribute(lambda o: o.title.lower().replace(" ", "-"))
    honorific = "dr."

    class Meta:
        model = DoctorPage
        skip_postgeneration_save = True

    @factory.post_generation
    def services(self, create, extracted, **kwargs):
        if extracted:
            publish_links(self, "service_links", DoctorService, "service", extracted)

    @factory.post_generation
    def locations(self, create, extracted, **kwargs):
        if extracted:
            publish_links(self, "location_links", DoctorLocation, "location", extracted)
