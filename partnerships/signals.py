from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from wagtail.actions.unpublish import UnpublishAction
from wagtail.signals import unpublished

from partnerships import reporting
from partnerships.models.rates import ExchangeRate
from partnerships.models.records import Contribution, Partner, contribution_search_text
from partnerships.models.reviews import DueDiligenceReview
from partnerships.models.site_settings import PartnershipSettings
from partnerships.models.taxonomy import CooperationArea
from portal import page_cache


def _unpublish(record, user):
    # Leaving the site follows from a decision already authorised (a reviewer's, or the partner's own
    # unpublishing), so the user's publish permission on each dependent record is not asked again.
    UnpublishAction(record, user=user).execute(skip_permission_checks=True)


def _take_dependents_off(partner, user):
    for translation in partner.get_translations().filter(live=True):
        _unpublish(translation, user)
    # Contributions point at the source partner in every language, so this takes their translations too.
    for contribution in Contribution.objects.filter(partner=partner, live=True):
        _unpublish(contribution, user)


@receiver(unpublished)
def take_contributions_off_the_register(sender, instance, **kwargs):
    """When a partner leaves the public register, its translations and contributions leave with it."""
    if not isinstance(instance, Partner) or not instance.is_source:
        return
    _take_dependents_off(instance, user=None)


@receiver(post_save, sender=DueDiligenceReview)
@receiver(post_delete, sender=DueDiligenceReview)
def review_changes_the_standing(sender, instance, raw=False, **kwargs):
    """The partner's decision in force follows its reviews (before a rejection takes the partner off,
    below, so that the register already reads the partner as rejected)."""
    if not raw:
        Partner.objects.filter(pk=instance.partner_id).refresh_standings()


@receiver(post_save, sender=DueDiligenceReview)
def negative_decision_takes_effect(sender, instance, **kwargs):
    """A rejection or withdrawal takes the partner, in every language, and its contributions off every
    public surface as soon as it is recorded, through Wagtail's unpublishing (so revisions, the history
    and the search index follow). An approval publishes nothing by itself."""
    if not instance.takes_partner_off_the_site:
        return
    partner, user = instance.partner, instance.recorded_by
    # Dependents first, so that each unpublishing is logged as the recorder's (Wagtail's `unpublished`
    # signal, which take_contributions_off_the_register answers, does not say who unpublished).
    _take_dependents_off(partner, user)
    if partner.live:
        _unpublish(partner, user)


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


@receiver(post_save, sender=Partner)
def refresh_contributions_search_text(sender, instance, update_fields=None, **kwargs):
    """The register's keyword search finds contributions by their partner's name: a renamed partner's
    contributions (and their translations, which point at the same partner) follow its new name."""
    if update_fields is not None and "name" not in update_fields:
        return
    contributions = Contribution.objects.filter(partner=instance).only(
        "pk", "title", "purpose", "reference", "search_text"
    )
    changed = []
    for contribution in contributions:
        text = contribution_search_text(
            contribution.title, contribution.purpose, contribution.reference, instance.name
        )
        if text != contribution.search_text:
            contribution.search_text = text
            changed.append(contribution)
    Contribution.objects.bulk_update(changed, ["search_text"])


# Neither pages nor snippets with drafts, yet public: a recorded decision shows on the partner's
# profile, a rate moves every converted value, an area's name shows on every list. Saving or deleting
# one makes the cached pages stale (portal.page_cache; pages and snippets are followed there).
page_cache.follow(DueDiligenceReview, ExchangeRate, CooperationArea)
