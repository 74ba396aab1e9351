"""Helpers for tests that feed files to `import_content` the way an operator does."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.core.management import CommandError, call_command


@dataclass
class CommandRun:
    ok: bool
    out: str
    err: str  # the problems, one a line, then the CommandError's own line


def document(**kinds: list[dict]) -> dict[str, Any]:
    """A version 1 document with the given lists (locations=[…], conditions=[…])."""
    return {"format": "carepages-content", "version": 1, **kinds}


def import_file(tmp_path: Path, content: bytes | str | dict, *options: str) -> CommandRun:
    """Write `content` to a file (dicts as JSON, str as UTF-8, bytes as they are) and import it.

    A traceback is not a CommandRun: any exception other than CommandError fails the test.
    """
    if isinstance(content, dict):
        content = json.dumps(content)
    if isinstance(content, str):
        content = content.encode("utf-8", "surrogatepass")
    path = tmp_path / "import.json"
    path.write_bytes(content)
    return run_import(str(path), *options)


def run_import(path: str, *options: str) -> CommandRun:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_content", path, *options, stdout=out, stderr=err)
    except CommandError as error:
        return CommandRun(False, out.getvalue(), f"{err.getvalue()}CommandError: {error}\n")
    return CommandRun(True, out.getvalue(), err.getvalue())
