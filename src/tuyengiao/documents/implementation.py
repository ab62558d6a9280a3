"""Theo dõi thực hiện văn bản: what each level owes for a directive, given as tasks, and the matrix
of units × actions that makes "sơ kết 5 năm thực hiện Chỉ thị 05-CT/TW" one screen.

An action (ban hành kế hoạch trong 30 ngày, học tập quán triệt với chỉ tiêu tham gia, sơ kết sau
1, 3, 5 năm) belongs to the unit that asks it of the units below. Giving it makes one task per unit
below (tasks.services.assign), so progress, evidence, reminders and overdue lists come with it.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tuyengiao.core.services import audited_save, fail
from tuyengiao.core.text import nfc
from tuyengiao.documents.models import ActionKind, Document, Reach, RequiredAction
from tuyengiao.orgs import queries as org_queries
from tuyengiao.orgs.models import OrgUnit
from tuyengiao.reporting import periods
from tuyengiao.reporting import services as reporting
from tuyengiao.reporting.models import Assignment, Submission, SubmissionStatus
from tuyengiao.tasks import services as task_services
from tuyengiao.tasks.models import Task, TaskSource, TaskStatus, attendance_percent


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
    action = _lock_ungiven(actor, action)
    today = timezone.localdate()
    units = units_owing(action, today)
    if not units:
        fail(f"“{action.unit}” không có đơn vị nào bên dưới để giao.", code="state")
    task = task_services.assign(
        actor=actor,
        assigner=action.unit,
        data=task_services.TaskData(
            title=action.title,
            deadline=max(action.due_on, today),
            source=TaskSource.DOCUMENT,
            source_reference=action.document.number,
            source_document=action.document,
            assignees=[task_services.Assignee(unit=u) for u in units],
            attendance_target=action.target_percent or None,
        ),
    )
    action.task = task
    audited_save(action, actor=actor, reason="giao việc")
    return task


def _lock_ungiven(actor, action: RequiredAction) -> RequiredAction:
    action = RequiredAction.objects.select_for_update().get(pk=action.pk)
    _check(actor, action.unit)
    if action.given:
        fail("Việc này đã được giao.", code="state")
    return action


def review_period(action: RequiredAction) -> periods.Period:
    """What a review covers: from the document's date (else a year before the deadline) to the deadline's eve."""
    end = action.due_on - dt.timedelta(days=1)
    start = action.document.issued_on or action.due_on - relativedelta(years=1)
    return periods.custom(min(start, end), end, label=action.title)


@transaction.atomic
def give_report(*, actor, action: RequiredAction, template) -> Assignment:
    """Giao báo cáo: a review ("sơ kết 5 năm thực hiện…") asked of every unit below as a report of
    `template` covering the years since the document, due on the action's deadline."""
    action = _lock_ungiven(actor, action)
    units = units_owing(action, timezone.localdate())
    if not units:
        fail(f"“{action.unit}” không có đơn vị nào bên dưới để giao.", code="state")
    assignment = reporting.create_assignment(
        actor=actor,
        template=template,
        assigner=action.unit,
        period=review_period(action),
        units=units,
        deadline=action.due_on,
    )
    action.assignment = assignment
    audited_save(action, actor=actor, reason="giao báo cáo")
    return assignment


@dataclass
class Cell:
    """One unit's part of one action: its task, or its report when the action was given as a report."""

    task: Task | None = None
    submission: Submission | None = None

    @property
    def status(self) -> str:
        today = timezone.localdate()
        if self.submission is not None:
            unsent = self.submission.status in (SubmissionStatus.DRAFT, SubmissionStatus.RETURNED)
            return (
                "overdue"
                if unsent and self.submission.assignment.deadline < today
                else self.submission.status
            )
        if self.task is None:
            return "none"
        if self.task.status in (TaskStatus.NEW, TaskStatus.IN_PROGRESS) and self.task.deadline < today:
            return "overdue"
        return self.task.status

    @property
    def label(self) -> str:
        """The status as the matrix prints it: "Quá hạn", else the task's or the report's own status."""
        if self.status == "overdue":
            return str(_("Quá hạn"))
        if self.submission is not None:
            return self.submission.get_status_display()
        return self.task.get_status_display() if self.task is not None else "—"

    @property
    def done(self) -> bool:
        if self.submission is not None:
            return self.submission.status == SubmissionStatus.ACCEPTED
        return self.task is not None and self.task.status == TaskStatus.DONE

    @property
    def owed(self) -> bool:
        if self.submission is not None:
            return True
        return self.task is not None and self.task.status != TaskStatus.CANCELLED


@dataclass
class Column:
    """One action over all units: how many are done of those that owe it, and for a study session
    with an attendance target, the party members who took part over all units that reported."""

    action: RequiredAction
    done: int
    owing: int
    participants: int = 0
    members: int = 0
    below_target: int = 0  # units that reported an attendance under the target

    @property
    def attendance(self) -> Decimal | None:
        return attendance_percent(self.participants, self.members)


def _column(action: RequiredAction, cells: list[Cell]) -> Column:
    tasks = [c.task for c in cells if c.owed and c.task is not None and c.task.members]  # cancelled left out
    return Column(
        action=action,
        done=sum(c.done for c in cells),
        owing=sum(c.owed for c in cells),
        participants=sum(t.participants for t in tasks),
        members=sum(t.members for t in tasks),
        below_target=sum(t.below_target for t in tasks),
    )


@dataclass
class Matrix:
    actions: list[RequiredAction]
    rows: list[tuple[OrgUnit, list[Cell]]]
    columns: list[Column]


def matrix(actions: list[RequiredAction]) -> Matrix:
    """Units × actions: each cell the unit's task for the action, or its report when given as one."""
    given = [a for a in actions if a.task_id]
    tasks = Task.objects.filter(parent_id__in=[a.task_id for a in given]).select_related("assignee")
    singles = Task.objects.filter(pk__in=[a.task_id for a in given], children_count=0).select_related(
        "assignee"
    )
    reported = {a.assignment_id: a.pk for a in actions if a.assignment_id}
    submissions = Submission.objects.filter(assignment_id__in=list(reported)).select_related(
        "unit", "assignment"
    )
    cells: dict[int, dict[int, Cell]] = {a.pk: {} for a in actions}
    action_of_task = {a.task_id: a.pk for a in given}
    units: dict[int, OrgUnit] = {}
    for task in [*tasks, *singles]:
        cells[action_of_task[task.parent_id or task.pk]][task.assignee_id] = Cell(task=task)
        units[task.assignee_id] = task.assignee
    for submission in submissions:
        cells[reported[submission.assignment_id]][submission.unit_id] = Cell(submission=submission)
        units[submission.unit_id] = submission.unit
    rows = [
        (unit, [cells[a.pk].get(unit.pk, Cell()) for a in actions])
        for unit in sorted(units.values(), key=lambda u: u.name_folded)
    ]
    columns = [_column(a, list(cells[a.pk].values())) for a in actions]
    return Matrix(actions=actions, rows=rows, columns=columns)
