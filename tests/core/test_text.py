import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from tuyengiao.core.text import fold, nfc


def test_fold_ignores_diacritics_and_case():
    assert fold("Thái Nguyên") == fold("thai nguyen") == "thai nguyen"
    assert fold("Đắk Lắk") == "dak lak"


def test_nfc_composes_decomposed_input_and_collapses_spaces():
    decomposed = unicodedata.normalize("NFD", "Bắc  Kạn ")
    assert nfc(decomposed) == "Bắc Kạn"
    assert len(nfc(decomposed)) == len("Bắc Kạn")


@given(st.text())
def test_fold_is_idempotent_and_ascii_for_vietnamese(text):
    folded = fold(text)
    assert fold(folded) == folded
    assert not any(unicodedata.combining(ch) for ch in folded)
