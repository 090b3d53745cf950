"""The select of proper names (the register's partners), written without the template engine."""

from bs4 import BeautifulSoup

from portal.lists import ProperNameSelect
from portal.page_cache import new_content_version


def rendered(value, choices):
    widget = ProperNameSelect(choices=choices)
    html = widget.render("partner", value, attrs={"id": "id_partner", "aria-describedby": "partner-help"})
    return BeautifulSoup(html, "html.parser").select_one("select")


CHOICES = [("", "All partners"), ("acme", "Acme & Sons <Ltd>"), ("beta", "Beta"), ("beta", "Beta again")]


def test_names_are_escaped_and_kept_from_translation_tools():
    select = rendered("", CHOICES)
    assert select["name"] == "partner"
    assert select["id"] == "id_partner" and select["aria-describedby"] == "partner-help"
    options = select.select("option")
    assert [option.get_text() for option in options] == [
        "All partners",
        "Acme & Sons <Ltd>",
        "Beta",
        "Beta again",
    ]
    assert "&lt;Ltd&gt;" in str(options[1])
    assert [option.get("translate") for option in options] == [None, "no", "no", "no"]


def test_the_chosen_value_is_selected_once():
    select = rendered("beta", CHOICES)
    assert [option["value"] for option in select.select("option[selected]")] == ["beta"]
    assert select.select("option")[2].has_attr("selected")
    assert not rendered("", CHOICES).select("option[selected]")[1:]


def test_named_options_are_written_once_per_content_version_and_still_show_the_choice(settings):
    settings.PORTAL_CONTENT_CACHE = True

    def named(value, choices):
        widget = ProperNameSelect(choices=choices)
        widget.options_name = "test-partners"
        return BeautifulSoup(widget.render("partner", value), "html.parser").select_one("select")

    assert [option["value"] for option in named("", CHOICES).select("option")] == ["", "acme", "beta", "beta"]
    # Until something is published, the options written first are served, with the reader's choice.
    again = named("acme", [("", "All partners"), ("zeta", "Zeta")])
    assert [option["value"] for option in again.select("option")] == ["", "acme", "beta", "beta"]
    assert [option["value"] for option in again.select("option[selected]")] == ["acme"]
    new_content_version()
    assert [option["value"] for option in named("", [("", "All"), ("zeta", "Zeta")]).select("option")] == [
        "",
        "zeta",
    ]
