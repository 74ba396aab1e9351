"""The real nginx with deploy/carepages.nginx.conf decides as the rule (rule.py) does.

nginx (/usr/sbin/nginx, as bench/bench_serve.py runs it) serves a publish-cache folder
holding one page; a small stand-in app server answers everything else. Every request of
the table goes to both: nginx must answer it from the cache exactly when the rule says
the request may use the cache. Plus the brute-force brake on the login forms.

The answers beside the pages (API reads, filtered listings, the sitemap) are served by
nginx in front of a real app server (granian, PostgreSQL) writing them: only the exact
canonical query string, with Django's bytes and headers, and never after a publish.
"""

from __future__ import annotations

import gzip
import http.client
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from carepages.core import kinds
from carepages.publish_cache import rule
from carepages.testing.servers import (
    REPO,
    AppInstance,
    Editor,
    PrivatePostgres,
    django_env,
    fill_nginx_template,
    free_port,
    manage,
    wait_for_port,
)

from .test_publish_cache_privacy import COOKIE_SPELLINGS

PAGE = "/aandoeningen/hartfalen/"
API_DETAIL = "/api/v1/conditions/hartfalen/"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"

MAIN = """
{user}
worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/error.log;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {work}/tmp; proxy_temp_path {work}/tmp; fastcgi_temp_path {work}/tmp;
    uwsgi_temp_path {work}/tmp; scgi_temp_path {work}/tmp;
{front}
}}
"""


class StandInApp(BaseHTTPRequestHandler):
    """Answers every request itself, as Django would: 200 'app'."""

    def _answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", "3")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(b"app")

    do_GET = do_HEAD = do_POST = _answer

    def log_message(self, *args):
        pass


def start_nginx(work: Path, cache: Path, app_port: int) -> int:
    """nginx with deploy/carepages.nginx.conf over `cache`, proxying to `app_port`; its port."""
    os.chmod(work, 0o755)  # nginx workers read the cache folder
    (work / "tmp").mkdir(exist_ok=True)
    (work / "static").mkdir(exist_ok=True)
    port = free_port()
    front = fill_nginx_template(
        (REPO / "deploy" / "carepages.nginx.conf").read_text(),
        {
            "LISTEN": f"127.0.0.1:{port}",
            "SERVER_NAME": "localhost",
            "PUBLISH_CACHE_DIR": str(cache),
            "STATIC_ROOT": str(work / "static"),
            "APP_SERVERS": f"server 127.0.0.1:{app_port};",
        },
    )
    user = "user root;" if os.geteuid() == 0 else ""  # root: workers may read the temporary folder
    (work / "nginx.conf").write_text(MAIN.format(user=user, work=work, front=front))
    subprocess.run([NGINX, "-c", str(work / "nginx.conf"), "-p", str(work)], check=True)
    wait_for_port(port)
    return port


def stop_nginx(work: Path) -> None:
    subprocess.run([NGINX, "-c", str(work / "nginx.conf"), "-p", str(work), "-s", "quit"], check=False)


@pytest.fixture(scope="module")
def nginx():
    work = Path(tempfile.mkdtemp(prefix="carepages-nginx-test-"))
    page = work / "cache" / "g-test" / PAGE.strip("/") / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text("<p>uit de cache</p>")
    # A file where an API path would map: nginx must never answer the API from files.
    planted = work / "cache" / "g-test" / API_DETAIL.strip("/") / "index.html"
    planted.parent.mkdir(parents=True)
    planted.write_text("<p>uit de cache</p>")
    (work / "cache" / "current").symlink_to("g-test")
    app = ThreadingHTTPServer(("127.0.0.1", free_port()), StandInApp)
    threading.Thread(target=app.serve_forever, daemon=True).start()
    try:
        yield start_nginx(work, work / "cache", app.server_address[1])
    finally:
        stop_nginx(work)
        app.shutdown()
        shutil.rmtree(work, ignore_errors=True)


def send(port, method, target, headers=()) -> tuple[int, dict, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.putrequest(method, target, skip_accept_encoding=True)
    for name, value in headers:  # a list: the same header may come twice
        connection.putheader(name, value)
    connection.endheaders()
    response = connection.getresponse()
    body = response.read()
    connection.close()
    headers: dict[str, str] = {}
    for name, value in response.getheaders():  # a repeated header (Vary) as one list
        name = name.lower()
        headers[name] = f"{headers[name]}, {value}" if name in headers else value
    return response.status, headers, body


def environ_for(method, target, headers) -> dict:
    """What Django (and so the rule) sees of the request: repeated Cookie headers joined by '; '."""
    path, _, query = target.partition("?")
    environ = {"REQUEST_METHOD": method, "PATH_INFO": path, "QUERY_STRING": query}
    for name, value in headers:
        key = "HTTP_" + name.upper().replace("-", "_")
        environ[key] = f"{environ[key]}; {value}" if key in environ else value
    return environ


# What the app front keeps (rule.memory_key): without the app's file for it, nginx passes it on.
MEMORY_TARGETS = [
    API_DETAIL,
    "/api/v1/conditions/?limit=5",
    "/api/v1/services/?location=campus-noord&limit=5",
    "/sitemap.xml",
    PAGE + "?locatie=campus-noord",
    PAGE + "?pagina=1&locatie=campus-noord",
    "/diensten/?locatie=campus-noord",
]

CASES = [
    ("GET", PAGE, []),
    ("HEAD", PAGE, []),
    ("POST", PAGE, []),
    ("GET", PAGE + "?locatie=campus-noord", []),
    ("GET", PAGE + "?pagina=2", []),
    ("GET", PAGE, [("Authorization", "Basic ZWRpdG9yOmdlaGVpbQ==")]),
    ("GET", PAGE, [("Cookie", "theme=dark")]),
    ("GET", PAGE, [("Cookie", "_ga=GA1.1.1; theme=dark")]),
    ("GET", PAGE, [("Cookie", "theme=dark"), ("Cookie", "sessionid=abc")]),
    ("HEAD", PAGE, [("Cookie", "sessionid =abc")]),
    *[("GET", PAGE, [("Cookie", cookie)]) for cookie in COOKIE_SPELLINGS],
    *[("GET", PAGE, [("Cookie", f"{name}=x")]) for name in rule.private_cookie_names()],
    *[("GET", target, []) for target in MEMORY_TARGETS],
    ("HEAD", API_DETAIL, []),
    ("GET", API_DETAIL, [("Cookie", "sessionid=abc")]),
    ("GET", "/api/v1/search/?q=hart", []),
]


@pytest.mark.parametrize("method, target, headers", CASES, ids=[f"{m} {t} {h}" for m, t, h in CASES])
def test_nginx_answers_from_the_cache_exactly_when_the_rule_allows(nginx, method, target, headers):
    status, answer, body = send(nginx, method, target, headers)
    from_cache = answer.get("x-publish-cache") == "nginx"
    assert from_cache == rule.request_may_use_cache(environ_for(method, target, headers))
    assert status == 200
    if method == "GET":
        assert body == (b"<p>uit de cache</p>" if from_cache else b"app")


@pytest.mark.parametrize("target", MEMORY_TARGETS)
def test_what_the_front_keeps_in_memory_nginx_passes_to_it(nginx, target):
    """The API's reads, filtered listings, the sitemap: only from the app's own files (none here)."""
    status, answer, body = send(nginx, "GET", target)
    assert (status, body, answer.get("x-publish-cache")) == (200, b"app", None)
    assert rule.memory_key(environ_for("GET", target, [])) is not None


def test_the_rules_cookie_names_and_page_paths_are_the_ones_nginx_matches():
    conf = (REPO / "deploy" / "carepages.nginx.conf").read_text()
    assert f'location ~ "{rule.CACHEABLE_PATH.pattern}"' in conf
    for name in rule.private_cookie_names():
        assert name.lower() in conf.split("$carepages_private_cookie {", 1)[1].split("}", 1)[0], name


@pytest.mark.parametrize(
    "path",
    ["/admin/login/", "/admin/password_reset/", "/_util/login/", "/_util/authenticate_with_password/4/7/"],
)
def test_login_and_password_forms_are_braked_per_client(nginx, path):
    for _ in range(10):
        assert send(nginx, "GET", path)[0] == 200  # showing the form is not counted
    statuses = [send(nginx, "POST", path, [("Content-Length", "0")]) for _ in range(12)]
    refused = [answer for answer in statuses if answer[0] == 429]
    assert refused, "12 quick POSTs must meet the brake"
    status, headers, body = refused[0]
    assert "Te veel pogingen" in body.decode()
    assert headers["retry-after"] == "60"


def test_the_api_filters_of_every_kind_are_in_nginxs_canonical_order():
    """nginx's map for API lists names every kind's filters, in the order rule.memory_key writes them."""
    conf = (REPO / "deploy" / "carepages.nginx.conf").read_text()
    shape = conf.split("map $args $carepages_api_list_answer {", 1)[1].split("\n}", 1)[0]
    names = re.findall(r"\(\?:([a-z]+)=", shape)
    assert names == sorted(names)
    for segment, filters in kinds.api_segments().items():
        assert {"limit", "offset", *filters} <= set(names), segment


# -- the answers beside the pages, in front of a real app server ----------------------------

SEED = """
from carepages.conditions.factories import ConditionPageFactory
from carepages.content_io.site_structure import ensure_site_structure
from carepages.locations.factories import LocationPageFactory
from carepages.services.factories import ServicePageFactory

site = ensure_site_structure()
north = LocationPageFactory(parent=site.locations, title="Campus Noord")
cardio = ServicePageFactory(parent=site.services, title="Cardiologie", locations=[north])
ConditionPageFactory(parent=site.conditions, title="Hartfalen", services=[cardio])
"""
# The promise to editors is 2 s (bench_serve.py measures it through nginx); the test allows
# more so that a loaded machine cannot fail it on timing alone.
STALE_LIMIT_SECONDS = 10.0
# Django's headers that nginx must repeat on the answers it serves from the app's files.
SAME_HEADERS = (
    "content-type",
    "content-language",
    "cache-control",
    "last-modified",
    "x-robots-tag",
    "access-control-allow-origin",
    "access-control-allow-methods",
    "access-control-allow-headers",
    "access-control-expose-headers",
    "access-control-max-age",
)
SECURITY_HEADERS = ("content-security-policy", "x-content-type-options", "x-frame-options", "referrer-policy")


@pytest.fixture(scope="module")
def fronted(tmp_path_factory):
    """nginx (the deploy file) in front of granian with the publish-cache front, on PostgreSQL."""
    work = tmp_path_factory.mktemp("nginx-front")
    cache = work / "cache"
    postgres = PrivatePostgres().init()
    app = editor = None
    try:
        env = django_env(postgres.url(), PUBLISH_CACHE_DIR=str(cache))
        manage(env, "migrate", "--noinput", "-v", "0")
        editor = Editor(env)
        editor.run(SEED)
        app = AppInstance(env).start()
        port = start_nginx(work, cache, app.port)
        try:
            yield port, editor, cache
        finally:
            stop_nginx(work)
    finally:
        if app:
            app.stop()
        if editor:
            editor.close()
        postgres.destroy()


def until_nginx_serves(port, target, headers=()) -> tuple[dict, bytes, list]:
    """Ask until nginx answers from the app's file; (its headers, body, the app's answers before)."""
    from_app = []
    for _ in range(50):
        status, answer, body = send(port, "GET", target, headers)
        assert status == 200, (target, status, body[:200])
        if answer.get("x-publish-cache") == "nginx":
            return answer, body, from_app
        from_app.append((answer, body))
        time.sleep(0.1)
    raise AssertionError(f"nginx never served {target} from a file")


def vary(headers: dict) -> set[str]:
    return {part.strip().lower() for part in headers.get("vary", "").split(",") if part.strip()}


CANONICAL = [
    "/api/v1/conditions/hartfalen/",
    "/api/v1/conditions/",
    "/api/v1/services/?limit=5&location=campus-noord",
    PAGE + "?locatie=campus-noord",
    "/diensten/?locatie=campus-noord&pagina=1",
    "/sitemap.xml",
]


@pytest.mark.slow
@pytest.mark.parametrize("target", CANONICAL)
def test_nginx_serves_the_canonical_variant_with_djangos_bytes_and_headers(fronted, target):
    port, _, _ = fronted
    served, body, from_app = until_nginx_serves(port, target)
    # Django's rendering as the app front kept it (the answer that wrote the file).
    django, django_body = next((a, b) for a, b in from_app if a.get("x-publish-cache") == "miss")
    assert body == django_body
    same = {name: served.get(name) for name in SAME_HEADERS}
    assert same == {name: django.get(name) for name in SAME_HEADERS}
    assert vary(served) == vary(django)
    assert all(served.get(name) for name in SECURITY_HEADERS)
    # Conditional GETs: nginx's own ETag (documented in docs/operations.md), and Last-Modified.
    status, _, nothing = send(port, "GET", target, [("If-None-Match", served["etag"])])
    assert (status, nothing) == (304, b"")
    status, answer, _ = send(port, "GET", target, [("If-Modified-Since", served["last-modified"])])
    assert status == 304 and answer.get("x-publish-cache") == "nginx"
    status, answer, compressed = send(port, "GET", target, [("Accept-Encoding", "gzip")])
    assert answer.get("content-encoding") == "gzip" and gzip.decompress(compressed) == body


NOT_CANONICAL = [
    "/api/v1/services/?location=campus-noord&limit=5",  # reordered
    "/api/v1/services/?limit=5&location=campus-noord&utm_source=x",  # unknown parameter
    "/api/v1/services/?limit=5&limit=5&location=campus-noord",  # repeated
    "/api/v1/services/?limit=05&location=campus-noord",  # not the canonical spelling
    "/api/v1/services/?limit=5&location=campus-noord&",  # a trailing separator
    "/api/v1/services/?limit=5&location=campus%2Dnoord",  # encoded
    "/api/v1/services/?limit=5&location=../../../../etc/passwd",  # traversal
    "/api/v1/services/?limit=5&location=..%2F..%2Fsecret",  # encoded traversal
    "/api/v1/conditions/hartfalen/?x=1",  # a detail takes no parameter
    PAGE + "?pagina=1&locatie=campus-noord",  # reordered
    PAGE + "?locatie=Campus-Noord",  # not a slug
    "/sitemap.xml?page=1",
]


@pytest.mark.slow
@pytest.mark.parametrize("target", NOT_CANONICAL)
def test_every_other_query_string_goes_to_the_app(fronted, target):
    port, _, _ = fronted
    for canonical in ("/api/v1/services/?limit=5&location=campus-noord", PAGE + "?locatie=campus-noord"):
        until_nginx_serves(port, canonical)
    for _ in range(2):
        _, answer, _ = send(port, "GET", target)
        assert answer.get("x-publish-cache") != "nginx", target


@pytest.mark.slow
@pytest.mark.parametrize(
    "headers",
    [
        [("Cookie", "sessionid=abc")],
        [("Cookie", "theme=dark; csrftoken=x")],
        [("Authorization", "Basic eDp5")],
    ],
    ids=["session", "csrf", "authorization"],
)
def test_private_requests_for_a_kept_variant_go_to_the_app(fronted, headers):
    port, _, _ = fronted
    for target in CANONICAL:
        until_nginx_serves(port, target)
        _, answer, _ = send(port, "GET", target, headers)
        assert answer.get("x-publish-cache") != "nginx", target
        assert "private" in answer.get("cache-control", ""), target


@pytest.mark.slow
def test_a_publish_stops_nginx_serving_the_old_variant(fronted):
    port, editor, cache = fronted
    targets = ["/api/v1/services/cardiologie/", "/api/v1/services/?limit=5&location=campus-noord"]
    for target in targets:
        until_nginx_serves(port, target)
    editor.run(
        "from carepages.services.models import ServicePage\n"
        "page = ServicePage.objects.get(slug='cardiologie')\n"
        "page.title = 'Cardiologie en hartchirurgie'\n"
        "page.save_revision().publish()"
    )
    started = time.monotonic()
    while stale := [t for t in targets if b"Cardiologie en hartchirurgie" not in send(port, "GET", t)[2]]:
        elapsed = time.monotonic() - started
        assert elapsed < STALE_LIMIT_SECONDS, f"still stale after {elapsed:.1f} s: {stale}"
        time.sleep(0.05)
    for target in targets:  # written again in the new generation, and nginx serves the new bytes
        _, body, _ = until_nginx_serves(port, target)
        assert b"Cardiologie en hartchirurgie" in body
    assert len(list(cache.glob("g-*"))) <= 2
