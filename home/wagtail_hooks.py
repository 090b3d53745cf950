from django.templatetags.static import static
from django.utils.html import format_html

from wagtail import hooks


@hooks.register("insert_global_admin_js")
def content_direction_script():
    return format_html('<script src="{}" defer></script>', static("js/admin-content-direction.js"))
