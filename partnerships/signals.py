from django.dispatch import receiver

from wagtail.signals import unpublished

from partnerships.models.records import Contribution, Partner


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
