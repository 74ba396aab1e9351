"""The repository stands on its own: it cites only its own files (docs/), never a document outside it."""

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

# Built from parts so that this file does not match itself.
OUTSIDE_DOCUMENTS = re.compile("CONTRA" + "CTS|" + re.escape(".." + "/shared"))


def tracked_files() -> list[Path]:
    """The files git tracks (a clean clone's files), or every file when there is no git checkout."""
    try:
        listing = subprocess.run(
            ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True, text=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        skip = {".git", ".venv", "var", "node_modules", "__pycache__"}
        return [p for p in ROOT.rglob("*") if p.is_file() and not skip & set(p.relative_to(ROOT).parts)]
    return [ROOT / name for name in listing.split("\0") if name]


def test_no_file_cites_a_document_outside_the_repository():
    citing = []
    for path in tracked_files():
        if not path.is_file():  # deleted but not yet committed
            continue
        text = path.read_bytes().decode("utf-8", errors="ignore")
        for number, line in enumerate(text.splitlines(), start=1):
            if OUTSIDE_DOCUMENTS.search(line):
                citing.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()[:100]}")
    assert citing == [], "cite docs/ instead:\n" + "\n".join(citing)


def test_the_public_interfaces_are_written_down_in_docs():
    docs = ROOT / "docs"
    for name in ("configuration.md", "content-format.md", "api.md", "urls.md"):
        assert (docs / name).is_file(), name
    readme = (ROOT / "README.md").read_text()
    for name in ("configuration.md", "content-format.md", "api.md", "urls.md"):
        assert f"docs/{name}" in readme, f"README.md does not point to docs/{name}"


def test_the_locks_hold_no_machine_paths_and_pin_every_package_with_hashes():
    for name in ("base.txt", "dev.txt"):
        text = (ROOT / "requirements" / name).read_text()
        assert "--find-links" not in text and "file://" not in text and "--index-url" not in text, name
        pins = [line for line in text.splitlines() if "==" in line and not line.startswith(" ")]
        assert pins, name
        hashed = text.count("==") == len(pins) and all(" \\" in pin for pin in pins)
        assert hashed, f"{name}: every pin carries --hash lines (make lock)"
