"""Opening and visiting hours of a campus: the blocks editors fill in and how patients read them.

Hours are a StreamField of rows ("Bezoekuren", ma–vr, 14:00–20:00) plus a StreamField of
exceptions (a date or date range, closed or other hours, a note such as "Kerstmis"). Both
live in the page's own row: no extra query to show them, and they follow the page's revisions.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from wagtail import blocks

#: The format's day keys (docs/content-format.md), Monday first, with their Dutch names.
DAYS = [
    ("mo", "maandag"),
    ("tu", "dinsdag"),
    ("we", "woensdag"),
    ("th", "donderdag"),
    ("fr", "vrijdag"),
    ("sa", "zaterdag"),
    ("su", "zondag"),
]
DAY_KEYS = [key for key, _ in DAYS]
DAY_SHORT = {"mo": "ma", "tu": "di", "we": "wo", "th": "do", "fr": "vr", "sa": "za", "su": "zo"}
#: schema.org's day names, for openingHoursSpecification.
SCHEMA_DAYS = {
    "mo": "Monday",
    "tu": "Tuesday",
    "we": "Wednesday",
    "th": "Thursday",
    "fr": "Friday",
    "sa": "Saturday",
    "su": "Sunday",
}


def _struct_error(**errors: str) -> blocks.StructBlockValidationError:
    return blocks.StructBlockValidationError(
        block_errors={name: ErrorList([ValidationError(message)]) for name, message in errors.items()}
    )


class OpeningHoursBlock(blocks.StructBlock):
    """One row: "Bezoekuren" on the chosen days from `opens` to `closes`."""

    label = blocks.CharBlock(label="Soort", max_length=100, help_text="Bv. ‘Onthaal’ of ‘Bezoekuren’.")
    days = blocks.MultipleChoiceBlock(
        label="Dagen",
        choices=DAYS,
        widget=forms.CheckboxSelectMultiple,
        help_text="De dagen waarop deze uren gelden.",
    )
    opens = blocks.TimeBlock(label="Van", format="%H:%M")
    closes = blocks.TimeBlock(label="Tot", format="%H:%M")

    class Meta:
        icon = "time"
        label = "Openingsuren"

    def clean(self, value):
        value = super().clean(value)
        if value["opens"] and value["closes"] and value["closes"] <= value["opens"]:
            raise _struct_error(closes="Het sluitingsuur moet na het openingsuur liggen.")
        return value


class HoursExceptionBlock(blocks.StructBlock):
    """A day or period with other hours or closed: "Kerstmis, 25/12, gesloten"."""

    note = blocks.CharBlock(label="Omschrijving", max_length=100, help_text="Bv. ‘Kerstmis’.")
    start = blocks.DateBlock(label="Van (datum)")
    end = blocks.DateBlock(label="Tot en met (datum)", required=False, help_text="Leeg voor één dag.")
    closed = blocks.BooleanBlock(label="Gesloten", required=False)
    opens = blocks.TimeBlock(label="Open van", required=False, format="%H:%M")
    closes = blocks.TimeBlock(label="Open tot", required=False, format="%H:%M")

    class Meta:
        icon = "date"
        label = "Uitzondering"

    def clean(self, value):
        value = super().clean(value)
        if value["end"] and value["end"] < value["start"]:
            raise _struct_error(end="De einddatum ligt voor de begindatum.")
        if value["closed"]:
            return value
        if not (value["opens"] and value["closes"]):
            raise _struct_error(opens="Vul de uren in, of vink ‘Gesloten’ aan.")
        if value["closes"] <= value["opens"]:
            raise _struct_error(closes="Het sluitingsuur moet na het openingsuur liggen.")
        return value


HOURS_BLOCKS = [("hours", OpeningHoursBlock())]
EXCEPTION_BLOCKS = [("exception", HoursExceptionBlock())]


def hhmm(value: datetime.time | None) -> str:
    return value.strftime("%H:%M") if value else ""


def day_ranges(days: Iterable[str]) -> str:
    """The days as a Dutch reader writes them: "ma–vr", "ma–wo, vr", "za, zo", "elke dag"."""
    chosen = [key in set(days) for key in DAY_KEYS]
    if all(chosen):
        return "elke dag"
    parts, start = [], None
    for index, on in enumerate([*chosen, False]):
        if on and start is None:
            start = index
        elif not on and start is not None:
            first, last = DAY_SHORT[DAY_KEYS[start]], DAY_SHORT[DAY_KEYS[index - 1]]
            if index - start >= 3:
                parts.append(f"{first}–{last}")
            else:
                parts.extend(DAY_SHORT[DAY_KEYS[i]] for i in range(start, index))
            start = None
    return ", ".join(parts)


def grouped_hours(rows) -> list[tuple[str, list[str]]]:
    """Rows grouped by label, in the editor's order: [("Bezoekuren", ["ma–vr 14:00–20:00", …])]."""
    groups: dict[str, list[str]] = {}
    for row in rows:
        value = row.value
        line = f"{day_ranges(value['days'])} {hhmm(value['opens'])}–{hhmm(value['closes'])}"
        groups.setdefault(value["label"], []).append(line)
    return list(groups.items())


def exception_line(value) -> str:
    """ "Kerstmis: 25/12/2026 gesloten", "Paasmaandag: 06/04/2026 10:00–12:00"."""
    when = value["start"].strftime("%d/%m/%Y")
    if value["end"] and value["end"] != value["start"]:
        when = f"{when} tot en met {value['end'].strftime('%d/%m/%Y')}"
    hours = "gesloten" if value["closed"] else f"{hhmm(value['opens'])}–{hhmm(value['closes'])}"
    return f"{value['note']}: {when} {hours}"


def schema_specs(rows, exceptions) -> list[dict]:
    """schema.org openingHoursSpecification: the weekly rows, then the exceptions as dated entries.

    A closed day is opens = closes = 00:00, as schema.org describes it.
    """
    specs = [
        {
            "@type": "OpeningHoursSpecification",
            "name": row.value["label"],
            "dayOfWeek": [SCHEMA_DAYS[day] for day in row.value["days"]],
            "opens": hhmm(row.value["opens"]),
            "closes": hhmm(row.value["closes"]),
        }
        for row in rows
    ]
    for block in exceptions:
        value = block.value
        closed = value["closed"]
        specs.append(
            {
                "@type": "OpeningHoursSpecification",
                "name": value["note"],
                "validFrom": value["start"].isoformat(),
                "validThrough": (value["end"] or value["start"]).isoformat(),
                "opens": "00:00" if closed else hhmm(value["opens"]),
                "closes": "00:00" if closed else hhmm(value["closes"]),
            }
        )
    return specs


def rows_data(raw_rows) -> list[dict]:
    """The weekly rows as plain data (the content format and the API): times HH:MM, days Monday first.

    Reads the StreamField's raw data (times stored as "08:00:00"), so no block values are built.
    """
    rows = []
    for block in raw_rows:
        value = block.get("value") or {}
        rows.append(
            {
                "label": value.get("label") or "",
                "days": [day for day in DAY_KEYS if day in (value.get("days") or [])],
                "opens": (value.get("opens") or "")[:5],
                "closes": (value.get("closes") or "")[:5],
            }
        )
    return rows


def exceptions_data(raw_exceptions) -> list[dict]:
    """The exceptions as plain data (the API): dates YYYY-MM-DD, `end` null for one day."""
    result = []
    for block in raw_exceptions:
        value = block.get("value") or {}
        closed = bool(value.get("closed"))
        result.append(
            {
                "note": value.get("note") or "",
                "start": value.get("start"),
                "end": value.get("end") or None,
                "closed": closed,
                "opens": None if closed else (value.get("opens") or "")[:5] or None,
                "closes": None if closed else (value.get("closes") or "")[:5] or None,
            }
        )
    return sorted(result, key=lambda item: item["start"] or "")
