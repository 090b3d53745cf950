from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import Page, Site
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


def forget_record_links_after_commit():
    """Forgotten once the change is committed: a request made meanwhile would cache the old addresses."""
    from partnerships.register import forget_record_links

    transaction.on_commit(forget_record_links)


@receiver([page_published, page_unpublished, post_page_move])
@receiver(post_delete, sender=Page)
@receiver([post_save, post_delete], sender=Site)
def forget_where_the_register_pages_are(sender, **kwargs):
    """The cached addresses of the directory and the register may have changed."""
    forget_record_links_after_commit()


@receiver(post_save)
def forget_where_the_register_pages_are_after_a_new_live_page(sender, instance, created=False, **kwargs):
    """A page created live (an alias, a copy published at once) sends no page_published."""
    if created and isinstance(instance, Page) and instance.live:
        forget_record_links_after_commit()
