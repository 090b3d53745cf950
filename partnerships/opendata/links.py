"""Links from a list page to its open data: the same selection as the page shows, as files."""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from partnerships.opendata.formats import XLSX_CONTENT_TYPE

FORMATS = (
    ("csv", "CSV", "text/csv"),
    ("json", "JSON", "application/json"),
    # Named as on the open-data page, in the reader's language ("Excel" alone is English in Arabic).
    ("xlsx", _("Excel (XLSX)"), XLSX_CONTENT_TYPE),
)


def download_query(form, language=None):
    """The list's canonical filters and sort order (never its page number), with the language the files
    are written in: the reader's."""
    params = [*form.canonical_params(), ("lang", language or get_language())]
    return "?" + urlencode(params)


def download_links(resource, form, language=None):
    """[{format, label, media_type, url}] for `resource` ("partners" or "contributions") as a list page
    filtered by `form` shows it."""
    query = download_query(form, language)
    return [
        {
            "format": extension,
            "label": label,
            "media_type": media_type,
            "url": reverse("opendata:download", kwargs={"resource": resource, "extension": extension})
            + query,
        }
        for extension, label, media_type in FORMATS
    ]
