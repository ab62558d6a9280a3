import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tuyengiao.textmining.normalize import normalize


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("hoà bình", "hòa bình"),
        ("văn hoá", "văn hóa"),
        ("Hoá học", "Hóa học"),
        ("sức khoẻ", "sức khỏe"),
        ("Uỷ ban", "Ủy ban"),
        ("UỶ BAN", "ỦY BAN"),
        ("Uỷ viên Ban Thường vụ", "Ủy viên Ban Thường vụ"),
        ("thuỷ lợi", "thủy lợi"),
        ("Thuỵ Điển", "Thụy Điển"),
        ("khoá XII", "khóa XII"),
        ("toà án", "tòa án"),
        ("loè loẹt", "lòe loẹt"),
        ("tuỳ theo", "tùy theo"),
        ("luỹ kế", "lũy kế"),
    ],
)
def test_it_moves_old_style_tone_marks_to_the_first_vowel(old, new):
    assert normalize(old) == new


@pytest.mark.parametrize(
    "word",
    ["hoàn thành", "thuyền", "khuỷu tay", "Quỹ", "quý", "quỳ", "hoài", "xoáy", "khuya", "ngoẹo", "hòa", "Ủy"],
)
def test_it_leaves_clusters_that_are_not_final_and_the_qu_words_alone(word):
    assert normalize(word) == word


def test_it_composes_decomposed_accents():
    decomposed = unicodedata.normalize("NFD", "Tuyên giáo Bắc Kạn")
    assert normalize(decomposed) == "Tuyên giáo Bắc Kạn"


def test_decomposed_old_style_marks_end_up_in_the_new_place():
    assert normalize(unicodedata.normalize("NFD", "Uỷ ban")) == "Ủy ban"


def test_it_turns_odd_spaces_into_one_space_and_keeps_line_breaks():
    text = "Sáng\u00a0 14-6,\u200bhội nghị\t\tsơ kết  \r\n  Đồng chí\u202fchủ trì.\r\rHết"
    assert normalize(text) == "Sáng 14-6, hội nghị sơ kết\nĐồng chí chủ trì.\n\nHết"


def test_it_drops_invisible_joiners_and_soft_hyphens():
    assert normalize("\ufeffTuyên\u00ad giáo\u200d") == "Tuyên giáo"


def test_dashes_inside_numbers_become_hyphens():
    assert normalize("Quyết định 1017 – QĐ/TU") == "Quyết định 1017 - QĐ/TU"
    assert normalize("nhiệm kỳ 2020–2025") == "nhiệm kỳ 2020-2025"
    assert normalize("Kết luận 21—KL/TW") == "Kết luận 21-KL/TW"


def test_prose_dashes_stay_en_dashes():
    assert normalize("Đồng chí Hoàng — Trưởng ban") == "Đồng chí Hoàng – Trưởng ban"
    assert normalize("văn hóa – văn nghệ") == "văn hóa – văn nghệ"


def test_hyphen_lookalikes_are_hyphens():
    assert normalize("kinh tế\u2011xã hội, 5\u22123") == "kinh tế-xã hội, 5-3"


def test_empty_and_blank_text():
    assert normalize("") == ""
    assert normalize(None) == ""
    assert normalize("  \u00a0 ") == ""


VIETNAMESE = st.text(
    alphabet=st.sampled_from(
        list("oaeuyqQOAUYhkt ") + list("àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ") + list("\u0300\u0301\u0309\u0303\u0323")
        + list("0123456789/-–—\u2011\n\r\t\u00a0\u200b\u00adĐđƯư")
    ),
)  # fmt: skip


@given(st.one_of(st.text(), VIETNAMESE))
def test_normalizing_twice_changes_nothing_and_gives_nfc(text):
    once = normalize(text)
    assert normalize(once) == once
    assert unicodedata.is_normalized("NFC", once)
    assert "\r" not in once and "  " not in once
