"""Uploaded images served by the portal itself when they are on its disk (PORTAL_SERVE_MEDIA), in
production as in development: without it every logo and body image breaks once DEBUG is off."""

import posixpath
import re

from django.conf import settings
from django.http import Http404
from django.urls import re_path
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe
from django.views.static import serve

# Documents are only served by Wagtail's view (/documents/<id>/<name>), which checks the privacy of
# their collection; a direct address would bypass it.
PRIVATE_FOLDERS = ("documents/",)
ONE_DAY = 60 * 60 * 24


@require_safe
def serve_media(request, path):
    if posixpath.normpath(path).lstrip("/").startswith(PRIVATE_FOLDERS):
        raise Http404
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    patch_cache_control(response, public=True, max_age=ONE_DAY)
    return response


def media_urlpatterns():
    if not settings.PORTAL_SERVE_MEDIA:
        return []
    prefix = re.escape(settings.MEDIA_URL.lstrip("/"))
    return [re_path(rf"^{prefix}(?P<path>.+)$", serve_media, name="media")]
