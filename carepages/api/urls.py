"""/api/v1/: the API's views, each wrapped for CORS and HTTP caching."""

from django.urls import URLPattern, URLResolver

from .api import api
from .http import docs_page, public_read


def _wrapped(patterns):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            _wrapped(pattern.url_patterns)
        elif isinstance(pattern, URLPattern):
            pattern.callback = public_read(pattern.callback)
            if pattern.name == "openapi-view":
                pattern.callback = docs_page(pattern.callback)
    return patterns


_patterns, _app, _namespace = api.urls
# The instance namespace the docs page reverses ("api-v1:openapi-json").
app_name = _namespace
urlpatterns = _wrapped(list(_patterns))
