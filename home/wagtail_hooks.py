from django.templatetags.static import static
from django.utils.html import format_html

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from home.site_identity import Footer, Organisation


@hooks.register("insert_global_admin_js")
def content_direction_script():
    return format_html('<script src="{}" defer></script>', static("js/admin-content-direction.js"))


# The organisation's name and the footer, translated with wagtail-localize like the pages; the site
# setting (Settings → Organisation settings) says which of them the site shows.
register_snippet(Organisation)
register_snippet(Footer)
