"""Lịch công tác screens: a unit's month and week (meetings, task deadlines, commemorative days, lunar
dates), the commemorative days of the coming months, and the unit's calendar as an iCalendar file.

Whose calendar: the user's own unit. System admins pick any unit with ``?unit=<pk>``; anyone else
naming a unit other than their own gets a 404, never another unit's calendar.
"""

import calendar as pycalendar
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from dateutil.relativedelta import relativedelta
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from tuyengiao.core.dates import DateParseError, parse_date
from tuyengiao.core.text import fold
from tuyengiao.orgs.models import OrgUnit, UnitKind
from tuyengiao.workcalendar import agenda, anniversaries, feeds, lunar
from tuyengiao.workcalendar.models import CommemorativeDay

#: Years the screens show: the range of the lunar calendar conversions.
YEARS = range(lunar.MIN_DATE.year, lunar.MAX_DATE.year + 1)
UPCOMING_MONTHS = 6
ICS_MONTHS_BEFORE, ICS_MONTHS_AFTER = 3, 12
ICS_MAX_DAYS = 3660  # ten years, as the `calendar` command

WEEKDAYS = (
    gettext_lazy("Thứ Hai"),
    gettext_lazy("Thứ Ba"),
    gettext_lazy("Thứ Tư"),
    gettext_lazy("Thứ Năm"),
    gettext_lazy("Thứ Sáu"),
    gettext_lazy("Thứ Bảy"),
    gettext_lazy("Chủ nhật"),
)
WEEKDAYS_SHORT = (
    gettext_lazy("T2"),
    gettext_lazy("T3"),
    gettext_lazy("T4"),
    gettext_lazy("T5"),
    gettext_lazy("T6"),
    gettext_lazy("T7"),
    gettext_lazy("CN"),
)


def _today() -> dt.date:
    return timezone.localdate()


@dataclass
class Day:
    """One day of the calendar, with what falls on it."""

    date: dt.date
    in_month: bool = True
    is_today: bool = False
    lunar_date: lunar.LunarDate | None = None
    show_lunar_month: bool = False
    entries: list[agenda.Entry] = field(default_factory=list)
    occurrences: list[anniversaries.Occurrence] = field(default_factory=list)

    @property
    def weekday(self) -> str:
        return WEEKDAYS[self.date.weekday()]

    @property
    def is_sunday(self) -> bool:
        return self.date.weekday() == 6

    @property
    def has_round(self) -> bool:
        return any(occ.is_round for occ in self.occurrences)

    @property
    def is_empty(self) -> bool:
        return not (self.entries or self.occurrences)


# --- whose calendar ------------------------------------------------------------------------------


def _unit_choices(user):
    """The units a user may pick the calendar of (system admins only), or None: their own unit only.

    Party cells are left out of the list (there are tens of thousands); ``?unit=`` still opens one.
    """
    if not user.is_system_admin:
        return None
    return (
        OrgUnit.objects.visible_to(user)
        .valid_on(_today())
        .exclude(kind=UnitKind.CELL)
        .order_by("kind", "name_folded")
        .only("pk", "name", "kind")
    )


def _calendar_unit(request) -> tuple[OrgUnit | None, bool]:
    """The unit whose calendar is shown, and whether it was picked with ``?unit=``."""
    user = request.user
    raw = request.GET.get("unit", "").strip()
    if raw:
        if not raw.isdigit() or len(raw) > 18:
            raise Http404(_("Không có đơn vị này."))
        if user.is_system_admin:
            return get_object_or_404(OrgUnit.objects.visible_to(user), pk=int(raw)), True
        if int(raw) != user.unit_id:
            raise Http404(_("Bạn chỉ xem được lịch công tác của đơn vị mình."))
    if user.unit_id:
        return user.unit, False
    if user.is_system_admin:
        centre = OrgUnit.objects.filter(kind=UnitKind.CENTRE).order_by("-valid_to").first()
        return centre, False
    return None, False


# --- building the days ----------------------------------------------------------------------------


def _lunar(day: dt.date) -> lunar.LunarDate | None:
    try:
        return lunar.to_lunar(day)
    except lunar.LunarDateError:
        return None


def _days(unit, start: dt.date, end: dt.date, events, today: dt.date, month: int | None = None) -> list[Day]:
    """Every day from ``start`` to ``end`` with its entries, commemorative days and lunar date."""
    by_day = defaultdict(list)
    for entry in agenda.entries(unit, start, end) if unit is not None else []:
        by_day[entry.day].append(entry)
    occurrences = defaultdict(list)
    for year in range(start.year, end.year + 1):
        for occ in anniversaries.occurrences(events, year):
            if start <= occ.date <= end:
                occurrences[occ.date].append(occ)
    days = []
    for offset in range((end - start).days + 1):
        date = start + dt.timedelta(days=offset)
        lunar_date = _lunar(date)
        in_month = month is None or date.month == month
        # the lunar month is named on its first day, and on the first day shown (of the month, of the week)
        opens = date.day == 1 if month is not None else offset == 0
        days.append(
            Day(
                date=date,
                in_month=in_month,
                is_today=date == today,
                lunar_date=lunar_date,
                show_lunar_month=lunar_date is not None and (lunar_date.day == 1 or (in_month and opens)),
                entries=by_day.get(date, []),
                occurrences=occurrences.get(date, []),
            )
        )
    return days


def _upcoming(events, today: dt.date) -> dict:
    """Ngày kỷ niệm sắp tới: the next months' commemorative days, the round anniversaries first."""
    if not lunar.MIN_DATE <= today <= lunar.MAX_DATE - relativedelta(months=UPCOMING_MONTHS):
        return {"round": [], "other": [], "until": None}
    found = [(occ, (occ.date - today).days) for occ in anniversaries.upcoming(events, today, UPCOMING_MONTHS)]
    return {
        "round": [(occ, days_left) for occ, days_left in found if occ.is_round],
        "other": [(occ, days_left) for occ, days_left in found if not occ.is_round],
        "until": today + relativedelta(months=UPCOMING_MONTHS) - dt.timedelta(days=1),
        "months": UPCOMING_MONTHS,
    }


def _context(request, unit, picked: bool, events, today: dt.date) -> dict:
    """What the month and the week pages share: the unit, its pick, the panel, the query to keep."""
    choices = _unit_choices(request.user)
    return {
        "unit": unit,
        "unit_choices": choices,
        "query": f"?unit={unit.pk}" if picked else "",
        "upcoming": _upcoming(events, today),
        "today": today,
        "today_week": today.isocalendar()[:2],
        "ics_from": today - relativedelta(months=ICS_MONTHS_BEFORE),
        "ics_to": today + relativedelta(months=ICS_MONTHS_AFTER),
        "feed_url": request.build_absolute_uri(
            reverse("workcalendar:feed", args=[feeds.token_for(request.user)])
        )
        if request.user.unit_id
        else "",
    }


# --- pages -----------------------------------------------------------------------------------------


@require_GET
def month_view(request, year: int | None = None, month: int | None = None):
    """Lịch tháng: a Monday-first grid (a list of days on a phone)."""
    today = _today()
    if year is None or month is None:
        year, month = today.year, today.month
    if year not in YEARS or not 1 <= month <= 12:
        raise Http404(_("Không có tháng này trong lịch."))
    unit, picked = _calendar_unit(request)
    first = dt.date(year, month, 1)
    last = dt.date(year, month, pycalendar.monthrange(year, month)[1])
    start = first - dt.timedelta(days=first.weekday())
    end = last + dt.timedelta(days=6 - last.weekday())
    events = CommemorativeDay.objects.events()
    days = _days(unit, start, end, events, today, month=month)
    weeks = [{"iso": days[i].date.isocalendar()[:2], "days": days[i : i + 7]} for i in range(0, len(days), 7)]
    previous = (year - 1, 12) if month == 1 else (year, month - 1)
    following = (year + 1, 1) if month == 12 else (year, month + 1)
    context = _context(request, unit, picked, events, today)
    context.update(
        {
            "year": year,
            "month": month,
            "first": first,
            "weeks": weeks,
            "weekdays": list(zip(WEEKDAYS, WEEKDAYS_SHORT, strict=True)),
            "previous": previous if previous[0] in YEARS else None,
            "following": following if following[0] in YEARS else None,
            "month_occurrences": [occ for day in days if day.in_month for occ in day.occurrences],
        }
    )
    return render(request, "workcalendar/month.html", context)


@require_GET
def week_view(request, year: int, week: int):
    """Lịch tuần (ISO week, Monday to Sunday): a list per day."""
    if year not in YEARS:
        raise Http404(_("Không có tuần này trong lịch."))
    try:
        monday = dt.date.fromisocalendar(year, week, 1)
    except ValueError:
        raise Http404(_("Không có tuần này trong lịch.")) from None
    today = _today()
    unit, picked = _calendar_unit(request)
    sunday = monday + dt.timedelta(days=6)
    events = CommemorativeDay.objects.events()
    previous = (monday - dt.timedelta(days=7)).isocalendar()[:2]
    following = (monday + dt.timedelta(days=7)).isocalendar()[:2]
    context = _context(request, unit, picked, events, today)
    context.update(
        {
            "year": year,
            "week": week,
            "monday": monday,
            "sunday": sunday,
            "days": _days(unit, monday, sunday, events, today),
            "previous": previous if previous[0] in YEARS else None,
            "following": following if following[0] in YEARS else None,
        }
    )
    return render(request, "workcalendar/week.html", context)


def _bad_request(request, message: str) -> HttpResponse:
    return render(request, "error.html", {"title": _("Yêu cầu không hợp lệ"), "message": message}, status=400)


def _date_param(request, name: str, label: str, default: dt.date) -> dt.date:
    raw = request.GET.get(name, "").strip()
    if not raw:
        return default
    try:
        value = parse_date(raw)
    except DateParseError:
        raise ValueError(
            _("%(label)s “%(value)s” không hợp lệ: hãy ghi ngày theo dạng dd/mm/yyyy, ví dụ 01/05/2026.")
            % {"label": label, "value": raw[:40]}
        ) from None
    if value.year not in YEARS:
        raise ValueError(
            _("%(label)s phải trong khoảng từ năm %(first)d đến năm %(last)d.")
            % {"label": label, "first": YEARS[0], "last": YEARS[-1]}
        )
    return value


@require_GET
def ics(request):
    """Tải lịch công tác của đơn vị (.ics): from ``from`` to ``to`` (dd/mm/yyyy), by default 3 months
    back and 12 ahead."""
    unit, _picked = _calendar_unit(request)
    if unit is None:
        raise Http404(_("Tài khoản chưa gắn với đơn vị nào."))
    today = _today()
    try:
        start = _date_param(request, "from", _("Từ ngày"), today - relativedelta(months=ICS_MONTHS_BEFORE))
        end = _date_param(request, "to", _("Đến ngày"), today + relativedelta(months=ICS_MONTHS_AFTER))
    except ValueError as error:
        return _bad_request(request, str(error))
    if end < start:
        return _bad_request(request, _("Ngày kết thúc phải sau ngày bắt đầu."))
    if (end - start).days > ICS_MAX_DAYS:
        return _bad_request(request, _("Chỉ tải lịch tối đa 10 năm mỗi lần."))
    rows = agenda.entries(unit, start, end)
    content = agenda.to_ics(unit, rows, base_url=request.build_absolute_uri("/"))
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    stem = slugify(fold(unit.code).replace(".", "-")) or str(unit.pk)
    response["Content-Disposition"] = f'attachment; filename="lich-cong-tac-{stem}.ics"'
    return response


@login_not_required
@require_GET
def feed(request, token: str):
    """The subscription address: the token's user's unit calendar, 3 months back and 12 ahead."""
    user = feeds.user_for(token)
    if user is None:
        raise Http404(_("Đường dẫn đăng ký lịch không hợp lệ hoặc đã hết hiệu lực."))
    today = _today()
    rows = agenda.entries(
        user.unit,
        today - relativedelta(months=ICS_MONTHS_BEFORE),
        today + relativedelta(months=ICS_MONTHS_AFTER),
    )
    content = agenda.to_ics(user.unit, rows, base_url=request.build_absolute_uri("/"))
    return HttpResponse(content, content_type="text/calendar; charset=utf-8")
