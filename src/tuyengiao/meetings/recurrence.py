"""Recurring meeting series (cuộc họp định kỳ) as RFC 5545 recurrence rules.

Pure, no Django. A series is an RRULE text ("FREQ=MONTHLY;BYDAY=1SU": the party-wide session on
the first Sunday of each month) plus the timezone-aware start of its first meeting, which also gives
the time of day of every meeting. ``parse`` checks a rule and refuses, with a Vietnamese message,
what a meeting series should not be (hourly or by the minute, impossible dates, contradictory
limits); ``occurrences`` expands a series over a window of at most ten years, with single meetings
moved or cancelled; ``describe`` says a rule in Vietnamese ("Chủ nhật đầu tiên hằng tháng");
``PRESETS`` and the ``*_rule`` builders give the rules a form offers.

Times: meetings keep their wall-clock time in the series' zone (Asia/Ho_Chi_Minh unless told
otherwise), also across a daylight-saving change in a zone that has one; a wall-clock time that a
change skips is moved forward by the length of the gap (02:30 → 03:30). Việt Nam has no daylight
saving time, so in practice every meeting is at the start's time.

What ``dateutil`` does and this module keeps: ``start`` need not itself match the rule (the first
meeting is then the first date on or after it that does), and a monthly rule without a day
("FREQ=MONTHLY") started on the 31st skips months that have no 31st, as RFC 5545 says: offer
``monthly_on_day_rule(-1)`` ("Ngày cuối cùng hằng tháng") for month ends.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, tzinfo
from typing import NamedTuple
from zoneinfo import ZoneInfo

from dateutil.rrule import rrule, rrulestr

__all__ = [
    "MAX_WINDOW_YEARS",
    "PRESETS",
    "VN_TZ",
    "Occurrence",
    "Recurrence",
    "RecurrenceError",
    "describe",
    "monthly_on_day_rule",
    "monthly_on_weekday_rule",
    "occurrences",
    "parse",
    "quarterly_on_day_rule",
    "weekly_rule",
    "yearly_on_rule",
]

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
MIN_YEAR = 1900
MAX_YEAR = 2200
MAX_INTERVAL = 100
MAX_WINDOW_YEARS = 10

_FREQS = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
_SUB_DAILY = ("HOURLY", "MINUTELY", "SECONDLY")
_TIME_PARTS = ("BYHOUR", "BYMINUTE", "BYSECOND")
# Canonical order of the parts in a stored rule.
_PARTS = (
    "FREQ",
    "INTERVAL",
    "BYMONTH",
    "BYWEEKNO",
    "BYYEARDAY",
    "BYMONTHDAY",
    "BYDAY",
    "BYSETPOS",
    "WKST",
    "COUNT",
    "UNTIL",
)
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_WEEKDAY_NAMES = {
    "MO": "Thứ Hai",
    "TU": "Thứ Ba",
    "WE": "Thứ Tư",
    "TH": "Thứ Năm",
    "FR": "Thứ Sáu",
    "SA": "Thứ Bảy",
    "SU": "Chủ nhật",
}
_NTH = {1: "đầu tiên", 2: "thứ hai", 3: "thứ ba", 4: "thứ tư", 5: "thứ năm", -1: "cuối cùng"}
_BYDAY_ITEM = re.compile(r"([+-]?)(\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)")
_UNTIL = re.compile(r"(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?")


class RecurrenceError(ValueError):
    """A recurrence rule that cannot be used for a meeting series; the message is Vietnamese."""


class Occurrence(NamedTuple):
    """One meeting of a series: the date the rule gives it (``original``) and when it actually takes place."""

    original: date
    when: datetime

    @property
    def is_moved(self) -> bool:
        """True if the meeting does not take place on its original date at the series' time."""
        return self.when.date() != self.original


@dataclass(frozen=True)
class Recurrence:
    """A checked meeting series: the canonical rule ``text`` (no "RRULE:" prefix) and its ``start``.

    Build it with ``parse``. ``text`` is what to store; ``start`` is timezone-aware, in the series'
    zone. Two series are equal when both agree; the dateutil rule object takes no part in that.
    """

    text: str
    start: datetime
    rule: rrule = field(compare=False, repr=False)

    @property
    def tz(self) -> tzinfo:
        """The series' time zone."""
        assert self.start.tzinfo is not None
        return self.start.tzinfo

    @property
    def is_bounded(self) -> bool:
        """True if the rule itself ends (COUNT or UNTIL); an open series is expanded window by window."""
        parts = _split(self.text)
        return "COUNT" in parts or "UNTIL" in parts

    @property
    def description(self) -> str:
        """The rule in Vietnamese: "Chủ nhật đầu tiên hằng tháng"."""
        return describe(self.text, tz=self.tz)

    def __str__(self) -> str:
        return f"RRULE:{self.text}"


def parse(text: str, start: datetime, *, tz: tzinfo = VN_TZ) -> Recurrence:
    """Check an RRULE (with or without "RRULE:") for a series whose first meeting is at ``start``.

    ``start`` must be timezone-aware; it is converted to ``tz`` and its wall-clock time there is the
    time of every meeting. UNTIL may be given as a date ("UNTIL=20261231": up to the end of that day),
    a local date-time, or a UTC date-time ("...Z"); it is stored in UTC. Raises ``RecurrenceError``
    with a Vietnamese message for: an unreadable rule, a frequency finer than a day, BYHOUR /
    BYMINUTE / BYSECOND, values out of range, COUNT together with UNTIL, and a rule that gives no
    meeting at all.
    """
    local_start = _local(start, tz, "start")
    if not MIN_YEAR <= local_start.year <= MAX_YEAR:
        raise RecurrenceError(f"Năm bắt đầu của chuỗi cuộc họp phải từ {MIN_YEAR} đến {MAX_YEAR}.")
    parts = _checked_parts(text, tz)
    canonical = _join(parts)
    try:
        rule = rrulestr(canonical, dtstart=local_start)
    except (ValueError, TypeError, KeyError, IndexError) as exc:
        raise RecurrenceError(f"Không đọc được quy tắc lặp “{text.strip()}”.") from exc
    assert isinstance(rule, rrule)
    if not _ever_occurs(parts, local_start):
        raise RecurrenceError("Quy tắc lặp không bao giờ cho ngày họp nào (ví dụ ngày 30 tháng 2).")
    if next(iter(rule), None) is None:
        raise RecurrenceError(
            "Quy tắc lặp không cho buổi họp nào kể từ ngày bắt đầu (UNTIL sớm hơn buổi họp đầu tiên?)."
        )
    return Recurrence(canonical, local_start, rule)


def occurrences(
    recurrence: Recurrence,
    start: datetime,
    end: datetime,
    *,
    moved: Mapping[date, datetime] | None = None,
    cancelled: Iterable[date] = (),
) -> list[Occurrence]:
    """The meetings of a series that take place from ``start`` to ``end`` (both included), by time.

    ``moved`` maps the original date of a meeting to its new aware date-time: the meeting is listed
    at the new time, if that time is in the window, wherever its original date is. ``cancelled`` holds
    original dates of meetings that do not take place (cancelling wins over moving). Entries for
    dates that are not meetings of the rule (left over after the rule was changed) are ignored.
    The window is at most ten years long and ends no later than 2200.
    """
    tz = recurrence.tz
    window_start = _local(start, tz, "start")
    window_end = _local(end, tz, "end")
    if window_end < window_start:
        raise RecurrenceError("Thời điểm kết thúc phải sau thời điểm bắt đầu.")
    if window_end.year > MAX_YEAR:
        raise RecurrenceError(f"Chỉ xem được lịch họp đến hết năm {MAX_YEAR}.")
    if window_end > _years_later(window_start, MAX_WINDOW_YEARS):
        raise RecurrenceError(f"Chỉ xem được lịch họp trong khoảng tối đa {MAX_WINDOW_YEARS} năm mỗi lần.")
    moved = dict(moved or {})
    skipped = set(cancelled)
    found = [
        Occurrence(when.date(), _normalized(when))
        for when in recurrence.rule.between(window_start, window_end, inc=True)
        if when.date() not in skipped and when.date() not in moved
    ]
    for original, new_time in moved.items():
        when = _local(new_time, tz, "moved")
        if original in skipped or not window_start <= when <= window_end:
            continue
        if _occurs_on(recurrence, original):
            found.append(Occurrence(original, when))
    found.sort(key=lambda occ: (occ.when, occ.original))
    return found


def describe(rrule_text: str, *, tz: tzinfo = VN_TZ) -> str:
    """The rule in Vietnamese: "Chủ nhật đầu tiên hằng tháng", "Thứ Hai hằng tuần", "Ngày 5 hằng tháng".

    A bound is added after a comma (", 10 lần", ", đến ngày 31/12/2026"; UNTIL shown as a date in
    ``tz``). A rule this function cannot put into words, or cannot read, comes back as given.
    """
    raw = rrule_text.strip() if isinstance(rrule_text, str) else str(rrule_text)
    try:
        parts = _checked_parts(raw, tz)
        phrase = _describe(parts)
    except RecurrenceError:
        return raw
    if phrase is None:
        return raw
    if "COUNT" in parts:
        phrase += f", {parts['COUNT']} lần"
    if "UNTIL" in parts:
        until = datetime.strptime(parts["UNTIL"], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC).astimezone(tz)
        phrase += f", đến ngày {until:%d/%m/%Y}"
    return phrase


# --- rules a form can offer ---------------------------------------------------------------------


def weekly_rule(*weekdays: int) -> str:
    """Every week on the given weekdays (0 = Monday … 6 = Sunday, as ``date.weekday()``)."""
    if not weekdays or any(not 0 <= day <= 6 for day in weekdays):
        raise ValueError("Chọn ít nhất một thứ trong tuần (0 = Thứ Hai … 6 = Chủ nhật).")
    days = ",".join(_WEEKDAYS[day] for day in sorted(set(weekdays)))
    return f"FREQ=WEEKLY;BYDAY={days}"


def monthly_on_day_rule(day: int) -> str:
    """Every month on day ``day`` (1–31; -1 for the last day of the month). A month without that day is skipped."""
    if not (1 <= day <= 31 or day == -1):
        raise ValueError("Ngày trong tháng phải từ 1 đến 31, hoặc -1 cho ngày cuối tháng.")
    return f"FREQ=MONTHLY;BYMONTHDAY={day}"


def monthly_on_weekday_rule(nth: int, weekday: int) -> str:
    """Every month on the ``nth`` (1–5, or -1 for the last) ``weekday`` (0 = Monday … 6 = Sunday)."""
    if not (1 <= nth <= 5 or nth == -1):
        raise ValueError("Thứ tự trong tháng phải từ 1 đến 5, hoặc -1 cho lần cuối cùng.")
    if not 0 <= weekday <= 6:
        raise ValueError("Thứ trong tuần phải từ 0 (Thứ Hai) đến 6 (Chủ nhật).")
    return f"FREQ=MONTHLY;BYDAY={nth}{_WEEKDAYS[weekday]}"


def quarterly_on_day_rule(day: int) -> str:
    """Every three months, counted from the start's month, on day ``day`` (1–31, or -1)."""
    return monthly_on_day_rule(day).replace("FREQ=MONTHLY", "FREQ=MONTHLY;INTERVAL=3")


def yearly_on_rule(month: int, day: int) -> str:
    """Every year on ``day``/``month``."""
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        raise ValueError("Tháng phải từ 1 đến 12 và ngày từ 1 đến 31.")
    return f"FREQ=YEARLY;BYMONTH={month};BYMONTHDAY={day}"


# Label → rule. Each label is what ``describe`` says of its rule; rules without a day take it from
# the start of the series.
PRESETS: dict[str, str] = {
    "Hằng tuần": "FREQ=WEEKLY",
    "Hằng tháng": "FREQ=MONTHLY",
    "Chủ nhật đầu tiên hằng tháng": "FREQ=MONTHLY;BYDAY=1SU",
    "Thứ Hai đầu tiên hằng tháng": "FREQ=MONTHLY;BYDAY=1MO",
    "Thứ Sáu cuối cùng hằng tháng": "FREQ=MONTHLY;BYDAY=-1FR",
    "Ngày cuối cùng hằng tháng": "FREQ=MONTHLY;BYMONTHDAY=-1",
    "Hằng quý": "FREQ=MONTHLY;INTERVAL=3",
    "6 tháng một lần": "FREQ=MONTHLY;INTERVAL=6",
    "Hằng năm": "FREQ=YEARLY",
}


# --- internals ----------------------------------------------------------------------------------


def _local(value: datetime, tz: tzinfo, name: str) -> datetime:
    if not isinstance(value, datetime):
        raise TypeError(f"{name} must be a datetime, not {type(value).__name__}.")
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware.")
    return value.astimezone(tz)


def _years_later(value: datetime, years: int) -> datetime:
    """The same wall-clock time ``years`` later; 29 February becomes 28 February."""
    try:
        return value.replace(year=value.year + years)
    except ValueError:
        return value.replace(year=value.year + years, day=28)


def _normalized(value: datetime) -> datetime:
    """The same instant, with a wall-clock time that exists (a time in a DST gap moves forward)."""
    return value.astimezone(UTC).astimezone(value.tzinfo)


def _split(text: str) -> dict[str, str]:
    body = text.strip()
    if body.upper().startswith("RRULE:"):
        body = body[len("RRULE:") :]
    parts: dict[str, str] = {}
    for chunk in body.split(";"):
        if not chunk.strip():
            continue
        key, sep, value = chunk.partition("=")
        key, value = key.strip().upper(), value.strip().upper()
        if not sep or not value:
            raise RecurrenceError(f"Không đọc được quy tắc lặp: “{chunk.strip()}” phải có dạng TÊN=GIÁ TRỊ.")
        if key in parts:
            raise RecurrenceError(f"Thành phần {key} xuất hiện hai lần trong quy tắc lặp.")
        parts[key] = value
    return parts


def _checked_parts(text: str, tz: tzinfo) -> dict[str, str]:
    if not isinstance(text, str) or not text.strip():
        raise RecurrenceError("Chưa nhập quy tắc lặp.")
    if "\n" in text.strip() or "\r" in text:
        raise RecurrenceError("Chỉ nhận một quy tắc RRULE, không nhận DTSTART, RDATE hay EXDATE.")
    parts = _split(text)
    for key in parts:
        if key in _TIME_PARTS:
            raise RecurrenceError(
                "Giờ họp lấy theo giờ bắt đầu của chuỗi cuộc họp; không dùng BYHOUR, BYMINUTE, BYSECOND."
            )
        if key not in _PARTS:
            raise RecurrenceError(f"Không hỗ trợ thành phần “{key}” trong quy tắc lặp.")
    freq = parts.get("FREQ")
    if freq is None:
        raise RecurrenceError("Quy tắc lặp phải có FREQ (DAILY, WEEKLY, MONTHLY hoặc YEARLY).")
    if freq in _SUB_DAILY:
        raise RecurrenceError("Không hỗ trợ lặp theo giờ/phút: cuộc họp lặp theo ngày, tuần, tháng hoặc năm.")
    if freq not in _FREQS:
        raise RecurrenceError(f"Không hiểu FREQ={freq}; chọn DAILY, WEEKLY, MONTHLY hoặc YEARLY.")
    if "COUNT" in parts and "UNTIL" in parts:
        raise RecurrenceError("Chỉ dùng một trong hai: COUNT (số lần họp) hoặc UNTIL (họp đến ngày).")
    if "INTERVAL" in parts:
        _integers(parts, "INTERVAL", 1, MAX_INTERVAL, "Khoảng lặp (INTERVAL)", single=True)
    if "COUNT" in parts:
        _integers(parts, "COUNT", 1, None, "Số lần họp (COUNT)", single=True)
    if "UNTIL" in parts:
        parts["UNTIL"] = _until_utc(parts["UNTIL"], tz)
    if "BYMONTH" in parts:
        _integers(parts, "BYMONTH", 1, 12, "Tháng (BYMONTH)")
    if "BYMONTHDAY" in parts:
        _integers(parts, "BYMONTHDAY", 1, 31, "Ngày trong tháng (BYMONTHDAY)", signed=True)
    if "BYYEARDAY" in parts:
        _integers(parts, "BYYEARDAY", 1, 366, "Ngày trong năm (BYYEARDAY)", signed=True)
    if "BYWEEKNO" in parts:
        _integers(parts, "BYWEEKNO", 1, 53, "Tuần trong năm (BYWEEKNO)", signed=True)
    if "BYSETPOS" in parts:
        _integers(parts, "BYSETPOS", 1, 366, "Vị trí (BYSETPOS)", signed=True)
    if "WKST" in parts and parts["WKST"] not in _WEEKDAYS:
        raise RecurrenceError(f"WKST phải là một trong {', '.join(_WEEKDAYS)}.")
    if "BYDAY" in parts:
        parts["BYDAY"] = _checked_byday(parts["BYDAY"], freq)
    return parts


def _integers(
    parts: dict[str, str],
    key: str,
    low: int,
    high: int | None,
    what: str,
    *,
    signed: bool = False,
    single: bool = False,
) -> None:
    items = parts[key].split(",")
    bound = f"từ {low} đến {high}" if high is not None else f"từ {low} trở lên"
    if signed:
        bound += f" (hoặc từ -{high} đến -{low}, đếm từ cuối)"
    if single and len(items) > 1:
        raise RecurrenceError(f"{what} chỉ nhận một số.")
    numbers = []
    for item in items:
        if not re.fullmatch(r"[+-]?\d+", item):
            raise RecurrenceError(f"{what} phải là số nguyên {bound}, không phải “{item}”.")
        number = int(item)
        magnitude = abs(number) if signed else number
        if magnitude < low or (high is not None and magnitude > high):
            raise RecurrenceError(f"{what} phải {bound}, không phải {number}.")
        numbers.append(str(number))
    parts[key] = ",".join(numbers)


def _checked_byday(value: str, freq: str) -> str:
    items = []
    for item in value.split(","):
        match = _BYDAY_ITEM.fullmatch(item.strip())
        if not match:
            raise RecurrenceError(
                f"Không hiểu thứ “{item}” trong BYDAY; dùng MO, TU, WE, TH, FR, SA, SU, "
                "có thể kèm thứ tự như 1SU (Chủ nhật đầu tiên) hoặc -1FR (Thứ Sáu cuối cùng)."
            )
        sign, number, weekday = match.groups()
        if number is None:
            if sign:
                raise RecurrenceError(f"Không hiểu thứ “{item}” trong BYDAY.")
            items.append(weekday)
            continue
        if freq not in ("MONTHLY", "YEARLY"):
            raise RecurrenceError("Thứ có số thứ tự (như 1SU) chỉ dùng khi lặp hằng tháng hoặc hằng năm.")
        limit = 5 if freq == "MONTHLY" else 53
        nth = int(number)
        if not 1 <= nth <= limit:
            raise RecurrenceError(f"Thứ tự của thứ trong BYDAY phải từ 1 đến {limit} (hoặc âm, đếm từ cuối).")
        items.append(f"{'-' if sign == '-' else ''}{nth}{weekday}")
    return ",".join(items)


def _until_utc(value: str, tz: tzinfo) -> str:
    match = _UNTIL.fullmatch(value)
    error = RecurrenceError(
        f"UNTIL phải là ngày dạng YYYYMMDD hoặc ngày giờ YYYYMMDDTHHMMSS, không phải “{value}”."
    )
    if not match:
        raise error
    year, month, day, hour, minute, second, utc = match.groups()
    try:
        if hour is None:
            until = datetime(int(year), int(month), int(day), 23, 59, 59, tzinfo=tz)
        else:
            until = datetime(int(year), int(month), int(day), int(hour), int(minute), int(second))
            until = until.replace(tzinfo=UTC if utc else tz)
    except ValueError:
        raise error from None
    if not MIN_YEAR <= until.year <= MAX_YEAR:
        raise RecurrenceError(f"Năm của UNTIL phải từ {MIN_YEAR} đến {MAX_YEAR}.")
    return f"{until.astimezone(UTC):%Y%m%dT%H%M%SZ}"


def _join(parts: dict[str, str]) -> str:
    return ";".join(f"{key}={parts[key]}" for key in _PARTS if key in parts)


def _ever_occurs(parts: dict[str, str], start: datetime) -> bool:
    """True if the rule, without COUNT or UNTIL, gives at least one date.

    dateutil looks for a next date up to the year 9999 before it gives up, which takes seconds for a
    daily rule that never matches ("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30"). The Gregorian calendar
    repeats exactly every 400 years (146,097 days, a whole number of weeks), so the same rule started
    a multiple of 400 years later, within a few centuries of 9999, answers the same question fast.
    """
    open_parts = {key: value for key, value in parts.items() if key not in ("COUNT", "UNTIL")}
    shift = (9599 - start.year) // 400 * 400
    probe_start = start.replace(tzinfo=None, year=start.year + shift)
    probe = rrulestr(_join(open_parts), dtstart=probe_start)
    return next(iter(probe), None) is not None


def _occurs_on(recurrence: Recurrence, day: date) -> bool:
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        return False
    midnight = datetime.combine(day, time(0), tzinfo=recurrence.tz)
    found = recurrence.rule.after(midnight, inc=True)
    return found is not None and found.date() == day


def _describe(parts: dict[str, str]) -> str | None:
    freq = parts["FREQ"]
    interval = int(parts.get("INTERVAL", "1"))
    keys = set(parts) - {"FREQ", "INTERVAL", "COUNT", "UNTIL", "WKST"}
    how_often = _how_often(freq, interval)
    byday = parts["BYDAY"].split(",") if "BYDAY" in parts else []

    if not keys:
        return how_often[0].upper() + how_often[1:]
    if freq in ("WEEKLY", "DAILY") and keys == {"BYDAY"}:
        if freq == "DAILY" and interval != 1:
            return None
        if freq == "DAILY":
            how_often = "hằng tuần"
        if byday == ["MO", "TU", "WE", "TH", "FR"]:
            return f"Thứ Hai đến Thứ Sáu {how_often}"
        names = ", ".join(_WEEKDAY_NAMES[day] for day in sorted(byday, key=_WEEKDAYS.index))
        return _join_phrase(names, how_often)
    if freq == "MONTHLY" and keys <= {"BYDAY", "BYSETPOS"} and len(byday) == 1:
        nth_weekday = _nth_weekday(byday[0], parts.get("BYSETPOS"))
        return None if nth_weekday is None else _join_phrase(nth_weekday, how_often)
    if freq == "MONTHLY" and keys == {"BYMONTHDAY"}:
        days = _month_days(parts["BYMONTHDAY"])
        return None if days is None else _join_phrase(days, how_often)
    if freq == "YEARLY" and "BYMONTH" in keys and "," not in parts["BYMONTH"]:
        month = parts["BYMONTH"]
        if keys == {"BYMONTH", "BYMONTHDAY"} and "," not in parts["BYMONTHDAY"]:
            day = int(parts["BYMONTHDAY"])
            if day > 0:
                return _join_phrase(f"Ngày {day} tháng {month}", how_often)
        if keys <= {"BYMONTH", "BYDAY", "BYSETPOS"} and len(byday) == 1:
            nth_weekday = _nth_weekday(byday[0], parts.get("BYSETPOS"))
            if nth_weekday is not None:
                return _join_phrase(f"{nth_weekday} của tháng {month}", how_often)
    return None


def _how_often(freq: str, interval: int) -> str:
    if freq == "MONTHLY" and interval == 3:
        return "hằng quý"
    unit = {"DAILY": "ngày", "WEEKLY": "tuần", "MONTHLY": "tháng", "YEARLY": "năm"}[freq]
    return f"hằng {unit}" if interval == 1 else f"{interval} {unit} một lần"


def _join_phrase(what: str, how_often: str) -> str:
    return f"{what} {how_often}" if how_often.startswith("hằng") else f"{what}, {how_often}"


def _nth_weekday(item: str, setpos: str | None) -> str | None:
    match = _BYDAY_ITEM.fullmatch(item)
    assert match is not None
    sign, number, weekday = match.groups()
    if number is not None and setpos is None:
        nth = int(number) * (-1 if sign == "-" else 1)
    elif number is None and setpos is not None and "," not in setpos:
        nth = int(setpos)
    else:
        return None
    if nth not in _NTH:
        return None
    return f"{_WEEKDAY_NAMES[weekday]} {_NTH[nth]}"


def _month_days(value: str) -> str | None:
    days = [int(item) for item in value.split(",")]
    if days == [-1]:
        return "Ngày cuối cùng"
    if any(day < 1 for day in days):
        return None
    return "Ngày " + ", ".join(str(day) for day in sorted(days))
