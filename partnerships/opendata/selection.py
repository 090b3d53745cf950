"""Which public records a download or an API call returns: the same filters, with the same rules, as
the directory and the register, so that "download what I see" gives what the page lists.

Bad values are ignored as the pages ignore them, and the names of the parameters ignored are kept
so that the response can say so."""

from dataclasses import dataclass, field

from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Lower

from partnerships import register, summary
from partnerships.directory import PartnerDirectory
from partnerships.filters import SORT_BY_START, PartnerFilterForm
from partnerships.localize import area_choices, localized_areas
from partnerships.models.records import Contribution
from portal.locales import active_locale, is_source_language


@dataclass
class Selection:
    records: object  # an ordered queryset of public source records
    filters: dict  # the filters applied, e.g. {"type": "training"}
    query: str  # their canonical query string, "" or "?type=training"
    ignored: list = field(default_factory=list)  # names of the parameters ignored


def _ignored(form, params, known):
    names = set(form.errors) | set(form.repeated)
    if form.truncated:
        names |= set(form.text_fields)
    names |= {name for name in params if name not in form.fields and name not in known}
    return sorted(names)


def partner_selection(params, known=()):
    """The public partners the directory would list for `params` (a QueryDict), in its order."""
    areas = localized_areas()
    form = PartnerFilterForm(params, area_slugs=[area.slug for area in areas])
    ordering = [Lower("name"), "pk"]
    if form.sort_order == SORT_BY_START:
        ordering = [F("start_date").desc(nulls_last=True), *ordering]
    records = PartnerDirectory(form.filters, form.sort_order, areas).matching().order_by(*ordering)
    return Selection(records, form.filters, form.canonical_query(), _ignored(form, params, known))


def contribution_selection(params, known=()):
    """The public contributions the register would list for `params` (a QueryDict), in its order."""
    public = Contribution.objects.public()
    form = register.RegisterFilterForm(params, options=summary.register_options(), areas=area_choices())
    records = register.register_rows(register.filter_contributions(public, form.filters), form.sort_order)
    return Selection(records, form.filters, form.canonical_query(), _ignored(form, params, known))


def changed_since(records, moment, locale=None):
    """The records published at or after `moment`, or whose text in the reader's language was."""
    locale = locale or active_locale()
    changed = Q(last_published_at__gte=moment)
    if not is_source_language(locale.language_code):
        translation_changed = records.model.objects.filter(
            translation_key=OuterRef("translation_key"),
            locale=locale,
            live=True,
            last_published_at__gte=moment,
        )
        changed |= Q(Exists(translation_changed))
    return records.filter(changed)
