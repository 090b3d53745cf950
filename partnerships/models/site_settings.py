from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from partnerships.currencies import CurrencySelect, currency_choices

DEFAULT_REPORTING_CURRENCY = "EUR"


@register_setting(icon="mail")
class PartnershipSettings(BaseSiteSetting):
    reviewers_email = models.EmailField(
        _("reviewers' address"),
        blank=True,
        help_text=_("Where new expressions of interest are announced. Without it, no notification is sent."),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy notice page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from the consent box of the expression-of-interest form."),
    )

    reporting_currency = models.CharField(
        _("reporting currency"),
        max_length=3,
        choices=currency_choices,
        default=DEFAULT_REPORTING_CURRENCY,
        help_text=_(
            "The currency every figure is given in. Contributions in other currencies are converted with "
            "the exchange rates to this currency (Partnerships → Exchange rates)."
        ),
    )

    panels = [
        FieldPanel("reviewers_email"),
        FieldPanel("privacy_page"),
        FieldPanel("reporting_currency", widget=CurrencySelect),
    ]

    class Meta:
        verbose_name = _("partnership settings")
