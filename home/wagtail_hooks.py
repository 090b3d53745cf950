from django.templatetags.static import static
from django.utils.html import format_html

from wagtail import hooks
from wagtail.models import DraftStateMixin, TranslatableMixin

from home import admin_views, translation_guards
from home.translation_review import reviewer_acts_on


@hooks.register("register_admin_urls")
def register_submit_page_translation_url():
    return admin_views.admin_urls()


@hooks.register("register_admin_urls")
def register_reviewed_wagtail_localize_urls():
    return translation_guards.admin_urls()


def submit_page_translation_button(page, user, next_url=None):
    if url := admin_views.submit_translation_url(page, user):
        yield admin_views.submit_translation_button(url, page.get_admin_display_title(), next_url)


@hooks.register("register_page_listing_more_buttons")
def page_listing_submit_translation_button(page, user, next_url=None):
    yield from submit_page_translation_button(page, user, next_url)


@hooks.register("register_page_header_buttons")
def page_header_submit_translation_button(page, user, view_name, next_url=None):
    yield from submit_page_translation_button(page, user, next_url)


@hooks.register("before_edit_page", order=-1)
def review_page_translation_in_wagtails_editor(request, page):
    if reviewer_acts_on(page.specific_deferred, request.user):
        return admin_views.ReviewTranslationPageEditView.as_view()(request, page_id=page.pk)
    return None


@hooks.register("insert_global_admin_js")
def content_direction_script():
    return format_html('<script src="{}" defer></script>', static("js/admin-content-direction.js"))


# What the user may not do is not offered (then refused) ---------------------------------------------


@hooks.register("construct_snippet_listing_buttons")
def offer_translate_only_to_those_who_may(buttons, snippet, user):
    """A record without drafts (a cooperation area) is public as soon as it is translated, so only
    those who may publish it translate it (`translation_guards`): wagtail-localize offers it to all."""
    if not isinstance(snippet, TranslatableMixin) or isinstance(snippet, DraftStateMixin):
        return
    if translation_guards.user_can_publish(user, snippet):
        return
    refused = translation_guards.translate_snippet_url(snippet)
    buttons[:] = [button for button in buttons if getattr(button, "url", None) != refused]


@hooks.register("construct_page_action_menu")
def offer_convert_to_alias_only_to_publishers(menu_items, request, context):
    """Converting a translation to an alias puts the source's live content in its place."""
    page = context.get("page")
    if page is None or translation_guards.user_can_publish(request.user, page):
        return
    menu_items[:] = [item for item in menu_items if item.name != "localize-convert-to-alias"]
