"""schema.org `Physician` for a doctor's page (JSON-LD)."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def doctor_jsonld(context, page, services, locations) -> dict:
    """The doctor as a Physician: services as departments, campuses as places where they work."""
    request = context.get("request")
    data = {
        "@context": "https://schema.org",
        "@type": "Physician",
        "name": page.title,
        "url": page.get_full_url(request),
    }
    if page.honorific:
        data["honorificPrefix"] = page.honorific
    if page.role:
        data["jobTitle"] = page.role
    if services:
        data["department"] = [
            {"@type": "MedicalClinic", "name": service.title, "url": service.get_full_url(request)}
            for service in services
        ]
    if locations:
        data["workLocation"] = [
            {"@type": "Hospital", "name": location.title, "url": location.get_full_url(request)}
            for location in locations
        ]
    if page.languages:
        data["knowsLanguage"] = list(page.languages)
    return data
