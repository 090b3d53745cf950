"""A public record's publication history: when it was first published and the days its later changes
were published, from Wagtail's publish log entries of the source record and of its live translation in
the reader's language. Dates only: who published, and what any draft said, are never read."""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models.functions import TruncDate
from django.utils import timezone

from wagtail.models import ModelLogEntry

HISTORY_LENGTH = 10


@dataclass
class PublicationHistory:
    first_published: object = None  # a date
    changes: list = field(default_factory=list)  # dates, newest first


def publication_history(record, translation_pk=None, limit=HISTORY_LENGTH):
    """The history of a public source `record` as a reader sees it, `translation_pk` being its live
    translation in the reader's language (None when there is none): one query.

    A translation that is not live has no say, and the publication that first put the record on the
    register is its first publication, not a change. Several publications on one day are one date."""
    ids = [str(record.pk)]
    if translation_pk is not None and translation_pk != record.pk:
        ids.append(str(translation_pk))
    published = ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(type(record)),
        object_id__in=ids,
        action="wagtail.publish",
    )
    first = published.filter(object_id=str(record.pk)).order_by("timestamp", "pk").values("pk")[:1]
    changes = (
        published.exclude(pk__in=first)
        .annotate(day=TruncDate("timestamp"))
        .order_by("-day")
        .values_list("day", flat=True)
        .distinct()[:limit]
    )
    first_published = record.first_published_at
    return PublicationHistory(
        first_published=timezone.localdate(first_published) if first_published else None,
        changes=list(changes),
    )
