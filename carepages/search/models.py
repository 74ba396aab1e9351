"""The search documents: one row per live page that the site search finds.

The rows are the shared truth between server processes. Each change to them
is recorded in the change feed (carepages/changes), so a process keeps its
in-memory index (index.py) current by re-reading only the documents of the
pages changed since the last change it applied: one tiny query per search
when nothing changed.
"""

from django.db import models


class SearchDocument(models.Model):
    """What the search knows of one live page, as plain text."""

    page_id = models.IntegerField(
        primary_key=True
    )  # not a foreign key: the row outlives a deleted page's signal
    kind = models.CharField(max_length=20)  # condition, service, location, page (the API's `type`)
    subkind = models.CharField(max_length=20)  # the same, with page split into treatment, examination, info
    label = models.CharField(max_length=40)  # Aandoening, Dienst, Locatie, Behandeling, Onderzoek, Info
    slug = models.CharField(max_length=255)
    title = models.CharField(max_length=255)
    also_known_as = models.TextField(blank=True)  # one name a line
    intro = models.TextField(blank=True)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500)
    analysis = models.JSONField(default=dict, blank=True)  # index terms, computed on write (index.analyse)

    class Meta:
        verbose_name = "zoekdocument"
        verbose_name_plural = "zoekdocumenten"

    def __str__(self):
        return f"{self.label}: {self.title}"
