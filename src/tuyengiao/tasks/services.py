"""Every change to tasks goes through here: checked, atomic, audited.

Giao nhiệm vụ: to one unit, one task. To several units ("every commune under X"), a parent task
kept by the assigning unit and one child task per unit. The parent is never edited by hand:

    the parent's progress is the mean of its children's (cancelled children left out),
    and the parent is done when every child that is not cancelled is done.

That rule is stated in the UI (PARENT_RULE) and tested.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Avg, Count, Q, Sum
from django.utils import timezone

from tuyengiao.core.files import check_upload
from tuyengiao.core.services import audited_save, check_version, fail
from tuyengiao.core.text import nfc
from tuyengiao.orgs import queries as org_queries
from tuyengiao.orgs.models import OrgUnit
from tuyengiao.tasks.models import AssigneeRole, ProgressUpdate, Task, TaskSource, TaskStatus

#: Party members one unit reports on at most (the largest party committees count a few hundred thousand).
MAX_MEMBERS = 1_000_000

PARENT_RULE = (
    "Nhiệm vụ giao cho nhiều đơn vị: tiến độ chung là trung bình tiến độ của các đơn vị "
    "(không tính đơn vị đã hủy); hoàn thành khi mọi đơn vị đều hoàn thành."
)


def can_assign(actor, unit: OrgUnit) -> bool:
    """Leaders and specialists give tasks in their own unit's name; admins in any unit's."""
    if getattr(actor, "is_system_admin", False):
        return True
    return bool(getattr(actor, "can_manage_subtree", False) and actor.unit_id == unit.pk)


def can_report(actor, task: Task) -> bool:
    """The unit that carries a task out reports its progress (leaders, specialists, unit officers)."""
    if getattr(actor, "is_system_admin", False):
        return True
    return bool(getattr(actor, "can_edit_own_unit", False) and actor.unit_id == task.assignee_id)


@dataclass
class Assignee:
    unit: OrgUnit
    role: str = AssigneeRole.LEAD


@dataclass
class TaskData:
    title: str
    deadline: dt.date
    description: str = ""
    given_on: dt.date | None = None
    source: str = TaskSource.NONE
    source_reference: str = ""
    source_document: object = None  # documents.Document
    source_meeting: object = None
    source_item: object = None
    assignees: list[Assignee] = field(default_factory=list)
    attendance_target: int | None = None  # học tập, quán triệt: % of party members to take part


@transaction.atomic
def assign(*, actor, assigner: OrgUnit, data: TaskData) -> Task:
    """Giao nhiệm vụ. One unit: that task. Several: the parent (kept by `assigner`) with its children."""
    if actor is not None and not can_assign(actor, assigner):
        fail("Bạn chỉ giao nhiệm vụ nhân danh đơn vị mình (lãnh đạo, chuyên viên).", code="forbidden")
    title = nfc(data.title).strip()
    if not title:
        fail("Nhập nội dung nhiệm vụ.", field="title")
    given_on = data.given_on or timezone.localdate()
    if data.deadline < given_on:
        fail("Hạn hoàn thành không được trước ngày giao.", field="deadline")
    assignees = _unique(data.assignees)
    if not assignees:
        fail("Chọn ít nhất một đơn vị thực hiện.", field="assignees")
    if data.attendance_target is not None and not 0 < data.attendance_target <= 100:
        fail("Chỉ tiêu tham gia là một tỷ lệ từ 1 đến 100%.", field="attendance_target")
    reach = org_queries.responsibility_ids(assigner.pk)
    for assignee in assignees:
        if assignee.unit.pk == assigner.pk or assignee.unit.pk not in reach:
            fail(f"“{assignee.unit}” không thuộc phạm vi của “{assigner}”.", field="assignees")
    common = dict(
        title=title,
        description=nfc(data.description),
        source=data.source,
        source_reference=nfc(data.source_reference).strip(),
        source_document=data.source_document,
        source_meeting=data.source_meeting,
        source_item=data.source_item,
        assigner=assigner,
        given_on=given_on,
        deadline=data.deadline,
        attendance_target=data.attendance_target,
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    if len(assignees) == 1:
        task = audited_save(Task(assignee=assignees[0].unit, role=assignees[0].role, **common), actor=actor)
    else:
        task = audited_save(Task(assignee=assigner, children_count=len(assignees), **common), actor=actor)
        Task.objects.bulk_create(Task(parent=task, assignee=a.unit, role=a.role, **common) for a in assignees)
    _link_citations(task, actor)
    return task


def _link_citations(task: Task, actor) -> None:
    """The documents the task's text cites link to the registry (the cascade's parent stands for it)."""
    from tuyengiao.documents import linking

    texts = [task.title, task.description, task.source_reference]
    if task.source_document_id:
        texts.append(task.source_document.number)
    linking.link(record=task, texts=texts, unit=task.assigner, on=task.given_on, actor=actor)


def _unique(assignees: list[Assignee]) -> list[Assignee]:
    """Each unit once; named as lead and as support, it leads."""
    by_unit: dict[int, Assignee] = {}
    for assignee in assignees:
        known = by_unit.get(assignee.unit.pk)
        if known is None or assignee.role == AssigneeRole.LEAD:
            by_unit[assignee.unit.pk] = assignee
    return list(by_unit.values())


@dataclass
class ItemTasks:
    """What one conclusion item becomes: the units (lead and support) and the deadline."""

    item: object  # meetings.ConclusionItem
    lead: list[OrgUnit]
    support: list[OrgUnit] = field(default_factory=list)
    deadline: dt.date | None = None


@transaction.atomic
def from_conclusions(*, actor, notice, items: list[ItemTasks]) -> list[Task]:
    """Kết luận → nhiệm vụ in one step: every item with units becomes a task (or a cascade)."""
    meeting = notice.meeting
    reference = (
        f"Thông báo kết luận số {notice.number}" if notice.number else f"Kết luận hội nghị “{meeting}”"
    )
    given_on = notice.issued_on or meeting.starts_at.date()
    made = []
    for spec in items:
        if not spec.lead and not spec.support:
            continue
        if spec.deadline is None:
            fail(f"Nội dung {spec.item.order}: chọn hạn hoàn thành.", field="deadline")
        if spec.item.tasks.exists():
            fail(f"Nội dung {spec.item.order} đã được giao thành nhiệm vụ.", field="items")
        assignees = [Assignee(u, AssigneeRole.LEAD) for u in spec.lead] + [
            Assignee(u, AssigneeRole.SUPPORT) for u in spec.support
        ]
        made.append(
            assign(
                actor=actor,
                assigner=meeting.organizer,
                data=TaskData(
                    title=spec.item.text[:500],
                    description=spec.item.text,
                    given_on=min(given_on, spec.deadline),
                    deadline=spec.deadline,
                    source=TaskSource.CONCLUSION,
                    source_reference=reference,
                    source_meeting=meeting,
                    source_item=spec.item,
                    assignees=assignees,
                ),
            )
        )
    if not made:
        fail("Chọn đơn vị thực hiện cho ít nhất một nội dung kết luận.", field="items")
    return made


@transaction.atomic
def report_progress(
    *,
    actor,
    task: Task,
    expected_version: int | None,
    percent: int,
    text: str = "",
    file=None,
    done: bool = False,
    participants: int | None = None,
    members: int | None = None,
) -> Task:
    """Báo cáo tiến độ: the percent reached and what was done; 100 % (or "done") completes the task.

    A task with an attendance target (học tập, quán triệt) also takes how many party members took
    part out of how many; it cannot be completed without them.
    """
    task = Task.objects.select_for_update().get(pk=task.pk)
    check_version(task, expected_version)
    if actor is not None and not can_report(actor, task):
        fail("Chỉ đơn vị thực hiện báo cáo tiến độ nhiệm vụ này.", code="forbidden")
    if task.is_cascade:
        fail("Tiến độ của nhiệm vụ giao nhiều đơn vị được tính từ các đơn vị; " + PARENT_RULE, code="state")
    if task.status in (TaskStatus.DONE, TaskStatus.CANCELLED):
        fail(f"Nhiệm vụ {task.get_status_display().lower()}, không báo cáo thêm được.", code="state")
    if percent is None or not 0 <= percent <= 100:
        fail("Tiến độ phải từ 0 đến 100 %.", field="percent")
    text = nfc(text).strip()
    try:
        check_upload(file)
    except ValidationError as error:
        fail(" ".join(error.messages), field="file")
    if done:
        percent = 100
    if percent < task.progress:
        fail(f"Tiến độ không giảm được (đang {task.progress} %).", field="percent")
    participants, members = _attendance(task, participants, members, completing=percent == 100)
    ProgressUpdate.objects.create(
        task=task,
        percent=percent,
        text=text,
        file=file,
        participants=participants,
        members=members,
        actor=actor if getattr(actor, "pk", None) else None,
    )
    task.progress = percent
    if members is not None:
        task.participants, task.members = participants, members
    if percent == 100:
        task.status, task.completed_on = TaskStatus.DONE, timezone.localdate()
    elif percent > 0 or text:
        task.status = TaskStatus.IN_PROGRESS
    task.version += 1
    audited_save(task, actor=actor, reason=f"Tiến độ {percent} %")
    if task.parent_id:
        roll_up(task.parent_id, actor=actor)
    return task


def _attendance(task: Task, participants, members, *, completing: bool) -> tuple[int | None, int | None]:
    """The attendance figures of a progress report, checked; (None, None) when none are given."""
    if participants is None and members is None:
        if completing and task.attendance_target is not None and task.members is None:
            fail(
                "Nhập số đảng viên tham gia và tổng số đảng viên để hoàn thành việc học tập, quán triệt.",
                field="participants",
            )
        return None, None
    if task.attendance_target is None:
        fail("Nhiệm vụ này không theo dõi số người tham gia.", field="participants")
    if members is None or members <= 0:
        fail("Nhập tổng số đảng viên (lớn hơn 0).", field="members")
    if participants is None or participants < 0:
        fail("Nhập số đảng viên tham gia.", field="participants")
    if members > MAX_MEMBERS:
        fail("Tổng số đảng viên của một đơn vị không quá 1.000.000.", field="members")
    if participants > members:
        fail(
            f"Số đảng viên tham gia ({participants}) không vượt quá tổng số đảng viên ({members}).",
            field="participants",
        )
    return participants, members


@transaction.atomic
def cancel(*, actor, task: Task, reason: str) -> Task:
    """Hủy nhiệm vụ (the assigning unit); a cascade's children go with it."""
    task = Task.objects.select_for_update().get(pk=task.pk)
    if actor is not None and not can_assign(actor, task.assigner):
        fail("Chỉ đơn vị giao nhiệm vụ được hủy nhiệm vụ.", code="forbidden")
    if task.status == TaskStatus.CANCELLED:
        return task
    reason = nfc(reason).strip() or "Hủy nhiệm vụ"
    for child in task.children.exclude(status=TaskStatus.CANCELLED):
        child.status = TaskStatus.CANCELLED
        child.version += 1
        audited_save(child, actor=actor, reason=reason)
    task.status = TaskStatus.CANCELLED
    task.version += 1
    audited_save(task, actor=actor, reason=reason)
    if task.parent_id:
        roll_up(task.parent_id, actor=actor)
    return task


def roll_up(parent_id: int, *, actor=None) -> Task:
    """PARENT_RULE, in one aggregate over the children."""
    parent = Task.objects.select_for_update().get(pk=parent_id)
    if parent.status == TaskStatus.CANCELLED:
        return parent
    live = parent.children.exclude(status=TaskStatus.CANCELLED)
    figures = live.aggregate(
        mean=Avg("progress"),
        n=Count("pk"),
        done=Count("pk", filter=Q(status=TaskStatus.DONE)),
        started=Count("pk", filter=~Q(status=TaskStatus.NEW)),
        participants=Sum("participants"),
        members=Sum("members"),
    )
    progress = round(figures["mean"] or 0)
    if figures["n"] and figures["done"] == figures["n"]:
        status, progress = TaskStatus.DONE, 100
    elif figures["started"] or progress:
        status = TaskStatus.IN_PROGRESS
    else:
        status = TaskStatus.NEW
    attendance = (figures["participants"], figures["members"])
    if (parent.progress, parent.status, parent.participants, parent.members) != (
        progress,
        status,
        *attendance,
    ):
        parent.progress, parent.status = progress, status
        parent.participants, parent.members = attendance
        parent.completed_on = timezone.localdate() if status == TaskStatus.DONE else None
        parent.version += 1
        audited_save(parent, actor=actor, reason="Tổng hợp tiến độ các đơn vị")
    return parent
