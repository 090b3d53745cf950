"""The read-only open-data API under /api/ (django-ninja): the public records as JSON, with the same
column names as the downloads (partnerships.opendata.schema) and the same filters as the directory and
the register (partnerships.opendata.selection).

Unlike the pages, the API is strict: an unknown parameter or a bad value is a 400 naming it, never
silently ignored, so that a script learns at once that it asked for something else than it got. Every
answer is JSON (the docs page aside), GET/HEAD/OPTIONS only, open to any origin (CORS).

Numbers are JSON numbers written from the stored decimal itself (ExactJSONRenderer): amounts up to
16 digits and rates of 18 do not fit a double, so nothing passes through a float."""

import datetime
import json
import logging
import uuid
from decimal import Decimal
from functools import cache, wraps
from typing import Annotated, Literal

from ninja import Field, NinjaAPI, Query, Router, Schema
from ninja.errors import HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.renderers import BaseRenderer
from pydantic import WithJsonSchema, create_model

from django.conf import settings
from django.db import DatabaseError
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import render
from django.urls import Resolver404, URLPattern, path, re_path, resolve
from django.utils import translation
from django.utils.functional import Promise
from django.utils.http import urlencode
from django.utils.translation import gettext, gettext_lazy

from partnerships.figures import compute_figures
from partnerships.localize import area_choices
from partnerships.models.choices import (
    ContributionStatus,
    ContributionType,
    PartnerType,
    ProfitSector,
    RelationshipStatus,
    StatusGroup,
)
from partnerships.models.records import Contribution, Partner
from partnerships.opendata import records, schema
from partnerships.opendata.selection import changed_since, contribution_selection, partner_selection
from partnerships.register import SORT_ORDERS
from portal.site_urls import absolute_url

logger = logging.getLogger(__name__)
CENT = Decimal("0.01")

LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)
DEFAULT_LIMIT = 50
MAX_LIMIT = 500
LIST_PARAMETERS = {"lang", "limit", "offset", "changed_since"}
CACHE_CONTROL = "public, max-age=300"
READ_METHODS = ("GET", "HEAD", "OPTIONS")
ISO_DATE_OR_DATETIME = r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$"


# Rendering: exact decimals, ISO dates, "Z" datetimes


def _json(value):
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, str | Promise):
        return json.dumps(str(value), ensure_ascii=False)
    if isinstance(value, int):
        return str(int(value))
    if isinstance(value, Decimal):
        return schema.plain_decimal(value) if value.is_finite() else "null"
    if isinstance(value, float):
        return json.dumps(value)
    if isinstance(value, datetime.datetime):
        return json.dumps(schema.iso_datetime(value))
    if isinstance(value, datetime.date):
        return json.dumps(value.isoformat())
    if isinstance(value, uuid.UUID):
        return json.dumps(str(value))
    if isinstance(value, dict):
        return "{" + ",".join(f"{_json(str(key))}:{_json(item)}" for key, item in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ",".join(_json(item) for item in value) + "]"
    raise TypeError(f"Cannot write {type(value).__name__} as JSON")


class ExactJSONRenderer(BaseRenderer):
    """JSON with every Decimal written as the number it is (1500000.00, never 1.5E+6 or a string)."""

    media_type = "application/json"

    def render(self, request, data, *, response_status):
        return _json(data)


# Errors: {"detail": ..., "errors": [{"parameter": ..., "message": ...}]}, in the language asked for


class ParameterError(Schema):
    parameter: str
    message: str


class ErrorOut(Schema):
    detail: str
    errors: list[ParameterError]


class ApiError(Exception):
    def __init__(self, status, detail, errors=()):
        self.status = status
        self.detail = detail
        self.errors = list(errors)


def requested_language(request):
    """The `lang` asked for when it is one of the site's languages, else the source language."""
    language = request.GET.get("lang", settings.LANGUAGE_CODE)
    return language if language in LANGUAGES else settings.LANGUAGE_CODE


def parameter_message(name):
    """Why a parameter was refused, in the active language."""
    if name == "lang":
        return gettext("Not one of the languages: %(languages)s.") % {"languages": ", ".join(LANGUAGES)}
    if name == "limit":
        return gettext("Must be a whole number from 1 to %(max)s.") % {"max": MAX_LIMIT}
    if name == "offset":
        return gettext("Must be a whole number, 0 or more.")
    if name == "changed_since":
        return gettext("Must be an ISO 8601 date or date and time, such as 2026-01-31 or 2026-01-31T12:00Z.")
    return gettext("Not a parameter of this endpoint, or not one of its values.")


def error_response(request, status, detail, errors=()):
    with translation.override(requested_language(request)):
        body = {
            "detail": str(detail),
            "errors": [{"parameter": name, "message": parameter_message(name)} for name in errors],
        }
    response = HttpResponse(_json(body), status=status, content_type="application/json; charset=utf-8")
    return response


def bad_parameters(names):
    return ApiError(400, gettext_lazy("Some parameters are not valid."), sorted(set(names)))


api = NinjaAPI(
    title="Partnerships Transparency Portal open data API",
    version="1.0.0",
    description=(
        "Read-only: the public partners, contributions, cooperation areas and figures of the register, "
        "with the same field names as the downloads under /data/ and the same filters as the pages. "
        "Unknown parameters and bad values are answered with 400 and a JSON body naming them."
    ),
    urls_namespace="opendata_api",
    docs_url=None,
    renderer=ExactJSONRenderer(),
)


@api.exception_handler(ApiError)
def _api_error(request, exc):
    return error_response(request, exc.status, exc.detail, exc.errors)


@api.exception_handler(NinjaValidationError)
def _validation_error(request, exc):
    names = [str(error["loc"][-1]) for error in exc.errors if error.get("loc")]
    return error_response(request, 400, gettext_lazy("Some parameters are not valid."), names)


@api.exception_handler(Http404)
def _not_found(request, exc):
    return error_response(request, 404, gettext_lazy("There is nothing at this address of the API."))


@api.exception_handler(HttpError)
def _http_error(request, exc):
    return error_response(request, exc.status_code, str(exc))


@api.exception_handler(Exception)
def _server_error(request, exc):
    logger.exception("Open data API error on %s", request.get_full_path())
    if isinstance(exc, DatabaseError):
        response = error_response(request, 503, gettext_lazy("The register cannot be read just now."))
        response["Retry-After"] = "120"
        return response
    return error_response(request, 500, gettext_lazy("Something went wrong on our side."))


# Response schemas, built from the contract


TYPES = {"string": str, "number": Decimal, "date": datetime.date, "datetime": datetime.datetime}
NUMBER = WithJsonSchema({"type": "number"})


def _field_type(column):
    if column.multiple:
        return list[str]
    if column.enum:
        kind = Literal[tuple(column.enum)]
    elif column.type == "number":
        kind = Annotated[Decimal, NUMBER]
    else:
        kind = TYPES[column.type]
    # A record's page is linked when the site has a directory or register to link to; records loaded
    # in bulk (bulk_create skips Wagtail's publishing) have no publication dates.
    nullable = not column.required or column.name == "url" or column.type == "datetime"
    return kind | None if nullable else kind


def _field(column):
    extra = {}
    if column.format in ("uuid", "uri"):
        extra["format"] = column.format
    return Field(
        ...,
        description=str(column.description),
        pattern=column.pattern or None,
        json_schema_extra=extra or None,
    )


def record_schema(name, resource):
    with translation.override(settings.LANGUAGE_CODE):
        fields = {column.name: (_field_type(column), _field(column)) for column in resource.columns}
    return create_model(name, __base__=Schema, **fields)


PartnerOut = record_schema("Partner", schema.PARTNERS)
ContributionOut = record_schema("Contribution", schema.CONTRIBUTIONS)
AreaOut = record_schema("CooperationArea", schema.COOPERATION_AREAS)


def list_schema(name, item):
    return create_model(
        name,
        __base__=Schema,
        count=(int, Field(..., description="How many records match, on every page.")),
        next=(str | None, Field(..., description="The next page's address, or null on the last.")),
        previous=(str | None, Field(..., description="The previous page's address, or null on the first.")),
        results=(list[item], Field(..., description="The records of this page.")),
    )


PartnerList = list_schema("PartnerList", PartnerOut)
ContributionList = list_schema("ContributionList", ContributionOut)
AreaList = list_schema("CooperationAreaList", AreaOut)


class FigureRowOut(Schema):
    key: str | int | None = Field(..., description="The code (or year) of the row; null for none.")
    label: str = Field(..., description="The row's name, in the language asked for.")
    count: int = Field(..., description="How many contributions.")
    value: Annotated[Decimal, NUMBER] = Field(..., description="Their value in the reporting currency.")
    without_rate: int = Field(
        ..., description="How many were left out of the value for want of an exchange rate."
    )


class FiguresOut(Schema):
    currency: str | None = Field(..., description="The reporting currency of every value (ISO 4217).")
    count: int = Field(..., description="Every contribution matching the filters, whatever its status.")
    committed: FigureRowOut
    pledged: FigureRowOut
    not_counted: FigureRowOut
    committed_in_kind: FigureRowOut
    by_type: list[FigureRowOut] = Field(..., description="Committed, by type of contribution.")
    by_year: list[FigureRowOut] = Field(..., description="Committed, by year signed (newest first).")
    by_area: list[FigureRowOut] = Field(..., description="Committed, by cooperation area.")
    by_sector: list[FigureRowOut] = Field(..., description="Committed, by partner sector.")


# Parameters


Language = Literal[LANGUAGES]


def _choices(choices):
    return Literal[tuple(code for code, _label in choices)]


class Common(Schema):
    lang: Language = Field(settings.LANGUAGE_CODE, description="The language of labels, texts and addresses.")


class Paging(Common):
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="How many records a page holds.")
    offset: int = Field(0, ge=0, description="How many matching records to skip.")
    changed_since: str | None = Field(
        None,
        pattern=ISO_DATE_OR_DATETIME,
        description="Only records published (or whose text in `lang` was) at or after this ISO 8601 "
        "date or date and time (UTC when no offset is given).",
    )


TEXT = Field(None, max_length=200, description="Keywords.")


class PartnerFilters(Schema):
    q: str | None = TEXT
    sector: _choices(ProfitSector.choices) | None = None
    type: _choices(PartnerType.choices) | None = Field(None, description="Type of partner.")
    area: str | None = Field(None, description="A cooperation area's code.")
    country: str | None = Field(None, description="ISO 3166-1 alpha-2 code.")
    contribution: _choices(ContributionType.choices) | None = Field(
        None, description="Partners with a public contribution of this type."
    )
    status: _choices(RelationshipStatus.choices) | None = Field(None, description="Relationship status.")
    sort: Literal["name", "start"] | None = None


class ContributionFilters(Schema):
    q: str | None = TEXT
    partner: str | None = Field(None, description="A partner's slug.")
    type: _choices(ContributionType.choices) | None = Field(None, description="Type of contribution.")
    year: int | None = Field(None, description="Year signed.")
    status_group: _choices(StatusGroup.choices) | None = None
    status: _choices(ContributionStatus.choices) | None = None
    sector: _choices(ProfitSector.choices) | None = Field(None, description="The partner's sector.")
    partner_type: _choices(PartnerType.choices) | None = None
    area: str | None = Field(None, description="A cooperation area's code.")
    currency: str | None = Field(None, description="ISO 4217 code of the original amount.")
    country: str | None = Field(None, description="The partner's country (ISO 3166-1 alpha-2).")
    sort: Literal[tuple(SORT_ORDERS)] | None = None


# Helpers


def _strict(request, selection):
    if selection.ignored:
        raise bad_parameters(selection.ignored)


def _only(request, allowed):
    unknown = [name for name in request.GET if name not in allowed]
    repeated = [name for name in request.GET if len(request.GET.getlist(name)) > 1]
    if unknown or repeated:
        raise bad_parameters(unknown + repeated)


def _moment(text):
    """The start of an ISO 8601 date, or a date and time (UTC when it has no offset), or None."""
    try:
        if len(text) == 10:
            moment = datetime.datetime.combine(datetime.date.fromisoformat(text), datetime.time())
        else:
            moment = datetime.datetime.fromisoformat(text)
    except ValueError:
        raise bad_parameters(["changed_since"]) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.UTC)
    return moment


def _page_url(request, offset):
    params = request.GET.copy()
    params["offset"] = offset
    return absolute_url(request, f"{request.path}?{params.urlencode()}")


def _page(request, queryset, paging, read_rows):
    """{count, next, previous, results} of `queryset` at paging.offset: one COUNT, one slice."""
    count = queryset.count()
    rows = []
    if paging.offset < count:
        rows = list(read_rows(queryset[paging.offset : paging.offset + paging.limit]))
    has_next = paging.offset + paging.limit < count
    return {
        "count": count,
        "next": _page_url(request, paging.offset + paging.limit) if has_next else None,
        "previous": _page_url(request, max(0, paging.offset - paging.limit)) if paging.offset else None,
        "results": [_blank_as_null(row) for row in rows],
    }


def _blank_as_null(row):
    return {name: (None if value == "" else value) for name, value in row.items()}


def _public_id(value, kind):
    try:
        return uuid.UUID(value)
    except ValueError:
        raise ApiError(404, _no_record(kind)) from None


def _no_record(kind):
    if kind == "partner":
        return gettext_lazy("No public partner has this id.")
    return gettext_lazy("No public contribution has this id.")


def _query_without(request, names):
    params = QueryDict(mutable=True)
    for name, values in request.GET.lists():
        if name not in names:
            params.setlist(name, values)
    return params


# Endpoints

router = Router(tags=["open data"])
ERRORS = {400: ErrorOut}


@router.get("/partners/", response={200: PartnerList, **ERRORS}, summary="Public partners")
def partners(request, paging: Query[Paging], filters: Query[PartnerFilters]):
    """The partners the directory lists for the same filters, in its order."""
    with translation.override(paging.lang):
        selection = partner_selection(request.GET, known=LIST_PARAMETERS)
        _strict(request, selection)
        records_ = selection.records
        if paging.changed_since:
            records_ = changed_since(records_, _moment(paging.changed_since))
        partner_url = records.record_url(request, "directory")
        return _page(request, records_, paging, lambda page: records.partner_rows(page, partner_url))


@router.get(
    "/partners/{id}", response={200: PartnerOut, 404: ErrorOut, **ERRORS}, summary="One public partner"
)
def partner(request, id: str, common: Query[Common]):
    """One public partner by its id (the `id` column)."""
    _only(request, {"lang"})
    key = _public_id(id, "partner")
    with translation.override(common.lang):
        partner_url = records.record_url(request, "directory")
        found = Partner.objects.public().filter(translation_key=key)
        for row in records.partner_rows(found, partner_url):
            return _blank_as_null(row)
        raise ApiError(404, _no_record("partner"))


@router.get("/contributions/", response={200: ContributionList, **ERRORS}, summary="Public contributions")
def contributions(request, paging: Query[Paging], filters: Query[ContributionFilters]):
    """The contributions the register lists for the same filters, in its order."""
    with translation.override(paging.lang):
        selection = contribution_selection(request.GET, known=LIST_PARAMETERS)
        _strict(request, selection)
        records_ = selection.records
        if paging.changed_since:
            records_ = changed_since(records_, _moment(paging.changed_since))
        contribution_url = records.record_url(request, "register")
        return _page(
            request, records_, paging, lambda page: records.contribution_rows(page, contribution_url)
        )


@router.get(
    "/contributions/{id}",
    response={200: ContributionOut, 404: ErrorOut, **ERRORS},
    summary="One public contribution",
)
def contribution(request, id: str, common: Query[Common]):
    """One public contribution by its id (the `id` column)."""
    _only(request, {"lang"})
    key = _public_id(id, "contribution")
    with translation.override(common.lang):
        contribution_url = records.record_url(request, "register")
        found = Contribution.objects.public().filter(translation_key=key)
        for row in records.contribution_rows(found, contribution_url):
            return _blank_as_null(row)
        raise ApiError(404, _no_record("contribution"))


class AreaPaging(Common):
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="How many areas a page holds.")
    offset: int = Field(0, ge=0, description="How many areas to skip.")


@router.get("/cooperation-areas/", response={200: AreaList, **ERRORS}, summary="Cooperation areas")
def cooperation_areas(request, paging: Query[AreaPaging]):
    """Every cooperation area, named in the language asked for."""
    _only(request, {"lang", "limit", "offset"})
    with translation.override(paging.lang):
        rows = list(records.area_rows())
    has_next = paging.offset + paging.limit < len(rows)
    return {
        "count": len(rows),
        "next": _page_url(request, paging.offset + paging.limit) if has_next else None,
        "previous": _page_url(request, max(0, paging.offset - paging.limit)) if paging.offset else None,
        "results": [_blank_as_null(row) for row in rows[paging.offset : paging.offset + paging.limit]],
    }


def _figure_row(row):
    return {
        "key": row.key,
        "label": str(row.label),
        "count": row.count,
        # Sums come back from SQLite with as many decimals as its arithmetic kept: money has two.
        "value": row.value.quantize(CENT),
        "without_rate": row.without_rate,
    }


@router.get("/figures/", response={200: FiguresOut, **ERRORS}, summary="The register's figures")
def figures(request, common: Query[Common], filters: Query[ContributionFilters]):
    """The totals the register shows for the same filters: committed, pledged and not counted, and the
    committed value by type, year, area and sector, in the reporting currency."""
    with translation.override(common.lang):
        selection = contribution_selection(request.GET, known={"lang"})
        _strict(request, selection)
        totals = compute_figures(selection.records, areas=dict(area_choices()))
        return {
            "currency": totals.currency,
            "count": totals.count,
            "committed": _figure_row(totals.committed),
            "pledged": _figure_row(totals.pledged),
            "not_counted": _figure_row(totals.not_counted),
            "committed_in_kind": _figure_row(totals.committed_in_kind),
            **{
                name: [_figure_row(row) for row in getattr(totals, name)]
                for name in ("by_type", "by_year", "by_area", "by_sector")
            },
        }


api.add_router("", router)


# Every address under /api/: read-only, JSON, open to any origin


def _cors(response):
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Allow-Methods"] = ", ".join(READ_METHODS)
    response["Access-Control-Allow-Headers"] = "Accept, Accept-Language, If-None-Match, If-Modified-Since"
    response["Access-Control-Max-Age"] = "86400"
    return response


def read_only(view):
    """GET and HEAD reach `view`; OPTIONS answers a CORS preflight; any other method is a 405 in JSON.
    Every answer may be read from any origin; a successful one may be cached for five minutes."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        method = request.method
        if method == "OPTIONS":
            response = HttpResponse(status=204, content_type="application/json")
            response["Allow"] = ", ".join(READ_METHODS)
            return _cors(response)
        if method not in ("GET", "HEAD"):
            response = error_response(
                request, 405, gettext_lazy("This API is read-only: use GET, HEAD or OPTIONS.")
            )
            response["Allow"] = ", ".join(READ_METHODS)
            return _cors(response)
        request.method = "GET"
        try:
            response = view(request, *args, **kwargs)
        except Http404 as exc:
            response = _not_found(request, exc)
        except Exception as exc:
            response = _server_error(request, exc)
        finally:
            request.method = method
        if response.status_code == 200:
            response["Cache-Control"] = CACHE_CONTROL
        if method == "HEAD" and not response.streaming:
            response["Content-Length"] = str(len(response.content))
            response.content = b""
        # LocaleMiddleware would answer a 404 outside the language prefixes with a redirect to
        # /<lang>/api/…, which Wagtail's catch-all route accepts: these addresses have no language prefix.
        request.urlconf = "partnerships.opendata.api_urls"
        return _cors(response)

    wrapper.csrf_exempt = True
    return wrapper


def nothing_here(request, rest=""):
    """Any other address under /api/: a 404 in JSON, or a redirect when only the final slash is missing."""
    if not request.path.endswith("/"):
        try:
            match = resolve(request.path + "/")
        except Resolver404:
            match = None
        if match is not None and match.url_name not in ("nothing-here", None):
            query = request.META.get("QUERY_STRING", "")
            response = error_response(request, 301, gettext_lazy("This address ends with a slash."))
            response["Location"] = request.path + "/" + (f"?{query}" if query else "")
            return response
    return error_response(request, 404, gettext_lazy("There is nothing at this address of the API."))


def docs_page(request):
    """The API described for people: its endpoints, parameters and fields, generated from the OpenAPI
    document and the open-data contract, on the site's own page (no script, nothing from elsewhere)."""
    language = requested_language(request)
    with translation.override(language):
        document = api.get_openapi_schema()
        endpoints = []
        for address, operations in document["paths"].items():
            for method, operation in operations.items():
                endpoints.append(
                    {
                        "method": method.upper(),
                        "path": address,
                        "summary": operation.get("summary", ""),
                        "parameters": [
                            {
                                "name": parameter["name"],
                                "where": parameter["in"],
                                "values": _enum(parameter.get("schema", {})),
                                "description": parameter.get("description")
                                or parameter.get("schema", {}).get("description", ""),
                            }
                            for parameter in operation.get("parameters", [])
                        ],
                    }
                )
        context = {
            "endpoints": endpoints,
            "resources": [schema.PARTNERS, schema.CONTRIBUTIONS, schema.COOPERATION_AREAS],
            "openapi_url": "/api/openapi.json",
            "languages": LANGUAGES,
            "language_urls": {code: f"{request.path}?{urlencode({'lang': code})}" for code in LANGUAGES},
            "max_limit": MAX_LIMIT,
            "default_limit": DEFAULT_LIMIT,
        }
        return render(request, "partnerships/api_docs.html", context)


def _enum(parameter_schema):
    for option in [parameter_schema, *parameter_schema.get("anyOf", [])]:
        if "enum" in option:
            return option["enum"]
    return []


@cache
def urls():
    """(URL patterns, app name) of the API, each read-only (see read_only), for include() at "api/"
    with namespace=api.urls_namespace."""
    patterns, app_name, _namespace = api.urls
    wrapped = [
        URLPattern(pattern.pattern, read_only(pattern.callback), pattern.default_args, pattern.name)
        for pattern in patterns
    ]
    wrapped += [
        path("docs", read_only(docs_page), name="docs"),
        re_path(r"^(?P<rest>.*)$", read_only(nothing_here), name="nothing-here"),
    ]
    return wrapped, app_name
