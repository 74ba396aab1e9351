"""StreamField blocks shared by every content page."""

from wagtail import blocks


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
