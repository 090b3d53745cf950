"""What the admin's reports share: a viewset whose view and menu item ask the same permission policy,
so a user who may not see a report neither finds it in a menu nor opens it by its address."""

from django.urls import path, reverse

from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet


class PermissionCheckedMenuItem(MenuItem):
    def __init__(self, *args, viewset, **kwargs):
        super().__init__(*args, **kwargs)
        self.viewset = viewset

    def is_shown(self, request):
        return self.viewset.user_may_see(request.user)


class ReportViewSet(ViewSet):
    """A report: `view_class` is a ReportView whose `permission_policy` and `permission_required`
    decide who sees it; `results_url` adds the address Wagtail's filters refresh the results from."""

    view_class = None
    results_url = False

    def user_may_see(self, user):
        view = self.view_class
        return view.permission_policy.user_has_permission(user, view.permission_required)

    def get_menu_item(self, order=None):
        return PermissionCheckedMenuItem(
            label=self.menu_label,
            url=reverse(self.get_url_name("index")),
            name=self.menu_name,
            icon_name=self.menu_icon,
            order=self.get_menu_item_order(order),
            viewset=self,
        )

    def get_urlpatterns(self):
        urls = [path("", self.view_class.as_view(), name="index")]
        if self.results_url:
            urls.append(path("results/", self.view_class.as_view(results_only=True), name="index_results"))
        return urls
