"""Render every live public page into the publish cache.

`make serve` runs it before starting the server, so the whole site is in the cache
from the first request and stays readable if the database goes down later.

Only pages the rule accepts (rule.public_pages: live, no view restriction on the page
or an ancestor) are rendered, through the same front and hook as a visitor's request.
Afterwards every file in the live generation that is not one of those pages is removed,
so a page that stopped being public can never be left behind for nginx.
"""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.core.wsgi import get_wsgi_application
from django.http.request import validate_host

from carepages.core.environ import wsgi_environ
from carepages.publish_cache.front import PublishCacheFront
from carepages.publish_cache.generation import unregister_local_store
from carepages.publish_cache.rule import public_pages


class Command(BaseCommand):
    help = "Render every live public page into the publish cache (PUBLISH_CACHE_DIR)."

    def handle(self, *args, **options):
        front = PublishCacheFront(get_wsgi_application(), follow_database=False)
        kept, skipped, public = 0, [], set()
        for page in public_pages().specific().order_by("path"):
            parts = page.get_url_parts()
            if parts is None:
                continue  # the tree's root: not a page of any site
            site_id, root_url, path = parts
            public.add(path)
            state = _render(front, path, _host(root_url))
            if state in ("miss", "hit"):
                kept += 1
            else:
                skipped.append(f"{path} ({state})")
        stale = front.store.paths() - public
        for path in sorted(stale):
            front.store.remove(path)
        unregister_local_store(front.store)
        self.stdout.write(f"Publish cache: {kept} pages ready in {front.store.root}.")
        if stale:
            self.stdout.write(f"  removed, no longer public: {', '.join(sorted(stale))}")
        for line in skipped:
            self.stdout.write(f"  not kept: {line}")


def _host(root_url: str | None) -> str:
    """The site's own host name when Django accepts it, else the first host it accepts."""
    host = root_url.split("://", 1)[-1] if root_url else "localhost"
    if validate_host(host.split(":")[0], settings.ALLOWED_HOSTS):
        return host
    concrete = [name for name in settings.ALLOWED_HOSTS if name != "*" and not name.startswith(".")]
    return concrete[0] if concrete else host


def _render(front: PublishCacheFront, path: str, host: str) -> str:
    # As nginx passes it on in production: over HTTPS, for the site's own host.
    environ = wsgi_environ(path, host=host, https=True)
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer["status"] = status
        answer["state"] = dict(headers).get("X-Publish-Cache")

    result = front(environ, start_response)
    if hasattr(result, "close"):
        result.close()
    return answer.get("state") or answer.get("status", "no answer")
