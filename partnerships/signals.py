from django.db.models.signals import post_delete
from django.dispatch import receiver

from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move, unpublished


@receiver(unpublished)
def take_contributions_off_the_register(sender, instance, **kwargs):
    """When a partner leaves the public register, its translations and contributions leave with it."""
    from partnerships.models import Contribution, Partner

    if not isinstance(instance, Partner) or not instance.is_source:
        return
    user = kwargs.get("user")
    for translation in instance.get_translations().filter(live=True):
        translation.unpublish(user=user)
    for contribution in Contribution.objects.filter(partner=instance, live=True):
        contribution.unpublish(user=user)


@receiver([page_published, page_unpublished, post_page_move])
@receiver(post_delete)
def forget_where_the_register_pages_are(sender, instance=None, **kwargs):
    """The cached addresses of the directory and the register may have changed."""
    from partnerships.register import forget_record_links

    if isinstance(instance, Page):
        forget_record_links()
