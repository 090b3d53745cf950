"""The list-page kit shared by the directory, the register, the updates index and search.

A list page reads its filters from the query string with a LenientFilterForm: a bad value is dropped
on its own, the others still apply, and `notices` says what was ignored, in the reader's language,
with one set of sentences for every page. Each selection has one canonical address (other spellings
of it redirect there), and the page shows one page of items through portal.pagination and the one
pagination template. A list page is shaped like the register: `get_<items>()`, `get_filter_form()`
and `get_context()`, the last calling `list_context()`."""

import copy

from django import forms
from django.forms.utils import flatatt
from django.http import HttpResponseRedirect, QueryDict
from django.utils.html import escape, format_html
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext

from portal.content_cache import remembered
from portal.pagination import page_links, page_number, paginate
from portal.site_urls import absolute_url

MAX_TEXT_LENGTH = 200


def clean_text(value, limit=MAX_TEXT_LENGTH):
    """(text, was_truncated): `value` without control characters, trimmed to `limit` characters."""
    value = "".join(ch for ch in (value or "") if ch.isprintable()).strip()
    if len(value) > limit:
        return value[:limit].strip(), True
    return value, False


def text_too_long_notice():
    return gettext(
        "Your search text was longer than %(limit)s characters, so only the first %(limit)s were used."
    ) % {"limit": MAX_TEXT_LENGTH}


def value_ignored_notice(label):
    return gettext(
        "The value given for “%(filter)s” is not one of its options, so that filter was ignored."
    ) % {"filter": label}


def repeated_value_notice(label):
    return gettext("“%(filter)s” was given more than once, so only its first value was used.") % {
        "filter": label
    }


def page_not_valid_notice():
    return gettext("The page number was not valid, so the first page is shown.")


class ProperNameSelect(forms.Select):
    """A select whose options are proper names (partners): marked translate="no", as names are elsewhere
    isolated in <bdi>, so that neither translation tools nor readers take them for untranslated text.
    There may be thousands: the options are written here in one pass, not by the template engine, which
    took half of the register's time with 2,000 partners; and when the form names the list they come
    from (`options_name`: the same options for every reader until something is published), once per
    content version and language (portal/content_cache.py). No option groups."""

    options_name = None

    def render(self, name, value, attrs=None, renderer=None):
        selected = next(iter(self.format_value(value)), None)
        if self.options_name:
            options = remembered(f"select-options:{self.options_name}:{get_language()}", self.options_html)
        else:
            options = self.options_html()
        if selected is not None:
            # One option selected, as Django's select does: the first with that value.
            chosen = f'<option value="{escape(selected)}"'
            options = options.replace(chosen, f"{chosen} selected", 1)
        return format_html(
            '<select name="{}"{}>\n{}\n</select>',
            name,
            flatatt(self.build_attrs(self.attrs, attrs)),
            mark_safe(options),  # every value and label escaped in options_html
        )

    def use_required_attribute(self, initial):
        """Never: these selects narrow a list. (Django's own answer lists every option to find the first.)"""
        return False

    def options_html(self):
        options = []
        for option_value, label in self.choices:
            option_value = "" if option_value is None else str(option_value)
            extra = ' translate="no"' if option_value else ""
            options.append(f'<option value="{escape(option_value)}"{extra}>{escape(label)}</option>')
        return "\n".join(options)


class LenientFilterForm(forms.Form):
    """Filters from the query string. `filter_fields` narrow the list (in the canonical order of the
    address); other fields (a sort order) shape it and leave the address when they hold `defaults`."""

    text_fields = ()
    filter_fields = ()
    defaults = {}

    def __init__(self, data=None, **kwargs):
        data = (data if data is not None else QueryDict()).copy()
        # A field given twice (?year=2024&year=2025) keeps its first value, and the reader is told.
        self.repeated = [
            name for name in self.base_fields if isinstance(data, QueryDict) and len(data.getlist(name)) > 1
        ]
        for name in self.repeated:
            data[name] = data.getlist(name)[0]
        self.truncated = False
        for name in self.text_fields:
            if name in data:
                data[name], truncated = clean_text(data.get(name))
                self.truncated = self.truncated or truncated
        kwargs.setdefault("label_suffix", "")
        super().__init__(data, **kwargs)

    def _valid(self):
        self.is_valid()
        return {
            name: value
            for name, value in getattr(self, "cleaned_data", {}).items()
            if name not in self.errors and value not in (None, "")
        }

    @property
    def filters(self):
        """The valid, non-empty filters in canonical order, e.g. {"type": "ngo_nonprofit"}."""
        valid = self._valid()
        return {name: valid[name] for name in self.filter_fields if name in valid}

    def value(self, name):
        """A shaping field's valid value, or its default."""
        return self._valid().get(name, self.defaults.get(name))

    @property
    def notices(self):
        """What was ignored or changed, in the reader's language."""
        self.is_valid()
        notices = [text_too_long_notice()] if self.truncated else []
        notices += [repeated_value_notice(self.fields[name].label) for name in self.repeated]
        return notices + [value_ignored_notice(self.fields[name].label) for name in self.errors]

    def canonical_params(self, page=None, **changes):
        """The query-string pairs of the valid values in canonical order; `changes` override or (with
        None) remove single values, e.g. canonical_params(type=None) for a "remove" link."""
        values = {**self._valid(), **changes}
        names = [*self.filter_fields, *(name for name in self.fields if name not in self.filter_fields)]
        params = [
            (name, values[name])
            for name in names
            if values.get(name) not in (None, "") and values[name] != self.defaults.get(name)
        ]
        if page and page != 1:
            params.append(("page", page))
        return params

    def canonical_query(self, page=None, **changes):
        params = self.canonical_params(page=page, **changes)
        return f"?{urlencode(params)}" if params else ""

    def accepted_form(self):
        """The same form bound to the accepted values only, with the same options (no new queries),
        so that the controls show what was applied."""
        form = copy.copy(self)
        form.data = {name: str(value) for name, value in self._valid().items()}
        form.truncated = False
        form.repeated = []
        form._errors = None
        form._bound_fields_cache = {}
        return form


def active_filters(form):
    """The filters in use, in canonical order, as the chips above a list show them: each with its label,
    the option chosen as the form names it, and the query string of the list without that filter."""
    chips = []
    for name, value in form.filters.items():
        field = form.fields[name]
        choices = {str(key): label for key, label in getattr(field, "choices", ())}
        chips.append(
            {
                "name": name,
                "label": field.label,
                "selected_label": choices.get(str(value), value),
                "remove_query": form.canonical_query(**{name: None}),
            }
        )
    return chips


def canonical_redirect(request, form, url):
    """A redirect to the canonical address of a valid selection given in another spelling (empty
    fields, another order), or None. A selection with something ignored keeps its address, so that
    the notice explaining it is shown."""
    number = page_number(request.GET.get("page", "1"))
    if form.notices or number is None:
        return None
    canonical = [(name, str(value)) for name, value in form.canonical_params(page=number)]
    # Compared decoded, so that another percent-encoding of the same values is not redirected.
    asked = [(name, value) for name, values in request.GET.lists() for value in values]
    if asked != canonical:
        return HttpResponseRedirect(url + form.canonical_query(page=number))
    return None


def list_context(request, form, items, per_page, url, count=None):
    """A page of `items` (of `count` items when the page knows it), its notices and its addresses:
    the canonical one, and those of the numbered pages around it."""

    def address(number):
        return url + form.canonical_query(page=number)

    page_obj, invalid_page = paginate(request, items, per_page, count=count, address=address)
    this_page = form.canonical_query(page=page_obj.number)
    return {
        "filter_form": form,
        "filters": form.filters,
        "notices": form.notices + ([page_not_valid_notice()] if invalid_page else []),
        "page_obj": page_obj,
        "list_url": url,
        "canonical_url": absolute_url(request, url + this_page),
        "pages": page_links(page_obj, address),
        # Filter values are codes and slugs, the same in every language: switching language keeps
        # the reader on the same selection (see home.templatetags.navigation_tags).
        "alternate_subpath": this_page,
    }
