"""The readability check in the page editor: a read-only panel and a preview mode."""

from django.template.response import TemplateResponse
from wagtail.admin.panels import Panel

from .analysis import B1_LOWEST_SCORE, LONG_SENTENCE_WORDS
from .text import analyse_page

PREVIEW_MODE = "leesbaarheid"


def report_context(page) -> dict:
    report = analyse_page(page)
    return {
        "report": report,
        "long_sentence_words": LONG_SENTENCE_WORDS,
        "b1_lowest_score": B1_LOWEST_SCORE,
    }


class ReadabilityPanel(Panel):
    """Score, level against B1, long sentences, possible jargon and passives of the version being edited.

    The edit form shows the latest saved revision (draft or published), so that is what
    the panel analyses; the preview mode below reads the unsaved form.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", "Leesbaarheid")
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "leesbaarheid"

    class BoundPanel(Panel.BoundPanel):
        template_name = "readability/editor_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context.update(report_context(self.instance))
            context["preview_mode"] = PREVIEW_MODE
            return context


class ReadabilityPreviewMixin:
    """Adds "Leesbaarheid" to the page's preview modes: Wagtail's live preview posts the
    unsaved form, so the editor sees the check update while typing.

    It also marks the page types that have the check: only they get a stored score and
    a place on the dashboard (scores.py)."""

    @property
    def preview_modes(self):
        return [*super().preview_modes, (PREVIEW_MODE, "Leesbaarheid")]

    def serve_preview(self, request, mode_name):
        if mode_name == PREVIEW_MODE:
            context = {"page": self, **report_context(self)}
            return TemplateResponse(request, "readability/preview.html", context)
        return super().serve_preview(request, mode_name)
