"""`make run` on a busy port says how to pick another one, before it migrates or serves anything."""

import socket
import subprocess

from django.conf import settings


def make(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["make", "--no-print-directory", *arguments],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )


def test_a_busy_port_names_the_port_and_how_to_choose_another():
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = listener.getsockname()[1]
        result = make("port-free", f"PORT={port}")
    assert result.returncode != 0
    assert f"port {port} is in use: PORT={port + 1} make run" in result.stderr


def test_a_free_port_passes_quietly():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # free again once closed
    result = make("port-free", f"PORT={port}")
    assert (result.returncode, result.stderr) == (0, "")


def test_make_run_checks_the_port_first():
    dry_run = make("-n", "run").stdout
    assert dry_run.index("is in use") < dry_run.index("manage.py migrate")
