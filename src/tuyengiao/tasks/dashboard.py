"""The meetings-and-tasks part of a unit's home page: upcoming meetings, overdue tasks, and how far
each unit has got with the tasks my unit gave (a chart)."""

import json

from django.db.models import Count, Q
from django.utils import timezone

from tuyengiao.meetings.models import Meeting, MeetingStatus
from tuyengiao.tasks.models import Task, TaskStatus


def for_user(user) -> dict:
    if user.unit_id is None:
        return {}
    now, today = timezone.now(), timezone.localdate()
    context = {
        "meetings": list(
            Meeting.objects.visible_to(user)
            .filter(ends_at__gte=now)
            .exclude(status__in=[MeetingStatus.CANCELLED, MeetingStatus.DRAFT])
            .select_related("organizer")
            .order_by("starts_at")[:5]
        ),
        "my_overdue": Task.objects.filter(assignee_id=user.unit_id, children_count=0).overdue(today).count(),
        "my_open": Task.objects.filter(
            assignee_id=user.unit_id, children_count=0, status__in=(TaskStatus.NEW, TaskStatus.IN_PROGRESS)
        ).count(),
    }
    if not user.can_manage_subtree:
        return context
    context["overdue_below"] = Task.objects.visible_to(user).filter(children_count=0).overdue(today).count()
    rows = list(
        Task.objects.filter(assigner_id=user.unit_id, children_count=0)
        .exclude(status=TaskStatus.CANCELLED)
        .values("assignee__name")
        .annotate(total=Count("pk"), done=Count("pk", filter=Q(status=TaskStatus.DONE)))
        .order_by("assignee__name")[:40]
    )
    if rows:
        context["chart"] = {
            "id": "chart-task-completion",
            "data": json.dumps(
                {
                    "labels": [row["assignee__name"] for row in rows],
                    "datasets": [
                        {
                            "label": "Hoàn thành (%)",
                            "data": [round(100 * row["done"] / row["total"]) for row in rows],
                        }
                    ],
                }
            ),
        }
    return context
