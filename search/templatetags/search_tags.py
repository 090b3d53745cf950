"""Marking the words a search found in the text of its results."""

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from portal.text import split_words, word_key, word_matches

register = template.Library()


@register.filter
def highlight(text, query_keys):
    """`text` escaped, with each word a search for `query_keys` (its search keys, portal.text) finds
    in <mark>: "Sécurité" is marked for "securite", "الأمن" for "امن". The markup is built from
    escaped pieces, so nothing in the text or the query can open a tag."""
    if text is None:
        return ""
    pieces = []
    for piece, is_word in split_words(str(text)):
        if is_word and query_keys and word_matches(word_key(piece), query_keys):
            pieces.append(f"<mark>{escape(piece)}</mark>")
        else:
            pieces.append(escape(piece))
    return mark_safe("".join(pieces))
