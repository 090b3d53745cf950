"""/data/: open-data files, outside the language prefix (the language is a parameter, ?lang=)."""

from django.urls import path, re_path

from partnerships.opendata import downloads

app_name = "opendata"
urlpatterns = [
    path("", downloads.index, name="index"),
    path("datapackage.json", downloads.datapackage, name="datapackage"),
    path("cooperation-areas.csv", downloads.cooperation_areas, name="cooperation-areas"),
    path("exchange-rates.csv", downloads.exchange_rates, name="exchange-rates"),
    re_path(
        r"^(?P<resource>partners|contributions)\.(?P<extension>csv|json|xlsx)$",
        downloads.download,
        name="download",
    ),
]
