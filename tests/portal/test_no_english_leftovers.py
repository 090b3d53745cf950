"""The French, Spanish and Arabic sites hold no English leftovers: every interface string reaches the
reader in their language, on every kind of public page, error pages included, around records and pages
translated into each language and records shown in English until their translation is approved.

The scan and the pages it reads are in tests/english_leftovers_helpers.py; the demo's own pages are
scanned in tests/demo/test_demo_english_leftovers.py."""

import datetime

import pytest

from wagtail.models import Site

from home.models import ContentPage
from home.update_pages import related_partner_links
from partnerships.models import ContributionStatus, ContributionType, PartnershipSettings, PartnerType
from tests.catalogues import LANGUAGES, extract_msgids
from tests.english_leftovers_helpers import (
    english_left_on,
    english_leftovers,
    interface_phrases,
    report,
    scanned_pages,
)
from tests.factories import (
    CooperationAreaFactory,
    PartnerFactory,
    ReviewFactory,
    public_contribution,
    public_partner,
    publish,
    publish_translations,
)
from tests.pages_helpers import PROGRAMME, page_in_languages, update_in_languages

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def code_msgids(tmp_path_factory):
    return extract_msgids(tmp_path_factory.mktemp("extraction"))


# What the pages show: records and pages translated into each language, and some left in English ------


def in_language(texts, code):
    """{field: text in `code`} from {field: {code: text}}."""
    return {field: values[code] for field, values in texts.items()}


def translated(texts):
    """The translations of `texts` into each scanned language, as the factories take them."""
    return {code: in_language(texts, code) for code in LANGUAGES}


SHIELD = {
    "summary": {
        "en": "Audits the networks of laboratories: cybersecurity for forensic science.",
        "fr": "Audite les réseaux des laboratoires : la cybersécurité au service de la criminalistique.",
        "es": "Audita las redes de los laboratorios: ciberseguridad para la ciencia forense.",
        "ar": "تدقيق شبكات المختبرات: الأمن السيبراني في خدمة علوم الأدلة الجنائية.",
    },
    "description": {
        "en": "Trains the staff of two laboratories.",
        "fr": "Forme le personnel de deux laboratoires.",
        "es": "Forma al personal de dos laboratorios.",
        "ar": "يدرّب موظفي مختبرين.",
    },
}
NETWORK = {
    "summary": {
        "en": "A network of universities that shares training courses.",
        "fr": "Un réseau d'universités qui partage des formations.",
        "es": "Una red de universidades que comparte cursos de formación.",
        "ar": "شبكة جامعات تتقاسم الدورات التدريبية.",
    },
    "description": {"en": "", "fr": "", "es": "", "ar": ""},
}
GRANT = {
    "title": {
        "en": "Network audits",
        "fr": "Audits des réseaux",
        "es": "Auditorías de las redes",
        "ar": "تدقيق الشبكات",
    },
    "purpose": {
        "en": "Audits the networks of two laboratories.",
        "fr": "Auditer les réseaux de deux laboratoires.",
        "es": "Auditar las redes de dos laboratorios.",
        "ar": "تدقيق شبكات مختبرين.",
    },
}
SECONDMENT = {
    "title": {
        "en": "Trainers seconded",
        "fr": "Formateurs détachés",
        "es": "Formadores en comisión de servicio",
        "ar": "مدرّبون منتدبون",
    },
    "purpose": {
        "en": "Two trainers for a year.",
        "fr": "Deux formateurs pendant un an.",
        "es": "Dos formadores durante un año.",
        "ar": "مدرّبان لمدة عام.",
    },
}
AREA_NAMES = {"en": "Cybersecurity", "fr": "Cybersécurité", "es": "Ciberseguridad", "ar": "الأمن السيبراني"}
PROGRAMME_INTRODUCTIONS = {
    "en": "How partners work with the organisation.",
    "fr": "Comment les partenaires travaillent avec l'organisation.",
    "es": "Cómo trabajan los socios con la organización.",
    "ar": "كيف يعمل الشركاء مع المنظمة.",
}
PRIVACY = {
    "en": {"title": "Privacy notice", "slug": "privacy", "introduction": "How we handle personal data."},
    "fr": {
        "title": "Confidentialité",
        "slug": "confidentialite",
        "introduction": "Vos données personnelles.",
    },
    "es": {"title": "Privacidad", "slug": "privacidad", "introduction": "Sus datos personales."},
    "ar": {"title": "إشعار الخصوصية", "slug": "privacy", "introduction": "كيف نتعامل مع البيانات الشخصية."},
}
UPDATE_TITLES = {
    "en": "Two laboratories audited",
    "fr": "Deux laboratoires audités",
    "es": "Dos laboratorios auditados",
    "ar": "تدقيق مختبرين",
}


@pytest.fixture
def scanned_site():
    """Partners, contributions, an area, an update, a programme page and the privacy notice, translated
    into each language; and a partner with its contribution left in English (shown as fallbacks)."""
    area = CooperationAreaFactory(
        slug="cybersecurity", name=AREA_NAMES["en"], translations=translated({"name": AREA_NAMES})
    )
    shield = PartnerFactory(
        name="Aquila Shield",
        partner_type=PartnerType.FOR_PROFIT_COMPANY,
        country="FR",
        website="https://aquila.example",
        **in_language(SHIELD, "en"),
    )
    shield.cooperation_areas.set([area])
    shield.save()
    ReviewFactory(partner=shield)
    publish_translations(publish(shield), translated(SHIELD))
    network = public_partner(
        name="Borealis University Network",
        partner_type=PartnerType.ACADEMIC_RESEARCH,
        country="KE",
        translations=translated(NETWORK),
        **in_language(NETWORK, "en"),
    )
    untranslated = public_partner(name="Zephyr Labs", summary="Lends microscopes; not translated yet.")
    public_contribution(
        partner=shield,
        contribution_type=ContributionType.FINANCIAL_UNEARMARKED,  # the first of the type filter
        currency="EUR",
        signed_date=datetime.date(2025, 3, 1),
        translations=translated(GRANT),
        **in_language(GRANT, "en"),
    )
    public_contribution(
        partner=network,
        in_kind=True,
        currency="USD",
        status=ContributionStatus.COMPLETED,
        signed_date=datetime.date(2024, 6, 1),
        translations=translated(SECONDMENT),
        **in_language(SECONDMENT, "en"),
    )
    public_contribution(partner=untranslated, title="Microscopes lent", purpose="Not translated yet.")
    update_in_languages(
        "laboratories-audited",
        datetime.date(2025, 5, 1),
        UPDATE_TITLES,
        cooperation_areas=[area],
        related_partner_links=related_partner_links([shield, network]),
    )
    page_in_languages(
        ContentPage,
        texts={
            code: {**PROGRAMME[code], "introduction": PROGRAMME_INTRODUCTIONS[code]} for code in PROGRAMME
        },
    )
    privacy = page_in_languages(ContentPage, texts=PRIVACY)
    site_settings = PartnershipSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.privacy_page = privacy["en"]
    site_settings.save()


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_hold_no_english_leftovers(client, scanned_site, language, code_msgids):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = language
    pages = scanned_pages(client, language)
    assert "partner profile, not yet translated" in pages
    found = english_left_on(pages, language, code_msgids)
    assert found == {}, report(language, found)


# The scanner itself ----------------------------------------------------------------------------------


def test_the_scan_finds_latin_on_arabic_pages_and_spares_what_may_stay_latin(code_msgids):
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
    leftovers = english_leftovers(html, "ar", interface_phrases(code_msgids, "ar"))
    assert {"Partnerships portal", "Funding (earmarked)", "Close menu", "Reference"} <= set(leftovers)
    spared = [
        "Basaltline",
        "Hidden script",
        "summary not yet",
        "français",
        "CSV",
        "EUR",
        "example",
        "comment",
    ]
    assert [phrase for phrase in leftovers if any(word in phrase for word in spared)] == []


def test_the_scan_finds_interface_english_on_french_pages_and_spares_french_and_names(code_msgids):
    html = """<html lang="fr"><body>
        <h1>Partenaires</h1>
        <p>2 results for “forensic”</p>
        <p>Partenaire <bdi>Skip to main content Ltd</bdi>, secteur privé.</p>
        <p lang="en">Skip to main content (an English fallback, marked as such)</p>
        <label>Sort by</label>
        <p>Description et contributions du partenaire.</p>
    </body></html>"""
    leftovers = english_leftovers(html, "fr", interface_phrases(code_msgids, "fr"))
    assert "results for" in leftovers
    assert "Sort by" in leftovers
    assert "Skip to main content" not in leftovers
    assert not [phrase for phrase in leftovers if "Description" in phrase or "contributions" in phrase]
