"""Theo dõi thực hiện văn bản: what each level owes for a directive, given as tasks, and the matrix
of units × actions that makes "sơ kết 5 năm thực hiện Chỉ thị 05-CT/TW" one screen.

An action (ban hành kế hoạch trong 30 ngày, học tập quán triệt với chỉ tiêu tham gia, sơ kết sau
1, 3, 5 năm) belongs to the unit that asks it of the units below. Giving it makes one task per unit
below (tasks.services.assign), so progress, evidence, reminders and overdue lists come with it.
"""

import datetime as dt
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta
from django.db import transaction
from django.utils import timezone

from tuyengiao.core.services import audited_save, fail
from tuyengiao.core.text import nfc
from tuyengiao.documents.models import ActionKind, Document, Reach, RequiredAction
from tuyengiao.orgs import queries as org_queries
from tuyengiao.orgs.models import OrgUnit
from tuyengiao.tasks import services as task_services
from tuyengiao.tasks.models import Task, TaskSource, TaskStatus


@dataclass(frozen=True)
class Preset:
    kind: str
    title: str  # "{doc}" is the document's name
    after: relativedelta
    target_percent: int | None = None


#: The usual cycle of a directive: a plan within a month, study within two, reviews after 1, 3, 5 years.
PRESETS = (
    Preset(ActionKind.PLAN, "Ban hành kế hoạch thực hiện {doc}", relativedelta(days=30)),
    Preset(ActionKind.STUDY, "Tổ chức học tập, quán triệt {doc}", relativedelta(days=60), 90),
    Preset(ActionKind.REVIEW, "Sơ kết 1 năm thực hiện {doc}", relativedelta(years=1)),
    Preset(ActionKind.REVIEW, "Sơ kết 3 năm thực hiện {doc}", relativedelta(years=3)),
    Preset(ActionKind.REVIEW, "Sơ kết 5 năm thực hiện {doc}", relativedelta(years=5)),
)


def can_track(actor, unit: OrgUnit) -> bool:
    return task_services.can_assign(actor, unit)


def _check(actor, unit: OrgUnit) -> None:
    if actor is not None and not can_track(actor, unit):
        fail(
            "Bạn chỉ giao việc thực hiện văn bản nhân danh đơn vị mình (lãnh đạo, chuyên viên).",
            code="forbidden",
        )


@transaction.atomic
def add_action(
    *,
    actor,
    document: Document,
    unit: OrgUnit,
    kind: str,
    title: str,
    due_on: dt.date,
    target_percent: int | None = None,
    reach: str = Reach.CHILDREN,
) -> RequiredAction:
    _check(actor, unit)
    title = nfc(title).strip()
    if not title:
        fail("Nhập nội dung việc phải làm.", field="title")
    if target_percent is not None and not 0 <= target_percent <= 100:
        fail("Chỉ tiêu tham gia là một tỷ lệ từ 0 đến 100%.", field="target_percent")
    if document.issued_on and due_on < document.issued_on:
        fail("Hạn không được trước ngày ban hành văn bản.", field="due_on")
    action = RequiredAction(
        document=document,
        unit=unit,
        kind=kind,
        title=title[:300],
        due_on=due_on,
        target_percent=target_percent,
        reach=reach,
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    return audited_save(action, actor=actor)


@transaction.atomic
def add_presets(
    *, actor, document: Document, unit: OrgUnit, start: dt.date | None = None
) -> list[RequiredAction]:
    """The usual cycle, counted from `start` (the document's date, or today). Kinds already there are skipped."""
    start = start or document.issued_on or timezone.localdate()
    have = set(RequiredAction.objects.filter(document=document, unit=unit).values_list("title", flat=True))
    made = []
    for preset in PRESETS:
        title = preset.title.format(doc=document)
        if title not in have:
            made.append(
                add_action(
                    actor=actor,
                    document=document,
                    unit=unit,
                    kind=preset.kind,
                    title=title,
                    due_on=start + preset.after,
                    target_percent=preset.target_percent,
                )
            )
    return made


def units_owing(action: RequiredAction, on: dt.date) -> list[OrgUnit]:
    if action.reach == Reach.COMMUNES:
        from tuyengiao.meetings.forms import communes_below

        return communes_below(action.unit)
    return list(org_queries.children(action.unit, on))


@transaction.atomic
def give(*, actor, action: RequiredAction) -> Task:
    """Giao việc: one task per unit below, linked to the document."""
    action = RequiredAction.objects.select_for_update().get(pk=action.pk)
    _check(actor, action.unit)
    if action.task_id:
        fail("Việc này đã được giao.", code="state")
    today = timezone.localdate()
    units = units_owing(action, today)
    if not units:
        fail(f"“{action.unit}” không có đơn vị nào bên dưới để giao.", code="state")
    description = f"Chỉ tiêu: {action.target_percent}% đảng viên tham gia." if action.target_percent else ""
    task = task_services.assign(
        actor=actor,
        assigner=action.unit,
        data=task_services.TaskData(
            title=action.title,
            deadline=max(action.due_on, today),
            description=description,
            source=TaskSource.DOCUMENT,
            source_reference=action.document.number,
            source_document=action.document,
            assignees=[task_services.Assignee(unit=u) for u in units],
        ),
    )
    action.task = task
    audited_save(action, actor=actor, reason="giao việc")
    return task


@dataclass
class Cell:
    task: Task | None

    @property
    def status(self) -> str:
        if self.task is None:
            return "none"
        if (
            self.task.status in (TaskStatus.NEW, TaskStatus.IN_PROGRESS)
            and self.task.deadline < timezone.localdate()
        ):
            return "overdue"
        return self.task.status


@dataclass
class Matrix:
    actions: list[RequiredAction]
    rows: list[tuple[OrgUnit, list[Cell]]]
    columns: list[tuple[RequiredAction, int, int]]  # each action with its units done and owing


def matrix(actions: list[RequiredAction]) -> Matrix:
    """Units × actions: each cell the unit's task for the action (its status, progress, deadline)."""
    given = [a for a in actions if a.task_id]
    tasks = Task.objects.filter(parent_id__in=[a.task_id for a in given]).select_related("assignee")
    singles = Task.objects.filter(pk__in=[a.task_id for a in given], children_count=0).select_related(
        "assignee"
    )
    by_action: dict[int, dict[int, Task]] = {a.pk: {} for a in actions}
    action_of_task = {a.task_id: a.pk for a in given}
    units: dict[int, OrgUnit] = {}
    for task in [*tasks, *singles]:
        owner = action_of_task[task.parent_id or task.pk]
        by_action[owner][task.assignee_id] = task
        units[task.assignee_id] = task.assignee
    rows = [
        (unit, [Cell(by_action[a.pk].get(unit.pk)) for a in actions])
        for unit in sorted(units.values(), key=lambda u: u.name_folded)
    ]
    columns = [
        (
            a,
            sum(1 for t in by_action[a.pk].values() if t.status == TaskStatus.DONE),
            sum(1 for t in by_action[a.pk].values() if t.status != TaskStatus.CANCELLED),
        )
        for a in actions
    ]
    return Matrix(actions=actions, rows=rows, columns=columns)
