"""Reads of tasks, scoped to what the user may see; bounded query counts whatever the volume."""

import datetime as dt

from django.db.models import Case, Count, Q, Value, When

from tuyengiao.orgs.models import OrgUnit
from tuyengiao.tasks.models import OPEN_STATUSES, Task, TaskStatus

MATRIX_COLUMNS = ("new", "in_progress", "overdue", "done", "cancelled")


def my_tasks(user):
    """Nhiệm vụ của đơn vị tôi: what my unit carries out; open ones first, nearest deadline first."""
    if user.unit_id is None:
        return Task.objects.none()
    closed = Case(When(status__in=OPEN_STATUSES, then=Value(0)), default=Value(1))
    return (
        Task.objects.visible_to(user)
        .filter(assignee_id=user.unit_id, children_count=0)
        .select_related("assigner", "assignee")
        .order_by(closed, "deadline", "pk")
    )


def matrix(user, today: dt.date) -> list[dict]:
    """Nhiệm vụ đơn vị tôi đã giao: units × status (new, in progress, overdue, done, cancelled), by unit name.

    Two queries: the counts by unit, read from the `task_given_work` index alone (no join before the
    aggregate: a province's matrix adds up every task it gave), then the names of those units.
    """
    if user.unit_id is None:
        return []
    open_ = Q(status__in=OPEN_STATUSES)
    # Count a column of the index (every task has a status), so that no row is read from the table.
    counts = (
        Task.objects.visible_to(user)
        .filter(assigner_id=user.unit_id, children_count=0)
        .values("assignee_id")
        .annotate(
            new=Count("status", filter=Q(status=TaskStatus.NEW, deadline__gte=today)),
            in_progress=Count("status", filter=Q(status=TaskStatus.IN_PROGRESS, deadline__gte=today)),
            overdue=Count("status", filter=open_ & Q(deadline__lt=today)),
            done=Count("status", filter=Q(status=TaskStatus.DONE)),
            cancelled=Count("status", filter=Q(status=TaskStatus.CANCELLED)),
            total=Count("status"),
        )
        .order_by()
    )
    by_unit = {row.pop("assignee_id"): row for row in counts}
    if not by_unit:
        return []
    names = OrgUnit.objects.filter(pk__in=list(by_unit)).order_by("name", "pk").values_list("pk", "name")
    return [{"assignee_id": pk, "assignee__name": name, **by_unit[pk]} for pk, name in names]


def overdue_under(user, today: dt.date):
    """Quá hạn: every open task past its deadline in the user's subtree, oldest deadline first.

    The `task_open_work_deadline` index hands the open tasks over in deadline order: a page of them
    stops early instead of sorting every overdue task of a province."""
    return (
        Task.objects.visible_to(user)
        .overdue(today)
        .filter(children_count=0)
        .select_related("assignee", "assigner")
        .order_by("deadline", "pk")
    )
