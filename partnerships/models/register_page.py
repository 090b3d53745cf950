from django.db import models
from django.utils.translation import gettext_lazy

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from partnerships import register, views
from partnerships.localize import area_choices
from partnerships.models.records import Contribution
from portal import lists


class ContributionIndexPage(Page):
    """/<lang>/contributions/: the register of contributions, with totals and a chart.

    Everything on it is computed from `Contribution.objects.public()` at request time, so the register,
    its figures and its charts always agree with the approved records."""

    introduction = models.TextField(gettext_lazy("introduction"), max_length=600, blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "partnerships/register_page.html"

    class Meta:
        verbose_name = gettext_lazy("contribution register")

    def get_contributions(self):
        return Contribution.objects.public()

    def get_filter_form(self, request):
        years, currencies = register.options_present(self.get_contributions())
        return register.RegisterFilterForm(
            request.GET, years=years, currencies=currencies, areas=area_choices()
        )

    def serve(self, request, *args, **kwargs):
        form = self.get_filter_form(request)
        redirect = lists.canonical_redirect(request, form, self.get_url(request) or "")
        return redirect or super().serve(request, *args, filter_form=form, **kwargs)

    def get_context(self, request, *args, filter_form=None, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = filter_form or self.get_filter_form(request)
        contributions = register.filter_contributions(self.get_contributions(), form.filters)
        context.update(views.register_context(self, request, form, contributions))
        return context
