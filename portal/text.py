"""Text as the searches compare it: one normalisation for what is stored or indexed and for what the
reader types, so that "maritimos" finds "Marítimos" and "امن" or "الامن" find "الأمن".

A word's search key is the word with case and accents folded (NFKD, combining marks dropped, casefold),
its Arabic spelling variants made one (alef forms, hamza seats, taa marbuta, alef maqsura, tatweel,
diacritics, Arabic-Indic digits) and its Arabic definite article taken off ("الأمن" and "أمن" are
the same key, "امن"). Keys are compared as substrings, the way the register and the directory search:
"energ" finds "Énergie"."""

import re
import unicodedata

# Run before NFKD, which would split some of these into a letter and a combining mark: the mapping
# says what each becomes, whatever the decomposition does.
ARABIC_VARIANTS = str.maketrans(
    {
        "أ": "ا",  # alef with hamza above
        "إ": "ا",  # alef with hamza below
        "آ": "ا",  # alef with madda
        "ٱ": "ا",  # alef wasla
        "ؤ": "و",  # hamza on waw
        "ئ": "ي",  # hamza on yaa
        "ء": None,  # a hamza on its own line: often left out when typing ("سما" for "سماء")
        "ة": "ه",  # taa marbuta, often typed as haa
        "ى": "ي",  # alef maqsura, often typed as yaa
        "ـ": None,  # tatweel, which only stretches a word
        **{chr(0x0660 + n): str(n) for n in range(10)},  # Arabic-Indic digits
        **{chr(0x06F0 + n): str(n) for n in range(10)},  # Eastern Arabic-Indic digits
    }
)
# The definite article and the prepositions and conjunction that fuse with it, longest first:
# "والأمن", "بالأمن", "للأمن" are all "امن".
ARABIC_ARTICLES = ("وال", "بال", "كال", "فال", "لل", "ال")
# Shorter than this once the article is off, the word keeps it: "إلى" (to) is not "ى", nor "آلية"
# (mechanism) "يه", which would be found in most words. Shorter words still match with the article
# typed or not, since keys are compared as substrings ("بر" is in "البر").
MIN_STEM_LENGTH = 3
# A word: letters and digits with the combining marks (Latin accents, Arabic harakat) and the tatweel
# written inside them, which \w alone would split the word at.
WORD = re.compile(r"[\w\u0300-\u036f\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06ed]+")


def fold(text):
    """Case, accents and Arabic spelling variants folded, the article left on."""
    decomposed = unicodedata.normalize("NFKD", str(text).translate(ARABIC_VARIANTS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def without_article(key):
    for article in ARABIC_ARTICLES:
        if key.startswith(article) and len(key) - len(article) >= MIN_STEM_LENGTH:
            return key[len(article) :]
    return key


def word_key(word):
    """The search key of one word (see the module's docstring); "" for a word of marks only."""
    return without_article(fold(word))


def search_key(*texts):
    """The search keys of every word of `texts`, space-separated: what a stored search text holds and
    what a query is split into. Punctuation separates words and is dropped."""
    keys = (word_key(word) for text in texts if text for word in WORD.findall(str(text)))
    return " ".join(key for key in keys if key)


def word_matches(key, query_keys):
    """Whether a word (by its key) is one a full-text search for `query_keys` finds: it begins with one
    of them ("energie" for "energ"), as the search backends match words and prefixes, not any part."""
    return any(key.startswith(query) for query in query_keys)


def split_words(text):
    """`text` cut into (piece, is a word) in order, every character kept: for marking the words a
    search found."""
    position = 0
    for match in WORD.finditer(text):
        if match.start() > position:
            yield text[position : match.start()], False
        yield match.group(), True
        position = match.end()
    if position < len(text):
        yield text[position:], False
