"""Nhiệm vụ: tasks given to units, from a conclusion notice, a document, a report or nothing;
cascaded ("all communes under X") as one child task per unit; followed by progress updates."""

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from tuyengiao.core.scoping import ScopedQuerySet


def attendance_percent(participants: int | None, members: int | None) -> Decimal | None:
    """participants / members as a percent with one decimal (96,5); None without figures."""
    if participants is None or not members:
        return None
    return (Decimal(participants) * 100 / members).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


class TaskStatus(models.TextChoices):
    NEW = "new", _("Mới giao")
    IN_PROGRESS = "in_progress", _("Đang thực hiện")
    DONE = "done", _("Hoàn thành")
    CANCELLED = "cancelled", _("Đã hủy")


OPEN_STATUSES = (TaskStatus.NEW, TaskStatus.IN_PROGRESS)


class TaskSource(models.TextChoices):
    CONCLUSION = "conclusion", _("Kết luận hội nghị")
    DOCUMENT = "document", _("Văn bản")
    REPORT = "report", _("Báo cáo (phương hướng kỳ tới)")
    NONE = "none", _("Không")


class AssigneeRole(models.TextChoices):
    LEAD = "lead", pgettext_lazy("vai trò thực hiện nhiệm vụ", "Chủ trì")
    SUPPORT = "support", pgettext_lazy("vai trò thực hiện nhiệm vụ", "Phối hợp")


class TaskQuerySet(ScopedQuerySet):
    """A task belongs to the unit that carries it out (its assignee); the units above see it too."""

    unit_field = "assignee"

    def overdue(self, today: dt.date | None = None):
        today = today or timezone.localdate()
        return self.filter(status__in=OPEN_STATUSES, deadline__lt=today)

    def for_work(self):
        """What a unit does: single tasks and the children of cascades, not the parents."""
        return self.filter(children_count=0)


class Task(models.Model):
    title = models.CharField(_("nhiệm vụ"), max_length=500)
    description = models.TextField(_("nội dung"), blank=True)
    source = models.CharField(_("nguồn"), max_length=12, choices=TaskSource.choices, default=TaskSource.NONE)
    source_meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.SET_NULL, null=True, blank=True, related_name="tasks"
    )
    source_item = models.ForeignKey(
        "meetings.ConclusionItem", on_delete=models.SET_NULL, null=True, blank=True, related_name="tasks"
    )
    source_document = models.ForeignKey(
        "documents.Document", on_delete=models.SET_NULL, null=True, blank=True, related_name="tasks"
    )
    source_reference = models.CharField(
        _("văn bản, báo cáo nguồn"), max_length=300, blank=True, help_text=_("ví dụ: Kết luận số 21-KL/TW")
    )
    assigner = models.ForeignKey("orgs.OrgUnit", on_delete=models.PROTECT, related_name="tasks_given")
    assignee = models.ForeignKey("orgs.OrgUnit", on_delete=models.PROTECT, related_name="tasks")
    role = models.CharField(
        _("vai trò"), max_length=8, choices=AssigneeRole.choices, default=AssigneeRole.LEAD
    )
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children"
    )
    children_count = models.PositiveIntegerField(default=0, editable=False)
    given_on = models.DateField(_("ngày giao"))
    deadline = models.DateField(_("hạn hoàn thành"))
    status = models.CharField(
        _("trạng thái"), max_length=12, choices=TaskStatus.choices, default=TaskStatus.NEW
    )
    progress = models.PositiveSmallIntegerField(_("tiến độ (%)"), default=0)
    # Học tập, quán triệt: the share of party members who must take part, and how many did.
    # A cascade's parent holds the sums of its children's figures (roll_up).
    attendance_target = models.PositiveSmallIntegerField(_("chỉ tiêu tham gia (%)"), null=True, blank=True)
    participants = models.PositiveBigIntegerField(_("số đảng viên tham gia"), null=True, blank=True)
    members = models.PositiveBigIntegerField(_("tổng số đảng viên"), null=True, blank=True)
    completed_on = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at", "children_count"])
    objects = TaskQuerySet.as_manager()

    class Meta:
        verbose_name = _("nhiệm vụ")
        ordering = ["deadline", "pk"]
        indexes = [
            models.Index(fields=["assignee", "status", "deadline"]),
            models.Index(fields=["assigner", "parent"]),
            models.Index(fields=["status", "deadline"]),
            # The units × status matrix of what a unit gave (queries.matrix): read from the index alone.
            models.Index(
                fields=["assigner", "assignee", "status", "deadline"],
                condition=Q(children_count=0),
                name="task_given_work",
            ),
            # Overdue in a subtree (queries.overdue_under): open work in deadline order, the oldest first.
            models.Index(
                fields=["deadline", "id"],
                condition=Q(children_count=0, status__in=[s.value for s in OPEN_STATUSES]),
                name="task_open_work_deadline",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(deadline__gte=models.F("given_on")),
                name="task_deadline_after_given",
                violation_error_message=_("Hạn hoàn thành không được trước ngày giao."),
            ),
            models.CheckConstraint(condition=Q(progress__lte=100), name="task_progress_at_most_100"),
            models.CheckConstraint(
                condition=Q(participants__isnull=True, members__isnull=True)
                | Q(participants__isnull=False, members__isnull=False, participants__lte=models.F("members")),
                name="task_participants_at_most_members",
                violation_error_message=_("Số đảng viên tham gia không vượt quá tổng số đảng viên."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_cascade(self) -> bool:
        return self.children_count > 0

    def is_overdue(self, today: dt.date | None = None) -> bool:
        return self.status in OPEN_STATUSES and self.deadline < (today or timezone.localdate())

    @property
    def attendance(self) -> Decimal | None:
        """Tỷ lệ tham gia (%), one decimal; None until figures are reported."""
        return attendance_percent(self.participants, self.members)

    @property
    def below_target(self) -> bool:
        """Under the target by the exact figures (449 of 499 is under 90 %, though it prints 90,0)."""
        if self.attendance_target is None or self.participants is None or not self.members:
            return False
        return self.participants * 100 < self.attendance_target * self.members

    @property
    def display_status(self) -> str:
        return str(_("Quá hạn")) if self.is_overdue() else self.get_status_display()


def progress_file_path(instance, filename: str) -> str:
    return f"tasks/{instance.task_id}/{filename}"


class ProgressUpdate(models.Model):
    """Báo cáo tiến độ: percent, what was done, and optionally evidence (a file)."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="updates")
    percent = models.PositiveSmallIntegerField(_("tiến độ (%)"))
    text = models.TextField(_("kết quả thực hiện"), blank=True)
    participants = models.PositiveIntegerField(_("số đảng viên tham gia"), null=True, blank=True)
    members = models.PositiveIntegerField(_("tổng số đảng viên"), null=True, blank=True)
    file = models.FileField(_("tệp minh chứng"), upload_to=progress_file_path, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.task_id}: {self.percent}%"


class ReminderSent(models.Model):
    """One reminder rule fired for one task on one day: the key that keeps reminders idempotent."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="reminders")
    rule = models.CharField(max_length=20)  # e.g. "before-3", "after-1"
    day = models.DateField()
    recipients = models.PositiveSmallIntegerField(default=0)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["task", "rule", "day"], name="reminder_once")]

    def __str__(self) -> str:
        return f"{self.task_id} {self.rule} {self.day:%d/%m/%Y}"
