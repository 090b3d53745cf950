"""The API's addresses on their own: portal.urls includes them at "api/", and every API response names
this module as its request's urlconf, so that LocaleMiddleware (which redirects a 404 outside the
language prefixes to /<lang>/…) finds no language-prefixed pattern to send it to."""

from django.urls import include, path

from partnerships.opendata import api

urlpatterns = [path("api/", include(api.urls(), namespace=api.api.urls_namespace))]
