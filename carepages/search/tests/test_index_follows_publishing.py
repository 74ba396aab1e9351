"""The index follows publishing: the next query sees a publish, unpublish, rename, move or delete."""

from wagtail.models import Page

from carepages.conditions.factories import ConditionPageFactory
from carepages.search.engine import search
from carepages.search.following import IndexCache
from carepages.search.models import SearchDocument


def _slugs(query):
    return [hit.slug for hit in search(query).results]


def test_publish_adds_and_unpublish_removes(site_structure):
    assert _slugs("artrose") == []  # the index exists (and is empty) before the page does
    page = ConditionPageFactory(parent=site_structure.conditions, title="Artrose", slug="artrose")
    assert _slugs("artrose") == ["artrose"]

    page.unpublish()
    assert _slugs("artrose") == []

    page.save_revision().publish()
    assert _slugs("artrose") == ["artrose"]


def test_rename_is_found_by_the_new_title_only(site_structure):
    page = ConditionPageFactory(parent=site_structure.conditions, title="Suikerziekte", slug="diabetes")
    assert _slugs("suikerziekte") == ["diabetes"]

    page.title = "Diabetes"
    page.save_revision().publish()
    assert _slugs("diabetes") == ["diabetes"]
    assert _slugs("suikerziekte") == []


def test_a_draft_is_not_searchable_until_published(site_structure):
    page = ConditionPageFactory(parent=site_structure.conditions, title="Migraine", slug="migraine")
    page.title = "Geheime werktitel"
    page.save_revision()  # a draft: the live page still says Migraine
    assert _slugs("migraine") == ["migraine"]
    assert _slugs("werktitel") == []


def test_delete_removes_the_page(site_structure):
    page = ConditionPageFactory(parent=site_structure.conditions, title="Hernia", slug="hernia")
    assert _slugs("hernia") == ["hernia"]
    Page.objects.get(pk=page.pk).delete()
    assert _slugs("hernia") == []
    assert not SearchDocument.objects.filter(page_id=page.pk).exists()


def test_slug_change_changes_the_url(site_structure):
    page = ConditionPageFactory(parent=site_structure.conditions, title="Astma", slug="astma")
    page.slug = "astma-bij-volwassenen"
    page.save_revision().publish()
    (hit,) = search("astma").results
    assert hit.url == "/aandoeningen/astma-bij-volwassenen/"


def test_every_process_sees_the_change_at_its_next_query(site_structure):
    # Two caches stand for two server processes, each with its own index in memory.
    first, second = IndexCache(), IndexCache()
    page = ConditionPageFactory(parent=site_structure.conditions, title="Glaucoom", slug="glaucoom")
    assert first.current().doc(page.pk) is not None and second.current().doc(page.pk) is not None

    page.title = "Groene staar"
    page.save_revision().publish()
    assert first.current().doc(page.pk).title == "Groene staar"
    assert second.current().doc(page.pk).title == "Groene staar"

    page.unpublish()
    assert first.current().doc(page.pk) is None
    assert second.current().doc(page.pk) is None


def test_a_process_behind_a_rolled_back_change_rebuilds(site_structure):
    from django.db import transaction

    cache = IndexCache()
    page = ConditionPageFactory(parent=site_structure.conditions, title="Psoriasis", slug="psoriasis")
    try:
        with transaction.atomic():
            page.title = "Schilferende huid"
            page.save_revision().publish()
            assert cache.current().doc(page.pk).title == "Schilferende huid"  # seen inside the transaction
            raise RuntimeError("the editor's request failed")
    except RuntimeError:
        pass
    assert cache.current().doc(page.pk).title == "Psoriasis"
