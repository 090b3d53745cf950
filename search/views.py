"""/<lang>/search/: live pages, public partners and public contributions in the reader's language.

Records are found through the Wagtail search backend, which indexes every saved row, drafts included,
and can only filter on indexed fields (locale, live). So the backend is asked for live rows in the
reader's locale or the source locale, and the answer is then narrowed in the database to what is
public: a translation counts when its source record is public; a source record counts when it is
public and has no live translation in the reader's language (otherwise the reader sees, and searches,
the translation)."""

from django import forms
from django.db import connection
from django.shortcuts import render
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from partnerships.links import record_links
from partnerships.localize import Localized
from partnerships.models.records import Contribution, Partner
from portal import lists
from portal.lists import MAX_TEXT_LENGTH, LenientFilterForm
from portal.locales import active_locale, source_locale
from portal.pagination import PageOutOfRange, page_number
from portal.text import search_key

RESULTS_PER_PAGE = 10
PREVIEW_SIZE = 5
# How many backend hits per kind of record are considered, best first.
MAX_RECORD_HITS = 500
KINDS = {"pages": _("Pages"), "partners": _("Partners"), "contributions": _("Contributions")}
# What one result of each kind is called beside it; a page type may name its own (`search_result_kind`).
RESULT_KINDS = {
    "pages": pgettext_lazy("kind of search result", "Page"),
    "partners": pgettext_lazy("kind of search result", "Partner"),
    "contributions": pgettext_lazy("kind of search result", "Contribution"),
}


def search_pages(terms, locale):
    return Page.objects.live().public().filter(locale=locale).specific().search(terms)


def search_records(model, terms, locale, source_locale):
    """Public records matching `terms`, best first, as Localized in `locale`."""
    locales = {source_locale.pk, locale.pk}
    # On SQLite, Wagtail's database backend scores each hit with a full-text query of its own: a word
    # found in all of 20,000 contributions took 80 s. There, records come newest first, unranked.
    ranked = connection.vendor != "sqlite"
    records = model.objects.filter(live=True, locale__in=locales)
    hits = list(records.search(terms, order_by_relevance=ranked)[:MAX_RECORD_HITS])
    if not hits:
        return []
    keys = {hit.translation_key for hit in hits}
    public = model.objects.public().filter(translation_key__in=keys)
    # A partner shows its logo; a contribution names its partner.
    public = public.select_related("partner" if model is Contribution else "logo")
    sources = {record.translation_key: record for record in public}
    translated = set()
    if locale.pk != source_locale.pk:
        translated = set(
            model.objects.filter(locale=locale, live=True, translation_key__in=keys).values_list(
                "translation_key", flat=True
            )
        )
    results, seen = [], set()
    for hit in hits:
        key = hit.translation_key
        source = sources.get(key)
        if source is None or key in seen:
            continue
        in_readers_language = hit.locale_id == locale.pk
        if not in_readers_language and key in translated:
            continue
        seen.add(key)
        results.append(Localized(source, hit if in_readers_language else None, locale.language_code))
    return results


class SearchForm(LenientFilterForm):
    text_fields = ("q",)
    filter_fields = ("q", "kind")

    q = forms.CharField(label=_("Search"), required=False, max_length=MAX_TEXT_LENGTH)
    kind = forms.ChoiceField(label=_("Kind of result"), required=False, choices=[("", ""), *KINDS.items()])


def search(request):
    form = SearchForm(request.GET)
    url = request.path
    redirect = lists.canonical_redirect(request, form, url)
    if redirect is not None:
        return redirect
    query, kind = form.filters.get("q", ""), form.filters.get("kind", "")
    locale = active_locale()
    # The reader's words as search keys (portal.text), as the index holds the text (portal.indexing):
    # accents, case, Arabic spelling variants and the article do not matter. Punctuation is dropped,
    # which the backends would read as search syntax (a stray quote is an error in SQLite's).
    terms = search_key(query)
    context = {
        "search_query": query,
        "query_keys": terms.split(),
        "kind": kind,
        "filter_form": form,
        "notices": form.notices,
    }
    if terms:
        source = source_locale()
        groups = {
            "pages": search_pages(terms, locale),
            "partners": search_records(Partner, terms, locale, source),
            "contributions": search_records(Contribution, terms, locale, source),
        }
        counts = {
            name: (results.count() if name == "pages" else len(results)) for name, results in groups.items()
        }
        if kind:
            context.update(lists.list_context(request, form, groups[kind], RESULTS_PER_PAGE, url))
            groups = {kind: context["page_obj"].object_list}
        else:
            # Every kind's best results on one page; "kind" shows all of one kind, page by page.
            if request.GET.get("page") is not None:
                number = page_number(request.GET["page"])
                if number is None:
                    context["notices"] = form.notices + [lists.page_not_valid_notice()]
                elif number > 1:
                    raise PageOutOfRange(1, url + form.canonical_query())
            groups = {name: list(results[:PREVIEW_SIZE]) for name, results in groups.items()}
        context.update(
            {
                "groups": [
                    {
                        "name": name,
                        "label": KINDS[name],
                        "result_kind": RESULT_KINDS[name],
                        "results": results,
                        "count": counts[name],
                    }
                    for name, results in groups.items()
                ],
                "tabs": [
                    {"name": name, "label": label, "count": counts[name]} for name, label in KINDS.items()
                ],
                "total": sum(counts.values()),
            }
        )
        if not context["total"]:
            # Suggested instead: browsing the records, in the reader's language.
            context["record_links"] = record_links(request)
    elif query:
        context["notices"] = form.notices + [
            gettext("Your search had no words to look for. Try letters or numbers.")
        ]
    return render(request, "search/search.html", context)
