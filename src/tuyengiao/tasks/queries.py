"""Reads of tasks, scoped to what the user may see; bounded query counts whatever the volume."""

import datetime as dt

from django.db.models import Case, Count, Q, Value, When

from tuyengiao.tasks.models import OPEN_STATUSES, Task, TaskStatus

MATRIX_COLUMNS = ("new", "in_progress", "overdue", "done", "cancelled")


def my_tasks(user, *, limit: int = 200):
    """Nhiệm vụ của đơn vị tôi: what my unit carries out; open ones first, nearest deadline first."""
    if user.unit_id is None:
        return Task.objects.none()
    closed = Case(When(status__in=OPEN_STATUSES, then=Value(0)), default=Value(1))
    return (
        Task.objects.visible_to(user)
        .filter(assignee_id=user.unit_id, children_count=0)
        .select_related("assigner")
        .order_by(closed, "deadline", "pk")[:limit]
    )


def matrix(user, today: dt.date) -> list[dict]:
    """Nhiệm vụ đơn vị tôi đã giao: units × status (new, in progress, overdue, done, cancelled), one query."""
    if user.unit_id is None:
        return []
    open_ = Q(status__in=OPEN_STATUSES)
    rows = (
        Task.objects.visible_to(user)
        .filter(assigner_id=user.unit_id, children_count=0)
        .values("assignee_id", "assignee__name")
        .annotate(
            new=Count("pk", filter=Q(status=TaskStatus.NEW, deadline__gte=today)),
            in_progress=Count("pk", filter=Q(status=TaskStatus.IN_PROGRESS, deadline__gte=today)),
            overdue=Count("pk", filter=open_ & Q(deadline__lt=today)),
            done=Count("pk", filter=Q(status=TaskStatus.DONE)),
            cancelled=Count("pk", filter=Q(status=TaskStatus.CANCELLED)),
            total=Count("pk"),
        )
        .order_by("assignee__name")
    )
    return list(rows)


def overdue_under(user, today: dt.date, *, limit: int = 500):
    """Quá hạn: every open task past its deadline in the user's subtree, oldest deadline first."""
    return (
        Task.objects.visible_to(user)
        .overdue(today)
        .filter(children_count=0)
        .select_related("assignee", "assigner")
        .order_by("deadline", "pk")[:limit]
    )
