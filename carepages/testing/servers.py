"""Real servers for the integration tests and the benchmark: a private PostgreSQL, app instances,
the publish-cache front in the test's own process, nginx's config filled in.

The two-instance tests stop and start the database, so they run their own throwaway
PostgreSQL cluster (initdb in a temporary folder) rather than the shared one.
"""

from __future__ import annotations

import contextlib
import glob
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
GRANIAN = str(Path(sys.executable).with_name("granian"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, timeout: float = 30.0, process: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"the server on port {port} exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing listens on port {port} after {timeout} s")


class PrivatePostgres:
    """A throwaway PostgreSQL cluster on a free port; run as the postgres user when we are root."""

    def __init__(self, port: int | None = None):
        candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]))
        found = shutil.which("pg_ctl")
        self.bin = Path(candidates[-1]) if candidates else Path(found).parent if found else None
        if self.bin is None:
            raise RuntimeError(
                "PostgreSQL server binaries (pg_ctl, initdb) are needed: apt-get install postgresql"
            )
        self.port = port or free_port()
        self.data = Path(tempfile.mkdtemp(prefix="carepages-pg-"))
        self.as_root = os.geteuid() == 0
        if self.as_root:
            shutil.chown(self.data, "postgres")

    def _run(self, *args: str) -> None:
        command = [str(self.bin / args[0]), *args[1:]]
        if self.as_root:
            command = ["su", "postgres", "-s", "/bin/sh", "-c", " ".join(f"'{part}'" for part in command)]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=60)

    def url(self, database: str = "carepages") -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def init(self, database: str = "carepages") -> PrivatePostgres:
        self._run(
            "initdb",
            "-D",
            str(self.data / "db"),
            "-A",
            "trust",
            "-U",
            "postgres",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        )
        self.start()
        self._run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", database)
        return self

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.data} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self._run(
            "pg_ctl", "-D", str(self.data / "db"), "-l", str(self.data / "log"), "-w", "-o", options, "start"
        )

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data / "db"), "-m", "fast", "-w", "stop")

    def destroy(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError, subprocess.TimeoutExpired):
            self._run("pg_ctl", "-D", str(self.data / "db"), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.data, ignore_errors=True)


def manage(env: dict, *args: str, stdin: str | None = None) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=REPO,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=180,
    )
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


EDITOR_LOOP = """
import json, sys, traceback
import django
django.setup()
for line in sys.stdin:
    try:
        exec(json.loads(line), {})
        print("ok", flush=True)
    except Exception:
        print(json.dumps(traceback.format_exc()), flush=True)
"""


class Editor:
    """A separate process that changes content as an editor's publish in the admin would."""

    def __init__(self, env: dict):
        self.process = subprocess.Popen(
            [PYTHON, "-c", EDITOR_LOOP],
            cwd=REPO,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def run(self, code: str) -> None:
        """Run `code` (Django set up); returns once it is committed."""
        self.process.stdin.write(json.dumps(code) + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline()
        if answer.strip() != "ok":
            raise RuntimeError(f"the editor process failed:\n{json.loads(answer) if answer else 'no answer'}")

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=10)


def django_env(database_url: str, settings: str = "carepages.settings.test", **extra: str) -> dict:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PYTEST", "DJANGO_"))}
    env.update(DATABASE_URL=database_url, DJANGO_SETTINGS_MODULE=settings, PYTHONUNBUFFERED="1", **extra)
    return env


@dataclass
class AppInstance:
    """One app server as `make serve` runs it: granian with the publish-cache front."""

    env: dict
    port: int = field(default_factory=free_port)
    workers: int = 1
    process: subprocess.Popen | None = None

    def start(self, wait: bool = True) -> AppInstance:
        descriptor, log_path = tempfile.mkstemp(prefix=f"carepages-app-{self.port}-", suffix=".log")
        self.log_path = Path(log_path)
        with os.fdopen(descriptor, "wb") as log:  # the server keeps its own copy of the descriptor
            self.process = subprocess.Popen(
                [GRANIAN, "--interface", "wsgi", "--host", "127.0.0.1", "--port", str(self.port)]
                + ["--workers", str(self.workers), "carepages.serve:application"],
                cwd=REPO,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        if wait:
            self.wait()
        return self

    def wait(self) -> None:
        wait_for_port(self.port, process=self.process)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log_path.unlink(missing_ok=True)

    def get(self, path: str, headers: dict | None = None) -> tuple[int, Message, str]:
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode()


def call_front(app, path: str, method: str = "GET", query: str = "", **headers: str):
    """One request straight into a WSGI app (the front or Django): (status, headers, body).

    Headers are given as keyword arguments (accept_encoding="br"); the body is what a
    client would receive, so a HEAD answer's body must be empty.
    """
    from carepages.core.environ import wsgi_environ

    environ = wsgi_environ(path, method=method, query=query, headers=headers)
    answer = {}

    def start_response(status, response_headers, exc_info=None):
        answer["status"] = int(status.split()[0])
        answer["headers"] = {name.lower(): value for name, value in response_headers}

    with _connection_kept():
        chunks = app(environ, start_response)
        body = b"".join(chunks)
        if hasattr(chunks, "close"):
            chunks.close()
    return answer["status"], answer["headers"], body


@contextlib.contextmanager
def _connection_kept():
    """Keep the test's transaction open across a request, as Django's test client does.

    The end of a request closes a connection that is inside a transaction (on PostgreSQL),
    and Django's test client connects that handler again after each of its own requests.
    """
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    # Nested uses (a request inside a fixture's span) leave the signals to the outermost.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    _kept.append(True)
    try:
        yield
    finally:
        _kept.pop()
        if not _kept:
            request_started.connect(close_old_connections)
            request_finished.connect(close_old_connections)


_kept: list[bool] = []


@contextlib.contextmanager
def front_in_this_process(root: Path):
    """The front over Django in the test's own transaction, with its store in `root`.

    Like Django's test client, the test's transaction must survive the end of each
    request, so the connection is not closed between requests.
    """
    from django.core.handlers.wsgi import WSGIHandler

    from carepages.publish_cache.front import PublishCacheFront
    from carepages.publish_cache.generation import unregister_local_store
    from carepages.publish_cache.store import PublishStore

    store = PublishStore(root)
    try:
        with _connection_kept():  # for the warm-up command, which calls the front itself
            yield PublishCacheFront(WSGIHandler(), store=store, follow_database=False)
    finally:
        unregister_local_store(store)


def fill_nginx_template(text: str, values: dict[str, str]) -> str:
    """deploy/carepages.nginx.conf with its ${…} placeholders filled in (as an operator would)."""
    for name, value in values.items():
        text = text.replace("${" + name + "}", value)
    return text
