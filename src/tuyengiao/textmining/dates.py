"""Dates as Vietnamese news and Party documents write them, pure functions.

Full dates: "ngày 25/10/2021", "25-10-2021", "25.10.2021", "ngày 27 tháng 12 năm 2021".
Partial dates ("Sáng 14-6", "ngày 27 tháng 12", "chiều 3/7") carry no year: they are resolved
against the publication date, as a reader of the article would.
"""

import datetime as dt
import re

MIN_YEAR = 1900
MAX_YEAR = 2199

# A numeric date: a day, optionally a range's last day ("27-28/3/2021", "14 và 15/6", "14, 15/6": the first day
# is the date), the month and an optional year, the same separator throughout. The lookbehind and the
# final guard keep "2021-2026", "Covid-19", "1.890 cuốn", "6/2025", "05-CT/TW" and the minutes of
# "16:45, 20/09/2024" out.
_NUMERIC = (
    r"(?<![\w/.\-–])(?<!\d:)(?P<d1>\d{1,2})"
    r"(?:(?:[ \t]?[-–][ \t]?|[ \t]+và[ \t]+|,[ \t]?)(?P<d2>\d{1,2})(?=[/.]))?"
    r"(?P<sep>[/.\-–])(?P<m>\d{1,2})"
    r"(?:(?P=sep)(?P<y>\d{4}))?"
    r"(?![\w]|[/.\-–]\d)"
)
# "27 tháng 12 năm 2021", "ngày 5 tháng 4/2021", "27 tháng 12".
_TEXTUAL = (
    r"(?<!\w)(?P<td>\d{1,2})[ \t]+tháng[ \t]+(?P<tm>\d{1,2})"
    r"(?:[ \t]*,?[ \t]*năm[ \t]+(?P<ty>\d{4})|[ \t]*/[ \t]*(?P<ty2>\d{4}))?"
    r"(?!\d)"
)
_DATE = re.compile(f"{_NUMERIC}|{_TEXTUAL}", re.IGNORECASE)

# What may stand between a reference and its date: ", ", "(", "ban hành ngày", "ngày:".
_LEAD = r"[ \t]*(?:,[ \t]*)?(?:\([ \t]*)?(?:(?:ban[ \t]+hành|ký)[ \t]+)?(?:ngày[ \t]*:?[ \t]*)?"
_DATE_AT = re.compile(f"{_LEAD}(?:{_NUMERIC}|{_TEXTUAL})", re.IGNORECASE)

# A partial date found while scanning free text counts only after a word that announces a day
# ("ngày", "Sáng", "chiều nay", "thứ Hai"), because "đạt 8/9 chỉ tiêu" is a score, not a date.
_CUE = re.compile(
    r"(?:\b(?:ngày|sáng|chiều|tối|trưa|đêm|nay|qua|mai|thứ[ \t]+\w+|chủ[ \t]+nhật)[ \t]*[,(]?[ \t]*)$",
    re.IGNORECASE,
)
_CUE_WINDOW = 24


def resolve_partial(day: int, month: int, published: dt.date | None, slack_days: int = 7) -> dt.date | None:
    """The latest day/month not after the publication date plus a few days' slack (for announcements)."""
    if published is None or not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    try:
        limit = published + dt.timedelta(days=slack_days)
    except OverflowError:
        limit = dt.date.max if slack_days > 0 else dt.date.min
    # Eight years back is enough for 29 February.
    for year in range(limit.year, max(limit.year - 9, 0), -1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate <= limit:
            return candidate
    return None


def _full(day: str, month: str, year: str) -> dt.date | None:
    y = int(year)
    if not MIN_YEAR <= y <= MAX_YEAR:
        return None
    try:
        return dt.date(y, int(month), int(day))
    except ValueError:
        return None


def _from_match(m: re.Match, published: dt.date | None) -> tuple[dt.date | None, bool]:
    """(date or None, whether the written date had a year)."""
    if m.group("d1") is not None:
        day, month, year = m.group("d1"), m.group("m"), m.group("y")
    else:
        day, month, year = m.group("td"), m.group("tm"), m.group("ty") or m.group("ty2")
    if year is not None:
        return _full(day, month, year), True
    return resolve_partial(int(day), int(month), published), False


def date_at(text: str, pos: int, published: dt.date | None = None) -> tuple[dt.date, int] | None:
    """The date written at pos (after an optional ", ", "(" and "ngày") and where it ends, else None."""
    if not text or pos < 0 or pos > len(text):
        return None
    m = _DATE_AT.match(text, pos)
    if m is None:
        return None
    day, _ = _from_match(m, published)
    if day is None:
        return None
    return day, m.end()


def find_dates(text: str, published: dt.date | None = None) -> list[tuple[dt.date, int, int]]:
    """Every date in the text as (date, start, end); partial dates only where a day word announces them."""
    found = []
    if not text:
        return found
    for m in _DATE.finditer(text):
        day, had_year = _from_match(m, published)
        if day is None:
            continue
        start, end = m.span()
        if not had_year and not _announced(text, start, end):
            continue
        found.append((day, start, end))
    return found


def _announced(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - _CUE_WINDOW) : start]
    if _CUE.search(before):
        return True
    # "(15/6)" in parentheses of its own, as in "Sáng thứ Hai (15/6)".
    return before.rstrip().endswith("(") and text[end : end + 2].lstrip().startswith(")")
