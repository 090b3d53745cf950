"""/<lang>/search/: live pages, public partners and public contributions in the reader's language.

Records are found through the Wagtail search backend, which indexes every saved row, drafts included,
and can only filter on indexed fields (locale, live). So the backend is asked for live rows in the
reader's locale or the source locale, and the answer is then narrowed in the database to what is
public: a translation counts when its source record is public; a source record counts when it is
public and has no live translation in the reader's language (otherwise the reader sees, and searches,
the translation)."""

import re

from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Page

from home.locales import active_locale
from partnerships.filters import MAX_QUERY_LENGTH, clean_text
from partnerships.localize import Localized
from partnerships.models import Contribution, Partner, PartnerIndexPage
from portal.pagination import page_number, paginate

RESULTS_PER_PAGE = 10
PREVIEW_SIZE = 5
# How many backend hits per kind of record are considered, best first.
MAX_RECORD_HITS = 500
KINDS = {"pages": _("Pages"), "partners": _("Partners"), "contributions": _("Contributions")}


def search_terms(query):
    """The words of `query` for the search backend: punctuation (quotes, brackets, operators) would be
    read as search syntax, and a stray quote is an error in SQLite's full-text search."""
    return " ".join(re.sub(r"[^\w]+", " ", query).split())


def search_pages(terms, locale):
    return Page.objects.live().public().filter(locale=locale).specific().search(terms)


def search_records(model, terms, locale, source_locale):
    """Public records matching `terms`, best first, as Localized in `locale`."""
    locales = {source_locale.pk, locale.pk}
    hits = list(model.objects.filter(live=True, locale__in=locales).search(terms)[:MAX_RECORD_HITS])
    if not hits:
        return []
    keys = {hit.translation_key for hit in hits}
    public = model.objects.public().filter(translation_key__in=keys)
    if model is Contribution:
        public = public.select_related("partner")
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


def search(request):
    query, truncated = clean_text(request.GET.get("q", ""))
    notices = []
    if truncated:
        notices.append(
            gettext(
                "Your search was longer than %(limit)s characters, so only the first %(limit)s were used."
            )
            % {"limit": MAX_QUERY_LENGTH}
        )
    kind = request.GET.get("kind", "")
    if kind and kind not in KINDS:
        notices.append(gettext("The kind of result asked for is not one we know, so every kind is shown."))
        kind = ""

    locale = active_locale()
    terms = search_terms(query)
    context = {"search_query": query, "kind": kind, "notices": notices}
    if terms:
        source_locale = Locale.get_default() if locale.language_code != settings.LANGUAGE_CODE else locale
        groups = {
            "pages": search_pages(terms, locale),
            "partners": search_records(Partner, terms, locale, source_locale),
            "contributions": search_records(Contribution, terms, locale, source_locale),
        }
        counts = {
            name: (results.count() if name == "pages" else len(results)) for name, results in groups.items()
        }
        if kind:
            results_page, invalid_page = paginate(request, groups[kind], RESULTS_PER_PAGE)
            if invalid_page:
                notices.append(
                    gettext("The page number was not valid, so the first page of results is shown.")
                )
            groups = {kind: results_page.object_list}
            context["results_page"] = results_page
        else:
            # Every kind's best results on one page; "kind" shows all of one kind, page by page.
            raw_page = request.GET.get("page")
            if raw_page is not None:
                number = page_number(raw_page)
                if number is None:
                    notices.append(
                        gettext("The page number was not valid, so the first page of results is shown.")
                    )
                elif number > 1:
                    raise Http404("No such page of results")
            groups = {name: list(results[:PREVIEW_SIZE]) for name, results in groups.items()}
        directory = PartnerIndexPage.objects.live().filter(locale=locale).first()
        context.update(
            {
                "groups": [
                    {"name": name, "label": KINDS[name], "results": results, "count": counts[name]}
                    for name, results in groups.items()
                ],
                "tabs": [
                    {"name": name, "label": label, "count": counts[name]} for name, label in KINDS.items()
                ],
                "total": sum(counts.values()),
                "directory_url": directory.get_url(request) if directory else None,
            }
        )
    elif query:
        notices.append(gettext("Your search had no words to look for. Try letters or numbers."))
    return render(request, "search/search.html", context)
