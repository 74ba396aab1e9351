"""The publish generation: one row that every app instance polls to learn of content changes."""

from django.db import models


class PublishGeneration(models.Model):
    """The live generation of the publish cache, shared by every app instance through the database.

    A content change writes a new token here; each instance moves its cache to a new,
    empty generation when it sees the token change (instantly in the instance that
    made the change, within a poll interval in the others).
    """

    token = models.CharField(max_length=32)
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "generatie van de publicatiecache"

    def __str__(self) -> str:
        return self.token
