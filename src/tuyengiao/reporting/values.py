"""Reading what users type into indicator fields, pure: Vietnamese numbers, yes/no, bounds.

Vietnamese writes 1.890 for one thousand eight hundred and ninety and 12,5 for twelve and a half;
people also paste 1,890 or 12.5 from elsewhere. The reading is: with both marks, the last one is
the decimal mark; a lone comma is decimal; a lone dot is a thousands separator when it splits
groups of three digits (1.890, 12.345.678) and a decimal point otherwise (12.5).
"""

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from tuyengiao.core.text import fold, nfc

YES = {"co", "c", "x", "1", "yes", "y", "true", "dung"}
NO = {"khong", "k", "0", "no", "n", "false", "sai"}
_GROUPED = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+$")
_NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)$")


@dataclass(frozen=True)
class Reading:
    value: Decimal | bool | str | None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def parse_number(text: str) -> Decimal | None:
    """A Decimal from Vietnamese or international notation; None when it is not a number."""
    text = nfc(text).replace(" ", "").replace("\u00a0", "").replace("%", "")
    if not text:
        return None
    if "," in text and "." in text:
        decimal_mark = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal_mark == "," else ","
        text = text.replace(thousands, "").replace(decimal_mark, ".")
    elif "," in text:
        text = text.replace(",", ".") if text.count(",") == 1 else ""
    elif _GROUPED.match(text):
        text = text.replace(".", "")
    if not _NUMBER.match(text):
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def read(raw: str, *, value_type: str, min_value=None, max_value=None, label: str = "") -> Reading:
    """Read one field: the typed value, or a Vietnamese message saying what is wrong."""
    text = nfc(raw or "")
    if text == "":
        return Reading(None)
    if value_type == "text":
        if len(text) > 500:
            return Reading(None, "Nội dung dài quá 500 ký tự.")
        return Reading(text)
    if value_type == "boolean":
        folded = fold(text)
        if folded in YES:
            return Reading(True)
        if folded in NO:
            return Reading(False)
        return Reading(None, "Chọn “Có” hoặc “Không”.")
    number = parse_number(text)
    if number is None:
        return Reading(None, f"“{text}” không phải là số.")
    if value_type == "integer" and number != number.to_integral_value():
        return Reading(None, "Phải là số nguyên.")
    if value_type == "percent" and not (Decimal(0) <= number <= Decimal(100)) and max_value is None:
        return Reading(None, "Tỷ lệ phải từ 0 đến 100.")
    if min_value is not None and number < Decimal(min_value):
        if Decimal(min_value) == 0:
            return Reading(None, "Không được là số âm.")
        return Reading(None, f"Phải lớn hơn hoặc bằng {format_number(Decimal(min_value))}.")
    if max_value is not None and number > Decimal(max_value):
        return Reading(None, f"Phải nhỏ hơn hoặc bằng {format_number(Decimal(max_value))}.")
    if abs(number) >= Decimal(10) ** 14:
        return Reading(None, "Số quá lớn.")
    return Reading(number)


def format_number(value: Decimal | int | float | None) -> str:
    """Vietnamese notation: 1.890 and 12,5; integers without decimals."""
    if value is None:
        return ""
    value = Decimal(value)
    sign, value = ("-" if value < 0 else ""), abs(value)
    whole, _, frac = f"{value.normalize():f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return sign + grouped + ("," + frac if frac else "")


def display(value) -> str:
    """A stored value as people read it: 1.890, 12,5, Có/Không, the text itself; empty when none."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, str):
        return value
    return format_number(value)
