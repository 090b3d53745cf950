from django.shortcuts import render
from django.utils.translation import gettext as _

from wagtail.models import Locale, Page

from portal.pagination import paginate

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10


def search(request):
    """Search the live pages of the reader's language."""
    query = request.GET.get("q", "").strip()
    notices = []
    if len(query) > MAX_QUERY_LENGTH:
        query = query[:MAX_QUERY_LENGTH]
        notices.append(
            _("Your search was longer than %(limit)s characters, so only the first %(limit)s were used.")
            % {"limit": MAX_QUERY_LENGTH}
        )
    query = "".join(ch for ch in query if ch.isprintable())

    results_page = None
    if query:
        results = Page.objects.live().public().filter(locale=Locale.get_active()).specific().search(query)
        results_page, invalid_page = paginate(request, results, RESULTS_PER_PAGE)
        if invalid_page:
            notices.append(_("The page number was not valid, so the first page of results is shown."))

    return render(
        request,
        "search/search.html",
        {"search_query": query, "results": results_page, "notices": notices},
    )
