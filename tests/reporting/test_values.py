from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tuyengiao.reporting.values import format_number, parse_number, read


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("1.890", 1890),
        ("12.345.678", 12345678),
        ("12,5", Decimal("12.5")),
        ("1.234,5", Decimal("1234.5")),
        ("1,234.5", Decimal("1234.5")),
        ("12.5", Decimal("12.5")),
        (" 2 000 ", 2000),
        ("-3", -3),
        ("45%", 45),
    ],
)
def test_it_reads_vietnamese_and_international_numbers(text, number):
    assert parse_number(text) == Decimal(number)


@pytest.mark.parametrize("text", ["mười", "1,2,3", "1..2", "--1", "12a", "."])
def test_it_refuses_what_is_not_a_number(text):
    assert parse_number(text) is None


def test_field_errors_are_in_vietnamese():
    assert read("abc", value_type="integer").error == "“abc” không phải là số."
    assert read("-2", value_type="integer", min_value=0).error == "Không được là số âm."
    assert read("2,5", value_type="integer").error == "Phải là số nguyên."
    assert read("120", value_type="percent").error == "Tỷ lệ phải từ 0 đến 100."
    assert read("1.000", value_type="integer", max_value=999).error == "Phải nhỏ hơn hoặc bằng 999."
    assert read("có lẽ", value_type="boolean").error == "Chọn “Có” hoặc “Không”."


def test_empty_is_no_value_and_yes_no_reads_both_ways():
    assert read("", value_type="integer").value is None and read("", value_type="integer").ok
    assert read("Có", value_type="boolean").value is True
    assert read("khong", value_type="boolean").value is False


@given(st.decimals(min_value=-(10**12), max_value=10**12, places=4, allow_nan=False, allow_infinity=False))
def test_formatting_and_reading_round_trip(number):
    assert parse_number(format_number(number)) == number


def test_format_uses_vietnamese_marks():
    assert format_number(Decimal("1890")) == "1.890"
    assert format_number(Decimal("-1234.50")) == "-1.234,5"
