"""The last known hospital identity, for pages that must render without the database.

The 500 and 503 pages are shown exactly when the database may be broken or down, so
they cannot read the "Ziekenhuis" setting. Each time the setting is read or saved its
name, phone numbers and colour are remembered here: in this process's memory, and in
a small JSON file (settings.HOSPITAL_IDENTITY_FILE, under var/) so that a server that
starts during an outage, or another worker, knows them too. Without either, a neutral
identity (no name, the emergency number 112) stands in. Nothing here ever raises.
"""

import json
import logging
import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from django.conf import settings

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Identity:
    name: str = ""
    phone: str = ""
    emergency_phone: str = "112"
    accent_color: str = ""

    @property
    def accent_slug(self) -> str:
        return self.accent_color.lstrip("#").lower()


NEUTRAL = Identity()

_remembered: Identity | None = None


def remember(hospital) -> None:
    """Keep the identity of a HospitalSettings row; writes the file only when it changed."""
    global _remembered
    identity = Identity(
        name=hospital.name,
        phone=hospital.phone,
        emergency_phone=hospital.emergency_phone,
        accent_color=hospital.accent_color,
    )
    if identity == _remembered:
        return
    if _remembered is None and identity == _read_file():
        _remembered = identity
        return
    _remembered = identity
    _write_file(identity)


def last_known() -> Identity:
    """The identity last read or saved in this process, else the file's, else the neutral one."""
    return _remembered or _read_file() or NEUTRAL


def forget() -> None:
    """Drop the in-memory copy (tests; the file stays)."""
    global _remembered
    _remembered = None


def _path() -> Path | None:
    location = getattr(settings, "HOSPITAL_IDENTITY_FILE", "")
    return Path(location) if location else None


def _read_file() -> Identity | None:
    path = _path()
    if path is None:
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Identity(**{key: str(data[key]) for key in asdict(NEUTRAL)})
    except FileNotFoundError:
        return None
    except (OSError, ValueError, TypeError, KeyError) as error:
        logger.warning("%s: unreadable hospital identity (%s)", path, error)
        return None


def _write_file(identity: Identity) -> None:
    """Write beside the file and rename: a reader never sees half a file."""
    path = _path()
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False) as file:
            json.dump(asdict(identity), file, ensure_ascii=False)
        os.replace(file.name, path)
    except OSError as error:
        logger.warning("%s: could not keep the hospital identity (%s)", path, error)
