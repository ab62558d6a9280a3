"""Dates as Vietnamese users write them, pure functions.

Validity intervals are closed: a unit valid until 2025-06-30 exists on that day and not the next.
Open ends are stored as the sentinels BEGINNING and FOREVER so that interval SQL needs no NULLs.
"""

import datetime as dt
import re

BEGINNING = dt.date(1, 1, 1)
FOREVER = dt.date(9999, 12, 31)

_DMY = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")


class DateParseError(ValueError):
    pass


def parse_date(text: str) -> dt.date:
    """Accepts dd/mm/yyyy (also with - or .) and ISO yyyy-mm-dd; raises DateParseError in Vietnamese."""
    text = (text or "").strip()
    if m := _ISO.match(text):
        year, month, day = (int(g) for g in m.groups())
    elif m := _DMY.match(text):
        day, month, year = (int(g) for g in m.groups())
    else:
        raise DateParseError(f"Ngày “{text}” không đúng dạng dd/mm/yyyy.")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateParseError(f"Ngày “{text}” không tồn tại.") from None


def format_date(value: dt.date | None) -> str:
    """dd/mm/yyyy; the open-end sentinels print as an empty string."""
    if value is None or value in (BEGINNING, FOREVER):
        return ""
    return value.strftime("%d/%m/%Y")


def overlaps(a_from: dt.date, a_to: dt.date, b_from: dt.date, b_to: dt.date) -> bool:
    return a_from <= b_to and b_from <= a_to
