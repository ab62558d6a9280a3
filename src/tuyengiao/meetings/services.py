"""Every change to meetings goes through here: checked, atomic, audited.

A meeting belongs to its organizer unit; its connection points (điểm cầu) are units of that
unit's subtree, or named places. A recurring series ("Chủ nhật đầu tiên hằng tháng") is an RRULE
whose occurrences are meetings of their own, created ahead for a horizon; an occurrence can be
moved or cancelled alone. A meeting whose conclusions already became tasks is never deleted
silently: the user says whether those tasks are kept or cancelled.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from tuyengiao.core.files import check_upload
from tuyengiao.core.services import audited_save, check_version, fail
from tuyengiao.core.text import nfc
from tuyengiao.meetings import recurrence
from tuyengiao.meetings.models import (
    ConclusionItem,
    ConclusionNotice,
    ConnectionPoint,
    Meeting,
    MeetingFile,
    MeetingFormat,
    MeetingSeries,
    MeetingStatus,
)
from tuyengiao.orgs import queries as org_queries
from tuyengiao.orgs.models import OrgUnit

SERIES_HORIZON = dt.timedelta(days=366)  # occurrences created ahead of today


@dataclass
class PointData:
    """One connection point as typed: a unit or a place, its attendance, its host."""

    unit: OrgUnit | None = None
    place: str = ""
    attendance: int | None = 0
    host: str = ""


@dataclass
class MeetingData:
    title: str
    kind: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    format: str = MeetingFormat.IN_PERSON
    place: str = ""
    period_key: str = ""
    period_label: str = ""
    chair: str = ""
    speakers: str = ""
    attendance: int | None = None
    agenda: str = ""
    minutes: str = ""
    points: list[PointData] = field(default_factory=list)


def can_organize(actor, unit: OrgUnit) -> bool:
    """Leaders, specialists and unit officers organize their own unit's meetings; admins any."""
    if getattr(actor, "is_system_admin", False):
        return True
    return bool(getattr(actor, "can_edit_own_unit", False) and actor.unit_id == unit.pk)


def _check_organizer(actor, unit: OrgUnit) -> None:
    if actor is not None and not can_organize(actor, unit):
        fail("Bạn chỉ tổ chức được hội nghị của đơn vị mình.", code="forbidden")


def _checked(data: MeetingData, organizer: OrgUnit) -> MeetingData:
    data.title = nfc(data.title).strip()
    if not data.title:
        fail("Nhập tên hội nghị.", field="title")
    if data.ends_at < data.starts_at:
        fail("Giờ kết thúc phải sau giờ bắt đầu.", field="ends_at")
    if data.attendance is not None and data.attendance < 0:
        fail("Số người dự không được là số âm.", field="attendance")
    if data.format == MeetingFormat.IN_PERSON and data.points:
        fail("Hội nghị trực tiếp không có điểm cầu; chọn hình thức trực tuyến hoặc kết hợp.", field="format")
    reach = None
    for number, point in enumerate(data.points, start=1):
        point.place, point.host = nfc(point.place).strip(), nfc(point.host).strip()
        if point.unit is None and not point.place:
            fail(f"Điểm cầu {number}: chọn một đơn vị hoặc nhập địa điểm.", field="points")
        if point.attendance is None or point.attendance < 0:
            fail(f"Điểm cầu {number}: số người dự không được là số âm.", field="points")
        if point.unit is not None:
            reach = reach if reach is not None else org_queries.responsibility_ids(organizer.pk)
            if point.unit.pk not in reach:
                fail(
                    f"Điểm cầu {number}: “{point.unit}” không thuộc phạm vi của “{organizer}”.",
                    field="points",
                )
    return data


def _apply(meeting: Meeting, data: MeetingData) -> None:
    for name in (
        "title",
        "kind",
        "format",
        "starts_at",
        "ends_at",
        "place",
        "period_key",
        "period_label",
        "chair",
        "speakers",
        "attendance",
        "agenda",
        "minutes",
    ):
        value = getattr(data, name)
        setattr(meeting, name, nfc(value) if isinstance(value, str) else value)


def _replace_points(meeting: Meeting, points: list[PointData]) -> None:
    meeting.points.all().delete()
    ConnectionPoint.objects.bulk_create(
        ConnectionPoint(
            meeting=meeting, unit=p.unit, place=p.place, attendance=p.attendance or 0, host=p.host
        )
        for p in points
    )


@transaction.atomic
def create_meeting(*, actor, organizer: OrgUnit, data: MeetingData) -> Meeting:
    _check_organizer(actor, organizer)
    data = _checked(data, organizer)
    meeting = Meeting(organizer=organizer, created_by=actor if getattr(actor, "pk", None) else None)
    _apply(meeting, data)
    audited_save(meeting, actor=actor)
    _replace_points(meeting, data.points)
    link_citations(meeting, actor=actor)
    return meeting


@transaction.atomic
def update_meeting(*, actor, meeting: Meeting, expected_version: int | None, data: MeetingData) -> Meeting:
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    check_version(meeting, expected_version)
    _check_organizer(actor, meeting.organizer)
    data = _checked(data, meeting.organizer)
    _apply(meeting, data)
    meeting.version += 1
    audited_save(meeting, actor=actor)
    _replace_points(meeting, data.points)
    link_citations(meeting, actor=actor)
    return meeting


def link_citations(meeting: Meeting, *, actor=None) -> None:
    """The documents cited in the meeting's title, agenda, minutes and conclusions link to the registry."""
    from tuyengiao.documents import linking

    texts = [meeting.title, meeting.agenda, meeting.minutes]
    notice = ConclusionNotice.objects.filter(meeting=meeting).first()
    if notice is not None:
        texts += [notice.number, notice.summary, *notice.items.values_list("text", flat=True)]
    linking.link(
        record=meeting, texts=texts, unit=meeting.organizer, on=meeting.starts_at.date(), actor=actor
    )


@dataclass(frozen=True)
class Totals:
    points: int
    attendance: int  # delegates: the meeting's own count, or the connection points' sum


def totals(meeting: Meeting) -> Totals:
    """28 điểm cầu, 1.200 đại biểu: the points' attendances add up unless the meeting states its own."""
    points = list(meeting.points.all())
    summed = sum(p.attendance for p in points)
    return Totals(
        points=len(points), attendance=meeting.attendance if meeting.attendance is not None else summed
    )


# ---------------------------------------------------------------- recurring series


@transaction.atomic
def create_series(
    *,
    actor,
    organizer: OrgUnit,
    title: str,
    kind: str,
    rrule: str,
    first_start: dt.datetime,
    duration_minutes: int = 120,
    format: str = MeetingFormat.IN_PERSON,
    place: str = "",
    horizon_until: dt.datetime | None = None,
) -> MeetingSeries:
    """Một chuỗi họp định kỳ, with its meetings created up to a year ahead (see `extend_series`)."""
    _check_organizer(actor, organizer)
    title = nfc(title).strip()
    if not title:
        fail("Nhập tên chuỗi họp.", field="title")
    if duration_minutes <= 0:
        fail("Thời lượng phải lớn hơn 0 phút.", field="duration_minutes")
    try:
        rule = recurrence.parse(rrule, first_start)
    except recurrence.RecurrenceError as error:
        fail(str(error), field="rrule")
    series = audited_save(
        MeetingSeries(
            organizer=organizer,
            title=title,
            kind=kind,
            format=format,
            rrule=rule.text,
            first_start=rule.start,
            duration_minutes=duration_minutes,
            place=nfc(place),
            created_by=actor if getattr(actor, "pk", None) else None,
        ),
        actor=actor,
    )
    extend_series(series, until=horizon_until)
    return series


def extend_series(series: MeetingSeries, *, until: dt.datetime | None = None) -> int:
    """Create the series' meetings up to `until` (default: a year from now) that do not exist yet.
    Moved and cancelled occurrences keep their rows, so they are never recreated. Returns how many."""
    rule = recurrence.parse(series.rrule, series.first_start)
    until = until or max(timezone.now(), series.first_start) + SERIES_HORIZON
    existing = set(series.meetings.values_list("occurrence_date", flat=True))
    start, made = series.first_start, []
    while start <= until:  # the rule is expanded ten years at a time at most
        end = min(until, start + dt.timedelta(days=3650))
        for occurrence in recurrence.occurrences(rule, start, end):
            if occurrence.original in existing:
                continue
            existing.add(occurrence.original)
            made.append(
                Meeting(
                    organizer=series.organizer,
                    title=series.title,
                    kind=series.kind,
                    format=series.format,
                    place=series.place,
                    starts_at=occurrence.when,
                    ends_at=occurrence.when + dt.timedelta(minutes=series.duration_minutes),
                    series=series,
                    occurrence_date=occurrence.original,
                    created_by=series.created_by,
                )
            )
        start = end + dt.timedelta(seconds=1)
    Meeting.objects.bulk_create(made)
    return len(made)


@transaction.atomic
def move_meeting(*, actor, meeting: Meeting, expected_version: int | None, starts_at: dt.datetime) -> Meeting:
    """Dời một buổi họp: same length, new time; a series keeps knowing which occurrence it was."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    check_version(meeting, expected_version)
    _check_organizer(actor, meeting.organizer)
    if meeting.status == MeetingStatus.CANCELLED:
        fail("Buổi họp đã hủy, không dời được.", code="state")
    length = meeting.ends_at - meeting.starts_at
    meeting.starts_at, meeting.ends_at = starts_at, starts_at + length
    meeting.version += 1
    return audited_save(meeting, actor=actor, reason="Dời lịch")


@transaction.atomic
def cancel_meeting(*, actor, meeting: Meeting, reason: str = "", tasks: str | None = None) -> Meeting:
    """Hủy một buổi họp. Tasks made from its conclusions are kept or cancelled, as the user chose."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    _check_organizer(actor, meeting.organizer)
    _settle_tasks(actor, meeting, tasks)
    meeting.status = MeetingStatus.CANCELLED
    meeting.version += 1
    return audited_save(meeting, actor=actor, reason=nfc(reason) or "Hủy buổi họp")


@transaction.atomic
def delete_meeting(*, actor, meeting: Meeting, tasks: str | None = None) -> None:
    """Xóa hội nghị. Its tasks, if any, must be kept (detached from it) or cancelled: never silently."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    _check_organizer(actor, meeting.organizer)
    _settle_tasks(actor, meeting, tasks)
    meeting._history_user = actor if getattr(actor, "is_authenticated", False) else None
    meeting.delete()


def _settle_tasks(actor, meeting: Meeting, choice: str | None) -> None:
    from tuyengiao.tasks import services as task_services

    made = meeting.tasks.filter(parent__isnull=True)
    if not made.exists():
        return
    if choice not in ("keep", "cancel"):
        fail(
            f"Kết luận của hội nghị đã thành {made.count()} nhiệm vụ: chọn giữ lại hay hủy các nhiệm vụ đó.",
            code="tasks_exist",
            field="tasks",
        )
    if choice == "cancel":
        for task in made:
            task_services.cancel(actor=actor, task=task, reason=f"Hủy theo hội nghị “{meeting}”")
    # "keep": the tasks stay as they are; once the meeting is gone they name no source meeting.


@transaction.atomic
def attach_file(*, actor, meeting: Meeting, upload, kind: str) -> MeetingFile:
    """Tài liệu, biên bản: a file of the meeting, of an allowed kind and size."""
    _check_organizer(actor, meeting.organizer)
    try:
        check_upload(upload)
    except ValidationError as error:
        fail(" ".join(error.messages), field="file")
    return MeetingFile.objects.create(
        meeting=meeting,
        kind=kind,
        file=upload,
        name=nfc(upload.name)[:255],
        uploaded_by=actor if getattr(actor, "pk", None) else None,
    )


# ---------------------------------------------------------------- minutes and conclusions


@transaction.atomic
def save_conclusion(
    *,
    actor,
    meeting: Meeting,
    number: str = "",
    issued_on: dt.date | None = None,
    summary: str = "",
    items: list[str],
) -> ConclusionNotice:
    """Thông báo kết luận: its number and the items (Một là…, Hai là…). Items that already became
    tasks keep their text: the tasks were given with it."""
    _check_organizer(actor, meeting.organizer)
    items = [nfc(text).strip() for text in items if nfc(text).strip()]
    if not items:
        fail("Thông báo kết luận cần ít nhất một nội dung.", field="items")
    if issued_on is not None and issued_on < meeting.starts_at.date() - dt.timedelta(days=1):
        fail("Ngày ban hành thông báo không được trước ngày họp.", field="issued_on")
    notice, _created = ConclusionNotice.objects.get_or_create(meeting=meeting)
    notice.number, notice.issued_on, notice.summary = nfc(number).strip(), issued_on, nfc(summary)
    audited_save(notice, actor=actor)
    current = {item.order: item for item in notice.items.all()}
    for order, text in enumerate(items, start=1):
        item = current.pop(order, None)
        if item is None:
            ConclusionItem.objects.create(notice=notice, order=order, text=text)
        elif item.text != text:
            if item.tasks.exists():
                fail(f"Nội dung {order} đã được giao thành nhiệm vụ, không sửa được.", field="items")
            item.text = text
            item.save(update_fields=["text"])
    for item in current.values():
        if item.tasks.exists():
            fail(f"Nội dung {item.order} đã được giao thành nhiệm vụ, không xóa được.", field="items")
        item.delete()
    link_citations(meeting, actor=actor)
    return notice
