"""The four list pages share one kit (portal.lists): one canonical address per selection, one notice
for a value that is ignored, and canonical previous/next links."""

from decimal import Decimal

import pytest

from partnerships.models import ContributionType, InKindUnit, ValuationMethod
from tests.factories import public_contribution

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("asked", "canonical"),
    [
        ("/en/partners/?status=active&q=&sector=for_profit", "/en/partners/?sector=for_profit&status=active"),
        (
            "/en/contributions/?year=&currency=EUR&type=equipment",
            "/en/contributions/?type=equipment&currency=EUR",
        ),
        ("/fr/updates/?year=&page=1", "/fr/updates/"),
        ("/es/search/?kind=partners&q=cyber", "/es/search/?q=cyber&kind=partners"),
    ],
)
def test_another_spelling_of_a_selection_redirects_to_its_canonical_address(client, asked, canonical):
    # The register offers a currency once a public contribution is valued in it.
    public_contribution(
        contribution_type=ContributionType.EQUIPMENT,
        amount=None,
        quantity=Decimal("3"),
        unit=InKindUnit.ITEMS,
        estimated_value=Decimal("1500"),
        valuation_method=ValuationMethod.MARKET_FAIR_VALUE,
        currency="EUR",
    )
    response = client.get(asked)
    assert response.status_code == 302
    assert response["Location"] == canonical
    assert client.get(canonical).status_code == 200


@pytest.mark.parametrize(
    ("url", "label"),
    [
        ("/en/partners/?type=spaceship", "Type of partner"),
        ("/en/contributions/?type=spaceship", "Type of contribution"),
        ("/en/updates/?year=1066", "Year"),
        ("/en/search/?q=cyber&kind=spaceship", "Kind of result"),
    ],
)
def test_an_ignored_value_is_said_the_same_way_on_every_list_page(client, url, label):
    response = client.get(url)
    assert response.status_code == 200
    assert response.context["notices"] == [
        f"The value given for “{label}” is not one of its options, so that filter was ignored."
    ]


@pytest.mark.parametrize("url", ["/en/partners/", "/en/contributions/", "/en/updates/"])
def test_a_list_page_names_its_canonical_address(client, url):
    response = client.get(url + "?page=abc")
    assert response.status_code == 200
    assert response.context["canonical_url"] == f"http://localhost{url}"
    assert "The page number was not valid, so the first page is shown." in response.context["notices"]
