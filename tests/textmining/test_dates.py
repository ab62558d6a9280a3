import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tuyengiao.textmining.dates import date_at, find_dates, resolve_partial

PUBLISHED = dt.date(2022, 6, 15)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ngày 25/10/2021", dt.date(2021, 10, 25)),
        ("25-10-2021", dt.date(2021, 10, 25)),
        ("25.10.2021", dt.date(2021, 10, 25)),
        ("ngày 27 tháng 12 năm 2021", dt.date(2021, 12, 27)),
        ("ngày 05 tháng 4 năm 2021", dt.date(2021, 4, 5)),
        ("ngày 5 tháng 4/2021", dt.date(2021, 4, 5)),
    ],
)
def test_it_reads_full_dates_in_every_written_form(text, expected):
    assert [d for d, _, _ in find_dates(text)] == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Sáng 14-6, tại TP. Sông Công", dt.date(2022, 6, 14)),
        ("Chiều 3/7, Ban Tuyên giáo", dt.date(2021, 7, 3)),
        ("Sáng nay (15/6), Ban Tuyên giáo", dt.date(2022, 6, 15)),
        ("Sáng thứ Hai (13/6), hội nghị", dt.date(2022, 6, 13)),
        ("ngày 27 tháng 12, Ban Tuyên giáo", dt.date(2021, 12, 27)),
        ("Tối 20.6, lễ kỷ niệm", dt.date(2022, 6, 20)),
    ],
)
def test_it_resolves_partial_dates_against_the_publication_date(text, expected):
    assert [d for d, _, _ in find_dates(text, PUBLISHED)] == [expected]


def test_it_gives_the_first_day_of_a_range():
    assert find_dates("ngày 27-28/3/2021")[0][0] == dt.date(2021, 3, 27)
    assert find_dates("Trong 2 ngày 14 và 15/6, tại", PUBLISHED)[0][0] == dt.date(2022, 6, 14)


@pytest.mark.parametrize(
    "text",
    [
        "nhiệm kỳ 2021-2026",
        "phòng, chống dịch Covid-19",
        "phát hành 1.890 cuốn",
        "tháng 6/2025",
        "Chỉ thị số 05-CT/TW",
        "đạt 8/9 chỉ tiêu",
        "ngày 31/4/2021",
        "ngày 12/13/2021",
        "Quốc lộ 3",
        "ISO 9001:2015",
    ],
)
def test_it_finds_no_date_in_numbers_that_are_not_dates(text):
    assert find_dates(text, PUBLISHED) == []


def test_it_leaves_partial_dates_unresolved_without_a_publication_date():
    assert find_dates("Sáng 14-6, hội nghị") == []
    assert date_at("14-6", 0) is None


def test_it_reads_the_date_given_with_a_reference():
    text = "Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng"
    day, end = date_at(text, text.index(","))
    assert day == dt.date(2021, 10, 25)
    assert text[end:].startswith(" của")
    text = "Chỉ thị số 05-CT/TW ban hành ngày 15/5/2016"
    assert date_at(text, text.index("TW") + 2)[0] == dt.date(2016, 5, 15)
    assert date_at("(ngày 5/4/2021)", 0)[0] == dt.date(2021, 4, 5)


def test_it_says_none_when_no_date_starts_at_the_position():
    assert date_at("của Bộ Chính trị", 0) is None
    assert date_at("abc", 10) is None
    assert date_at("abc", -1) is None


def test_a_partial_date_is_the_latest_not_after_publication_with_a_few_days_slack():
    assert resolve_partial(14, 6, PUBLISHED) == dt.date(2022, 6, 14)
    assert resolve_partial(20, 6, PUBLISHED) == dt.date(2022, 6, 20)  # an announced upcoming event
    assert resolve_partial(30, 6, PUBLISHED) == dt.date(2021, 6, 30)
    assert resolve_partial(28, 12, dt.date(2022, 1, 2)) == dt.date(2021, 12, 28)
    assert resolve_partial(29, 2, PUBLISHED) == dt.date(2020, 2, 29)
    assert resolve_partial(31, 13, PUBLISHED) is None
    assert resolve_partial(14, 6, None) is None


@given(st.text(), st.integers(-5, 200), st.one_of(st.none(), st.dates()))
def test_date_functions_never_raise(text, pos, published):
    for _day, start, end in find_dates(text, published):
        assert 0 <= start < end <= len(text)
    found = date_at(text, pos, published)
    if found:
        assert pos <= found[1] <= len(text)


@given(st.integers(-40, 40), st.integers(-40, 40), st.dates(), st.integers(-(10**10), 10**10))
def test_resolve_partial_never_raises(day, month, published, slack):
    resolve_partial(day, month, published, slack)


def test_the_minutes_of_a_time_do_not_start_a_date():
    assert find_dates("Cập nhật: 16:30, 05/08/2023") == [(dt.date(2023, 8, 5), 17, 27)]
