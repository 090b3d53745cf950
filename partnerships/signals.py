from django.db.models.signals import post_save
from django.dispatch import receiver

from wagtail.actions.unpublish import UnpublishAction
from wagtail.signals import unpublished

from partnerships.models.records import Contribution, Partner
from partnerships.models.reviews import DueDiligenceReview


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
