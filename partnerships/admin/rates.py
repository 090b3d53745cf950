"""Exchange rates, kept by transparency reviewers in the Partnerships menu."""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from partnerships.models.rates import ExchangeRate


class ExchangeRateIndexView(IndexView):
    @cached_property
    def list_display(self):
        return ["currency", "month", "rate", "source"]


class ExchangeRateViewSet(SnippetViewSet):
    model = ExchangeRate
    icon = "decimal"
    menu_label = _("Exchange rates")
    menu_order = 350
    index_view_class = ExchangeRateIndexView
    list_filter = ["currency"]
    search_fields = ["currency", "source"]
    search_backend_name = None
    ordering = ["-month", "currency"]
    list_per_page = 50
    list_export = ["currency", "month", "rate", "source"]
    export_filename = "exchange-rates"
