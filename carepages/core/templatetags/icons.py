"""`{% icon "phone" %}`: the site's few icons as inline SVG.

Inline, so an icon costs no request and takes the text colour (currentColor);
`aria-hidden`, because the text next to an icon already says what it means.
Stroke width and size come from `.icon` in carepages.css.
"""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

#: The shapes on a 24 x 24 grid, drawn as strokes (no fill).
ICONS: dict[str, str] = {
    "phone": '<path d="M5 3h4l2 5-2.5 1.5a11 11 0 0 0 6 6L16 13l5 2v4'
    'a2 2 0 0 1-2 2A16 16 0 0 1 3 5a2 2 0 0 1 2-2z"/>',
    "clock": '<circle cx="12" cy="12" r="9"/><path d="M12 7v5l3 3"/>',
    "map-pin": '<path d="M12 22s7-6.5 7-12a7 7 0 0 0-14 0c0 5.5 7 12 7 12z"/>'
    '<circle cx="12" cy="10" r="2.5"/>',
    "route": '<circle cx="6" cy="19" r="2"/><circle cx="18" cy="5" r="2"/>'
    '<path d="M8 19h8.5a3.5 3.5 0 0 0 0-7h-9a3.5 3.5 0 0 1 0-7H16"/>',
    "calendar": '<rect x="3" y="5" width="18" height="16" rx="2"/><path d="M3 10h18M8 3v4m8-4v4"/>',
    "user": '<circle cx="12" cy="8" r="4"/><path d="M4 21a8 8 0 0 1 16 0"/>',
    "search": '<circle cx="11" cy="11" r="7"/><path d="m20 20-4-4"/>',
    "chevron": '<path d="m9 6 6 6-6 6"/>',
    "external": '<path d="M14 4h6v6m0-6-9 9m7 1v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5"/>',
    "mail": '<rect x="3" y="5" width="18" height="14" rx="2"/><path d="m3 7 9 6 9-6"/>',
    "menu": '<path d="M4 6h16M4 12h16M4 18h16"/>',
}


@register.simple_tag
def icon(name: str, extra_class: str = "") -> str:
    """The icon `name`; a name that is not in ICONS is a template error that names the known ones."""
    try:
        shape = ICONS[name]
    except KeyError:
        known = ", ".join(sorted(ICONS))
        raise template.TemplateSyntaxError(f"{{% icon %}}: no icon {name!r}; known: {known}") from None
    classes = f"icon {extra_class}".strip()
    svg = '<svg class="{}" viewBox="0 0 24 24" aria-hidden="true" focusable="false">{}</svg>'
    return format_html(svg, classes, mark_safe(shape))
