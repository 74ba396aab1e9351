"""The terms added to data/lekentaal.tsv since 0003 (about 600: Belgian and Netherlands Dutch, folk
names, English and French loanwords for the common conditions, examinations and services), into
sites that already have the vocabulary.

Only terms the table lacks are added, as `manage.py load_vocabulary` does: what editors changed
stays. A term an editor deleted that is still in the file comes back; delete it again after
migrating (docs/search.md).
"""

from django.db import migrations


def load_new_terms(apps, schema_editor):
    from carepages.vocabulary.data import load, read_rows

    load(apps.get_model("vocabulary", "LayTerm"), read_rows())


class Migration(migrations.Migration):
    dependencies = [("vocabulary", "0003_load_lekentaal")]

    operations = [migrations.RunPython(load_new_terms, migrations.RunPython.noop)]
