"""Reporting periods (kỳ báo cáo): months, quarters, halves, nine months, years, terms and custom ranges.

Pure standard library, no Django: a period is a frozen value with inclusive first and last days,
a kind and a canonical machine key, and it knows its Vietnamese label.

Canonical keys (what is stored and put in URLs):

    month        2026-M04              quarter      2026-Q2
    half         2026-H1, 2026-H2      nine months  2026-9M
    year         2026                  term         T2020-2025
    custom       2021-11-01..2026-10-31

``parse_period`` also reads the ways people write periods in Vietnamese ("quý II năm 2026",
"6 tháng đầu năm 2026", "nhiệm kỳ 2020 – 2025", "01/11/2021 – 31/10/2026"...), with or without
diacritics, in any Unicode normalization and any case. Every error message is in Vietnamese.

Years are limited to 1900–2200; a period whose previous or next would leave that range raises ValueError.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import Enum

__all__ = [
    "MAX_YEAR",
    "MIN_YEAR",
    "Period",
    "PeriodKind",
    "PeriodParseError",
    "custom",
    "half",
    "month",
    "nine_months",
    "parse_period",
    "period_of_kind_containing",
    "periods_between",
    "quarter",
    "term",
    "year_period",
]

MIN_YEAR = 1900
MAX_YEAR = 2200


class PeriodKind(str, Enum):  # noqa: UP042 - the (str, Enum) base is part of the agreed API
    """The kind of a reporting period; the value is the short code used in keys and forms."""

    MONTH = "M"
    QUARTER = "Q"
    HALF = "H"
    NINE_MONTHS = "9M"
    YEAR = "Y"
    TERM = "T"
    CUSTOM = "C"

    @property
    def label(self) -> str:
        """Vietnamese name of the kind, for choice lists: "Quý", "6 tháng"..."""
        return _KIND_LABELS[self]

    @property
    def is_calendar(self) -> bool:
        """True for the kinds that tile the calendar year (month, quarter, half, nine months, year)."""
        return self in _CALENDAR_SHAPE


_KIND_LABELS: dict[PeriodKind, str] = {
    PeriodKind.MONTH: "Tháng",
    PeriodKind.QUARTER: "Quý",
    PeriodKind.HALF: "6 tháng",
    PeriodKind.NINE_MONTHS: "9 tháng",
    PeriodKind.YEAR: "Năm",
    PeriodKind.TERM: "Nhiệm kỳ",
    PeriodKind.CUSTOM: "Khoảng thời gian tùy chọn",
}

# Calendar kinds: (months in one period, periods in one year). Period n of a year starts in month
# (n - 1) * size + 1; nine months is the single period January–September.
_CALENDAR_SHAPE: dict[PeriodKind, tuple[int, int]] = {
    PeriodKind.MONTH: (1, 12),
    PeriodKind.QUARTER: (3, 4),
    PeriodKind.HALF: (6, 2),
    PeriodKind.NINE_MONTHS: (9, 1),
    PeriodKind.YEAR: (12, 1),
}

_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
_FROM_ROMAN = {roman.lower(): number for number, roman in _ROMAN.items()}


class PeriodParseError(ValueError):
    """A text that is not a reporting period; the message is Vietnamese and says which forms are accepted."""


@dataclass(frozen=True, order=True)
class Period:
    """A reporting period from ``start`` to ``end``, both days inclusive.

    Build periods with the module functions (``month``, ``quarter``, ..., ``parse_period``) rather than
    by hand: the constructor checks that ``start``, ``end``, ``kind`` and ``key`` agree and raises
    ValueError otherwise. Equality, hashing and ordering use (start, end, kind, key); the optional
    display label of a custom range takes no part in them.
    """

    start: date
    end: date
    kind: PeriodKind
    key: str
    custom_label: str | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        for name in ("start", "end"):
            value = getattr(self, name)
            if not isinstance(value, date) or isinstance(value, datetime):
                raise TypeError(f"Period.{name} must be a datetime.date, not {type(value).__name__}.")
        kind = PeriodKind(self.kind)
        object.__setattr__(self, "kind", kind)
        _check_range(self.start, self.end)
        if kind is PeriodKind.CUSTOM:
            object.__setattr__(self, "custom_label", _clean_label(self.custom_label))
        elif self.custom_label is not None:
            raise ValueError("Chỉ khoảng thời gian tùy chọn mới được đặt tên riêng.")
        expected = _expected_key(kind, self.start, self.end)
        if self.key != expected:
            raise ValueError(f"Mã kỳ “{self.key}” không khớp với khoảng ngày; mã đúng là “{expected}”.")

    def __str__(self) -> str:
        return self.key

    @property
    def label(self) -> str:
        """The Vietnamese label: "Tháng 4 năm 2026", "Quý II năm 2026", "Nhiệm kỳ 2020–2025"..."""
        kind, year = self.kind, self.start.year
        if kind is PeriodKind.MONTH:
            return f"Tháng {self.start.month} năm {year}"
        if kind is PeriodKind.QUARTER:
            return f"Quý {_ROMAN[self.index]} năm {year}"
        if kind is PeriodKind.HALF:
            return f"6 tháng {'đầu' if self.index == 1 else 'cuối'} năm {year}"
        if kind is PeriodKind.NINE_MONTHS:
            return f"9 tháng đầu năm {year}"
        if kind is PeriodKind.YEAR:
            return f"Năm {year}"
        if kind is PeriodKind.TERM:
            return f"Nhiệm kỳ {year}\u2013{self.end.year}"
        return self.custom_label or f"Từ {_dmy(self.start)} đến {_dmy(self.end)}"

    @property
    def index(self) -> int:
        """Position within the year of a calendar period (month 1–12, quarter 1–4, half 1–2); 1 otherwise."""
        if not self.kind.is_calendar:
            return 1
        return _calendar_index(self.kind, self.start.month) or 1

    @property
    def days(self) -> int:
        """Number of days covered, both ends included."""
        return (self.end - self.start).days + 1

    def months(self) -> list[tuple[int, int]]:
        """(year, month) of every month the period touches, in order.

        For a custom range a partly covered month at either end is included.
        """
        first = self.start.year * 12 + self.start.month - 1
        last = self.end.year * 12 + self.end.month - 1
        return [(n // 12, n % 12 + 1) for n in range(first, last + 1)]

    def contains(self, day: date) -> bool:
        """True if ``day`` (a date, or a datetime by its date) lies within the period."""
        return self.start <= _as_date(day) <= self.end

    def overlaps(self, start: date, end: date) -> bool:
        """True if the period shares at least one day with the inclusive range ``start``..``end``."""
        return self.start <= _as_date(end) and _as_date(start) <= self.end

    def previous(self) -> Period:
        """The period of the same kind just before this one.

        Calendar kinds step back one period (January → December of the previous year, Q1 → Q4,
        H1 → H2 of the previous year; nine months and years step back a year). A term steps back to
        the previous term of the same length (2020–2025 → 2015–2020); a custom range gives the range
        of the same number of days that ends the day before this one starts.
        """
        kind = self.kind
        if kind is PeriodKind.TERM:
            length = self.end.year - self.start.year
            return term(self.start.year - length, self.start.year)
        if kind is PeriodKind.CUSTOM:
            new_end = self.start - timedelta(days=1)
            return custom(new_end - (self.end - self.start), new_end)
        if kind in (PeriodKind.NINE_MONTHS, PeriodKind.YEAR):
            return _calendar(kind, self.start.year - 1, 1)
        return period_of_kind_containing(kind, self.start - timedelta(days=1))

    def next(self) -> Period:
        """The period of the same kind just after this one; the mirror image of ``previous``."""
        kind = self.kind
        if kind is PeriodKind.TERM:
            length = self.end.year - self.start.year
            return term(self.end.year, self.end.year + length)
        if kind is PeriodKind.CUSTOM:
            new_start = self.end + timedelta(days=1)
            return custom(new_start, new_start + (self.end - self.start))
        if kind in (PeriodKind.NINE_MONTHS, PeriodKind.YEAR):
            return _calendar(kind, self.start.year + 1, 1)
        return period_of_kind_containing(kind, self.end + timedelta(days=1))

    def same_period_last_year(self) -> Period:
        """The same period one year earlier, for year-on-year comparison.

        A term has no "last year": its counterpart is the previous term. A custom range moves both
        days back one year; 29 February becomes 28 February, and a range ending on the last day of a
        month still ends on the last day of that month (…–28/02/2025 → …–29/02/2024).
        """
        if self.kind is PeriodKind.TERM:
            return self.previous()
        if self.kind is PeriodKind.CUSTOM:
            return custom(_year_earlier(self.start), _year_earlier(self.end, keep_month_end=True))
        return _calendar(self.kind, self.start.year - 1, self.index)


# --- constructors -------------------------------------------------------------------------------


def month(year: int, m: int) -> Period:
    """Month ``m`` (1–12) of ``year``."""
    _check_year(year)
    if not 1 <= m <= 12:
        raise ValueError("Tháng phải từ 1 đến 12.")
    return _calendar(PeriodKind.MONTH, year, m)


def quarter(year: int, q: int) -> Period:
    """Quarter ``q`` (1–4) of ``year``."""
    _check_year(year)
    if not 1 <= q <= 4:
        raise ValueError("Quý phải từ 1 đến 4 (I đến IV).")
    return _calendar(PeriodKind.QUARTER, year, q)


def half(year: int, h: int) -> Period:
    """The first (``h=1``, January–June) or second (``h=2``, July–December) half of ``year``."""
    _check_year(year)
    if h not in (1, 2):
        raise ValueError("Nửa năm phải là 1 (6 tháng đầu năm) hoặc 2 (6 tháng cuối năm).")
    return _calendar(PeriodKind.HALF, year, h)


def nine_months(year: int) -> Period:
    """The first nine months (January–September) of ``year``."""
    _check_year(year)
    return _calendar(PeriodKind.NINE_MONTHS, year, 1)


def year_period(year: int) -> Period:
    """The whole calendar ``year``."""
    _check_year(year)
    return _calendar(PeriodKind.YEAR, year, 1)


def term(start_year: int, end_year: int) -> Period:
    """A term (nhiệm kỳ), from 1 January of ``start_year`` to 31 December of ``end_year``."""
    _check_year(start_year)
    _check_year(end_year)
    if end_year <= start_year:
        raise ValueError("Năm kết thúc nhiệm kỳ phải sau năm bắt đầu.")
    start, end = date(start_year, 1, 1), date(end_year, 12, 31)
    return Period(start, end, PeriodKind.TERM, _expected_key(PeriodKind.TERM, start, end))


def custom(start: date, end: date, label: str | None = None) -> Period:
    """Any range of days, both inclusive, with an optional display label (else "Từ dd/mm/yyyy đến ...")."""
    start, end = _as_date(start), _as_date(end)
    _check_range(start, end)
    key = _expected_key(PeriodKind.CUSTOM, start, end)
    return Period(start, end, PeriodKind.CUSTOM, key, custom_label=label)


def period_of_kind_containing(kind: PeriodKind | str, day: date) -> Period:
    """The period of a calendar kind that contains ``day`` (e.g. the quarter of a date).

    Raises ValueError for terms and custom ranges, which do not follow from a day, and for nine months
    when the day falls in October–December.
    """
    kind = _calendar_kind(kind)
    day = _as_date(day)
    _check_year(day.year)
    index = _calendar_index(kind, day.month)
    if index is None:
        raise ValueError(f"Ngày {_dmy(day)} không thuộc 9 tháng đầu năm {day.year}.")
    return _calendar(kind, day.year, index)


def periods_between(kind: PeriodKind | str, start: date, end: date) -> list[Period]:
    """Every period of a calendar kind that shares at least one day with ``start``..``end``, in order.

    Raises ValueError for terms and custom ranges and when ``end`` is before ``start``.
    """
    kind = _calendar_kind(kind)
    start, end = _as_date(start), _as_date(end)
    _check_range(start, end)
    count = _CALENDAR_SHAPE[kind][1]
    return [
        period
        for year in range(start.year, end.year + 1)
        for index in range(1, count + 1)
        if (period := _calendar(kind, year, index)).overlaps(start, end)
    ]


# --- parsing ------------------------------------------------------------------------------------

_ACCEPTED_FORMS = (
    "Các dạng được chấp nhận: tháng (2026-M04, 04/2026, tháng 4/2026, tháng 4 năm 2026); "
    "quý (2026-Q2, quý 2/2026, quý II năm 2026); "
    "6 tháng (2026-H1, 2026-H2, 6 tháng đầu năm 2026, 6 tháng cuối năm 2026); "
    "9 tháng (2026-9M, 9 tháng đầu năm 2026); năm (2026, năm 2026); "
    "nhiệm kỳ (T2020-2025, nhiệm kỳ 2020–2025); "
    "khoảng ngày (01/11/2021–31/10/2026, 2021-11-01..2026-10-31)."
)

# Every kind of dash people paste (hyphen, non-breaking hyphen, figure/en/em dash, bar, minus...).
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"), "-")

_Y = r"([0-9]{4})"
_N = r"([0-9]{1,2})"
_DAY = r"([0-9]{1,2}[/.][0-9]{1,2}[/.][0-9]{4}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2})"


def _rules() -> list[tuple[re.Pattern[str], Callable[[re.Match[str]], Period]]]:
    """(pattern, builder) pairs, matched in order against the folded text (see ``_fold``)."""

    def rule(
        pattern: str, build: Callable[[re.Match[str]], Period]
    ) -> tuple[re.Pattern[str], Callable[[re.Match[str]], Period]]:
        return re.compile(rf"^{pattern}$"), build

    return [
        # month
        rule(rf"{_Y}-m{_N}", lambda m: month(int(m[1]), int(m[2]))),
        rule(rf"{_Y}-{_N}", lambda m: month(int(m[1]), int(m[2]))),
        rule(rf"(?:thang\s*)?{_N}\s*/\s*{_Y}", lambda m: month(int(m[2]), int(m[1]))),
        rule(rf"thang\s*{_N}\s*nam\s*{_Y}", lambda m: month(int(m[2]), int(m[1]))),
        # quarter ("quí" is the older spelling of "quý")
        rule(rf"{_Y}-q{_N}", lambda m: quarter(int(m[1]), int(m[2]))),
        rule(
            rf"qu[yi]\s*([0-9]{{1,2}}|[ivx]+)\s*(?:/|nam)\s*{_Y}",
            lambda m: quarter(int(m[2]), _quarter_number(m[1])),
        ),
        # half
        rule(rf"{_Y}-h{_N}", lambda m: half(int(m[1]), int(m[2]))),
        rule(
            rf"(?:6|sau)\s*thang\s*(dau|cuoi)\s*(?:nam\s*)?{_Y}",
            lambda m: half(int(m[2]), 1 if m[1] == "dau" else 2),
        ),
        # nine months
        rule(rf"{_Y}-9m", lambda m: nine_months(int(m[1]))),
        rule(rf"(?:9|chin)\s*thang\s*(?:dau\s*)?nam\s*{_Y}", lambda m: nine_months(int(m[1]))),
        # year
        rule(rf"(?:nam\s*)?{_Y}", lambda m: year_period(int(m[1]))),
        # term ("kì" is an accepted spelling of "kỳ")
        rule(rf"(?:t|nhiem\s*k[yi])\s*{_Y}\s*-\s*{_Y}", lambda m: term(int(m[1]), int(m[2]))),
        # custom range
        rule(
            rf"(?:tu\s*)?{_DAY}\s*(?:\.\.|-|den)\s*{_DAY}",
            lambda m: custom(_read_day(m[1]), _read_day(m[2])),
        ),
    ]


def parse_period(text: str) -> Period:
    """Read a period from its key, its label or one of the usual Vietnamese ways of writing it.

    Case, surrounding and repeated spaces, Unicode normalization, tone-mark placement, missing
    diacritics and the kind of dash do not matter. Raises PeriodParseError with a Vietnamese message.
    """
    shown = " ".join(unicodedata.normalize("NFC", text or "").split())
    if len(shown) > 60:
        shown = shown[:59] + "…"
    folded = _fold(text or "")
    if not folded:
        raise PeriodParseError(f"Chưa nhập kỳ báo cáo. {_ACCEPTED_FORMS}")
    for pattern, build in _RULES:
        if match := pattern.match(folded):
            try:
                return build(match)
            except ValueError as exc:
                raise PeriodParseError(f"Kỳ báo cáo “{shown}” không hợp lệ. {exc}") from None
    raise PeriodParseError(f"Không hiểu kỳ báo cáo “{shown}”. {_ACCEPTED_FORMS}")


def _fold(text: str) -> str:
    """NFC, lower case, no diacritics ("đ" → "d"), ASCII dashes, single spaces: the form rules match."""
    text = unicodedata.normalize("NFC", text).translate(_DASHES).lower().replace("đ", "d")
    bare = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    return " ".join(bare.split())


def _quarter_number(token: str) -> int:
    if token.isdigit():
        return int(token)
    if token not in _FROM_ROMAN:
        raise ValueError("Quý phải từ 1 đến 4 (I đến IV).")
    return _FROM_ROMAN[token]


def _read_day(token: str) -> date:
    """A day written dd/mm/yyyy (or with dots) or yyyy-mm-dd."""
    if "/" in token or "." in token:
        day, mon, year = (int(part) for part in re.split(r"[/.]", token))
    else:
        year, mon, day = (int(part) for part in token.split("-"))
    try:
        return date(year, mon, day)
    except ValueError:
        raise ValueError(f"Ngày {day:02d}/{mon:02d}/{year:04d} không tồn tại.") from None


_RULES = _rules()


# --- helpers ------------------------------------------------------------------------------------


def _check_year(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(f"Năm phải từ {MIN_YEAR} đến {MAX_YEAR}.")


def _check_range(start: date, end: date) -> None:
    if end < start:
        raise ValueError(f"Ngày kết thúc ({_dmy(end)}) không được trước ngày bắt đầu ({_dmy(start)}).")
    _check_year(start.year)
    _check_year(end.year)


def _calendar_kind(kind: PeriodKind | str) -> PeriodKind:
    kind = PeriodKind(kind)
    if not kind.is_calendar:
        raise ValueError(
            f"Không xác định được kỳ loại “{kind.label}” từ một ngày; hãy nêu rõ ngày bắt đầu và kết thúc."
        )
    return kind


def _calendar_index(kind: PeriodKind, month_number: int) -> int | None:
    """1-based position within its year of the calendar period holding ``month_number``; None if none does."""
    size, count = _CALENDAR_SHAPE[kind]
    index = (month_number - 1) // size + 1
    return index if index <= count else None


def _calendar_bounds(kind: PeriodKind, year: int, index: int) -> tuple[date, date]:
    size = _CALENDAR_SHAPE[kind][0]
    first = (index - 1) * size + 1
    last = first + size - 1
    return date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1])


def _calendar(kind: PeriodKind, year: int, index: int) -> Period:
    _check_year(year)
    start, end = _calendar_bounds(kind, year, index)
    return Period(start, end, kind, _expected_key(kind, start, end))


def _expected_key(kind: PeriodKind, start: date, end: date) -> str:
    """The canonical key of ``kind`` over ``start``..``end``; ValueError if the days do not fit the kind."""
    if kind is PeriodKind.CUSTOM:
        return f"{start.isoformat()}..{end.isoformat()}"
    if kind is PeriodKind.TERM:
        if start != date(start.year, 1, 1) or end != date(end.year, 12, 31) or end.year <= start.year:
            raise ValueError("Nhiệm kỳ phải bắt đầu ngày 01/01 và kết thúc ngày 31/12 của một năm sau đó.")
        return f"T{start.year}-{end.year}"
    index = _calendar_index(kind, start.month)
    if index is None or (start, end) != _calendar_bounds(kind, start.year, index):
        raise ValueError(f"Từ {_dmy(start)} đến {_dmy(end)} không phải một kỳ “{kind.label}” trọn vẹn.")
    year = start.year
    return {
        PeriodKind.MONTH: f"{year}-M{index:02d}",
        PeriodKind.QUARTER: f"{year}-Q{index}",
        PeriodKind.HALF: f"{year}-H{index}",
        PeriodKind.NINE_MONTHS: f"{year}-9M",
        PeriodKind.YEAR: f"{year}",
    }[kind]


def _clean_label(label: str | None) -> str | None:
    """NFC with spaces collapsed; blank labels become None."""
    if label is None:
        return None
    cleaned = " ".join(unicodedata.normalize("NFC", label).split())
    return cleaned or None


def _as_date(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


def _dmy(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def _year_earlier(day: date, *, keep_month_end: bool = False) -> date:
    """The same day one year earlier; 29 February → 28 February, and optionally month end → month end."""
    year = day.year - 1
    _check_year(year)
    last_day = calendar.monthrange(year, day.month)[1]
    if keep_month_end and day.day == calendar.monthrange(day.year, day.month)[1]:
        return date(year, day.month, last_day)
    return date(year, day.month, min(day.day, last_day))
