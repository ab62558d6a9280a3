"""Commemorative days (ngày kỷ niệm, ngày lễ lớn) and their anniversaries, for propaganda planning.

Pure, no Django. A ``CommemorativeDay`` is a row of the table that the yearly and monthly
propaganda orientation (định hướng tuyên truyền) is planned from: a name, a solar or lunar day and
month, and the year of the original event when anniversaries are counted from it. ``occurrences``
dates them in a solar year (lunar days through ``lunar.py``) and numbers the anniversary;
``round_anniversaries`` keeps the ones that are celebrated; ``upcoming`` serves planners who look a
few months ahead. ``DEFAULT_EVENTS`` is the starting table of national days.

Round and major anniversaries (the decision this module takes):

* ``is_round``: the anniversary is a multiple of 5 (5, 10, 15, ... 135): the years in which an
  anniversary is marked (the "năm chẵn" of planners: "năm tròn" and "năm lẻ 5").
* ``is_major``: a multiple of 10 (10, 20, ... 50, 100): the "năm tròn", when the ceremony is larger.
  25 and 75 are round but not major. (Vietnamese rules on organising commemorations, Nghị định
  145/2013/NĐ-CP, speak of "năm tròn" and "năm lẻ 5"; check the current text before relying on a
  legal reading of these two flags.)

Dates in labels follow the administrative style of Nghị định 30/2020/NĐ-CP: a day below 10 and the
months 1 and 2 get a leading zero ("01/5/1886", "03/02/1930", "19/5/1890").
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import Enum, IntEnum

from tuyengiao.workcalendar import lunar

__all__ = [
    "DEFAULT_EVENTS",
    "CalendarKind",
    "CommemorativeDay",
    "Importance",
    "Occurrence",
    "format_day_month",
    "occurrences",
    "round_anniversaries",
    "upcoming",
]

MAX_UPCOMING_MONTHS = 36


class CalendarKind(str, Enum):  # noqa: UP042 - a (str, Enum) stores as its value, like PeriodKind
    """Which calendar the day and month of a commemorative day are in."""

    SOLAR = "solar"
    LUNAR = "lunar"

    @property
    def label(self) -> str:
        return "Dương lịch" if self is CalendarKind.SOLAR else "Âm lịch"


class Importance(IntEnum):
    """How much weight a commemorative day carries in planning (higher sorts first on the same day)."""

    NORMAL = 1
    HIGH = 2
    NATIONAL = 3

    @property
    def label(self) -> str:
        return _IMPORTANCE_LABELS[self]


_IMPORTANCE_LABELS = {
    Importance.NORMAL: "Thông thường",
    Importance.HIGH: "Quan trọng",
    Importance.NATIONAL: "Ngày lễ lớn của dân tộc",
}

_CODE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class CommemorativeDay:
    """A commemorative day (ngày kỷ niệm): "Ngày Quốc tế Lao động", solar 1/5, counted from 1886.

    ``code`` is a stable machine key (lowercase ASCII words joined by hyphens, e.g. "quoc-khanh")
    for loading the table into the database; ``origin_year`` is the year of the original event and
    None when the day is kept without counting (Tết Nguyên đán, Giỗ Tổ Hùng Vương). For a lunar day,
    ``origin_year`` is a lunar year. The solar day 29/02 is refused: it does not come every year.
    """

    code: str
    name: str
    calendar: CalendarKind
    month: int
    day: int
    origin_year: int | None = None
    importance: Importance = Importance.NORMAL

    def __post_init__(self) -> None:
        if not isinstance(self.code, str) or not _CODE.fullmatch(self.code):
            raise ValueError(f"Invalid code {self.code!r}: use lowercase ASCII words joined by hyphens.")
        name = unicodedata.normalize("NFC", " ".join(str(self.name).split()))
        if not name:
            raise ValueError("Ngày kỷ niệm phải có tên.")
        object.__setattr__(self, "name", name)
        kind = CalendarKind(self.calendar)
        object.__setattr__(self, "calendar", kind)
        object.__setattr__(self, "importance", Importance(self.importance))
        if not 1 <= self.month <= 12:
            raise ValueError(f"Tháng phải từ 1 đến 12 (ngày kỷ niệm “{name}”).")
        if kind is CalendarKind.SOLAR:
            if (self.month, self.day) == (2, 29):
                raise ValueError(f"Ngày 29/02 không có trong mọi năm; hãy chọn ngày khác cho “{name}”.")
            if not 1 <= self.day <= calendar.monthrange(2001, self.month)[1]:
                raise ValueError(f"Tháng {self.month} không có ngày {self.day} (ngày kỷ niệm “{name}”).")
        elif not 1 <= self.day <= 30:
            raise ValueError(f"Ngày âm lịch phải từ 1 đến 30 (ngày kỷ niệm “{name}”).")
        if self.origin_year is not None and not 1 <= self.origin_year <= 9999:
            raise ValueError(f"Năm diễn ra sự kiện không hợp lệ: {self.origin_year}.")

    @property
    def day_month_label(self) -> str:
        """ "01/5", or "10/3 âm lịch" for a lunar day."""
        text = format_day_month(self.day, self.month)
        return text if self.calendar is CalendarKind.SOLAR else f"{text} âm lịch"


@dataclass(frozen=True)
class Occurrence:
    """A commemorative day falling on ``date`` in one year, with its anniversary number if it has one.

    ``anniversary`` is the event's year in its own calendar minus ``origin_year`` (the solar year
    for a solar day, the lunar year for a lunar one), None when the day is kept without counting.
    ``lunar_date`` is the lunar date observed, for a lunar day.
    """

    event: CommemorativeDay
    date: date
    anniversary: int | None
    lunar_date: lunar.LunarDate | None = None

    @property
    def is_round(self) -> bool:
        """A 5th, 10th, 15th... anniversary: the years in which the day is marked."""
        return self.anniversary is not None and self.anniversary % 5 == 0

    @property
    def is_major(self) -> bool:
        """A 10th, 20th... anniversary ("năm tròn"); 25 and 75 are round but not major."""
        return self.anniversary is not None and self.anniversary % 10 == 0

    @property
    def round_label(self) -> str | None:
        """ "năm tròn" (multiple of 10), "năm lẻ 5" (other multiple of 5), or None."""
        if self.is_major:
            return "năm tròn"
        if self.is_round:
            return "năm lẻ 5"
        return None

    @property
    def label(self) -> str:
        """The heading planners write.

        "135 năm Ngày Quốc tế Lao động (01/5/1886 – 01/5/2021)"; a lunar day counted from a year:
        "… (10/3/1930 – 10/3/2026 âm lịch)"; a day kept without counting: its name, and for a lunar
        day the lunar date: "Giỗ Tổ Hùng Vương (10/3 âm lịch)".
        """
        event = self.event
        if self.anniversary is None:
            if event.calendar is CalendarKind.LUNAR:
                return f"{event.name} ({event.day_month_label})"
            return event.name
        day_month = format_day_month(event.day, event.month)
        year = self.date.year if self.lunar_date is None else self.lunar_date.year
        span = f"{day_month}/{event.origin_year} – {day_month}/{year}"
        if event.calendar is CalendarKind.LUNAR:
            span += " âm lịch"
        return f"{self.anniversary} năm {event.name} ({span})"


def format_day_month(day: int, month: int) -> str:
    """Day and month in the administrative style: "01/5", "03/02", "19/5", "22/12"."""
    return f"{day:02d}/{month:02d}" if month <= 2 else f"{day:02d}/{month}"


def occurrences(events: Iterable[CommemorativeDay], year: int) -> list[Occurrence]:
    """Every commemorative day of ``events`` that falls in solar ``year``, in date order.

    A day counted from an origin year appears only from its first anniversary on (the year of the
    event itself, and the years before it, give nothing). A lunar day is dated by
    ``lunar.dates_in_solar_year`` (regular month, day 30 kept on 29 in a short month), so a lunar
    day of month 11 or 12 may appear twice or not at all in one solar year; lunar dates outside
    1900–2100 are skipped. On the same day the more important event comes first, then by name.
    """
    found: list[Occurrence] = []
    for event in events:
        if event.calendar is CalendarKind.SOLAR:
            found.extend(_counted(event, date(year, event.month, event.day), year, None))
            continue
        for day in lunar.dates_in_solar_year(event.month, event.day, year):
            observed = lunar.to_lunar(day)
            found.extend(_counted(event, day, observed.year, observed))
    found.sort(key=lambda occ: (occ.date, -occ.event.importance, occ.event.name))
    return found


def round_anniversaries(
    events: Iterable[CommemorativeDay], year: int, *, major_only: bool = False
) -> list[Occurrence]:
    """The occurrences in ``year`` that are round anniversaries (or, with ``major_only``, major ones)."""
    return [occ for occ in occurrences(events, year) if (occ.is_major if major_only else occ.is_round)]


def upcoming(events: Iterable[CommemorativeDay], from_date: date, months: int) -> list[Occurrence]:
    """Occurrences from ``from_date`` (included) to the same day ``months`` months later (excluded).

    For a planner looking ahead: ``upcoming(events, date(2026, 11, 15), 3)`` covers 15/11/2026 up to
    14/02/2027. A later month without that day stops at its last day (31/01 + 1 month → 28/02,
    excluded). ``months`` is from 1 to 36.
    """
    if not 1 <= months <= MAX_UPCOMING_MONTHS:
        raise ValueError(f"Số tháng xem trước phải từ 1 đến {MAX_UPCOMING_MONTHS}.")
    end = _add_months(from_date, months)
    events = list(events)
    return [
        occ
        for year in range(from_date.year, end.year + 1)
        for occ in occurrences(events, year)
        if from_date <= occ.date < end
    ]


def _counted(
    event: CommemorativeDay, day: date, event_year: int, lunar_date: lunar.LunarDate | None
) -> list[Occurrence]:
    if event.origin_year is None:
        return [Occurrence(event, day, None, lunar_date)]
    anniversary = event_year - event.origin_year
    if anniversary < 1:
        return []
    return [Occurrence(event, day, anniversary, lunar_date)]


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _solar(code: str, name: str, day: int, month: int, origin: int | None, importance: Importance):
    return CommemorativeDay(code, name, CalendarKind.SOLAR, month, day, origin, importance)


_N, _H, _NAT = Importance.NORMAL, Importance.HIGH, Importance.NATIONAL

# National commemorative days with dates and origin years that are well established. Provincial days
# (founding of the provincial Party committee, liberation of the province...) belong in each
# province's own rows, not here.
DEFAULT_EVENTS: tuple[CommemorativeDay, ...] = (
    _solar("bau-cu-quoc-hoi-khoa-i", "Ngày Tổng tuyển cử bầu Quốc hội khóa I", 6, 1, 1946, _H),
    _solar(
        "bac-ho-ve-nuoc",
        "Ngày Chủ tịch Hồ Chí Minh về nước trực tiếp lãnh đạo cách mạng Việt Nam",
        28,
        1,
        1941,
        _H,
    ),
    _solar("thanh-lap-dang", "Ngày thành lập Đảng Cộng sản Việt Nam", 3, 2, 1930, _NAT),
    _solar("thay-thuoc-viet-nam", "Ngày Thầy thuốc Việt Nam", 27, 2, 1955, _N),
    _solar(
        "bien-phong-toan-dan",
        "Ngày truyền thống Bộ đội Biên phòng – Ngày Biên phòng toàn dân",
        3,
        3,
        1959,
        _N,
    ),
    _solar("quoc-te-phu-nu", "Ngày Quốc tế Phụ nữ", 8, 3, 1910, _H),
    _solar("thanh-lap-doan", "Ngày thành lập Đoàn Thanh niên Cộng sản Hồ Chí Minh", 26, 3, 1931, _H),
    _solar("the-thao-viet-nam", "Ngày Thể thao Việt Nam", 27, 3, 1946, _N),
    _solar(
        "giai-phong-mien-nam", "Ngày Giải phóng hoàn toàn miền Nam, thống nhất đất nước", 30, 4, 1975, _NAT
    ),
    _solar("quoc-te-lao-dong", "Ngày Quốc tế Lao động", 1, 5, 1886, _NAT),
    _solar("chien-thang-dien-bien-phu", "Ngày Chiến thắng Điện Biên Phủ", 7, 5, 1954, _NAT),
    _solar(
        "thanh-lap-doi-thieu-nien", "Ngày thành lập Đội Thiếu niên Tiền phong Hồ Chí Minh", 15, 5, 1941, _N
    ),
    _solar("sinh-nhat-bac-ho", "Ngày sinh Chủ tịch Hồ Chí Minh", 19, 5, 1890, _NAT),
    _solar(
        "bac-ho-ra-di-tim-duong-cuu-nuoc",
        "Ngày Chủ tịch Hồ Chí Minh ra đi tìm đường cứu nước",
        5,
        6,
        1911,
        _H,
    ),
    _solar("bao-chi-cach-mang", "Ngày Báo chí cách mạng Việt Nam", 21, 6, 1925, _H),
    _solar("gia-dinh-viet-nam", "Ngày Gia đình Việt Nam", 28, 6, 2001, _N),
    _solar("thuong-binh-liet-si", "Ngày Thương binh – Liệt sĩ", 27, 7, 1947, _NAT),
    _solar("thanh-lap-cong-doan", "Ngày thành lập Công đoàn Việt Nam", 28, 7, 1929, _N),
    _solar("truyen-thong-tuyen-giao", "Ngày truyền thống ngành Tuyên giáo của Đảng", 1, 8, 1930, _H),
    _solar("cach-mang-thang-tam", "Ngày Cách mạng Tháng Tám thành công", 19, 8, 1945, _NAT),
    _solar("thanh-lap-cong-an-nhan-dan", "Ngày truyền thống Công an nhân dân Việt Nam", 19, 8, 1945, _H),
    _solar("quoc-khanh", "Ngày Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam", 2, 9, 1945, _NAT),
    _solar("giai-phong-thu-do", "Ngày Giải phóng Thủ đô", 10, 10, 1954, _N),
    _solar("truyen-thong-to-chuc", "Ngày truyền thống ngành Tổ chức xây dựng Đảng", 14, 10, 1930, _N),
    _solar("thanh-lap-hoi-nong-dan", "Ngày thành lập Hội Nông dân Việt Nam", 14, 10, 1930, _N),
    _solar("dan-van", "Ngày truyền thống công tác Dân vận của Đảng – Ngày Dân vận cả nước", 15, 10, 1930, _H),
    _solar("truyen-thong-kiem-tra", "Ngày truyền thống ngành Kiểm tra Đảng", 16, 10, 1948, _N),
    _solar("truyen-thong-van-phong-cap-uy", "Ngày truyền thống Văn phòng cấp ủy", 18, 10, 1930, _N),
    _solar(
        "phu-nu-viet-nam",
        "Ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam – Ngày Phụ nữ Việt Nam",
        20,
        10,
        1930,
        _H,
    ),
    _solar("cach-mang-thang-muoi-nga", "Ngày Cách mạng Tháng Mười Nga", 7, 11, 1917, _N),
    _solar("mat-tran-to-quoc", "Ngày thành lập Mặt trận Dân tộc Thống nhất Việt Nam", 18, 11, 1930, _H),
    _solar("nha-giao-viet-nam", "Ngày Nhà giáo Việt Nam", 20, 11, 1982, _H),
    _solar("thanh-lap-hoi-cuu-chien-binh", "Ngày thành lập Hội Cựu chiến binh Việt Nam", 6, 12, 1989, _N),
    _solar("toan-quoc-khang-chien", "Ngày Toàn quốc kháng chiến", 19, 12, 1946, _H),
    _solar("thanh-lap-quan-doi", "Ngày thành lập Quân đội nhân dân Việt Nam", 22, 12, 1944, _NAT),
    CommemorativeDay("tet-nguyen-dan", "Tết Nguyên đán", CalendarKind.LUNAR, 1, 1, None, _NAT),
    CommemorativeDay("gio-to-hung-vuong", "Giỗ Tổ Hùng Vương", CalendarKind.LUNAR, 3, 10, None, _NAT),
)
