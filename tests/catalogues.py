"""The interface catalogues and the strings of the code, for the tests that check one against the other."""

import shutil
from pathlib import Path

import polib
import pytest

from django.core.management import call_command
from django.test import override_settings

BASE_DIR = Path(__file__).resolve().parents[1]
LOCALE_DIR = BASE_DIR / "portal" / "locale"
LANGUAGES = ["fr", "es", "ar"]
# The folders `make messages` extracts from: everything of the project's own but its tests.
CODE_FOLDERS = ["portal", "home", "partnerships", "search", "translations"]


def catalog_path(language):
    return LOCALE_DIR / language / "LC_MESSAGES" / "django.po"


def load_catalog(language):
    return polib.pofile(str(catalog_path(language)))


def extract_msgids(scratch):
    """Every msgid (and plural msgid) in the code and templates, as `make messages` extracts them, but
    from a copy of the code in the folder `scratch`: run in the working tree, `makemessages` writes
    into any `locale` folder it finds beside the code, and so rewrote the tracked catalogues."""
    code = scratch / "code"
    for folder in CODE_FOLDERS:
        shutil.copytree(
            BASE_DIR / folder, code / folder, ignore=shutil.ignore_patterns("locale", "__pycache__", "*.mo")
        )
    output = scratch / "output" / "locale"
    output.mkdir(parents=True)
    with pytest.MonkeyPatch.context() as patch, override_settings(LOCALE_PATHS=[output]):
        patch.chdir(code)
        call_command("makemessages", locale=["fr"], verbosity=0)
    return polib.pofile(str(output / "fr" / "LC_MESSAGES" / "django.po"))
