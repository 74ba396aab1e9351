"""The default workflow and its task get Dutch names: Wagtail's install calls them "Moderators approval".

Wagtail creates both in a data migration with an English name built from the
group name; the admin shows that name to editors as is, untranslated.
"""

from django.db import migrations

ENGLISH = "Moderators approval"
DUTCH = "Goedkeuring door moderatoren"


def rename(apps, schema_editor, old: str, new: str):
    for model in ("Workflow", "Task"):
        apps.get_model("wagtailcore", model).objects.filter(name=old).update(name=new)


def to_dutch(apps, schema_editor):
    rename(apps, schema_editor, ENGLISH, DUTCH)


def to_english(apps, schema_editor):
    rename(apps, schema_editor, DUTCH, ENGLISH)


class Migration(migrations.Migration):
    dependencies = [
        ("site_settings", "0002_hospital_identity"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(to_dutch, to_english)]
