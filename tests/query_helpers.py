"""How many queries a page costs as production builds it when the page cache has not kept it: with the
content cache on (portal/content_cache.py), after a first request has filled it."""

from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from portal.page_cache import new_content_version

# Every public page, however large the register.
PAGE_QUERY_BUDGET = 15


def page_queries(client, url, **headers):
    """(queries, response) of the second of two requests for `url`, under a new content version: what
    a commit makes, and the records these tests write in bulk inside the test's transaction do not."""
    with override_settings(PORTAL_CONTENT_CACHE=True):
        new_content_version()
        client.get(url, **headers)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, **headers)
    assert response.status_code == 200
    return len(queries), response
