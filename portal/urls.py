from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from portal import views
from portal.media import media_urlpatterns
from portal.sitemaps import MultilingualPageSitemap

urlpatterns = [
    path(settings.ADMIN_URL_PREFIX.lstrip("/"), include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # The read-only open-data API, outside the language prefixes (?lang= chooses the language).
    path("", include("partnerships.opendata.api_urls")),
    path("healthz", views.healthz, name="healthz"),
    # Open data: one address per file whatever the language (?lang= chooses it).
    path("data/", include("partnerships.opendata.urls")),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualPageSitemap}}, name="sitemap"),
]

urlpatterns += media_urlpatterns()

# The apps' URLs are included by name, so the shell imports no app. Every public page lives under a
# language prefix; a bare "/" falls through to LocaleMiddleware,
# which redirects it to the reader's language from Accept-Language.
urlpatterns += i18n_patterns(
    path("search/", include("search.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"
