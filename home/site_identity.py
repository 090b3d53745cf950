"""Who publishes the portal, on every page and in the reader's language: the organisation's name and
logo, its contact point for partnership questions, its legal and privacy notices, the rules that
govern partnerships and the site map, in the header and the footer.

A site setting holds what is the same in every language: the logo, the address, the pages (chosen in
the source language; each reader gets the page's live translation). Two translatable snippets hold the
words (the organisation's name, the footer's text and its links to the rules), translated with
wagtail-localize like the pages; the setting points at their source-language versions."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.blocks import StructBlockValidationError
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page, Site, TranslatableMixin

from partnerships.models.site_settings import PartnershipSettings
from portal.content_cache import remembered
from portal.locales import active_locale
from portal.page_cache import follow


class Organisation(TranslatableMixin, models.Model):
    """The organisation's name in each language."""

    name = models.CharField(
        _("name"),
        max_length=200,
        help_text=_("Shown beside the logo at the top of every page and in the footer."),
    )

    panels = [FieldPanel("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisation")

    def __str__(self):
        return self.name


class FooterLinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(max_length=120, label=_("Link text"))
    page = blocks.PageChooserBlock(required=False, label=_("Page"))
    url = blocks.URLBlock(required=False, label=_("Or an address on another site"))

    class Meta:
        icon = "link"
        label = _("Link")

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(gettext("Choose a page or give an address, not both."))}
            )
        return value


class Footer(TranslatableMixin, models.Model):
    """The footer's words in each language: what the portal is, and links to the rules it follows."""

    about = models.TextField(
        _("about this portal"),
        max_length=400,
        help_text=_("One or two sentences on what the portal publishes, at the foot of every page."),
    )
    rules = StreamField(
        [("link", FooterLinkBlock())],
        blank=True,
        verbose_name=_("rules that govern partnerships"),
        help_text=_(
            "The regulations, frameworks and policies that partnerships and contributions follow, "
            "linked from every page's footer."
        ),
    )

    panels = [FieldPanel("about"), FieldPanel("rules")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer")
        verbose_name_plural = _("footers")

    def __str__(self):
        return gettext("Footer (%(language)s)") % {"language": self.locale.get_display_name()}


def _page_field(verbose_name, help_text):
    return models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=help_text,
    )


@register_setting(icon="site")
class OrganisationSettings(BaseSiteSetting):
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Its name in each language is translated under Snippets → Organisation."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown beside the organisation's name at the top of every page."),
    )
    contact_email = models.EmailField(
        _("contact address for partnership questions"),
        blank=True,
        help_text=_("Shown in the footer of every page."),
    )
    contact_page = _page_field(
        _("contact page"), _("A page on how to reach the partnerships team, linked from the footer.")
    )
    legal_notice_page = _page_field(
        _("legal notice page"), _("Who publishes the portal and under which terms, linked from the footer.")
    )
    sitemap_page = _page_field(
        _("site map page"), _("The page listing every page of the portal, linked from the footer.")
    )
    footer = models.ForeignKey(
        Footer,
        verbose_name=_("footer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Its text and links in each language are translated under Snippets → Footers."),
    )

    select_related = ["logo"]

    panels = [
        MultiFieldPanel(
            [FieldPanel("organisation"), FieldPanel("logo")],
            heading=_("The organisation"),
        ),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("contact_page")],
            heading=_("Contact point"),
        ),
        MultiFieldPanel(
            [FieldPanel("legal_notice_page"), FieldPanel("sitemap_page"), FieldPanel("footer")],
            heading=_("Footer"),
            help_text=_("The privacy notice is chosen under Settings → Partnership settings."),
        ),
    ]

    class Meta:
        verbose_name = _("organisation settings")


def _in_readers_language(model, source_id, locale):
    """The translation of the source row `source_id` of `model` in `locale`, else that row itself: one
    query."""
    if source_id is None:
        return None
    rows = model.objects.filter(
        Q(pk=source_id)
        | Q(locale=locale, translation_key__in=model.objects.filter(pk=source_id).values("translation_key"))
    ).select_related("locale")
    by_locale = {row.locale_id: row for row in rows}
    return by_locale.get(locale.pk) or next((row for row in rows if row.pk == source_id), None)


def _pages_in_readers_language(page_ids, locale):
    """{chosen page id: its live, public translation in `locale`, else the page itself if it is live
    and public}: two queries."""
    page_ids = {pk for pk in page_ids if pk is not None}
    if not page_ids:
        return {}
    chosen = dict(Page.objects.filter(pk__in=page_ids).values_list("pk", "translation_key"))
    candidates = (
        Page.objects.live()
        .public()
        .filter(Q(pk__in=page_ids) | Q(locale=locale, translation_key__in=chosen.values()))
        .defer_streamfields()
    )
    originals, translated = {}, {}
    for page in candidates:
        if page.pk in page_ids:
            originals[page.translation_key] = page
        if page.locale_id == locale.pk:
            translated[page.translation_key] = page
    found = {}
    for pk, key in chosen.items():
        page = translated.get(key) or originals.get(key)
        if page is not None:
            found[pk] = page
    return found


# Neither pages nor snippets with drafts, yet on every page: saving one, or the translation of one that
# wagtail-localize writes when it is published, makes the cached pages and the header and footer stale.
follow(Organisation, Footer)


def _site_settings(site):
    """(OrganisationSettings with its logo, the privacy page's id) of `site`."""
    if site is None:
        return OrganisationSettings(), None
    privacy_page_id = PartnershipSettings.objects.filter(site=site).values_list("privacy_page", flat=True)
    return OrganisationSettings.for_site(site), next(iter(privacy_page_id), None)


class SiteIdentity:
    """What the header and footer show about the organisation, in the reader's language, as plain
    values: it is built once per content version (six queries when everything is set, two when nothing
    is) and kept for every worker (portal/content_cache.py)."""

    def __init__(self, request):
        site_settings, privacy_page_id = _site_settings(Site.find_for_request(request))
        locale = active_locale()
        organisation = _in_readers_language(Organisation, site_settings.organisation_id, locale)
        footer = _in_readers_language(Footer, site_settings.footer_id, locale)
        # The raw value names the chosen pages without loading them: they are found below, in the
        # reader's language, with the other pages.
        rule_links = [link["value"] for link in footer.rules.raw_data] if footer else []
        chosen = {
            "contact_page_url": site_settings.contact_page_id,
            "legal_notice_page_url": site_settings.legal_notice_page_id,
            "privacy_page_url": privacy_page_id,
            "sitemap_page_url": site_settings.sitemap_page_id,
        }
        pages = _pages_in_readers_language(
            [*chosen.values(), *(link.get("page") for link in rule_links)], locale
        )
        urls = {pk: page.get_url(request) for pk, page in pages.items()}
        for name, pk in chosen.items():
            setattr(self, name, urls.get(pk, ""))
        self.logo = site_settings.logo
        self.contact_email = site_settings.contact_email
        self.name = organisation.name if organisation else ""
        self.name_language = _other_language(organisation, locale.language_code)
        self.about = footer.about if footer else ""
        self.footer_language = _other_language(footer, locale.language_code)
        # [(label, address)] of the footer's links to the rules; a page that is not live is left out.
        self.rules = []
        for link in rule_links:
            address = urls.get(link["page"]) if link.get("page") else link.get("url")
            if address:
                self.rules.append((link["label"], address))


def _other_language(row, reader_language):
    if row is None or row.locale.language_code == reader_language:
        return ""
    return row.locale.language_code


def site_identity(request):
    """The request's SiteIdentity: the header and the footer both read it."""
    identity = getattr(request, "_portal_site_identity", None)
    if identity is None:
        site = Site.find_for_request(request)
        language = active_locale().language_code
        identity = remembered(
            f"site-identity:{site.pk if site else ''}:{language}", lambda: SiteIdentity(request)
        )
        request._portal_site_identity = identity
    return identity
