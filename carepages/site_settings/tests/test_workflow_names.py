"""Editors read the approval workflow's name in Dutch (Wagtail installs it as "Moderators approval")."""

from django.urls import reverse
from wagtail.models import Task, Workflow

from carepages.core.testing import read, text


def test_the_default_workflow_and_its_task_have_dutch_names(admin_client):
    assert list(Workflow.objects.values_list("name", flat=True)) == ["Goedkeuring door moderatoren"]
    assert list(Task.objects.values_list("name", flat=True)) == ["Goedkeuring door moderatoren"]
    workflows = text(read(admin_client.get(reverse("wagtailadmin_workflows:index"))))
    assert "Goedkeuring door moderatoren" in workflows
    assert "Moderators approval" not in workflows
