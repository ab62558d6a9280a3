"""The Vietnamese lunar calendar (âm lịch): conversions between solar and lunar dates, leap months.

Pure, no Django. The astronomy comes from the ``lunar-vn`` package, a port of Hồ Ngọc Đức's
well-known algorithm (new moons and the twelve major solar terms computed for a time zone); here it
is always run for UTC+7, the time zone of the Vietnamese calendar. This matters: the Chinese
calendar (UTC+8) sometimes starts a month a day later, or numbers months differently, so Tết Ất Sửu
fell on 21/01/1985 in Việt Nam but on 20/02/1985 in China, and Tết Đinh Hợi on 17/02/2007 here but
on 18/02/2007 there.

What this module adds to the package: a small typed API, Vietnamese error messages, and strict
validation. ``lunar-vn`` quietly turns impossible lunar dates into real ones (day 30 of a 29-day
month becomes the 1st of the next month; a leap flag in a year without that leap month is
ignored); ``to_solar`` refuses them, by checking every answer with the reverse conversion.

Limits and caveats:

* Solar dates from 01/01/1900 to 31/12/2100 (the range ``lunar-vn`` supports); outside it every
  function raises ``LunarDateError``.
* Calendars printed in Việt Nam before 1968 followed the Chinese calendar (UTC+8); this module
  computes UTC+7 throughout, so for some dates before 1968 it differs from the almanacs of the time.
* A few far-future new moons fall within a minute or so of midnight (e.g. 8 May 2054, 9 December
  2072, 15 November 2077), where a one-day disagreement with a more precise ephemeris is possible.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import lunar_vn

__all__ = [
    "MAX_DATE",
    "MIN_DATE",
    "TIME_ZONE_HOURS",
    "LunarDate",
    "LunarDateError",
    "dates_in_solar_year",
    "leap_month",
    "month_length",
    "to_lunar",
    "to_solar",
    "year_name",
]

TIME_ZONE_HOURS = 7.0
MIN_DATE = date(1900, 1, 1)
MAX_DATE = date(2100, 12, 31)

_CAN = ("Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý")
_CHI = ("Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi")


class LunarDateError(ValueError):
    """A lunar or solar date that cannot be converted; the message is Vietnamese and says why."""


def year_name(year: int) -> str:
    """The sexagenary (can chi) name of a lunar year: 1985 → "Ất Sửu", 2026 → "Bính Ngọ"."""
    return f"{_CAN[(year + 6) % 10]} {_CHI[(year + 8) % 12]}"


@functools.total_ordering
@dataclass(frozen=True)
class LunarDate:
    """A day of the lunar calendar: ``year``, ``month`` (1–12), ``day`` (1–30), ``leap`` (tháng nhuận).

    The constructor checks only the ranges; whether the day really exists (a 30th in a 29-day month,
    a leap month that year does not have) is checked by ``to_solar``. Lunar dates sort in calendar
    order: a leap month comes right after the regular month of the same number.
    """

    year: int
    month: int
    day: int
    leap: bool = False

    def __post_init__(self) -> None:
        for name in ("year", "month", "day"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool):
                raise TypeError(f"LunarDate.{name} must be an int, not {type(value).__name__}.")
        if not isinstance(self.leap, bool):
            raise TypeError(f"LunarDate.leap must be a bool, not {type(self.leap).__name__}.")
        _check_month_and_day(self.month, self.day)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, LunarDate):
            return NotImplemented
        return self._sort_key() < other._sort_key()

    def _sort_key(self) -> tuple[int, int, bool, int]:
        return (self.year, self.month, self.leap, self.day)

    @property
    def year_name(self) -> str:
        """The can chi name of the lunar year: "Bính Ngọ"."""
        return year_name(self.year)

    @property
    def month_label(self) -> str:
        """ "tháng 3", or "tháng 4 nhuận" for a leap month."""
        return f"tháng {self.month}{' nhuận' if self.leap else ''}"

    @property
    def label(self) -> str:
        """The date as written in Vietnamese: "Ngày 10 tháng 3 năm Bính Ngọ", "Ngày 1 tháng 2 nhuận năm Quý Mão"."""
        return f"Ngày {self.day} {self.month_label} năm {self.year_name}"

    def __str__(self) -> str:
        return self.label


def to_lunar(day: date) -> LunarDate:
    """The lunar date of a solar ``day`` (a ``datetime.date``, 01/01/1900–31/12/2100) in Việt Nam."""
    if not isinstance(day, date) or isinstance(day, datetime):
        raise TypeError(f"to_lunar expects a datetime.date, not {type(day).__name__}.")
    _check_solar_range(day)
    result = lunar_vn.convert_solar_to_lunar(day.day, day.month, day.year, time_zone=TIME_ZONE_HOURS)
    return LunarDate(result.year, result.month, result.day, result.leap)


def to_solar(year: int, month: int, day: int, leap: bool = False) -> date:
    """The solar date of lunar ``day``/``month``/``year`` (``leap=True`` for the leap month).

    Raises ``LunarDateError`` (a ValueError with a Vietnamese message) for a day that does not
    exist: day 30 of a 29-day month, a leap month the year does not have, a month outside 1–12, or
    a date whose solar day falls outside 01/01/1900–31/12/2100.
    """
    LunarDate(year, month, day, leap)  # checks types and ranges
    start = _month_start(year, month, leap)
    if day == 30 and month_length(year, month, leap) == 29:
        raise LunarDateError(
            f"Tháng {month}{' nhuận' if leap else ''} âm lịch năm {year_name(year)} ({year}) chỉ có 29 ngày, "
            "không có ngày 30."
        )
    result = start + timedelta(days=day - 1)
    _check_solar_range(result)
    return result


def month_length(year: int, month: int, leap: bool = False) -> int:
    """Number of days (29 or 30) of lunar month ``month`` of ``year`` (the leap one if ``leap``)."""
    start = _month_start(year, month, leap)
    day_30 = start + timedelta(days=29)
    _check_solar_range(day_30)
    return 30 if to_lunar(day_30).day == 30 else 29


def leap_month(year: int) -> int | None:
    """The month that lunar ``year`` repeats as a leap month (tháng nhuận), or None if it has none.

    Only the part of the year that falls within 1900–2100 is looked at.
    """
    return _leap_month(year)


def dates_in_solar_year(month: int, day: int, year: int) -> list[date]:
    """The solar days of solar ``year`` that are lunar ``day``/``month``: how a lunar anniversary is observed.

    Usually one day; none or two are possible for months 11 and 12, since the lunar year straddles
    the solar one (lunar 11/20 of one lunar year can fall in January and that of the next in
    December). Conventions, as for a family's giỗ: the anniversary is kept in the regular month,
    never in a leap month of the same number, and day 30 is kept on day 29 in a year whose month has
    only 29 days. Parts of lunar years outside 1900–2100 are skipped.
    """
    _check_month_and_day(month, day)
    found = []
    for lunar_year in (year - 1, year):
        try:
            start = _month_start(lunar_year, month, False)
            length = month_length(lunar_year, month, False) if day == 30 else 29
        except LunarDateError:
            continue
        observed = start + timedelta(days=min(day, length) - 1)
        if observed.year == year:
            found.append(observed)
    return found


# --- internals ----------------------------------------------------------------------------------


def _check_month_and_day(month: int, day: int) -> None:
    if not 1 <= month <= 12:
        raise LunarDateError(f"Tháng âm lịch phải từ 1 đến 12 (nhận được {month}).")
    if not 1 <= day <= 30:
        raise LunarDateError(f"Ngày âm lịch phải từ 1 đến 30 (nhận được {day}).")


def _check_solar_range(day: date) -> None:
    if not MIN_DATE <= day <= MAX_DATE:
        raise LunarDateError(
            f"Chỉ đổi được ngày trong khoảng từ {MIN_DATE:%d/%m/%Y} đến {MAX_DATE:%d/%m/%Y} "
            f"(ngày dương lịch {day:%d/%m/%Y} nằm ngoài khoảng này)."
        )


def _candidate_month_start(year: int, month: int, leap: bool) -> date | None:
    """The first day of the lunar month if it exists and lies within range, else None."""
    try:
        start = lunar_vn.convert_lunar_to_solar(1, month, year, 1 if leap else 0, time_zone=TIME_ZONE_HOURS)
    except ValueError:
        # lunar-vn refuses a leap flag on a month that is not the leap one, and results out of range.
        return None
    if not MIN_DATE <= start <= MAX_DATE:
        return None
    if to_lunar(start) != LunarDate(year, month, 1, leap):
        # In a year without a leap month lunar-vn ignores the leap flag and answers the regular month.
        return None
    return start


@functools.lru_cache(maxsize=1024)
def _month_start(year: int, month: int, leap: bool) -> date:
    if not isinstance(year, int) or isinstance(year, bool):
        raise TypeError(f"The lunar year must be an int, not {type(year).__name__}.")
    _check_month_and_day(month, 1)
    start = _candidate_month_start(year, month, leap)
    if start is not None:
        return start
    if leap:
        actual = _leap_month(year)
        if actual is None:
            raise LunarDateError(f"Năm âm lịch {year_name(year)} ({year}) không có tháng nhuận.")
        if actual != month:
            raise LunarDateError(
                f"Năm âm lịch {year_name(year)} ({year}) nhuận tháng {actual}, không có tháng {month} nhuận."
            )
    raise LunarDateError(
        f"Tháng {month}{' nhuận' if leap else ''} âm lịch năm {year} nằm ngoài khoảng đổi được "
        f"(từ {MIN_DATE:%d/%m/%Y} đến {MAX_DATE:%d/%m/%Y})."
    )


@functools.lru_cache(maxsize=512)
def _leap_month(year: int) -> int | None:
    for month in range(1, 13):
        if _candidate_month_start(year, month, True) is not None:
            return month
    return None
