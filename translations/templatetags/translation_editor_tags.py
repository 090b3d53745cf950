"""wagtail-localize's translation editor, fitted to the transparency review.

Used by the templates in `translations/templates/wagtail_localize/admin/`, which extend wagtail-localize's own:
they change what its editor offers, never what it does."""

import json

from django import template
from django.contrib.admin.utils import quote
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from wagtail.admin.ui.side_panels import StatusSidePanel
from wagtail.admin.widgets import HeaderButton
from wagtail.models import DraftStateMixin, Page, RevisionMixin, WorkflowMixin
from wagtail.permissions import policy_registry
from wagtail.snippets.side_panels import SnippetStatusSidePanel

from translations.guards import user_can_publish
from translations.views import submit_translation_url

register = template.Library()


@register.simple_tag(takes_context=True)
def editor_props_for_user(context, props, instance):
    """The editor's props without the actions this user may not take, so that they are not offered and
    then refused: Publish and Delete follow the user's permissions, and Convert to alias (which makes
    the page live with the source's content) is for those who may publish it."""
    user = context["request"].user
    data = json.loads(props)
    may_publish = user_can_publish(user, instance)
    data["perms"]["canPublish"] = data["perms"]["canPublish"] and may_publish
    data["perms"]["canDelete"] = data["perms"]["canDelete"] and user_can_delete(user, instance)
    if not may_publish:
        data["links"]["convertToAliasUrl"] = None
    return json.dumps(data, cls=DjangoJSONEncoder)


def user_can_delete(user, instance):
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_delete()
    return policy_registry.get(instance).user_has_permission_for_instance(user, "delete", instance)


@register.simple_tag
def translation_side_panels(side_panels, instance):
    """wagtail-localize gives a translated record Wagtail's generic status panel, whose workflow dialog
    needs the record's comparison and workflow-history addresses: rendered while the translation is
    under review, it failed for everyone. Wagtail's snippet status panel takes them from the context,
    which `translation_status_context` fills. Pages keep their own panel, which knows its addresses."""
    if isinstance(instance, Page):
        return side_panels
    panels = []
    for panel in side_panels:
        if type(panel) is StatusSidePanel:
            panel = SnippetStatusSidePanel(
                panel.object,
                panel.request,
                locale=panel.locale,
                translations=panel.translations,
                usage_url=panel.usage_url,
                history_url=panel.history_url,
                last_updated_info=panel.last_updated_info,
            )
        panels.append(panel)
    return panels


@register.simple_tag
def translation_status_context(instance):
    if isinstance(instance, Page) or not hasattr(instance, "snippet_viewset"):
        return {}
    viewset = instance.snippet_viewset
    context = {
        "revision_enabled": isinstance(instance, RevisionMixin),
        "draftstate_enabled": isinstance(instance, DraftStateMixin),
    }
    if isinstance(instance, WorkflowMixin):
        context["workflow_history_url"] = reverse(
            viewset.get_url_name("workflow_history"), args=[quote(instance.pk)]
        )
    if isinstance(instance, RevisionMixin):
        context["revisions_compare_url_name"] = viewset.get_url_name("revisions_compare")
    return context


@register.simple_tag(takes_context=True)
def translation_header_buttons(context, instance):
    """ "Submit translation for review" in the header of the editor the translator works in, not only in
    the listings' menus."""
    url = submit_translation_url(instance, context["request"].user)
    if url is None:
        return []
    next_url = context["request"].get_full_path()
    return [
        HeaderButton(
            _("Submit translation for review"),
            url=f"{url}?{urlencode({'next': next_url})}",
            icon_name="resubmit",
        )
    ]
