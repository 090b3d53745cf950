"""The pagination every list page shares: one page-number parser, one paginator."""

import pytest

from django.http import Http404
from django.test import RequestFactory

from partnerships.models import Contribution
from portal.pagination import page_number, paginate
from tests.directory_helpers import bulk_public_contributions
from tests.factories import public_partner


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("1", 1),
        ("42", 42),
        ("0", None),
        ("-1", None),
        ("2.0", None),
        (" 2", None),
        ("٢", None),
        ("9" * 12, None),
        ("", None),
        ("abc", None),
    ],
)
def test_page_number(raw, expected):
    assert page_number(raw) == expected


@pytest.mark.django_db
def test_a_known_count_spares_the_count_query(django_assert_num_queries):
    bulk_public_contributions(public_partner(), 25, prefix="PAGED")
    request = RequestFactory().get("/", {"page": "2"})
    queryset = Contribution.objects.order_by("pk")
    total = queryset.count()
    assert total == 25
    with django_assert_num_queries(1):  # the page's rows, no COUNT
        page, invalid = paginate(request, queryset, 10, count=total)
        rows = list(page.object_list)
    assert not invalid
    assert rows == list(queryset[10:20])
    assert page.paginator.num_pages == -(-total // 10)


@pytest.mark.django_db
def test_a_bad_page_number_shows_the_first_page_and_one_past_the_end_is_not_found():
    bulk_public_contributions(public_partner(), 15, prefix="PAGED")
    queryset = Contribution.objects.order_by("pk")
    page, invalid = paginate(RequestFactory().get("/", {"page": "abc"}), queryset, 10)
    assert (page.number, invalid) == (1, True)
    assert list(page.object_list) == list(queryset[:10])
    last, invalid = paginate(RequestFactory().get("/", {"page": "2"}), queryset, 10)
    assert (last.number, len(last.object_list), invalid) == (2, 5, False)
    for past_the_end in ["3", "100000"]:
        with pytest.raises(Http404):
            paginate(RequestFactory().get("/", {"page": past_the_end}), queryset, 10)
