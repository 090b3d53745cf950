from decimal import Decimal

from django_countries.fields import CountryField

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, TitleFieldPanel
from wagtail.admin.widgets.slug import SlugInput
from wagtail.fields import RichTextField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from partnerships import reporting
from partnerships.currencies import CurrencySelect, currency_choices, is_currency
from partnerships.publishing import PublishGuardMixin, contribution_publish_blockers, partner_publish_blockers
from portal import locales
from portal.indexing import SEARCH_KEYS, SearchKeysIndexed
from portal.text import search_key

from .choices import (
    ContributionStatus,
    ContributionType,
    EndReason,
    InKindUnit,
    PartnerType,
    RelationshipStatus,
    ValuationMethod,
    ValueBasis,
)
from .querysets import ContributionQuerySet, PartnerQuerySet

NON_NEGATIVE = [MinValueValidator(Decimal("0"))]


def in_source_language():
    """Relations offer source-language records only (the callable is named in migrations)."""
    return locales.in_source_language()


def validate_dates(errors, start, end, end_field="end_date"):
    if start and end and end < start:
        errors[end_field] = _("The end date cannot be before the start date.")


class RecordMixin(
    SearchKeysIndexed,
    PublishGuardMixin,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    index.Indexed,
    ClusterableModel,
):
    """What partners and contributions share: drafts, revisions, locking, the review workflow and
    translation, in the order Wagtail's checks require. Relations always point at the source-language
    record, so visibility and figures are decided once per record; translations supply the text."""

    # A translation starts as a draft of its own: never published, with no revision or lock of its
    # source's (a copied live revision made the admin call a new translation live and compare it with
    # the source's text).
    exclude_fields_in_copy = [
        "live_revision",
        "first_published_at",
        "last_published_at",
        "locked",
        "locked_at",
        "locked_by",
    ]

    # What the directory's and the register's keyword searches read: the SEARCHED_FIELDS as search keys
    # (portal.text.search_key: case, accents, Arabic spelling variants and article folded), so that one
    # `contains` per word finds "Énergie" with "energie" and "الأمن" with "أمن", on SQLite and
    # PostgreSQL alike. Kept up to date by save() (and a contribution's by its partner's, in signals).
    search_text = models.TextField(editable=False, blank=True, default="")

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        # A draft saved by the admin writes only its bookkeeping columns: the search text must keep
        # following the row's own (live) text, never a draft's.
        if update_fields is None or set(update_fields).intersection(self.SEARCHED_FIELDS):
            self.search_text = self.make_search_text()
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "search_text"}
        super().save(*args, **kwargs)

    def make_search_text(self):
        return search_key(*(getattr(self, name) for name in self.SEARCHED_FIELDS))

    @property
    def is_source(self):
        return self.locale_id == locales.source_locale().pk

    def get_source(self):
        return self if self.is_source else self.get_translation_or_none(locales.source_locale())


class Partner(RecordMixin):
    name = models.CharField(
        _("name"), max_length=200, help_text=_("The organisation's own name; it is not translated.")
    )
    slug = models.SlugField(
        _("slug"), max_length=120, help_text=_("The partner's address: /<language>/partners/<slug>/.")
    )
    partner_type = models.CharField(_("type"), max_length=32, choices=PartnerType.choices)
    country = CountryField(_("country"))
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cooperation_areas = ParentalManyToManyField(
        "partnerships.CooperationArea",
        verbose_name=_("cooperation areas"),
        blank=True,
        related_name="partners",
        limit_choices_to=in_source_language,
    )
    summary = models.TextField(
        _("summary"), max_length=400, help_text=_("One or two sentences for the directory.")
    )
    description = RichTextField(_("description"), blank=True, features=["bold", "italic", "link", "ol", "ul"])
    relationship_status = models.CharField(
        _("relationship status"),
        max_length=16,
        choices=RelationshipStatus.choices,
        default=RelationshipStatus.ACTIVE,
    )
    start_date = models.DateField(_("partnership start date"), null=True, blank=True)
    end_date = models.DateField(_("partnership end date"), null=True, blank=True)

    objects = PartnerQuerySet.as_manager()

    # The directory's "Name or keyword" filter reads these (see RecordMixin.search_text).
    SEARCHED_FIELDS = ("name", "summary")

    panels = [
        MultiFieldPanel(
            [
                # Wagtail's page-title behaviour: the slug follows the name while the partner is
                # unpublished, and stays editable; a published address never moves by itself.
                TitleFieldPanel("name", classname="", placeholder=False),
                # A SlugField takes ASCII only, whatever WAGTAIL_ALLOW_UNICODE_SLUGS says for pages.
                FieldPanel("slug", widget=SlugInput(attrs={"data-w-slug-allow-unicode-value": "false"})),
                FieldRowPanel([FieldPanel("partner_type"), FieldPanel("country")]),
                FieldPanel("website"),
                FieldPanel("logo"),
            ],
            heading=_("Organisation"),
        ),
        MultiFieldPanel(
            [FieldPanel("summary"), FieldPanel("description"), FieldPanel("cooperation_areas")],
            heading=_("Profile"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("relationship_status"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
            ],
            heading=_("Relationship"),
        ),
    ]

    translatable_fields = [
        SynchronizedField("name"),
        SynchronizedField("slug"),
        SynchronizedField("partner_type"),
        SynchronizedField("country"),
        SynchronizedField("website"),
        SynchronizedField("logo"),
        SynchronizedField("cooperation_areas"),
        TranslatableField("summary"),
        TranslatableField("description"),
        SynchronizedField("relationship_status"),
        SynchronizedField("start_date"),
        SynchronizedField("end_date"),
    ]

    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("summary"),
        index.SearchField("description"),
        SEARCH_KEYS,
        index.FilterField("locale"),
        index.FilterField("live"),
        index.FilterField("partner_type"),
        index.FilterField("relationship_status"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_partner_slug_per_locale")
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        errors = {}
        validate_dates(errors, self.start_date, self.end_date)
        if errors:
            raise ValidationError(errors)

    def get_publish_blockers(self):
        return partner_publish_blockers(self)


class Contribution(RecordMixin):
    partner = models.ForeignKey(
        Partner,
        verbose_name=_("partner"),
        on_delete=models.PROTECT,
        related_name="contributions",
        limit_choices_to=in_source_language,
    )
    reference = models.CharField(
        _("agreement reference"), max_length=40, help_text=_("The agreement number, e.g. PSP-2025-014.")
    )
    slug = models.SlugField(
        _("slug"),
        max_length=60,
        blank=True,
        editable=False,
        help_text=_(
            "The contribution's address: /<language>/contributions/<slug>/, made from its reference."
        ),
    )
    title = models.CharField(_("title"), max_length=200)
    purpose = models.TextField(_("purpose"), max_length=2000)
    contribution_type = models.CharField(_("type"), max_length=32, choices=ContributionType.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=ContributionStatus.choices, default=ContributionStatus.PLEDGED
    )
    end_reason = models.CharField(
        _("reason for ending"),
        max_length=32,
        choices=EndReason.choices,
        blank=True,
        help_text=_("Required when the contribution was terminated early or cancelled."),
    )
    cooperation_areas = ParentalManyToManyField(
        "partnerships.CooperationArea",
        verbose_name=_("cooperation areas"),
        blank=True,
        related_name="contributions",
        limit_choices_to=in_source_language,
    )
    amount = models.DecimalField(
        _("amount"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=NON_NEGATIVE,
        help_text=_("For funding: the amount given."),
    )
    currency = models.CharField(
        _("currency"),
        max_length=3,
        choices=currency_choices,
        blank=True,
        help_text=_("For the amount or the estimated value."),
    )
    quantity = models.DecimalField(
        _("quantity"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=NON_NEGATIVE,
        help_text=_("For in-kind contributions: how much, in the unit below."),
    )
    unit = models.CharField(_("unit"), max_length=16, choices=InKindUnit.choices, blank=True)
    estimated_value = models.DecimalField(
        _("estimated value"), max_digits=14, decimal_places=2, null=True, blank=True, validators=NON_NEGATIVE
    )
    valuation_method = models.CharField(
        _("valuation method"), max_length=20, choices=ValuationMethod.choices, blank=True
    )
    signed_date = models.DateField(_("signed on"), null=True, blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    booked_value = models.DecimalField(
        _("value booked in the accounts"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=NON_NEGATIVE,
        help_text=_(
            "When the accounts booked this contribution at a known value, it replaces the conversion at "
            "the month's exchange rate."
        ),
    )
    booked_currency = models.CharField(
        _("currency of the booked value"), max_length=3, choices=currency_choices, blank=True
    )
    # Written by the database from the fields above and the exchange rates (partnerships.reporting).
    reporting_value = models.DecimalField(
        _("value in the reporting currency"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    reporting_currency = models.CharField(_("reporting currency"), max_length=3, blank=True)
    value_basis = models.CharField(
        _("how the value in the reporting currency was obtained"),
        max_length=16,
        choices=ValueBasis.choices,
        blank=True,
    )

    objects = ContributionQuerySet.as_manager()

    # The register's keyword search reads these and the partner's name, which signals refresh when it
    # changes (see RecordMixin.search_text).
    SEARCHED_FIELDS = ("title", "purpose", "reference", "partner")

    panels = [
        MultiFieldPanel(
            [FieldPanel("partner"), FieldPanel("reference"), FieldPanel("title"), FieldPanel("purpose")],
            heading=_("Agreement"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("contribution_type"), FieldPanel("status")]),
                FieldPanel("end_reason"),
                FieldPanel("cooperation_areas"),
            ],
            heading=_("Type and status"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("amount"), FieldPanel("currency", widget=CurrencySelect)]),
                FieldRowPanel([FieldPanel("quantity"), FieldPanel("unit")]),
                FieldRowPanel([FieldPanel("estimated_value"), FieldPanel("valuation_method")]),
                FieldRowPanel(
                    [FieldPanel("booked_value"), FieldPanel("booked_currency", widget=CurrencySelect)]
                ),
                FieldRowPanel(
                    [
                        FieldPanel("reporting_value", read_only=True),
                        FieldPanel("reporting_currency", read_only=True),
                        FieldPanel("value_basis", read_only=True),
                    ]
                ),
            ],
            heading=_("Value"),
        ),
        FieldRowPanel([FieldPanel("signed_date"), FieldPanel("start_date"), FieldPanel("end_date")]),
    ]

    translatable_fields = [
        SynchronizedField("partner"),
        SynchronizedField("reference"),
        SynchronizedField("slug"),
        TranslatableField("title"),
        TranslatableField("purpose"),
        SynchronizedField("contribution_type"),
        SynchronizedField("status"),
        SynchronizedField("end_reason"),
        SynchronizedField("cooperation_areas"),
        SynchronizedField("amount"),
        SynchronizedField("currency"),
        SynchronizedField("quantity"),
        SynchronizedField("unit"),
        SynchronizedField("estimated_value"),
        SynchronizedField("valuation_method"),
        SynchronizedField("signed_date"),
        SynchronizedField("start_date"),
        SynchronizedField("end_date"),
        SynchronizedField("booked_value", overridable=False),
        SynchronizedField("booked_currency", overridable=False),
        SynchronizedField("reporting_value", overridable=False),
        SynchronizedField("reporting_currency", overridable=False),
        SynchronizedField("value_basis", overridable=False),
    ]

    search_fields = [
        index.SearchField("title", boost=2),
        index.SearchField("purpose"),
        index.SearchField("reference"),
        index.AutocompleteField("title"),
        index.RelatedFields("partner", [index.SearchField("name")]),
        SEARCH_KEYS,
        index.FilterField("locale"),
        index.FilterField("live"),
        index.FilterField("contribution_type"),
        index.FilterField("status"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = ["-signed_date", "reference"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "reference"], name="unique_contribution_reference_per_locale"
            ),
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_contribution_slug_per_locale"),
        ]
        indexes = [
            # "Has a public contribution of this type", asked once per partner and type by the
            # directory's facet counts: one index probe each, whatever the planner's statistics say
            # (with stale ones, PostgreSQL combined the locale and partner indexes and took 9 s).
            models.Index(
                fields=["partner", "contribution_type", "locale"],
                condition=models.Q(live=True),
                name="contribution_live_by_partner",
            ),
            # The register filtered by type, and by type and year: its figures and rows read the
            # contributions of that type (and year) only (PostgreSQL with 100,000: 181 to 67 ms a page).
            models.Index(
                fields=["contribution_type", "signed_date"],
                condition=models.Q(live=True),
                name="contribution_live_by_type",
            ),
        ]

    def __str__(self):
        return f"{self.reference} — {self.title}"

    @property
    def is_financial(self):
        return self.contribution_type in ContributionType.financial()

    @property
    def value(self):
        """The money figure that totals add up: the amount given, or the estimated value of a gift in kind."""
        return self.amount if self.is_financial else self.estimated_value

    def clean(self):
        super().clean()
        errors = {}
        if self.currency and not is_currency(self.currency):
            errors["currency"] = _("Choose a currency by its ISO 4217 code, e.g. EUR or USD.")
        if self.is_financial:
            if self.amount is None:
                errors["amount"] = _("Funding needs an amount.")
            if self.quantity is not None or self.unit:
                errors["quantity"] = _("Funding is measured by its amount, not by a quantity.")
            if self.estimated_value is not None:
                errors["estimated_value"] = _("Funding has an amount, not an estimated value.")
        elif self.contribution_type:
            if self.amount is not None:
                errors["amount"] = _(
                    "A contribution in kind has no amount; give its estimated value instead."
                )
            if self.quantity is None:
                errors["quantity"] = _("Say how much is given, in the unit that fits.")
            if not self.unit:
                errors["unit"] = _("Choose the unit the quantity is measured in.")
            if self.estimated_value is not None and self.valuation_method in ("", ValuationMethod.NOT_VALUED):
                errors["valuation_method"] = _("Say how the estimated value was worked out.")
            if self.estimated_value is None and self.valuation_method not in ("", ValuationMethod.NOT_VALUED):
                errors["estimated_value"] = _("Give the estimated value, or choose “Not valued”.")
        if self.value is not None and not self.currency:
            errors["currency"] = _("Give the currency of the amount.")
        if self.booked_value is not None and not self.booked_currency:
            errors["booked_currency"] = _("Give the currency the value was booked in.")
        elif self.booked_currency and self.booked_value is None:
            errors["booked_value"] = _("Give the value booked in the accounts, or leave its currency empty.")
        elif self.booked_currency and not is_currency(self.booked_currency):
            errors["booked_currency"] = _("Choose a currency by its ISO 4217 code, e.g. EUR or USD.")
        if self.status in ContributionStatus.ended_without_completion():
            if not self.end_reason:
                errors["end_reason"] = _("Say why the contribution was terminated or cancelled.")
        elif self.end_reason:
            errors["end_reason"] = _(
                "A reason is only given when a contribution is terminated early or cancelled."
            )
        validate_dates(errors, self.start_date, self.end_date)
        if self.partner_id and not self.partner.is_source:
            errors["partner"] = _("Choose the partner's original record, not one of its translations.")
        if errors:
            raise ValidationError(errors)

    def get_publish_blockers(self):
        return contribution_publish_blockers(self)

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self.make_slug()
        update_fields = kwargs.get("update_fields")
        super().save(*args, **kwargs)
        if update_fields is None or reporting.INPUT_FIELDS.intersection(update_fields):
            self.refresh_reporting_value()

    def refresh_reporting_value(self):
        """Have the database compute the value in the reporting currency (partnerships.reporting) from
        the saved row, and read it back. A translation computes its own from the same synchronised
        fields, so it carries the same value."""
        rows = type(self).objects.filter(pk=self.pk)
        reporting.recompute(rows)
        self.reporting_value, self.reporting_currency, self.value_basis = rows.values_list(
            "reporting_value", "reporting_currency", "value_basis"
        ).get()

    def make_slug(self):
        """The source record's slug, for a translation; otherwise the reference's, made unique among the
        source records with a number ("psp-2025-014-2") when two references differ only in spelling."""
        source = None if self.is_source else self.get_source()
        if source is not None and source.slug:
            return source.slug
        base = slugify(self.reference)[:50] or "contribution"
        taken = set(
            Contribution.objects.filter(locale=self.locale_id, slug__startswith=base)
            .exclude(pk=self.pk)
            .values_list("slug", flat=True)
        )
        slug, number = base, 1
        while slug in taken:
            number += 1
            slug = f"{base}-{number}"
        return slug

    def make_search_text(self):
        partner_name = self.partner.name if self.partner_id else ""
        return contribution_search_text(self.title, self.purpose, self.reference, partner_name)


def contribution_search_text(title, purpose, reference, partner_name):
    return search_key(title, purpose, reference, partner_name)
