import factory
import wagtail_factories

from .models import InfoPage


class InfoPageFactory(wagtail_factories.PageFactory):
    """A published treatment, examination or info page; its parent index decides the kind."""

    title = factory.Sequence(lambda n: f"Infopagina {n:03d}")
    slug = factory.LazyAttribute(lambda o: o.title.lower().replace(" ", "-"))
    intro = "Voorbeeldpagina voor de tests."

    class Meta:
        model = InfoPage
        skip_postgeneration_save = True
