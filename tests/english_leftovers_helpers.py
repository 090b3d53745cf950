"""The scan for English leftovers on the French, Spanish and Arabic sites, and the pages it reads: every
kind of public page, found by following the site's own links, error pages included. Every interface
string must reach the reader in their language.

The scan reads the text a reader sees (and the text a screen reader announces) around the content:
labels, legends, buttons, table headers, captions, navigation, footer, notices and headings. What may
legitimately stay as it is written is set aside first:

* elements marked with a `lang` other than the page's: the language selector, and records shown in
  English until their translation is approved (`is_fallback`), which templates mark with their own `lang`;
* `<bdi>` contents: partner names, agreement references and currency codes are proper names or codes,
  isolated from the text around them; and, where no <bdi> fits (a select's options), elements marked
  `translate="no"`;
* URLs, e-mail addresses and a few code names (ISO codes, file formats).

Two detectors then look at what is left:

* every language: the English text of the interface itself. Each msgid extracted from the code (unless
  the language translates it by the same words) is cut at its placeholders into phrases, and a phrase
  found on the page is a string that escaped translation (a msgid missing from the catalogue, an entry
  left obsolete, fuzzy or empty);
* Arabic: any run of Latin letters, since Arabic pages have no Latin words of their own.
"""

import re
import uuid
from urllib.parse import urlencode, urlsplit

import pytest
from bs4 import BeautifulSoup
from bs4.element import PreformattedString

from django.test import Client, override_settings

from tests.catalogues import load_catalog

# Code names readers meet as they are in every language. Three capital letters (ISO 4217 currencies
# such as EUR, ISO 3166 country codes) are let through by pattern; see `_is_allowed`.
ALLOWED_WORDS = {"ISO", "CSV", "JSON", "XLSX", "API", "OpenAPI", "Atom", "RSS", "SVG", "PDF"}

# Attributes whose text reaches the reader: tooltips, alternative text, accessible names, and the
# labels the stacked phone layout of the register shows through CSS (`content: attr(data-label)`).
READER_ATTRIBUTES = ("title", "alt", "aria-label", "placeholder", "data-label")

# Elements whose text is never shown.
SILENT_TAGS = ("script", "style", "noscript", "template")

URL_OR_EMAIL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|(?<!\S)/\S*")
# A run of Latin words, so that a leftover is reported as the phrase a translator will look for.
# Latin letters with their accented forms (Latin-1 Supplement and Latin Extended-A/B).
LATIN = "A-Za-zÀ-ÖØ-öø-ɏ"
LATIN_PHRASE = re.compile(rf"[{LATIN}][{LATIN}'’]*(?:[ \t\n,.:;()\-–—/&]+[{LATIN}][{LATIN}'’]*)*\)?")
LATIN_WORD = re.compile(rf"[{LATIN}]{{3,}}")
# Where a msgid is cut into the phrases looked for: placeholders, markup and punctuation that the
# translation may move or replace.
MSGID_CUTS = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}|<[^>]+>|[“”\"«»:;()…·|—–!?]|\n|\.(?:\s|$)")


def _is_allowed(word):
    return word in ALLOWED_WORDS or re.fullmatch(r"[A-Z]{3}", word) is not None


def reader_texts(html, language):
    """The pieces of text a reader of the page sees or hears, minus what may stay as it is written."""
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.find_all(SILENT_TAGS):
        element.decompose()
    # Names and codes isolated in <bdi> are meant to stay as they are written. The same names may
    # appear where no markup can isolate them (the <title>, attributes), so they are spared there too.
    names = set()
    for element in soup.find_all("bdi") + soup.find_all(attrs={"translate": "no"}):
        names.add(element.get_text(" ", strip=True))
        element.decompose()
    # Text in another language is marked as such on purpose (fallbacks, the language selector).
    for element in soup.find_all(lang=True):
        is_page_language = element["lang"].lower().startswith(language)
        if element.name != "html" and not element.decomposed and not is_page_language:
            element.decompose()

    # Comments and the doctype are never shown.
    texts = [text for text in soup.find_all(string=True) if not isinstance(text, PreformattedString)]
    for element in soup.find_all(True):
        texts.extend(element[attribute] for attribute in READER_ATTRIBUTES if element.has_attr(attribute))
        if element.name == "input" and element.get("type") in ("submit", "button", "reset"):
            texts.append(element.get("value", ""))
    description = soup.find("meta", attrs={"name": "description"})
    if description is not None:
        texts.append(description.get("content", ""))
    # Longest first, so that a name containing another name is removed whole.
    names = sorted(filter(None, names), key=len, reverse=True)
    spared = []
    for text in map(str, texts):
        for name in names:
            text = text.replace(name, " ")
        spared.append(URL_OR_EMAIL.sub(" ", " ".join(text.split())))
    return spared


def interface_phrases(code_msgids, language):
    """The English phrases of the interface that must not be seen on a page in `language`: the pieces
    of each msgid of the code, at least two words or one long word, except those the language's own
    translations use ("Description", "Contributions", a msgid translated by the same words)."""
    catalog = load_catalog(language)
    translated_text = " ".join(
        entry.msgstr or " ".join(entry.msgstr_plural.values()) for entry in catalog.translated_entries()
    )
    own_words = set(re.findall(rf"[{LATIN}]+", translated_text))
    phrases = set()
    for entry in code_msgids:
        for msgid in filter(None, [entry.msgid, entry.msgid_plural]):
            for piece in MSGID_CUTS.split(msgid):
                phrase = " ".join(piece.split()).strip(" ,.'’/-&")
                words = re.findall(rf"[{LATIN}]+", phrase)
                long_enough = len(words) >= 2 or (
                    len(words) == 1 and len(words[0]) >= 5 and words[0] not in own_words
                )
                if long_enough and phrase not in translated_text:
                    phrases.add(phrase)
    return sorted(phrases, key=len, reverse=True)


def english_leftovers(html, language, phrases):
    """The English phrases left on a page in `language`, each listed once: the interface `phrases`
    and, on an Arabic page, any Latin words."""
    texts = reader_texts(html, language)
    page_text = "\n".join(texts)
    leftovers = [
        phrase
        for phrase in phrases
        if phrase in page_text and re.search(rf"(?<![{LATIN}]){re.escape(phrase)}(?![{LATIN}])", page_text)
    ]
    if language == "ar":
        for text in texts:
            for phrase in LATIN_PHRASE.findall(text):
                words = [word for word in LATIN_WORD.findall(phrase) if not _is_allowed(word)]
                phrase = " ".join(phrase.split()).strip(" ,.:;-–—/&")
                if phrase.endswith(")") and "(" not in phrase:
                    phrase = phrase[:-1]
                if words and phrase not in leftovers:
                    leftovers.append(phrase)
    return leftovers


# The pages: every kind of public page, found by following the site's own links ------------------------

SEARCHES = {
    # A query with results, and one without, in each language: the query is echoed on the page.
    "fr": ("cybersécurité", "motinexistantzq"),
    "es": ("ciberseguridad", "palabrainexistentezq"),
    "ar": ("الأمن السيبراني", "كلمة لا وجود لها"),
}


def _soup(response):
    return BeautifulSoup(response.content, "html.parser")


def _get(client, url, expected_status=200):
    response = client.get(url)
    assert response.status_code == expected_status, url
    return response


def alternate_path(client, english_url, language):
    """The page in `language`, found through the English one's hreflang: its slug may be translated."""
    english = _soup(_get(client, english_url))
    return urlsplit(english.select_one(f'link[rel="alternate"][hreflang="{language}"]')["href"]).path


def first_option(form, name):
    return next(option["value"] for option in form.select(f'select[name="{name}"] option') if option["value"])


def empty_register_url(client, url):
    """The register filtered on a combination that no contribution matches: the empty state."""
    form = _soup(_get(client, url)).select_one("form.filters")
    options = {
        name: [option["value"] for option in form.select(f'select[name="{name}"] option') if option["value"]]
        for name in ("type", "year", "status")
    }
    for year in reversed(options["year"]):
        for status in options["status"]:
            for contribution_type in options["type"]:
                candidate = f"{url}?{urlencode({'type': contribution_type, 'year': year, 'status': status})}"
                if _soup(_get(client, candidate)).select_one(".empty-state"):
                    return candidate
    pytest.fail("Every filter combination matches a contribution: no empty state to check.")


# What an applicant types, in their language: the form shows it again after an error.
TYPED = {
    "fr": (
        "Zqx Analyse légale",
        "Ana Martín",
        "Des licences de nos logiciels pour les laboratoires de police.",
        "Elles aident les enquêtes.",
    ),
    "es": (
        "Zqx Análisis forense",
        "Ana Martín",
        "Licencias de nuestro programa para los laboratorios de policía.",
        "Ayudan a las investigaciones.",
    ),
    "ar": (
        "مؤسسة التحليل الجنائي",
        "آنا مارتن",
        "تراخيص برمجياتنا لمختبرات الشرطة الجنائية في الدول الأعضاء.",
        "تساعد التحقيقات.",
    ),
}


def application(language, **overrides):
    organisation, contact, proposal, alignment = TYPED[language]
    data = {
        "organisation_name": organisation,
        "organisation_type": "for_profit_company",
        "country": "FR",
        "website": "https://scan.example",
        "contact_name": contact,
        "email": "ana@scan.example",
        "phone": "+33 4 72 44 70 00",
        "contribution_types": ["software_licence"],
        "proposal": proposal,
        "alignment": alignment,
        "consent": "on",
        "submission_token": str(uuid.uuid4()),
    }
    data.update(overrides)
    return data


def scanned_pages(client, language):
    """{label: response} for every kind of public page in `language`."""
    pages = {}
    home = f"/{language}/"
    pages["home"] = _get(client, home)
    for link in _soup(pages["home"]).select(".primary-nav a"):
        pages.setdefault(f"menu: {link['href']}", _get(client, link["href"]))

    directory = alternate_path(client, "/en/partners/", language)
    directory_form = _soup(_get(client, directory)).select_one(".directory-filters")
    pages["directory"] = _get(client, directory)
    pages["directory, filtered"] = _get(
        client, f"{directory}?{urlencode({'type': first_option(directory_form, 'type')})}"
    )
    pages["directory, no results"] = _get(client, f"{directory}?{urlencode({'q': SEARCHES[language][1]})}")
    pages["directory, bad filter values"] = _get(client, f"{directory}?type=zzz&country=QQ&page=abc&sort=zzz")
    cards = _soup(pages["directory"]).select(".partner-card")
    pages["partner profile"] = _get(client, cards[0].select_one(".partner-card__name a")["href"])
    untranslated = [card for card in cards if card.select_one(".translation-notice") is not None]
    if untranslated:
        pages["partner profile, not yet translated"] = _get(
            client, untranslated[0].select_one(".partner-card__name a")["href"]
        )

    register = alternate_path(client, "/en/contributions/", language)
    register_form = _soup(_get(client, register)).select_one("form.filters")
    pages["register"] = _get(client, register)
    pages["register, filtered"] = _get(
        client, f"{register}?{urlencode({'type': first_option(register_form, 'type')})}"
    )
    pages["register, empty state"] = _get(client, empty_register_url(client, register))
    pages["register, bad filter values"] = _get(client, f"{register}?year=abcd&type=zzz&status=&page=abc")

    search = f"/{language}/search/"
    found, not_found = SEARCHES[language]
    pages["search, results"] = _get(client, f"{search}?{urlencode({'q': found})}")
    assert _soup(pages["search, results"]).select(".search-results li"), "The search found nothing to scan"
    pages["search, no result"] = _get(client, f"{search}?{urlencode({'q': not_found})}")
    pages["search, unknown kind"] = _get(client, f"{search}?{urlencode({'q': found, 'kind': 'zzz'})}")

    updates = alternate_path(client, "/en/updates/", language)
    pages["updates"] = _get(client, updates)
    pages["an update"] = _get(client, _soup(pages["updates"]).select_one(".update-list__title a")["href"])

    apply = alternate_path(client, "/en/apply/", language)
    pages["apply"] = _get(client, apply)
    pages["apply, with errors"] = client.post(
        apply, application(language, organisation_name="", email="not-an-address")
    )
    assert pages["apply, with errors"].status_code == 400
    with override_settings(PORTAL_APPLICATIONS_PER_HOUR=0):
        pages["apply, too many proposals (429)"] = client.post(apply, application(language))
    assert pages["apply, too many proposals (429)"].status_code == 429
    pages["apply, thank-you"] = client.post(apply, application(language), follow=True)
    assert pages["apply, thank-you"].redirect_chain, "The valid proposal was not accepted"

    strict = Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE=language)
    pages["apply, CSRF failure"] = strict.post(apply, application(language))
    assert pages["apply, CSRF failure"].status_code == 403
    pages["CSRF failure elsewhere"] = strict.post(search, {"q": found})
    assert pages["CSRF failure elsewhere"].status_code == 403

    pages["not found (404)"] = _get(client, f"/{language}/no-such-page/", expected_status=404)
    pages["privacy notice"] = _get(client, alternate_path(client, "/en/privacy/", language))
    return pages


def english_left_on(pages, language, msgids):
    """{label: English phrases} for the `pages` ({label: response}) in `language` that hold any."""
    phrases = interface_phrases(msgids, language)
    found = {}
    for label, response in pages.items():
        assert _soup(response).html["lang"] == language, label
        leftovers = english_leftovers(response.content.decode(), language, phrases)
        if leftovers:
            found[label] = leftovers
    return found


def report(language, found):
    return f"English left on {language} pages:\n" + "\n".join(
        f"{page}:\n    " + "\n    ".join(leftovers) for page, leftovers in found.items()
    )
