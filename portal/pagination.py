"""Pagination shared by every list page: one way to read the page number, one paginator, one set of
numbered links, and one answer to a page past the end."""

from django.core.paginator import EmptyPage, Paginator
from django.http import Http404
from django.utils.functional import cached_property

# How many page numbers are linked on each side of the current one; the first and the last are
# always linked, and the gaps between are shown as an ellipsis.
NEIGHBOURS = 2


def page_number(raw):
    """The page number asked for, or None when it is not a plain positive number ("2", not "2.0",
    "-1", "٢" or a thousand digits)."""
    if raw.isascii() and raw.isdigit() and len(raw) < 10 and int(raw) >= 1:
        return int(raw)
    return None


class PageOutOfRange(Http404):
    """A page number past the end of a list. It is still a 404 (the page does not exist), which
    portal.views.page_not_found answers with a link to `last_url`, the list's last page."""

    def __init__(self, last_page, last_url=None):
        super().__init__("No such page of results")
        self.last_page = last_page
        self.last_url = last_url


class KnownCountPaginator(Paginator):
    """A paginator told how many items there are, by a query the page makes anyway (the directory's
    facet counts, the register's figures), so that it makes no COUNT query of its own."""

    def __init__(self, object_list, per_page, count, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.known_count = count

    @cached_property
    def count(self):
        return self.known_count


def paginate(request, queryset, per_page, count=None, address=None):
    """The requested page of `queryset` (of `count` items, when the caller knows it). A page number that
    is not a number shows page 1 (the caller says so); one past the end raises PageOutOfRange, with the
    last page's address from `address(number)` when given."""
    if count is None:
        paginator = Paginator(queryset, per_page)
    else:
        paginator = KnownCountPaginator(queryset, per_page, count)
    number = page_number(request.GET.get("page", "1"))
    try:
        page = paginator.page(number or 1)
    except EmptyPage as error:
        last = paginator.num_pages
        raise PageOutOfRange(last, address(last) if address else None) from error
    return page, number is None


def page_links(page, address):
    """The numbered links of a page of results: first, previous, a window of numbers around the current
    page (None where numbers are skipped), next and last, each with its address from `address(number)`."""
    current, last = page.number, page.paginator.num_pages
    shown = sorted({1, last, *range(max(1, current - NEIGHBOURS), min(last, current + NEIGHBOURS) + 1)})
    numbers = []
    for number in shown:
        if numbers and number - numbers[-1]["number"] > 1:
            numbers.append(None)
        numbers.append({"number": number, "url": address(number), "is_current": number == current})
    return {
        "first_url": address(1) if current > 1 else None,
        "previous_url": address(current - 1) if page.has_previous() else None,
        "next_url": address(current + 1) if page.has_next() else None,
        "last_url": address(last) if current < last else None,
        "numbers": numbers,
    }
