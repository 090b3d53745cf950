"""The "Partnerships" admin menu, and the publishing guard's refusals shown as admin messages."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from partnerships.admin.publishing import publishing_refused_response
from partnerships.admin.reviews import partners, reviewers
from partnerships.admin.viewsets import PartnershipsViewSetGroup
from partnerships.applications.admin import ExpressionOfInterestViewSet
from partnerships.models import Contribution, DueDiligenceReview, Partner

# Before the viewsets are registered: their views ask the registry which policy applies.
register_permission_policy(DueDiligenceReview, reviewers)
register_permission_policy(Partner, partners)
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


@hooks.register("register_admin_viewset")
def register_expressions_of_interest():
    return ExpressionOfInterestViewSet()
