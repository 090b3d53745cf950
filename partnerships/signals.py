from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from wagtail.signals import unpublished

from partnerships import reporting
from partnerships.models.rates import ExchangeRate
from partnerships.models.records import Contribution, Partner
from partnerships.models.site_settings import PartnershipSettings


@receiver(unpublished)
def take_contributions_off_the_register(sender, instance, **kwargs):
    """When a partner leaves the public register, its translations and contributions leave with it."""
    if not isinstance(instance, Partner) or not instance.is_source:
        return
    user = kwargs.get("user")
    for translation in instance.get_translations().filter(live=True):
        translation.unpublish(user=user)
    for contribution in Contribution.objects.filter(partner=instance, live=True):
        contribution.unpublish(user=user)


@receiver(pre_save, sender=ExchangeRate)
def remember_what_the_rate_converted(sender, instance, **kwargs):
    """A rate moved to another currency or month no longer converts the contributions it did."""
    instance.previously = (
        ExchangeRate.objects.filter(pk=instance.pk).values_list("currency", "month").first()
        if instance.pk
        else None
    )


@receiver(post_save, sender=ExchangeRate)
@receiver(post_delete, sender=ExchangeRate)
def convert_again_with_the_new_rate(sender, instance, **kwargs):
    """The contributions a rate converts (or converted) take its new value: one UPDATE per rate."""
    currency = reporting.reporting_currency()
    for rate_currency, month in {
        (instance.currency, instance.month),
        getattr(instance, "previously", None),
    } - {None}:
        reporting.recompute(
            reporting.converted_by(Contribution.objects.all(), rate_currency, month), currency
        )


@receiver(post_save, sender=PartnershipSettings)
def convert_again_into_the_new_reporting_currency(sender, instance, **kwargs):
    """Records belong to no site: the default site's settings name the reporting currency."""
    if not instance.site.is_default_site:
        return
    currency = instance.reporting_currency
    reporting.recompute(Contribution.objects.exclude(reporting_currency=currency), currency)
