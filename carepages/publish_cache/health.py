"""The publish cache's part of /healthz (carepages/core/health.py)."""

import os

from django.conf import settings

from carepages.core.health import FAILED, register

from .store import LIVE_LINK, cache_dir


@register("publish_cache")
def publish_cache() -> dict:
    """The folder nginx and the front read: present, writable, with a live generation."""
    if not (getattr(settings, "PUBLISH_CACHE_DIR", None) or os.environ.get("PUBLISH_CACHE_DIR")):
        return {"status": "off"}  # development: runserver has no front before Django
    folder = cache_dir()
    if not folder.is_dir():
        return {"status": FAILED, "error": "folder missing"}
    if not os.access(folder, os.W_OK | os.X_OK):
        return {"status": FAILED, "error": "folder not writable"}
    live = folder / LIVE_LINK
    if not live.is_dir():
        return {"status": "ok", "generation": None}  # nothing published or rendered yet
    return {"status": "ok", "generation": os.readlink(live)}
