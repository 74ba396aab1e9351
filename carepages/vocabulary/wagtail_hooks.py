"""The lay vocabulary as a Wagtail snippet, so editors extend it without a deploy."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from .models import LayTerm


class LayTermCreateView(CreateView):
    def get_initial(self):
        # The search report links here with ?term=<query> so one click adds what patients typed.
        initial = super().get_initial()
        term = self.request.GET.get("term", "").strip()[:100]
        if term:
            initial["term"] = term
        return initial


class LayTermViewSet(SnippetViewSet):
    model = LayTerm
    add_view_class = LayTermCreateView
    icon = "openquote"
    menu_label = "Lekentaal"
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["term", "means", "kind", "on_pages", "source"]
    list_filter = ["kind", "on_pages"]
    search_fields = ["term", "means"]


register_snippet(LayTermViewSet)
