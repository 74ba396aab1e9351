from django import template

from ..forms import TRAP_FIELD
from ..models import MAX_COMMENT_CHARS

register = template.Library()


@register.inclusion_tag("feedback/form.html", takes_context=True)
def feedback_form(context, page):
    """The "Was deze informatie nuttig?" form, or the thanks after it was sent (?bedankt=1).

    The same HTML for every visitor (no token, no cookie), so the page stays cacheable;
    the thanks is only on the address with a query string, which the cache never keeps.
    """
    request = context.get("request")
    thanked = request is not None and request.GET.get("bedankt") == "1"
    return {
        "page": page,
        "thanked": thanked,
        "trap": TRAP_FIELD,
        "max_chars": MAX_COMMENT_CHARS,
        "max_chars_label": f"{MAX_COMMENT_CHARS:,}".replace(",", "."),  # 1.000, as Dutch writes it
    }
