"""StreamField blocks shared by every content page, and what a section body may hold."""

import nh3
from wagtail import blocks

#: The tags a section body keeps wherever it comes from or goes to (import, export, API).
ALLOWED_TAGS = {"p", "ul", "ol", "li", "strong", "em", "b", "i", "a", "h3", "br"}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def clean_html(html: str) -> str:
    """The body reduced to the allowed tags: no scripts, event handlers or javascript: links.

    The text inside removed tags stays (except inside script and style).
    """
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes={"a": {"href"}},
        attribute_filter=_keep_href_only,
        url_schemes=URL_SCHEMES,
        link_rel=None,
    ).strip()


def _keep_href_only(tag: str, attribute: str, value: str) -> str | None:
    # nh3 keeps a few "generic" attributes (title, lang) on every tag; bodies need only link targets.
    return value if (tag, attribute) == ("a", "href") else None


class SectionBlock(blocks.StructBlock):
    """A question-headed part of a page: "Wat is de oorzaak?" and its answer."""

    heading = blocks.CharBlock(
        label="Kop",
        max_length=255,
        help_text="Bij voorkeur een vraag zoals een patiënt die stelt, bv. ‘Wat is de oorzaak?’",
    )
    body = blocks.RichTextBlock(label="Tekst")

    class Meta:
        icon = "doc-full"
        label = "Sectie"


SECTION_BLOCKS = [("section", SectionBlock())]
