"""/data/: the public records as files (CSV, JSON, XLSX) and the Frictionless data package describing
them.

    /data/partners.csv|.json|.xlsx        the directory's partners
    /data/contributions.csv|.json|.xlsx   the register's contributions
    /data/cooperation-areas.csv           the areas their `cooperation_areas` codes name
    /data/exchange-rates.csv              the rates their values were converted at
    /data/datapackage.json                every resource with its Table Schema, licence, last change

Partners and contributions take the directory's and the register's filters, so "download what I see"
gives what the page lists; bad values are ignored as the pages ignore them, and the response names
the parameters ignored in `X-Ignored-Parameters`. `?lang=fr|es|ar` writes labels, names and texts in
that language, with the pages' fallback to the source text (English, the default); an unknown
language gives English and is named in that header too.

Every response carries an ETag and, for records, Last-Modified (partnerships.opendata.freshness), and
may be cached for five minutes; a conditional request that still matches gets 304 after one query.
CSV and JSON stream; XLSX is built in a temporary file first (see partnerships.opendata.formats)."""

import hashlib
import json
from dataclasses import dataclass

from django.conf import settings
from django.http import FileResponse, HttpResponse, HttpResponseRedirect, StreamingHttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods

from partnerships.opendata import formats, freshness, records, schema
from partnerships.opendata.selection import contribution_selection, partner_selection
from portal.site_urls import absolute_url

CACHE_CONTROL = "public, max-age=300"
IGNORED_HEADER = "X-Ignored-Parameters"
LANGUAGE_PARAMETER = "lang"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
JSON_CONTENT_TYPE = "application/json"
PACKAGE_NAME = "partnerships-transparency-portal"

only_get = require_http_methods(["GET", "HEAD"])


def requested_language(params):
    """(language, ignored): the language of `?lang=`, English without one; an unknown language gives
    English and is ignored, a repeated one keeps its first value and is named as ignored too."""
    values = params.getlist(LANGUAGE_PARAMETER)
    if not values:
        return settings.LANGUAGE_CODE, []
    ignored = [LANGUAGE_PARAMETER] if len(values) > 1 else []
    if values[0] not in dict(settings.LANGUAGES):
        return settings.LANGUAGE_CODE, [LANGUAGE_PARAMETER]
    return values[0], ignored


def in_language(language, iterable):
    """`iterable` read with `language` active: a streamed body is read after the view has returned,
    and outside the request's language. Each step only, so that between two chunks the thread is left
    in the language it was in."""
    iterator = iter(iterable)
    while True:
        with translation.override(language):
            try:
                chunk = next(iterator)
            except StopIteration:
                return
        yield chunk


@dataclass(frozen=True)
class Records:
    resource: schema.Resource
    part: str  # partnerships.opendata.freshness
    select: object  # (params, known) -> Selection
    rows: object  # (records, url) -> rows
    page: str  # the record_links() attribute of the list page its records live under


RECORDS = {
    "partners": Records(
        schema.PARTNERS, freshness.PARTNERS, partner_selection, records.partner_rows, "directory"
    ),
    "contributions": Records(
        schema.CONTRIBUTIONS,
        freshness.CONTRIBUTIONS,
        contribution_selection,
        records.contribution_rows,
        "register",
    ),
}


def _caching(response, etag, last_modified=None):
    response["ETag"] = etag
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified.timestamp())
    response["Cache-Control"] = CACHE_CONTROL
    return response


def _filename(name, extension, language):
    suffix = "" if language == settings.LANGUAGE_CODE else f"-{language}"
    return f"{name}{suffix}.{extension}"


def _attachment(response, filename, language, ignored):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Content-Language"] = language
    if ignored:
        response[IGNORED_HEADER] = ", ".join(ignored)
    return response


@only_get
def download(request, resource, extension):
    """One resource of records (`resource` "partners" or "contributions") as CSV, JSON or XLSX."""
    spec = RECORDS[resource]
    language, ignored = requested_language(request.GET)
    with translation.override(language):
        version = freshness.data_version([spec.part])
        etag = version.etag(resource, extension, language, request.META.get("QUERY_STRING", ""))
        not_modified = get_conditional_response(
            request,
            etag=etag,
            last_modified=version.last_modified and int(version.last_modified.timestamp()),
        )
        if not_modified is not None:
            return _caching(not_modified, etag, version.last_modified)
        selection = spec.select(request.GET, known={LANGUAGE_PARAMETER})
        ignored = sorted({*ignored, *selection.ignored})
        filename = _filename(resource, extension, language)
        if request.method == "HEAD":
            response = HttpResponse(content_type=_content_type(extension))
            return _caching(_attachment(response, filename, language, ignored), etag, version.last_modified)
        rows = spec.rows(selection.records, records.record_url(request, spec.page))
        columns = spec.resource.columns
        if extension == "xlsx":
            # Built here, in the language: the file is complete before the response starts.
            response = FileResponse(
                formats.write_xlsx(columns, rows, str(spec.resource.title)),
                content_type=formats.XLSX_CONTENT_TYPE,
            )
        elif extension == "json":
            about = _about(request, spec.resource, language, version, selection, ignored)
            response = StreamingHttpResponse(
                in_language(language, formats.json_chunks(columns, rows, about)),
                content_type=JSON_CONTENT_TYPE,
            )
        else:
            response = StreamingHttpResponse(
                in_language(language, formats.csv_chunks(columns, rows)), content_type=CSV_CONTENT_TYPE
            )
    return _caching(_attachment(response, filename, language, ignored), etag, version.last_modified)


def _content_type(extension):
    return {"csv": CSV_CONTENT_TYPE, "json": JSON_CONTENT_TYPE, "xlsx": formats.XLSX_CONTENT_TYPE}[extension]


def _about(request, resource, language, version, selection, ignored):
    """What a JSON download says about itself, before its rows."""
    package = reverse("opendata:datapackage") + f"?{LANGUAGE_PARAMETER}={language}"
    return {
        "resource": resource.name,
        "title": str(resource.title),
        "language": language,
        "license": schema.LICENCE,
        "last_modified": version.last_modified and schema.iso_datetime(version.last_modified),
        "filters": {
            name: value if isinstance(value, int) else str(value) for name, value in selection.filters.items()
        },
        "ignored_parameters": ignored,
        "datapackage": absolute_url(request, package),
    }


def _small_csv(request, name, rows, columns):
    """A small table (areas, rates) written whole: its ETag is its content's."""
    language, ignored = requested_language(request.GET)
    with translation.override(language):
        body = b"".join(formats.csv_chunks(columns, rows()))
    etag = f'"{hashlib.sha256(body).hexdigest()[:32]}"'
    not_modified = get_conditional_response(request, etag=etag)
    if not_modified is not None:
        return _caching(not_modified, etag)
    response = HttpResponse(b"" if request.method == "HEAD" else body, content_type=CSV_CONTENT_TYPE)
    if request.method == "HEAD":
        response["Content-Length"] = len(body)
    return _caching(_attachment(response, _filename(name, "csv", language), language, ignored), etag)


@only_get
def cooperation_areas(request):
    return _small_csv(request, "cooperation-areas", records.area_rows, schema.AREA_COLUMNS)


@only_get
def exchange_rates(request):
    return _small_csv(request, "exchange-rates", records.rate_rows, schema.RATE_COLUMNS)


def package_descriptor(version):
    """The Frictionless Data Package (tabular-data-package) of every resource, described in the active
    language. Resource paths are relative ("partners.csv"): they resolve against the package's own
    address (/data/), so the package and its files can be downloaded together and validated offline."""
    return {
        "profile": "tabular-data-package",
        "name": PACKAGE_NAME,
        "title": gettext("Partnerships Transparency Portal: partners and contributions"),
        "description": gettext(
            "The organisation's partners, with their due-diligence results, and their contributions, "
            "with their value in the reporting currency: every public record of the register."
        ),
        "licenses": [schema.LICENCE],
        "last_modified": version.last_modified and schema.iso_datetime(version.last_modified),
        "resources": [
            {
                "profile": "tabular-data-resource",
                "name": resource.name,
                "path": resource.path,
                "title": str(resource.title),
                "description": str(resource.description),
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": [column.table_schema() for column in resource.columns],
                    "primaryKey": list(resource.primary_key),
                    **({"foreignKeys": list(resource.foreign_keys)} if resource.foreign_keys else {}),
                },
            }
            for resource in schema.RESOURCES
        ],
    }


@only_get
def datapackage(request):
    language, ignored = requested_language(request.GET)
    with translation.override(language):
        version = freshness.data_version([freshness.PARTNERS, freshness.CONTRIBUTIONS, freshness.RATES])
        etag = version.etag("datapackage", language)
        last_modified = version.last_modified and int(version.last_modified.timestamp())
        not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
        if not_modified is not None:
            return _caching(not_modified, etag, version.last_modified)
        body = json.dumps(package_descriptor(version), ensure_ascii=False, indent=1)
    response = HttpResponse(
        b"" if request.method == "HEAD" else body.encode(), content_type=JSON_CONTENT_TYPE
    )
    response["Content-Language"] = language
    if ignored:
        response[IGNORED_HEADER] = ", ".join(ignored)
    return _caching(response, etag, version.last_modified)


@only_get
def index(request):
    """/data/ itself: the data package lists every file."""
    return HttpResponseRedirect(reverse("opendata:datapackage"))
