"""Pagination shared by every list page: one way to read the page number, one paginator."""

from django.core.paginator import EmptyPage, Paginator
from django.http import Http404
from django.utils.functional import cached_property


def page_number(raw):
    """The page number asked for, or None when it is not a plain positive number ("2", not "2.0",
    "-1", "٢" or a thousand digits)."""
    if raw.isascii() and raw.isdigit() and len(raw) < 10 and int(raw) >= 1:
        return int(raw)
    return None


class KnownCountPaginator(Paginator):
    """A paginator told how many items there are, by a query the page makes anyway (the directory's
    facet counts, the register's figures), so that it makes no COUNT query of its own."""

    def __init__(self, object_list, per_page, count, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.known_count = count

    @cached_property
    def count(self):
        return self.known_count


def paginate(request, queryset, per_page, count=None):
    """The requested page of `queryset` (of `count` items, when the caller knows it). A page number that
    is not a number shows page 1 (the caller says so); one past the end is a 404, because it names a
    page that does not exist."""
    if count is None:
        paginator = Paginator(queryset, per_page)
    else:
        paginator = KnownCountPaginator(queryset, per_page, count)
    number = page_number(request.GET.get("page", "1"))
    try:
        page = paginator.page(number or 1)
    except EmptyPage as error:
        raise Http404("No such page of results") from error
    return page, number is None
