import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tuyengiao.documents import numbering
from tuyengiao.documents.numbering import DocNumber, NumberError, canonical, parse, term_for, try_parse


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Số 21-KL/TW", "21-KL/TW"),
        ("21 - KL/TƯ", "21-KL/TW"),
        ("1017 – QĐ/TU", "1017-QĐ/TU"),
        ("số 05-CT/TW", "05-CT/TW"),
        ("5-CT/T.W", "05-CT/TW"),
        ("số 05-ct/tw", "05-CT/TW"),
        ("12-BC/BTGDVTU", "12-BC/BTGDVTU"),
        ("Số 36 - HD/VPTW.", "36-HD/VPTW"),
        ("08-QĐi/TW", "08-QĐi/TW"),
        ("3-ctr/thu", "03-CTr/ThU"),
        ("15-NQ/BTGDVTƯ", "15-NQ/BTGDVTW"),
        ("12 - QD/DU", "12-QĐ/ĐU"),
        ("007-KH/HU", "07-KH/HU"),
    ],
)
def test_it_reads_party_numbers_as_people_type_them(written, expected):
    parsed = parse(written)
    assert parsed.system == "party" and parsed.year is None
    assert parsed.canonical == expected == canonical(written)


def test_it_splits_a_party_number_into_its_parts():
    assert parse("Số 21-KL/TW") == DocNumber("party", "21", "KL", "TW")
    assert parse("Số 21-KL/TW").heading == "Số 21-KL/TW"


def test_a_party_number_written_with_a_colon_is_accepted_and_normalized():
    assert parse("Số: 21-KL/TW").canonical == "21-KL/TW"


@pytest.mark.parametrize(
    ("written", "expected", "parts"),
    [
        ("30/2020/NĐ-CP", "30/2020/NĐ-CP", ("NĐ", "CP", 2020)),
        ("Số: 12/BC-UBND", "12/BC-UBND", ("BC", "UBND", None)),
        ("245/UBND-VX", "245/UBND-VX", ("CV", "UBND-VX", None)),
        ("15/2023/QĐ-UBND", "15/2023/QĐ-UBND", ("QĐ", "UBND", 2023)),
        ("Số: 1234/QĐ-TTg", "1234/QĐ-TTg", ("QĐ", "TTg", None)),
        ("5/2011/TT-BNV", "05/2011/TT-BNV", ("TT", "BNV", 2011)),
        ("59/2020/QH14", "59/2020/QH14", ("", "QH14", 2020)),
        ("12/CV-UBND", "12/UBND", ("CV", "UBND", None)),
        ("3/kh-ubnd", "03/KH-UBND", ("KH", "UBND", None)),
    ],
)
def test_it_reads_state_numbers(written, expected, parts):
    parsed = parse(written)
    assert parsed.system == "state"
    assert parsed.canonical == expected
    assert (parsed.type, parsed.issuer, parsed.year) == parts


def test_a_state_number_prints_with_its_colon():
    assert parse("30/2020/NĐ-CP").heading == "Số: 30/2020/NĐ-CP"


@pytest.mark.parametrize(
    ("written", "words"),
    [
        ("", "Chưa nhập"),
        ("   ", "Chưa nhập"),
        ("KL/TW", "Thiếu số thứ tự"),
        ("Số ", "Thiếu số thứ tự"),
        ("21", "Thiếu loại văn bản"),
        ("0-KL/TW", "lớn hơn 0"),
        ("00/2020/NĐ-CP", "lớn hơn 0"),
        ("21-XY/TW", "Loại văn bản 'XY' không có trong danh mục"),
        ("21-KL", "Thiếu dấu gạch chéo"),
        ("21-KL/", "Thiếu ký hiệu cơ quan ban hành"),
        ("21-/TW", "Thiếu ký hiệu loại văn bản"),
        ("12/BC", "Thiếu cơ quan ban hành"),
        ("21/KL-TW", "văn bản của Đảng"),
        ("30/20/NĐ-CP", "4 chữ số"),
        ("30/1800/NĐ-CP", "Năm ban hành 1800"),
        ("1234567-KL/TW", "quá dài"),
        ("21-KL/TW/TU", "một dấu gạch chéo"),
        ("21-KL/T W", "khoảng trắng"),
        ("21-KL/TW!", "không hợp lệ"),
        ("21.KL/TW", "gạch ngang"),
    ],
)
def test_each_malformed_number_gets_its_own_reason_in_vietnamese(written, words):
    with pytest.raises(NumberError) as error:
        parse(written)
    assert words in error.value.reason
    assert try_parse(written) is None


def test_the_unknown_type_reason_lists_the_known_types():
    with pytest.raises(NumberError) as error:
        parse("21-XY/TW")
    assert "KL" in error.value.reason and "CTr" in error.value.reason


def test_a_number_error_is_a_value_error():
    assert issubclass(NumberError, ValueError)


def test_every_type_has_a_vietnamese_name():
    assert numbering.PARTY_TYPES["KL"] == "Kết luận"
    assert numbering.STATE_TYPES["NĐ"] == "Nghị định"
    assert all(numbering.PARTY_TYPES.values()) and all(numbering.STATE_TYPES.values())


@pytest.mark.parametrize(
    ("day", "roman"),
    [
        (dt.date(2001, 4, 21), None),
        (dt.date(2001, 4, 22), "IX"),
        (dt.date(2006, 4, 24), "IX"),
        (dt.date(2006, 4, 25), "X"),
        (dt.date(2011, 1, 19), "XI"),
        (dt.date(2016, 1, 27), "XI"),
        (dt.date(2016, 1, 28), "XII"),
        (dt.date(2021, 1, 31), "XII"),
        (dt.date(2021, 2, 1), "XIII"),
        (dt.date(2021, 10, 25), "XIII"),
        (dt.date(2026, 1, 22), "XIII"),
        (dt.date(2026, 1, 23), "XIV"),
        (dt.date(2040, 1, 1), "XIV"),
    ],
)
def test_the_term_starts_on_the_congress_closing_day(day, roman):
    term = term_for(day)
    assert (term.roman if term else None) == roman


def test_terms_follow_each_other_without_a_gap():
    for older, newer in zip(numbering.TERMS, numbering.TERMS[1:], strict=False):
        assert older.end == newer.start - dt.timedelta(days=1)
        assert newer.ordinal == older.ordinal + 1
    assert numbering.TERMS[-1].end is None
    assert dt.date(2021, 10, 25) in numbering.term_by_roman("XIII")
    assert numbering.term_by_roman("13").roman == "XIII"


def test_term_for_accepts_a_datetime():
    assert term_for(dt.datetime(2021, 10, 25, 9, 30)).roman == "XIII"


# -- properties ---------------------------------------------------------------------------------

SPACES = st.sampled_from(["", " ", "  "])
DASHES = st.sampled_from(["-", "–", "—", "‐"])
PARTY_ISSUERS = st.one_of(
    st.sampled_from(numbering.PARTY_ISSUERS), st.from_regex(r"X[A-Z]{1,6}", fullmatch=True)
)


@st.composite
def party_numbers(draw):
    value = draw(st.integers(1, 999_999))
    code = draw(st.sampled_from(list(numbering.PARTY_TYPES)))
    issuer = draw(PARTY_ISSUERS)
    expected = DocNumber("party", f"{value:02d}", code, issuer)
    digits = draw(st.sampled_from([str(value), f"{value:02d}", f"{value:03d}"]))
    written_issuer = issuer
    if issuer.endswith("TW"):
        written_issuer = issuer[:-2] + draw(st.sampled_from(["TW", "TƯ", "T.W"]))
    written_type = draw(st.sampled_from([code, code.upper(), code.lower()]))
    if draw(st.booleans()):
        written_issuer = written_issuer.lower() if issuer in numbering.PARTY_ISSUERS else written_issuer
    prefix = draw(st.sampled_from(["", "Số ", "số ", "Số: ", "SỐ "]))
    s1, s2, s3 = draw(SPACES), draw(SPACES), draw(SPACES)
    written = f"{prefix}{digits}{s1}{draw(DASHES)}{s2}{written_type}{s3}/{written_issuer}"
    return written, expected


@given(party_numbers())
def test_party_numbers_round_trip_through_their_canonical_form(case):
    written, expected = case
    assert parse(written) == expected
    assert parse(expected.canonical) == expected


@st.composite
def state_numbers(draw):
    value = draw(st.integers(1, 99_999))
    year = draw(st.one_of(st.none(), st.integers(numbering.MIN_YEAR, numbering.MAX_YEAR)))
    if draw(st.booleans()):
        code = draw(st.sampled_from([c for c in numbering.STATE_TYPES if c != "CV"]))
        issuer = draw(st.sampled_from(["UBND", "CP", "TTg", "BNV", "HĐND", "UBND-VX", "BTC-TCT"]))
    else:
        code, issuer = ("" if year else "CV"), draw(st.sampled_from(["UBND-VX", "SGDĐT-VP", "BTTTT-CBĐTW"]))
    expected = DocNumber("state", f"{value:02d}", code, issuer, year)
    return expected


@given(state_numbers(), st.sampled_from(["", "Số: ", "số "]))
def test_state_numbers_round_trip_through_their_canonical_form(expected, prefix):
    assert parse(prefix + expected.canonical) == expected


@given(st.text())
def test_parse_raises_nothing_but_number_error_on_any_text(text):
    try:
        parsed = parse(text)
    except NumberError as error:
        assert error.reason
    else:
        assert parse(parsed.canonical) == parsed


@given(st.from_regex(r"\s?[Ss]ố?:? ?\d{0,7}\s?[-–/]?\s?[A-Za-zĐƯđư.]{0,6}\s?[/-]?\s?[A-Za-zĐƯ0-9.\-/]{0,12}"))
def test_parse_raises_nothing_but_number_error_on_number_like_text(text):
    parsed = try_parse(text)
    assert parsed is None or parse(parsed.canonical) == parsed
