"""/healthz: what monitoring polls. Each part of the site reports its own status.

Apps add a check in a `health` module of their own (`@register("name")`), found at
start-up like Django's admin modules, so this view knows nothing of the apps above
core. The answer names each part's status and never a secret (no URL, host or
message from the database driver): 200 when every check passes, 503 otherwise.
"""

import time
from collections.abc import Callable

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.utils.module_loading import autodiscover_modules
from django.views.decorators.cache import never_cache

CHECKS: dict[str, Callable[[], dict]] = {}
FAILED = "fail"


def register(name: str):
    def decorator(check: Callable[[], dict]):
        CHECKS[name] = check
        return check

    return decorator


def discover() -> None:
    autodiscover_modules("health")


@register("database")
def database() -> dict:
    started = time.monotonic()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as error:
        connection.close_if_unusable_or_obsolete()
        return {"status": FAILED, "error": type(error).__name__}
    return {"status": "ok", "ms": round((time.monotonic() - started) * 1000, 1)}


@never_cache
def healthz(request):
    results = {}
    for name, check in CHECKS.items():
        try:
            results[name] = check()
        except Exception as error:  # a broken check is a failed check, never a 500
            results[name] = {"status": FAILED, "error": type(error).__name__}
    healthy = all(result["status"] != FAILED for result in results.values())
    return JsonResponse(
        {"status": "ok" if healthy else FAILED, "checks": results}, status=200 if healthy else 503
    )
