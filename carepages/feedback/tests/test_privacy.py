"""What a comment may keep: the words, never an address or a number that names a person."""

import pytest

from carepages.feedback.privacy import EMAIL_PLACEHOLDER as MAIL
from carepages.feedback.privacy import NUMBER_PLACEHOLDER as NUMBER
from carepages.feedback.privacy import scrub


@pytest.mark.parametrize(
    ("comment", "stored"),
    [
        ("Mail me: an.peeters@telenet.be", f"Mail me: {MAIL}"),
        ("<an+zorg@example.org>", f"<{MAIL}>"),
        ("gsm 0470 12 34 56", f"gsm {NUMBER}"),
        ("gsm 0470/12.34.56", f"gsm {NUMBER}"),
        ("bel +32 470 12 34 56", f"bel {NUMBER}"),
        ("bel 0032 3 123 45 67", f"bel {NUMBER}"),
        ("tel. 03 123 45 67", f"tel. {NUMBER}"),
        ("(03) 123-45-67", f"({NUMBER}"),  # the opening bracket alone tells nothing
        ("RR 85.07.30-033.28", f"RR {NUMBER}"),
        ("85073003328", NUMBER),
        ("IBAN BE68 5390 0754 7034", f"IBAN BE{NUMBER}"),
        ("geboren 30/07/1985", f"geboren {NUMBER}"),
    ],
)
def test_addresses_and_long_numbers_are_replaced(comment, stored):
    assert scrub(comment) == stored


@pytest.mark.parametrize(
    "comment",
    [
        "Kamer 12 was fijn, 3 dagen opgenomen.",
        "In 2024 twee keer geopereerd, 1 x per week kine.",
        "Bedankt voor de uitleg!",
    ],
)
def test_short_numbers_and_plain_words_stay(comment):
    assert scrub(comment) == comment


def test_line_breaks_and_control_characters_are_not_kept():
    assert scrub("Eerste regel\r\nTweede\u202e regel\x00 ") == "Eerste regel Tweede regel"
