import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import slugify

from carepages.core.menu import menu_pages

register = template.Library()

_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def jsonld(data: dict) -> str:
    """A schema.org block; escaped like json_script so text cannot close the tag."""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))


@register.filter
def nl_date(value) -> str:
    """Dates as Belgian patients read them: 02/07/2024."""
    return value.strftime("%d/%m/%Y") if value else ""


@register.filter
def page_query(listing, number: int) -> str:
    """The query string for page `number` of a filtered listing."""
    return listing.page_query(number)


@register.filter
def tel_href(number: str) -> str:
    """A `tel:` link for a number as people write it: "03/280 00 00" → "tel:032800000"."""
    digits = "".join(char for char in number if char.isdigit())
    return f"tel:+{digits}" if number.strip().startswith("+") else f"tel:{digits}"


#: Ids the page templates already use: a section heading never takes one of them.
_TAKEN_IDS = frozenset(
    {"inhoud", "over", "zie-ook", "diensten", "bronnen", "feedback", "locaties", "aandoeningen"}
    | {"op-deze-pagina", "q-kop", "artsen", "contact", "route", "uren"}
)


@register.simple_tag
def anchored_sections(sections) -> list[tuple[str, object]]:
    """Each section with an anchor made from its heading (#wat-is-de-oorzaak), for "Op deze pagina".

    Readable anchors survive a reordering of the sections and can be shared; a heading
    that repeats or matches one of the page's own ids gets a number.
    """
    seen = set(_TAKEN_IDS)
    anchored = []
    for number, block in enumerate(sections or [], start=1):
        base = slugify(block.value["heading"]) or f"sectie-{number}"
        anchor, suffix = base, 2
        while anchor in seen:
            anchor, suffix = f"{base}-{suffix}", suffix + 1
        seen.add(anchor)
        anchored.append((anchor, block))
    return anchored


@register.simple_tag(takes_context=True)
def main_menu(context) -> list:
    """The header menu's pages (carepages/core/menu.py)."""
    return menu_pages(context.get("request"))
