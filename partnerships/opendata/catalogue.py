"""What the open-data page says about each dataset, from the contract (schema) and the records: its
fields, its files in the reader's language, how many records it holds and when it last changed."""

from dataclasses import dataclass

from django.db.models import Count, Max
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from partnerships.links import record_links
from partnerships.models.records import Contribution, Partner
from partnerships.opendata import schema
from partnerships.opendata.links import FORMATS as FORMATS_OFFERED
from portal.site_urls import absolute_url

DATA_PATH = "/data/"
API_DOCS_PATH = "/api/docs"
OPENAPI_PATH = "/api/openapi.json"
TYPE_LABELS = {
    "string": _("Text"),
    "number": _("Number"),
    "integer": _("Whole number"),
    "date": _("Date"),
    "datetime": _("Date and time (UTC)"),
}
# The formats of each resource: the two registers in three, the reference tables as CSV.
FORMATS = {
    schema.PARTNERS.name: ("csv", "json", "xlsx"),
    schema.CONTRIBUTIONS.name: ("csv", "json", "xlsx"),
}
FORMAT_LABELS = {extension: label for extension, label, _media_type in FORMATS_OFFERED}


@dataclass
class Field:
    name: str
    type_label: str
    description: str
    required: bool
    codes: list  # [(code, label)], empty for free values


@dataclass
class Dataset:
    name: str
    title: str
    description: str
    fields: list
    files: list  # [(format label, address)]
    count: int | None = None


def data_url(file_name, language):
    query = f"?{urlencode({'lang': language})}" if language else ""
    return f"{DATA_PATH}{file_name}{query}"


def _fields(resource):
    return [
        Field(
            name=column.name,
            type_label=TYPE_LABELS[column.type],
            description=column.description,
            required=column.required,
            codes=column.code_labels() if column.choices else [],
        )
        for column in resource.columns
    ]


def _datasets(language, counts):
    datasets = []
    for resource in schema.RESOURCES:
        stem = resource.path.removesuffix(".csv")
        formats = FORMATS.get(resource.name, ("csv",))
        datasets.append(
            Dataset(
                name=resource.name,
                title=resource.title,
                description=resource.description,
                fields=_fields(resource),
                files=[(FORMAT_LABELS[kind], data_url(f"{stem}.{kind}", language)) for kind in formats],
                count=counts.get(resource.name),
            )
        )
    return datasets


def open_data_catalogue(request, page):
    language = get_language()
    partners = Partner.objects.public()
    contributions = Contribution.objects.public()
    # One query per register: how many public records, and the latest publication among them.
    summaries = {
        resource.name: records.aggregate(count=Count("pk"), latest=Max("last_published_at"))
        for resource, records in ((schema.PARTNERS, partners), (schema.CONTRIBUTIONS, contributions))
    }
    latest = [summary["latest"] for summary in summaries.values()]
    counts = {name: summary["count"] for name, summary in summaries.items()}
    links = record_links(request)
    return {
        "datasets": _datasets(language, counts),
        "package_url": data_url("datapackage.json", language),
        "licence": schema.LICENCE,
        "last_changed": max((moment for moment in latest if moment), default=None),
        "page_url": absolute_url(request, page.get_url(request)),
        "api_docs_url": f"{API_DOCS_PATH}?{urlencode({'lang': language})}",
        "openapi_url": OPENAPI_PATH,
        "feeds": [
            (title, f"{address}feed/")
            for title, address in (
                (_("Partners added or changed"), links.directory),
                (_("Contributions added or changed"), links.register),
            )
            if address
        ],
    }
