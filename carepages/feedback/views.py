"""The public feedback form's target: POST /feedback/, then back to the page.

The form sits in pages that the publish cache keeps for everyone, so it carries no
CSRF token (the cache refuses pages with one, and a token per visitor would need a
cookie). The view is exempt from Django's CSRF check and protected otherwise:
the Origin (or, without it, the Referer) must be this site, a hidden field traps
bots, comments are capped, and each visitor may send FEEDBACK_LIMIT_PER_HOUR answers
an hour (throttle.py). What it stores: models.py and docs/security.md.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from .forms import TOO_LONG, TRAP_FIELD, FeedbackForm
from .models import Feedback
from .privacy import scrub
from .throttle import count_and_allow

THANKS_QUERY = "bedankt=1"


def problem(
    request: HttpRequest, status: int, title: str, messages: list[str], back: str = ""
) -> HttpResponse:
    """A Dutch page saying what went wrong, with the way back."""
    html = loader.render_to_string(
        "feedback/problem.html", {"title": title, "messages": messages, "back": back}, request
    )
    return HttpResponse(html, status=status)


def _origins(request: HttpRequest) -> set[str]:
    return {f"{request.scheme}://{request.get_host()}", *settings.CSRF_TRUSTED_ORIGINS}


def from_this_site(request: HttpRequest) -> bool:
    """The form was sent from one of our own pages (a browser says so in Origin or Referer)."""
    origin = request.headers.get("Origin")
    if origin is None:
        referer = urlsplit(request.headers.get("Referer", ""))
        origin = f"{referer.scheme}://{referer.netloc}" if referer.netloc else None
    return origin is not None and origin in _origins(request)


def _back_to(request: HttpRequest) -> str:
    """The page the visitor came from, when it is on this site: for the error page's link."""
    referer = urlsplit(request.headers.get("Referer", ""))
    if referer.netloc and f"{referer.scheme}://{referer.netloc}" in _origins(request):
        return referer.path
    return "/"


@csrf_exempt
@never_cache
def submit(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        response = problem(
            request,
            405,
            "Feedback geven gaat via het formulier",
            ["Gebruik het formulier ‘Was deze informatie nuttig?’ onderaan een pagina."],
        )
        response["Allow"] = "POST"
        return response
    if not from_this_site(request):
        return problem(
            request, 403, "Feedback niet aanvaard", ["Feedback kan alleen via het formulier op deze website."]
        )
    if not count_and_allow(request):
        response = problem(
            request,
            429,
            "Even geduld",
            ["Je hebt het voorbije uur al veel feedback gegeven. Probeer het later opnieuw."],
            _back_to(request),
        )
        response["Retry-After"] = "3600"
        return response
    try:
        form = FeedbackForm(request.POST)
    except RequestDataTooBig:  # far beyond any comment the form allows (DATA_UPLOAD_MAX_MEMORY_SIZE)
        return problem(request, 400, "Je feedback is niet verstuurd", [TOO_LONG], _back_to(request))
    if not form.is_valid():
        messages = [message for errors in form.errors.values() for message in errors]
        return problem(request, 400, "Je feedback is niet verstuurd", messages, _back_to(request))
    page = form.cleaned_data["pagina"]
    if not request.POST.get(TRAP_FIELD):  # a bot filled in the hidden field: thank it, keep nothing
        with transaction.atomic():
            Feedback.objects.create(
                page=page, useful=form.useful, comment=scrub(form.cleaned_data["opmerking"])
            )
    return HttpResponseRedirect(f"{page.url}?{THANKS_QUERY}#feedback")
