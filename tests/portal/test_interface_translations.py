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
