"""The feedback form's fields, and the Dutch message for each wrong value."""

from django import forms
from wagtail.models import Page

from carepages.core import kinds

from .models import MAX_COMMENT_CHARS

ANSWERS = {"ja": True, "nee": False}
NO_SUCH_PAGE = "Deze pagina bestaat niet (meer) of vraagt geen feedback."
NOT_A_NUMBER = "We weten niet over welke pagina je antwoord gaat (veld ‘pagina’ is geen paginanummer)."
TOO_LONG = f"Je opmerking is te lang: schrijf maximaal {MAX_COMMENT_CHARS:,} tekens.".replace(",", ".")
#: The spam trap's name: a field people never see (hidden by the style sheet), bots fill in.
TRAP_FIELD = "website"


class CommentField(forms.CharField):
    def to_python(self, value):
        # Browsers send a textarea's line breaks as CRLF but count them as one character
        # for `maxlength`: count them the same way, so a comment the form accepted fits.
        return super().to_python(value).replace("\r\n", "\n")


class FeedbackForm(forms.Form):
    pagina = forms.IntegerField(
        min_value=1,
        max_value=2**31 - 1,  # the database's integer key: a larger number is no page
        error_messages={
            "required": "We weten niet over welke pagina je antwoord gaat (veld ‘pagina’ ontbreekt).",
            "invalid": NOT_A_NUMBER,
            "min_value": NO_SUCH_PAGE,
            "max_value": NO_SUCH_PAGE,
        },
    )
    nuttig = forms.ChoiceField(
        choices=[(value, value) for value in ANSWERS],
        error_messages={
            "required": "Kies ‘Ja’ of ‘Nee’ bij ‘Was deze informatie nuttig?’.",
            "invalid_choice": "Kies ‘Ja’ of ‘Nee’ bij ‘Was deze informatie nuttig?’.",
        },
    )
    opmerking = CommentField(
        required=False,
        strip=True,
        max_length=MAX_COMMENT_CHARS,
        error_messages={
            "max_length": TOO_LONG,
        },
    )

    def clean_pagina(self) -> Page:
        page = Page.objects.live().public().filter(pk=self.cleaned_data["pagina"]).first()
        # The kinds whose templates carry the form say so in the registry (`asks_feedback`).
        if page is None or not kinds.asks_feedback(page.specific_class or Page):
            raise forms.ValidationError(NO_SUCH_PAGE)
        return page

    @property
    def useful(self) -> bool:
        return ANSWERS[self.cleaned_data["nuttig"]]
