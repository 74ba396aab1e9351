"""The reviewed vocabulary file and `manage.py load_vocabulary`."""

import io

import pytest
from django.core.management import CommandError, call_command

from carepages.vocabulary.data import DATA_FILE, read_rows
from carepages.vocabulary.models import LayTerm

pytestmark = pytest.mark.django_db

HEADER = "term\tmeans\tkind\ton_pages\tsource\n"


def run(*args):
    out = io.StringIO()
    call_command("load_vocabulary", *args, stdout=out)
    return out.getvalue()


def test_the_shipped_file_is_valid_and_loaded_by_the_migrations():
    rows = read_rows(DATA_FILE)
    assert len(rows) > 250
    assert LayTerm.objects.count() == len(rows)
    valling = LayTerm.objects.get(term="valling")
    assert (valling.means, valling.kind, valling.on_pages) == ("verkoudheid", "be", True)
    assert valling.source  # a Belgian word says where its meaning comes from


def test_loading_again_adds_new_terms_and_keeps_what_editors_changed(tmp_path):
    LayTerm.objects.filter(term="valling").update(means="verkoudheid, neusverkoudheid")
    path = tmp_path / "extra.tsv"
    path.write_text(HEADER + "valling\tgriep\tbe\t\t\nschnupfen\tverkoudheid\ten\t\t\n", encoding="utf-8")
    assert "1 terms added, 0 updated" in run(str(path))
    assert LayTerm.objects.get(term="valling").means == "verkoudheid, neusverkoudheid"
    assert LayTerm.objects.get(term="schnupfen").kind == "en"

    assert "0 terms added, 2 updated" in run(str(path), "--update")
    assert LayTerm.objects.get(term="valling").means == "griep"


def test_a_bad_file_changes_nothing_and_names_each_error(tmp_path):
    path = tmp_path / "bad.tsv"
    path.write_text(
        HEADER + "schnupfen\tverkoudheid\tduits\t\t\n!!!\tgriep\tbe\t\t\nkou\t\tbe\tmisschien\t\n",
        encoding="utf-8",
    )
    count = LayTerm.objects.count()
    with pytest.raises(CommandError) as error:
        run(str(path))
    message = str(error.value)
    assert "line 2 (schnupfen): kind: 'duits'" in message
    assert "line 3 (!!!): term: empty or without letters" in message
    assert "line 4 (kou): means:" in message and "line 4 (kou): on_pages:" in message
    assert LayTerm.objects.count() == count


def test_a_missing_file_is_named():
    with pytest.raises(CommandError, match="nope.tsv: no such file"):
        run("nope.tsv")
