"""The Vietnamese lunar calendar: Tết and other known days, leap months, impossible dates, round trips.

Pure tests: no database. Expected dates are independent of the code under test: published Tết dates,
and month starts checked against the new moons of an independent ephemeris (PyEphem) at UTC+7.
"""

import datetime as dt
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tuyengiao.workcalendar.lunar import (
    MAX_DATE,
    MIN_DATE,
    LunarDate,
    LunarDateError,
    dates_in_solar_year,
    leap_month,
    month_length,
    to_lunar,
    to_solar,
    year_name,
)

D = dt.date

TET = [
    (1985, D(1985, 1, 21)),  # 20/02/1985 in China
    (2007, D(2007, 2, 17)),  # 18/02/2007 in China
    (2020, D(2020, 1, 25)),
    (2021, D(2021, 2, 12)),
    (2022, D(2022, 2, 1)),
    (2023, D(2023, 1, 22)),
    (2024, D(2024, 2, 10)),
    (2025, D(2025, 1, 29)),
    (2026, D(2026, 2, 17)),
    (2027, D(2027, 2, 6)),
]


def _messages_are_nfc(excinfo):
    return unicodedata.is_normalized("NFC", str(excinfo.value))


# --- known days ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("year", "tet"), TET)
def test_it_puts_tet_on_the_day_vietnam_celebrates_it(year, tet):
    assert to_solar(year, 1, 1) == tet
    assert to_lunar(tet) == LunarDate(year, 1, 1)
    assert to_lunar(tet - dt.timedelta(days=1)).year == year - 1


def test_it_computes_for_vietnam_not_china_in_1985_and_2007():
    # In China Tết Ất Sửu was 20/02/1985; in Việt Nam that day was already the 1st of the second month.
    assert to_lunar(D(1985, 2, 20)) == LunarDate(1985, 2, 1)
    assert to_lunar(D(1985, 1, 20)) == LunarDate(1984, 12, 30)
    # In China Tết Đinh Hợi was 18/02/2007; in Việt Nam it was the second day of Tết.
    assert to_lunar(D(2007, 2, 18)) == LunarDate(2007, 1, 2)


def test_it_dates_the_hung_kings_commemoration_and_mid_autumn():
    assert to_solar(2026, 3, 10) == D(2026, 4, 26)
    assert to_lunar(D(2026, 4, 26)) == LunarDate(2026, 3, 10)
    assert to_solar(2025, 8, 15) == D(2025, 10, 6)


@pytest.mark.parametrize(
    ("year", "name"),
    [
        (1930, "Canh Ngọ"),
        (1945, "Ất Dậu"),
        (1968, "Mậu Thân"),
        (1985, "Ất Sửu"),
        (2024, "Giáp Thìn"),
        (2025, "Ất Tỵ"),
        (2026, "Bính Ngọ"),
    ],
)
def test_it_names_lunar_years_by_can_chi(year, name):
    assert year_name(year) == name


def test_it_writes_a_lunar_date_in_vietnamese():
    assert LunarDate(2026, 3, 10).label == "Ngày 10 tháng 3 năm Bính Ngọ"
    assert str(LunarDate(2025, 6, 1, leap=True)) == "Ngày 1 tháng 6 nhuận năm Ất Tỵ"
    assert LunarDate(1985, 1, 1).year_name == "Ất Sửu"


def test_it_orders_a_leap_month_right_after_the_regular_month():
    days = [
        LunarDate(2025, 7, 1),
        LunarDate(2025, 6, 1, leap=True),
        LunarDate(2025, 6, 29),
        LunarDate(2024, 12, 30),
    ]
    assert sorted(days) == [
        LunarDate(2024, 12, 30),
        LunarDate(2025, 6, 29),
        LunarDate(2025, 6, 1, leap=True),
        LunarDate(2025, 7, 1),
    ]


# --- leap months and month lengths --------------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "month", "first_day"),
    [(2020, 4, D(2020, 5, 23)), (2023, 2, D(2023, 3, 22)), (2025, 6, D(2025, 7, 25))],
)
def test_it_knows_the_leap_month_and_where_it_starts(year, month, first_day):
    assert leap_month(year) == month
    assert to_solar(year, month, 1, leap=True) == first_day
    assert to_lunar(first_day) == LunarDate(year, month, 1, leap=True)
    assert to_solar(year, month, 1) < first_day
    assert to_lunar(first_day - dt.timedelta(days=1)) == LunarDate(year, month, month_length(year, month))


@pytest.mark.parametrize("year", [2021, 2022, 2024, 2026, 2027])
def test_it_finds_no_leap_month_in_common_years(year):
    assert leap_month(year) is None


def test_it_knows_which_months_have_29_and_30_days():
    # The twelfth month of Ất Tỵ ran from 19/01 to 16/02/2026: no "30 Tết" that year.
    assert month_length(2025, 12) == 29
    assert to_solar(2025, 12, 29) == D(2026, 2, 16)
    # The twelfth month of Quý Mão ran from 11/01 to 09/02/2024.
    assert month_length(2023, 12) == 30
    assert to_solar(2023, 12, 30) == D(2024, 2, 9)
    assert month_length(2025, 6, leap=True) == 29


# --- impossible dates ---------------------------------------------------------------------------


def test_it_refuses_day_30_of_a_29_day_month():
    with pytest.raises(LunarDateError, match="chỉ có 29 ngày") as excinfo:
        to_solar(2025, 12, 30)
    assert "Ất Tỵ" in str(excinfo.value)
    assert _messages_are_nfc(excinfo)


def test_it_refuses_a_leap_month_in_a_year_without_one():
    with pytest.raises(LunarDateError, match="không có tháng nhuận") as excinfo:
        to_solar(2024, 4, 1, leap=True)
    assert "Giáp Thìn" in str(excinfo.value)
    assert _messages_are_nfc(excinfo)


def test_it_refuses_a_leap_month_that_is_not_the_one_the_year_repeats():
    with pytest.raises(LunarDateError, match="nhuận tháng 6, không có tháng 5 nhuận"):
        to_solar(2025, 5, 10, leap=True)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((2026, 13, 1), "Tháng âm lịch phải từ 1 đến 12"),
        ((2026, 0, 1), "Tháng âm lịch phải từ 1 đến 12"),
        ((2026, 1, 31), "Ngày âm lịch phải từ 1 đến 30"),
        ((2026, 1, 0), "Ngày âm lịch phải từ 1 đến 30"),
        ((2101, 6, 1), "nằm ngoài khoảng"),
        ((1899, 1, 1), "nằm ngoài khoảng"),
    ],
)
def test_it_refuses_lunar_dates_out_of_range(args, message):
    with pytest.raises(LunarDateError, match=message):
        to_solar(*args)


def test_it_refuses_solar_days_outside_the_supported_range():
    with pytest.raises(LunarDateError, match="01/01/1900"):
        to_lunar(D(1899, 12, 31))
    with pytest.raises(LunarDateError, match="31/12/2100"):
        to_lunar(D(2101, 1, 1))
    assert to_lunar(MIN_DATE).year == 1899
    assert to_lunar(MAX_DATE).year == 2100


def test_it_is_a_value_error_and_refuses_wrong_types():
    assert issubclass(LunarDateError, ValueError)
    with pytest.raises(TypeError):
        to_lunar(dt.datetime(2026, 2, 17, 8, 0))
    with pytest.raises(TypeError):
        LunarDate(2026, 1, 1, leap=1)


# --- lunar days in a solar year -----------------------------------------------------------------


def test_it_observes_a_lunar_day_once_in_most_solar_years():
    assert dates_in_solar_year(1, 1, 2026) == [D(2026, 2, 17)]
    assert dates_in_solar_year(3, 10, 2026) == [D(2026, 4, 26)]


def test_it_keeps_an_anniversary_in_the_regular_month_not_the_leap_one():
    # 2025 repeated the sixth month (regular from 25/06, leap from 25/07).
    assert dates_in_solar_year(6, 15, 2025) == [D(2025, 7, 9)]


def test_it_keeps_day_30_on_day_29_in_a_short_month():
    # 30/12 Ất Tỵ does not exist: kept on 29/12 (16/02/2026). 12/Bính Ngọ falls in 2027.
    assert dates_in_solar_year(12, 30, 2026) == [D(2026, 2, 16)]


def test_it_can_meet_a_day_of_the_eleventh_month_twice_in_one_solar_year():
    # Month 11 of Ất Tỵ began 20/12/2025; month 11 of Bính Ngọ began 09/12/2026.
    assert dates_in_solar_year(11, 20, 2026) == [D(2026, 1, 8), D(2026, 12, 28)]


# --- properties ---------------------------------------------------------------------------------

solar_days = st.dates(MIN_DATE, MAX_DATE)


@given(solar_days)
def test_it_reads_back_every_solar_day_from_its_lunar_date(day):
    lunar = to_lunar(day)
    assert to_solar(lunar.year, lunar.month, lunar.day, lunar.leap) == day


@given(st.dates(MIN_DATE, MAX_DATE - dt.timedelta(days=1)))
def test_consecutive_days_count_up_within_a_month_of_29_or_30_days(day):
    today, tomorrow = to_lunar(day), to_lunar(day + dt.timedelta(days=1))
    if tomorrow.day == 1:
        assert today.day in (29, 30)
        assert today.day == month_length(today.year, today.month, today.leap)
    else:
        assert tomorrow == LunarDate(today.year, today.month, today.day + 1, today.leap)


@settings(max_examples=60)
@given(st.integers(1901, 2099))
def test_every_lunar_year_has_twelve_months_or_thirteen_with_one_leap_month(year):
    tet, next_tet = to_solar(year, 1, 1), to_solar(year + 1, 1, 1)
    assert D(year, 1, 21) <= tet <= D(year, 2, 20)
    length = (next_tet - tet).days
    month_count = 13 if leap_month(year) is not None else 12
    assert length in ((353, 354, 355) if month_count == 12 else (383, 384, 385))
    months = [(m, False) for m in range(1, 13)]
    if leap_month(year) is not None:
        months.insert(leap_month(year), (leap_month(year), True))
    assert sum(month_length(year, m, leap) for m, leap in months) == length
