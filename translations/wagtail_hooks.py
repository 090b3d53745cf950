"""The translation review in the admin, for pages and records alike: the "Submit translation for review"
buttons and address, the reviewer's editor, wagtail-localize's actions taken away from those who may
not publish, and the "Translation status" report in the Reports menu."""

from wagtail import hooks
from wagtail.models import DraftStateMixin, TranslatableMixin

from translations import guards, views
from translations.review import reviewer_acts_on
from translations.status import TranslationStatusViewSet


@hooks.register("register_admin_urls")
def register_submit_page_translation_url():
    return views.admin_urls()


@hooks.register("register_admin_urls")
def register_reviewed_wagtail_localize_urls():
    return guards.admin_urls()


def submit_page_translation_button(page, user, next_url=None):
    if url := views.submit_translation_url(page, user):
        yield views.submit_translation_button(url, page.get_admin_display_title(), next_url)


@hooks.register("register_page_listing_more_buttons")
def page_listing_submit_translation_button(page, user, next_url=None):
    yield from submit_page_translation_button(page, user, next_url)


@hooks.register("register_page_header_buttons")
def page_header_submit_translation_button(page, user, view_name, next_url=None):
    yield from submit_page_translation_button(page, user, next_url)


@hooks.register("register_snippet_listing_buttons")
def submit_translation_for_review_button(snippet, user, next_url=None):
    """Translations are edited in wagtail-localize's editor, which cannot submit them for review."""
    if url := views.submit_translation_url(snippet, user):
        yield views.submit_translation_button(url, str(snippet), next_url)


@hooks.register("before_edit_page", order=-1)
def review_page_translation_in_wagtails_editor(request, page):
    if reviewer_acts_on(page.specific_deferred, request.user):
        return views.ReviewTranslationPageEditView.as_view()(request, page_id=page.pk)
    return None


# What the user may not do is not offered (then refused) ---------------------------------------------


@hooks.register("construct_snippet_listing_buttons")
def offer_translate_only_to_those_who_may(buttons, snippet, user):
    """A record without drafts (a cooperation area) is public as soon as it is translated, so only
    those who may publish it translate it (`guards`): wagtail-localize offers it to all."""
    if not isinstance(snippet, TranslatableMixin) or isinstance(snippet, DraftStateMixin):
        return
    if guards.user_can_publish(user, snippet):
        return
    refused = guards.translate_snippet_url(snippet)
    buttons[:] = [button for button in buttons if getattr(button, "url", None) != refused]


@hooks.register("construct_page_action_menu")
def offer_convert_to_alias_only_to_publishers(menu_items, request, context):
    """Converting a translation to an alias puts the source's live content in its place."""
    page = context.get("page")
    if page is None or guards.user_can_publish(request.user, page):
        return
    menu_items[:] = [item for item in menu_items if item.name != "localize-convert-to-alias"]


# The "Translation status" report, in the Reports menu -------------------------------------------------

translation_status_viewset = TranslationStatusViewSet()


@hooks.register("register_admin_viewset")
def register_translation_status():
    return translation_status_viewset


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return translation_status_viewset.get_menu_item()
