import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tuyengiao.core.dates import BEGINNING, FOREVER, DateParseError, format_date, parse_date


@pytest.mark.parametrize("text", ["01/07/2025", "1/7/2025", "01-07-2025", "2025-07-01", " 01.07.2025 "])
def test_it_reads_the_ways_people_write_a_date(text):
    assert parse_date(text) == dt.date(2025, 7, 1)


@pytest.mark.parametrize(
    ("text", "reason"), [("31/02/2025", "không tồn tại"), ("hôm qua", "dd/mm/yyyy"), ("", "dd/mm/yyyy")]
)
def test_it_explains_a_bad_date_in_vietnamese(text, reason):
    with pytest.raises(DateParseError, match=reason):
        parse_date(text)


def test_open_ends_print_empty():
    assert format_date(BEGINNING) == format_date(FOREVER) == ""
    assert format_date(dt.date(2025, 6, 30)) == "30/06/2025"


@given(st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9998, 12, 31)))
def test_format_and_parse_round_trip(day):
    assert parse_date(format_date(day)) == day
