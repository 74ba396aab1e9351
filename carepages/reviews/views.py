"""The admin view behind the "Nagekeken, geen wijziging" action."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.admin import messages
from wagtail.models import Page

from carepages.core.models import ReviewedMixin
from carepages.core.templatetags.carepages_tags import nl_date

from .actions import record_review


def mark_reviewed(request, page_id: int):
    """GET asks to confirm (the page listing's link); POST records the review (the editor's menu posts)."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not isinstance(page, ReviewedMixin):
        raise Http404("Deze pagina heeft geen nazicht.")
    if not may_review(page, request.user):
        raise PermissionDenied
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    if request.method != "POST":
        return TemplateResponse(request, "reviews/confirm.html", {"page": page, "edit_url": edit_url})
    record_review(page, request.user)
    due = page.next_review
    messages.success(
        request,
        f"‘{page.get_admin_display_title()}’ is nagekeken."
        + (f" Volgende controle: {nl_date(due)}." if due else ""),
    )
    return redirect(edit_url)


def may_review(page: Page, user) -> bool:
    """Whoever may edit the page (and is not locked out of it) may record its review."""
    lock = page.get_lock()
    return page.permissions_for_user(user).can_edit() and not (lock and lock.for_user(user))
