"""Builds the demo site's page tree in English and translates it through wagtail-localize.

The programme pages come from pages.py; the partner directory and the contribution register
(index_pages.py) sit beside them in the menu.

Idempotent: pages are found by slug and created only when missing, so a second run (or a run after
editors changed the demo pages) adds nothing and overwrites nothing.
"""

from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.strings import StringValue

from home.models import HomePage, SitemapPage, UpdateIndexPage, UpdatePage
from home.update_pages import related_partner_links
from partnerships.models import CooperationArea, Partner

from .index_pages import INDEX_PAGES
from .indexes import deferred_indexing, index_page_tree
from .organisation import load_organisation
from .pages import HOME, PROGRAMME_PAGES
from .segments import fill_segments
from .text import T
from .updates import UPDATES, UPDATES_INDEX

SOURCE_LANGUAGE = "en"
TRANSLATION_LANGUAGES = ["fr", "es", "ar"]
SITE_NAME = "Partnerships Transparency Portal"
# Where the demo announces new expressions of interest: without an address no notice is sent, and in
# `make run` the console shows the e-mails the mail worker sends.
DEMO_REVIEWERS_EMAIL = "partnerships@example.org"
# Text fields of a page type beside title, introduction and body, written in the page's spec.
PAGE_TEXT_FIELDS = ["reply_time"]


def served_address():
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    default_port = 443 if address.scheme == "https" else 80
    return address.hostname, address.port or default_port


def _rich_text(items):
    """Paragraph blocks are written as T (a paragraph), a list of T (bullets) or ("ol", [T, …])."""
    html = []
    for item in items:
        if isinstance(item, T):
            html.append(f"<p>{StringValue.from_plaintext(item.en).data}</p>")
        else:
            tag, entries = ("ol", item[1]) if isinstance(item, tuple) else ("ul", item)
            lis = "".join(f"<li>{StringValue.from_plaintext(entry.en).data}</li>" for entry in entries)
            html.append(f"<{tag}>{lis}</{tag}>")
    return RichText("".join(html))


def _english(value, pages_by_key):
    """The English block value for a spec written with T objects."""
    if isinstance(value, T):
        return value.en
    if isinstance(value, dict):
        return {
            key: pages_by_key[item] if key == "page" else _english(item, pages_by_key)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_english(item, pages_by_key) for item in value]
    return value


def _body(spec_body, pages_by_key):
    return [
        (block_type, _rich_text(value) if block_type == "paragraph" else _english(value, pages_by_key))
        for block_type, value in spec_body
    ]


def _texts(value):
    """Every T in a spec, however deeply nested."""
    if isinstance(value, T):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _texts(item)


def _glossary():
    """English text → its T, for looking up each segment wagtail-localize extracts."""
    glossary = {}
    for spec in [HOME, *PROGRAMME_PAGES, *INDEX_PAGES, UPDATES_INDEX, *UPDATES]:
        for text in _texts(spec):
            if text.en:
                glossary.setdefault(text.en, text)
    return glossary


def _untranslated_updates():
    """(slug, language) of the updates deliberately left without a translation in that language."""
    return {
        (spec["slug"], code)
        for spec in UPDATES
        for code in TRANSLATION_LANGUAGES
        if any(not text.in_language(code) for text in _texts(spec))
    }


class DemoSiteBuilder:
    def __init__(self, stdout=None):
        self.stdout = stdout

    def log(self, message):
        if self.stdout is not None:
            self.stdout.write(message)

    def build(self):
        source_locale = Locale.objects.get(language_code=SOURCE_LANGUAGE)
        page_models = [model for model in apps.get_models() if issubclass(model, Page)]
        with deferred_indexing(page_models):
            with transaction.atomic():
                home = HomePage.objects.filter(locale=source_locale, depth=2).first()
                new_home = home is None
                if new_home:
                    self._remove_wagtail_placeholder()
                    home = self._create_home(source_locale)
                self._site(home)
                index_pages, created_index_pages = self._index_pages(home)
                pages, pages_by_key, created_pages = self._programme_pages(
                    home, {page.slug: page for page in index_pages}
                )
                if new_home:
                    # The home page exists before the pages it points to; its call to action comes now.
                    home.body = _body(HOME["body"], pages_by_key)
                    home.save_revision().publish()
                updates_index, updates, created_updates = self._updates(home)
                if created_pages or created_index_pages or created_updates:
                    self._order_menu(home, self._menu_order(updates_index))
                self._partnership_settings(home, pages_by_key)
            translated = self._translate([home, *pages, *index_pages, updates_index, *updates])
            self._order_translated_menus(home)
            sitemap = next(page for page in index_pages if isinstance(page, SitemapPage))
            load_organisation(home, pages_by_key, sitemap)
        if new_home or created_index_pages or created_pages or created_updates or translated:
            with transaction.atomic():
                index_page_tree(Page.objects.filter(depth__gt=1).specific())
        return home

    @staticmethod
    def _menu_order(updates_index):
        """The programme pages, with the partner directory and the register before "apply", and the
        updates last."""
        slugs = [spec["slug"].en for spec in PROGRAMME_PAGES]
        position = slugs.index("apply") if "apply" in slugs else len(slugs)
        return [
            *slugs[:position],
            *[spec["slug"].en for spec in INDEX_PAGES if spec.get("in_menu", True)],
            *slugs[position:],
            updates_index.slug,
        ]

    def _index_pages(self, home):
        """The partner directory, the contribution register, the open-data page and the site map (one
        of each under the home page)."""
        pages = []
        created = False
        for spec in INDEX_PAGES:
            model = apps.get_model(spec["model"])
            page = model.objects.child_of(home).first()
            if page is None:
                page = model(
                    title=spec["title"].en,
                    slug=spec["slug"].en,
                    introduction=spec["introduction"].en,
                    show_in_menus=spec.get("in_menu", True),
                )
                home.add_child(instance=page)
                page.save_revision().publish()
                created = True
                self.log(f"Created “{page.title}”.")
            pages.append(page)
        return pages, created

    def _create_home(self, locale):
        root = Page.get_first_root_node()
        home = HomePage(
            title=HOME["title"].en,
            slug=HOME["slug"].en,
            locale=locale,
            introduction=HOME["introduction"].en,
            seo_title="",
        )
        root.add_child(instance=home)
        home.body = _body([(t, v) for t, v in HOME["body"] if t != "call_to_action"], {})
        home.save_revision().publish()
        self.log("Created the home page.")
        return home

    def _site(self, home):
        """The default Site on the home page, at the address the portal is served on
        (WAGTAILADMIN_BASE_URL; `make run` serves http://127.0.0.1:8000): canonical, alternate and
        feed addresses are built from it. An address an administrator gave the Site is kept; only
        the "localhost" that `migrate` leaves is replaced."""
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site(is_default_site=True, site_name=SITE_NAME, hostname="localhost", port=80)
        if (site.hostname, site.port) == ("localhost", 80):
            site.hostname, site.port = served_address()
        site.root_page = home
        site.save()

    @staticmethod
    def _partnership_settings(home, pages_by_key):
        """The apply form's consent box links to the privacy notice, and new expressions of interest are
        announced to the reviewers' address: site settings, each set once."""
        settings_model = apps.get_model("partnerships", "PartnershipSettings")
        site_settings = settings_model.for_site(Site.objects.get(root_page=home))
        if site_settings.privacy_page_id is None:
            site_settings.privacy_page = pages_by_key["privacy"]
        if not site_settings.reviewers_email:
            site_settings.reviewers_email = DEMO_REVIEWERS_EMAIL
        site_settings.save()

    @staticmethod
    def _remove_wagtail_placeholder():
        """`migrate` leaves a "Welcome to Wagtail" page of the base Page type (and a Site on it) that
        takes the slug "home"; it holds nothing worth keeping."""
        for page in Page.objects.filter(depth=2, content_type=ContentType.objects.get_for_model(Page)):
            if not page.get_children().exists():
                page.delete()

    def _programme_pages(self, home, pages_by_key):
        pages_by_key = dict(pages_by_key)
        pages = []
        created = False
        # Created in reverse so that a call to action can point at a page later in the menu.
        for spec in reversed(PROGRAMME_PAGES):
            slug = spec["slug"].en
            model = apps.get_model(spec.get("model", "home.ContentPage"))
            page = model.objects.child_of(home).filter(slug=slug).first()
            if page is None:
                page = model(
                    title=spec["title"].en,
                    slug=slug,
                    introduction=spec["introduction"].en,
                    show_in_menus=spec.get("in_menu", True),
                    body=_body(spec["body"], pages_by_key),
                    **{field: spec[field].en for field in PAGE_TEXT_FIELDS if field in spec},
                )
                home.add_child(instance=page)
                page.save_revision().publish()
                created = True
                self.log(f"Created “{page.title}”.")
            pages_by_key[slug] = page
            pages.append(page)
        pages.reverse()
        return pages, pages_by_key, created

    def _updates(self, home):
        """The updates index and its news pages, tagged with the demo records' areas and partners."""
        created = False
        index = UpdateIndexPage.objects.child_of(home).first()
        if index is None:
            index = UpdateIndexPage(
                title=UPDATES_INDEX["title"].en,
                slug=UPDATES_INDEX["slug"].en,
                introduction=UPDATES_INDEX["introduction"].en,
                show_in_menus=True,
            )
            home.add_child(instance=index)
            index.save_revision().publish()
            created = True
        areas = {area.slug: area for area in CooperationArea.objects.filter(locale=home.locale)}
        partners = {partner.slug: partner for partner in Partner.objects.filter(locale=home.locale)}
        updates = []
        # Oldest first, so that the newest is also the most recently published.
        for spec in sorted(UPDATES, key=lambda spec: spec["date"]):
            page = UpdatePage.objects.child_of(index).filter(slug=spec["slug"]).first()
            if page is None:
                page = UpdatePage(
                    title=spec["title"].en,
                    slug=spec["slug"],
                    date=spec["date"],
                    summary=spec["summary"].en,
                    body=[("paragraph", _rich_text(spec["paragraphs"]))],
                    cooperation_areas=[areas[slug] for slug in spec["areas"] if slug in areas],
                    related_partner_links=related_partner_links(
                        [partners[slug] for slug in spec["partners"] if slug in partners]
                    ),
                )
                index.add_child(instance=page)
                page.save_revision().publish()
                created = True
                self.log(f"Created the update “{page.title}”.")
            updates.append(page)
        return index, updates, created

    @staticmethod
    def _order_menu(home, slugs):
        """Pages were added in reverse (or later); move them so the menu reads in the order given."""
        for slug in slugs:
            page = home.get_children().get(slug=slug)
            last = home.get_children().last()
            if page.pk != last.pk:
                page.move(last, pos="right")

    @staticmethod
    def _order_translated_menus(home):
        """Each language's menu in the order of the English one (translations are added at the end)."""
        order = {
            key: position
            for position, key in enumerate(home.get_children().values_list("translation_key", flat=True))
        }
        for translated_home in home.get_translations():
            children = list(translated_home.get_children())
            wanted = sorted(children, key=lambda page: order.get(page.translation_key, len(order)))
            if [page.pk for page in children] == [page.pk for page in wanted]:
                continue
            for page in wanted:
                last = translated_home.get_children().last()
                if page.pk != last.pk:
                    Page.objects.get(pk=page.pk).move(last, pos="right")

    def _translate(self, pages):
        glossary = _glossary()
        untranslated = _untranslated_updates()
        locales = [Locale.objects.get(language_code=code) for code in TRANSLATION_LANGUAGES]
        # In the order of the English tree: each translation is added after its translated siblings,
        # so the menus of the other languages come out in the English order without moving pages.
        paths = dict(Page.objects.filter(pk__in=[page.pk for page in pages]).values_list("pk", "path"))
        translated = False
        for page in sorted(pages, key=lambda page: paths[page.pk]):
            missing = [
                locale
                for locale in locales
                if (page.slug, locale.language_code) not in untranslated and not page.has_translation(locale)
            ]
            if missing:
                self._translate_page(page, missing, glossary)
                translated = True
        return translated

    def _translate_page(self, page, locales, glossary):
        """Translate `page` into `locales` with wagtail-localize, from the texts it was written with."""

        def text_for(english):
            if english not in glossary and english == page.slug:
                # An update keeps its English slug in every language.
                return T(en=english, fr=english, es=english, ar=english)
            return glossary.get(english)

        # A transaction of its own: the translations are published when it commits, before the pages
        # under this one are translated (a publication waiting longer would save the page as it was).
        with transaction.atomic():
            source, _created = TranslationSource.update_or_create_from_instance(page)
            fill_segments(source, locales, text_for, f"“{page.title}” (add it in home/demo/pages.py)")
            for locale in locales:
                translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
                translation.save_target(publish=True)
                self.log(f"Translated “{page.title}” into {locale.get_display_name()}.")
