"""Lịch công tác of a unit: its meetings (organized, or joined as a connection point) and the
deadlines of its tasks, for a date range; as rows for the screens and as an iCalendar feed."""

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db.models import Q

from tuyengiao.meetings.models import Meeting, MeetingStatus
from tuyengiao.orgs.models import OrgUnit
from tuyengiao.tasks.models import OPEN_STATUSES, Task

VN = ZoneInfo("Asia/Ho_Chi_Minh")
PRODID = "-//Tuyen giao//Lich cong tac//VI"


@dataclass(frozen=True)
class Entry:
    uid: str
    kind: str  # "meeting" or "deadline"
    title: str
    start: dt.datetime | dt.date
    end: dt.datetime | dt.date
    place: str = ""
    description: str = ""
    cancelled: bool = False
    url: str = ""

    @property
    def day(self) -> dt.date:
        return self.start.astimezone(VN).date() if isinstance(self.start, dt.datetime) else self.start


def entries(unit: OrgUnit, start: dt.date, end: dt.date) -> list[Entry]:
    """Everything on the unit's calendar from `start` to `end` (both included), by time."""
    window_start = dt.datetime.combine(start, dt.time.min, VN)
    window_end = dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, VN)
    meetings = (
        Meeting.objects.filter(Q(organizer=unit) | Q(points__unit=unit))
        .filter(starts_at__lt=window_end, ends_at__gte=window_start)
        .exclude(status=MeetingStatus.DRAFT)  # an imported article not yet confirmed
        .select_related("organizer")
        .distinct()
        .order_by("starts_at")
    )
    found = [
        Entry(
            uid=f"meeting-{m.pk}@tuyengiao",
            kind="meeting",
            title=m.title,
            start=m.starts_at,
            end=m.ends_at,
            place=m.place,
            description="\n".join(
                line
                for line in (
                    f"{m.get_kind_display()} · {m.get_format_display()}",
                    f"Đơn vị tổ chức: {m.organizer}",
                    f"Chủ trì: {m.chair}" if m.chair else "",
                )
                if line
            ),
            cancelled=m.status == MeetingStatus.CANCELLED,
            url=f"/hoi-nghi/{m.pk}/",
        )
        for m in meetings
    ]
    tasks = Task.objects.filter(
        assignee=unit, status__in=OPEN_STATUSES, deadline__range=(start, end)
    ).select_related("assigner")
    found += [
        Entry(
            uid=f"task-{t.pk}@tuyengiao",
            kind="deadline",
            title=f"Hạn: {t.title}",
            start=t.deadline,
            end=t.deadline + dt.timedelta(days=1),
            description=f"Đơn vị giao: {t.assigner}\nTiến độ: {t.progress} %",
            url=f"/nhiem-vu/{t.pk}/",
        )
        for t in tasks
    ]
    found.sort(key=lambda e: (e.day, 0 if e.kind == "deadline" else 1, str(e.start)))
    return found


def to_ics(unit: OrgUnit, rows: list[Entry], *, base_url: str = "") -> bytes:
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"Lịch công tác — {unit}")
    calendar.add("x-wr-timezone", "Asia/Ho_Chi_Minh")
    stamp = dt.datetime.now(dt.UTC)
    for row in rows:
        event = Event()
        event.add("uid", row.uid)
        event.add("dtstamp", stamp)
        event.add("summary", row.title)
        event.add("dtstart", row.start)
        event.add("dtend", row.end)
        if row.place:
            event.add("location", row.place)
        if row.description:
            event.add("description", row.description)
        if row.url and base_url:
            event.add("url", base_url.rstrip("/") + row.url)
        event.add("status", "CANCELLED" if row.cancelled else "CONFIRMED")
        calendar.add_component(event)
    return calendar.to_ical()
