from django.core.paginator import EmptyPage, Paginator
from django.http import Http404


def paginate(request, queryset, per_page):
    """The requested page of `queryset`. A page number that is not a number shows page 1 (the caller
    says so); one past the end is a 404, because it names a page that does not exist."""
    paginator = Paginator(queryset, per_page)
    raw = request.GET.get("page", "1")
    invalid = False
    try:
        number = int(raw)
        if number < 1:
            raise ValueError
    except (TypeError, ValueError):
        number, invalid = 1, True
    try:
        page = paginator.page(number)
    except EmptyPage as error:
        raise Http404("No such page of results") from error
    return page, invalid
