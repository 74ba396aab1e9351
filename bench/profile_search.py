"""Time and profile the search on a database that already holds the pages (bench_search.py's, kept).

bench_search.py builds its 20,000-page databases in minutes; this repeats only its query
passes on one of them (wall-clock and CPU time per query, as bench_search.py reports them),
for a measurement at a quiet moment or after a change to the engine, and with --profile
prints where one pass over the queries spends its CPU time (cProfile).

    DATABASE_URL=sqlite:////tmp/…/bench_search.sqlite3 .venv/bin/python bench/profile_search.py [--profile]
"""

import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def main(args: list[str]) -> int:
    if "DATABASE_URL" not in os.environ:
        print("DATABASE_URL must name a database bench_search.py filled (it prints its path)")
        return 2
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "carepages.settings.dev")
    import django

    django.setup()
    from bench_search import QUERY_SETS, evaluate, load_queries, report

    from carepages.search import engine
    from carepages.search.models import SearchDocument

    queries = [row for name in QUERY_SETS for row in load_queries(name)]
    started, started_cpu = time.perf_counter(), time.process_time()
    engine.search("rugpijn")
    print(
        f"-- {SearchDocument.objects.count()} pages; first query (builds the index): "
        f"{time.perf_counter() - started:.2f} s, CPU {time.process_time() - started_cpu:.2f} s"
    )

    def run(query):
        return [(h.type, h.slug) for h in engine.search(query, limit=10).results]

    if "--profile" in args:
        for _kind, query, _expected in queries:  # a warm process, as the timed passes measure it
            run(query)
        profile = cProfile.Profile()
        profile.enable()
        for _kind, query, _expected in queries:
            run(query)
        profile.disable()
        pstats.Stats(profile).sort_stats("tottime").print_stats(30)
        return 0
    for name in QUERY_SETS:
        rows = load_queries(name)
        print(f"   {name} ({len(rows)} queries):")
        result = evaluate(rows, run)
        report(result, result, stock_note="(no stock Wagtail reference here)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
