"""wagtail-localize's "Sync translated pages/snippets", without its back door around the review workflow.

Its "Publish immediately" option publishes every translation after the transaction commits, through a
revision published with no user, so Wagtail's own publish-permission check never runs: an editor could
put translations live that no reviewer approved (invariant 4). This view offers the option only to
users who may publish the source themselves; everyone else saves the synced translations as drafts,
which then go through the "Transparency review" workflow like any other change."""

from django import forms
from django.urls import path

from wagtail.permissions import policy_registry
from wagtail_localize.views.update_translations import UpdateTranslationsView


class ReviewedUpdateTranslationsView(UpdateTranslationsView):
    def user_can_publish(self):
        instance = self.object.get_source_instance()
        return policy_registry.get(instance).user_has_permission_for_instance(
            self.request.user, "publish", instance
        )

    def get_form(self):
        form = super().get_form()
        if not self.user_can_publish():
            # A disabled field ignores what is posted and cleans to False; hidden, the template skips it.
            publish = form.fields["publish_translations"]
            publish.disabled = True
            publish.widget = forms.HiddenInput()
        return form


def admin_urls():
    """Served at wagtail-localize's own address, which this pattern shadows: `partnerships` comes before
    `wagtail_localize` in INSTALLED_APPS, so its admin URLs are matched first."""
    return [
        path(
            "localize/update/<int:translation_source_id>/",
            ReviewedUpdateTranslationsView.as_view(),
            name="reviewed_update_translations",
        )
    ]
