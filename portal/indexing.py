"""What the search index holds besides a page's or record's own text: the same text as search keys
(portal.text), so that the public search, which asks with the reader's words made search keys, finds
"الأمن" with "امن" and "Marítimos" with "maritimos" on every search backend. The text itself stays
indexed as it is written, for the admin's searches."""

from django.db.models import Manager

from wagtail.search import index

from portal.text import search_key

SEARCH_KEYS_FIELD = "search_keys"


class SearchKeysIndexed:
    """Add `SEARCH_KEYS` to the model's `search_fields`."""

    def search_keys(self):
        return search_key(*_texts(self, type(self).get_search_fields()))


SEARCH_KEYS = index.SearchField(SEARCH_KEYS_FIELD)


def _texts(obj, fields):
    """The text of each of `fields` (search fields of `obj`, those of related objects included) as the
    index reads it: rich text and stream fields give their searchable content."""
    for field in fields:
        if isinstance(field, index.SearchField) and field.field_name != SEARCH_KEYS_FIELD:
            value = field.get_value(obj)
            yield from value if isinstance(value, list | tuple) else [value]
        elif isinstance(field, index.RelatedFields):
            related = field.get_value(obj)
            for item in related.all() if isinstance(related, Manager) else [related]:
                if item is not None:
                    yield from _texts(item, field.fields)
