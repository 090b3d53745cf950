"""Values in one reporting currency: the setting, the exchange-rate table reviewers keep, and each
contribution's value in the reporting currency (see partnerships.reporting)."""

import django.core.validators
import partnerships.currencies
from decimal import Decimal
from django.db import migrations, models


REVIEWERS = "Transparency reviewers"


def reviewers_keep_the_rates(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=REVIEWERS)
    content_type, _ = ContentType.objects.get_or_create(app_label="partnerships", model="exchangerate")
    for action in ("add", "change", "delete", "view"):
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_exchangerate",
            defaults={"name": f"Can {action} exchange rate"},
        )
        group.permissions.add(permission)


def value_existing_contributions(apps, schema_editor):
    """The table of rates starts empty: values in euros (the default reporting currency) count as they
    are, those in other currencies wait for their rates (saving a rate converts them)."""
    Contribution = apps.get_model("partnerships", "Contribution")
    financial = models.Q(contribution_type__in=["financial_unearmarked", "financial_earmarked"])
    value = models.Case(models.When(financial, then=models.F("amount")), default=models.F("estimated_value"))
    valued = models.Q(financial, amount__isnull=False) | models.Q(~financial, estimated_value__isnull=False)
    Contribution.objects.update(reporting_currency="EUR")
    Contribution.objects.filter(valued, currency="EUR").update(
        reporting_value=value, value_basis="same_currency"
    )
    Contribution.objects.filter(valued).exclude(currency="EUR").update(value_basis="no_rate")


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0011_delete_applypage"),
    ]

    operations = [
        migrations.AddField(
            model_name="contribution",
            name="booked_currency",
            field=models.CharField(
                blank=True,
                choices=partnerships.currencies.currency_choices,
                max_length=3,
                verbose_name="currency of the booked value",
            ),
        ),
        migrations.AddField(
            model_name="contribution",
            name="booked_value",
            field=models.DecimalField(
                blank=True,
                decimal_places=2,
                help_text="When the accounts booked this contribution at a known value, it replaces the conversion at the month's exchange rate.",
                max_digits=14,
                null=True,
                validators=[django.core.validators.MinValueValidator(Decimal("0"))],
                verbose_name="value booked in the accounts",
            ),
        ),
        migrations.AddField(
            model_name="contribution",
            name="reporting_currency",
            field=models.CharField(blank=True, max_length=3, verbose_name="reporting currency"),
        ),
        migrations.AddField(
            model_name="contribution",
            name="reporting_value",
            field=models.DecimalField(
                blank=True,
                decimal_places=2,
                max_digits=16,
                null=True,
                verbose_name="value in the reporting currency",
            ),
        ),
        migrations.AddField(
            model_name="contribution",
            name="value_basis",
            field=models.CharField(
                blank=True,
                choices=[
                    ("exchange_rate", "Converted at the month's exchange rate"),
                    ("same_currency", "Given in the reporting currency"),
                    ("booked", "Value booked in the accounts"),
                    ("no_rate", "No exchange rate for its month: left out of the totals"),
                ],
                max_length=16,
                verbose_name="how the value in the reporting currency was obtained",
            ),
        ),
        migrations.AddField(
            model_name="partnershipsettings",
            name="reporting_currency",
            field=models.CharField(
                choices=partnerships.currencies.currency_choices,
                default="EUR",
                help_text="The currency every figure is given in. Contributions in other currencies are converted with the exchange rates to this currency (Partnerships → Exchange rates).",
                max_length=3,
                verbose_name="reporting currency",
            ),
        ),
        migrations.CreateModel(
            name="ExchangeRate",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "currency",
                    models.CharField(
                        choices=partnerships.currencies.currency_choices,
                        max_length=3,
                        verbose_name="currency",
                    ),
                ),
                (
                    "month",
                    models.DateField(
                        help_text="Any day of the month: the rate is kept for the whole month, from its first day.",
                        verbose_name="month",
                    ),
                ),
                (
                    "rate",
                    models.DecimalField(
                        decimal_places=8,
                        help_text="How much one unit of this currency was worth in the reporting currency that month.",
                        max_digits=18,
                        verbose_name="rate to the reporting currency",
                    ),
                ),
                (
                    "source",
                    models.CharField(
                        help_text="Where the rate comes from, e.g. “UN operational rates of exchange”.",
                        max_length=200,
                        verbose_name="source",
                    ),
                ),
            ],
            options={
                "verbose_name": "exchange rate",
                "verbose_name_plural": "exchange rates",
                "ordering": ["-month", "currency"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("currency", "month"),
                        name="unique_exchange_rate_per_currency_and_month",
                        violation_error_message="There is already a rate for this currency and month.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("rate__gt", 0)),
                        name="exchange_rate_is_positive",
                        violation_error_message="An exchange rate must be greater than zero.",
                    ),
                ],
            },
        ),
        migrations.RunPython(reviewers_keep_the_rates, migrations.RunPython.noop),
        migrations.RunPython(value_existing_contributions, migrations.RunPython.noop),
    ]
