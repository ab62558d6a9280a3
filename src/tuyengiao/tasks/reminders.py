"""Nhắc hạn nhiệm vụ: e-mails to the unit carrying a task out, a set number of days before its
deadline and after it (while still open). Idempotent: a (task, rule, day) is recorded in the same
transaction as its e-mail, so whatever the number of runs (cron, the background job, by hand, two
at once) no task is reminded twice by the same rule on the same day, and a failed e-mail is retried
by the next run.
"""

import datetime as dt

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django_tasks import task

from tuyengiao.accounts.models import Role, User
from tuyengiao.tasks.models import OPEN_STATUSES, ReminderSent, Task

#: (rule, days from the deadline): negative before it, positive after it.
RULES = (("before-3", -3), ("before-1", -1), ("after-1", 1), ("after-7", 7))


def send_reminders(today: dt.date) -> int:
    """Send what is due today; returns the number of e-mails sent."""
    sent = 0
    for rule, offset in RULES:
        due = (
            Task.objects.filter(
                children_count=0, status__in=OPEN_STATUSES, deadline=today - dt.timedelta(days=offset)
            )
            .exclude(reminders__rule=rule, reminders__day=today)
            .select_related("assignee", "assigner")
        )
        tasks = list(due)
        recipients = _recipients({t.assignee_id for t in tasks})
        for item in tasks:
            sent += _remind(item, rule, offset, today, recipients.get(item.assignee_id, []))
    return sent


def _recipients(unit_ids: set[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for account in User.objects.filter(unit_id__in=unit_ids, is_active=True).exclude(email=""):
        if account.has_role(Role.UNIT_OFFICER, Role.LEADER, Role.SPECIALIST):
            found.setdefault(account.unit_id, []).append(account.email)
    return found


def _remind(item: Task, rule: str, offset: int, today: dt.date, recipients: list[str]) -> int:
    try:
        with transaction.atomic():
            ReminderSent.objects.create(task=item, rule=rule, day=today, recipients=len(recipients))
            if not recipients:
                return 0
            return send_mail(
                _subject(item, offset),
                _body(item, offset),
                settings.DEFAULT_FROM_EMAIL,
                recipients,
            )
    except IntegrityError:  # another run took this one
        return 0


def _subject(item: Task, offset: int) -> str:
    if offset < 0:
        return f"[Tuyên giáo] Còn {-offset} ngày đến hạn: {item.title[:120]}"
    return f"[Tuyên giáo] Quá hạn {offset} ngày: {item.title[:120]}"


def _body(item: Task, offset: int) -> str:
    lines = [
        f"Nhiệm vụ: {item.title}",
        f"Đơn vị giao: {item.assigner}",
        f"Đơn vị thực hiện: {item.assignee}",
        f"Hạn hoàn thành: {item.deadline:%d/%m/%Y}",
        f"Tiến độ hiện tại: {item.progress} %",
    ]
    if item.source_reference:
        lines.append(f"Nguồn: {item.source_reference}")
    lines.append("Cập nhật tiến độ trong hệ thống Tuyên giáo, mục “Nhiệm vụ”.")
    return "\n".join(lines)


@task()
def send_reminders_job() -> int:
    """The same as `tuyengiao send-reminders`, for the background worker."""
    from django.utils import timezone

    return send_reminders(timezone.localdate())
