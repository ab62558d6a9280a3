"""Recurring meeting series: reading rules, expanding them, moved and cancelled meetings, Vietnamese words.

Pure tests: no database. Expected dates come from the calendar itself (1 January 2026 is a Thursday;
the last Sunday of March 2026, when Germany moves its clocks, is the 29th), checked where useful
against a plain-Python oracle rather than against dateutil.
"""

import calendar
import datetime as dt
import re
import unicodedata
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tuyengiao.meetings.recurrence import (
    PRESETS,
    VN_TZ,
    Occurrence,
    RecurrenceError,
    describe,
    monthly_on_day_rule,
    monthly_on_weekday_rule,
    occurrences,
    parse,
    quarterly_on_day_rule,
    weekly_rule,
    yearly_on_rule,
)

D = dt.date
BERLIN = ZoneInfo("Europe/Berlin")


def vn(*args):
    return dt.datetime(*args, tzinfo=VN_TZ)


START_2026 = vn(2026, 1, 1, 8, 0)
YEAR_2026 = (vn(2026, 1, 1), vn(2026, 12, 31, 23, 59, 59))

FIRST_SUNDAYS_2026 = [
    D(2026, 1, 4),
    D(2026, 2, 1),
    D(2026, 3, 1),
    D(2026, 4, 5),
    D(2026, 5, 3),
    D(2026, 6, 7),
    D(2026, 7, 5),
    D(2026, 8, 2),
    D(2026, 9, 6),
    D(2026, 10, 4),
    D(2026, 11, 1),
    D(2026, 12, 6),
]


def _nth_weekday(year, month, nth, weekday):
    """Plain-Python oracle: the nth (1–4) given weekday of a month."""
    first = D(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


# --- expanding ----------------------------------------------------------------------------------


def test_first_sunday_of_every_month_gives_the_twelve_sundays_of_2026_at_the_start_time():
    series = parse("FREQ=MONTHLY;BYDAY=1SU", START_2026)
    found = occurrences(series, *YEAR_2026)
    assert [occ.original for occ in found] == FIRST_SUNDAYS_2026
    assert [_nth_weekday(2026, month, 1, calendar.SUNDAY) for month in range(1, 13)] == FIRST_SUNDAYS_2026
    for occ in found:
        assert occ.when == vn(occ.original.year, occ.original.month, occ.original.day, 8, 0)
        assert occ.when.tzinfo == VN_TZ
        assert not occ.is_moved


@given(st.integers(1, 4), st.integers(0, 6), st.integers(2000, 2190))
def test_an_nth_weekday_rule_gives_that_weekday_in_each_month_of_the_year(nth, weekday, year):
    series = parse(monthly_on_weekday_rule(nth, weekday), vn(year, 1, 1, 14, 30))
    found = occurrences(series, vn(year, 1, 1), vn(year, 12, 31, 23, 59))
    assert [occ.original for occ in found] == [
        _nth_weekday(year, month, nth, weekday) for month in range(1, 13)
    ]
    assert all(occ.when.time() == dt.time(14, 30) for occ in found)


def test_a_day_of_the_month_rule_skips_months_without_that_day_and_the_last_day_rule_does_not():
    on_31 = parse(monthly_on_day_rule(31), START_2026)
    assert [occ.original.month for occ in occurrences(on_31, *YEAR_2026)] == [1, 3, 5, 7, 8, 10, 12]
    last = parse(monthly_on_day_rule(-1), START_2026)
    assert [occ.original for occ in occurrences(last, *YEAR_2026)] == [
        D(2026, month, calendar.monthrange(2026, month)[1]) for month in range(1, 13)
    ]


def test_the_window_includes_both_ends():
    series = parse("FREQ=WEEKLY;BYDAY=MO", vn(2026, 1, 5, 8, 0))
    found = occurrences(series, vn(2026, 1, 5, 8, 0), vn(2026, 1, 19, 8, 0))
    assert [occ.original for occ in found] == [D(2026, 1, 5), D(2026, 1, 12), D(2026, 1, 19)]
    assert occurrences(series, vn(2026, 1, 5, 8, 1), vn(2026, 1, 19, 7, 59)) == [
        Occurrence(D(2026, 1, 12), vn(2026, 1, 12, 8, 0))
    ]


def test_count_and_until_end_a_series():
    three = parse("FREQ=WEEKLY;COUNT=3", vn(2026, 1, 5, 8, 0))
    assert len(occurrences(three, *YEAR_2026)) == 3
    assert three.is_bounded
    # UNTIL as a date includes that whole day (Vietnam time), and is stored in UTC.
    until = parse("FREQ=WEEKLY;UNTIL=20260119", vn(2026, 1, 5, 8, 0))
    assert until.text == "FREQ=WEEKLY;UNTIL=20260119T165959Z"
    assert [occ.original.day for occ in occurrences(until, *YEAR_2026)] == [5, 12, 19]
    local_until = parse("FREQ=WEEKLY;UNTIL=20260119T075959", vn(2026, 1, 5, 8, 0))
    assert [occ.original.day for occ in occurrences(local_until, *YEAR_2026)] == [5, 12]


def test_an_open_series_is_accepted_and_expanded_only_within_the_window():
    daily = parse("FREQ=DAILY", START_2026)
    assert not daily.is_bounded
    ten_years = occurrences(daily, vn(2026, 1, 1), vn(2035, 12, 31, 23, 59))
    assert len(ten_years) == 3652  # 2026–2035: ten years, two of them leap years
    assert ten_years[-1].original == D(2035, 12, 31)


def test_the_window_is_at_most_ten_years_and_must_be_in_order():
    series = parse("FREQ=WEEKLY", START_2026)
    assert len(occurrences(series, vn(2026, 1, 1), vn(2036, 1, 1))) == 522
    with pytest.raises(RecurrenceError, match="tối đa 10 năm"):
        occurrences(series, vn(2026, 1, 1), vn(2036, 1, 1, 0, 0, 1))
    with pytest.raises(RecurrenceError, match="đến hết năm 2200"):
        occurrences(series, vn(2200, 6, 1), vn(2201, 1, 1))
    with pytest.raises(RecurrenceError, match="phải sau thời điểm bắt đầu"):
        occurrences(series, vn(2026, 2, 1), vn(2026, 1, 1))
    with pytest.raises(ValueError, match="timezone-aware"):
        occurrences(series, dt.datetime(2026, 1, 1), vn(2026, 2, 1))


# --- moved and cancelled meetings ---------------------------------------------------------------


def test_a_moved_meeting_is_listed_at_its_new_time_under_its_original_date():
    series = parse("FREQ=MONTHLY;BYDAY=1SU", START_2026)
    moved = {D(2026, 3, 1): vn(2026, 3, 7, 14, 0)}
    found = occurrences(series, vn(2026, 2, 15), vn(2026, 4, 30), moved=moved)
    assert found == [
        Occurrence(D(2026, 3, 1), vn(2026, 3, 7, 14, 0)),
        Occurrence(D(2026, 4, 5), vn(2026, 4, 5, 8, 0)),
    ]
    assert found[0].is_moved and not found[1].is_moved


def test_a_meeting_moved_into_or_out_of_the_window_follows_its_new_time():
    series = parse("FREQ=MONTHLY;BYDAY=1SU", START_2026)
    moved = {D(2026, 3, 1): vn(2026, 2, 27, 8, 0)}
    february = occurrences(series, vn(2026, 2, 1), vn(2026, 2, 28, 23, 59), moved=moved)
    assert february == [
        Occurrence(D(2026, 2, 1), vn(2026, 2, 1, 8, 0)),
        Occurrence(D(2026, 3, 1), vn(2026, 2, 27, 8, 0)),
    ]
    march = occurrences(series, vn(2026, 3, 1), vn(2026, 3, 31, 23, 59), moved=moved)
    assert march == []


def test_cancelled_meetings_are_left_out_and_cancelling_wins_over_moving():
    series = parse("FREQ=MONTHLY;BYDAY=1SU", START_2026)
    found = occurrences(
        series,
        *YEAR_2026,
        moved={D(2026, 6, 7): vn(2026, 6, 8, 8, 0)},
        cancelled={D(2026, 6, 7), D(2026, 9, 6)},
    )
    assert [occ.original for occ in found] == [
        d for d in FIRST_SUNDAYS_2026 if d not in (D(2026, 6, 7), D(2026, 9, 6))
    ]


def test_it_ignores_moves_and_cancellations_of_dates_that_are_not_meetings():
    series = parse("FREQ=MONTHLY;BYDAY=1SU", START_2026)
    found = occurrences(
        series,
        *YEAR_2026,
        moved={D(2026, 3, 2): vn(2026, 3, 10, 8, 0)},
        cancelled={D(2026, 5, 4)},
    )
    assert [occ.original for occ in found] == FIRST_SUNDAYS_2026


# --- time zones ---------------------------------------------------------------------------------


def test_it_keeps_the_wall_clock_time_across_a_daylight_saving_change():
    series = parse("FREQ=WEEKLY", dt.datetime(2026, 3, 16, 9, 0, tzinfo=BERLIN), tz=BERLIN)
    found = occurrences(
        series, dt.datetime(2026, 3, 1, tzinfo=BERLIN), dt.datetime(2026, 4, 10, tzinfo=BERLIN)
    )
    assert [occ.when.strftime("%d/%m %H:%M") for occ in found] == [
        "16/03 09:00",
        "23/03 09:00",
        "30/03 09:00",
        "06/04 09:00",
    ]
    assert [occ.when.utcoffset() for occ in found] == [dt.timedelta(hours=h) for h in (1, 1, 2, 2)]


def test_a_time_the_clocks_skip_moves_forward_by_the_gap():
    series = parse("FREQ=DAILY", dt.datetime(2026, 3, 28, 2, 30, tzinfo=BERLIN), tz=BERLIN)
    found = occurrences(
        series, dt.datetime(2026, 3, 28, tzinfo=BERLIN), dt.datetime(2026, 3, 30, 23, 0, tzinfo=BERLIN)
    )
    assert [occ.when.strftime("%d %H:%M") for occ in found] == ["28 02:30", "29 03:30", "30 02:30"]
    assert found[1].original == D(2026, 3, 29)


def test_a_start_given_in_utc_becomes_vietnam_time():
    series = parse("FREQ=WEEKLY", dt.datetime(2026, 1, 5, 1, 0, tzinfo=dt.UTC))
    assert series.start == vn(2026, 1, 5, 8, 0)
    assert occurrences(series, vn(2026, 1, 12), vn(2026, 1, 12, 23, 59))[0].when.hour == 8
    with pytest.raises(ValueError, match="timezone-aware"):
        parse("FREQ=WEEKLY", dt.datetime(2026, 1, 5, 8, 0))


# --- reading rules ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "FREQ=MONTHLY;BYDAY=1SU",
        "RRULE:FREQ=MONTHLY;BYDAY=1SU",
        "rrule:freq=monthly;byday=1su",
        " FREQ=MONTHLY ; BYDAY=+1SU; ",
    ],
)
def test_it_accepts_a_rule_with_or_without_the_rrule_prefix_and_stores_it_canonically(text):
    series = parse(text, START_2026)
    assert series.text == "FREQ=MONTHLY;BYDAY=1SU"
    assert str(series) == "RRULE:FREQ=MONTHLY;BYDAY=1SU"
    assert series.description == "Chủ nhật đầu tiên hằng tháng"


def test_it_puts_the_parts_of_a_rule_in_a_fixed_order():
    assert parse("BYDAY=MO,WE;COUNT=10;INTERVAL=2;FREQ=WEEKLY", START_2026).text == (
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;COUNT=10"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("FREQ=HOURLY", "Không hỗ trợ lặp theo giờ/phút"),
        ("FREQ=MINUTELY;INTERVAL=30", "Không hỗ trợ lặp theo giờ/phút"),
        ("FREQ=SECONDLY", "Không hỗ trợ lặp theo giờ/phút"),
        ("FREQ=WEEKLY;BYHOUR=9", "không dùng BYHOUR"),
        ("", "Chưa nhập quy tắc lặp"),
        ("họp hằng tuần", "phải có dạng TÊN=GIÁ TRỊ"),
        ("BYDAY=MO", "phải có FREQ"),
        ("FREQ=FORTNIGHTLY", "Không hiểu FREQ=FORTNIGHTLY"),
        ("FREQ=WEEKLY;FREQ=DAILY", "xuất hiện hai lần"),
        ("FREQ=WEEKLY;BYEASTER=0", "Không hỗ trợ thành phần “BYEASTER”"),
        ("FREQ=WEEKLY;COUNT=5;UNTIL=20261231", "Chỉ dùng một trong hai: COUNT"),
        ("FREQ=WEEKLY;COUNT=0", "Số lần họp (COUNT) phải từ 1 trở lên"),
        ("FREQ=WEEKLY;INTERVAL=abc", "Khoảng lặp (INTERVAL) phải là số nguyên"),
        ("FREQ=MONTHLY;BYMONTHDAY=32", "Ngày trong tháng (BYMONTHDAY) phải từ 1 đến 31"),
        ("FREQ=YEARLY;BYMONTH=13", "Tháng (BYMONTH) phải từ 1 đến 12"),
        ("FREQ=MONTHLY;BYDAY=6MO", "phải từ 1 đến 5"),
        ("FREQ=WEEKLY;BYDAY=1MO", "chỉ dùng khi lặp hằng tháng hoặc hằng năm"),
        ("FREQ=WEEKLY;BYDAY=XX", "Không hiểu thứ “XX”"),
        ("FREQ=WEEKLY;UNTIL=2026-12-31", "UNTIL phải là ngày dạng YYYYMMDD"),
        ("FREQ=WEEKLY;UNTIL=20260231", "UNTIL phải là ngày dạng YYYYMMDD"),
        ("FREQ=WEEKLY\nEXDATE:20260105T080000", "Chỉ nhận một quy tắc RRULE"),
        ("FREQ=WEEKLY;UNTIL=20251231", "không cho buổi họp nào kể từ ngày bắt đầu"),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "không bao giờ cho ngày họp nào"),
        ("FREQ=DAILY;BYMONTH=4;BYMONTHDAY=31", "không bao giờ cho ngày họp nào"),
        ("FREQ=DAILY;INTERVAL=7;BYDAY=MO", "không bao giờ cho ngày họp nào"),  # the start is a Thursday
    ],
)
def test_it_refuses_rules_a_meeting_series_cannot_use_with_a_vietnamese_message(text, message):
    with pytest.raises(RecurrenceError, match=re.escape(message)) as excinfo:
        parse(text, START_2026)
    assert isinstance(excinfo.value, ValueError)
    assert unicodedata.is_normalized("NFC", str(excinfo.value))


def test_it_refuses_a_start_outside_the_supported_years():
    with pytest.raises(RecurrenceError, match="từ 1900 đến 2200"):
        parse("FREQ=WEEKLY", vn(2201, 1, 1, 8, 0))


def test_a_start_that_does_not_match_the_rule_is_not_itself_a_meeting():
    series = parse("FREQ=WEEKLY;BYDAY=MO", START_2026)  # a Thursday
    assert occurrences(series, *YEAR_2026)[0].original == D(2026, 1, 5)


# --- describing rules ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("FREQ=MONTHLY;BYDAY=1SU", "Chủ nhật đầu tiên hằng tháng"),
        ("RRULE:FREQ=WEEKLY;BYDAY=MO", "Thứ Hai hằng tuần"),
        ("FREQ=MONTHLY;BYMONTHDAY=5", "Ngày 5 hằng tháng"),
        ("FREQ=MONTHLY;BYMONTHDAY=20,5", "Ngày 5, 20 hằng tháng"),
        ("FREQ=MONTHLY;BYMONTHDAY=-1", "Ngày cuối cùng hằng tháng"),
        ("FREQ=MONTHLY;BYDAY=-1FR", "Thứ Sáu cuối cùng hằng tháng"),
        ("FREQ=MONTHLY;BYDAY=SA;BYSETPOS=2", "Thứ Bảy thứ hai hằng tháng"),
        ("FREQ=WEEKLY;BYDAY=TH,MO", "Thứ Hai, Thứ Năm hằng tuần"),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=WE", "Thứ Tư, 2 tuần một lần"),
        ("FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR", "Thứ Hai đến Thứ Sáu hằng tuần"),
        ("FREQ=DAILY", "Hằng ngày"),
        ("FREQ=DAILY;INTERVAL=3", "3 ngày một lần"),
        ("FREQ=MONTHLY;INTERVAL=3", "Hằng quý"),
        ("FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=10", "Ngày 10 hằng quý"),
        ("FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=22", "Ngày 22 tháng 12 hằng năm"),
        ("FREQ=YEARLY;BYMONTH=6;BYDAY=1SU", "Chủ nhật đầu tiên của tháng 6 hằng năm"),
        ("FREQ=WEEKLY;BYDAY=MO;COUNT=10", "Thứ Hai hằng tuần, 10 lần"),
        ("FREQ=WEEKLY;BYDAY=MO;UNTIL=20261231", "Thứ Hai hằng tuần, đến ngày 31/12/2026"),
        ("FREQ=WEEKLY;UNTIL=20261231T170000Z", "Hằng tuần, đến ngày 01/01/2027"),
    ],
)
def test_it_describes_rules_in_vietnamese(text, words):
    assert describe(text) == words


@pytest.mark.parametrize(
    "text",
    [
        "FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO",
        "FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=1,-1",
        "không phải quy tắc",
        "FREQ=HOURLY",
    ],
)
def test_it_falls_back_to_the_rule_itself_when_it_cannot_say_it(text):
    assert describe(f"  {text} ") == text


# --- presets and builders -----------------------------------------------------------------------


def test_each_preset_is_labelled_with_its_own_description_and_can_start_a_series():
    assert "Chủ nhật đầu tiên hằng tháng" in PRESETS
    assert PRESETS["Chủ nhật đầu tiên hằng tháng"] == "FREQ=MONTHLY;BYDAY=1SU"
    for label, rule in PRESETS.items():
        assert describe(rule) == label
        assert parse(rule, START_2026).text == rule
        assert unicodedata.is_normalized("NFC", label)


def test_a_quarterly_preset_meets_every_three_months_from_the_start():
    series = parse(PRESETS["Hằng quý"], vn(2026, 1, 15, 8, 0))
    assert [occ.original for occ in occurrences(series, *YEAR_2026)] == [
        D(2026, 1, 15),
        D(2026, 4, 15),
        D(2026, 7, 15),
        D(2026, 10, 15),
    ]


def test_builders_write_the_rules_a_form_needs():
    assert weekly_rule(calendar.MONDAY) == "FREQ=WEEKLY;BYDAY=MO"
    assert weekly_rule(calendar.THURSDAY, calendar.MONDAY, calendar.MONDAY) == "FREQ=WEEKLY;BYDAY=MO,TH"
    assert monthly_on_day_rule(5) == "FREQ=MONTHLY;BYMONTHDAY=5"
    assert monthly_on_weekday_rule(1, calendar.SUNDAY) == "FREQ=MONTHLY;BYDAY=1SU"
    assert monthly_on_weekday_rule(-1, calendar.FRIDAY) == "FREQ=MONTHLY;BYDAY=-1FR"
    assert quarterly_on_day_rule(10) == "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=10"
    assert yearly_on_rule(12, 22) == "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=22"
    assert describe(weekly_rule(calendar.SUNDAY)) == "Chủ nhật hằng tuần"


@pytest.mark.parametrize(
    "call",
    [
        lambda: weekly_rule(),
        lambda: weekly_rule(7),
        lambda: monthly_on_day_rule(0),
        lambda: monthly_on_day_rule(32),
        lambda: monthly_on_weekday_rule(6, 0),
        lambda: monthly_on_weekday_rule(1, 7),
        lambda: yearly_on_rule(13, 1),
    ],
)
def test_builders_refuse_impossible_choices(call):
    with pytest.raises(ValueError):
        call()
