"""Commemorative days: dating them in a year, numbering anniversaries, round years, looking ahead.

Pure tests: no database. Expected anniversaries are the ones the press celebrated (135 years of May
Day in 2021, 50 years of the liberation of the South in 2025, ...), not values read off the code.
"""

import datetime as dt
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tuyengiao.workcalendar.anniversaries import (
    DEFAULT_EVENTS,
    CalendarKind,
    CommemorativeDay,
    Importance,
    format_day_month,
    occurrences,
    round_anniversaries,
    upcoming,
)

D = dt.date
LABOUR_DAY = CommemorativeDay("quoc-te-lao-dong", "Ngày Quốc tế Lao động", CalendarKind.SOLAR, 5, 1, 1886)


def _by_code(year):
    return {occ.event.code: occ for occ in occurrences(DEFAULT_EVENTS, year)}


# --- one event ----------------------------------------------------------------------------------


def test_it_counts_135_years_of_may_day_in_2021():
    [occ] = occurrences([LABOUR_DAY], 2021)
    assert occ.date == D(2021, 5, 1)
    assert occ.anniversary == 135
    assert occ.is_round and not occ.is_major
    assert occ.round_label == "năm lẻ 5"
    assert occ.label == "135 năm Ngày Quốc tế Lao động (01/5/1886 – 01/5/2021)"


def test_it_marks_multiples_of_ten_as_major_and_other_years_as_not_round():
    [in_2026] = occurrences([LABOUR_DAY], 2026)
    assert (in_2026.anniversary, in_2026.is_round, in_2026.is_major, in_2026.round_label) == (
        140,
        True,
        True,
        "năm tròn",
    )
    [in_2027] = occurrences([LABOUR_DAY], 2027)
    assert (in_2027.anniversary, in_2027.is_round, in_2027.is_major, in_2027.round_label) == (
        141,
        False,
        False,
        None,
    )


def test_it_starts_counting_after_the_year_of_the_event():
    new_day = CommemorativeDay("ngay-moi", "Ngày mới", CalendarKind.SOLAR, 6, 15, 2026)
    assert occurrences([new_day], 2025) == []
    assert occurrences([new_day], 2026) == []
    assert [occ.anniversary for occ in occurrences([new_day], 2027)] == [1]


def test_it_counts_a_lunar_day_in_lunar_years_and_labels_it_as_lunar():
    founding = CommemorativeDay("le-hoi", "Lễ hội làng", CalendarKind.LUNAR, 3, 10, 2000)
    [occ] = occurrences([founding], 2026)
    assert occ.date == D(2026, 4, 26)
    assert occ.anniversary == 26
    assert occ.lunar_date is not None and occ.lunar_date.year == 2026
    assert occ.label == "26 năm Lễ hội làng (10/3/2000 – 10/3/2026 âm lịch)"


def test_it_counts_by_the_lunar_year_when_a_lunar_day_falls_in_january():
    # 20/11 of lunar year Ất Tỵ (2025) fell on 08/01/2026, that of Bính Ngọ (2026) on 28/12/2026.
    event = CommemorativeDay("su-kien-thang-11", "Sự kiện tháng 11", CalendarKind.LUNAR, 11, 20, 2000)
    assert [(occ.date, occ.anniversary) for occ in occurrences([event], 2026)] == [
        (D(2026, 1, 8), 25),
        (D(2026, 12, 28), 26),
    ]


# --- the default table --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "code", "day", "anniversary"),
    [
        (2025, "thanh-lap-dang", D(2025, 2, 3), 95),
        (2025, "giai-phong-mien-nam", D(2025, 4, 30), 50),
        (2025, "sinh-nhat-bac-ho", D(2025, 5, 19), 135),
        (2025, "bao-chi-cach-mang", D(2025, 6, 21), 100),
        (2025, "cach-mang-thang-tam", D(2025, 8, 19), 80),
        (2025, "quoc-khanh", D(2025, 9, 2), 80),
        (2024, "chien-thang-dien-bien-phu", D(2024, 5, 7), 70),
        (2024, "thanh-lap-quan-doi", D(2024, 12, 22), 80),
        (2022, "thuong-binh-liet-si", D(2022, 7, 27), 75),
        (2022, "nha-giao-viet-nam", D(2022, 11, 20), 40),
        (2020, "truyen-thong-tuyen-giao", D(2020, 8, 1), 90),
        (2020, "dan-van", D(2020, 10, 15), 90),
        (2021, "thanh-lap-doan", D(2021, 3, 26), 90),
        (2021, "quoc-te-lao-dong", D(2021, 5, 1), 135),
        (2026, "bau-cu-quoc-hoi-khoa-i", D(2026, 1, 6), 80),
    ],
)
def test_the_default_table_gives_the_anniversaries_that_were_celebrated(year, code, day, anniversary):
    occ = _by_code(year)[code]
    assert (occ.date, occ.anniversary) == (day, anniversary)


def test_the_default_table_labels_the_party_founding_with_leading_zeros_for_february():
    assert _by_code(2025)["thanh-lap-dang"].label == (
        "95 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 – 03/02/2025)"
    )
    assert (
        _by_code(2025)["sinh-nhat-bac-ho"].label
        == "135 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 – 19/5/2025)"
    )


def test_the_default_table_dates_tet_and_the_hung_kings_by_the_lunar_calendar_without_counting():
    in_2026 = _by_code(2026)
    assert in_2026["tet-nguyen-dan"].date == D(2026, 2, 17)
    assert in_2026["gio-to-hung-vuong"].date == D(2026, 4, 26)
    assert in_2026["gio-to-hung-vuong"].anniversary is None
    assert not in_2026["gio-to-hung-vuong"].is_round
    assert in_2026["gio-to-hung-vuong"].label == "Giỗ Tổ Hùng Vương (10/3 âm lịch)"
    assert in_2026["tet-nguyen-dan"].label == "Tết Nguyên đán (01/01 âm lịch)"
    assert _by_code(1985)["tet-nguyen-dan"].date == D(1985, 1, 21)
    assert _by_code(2024)["tet-nguyen-dan"].date == D(2024, 2, 10)


def test_the_default_table_has_unique_codes_and_clean_names():
    codes = [event.code for event in DEFAULT_EVENTS]
    assert len(codes) == len(set(codes))
    assert 25 <= len(DEFAULT_EVENTS) <= 45
    for event in DEFAULT_EVENTS:
        assert unicodedata.is_normalized("NFC", event.name)
        assert event.name == event.name.strip()


def test_round_anniversaries_of_2025_keep_the_round_years_only():
    found = {occ.event.code: occ.anniversary for occ in round_anniversaries(DEFAULT_EVENTS, 2025)}
    for code, anniversary in [
        ("thanh-lap-dang", 95),
        ("giai-phong-mien-nam", 50),
        ("sinh-nhat-bac-ho", 135),
        ("bao-chi-cach-mang", 100),
        ("quoc-khanh", 80),
    ]:
        assert found[code] == anniversary
    assert "tet-nguyen-dan" not in found
    assert "chien-thang-dien-bien-phu" not in found  # 71 years in 2025
    assert all(anniversary % 5 == 0 for anniversary in found.values())
    major = {occ.event.code for occ in round_anniversaries(DEFAULT_EVENTS, 2025, major_only=True)}
    assert {"giai-phong-mien-nam", "bao-chi-cach-mang", "quoc-khanh"} <= major
    assert "thanh-lap-dang" not in major and "sinh-nhat-bac-ho" not in major


def test_it_lists_the_more_important_of_two_events_on_the_same_day_first():
    same_day = [occ.event.code for occ in occurrences(DEFAULT_EVENTS, 2025) if occ.date == D(2025, 8, 19)]
    assert same_day == ["cach-mang-thang-tam", "thanh-lap-cong-an-nhan-dan"]


@given(st.integers(1901, 2100))
def test_every_solar_day_of_the_table_comes_once_a_year_in_date_order(year):
    found = occurrences(DEFAULT_EVENTS, year)
    assert [occ.date for occ in found] == sorted(occ.date for occ in found)
    solar = [occ for occ in found if occ.event.calendar is CalendarKind.SOLAR]
    expected = [e for e in DEFAULT_EVENTS if e.calendar is CalendarKind.SOLAR and e.origin_year < year]
    assert sorted(occ.event.code for occ in solar) == sorted(e.code for e in expected)
    for occ in solar:
        assert occ.date == D(year, occ.event.month, occ.event.day)
        assert occ.anniversary == year - occ.event.origin_year
        assert occ.is_round == (occ.anniversary % 5 == 0)
        assert occ.label.startswith(f"{occ.anniversary} năm {occ.event.name} (")
        assert occ.label.endswith(f"/{year})")


# --- looking ahead ------------------------------------------------------------------------------


def test_upcoming_covers_from_the_day_to_the_same_day_months_later():
    codes = [occ.event.code for occ in upcoming(DEFAULT_EVENTS, D(2026, 4, 15), 1)]
    assert codes == [
        "gio-to-hung-vuong",
        "giai-phong-mien-nam",
        "quoc-te-lao-dong",
        "chien-thang-dien-bien-phu",
    ]
    # The first day is in, the same day a month later is out: 19/5 is seen from 20/4, not from 19/4.
    assert "sinh-nhat-bac-ho" in [occ.event.code for occ in upcoming(DEFAULT_EVENTS, D(2026, 4, 20), 1)]
    assert "sinh-nhat-bac-ho" not in [occ.event.code for occ in upcoming(DEFAULT_EVENTS, D(2026, 4, 19), 1)]
    assert upcoming(DEFAULT_EVENTS, D(2026, 5, 19), 1)[0].event.code == "sinh-nhat-bac-ho"


def test_upcoming_crosses_into_the_next_year():
    found = upcoming(DEFAULT_EVENTS, D(2026, 12, 1), 3)
    dates = {occ.event.code: occ.date for occ in found}
    assert dates["thanh-lap-quan-doi"] == D(2026, 12, 22)
    assert dates["bau-cu-quoc-hoi-khoa-i"] == D(2027, 1, 6)
    assert dates["tet-nguyen-dan"] == D(2027, 2, 6)
    assert dates["thanh-lap-dang"] == D(2027, 2, 3)
    assert dates["thay-thuoc-viet-nam"] == D(2027, 2, 27)
    assert "bien-phong-toan-dan" not in dates  # 03/03/2027 is after the window (up to 28/02/2027)
    assert "giai-phong-thu-do" not in dates  # 10/10/2026 is before it
    assert [occ.date for occ in found] == sorted(occ.date for occ in found)


def test_upcoming_stops_at_the_last_day_of_a_shorter_month():
    event = CommemorativeDay("cuoi-thang-2", "Ngày cuối tháng 2", CalendarKind.SOLAR, 2, 28, None)
    assert [occ.date for occ in upcoming([event], D(2026, 1, 31), 1)] == []  # up to 27/02/2026
    assert [occ.date for occ in upcoming([event], D(2026, 1, 31), 2)] == [D(2026, 2, 28)]


@pytest.mark.parametrize("months", [0, -1, 37])
def test_upcoming_refuses_a_silly_number_of_months(months):
    with pytest.raises(ValueError, match="Số tháng xem trước phải từ 1 đến 36"):
        upcoming(DEFAULT_EVENTS, D(2026, 1, 1), months)


# --- checking a row -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("calendar", "month", "day", "message"),
    [
        (CalendarKind.SOLAR, 2, 29, "29/02 không có trong mọi năm"),
        (CalendarKind.SOLAR, 4, 31, "Tháng 4 không có ngày 31"),
        (CalendarKind.SOLAR, 13, 1, "Tháng phải từ 1 đến 12"),
        (CalendarKind.LUNAR, 1, 31, "Ngày âm lịch phải từ 1 đến 30"),
    ],
)
def test_it_refuses_days_that_do_not_exist(calendar, month, day, message):
    with pytest.raises(ValueError, match=message) as excinfo:
        CommemorativeDay("ngay-sai", "Ngày sai", calendar, month, day, 2000)
    assert unicodedata.is_normalized("NFC", str(excinfo.value))


def test_it_refuses_an_empty_name_and_a_bad_code():
    with pytest.raises(ValueError, match="phải có tên"):
        CommemorativeDay("ngay", "   ", CalendarKind.SOLAR, 1, 1)
    with pytest.raises(ValueError, match="code"):
        CommemorativeDay("Quốc khánh", "Quốc khánh", CalendarKind.SOLAR, 9, 2, 1945)


def test_it_cleans_the_name_and_accepts_plain_values_for_kind_and_importance():
    event = CommemorativeDay(
        "ngay", unicodedata.normalize("NFD", "  Ngày   Quốc khánh "), "solar", 9, 2, 1945, 3
    )
    assert event.name == "Ngày Quốc khánh"
    assert event.calendar is CalendarKind.SOLAR
    assert event.importance is Importance.NATIONAL
    assert event.day_month_label == "02/9"


@pytest.mark.parametrize(
    ("day", "month", "text"),
    [(1, 5, "01/5"), (3, 2, "03/02"), (6, 1, "06/01"), (19, 5, "19/5"), (22, 12, "22/12"), (2, 9, "02/9")],
)
def test_it_writes_day_and_month_in_the_administrative_style(day, month, text):
    assert format_day_month(day, month) == text
