"""Completeness and timeliness of an assignment: who has reported, on time or late, who is missing."""

import io
from dataclasses import dataclass, field

from django.utils import timezone

from tuyengiao.accounts.models import Role, User
from tuyengiao.core.xlsx import append_row
from tuyengiao.reporting.models import Assignment, SubmissionStatus

ON_TIME, LATE, MISSING, PENDING, RETURNED = "on_time", "late", "missing", "pending", "returned"
LABELS = {
    ON_TIME: "Đúng hạn",
    LATE: "Trễ hạn",
    MISSING: "Chưa nộp (quá hạn)",
    PENDING: "Chưa nộp (còn hạn)",
    RETURNED: "Bị trả lại",
}


@dataclass
class Row:
    submission: object
    state: str
    contacts: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return LABELS[self.state]


@dataclass
class Grid:
    rows: list[Row]
    counts: dict[str, int]
    total: int

    def percent(self, state: str) -> int:
        return round(100 * self.counts.get(state, 0) / self.total) if self.total else 0

    @property
    def submitted(self) -> int:
        return self.counts.get(ON_TIME, 0) + self.counts.get(LATE, 0)

    @property
    def coverage_label(self) -> str:
        return f"{self.submitted}/{self.total} đơn vị đã nộp"

    @property
    def missing(self) -> list[Row]:
        return [row for row in self.rows if row.state in (MISSING, PENDING, RETURNED)]


def state_of(submission, deadline, today) -> str:
    if submission.status == SubmissionStatus.RETURNED:
        return RETURNED
    if submission.status in (SubmissionStatus.SUBMITTED, SubmissionStatus.ACCEPTED):
        return LATE if submission.is_late else ON_TIME
    return MISSING if today > deadline else PENDING


def grid(assignment: Assignment) -> Grid:
    today = timezone.localdate()
    submissions = list(assignment.submissions.select_related("unit").order_by("unit__name_folded"))
    contacts = {}
    for user in User.objects.filter(unit_id__in=[s.unit_id for s in submissions], is_active=True):
        if user.has_role(Role.UNIT_OFFICER, Role.LEADER, Role.SPECIALIST):
            contacts.setdefault(user.unit_id, []).append(
                ", ".join(part for part in (user.get_full_name(), user.phone, user.email) if part)
            )
    rows = [Row(s, state_of(s, assignment.deadline, today), contacts.get(s.unit_id, [])) for s in submissions]
    counts = {}
    for row in rows:
        counts[row.state] = counts.get(row.state, 0) + 1
    return Grid(rows=rows, counts=counts, total=len(rows))


def to_xlsx(assignment: Assignment) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    result = grid(assignment)
    book = Workbook()
    sheet = book.active
    sheet.title = "Tình hình nộp"
    append_row(sheet, [f"{assignment.template.name} — {assignment.period_label}"])
    append_row(sheet, [f"Hạn nộp: {assignment.deadline:%d/%m/%Y}", result.coverage_label])
    append_row(sheet, [])
    append_row(sheet, ["Đơn vị", "Mã", "Tình trạng", "Gửi lúc", "Liên hệ"])
    for cell in sheet[4]:
        cell.font = Font(bold=True)
    for row in result.rows:
        sent = row.submission.first_submitted_at
        append_row(
            sheet,
            [
                row.submission.unit.name,
                row.submission.unit.code,
                row.label,
                timezone.localtime(sent).strftime("%H:%M %d/%m/%Y") if sent else "",
                "; ".join(row.contacts),
            ],
        )
    for column, width in zip("ABCDE", (34, 14, 22, 18, 50), strict=True):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
