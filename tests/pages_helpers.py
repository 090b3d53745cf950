"""Pages in several languages for the page-level tests (language switcher, menus, sitemap, updates,
search, the English-leftovers scan), made on the bare site (tests/site.py) by the tests that read them.

`translated_page` gives every translation the English slug and text; a translator usually gives a
page its own address and words, which is what these pages have."""

from home.models import ContentPage, UpdateIndexPage, UpdatePage
from tests.factories import locale
from tests.site import translated_page

# A programme page whose address is translated (as the demo's is), and kept in English in Arabic.
PROGRAMME = {
    "en": {"title": "The collaboration programme", "slug": "transparency"},
    "fr": {"title": "Le programme de collaboration", "slug": "transparence"},
    "es": {"title": "El programa de colaboración", "slug": "transparencia"},
    "ar": {"title": "برنامج التعاون", "slug": "transparency"},
}
PROGRAMME_URLS = {code: f"/{code}/{texts['slug']}/" for code, texts in PROGRAMME.items()}


def page_in_languages(model, *, texts, parent=None, **fields):
    """A page of `model` published in English and translated into each other language of `texts`
    ({code: {"title": …, "slug": …, field: …}}): each translation published with its own slug and
    text (what a translator types). `fields` are the same in every language. Returns {code: page}."""
    english = {name: value for name, value in texts["en"].items() if name not in ("title", "slug")}
    pages = translated_page(
        model,
        slug=texts["en"]["slug"],
        titles={code: text["title"] for code, text in texts.items()},
        parent=parent,
        **english,
        **fields,
    )
    for code, page in pages.items():
        changes = {name: value for name, value in texts[code].items() if getattr(page, name) != value}
        if changes:
            for name, value in changes.items():
                setattr(page, name, value)
            page.save_revision().publish()
            page.refresh_from_db()
    return pages


def programme_page(codes=("en", "fr", "es", "ar"), **fields):
    """The programme page, in `codes`, at PROGRAMME_URLS."""
    return page_in_languages(ContentPage, texts={code: PROGRAMME[code] for code in codes}, **fields)


def update_index():
    return UpdateIndexPage.objects.get(locale=locale("en"))


def update_in_languages(slug, date, titles, **fields):
    """An update of `date` published in English and in each other language of `titles` ({code: title}),
    keeping its English slug (as the demo's updates do); its summary says its title."""
    texts = {code: {"title": title, "summary": f"{title}."} for code, title in titles.items()}
    texts["en"]["slug"] = slug
    return page_in_languages(UpdatePage, texts=texts, parent=update_index(), date=date, **fields)
