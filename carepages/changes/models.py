"""The change feed's rows: one per committed transaction that changed public content."""

from django.db import models


class ContentChange(models.Model):
    """One committed transaction's content changes, numbered in commit order.

    `token` names the state of the content after this change (the publish cache's
    generation); together with `seq` it tells a follower that its history still holds
    (a restored or flushed database numbers from 1 again, with other tokens).
    """

    seq = models.BigIntegerField(primary_key=True)
    token = models.CharField(max_length=32)
    page_ids = models.JSONField(default=list, blank=True)  # pages whose own content changed; [] for site-wide
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "inhoudswijziging"
        verbose_name_plural = "inhoudswijzigingen"

    def __str__(self) -> str:
        return f"#{self.seq} ({len(self.page_ids)} pagina's)"


class FeedCounter(models.Model):
    """A single row whose lock orders the writers, so changes commit in `seq` order."""

    value = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return str(self.value)
