"""The shared test helpers: the factories (with translations), and test modules that import helpers
rather than each other."""

import ast
import pathlib

import pytest

from partnerships.models import CooperationArea, Partner
from tests.factories import (
    LANGUAGES,
    CooperationAreaFactory,
    LocaleFactory,
    PartnerFactory,
    locale,
    public_contribution,
    public_partner,
)

TESTS = pathlib.Path(__file__).resolve().parent


def test_no_test_module_imports_another():
    """Helpers live in modules of their own (factories.py, *_helpers.py, …): importing a test module
    would collect its tests twice and tie one feature's tests to another's."""
    offenders = []
    for path in TESTS.rglob("test_*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""] + [f"{node.module}.{alias.name}" for alias in node.names]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            if any(name.rpartition(".")[2].startswith("test_") for name in names):
                offenders.append(str(path.relative_to(TESTS)))
    assert offenders == []


@pytest.mark.django_db
def test_the_four_locales():
    assert [locale(code).language_code for code in LANGUAGES] == ["en", "fr", "es", "ar"]
    assert LocaleFactory(language_code="fr") == locale("fr")


@pytest.mark.django_db
def test_record_factories_make_translations_in_the_state_of_the_record():
    draft = PartnerFactory(translations={"fr": {"summary": "Un partenaire d'essai."}})
    french = Partner.objects.get(translation_key=draft.translation_key, locale=locale("fr"))
    assert (french.summary, french.live) == ("Un partenaire d'essai.", False)

    partner = public_partner(translations={"ar": {"summary": "شريك تجريبي."}})
    arabic = Partner.objects.get(translation_key=partner.translation_key, locale=locale("ar"))
    assert arabic.live and arabic.live_revision_id == arabic.latest_revision_id
    assert Partner.objects.public().filter(pk=partner.pk).exists()

    contribution = public_contribution(partner=partner, translations={"es": {"title": "Una prueba"}})
    assert contribution.get_translation(locale("es")).live

    area = CooperationAreaFactory(translations={"fr": {"name": "Domaine d'essai"}})
    assert CooperationArea.objects.get(translation_key=area.translation_key, locale=locale("fr")).name == (
        "Domaine d'essai"
    )
