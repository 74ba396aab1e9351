from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from carepages.core import health
from carepages.core import views as core_views
from carepages.feedback import views as feedback_views
from carepages.search import urls as search_urls
from carepages.site_settings import views as site_settings_views

# A clear 503 page while the database is unreachable, the 500 page otherwise.
handler500 = "carepages.core.errors.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documenten/", include(wagtaildocs_urls)),
    path("zoeken/", include(search_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("healthz", health.healthz, name="healthz"),  # for monitoring: docs/operations.md
    path("huisstijl/<slug:colour>.css", site_settings_views.accent_css, name="accent_css"),
    path("api/v1/", include("carepages.api.urls")),
    path("feedback/", feedback_views.submit, name="feedback"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
