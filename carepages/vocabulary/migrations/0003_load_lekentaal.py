"""The reviewed lay vocabulary (data/lekentaal.tsv) into the table, so every site starts with it.

Later versions of the file load with `manage.py load_vocabulary`; editors' changes are kept.
"""

from django.db import migrations


def load_lekentaal(apps, schema_editor):
    from carepages.vocabulary.data import load, read_rows

    load(apps.get_model("vocabulary", "LayTerm"), read_rows())


class Migration(migrations.Migration):
    dependencies = [("vocabulary", "0002_layterm_on_pages")]

    operations = [migrations.RunPython(load_lekentaal, migrations.RunPython.noop)]
