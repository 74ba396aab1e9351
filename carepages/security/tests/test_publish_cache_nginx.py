"""The real nginx with deploy/carepages.nginx.conf decides as the rule (rule.py) does.

nginx (/usr/sbin/nginx, as bench/bench_serve.py runs it) serves a publish-cache folder
holding one page; a small stand-in app server answers everything else. Every request of
the table goes to both: nginx must answer it from the cache exactly when the rule says
the request may use the cache. Plus the brute-force brake on the login forms.
"""

from __future__ import annotations

import http.client
import os
import shutil
import subprocess
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from carepages.publish_cache import rule
from carepages.testing.servers import REPO, fill_nginx_template, free_port, wait_for_port

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


@pytest.fixture(scope="module")
def nginx():
    work = Path(tempfile.mkdtemp(prefix="carepages-nginx-test-"))
    os.chmod(work, 0o755)  # nginx workers read the cache folder
    (work / "tmp").mkdir()
    page = work / "cache" / "g-test" / PAGE.strip("/") / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text("<p>uit de cache</p>")
    # A file where an API path would map: nginx must never answer the API from files.
    planted = work / "cache" / "g-test" / API_DETAIL.strip("/") / "index.html"
    planted.parent.mkdir(parents=True)
    planted.write_text("<p>uit de cache</p>")
    (work / "cache" / "current").symlink_to("g-test")
    (work / "static").mkdir()
    app = ThreadingHTTPServer(("127.0.0.1", free_port()), StandInApp)
    threading.Thread(target=app.serve_forever, daemon=True).start()
    port = free_port()
    front = fill_nginx_template(
        (REPO / "deploy" / "carepages.nginx.conf").read_text(),
        {
            "LISTEN": f"127.0.0.1:{port}",
            "SERVER_NAME": "localhost",
            "PUBLISH_CACHE_DIR": str(work / "cache"),
            "STATIC_ROOT": str(work / "static"),
            "APP_SERVERS": f"server 127.0.0.1:{app.server_address[1]};",
        },
    )
    user = "user root;" if os.geteuid() == 0 else ""  # root: workers may read the temporary folder
    (work / "nginx.conf").write_text(MAIN.format(user=user, work=work, front=front))
    subprocess.run([NGINX, "-c", str(work / "nginx.conf"), "-p", str(work)], check=True)
    try:
        wait_for_port(port)
        yield port
    finally:
        subprocess.run([NGINX, "-c", str(work / "nginx.conf"), "-p", str(work), "-s", "quit"], check=False)
        app.shutdown()
        shutil.rmtree(work, ignore_errors=True)


def send(port, method, target, headers=()) -> tuple[int, dict, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.putrequest(method, target)
    for name, value in headers:  # a list: the same header may come twice
        connection.putheader(name, value)
    connection.endheaders()
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, body


def environ_for(method, target, headers) -> dict:
    """What Django (and so the rule) sees of the request: repeated Cookie headers joined by '; '."""
    path, _, query = target.partition("?")
    environ = {"REQUEST_METHOD": method, "PATH_INFO": path, "QUERY_STRING": query}
    for name, value in headers:
        key = "HTTP_" + name.upper().replace("-", "_")
        environ[key] = f"{environ[key]}; {value}" if key in environ else value
    return environ


# What the app front answers from memory (rule.memory_key): nginx passes it on.
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
    """The API's reads, filtered listings and the sitemap: the app front's (rule.memory_key), never files."""
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
