"""The exchange rates reviewers keep, from which every contribution's value in the reporting currency
is computed (partnerships.reporting)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel

from partnerships.currencies import CurrencySelect, currency_choices, is_currency


def first_of_month(day):
    return day.replace(day=1) if day else day


class ExchangeRate(models.Model):
    """What one unit of a currency was worth in the reporting currency during one month.

    A rate is to the reporting currency of the site settings: after changing that currency, enter the
    rates to the new one (contributions whose month has no rate say so and are left out of totals)."""

    currency = models.CharField(_("currency"), max_length=3, choices=currency_choices)
    month = models.DateField(
        _("month"),
        help_text=_("Any day of the month: the rate is kept for the whole month, from its first day."),
    )
    rate = models.DecimalField(
        _("rate to the reporting currency"),
        max_digits=18,
        decimal_places=8,
        help_text=_("How much one unit of this currency was worth in the reporting currency that month."),
    )
    source = models.CharField(
        _("source"),
        max_length=200,
        help_text=_("Where the rate comes from, e.g. “UN operational rates of exchange”."),
    )

    panels = [
        FieldRowPanel([FieldPanel("currency", widget=CurrencySelect), FieldPanel("month")]),
        FieldPanel("rate"),
        FieldPanel("source"),
    ]

    class Meta:
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")
        ordering = ["-month", "currency"]
        constraints = [
            models.UniqueConstraint(
                fields=["currency", "month"],
                name="unique_exchange_rate_per_currency_and_month",
                violation_error_message=_("There is already a rate for this currency and month."),
            ),
            models.CheckConstraint(
                condition=models.Q(rate__gt=0),
                name="exchange_rate_is_positive",
                violation_error_message=_("An exchange rate must be greater than zero."),
            ),
        ]

    def __str__(self):
        return f"{self.currency} {self.month:%Y-%m}: {self.rate}"

    def save(self, *args, **kwargs):
        self.month = first_of_month(self.month)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        self.month = first_of_month(self.month)
        errors = {}
        if self.currency and not is_currency(self.currency):
            errors["currency"] = _("Choose a currency by its ISO 4217 code, e.g. EUR or USD.")
        if self.rate is not None and self.rate <= 0:
            errors["rate"] = _("An exchange rate must be greater than zero.")
        duplicate = ExchangeRate.objects.filter(currency=self.currency, month=self.month).exclude(pk=self.pk)
        if self.currency and self.month and duplicate.exists():
            errors["month"] = _(
                "There is already a rate for this currency and month: change that one instead."
            )
        if errors:
            raise ValidationError(errors)
