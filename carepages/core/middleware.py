"""The site's own Dutch 404 page while DEBUG is on (`make run`), instead of Django's English debug page."""

from django.http import Http404
from django.views.defaults import page_not_found


class NotFoundPageMiddleware:
    """With DEBUG on, Django answers a Http404 with its technical page; patients never see that one.

    Developers and editors trying the site with `make run` should see what patients
    see: the same 404.html that Django's handler renders in production.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, Http404):
            return page_not_found(request, exception)
        return None
