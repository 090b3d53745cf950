"""portal.text: the one normalisation the searches apply to what they store and to what readers type."""

import pytest

from home.demo.areas import AREAS
from home.demo.partners import PARTNERS
from portal.text import search_key, split_words, word_key, word_matches


def demo_partner(slug):
    return next(partner for partner in PARTNERS if partner["slug"] == slug)


def demo_area_name(slug):
    return next(area for area in AREAS if area["slug"] == slug)["name"]


@pytest.mark.parametrize(
    "typed,written",
    [
        ("maritimos", "Marítimos"),
        ("ENERGIE  solaire", "Énergie solaire"),
        ("surete", "Sûreté"),
        ("strasse", "Straße"),
        ("psp-2025-014", "PSP-2025-014"),
    ],
)
def test_case_and_accents_fold(typed, written):
    assert search_key(typed) == search_key(written)


@pytest.mark.parametrize(
    "variant,plain",
    [
        ("أمن", "امن"),  # alef with hamza above
        ("إرهاب", "ارهاب"),  # alef with hamza below
        ("آلية", "اليه"),  # alef with madda; taa marbuta
        ("ٱلأمن", "امن"),  # alef wasla
        ("مؤسسة", "موسسه"),  # hamza on waw
        ("الخسائر", "خساير"),  # hamza on yaa
        ("سماء", "سما"),  # a hamza on its own line
        ("مستشفى", "مستشفي"),  # alef maqsura
        ("الأمـــن", "امن"),  # tatweel
        ("الأَمْنُ", "امن"),  # harakat
        ("الرَّحْمٰن", "رحمن"),  # shadda and superscript alef
        ("٢٠٢٥", "2025"),  # Arabic-Indic digits
    ],
)
def test_arabic_spelling_variants_are_one_key(variant, plain):
    assert word_key(variant) == plain


@pytest.mark.parametrize(
    "with_article,without",
    [
        ("الأمن", "أمن"),
        ("والأمن", "أمن"),
        ("بالأمن", "أمن"),
        ("للأمن", "أمن"),
        ("كالأمن", "أمن"),
        ("فالأمن", "أمن"),
    ],
)
def test_the_article_and_the_particles_fused_with_it_are_taken_off(with_article, without):
    assert word_key(with_article) == word_key(without) == "امن"


def test_a_word_too_short_without_the_article_keeps_it():
    # "إلى" (to) is not the article followed by "ى", nor "آلية" (mechanism) the article and "يه".
    assert word_key("إلى") == "الي"
    assert word_key("آلية") == "اليه"
    # Still found without the article: keys are compared as substrings.
    assert word_key("بر") in search_key("البر")


def test_a_real_area_name_is_found_with_and_without_hamza_and_article():
    stored = search_key(demo_area_name("maritime-security").ar)  # الأمن البحري
    for typed in ["الأمن", "الامن", "أمن", "امن", "البحري", "بحري", "الامن البحرى"]:
        assert all(word in stored for word in search_key(typed).split()), typed


def test_a_real_partner_summary_is_found_with_and_without_hamza_and_article():
    # "رابطة يونانية لشركات التأمين البحري تتقاسم بيانات الخسائر والقرصنة ..."
    stored = search_key(demo_partner("aegean-underwriters-association")["summary"].ar)
    for typed in ["التأمين", "التامين", "تأمين", "الخساير", "خسائر", "القرصنة", "قرصنه", "رابطه يونانيه"]:
        assert all(word in stored for word in search_key(typed).split()), typed


def test_punctuation_separates_words_and_is_dropped():
    assert search_key("(الأمن، البحري)", 'a "b"') == "امن بحري a b"
    assert search_key("***", "", None) == ""


def test_words_are_cut_whole_with_their_marks_and_every_character_kept():
    text = "Le <b>marché</b> الأَمْن!"
    pieces = list(split_words(text))
    assert "".join(piece for piece, _is_word in pieces) == text
    assert [piece for piece, is_word in pieces if is_word] == ["Le", "b", "marché", "b", "الأَمْن"]


def test_a_word_matches_a_query_key_it_begins_with():
    assert word_matches(word_key("Énergie"), ["energ"])
    assert word_matches(word_key("والأمن"), ["امن"])
    assert not word_matches(word_key("Énergie"), ["ergie"])
    assert not word_matches(word_key("Énergie"), ["solaire"])
    assert not word_matches(word_key("Énergie"), [])
