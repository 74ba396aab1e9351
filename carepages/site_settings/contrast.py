"""WCAG 2.x contrast of an accent colour against white, for the hospital's identity setting.

The accent colour is the header background behind white text and the colour
of every link on white: both need 4.5:1 (WCAG 2.2 AA, 1.4.3 for normal text).
"""

import re

from django.core.exceptions import ValidationError

#: WCAG 2.2 AA for normal text (success criterion 1.4.3).
MINIMUM_RATIO = 4.5
HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def _channel(value: int) -> float:
    """One sRGB channel (0-255) linearised, as in the WCAG definition of relative luminance."""
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast_with_white(colour: str) -> float:
    """(L1 + 0.05) / (L2 + 0.05) with white (luminance 1) as the lighter colour."""
    return 1.05 / (relative_luminance(colour) + 0.05)


def darker(colour: str, factor: float = 0.75) -> str:
    """The hover shade: each channel scaled down, so its contrast with white only grows."""
    channels = (round(int(colour[i : i + 2], 16) * factor) for i in (1, 3, 5))
    return "#" + "".join(f"{value:02x}" for value in channels)


def _dutch(ratio: float) -> str:
    # Rounded down, so a colour just below the limit never reads as "4,50:1".
    return f"{int(ratio * 100) / 100:.2f}".replace(".", ",")


def validate_accent_colour(value: str) -> None:
    if not HEX_COLOUR.match(value or ""):
        raise ValidationError(
            "Geef de kleur als # en zes hexadecimale cijfers, bijvoorbeeld #00507a.", code="format"
        )
    ratio = contrast_with_white(value)
    if ratio < MINIMUM_RATIO:
        raise ValidationError(
            f"Deze kleur heeft een contrast van {_dutch(ratio)}:1 met wit; voor tekst en links is "
            f"minstens 4,5:1 nodig (WCAG AA). Kies een donkerdere kleur.",
            code="contrast",
        )
