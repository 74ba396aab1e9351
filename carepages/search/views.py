"""The site search page /zoeken/ and its suggestions endpoint /zoeken/suggesties/.

Both work on plain GET parameters, so the page needs no JavaScript; the
suggestions only enhance the search box (static/search/autocomplete.js).
"""

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.http import urlencode

from carepages.core import kinds
from carepages.core.errors import json_errors
from carepages.core.text import printable

from . import engine, events

PAGE_SIZE = 10
SUGGESTION_COUNT = 6


def search(request):
    raw_query = printable(request.GET.get("q", ""))
    query = engine.clean_query(raw_query)
    soort = request.GET.get("soort", "").strip()
    errors = []
    # The `soort` filter: a Dutch word per kind (docs/urls.md), listed in the kinds' order.
    chosen = kinds.by_soort(soort) if soort else None
    if soort and chosen is None:
        choices = ", ".join(kind.soort for kind in kinds.all())
        errors.append(f"‘{printable(soort, 40)}’ is geen soort die je kan kiezen. Kies uit: {choices}.")
        soort = ""
    page_number, page_error = _page_number(request.GET.get("pagina", "1"))
    if page_error:
        errors.append(page_error)
    context = {
        "query": query,
        "shortened": len(raw_query.strip()) > engine.MAX_QUERY_CHARS,
        "soort": soort,
        "errors": errors,
    }
    if errors:
        return render(request, "search/search.html", context, status=400)
    if not query:
        return render(request, "search/search.html", context)

    wanted = [chosen.key] if chosen else None
    response = engine.search(query, kinds=wanted, limit=PAGE_SIZE, offset=(page_number - 1) * PAGE_SIZE)
    if page_number == 1 and not soort:  # a further page or a filter is the same search, looked at again
        events.searched.send(sender=search, query=query, response=response)
    page_count = max(1, -(-response.count // PAGE_SIZE))
    status = 200
    if page_number > page_count:
        context["errors"] = [f"Er zijn maar {page_count} pagina’s met resultaten voor deze zoekopdracht."]
        status = 404
    context.update(
        response=response,
        page_number=page_number,
        page_count=page_count,
        start_number=(page_number - 1) * PAGE_SIZE + 1,
        pages=[(n, _url(query, soort, n)) for n in range(1, page_count + 1)],
        previous_url=_url(query, soort, page_number - 1) if page_number > 1 else None,
        next_url=_url(query, soort, page_number + 1) if page_number < page_count else None,
        filters=_filters(query, soort, response),
        suggestion_url=_url(response.suggestion, soort, 1) if response.suggestion else None,
    )
    return render(request, "search/search.html", context, status=status)


@json_errors
def suggestions(request):
    """Titles matching what the patient is typing, for the search box's list."""
    query = engine.clean_query(printable(request.GET.get("q", "")))
    results = engine.search(query, limit=SUGGESTION_COUNT).results if query else []
    payload = {
        "query": query,
        "suggestions": [{"title": hit.title, "label": hit.label, "url": hit.url} for hit in results],
    }
    response = JsonResponse(payload)
    response["Cache-Control"] = "max-age=60"
    return response


def _page_number(value: str) -> tuple[int, str | None]:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return 1, f"‘{printable(value, 20)}’ is geen paginanummer: gebruik pagina=1, 2, 3 …"
    if number < 1:
        return 1, "Het paginanummer begint bij 1."
    return number, None


def _url(query: str, soort: str, page: int) -> str:
    params = {"q": query}
    if soort:
        params["soort"] = soort
    if page > 1:
        params["pagina"] = page
    return "/zoeken/?" + urlencode(params)


def _filters(query: str, soort: str, response: engine.SearchResponse) -> list[dict]:
    total = sum(response.facets.values())
    filters = [{"label": "Alle", "count": total, "url": _url(query, "", 1), "current": not soort}]
    for kind in kinds.all():
        count = response.facets.get(kind.key, 0)
        current = kind.soort == soort
        if count or current:
            filters.append(
                {"label": kind.plural, "count": count, "url": _url(query, kind.soort, 1), "current": current}
            )
    return filters
