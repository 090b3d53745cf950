"""The "Partnerships" admin menu, and the publishing guard's refusals shown as admin messages."""

from django.contrib.admin.utils import quote
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.permissions import get_permission_name

from partnerships.admin_views import (
    PartnershipsViewSetGroup,
    publishing_refused_response,
    translation_awaits_submission,
)
from partnerships.applications.admin import ExpressionOfInterestViewSet
from partnerships.models import Contribution, Partner

register_snippet(PartnershipsViewSetGroup)


@hooks.register("before_publish")
def refuse_publishing_what_the_guard_blocks(request, instance):
    """The admin's Publish button: the draft revision is already saved, so say why the record cannot go
    live and return to its edit view instead of letting `publish()` raise."""
    if not isinstance(instance, (Partner, Contribution)):
        return None
    reasons = instance.get_publish_blockers()
    if not reasons:
        return None
    return publishing_refused_response(request, instance, reasons)


@hooks.register("register_snippet_listing_buttons")
def submit_translation_for_review_button(snippet, user, next_url=None):
    """Translations are edited in wagtail-localize's editor, which cannot submit them for review."""
    if not isinstance(snippet, (Partner, Contribution)) or not translation_awaits_submission(snippet):
        return
    if not user.has_perm(get_permission_name("change", type(snippet))):
        return
    url = reverse(type(snippet).snippet_viewset.get_url_name("submit_translation"), args=[quote(snippet.pk)])
    if next_url:
        url += "?" + urlencode({"next": next_url})
    yield Button(
        _("Submit translation for review"),
        url,
        icon_name="resubmit",
        priority=105,
        attrs={"aria-label": _("Submit the translation “%(title)s” for review") % {"title": str(snippet)}},
    )


@hooks.register("register_admin_viewset")
def register_expressions_of_interest():
    return ExpressionOfInterestViewSet()
