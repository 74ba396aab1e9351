"""The languages a doctor speaks: ISO 639-1 codes, shown to patients in Dutch."""

# The languages patients of a Belgian hospital ask for most; the format refuses other codes
# (docs/content-format.md), so a typo never shows up as an unknown language on a page.
LANGUAGES: dict[str, str] = {
    "nl": "Nederlands",
    "fr": "Frans",
    "en": "Engels",
    "de": "Duits",
    "es": "Spaans",
    "it": "Italiaans",
    "pt": "Portugees",
    "pl": "Pools",
    "ro": "Roemeens",
    "bg": "Bulgaars",
    "ru": "Russisch",
    "uk": "Oekraïens",
    "tr": "Turks",
    "ar": "Arabisch",
    "zh": "Chinees",
}

CHOICES = list(LANGUAGES.items())


def language_names(codes: list[str]) -> str:
    """ "Nederlands, Frans, Engels": the codes in the editor's order, unknown ones left out."""
    return ", ".join(LANGUAGES[code] for code in codes if code in LANGUAGES)
