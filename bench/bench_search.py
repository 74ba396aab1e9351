"""Site search benchmark: MRR@10 per kind of patient query, and latency, on SQLite and PostgreSQL.

For each database: a fresh database, the demo content plus the evaluation
corpus (bench/search_eval/corpus.py, ~80 pages), the query sets in
bench/search_eval/*.tsv (QUERY_SETS); then generated pages up to BENCH_PAGES
(default 20,000) and the same queries again. Stock Wagtail search on the same
pages is the reference, measured in the same run.

    .venv/bin/python bench/bench_search.py            # both databases
    BENCH_DATABASES=sqlite BENCH_PAGES=5000 .venv/bin/python bench/bench_search.py
    BENCH_STOCK_EVERY=0 .venv/bin/python bench/bench_search.py   # no stock Wagtail at 20,000 pages

PostgreSQL: BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:55432/carepages_search_bench);
the database is dropped and created. It is skipped, with a message, when the server is not reachable.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT / "bench" / "search_eval"
TIMED_PASSES = 3
POSTGRES_URL = os.environ.get(
    "BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:55432/carepages_search_bench"
)


def main() -> int:
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        return child(sys.argv[2])
    databases = os.environ.get("BENCH_DATABASES", "sqlite,postgres").split(",")
    status = 0
    for name in databases:
        if name == "sqlite":
            path = Path(tempfile.mkdtemp()) / "bench_search.sqlite3"
            url = f"sqlite:///{path}"
        elif name == "postgres":
            if not recreate_postgres(POSTGRES_URL):
                print("== PostgreSQL: skipped, server not reachable at", POSTGRES_URL)
                continue
            url = POSTGRES_URL
        else:
            print(f"unknown database {name!r} in BENCH_DATABASES (sqlite, postgres)")
            return 2
        print(f"== {name}", flush=True)
        result = subprocess.run([sys.executable, __file__, "--child", url], cwd=ROOT)
        status = status or result.returncode
    return status


def recreate_postgres(url: str) -> bool:
    import psycopg

    base, _, dbname = url.rpartition("/")
    try:
        with psycopg.connect(f"{base}/postgres", autocommit=True, connect_timeout=3) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{dbname}"')
            conn.execute(f'CREATE DATABASE "{dbname}"')
    except psycopg.OperationalError:
        return False
    return True


def child(url: str) -> int:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "carepages.settings.dev")
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(EVAL))
    import django

    django.setup()
    from corpus import corpus_document
    from django.core.management import call_command
    from generate import generated_document

    from carepages.content_io.importer import import_document
    from carepages.search import engine
    from carepages.search.models import SearchDocument

    call_command("migrate", verbosity=0)
    call_command("load_demo_content", verbosity=0)
    import_document(corpus_document())
    query_sets = {name: load_queries(name) for name in QUERY_SETS}
    pages = SearchDocument.objects.count()

    for name, rows in query_sets.items():
        print(f"-- evaluation corpus: {pages} pages, {len(rows)} queries of {name}")
        ours = evaluate(rows, lambda q: [(h.type, h.slug) for h in engine.search(q, limit=10).results])
        stock = evaluate(rows, wagtail_search)
        report(ours, stock)

    target = int(os.environ.get("BENCH_PAGES", "20000"))
    started = time.perf_counter()
    remaining, batch_no = target - pages, 0
    while remaining > 0:
        size = min(2000, remaining)
        doc = generated_document(size, seed=batch_no)
        for entries in (doc["services"], doc["pages"], doc["conditions"]):
            for entry in entries:
                entry["slug"] = f"{entry['slug']}-{batch_no}"
        import_document(doc)
        remaining -= size
        batch_no += 1
    pages = SearchDocument.objects.count()
    print(
        f"-- large corpus: {pages} pages (generated ones imported in {time.perf_counter() - started:.0f} s)"
    )
    started, started_cpu = time.perf_counter(), time.process_time()
    engine.search("rugpijn")
    print(
        f"   first query (builds this process's index): {time.perf_counter() - started:.2f} s, "
        f"CPU {time.process_time() - started_cpu:.2f} s"
    )
    for name, rows in query_sets.items():
        print(f"   {name} ({len(rows)} queries) on the large corpus:")
        ours = evaluate(rows, lambda q: [(h.type, h.slug) for h in engine.search(q, limit=10).results])
        # Stock Wagtail takes seconds a query at this size (about two minutes on SQLite): a sample,
        # timed once; BENCH_STOCK_EVERY=0 leaves it out.
        every = int(os.environ.get("BENCH_STOCK_EVERY", "20"))
        stock = evaluate(rows[::every], wagtail_search, passes=0) if every else ours
        note = f"stock Wagtail on every {every}th query" if every else "(stock left out)"
        report(ours, stock, stock_note=note)
    measure_refresh(engine)
    # bench/profile_search.py repeats the query passes on this database without building it again.
    print(f"   database kept for bench/profile_search.py: DATABASE_URL={url}")
    return 0


#: The evaluation sets: the first one (the ranking was tuned on it), the lay-language one, what
#: patients type on a phone (session 3), words the vocabulary lacked and what patients describe
#: rather than name (session 4); each written before the changes it measured.
QUERY_SETS = (
    "queries.tsv",
    "lay_queries.tsv",
    "patient_queries.tsv",
    "vocab_queries.tsv",
    "symptom_queries.tsv",
)


def load_queries(name: str = "queries.tsv") -> list[tuple[str, str, str]]:
    rows = []
    for line in (EVAL / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, query, expected = line.split("\t")
            rows.append((kind, query, expected))
    return rows


def wagtail_search(query: str) -> list[tuple[str, str]]:
    from wagtail.models import Page

    kinds = {
        "conditionpage": "condition",
        "servicepage": "service",
        "locationpage": "location",
        "infopage": "page",
    }
    results = Page.objects.live().search(query, operator="or")[:10]
    found = []
    for page in results:
        model = page.specific_class._meta.model_name
        if model in kinds:
            found.append((kinds[model], page.slug))
    return found


def evaluate(queries, run, passes: int = TIMED_PASSES) -> dict:
    """Reciprocal rank per kind (0 when the expected page is not in the top 10), and timings.

    A first pass over the queries warms the process (as a server's first queries do) and gives
    the ranks; the timed passes after it give wall-clock and CPU time per query. The CPU time
    is what a query costs, whatever else the machine is doing at the time.
    """
    ranks: dict[str, list[float]] = defaultdict(list)
    misses, timings, cpu = [], [], []
    for kind, query, expected in queries:
        want = tuple(expected.split(":", 1))
        started, started_cpu = time.perf_counter(), time.process_time()
        found = run(query)
        if not passes:  # a slow reference: time the one pass
            timings.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
        rank = found.index(want) + 1 if want in found else 0
        ranks[kind].append(1 / rank if rank else 0.0)
        if rank != 1:
            misses.append(f"{kind}: {query!r} → {expected} at {rank or '>10'}; first {found[:1]}")
    for _ in range(passes):
        for _kind, query, _expected in queries:
            started, started_cpu = time.perf_counter(), time.process_time()
            run(query)
            timings.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
    return {"ranks": ranks, "timings": timings, "cpu": cpu, "misses": misses}


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(pct / 100 * (len(ordered) - 1))))]


def report(ours: dict, stock: dict, stock_note: str = "stock Wagtail search, operator or") -> None:
    print(f"   {'kind':10} {'n':>4} {'MRR@10':>7} {'stock':>7}")
    for kind, values in ours["ranks"].items():
        ref = stock["ranks"].get(kind)
        ref_text = f"{statistics.mean(ref):7.2f}" if ref else "      -"
        print(f"   {kind:10} {len(values):4d} {statistics.mean(values):7.3f} {ref_text}")
    all_ours = [v for values in ours["ranks"].values() for v in values]
    all_stock = [v for values in stock["ranks"].values() for v in values]
    print(
        f"   {'all':10} {len(all_ours):4d} {statistics.mean(all_ours):7.3f} {statistics.mean(all_stock):7.2f}"
    )
    for label, result in (("ours", ours), (stock_note, stock)):
        for what, name in (("timings", "latency"), ("cpu", "CPU time")):
            ms = [t * 1000 for t in result[what]]
            print(
                f"   {name} {label}: p50 {percentile(ms, 50):.1f} ms, "
                f"p95 {percentile(ms, 95):.1f} ms, p99 {percentile(ms, 99):.1f} ms, max {max(ms):.1f} ms"
            )
    p95_ours = percentile(ours["timings"], 95)
    p95_stock = percentile(stock["timings"], 95)
    print(f"   p95 latency ratio stock/ours: {p95_stock / p95_ours:.1f}x")
    print(f"   machine load (1 min): {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    if ours["misses"]:
        print("   not first:")
        for miss in ours["misses"]:
            print("    ", miss)


def measure_refresh(engine) -> None:
    """A rename in this process shows in the next query; how long that next query takes."""
    from carepages.conditions.models import ConditionPage

    page = ConditionPage.objects.get(slug="artrose")
    page.title = "Artrose (gewrichtsslijtage)"
    page.save_revision().publish()
    started = time.perf_counter()
    titles = [h.title for h in engine.search("gewrichtsslijtage").results]
    elapsed = (time.perf_counter() - started) * 1000
    print(f"   query right after a publish (applies the change): {elapsed:.1f} ms; first: {titles[:1]}")


if __name__ == "__main__":
    sys.exit(main())
