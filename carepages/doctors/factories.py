import factory
import wagtail_factories

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
            self.service_links = [DoctorService(service=s, sort_order=i) for i, s in enumerate(extracted)]
            self.save_revision().publish()

    @factory.post_generation
    def locations(self, create, extracted, **kwargs):
        if extracted:
            self.location_links = [
                DoctorLocation(location=loc, sort_order=i) for i, loc in enumerate(extracted)
            ]
            self.save_revision().publish()
