from django.db.models.signals import post_save
from django.dispatch import receiver

from wagtail.signals import unpublished

from partnerships.models.records import Contribution, Partner, contribution_search_text


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
