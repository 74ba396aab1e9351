"""Version 2's keys for campuses, services' appointments and the hospital (docs/content-format.md).

format.py holds the framework (which keys a version allows, the entry loop); the checks of
these keys live here, each naming kind, slug and field down to the item:
`locations ‘x’, opening_hours[2].opens: bad time ‘25:00’ (HH:MM)`. Every check returns the
value normalised as the exporter writes it, so export → import → export gives the same file.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email

from carepages.core.blocks import clean_html
from carepages.locations.hours import DAY_KEYS, rows_data
from carepages.services.models import ServiceLocation
from carepages.site_settings.models import HospitalSettings

from . import format as fmt

#: Location keys of version 2: (required, type name), the type names checked by `check_value`.
LOCATION_FIELDS = {
    "street": (False, "street"),
    "postal_code": (False, "postal_code"),
    "city": (False, "city"),
    "email": (False, "email"),
    "geo": (False, "geo"),
    "opening_hours": (False, "opening_hours"),
    "route": (False, "route"),
}
SERVICE_FIELDS = {
    "appointment": (False, "appointment"),
    "contacts": (False, "contacts"),
}
#: The top-level keys of version 2 that are one object, not a list of entries.
DOCUMENT_KEYS = ("hospital",)

#: Database field lengths of the one-line texts (locations.models, services.models, site_settings).
LINE_MAX = {"street": 255, "postal_code": 10, "city": 100, "label": 100, "route": 100, "name": 100}
DEFAULTS = {
    "street": "",
    "postal_code": "",
    "city": "",
    "email": "",
    "geo": None,
    "opening_hours": [],
    "route": "",
    "appointment": {"phone": "", "url": ""},
    "contacts": [],
}
HH_MM = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")
_HTTPS = URLValidator(schemes=["https"])


class _Bad(Exception):
    """A value that cannot be used; `where` is the path below the key (`[2].opens`)."""

    def __init__(self, message: str, where: str = ""):
        super().__init__(message)
        self.where = where


def check_value(checker, kind: str, name: str, key: str, type_name: str, value: Any) -> Any:
    """The normalised value, or None after adding one problem per bad part."""
    try:
        return _CHECKS[type_name](value, checker)
    except _Bad as bad:
        checker.add(kind, name, f"{key}{bad.where}", str(bad))
        return None
    except _Many as many:
        for bad in many.problems:
            checker.add(kind, name, f"{key}{bad.where}", str(bad))
        return None


class _Many(Exception):
    def __init__(self, problems: list[_Bad]):
        self.problems = problems


def _line(value: Any, limit: int, where: str = "") -> str:
    if not isinstance(value, str):
        raise _Bad(f"must be a text, not {fmt._type_name(value)}", where)
    problem = fmt.text_problem(value, one_line=True)
    if problem:
        raise _Bad(problem, where)
    if len(value) > limit:
        raise _Bad(f"longer than {limit} characters", where)
    return value.strip()


def _email(value: Any, checker=None) -> str:
    text = _line(value, 254)
    if text:
        try:
            validate_email(text)
        except ValidationError:
            raise _Bad(f"{fmt.shown(text)} is not an e-mail address") from None
    return text


def _object(value: Any, keys: tuple[str, ...], required: tuple[str, ...], where: str = "") -> dict:
    if not isinstance(value, dict):
        raise _Bad(f"must be a JSON object with {', '.join(keys)}, not {fmt._type_name(value)}", where)
    problems = [_Bad("unknown key", f"{where}.{fmt.shown_key(key)}") for key in value if key not in keys]
    problems += [
        _Bad("given more than once in one object (which one counts?)", f"{where}.{fmt.shown_key(key)}")
        for key in getattr(value, "duplicate_keys", ())
    ]
    problems += [_Bad(f"missing {key}", f"{where}.{key}") for key in required if value.get(key) is None]
    if problems:
        raise _Many(problems)
    return value


def _geo(value: Any, checker=None) -> dict:
    _object(value, ("lat", "lon"), ("lat", "lon"))
    result = {}
    for key, limit in (("lat", 90), ("lon", 180)):
        number = value[key]
        if isinstance(number, bool) or not isinstance(number, int | float):
            raise _Bad(f"must be a number of degrees (WGS84), not {fmt._type_name(number)}", f".{key}")
        if not -limit <= number <= limit:
            raise _Bad(f"{number} is outside -{limit}..{limit} degrees (WGS84)", f".{key}")
        # Stored with 6 decimals (about 10 cm): the file holds what the site keeps.
        result[key] = float(round(Decimal(str(number)), 6))
    return result


def _time(value: Any, where: str) -> str:
    if not isinstance(value, str) or not HH_MM.fullmatch(value):
        shown = fmt.shown(value) if isinstance(value, str) else fmt._type_name(value)
        raise _Bad(f"bad time {shown} (HH:MM)", where)
    return value


def _opening_hours(value: Any, checker=None) -> list[dict]:
    if not isinstance(value, list):
        raise _Bad(f"must be a list, not {fmt._type_name(value)}")
    rows, problems = [], []
    for number, row in enumerate(value, start=1):
        where = f"[{number}]"
        try:
            rows.append(_hours_row(row, where))
        except _Bad as bad:
            problems.append(bad)
        except _Many as many:
            problems.extend(many.problems)
    if problems:
        raise _Many(problems)
    return rows


def _hours_row(row: Any, where: str) -> dict:
    keys = ("label", "days", "opens", "closes")
    _object(row, keys, keys, where)
    label = _line(row["label"], LINE_MAX["label"], f"{where}.label")
    if not label:
        raise _Bad("missing label", f"{where}.label")
    days = row["days"]
    if not isinstance(days, list) or not days:
        raise _Bad(f"must be a list of days ({' '.join(DAY_KEYS)})", f"{where}.days")
    for day in days:
        if day not in DAY_KEYS:
            raise _Bad(
                f"bad day {fmt.shown(day) if isinstance(day, str) else fmt._type_name(day)} "
                f"(one of {' '.join(DAY_KEYS)})",
                f"{where}.days",
            )
    if len(set(days)) != len(days):
        raise _Bad("holds a day twice", f"{where}.days")
    opens, closes = _time(row["opens"], f"{where}.opens"), _time(row["closes"], f"{where}.closes")
    if closes <= opens:
        raise _Bad(f"{fmt.shown(closes)} is not after opens {fmt.shown(opens)}", f"{where}.closes")
    # Monday first, as the admin stores them: the same days are the same row.
    ordered = [day for day in DAY_KEYS if day in days]
    return {"label": label, "days": ordered, "opens": opens, "closes": closes}


def _route(value: Any, checker) -> str:
    if not isinstance(value, str):
        raise _Bad(f"must be a text (HTML), not {fmt._type_name(value)}")
    problem = fmt.text_problem(value, one_line=False)
    if problem:
        raise _Bad(problem)
    cleaned = clean_html(value)
    if cleaned != value.strip():
        checker.cleaned_bodies += 1
    return cleaned


def _appointment(value: Any, checker=None) -> dict:
    _object(value, ("phone", "url"), ())
    phone = _line(value.get("phone") or "", fmt.PHONE_MAX, ".phone")
    url = _line(value.get("url") or "", 200, ".url")
    if url:
        try:
            _HTTPS(url)
        except ValidationError:
            raise _Bad(f"{fmt.shown(url)} is not an https:// address", ".url") from None
    return {"phone": phone, "url": url}


def _contacts(value: Any, checker=None) -> list[dict]:
    if not isinstance(value, list):
        raise _Bad(f"must be a list, not {fmt._type_name(value)}")
    contacts, problems = [], []
    for number, item in enumerate(value, start=1):
        where = f"[{number}]"
        try:
            _object(item, ("location", "phone", "route"), ("location",), where)
            location = item["location"]
            if not isinstance(location, str):
                raise _Bad(f"must be a slug, not {fmt._type_name(location)}", f"{where}.location")
            contact = {
                "location": location,
                "phone": _line(item.get("phone") or "", fmt.PHONE_MAX, f"{where}.phone"),
                "route": _line(item.get("route") or "", LINE_MAX["route"], f"{where}.route"),
            }
        except _Bad as bad:
            problems.append(bad)
            continue
        except _Many as many:
            problems.extend(many.problems)
            continue
        if any(other["location"] == location for other in contacts):
            problems.append(_Bad(f"{fmt.shown(location)} is listed twice", f"{where}.location"))
        # A contact with neither phone nor route says nothing; the export leaves it out too.
        if contact["phone"] or contact["route"]:
            contacts.append(contact)
    if problems:
        raise _Many(problems)
    return contacts


_CHECKS = {
    "street": lambda value, checker: _line(value, LINE_MAX["street"]),
    "postal_code": lambda value, checker: _line(value, LINE_MAX["postal_code"]),
    "city": lambda value, checker: _line(value, LINE_MAX["city"]),
    "email": _email,
    "geo": _geo,
    "opening_hours": _opening_hours,
    "route": _route,
    "appointment": _appointment,
    "contacts": _contacts,
}


def check_contact_references(checker, nameable: dict, named: dict, known) -> None:
    """A contact names a known campus, and one where the service is present (its `locations`)."""
    locations = known.locations | named["locations"]
    for name, entry in nameable["services"]:
        contacts, listed = entry.get("contacts"), entry.get("locations")
        if not isinstance(contacts, list):
            continue
        for number, contact in enumerate(contacts, start=1):
            slug, where = contact["location"], f"contacts[{number}].location"
            if slug not in locations:
                checker.add(
                    "services",
                    name,
                    where,
                    f"unknown reference {fmt.shown(slug)} (no location with this slug)",
                )
            elif isinstance(listed, list) and slug not in listed:
                message = f"{fmt.shown(slug)} is not in this service's locations (add it there)"
                checker.add("services", name, where, message)


def check_hospital(checker, value: Any) -> dict | None:
    """The top-level `hospital` object: {name, phone, emergency_phone}, or None after its problems."""
    problems: list[_Bad] = []
    try:
        _object(value, ("name", "phone", "emergency_phone"), ())
    except _Bad as bad:
        problems.append(bad)
    except _Many as many:
        problems.extend(many.problems)
    result = {}
    if isinstance(value, dict):
        for key, required in (("name", True), ("phone", False), ("emergency_phone", False)):
            try:
                result[key] = _line(
                    value.get(key) or "", LINE_MAX["name"] if required else fmt.PHONE_MAX, f".{key}"
                )
                if required and not result[key]:
                    raise _Bad(f"missing {key}", f".{key}")
            except _Bad as bad:
                problems.append(bad)
    for bad in problems:
        checker.add("document", "", f"hospital{bad.where}", str(bad))
    return None if problems else result


# What the site holds, as the format writes it (exporter) and sets it (importer).


def location_entry(page) -> dict:
    geo = {"lat": float(page.latitude), "lon": float(page.longitude)} if page.has_geo else None
    return {
        "street": page.street,
        "postal_code": page.postal_code,
        "city": page.city,
        "email": page.email,
        "geo": geo,
        "opening_hours": rows_data(page.opening_hours.raw_data),
        "route": page.route_html,
    }


def set_location_fields(page, entry: dict) -> None:
    """Version 2's campus keys onto the page; a version 1 entry has none and changes none."""
    if "street" not in entry:
        return
    page.street, page.postal_code, page.city = entry["street"], entry["postal_code"], entry["city"]
    page.email = entry["email"]
    geo = entry["geo"]
    page.latitude = Decimal(str(geo["lat"])) if geo else None
    page.longitude = Decimal(str(geo["lon"])) if geo else None
    page.opening_hours = [
        (
            "hours",
            {
                "label": row["label"],
                "days": row["days"],
                "opens": datetime.time.fromisoformat(row["opens"]),
                "closes": datetime.time.fromisoformat(row["closes"]),
            },
        )
        for row in entry["opening_hours"]
    ]
    page.directions = entry["route"]


def service_entry(page, contacts: list[dict]) -> dict:
    return {
        "appointment": {"phone": page.appointment_phone, "url": page.appointment_url},
        "contacts": contacts,
    }


def set_service_fields(page, entry: dict) -> None:
    if "appointment" in entry:
        page.appointment_phone = entry["appointment"]["phone"]
        page.appointment_url = entry["appointment"]["url"]


def contact_of(entry: dict, location_slug: str, old: dict[str, tuple[str, str]]) -> dict[str, str]:
    """Phone and route of the service at one campus: from the entry (version 2) or kept (version 1)."""
    if "contacts" not in entry:
        phone, route = old.get(location_slug, ("", ""))
        return {"phone": phone, "route": route}
    contact = next((c for c in entry["contacts"] if c["location"] == location_slug), None)
    return {"phone": contact["phone"], "route": contact["route"]} if contact else {"phone": "", "route": ""}


def contacts_by_service(live_only: bool) -> dict[int, list[dict]]:
    """Per service id, its campuses' own phone and route, in the editor's order: one query."""
    rows = ServiceLocation.objects.exclude(phone="", route="").order_by("page_id", "sort_order", "pk")
    if live_only:
        rows = rows.filter(location__live=True)
    contacts: dict[int, list[dict]] = {}
    for page_id, slug, phone, route in rows.values_list("page_id", "location__slug", "phone", "route"):
        contacts.setdefault(page_id, []).append({"location": slug, "phone": phone, "route": route})
    return contacts


def hospital_entry() -> dict:
    hospital = HospitalSettings.load()
    return {"name": hospital.name, "phone": hospital.phone, "emergency_phone": hospital.emergency_phone}


def set_hospital(values: dict) -> bool:
    """Write the hospital's identity; whether it changed."""
    hospital = HospitalSettings.load()
    if all(getattr(hospital, key) == value for key, value in values.items()):
        return False
    for key, value in values.items():
        setattr(hospital, key, value)
    hospital.full_clean()
    hospital.save()
    return True


def register() -> None:
    """Add these keys to the format (format.py's tables); ContentIoConfig.ready calls it once."""
    fmt.FIELDS_V2["locations"] |= LOCATION_FIELDS
    fmt.FIELDS_V2["services"] |= SERVICE_FIELDS
    fmt.DEFAULTS |= DEFAULTS
    fmt.VALUE_CHECKS |= dict.fromkeys(_CHECKS, check_value)
    fmt.DOCUMENT_OBJECTS_V2["hospital"] = check_hospital
    if check_contact_references not in fmt.REFERENCE_CHECKS:
        fmt.REFERENCE_CHECKS.append(check_contact_references)
