import re
from pathlib import Path

import polib
import pytest

LOCALE_DIR = Path(__file__).resolve().parents[2] / "portal" / "locale"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


@pytest.fixture(params=["fr", "es", "ar"])
def catalog(request):
    return polib.pofile(str(LOCALE_DIR / request.param / "LC_MESSAGES" / "django.po"))


def test_every_interface_string_is_translated(catalog):
    assert [entry.msgid for entry in catalog.untranslated_entries()] == []
    assert [entry.msgid for entry in catalog.fuzzy_entries()] == []


def test_translations_keep_their_placeholders(catalog):
    for entry in catalog.translated_entries():
        expected = set(PLACEHOLDER.findall(entry.msgid))
        if entry.msgid_plural:
            # Singular forms may spell the number out ("one result"), so only the other forms must carry it.
            forms = [text for index, text in sorted(entry.msgstr_plural.items()) if index > 2]
            forms = forms or list(entry.msgstr_plural.values())[1:]
        else:
            forms = [entry.msgstr]
        for text in forms:
            assert set(PLACEHOLDER.findall(text)) == expected, (entry.msgid, text)


def test_catalogs_declare_their_plural_rules(catalog):
    assert "nplurals=" in catalog.metadata["Plural-Forms"]


@pytest.fixture(scope="module")
def extracted_msgids(tmp_path_factory, monkeypatch_module):
    """Every msgid in the code and templates, as `make messages` extracts them (into a scratch folder)."""
    from django.core.management import call_command
    from django.test import override_settings

    scratch = tmp_path_factory.mktemp("locale")
    monkeypatch_module.chdir(LOCALE_DIR.parents[1])
    with override_settings(LOCALE_PATHS=[scratch]):
        call_command("makemessages", locale=["fr"], ignore_patterns=[".venv", "staticfiles"], verbosity=0)
    return {entry.msgid for entry in polib.pofile(str(scratch / "fr" / "LC_MESSAGES" / "django.po"))}


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def test_catalogs_hold_every_string_of_the_code(catalog, extracted_msgids):
    """A string added to the code without `make messages` would reach readers in English."""
    assert sorted(extracted_msgids - {entry.msgid for entry in catalog}) == []
