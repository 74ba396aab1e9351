"""Serving speed, freshness, outage and page weight of `make serve`, measured in one run.

Starts a private PostgreSQL with the demo content, `make serve` (production settings,
granian, the publish-cache front) and nginx twice: once serving the seed page's bytes as
a static file (the reference), once with deploy/carepages.nginx.conf in front of the app.
Prints requests/s and the ratios to nginx measured back to back (pages, and the answers
kept as files beside them: an API detail, a filtered condition page, the sitemap, through
the app front and through nginx), then 60 s at 64
connections (errors, memory), freshness after a publish, a database outage, page weight.

Run: make bench (or .venv/bin/python bench/bench_serve.py). Needs wrk, nginx, PostgreSQL.
Ports 8300-8399. Set BENCH_SECONDS to shorten the speed runs (default 10).
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import signal
import string
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from carepages.testing.servers import (  # noqa: E402
    Editor,
    PrivatePostgres,
    django_env,
    fill_nginx_template,
    manage,
    wait_for_port,
)

SERVE_PORT, STATIC_PORT, FRONT_PORT, PG_PORT = 8301, 8310, 8311, 8399
PAGE = "/aandoeningen/rugpijn/"
API_DETAIL = "/api/v1/conditions/rugpijn/"
SITEMAP = "/sitemap.xml"
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
LOAD_SECONDS = int(os.environ.get("BENCH_LOAD_SECONDS", "60"))
# From the issue (same machine, 1 KB page), for comparison only: not measured by this script.
STOCK = {
    "nginx static": "45,700-46,700",
    "Wagtail + Django cache on granian": "5,100-5,400",
    "uncached": "160-210",
}

NGINX_MAIN = """
worker_processes 2;
pid ${WORK}/nginx.pid;
error_log ${WORK}/nginx-error.log;
events { worker_connections 4096; }
http {
    include /etc/nginx/mime.types;
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    client_body_temp_path ${WORK}/tmp; proxy_temp_path ${WORK}/tmp; fastcgi_temp_path ${WORK}/tmp;
    uwsgi_temp_path ${WORK}/tmp; scgi_temp_path ${WORK}/tmp;
    server { listen 127.0.0.1:${STATIC_PORT}; root ${WORK}/static-site; }
    ${FRONT}
}
"""

LOAD_SCRIPT = """
paths = {"/aandoeningen/rugpijn/", "/aandoeningen/", "/diensten/", "/locaties/", "/",
         "/aandoeningen/rugpijn/", "/aandoeningen/rugpijn/", "/aandoeningen/rugpijn/",
         "/zoeken/?q=rug", "/aandoeningen/rugpijn/?locatie=bestaat-niet",
         "/api/v1/conditions/rugpijn/", "/api/v1/conditions/?limit=5", "/sitemap.xml"}
counter = 0
request = function()
    counter = counter + 1
    -- Every 7th request a query string never seen before: the cache must stay bounded.
    if counter % 7 == 0 then
        return wrk.format("GET", "/aandoeningen/rugpijn/?pagina=" .. counter)
    end
    return wrk.format("GET", paths[(counter % #paths) + 1])
end
"""


def get(port: int, path: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


def wrk(url: str, seconds: int, connections: int = 16, script: str | None = None) -> dict:
    # A 10 s timeout: slow uncached answers count as slow, not as errors (wrk's default is 2 s).
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "--latency"]
    if script:
        command += ["-s", script]
    output = subprocess.run(command + [url], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    total = int(re.search(r"(\d+) requests in", output).group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    errors = (int(non_2xx.group(1)) if non_2xx else 0) + (sum(map(int, socket.groups())) if socket else 0)
    p99 = re.search(r"99%\s+([\d.]+\w+)", output).group(1)
    return {"rps": rps, "total": total, "errors": errors, "p99": p99}


def rss_mib(root_pid: int) -> float:
    """Resident memory of a process tree (make → granian main → workers), MiB."""
    pids = {root_pid}
    output = subprocess.run(["ps", "-e", "-o", "pid=,ppid=,rss="], capture_output=True, text=True).stdout
    rows = [tuple(map(int, line.split())) for line in output.splitlines() if line.strip()]
    changed = True
    while changed:
        changed = False
        for pid, ppid, _ in rows:
            if ppid in pids and pid not in pids:
                pids.add(pid)
                changed = True
    return sum(rss for pid, _, rss in rows if pid in pids) / 1024


def wait_until(check, timeout: float) -> float:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if check():
            return time.monotonic() - started
        time.sleep(0.02)
    raise RuntimeError(f"not true after {timeout} s")


def main() -> int:
    for tool in ("wrk", "nginx", "make"):
        if not shutil.which(tool):
            sys.exit(f"bench_serve needs {tool} (apt-get install wrk nginx-light make)")
    work = Path(tempfile.mkdtemp(prefix="carepages-bench-"))
    os.chmod(work, 0o755)  # nginx workers (nobody) read the files below
    (work / "tmp").mkdir()
    postgres = PrivatePostgres(port=PG_PORT).init()
    serve = nginx_started = editor = None
    try:
        cache = work / "publish-cache"
        env = django_env(
            postgres.url(),
            settings="carepages.settings.production",
            SECRET_KEY=secrets.token_urlsafe(50),
            SECURE_SSL_REDIRECT="false",  # plain HTTP on loopback; behind TLS it stays on
            ALLOWED_HOSTS="127.0.0.1,localhost",
            PUBLISH_CACHE_DIR=str(cache),
            PORT=str(SERVE_PORT),
        )
        print("setting up: private PostgreSQL, migrate, demo content, make serve (collectstatic) …")
        manage(env, "migrate", "--noinput", "-v", "0")
        manage(env, "load_demo_content")
        serve = subprocess.Popen(
            ["make", "--no-print-directory", "serve"],
            cwd=REPO,
            env=env,
            stdout=open(work / "serve.log", "wb"),  # noqa: SIM115  (kept open for the server's life)
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        wait_for_port(SERVE_PORT, timeout=300, process=serve)
        wait_until(lambda: get(SERVE_PORT, PAGE)[1].get("x-publish-cache") == "hit", 30)
        status, headers, page = get(SERVE_PORT, PAGE)
        assert status == 200 and headers.get("x-publish-cache") == "hit", (status, headers)

        # The reference: nginx serving the very same bytes as a static file.
        (work / "static-site" / PAGE.strip("/")).mkdir(parents=True)
        (work / "static-site" / PAGE.strip("/") / "index.html").write_bytes(page)
        front = fill_nginx_template(
            (REPO / "deploy" / "carepages.nginx.conf").read_text(),
            {
                "LISTEN": f"127.0.0.1:{FRONT_PORT}",
                "SERVER_NAME": "localhost",
                "PUBLISH_CACHE_DIR": str(cache),
                "STATIC_ROOT": str(REPO / "var" / "static"),
                "APP_SERVERS": f"server 127.0.0.1:{SERVE_PORT};",
            },
        )
        main_conf = string.Template(NGINX_MAIN).substitute(
            WORK=work, STATIC_PORT=STATIC_PORT, FRONT="\n".join("    " + line for line in front.splitlines())
        )
        (work / "nginx.conf").write_text(main_conf)
        subprocess.run(["nginx", "-c", str(work / "nginx.conf"), "-p", str(work)], check=True)
        nginx_started = True
        wait_for_port(FRONT_PORT)
        status, headers, via_front = get(FRONT_PORT, PAGE)
        assert headers.get("x-publish-cache") == "nginx", f"the front did not serve from the cache: {headers}"
        assert via_front == page and get(STATIC_PORT, PAGE)[2] == page

        # The answers beside the pages (issue 9): files per scheme and host, written on the first
        # request; nginx then serves them itself, make serve's workers read them from disk.
        campus = re.search(rb'<option value="([a-z0-9-]+)"', page).group(1).decode()
        filtered = f"{PAGE}?locatie={campus}"
        for path in (API_DETAIL, filtered, SITEMAP):
            for port, state in ((SERVE_PORT, "hit"), (FRONT_PORT, "nginx")):
                kept = lambda port=port, path=path, state=state: (  # noqa: E731
                    get(port, path)[1].get("x-publish-cache") == state
                )
                wait_until(kept, 30)

        print(f"\nspeed: wrk -t2 -c16 -d{SECONDS}s, {PAGE} ({len(page):,} bytes, uncompressed), back to back")
        static_1 = wrk(f"http://127.0.0.1:{STATIC_PORT}{PAGE}", SECONDS)
        served = wrk(f"http://127.0.0.1:{SERVE_PORT}{PAGE}", SECONDS)
        fronted = wrk(f"http://127.0.0.1:{FRONT_PORT}{PAGE}", SECONDS)
        static_2 = wrk(f"http://127.0.0.1:{STATIC_PORT}{PAGE}", SECONDS)
        uncached = wrk(f"http://127.0.0.1:{SERVE_PORT}{PAGE}?uncached=1", SECONDS)
        # Files beside the pages: nginx serves them itself (deploy/carepages.nginx.conf).
        api_served = wrk(f"http://127.0.0.1:{SERVE_PORT}{API_DETAIL}", SECONDS)
        api_fronted = wrk(f"http://127.0.0.1:{FRONT_PORT}{API_DETAIL}", SECONDS)
        filtered_served = wrk(f"http://127.0.0.1:{SERVE_PORT}{filtered}", SECONDS)
        filtered_fronted = wrk(f"http://127.0.0.1:{FRONT_PORT}{filtered}", SECONDS)
        sitemap_served = wrk(f"http://127.0.0.1:{SERVE_PORT}{SITEMAP}", SECONDS)
        sitemap_fronted = wrk(f"http://127.0.0.1:{FRONT_PORT}{SITEMAP}", SECONDS)
        static_3 = wrk(f"http://127.0.0.1:{STATIC_PORT}{PAGE}", SECONDS)
        # The same API detail with a parameter it does not know: Django answers, as before issue 9.
        api_uncached = wrk(f"http://127.0.0.1:{SERVE_PORT}{API_DETAIL}?uncached=1", SECONDS)
        reference = (static_1["rps"] + static_2["rps"] + static_3["rps"]) / 3
        rows = [
            ("nginx, static file (reference)", static_1, None),
            ("make serve (granian + publish-cache front)", served, 0.5),
            ("nginx front (deploy/) + make serve", fronted, 0.9),
            ("nginx, static file again", static_2, None),
            ("make serve, uncached Django render", uncached, None),
            (f"make serve, API detail {API_DETAIL}", api_served, 0.5),
            ("nginx front + make serve, API detail", api_fronted, 0.5),
            (f"make serve, filtered page ?locatie={campus}", filtered_served, 0.5),
            ("nginx front + make serve, filtered page", filtered_fronted, 0.5),
            (f"make serve, {SITEMAP}", sitemap_served, None),
            (f"nginx front + make serve, {SITEMAP}", sitemap_fronted, None),
            ("nginx, static file a third time", static_3, None),
            ("make serve, API detail uncached (Django)", api_uncached, None),
        ]
        for label, result, goal in rows:
            ratio = result["rps"] / reference
            target = f"  (goal >= {goal}x: {'met' if ratio >= goal else 'NOT MET'})" if goal else ""
            print(
                f"  {label:<56} {result['rps']:>10,.0f} req/s  {ratio:5.2f}x  "
                f"p99 {result['p99']:>8}  errors {result['errors']}{target}"
            )
        print(
            "  for comparison, from the issue (not measured here): "
            + "; ".join(f"{k} {v}" for k, v in STOCK.items())
        )

        print(
            f"\nload: {LOAD_SECONDS} s at 64 connections on make serve (cached pages, API, filters, search, "
            "a flood of new ?pagina= values mixed)"
        )
        script = work / "load.lua"
        script.write_text(LOAD_SCRIPT)
        before = rss_mib(serve.pid)
        loaded = subprocess.Popen(
            [
                "wrk",
                "-t2",
                "-c64",
                f"-d{LOAD_SECONDS}s",
                "--timeout",
                "10s",
                "-s",
                str(script),
                f"http://127.0.0.1:{SERVE_PORT}/",
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        samples = []
        while loaded.poll() is None:
            time.sleep(5)
            samples.append(rss_mib(serve.pid))
        output = loaded.stdout.read()
        non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
        socket = re.search(r"Socket errors: (.*)", output)
        total = re.search(r"(\d+) requests in", output).group(1)
        rps = re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)
        print(f"  {int(total):,} requests, {float(rps):,.0f} req/s")
        socket_errors = socket.group(1) if socket else "none"
        print(f"  errors: non-2xx {non_2xx.group(1) if non_2xx else 0}, socket {socket_errors}")
        print(
            f"  memory (app processes, MiB): before {before:.0f}, during "
            + ", ".join(f"{value:.0f}" for value in samples)
            + f"; last third vs first third {sum(samples[-3:]) / 3 - sum(samples[:3]) / 3:+.0f} MiB"
        )

        print("\nfreshness: a service renamed, seen on the condition page")
        editor = Editor(env)
        status, _, body = get(SERVE_PORT, PAGE)
        service = (
            re.search(rb'class="card__title"><a href="/diensten/([a-z0-9-]+)/">', body).group(1).decode()
        )
        get(FRONT_PORT, PAGE)
        service_api = f"/api/v1/services/{service}/"
        wait_until(lambda: get(FRONT_PORT, service_api)[1].get("x-publish-cache") == "nginx", 30)
        editor.run(
            "from carepages.services.models import ServicePage\n"
            f"page = ServicePage.objects.get(slug='{service}')\n"
            "page.title = 'Hernoemde dienst'\n"
            "page.save_revision().publish()"
        )
        for label, port in (("make serve", SERVE_PORT), ("nginx front", FRONT_PORT)):
            seconds = wait_until(lambda port=port: b"Hernoemde dienst" in get(port, PAGE)[2], 10)
            print(f"  {label:<12} shows the new name {seconds * 1000:.0f} ms after the publish committed")
        seconds = wait_until(lambda: b"Hernoemde dienst" in get(FRONT_PORT, service_api)[2], 10)
        print(f"  nginx front  {service_api} (nginx's file before): new name after {seconds * 1000:.0f} ms")

        print("\ndatabase outage: PostgreSQL stopped")
        get(SERVE_PORT, PAGE)
        postgres.stop()
        try:
            for label, port in (("make serve", SERVE_PORT), ("nginx front", FRONT_PORT)):
                for path in (PAGE, "/zoeken/?q=rug", "/admin/login/"):
                    status, headers, body = get(port, path)
                    clear = b"Tijdelijk niet beschikbaar" in body and b"Traceback" not in body
                    note = "published page" if status == 200 else ("clear 503 page" if clear else "UNCLEAR")
                    print(f"  {label:<12} {path:<26} {status}  {note}")
        finally:
            postgres.start()
        seconds = wait_until(lambda: get(SERVE_PORT, "/zoeken/?q=rug")[0] == 200, 30)
        print(f"  PostgreSQL started again: search answers 200 after {seconds * 1000:.0f} ms")

        print("\npage weight over the wire (brotli where offered):")
        _, headers, body = get(FRONT_PORT, PAGE, {"Accept-Encoding": "br, gzip"})
        html = get(FRONT_PORT, PAGE)[2].decode()
        total = len(body)
        print(f"  {PAGE:<60} {len(body):>7,} bytes ({headers.get('content-encoding', 'identity')})")
        assets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html) + re.findall(
            r'<script src="([^"]+)"', html
        )
        for asset in assets:
            _, asset_headers, asset_body = get(SERVE_PORT, asset, {"Accept-Encoding": "br, gzip"})
            total += len(asset_body)
            encoding = asset_headers.get("content-encoding", "identity")
            caching = asset_headers.get("cache-control", "no cache-control")
            print(f"  {asset:<60} {len(asset_body):>7,} bytes ({encoding}, {caching})")
        print(f"  total {total / 1024:.1f} KB (goal <= 30 KB: {'met' if total <= 30 * 1024 else 'NOT MET'})")
        return 0
    finally:
        if editor:
            editor.close()
        if nginx_started:
            subprocess.run(
                ["nginx", "-c", str(work / "nginx.conf"), "-p", str(work), "-s", "quit"], check=False
            )
        if serve and serve.poll() is None:
            os.killpg(serve.pid, signal.SIGTERM)
            serve.wait(timeout=20)
        postgres.destroy()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
