"""Two real app instances sharing one real PostgreSQL: changes show everywhere, outages are survived.

Each instance runs granian with the publish-cache front (carepages/serve.py) and its own
cache folder, as two machines would: they learn of each other's changes only through the
database. Content changes are made by a third process, as an editor's publish would be.
"""

import time

import pytest

from carepages.testing.servers import AppInstance, Editor, PrivatePostgres, django_env, manage

pytestmark = pytest.mark.slow  # a PostgreSQL server and three processes of their own

# The promise to editors is 2 s (instances poll the generation every 0.5 s); bench_serve.py
# measures it. The test allows more so a loaded CI machine cannot fail it on timing alone:
# what it proves is that every stale page is replaced on every instance.
STALE_LIMIT_SECONDS = 10.0

SEED = """
from carepages.conditions.factories import ConditionPageFactory
from carepages.content_io.site_structure import ensure_site_structure
from carepages.locations.factories import LocationPageFactory
from carepages.services.factories import ServicePageFactory

site = ensure_site_structure()
north = LocationPageFactory(parent=site.locations, title="Campus Noord")
south = LocationPageFactory(parent=site.locations, title="Campus Zuid")
cardio = ServicePageFactory(parent=site.services, title="Cardiologie", locations=[north, south])
neuro = ServicePageFactory(parent=site.services, title="Neurologie", locations=[south])
ConditionPageFactory(parent=site.conditions, title="Hartfalen", services=[cardio, neuro])
ConditionPageFactory(parent=site.conditions, title="Hartkloppingen", services=[cardio])
"""

PAGES = ["/aandoeningen/hartfalen/", "/aandoeningen/hartkloppingen/", "/aandoeningen/", "/diensten/"]


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    postgres = PrivatePostgres().init()
    instances, editor = [], None
    try:
        env = django_env(postgres.url())
        manage(env, "migrate", "--noinput", "-v", "0")
        editor = Editor(env)
        editor.run(SEED)
        for name in ("a", "b"):
            cache = tmp_path_factory.mktemp(f"publish-cache-{name}")
            instances.append(
                AppInstance(django_env(postgres.url(), PUBLISH_CACHE_DIR=str(cache))).start(wait=False)
            )
        for instance in instances:
            instance.wait()
        yield postgres, editor, instances
    finally:
        for instance in instances:
            instance.stop()
        if editor:
            editor.close()
        postgres.destroy()


def _warm(instances, paths):
    """Fill every instance's cache, so what follows tests invalidation, not a first render."""
    for instance in instances:
        for path in paths:
            # A first render may itself change content (site settings are created on first use).
            answers = [instance.get(path)[:2] for _ in range(3)]
            assert (answers[-1][0], answers[-1][1].get("X-Publish-Cache")) == (200, "hit"), (
                instance.port,
                path,
            )


def _wait_until_everywhere(instances, check) -> float:
    """Seconds until `check(status, body, path)` holds on every page of every instance."""
    started = time.monotonic()
    while True:
        results = {
            (instance.port, path): instance.get(path)
            for instance in instances
            for path in PAGES + ["/aandoeningen/hartritmestoornis/"]
        }
        failing = [key for key, (status, _, body) in results.items() if not check(status, body, key[1])]
        elapsed = time.monotonic() - started
        if not failing:
            return elapsed
        assert elapsed < STALE_LIMIT_SECONDS, f"still stale after {elapsed:.1f} s: {failing}"
        time.sleep(0.05)


def test_changes_show_on_every_page_of_every_instance(cluster):
    _, editor, instances = cluster
    _warm(instances, PAGES)

    # A service renamed: every condition listing it and the services index show the new name.
    editor.run(
        "from carepages.services.models import ServicePage\n"
        "page = ServicePage.objects.get(slug='cardiologie')\n"
        "page.title = 'Cardiologie en hartchirurgie'\n"
        "page.save_revision().publish()",
    )
    _wait_until_everywhere(
        instances,
        lambda status, body, path: (
            status == 404
            or path == "/aandoeningen/"
            or ("Cardiologie en hartchirurgie" in body and "Cardiologie</a>" not in body)
        ),
    )

    # A campus removed from a service: the conditions listing that service no longer show it.
    _warm(instances, PAGES)
    editor.run(
        "from carepages.locations.models import LocationPage\n"
        "from carepages.services.models import ServiceLocation, ServicePage\n"
        "page = ServicePage.objects.get(slug='cardiologie')\n"
        "page.location_links = [ServiceLocation(location=LocationPage.objects.get(slug='campus-zuid'))]\n"
        "page.save_revision().publish()",
    )
    _wait_until_everywhere(
        instances,
        lambda status, body, path: (
            not path.startswith("/aandoeningen/hart") or status == 404 or "Campus Noord" not in body
        ),
    )

    # Unpublished: gone from its URL and from the A-Z index.
    _warm(instances, PAGES)
    editor.run(
        "from carepages.conditions.models import ConditionPage\n"
        "ConditionPage.objects.get(slug='hartkloppingen').unpublish()",
    )
    _wait_until_everywhere(
        instances,
        lambda status, body, path: (
            (status == 404) == (path.endswith(("hartkloppingen/", "hartritmestoornis/")))
            and "Hartkloppingen" not in body
        ),
    )

    # Published: at its URL and in the A-Z index.
    _warm(instances, ["/aandoeningen/", "/aandoeningen/hartfalen/"])
    editor.run(
        "from carepages.conditions.factories import ConditionPageFactory\n"
        "from carepages.content_io.site_structure import ensure_site_structure\n"
        "ConditionPageFactory(parent=ensure_site_structure().conditions, title='Hartritmestoornis')",
    )
    _wait_until_everywhere(
        instances,
        lambda status, body, path: (
            path.endswith("hartkloppingen/")
            or (status == 200 and (path != "/aandoeningen/" or "Hartritmestoornis" in body))
        ),
    )


# Kept as files in each instance's cache folder (rule.memory_key), by the same generation as the pages.
# Before the outage test: the editor's connection does not survive the database's restart.
MEMORY_PATHS = [
    "/api/v1/services/neurologie/",
    "/api/v1/services/?location=campus-zuid",
    "/aandoeningen/hartfalen/?locatie=campus-zuid",
]


def test_a_publish_changes_the_api_and_the_filtered_pages_of_every_instance(cluster):
    _, editor, instances = cluster
    _warm(instances, MEMORY_PATHS)

    editor.run(
        "from carepages.services.models import ServicePage\n"
        "page = ServicePage.objects.get(slug='neurologie')\n"
        "page.title = 'Neurologie en neurochirurgie'\n"
        "page.save_revision().publish()",
    )
    started = time.monotonic()
    while True:
        stale = [
            (instance.port, path)
            for instance in instances
            for path in MEMORY_PATHS
            if "Neurologie en neurochirurgie" not in instance.get(path)[2]
        ]
        if not stale:
            break
        elapsed = time.monotonic() - started
        assert elapsed < STALE_LIMIT_SECONDS, f"still stale after {elapsed:.1f} s: {stale}"
        time.sleep(0.05)
    _warm(instances, MEMORY_PATHS)  # kept again in the new generation


def test_database_outage_keeps_published_pages_and_answers_503_elsewhere(cluster):
    postgres, _, instances = cluster
    _warm(instances, ["/aandoeningen/hartfalen/", "/diensten/"])
    postgres.stop()
    try:
        for instance in instances:
            status, headers, body = instance.get("/aandoeningen/hartfalen/")
            assert (status, headers.get("X-Publish-Cache")) == (200, "hit")
            assert "Hartfalen" in body
            for path in (
                "/zoeken/?q=hart",
                "/aandoeningen/hartfalen/?pagina=2",
                "/admin/login/?next=/admin/",
            ):
                status, headers, body = instance.get(path)
                assert status == 503, path
                assert "Tijdelijk niet beschikbaar" in body
                assert "Traceback" not in body
                assert headers.get("Retry-After") == "30"
    finally:
        postgres.start()

    for instance in instances:
        status, _, body = instance.get("/aandoeningen/hartfalen/?pagina=1")
        assert status == 200 and "Hartfalen" in body
        status, _, _ = instance.get("/zoeken/?q=hart")
        assert status == 200
