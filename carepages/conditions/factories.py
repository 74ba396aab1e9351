import factory
import wagtail_factories

from carepages.core.testing import publish_links

from .models import ConditionPage, ConditionRelatedPage, ConditionService


class ConditionPageFactory(wagtail_factories.PageFactory):
    """A published condition; pass parent=site_structure.conditions, services=[...], related=[...]."""

    title = factory.Sequence(lambda n: f"Aandoening {n:03d}")
    slug = factory.LazyAttribute(lambda o: o.title.lower().replace(" ", "-"))
    intro = "Voorbeeldaandoening voor de tests."

    class Meta:
        model = ConditionPage
        skip_postgeneration_save = True

    @factory.post_generation
    def services(self, create, extracted, **kwargs):
        if extracted:
            publish_links(self, "service_links", ConditionService, "service", extracted)

    @factory.post_generation
    def related(self, create, extracted, **kwargs):
        if extracted:
            publish_links(self, "related_links", ConditionRelatedPage, "related_page", extracted)
