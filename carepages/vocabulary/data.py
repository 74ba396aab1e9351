"""The reviewed vocabulary file (data/lekentaal.tsv) and loading it into the LayTerm table."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from carepages.language import analysis

DATA_FILE = Path(__file__).resolve().parent / "data" / "lekentaal.tsv"
COLUMNS = ("term", "means", "kind", "on_pages", "source")
ON_PAGES = {"ja": True, "": False}
KINDS = ("be", "nl", "volks", "en", "fr", "spelling")
MAX_LENGTHS = {"term": 100, "means": 200, "source": 300}


class VocabularyFileError(ValueError):
    """The file has errors; the message names each one by line, term and field."""


@dataclass(frozen=True)
class Row:
    term: str
    means: str
    kind: str
    on_pages: str  # "ja" or empty
    source: str


def read_rows(path: Path = DATA_FILE) -> list[Row]:
    """The rows of a vocabulary file, all checked; VocabularyFileError naming every bad one."""
    rows, errors, seen = [], [], {}
    lines = path.read_text(encoding="utf-8").splitlines()
    header_seen = False
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if not header_seen:
            header_seen = True
            if tuple(cells) != COLUMNS:
                errors.append(f"line {number}: the header must be {' | '.join(COLUMNS)}")
            continue
        cells += [""] * (len(COLUMNS) - len(cells))
        if len(cells) > len(COLUMNS):
            errors.append(f"line {number}: {len(cells)} columns, expected {len(COLUMNS)}")
            continue
        row = Row(*cells)
        errors.extend(f"line {number} ({row.term or '?'}): {problem}" for problem in check(row))
        key = row.term.casefold()
        if key in seen:
            errors.append(f"line {number} ({row.term}): term: also on line {seen[key]}")
        seen[key] = number
        rows.append(row)
    if errors:
        raise VocabularyFileError(f"{path.name}: " + "; ".join(errors))
    return rows


def check(row: Row) -> list[str]:
    """What is wrong with one row, each naming the field."""
    problems = []
    if not analysis.words(row.term):
        problems.append("term: empty or without letters")
    if not any(analysis.words(part) for part in row.means.split(",")):
        problems.append("means: name at least one word the pages use")
    if row.on_pages not in ON_PAGES:
        problems.append(f"on_pages: {row.on_pages!r} is not ‘ja’ or empty")
    if row.kind not in KINDS:
        problems.append(f"kind: {row.kind!r} is not one of {', '.join(KINDS)}")
    for name, limit in MAX_LENGTHS.items():
        if len(getattr(row, name)) > limit:
            problems.append(f"{name}: longer than {limit} characters")
    return problems


def load(model, rows: list[Row], update: bool = False) -> tuple[int, int]:
    """Add the rows' terms to the LayTerm table (`model`: the real or a migration's model).

    A term already in the table keeps what the editors made of it, unless `update`.
    Returns (added, updated).
    """
    existing = {term.casefold(): pk for pk, term in model.objects.values_list("pk", "term")}
    new, changed = [], 0
    for row in rows:
        fields = {
            "means": row.means,
            "kind": row.kind,
            "on_pages": ON_PAGES[row.on_pages],
            "source": row.source,
        }
        pk = existing.get(row.term.casefold())
        if pk is None:
            new.append(model(term=row.term, **fields))
        elif update:
            changed += model.objects.filter(pk=pk).update(**fields)
    model.objects.bulk_create(new, batch_size=500)
    return len(new), changed
