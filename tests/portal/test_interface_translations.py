"""The interface catalogues: every string of the code is translated in French, Spanish and Arabic.

What counts as translated is what gettext would serve: an entry that is neither obsolete (`#~`), fuzzy
nor empty. The strings of the code are extracted from a copy of the code (`tests.catalogues`), and the
tracked catalogues must come out of the extraction byte for byte as they went in."""

import hashlib
import re
import subprocess

import polib
import pytest

from tests.catalogues import LANGUAGES, catalog_path, extract_msgids, load_catalog

PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


def fingerprints():
    return {
        language: hashlib.sha256(catalog_path(language).read_bytes()).hexdigest() for language in LANGUAGES
    }


@pytest.fixture(params=LANGUAGES)
def catalog(request):
    return load_catalog(request.param)


def served_msgids(catalog):
    """The msgids gettext would translate: not obsolete, not fuzzy, every form filled in."""
    return {entry.msgid for entry in catalog.translated_entries()}


@pytest.fixture(scope="module")
def extraction(tmp_path_factory):
    """The extracted msgids, and the tracked catalogues' fingerprints before and after extracting."""
    before = fingerprints()
    msgids = {entry.msgid for entry in extract_msgids(tmp_path_factory.mktemp("extraction"))}
    return {"msgids": msgids, "before": before, "after": fingerprints()}


def test_the_extraction_finds_the_strings_of_the_code(extraction):
    """A guard on the guard: an extraction that found nothing would let every catalogue pass."""
    msgids = extraction["msgids"]
    assert len(msgids) > 400
    assert "Submit translation for review" in msgids  # Python code
    assert "Skip to main content" in msgids  # a template of portal/


def test_the_extraction_leaves_the_tracked_catalogues_untouched(extraction):
    assert extraction["after"] == extraction["before"]


def test_catalogs_translate_every_string_of_the_code(catalog, extraction):
    """A string added to the code without `make messages`, or an entry left obsolete, fuzzy or empty,
    would reach readers in English."""
    assert sorted(extraction["msgids"] - served_msgids(catalog)) == []


def test_every_entry_is_translated(catalog):
    assert [entry.msgid for entry in catalog.untranslated_entries()] == []
    assert [entry.msgid for entry in catalog.fuzzy_entries()] == []


def test_catalogs_keep_no_obsolete_entries(catalog):
    """`make messages` drops them (--no-obsolete): a catalogue full of `#~` lines is one that lost its
    strings."""
    assert [entry.msgid for entry in catalog.obsolete_entries()] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalogue_serves_every_string_of_the_code(language, extraction, tmp_path):
    """What Django loads is the `.mo` that `compilemessages` (msgfmt) makes: compile a copy and read it."""
    compiled = tmp_path / "django.mo"
    subprocess.run(
        ["msgfmt", "--check-format", "-o", str(compiled), str(catalog_path(language))],
        check=True,
        capture_output=True,
    )
    # msgfmt leaves out what is untranslated or fuzzy: what is in the file is what readers get.
    served = {entry.msgid for entry in polib.mofile(str(compiled)) if entry.msgid}
    assert len(served) >= len(extraction["msgids"])
    assert sorted(extraction["msgids"] - served) == []


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
