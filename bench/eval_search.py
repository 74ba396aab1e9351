"""Quick search quality check: MRR@10 per kind of every evaluation set on the evaluation corpus.

The first half of bench_search.py without the 20,000 generated pages: seconds instead of minutes,
for trying a ranking change. SQLite by default; DATABASE_URL picks another (empty) database.

    .venv/bin/python bench/eval_search.py                 # every set, misses listed
    .venv/bin/python bench/eval_search.py lay_queries.tsv # one set
"""

import os
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "bench" / "search_eval"))


def main(names: list[str]) -> int:
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{Path(tempfile.mkdtemp()) / 'eval.sqlite3'}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "carepages.settings.dev")
    import django

    django.setup()
    from bench_search import QUERY_SETS, evaluate, load_queries
    from corpus import corpus_document
    from django.core.management import call_command

    from carepages.content_io.importer import import_document
    from carepages.search import engine

    call_command("migrate", verbosity=0)
    call_command("load_demo_content", verbosity=0)
    import_document(corpus_document())
    for name in names or QUERY_SETS:
        result = evaluate(
            load_queries(name), lambda q: [(h.type, h.slug) for h in engine.search(q, limit=10).results], 0
        )
        every = [v for values in result["ranks"].values() for v in values]
        print(f"== {name}: MRR@10 {statistics.mean(every):.3f} on {len(every)} queries")
        for kind, values in result["ranks"].items():
            print(f"   {kind:15} {len(values):4d} {statistics.mean(values):7.3f}")
        for miss in result["misses"]:
            print("    ", miss)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
