"""Import speed: pages per second and SQL queries per page, against stock Wagtail in the same run.

    .venv/bin/python bench/bench_import.py [--conditions 10000] [--postgres URL]

Each database runs in a fresh child process on a database of its own (a temporary
SQLite file; a throw-away PostgreSQL database when the server answers). The reference
is what the first version of the importer did: add_child() then
save_revision().publish() for every page, measured on the same database in the
same run, so the ratio holds whatever the machine.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:55432/postgres"
REFERENCE_PAGES = 100


def make_document(conditions: int) -> dict:
    """A hospital-sized file: a few campuses and services, some info pages, many conditions."""
    locations = [
        {"slug": f"campus-{i}", "name": f"Campus {i}", "address": f"Straat {i}, 2000 Antwerpen"}
        for i in range(10)
    ]
    services = [
        {
            "slug": f"dienst-{i}",
            "name": f"Dienst {i}",
            "intro": "Wat de dienst doet.",
            "locations": [f"campus-{j}" for j in range(i % 10, 10, 3)],
        }
        for i in range(40)
    ]
    kinds = ("treatment", "examination", "info")
    pages = [
        {
            "slug": f"pagina-{i}",
            "title": f"Pagina {i}",
            "kind": kinds[i % 3],
            "intro": "Korte uitleg.",
            "sections": [
                {"heading": "Wat is het?", "body": "<p>Uitleg in <strong>gewone</strong> taal.</p>"}
            ],
            "last_updated": "2024-07-02",
        }
        for i in range(100)
    ]
    body = "<p>Rugpijn is een pijnlijk gevoel in de rug.</p><ul><li>Beweeg</li><li>Rust</li></ul>"
    items = [
        {
            "slug": f"aandoening-{i}",
            "title": f"Aandoening {i}",
            "intro": "Een definitie in één of twee zinnen.",
            "also_known_as": [f"andere naam {i}"],
            "sections": [
                {"heading": "Wat is de oorzaak?", "body": body},
                {"heading": "Wat kan je doen?", "body": "<p>Blijf <em>bewegen</em>.</p>"},
            ],
            "services": [f"dienst-{i % 40}", f"dienst-{(i + 7) % 40}"],
            "related": [f"pagina-{i % 100}", f"aandoening-{(i + 1) % conditions}"],
            "last_updated": "2024-07-02",
        }
        for i in range(conditions)
    ]
    return {
        "format": "carepages-content",
        "version": 1,
        "locations": locations,
        "services": services,
        "pages": pages,
        "conditions": items,
    }


def worker(conditions: int) -> dict:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "carepages.settings.dev")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction

    from carepages.conditions.models import ConditionPage
    from carepages.content_io.importer import import_document
    from carepages.content_io.site_structure import ensure_site_structure

    call_command("migrate", verbosity=0)
    queries = [0]

    def count(execute, sql, params, many, context):
        queries[0] += 1
        return execute(sql, params, many, context)

    def measure(action):
        queries[0] = 0
        with connection.execute_wrapper(count):
            start = time.perf_counter()
            action()
            return time.perf_counter() - start, queries[0]

    site = ensure_site_structure()

    def stock():
        with transaction.atomic():
            for i in range(REFERENCE_PAGES):
                page = ConditionPage(slug=f"stock-{i}", title=f"Stock {i}", intro="Een definitie.")
                site.conditions.add_child(instance=page)
                page.save_revision().publish()

    # Time spent in the listeners of page_published (search documents, caches, …), which belong
    # to other parts of the site, is reported apart from the import's own work.
    from wagtail.signals import page_published

    listeners = [0.0]
    send = page_published.send

    def timed_send(*args, **kwargs):
        start = time.perf_counter()
        try:
            return send(*args, **kwargs)
        finally:
            listeners[0] += time.perf_counter() - start

    page_published.send = timed_send

    doc = make_document(conditions)
    total_pages = sum(len(doc[k]) for k in ("locations", "services", "pages", "conditions"))
    stock_time, stock_queries = measure(stock)
    listeners[0] = 0.0
    import_time, import_queries = measure(lambda: import_document(doc))
    listener_time = listeners[0]
    again_time, again_queries = measure(lambda: import_document(doc))
    return {
        "vendor": connection.vendor,
        "pages": total_pages,
        "stock_rate": REFERENCE_PAGES / stock_time,
        "stock_qpp": stock_queries / REFERENCE_PAGES,
        "import_time": import_time,
        "import_rate": total_pages / import_time,
        "import_qpp": import_queries / total_pages,
        "listener_time": listener_time,
        "own_rate": total_pages / (import_time - listener_time),
        "again_time": again_time,
        "again_queries": again_queries,
    }


def run(database_url: str, conditions: int) -> dict:
    env = dict(os.environ, DATABASE_URL=database_url, DJANGO_SETTINGS_MODULE="carepages.settings.dev")
    out = subprocess.run(
        [sys.executable, __file__, "--worker", "--conditions", str(conditions)],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def postgres_database(server_url: str):
    """A throw-away database on the server, or None when no server answers."""
    try:
        import psycopg

        name = f"carepages_bench_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(
            server_url.replace("postgres://", "postgresql://"), autocommit=True, connect_timeout=3
        ) as c:
            c.execute(f'CREATE DATABASE "{name}"')
        return name
    except Exception as error:  # noqa: BLE001 - any failure means: no PostgreSQL to measure
        print(f"   PostgreSQL not measured ({error.__class__.__name__}: {error})")
        return None


def drop_postgres(server_url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(server_url.replace("postgres://", "postgresql://"), autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{name}"')


def report(r: dict) -> None:
    ratio = r["import_rate"] / r["stock_rate"]
    print(
        f"   {r['vendor']}: stock Wagtail {r['stock_rate']:.1f} pages/s ({r['stock_qpp']:.0f} queries/page)"
    )
    print(
        f"   {r['vendor']}: import {r['pages']} pages in {r['import_time']:.1f} s"
        f" = {r['import_rate']:.1f} pages/s"
        f" ({r['import_qpp']:.1f} queries/page), {ratio:.1f}x stock"
    )
    print(
        f"   {r['vendor']}: of which {r['listener_time']:.1f} s in page_published listeners (other apps);"
        f" without them {r['own_rate']:.1f} pages/s"
    )
    print(f"   {r['vendor']}: the same file again {r['again_time']:.2f} s, {r['again_queries']} queries")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conditions", type=int, default=int(os.environ.get("BENCH_CONDITIONS", 3000)))
    parser.add_argument("--postgres", default=os.environ.get("BENCH_POSTGRES_URL", DEFAULT_POSTGRES))
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.conditions)))
        return
    print(
        f"Import of {args.conditions} conditions (+ 150 locations, services, pages); reference: stock Wagtail"
    )
    with tempfile.TemporaryDirectory() as folder:
        report(run(f"sqlite:///{folder}/bench.sqlite3", args.conditions))
    name = postgres_database(args.postgres)
    if name:
        try:
            report(run(args.postgres.rsplit("/", 1)[0] + "/" + name, args.conditions))
        finally:
            drop_postgres(args.postgres, name)


if __name__ == "__main__":
    main()
