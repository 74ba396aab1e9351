from wagtail import hooks
from wagtail.admin.rich_text.converters.html_to_contentstate import InlineStyleElementHandler


@hooks.register("register_rich_text_features", order=10)
def store_semantic_emphasis(features):
    """Store bold and italic as <strong> and <em>, as the import format does.

    Wagtail's default is <b>/<i>; patients' screen readers and the content
    format both expect the semantic elements. order=10: after Wagtail's own
    registration of these features (order 0), so this rule is the one kept.
    """
    for feature, style, tag in (("bold", "BOLD", "strong"), ("italic", "ITALIC", "em")):
        features.register_converter_rule(
            "contentstate",
            feature,
            {
                "from_database_format": {
                    tag: InlineStyleElementHandler(style),
                    {"strong": "b", "em": "i"}[tag]: InlineStyleElementHandler(style),
                },
                "to_database_format": {"style_map": {style: tag}},
            },
        )
