"""Reporting periods: keys, Vietnamese labels and inputs, stepping back, containment and ranges.

Pure tests: no database, no Django settings.
"""

import ast
import datetime as dt
import sys
import unicodedata
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tuyengiao.reporting import periods as periods_module
from tuyengiao.reporting.periods import (
    MAX_YEAR,
    MIN_YEAR,
    Period,
    PeriodKind,
    PeriodParseError,
    custom,
    half,
    month,
    nine_months,
    parse_period,
    period_of_kind_containing,
    periods_between,
    quarter,
    term,
    year_period,
)

D = dt.date
CALENDAR_KINDS = [
    PeriodKind.MONTH,
    PeriodKind.QUARTER,
    PeriodKind.HALF,
    PeriodKind.NINE_MONTHS,
    PeriodKind.YEAR,
]


def periods(lo: int = MIN_YEAR, hi: int = MAX_YEAR, max_term: int = MAX_YEAR - MIN_YEAR):
    """Periods of every kind with all their days in years lo..hi (custom ranges carry no own label)."""
    years = st.integers(lo, hi)
    terms = st.integers(lo, hi - 1).flatmap(
        lambda a: st.integers(a + 1, min(hi, a + max_term)).map(lambda b: term(a, b))
    )
    days = st.dates(D(lo, 1, 1), D(hi, 12, 31))
    last = D(hi, 12, 31)
    customs = days.flatmap(  # a custom range no longer than the longest term
        lambda a: st.integers(0, min(366 * max_term, (last - a).days)).map(
            lambda n: custom(a, a + dt.timedelta(days=n))
        )
    )
    return st.one_of(
        st.builds(month, years, st.integers(1, 12)),
        st.builds(quarter, years, st.integers(1, 4)),
        st.builds(half, years, st.integers(1, 2)),
        st.builds(nine_months, years),
        st.builds(year_period, years),
        terms,
        customs,
    )


# Far enough from 1900 and 2200 that one step back or forward stays in range.
middle_periods = periods(2000, 2100, max_term=10)


def _fold(text: str) -> str:
    """What a user without a Vietnamese keyboard types: no diacritics, "đ" as "d"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# --- keys and labels ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("period", "key", "label"),
    [
        (month(2026, 4), "2026-M04", "Tháng 4 năm 2026"),
        (month(2026, 12), "2026-M12", "Tháng 12 năm 2026"),
        (quarter(2026, 2), "2026-Q2", "Quý II năm 2026"),
        (quarter(2026, 4), "2026-Q4", "Quý IV năm 2026"),
        (half(2026, 1), "2026-H1", "6 tháng đầu năm 2026"),
        (half(2026, 2), "2026-H2", "6 tháng cuối năm 2026"),
        (nine_months(2026), "2026-9M", "9 tháng đầu năm 2026"),
        (year_period(2026), "2026", "Năm 2026"),
        (term(2020, 2025), "T2020-2025", "Nhiệm kỳ 2020\u20132025"),
        (custom(D(2021, 11, 1), D(2026, 10, 31)), "2021-11-01..2026-10-31", "Từ 01/11/2021 đến 31/10/2026"),
    ],
)
def test_it_writes_the_canonical_key_and_the_vietnamese_label(period, key, label):
    assert period.key == key
    assert str(period) == key
    assert period.label == label


@pytest.mark.parametrize(
    ("period", "start", "end"),
    [
        (month(2024, 2), D(2024, 2, 1), D(2024, 2, 29)),
        (month(2026, 2), D(2026, 2, 1), D(2026, 2, 28)),
        (quarter(2026, 3), D(2026, 7, 1), D(2026, 9, 30)),
        (half(2026, 2), D(2026, 7, 1), D(2026, 12, 31)),
        (nine_months(2026), D(2026, 1, 1), D(2026, 9, 30)),
        (year_period(2026), D(2026, 1, 1), D(2026, 12, 31)),
        (term(2020, 2025), D(2020, 1, 1), D(2025, 12, 31)),
    ],
)
def test_it_starts_and_ends_each_period_on_the_right_days(period, start, end):
    assert (period.start, period.end) == (start, end)


@given(periods())
def test_it_reads_back_every_period_from_its_key(period):
    assert parse_period(period.key) == period


@given(periods())
def test_it_reads_back_every_period_from_its_label(period):
    assert parse_period(period.label) == period


@given(periods(), st.sampled_from(["NFC", "NFD", "NFKC", "NFKD"]))
def test_it_reads_labels_in_any_case_and_normalization_and_without_diacritics(period, form):
    assert parse_period(unicodedata.normalize(form, period.label.upper())) == period
    assert parse_period(f"  {_fold(period.label).lower()}  ") == period


@given(periods())
def test_it_writes_labels_in_nfc(period):
    assert unicodedata.is_normalized("NFC", period.label)


def test_it_shows_the_given_label_of_a_custom_range_without_changing_its_identity():
    named = custom(D(2021, 11, 1), D(2026, 10, 31), label="  Giai đoạn  Đại hội XIII ")
    plain = custom(D(2021, 11, 1), D(2026, 10, 31))
    assert named.label == "Giai đoạn Đại hội XIII"
    assert named == plain and hash(named) == hash(plain)
    assert custom(D(2026, 1, 1), D(2026, 1, 2), label="  ").label == "Từ 01/01/2026 đến 02/01/2026"


def test_it_stores_a_custom_label_in_nfc():
    named = custom(D(2026, 1, 1), D(2026, 3, 31), label=unicodedata.normalize("NFD", "Đợt thi đua"))
    assert named.label == "Đợt thi đua"
    assert unicodedata.is_normalized("NFC", named.label)


def test_it_refuses_a_key_that_does_not_match_the_days():
    with pytest.raises(ValueError, match="mã đúng là “2026-M04”"):
        Period(D(2026, 4, 1), D(2026, 4, 30), PeriodKind.MONTH, "2026-04")
    with pytest.raises(ValueError, match="trọn vẹn"):
        Period(D(2026, 4, 1), D(2026, 5, 31), PeriodKind.MONTH, "2026-M04")
    with pytest.raises(TypeError):
        Period(dt.datetime(2026, 4, 1), D(2026, 4, 30), PeriodKind.MONTH, "2026-M04")


def test_it_accepts_a_period_built_by_hand_when_everything_agrees():
    assert Period(D(2026, 4, 1), D(2026, 6, 30), PeriodKind.QUARTER, "2026-Q2") == quarter(2026, 2)
    assert Period(D(2026, 4, 1), D(2026, 6, 30), "Q", "2026-Q2").kind is PeriodKind.QUARTER


def test_it_orders_periods_by_their_first_day():
    assert sorted([month(2026, 3), year_period(2025), quarter(2026, 1), month(2025, 12)]) == [
        year_period(2025),
        month(2025, 12),
        quarter(2026, 1),
        month(2026, 3),
    ]


def test_it_names_each_kind_in_vietnamese():
    assert [kind.label for kind in PeriodKind] == [
        "Tháng",
        "Quý",
        "6 tháng",
        "9 tháng",
        "Năm",
        "Nhiệm kỳ",
        "Khoảng thời gian tùy chọn",
    ]
    assert PeriodKind("9M") is PeriodKind.NINE_MONTHS


# --- accepted inputs ----------------------------------------------------------------------------

ACCEPTED = [
    # month
    ("2026-M04", "2026-M04"),
    ("2026-m04", "2026-M04"),
    ("2026-04", "2026-M04"),
    ("04/2026", "2026-M04"),
    ("4/2026", "2026-M04"),
    ("tháng 4/2026", "2026-M04"),
    ("tháng 4 năm 2026", "2026-M04"),
    ("Tháng 04 năm 2026", "2026-M04"),
    ("THÁNG 4 NĂM 2026", "2026-M04"),
    ("thang 4/2026", "2026-M04"),
    ("tháng\u00a04 / 2026", "2026-M04"),
    ("  12/2026 ", "2026-M12"),
    # quarter
    ("2026-Q2", "2026-Q2"),
    ("2026-q2", "2026-Q2"),
    ("quý 2/2026", "2026-Q2"),
    ("quý II năm 2026", "2026-Q2"),
    ("Quý II/2026", "2026-Q2"),
    ("quý I/2026", "2026-Q1"),
    ("quý III năm 2026", "2026-Q3"),
    ("Quý IV/2026", "2026-Q4"),
    ("quy 2/2026", "2026-Q2"),
    ("Qúy II năm 2026", "2026-Q2"),
    ("quí 3/2026", "2026-Q3"),
    # half
    ("2026-H1", "2026-H1"),
    ("2026-H2", "2026-H2"),
    ("6 tháng đầu năm 2026", "2026-H1"),
    ("6 tháng cuối năm 2026", "2026-H2"),
    ("sáu tháng đầu năm 2026", "2026-H1"),
    ("Sáu tháng cuối năm 2026", "2026-H2"),
    ("6 thang dau nam 2026", "2026-H1"),
    # nine months
    ("2026-9M", "2026-9M"),
    ("2026-9m", "2026-9M"),
    ("9 tháng đầu năm 2026", "2026-9M"),
    ("9 tháng năm 2026", "2026-9M"),
    ("chín tháng đầu năm 2026", "2026-9M"),
    ("9 thang dau nam 2026", "2026-9M"),
    # year
    ("2026", "2026"),
    ("năm 2026", "2026"),
    ("Năm 2026", "2026"),
    ("nam 2026", "2026"),
    # term
    ("T2020-2025", "T2020-2025"),
    ("t2020-2025", "T2020-2025"),
    ("nhiệm kỳ 2020-2025", "T2020-2025"),
    ("nhiệm kỳ 2020 – 2025", "T2020-2025"),
    ("Nhiệm kỳ 2020—2025", "T2020-2025"),
    ("nhiệm kỳ 2020 \u2212 2025", "T2020-2025"),
    ("NHIỆM KỲ 2020–2025", "T2020-2025"),
    ("nhiem ky 2020-2025", "T2020-2025"),
    ("nhiệm kì 2020-2025", "T2020-2025"),
    # custom range
    ("2021-11-01..2026-10-31", "2021-11-01..2026-10-31"),
    ("01/11/2021-31/10/2026", "2021-11-01..2026-10-31"),
    ("01/11/2021 – 31/10/2026", "2021-11-01..2026-10-31"),
    ("01/11/2021 - 31/10/2026", "2021-11-01..2026-10-31"),
    ("1/11/2021—31/10/2026", "2021-11-01..2026-10-31"),
    ("Từ 01/11/2021 đến 31/10/2026", "2021-11-01..2026-10-31"),
    ("tu 01/11/2021 den 31/10/2026", "2021-11-01..2026-10-31"),
    ("15/03/2026 - 15/03/2026", "2026-03-15..2026-03-15"),
]


@pytest.mark.parametrize(("text", "key"), ACCEPTED)
def test_it_reads_every_accepted_way_of_writing_a_period(text, key):
    assert parse_period(text).key == key


@pytest.mark.parametrize(("text", "key"), ACCEPTED)
def test_it_reads_every_accepted_form_in_decomposed_unicode(text, key):
    assert parse_period(unicodedata.normalize("NFD", text)).key == key


@pytest.mark.parametrize(("text", "key"), ACCEPTED)
def test_it_reads_every_accepted_form_without_diacritics(text, key):
    assert parse_period(_fold(text)).key == key


def test_it_reads_the_kind_of_each_form():
    assert parse_period("tháng 4/2026").kind is PeriodKind.MONTH
    assert parse_period("quý II năm 2026").kind is PeriodKind.QUARTER
    assert parse_period("6 tháng cuối năm 2026").kind is PeriodKind.HALF
    assert parse_period("9 tháng năm 2026").kind is PeriodKind.NINE_MONTHS
    assert parse_period("năm 2026").kind is PeriodKind.YEAR
    assert parse_period("nhiệm kỳ 2020-2025").kind is PeriodKind.TERM
    assert parse_period("01/11/2021-31/10/2026").kind is PeriodKind.CUSTOM


# --- bad inputs ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2026-M13", "Tháng phải từ 1 đến 12."),
        ("2026-M00", "Tháng phải từ 1 đến 12."),
        ("13/2026", "Tháng phải từ 1 đến 12."),
        ("tháng 13 năm 2026", "Tháng phải từ 1 đến 12."),
        ("quý 5/2026", "Quý phải từ 1 đến 4"),
        ("2026-Q0", "Quý phải từ 1 đến 4"),
        ("quý V năm 2026", "Quý phải từ 1 đến 4"),
        ("2026-H3", "6 tháng đầu năm"),
        ("năm 1800", "Năm phải từ 1900 đến 2200."),
        ("2201-M01", "Năm phải từ 1900 đến 2200."),
        ("nhiệm kỳ 2025-2020", "Năm kết thúc nhiệm kỳ phải sau năm bắt đầu."),
        (
            "31/10/2026 - 01/11/2021",
            r"Ngày kết thúc \(01/11/2021\) không được trước ngày bắt đầu \(31/10/2026\)",
        ),
        ("2026-03-02..2026-03-01", "Ngày kết thúc .* không được trước ngày bắt đầu"),
        ("31/02/2026 - 01/03/2026", "Ngày 31/02/2026 không tồn tại."),
    ],
)
def test_it_explains_an_invalid_period_in_vietnamese(text, reason):
    with pytest.raises(PeriodParseError, match=reason) as caught:
        parse_period(text)
    assert f"“{text.strip()}” không hợp lệ" in str(caught.value)


@pytest.mark.parametrize("text", ["hôm qua", "quý này", "2026-Q", "26", "tháng 4", "Q2 2026 và Q3 2026"])
def test_it_lists_the_accepted_forms_when_it_does_not_understand(text):
    with pytest.raises(PeriodParseError, match="Không hiểu kỳ báo cáo") as caught:
        parse_period(text)
    message = str(caught.value)
    for example in (
        "2026-M04",
        "quý II năm 2026",
        "6 tháng đầu năm 2026",
        "9 tháng đầu năm 2026",
        "nhiệm kỳ",
    ):
        assert example in message
    assert unicodedata.is_normalized("NFC", message)


@pytest.mark.parametrize("text", ["", "   ", None])
def test_it_asks_for_a_period_when_the_input_is_empty(text):
    with pytest.raises(PeriodParseError, match="Chưa nhập kỳ báo cáo"):
        parse_period(text)


def test_it_raises_parse_errors_that_are_value_errors():
    with pytest.raises(ValueError, match="Các dạng được chấp nhận"):
        parse_period("hôm qua")


def test_it_shortens_a_long_bad_input_in_the_message():
    with pytest.raises(PeriodParseError) as caught:
        parse_period("x" * 500)
    assert len(str(caught.value)) < 600


@pytest.mark.parametrize(
    ("build", "reason"),
    [
        (lambda: month(2026, 0), "Tháng phải từ 1 đến 12."),
        (lambda: quarter(2026, 5), "Quý phải từ 1 đến 4"),
        (lambda: half(2026, 3), "6 tháng cuối năm"),
        (lambda: year_period(1899), "Năm phải từ 1900 đến 2200."),
        (lambda: nine_months(2201), "Năm phải từ 1900 đến 2200."),
        (lambda: term(2025, 2025), "Năm kết thúc nhiệm kỳ phải sau năm bắt đầu."),
        (lambda: custom(D(2026, 10, 31), D(2021, 11, 1)), "không được trước ngày bắt đầu"),
    ],
)
def test_it_refuses_to_build_an_invalid_period(build, reason):
    with pytest.raises(ValueError, match=reason):
        build()


# --- months -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("period", "count"),
    [
        (month(2026, 4), 1),
        (quarter(2026, 2), 3),
        (half(2026, 2), 6),
        (nine_months(2026), 9),
        (year_period(2026), 12),
        (term(2020, 2025), 72),
    ],
)
def test_it_counts_the_months_each_kind_covers(period, count):
    assert len(period.months()) == count


def test_it_lists_the_months_in_order_across_a_year_end():
    assert custom(D(2025, 11, 15), D(2026, 2, 3)).months() == [(2025, 11), (2025, 12), (2026, 1), (2026, 2)]
    assert quarter(2026, 2).months() == [(2026, 4), (2026, 5), (2026, 6)]
    assert nine_months(2026).months() == [(2026, m) for m in range(1, 10)]


@given(periods())
def test_it_lists_consecutive_months_from_the_first_to_the_last_day(period):
    months = period.months()
    assert months[0] == (period.start.year, period.start.month)
    assert months[-1] == (period.end.year, period.end.month)
    assert all(b == ((a[0], a[1] + 1) if a[1] < 12 else (a[0] + 1, 1)) for a, b in pairwise(months))


# --- previous, next and last year ---------------------------------------------------------------


def test_it_steps_back_from_january_to_december_of_the_previous_year():
    assert month(2026, 1).previous() == month(2025, 12)
    assert month(2026, 4).previous() == month(2026, 3)


def test_it_steps_back_from_the_first_quarter_to_the_fourth_quarter_of_last_year():
    assert quarter(2026, 1).previous() == quarter(2025, 4)
    assert quarter(2026, 3).previous() == quarter(2026, 2)


def test_it_steps_back_from_the_first_half_to_the_second_half_of_last_year():
    assert half(2026, 1).previous() == half(2025, 2)
    assert half(2026, 2).previous() == half(2026, 1)


def test_it_steps_back_a_year_for_nine_months_and_years():
    assert nine_months(2026).previous() == nine_months(2025)
    assert year_period(2026).previous() == year_period(2025)


def test_it_steps_back_from_a_term_to_the_previous_term():
    assert term(2020, 2025).previous() == term(2015, 2020)
    assert term(2022, 2027).previous() == term(2017, 2022)


def test_it_steps_back_from_a_custom_range_to_the_range_of_the_same_length_just_before():
    previous = custom(D(2026, 3, 10), D(2026, 3, 19)).previous()
    assert previous == custom(D(2026, 2, 28), D(2026, 3, 9))
    assert previous.days == 10


def test_it_drops_the_own_label_when_stepping_away_from_a_custom_range():
    named = custom(D(2026, 1, 1), D(2026, 1, 31), label="Đợt 1")
    assert named.previous().label == "Từ 01/12/2025 đến 31/12/2025"
    assert named.same_period_last_year().label == "Từ 01/01/2025 đến 31/01/2025"


@given(middle_periods)
def test_it_steps_forward_and_back_to_the_same_period(period):
    assert period.previous().next() == period
    assert period.next().previous() == period
    assert period.previous().kind is period.kind
    assert period.previous() < period < period.next()


@given(middle_periods.filter(lambda p: p.kind not in (PeriodKind.NINE_MONTHS, PeriodKind.TERM)))
def test_it_leaves_no_gap_between_a_period_and_the_one_before(period):
    assert period.previous().end + dt.timedelta(days=1) == period.start


@pytest.mark.parametrize(
    ("period", "last_year"),
    [
        (month(2026, 4), month(2025, 4)),
        (month(2026, 1), month(2025, 1)),
        (quarter(2026, 2), quarter(2025, 2)),
        (half(2026, 2), half(2025, 2)),
        (nine_months(2026), nine_months(2025)),
        (year_period(2026), year_period(2025)),
        (term(2020, 2025), term(2015, 2020)),
        (custom(D(2021, 11, 1), D(2026, 10, 31)), custom(D(2020, 11, 1), D(2025, 10, 31))),
        (custom(D(2024, 2, 29), D(2024, 3, 5)), custom(D(2023, 2, 28), D(2023, 3, 5))),
        (custom(D(2024, 12, 1), D(2025, 2, 28)), custom(D(2023, 12, 1), D(2024, 2, 29))),
    ],
)
def test_it_finds_the_same_period_last_year(period, last_year):
    assert period.same_period_last_year() == last_year


@given(middle_periods.filter(lambda p: p.kind is not PeriodKind.TERM))
def test_it_keeps_the_kind_and_shifts_the_start_by_a_year_for_last_year(period):
    last_year = period.same_period_last_year()
    assert last_year.kind is period.kind
    assert last_year.start.year == period.start.year - 1
    assert last_year.start.month == period.start.month


def test_it_refuses_to_step_out_of_the_supported_years():
    with pytest.raises(ValueError, match="Năm phải từ 1900 đến 2200."):
        month(1900, 1).previous()
    with pytest.raises(ValueError, match="Năm phải từ 1900 đến 2200."):
        quarter(2200, 4).next()
    with pytest.raises(ValueError, match="Năm phải từ 1900 đến 2200."):
        year_period(1900).same_period_last_year()


# --- contains, containing, between --------------------------------------------------------------


def test_it_contains_its_first_and_last_day_and_nothing_outside():
    q2 = quarter(2026, 2)
    assert q2.contains(D(2026, 4, 1))
    assert q2.contains(D(2026, 6, 30))
    assert q2.contains(dt.datetime(2026, 6, 30, 23, 59))
    assert not q2.contains(D(2026, 3, 31))
    assert not q2.contains(D(2026, 7, 1))
    assert term(2020, 2025).contains(D(2025, 12, 31))
    assert not nine_months(2026).contains(D(2026, 10, 1))


@pytest.mark.parametrize(
    ("kind", "day", "expected"),
    [
        (PeriodKind.MONTH, D(2026, 2, 28), month(2026, 2)),
        (PeriodKind.QUARTER, D(2026, 5, 15), quarter(2026, 2)),
        (PeriodKind.QUARTER, D(2026, 12, 31), quarter(2026, 4)),
        (PeriodKind.HALF, D(2026, 6, 30), half(2026, 1)),
        (PeriodKind.HALF, D(2026, 7, 1), half(2026, 2)),
        (PeriodKind.NINE_MONTHS, D(2026, 9, 30), nine_months(2026)),
        (PeriodKind.YEAR, D(2026, 1, 1), year_period(2026)),
        ("Q", dt.datetime(2026, 8, 1, 12, 0), quarter(2026, 3)),
    ],
)
def test_it_finds_the_period_of_a_kind_containing_a_day(kind, day, expected):
    assert period_of_kind_containing(kind, day) == expected


@pytest.mark.parametrize("kind", [PeriodKind.TERM, PeriodKind.CUSTOM])
def test_it_cannot_find_a_term_or_custom_range_from_a_day(kind):
    with pytest.raises(ValueError, match="từ một ngày"):
        period_of_kind_containing(kind, D(2026, 5, 1))
    with pytest.raises(ValueError, match="từ một ngày"):
        periods_between(kind, D(2026, 1, 1), D(2026, 12, 31))


def test_it_finds_no_nine_months_period_in_the_last_quarter():
    with pytest.raises(ValueError, match="không thuộc 9 tháng đầu năm 2026"):
        period_of_kind_containing(PeriodKind.NINE_MONTHS, D(2026, 10, 1))


@given(st.sampled_from(CALENDAR_KINDS), st.dates(D(MIN_YEAR, 1, 1), D(MAX_YEAR, 12, 31)))
def test_it_finds_a_period_that_contains_the_day(kind, day):
    if kind is PeriodKind.NINE_MONTHS and day.month > 9:
        return
    found = period_of_kind_containing(kind, day)
    assert found.kind is kind
    assert found.contains(day)


def test_it_lists_the_months_between_two_days_across_a_year_end():
    assert [p.key for p in periods_between(PeriodKind.MONTH, D(2025, 11, 20), D(2026, 2, 1))] == [
        "2025-M11",
        "2025-M12",
        "2026-M01",
        "2026-M02",
    ]


def test_it_lists_every_period_that_overlaps_the_range_even_partly():
    assert periods_between(PeriodKind.QUARTER, D(2025, 12, 31), D(2026, 4, 1)) == [
        quarter(2025, 4),
        quarter(2026, 1),
        quarter(2026, 2),
    ]
    assert periods_between(PeriodKind.HALF, D(2026, 3, 1), D(2026, 3, 1)) == [half(2026, 1)]
    assert periods_between(PeriodKind.YEAR, D(2020, 6, 1), D(2022, 1, 1)) == [
        year_period(2020),
        year_period(2021),
        year_period(2022),
    ]


def test_it_skips_years_whose_nine_months_lie_outside_the_range():
    assert periods_between(PeriodKind.NINE_MONTHS, D(2025, 10, 1), D(2026, 12, 31)) == [nine_months(2026)]
    assert periods_between(PeriodKind.NINE_MONTHS, D(2026, 10, 1), D(2026, 12, 31)) == []


def test_it_refuses_a_range_that_ends_before_it_starts():
    with pytest.raises(ValueError, match="không được trước ngày bắt đầu"):
        periods_between(PeriodKind.MONTH, D(2026, 5, 1), D(2026, 4, 30))


@given(
    st.sampled_from([PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.HALF, PeriodKind.YEAR]),
    st.dates(D(2000, 1, 1), D(2030, 12, 31)),
    st.integers(0, 800),
)
def test_it_covers_the_range_with_back_to_back_periods(kind, start, length):
    end = start + dt.timedelta(days=length)
    found = periods_between(kind, start, end)
    assert found[0].contains(start)
    assert found[-1].contains(end)
    assert all(a.next() == b for a, b in pairwise(found))
    assert all(p.kind is kind for p in found)


# --- purity -------------------------------------------------------------------------------------


def test_it_depends_on_the_standard_library_only():
    tree = ast.parse(Path(periods_module.__file__).read_text(encoding="utf-8"))
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    roots = {name.split(".")[0] for name in imported}
    assert roots <= set(sys.stdlib_module_names) | {"__future__"}
