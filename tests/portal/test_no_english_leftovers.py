"""The Arabic pages hold no English leftovers: every interface string reaches the reader in Arabic.

A scan of the text a reader sees (and the text a screen reader announces) on the Arabic pages of the
demo site. What may legitimately stay in Latin script is excluded before the scan:

* elements marked with a `lang` other than Arabic: the language selector, and records shown in English
  until their translation is approved (`is_fallback`), which templates mark with their own `lang`;
* `<bdi>` contents: partner names, agreement references and currency codes are Latin by nature and are
  isolated from the Arabic text around them;
* URLs, e-mail addresses and a few code names (ISO codes, file formats).

Whatever else is left in Latin letters is an interface string that has escaped translation: a msgid
missing from `portal/locale/ar/LC_MESSAGES/django.po`, text outside `{% translate %}` in a template,
or a Latin record name that is not wrapped in `<bdi>`.
"""

import re
from urllib.parse import urlencode, urlsplit

import pytest
from bs4 import BeautifulSoup
from bs4.element import PreformattedString

pytestmark = pytest.mark.django_db

LANGUAGE = "ar"

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
# Latin letters with their accented forms (Latin-1 Supplement and Latin Extended-A/B), so that a
# French or Spanish leftover ("Algérie") is caught whole rather than as fragments.
LATIN = "A-Za-zÀ-ÖØ-öø-ɏ"
LATIN_PHRASE = re.compile(rf"[{LATIN}][{LATIN}'’]*(?:[ \t\n,.:;()\-–—/&]+[{LATIN}][{LATIN}'’]*)*\)?")
LATIN_WORD = re.compile(rf"[{LATIN}]{{3,}}")


def _is_allowed(word):
    return word in ALLOWED_WORDS or re.fullmatch(r"[A-Z]{3}", word) is not None


def reader_texts(html):
    """The pieces of text a reader of the page sees or hears, minus what may stay in Latin script."""
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.find_all(SILENT_TAGS):
        element.decompose()
    # Names and codes isolated in <bdi> are meant to stay as they are written. The same names may
    # appear where no markup can isolate them (the <title>, attributes), so they are spared there too.
    names = set()
    for element in soup.find_all("bdi"):
        names.add(element.get_text(" ", strip=True))
        element.decompose()
    # Text in another language is marked as such on purpose (fallbacks, the language selector).
    for element in soup.find_all(lang=True):
        is_arabic = element["lang"].lower().startswith(LANGUAGE)
        if element.name != "html" and not element.decomposed and not is_arabic:
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
        spared.append(text)
    return spared


def english_leftovers(html):
    """The Latin phrases left on the page, each listed once, in page order."""
    leftovers = []
    for text in reader_texts(html):
        for phrase in LATIN_PHRASE.findall(URL_OR_EMAIL.sub(" ", text)):
            words = [word for word in LATIN_WORD.findall(phrase) if not _is_allowed(word)]
            phrase = " ".join(phrase.split()).strip(" ,.:;-–—/&")
            if phrase.endswith(")") and "(" not in phrase:
                phrase = phrase[:-1]
            if words and phrase not in leftovers:
                leftovers.append(phrase)
    return leftovers


def _soup(response):
    return BeautifulSoup(response.content, "html.parser")


def _get(client, url, expected_status=200):
    response = client.get(url)
    assert response.status_code == expected_status, url
    return response


def _alternate_path(client, english_url):
    english = _soup(_get(client, english_url))
    return urlsplit(english.select_one(f'link[rel="alternate"][hreflang="{LANGUAGE}"]')["href"]).path


@pytest.fixture
def ar_client(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = LANGUAGE
    return client


def menu_urls(client):
    """Every page the Arabic main navigation links to: home, the programme pages, the record pages."""
    home = _soup(_get(client, f"/{LANGUAGE}/"))
    return [link["href"] for link in home.select(".primary-nav a")]


def arabic_directory_url(client):
    """The Arabic directory, found through the English one's hreflang: its slug may be translated."""
    return _alternate_path(client, "/en/partners/")


def partner_urls(client, directory_url):
    """The first partner profile, and the first one still shown in English (if the demo has one)."""
    links = {
        card.select_one(".partner-card__name a")["href"]: card.select_one(".translation-notice") is not None
        for card in _soup(_get(client, directory_url)).select(".partner-card")
    }
    urls = {"partner profile": next(iter(links))}
    untranslated = [url for url, is_fallback in links.items() if is_fallback]
    if untranslated:
        urls["partner profile, not yet translated"] = untranslated[0]
    return urls


def filtered_directory_url(client, directory_url):
    """The directory filtered on its first facet, which adds the summary of active filters."""
    facet = _soup(_get(client, directory_url)).select_one(".directory-filters select:not([name=sort])")
    value = next(option["value"] for option in facet.select("option") if option["value"])
    return f"{directory_url}?{urlencode({facet['name']: value})}"


def register_url(client):
    return _alternate_path(client, "/en/contributions/")


def empty_register_url(client, url):
    """The register filtered on a combination that no demo contribution matches: the empty state."""
    form = _soup(_get(client, url)).select_one("form.filters")
    types = [option["value"] for option in form.select('select[name="type"] option') if option["value"]]
    years = [option["value"] for option in form.select('select[name="year"] option') if option["value"]]
    statuses = [option["value"] for option in form.select('select[name="status"] option') if option["value"]]
    for year in reversed(years):
        for status in statuses:
            for contribution_type in types:
                candidate = f"{url}?{urlencode({'year': year, 'status': status, 'type': contribution_type})}"
                if _soup(_get(client, candidate)).select_one(".empty-state"):
                    return candidate
    pytest.fail("Every filter combination matches a contribution: no empty state to check.")


def arabic_pages(client):
    """{label: URL} of the Arabic pages to scan, found by following the site's own links."""
    directory = arabic_directory_url(client)
    register = register_url(client)
    pages = {url: url for url in menu_urls(client)}
    pages[directory] = directory
    pages["directory, filtered"] = filtered_directory_url(client, directory)
    pages.update(partner_urls(client, directory))
    pages[register] = register
    pages["register, empty state"] = empty_register_url(client, register)
    pages["search results"] = f"/{LANGUAGE}/search/?{urlencode({'q': 'الأمن السيبراني'})}"
    # Arabic queries: the query is echoed on the page, and a Latin one would be the reader's own text.
    pages["search, no result"] = f"/{LANGUAGE}/search/?{urlencode({'q': 'كلمة لا وجود لها'})}"
    pages[f"/{LANGUAGE}/apply/"] = f"/{LANGUAGE}/apply/"
    updates = client.get(f"/{LANGUAGE}/updates/")
    if updates.status_code == 200:
        pages[f"/{LANGUAGE}/updates/"] = f"/{LANGUAGE}/updates/"
        first_update = _soup(updates).select_one(".update-list__title a")
        if first_update is not None:
            pages["an update"] = first_update["href"]
    return pages


def test_arabic_pages_hold_no_english_leftovers(ar_client):
    found = {}
    for label, url in arabic_pages(ar_client).items():
        response = _get(ar_client, url)
        assert _soup(response).html["lang"] == LANGUAGE, url
        leftovers = english_leftovers(response.content.decode())
        if leftovers:
            found[f"{label} ({url})" if label != url else url] = leftovers
    assert found == {}, "English left on Arabic pages:\n" + "\n".join(
        f"{page}:\n    " + "\n    ".join(leftovers) for page, leftovers in found.items()
    )


def test_arabic_not_found_page_holds_no_english_leftovers(ar_client):
    response = _get(ar_client, f"/{LANGUAGE}/no-such-page/", expected_status=404)
    assert _soup(response).html["lang"] == LANGUAGE
    assert english_leftovers(response.content.decode()) == []


def test_the_scan_finds_english_and_spares_what_may_stay_latin():
    """The scanner itself: a leftover is caught, isolated names, codes and other languages are not."""
    html = """<html lang="ar"><head><title>Basaltline Ballistic Imaging · السجل · Partnerships portal</title>
        <script>var notEnglish = "Hidden script";</script></head><body>
        <p>شريك <bdi>Basaltline Ballistic Imaging</bdi> بقيمة ١٠٠ EUR — https://example.org mail@example.org</p>
        <p lang="en" dir="ltr">A summary not yet translated.</p>
        <a href="/fr/" lang="fr">français</a>
        <button aria-label="Close menu">×</button>
        <p>تنزيل CSV و JSON</p><!-- A comment nobody sees -->
        <td data-label="Reference">x</td>
        <select><option>Funding (earmarked)</option></select>
    </body></html>"""
    assert english_leftovers(html) == [
        "Partnerships portal",
        "Funding (earmarked)",
        "Close menu",
        "Reference",
    ]
